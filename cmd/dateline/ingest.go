package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"dateline/article"
	"dateline/extract"
	"dateline/kb"
	"dateline/record"
	"dateline/store"
)

// addDBFlag adds --db to a command that opens the store.
func addDBFlag(cmd *cobra.Command, dst *string) {
	cmd.Flags().StringVar(dst, "db", "", "database file (default $DATELINE_DB, else "+store.DefaultPath+")")
}

func newIngestCmd() *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest SRC...",
		Short: "Read articles, extract their records and store them in the database",
		Long: `ingest reads articles from files, folders (recursively: .txt, .html, .htm,
.json, .jsonl, .ndjson, .warc, each possibly gzipped) and standard input ("-"),
extracts their records and stores everything in the database. WARC files
give one article per HTML response or resource record; other records are
passed over, and a truncated file or corrupt gzip member is reported with
its byte offset after the records before it are stored.

A source that is an http(s) URL is an RSS, Atom or JSON feed. Each item
is stored with the feed's text for it (content, else description), or,
with --fetch-articles, with the article read from its page (the feed's
text when the page cannot be fetched). --follow polls the feeds every
--interval until Ctrl-C, politely: conditional GETs (ETag,
Last-Modified), a doubling wait after errors, one request at a time per
host with --min-delay between them, and a User-Agent naming dateline.

Articles are identified by a stable ID (canonical URL, else the text), so
running the same ingest twice stores nothing new: the second run counts
duplicates. An interrupted ingest (Ctrl-C, kill -9, power cut) loses at most
the batch being committed; run it again to finish.

Articles not in English are stored with their language and counted but not
extracted. Near-duplicates (wire copies, updated versions) are grouped into
stories. A bad file is reported and skipped; the rest goes on. The summary
lists read, new, duplicates, not English, skipped and failed inputs with
their reasons; --json prints it as JSON.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.srcs = args
			softMemoryLimit()
			if o.cpuProfile != "" {
				pf, err := os.Create(o.cpuProfile)
				if err != nil {
					return fmt.Errorf("--cpuprofile: %w", err)
				}
				defer pf.Close()
				if err := pprof.StartCPUProfile(pf); err != nil {
					return fmt.Errorf("--cpuprofile: %w", err)
				}
				defer pprof.StopCPUProfile()
			}
			if o.memProfile != "" {
				defer writeAllocProfile(o.memProfile, cmd.ErrOrStderr())
			}
			if o.trace != "" {
				tf, err := os.Create(o.trace)
				if err != nil {
					return fmt.Errorf("--trace: %w", err)
				}
				defer tf.Close()
				if err := trace.Start(tf); err != nil {
					return fmt.Errorf("--trace: %w", err)
				}
				defer trace.Stop()
			}
			return runIngest(cmd.Context(), o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	addDBFlag(cmd, &o.db)
	cmd.Flags().BoolVar(&o.json, "json", false, "print the summary as JSON")
	addKnowledgeFlags(cmd.Flags(), &o.know)
	setCacheDefault(cmd.Flags(), &o.know)
	cmd.Flags().IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "extraction workers")
	cmd.Flags().IntVar(&o.batch, "batch", 500, "articles committed per transaction (larger batches write each index page fewer times)")
	cmd.Flags().StringVar(&o.published, "published", "", "publication date (YYYY-MM-DD) for articles that have none")
	cmd.Flags().Int64Var(&o.maxBytes, "max-bytes", 0, "largest input held in memory, in bytes (default 50 MiB)")
	cmd.Flags().BoolVar(&o.noExtract, "no-extract", false, "store articles without extracting records (fast archiving)")
	cmd.Flags().BoolVar(&o.quiet, "quiet", false, "do not report each skipped or failed input as it happens")
	cmd.Flags().BoolVar(&o.follow, "follow", false, "keep polling feed URLs every --interval until interrupted")
	cmd.Flags().DurationVar(&o.interval, "interval", 15*time.Minute, "time between two polls of a feed with --follow")
	cmd.Flags().BoolVar(&o.fetchArticles, "fetch-articles", false, "fetch each feed item's page and read the article from it")
	cmd.Flags().DurationVar(&o.timeout, "timeout", article.DefaultFetchTimeout, "time limit of one HTTP request")
	cmd.Flags().DurationVar(&o.minDelay, "min-delay", article.DefaultMinDelay, "least time between two requests to the same host")
	cmd.Flags().StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the ingest to this file (read it with go tool pprof)")
	cmd.Flags().StringVar(&o.memProfile, "memprofile", "", "write a profile of the ingest's heap allocations to this file at its end (go tool pprof -sample_index=alloc_space): what makes the garbage collector run")
	cmd.Flags().StringVar(&o.trace, "trace", "", "write a Go execution trace of the ingest to this file: where the workers and the writer wait (read it with go tool trace)")
	return cmd
}

type ingestOptions struct {
	know      extract.Options // --kb-extra, --lexicon-extra
	db        string
	srcs      []string
	json      bool
	workers   int
	batch     int
	published string
	maxBytes  int64
	quiet     bool
	noExtract bool
	// cpuProfile names the file for a CPU profile of the run ("" none).
	cpuProfile string
	// memProfile names the file for a profile of the heap allocations
	// ("" none).
	memProfile string
	trace      string // --trace: a Go execution trace of the ingest
	// Feeds.
	follow        bool
	interval      time.Duration
	fetchArticles bool
	timeout       time.Duration
	minDelay      time.Duration
	// progress forces the progress line on (tests); by default it is
	// shown only when stderr is a terminal.
	progress bool
}

// Problem is one input that was skipped or failed, with its reason.
type Problem struct {
	Input  string `json:"input"`
	Reason string `json:"reason"`
}

// IngestSummary is what ingest prints at the end.
type IngestSummary struct {
	DB         string    `json:"db"`
	Read       int64     `json:"read"`
	New        int64     `json:"new"`
	Duplicates int64     `json:"duplicates"`
	NotEnglish int64     `json:"not_english"`
	Skipped    []Problem `json:"skipped"`
	Failed     []Problem `json:"failed"`
	Bytes      int64     `json:"bytes"`
	Seconds    float64   `json:"seconds"`
	// Sentences the text engine analysed, and those it reused from the
	// sentence cache (repeated in wire copies and boilerplate).
	SentencesAnalysed int64 `json:"sentences_analysed"`
	SentencesReused   int64 `json:"sentences_reused"`
	// Wire copies whose records were taken from an earlier copy's (see
	// --copy-cache), and, with --check-copies, those of them whose fresh
	// extraction differed (the fresh records were stored).
	CopiesReused    int64 `json:"copies_reused"`
	CopiesDiffering int64 `json:"copies_differing,omitempty"`
	Interrupted     bool  `json:"interrupted,omitempty"`
}

// supportedExt reports whether a file found while walking a folder is an
// article format ingest reads. Files named on the command line are always
// read (and sniffed when their extension says nothing).
func supportedExt(name string) bool {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".warc":
		return true
	}
	return false
}

// skipReason tells "not an article" (skipped) apart from "could not be
// read" (failed) for a reader error.
func skipReason(err error) bool {
	var ie *article.InputError
	if !errors.As(err, &ie) {
		return false
	}
	p := ie.Problem
	return strings.HasPrefix(p, "empty input") || strings.Contains(p, "binary data") ||
		strings.Contains(p, "limit") || strings.Contains(p, "not text") || strings.Contains(p, "not an article")
}

func runIngest(ctx context.Context, o ingestOptions, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.workers < 1 {
		o.workers = 1
	}
	if o.batch < 1 {
		o.batch = 1
	}
	ropt := article.Options{Published: o.published, MaxBytes: o.maxBytes}
	if err := ropt.Validate(); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	dbPath := store.PathFromEnv(o.db)
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	var pipe *extract.Pipeline
	if !o.noExtract {
		if pipe, err = extract.NewPipeline(o.know); err != nil {
			return err
		}
		ropt.IsPlace = pipe.IsDatelinePlace
	} else {
		ropt.IsPlace = kb.Default().IsDatelinePlace
	}

	tty := o.progress || isTerminal(stderr)
	start := time.Now()
	sum := &IngestSummary{DB: dbPath, Skipped: []Problem{}, Failed: []Problem{}}
	var mu sync.Mutex // guards sum.Skipped, sum.Failed and the report writer
	report := func(skip bool, input, reason string) {
		mu.Lock()
		defer mu.Unlock()
		word := "failed"
		if skip {
			sum.Skipped = append(sum.Skipped, Problem{input, reason})
			word = "skipped"
		} else {
			sum.Failed = append(sum.Failed, Problem{input, reason})
		}
		if !o.quiet {
			if tty {
				fmt.Fprint(stderr, "\r\033[K") // clear the progress line
			}
			fmt.Fprintf(stderr, "ingest: %s %s: %s\n", word, input, reason)
		}
	}

	items := make(chan article.Article, 4*o.workers)
	// The writer stores each article as it arrives, but at the end of a
	// batch it stops taking any for a second or so to write the summaries
	// and the full-text index and to commit: a queue of a few hundred
	// articles lets the workers go on extracting meanwhile instead of
	// waiting on a full channel with a core idle. It is not longer than
	// that: when the writer is the slower side the workers would only fill
	// a longer queue, holding more memory.
	puts := make(chan store.Put, max(4*o.workers, min(o.batch, maxQueue)))

	// Reader: walks the sources and feeds articles to the workers.
	go func() {
		defer close(items)
		yield := func(a article.Article, err error) bool {
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return false
				}
				var ie *article.InputError
				input := ""
				if errors.As(err, &ie) {
					input = ie.Input
					if ie.Line > 0 {
						input = fmt.Sprintf("%s:%d", ie.Input, ie.Line)
					}
					reason := ie.Problem
					if ie.Hint != "" {
						reason += "; " + ie.Hint
					}
					report(skipReason(err), input, reason)
				} else {
					report(false, "", err.Error())
				}
				return ctx.Err() == nil
			}
			atomic.AddInt64(&sum.Read, 1)
			atomic.AddInt64(&sum.Bytes, int64(len(a.Text)))
			select {
			case items <- a:
				return true
			case <-ctx.Done():
				return false
			}
		}
		var feeds []string
		for _, src := range o.srcs {
			if ctx.Err() != nil {
				return
			}
			if isURL(src) {
				feeds = append(feeds, src)
				continue
			}
			fi, err := os.Stat(src)
			if src == "-" || err != nil || !fi.IsDir() {
				article.ReadFile(ctx, src, ropt, yield)
				continue
			}
			var files []string
			filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					report(false, p, "cannot read: "+err.Error())
					return nil
				}
				if p != src && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.IsDir() {
					return nil
				}
				if !d.Type().IsRegular() {
					report(true, p, "not a regular file")
					return nil
				}
				if !supportedExt(d.Name()) {
					report(true, p, "unsupported file type (ingest reads .txt, .html, .htm, .json, .jsonl, .ndjson, .warc, optionally .gz)")
					return nil
				}
				files = append(files, p)
				return nil
			})
			sort.Strings(files)
			for _, f := range files {
				if ctx.Err() != nil {
					return
				}
				article.ReadFile(ctx, f, ropt, yield)
			}
		}
		readFeeds(ctx, st, feeds, o, ropt, yield)
	}()

	// Workers: skip what is stored, detect the language, extract.
	var wg sync.WaitGroup
	for i := 0; i < o.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range items {
				// A feed item without text is one the feed reader knew
				// to be stored already.
				if ok, err := st.Has(ctx, a.ID); (err == nil && ok) || a.Text == "" {
					atomic.AddInt64(&sum.Duplicates, 1)
					continue
				}
				p, err := prepare(pipe, a)
				if err != nil {
					report(false, a.Input, err.Error())
					continue
				}
				select {
				case puts <- p:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wg.Wait(); close(puts) }()

	// Progress line, only on a terminal.
	stopProgress := make(chan struct{})
	progressDone := make(chan struct{})
	go func() {
		defer close(progressDone)
		if !tty {
			return
		}
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stopProgress:
				mu.Lock()
				fmt.Fprint(stderr, "\r\033[K")
				mu.Unlock()
				return
			case <-t.C:
				el := time.Since(start).Seconds()
				mu.Lock()
				fmt.Fprintf(stderr, "\r\033[Kingest: read %d  new %d  duplicates %d  not English %d  skipped %d  failed %d  %.0f articles/s",
					atomic.LoadInt64(&sum.Read), atomic.LoadInt64(&sum.New), atomic.LoadInt64(&sum.Duplicates),
					atomic.LoadInt64(&sum.NotEnglish), len(sum.Skipped), len(sum.Failed), float64(atomic.LoadInt64(&sum.New))/el)
				mu.Unlock()
			}
		}
	}()

	// Writer: the only goroutine that writes, one transaction per batch.
	// A batch is committed when full or when the pipeline goes quiet, so
	// a slow source still gets its articles stored promptly.
	writeErr := writeBatches(st, puts, o.batch, sum, report)
	close(stopProgress)
	<-progressDone

	sum.Seconds = time.Since(start).Seconds()
	if pipe != nil {
		sum.SentencesReused, sum.SentencesAnalysed = pipe.SentenceStats()
		sum.CopiesReused, sum.CopiesDiffering = pipe.CopyStats()
	}
	sum.Interrupted = ctx.Err() != nil
	if writeErr != nil {
		return writeErr
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		printSummary(stdout, sum)
	}
	if len(sum.Failed) > 0 {
		return errSomeFailed
	}
	if sum.Interrupted && !o.follow {
		return errors.New("ingest interrupted; run the same command again to finish")
	}
	return nil
}

// isURL reports whether a source is a feed URL rather than a path.
func isURL(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// readFeeds reads every feed once, or with --follow polls them all, each
// in its own goroutine, until ctx is done. One Fetcher serves them all so
// its per-host limits hold across feeds.
func readFeeds(ctx context.Context, st store.Store, feeds []string, o ingestOptions, ropt article.Options, yield func(article.Article, error) bool) {
	if len(feeds) == 0 {
		return
	}
	maxBytes := ropt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = article.DefaultMaxBytes
	}
	f := &article.Fetcher{Timeout: o.timeout, MinDelay: o.minDelay, MaxBytes: maxBytes}
	if o.minDelay == 0 {
		f.MinDelay = -1 // 0 on the command line means no delay
	}
	fo := article.FollowOptions{
		FetchArticles: o.fetchArticles,
		Known: func(link string) bool {
			ok, err := st.Has(ctx, article.ID(link, ""))
			return err == nil && ok
		},
	}
	if o.follow {
		fo.Interval = max(o.interval, time.Second)
	}
	var mu sync.Mutex // yield is called from one feed at a time
	var wg sync.WaitGroup
	for _, u := range feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.Follow(ctx, u, ropt, fo, func(a article.Article, err error) bool {
				mu.Lock()
				defer mu.Unlock()
				return yield(a, err)
			})
		}()
	}
	wg.Wait()
}

// prepare detects the language and, for English (or undetermined) text,
// runs the extraction pipeline (none when pipe is nil). A panic in an
// extractor fails only this article.
func prepare(pipe *extract.Pipeline, a article.Article) (p store.Put, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extraction failed: %v", r)
		}
	}()
	a.Lang = article.ArticleLang(a.Text, a.Lang)
	p = store.Put{Article: a, Meta: store.Meta{SimHash: article.SimHash(a.Text), HasSimHash: true}}
	if a.Lang != "" && a.Lang != "en" {
		p.Meta.Status = store.StatusNotEnglish
		p.Result = record.Result{Version: extract.Version}
		return p, nil
	}
	if pipe == nil {
		p.Meta.Status = store.StatusPending
		return p, nil
	}
	// Encoded here, in parallel, rather than on the single writer. A
	// wire copy that took an earlier article's records takes their JSON
	// too, renamed for it (the earlier one keeps its JSON for that).
	r, shared := pipe.RecordsShared(a)
	p.Result = r
	if from, ok := shared.Kept().(*store.Encoded); ok {
		p.EncodeFrom(from)
	} else {
		p.Encode()
		shared.Keep(p.Encoded())
	}
	return p, nil
}

// maxQueue bounds the articles extracted and waiting for the writer.
const maxQueue = 512

// maxTxAge ends a batch that has been open this long, however small.
var maxTxAge = 5 * time.Second // a variable for tests

// maxBatchBytes ends a batch early when its articles' texts reach this
// size, so that a batch of long articles (documents of megabytes) does not
// hold thousands of them in memory at once. A variable for tests.
var maxBatchBytes = 64 << 20

// writeBatches commits puts in batches and counts new and duplicate
// articles. If a batch fails, its articles are retried one by one so a
// single bad article fails alone; a failure of the database itself (disk
// full, file removed) stops the ingest.
func writeBatches(st store.Store, puts <-chan store.Put, size int, sum *IngestSummary, report func(bool, string, string)) error {
	ctx := context.Background() // finish committing what was read, even when interrupted
	// Each article goes into the open transaction as it arrives: the
	// writer then works while the workers extract, instead of waiting
	// for a whole batch and leaving the workers waiting in turn.
	var (
		tx    store.Batch
		txErr error       // the first error of tx: the batch is retried one by one
		batch []store.Put // the articles of tx, kept for that retry
		added []bool
		bytes int       // text in batch
		began time.Time // when tx began
	)
	count := func(p *store.Put, ok bool) {
		switch {
		case ok && p.Meta.Status == store.StatusNotEnglish:
			atomic.AddInt64(&sum.New, 1)
			atomic.AddInt64(&sum.NotEnglish, 1)
		case ok:
			atomic.AddInt64(&sum.New, 1)
		default:
			atomic.AddInt64(&sum.Duplicates, 1)
		}
	}
	retry := func(err error) error {
		failures := 0
		for i := range batch {
			ok, err := st.PutBatch(ctx, batch[i:i+1])
			if err != nil {
				failures++
				report(false, batch[i].Article.Input, err.Error())
				continue
			}
			count(&batch[i], ok[0])
		}
		if failures == len(batch) && len(batch) > 1 {
			return fmt.Errorf("ingest: the database refuses every write: %w", err)
		}
		return nil
	}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		defer func() {
			clear(batch) // let the collector have the stored articles
			batch, added, bytes, tx, txErr = batch[:0], added[:0], 0, nil, nil
		}()
		if txErr == nil {
			if txErr = tx.Commit(); txErr == nil {
				for i := range batch {
					count(&batch[i], added[i])
				}
				return nil
			}
		}
		return retry(txErr)
	}
	put := func(p store.Put) error {
		batch = append(batch, p)
		bytes += len(p.Article.Text)
		if txErr == nil && tx == nil {
			if tx, txErr = st.Begin(ctx); txErr != nil {
				tx = nil
			}
			began = time.Now()
		}
		if txErr == nil {
			ok, err := tx.Put(&batch[len(batch)-1])
			if err != nil {
				tx.Rollback()
				tx, txErr = nil, err
			}
			added = append(added, ok)
		}
		// Articles trickling in (a followed feed) must not hold the
		// database's write lock open for long: other writers wait on it.
		if len(batch) >= size || bytes >= maxBatchBytes || time.Since(began) >= maxTxAge {
			return flush()
		}
		return nil
	}
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		select {
		case p, ok := <-puts:
			if !ok {
				return flush()
			}
			if err := put(p); err != nil {
				return err
			}
			timer.Reset(500 * time.Millisecond)
		case <-timer.C:
			if err := flush(); err != nil {
				return err
			}
		}
	}
}

func printSummary(w io.Writer, s *IngestSummary) {
	rate := 0.0
	if s.Seconds > 0 {
		rate = float64(s.Read) / s.Seconds
	}
	fmt.Fprintf(w, "ingest into %s: %.1fs, %.0f articles/s, %.2f MB/s\n", s.DB, s.Seconds, rate, float64(s.Bytes)/1e6/max(s.Seconds, 1e-9))
	fmt.Fprintf(w, "  read         %d\n", s.Read)
	fmt.Fprintf(w, "  new          %d\n", s.New)
	fmt.Fprintf(w, "  duplicates   %d\n", s.Duplicates)
	fmt.Fprintf(w, "  not English  %d\n", s.NotEnglish)
	fmt.Fprintf(w, "  skipped      %d\n", len(s.Skipped))
	printProblems(w, s.Skipped)
	fmt.Fprintf(w, "  failed       %d\n", len(s.Failed))
	printProblems(w, s.Failed)
	if n := s.SentencesAnalysed + s.SentencesReused; n > 0 {
		fmt.Fprintf(w, "  sentences    %d analysed, %d reused from earlier copies (%.0f%%)\n",
			s.SentencesAnalysed, s.SentencesReused, 100*float64(s.SentencesReused)/float64(n))
	}
	if s.CopiesReused > 0 {
		fmt.Fprintf(w, "  wire copies  %d took the records of an earlier copy\n", s.CopiesReused)
		if s.CopiesDiffering > 0 {
			fmt.Fprintf(w, "               %d of them differed from a fresh extraction (--check-copies), which was kept\n", s.CopiesDiffering)
		}
	}
	if s.Interrupted {
		fmt.Fprintln(w, "  interrupted: run the same command again to finish")
	}
}

// printProblems groups problems by reason and shows a few inputs of each.
func printProblems(w io.Writer, ps []Problem) {
	byReason := map[string][]string{}
	var reasons []string
	for _, p := range ps {
		if _, ok := byReason[p.Reason]; !ok {
			reasons = append(reasons, p.Reason)
		}
		byReason[p.Reason] = append(byReason[p.Reason], p.Input)
	}
	for _, r := range reasons {
		in := byReason[r]
		shown := in
		if len(shown) > 3 {
			shown = shown[:3]
		}
		more := ""
		if len(in) > 3 {
			more = fmt.Sprintf(" and %d more", len(in)-3)
		}
		fmt.Fprintf(w, "    %d × %s (%s%s)\n", len(in), r, strings.Join(shown, ", "), more)
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ingestMemoryLimit is the heap size ingest asks the garbage collector to
// stay under: a long ingest otherwise lets its heap double between
// collections and can pass 1 GB resident on a large archive.
const ingestMemoryLimit = 768 << 20

// softMemoryLimit sets ingestMemoryLimit as the runtime's soft memory
// limit unless the user chose one with GOMEMLIMIT. It is soft: a heap that
// needs more still gets it, the collector just runs more often.
func softMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestMemoryLimit)
	}
}

// writeAllocProfile writes the allocation profile of the run so far to
// path, reporting a failure on errw (the ingest itself has finished).
func writeAllocProfile(path string, errw io.Writer) {
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(errw, "--memprofile: %v\n", err)
	}
}
