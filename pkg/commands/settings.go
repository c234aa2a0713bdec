package commands

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/promo-cli/promo/pkg/text"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"
)

// Tool settings (not campaign data) come from, in order of precedence: a
// flag given on the command line, a PROMO_* environment variable, the config
// file, the flag's default. Each command gets its own Viper instance and
// every key is bound explicitly, because AutomaticEnv alone is not seen by
// Unmarshal and a shared instance leaks one command's flags into another.

const configFileName = "promo.yaml"

// campaignSettings are the flags that change a verdict, a measurement or
// an amount. They come only from the rule file and the command line: a
// PROMO_* variable or a config file key for one is refused, so that a
// promo.yaml left in a folder, or an exported variable, cannot pay one
// winner the pool. Every other flag is a tool setting (output, workers,
// colour, quiet, strict, config, rules, all, commit).
var campaignSettings = []string{
	"pool", "winners", "min-length", "token", "decimals", "mode", "tiers", "scores", "ties", "max-per-winner",
	"seed", "alternates", "expect-digest", "encoding", "exclude", "tag-syntax",
}

// outputSettings name files a run writes; a config file shared by every
// run must not send them elsewhere, so the config file may not hold them.
var outputSettings = []string{"out", "list"}

// settings are one command's tool settings: Viper with every flag bound,
// and where each value came from for messages. The values themselves are
// decoded into the flags, and so into the command's options.
type settings struct {
	v   *viper.Viper
	cmd *cobra.Command
	// lines maps a key of the config file to its line.
	lines map[string]int
}

// loadSettings binds every flag of cmd to a fresh Viper instance, with its
// PROMO_* environment variable and the config file behind it, and decodes
// the values that do not come from the command line into the flags (and
// so into the options fields bound to them).
func loadSettings(cmd *cobra.Command) (*settings, error) {
	v := viper.New()
	var bindErr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name == "help" || f.Name == "config" {
			return
		}
		if err := v.BindPFlag(f.Name, f); err != nil {
			bindErr = errors.Join(bindErr, err)
		}
		if err := v.BindEnv(f.Name, envName(f.Name)); err != nil {
			bindErr = errors.Join(bindErr, err)
		}
	})
	if bindErr != nil {
		return nil, bindErr
	}
	s := &settings{v: v, cmd: cmd}
	if err := s.readConfig(); err != nil {
		return nil, err
	}
	if err := s.checkSources(); err != nil {
		return nil, err
	}
	return s, s.decodeValues()
}

// source says where a setting's value comes from, for messages: "--out",
// "PROMO_OUT", "promo.yaml:3", or "" for the flag's default.
func (s *settings) source(name string) string {
	switch {
	case s.cmd.Flags().Changed(name):
		return "--" + name
	case envSet(name):
		return envName(name)
	case s.v.InConfig(name):
		return s.configAt(name)
	}
	return ""
}

// from is " (from PROMO_WORKERS)" or " (from promo.yaml:3)" for a
// value that came from the environment or the config file, and "" for one
// typed on the command line or the default: a refused value the operator
// did not type must say where to change it.
func (s *settings) from(name string) string {
	if src := s.source(name); src != "" && !strings.HasPrefix(src, "-") {
		return " (from " + src + ")"
	}
	return ""
}

// configAt is "FILE:LINE" for a key of the config file.
func (s *settings) configAt(key string) string {
	if line := s.lines[key]; line > 0 {
		return fmt.Sprintf("%s:%d", s.v.ConfigFileUsed(), line)
	}
	return s.v.ConfigFileUsed()
}

// announce says on stderr which file a run reads or writes when the path
// came from the environment or the config file rather than the command
// line: a payout file written, or a rule file read, where the operator did
// not type must not go unnoticed.
func (s *settings) announce(name string) {
	val := s.cmd.Flags().Lookup(name).Value.String()
	if src := s.source(name); src != "" && !strings.HasPrefix(src, "-") && val != "" {
		printMessage(s.cmd.ErrOrStderr(), "note", fmt.Sprintf("--%s %s (from %s)", name, val, src))
	}
}

// checkSources refuses campaign data from the environment or the config
// file, and output paths from the config file, naming where each came from.
// The environment is checked for every campaign key, whatever the command:
// one of them set is a trap for the next command that takes it.
func (s *settings) checkSources() error {
	var errs []error
	var hint string
	for _, key := range campaignSettings {
		if envSet(key) {
			errs = append(errs, fmt.Errorf("%s is set, but %s is campaign data: it comes only from the rule file or the --%s flag", envName(key), key, key))
			hint = cmp.Or(hint, "unset "+envName(key)+", and put the value in the rule file or pass --"+key)
		}
		if s.v.InConfig(key) {
			errs = append(errs, fmt.Errorf("%s: `%s` is campaign data: it comes only from the rule file or the --%s flag", s.configAt(key), key, key))
			hint = cmp.Or(hint, "remove `"+key+"` from "+s.v.ConfigFileUsed()+"; the config file holds tool settings such as 'workers: 4' or 'output: json'")
		}
	}
	for _, key := range outputSettings {
		if s.v.InConfig(key) {
			errs = append(errs, fmt.Errorf("%s: `%s` cannot come from a config file, which every run reads", s.configAt(key), key))
			hint = cmp.Or(hint, "remove `"+key+"` from "+s.v.ConfigFileUsed()+" and pass --"+key+" to the run that writes the file")
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return usageHint(errors.Join(errs...), hint)
}

// decodeValues sets each flag not given on the command line from its
// PROMO_* variable or config key, as Viper resolves them (the environment
// first), decoded once by the flag's own type into the options field bound
// to it. A value that does not decode is an error naming where it came
// from: Viper alone would read it as the zero value, and PROMO_STRICT=yes
// must not turn --strict off.
func (s *settings) decodeValues() error {
	var errs []error
	var hint string
	s.cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Changed || f.Name == "help" || f.Name == "config" {
			return
		}
		var where, example string
		switch {
		case envSet(f.Name):
			where = envName(f.Name) + "="
			example = envName(f.Name) + "=" + exampleValue(f.Value.Type())
		case s.v.InConfig(f.Name):
			where = s.configAt(f.Name) + ": " + f.Name + ": "
			example = "'" + f.Name + ": " + exampleValue(f.Value.Type()) + "'"
		default:
			return
		}
		if err := decodeValue(f.Value, s.v.Get(f.Name)); err != nil {
			errs = append(errs, fmt.Errorf("%s%w", where, err))
			if hint == "" {
				hint = "give the value as the flag takes it, e.g. " + example
			}
		}
	})
	if len(errs) == 0 {
		return nil
	}
	return usageHint(errors.Join(errs...), hint)
}

func exampleValue(typ string) string {
	switch typ {
	case "int":
		return "4"
	case "bool":
		return "true"
	}
	return "VALUE"
}

// decodeValue sets a flag from one setting: a string from the environment,
// or whatever YAML made of the config file's value. A YAML value must be
// of the flag's kind (true is no whole number, 1 is not true or false);
// its text is then parsed as the flag parses its argument.
func decodeValue(fv pflag.Value, val any) error {
	typ := fv.Type()
	var text string
	ok := false
	switch x := val.(type) {
	case string:
		if fv.Set(x) != nil {
			return fmt.Errorf("%q is not %s", x, typeWord(typ))
		}
		return nil
	case bool:
		ok, text = typ == "bool" || typ == "string", strconv.FormatBool(x)
	case int, int64, uint64:
		ok, text = typ == "int" || typ == "string", fmt.Sprint(x)
	case float64:
		ok, text = typ == "string" || typ == "int" && x == math.Trunc(x), strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		if typ != "stringSlice" {
			return fmt.Errorf("%v is not a single value", x)
		}
		items := make([]string, len(x))
		for i, item := range x {
			items[i] = fmt.Sprint(item)
		}
		ok, text = true, strings.Join(items, ",")
	}
	if !ok || fv.Set(text) != nil {
		return fmt.Errorf("%v is not %s", val, typeWord(typ))
	}
	return nil
}

func typeWord(typ string) string {
	switch typ {
	case "int":
		return "a whole number"
	case "bool":
		return "true or false"
	}
	return "a " + strings.TrimSuffix(typ, "Slice") + " value"
}

// envName is the environment variable for a flag: --no-color is PROMO_NO_COLOR.
func envName(flag string) string {
	return "PROMO_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// readConfig loads --config (or PROMO_CONFIG), else promo.yaml in the working
// folder, else promo/promo.yaml in the user's config folder. Only an explicitly
// named file must exist.
func (s *settings) readConfig() error {
	path, explicit := configPath(s.cmd)
	if path == "" {
		return nil
	}
	s.v.SetConfigFile(path)
	s.v.SetConfigType("yaml")
	text, err := readConfigFile(s.cmd, path)
	if err == nil {
		err = s.v.ReadConfig(strings.NewReader(text))
	}
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return usageHint(fmt.Errorf("config file %s: %w", path, err),
			"the config file holds tool settings such as 'workers: 4' or 'output: json'")
	}
	s.lines = keyLines([]byte(text))
	warnUnknownSettings(s.cmd, s)
	return nil
}

// keyLines maps each top-level key of a YAML file to its line, for
// messages; a file Viper read is YAML, so a failure here only loses lines.
func keyLines(data []byte) map[string]int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	lines := map[string]int{}
	m := doc.Content[0].Content
	for i := 0; i+1 < len(m); i += 2 {
		lines[strings.ToLower(m[i].Value)] = m[i].Line
	}
	return lines
}

// warnUnknownSettings points at config keys that are no flag of any
// command: a misspelt setting would otherwise be ignored without a word.
// One file serves every command, so a key another command uses is fine.
func warnUnknownSettings(cmd *cobra.Command, s *settings) {
	known := map[string]bool{}
	var names []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		add := func(f *pflag.Flag) {
			if !known[f.Name] {
				known[f.Name] = true
				names = append(names, f.Name)
			}
		}
		c.Flags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(cmd.Root())
	for _, key := range s.v.AllKeys() {
		if known[key] || !s.v.InConfig(key) {
			continue
		}
		msg := fmt.Sprintf("%s: unknown setting `%s`", s.configAt(key), key)
		if near := text.Suggest(key, names, 1); len(near) > 0 {
			msg += fmt.Sprintf("; did you mean `%s`?", near[0])
		}
		printMessage(cmd.ErrOrStderr(), "warning", msg)
	}
}

func configPath(cmd *cobra.Command) (path string, explicit bool) {
	if f := cmd.Flags().Lookup("config"); f != nil && f.Value.String() != "" {
		return f.Value.String(), true
	}
	if p := os.Getenv("PROMO_CONFIG"); p != "" {
		return p, true
	}
	if fileExists(configFileName) {
		return configFileName, false
	}
	if dir, err := os.UserConfigDir(); err == nil {
		p := filepath.Join(dir, "promo", configFileName)
		if fileExists(p) {
			return p, false
		}
	}
	return "", false
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// envSet reports whether the flag's PROMO_* variable holds a value; an
// empty one is no setting, as Viper reads it.
func envSet(flag string) bool {
	return os.Getenv(envName(flag)) != ""
}
