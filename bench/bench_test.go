package bench

import (
	"context"
	"os"
	"testing"

	"dateline/article"
)

// loadOrSkip reads the bench corpus, skipping when ../shared is absent.
func loadOrSkip(b *testing.B, n int) []article.Article {
	const dir = "../../shared/corpus/bench/polnear-train"
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("bench corpus %s not present: %v", dir, err)
	}
	arts, err := LoadCorpus(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) > n {
		arts = arts[:n]
	}
	return arts
}

// BenchmarkAnnotateCorpus runs the text engine over the first 100 bench
// articles, one worker; it reports tokens/s.
func BenchmarkAnnotateCorpus(b *testing.B) { benchStage(b, StageAnnotate) }

// BenchmarkExtractCorpus runs the full pipeline over the same articles.
func BenchmarkExtractCorpus(b *testing.B) { benchStage(b, StageExtract) }

func benchStage(b *testing.B, st Stage) {
	arts := loadOrSkip(b, 100)
	if _, err := Run(context.Background(), arts[:1], st, 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var toks, sents int
	for i := 0; i < b.N; i++ {
		r, err := Run(context.Background(), arts, st, 1)
		if err != nil {
			b.Fatal(err)
		}
		toks += r.Tokens
		sents += r.Sentences
	}
	b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}

// TestExtractStageSplitsTime checks that the extract stage reports the
// engine's and the extractors' seconds and the share between them, and
// that the annotate stage leaves them out.
func TestExtractStageSplitsTime(t *testing.T) {
	arts := []article.Article{
		{ID: "a1", Text: "Officials in Nairobi said on Monday that talks with Ethiopia would resume.", Published: "2024-03-04"},
		{ID: "a2", Text: "At least 12 people were killed when a bus overturned near Mombasa, police said.", Published: "2024-03-05"},
		{ID: "a3", Text: "The minister met her Ugandan counterpart in Kampala.", Published: "2024-03-06"},
	}
	r, err := Run(context.Background(), arts, StageExtract, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != 3 || r.Tokens == 0 {
		t.Fatalf("extract stage counted %d articles, %d tokens", r.Articles, r.Tokens)
	}
	if r.EngineSeconds <= 0 || r.ExtractorSeconds <= 0 {
		t.Fatalf("extract stage split %v engine / %v extractor seconds, want both > 0", r.EngineSeconds, r.ExtractorSeconds)
	}
	if d := r.ExtractorShare - r.ExtractorSeconds/r.EngineSeconds; d > 1e-9 || d < -1e-9 {
		t.Fatalf("share %v is not extractor/engine %v", r.ExtractorShare, r.ExtractorSeconds/r.EngineSeconds)
	}
	if r.EngineSeconds+r.ExtractorSeconds > r.Seconds*1.05 {
		t.Fatalf("halves %v + %v exceed the run's %v seconds", r.EngineSeconds, r.ExtractorSeconds, r.Seconds)
	}
	a, err := Run(context.Background(), arts, StageAnnotate, 1)
	if err != nil {
		t.Fatal(err)
	}
	if a.EngineSeconds != 0 || a.ExtractorShare != 0 {
		t.Fatalf("annotate stage reported a split: %+v", a)
	}
}
