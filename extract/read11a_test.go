package extract

import (
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

// noActorCountry fails when an entity or an event actor of res is coded
// with the country prefix.
func noActorCountry(t *testing.T, res record.Result, prefix string) {
	t.Helper()
	for _, e := range res.Entities {
		if strings.HasPrefix(e.Code, prefix) {
			t.Errorf("entity %q (%s) coded %s", e.Name, e.Kind, e.Code)
		}
	}
	for _, ev := range res.Events {
		for _, a := range []*record.Actor{ev.Source, ev.Target} {
			if a != nil && strings.HasPrefix(a.Code, prefix) {
				t.Errorf("event %q has actor %q coded %s", ev.Action.Text, a.Name, a.Code)
			}
		}
	}
}

// TestArabicArticleJoinsName: the recogniser cut "Al-Shabaab" and
// "Al-Fatih Qurashi" at the hyphen and read "Al" as a place (Alabama, by
// its postal code); the article and the name are one entity.
func TestArabicArticleJoinsName(t *testing.T) {
	text := "MOGADISHU, Somalia — Al-Shabaab fighters stormed an army base on Monday. A rebel spokesman, Al-Fatih Qurashi, said on Tuesday that the Az-Zallaqa channel was closed."
	res := extracted(t, article.Article{Text: text, Published: "2026-11-20"})
	noActorCountry(t, res, "USA")
	for _, p := range res.Places {
		if p.Country == "US" {
			t.Errorf("place %q resolved to %s, %s", p.Mention, p.Name, p.Country)
		}
	}
	wantEntityCode(t, res, "Al-Shabaab", "SOMREB")
	if e := entityNamed(res, "Al-Fatih Qurashi"); e == nil || e.Kind != record.KindPerson {
		t.Errorf("no person Al-Fatih Qurashi in %+v", res.Entities)
	}
}

// TestKbBodyOverCutSpans: a body the kb knows, which the recogniser
// labelled only in part ("Sans Frontieres" a person, "Children" a person,
// "Forces of" an organisation), is one entity with the kb's code.
func TestKbBodyOverCutSpans(t *testing.T) {
	text := "JUBA, South Sudan — Medecins Sans Frontieres said its clinic had treated 40 people. The charity Save the Children said on Monday. The RSF accused the Sudanese Armed Forces of shelling the camp."
	res := extracted(t, article.Article{Text: text, Published: "2026-11-20"})
	wantEntityCode(t, res, "Doctors Without Borders", "NGOMSF")
	wantEntityCode(t, res, "Save the Children", "NGO")
	wantEntityCode(t, res, "Sudanese Armed Forces", "SDNMIL")
	for _, e := range res.Entities {
		if e.Kind == record.KindPerson && (e.Name == "Children" || strings.Contains(e.Name, "Frontieres")) {
			t.Errorf("body read as a person: %+v", e)
		}
	}
}

// TestConflictActorsInKb: armed groups, commands and missions of the
// conflicts the news follows have their codes (they had none, or the
// country's army: "Arakan Army" was MMRMIL, "Alliance of Sahel States"
// USA, the AU mission in Somalia a Somali labour union).
func TestConflictActorsInKb(t *testing.T) {
	for _, c := range []struct{ text, name, code string }{
		{"YANGON, Myanmar — The Arakan Army said on Monday it had taken the town.", "Arakan Army", "MMRREB"},
		{"GOMA, Congo — The FARDC said on Monday it had retaken the hill from the M23.", "FARDC", "CODMIL"},
		{"NIAMEY, Niger — Niger, Mali and Burkina Faso formed the Alliance of Sahel States in 2024.", "Alliance of Sahel States", "IGO"},
		{"MOGADISHU, Somalia — The African Union Support and Stabilization Mission in Somalia said two soldiers were hurt.", "AUSSOM", "IGOOAU"},
		{"MOGADISHU, Somalia — The United States Africa Command said it had carried out an airstrike.", "US Africa Command", "USAMIL"},
		{"CULIACAN, Mexico — Gunmen of the Jalisco New Generation Cartel attacked a patrol.", "Jalisco New Generation Cartel", "MEXCRM"},
		{"PORT-AU-PRINCE, Haiti — The Viv Ansanm coalition attacked the town.", "Viv Ansanm", "HTICRM"},
		{"BAMAKO, Mali — Fighters of Africa Corps left the base on Monday.", "Africa Corps", "RUSMIL"},
		{"ADDIS ABABA, Ethiopia — Fano fighters took the town on Sunday, residents said.", "Fano", "ETHREB"},
	} {
		res := extracted(t, article.Article{Text: c.text, Published: "2026-11-20"})
		wantEntityCode(t, res, c.name, c.code)
	}
}

// TestTheArmyIsNoRebelArmy: "the army" after a rebel group named "… Army"
// is the state's army, not the group; and a junta is military.
func TestTheArmyIsNoRebelArmy(t *testing.T) {
	text := "YANGON, Myanmar — The Arakan Army said on Monday it had taken two bases. The army attacked the town of Sittwe on Tuesday, residents said."
	res := extracted(t, article.Article{Text: text, Published: "2026-11-20"})
	for _, e := range res.Entities {
		if e.Name != "Arakan Army" {
			continue
		}
		for _, m := range e.Mentions {
			if strings.EqualFold(m.Text, "the army") {
				t.Errorf("%q is a mention of the Arakan Army", m.Text)
			}
		}
	}
	for _, ev := range res.Events {
		if ev.Action.Text == "attacked" && actorCode(ev.Source) != "MMRMIL" {
			t.Errorf("attack by %s, want MMRMIL", actorCode(ev.Source))
		}
	}
	res = extracted(t, article.Article{Text: "BAMAKO, Mali — Mali's junta expelled the French ambassador on Monday.", Published: "2026-11-20"})
	for _, ev := range res.Events {
		if ev.Action.Text == "expelled" && actorCode(ev.Source) != "MLIMIL" {
			t.Errorf("expulsion by %s, want MLIMIL", actorCode(ev.Source))
		}
	}
}

// TestBackgroundAfterAttribution: a part after ", X said," opened by
// "despite", "as", "amid" is the writer's background, not what was said
// (the parenthetical rule and the parser's clause both took it).
func TestBackgroundAfterAttribution(t *testing.T) {
	for _, c := range []struct{ text, bg string }{
		{"A drone strike on a car in the south killed two people on Friday, the Health Ministry said, despite a truce that took effect a year ago.", "despite"},
		{"Shells hit the market in the town on Tuesday, killing 19 civilians, a health worker said, as the army battles the militia.", "as the army"},
		{"Government drones struck a market in the region on Tuesday, killing at least 19 civilians, two residents and a health worker said, as the army battles Fano militiamen.", "as the army"},
		{"The strike destroyed a school near the border, the regional governor said, amid fears of a wider war that could draw in its neighbours.", "amid"},
	} {
		res := extracted(t, article.Article{Text: c.text, Published: "2026-11-20"})
		if len(res.Quotes) == 0 {
			t.Errorf("%q: no quote", c.text)
		}
		for _, q := range res.Quotes {
			if strings.Contains(q.Content.Text, c.bg) {
				t.Errorf("%q: background read as said: %q", c.text, q.Content.Text)
			}
		}
	}
}

// TestCoordinatedSourcesSpeak: "two residents and a health worker said"
// is one speaker, and its "two" counts no one the text claims about.
func TestCoordinatedSourcesSpeak(t *testing.T) {
	text := "Drones struck a market on Tuesday, killing 19 civilians, two residents and a health worker said."
	res := extracted(t, article.Article{Text: text, Published: "2026-11-20"})
	q := findQuote(res.Quotes, "killing 19 civilians")
	if q == nil || speakerText(q) != "two residents and a health worker" {
		t.Errorf("quote %+v, want the speaker 'two residents and a health worker'", q)
	}
	for _, c := range res.Claims {
		if c.Value == 2 {
			t.Errorf("the speakers counted as a claim: %+v", c)
		}
	}
}

// TestNoQuoteFromCasualtyWording: "asked not to be identified for fear of
// reprisals" is no quote (the reason hid the formula), "2,000 reported
// missing" reports nothing, and troops who "pushed them back" demand
// nothing.
func TestNoQuoteFromCasualtyWording(t *testing.T) {
	for _, c := range []struct{ text, cue string }{
		{"\"We had no help,\" said a resident who asked not to be identified for fear of reprisals.", "asked"},
		{"The strike hit the market at noon, a nurse said. He asked not to be named because he was not authorised to speak.", "asked"},
		{"More than 1,800 people have been killed and 2,000 reported missing in the state since the fighting began.", "reported"},
		{"Major Ali Warsame told the agency by phone from the nearby town of Baidoa that the fighters had briefly held the post near Dinsor before army troops and forces of the regional mission, known as ATMIS, pushed them back.", "pushed"},
	} {
		res := extracted(t, article.Article{Text: c.text, Published: "2026-11-20"})
		for _, q := range res.Quotes {
			if q.Cue != nil && q.Cue.Text == c.cue {
				t.Errorf("%q: quote %q with cue %q", c.text, q.Content.Text, c.cue)
			}
		}
	}
}

// TestBeheadedAreKilled: people beheaded, lynched or slaughtered are
// counted as killed (they were "other").
func TestBeheadedAreKilled(t *testing.T) {
	for _, text := range []string{
		"Insurgents beheaded at least seven people in the district on Monday.",
		"A mob lynched two men accused of theft, police said.",
	} {
		cs := Claims(fullDoc(t, text), "a", nil)
		if len(cs) != 1 || cs[0].Counted != "killed" {
			t.Errorf("%q: claims %+v, want one of the killed", text, cs)
		}
	}
}

// TestUNBeforeAgencyName: "the U.N. International Organization for
// Migration" is the IOM (it had no code).
func TestUNBeforeAgencyName(t *testing.T) {
	text := "PORT-AU-PRINCE, Haiti — The U.N. International Organization for Migration said on Tuesday that 6,000 people had fled the town."
	res := extracted(t, article.Article{Text: text, Published: "2026-11-20"})
	wantEntityCode(t, res, "International Organization for Migration", "IGOIOM")
}

// TestPlaceNameWithParticle: "Mocimboa da Praia", cut by the recogniser
// at "da", is the Mozambican town, not Praia in Cape Verde.
func TestPlaceNameWithParticle(t *testing.T) {
	text := "PEMBA, Mozambique — Rwandan troops said they had killed 11 insurgents near Mocimboa da Praia on Wednesday."
	res := extracted(t, article.Article{Text: text, Published: "2026-11-20"})
	for _, p := range res.Places {
		if p.Country == "CV" {
			t.Errorf("place %q resolved to %s, Cape Verde", p.Mention, p.Name)
		}
	}
	if p := placeByMention(res, "Mocimboa da Praia"); p == nil || p.Country != "MZ" {
		t.Errorf("no place Mocimboa da Praia in Mozambique: %+v", res.Places)
	}
}

// TestTheRedSeaIsTheSea: "the Red Sea" in a story that names Egypt is the
// sea, not Egypt's Red Sea governorate.
func TestTheRedSeaIsTheSea(t *testing.T) {
	text := "DUBAI — The Houthis fired missiles at a cargo ship in the Red Sea on Saturday. Egyptian officials said traffic through the Suez Canal had fallen."
	res := extracted(t, article.Article{Text: text, Published: "2026-11-20"})
	p := placeByMention(res, "Red Sea")
	switch {
	case p == nil:
		t.Errorf("no place Red Sea: %+v", res.Places)
	case p.Country != "" || p.FeatureType != "region":
		t.Errorf("the Red Sea resolved to %s (%s, %s)", p.Name, p.Country, p.FeatureType)
	}
}
