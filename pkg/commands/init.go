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

// InitOptions are init's settings.
type InitOptions struct {
	IO       *IOStreams
	From     string // the announcement; "" for the commented template
	Out      string
	MaxInput int64
}

// NewCmdInit is promo init.
func NewCmdInit(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "init [--from ANNOUNCEMENT]",
		Short: "Write a commented rule file, from the announcement when given",
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
	fl := cmd.Flags()
	fl.StringVar(&opts.From, "from", "", "the announcement `file` to infer the rules from")
	fl.StringVar(&opts.Out, "out", "", "write the rule file to `file` (atomically) instead of stdout")
	fl.String("config", "", "config `file` for tool settings")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		s, err := loadSettings(cmd)
		if err != nil {
			return err
		}
		if opts.MaxInput, err = f.MaxInput(); err != nil {
			return err
		}
		s.announce("out")
		if runF != nil {
			return runF(opts)
		}
		return initRun(cmd.Context(), opts)
	}
	return cmd
}

func initRun(ctx context.Context, opts *InitOptions) error {
	ios, from, out := opts.IO, opts.From, opts.Out
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
		text, err := readAnnouncement(ios, from, opts.MaxInput)
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
