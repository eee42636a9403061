package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
