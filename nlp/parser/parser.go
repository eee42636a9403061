// Package parser is dateline's labelled dependency parser: a greedy
// arc-eager transition parser (root at the end of the buffer) with the rich
// non-local features of Zhang & Nivre (2011), trained as an averaged
// perceptron with the dynamic oracle and error exploration of Goldberg &
// Nivre (2012). It predicts Universal Dependencies relations including
// their subtypes ("nsubj:pass", "obl:unmarked", "acl:relcl", ...).
// Output trees are projective and have exactly one root; non-projective
// training trees are projectivized by lifting.
//
// Use Load for the model embedded in the binary (trained on UD English
// EWT by `dateline train parse`), then Parse sentence by sentence; a
// Parser is safe for concurrent use. The package does not depend on
// dateline/nlp so that nlp can call it.
package parser

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"dateline/nlp/perceptron"
)

// Parser is a trained parser. It is read-only once built and safe for
// concurrent use.
type Parser struct {
	model  scorer            // what Parse scores with
	stored *perceptron.Model // the trained weights, for WriteTo and Digest
	labels []string          // label id -> UD relation
	root   int               // id of the "root" label
	// beam is the beam width Parse decodes with; 1 (or 0) is greedy.
	beam int
	// margin, when above 0, drops beam items whose score is more than
	// margin below the best item's (a narrower beam where the model is
	// sure, for speed).
	margin float32
	// fold, for a trained model, adds the features of absent context
	// tokens from precomputed sums (fold.go).
	fold     *folding
	pool     sync.Pool
	beamPool sync.Pool
}

// scorer is what Parse needs from a model: the fast table of the trained
// perceptron, or the sparse one during training.
type scorer interface {
	Scores(feats []uint64, scores []float32)
}

// work is the per-call scratch space, recycled through Parser.pool.
type work struct {
	st     state
	tok    tokens
	feats  [nFeats]uint64
	buf    [nFeats]uint64
	scores []float32
}

// nClasses is the number of (move, label) classes: SHIFT, REDUCE, then
// LEFT and RIGHT once per label.
func (p *Parser) nClasses() int { return 2 + 2*len(p.labels) }

// class numbers of the moves.
func (p *Parser) class(op, l int) int {
	switch op {
	case opShift, opReduce:
		return op
	case opLeft:
		return 2 + l
	}
	return 2 + len(p.labels) + l
}

// decode is the inverse of class.
func (p *Parser) decode(c int) (op, l int) {
	switch {
	case c < 2:
		return c, none
	case c < 2+len(p.labels):
		return opLeft, c - 2
	}
	return opRight, c - 2 - len(p.labels)
}

// valid reports whether class c may be taken in s.
func (p *Parser) valid(s *state, c int) bool {
	op, l := p.decode(c)
	if !s.canDo(op) {
		return false
	}
	switch op {
	case opLeft:
		// The root takes exactly the "root" relation, and only it does.
		return (s.b == s.n) == (l == p.root)
	case opRight:
		return l != p.root
	}
	return true
}

// best returns the highest-scoring valid class (lowest number on ties).
func (p *Parser) best(s *state, scores []float32) int {
	best := -1
	for c, sc := range scores {
		if (best < 0 || sc > scores[best]) && p.valid(s, c) {
			best = c
		}
	}
	return best
}

func (p *Parser) getWork() *work {
	if w, ok := p.pool.Get().(*work); ok {
		return w
	}
	return &work{scores: make([]float32, p.nClasses(), max(p.nClasses(), 256))}
}

// Parse returns the dependency tree of one sentence: heads[i] is the
// 0-based index of word i's head, -1 for the root of the sentence, and
// labels[i] its UD relation. upos and xpos are the sentence's tags (the
// parser was trained on the tagger's predictions, so pass those); missing
// tags count as "_". The tree always has exactly one root. An empty
// sentence gives nil slices.
func (p *Parser) Parse(words, upos, xpos []string) (heads []int, labels []string) {
	n := len(words)
	if n == 0 {
		return nil, nil
	}
	var s *state
	if p.beam > 1 {
		bm := p.getBeam(p.beam)
		defer p.beamPool.Put(bm)
		bm.tok.set(words, upos, xpos)
		s = p.parseBeam(bm, n)
	} else {
		w := p.getWork()
		defer p.pool.Put(w)
		s = p.parseGreedy(w, words, upos, xpos)
	}
	return p.tree(s)
}

// parseGreedy takes the best move at every step.
func (p *Parser) parseGreedy(w *work, words, upos, xpos []string) *state {
	n := len(words)
	s := &w.st
	w.tok.set(words, upos, xpos)
	s.reset(n)
	for !s.terminal() {
		// Forced moves need no scoring: SHIFT on an empty stack, and
		// REDUCE of an attached word once only the root is left in the
		// buffer. This skips a fifth of the model lookups.
		if len(s.stack) == 0 {
			s.apply(opShift, none)
			continue
		}
		if s.b == n && s.head[s.top()] != none {
			s.apply(opReduce, none)
			continue
		}
		extract(s, &w.tok, &w.feats)
		p.score(&w.feats, &w.buf, w.scores)
		c := p.best(s, w.scores)
		if c < 0 {
			break // cannot happen with a consistent model; words left headless go to the root below
		}
		op, l := p.decode(c)
		if op == opLeft && s.b == n {
			s.rootScore[s.top()] = w.scores[c]
		}
		s.apply(op, l)
	}
	return s
}

// tree turns a final configuration into heads and labels, with exactly
// one root.
func (p *Parser) tree(s *state) (heads []int, labels []string) {
	n := s.n
	heads = make([]int, n)
	labels = make([]string, n)
	root := -1
	for i := 0; i < n; i++ {
		if s.head[i] == none {
			s.head[i], s.label[i] = n, p.root
		}
		if s.head[i] == n && (root < 0 || s.rootScore[i] > s.rootScore[root]) {
			root = i
		}
	}
	for i := 0; i < n; i++ {
		h, l := s.head[i], s.label[i]
		switch {
		case i == root:
			h = -1
		case h == n:
			// A second root: UD allows one, so hang it under the
			// chosen root as a loosely attached clause.
			h, l = root, p.labelID("parataxis")
		}
		heads[i] = h
		labels[i] = p.labelName(l)
	}
	return heads, labels
}

func (p *Parser) labelID(name string) int {
	for i, l := range p.labels {
		if l == name {
			return i
		}
	}
	return none
}

func (p *Parser) labelName(l int) string {
	if l < 0 || l >= len(p.labels) {
		return "dep"
	}
	return p.labels[l]
}

// Labels returns the relations the parser can predict.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

// Digest identifies the trained weights (see perceptron.Model.Digest).
func (p *Parser) Digest() string {
	if p.stored == nil {
		return "untrained"
	}
	return p.stored.Digest()
}

// Model file: a gzip member holding a small text header (magic line, for
// version 2 a "beam K" line, then the labels one per line), followed by the
// perceptron model in its own gzip member (perceptron.WriteTo). The whole
// file is valid multi-member gzip. Greedy models are written as version 1,
// which has no beam line, so that they stay byte-identical to older files.
const (
	fileMagic  = "dateline-parser 1"
	fileMagic2 = "dateline-parser 2"
)

// WriteTo writes the parser in its model-file format.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	m := p.stored
	if m == nil {
		return 0, errors.New("parser: model is not trained")
	}
	zw := gzip.NewWriter(w)
	if p.beam > 1 {
		fmt.Fprintf(zw, "%s\nbeam %d\n%s\n", fileMagic2, p.beam, strings.Join(p.labels, "\n"))
	} else {
		fmt.Fprintf(zw, "%s\n%s\n", fileMagic, strings.Join(p.labels, "\n"))
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return m.WriteTo(w)
}

// Beam returns the beam width Parse decodes with (1: greedy).
func (p *Parser) Beam() int { return max(p.beam, 1) }

// WithBeam returns a parser that shares p's model but decodes with beam
// width k (1: greedy), for instance to compare widths on one model.
func (p *Parser) WithBeam(k int) *Parser {
	return &Parser{model: p.model, stored: p.stored, labels: p.labels, root: p.root, beam: max(k, 1), margin: p.margin}
}

// WithMargin returns a parser that shares p's model and beam width but
// drops, at every step, the beam items scoring more than margin below the
// best one (0: keep all k).
func (p *Parser) WithMargin(margin float32) *Parser {
	q := p.WithBeam(p.beam)
	q.margin = margin
	return q
}

// Read reads a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	br := bufio.NewReader(r)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("parser: model header is not gzip: %w", err)
	}
	zr.Multistream(false)
	head, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("parser: reading model header: %w", err)
	}
	lines := strings.Split(strings.TrimRight(string(head), "\n"), "\n")
	beam := 1
	switch {
	case len(lines) >= 2 && lines[0] == fileMagic:
	case len(lines) >= 3 && lines[0] == fileMagic2:
		if _, err := fmt.Sscanf(lines[1], "beam %d", &beam); err != nil || beam < 1 || beam > maxBeam {
			return nil, fmt.Errorf("parser: bad beam line %q in model header", lines[1])
		}
		lines = lines[1:]
	default:
		return nil, errors.New("parser: not a dateline parser model (bad magic line)")
	}
	m, err := perceptron.Read(br)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	p, err := trained(m, lines[1:])
	if err != nil {
		return nil, err
	}
	p.beam = beam
	if m.NClasses != p.nClasses() {
		return nil, fmt.Errorf("parser: model has %d classes, want %d for %d labels", m.NClasses, p.nClasses(), len(p.labels))
	}
	return p, nil
}

func newParser(m scorer, labels []string) (*Parser, error) {
	if len(labels) > maxLabels {
		return nil, fmt.Errorf("parser: %d labels, at most %d supported", len(labels), maxLabels)
	}
	p := &Parser{model: m, labels: labels}
	if p.root = p.labelID("root"); p.root < 0 {
		return nil, errors.New(`parser: label set has no "root"`)
	}
	return p, nil
}

// score writes the scores of the features f into scores (buf is scratch).
func (p *Parser) score(f, buf *[nFeats]uint64, scores []float32) {
	if p.fold != nil {
		p.fold.scores(p.model.(*perceptron.Table), f, buf, scores)
		return
	}
	p.model.Scores(f[:], scores)
}

// trained makes the parser of a finished model.
func trained(m *perceptron.Model, labels []string) (*Parser, error) {
	t := m.Table()
	p, err := newParser(t, labels)
	if err != nil {
		return nil, err
	}
	p.stored = m
	if m.NClasses == p.nClasses() {
		p.fold = newFolding(t, m.NClasses)
	}
	return p, nil
}

// maxLabels is bounded by the two-word label sets of the state.
const maxLabels = 128

// maxBeam bounds the beam width a model file may ask for.
const maxBeam = 64

// ReadFile reads a parser model file.
func ReadFile(path string) (*Parser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

//go:embed model/parser.gz
var embedded []byte

var loadEmbedded = sync.OnceValues(func() (*Parser, error) {
	p, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	return p, nil
})

// Load returns the parser embedded in the binary. The model is decoded
// once; later calls return the same (concurrency-safe) Parser.
func Load() (*Parser, error) { return loadEmbedded() }

// Prune returns a copy of p without the weights whose magnitude is not
// above minWeight: a smaller model, slightly less accurate.
func (p *Parser) Prune(minWeight float32) (*Parser, error) {
	if p.stored == nil {
		return nil, errors.New("parser: model is not trained")
	}
	q, err := trained(p.stored.Prune(minWeight), p.labels)
	if err != nil {
		return nil, err
	}
	q.beam = p.beam
	return q, nil
}
