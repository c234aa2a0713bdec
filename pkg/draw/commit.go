package draw

import (
	"fmt"
	"strings"
)

// CommitMismatch is the error for an eligible list whose digest is not the
// one published before the draw.
type CommitMismatch struct {
	Committed      string // the published digest
	CommittedCount int    // the published count, or -1 when not known
	Digest         string // the digest of the list now
	Count          int    // the entries in the list now
}

func (e *CommitMismatch) Error() string {
	msg := fmt.Sprintf("eligible list changed: digest %s (%d entries) does not match the committed %s",
		e.Digest, e.Count, e.Committed)
	if e.CommittedCount < 0 {
		return msg
	}
	return msg + fmt.Sprintf(" (%d entries, %s)", e.CommittedCount, countChange(e.Count-e.CommittedCount))
}

func countChange(d int) string {
	switch {
	case d > 0:
		return fmt.Sprintf("%d more now", d)
	case d < 0:
		return fmt.Sprintf("%d fewer now", -d)
	}
	return "same count, different entries"
}

// CheckCommit returns nil when ids hash to the committed digest, a
// *CommitMismatch when they do not, and another error when committed is not
// a digest. committedCount is the published count, or -1 when not known.
func CheckCommit(committed string, committedCount int, ids []string) error {
	want, err := parseDigest(committed)
	if err != nil {
		return err
	}
	got := Digest(ids)
	if got == want {
		return nil
	}
	return &CommitMismatch{Committed: want, CommittedCount: committedCount, Digest: got, Count: len(ids)}
}

// parseDigest accepts upper-case hex, as some tools print it, and returns
// the digest in the form Digest prints.
func parseDigest(s string) (string, error) {
	hexPart, ok := strings.CutPrefix(strings.TrimSpace(s), "sha256:")
	if !ok || len(hexPart) != 64 || strings.Trim(strings.ToLower(hexPart), "0123456789abcdef") != "" {
		return "", fmt.Errorf("committed digest %q is not \"sha256:\" followed by 64 hex digits; pass the eligible_digest printed by draw --commit", s)
	}
	return "sha256:" + strings.ToLower(hexPart), nil
}
