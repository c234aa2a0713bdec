package commands

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version is set at link time (-ldflags "-X .../commands.Version=v1.2.3");
// otherwise the module version recorded by the Go toolchain is shown.
var Version = ""

// VersionOptions are version's settings: only where it writes.
type VersionOptions struct {
	IO *IOStreams
}

// NewCmdVersion is promo version.
func NewCmdVersion(f *Factory, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: f.IOStreams}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and Go version of promo",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
}

func versionRun(opts *VersionOptions) error {
	_, err := fmt.Fprintln(opts.IO.Out, versionLine())
	return err
}

// versionLine is what `promo version` and `promo --version` print:
// "promo VERSION (commit REV[, dirty], GO OS/ARCH)".
func versionLine() string {
	info, _ := debug.ReadBuildInfo()
	return "promo " + versionText(info)
}

// versionText describes a build from its build info: the module version
// ("(devel)" for a build from a work tree), the VCS commit and whether the
// tree had changes, and the Go version that built it.
func versionText(info *debug.BuildInfo) string {
	v := moduleVersion(info)
	var parts []string
	if rev, dirty := vcsRevision(info); rev != "" {
		c := "commit " + rev
		if dirty {
			c += ", dirty"
		}
		parts = append(parts, c)
	}
	goVersion := runtime.Version()
	if info != nil && info.GoVersion != "" {
		goVersion = info.GoVersion
	}
	parts = append(parts, goVersion+" "+runtime.GOOS+"/"+runtime.GOARCH)
	return v + " (" + strings.Join(parts, ", ") + ")"
}

// vcsRevision reads the commit (shortened to 12 characters, as Go's
// pseudo-versions do) and the modified flag the toolchain stamps into a
// build made inside a repository.
func vcsRevision(info *debug.BuildInfo) (rev string, dirty bool) {
	if info == nil {
		return "", false
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return rev, dirty
}

// version is the short version written into reports: the module version
// and, for a build from a work tree, its commit.
func version() string {
	info, _ := debug.ReadBuildInfo()
	v := moduleVersion(info)
	if rev, dirty := vcsRevision(info); rev != "" {
		v += " " + rev
		if dirty {
			v += "-dirty"
		}
	}
	return v
}

// moduleVersion is the -X version, else the module's, else "(devel)".
func moduleVersion(info *debug.BuildInfo) string {
	v := Version
	if v == "" && info != nil {
		v = info.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}
