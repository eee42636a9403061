package extract

import (
	"testing"

	"dateline/nlp"
	"dateline/record"
)

func TestClaimPatterns(t *testing.T) {
	cases := []struct {
		text      string
		value     float64
		low, high float64
		qual      string
		counted   string
		unit, of  string
	}{
		{"At least 12 people were killed in the blast.", 12, 0, 0, record.QualAtLeast, "killed", "people", ""},
		{"The attack wounded 85 people.", 85, 0, 0, record.QualExact, "injured", "people", ""},
		{"More than 50 soldiers were captured.", 50, 0, 0, record.QualOver, "troops", "soldiers", ""},
		{"Nearly 300 families have fled.", 300, 0, 0, record.QualAbout, "displaced", "families", ""},
		{"The city's 1.4 million residents lost power.", 1.4e6, 0, 0, record.QualExact, "population", "residents", ""},
		{"They fired thousands of rockets.", 1000, 0, 0, record.QualVague, "weapons", "rockets", ""},
		{"Donors gave $2 billion.", 2e9, 0, 0, record.QualExact, "money", "$", ""},
		{"Between 10 and 20 hostages remain.", 10, 10, 20, record.QualRange, "hostages", "hostages", ""},
		{"The raid left 10 to 15 fighters dead.", 10, 10, 15, record.QualRange, "killed", "fighters", ""},
		{"Up to 5,000 people were evacuated.", 5000, 0, 0, record.QualUpTo, "evacuated", "people", ""},
		{"Twenty-five journalists were arrested.", 25, 0, 0, record.QualExact, "arrested", "journalists", ""},
		{"A dozen drones were launched.", 12, 0, 0, record.QualExact, "weapons", "drones", ""},
		{"The storm forced half a million people to flee.", 5e5, 0, 0, record.QualExact, "displaced", "people", ""},
		{"Dozens of people are missing.", 12, 0, 0, record.QualVague, "missing", "people", ""},
		{"Fewer than 40 residents of Tyre stayed.", 40, 0, 0, record.QualUnder, "population", "residents", "Tyre"},
		{"No more than 30 trucks of aid crossed.", 30, 0, 0, record.QualAtMost, "aid", "trucks", ""},
		{"The raid left 12-15 fighters dead.", 12, 12, 15, record.QualRange, "killed", "fighters", ""},
		{"The navy deployed eight helicopters to the island.", 8, 0, 0, record.QualExact, "weapons", "helicopters", ""},
		{"The death toll from the floods in the northern hills climbed to 41 by nightfall.", 41, 0, 0, record.QualExact, "killed", "", ""},
	}
	for _, c := range cases {
		got := Claims(nlp.NewDoc(c.text), "a", nil)
		if len(got) != 1 {
			t.Errorf("%q: %d claims %+v, want 1", c.text, len(got), got)
			continue
		}
		g := got[0]
		if g.Value != c.value || g.Qualifier != c.qual || g.Counted != c.counted || g.Unit != c.unit || g.Of != c.of {
			t.Errorf("%q: got %v %s %s unit=%q of=%q, want %v %s %s unit=%q of=%q", c.text,
				g.Value, g.Qualifier, g.Counted, g.Unit, g.Of, c.value, c.qual, c.counted, c.unit, c.of)
		}
		if c.low != 0 && (g.Low == nil || g.High == nil || *g.Low != c.low || *g.High != c.high) {
			t.Errorf("%q: range %v-%v, want %v-%v", c.text, g.Low, g.High, c.low, c.high)
		}
		if g.ClaimedBy != "the outlet" || g.Evidence.Rule == "" {
			t.Errorf("%q: claimant %q rule %q", c.text, g.ClaimedBy, g.Evidence.Rule)
		}
	}
}

func TestClaimSkipsNonCounts(t *testing.T) {
	for _, text := range []string{
		"The agreement was signed in 2015.",
		"The 42-year-old driver was detained.",
		"The mayor, 61, resigned on Oct. 3.",
		"Turnout was 58 percent.",
		"Call 555-0199 for details.",
		"She came second in the 2019 race.",
		"The meeting starts at 9:30 a.m.",
		"He served two terms.",
		"He lived at 100 Haven Avenue with his family.",
		"Protesters gathered outside 10 Downing Street on Friday.",
		"The council received the 95-page report on Wednesday.",
		"The poll gave him an 18-point lead and a +12 point jump.",
		"About two-thirds of the delegates are bound.",
		"Nearly four in 10 likely voters backed him, and eight out of 10 Democrats.",
		"The judge died four days later.",
		"Warming must stay below 3.6 degrees Fahrenheit.",
		"A magnitude 5.9 tremor shook the coast overnight.",
	} {
		if got := Claims(nlp.NewDoc(text), "a", nil); len(got) != 0 {
			t.Errorf("%q: got %+v", text, got)
		}
	}
}

func TestClaimPartsAndConsistency(t *testing.T) {
	text := "Officials said 100 people were killed, including 70 civilians and 40 soldiers."
	doc := nlp.NewDoc(text)
	got := Claims(doc, "a", Quotes(doc, "a"))
	if len(got) != 3 {
		t.Fatalf("got %d claims: %+v", len(got), got)
	}
	whole := got[0]
	if whole.Value != 100 || whole.Consistency != "parts exceed whole by 10" {
		t.Errorf("whole = %+v", whole)
	}
	for _, p := range got[1:] {
		if p.PartOf != whole.ID || p.Counted != "killed" {
			t.Errorf("part = %+v", p)
		}
	}
	if whole.ClaimedBy != "Officials" {
		t.Errorf("claimed by %q, want Officials", whole.ClaimedBy)
	}
}

func TestClaimQuotedSpeaker(t *testing.T) {
	text := `"We have lost at least 40 fighters," commander Yusuf Amin said.`
	doc := nlp.NewDoc(text)
	got := Claims(doc, "a", Quotes(doc, "a"))
	if len(got) != 1 || got[0].ClaimedBy != "Yusuf Amin" {
		t.Fatalf("got %+v", got)
	}
}

// A clock time after a preposition ("from 9 p.m.") is no count.
func TestClaimClockTimeIsNoCount(t *testing.T) {
	text := "Shops must shut from 9 p.m. to 6 a.m. in the capital."
	if got := Claims(annotate(t, text), "a", nil); len(got) != 0 {
		t.Errorf("%q: got %+v", text, got)
	}
}

// TestClaimPeopleWithInjuries counts people who "had" or "suffered"
// injuries as injured, with or without a noun after the number.
func TestClaimPeopleWithInjuries(t *testing.T) {
	text := "Medics said 120 protesters had bullet wounds and 35 suffered burns."
	cs := Claims(nlp.NewDoc(text), "a", nil)
	got := map[float64]string{}
	for _, c := range cs {
		got[c.Value] = c.Counted
	}
	if got[120] != "injured" || got[35] != "injured" {
		t.Errorf("claims %+v, want 120 and 35 injured", got)
	}
}

// A casualty verb before "and" belongs to the other clause: "were hurt and
// 60 homes burned" counts homes, not the hurt.
func TestClaimVerbStopsAtAnd(t *testing.T) {
	for _, c := range Claims(nlp.NewDoc("Dozens of people were hurt and at least 60 homes burned down."), "a", nil) {
		if c.Unit == "homes" && c.Counted != "other" {
			t.Errorf("60 homes counted as %q, want other", c.Counted)
		}
	}
}

// "fired 60 shells and three rockets, of which 45 shells hit": the parts
// belong to the earlier claim counting the same things; "over" after a
// noun places it and qualifies no number.
func TestClaimPartOfSameUnitAndSpatialOver(t *testing.T) {
	cs := Claims(annotate(t, "The army said the rebels fired 60 shells and three rockets overnight, of which 45 shells were intercepted."), "a", nil)
	var whole, part record.Claim
	for _, c := range cs {
		switch c.Value {
		case 60:
			whole = c
		case 45:
			part = c
		}
	}
	if whole.ID == "" || part.PartOf != whole.ID {
		t.Errorf("45 shells part of %q, want the 60 shells %q (claims %+v)", part.PartOf, whole.ID, cs)
	}
	for _, c := range Claims(annotate(t, "Air defences shot down 38 drones over 12 provinces, the ministry said."), "a", nil) {
		if c.Value == 12 && c.Qualifier == record.QualOver {
			t.Errorf("12 provinces read as over 12: %+v", c)
		}
	}
}

// A small spelled-out count after "including" is a part of the count
// before it ("nine people, including two children"); with no whole to
// join it is no claim ("a plan including two phases").
func TestSpelledOutPartAfterIncluding(t *testing.T) {
	doc := nlp.NewDoc("Airstrikes killed at least nine people, including two children.")
	got := Claims(doc, "a", nil)
	if len(got) != 2 || got[1].Value != 2 || got[1].PartOf != got[0].ID || got[1].Counted != "killed" {
		t.Errorf("claims = %+v, want nine killed and two children a part of them", got)
	}
	if got := Claims(nlp.NewDoc("The plan, including two phases, was approved."), "a", nil); len(got) != 0 {
		t.Errorf("claims = %+v, want none", got)
	}
}

// A number in a relative clause about the whole ("…, which had burned
// 3,500 hectares") is no part of it; "of which" still introduces parts
// (TestClaimPartOfSameUnitAndSpatialOver).
func TestClaimRelativeClauseIsNoPart(t *testing.T) {
	cs := Claims(annotate(t, "The fire service said more than 400 firefighters and 12 aircraft were working on the blaze, which had burned 3,500 hectares since Sunday."), "a", nil)
	for _, c := range cs {
		if c.PartOf != "" || c.Consistency != "" {
			t.Errorf("%v %s: part of %q, consistency %q", c.Value, c.Unit, c.PartOf, c.Consistency)
		}
	}
}

// A number joined by a hyphen to a capitalised name is part of the name.
func TestClaimNameWithNumberIsNoCount(t *testing.T) {
	for _, c := range Claims(annotate(t, "A K-9 unit found the men, and two F-16 jets flew over the town during the COVID-19 lockdown."), "a", nil) {
		if c.Value != 2 {
			t.Errorf("claim %v %s from %q", c.Value, c.Unit, c.Evidence.Text)
		}
	}
	// A range written with a hyphen stays a count.
	found := false
	for _, c := range Claims(annotate(t, "Officials said 10-15 people were injured."), "a", nil) {
		if c.Qualifier == record.QualRange || c.Value == 10 {
			found = true
		}
	}
	if !found {
		t.Errorf("the range 10-15 gave no claim")
	}
}

// A relative clause on the counted noun says what they did; the main
// clause's verb after it, what happened to them.
func TestClaimRelativeClauseVerb(t *testing.T) {
	for text, want := range map[string]string{
		"Two people who tried to flee were shot dead, residents said.": "killed",
		"Three residents who fled the fighting were later arrested.":   "arrested",
		"About 300 families who fled the floods returned home.":        "displaced",
	} {
		cs := Claims(annotate(t, text), "a", nil)
		if len(cs) == 0 || cs[0].Counted != want {
			t.Errorf("%q: claims %+v, want %s", text, cs, want)
		}
	}
}

// A count the sentence gives to whoever made it, without quoting them, is
// theirs: "Border Patrol recorded …" is Border Patrol's number. An arrest
// is no count of the police's making: the number stays the outlet's.
func TestClaimCounterIsClaimant(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Border Patrol recorded roughly 1.5 million encounters at the southern border last year.", "Border Patrol"},
		{"The UN refugee agency has registered more than 300,000 refugees in Chad since April.", "The UN refugee agency"},
		{"Police arrested 40 people on Monday.", "the outlet"},
	} {
		got := claimsIn(t, c.text)
		if len(got) != 1 || got[0].ClaimedBy != c.want {
			t.Errorf("%q: got %+v, want one claim by %q", c.text, got, c.want)
		}
	}
}

// A number a count rose or fell to counts what the count's subject names:
// cases, arrests, "the number of people displaced". A measure that rises
// (temperatures) is no claim.
func TestClaimCountThatRose(t *testing.T) {
	for _, c := range []struct{ text, counted string }{
		{"Measles cases in the state have climbed to 1,274 this year.", "infected"},
		{"The number of people displaced by the fighting has reached 300,000, the UN said.", "displaced"},
		{"Arrests rose to 320 by Friday night.", "arrested"},
		{"Temperatures rose to 40 in Seville on Monday.", ""},
	} {
		got := claimsIn(t, c.text)
		switch {
		case c.counted == "" && len(got) != 0:
			t.Errorf("%q: claims %+v, want none", c.text, got)
		case c.counted != "" && (len(got) != 1 || got[0].Counted != c.counted):
			t.Errorf("%q: claims %+v, want one of %s", c.text, got, c.counted)
		}
	}
}

// A noun of the act before "of" says what befell the people counted.
func TestClaimActNounOf(t *testing.T) {
	for _, c := range []struct{ text, counted string }{
		{"The court convicted him of the murder of at least 30 civilians in 2014.", "killed"},
		{"Gunmen carried out the abduction of 12 students from a school.", "hostages"},
	} {
		got := claimsIn(t, c.text)
		if len(got) != 1 || got[0].Counted != c.counted {
			t.Errorf("%q: claims %+v, want one of %s", c.text, got, c.counted)
		}
	}
}

// claimsIn annotates text and returns its claims, their claimants read
// from its quotes.
func claimsIn(t *testing.T, text string) []record.Claim {
	t.Helper()
	doc := annotate(t, text)
	return Claims(doc, "a", Quotes(doc, "a"))
}
