package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"dateline/article"
	"dateline/query"
	"dateline/store"
)

// genArticles writes n small English articles, each with a unique token
// ("tok<i>") and a distinct text, into dir/sub<i%10>/a<i>.txt.
func genArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("sub%d", i%10))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprintf("Officials in the river town of Millbrook said on Monday that %d new houses were finished, tok%d. "+
			"\"We are proud of this work,\" said the mayor. The council will meet again next week to discuss the budget for year %d.\n", i*7, i, 1900+i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("a%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runIngestJSON(t *testing.T, o ingestOptions) (IngestSummary, string, error) {
	t.Helper()
	o.json = true
	var out, errb bytes.Buffer
	err := runIngest(context.Background(), o, &out, &errb)
	var sum IngestSummary
	if jerr := json.Unmarshal(out.Bytes(), &sum); jerr != nil {
		t.Fatalf("summary is not JSON (%v): %q; stderr %q", jerr, out.String(), errb.String())
	}
	return sum, errb.String(), err
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in")
	genArticles(t, src, 3)
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("corrupt.txt.gz", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'})
	write("empty.txt", nil)
	write("picture.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	write("binary.txt", bytes.Repeat([]byte{0, 1, 2, 0xff, 0xfe}, 100))
	write("mixed.jsonl", []byte(`{"text": "A reporter in the capital said the bridge over the river was closed on Friday after the storm damaged it.", "url": "https://example.org/bridge"}`+"\n{not json\n"))
	write(".hidden.txt", []byte("hidden files are not read"))
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(src, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "t.db")
	o := ingestOptions{db: db, srcs: []string{src, filepath.Join(dir, "missing.txt")}, noExtract: true, workers: 2, batch: 2}
	sum, stderr, err := runIngestJSON(t, o)
	if err != errSomeFailed {
		t.Errorf("err = %v, want errSomeFailed", err)
	}
	if sum.Read != 4 || sum.New != 4 || sum.Duplicates != 0 {
		t.Errorf("read/new/dup = %d/%d/%d, want 4/4/0", sum.Read, sum.New, sum.Duplicates)
	}
	reasons := func(ps []Problem) string {
		var b strings.Builder
		for _, p := range ps {
			fmt.Fprintf(&b, "%s: %s\n", filepath.Base(strings.SplitN(p.Input, ":", 2)[0]), p.Reason)
		}
		return b.String()
	}
	skipped, failed := reasons(sum.Skipped), reasons(sum.Failed)
	for _, want := range []string{"picture.png: unsupported file type", "empty.txt: empty input", "binary.txt: ", "dangling.txt: not a regular file"} {
		if !strings.Contains(skipped, want) {
			t.Errorf("skipped lacks %q:\n%s", want, skipped)
		}
	}
	for _, want := range []string{"corrupt.txt.gz: corrupt gzip", "mixed.jsonl: malformed JSON", "missing.txt: cannot open"} {
		if !strings.Contains(failed, want) {
			t.Errorf("failed lacks %q:\n%s", want, failed)
		}
	}
	if strings.Contains(skipped+failed, "hidden") {
		t.Error("a hidden file was read")
	}
	if !strings.Contains(stderr, "ingest: failed") || strings.Contains(stderr, "\033[") {
		t.Errorf("stderr should list problems without terminal codes: %q", stderr)
	}

	// Same input again: everything is a duplicate.
	sum2, _, _ := runIngestJSON(t, o)
	if sum2.New != 0 || sum2.Duplicates != 4 {
		t.Errorf("re-ingest: new %d, duplicates %d; want 0, 4", sum2.New, sum2.Duplicates)
	}

	// The stored articles can be listed and exported.
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q, _ := query.Parse("bridge")
	var out bytes.Buffer
	if err := printList(context.Background(), st, store.KindArticles, q, "table", store.Page{Limit: 5}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 articles match; showing 1-1") || !strings.Contains(out.String(), "bridge") {
		t.Errorf("search table:\n%s", out.String())
	}
	out.Reset()
	if err := printList(context.Background(), st, store.KindArticles, nil, "csv", store.Page{}, &out); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(out.String(), "\n"); lines != 5 {
		t.Errorf("csv has %d lines, want header + 4:\n%s", lines, out.String())
	}
}

func TestIngestNonEnglish(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "fr.txt"), []byte("Le ministre a déclaré mardi que les négociations avec les rebelles se passaient bien et qu'un accord pourrait être signé à la fin du mois selon le gouvernement."), 0o644)
	os.WriteFile(filepath.Join(dir, "en.txt"), []byte("The minister said on Tuesday that the talks with the rebels were going well and that a deal could be signed by the end of the month."), 0o644)
	sum, _, err := runIngestJSON(t, ingestOptions{db: filepath.Join(dir, "t.db"), srcs: []string{dir}, noExtract: true, workers: 1, batch: 10})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.NotEnglish != 1 {
		t.Errorf("new %d, not English %d; want 2, 1", sum.New, sum.NotEnglish)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, _ := st.Stats(context.Background())
	if stats.ByLang["fr"] != 1 || stats.ByLang["en"] != 1 || stats.ByStatus[store.StatusNotEnglish] != 1 {
		t.Errorf("stats = %+v", stats)
	}
}

// TestIngestKill9 builds the binary, kills an ingest of thousands of
// articles with SIGKILL part way, and checks that the database is intact,
// that every committed article is there once and whole, and that running
// the ingest again completes it.
func TestIngestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests thousands of articles; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dateline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const n = 4000
	src := filepath.Join(dir, "src")
	genArticles(t, src, n)
	db := filepath.Join(dir, "k.db")
	args := []string{"ingest", "--db", db, "--no-extract", "--batch", "25", "--workers", "1", "--json", src}

	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ro, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	// Wait until some batches are committed, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	for {
		var c int
		if err := ro.QueryRow(`SELECT count(*) FROM articles`).Scan(&c); err == nil && c >= 200 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("ingest committed nothing within a minute")
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	ro.Close()

	committed := checkDB(t, db)
	t.Logf("killed after %d of %d articles were committed", committed, n)
	if committed >= n {
		t.Skipf("the ingest finished before it could be killed (%d articles)", committed)
	}

	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("second ingest: %v", err)
	}
	var sum IngestSummary
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatalf("summary: %v: %s", err, out)
	}
	if sum.Read != n || sum.Duplicates != int64(committed) || sum.New != int64(n-committed) {
		t.Errorf("second run: read %d new %d duplicates %d; want %d, %d, %d", sum.Read, sum.New, sum.Duplicates, n, n-committed, committed)
	}
	if got := checkDB(t, db); got != n {
		t.Errorf("after the second run %d articles are stored, want %d", got, n)
	}
}

// checkDB verifies integrity and whole, unique articles; it returns the
// number of articles.
func checkDB(t *testing.T, path string) int {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	var ic string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ic); err != nil || ic != "ok" {
		t.Fatalf("integrity_check = %q, %v", ic, err)
	}
	var count, distinct, orphans, inputs int
	db.QueryRow(`SELECT count(*), count(DISTINCT id), count(DISTINCT input) FROM articles`).Scan(&count, &distinct, &inputs)
	db.QueryRow(`SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story LEFT JOIN texts t ON t.rid = a.rid
		WHERE s.id IS NULL OR t.rid IS NULL`).Scan(&orphans)
	if count != distinct || count != inputs {
		t.Errorf("%d articles but %d distinct IDs and %d distinct inputs", count, distinct, inputs)
	}
	if orphans != 0 {
		t.Errorf("%d articles without a story or a text", orphans)
	}
	// Each stored article is findable by its unique token: its full-text
	// row was committed with it.
	rows, err := db.Query(`SELECT rid, text FROM texts`)
	if err != nil {
		t.Fatal(err)
	}
	toks := map[int64]string{}
	for rows.Next() {
		var rid int64
		var text string
		rows.Scan(&rid, &text)
		f := strings.Fields(text[strings.Index(text, "tok"):])[0]
		toks[rid] = strings.TrimRight(f, ".")
	}
	rows.Close()
	for rid, tok := range toks {
		var got int64
		if err := db.QueryRow(`SELECT rowid & 1099511627775 FROM articles_fts WHERE articles_fts MATCH ?`, tok).Scan(&got); err != nil || got != rid {
			t.Fatalf("article %d (%s) not in the full-text index: %v", rid, tok, err)
		}
	}
	return count
}

// batchSizes is a store that records the size of every batch committed.
type batchSizes struct {
	store.Store
	sizes []int
}

func (b *batchSizes) Begin(ctx context.Context) (store.Batch, error) {
	tx, err := b.Store.Begin(ctx)
	return &countedBatch{Batch: tx, sizes: &b.sizes}, err
}

type countedBatch struct {
	store.Batch
	sizes *[]int
}

func (c *countedBatch) Commit() error {
	*c.sizes = append(*c.sizes, c.Len())
	return c.Batch.Commit()
}

// TestWriteBatchesBoundsBytes checks that a batch ends when its texts reach
// maxBatchBytes, before it has its number of articles, and that every
// article is still stored and counted once.
func TestWriteBatchesBoundsBytes(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	defer func(v int) { maxBatchBytes = v }(maxBatchBytes)
	maxBatchBytes = 1000
	bs := &batchSizes{Store: st}
	puts := make(chan store.Put, 10)
	for i := 0; i < 7; i++ {
		text := fmt.Sprintf("Article %d. ", i) + strings.Repeat("The council met again. ", 26) // ~610 bytes
		puts <- store.Put{Article: article.Article{ID: fmt.Sprintf("a%d", i), Text: text, Lang: "en"}}
	}
	close(puts)
	sum := &IngestSummary{}
	if err := writeBatches(bs, puts, 100, sum, func(bool, string, string) {}); err != nil {
		t.Fatal(err)
	}
	if want := []int{2, 2, 2, 1}; !slices.Equal(bs.sizes, want) {
		t.Errorf("batch sizes %v, want %v (two ~610-byte texts pass 1,000 bytes)", bs.sizes, want)
	}
	if sum.New != 7 || sum.Duplicates != 0 {
		t.Errorf("summary new %d duplicates %d, want 7 and 0", sum.New, sum.Duplicates)
	}
}

// failingStore refuses one article ID, in a batch and alone, as a
// database would refuse a row that breaks a constraint.
type failingStore struct {
	store.Store
	bad string
}

func (f *failingStore) Begin(ctx context.Context) (store.Batch, error) {
	tx, err := f.Store.Begin(ctx)
	return &failingBatch{Batch: tx, bad: f.bad}, err
}

func (f *failingStore) PutBatch(ctx context.Context, puts []store.Put) ([]bool, error) {
	for _, p := range puts {
		if p.Article.ID == f.bad {
			return nil, fmt.Errorf("article %s refused", p.Article.ID)
		}
	}
	return f.Store.PutBatch(ctx, puts)
}

type failingBatch struct {
	store.Batch
	bad string
}

func (f *failingBatch) Put(p *store.Put) (bool, error) {
	if p.Article.ID == f.bad {
		return false, fmt.Errorf("article %s refused", p.Article.ID)
	}
	return f.Batch.Put(p)
}

// TestWriteBatchesOneBadArticle checks that an article the database
// refuses in the middle of a batch fails alone, with its reason, and that
// the others of its batch and of the next are stored.
func TestWriteBatchesOneBadArticle(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	puts := make(chan store.Put, 10)
	for i := 0; i < 7; i++ {
		text := fmt.Sprintf("Article %d. The council met again on Monday.", i)
		puts <- store.Put{Article: article.Article{ID: fmt.Sprintf("a%d", i), Input: fmt.Sprintf("in%d", i), Text: text, Lang: "en"}}
	}
	close(puts)
	sum := &IngestSummary{}
	var failed []string
	report := func(skip bool, input, reason string) { failed = append(failed, input+": "+reason) }
	if err := writeBatches(&failingStore{Store: st, bad: "a2"}, puts, 4, sum, report); err != nil {
		t.Fatal(err)
	}
	if sum.New != 6 || len(failed) != 1 || !strings.Contains(failed[0], "in2: article a2 refused") {
		t.Errorf("new %d, failed %q; want 6 new and in2 failed", sum.New, failed)
	}
	for i := 0; i < 7; i++ {
		ok, err := st.Has(context.Background(), fmt.Sprintf("a%d", i))
		if err != nil || ok != (i != 2) {
			t.Errorf("article a%d stored = %v (%v)", i, ok, err)
		}
	}
}

// TestWriteBatchesBoundsTransactionAge checks that articles trickling in
// slower than the batch fills are committed once the transaction has been
// open maxTxAge, not held until the batch is full.
func TestWriteBatchesBoundsTransactionAge(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "age.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	defer func(v time.Duration) { maxTxAge = v }(maxTxAge)
	maxTxAge = 100 * time.Millisecond
	bs := &batchSizes{Store: st}
	puts := make(chan store.Put)
	go func() {
		for i := 0; i < 6; i++ {
			puts <- store.Put{Article: article.Article{ID: fmt.Sprintf("t%d", i), Text: fmt.Sprintf("Report %d from the council.", i), Lang: "en"}}
			time.Sleep(60 * time.Millisecond) // under the 500 ms idle flush
		}
		close(puts)
	}()
	sum := &IngestSummary{}
	if err := writeBatches(bs, puts, 100, sum, func(bool, string, string) {}); err != nil {
		t.Fatal(err)
	}
	if len(bs.sizes) < 2 || sum.New != 6 {
		t.Errorf("batches %v, %d new; want the 6 articles in several batches", bs.sizes, sum.New)
	}
}

// --trace writes a Go execution trace of the ingest, and a trace file
// that cannot be made is an error that names the flag before anything is
// read.
func TestIngestTrace(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(src, []byte("LONDON (Reuters) - The minister said on Monday the plan would go ahead."), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) error {
		cmd := newRootCmd()
		var out, errOut bytes.Buffer
		cmd.SetOut(&out)
		cmd.SetErr(&errOut)
		cmd.SetArgs(append([]string{"ingest", "--quiet", "--db", filepath.Join(dir, "x.db")}, args...))
		return cmd.ExecuteContext(context.Background())
	}
	tr := filepath.Join(dir, "ingest.trace")
	if err := run("--trace", tr, src); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(tr); err != nil || fi.Size() == 0 {
		t.Errorf("trace file: %v, %v", fi, err)
	}
	err := run("--trace", filepath.Join(dir, "no", "such", "dir", "t"), src)
	if err == nil || !strings.Contains(err.Error(), "--trace") {
		t.Errorf("unwritable trace: err %v, want one naming --trace", err)
	}
}
