package commands

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/promo-cli/promo/pkg/announce"
	"github.com/promo-cli/promo/pkg/input"
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
		v, err := loadSettings(cmd)
		if err != nil {
			return err
		}
		max, err := maxInput(v)
		if err != nil {
			return err
		}
		v.announce("out")
		return initRun(cmd.Context(), ios, v.GetString("from"), v.GetString("out"), max)
	}
	return cmd
}

func initRun(ctx context.Context, ios *IOStreams, from, out string, max int64) error {
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
		text, err := readAnnouncement(ios, from, max)
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

// readAnnouncement reads the announcement as every text input is read: a
// regular file up to --max-input, UTF-8, UTF-16 or a detected GBK/Big5.
func readAnnouncement(ios *IOStreams, path string, max int64) (string, error) {
	t, err := input.ReadFile(path, input.Options{MaxSize: max})
	if err != nil {
		return "", readError(fmt.Errorf("reading the announcement: %w", err))
	}
	warnEncoding(ios.ErrOut, path, t.Info)
	return t.Text, nil
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
