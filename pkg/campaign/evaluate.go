package campaign

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
)

// Options tune a run without changing its result.
type Options struct {
	Workers  int    // files read at once; 0 means the number of CPUs
	Encoding string // overrides export.encoding for files without a BOM
	// Keep names an entry id whose post is kept whole in Result.Kept, for
	// explain; every other post's text is dropped once it is checked.
	Keep string
	// Progress, when set, is called after each file with the number of
	// entries read so far. It may be called from several goroutines.
	Progress func(entries int)
}

// Result is a judged campaign.
type Result struct {
	Rules        *rules.Rules
	Files        []export.File
	Skipped      []string      // notes about files passed over (unknown extensions)
	Warnings     []string      // things the operator should look at, e.g. judge scores for unknown ids
	Entries      []check.Entry // in source order: file, then line
	Scores       []score.Result
	Clusters     [][]int // near-duplicate groups, as indexes into Entries
	InputsDigest string
	Kept         []export.Post // posts whose id is Options.Keep
	FileErrors   int           // files that could not be read at all
	Checker      *check.Checker

	sims []float64 // per entry, highest similarity to an earlier entry
	// imageNear words, per entry, the closest earlier screenshot that was
	// compared tile by tile and found different (for explain).
	imageNear map[int]string
}

// ErrNoInput is returned (wrapped) when no export could be read.
var ErrNoInput = errors.New("no export could be read")

// Evaluate reads, checks and scores every post under the paths.
func Evaluate(ctx context.Context, r *rules.Rules, paths []string, opt Options) (*Result, error) {
	files, skipped, err := export.Walk(paths)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoInput, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%w: no .jsonl, .ndjson, .json, .csv, .tsv, .txt or .md file under %s", ErrNoInput, strings.Join(paths, ", "))
	}
	files = sortFiles(files)
	checker, err := check.New(r)
	if err != nil {
		return nil, err
	}
	judges, err := loadJudges(r)
	if err != nil {
		return nil, err
	}
	res := &Result{Rules: r, Files: files, Skipped: skipped, Checker: checker}
	if err := res.read(ctx, checker, opt); err != nil {
		return nil, err
	}
	if res.FileErrors == len(files) {
		return nil, fmt.Errorf("%w: %s", ErrNoInput, res.Entries[0].Reasons[0].Message)
	}
	res.Warnings = append(res.Warnings, unknownJudged(judges, res.Entries, r.Scoring.Judges)...)
	res.crossCheck()
	res.Scores = score.New(r, judges).Score(res.Entries, res.maxSim())
	res.applyAuthorLimit()
	return res, nil
}

func loadJudges(r *rules.Rules) (score.Judges, error) {
	if r.Scoring.JudgesPath == "" {
		return nil, nil
	}
	return score.ReadJudges(r.Scoring.JudgesPath, r.Scoring.JudgesScale.Min, r.Scoring.JudgesScale.Max)
}

func workers(n int) int {
	if n <= 0 {
		return runtime.NumCPU()
	}
	return n
}

func exportOptions(r *rules.Rules, opt Options) export.Options {
	o := export.Options{Encoding: r.Export.Encoding, Location: r.Export.Location, Fields: fieldMap(r.Fields)}
	if opt.Encoding != "" {
		o.Encoding = opt.Encoding
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	return o
}

// unknownJudged warns about judge scores for ids no entry has: usually a
// typo in the judges' sheet, which would otherwise silently score nothing.
func unknownJudged(j score.Judges, entries []check.Entry, file string) []string {
	if len(j) == 0 {
		return nil
	}
	known := make(map[string]bool, len(entries))
	for i := range entries {
		known[entries[i].ID] = true
	}
	var unknown []string
	for id := range j {
		if !known[id] {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	// One line, however many: a sheet for another export would otherwise
	// bury the run's output.
	const shown = 5
	list := strings.Join(unknown[:min(shown, len(unknown))], ", ")
	if len(unknown) > shown {
		list += fmt.Sprintf(" and %d more", len(unknown)-shown)
	}
	return []string{fmt.Sprintf("%s scores %d %s that no export has (%s); check the ids",
		file, len(unknown), pluralWord(len(unknown), "entry", "entries"), list)}
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
