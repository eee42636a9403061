package perceptron

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"math/rand/v2"
	"testing"
)

// randomModel makes a trained model over nClasses classes whose features
// have every list length from 1 to nClasses, with weights of mixed sign
// and magnitude so that float rounding depends on the order of additions.
func randomModel(rng *rand.Rand, nClasses, nFeats int) *Model {
	weights := map[uint64][]entry{}
	for i := 0; i < nFeats; i++ {
		n := 1 + i%nClasses
		classes := rng.Perm(nClasses)[:n]
		var es []entry
		for c := 0; c < nClasses; c++ {
			for _, k := range classes {
				if k == c {
					es = append(es, entry{uint16(c), float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(5)-2)))})
				}
			}
		}
		weights[rng.Uint64()|1] = es
	}
	return &Model{NClasses: nClasses, weights: compactOf(weights)}
}

// TestDenseRowsBitIdentical checks that the dense rows of Table and Flat
// give bit for bit the scores of the same tables built with lists only,
// for class counts that are and are not multiples of four, with and
// without the room for 256 classes that spares bounds checks.
func TestDenseRowsBitIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, nc := range []int{34, 37, 104} {
		m := randomModel(rng, nc, 3000)
		keys := m.weights.keys
		saved := denseDiv
		denseDiv = 0
		listTable, listFlat := m.Table(), m.Flat()
		denseDiv = saved
		table, flat := m.Table(), m.Flat()
		if len(table.rows) == 0 || len(flat.rows) == 0 || len(listTable.rows) != 0 {
			t.Fatalf("%d classes: %d and %d dense floats, %d without rows", nc, len(table.rows), len(flat.rows), len(listTable.rows))
		}
		// got has room for 256 classes, so the tables add into it
		// without bounds checks; want has not.
		want, got := make([]float32, nc), make([]float32, nc, 256)
		for q := 0; q < 300; q++ {
			feats := make([]uint64, 1+rng.IntN(200))
			for i := range feats {
				switch rng.IntN(10) {
				case 0:
					feats[i] = rng.Uint64() // absent
				case 1:
					feats[i] = 0
				default:
					feats[i] = keys[rng.IntN(len(keys))]
				}
			}
			listTable.Scores(feats, want)
			table.Scores(feats, got)
			sameBits(t, "Table", nc, want, got)
			for c := range want {
				want[c] = float32(rng.NormFloat64())
				got[c] = want[c]
			}
			listFlat.Add(feats, want)
			flat.Add(feats, got)
			sameBits(t, "Flat", nc, want, got)
		}
	}
}

func sameBits(t *testing.T, what string, nc int, want, got []float32) {
	t.Helper()
	for c := range want {
		if math.Float32bits(want[c]) != math.Float32bits(got[c]) {
			t.Fatalf("%s, %d classes, class %d: %v with dense rows, %v with lists", what, nc, c, got[c], want[c])
		}
	}
}

// TestAddRow checks the vector addition against plain float32 additions
// for every length up to 40 and at every offset.
func TestAddRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for n := 0; n <= 40; n++ {
		for off := 0; off < 4; off++ {
			dst, src := make([]float32, off+n+4), make([]float32, off+n+4)
			for i := range dst {
				dst[i], src[i] = float32(rng.NormFloat64()*1e3), float32(rng.NormFloat64()*1e-3)
			}
			want := append([]float32(nil), dst...)
			for i := off; i < off+n; i++ {
				want[i] += src[i]
			}
			if n > 0 {
				addRow(&dst[off], &src[off], n)
			}
			for i := range want {
				if math.Float32bits(want[i]) != math.Float32bits(dst[i]) {
					t.Fatalf("n %d offset %d: float %d is %v, want %v", n, off, i, dst[i], want[i])
				}
			}
		}
	}
}

// TestReadLargeAndTruncated round-trips a model many times larger than
// the reader's buffer (refills in the middle of varints and floats) and
// checks that every truncation of the file is an error.
func TestReadLargeAndTruncated(t *testing.T) {
	m := randomModel(rand.New(rand.NewPCG(5, 5)), 37, 20000)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got.Digest() != m.Digest() || got.Features() != m.Features() {
		t.Fatalf("read back %d features, digest %s; wrote %d, %s", got.Features(), got.Digest(), m.Features(), m.Digest())
	}
	// Truncate the decompressed stream at several points.
	zr, err := gzip.NewReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{3, len(magic) + 1, 1000, 70000, len(raw) / 2, len(raw) - 1} {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(raw[:cut])
		zw.Close()
		if _, err := Read(&z); err == nil {
			t.Errorf("model cut at %d of %d bytes read without error", cut, len(raw))
		}
	}
}
