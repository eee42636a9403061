package extract

import (
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

// Tests from the fifteenth session's read-by-hand round: texts written
// for the purpose.

// TestConvertedAmountKeepsQualifier: an amount in brackets converting an
// estimate is an estimate too; a converted exact amount stays exact.
func TestConvertedAmountKeepsQualifier(t *testing.T) {
	cs := claimsIn(t, "The fund holds about 90 billion euros ($97 billion) in frozen assets.")
	if len(cs) != 2 {
		t.Fatalf("claims %+v, want two", cs)
	}
	for _, c := range cs {
		if c.Qualifier != record.QualAbout {
			t.Errorf("%q: qualifier %s, want about", c.Evidence.Text, c.Qualifier)
		}
	}
	cs = claimsIn(t, "The fund paid 90 million euros ($97 million) to the families.")
	for _, c := range cs {
		if c.Qualifier != record.QualExact {
			t.Errorf("%q: qualifier %s, want exact", c.Evidence.Text, c.Qualifier)
		}
	}
}

// TestCountedVerbAfterBrackets: the verb that says what befell the people
// counted may follow a bracketed aside.
func TestCountedVerbAfterBrackets(t *testing.T) {
	cs := claimsIn(t, "Nearly 3,000 residents (about a third of the town) fled after the dam failed.")
	if len(cs) == 0 {
		t.Fatal("no claim")
	}
	if cs[0].Counted != "displaced" {
		t.Errorf("%q counted %s, want displaced", cs[0].Evidence.Text, cs[0].Counted)
	}
}

// TestLabourStrikeAgainstCompany: workers' strikes are protests (143),
// also when aimed at a named company or held at a place; a strike by an
// army stays force.
func TestLabourStrikeAgainstCompany(t *testing.T) {
	for _, text := range []string{
		"MADRID, May 3 - Spanish dock workers launched a strike against Maersk and MSC on Monday.",
		"Dock workers strike at four Spanish ports\n\nMADRID, May 3 - The walkout began on Monday.",
	} {
		ev := eventByAction(eventsOf(t, text, "2024-05-03"), "strike")
		if ev == nil {
			t.Errorf("%q: no strike event", text)
			continue
		}
		if ev.CAMEO != "143" {
			t.Errorf("%q: strike coded %s, want 143", text, ev.CAMEO)
		}
	}
	ev := eventByAction(eventsOf(t, "Israeli jets launched a strike against Hezbollah in southern Lebanon on Tuesday.", "2024-05-03"), "strike")
	if ev == nil || ev.CAMEO[:2] != "19" {
		t.Errorf("an air force's strike: %+v, want force (19x)", ev)
	}
}

// TestWithoutSayingIsNoQuote: a speech verb under "without" reports that
// nothing was said; the accusation before it stays a quote.
func TestWithoutSayingIsNoQuote(t *testing.T) {
	res := extracted(t, article.Article{Text: "The opposition party accused the commission of rigging the vote count, without offering evidence.", Published: "2024-06-01"})
	accused := false
	for _, q := range res.Quotes {
		if q.Cue.Text == "offering" || q.Content.Text == "evidence" {
			t.Errorf("quote %q cued by %q", q.Content.Text, q.Cue.Text)
		}
		accused = accused || q.Cue.Text == "accused"
	}
	if !accused {
		t.Errorf("the accusation is no longer a quote: %+v", res.Quotes)
	}
}

// TestNothingReportedIsNoQuote: "No deaths have been reported" says
// nothing was reported; "Two deaths have been reported" is a report.
func TestNothingReportedIsNoQuote(t *testing.T) {
	res := extracted(t, article.Article{Text: "Fires burned across the province. No deaths have been reported.", Published: "2024-05-07"})
	for _, q := range res.Quotes {
		t.Errorf("quote %q cued by %q", q.Content.Text, q.Cue.Text)
	}
	res = extracted(t, article.Article{Text: "Fires burned across the province. Two deaths have been reported.", Published: "2024-05-07"})
	if len(res.Quotes) != 1 {
		t.Errorf("quotes %+v, want the reported deaths", res.Quotes)
	}
}

// TestOuterReportOfAPromise: "X said Y had promised to Z" is X's report;
// the promise found first must not hide it.
func TestOuterReportOfAPromise(t *testing.T) {
	res := extracted(t, article.Article{Text: "Egypt and Qatar, which mediated the deal, said Hamas had promised to release the hostage next week.", Published: "2025-01-25"})
	if len(res.Quotes) != 1 || res.Quotes[0].Cue.Text != "said" || res.Quotes[0].SpeakerName != "Egypt" {
		t.Errorf("quotes %+v, want Egypt's report cued by said", res.Quotes)
	}
}

// TestDrownedAndLeftHomes: drowning kills; people ordered to leave their
// homes are evacuated, people who left them displaced.
func TestDrownedAndLeftHomes(t *testing.T) {
	cases := []struct{ text, want string }{
		{"At least 40 people drowned when the ferry sank.", "killed"},
		{"More than 9,000 people have been ordered to leave their homes, officials said.", "evacuated"},
		{"About 2,000 families were forced from their homes by the floods.", "displaced"},
		{"Nearly 5,000 residents have left their homes since the shelling began.", "displaced"},
	}
	for _, c := range cases {
		cs := claimsIn(t, c.text)
		if len(cs) != 1 || cs[0].Counted != c.want {
			t.Errorf("%q: claims %+v, want one counting %s", c.text, cs, c.want)
		}
	}
}

// TestModalDemandBelongsToTheSpeaker: "X must do Y, Z said" is Z's
// demand on X, also when the parse does not hang the clause on "said";
// "X must do Y" in the writer's voice is no actor's demand.
func TestModalDemandBelongsToTheSpeaker(t *testing.T) {
	ev := eventByAction(eventsOf(t, "Israel must withdraw from Gaza, Egypt's foreign minister said on Monday.", "2024-06-03"), "withdraw")
	if ev == nil || ev.Source == nil || ev.Target == nil {
		t.Fatalf("withdraw: %+v, want Egypt's demand on Israel", ev)
	}
	if actorCode(ev.Source)[:3] != "EGY" || actorCode(ev.Target) != "ISR" {
		t.Errorf("withdraw coded %s→%s, want EGY…→ISR", actorCode(ev.Source), actorCode(ev.Target))
	}
	text := "JOHANNESBURG, June 1 - South Africa's parliament must meet within 14 days to elect a president."
	if ev := eventByAction(eventsOf(t, text, "2024-06-01"), "meet"); ev != nil {
		t.Errorf("an obligation in the writer's voice coded %s %s→%s", ev.CAMEO, actorCode(ev.Source), actorCode(ev.Target))
	}
}

// TestPoliticalAttackIsCriticism: a politician's or a party's attack on a
// person is criticism (111); an army's attack stays force.
func TestPoliticalAttackIsCriticism(t *testing.T) {
	text := "WASHINGTON, May 2 - Senator Elizabeth Warren attacked Treasury Secretary Scott Bessent on Tuesday."
	ev := eventByAction(extracted(t, article.Article{Text: text, Published: "2025-05-02"}).Events, "attacked")
	if ev == nil || ev.CAMEO != "111" {
		t.Errorf("a senator's attack on a minister: %+v, want 111", ev)
	}
	text = "KYIV, May 2 - Russian troops attacked the Ukrainian town of Vovchansk on Tuesday."
	ev = eventByAction(extracted(t, article.Article{Text: text, Published: "2025-05-02"}).Events, "attacked")
	if ev == nil || ev.CAMEO[:2] != "19" {
		t.Errorf("troops' attack on a town: %+v, want force (19x)", ev)
	}
}

// TestPersonsPartyIsTheParty: "Zuma's party" acts as a party of the
// person's country, not as the person.
func TestPersonsPartyIsTheParty(t *testing.T) {
	text := "Former South African president Jacob Zuma's new party came third in the election.\nZuma's party said it would challenge the results in court and accused the commission of rigging the count."
	ev := eventByAction(extracted(t, article.Article{Text: text, Published: "2024-06-01"}).Events, "accused")
	if ev == nil || actorCode(ev.Source) != "ZAFPTY" {
		t.Errorf("the party's accusation: %+v (source %s %+v), want ZAFPTY", ev, actorCode(ev.Source), ev.Source)
	}
}

// TestTwoWordDemonymBeforeRole: "Sri Lankan" before a role gives the
// country, not nothing.
func TestTwoWordDemonymBeforeRole(t *testing.T) {
	res := extracted(t, article.Article{Text: "Sri Lankan Foreign Minister Kamal Perera criticised the plan on Monday.", Published: "2024-06-01"})
	for _, e := range res.Entities {
		if e.Name == "Kamal Perera" {
			if len(e.Code) < 3 || e.Code[:3] != "LKA" {
				t.Errorf("Kamal Perera coded %q, want LKA…", e.Code)
			}
			return
		}
	}
	t.Errorf("no entity for the minister: %+v", res.Entities)
}

// TestPassiveWithoutNounSubject: a passive cue whose parsed subject is
// an adverb ("more") gives no quote, and the report around it stays
// whole.
func TestPassiveWithoutNounSubject(t *testing.T) {
	text := "At least 60 people drowned and hundreds more were feared missing after a fishing boat packed with migrants capsized off southern Italy early on Friday, the coast guard said."
	res := extracted(t, article.Article{Text: text, Published: "2024-06-16"})
	for _, q := range res.Quotes {
		if q.Content.Text == "more" || q.Content.Text == "missing" {
			t.Errorf("quote %q cued by %q", q.Content.Text, q.Cue.Text)
		}
	}
}

// TestOneEventPerAction: a refusal of "offers of assistance" is one
// event, not one per noun the lexicon knows.
func TestOneEventPerAction(t *testing.T) {
	text := "ATHENS, June 14 - A coast guard spokesman said the passengers had refused offers of assistance on Tuesday because they wanted to reach Italy."
	n := 0
	for _, ev := range extracted(t, article.Article{Text: text, Published: "2024-06-14"}).Events {
		if strings.Contains(ev.Action.Text, "refused") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d events for one refusal, want 1", n)
	}
}

// TestHeldAreFreedNotFreeing: "Of the 200 prisoners freed, …" (parsed as
// the prisoners freeing) is no release by the prisoners.
func TestHeldAreFreedNotFreeing(t *testing.T) {
	text := "GAZA, Jan 25 - Israel freed 150 Palestinian prisoners on Saturday. Of the 150 prisoners freed, 40 were deported to Turkey, the prisoners' office said."
	for _, ev := range extracted(t, article.Article{Text: text, Published: "2025-01-25"}).Events {
		if ev.Action.Text == "freed" && strings.HasSuffix(actorCode(ev.Source), "CRM") {
			t.Errorf("release coded %s→%s: the prisoners freeing", actorCode(ev.Source), actorCode(ev.Target))
		}
	}
}

// TestDestinationIsNoTarget: where the deported are sent is not the
// target of the deportation.
func TestDestinationIsNoTarget(t *testing.T) {
	text := "GAZA, Jan 25 - Israel freed 150 Palestinian prisoners on Saturday. Of the 150 prisoners freed, 40 were deported to Turkey, the prisoners' office said."
	for _, ev := range extracted(t, article.Article{Text: text, Published: "2025-01-25"}).Events {
		if ev.Action.Text == "deported" && actorCode(ev.Target) == "TUR" {
			t.Errorf("deportation targets the destination: %s→%s", actorCode(ev.Source), actorCode(ev.Target))
		}
	}
}
