package extract

import "testing"

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
