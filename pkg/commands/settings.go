package commands

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	return v, readConfig(cmd, v)
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
	return nil
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

func envSet(flag string) bool {
	_, ok := os.LookupEnv(envName(flag))
	return ok
}
