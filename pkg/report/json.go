package report

import (
	"encoding/json"
	"io"
	"math"

	"github.com/promo-cli/promo/pkg/check"
)

// The JSON DTOs below fix the field names and order of the contract; they
// are kept apart from the domain types so the domain can change without
// breaking anyone's jq script. Lists are never null.

type jsonReport struct {
	Campaign     string       `json:"campaign"`
	RulesDigest  string       `json:"rules_digest"`
	InputsDigest string       `json:"inputs_digest"`
	Summary      jsonSummary  `json:"summary"`
	Entries      []jsonEntry  `json:"entries"`
	Clusters     [][]string   `json:"clusters"`
	Ranking      []jsonPlace  `json:"ranking,omitzero"`
	Rewards      *jsonRewards `json:"rewards,omitzero"`
}

type jsonSummary struct {
	Entries    int            `json:"entries"`
	Valid      int            `json:"valid"`
	Invalid    int            `json:"invalid"`
	Unreadable int            `json:"unreadable"`
	ByReason   map[string]int `json:"by_reason"`
}

type jsonEntry struct {
	ID      string       `json:"id"`
	Author  string       `json:"author"`
	Source  string       `json:"source"`
	Valid   bool         `json:"valid"`
	Reasons []jsonReason `json:"reasons"`
	Length  int          `json:"length"`
}

type jsonReason struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Measured string `json:"measured,omitempty"`
	Limit    string `json:"limit,omitempty"`
	Other    string `json:"other,omitempty"`
}

type jsonPlace struct {
	Rank       int                `json:"rank"`
	ID         string             `json:"id"`
	Author     string             `json:"author"`
	Score      float64            `json:"score"`
	Components map[string]float64 `json:"components"`
	Reward     string             `json:"reward"`
}

type jsonRewards struct {
	Pool     string `json:"pool"`
	Token    string `json:"token"`
	Paid     string `json:"paid"`
	Leftover string `json:"leftover"`
}

// ValidationJSON writes validate's JSON document.
func ValidationJSON(w io.Writer, v *Validation) error {
	return encodeJSON(w, validationDTO(v))
}

// StandingsJSON writes rank's JSON document: validate's plus ranking and
// rewards.
func StandingsJSON(w io.Writer, s *Standings) error {
	doc := validationDTO(&s.Validation)
	doc.Ranking = make([]jsonPlace, 0, len(s.Ranking))
	for _, p := range s.Ranking {
		doc.Ranking = append(doc.Ranking, jsonPlace{
			Rank: p.Rank, ID: p.ID, Author: p.Author, Score: round(p.Score, 4),
			Components: componentMap(p), Reward: p.Reward,
		})
	}
	doc.Rewards = &jsonRewards{Pool: s.Rewards.Pool, Token: s.Rewards.Token, Paid: s.Rewards.Paid, Leftover: s.Rewards.Leftover}
	return encodeJSON(w, doc)
}

func validationDTO(v *Validation) jsonReport {
	doc := jsonReport{
		Campaign: v.Campaign, RulesDigest: v.RulesDigest, InputsDigest: v.InputsDigest,
		Summary: jsonSummary{
			Entries: v.Summary.Entries, Valid: v.Summary.Valid, Invalid: v.Summary.Invalid,
			Unreadable: v.Summary.Unreadable, ByReason: map[string]int{},
		},
		Entries:  make([]jsonEntry, 0, len(v.Entries)),
		Clusters: v.Clusters,
	}
	if doc.Clusters == nil {
		doc.Clusters = [][]string{}
	}
	for c, n := range v.Summary.ByReason {
		doc.Summary.ByReason[string(c)] = n
	}
	for _, e := range v.Entries {
		doc.Entries = append(doc.Entries, jsonEntry{
			ID: e.ID, Author: e.Author, Source: e.Source, Valid: e.Valid, Reasons: reasonsDTO(e.Reasons), Length: e.Length,
		})
	}
	return doc
}

func reasonsDTO(rs []check.Reason) []jsonReason {
	out := make([]jsonReason, 0, len(rs))
	for _, r := range rs {
		out = append(out, jsonReason{Code: string(r.Code), Message: r.Message, Measured: r.Measured, Limit: r.Limit, Other: r.Other})
	}
	return out
}

func componentMap(p Place) map[string]float64 {
	c := p.Components
	return map[string]float64{
		"length": round(c.Length, 4), "topics": round(c.Topics, 4), "engagement": round(c.Engagement, 4),
		"media": round(c.Media, 4), "originality": round(c.Originality, 4), "judges": round(c.Judges, 4),
	}
}

// round keeps JSON readable; ranking itself compared the exact values.
func round(f float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(f*p) / p
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
