package score

import (
	"testing"
	"unsafe"
)

// TestTimeKeySize: the index rides in the padding of the time key, so the
// sorts' keys of a million entries stay 24 bytes each.
func TestTimeKeySize(t *testing.T) {
	if got := unsafe.Sizeof(timeKey{}); got != 24 {
		t.Errorf("timeKey is %d bytes, want 24", got)
	}
}
