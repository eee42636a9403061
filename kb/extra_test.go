package kb

import (
	"strings"
	"testing"
)

func TestLoadExtraAndMerge(t *testing.T) {
	extra, err := LoadExtra("testdata/extra.tsv")
	if err != nil {
		t.Fatal(err)
	}
	k := Default().Merge(extra)

	if a, ok := k.Actor("NVM", ""); !ok || a.Code != "SYRREB" || a.Role != "local armed group" {
		t.Errorf("Actor(NVM) = %+v, %v", a, ok)
	}
	if a, ok := k.Actor("Ana Example", "2031-05-01"); !ok || a.Code != "ESPGOV" {
		t.Errorf("Actor(Ana Example, 2031) = %+v, %v", a, ok)
	}
	if a, ok := k.Actor("Ana Example", "2020-05-01"); !ok || a.Code != "ESP" {
		t.Errorf("Actor(Ana Example, 2020) = %+v, %v; want bare ESP before the role", a, ok)
	}
	// The extension overrides the embedded entry of the same name.
	if a, _ := k.Actor("Peskov", "2024-01-01"); a.Role != "Kremlin press secretary" {
		t.Errorf("override of Peskov not applied: %+v", a)
	}
	if a, ok := k.Metonym("Casa Rosada"); !ok || a.Code != "ARGGOV" {
		t.Errorf("Metonym(Casa Rosada) = %+v, %v", a, ok)
	}
	if s, ok := k.RoleSector("border police"); !ok || s != "COP" {
		t.Errorf("RoleSector(border police) = %q, %v", s, ok)
	}
	ps := k.Places("Zzyzx")
	if len(ps) != 1 || ps[0].Admin1 != "California" || ps[0].Population != 12 {
		t.Errorf("Places(Zzyzx) = %+v", ps)
	}
	// Candidates from both gazetteers are merged in rank order.
	base, merged := Default().Places("Paris"), k.Places("Paris")
	if len(merged) != len(base)+1 || merged[0].Country != "FR" || merged[len(merged)-1].Country != "ZZ" {
		t.Errorf("merged Paris candidates: %d (base %d), first %s, last %s", len(merged), len(base), merged[0].Country, merged[len(merged)-1].Country)
	}
	// Embedded knowledge is still there, and the default KB is unchanged.
	if len(k.Places("Paris")) == 0 {
		t.Error("merged KB lost the embedded gazetteer")
	}
	if _, ok := k.Country("France"); !ok {
		t.Error("merged KB lost the countries")
	}
	if _, ok := Default().Actor("NVM", ""); ok {
		t.Error("Merge changed the default KB")
	}
	if len(Default().Places("Zzyzx")) != 0 {
		t.Error("Merge changed the default gazetteer")
	}
}

func TestLoadExtraErrors(t *testing.T) {
	cases := map[string]string{
		"testdata/bad_code.tsv":   "testdata/bad_code.tsv:3:",
		"testdata/bad_fields.tsv": "testdata/bad_fields.tsv:2:",
		"testdata/bad_kind.tsv":   "testdata/bad_kind.tsv:2:",
		"testdata/missing.tsv":    "missing.tsv",
	}
	for file, want := range cases {
		_, err := LoadExtra(file)
		if err == nil {
			t.Errorf("LoadExtra(%s) accepted a bad file", file)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("LoadExtra(%s) error %q does not name %q", file, err, want)
		}
	}
}

func TestReadExtraRowErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"person\tX\t\tRUSGOV\t2020-13\t\trole\n", "not YYYY"},
		{"person\tX\t\tRUSGOV\t2020-01-01\t2019-01-01\trole\n", "ends"},
		{"role\tfoo\tXXX\n", "unknown sector"},
		{"person\tX\tRUSGOV\n", "7 fields"},
		{"place\tP\t\t10\t10\t-5\tcity\tUS\t\n", "population"},
		{"place\tP\t\t10\t10\t5\tvillage\tUS\t\n", "feature"},
		{"place\tP\t\t10\t10\t5\tcity\tusa\t\n", "alpha-2"},
		{"person\t \t\tRUSGOV\t\t\t\n", "empty actor name"},
	} {
		_, err := ReadExtra("x.tsv", strings.NewReader(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "x.tsv:1") {
			t.Errorf("ReadExtra(%q) error = %v; want one naming x.tsv:1 and %q", c.text, err, c.want)
		}
	}
}

// TestTopPlace checks that TopPlace is the first of Places, with one
// gazetteer and with an extension merged over it.
func TestTopPlace(t *testing.T) {
	extra, err := LoadExtra("testdata/extra.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []*KB{Default(), Default().Merge(extra)} {
		for _, name := range []string{"Paris", "Washington", "Zzyzx", "kyiv", "Georgia", "Nowhere-at-all", "", "Winston-Salem", "the Gambia", "Khān Yūnis", "Al-Fashir", "the  Hague", "Côte d’Ivoire"} {
			ps := k.Places(name)
			p, ok := k.TopPlace(name)
			if ok != (len(ps) > 0) || ok && p.ID != ps[0].ID {
				t.Errorf("TopPlace(%q) = %s, %v; Places gives %d, first %+v", name, p.ID, ok, len(ps), ps)
			}
		}
	}
}
