package extract

import (
	"strings"
	"testing"

	"dateline/article"
	"dateline/kb"
	"dateline/record"
)

// Tests from the eighteenth session's read-by-hand round (round 18):
// sentences written for the purpose.

// TestCoordinatedProgrammeIsOneName: "the X and Y Initiative" (Fund,
// Act, Treaty, …) is one name, no person or organisation "Y Initiative".
func TestCoordinatedProgrammeIsOneName(t *testing.T) {
	res := extracted(t, article.Article{Text: "Pakistan's Belt and Road Initiative projects slowed last year. " +
		"The ministry said Zambia would draw on the Climate and Nature Fund for the dams."})
	for _, name := range []string{"Belt and Road Initiative", "Climate and Nature Fund"} {
		if e := entityNamed(res, name); e == nil || e.Kind == record.KindPerson {
			t.Errorf("%s: %+v, want one name that is no person", name, e)
		}
	}
	for _, name := range []string{"Road Initiative", "Nature Fund"} {
		if e := entityNamed(res, name); e != nil {
			t.Errorf("%s: an entity (%s) cut from its name", name, e.Kind)
		}
	}
	// Two names coordinated stay two: a country is no part of the name.
	res = extracted(t, article.Article{Text: "Officials from Kenya and the Paris Agreement secretariat met on Monday."})
	if e := entityNamed(res, "Kenya"); e == nil || e.Kind != record.KindPlace {
		t.Errorf("Kenya: %+v, want the place", e)
	}
}

// TestCapitalisedCommonNounIsNoName: a common noun (as the tagger reads
// it) capitalised only because it opens a quotation or a sentence is no
// organisation, even when the text never writes it in lower case; a
// pronoun the recogniser ran on into a verb ("He | has") goes too.
func TestCapitalisedCommonNounIsNoName(t *testing.T) {
	res := extracted(t, article.Article{Text: "Asked about the vote, one nurse wrote: ”Anger. I am angry every single day.” " +
		"Another answered: “He has never listened to us, and he never will.”"})
	for _, w := range []string{"Anger", "He"} {
		if e := entityNamed(res, w); e != nil {
			t.Errorf("%s: an entity (%s)", w, e.Kind)
		}
	}
}

// TestSubjectBeforePartnerIsSource: "X, together with Y, imposed
// sanctions", parsed with "imposed" an adjective of "sanctions" and no
// subject: X is the source, Y (a partner) is not; "the United States"
// (lemma "state") is no speech verb that ends the search.
func TestSubjectBeforePartnerIsSource(t *testing.T) {
	for _, text := range []string{
		"The United States, together with Britain, imposed sanctions on Iran.",
		"The United States, in response, imposed sanctions on Iran.",
	} {
		ev := eventByAction(eventsOf(t, text, "2025-05-10"), "imposed sanctions")
		if ev == nil || actorCode(ev.Source) != "USA" {
			t.Errorf("%q: %+v, want the United States the source", text, ev)
		}
	}
	// An adjective after a preposition is no verb of the clause.
	for _, e := range eventsOf(t, "Protesters in Caracas marched against imposed sanctions on Monday.", "2025-05-10") {
		if e.CAMEO == "163" && e.Source != nil && actorCode(e.Source) != "" && actorCode(e.Source)[:3] == "VEN" && e.Plover == "SANCTION" {
			t.Errorf("against imposed sanctions: a sanction by %s", actorCode(e.Source))
		}
	}
}

// TestTitledNameIsThePerson: "Mr. Okafor", read by the recogniser as a
// place, is a person, and the same person as "Daniel Okafor" named after
// it; the entity keeps the name without the title.
func TestTitledNameIsThePerson(t *testing.T) {
	text := "”Mr. Okafor promised jobs and delivered none,” one reader wrote. Daniel Okafor answered on Monday."
	doc := withSpan(t, text, "Mr. Okafor", "LOC")
	full := fullDoc(t, text)
	for _, e := range full.Ents {
		if e.Start > doc.Ents[0].End {
			doc.Ents = append(doc.Ents, e)
		}
	}
	doc = correctSpans(doc, nil, "")
	if doc.Ents[0].Label != "PER" {
		t.Errorf("Mr. Okafor: label %s, want PER", doc.Ents[0].Label)
	}
	ms := Entities(doc, "t", nil, "", nil)
	var names []string
	for _, e := range ms.Entities {
		if e.Kind == record.KindPerson {
			names = append(names, e.Name)
		}
	}
	if len(names) != 1 || names[0] != "Daniel Okafor" {
		t.Errorf("people %q, want one, Daniel Okafor", names)
	}
}

// TestPartiesToAConflictAreNoPoliticalParties: "all parties", "the
// warring parties" are the sides of a conflict, not political parties.
func TestPartiesToAConflictAreNoPoliticalParties(t *testing.T) {
	for _, text := range []string{
		"Egypt will keep up its contacts with all parties, the foreign minister said.",
		"The African Union urged the warring parties to return to talks.",
	} {
		for _, e := range eventsOf(t, text, "2025-05-10") {
			if strings.HasSuffix(actorCode(e.Target), "PTY") {
				t.Errorf("%q: %s target %s, a political party", text, e.Action.Text, actorCode(e.Target))
			}
		}
	}
}

// TestWarIsNoPlace: "the Cold War", "the Gulf War", "World War II" are
// wars, not places, people or organisations.
func TestWarIsNoPlace(t *testing.T) {
	res := extracted(t, article.Article{Text: "After the Cold War, the alliance grew eastward. Veterans of the Gulf War marched in Warsaw on Sunday."})
	for _, name := range []string{"Cold War", "Gulf War"} {
		if e := entityNamed(res, name); e != nil {
			t.Errorf("%s: an entity (%s)", name, e.Kind)
		}
		if p := placeByMention(res, name); p != nil {
			t.Errorf("%s: a place (%s)", name, p.Name)
		}
	}
	if p := placeByMention(res, "Warsaw"); p == nil {
		t.Errorf("Warsaw: no place")
	}
}

// TestElidedCompassWordIsNoPlace: "Eastern and Northern European
// heritage" shares "European" between the two compass words; "Eastern"
// is no place (not Ghana's Eastern Region). "Central and South America"
// still gives Central America.
func TestElidedCompassWordIsNoPlace(t *testing.T) {
	res := extracted(t, article.Article{Text: "Many voters in Ohio are of Eastern and Northern European descent. Exports to Central and South America rose."})
	if p := placeByMention(res, "Eastern"); p != nil {
		t.Errorf("Eastern: a place (%s, %s)", p.Name, p.CountryCode)
	}
	if e := entityNamed(res, "Eastern"); e != nil && e.Kind == record.KindPlace {
		t.Errorf("Eastern: a place entity")
	}
	if p := placeByMention(res, "Central"); p == nil || p.Name != "Central America" {
		t.Errorf("Central (and South America): %+v, want Central America", p)
	}
}

// TestBodyPlacedByItsOwnPhrase: a body the kb does not know, written "in"
// a town right after its name, is of the town's country, not of the
// country named in the sentence before; a disease the recogniser took for
// an organisation is no entity.
func TestBodyPlacedByItsOwnPhrase(t *testing.T) {
	res := extracted(t, article.Article{Text: "The nurse caught Ebola in Guinea last year. On Monday she was taken to the Princess Alexandra Hospital in Brisbane."})
	if e := entityNamed(res, "Princess Alexandra Hospital"); e == nil || e.Code != "AUSHLH" {
		t.Errorf("Princess Alexandra Hospital: %+v, want AUSHLH", e)
	}
	if e := entityNamed(res, "Ebola"); e != nil {
		t.Errorf("Ebola: an entity (%s)", e.Kind)
	}
}

// TestInstitutionIsAnOrganisation: a university or hospital the
// recogniser read as a location is an organisation entity, and its name
// less the head word ("the Royal Marsden") is the same body.
func TestInstitutionIsAnOrganisation(t *testing.T) {
	res := extracted(t, article.Article{Text: "Samples were tested at Kenyatta University in Nairobi. " +
		"The patient was moved to the Royal Marsden Hospital in London on Friday. Doctors at the Royal Marsden said she was stable."})
	for _, name := range []string{"Kenyatta University", "Royal Marsden Hospital"} {
		if e := entityNamed(res, name); e != nil && e.Kind != record.KindOrg {
			t.Errorf("%s: kind %s, want an organisation", name, e.Kind)
		}
	}
	if e := entityNamed(res, "Royal Marsden"); e != nil {
		t.Errorf("Royal Marsden: an entity of its own (%s)", e.Kind)
	}
	if e := entityNamed(res, "Kenyatta University"); e == nil || e.Code != "KENEDU" {
		t.Errorf("Kenyatta University in Nairobi: %+v, want KENEDU", e)
	}
}

// TestHyphenatedGivenName: "Ban Ki-moon" keeps its hyphenated given name
// (the recogniser ended the span at the hyphen), "Mr. Ban" is the same
// person (the surname comes first), and the capitalised "Ban" of his name
// is no ban.
func TestHyphenatedGivenName(t *testing.T) {
	res := extracted(t, article.Article{Text: "Ban Ki-moon, the former secretary general, visited Seoul on Monday. Mr. Ban met students at a university. " +
		"Moon Jae-in also spoke."})
	e := entityNamed(res, "Ban Ki-moon")
	if e == nil || e.Kind != record.KindPerson {
		t.Fatalf("Ban Ki-moon: %+v", e)
	}
	found := false
	for _, m := range e.Mentions {
		found = found || m.Text == "Mr. Ban"
	}
	if !found {
		t.Errorf("Mr. Ban: not a mention of Ban Ki-moon (%+v)", e.Mentions)
	}
	if x := entityNamed(res, "Moon Jae-in"); x == nil || x.Kind != record.KindPerson {
		t.Errorf("Moon Jae-in: %+v", x)
	}
	for _, ev := range res.Events {
		if strings.EqualFold(ev.Action.Text, "Ban") {
			t.Errorf("a ban event from the name: %s", ev.CAMEO)
		}
	}
}

// TestPartnerIsNoTargetsCountry: "The US, along with France, imposed new
// sanctions on the regime": the partner's country is not whose regime it
// is.
func TestPartnerIsNoTargetsCountry(t *testing.T) {
	ev := eventByAction(eventsOf(t, "The US, along with France, imposed new sanctions on the regime on Tuesday.", "2025-05-10"), "imposed new sanctions")
	if ev == nil {
		t.Fatal("no sanction event")
	}
	if actorCode(ev.Source) != "USA" {
		t.Errorf("source %s, want USA", actorCode(ev.Source))
	}
	if strings.HasPrefix(actorCode(ev.Target), "FRA") {
		t.Errorf("target %s: the partner", actorCode(ev.Target))
	}
}

// TestWeighedPoundsAreWeight: pounds after a form of "weigh" are a
// weight, counted as other, whatever verb is near; money stays money.
func TestWeighedPoundsAreWeight(t *testing.T) {
	for _, c := range claimsIn(t, "Three infants weighing less than four pounds were infected at the clinic.") {
		if c.Value == 4 && c.Counted != "other" {
			t.Errorf("weighing less than four pounds: category %q, want other", c.Counted)
		}
	}
	for _, c := range claimsIn(t, "By the age of ten the children were 20 pounds heavier than their classmates.") {
		if c.Value == 20 && c.Counted == "money" {
			t.Errorf("20 pounds heavier: money")
		}
	}
	found := false
	for _, c := range claimsIn(t, "The charity raised 2 million pounds in May.") {
		found = found || c.Value == 2000000 && c.Counted == "money"
	}
	if !found {
		t.Errorf("2 million pounds raised: no money claim")
	}
}

// TestAcronymIsNoEventWord: "AIDS" in capitals is the disease, not aid:
// a word in capitals in a sentence of ordinary case is an acronym, and a
// one-word match on it is dropped; a headline in capitals is no acronym.
func TestAcronymIsNoEventWord(t *testing.T) {
	doc := fullDoc(t, "The singer has spent years fighting AIDS in southern Africa.")
	s := newESent(doc, 0, len(doc.Tokens), kb.Default(), "")
	for i, tk := range doc.Tokens {
		if got := s.acronym(i); got != (tk.Text == "AIDS") {
			t.Errorf("%s: acronym %v", tk.Text, got)
		}
	}
	doc = fullDoc(t, "DONORS SEND AID TO FLOODED TOWNS")
	s = newESent(doc, 0, len(doc.Tokens), kb.Default(), "")
	for i, tk := range doc.Tokens {
		if s.acronym(i) {
			t.Errorf("%s in a headline in capitals: an acronym", tk.Text)
		}
	}
	if ploverCount(t, "Japan sent aid to the flooded towns on Monday.", "AID") == 0 {
		t.Errorf("sent aid: no aid event")
	}
}

// TestTwoPeoplesNameIsNoBody: "Polish Americans", "Lithuanian American"
// name a community, no organisation or person; the demonyms stay.
func TestTwoPeoplesNameIsNoBody(t *testing.T) {
	for _, text := range []string{
		"Nearly 10% of the people of Iowa and Kansas is Polish American.",
		"About 4% of the voters of Illinois are Lithuanian American.",
	} {
		res := extracted(t, article.Article{Text: text})
		for _, e := range res.Entities {
			if e.Kind == record.KindOrg || e.Kind == record.KindPerson {
				t.Errorf("%q: %s is an entity of kind %s", text, e.Name, e.Kind)
			}
		}
	}
}
