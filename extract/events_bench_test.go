package extract

import (
	"os"
	"path/filepath"
	"testing"

	"dateline/nlp"
)

// BenchmarkEvents measures event coding alone (the text engine, quotes,
// entities, places and times run before the timer starts) over 100 bench
// articles, reporting sentences per second.
func BenchmarkEvents(b *testing.B) {
	files := benchFiles(b, 100)
	evEngineOnce.Do(func() { evEngine, evEngineErr = nlp.Default() })
	if evEngineErr != nil {
		b.Fatal(evEngineErr)
	}
	type input struct {
		doc *nlp.Doc
		in  EventInput
	}
	var docs []input
	sents := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := evEngine.Annotate(string(t))
		qs := Quotes(d, f)
		m := Entities(d, f, nil, "2020-01-01", qs)
		docs = append(docs, input{d, EventInput{ArticleID: f, Published: "2020-01-01", Quotes: qs, Places: Places(d, f, nil, "", m), Times: Times(d, f, publishedTime("2020-01-01")), Mentions: m}})
		sents += len(d.Sents)
	}
	c, err := DefaultEventCoder()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			c.Code(d.doc, d.in)
		}
	}
	b.ReportMetric(float64(sents*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// benchFiles returns up to n files of the benchmark corpus, skipping the
// benchmark when ../shared is not beside the repository.
func benchFiles(b *testing.B, n int) []string {
	files, _ := filepath.Glob("../../shared/corpus/bench/polnear-train/*.txt")
	if len(files) == 0 {
		b.Skip("../shared/corpus/bench/polnear-train not available")
	}
	return files[:min(n, len(files))]
}
