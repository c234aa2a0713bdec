package rules

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
)

// Load reads and checks the rule file at path. Problems come back as an
// ErrorList.
func Load(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrorList{{File: path, Msg: fmt.Sprintf("cannot read the rule file: %v", unwrapPath(err)),
			Hint: "check the rule file's path (-r/--rules, or the argument of rules check)"}}
	}
	return Parse(path, data)
}

// Parse reads and checks a rule file held in memory; name is its path,
// used in messages and to resolve the paths it names.
func Parse(name string, data []byte) (*Rules, error) {
	r := Default()
	r.Path = name
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
