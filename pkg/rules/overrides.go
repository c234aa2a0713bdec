package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"sort"
	"strconv"
)

// Overrides are rule values set for one run by flags; nil leaves the rule
// file's value.
type Overrides struct {
	Winners   *int    // --winners
	Pool      *string // --pool
	MinLength *int    // --min-length
}

// Apply sets the overrides and checks the result again. On error r is left
// as it was; messages about an overridden value name the flag.
func (r *Rules) Apply(o Overrides) error {
	c := *r
	c.pos = maps.Clone(r.pos)
	c.over = maps.Clone(r.over)
	if o.Winners != nil {
		c.Rewards.Winners = *o.Winners
		c.override("rewards.winners", "--winners", "winners", strconv.Itoa(*o.Winners))
	}
	if o.Pool != nil {
		c.Rewards.PoolText = Amount(*o.Pool)
		c.override("rewards.pool", "--pool", "pool", *o.Pool)
	}
	if o.MinLength != nil {
		c.Length.Min = *o.MinLength
		c.override("length.min", "--min-length", "min_length", strconv.Itoa(*o.MinLength))
	}
	if err := validate(&c).asError(); err != nil {
		return err
	}
	*r = c
	return nil
}

// override points messages about path at the flag and records the value
// for Digest. Setting a reward value makes the rewards section present.
func (r *Rules) override(path, flag, key, value string) {
	r.pos[path] = position{file: flag}
	if _, ok := r.pos["rewards"]; !ok && path != "length.min" {
		r.pos["rewards"] = position{file: flag}
	}
	r.over[key] = value
}

// Digest identifies the rules a run used: "sha256:" and the hex SHA-256 of
// the file bytes, followed, when flags overrode values, by one
// "key=value" line per override in key order.
func (r *Rules) Digest() string {
	h := sha256.New()
	h.Write(r.data)
	if len(r.over) > 0 {
		keys := make([]string, 0, len(r.over))
		for k := range r.over {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		h.Write([]byte("\x00overrides\n"))
		for _, k := range keys {
			h.Write([]byte(k + "=" + r.over[k] + "\n"))
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
