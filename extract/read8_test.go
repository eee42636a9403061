package extract

import "testing"

// TestPassiveWithoutSourceIsNoQuote: an agentless passive naming cue with
// no predicate, and a passive cue after a relative pronoun, attribute
// nothing to anyone.
func TestPassiveWithoutSourceIsNoQuote(t *testing.T) {
	for _, text := range []string{
		"Two of the injured miners were not named on Monday.",
		"The other two victims were not identified.",
		"Jane Moss, who was declared mayor with 52% of the ballots, thanked her staff.",
	} {
		for _, q := range Quotes(fullDoc(t, text), "a") {
			switch cueText(&q) {
			case "were not named", "were not identified", "was declared", "named", "identified", "declared":
				t.Errorf("%q: passive %q gave a quote %q (speaker %q)", text, cueText(&q), q.Content.Text, speakerText(&q))
			}
		}
	}
	// An agent keeps the attribution.
	qs := Quotes(fullDoc(t, "The plan was described by the mayor as a costly mistake."), "a")
	if q := findQuote(qs, "a costly mistake"); q == nil || speakerText(q) != "the mayor" {
		t.Errorf("agent passive lost: %+v", qs)
	}
}

// TestVoterCounts: a number counting those who voted is a claim, with a
// compound spelled number read whole ("sixty-one"); a tally of votes is
// not.
func TestVoterCounts(t *testing.T) {
	text := "Sixty-one councillors backed the budget, while 23 voted against it. The senate then passed it 70 to 30."
	got := Claims(fullDoc(t, text), "a", nil)
	want := map[float64]bool{61: false, 23: false}
	for _, c := range got {
		if _, ok := want[c.Value]; !ok {
			t.Errorf("unexpected claim %v %q (%s)", c.Value, c.Evidence.Text, c.Counted)
			continue
		}
		want[c.Value] = true
		if c.Counted != "other" {
			t.Errorf("claim %q counted %q, want other", c.Evidence.Text, c.Counted)
		}
	}
	for v, seen := range want {
		if !seen {
			t.Errorf("no claim of %v in %+v", v, got)
		}
	}
}
