package extract

import (
	"slices"
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

// TestPhysicalPassiveIsNoQuote: "was seized by gunmen" is a capture, not
// an attribution.
func TestPhysicalPassiveIsNoQuote(t *testing.T) {
	text := "Anna Berg, 41, was seized by armed men near the market in June."
	for _, q := range Quotes(fullDoc(t, text), "a") {
		t.Errorf("%q: capture read as quote %q (cue %q, speaker %q)", text, q.Content.Text, cueText(&q), speakerText(&q))
	}
}

// TestPronounSpeakerAfterDemonymTitle: "she" after "Danish Prime Minister
// Karen Holt said she …" is Holt, not the man named after her.
func TestPronounSpeakerAfterDemonymTitle(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Nobody knew who had held Lars Jensen.\n\nDanish Prime Minister Karen Holt said she called Jensen on Friday. \"He sounded calm and well,\" she wrote online."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-01-10"})
	found := false
	for _, q := range res.Quotes {
		if strings.Contains(q.Content.Text, "sounded calm") {
			found = true
			if q.SpeakerName != "Karen Holt" {
				t.Errorf("%q spoken by %q, want Karen Holt", q.Content.Text, q.SpeakerName)
			}
		}
	}
	if !found {
		t.Errorf("direct quote lost: %+v", res.Quotes)
	}
}

// TestMonthOfRelativeYear: "in May of last year" and "on March 3 last
// year" take the year the phrase names, not the publication year.
func TestMonthOfRelativeYear(t *testing.T) {
	text := "The clinic closed in July of last year and reopened on April 9 last year. A new wing opens in February next year."
	want := map[string]string{"July": "2025-07-01", "April 9": "2025-04-09", "February": "2027-02-01"}
	got := Times(fullDoc(t, text), "a", mustDate(t, "2026-11-20"))
	for _, tm := range got {
		for k, from := range want {
			if strings.HasPrefix(tm.Text, k) {
				if tm.From != from {
					t.Errorf("%q from %s, want %s", tm.Text, tm.From, from)
				}
				delete(want, k)
			}
		}
	}
	for k := range want {
		t.Errorf("no time for %q in %+v", k, got)
	}
}

// TestSurnameThatNamesACountry: a lone surname met after the full name is
// the person, not the country it spells, in the entities and in the
// events' actors.
func TestSurnameThatNamesACountry(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "WASHINGTON (AP) - Senator Ruth Jordan criticized the spending bill on Tuesday. Jordan accused the governor of hiding the true costs."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	for _, e := range res.Entities {
		if e.Kind == record.KindPlace && e.Name == "Jordan" {
			t.Errorf("surname read as the country: %+v", e)
		}
	}
	for _, ev := range res.Events {
		for _, a := range []*record.Actor{ev.Source, ev.Target} {
			if a != nil && strings.HasPrefix(a.Code, "JOR") {
				t.Errorf("event %q has actor %q coded %s", ev.Action.Text, a.Name, a.Code)
			}
		}
	}
}

// TestIslandIsNoCountry: the common noun "island" is not Iceland (whose
// native name folds to "Island").
func TestIslandIsNoCountry(t *testing.T) {
	text := "Chinese warships shelled the island on Monday."
	for _, ev := range eventsOf(t, text, "2026-11-20") {
		for _, a := range []*record.Actor{ev.Source, ev.Target} {
			if a != nil && strings.HasPrefix(a.Code, "ISL") {
				t.Errorf("event %q has actor %q coded %s", ev.Action.Text, a.Name, a.Code)
			}
		}
	}
}

// TestNamedUnitOfKnownBody: "the Northern Theater Command of the People's
// Liberation Army" is a unit of the PLA, coded as it, not as the
// article's country.
func TestNamedUnitOfKnownBody(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "South Korea said on Friday that it had tracked the ships. The Northern Theater Command of the People's Liberation Army said the patrol near South Korea was routine."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	found := false
	for _, e := range res.Entities {
		if strings.Contains(e.Name, "Theater Command") {
			found = true
			if e.Code != "CHNMIL" {
				t.Errorf("%q coded %q, want CHNMIL", e.Name, e.Code)
			}
		}
	}
	if !found {
		t.Errorf("no entity for the command in %+v", res.Entities)
	}
}

// TestShortNameOfEarlierBody: "Commerce" after "the U.S. Commerce
// Department" is that department, not a body of the country the article
// is most about.
func TestShortNameOfEarlierBody(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Iran said on Monday that Iran would answer the new curbs. The U.S. Commerce Department added four Iranian firms to its list. Commerce Secretary Ann Lee said Iran had been warned."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	for _, e := range res.Entities {
		if (e.Name == "Commerce" || e.Name == "Ann Lee") && e.Code != "USAGOV" {
			t.Errorf("%q coded %q, want USAGOV", e.Name, e.Code)
		}
	}
}

// TestMinisterHeadsMinistryNamedBefore: a bare "Foreign Minister X" after
// "Spain's Foreign Ministry said" heads Spain's ministry, not the
// dateline country's government.
func TestMinisterHeadsMinistryNamedBefore(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "A Spanish engineer held in Chad for a year has been freed, Spain's Foreign Ministry said. He was taken near Abeche in Chad. Foreign Minister Luis Ortega said Chad had helped."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20", DatelinePlace: "N'Djamena"})
	for _, e := range res.Entities {
		if e.Name == "Luis Ortega" && e.Code != "ESPGOV" {
			t.Errorf("%q coded %q, want ESPGOV", e.Name, e.Code)
		}
	}
}

// TestRiotPolicingAndPlacedTargets: tear gas fired at a crowd is violent
// repression and stones thrown at police a riot; "police in Lyon" are
// French police, not Lyon's civilians.
func TestRiotPolicingAndPlacedTargets(t *testing.T) {
	evs := eventsOf(t, "Police fired tear gas at students in Dhaka on Friday.", "2026-11-20")
	if got := eventsWithAction(t, evs, "fired tear gas"); len(got) > 0 && got[0].CAMEO != "175" {
		t.Errorf("tear gas coded %s, want 175", got[0].CAMEO)
	}
	evs = eventsOf(t, "Protesters threw stones at police in Lyon.", "2026-11-20")
	got := eventsWithAction(t, evs, "threw stones")
	if len(got) > 0 && (got[0].CAMEO != "145" || actorCode(got[0].Target) != "FRACOP") {
		t.Errorf("stones: %s target %s, want 145 against FRACOP", got[0].CAMEO, actorCode(got[0].Target))
	}
	evs = eventsOf(t, "Protesters attacked police in Lyon.", "2026-11-20")
	if got := targetsOf(evs, "attacked"); !slices.Contains(got, "FRACOP") {
		t.Errorf("attacked police in Lyon: targets %v, want FRACOP", got)
	}
}

// TestDeployedCiviliansAreNotTroops: rescue workers and police sent to a
// disaster are counted, but not as troops.
func TestDeployedCiviliansAreNotTroops(t *testing.T) {
	text := "Nearly 4,000 rescue workers were deployed after the quake, along with 1,500 troops."
	for _, c := range Claims(fullDoc(t, text), "a", nil) {
		switch c.Value {
		case 4000:
			if c.Counted == "troops" {
				t.Errorf("%q counted as troops", c.Evidence.Text)
			}
		case 1500:
			if c.Counted != "troops" {
				t.Errorf("%q counted %q, want troops", c.Evidence.Text, c.Counted)
			}
		}
	}
}

// TestObjectThenSecondCue: "conceded defeat and said CLAUSE" reports the
// clause with "said"; "defeat and said …" is no content of "conceded".
func TestObjectThenSecondCue(t *testing.T) {
	text := "The outgoing governor conceded defeat and said her party would sit in opposition."
	qs := Quotes(fullDoc(t, text), "a")
	for _, q := range qs {
		if strings.Contains(q.Content.Text, "defeat and") {
			t.Errorf("content %q (cue %q) swallows the second cue", q.Content.Text, cueText(&q))
		}
	}
	if q := findQuote(qs, "her party would sit in opposition"); q == nil || cueText(q) != "said" {
		t.Errorf("clause not reported by 'said': %+v", qs)
	}
}

// TestRoleHeadIsNoTown: "the High Court" is a court, not Court, a town
// in Switzerland.
func TestRoleHeadIsNoTown(t *testing.T) {
	for _, ev := range eventsOf(t, "Zambia's High Court on Thursday blocked the new mining law.", "2026-11-20") {
		if a := ev.Source; a != nil && strings.HasPrefix(a.Code, "CHE") {
			t.Errorf("%q: source %q coded %s", ev.Action.Text, a.Name, a.Code)
		}
	}
}

// TestReducedRelativeVictim: "a Spanish aid worker kidnapped in Chad ten
// months ago has been freed": the worker is the one kidnapped, not the
// kidnapper.
func TestReducedRelativeVictim(t *testing.T) {
	evs := eventsOf(t, "A Spanish aid worker kidnapped in eastern Chad 10 months ago has been freed, Spain's Foreign Ministry said Monday.", "2026-11-20")
	for _, e := range eventsWithAction(t, evs, "kidnapped") {
		if strings.HasPrefix(actorCode(e.Source), "ESP") {
			t.Errorf("kidnapped: source %s, the victim", actorCode(e.Source))
		}
		if !strings.HasPrefix(actorCode(e.Target), "ESP") {
			t.Errorf("kidnapped: target %s, want the Spanish aid worker", actorCode(e.Target))
		}
	}
}

// TestNameParticleJoinsName: "Rui Tavares de Sousa" is one person; Sousa
// is no town in Brazil, as a place or as an actor's country.
func TestNameParticleJoinsName(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Portugal's election ended in a hung parliament. President Rui Tavares de Sousa will meet party leaders in Lisbon on Wednesday."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	found := false
	for _, e := range res.Entities {
		if e.Name == "Rui Tavares de Sousa" {
			found = true
		}
	}
	if !found {
		t.Errorf("no entity Rui Tavares de Sousa in %+v", res.Entities)
	}
	for _, pl := range res.Places {
		if pl.Mention == "Sousa" {
			t.Errorf("place %+v from a person's name", pl)
		}
	}
	for _, ev := range res.Events {
		for _, a := range []*record.Actor{ev.Source, ev.Target} {
			if a != nil && strings.HasPrefix(a.Code, "BRA") {
				t.Errorf("event %q has actor %q coded %s", ev.Action.Text, a.Name, a.Code)
			}
		}
	}
}

// TestHazardVictimsAreNoAttack: people hurt in an earthquake, said so in
// the sentence or after a sentence about it, were attacked by no one.
func TestHazardVictimsAreNoAttack(t *testing.T) {
	text := "A strong earthquake struck eastern Turkey on Tuesday. Officials said more than 300 people were injured in Van and Hakkari provinces."
	for _, e := range eventsOf(t, text, "2026-11-20") {
		if strings.HasPrefix(e.CAMEO, "18") || strings.HasPrefix(e.CAMEO, "19") {
			t.Errorf("%q coded %s, an attack", e.Action.Text, e.CAMEO)
		}
	}
}

// TestCentralBanksAreGovernment: a central bank is a state body, not a
// business.
func TestCentralBanksAreGovernment(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "The Bank of Japan held rates on Friday. Separately, the Central Bank of Nigeria raised its main rate to 27 percent."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	want := map[string]string{"Bank of Japan": "JPNGOV", "Central Bank": "NGAGOV"}
	for _, e := range res.Entities {
		// The recogniser may leave "of Nigeria" out of the name.
		name := strings.TrimSuffix(e.Name, " of Nigeria")
		if w, ok := want[name]; ok {
			if e.Code != w {
				t.Errorf("%q coded %q, want %s", e.Name, e.Code, w)
			}
			delete(want, name)
		}
	}
	for n := range want {
		t.Errorf("no entity %q in %+v", n, res.Entities)
	}
}

// TestSpeakerWithoutDay: "Chile's Supreme Court on Thursday ruled …": the day
// the parser hangs on the subject is no part of the speaker.
func TestSpeakerWithoutDay(t *testing.T) {
	text := "Chile's Supreme Court on Thursday ruled that the mining permit breached the law."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "the mining permit breached the law")
	if q == nil {
		t.Fatalf("quote lost: %+v", qs)
	}
	if got := speakerText(q); got != "Chile's Supreme Court" {
		t.Errorf("speaker %q, want Chile's Supreme Court", got)
	}
}

// TestRelativeClauseTimeIsNotTheAction: "last week" inside "a raid that
// killed … last week" dates the raid, not the summons after it.
func TestRelativeClauseTimeIsNotTheAction(t *testing.T) {
	text := "Estonia on Tuesday blamed Russian hackers for a cyberattack that shut down its tax office last week, and summoned Russia's ambassador."
	evs := eventsOf(t, text, "2026-11-20")
	for _, e := range eventsWithAction(t, evs, "summoned") {
		if e.Date != "2026-11-17" {
			t.Errorf("summoned dated %q, want 2026-11-17 (Tuesday)", e.Date)
		}
	}
}

// TestPartOfWholeCount: "91 of the 230 seats" claims 91 seats; 230 is the
// whole they are taken from.
func TestPartOfWholeCount(t *testing.T) {
	text := "The ruling party won 112 of the 300 seats in Sunday's vote."
	got := Claims(fullDoc(t, text), "a", nil)
	if len(got) != 1 || got[0].Value != 112 || got[0].Unit != "seats" {
		t.Errorf("claims %+v, want one of 112 seats", got)
	}
}

// TestNameBeforeDeclaredAcronym: "the Road and Transport Safety Authority
// (RTSA)" is one organisation, whatever the recogniser cut.
func TestNameBeforeDeclaredAcronym(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "The Road and Transport Safety Authority (RTSA) said 12 people died."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	found := false
	for _, e := range res.Entities {
		if e.Kind == record.KindPerson {
			t.Errorf("person %q in %q", e.Name, text)
		}
		if e.Kind == record.KindPlace {
			t.Errorf("place %q in %q", e.Name, text)
		}
		if e.Name == "Road and Transport Safety Authority" && e.Kind == record.KindOrg {
			found = true
		}
	}
	if !found {
		t.Errorf("no organisation for the authority: %+v", res.Entities)
	}
	for _, q := range res.Quotes {
		if q.SpeakerName != "Road and Transport Safety Authority" {
			t.Errorf("speaker %q (%q)", q.SpeakerName, speakerText(&q))
		}
	}
}

// TestThirdPersonInDirectQuoteIsNotSpeaker: in "“They can arrest us,”
// said a student", they are not the student.
func TestThirdPersonInDirectQuoteIsNotSpeaker(t *testing.T) {
	text := "Riot police detained dozens of students in Lima on Monday. \"They can arrest us, but they cannot stop us,\" said Rosa Quispe, a 22-year-old student."
	evs := eventsOf(t, text, "2026-11-20")
	for _, e := range eventsWithAction(t, evs, "arrest") {
		if e.Source != nil && e.Target != nil && e.Source.Name == e.Target.Name {
			t.Errorf("arrest: source %q is the speaker, also the target", e.Source.Name)
		}
	}
}

// TestSpeakerNameIsNoTown: the first name of a quoted person ("Rosa") is
// not the Italian town Rosà.
func TestSpeakerNameIsNoTown(t *testing.T) {
	text := "Riot police detained dozens of students in Lima on Monday. \"We will march again and they will have to face us,\" said Rosa Quispe, a 22-year-old student."
	for _, e := range eventsOf(t, text, "2026-11-20") {
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if a != nil && strings.HasPrefix(a.Code, "ITA") {
				t.Errorf("%q: actor %q coded %s", e.Action.Text, a.Name, a.Code)
			}
		}
	}
}

// TestDiseaseCasesAndRunningTotal: cases of a disease are counted, small
// numbers included, and "bringing the total to 23" counts them too; the
// deaths after "including" are part of the total.
func TestDiseaseCasesAndRunningTotal(t *testing.T) {
	text := "The health ministry confirmed three new cases of cholera, bringing the total in the district to 23, including five deaths."
	got := Claims(fullDoc(t, text), "a", nil)
	byValue := map[float64]record.Claim{}
	for _, c := range got {
		byValue[c.Value] = c
	}
	if c, ok := byValue[3]; !ok || c.Counted != "infected" {
		t.Errorf("three new cases: %+v", got)
	}
	total, ok := byValue[23]
	if !ok || total.Counted != "infected" {
		t.Fatalf("total of 23 cases: %+v", got)
	}
	if c, ok := byValue[5]; !ok || c.Counted != "killed" || c.PartOf != total.ID {
		t.Errorf("five deaths not part of the total: %+v", got)
	}
}

// TestSentenceInitialCommonWordIsNoPlace: "Coast guard vessels …" opening
// a sentence, with "a coast guard spokeswoman" later, is no toponym
// (Coast, a Kenyan region).
func TestSentenceInitialCommonWordIsNoPlace(t *testing.T) {
	text := "A fishing boat sank off Sicily on Monday. Coast guard crews pulled 30 people from the water, a coast guard official said."
	for _, tp := range FindToponyms(fullDoc(t, text), nil) {
		if tp.Text == "Coast" {
			t.Errorf("toponym %+v", tp)
		}
	}
}

// TestTownOfHint: "the town of Gao" is the town, not the region named
// after it.
func TestTownOfHint(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Gunmen seized a nurse in the town of Gao in northern Mali on Sunday."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	for _, pl := range res.Places {
		if pl.Mention == "Gao" && pl.FeatureType != "city" {
			t.Errorf("Gao resolved to a %s (%s)", pl.FeatureType, pl.GazetteerID)
		}
	}
}

// TestDozens: "about two dozen" is one count of 24, not 2 and 12.
func TestDozens(t *testing.T) {
	got := Claims(fullDoc(t, "Police detained about two dozen protesters outside the court."), "a", nil)
	if len(got) != 1 || got[0].Value != 24 || got[0].Qualifier != record.QualAbout {
		t.Errorf("claims %+v, want about 24", got)
	}
}

// TestContentThenToldReporters: "CONTENT, his lawyer told reporters
// outside the court." attributes the content, whatever the parser made
// of "told".
func TestContentThenToldReporters(t *testing.T) {
	text := "The charges against the activist were dropped, her lawyer Mona Adel told reporters outside the court."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "The charges against the activist were dropped")
	if q == nil || cueText(q) != "told" || !strings.Contains(speakerText(q), "Mona Adel") {
		t.Errorf("quotes %+v", qs)
	}
}

// TestDemandVerbKeepsItsSubject: in "“Farmers have asked us to cut fuel
// taxes,” the prime minister told reporters", the farmers ask; the speaker
// is asked.
func TestDemandVerbKeepsItsSubject(t *testing.T) {
	text := "\"Dutch farmers have asked us to cut fuel taxes,\" the Dutch prime minister told reporters in The Hague."
	evs := eventsOf(t, text, "2026-11-20")
	for _, e := range eventsWithAction(t, evs, "asked") {
		if strings.HasSuffix(actorCode(e.Source), "GOV") {
			t.Errorf("asked: source %s, the speaker, who was asked", actorCode(e.Source))
		}
	}
}

// TestObjectPronounAcrossConjunction: in "…, freezing their assets and
// banning them from …", "them" is not the subject that bans.
func TestObjectPronounAcrossConjunction(t *testing.T) {
	text := "The European Union on Monday imposed sanctions on five Malian generals, freezing their assets and banning them from travelling to the bloc."
	evs := eventsOf(t, text, "2026-11-20")
	for _, e := range eventsWithAction(t, evs, "banning") {
		if actorCode(e.Target) == actorCode(e.Source) {
			t.Errorf("banning: target %s is the source", actorCode(e.Target))
		}
	}
}

// TestBodyThenTitleInOrgSpan: "WHO Director" read as one organisation is
// the WHO, not a body of the article's country.
func TestBodyThenTitleInOrgSpan(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Uganda's Health Ministry confirmed two more cases. \"Speed matters,\" WHO Director-General Tedros Adhanom Ghebreyesus said."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	for _, e := range res.Entities {
		if strings.HasPrefix(e.Name, "WHO ") {
			t.Errorf("entity %q coded %q", e.Name, e.Code)
		}
	}
}

// TestDiseaseIsNoPlaceEntity: "cases of Ebola" names a disease, not a
// place entity.
func TestDiseaseIsNoPlaceEntity(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Congo's health ministry confirmed nine new cases of Ebola in Equateur province on Friday."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	for _, e := range res.Entities {
		if e.Name == "Ebola" {
			t.Errorf("entity %+v", e)
		}
	}
}

// TestSourceNounTaggedAdjective: "The official, who spoke on condition of
// anonymity, said …" keeps its speaker when "official" is tagged as an
// adjective.
func TestSourceNounTaggedAdjective(t *testing.T) {
	text := "The official, who spoke on condition of anonymity, said the rebels had rejected the offer."
	qs := Quotes(fullDoc(t, text), "a")
	if q := findQuote(qs, "the rebels had rejected the offer"); q == nil || speakerText(q) != "The official" {
		t.Errorf("quotes %+v", qs)
	}
}

// TestAnonymityRequestIsNoQuoteNorEvent: "who asked not to be named" and
// "who declined to be identified" describe an unnamed source; they report
// nothing and demand nothing.
func TestAnonymityRequestIsNoQuoteNorEvent(t *testing.T) {
	for _, text := range []string{
		"A Sudanese army officer, who asked not to be named, said the convoy had been shelled.",
		"A Western diplomat, who declined to be identified, said the talks had stalled.",
	} {
		d := fullDoc(t, text)
		for _, q := range Quotes(d, "a") {
			if strings.Contains(q.Content.Text, "to be") {
				t.Errorf("%q: quote %q (cue %q)", text, q.Content.Text, cueText(&q))
			}
		}
		for _, e := range eventsOf(t, text, "2026-11-20") {
			if e.Action.Text == "asked" || e.Action.Text == "declined" {
				t.Errorf("%q: event %s %q", text, e.CAMEO, e.Action.Text)
			}
		}
	}
}

// TestSpeakerBeforeRelativeClause: in "Officials who attended the meeting
// said …", the officials speak, not the meeting.
func TestSpeakerBeforeRelativeClause(t *testing.T) {
	text := "Elders who attended the talks said the ceasefire would hold."
	qs := Quotes(fullDoc(t, text), "a")
	if q := findQuote(qs, "the ceasefire would hold"); q == nil || speakerText(q) != "Elders" {
		t.Errorf("quotes %+v", qs)
	}
}

// TestClaimOfIsNoDate: "in Sunday's vote" and "in January" say when, not
// whom or where a count is of.
func TestClaimOfIsNoDate(t *testing.T) {
	for _, text := range []string{
		"The ruling party won 112 of the 300 seats in Sunday's vote.",
		"More than 40 people were killed in January, the monitors said.",
	} {
		for _, c := range Claims(fullDoc(t, text), "a", nil) {
			if c.Of == "Sunday" || c.Of == "January" {
				t.Errorf("%q: claim %v of %q", text, c.Value, c.Of)
			}
		}
	}
}

// TestPartyLeaderIsParty: "Socialist leader X", "party leader X" lead a
// party, not a government.
func TestPartyLeaderIsParty(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Spain's parliament met on Monday. Socialist leader Ana Ruiz said her party would vote against the budget."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-11-20"})
	for _, e := range res.Entities {
		if e.Name == "Ana Ruiz" && !strings.HasSuffix(e.Code, "PTY") {
			t.Errorf("%q coded %q, want a party code", e.Name, e.Code)
		}
	}
}
