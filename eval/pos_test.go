package eval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"dateline/nlp/conllu"
)

// fixedTagger tags every word NOUN/NN except words listed in tags, and
// lemmatizes by lower-casing.
type fixedTagger struct{ tags map[string][2]string }

func (f fixedTagger) Tag(words []string) (upos, xpos []string) {
	for _, w := range words {
		t, ok := f.tags[w]
		if !ok {
			t = [2]string{"NOUN", "NN"}
		}
		upos = append(upos, t[0])
		xpos = append(xpos, t[1])
	}
	return upos, xpos
}

func (f fixedTagger) Lemma(word, upos, xpos string) string { return strings.ToLower(word) }

const posGold = `# sent_id = a
1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	_
3	Gaza	Gaza	PROPN	NNP	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = b
1-2	don't	_	_	_	_	_	_	_	_
1	do	do	AUX	VBP	_	3	aux	_	_
2	n't	not	PART	RB	_	3	advmod	_	_
3	go	go	VERB	VB	_	0	root	_	_
`

func TestPOSCountsWordsAndScores(t *testing.T) {
	gold, err := conllu.Read(strings.NewReader(posGold))
	if err != nil {
		t.Fatal(err)
	}
	tg := fixedTagger{tags: map[string][2]string{
		"left": {"VERB", "VBN"}, // right UPOS, wrong XPOS
		"Gaza": {"PROPN", "NNP"},
		".":    {"PUNCT", "."},
		"do":   {"AUX", "VBP"},
		"n't":  {"PART", "RB"},
	}}
	r := POS(gold, tg)
	// 7 words (the "1-2" range is not a word): Troops has NOUN but not
	// NNS, go is tagged NOUN.
	if r.Tokens != 7 || r.Sentences != 2 {
		t.Fatalf("tokens %d sentences %d, want 7 and 2", r.Tokens, r.Sentences)
	}
	if want := 6.0 / 7; r.UPOSAccuracy != want {
		t.Errorf("UPOS accuracy %v, want %v", r.UPOSAccuracy, want)
	}
	if want := 4.0 / 7; r.XPOSAccuracy != want {
		t.Errorf("XPOS accuracy %v, want %v", r.XPOSAccuracy, want)
	}
	// Lower-casing gets Gaza wrong, and troops, left, n't.
	if want := 3.0 / 7; r.LemmaAccuracy != want {
		t.Errorf("lemma accuracy %v, want %v", r.LemmaAccuracy, want)
	}
	if r.Confusions[[2]string{"VERB", "NOUN"}] != 1 {
		t.Errorf("confusions %v, want one VERB -> NOUN", r.Confusions)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"task", "tokens", "upos_accuracy", "xpos_accuracy", "lemma_accuracy"} {
		if _, ok := back[k]; !ok {
			t.Errorf("JSON %s lacks %q", b, k)
		}
	}
	if len(back) != 5 || back["task"] != "pos" {
		t.Errorf("JSON %s: want exactly the five pos fields", b)
	}
	var tbl bytes.Buffer
	r.WriteTable(&tbl)
	if !strings.Contains(tbl.String(), "VERB   -> NOUN") {
		t.Errorf("table lacks the VERB -> NOUN confusion:\n%s", tbl.String())
	}
}

func TestPOSEmptyGold(t *testing.T) {
	r := POS(nil, fixedTagger{})
	if r.Tokens != 0 || r.UPOSAccuracy != 0 {
		t.Fatalf("empty gold gave %+v", r)
	}
}
