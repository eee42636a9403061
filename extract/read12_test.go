package extract

import (
	"testing"

	"dateline/article"
	"dateline/record"
)

// TestPassiveFindingReportsNothing: a passive of finding with neither a
// complement nor a finder reports a discovery, not what anyone claims;
// with a finder or a clause it still attributes.
func TestPassiveFindingReportsNothing(t *testing.T) {
	for _, text := range []string{
		"In Brazil, cases were found in Sao Paulo and Rio de Janeiro.",
		"A second body was discovered near the river on Sunday.",
	} {
		if qs := Quotes(fullDoc(t, text), "a"); len(qs) != 0 {
			t.Errorf("%q: %d quotes, want none: %+v", text, len(qs), qs[0])
		}
	}
	text := "The company was found by regulators to have misled investors."
	if qs := Quotes(fullDoc(t, text), "a"); len(qs) == 0 {
		t.Errorf("%q: no quote, want the regulators' finding", text)
	}
}

// TestStateIsNoMetonym: "Washington" resolved to the state is a place of
// the country in an event, not the government the capital's name
// stands for; the capital still is.
func TestStateIsNoMetonym(t *testing.T) {
	cases := []struct{ text, code string }{
		{"Officials are investigating new cases in Washington, Pennsylvania and California.", "USACVL"},
		{"Washington imposed new tariffs on China on Friday.", "USAGOV"},
	}
	for _, c := range cases {
		res := extracted(t, article.Article{Text: c.text, Published: "2024-03-08"})
		found := false
		for _, ev := range res.Events {
			for _, a := range []*record.Actor{ev.Source, ev.Target} {
				if a != nil && a.Name == "Washington" {
					found = true
					if a.Code != c.code {
						t.Errorf("%q: Washington coded %s, want %s", c.text, a.Code, c.code)
					}
				}
			}
		}
		if !found {
			t.Errorf("%q: no event with Washington as an actor: %+v", c.text, res.Events)
		}
	}
}
