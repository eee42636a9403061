package ner

import (
	"testing"
)

const devPath = "../../../shared/data/conll2003/eng.testa"

// BenchmarkRecognize measures the embedded model on the CoNLL-2003
// development documents (both passes, one document per call, one core).
// It reports tokens/s.
func BenchmarkRecognize(b *testing.B) {
	docs, err := ReadCoNLLFile(devPath)
	if err != nil {
		b.Skipf("CoNLL-2003 dev set not available (%v); skipping", err)
	}
	r, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][][]string
	ntok := 0
	for _, d := range docs {
		var ss [][]string
		for _, s := range d.Sentences {
			ss = append(ss, s.Words)
			ntok += len(s.Words)
		}
		sents = append(sents, ss)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, ss := range sents {
			r.RecognizeDocument(ss)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
