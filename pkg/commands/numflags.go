package commands

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// grouped is a number written with thousands separators, as people copy
// amounts from a spreadsheet or an announcement: 1,250, 1,000,000.50,
// 10_000, 1 250, or with a full-width comma. A lone "1.250" is a valid
// decimal, so a dot is never taken for a separator.
var grouped = regexp.MustCompile(`^[+-]?[0-9]{1,3}(?:[,_' \x{00A0}\x{202F}\x{FF0C}][0-9]{3})+(?:\.[0-9]+)?$`)

// amountFlags are the string flags that take an amount; the counts
// (--winners, --min-length, --decimals, --workers) are int flags, which
// pflag refuses before a command runs (see separatorFlagError).
var amountFlags = []string{"pool", "max-per-winner"}

// separatorError says that the value of --name has a thousands separator
// and how to write it, or is nil when the value has none. Without it the
// value would be refused as a bad rule value or a bad integer, pointing
// the user at the rule file rather than at the comma they typed.
func separatorError(name, value string) error {
	if !grouped.MatchString(value) {
		return nil
	}
	plain := strings.Map(func(r rune) rune {
		if r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, value)
	return usageHint(fmt.Errorf("--%s %q has a thousands separator", name, value),
		fmt.Sprintf("write the number without it: --%s %s", name, plain))
}

// checkAmountFlags runs separatorError on the amount flags given on the
// command line.
func checkAmountFlags(cmd *cobra.Command) error {
	for _, name := range amountFlags {
		f := cmd.Flags().Lookup(name)
		if f == nil || !f.Changed {
			continue
		}
		if err := separatorError(name, f.Value.String()); err != nil {
			return err
		}
	}
	return nil
}

// separatorFlagError is separatorError for a value pflag refused, such as
// --winners 1,000; nil when the refusal has another cause.
func separatorFlagError(err error) error {
	var bad *pflag.InvalidValueError
	if !errors.As(err, &bad) {
		return nil
	}
	return separatorError(bad.GetFlag().Name, bad.GetValue())
}
