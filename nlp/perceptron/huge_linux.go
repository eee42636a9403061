//go:build linux

package perceptron

import (
	"syscall"
	"unsafe"
)

// hugeCopy returns a copy of xs in memory that the kernel is asked
// (madvise MADV_HUGEPAGE) to back with 2 MiB pages, or xs itself when xs
// is small or the mapping fails. The scoring tables are read at random
// places, tens of megabytes of them per sentence; with 4 KiB pages most
// lookups also miss the TLB. T must hold no pointers (the memory is not
// seen by the garbage collector), and the copy is never freed: use it for
// models kept for the life of the process.
func hugeCopy[T any](xs []T) []T {
	var zero T
	size := int(unsafe.Sizeof(zero)) * len(xs)
	if size < hugeMin {
		return xs
	}
	const huge = 2 << 20
	n := (size+huge-1)/huge*huge + huge // room to align the start
	mem, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return xs
	}
	off := (huge - int(uintptr(unsafe.Pointer(&mem[0]))%huge)) % huge
	region := mem[off : off+n-huge]
	_ = syscall.Madvise(region, madvHugepage) // a hint: without it, ordinary pages
	out := unsafe.Slice((*T)(unsafe.Pointer(&region[0])), len(xs))
	copy(out, xs)
	return out
}

// madvHugepage is MADV_HUGEPAGE (linux/mman.h).
const madvHugepage = 14

// hugeMin is the smallest table worth its own mapping.
const hugeMin = 4 << 20
