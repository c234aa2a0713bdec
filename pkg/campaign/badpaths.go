package campaign

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/promo-cli/promo/pkg/export"
)

// addBadPaths makes each path that could not be walked (a typo, a folder
// that cannot be listed) an unreadable entry named by the path, after the
// entries read, when other paths gave exports: the run judges what it could
// read, the path shows in the output instead of vanishing, and --strict
// fails as for any unreadable file.
func (res *Result) addBadPaths(bad []export.PathError) {
	for _, b := range bad {
		name := filepath.ToSlash(b.Path)
		res.Entries = append(res.Entries, unreadableFile(name, b.Err))
		if res.keys != nil {
			res.keys = append(res.keys, recordKey{})
		}
		res.FileErrors++
	}
}

// joinPathErrors is every path's error on one line, in path order.
func joinPathErrors(bad []export.PathError) error {
	if len(bad) == 1 {
		return bad[0].Err
	}
	msgs := make([]string, len(bad))
	for i, b := range bad {
		msgs[i] = b.Err.Error()
	}
	return errors.New(strings.Join(msgs, "; "))
}
