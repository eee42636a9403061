package kbeval

import (
	"strings"
	"testing"

	"dateline/kb"
)

func TestResolveActor(t *testing.T) {
	k := kb.Default()
	for _, c := range []struct{ phrase, date, code string }{
		{"Senior Ukrainian officials", "2024-01-01", "UKRGOV"},
		{"the Kremlin", "", "RUSGOV"},
		{"Israeli soldiers", "", "ISRMIL"},
		{"Norway's parliament", "", "NORLEG"},
		{"Hamas", "", "PSEHMS"},
		{"Sergei Shoigu", "2020-01-01", "RUSMIL"},
		{"Indian troops", "", "INDMIL"},
		{"residents of Gaza Strip", "", "PSECVL"},
		{"Congolese rebels", "", "CODREB"},
	} {
		r, ok := ResolveActor(k, c.phrase, c.date)
		if !ok || r.Code != c.code {
			t.Errorf("ResolveActor(%q) = %+v, %v; want %s", c.phrase, r, ok, c.code)
		}
	}
	if r, ok := ResolveActor(k, "some people somewhere", ""); ok {
		t.Errorf("resolved an unknown phrase: %+v", r)
	}
}

const ploverSample = `[
 {"id": "DOC", "event": "DOCUMENT"},
 {"id": "1", "date": "2023-11-01", "event": "CONSULT", "text": "x",
  "source": [{"actorText": "Russian diplomats", "code": "RUS", "sector": "GOV"}],
  "target": {"actorText": "Hamas", "code": "PSE", "sector": "REB"}},
 {"id": "2", "date": "2023-11-01", "event": "FIGHT", "text": "y",
  "source": [{"actorText": "Nowhereland militia", "code": "XYZ", "sector": "REB"}],
  "target": ""}
]`

func TestPLOVERActors(t *testing.T) {
	r, err := PLOVERActors(strings.NewReader(ploverSample), kb.Default(), 10)
	if err != nil {
		t.Fatal(err)
	}
	// Russian diplomats → RUSGOV (right); Hamas → PSEHMS (country right,
	// no REB sector); the unknown militia is not resolved.
	if r.Actors != 3 || r.WithSector != 3 {
		t.Fatalf("actors = %d, with sector = %d", r.Actors, r.WithSector)
	}
	if r.CountryAccuracy != 2.0/3 || r.SectorAccuracy != 1.0/3 || r.Resolved != 2.0/3 {
		t.Errorf("metrics = %+v", r)
	}
	if len(r.Errors) != 2 {
		t.Errorf("errors = %+v", r.Errors)
	}
	if _, err := PLOVERActors(strings.NewReader("{"), kb.Default(), 1); err == nil {
		t.Error("bad JSON accepted")
	}
}
