package extract

import "testing"

// "a call for [X to do Y]": a noun phrase after "for" is the subject of
// the infinitive after it, and what was called for is the whole clause;
// an adverbial clause of the infinitive stays out.
func TestForNounInfinitiveContent(t *testing.T) {
	wantContent(t, "Governor Maria Lopez sounded a call for the United States to accept more Syrian refugees on Friday as she issued a statement.",
		"the United States to accept more Syrian refugees on Friday", "a call for", "Governor Maria Lopez")
}
