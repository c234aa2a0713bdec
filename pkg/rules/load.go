package rules

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"

	"github.com/promo-cli/promo/pkg/input"
)

// Load reads and checks the rule file at path. Problems come back as an
// ErrorList.
func Load(path string) (*Rules, error) {
	return LoadMax(path, 0)
}

// LoadMax is Load with a size limit for the rule file, kept in MaxInput
// for the brief and judges sheet it names; 0 means input.DefaultMaxSize.
// The file is read as pkg/input reads every text input: a regular file
// only, its encoding by BOM or detection.
func LoadMax(path string, max int64) (*Rules, error) {
	t, err := input.ReadFile(path, input.Options{MaxSize: max})
	if err != nil {
		return nil, ErrorList{{File: path, Msg: fmt.Sprintf("cannot read the rule file: %v", unwrapPath(err)),
			Hint: readHint(err)}}
	}
	return parse(path, []byte(t.Text), max)
}

func readHint(err error) string {
	if errors.Is(err, input.ErrTooLarge) || errors.Is(err, input.ErrNotRegular) {
		return ""
	}
	return "check the rule file's path (-r/--rules, or the argument of rules check)"
}

// Parse reads and checks a rule file held in memory; name is its path,
// used in messages and to resolve the paths it names.
func Parse(name string, data []byte) (*Rules, error) {
	return parse(name, data, 0)
}

func parse(name string, data []byte, max int64) (*Rules, error) {
	r := Default()
	r.Path = name
	r.MaxInput = max
	r.data = bytes.Clone(data)
	root, errs := parseYAML(name, data)
	if errs != nil {
		return nil, errs.asError()
	}
	d := &decoder{file: name, pos: r.pos, bad: r.bad, budget: nodeBudget}
	d.pos[""] = position{name, root.Line, root.Column}
	d.decode(root, reflect.ValueOf(r).Elem(), "")
	errs = d.errs
	if d.budget >= 0 {
		// A cut-off decode leaves values half-filled; checking them would
		// only add noise.
		errs = append(errs, validate(r)...)
	}
	if err := errs.asError(); err != nil {
		return nil, err
	}
	return r, nil
}

// unwrapPath drops the path an *os.PathError repeats.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
