// Command genexport writes a synthetic campaign export for benchmarks: JSON
// Lines, mostly Chinese, about 1 KB a post, most posts carrying the sample
// campaign's tag. With -dup it plants lightly edited copies of earlier posts
// and can write the true (copy, original) pairs to a CSV file, so that the
// recall and precision of near-duplicate detection can be measured.
//
// Usage:
//
//	go run ./scripts/genexport -n 100000 -o posts.jsonl [-dup 0.01] [-seed 1] [-truth pairs.csv]
//
// The output depends only on the flags, and is written as it is generated:
// a million posts need no more memory than a thousand.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "genexport:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("genexport", flag.ContinueOnError)
	cfg := config{}
	fs.IntVar(&cfg.N, "n", 100000, "number of posts")
	fs.Float64Var(&cfg.Dup, "dup", 0, "share of posts that are lightly edited copies of earlier posts (0 to 0.5)")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed; the same seed gives the same bytes")
	out := fs.String("o", "-", "output file (- for standard output)")
	truth := fs.String("truth", "", "write the planted copy,original id pairs to this CSV file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; use -o FILE to name the output", fs.Arg(0))
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	return writeFiles(cfg, *out, *truth, stdout)
}

func writeFiles(cfg config, out, truth string, stdout io.Writer) (err error) {
	w := stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer closeInto(f, &err)
		w = f
	}
	var tw io.Writer
	if truth != "" {
		f, err := os.Create(truth)
		if err != nil {
			return fmt.Errorf("create truth file: %w", err)
		}
		defer closeInto(f, &err)
		tw = f
	}
	return generateBuffered(w, tw, cfg)
}

// generateBuffered keeps the writes large: the output is the benchmark's
// input, and its generation should not be what takes the time.
func generateBuffered(w, truth io.Writer, cfg config) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var tb *bufio.Writer
	if truth != nil {
		tb = bufio.NewWriter(truth)
		truth = tb
	}
	if err := generate(bw, truth, cfg); err != nil {
		return err
	}
	if tb != nil {
		if err := tb.Flush(); err != nil {
			return fmt.Errorf("write truth file: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

func closeInto(c io.Closer, err *error) {
	if cerr := c.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

var errDup = errors.New("-dup must be between 0 and 0.5")
