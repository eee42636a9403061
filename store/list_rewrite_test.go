package store

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	"dateline/query"
)

// TestRewrittenListingsMatchFullQuery checks that the rewritten article
// searches (newest articles first, full-text probes, the streamed count)
// return exactly the rows of the plain listing statement, for pages that
// the newest articles fill and pages they do not.
func TestRewrittenListingsMatchFullQuery(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(7, 9))
	var batch []Put
	for i := 0; i < 300; i++ {
		batch = append(batch, synthArticle(r, i))
	}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	queries := []string{
		"ceasefire", `"humanitarian corridor"`, "ceasefire counted:killed", "talks actor:RUS",
		"negotiat* plover:ASSAULT", "ceasefire source:\"Outlet 3\"", "reconstruction from:2023-06-01 to:2023-09-30",
		"actor:ISR counted:displaced", "ceasefire OR actor:RUS", "ceasefire -talks cameo:19",
		"NOT ceasefire plover:AID", "hostages place:Rafah", "nosuchwordanywhere counted:killed",
		"ceasefire talks lang:fr", "(ceasefire OR talks) actor:IGO",
	}
	old := [3]int{probeScanPer, recentScanMin, recentScanPer}
	defer func() { probeScanPer, recentScanMin, recentScanPer = old[0], old[1], old[2] }()
	for _, sizes := range [][3]int{old, {1, 30, 2}, {2, 60, 3}} {
		probeScanPer, recentScanMin, recentScanPer = sizes[0], sizes[1], sizes[2]
		for _, qs := range queries {
			q, err := query.Parse(qs)
			if err != nil {
				t.Fatal(err)
			}
			all := plainIDs(t, s, q, Page{})
			for _, page := range []Page{{Limit: 5}, {Limit: 20}, {Limit: 20, Offset: 20}, {Limit: 7, Offset: 50}} {
				want := plainIDs(t, s, q, page)
				var got []string
				if err := s.List(ctx, KindArticles, q, page, func(row Row) error {
					got = append(got, row.Article.ID)
					return nil
				}); err != nil {
					t.Fatalf("%q: %v", qs, err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("sizes %v, %q, page %+v: got %v, want %v", sizes, qs, page, got, want)
				}
			}
			for _, limit := range []int{0, 1, 10, 1000} {
				n, err := s.Count(ctx, KindArticles, q, limit)
				want := len(all)
				if limit > 0 {
					want = min(want, limit)
				}
				if err != nil || n != want {
					t.Errorf("%q: count up to %d = %d, %v; want %d", qs, limit, n, err, want)
				}
			}
		}
	}
}

// plainIDs runs the listing statement without any rewriting.
func plainIDs(t *testing.T, s *SQLite, q *query.Query, page Page) []string {
	t.Helper()
	stmt, args, err := buildSQL(KindArticles, q, page, false)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query(stmt, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]any, 11)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals[0].(string))
	}
	return out
}

// TestArticleFilterIndexes checks that migration 5's indexes exist and
// that a record filter on an article search reads them alone.
func TestArticleFilterIndexes(t *testing.T) {
	s := openTemp(t)
	q, err := query.Parse("ceasefire counted:killed")
	if err != nil {
		t.Fatal(err)
	}
	stmt, args, err := buildSQL(KindArticles, q, Page{Limit: 20}, false)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+stmt, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	covered := false
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		if detail == "SEARCH x USING COVERING INDEX claims_article (article=? AND counted=?)" {
			covered = true
		}
	}
	if !covered {
		t.Error("the claim filter does not read claims_article(article, counted) alone")
	}
}
