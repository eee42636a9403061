// Package conllu reads CoNLL-U treebanks (Universal Dependencies) into
// sentences of words, the training and evaluation format of the tagger and
// parser. Multiword-token ranges ("3-4") and empty nodes ("5.1") are skipped,
// so every Word is a syntactic word with an integer ID.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one word line of a CoNLL-U sentence.
type Word struct {
	ID     int    // 1-based position in the sentence
	Form   string // the word as written
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int    // 0 for the root
	Deprel string // full relation, e.g. "obl:tmod"
	Misc   string
}

// SpaceAfter reports whether the MISC column does not say SpaceAfter=No.
func (w Word) SpaceAfter() bool { return !strings.Contains(w.Misc, "SpaceAfter=No") }

// Sentence is one sentence of a treebank with its comment metadata.
type Sentence struct {
	ID    string // sent_id
	Text  string // the "# text =" line
	Words []Word
	// NewDoc and NewPar report "# newdoc" and "# newpar" comments.
	NewDoc, NewPar bool
}

// Read parses a whole CoNLL-U stream. Errors name the line.
func Read(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	flush := func() {
		if len(cur.Words) > 0 || cur.Text != "" {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "#") {
			body := strings.TrimSpace(s[1:])
			switch {
			case strings.HasPrefix(body, "text ="):
				cur.Text = strings.TrimSpace(strings.TrimPrefix(body, "text ="))
			case strings.HasPrefix(body, "sent_id ="):
				cur.ID = strings.TrimSpace(strings.TrimPrefix(body, "sent_id ="))
			case strings.HasPrefix(body, "newdoc"):
				cur.NewDoc = true
			case strings.HasPrefix(body, "newpar"):
				cur.NewPar = true
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu: line %d: want 10 tab-separated columns, got %d", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multiword range or empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return nil, fmt.Errorf("conllu: line %d: bad ID %q", line, cols[0])
		}
		head := 0
		if cols[6] != "_" {
			if head, err = strconv.Atoi(cols[6]); err != nil {
				return nil, fmt.Errorf("conllu: line %d: bad HEAD %q", line, cols[6])
			}
		}
		cur.Words = append(cur.Words, Word{ID: id, Form: cols[1], Lemma: cols[2], UPOS: cols[3],
			XPOS: cols[4], Feats: cols[5], Head: head, Deprel: cols[7], Misc: cols[9]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// ReadFile reads a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
