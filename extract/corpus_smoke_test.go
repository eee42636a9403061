package extract

import (
	"context"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"dateline/article"
	"dateline/record"
)

// TestBenchCorpusSmoke extracts every article of the benchmark corpus
// (../shared, when present; 840 articles, two workers) and checks that
// none panics and each record points inside its text: real news finds
// paths that short test texts do not (a quote's speaker two sentences
// back, a pronoun for it). It scores nothing, so nothing is tuned on that
// corpus.
func TestBenchCorpusSmoke(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "bench", "polnear-train")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Skipf("no benchmark corpus at %s (it lives in ../shared beside the repository)", dir)
	}
	if testing.Short() {
		t.Skip("-short: skipping the corpus run")
	}
	sort.Strings(names)
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	n := 0
	work := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range work {
				article.ReadFile(context.Background(), name, article.Options{Published: "2016-10-01"}, func(a article.Article, err error) bool {
					if err != nil {
						t.Errorf("%s: %v", name, err)
						return true
					}
					_, res := p.Extract(a)
					res.EachEvidence(func(ev *record.Evidence) {
						if ev.Start < 0 || ev.End > len(a.Text) || ev.Start > ev.End {
							t.Errorf("%s: evidence [%d, %d) outside the text (%d bytes), rule %s", name, ev.Start, ev.End, len(a.Text), ev.Rule)
						}
					})
					mu.Lock()
					n++
					mu.Unlock()
					return true
				})
			}
		}()
	}
	for _, name := range names {
		work <- name
	}
	close(work)
	wg.Wait()
	if n < len(names) {
		t.Errorf("extracted %d articles of %d files", n, len(names))
	}
}
