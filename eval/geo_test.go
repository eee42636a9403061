package eval

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"

	"dateline/kb"
	"dateline/nlp"
)

func TestReadGeoGoldLGL(t *testing.T) {
	arts, err := LoadGeoGold("testdata/geo-lgl.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || len(arts[0].Gold) != 5 || len(arts[1].Gold) != 2 {
		t.Fatalf("got %d articles", len(arts))
	}
	a := arts[0]
	for _, g := range a.Gold {
		if got := a.Text[g.Start:g.End]; got != g.Name {
			t.Errorf("gold %q aligned to %q", g.Name, got)
		}
	}
	// Galveston is given one character late; the nearest "Texas" to 81 is
	// the second one.
	if a.Gold[1].Start != 38 || a.Gold[3].Start != 80 {
		t.Errorf("alignment: Galveston at %d, second Texas at %d", a.Gold[1].Start, a.Gold[3].Start)
	}
	if a.Gold[4].HasCoords {
		t.Error("Paris has no gaztag but got coordinates")
	}
	// Code points are not bytes: "Bern" follows a "ü".
	if b := arts[1].Gold[1]; b.Start != 34 || arts[1].Text[b.Start:b.End] != "Bern" {
		t.Errorf("Bern at byte %d", b.Start)
	}
}

func TestReadGeoGoldGeoVirusShape(t *testing.T) {
	const x = `<articles><article><source>s</source><text>Cases rose in Lagos and Abuja.</text><locations>
<location><name>Lagos</name><start>14</start><end>19</end><lat>6.45</lat><lon>3.39</lon><page>p</page></location>
<location><name>Abuja</name><start>25</start><end>30</end><lat>9.06</lat><lon>7.49</lon><page>p</page></location>
</locations></article></articles>`
	arts, err := ReadGeoGold(strings.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	g := arts[0].Gold
	if len(g) != 2 || g[0].Start != 14 || g[1].Start != 24 || !g[1].HasCoords || g[1].Lat != 9.06 {
		t.Fatalf("got %+v", g)
	}
}

func TestReadGeoGoldErrors(t *testing.T) {
	for name, x := range map[string]string{
		"not xml":     "hello",
		"no articles": "<articles></articles>",
		"bad offset":  "<articles><article><text>abc</text><toponyms><toponym><start>x</start><end>2</end><phrase>zz</phrase></toponym></toponyms></article></articles>",
		"outside":     "<articles><article><text>abc</text><toponyms><toponym><start>10</start><end>12</end><phrase>zz</phrase></toponym></toponyms></article></articles>",
	} {
		if _, err := ReadGeoGold(strings.NewReader(x)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := LoadGeoGold("testdata/no-such-file.xml"); err == nil {
		t.Error("missing file: no error")
	}
}

// TestGeoScores runs the scorer with the tokenizer alone (no entity
// recogniser), so toponyms come from the gazetteer scan only.
func TestGeoScores(t *testing.T) {
	arts, err := LoadGeoGold("testdata/geo-lgl.xml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Geo(context.Background(), arts, nlp.NewDoc, kb.Default(), true)
	if err != nil {
		t.Fatal(err)
	}
	if r.Task != "geo" || r.Articles != 2 || r.Gold != 7 {
		t.Fatalf("got %+v", r)
	}
	for _, f := range []float64{r.TaggingPrecision, r.TaggingRecall, r.TaggingF1, r.Acc161} {
		if f < 0 || f > 1 || math.IsNaN(f) {
			t.Fatalf("metric out of range: %+v", r)
		}
	}
	// Every gold place is in the gazetteer and the context (Texas, a
	// Swiss neighbour) settles each; six of them have coordinates.
	if r.Resolved != 6 || r.Acc161 != 1 {
		t.Errorf("resolution: %d resolved, acc161 %.3f; errors %v", r.Resolved, r.Acc161, r.Errors)
	}
	if r.TaggingRecall < 0.7 || r.TaggingPrecision < 0.7 {
		t.Errorf("tagging: %+v; errors %v", r, r.Errors)
	}
}

func TestGeoCancelled(t *testing.T) {
	arts, err := LoadGeoGold("testdata/geo-lgl.xml")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Geo(ctx, arts, nlp.NewDoc, nil, false); err == nil {
		t.Error("cancelled context: no error")
	}
}

// TestGeoVirusDev checks the dev floor on GeoVirus with the full text
// engine; the numbers to report come from `dateline eval geo`.
func TestGeoVirusDev(t *testing.T) {
	const path = "../../shared/eval/geo/GeoVirus.xml"
	if _, err := os.Stat(path); err != nil {
		t.Skip("GeoVirus not available at ../shared/eval/geo (", err, ")")
	}
	if testing.Short() {
		t.Skip("full-pipeline evaluation skipped in -short mode")
	}
	arts, err := LoadGeoGold(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Geo(context.Background(), arts, p.Annotate, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.TaggingF1 < 0.85 {
		t.Errorf("tagging F1 %.3f below 0.85", r.TaggingF1)
	}
	if r.Acc161 < 0.6 {
		t.Errorf("acc161 %.3f below 0.6", r.Acc161)
	}
}

func TestGeoCause(t *testing.T) {
	k := kb.Default()
	paris := k.Places("Paris")
	if len(paris) == 0 || paris[0].Country != "FR" {
		t.Fatalf("Paris candidates: %+v", paris)
	}
	// Gold means Paris, Texas: an entry of the name is near it.
	var texas kb.Place
	for _, p := range paris {
		if p.Admin1 == "Texas" {
			texas = p
		}
	}
	if texas.Name == "" {
		t.Fatal("no Paris, Texas")
	}
	if got := GeoCause(k, "Paris", paris[0], true, texas.Lat, texas.Lon); got != CauseCandidate {
		t.Errorf("Paris (France) for Paris, Texas: %q", got)
	}
	if got := GeoCause(k, "Zzyzxville", kb.Place{}, false, 0, 0); got != CauseNothing {
		t.Errorf("unknown name: %q", got)
	}
	fr, _ := k.Country("France")
	country := kb.Place{Name: "France", Feature: kb.FeatureCountry, Lat: fr.Lat, Lon: fr.Lon}
	if got := GeoCause(k, "France", country, true, 40, -20); got != CauseAreaPoint {
		t.Errorf("France far from gold: %q", got)
	}
	if got := GeoCause(k, "Paris", paris[0], true, -40, 100); got != CauseMissing {
		t.Errorf("Paris with gold in the ocean: %q", got)
	}
}
