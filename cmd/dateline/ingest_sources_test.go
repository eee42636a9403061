package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/query"
	"dateline/store"
)

// TestIngestWARC ingests a folder holding a gzipped WARC and a truncated
// plain one: the article is stored once, the 404 is skipped and the
// truncation fails with the record's offset.
func TestIngestWARC(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "crawl")
	os.MkdirAll(src, 0o755)
	gz, err := os.ReadFile("../../article/testdata/sample.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := os.ReadFile("../../article/testdata/sample.warc")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "a.warc.gz"), gz, 0o644)
	os.WriteFile(filepath.Join(src, "b.warc"), plain[:len(plain)-40], 0o644)
	sum, _, err := runIngestJSON(t, ingestOptions{db: filepath.Join(dir, "t.db"), srcs: []string{src}, noExtract: true, workers: 1, batch: 10})
	if err != errSomeFailed {
		t.Errorf("err = %v, want errSomeFailed", err)
	}
	if sum.Read != 2 || sum.New != 1 || sum.Duplicates != 1 {
		t.Errorf("read/new/dup = %d/%d/%d, want 2/1/1", sum.Read, sum.New, sum.Duplicates)
	}
	if len(sum.Skipped) != 1 || !strings.Contains(sum.Skipped[0].Reason, "HTTP status 404") {
		t.Errorf("skipped = %+v, want the 404", sum.Skipped)
	}
	if len(sum.Failed) != 1 || !strings.Contains(sum.Failed[0].Reason, "truncated") ||
		!strings.Contains(sum.Failed[0].Reason, "record at byte ") || !strings.HasSuffix(sum.Failed[0].Input, "b.warc") {
		t.Errorf("failed = %+v, want the truncated b.warc", sum.Failed)
	}
}

// TestIngestFeed ingests an RSS feed from a local server, once and then
// with --follow: items are stored once, a failing page falls back to the
// feed's text, and the follow loop polls with conditional GETs until
// cancelled.
func TestIngestFeed(t *testing.T) {
	var mu sync.Mutex
	var feedHits []string
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		feedHits = append(feedHits, r.Header.Get("If-None-Match"))
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"f1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"f1"`)
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>River Post</title>
<item><title>Bridge closed</title><guid>b1</guid><link>%[1]s/bridge</link><description>Short.</description></item>
<item><title>Ferry back</title><guid>b2</guid><link>%[1]s/ferry</link><description>The ferry to the island is running again after the storm, the operator said on Tuesday morning.</description></item>
</channel></rss>`, base)
	})
	mux.HandleFunc("/bridge", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Bridge closed</title></head><body><article><p>`+
			strings.Repeat("The old bridge over the river was closed on Monday after inspectors found cracks in two of its piers. ", 3)+
			`</p></article></body></html>`)
	})
	mux.HandleFunc("/ferry", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "busy", http.StatusServiceUnavailable) })
	mux.HandleFunc("/garbage.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "no feed here") })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base = srv.URL

	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	o := ingestOptions{db: db, srcs: []string{srv.URL + "/feed.xml", srv.URL + "/garbage.xml"}, noExtract: true,
		workers: 1, batch: 10, fetchArticles: true, timeout: 5 * time.Second}
	sum, _, err := runIngestJSON(t, o)
	if err != errSomeFailed {
		t.Errorf("err = %v, want errSomeFailed", err)
	}
	if sum.New != 2 {
		t.Errorf("new = %d, want 2 (the fetched page and the feed text of the failing one)", sum.New)
	}
	failed := fmt.Sprint(sum.Failed)
	if len(sum.Failed) != 2 || !strings.Contains(failed, "HTTP status 503") || !strings.Contains(failed, "not an RSS") {
		t.Errorf("failed = %s", failed)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := query.Parse("cracks")
	n, _ := st.Count(context.Background(), store.KindArticles, q, 0)
	st.Close()
	if n != 1 {
		t.Errorf("%d articles hold the fetched page's text, want 1", n)
	}

	// --follow: the stored items are known and not fetched again; the
	// second poll is conditional and answered 304.
	mu.Lock()
	feedHits = nil
	mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	o.follow, o.interval, o.srcs = true, time.Second, []string{srv.URL + "/feed.xml"}
	o.json = true
	var out, errb bytes.Buffer
	if err := runIngest(ctx, o, &out, &errb); err != nil {
		t.Fatalf("follow: %v (%s)", err, errb.String())
	}
	var sum2 IngestSummary
	json.Unmarshal(out.Bytes(), &sum2)
	if sum2.New != 0 || sum2.Duplicates != 2 || !sum2.Interrupted {
		t.Errorf("follow summary = %+v", sum2)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(feedHits) != 2 || feedHits[0] != "" || feedHits[1] != `"f1"` {
		t.Errorf("feed requests' If-None-Match = %q, want an unconditional then a conditional poll", feedHits)
	}
}
