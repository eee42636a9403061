// Package ner is dateline's named-entity recogniser: it tags tokens with
// IOB2 entity tags of the CoNLL-2003 types PER, ORG, LOC and MISC.
//
// The model is a greedy left-to-right averaged perceptron over BILOU tags
// (package perceptron) with the features of Ratinov & Roth (2009) minus
// external resources: the word, its shape, affixes and neighbours,
// distributional word clusters computed from unlabelled news text, a
// gazetteer built from the training entities plus small hand lists, the
// casing of the same word elsewhere in the document (for capitals-only
// headlines), the words around the word's other mentions in the document
// (context aggregation) and the titles, first names and company suffixes
// in their runs of capitalised words, the gazetteer types of those
// mentions, the labels given to its earlier mentions
// (prediction history) and the tags already predicted to the left.
//
// Tagging runs in two passes over a whole document. The second pass sees
// the first pass's labels of every other mention of a word in the
// document: names are usually introduced in full and unambiguous context
// once, then repeated in short form. Use RecognizeDocument when sentences
// come from one text; Recognize tags one sentence alone.
//
// Two policies sit on top of the model. Lower-case function words ("of",
// "the") may continue an entity but never begin one. Seats of power used
// for the institution inside ("the Kremlin said", "the White House")
// are ORG, where CoNLL-2003 tags them LOC: dateline wants the actor.
//
// A Recognizer is read-only once built, so one value may serve any number
// of goroutines.
package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"

	"dateline/nlp/perceptron"
)

//go:embed model/ner.gz
var embeddedModel []byte

// Recognizer tags entities. Build one with Load, ReadModel or Train.
type Recognizer struct {
	lex *lexicon
	// pass1 tags from sentence-local and casing features; pass2, when
	// present, adds the document-level features computed from pass1.
	pass1, pass2 *perceptron.Model
	// flat holds pass1's weights as classes [0, nClasses) and pass2's
	// as [nClasses, 2*nClasses): one lookup per static feature serves
	// both passes.
	flat   *perceptron.Flat
	passes int
	pool   sync.Pool // *scratch
}

// scorer is what decode needs from a model: *perceptron.Model while
// training, *perceptron.Flat when tagging.
type scorer interface {
	Scores(feats []uint64, scores []float32)
}

// compile prepares the fast scoring tables once the weights are final.
func (r *Recognizer) compile() {
	if r.pass2 == nil {
		r.flat, r.passes = r.pass1.Flat(), 1
		return
	}
	var err error
	if r.flat, err = perceptron.Merge(r.pass1, r.pass2); err != nil {
		panic("ner: " + err.Error()) // both passes are checked to have nClasses
	}
	r.passes = 2
}

// partScorer scores with one pass's class range of a merged table.
type partScorer struct {
	flat *perceptron.Flat
	off  int
	buf  []float32
}

func (p *partScorer) Scores(feats []uint64, scores []float32) {
	clear(p.buf)
	p.flat.Add(feats, p.buf)
	copy(scores, p.buf[p.off:p.off+nClasses])
}

var (
	loadOnce sync.Once
	loaded   *Recognizer
	loadErr  error
)

// Load returns the recogniser embedded in the binary. The model is decoded
// once and shared, which is safe because a Recognizer is read-only.
func Load() (*Recognizer, error) {
	loadOnce.Do(func() {
		loaded, loadErr = ReadModel(bytes.NewReader(embeddedModel))
		if loadErr != nil {
			loadErr = fmt.Errorf("ner: embedded model: %w", loadErr)
		}
	})
	return loaded, loadErr
}

// LoadFile reads a model written by Save.
func LoadFile(path string) (*Recognizer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	r, err := ReadModel(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("ner: %s: %w", path, err)
	}
	return r, nil
}

// Recognize tags one sentence of words with IOB2 tags ("B-PER", "I-PER",
// "O", ...). It cannot use document-level evidence; prefer
// RecognizeDocument for the sentences of one text.
func (r *Recognizer) Recognize(words []string) []string {
	return r.RecognizeDocument([][]string{words})[0]
}

// RecognizeDocument tags all sentences of one document, letting each
// mention of a word profit from the others. The result has one tag slice
// per sentence, aligned with the words.
func (r *Recognizer) RecognizeDocument(sents [][]string) [][]string {
	return r.RecognizeDocumentCache(sents, nil)
}

// RecognizeDocumentCache is RecognizeDocument reusing, from c, the
// classes of sentences decoded before with exactly the same features and
// history (see Cache); the tags are those RecognizeDocument gives. A nil
// c decodes everything.
func (r *Recognizer) RecognizeDocumentCache(sents [][]string, c *Cache) [][]string {
	return r.RecognizeDocumentKeyed(sents, nil, c)
}

// RecognizeDocumentKeyed is RecognizeDocumentCache given the WordsKey of
// every sentence (nil: computed here), which a caller that also keys its
// own cache by them computes once.
func (r *Recognizer) RecognizeDocumentKeyed(sents [][]string, keys [][2]uint64, c *Cache) [][]string {
	sc := r.getScratch()
	defer r.pool.Put(sc)
	var memo *wordMemo
	if c != nil {
		memo = &c.memo
	}
	d := r.lex.prepareKeyed(&sc.doc, sents, keys, nil, memo)
	n, width := d.ntok(), r.passes*nClasses
	// static feature scores of every token for both passes at once,
	// computed per sentence when it is first decoded (a cached sentence
	// needs none)
	// (rows of unscored sentences are never read: no need to clear)
	// (256 floats of room after the last row: every row then has the
	// capacity that spares perceptron.Flat its bounds checks)
	if cap(sc.base) < n*width+256 {
		sc.base = make([]float32, n*width, n*width+256)
	}
	base := sc.base[:n*width]
	scored := make([]bool, len(d.sentStart)-1)
	scoreSent := func(si int) {
		if scored[si] {
			return
		}
		scored[si] = true
		if d.lazy {
			sc.sfeats, sc.soff = d.sentFeats(sc.sfeats[:0], sc.soff[:0], si)
			lo, start := d.sentStart[si], int32(0)
			for j, end := range sc.soff {
				i := lo + j
				r.flat.Scores(sc.sfeats[start:end], base[i*width:(i+1)*width])
				start = end
			}
			return
		}
		for i := d.sentStart[si]; i < d.sentStart[si+1]; i++ {
			r.flat.Scores(d.feats[d.featOff[i]:d.featOff[i+1]], base[i*width:(i+1)*width])
		}
	}
	ps := &partScorer{flat: r.flat, buf: make([]float32, width, max(width, 256))}
	run := func(pass uint64, extra []uint64, off []int32, classes []int) {
		history := make(wordHistory, d.nWords)
		for si := 0; si+1 < len(d.sentStart); si++ {
			lo, hi := d.sentStart[si], d.sentStart[si+1]
			var k sentHash
			if c != nil {
				k = sentenceKey(pass, d, extra, off, si, history)
				if c.get(k, classes[lo:hi]) {
					replayHistory(d, classes, si, history)
					continue
				}
			}
			scoreSent(si)
			decodeSent(ps, nil, d, extra, off, classes, nil, sc, base, width, int(pass-1)*nClasses, history, si)
			if c != nil {
				c.put(k, classes[lo:hi])
			}
		}
	}
	classes := make([]int, n)
	run(1, nil, nil, classes)
	if r.passes == 2 {
		sc.extra, sc.extraOff = secondPassInto(d, classes, sc.extra, sc.extraOff)
		extra, off := sc.extra, sc.extraOff
		pass1 := classes
		classes = make([]int, len(pass1))
		ps.off = nClasses
		run(2, extra, off, classes)
	}
	// d's tokens hold words of the document: not kept in the pool
	if d.lazy {
		clear(d.tokBuf[:d.ntok()])
	}
	out := make([][]string, len(sents))
	for si := range sents {
		out[si] = toIOB2(classes[d.sentStart[si]:d.sentStart[si+1]])
		retypeSeats(sents[si], out[si])
		r.trimArticle(sents[si], out[si])
		r.trimEdges(sents[si], out[si])
	}
	return out
}

// trimArticle drops a capitalised "The" that opens a longer entity at the
// start of a sentence ("The United Nations said") unless the gazetteer
// knows the whole name with its article ("The Hague"): sentence-initial
// capitals make the article look like part of the name, but names rarely
// include it.
func (r *Recognizer) trimArticle(words, tags []string) {
	for _, sp := range spans(tags) {
		if sp.end-sp.start < 2 || words[sp.start] != "The" {
			continue
		}
		if e := r.lex.gaz[seqKey(words[sp.start:sp.end])]; e != nil {
			continue
		}
		tags[sp.start] = "O"
		tags[sp.start+1] = "B-" + sp.typ
	}
}

// edgeWords open a sentence or a clause with a capital ("Since Mauritania
// joined", "Before Levy left") or date a name ("July FOMC meeting", "told
// CNBC Friday"); a span that starts or ends with one has taken in a word
// that is not part of the name. Keys are lower case.
var edgeWords = map[string]bool{
	"and": true, "but": true, "or": true, "if": true, "since": true, "before": true, "after": true,
	"instead": true, "when": true, "while": true, "as": true, "although": true, "though": true,
	"because": true, "unlike": true, "like": true, "despite": true, "meanwhile": true, "also": true,
	"then": true, "now": true, "so": true, "yet": true, "until": true, "once": true, "where": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// pronounWords are never an entity on their own.
var pronounWords = map[string]bool{
	"there": true, "here": true, "it": true, "this": true, "that": true, "these": true, "those": true,
	"they": true, "we": true, "he": true, "she": true, "you": true, "i": true, "our": true,
	"their": true, "his": true, "her": true, "its": true, "what": true, "who": true, "yes": true, "no": true,
}

// isPronounWord reports whether w lower-cased is one of pronounWords,
// lower-casing only words short enough to be one.
func isPronounWord(w string) bool {
	if len(w) > 5 { // the longest pronounWords have five letters
		ascii := true
		for i := 0; i < len(w); i++ {
			if w[i] >= 0x80 {
				ascii = false // lower-casing may shorten it
				break
			}
		}
		if ascii {
			return false
		}
	}
	return pronounWords[strings.ToLower(w)]
}

// trimEdges drops edgeWords from the ends of longer entities, and the
// numbers a person's name cannot end with ("J. Smith 63" in a results
// table), unless the gazetteer knows the whole span as a name.
func (r *Recognizer) trimEdges(words, tags []string) {
	for _, sp := range spans(tags) {
		s, e := sp.start, sp.end
		// Quotation marks are never part of a name (CoNLL-2003 does keep
		// brackets in some, "Alan John Percivale ( A.J.P. ) Taylor").
		for e-s >= 1 && isQuoteMark(words[s]) {
			s++
		}
		for e-s >= 1 && isQuoteMark(words[e-1]) {
			e--
		}
		if e-s >= 2 && r.lex.gaz[seqKey(words[s:e])] == nil {
			for e-s >= 2 && edgeWords[strings.ToLower(words[s])] {
				s++
			}
			for e-s >= 2 && (edgeWords[strings.ToLower(words[e-1])] || sp.typ == "PER" && hasDigit(words[e-1])) {
				e--
			}
		}
		if e-s == 1 && isPronounWord(words[s]) {
			// "There are no such concerns": a capitalised pronoun or
			// expletive is never a name.
			e = s
		}
		if s == sp.start && e == sp.end {
			continue
		}
		for i := sp.start; i < sp.end; i++ {
			switch {
			case i < s || i >= e:
				tags[i] = "O"
			case i == s:
				tags[i] = "B-" + sp.typ
			default:
				tags[i] = "I-" + sp.typ
			}
		}
	}
}

// isQuoteMark reports whether w is a quotation mark.
func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’", "``", "''", "«", "»":
		return true
	}
	return false
}

func hasDigit(w string) bool {
	for _, c := range w {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// seatsOfPower are buildings that news text uses for the institution
// inside ("the Kremlin said"). CoNLL-2003 tags them LOC; dateline wants
// the actor, so an entity that is exactly one of these is retyped ORG.
// Keys are lower case, words joined by one space.
var seatsOfPower = map[string]bool{
	"kremlin": true, "white house": true, "pentagon": true, "downing street": true,
	"elysee": true, "élysée": true, "elysee palace": true, "élysée palace": true,
	"quai d'orsay": true, "zhongnanhai": true, "blue house": true, "capitol hill": true,
	"foggy bottom": true, "whitehall": true,
}

// platforms are services news cites as where something was said or
// posted ("said on Telegram"); after "on" they look like places to the
// model, but they are companies.
var platforms = map[string]bool{
	"telegram": true, "twitter": true, "youtube": true, "whatsapp": true, "instagram": true,
	"tiktok": true, "weibo": true, "vkontakte": true, "facebook": true, "x.com": true,
}

// retypeSeats applies the seatsOfPower and platforms policies to one
// tagged sentence.
func retypeSeats(words, tags []string) {
	for _, sp := range spans(tags) {
		if sp.typ != "LOC" {
			continue
		}
		name := strings.ToLower(strings.Join(words[sp.start:sp.end], " "))
		if !seatsOfPower[name] && !platforms[name] {
			continue
		}
		tags[sp.start] = "B-ORG"
		for i := sp.start + 1; i < sp.end; i++ {
			tags[i] = "I-ORG"
		}
	}
}

// scratch is the per-call working memory of decode.
type scratch struct {
	feats  []uint64
	scores []float32
	doc    docFeats  // reused by RecognizeDocument
	base   []float32 // static scores, reused by RecognizeDocumentCache
	sfeats []uint64  // static features of one sentence (lazy documents)
	soff   []int32
	// second-pass features, reused by RecognizeDocumentCache
	extra    []uint64
	extraOff []int32
	// drop, when set in training, replaces the word identity of a
	// token with probability dropP (TrainOptions.WordDropout).
	drop  *rand.Rand
	dropP float64
}

func (r *Recognizer) getScratch() *scratch {
	if s, ok := r.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{scores: make([]float32, nClasses)}
}

// decode tags every sentence of d greedily, writing classes into out.
// extra/extraOff are the optional second-pass features. When gold is not
// nil, train (the model behind score) is trained on the way: perceptron
// update on each token, history from its own predictions as at test time.
//
// When base is not nil it holds the scores of every token's static
// features (stride values per token, this pass's classes starting at
// off), and score is only asked about the other features.
func decode(score scorer, train *perceptron.Model, d *docFeats, extra []uint64, extraOff []int32, out, gold []int, sc *scratch,
	base []float32, stride, off int) {
	if len(sc.scores) != nClasses {
		sc.scores = make([]float32, nClasses)
	}
	// history: entity types already given to earlier capitalised
	// occurrences of each word in this document (Ratinov & Roth's
	// "prediction history"); index 0 counts O.
	history := make(wordHistory, d.nWords)
	for si := 0; si+1 < len(d.sentStart); si++ {
		decodeSent(score, train, d, extra, extraOff, out, gold, sc, base, stride, off, history, si)
	}
}

// decodeSent tags sentence si of d greedily (see decode), reading and
// updating the prediction history.
func decodeSent(score scorer, train *perceptron.Model, d *docFeats, extra []uint64, extraOff []int32, out, gold []int, sc *scratch,
	base []float32, stride, off int, history wordHistory, si int) {
	if len(sc.scores) != nClasses {
		sc.scores = make([]float32, nClasses)
	}
	p1, p2 := nClasses, nClasses
	for i := d.sentStart[si]; i < d.sentStart[si+1]; i++ {
		f := sc.feats[:0]
		if base == nil {
			f = append(f, d.feats[d.featOff[i]:d.featOff[i+1]]...)
			if sc.drop != nil && gold != nil && sc.drop.Float64() < sc.dropP {
				// staticFeatures puts the word and the lower-case
				// word right after the bias
				f[1], f[2] = unkWord, unkLower
			}
		}
		if extra != nil {
			f = append(f, extra[extraOff[i]:extraOff[i+1]]...)
		}
		f = dynamicFeatures(f, d, i, p1, p2)
		var h *[nTypes + 1]int32
		if d.cap[i] {
			h = history[d.wordID[i]]
			if h != nil {
				best := 0
				for k := range h {
					if h[k] > h[best] {
						best = k
					}
				}
				f = append(f, f1(tHistory, uint64(best)), f2(tHistoryShort, uint64(best), d.short[i]))
			} else {
				h = &[nTypes + 1]int32{}
				history[d.wordID[i]] = h
			}
		}
		sc.feats = f
		score.Scores(f, sc.scores)
		if base != nil {
			row := base[i*stride+off : i*stride+off+nClasses]
			for c, v := range row {
				sc.scores[c] += v
			}
		}
		allowed := allowedAfter[p1]
		if d.noStart[i] {
			allowed = allowedInside[p1]
		}
		c := perceptron.Best(sc.scores, allowed)
		if gold != nil {
			train.Train(f, gold[i], c)
		}
		out[i] = c
		p2, p1 = p1, c
		if h != nil {
			h[classType(c)+1]++
		}
	}
}

const modelMagic = "DLNER3"

// Save writes the recogniser (lexicon and weights) as one gzip file.
func (r *Recognizer) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { n := binary.PutUvarint(buf[:], v); bw.Write(buf[:n]) }
	bw.WriteString(modelMagic)

	// Clusters, gazetteer counts and knowledge-base type bits: each a
	// table of keys, sorted and delta-coded, each key followed by its
	// values.
	table := func(keys []uint64, values func(k uint64)) {
		slices.Sort(keys)
		putU(uint64(len(keys)))
		var prev uint64
		for _, k := range keys {
			putU(k - prev)
			prev = k
			values(k)
		}
	}
	var keys []uint64
	for k := range r.lex.clusters {
		keys = append(keys, k)
	}
	table(keys, func(k uint64) {
		for _, c := range r.lex.clusters[k] {
			putU(uint64(c))
		}
	})
	keys = keys[:0]
	for k, e := range r.lex.gaz {
		if e.docs != [nTypes]uint16{} {
			keys = append(keys, k)
		}
	}
	table(keys, func(k uint64) {
		for _, c := range r.lex.gaz[k].docs {
			putU(uint64(c))
		}
	})
	keys = keys[:0]
	for k, e := range r.lex.gaz {
		if e.kb != 0 {
			keys = append(keys, k)
		}
	}
	table(keys, func(k uint64) { putU(uint64(r.lex.gaz[k].kb)) })
	for _, m := range []*perceptron.Model{r.pass1, r.pass2} {
		if m == nil {
			putU(0)
			continue
		}
		var mb bytes.Buffer
		if _, err := m.WriteTo(&mb); err != nil {
			return err
		}
		putU(uint64(mb.Len()))
		bw.Write(mb.Bytes())
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Digest identifies the weights and lexicon, to check that two trainings
// gave the same model.
func (r *Recognizer) Digest() string {
	d := r.pass1.Digest()
	if r.pass2 != nil {
		d += "-" + r.pass2.Digest()
	}
	return d
}

// ReadModel reads a model written by Save.
func ReadModel(rd io.Reader) (*Recognizer, error) {
	zr, err := gzip.NewReader(rd)
	if err != nil {
		return nil, fmt.Errorf("model is not gzip: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != modelMagic {
		return nil, errors.New("not a dateline NER model (bad magic)")
	}
	var rerr error
	getU := func() uint64 {
		v, e := binary.ReadUvarint(br)
		if e != nil && rerr == nil {
			rerr = e
		}
		return v
	}
	lx := newLexicon()
	n := getU()
	if n > 1<<24 {
		return nil, fmt.Errorf("corrupt model: %d cluster words", n)
	}
	var key uint64
	for i := uint64(0); i < n && rerr == nil; i++ {
		key += getU()
		var c [clusterLevels]uint16
		for l := range c {
			v := getU()
			if v > math.MaxUint16 {
				return nil, fmt.Errorf("corrupt model: cluster id %d of word %d", v, i)
			}
			c[l] = uint16(v)
		}
		lx.clusters[key] = c
	}
	n = getU()
	if n > 1<<24 {
		return nil, fmt.Errorf("corrupt model: %d gazetteer entries", n)
	}
	key = 0
	for i := uint64(0); i < n && rerr == nil; i++ {
		key += getU()
		e := lx.entry(key)
		for t := range e.docs {
			e.docs[t] = uint16(min(getU(), math.MaxUint16))
		}
	}
	n = getU()
	if n > 1<<24 {
		return nil, fmt.Errorf("corrupt model: %d knowledge-base names", n)
	}
	key = 0
	for i := uint64(0); i < n && rerr == nil; i++ {
		key += getU()
		bits := getU()
		if bits >= 1<<nTypes {
			return nil, fmt.Errorf("corrupt model: knowledge-base name %d has type bits %#x", i, bits)
		}
		lx.entry(key).kb = uint8(bits)
	}
	if rerr != nil {
		return nil, fmt.Errorf("truncated or corrupt model lexicon: %w", rerr)
	}
	r := &Recognizer{lex: lx}
	for k, dst := range []**perceptron.Model{&r.pass1, &r.pass2} {
		size := getU()
		if rerr != nil {
			return nil, fmt.Errorf("truncated model before pass %d weights: %w", k+1, rerr)
		}
		if size == 0 {
			continue
		}
		if size > 1<<31 {
			return nil, fmt.Errorf("corrupt model: pass %d weights of %d bytes", k+1, size)
		}
		raw := make([]byte, size)
		if _, err := io.ReadFull(br, raw); err != nil {
			return nil, fmt.Errorf("truncated model in pass %d weights: %w", k+1, err)
		}
		m, err := perceptron.Read(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("pass %d weights: %w", k+1, err)
		}
		if m.NClasses != nClasses {
			return nil, fmt.Errorf("pass %d weights have %d classes, want %d", k+1, m.NClasses, nClasses)
		}
		*dst = m
	}
	if r.pass1 == nil {
		return nil, errors.New("model has no weights")
	}
	r.compile()
	return r, nil
}
