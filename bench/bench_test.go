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
