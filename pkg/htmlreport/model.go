package htmlreport

import "github.com/promo-cli/promo/pkg/draw"

// Page is everything the report shows. Build fills it from a judged
// campaign; Write renders it.
type Page struct {
	Public       bool // the results page for the community: no entry but the winners is named
	Campaign     string
	Window       string // "2025-07-15 10:00:00 to 2025-07-22 23:59:59 (Asia/Shanghai)"; "" when the rules set none
	RulesDigest  string
	InputsDigest string
	Version      string // promo's version
	Stamp        string // when the page was made; "" unless asked for
	Unit         string // the length unit

	Rules   []Fact // the rules in a few lines
	Funnel  Funnel
	Reasons []ReasonCount // entries per reason code, in funnel order
	Lengths Histogram
	Scores  Histogram

	Winners []Winner
	Rewards *Rewards // nil when the rules have no rewards
	Ranked  int      // valid entries ranked

	Entries  []Row    // every entry, in source order; empty on the public page
	Details  []Detail // Details[i] explains Entries[i]; Build leaves it empty and fills packed
	packed   [][]byte // the details as written, chunkSize entries a chunk (packChunk)
	Clusters []Cluster
	Reused   []ReusedPair
	Draw     *Draw
	Thumbs   ThumbBudget

	// Shown and the totals are how much of a long list the page holds.
	ClustersTotal, ReusedTotal int
}

// Fact is one line of the rules summary.
type Fact struct{ Label, Value string }

// Funnel is how the entries read became the entries paid.
type Funnel struct {
	Read  int
	Steps []Step // the checks that removed entries, in the order they run
	Valid int
	Paid  int
}

// Step is one check of the funnel. An entry is removed by the first check
// it fails; With counts every entry the check failed, as validate does,
// except entries an override accepted, which are valid.
type Step struct {
	Code      string
	Removed   int
	Remaining int
	With      int
}

// ReasonCount is how many entries one reason code was found against.
type ReasonCount struct {
	Code  string
	Count int
}

// Histogram is a distribution drawn as bars, with marked values.
type Histogram struct {
	Label   string // what is counted, e.g. "length (graphemes)"
	From    float64
	Width   float64 // of one bin
	Counts  []int
	Marks   []Mark
	Note    string // e.g. "no valid entries"
	Samples int
}

// Mark is a line across a chart: a limit or a cut-off.
type Mark struct {
	At    float64
	Label string
}

// Winner is one paid entry.
type Winner struct {
	Rank       int
	ID, Author string
	Score      float64
	Reward     string
}

// Rewards is the pool's reconciliation: Pool = Paid + Leftover.
type Rewards struct {
	Pool, Paid, Leftover, Token string
	Split                       string
}

// Row is one entry in the table.
type Row struct {
	ID, Author, Source string
	Verdict            string // "valid", "invalid" or "unreadable"
	Codes              []string
	Length             int
	Score              float64
	Rank               int    // 0 when not ranked
	Reward             string // "" when not paid
}

// Detail is what opening an entry shows: the explanation and the text.
type Detail struct {
	Text       []Segment // nil when the post could not be read
	Checks     []CheckLine
	Components []Component
	Score      float64
	Ranked     bool
}

// Segment is a run of a post's text; Kind says how it is highlighted:
// "" plain, "tag" a tag the rules ask for, "tag-other" another tag,
// "url" and "mention" spans the length leaves out, "near" a near-miss of
// a required tag (Diff its differing part), "shared" a passage two
// near-duplicates share.
type Segment struct {
	Kind string
	Text string
	Diff string // near: the differing runes, after Text
	Tail string // near: what follows Diff
}

// CheckLine is one check of the explanation.
type CheckLine struct {
	Code            string
	Pass            bool
	Measured, Limit string
	Message         string
}

// Component is one score component with its inputs.
type Component struct {
	Name          string
	Value, Weight float64
	Detail        string
}

// Cluster is a group of near-duplicates; each pair sets a later entry
// beside the earliest, with the passages they share marked.
type Cluster struct {
	Pairs []Pair
}

// Pair is two texts side by side.
type Pair struct {
	Similarity string // "0.93"
	Left       Side
	Right      Side
}

// Side is one entry of a pair.
type Side struct {
	ID, Author, Source string
	Text               []Segment
}

// ReusedPair is a screenshot attached to an entry and the earlier
// entry's screenshot it repeats.
type ReusedPair struct {
	Distance string // bits of 64 the perceptual hashes differ by
	Limit    string
	Left     Shot // the earlier entry
	Right    Shot
}

// Shot is one screenshot: its entry and a thumbnail.
type Shot struct {
	ID, Author, Ref string
	Thumb           Thumb
}

// Thumb is a downscaled image as a data URI; URI is "" when the image
// could not be read or the budget was spent (Missing says which).
type Thumb struct {
	URI           string
	Width, Height int
	Missing       string
}

// ThumbBudget is the thumbnails' total size and the cap it stays under.
type ThumbBudget struct {
	Cap, Used      int // bytes of data URI
	Shown, Omitted int
	MaxSide        int
}

// Draw is the lucky draw run with --seed.
type Draw struct {
	Seed           string
	Eligible       int
	EligibleDigest string
	Winners        []Pick
	Alternates     []Pick
}

// Pick is one drawn entry.
type Pick = draw.Chosen
