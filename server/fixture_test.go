package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
	"dateline/store"
)

// The test articles: short texts written for these tests, about invented
// places and people so no fact is borrowed. Records are placed by hand with
// find, which fails the test when the text does not hold the phrase.
const (
	textHarbour = `Northland soldiers shelled the harbour of Portville on Tuesday, killing at least 12 people, the mayor said. "We counted twelve dead and many more wounded," Mayor Ana Ruiz said. The port authority said 8 people were killed.`
	textTalks   = `Southland envoys met Northland ministers in Capitaltown on Thursday to discuss a ceasefire. "We are ready to talk," envoy Piet Brand said. They did not attack anyone.`
	textScript  = `A message read <script>alert("owned")</script> and <img src=x onerror=alert(1)> on the wall of the town hall in Portville. "Nobody will scare us," Mayor Ana Ruiz said.`
)

type finder struct {
	t    *testing.T
	id   string
	text string
}

func (f finder) ev(sub string) record.Evidence {
	f.t.Helper()
	i := strings.Index(f.text, sub)
	if i < 0 {
		f.t.Fatalf("%q not in the text of %s", sub, f.id)
	}
	return record.Evidence{ArticleID: f.id, Start: i, End: i + len(sub), Rule: "test"}
}

func (f finder) evp(sub string) *record.Evidence { e := f.ev(sub); return &e }

// testPuts builds the three articles with their records.
func testPuts(t *testing.T) []store.Put {
	h := finder{t, "harbour01", textHarbour}
	k := finder{t, "talks0002", textTalks}
	x := finder{t, "script003", textScript}
	portville := record.Place{ID: "pv", Name: "Portville", Mention: "Portville", Country: "NL", Lat: 10.5, Lon: 20.25,
		FeatureType: "city", Role: record.PlaceEvent}
	pv := func(f finder) record.Place { p := portville; p.Evidence = f.ev("Portville"); return p }
	twelve := 12.0
	return []store.Put{
		{Article: article.Article{ID: h.id, Source: "Wire One", Title: "Harbour shelled", Text: h.text, Published: "2024-03-05", Lang: "en"},
			Result: record.Result{Version: "test",
				Entities: []record.Entity{{ID: "ruiz", Name: "Ana Ruiz", Kind: record.KindPerson, Code: "NTHGOV",
					Mentions: []record.Mention{{Text: "Mayor Ana Ruiz", Kind: "name", Evidence: h.ev("Mayor Ana Ruiz")}}}},
				Places: []record.Place{pv(h)},
				Quotes: []record.Quote{{ID: "q-harbour", Kind: record.QuoteDirect, Content: h.ev("We counted twelve dead and many more wounded,"),
					Cue: h.evp("said."), Speaker: h.evp("Mayor Ana Ruiz"), SpeakerName: "Ana Ruiz", SpeakerEntity: "ruiz"}},
				Claims: []record.Claim{
					{ID: "c-mayor", Value: 12, Low: &twelve, Qualifier: record.QualAtLeast, Counted: "killed", Unit: "people",
						ClaimedBy: "the mayor", Evidence: h.ev("killing at least 12 people")},
					{ID: "c-port", Value: 8, Qualifier: record.QualExact, Counted: "killed", Unit: "people",
						ClaimedBy: "The port authority", Evidence: h.ev("8 people were killed")},
				},
				Events: []record.Event{{ID: "v-shell", Source: &record.Actor{Name: "Northland soldiers", Code: "NTHMIL"},
					Target: &record.Actor{Name: "Portville", Code: "STH"}, CAMEO: "195", Plover: "ASSAULT", Goldstein: -10,
					QuadClass: 4, Action: h.ev("shelled"), Place: "pv", Date: "2024-03-05",
					Polarity: record.PolarityAsserted, Modality: record.ModalityActual}}}},
		{Article: article.Article{ID: k.id, Source: "Paper Two", Title: "Envoys meet", Text: k.text, Published: "2024-03-07", Lang: "en"},
			Result: record.Result{Version: "test",
				Places: []record.Place{{ID: "ct", Name: "Capitaltown", Mention: "Capitaltown", Country: "SL", Lat: -5, Lon: 30,
					FeatureType: "city", Role: record.PlaceEvent, Evidence: k.ev("Capitaltown")}},
				Quotes: []record.Quote{{ID: "q-talk", Kind: record.QuoteDirect, Content: k.ev("We are ready to talk,"),
					Speaker: k.evp("envoy Piet Brand"), SpeakerName: "Piet Brand"}},
				Events: []record.Event{
					{ID: "v-meet", Source: &record.Actor{Name: "Southland envoys", Code: "STHGOV"},
						Target: &record.Actor{Name: "Northland ministers", Code: "NTHGOV"}, CAMEO: "040", Plover: "CONSULT",
						Goldstein: 1, QuadClass: 1, Action: k.ev("met"), Place: "ct",
						Polarity: record.PolarityAsserted, Modality: record.ModalityActual},
					{ID: "v-neg", Source: &record.Actor{Name: "They", Code: "STHGOV"}, CAMEO: "190", Plover: "ASSAULT",
						Goldstein: -10, QuadClass: 4, Action: k.ev("attack"),
						Polarity: record.PolarityNegated, Modality: record.ModalityActual}}}},
		{Article: article.Article{ID: x.id, Source: "Wire One", Title: `Graffiti <b>in</b> Portville`, Text: x.text, Published: "2024-04-10", Lang: "en"},
			Result: record.Result{Version: "test",
				Places: []record.Place{pv(x)},
				Quotes: []record.Quote{{ID: "q-script", Kind: record.QuoteDirect, Content: x.ev("Nobody will scare us,"),
					Speaker: x.evp("Mayor Ana Ruiz"), SpeakerName: "Ana Ruiz"}}}},
	}
}

// testStore opens a fresh SQLite database holding the test articles.
func testStore(t *testing.T) *store.SQLite {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "serve.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutBatch(context.Background(), testPuts(t)); err != nil {
		t.Fatal(err)
	}
	return st
}
