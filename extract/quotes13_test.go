package extract

import "testing"

// wantContent checks that text yields a quote whose content is exactly
// content, with the given cue and speaker.
func wantContent(t *testing.T, text, content, cue, speaker string) {
	t.Helper()
	if q := wantQuote(t, text, content, cue, speaker); q != nil && q.Content.Text != content {
		t.Errorf("%q: content %q, want %q", text, q.Content.Text, content)
	}
}

// A content never ends inside a name: the parser hung "Act" of a long
// bill title on the verb, and the title is one mention.
func TestContentKeepsWholeName(t *testing.T) {
	wantContent(t, "Lee voted against the Justice for Victims of Fraud Act of 2013 because it created new fees.",
		"the Justice for Victims of Fraud Act of 2013", "voted against", "Lee")
}

// "Everything the mayor says is a lie": the relative clause's object,
// the noun before it, is what was said; "is a lie" is the writer's
// verdict, which the parser hung on the cue as its clause. A relative
// pronoun before the source keeps the clause ("which the mayor said
// [were too high]").
func TestRelativeObjectIsWhatWasSaid(t *testing.T) {
	wantContent(t, "Everything the mayor says is a lie.", "Everything", "says", "the mayor")
	wantContent(t, "The council rejected the fees, which the mayor said were too high.", "were too high", "said", "the mayor")
}

// A partial quotation's content stops before a "during" phrase after the
// closing mark: it says when the words were said.
func TestPartialQuoteStopsBeforeTimePhrase(t *testing.T) {
	wantContent(t, "The former governor criticized the new toll as a “daylight robbery” during a town hall in Reno.",
		"the new toll as a “daylight robbery”", "criticized", "The former governor")
}

// "said [A “…” and that B]": a clause after "and that" is a second
// complement of the same cue, even when a closing quotation mark stands
// before "and" and the clause holds a cue of its own.
func TestAndThatClauseStaysInContent(t *testing.T) {
	wantContent(t, `The chief also said the photos were "unclear" and that the camera did not show a weapon.`,
		`the photos were "unclear" and that the camera did not show a weapon`, "also said", "The chief")
	wantContent(t, `Jones also said the photos were "inconclusive" and that the video released Sunday by Brown's family did not show whether he had something in his pocket.`,
		`the photos were "inconclusive" and that the video released Sunday by Brown's family did not show whether he had something in his pocket`, "also said", "Jones")
}

// A clause the parser hung before a cue with nothing to set it off is no
// report put first ("X is the worst way forward I can imagine"): the noun
// phrase before the subject is what the relative clause with no relative
// word modifies, and that noun is the content; so is the relative word of
// "what X said when …", whose when-clause says when.
func TestRelativeAntecedentIsContent(t *testing.T) {
	wantContent(t, "Enacting cuts on others, rather than sharing costs, talking and finding what we have in common, is the most destructive way forward I can imagine.",
		"the most destructive way forward", "can imagine", "I")
	wantContent(t, "That was what the mayor said when she resigned from the council in 2014.", "what", "said", "the mayor")
}
