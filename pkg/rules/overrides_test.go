package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"testing"
)

func ptr[T any](v T) *T { return &v }

const baseRules = "rewards:\n  pool: \"1250\"\n  winners: 10\n  tiers: [{ranks: \"1-10\", amount: \"100\"}]\nlength: {min: 60, max: 500}\n"

func TestApply(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		o       Overrides
		wantErr string
		check   func(*Rules) string
		want    string
	}{
		{name: "pool", in: baseRules, o: Overrides{Pool: ptr("2000.5")},
			check: func(r *Rules) string { return r.Rewards.Pool.String() }, want: "2000.5"},
		{name: "winners", in: baseRules, o: Overrides{Winners: ptr(12)},
			check: func(r *Rules) string { return tierText(r.Rewards.Tiers)[0] }, want: "1-10:100"},
		{name: "min length", in: baseRules, o: Overrides{MinLength: ptr(80)},
			check: func(r *Rules) string { return strconv.Itoa(r.Length.Min) }, want: "80"},
		{name: "rewards from flags alone", in: "name: x\n", o: Overrides{Pool: ptr("100"), Winners: ptr(3)},
			check: func(r *Rules) string { return r.Rewards.Pool.String() + "/" + strconv.Itoa(r.Rewards.Winners) }, want: "100/3"},
		{name: "bad pool names the flag", in: baseRules, o: Overrides{Pool: ptr("lots")},
			wantErr: "--pool: `rewards.pool` must be an amount, got \"lots\"; write a plain decimal such as \"1250\" or \"92.85\""},
		{name: "pool below tiers points at the tiers", in: baseRules, o: Overrides{Pool: ptr("999")},
			wantErr: "rules.yaml:4:10: the tiers pay 1000 in all, more than `rewards.pool` (999); lower the amounts or raise `rewards.pool`"},
		{name: "winners below tiers", in: baseRules, o: Overrides{Winners: ptr(5)},
			wantErr: "rules.yaml:4:19: `rewards.tiers[0].ranks` \"1-10\" goes past `rewards.winners` (5); raise `rewards.winners` or shorten the range"},
		{name: "zero winners", in: baseRules, o: Overrides{Winners: ptr(0)},
			wantErr: "--winners: `rewards.winners` must be at least 1, got 0; e.g. winners: 10"},
		{name: "min over max", in: baseRules, o: Overrides{MinLength: ptr(600)},
			wantErr: "--min-length: `length.min` (600) is greater than `length.max` (500); lower `length.min`, raise `length.max`, or set `length.max: 0` for no maximum"},
		{name: "winners without pool", in: "name: x\n", o: Overrides{Winners: ptr(3)},
			wantErr: "--winners: `rewards.pool` is missing; e.g. pool: \"1250\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("rules.yaml", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			before := r.Digest()
			err = r.Apply(tt.o)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got error %v, want\n%s", err, tt.wantErr)
				}
				if r.Digest() != before {
					t.Errorf("a failed Apply changed the rules")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.check(r); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDigest(t *testing.T) {
	data := []byte("name: x\n")
	sum := sha256.Sum256(data)
	plain := "sha256:" + hex.EncodeToString(sum[:])
	withPool := sha256.Sum256([]byte("name: x\n\x00overrides\npool=100\nwinners=3\n"))
	tests := []struct {
		name string
		o    *Overrides
		want string
	}{
		{"file bytes", nil, plain},
		{"with overrides in key order", &Overrides{Winners: ptr(3), Pool: ptr("100")}, "sha256:" + hex.EncodeToString(withPool[:])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("rules.yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			if tt.o != nil {
				if err := r.Apply(*tt.o); err != nil {
					t.Fatal(err)
				}
			}
			if got := r.Digest(); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDigestOfFile(t *testing.T) {
	r := mustLoad(t, filepath.Join("testdata", "full.yaml"))
	again := mustLoad(t, filepath.Join("testdata", "full.yaml"))
	if r.Digest() != again.Digest() || len(r.Digest()) != len("sha256:")+64 {
		t.Errorf("digest %q is not stable or not sha256", r.Digest())
	}
}
