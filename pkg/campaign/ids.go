package campaign

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/promo-cli/promo/pkg/check"
	"github.com/promo-cli/promo/pkg/export"
	"github.com/promo-cli/promo/pkg/internal/words"
)

// recordKey identifies what a post says: its author, text, time and
// images. Two records with one id and one key are the same post found in
// two overlapping exports; engagement counts are left out, since an export
// taken a day later has more likes on the very same post.
type recordKey struct {
	// sum is a 64-bit hash, compared only between records that share an
	// id within one process; its seed is drawn when the process starts,
	// so no export can be made to collide.
	sum [8]byte
	// named marks an id derived from a text file's name ("post" for
	// alice/post.md): posts in different folders share it without being
	// the same post, so it never makes a duplicate-id.
	named bool
}

// keySeed is the seed of every record key of the process: keys are
// compared only within one run, never kept or shown.
var keySeed = maphash.MakeSeed()

// keyOf hashes what the post says with maphash rather than SHA-256: the
// key is never shown or kept, and hashing every post's text a second way
// cost as much as the file digest.
func keyOf(p *export.Post) recordKey {
	// Each part is written as "length:bytes", so no two lists of parts
	// hash as one text.
	var h maphash.Hash
	h.SetSeed(keySeed)
	var n [8]byte
	part := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.WriteString(s)
	}
	part(p.Author)
	part(p.Content)
	var buf [64]byte
	var at []byte
	if p.HasTime {
		at = p.CreatedAt.UTC().AppendFormat(buf[:0], time.RFC3339Nano)
	}
	binary.LittleEndian.PutUint64(n[:], uint64(len(at)))
	h.Write(n[:])
	h.Write(at)
	for _, im := range p.Images {
		part(im.Ref)
	}
	var k recordKey
	binary.LittleEndian.PutUint64(k.sum[:], h.Sum64())
	if f, _ := export.FormatOf(p.File); f == export.Text {
		k.named = p.ID == strings.TrimSuffix(path.Base(p.File), path.Ext(p.File))
	}
	return k
}

// mergeSameIDs keeps one entry per post: a later record with the id and
// the key of an earlier one (in source order) is the same post read again,
// so it is dropped and its source is listed on the first. Records that
// share an id but say different things all get duplicate-id, since no one
// can tell which of them the id stands for.
func (res *Result) mergeSameIDs() {
	groups := res.idGroups()
	drop := make([]bool, len(res.Entries))
	for _, g := range groups {
		kept := res.mergeGroup(g, drop)
		if len(kept) > 1 && !res.allNamed(kept) {
			res.markDuplicateIDs(kept)
		}
	}
	res.dropEntries(drop)
}

// idGroups lists the groups of readable entries that share an id, each in
// source order. A map of every id to its entries took more memory than the
// entries themselves; sameKey tells the ids apart by hash on every core.
func (res *Result) idGroups() [][]int {
	readable := func(i int) bool {
		return i < len(res.keys) && !res.Entries[i].Has(check.Unreadable)
	}
	return sameKey(len(res.Entries), readable, func(i int) string { return res.Entries[i].ID }, 2, res.workers)
}

// mergeGroup drops the repeats within one id's group and returns the
// entries that remain. A large group (an export whose id column is
// constant) looks its repeats up by key, so its cost stays linear.
func (res *Result) mergeGroup(g []int, drop []bool) []int {
	var kept []int
	var bySum map[[8]byte][]int // kept entries by key, for large groups
	if len(g) > 32 {
		bySum = map[[8]byte][]int{}
	}
	for _, i := range g {
		sum := res.keys[i].sum
		same := kept
		if bySum != nil {
			same = bySum[sum]
		}
		first := slices.IndexFunc(same, func(k int) bool { return res.keys[k].sum == sum && !res.samePlace(k, i) })
		if first >= 0 {
			res.addAlso(same[first], res.Entries[i].Source())
			drop[i] = true
			continue
		}
		kept = append(kept, i)
		if bySum != nil {
			bySum[sum] = append(bySum[sum], i)
		}
	}
	return kept
}

// samePlace reports whether entries i and k were read at one place. Two
// records at one place are two records, whatever they say: merging them
// would make one vanish. The readers give every record a place of its own
// (FILE:LINE:COL when several start on a line), so this guards that promise.
func (res *Result) samePlace(i, k int) bool {
	a, b := &res.Entries[i], &res.Entries[k]
	return a.File == b.File && a.Line == b.Line && a.Col == b.Col
}

func (res *Result) allNamed(g []int) bool {
	return !slices.ContainsFunc(g, func(i int) bool { return !res.keys[i].named })
}

func (res *Result) addAlso(i int, source string) {
	if res.Also == nil {
		res.Also = map[int][]string{}
	}
	res.Also[i] = append(res.Also[i], source)
}

func (res *Result) markDuplicateIDs(g []int) {
	// Naming every other entry in every message made the report grow
	// with the square of the group: 20,000 posts with one id (an export
	// whose id column is constant) ran out of memory.
	head := g[:min(len(g), words.Shown+1)]
	for _, i := range g {
		others := make([]string, 0, words.Shown)
		for _, k := range head {
			if k != i && len(others) < words.Shown {
				others = append(others, res.Entries[k].Source())
			}
		}
		e := &res.Entries[i]
		e.Reasons = append(e.Reasons, check.Reason{
			Code: check.DuplicateID, Measured: strconv.Itoa(len(g)),
			Message: fmt.Sprintf("id %s is also used by a different post at %s", e.ID, words.SomeOf(others, len(g)-1)),
		})
	}
}

// dropEntries removes the dropped entries and moves Also to the new
// indexes.
func (res *Result) dropEntries(drop []bool) {
	if !slices.Contains(drop, true) {
		res.keys = nil
		return
	}
	also := map[int][]string{}
	out := res.Entries[:0]
	for i := range res.Entries {
		if drop[i] {
			continue
		}
		if a, ok := res.Also[i]; ok {
			also[len(out)] = a
		}
		out = append(out, res.Entries[i])
	}
	clear(res.Entries[len(out):])
	res.sigs.keep(drop)
	res.Entries = out
	res.Also = also
	res.keys = nil
}

// AlsoIn lists the other places entry i was read from: the same post in
// overlapping exports, merged into this entry.
func (res *Result) AlsoIn(i int) []string { return res.Also[i] }

// Find resolves what an operator names an entry by: a source
// ("export/posts.jsonl:12", also one merged into another entry) or an id.
// It returns every entry that matches; more than one means the id is
// shared by different posts.
func (res *Result) Find(ref string) []int {
	for i := range res.Entries {
		if res.Entries[i].Source() == ref || slices.Contains(res.Also[i], ref) {
			return []int{i}
		}
	}
	var out []int
	for i := range res.Entries {
		if res.Entries[i].ID == ref {
			out = append(out, i)
		}
	}
	return out
}
