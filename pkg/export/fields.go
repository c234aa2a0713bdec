package export

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// field is a canonical post field.
type field int

const (
	fID field = iota
	fAuthor
	fContent
	fImages
	fCreatedAt
	fLikes
	fComments
	fReposts
	fViews
	fWallet
	numFields
)

var fieldNames = [numFields]string{"id", "author", "content", "images", "created_at", "likes", "comments", "reposts", "views", "wallet"}

// FieldNames returns the canonical field names, the keys of Options.Fields.
// The rule file's fields map takes its keys from here.
func FieldNames() []string {
	return slices.Clone(fieldNames[:])
}

// aliases lists the keys each field is found under, most specific first.
var aliases = [numFields][]string{
	fID:        {"id", "post_id"},
	fAuthor:    {"author", "uid", "user", "username"},
	fContent:   {"content", "text", "body"},
	fImages:    {"images", "image", "pics"},
	fCreatedAt: {"created_at", "time", "date", "timestamp"},
	fLikes:     {"likes"},
	fComments:  {"comments"},
	fReposts:   {"reposts", "shares", "retweets"},
	fViews:     {"views"},
	fWallet:    {"wallet", "address", "wallet_address", "钱包地址", "錢包地址"},
}

// slot says which field a key fills and how strongly: a lower prio wins when a record
// holds several aliases of one field.
type slot struct {
	f    field
	prio int
	key  string // the key as stored in the fieldMap
}

// fieldMap maps lower-case keys to slots.
type fieldMap map[string]slot

func newFieldMap(custom map[string]string) fieldMap {
	m := fieldMap{}
	mapped := map[string]bool{}
	for name := range custom {
		mapped[strings.ToLower(name)] = true
	}
	for f, keys := range aliases {
		if mapped[fieldNames[f]] {
			continue
		}
		for i, k := range keys {
			m[k] = slot{field(f), i + 1, k}
		}
	}
	for f, name := range fieldNames {
		for cname, key := range custom {
			if strings.EqualFold(cname, name) {
				k := normKey(key)
				m[k] = slot{field(f), 0, k}
			}
		}
	}
	return m
}

func (m fieldMap) lookup(key string) (slot, bool) {
	s, ok := m[normKey(key)]
	return s, ok
}

// invisible are characters a header cell carries unseen: a second BOM when a file saved
// with one is saved again, or zero-width spaces pasted along with a name.
var invisible = strings.NewReplacer("\ufeff", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "")

// normKey is a key or header cell as looked up: lower case, trimmed, and for
// non-ASCII text without invisible characters and with full-width letters narrowed
// ("ｉｄ" is "id"), as a Chinese input method types them.
func normKey(key string) string {
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			key = width.Fold.String(invisible.Replace(key))
			break
		}
	}
	return strings.ToLower(strings.TrimSpace(key))
}

// lookupJSON looks up a key given as a JSON string literal; the usual exact key costs
// no allocation.
func (m fieldMap) lookupJSON(rawKey []byte) (slot, string, bool) {
	if s, ok := m[string(rawKey[1:len(rawKey)-1])]; ok {
		return s, s.key, true
	}
	key := jsonString(rawKey)
	s, ok := m.lookup(key)
	return s, key, ok
}

// kind is the shape of a value found in a record.
type kind uint8

const (
	kNull kind = iota
	kText
	kNumber
	kList
	kObject
)

// val is a field value as found, before conversion; every format reduces to it.
type val struct {
	kind kind
	// clean says str is known to be valid UTF-8 without NUL, so that
	// cleanString need not look again.
	clean bool
	str   string
	list  []val
	obj   map[string]val // lower-case keys
}

// record collects the values of one record by field.
type record struct {
	vals [numFields]val
	prio [numFields]int
	keys [numFields]string
	set  [numFields]bool
	// other is set when the record has a key no field reads: with neither id nor
	// content found, its data is most likely under names the field map does not know.
	other bool
	// members counts the members of a JSON record met so far.
	members int
}

// put keeps, for each field, the value under the strongest key; between keys of equal
// strength ("ID" and "id") the byte-wise smaller wins, so map order never matters.
func (r *record) put(s slot, key string, v val) {
	if r.set[s.f] && (r.prio[s.f] < s.prio || (r.prio[s.f] == s.prio && r.keys[s.f] <= key)) {
		return
	}
	r.vals[s.f], r.prio[s.f], r.keys[s.f], r.set[s.f] = v, s.prio, key, true
}

// builder turns records of one file into posts.
type builder struct {
	file     string
	name     string // file name without extension: the id of a text post
	split    bool   // image cells hold several references
	fields   fieldMap
	opt      Options
	dir      string // absolute folder of the file
	rootAbs  string
	rootReal string
	realDirs map[string]string // folder → folder with symlinks resolved
	seen     columnLog         // columns met, for Report and messages
	unmapped string            // set when a header maps neither id nor content: every row's reason
	// keep holds the strings a post's entry keeps for the whole run (id,
	// author, wallet); body the others, dropped with the post. vals and
	// imgs are chunks the lists of records are carved from.
	keep, body slab
	vals       []val
	imgs       imageSlab
	memo       []keyMemo // the keys of the last JSON record
	// history, when set, brings the columns of the parts of the file read
	// by other readers (ReadParts) into seen, before a message names them.
	history func(seen *columnLog)
}

func newBuilder(f File, opt Options) *builder {
	if opt.Location == nil {
		opt.Location = timeUTC
	}
	b := &builder{
		file:     f.Rel,
		name:     strings.TrimSuffix(path.Base(f.Rel), path.Ext(f.Rel)),
		split:    f.Format == CSV || f.Format == TSV,
		fields:   newFieldMap(opt.Fields),
		opt:      opt,
		realDirs: map[string]string{},
		keep:     slab{size: keepSlab},
		body:     slab{size: bodySlab},
	}
	b.dir = absOr(filepath.Dir(f.Path))
	b.rootAbs = absOr(f.Root)
	b.rootReal = b.rootAbs
	if real, err := filepath.EvalSymlinks(b.rootAbs); err == nil {
		b.rootReal = real
	}
	return b
}

func absOr(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// unreadable is the post standing for a record that could not be read.
func (b *builder) unreadable(line int, why string) Post {
	p := Post{File: b.file, Line: line, Unreadable: why, NoID: true}
	p.ID = p.Source()
	return p
}

// post converts a record; every problem found is joined into Unreadable.
func (b *builder) post(r *record, line int) Post {
	defer b.doneWithLists()
	if r.other && !r.set[fID] && !r.set[fContent] {
		return b.unreadable(line, b.noIDOrContent("key"))
	}
	var probs []string
	p := Post{File: b.file, Line: line}
	// The entry keeps id, author and wallet for the whole run: copies in the
	// keep slab, so that they pin neither the texts nor the other's chunks.
	p.ID = b.keep.copy(strings.TrimSpace(b.text(r.vals[fID], fID, &probs)))
	p.Author = b.keep.copy(strings.TrimSpace(b.author(r.vals[fAuthor], &probs)))
	p.Content = b.text(r.vals[fContent], fContent, &probs)
	p.Images = b.images(r.vals[fImages], &probs)
	p.CreatedAt, p.HasTime = b.when(r.vals[fCreatedAt], &probs)
	p.Likes = count(r.vals[fLikes], fLikes, &probs)
	p.Comments = count(r.vals[fComments], fComments, &probs)
	p.Reposts = count(r.vals[fReposts], fReposts, &probs)
	p.Views = count(r.vals[fViews], fViews, &probs)
	p.Wallet = b.keep.copy(strings.TrimSpace(b.text(r.vals[fWallet], fWallet, &probs)))
	if p.ID == "" {
		p.ID, p.NoID = p.Source(), true
	}
	p.Unreadable = strings.Join(probs, "; ")
	return p
}

// doneWithLists lets the next record carve its lists from where this
// one's were: nothing of them outlives the post built from it.
func (b *builder) doneWithLists() { b.vals = b.vals[:0] }

func (b *builder) text(v val, f field, probs *[]string) string {
	switch v.kind {
	case kNull:
		return ""
	case kList, kObject:
		*probs = append(*probs, fieldNames[f]+" must be text, not a "+shape(v)+"; write it as a string")
		return ""
	}
	return v.text()
}

// text is the value's text, valid UTF-8 without NUL.
func (v val) text() string {
	if v.clean {
		return v.str
	}
	return cleanString(v.str)
}

// authorKeys are the keys of an author object that name the author, best first.
var authorKeys = []string{"name", "username", "screen_name", "nickname", "display_name", "id", "uid"}

func (b *builder) author(v val, probs *[]string) string {
	if v.kind != kObject {
		return b.text(v, fAuthor, probs)
	}
	for _, k := range authorKeys {
		if s, ok := v.obj[k]; ok && (s.kind == kText || s.kind == kNumber) && strings.TrimSpace(s.str) != "" {
			return s.text()
		}
	}
	*probs = append(*probs, "author is an object without a name or id; give the author as text or as {\"name\": ...}")
	return ""
}

func shape(v val) string {
	if v.kind == kList {
		return "list"
	}
	return "object"
}
