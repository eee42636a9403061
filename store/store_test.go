package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"dateline/article"
	"dateline/query"
	"dateline/record"
)

// ev builds evidence covering the first occurrence of sub in text.
func ev(t testing.TB, id, text, sub string) record.Evidence {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return record.Evidence{ArticleID: id, Start: i, End: i + len(sub), Rule: "test"}
}

const textA = `Russian Foreign Minister Sergei Lavrov met Turkish officials in Ankara on Monday to discuss the grain corridor. "We are ready to talk," Lavrov said. At least 12 people were killed in shelling near Kherson, regional officials said.`
const textB = `Israeli troops raided a refugee camp in the Gaza Strip on Tuesday. The health ministry said over 300 people were killed. "This cannot go on," said Antonio Guterres, calling for a humanitarian pause.`

func fixture(t testing.TB) []Put {
	a := article.Article{ID: "a1", Source: "Wire One", Title: "Lavrov visits Ankara", Text: textA, Published: "2023-10-02", Lang: "en", Input: "a.txt"}
	b := article.Article{ID: "b1", Source: "Paper Two", Title: "Raid in Gaza", Text: textB, Published: "2023-11-05T10:00:00Z", Lang: "en", Input: "b.txt"}
	low := 10.0
	ra := record.Result{
		Version: "test-1",
		Entities: []record.Entity{{ID: "e1", Name: "Sergei Lavrov", Kind: record.KindPerson, Code: "RUSGOV",
			Mentions: []record.Mention{{Text: "Sergei Lavrov", Kind: "name", Evidence: ev(t, "a1", textA, "Sergei Lavrov")},
				{Text: "Lavrov", Kind: "name", Evidence: ev(t, "a1", textA, "Lavrov said")}}}},
		Places: []record.Place{{ID: "p1", Name: "Ankara", Mention: "Ankara", Country: "TR", CountryCode: "TUR", Lat: 39.9, Lon: 32.9,
			FeatureType: "city", Role: record.PlaceEvent, Evidence: ev(t, "a1", textA, "Ankara")}},
		Times: []record.Time{{ID: "t1", Text: "Monday", From: "2023-10-02", To: "2023-10-02", Precision: record.PrecisionDay,
			Relative: true, Evidence: ev(t, "a1", textA, "Monday")}},
		Quotes: []record.Quote{{ID: "q1", Kind: record.QuoteDirect, Content: ev(t, "a1", textA, "We are ready to talk,"),
			SpeakerName: "Sergei Lavrov", SpeakerEntity: "e1"}},
		Claims: []record.Claim{{ID: "c1", Value: 12, Low: &low, Qualifier: record.QualAtLeast, Counted: "killed", Unit: "people",
			ClaimedBy: "regional officials", Evidence: ev(t, "a1", textA, "At least 12 people were killed")}},
		Events: []record.Event{{ID: "v1", Source: &record.Actor{Name: "Sergei Lavrov", Code: "RUSGOV", Evidence: ev(t, "a1", textA, "Sergei Lavrov")},
			Target: &record.Actor{Name: "Turkish officials", Code: "TURGOV", Evidence: ev(t, "a1", textA, "Turkish officials")}, CAMEO: "040", Plover: "CONSULT",
			Goldstein: 1, QuadClass: 1, Action: ev(t, "a1", textA, "met"), Place: "p1", Polarity: record.PolarityAsserted,
			Modality: record.ModalityActual}},
	}
	rb := record.Result{
		Version: "test-1",
		Entities: []record.Entity{{ID: "e2", Name: "Antonio Guterres", Kind: record.KindPerson, Code: "IGOUNO"},
			{ID: "e3", Name: "Israel", Kind: record.KindOrg, Code: "ISRMIL"}},
		Places: []record.Place{{ID: "p2", Name: "Gaza Strip", Mention: "Gaza Strip", CountryCode: "PSE", Role: record.PlaceEvent,
			Evidence: ev(t, "b1", textB, "Gaza Strip")}},
		Quotes: []record.Quote{{ID: "q2", Kind: record.QuoteDirect, Content: ev(t, "b1", textB, "This cannot go on,"),
			SpeakerName: "Antonio Guterres"}},
		Claims: []record.Claim{{ID: "c2", Value: 300, Qualifier: record.QualOver, Counted: "killed", Unit: "people",
			ClaimedBy: "The health ministry", Evidence: ev(t, "b1", textB, "over 300 people were killed")}},
		Events: []record.Event{
			{ID: "v2", Source: &record.Actor{Name: "Israeli troops", Code: "ISRMIL", Evidence: ev(t, "b1", textB, "Israeli troops")}, Target: &record.Actor{Name: "refugee camp", Code: "PSE", Evidence: ev(t, "b1", textB, "refugee camp")},
				CAMEO: "190", Plover: "ASSAULT", Goldstein: -10, QuadClass: 4, Action: ev(t, "b1", textB, "raided"),
				Place: "p2", Date: "2023-11-04", Polarity: record.PolarityAsserted, Modality: record.ModalityActual},
			{ID: "v3", Source: &record.Actor{Name: "Antonio Guterres", Code: "IGOUNO", Evidence: ev(t, "b1", textB, "Antonio Guterres")}, CAMEO: "0243", Plover: "REQUEST",
				Action: ev(t, "b1", textB, "calling for"), Polarity: record.PolarityAsserted, Modality: record.ModalityDemanded},
		},
	}
	return []Put{{Article: a, Result: ra}, {Article: b, Result: rb}}
}

func openTemp(t *testing.T) *SQLite {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ids(t *testing.T, s *SQLite, kind Kind, q string) []string {
	t.Helper()
	pq, err := query.Parse(q)
	if err != nil {
		t.Fatalf("parse %q: %v", q, err)
	}
	var out []string
	err = s.List(context.Background(), kind, pq, Page{}, func(r Row) error {
		switch kind {
		case KindArticles:
			out = append(out, r.Article.ID)
		case KindEvents:
			out = append(out, r.Event.ID)
		case KindQuotes:
			out = append(out, r.Quote.ID)
		case KindClaims:
			out = append(out, r.Claim.ID)
		case KindEntities:
			out = append(out, r.Entity.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("list %s %q: %v", kind, q, err)
	}
	n, err := s.Count(context.Background(), kind, pq, 0)
	if err != nil || n != len(out) {
		t.Fatalf("count %s %q = %d, %v; list gave %d", kind, q, n, err, len(out))
	}
	if len(out) > 1 {
		if n, err := s.Count(context.Background(), kind, pq, 1); err != nil || n != 1 {
			t.Fatalf("count %s %q up to 1 = %d, %v", kind, q, n, err)
		}
	}
	sort.Strings(out)
	return out
}

func TestPutGetIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	puts := fixture(t)
	added, err := s.PutBatch(ctx, puts)
	if err != nil {
		t.Fatal(err)
	}
	if !added[0] || !added[1] {
		t.Fatalf("added = %v", added)
	}
	again, err := s.PutBatch(ctx, puts)
	if err != nil {
		t.Fatal(err)
	}
	if again[0] || again[1] {
		t.Fatalf("second put added %v; must be duplicates", again)
	}
	ok, err := s.PutArticle(ctx, puts[0].Article, puts[0].Result, Meta{})
	if err != nil || ok {
		t.Fatalf("PutArticle duplicate = %v, %v", ok, err)
	}
	got, err := s.Get(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Text != textA || got.Article.Source != "Wire One" || got.Info.Status != StatusExtracted {
		t.Errorf("article = %+v", got.Article)
	}
	if !reflect.DeepEqual(got.Result, puts[0].Result) {
		t.Errorf("records differ:\n got %+v\nwant %+v", got.Result, puts[0].Result)
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(nope) = %v, want ErrNotFound", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Events != 3 || st.Quotes != 2 || st.Claims != 2 || st.Entities != 3 || st.Mentions != 2 ||
		st.Places != 2 || st.Times != 1 || st.Stories != 2 || st.ByLang["en"] != 2 {
		t.Errorf("stats = %+v", st)
	}
	if _, err := s.PutBatch(ctx, []Put{{Article: article.Article{Text: "x", Input: "in.txt"}}}); err == nil || !strings.Contains(err.Error(), "in.txt") {
		t.Errorf("article without ID: err = %v, want one naming the input", err)
	}
}

func TestQueries(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.PutBatch(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		kind Kind
		q    string
		want string
	}{
		{KindArticles, "", "a1,b1"},
		{KindArticles, "grain", "a1"},
		{KindArticles, "grain OR camp", "a1,b1"},
		{KindArticles, "killed -grain", "b1"},
		{KindArticles, `"refugee camp"`, "b1"},
		{KindArticles, `"camp refugee"`, ""},
		{KindArticles, "humanit*", "b1"},
		{KindArticles, "actor:RUS", "a1"},
		{KindArticles, "actor:guterres", "b1"},
		{KindArticles, "cameo:19", "b1"},
		{KindArticles, `place:"gaza strip"`, "b1"},
		{KindArticles, "speaker:Lavrov", "a1"},
		{KindArticles, "from:2023-11-01", "b1"},
		{KindArticles, "to:2023-10", "a1"},
		{KindArticles, "source:\"wire one\"", "a1"},
		{KindArticles, "type:quote lang:en", "a1,b1"},
		{KindArticles, "lang:fr", ""},
		{KindArticles, "article:b1", "b1"},
		{KindArticles, `source:"x' OR 1=1 --"`, ""},
		{KindEvents, "", "v1,v2,v3"},
		{KindEvents, "actor:ISR", "v2"},
		{KindEvents, "actor:IGO OR plover:consult", "v1,v3"},
		{KindEvents, "cameo:02", "v3"},
		{KindEvents, "cameo:0", "v1,v3"}, // prefix: 190 does not start with 0
		{KindEvents, `place:"Gaza Strip"`, "v2"},
		{KindEvents, "modality:demanded", "v3"},
		{KindEvents, "from:2023-11-05", "v3"}, // v2 carries its own date, 11-04
		{KindEvents, "grain", "v1"},
		{KindEvents, "NOT (actor:RUS OR actor:ISR)", "v3"},
		{KindQuotes, "", "q1,q2"},
		{KindQuotes, "speaker:guterres", "q2"},
		{KindQuotes, "ready", "q1"},
		{KindQuotes, "grain", ""}, // words match the quote, not the article
		{KindQuotes, "type:direct actor:RUS", "q1"},
		{KindClaims, "counted:killed", "c1,c2"},
		{KindClaims, "speaker:ministry", "c2"},
		{KindClaims, "counted:killed place:Ankara", "c1"},
		{KindEntities, "", "Antonio Guterres,Israel,Sergei Lavrov"},
		{KindEntities, "type:person", "Antonio Guterres,Sergei Lavrov"},
		{KindEntities, "actor:RUS", "Sergei Lavrov"},
	}
	for _, c := range cases {
		got := strings.Join(ids(t, s, c.kind, c.q), ",")
		if got != c.want {
			t.Errorf("%s %q = [%s], want [%s]", c.kind, c.q, got, c.want)
		}
	}
}

func TestListDetails(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.PutBatch(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
	var rows []Row
	err := s.List(ctx, KindEvents, nil, Page{Limit: 2}, func(r Row) error { rows = append(rows, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	// Newest first: v3 (article day 11-05), v2 (event date 11-04).
	if len(rows) != 2 || rows[0].Event.ID != "v3" || rows[1].Event.ID != "v2" {
		t.Fatalf("page 1 = %+v", rows)
	}
	if rows[1].Event.Action.Text != "raided" || rows[1].PlaceName != "Gaza Strip" || rows[1].Article.Title != "Raid in Gaza" {
		t.Errorf("row = %+v %+v", rows[1], rows[1].Event)
	}
	rows = nil
	err = s.List(ctx, KindEvents, nil, Page{Limit: 2, Offset: 2}, func(r Row) error { rows = append(rows, r); return nil })
	if err != nil || len(rows) != 1 || rows[0].Event.ID != "v1" {
		t.Fatalf("page 2 = %+v, %v", rows, err)
	}
	q, _ := query.Parse("shelling")
	err = s.List(ctx, KindArticles, q, Page{}, func(r Row) error {
		if !strings.Contains(r.Snippet, "shelling") {
			t.Errorf("snippet %q lacks the matched word", r.Snippet)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	n := 0
	err = s.List(ctx, KindQuotes, nil, Page{}, func(r Row) error {
		n++
		if r.Quote.Content.Text == "" {
			t.Errorf("quote %s has no content text", r.Quote.ID)
		}
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("yield error: err=%v after %d rows", err, n)
	}
}

func TestStories(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mk := func(id, src string, h uint64) Put {
		return Put{Article: article.Article{ID: id, Source: src, Text: "text of " + id}, Meta: Meta{SimHash: h, HasSimHash: true}}
	}
	base := uint64(0xF0F0_1234_ABCD_0F0F)
	puts := []Put{
		mk("x1", "Wire", base),
		mk("x2", "Paper", base^0b101),              // distance 2: same story
		mk("x3", "wire", base^(1<<63|1<<40|1<<20)), // distance 3, one bit in three bands: same story
		mk("x4", "Other", base^0xFFFF),             // distance 16: new story
		{Article: article.Article{ID: "x5", Text: "no hash"}},
	}
	if _, err := s.PutBatch(ctx, puts[:2]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, puts[2:]); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "x3")
	if err != nil {
		t.Fatal(err)
	}
	// "Wire" and "wire" are one outlet.
	if got.Info.NumArticles != 3 || got.Info.NumSources != 2 {
		t.Errorf("story of x3: %d articles, %d sources; want 3, 2", got.Info.NumArticles, got.Info.NumSources)
	}
	sort.Strings(got.StoryArticles)
	if strings.Join(got.StoryArticles, ",") != "x1,x2" {
		t.Errorf("story articles = %v", got.StoryArticles)
	}
	for _, id := range []string{"x4", "x5"} {
		g, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if g.Info.NumArticles != 1 || g.Info.Story == got.Info.Story {
			t.Errorf("%s joined story %d (%d articles)", id, g.Info.Story, g.Info.NumArticles)
		}
	}
	st, _ := s.Stats(ctx)
	if st.Stories != 3 || st.MultiStories != 1 {
		t.Errorf("stats: %d stories, %d multi; want 3, 1", st.Stories, st.MultiStories)
	}
}

func TestReopenAndMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.DB().QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != SchemaVersion {
		t.Errorf("schema_version = %d, %v", v, err)
	}
	var mode string
	s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	if ok, _ := s.Has(ctx, "b1"); !ok {
		t.Error("b1 lost across reopen")
	}
	if _, err := s.DB().Exec(`UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a newer schema: %v", err)
	}
}

func TestBadOffsetsDoNotCrash(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := article.Article{ID: "z", Text: "héllo world"}
	res := record.Result{
		Quotes: []record.Quote{{ID: "q", Content: record.Evidence{Start: 2, End: 500}}},
		Claims: []record.Claim{{ID: "c", Evidence: record.Evidence{Start: 2, End: 4}}}, // cuts "é" in half
		Events: []record.Event{{ID: "e", Action: record.Evidence{Start: 9, End: 3}}},
	}
	if _, err := s.PutArticle(ctx, a, res, Meta{}); err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		if err := s.List(ctx, k, nil, Page{}, func(Row) error { return nil }); err != nil {
			t.Errorf("list %s: %v", k, err)
		}
	}
}

// TestEntityTotals checks that the running totals give the same listing
// as grouping the entity rows, after duplicates and across articles.
func TestEntityTotals(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	puts := fixture(t)
	extra := puts[0]
	extra.Article.ID = "a2"
	for _, p := range []Put{puts[0], puts[1], extra, puts[0]} {
		if _, err := s.PutBatch(ctx, []Put{p}); err != nil {
			t.Fatal(err)
		}
	}
	read := func(stmt string, args []any) string {
		rows, err := s.DB().Query(stmt, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var name, kind, code string
			var arts, ments int
			rows.Scan(&name, &kind, &code, &arts, &ments)
			fmt.Fprintf(&b, "%s/%s/%s/%d/%d;", name, kind, code, arts, ments)
		}
		return b.String()
	}
	for _, qs := range []string{"", "type:person"} {
		q, _ := query.Parse(qs)
		fast, args, ok := entityTotalsSQL(KindEntities, q, Page{}, false)
		if !ok {
			t.Fatalf("%q does not use the totals", qs)
		}
		slow, sargs, err := buildSQL(KindEntities, q, Page{}, false)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := read(fast, args), read(slow, sargs); a != b || a == "" {
			t.Errorf("%q: totals %s\ngrouped %s", qs, a, b)
		}
	}
	if !strings.Contains(strings.Join(ids(t, s, KindEntities, ""), ","), "Sergei Lavrov") {
		t.Error("entity listing lost Lavrov")
	}
}

// FuzzQuerySQL checks that every query the parser accepts compiles into
// SQL that runs, for every listing kind: user text only ever reaches SQL
// as bound parameters, so nothing typed can break (or inject into) it.
func FuzzQuerySQL(f *testing.F) {
	for _, s := range []string{
		"", "grain", `"refugee camp"`, "humanit*", "a OR b -c", "actor:RUS", "actor:guterres", "cameo:0",
		`place:"gaza strip"`, "speaker:O'Brien", "counted:killed from:2023 to:2023-11", `source:"x' OR 1=1 --"`,
		"type:person", "type:event", "NOT (lang:fr OR article:b1)", `"NEAR(a b)"`, "col:x", "AND*",
		"modality:planned polarity:negated plover:consult",
	} {
		f.Add(s)
	}
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutBatch(context.Background(), fixture(f)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q, err := query.Parse(in)
		if err != nil {
			return
		}
		for _, k := range Kinds {
			if err := s.List(context.Background(), k, q, Page{Limit: 5}, func(Row) error { return nil }); err != nil {
				t.Fatalf("%s %q (%s): %v", k, in, q, err)
			}
			if _, err := s.Count(context.Background(), k, q, 100); err != nil {
				t.Fatalf("count %s %q: %v", k, in, err)
			}
		}
	})
}

// TestStoredRecordsLeaveOutArticleID checks that record rows keep no
// article ID in their JSON (the row names the article) and that every way
// of reading them back sets it on each evidence.
func TestStoredRecordsLeaveOutArticleID(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	puts := fixture(t)
	if _, err := s.PutBatch(ctx, puts); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"entities", "quotes", "claims", "events"} {
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table + ` WHERE data LIKE '%article_id%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d rows keep the article ID in their JSON", table, n)
		}
	}
	if puts[0].Result.Entities[0].Mentions[0].Evidence.ArticleID != "a1" {
		t.Errorf("encoding changed the caller's records")
	}
	q, err := query.Parse("")
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []Kind{KindEvents, KindQuotes, KindClaims} {
		n := 0
		err := s.List(ctx, kind, q, Page{Limit: 20}, func(r Row) error {
			n++
			var evs []*record.Evidence
			switch kind {
			case KindEvents:
				record.EachEvidence(r.Event, func(e *record.Evidence) { evs = append(evs, e) })
			case KindQuotes:
				record.EachEvidence(r.Quote, func(e *record.Evidence) { evs = append(evs, e) })
			case KindClaims:
				record.EachEvidence(r.Claim, func(e *record.Evidence) { evs = append(evs, e) })
			}
			for _, e := range evs {
				if e.ArticleID != r.Article.ID {
					t.Errorf("%s of %s: evidence article %q", kind, r.Article.ID, e.ArticleID)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s: nothing listed", kind)
		}
	}
}

// A Put that fails part way leaves the rows written before the failure in
// the transaction (the writer's inserts are INSERT OR FAIL, on a
// connection without foreign keys): the batch must refuse to Commit them,
// store nothing of the failed article and leave the rest of the store as
// it was, and the next batch must write normally.
func TestFailedPutRefusesCommit(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	puts := fixture(t)
	if _, err := s.PutBatch(ctx, puts[:1]); err != nil {
		t.Fatal(err)
	}
	// A stray text row where the next article's text goes: its article
	// row and story go in, then its text insert fails.
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `INSERT INTO texts(rid, text) VALUES ((SELECT max(rid) + 1 FROM articles), 'stray')`, `PRAGMA foreign_keys = ON`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	conn.Close()
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Put(&puts[1]); err == nil {
		t.Fatal("Put over a stray text row succeeded")
	}
	if _, err := b.Put(&puts[1]); err == nil {
		t.Error("Put after a failed Put succeeded")
	}
	if err := b.Commit(); err == nil {
		t.Fatal("Commit after a failed Put succeeded")
	}
	b.Rollback() // a no-op now
	if ok, err := s.Has(ctx, "b1"); err != nil || ok {
		t.Fatalf("Has(b1) = %v, %v after the refused commit", ok, err)
	}
	var articles, stories int
	if err := s.DB().QueryRow(`SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)`).Scan(&articles, &stories); err != nil {
		t.Fatal(err)
	}
	if articles != 1 || stories != 1 {
		t.Fatalf("%d articles, %d stories after the refused commit; want 1, 1", articles, stories)
	}
	if _, err := s.DB().Exec(`DELETE FROM texts WHERE text = 'stray'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, puts[1:]); err != nil {
		t.Fatalf("the batch after: %v", err)
	}
	if got := ids(t, s, KindEvents, ""); !reflect.DeepEqual(got, []string{"v1", "v2", "v3"}) {
		t.Fatalf("events %v", got)
	}
}
