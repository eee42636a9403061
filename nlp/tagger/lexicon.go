package tagger

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/nlp/conllu"
)

// ExtraWord is one word of extra tagged text given to Train
// (TrainOptions.Extra): its form as written and its Penn Treebank tag.
// Extra text only feeds the lexicon tables (how a word is usually
// capitalised, which tags it usually has); the perceptron never trains on
// it, so its tags may come from another tagger or another annotation
// scheme close to the Penn Treebank's, like CoNLL-2003's.
type ExtraWord struct {
	Form, XPOS string
}

// ReadCoNLL2003 reads the CoNLL-2003 shared-task format (one "word POS
// chunk entity" line per word, blank lines between sentences,
// -DOCSTART- lines between documents) as extra tagged text. name is used
// in error messages.
func ReadCoNLL2003(r io.Reader, name string) ([][]ExtraWord, error) {
	var out [][]ExtraWord
	var cur []ExtraWord
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "-DOCSTART-") {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		f := strings.Fields(text)
		if len(f) < 2 {
			return nil, fmt.Errorf("tagger: %s line %d: want at least a word and its POS tag, got %q", name, line, text)
		}
		cur = append(cur, ExtraWord{Form: f[0], XPOS: f[1]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tagger: %s line %d: %w", name, line, err)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// lexEntry is a word's row of the lexicon tables, keyed by the
// lower-cased word: its capitalisation profile (capsCode, 0 when it was
// seen too rarely) and its extra-text tag groups (a bit per extGroup, 0
// when absent).
type lexEntry struct {
	Word string `json:"w"`
	Caps uint8  `json:"c,omitempty"`
	Ext  uint32 `json:"x,omitempty"`
}

// caseCount counts how a word was written inside sentences (never their
// first word, whose capital says nothing): starting lower-case, or with a
// capital but not all in capitals.
type caseCount struct{ lower, title int }

// capsCode sums a word's case counts up in a few values: 0 when seen
// fewer than twice, otherwise the share written lower-case in six steps
// (never, under 10%, under 50%, under 90%, under 100%, always), plus 8
// when seen at least ten times.
func capsCode(c caseCount) uint8 {
	n := c.lower + c.title
	if n < 2 {
		return 0
	}
	r := float64(c.lower) / float64(n)
	var b uint8
	switch {
	case c.lower == 0:
		b = 1
	case r < 0.1:
		b = 2
	case r < 0.5:
		b = 3
	case r < 0.9:
		b = 4
	case c.title > 0:
		b = 5
	default:
		b = 6
	}
	if n >= 10 {
		b += 8
	}
	return b
}

// countCase adds the case counts of one sentence's words to counts,
// unless the sentence looks like a headline or a title (most of its words
// capitalised), where capitals are style rather than names.
func countCase(counts map[string]*caseCount, forms []string) {
	alpha, caps := 0, 0
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsLetter(r) {
			alpha++
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	if alpha == 0 || 2*caps > alpha {
		return
	}
	for i, f := range forms {
		if i == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		upper := unicode.IsUpper(r)
		if upper && strings.ToUpper(f) == f && utf8.RuneCountInString(f) > 1 {
			continue // all capitals: an acronym or shouting, not a case choice
		}
		l := strings.ToLower(f)
		c := counts[l]
		if c == nil {
			c = &caseCount{}
			counts[l] = c
		}
		if upper {
			c.title++
		} else {
			c.lower++
		}
	}
}

// extGroup puts a Penn Treebank tag in one of the coarse groups whose
// sets make a word's extra-text tag class: the distinctions that matter
// most for words the treebank lacks (common or proper noun, adjective,
// verb form, number).
func extGroup(xpos string) int {
	switch xpos {
	case "NN":
		return 0
	case "NNS":
		return 1
	case "NNP", "NNPS":
		return 2
	case "JJ", "JJR", "JJS":
		return 3
	case "RB", "RBR", "RBS":
		return 4
	case "VB", "VBP", "VBZ":
		return 5
	case "VBD", "VBN":
		return 6
	case "VBG":
		return 7
	case "CD":
		return 8
	case "IN", "TO":
		return 9
	case "DT", "PDT", "WDT":
		return 10
	case "PRP", "PRP$", "WP", "WP$":
		return 11
	}
	return 12
}

const extGroups = 13

// buildLexicon makes the lexicon tables from the treebank and the extra
// text: case counts from both, tag groups (those with at least 10% of a
// word's at least two occurrences) from the extra text only, since the
// treebank's own tags are in the ambiguity classes. Rows are sorted by
// word.
func buildLexicon(sents []conllu.Sentence, extra [][]ExtraWord) []lexEntry {
	cases := map[string]*caseCount{}
	var forms []string
	for _, s := range sents {
		forms = forms[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		countCase(cases, forms)
	}
	tags := map[string]*[extGroups]int{}
	for _, s := range extra {
		forms = forms[:0]
		for _, w := range s {
			forms = append(forms, w.Form)
			l := strings.ToLower(w.Form)
			c := tags[l]
			if c == nil {
				c = new([extGroups]int)
				tags[l] = c
			}
			c[extGroup(w.XPOS)]++
		}
		countCase(cases, forms)
	}
	rows := map[string]lexEntry{}
	for w, c := range cases {
		if code := capsCode(*c); code != 0 {
			rows[w] = lexEntry{Word: w, Caps: code}
		}
	}
	for w, c := range tags {
		n := 0
		for _, k := range c {
			n += k
		}
		if n < 2 {
			continue
		}
		var mask uint32
		for g, k := range c {
			if 10*k >= n {
				mask |= 1 << g
			}
		}
		e := rows[w]
		e.Word, e.Ext = w, mask
		rows[w] = e
	}
	out := make([]lexEntry, 0, len(rows))
	for _, e := range rows {
		out = append(out, e)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Word < out[b].Word })
	return out
}
