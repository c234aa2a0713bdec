// Package rerun compares two runs of promo over one campaign: the JSON
// documents validate and rank write. As exports are corrected and appeals
// come in, an operator re-runs the judgement and needs to see, and show,
// exactly what moved: entries added and removed, verdicts that flipped and
// why, and ranks and payouts that changed.
package rerun

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Run is what a comparison needs of one validate or rank JSON document.
type Run struct {
	Name         string  // the file, for messages
	Campaign     string  `json:"campaign"`
	RulesDigest  string  `json:"rules_digest"`
	InputsDigest string  `json:"inputs_digest"`
	Entries      []Entry `json:"entries"`
	Ranking      []Place `json:"ranking"` // nil for a validate document
}

// Entry is one entry's verdict.
type Entry struct {
	ID      string   `json:"id"`
	Author  string   `json:"author"`
	Source  string   `json:"source"`
	Valid   bool     `json:"valid"`
	Reasons []Reason `json:"reasons"`
}

// Reason is a reason code with its message.
type Reason struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Place is one ranked entry.
type Place struct {
	Rank   int    `json:"rank"`
	ID     string `json:"id"`
	Reward string `json:"reward"`
}

// maxDocument bounds what is read: a JSON document of a million entries is
// well below it.
const maxDocument = 4 << 30

// Read decodes a validate or rank JSON document. name is the file, for
// messages.
func Read(r io.Reader, name string) (*Run, error) {
	var raw struct {
		Run
		Entries *[]Entry `json:"entries"`
	}
	dec := json.NewDecoder(io.LimitReader(r, maxDocument))
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s: not a promo JSON document: %v", name, plainJSONError(err))
	}
	if raw.Entries == nil {
		return nil, fmt.Errorf("%s: no \"entries\" list; is it the output of promo validate -o json or promo rank -o json?", name)
	}
	run := raw.Run
	run.Name, run.Entries = name, *raw.Entries
	return &run, nil
}

func plainJSONError(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return err.Error() + " at byte " + strconv.FormatInt(se.Offset, 10)
	}
	if errors.Is(err, io.EOF) {
		return "the file is empty"
	}
	return err.Error()
}
