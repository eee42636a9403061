// Package bench measures whole-corpus throughput of the text engine and the
// extraction pipeline: the figures docs/PERFORMANCE.md reports alongside the
// per-component `go test -bench` benchmarks.
package bench

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"dateline/article"
	"dateline/extract"
	"dateline/nlp"
)

// Stage selects how much of the pipeline a run measures.
type Stage string

const (
	// StageAnnotate runs the text engine alone (nlp.Annotate).
	StageAnnotate Stage = "annotate"
	// StageExtract runs the text engine and every extractor.
	StageExtract Stage = "extract"
)

// Result is one measured run.
type Result struct {
	Stage        Stage   `json:"stage"`
	Workers      int     `json:"workers"`
	GOMAXPROCS   int     `json:"gomaxprocs"`
	Articles     int     `json:"articles"`
	Sentences    int     `json:"sentences"`
	Tokens       int     `json:"tokens"`
	Bytes        int64   `json:"bytes"`
	Seconds      float64 `json:"seconds"`
	TokensPerSec float64 `json:"tokens_per_sec"`
	SentsPerSec  float64 `json:"sentences_per_sec"`
	ArticlesPerS float64 `json:"articles_per_sec"`
	MBPerSec     float64 `json:"mb_per_sec"`
	// TokensPerSecPerCore divides by the workers actually running in
	// parallel (min of Workers and GOMAXPROCS).
	TokensPerSecPerCore float64 `json:"tokens_per_sec_per_core"`
	PeakRSSMB           float64 `json:"peak_rss_mb"` // VmHWM of the process, Linux only
	// In the extract stage, the wall seconds the workers spent in the text
	// engine and in the extractors, summed over articles, and the
	// extractors' share on top of the engine (ExtractorSeconds /
	// EngineSeconds). Both halves run in the same process at the same
	// moments, so the share does not swing with the host the way two
	// separate runs do.
	EngineSeconds    float64 `json:"engine_seconds,omitempty"`
	ExtractorSeconds float64 `json:"extractor_seconds,omitempty"`
	ExtractorShare   float64 `json:"extractor_share,omitempty"`
}

// LoadCorpus reads every article under dir (any format article reads).
func LoadCorpus(ctx context.Context, dir string) ([]article.Article, error) {
	var arts []article.Article
	var firstErr error
	article.ReadFile(ctx, dir, article.Options{}, func(a article.Article, err error) bool {
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			return true
		}
		arts = append(arts, a)
		return true
	})
	if len(arts) == 0 {
		if firstErr != nil {
			return nil, firstErr
		}
		return nil, fmt.Errorf("bench: no articles under %s", dir)
	}
	return arts, nil
}

// Run processes every article once (after one untimed warm-up article, so
// model loading is not counted) with the given number of workers.
func Run(ctx context.Context, arts []article.Article, stage Stage, workers int) (Result, error) {
	if workers < 1 {
		workers = 1
	}
	var run func(a article.Article) *nlp.Doc
	var engineNS, extractNS atomic.Int64
	switch stage {
	case StageAnnotate:
		p, err := nlp.Default()
		if err != nil {
			return Result{}, err
		}
		run = func(a article.Article) *nlp.Doc { return p.Annotate(a.Text) }
	case StageExtract:
		p, err := extract.NewPipeline(extract.Options{})
		if err != nil {
			return Result{}, err
		}
		run = func(a article.Article) *nlp.Doc {
			t0 := time.Now()
			d := p.Annotate(a.Text)
			t1 := time.Now()
			p.ExtractFrom(d, a)
			engineNS.Add(int64(t1.Sub(t0)))
			extractNS.Add(int64(time.Since(t1)))
			return d
		}
	default:
		return Result{}, fmt.Errorf("bench: unknown stage %q (annotate or extract)", stage)
	}
	run(arts[0]) // warm-up: load models and knowledge
	engineNS.Store(0)
	extractNS.Store(0)

	var next, sents, toks atomic.Int64
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Text))
	}
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(arts) || ctx.Err() != nil {
					return
				}
				d := run(arts[i])
				sents.Add(int64(len(d.Sents)))
				toks.Add(int64(len(d.Tokens)))
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	secs := time.Since(start).Seconds()
	par := min(workers, runtime.GOMAXPROCS(0))
	r := Result{Stage: stage, Workers: workers, GOMAXPROCS: runtime.GOMAXPROCS(0), Articles: len(arts),
		Sentences: int(sents.Load()), Tokens: int(toks.Load()), Bytes: bytes, Seconds: secs}
	r.TokensPerSec = float64(r.Tokens) / secs
	r.SentsPerSec = float64(r.Sentences) / secs
	r.ArticlesPerS = float64(r.Articles) / secs
	r.MBPerSec = float64(bytes) / secs / 1e6
	r.TokensPerSecPerCore = r.TokensPerSec / float64(par)
	r.PeakRSSMB = PeakRSSMB()
	if stage == StageExtract {
		r.EngineSeconds = time.Duration(engineNS.Load()).Seconds()
		r.ExtractorSeconds = time.Duration(extractNS.Load()).Seconds()
		if r.EngineSeconds > 0 {
			r.ExtractorShare = r.ExtractorSeconds / r.EngineSeconds
		}
	}
	return r, nil
}

// PeakRSSMB returns the process's peak resident memory (VmHWM) in MB, or 0
// where /proc is not available.
func PeakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return kb / 1024
			}
		}
	}
	return 0
}
