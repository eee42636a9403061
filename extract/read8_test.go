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
