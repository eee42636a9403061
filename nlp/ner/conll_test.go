package ner

import (
	"reflect"
	"strings"
	"testing"
)

func TestToIOB2(t *testing.T) {
	cases := []struct{ in, want []string }{
		// IOB1: I- after O opens an entity
		{[]string{"I-PER", "I-PER", "O", "I-LOC"}, []string{"B-PER", "I-PER", "O", "B-LOC"}},
		// IOB1: B- separates two adjacent entities of one type
		{[]string{"I-LOC", "B-LOC", "I-LOC"}, []string{"B-LOC", "B-LOC", "I-LOC"}},
		// a type change opens a new entity
		{[]string{"I-ORG", "I-MISC"}, []string{"B-ORG", "B-MISC"}},
		// IOB2 comes back unchanged
		{[]string{"B-PER", "I-PER", "O", "B-ORG"}, []string{"B-PER", "I-PER", "O", "B-ORG"}},
	}
	for _, c := range cases {
		got, err := ToIOB2(c.in)
		if err != nil {
			t.Fatalf("ToIOB2(%v): %v", c.in, err)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ToIOB2(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if _, err := ToIOB2([]string{"O", "X-PER"}); err == nil {
		t.Error("ToIOB2 accepted the tag X-PER")
	}
}

const sampleCoNLL = `-DOCSTART- -X- O O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
visited VBD I-VP O
Oslo NNP I-NP I-LOC
. . O O

She PRP I-NP O
left VBD I-VP O

-DOCSTART- -X- O O

Acme NNP I-NP I-ORG
Corp NNP I-NP I-ORG
Zeta NNP I-NP B-ORG
`

func TestReadCoNLL(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(sampleCoNLL), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if n := len(docs[0].Sentences); n != 2 {
		t.Fatalf("document 1 has %d sentences, want 2", n)
	}
	s := docs[0].Sentences[0]
	if !reflect.DeepEqual(s.Words, []string{"Anna", "Berg", "visited", "Oslo", "."}) {
		t.Errorf("words = %v", s.Words)
	}
	if !reflect.DeepEqual(s.Tags, []string{"B-PER", "I-PER", "O", "B-LOC", "O"}) {
		t.Errorf("tags = %v", s.Tags)
	}
	if s.POS[0] != "NNP" {
		t.Errorf("POS = %v", s.POS)
	}
	if got := docs[1].Sentences[0].Tags; !reflect.DeepEqual(got, []string{"B-ORG", "I-ORG", "B-ORG"}) {
		t.Errorf("IOB1 B- between two ORGs read as %v", got)
	}
	// two-column files (word, tag) are accepted
	docs, err = ReadCoNLL(strings.NewReader("Paris B-LOC\nis O\n"), "two")
	if err != nil || len(docs) != 1 || docs[0].Sentences[0].Tags[0] != "B-LOC" {
		t.Errorf("two-column file: %v, %v", docs, err)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Paris NNP I-NP I-LOC\nis\n", "bad:2: want at least 2 columns"},
		{"Paris NNP I-NP I-LOC\nis VBZ I-VP Q-LOC\n", "bad:2: bad entity tag \"Q-LOC\""},
		{"x O\n\nParis NNP I-NP LOC\n", "bad:3: bad entity tag \"LOC\""},
	}
	for _, c := range cases {
		_, err := ReadCoNLL(strings.NewReader(c.in), "bad")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadCoNLL(%q) error = %v, want it to contain %q", c.in, err, c.want)
		}
	}
	if _, err := ReadCoNLLFile("/nonexistent/eng.train"); err == nil {
		t.Error("ReadCoNLLFile of a missing file gave no error")
	}
}

func TestBILOURoundTrip(t *testing.T) {
	tags := []string{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "O", "B-ORG", "I-ORG"}
	cl := toBILOU(tags)
	want := []string{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-LOC", "O", "B-ORG", "L-ORG"}
	for i, c := range cl {
		if className[c] != want[i] {
			t.Errorf("toBILOU[%d] = %s, want %s", i, className[c], want[i])
		}
	}
	if back := toIOB2(cl); !reflect.DeepEqual(back, tags) {
		t.Errorf("toIOB2(toBILOU(x)) = %v, want %v", back, tags)
	}
	// an entity left open by the decoder still gives valid IOB2
	open := []int{classOf(0, partB), classOf(0, partI)}
	if got := toIOB2(open); !reflect.DeepEqual(got, []string{"B-PER", "I-PER"}) {
		t.Errorf("open entity: %v", got)
	}
	// the transition table forbids O after B
	if allowedAfter[classOf(1, partB)][0] {
		t.Error("O allowed after B-ORG")
	}
	if !allowedAfter[nClasses][classOf(2, partU)] {
		t.Error("U-LOC not allowed at sentence start")
	}
}

func TestTokenizeText(t *testing.T) {
	got := TokenizeText("The U.S. envoy (Mr. Smith) said: \"Hamas's leaders left.\"\nNew line")
	want := [][]string{
		{"The", "U.S.", "envoy", "(", "Mr.", "Smith", ")", "said", ":", "\"", "Hamas", "'s", "leaders", "left", ".", "\""},
		{"New", "line"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TokenizeText = %q\nwant %q", got, want)
	}
}
