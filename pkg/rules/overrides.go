package rules

import (
	"maps"
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
	if o.Winners != nil {
		c.Rewards.Winners = *o.Winners
		c.override("rewards.winners", "--winners")
	}
	if o.Pool != nil {
		c.Rewards.PoolText = Amount(*o.Pool)
		c.override("rewards.pool", "--pool")
	}
	if o.MinLength != nil {
		c.Length.Min = *o.MinLength
		c.override("length.min", "--min-length")
	}
	if err := validate(&c).asError(); err != nil {
		return err
	}
	*r = c
	return nil
}

// override points messages about path at the flag. Setting a reward value
// makes the rewards section present. The value itself is in the rules, so
// Digest covers it.
func (r *Rules) override(path, flag string) {
	r.pos[path] = position{file: flag}
	if _, ok := r.pos["rewards"]; !ok && path != "length.min" {
		r.pos["rewards"] = position{file: flag}
	}
}
