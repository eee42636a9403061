//go:build !amd64

package perceptron

import "unsafe"

// addRow adds src[0:n] to dst[0:n] (the portable form of dense_amd64.s).
func addRow(dst, src *float32, n int) {
	d := unsafe.Slice(dst, n)
	for i, v := range unsafe.Slice(src, n) {
		d[i] += v
	}
}
