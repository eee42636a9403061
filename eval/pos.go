package eval

import (
	"fmt"
	"io"
	"sort"

	"dateline/nlp/conllu"
)

// POSTagger is what POS scores: a part-of-speech tagger and lemmatizer
// over gold-tokenized sentences (package tagger's Tagger is one).
type POSTagger interface {
	Tag(words []string) (upos, xpos []string)
	Lemma(word, upos, xpos string) string
}

// POSResult is the outcome of POS. Its JSON form is the one line that
// `dateline eval pos` prints.
type POSResult struct {
	Task          string  `json:"task"`
	Tokens        int     `json:"tokens"`
	UPOSAccuracy  float64 `json:"upos_accuracy"`
	XPOSAccuracy  float64 `json:"xpos_accuracy"`
	LemmaAccuracy float64 `json:"lemma_accuracy"`

	// Per gold UPOS tag: how many words and how many got the right UPOS.
	PerTag map[string]TagCount `json:"-"`
	// Confusions counts (gold UPOS, predicted UPOS) errors.
	Confusions map[[2]string]int `json:"-"`
	// Sentences is the number of sentences scored.
	Sentences int `json:"-"`
}

// TagCount is the per-tag tally of a POSResult.
type TagCount struct {
	Gold, Correct, Predicted int
}

// POS tags and lemmatizes the gold sentences' words with t and scores UPOS,
// XPOS and lemma accuracy over all words. Lemmas are scored on t's own
// tags, as they would be in use, and compared exactly (case included).
func POS(gold []conllu.Sentence, t POSTagger) *POSResult {
	r := &POSResult{Task: "pos", PerTag: map[string]TagCount{}, Confusions: map[[2]string]int{}}
	var upOK, xpOK, lemOK int
	words := make([]string, 0, 64)
	for _, s := range gold {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		if len(words) == 0 {
			continue
		}
		r.Sentences++
		up, xp := t.Tag(words)
		for i, w := range s.Words {
			r.Tokens++
			g := r.PerTag[w.UPOS]
			g.Gold++
			if up[i] == w.UPOS {
				upOK++
				g.Correct++
			} else {
				r.Confusions[[2]string{w.UPOS, up[i]}]++
			}
			r.PerTag[w.UPOS] = g
			p := r.PerTag[up[i]]
			p.Predicted++
			r.PerTag[up[i]] = p
			if xp[i] == w.XPOS {
				xpOK++
			}
			if t.Lemma(w.Form, up[i], xp[i]) == w.Lemma {
				lemOK++
			}
		}
	}
	if r.Tokens > 0 {
		n := float64(r.Tokens)
		r.UPOSAccuracy = float64(upOK) / n
		r.XPOSAccuracy = float64(xpOK) / n
		r.LemmaAccuracy = float64(lemOK) / n
	}
	return r
}

// WriteTable writes a readable summary: the three accuracies, per-UPOS
// precision and recall, and the most frequent confusions.
func (r *POSResult) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%d sentences, %d tokens\n", r.Sentences, r.Tokens)
	fmt.Fprintf(w, "UPOS accuracy  %.4f\nXPOS accuracy  %.4f\nlemma accuracy %.4f\n\n", r.UPOSAccuracy, r.XPOSAccuracy, r.LemmaAccuracy)
	tags := make([]string, 0, len(r.PerTag))
	for t := range r.PerTag {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	fmt.Fprintf(w, "%-6s %7s %9s %7s\n", "UPOS", "gold", "precision", "recall")
	for _, t := range tags {
		c := r.PerTag[t]
		fmt.Fprintf(w, "%-6s %7d %9s %7s\n", t, c.Gold, posRatio(c.Correct, c.Predicted), posRatio(c.Correct, c.Gold))
	}
	type conf struct {
		k [2]string
		n int
	}
	var cs []conf
	for k, n := range r.Confusions {
		cs = append(cs, conf{k, n})
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].n != cs[b].n {
			return cs[a].n > cs[b].n
		}
		return cs[a].k[0]+cs[a].k[1] < cs[b].k[0]+cs[b].k[1]
	})
	if len(cs) > 10 {
		cs = cs[:10]
	}
	fmt.Fprintf(w, "\nmost frequent UPOS errors (gold -> predicted):\n")
	for _, c := range cs {
		fmt.Fprintf(w, "  %-6s -> %-6s %5d\n", c.k[0], c.k[1], c.n)
	}
}

// posRatio formats a/b with four decimals, or "-" when b is zero.
func posRatio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.4f", float64(a)/float64(b))
}
