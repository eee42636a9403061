package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/nlp"
)

func TestSegmentsOverlap(t *testing.T) {
	a := Segments{{0, 10}, {20, 30}}
	b := Segments{{5, 25}}
	if got := a.Overlap(b); got != 10 {
		t.Errorf("overlap = %d, want 10", got)
	}
	if a.Len() != 20 || b.Len() != 20 {
		t.Errorf("lengths %d %d", a.Len(), b.Len())
	}
}

func TestRuneIndex(t *testing.T) {
	text := "a’b c" // ’ is three bytes
	ri := newRuneIndex(text)
	if ri[0] != 0 || ri[1] != 1 || ri[4] != 2 || ri[len(text)] != 5 {
		t.Errorf("rune index = %v", ri)
	}
}

// writePolNeAR lays out a one-article PolNeAR-style directory.
func writePolNeAR(t *testing.T, text, ann string) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"text", "attributions"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "text", "art.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "art_zz.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	// A second annotator, later in name order, must be ignored.
	if err := os.WriteFile(filepath.Join(dir, "attributions", "art_zzz.ann"), []byte("T1\tCue 0 1\tx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestQuotesEval(t *testing.T) {
	// Code-point offsets: "“" counts as one character.
	text := "“Rain is coming,” the farmer said. Nobody listened."
	ann := "T1\tContent 0 17\t“Rain is coming,”\n" +
		"T2\tSource 18 28\tthe farmer\n" +
		"T3\tCue 29 33\tsaid\n" +
		"T4\tAttribution 29 33\tsaid\n" +
		"E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
	dir := writePolNeAR(t, text, ann)
	gold, err := LoadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 1 || len(gold[0].Attributions) != 1 {
		t.Fatalf("gold = %+v", gold)
	}
	r, err := Quotes(context.Background(), gold, nlp.NewDoc, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Gold != 1 || r.Predicted != 1 || r.ContentF1 != 1 || r.CueF1 != 1 || r.SourceAccuracy != 1 {
		t.Errorf("result = %+v", r)
	}
	var b strings.Builder
	WriteQuotesTable(&b, r)
	if !strings.Contains(b.String(), "content  P 1.000") {
		t.Errorf("table:\n%s", b.String())
	}
}

func TestLoadPolNeARErrors(t *testing.T) {
	if _, err := LoadPolNeAR(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no articles") {
		t.Errorf("empty dir: err = %v", err)
	}
	dir := writePolNeAR(t, "x", "T1\tContent 5 two\tx\n")
	if _, err := LoadPolNeAR(dir); err == nil || !strings.Contains(err.Error(), "art_zz.ann:1") {
		t.Errorf("bad offsets: err = %v", err)
	}
}

func TestQuotesEvalPolNeARDev(t *testing.T) {
	dir := "../../shared/eval/quotes/polnear-dev"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("PolNeAR dev set not available at", dir)
	}
	gold, err := LoadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Quotes(context.Background(), gold, nlp.NewDoc, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != 84 || r.ContentPrecision < 0.5 || r.SourceAccuracy < 0.8 {
		t.Errorf("dev result fell: %+v", r)
	}
}

func TestBoundaryEdges(t *testing.T) {
	text := "He said the plan failed on Friday."
	gold := Segments{{8, 23}}  // "the plan failed"
	pred := Segments{{12, 33}} // "plan failed on Friday"
	got := boundaryEdges(text, gold, pred)
	want := ` L+"the " R-" on Friday"`
	if got != want {
		t.Errorf("boundaryEdges = %s, want %s", got, want)
	}
	if got := boundaryEdges(text, gold, gold); got != "" {
		t.Errorf("same spans: %q, want empty", got)
	}
}
