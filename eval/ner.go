package eval

import (
	"fmt"
	"io"
	"sort"

	"dateline/nlp/ner"
)

// NERTagger is what NER scores: a recogniser that tags the sentences of a
// document with IOB2 entity tags (package ner's Recognizer is one).
type NERTagger interface {
	RecognizeDocument(sents [][]string) [][]string
}

// PRF is precision, recall and F1 of one entity type or of all.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// entity counts behind the fractions
	Gold, Predicted, Correct int `json:"-"`
}

// NERResult is the outcome of NER. Its JSON form is the one line that
// `dateline eval ner` prints.
type NERResult struct {
	Task      string         `json:"task"`
	Precision float64        `json:"precision"`
	Recall    float64        `json:"recall"`
	F1        float64        `json:"f1"`
	PerType   map[string]PRF `json:"per_type"`

	Gold, Predicted, Correct int `json:"-"`
	Sentences, Tokens        int `json:"-"`
}

// NER tags the gold documents' words with t (one call per document, so
// document-level evidence is used) and scores the entities.
func NER(docs []ner.Document, t NERTagger) (NERResult, error) {
	var gold, pred [][]string
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			sents[i] = s.Words
			gold = append(gold, s.Tags)
		}
		pred = append(pred, t.RecognizeDocument(sents)...)
	}
	return ScoreNER(gold, pred)
}

// chunk is one entity: tokens [start, end) of a sentence, with a type.
type chunk struct {
	start, end int
	typ        string
}

// splitTag returns the prefix letter and type of a tag: "B-PER" → 'B',
// "PER"; "O" → 'O', "". L and U (BILOU) are read as E and S.
func splitTag(t string) (byte, string) {
	if t == "O" || t == "" || len(t) < 3 || t[1] != '-' {
		return 'O', ""
	}
	p := t[0]
	switch p {
	case 'L':
		p = 'E'
	case 'U':
		p = 'S'
	}
	return p, t[2:]
}

// Chunks reads the entities of one sentence the way conlleval does, so
// IOB1, IOB2 and IOBES input all work: an entity starts at B or S, at
// I or E after O or after an entity that ended, or at a change of type;
// it ends before O, B, S, a type change, or after E or S.
func chunks(tags []string) []chunk {
	var out []chunk
	prevP, prevT := byte('O'), ""
	cur := -1
	for i, tag := range tags {
		p, t := splitTag(tag)
		if cur >= 0 && endOfChunk(prevP, p, prevT, t) {
			out = append(out, chunk{cur, i, prevT})
			cur = -1
		}
		if startOfChunk(prevP, p, prevT, t) {
			cur = i
		}
		prevP, prevT = p, t
	}
	if cur >= 0 {
		out = append(out, chunk{cur, len(tags), prevT})
	}
	return out
}

// endOfChunk is conlleval's rule: does a chunk end between the previous
// tag and this one?
func endOfChunk(prevP, p byte, prevT, t string) bool {
	switch {
	case prevP == 'E' || prevP == 'S':
		return true
	case prevP == 'B' || prevP == 'I':
		if p == 'B' || p == 'S' || p == 'O' {
			return true
		}
	}
	return prevP != 'O' && prevT != t
}

// startOfChunk is conlleval's rule: does a chunk start at this tag?
func startOfChunk(prevP, p byte, prevT, t string) bool {
	switch {
	case p == 'B' || p == 'S':
		return true
	case p == 'O':
		return false
	case prevP == 'E' || prevP == 'S' || prevP == 'O':
		return true
	}
	return prevT != t
}

// ScoreNER compares predicted with gold entity tags sentence by sentence
// with exact entity match (same first token, last token and type), the
// CoNLL-2003 definition as computed by conlleval. Tags may be IOB1, IOB2
// or IOBES/BILOU, independently on each side.
func ScoreNER(gold, pred [][]string) (NERResult, error) {
	if len(gold) != len(pred) {
		return NERResult{}, fmt.Errorf("eval ner: %d gold sentences but %d predicted", len(gold), len(pred))
	}
	r := NERResult{Task: "ner", PerType: map[string]PRF{}}
	counts := map[string]*PRF{}
	get := func(t string) *PRF {
		if counts[t] == nil {
			counts[t] = &PRF{}
		}
		return counts[t]
	}
	for i := range gold {
		if len(gold[i]) != len(pred[i]) {
			return NERResult{}, fmt.Errorf("eval ner: sentence %d has %d gold tags but %d predicted", i+1, len(gold[i]), len(pred[i]))
		}
		r.Sentences++
		r.Tokens += len(gold[i])
		g := map[chunk]bool{}
		for _, c := range chunks(gold[i]) {
			g[c] = true
			get(c.typ).Gold++
			r.Gold++
		}
		for _, c := range chunks(pred[i]) {
			get(c.typ).Predicted++
			r.Predicted++
			if g[c] {
				get(c.typ).Correct++
				r.Correct++
			}
		}
	}
	r.Precision, r.Recall, r.F1 = prf(r.Correct, r.Gold, r.Predicted)
	for t, c := range counts {
		c.Precision, c.Recall, c.F1 = prf(c.Correct, c.Gold, c.Predicted)
		r.PerType[t] = *c
	}
	return r, nil
}

func prf(correct, gold, pred int) (p, r, f float64) {
	if pred > 0 {
		p = float64(correct) / float64(pred)
	}
	if gold > 0 {
		r = float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// WriteTable prints the scores as a conlleval-like table.
func (r NERResult) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "NER: %d sentences, %d tokens; %d gold entities, %d predicted, %d correct\n",
		r.Sentences, r.Tokens, r.Gold, r.Predicted, r.Correct)
	fmt.Fprintf(w, "%-6s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "pred")
	types := make([]string, 0, len(r.PerType))
	for t := range r.PerType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := r.PerType[t]
		fmt.Fprintf(w, "%-6s %9.2f %9.2f %9.2f %7d %7d\n", t, 100*c.Precision, 100*c.Recall, 100*c.F1, c.Gold, c.Predicted)
	}
	fmt.Fprintf(w, "%-6s %9.2f %9.2f %9.2f %7d %7d\n", "all", 100*r.Precision, 100*r.Recall, 100*r.F1, r.Gold, r.Predicted)
}
