package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one sentence of a CoNLL-2003 style file: the words, their
// part-of-speech column (may be empty strings when the file has none) and
// their entity tags in IOB2 form.
type Sentence struct {
	Words []string
	POS   []string
	Tags  []string
}

// Document is a run of sentences between two -DOCSTART- lines. Documents
// matter because the recogniser's document-level features look at the other
// mentions of a word in the same document.
type Document struct {
	Sentences []Sentence
}

// ReadCoNLLFile reads a CoNLL-2003 file from disk; see ReadCoNLL.
func ReadCoNLLFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	return ReadCoNLL(f, path)
}

// ReadCoNLL parses the CoNLL-2003 format: one token per line with
// whitespace-separated columns "WORD POS CHUNK NER" (only the first and last
// are required, so two-column files work too), a blank line between
// sentences and "-DOCSTART-" lines between documents. Tags may be IOB1 (the
// original CoNLL-2003 encoding) or IOB2; they are returned as IOB2. name is
// used in error messages, which give the line number.
func ReadCoNLL(r io.Reader, name string) ([]Document, error) {
	var docs []Document
	var doc Document
	var sent Sentence
	var sentLine int // first line of the current sentence, for errors
	flushSent := func() error {
		if len(sent.Words) == 0 {
			return nil
		}
		tags, err := ToIOB2(sent.Tags)
		if err != nil {
			return fmt.Errorf("ner: %s: sentence at line %d: %w", name, sentLine, err)
		}
		sent.Tags = tags
		doc.Sentences = append(doc.Sentences, sent)
		sent = Sentence{}
		return nil
	}
	flushDoc := func() {
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
		}
		doc = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			if err := flushSent(); err != nil {
				return nil, err
			}
			continue
		}
		cols := strings.Fields(s)
		if cols[0] == "-DOCSTART-" {
			if err := flushSent(); err != nil {
				return nil, err
			}
			flushDoc()
			continue
		}
		if len(cols) < 2 {
			return nil, fmt.Errorf("ner: %s:%d: want at least 2 columns (word ... tag), got %q", name, line, s)
		}
		tag := cols[len(cols)-1]
		if !validTag(tag) {
			return nil, fmt.Errorf("ner: %s:%d: bad entity tag %q (want O, B-TYPE or I-TYPE)", name, line, tag)
		}
		pos := ""
		if len(cols) >= 3 {
			pos = cols[1]
		}
		if len(sent.Words) == 0 {
			sentLine = line
		}
		sent.Words = append(sent.Words, cols[0])
		sent.POS = append(sent.POS, pos)
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: %s: after line %d: %w", name, line, err)
	}
	if err := flushSent(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

func validTag(t string) bool {
	if t == "O" {
		return true
	}
	return len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-'
}

// ToIOB2 converts IOB1 tags (where I-X opens an entity and B-X is used
// only to separate two adjacent entities of the same type) to IOB2 (every
// entity opens with B-X). IOB2 input comes back unchanged. The rule is the
// conlleval one: I-X opens a new entity unless the previous tag is B-X or
// I-X of the same type. It returns a new slice and rejects malformed tags.
func ToIOB2(tags []string) ([]string, error) {
	out := make([]string, len(tags))
	prevType := ""
	for i, t := range tags {
		if !validTag(t) {
			return nil, fmt.Errorf("token %d: bad entity tag %q", i+1, t)
		}
		if t == "O" {
			out[i] = t
			prevType = ""
			continue
		}
		typ := t[2:]
		if t[0] == 'I' && typ != prevType {
			out[i] = "B-" + typ
		} else {
			out[i] = t
		}
		prevType = typ
	}
	return out, nil
}
