package article

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseFeedRSSAndAtom(t *testing.T) {
	data, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFeed("https://gazette.example/rss", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Harbour Gazette" || len(f.Items) != 2 {
		t.Fatalf("feed = %+v", f)
	}
	a := f.Items[0].Article
	if a.Title != "Ferry timetable changes & new routes" || a.Published != "2023-11-07T09:30:00Z" || a.Source != "Harbour Gazette" {
		t.Errorf("item 1 = %+v", a)
	}
	if !strings.HasPrefix(a.Text, "The ferry operator said") || strings.Contains(a.Text, "<p>") || strings.Contains(a.Text, "Read more") {
		t.Errorf("item 1 text = %q", a.Text)
	}
	if a.ID != ID("https://gazette.example/news/ferry", "") || f.Items[0].Key != "guid:gazette-ferry-1" {
		t.Errorf("item 1 id %s key %s: the tracking parameter should not change the ID", a.ID, f.Items[0].Key)
	}
	if f.Items[1].Article.Text != "" || f.Items[1].Problem != "feed item has no text" || f.Items[1].Link != "https://gazette.example/news/council" {
		t.Errorf("item 2 = %+v", f.Items[1])
	}

	data, _ = os.ReadFile("testdata/feed.atom")
	f, err = ParseFeed("https://valley.example/atom", data, Options{})
	if err != nil || len(f.Items) != 1 {
		t.Fatalf("atom: %v %+v", err, f)
	}
	if a := f.Items[0].Article; !strings.Contains(a.Text, "no new cracks") || a.Published != "2023-11-08T11:00:00+01:00" || a.URL != "https://valley.example/dam" {
		t.Errorf("atom item = %+v", a)
	}
}

func TestParseFeedBadInput(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"", "empty feed"},
		{"<html><body>a web page</body></html>", "not an RSS, Atom or JSON feed"},
		{"\x00\x01garbage\xff", "not an RSS, Atom or JSON feed"},
		{"<rss><channel><item><title>x", "not an RSS, Atom or JSON feed"},
	} {
		_, err := ParseFeed("https://x.example/feed", []byte(c.data), Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "https://x.example/feed: ") {
			t.Errorf("%q: err = %v, want %q", c.data, err, c.want)
		}
	}
	_, err := ParseFeed("u", []byte(strings.Repeat("x", 100)), Options{MaxBytes: 50})
	if err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("over the limit: %v", err)
	}
}

func rssWith(items ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
	for _, it := range items {
		b.WriteString(it)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func rssItem(n int, link, desc string) string {
	return fmt.Sprintf(`<item><title>Story %d</title><guid>g%d</guid><link>%s</link><description>%s</description></item>`, n, n, link, desc)
}

// gather runs Follow until it returns and collects what it yields.
func gather(t *testing.T, ctx context.Context, f *Fetcher, url string, fo FollowOptions, stopAfter int) (as []Article, errs []*InputError) {
	t.Helper()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rs := collect(t, func(y func(Article, error) bool) {
		n := 0
		f.Follow(ctx, url, Options{}, fo, func(a Article, err error) bool {
			n++
			if stopAfter > 0 && n >= stopAfter {
				cancel()
			}
			return y(a, err)
		})
	})
	return articlesAndErrors(rs)
}

func TestFollowConditionalGET(t *testing.T) {
	var mu sync.Mutex
	items := []string{rssItem(1, "https://a.example/1", "The first story says the bridge over the river is closed for repairs this week.")}
	var requests []http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		requests = append(requests, r.Header.Clone())
		if len(requests) == 3 { // the feed changes after two polls
			items = append(items, rssItem(2, "https://a.example/2", "The second story says the ferry resumed service after the storm passed the coast."))
		}
		etag := fmt.Sprintf(`"v%d"`, len(items))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Tue, 07 Nov 2023 09:30:00 GMT")
		fmt.Fprint(w, rssWith(items...))
	}))
	defer srv.Close()
	f := &Fetcher{MinDelay: -1}
	as, errs := gather(t, context.Background(), f, srv.URL, FollowOptions{Interval: 5 * time.Millisecond}, 2)
	if len(errs) != 0 || len(as) != 2 || !strings.Contains(as[0].Text, "bridge") || !strings.Contains(as[1].Text, "ferry") {
		t.Fatalf("articles %+v, errors %v", as, errs)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(requests) != 3 {
		t.Fatalf("%d requests, want 3", len(requests))
	}
	if requests[0].Get("If-None-Match") != "" || requests[1].Get("If-None-Match") != `"v1"` ||
		requests[1].Get("If-Modified-Since") != "Tue, 07 Nov 2023 09:30:00 GMT" {
		t.Errorf("conditional headers: %v / %v", requests[0], requests[1])
	}
	if ua := requests[0].Get("User-Agent"); !strings.Contains(ua, "dateline") {
		t.Errorf("User-Agent %q does not name dateline", ua)
	}
}

func TestFollowBacksOffOnErrors(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		n := len(times)
		mu.Unlock()
		switch n {
		case 1, 2, 3:
			http.Error(w, "boom", http.StatusInternalServerError)
		case 4:
			fmt.Fprint(w, "this is garbage, not a feed")
		default:
			fmt.Fprint(w, rssWith(rssItem(1, "https://a.example/1", "A story long enough to be kept as the text of this feed item, about the harbour.")))
		}
	}))
	defer srv.Close()
	f := &Fetcher{MinDelay: -1}
	as, errs := gather(t, context.Background(), f, srv.URL, FollowOptions{Interval: 10 * time.Millisecond, MaxBackoff: 60 * time.Millisecond}, 5)
	if len(as) != 1 || len(errs) != 4 {
		t.Fatalf("articles %d, errors %v", len(as), errs)
	}
	for i := 0; i < 3; i++ {
		if !strings.Contains(errs[i].Problem, "HTTP status 500") || errs[i].Input != srv.URL {
			t.Errorf("error %d = %v", i, errs[i])
		}
	}
	if !strings.Contains(errs[3].Problem, "not an RSS") {
		t.Errorf("garbage error = %v", errs[3])
	}
	mu.Lock()
	defer mu.Unlock()
	// Waits after failures 1..4: 20, 40, 60 (capped), 60 ms.
	for i, want := range []time.Duration{20, 40, 60, 60} {
		if gap := times[i+1].Sub(times[i]); gap < want*time.Millisecond {
			t.Errorf("gap %d = %v, want at least %d ms", i, gap, want)
		}
	}
}

func TestBackoff(t *testing.T) {
	for _, c := range []struct {
		interval, max time.Duration
		failures      int
		retry, want   time.Duration
	}{
		{time.Minute, time.Hour, 0, 0, time.Minute},
		{time.Minute, time.Hour, 3, 0, 8 * time.Minute},
		{time.Minute, time.Hour, 30, 0, time.Hour},
		{time.Minute, time.Hour, 1, 5 * time.Minute, 5 * time.Minute},
		{2 * time.Hour, time.Hour, 2, 0, 2 * time.Hour}, // never below the interval
		{0, time.Hour, 2, 0, 0},
	} {
		if got := backoff(c.interval, c.max, c.failures, c.retry); got != c.want {
			t.Errorf("backoff(%v, %v, %d, %v) = %v, want %v", c.interval, c.max, c.failures, c.retry, got, c.want)
		}
	}
}

func TestFetchFailures(t *testing.T) {
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "10000000")
		w.Write([]byte("<rss>"))
	})
	mux.HandleFunc("/huge-chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 100; i++ {
			w.Write([]byte(strings.Repeat("x", 1000)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/retry", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)
	f := &Fetcher{Timeout: 100 * time.Millisecond, MinDelay: -1, MaxBytes: 50_000}
	for _, c := range []struct{ path, want string }{
		{"/hang", "request failed: timed out"},
		{"/huge", "above the"},
		{"/huge-chunked", "more than the"},
		{"/retry", "HTTP status 503"},
		{"/missing", "HTTP status 404"},
	} {
		res, err := f.Fetch(context.Background(), srv.URL+c.path, Validators{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), srv.URL+c.path+": ") {
			t.Errorf("%s: err = %v, want %q", c.path, err, c.want)
		}
		if c.path == "/retry" && (res == nil || res.RetryAfter != 2*time.Minute) {
			t.Errorf("retry: %+v", res)
		}
	}
	for _, bad := range []string{"ftp://x.example/f", "https://", "::"} {
		if _, err := f.Fetch(context.Background(), bad, Validators{}); err == nil || !strings.Contains(err.Error(), "not an http(s) URL") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	// A connection refused is reported, not fatal.
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	if _, err := f.Fetch(context.Background(), closed.URL, Validators{}); err == nil || !strings.Contains(err.Error(), "request failed") {
		t.Errorf("closed server: %v", err)
	}
}

func TestFetcherPerHostLimit(t *testing.T) {
	var inflight, peak atomic.Int32
	var mu sync.Mutex
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inflight.Add(1)
		defer inflight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}))
	defer srv.Close()
	f := &Fetcher{MinDelay: 30 * time.Millisecond}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.Fetch(context.Background(), srv.URL+"/x", Validators{})
		}()
	}
	wg.Wait()
	if peak.Load() != 1 {
		t.Errorf("%d requests ran at once on one host, want 1", peak.Load())
	}
	mu.Lock()
	defer mu.Unlock()
	// The delay is kept where requests leave, and the server sees one
	// start late when its handler waits for a core: a single gap may look
	// short on a busy machine, but the four requests cannot fit in less
	// than about three delays.
	if len(starts) != 4 {
		t.Fatalf("%d requests reached the server, want 4", len(starts))
	}
	if span := starts[3].Sub(starts[0]); span < 60*time.Millisecond {
		t.Errorf("four requests started within %v, want at least about three 30ms delays", span)
	}
}

func TestFollowFetchArticles(t *testing.T) {
	page := warcPage("Grain corridor extended", "Ministers agreed on Friday to extend the grain corridor for another ninety days, officials said.")
	mux := http.NewServeMux()
	var srvURL string
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rssWith(
			rssItem(1, srvURL+"/page", "Short teaser."),
			rssItem(2, srvURL+"/broken", "The feed text of the second story, about the new ferry route to the island, stays."),
			rssItem(3, srvURL+"/empty", ""),
			rssItem(4, "https://known.example/old", "An old story already stored, which must not be fetched again by the reader."),
		))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><nav>menu</nav></body></html>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL
	f := &Fetcher{MinDelay: -1}
	known := func(link string) bool { return strings.HasPrefix(link, "https://known.example/") }
	as, errs := gather(t, context.Background(), f, srv.URL+"/feed", FollowOptions{FetchArticles: true, Known: known}, 0)
	if len(as) != 3 {
		t.Fatalf("got %d articles, want 3: %+v", len(as), as)
	}
	if !strings.Contains(as[0].Text, "grain corridor") || as[0].Title != "Grain corridor extended" || as[0].Input != srv.URL+"/page" {
		t.Errorf("fetched page = %+v", as[0])
	}
	if !strings.Contains(as[1].Text, "new ferry route") {
		t.Errorf("fallback to feed text = %+v", as[1])
	}
	if as[2].Text != "" || as[2].ID != ID("https://known.example/old", "") {
		t.Errorf("known item = %+v", as[2])
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Problem, "HTTP status 502") || !strings.Contains(errs[1].Problem, "no article text") {
		t.Errorf("errors = %v", errs)
	}
}

func FuzzParseFeed(f *testing.F) {
	addFiles(f, "feed.rss", "feed.atom")
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "content_html": "<p>x</p>"}]}`))
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;a&lt;/p&gt;</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseFeed("https://fuzz.example/feed", data, Options{MaxBytes: 1 << 16})
		if err != nil {
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("error spans lines: %q", err)
			}
			return
		}
		for _, it := range feed.Items {
			a := it.Article
			if a.Text == "" {
				if it.Problem == "" {
					t.Fatalf("item without text and without a problem: %+v", it)
				}
				continue
			}
			if len(a.ID) != 16 || a.Text != NormalizeText(a.Text) {
				t.Fatalf("bad article %+v", a)
			}
		}
	})
}
