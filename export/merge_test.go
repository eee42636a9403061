package export

import (
	"testing"

	"dateline/article"
	"dateline/record"
)

func TestMergeEventsCountsIndependentSources(t *testing.T) {
	text := "Ruritanian troops shelled Gdansk."
	ev := func() record.Event {
		e := event(text, "Ruritanian troops", "RURMIL", "shelled", "194", "Gdansk", "POL")
		e.Date = "2024-03-04"
		return e
	}
	other := event(text, "Ruritanian troops", "RURMIL", "shelled", "190", "Gdansk", "POL")
	docs := []Document{
		// A Reuters story, and two papers reprinting it (one says so in
		// its dateline, the other is in the caller's story group).
		doc("r", "https://reuters.example/1", "Reuters", "2024-03-04", text, ev()),
		doc("p1", "https://paper-one.example/1", "Paper One", "2024-03-04", text, ev()),
		doc("p2", "https://paper-two.example/1", "Paper Two", "2024-03-05", text, ev(), ev()),
		// An independent report, and an event of another kind.
		doc("i", "https://local.example/9", "", "2024-03-04", text, ev(), other),
	}
	docs[1].Article.Dateline = "GDANSK, March 4 (Reuters) -"
	stories := map[string]string{"r": "s1", "p2": "s1"}
	merged := MergeEvents(docs, func(a article.Article) string { return stories[a.ID] })
	if len(merged) != 2 {
		t.Fatalf("want 2 merged events (194 and 190), got %d", len(merged))
	}
	m := merged[0]
	if m.Event.CAMEO != "194" || len(m.Mentions) != 5 || m.Articles != 4 || m.Sources != 4 || m.Independent != 2 {
		t.Errorf("194: mentions %d, articles %d, sources %d, independent %d; want 5, 4, 4, 2",
			len(m.Mentions), m.Articles, m.Sources, m.Independent)
	}
	if m.Day != "2024-03-04" {
		t.Errorf("day %q", m.Day)
	}
	if merged[1].Event.CAMEO != "190" || merged[1].Articles != 1 || merged[1].Day != "2024-03-04" {
		t.Errorf("190: %+v", merged[1])
	}
	if m.ID == merged[1].ID || m.ID <= 0 {
		t.Errorf("IDs %d and %d must be distinct and positive", m.ID, merged[1].ID)
	}
	// The same input gives the same IDs.
	again := MergeEvents(docs, nil)
	if again[0].ID != m.ID {
		t.Errorf("ID not stable: %d vs %d", again[0].ID, m.ID)
	}
	// Without story groups, only the wire link remains: r+p1 are one.
	if again[0].Independent != 3 {
		t.Errorf("without stories: independent %d, want 3", again[0].Independent)
	}
}

func TestMergeEventsKeepsDifferentDaysAndPlacesApart(t *testing.T) {
	text := "Ruritanian troops shelled Gdansk."
	mk := func(date, place string) record.Event {
		e := event(text, "Ruritanian troops", "RURMIL", "shelled", "194", "Gdansk", "POL")
		e.Date, e.Place = date, place
		return e
	}
	places := []record.Place{
		{ID: "p-gd", Name: "Gdansk", GazetteerID: "geonames:3099434"},
		{ID: "p-so", Name: "Sopot", GazetteerID: "geonames:3085151"},
	}
	d1 := doc("a", "", "", "2024-03-10", text, mk("2024-03-04", "p-gd"), mk("2024-03-05", "p-gd"), mk("2024-03-04", "p-so"))
	d1.Records.Places = places
	// The same place under another article's place ID; a month-only date
	// falls back to the publication day.
	d2 := doc("b", "", "", "2024-03-04", text, mk("2024-03", "q-gd"))
	d2.Records.Places = []record.Place{{ID: "q-gd", Name: "Gdansk", GazetteerID: "geonames:3099434"}}
	merged := MergeEvents([]Document{d1, d2}, nil)
	if len(merged) != 3 {
		for _, m := range merged {
			t.Log(m.Key)
		}
		t.Fatalf("want 3 events (two days at Gdansk, one at Sopot), got %d", len(merged))
	}
	if merged[0].Articles != 2 {
		t.Errorf("Gdansk on the 4th should be in both articles: %d", merged[0].Articles)
	}
}

func TestMergeEventsSkipsNegatedAndHypothetical(t *testing.T) {
	text := "Ruritania could attack Freedonia."
	e := event(text, "Ruritania", "RUR", "attack", "190", "Freedonia", "FRE")
	e.Modality = record.ModalityHypothetical
	n := e
	n.Modality, n.Polarity = record.ModalityActual, record.PolarityNegated
	if got := MergeEvents([]Document{doc("a", "", "", "2024-01-01", text, e, n)}, nil); len(got) != 0 {
		t.Errorf("want no events, got %d", len(got))
	}
}

func TestWireSource(t *testing.T) {
	cases := map[string]article.Article{
		"reuters": {Source: "Reuters"},
		"afp":     {Dateline: "PARIS, May 2 (AFP) -"},
		"":        {Source: "Daily Planet", Dateline: "METROPOLIS (Staff)"},
	}
	for want, a := range cases {
		if got := WireSource(a); got != want {
			t.Errorf("WireSource(%+v) = %q, want %q", a, got, want)
		}
	}
	if got := SourceName(article.Article{URL: "https://www.example.org/x"}); got != "example.org" {
		t.Errorf("SourceName from URL = %q", got)
	}
}
