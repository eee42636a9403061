package kb

import "testing"

func TestVariantKey(t *testing.T) {
	same := [][2]string{
		{"Al-Fashir", "El Fasher"},
		{"Daqahliya", "Dakahlia"},
		{"Mbanza Congo", "M'banza Kongo"},
		{"Adhamiya", "Adhamiyah"},
		{"Philipsburg", "Filipsburg"},
	}
	for _, p := range same {
		a, b := VariantKey(p[0]), VariantKey(p[1])
		if a == "" || a != b {
			t.Errorf("VariantKey(%q) = %q, VariantKey(%q) = %q, want the same", p[0], a, p[1], b)
		}
	}
	for _, p := range [][2]string{{"Kampala", "Kandahar"}, {"Bangalore", "Bengkulu"}} {
		if a, b := VariantKey(p[0]), VariantKey(p[1]); a == b {
			t.Errorf("VariantKey(%q) = VariantKey(%q) = %q", p[0], p[1], a)
		}
	}
	if k := VariantKey("Ohio"); k != "" {
		t.Errorf("VariantKey(Ohio) = %q, want none (too short)", k)
	}
}

func TestPlacesLike(t *testing.T) {
	k := Default()
	if len(k.Places("Mauritious")) != 0 {
		t.Fatal("the misspelling is in the gazetteer; pick another")
	}
	ps := k.PlacesLike("Mauritious")
	if len(ps) == 0 || ps[0].Feature != FeatureCountry || ps[0].Country != "MU" {
		t.Errorf("PlacesLike(Mauritious) = %+v, want Mauritius first", ps)
	}
	// Same skeleton, but the spellings are too far apart.
	for _, p := range k.PlacesLike("Kaluamba") {
		if p.Country == "CO" && p.Feature == FeatureCountry {
			t.Errorf("PlacesLike(Kaluamba) has Colombia")
		}
	}
	// A town known by the part of its official name before "de".
	found := false
	for _, p := range k.PlacesLike("Acapulco") {
		found = found || p.Country == "MX" && p.Feature == FeatureCity
	}
	if !found && len(k.Places("Acapulco")) == 0 {
		t.Error("PlacesLike(Acapulco) lacks Acapulco de Juárez")
	}
	if d := editDistance("fashir", "fasher"); d != 1 {
		t.Errorf("editDistance = %d, want 1", d)
	}
}
