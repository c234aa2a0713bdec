package commands

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "(devel) ("},
		{"work tree build, clean", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "false"}}},
			"(devel) (commit 0123456789ab, go1.26.0 "},
		{"work tree build, dirty", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}},
			"(devel) (commit 0123456789ab, dirty, go1.26.0 "},
		{"go install of a release", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.3"}},
			"v1.2.3 (go1.26.0 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := versionText(tt.info)
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("versionText = %q, want prefix %q", got, tt.want)
			}
			if strings.Contains(got, "dev ") || got == "dev" {
				t.Errorf("versionText = %q says dev", got)
			}
		})
	}
}
