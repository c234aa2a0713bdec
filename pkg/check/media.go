package check

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/promo-cli/promo/pkg/integrity"
	"github.com/promo-cli/promo/pkg/internal/words"
)

// mediaCheck reports no-image and image-unreadable. With verify on, each
// local image is opened once per run (the cache is shared by the workers)
// and decoded in full within the limits of integrity.ReadImage: a file
// that claims 60000×60000 pixels is refused from its header, and the
// decodes of all workers share one memory budget.
type mediaCheck struct {
	minImages           int
	verify              bool
	minWidth, minHeight int
	hash                bool // compute perceptual hashes for reused-image
	cache               *imageCache
}

type imageInfo struct {
	ref     string
	problem string
	sig     *integrity.ImageSig
}

func (c *mediaCheck) Run(s *Subject, out []Reason) []Reason {
	p := s.Post
	n := len(p.Images)
	if n < c.minImages {
		out = append(out, Reason{Code: NoImage, Measured: strconv.Itoa(n), Limit: strconv.Itoa(c.minImages),
			Message: fmt.Sprintf("%d %s attached, at least %d needed", n, words.Plural(n, "image", "images"), c.minImages)})
	} else if c.minImages > 0 && s.Verbose { // the message costs allocations on every post
		out = passIf(s, out, NoImage, fmt.Sprintf("%d %s attached", n, words.Plural(n, "image", "images")), strconv.Itoa(n), strconv.Itoa(c.minImages))
	}
	if !c.verify {
		return out
	}
	if s.images == nil {
		s.images = make([]imageInfo, 0, n) // one allocation, not one per doubling
	}
	for _, im := range p.Images {
		info := c.inspect(s.context(), im.Ref, im.URL, im.Path, im.Problem)
		s.images = append(s.images, info)
		switch {
		case info.problem != "":
			out = append(out, Reason{Code: ImageUnreadable, Measured: im.Ref, Message: "image " + im.Ref + ": " + info.problem})
		case !s.Verbose: // passes are recorded for explain only; their messages cost allocations
		case im.URL:
			out = passIf(s, out, ImageUnreadable, "image "+im.Ref+" is a URL: counted, not verified offline", im.Ref, "")
		default:
			out = passIf(s, out, ImageUnreadable, "image "+im.Ref+" opens", im.Ref, c.sizeLimit())
		}
	}
	return out
}

func (c *mediaCheck) inspect(ctx context.Context, ref string, isURL bool, path, problem string) imageInfo {
	if problem != "" || isURL {
		return imageInfo{ref: ref, problem: problem}
	}
	r := c.cache.get(path, func() imageResult { return c.open(ctx, path) })
	return imageInfo{ref: ref, problem: r.problem, sig: r.sig}
}

type imageResult struct {
	problem string
	sig     *integrity.ImageSig
}

// open reads the image once: its header bounds the decode, the decode
// proves the file whole, and the bytes and pixels give the signature.
// A file that cannot be decoded keeps the SHA-256 of its bytes when it
// could be read, so an exact copy of it is still reused-image.
func (c *mediaCheck) open(ctx context.Context, path string) imageResult {
	f, err := integrity.ReadImage(ctx, path, c.cache.budget)
	var r imageResult
	if f.Hashed && c.hash {
		sig := f.Sig
		r.sig = &sig
	}
	var ie *integrity.ImageError
	switch {
	case errors.As(err, &ie):
		r.problem = ie.Problem
	case err != nil:
		r.problem = "not checked: " + err.Error() // the run was cancelled
	case f.Width < c.minWidth || f.Height < c.minHeight:
		r.problem = fmt.Sprintf("%d×%d pixels, at least %d×%d needed", f.Width, f.Height, c.minWidth, c.minHeight)
	}
	return r
}

// imageCache remembers each file's result for the run, so an image shared
// by many posts is opened once even when workers ask for it at once.
type imageCache struct {
	mu     sync.Mutex
	m      map[string]*cachedImage
	budget *integrity.Budget // memory shared by the workers' decodes
}

type cachedImage struct {
	once sync.Once
	r    imageResult
}

func newImageCache() *imageCache {
	return &imageCache{m: map[string]*cachedImage{}, budget: integrity.NewBudget(integrity.SharedDecodeBytes)}
}

// SetContext makes the worker's image decoding stop, and its wait for the
// shared decoding budget end, once ctx is cancelled.
func (ws *Workspace) SetContext(ctx context.Context) { ws.ctx = ctx }

func (c *imageCache) get(path string, load func() imageResult) imageResult {
	c.mu.Lock()
	e, ok := c.m[path]
	if !ok {
		e = &cachedImage{}
		c.m[path] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.r = load() })
	return e.r
}

// sizeLimit is the smallest image accepted, "" when any size is.
func (c *mediaCheck) sizeLimit() string {
	if c.minWidth <= 0 && c.minHeight <= 0 {
		return ""
	}
	return fmt.Sprintf("%d×%d", c.minWidth, c.minHeight)
}

func (s *Subject) context() context.Context {
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// ReleaseImages lets go of the images' prints (tens of kilobytes each)
// once the cross-entry comparison is done; the problems and byte hashes
// stay for explain.
func (c *Checker) ReleaseImages() {
	for _, ch := range c.checks {
		if m, ok := ch.(*mediaCheck); ok {
			m.cache.release()
		}
	}
}

func (c *imageCache) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.m {
		e.once.Do(func() {}) // a load still running finishes first
		if e.r.sig != nil {
			sig := *e.r.sig
			sig.Print = nil
			e.r.sig = &sig
		}
	}
}
