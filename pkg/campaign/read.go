package campaign

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/rules"
)

// fileResult is what one worker made of one file.
type fileResult struct {
	entries []check.Entry
	kept    []export.Post
	digest  string
	failed  bool
}

// read checks every file with a bounded pool of workers. Each file's
// entries go into its own slot, and the slots are joined in file order, so
// the result does not depend on which worker finished first.
func (res *Result) read(ctx context.Context, c *check.Checker, opt Options) error {
	eo := exportOptions(res.Rules, opt)
	slots := make([]fileResult, len(res.Files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var seen atomic.Int64
	for range min(workers(opt.Workers), len(res.Files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := &check.Workspace{}
			for i := range jobs {
				slots[i] = readFile(ctx, c, ws, res.Files[i], eo, opt.Keep)
				if opt.Progress != nil {
					opt.Progress(int(seen.Add(int64(len(slots[i].entries)))))
				}
			}
		}()
	}
	for i := range res.Files {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	res.join(slots)
	return nil
}

func (res *Result) join(slots []fileResult) {
	n := 0
	for _, s := range slots {
		n += len(s.entries)
	}
	res.Entries = make([]check.Entry, 0, n)
	digests := make([]string, 0, len(slots))
	for i, s := range slots {
		res.Entries = append(res.Entries, s.entries...)
		res.Kept = append(res.Kept, s.kept...)
		if s.failed {
			res.FileErrors++
		}
		digests = append(digests, res.Files[i].Rel+"\x00"+s.digest)
	}
	res.InputsDigest = inputsDigest(digests)
}

func readFile(ctx context.Context, c *check.Checker, ws *check.Workspace, f export.File, eo export.Options, keep string) fileResult {
	var out fileResult
	name := displayPath(f)
	err := export.Read(ctx, f, eo, func(p export.Post) error {
		if p.ID == p.Source() { // no id in the record: name it by where it is
			p.ID = name + ":" + strconv.Itoa(p.Line)
		}
		p.File = name
		if keep != "" && p.ID == keep {
			out.kept = append(out.kept, p)
		}
		out.entries = append(out.entries, c.Inspect(&p, ws, false))
		return nil
	})
	if err != nil {
		out.failed = len(out.entries) == 0
		out.entries = append(out.entries, unreadableFile(name, err))
	}
	out.digest = fileDigest(f.Path)
	return out
}

// unreadableFile stands for a file that could not be read at all, so that
// it shows in the output instead of vanishing.
func unreadableFile(name string, err error) check.Entry {
	return check.Entry{ID: name, File: name, Reasons: []check.Reason{{Code: check.Unreadable, Message: err.Error()}}}
}

// displayPath is the file as the operator named it, with forward slashes,
// so sources read the same on every system.
func displayPath(f export.File) string { return filepath.ToSlash(f.Path) }

// sortFiles orders files by their path, so the order of the arguments
// does not change the output.
// The same file named twice is read once.
func sortFiles(files []export.File) []export.File {
	slices.SortFunc(files, func(a, b export.File) int { return strings.Compare(displayPath(a), displayPath(b)) })
	return slices.CompactFunc(files, func(a, b export.File) bool { return a.Path == b.Path })
}

func fileDigest(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unreadable"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unreadable"
	}
	return hex.EncodeToString(h.Sum(nil))
}

// inputsDigest is "sha256:" and the hash of the sorted lines
// "relative/path NUL sha256-of-bytes", so it names the same inputs
// wherever the export folder sits on disk.
func inputsDigest(lines []string) string {
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l+"\n")
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

func fieldMap(f rules.Fields) map[string]string {
	m := map[string]string{}
	for k, v := range map[string]string{
		"id": f.ID, "author": f.Author, "content": f.Content, "images": f.Images, "created_at": f.CreatedAt,
		"likes": f.Likes, "comments": f.Comments, "reposts": f.Reposts, "views": f.Views,
	} {
		if v != "" {
			m[k] = v
		}
	}
	return m
}
