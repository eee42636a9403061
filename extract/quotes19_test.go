package extract

import "testing"

// noQuoteWith fails when a quote of text has content containing sub.
func noQuoteWith(t *testing.T, text, sub string) {
	t.Helper()
	if q := findQuote(Quotes(fullDoc(t, text), "a"), sub); q != nil {
		t.Errorf("%q: unexpected quote %+v", text, q)
	}
}

// A sentence opening with a speech participle and a clause without
// "that" reports the clause, said by the subject after the comma; a
// participle with a plain object ("Saying goodbye …") reports nothing.
func TestOpeningParticipleBareClause(t *testing.T) {
	wantContent(t, "Insisting the plan would work, the governor signed the bill.",
		"the plan would work", "Insisting", "the governor")
	wantContent(t, "Claiming the new tax is unfair, the mayor voted against the budget.",
		"the new tax is unfair", "Claiming", "the mayor")
	noQuoteWith(t, "Saying goodbye to his staff, the mayor left the building.", "goodbye")
}

// "what it calls “…”": a naming verb whose object, the free relative's
// "what", went before it still takes the quoted name after it.
func TestFreeRelativeNamingTakesQuotedName(t *testing.T) {
	wantContent(t, "The council is denouncing what it calls “a reckless waste of public money.”",
		"what it calls “a reckless waste of public money.”", "is denouncing", "The council")
}

// "(, ) and NP" after a noun-phrase content that the parser hung on a
// verb before the content as its conjunct is the next item of the
// content's list; a second clause after "and" stays out.
func TestNominalConjunctJoinsContent(t *testing.T) {
	wantContent(t, "Clinton started off by emphasizing economic fairness, and a need to raise the minimum wage.",
		"economic fairness, and a need to raise the minimum wage", "emphasizing", "Clinton")
	wantContent(t, "The mayor praised the new park, and residents cheered loudly.",
		"the new park", "praised", "The mayor")
}

// "would like to …" is "want to …": its infinitive is the content.
func TestWouldLikeIsIntent(t *testing.T) {
	wantContent(t, "The council would like to open another library in the north.",
		"to open another library in the north", "would like", "The council")
}

// A two-word content ends before ", aside from saying …" as a longer one
// does, so the report after it is not read as part of it.
func TestShortContentEndsBeforeParticipleTail(t *testing.T) {
	text := "Crowds have gathered in the square, but she declines to discuss possible candidates, aside from saying she wants a younger team."
	wantContent(t, text, "she wants a younger team", "saying", "she")
}

// "the speculation that the mayor has generated": a relative clause
// whose verb needs an object and has none is no content of the noun; an
// infinitive after it is ("an agreement that the two towns signed last year to
// share a fire station"), said by the clause's subject.
func TestObjectGapRelativeAfterNoun(t *testing.T) {
	noQuoteWith(t, "There is growing speculation that the mayor has generated from the affair.", "the mayor has generated")
	wantContent(t, "The plan rests on an agreement that the two towns signed last year to share a fire station.",
		"to share a fire station", "an agreement", "the two towns")
	wantContent(t, "There are fears that the river will flood the lower town.",
		"that the river will flood the lower town", "fears", "")
}

// A headline's label before the colon speaks only when it can name a
// speaker: a kicker with a preposition or an adjective for a head is a
// label of the story.
func TestHeadlineLabelIsNoSpeaker(t *testing.T) {
	noQuoteWith(t, "Stormy Days At City Hall: Council Delays Vote on Budget\n\nThe council met on Monday.", "Council Delays Vote")
	noQuoteWith(t, "The Latest: Council Delays Vote on Budget\n\nThe council met on Monday.", "Council Delays Vote")
	wantContent(t, "Mayor Jones: Budget Is Fair to Every District\n\nThe council met on Monday.",
		"Budget Is Fair to Every District", ":", "Mayor Jones")
}

// "willingness to …" names a disposition, not something said or held
// true; "determination to …" stays a nominal cue.
func TestWillingnessIsNoCue(t *testing.T) {
	noQuoteWith(t, "The mayor's willingness to raise taxes worried the party leaders.", "to raise taxes")
	wantContent(t, "The governor's determination to close the plant surprised the union.",
		"to close the plant", "determination", "The governor's")
}

// A report inside the adverbial clause that opens a sentence ends before
// the sentence's main clause, whose own attribution then stands.
func TestReportInOpeningClauseEndsBeforeMainClause(t *testing.T) {
	text := "When the mayor noted that the council had not met for a year ― as was true until May ― the chairman replied, “That was your doing.”"
	wantContent(t, text, "that the council had not met for a year ― as was true until May", "noted", "the mayor")
	wantContent(t, text, "“That was your doing.”", "replied", "the chairman")
}

// A comma inside a closing quotation mark still ends a content before a
// participle or "though" tail; the mark stays with the content.
func TestTailCutAfterCommaInsideQuote(t *testing.T) {
	text := "The mayor praises the old harbour as a “working treasure,” comparing it favorably to the new marina."
	wantContent(t, text, "the old harbour as a “working treasure,”", "praises", "The mayor")
	wantContent(t, text, "it favorably to the new marina", "comparing", "The mayor")
}
