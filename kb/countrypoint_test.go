package kb

import "testing"

// The gazetteer's country entries sit where the country table puts the
// country, so resolving "Indonesia" as a place and looking the country
// up agree.
func TestCountryPlaceUsesCountryPoint(t *testing.T) {
	k := Default()
	for _, code := range []string{"ID", "US", "FR"} {
		c, ok := k.CountryByCode(code)
		if !ok {
			t.Fatalf("no country %s", code)
		}
		p, ok := k.Place("iso3166:" + code)
		if !ok {
			t.Fatalf("no gazetteer entry iso3166:%s", code)
		}
		if p.Lat != c.Lat || p.Lon != c.Lon {
			t.Errorf("%s: gazetteer point %v,%v, country table %v,%v", code, p.Lat, p.Lon, c.Lat, c.Lon)
		}
	}
	// An archipelago is placed at the centre of the whole, not on its
	// largest island (Borneo's share of Indonesia lies west of 117°E).
	if c, _ := k.CountryByCode("ID"); c.Lon < 117 {
		t.Errorf("Indonesia at %v,%v, want the archipelago's centre", c.Lat, c.Lon)
	}
}
