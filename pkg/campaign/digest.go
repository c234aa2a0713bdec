package campaign

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/input"
)

// The inputs digest pins every byte that can change a verdict: the export
// files, the brief, the judges' sheet, every local image a post refers to
// (its content, or that it is missing) and the run's --encoding. Lines
// other than the export files' start with NUL, so no file name can stand
// for one of them.

// digestInputs hashes the inputs besides the export files, which were
// hashed while they were read, and returns the run's inputs digest.
func (res *Result) digestInputs(ctx context.Context, opt Options) (string, error) {
	lines := slices.Clone(res.fileDigests)
	r := res.Rules
	if r.Content.BriefPath != "" {
		lines = append(lines, "\x00brief\x00"+fileDigest(r.Content.BriefPath))
	}
	if r.Scoring.JudgesPath != "" {
		lines = append(lines, "\x00judges\x00"+fileDigest(r.Scoring.JudgesPath))
	}
	if opt.Encoding != "" {
		lines = append(lines, "\x00encoding\x00"+opt.Encoding)
	}
	if res.overridesLine != "" { // the operator's decisions
		lines = append(lines, res.overridesLine)
	}
	images, err := imageDigests(ctx, res.images, workers(opt.Workers))
	if err != nil {
		return "", err
	}
	res.images = nil
	return inputsDigest(append(lines, images...)), nil
}

// addImages records the post's local images under a label that does not
// depend on where the export folder sits: the reference resolved against
// the export file's folder, relative to the folder named on the command
// line. References the image check refuses anyway (URLs, paths outside the
// export folder) cannot change with the bytes of a file, and are left out.
func addImages(m map[string]string, rel string, images []export.Image) map[string]string {
	for _, im := range images {
		if im.URL || im.Problem != "" || im.Path == "" {
			continue
		}
		if m == nil {
			m = map[string]string{}
		}
		m[imageLabel(rel, im.Ref)] = im.Path
	}
	return m
}

func imageLabel(rel, ref string) string {
	ref = strings.ReplaceAll(ref, `\`, "/")
	if path.IsAbs(ref) || filepath.IsAbs(ref) {
		return path.Clean(ref)
	}
	return path.Join(path.Dir(rel), ref)
}

// imageDigests hashes each image once, with n workers.
func imageDigests(ctx context.Context, images map[string]string, n int) ([]string, error) {
	labels := slices.Sorted(func(yield func(string) bool) {
		for l := range images {
			if !yield(l) {
				return
			}
		}
	})
	out := make([]string, len(labels))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, len(labels)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = "\x00image\x00" + labels[i] + "\x00" + fileDigest(images[labels[i]])
			}
		}()
	}
	for i := range labels {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out, ctx.Err()
}

// fileDigest is the hex SHA-256 of a regular file's bytes, or a word for
// why there are none: "missing", "not a regular file" (a FIFO would block
// the run), "unreadable". Each of these gives a verdict of its own, so
// each is a different line.
func fileDigest(name string) string {
	info, err := os.Stat(name)
	switch {
	case os.IsNotExist(err):
		return "missing"
	case err != nil:
		return "unreadable"
	case !info.Mode().IsRegular():
		return "not a regular file"
	}
	f, err := input.Open(name) // non-blocking: a FIFO swapped in after Stat cannot hang the run
	if err != nil {
		return "unreadable"
	}
	defer f.Close()
	h := sha256.New()
	// In reads of 256 KB: io.Copy's 32 KB reads cost a tenth of the
	// digest's CPU in system calls. The struct hides the file's WriteTo,
	// which would copy through a 32 KB buffer of its own.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{f}, make([]byte, 256<<10)); err != nil {
		return "unreadable"
	}
	return hex.EncodeToString(h.Sum(nil))
}

// inputsDigest is "sha256:" and the hash of the sorted lines, each ending
// in a newline, so it names the same inputs wherever the export folder
// sits on disk and whatever the order of the arguments.
func inputsDigest(lines []string) string {
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l+"\n")
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
