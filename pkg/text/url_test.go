package text

import (
	"slices"
	"strings"
	"testing"
)

// TestFindURLs follows twitter-text's URL conformance cases: URLs with a
// scheme, starting "www.", or bare domains under a known top-level domain.
func TestFindURLs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"followed by CJK", "http://example.com/これは日本語です", []string{"http://example.com/"}},
		{"host followed by Han", "https://gate.io活动", []string{"https://gate.io"}},
		{"www without a scheme", "see www.example.com now", []string{"www.example.com"}},
		{"www in capitals", "WWW.EXAMPLE.COM/x", []string{"WWW.EXAMPLE.COM/x"}},
		{"inside parentheses", "(https://example.com/a)", []string{"https://example.com/a"}},
		{"balanced parentheses in the path", "http://example.com/path_(x)", []string{"http://example.com/path_(x)"}},
		{"trailing full stop", "see https://example.com/a.", []string{"https://example.com/a"}},
		{"trailing question mark", "https://example.com/a?", []string{"https://example.com/a"}},
		{"trailing comma and colon", "https://example.com/a, https://b.com/c:", []string{"https://example.com/a", "https://b.com/c"}},
		{"comma inside the path", "https://x.com/a,b", []string{"https://x.com/a,b"}},
		{"port and fragment", "https://example.com:8080/a#frag", []string{"https://example.com:8080/a#frag"}},
		{"ends at a quote", `"https://example.com/q"`, []string{"https://example.com/q"}},
		{"t.co", "https://t.co/AbC123", []string{"https://t.co/AbC123"}},
		{"t.co path is letters and digits only", "https://t.co/abc-def https://t.co/xyz.", []string{"https://t.co/abc", "https://t.co/xyz"}},
		{"t.co with a query", "http://t.co/abc?x=1&y=2. ok", []string{"http://t.co/abc?x=1&y=2"}},
		{"t.co glued to Han", "https://t.co/abc中文", []string{"https://t.co/abc"}},
		{"not glued to a letter", "xhttps://example.com", nil},
		{"no host", "https:// and www.", nil},
		{"bare domain", "see gate.com now", []string{"gate.com"}},
		{"bare domain in capitals", "GATE.COM", []string{"GATE.COM"}},
		{"bare domain with a path", "gate.io/zh/announcements/46134", []string{"gate.io/zh/announcements/46134"}},
		{"bare domain with a query", "gate.com?ref=abc, ok", []string{"gate.com?ref=abc"}},
		{"bare domain with a port", "gate.com:8080/a.", []string{"gate.com:8080/a"}},
		{"bare domain holds its hashtag", "gate.com/#ES", []string{"gate.com/#ES"}},
		{"bare domain then a full stop", "visit gate.com.", []string{"gate.com"}},
		{"bare domain glued to Han", "gate.com活动", []string{"gate.com"}},
		{"bare domain in parentheses", "(gate.com/a)", []string{"gate.com/a"}},
		{"subdomains", "docs.gate.io", []string{"docs.gate.io"}},
		{"dots before www", "a.www.gate.com", []string{"a.www.gate.com"}},
		{"hyphen inside a label", "my-gate.com", []string{"my-gate.com"}},
		{"bare t.co", "t.co/abc-def", []string{"t.co/abc"}},
		{"bare t.co without a path", "t.co", []string{"t.co"}},
		// twitter-text 1.x left "name.cc" without a path as text unless cc
		// was co or tv; 2.0 (2018, "Extract urls with a ccTLD but without a
		// protocol/path") and later extract it, and so does promo.
		{"one name under a country code", "gate.io gate.io/", []string{"gate.io", "gate.io/"}},
		{"ccTLD domains without a path (conformance)", "twitter.jp日本語it.so中国語foo.jp it.so foo.jp",
			[]string{"twitter.jp", "it.so", "foo.jp", "it.so", "foo.jp"}},
		{"not on com, org, edu, gov or net (conformance)", "foo.baz foo.co.jp www.xxxxxxx.baz www.foo.co.uk wwwww.xxxxxxx foo.comm foo.somecom foo.govedu foo.jp",
			[]string{"foo.co.jp", "www.foo.co.uk", "foo.jp"}},
		{"co and tv (conformance)", "MLB.tv vine.co twitch.tv t.co", []string{"MLB.tv", "vine.co", "twitch.tv", "t.co"}},
		{"ccTLD domain before a newline (conformance)", "it.so\nit.so/abcde", []string{"it.so", "it.so/abcde"}},
		{"a bare domain's label ends at CJK", "docs.gate.io日本語b.com/x", []string{"docs.gate.io", "b.com/x"}},
		{"a bare domain's inner label is never CJK", "twitter.日本.com ああ.com", nil},
		{"a bare domain ends before a dot and CJK", "foo.com.著名t.co/AbC123", []string{"foo.com", "t.co/AbC123"}},
		{"ccTLD domain followed by @ (conformance)", "john.doe.jp@mail.com", nil},
		{"ccTLD domain after -, _, . or / (conformance)", "-foo.jp _foo.jp .foo.jp /foo.jp", nil},
		{"wildcard-only country code", "shop.gov.ck", []string{"shop.gov.ck"}},
		{"numbers", "1.5 v2.0 3.14.15", nil},
		{"abbreviation", "e.g. i.e.", nil},
		{"unknown top-level domain", "a.b foo.zz readme.txt2", nil},
		{"e-mail address", "amy@gate.com", nil},
		{"e-mail with dots before the @", "amy.smith@gate.com", nil},
		{"mention-like", "@gate.com ＠gate.com", nil},
		{"sigils", "$gate.com #gate.com", nil},
		{"glued before", "x_gate.com -gate.com .gate.com /gate.com", nil},
		{"followed by @ or +", "gate.com@x gate.com+x", nil},
		{"hyphen at a label's edge", "gate-.com -gate.com gate.-com", nil},
		{"after a t.co link", "https://t.co/abc.gate.com", []string{"https://t.co/abc"}},
		{"after an e-mail address", "amy@gate.com or gate.com", []string{"gate.com"}},
		{"a non-ASCII letter does not split a bare domain", "ELPAÍS.com and münchen.de/x", []string{"ELPAÍS.com", "münchen.de/x"}},
		{"bare domain glued to a non-ASCII letter", "Í.com", []string{"Í.com"}},
		{"bare IDN top-level domain", "twitter.みんな 见gate.com", []string{"twitter.みんな", "gate.com"}},
		{"bare IDN top-level domain followed by kana", "见twitter.みんなです", []string{"twitter.みんな"}},
		{"IDN top-level domain followed by Han", "https://gate.中国站 和 gate.io.中国区", []string{"https://gate.中国", "gate.io.中国"}},
		{"IDN top-level domain before a long run of Han", "gate.中国人民币人民币人民币人民币人民币人民币人民币人民币人民币人民币", []string{"gate.中国"}},
		{"no IDN top-level domain starts the label", "foo.com.著名 https://gate.著名", []string{"foo.com"}},
		{"bare domain glued to Cyrillic", "Яgate.com", nil},
		{"bare label over 63 characters", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", nil},
		{"non-ASCII letter in the host", "http://münchen.de/x", []string{"http://münchen.de/x"}},
		{"IDN host", "http://ああ.com/a", []string{"http://ああ.com/a"}},
		{"IDN top-level domain", "https://twitter.みんな and http://foobar.پاکستان", []string{"https://twitter.みんな", "http://foobar.پاکستان"}},
		{"Cyrillic path", "https://ru.wikipedia.org/wiki/Русские_слова", []string{"https://ru.wikipedia.org/wiki/Русские_слова"}},
		{"en dash in the path", "http://en.wikipedia.org/wiki/Hatfield–McCoy_feud.", []string{"http://en.wikipedia.org/wiki/Hatfield–McCoy_feud"}},
		{"accented path", "http://example.com/café", []string{"http://example.com/café"}},
		{"pipe in the path, not at its end", "http://example.com/a|b| x", []string{"http://example.com/a|b"}},
		{"label of 63 characters", "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", []string{"http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"}},
		{"label over 63 characters", "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", nil},
		{"leading or trailing dash in a label", "http://-x.com http://x-.com", nil},
		{"underscore in the host", "http://x_y.example.com", nil},
		{"no top-level domain", "http://no-tld http://localhost:8080/a", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range findURLs(tt.text, nil) {
				got = append(got, tt.text[sp.Start:sp.End])
			}
			if !equalStrings(got, tt.want) {
				t.Errorf("findURLs(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestMeasureBareDomainAllocs: looking a top-level domain up allocates
// nothing once a Measurer has seen it.
func TestMeasureBareDomainAllocs(t *testing.T) {
	const post = "Trade on GATE.COM or gate.io/zh, not amy@gate.com #ES"
	var m Measurer
	m.Measure(post, ExcludeURLs|ExcludeTags, SyntaxAuto)
	if n := testing.AllocsPerRun(100, func() { m.Measure(post, ExcludeURLs|ExcludeTags, SyntaxAuto) }); n != 0 {
		t.Errorf("Measure allocates %v times per run, want 0", n)
	}
}

// TestIndexSep: indexSep finds what strings.Index finds for "://", from
// every offset, where colons, slashes and the separator's pieces crowd.
func TestIndexSep(t *testing.T) {
	for _, s := range []string{
		"", ":", "/", "//", "://", ":/", ":://", "::///", "a://b", "//:", "/://", "x:/ /y://z", "：／／", "时间:12/3 https://a.b", "http:/x//", "://://",
	} {
		for i := 0; i <= len(s); i++ {
			want := strings.Index(s[i:], "://")
			if want >= 0 {
				want += i
			}
			if got := indexSep(s, i); got != want {
				t.Errorf("indexSep(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestURLNeedsDot: no URL starts anywhere in a text without an ASCII dot
// that starts a label, whatever its scheme, host or dots in other
// scripts, which findURLs relies on to skip such a text with one look:
// the dots here end a sentence, stand before a space, a sign or
// punctuation, or end the text.
func TestURLNeedsDot(t *testing.T) {
	for _, s := range []string{
		"http://localhost", "https://localhost:8080/a", "HTTP://X/y", "www", "wwwx", "https://t", "t/co/abc",
		"https://例子。中国", "http://gate．io/x", "www。gate。io", "gate．io", "t。co/AbC", "https：／／example．com", "ｗｗｗ．ｘ．ｃｏｍ",
		"münchen·de", "https://a\u2024b", "gate\uff0ecom/#ES",
		"gate. io", "www. gate. io", "https://gate. io/x", "t. co/AbC", "http://x.", "www.", "gate.", "gate.. io",
		"gate.-io", "gate._io", "gate.\nio", "gate.，io", "gate.。io", "gate./io", "gate.#io", "gate.@io",
		"months. 如果", "3%. 我", "...", "a.\u00a0io", "gate.\u2028io",
	} {
		if labelDot(s) {
			t.Errorf("%q: labelDot says a label starts after a dot", s)
		}
		for i := 0; i < len(s); i++ {
			if end, ok := urlAt(s, i); ok {
				t.Errorf("%q: URL at %d to %d", s, i, end)
			}
			if end, ok := bareAt(s, i); ok {
				t.Errorf("%q: bare domain at %d to %d", s, i, end)
			}
		}
	}
}

// FuzzFindURLs holds findURLs, which skips a text without a dot that
// starts a label (labelDot), to the full scan of its cursors.
func FuzzFindURLs(f *testing.F) {
	for _, s := range []string{
		"详情见 https://www.gate.io/zh/article/12345 ，欢迎", "gate.io活动", "unlock over 351 months. ", "APR 3.5%",
		"twitter.jp日本語it.so", "http://例子.测试", "t.co/AbC", "www.x.com.", "e.g. münchen.de", "ＥＳ.ｉｏ", "a.\u0301b.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := findURLs(s, nil), scanURLs(s, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("findURLs(%q) = %v, want %v", s, got, want)
		}
	})
}
