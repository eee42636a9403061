package nlp

import (
	"strings"
	"sync"
	"sync/atomic"
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
}

const cacheShards = 32

type cacheShard struct {
	mu   sync.Mutex
	m    map[uint64]*sentAnalysis
	ring []uint64 // keys in insertion order, for eviction
	next int
}

// sentAnalysis is what the tagger, lemmatizer and parser gave a sentence.
// Its slices are shared by every Doc that reuses it and never changed.
// Cached entries keep no substring of an article (the words are known by
// a second hash, lemmas are copied): a cached sentence must not hold its
// whole article in memory.
type sentAnalysis struct {
	check              uint64 // second hash of the words, against collisions
	upos, xpos, lemmas []string
	heads              []int
	labels             []string
}

func newSentCache(n int) *sentCache {
	c := &sentCache{perShard: max(1, (n+cacheShards-1)/cacheShards)}
	for i := range c.shards {
		c.shards[i].m = make(map[uint64]*sentAnalysis)
	}
	return c
}

// sentKey hashes the words twice (FNV-1a from two offsets, with a
// separator between words): the first hash finds the entry, the second
// makes a collision of both — 128 bits — practically impossible.
func sentKey(words []string) (key, check uint64) {
	h, g := uint64(14695981039346656037), uint64(0x9ae16a3b2f90404f)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * 1099511628211
			g = (g ^ uint64(w[i])) * 0x100000001b3
			g ^= g >> 29
		}
		h = (h ^ 0xff) * 1099511628211
		g = (g ^ 0xfe) * 0x100000001b3
	}
	return h, g
}

// get returns the analysis of the sentence with these hashes, or nil.
func (c *sentCache) get(key, check uint64) *sentAnalysis {
	s := &c.shards[key%cacheShards]
	s.mu.Lock()
	a := s.m[key]
	s.mu.Unlock()
	if a == nil || a.check != check {
		c.misses.Add(1)
		return nil
	}
	c.hits.Add(1)
	return a
}

// put stores a, copying its lemmas so that the entry holds no substring
// of the article they came from.
func (c *sentCache) put(key uint64, a *sentAnalysis) {
	lemmas := make([]string, len(a.lemmas))
	for i, l := range a.lemmas {
		lemmas[i] = strings.Clone(l)
	}
	e := *a
	e.lemmas = lemmas
	a = &e
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
	s.m[key] = a
}

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
// the analysis of up to n sentences for reuse (see sentCache); n ≤ 0
// returns p itself. Long runs over many articles — ingesting feeds and
// archives full of wire copies — gain most; a cache entry costs about
// 2 KB.
func (p *Pipeline) WithSentenceCache(n int) *Pipeline {
	if n <= 0 {
		return p
	}
	q := *p
	q.cache = newSentCache(n)
	return &q
}
