package parser

import (
	"bytes"
	"fmt"
	"slices"
	"sync"
	"testing"

	"dateline/nlp/conllu"
)

// A beam of width 1 takes the best allowed move at every step, as greedy
// parsing does, so the two must give the same trees.
func TestBeamOfOneIsGreedy(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sents := devOrTiny(t, 300)
	b1 := p.WithBeam(1)
	for _, s := range sents {
		w, u, x := columns(s)
		gh, gl := p.Parse(w, u, x)
		bm := newBeam(1, p.nClasses())
		bm.tok.set(w, u, x)
		bh, bl := p.tree(p.parseBeam(bm, len(w)))
		if !slices.Equal(gh, bh) || !slices.Equal(gl, bl) {
			t.Fatalf("%s: greedy %v %v, beam of one %v %v", s.ID, gh, gl, bh, bl)
		}
		if h, _ := b1.Parse(w, u, x); !slices.Equal(h, gh) {
			t.Fatalf("%s: WithBeam(1) differs from greedy", s.ID)
		}
	}
}

// devOrTiny returns up to max sentences of EWT dev, or the tiny treebank
// when the shared data is absent.
func devOrTiny(t *testing.T, max int) []conllu.Sentence {
	sents, err := conllu.ReadFile(devPath)
	if err != nil {
		return tinyTreebank(t)
	}
	return sents[:min(max, len(sents))]
}

func TestOracleSequenceBuildsGoldTrees(t *testing.T) {
	p := trainTiny(t, 1)
	for _, s := range tinyTreebank(t) {
		n := len(s.Words)
		g := &gold{head: make([]int, n), label: make([]int, n)}
		for i, w := range s.Words {
			g.head[i], g.label[i] = w.Head-1, p.labelID(w.Deprel)
			if w.Head == 0 {
				g.head[i] = n
			}
		}
		seq := p.oracleSequence(n, g)
		if len(seq) != 2*n {
			t.Fatalf("%s: %d moves for %d words, want %d", s.ID, len(seq), n, 2*n)
		}
		st := &state{}
		st.reset(n)
		for _, c := range seq {
			st.apply(p.decode(int(c)))
		}
		for i := 0; i < n; i++ {
			if st.head[i] != g.head[i] || st.label[i] != g.label[i] {
				t.Errorf("%s word %d: head %d label %d, gold %d %d", s.ID, i, st.head[i], st.label[i], g.head[i], g.label[i])
			}
		}
	}
}

func TestBeamTrainingParsesTinyTreebank(t *testing.T) {
	p, err := Train(tinyTreebank(t), TrainOptions{Epochs: 15, Seed: 1, Beam: 4})
	if err != nil {
		t.Fatal(err)
	}
	if p.Beam() != 4 {
		t.Fatalf("beam %d, want 4", p.Beam())
	}
	for _, s := range tinyTreebank(t) {
		heads, labels := p.Parse(columns(s))
		for i, w := range s.Words {
			if heads[i] != w.Head-1 || labels[i] != w.Deprel {
				t.Errorf("%s word %d %q: got head %d %s, want %d %s", s.ID, i+1, w.Form, heads[i]+1, labels[i], w.Head, w.Deprel)
			}
		}
	}
	// The width survives writing and reading the model.
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if q.Beam() != 4 || q.Digest() != p.Digest() {
		t.Fatalf("read back beam %d digest %s, want 4 %s", q.Beam(), q.Digest(), p.Digest())
	}
}

// Beam parsing recycles its scratch space through a pool; parses running
// at the same time must not disturb one another, and a margin wide enough
// to drop nothing must not change the trees.
func TestConcurrentBeamParse(t *testing.T) {
	p, err := Train(tinyTreebank(t), TrainOptions{Epochs: 10, Seed: 3, Beam: 3})
	if err != nil {
		t.Fatal(err)
	}
	sents := tinyTreebank(t)
	want := make([]string, len(sents))
	for i, s := range sents {
		h, l := p.Parse(columns(s))
		want[i] = fmt.Sprint(h, l)
	}
	wide := p.WithMargin(1e9)
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := p
			if g%2 == 1 {
				q = wide
			}
			for r := 0; r < 40; r++ {
				i := (g + r) % len(sents)
				h, l := q.Parse(columns(sents[i]))
				if got := fmt.Sprint(h, l); got != want[i] {
					t.Errorf("concurrent beam parse of %s differs: %s vs %s", sents[i].ID, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
