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
	"github.com/promo-cli/promo/pkg/internal/words"
	"github.com/promo-cli/promo/pkg/rules"
	"github.com/promo-cli/promo/pkg/score"
)

// Options tune a run without changing its result.
type Options struct {
	Workers  int    // files read at once; 0 means the number of CPUs
	Encoding string // overrides export.encoding for files without a BOM
	// MaxRecord is the size in bytes above which a record is unreadable; 0 means
	// export.DefaultMaxRecord.
	MaxRecord int
	// Keep names an entry, by id or by source (FILE:LINE or FILE:LINE:COL), whose post is
	// kept whole in Result.Kept, for explain; every other post's text is
	// dropped once it is checked.
	Keep string
	// Progress, when set, is called after each file with the number of
	// entries read so far. It may be called from several goroutines.
	Progress func(entries int)
	// Overrides names an overrides file for this run, in place of the rule
	// file's review.overrides.
	Overrides string
	// AfterRead, when set, is called once every post has been read, before
	// the cross-entry checks; what it returns is called when Evaluate
	// returns. A command that owns its process uses it to bound the memory
	// of the phases that follow (see commands' holdMemory).
	AfterRead func() (done func())
	// AfterCross, when set, is called once the cross-entry checks have
	// run and dropped the text signatures, the largest thing a run holds.
	// A command that bounds the run's memory collects them then, before
	// the phases that follow allocate.
	AfterCross func()
	// HoldGC, when set, is called before the arrays a large file's
	// entries and keys are read into are made, and what it returns once
	// the entries' pages are in. A command that owns its process holds
	// collections off meanwhile: one started by making them read their
	// untouched pages while they were faulted in, twice the faults.
	HoldGC func() (resume func())
}

// Result is a judged campaign.
type Result struct {
	Rules        *rules.Rules
	Files        []export.File
	Skipped      []string        // notes about files passed over (unknown extensions)
	Warnings     []string        // things the operator should look at, e.g. judge scores for unknown ids
	Reports      []export.Report // per file, in file order: encoding and columns, for --verbose
	Entries      []check.Entry   // in source order: file, then line
	Scores       []score.Result
	Clusters     [][]int // near-duplicate groups, as indexes into Entries
	InputsDigest string
	Kept         []export.Post // posts whose id is Options.Keep
	FileErrors   int           // files that could not be read at all
	Checker      *check.Checker
	// Also lists, per entry index, the other sources of the same post
	// read from overlapping exports (see AlsoIn).
	Also map[int][]string

	judges  score.Judges    // the judges' scores by entry id, for explain
	sims    []float64       // per entry, highest similarity to an earlier entry
	keys    []recordKey     // per entry while reading, for mergeSameIDs
	sigs    signatures      // per entry until the cross-entry checks have run
	keep    string          // Options.Keep
	workers int             // the goroutines a phase after the read uses at most
	closest map[int]Closest // for the kept entries: the most similar earlier entry
	// imageNear words, per entry, the closest earlier screenshot that was
	// compared tile by tile and found different (for explain).
	imageNear map[int]string

	fileDigests   []string          // "rel NUL sha256" per export file
	images        map[string]string // local images referenced: digest label → path
	overridesLine string            // the overrides file's line in inputs_digest, or ""
}

// ErrNoInput is returned (wrapped) when no export could be read.
var ErrNoInput = errors.New("no export could be read")

// Evaluate reads, checks and scores every post under the paths.
func Evaluate(ctx context.Context, r *rules.Rules, paths []string, opt Options) (*Result, error) {
	// Walk reads a file found under two arguments once, under the nearest;
	// sorted, the notes and ties come out the same whatever the order given.
	files, skipped, bad := export.WalkAll(slices.Sorted(slices.Values(paths)))
	if len(files) == 0 && len(bad) > 0 {
		return nil, fmt.Errorf("%w: %v", ErrNoInput, joinPathErrors(bad))
	}
	if len(files) == 0 {
		err := fmt.Errorf("%w: no .jsonl, .ndjson, .json, .csv, .tsv, .txt or .md file under %s", ErrNoInput, strings.Join(paths, ", "))
		if len(skipped) > 0 {
			// The notes say why each candidate was passed over (a FIFO, a folder
			// that cannot be listed): without them the error would not say why.
			err = fmt.Errorf("%w (%s)", err, strings.Join(skipped, "; "))
		}
		return nil, err
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
	overrides, overridesLine, err := loadOverrides(r, opt.Overrides)
	if err != nil {
		return nil, err
	}
	res := &Result{Rules: r, Files: files, Skipped: skipped, Checker: checker, keep: opt.Keep, overridesLine: overridesLine, judges: judges, workers: workers(opt.Workers)}
	if err := res.read(ctx, checker, opt); err != nil {
		return nil, err
	}
	if opt.AfterRead != nil {
		defer opt.AfterRead()()
	}
	if res.FileErrors == len(files) {
		return nil, fmt.Errorf("%w: %s", ErrNoInput, res.Entries[0].Reasons[0].Message)
	}
	res.addBadPaths(bad)
	if res.InputsDigest, err = res.digestInputs(ctx, opt); err != nil {
		return nil, err
	}
	res.mergeSameIDs()
	res.Warnings = append(res.Warnings, unknownJudged(judges, res.Entries, r.Scoring.Judges)...)
	// Each phase ends with a look at ctx, so Ctrl-C stops a large run
	// between them instead of letting it finish and write its output.
	if err := res.crossCheck(ctx); err != nil {
		return nil, err
	}
	if opt.AfterCross != nil {
		opt.AfterCross()
	}
	res.Scores = score.New(r, judges).Workers(res.workers).Score(res.Entries, res.maxSim())
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.applyAuthorLimit()
	if err := res.applyOverrides(overrides); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

func loadJudges(r *rules.Rules) (score.Judges, error) {
	if r.Scoring.JudgesPath == "" {
		return nil, nil
	}
	sheet, err := score.ReadJudges(r.Scoring.JudgesPath, r.MaxInput, r.Scoring.JudgesScale.Min, r.Scoring.JudgesScale.Max)
	if err != nil {
		return nil, err
	}
	return sheet.Judges(r.Scoring.JudgesNorm), nil
}

func workers(n int) int {
	if n <= 0 {
		return runtime.NumCPU()
	}
	return n
}

func exportOptions(r *rules.Rules, opt Options) export.Options {
	o := export.Options{Encoding: r.Export.Encoding, Location: r.Export.Location, Fields: r.Fields.Map(), DateOrder: r.Export.DateOrder}
	if opt.Encoding != "" {
		o.Encoding = opt.Encoding
	}
	// export.files settings win over export.encoding and --encoding for
	// the files their glob matches.
	for _, f := range r.Export.Files {
		o.Files = append(o.Files, export.FileOptions{Glob: f.Glob, Encoding: f.Encoding, Fields: f.Fields.Map()})
	}
	o.MaxRecord = opt.MaxRecord
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
	list := words.SomeOf(unknown[:min(words.Shown, len(unknown))], len(unknown))
	return []string{fmt.Sprintf("%s scores %d %s that no export has (%s); check the ids",
		file, len(unknown), words.Plural(len(unknown), "entry", "entries"), list)}
}
