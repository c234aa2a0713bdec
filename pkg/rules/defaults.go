package rules

import (
	"time"

	"github.com/promo-cli/promo/pkg/text"
)

// Default returns the rules an empty section stands for: every default the
// rule-file reference documents, already resolved.
func Default() *Rules {
	r := &Rules{
		Export: ExportOpts{Encoding: "auto", Location: time.UTC},
		Tags: Tags{
			Match: Match{FoldWidth: true, FoldCase: true, FoldSpace: true, FoldScript: true},
			Fold:  text.AllFolds,
		},
		Length: Length{
			Unit:        text.Graphemes,
			ExcludeList: []string{"tags", "urls", "mentions", "whitespace"},
			Exclude:     text.ExcludeTags | text.ExcludeURLs | text.ExcludeMentions | text.ExcludeWhitespace,
		},
		Media:   Media{Verify: true, ReuseDistance: 6, ReuseTiles: 1},
		Authors: Authors{MaxEntries: 1, Keep: KeepBest},
		Content: Content{BriefThreshold: 0.6, DuplicateThreshold: 0.8},
		Scoring: Scoring{
			Weights:      Weights{Length: 1, Topics: 2, Engagement: 1, Media: 0.5, Originality: 1},
			LengthTarget: 300,
			JudgesScale:  Scale{Min: 0, Max: 10},
			JudgesNorm:   "none",
		},
		Rewards: Rewards{Decimals: 2, Split: SplitEqual, Ties: TiesShare, Unfilled: UnfilledRedistribute, PayTo: PayToUID},
		pos:     map[string]position{},
		bad:     map[string]bool{},
	}
	r.Window.Location = time.UTC
	return r
}
