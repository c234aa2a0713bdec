package commands

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/promo-cli/promo/pkg/input"
	"github.com/promo-cli/promo/pkg/report"
	"github.com/promo-cli/promo/pkg/text"
	"github.com/spf13/cobra"
)

// CountOptions are count's settings.
type CountOptions struct {
	IO        *IOStreams
	Args      []string // the text, the file that holds it, or "-"
	Literal   bool     // --text: the argument is the text, even when a file has that name
	Exclude   []string
	TagSyntax string
	Output    string
	OutputSrc string // where Output came from, for messages
	MaxInput  int64
}

// NewCmdCount is promo count.
func NewCmdCount(f *Factory, runF func(*CountOptions) error) *cobra.Command {
	opts := &CountOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "count [TEXT | FILE | -]",
		Short: "Measure a text in every length unit and list its tags",
		Long: `Measure a text in every length unit promo knows (runes, graphemes, width,
weibo, han, words, twitter) and list the tags it finds.

The text is the argument; when the argument names a regular file, the
file's text (use --text to measure the argument itself); standard input
when it is "-" or absent. One trailing newline of a file or of standard
input is dropped. A file or standard input is read up to --max-input
bytes and decoded as every input is: a byte order mark, else UTF-8, else a
detected GBK, GB18030, Big5 or UTF-16, with a warning naming it.
Put "--" before a text that starts with "-".

Exit status:
  0  the text was measured
  2  usage error: an unknown unit, exclusion, syntax or flag, or the file
     or standard input over --max-input
  4  the file, standard input or output could not be read or written`,
		Example: `  promo count "ES Launchpool 挖矿"
  promo count --exclude tags,urls -o json -- "#ES# 挖矿 https://example.com"
  promo count post.txt
  promo count --text post.txt
  cat post.txt | promo count -`,
		Args: cobra.MaximumNArgs(1),
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&opts.Exclude, "exclude", nil, "leave out `kinds`: tags, urls, mentions, whitespace, punctuation, emoji")
	fl.StringVar(&opts.TagSyntax, "tag-syntax", "auto", "how to read tags: auto, twitter or weibo")
	fl.StringVarP(&opts.Output, "output", "o", formatTable, "output format: table or json")
	fl.BoolVar(&opts.Literal, "text", false, "measure the argument as written, even when a file has that name")
	fl.String("config", "", "config `file` for tool settings")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		s, err := loadSettings(cmd)
		if err != nil {
			return err
		}
		opts.Args, opts.OutputSrc = args, s.source("output")
		if opts.MaxInput, err = f.MaxInput(); err != nil {
			return err
		}
		if runF != nil {
			return runF(opts)
		}
		return countRun(cmd.Context(), opts)
	}
	return cmd
}

// countInput reads the text from the argument, the file it names, or
// stdin, up to --max-input bytes, decoded as every text input is (BOM,
// UTF-8, detected GBK/Big5/UTF-16). A shell's here-string and echo, and
// most editors, add a newline the user did not mean to count.
func countInput(ios *IOStreams, args []string, max int64, literal bool) (string, error) {
	if len(args) == 1 && args[0] != "-" {
		if literal || !isRegularFile(args[0]) {
			return args[0], nil
		}
		t, err := input.ReadFile(args[0], input.Options{MaxSize: max})
		if err != nil {
			return "", readError(err)
		}
		warnEncoding(ios.ErrOut, args[0], t.Info)
		return trimNewline(t.Text), nil
	}
	if len(args) == 0 && ios.InTTY {
		return "", usageHint(errors.New("count needs a text to measure"),
			"give it as an argument (promo count \"ES 挖矿\"), or pipe it in (promo count - < post.txt)")
	}
	t, err := input.ReadAll(ios.In, "standard input", input.Options{MaxSize: max})
	if err != nil {
		return "", readError(err)
	}
	warnEncoding(ios.ErrOut, "standard input", t.Info)
	return trimNewline(t.Text), nil
}

// trimNewline drops one trailing line break, LF or CRLF.
func trimNewline(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return strings.TrimSuffix(s, "\r")
}

// isRegularFile reports whether arg names a regular file (a symbolic link
// to one counts): count measures such a file's text rather than its name.
// A text that is not a path, or names a folder or a device, is measured as
// written.
func isRegularFile(arg string) bool {
	if arg == "" || strings.ContainsAny(arg, "\n\x00") {
		return false
	}
	info, err := os.Stat(arg)
	return err == nil && info.Mode().IsRegular()
}

func countRun(ctx context.Context, opts *CountOptions) error {
	ios := opts.IO
	txt, err := countInput(ios, opts.Args, opts.MaxInput, opts.Literal)
	if err != nil {
		return err
	}
	if err := checkFormatFrom(opts.OutputSrc, opts.Output, formatTable, formatJSON); err != nil {
		return err
	}
	ex, err := text.ParseExclude(splitList(opts.Exclude))
	if err != nil {
		return usageHint(err, "pass --exclude as a comma-separated list, e.g. --exclude tags,urls")
	}
	syn, err := text.ParseSyntax(opts.TagSyntax)
	if err != nil {
		return usageErrorf("%w", err)
	}
	counts := text.Measure(txt, ex, syn)
	tags := text.FindTags(txt, syn)
	return writeOutput(ctx, ios, "", opts.Output, func(w io.Writer) error {
		if opts.Output == formatJSON {
			return report.CountJSON(w, counts, tags)
		}
		return report.CountTable(w, counts, tags, ios.OutTTY)
	})
}

// splitList accepts both "--exclude a,b" and a YAML list from the config file.
func splitList(xs []string) []string {
	var out []string
	for _, x := range xs {
		for _, p := range strings.Split(x, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
