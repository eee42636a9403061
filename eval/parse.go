package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"dateline/nlp/conllu"
)

// DependencyParser is what Parse scores: heads are 0-based word indices
// (-1 for the root) and labels UD relations (package parser's Parser is
// one).
type DependencyParser interface {
	Parse(words, upos, xpos []string) (heads []int, labels []string)
}

// Tagger supplies the tags the parser sees. Pass nil to Parse to use the
// gold file's own UPOS and XPOS columns instead.
type Tagger interface {
	Tag(words []string) (upos, xpos []string)
}

// ParseResult is the outcome of Parse. Its JSON form is the one line that
// `dateline eval parse` prints.
type ParseResult struct {
	Task  string  `json:"task"`
	Words int     `json:"words"`
	UAS   float64 `json:"uas"`
	LAS   float64 `json:"las"`

	// FullLAS scores the complete relation, subtype included
	// ("nsubj:pass" must be "nsubj:pass").
	FullLAS float64 `json:"-"`
	// GoldTags reports that the parser was given the gold tags.
	GoldTags  bool `json:"-"`
	Sentences int  `json:"-"`
	// ExactTrees counts sentences whose every head and main label is right.
	ExactTrees int `json:"-"`
	// PerLabel tallies, per gold main relation, how many words carry it,
	// how many got the right head and how many the right head and label;
	// Predicted counts the parser's uses of the relation (for precision).
	PerLabel map[string]*LabelCount `json:"-"`
}

// LabelCount is the per-relation tally of a ParseResult.
type LabelCount struct {
	Gold, HeadOK, LabelOK, Predicted int
}

// mainRel is the universal part of a UD relation, as scored by the CoNLL
// 2018 shared task: "nsubj:pass" -> "nsubj".
func mainRel(r string) string {
	r, _, _ = strings.Cut(r, ":")
	return r
}

// Parse parses the gold sentences' words (gold tokenization, every word
// counted, punctuation included) and scores unlabelled and labelled
// attachment. Tags come from tagger, or from the gold file when tagger is
// nil. LAS compares main relation types; FullLAS compares subtypes too.
// A parser answer of the wrong length counts all its sentence's words as
// wrong.
func Parse(gold []conllu.Sentence, p DependencyParser, tagger Tagger) *ParseResult {
	r := &ParseResult{Task: "parse", GoldTags: tagger == nil, PerLabel: map[string]*LabelCount{}}
	var uas, las, full int
	count := func(rel string) *LabelCount {
		c := r.PerLabel[rel]
		if c == nil {
			c = &LabelCount{}
			r.PerLabel[rel] = c
		}
		return c
	}
	for _, s := range gold {
		n := len(s.Words)
		if n == 0 {
			continue
		}
		r.Sentences++
		words := make([]string, n)
		upos, xpos := make([]string, n), make([]string, n)
		for i, w := range s.Words {
			words[i], upos[i], xpos[i] = w.Form, w.UPOS, w.XPOS
		}
		if tagger != nil {
			upos, xpos = tagger.Tag(words)
		}
		heads, labels := p.Parse(words, upos, xpos)
		ok := len(heads) == n && len(labels) == n
		exact := ok
		for i, w := range s.Words {
			r.Words++
			g := mainRel(w.Deprel)
			c := count(g)
			c.Gold++
			if !ok {
				continue
			}
			pl := mainRel(labels[i])
			count(pl).Predicted++
			if heads[i]+1 != w.Head {
				exact = false
				continue
			}
			uas++
			c.HeadOK++
			if pl == g {
				las++
				c.LabelOK++
				if labels[i] == w.Deprel {
					full++
				}
			} else {
				exact = false
			}
		}
		if exact {
			r.ExactTrees++
		}
	}
	if r.Words > 0 {
		d := float64(r.Words)
		r.UAS, r.LAS, r.FullLAS = float64(uas)/d, float64(las)/d, float64(full)/d
	}
	return r
}

// WriteTable prints the scores and a per-relation table (most frequent
// relations first) for people.
func (r *ParseResult) WriteTable(w io.Writer) {
	tags := "predicted tags"
	if r.GoldTags {
		tags = "GOLD tags"
	}
	fmt.Fprintf(w, "parse: %d sentences, %d words, %s, punctuation included\n", r.Sentences, r.Words, tags)
	fmt.Fprintf(w, "  UAS %.4f  LAS %.4f  LAS with subtypes %.4f  exact trees %.4f\n\n",
		r.UAS, r.LAS, r.FullLAS, float64(r.ExactTrees)/float64(max(r.Sentences, 1)))
	rels := make([]string, 0, len(r.PerLabel))
	for k := range r.PerLabel {
		rels = append(rels, k)
	}
	sort.Slice(rels, func(i, j int) bool {
		a, b := r.PerLabel[rels[i]], r.PerLabel[rels[j]]
		if a.Gold != b.Gold {
			return a.Gold > b.Gold
		}
		return rels[i] < rels[j]
	})
	fmt.Fprintf(w, "  %-12s %7s %7s %7s %7s %7s\n", "relation", "gold", "head", "label", "prec", "F1")
	for _, k := range rels {
		c := r.PerLabel[k]
		if c.Gold == 0 {
			continue
		}
		rec := float64(c.LabelOK) / float64(c.Gold)
		prec := 0.0
		if c.Predicted > 0 {
			prec = float64(c.LabelOK) / float64(c.Predicted)
		}
		f1 := 0.0
		if prec+rec > 0 {
			f1 = 2 * prec * rec / (prec + rec)
		}
		fmt.Fprintf(w, "  %-12s %7d %7.3f %7.3f %7.3f %7.3f\n", k, c.Gold, float64(c.HeadOK)/float64(c.Gold), rec, prec, f1)
	}
}
