package rules

import (
	"path/filepath"
	"strconv"
	"strings"
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

// TestDigest: the digest covers what the rules mean, defaults and
// overrides included, not how the file is written. It used to hash the
// file's bytes, so a comment changed it and a changed default did not.
func TestDigest(t *testing.T) {
	base := "name: x\nrewards: {pool: \"100\", winners: 3}\n"
	digest := func(t *testing.T, yaml string, o *Overrides) string {
		t.Helper()
		r, err := Parse("rules.yaml", []byte(yaml))
		if err != nil {
			t.Fatal(err)
		}
		if o != nil {
			if err := r.Apply(*o); err != nil {
				t.Fatal(err)
			}
		}
		return r.Digest()
	}
	want := digest(t, base, nil)
	same := []struct{ name, yaml string }{
		{"a comment", "# campaign\n" + base},
		{"a default spelled out", base + "length: {unit: graphemes}\nauthors: {max_entries: 1}\n"},
		{"keys in another order", "rewards: {winners: 3, pool: \"100\"}\nname: x\n"},
	}
	for _, tt := range same {
		t.Run(tt.name, func(t *testing.T) {
			if got := digest(t, tt.yaml, nil); got != want {
				t.Errorf("digest changed: %s", got)
			}
		})
	}
	differ := []struct {
		name string
		yaml string
		o    *Overrides
	}{
		{"the pool", strings.Replace(base, "100", "101", 1), nil},
		{"a default changed", base + "length: {unit: runes}\n", nil},
		{"--winners", base, &Overrides{Winners: ptr(4)}},
		{"--pool", base, &Overrides{Pool: ptr("99")}},
		{"--min-length", base, &Overrides{MinLength: ptr(5)}},
	}
	for _, tt := range differ {
		t.Run(tt.name, func(t *testing.T) {
			if got := digest(t, tt.yaml, tt.o); got == want {
				t.Errorf("digest did not change")
			}
		})
	}
	if got := digest(t, base, &Overrides{Winners: ptr(3)}); got != want {
		t.Errorf("an override to the file's own value changed the digest")
	}
}

func TestDigestOfFile(t *testing.T) {
	r := mustLoad(t, filepath.Join("testdata", "full.yaml"))
	again := mustLoad(t, filepath.Join("testdata", "full.yaml"))
	if r.Digest() != again.Digest() || len(r.Digest()) != len("sha256:")+64 {
		t.Errorf("digest %q is not stable or not sha256", r.Digest())
	}
}
