package article

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"
)

// benchRead reads data as the named input b.N times and fails on errors.
func benchRead(b *testing.B, name string, data []byte, wantArticles int) {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		Read(context.Background(), name, bytes.NewReader(data), Options{}, func(a Article, err error) bool {
			if err != nil {
				b.Fatal(err)
			}
			n++
			return true
		})
		if n != wantArticles {
			b.Fatalf("read %d articles, want %d", n, wantArticles)
		}
	}
}

func BenchmarkReadText(b *testing.B) {
	data, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, "wire.txt", data, 1)
}

func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, "page.html", data, 1)
}

// BenchmarkReadJSONL reads 1,000 generated JSON lines of about 1.3 KB.
func BenchmarkReadJSONL(b *testing.B) {
	var buf bytes.Buffer
	for i := range 1000 {
		fmt.Fprintf(&buf, `{"url": "https://news.example/story/%d?utm_source=rss", "title": "Story %d", "published": "2024-02-%02dT10:00:00Z", "text": "VALMORA — `, i, i, i%28+1)
		for range 8 {
			buf.WriteString(`Dock workers in the port walked off the job on Wednesday, the union said, demanding higher pay.\n\n`)
		}
		buf.WriteString("\"}\n")
	}
	benchRead(b, "bench.jsonl", buf.Bytes(), 1000)
}

// BenchmarkReadCorpus reads the 840 plain-text bench articles from
// ../shared (skipped when absent), file by file as ReadFile does.
func BenchmarkReadCorpus(b *testing.B) {
	const dir = "../../shared/corpus/bench/polnear-train"
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Skipf("bench corpus not available (%v); it lives in ../shared beside the repo", err)
	}
	var size int64
	for _, e := range ents {
		if info, err := e.Info(); err == nil {
			size += info.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		ReadFile(context.Background(), dir, Options{}, func(a Article, err error) bool {
			if err != nil {
				b.Fatal(err)
			}
			n++
			return true
		})
		if n != len(ents) {
			b.Fatalf("read %d articles, want %d", n, len(ents))
		}
	}
}
