package export

import (
	"testing"

	"dateline/article"
	"dateline/extract"
	"dateline/kb"
	"dateline/record"
)

// vicinityPlace extracts text and returns the place record of mention,
// which must be a vicinity record (a name the gazetteer lacks).
func vicinityPlace(t *testing.T, text, mention string) *record.Place {
	t.Helper()
	p, err := extract.NewPipeline(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, res := p.Extract(article.Article{ID: "v", Title: "Cholera", Text: text})
	for i := range res.Places {
		if res.Places[i].Mention == mention {
			if res.Places[i].FeatureType != kb.FeatureVicinity {
				t.Fatalf("%s is no vicinity record: %+v", mention, res.Places[i])
			}
			return &res.Places[i]
		}
	}
	t.Fatalf("no place record for %s among %+v", mention, res.Places)
	return nil
}

// TestVicinityGeoType: a name the gazetteer lacks is written with the
// GDELT type of the place it was put at. Put in the middle of Kenya it is
// known to the country only (type 1, ADM1 the country), not a town (4);
// put by Nairobi it is a town's point (4), by Ontario a first-level
// region's (5, with its ADM1 code).
func TestVicinityGeoType(t *testing.T) {
	g := &gdeltWriter{kb: kb.Default()}
	p := vicinityPlace(t, "Doctors flew from Lagos to Zorvu, Kenya, on Monday.", "Zorvu")
	if cols := g.geoCols(p); cols[0] != "1" || cols[2] != "KE" || cols[3] != "KE" || cols[7] != "" {
		t.Errorf("Zorvu near Kenya: geo columns %q, want type 1 in KE", cols)
	}
	p = vicinityPlace(t, "Nine more cases were found in Zorvu, on the edge of Nairobi.", "Zorvu")
	if cols := g.geoCols(p); cols[0] != "4" || cols[2] != "KE" {
		t.Errorf("Zorvu near Nairobi: geo columns %q, want type 4 in KE", cols)
	}
	p = vicinityPlace(t, "Cases were found at Zorvale, Ontario, on Friday.", "Zorvale")
	if cols := g.geoCols(p); cols[0] != "5" || cols[2] != "CA" || cols[3] == "" {
		t.Errorf("Zorvale near Ontario: geo columns %q, want type 5 with Ontario's ADM1 code", cols)
	}
}
