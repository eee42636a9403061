package perceptron

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// trainSparse fits a Sparse model to a synthetic problem: the class is
// decided by which of a few "signal" features is present.
func trainSparse(seed uint64) *Sparse {
	rng := rand.New(rand.NewPCG(seed, 1))
	s := NewSparse(5)
	scores := make([]float32, 5)
	for it := 0; it < 3000; it++ {
		truth := rng.IntN(5)
		feats := []uint64{uint64(100 + truth), uint64(1000 + rng.IntN(50)), 0}
		s.Scores(feats, scores)
		guess := Best(scores, nil)
		s.Tick()
		if guess != truth {
			s.Update(feats, truth, 1)
			s.Update(feats, guess, -1)
		}
	}
	return s
}

func TestSparseLearnsAndMatchesTable(t *testing.T) {
	s := trainSparse(1)
	if s.Weights() == 0 {
		t.Fatal("no weights learned")
	}
	m := s.Finish(0)
	tab := m.Table()
	want, got := make([]float32, 5), make([]float32, 5)
	for c := 0; c < 5; c++ {
		feats := []uint64{uint64(100 + c), 1007, 0, 424242}
		m.Scores(feats, want)
		tab.Scores(feats, got)
		for i := range want {
			if want[i] != got[i] {
				t.Fatalf("class %d: table scores %v, model %v", c, got, want)
			}
		}
		if Best(got, nil) != c {
			t.Errorf("signal feature %d: best class %d, want %d", 100+c, Best(got, nil), c)
		}
	}
}

func TestSparseDeterministicAndPrune(t *testing.T) {
	a, b := trainSparse(2).Finish(0), trainSparse(2).Finish(0)
	if a.Digest() != b.Digest() {
		t.Errorf("same training, digests %s and %s", a.Digest(), b.Digest())
	}
	var buf bytes.Buffer
	if _, err := a.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Read(&buf)
	if err != nil || r.Digest() != a.Digest() {
		t.Fatalf("read back: %v, digest %s vs %s", err, r.Digest(), a.Digest())
	}
	p := a.Prune(1e9)
	if p.Features() != 0 || a.Features() == 0 {
		t.Errorf("prune everything left %d features (from %d)", p.Features(), a.Features())
	}
	if p := a.Prune(0); p.Digest() != a.Digest() {
		t.Error("prune(0) changed the model")
	}
}

// TestTableMatchesModel compares Table and Model scores on a random model
// big enough to need many probe chains, with features of one, two and
// many classes, the key 0, and keys absent from the model.
func TestTableMatchesModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const nc = 40
	weights := map[uint64][]entry{}
	var keys []uint64
	for i := 0; i < 20000; i++ {
		k := rng.Uint64()
		if i == 0 {
			k = 0
		}
		n := 1 + rng.IntN(3)
		if rng.IntN(10) == 0 {
			n = 3 + rng.IntN(nc-3)
		}
		var es []entry
		for _, c := range rng.Perm(nc)[:n] {
			es = append(es, entry{uint16(c), rng.Float32()*2 - 1})
		}
		weights[k] = es
		keys = append(keys, k)
	}
	m := &Model{NClasses: nc, weights: compactOf(weights)}
	tab := m.Table()
	want, got := make([]float32, nc), make([]float32, nc)
	for round := 0; round < 300; round++ {
		// Up to 300 features (more than one Scores chunk), a third absent.
		feats := make([]uint64, rng.IntN(300))
		for i := range feats {
			if rng.IntN(3) == 0 {
				feats[i] = rng.Uint64()
			} else {
				feats[i] = keys[rng.IntN(len(keys))]
			}
		}
		m.Scores(feats, want)
		for i := range got {
			got[i] = 99 // Scores must clear
		}
		tab.Scores(feats, got)
		for i := range want {
			if d := want[i] - got[i]; d > 1e-4 || d < -1e-4 {
				t.Fatalf("round %d class %d: table %v, model %v", round, i, got[i], want[i])
			}
		}
	}
}

// TestReadRejectsUnorderedKeys checks that a model file whose feature keys
// repeat (a delta of zero after the first) is refused: the compact form
// looks keys up by binary search and needs them strictly ascending.
func TestReadRejectsUnorderedKeys(t *testing.T) {
	var raw bytes.Buffer
	zw := gzip.NewWriter(&raw)
	var buf [10]byte
	put := func(v uint64) { n := binary.PutUvarint(buf[:], v); zw.Write(buf[:n]) }
	zw.Write([]byte(magic))
	put(2) // classes
	put(2) // features
	for i := range 2 {
		put(uint64(5 * (1 - i))) // key delta: 5, then 0 (the same key again)
		put(1)                   // one entry
		put(0)                   // class 0
		zw.Write([]byte{0, 0, 0x80, 0x3f})
	}
	zw.Close()
	if _, err := Read(bytes.NewReader(raw.Bytes())); err == nil {
		t.Fatal("Read accepted a model whose keys are not ascending")
	}
}
