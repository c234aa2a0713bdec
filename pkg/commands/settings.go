package commands

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Tool settings (not campaign data) come from, in order of precedence: a
// flag given on the command line, a PROMO_* environment variable, the config
// file, the flag's default. Each command gets its own Viper instance and
// every key is bound explicitly, because AutomaticEnv alone is not seen by
// Unmarshal and a shared instance leaks one command's flags into another.

const configFileName = "promo.yaml"

// newSettings binds every flag of cmd to a fresh Viper instance, with its
// PROMO_* environment variable and the config file behind it.
func newSettings(cmd *cobra.Command) (*viper.Viper, error) {
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
	if err := readConfig(cmd, v); err != nil {
		return nil, err
	}
	return v, checkSettings(cmd, v)
}

// checkSettings rejects a PROMO_* variable or config value that does not
// parse as its flag's type: Viper would quietly read it as the zero value,
// and PROMO_STRICT=yes must not turn --strict off.
func checkSettings(cmd *cobra.Command, v *viper.Viper) error {
	var errs []error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Changed || f.Name == "help" || f.Name == "config" {
			return
		}
		var where string
		switch {
		case envSet(f.Name):
			where = envName(f.Name) + "="
		case v.InConfig(f.Name):
			where = v.ConfigFileUsed() + ": " + f.Name + ": "
		default:
			return
		}
		if err := checkValue(f.Value.Type(), v.Get(f.Name)); err != nil {
			errs = append(errs, fmt.Errorf("%s%v", where, err))
		}
	})
	if len(errs) == 0 {
		return nil
	}
	return usageHint(errors.Join(errs...), "give the value as the flag takes it, e.g. PROMO_STRICT=true or 'workers: 4'")
}

// checkValue checks one setting: a string from the environment, or
// whatever YAML made of the config file's value.
func checkValue(typ string, val any) error {
	ok := false
	switch x := val.(type) {
	case string:
		return checkString(typ, x)
	case bool:
		ok = typ == "bool" || typ == "string"
	case int, int64, uint64:
		ok = typ == "int" || typ == "string"
	case float64:
		ok = typ == "string" || typ == "int" && x == math.Trunc(x)
	case []any:
		if typ != "stringSlice" {
			return fmt.Errorf("%v is not a single value", x)
		}
		ok = true
	}
	if !ok {
		return fmt.Errorf("%v is not %s", val, typeWord(typ))
	}
	return nil
}

func checkString(typ, s string) error {
	var err error
	switch typ {
	case "int":
		_, err = strconv.Atoi(s)
	case "bool":
		_, err = strconv.ParseBool(s)
	}
	if err != nil {
		return fmt.Errorf("%q is not %s", s, typeWord(typ))
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
func readConfig(cmd *cobra.Command, v *viper.Viper) error {
	path, explicit := configPath(cmd)
	if path == "" {
		return nil
	}
	v.SetConfigFile(path)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return usageHint(fmt.Errorf("config file %s: %w", path, err),
			"the config file holds tool settings such as 'workers: 4' or 'output: json'")
	}
	warnUnknownSettings(cmd, path, v)
	return nil
}

// warnUnknownSettings points at config keys that are no flag of any
// command: a misspelt setting would otherwise be ignored without a word.
// One file serves every command, so a key another command uses is fine.
func warnUnknownSettings(cmd *cobra.Command, path string, v *viper.Viper) {
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
	for _, key := range v.AllKeys() {
		if known[key] || !v.InConfig(key) {
			continue
		}
		msg := fmt.Sprintf("%s: unknown setting `%s`", path, key)
		if near := closest(key, names, 1); len(near) > 0 {
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
