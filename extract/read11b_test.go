package extract

import (
	"context"
	"strings"
	"testing"

	"dateline/article"
	"dateline/kb"
	"dateline/record"
)

// TestSouthAsianNumbersAndCurrencies: lakh and crore are scales, South
// Asian digit grouping is a number, and the regional currencies written
// before an amount (spaced or glued) make money whose unit is the
// currency.
func TestSouthAsianNumbersAndCurrencies(t *testing.T) {
	cases := []struct {
		text    string
		value   float64
		counted string
		unit    string
	}{
		{"The board approved Rs 4.5 crore for the new hostel.", 4.5e7, "money", "Rs"},
		{"Nearly 1.5 lakh pilgrims reached the shrine.", 1.5e5, "other", "pilgrims"},
		{"Over 2.3 lakh people were affected.", 2.3e5, "other", "people"},
		{"The trust paid Rs. 2,50,000 to the contractor.", 2.5e5, "money", "Rs."},
		{"The gang collected N45 million from the families.", 4.5e7, "money", "N"},
		{"The county lost KSh 120 million meant for drugs.", 1.2e8, "money", "KSh"},
		{"Robbers took R1.4 million from the van.", 1.4e6, "money", "R"},
		{"Agents seized P6.8 million worth of shabu.", 6.8e6, "money", "P"},
		{"The commission froze RM12.5 million in the accounts.", 1.25e7, "money", "RM"},
		{"Trade reached AED 18 billion last year.", 1.8e10, "money", "AED"},
		{"Crores of rupees were wasted on the embankment.", 1e7, "money", "rupees"},
	}
	for _, c := range cases {
		got := Claims(fullDoc(t, c.text), "a", nil)
		if len(got) != 1 {
			t.Errorf("%q: %d claims, want 1: %+v", c.text, len(got), got)
			continue
		}
		g := got[0]
		if g.Value != c.value || g.Counted != c.counted || g.Unit != c.unit {
			t.Errorf("%q: got %v %s unit=%q, want %v %s unit=%q", c.text, g.Value, g.Counted, g.Unit, c.value, c.counted, c.unit)
		}
	}
	// "N95 masks" and a one-letter sign with a bare number are no money.
	for _, text := range []string{"Nurses asked for N95 masks.", "The P5 group met in Geneva."} {
		for _, c := range Claims(fullDoc(t, text), "a", nil) {
			if c.Counted == "money" {
				t.Errorf("%q: money claim %+v", text, c)
			}
		}
	}
}

// TestMoneyIsNoPartOfACount: "11 firearms, including five rifles, and
// R1.4 million in cash": the cash is no part of the firearms.
func TestMoneyIsNoPartOfACount(t *testing.T) {
	text := "Police seized 11 firearms, including five rifles, and R1.4 million in cash."
	got := Claims(fullDoc(t, text), "a", nil)
	var whole string
	for _, c := range got {
		if c.Unit == "firearms" {
			whole = c.ID
			if c.Counted != "weapons" {
				t.Errorf("firearms counted as %s, want weapons", c.Counted)
			}
		}
	}
	if whole == "" {
		t.Fatalf("no claim of firearms: %+v", got)
	}
	for _, c := range got {
		if c.Counted == "money" && c.PartOf != "" {
			t.Errorf("money made a part of %s: %+v", c.PartOf, c)
		}
		if c.Unit == "rifles" && c.PartOf != whole {
			t.Errorf("rifles not a part of the firearms: %+v", c)
		}
	}
}

// TestColonAndGulfDatelines: a bare "PLACE:" opening a story is its
// dateline when the knowledge base knows the place as one stories are
// filed from ("PESHAWAR:", "NEW DELHI:"), not when it is a kicker;
// "18th November, 2026 (WAM) --" and "Nov 17, 2026, SPA --" close a
// dateline with its agency.
func TestColonAndGulfDatelines(t *testing.T) {
	isPlace := kb.Default().IsDatelinePlace
	cases := []struct{ text, dateline, place, agency string }{
		{"PESHAWAR: The provincial cabinet met on Monday.", "PESHAWAR:", "PESHAWAR", ""},
		{"NEW DELHI: The court ruled on Monday.", "NEW DELHI:", "NEW DELHI", ""},
		{"ABU DHABI, 18th November, 2026 (WAM) -- The President received the envoy.", "ABU DHABI, 18th November, 2026 (WAM) --", "ABU DHABI", "WAM"},
		{"RIYADH, Nov 17, 2026, SPA -- The King received a message.", "RIYADH, Nov 17, 2026, SPA --", "RIYADH", "SPA"},
	}
	for _, c := range cases {
		d, _, ok := article.SplitColonDateline(c.text, isPlace)
		if !ok || d.Text != c.dateline || d.Place != c.place || d.Agency != c.agency {
			t.Errorf("%q: got %+v (ok %v), want %q %q %q", c.text, d, ok, c.dateline, c.place, c.agency)
		}
	}
	for _, text := range []string{"BOOM: Senator fires back.", "EXCLUSIVE: The memo shows a rift.", "WARNING: Graphic images.", "EU: a new budget."} {
		if d, _, ok := article.SplitColonDateline(text, isPlace); ok {
			t.Errorf("%q: kicker read as dateline %+v", text, d)
		}
	}
	// Read as a file, the colon dateline leaves the body and places the
	// story; without the check it stays refused.
	var got article.Article
	var err error
	article.Read(context.Background(), "t.txt", strings.NewReader("KARACHI: Police arrested two men on Sunday.\n"), article.Options{IsPlace: isPlace}, func(a article.Article, e error) bool {
		got, err = a, e
		return e == nil
	})
	if err != nil || got.DatelinePlace != "KARACHI" || strings.HasPrefix(got.Text, "KARACHI") {
		t.Errorf("read: err %v, dateline %q, text %q", err, got.DatelinePlace, got.Text)
	}
	if _, _, ok := article.SplitDateline("KARACHI: Police arrested two men."); ok {
		t.Errorf("SplitDateline took a bare colon dateline without a place check")
	}
}

// TestRegionalBodiesAndOffices: a body or office named after a region
// ("the Benue State Police Command", "the Enugu State Government") is no
// place; a story that names no country takes the country of the
// first-level regions it names; a body's word capitalised in a title
// ("Commissioner of Police") is not Police in Poland; a title and name
// after a region ("Tamil Nadu Chief Minister X") split off the region.
func TestRegionalBodiesAndOffices(t *testing.T) {
	res := extracted(t, article.Article{Published: "2026-11-20",
		Text: "The Benue State Police Command has arrested nine suspected cattle rustlers in Makurdi. " +
			"The Commissioner of Police, Emeka Okafor, said the suspects would be charged. " +
			"The Enugu State Government has donated 20 patrol vehicles to the police."})
	wantEntityCode(t, res, "Benue State Police Command", "NGACOP")
	wantEntityCode(t, res, "Enugu State Government", "NGAGOV")
	for _, p := range res.Places {
		if p.Mention == "Police" || p.CountryCode == "POL" {
			t.Errorf("a title's body word read as a place: %+v", p)
		}
	}
	for _, ev := range res.Events {
		for _, a := range []*record.Actor{ev.Source, ev.Target} {
			if a != nil && strings.HasPrefix(a.Code, "POL") {
				t.Errorf("Polish actor %s in %s", a.Code, ev.Action.Text)
			}
		}
	}
	res = extracted(t, article.Article{Published: "2026-11-20", DatelinePlace: "CHENNAI",
		Text: "Tamil Nadu Chief Minister M.K. Stalin on Wednesday launched a scheme for school children."})
	wantEntityCode(t, res, "M.K. Stalin", "INDGOV")
	for _, e := range res.Entities {
		if strings.Contains(e.Name, "Chief Minister") {
			t.Errorf("region, title and name read as one entity: %+v", e)
		}
	}
}

// TestRegionalActorsAndRoles: bodies and parties regional papers name,
// and the titles of their officers.
func TestRegionalActorsAndRoles(t *testing.T) {
	res := extracted(t, article.Article{Published: "2026-11-20", DatelinePlace: "JOHANNESBURG",
		Text: "SAPS said 14 suspects were arrested in Soweto. The Economic Freedom Fighters demanded answers."})
	wantEntityCode(t, res, "South African Police Service", "ZAFCOP")
	wantEntityCode(t, res, "Economic Freedom Fighters", "ZAFPTY")
	res = extracted(t, article.Article{Published: "2026-11-20", DatelinePlace: "NAIROBI",
		Text: "The Ethics and Anti-Corruption Commission (EACC) has seized documents from the county offices."})
	wantEntityCode(t, res, "Ethics and Anti-Corruption Commission", "KENGOV")
	res = extracted(t, article.Article{Published: "2026-11-20", DatelinePlace: "KUALA LUMPUR",
		Text: "The MACC has frozen 32 bank accounts linked to the company."})
	wantEntityCode(t, res, "Malaysian Anti-Corruption Commission", "MYSGOV")
	res = extracted(t, article.Article{Published: "2026-11-20", DatelinePlace: "LUCKNOW",
		Text: "Station House Officer Vinod Yadav said raids were on. Local MLA Ramesh Awasthi demanded a probe. The DMK walked out of the House."})
	wantEntityCode(t, res, "Vinod Yadav", "INDCOP")
	wantEntityCode(t, res, "Ramesh Awasthi", "INDLEG")
	wantEntityCode(t, res, "Dravida Munnetra Kazhagam", "INDPTY")
}

// TestNoEventInPleaReleaseOfFiguresOrBodyName: "pleaded guilty" is no
// appeal; releasing statistics or money, and "an official release", free
// no one; a word of a body's name ("Central Bureau of Investigation") is
// no action. A release of prisoners stays one.
func TestNoEventInPleaReleaseOfFiguresOrBodyName(t *testing.T) {
	cases := []struct{ dateline, text string }{
		{"SINGAPORE", "Lim Kok Wah pleaded guilty to 10 charges of cheating, with 17 other charges taken into consideration."},
		{"JOHANNESBURG", "The Democratic Alliance called on Police Minister Senzo Mchunu to release the latest crime statistics for the province."},
		{"GUWAHATI", "Union Home Minister Amit Shah spoke to the chief minister over phone, an official release said."},
		{"NEW DELHI", "The case stems from an FIR registered by the Central Bureau of Investigation (CBI) alleging that the firm had cheated 11 banks."},
	}
	for _, c := range cases {
		res := extracted(t, article.Article{Published: "2026-11-20", DatelinePlace: c.dateline, Text: c.text})
		for _, ev := range res.Events {
			switch ev.CAMEO[:3] {
			case "020", "084", "090":
				t.Errorf("%q: event %s %q", c.text, ev.CAMEO, ev.Action.Text)
			}
		}
	}
	n := 0
	for _, ev := range eventsOf(t, "Hamas released 12 hostages on Sunday.", "2026-11-20") {
		if ev.CAMEO == "084" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("release of hostages: %d 084 events, want 1", n)
	}
}

// TestAgentCountIsNoVictimCount: "was shot dead by two gunmen" counts
// the gunmen, who killed no one of themselves.
func TestAgentCountIsNoVictimCount(t *testing.T) {
	text := "A village chairman was shot dead by two unidentified gunmen on Saturday."
	for _, c := range Claims(fullDoc(t, text), "a", nil) {
		if c.Counted == "killed" {
			t.Errorf("%q: the attackers counted as killed: %+v", text, c)
		}
	}
	text = "At least 12 people were killed by the blast."
	got := Claims(fullDoc(t, text), "a", nil)
	if len(got) != 1 || got[0].Counted != "killed" {
		t.Errorf("%q: got %+v, want 12 killed", text, got)
	}
}
