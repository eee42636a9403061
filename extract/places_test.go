package extract

import (
	"dateline/nlp"
	"slices"
	"strings"
	"testing"

	"dateline/article"
	"dateline/kb"
	"dateline/record"
)

func placeFor(ps []record.Place, mention string) *record.Place {
	for i := range ps {
		if ps[i].Mention == mention {
			return &ps[i]
		}
	}
	return nil
}

func TestPlacesContext(t *testing.T) {
	cases := []struct {
		name, text, mention, country, feature, admin1 string
	}{
		{"us-state-in-us-story", "Farmers in Georgia and Alabama lost crops as the United States faced drought.", "Georgia", "US", "admin1", ""},
		{"country-alone", "Georgia and Armenia signed a trade deal in Tbilisi.", "Georgia", "GE", "country", ""},
		{"capital-prior", "Officials in Washington announced new sanctions.", "Washington", "US", "capital", ""},
		{"state-hint", "Wildfires spread across Washington state on Friday.", "Washington", "US", "admin1", ""},
		{"admin1-after-comma", "A hog farm in Pandi, Bulacan was quarantined.", "Pandi", "PH", "", "Central Luzon"},
		{"paris-texas", "The fair in Paris, Texas drew crowds.", "Paris", "US", "", "Texas"},
		// Small US towns named after famous places do not win on US
		// context alone.
		{"namesake-country", "Health officers in Pittsburgh, Pennsylvania, screened travellers from Egypt for the United States.", "Egypt", "EG", "country", ""},
		{"namesake-capital", "Hospitals in Pittsburgh and Philadelphia, Pennsylvania, flew samples to Moscow for tests.", "Moscow", "RU", "", ""},
		// A list of provinces names provinces, not the towns named
		// after them.
		{"list-of-regions", "Cases were reported in the United States and in Canada, in British Columbia, Alberta, Manitoba, Ontario and New Brunswick.", "Ontario", "CA", "admin1", ""},
		// "Governor" after a name makes it a state; "Mayor" a town.
		{"office-governor", "The governor of New York closed schools as the United States braced for the storm.", "New York", "US", "admin1", ""},
		// GeoNames' "Cabanatuan City" is also found as "Cabanatuan".
		{"city-suffix-alias", "Farmers near Cabanatuan in the Philippines culled pigs.", "Cabanatuan", "PH", "", ""},
	}
	for _, c := range cases {
		doc := annotate(t, c.text)
		ps := Places(doc, "t", nil, "", nil)
		p := placeFor(ps, c.mention)
		if p == nil {
			t.Errorf("%s: %q not found in %+v", c.name, c.mention, ps)
			continue
		}
		if p.Country != c.country || (c.feature != "" && p.FeatureType != c.feature) || (c.admin1 != "" && p.Admin1 != c.admin1) {
			t.Errorf("%s: %q → %s (%s, %s, %s)", c.name, c.mention, p.Name, p.Country, p.FeatureType, p.Admin1)
		}
		if p.Role != record.PlaceMentioned || doc.Text[p.Evidence.Start:p.Evidence.End] != c.mention {
			t.Errorf("%s: role %q evidence %q", c.name, p.Role, p.Evidence.Text)
		}
	}
}

func TestPlacesDateline(t *testing.T) {
	doc := annotate(t, "The talks ended without agreement.")
	ps := Places(doc, "t", nil, "SPRINGFIELD, Ill.", nil)
	if len(ps) != 1 || ps[0].Role != record.PlaceDateline || ps[0].Admin1 != "Illinois" {
		t.Errorf("dateline SPRINGFIELD, Ill. → %+v", ps)
	}
	ps = Places(doc, "t", nil, "PARIS", nil)
	if len(ps) != 1 || ps[0].Country != "FR" || ps[0].CountryCode != "FRA" {
		t.Errorf("dateline PARIS → %+v", ps)
	}
	// The part after the comma decides, over a more prominent namesake and
	// over the text's own mentions of the name, which follow the dateline.
	for _, dl := range []string{"PARIS, Texas", "PARIS, Tex.", "PARIS, TX"} {
		doc := annotate(t, "Floodwaters rose in Paris on Monday as storms moved toward Dallas.")
		ps := Places(doc, "t", nil, dl, nil)
		for _, p := range ps {
			if p.Name == "Paris" && (p.Country != "US" || p.Admin1 != "Texas") {
				t.Errorf("dateline %q: %s Paris → %s, %s; want Paris, Texas", dl, p.Role, p.Admin1, p.Country)
			}
		}
		if len(ps) == 0 || ps[0].Role != record.PlaceDateline {
			t.Errorf("dateline %q: no dateline place in %+v", dl, ps)
		}
	}
	for dl, admin1 := range map[string]string{"ATLANTA, Ga.": "Georgia", "ALBANY, N.Y.": "New York", "PORTLAND, Maine": "Maine", "PORTLAND, Ore.": "Oregon"} {
		ps := Places(doc, "t", nil, dl, nil)
		if len(ps) != 1 || ps[0].Admin1 != admin1 {
			t.Errorf("dateline %q → %+v, want a place in %s", dl, ps, admin1)
		}
	}
	ps = Places(doc, "t", nil, "HYDERABAD, Pakistan", nil)
	if len(ps) != 1 || ps[0].Country != "PK" {
		t.Errorf("dateline HYDERABAD, Pakistan → %+v, want the Pakistani city", ps)
	}
}

func TestFindToponymsSkipsDemonyms(t *testing.T) {
	doc := annotate(t, "Russian diplomats flew to Cairo, where Egyptian officials met them.")
	for _, tp := range FindToponyms(doc, nil) {
		if tp.Text == "Russian" || tp.Text == "Egyptian" {
			t.Errorf("demonym %q taken as a toponym", tp.Text)
		}
	}
	if tops := FindToponyms(doc, nil); len(tops) != 1 || tops[0].Text != "Cairo" {
		t.Errorf("toponyms %+v, want Cairo", tops)
	}
}

const benchText = "KYIV, the capital, woke to sirens on Tuesday as Ukrainian air defences shot down drones over the city. " +
	"Officials in Kharkiv and Odesa reported damage, and the governor of the Dnipropetrovsk region said two people were hurt. " +
	"“We will rebuild,” Mayor Anna Petrenko said, adding that aid from Poland and Germany had arrived in Lviv. " +
	"Russian Defence Ministry spokesman Ivan Sokolov said the strikes hit military targets. " +
	"Peskov, the Kremlin spokesman, declined to comment, while the United Nations called for restraint. " +
	"Farmers near Poltava said the war had cut exports through the Black Sea, and the UN warned of shortages in Africa."

func BenchmarkEntities(b *testing.B) {
	doc := annotate(b, benchText)
	qs := Quotes(doc, "bench")
	Entities(doc, "bench", nil, "2024-03-05", qs) // loads the gazetteer once
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Entities(doc, "bench", nil, "2024-03-05", qs)
	}
}

func BenchmarkPlaces(b *testing.B) {
	doc := annotate(b, benchText)
	m := Entities(doc, "bench", nil, "2024-03-05", nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Places(doc, "bench", nil, "KYIV", m)
	}
}

// BenchmarkAnnotate is the text engine on the same text, the baseline
// the extraction cost is compared with.
func BenchmarkAnnotate(b *testing.B) {
	annotate(b, benchText)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		annotate(b, benchText)
	}
}

func TestListClass(t *testing.T) {
	doc := annotate(t, "Cases rose in Ohio, Oregon, Utah and Wyoming, while Paris said little.")
	at := func(name string) (int, int) {
		i := strings.Index(doc.Text, name)
		return i, i + len(name)
	}
	var list []listItem
	for _, c := range []struct{ name, class string }{{"Ohio", "admin1"}, {"Oregon", "town"}, {"Utah", "admin1"}, {"Wyoming", "admin1"}, {"Paris", "town"}} {
		s, e := at(c.name)
		list = append(list, listItem{start: s, end: e, class: c.class})
	}
	rs := &resolver{doc: doc, list: list}
	s, e := at("Oregon")
	if got, n := rs.listClass(Toponym{Start: s, End: e}); got != "admin1" || n != 3 {
		t.Errorf("listClass(Oregon) = %q, want admin1 (three state neighbours)", got)
	}
	s, e = at("Paris")
	if got, _ := rs.listClass(Toponym{Start: s, End: e}); got != "" {
		t.Errorf("listClass(Paris) = %q, want none (not in the list)", got)
	}
	for gap, want := range map[string]bool{", ": true, " and ": true, ", and ": true, " or ": true, " in ": false, ", the ": false} {
		if got := isListSeparator(gap); got != want {
			t.Errorf("isListSeparator(%q) = %v, want %v", gap, got, want)
		}
	}
}

func TestResolvePartOfPlace(t *testing.T) {
	doc := annotate(t, "Two patients in North Dallas, Texas, were treated as the United States tightened rules.")
	s := strings.Index(doc.Text, "North Dallas")
	gold := []Toponym{{Start: s, End: s + len("North Dallas"), Tok: -1, TokEnd: -1, Text: "North Dallas"}}
	r := ResolveToponyms(doc, nil, "", gold, FindToponyms(doc, nil))
	if !r[0].OK || r[0].Place.Name != "Dallas" || r[0].Place.Country != "US" {
		t.Errorf("North Dallas → %+v, want Dallas, US", r[0].Place)
	}
	// A feature named after a town lies by it.
	doc = annotate(t, "Flights to Da Nang International Airport in Vietnam were cancelled.")
	s = strings.Index(doc.Text, "Da Nang International Airport")
	r = ResolveToponyms(doc, nil, "", []Toponym{{Start: s, End: s + 29, Tok: -1, TokEnd: -1, Text: "Da Nang International Airport"}}, FindToponyms(doc, nil))
	if !r[0].OK || r[0].Place.Country != "VN" {
		t.Errorf("Da Nang International Airport → %+v, want Da Nang, VN", r[0].Place)
	}
	// Without a country of the article to support it, the guess is not made.
	doc = annotate(t, "Rain fell on Northern Springfield yesterday.")
	s = strings.Index(doc.Text, "Northern Springfield")
	r = ResolveToponyms(doc, nil, "", []Toponym{{Start: s, End: s + 20, Tok: -1, TokEnd: -1, Text: "Northern Springfield"}}, nil)
	if r[0].OK {
		t.Errorf("Northern Springfield resolved to %+v, want nothing", r[0].Place)
	}
}

func TestDropPathogenNames(t *testing.T) {
	doc := annotate(t, "The Ebola virus spread in Guinea. Doctors said Ebola killed 40 people in Conakry.")
	var tops []Toponym
	for i, tok := range doc.Tokens {
		if tok.Text == "Ebola" || tok.Text == "Guinea" || tok.Text == "Conakry" {
			tops = append(tops, newToponym(doc, i, i+1, "test"))
		}
	}
	got := dropPathogenNames(doc, tops)
	if len(got) != 2 || got[0].Text != "Guinea" || got[1].Text != "Conakry" {
		t.Errorf("dropPathogenNames kept %+v, want Guinea and Conakry", got)
	}
	// A disease named alone, never with "virus".
	doc = annotate(t, "Salmonella sickened 40 people in Ohio.")
	tops = tops[:0]
	for i, tok := range doc.Tokens {
		if tok.Text == "Salmonella" || tok.Text == "Ohio" {
			tops = append(tops, newToponym(doc, i, i+1, "test"))
		}
	}
	if got := dropPathogenNames(doc, tops); len(got) != 1 || got[0].Text != "Ohio" {
		t.Errorf("dropPathogenNames kept %+v, want Ohio", got)
	}
}

func TestMonthsAreNotGazetteerToponyms(t *testing.T) {
	doc := annotate(t, "Officials in the United States reported new cases in August, and Kansas confirmed two.")
	for _, tp := range FindToponyms(doc, nil) {
		if tp.Text == "August" {
			t.Errorf("%q taken as a toponym (%s)", tp.Text, tp.Rule)
		}
	}
}

func TestDropPersonNames(t *testing.T) {
	doc := annotate(t, "Obama met Sanders in Chicago before flying to Georgia.")
	var tops []Toponym
	for i, tok := range doc.Tokens {
		switch tok.Text {
		case "Obama", "Sanders", "Chicago", "Georgia":
			tops = append(tops, newToponym(doc, i, i+1, "test"))
		}
	}
	got := map[string]bool{}
	for _, tp := range dropPersonNames(kb.Default(), tops) {
		got[tp.Text] = true
	}
	if got["Obama"] || got["Sanders"] {
		t.Errorf("people kept as toponyms: %v", got)
	}
	if !got["Chicago"] || !got["Georgia"] {
		t.Errorf("places dropped: %v, want Chicago and Georgia", got)
	}
}

func TestSmallTownInsideLongerName(t *testing.T) {
	doc := annotate(t, "In the United States, Donald Trump criticised the Justice Department in Oregon.")
	found := map[string]bool{}
	for _, tp := range FindToponyms(doc, nil) {
		found[tp.Text] = true
	}
	// Donald (Oregon) and Justice (Illinois) are small US towns.
	if found["Donald"] || found["Justice"] {
		t.Errorf("town names inside longer names taken as toponyms: %v", found)
	}
	if !found["Oregon"] {
		t.Errorf("toponyms %v, want Oregon", found)
	}
}

func TestRegionsInsideOrganisationNames(t *testing.T) {
	k := kb.Default()
	// The recogniser labels these as organisations; the region counts
	// when its country is one the article is about.
	if cc := regionCountry(k, "NSW"); cc != "AU" {
		t.Errorf("regionCountry(NSW) = %q, want AU", cc)
	}
	if cc := regionCountry(k, "Texas"); cc != "US" {
		t.Errorf("regionCountry(Texas) = %q, want US", cc)
	}
	for _, w := range []string{"Western", "South", "Hi", "Australian"} {
		if cc := regionCountry(k, w); cc != "" {
			t.Errorf("regionCountry(%q) = %q, want none", w, cc)
		}
	}
}

// English exonyms of cities whose gazetteer name is the local one
// ("Genève") find the city, and a mention of the dateline's name in the
// text is the dateline's place, not the canton of the same name.
func TestPlacesDatelineExonym(t *testing.T) {
	doc := annotate(t, "Delegations held two days of talks in Geneva on Thursday, the Swiss Foreign Ministry said.")
	ps := Places(doc, "t", nil, "GENEVA", nil)
	if len(ps) < 2 {
		t.Fatalf("places: %+v", ps)
	}
	if ps[0].Role != record.PlaceDateline || ps[0].Country != "CH" || ps[0].FeatureType != "city" {
		t.Errorf("dateline GENEVA → %s (%s, %s)", ps[0].Name, ps[0].Country, ps[0].FeatureType)
	}
	p := placeFor(ps, "Geneva")
	if p == nil || p.Country != "CH" || p.FeatureType != "city" || p.Lat != ps[0].Lat {
		t.Errorf("text Geneva → %+v, want the dateline's city", p)
	}
	for _, c := range []struct{ name, country string }{
		{"Cologne", "DE"}, {"Gothenburg", "SE"}, {"Seville", "ES"}, {"Basra", "IQ"},
	} {
		doc := annotate(t, "Police said the blast in "+c.name+" hurt three people.")
		p := placeFor(Places(doc, "t", nil, "", nil), c.name)
		if p == nil || p.Country != c.country || p.FeatureType != "city" {
			t.Errorf("%s → %+v, want a city in %s", c.name, p, c.country)
		}
	}
}

// An acronym names a place only through an entry written that way: "EU"
// is not the French town of Eu.
func TestAcronymIsNotATownOfThatName(t *testing.T) {
	doc := annotate(t, "Farmers across the EU and the US protested on Monday.")
	var tops []Toponym
	for i, tk := range doc.Tokens {
		if tk.Text == "EU" || tk.Text == "US" {
			tops = append(tops, newToponym(doc, i, i+1, "test"))
		}
	}
	if len(tops) != 2 {
		t.Fatalf("tokens: %d toponyms", len(tops))
	}
	res := ResolveToponyms(doc, kb.Default(), "", tops, tops)
	if !res[0].OK || res[0].Place.Country == "FR" || res[0].Place.Name != "Europe" {
		t.Errorf("EU → %+v, want Europe", res[0].Place)
	}
	if !res[1].OK || res[1].Place.Country != "US" || res[1].Place.Feature != kb.FeatureCountry {
		t.Errorf("US → %+v, want the United States", res[1].Place)
	}
}

// The European Union named in full is the place "EU" is: its territory.
func TestEuropeanUnionIsAPlace(t *testing.T) {
	r := resolveAt(t, "Imports of poultry into the European Union were halted.", "European Union", 0)
	if !r.OK || r.Place.Name != "Europe" {
		t.Errorf("European Union → %+v, want Europe", r.Place)
	}
}

// TestFarLatGap checks the resolver's shortcut: places whose latitudes
// differ by more than farLatGap are at least 400 km apart, wherever they
// are and whatever their longitudes.
func TestFarLatGap(t *testing.T) {
	for lat := -89.0; lat <= 89; lat += 0.5 {
		for _, lon := range []float64{-180, -90, 0, 0.001, 45, 179.999} {
			for _, dlon := range []float64{0, 0.01, 1, 90, 180, 359} {
				lat2 := lat + farLatGap + 1e-9
				if lat2 > 90 {
					continue
				}
				if d := kb.DistanceKm(lat, lon, lat2, lon+dlon); d < 400 {
					t.Fatalf("(%g,%g)-(%g,%g): %g km, under 400 with a latitude gap over farLatGap", lat, lon, lat2, lon+dlon, d)
				}
			}
		}
	}
}

// A city that its region is named after is what the bare name means; "X
// region" is the region.
func TestPlacesRegionSeat(t *testing.T) {
	doc := annotate(t, "Russian missiles hit Lviv on Monday, and the Kharkiv region was shelled overnight.")
	got := map[string]string{}
	for _, p := range Places(doc, "t", nil, "", nil) {
		got[p.Mention] = p.FeatureType
	}
	if got["Lviv"] != "city" || got["Kharkiv"] != "admin1" {
		t.Errorf("feature types %v, want Lviv a city and Kharkiv (region) an admin1", got)
	}
}

// The second half of a double-barrelled surname is no place
// ("Springfield" of "Mark Evans-Springfield"), while a place after a hyphen that joins places
// ("the Israel-Lebanon border") still is.
func TestSurnameHalfIsNoToponym(t *testing.T) {
	for text, want := range map[string]map[string]bool{
		"The lawyer Mark Evans-Springfield told a court in Nairobi the case was weak.": {"Nairobi": true, "Springfield": false},
		"Shelling continued along the Israel-Lebanon border.":                          {"Israel": true, "Lebanon": true},
	} {
		got := map[string]bool{}
		for _, tp := range FindToponyms(annotate(t, text), kb.Default()) {
			got[tp.Text] = true
		}
		for name, in := range want {
			if got[name] != in {
				t.Errorf("%q: toponym %q found %v, want %v (all %v)", text, name, got[name], in, got)
			}
		}
	}
}

// A plural common noun opening a sentence is capitalised by its place
// only: "Lakes" or "Rivers" there is no toponym, as a name it would be.
func TestSentenceInitialCommonPluralIsNoToponym(t *testing.T) {
	text := "Rivers in several provinces flooded farms, and officials in Lagos opened shelters."
	got := map[string]bool{}
	for _, tp := range FindToponyms(annotate(t, text), kb.Default()) {
		got[tp.Text] = true
	}
	if got["Rivers"] || !got["Lagos"] {
		t.Errorf("toponyms %v, want Lagos and not Rivers", got)
	}
}

// A verb opening a participle clause ("Born in …", "Based in …") is no
// toponym, though the gazetteer knows a town of that name.
func TestSentenceInitialParticipleIsNoToponym(t *testing.T) {
	text := "Born in Mombasa in 1950, the singer later moved to Kampala."
	got := map[string]bool{}
	for _, tp := range FindToponyms(annotate(t, text), kb.Default()) {
		got[tp.Text] = true
	}
	if got["Born"] || !got["Mombasa"] {
		t.Errorf("toponyms %v, want Mombasa and not Born", got)
	}
}

// A name before a site noun ("the Fordow enrichment site") is the site's
// place, even when the recogniser takes it for an organisation; islands
// and sites the news names (Evia, Fordow) are in the regions file.
func TestSiteNameAndIslandArePlaces(t *testing.T) {
	doc := annotate(t, "Iran let inspectors into its Fordow enrichment site, and a wildfire spread on the island of Evia in Greece.")
	got := map[string]string{}
	for _, p := range Places(doc, "t", nil, "", nil) {
		got[p.Mention] = p.CountryCode
	}
	if got["Fordow"] != "IRN" || got["Evia"] != "GRC" {
		t.Errorf("places %v, want Fordow in Iran and Evia in Greece", got)
	}
	m := Entities(doc, "t", nil, "2026-01-10", nil)
	for _, e := range m.Entities {
		if e.Name == "Fordow" && e.Kind != record.KindPlace {
			t.Errorf("Fordow is a %s, want a place", e.Kind)
		}
	}
}

// Two recognised names joined by a hyphen that together name a country
// are that country ("Guinea-Bissau" is not Guinea and Bissau) for places,
// entities and event actors.
func TestHyphenatedCountryIsOneName(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Soldiers in Guinea-Bissau detained the president on Sunday."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-01-10"})
	for _, pl := range res.Places {
		if pl.CountryCode != "GNB" {
			t.Errorf("place %q in %s, want Guinea-Bissau", pl.Mention, pl.CountryCode)
		}
	}
	for _, e := range res.Entities {
		if e.Code == "GIN" {
			t.Errorf("entity %q coded Guinea", e.Name)
		}
	}
	for _, e := range res.Events {
		if strings.HasPrefix(actorCode(e.Source), "GIN") {
			t.Errorf("%s: source %s, want Guinea-Bissau's", e.Action.Text, actorCode(e.Source))
		}
	}
}

// A place entity takes the place its name resolved to in context, not
// the most prominent place of that name: in a story about Camborne and
// Devon, "Cornwall" is the English county (GBR), and so is the entity an
// entity listing or an event's actor shows; the ocean "Pacific" has no
// country code at all.
func TestPlaceEntityFollowsResolution(t *testing.T) {
	const body = "Three people died at a holiday park in Cornwall on Saturday.\n\n" +
		"Firefighters went to the park in the town of Camborne. Police in Devon and Cornwall were told after a neighbour raised the alarm.\n\n" +
		"Ships crossing the Pacific were warned."
	res := extracted(t, article.Article{Text: body, Published: "2024-03-08"})
	var placeCountry string
	for _, pl := range res.Places {
		if pl.Mention == "Cornwall" {
			placeCountry = pl.CountryCode
		}
	}
	if placeCountry != "GBR" {
		t.Fatalf("the place Cornwall resolved to %q, want GBR (the premise of this test)", placeCountry)
	}
	found := map[string]bool{}
	for _, e := range res.Entities {
		if e.Kind != record.KindPlace {
			continue
		}
		switch e.Name {
		case "Cornwall":
			found[e.Name] = true
			if e.Code != "GBR" || !strings.HasPrefix(e.KBID, "geonames-admin2:GB") {
				t.Errorf("entity Cornwall: code %q, kb %q; want GBR and the English county", e.Code, e.KBID)
			}
			if e.CodeWhy == nil || e.CodeWhy.Text != "Cornwall" || body[e.CodeWhy.Start:e.CodeWhy.End] != "Cornwall" {
				t.Errorf("entity Cornwall: code evidence %+v", e.CodeWhy)
			}
		case "Pacific":
			found[e.Name] = true
			if e.Code != "" {
				t.Errorf("entity Pacific (the ocean): code %q, want none", e.Code)
			}
		}
	}
	if !found["Cornwall"] || !found["Pacific"] {
		t.Errorf("place entities found: %v", found)
	}
}

// "Legazpi City": the Philippine city GeoNames spells Legaspi (an alias
// in kb/data/place_aliases.tsv), found by the resolver though not by the
// entity's whole name, gives the entity its country too.
func TestPlaceEntityWithoutGazetteerNameFollowsResolution(t *testing.T) {
	const body = "Rescuers reached Legazpi City in Albay province on Tuesday after the typhoon.\n\n" +
		"Maria Santos spent the night at an evacuation center in Legazpi City, in Albay province."
	res := extracted(t, article.Article{Text: body, Published: "2019-12-04"})
	var place record.Place
	for _, pl := range res.Places {
		if pl.Mention == "Legazpi City" {
			place = pl
		}
	}
	if place.CountryCode != "PHL" {
		t.Fatalf("Legazpi City resolved to %+v, want the Philippine city (places %+v, entities %+v)", place, res.Places, res.Entities)
	}
	for _, e := range res.Entities {
		if e.Name == "Legazpi City" && (e.Code != "PHL" || e.KBID != place.GazetteerID) {
			t.Errorf("entity Legazpi City: code %q, kb %q; want PHL, %s", e.Code, e.KBID, place.GazetteerID)
		}
	}
}

// A national capital abroad beats a small namesake at home that the text
// does not qualify: "a conference in Paris" in a Washington story is in
// France; "Paris, Texas" stays in Texas.
func TestCapitalAbroadBeatsSmallNamesake(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"The United States will send more aid, the secretary said on Tuesday.\n\n\"We cannot look away,\" he told a conference in Paris. Washington is pressing both sides to talk.", "FR"},
		{"The United States will send more aid, the secretary said on Tuesday.\n\nHe spoke at a school in Paris, Texas, on Monday.", "US"},
	} {
		res := extracted(t, article.Article{Text: tc.body, Published: "2024-04-16", DatelinePlace: "WASHINGTON"})
		got := ""
		for _, pl := range res.Places {
			if pl.Mention == "Paris" {
				got = pl.Country
			}
		}
		if got != tc.want {
			t.Errorf("%q: Paris in %q, want %q", tc.body, got, tc.want)
		}
	}
}

// "The town of X" names a populated place: not the country X, nor the
// city of X a state away when a town of the name is in the story's own
// state.
func TestPlacesTownOf(t *testing.T) {
	doc := annotate(t, "Two people were hurt in a crash on Route 9 in the town of Malta early Saturday, state police said.")
	for _, p := range Places(doc, "t", nil, "SARATOGA SPRINGS, N.Y.", nil) {
		if p.Name == "Malta" && p.FeatureType != "city" {
			t.Errorf("the town of Malta → %s %s (%s)", p.Name, p.FeatureType, p.Country)
		}
	}
	doc = annotate(t, "Crews worked through the night in the village of Jordan after the storm, officials said.")
	for _, p := range Places(doc, "t", nil, "SYRACUSE, N.Y.", nil) {
		if p.Name == "Jordan" && (p.FeatureType != "city" || p.Country != "US") {
			t.Errorf("the village of Jordan → %s %s (%s)", p.Name, p.FeatureType, p.Country)
		}
	}
}

// A one-word name the recogniser took for a person, listed with places,
// is a town of the dateline's country when the gazetteer knows one, and
// a town of the dateline's own state beats bigger namesakes elsewhere.
func TestPlacesTownListedWithPlaces(t *testing.T) {
	text := "Residents of West Terre Haute and Clinton were urged to move valuables to higher floors.\n" +
		"State Road 63 was closed north of Clinton, and detours sent traffic through Rockville."
	res := extracted(t, article.Article{Text: text, Published: "2024-03-08", DatelinePlace: "TERRE HAUTE, Ind."})
	n := 0
	for _, p := range res.Places {
		if p.Name == "Clinton" {
			n++
			if p.Admin1 != "Indiana" {
				t.Errorf("Clinton → %s, %s; want the town in Indiana", p.Admin1, p.Country)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d places named Clinton, want 2: %+v", n, res.Places)
	}
	for _, e := range res.Entities {
		if e.Kind == record.KindPerson {
			t.Errorf("person entity %q (%s)", e.Name, e.Code)
		}
	}
	// A name the text also gives whole stays a person.
	res = extracted(t, article.Article{Text: "Hillary Clinton spoke in Des Moines on Monday. Clinton and Sanders then flew to Dallas.",
		Published: "2016-01-08", DatelinePlace: "DES MOINES, Iowa"})
	for _, p := range res.Places {
		if p.Name == "Clinton" {
			t.Errorf("Clinton, a person named whole in the text, became a place: %+v", p)
		}
	}
}

// "Vigo, Parke and Vermillion counties" names three counties, whatever
// the recogniser made of each; "X County" read as a person is a county.
func TestPlacesCountiesListedAndNamed(t *testing.T) {
	text := "The weather service issued flood warnings for Vigo, Parke and Vermillion counties on Tuesday.\n" +
		"Construction is expected to begin next spring and take 18 months. A temporary reading room will open in the Winterville community center in January.\n" +
		"Residents from Watkinsville and Bogart in neighbouring Oconee County will also be able to use the branch, the library board said."
	res := extracted(t, article.Article{Text: text, Published: "2024-03-08", DatelinePlace: "TERRE HAUTE, Ind."})
	want := map[string]string{"Vermillion County": "Indiana", "Oconee County": "Georgia"}
	for _, p := range res.Places {
		if a, ok := want[p.Name]; ok && p.Admin1 == a && p.FeatureType == "admin2" {
			delete(want, p.Name)
		}
	}
	for name, a := range want {
		t.Errorf("no place %s (%s) in %+v", name, a, res.Places)
	}
	for _, e := range res.Entities {
		if e.Kind == record.KindPerson {
			t.Errorf("person entity %q", e.Name)
		}
	}
}

// correctSpans reads a name ending in a region word as a place even when
// the recogniser labelled it a person and ran it into the next word.
func TestPlacesInListsAdminName(t *testing.T) {
	// The recogniser's error as seen in a longer article.
	doc := withSpan(t, "Residents of neighbouring Oconee County will also be able to use the branch.", "Oconee County will", "PER")
	o := doc.Ents[0].Start
	got := correctSpans(doc, nil, "ATHENS, Ga.")
	if len(got.Ents) != 1 || got.Ents[0].Label != "GPE" || got.Ents[0].End != o+2 || got.SpanText(got.Ents[0].Start, got.Ents[0].End) != "Oconee County" {
		t.Errorf("correctSpans → %+v", got.Ents)
	}
	if doc.Ents[0].Label != "PER" {
		t.Errorf("the original annotation was changed: %+v", doc.Ents)
	}
}

// A town of the dateline's state that the recogniser labelled an
// organisation is a place after "from"; a known body is not.
func TestPlacesInListsLocalTown(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       string
	}{
		{"The driver, a 34-year-old woman from Ballston Spa, suffered serious injuries.", "Ballston Spa", "GPE"},
		{"The driver, a 34-year-old woman from Hamas, suffered serious injuries.", "Hamas", "ORG"},
		{"She has worked for Ballston Spa since 2019, the paper said.", "Ballston Spa", "ORG"}, // no preposition of place
	} {
		got := correctSpans(withSpan(t, c.text, c.name, "ORG"), nil, "SARATOGA SPRINGS, N.Y.")
		if got.Ents[0].Label != c.want {
			t.Errorf("%q: %s labelled %s, want %s", c.text, c.name, got.Ents[0].Label, c.want)
		}
	}
}

// The entity of a country's name that the resolver read as a town takes
// the town's country.
func TestPlaceEntityCountryNameReadAsTown(t *testing.T) {
	res := extracted(t, article.Article{Text: "Two people were hurt in a crash on Route 9 in the town of Malta early Saturday, state police said.",
		Published: "2024-03-08", DatelinePlace: "SARATOGA SPRINGS, N.Y."})
	wantEntityCode(t, res, "Malta", "USA")
}

// An island's name the recogniser took for an organisation is a place,
// and a town next to another the article names beats a bigger namesake
// further off.
func TestPlacesIslandAndNextDoorTown(t *testing.T) {
	doc := withSpan(t, "Ferry services between Portsmouth and the Isle of Wight resumed on Thursday.", "Isle of Wight", "ORG")
	if got := correctSpans(doc, nil, "PORTSMOUTH, England"); got.Ents[0].Label != "GPE" {
		t.Errorf("Isle of Wight labelled %s", got.Ents[0].Label)
	}
	res := extracted(t, article.Article{Text: "Ferry service resumes after strike\n" +
		"Ferry services between Portsmouth and the Isle of Wight resumed on Thursday after a three-day strike by crew members ended with a pay deal, the operator said.\n" +
		"The union RMT said its members had accepted a 6 percent rise. About 12,000 passengers a day use the route, which links Portsmouth with Fishbourne and Ryde.\n" +
		"Local businesses in Cowes and Newport said the strike had cost them thousands of pounds during a busy half-term week. \"We lost three days of trade,\" said Helen Marsh, who runs a cafe in Ryde.\n" +
		"The operator said services from Southampton to East Cowes had not been affected.",
		Published: "2024-03-08", DatelinePlace: "PORTSMOUTH, England"})
	found := false
	for _, p := range res.Places {
		if p.Name == "Newport" {
			found = true
			if p.Admin1 != "England" {
				t.Errorf("Newport → %s (%.2f, %.2f); want the town on the Isle of Wight", p.Admin1, p.Lat, p.Lon)
			}
		}
	}
	if !found {
		t.Errorf("no Newport in %+v", res.Places)
	}
}

// "Co Clare" and "County Kerry" name the counties Clare and Kerry.
func TestPlacesCountyFirst(t *testing.T) {
	doc := annotate(t, "The man, in his 40s, was from Ennis in Co Clare, and his brother lives in County Kerry.")
	want := map[string]bool{"Clare": true, "Kerry": true}
	for _, p := range Places(doc, "t", nil, "LIMERICK, Ireland", nil) {
		if want[p.Name] && p.Country == "IE" && p.FeatureType == "admin2" {
			delete(want, p.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("counties not found: %v", want)
	}
}

// A bare region name whose namesake city holds a small share of its
// people is the region ("Quebec"); one whose city is most of it is the
// city ("Lviv").
func TestPlacesRegionOrSeat(t *testing.T) {
	doc := annotate(t, "Storm knocks out power to thousands\n"+
		"A powerful storm brought winds of up to 70 mph to coastal Maine on Monday night, knocking out power to more than 120,000 customers and toppling trees onto homes in Cape Elizabeth, Scarborough and Brunswick.\n"+
		"Central Maine Power said crews from New Hampshire and Quebec were helping to restore service, which could take until Thursday in the hardest-hit areas of Cumberland and York counties.\n"+
		"Gov. Janet Mills urged residents to stay off the roads. \"Please give line crews room to work,\" she said.\n"+
		"Schools in Portland, South Portland and Westbrook were closed on Tuesday. No serious injuries were reported.")
	for _, p := range Places(doc, "t", nil, "PORTLAND, Maine", nil) {
		if p.Mention == "Quebec" && p.FeatureType != "admin1" {
			t.Errorf("Quebec → %s %s", p.Name, p.FeatureType)
		}
	}
	doc = annotate(t, "Russian missiles struck Lviv on Monday, Ukrainian officials said.")
	for _, p := range Places(doc, "t", nil, "", nil) {
		if p.Mention == "Lviv" && p.FeatureType != "city" {
			t.Errorf("Lviv → %s %s", p.Name, p.FeatureType)
		}
	}
}

// An organisation span that runs a body, a title and a name together is
// split into the body and the person.
func TestPlacesInListsTitledName(t *testing.T) {
	for _, c := range []struct{ text, span, org, per string }{
		{"\"This was senseless,\" Dayton Police Chief Kamran Afzal said at a news conference.", "Dayton Police Chief Kamran Afzal", "Dayton Police", "Kamran Afzal"},
		{"Acme Corp Chief Executive Jane Roe said profits rose.", "Acme Corp Chief Executive Jane Roe", "Acme Corp", "Jane Roe"},
		{"The Norfolk and Norwich University Hospital said it would expand.", "Norfolk and Norwich University Hospital", "", ""},
	} {
		got := correctSpans(withSpan(t, c.text, c.span, "ORG"), nil, "DAYTON, Ohio")
		var org, per string
		for _, sp := range got.Ents {
			switch sp.Label {
			case "ORG":
				org = got.SpanText(sp.Start, sp.End)
			case "PER":
				per = got.SpanText(sp.Start, sp.End)
			}
		}
		if c.per == "" {
			if per != "" || org != c.span {
				t.Errorf("%q: split into %q and %q", c.span, org, per)
			}
			continue
		}
		if org != c.org || per != c.per {
			t.Errorf("%q → ORG %q, PER %q; want %q, %q", c.span, org, per, c.org, c.per)
		}
	}
}

// A town of the dateline's own region that the recogniser missed is found
// by the gazetteer even when the text never names its country; a word
// that is a town elsewhere in the country is not ("Council" in Georgia).
func TestPlacesTownOfDatelineRegion(t *testing.T) {
	doc := annotate(t, "Patients from Great Yarmouth, King's Lynn and Thetford often wait weeks for treatment, campaigners said.")
	found := false
	for _, p := range Places(doc, "t", nil, "NORWICH, England", nil) {
		if p.Name == "Thetford" && p.Country == "GB" {
			found = true
		}
	}
	if !found {
		t.Errorf("Thetford not found")
	}
	doc = annotate(t, "Council approves new library branch\nThe commission voted on Tuesday to fund a new branch.")
	for _, p := range Places(doc, "t", nil, "ATHENS, Ga.", nil) {
		if p.Mention == "Council" {
			t.Errorf("Council → %s, %s", p.Name, p.Admin1)
		}
	}
}

// The neighbour bonus counts towns only: a city near the point of the
// region around it is not "next door" to it ("Gaza" in a story about the
// Gaza Strip stays the Strip).
func TestPlacesNextDoorTownsOnly(t *testing.T) {
	text := "A recent visit by Hamas to Moscow is in line with Russia's policy, the Kremlin said Friday. " +
		"As for the Gaza Strip, a humanitarian catastrophe is unfolding there, he said. " +
		"Israel has kept up its strikes on Gaza, where 2.3 million people live, and said it would expand its ground offensive."
	res := extracted(t, article.Article{Text: text, Published: "2024-03-08", DatelinePlace: "MOSCOW"})
	for _, p := range res.Places {
		if p.Mention == "Gaza" && p.FeatureType != "region" {
			t.Errorf("Gaza → %s (%s)", p.Name, p.FeatureType)
		}
	}
}

// A building that stands for a government is no misspelt town: "the
// Capitol" in a Washington story is not Capitola, California.
func TestPlacesMetonymIsNoVariant(t *testing.T) {
	doc := annotate(t, "Senate Democrats on Wednesday urged the White House to move faster on capping the price of insulin, saying millions of Americans could not wait.\n"+
		"\"Every month we delay, people ration the medicine that keeps them alive,\" Sen. Maria Alvarez, D-N.M., told reporters outside the Capitol.")
	for _, p := range Places(doc, "t", nil, "WASHINGTON", nil) {
		if p.Mention == "Capitol" && p.Name != "Capitol" && p.Name != "Capitol Hill" {
			t.Errorf("Capitol → %s, %s", p.Name, p.Admin1)
		}
	}
}

// withSpan annotates text and replaces the recogniser's spans with one:
// the words of name at their first occurrence, labelled label. It
// reproduces on a short text a recogniser error seen in a longer one.
func withSpan(t *testing.T, text, name, label string) *nlp.Doc {
	t.Helper()
	doc := annotate(t, text)
	f := strings.Fields(name)
	for s := 0; s+len(f) <= len(doc.Tokens); s++ {
		match := true
		for k, w := range f {
			if doc.Tokens[s+k].Text != w {
				match = false
				break
			}
		}
		if match {
			e := s + len(f)
			doc.Ents = []nlp.Span{{Start: s, End: e, StartByte: doc.Tokens[s].Start, EndByte: doc.Tokens[e-1].End, Label: label}}
			return doc
		}
	}
	t.Fatalf("%q not found in the tokens of %q", name, text)
	return nil
}

// A sea named without other context is the sea, not a hamlet of its name
// (North Sea, N.Y.): the new region rows rank like a large city.
func TestNotableFeatureWithoutContext(t *testing.T) {
	res := extracted(t, article.Article{ID: "ns", Text: "Fishing boats returned to port on Friday as a storm crossed the North Sea, the coastguard said.",
		Published: "2026-11-20"})
	var got []string
	for _, p := range res.Places {
		got = append(got, p.Name+"/"+p.FeatureType+"/"+p.CountryCode)
	}
	if len(res.Places) != 1 || res.Places[0].Name != "North Sea" || res.Places[0].FeatureType != "region" || res.Places[0].Lat < 50 {
		t.Errorf("places %v; want the North Sea region", got)
	}
}

// A square or a region the recogniser reads as a person or as MISC is a
// place when the gazetteer holds the name whole: "Tahrir Square" (PER)
// and "the Maidan" (MISC) are in Cairo and Kyiv.
func TestNamedFeatureRelabelled(t *testing.T) {
	res := extracted(t, article.Article{ID: "sq", Text: "Thousands of protesters filled Tahrir Square on Friday, and police fired tear gas near the Maidan in a second rally, witnesses said.",
		Published: "2026-11-20"})
	got := map[string]string{}
	for _, p := range res.Places {
		got[p.Name] = p.CountryCode
	}
	if got["Tahrir Square"] != "EGY" || got["Maidan"] != "UKR" {
		t.Errorf("places %v; want Tahrir Square in EGY and the Maidan in UKR", got)
	}
	for _, e := range res.Entities {
		if e.Name == "Tahrir Square" && e.Kind != "place" {
			t.Errorf("entity %q is a %s, want a place", e.Name, e.Kind)
		}
	}
}

// TestToponymRunsOnOverConnector: a place name with a lower-case
// connector is found whole when the gazetteer knows it whole, not cut to
// its first words ("Rio Grande", a town in New Jersey).
func TestToponymRunsOnOverConnector(t *testing.T) {
	doc := annotate(t, "Floods in Rio Grande do Sul and Santa Catarina forced thousands from their homes.")
	var names []string
	for _, tp := range FindToponyms(doc, nil) {
		names = append(names, tp.Text)
	}
	if !slices.Contains(names, "Rio Grande do Sul") {
		t.Errorf("toponyms %q, want \"Rio Grande do Sul\" whole", names)
	}
}
