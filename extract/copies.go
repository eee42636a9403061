package extract

// Wire copies
//
// A wire story goes out to many outlets, and each republishes the same
// text with a line of its own before or after it: a source line, a
// copyright notice, "Republished with permission". Extracting such a copy
// finds again what the first one gave, shifted by what was put before it.
// With a copy cache (Options.CopyCache), Pipeline.Records keeps the records
// of the articles it extracted lately and, for an article that holds one
// of them whole, takes those records (shifted, and renamed for the new
// article by finalIDs) instead of extracting again.
//
// It does so only when the result is the one extraction would give:
//   - the earlier text appears whole and unchanged, and what is added
//     stands in paragraphs (lines) of its own, before or after it;
//   - what is added is short (maxAdded bytes) and inert: on its own it
//     yields no record at all and holds no name, proper noun or pronoun
//     (which could join an entity of the body or change how the body's
//     names are read);
//   - the publication date and the dateline are the same (relative times
//     and places resolve against them).
//
// Anything else (an edited sentence, a new paragraph that names someone,
// a different date) is extracted afresh. Options.CheckCopies extracts the
// reused copies afresh as well and counts those whose records differ: the
// test of the rule, which docs/PERFORMANCE.md reports.

import (
	"hash/maphash"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"dateline/article"
	"dateline/nlp"
	"dateline/nlp/ner"
	"dateline/record"
)

const (
	// maxAdded is the most text a copy may add to the earlier article.
	maxAdded = 1024
	// anchorLen is the length of the opening that indexes a cached text.
	anchorLen = 64
	// minCopyText is the shortest cached text: shorter ones are not worth
	// the bookkeeping.
	minCopyText = 256
)

// copyCache holds the records of recently extracted articles, indexed by
// the opening anchorLen bytes of their text, and evicts the oldest when
// their estimated size passes max bytes.
type copyCache struct {
	mu     sync.Mutex
	seed   maphash.Seed
	max    int
	size   int
	byHead map[uint64][]*copyEntry
	// inertMemo remembers which added lines are inert (see inertPart).
	inertMemo map[inertKey]inertPart
	fifo      []*copyEntry
	check     bool

	reused, differing atomic.Int64
}

type copyEntry struct {
	text, published, dateline string
	head                      uint64
	res                       record.Result
	size                      int
	recordsEnd                int       // where the last evidence ends
	ents                      []entSpan // the recogniser's entities

	wordsOnce sync.Once
	words     [][]string // the words of each sentence of text, once asked for
	sentEnds  []int      // and where each sentence ends

	kept atomic.Pointer[kept] // see Shared.Keep
}

// bodyWords returns the words of the sentences of e's text before byte
// body, which ends a line (sentences never cross one).
func (e *copyEntry) bodyWords(body int) [][]string {
	e.wordsOnce.Do(func() {
		doc := nlp.NewDoc(e.text)
		e.words = sentenceWords(doc)
		for _, st := range doc.Sents {
			e.sentEnds = append(e.sentEnds, st.EndByte)
		}
	})
	n := 0
	for n < len(e.sentEnds) && e.sentEnds[n] <= body {
		n++
	}
	return e.words[:n]
}

// entSpan is an entity span of a cached text, in bytes.
type entSpan struct {
	start, end int
	label      string
}

func newCopyCache(maxBytes int, check bool) *copyCache {
	return &copyCache{seed: maphash.MakeSeed(), max: maxBytes, byHead: map[uint64][]*copyEntry{}, inertMemo: map[inertKey]inertPart{}, check: check}
}

// Records returns the records of a, as Extract does, without the Doc. With
// a copy cache it reuses the records of an earlier article that a is a
// wire copy of (see copyCache) and remembers a's records otherwise.
func (p *Pipeline) Records(a article.Article) record.Result {
	r, _ := p.RecordsShared(a)
	return r
}

// RecordsShared is Records, and tells where the records came from (nil
// when from no cached article): a caller that derives something of its
// own from records (the store's JSON of them) can keep it with a freshly
// extracted article's records (Shared.Keep) and take it for a later wire
// copy that took those records (Shared.Kept).
func (p *Pipeline) RecordsShared(a article.Article) (record.Result, *Shared) {
	c := p.copies
	if c == nil {
		_, r := p.Extract(a)
		return r, nil
	}
	if r, sh, ok := c.reuse(p, a); ok {
		return r, sh
	}
	doc, r := p.Extract(a)
	e := c.add(a, doc, r)
	if e == nil {
		return r, nil
	}
	return r, &Shared{e: e}
}

// Shared links records RecordsShared returned to the cached article they
// belong to: the article itself, when it was extracted afresh and cached,
// or the earlier article a wire copy took them from.
type Shared struct {
	e *copyEntry
	// renamed is set for a copy whose records are the cached article's
	// with only their IDs (and the references to them) changed for the
	// copy: no text was added before the cached one, so no offset or
	// sentence number moved.
	renamed, copy bool
}

// Keep keeps v with the records of a freshly extracted article, for its
// later copies; on a copy's Shared (or nil) it does nothing. v must not
// change afterwards.
func (s *Shared) Keep(v any) {
	if s == nil || s.copy {
		return
	}
	s.e.kept.Store(&kept{v})
}

// Kept returns what was kept (Keep) with the records a copy took, when the
// copy's records are those records renamed (see store.Put.EncodeFrom), and
// nil otherwise: for an article extracted afresh, for a copy with text
// added before the earlier one, or before the earlier one's Keep.
func (s *Shared) Kept() any {
	if s == nil || !s.renamed {
		return nil
	}
	if k := s.e.kept.Load(); k != nil {
		return k.v
	}
	return nil
}

type kept struct{ v any }

// CopyStats reports how many articles Records took from an earlier copy's
// records and, with Options.CheckCopies, how many of those differ from a
// fresh extraction (which Records then returns).
func (p *Pipeline) CopyStats() (reused, differing int64) {
	if p.copies == nil {
		return 0, 0
	}
	return p.copies.reused.Load(), p.copies.differing.Load()
}

// add remembers the records of a freshly extracted article, and returns
// its entry (nil when it is not cached).
func (c *copyCache) add(a article.Article, doc *nlp.Doc, r record.Result) *copyEntry {
	if len(a.Text) < minCopyText {
		return nil
	}
	e := &copyEntry{text: a.Text, published: a.Published, dateline: a.DatelinePlace,
		head: maphash.String(c.seed, a.Text[:anchorLen]), res: r, size: resultSize(a.Text, &r)}
	r.EachEvidence(func(ev *record.Evidence) { e.recordsEnd = max(e.recordsEnd, ev.End) })
	if doc != nil {
		e.ents = make([]entSpan, len(doc.Ents))
		for i, sp := range doc.Ents {
			e.ents[i] = entSpan{sp.StartByte, sp.EndByte, sp.Label}
		}
	}
	if e.size > c.max {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byHead[e.head] = append(c.byHead[e.head], e)
	c.fifo = append(c.fifo, e)
	c.size += e.size
	for c.size > c.max && len(c.fifo) > 0 {
		old := c.fifo[0]
		c.fifo[0] = nil
		c.fifo = c.fifo[1:]
		c.size -= old.size
		list := c.byHead[old.head]
		for i, x := range list {
			if x == old {
				list = append(list[:i:i], list[i+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(c.byHead, old.head)
		} else {
			c.byHead[old.head] = list
		}
	}
	return e
}

// resultSize estimates the memory an entry holds: its text and a few
// hundred bytes a record.
func resultSize(text string, r *record.Result) int {
	n := len(r.Places) + len(r.Times) + len(r.Quotes) + len(r.Claims) + 2*len(r.Events)
	for i := range r.Entities {
		n += 1 + len(r.Entities[i].Mentions)
	}
	return 3*len(text) + 256*n // the text, and its words once a copy asks for them
}

// reuse returns a's records from a cached article a is a copy of.
func (c *copyCache) reuse(p *Pipeline, a article.Article) (record.Result, *Shared, bool) {
	text := a.Text
	if len(text) < minCopyText {
		return record.Result{}, nil, false
	}
	// The shared body starts at the start of a line within maxAdded bytes.
	for at := 0; at <= maxAdded && at+anchorLen <= len(text); {
		if m, ok := c.find(text, at, a); ok {
			r, sh, ok := c.take(p, a, m)
			return r, sh, ok
		}
		nl := strings.IndexByte(text[at:], '\n')
		if nl < 0 {
			break
		}
		at += nl + 1
	}
	return record.Result{}, nil, false
}

// copyMatch is a cached article whose first body bytes are the bytes of the
// new text from at.
type copyMatch struct {
	e        *copyEntry
	at, body int
}

// find returns the newest cached article that shares a body with text
// from byte at: a whole number of lines, long enough, holding all the
// cached article's records, with at most maxAdded bytes around it in
// either text.
func (c *copyCache) find(text string, at int, a article.Article) (copyMatch, bool) {
	if at > 0 && !lineBreakAt(text, at) {
		return copyMatch{}, false
	}
	h := maphash.String(c.seed, text[at:at+anchorLen])
	c.mu.Lock()
	list := c.byHead[h]
	c.mu.Unlock()
	rest := text[at:]
	for i := len(list) - 1; i >= 0; i-- {
		e := list[i]
		if e.published != a.Published || e.dateline != a.DatelinePlace {
			continue
		}
		n := commonPrefix(rest, e.text)
		if !(n == len(e.text) || lineBreakAt(e.text, n)) || !(n == len(rest) || lineBreakAt(rest, n)) {
			// the texts part in mid-line: the body ends with the line before
			n = strings.LastIndexByte(e.text[:n], '\n')
		}
		if n < minCopyText || n < e.recordsEnd || len(e.text)-n > maxAdded || len(text)-n > maxAdded {
			continue
		}
		return copyMatch{e: e, at: at, body: n}, true
	}
	return copyMatch{}, false
}

// take returns the records of m's cached article for a, when what either
// text holds beside the shared body is inert.
func (c *copyCache) take(p *Pipeline, a article.Article, m copyMatch) (record.Result, *Shared, bool) {
	text := a.Text
	before, after := text[:m.at], text[m.at+m.body:]
	sentences, added, ok := p.inert(a, before, after)
	if !ok {
		return record.Result{}, nil, false
	}
	_, cachedAdded, ok := p.inert(a, "", m.e.text[m.body:])
	if !ok {
		return record.Result{}, nil, false
	}
	if len(added)+len(cachedAdded) > 0 {
		body := m.e.bodyWords(m.body)
		// Words the body shares with the added lines may change how the
		// recogniser reads the body's names: then the records stand only
		// if it reads them as before.
		if (!ner.Neutral(body, added) || !ner.Neutral(body, cachedAdded)) && !p.sameEntities(text, m) {
			return record.Result{}, nil, false
		}
	}
	r := m.e.res.Clone()
	r.EachEvidence(func(ev *record.Evidence) {
		ev.ArticleID = a.ID
		ev.Start += m.at
		ev.End += m.at
		ev.Sentence += sentences
	})
	finalIDs(&r, a.ID)
	c.reused.Add(1)
	if c.check {
		if _, fresh := p.Extract(a); !reflect.DeepEqual(fresh, r) {
			c.differing.Add(1)
			slog.Warn("a reused wire copy differs from its fresh extraction; the fresh records are kept",
				"article", a.ID, "input", a.Input, "records", firstDifference(&fresh, &r))
			return fresh, nil, true
		}
	}
	return r, &Shared{e: m.e, copy: true, renamed: m.at == 0 && sentences == 0}, true
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// inert reports whether the text a copy adds before and after the earlier
// article is inert on its own (see copyCache), how many sentences it puts
// before the earlier text, and the words of its sentences.
func (p *Pipeline) inert(a article.Article, before, after string) (sentences int, words [][]string, ok bool) {
	for i, part := range []string{before, after} {
		if strings.TrimSpace(part) == "" {
			continue
		}
		v := p.inertPart(a, part)
		if !v.ok {
			return 0, nil, false
		}
		if i == 0 {
			sentences = v.sentences
		}
		words = append(words, v.words...)
	}
	return sentences, words, true
}

// inertKey and inertPart memoise inertness: the same lines (an outlet's
// notice) close many copies.
type inertKey struct{ text, published, dateline string }

type inertPart struct {
	sentences int
	words     [][]string
	ok        bool
}

// maxInertMemo bounds the memo of inertPart; it starts again when full.
const maxInertMemo = 4096

// inertPart reports whether part, added to a copy of an earlier article,
// is inert on its own: no quotation mark, entity, proper noun or pronoun,
// and no record when extracted alone.
func (p *Pipeline) inertPart(a article.Article, part string) inertPart {
	c := p.copies
	k := inertKey{part, a.Published, a.DatelinePlace}
	c.mu.Lock()
	v, ok := c.inertMemo[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = p.inertFresh(a, part)
	c.mu.Lock()
	if len(c.inertMemo) >= maxInertMemo {
		clear(c.inertMemo)
	}
	c.inertMemo[inertKey{strings.Clone(part), a.Published, a.DatelinePlace}] = v
	c.mu.Unlock()
	return v
}

func (p *Pipeline) inertFresh(a article.Article, part string) inertPart {
	if strings.ContainsAny(part, "\"“”„«»‘’'`") {
		return inertPart{} // a quotation mark could pair with one of the body's
	}
	doc := p.ann.Annotate(part)
	if len(doc.Ents) > 0 {
		return inertPart{}
	}
	for _, t := range doc.Tokens {
		if t.POS == "PROPN" || t.POS == "PRON" {
			return inertPart{}
		}
	}
	alone := a
	alone.Text = part
	r := p.extractDoc(doc, alone)
	// The dateline's own place record comes with any text extracted with
	// the dateline; it is the article's, not the part's.
	places := r.Places[:0]
	for _, pl := range r.Places {
		if pl.Role != record.PlaceDateline {
			places = append(places, pl)
		}
	}
	r.Places = places
	if !emptyResult(&r) {
		return inertPart{}
	}
	words := sentenceWords(doc)
	for _, ws := range words {
		for i, w := range ws {
			ws[i] = strings.Clone(w) // not holding the copy's text
		}
	}
	return inertPart{sentences: len(doc.Sents), words: words, ok: true}
}

// sameEntities reports whether the entity recogniser, run over the whole
// of text, finds exactly the cached article's entities in the shared body
// and none beside it.
func (p *Pipeline) sameEntities(text string, m copyMatch) bool {
	rec, ok := p.ann.(interface{ Entities(string) *nlp.Doc })
	if !ok {
		return false
	}
	doc := rec.Entities(text)
	if len(doc.Ents) != len(m.e.ents) {
		return false
	}
	for i, sp := range doc.Ents {
		want := m.e.ents[i]
		if sp.StartByte-m.at != want.start || sp.EndByte-m.at != want.end || sp.Label != want.label || want.end > m.body {
			return false
		}
	}
	return true
}

func emptyResult(r *record.Result) bool {
	return len(r.Entities)+len(r.Places)+len(r.Times)+len(r.Quotes)+len(r.Claims)+len(r.Events) == 0
}

// lineBreakAt reports whether the whitespace around byte i of text holds a
// line break, which ends a sentence and a paragraph (readers keep one line
// a paragraph), so that i lies between paragraphs.
func lineBreakAt(text string, i int) bool {
	lo, hi := i, i
	for lo > 0 && isBlank(text[lo-1]) {
		lo--
	}
	for hi < len(text) && isBlank(text[hi]) {
		hi++
	}
	return strings.Contains(text[lo:hi], "\n")
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// firstDifference names the first kind of record where a and b differ.
func firstDifference(a, b *record.Result) string {
	switch {
	case !reflect.DeepEqual(a.Entities, b.Entities):
		return "entities"
	case !reflect.DeepEqual(a.Places, b.Places):
		return "places"
	case !reflect.DeepEqual(a.Times, b.Times):
		return "times"
	case !reflect.DeepEqual(a.Quotes, b.Quotes):
		return "quotes"
	case !reflect.DeepEqual(a.Claims, b.Claims):
		return "claims"
	case !reflect.DeepEqual(a.Events, b.Events):
		return "events"
	}
	return "version"
}

// sentenceWords is the words of each sentence of doc.
func sentenceWords(doc *nlp.Doc) [][]string {
	out := make([][]string, len(doc.Sents))
	for si, st := range doc.Sents {
		ws := make([]string, 0, st.End-st.Start)
		for _, t := range doc.Tokens[st.Start:st.End] {
			ws = append(ws, t.Text)
		}
		out[si] = ws
	}
	return out
}
