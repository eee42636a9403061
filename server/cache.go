package server

import (
	"sync"
	"time"
)

// cache keeps recent API answers, already encoded as JSON, for a short
// time: aggregates (timeline, network, map, facets) scan every matching
// record and full-text searches of common words read thousands of index
// entries, while a dashboard opened by many people, or reloaded, asks the
// same questions again and again. Entries expire after ttl; a write through
// the API clears everything at once.
//
// Concurrent requests for an answer not cached yet wait for the one
// computing it (single flight) instead of all hitting the database. An
// answer that expired less than ttl ago is still served while one
// background computation refreshes it (stale-while-revalidate): readers
// see answers at most two TTLs old, and never wait for a refresh.
type cache struct {
	ttl time.Duration
	max int
	now func() time.Time // time.Now; tests set a clock

	mu      sync.Mutex
	entries map[string]cacheEntry
	flights map[string]*flight
	gen     uint64 // bumped by clear: answers computed before it are not stored
}

type cacheEntry struct {
	body    []byte
	expires time.Time
}

// flight is one computation that other requests for the same key wait for.
type flight struct {
	done chan struct{}
	body []byte
	err  error
}

func newCache(ttl time.Duration, max int) *cache {
	return &cache{ttl: ttl, max: max, now: time.Now, entries: map[string]cacheEntry{}, flights: map[string]*flight{}}
}

// get returns the cached answer for key, or computes it with compute,
// sharing one computation among concurrent callers. hit reports whether
// the answer came from the cache or another caller's computation.
func (c *cache) get(key string, compute func() ([]byte, error)) (body []byte, hit bool, err error) {
	now := c.now()
	c.mu.Lock()
	e, cached := c.entries[key]
	if cached && now.Before(e.expires) {
		c.mu.Unlock()
		return e.body, true, nil
	}
	f, flying := c.flights[key]
	if cached && now.Before(e.expires.Add(c.ttl)) {
		// Stale but recent: answer at once and refresh in the background,
		// so a slow aggregate never stalls its readers when it expires.
		if !flying {
			c.start(key, compute)
		}
		c.mu.Unlock()
		return e.body, true, nil
	}
	if !flying {
		f = c.start(key, compute)
	}
	c.mu.Unlock()
	<-f.done
	return f.body, flying, f.err
}

// start runs compute for key in a new flight; c.mu is held.
func (c *cache) start(key string, compute func() ([]byte, error)) *flight {
	f := &flight{done: make(chan struct{})}
	c.flights[key] = f
	gen := c.gen
	go func() {
		f.body, f.err = compute()
		c.mu.Lock()
		delete(c.flights, key)
		if f.err == nil && gen == c.gen {
			c.store(key, f.body, c.now())
		}
		c.mu.Unlock()
		close(f.done)
	}()
	return f
}

// store adds an entry; c.mu is held.
func (c *cache) store(key string, body []byte, now time.Time) {
	if len(c.entries) >= c.max {
		// Drop the expired entries, or everything when none has expired:
		// simpler than LRU, and the next requests refill what is hot.
		for k, e := range c.entries {
			if now.After(e.expires) {
				delete(c.entries, k)
			}
		}
		if len(c.entries) >= c.max {
			clear(c.entries)
		}
	}
	c.entries[key] = cacheEntry{body: body, expires: now.Add(c.ttl)}
}

func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
	c.gen++
}
