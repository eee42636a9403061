package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"dateline/article"
	"dateline/extract"
	"dateline/record"
	"dateline/store"
)

func TestReprocess(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in")
	genArticles(t, src, 7)
	db := filepath.Join(dir, "t.db")
	if _, _, err := runIngestJSON(t, ingestOptions{db: db, srcs: []string{src}, noExtract: true, workers: 2, batch: 3}); err != nil {
		t.Fatal(err)
	}
	run := func(o reprocessOptions, fn extractFunc) (ReprocessSummary, error) {
		t.Helper()
		o.db, o.json = db, true
		var out, errb bytes.Buffer
		err := runReprocess(context.Background(), o, fn, &out, &errb)
		var sum ReprocessSummary
		if jerr := json.Unmarshal(out.Bytes(), &sum); jerr != nil {
			t.Fatalf("summary is not JSON: %v %q", jerr, out.String())
		}
		return sum, err
	}
	var calls atomic.Int32
	// A stand-in extractor: one entity per article, and a panic for one.
	fake := func(a article.Article) record.Result {
		calls.Add(1)
		if strings.Contains(a.Text, "tok3.") {
			panic("boom")
		}
		i := strings.Index(a.Text, "Millbrook")
		return record.Result{Version: extract.Version, Entities: []record.Entity{{ID: a.ID + "-e", Name: "Millbrook", Kind: record.KindPlace,
			Mentions: []record.Mention{{Text: "Millbrook", Evidence: record.Evidence{ArticleID: a.ID, Start: i, End: i + 9}}}}}}
	}
	sum, err := run(reprocessOptions{dryRun: true}, fake)
	if err != nil || sum.Stale != 7 || sum.Reprocessed != 0 || calls.Load() != 0 {
		t.Fatalf("dry run: %+v %v (calls %d)", sum, err, calls.Load())
	}
	sum, err = run(reprocessOptions{batch: 3, workers: 2}, fake)
	if err != errSomeFailed || sum.Stale != 7 || sum.Reprocessed != 6 || len(sum.Failed) != 1 || !strings.Contains(sum.Failed[0].Reason, "boom") {
		t.Fatalf("first run: %+v %v", sum, err)
	}
	// Again: only the failed one is left.
	calls.Store(0)
	sum, _ = run(reprocessOptions{batch: 3}, fake)
	if sum.Stale != 1 || calls.Load() != 1 {
		t.Errorf("second run: %+v, %d calls", sum, calls.Load())
	}
	// --all does every English article again, idempotently.
	sum, _ = run(reprocessOptions{all: true, batch: 4}, fake)
	if sum.Stale != 7 || sum.Reprocessed != 6 {
		t.Errorf("--all: %+v", sum)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, _ := st.Stats(context.Background())
	if stats.Entities != 6 || stats.ByStatus[store.StatusExtracted] != 6 || stats.ByStatus[store.StatusPending] != 1 {
		t.Errorf("stats after: %+v", stats)
	}
}

// TestReprocessRealPipeline re-extracts a pending article with the
// embedded pipeline and finds its quote.
func TestReprocessRealPipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "in")
	genArticles(t, src, 1)
	db := filepath.Join(dir, "t.db")
	if _, _, err := runIngestJSON(t, ingestOptions{db: db, srcs: []string{src}, noExtract: true, workers: 1, batch: 1}); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runReprocess(context.Background(), reprocessOptions{db: db, batch: 10, workers: 1}, nil, &out, &errb); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if !strings.Contains(out.String(), "re-extracted 1") {
		t.Errorf("summary:\n%s", out.String())
	}
	st, _ := store.Open(context.Background(), db)
	defer st.Close()
	n, err := st.Count(context.Background(), store.KindQuotes, nil, 0)
	if err != nil || n == 0 {
		t.Errorf("quotes after reprocess = %d, %v", n, err)
	}
}
