package ner

import (
	"bytes"
	"dateline/internal/cpuclock"
	"runtime"
	"testing"
)

const devPath = "../../../shared/data/conll2003/eng.testa"

// BenchmarkRecognize measures the embedded model on the CoNLL-2003
// development documents (both passes, one document per call, one core).
// It reports tokens/s of wall time, and cpu-tokens/s: tokens per second
// of CPU time the process used, which stays meaningful when the machine
// is shared (run it with -cpu 1 so only one core works).
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
	cpu0 := cpuclock.Process()
	for i := 0; i < b.N; i++ {
		for _, ss := range sents {
			r.RecognizeDocument(ss)
		}
	}
	cpu := cpuclock.Process() - cpu0
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(ntok)*float64(b.N)/cpu.Seconds(), "cpu-tokens/s")
	}
}

// BenchmarkLoad decodes the embedded model and reports the heap it
// occupies once loaded (heap-MB, after a garbage collection).
func BenchmarkLoad(b *testing.B) {
	var keep *Recognizer
	for i := 0; i < b.N; i++ {
		r, err := ReadModel(bytes.NewReader(embeddedModel))
		if err != nil {
			b.Fatal(err)
		}
		keep = r
	}
	b.StopTimer()
	var before, after runtime.MemStats
	keep = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	keep, _ = ReadModel(bytes.NewReader(embeddedModel))
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(keep)
}
