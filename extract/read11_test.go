package extract

import (
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

// Tests of the tenth session's own read-by-hand round (fact-checking and
// statistics stories); see docs/QUALITY.md.

// A party the kb knows, split by the recogniser into an untagged word and
// a place ("Reform" + "UK"), is the party, and its leader is coded with
// it rather than as the government.
func TestPartyNameSplitByRecogniser(t *testing.T) {
	res := extracted(t, article.Article{ID: "ref", Published: "2025-05-22",
		Text: "Reform UK leader Nigel Farage told supporters in Clacton that the real number was being hidden."})
	wantEntityCode(t, res, "Reform UK", "GBRPTY")
	wantEntityCode(t, res, "Nigel Farage", "GBRPTY")
	for _, p := range res.Places {
		if p.Name == "United Kingdom" && p.Mention == "UK" {
			t.Errorf("the UK of Reform UK is read as a place: %+v", p)
		}
	}
}

// A body's name declared with its acronym is one organisation however the
// recogniser cut it: brackets taken into the span ("National Statistics
// (ONS)"), the head word left out ("Office") or read as a person
// ("Migration" + "Observatory").
func TestInstitutionNamesWhole(t *testing.T) {
	res := extracted(t, article.Article{ID: "ons", Published: "2025-05-22",
		Text: "LONDON (Reuters) - Britain's statistics office said on Wednesday that net migration fell to 431,000 in the year to June, down from a record 906,000 a year earlier, revising its previous estimate upward by 30,000.\n\nHome Secretary Yvette Cooper said the figures showed \"the plan is working\", while the opposition Conservatives accused the government of claiming credit for visa rules introduced before the election.\n\nThe Office for National Statistics (ONS) said about 40,000 small boat arrivals were included in the total. The Migration Observatory at the University of Oxford cautioned that the estimates were \"highly uncertain\" and could be revised again next year.\n\nReform UK leader Nigel Farage told supporters in Clacton that \"millions\" had arrived since 2021 and that the real number was being hidden, a claim the ONS rejected. \"There is no hidden number,\" a spokesperson for the statistics office said.\n"})
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.Name] = e.Kind
		if strings.Contains(e.Name, "(") {
			t.Errorf("entity %q keeps a bracket", e.Name)
		}
	}
	if names["Migration Observatory"] != "organisation" {
		t.Errorf("entities %v; want the organisation Migration Observatory", names)
	}
	wantEntityCode(t, res, "Office for National Statistics", "GBRGOV")
}

// The writer's own words after a reported clause are no part of it: a
// clause of contrast ("…, while the opposition accused …") and a verdict
// in apposition ("…, a claim the agency rejected").
func TestContentStopsAtWritersWords(t *testing.T) {
	for _, c := range []struct{ text, content, speaker string }{
		{`Home Secretary Maria Lund said the figures showed "the plan is working", while the opposition accused the government of taking credit for old rules.`,
			`the figures showed "the plan is working"`, "Maria Lund"},
		{`Party leader Tom Barr told supporters in Leeds that "millions" had arrived since 2021 and that the real number was being hidden, a claim the statistics agency rejected.`,
			`that "millions" had arrived since 2021 and that the real number was being hidden`, "Tom Barr"},
	} {
		qs := Quotes(fullDoc(t, c.text), "a")
		if len(qs) != 1 || qs[0].Content.Text != c.content || qs[0].SpeakerName != c.speaker {
			t.Errorf("%q: quotes %+v; want one of %q by %q", c.text, qs, c.content, c.speaker)
		}
	}
}

// The end of an institution's name after "of" is no place when the words
// before it name the institution: "Academy of Pediatrics".
func TestInstitutionOfIsNoPlace(t *testing.T) {
	res := extracted(t, article.Article{ID: "aap", Published: "2025-07-09",
		Text: `"Vaccination remains the best protection we have," said Dr. Sean O'Leary of the American Academy of Pediatrics.`})
	for _, p := range res.Places {
		if p.Mention == "Pediatrics" {
			t.Errorf("place %+v from an institution's name", p)
		}
	}
	if e := entityNamed(res, "Academy of Pediatrics"); e == nil || e.Kind != "organisation" {
		t.Errorf("no organisation Academy of Pediatrics in %+v", res.Entities)
	}
}

// Someone who held an office of the state and is named as former holds
// none now: CAMEO codes such people as elites.
func TestFormerOfficeHolderIsElite(t *testing.T) {
	res := extracted(t, article.Article{ID: "fm", Published: "2025-07-24",
		Text: "In Brazil, the Supreme Court voted to put former president Jair Bolsonaro on trial. President Luiz Inacio Lula da Silva declined to comment."})
	wantEntityCode(t, res, "Jair Bolsonaro", "BRAELI")
}

// A body the kb does not know takes the country of the town its sentence
// is set in, not the country the article names most.
func TestBodyOfTheSentencesTown(t *testing.T) {
	res := extracted(t, article.Article{ID: "cu", Published: "2025-07-24",
		Text: "In Brazil, the Supreme Court voted to put Jair Bolsonaro on trial. Brazil's police said the plot was real. Separately, a federal judge in Manhattan ordered the release of Mahmoud Khalil, a Columbia University graduate student detained in March."})
	wantEntityCode(t, res, "Columbia University", "USAEDU")
}

// "Declined to comment" is CAMEO's "decline comment" (011), not a
// rejection (120) of anything.
func TestDeclinedToCommentIsNoRejection(t *testing.T) {
	evs := eventsOf(t, "Chinese carmaker BYD, whose European sales doubled last year, declined to comment.", "2024-10-04")
	if len(evs) != 1 || evs[0].CAMEO != "011" {
		t.Errorf("events %+v; want one 011", evs)
	}
}

// Parties of several countries and the companies the news names most are
// coded by their own names.
func TestKnownBodiesCoded(t *testing.T) {
	for _, c := range []struct {
		text  string
		codes map[string]string
	}{
		{"The Sweden Democrats and the Brothers of Italy met in Rome on Monday. The Kuomintang said it would not attend, and the Scottish National Party called the talks a mistake.",
			map[string]string{"Sweden Democrats": "SWEPTY", "Brothers of Italy": "ITAPTY", "Kuomintang": "TWNPTY", "Scottish National Party": "GBRPTY"}},
		{"Volkswagen said the decision was wrong. Gazprom cut supplies on Monday, and Boeing delayed deliveries.",
			map[string]string{"Volkswagen": "DEUBUS", "Gazprom": "RUSBUS", "Boeing": "USABUS"}},
		// The recogniser reads "Law" as a person and "Justice" as an
		// organisation; "Sejm" as a place.
		{"Poland's nationalist Law and Justice party won the most votes in Sunday's parliamentary election. Law and Justice took 194 of the 460 seats in the Sejm.",
			map[string]string{"Law and Justice": "POLPTY", "Sejm": "POLLEG"}},
	} {
		res := extracted(t, article.Article{ID: "kb", Published: "2025-05-22", Text: c.text})
		for name, code := range c.codes {
			wantEntityCode(t, res, name, code)
		}
	}
}

// "Results showed Monday, opening the way …" shows no "Monday, opening
// …": a day and a participle are no content.
func TestDayAndParticipleIsNoContent(t *testing.T) {
	qs := Quotes(fullDoc(t, "The nationalist party won the most votes but fell short of a majority, official results showed Monday, opening the way for a coalition to take power."), "a")
	for _, q := range qs {
		if strings.HasPrefix(q.Content.Text, "Monday") {
			t.Errorf("content %q", q.Content.Text)
		}
	}
}

// entityNamed returns the entity of res named name, or nil.
func entityNamed(res record.Result, name string) *record.Entity {
	for i := range res.Entities {
		if res.Entities[i].Name == name {
			return &res.Entities[i]
		}
	}
	return nil
}

// placeByMention returns the first place of res written as mention, or nil.
func placeByMention(res record.Result, mention string) *record.Place {
	for i := range res.Places {
		if res.Places[i].Mention == mention {
			return &res.Places[i]
		}
	}
	return nil
}
