package rules

import (
	"fmt"
	"strings"

	"github.com/promo-cli/promo/pkg/internal/words"
)

// validator runs the semantic checks, each a small named step, and fills
// the resolved values as it goes.
type validator struct {
	r    *Rules
	errs ErrorList
}

// steps run in order; zones come first because the window needs them.
var steps = []struct {
	name string
	run  func(*validator)
}{
	{"zones", checkZones},
	{"window", checkWindow},
	{"encoding", checkEncoding},
	{"fields", checkFields},
	{"tags", checkTags},
	{"length", checkLength},
	{"media", checkMedia},
	{"authors", checkAuthors},
	{"content", checkContent},
	{"weights", checkWeights},
	{"scoring", checkScoring},
	{"paths", checkPaths},
	{"rewards", checkRewards},
	{"tiers", checkTiers},
	{"pay_to", checkPayTo},
	{"review", checkReview},
}

func validate(r *Rules) ErrorList {
	v := &validator{r: r}
	for _, s := range steps {
		s.run(v)
	}
	return v.errs
}

// has reports whether the file (or an override) set path.
func (v *validator) has(path string) bool {
	_, ok := v.r.pos[path]
	return ok
}

// at finds where path was set, else its nearest enclosing section, so a
// problem with a default value still points somewhere useful.
func (v *validator) at(path string) position {
	for {
		if p, ok := v.r.pos[path]; ok {
			return p
		}
		if path == "" {
			return position{file: v.r.Path}
		}
		path = parentPath(path)
	}
}

func parentPath(path string) string {
	if i := strings.LastIndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return ""
}

func (v *validator) errorf(path, hint, format string, args ...any) {
	if v.r.bad[path] {
		return // already reported as the wrong type
	}
	p := v.at(path)
	v.errs = append(v.errs, &Error{File: p.file, Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// oneOf checks a value against its allowed spellings.
func (v *validator) oneOf(path, what, got string, allowed ...string) bool {
	for _, a := range allowed {
		if got == a {
			return true
		}
	}
	hint := "use " + orList(allowed)
	if s := suggest(got, allowed); s != "" {
		hint = fmt.Sprintf("did you mean `%s`?", s)
	}
	v.errorf(path, hint, "unknown %s `%s` in `%s`", what, got, path)
	return false
}

func (v *validator) nonNegative(path string, n int) {
	if n < 0 {
		v.errorf(path, "", "`%s` must be 0 or more, got %d", path, n)
	}
}

func (v *validator) nonEmptyItems(path string, items []string) {
	for i, s := range items {
		if strings.TrimSpace(s) == "" {
			v.errorf(fmt.Sprintf("%s[%d]", path, i), "remove the empty item", "`%s` has an empty item", path)
		}
	}
}

// orList quotes each allowed value and joins them as a choice.
func orList(allowed []string) string {
	quoted := make([]string, len(allowed))
	for i, w := range allowed {
		quoted[i] = "`" + w + "`"
	}
	return words.JoinOr(quoted)
}
