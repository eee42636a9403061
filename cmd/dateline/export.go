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
		Short: "Stream stored articles or records as JSON Lines or CSV",
		Long: `export writes everything that matches the query (all when there is none;
see docs/QUERY.md) to standard output, streaming from the database.

--format jsonl with --kind articles (the default) writes one line per
article: the article with all its records and evidence. With another kind
it writes one line per record, as "dateline events --format json" shows it.
--format csv writes one row per record of --kind (default events) with a
header row.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := query.Parse(strings.Join(args, " "))
			if err != nil {
				return err
			}
			k := store.Kind(kind)
			if kind == "" {
				k = store.KindArticles
				if format == "csv" {
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
			if format != "jsonl" && format != "csv" {
				return fmt.Errorf("export: unknown --format %q; use jsonl or csv", format)
			}
			st, err := store.Open(cmd.Context(), store.PathFromEnv(db))
			if err != nil {
				return err
			}
			defer st.Close()
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 256<<10)
			if format == "csv" {
				if err := writeCSV(cmd.Context(), st, k, q, store.Page{}, out); err != nil {
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
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or csv")
	cmd.Flags().StringVar(&kind, "kind", "", "what to export: articles, events, quotes, claims or entities (default articles for jsonl, events for csv)")
	return cmd
}
