package check

import (
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // registers GIF for DecodeConfig
	_ "image/jpeg" // registers JPEG
	_ "image/png"  // registers PNG
	"io/fs"
	"os"
	"strconv"
	"sync"

	"github.com/promo-cli/promo/pkg/integrity"
	_ "golang.org/x/image/webp" // registers WebP
)

// mediaCheck reports no-image and image-unreadable. With verify on, each
// local image is opened once per run (the cache is shared by the workers)
// and only its header is decoded here, so a file that claims 60000×60000
// pixels costs nothing.
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
			Message: fmt.Sprintf("%d %s attached, at least %d needed", n, plural(n, "image", "images"), c.minImages)})
	} else if c.minImages > 0 {
		out = passIf(s, out, NoImage, fmt.Sprintf("%d %s attached", n, plural(n, "image", "images")), strconv.Itoa(n), strconv.Itoa(c.minImages))
	}
	if !c.verify {
		return out
	}
	for _, im := range p.Images {
		info := c.inspect(im.Ref, im.URL, im.Path, im.Problem)
		s.images = append(s.images, info)
		switch {
		case info.problem != "":
			out = append(out, Reason{Code: ImageUnreadable, Measured: im.Ref, Message: "image " + im.Ref + ": " + info.problem})
		case im.URL:
			out = passIf(s, out, ImageUnreadable, "image "+im.Ref+" is a URL: counted, not verified offline", im.Ref, "")
		default:
			out = passIf(s, out, ImageUnreadable, "image "+im.Ref+" opens", im.Ref, c.sizeLimit())
		}
	}
	return out
}

func (c *mediaCheck) inspect(ref string, isURL bool, path, problem string) imageInfo {
	if problem != "" || isURL {
		return imageInfo{ref: ref, problem: problem}
	}
	r := c.cache.get(path, func() imageResult { return c.open(path) })
	return imageInfo{ref: ref, problem: r.problem, sig: r.sig}
}

type imageResult struct {
	problem string
	sig     *integrity.ImageSig
}

func (c *mediaCheck) open(path string) imageResult {
	cfg, err := decodeConfig(path)
	if err != nil {
		return imageResult{problem: err.Error()}
	}
	if cfg.Width < c.minWidth || cfg.Height < c.minHeight {
		return imageResult{problem: fmt.Sprintf("%d×%d pixels, at least %d×%d needed", cfg.Width, cfg.Height, c.minWidth, c.minHeight)}
	}
	if !c.hash {
		return imageResult{}
	}
	sig, err := integrity.HashImage(path)
	if err != nil {
		// Too large to hash is not unreadable: the image is fine for the
		// rules, it just cannot take part in reuse detection.
		return imageResult{}
	}
	return imageResult{sig: &sig}
}

func decodeConfig(path string) (image.Config, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return image.Config{}, errors.New("file not found")
	}
	if err != nil {
		return image.Config{}, fmt.Errorf("cannot open: %v", err)
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return image.Config{}, errors.New("not a PNG, JPEG, GIF or WebP image")
	}
	return cfg, nil
}

// imageCache remembers each file's result for the run, so an image shared
// by many posts is opened once even when workers ask for it at once.
type imageCache struct {
	mu sync.Mutex
	m  map[string]*cachedImage
}

type cachedImage struct {
	once sync.Once
	r    imageResult
}

func newImageCache() *imageCache { return &imageCache{m: map[string]*cachedImage{}} }

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
