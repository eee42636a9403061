package main

import (
	"bufio"
	"context"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"dateline/article"
	"dateline/extract"
	"dateline/store"
)

// sharedDir finds ../shared next to the repository root (the folder with
// go.mod), or returns "" when it is absent.
func sharedDir() string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(s); err == nil {
				return s
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// replicate copies the polnear-train articles into dir until n files
// exist. Copy k of an article gets a short closing line of its own, so it
// has its own ID (it is stored, not counted as a duplicate) while staying
// a near-duplicate that joins the original's story — like a wire story
// republished by many outlets.
func replicate(b *testing.B, src, dir string, n int) int64 {
	entries, err := os.ReadDir(src)
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]byte
	for _, e := range entries {
		if e.Type().IsRegular() {
			data, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, data)
		}
	}
	if len(texts) == 0 {
		b.Skipf("no articles in %s", src)
	}
	var total int64
	for i := 0; i < n; i++ {
		data := texts[i%len(texts)]
		if k := i / len(texts); k > 0 {
			data = append(append([]byte{}, data...), fmt.Sprintf("\n\n(Republished by outlet %d.)\n", k)...)
		}
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%50))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("a%06d.txt", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(data))
	}
	return total
}

// benchCorpus returns the polnear-train bench corpus folder and the number
// of files to replicate it to (DATELINE_BENCH_ARTICLES, default 10,080 =
// 12 copies), skipping the benchmark when ../shared is absent.
func benchCorpus(b *testing.B) (src string, n int) {
	shared := sharedDir()
	if shared == "" {
		b.Skip("../shared is absent: the benchmark needs ../shared/corpus/bench/polnear-train")
	}
	src = filepath.Join(shared, "corpus", "bench", "polnear-train")
	if _, err := os.Stat(src); err != nil {
		b.Skipf("%s is absent", src)
	}
	n = 10_080
	if v := os.Getenv("DATELINE_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("DATELINE_BENCH_ARTICLES=%q is not a positive number", v)
		}
	}
	return src, n
}

// benchIngest builds the binary and times `dateline ingest` over the
// polnear-train bench corpus replicated to DATELINE_BENCH_ARTICLES files
// (default 10,080 = 12 copies), reporting articles/s, input MB/s and the
// peak resident memory of the ingest process. Run with -benchtime 1x.
func benchIngest(b *testing.B, extra ...string) {
	src, n := benchCorpus(b)
	dir := b.TempDir()
	bin := filepath.Join(dir, "dateline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	bytes := replicate(b, src, in, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db := filepath.Join(dir, fmt.Sprintf("bench%d.db", i))
		args := append([]string{"ingest", "--json", "--quiet", "--db", db}, extra...)
		cmd := exec.Command(bin, append(args, in)...)
		cmd.Stderr = os.Stderr
		t0 := time.Now()
		out, err := cmd.Output()
		el := time.Since(t0)
		if err != nil {
			b.Fatalf("ingest: %v", err)
		}
		var sum IngestSummary
		if err := json.Unmarshal(out, &sum); err != nil {
			b.Fatalf("summary: %v", err)
		}
		// The corpus holds one article twice, so a few copies are duplicates.
		if sum.New+sum.Duplicates != int64(n) || sum.Duplicates > int64(n/100) || len(sum.Failed) > 0 {
			b.Errorf("of %d articles: %d new, %d duplicates, %d failed", n, sum.New, sum.Duplicates, len(sum.Failed))
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
		b.ReportMetric(float64(n)/el.Seconds(), "articles/s")
		b.ReportMetric(float64(bytes)/1e6/el.Seconds(), "MB/s")
		b.ReportMetric(float64(rss)/1024, "peak_RSS_MB")
		b.ReportMetric(float64(n), "articles")
	}
}

// BenchmarkIngestPolnear is the end-to-end ingest: read, detect language,
// extract, store.
func BenchmarkIngestPolnear(b *testing.B) { benchIngest(b) }

// BenchmarkIngestPolnearNoExtract is the same ingest without extraction:
// the reading and storing path alone.
func BenchmarkIngestPolnearNoExtract(b *testing.B) { benchIngest(b, "--no-extract") }

// BenchmarkIngestPolnearNoCache is the end-to-end ingest with the
// sentence cache off: every copy is analysed afresh, as unique articles
// would be.
func BenchmarkIngestPolnearNoCache(b *testing.B) { benchIngest(b, "--sentence-cache", "0") }

// BenchmarkStorePolnear times the store alone on real records: the
// replicated polnear-train corpus (as BenchmarkIngestPolnear) is read and
// extracted first, untimed, then written with PutBatch in batches of 200
// into a fresh database, as ingest's single writer does
// (DATELINE_BENCH_BATCH changes the batch size). It reports
// articles/s and the process CPU seconds (user+sys) the writing took, the
// figure to compare when the box is shared (it includes collecting the
// garbage of a heap that holds the whole extracted corpus, which ingest
// never does: -cpuprofile and the samples under PutBatch give the writer's
// own share). DATELINE_BENCH_ARTICLES
// changes the number of articles.
func BenchmarkStorePolnear(b *testing.B) {
	src, n := benchCorpus(b)
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	replicate(b, src, in, n)
	var files []string
	filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files) // ingest's order
	puts := extractedPuts(b, files)
	runtime.GC()
	batch := 200
	if v := os.Getenv("DATELINE_BENCH_BATCH"); v != "" {
		batch, _ = strconv.Atoi(v)
		batch = max(batch, 1)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := store.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("s%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		cpu0 := cpuSeconds()
		t0 := time.Now()
		for k := 0; k < len(puts); k += batch {
			if _, err := st.PutBatch(context.Background(), puts[k:min(k+batch, len(puts))]); err != nil {
				b.Fatal(err)
			}
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		el := time.Since(t0)
		b.ReportMetric(float64(len(puts))/el.Seconds(), "articles/s")
		b.ReportMetric(cpuSeconds()-cpu0, "cpu_s")
		b.ReportMetric(float64(len(puts)), "articles")
	}
}

// extractedPuts reads and extracts files as ingest does. With
// DATELINE_BENCH_PUTS=FILE the result is kept in FILE (gob) and read
// from there by later runs, so that comparisons of store changes skip the
// extraction (delete the file when extraction changes).
func extractedPuts(b *testing.B, files []string) []store.Put {
	cache := os.Getenv("DATELINE_BENCH_PUTS")
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			var puts []store.Put
			if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&puts); err != nil {
				b.Fatalf("%s: %v", cache, err)
			}
			if len(puts) == len(files) {
				for i := range puts {
					puts[i].Encode() // as ingest's workers do (not kept by gob)
				}
				return puts
			}
		}
	}
	pipe, err := extract.NewPipeline(extract.Options{SentenceCache: 50_000})
	if err != nil {
		b.Fatal(err)
	}
	puts := make([]store.Put, len(files))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				article.ReadFile(context.Background(), files[i], article.Options{}, func(a article.Article, err error) bool {
					if err != nil {
						b.Error(err)
						return false
					}
					p, err := prepare(pipe, a)
					if err != nil {
						b.Error(err)
					}
					puts[i] = p
					return true
				})
			}
		}()
	}
	wg.Wait()
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(f)
		if err := gob.NewEncoder(w).Encode(puts); err != nil {
			b.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	return puts
}

// cpuSeconds is the CPU time (user+sys) the process has used so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
