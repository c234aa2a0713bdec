package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/promo-cli/promo/pkg/input"
)

func checkWeights(v *validator) {
	w := v.r.Scoring.Weights
	all := []struct {
		key string
		x   float64
	}{
		{"length", w.Length}, {"topics", w.Topics}, {"engagement", w.Engagement},
		{"media", w.Media}, {"originality", w.Originality}, {"judges", w.Judges},
	}
	sum := 0.0
	for _, c := range all {
		if c.x < 0 {
			v.errorf("scoring.weights."+c.key, "use 0 to leave a component out",
				"`scoring.weights.%s` must be 0 or more, got %g", c.key, c.x)
			continue
		}
		sum += c.x
	}
	if sum == 0 {
		v.errorf("scoring.weights", "give at least one component a weight above 0, e.g. `topics: 1`",
			"`scoring.weights` are all zero")
	}
}

func checkScoring(v *validator) {
	s := v.r.Scoring
	if s.LengthTarget < 1 {
		v.errorf("scoring.length_target", "the length component is full at this length, e.g. 300",
			"`scoring.length_target` must be at least 1, got %d", s.LengthTarget)
	}
	for i, t := range s.Topics {
		path := fmt.Sprintf("scoring.topics[%d]", i)
		if strings.TrimSpace(t.Name) == "" {
			v.errorf(path, "give the topic a `name:`", "topic %d in `scoring.topics` has no name", i+1)
		}
		if len(t.Keywords) == 0 && !v.r.bad[path+".keywords"] {
			v.errorf(path, "list at least one keyword under `keywords:`", "topic %d in `scoring.topics` has no keywords", i+1)
		}
		v.nonEmptyItems(path+".keywords", t.Keywords)
	}
	if sc := s.JudgesScale; sc.Min >= sc.Max {
		v.errorf("scoring.judges_scale", "e.g. `judges_scale: {min: 0, max: 10}`",
			"`scoring.judges_scale.min` (%g) must be below `max` (%g)", sc.Min, sc.Max)
	}
}

// checkPaths resolves brief and judges against the rule file's folder and
// checks the files are there, so a typo fails now and not mid-run.
func checkPaths(v *validator) {
	r := v.r
	r.Content.BriefPath = v.file("content.brief", r.Content.Brief)
	r.Scoring.JudgesPath = v.file("scoring.judges", r.Scoring.Judges)
}

// maxInput is the size limit of the files the rule file names.
func (v *validator) maxInput() int64 {
	if v.r.MaxInput > 0 {
		return v.r.MaxInput
	}
	return input.DefaultMaxSize
}

func (v *validator) file(path, name string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	full := name
	if !filepath.IsAbs(name) {
		full = filepath.Join(v.r.Dir(), name)
	}
	info, err := os.Stat(full)
	switch {
	case err != nil:
		v.errorf(path, "paths in a rule file are relative to the rule file's folder",
			"`%s`: no file at %s", path, full)
	case info.IsDir():
		v.errorf(path, "name a file, not a folder", "`%s`: %s is a folder", path, full)
	case !info.Mode().IsRegular():
		v.errorf(path, "name a regular file: promo reads no named pipe, device or socket, which could make it wait or read without end",
			"`%s`: %s is not a regular file", path, full)
	case info.Size() > v.maxInput():
		v.errorf(path, "if the file really is that large, raise the limit with "+input.MaxSizeSetting,
			"`%s`: %s is larger than the input size limit of %s", path, full, input.FormatSize(v.maxInput()))
	}
	return full
}
