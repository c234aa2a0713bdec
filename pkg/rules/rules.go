// Package rules reads a campaign rule file: strict YAML (JSON also loads)
// decoded against the Go types below, every problem reported with its
// file:line:col and a hint, then checked in small named steps that also fill
// the resolved, ready-to-use values (times, zones, units, decimals, tiers).
//
// The same types give the JSON Schema that editors use to complete and check
// rule files (see Schema).
package rules

import (
	"path/filepath"
	"time"

	"github.com/promo-cli/promo/pkg/text"
	"github.com/shopspring/decimal"
)

// Rules is one campaign's rule file. Fields tagged yaml:"-" are resolved by
// Load, Parse and Apply after validation; callers read them, never set them.
type Rules struct {
	Name    string     `yaml:"name" jsonschema_description:"Campaign name, shown in reports."`
	Window  Window     `yaml:"window" jsonschema_description:"When entries count. Absent: no window."`
	Export  ExportOpts `yaml:"export" jsonschema_description:"How to read the exported files."`
	Fields  Fields     `yaml:"fields" jsonschema_description:"Column or key names in the export, when they differ from the defaults and their aliases."`
	Tags    Tags       `yaml:"tags" jsonschema_description:"Tags an entry must carry."`
	Length  Length     `yaml:"length" jsonschema_description:"Length limits of the post text."`
	Media   Media      `yaml:"media" jsonschema_description:"Image requirements."`
	Authors Authors    `yaml:"authors" jsonschema_description:"Per-author limits."`
	Content Content    `yaml:"content" jsonschema_description:"Banned words, the brief and similarity thresholds."`
	Scoring Scoring    `yaml:"scoring" jsonschema_description:"How valid entries are scored (0-100)."`
	Rewards Rewards    `yaml:"rewards" jsonschema_description:"The reward pool and how it is split. Absent: no payouts."`
	Review  Review     `yaml:"review" jsonschema_description:"Manual decisions applied after the checks."`

	Path string `yaml:"-"` // the file the rules came from; paths inside resolve against Dir()
	// MaxInput is the size limit for the rule file and the files it names
	// (brief, judges sheet); 0 means input.DefaultMaxSize. Set by LoadMax.
	MaxInput int64 `yaml:"-"`

	data []byte              // the file bytes, for Placeholders
	pos  map[string]position // where each key's value sits, by dotted path
	bad  map[string]bool     // values that failed to decode, so checks skip them
}

// Dir is the folder that relative paths in the rule file resolve against.
func (r *Rules) Dir() string {
	if r.Path == "" {
		return "."
	}
	return filepath.Dir(r.Path)
}

// Window is the campaign period. A post counts when Start <= created_at <= End;
// a zero Start or End leaves that side open.
type Window struct {
	StartText string `yaml:"start" jsonschema_description:"First moment that counts: 2006-01-02 15:04, 2006-01-02 15:04:05, 2006-01-02 or RFC 3339."`
	EndText   string `yaml:"end" jsonschema_description:"Last moment that counts, same forms as start; a date alone means the end of that day."`
	Timezone  string `yaml:"timezone" jsonschema_description:"IANA zone (Asia/Shanghai) or offset (+08:00) for times written without one. Default: export.timezone, else UTC."`

	Set      bool           `yaml:"-"` // start or end given
	Start    time.Time      `yaml:"-"`
	End      time.Time      `yaml:"-"`
	Location *time.Location `yaml:"-"`
}

// Contains reports whether t falls inside the window; with no window set,
// every time does.
func (w Window) Contains(t time.Time) bool {
	if !w.Start.IsZero() && t.Before(w.Start) {
		return false
	}
	return w.End.IsZero() || !t.After(w.End)
}

// ExportOpts says how to read exported files.
type ExportOpts struct {
	Encoding string       `yaml:"encoding" jsonschema:"enum=auto,enum=utf-8,enum=utf-16,enum=utf-16le,enum=utf-16be,enum=gbk,enum=gb18030,enum=big5,default=auto" jsonschema_description:"Text encoding of files that have no byte-order mark and are not valid UTF-8; auto detects it per file."`
	Timezone string       `yaml:"timezone" jsonschema_description:"Zone for timestamps written without one. Default: window.timezone, else UTC."`
	Files    []ExportFile `yaml:"files" jsonschema_description:"Settings for some files only, by glob; the first entry whose glob matches a file applies to it."`
	// DateOrder is read by the export package; "" leaves 9/3/2025 unreadable.
	DateOrder string `yaml:"date_order" jsonschema:"enum=ymd,enum=dmy,enum=mdy" jsonschema_description:"Order of day and month in dates written with the year last (9/3/2025): dmy or mdy. Unset, such a date is read only when its numbers allow one order."`

	Location *time.Location `yaml:"-"`
}

// ExportFile holds settings for the export files a glob matches. Its
// encoding replaces export.encoding and its fields replace the top-level
// fields map, for those files only.
type ExportFile struct {
	Glob     string `yaml:"glob" jsonschema:"minLength=1" jsonschema_description:"Files this entry applies to, matched against the path under the export folder (posts/*.csv) or the file name alone (*.csv)."`
	Encoding string `yaml:"encoding" jsonschema:"enum=auto,enum=utf-8,enum=utf-16,enum=utf-16le,enum=utf-16be,enum=gbk,enum=gb18030,enum=big5" jsonschema_description:"Encoding of these files when they have no byte-order mark and are not valid UTF-8. Empty: export.encoding."`
	Fields   Fields `yaml:"fields" jsonschema_description:"Column or key names in these files; replaces the top-level fields map for them."`
}

// Fields maps each canonical field to the column or key that holds it in
// the export. Empty means the default name and its aliases.
type Fields struct {
	ID        string `yaml:"id" jsonschema_description:"Column holding the entry id."`
	Author    string `yaml:"author" jsonschema_description:"Column holding the author (default aliases: uid, user, username)."`
	Content   string `yaml:"content" jsonschema_description:"Column holding the post text (default aliases: text, body)."`
	Images    string `yaml:"images" jsonschema_description:"Column holding image paths or URLs."`
	CreatedAt string `yaml:"created_at" jsonschema_description:"Column holding the post time."`
	Likes     string `yaml:"likes" jsonschema_description:"Column holding the like count."`
	Comments  string `yaml:"comments" jsonschema_description:"Column holding the comment count."`
	Reposts   string `yaml:"reposts" jsonschema_description:"Column holding the repost count."`
	Views     string `yaml:"views" jsonschema_description:"Column holding the view count."`
	Wallet    string `yaml:"wallet" jsonschema_description:"Column holding the payout address (default aliases: address, wallet_address, 钱包地址, 錢包地址)."`
}

// Tags lists the tags an entry must carry, as written in posts.
type Tags struct {
	AllOf []string `yaml:"all_of" jsonschema_description:"Every one must appear, e.g. \"#积分狂欢节#\", \"#ES\" or \"$ES\"."`
	AnyOf []string `yaml:"any_of" jsonschema_description:"At least one must appear, when set."`
	Match Match    `yaml:"match" jsonschema_description:"Differences ignored when tags, keywords and banned words are compared."`

	Fold text.Fold `yaml:"-"`
}

// Match holds the tag folds as written in the rule file.
type Match struct {
	FoldWidth  bool `yaml:"fold_width" jsonschema:"default=true" jsonschema_description:"Full-width and half-width forms compare equal (＃ is #)."`
	FoldCase   bool `yaml:"fold_case" jsonschema:"default=true" jsonschema_description:"Upper and lower case compare equal."`
	FoldSpace  bool `yaml:"fold_space" jsonschema:"default=true" jsonschema_description:"Runs of spaces, NBSP and U+3000 are one space."`
	FoldScript bool `yaml:"fold_script" jsonschema:"default=true" jsonschema_description:"Traditional and Simplified Chinese compare equal."`
}

// Length limits the post text, measured in Unit after leaving out Exclude.
type Length struct {
	Min         int       `yaml:"min" jsonschema:"minimum=0,default=0" jsonschema_description:"Shortest length allowed; 0: no minimum."`
	Max         int       `yaml:"max" jsonschema:"minimum=0,default=0" jsonschema_description:"Longest length allowed; 0: no maximum."`
	Unit        text.Unit `yaml:"unit" jsonschema:"enum=runes,enum=graphemes,enum=width,enum=weibo,enum=han,enum=words,enum=twitter,default=graphemes" jsonschema_description:"How length is measured."`
	ExcludeList []string  `yaml:"exclude" jsonschema:"uniqueItems=true" jsonschema_description:"What is left out before measuring: tags, urls, mentions, whitespace, punctuation, emoji. Default: tags, urls, mentions, whitespace."`

	Exclude text.Exclude `yaml:"-"`
}

// Media holds the image requirements.
type Media struct {
	MinImages     int     `yaml:"min_images" jsonschema:"minimum=0,default=0" jsonschema_description:"Fewest images an entry must attach."`
	Verify        bool    `yaml:"verify" jsonschema:"default=true" jsonschema_description:"Open local images to check they are images of at least the minimum size."`
	MinWidth      int     `yaml:"min_width" jsonschema:"minimum=0,default=0" jsonschema_description:"Narrowest image accepted, in pixels."`
	MinHeight     int     `yaml:"min_height" jsonschema:"minimum=0,default=0" jsonschema_description:"Shortest image accepted, in pixels."`
	ReuseDistance int     `yaml:"reuse_distance" jsonschema:"minimum=0,maximum=64,default=6" jsonschema_description:"Largest perceptual-hash distance (0-64) at which two images are compared tile by tile."`
	ReuseTiles    float64 `yaml:"reuse_tiles" jsonschema:"minimum=0,maximum=1,default=1" jsonschema_description:"Share of tiles (0-1) that must match for two compared images to count as the same screenshot; 1: every tile."`
}

// The values of authors.keep.
const (
	KeepFirst = "first"
	KeepBest  = "best"
)

// Authors holds the per-author limits.
type Authors struct {
	MaxEntries int      `yaml:"max_entries" jsonschema:"minimum=0,default=1" jsonschema_description:"Most entries kept per author; 0: unlimited."`
	Keep       string   `yaml:"keep" jsonschema:"enum=first,enum=best,default=best" jsonschema_description:"Which of an author's entries are kept: the earliest or the highest-scoring."`
	Blocklist  []string `yaml:"blocklist" jsonschema_description:"Authors whose entries are rejected."`
}

// Content holds banned words, the brief and the similarity thresholds.
type Content struct {
	Banned             []string `yaml:"banned" jsonschema_description:"Words or phrases that reject an entry, compared with the tag folds."`
	Brief              string   `yaml:"brief" jsonschema_description:"The announcement text, relative to the rule file; entries too close to it are rejected."`
	BriefThreshold     float64  `yaml:"brief_threshold" jsonschema:"minimum=0,maximum=1,default=0.6" jsonschema_description:"Similarity to the brief (0-1) from which an entry copies it."`
	DuplicateThreshold float64  `yaml:"duplicate_threshold" jsonschema:"minimum=0,maximum=1,default=0.8" jsonschema_description:"Similarity to an earlier entry (0-1) from which an entry is a near duplicate."`

	BriefPath string `yaml:"-"` // Brief resolved against the rule file's folder
}

// Scoring says how valid entries are scored.
type Scoring struct {
	Weights      Weights `yaml:"weights" jsonschema_description:"Weight of each score component; the score is their weighted mean."`
	LengthTarget int     `yaml:"length_target" jsonschema:"minimum=1,default=300" jsonschema_description:"Length at which the length component is full."`
	Topics       []Topic `yaml:"topics" jsonschema_description:"Topic groups; the topics component is the share of groups an entry mentions."`
	Judges       string  `yaml:"judges" jsonschema_description:"CSV of id,judge,score rows, relative to the rule file."`
	JudgesScale  Scale   `yaml:"judges_scale" jsonschema_description:"Range of judge scores, mapped to 0-1."`
	JudgesNorm   string  `yaml:"judges_normalize" jsonschema:"enum=none,enum=zscore,default=none" jsonschema_description:"none: judges' scores as given; zscore: each judge's scores standardised before the mean, so a harsh judge and a generous one weigh the same."`

	JudgesPath string `yaml:"-"` // Judges resolved against the rule file's folder
}

// Weights of the score components.
type Weights struct {
	Length      float64 `yaml:"length" jsonschema:"minimum=0,default=1" jsonschema_description:"Weight of length: min(1, length / length_target)."`
	Topics      float64 `yaml:"topics" jsonschema:"minimum=0,default=2" jsonschema_description:"Weight of topics: share of topic groups mentioned."`
	Engagement  float64 `yaml:"engagement" jsonschema:"minimum=0,default=1" jsonschema_description:"Weight of engagement: likes, comments and reposts, log-scaled."`
	Media       float64 `yaml:"media" jsonschema:"minimum=0,default=0.5" jsonschema_description:"Weight of media: min(1, images / 2)."`
	Originality float64 `yaml:"originality" jsonschema:"minimum=0,default=1" jsonschema_description:"Weight of originality: 1 - highest similarity to another entry or the brief."`
	Judges      float64 `yaml:"judges" jsonschema:"minimum=0,default=0" jsonschema_description:"Weight of judges: mean judge score, scaled by judges_scale."`
}

// Topic is one group of keywords; mentioning any of them covers the topic.
type Topic struct {
	Name     string   `yaml:"name" jsonschema_description:"Topic name, shown in explain output."`
	Keywords []string `yaml:"keywords" jsonschema:"minItems=1" jsonschema_description:"Any one of these covers the topic."`
}

// Scale is the range of judge scores.
type Scale struct {
	Min float64 `yaml:"min" jsonschema:"default=0" jsonschema_description:"Lowest judge score."`
	Max float64 `yaml:"max" jsonschema:"default=10" jsonschema_description:"Highest judge score."`
}

// The values of rewards.split.
const (
	SplitEqual        = "equal"
	SplitTiered       = "tiered"
	SplitProportional = "proportional"
)

// The values of rewards.unfilled.
const (
	UnfilledLeave        = "leave"
	UnfilledRedistribute = "redistribute"
)

// The values of rewards.ties.
const (
	TiesShare    = "share"
	TiesEarliest = "earliest"
)

// Rewards holds the pool and how it is split. Winners is 0 when the rule
// file has no rewards section.
type Rewards struct {
	PoolText         Amount     `yaml:"pool" jsonschema_description:"Amount to share, e.g. \"1250\"."`
	Token            string     `yaml:"token" jsonschema_description:"Token or currency name, e.g. ES."`
	Decimals         int        `yaml:"decimals" jsonschema:"minimum=0,maximum=18,default=2" jsonschema_description:"Decimal places paid."`
	Winners          int        `yaml:"winners" jsonschema:"minimum=1" jsonschema_description:"How many entries are paid."`
	Split            string     `yaml:"split" jsonschema:"enum=equal,enum=tiered,enum=proportional,default=equal" jsonschema_description:"equal shares, a tiers table, or in proportion to score."`
	TierSpecs        []TierSpec `yaml:"tiers" jsonschema_description:"Amount per rank, for split: tiered."`
	Ties             string     `yaml:"ties" jsonschema:"enum=share,enum=earliest,default=share" jsonschema_description:"Entries tied at the cut-off share the places they occupy, or the earliest wins."`
	MaxPerWinnerText Amount     `yaml:"max_per_winner" jsonschema_description:"Optional cap per winner, in any split mode; what no one can take is leftover. Empty: none."`
	Unfilled         string     `yaml:"unfilled" jsonschema:"enum=leave,enum=redistribute" jsonschema_description:"With fewer valid entries than winners: leave the empty places' money unpaid (leftover), or redistribute it to those who placed. Default: redistribute for equal and proportional, leave for tiered."`
	PayTo            string     `yaml:"pay_to" jsonschema:"enum=uid,enum=wallet,default=uid" jsonschema_description:"Who is paid: the author's platform uid, or the wallet address each entry gives (checked for rewards.chain)."`
	Chain            string     `yaml:"chain" jsonschema:"enum=evm,enum=solana,enum=ton,enum=tron" jsonschema_description:"Address family of the wallets, required with pay_to: wallet."`
	TokenAddress     string     `yaml:"token_address" jsonschema_description:"ERC-20 contract of the token paid, for rank -o safe-csv; empty: the chain's native coin."`

	Pool         decimal.Decimal `yaml:"-"`
	Tiers        []Tier          `yaml:"-"` // sorted by From
	MaxPerWinner decimal.Decimal `yaml:"-"` // zero: no cap
}

// TierSpec is one row of the tiers table as written.
type TierSpec struct {
	Ranks  string `yaml:"ranks" jsonschema:"oneof_type=string;integer" jsonschema_description:"A rank (\"1\") or a range (\"4-10\")."`
	Amount Amount `yaml:"amount" jsonschema_description:"Amount paid to each rank in the range."`
}

// Tier pays Amount to each rank from From to To, both included.
type Tier struct {
	From, To int
	Amount   decimal.Decimal
}

// Amount is a decimal amount as written: a YAML string or number, kept as
// text so no float ever touches it.
type Amount string
