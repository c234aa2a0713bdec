package campaign_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/promo-cli/promo/pkg/campaign"
)

// TestHoldGCEndsBeforeAfterRead: the collections a large file's read holds
// off (HoldGC) are let go before AfterRead starts its own hold. The hold
// used to end on the goroutine that faults the entries' array in, at any
// time: when that came after AfterRead, the read's resume undid the
// command's hold, and the command's later restore left collections off
// for the rest of the run. A slow resume makes the old order show.
func TestHoldGCEndsBeforeAfterRead(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 9 MB export")
	}
	path := filepath.Join(t.TempDir(), "posts.jsonl")
	var b strings.Builder
	for k := 0; b.Len() < 9<<20; k++ {
		fmt.Fprintf(&b, `{"id":"p%d","author":"a%d","content":"#Gate# 第%d篇 %s","created_at":"2025-07-16T10:00:00+08:00"}`+"\n", k, k, k, strings.Repeat("字", 80))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var held, ended atomic.Int32
	opt := campaign.Options{
		Workers: 2,
		HoldGC: func() func() {
			held.Add(1)
			return func() {
				time.Sleep(time.Second)
				ended.Add(1)
			}
		},
	}
	var atRead int32 = -1
	opt.AfterRead = func() func() {
		atRead = held.Load() - ended.Load()
		return func() {}
	}
	evaluate(t, loadRules(t, nil), []string{path}, opt)
	if held.Load() == 0 {
		t.Fatal("the export was not read in parts: no hold was taken")
	}
	if atRead != 0 {
		t.Fatalf("AfterRead began with %d read holds still on", atRead)
	}
}
