package main

import (
	"bytes"
	"context"
	"dateline/extract"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runExtract runs `dateline extract` with args and returns stdout and
// stderr.
func runExtract(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	cmd := newExtractCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// TestExtractKBExtra checks that --kb-extra codes an actor and resolves a
// place the embedded knowledge does not know, and that a bad file is an
// error naming the file and line.
func TestExtractKBExtra(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	dir := t.TempDir()
	text := filepath.Join(dir, "story.txt")
	os.WriteFile(text, []byte("The Ridgeback Brigade shelled a checkpoint outside the town of Quillonvale on Monday, the army said.\n"), 0o644)
	extra := filepath.Join(dir, "mine.tsv")
	os.WriteFile(extra, []byte("# my actors\ngroup\tRidgeback Brigade\tRidgebacks\tSYRREB\t\t\tlocal armed group\n"+
		"place\tQuillonvale\t\t35.5\t36.2\t800\tcity\tSY\t\n"), 0o644)

	type records struct {
		Entities []struct {
			Name string `json:"name"`
			Code string `json:"code"`
		} `json:"entities"`
		Places []struct {
			Name    string  `json:"name"`
			Lat     float64 `json:"lat"`
			Country string  `json:"country"`
		} `json:"places"`
	}
	type result struct {
		Records records `json:"records"`
	}
	decode := func(out string) records {
		var r result
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("output is not one JSON object: %v\n%s", err, out)
		}
		return r.Records
	}
	out, _, err := runExtract(t, "--format", "json", "--published", "2024-01-10", "--kb-extra", extra, text)
	if err != nil {
		t.Fatal(err)
	}
	r := decode(out)
	coded := false
	for _, e := range r.Entities {
		if e.Name == "Ridgeback Brigade" && e.Code == "SYRREB" {
			coded = true
		}
	}
	if !coded {
		t.Errorf("Ridgeback Brigade not coded SYRREB from --kb-extra: %+v", r.Entities)
	}
	placed := false
	for _, p := range r.Places {
		if p.Name == "Quillonvale" && p.Lat == 35.5 {
			placed = true
		}
	}
	if !placed {
		t.Errorf("Quillonvale not resolved from --kb-extra: %+v", r.Places)
	}

	// Without the file the same text knows neither.
	out, _, err = runExtract(t, "--format", "json", "--published", "2024-01-10", text)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range decode(out).Places {
		if p.Name == "Quillonvale" && p.Lat == 35.5 {
			t.Errorf("Quillonvale resolved without --kb-extra")
		}
	}

	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("group\tOnly a name\n"), 0o644)
	_, _, err = runExtract(t, "--kb-extra", bad, text)
	if err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("bad --kb-extra file: got %v, want an error naming bad.tsv:1", err)
	}
	_, _, err = runExtract(t, "--kb-extra", filepath.Join(dir, "missing.tsv"), text)
	if err == nil || !strings.Contains(err.Error(), "missing.tsv") {
		t.Errorf("missing --kb-extra file: got %v", err)
	}
}

// TestIngestSentenceCacheSummary: a republished copy reuses the analysis
// of the sentences it shares with the original, and the summary says so.
func TestIngestSentenceCacheSummary(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "in")
	os.MkdirAll(src, 0o755)
	story := "Rescue teams reached the flooded valley on Tuesday. The river had risen two metres overnight.\n"
	os.WriteFile(filepath.Join(src, "a.txt"), []byte(story), 0o644)
	os.WriteFile(filepath.Join(src, "b.txt"), []byte(story+"\nThe report was republished by a local paper.\n"), 0o644)
	sum, stderr, err := runIngestJSON(t, ingestOptions{db: filepath.Join(dir, "t.db"), srcs: []string{src}, workers: 1, batch: 10,
		know: extract.Options{SentenceCache: 100}})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if sum.New != 2 || sum.SentencesReused != 2 || sum.SentencesAnalysed != 3 {
		t.Errorf("new %d, sentences analysed %d, reused %d; want 2 new, 3 analysed, 2 reused", sum.New, sum.SentencesAnalysed, sum.SentencesReused)
	}
}
