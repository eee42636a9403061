package ner

import (
	"slices"
	"testing"
)

// tokFeats returns the static features of token i of a prepared document.
func tokFeats(d *docFeats, i int) []uint64 { return d.feats[d.featOff[i]:d.featOff[i+1]] }

func TestNeighbourFlagAggregation(t *testing.T) {
	lx := newLexicon()
	// "Quorvel SpA" names a company; the bare "Quorvel" later learns
	// that another mention is followed by an organisation word.
	d := lx.prepare([][]string{
		{"Quorvel", "SpA", "said", "profits", "rose", "."},
		{"Shares", "in", "Quorvel", "fell", "."},
	}, nil)
	org := f2(tAggFlag, 1, uint64(bitIndex(flagOrgWord)))
	if !slices.Contains(tokFeats(d, 8), org) {
		t.Error("bare mention lacks the organisation-word neighbour feature of its other mention")
	}
	// the mention next to "SpA" does not count itself
	if slices.Contains(tokFeats(d, 0), org) {
		t.Error("a mention got the neighbour feature from its own neighbour")
	}
	// the organisation word may sit further along the mention's run
	d = lx.prepare([][]string{
		{"Quorvel", "Brannock", "SpA", "said", "."},
		{"Quorvel", "fell", "."},
	}, nil)
	if !slices.Contains(tokFeats(d, 5), org) {
		t.Error("bare mention lacks the organisation word that ends its other mention's run")
	}
	// a title before another mention marks a person
	d = lx.prepare([][]string{
		{"Mr", "Talvane", "arrived", "."},
		{"Talvane", "spoke", "."},
	}, nil)
	per := f2(tAggFlag, 0, uint64(bitIndex(flagTitle)))
	if !slices.Contains(tokFeats(d, 4), per) {
		t.Error("bare mention lacks the title neighbour feature of its other mention")
	}
}

func TestCapitalRunFeatures(t *testing.T) {
	lx := newLexicon()
	d := lx.prepare([][]string{{"shares", "in", "Brannock", "Wire", "rose", "."}}, nil)
	// both words of the run see the word before and after the whole run
	for i, pos := range map[int]uint64{2: 1, 3: 2} {
		f := tokFeats(d, i)
		if !slices.Contains(f, f2(tRunBefore, hstr("in"), pos)) || !slices.Contains(f, f2(tRunAfter, hstr("rose"), pos)) {
			t.Errorf("token %d lacks the words around its capitalised run", i)
		}
		if !slices.Contains(f, f2(tRunPos, pos, 2)) {
			t.Errorf("token %d lacks its position in a run of two", i)
		}
	}
	if slices.Contains(tokFeats(d, 1), f2(tRunBefore, hstr("shares"), 3)) {
		t.Error("a lower-case word got run features")
	}
}

func TestWordDropoutDeterministic(t *testing.T) {
	train := func(p float64) *Recognizer {
		r, err := Train(tinyDocs(t), TrainOptions{Epochs: 6, Seed: 3, WordDropout: p})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	a, b, c := train(0.3), train(0.3), train(0)
	if a.Digest() != b.Digest() {
		t.Errorf("same word dropout and seed gave digests %s and %s", a.Digest(), b.Digest())
	}
	if a.Digest() == c.Digest() {
		t.Error("word dropout changed nothing in training")
	}
}

func bitIndex(f uint8) int {
	for b := 0; b < 8; b++ {
		if f == 1<<b {
			return b
		}
	}
	return -1
}

func TestGazetteerTypeAggregation(t *testing.T) {
	lx := newLexicon()
	lx.addKnown([]Known{{Name: "Oresta Vell Kassimir", Type: "PER"}})
	d := lx.prepare([][]string{
		{"Oresta", "Vell", "Kassimir", "spoke", "."},
		{"Kassimir", "left", "."},
	}, nil)
	per := f1(tAggGaz, uint64(2*nTypes+typeIndex("PER")))
	if !slices.Contains(tokFeats(d, 5), per) {
		t.Error("a bare surname lacks the known-person type of its full mention")
	}
	if slices.Contains(tokFeats(d, 2), per) {
		t.Error("the full mention got its own gazetteer type as aggregate")
	}
}

func TestRunFlags(t *testing.T) {
	lx := newLexicon()
	d := lx.prepare([][]string{{"Mr", "Talvane", "Brannock", "met", "Quorvel", "Brannock", "SpA", "staff"}}, nil)
	if !slices.Contains(tokFeats(d, 2), f2(tRunFlags, 0, uint64(flagTitle))) {
		t.Error("a surname lacks the title at the start of its run")
	}
	if !slices.Contains(tokFeats(d, 4), f2(tRunFlags, 1, uint64(flagOrgWord))) {
		t.Error("a company's first word lacks the organisation word ending its run")
	}
	if slices.Contains(tokFeats(d, 4), f2(tRunFlags, 0, uint64(flagTitle))) {
		t.Error("run flags leaked across a lower-case word")
	}
}
