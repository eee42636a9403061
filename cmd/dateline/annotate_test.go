package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/nlp"
)

func runAnnotate(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(append([]string{"annotate"}, args...))
	err := cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// TestAnnotateCoNLLU checks the CoNLL-U output: one block per sentence,
// ten columns, one root per sentence, heads inside the sentence, entity
// tags and offsets that point at the word; and that a missing file is
// reported while the good one is still printed.
func TestAnnotateCoNLLU(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	text := "Hamas said Israel struck the Gaza Strip on Monday. Dmitry Peskov spoke in Moscow."
	os.WriteFile(path, []byte(text), 0o644)
	out, errOut, err := runAnnotate(t, path, filepath.Join(dir, "missing.txt"))
	if err == nil || !strings.Contains(errOut, "missing.txt") {
		t.Errorf("missing file: err %v, stderr %q", err, errOut)
	}
	blocks := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(blocks) != 2 {
		t.Fatalf("%d sentence blocks, want 2:\n%s", len(blocks), out)
	}
	ents := map[string]string{}
	for _, b := range blocks {
		roots, words := 0, 0
		for _, line := range strings.Split(b, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			if len(cols) != 10 {
				t.Fatalf("%d columns in %q", len(cols), line)
			}
			words++
			if cols[6] == "0" {
				roots++
			}
			var s, e int
			for _, m := range strings.Split(cols[9], "|") {
				if v, ok := strings.CutPrefix(m, "Offset="); ok {
					if _, err := fmtSscanf(v, &s, &e); err != nil || text[s:e] != cols[1] {
						t.Errorf("offset %q does not point at %q", v, cols[1])
					}
				}
				if v, ok := strings.CutPrefix(m, "NER="); ok {
					ents[cols[1]] = v
				}
			}
		}
		if roots != 1 || words == 0 {
			t.Errorf("sentence with %d roots, %d words:\n%s", roots, words, b)
		}
	}
	for w, tag := range map[string]string{"Hamas": "B-ORG", "Peskov": "I-PER", "Moscow": "B-LOC"} {
		if ents[w] != tag {
			t.Errorf("%s tagged %q, want %s", w, ents[w], tag)
		}
	}
	js, _, err := runAnnotate(t, "--format", "json", path)
	if err != nil {
		t.Fatal(err)
	}
	var doc nlp.Doc
	if err := json.Unmarshal([]byte(js), &doc); err != nil || len(doc.Sents) != 2 || doc.Text != text {
		t.Errorf("json: %v, %d sentences", err, len(doc.Sents))
	}
	if _, _, err := runAnnotate(t, "--format", "xml", path); err == nil {
		t.Error("--format xml accepted")
	}
}

func fmtSscanf(v string, s, e *int) (int, error) { return fmt.Sscanf(v, "%d-%d", s, e) }
