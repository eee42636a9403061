package extract

import (
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

// Tests from the thirteenth session's read-by-hand round (diplomacy,
// courts, elections, central banks): texts written for the purpose.

// TestSurnameBeforeKBNamesake: a surname alone is the person the story
// named in full before, not the kb's other bearer of the name, both as an
// entity and as an event's actor.
func TestSurnameBeforeKBNamesake(t *testing.T) {
	text := "Fed Chair Jerome Powell spoke on Wednesday. President Donald Trump has attacked Powell for not cutting rates. Powell declined to respond directly."
	res := extracted(t, article.Article{Text: text, Published: "2025-05-14"})
	if e := entityNamed(res, "Colin Powell"); e != nil {
		t.Errorf("a Colin Powell entity in a story about Jerome Powell: %+v", e.Mentions)
	}
	jp := entityNamed(res, "Jerome Powell")
	if jp == nil || len(jp.Mentions) < 3 {
		t.Fatalf("Jerome Powell should have three mentions: %+v", jp)
	}
	for _, ev := range res.Events {
		for _, a := range []*record.Actor{ev.Source, ev.Target} {
			if a != nil && a.Name == "Powell" && a.Code != jp.Code {
				t.Errorf("event %s: Powell coded %s, want Jerome Powell's %s", ev.CAMEO, a.Code, jp.Code)
			}
		}
	}
}

// TestTagMisreadNameSpeaks: "the Fed said" after a quotation speaks, though
// the tagger reads "Fed" as an adjective; the kb knows the short name.
func TestTagMisreadNameSpeaks(t *testing.T) {
	text := "The Federal Reserve left rates unchanged.\n\n\"The risks of higher unemployment appear to have risen,\" the Fed said in its statement."
	res := extracted(t, article.Article{Text: text, Published: "2025-05-14"})
	for _, q := range res.Quotes {
		if strings.Contains(q.Content.Text, "risks of higher") {
			if q.Speaker == nil || q.Speaker.Text != "the Fed" {
				t.Errorf("speaker %+v, want the Fed", q.Speaker)
			}
			if e := entityNamed(res, "Federal Reserve"); e == nil || len(e.Mentions) < 2 {
				t.Errorf("the Fed is not a mention of the Federal Reserve: %+v", e)
			}
			return
		}
	}
	t.Errorf("no quote for the Fed's statement: %+v", res.Quotes)
}

// TestVerbalAttack: an attack with a reason or a medium is criticism
// (111); an attack for a time is force.
func TestVerbalAttack(t *testing.T) {
	cases := []struct{ text, code string }{
		{"Trump has repeatedly attacked Powell for not cutting interest rates.", "111"},
		{"The Brazilian senator attacked the governor in a speech on Tuesday.", "111"},
		{"Syrian rebels attacked the army base for hours on Tuesday.", "190"},
	}
	for _, c := range cases {
		var got []string
		for _, ev := range eventsOf(t, c.text, "2025-05-14") {
			if ev.Action.Text == "attacked" || strings.HasPrefix(ev.Action.Text, "attacked") {
				got = append(got, ev.CAMEO)
			}
		}
		if len(got) != 1 || got[0] != c.code {
			t.Errorf("%q: attack coded %v, want %s", c.text, got, c.code)
		}
	}
}

// TestDeclineToRespond: declining to respond is declining comment (011),
// not a rejection.
func TestDeclineToRespond(t *testing.T) {
	evs := eventsOf(t, "The Brazilian minister declined to respond to the allegations on Monday.", "2025-05-14")
	if len(evs) != 1 || evs[0].CAMEO != "011" {
		t.Errorf("events %+v, want one 011", evs)
	}
}

// TestPronounContinuesSubject: "He" opening a sentence is the previous
// sentence's subject, not the last person named in it.
func TestPronounContinuesSubject(t *testing.T) {
	text := "Istanbul Mayor Ekrem Imamoglu, the main rival of President Recep Tayyip Erdogan, was detained on Wednesday. He denies the charges."
	res := extracted(t, article.Article{Text: text, Published: "2025-03-23"})
	for _, q := range res.Quotes {
		if q.Speaker != nil && q.Speaker.Text == "He" {
			if q.SpeakerEntity == "" {
				t.Fatalf("He has no speaker entity")
			}
			for _, e := range res.Entities {
				if e.ID == q.SpeakerEntity && e.Name != "Ekrem Imamoglu" {
					t.Errorf("He is %s, want Ekrem Imamoglu", e.Name)
				}
			}
			return
		}
	}
	t.Errorf("no quote spoken by He: %+v", res.Quotes)
}

// TestOrderedCoercion: "ordered X detained" is the coercion, done by the
// one who ordered it, with X its target; no demand, no second event.
func TestOrderedCoercion(t *testing.T) {
	evs := eventsOf(t, "A Russian court ordered the American journalist detained for two months.", "2025-03-23")
	if len(evs) != 1 {
		t.Fatalf("%d events, want one: %+v", len(evs), evs)
	}
	ev := evs[0]
	if ev.CAMEO[:2] != "17" || ev.Modality != record.ModalityActual || ev.Source == nil || ev.Source.Code != "RUSJUD" {
		t.Errorf("event %s %s from %+v, want a 17x coercion by RUSJUD, actual", ev.CAMEO, ev.Modality, ev.Source)
	}
	if ev.Target == nil || !strings.HasPrefix(ev.Target.Code, "USA") {
		t.Errorf("target %+v, want the American journalist", ev.Target)
	}
}

// TestCapitalPlacesAThing: a capital's name before "park" or "suburb"
// places the thing; the event's target is not the government.
func TestCapitalPlacesAThing(t *testing.T) {
	evs := eventsOf(t, "Vadim Krasikov, a Russian, was serving a life sentence in Germany for the 2019 killing of a dissident in a Berlin park.", "2024-08-01")
	if len(evs) == 0 {
		t.Fatal("no event for the killing")
	}
	for _, ev := range evs {
		if ev.Target != nil && strings.HasSuffix(ev.Target.Code, "GOV") {
			t.Errorf("event %s targets %s (%q), want the dissident", ev.CAMEO, ev.Target.Code, ev.Target.Name)
		}
	}
}

// TestCapitalModifierIsPlace: "raided a Moscow nightclub" targets
// Russian civilians, not the government Moscow stands for elsewhere.
func TestCapitalModifierIsPlace(t *testing.T) {
	evs := eventsOf(t, "Russian police raided a Moscow nightclub on Sunday.", "2024-08-01")
	if len(evs) != 1 || evs[0].Target == nil || evs[0].Target.Code != "RUSCVL" {
		t.Errorf("events %+v, want one targeting RUSCVL", evs)
	}
}

// TestTheWestIsABloc: "the West" alone is a bloc of countries, neither a
// place nor an entity (it was Cameroon's West region); "West Bank" and
// "the West Bank" stay places.
func TestTheWestIsABloc(t *testing.T) {
	res := extracted(t, article.Article{Text: "Sixteen people were flown from Russia to the West, while eight Russians were sent back. Settlers attacked a village in the West Bank.", Published: "2024-08-01"})
	if p := placeByMention(res, "West"); p != nil {
		t.Errorf("the West resolved to %s %s", p.Name, p.CountryCode)
	}
	if e := entityNamed(res, "West"); e != nil {
		t.Errorf("the West is an entity coded %q", e.Code)
	}
	if p := placeByMention(res, "West Bank"); p == nil {
		t.Error("the West Bank is no place")
	}
}

// TestTitledNameRunsOn: a title inside a person span is cut and a proper
// noun the recogniser left out after it joins the name ("U.S. Marine Paul
// | Whelan"); a lower-case role noun between a body and a name gives the
// person the body's code ("Reuters reporter X").
func TestTitledNameRunsOn(t *testing.T) {
	res := extracted(t, article.Article{Text: "Wall Street Journal reporter Evan Gershkovich and former U.S. Marine Paul Whelan were among those released by Moscow.", Published: "2024-08-01"})
	if entityNamed(res, "Paul Whelan") == nil {
		var names []string
		for _, e := range res.Entities {
			names = append(names, e.Name)
		}
		t.Errorf("no Paul Whelan among %q", names)
	}
	wantEntityCode(t, res, "Evan Gershkovich", "USAMED")
}

// TestRelativeClauseIsNoContent: a "that" after "and" further on is
// another clause of the sentence, not the complement of a cue before it.
func TestRelativeClauseIsNoContent(t *testing.T) {
	for _, text := range []string{
		"A court ordered the mayor jailed, a move that his party called a coup against the next president and that set off the biggest protests in a decade.",
	} {
		for _, q := range Quotes(fullDoc(t, text), "a") {
			if strings.HasPrefix(q.Content.Text, "that set off") {
				t.Errorf("%q: quote %q (cue %q)", text, q.Content.Text, q.Cue.Text)
			}
		}
	}
}

// TestOneQuotePerContent: "said in a statement that …" is one report,
// not one for "said" and another for "statement".
func TestOneQuotePerContent(t *testing.T) {
	text := "Hamas said in a statement that it had responded positively to the latest proposal, which calls for a 60-day truce during which 10 living hostages would be released."
	qs := Quotes(fullDoc(t, text), "a")
	n := 0
	for _, q := range qs {
		if strings.HasPrefix(q.Content.Text, "that it had responded") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d quotes of Hamas's statement, want 1: %+v", n, qs)
	}
	// The proposal, not "which", claims the hostages' count.
	for _, c := range claimsIn(t, text) {
		if c.Value == 10 && c.ClaimedBy != "the latest proposal" {
			t.Errorf("10 hostages claimed by %q, want the latest proposal", c.ClaimedBy)
		}
	}
}

// TestReleasingInformation: results, reports and evidence released or
// offered are no concession or offer; prisoners released still are.
func TestReleasingInformation(t *testing.T) {
	for _, text := range []string{
		"Moldova's pro-Western party won, according to near-complete results released by Russian media on Monday.",
		"The Russian defence ministry released a video of the strike.",
		"Igor Dodon, a former Moldovan president, claimed the vote had been rigged. He offered no evidence.",
	} {
		for _, ev := range eventsOf(t, text, "2025-09-29") {
			if ev.CAMEO == "084" || strings.HasPrefix(ev.CAMEO, "03") {
				t.Errorf("%q: event %s on %q", text, ev.CAMEO, ev.Action.Text)
			}
		}
	}
	evs := eventsOf(t, "Moldova released two Russian prisoners on Monday.", "2025-09-29")
	if len(evs) != 1 || evs[0].CAMEO != "084" {
		t.Errorf("prisoners released: events %+v, want one 084", evs)
	}
}

// TestExchangeFire: troops that exchange fire fight each other (190).
func TestExchangeFire(t *testing.T) {
	evs := eventsOf(t, "Indian troops exchanged fire with Pakistani soldiers on Friday.", "2025-04-26")
	if len(evs) == 0 || evs[0].CAMEO != "190" || evs[0].Source == nil || evs[0].Source.Code != "INDMIL" {
		t.Errorf("events %+v, want 190 from INDMIL", evs)
	}
}

// TestEnvoyActsForSender: a representative or ambassador "to" a court, a
// body or a state acts for whoever sent them.
func TestEnvoyActsForSender(t *testing.T) {
	res := extracted(t, article.Article{Text: "The International Court of Justice ruled on Thursday. Armenia's representative to the court, Arman Petrosyan, told reporters that the ruling was important. The Kenyan ambassador to the United Nations, Jane Muthoni, said the vote was a mistake.", Published: "2023-11-16"})
	wantEntityCode(t, res, "Arman Petrosyan", "ARMGOV")
	wantEntityCode(t, res, "Jane Muthoni", "KENGOV")
}

// TestObjectPronounTakesObject: "urged it" after "thanked the EU" is the
// EU, not the previous sentence's actor.
func TestObjectPronounTakesObject(t *testing.T) {
	evs := eventsOf(t, "The Kremlin dismissed the package. Ukraine's President Volodymyr Zelenskyy thanked the EU but urged it to go further.", "2025-05-14")
	found := false
	for _, ev := range evs {
		if ev.Action.Text == "urged" {
			found = true
			if ev.Target == nil || ev.Target.Code != "IGOEEC" {
				t.Errorf("urged it: target %+v, want IGOEEC", ev.Target)
			}
		}
	}
	if !found {
		t.Errorf("no event for urged: %+v", evs)
	}
}

// TestPossessorIsNoSubject: when the parser gives a verb two subjects, a
// possessor ("Qatar's") and the titled name after it, the name acts.
func TestPossessorIsNoSubject(t *testing.T) {
	evs := extracted(t, article.Article{Text: "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said the talks had reached a critical stage and urged both sides to show flexibility.", Published: "2025-07-06"}).Events
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	for _, ev := range evs {
		if ev.Source == nil || ev.Source.Code != "QATGOV" {
			t.Errorf("event %s from %+v, want QATGOV", ev.CAMEO, ev.Source)
		}
	}
}

// TestWritersClauseAfterAttribution: ", X said, while …" ends what X said
// before the attribution; the "while" clause is the writer's own.
func TestWritersClauseAfterAttribution(t *testing.T) {
	text := "Unemployment rose to 4.2% in April, the Labor Department said, while employers added 177,000 jobs."
	qs := Quotes(fullDoc(t, text), "a")
	if len(qs) != 1 || qs[0].Content.Text != "Unemployment rose to 4.2% in April" {
		t.Errorf("quotes %+v, want one of \"Unemployment rose to 4.2%% in April\"", qs)
	}
}

// TestOfferedNoEvidence: "offered no evidence" is the writer's remark on
// what is missing, not an offer quoted from the source; a real offer
// still is.
func TestOfferedNoEvidence(t *testing.T) {
	if qs := Quotes(fullDoc(t, "Igor Dodon claimed the vote had been rigged. He offered no evidence."), "a"); len(qs) != 1 {
		t.Errorf("quotes %+v, want only the claim", qs)
	}
	if qs := Quotes(fullDoc(t, "The government offered talks to the separatists."), "a"); len(qs) != 1 {
		t.Errorf("quotes %+v, want the offer", qs)
	}
}
