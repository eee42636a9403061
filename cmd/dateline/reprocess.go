package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"dateline/article"
	"dateline/extract"
	"dateline/record"
	"dateline/store"
)

func newReprocessCmd() *cobra.Command {
	var o reprocessOptions
	cmd := &cobra.Command{
		Use:   "reprocess",
		Short: "Re-run extraction for stored articles made by an older pipeline or stored without it",
		Long: `reprocess re-extracts the records of stored articles whose records were made
by another pipeline version than this program's (` + extract.Version + `), and of
articles stored with ingest --no-extract. With --all it re-extracts every
English article. Articles not in English are left alone.

Each batch of articles is extracted and its records swapped in one
transaction; the articles, their texts, IDs and stories stay. Running it
again does nothing new (or, with --all, the same work again), and an
interrupted run goes on where it stopped. --dry-run only counts.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReprocess(cmd.Context(), o, nil, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().BoolVar(&o.all, "all", false, "re-extract every English article, whatever version made its records")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "only count the articles that would be re-extracted")
	cmd.Flags().IntVar(&o.batch, "batch", 100, "articles re-extracted per transaction")
	cmd.Flags().IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "extraction workers")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the summary as JSON")
	addKnowledgeFlags(cmd.Flags(), &o.know)
	setCacheDefault(cmd.Flags(), &o.know)
	return cmd
}

type reprocessOptions struct {
	know     extract.Options // --kb-extra, --lexicon-extra
	db       string
	all      bool
	dryRun   bool
	batch    int
	workers  int
	json     bool
	progress bool // force the progress line (tests)
}

// ReprocessSummary is what reprocess prints at the end.
type ReprocessSummary struct {
	DB          string    `json:"db"`
	Version     string    `json:"version"`
	Stale       int       `json:"stale"`
	Reprocessed int       `json:"reprocessed"`
	Failed      []Problem `json:"failed"`
	Seconds     float64   `json:"seconds"`
	DryRun      bool      `json:"dry_run,omitempty"`
	Interrupted bool      `json:"interrupted,omitempty"`
}

// extractFunc extracts one article's records; tests replace the pipeline.
type extractFunc func(a article.Article) record.Result

func runReprocess(ctx context.Context, o reprocessOptions, extractOne extractFunc, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	o.batch = max(o.batch, 1)
	o.workers = max(o.workers, 1)
	dbPath := store.PathFromEnv(o.db)
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	sum := &ReprocessSummary{DB: dbPath, Version: extract.Version, Failed: []Problem{}, DryRun: o.dryRun}
	if sum.Stale, err = st.CountStale(ctx, extract.Version, o.all); err != nil {
		return err
	}
	if !o.dryRun && sum.Stale > 0 {
		if extractOne == nil {
			pipe, err := extract.NewPipeline(o.know)
			if err != nil {
				return err
			}
			extractOne = pipe.Records
		}
		if err := reprocessAll(ctx, st, o, extractOne, sum, stderr); err != nil {
			return err
		}
	}
	sum.Seconds = time.Since(start).Seconds()
	sum.Interrupted = ctx.Err() != nil
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		verb := "re-extracted"
		if o.dryRun {
			verb = "would re-extract"
		}
		fmt.Fprintf(stdout, "reprocess %s to %s: %.1fs\n", sum.DB, sum.Version, sum.Seconds)
		fmt.Fprintf(stdout, "  stale        %d\n", sum.Stale)
		fmt.Fprintf(stdout, "  %-12s %d\n", verb, map[bool]int{true: sum.Stale, false: sum.Reprocessed}[o.dryRun])
		fmt.Fprintf(stdout, "  failed       %d\n", len(sum.Failed))
		printProblems(stdout, sum.Failed)
		if sum.Interrupted {
			fmt.Fprintln(stdout, "  interrupted: run the same command again to finish")
		}
	}
	if len(sum.Failed) > 0 {
		return errSomeFailed
	}
	if sum.Interrupted {
		return fmt.Errorf("reprocess interrupted; run the same command again to finish")
	}
	return nil
}

// reprocessAll walks the stale articles batch by batch: the batch is
// extracted by the workers, then its records are replaced in one
// transaction. An article whose extraction panics is reported and keeps
// its old records.
func reprocessAll(ctx context.Context, st *store.SQLite, o reprocessOptions, extractOne extractFunc, sum *ReprocessSummary, stderr io.Writer) error {
	tty := o.progress || isTerminal(stderr)
	start := time.Now()
	after := int64(0)
	for ctx.Err() == nil {
		arts, next, err := st.Stale(ctx, extract.Version, o.all, after, o.batch)
		if err != nil {
			return err
		}
		if len(arts) == 0 {
			break
		}
		after = next
		results := make([]record.Result, len(arts))
		ok := make([]bool, len(arts))
		errs := make([]string, len(arts))
		var wg sync.WaitGroup
		jobs := make(chan int)
		for w := 0; w < min(o.workers, len(arts)); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range jobs {
					func() {
						defer func() {
							if r := recover(); r != nil {
								errs[i] = fmt.Sprintf("extraction failed: %v", r)
							}
						}()
						results[i] = extractOne(arts[i])
						ok[i] = true
					}()
				}
			}()
		}
		for i := range arts {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		var ids []string
		var res []record.Result
		for i, a := range arts {
			if !ok[i] {
				sum.Failed = append(sum.Failed, Problem{Input: a.ID, Reason: errs[i]})
				fmt.Fprintf(stderr, "reprocess: failed %s: %s\n", a.ID, errs[i])
				continue
			}
			ids = append(ids, a.ID)
			res = append(res, results[i])
		}
		// Committed even when interrupted meanwhile: the work is done.
		if err := st.ReplaceRecords(context.Background(), ids, res); err != nil {
			return err
		}
		sum.Reprocessed += len(ids)
		if tty {
			el := time.Since(start).Seconds()
			fmt.Fprintf(stderr, "\r\033[Kreprocess: %d/%d articles  %.0f articles/s", sum.Reprocessed+len(sum.Failed), sum.Stale, float64(sum.Reprocessed)/max(el, 1e-9))
		}
	}
	if tty {
		fmt.Fprint(stderr, "\r\033[K")
	}
	return nil
}
