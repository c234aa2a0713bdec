//go:build promopoison

package export

// Built with -tags promopoison, every released chunk is overwritten, so that
// the whole test suite (goldens included) proves that no text of a post is
// read after its batch was done with.
func init() { poisonRecycled.Store(true) }
