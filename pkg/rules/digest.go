package rules

import (
	"crypto/sha256"
	"encoding/hex"

	"go.yaml.in/yaml/v3"
)

// Canonical is the rules a run uses, written out as YAML: every key of
// the rule file with the defaults applied and the run's overrides (--winners,
// --pool, --min-length) in place, in the order of the reference. Comments,
// spacing, quoting and the order keys were written in are gone, so two
// files that mean the same thing give the same bytes, and a default that
// changes between versions of promo changes them.
func (r *Rules) Canonical() []byte {
	data, err := yaml.Marshal(r)
	if err != nil {
		// The rules are plain strings, numbers and lists; a failure here is
		// a programming error, and the digest must still differ.
		return []byte("unencodable: " + err.Error())
	}
	return data
}

// Digest identifies the rules a run used: "sha256:" and the hex SHA-256 of
// Canonical.
func (r *Rules) Digest() string {
	sum := sha256.Sum256(r.Canonical())
	return "sha256:" + hex.EncodeToString(sum[:])
}
