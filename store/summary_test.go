package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"dateline/article"
	"dateline/record"
)

// summaryPuts invents n small articles whose records vary every summary
// dimension: codes sharing prefixes, empty codes, negated events, event
// days other than the publication day, undated articles, sources and
// places differing only in case, and articles with no records at all.
func summaryPuts(r *rand.Rand, first, n int, version string) []Put {
	codes := []string{"NTHMIL", "NTHGOV", "STHGOV", "STH", "ESTREB", "", "IGOUIS", "NTHMILX1"}
	cameos := []struct {
		code, plover string
		quad         int
		g            float64
	}{{"195", "ASSAULT", 4, -10}, {"190", "ASSAULT", 4, -9.5}, {"040", "CONSULT", 1, 1}, {"0431", "CONSULT", 1, 2.8},
		{"112", "ACCUSE", 3, -2}, {"073", "AID", 2, 7.4}, {"", "", 0, 0}}
	places := []string{"Portville", "portville", "Capitaltown", "Isla Mayor", "", "Nowhere"}
	coords := map[string][2]float64{"Portville": {52.1, 5.3}, "portville": {52.1, 5.3}, "Capitaltown": {-1.3, 36.8},
		"Isla Mayor": {14.6, 121}, "": {3, 4}}
	sources := []string{"Wire One", "wire one", "Paper Two", ""}
	counted := []string{"killed", "injured", "displaced"}
	var puts []Put
	for i := first; i < first+n; i++ {
		id := fmt.Sprintf("s%04d", i)
		text := fmt.Sprintf("Report %d: soldiers met envoys near the harbour and talks went on.", i)
		day := fmt.Sprintf("2024-0%d-%02d", 1+r.IntN(3), 1+r.IntN(28))
		if r.IntN(10) == 0 {
			day = ""
		}
		res := record.Result{Version: version}
		if r.IntN(8) > 0 {
			for k := r.IntN(3); k > 0; k-- {
				res.Entities = append(res.Entities, record.Entity{ID: fmt.Sprintf("%s-e%d", id, k), Name: "Actor " + fmt.Sprint(k),
					Kind: record.KindOrg, Code: codes[r.IntN(len(codes))]})
			}
			for k := r.IntN(3); k > 0; k-- {
				pl := places[r.IntN(len(places))]
				c := coords[pl] // Nowhere has none: (0, 0)
				res.Places = append(res.Places, record.Place{ID: fmt.Sprintf("%s-p%d", id, k), Name: pl,
					Mention: places[r.IntN(len(places))], Lat: c[0], Lon: c[1], Country: "C" + pl, FeatureType: "city"})
			}
			for k := r.IntN(2); k > 0; k-- {
				res.Claims = append(res.Claims, record.Claim{ID: fmt.Sprintf("%s-c%d", id, k), Value: 3,
					Counted: counted[r.IntN(len(counted))]})
			}
			for k := r.IntN(4); k > 0; k-- {
				c := cameos[r.IntN(len(cameos))]
				ev := record.Event{ID: fmt.Sprintf("%s-v%d", id, k), CAMEO: c.code, Plover: c.plover, QuadClass: c.quad,
					Goldstein: c.g, Polarity: record.PolarityAsserted, Modality: record.ModalityActual,
					Action: record.Evidence{ArticleID: id, Start: 10, End: 18}}
				if r.IntN(4) == 0 {
					ev.Polarity = record.PolarityNegated
				}
				if r.IntN(5) == 0 {
					ev.Modality = "planned"
				}
				if r.IntN(3) == 0 {
					ev.Date = fmt.Sprintf("2024-02-%02d", 1+r.IntN(28))
				}
				if sc := codes[r.IntN(len(codes))]; r.IntN(6) > 0 {
					ev.Source = &record.Actor{Name: "Source " + sc + []string{"", " army"}[r.IntN(2)], Code: sc}
				}
				if tc := codes[r.IntN(len(codes))]; r.IntN(6) > 0 {
					ev.Target = &record.Actor{Name: "Target " + tc + []string{"", " office"}[r.IntN(2)], Code: tc}
				}
				if len(res.Places) > 0 {
					ev.Place = res.Places[r.IntN(len(res.Places))].ID
				}
				res.Events = append(res.Events, ev)
			}
		}
		puts = append(puts, Put{Article: article.Article{ID: id, Source: sources[r.IntN(len(sources))], Title: "Report",
			Text: text, Published: day, Lang: []string{"en", "en", "fr"}[r.IntN(3)]}, Result: res})
	}
	return puts
}

// summaryQueries are answered from the summaries (and a few, for
// contrast, from the raw rows).
var summaryQueries = []string{"", "actor:NTH", "actor:NTHMIL", "actor:NTHMILX", "actor:NTHM", "actor:STH", "actor:IGO", "cameo:1",
	"cameo:19", "cameo:195", "cameo:0431", "plover:ASSAULT", "plover:AID", "place:portville", "place:Isla Mayor",
	`place:"isla mayor"`, `source:"wire one"`, `source:"PAPER TWO"`, "lang:en", "lang:fr", "modality:planned",
	"polarity:negated", "polarity:asserted", "counted:killed", "counted:displaced", "modality:planned from:2024-02", "from:2024-02 to:2024-02",
	"from:2024-03-06", "to:2024-01-31 actor:NTHMIL", "from:2024-02-10 plover:CONSULT to:2024-03-20",
	"from:2024-01 from:2024-02-15", "from:2024-02", "to:2024-02", "polarity:negated from:2024-03", "actor:NTH plover:ASSAULT", "actor:Actor", "-plover:AID", "talks"}

// downgradeAndReopen runs stmts on s to make it a database of an older
// schema, closes it and opens it again, which migrates it.
func downgradeAndReopen(t *testing.T, s *SQLite, path string, stmts ...string) *SQLite {
	t.Helper()
	for _, stmt := range stmts {
		if _, err := s.DB().Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkSummaries fails t unless the summary tables hold exactly what
// counting every stored article again gives, and every timeline of
// summaryQueries agrees with the one counted from the raw rows.
func checkSummaries(t *testing.T, s *SQLite, when string) {
	t.Helper()
	ctx := context.Background()
	want := newSummaryDelta()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := want.collect(ctx, tx, math.MinInt64, math.MaxInt64, nil, 1); err != nil {
		t.Fatal(err)
	}
	got := map[dayKey]*dayCounts{}
	rows, err := tx.Query(`SELECT dim, value, day, articles, e0, e1, e2, e3, e4, g, n0, n1, n2, n3, n4, ng FROM day_counts`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k dayKey
		c := &dayCounts{}
		e, n := &c.events[0], &c.events[1]
		if err := rows.Scan(&k.dim, &k.value, &k.day, &c.articles, &e[0], &e[1], &e[2], &e[3], &e[4], &c.goldstein[0],
			&n[0], &n[1], &n[2], &n[3], &n[4], &c.goldstein[1]); err != nil {
			t.Fatal(err)
		}
		if c.articles == 0 && c.events == [2][5]int{} {
			t.Errorf("%s: day_counts%v is an empty row", when, k)
		}
		got[k] = c
	}
	rows.Close()
	for k, c := range want.dayRows() {
		g := got[k]
		if g == nil {
			t.Errorf("%s: day_counts%v missing, counting gives %+v", when, k, *c)
			continue
		}
		if g.articles != c.articles || g.events != c.events ||
			math.Abs(g.goldstein[0]-c.goldstein[0]) > 1e-9 || math.Abs(g.goldstein[1]-c.goldstein[1]) > 1e-9 {
			t.Errorf("%s: day_counts%v = %+v, counting gives %+v", when, k, *g, *c)
		}
		delete(got, k)
	}
	for k, c := range got {
		t.Errorf("%s: day_counts%v = %+v, counting gives none", when, k, *c)
	}
	gotPairs := map[pairKey]*pairCounts{}
	rows, err = tx.Query(`SELECT dim, value, month, source_code, source_name, target_code, target_name,
		events, goldstein, conflict, n_events, n_goldstein, n_conflict FROM pair_counts`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k pairKey
		c := &pairCounts{}
		if err := rows.Scan(&k.dim, &k.value, &k.month, &k.sourceCode, &k.sourceName, &k.targetCode, &k.targetName,
			&c.events[0], &c.goldstein[0], &c.conflict[0], &c.events[1], &c.goldstein[1], &c.conflict[1]); err != nil {
			t.Fatal(err)
		}
		if c.events == [2]int{} {
			t.Errorf("%s: pair_counts%v is an empty row", when, k)
		}
		gotPairs[k] = c
	}
	rows.Close()
	for k, c := range want.pairRows() {
		g := gotPairs[k]
		if g == nil {
			t.Errorf("%s: pair_counts%v missing, counting gives %+v", when, k, *c)
			continue
		}
		if g.events != c.events || g.conflict != c.conflict ||
			math.Abs(g.goldstein[0]-c.goldstein[0]) > 1e-9 || math.Abs(g.goldstein[1]-c.goldstein[1]) > 1e-9 {
			t.Errorf("%s: pair_counts%v = %+v, counting gives %+v", when, k, *g, *c)
		}
		delete(gotPairs, k)
	}
	for k, c := range gotPairs {
		t.Errorf("%s: pair_counts%v = %+v, counting gives none", when, k, *c)
	}
	gotPlaces := map[placeRowKey]*placeCounts{}
	rows, err = tx.Query(`SELECT dim, value, month, name, lat, lon, country, feature_type, gazetteer_id,
		articles, events, goldstein, conflict, n_events, n_goldstein, n_conflict FROM place_counts`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k placeRowKey
		c := &placeCounts{}
		if err := rows.Scan(&k.dim, &k.value, &k.month, &k.name, &k.lat, &k.lon, &k.country, &k.featureType, &k.gazetteerID,
			&c.articles, &c.events[0], &c.goldstein[0], &c.conflict[0], &c.events[1], &c.goldstein[1], &c.conflict[1]); err != nil {
			t.Fatal(err)
		}
		if c.events == [2]int{} {
			t.Errorf("%s: place_counts%v counts no events", when, k)
		}
		if c.articles != 0 {
			t.Errorf("%s: place_counts%v counts articles (place_articles does)", when, k)
		}
		gotPlaces[k] = c
	}
	rows.Close()
	rows, err = tx.Query(`SELECT c.dim, c.value, c.month, k.name, k.lat, k.lon, k.country, k.feature_type, k.gazetteer_id,
		c.articles FROM place_articles c JOIN place_keys k ON k.id = c.place`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k placeRowKey
		var n int
		if err := rows.Scan(&k.dim, &k.value, &k.month, &k.name, &k.lat, &k.lon, &k.country, &k.featureType, &k.gazetteerID, &n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s: place_articles%v is an empty row", when, k)
		}
		if gotPlaces[k] == nil {
			gotPlaces[k] = &placeCounts{}
		}
		gotPlaces[k].articles = n
	}
	rows.Close()
	for k, c := range want.placeRows() {
		g := gotPlaces[k]
		if g == nil {
			t.Errorf("%s: place_counts%v missing, counting gives %+v", when, k, *c)
			continue
		}
		if g.articles != c.articles || g.events != c.events || g.conflict != c.conflict ||
			math.Abs(g.goldstein[0]-c.goldstein[0]) > 1e-9 || math.Abs(g.goldstein[1]-c.goldstein[1]) > 1e-9 {
			t.Errorf("%s: place_counts%v = %+v, counting gives %+v", when, k, *g, *c)
		}
		delete(gotPlaces, k)
	}
	for k, c := range gotPlaces {
		t.Errorf("%s: place_counts%v = %+v, counting gives none", when, k, *c)
	}
	if len(want.days.keys) < 100 || len(want.pairs.keys) < 100 || len(want.places.keys) < 100 {
		t.Errorf("%s: only %d day and %d pair summary rows: the fixture is too small to test", when, len(want.days.keys), len(want.pairs.keys))
	}
	tx.Rollback()

	raw := *s
	raw.rawAggregates = true
	for _, qs := range summaryQueries {
		q := mustParse(t, qs)
		for _, by := range []Interval{Day, Week, Month} {
			fast, err := s.Timeline(ctx, q, by)
			if err != nil {
				t.Fatalf("%s: timeline %q: %v", when, qs, err)
			}
			slow, err := raw.Timeline(ctx, q, by)
			if err != nil {
				t.Fatalf("%s: raw timeline %q: %v", when, qs, err)
			}
			if fast.Sample != 1 || slow.Sample != 1 {
				t.Errorf("%s: timeline %q sampled %v / %v, want all counted", when, qs, fast.Sample, slow.Sample)
			}
			if msg := sameTimeline(fast.Buckets, slow.Buckets); msg != "" {
				t.Errorf("%s: timeline %q by %s from the summaries differs from the raw count: %s", when, qs, by, msg)
			}
		}
	}
}

// checkNetworks fails t unless every network of summaryQueries agrees
// with the one counted from the raw rows.
func checkNetworks(t *testing.T, s *SQLite, when string) {
	t.Helper()
	ctx := context.Background()
	raw := *s
	raw.rawAggregates = true
	for _, qs := range summaryQueries {
		q := mustParse(t, qs)
		for _, limit := range []int{5, 1000} {
			fast, err := s.Network(ctx, q, limit)
			if err != nil {
				t.Fatalf("%s: network %q: %v", when, qs, err)
			}
			slow, err := raw.Network(ctx, q, limit)
			if err != nil {
				t.Fatalf("%s: raw network %q: %v", when, qs, err)
			}
			if len(fast) != len(slow) {
				t.Errorf("%s: network %q (limit %d): %d links, raw %d", when, qs, limit, len(fast), len(slow))
				continue
			}
			for i := range fast {
				f, r := fast[i], slow[i]
				g := f.Goldstein
				f.Goldstein = r.Goldstein
				if f != r || math.Abs(g-r.Goldstein) > 1e-9 {
					f.Goldstein = g
					t.Errorf("%s: network %q link %d = %+v, raw %+v", when, qs, i, f, r)
				}
			}
		}
	}
}

// checkPlaces fails t unless every map of summaryQueries, both layers,
// agrees with the one counted from the raw rows.
func checkPlaces(t *testing.T, s *SQLite, when string) {
	t.Helper()
	ctx := context.Background()
	raw := *s
	raw.rawAggregates = true
	for _, qs := range summaryQueries {
		q := mustParse(t, qs)
		for _, layer := range []PlaceLayer{LayerEvents, LayerPlaces} {
			fast, err := s.PlaceCounts(ctx, q, layer, 3)
			if err != nil {
				t.Fatalf("%s: places %q: %v", when, qs, err)
			}
			slow, err := raw.PlaceCounts(ctx, q, layer, 3)
			if err != nil {
				t.Fatalf("%s: raw places %q: %v", when, qs, err)
			}
			if len(fast) != len(slow) {
				t.Errorf("%s: places %q (%s): %d places, raw %d", when, qs, layer, len(fast), len(slow))
				continue
			}
			for i := range fast {
				f, r := fast[i], slow[i]
				fg, rg := f.Goldstein, r.Goldstein
				f.Goldstein, r.Goldstein = nil, nil
				if f != r || (fg == nil) != (rg == nil) || (fg != nil && math.Abs(*fg-*rg) > 1e-9) {
					t.Errorf("%s: places %q (%s) %d = %+v %v, raw %+v %v", when, qs, layer, i, f, fg, r, rg)
				}
			}
		}
	}
}

func sameTimeline(a, b []TimeBucket) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d buckets, raw %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Start != y.Start || x.Articles != y.Articles || x.Events != y.Events || x.Quad != y.Quad ||
			(x.Goldstein == nil) != (y.Goldstein == nil) || (x.Goldstein != nil && math.Abs(*x.Goldstein-*y.Goldstein) > 1e-9) {
			return fmt.Sprintf("bucket %+v, raw %+v", x, y)
		}
	}
	return ""
}

func TestSummariesFollowWrites(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	puts := summaryPuts(r, 0, 120, "v1")
	if _, err := s.PutBatch(ctx, puts[:70]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, puts[70:]); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s, "after insert")
	checkNetworks(t, s, "after insert")
	checkPlaces(t, s, "after insert")

	// The timeline must actually use the summaries: the counts of a
	// plover show up there.
	tl, err := s.Timeline(ctx, mustParse(t, "plover:ASSAULT"), Month)
	if err != nil || len(tl.Buckets) == 0 || tl.Buckets[0].Events == 0 {
		t.Fatalf("timeline plover:ASSAULT = %+v, %v; want events", tl, err)
	}

	// Re-ingesting stored articles (with other records even) changes nothing.
	again := summaryPuts(rand.New(rand.NewPCG(9, 9)), 50, 40, "v1")
	added, err := s.PutBatch(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range added {
		if a != (i >= 70) {
			t.Fatalf("re-ingest: article %d added = %v", 50+i, a)
		}
	}
	checkSummaries(t, s, "after re-ingest")

	// Reprocess: new records for some articles, none for others, twice.
	repl := summaryPuts(rand.New(rand.NewPCG(3, 4)), 10, 30, "v2")
	ids := make([]string, len(repl))
	res := make([]record.Result, len(repl))
	for i, p := range repl {
		ids[i], res[i] = p.Article.ID, p.Result
		if i%5 == 0 {
			res[i] = record.Result{Version: "v2"}
		}
	}
	for range 2 {
		if err := s.ReplaceRecords(ctx, ids, res); err != nil {
			t.Fatal(err)
		}
		checkSummaries(t, s, "after reprocess")
		checkNetworks(t, s, "after reprocess")
		checkPlaces(t, s, "after reprocess")
	}
	// Reprocessing back to the first records restores the first summaries.
	for i := range ids {
		res[i] = puts[10+i].Result
	}
	if err := s.ReplaceRecords(ctx, ids, res); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s, "after reprocess back")
	checkNetworks(t, s, "after reprocess back")
	checkPlaces(t, s, "after reprocess back")
}

func TestSummariesBackfilledByMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, summaryPuts(rand.New(rand.NewPCG(5, 6)), 0, 80, "v1")); err != nil {
		t.Fatal(err)
	}
	// Make it a database from before the summaries.
	s = downgradeAndReopen(t, s, path, `DROP TABLE day_counts`, `DROP TABLE pair_counts`, `DROP TABLE place_counts`,
		`DROP TABLE place_articles`, `DROP TABLE place_keys`, `UPDATE schema_version SET version = 3`)
	defer s.Close()
	checkSummaries(t, s, "after migration")
}

func TestAsSummaryQuery(t *testing.T) {
	for qs, want := range map[string]summaryQuery{
		"":                                   {},
		"actor:NTHMIL from:2024-01":          {dim: "actor", value: "NTHMIL", from: "2024-01-01"},
		`source:"Wire ONE" to:2024-02`:       {dim: "source", value: "wire one", to: "2024-02-29"},
		"from:2024-01 to:2024-05 to:2024-03": {from: "2024-01-01", to: "2024-03-31"},
	} {
		got, ok := asSummaryQuery(mustParse(t, qs))
		if !ok || got != want {
			t.Errorf("asSummaryQuery(%q) = %+v, %v; want %+v", qs, got, ok, want)
		}
	}
	for _, qs := range []string{"talks", "actor:Hamas", "actor:NTH plover:AID", "plover:AID OR plover:AGREE",
		"-plover:AID", "speaker:Olsen", "type:event", "article:x1"} {
		if got, ok := asSummaryQuery(mustParse(t, qs)); ok {
			t.Errorf("asSummaryQuery(%q) = %+v; want raw counting", qs, got)
		}
	}
}

func TestFullTextTimelineSampledAndBounded(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	puts := summaryPuts(rand.New(rand.NewPCG(7, 8)), 0, 400, "v1")
	if _, err := s.PutBatch(ctx, puts); err != nil {
		t.Fatal(err)
	}
	exact, err := s.Timeline(ctx, mustParse(t, "harbour"), Month)
	if err != nil || exact.Sample != 1 {
		t.Fatalf("timeline harbour = %+v, %v; want every match counted", exact, err)
	}
	s.textSampleSize = 100
	for _, qs := range []string{"harbour", "harbour talks from:2024-02", "harbour lang:en"} {
		q := mustParse(t, qs)
		est, err := s.Timeline(ctx, q, Month)
		if err != nil {
			t.Fatal(err)
		}
		if est.Sample <= 0.15 || est.Sample >= 0.4 {
			t.Errorf("%q: sample = %v, want about 100/400", qs, est.Sample)
		}
		s.textSampleSize = 0
		all, err := s.Timeline(ctx, q, Month)
		s.textSampleSize = 100
		if err != nil || all.Sample != 1 {
			t.Fatalf("%q: unsampled = %+v, %v", qs, all, err)
		}
		var estN, allN, estE, allE int
		for _, b := range est.Buckets {
			estN += b.Articles
			estE += b.Events
			if b.Events != b.Quad[0]+b.Quad[1]+b.Quad[2]+b.Quad[3]+b.Quad[4] {
				t.Errorf("%q: bucket %+v: events are not the sum of the quad classes", qs, b)
			}
		}
		for _, b := range all.Buckets {
			allN += b.Articles
			allE += b.Events
		}
		// Unscaled, a quarter sample would count a quarter.
		if allN < 100 || math.Abs(float64(estN-allN)) > 0.3*float64(allN) || math.Abs(float64(estE-allE)) > 0.3*float64(allE) {
			t.Errorf("%q: estimated %d articles and %d events, counted %d and %d", qs, estN, estE, allN, allE)
		}
	}
	// Text inside an OR is not sampled (its matches are not all the
	// query's): counted in full.
	or, err := s.Timeline(ctx, mustParse(t, "harbour OR plover:AID"), Month)
	if err != nil || or.Sample != 1 {
		t.Errorf("OR timeline = %+v, %v; want counted in full", or, err)
	}

	// A raw aggregate over its time limit fails with a deadline error
	// (the server answers 503 "narrow the query"); summaries are not
	// limited.
	s.rawTimeLimit = time.Nanosecond
	if _, err := s.Timeline(ctx, mustParse(t, "harbour"), Day); !errors.Is(err, context.DeadlineExceeded) ||
		!strings.Contains(err.Error(), "date range") {
		t.Errorf("timeline over the time limit: err = %v", err)
	}
	if _, err := s.Timeline(ctx, mustParse(t, "plover:AID"), Day); err != nil {
		t.Errorf("summary timeline under a tiny raw time limit: %v", err)
	}
}

// TestMigrationStoresSummaryRowText opens a database whose day summaries
// are as schema 6 left them (no stored row text) and checks that
// migration 7 keeps every count: timelines read the same before and after.
func TestMigrationStoresSummaryRowText(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "six.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, summaryPuts(rand.New(rand.NewPCG(3, 4)), 0, 300, "v1")); err != nil {
		t.Fatal(err)
	}
	queries := []string{"", "plover:ASSAULT", "polarity:negated", "from:2024-02-01 to:2024-03-31"}
	timelines := func(s *SQLite) []string {
		var out []string
		for _, qs := range queries {
			for _, by := range []Interval{Day, Week, Month} {
				tl, err := s.Timeline(ctx, mustParse(t, qs), by)
				if err != nil {
					t.Fatalf("%q by %s: %v", qs, by, err)
				}
				j, _ := json.Marshal(tl)
				out = append(out, fmt.Sprintf("%q %s %s", qs, by, j))
			}
		}
		return out
	}
	before := timelines(s)
	var rows int
	if err := s.db.QueryRow(`SELECT count(*) FROM day_counts`).Scan(&rows); err != nil || rows == 0 {
		t.Fatalf("%d day summary rows, %v", rows, err)
	}
	for _, stmt := range []string{
		`CREATE TABLE day_counts_6 (dim TEXT NOT NULL, value TEXT NOT NULL, day TEXT NOT NULL, articles INTEGER NOT NULL,
			e0 INTEGER NOT NULL, e1 INTEGER NOT NULL, e2 INTEGER NOT NULL, e3 INTEGER NOT NULL, e4 INTEGER NOT NULL, g REAL NOT NULL,
			n0 INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL, n4 INTEGER NOT NULL, ng REAL NOT NULL,
			PRIMARY KEY (dim, value, day)) WITHOUT ROWID`,
		`INSERT INTO day_counts_6 SELECT dim, value, day, articles, e0, e1, e2, e3, e4, g, n0, n1, n2, n3, n4, ng FROM day_counts`,
		`DROP TABLE day_counts`,
		`ALTER TABLE day_counts_6 RENAME TO day_counts`,
		`UPDATE schema_version SET version = 6`,
	} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatal(stmt, err)
		}
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var after int
	if err := s.db.QueryRow(`SELECT count(*) FROM day_counts WHERE row LIKE day || ',%'`).Scan(&after); err != nil || after != rows {
		t.Fatalf("%d of %d rows with their text after migration (%v)", after, rows, err)
	}
	if got := timelines(s); !slices.Equal(got, before) {
		for i := range got {
			if got[i] != before[i] {
				t.Errorf("after migration:\n%s\nbefore:\n%s", got[i], before[i])
			}
		}
	}
	// New writes keep the text current.
	if _, err := s.PutBatch(ctx, summaryPuts(rand.New(rand.NewPCG(5, 6)), 300, 20, "v1")); err != nil {
		t.Fatal(err)
	}
	var stale int
	if err := s.db.QueryRow(`SELECT count(*) FROM day_counts WHERE row <> day || ',' || articles || ',' || e0 || ',' || e1 || ',' || e2 || ',' || e3 || ',' || e4 || ',' || round(g, 4)`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d rows with stale text (%v)", stale, err)
	}
}

// TestTimelineFromIndexSameCounts checks that the raw timeline counted off
// the full-text index (article days in its rowids, events joined from its
// matches) counts what the plain statements count.
func TestTimelineFromIndexSameCounts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.PutBatch(ctx, summaryPuts(rand.New(rand.NewPCG(9, 10)), 0, 300, "v1")); err != nil {
		t.Fatal(err)
	}
	s.rawAggregates = true // every query counted from the rows
	for _, sample := range []int{0, 40} {
		s.textSampleSize = sample
		for _, qs := range []string{"harbour", "harbour talks", "harbour OR talks", "harbour plover:ASSAULT", "harbour polarity:negated",
			"harbour from:2024-02-01 to:2024-03-31", "harbour NOT plover:ASSAULT", "plover:ASSAULT actor:NTHMIL", "harbour lang:en", "\"the harbour\" source:\"Wire One\"", "harbour AND (plover:AID OR counted:killed)"} {
			for _, by := range []Interval{Day, Month} {
				q := mustParse(t, qs)
				fast, err := s.Timeline(ctx, q, by)
				if err != nil {
					t.Fatalf("%q: %v", qs, err)
				}
				tagSearch, textJoinEvents = false, false
				plain, err := s.Timeline(ctx, q, by)
				tagSearch, textJoinEvents = true, true
				if err != nil {
					t.Fatalf("%q plain: %v", qs, err)
				}
				// Sums of Goldstein scores taken in another order
				// differ in the last bits.
				for _, tl := range []*Timeline{&fast, &plain} {
					for i, b := range tl.Buckets {
						if b.Goldstein != nil {
							g := math.Round(*b.Goldstein*1e9) / 1e9
							tl.Buckets[i].Goldstein = &g
						}
					}
				}
				a, _ := json.Marshal(fast)
				b, _ := json.Marshal(plain)
				if string(a) != string(b) {
					t.Errorf("sample %d, %q by %s:\n index %s\n plain %s", sample, qs, by, a, b)
				}
				if len(plain.Buckets) == 0 {
					t.Errorf("%q: no buckets; the fixture should match", qs)
				}
			}
		}
	}
}

// TestSummaryRowsOfMatchesStored checks that what the writer takes from a
// Put for the summaries (summaryRowsOf, computed by ingest's workers) is
// what the stored rows hold: the same columns read back by collect, for
// synthetic articles and for one with the cases the writer transforms
// (an undated event takes the article's day, CAMEO plover upper-cased,
// claim categories lower-cased and once each, a place name joined to its
// event, actors missing).
func TestSummaryRowsOfMatchesStored(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "rows.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(7, 8))
	var puts []Put
	for i := 0; i < 40; i++ {
		puts = append(puts, synthArticle(r, i))
	}
	odd := synthArticle(r, 40)
	odd.Result.Claims = append(odd.Result.Claims,
		record.Claim{ID: "c2", Value: 3, Counted: "Killed"}, record.Claim{ID: "c3", Value: 4, Counted: "killed"}, record.Claim{ID: "c4", Value: 5})
	odd.Result.Events = append(odd.Result.Events,
		record.Event{ID: "v9", CAMEO: "190", Plover: "assault", Date: "", Place: odd.Result.Places[1].ID, QuadClass: 4, Goldstein: -10},
		record.Event{ID: "v10", CAMEO: "043", Plover: "Consult", Date: "2023-05-02", Source: &record.Actor{Name: "Someone"}})
	odd.Result.Entities = append(odd.Result.Entities, record.Entity{ID: "e9", Name: "Nobody", Kind: "person"})
	puts = append(puts, odd)
	if _, err := s.PutBatch(ctx, puts); err != nil {
		t.Fatal(err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	stored, order, err := readSummaryRows(ctx, tx, math.MinInt64, math.MaxInt64, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != len(puts) {
		t.Fatalf("%d articles read back, want %d", len(order), len(puts))
	}
	norm := func(rs *summaryRows) *summaryRows {
		c := *rs
		c.codes = slices.Sorted(slices.Values(rs.codes))
		c.counted = slices.Sorted(slices.Values(rs.counted))
		return &c
	}
	for i, rid := range order { // rids follow the batch's order
		got, want := norm(summaryRowsOf(&puts[i])), norm(stored[rid])
		if !reflect.DeepEqual(got, want) {
			t.Errorf("article %d: from the Put\n%+v\nread back\n%+v", i, got, want)
		}
	}
}

// TestSummariesBatchRepeatsAnID checks the summaries when one batch holds
// the same article twice (the second copy with other records is not
// stored) and an article stored by an earlier batch.
func TestSummariesBatchRepeatsAnID(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "rep.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := summaryPuts(rand.New(rand.NewPCG(5, 6)), 0, 60, "v1")
	if _, err := s.PutBatch(ctx, first[:30]); err != nil {
		t.Fatal(err)
	}
	other := summaryPuts(rand.New(rand.NewPCG(7, 7)), 0, 60, "v1") // same IDs, other records
	batch := append(append([]Put{}, first[30:]...), other[45], other[3])
	added, err := s.PutBatch(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range added {
		if a != (i < 30) {
			t.Fatalf("article %d of the batch: added = %v", i, a)
		}
	}
	checkSummaries(t, s, "after a batch with repeats")
}

// The rows tables() lays out go in the order of their keys' texts,
// column by column (the order of the tables' primary keys), although the
// delta keys them by numbers.
func TestTablesInKeyOrder(t *testing.T) {
	d := newSummaryDelta()
	place := func(id, name string, lat float64) summaryPlaceRow {
		return summaryPlaceRow{mention: name, summaryPlace: summaryPlace{id: id, placeKey: placeKey{name: name, lat: lat, lon: 1, country: "X"}}}
	}
	// Texts first seen in the opposite of their order.
	for i, day := range []string{"2024-03-09", "2024-02-01", "2023-12-31", ""} {
		d.add(&summaryRows{day: day, source: []string{"Zeta", "Mid", "Alpha", "Beta"}[i], lang: "en", codes: []string{"USAGOV", "RUS"}[i%2:],
			places: []summaryPlaceRow{place("p2", "Zagreb", 45), place("p1", "Athens", 38)},
			events: []summaryEvent{
				{day: day, quad: 4, goldstein: -10, sourceCode: "USAMIL", sourceName: "troops", targetCode: "RUS", cameo: "190", plover: "ASSAULT", placeID: "p2", place: "Zagreb"},
				{day: day, quad: 1, goldstein: 3, sourceCode: "AFG", targetCode: "BEL", targetName: "Belgians", cameo: "040", plover: "CONSULT", placeID: "p1", place: "Athens"},
			}}, 1)
	}
	ts := d.tables()
	// check that the rows of tb go in ascending order of their first
	// ncol columns (texts), strictly when those are the whole key.
	check := func(tb *countTable, ncol int, strict bool) {
		w := tb.width()
		if len(tb.vals) < 4*w {
			t.Fatalf("%s: %d rows, too few to test", tb.name, len(tb.vals)/w)
		}
		for i := w; i < len(tb.vals); i += w {
			a, b := tb.vals[i-w:i-w+ncol], tb.vals[i:i+ncol]
			c := 0
			for j := range a {
				if c = strings.Compare(a[j].(string), b[j].(string)); c != 0 {
					break
				}
			}
			if c > 0 || strict && c == 0 {
				t.Errorf("%s: row %v comes before %v", tb.name, a, b)
			}
		}
	}
	check(ts[0], 3, true)  // day_counts: dim, value, day
	check(ts[1], 7, true)  // pair_counts: dim, value, month, actors
	check(ts[3], 3, false) // place_articles: dim, value, month, then the place
}

// placeRows returns the place rows of d by key, their keys written out.
func (d *summaryDelta) placeRows() map[placeRowKey]*placeCounts {
	m := make(map[placeRowKey]*placeCounts, len(d.places.keys))
	for i, k := range d.places.keys {
		dv := d.dvs.keys[k.dv]
		m[placeRowKey{dv[0], dv[1], d.dates.keys[k.month], d.placeKeys[k.place]}] = &d.places.counts[i]
	}
	return m
}

// dayRows returns the day rows of d by key, written out.
func (d *summaryDelta) dayRows() map[dayKey]*dayCounts {
	m := make(map[dayKey]*dayCounts, len(d.days.keys))
	for i, k := range d.days.keys {
		dv := d.dvs.keys[k.dv]
		m[dayKey{dv[0], dv[1], d.dates.keys[k.day]}] = &d.days.counts[i]
	}
	return m
}

// pairRows returns the pair rows of d by key, written out.
func (d *summaryDelta) pairRows() map[pairKey]*pairCounts {
	m := make(map[pairKey]*pairCounts, len(d.pairs.keys))
	for i, k := range d.pairs.keys {
		dv, ac := d.dvs.keys[k.dv], d.actors.keys[k.actors]
		m[pairKey{dv[0], dv[1], d.dates.keys[k.month], ac.sourceCode, ac.sourceName, ac.targetCode, ac.targetName}] = &d.pairs.counts[i]
	}
	return m
}

// A recycled delta must count as a fresh one: nothing of the batch before
// may leak into the next.
func TestRecycledDeltaCountsAfresh(t *testing.T) {
	place := func(id, name string, lat float64) summaryPlaceRow {
		return summaryPlaceRow{mention: name, summaryPlace: summaryPlace{id: id, placeKey: placeKey{name: name, lat: lat, lon: 1, country: "X"}}}
	}
	first := &summaryRows{day: "2024-01-02", source: "Wire", lang: "en", codes: []string{"NTHGOV"},
		places: []summaryPlaceRow{place("p1", "Portville", 5), place("p2", "Isla Mayor", 6)},
		events: []summaryEvent{{day: "2024-01-02", quad: 4, goldstein: -10, sourceCode: "NTHMIL", targetCode: "STH", cameo: "190", plover: "ASSAULT", placeID: "p1", place: "Portville"}}}
	second := &summaryRows{day: "2024-01-02", source: "Paper", lang: "en", codes: []string{"STH"},
		places: []summaryPlaceRow{place("p9", "Isla Mayor", 6)},
		events: []summaryEvent{{day: "2024-01-02", quad: 1, goldstein: 3, sourceCode: "STH", targetCode: "IGO", cameo: "040", plover: "CONSULT", placeID: "p9", place: "Isla Mayor"}}}
	d := takeDelta()
	d.add(first, 1)
	d.tables()
	d.recycle()
	again := takeDelta()
	if again != d {
		t.Fatal("the recycled delta was not kept")
	}
	again.add(second, 1)
	got := again.tables()
	fresh := newSummaryDelta()
	fresh.add(second, 1)
	want := fresh.tables()
	for i := range want {
		if !reflect.DeepEqual(got[i].vals, want[i].vals) || !reflect.DeepEqual(got[i].grows, want[i].grows) {
			t.Errorf("%s: recycled delta gives %v, a fresh one %v", want[i].name, got[i].vals, want[i].vals)
		}
	}
	again.recycle()
}

// The value slices of a written batch's tables serve the next batch's
// tables: emptied, so they hold the new batch's rows only.
func TestRecycledValsHoldOnlyTheNewRows(t *testing.T) {
	place := func(id, name string, lat float64) summaryPlaceRow {
		return summaryPlaceRow{mention: name, summaryPlace: summaryPlace{id: id, placeKey: placeKey{name: name, lat: lat, lon: 1, country: "X"}}}
	}
	big := &summaryRows{day: "2024-03-04", source: "Wire", lang: "en", codes: []string{"NTHGOV", "STH"},
		places: []summaryPlaceRow{place("p1", "Portville", 5), place("p2", "Isla Mayor", 6), place("p3", "Lowtown", 7)},
		events: []summaryEvent{{day: "2024-03-04", quad: 4, goldstein: -10, sourceCode: "NTHMIL", targetCode: "STH", cameo: "190", plover: "ASSAULT", placeID: "p1", place: "Portville"}}}
	small := &summaryRows{day: "2024-03-05", source: "Paper", lang: "en", codes: []string{"STH"},
		places: []summaryPlaceRow{place("p9", "Isla Mayor", 6)}}
	tablesOf := func(rs *summaryRows) []*countTable {
		d := newSummaryDelta()
		d.add(rs, 1)
		return d.tables()
	}
	takeVals() // no spare slices yet
	want := tablesOf(small)
	written := tablesOf(big)
	placeVals := written[3].vals[:1]
	recycleTables(written)
	got := tablesOf(small)
	for i := range want {
		if (len(got[i].vals) > 0 || len(want[i].vals) > 0) && !reflect.DeepEqual(got[i].vals, want[i].vals) {
			t.Errorf("%s: after a recycled batch %v, fresh %v", want[i].name, got[i].vals, want[i].vals)
		}
	}
	if &got[3].vals[:1][0] != &placeVals[0] {
		t.Error("the place article rows did not go in the recycled slice")
	}
}

// A database from before migration 12 keeps the map's article counts in
// place_counts: the migration moves them to place_articles, and every map
// answers as before.
func TestMigrationMovesPlaceArticles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, summaryPuts(rand.New(rand.NewPCG(7, 8)), 0, 90, "v1")); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		q     string
		layer PlaceLayer
	}
	before := map[answer][]PlaceCount{}
	for _, qs := range append(summaryQueries, "") {
		for _, layer := range []PlaceLayer{LayerEvents, LayerPlaces} {
			pc, err := s.PlaceCounts(ctx, mustParse(t, qs), layer, 0)
			if err != nil {
				t.Fatal(err)
			}
			before[answer{qs, layer}] = pc
		}
	}
	// Make it a version 11 database: article counts in place_counts,
	// rows of articles alone among them.
	var moved int
	if err := s.DB().QueryRow(`SELECT count(*) FROM place_articles`).Scan(&moved); err != nil || moved < 100 {
		t.Fatalf("%d place_articles rows (%v): the fixture is too small to test", moved, err)
	}
	s = downgradeAndReopen(t, s, path,
		`INSERT INTO place_counts(dim, value, month, name, lat, lon, country, feature_type, gazetteer_id,
			articles, events, goldstein, conflict, n_events, n_goldstein, n_conflict)
			SELECT c.dim, c.value, c.month, k.name, k.lat, k.lon, k.country, k.feature_type, k.gazetteer_id,
				c.articles, 0, 0, 0, 0, 0, 0 FROM place_articles c JOIN place_keys k ON k.id = c.place WHERE true
			ON CONFLICT DO UPDATE SET articles = excluded.articles`,
		`DROP TABLE place_articles`, `DROP TABLE place_keys`, `UPDATE schema_version SET version = 11`)
	defer s.Close()
	checkSummaries(t, s, "after migration 12")
	for k, want := range before {
		got, err := s.PlaceCounts(ctx, mustParse(t, k.q), k.layer, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("places %q (%s) after migration 12: %+v, before %+v", k.q, k.layer, got, want)
		}
	}
	// The migrated database takes new articles and their places.
	if _, err := s.PutBatch(ctx, summaryPuts(rand.New(rand.NewPCG(7, 9)), 90, 30, "v1")); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, s, "after writing to the migrated database")
}
