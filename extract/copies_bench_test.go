package extract

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"dateline/article"
	"dateline/internal/cpuclock"
)

// BenchmarkExtractCopies measures what a wire copy costs once its
// original has been seen: a pipeline with the sentence cache (as ingest
// runs it) extracts 200 bench articles before the timer starts, then each
// iteration extracts copy k of every one (the original with a closing line
// of its own, like the ingest benchmark's replicas). Reports articles/s
// and the process's CPU time per article (garbage collection included).
var (
	copiesOnce  sync.Once
	copiesPipe  *Pipeline
	copiesTexts []string
	copiesErr   error
)

func BenchmarkExtractCopies(b *testing.B) {
	files := benchFiles(b, 200)
	copiesOnce.Do(func() {
		copiesPipe, copiesErr = NewPipeline(Options{SentenceCache: 50_000})
		if copiesErr != nil {
			return
		}
		for i, f := range files {
			t, err := os.ReadFile(f)
			if err != nil {
				copiesErr = err
				return
			}
			copiesTexts = append(copiesTexts, string(t))
			copiesPipe.Extract(article.Article{ID: fmt.Sprintf("a%06d", i), Text: string(t), Published: "2020-01-01"})
		}
	})
	if copiesErr != nil {
		b.Fatal(copiesErr)
	}
	p, texts := copiesPipe, copiesTexts
	b.ResetTimer()
	cpu0 := cpuclock.Process()
	n := 0
	for k := 1; k <= b.N; k++ {
		for i, t := range texts {
			text := t + fmt.Sprintf("\n\n(Republished by outlet %d.)\n", k)
			p.Extract(article.Article{ID: fmt.Sprintf("a%06d-%d", i, k), Text: text, Published: "2020-01-01"})
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((cpuclock.Process()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/article")
}
