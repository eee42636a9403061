package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"dateline/internal/cpuclock"
	"dateline/store"
)

// The load benchmark runs the server over a database of synthetic
// articles (100,000 by default, each with an event, a quote, a claim, a
// place and two entities) and drives it from a Go load generator over
// 127.0.0.1 at a fixed request rate:
//
//	go test ./server -run '^$' -bench ServeLoad -benchtime 1x
//
// DATELINE_LOAD_ARTICLES (default 100000), DATELINE_LOAD_RATE (requests
// per second, default 500) and DATELINE_LOAD_SECONDS (default 10) change the
// size. The database is built once into the temporary folder and reused by
// later runs (building 100,000 articles takes about a minute); v2 in its
// name: built by a store that compacts its full-text index on Close.
//
// Answers are cached for Options.CacheTTL (a minute by default), so each case
// except -nocache first sends every distinct request once (warm-up) and
// then measures the steady state; -nocache has the cache off and measures
// every request against the database.
//
// The generator is open-loop: requests are sent on a fixed schedule
// whatever the server's speed, and each latency is measured from when its
// request was due, so a slow server cannot hide its queueing delay
// ("coordinated omission"). It reports the achieved throughput, p50, p99
// and max latency, and the share of failed requests.

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// loadStore opens (building when needed) the synthetic database.
func loadStore(b *testing.B, n int) *store.SQLite {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dateline-load-%d-v2.db", n))
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if stats.Articles != n {
		st.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		if st, err = store.Open(ctx, path); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := fillSynthetic(ctx, st, 0, n, time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), 730); err != nil {
			b.Fatal(err)
		}
		// Closed and reopened as `dateline ingest` then `dateline serve`
		// would: the writer's Close compacts the full-text index.
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		if st, err = store.Open(ctx, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s: %d synthetic articles in %v", path, n, time.Since(start).Round(time.Second))
	}
	if err := st.EnsureAggregateIndexes(ctx); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// searchTargets and timelineTargets are the request mixes: distinct
// queries, so the database, not one cached answer, is measured.
func searchTargets() []string {
	words := []string{"shelled", "aid", "agreement", "praised", "arrested", "threatened", "accused", "met",
		"Portville", "Capitaltown", "Redcliff", "Marisport", "Stonebridge", "Lakeshore", "Dunmore", "Fairhaven",
		`"deliberate attack"`, `"health office"`, "negotiat*", "water medicine"}
	filters := []string{"", " source:\"Wire One\"", " actor:NTHMIL", " plover:ASSAULT", " from:2024-01 to:2024-06", " counted:killed"}
	var out []string
	for i, w := range words {
		q := w + filters[i%len(filters)]
		for _, off := range []int{0, 20} {
			out = append(out, "/api/v1/search?"+url.Values{"q": {q}, "offset": {strconv.Itoa(off)}}.Encode())
		}
	}
	out = append(out, "/api/v1/search", "/api/v1/search?offset=40")
	return out
}

func timelineTargets() []string {
	qs := []string{"", "actor:NTHMIL", "actor:ESTREB", "plover:ASSAULT", "plover:AID", "place:Portville",
		"source:\"Radio Four\"", "cameo:19", "shelled", "from:2024-01-01 to:2024-03-31"}
	var out []string
	for _, q := range qs {
		for _, iv := range []string{"day", "week", "month"} {
			out = append(out, "/api/v1/timeline?"+url.Values{"q": {q}, "interval": {iv}}.Encode())
		}
	}
	return out
}

// loadResult is what one run measured.
type loadResult struct {
	sent, ok, failed, dropped int64
	elapsed                   time.Duration
	lat                       []time.Duration
	// why counts the failed requests by reason (status or error).
	why map[string]int
}

func (r *loadResult) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	slices.Sort(r.lat)
	i := int(p * float64(len(r.lat)-1))
	return r.lat[i]
}

// openLoop sends rate requests per second for d, cycling through targets.
// At most maxInFlight requests are outstanding; a request due while that
// many are still open is counted as dropped (and as a failure of the
// target rate), not silently delayed.
func openLoop(base string, targets []string, rate int, d time.Duration) *loadResult {
	const maxInFlight = 512
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		MaxIdleConns: maxInFlight, MaxIdleConnsPerHost: maxInFlight, IdleConnTimeout: time.Minute}}
	defer client.CloseIdleConnections()
	res := &loadResult{why: map[string]int{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	inFlight := int64(0)
	interval := time.Second / time.Duration(rate)
	total := int(d / interval)
	start := time.Now()
	for i := 0; i < total; i++ {
		due := start.Add(time.Duration(i) * interval)
		if w := time.Until(due); w > 0 {
			time.Sleep(w)
		}
		res.sent++
		if atomic.LoadInt64(&inFlight) >= maxInFlight {
			res.dropped++
			continue
		}
		atomic.AddInt64(&inFlight, 1)
		wg.Add(1)
		go func(target string, due time.Time) {
			defer wg.Done()
			defer atomic.AddInt64(&inFlight, -1)
			resp, err := client.Get(base + target)
			good := err == nil && resp.StatusCode == http.StatusOK
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			lat := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case good:
				res.ok++
				res.lat = append(res.lat, lat)
			case err != nil:
				res.failed++
				res.why[failReason(err)]++
			default:
				res.failed++
				res.why[resp.Status]++
			}
		}(targets[i%len(targets)], due)
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

// failReason names a client error without its URL (one key per kind).
func failReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	s := err.Error()
	if len(s) > 80 {
		s = s[:80]
	}
	return s
}

func BenchmarkServeLoad(b *testing.B) {
	n := envInt("DATELINE_LOAD_ARTICLES", 100_000)
	rate := envInt("DATELINE_LOAD_RATE", 500)
	secs := envInt("DATELINE_LOAD_SECONDS", 10)
	st := loadStore(b, n)
	cases := []struct {
		name    string
		targets []string
		ttl     time.Duration
	}{
		{"search", searchTargets(), 0},
		{"timeline", timelineTargets(), 0},
		{"mixed", append(searchTargets(), timelineTargets()...), 0},
		// Every request computed from the database, as a stream of
		// distinct queries would be.
		{"search-nocache", searchTargets(), -1},
		{"timeline-nocache", timelineTargets(), -1},
	}
	for _, c := range cases {
		b.Run(fmt.Sprintf("%s/articles=%d/rate=%d", c.name, n, rate), func(b *testing.B) {
			s, err := New(Options{Store: st, Rate: -1, CacheTTL: c.ttl})
			if err != nil {
				b.Fatal(err)
			}
			ts := httptest.NewServer(s)
			defer ts.Close()
			if c.ttl >= 0 {
				// Steady state: each distinct request answered once before
				// the measured run (the cold cost is what -nocache shows).
				start := time.Now()
				var slowest time.Duration
				for _, target := range c.targets {
					t0 := time.Now()
					resp, err := http.Get(ts.URL + target)
					if err != nil {
						b.Fatal(err)
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						b.Fatalf("warm-up %s: status %d", target, resp.StatusCode)
					}
					slowest = max(slowest, time.Since(t0))
				}
				b.Logf("warm-up: %d distinct requests in %v, slowest %v", len(c.targets), time.Since(start).Round(time.Millisecond), slowest.Round(time.Millisecond))
			}
			// Every benchmark iteration is one full run of the schedule.
			for b.Loop() {
				r := openLoop(ts.URL, c.targets, rate, time.Duration(secs)*time.Second)
				ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
				b.ReportMetric(float64(r.ok)/r.elapsed.Seconds(), "ok-req/s")
				b.ReportMetric(ms(r.pct(0.50)), "p50-ms")
				b.ReportMetric(ms(r.pct(0.99)), "p99-ms")
				b.ReportMetric(ms(r.pct(1)), "max-ms")
				b.ReportMetric(100*float64(r.failed+r.dropped)/float64(max(r.sent, 1)), "failed-%")
				var ru syscall.Rusage
				if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
					b.ReportMetric(float64(ru.Maxrss)/1024, "peak_RSS_MB") // server and generator together
				}
				if r.failed+r.dropped > 0 {
					b.Logf("failed: %d dropped (%d in flight), by reason %v", r.dropped, 512, r.why)
				}
			}
		})
	}
}

// BenchmarkSearchTargets answers each request of the uncached search mix
// alone through the handler (no network, no cache), so ns/op is the
// server's cost of that one query; a slow target shows by name:
//
//	go test ./server -run '^$' -bench SearchTargets -benchtime 20x
func BenchmarkSearchTargets(b *testing.B) {
	st := loadStore(b, envInt("DATELINE_LOAD_ARTICLES", 100_000))
	s, err := New(Options{Store: st, Rate: -1, CacheTTL: -1})
	if err != nil {
		b.Fatal(err)
	}
	for _, target := range append(searchTargets(), timelineTargets()...) {
		name, _ := url.QueryUnescape(strings.TrimPrefix(target, "/api/v1/"))
		b.Run(name, func(b *testing.B) {
			cpu0 := cpuclock.Process()
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: status %d", target, rec.Code)
				}
			}
			// CPU time (user+sys) per request: unlike ns/op, it does not
			// grow with the other jobs on a shared machine.
			b.ReportMetric(float64((cpuclock.Process()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
