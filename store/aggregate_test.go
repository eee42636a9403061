package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/article"
	"dateline/query"
	"dateline/record"
)

// aggFixture stores three short articles: two on one Monday-to-Sunday week
// (a raid and talks) and one a month later, with events, places, quotes and
// claims written by hand so every count below is known.
func aggFixture(t *testing.T) *SQLite {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "agg.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := func(id, text, sub string) record.Evidence {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in %q", sub, text)
		}
		return record.Evidence{ArticleID: id, Start: i, End: i + len(sub), Rule: "test"}
	}
	t1 := `Northland soldiers shelled the harbour of Portville on Tuesday, the mayor said. "We counted nine dead," the mayor said.`
	t2 := `Southland envoys met Northland ministers in Capitaltown on Thursday. They did not attack anyone.`
	t3 := `Northland soldiers shelled Portville again. Officials said 30 people were killed.`
	actor := func(name, code string) *record.Actor { return &record.Actor{Name: name, Code: code} }
	portville := record.Place{ID: "pv", Name: "Portville", Mention: "Portville", Country: "NL", Lat: 10, Lon: 20, FeatureType: "city", Role: record.PlaceEvent}
	capital := record.Place{ID: "ct", Name: "Capitaltown", Mention: "Capitaltown", Country: "SL", Lat: -5, Lon: 30, FeatureType: "city", Role: record.PlaceEvent}
	puts := []Put{
		{Article: article.Article{ID: "x1", Source: "Wire One", Title: "Harbour shelled", Text: t1, Published: "2024-03-05", Lang: "en"},
			Result: record.Result{Version: "t",
				Places:   []record.Place{withEv(portville, at("x1", t1, "Portville"))},
				Quotes:   []record.Quote{{ID: "q1", Kind: record.QuoteDirect, Content: at("x1", t1, "We counted nine dead,"), SpeakerName: "the mayor"}},
				Claims:   []record.Claim{{ID: "c1", Value: 9, Qualifier: record.QualExact, Counted: "killed", ClaimedBy: "the mayor", Evidence: at("x1", t1, "nine dead")}},
				Entities: []record.Entity{{ID: "n", Name: "Northland", Kind: record.KindOrg, Code: "NTHMIL"}},
				Events: []record.Event{{ID: "v1", Source: actor("Northland soldiers", "NTHMIL"), Target: actor("Portville", "STH"),
					CAMEO: "195", Plover: "ASSAULT", Goldstein: -10, QuadClass: 4, Action: at("x1", t1, "shelled"), Place: "pv",
					Date: "2024-03-05", Polarity: record.PolarityAsserted, Modality: record.ModalityActual}}}},
		{Article: article.Article{ID: "x2", Source: "Paper Two", Title: "Talks", Text: t2, Published: "2024-03-07", Lang: "en"},
			Result: record.Result{Version: "t",
				Places: []record.Place{withEv(capital, at("x2", t2, "Capitaltown"))},
				Events: []record.Event{
					{ID: "v2", Source: actor("Southland envoys", "STHGOV"), Target: actor("Northland ministers", "NTHGOV"),
						CAMEO: "040", Plover: "CONSULT", Goldstein: 1, QuadClass: 1, Action: at("x2", t2, "met"), Place: "ct",
						Polarity: record.PolarityAsserted, Modality: record.ModalityActual},
					{ID: "v3", Source: actor("They", "STHGOV"), Target: actor("anyone", ""), CAMEO: "190", Plover: "ASSAULT",
						Goldstein: -10, QuadClass: 4, Action: at("x2", t2, "attack"), Polarity: record.PolarityNegated, Modality: record.ModalityActual}}}},
		{Article: article.Article{ID: "x3", Source: "Wire One", Title: "Portville again", Text: t3, Published: "2024-04-10", Lang: "en"},
			Result: record.Result{Version: "t",
				Places: []record.Place{withEv(portville, at("x3", t3, "Portville"))},
				Claims: []record.Claim{{ID: "c2", Value: 30, Qualifier: record.QualExact, Counted: "killed", ClaimedBy: "Officials", Evidence: at("x3", t3, "30 people were killed")}},
				Events: []record.Event{{ID: "v4", Source: actor("Northland soldiers", "NTHMIL"), Target: actor("Portville", "STH"),
					CAMEO: "195", Plover: "ASSAULT", Goldstein: -9, QuadClass: 4, Action: at("x3", t3, "shelled"), Place: "pv",
					Polarity: record.PolarityAsserted, Modality: record.ModalityActual}}}},
	}
	if _, err := s.PutBatch(context.Background(), puts); err != nil {
		t.Fatal(err)
	}
	return s
}

func withEv(p record.Place, e record.Evidence) record.Place { p.Evidence = e; return p }

func mustParse(t *testing.T, s string) *query.Query {
	t.Helper()
	q, err := query.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestTimelineWeeksAndQuadClass(t *testing.T) {
	s := aggFixture(t)
	ctx := context.Background()
	tl, err := s.Timeline(ctx, nil, Week)
	if err != nil {
		t.Fatal(err)
	}
	got := tl.Buckets
	if tl.Sample != 1 {
		t.Errorf("sample = %v, want 1 (everything counted)", tl.Sample)
	}
	// 2024-03-05 (Tue) and 03-07 (Thu) fall in the week of Monday 03-04;
	// 2024-04-10 (Wed) in the week of Monday 04-08. The negated event of x2
	// is not counted.
	if len(got) != 2 || got[0].Start != "2024-03-04" || got[1].Start != "2024-04-08" {
		t.Fatalf("buckets = %+v", got)
	}
	if got[0].Articles != 2 || got[0].Events != 2 || got[0].Quad[4] != 1 || got[0].Quad[1] != 1 {
		t.Errorf("first week = %+v", got[0])
	}
	if got[0].Goldstein == nil || *got[0].Goldstein != -4.5 {
		t.Errorf("first week mean Goldstein = %v, want -4.5", got[0].Goldstein)
	}
	tl, err = s.Timeline(ctx, mustParse(t, "plover:ASSAULT"), Day)
	if err != nil {
		t.Fatal(err)
	}
	days := tl.Buckets
	// x2 has an ASSAULT event, a negated one: its article is counted, the
	// event is not.
	if len(days) != 3 || days[0].Start != "2024-03-05" || days[1].Events != 0 || days[1].Articles != 1 || days[2].Quad[4] != 1 {
		t.Errorf("assault days = %+v", days)
	}
	tl, err = s.Timeline(ctx, mustParse(t, "polarity:negated"), Month)
	if err != nil {
		t.Fatal(err)
	}
	neg := tl.Buckets
	if len(neg) != 1 || neg[0].Start != "2024-03-01" || neg[0].Events != 1 {
		t.Errorf("negated by month = %+v", neg)
	}
	if _, err := s.Timeline(ctx, nil, "fortnight"); err == nil || !strings.Contains(err.Error(), "fortnight") {
		t.Errorf("bad interval error = %v", err)
	}
}

func TestNetworkPairs(t *testing.T) {
	s := aggFixture(t)
	got, err := s.Network(context.Background(), nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("links = %+v", got)
	}
	top := got[0]
	if top.Source != "NTHMIL" || top.Target != "STH" || top.Events != 2 || top.Goldstein != -9.5 || top.Conflict != 2 {
		t.Errorf("top link = %+v", top)
	}
	if got[1].Source != "STHGOV" || got[1].Target != "NTHGOV" || got[1].Events != 1 {
		t.Errorf("second link = %+v", got[1])
	}
}

func TestPlaceCountsLayers(t *testing.T) {
	s := aggFixture(t)
	ctx := context.Background()
	ev, err := s.PlaceCounts(ctx, nil, LayerEvents, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev) != 2 || ev[0].Name != "Portville" || ev[0].Count != 2 || ev[0].Lat != 10 || ev[0].Conflict != 2 {
		t.Fatalf("event places = %+v", ev)
	}
	pl, err := s.PlaceCounts(ctx, mustParse(t, "source:\"Wire One\""), LayerPlaces, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pl) != 1 || pl[0].Name != "Portville" || pl[0].Count != 2 || pl[0].Goldstein != nil {
		t.Errorf("mentioned places = %+v", pl)
	}
}

func TestFacetsSpeakersStories(t *testing.T) {
	s := aggFixture(t)
	ctx := context.Background()
	f, err := s.Facets(ctx, nil, 100, 5)
	if err != nil {
		t.Fatal(err)
	}
	if f.Sampled != 3 {
		t.Errorf("sampled = %d", f.Sampled)
	}
	if src := f.Fields["source"]; len(src) != 2 || src[0] != (FacetValue{"Wire One", 2}) {
		t.Errorf("source facet = %+v", src)
	}
	if m := f.Fields["from"]; len(m) != 2 || m[0] != (FacetValue{"2024-03", 2}) {
		t.Errorf("month facet = %+v", m)
	}
	if c := f.Fields["counted"]; len(c) != 1 || c[0] != (FacetValue{"killed", 2}) {
		t.Errorf("counted facet = %+v", c)
	}
	sp, err := s.Speakers(ctx, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(sp) != 1 || sp[0] != (SpeakerCount{"the mayor", 1, 1}) {
		t.Errorf("speakers = %+v", sp)
	}
	st, err := s.Stories(ctx, mustParse(t, "Portville"), Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 2 || st[0].Lead.ID != "x3" || st[0].NumArticles != 1 {
		t.Errorf("stories = %+v", st)
	}
	arts, err := s.StoryArticles(ctx, st[1].ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].ID != "x1" {
		t.Errorf("story articles = %+v", arts)
	}
	if _, err := s.Facets(ctx, &query.Query{Root: &query.Filter{Name: "nope", Value: "x"}}, 0, 0); err == nil {
		t.Error("an unsupported filter should be an error")
	}
}

func TestEachSummaryRow(t *testing.T) {
	var got []string
	err := eachSummaryRow("2024-01-01,3,0,1,0,2,0,-4.5;;2024-01-02,10,1,0,0,0,12,0", func(day string, n [6]int, g float64) {
		got = append(got, fmt.Sprint(day, n, g))
	})
	want := []string{"2024-01-01[3 0 1 0 2 0] -4.5", "2024-01-02[10 1 0 0 0 12] 0"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
	for _, bad := range []string{"2024-01-01", "2024-01-01,3,0,1,0,2,0", "2024-01-01,3,0,x,0,2,0,1", "2024-01-01,3,0,1,0,2,0,", "2024-01-01,-3,0,1,0,2,0,1"} {
		if err := eachSummaryRow(bad, func(string, [6]int, float64) {}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
