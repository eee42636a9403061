package kb

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestCountryLookups(t *testing.T) {
	k := Default()
	for _, name := range []string{"United States", "the United States", "US", "U.S.", "America", "USA"} {
		c, ok := k.Country(name)
		if !ok || c.CAMEO != "USA" || c.Alpha2 != "US" {
			t.Errorf("Country(%q) = %+v, %v; want USA", name, c, ok)
		}
	}
	if c, ok := k.Country("Côte d'Ivoire"); !ok || c.Alpha3 != "CIV" {
		t.Errorf("Country(Côte d'Ivoire) = %v, %v", c.Alpha3, ok)
	}
	if c, ok := k.Country("cote d’ivoire"); !ok || c.Alpha3 != "CIV" {
		t.Errorf("folded, curly-apostrophe lookup failed: %v, %v", c.Alpha3, ok)
	}
	if c, ok := k.CountryByCode("xk"); !ok || c.CAMEO != "KSV" || c.Name != "Kosovo" {
		t.Errorf("CountryByCode(xk) = %+v, %v; want Kosovo with CAMEO KSV", c, ok)
	}
	if c, ok := k.CountryByCode("PSE"); !ok || c.Alpha2 != "PS" {
		t.Errorf("CountryByCode(PSE) = %+v, %v", c, ok)
	}
	if _, ok := k.Country("Atlantis"); ok {
		t.Error("Country(Atlantis) found something")
	}
	if c, _ := k.Country("Ukraine"); c.Capital != "Kyiv" {
		t.Errorf("capital of Ukraine = %q", c.Capital)
	}
	// A bare "Congo" is the larger country, as wire style writes it; the
	// other is named in full.
	for name, want := range map[string]string{"Congo": "COD", "the Congo": "COD", "Republic of Congo": "COG", "Congo-Brazzaville": "COG"} {
		if c, ok := k.Country(name); !ok || c.CAMEO != want {
			t.Errorf("Country(%q) = %q, %v; want %s", name, c.CAMEO, ok, want)
		}
	}
}

func TestDemonyms(t *testing.T) {
	k := Default()
	for word, want := range map[string]string{
		"Palestinian": "PSE", "Palestinians": "PSE", "Russian": "RUS", "Russians": "RUS", "Israeli": "ISR",
		"Israelis": "ISR", "Ukrainian": "UKR", "American": "USA", "Americans": "USA", "British": "GBR",
		"Chinese": "CHN", "Iranian": "IRN", "Saudi": "SAU", "Poles": "POL",
		// Demonyms shared by several countries go to the one news means.
		"Indian": "IND", "Congolese": "COD", "Dutch": "NLD", "French": "FRA", "Norwegian": "NOR", "Dominican": "DOM",
	} {
		c, ok := k.CountryByDemonym(word)
		if !ok || c.CAMEO != want {
			t.Errorf("CountryByDemonym(%q) = %q, %v; want %s", word, c.CAMEO, ok, want)
		}
	}
	if _, ok := k.CountryByDemonym("Chineses"); ok {
		t.Error(`"Chineses" should not be a demonym`)
	}
}

func TestPluralDemonym(t *testing.T) {
	for in, want := range map[string]string{"Israeli": "Israelis", "Russian": "Russians", "Chinese": "", "British": "", "French": "", "Swiss": "", "Filipino": "Filipinos"} {
		if got := pluralDemonym(in); got != want {
			t.Errorf("pluralDemonym(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMetonyms(t *testing.T) {
	k := Default()
	for name, want := range map[string]string{
		"the Kremlin": "RUSGOV", "Kremlin": "RUSGOV", "the White House": "USAGOV", "Washington": "USAGOV",
		"Downing Street": "GBRGOV", "the Pentagon": "USAMIL", "the Elysée": "FRAGOV", "Beijing": "CHNGOV",
		"Tehran": "IRNGOV", "Pyongyang": "PRKGOV",
	} {
		a, ok := k.Metonym(name)
		if !ok || a.Code != want {
			t.Errorf("Metonym(%q) = %q, %v; want %s", name, a.Code, ok, want)
		}
	}
	if _, ok := k.Metonym("Springfield"); ok {
		t.Error("Metonym(Springfield) found something")
	}
	// Metonyms are not actors: "Washington" the person-lookup must fail.
	if _, ok := k.Actor("the Kremlin", ""); ok {
		t.Error("Actor(the Kremlin) should be found only through Metonym")
	}
}

func TestActors(t *testing.T) {
	k := Default()
	h, ok := k.Actor("Hamas", "2023-10-07")
	if !ok || h.Code != "PSEHMS" || h.Country != "PSE" || h.Group != "HMS" || h.Sector != "" || h.Kind != KindGroup {
		t.Errorf("Actor(Hamas) = %+v, %v", h, ok)
	}
	w, ok := k.Actor("Hamas’ military wing", "")
	if !ok || w.Code != "PSEHMSMIL" || w.Group != "HMS" || w.Sector != "MIL" {
		t.Errorf("Actor(Hamas's military wing) = %+v, %v", w, ok)
	}
	un, ok := k.Actor("U.N.", "")
	if !ok || un.Code != "IGOUNO" || un.Country != "IGO" {
		t.Errorf("Actor(U.N.) = %+v, %v", un, ok)
	}
	idf, ok := k.Actor("IDF", "")
	if !ok || idf.Code != "ISRMIL" || idf.Kind != KindBody {
		t.Errorf("Actor(IDF) = %+v, %v", idf, ok)
	}
	p, ok := k.Actor("Dmitry Peskov", "2023-10-30")
	if !ok || p.Code != "RUSGOV" || p.Role != "Kremlin spokesman" {
		t.Errorf("Actor(Dmitry Peskov) = %+v, %v", p, ok)
	}
	for name, want := range map[string]string{
		"GRU": "RUSSPY", "Russia's military intelligence service": "RUSSPY", "International Organization for Migration": "IGOIOM",
		"U.N. migration agency": "IGOIOM", "Information System Authority": "ESTGOV", "CISA": "USAGOV",
		"PTI": "PAKPTY", "Awami League": "BGDPTY", "BJP": "INDPTY", "AfD": "DEUPTY",
	} {
		if a, ok := k.Actor(name, "2026-11-20"); !ok || a.Code != want {
			t.Errorf("Actor(%q) = %s, %v; want %s", name, a.Code, ok, want)
		}
	}
	if _, ok := k.Actor("John Nobody", ""); ok {
		t.Error("Actor(John Nobody) found something")
	}
}

func TestDateBoundedRoles(t *testing.T) {
	k := Default()
	cases := []struct {
		name, date, code, role string
	}{
		{"Sergei Shoigu", "2023-06-01", "RUSMIL", "defense minister"},
		{"Shoigu", "2024-05-12", "RUSGOV", "secretary of the Security Council"},
		{"Benjamin Netanyahu", "2015-01-01", "ISRGOV", "prime minister"},
		{"Netanyahu", "2022-01-01", "ISROPP", "opposition leader"},
		{"Netanyahu", "2023-10-07", "ISRGOV", "prime minister"},
		{"Joe Biden", "2022-03-01", "USAGOV", "president"},
		{"Biden", "2012-03-01", "USAGOV", "vice president"},
		{"Biden", "2019-06-01", "USAPTY", "Democratic presidential candidate, then president-elect"},
		{"Donald Trump", "2016-03-01", "USAPTY", "Republican presidential candidate, then president-elect"},
		{"Trump", "2017-03-01", "USAGOV", "president"},
		{"Hillary Clinton", "2016-03-01", "USAPTY", "Democratic presidential candidate"},
		{"Clinton", "2010-03-01", "USAGOV", "secretary of state"},
		{"Ahmed al-Sharaa", "2020-01-01", "SYRREB", "HTS leader"},
		{"Jolani", "2025-02-01", "SYRGOV", "head of state"},
		{"Mark Rutte", "2020-01-01", "NLDGOV", "prime minister of the Netherlands"},
		{"Mark Rutte", "2025-01-01", "IGONAT", "NATO secretary-general"},
		{"Dmytro Lubinets", "2024-03-01", "UKRGOV", "parliament commissioner for human rights (ombudsman)"},
	}
	for _, c := range cases {
		a, ok := k.Actor(c.name, c.date)
		if !ok || a.Code != c.code || a.Role != c.role {
			t.Errorf("Actor(%q, %s) = %s/%q, %v; want %s/%q", c.name, c.date, a.Code, a.Role, ok, c.code, c.role)
		}
	}
	// Before any recorded role: known person, country only.
	a, ok := k.Actor("Joe Biden", "1960-06-01")
	if !ok || a.Code != "USA" || a.Sector != "" || a.Role != "" {
		t.Errorf("Actor(Joe Biden, 1960) = %+v, %v; want bare USA", a, ok)
	}
	// No date: the current role.
	if a, _ := k.Actor("Sergei Shoigu", ""); a.Code != "RUSGOV" {
		t.Errorf("Actor(Sergei Shoigu, now) = %s, want RUSGOV", a.Code)
	}
	if n := len(k.ActorRoles("Netanyahu")); n != 4 {
		t.Errorf("Netanyahu has %d role periods, want 4", n)
	}
}

func TestRoleSector(t *testing.T) {
	k := Default()
	for word, want := range map[string]string{
		"foreign minister": "GOV", "President": "GOV", "troops": "MIL", "soldiers": "MIL", "general": "MIL",
		"military wing": "MIL", "police": "COP", "rebels": "REB", "militants": "REB", "opposition": "OPP",
		"party": "PTY", "parties": "PTY", "court": "JUD", "judges": "JUD", "lawmakers": "LEG", "parliament": "LEG",
		"refugees": "REF", "journalists": "MED", "company": "BUS", "aid group": "NGO", "civilians": "CVL",
		"residents": "CVL", "protesters": "OPP", "policemen": "COP", "confederation of labour": "LAB",
		"union leader": "LAB",
	} {
		s, ok := k.RoleSector(word)
		if !ok || s != want {
			t.Errorf("RoleSector(%q) = %q, %v; want %s", word, s, ok, want)
		}
	}
	if s, ok := k.RoleSector("spokesman"); ok {
		t.Errorf("RoleSector(spokesman) = %q; a spokesman has no sector of his own", s)
	}
}

func TestCAMEO(t *testing.T) {
	k := Default()
	e, ok := k.CAMEO("190")
	if !ok || e.QuadClass != 4 || e.PLOVER != "FIGHT" || e.Goldstein != -10 || e.Root() != "19" {
		t.Errorf("CAMEO(190) = %+v, %v", e, ok)
	}
	e, ok = k.CAMEO("0211")
	if !ok || e.QuadClass != 1 || e.PLOVER != "DEMAND" {
		t.Errorf("CAMEO(0211) = %+v, %v", e, ok)
	}
	e, _ = k.CAMEO("036")
	if e.PLOVER != "AGREE" || e.Mode != "" {
		t.Errorf("CAMEO(036) = %+v; want AGREE (an intention to meet)", e)
	}
	if e, _ := k.CAMEO("1831"); e.PLOVER != "ASSAULT" || e.Mode != "suicide-attack" {
		t.Errorf("CAMEO(1831) = %+v; want ASSAULT, mode suicide-attack", e)
	}
	if e, _ := k.CAMEO("0871"); e.PLOVER != "RETREAT" || e.QuadClass != 2 {
		t.Errorf("CAMEO(0871) = %+v", e)
	}
	if e, _ := k.CAMEO("010"); e.PLOVER != "" {
		t.Errorf("CAMEO(010) PLOVER = %q, want none", e.PLOVER)
	}
	if _, ok := k.CAMEO("999"); ok {
		t.Error("CAMEO(999) found")
	}
	// Every code is consistent: QuadClass follows the root.
	for _, e := range k.EventTypes() {
		root := e.Root()
		want := 4
		switch {
		case root <= "05":
			want = 1
		case root <= "08":
			want = 2
		case root <= "13":
			want = 3
		}
		if e.QuadClass != want {
			t.Errorf("%s: QuadClass %d, want %d", e.Code, e.QuadClass, want)
		}
		if e.Goldstein < -10 || e.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of [-10,10]", e.Code, e.Goldstein)
		}
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestPlaces(t *testing.T) {
	k := Default()
	w := k.Places("Washington")
	if len(w) < 2 {
		t.Fatalf("Places(Washington) = %d candidates", len(w))
	}
	if top := w[0]; top.Country != "US" || top.Feature != FeatureCapital || !near(top.Lat, 38.9, 0.1) || !near(top.Lon, -77.0, 0.1) {
		t.Errorf("top Washington = %+v, want the US capital", top)
	}
	foundState := false
	for _, p := range w {
		if p.Feature == FeatureAdmin1 && p.Country == "US" {
			foundState = true
		}
	}
	if !foundState {
		t.Error("Washington state missing from candidates")
	}
	p := k.Places("Paris")
	if len(p) < 2 || p[0].Country != "FR" {
		t.Errorf("Places(Paris)[0] = %+v, want France", p[0])
	}
	texas := false
	for _, c := range p {
		if c.Admin1 == "Texas" {
			texas = true
		}
	}
	if !texas {
		t.Error("Paris, Texas missing")
	}
	for name, cc := range map[string]string{"Kiev": "UA", "kyiv": "UA", "Khan Younis": "PS", "Rafah": "PS", "Gaza": "PS", "Donbas": "UA", "Sahel": ""} {
		ps := k.Places(name)
		if len(ps) == 0 || ps[0].Country != cc {
			t.Errorf("Places(%q) top = %+v, want country %q", name, ps, cc)
		}
	}
	if ps := k.Places("Zürich"); len(ps) == 0 || ps[0].ASCII != "zurich" || ps[0].Country != "CH" {
		t.Errorf("Places(Zürich) = %+v", ps)
	}
	if len(k.Places("Xqzzyville")) != 0 {
		t.Error("found a place that does not exist")
	}
	fr := k.Places("France")
	if len(fr) == 0 || fr[0].Feature != FeatureCountry || fr[0].ID != "iso3166:FR" {
		t.Errorf("Places(France) = %+v", fr)
	}
	if got, ok := k.Place("iso3166:FR"); !ok || got.Name != "France" {
		t.Errorf("Place(iso3166:FR) = %+v, %v", got, ok)
	}
}

func TestRegionsFile(t *testing.T) {
	k := Default()
	for _, name := range []string{"West Bank", "Golan Heights", "Nagorno-Karabakh", "Darfur", "Tigray", "Idlib",
		"Kurdistan", "Balkans", "the Middle East", "Sinai", "Horn of Africa", "South China Sea", "Taiwan Strait",
		"East Jerusalem", "Transnistria", "Abkhazia", "South Ossetia", "Xinjiang", "Tibet", "Balochistan",
		"Rakhine", "Cabo Delgado", "Kherson Oblast", "Zaporizhzhia Oblast", "Luhansk Oblast", "Donetsk Oblast",
		"Crimea", "Kashmir", "Gaza Strip"} {
		ps := k.Places(name)
		if len(ps) == 0 {
			t.Errorf("region %q missing", name)
			continue
		}
		if ps[0].Lat == 0 && ps[0].Lon == 0 {
			t.Errorf("region %q has no coordinates", name)
		}
	}
}

func TestFoldAndKey(t *testing.T) {
	for in, want := range map[string]string{
		"Khān Yūnis": "khan yunis", "Rafaḩ": "rafah", "Zürich": "zurich", "Łódź": "lodz", "Ţūlkarm": "tulkarm",
		"Az̧ Z̧āhirīyah": "az zahiriyah", "Москва": "москва", "São Paulo": "sao paulo",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if Key("  The   KREMLIN ") != "kremlin" {
		t.Errorf("Key = %q", Key("  The   KREMLIN "))
	}
}

func TestSplitCode(t *testing.T) {
	cases := []struct{ code, country, group, sector string }{
		{"RUSGOV", "RUS", "", "GOV"}, {"PSEHMS", "PSE", "HMS", ""}, {"PSEHMSMIL", "PSE", "HMS", "MIL"},
		{"IGOUNOPKO", "IGO", "UNO", "PKO"}, {"USA", "USA", "", ""},
	}
	for _, c := range cases {
		co, g, s, err := splitCode(c.code)
		if err != nil || co != c.country || g != c.group || s != c.sector {
			t.Errorf("splitCode(%s) = %s %s %s %v", c.code, co, g, s, err)
		}
	}
	for _, bad := range []string{"", "RU", "rusgov", "RUSGO", "PSEHMSFTA"} {
		if _, _, _, err := splitCode(bad); err == nil {
			t.Errorf("splitCode(%q) accepted", bad)
		}
	}
}

func TestConcurrentDefault(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if len(Default().Places("Moscow")) == 0 {
				t.Error("no Moscow")
			}
		}()
	}
	wg.Wait()
}

func TestEmbeddedTablesAreSane(t *testing.T) {
	st := Default().Stats()
	for table, min := range map[string]int{"countries": 240, "places": 130000, "cameo_codes": 300, "person_names": 150, "metonyms": 30, "role_words": 100} {
		if st[table] < min {
			t.Errorf("%s: %d entries, want at least %d", table, st[table], min)
		}
	}
}

// TestGeneratedCAMEOIsCurrent regenerates cameo.tsv from the shared CAMEO
// list and compares; it skips when ../shared is absent.
func TestGeneratedCAMEOIsCurrent(t *testing.T) {
	src := filepath.Join("..", "..", "shared", "eval", "events", "cameo_codes.tsv")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Skipf("shared CAMEO list not available (%v); skipping", err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			continue
		}
		n++
		e, ok := Default().CAMEO(f[0])
		if !ok || e.Name != f[3] {
			t.Errorf("code %s: embedded %+v, shared name %q", f[0], e, f[3])
		}
	}
	if n != len(Default().EventTypes()) {
		t.Errorf("shared list has %d codes, embedded %d: run go run ./kb/gen", n, len(Default().EventTypes()))
	}
}

func BenchmarkLoadGazetteer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		k, err := loadEmbedded()
		if err != nil {
			b.Fatal(err)
		}
		k.Places("Paris")
	}
}

func BenchmarkPlaces(b *testing.B) {
	k := Default()
	k.Places("Paris")
	names := []string{"Washington", "Paris", "Gaza", "Kyiv", "Khan Younis", "Springfield", "Nowhere"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k.Places(names[i%len(names)])
	}
}

func BenchmarkActor(b *testing.B) {
	k := Default()
	for i := 0; i < b.N; i++ {
		k.Actor("Benjamin Netanyahu", "2023-10-07")
	}
}

// TestRolePeriodsDoNotOverlap checks the hand-made actor file: a person's
// role periods must not overlap, or Actor(name, date) would be ambiguous.
func TestRolePeriodsDoNotOverlap(t *testing.T) {
	k := Default()
	for key, rows := range k.actors {
		for i := 1; i < len(rows); i++ {
			prev, cur := rows[i-1], rows[i]
			if prev.To == "" || cur.From == "" || cur.From < prev.To {
				t.Errorf("%q: role %s %s–%s overlaps %s %s–%s", key, prev.Code, prev.From, prev.To, cur.Code, cur.From, cur.To)
			}
		}
	}
}

// An alias row marked "name" gives the place the English name news uses;
// the gazetteer's own name still finds it.
func TestAliasRenamesPlace(t *testing.T) {
	k := Default()
	for name, want := range map[string]string{"Galway": "Galway", "Gaillimh": "Galway", "Limerick": "Limerick"} {
		var got Place
		for _, p := range k.Places(name) {
			if p.Country == "IE" && p.Feature == FeatureCity {
				got = p
				break
			}
		}
		if got.Name != want || got.Population < 50000 {
			t.Errorf("Places(%q) in Ireland: %+v; want the city named %s", name, got, want)
		}
	}
	g := &gazetteer{index: map[string][]int32{}}
	if err := g.addAliasRow(pos{}, []string{"Limerick", "Luimneach", "IE", "english"}); err == nil || !strings.Contains(err.Error(), "name") {
		t.Errorf("a fourth field other than \"name\": err = %v", err)
	}
}

// English names news uses for cities GeoNames spells otherwise.
func TestCityAliases(t *testing.T) {
	k := Default()
	for name, cc := range map[string]string{"Bangalore": "IN", "Quebec City": "CA", "Hodeidah": "YE"} {
		p, ok := k.TopPlace(name)
		if !ok || p.Country != cc || p.Feature != FeatureCity || p.Population < 100000 {
			t.Errorf("TopPlace(%q) = %+v, %v; want a city in %s", name, p, ok, cc)
		}
	}
}

// Major islands the news names as regions.
func TestIslandRegions(t *testing.T) {
	k := Default()
	for name, cc := range map[string]string{"Luzon": "PH", "Mindanao": "PH", "Java": "ID", "Sumatra": "ID", "Honshu": "JP", "Majorca": "ES"} {
		p, ok := k.TopPlace(name)
		if !ok || p.Country != cc || p.Feature != FeatureRegion {
			t.Errorf("TopPlace(%q) = %+v, %v; want the island region in %s", name, p, ok, cc)
		}
	}
}

// Waters, mountains, deserts, former states, bases and camps the news
// names: each is found under its name and sits near where it is, and a
// smaller namesake elsewhere (North Sea, N.Y.; Yorkshire, Va.; Long
// Island, Bahamas; Midwest City, Okla.) no longer takes the name.
func TestNotableFeatures(t *testing.T) {
	k := Default()
	for _, c := range []struct {
		name, cc string
		lat, lon float64
	}{
		{"Lake Victoria", "", -1, 33},
		{"Lake Geneva", "", 46.4, 6.5},
		{"North Sea", "", 56, 3},
		{"Suez Canal", "EG", 30.6, 32.3},
		{"the Bosporus", "TR", 41.1, 29.1},
		{"the Himalayas", "", 28.5, 84},
		{"Sahara Desert", "", 23, 13},
		{"USSR", "", 56, 88},
		{"East Germany", "DE", 52.5, 12.5},
		{"Long Island", "US", 40.8, -73.1},
		{"Yorkshire", "GB", 53.9, -1.3},
		{"the Midwest", "US", 41.5, -90.5},
		{"the U.S. South", "US", 33.4, -90.1},
		{"Guantanamo Bay", "CU", 19.9, -75.2},
		{"Zamzam camp", "SD", 13.5, 25.3},
		{"Kutupalong", "BD", 21.2, 92.2},
		{"Tahrir Square", "EG", 30.0, 31.2},
		{"the Maidan", "UA", 50.45, 30.5},
		{"Piccadilly", "GB", 51.5, -0.1},
		{"Adhamiya", "IQ", 33.4, 44.4},
		{"Ghouta", "SY", 33.5, 36.4},
	} {
		p, ok := k.TopPlace(c.name)
		if !ok || p.Country != c.cc || p.Feature != FeatureRegion || math.Abs(p.Lat-c.lat) > 1 || math.Abs(p.Lon-c.lon) > 1 {
			t.Errorf("TopPlace(%q) = %s %s %s %.2f,%.2f, %v; want a region in %q near %.1f,%.1f",
				c.name, p.Name, p.Feature, p.Country, p.Lat, p.Lon, ok, c.cc, c.lat, c.lon)
		}
	}
}

// A hand-made region is listed once: a second row of the same name would
// be a second candidate with its own point.
func TestRegionNamesUnique(t *testing.T) {
	b, err := dataFS.ReadFile("data/regions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, _, _ := strings.Cut(line, "\t")
		if j, dup := seen[name]; dup {
			t.Errorf("regions.tsv:%d: %q already on line %d", i+1, name, j)
		}
		seen[name] = i + 1
	}
}

// British towns named after their water or district are found by the
// short name the news uses.
func TestRiverlessTownNames(t *testing.T) {
	k := Default()
	for short, full := range map[string]string{"Clacton": "Clacton-on-Sea", "Stoke": "Stoke-on-Trent", "Bexhill": "Bexhill-on-Sea", "Barrow": "Barrow in Furness"} {
		p, ok := k.TopPlace(short)
		if !ok || p.Name != full || p.Country != "GB" {
			t.Errorf("TopPlace(%q) = %s %s, %v; want %s", short, p.Name, p.Country, ok, full)
		}
	}
	if riverlessName("City of Kingston upon Hull") != "" || riverlessName("Stratford-upon-Avon") != "Stratford" {
		t.Errorf("riverlessName: %q, %q", riverlessName("City of Kingston upon Hull"), riverlessName("Stratford-upon-Avon"))
	}
}
