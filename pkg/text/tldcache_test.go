package text

import (
	"fmt"
	"testing"
)

// TestTLDCacheKeepsItsOwnKeys: a label looked up in the folded text is a
// view of the Scanner's buffer, which the next post overwrites. Kept as
// the cache's key, its bytes changed under the map: once the map grew,
// "例丁" (no domain) was found under the answer for "中国", and a URL was
// counted where there is none.
func TestTLDCacheKeepsItsOwnKeys(t *testing.T) {
	reset := func() {
		tldCache.Lock()
		tldCache.known = nil
		tldCache.Unlock()
	}
	reset()
	t.Cleanup(reset) // the labels below fill the cache, which other tests rely on
	buf := []byte("中国")
	if !isUnicodeTLD(bytesString(buf)) {
		t.Fatal("中国 is a top-level domain")
	}
	copy(buf, "例丁") // the next post, written over the same buffer
	for i := range 3000 {
		isUnicodeTLD(fmt.Sprintf("标签%d", i)) // the map grows and moves its keys
	}
	if isUnicodeTLD("例丁") {
		t.Error("例丁 taken for a top-level domain")
	}
	if !isUnicodeTLD("中国") {
		t.Error("中国 no longer a top-level domain")
	}
}
