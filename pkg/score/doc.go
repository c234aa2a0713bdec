// Package score turns checked entries into a defensible ranking.
//
// A score is 0–100: the weighted mean of components in [0,1]
//
//	length       min(1, L / length_target), L in the rule's unit and exclusions
//	topics       share of topic groups with at least one keyword
//	engagement   log1p(likes + 2·comments + 3·reposts) / the field's highest
//	media        min(1, images / 2)
//	originality  1 − the highest of (similarity to an earlier entry, containment in the brief)
//	judges       mean judge score mapped from the declared scale to [0,1]
//
// times 100. Only earlier entries count for originality: a copy posted
// later must not cost the original its score. "The field" is every entry that passes every check other than
// author-limit: the entries actually competing. Components are kept so
// that explain can show every figure; ranking compares exact values, never
// rounded ones, and breaks ties by created_at, then id.
package score
