package report

import (
	"github.com/promo-cli/promo/pkg/rerun"
)

// sampleDiff has one change of every kind, with the sample's hostile names.
func sampleDiff() *rerun.Diff {
	return &rerun.Diff{
		Old:     rerun.Digests{File: "monday.json", Campaign: campaignName, Rules: rulesDigest, Inputs: inputsDigest},
		New:     rerun.Digests{File: "tuesday.json", Campaign: campaignName, Rules: rulesDigest, Inputs: "sha256:00000000000000000000000000000000000000000000000000000000000000ff"},
		Added:   []rerun.Ref{{ID: "李雷", Author: "李雷", Valid: true, Codes: []string{}}},
		Removed: []rerun.Ref{{ID: "c002", Author: "=HYPERLINK(\"http://evil.example\",\"点我\")", Codes: []string{"near-duplicate"}}},
		Flipped: []rerun.Flip{{ID: "p002", Author: "阿強", IsValid: true, Appeared: []string{}, Gone: []string{"missing-tag", "too-short"}}},
		Recoded: []rerun.Flip{{ID: "p003\x1b[31m", Author: "Ｌｕｃｙ", Appeared: []string{"shared-wallet"}, Gone: []string{"no-image"}}},
		Moved: []rerun.Move{
			{ID: "p001", OldRank: 1, NewRank: 2, OldReward: "50.00", NewReward: "33.33"},
			{ID: "c003", OldRank: 3, OldReward: "16.67"},
		},
	}
}
