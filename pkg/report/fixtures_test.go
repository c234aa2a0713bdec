package report

import (
	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/score"
	"github.com/promo-cli/promo/pkg/text"
)

// The models below are built by hand, modelled on the sample campaign, so
// that every renderer is exercised on the awkward cases at once: Chinese
// and full-width names, a control sequence in an id, formula and Markdown
// syntax in user text, an unreadable record, a tie at the cut-off.

const (
	campaignName = "Gate Alpha 第三届积分狂欢节 & ES Launchpool"
	rulesDigest  = "sha256:5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f"
	inputsDigest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
)

func sampleEntries() []Entry {
	return []Entry{
		{Source: "posts.jsonl:1", ID: "p001", Author: "小明", Valid: true, Length: 128},
		{Source: "posts.jsonl:2", ID: "p002", Author: "阿強", Length: 42, Reasons: []check.Reason{
			{Code: check.MissingTag, Message: "tag #Gate Alpha 第三届积分狂欢节 & ES Launchpool# not found; found it without its closing #"},
			{Code: check.TooShort, Message: "42 graphemes, the rule asks at least 60", Measured: "42", Limit: "60"},
		}},
		{Source: "posts.jsonl:3", ID: "p003\x1b[31m", Author: "Ｌｕｃｙ", Length: 75, Reasons: []check.Reason{
			{Code: check.NoImage, Message: "no image attached, the rule asks at least 1", Measured: "0", Limit: "1"},
		}},
		{Source: "posts.jsonl:4", Reasons: []check.Reason{
			{Code: check.Unreadable, Message: "posts.jsonl:4: invalid character '}' looking for beginning of object key string"},
		}},
		{Source: "export.csv:2", ID: "c002", Author: "=HYPERLINK(\"http://evil.example\",\"点我\")", Length: 130, Reasons: []check.Reason{
			{Code: check.NearDuplicate, Message: "repeats p001 (similarity 0.91)", Measured: "0.91", Limit: "0.8", Other: "p001"},
		}},
		{Source: "export.csv:3", ID: "c003", Author: "-5", Valid: true, Length: 96},
		{Source: "notes/阿花.md:1", ID: "阿花", Author: "阿花 | *粗体* <b>x</b> [链接](http://x)", Valid: true, Length: 88},
		{Source: "notes/李雷.md:1", ID: "李雷", Author: "李雷", Valid: true, Length: 96},
	}
}

func sampleValidation() *Validation {
	entries := sampleEntries()
	return &Validation{
		Campaign: campaignName, RulesDigest: rulesDigest, InputsDigest: inputsDigest, Unit: "graphemes",
		Entries: entries, Summary: Summarize(entries), Clusters: [][]string{{"p001", "c002"}},
	}
}

// sampleStandings pays 100 ES to three winners in equal shares; c003 and
// 李雷 tie for third place and share its 33.33.
func sampleStandings() *Standings {
	return &Standings{
		Validation: *sampleValidation(),
		Ranking: []Place{
			{Rank: 1, ID: "p001", Author: "小明", Source: "posts.jsonl:1", Score: 82.456789,
				Components: score.Components{Length: 0.4267, Topics: 1, Engagement: 0.8123, Media: 0.5, Originality: 0.91, Judges: 0}, Reward: "33.34"},
			{Rank: 2, ID: "阿花", Author: "阿花 | *粗体* <b>x</b> [链接](http://x)", Source: "notes/阿花.md:1", Score: 70.1,
				Components: score.Components{Length: 0.2933, Topics: 0.5, Engagement: 1, Media: 1, Originality: 1}, Reward: "33.33"},
			{Rank: 3, ID: "c003", Author: "-5", Source: "export.csv:3", Score: 61.25,
				Components: score.Components{Length: 0.32, Topics: 0.5, Engagement: 0.25, Media: 0.5, Originality: 1}, Reward: "16.67"},
			{Rank: 3, ID: "李雷", Author: "李雷", Source: "notes/李雷.md:1", Score: 61.25,
				Components: score.Components{Length: 0.32, Topics: 0.5, Engagement: 0.25, Media: 0.5, Originality: 1}, Reward: "16.66"},
		},
		Rewards: Rewards{Pool: "100", Token: "ES", Paid: "100.00", Leftover: "0.00", Decimals: 2},
	}
}

// sampleExplanation is a short post that also missed its tag.
func sampleExplanation() *campaign.Explanation {
	return &campaign.Explanation{
		Entry: &check.Entry{ID: "p002", Author: "阿強", File: "posts.jsonl", Line: 2, Reasons: []check.Reason{{Code: check.TooShort}}},
		Checks: []check.Reason{
			{Code: check.MissingTag, Message: "found #Gate Alpha 第三届积分狂欢节 & ES Launchpool without its closing #"},
			{Code: check.TooShort, Message: "42 graphemes, the rule asks at least 60", Measured: "42", Limit: "60"},
			{Code: check.NoImage, Message: "1 image", Measured: "1", Limit: "1", Pass: true},
			{Code: check.OutsideWindow, Message: "posted 2025-07-16 09:30 +08:00", Measured: "2025-07-16T09:30:00+08:00", Limit: "2025-07-15 10:00 – 2025-07-22 23:59:59", Pass: true},
		},
		Counts: &text.Counts{Runes: 44, Graphemes: 42, Width: 80, Weibo: 40, Han: 36, Words: 39, Twitter: 82},
		Unit:   "graphemes",
		Score:  score.Result{Score: 38.123456},
		Components: []campaign.ComponentLine{
			{Name: "length", Value: 0.14, Weight: 1, Detail: "42 of 300 graphemes"},
			{Name: "topics", Value: 0.5, Weight: 2, Detail: "1 of 2 groups: 项目亮点 (Solana)"},
			{Name: "engagement", Value: 0.2345678, Weight: 1, Detail: "likes 3, comments 1, reposts 0"},
			{Name: "media", Value: 0.5, Weight: 0.5, Detail: "1 image"},
			{Name: "originality", Value: 1, Weight: 1, Detail: "no similar entry"},
		},
	}
}

// sampleRankedExplanation is a winner: every check passed, ranked and paid.
func sampleRankedExplanation() *campaign.Explanation {
	x := sampleExplanation()
	x.Entry = &check.Entry{ID: "p001", Author: "小明", File: "posts.jsonl", Line: 1}
	x.Checks = []check.Reason{
		{Code: check.MissingTag, Message: "found #Gate Alpha 第三届积分狂欢节 & ES Launchpool#", Pass: true},
		{Code: check.TooShort, Message: "128 graphemes", Measured: "128", Limit: "60", Pass: true},
	}
	x.Score.Score, x.Placing, x.Ranked, x.Reward, x.Token = 82.456789, &campaign.Placing{Rank: 1, Paid: true}, 4, "33.34", "ES"
	return x
}

func sampleDraw() *DrawResult {
	return &DrawResult{
		Seed: "btc-block-905000", Eligible: 5,
		EligibleDigest: "sha256:9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab",
		Winners:        []DrawPick{{Pick: 1, ID: "李雷", Author: "李雷"}, {Pick: 2, ID: "p001", Author: "小明"}},
		Alternates:     []DrawPick{{Pick: 3, ID: "c003", Author: "-5"}, {Pick: 4, ID: "阿花", Author: "阿花 | *粗体* <b>x</b> [链接](http://x)"}},
	}
}

// sampleSplit is the announcement's tier table: 1,249.95 of 1,250 paid.
func sampleSplit() *SplitResult {
	s := &SplitResult{Pool: "1250", Token: "ES", Paid: "1249.95", Leftover: "0.05"}
	s.Amounts = append(s.Amounts, SplitAmount{1, "300.00"}, SplitAmount{2, "150.00"}, SplitAmount{3, "150.00"})
	for r := 4; r <= 10; r++ {
		s.Amounts = append(s.Amounts, SplitAmount{r, "92.85"})
	}
	return s
}
