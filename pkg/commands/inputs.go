package commands

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/input"
	"github.com/spf13/cobra"
)

// Every text input other than an export — the rule file, the brief and
// judges sheet it names, the announcement of init, the config file and
// count's standard input — is read whole by pkg/input, up to --max-input
// bytes. Exports are streamed record by record and have no such limit.

const maxInputFlag = "max-input"

// addInputLimit declares --max-input for every command.
func addInputLimit(root *cobra.Command, f *Factory) {
	root.PersistentFlags().StringVar(&f.maxInput, maxInputFlag, input.FormatSize(input.DefaultMaxSize),
		"size `limit` of each input read whole (all but exports and images), e.g. 64MiB")
}

// configLimit is the limit for the config file itself, which cannot come
// from that file: the flag, else PROMO_MAX_INPUT, else the default. A
// value that does not parse is reported once the settings are read.
func configLimit(cmd *cobra.Command) int64 {
	s := os.Getenv(envName(maxInputFlag))
	if f := cmd.Flags().Lookup(maxInputFlag); f != nil && (f.Changed || s == "") {
		s = f.Value.String()
	}
	if n, err := input.ParseSize(s); err == nil {
		return n
	}
	return input.DefaultMaxSize
}

// readConfigFile reads the config file as every text input is read: a
// regular file, bounded, its encoding detected.
func readConfigFile(cmd *cobra.Command, path string) (string, error) {
	t, err := input.ReadFile(path, input.Options{MaxSize: configLimit(cmd)})
	if err != nil {
		return "", err
	}
	warnEncoding(cmd.ErrOrStderr(), path, t.Info)
	return t.Text, nil
}

// warnEncoding prints what the operator should know about how a file was
// decoded: "promo: warning: ann.txt: not UTF-8; read as GBK (detected)".
func warnEncoding(w io.Writer, name string, info input.Info) {
	if info.Warning != "" {
		fmt.Fprintf(w, "promo: warning: %s: %s\n", name, info.Warning)
	}
}

// printReports writes, per export file, how it was read: its encoding and
// why, the export.files entry that applied, the columns mapped and those
// ignored.
func printReports(w io.Writer, reports []export.Report) {
	for _, r := range reports {
		line := fmt.Sprintf("promo: note: %s: %s", r.File, encodingNote(r.Encoding))
		if r.Glob != "" {
			line += fmt.Sprintf("; settings of export.files %q", r.Glob)
		}
		fmt.Fprintln(w, line)
		if len(r.Columns) == 0 {
			continue
		}
		var used, ignored []string
		for _, c := range r.Columns {
			if c.Field == "" {
				ignored = append(ignored, c.Name)
			} else {
				used = append(used, c.Name+" → "+c.Field)
			}
		}
		line = fmt.Sprintf("promo: note: %s: columns %s", r.File, listOrNone(used))
		if len(ignored) > 0 {
			line += "; ignored " + strings.Join(ignored, ", ")
		}
		fmt.Fprintln(w, line)
	}
}

func encodingNote(info input.Info) string {
	if info.Encoding == "" {
		return "not read"
	}
	return fmt.Sprintf("encoding %s (%s)", info.Encoding, info.How)
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}
