package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/promo-cli/promo/pkg/campaign"
	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/rules"
)

// BenchmarkValidationJSON writes validate's JSON for 100,000 entries, a
// third of them with a reason, as a large campaign's report is.
func BenchmarkValidationJSON(b *testing.B) {
	res := &campaign.Result{Rules: &rules.Rules{}}
	noImage := []check.Reason{{Code: check.NoImage, Message: "0 images attached, at least 1 needed", Measured: "0", Limit: "1"}}
	for i := range 100_000 {
		e := check.Entry{ID: fmt.Sprintf("g%07d", i), Author: fmt.Sprintf("user%06d", i%30000), File: "/tmp/bw/posts-100000.jsonl", Line: i + 1}
		if i%3 == 0 {
			e.Reasons = noImage
		}
		res.Entries = append(res.Entries, e)
	}
	v := NewValidation(res)
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidationJSON(io.Discard, v); err != nil {
			b.Fatal(err)
		}
	}
}
