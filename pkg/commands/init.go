package commands

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/promo-cli/promo/pkg/announce"
	"github.com/spf13/cobra"
)

func newInitCmd(ios *IOStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init [--from ANNOUNCEMENT]",
		Short: "Write a commented rule file, inferred from the announcement when given",
		Long: `Write a rule file with every key explained. With --from, read the campaign
announcement (Simplified or Traditional Chinese, or English) and fill in
what it says: the required tags, the minimum length and its unit, the
screenshot requirement, the number of winners, the pool and token, the
window, and the announcement itself as the brief. Each inferred value names
the line it came from; what could not be inferred is marked TODO.

Exit status:
  0  the rule file was written
  2  usage error: --out already exists
  4  the announcement cannot be read, or --out cannot be written`,
		Example: `  promo init > rules.yaml
  promo init --from announcement.txt --out rules.yaml`,
		Args: cobra.NoArgs,
	}
	cmd.Flags().String("from", "", "the announcement `file` to infer the rules from")
	cmd.Flags().String("out", "", "write the rule file to `file` (atomically) instead of stdout")
	cmd.Flags().String("config", "", "config `file` for tool settings")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		v, err := newSettings(cmd)
		if err != nil {
			return err
		}
		v.announce("out")
		return initRun(cmd.Context(), ios, v.GetString("from"), v.GetString("out"))
	}
	return cmd
}

func initRun(ctx context.Context, ios *IOStreams, from, out string) error {
	if out == "-" {
		out = "" // standard output, as --out - is for every command
	}
	if err := checkOutPath(out); err != nil {
		return err
	}
	if out != "" && fileExists(out) {
		return usageHint(fmt.Errorf("%s already exists", out), "choose another --out, or remove the file first")
	}
	data := announce.DefaultTemplate()
	if from != "" {
		text, err := readAnnouncement(from)
		if err != nil {
			return err
		}
		inf := announce.Infer(text)
		data = announce.Template(&inf, briefPath(from, out))
	}
	return writeOutput(ctx, ios, out, "yaml", func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func readAnnouncement(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", ioErrorf("cannot read the announcement: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return "", usageHint(fmt.Errorf("%s is not UTF-8 text", path), "save the announcement as UTF-8 (most editors: Save As → UTF-8)")
	}
	return string(data), nil
}

// briefPath is the announcement's path as the rule file will see it: rule
// paths resolve against the rule file's folder.
func briefPath(from, out string) string {
	dir := "."
	if out != "" {
		dir = filepath.Dir(out)
	}
	absFrom, err1 := filepath.Abs(from)
	absDir, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(from)
	}
	rel, err := filepath.Rel(absDir, absFrom)
	if err != nil {
		return filepath.ToSlash(absFrom)
	}
	return filepath.ToSlash(rel)
}
