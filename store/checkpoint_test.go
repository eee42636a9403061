package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dateline/article"
	"dateline/record"
)

// manyPuts returns n articles of a few kilobytes each, with their own IDs.
func manyPuts(n, from int) []Put {
	ps := make([]Put, n)
	for i := range ps {
		id := fmt.Sprintf("m%05d", from+i)
		text := strings.Repeat(fmt.Sprintf("Officials in town %d met envoys %d times on Monday. ", from+i, i), 40)
		ps[i] = Put{Article: article.Article{ID: id, Source: "Wire", Title: "Talks " + id, Text: text,
			Published: "2024-03-08", Lang: "en", Input: id + ".txt"}, Result: record.Result{Version: "test-1"}}
	}
	return ps
}

// logPages waits for the background checkpoint of the last commit and
// returns the length of the write-ahead log in pages, as a checkpoint
// sees it.
func logPages(t *testing.T, s *SQLite) int {
	t.Helper()
	c := s.checkpointer()
	c.mu.Lock()
	for c.copied < c.committed {
		c.cond.Wait()
	}
	c.mu.Unlock()
	var busy, pages, copied int
	if err := s.DB().QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &pages, &copied); err != nil {
		t.Fatal(err)
	}
	return pages
}

// The background checkpointer keeps the write-ahead log from growing
// with every batch: past walRestartBytes the next write waits for the
// copy, and the log starts over.
func TestCheckpointerKeepsTheLogShort(t *testing.T) {
	for _, tc := range []struct {
		name    string
		restart int64
		short   bool
	}{{"restarts", 64 << 10, true}, {"never waits", 1 << 40, false}} {
		t.Run(tc.name, func(t *testing.T) {
			old := walRestartBytes
			walRestartBytes = tc.restart
			defer func() { walRestartBytes = old }()
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "c.db")
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for b := 0; b < 40; b++ {
				if _, err := s.PutBatch(ctx, manyPuts(10, b*10)); err != nil {
					t.Fatal(err)
				}
				if tc.short && b%4 == 3 {
					// Let the background checkpoint finish now and
					// then, as it does on an idle machine: on a loaded
					// one it may lag many batches behind, and the log
					// grows until it catches up (the promise is the
					// restart once it has, not a timing).
					logPages(t, s)
				}
			}
			var n int
			if err := s.DB().QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil || n != 400 {
				t.Fatalf("articles = %d, %v; want 400", n, err)
			}
			// The log's length in pages, as a checkpoint sees it: with
			// restarts it holds the last few batches. Without them it
			// usually holds every page every batch wrote (over a
			// thousand here), but not always: SQLite restarts the log
			// on its own when a passive checkpoint happens to finish
			// before the next write begins, so only the short log is a
			// promise.
			frames := logPages(t, s)
			if tc.short && frames >= 300 {
				t.Errorf("log of %d pages, want under 300", frames)
			}
			t.Logf("log of %d pages", frames)
			var ok string
			if err := s.DB().QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
				t.Errorf("integrity_check = %q, %v", ok, err)
			}
		})
	}
}

// A new database gets 8 KiB pages and WAL; one made with 4 KiB pages
// keeps them. Migration 10 drops the unused indexes, 11 sets the
// full-text indexes' hash size.
func TestPageSizeAndMigrations10And11(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var ps int
	var mode string
	s.DB().QueryRow(`PRAGMA page_size`).Scan(&ps)
	s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if ps != 8192 || mode != "wal" {
		t.Errorf("new database: page_size %d, journal_mode %q; want 8192, wal", ps, mode)
	}
	for _, ix := range []string{"entities_name", "places_name", "places_mention", "events_source_code", "events_target_code"} {
		var n int
		s.DB().QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = ?`, ix).Scan(&n)
		if n != 0 {
			t.Errorf("index %s still there", ix)
		}
	}
	for _, tbl := range []string{"articles_fts", "quotes_fts"} {
		var v int
		if err := s.DB().QueryRow(`SELECT v FROM ` + tbl + `_config WHERE k = 'hashsize'`).Scan(&v); err != nil || v != 8<<20 {
			t.Errorf("%s hashsize = %d, %v", tbl, v, err)
		}
	}
	// The filters those indexes might have served still work.
	if _, err := s.PutBatch(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, s, KindArticles, `place:"Gaza Strip"`); len(got) != 1 || got[0] != "b1" {
		t.Errorf("place:\"Gaza Strip\" = %v", got)
	}
	if got := ids(t, s, KindEvents, `actor:ISR`); len(got) != 1 {
		t.Errorf("events actor:ISR = %v", got)
	}

	// An existing database with 4 KiB pages keeps them.
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA page_size = 4096; CREATE TABLE x(a); PRAGMA journal_mode = WAL`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	old, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	old.DB().QueryRow(`PRAGMA page_size`).Scan(&ps)
	if ps != 4096 {
		t.Errorf("existing database: page_size %d, want 4096", ps)
	}
	if _, err := old.PutBatch(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
}

// Write transactions take the write connection in turn: a second Begin
// waits for the first to end, gives up when its context ends, and a
// handle closed with a batch left open does not hang.
func TestWritesTakeTurns(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	b1, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := s.Begin(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Begin while another write is open: %v, want the context's deadline", err)
	}
	got := make(chan error, 1)
	go func() {
		b2, err := s.Begin(ctx)
		if err == nil {
			ps := manyPuts(1, 1)
			_, err = b2.Put(&ps[0])
			if err == nil {
				err = b2.Commit()
			}
		}
		got <- err
	}()
	ps := manyPuts(1, 0)
	if _, err := b1.Put(&ps[0]); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-got:
		t.Fatalf("second write finished before the first ended: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	if err := b1.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"m00000", "m00001"} {
		if ok, _ := s.Has(ctx, id); !ok {
			t.Errorf("%s not stored", id)
		}
	}
	// Left open: Close must still return.
	if _, err := s.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close hangs with a write transaction open")
	}
}

// A reader that keeps an old snapshot open stops checkpoints from copying
// the whole log; writes must still go on (the writer waits for a
// checkpoint to finish, never for it to succeed), and once the reader
// ends the log starts over again.
func TestWritesGoOnPastALongReader(t *testing.T) {
	old := walRestartBytes
	walRestartBytes = 64 << 10
	defer func() { walRestartBytes = old }()
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.PutBatch(ctx, manyPuts(10, 0)); err != nil {
		t.Fatal(err)
	}
	reader, err := s.DB().BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := reader.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil || n != 10 {
		t.Fatalf("reader sees %d articles, %v", n, err)
	}
	done := make(chan error, 1)
	go func() {
		for b := 1; b <= 20; b++ {
			if _, err := s.PutBatch(ctx, manyPuts(10, b*10)); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("writes stalled behind a reader's snapshot")
	}
	// The reader's snapshot is unchanged, and the log could not restart.
	if err := reader.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil || n != 10 {
		t.Errorf("reader now sees %d articles, %v; want its snapshot's 10", n, err)
	}
	long := logPages(t, s)
	reader.Rollback()
	// The next write that begins after a complete checkpoint starts the
	// log over; the first writes after the reader may still find the
	// checkpoint that can now copy everything running.
	restarted := false
	b := 21
	for ; b <= 30 && !restarted; b++ {
		if _, err := s.PutBatch(ctx, manyPuts(10, b*10)); err != nil {
			t.Fatal(err)
		}
		restarted = logPages(t, s)*2 < long
	}
	if !restarted {
		t.Errorf("the log never started over after the reader ended (%d pages while it read)", long)
	}
	want := b * 10
	if err := s.DB().QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil || n != want {
		t.Errorf("articles = %d, %v; want %d", n, err, want)
	}
}
