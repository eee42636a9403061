package perceptron

import (
	"testing"
	"unsafe"
)

// TestHugeCopy checks that a large table is copied whole (wherever its
// memory comes from) and a small one is left alone.
func TestHugeCopy(t *testing.T) {
	small := []entry{{1, 2}, {3, 4}}
	if got := hugeCopy(small); &got[0] != &small[0] {
		t.Error("a small slice was copied")
	}
	n := (8<<20)/int(unsafe.Sizeof(tableSlot{})) + 7
	big := make([]tableSlot, n)
	for i := range big {
		big[i] = tableSlot{fp: uint32(i), c0: uint16(i), w1: uint32(3 * i)}
	}
	got := hugeCopy(big)
	if len(got) != n {
		t.Fatalf("copy has %d slots, want %d", len(got), n)
	}
	for i := range big {
		if got[i] != big[i] {
			t.Fatalf("slot %d: %+v, want %+v", i, got[i], big[i])
		}
	}
	got[0].fp = 99 // writable
}
