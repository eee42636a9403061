package extract

import (
	"testing"

	"dateline/article"
	"dateline/record"
)

// Tests from the fourteenth session's read-by-hand round (sanctions,
// trade disputes, cyberattacks): texts written for the purpose.

// eventByAction returns the first event whose action is the given text.
func eventByAction(evs []record.Event, action string) *record.Event {
	for i := range evs {
		if evs[i].Action.Text == action {
			return &evs[i]
		}
	}
	return nil
}

// TestHyphenatedCompanyActor: a company written with a hyphen is coded as
// the company, though the tagger splits it and its first part is a town
// (Mercedes, Argentina).
func TestHyphenatedCompanyActor(t *testing.T) {
	res := extracted(t, article.Article{Text: "Volkswagen, BMW and Mercedes-Benz opposed the duties on Friday.", Published: "2024-07-05"})
	if len(res.Events) == 0 {
		t.Fatal("no event for the carmakers' opposition")
	}
	for _, ev := range res.Events {
		if c := actorCode(ev.Source); c != "DEUBUS" {
			t.Errorf("event %s %q: source %s (%+v), want DEUBUS", ev.CAMEO, ev.Action.Text, c, ev.Source)
		}
	}
}

// TestHelpingItsOwnIsNoEvent: funding or defending one's own things is no
// interaction between actors; funding another is aid.
func TestHelpingItsOwnIsNoEvent(t *testing.T) {
	if ev := eventByAction(eventsOf(t, "Iran relies on a fleet of old tankers to fund its activities.", "2024-03-14"), "fund"); ev != nil {
		t.Errorf("funding its own activities coded %s %s→%s", ev.CAMEO, actorCode(ev.Source), actorCode(ev.Target))
	}
	if ev := eventByAction(eventsOf(t, "The European Union will fund Ukraine's army next year.", "2024-03-14"), "fund"); ev == nil {
		t.Error("funding another country's army gave no event")
	}
}

// TestUncodedSubjectTakesNoNameBefore: a verb whose subject is a plain
// noun ("Hackers") is not given a country named before it in the
// sentence, while a subject that holds a name keeps the nearby actor.
func TestUncodedSubjectTakesNoNameBefore(t *testing.T) {
	text := "Hackers stole the data of millions of customers of Medibank, Australia's largest health insurer, and demanded a ransom."
	if ev := eventByAction(eventsOf(t, text, "2024-11-07"), "demanded"); ev != nil && actorCode(ev.Source) == "AUS" {
		t.Errorf("the hackers' demand is coded as Australia's: %s→%s", actorCode(ev.Source), actorCode(ev.Target))
	}
}

// TestCyberAttackTakenUp: "the attack" after a sentence about hackers is
// the intrusion (171), and a passive's agent placed by "based in" is its
// source.
func TestCyberAttackTakenUp(t *testing.T) {
	text := "Hackers stole the personal data of nine million customers of an insurer. Police said the attack was carried out by a group based in Russia."
	ev := eventByAction(eventsOf(t, text, "2024-11-07"), "attack")
	if ev == nil {
		t.Fatal("no event for the attack")
	}
	if ev.CAMEO != cyberCode {
		t.Errorf("the attack coded %s, want %s (an intrusion)", ev.CAMEO, cyberCode)
	}
	if c := actorCode(ev.Source); c != "RUS" {
		t.Errorf("the attack's source %s, want RUS (the group based in Russia)", c)
	}
	if c := actorCode(ev.Target); c == "RUS" {
		t.Error("Russia, where the group is based, is the attack's target")
	}
}

// TestUnknownPlaceNamedAsOrg: a name the gazetteer lacks, read once as a
// location and once as a body, is the body: one organisation entity and
// no place record near another.
func TestUnknownPlaceNamedAsOrg(t *testing.T) {
	text := "Hackers stole the data of nine million customers of Zentrava, Australia's largest health insurer. Zentrava chief executive Tom Hale said the company would not pay. Shares in Zentrava fell 18% on Monday."
	res := extracted(t, article.Article{Text: text, Published: "2024-11-07"})
	kinds := map[string]bool{}
	for _, e := range res.Entities {
		if e.Name == "Zentrava" {
			kinds[e.Kind] = true
		}
	}
	if !kinds[record.KindOrg] || kinds[record.KindPlace] {
		t.Errorf("Zentrava entities of kinds %v, want one organisation", kinds)
	}
	for _, p := range res.Places {
		if p.Evidence.Text == "Zentrava" {
			t.Errorf("a place record for the insurer: %+v", p)
		}
	}
}

// TestRoleOfTwoWordCountry: "Saudi Arabia's energy minister X" is a Saudi
// official, though the article names Russia more often.
func TestRoleOfTwoWordCountry(t *testing.T) {
	text := "Russia and Russian officials backed the deal. Moscow said Russia would comply. Saudi Arabia's energy minister Prince Faisal bin Nawaf told a news conference that the group would stay cautious."
	res := extracted(t, article.Article{Text: text, Published: "2024-06-02"})
	e := entityNamed(res, "Prince Faisal bin Nawaf")
	if e == nil {
		e = entityNamed(res, "Faisal bin Nawaf")
	}
	if e == nil {
		t.Fatalf("no entity for the minister: %+v", res.Entities)
	}
	if e.Code != "SAUGOV" {
		t.Errorf("the Saudi energy minister coded %s (%+v), want SAUGOV", e.Code, e.CodeWhy)
	}
}

// TestMarketDemandIsNoEvent: demand in the market's sense is no demand
// put to anyone; a demand an actor makes stays one.
func TestMarketDemandIsNoEvent(t *testing.T) {
	for _, text := range []string{
		"OPEC agreed on Sunday to extend its cuts as the group seeks to shore up the market amid tepid demand growth.",
		"OPEC cut output because demand fell in China.",
	} {
		if ev := eventByAction(eventsOf(t, text, "2024-06-02"), "demand"); ev != nil {
			t.Errorf("%q: market demand coded %s %s→%s", text, ev.CAMEO, actorCode(ev.Source), actorCode(ev.Target))
		}
	}
	if ev := eventByAction(eventsOf(t, "Hamas repeated its demand that Israel release the prisoners.", "2024-06-02"), "demand"); ev == nil {
		t.Error("the union's demand gave no event")
	}
}

// TestTariffEvents: tariffs imposed with a percentage between the words,
// with "imposing" read by the tagger as an adjective, and "by" naming how
// the subject acted, are sanctions by that subject.
func TestTariffEvents(t *testing.T) {
	cases := []struct{ text, src, tgt string }{
		{"Washington imposes 25% tariffs on Canada.", "USA", "CAN"},
		{"China also retaliated, imposing tariffs of up to 15% on U.S. farm products.", "CHN", "USA"},
		{"China retaliated on Tuesday by imposing tariffs on U.S. farm products.", "CHN", "USA"},
	}
	for _, c := range cases {
		var got []string
		found := false
		for _, ev := range eventsOf(t, c.text, "2025-03-04") {
			got = append(got, ev.CAMEO+" "+actorCode(ev.Source)+"→"+actorCode(ev.Target))
			if ev.CAMEO == "163" && len(actorCode(ev.Source)) >= 3 && actorCode(ev.Source)[:3] == c.src && actorCode(ev.Target) == c.tgt {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: events %v, want 163 %s→%s", c.text, got, c.src, c.tgt)
		}
	}
	for _, ev := range eventsOf(t, "The imposing building was sold to a bank.", "2025-03-04") {
		t.Errorf("an imposing building coded %s", ev.CAMEO)
	}
}

// TestDollarOfCountry: "C$155 billion" is Canadian dollars, and the
// evidence holds the whole amount.
func TestDollarOfCountry(t *testing.T) {
	cs := claimsIn(t, "Canada will impose tariffs on C$155 billion of U.S. goods, officials said.")
	if len(cs) != 1 {
		t.Fatalf("claims %+v, want one", cs)
	}
	if cs[0].Unit != "C$" || cs[0].Evidence.Text != "C$155 billion" {
		t.Errorf("unit %q, evidence %q; want C$ and \"C$155 billion\"", cs[0].Unit, cs[0].Evidence.Text)
	}
}
