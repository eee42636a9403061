package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"dateline/query"
	"dateline/store"
)

func newExportCmd() *cobra.Command {
	var db, format, kind string
	cmd := &cobra.Command{
		Use:   "export [QUERY...]",
		Short: "Stream stored articles or records as JSON Lines, CSV, Parquet or GDELT 2.0 TSV",
		Long: `export writes everything that matches the query (all when there is none;
see docs/QUERY.md) to standard output, streaming from the database.

--format jsonl with --kind articles (the default) writes one line per
article: the article with all its records and evidence. With another kind
it writes one line per record, as "dateline events --format json" shows it.
--format csv writes one row per record of --kind (default events) with a
header row. --format parquet writes one Parquet file (zstd-compressed
columns; redirect standard output to a file) with one row per record of
--kind (default events), the article's columns first.

--format gdelt-events and gdelt-mentions write the matching events as
GDELT 2.0 Event and Mentions tables (tab-separated, no header, the
codebooks' column order): the same event in several articles is one row
with NumArticles and NumSources counted across them, copies of one story
and one wire source counting once. These two load every matching article
into memory.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := query.Parse(strings.Join(args, " "))
			if err != nil {
				return err
			}
			k := store.Kind(kind)
			if kind == "" {
				k = store.KindArticles
				if format != "jsonl" {
					k = store.KindEvents
				}
			}
			valid := false
			for _, x := range store.Kinds {
				valid = valid || x == k
			}
			if !valid {
				return fmt.Errorf("export: unknown --kind %q; use articles, events, quotes, claims or entities", kind)
			}
			switch format {
			case "jsonl", "csv", "parquet":
			case "gdelt-events", "gdelt-mentions":
				if k != store.KindEvents {
					return fmt.Errorf("export: --format %s exports events; drop --kind %s", format, kind)
				}
			default:
				return fmt.Errorf("export: unknown --format %q; use jsonl, csv, parquet, gdelt-events or gdelt-mentions", format)
			}
			st, err := store.Open(cmd.Context(), store.PathFromEnv(db))
			if err != nil {
				return err
			}
			defer st.Close()
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 256<<10)
			switch format {
			case "csv":
				if err := writeCSV(cmd.Context(), st, k, q, store.Page{}, out); err != nil {
					return err
				}
				return out.Flush()
			case "parquet":
				if err := writeParquet(cmd.Context(), st, k, q, out); err != nil {
					return err
				}
				return out.Flush()
			case "gdelt-events", "gdelt-mentions":
				if err := writeGDELT(cmd.Context(), st, q, format == "gdelt-mentions", out); err != nil {
					return err
				}
				return out.Flush()
			}
			enc := json.NewEncoder(out)
			err = st.List(cmd.Context(), k, q, store.Page{}, func(r store.Row) error {
				if k != store.KindArticles {
					return enc.Encode(r)
				}
				full, err := st.Get(cmd.Context(), r.Article.ID)
				if err != nil {
					return err
				}
				return enc.Encode(full)
			})
			if err != nil {
				return err
			}
			return out.Flush()
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl, csv, parquet, gdelt-events or gdelt-mentions")
	cmd.Flags().StringVar(&kind, "kind", "", "what to export: articles, events, quotes, claims or entities (default articles for jsonl, else events)")
	return cmd
}
