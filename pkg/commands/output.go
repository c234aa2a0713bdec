package commands

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/promo-cli/promo/pkg/report"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// The output formats of -o.
const (
	formatTable    = "table"
	formatJSON     = "json"
	formatCSV      = "csv"
	formatMarkdown = "markdown"
)

func checkFormat(format string, allowed ...string) error {
	if slices.Contains(allowed, format) {
		return nil
	}
	return usageErrorf("unknown output format %q (want %s)", format, joinOr(allowed))
}

func joinOr(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	out := ""
	for i, x := range xs[:len(xs)-1] {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out + " or " + xs[len(xs)-1]
}

// layout is how tables go to stdout: padded (and coloured, unless turned
// off) for a terminal; TSV for a pipe or an --out file.
func layout(ios *IOStreams, out string, noColor bool) report.Layout {
	return report.LayoutFor(ios.OutTTY && (out == "" || out == "-"), ios.Color && !noColor)
}

// writeOutput streams the rendering to stdout or, with --out, to a
// temporary file in the same folder that is renamed over the target only
// once it is complete, so a failed run never leaves a half-written payout
// file behind and a large report is never held in memory whole.
func writeOutput(ios *IOStreams, outPath string, render func(w io.Writer) error) error {
	if outPath == "" || outPath == "-" {
		bw := bufio.NewWriter(ios.Out)
		if err := render(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return writeFileAtomic(outPath, render)
}

// checkOutPath refuses an --out that cannot be written before any work is
// done, naming the folder to create rather than a temporary file.
func checkOutPath(path string) error { return checkWritable("--out", path) }

// checkWritable is checkOutPath for any flag that names a file to write.
func checkWritable(flag, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usageHint(fmt.Errorf("%s %s: is a folder", flag, path), "name a file inside it")
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageHint(fmt.Errorf("%s %s: folder %s does not exist", flag, path, dir), "create the folder first (mkdir -p "+dir+"), or name a file in an existing one")
	case err != nil:
		return usageErrorf("%s %s: %v", flag, path, plainError(err))
	case !st.IsDir():
		return usageErrorf("%s %s: %s is not a folder", flag, path, dir)
	}
	return nil
}

// plainError drops the path from a file system error, which for --out is
// the temporary file the user never named.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func writeFileAtomic(path string, render func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, plainError(err))
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	bw := bufio.NewWriter(tmp)
	err = render(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, plainError(err))
	}
	return nil
}
