package extract

import (
	"testing"

	"dateline/article"
)

// Tests from the sixteenth session's read-by-hand round (courts,
// epidemics, protests, disasters, ceasefires): texts written for the
// purpose.

// TestWorldRegionActors: a world region acting gets CAMEO's region code with
// the sector of its noun; a region before a word for no actor, beside a
// country, or naming a remit is no actor.
func TestWorldRegionActors(t *testing.T) {
	for _, c := range []struct{ text, action, src, tgt string }{
		{"The aid agency urged European governments on Monday to take in more refugees.", "urged", "", "EURGOV"},
		{"Western powers condemned the missile test on Sunday.", "condemned", "WST", ""},
		{"Gulf leaders on Sunday demanded an immediate ceasefire.", "demanded an immediate ceasefire", "PGSGOV", ""},
		{"African leaders met in Nairobi on Tuesday.", "met", "AFRGOV", ""},
		{"Diplomats from the Gulf urged restraint on both sides.", "urged", "PGSGOV", ""},
		// A country beside the region is the actor: the region is the remit.
		{"A U.S. Middle East envoy met Jordanian officials in Amman on Friday.", "met", "USAGOV", "JORGOV"},
	} {
		ev := eventByAction(eventsOf(t, c.text, "2025-05-10"), c.action)
		if ev == nil {
			t.Errorf("%q: no %q event", c.text, c.action)
			continue
		}
		if c.src != "" && actorCode(ev.Source) != c.src {
			t.Errorf("%q: source %q, want %s", c.text, actorCode(ev.Source), c.src)
		}
		if c.tgt != "" && actorCode(ev.Target) != c.tgt {
			t.Errorf("%q: target %q, want %s", c.text, actorCode(ev.Target), c.tgt)
		}
	}
	// A region before a thing is a place, not the target.
	ev := eventByAction(eventsOf(t, "Iran threatened to widen its Gulf war with Iraq.", "2025-05-10"), "threatened")
	if ev != nil && actorCode(ev.Target) == "PGS" {
		t.Errorf("Gulf war: target PGS")
	}
}

// TestDeportedToIsDestination: the place people are deported to is
// neither the target of the expulsion nor the country of those deporting
// them, also where the parser hangs it on the deported.
func TestDeportedToIsDestination(t *testing.T) {
	ev := eventByAction(eventsOf(t, "Spanish border police deported 35 migrants to Morocco on Tuesday.", "2025-06-03"), "deported")
	if ev == nil {
		t.Fatal("no deportation event")
	}
	if actorCode(ev.Target) == "MAR" {
		t.Errorf("deported to Morocco: target %s, Morocco is only where they were sent", actorCode(ev.Target))
	}
	ev = eventByAction(eventsOf(t, "Border police deported 35 migrants to Morocco on Tuesday.", "2025-06-03"), "deported")
	if ev != nil && (actorCode(ev.Source) == "MARCOP" || actorCode(ev.Target) == "MAR") {
		t.Errorf("deported to Morocco: %s→%s, the police are not Moroccan", actorCode(ev.Source), actorCode(ev.Target))
	}
}

// TestDeportedAreCounted: people deported or expelled are counted as
// displaced, also with no noun after the number; expelled diplomats are
// not displaced.
func TestDeportedAreCounted(t *testing.T) {
	for _, text := range []string{
		"Of the 90 detainees released, 40 were deported to Jordan.",
		"The authorities deported 40 asylum seekers last week.",
		"Some 40 were expelled across the border in March.",
	} {
		found := false
		for _, c := range claimsIn(t, text) {
			if c.Value == 40 {
				found = true
				if c.Counted != "displaced" {
					t.Errorf("%q: 40 counted %s, want displaced", text, c.Counted)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim of 40", text)
		}
	}
	for _, c := range claimsIn(t, "The government expelled 12 diplomats on Friday.") {
		if c.Counted == "displaced" {
			t.Errorf("expelled diplomats counted displaced")
		}
	}
}

// TestNameWithLowerCaseParticle: a group's name with a lower-case Arabic
// article or Nguni particle inside is one name, not its last capitalised
// part.
func TestNameWithLowerCaseParticle(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"The Liwa al-Quds brigade denied the report on Sunday.", "Liwa al-Quds"},
		{"Members of iNkatha ya Zwe marched through Durban on Saturday.", "iNkatha ya Zwe"},
	} {
		res := extracted(t, article.Article{Text: c.text, Published: "2025-05-10"})
		found := false
		for _, e := range res.Entities {
			if e.Name == c.name {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no entity %q in %+v", c.text, c.name, res.Entities)
		}
	}
	// With the kb's entries, the whole name is the group.
	res := extracted(t, article.Article{Text: "Fighters of Ahrar al-Sham shelled a village near Idlib.", Published: "2025-05-10"})
	wantEntityCode(t, res, "Ahrar al-Sham", "SYRREB")
}

// TestCampaignsAndCourtAppealsAreNoEvents: a fight against a social ill
// or a hazard is no force, and an appeal to a higher court no plea; a
// fight against rebels and an appeal for calm stay events.
func TestCampaignsAndCourtAppealsAreNoEvents(t *testing.T) {
	for _, c := range []struct{ text, action string }{
		{"Ghana's president has made the fight against corruption his first task.", "fight"},
		{"Ghanaian firefighters battled the blaze for six hours.", "battled"},
		{"The Ghanaian minister will appeal, his lawyer said on Monday.", "appeal"},
		{"The Ghanaian government appealed the ruling on Monday.", "appealed"},
		{"Ghanaian lawyers lodged an appeal against the conviction.", "appeal"},
	} {
		if ev := eventByAction(eventsOf(t, c.text, "2025-05-10"), c.action); ev != nil {
			t.Errorf("%q: event %s on %q", c.text, ev.CAMEO, c.action)
		}
	}
	for _, c := range []struct{ text, action string }{
		{"Ghanaian troops fought rebels near the border on Sunday.", "fought"},
		{"The Ghanaian governor appealed to residents for calm.", "appealed"},
	} {
		if ev := eventByAction(eventsOf(t, c.text, "2025-05-10"), c.action); ev == nil {
			t.Errorf("%q: no event on %q", c.text, c.action)
		}
	}
}
