package extract

import (
	"testing"

	"dateline/nlp"
)

// countedOf returns the counted category of the claim of value v in
// text, or "" when there is none.
func countedOf(t *testing.T, doc *nlp.Doc, v float64) string {
	t.Helper()
	for _, c := range Claims(doc, "a", nil) {
		if c.Value == v {
			return c.Counted
		}
	}
	return ""
}

// People housed in shelters, tents or camps for the displaced have been
// displaced; a camp without such a word may be an army's.
func TestClaimPeopleInShelters(t *testing.T) {
	for _, c := range []struct {
		text    string
		v       float64
		counted string
	}{
		{"About 2,400 people remain in emergency shelters after the storm.", 2400, "displaced"},
		{"Some 900 families are living in tents outside the town.", 900, "displaced"},
		{"Nearly 6,000 residents were housed in relief camps.", 6000, "displaced"},
		{"Around 300 soldiers remain in camps near the border.", 300, "troops"},
	} {
		if got := countedOf(t, fullDoc(t, c.text), c.v); got != c.counted {
			t.Errorf("%q: %v counted %q, want %q", c.text, c.v, got, c.counted)
		}
	}
}

// People held by kidnappers, pirates or captors are hostages, whether the
// captors come before the verb or after "by".
func TestClaimPeopleHeldByCaptors(t *testing.T) {
	for _, c := range []struct {
		text    string
		v       float64
		counted string
	}{
		{"The pirates are holding 22 sailors on the tanker.", 22, "hostages"},
		{"Eleven engineers held by kidnappers since March were freed.", 11, "hostages"},
		{"The museum holds 40 paintings by the artist.", 40, "other"},
	} {
		if got := countedOf(t, fullDoc(t, c.text), c.v); got != c.counted {
			t.Errorf("%q: %v counted %q, want %q", c.text, c.v, got, c.counted)
		}
	}
}

// A hyphen between a number and a smaller one is a score or a tally,
// not a range: "won 4-2", "a 6-3 ruling".
func TestClaimScoreIsNoRange(t *testing.T) {
	for _, text := range []string{"The home side won 4-2 on Sunday.", "The court upheld the ban in a 6-3 ruling."} {
		for _, doc := range []*nlp.Doc{nlp.NewDoc(text), fullDoc(t, text)} {
			if cs := Claims(doc, "a", nil); len(cs) != 0 {
				t.Errorf("%q: got claim %v %s %q, want none", text, cs[0].Value, cs[0].Counted, cs[0].Evidence.Text)
			}
		}
	}
}

// "N of the M hostages": the whole of people held or hurt is a claim too;
// the whole of seats or other things is not.
func TestClaimWholeOfPeople(t *testing.T) {
	doc := fullDoc(t, "The militia released 6 of the 14 hostages it had taken.")
	if got := countedOf(t, doc, 14); got != "hostages" {
		t.Errorf("14 hostages: counted %q, want hostages", got)
	}
	if got := countedOf(t, doc, 6); got != "hostages" {
		t.Errorf("6 of the 14 hostages: counted %q, want hostages", got)
	}
	if got := countedOf(t, fullDoc(t, "The party won 91 of the 230 seats."), 230); got != "" {
		t.Errorf("230 seats: counted %q, want no claim", got)
	}
}
