package draw

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckCommit(t *testing.T) {
	committedIDs := []string{"p1", "p2", "p3"}
	committed := Digest(committedIDs)
	added := Digest([]string{"p1", "p2", "p3", "p4"})
	removed := Digest([]string{"p1", "p3"})
	swapped := Digest([]string{"p1", "p2", "p9"})
	tests := []struct {
		name    string
		digest  string
		count   int
		ids     []string
		wantErr string
	}{
		{name: "same list", digest: committed, count: 3, ids: committedIDs},
		{name: "same list, count unknown", digest: committed, count: -1, ids: committedIDs},
		{name: "upper-case hex and spaces", digest: " sha256:" + strings.ToUpper(committed[7:]) + "\n", count: -1, ids: committedIDs},
		{
			name: "one entry added", digest: committed, count: 3, ids: []string{"p1", "p2", "p3", "p4"},
			wantErr: "eligible list changed: digest " + added + " (4 entries) does not match the committed " + committed + " (3 entries, 1 more now)",
		},
		{
			name: "one entry removed", digest: committed, count: 3, ids: []string{"p1", "p3"},
			wantErr: "eligible list changed: digest " + removed + " (2 entries) does not match the committed " + committed + " (3 entries, 1 fewer now)",
		},
		{
			name: "one entry swapped", digest: committed, count: 3, ids: []string{"p1", "p2", "p9"},
			wantErr: "eligible list changed: digest " + swapped + " (3 entries) does not match the committed " + committed + " (3 entries, same count, different entries)",
		},
		{
			name: "count unknown", digest: committed, count: -1, ids: []string{"p1", "p3"},
			wantErr: "eligible list changed: digest " + removed + " (2 entries) does not match the committed " + committed,
		},
		{
			name: "no prefix", digest: committed[7:], count: -1, ids: committedIDs,
			wantErr: `committed digest "` + committed[7:] + `" is not "sha256:" followed by 64 hex digits; pass the eligible_digest printed by draw --commit`,
		},
		{
			name: "short", digest: "sha256:abc", count: -1, ids: committedIDs,
			wantErr: `committed digest "sha256:abc" is not "sha256:" followed by 64 hex digits; pass the eligible_digest printed by draw --commit`,
		},
		{
			name: "not hex", digest: "sha256:" + strings.Repeat("g", 64), count: -1, ids: committedIDs,
			wantErr: `committed digest "sha256:` + strings.Repeat("g", 64) + `" is not "sha256:" followed by 64 hex digits; pass the eligible_digest printed by draw --commit`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckCommit(tt.digest, tt.count, tt.ids)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || err.Error() != tt.wantErr {
				t.Fatalf("got error %v\nwant %s", err, tt.wantErr)
			}
		})
	}
}

func TestCheckCommitType(t *testing.T) {
	err := CheckCommit(Digest([]string{"a"}), 1, []string{"b"})
	var mismatch *CommitMismatch
	if !errors.As(err, &mismatch) {
		t.Fatalf("got %T, want *CommitMismatch", err)
	}
	want := CommitMismatch{Committed: Digest([]string{"a"}), CommittedCount: 1, Digest: Digest([]string{"b"}), Count: 1}
	if *mismatch != want {
		t.Errorf("got %+v, want %+v", *mismatch, want)
	}
}
