package ner

import (
	"sync"
	"sync/atomic"
)

// Cache remembers the classes the recogniser gave sentences, keyed by
// everything the decoding of a sentence reads: the static features of its
// tokens (word, shape, clusters, gazetteer, and the document-level ones:
// casing elsewhere in the document, context aggregation), the second-pass
// features in pass 2, and the prediction history of its capitalised words
// when the sentence starts. Decoding is a function of exactly these, so a
// hit gives the classes a fresh decode would: a wire copy republished
// with a new closing line reuses every sentence whose features the change
// did not reach, and a sentence whose document context differs is decoded
// afresh.
//
// It holds at most a fixed number of sentences per pass (the oldest entry
// of a shard goes first) and is safe for concurrent use. It also keeps
// what feature preparation computes of a word or a sentence's words alone
// (wordMemo). A Cache serves one Recognizer.
type Cache struct {
	shards       [nerShards]nerShard
	perShard     int
	hits, misses atomic.Int64
	memo         wordMemo
}

const nerShards = 32

type nerShard struct {
	mu   sync.Mutex
	m    map[uint64]nerEntry
	ring []uint64
	next int
}

type nerEntry struct {
	check   uint64  // second hash, against collisions
	classes []uint8 // per token
}

// NewCache returns a cache of about n sentences per pass; n ≤ 0 gives nil
// (no cache).
func NewCache(n int) *Cache {
	if n <= 0 {
		return nil
	}
	c := &Cache{perShard: max(1, (2*n+nerShards-1)/nerShards)}
	for i := range c.shards {
		c.shards[i].m = map[uint64]nerEntry{}
	}
	return c
}

// Stats reports sentence-passes answered from the cache and decoded.
func (c *Cache) Stats() (hits, misses int64) {
	if c == nil {
		return 0, 0
	}
	return c.hits.Load(), c.misses.Load()
}

// get copies the cached classes of the key into out and reports whether
// there were any.
func (c *Cache) get(k sentHash, out []int) bool {
	s := &c.shards[k.key%nerShards]
	s.mu.Lock()
	e, ok := s.m[k.key]
	s.mu.Unlock()
	if !ok || e.check != k.check || len(e.classes) != len(out) {
		c.misses.Add(1)
		return false
	}
	for i, v := range e.classes {
		out[i] = int(v)
	}
	c.hits.Add(1)
	return true
}

func (c *Cache) put(k sentHash, classes []int) {
	e := nerEntry{check: k.check, classes: make([]uint8, len(classes))}
	for i, v := range classes {
		e.classes[i] = uint8(v)
	}
	s := &c.shards[k.key%nerShards]
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[k.key]; ok {
		return
	}
	if len(s.ring) < c.perShard {
		s.ring = append(s.ring, k.key)
	} else {
		delete(s.m, s.ring[s.next])
		s.ring[s.next] = k.key
		s.next = (s.next + 1) % len(s.ring)
	}
	s.m[k.key] = e
}

// sentHash is a 128-bit hash: key finds the entry, check confirms it.
type sentHash struct{ key, check uint64 }

// hasher folds a stream of uint64 values into two independent 64-bit
// hashes.
type hasher struct{ a, b uint64 }

func newHasher(pass uint64) hasher {
	return hasher{a: 0x243f6a8885a308d3 ^ pass, b: 0x13198a2e03707344 + pass*0x9E3779B97F4A7C15}
}

func (h *hasher) add(v uint64) {
	h.a = (h.a ^ v) * 0xff51afd7ed558ccd
	h.a ^= h.a >> 31
	h.b = (h.b + v) * 0xc4ceb9fe1a85ec53
	h.b ^= h.b >> 29
}

// addAll adds a length-delimited list.
func (h *hasher) addAll(vs []uint64) {
	h.add(uint64(len(vs)) | 1<<63)
	for _, v := range vs {
		h.add(v)
	}
}

func (h *hasher) sum() sentHash { return sentHash{mix(h.a, 0x5bd1e995), mix(h.b, 0x27d4eb2f)} }

// sentenceKey hashes everything decodeSent reads for sentence si in one
// pass: per token its static features, its second-pass features (extra,
// nil in pass 1), the values of the dynamic features and its casing and
// function-word flags, and, for capitalised tokens, the prediction
// history of the word as it stands when the sentence starts.
func sentenceKey(pass uint64, d *docFeats, extra []uint64, extraOff []int32, si int, history wordHistory) sentHash {
	h := newHasher(pass)
	lo, hi := d.sentStart[si], d.sentStart[si+1]
	h.add(uint64(hi - lo))
	if len(d.fp) > 0 {
		// the fingerprint stands for the static features and the
		// per-word values below
		h.add(d.fp[si].key)
		h.add(d.fp[si].check)
		for i := lo; i < hi; i++ {
			if extra != nil {
				h.addAll(extra[extraOff[i]:extraOff[i+1]])
			}
			if d.cap[i] {
				addHistory(&h, history[d.wordID[i]])
			}
		}
		return h.sum()
	}
	for i := lo; i < hi; i++ {
		h.addAll(d.feats[d.featOff[i]:d.featOff[i+1]])
		if extra != nil {
			h.addAll(extra[extraOff[i]:extraOff[i+1]])
		}
		h.add(d.lower[i])
		h.add(d.short[i])
		h.add(d.clMid[i])
		flags := uint64(0)
		if d.cap[i] {
			flags |= 1
		}
		if d.noStart[i] {
			flags |= 2
		}
		h.add(flags)
		if d.cap[i] {
			addHistory(&h, history[d.wordID[i]])
		}
	}
	return h.sum()
}

// wordHistory is the prediction history of a document: per word id
// (docFeats.wordID) the entity types given to the word's capitalised
// occurrences so far, index 0 counting O; nil for a word not seen yet.
type wordHistory []*[nTypes + 1]int32

// addHistory adds a capitalised word's prediction history (nil: none).
func addHistory(h *hasher, hist *[nTypes + 1]int32) {
	if hist == nil {
		h.add(0)
		return
	}
	h.add(1)
	for _, n := range hist {
		h.add(uint64(uint32(n)))
	}
}

// replayHistory applies to history what decodeSent would have added for
// sentence si given its classes.
func replayHistory(d *docFeats, classes []int, si int, history wordHistory) {
	for i := d.sentStart[si]; i < d.sentStart[si+1]; i++ {
		if !d.cap[i] {
			continue
		}
		h := history[d.wordID[i]]
		if h == nil {
			h = &[nTypes + 1]int32{}
			history[d.wordID[i]] = h
		}
		h[classType(classes[i])+1]++
	}
}
