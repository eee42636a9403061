package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"dateline/query"
)

// TestRewrittenListingsMatchFullQuery checks that the rewritten searches
// (newest rows first, full-text probes, the streamed count) return exactly
// the rows of the plain listing statement, for pages that the newest rows
// fill and pages they do not.
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
	old := [5]int{probeScanPer, recentScanMin, recentScanPer, directHits, countTextBudget}
	defer func() {
		probeScanPer, recentScanMin, recentScanPer, directHits, countTextBudget = old[0], old[1], old[2], old[3], old[4]
		recentPages = true
	}()
	lowered := 0 // totals that stopped early
	for _, kind := range []Kind{KindArticles, KindEvents, KindClaims} {
		// Small steps and thresholds, so that the fixture's searches take
		// every path: the newest rows, the direct listing of few text
		// matches, the count stopped early.
		for _, sizes := range [][5]int{old, {1, 30, 2, 0, 10}, {2, 60, 3, 15, 40}, {4, 4000, 100, 1000, 1}} {
			probeScanPer, recentScanMin, recentScanPer, directHits, countTextBudget = sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]
			for _, qs := range queries {
				q, err := query.Parse(qs)
				if err != nil {
					t.Fatal(err)
				}
				all := plainIDs(t, s, kind, q, Page{})
				for _, page := range []Page{{Limit: 5}, {Limit: 20}, {Limit: 20, Offset: 20}, {Limit: 7, Offset: 50}} {
					want := plainIDs(t, s, kind, q, page)
					recentPages = false
					if got := listIDs(t, s, kind, q, page); !reflect.DeepEqual(got, want) {
						t.Errorf("%s %q, page %+v, without the newest-rows steps: got %v, want %v", kind, qs, page, got, want)
					}
					recentPages = true
					got := listIDs(t, s, kind, q, page)
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s, sizes %v, %q, page %+v: got %v, want %v", kind, sizes, qs, page, got, want)
					}
				}
				for _, limit := range []int{0, 1, 10, 1000} {
					n, err := s.Count(ctx, kind, q, limit)
					want := len(all)
					if limit > 0 {
						want = min(want, limit)
					}
					if err != nil || n != want {
						t.Errorf("%s %q: count up to %d = %d, %v; want %d", kind, qs, limit, n, err, want)
					}
					// Total is exact or a lower bound, and exact when it
					// stopped neither at the limit nor early.
					n, exact, err := s.Total(ctx, kind, q, limit)
					switch {
					case err != nil:
						t.Errorf("%s %q: total up to %d: %v", kind, qs, limit, err)
					case exact && (n != len(all) || limit > 0 && n >= limit):
						t.Errorf("%s %q, sizes %v: total up to %d = %d, exact; there are %d", kind, qs, sizes, limit, n, len(all))
					case !exact && n > want:
						t.Errorf("%s %q, sizes %v: total up to %d = %d, a lower bound above %d", kind, qs, sizes, limit, n, want)
					case !exact && n < want && sizes[4] >= 300:
						t.Errorf("%s %q: total up to %d = %d, inexact though every text match was checked", kind, qs, limit, n)
					case !exact && n < want:
						lowered++
					}
				}
			}
		}
	}
	if lowered == 0 {
		t.Error("no total stopped early: the fixture does not test lower bounds")
	}
}

// plainIDs returns the IDs of the rows of the straightforward statement:
// the compiled condition on the listed table joined to articles, sorted.
func plainIDs(t *testing.T, s *SQLite, kind Kind, q *query.Query, page Page) []string {
	t.Helper()
	spec := specs[kind]
	c := &compiler{spec: spec, kind: kind}
	w, err := c.compile(q.Root)
	if err != nil {
		t.Fatal(err)
	}
	lim := ""
	if page.Limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d OFFSET %d", page.Limit, page.Offset)
	}
	rows, err := s.db.Query("SELECT "+spec.alias+".id FROM "+spec.where+" WHERE "+w+" "+spec.order+lim, c.args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// listIDs returns the IDs of the rows List yields, in order.
func listIDs(t *testing.T, s *SQLite, kind Kind, q *query.Query, page Page) []string {
	t.Helper()
	out := []string{}
	err := s.List(context.Background(), kind, q, page, func(r Row) error {
		switch kind {
		case KindArticles:
			out = append(out, r.Article.ID)
		case KindEvents:
			out = append(out, r.Event.ID)
		case KindClaims:
			out = append(out, r.Claim.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s %s: %v", kind, q, err)
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

// TestCloseCompactsText checks that a writer's Close merges the full-text
// index that many small batches left in many segments, and that searches
// answer the same afterwards.
func TestCloseCompactsText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 12; i++ {
		if _, err := s.PutBatch(ctx, []Put{synthArticle(r, 2*i), synthArticle(r, 2*i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	segments := func(s *SQLite) int {
		var n int
		if err := s.db.QueryRow(`SELECT count(DISTINCT segid) FROM articles_fts_idx`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := segments(s); n <= maxTextSegments {
		t.Fatalf("12 batches left %d segments; the test needs more than %d", n, maxTextSegments)
	}
	q, err := query.Parse("ceasefire OR talks")
	if err != nil {
		t.Fatal(err)
	}
	before := listIDs(t, s, KindArticles, q, Page{})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := segments(s); n != 1 {
		t.Errorf("after Close: %d segments, want 1", n)
	}
	if after := listIDs(t, s, KindArticles, q, Page{}); !reflect.DeepEqual(after, before) || len(after) == 0 {
		t.Errorf("after compaction: %v, before %v", after, before)
	}
}
