package check

// Code is a stable reason code; the JSON output's "code" and the names in
// the documentation are these strings, so they never change.
type Code string

// The reason codes.
const (
	Unreadable      Code = "unreadable"
	MissingTag      Code = "missing-tag"
	TooShort        Code = "too-short"
	TooLong         Code = "too-long"
	NoImage         Code = "no-image"
	ImageUnreadable Code = "image-unreadable"
	OutsideWindow   Code = "outside-window"
	NoTimestamp     Code = "no-timestamp"
	AuthorLimit     Code = "author-limit"
	BlockedAuthor   Code = "blocked-author"
	BannedWord      Code = "banned-word"
	NearDuplicate   Code = "near-duplicate"
	CopiesBrief     Code = "copies-brief"
	ReusedImage     Code = "reused-image"
	DuplicateID     Code = "duplicate-id"
	BadWallet       Code = "bad-wallet"
	NoWallet        Code = "no-wallet"
	SharedWallet    Code = "shared-wallet"
	Overridden      Code = "override"
)

// Codes lists every code in the order summaries show them.
var Codes = []Code{
	Unreadable, MissingTag, TooShort, TooLong, NoImage, ImageUnreadable,
	OutsideWindow, NoTimestamp, AuthorLimit, BlockedAuthor, BannedWord,
	NearDuplicate, CopiesBrief, ReusedImage,
	DuplicateID,
	BadWallet, NoWallet, SharedWallet, Overridden,
}

// Reason is one finding about an entry. Measured and Limit are what was
// found and what the rule asks, as text ("45", "60"), empty where they do
// not apply. Other names the entry this one repeats (near-duplicate,
// reused-image). Pass marks a check that passed; only explain shows those.
type Reason struct {
	Code     Code
	Message  string
	Measured string
	Limit    string
	Other    string
	Pass     bool
}

// Failed returns the reasons that are not passes.
func Failed(rs []Reason) []Reason {
	out := rs[:0:0]
	for _, r := range rs {
		if !r.Pass {
			out = append(out, r)
		}
	}
	return out
}
