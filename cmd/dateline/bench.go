package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"dateline/bench"
)

func newBenchCmd() *cobra.Command {
	var (
		cpuProfile string
		corpus     string
		stage      string
		workers    int
		procs      int
	)
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure whole-corpus throughput of the text engine or the full pipeline",
		Long: `bench runs the text engine (--stage annotate) or the text engine plus every
extractor (--stage extract) over every article of a corpus folder, after one
untimed warm-up article, and prints one JSON object: articles, sentences and
tokens per second, per core, and the peak resident memory of the process.`,
		Example: `  # one core
  dateline bench --corpus ../shared/corpus/bench/polnear-train --stage annotate --procs 1
  # all cores, full pipeline
  dateline bench --corpus ../shared/corpus/bench/polnear-train --stage extract`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if procs > 0 {
				runtime.GOMAXPROCS(procs)
			}
			if workers <= 0 {
				workers = runtime.GOMAXPROCS(0)
			}
			arts, err := bench.LoadCorpus(cmd.Context(), corpus)
			if err != nil {
				return err
			}
			if cpuProfile != "" {
				pf, err := os.Create(cpuProfile)
				if err != nil {
					return fmt.Errorf("--cpuprofile: %w", err)
				}
				defer pf.Close()
				if err := pprof.StartCPUProfile(pf); err != nil {
					return fmt.Errorf("--cpuprofile: %w", err)
				}
				defer pprof.StopCPUProfile()
			}
			r, err := bench.Run(cmd.Context(), arts, bench.Stage(stage), workers)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d articles, %d sentences, %d tokens in %.2fs with %d worker(s): %.0f tokens/s (%.0f per core), %.0f sentences/s, %.1f articles/s, peak RSS %.0f MB\n",
				r.Stage, r.Articles, r.Sentences, r.Tokens, r.Seconds, r.Workers, r.TokensPerSec, r.TokensPerSecPerCore, r.SentsPerSec, r.ArticlesPerS, r.PeakRSSMB)
			if r.EngineSeconds > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "extract: text engine %.2fs, extractors %.2fs: extraction adds %.1f%% to the engine's time\n",
					r.EngineSeconds, r.ExtractorSeconds, 100*r.ExtractorShare)
			}
			return json.NewEncoder(cmd.OutOrStdout()).Encode(r)
		},
	}
	f := cmd.Flags()
	f.StringVar(&corpus, "corpus", "../shared/corpus/bench/polnear-train", "folder of articles to process")
	f.StringVar(&stage, "stage", "annotate", "annotate (text engine) or extract (full pipeline)")
	f.IntVar(&workers, "workers", 0, "parallel workers (default: GOMAXPROCS)")
	f.IntVar(&procs, "procs", 0, "set GOMAXPROCS (0: all cores)")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (read it with go tool pprof)")
	return cmd
}
