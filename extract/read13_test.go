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
