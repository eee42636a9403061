package perceptron

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestFlatMatchesModel checks that Flat scores exactly like the model it
// was built from, for known, unknown and zero keys, before and after a
// write/read round trip.
func TestFlatMatchesModel(t *testing.T) {
	m := New(3)
	feats := [][]uint64{{1, 2, 3}, {0, 2, 5}, {7, 1 << 63, 3}, {9}}
	truth := []int{0, 1, 2, 1}
	for ep := 0; ep < 4; ep++ {
		for i, f := range feats {
			s := make([]float32, 3)
			m.Scores(f, s)
			m.Train(f, truth[i], Best(s, nil))
		}
	}
	if m.Flat() != nil {
		t.Fatal("Flat of an unfinished model should be nil")
	}
	m.Finish(0)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	queries := append(feats, []uint64{42, 43}, []uint64{}, []uint64{3, 3, 0})
	for _, mm := range []*Model{m, m2} {
		f := mm.Flat()
		for _, q := range queries {
			want, got := make([]float32, 3), make([]float32, 3)
			mm.Scores(q, want)
			f.Scores(q, got)
			for c := range want {
				if want[c] != got[c] {
					t.Errorf("features %v class %d: Flat %v, Model %v", q, c, got[c], want[c])
				}
			}
		}
	}
}

func TestMerge(t *testing.T) {
	a, b := New(2), New(2)
	a.Train([]uint64{1, 2}, 0, 1)
	b.Train([]uint64{2, 3}, 1, 0)
	a.Finish(0)
	b.Finish(0)
	f, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	q := []uint64{1, 2, 3, 4}
	got := make([]float32, 4)
	f.Scores(q, got)
	wa, wb := make([]float32, 2), make([]float32, 2)
	a.Scores(q, wa)
	b.Scores(q, wb)
	want := append(wa, wb...)
	for c := range want {
		if got[c] != want[c] {
			t.Errorf("class %d: merged %v, want %v", c, got[c], want[c])
		}
	}
	if _, err := Merge(a, New(3)); err == nil {
		t.Error("Merge of an unfinished model gave no error")
	}
}

func TestAverage(t *testing.T) {
	a, b := New(2), New(2)
	a.Train([]uint64{1, 2}, 0, 1)
	b.Train([]uint64{2, 3}, 1, 0)
	a.Finish(0)
	b.Finish(0)
	m, err := Average(a, b)
	if err != nil {
		t.Fatal(err)
	}
	q := []uint64{1, 2, 3}
	got, wa, wb := make([]float32, 2), make([]float32, 2), make([]float32, 2)
	m.Scores(q, got)
	a.Scores(q, wa)
	b.Scores(q, wb)
	for c := range got {
		if want := (wa[c] + wb[c]) / 2; got[c] != want {
			t.Errorf("class %d: average %v, want %v", c, got[c], want)
		}
	}
	if _, err := Average(a, New(2)); err == nil {
		t.Error("Average of an unfinished model gave no error")
	}
}

// TestFlatMatchesModelManyFeatures compares Flat with Model on long
// feature lists (several of Add's chunks) mixing known, unknown and zero
// keys, on a model large enough for probe chains.
func TestFlatMatchesModelManyFeatures(t *testing.T) {
	const nc = 7
	m := New(nc)
	r := rand.New(rand.NewPCG(1, 2))
	key := func() uint64 { return r.Uint64() % 20000 } // key 0 now and then
	for n := 0; n < 3000; n++ {
		f := make([]uint64, 12)
		for i := range f {
			f[i] = key()
		}
		s := make([]float32, nc)
		m.Scores(f, s)
		m.Train(f, r.IntN(nc), Best(s, nil))
	}
	m.Finish(0)
	fl := m.Flat()
	for q := 0; q < 50; q++ {
		f := make([]uint64, 1+r.IntN(400))
		for i := range f {
			f[i] = key()
			if i%5 == 0 {
				f[i] = r.Uint64() // almost surely unknown
			}
		}
		want, got := make([]float32, nc), make([]float32, nc)
		m.Scores(f, want)
		fl.Scores(f, got)
		for c := range want {
			if want[c] != got[c] {
				t.Fatalf("query %d (%d features) class %d: Flat %v, Model %v", q, len(f), c, got[c], want[c])
			}
		}
	}
}
