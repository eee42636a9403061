// Package tagger assigns part-of-speech tags and lemmas to the words of a
// sentence: a Universal POS tag (UPOS, e.g. PROPN) and a Penn Treebank tag
// (XPOS, e.g. NNP) per word, and a dictionary form (lemma) per word.
//
// The tagger is a greedy averaged perceptron (package perceptron) that
// predicts one combined UPOS+XPOS class per word, left to right, from the
// word itself (form, lower-cased form, prefixes, suffixes, shape), its
// neighbours two words either side, their ambiguity classes (the set of
// UPOS tags each word had in training, which tells the tagger what the
// words to its right can be before it gets there) and the two tags it has
// already predicted. A second pass re-tags the sentence seeing the first
// pass's tags on the right too; it is trained on jackknifed first-pass
// output so that it learns how far to trust them. Frequent words that
// (almost) always had the same tag in training are tagged from a
// dictionary without scoring. Distributional word clusters are an option
// of Train (they did not help on UD English EWT).
//
// Tag returns tags only; lemmas come from Lemma (or Lemmas for a whole
// sentence), given the word and its tags. The lemmatizer is rule-based:
// suffix rewrite rules learned per XPOS tag from the training lemmas,
// plus a table of the words the rules get wrong (went -> go, n't -> not).
//
// The package works on plain word slices and does not import package nlp,
// which imports it. A trained model is embedded in the binary; Load reads
// it, Train and WriteTo rebuild it (see `dateline train pos`).
package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"dateline/nlp/perceptron"
)

//go:embed model/tagger.gz
var embedded []byte

// Tagger tags and lemmatizes words. It is read-only after Load or Train and
// safe for concurrent use.
type Tagger struct {
	upos, xpos []string // per class
	dict       map[string]int32
	lex        map[uint64]lexInfo
	feats      featureFlags
	pass1      *perceptron.Model
	pass2      *perceptron.Model // nil for a one-pass model
	// Fast read-only scoring tables of the passes, and of both passes
	// merged (two-pass models only).
	flat1, flat2, merged *perceptron.Flat
	lem                  *lemmatizer
	meta                 meta // what was read or will be written (besides the weights)
	// notAux allows every class but the auxiliaries: AUX is a closed
	// class, so a word that is no auxiliary form takes its best other tag.
	notAux []bool
	// punct allows only PUNCT and SYM: for dashes and brackets, which
	// the treebank tags nothing else but in a handful of typos.
	punct []bool

	pool sync.Pool // *scratch
}

// scratch is the per-call working memory of Tag, recycled through a pool
// so that tagging does not allocate beyond its result slices.
type scratch struct {
	ws     []wordInfo
	static []uint64
	feats  []uint64
	scores []float32
	// sscores holds per word the scores of its static features.
	sscores []float32
	tags1   []int
	tags    []int
	look    []int // per word, its class from static scores alone (gLook)
	buf     []byte
}

// nStatic is the number of static features per word (see staticFeatures).
func (t *Tagger) nStatic() int {
	k := 25
	if t.feats.clusters {
		k += 5
	}
	if t.feats.amb {
		k += 5
	}
	if t.feats.lexicon {
		k += 6
	}
	return k
}

// Load reads the model embedded in the binary. Call it once and share the
// Tagger: loading takes a fraction of a second.
func Load() (*Tagger, error) {
	t, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("tagger: embedded model: %w", err)
	}
	return t, nil
}

// Tag returns the UPOS and XPOS tag of each word. Words are tokens as
// written (e.g. "Moscow", "n't", "."); an empty sentence gives empty slices.
func (t *Tagger) Tag(words []string) (upos, xpos []string) {
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	if len(words) == 0 {
		return upos, xpos
	}
	s := t.getScratch()
	tags := t.tagIDs(s, words)
	for i, c := range tags {
		upos[i], xpos[i] = t.upos[c], t.xpos[c]
	}
	t.pool.Put(s)
	return upos, xpos
}

// Classes returns the "UPOS XPOS" pairs the model can predict, in class
// order.
func (t *Tagger) Classes() []string {
	out := make([]string, len(t.upos))
	for i := range t.upos {
		out[i] = t.upos[i] + " " + t.xpos[i]
	}
	return out
}

// TwoPass reports whether the model re-tags with right-context tags.
func (t *Tagger) TwoPass() bool { return t.pass2 != nil }

// Digest identifies the trained weights, dictionaries and lemma rules; two
// trainings on the same data with the same options give the same digest.
func (t *Tagger) Digest() string {
	var b bytes.Buffer
	if err := t.writeMeta(&b, nil); err != nil {
		return "error: " + err.Error()
	}
	d := perceptron.Hash(1, b.String(), t.pass1.Digest())
	if t.pass2 != nil {
		d = perceptron.Hash(d, t.pass2.Digest())
	}
	return fmt.Sprintf("%016x", d)
}

func (t *Tagger) getScratch() *scratch {
	if s, ok := t.pool.Get().(*scratch); ok {
		return s
	}
	// Room for 256 classes lets perceptron.Flat add without bounds checks.
	return &scratch{scores: make([]float32, len(t.upos), max(len(t.upos), 256))}
}

// prepare fills s.ws (with padding) and s.static for words.
func (t *Tagger) prepare(s *scratch, words []string) {
	n := len(words)
	s.ws = s.ws[:0]
	s.ws = append(s.ws, padInfo(padStart), padInfo(padStart))
	for i, w := range words {
		s.ws = append(s.ws, wordInfo{})
		s.buf = describe(&s.ws[len(s.ws)-1], w, i == 0, s.buf, t.lex)
	}
	s.ws = append(s.ws, padInfo(padEnd), padInfo(padEnd))
	s.static = s.static[:0]
	for i := 0; i < n; i++ {
		s.static = staticFeatures(s.static, s.ws, i+pad, t.feats)
	}
}

// tagIDs returns the class of each word (a slice owned by s).
func (t *Tagger) tagIDs(s *scratch, words []string) []int {
	t.prepare(s, words)
	nc := len(t.upos)
	if t.pass2 == nil {
		t.staticScores(s, words, t.flat1)
		s.tags1 = t.decode(s, words, t.flat1, 0, nc, nil, s.tags1)
		return s.tags1
	}
	// One lookup per static feature gives its weights in both passes
	// (classes [0,nc) of the merged table are pass one's, [nc,2nc) pass
	// two's); each pass then only adds its tag features.
	t.staticScores(s, words, t.merged)
	s.tags1 = t.decode(s, words, t.flat1, 0, 2*nc, nil, s.tags1)
	s.tags = t.decode(s, words, t.flat2, nc, 2*nc, s.tags1, s.tags)
	return s.tags
}

// staticScores fills s.sscores with the scores of each word's static
// features under f (f.NClasses per word); dictionary words are skipped.
func (t *Tagger) staticScores(s *scratch, words []string, f *perceptron.Flat) {
	stride, k := f.NClasses, t.nStatic()
	// 256 floats of room after the last row: every row then has the
	// capacity that spares perceptron.Flat its bounds checks.
	if need := len(words) * stride; cap(s.sscores) < need+256 {
		s.sscores = make([]float32, need, need+256)
	} else {
		s.sscores = s.sscores[:need]
	}
	for i, w := range words {
		if _, ok := t.dict[w]; ok {
			continue
		}
		f.Scores(s.static[i*k:(i+1)*k], s.sscores[i*stride:(i+1)*stride])
	}
	if t.feats.groups&gLook != 0 {
		nc := len(t.upos)
		s.look = s.look[:0]
		for i, w := range words {
			if c, ok := t.dict[w]; ok {
				s.look = append(s.look, int(c))
				continue
			}
			s.look = append(s.look, perceptron.Best(s.sscores[i*stride:i*stride+nc], nil))
		}
	}
}

// decode tags words greedily left to right: each word's score starts
// from its static scores (s.sscores at offset off of a stride-wide row)
// and adds the weights in tf of its tag features. right holds the first
// pass's tags for a second pass, nil for the first.
func (t *Tagger) decode(s *scratch, words []string, tf *perceptron.Flat, off, stride int, right []int, out []int) []int {
	nc := len(t.upos)
	out = out[:0]
	for i := range words {
		if c, ok := t.dict[words[i]]; ok {
			out = append(out, int(c))
			continue
		}
		copy(s.scores, s.sscores[i*stride+off:i*stride+off+nc])
		s.feats = t.tagFeatures(s.feats[:0], s, i, out, right)
		tf.Add(s.feats, s.scores)
		c := perceptron.Best(s.scores, nil)
		switch u := t.upos[c]; {
		case u != "PUNCT" && u != "SYM" && dashOrBracket(words[i]):
			c = perceptron.Best(s.scores, t.punct)
		case u == "AUX" && !isAuxForm(words[i], s):
			c = perceptron.Best(s.scores, t.notAux)
		}
		out = append(out, c)
	}
	return out
}

// auxForms are the word forms English auxiliaries take, with the
// contractions and the common misspellings of web text (the forms UD
// English EWT's training set tags AUX more than once). A word outside
// the list is never an auxiliary: sentence-initial "Beijing" read as
// "being" made "Beijing responded" a passive with no subject.
var auxForms = map[string]bool{
	"be": true, "am": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true,
	"'s": true, "’s": true, "`s": true, "s": true, "'m": true, "’m": true, "m": true, "'re": true, "’re": true, "re": true, "r": true, "ar": true, "art": true,
	"have": true, "has": true, "had": true, "having": true, "'ve": true, "’ve": true, "ve": true, "hav": true, "'d": true, "’d": true, "d": true,
	"do": true, "does": true, "did": true, "du": true,
	"will": true, "would": true, "'ll": true, "’ll": true, "ll": true, "wo": true, "woud": true, "wud": true, "wilt": true, "wil": true,
	"shall": true, "should": true, "can": true, "ca": true, "could": true, "may": true, "might": true, "must": true, "ought": true, "ai": true,
	"get": true, "gets": true, "got": true, "getting": true, "gotten": true,
}

// dashOrBracket reports whether w is made of dashes and brackets alone
// ("―", "--", "(", "]").
func dashOrBracket(w string) bool {
	for _, r := range w {
		if !unicode.In(r, unicode.Pd, unicode.Ps, unicode.Pe) {
			return false
		}
	}
	return w != ""
}

// isAuxForm reports whether w, in any case, is an auxiliary's form.
func isAuxForm(w string, s *scratch) bool {
	if auxForms[w] {
		return true
	}
	s.buf = appendLower(s.buf[:0], w)
	return auxForms[string(s.buf)]
}

// features appends all features of word i (static and tag features).
func (t *Tagger) features(dst []uint64, s *scratch, i int, left, right []int) []uint64 {
	k := t.nStatic()
	dst = append(dst, s.static[i*k:(i+1)*k]...)
	return t.tagFeatures(dst, s, i, left, right)
}

// tagFeatures appends the features of word i built on the tags so far
// (left) and, in a second pass, the first pass's tags (right).
func (t *Tagger) tagFeatures(dst []uint64, s *scratch, i int, left, right []int) []uint64 {
	t1, t2 := tagStart, tagStart
	if i >= 1 {
		t1 = left[i-1]
	}
	if i >= 2 {
		t2 = left[i-2]
	}
	uc := t.feats.clusters
	dst = leftTagFeatures(dst, s.ws, i+pad, t1, t2, uc)
	if t.feats.groups&gLook != 0 {
		l1, l2 := tagEnd, tagEnd
		if i+1 < len(s.look) {
			l1 = s.look[i+1]
		}
		if i+2 < len(s.look) {
			l2 = s.look[i+2]
		}
		dst = lookFeatures(dst, s.ws, i+pad, t1, l1, l2)
	}
	if right != nil {
		r1, r2 := tagEnd, tagEnd
		if i+1 < len(right) {
			r1 = right[i+1]
		}
		if i+2 < len(right) {
			r2 = right[i+2]
		}
		dst = rightTagFeatures(dst, s.ws, i+pad, t1, r1, r2, uc)
	}
	return dst
}

// meta is everything in a model file except the perceptron weights.
type meta struct {
	Version  int             `json:"version"`
	Features int             `json:"features"`           // featureSet the weights were trained with
	Classes  [][2]string     `json:"classes"`            // UPOS, XPOS
	Dict     []dictEntry     `json:"dict"`               // sorted by word
	Clusters []clusterEntry  `json:"clusters,omitempty"` // sorted by word
	Amb      []ambEntry      `json:"amb,omitempty"`      // sorted by word
	Lexicon  []lexEntry      `json:"lexicon,omitempty"`  // sorted by word
	Lemma    *lemmatizerData `json:"lemma"`
	// Groups are the optional feature groups the weights use (gLook).
	Groups uint32 `json:"groups,omitempty"`
	// Sizes are the byte lengths of the gzip-compressed perceptron models
	// that follow the metadata: pass one and, if two-pass, pass two.
	Sizes []int `json:"sizes"`
}

type dictEntry struct {
	Word  string `json:"w"`
	Class int32  `json:"c"`
}

type clusterEntry struct {
	Word    string `json:"w"`
	Cluster uint32 `json:"c"`
}

// ambEntry is a word's ambiguity class: bit i set when the word was seen
// with UPOS tag number i of ambTags.
type ambEntry struct {
	Word string `json:"w"`
	Mask uint32 `json:"m"`
}

const formatVersion = 1

// featureSet numbers the feature extraction code; bump it whenever
// features change so that stale models are refused instead of mis-tagging.
const featureSet = 2

// writeMeta writes the metadata as JSON with the given weight sizes; it
// never modifies t, so writing and Digest are safe while tagging.
func (t *Tagger) writeMeta(w io.Writer, sizes []int) error {
	m := t.meta
	m.Sizes = sizes
	return json.NewEncoder(w).Encode(&m)
}

// WriteTo writes the model: a gzip member holding the metadata (classes,
// tag dictionary, clusters, lemma rules, as JSON) followed by the gzip
// models of the perceptron passes. The same model always gives the same
// bytes.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var models []bytes.Buffer
	for _, m := range []*perceptron.Model{t.pass1, t.pass2} {
		if m == nil {
			continue
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			return 0, fmt.Errorf("tagger: writing weights: %w", err)
		}
		models = append(models, b)
	}
	var sizes []int
	for _, b := range models {
		sizes = append(sizes, b.Len())
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if err := t.writeMeta(zw, sizes); err != nil {
		return cw.n, fmt.Errorf("tagger: writing metadata: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("tagger: writing metadata: %w", err)
	}
	for _, b := range models {
		if _, err := cw.Write(b.Bytes()); err != nil {
			return cw.n, fmt.Errorf("tagger: writing weights: %w", err)
		}
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read loads a model written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	br := bufio.NewReader(r)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("tagger: model does not start with a gzip member: %w", err)
	}
	// Stop at the end of the metadata member: the weights follow it.
	zr.Multistream(false)
	var m meta
	if err := json.NewDecoder(zr).Decode(&m); err != nil {
		return nil, fmt.Errorf("tagger: model metadata: %w", err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return nil, fmt.Errorf("tagger: model metadata: %w", err)
	}
	if m.Version != formatVersion {
		return nil, fmt.Errorf("tagger: model format version %d, this program reads version %d", m.Version, formatVersion)
	}
	if m.Features != featureSet {
		return nil, fmt.Errorf("tagger: model was trained with feature set %d, this program computes feature set %d: retrain it with 'dateline train pos'", m.Features, featureSet)
	}
	if len(m.Classes) == 0 || len(m.Sizes) < 1 || len(m.Sizes) > 2 || m.Lemma == nil {
		return nil, errors.New("tagger: model metadata is incomplete (no classes, weights or lemma rules)")
	}
	var models []*perceptron.Model
	for i, n := range m.Sizes {
		pm, err := perceptron.Read(io.LimitReader(br, int64(n)))
		if err != nil {
			return nil, fmt.Errorf("tagger: weights of pass %d: %w", i+1, err)
		}
		if pm.NClasses != len(m.Classes) {
			return nil, fmt.Errorf("tagger: weights of pass %d have %d classes, metadata %d", i+1, pm.NClasses, len(m.Classes))
		}
		models = append(models, pm)
	}
	t, err := fromMeta(m)
	if err != nil {
		return nil, err
	}
	if err := t.setModels(models[0], models[1:]...); err != nil {
		return nil, err
	}
	return t, nil
}

// setModels installs the trained passes and builds their scoring tables.
func (t *Tagger) setModels(pass1 *perceptron.Model, pass2 ...*perceptron.Model) error {
	t.pass1, t.flat1 = pass1, pass1.Flat()
	t.pass2, t.flat2, t.merged = nil, nil, nil
	if len(pass2) > 0 && pass2[0] != nil {
		t.pass2, t.flat2 = pass2[0], pass2[0].Flat()
		m, err := perceptron.Merge(pass1, pass2[0])
		if err != nil {
			return fmt.Errorf("tagger: %w", err)
		}
		t.merged = m
	}
	return nil
}

// fromMeta builds the lookup tables of a Tagger from its metadata.
func fromMeta(m meta) (*Tagger, error) {
	t := &Tagger{meta: m, dict: make(map[string]int32, len(m.Dict))}
	for _, c := range m.Classes {
		t.upos = append(t.upos, c[0])
		t.xpos = append(t.xpos, c[1])
	}
	for _, e := range m.Dict {
		if e.Class < 0 || int(e.Class) >= len(m.Classes) {
			return nil, fmt.Errorf("tagger: dictionary word %q has class %d of %d", e.Word, e.Class, len(m.Classes))
		}
		t.dict[e.Word] = e.Class
	}
	t.lex = make(map[uint64]lexInfo, max(len(m.Clusters), len(m.Amb), len(m.Lexicon)))
	var buf []byte
	for _, e := range m.Clusters {
		buf = appendLower(buf[:0], e.Word)
		h := hashBytes(buf)
		x := t.lex[h]
		x.cluster = e.Cluster + 1
		t.lex[h] = x
	}
	for _, e := range m.Amb {
		buf = appendLower(buf[:0], e.Word)
		h := hashBytes(buf)
		x := t.lex[h]
		x.amb = e.Mask
		t.lex[h] = x
	}
	for _, e := range m.Lexicon {
		buf = appendLower(buf[:0], e.Word)
		h := hashBytes(buf)
		x := t.lex[h]
		x.caps, x.ext = uint32(e.Caps), e.Ext
		t.lex[h] = x
	}
	t.feats = featureFlags{clusters: len(m.Clusters) > 0, amb: len(m.Amb) > 0, lexicon: len(m.Lexicon) > 0, groups: m.Groups}
	lem, err := newLemmatizer(m.Lemma)
	if err != nil {
		return nil, err
	}
	t.lem = lem
	t.notAux = make([]bool, len(t.upos))
	t.punct = make([]bool, len(t.upos))
	for c, u := range t.upos {
		t.notAux[c] = u != "AUX"
		t.punct[c] = u == "PUNCT" || u == "SYM"
	}
	return t, nil
}

// Lemma returns the dictionary form of word tagged upos/xpos: "visited"
// VERB VBD -> "visit", "mice" NOUN NNS -> "mouse", "Americans" PROPN NNPS
// -> "American". Lemmas of proper nouns keep their case; others are lower
// case, as in the UD English treebanks.
func (t *Tagger) Lemma(word, upos, xpos string) string {
	return t.lem.lemma(word, upos, xpos)
}

// Lemmas is Lemma over a tagged sentence.
func (t *Tagger) Lemmas(words, upos, xpos []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		var u, x string
		if i < len(upos) {
			u = upos[i]
		}
		if i < len(xpos) {
			x = xpos[i]
		}
		out[i] = t.lem.lemma(w, u, x)
	}
	return out
}

// className is how a class is written in messages.
func className(upos, xpos string) string { return strings.Join([]string{upos, xpos}, "|") }
