package text

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fuzzSeeds are starting points shared by the fuzz targets.
var fuzzSeeds = []string{
	"", "ES Launchpool 挖矿", seedRule, "＃Ｇａｔｅ Ａｌｐｈａ 第三屆積分狂歡節 ＆ ＥＳ Ｌａｕｎｃｈｐｏｏｌ＃",
	"👨\u200d👩\u200d👧\u200d👦 🇨🇳 1\ufe0f\u20e3 👍🏽 ❤\ufe0f ❤\ufe0e", "cafe\u0301 q\u0307\u0323 \u1112\u1161\u11ab",
	"ｶﾞ 𠀀 ①※“” a\u200bb a\ufeffb a\x01b\r\n", "a\xffb\xc3", "see https://x.com/a#b #ES @bob $ES",
	"#a #b# #c\nd# ＃e＃ $BRK.A", "\u0600#tag", "C# and F#", "#\ufe0f\u20e3 #_ #123",
	"gate.com/#ES amy@gate.com t.co/abc 1.5 e.g. GATE.IO/zh", "..a.b.com-.x.co:8080/(a)?b=1.",
}

// FuzzMeasure: never panics; graphemes, weibo, han and words ≤ runes; leaving anything out never
// raises a count; NFC and NFD forms of a text measure the same. (NFD is
// taken of Normalize(s): invalid bytes have no NFD.)
func FuzzMeasure(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint8(0), uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, exBits, synBits uint8) {
		syn := Syntax(synBits % 3)
		ex := Exclude(exBits) & (ExcludeTags | ExcludeURLs | ExcludeMentions | ExcludeWhitespace | ExcludePunctuation | ExcludeEmoji)
		all := Measure(s, 0, syn)
		if all.Graphemes > all.Runes {
			t.Fatalf("graphemes %d > runes %d for %q", all.Graphemes, all.Runes, s)
		}
		// Weibo counts a letter or digit as half, Han and words count
		// some runes only: none can count more than every rune.
		if all.Weibo > all.Runes || all.Han > all.Runes || all.Words > all.Runes {
			t.Fatalf("weibo %d, han %d or words %d > runes %d for %q", all.Weibo, all.Han, all.Words, all.Runes, s)
		}
		if want := utf8.RuneCountInString(Normalize(s)); all.Runes != want {
			t.Fatalf("runes %d, want %d for %q", all.Runes, want, s)
		}
		some := Measure(s, ex, syn)
		if some.Graphemes > some.Runes {
			t.Fatalf("graphemes %d > runes %d with exclusions for %q", some.Graphemes, some.Runes, s)
		}
		for _, u := range Units {
			if some.Of(u) > all.Of(u) {
				t.Fatalf("excluding %b raised %s from %d to %d for %q", ex, u, all.Of(u), some.Of(u), s)
			}
		}
		n := Normalize(s)
		d := norm.NFD.String(n)
		for _, e := range []Exclude{0, ex} {
			if a, b := Measure(n, e, syn), Measure(d, e, syn); a != b {
				t.Fatalf("NFC %+v, NFD %+v (exclude %b) for %q", a, b, e, n)
			}
		}
	})
}

// FuzzFindTags: every tag's text is Normalize(s)[Start:End], tags are in
// order and do not overlap, lines count the line breaks before them, and
// Tokenize partitions the same text.
func FuzzFindTags(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, synBits uint8) {
		syn := Syntax(synBits % 3)
		n := Normalize(s)
		end := 0
		for _, tg := range FindTags(s, syn) {
			if tg.Start < end || tg.End > len(n) || tg.Start >= tg.End {
				t.Fatalf("tag %+v out of order or bounds in %q", tg, n)
			}
			if n[tg.Start:tg.End] != tg.Text {
				t.Fatalf("tag text %q, but Normalize(s)[%d:%d] = %q", tg.Text, tg.Start, tg.End, n[tg.Start:tg.End])
			}
			if want := strings.Count(n[:tg.Start], "\n") + 1; tg.Line != want {
				t.Fatalf("tag %+v on line %d, want %d", tg, tg.Line, want)
			}
			if tagKindOf(tg.Text) != tg.Kind {
				t.Fatalf("tag %+v reads as %v", tg, tagKindOf(tg.Text))
			}
			end = tg.End
		}
		checkPartition(t, n, Tokenize(s, syn, nil))
	})
}

// FuzzFold: each fold, and all of them together, is idempotent and keeps
// valid UTF-8 valid.
func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	folds := []Fold{{Width: true}, {Case: true}, {Space: true}, {Script: true}, AllFolds, {Width: true, Case: true}}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fo := range folds {
			once := fo.Apply(s)
			if twice := fo.Apply(once); twice != once {
				t.Fatalf("%+v not idempotent on %q: %q then %q", fo, s, once, twice)
			}
			if utf8.ValidString(s) && !utf8.ValidString(once) {
				t.Fatalf("%+v made %q invalid: %q", fo, s, once)
			}
		}
	})
}

// FuzzTagRule: compiling any rule and explaining any miss never panics, and
// a compiled rule matches a post that is the rule itself.
func FuzzTagRule(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, s)
	}
	f.Add("#ES", "#ESLaunchpool")
	f.Add("积分", "积分 狂欢节 ES")
	f.Fuzz(func(t *testing.T, rule, post string) {
		r, err := CompileTag(rule, AllFolds)
		if err != nil {
			return
		}
		if !r.Match(Prepare(r.Text(), AllFolds)) {
			t.Fatalf("rule %q does not match its own text", r.Text())
		}
		p := Prepare(post, AllFolds)
		if !r.Match(p) {
			// A near miss names a candidate, why it fails and a line of the post.
			if nm, ok := r.Closest(post); ok {
				lines := strings.Count(Normalize(post), "\n") + 1
				if nm.Found == "" || nm.Reason == "" || nm.Line < 1 || nm.Line > lines {
					t.Fatalf("rule %q, post %q: near miss %+v", r.Text(), post, nm)
				}
			}
		}
		// Find names phrases as the rule spells them, in rule order, each
		// once; and a phrase is found in its own text.
		found := CompilePhrases([]string{rule, post}, AllFolds).Find(p)
		if len(found) > 2 || len(found) == 2 && (found[0] != rule || found[1] != post || rule == post) ||
			len(found) == 1 && found[0] != rule && found[0] != post {
			t.Fatalf("phrases %q, post %q: found %q", rule, post, found)
		}
		simple := Fold{Width: true, Case: true}
		if strings.TrimSpace(simple.Apply(Normalize(post))) != "" {
			if got := CompilePhrases([]string{post}, simple).Find(Prepare(post, simple)); len(got) != 1 || got[0] != post {
				t.Fatalf("phrase %q not found in its own text: %q", post, got)
			}
		}
	})
}

// FuzzSpecials: Specials finds exactly the URL, tag and mention spans that
// Tokenize finds, in every syntax.
func FuzzSpecials(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"\u0600#tag #x", "a\u0301#ES", "🇨🇳🇨#ES 🇨🇳#ES", "\r\n#ES", "👍\u200d#ES", "#ES\u0301\u0301 x", "x\u0600\u0600@bob",
		"https://a.b/c\u0301\u0301 d", "\u1100\u1161#ES", "中文#话题#中文",
		"，＃话题＃：＄BTC（＠bob）\xef\xbc", "＃＃#＠@＄$",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findSigils(s, nil), sigilsByByte(s); !slices.Equal(got, want) {
			t.Fatalf("%q: sigils at %v, byte by byte at %v", s, got, want)
		}
		checkWalkSpecials(t, Normalize(s))
		var tk Tokenizer
		for syn := range Syntax(3) {
			var want []Span
			for _, sp := range Tokenize(s, syn, nil) {
				if sp.Kind == SpanURL || sp.Kind == SpanTag || sp.Kind == SpanMention {
					want = append(want, sp)
				}
			}
			text, got := tk.Specials(s, syn, nil)
			if text != Normalize(s) {
				t.Fatalf("%q: text %q, want Normalize's %q", s, text, Normalize(s))
			}
			if len(got) != len(want) || len(got) > 0 && !slicesEqual(got, want) {
				t.Fatalf("%q syntax %d: specials %v, Tokenize's %v", s, syn, got, want)
			}
		}
	})
}

// sigilsByByte is findSigils read one byte at a time.
func sigilsByByte(s string) []int32 {
	var at []int32
	for i := 0; i < len(s); i++ {
		if c, n := sigilAt(s, i); c != 0 {
			at = append(at, int32(i))
			i += n - 1
		}
	}
	return at
}

func slicesEqual(a, b []Span) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkWalkSpecials holds the specials and sigils that countFold's walk
// meets in t (Normalize's output) to specialsWith's and findSigils'.
func checkWalkSpecials(t *testing.T, s string) {
	urls, sigils := findURLs(s, nil), findSigils(s, nil)
	want := specialsWith(s, urls, sigils, SyntaxAuto, nil)
	for _, tags := range []bool{false, true} {
		sp := walkSpecials{t: s, urls: urls, tags: tags}
		var sigs []int32
		countFold(nil, s, &sp, ExcludeTags, true, false, nil, &sigs)
		sp.urlsTo(len(s))
		if !slices.Equal(sp.sigils, sigils) {
			t.Fatalf("%q: the walk met sigils at %v, findSigils %v", s, sp.sigils, sigils)
		}
		w := urls
		if tags {
			w = want
		}
		if !slices.Equal(sp.out, w) {
			t.Fatalf("%q tags %t: the walk read %v, specialsWith %v", s, tags, sp.out, w)
		}
	}
}
