package text

import etext "github.com/promo-cli/promo/pkg/text"

// The options, spans and tags are the engine's own types: their names and
// values are the contract, not logic the scanner replaced.
type (
	Unit     = etext.Unit
	Exclude  = etext.Exclude
	Syntax   = etext.Syntax
	Span     = etext.Span
	SpanKind = etext.SpanKind
	Tag      = etext.Tag
	TagKind  = etext.TagKind
)

const (
	Runes     = etext.Runes
	Graphemes = etext.Graphemes
	Width     = etext.Width
	Weibo     = etext.Weibo
	Han       = etext.Han
	Words     = etext.Words
	Twitter   = etext.Twitter

	ExcludeTags        = etext.ExcludeTags
	ExcludeURLs        = etext.ExcludeURLs
	ExcludeMentions    = etext.ExcludeMentions
	ExcludeWhitespace  = etext.ExcludeWhitespace
	ExcludePunctuation = etext.ExcludePunctuation
	ExcludeEmoji       = etext.ExcludeEmoji

	SyntaxAuto    = etext.SyntaxAuto
	SyntaxTwitter = etext.SyntaxTwitter
	SyntaxWeibo   = etext.SyntaxWeibo

	SpanText    = etext.SpanText
	SpanURL     = etext.SpanURL
	SpanTag     = etext.SpanTag
	SpanMention = etext.SpanMention
	SpanSpace   = etext.SpanSpace
	SpanPunct   = etext.SpanPunct
	SpanEmoji   = etext.SpanEmoji

	Hashtag = etext.Hashtag
	Topic   = etext.Topic
	Cashtag = etext.Cashtag
)

// Units lists every unit in display order.
var Units = etext.Units

// ExcludeNames maps the rule-file spelling of each exclusion to its bit.
var ExcludeNames = etext.ExcludeNames

// Fold says which differences a comparison of tags, keywords and banned
// words ignores; the oracle's own type, for its own Apply.
type Fold struct {
	Width  bool
	Case   bool
	Space  bool
	Script bool
}

// AllFolds is the rule-file default: every fold on.
var AllFolds = Fold{Width: true, Case: true, Space: true, Script: true}

// Normalize is the engine's: not logic the scanner replaced.
func Normalize(s string) string { return etext.Normalize(s) }
