package extract

import (
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

// TestPassiveFindingReportsNothing: a passive of finding with neither a
// complement nor a finder reports a discovery, not what anyone claims;
// with a finder or a clause it still attributes.
func TestPassiveFindingReportsNothing(t *testing.T) {
	for _, text := range []string{
		"In Brazil, cases were found in Sao Paulo and Rio de Janeiro.",
		"A second body was discovered near the river on Sunday.",
	} {
		if qs := Quotes(fullDoc(t, text), "a"); len(qs) != 0 {
			t.Errorf("%q: %d quotes, want none: %+v", text, len(qs), qs[0])
		}
	}
	text := "The company was found by regulators to have misled investors."
	if qs := Quotes(fullDoc(t, text), "a"); len(qs) == 0 {
		t.Errorf("%q: no quote, want the regulators' finding", text)
	}
}

// TestStateIsNoMetonym: "Washington" resolved to the state is a place of
// the country in an event, not the government the capital's name
// stands for; the capital still is.
func TestStateIsNoMetonym(t *testing.T) {
	cases := []struct{ text, code string }{
		{"Officials are investigating new cases in Washington, Pennsylvania and California.", "USACVL"},
		{"Washington imposed new tariffs on China on Friday.", "USAGOV"},
	}
	for _, c := range cases {
		res := extracted(t, article.Article{Text: c.text, Published: "2024-03-08"})
		found := false
		for _, ev := range res.Events {
			for _, a := range []*record.Actor{ev.Source, ev.Target} {
				if a != nil && a.Name == "Washington" {
					found = true
					if a.Code != c.code {
						t.Errorf("%q: Washington coded %s, want %s", c.text, a.Code, c.code)
					}
				}
			}
		}
		if !found {
			t.Errorf("%q: no event with Washington as an actor: %+v", c.text, res.Events)
		}
	}
}

// TestBodyNamedAfterRegion: a body named after a first-level region is of
// that region's country, and a tie between two countries named once each
// goes to the one whose regions the text names (a Florida story that
// mentions Puerto Rico once).
func TestBodyNamedAfterRegion(t *testing.T) {
	text := "The Florida Department of Health said the patient had not travelled abroad. Officials in Texas and Arizona were watching. " +
		"Puerto Rico declared an epidemic in March, and the United States counted 14 cases. " +
		"\"Drain standing water,\" said Dr. Joseph Ladapo, the state surgeon general."
	res := extracted(t, article.Article{Text: text, Published: "2024-09-20"})
	wantEntityCode(t, res, "Florida Department of Health", "USAGOV")
	wantEntityCode(t, res, "Joseph Ladapo", "USAGOV")
	// A story about Mexico: the Texas body is still American.
	res = extracted(t, article.Article{Text: "Mexican troops searched the border town of Reynosa after the shooting, Mexico's defence ministry said. The Texas Department of Public Safety said it had closed a bridge.", Published: "2024-09-20"})
	wantEntityCode(t, res, "Texas Department of Public Safety", "USAGOV")
}

// TestJapaneseAgencies: the recogniser cuts "Fire and Disaster
// Management Agency" at "and"; the kb holds it whole, and a
// meteorological agency is the government's.
func TestJapaneseAgencies(t *testing.T) {
	text := "An earthquake injured 23 people, Japan's Fire and Disaster Management Agency said. The quake was centred off Kushiro, according to the Japan Meteorological Agency."
	res := extracted(t, article.Article{Text: text, Published: "2024-09-20"})
	wantEntityCode(t, res, "Fire and Disaster Management Agency", "JPNGOV")
	wantEntityCode(t, res, "Japan Meteorological Agency", "JPNGOV")
	if e := entityNamed(res, "Fire"); e != nil {
		t.Errorf("entity %q (%s), want none", e.Name, e.Kind)
	}
}

// TestTownsReadAsPeople: a town's name after a preposition of place, or
// listed after one, is the town even when the recogniser calls it a
// person; a region after a word capitalised only because it opens the
// sentence is the region.
func TestTownsReadAsPeople(t *testing.T) {
	res := extracted(t, article.Article{Text: "Florida reported a case of dengue. Crews began spraying in the neighbourhoods around Little Havana and Coral Gables, officials in the United States said.", Published: "2024-09-20"})
	for _, name := range []string{"Little Havana", "Coral Gables"} {
		if p := placeByMention(res, name); p == nil || p.CountryCode != "USA" {
			t.Errorf("%s: place %+v, want a place in the United States", name, p)
		}
	}
	res = extracted(t, article.Article{Text: "Health authorities in Kerala have confirmed two deaths from the Nipah virus, the state's health minister said.\n\nNeighbouring Karnataka and Tamil Nadu have stepped up checks at border crossings.", Published: "2024-09-20"})
	if p := placeByMention(res, "Karnataka"); p == nil || p.Name != "Karnataka" {
		t.Errorf("Karnataka: place %+v, want the state", p)
	}
	if e := entityNamed(res, "Neighbouring Karnataka"); e != nil {
		t.Errorf("entity %q (%s), want Karnataka alone", e.Name, e.Kind)
	}
}

// TestRoleOfBodyInPlaceNamesPerson: "the WHO's representative in Sudan,
// NAME," — the post's place between the role and the appositive name —
// makes the named person the role holder, coded with the body.
func TestRoleOfBodyInPlaceNamesPerson(t *testing.T) {
	text := "UNICEF's spokesman in Geneva, James Elder, said children were dying of hunger."
	res := extracted(t, article.Article{Text: text, Published: "2024-09-20"})
	wantEntityCode(t, res, "James Elder", "IGOKID")
	if len(res.Quotes) != 1 || res.Quotes[0].SpeakerName != "James Elder" {
		t.Errorf("quotes %+v, want one by James Elder", res.Quotes)
	}
	if e := entityNamed(res, "UNICEF spokesman"); e != nil {
		t.Errorf("entity %q apart from the named person", e.Name)
	}
}

// TestCountsAroundParts: the verb after a parenthesis of parts says what
// the whole and its parts count, and "the bodies of N" counts the dead.
func TestCountsAroundParts(t *testing.T) {
	cs := claimsIn(t, "Seven people, including two firefighters, were injured, the authorities said.")
	if len(cs) != 2 || cs[0].Value != 7 || cs[0].Counted != "injured" || cs[1].Value != 2 || cs[1].Counted != "injured" {
		t.Errorf("claims %+v, want 7 and 2 injured", cs)
	}
	cs = claimsIn(t, "The bodies of four others were recovered, officials said.")
	if len(cs) != 1 || cs[0].Value != 4 || cs[0].Counted != "killed" {
		t.Errorf("claims %+v, want 4 killed", cs)
	}
}

// TestActionNamingEquipment: an action noun that says what planes or
// crews are for is no event ("water-bombing planes" bomb nothing), and
// "bombing raids" are raids from the air.
func TestActionNamingEquipment(t *testing.T) {
	for _, ev := range eventsOf(t, "Spain and Italy sent water-bombing planes to Portugal.", "2024-09-20") {
		if strings.HasPrefix(ev.CAMEO, "18") {
			t.Errorf("event %s %q, want no assault", ev.CAMEO, ev.Action.Text)
		}
	}
	evs := eventsOf(t, "Israel carried out bombing raids on Gaza.", "2024-09-20")
	if len(evs) != 1 || evs[0].CAMEO != "195" {
		t.Errorf("events %+v, want one 195", evs)
	}
}

// TestUnitBeforeParticiple: a plural head before a participle is what
// is counted ("people landing", not "landing").
func TestUnitBeforeParticiple(t *testing.T) {
	cs := claimsIn(t, "More than 4,000 people landing on the island were registered by the agency.")
	if len(cs) != 1 || cs[0].Unit != "people" {
		t.Errorf("claims %+v, want one of 4,000 people", cs)
	}
}

// TestBodyKindFromDescriptor: a name the kb does not know that modifies a
// common noun with a sector ("the GDL train drivers' union") is a body of
// that sector, and its chief is coded with it.
func TestBodyKindFromDescriptor(t *testing.T) {
	text := "BERLIN — A strike by the GDL train drivers' union cancelled most trains in Germany, Deutsche Bahn said. GDL chief Claus Weselsky said the union would strike again."
	res := extracted(t, article.Article{Text: text, Published: "2024-09-20"})
	wantEntityCode(t, res, "GDL", "DEULAB")
	wantEntityCode(t, res, "Claus Weselsky", "DEULAB")
	wantEntityCode(t, res, "Deutsche Bahn", "DEUBUS")
}
