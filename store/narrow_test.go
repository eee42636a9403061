package store

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"dateline/record"
)

// summaryDump returns every row of the three summary tables, each column
// written by quote() (so an integer 0 and a real 0.0 differ), in key
// order.
func summaryDump(t *testing.T, s *SQLite) []string {
	t.Helper()
	var out []string
	for _, tbl := range []string{"day_counts", "pair_counts", "place_counts"} {
		rows, err := s.DB().Query(`SELECT * FROM ` + tbl)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		rows.Close()
		q := make([]string, len(cols))
		for i, c := range cols {
			q[i] = "quote(" + c + ")"
		}
		rows, err = s.DB().Query(`SELECT ` + strings.Join(q, " || '|' || ") + ` FROM ` + tbl + ` ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			out = append(out, tbl+": "+line)
		}
		rows.Close()
	}
	slices.Sort(out)
	return out
}

// TestNarrowUpsertsStoreWhatWideOnesDo writes the same articles, in
// several batches (so that narrow rows add to rows that counted events,
// and the other way round), then reprocesses some, with the narrow
// summary upserts on and off: every summary row must hold the same
// values of the same types.
func TestNarrowUpsertsStoreWhatWideOnesDo(t *testing.T) {
	ctx := context.Background()
	write := func(narrow bool) []string {
		old := narrowSummaryRows
		narrowSummaryRows = narrow
		defer func() { narrowSummaryRows = old }()
		s := openTemp(t)
		puts := summaryPuts(rand.New(rand.NewPCG(11, 12)), 0, 240, "v1")
		for k := 0; k < len(puts); k += 40 {
			if _, err := s.PutBatch(ctx, puts[k:k+40]); err != nil {
				t.Fatal(err)
			}
		}
		repl := summaryPuts(rand.New(rand.NewPCG(13, 14)), 30, 50, "v2")
		var ids []string
		var res []record.Result
		for _, p := range repl {
			ids = append(ids, p.Article.ID)
			res = append(res, p.Result)
		}
		if err := s.ReplaceRecords(ctx, ids, res); err != nil {
			t.Fatal(err)
		}
		return summaryDump(t, s)
	}
	wide, narrow := write(false), write(true)
	if len(wide) == 0 {
		t.Fatal("no summary rows")
	}
	places := 0
	for _, l := range wide {
		if strings.HasPrefix(l, "place_counts") {
			places++
		}
	}
	if places == 0 {
		t.Fatal("no place rows")
	}
	if !slices.Equal(wide, narrow) {
		for i := range min(len(wide), len(narrow)) {
			if wide[i] != narrow[i] {
				t.Fatalf("%d rows wide, %d narrow; first difference:\n wide   %s\n narrow %s", len(wide), len(narrow), wide[i], narrow[i])
			}
		}
		t.Fatalf("%d rows wide, %d narrow", len(wide), len(narrow))
	}
}

func TestNarrowRow(t *testing.T) {
	for _, c := range []struct {
		row  []any
		want bool
	}{
		{[]any{"k", int64(1), int64(0), 0.0, int64(0)}, true},
		{[]any{"k", int64(3), int64(0), 0.0}, true},
		{[]any{"k", int64(0), int64(1), 0.0}, false},
		{[]any{"k", int64(1), int64(0), -2.5}, false},
		{[]any{"k", int64(1), int64(0), 0.5}, false},
	} {
		if got := narrowRow(c.row, 1); got != c.want {
			t.Errorf("narrowRow(%v) = %v, want %v", c.row, got, c.want)
		}
	}
}
