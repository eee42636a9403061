package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dateline/article"
	"dateline/query"
	"dateline/record"
)

// tagFixture stores synthetic articles plus a few with unusual values (a
// non-ASCII source in mixed case, no date, a place written in another
// case, a record-less article) and returns their puts.
func tagFixture(t *testing.T, s *SQLite, n int) []Put {
	t.Helper()
	r := rand.New(rand.NewPCG(11, 13))
	var puts []Put
	for i := 0; i < n; i++ {
		p := synthArticle(r, i)
		switch i % 50 {
		case 1:
			p.Article.Source = "Écho du Sud"
		case 2:
			p.Article.Published = "" // undated
		case 3:
			p.Result.Places[0].Mention = "GAZA strip"
			p.Result.Events[0].Modality = record.ModalityPlanned
			p.Result.Events[0].Polarity = record.PolarityNegated
		case 4:
			p.Result = record.Result{Version: "synth-1"}
		}
		puts = append(puts, p)
	}
	for i := 0; i < len(puts); i += 100 {
		if _, err := s.PutBatch(context.Background(), puts[i:min(i+100, len(puts))]); err != nil {
			t.Fatal(err)
		}
	}
	return puts
}

// tagQueries are article searches of words and filters with tokens, and
// some the token search must leave to the plain listing.
var tagQueries = []string{
	"ceasefire", "ceasefire counted:killed", "talks actor:RUS", "talks actor:RUSMIL", "actor:IGO",
	"negotiat* plover:ASSAULT", `ceasefire source:"outlet 3"`, `source:"écho du sud"`, `source:"ÉCHO DU SUD"`,
	"reconstruction from:2023-06-01 to:2023-09-30", "ceasefire from:2023-03", "ceasefire to:2023-02",
	"hostages place:Rafah", `place:"gaza strip" ceasefire`, `place:"GAZA STRIP"`, "ceasefire talks lang:fr",
	"(ceasefire OR talks) actor:IGO", "ceasefire OR actor:RUS", "cameo:19 the", "cameo:0243", "modality:planned",
	"polarity:negated OR talks", "type:person ceasefire", "type:direct", "type:event", "type:time the",
	"nosuchwordanywhere counted:killed", `"humanitarian corridor" counted:displaced`, "the", "the said",
	"the from:2023-12-01", "the from:2023-05-01 to:2023-05-31", "the -ceasefire", "talks speaker:Peskov",
	"ceasefire actor:Hamas", "NOT ceasefire plover:AID", "ceasefire talks -drone", "-talks -ceasefire the",
	`talks NOT (actor:RUS OR source:"Outlet 3") from:2023-04`, "NOT talks", "the -actor:Hamas", "the (talks OR -drone)",
}

// TestTagSearchMatchesPlain checks that searches answered from the
// filter tokens list exactly the rows, and count exactly the total, of
// the plain listing statement.
func TestTagSearchMatchesPlain(t *testing.T) {
	s := openTemp(t)
	tagFixture(t, s, 600)
	ctx := context.Background()
	planned, lowered := 0, 0
	old := countTextBudget
	defer func() { countTextBudget = old }()
	for _, qs := range tagQueries {
		q, err := query.Parse(qs)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := planTags(KindArticles, q); ok {
			planned++
		}
		all := plainIDs(t, s, KindArticles, q, Page{})
		for _, page := range []Page{{}, {Limit: 5}, {Limit: 20}, {Limit: 20, Offset: 20}, {Limit: 7, Offset: 50}, {Limit: 30, Offset: 590}, {Offset: 100}} {
			want := plainIDs(t, s, KindArticles, q, page)
			if page.Limit == 0 && page.Offset > 0 {
				want = all[min(page.Offset, len(all)):]
			}
			if got := listIDs(t, s, KindArticles, q, page); !reflect.DeepEqual(got, want) {
				t.Errorf("%q, page %+v: got %v, want %v", qs, page, got, want)
			}
		}
		// With the default budget every text of the fixture is counted
		// in full; with 10, those matching more are lower bounds.
		for _, budget := range []int{old, 10} {
			countTextBudget = budget
			for _, limit := range []int{0, 1, 10, 1000} {
				want := len(all)
				if limit > 0 {
					want = min(want, limit)
				}
				// Count is exact whatever the budget.
				if n, err := s.Count(ctx, KindArticles, q, limit); err != nil || n != want {
					t.Errorf("%q: count up to %d = %d, %v; want %d", qs, limit, n, err, want)
				}
				n, exact, err := s.Total(ctx, KindArticles, q, limit)
				switch {
				case err != nil:
					t.Errorf("%q: total up to %d: %v", qs, limit, err)
				case exact && (n != len(all) || limit > 0 && n >= limit):
					t.Errorf("%q: total up to %d = %d, exact; there are %d", qs, limit, n, len(all))
				case !exact && n > want:
					t.Errorf("%q: total up to %d = %d, a lower bound above %d", qs, limit, n, want)
				case !exact && n < want && budget == old:
					t.Errorf("%q: total up to %d = %d, not exact within the budget; want %d", qs, limit, n, want)
				case !exact && n < want:
					lowered++
				}
			}
		}
		countTextBudget = old
	}
	if lowered == 0 {
		t.Error("no token total stopped at the budget: the fixture does not test it")
	}
	if planned < len(tagQueries)*3/4 {
		t.Errorf("only %d of %d searches answered from tokens", planned, len(tagQueries))
	}
}

// TestTagsSQLMatchesGo checks that the tokens written with each article
// (articleTags) are those migration 6 computes from the stored rows.
func TestTagsSQLMatchesGo(t *testing.T) {
	s := openTemp(t)
	puts := tagFixture(t, s, 120)
	dated := 0
	for _, p := range puts {
		var got string
		var rid, key int64
		if err := s.db.QueryRow(tagsWith+`SELECT `+tagsSQL+`, a.rid, `+textKeySQL("a")+` FROM articles a WHERE a.id = ?`, p.Article.ID).Scan(&got, &rid, &key); err != nil {
			t.Fatal(err)
		}
		want := articleTags(p.Article.Source, p.Article.Lang, &p.Result)
		if g, w := tokenSet(got), tokenSet(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: SQL tokens %v, Go tokens %v", p.Article.ID, g, w)
		}
		day := dayOf(p.Article.Published)
		if want := textKey(day, rid); key != want {
			t.Errorf("%s: SQL key %x, Go key %x", p.Article.ID, key, want)
		}
		if day != "" {
			dated++
		}
		// Stored under that key: found by its reference number.
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`,
			fmt.Sprintf(`"reference number %s"`, strings.TrimLeft(strings.TrimPrefix(p.Article.ID, "synth"), "0")), key).Scan(&n); err != nil || n != 1 {
			t.Errorf("%s: %d full-text rows under key %x (%v)", p.Article.ID, n, key, err)
		}
	}
	if dated == 0 || dated == len(puts) {
		t.Errorf("%d of %d articles dated: the fixture needs both", dated, len(puts))
	}
	// Keys order as listings do: by day, then rid.
	if a, b := textKey("2023-12-31", 1<<textRidBits-1), textKey("2024-01-01", 1); a >= b {
		t.Errorf("key of 2023-12-31 %x not below 2024-01-01 %x", a, b)
	}
	if a, b := textKey("", 1<<textRidBits-1), textKey("0000-01-01", 1); a >= b {
		t.Errorf("undated key %x not below the first day's %x", a, b)
	}
}

func tokenSet(s string) []string {
	f := strings.Fields(strings.ToLower(s))
	slices.Sort(f)
	return slices.Compact(f)
}

// TestMigrationRebuildsTags opens a database as schema 5 left it (the
// full-text index without tags) and checks that migration 6 rebuilds the
// index so that token searches list what the plain statement lists.
func TestMigrationRebuildsTags(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	tagFixture(t, s, 200)
	// Back to schema 5: its articles_fts, filled as its writer did.
	for _, stmt := range []string{
		`DROP TABLE articles_fts`,
		`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', contentless_delete=1)`,
		`INSERT INTO articles_fts(rowid, title, text) SELECT a.rid, a.title, t.text FROM articles a JOIN texts t ON t.rid = a.rid`,
		`UPDATE schema_version SET version = 5`,
	} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatal(stmt, err)
		}
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.SchemaVersion != SchemaVersion {
		t.Fatalf("schema %d, %v; want %d", st.SchemaVersion, err, SchemaVersion)
	}
	var v int
	if err := s.db.QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("stored schema version %d, %v", v, err)
	}
	checkTagSearches(t, s, []string{"ceasefire actor:RUS", "the counted:killed", `source:"Outlet 3"`, "the from:2023-06", "ceasefire"})
}

// checkTagSearches compares first pages and totals of token searches with
// the plain statement.
func checkTagSearches(t *testing.T, s *SQLite, qs []string) {
	t.Helper()
	for _, qs := range qs {
		q, err := query.Parse(qs)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := planTags(KindArticles, q); !ok {
			t.Fatalf("%q is not a token search", qs)
		}
		all := plainIDs(t, s, KindArticles, q, Page{})
		if len(all) == 0 {
			t.Fatalf("%q matches nothing: the check would be empty", qs)
		}
		page := Page{Limit: 10}
		if got, want := listIDs(t, s, KindArticles, q, page), plainIDs(t, s, KindArticles, q, page); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", qs, got, want)
		}
		if n, exact, err := s.Total(context.Background(), KindArticles, q, 0); err != nil || !exact || n != len(all) {
			t.Errorf("%q: total %d (exact %v, %v), want %d", qs, n, exact, err, len(all))
		}
	}
}

// TestReprocessRewritesTags checks that replacing an article's records
// replaces its tokens: searches by the new records find it, by the old
// ones no longer.
func TestReprocessRewritesTags(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	puts := tagFixture(t, s, 100)
	var ids []string
	var res []record.Result
	for _, p := range puts[:30] {
		ids = append(ids, p.Article.ID)
		res = append(res, record.Result{Version: "synth-2",
			Entities: []record.Entity{{ID: p.Article.ID + "-x", Name: "Zeta Corp", Kind: record.KindOrg, Code: "ZZZCOR"}},
			Claims:   []record.Claim{{ID: p.Article.ID + "-c", Counted: "Evacuated", Evidence: record.Evidence{Start: 0, End: 5}}}})
	}
	// Twice in one transaction too: the queued row must be replaced.
	if err := s.ReplaceRecords(ctx, append(ids, ids[0]), append(res, res[0])); err != nil {
		t.Fatal(err)
	}
	checkTagSearches(t, s, []string{"actor:ZZZ", "counted:evacuated", "the actor:ZZZCOR", "actor:RUS", "counted:killed", "type:entity"})
	q, _ := query.Parse("actor:ZZZ")
	if got := listIDs(t, s, KindArticles, q, Page{Limit: 100}); len(got) != 30 {
		t.Errorf("actor:ZZZ lists %d articles, want 30", len(got))
	}
	// The article texts are still found by their words.
	q, _ = query.Parse(`"reference number 7"`)
	if got := listIDs(t, s, KindArticles, q, Page{Limit: 10}); !slices.Contains(got, puts[7].Article.ID) {
		t.Errorf(`"reference number 7" lists %v, without %s`, got, puts[7].Article.ID)
	}
}

// TestWordsDoNotMatchTokens checks that a word spelled like a filter
// token does not match the tags column.
func TestWordsDoNotMatchTokens(t *testing.T) {
	s := openTemp(t)
	a := article.Article{ID: "tok1", Title: "plain", Text: "nothing here but a cafe", Source: "Wire", Published: "2024-03-05", Lang: "en"}
	if _, err := s.PutArticle(context.Background(), a, record.Result{}, Meta{}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"s77697265", "l656e", "s7769*", "plain", "cafe", "caf*", "nothing"} {
		q, _ := query.Parse(w)
		got := listIDs(t, s, KindArticles, q, Page{Limit: 5})
		if want := !strings.HasPrefix(w, "s") && !strings.HasPrefix(w, "l"); (len(got) == 1) != want {
			t.Errorf("%q lists %v", w, got)
		}
	}
	for w, want := range map[string]bool{"shelled": false, "s77697265": true, "S7769*": true, "sh*": false, "added": true,
		"cafe": true, "talks": false, `"the a"`: true, "Écho": true, "2024": false, "l656e-x": true} {
		q, _ := query.Parse(w)
		if got := mayMatchTag(q.Terms()[0]); got != want {
			t.Errorf("mayMatchTag(%s) = %v", w, got)
		}
	}
	q, _ := query.Parse(`source:wire from:2024-03 to:2024-03`)
	if got := listIDs(t, s, KindArticles, q, Page{Limit: 5}); len(got) != 1 {
		t.Errorf("source:wire in March lists %v", got)
	}
}
