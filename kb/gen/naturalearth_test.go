package main

import (
	"math"
	"slices"
	"testing"
)

// square is a closed lon,lat ring around (x0,y0)-(x1,y1).
func square(x0, y0, x1, y1 float64) [][2]float64 {
	return [][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
}

func TestMainlandCentre(t *testing.T) {
	// A big square and a small far island: the centre is the big one's.
	polys := [][][][2]float64{
		{square(0, 0, 10, 10)},
		{square(100, 50, 101, 51)},
	}
	lat, lon, share, ok := mainlandCentre(polys)
	if !ok || math.Abs(lat-5) > 0.2 || math.Abs(lon-5) > 1e-9 || share < 0.98 || share > 1 {
		t.Errorf("mainlandCentre = %v,%v share %v,%v, want about 5,5 with ~99%% of the land", lat, lon, share, ok)
	}
	// A hole in the west half moves the centre east.
	holed := [][][][2]float64{{square(0, 0, 10, 10), square(1, 1, 4, 9)}}
	if _, lon, _, _ := mainlandCentre(holed); lon <= 5 {
		t.Errorf("centre of a square with a western hole at lon %v, want > 5", lon)
	}
	// A band from the equator to 60°N: a degree of latitude holds less
	// land the further north, so the true centre of its area lies south
	// of the middle latitude, at about 25.7°N.
	if lat, _, _, _ := mainlandCentre([][][][2]float64{{square(0, 0, 10, 60)}}); math.Abs(lat-25.66) > 0.1 {
		t.Errorf("centre of a 0–60°N band at lat %v, want about 25.66 (true area)", lat)
	}
	if _, _, _, ok := mainlandCentre(nil); ok {
		t.Error("mainlandCentre(nil) reported a centre")
	}
}

func TestContains(t *testing.T) {
	a := neAdmin1{polys: [][][][2]float64{{square(0, 0, 10, 10), square(2, 2, 4, 4)}}}
	a.bbox = bbox(a.polys)
	for _, c := range []struct {
		lon, lat float64
		want     bool
	}{{5, 5, true}, {3, 3, false}, {11, 5, false}, {9.9, 0.1, true}} {
		if got := a.contains(c.lon, c.lat); got != c.want {
			t.Errorf("contains(%v,%v) = %v, want %v", c.lon, c.lat, got, c.want)
		}
	}
}

func TestSameRegion(t *testing.T) {
	for _, c := range []struct {
		gn    string
		names []string
		want  bool
	}{
		{"Akita", []string{"Akita Prefecture"}, true},
		{"Provincia de Entre Rios", []string{"Entre Ríos"}, true},
		{"Kyiv City", []string{"Kyiv"}, true},
		{"Viken", []string{"Østfold", "Ostfold"}, false},
		{"Province", []string{"Province"}, false}, // nothing distinctive left
	} {
		if got := sameRegion(c.gn, c.names); got != c.want {
			t.Errorf("sameRegion(%q, %q) = %v, want %v", c.gn, c.names, got, c.want)
		}
	}
}

func TestJoinNE(t *testing.T) {
	ne := []neAdmin1{
		{Code: "A-1", Country: "XX", GNA1: "XX.01", Names: []string{"Northland"}},
		{Code: "A-2", Country: "XX", GNA1: "XX.02", Names: []string{"Old Southland"}}, // code reused by a reform
		{Code: "A-3", Country: "XX", GNA1: "-1", Names: []string{"Riverside"}},
		{Code: "A-4", Country: "XX", GNA1: "-1", Names: []string{"Lost Province"}},
	}
	admin1 := map[string]string{"XX.01": "Northland Region", "XX.02": "Greater Coast"}
	admin2 := map[string]string{"XX.02.07": "Province of Riverside"}
	j := joinNE(ne, admin1, admin2)
	if i, ok := j.admin1["XX.01"]; !ok || i != 0 {
		t.Errorf("XX.01 joined to %v,%v, want division 0", i, ok)
	}
	if _, ok := j.admin1["XX.02"]; ok {
		t.Error("XX.02 joined although the names differ")
	}
	if i, ok := j.admin2["XX.02.07"]; !ok || i != 2 {
		t.Errorf("admin2 XX.02.07 joined to %v,%v, want division 2 by name", i, ok)
	}
	if j.used[1] || j.used[3] || !j.used[0] || !j.used[2] {
		t.Errorf("used = %v, want [true false true false]", j.used)
	}
	cities := []city{{Name: "Harbour", Country: "XX", AdminCode: "02", Population: 500, Lat: 5, Lon: 5}}
	ne[3].polys = [][][][2]float64{{square(0, 0, 10, 10)}}
	ne[3].bbox = bbox(ne[3].polys)
	ne[1].polys = [][][][2]float64{{square(20, 20, 21, 21)}}
	ne[1].bbox = bbox(ne[1].polys)
	rows := neRows(ne, j, cities, citiesByCountry(cities), admin1)
	if len(rows) != 2 {
		t.Fatalf("neRows gave %d rows, want 2 (the unmatched divisions)", len(rows))
	}
	lost := rows[1]
	if lost.id != "naturalearth:A-4" || lost.pop != 500 || lost.admin1 != "Greater Coast" || lost.feature != "admin1" {
		t.Errorf("row for the unmatched division = %+v", lost)
	}
	if rows[0].pop != 0 || rows[0].admin1 != "Old Southland" {
		t.Errorf("row without towns = %+v, want population 0 filed under its own name", rows[0])
	}
}

func TestRegionAliases(t *testing.T) {
	got := regionAliases("Province of Pangasinan", "PH")
	if len(got) != 1 || got[0] != "Pangasinan" {
		t.Errorf("regionAliases(Province of Pangasinan) = %q", got)
	}
	got = regionAliases("Kyiv Oblast", "UA")
	if len(got) != 1 || got[0] != "Kyiv" {
		t.Errorf("regionAliases(Kyiv Oblast) = %q", got)
	}
	if got := regionAliases("Texas", "US"); len(got) != 0 {
		t.Errorf("regionAliases(Texas) = %q, want none", got)
	}
	// Local generic words, in their own countries only.
	for _, c := range []struct{ name, cc, want string }{
		{"Kabupaten Karo", "ID", "Karo"},
		{"Amphoe Mae Sai", "TH", "Mae Sai"},
		{"Fraser Valley Regional District", "CA", "Fraser Valley"},
		{"Kitaakita-shi", "JP", "Kitaakita"},
		{"Yokohama Shi", "JP", "Yokohama"},
		{"Gangnam-gu", "KR", "Gangnam"},
	} {
		if got := regionAliases(c.name, c.cc); !slices.Contains(got, c.want) {
			t.Errorf("regionAliases(%s, %s) = %q, want %q among them", c.name, c.cc, got, c.want)
		}
	}
	if got := regionAliases("Kota Kinabalu", "MY"); len(got) != 0 {
		t.Errorf("regionAliases(Kota Kinabalu, MY) = %q, want none (the word is part of the name)", got)
	}
}

func TestCityAliases(t *testing.T) {
	rows := []placeRow{
		{id: "a", name: "Cabanatuan City", feature: "city", pop: 200000},
		{id: "b", name: "Mexico City", feature: "capital", pop: 9000000},
		{id: "c", name: "Mexico", feature: "country"},
		{id: "d", name: "Puente de Vallecas", feature: "city", pop: 240000},
		{id: "e", name: "Nada City", feature: "city", pop: 500},
		{id: "e2", name: "Nada City", feature: "city", pop: 700}, // one city per short name
		{id: "f", name: "Lagos City", feature: "admin2"},         // not a town
	}
	cityAliases(rows)
	want := map[string]string{"a": "Cabanatuan", "b": "", "c": "", "d": "", "e": "Nada", "e2": "", "f": ""}
	for _, r := range rows {
		if r.alts != want[r.id] {
			t.Errorf("%s (%s): alts %q, want %q", r.id, r.name, r.alts, want[r.id])
		}
	}
}

func TestExtraTowns(t *testing.T) {
	cities := []city{{Name: "Bigtown", Country: "XX", Lat: 1, Lon: 2, Population: 5000}}
	towns := []town{
		{Name: "Bigtown", Lat: "1.000", Lng: "2.000", Country: "XX", Admin1: "01"}, // already there
		{Name: "Smallville", Lat: "1.5", Lng: "2.5", Country: "XX", Admin1: "01"},
		{Name: "Smallville", Lat: "1.5", Lng: "2.5", Country: "XX", Admin1: "01"}, // duplicate
		{Name: "Broken", Lat: "north", Lng: "2", Country: "XX"},
	}
	rows := extraTowns(cities, towns, map[string]string{"XX.01": "Upland"})
	if len(rows) != 1 || rows[0].name != "Smallville" || rows[0].admin1 != "Upland" || rows[0].id != "geonames-town:XX:1.5,2.5" || rows[0].pop != 0 {
		t.Errorf("extraTowns = %+v, want Smallville alone", rows)
	}
}

func TestRepresentativePoint(t *testing.T) {
	mainland := wcCountry{CCA2: "AA", LatLng: []float64{38, -97}}
	islands := wcCountry{CCA2: "BB", LatLng: []float64{-5, 120}}
	centres := map[string]countryCentre{"AA": {Lat: 39.5, Lon: -99, Share: 0.84}, "BB": {Lat: -0.2, Lon: 114, Share: 0.28}}
	if lat, lon := representativePoint(mainland, centres); lat != 39.5 || lon != -99 {
		t.Errorf("country with a mainland at %v,%v, want its mainland centre", lat, lon)
	}
	if lat, lon := representativePoint(islands, centres); lat != -5 || lon != 120 {
		t.Errorf("archipelago at %v,%v, want the published centre of the whole", lat, lon)
	}
	// Two main islands, the larger holding 56% of the land: the larger
	// island's middle is not the country's.
	two := wcCountry{CCA2: "DD", LatLng: []float64{-41, 174}}
	centres["DD"] = countryCentre{Lat: -44, Lon: 170.5, Share: 0.56}
	if lat, lon := representativePoint(two, centres); lat != -41 || lon != 174 {
		t.Errorf("country of two landmasses at %v,%v, want the published centre of the whole", lat, lon)
	}
	// A crescent: land along the west and south edges of a 10° square.
	// Its centre falls in the bay; the published point is on land.
	crescent := [][][][2]float64{{{{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 10}, {0, 10}, {0, 0}}}}
	clat, clon, share, _ := mainlandCentre(crescent)
	centres["EE"] = countryCentre{Lat: clat, Lon: clon, Share: share, land: &neAdmin1{polys: crescent, bbox: bbox(crescent)}}
	if centres["EE"].onLand(clat, clon) {
		t.Fatalf("crescent centre %v,%v lies on land", clat, clon)
	}
	if lat, lon := representativePoint(wcCountry{CCA2: "EE", LatLng: []float64{1, 5}}, centres); lat != 1 || lon != 5 {
		t.Errorf("crescent at %v,%v, want the published point on its land", lat, lon)
	}
	// Two islands with the published point far out at sea: the larger
	// island's centre instead. Between the islands it would do.
	pair := [][][][2]float64{{square(0, 0, 2, 2)}, {square(3, 0, 4.9, 2)}}
	plat, plon, pshare, _ := mainlandCentre(pair)
	centres["FF"] = countryCentre{Lat: plat, Lon: plon, Share: pshare, land: &neAdmin1{polys: pair, bbox: bbox(pair)}}
	if lat, lon := representativePoint(wcCountry{CCA2: "FF", LatLng: []float64{1, 10}}, centres); lat != plat || lon != plon {
		t.Errorf("islands with a point at sea: %v,%v, want the larger island's centre", lat, lon)
	}
	if lat, lon := representativePoint(wcCountry{CCA2: "FF", LatLng: []float64{0.5, 2.5}}, centres); lat != 0.5 || lon != 2.5 {
		t.Errorf("islands with a point between them: %v,%v, want the published point", lat, lon)
	}
	if lat, lon := representativePoint(wcCountry{CCA2: "CC", LatLng: []float64{1, 2}}, centres); lat != 1 || lon != 2 {
		t.Errorf("country without a shape at %v,%v, want its published point", lat, lon)
	}
}
