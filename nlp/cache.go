package nlp

import (
	"strings"
	"sync"
	"sync/atomic"

	"dateline/nlp/ner"
)

// sentCache remembers the tagger's and parser's analysis of sentences by
// their words. Both are functions of the sentence alone, so a sentence
// seen before — the same wire story republished by many outlets, a
// boilerplate line — is analysed once and its result reused, with exactly
// the output a fresh analysis would give. (The entity recogniser reads
// the whole document, so it always runs.)
//
// The cache holds at most a fixed number of sentences; when full, the
// oldest entry of a shard is dropped. It is safe for concurrent use.
type sentCache struct {
	shards       [cacheShards]cacheShard
	perShard     int
	hits, misses atomic.Int64

	// Tag and relation names, interned: an entry stores one byte per
	// name instead of a string header.
	nameMu  sync.Mutex
	nameIdx map[string]uint8
	names   atomic.Pointer[[]string] // copied on append, read without a lock
}

const cacheShards = 32

type cacheShard struct {
	mu   sync.Mutex
	m    map[uint64]*cachedSent
	ring []uint64 // keys in insertion order, for eviction
	next int
}

// sentAnalysis is what the tagger, lemmatizer and parser gave a sentence.
type sentAnalysis struct {
	upos, xpos, lemmas []string
	heads              []int
	labels             []string
}

// cachedSent is a sentAnalysis as the cache keeps it, about 30 bytes a
// token. It holds no substring of an article (the words are known by a
// second hash; lemmas that differ from their word are copied): a cached
// sentence must not keep its whole article in memory.
type cachedSent struct {
	check  uint64   // second hash of the words, against collisions
	codes  []uint8  // per token: UPOS, XPOS and relation, interned
	heads  []int16  // -1 for the root
	lemmas []string // "" where the lemma is the word itself
}

func newSentCache(n int) *sentCache {
	c := &sentCache{perShard: max(1, (n+cacheShards-1)/cacheShards), nameIdx: map[string]uint8{}}
	for i := range c.shards {
		c.shards[i].m = make(map[uint64]*cachedSent)
	}
	c.names.Store(&[]string{})
	return c
}

// sentKey is the sentence's ner.WordsKey as the cache's key (which
// finds the entry) and check (which makes a collision of both, 128 bits,
// practically impossible).
func sentKey(words []string) (key, check uint64) {
	k := ner.WordsKey(words)
	return k[0], k[1]
}

// fill sets the analysis of the sentence ws with these hashes on its
// tokens toks (toks[0] being token off of the Doc), as get would give it,
// and reports whether the cache had it.
func (c *sentCache) fill(key, check uint64, ws []string, toks []Token, off int) bool {
	s := &c.shards[key%cacheShards]
	s.mu.Lock()
	e := s.m[key]
	s.mu.Unlock()
	if e == nil || e.check != check || len(e.heads) != len(ws) || len(toks) != len(ws) {
		c.misses.Add(1)
		return false
	}
	c.hits.Add(1)
	names := *c.names.Load()
	for i := range toks {
		t := &toks[i]
		t.POS, t.Tag, t.Dep = names[e.codes[3*i]], names[e.codes[3*i+1]], names[e.codes[3*i+2]]
		t.Head = -1
		if h := int(e.heads[i]); h >= 0 {
			t.Head = off + h
		}
		t.Lemma = e.lemmas[i]
		if t.Lemma == "" {
			t.Lemma = ws[i]
		}
	}
	return true
}

// intern returns the code of name, adding it if it is new; ok is false
// when the table is full (a model with over 255 tags and relations).
func (c *sentCache) intern(name string) (code uint8, ok bool) {
	c.nameMu.Lock()
	defer c.nameMu.Unlock()
	if i, ok := c.nameIdx[name]; ok {
		return i, true
	}
	old := *c.names.Load()
	if len(old) >= 255 {
		return 0, false
	}
	i := uint8(len(old))
	c.nameIdx[name] = i
	grown := append(append(make([]string, 0, len(old)+1), old...), name)
	c.names.Store(&grown)
	return i, true
}

// put stores the analysis a of the sentence ws; sentences the compact
// form cannot hold (over 32,767 tokens) are not cached.
func (c *sentCache) put(key, check uint64, ws []string, a *sentAnalysis) {
	n := len(ws)
	if n > 1<<15-1 {
		return
	}
	e := &cachedSent{check: check, codes: make([]uint8, 3*n), heads: make([]int16, n), lemmas: make([]string, n)}
	for i := range n {
		for j, name := range [3]string{a.upos[i], a.xpos[i], a.labels[i]} {
			code, ok := c.intern(name)
			if !ok {
				return
			}
			e.codes[3*i+j] = code
		}
		e.heads[i] = int16(a.heads[i])
		if a.lemmas[i] != ws[i] {
			e.lemmas[i] = strings.Clone(a.lemmas[i])
		}
	}
	s := &c.shards[key%cacheShards]
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[key]; ok {
		return
	}
	if len(s.ring) < c.perShard {
		s.ring = append(s.ring, key)
	} else {
		delete(s.m, s.ring[s.next])
		s.ring[s.next] = key
		s.next = (s.next + 1) % len(s.ring)
	}
	s.m[key] = e
}

// EntityCacheStats reports how many sentence passes of the entity
// recogniser were answered from its cache and how many were decoded.
func (p *Pipeline) EntityCacheStats() (hits, misses int64) { return p.nerCache.Stats() }

// CacheStats reports how many sentences the pipeline's sentence cache
// answered (hits) and how many it had to analyse (misses); both are 0
// without a cache.
func (p *Pipeline) CacheStats() (hits, misses int64) {
	if p.cache == nil {
		return 0, 0
	}
	return p.cache.hits.Load(), p.cache.misses.Load()
}

// WithSentenceCache returns a pipeline that shares p's models and keeps
// the analysis of up to n sentences for reuse (see sentCache), and the
// entity classes of as many (see ner.Cache); n ≤ 0
// returns p itself. Long runs over many articles — ingesting feeds and
// archives full of wire copies — gain most; a cache entry costs about
// a kilobyte.
func (p *Pipeline) WithSentenceCache(n int) *Pipeline {
	if n <= 0 {
		return p
	}
	q := *p
	q.cache = newSentCache(n)
	q.nerCache = ner.NewCache(n)
	return &q
}
