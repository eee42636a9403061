package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"dateline/nlp/conllu"
)

// fixedParser answers every sentence of length len(heads) with heads and
// labels, and anything else with a tree of the wrong length.
type fixedParser struct {
	heads  []int
	labels []string
	saw    [][]string // the xpos it was given
}

func (f *fixedParser) Parse(words, upos, xpos []string) ([]int, []string) {
	f.saw = append(f.saw, xpos)
	if len(words) != len(f.heads) {
		return []int{-1}, []string{"root"}
	}
	return f.heads, f.labels
}

type constTagger struct{}

func (constTagger) Tag(words []string) (upos, xpos []string) {
	for range words {
		upos, xpos = append(upos, "X"), append(xpos, "XX")
	}
	return
}

const goldParse = `# sent_id = a
1	Rebels	_	NOUN	NNS	_	2	nsubj:pass	_	_
2	attacked	_	VERB	VBD	_	0	root	_	_
3	towns	_	NOUN	NNS	_	2	obj	_	_
4	.	_	PUNCT	.	_	2	punct	_	_

# sent_id = b
1	Yes	_	INTJ	UH	_	0	root	_	_
2	!	_	PUNCT	.	_	1	punct	_	_

`

func TestParseScores(t *testing.T) {
	gold, err := conllu.Read(strings.NewReader(goldParse))
	if err != nil {
		t.Fatal(err)
	}
	// Sentence a: "Rebels" right head and main type but plain "nsubj";
	// "towns" right head, wrong label; "." wrong head. Sentence b gets an
	// answer of the wrong length: both its words count as wrong.
	p := &fixedParser{heads: []int{1, -1, 1, 0}, labels: []string{"nsubj", "root", "iobj", "punct"}}
	r := Parse(gold, p, nil)
	if r.Words != 6 || r.Sentences != 2 {
		t.Fatalf("words %d sentences %d, want 6 and 2", r.Words, r.Sentences)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(r.UAS, 3.0/6) || !near(r.LAS, 2.0/6) || !near(r.FullLAS, 1.0/6) {
		t.Errorf("UAS %v LAS %v FullLAS %v, want 3/6 2/6 1/6", r.UAS, r.LAS, r.FullLAS)
	}
	if c := r.PerLabel["nsubj"]; c == nil || c.Gold != 1 || c.LabelOK != 1 {
		t.Errorf("nsubj tally %+v", c)
	}
	if c := r.PerLabel["obj"]; c.Gold != 1 || c.HeadOK != 1 || c.LabelOK != 0 {
		t.Errorf("obj tally %+v", c)
	}
	if r.ExactTrees != 0 || !r.GoldTags || p.saw[0][1] != "VBD" {
		t.Errorf("exact %d goldTags %v; parser saw %v", r.ExactTrees, r.GoldTags, p.saw[0])
	}

	// With a tagger the parser sees the tagger's tags.
	p.saw = nil
	r = Parse(gold, p, constTagger{})
	if r.GoldTags || p.saw[0][1] != "XX" {
		t.Errorf("tagger not used: %v", p.saw[0])
	}

	// The JSON line has exactly the four documented keys.
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m) != 4 || m["task"] != "parse" || m["words"] != 6.0 {
		t.Errorf("JSON %s", b)
	}
	var tab bytes.Buffer
	r.WriteTable(&tab)
	if !strings.Contains(tab.String(), "punct") || !strings.Contains(tab.String(), "predicted tags") {
		t.Errorf("table:\n%s", tab.String())
	}
}
