package perceptron

// addRow adds src[0:n] to dst[0:n], n a multiple of 4 (SSE, dense_amd64.s).
//
//go:noescape
func addRow(dst, src *float32, n int)
