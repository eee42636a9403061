package extract

import (
	"strings"
	"testing"

	"dateline/article"
	"dateline/kb"
	"dateline/nlp"
)

// resolveAt resolves the n-th (0-based) occurrence of name in text the way
// the evaluation does: as a span of its own, the article's toponyms as
// context.
func resolveAt(t *testing.T, text, name string, n int) Resolved {
	t.Helper()
	doc := annotate(t, text)
	s := -1
	for i, from := 0, 0; i <= n; i++ {
		j := strings.Index(doc.Text[from:], name)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", text, n, name)
		}
		s = from + j
		from = s + 1
	}
	top := Toponym{Start: s, End: s + len(name), Tok: -1, TokEnd: -1, Text: name}
	for i, tk := range doc.Tokens {
		if tk.Start == s {
			top.Tok = i
		}
		if tk.End == s+len(name) {
			top.TokEnd = i + 1
		}
	}
	top.Feature = FeatureHint(doc, top)
	return ResolveToponyms(doc, nil, "", []Toponym{top}, FindToponyms(doc, nil))[0]
}

func TestResolverRules(t *testing.T) {
	cases := []struct {
		name, text, mention string
		n                   int
		feature, admin1     string
	}{
		// One sense per article: "New York state" makes the later bare
		// "New York" the state too.
		{"hint-propagates", "Doctors across New York state were told to test patients. Later New York reported 40 cases, officials said.", "New York", 1, "admin1", "New York"},
		// ... but not for a capital's name, which also stands for its
		// government.
		{"capital-not-propagated", "Farmers in Washington state lost apples. Later Washington imposed tariffs on China, the United States said.", "Washington", 1, "capital", ""},
		// "Town, State": the second name is the town's state.
		{"qualifier-state", "A clinic in Rochester, New York treated the first patient.", "New York", 0, "admin1", "New York"},
		// ... but a borough before the comma names its city.
		{"qualifier-city", "Three pupils at a school in Brooklyn, New York fell ill.", "New York", 0, "city", "New York"},
		// A second-level region after the comma qualifies a town near it.
		{"qualifier-admin2", "Farmers in Santa Maria, Davao del Sur lost pigs, the Philippines said.", "Santa Maria", 0, "city", "Davao Region"},
		// "St." for "Saint" in a country the article is about.
		{"saint-abbreviation", "Cholera reached St. Marc, a port in Haiti, on Tuesday.", "St. Marc", 0, "city", ""},
		// A list of states names Washington the state, not the capital.
		{"list-washington", "Cases were found in Oregon, Idaho, Montana, Washington and Nevada.", "Washington", 0, "admin1", "Washington"},
		// A list of provinces holds provinces even in a story about the
		// United States.
		{"list-provinces", "The United States and Canada saw cases; in Canada they were in Ontario, Manitoba, Alberta and New Brunswick.", "New Brunswick", 0, "admin1", "New Brunswick"},
		// ... even when the story is mostly about the other country.
		{"list-one-country", "Officials in the United States said cases in New Jersey, Pennsylvania and Delaware rose, and the United States warned Canada, where British Columbia, Alberta, Ontario and New Brunswick had cases.", "New Brunswick", 0, "admin1", "New Brunswick"},
		// A spelling variant of a town in a country the article is
		// about: El Fasher in Sudan.
		{"variant-spelling", "Aid reached Al-Fashir, the capital of North Darfur in Sudan, on Monday.", "Al-Fashir", 0, "", ""},
		// "T, A and B" with A and B states is a list of three states,
		// not the town T in the state A.
		{"list-not-qualifier", "A woman died in Wisconsin and a man fell ill in Milwaukee. Officials are looking into new cases in Washington, Pennsylvania and California.", "Washington", 0, "admin1", "Washington"},
		// A list of Brazilian states, one of them written with a
		// connector the recogniser may cut ("Rio Grande do Sul").
		{"list-states-brazil", "In Brazil, cases were confirmed in Santa Catarina, Rio Grande do Sul, Tocantins and Minas Gerais.", "Tocantins", 0, "admin1", "Tocantins"},
		// A region in the list ("Long Island") does not vote, so the
		// states decide.
		{"list-region-abstains", "Dozens fell ill in Chicago, Long Island, New York, Pennsylvania, and New Jersey after eating at the chain.", "New York", 0, "admin1", "New York"},
		// An article that writes "New York City" means the state by a
		// bare "New York" ...
		{"city-named-apart", "Doctors in New York City saw the first cases. A boy who ate there was later treated in New York, his family said.", "New York", 1, "admin1", "New York"},
		// ... but "Queens, New York" is still the city.
		{"city-named-qualifier", "The mayor of New York City said pupils at a school in Queens, New York fell ill.", "New York", 1, "city", "New York"},
		// Two names joined by "and" are alike: a state beside a state.
		{"pair-states", "The singer planned two shows in New Jersey and New York before his tour.", "New York", 0, "admin1", "New York"},
		// ... but a comma alone joins a town to its state.
		{"pair-comma-qualifier", "The singer planned two shows in Albany, New York before his tour.", "New York", 0, "admin1", "New York"},
		{"pair-town-comma", "He grew up in Victoria, British Columbia before his tour.", "Victoria", 0, "city", "British Columbia"},
		// "the Pacific" is the ocean, not a town named Pacific.
		{"the-ocean", "Storms over the Pacific delayed shipments to the United States.", "Pacific", 0, "region", ""},
	}
	for _, c := range cases {
		r := resolveAt(t, c.text, c.mention, c.n)
		if c.name == "variant-spelling" {
			if !r.OK || r.Place.Country != "SD" {
				t.Errorf("%s: %q → %+v, want a place in Sudan", c.name, c.mention, r.Place)
			}
			continue
		}
		if !r.OK || r.Place.Feature != c.feature || (c.admin1 != "" && r.Place.Admin1 != c.admin1) {
			t.Errorf("%s: %q → %s (%s, %s, %s)", c.name, c.mention, r.Place.Name, r.Place.Feature, r.Place.Admin1, r.Place.Country)
		}
	}
}

// TestLocalAdminNames: the gazetteer knows second-level regions by the
// names the news uses, without the local generic word GeoNames keeps
// ("Kabupaten Karo" is "Karo", "Fraser Valley Regional District" the
// "Fraser Valley").
func TestLocalAdminNames(t *testing.T) {
	cases := []struct{ text, mention, admin1 string }{
		{"Landslides buried twelve homes in Karo, a hill district of North Sumatra, the disaster agency said.", "Karo", "North Sumatra"},
		{"Poultry farms in the Fraser Valley, east of Vancouver, culled their flocks.", "Fraser Valley", "British Columbia"},
	}
	for _, c := range cases {
		r := resolveAt(t, c.text, c.mention, 0)
		if !r.OK || r.Place.Feature != "admin2" || r.Place.Admin1 != c.admin1 {
			t.Errorf("%q → %s (%s, %s, %s), want the district in %s", c.mention, r.Place.Name, r.Place.Feature, r.Place.Admin1, r.Place.Country, c.admin1)
		}
	}
}

// TestPairListClass: two names joined by "and" are read as a list of
// like places; two joined by a comma alone are not (a town and its state).
func TestPairListClass(t *testing.T) {
	cases := []struct{ text, mention, want string }{
		{"Shows were planned in New Jersey and New York.", "New York", "admin1"},
		{"Shows were planned in Buffalo, New York.", "New York", ""},
	}
	for _, c := range cases {
		doc := annotate(t, c.text)
		tops := FindToponyms(doc, nil)
		rs := newResolver(doc, kb.Default(), "", tops)
		var got string
		found := false
		for _, tp := range tops {
			if tp.Text == c.mention {
				got, _ = rs.listClass(tp)
				found = true
			}
		}
		if !found {
			t.Fatalf("%q: no toponym %q among %v", c.text, c.mention, tops)
		}
		if got != c.want {
			t.Errorf("%q: list class of %q = %q, want %q", c.text, c.mention, got, c.want)
		}
	}
}

// TestVicinityOfUnknownNames: a name the gazetteer does not know lies by
// the town or region named nearest to it, in its sentence or the next or
// previous one; else in the country the article is about.
func TestVicinityOfUnknownNames(t *testing.T) {
	text := "Cholera cases rose in Kenya this week. Twelve cases were found at Ngarovale, a hill village. " +
		"Officials met donors on Monday. Doctors were sent by road and by air. " +
		"Nine more were found in Kibera and Zorvu, on the edge of Nairobi."
	r := resolveAt(t, text, "Zorvu", 0)
	if !r.OK || !r.Near || r.Place.Name != "Kibera" && r.Place.Name != "Nairobi" {
		t.Errorf("Zorvu → %+v (near %v), want near Kibera or Nairobi", r.Place, r.Near)
	}
	r = resolveAt(t, text, "Ngarovale", 0)
	if !r.OK || !r.Near || r.Place.Feature != "country" || r.Place.Country != "KE" {
		t.Errorf("Ngarovale → %+v (near %v), want Kenya", r.Place, r.Near)
	}
	// A name the gazetteer knows is not Near.
	if r := resolveAt(t, text, "Nairobi", 0); !r.OK || r.Near {
		t.Errorf("Nairobi → %+v (near %v), want the gazetteer's entry", r.Place, r.Near)
	}
	// The record keeps the name as written, has no gazetteer id and says
	// where it was put.
	res := extracted(t, article.Article{Title: "Cholera", Text: text})
	p := placeByMention(res, "Zorvu")
	if p == nil {
		t.Fatalf("no place for Zorvu among %+v", res.Places)
	}
	if p.Name != "Zorvu" || p.FeatureType != FeatureVicinity || p.GazetteerID != "" || p.Country != "KE" ||
		!strings.Contains(p.Evidence.Rule, " near ") {
		t.Errorf("Zorvu record = %+v", *p)
	}
}

// TestVicinityQualifierAndFocus: a name the gazetteer lacks is in the
// place written right after it and a comma; far from other places it is
// in the town or region the article names most in its country.
func TestVicinityQualifierAndFocus(t *testing.T) {
	r := resolveAt(t, "Doctors flew from Lagos to Zorvu, Kenya, on Monday.", "Zorvu", 0)
	if !r.OK || !r.Near || r.Place.Feature != "country" || r.Place.Country != "KE" {
		t.Errorf("Zorvu, Kenya → %+v (near %v), want Kenya", r.Place, r.Near)
	}
	text := "Cholera cases rose in western Kenya. The hospital in Kisumu was full, and Kisumu asked for help. " +
		"Officials met donors on Monday. Doctors were sent by road and by air. " +
		"Twelve cases were found at Ngarovale, a hill village."
	r = resolveAt(t, text, "Ngarovale", 0)
	if !r.OK || !r.Near || r.Place.Name != "Kisumu" {
		t.Errorf("Ngarovale → %+v (near %v), want near Kisumu", r.Place, r.Near)
	}
}

// TestVicinityTownOfRegion: next to a first-level region, a name the
// gazetteer lacks lies by the town of that region the article names.
func TestVicinityTownOfRegion(t *testing.T) {
	text := "Health officials in Toronto counted two more cases. Ontario closed a farm at Zorvale on Friday."
	r := resolveAt(t, text, "Zorvale", 0)
	if !r.OK || !r.Near || r.Place.Name != "Toronto" {
		t.Errorf("Zorvale → %+v (near %v), want near Toronto", r.Place, r.Near)
	}
}

// TestVicinityDateline: with no town or region around a name the
// gazetteer lacks and no place of the story's country named twice, the
// dateline's town is where it is, not the middle of the country the
// story is about.
func TestVicinityDateline(t *testing.T) {
	a := article.Article{ID: "t", Published: "2023-11-16", DatelinePlace: "THE HAGUE",
		Text: "Armenia welcomed the order. Armenia's representative told reporters outside the Peace Palace that the ruling was important."}
	res := extracted(t, a)
	p := placeByMention(res, "Peace Palace")
	if p == nil {
		t.Fatalf("no place for the Peace Palace in %q", a.Text)
	}
	if p.Country != "NL" {
		t.Errorf("Peace Palace → %s %s, want near The Hague", p.Name, p.Country)
	}
}

// TestAndJoinsRegionName: "Jammu and Kashmir", which the recogniser cut
// in two, is the region of that name; towns joined by "and" stay a list.
func TestAndJoinsRegionName(t *testing.T) {
	res := extracted(t, article.Article{ID: "t", Published: "2025-04-26", Text: "Police in Jammu and Kashmir said they had detained about 1,500 people. Floods hit Dallas and Houston."})
	p := placeByMention(res, "Jammu and Kashmir")
	if p == nil || p.FeatureType != "admin1" || p.Country != "IN" {
		t.Errorf("Jammu and Kashmir → %+v, want India's region", p)
	}
	if placeByMention(res, "Dallas") == nil || placeByMention(res, "Houston") == nil {
		t.Errorf("Dallas and Houston should stay two places: %+v", res.Places)
	}
}

// TestNamesOfNoPlace: a span the recogniser reads as a place but whose
// last word says it is a law or a disease is no toponym and gets no place
// record (not even one by its neighbours); a hospital is a place and
// stays.
func TestNamesOfNoPlace(t *testing.T) {
	text := "Inspectors in Kenya said the Meat Inspection Code was broken at a farm near Nakuru. " +
		"Cases of West Nile Virus rose, and doctors at Nakuru Provincial Hospital treated the sick."
	tops := map[string]bool{}
	for _, tp := range FindToponyms(annotate(t, text), nil) {
		tops[tp.Text] = true
	}
	for _, no := range []string{"Meat Inspection Code", "West Nile Virus", "West Nile"} {
		if tops[no] {
			t.Errorf("%q read as a toponym: %v", no, tops)
		}
	}
	if !tops["Nakuru Provincial Hospital"] || !tops["Kenya"] {
		t.Errorf("toponyms %v lack the hospital or Kenya", tops)
	}
	res := extracted(t, article.Article{Title: "Meat", Text: text})
	if p := placeByMention(res, "Meat Inspection Code"); p != nil {
		t.Errorf("a place record for the code: %+v", *p)
	}
}

// TestUnknownAcronymIsNoToponym: letters in capitals that the gazetteer
// does not know are no toponym even where the recogniser reads them as a
// place; a place written in capitals (UAE) stays.
func TestUnknownAcronymIsNoToponym(t *testing.T) {
	doc := annotate(t, "Rebels of the ZLF attacked a convoy near Cabinda, and the UAE sent aid.")
	for i, e := range doc.Ents {
		if doc.SpanText(e.Start, e.End) == "ZLF" {
			doc.Ents[i].Label = "LOC" // the recogniser's mistake
		}
	}
	tops := map[string]bool{}
	for _, tp := range FindToponyms(doc, nil) {
		tops[tp.Text] = true
	}
	if tops["ZLF"] || !tops["Cabinda"] || !tops["UAE"] {
		t.Errorf("toponyms %v, want Cabinda and UAE but not ZLF", tops)
	}
}

// TestVicinityOnlyForPlaceNames: a name the gazetteer lacks is put by its
// neighbours only when it reads as a place's name; a person with a title,
// a people and a phrase in small letters are not put anywhere, while a
// name with a short particle or a generic in small letters is.
func TestVicinityOnlyForPlaceNames(t *testing.T) {
	text := "Dr. Zorvin said the Kenyan victims in Nakuru came from Zorvu kwa Ngare and Zorvale district. " +
		"South Kenyan families and a Mount Flu victim were seen in Nakuru too."
	for _, name := range []string{"Dr. Zorvin", "South Kenyan", "Mount Flu victim"} {
		if r := resolveAt(t, text, name, 0); r.OK || r.Near {
			t.Errorf("%s → %+v (near %v), want no place", name, r.Place, r.Near)
		}
	}
	for _, name := range []string{"Zorvu kwa Ngare", "Zorvale district"} {
		if r := resolveAt(t, text, name, 0); !r.OK || !r.Near || r.Place.Country != "KE" {
			t.Errorf("%s → %+v (near %v), want near a place of Kenya", name, r.Place, r.Near)
		}
	}
}

// TestLoneGenericIsNoToponym: a generic of places alone ("Hospital"),
// unknown to the gazetteer, is a word and no toponym even where the
// recogniser reads it as a place.
func TestLoneGenericIsNoToponym(t *testing.T) {
	doc := annotate(t, "The boy was flown from Nakuru to Hospital on Monday.")
	var ents []nlp.Span
	for _, e := range doc.Ents {
		if doc.SpanText(e.Start, e.End) != "Hospital" {
			ents = append(ents, e)
		}
	}
	for i, tk := range doc.Tokens {
		if tk.Text == "Hospital" {
			ents = append(ents, nlp.Span{Start: i, End: i + 1, StartByte: tk.Start, EndByte: tk.End, Label: "LOC"}) // the recogniser's mistake
		}
	}
	doc.Ents = ents
	tops := map[string]bool{}
	for _, tp := range FindToponyms(doc, nil) {
		tops[tp.Text] = true
	}
	if tops["Hospital"] || !tops["Nakuru"] {
		t.Errorf("toponyms %v, want Nakuru but not Hospital", tops)
	}
}

// TestCurrencyLettersAreNoToponym: the country letters of a currency
// ("US$40 million") name no place; the country alone still does. Each
// toponym is listed with the character after it.
func TestCurrencyLettersAreNoToponym(t *testing.T) {
	doc := annotate(t, "Donors pledged US$40 million to Kenya, and the US sent doctors.")
	var got []string
	for _, tp := range FindToponyms(doc, nil) {
		got = append(got, doc.Text[tp.Start:tp.End]+"@"+doc.Text[tp.End:min(tp.End+1, len(doc.Text))])
	}
	want := []string{"Kenya@,", "US@ "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("toponyms %q, want %q", got, want)
	}
}

// TestStrayTownPutByNeighbours: a small town that nothing in the article
// bears out, far from every other place it names, is a namesake of the
// place meant; the name is put by the place named beside it. A town the
// text qualifies, or one among places abroad, stays.
func TestStrayTownPutByNeighbours(t *testing.T) {
	text := "Cholera spread in Kenya this month. Nine people died in the villages of Plainview, Migori and Awendo, officials said."
	r := resolveAt(t, text, "Plainview", 0)
	if !r.OK || !r.Near || r.Place.Country != "KE" {
		t.Errorf("Plainview among Kenyan villages → %s %s %s (near %v), want near Migori", r.Place.Name, r.Place.Admin1, r.Place.Country, r.Near)
	}
	for _, c := range []struct{ text, admin1 string }{
		// Qualified by its state.
		{"Cholera spread in Kenya this month. A traveller fell ill in Plainview, Texas, on his return.", "Texas"},
		// Among countries: the names are of places abroad.
		{"Pigs on a farm by Nakuru tested positive, unlike the Sudan, Plainview and Uganda strains.", "New York"},
	} {
		r := resolveAt(t, c.text, "Plainview", 0)
		if !r.OK || r.Near || r.Place.Admin1 != c.admin1 {
			t.Errorf("%q: Plainview → %s %s (near %v), want the town in %s", c.text, r.Place.Name, r.Place.Admin1, r.Near, c.admin1)
		}
	}
}

// TestCompassAdjectiveInRegionName: "Northern Kordofan" is the province
// the gazetteer lists as North Kordofan, not the wider Kordofan.
func TestCompassAdjectiveInRegionName(t *testing.T) {
	r := resolveAt(t, "Measles spread in Northern Kordofan, Sudan's health ministry said.", "Northern Kordofan", 0)
	if !r.OK || r.Near || r.Place.Feature != "admin1" || r.Place.Country != "SD" || !strings.HasPrefix(r.Place.Name, "North") {
		t.Errorf("Northern Kordofan → %s %s %s (near %v), want the province North Kordofan", r.Place.Name, r.Place.Feature, r.Place.Country, r.Near)
	}
}

// TestVicinityFollowsSettledNeighbour: a name the gazetteer lacks goes by
// its neighbour as read with the article's other places in view: alone,
// "Cornwall" is the Ontario city; beside Plymouth and Exeter, the English
// county.
func TestVicinityFollowsSettledNeighbour(t *testing.T) {
	text := "Storms flooded homes in Plymouth and Exeter on Friday. The coastguard said a boat sank off Cornwall. " +
		"Two fishermen were rescued near Zorvennick."
	r := resolveAt(t, text, "Zorvennick", 0)
	if !r.OK || !r.Near || r.Place.Country != "GB" {
		t.Errorf("Zorvennick → %s %s %s (near %v), want near Cornwall, England", r.Place.Name, r.Place.Admin1, r.Place.Country, r.Near)
	}
}

// locSpan replaces doc's entity spans by one LOC span from the token that
// starts with first to the one that ends with last: the recogniser's run-on
// spans are hard to provoke on a short text.
func locSpan(t *testing.T, doc *nlp.Doc, first, last string) {
	t.Helper()
	spanAs(t, doc, first, last, "LOC")
}

// spanAs is locSpan with the label given.
func spanAs(t *testing.T, doc *nlp.Doc, first, last, label string) {
	t.Helper()
	s, e := -1, -1
	for i, tk := range doc.Tokens {
		if s < 0 && tk.Text == first {
			s = i
		}
		if s >= 0 && tk.Text == last {
			e = i + 1
			break
		}
	}
	if s < 0 || e < 0 {
		t.Fatalf("no tokens %q … %q in %q", first, last, doc.Text)
	}
	doc.Ents = []nlp.Span{{Start: s, End: e, StartByte: doc.Tokens[s].Start, EndByte: doc.Tokens[e-1].End, Label: label}}
}

// TestRunOnSpanSplitAtIn: a place span the recogniser ran on over "in the"
// or "in" and a capitalised word holds two places; a person's name before
// it ("Mr. Okafor in Nigeria") is no place.
func TestRunOnSpanSplitAtIn(t *testing.T) {
	doc := annotate(t, "The fever was first noticed in Kwilu province in the DRC in June.")
	locSpan(t, doc, "Kwilu", "DRC")
	var got []string
	for _, tp := range FindToponyms(doc, nil) {
		got = append(got, tp.Text)
	}
	if strings.Join(got, "|") != "Kwilu province|DRC" {
		t.Errorf("toponyms = %q, want Kwilu province and DRC", got)
	}
	doc = annotate(t, "Officials said Mr. Okafor in Nigeria had closed the clinic.")
	locSpan(t, doc, "Mr.", "Nigeria")
	got = got[:0]
	for _, tp := range FindToponyms(doc, nil) {
		got = append(got, tp.Text)
	}
	if strings.Join(got, "|") != "Nigeria" {
		t.Errorf("toponyms = %q, want Nigeria alone", got)
	}
}

// TestVicinityOnlyRegionOfCountry: far from any other place in the text,
// a village the gazetteer lacks lies in the one region of the story's
// country that the story names, even when it names it once.
func TestVicinityOnlyRegionOfCountry(t *testing.T) {
	text := "A fever broke out in Kwilu province, Congo's health ministry said. " +
		"Officials met donors on Monday. Doctors were sent by road and by air. " +
		"Nurses said the villages of Zorvuka and Mbetele were worst hit."
	r := resolveAt(t, text, "Zorvuka", 0)
	if !r.OK || !r.Near || r.Place.Feature != "admin1" || r.Place.Country != "CD" {
		t.Errorf("Zorvuka → %s %s %s (near %v), want near Kwilu", r.Place.Name, r.Place.Feature, r.Place.Country, r.Near)
	}
}

// TestPossessiveOfLandIsPlace: a town the recogniser took for an
// organisation is a place when a part of its land follows it in the
// possessive ("Durban's inner harbours"), not when an office does.
func TestPossessiveOfLandIsPlace(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Seals were seen around Durban's inner harbours on Sunday.", true},
		{"Durban's chief executive resigned on Sunday.", false},
	} {
		doc := annotate(t, c.text)
		spanAs(t, doc, "Durban", "Durban", "ORG")
		tops := FindToponyms(doc, nil)
		if got := len(tops) == 1 && tops[0].Text == "Durban"; got != c.want {
			t.Errorf("%q: toponyms %+v, want Durban %v", c.text, tops, c.want)
		}
	}
}
