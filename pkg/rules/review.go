package rules

// Review holds the manual decisions applied after the checks.
type Review struct {
	Overrides string `yaml:"overrides" jsonschema_description:"CSV of id,decision,reason,by rows (decision: accept or reject), relative to the rule file."`

	OverridesPath string `yaml:"-"` // Overrides resolved against the rule file's folder
}

// checkReview resolves the overrides file and checks it is there, and
// checks how judges' scores are normalised.
func checkReview(v *validator) {
	v.r.Review.OverridesPath = v.file("review.overrides", v.r.Review.Overrides)
	v.oneOf("scoring.judges_normalize", "normalisation", v.r.Scoring.JudgesNorm, "none", "zscore")
}
