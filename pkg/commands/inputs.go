package commands

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/promo-cli/promo/pkg/input"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// Every text input other than an export — the rule file, the brief and
// judges sheet it names, the announcement of init, the config file and
// count's standard input — is read whole by pkg/input, up to --max-input
// bytes. Exports are streamed record by record and have no such limit.

const maxInputFlag = "max-input"

// addInputLimit declares --max-input for every command.
func addInputLimit(root *cobra.Command) {
	root.PersistentFlags().String(maxInputFlag, input.FormatSize(input.DefaultMaxSize),
		"size `limit` of the rule file, brief, judges sheet, announcement, config file and standard input, e.g. 64MiB")
}

// maxInput is the --max-input setting in bytes.
func maxInput(v *viper.Viper) (int64, error) {
	n, err := input.ParseSize(v.GetString(maxInputFlag))
	if err != nil {
		return 0, usageErrorf("--%s: %w", maxInputFlag, err)
	}
	return n, nil
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
func readConfigFile(cmd *cobra.Command, path string) (io.Reader, error) {
	t, err := input.ReadFile(path, input.Options{MaxSize: configLimit(cmd)})
	if err != nil {
		return nil, err
	}
	warnEncoding(cmd.ErrOrStderr(), path, t.Info)
	return strings.NewReader(t.Text), nil
}

// warnEncoding prints what the operator should know about how a file was
// decoded: "promo: warning: ann.txt: not UTF-8; read as GBK (detected)".
func warnEncoding(w io.Writer, name string, info input.Info) {
	if info.Warning != "" {
		fmt.Fprintf(w, "promo: warning: %s: %s\n", name, info.Warning)
	}
}
