package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/article"
	"dateline/record"
	"dateline/store"
)

// syncBuffer lets the test read what the running command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeCommand runs `dateline serve` read-only on a free port over a
// database holding one article, and checks the wiring: the UI, the API,
// the health probe, and that writes are refused without a token.
func TestServeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	text := `The ferry to Westholm will run again from Monday, the harbour office said. "Tickets are on sale now," a spokeswoman said.`
	i := strings.Index(text, "Tickets are on sale now,")
	res := record.Result{Version: "test", Quotes: []record.Quote{{ID: "q1", Kind: record.QuoteDirect,
		Content: record.Evidence{ArticleID: "ferry01", Start: i, End: i + len("Tickets are on sale now,")}, SpeakerName: "a spokeswoman"}}}
	if _, err := st.PutArticle(context.Background(), article.Article{ID: "ferry01", Title: "Ferry returns", Text: text, Published: "2024-06-03", Lang: "en"}, res, store.Meta{}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	t.Setenv("DATELINE_TOKEN", "")
	ctx, cancel := context.WithCancel(context.Background())
	cmd := newRootCmd()
	var stderr syncBuffer
	cmd.SetErr(&stderr)
	cmd.SetOut(io.Discard)
	cmd.SetArgs([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"})
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with %v", err)
		}
	}()

	addrRe := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)/ \(read-only`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addrRe.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("serve did not report its address; stderr: %q", stderr.String())
	}
	get := func(path string, want int) []byte {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Fatalf("GET %s: %d, want %d: %s", path, resp.StatusCode, want, body)
		}
		return body
	}
	if body := get("/", 200); !bytes.Contains(body, []byte(`src="/assets/app.js"`)) {
		t.Errorf("UI page: %s", body)
	}
	get("/assets/app.js", 200)
	get("/healthz", 200)
	var l struct {
		Total   int
		Results []store.Row
	}
	if err := json.Unmarshal(get("/api/v1/quotes?q=tickets", 200), &l); err != nil || l.Total != 1 {
		t.Errorf("quotes: %+v %v", l, err)
	}
	resp, err := http.Post(base+"/api/v1/articles", "text/plain", strings.NewReader("Some text."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST without a configured token: %d, want 403", resp.StatusCode)
	}
}
