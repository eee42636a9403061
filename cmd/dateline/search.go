package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"dateline/query"
	"dateline/store"
)

// listCommand describes one of the listing commands (search, events, ...).
type listCommand struct {
	use, short string
	kind       store.Kind
}

var listCommands = []listCommand{
	{"search", "Find articles matching a query", store.KindArticles},
	{"events", "List events (who did what to whom) matching a query", store.KindEvents},
	{"quotes", "List quotes matching a query", store.KindQuotes},
	{"claims", "List numeric claims matching a query", store.KindClaims},
	{"entities", "List entities matching a query, most mentioned first", store.KindEntities},
}

func newSearchCmd() *cobra.Command   { return newListCmd(listCommands[0]) }
func newEventsCmd() *cobra.Command   { return newListCmd(listCommands[1]) }
func newQuotesCmd() *cobra.Command   { return newListCmd(listCommands[2]) }
func newClaimsCmd() *cobra.Command   { return newListCmd(listCommands[3]) }
func newEntitiesCmd() *cobra.Command { return newListCmd(listCommands[4]) }

func newListCmd(lc listCommand) *cobra.Command {
	var db, format string
	var limit, offset int
	cmd := &cobra.Command{
		Use:   lc.use + " [QUERY...]",
		Short: lc.short,
		Long: lc.short + ` in the database. The query language (words, "phrases",
AND/OR/NOT, -word, parentheses and filters such as actor:RUS cameo:04
plover:CONSULT place:"Gaza Strip" speaker:Peskov counted:killed
from:2023-10-01 to:2023-10-31 source: lang: type:) is described in
docs/QUERY.md. Several arguments are joined with spaces; quote the query
for your shell when it holds quotes or parentheses. No query lists all.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := query.Parse(strings.Join(args, " "))
			if err != nil {
				return err
			}
			if limit < 0 || offset < 0 {
				return fmt.Errorf("%s: --limit and --offset must not be negative", lc.use)
			}
			st, err := store.Open(cmd.Context(), store.PathFromEnv(db))
			if err != nil {
				return err
			}
			defer st.Close()
			return printList(cmd.Context(), st, lc.kind, q, format, store.Page{Limit: limit, Offset: offset}, cmd.OutOrStdout())
		},
	}
	addDBFlag(cmd, &db)
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	cmd.Flags().IntVar(&limit, "limit", 20, "rows to show (0 for all)")
	cmd.Flags().IntVar(&offset, "offset", 0, "rows to skip, for paging")
	return cmd
}

// column is one field of a listing in table and CSV output; width bounds
// it in tables (0: no bound).
type column struct {
	name  string
	width int
	get   func(store.Row) string
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func day(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

func actor(name, code string) string {
	switch {
	case name == "":
		return code
	case code == "":
		return name
	}
	return name + " (" + code + ")"
}

// columns lists the fields shown for each kind.
func columns(kind store.Kind) []column {
	artID := column{"article", 0, func(r store.Row) string { return r.Article.ID }}
	switch kind {
	case store.KindEvents:
		return []column{
			{"date", 0, func(r store.Row) string {
				if r.Event.Date != "" {
					return day(r.Event.Date)
				}
				return day(r.Article.Published)
			}},
			{"source", 30, func(r store.Row) string {
				if r.Event.Source == nil {
					return ""
				}
				return actor(r.Event.Source.Name, r.Event.Source.Code)
			}},
			{"cameo", 0, func(r store.Row) string { return r.Event.CAMEO }},
			{"plover", 0, func(r store.Row) string { return r.Event.Plover }},
			{"target", 30, func(r store.Row) string {
				if r.Event.Target == nil {
					return ""
				}
				return actor(r.Event.Target.Name, r.Event.Target.Code)
			}},
			{"place", 20, func(r store.Row) string { return r.PlaceName }},
			{"modality", 0, func(r store.Row) string { return r.Event.Modality }},
			{"polarity", 0, func(r store.Row) string { return r.Event.Polarity }},
			{"articles", 0, func(r store.Row) string { return strconv.Itoa(r.Article.NumArticles) }},
			{"sources", 0, func(r store.Row) string { return strconv.Itoa(r.Article.NumSources) }},
			{"evidence", 30, func(r store.Row) string { return r.Event.Action.Text }},
			artID,
		}
	case store.KindQuotes:
		return []column{
			{"date", 0, func(r store.Row) string { return day(r.Article.Published) }},
			{"speaker", 25, func(r store.Row) string { return r.Quote.SpeakerName }},
			{"kind", 0, func(r store.Row) string { return r.Quote.Kind }},
			{"quote", 70, func(r store.Row) string { return r.Quote.Content.Text }},
			{"source", 15, func(r store.Row) string { return r.Article.Source }},
			artID,
		}
	case store.KindClaims:
		return []column{
			{"date", 0, func(r store.Row) string { return day(r.Article.Published) }},
			{"value", 0, func(r store.Row) string {
				c := r.Claim
				if c.Low != nil && c.High != nil && *c.Low != *c.High {
					return num(*c.Low) + "-" + num(*c.High)
				}
				return num(c.Value)
			}},
			{"qualifier", 0, func(r store.Row) string { return r.Claim.Qualifier }},
			{"counted", 0, func(r store.Row) string { return r.Claim.Counted }},
			{"of", 20, func(r store.Row) string { return r.Claim.Of }},
			{"claimed_by", 25, func(r store.Row) string { return r.Claim.ClaimedBy }},
			{"evidence", 40, func(r store.Row) string { return r.Claim.Evidence.Text }},
			artID,
		}
	case store.KindEntities:
		return []column{
			{"name", 40, func(r store.Row) string { return r.Entity.Name }},
			{"kind", 0, func(r store.Row) string { return r.Entity.Kind }},
			{"code", 0, func(r store.Row) string { return r.Entity.Code }},
			{"articles", 0, func(r store.Row) string { return strconv.Itoa(r.Entity.Articles) }},
			{"mentions", 0, func(r store.Row) string { return strconv.Itoa(r.Entity.Mentions) }},
		}
	}
	return []column{
		{"date", 0, func(r store.Row) string { return day(r.Article.Published) }},
		{"source", 18, func(r store.Row) string { return r.Article.Source }},
		{"title", 50, func(r store.Row) string { return r.Article.Title }},
		{"lang", 0, func(r store.Row) string { return r.Article.Lang }},
		{"story", 0, func(r store.Row) string {
			return fmt.Sprintf("%d (%d art., %d src.)", r.Article.Story, r.Article.NumArticles, r.Article.NumSources)
		}},
		{"snippet", 60, func(r store.Row) string { return r.Snippet }},
		artID,
	}
}

// clip shortens s to width characters with an ellipsis, on one line.
func clip(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if width <= 0 {
		return s
	}
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	return string(r[:width-1]) + "…"
}

// countCap bounds the match count the table format prints: counting
// every match of a broad query over a large database costs a full scan.
const countCap = 10_000

// printList writes one page of a listing in the chosen format.
func printList(ctx context.Context, st store.Store, kind store.Kind, q *query.Query, format string, page store.Page, w io.Writer) error {
	cols := columns(kind)
	switch format {
	case "json":
		rows := []store.Row{}
		if err := st.List(ctx, kind, q, page, func(r store.Row) error { rows = append(rows, r); return nil }); err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		return writeCSV(ctx, st, kind, q, page, w)
	case "table":
		total, exact, err := st.Total(ctx, kind, q, countCap)
		if err != nil {
			return err
		}
		totalText := strconv.Itoa(total)
		switch {
		case total >= countCap:
			totalText = "over " + strconv.Itoa(countCap-1)
		case !exact:
			totalText = "at least " + totalText
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = strings.ToUpper(c.name)
		}
		fmt.Fprintln(tw, strings.Join(names, "\t"))
		n := 0
		err = st.List(ctx, kind, q, page, func(r store.Row) error {
			n++
			cells := make([]string, len(cols))
			for i, c := range cols {
				cells[i] = strings.ReplaceAll(clip(c.get(r), c.width), "\t", " ")
			}
			_, err := fmt.Fprintln(tw, strings.Join(cells, "\t"))
			return err
		})
		if err != nil {
			return err
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if n == 0 {
			fmt.Fprintf(w, "%s %s match\n", totalText, kind)
		} else {
			fmt.Fprintf(w, "%s %s match; showing %d-%d\n", totalText, kind, page.Offset+1, page.Offset+n)
		}
		return nil
	}
	return fmt.Errorf("unknown format %q; use table, json or csv", format)
}

// writeCSV streams a listing as CSV with a header row, no clipping.
func writeCSV(ctx context.Context, st store.Store, kind store.Kind, q *query.Query, page store.Page, w io.Writer) error {
	cols := columns(kind)
	cw := csv.NewWriter(w)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	if err := cw.Write(names); err != nil {
		return err
	}
	err := st.List(ctx, kind, q, page, func(r store.Row) error {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = c.get(r)
		}
		return cw.Write(cells)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
