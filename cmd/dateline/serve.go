package main

import (
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"dateline/extract"
	"dateline/server"
	"dateline/store"
)

func newServeCmd() *cobra.Command {
	var (
		db, addr, token string
		rate            float64
		burst           int
		maxBody         int64
		cacheTTL        time.Duration
		know            extract.Options // --kb-extra, --lexicon-extra (for POSTed articles)
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API and the web UI over the database",
		Long: `serve answers HTTP on --addr (default 127.0.0.1:8080): the web UI at /, the
JSON API under /api/v1 (described at /api/v1/openapi.json), /healthz and
Prometheus /metrics. Everything the UI needs is inside the binary: it works
with no internet access.

Writing (POST /api/v1/articles, which extracts and stores articles) needs a
bearer token: --token, else $DATELINE_TOKEN. Without one the server is
read-only and answers write requests with 403.

Each client address may make --rate API requests per second on average
(--burst at once); request bodies are limited to --max-body bytes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("DATELINE_TOKEN")
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			path := store.PathFromEnv(db)
			st, err := store.Open(ctx, path)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.EnsureAggregateIndexes(ctx); err != nil {
				return err
			}
			logger := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			opt := server.Options{Store: st, Token: token, Rate: rate, Burst: burst, MaxBody: maxBody,
				CacheTTL: cacheTTL, Logger: logger}
			if token != "" {
				// Load the models only when writes are possible.
				pipe, err := extract.NewPipeline(know)
				if err != nil {
					return err
				}
				opt.Extract = pipe.Records
				opt.IsPlace = pipe.IsDatelinePlace
			}
			srv, err := server.New(opt)
			if err != nil {
				return err
			}
			writes := "read-only (no --token)"
			if token != "" {
				writes = "writes enabled with the bearer token"
			}
			return srv.ListenAndServe(ctx, addr, func(a string) {
				fmt.Fprintf(cmd.ErrOrStderr(), "dateline: serving %s on http://%s/ (%s)\n", path, a, writes)
			})
		},
	}
	addDBFlag(cmd, &db)
	addKnowledgeFlags(cmd.Flags(), &know)
	setCacheDefault(cmd.Flags(), &know)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	cmd.Flags().StringVar(&token, "token", "", "bearer token required to POST articles (default $DATELINE_TOKEN; none: read-only)")
	cmd.Flags().Float64Var(&rate, "rate", server.DefaultRate, "API requests per second allowed per client address (negative: no limit)")
	cmd.Flags().IntVar(&burst, "burst", 0, "requests a client may make at once (default twice --rate, at least 200)")
	cmd.Flags().Int64Var(&maxBody, "max-body", server.DefaultMaxBody, "largest request body in bytes")
	cmd.Flags().DurationVar(&cacheTTL, "cache-ttl", server.DefaultCacheTTL, "how long aggregate answers are reused (negative: never)")
	return cmd
}
