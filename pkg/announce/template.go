package announce

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Defaults where the announcement is silent; the rule file marks each TODO.
// The pool and token are placeholders that pass validation, not guesses.
const (
	defaultName    = "campaign"
	defaultWinners = 10
	defaultPool    = "1000"
	defaultToken   = "TOKEN"
	defaultZone    = "UTC"
	defaultTarget  = 300
	commentColumns = 60
)

// Template writes the commented rule file for what was inferred: every key,
// each explained; inferred values name the line they came from, the rest
// are TODO defaults. briefPath, when given, becomes content.brief.
func Template(inf *Inferred, briefPath string) []byte {
	if inf == nil {
		inf = &Inferred{}
	}
	w := &writer{inf: inf}
	w.header()
	w.name()
	w.window()
	w.export()
	w.tags()
	w.length()
	w.media()
	w.authors()
	w.content(briefPath)
	w.scoring()
	w.rewards()
	return []byte(w.b.String())
}

// DefaultTemplate is the rule file `promo init` writes without an announcement.
func DefaultTemplate() []byte {
	return Template(&Inferred{}, "")
}

type writer struct {
	b   strings.Builder
	inf *Inferred
}

// section starts a top-level key after a blank line and its explanation.
func (w *writer) section(comments ...string) {
	w.b.WriteString("\n")
	for _, c := range comments {
		w.b.WriteString("# " + c + "\n")
	}
}

// key writes one "key: value" line at the given depth, with an end comment.
func (w *writer) key(depth int, key, value, comment string) {
	w.b.WriteString(strings.Repeat("  ", depth) + key + ":")
	if value != "" {
		w.b.WriteString(" " + value)
	}
	if comment != "" {
		w.b.WriteString("  # " + comment)
	}
	w.b.WriteString("\n")
}

func (w *writer) comment(depth int, text string) {
	w.b.WriteString(strings.Repeat("  ", depth) + "# " + text + "\n")
}

// from is the "from line N: …" note for an inferred key, or "".
func (w *writer) from(path string) string {
	src, ok := w.inf.From[path]
	if !ok {
		return ""
	}
	return fmt.Sprintf("from line %d: %s", src.Line, commentText(src.Text))
}

// note is the from-note when the key was inferred, else the TODO.
func (w *writer) note(path string, inferred bool, todo string) string {
	if f := w.from(path); inferred && f != "" {
		return f
	}
	if inferred {
		return ""
	}
	return "TODO: " + todo
}

func (w *writer) header() {
	w.b.WriteString("# promo rule file: which entries are eligible, how they are scored, how the pool is paid.\n")
	w.b.WriteString("# Check it with `promo rules check FILE`. Paths are relative to this file.\n")
	w.b.WriteString("# \"from line N\" names the announcement line a value was read from; TODO marks a\n")
	w.b.WriteString("# default the announcement did not give: set it before judging.\n")
}

func (w *writer) name() {
	inf := w.inf
	w.section("Campaign name, shown in reports.")
	w.key(0, "name", quote(or(inf.Name, defaultName)), w.note("name", inf.Name != "", "name the campaign"))
}

func (w *writer) window() {
	inf := w.inf
	w.section(`Entries count only when created_at falls between start and end ("2006-01-02 15:04:05"),`,
		`read in timezone (an IANA name such as Asia/Shanghai, or Etc/GMT-8 for UTC+8). "" leaves a side open.`)
	w.key(0, "window", "", "")
	todo := "the announcement gives no dates; the window is open"
	w.key(1, "start", quote(inf.WindowStart), w.note("window.start", inf.WindowStart != "", todo))
	w.key(1, "end", quote(inf.WindowEnd), w.note("window.end", inf.WindowEnd != "", todo))
	w.key(1, "timezone", quote(w.zone()), w.note("window.timezone", inf.Timezone != "", "the announcement names no time zone"))
}

func (w *writer) zone() string {
	return or(w.inf.Timezone, defaultZone)
}

func (w *writer) export() {
	w.section("How to read the export: the encoding of files that have no byte-order mark and are",
		"not valid UTF-8 (auto detects GBK, GB18030, Big5 or UTF-16 per file; or name one: utf-8,",
		"utf-16, gbk, gb18030, big5), and the time zone of timestamps written without one.")
	w.key(0, "export", "", "")
	w.key(1, "encoding", "auto", "")
	w.key(1, "timezone", quote(w.zone()), "the window's zone; change it if the export uses another")
}

func (w *writer) tags() {
	inf := w.inf
	w.section(`Required tags, quoted, in the syntax posts must use: "#topic with spaces#" (Weibo, Gate),`,
		`"#Tag" (Twitter) or "$CASHTAG". A tag matches whole: "#ESLaunchpool" is not "#ES".`)
	w.key(0, "tags", "", "")
	if len(inf.Tags) == 0 {
		w.key(1, "all_of", "[]", "TODO: no line says which tag to post with; list the required tags")
	} else {
		w.key(1, "all_of", "", "every one must appear")
		for i, t := range inf.Tags {
			w.b.WriteString("    - " + quote(t))
			if f := w.from(indexKey("tags.all_of", i)); f != "" {
				w.b.WriteString("  # " + f)
			}
			w.b.WriteString("\n")
		}
	}
	w.key(1, "any_of", "[]", "at least one must appear, when the list is not empty")
	w.key(1, "match", "", "how tags compare")
	w.key(2, "fold_width", "true", "full-width ＃ and ＥＳ equal # and ES")
	w.key(2, "fold_case", "true", "case does not matter")
	w.key(2, "fold_space", "true", "runs of spaces, NBSP and U+3000 are one space")
	w.key(2, "fold_script", "true", "Traditional and Simplified Chinese compare equal")
}

func (w *writer) length() {
	inf := w.inf
	w.section("Length of an entry, in unit: graphemes (visible characters; what 字 and \"characters\" mean),",
		"han (Chinese characters only, 汉字), weibo (Latin letters and digits count ½), words, runes,",
		"width (terminal columns) or twitter (weighted, URLs 23).")
	w.key(0, "length", "", "")
	w.key(1, "min", strconv.Itoa(inf.MinLength), w.note("length.min", inf.MinLength > 0, "no minimum length found; 0 accepts any length"))
	w.key(1, "max", "0", "0: no maximum")
	w.key(1, "unit", or(inf.Unit, "graphemes"), w.from("length.unit"))
	w.key(1, "exclude", "[tags, urls, mentions, whitespace]", "not counted; also punctuation, emoji")
}

func (w *writer) media() {
	inf := w.inf
	w.section("Images an entry must carry. verify opens local images and checks their size;",
		"a URL counts as an image but cannot be verified offline.")
	w.key(0, "media", "", "")
	w.key(1, "min_images", strconv.Itoa(inf.MinImages), w.note("media.min_images", inf.MinImages > 0, "no screenshot asked for; 0 needs none"))
	w.key(1, "verify", "true", "")
	w.key(1, "min_width", "200", "pixels")
	w.key(1, "min_height", "200", "pixels")
}

func (w *writer) authors() {
	w.section("Entries per author, counted among those that pass every other check.")
	w.key(0, "authors", "", "")
	w.key(1, "max_entries", "1", "0: unlimited")
	w.key(1, "keep", "best", "best: the highest-scoring; first: the earliest")
	w.key(1, "blocklist", "[]", "authors whose entries are refused")
}

func (w *writer) content(briefPath string) {
	w.section("What an entry must not say or copy.")
	w.key(0, "content", "", "")
	w.key(1, "banned", "[]", "words or phrases that refuse an entry")
	if briefPath == "" {
		w.key(1, "brief", `""`, "TODO: the announcement's file, to catch entries that copy it")
	} else {
		w.key(1, "brief", quote(briefPath), "the announcement; entries that copy it get copies-brief")
	}
	w.key(1, "brief_threshold", "0.6", "similarity to the brief (0-1) from which an entry copies it")
	w.key(1, "duplicate_threshold", "0.8", "similarity to an earlier entry (0-1) from which it is a near-duplicate")
}

func (w *writer) scoring() {
	w.section("Score 0-100: the weighted mean of components in [0,1]; weight 0 turns one off.")
	w.key(0, "scoring", "", "")
	w.key(1, "weights", "", "")
	w.key(2, "length", "1", "min(1, length / length_target)")
	w.key(2, "topics", "2", "share of the topic groups below an entry mentions")
	w.key(2, "engagement", "1", "log1p(likes + 2·comments + 3·reposts), over the export's highest")
	w.key(2, "media", "0.5", "min(1, images / 2)")
	w.key(2, "originality", "1", "1 - highest similarity to another entry or the brief")
	w.key(2, "judges", "0", "mean judge score; set a weight and scoring.judges to use it")
	w.key(1, "length_target", strconv.Itoa(w.lengthTarget()), "length, in length.unit, that earns the full length component")
	w.key(1, "topics", "[]", "keyword groups a good entry covers, for example:")
	w.comment(2, "- {name: 项目亮点, keywords: [Eclipse, SVM, Solana]}")
	w.comment(2, "- {name: 代币机制, keywords: [代币, 总量, 解锁, tokenomics]}")
	w.key(1, "judges", `""`, "optional CSV of id,judge,score rows")
}

// lengthTarget keeps the full length score above the minimum.
func (w *writer) lengthTarget() int {
	if t := 2 * w.inf.MinLength; t > defaultTarget {
		return t
	}
	return defaultTarget
}

func (w *writer) rewards() {
	inf := w.inf
	pool := or(inf.Pool, defaultPool)
	w.section("How the pool is paid. Amounts are exact decimals, written as strings.")
	w.key(0, "rewards", "", "")
	w.key(1, "pool", quote(pool), w.note("rewards.pool", inf.Pool != "", "no prize pool found; a placeholder"))
	w.key(1, "token", quote(or(inf.Token, defaultToken)), w.note("rewards.token", inf.Token != "", "name the token paid"))
	w.key(1, "decimals", strconv.Itoa(max(2, fracDigits(pool))), "decimal places paid: 2 pays 0.01")
	winners := inf.Winners
	if winners == 0 {
		winners = defaultWinners
	}
	w.key(1, "winners", strconv.Itoa(winners), w.note("rewards.winners", inf.Winners > 0, "no number of winners found"))
	w.key(1, "split", "equal", "equal | tiered (pays tiers) | proportional (to score)")
	w.key(1, "tiers", "[]", "for split: tiered, the amount per rank, for example:")
	w.comment(2, `- {ranks: "1", amount: "300"}`)
	w.comment(2, `- {ranks: "2-3", amount: "150"}`)
	w.key(1, "ties", "share", "share: entries tied at the cut-off split their places; earliest: the earlier wins")
	w.key(1, "max_per_winner", `""`, `cap per winner, any split mode; "": none`)
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// quote writes a YAML double-quoted scalar; Go's escapes are a subset of
// YAML's, and non-printable runes come out escaped.
func quote(s string) string {
	return strconv.Quote(s)
}

// commentText makes announcement text safe inside a YAML comment (no line
// breaks, only printable runes) and clips it to about commentColumns.
func commentText(s string) string {
	var b strings.Builder
	cols := 0
	for _, r := range s {
		if !commentSafe(r) {
			r = ' '
		}
		w := runeColumns(r)
		if cols+w > commentColumns {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		cols += w
	}
	return strings.TrimSpace(b.String())
}

func commentSafe(r rune) bool {
	switch r {
	case utf8.RuneError, '\u0085', '\u2028', '\u2029', '\ufeff':
		return false
	}
	return unicode.IsPrint(r)
}

func runeColumns(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
