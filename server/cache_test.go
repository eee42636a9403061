package server

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestCacheSingleFlightAndClear(t *testing.T) {
	c := newCache(time.Minute, 10)
	var calls atomic.Int32
	release := make(chan struct{})
	compute := func() ([]byte, error) {
		calls.Add(1)
		<-release
		return []byte("answer"), nil
	}
	var wg sync.WaitGroup
	bodies := make([]string, 8)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, _, err := c.get("k", compute)
			if err != nil {
				t.Error(err)
			}
			bodies[i] = string(b)
		}()
	}
	time.Sleep(50 * time.Millisecond) // let every caller join the flight
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("%d computations for concurrent requests, want 1", n)
	}
	for _, b := range bodies {
		if b != "answer" {
			t.Fatalf("bodies = %q", bodies)
		}
	}
	if _, hit, _ := c.get("k", compute); !hit {
		t.Error("second request missed the cache")
	}
	c.clear()
	calls.Store(0)
	if b, hit, _ := c.get("k", func() ([]byte, error) { calls.Add(1); return []byte("new"), nil }); hit || string(b) != "new" || calls.Load() != 1 {
		t.Errorf("after clear: %q hit=%v", b, hit)
	}
	// Errors are not cached.
	boom := errors.New("boom")
	if _, _, err := c.get("e", func() ([]byte, error) { return nil, boom }); err != boom {
		t.Fatal(err)
	}
	if b, hit, err := c.get("e", func() ([]byte, error) { return []byte("ok"), nil }); hit || err != nil || string(b) != "ok" {
		t.Errorf("after an error: %q %v %v", b, hit, err)
	}
}

func TestCacheExpiresAndBounds(t *testing.T) {
	c := newCache(20*time.Millisecond, 2)
	// A clock of its own: the test does not depend on how fast a busy
	// machine runs it.
	var mu sync.Mutex
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	advance := func(d time.Duration) { mu.Lock(); clock = clock.Add(d); mu.Unlock() }
	settle := func() { // until no refresh is in flight
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			c.mu.Lock()
			n := len(c.flights)
			c.mu.Unlock()
			if n == 0 {
				return
			}
		}
		t.Fatal("a refresh never finished")
	}
	one := func() ([]byte, error) { return []byte("1"), nil }
	c.get("a", one)
	c.get("b", one)
	c.get("c", one) // over max: the full cache is emptied first
	if len(c.entries) != 1 {
		t.Errorf("%d entries, want 1", len(c.entries))
	}
	// Expired less than a TTL ago: served stale, refreshed behind.
	advance(25 * time.Millisecond)
	refreshed := make(chan struct{})
	if b, hit, _ := c.get("c", func() ([]byte, error) { defer close(refreshed); return []byte("2"), nil }); !hit || string(b) != "1" {
		t.Errorf("stale answer = %q hit=%v", b, hit)
	}
	<-refreshed
	settle()
	if b, _, _ := c.get("c", one); string(b) != "2" {
		t.Errorf("after the refresh: %q", b)
	}
	// Expired more than a TTL ago: computed again before answering.
	advance(50 * time.Millisecond)
	if _, hit, _ := c.get("c", one); hit {
		t.Error("long-expired entry served")
	}
}
