package commands

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/promo-cli/promo/pkg/rules"
)

// checkNotInput refuses an output file that is one of the run's inputs: the
// rule file, the brief, the judges' sheet, an export file, or any path
// inside an export folder, which the next run over that folder would read
// back as an export. It is a usage error (exit 2), found before any work.
func checkNotInput(flag, out string, r *rules.Rules, exports []string) error {
	if out == "" || out == "-" {
		return nil
	}
	inputs := []struct{ what, path string }{
		{"the rule file", r.Path},
		{"the brief (content.brief)", r.Content.BriefPath},
		{"the judges' sheet (scoring.judges)", r.Scoring.JudgesPath},
	}
	for _, in := range inputs {
		if in.path != "" && sameFile(out, in.path) {
			return usageHint(fmt.Errorf("%s %s is %s, which this run reads", flag, out, in.what), "write the output to another path")
		}
	}
	outAbs := realPath(out)
	for _, e := range exports {
		st, err := os.Stat(e)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			if sameFile(out, e) {
				return usageHint(fmt.Errorf("%s %s is an export this run reads", flag, out), "write the output to another path")
			}
			continue
		}
		if within(outAbs, realPath(e)) {
			return usageHint(fmt.Errorf("%s %s is inside the export folder %s, and the next run would read it as an export", flag, out, e),
				"write the output outside the export folders")
		}
	}
	return nil
}

// sameFile reports whether a and b are the same existing file, however
// they are named (links, relative paths).
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// realPath is path made absolute with every symbolic link resolved, for a
// file that may not exist yet (its folder does).
func realPath(path string) string {
	if target, err := resolveLinks(path); err == nil {
		path = target
	}
	dir, base := filepath.Dir(path), filepath.Base(path)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if abs, err := filepath.Abs(filepath.Join(dir, base)); err == nil {
		return abs
	}
	return path
}

func within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
