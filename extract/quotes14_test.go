package extract

import "testing"

// A paragraph opened by a quotation mark that is never closed and that no
// speaker claims is an excerpt from another text running over several
// paragraphs; the attributions inside it read as in plain text.
func TestExcerptParagraphKeepsAttributions(t *testing.T) {
	text := "The magazine printed a long passage from the diary.\n\n" +
		"\"The old ferryman thought the bridge was unsafe. The river was high that spring.\n\n" +
		"\"The ferry ran twice a day.\""
	wantContent(t, text, "the bridge was unsafe", "thought", "The old ferryman")
}

// "coy about whether …", "worried about how …": an attitude adjective's
// preposition before a wh-clause, which the parser marks as the clause's
// own; the clause is the content and the preposition stays with the cue.
func TestAttitudeAboutWhClause(t *testing.T) {
	wantContent(t, "Aides were coy about whether they would change their approach.",
		"whether they would change their approach", "were coy about", "Aides")
	wantContent(t, "Many farmers are worried about how the new rules might affect their harvest.",
		"how the new rules might affect their harvest", "are worried about", "Many farmers")
}

// Publications take stances: "[the mayor] is endorsed by [several
// publications]".
func TestPublicationIsSource(t *testing.T) {
	wantContent(t, "The mayor is endorsed by several publications.", "The mayor", "is endorsed", "several publications")
}

// A word of quantity heads its noun phrase: "dozens of newspapers" are
// newspapers, which take stances.
func TestQuantityOfSourcesIsSource(t *testing.T) {
	wantContent(t, "The governor has been endorsed by dozens of newspapers.", "The governor", "has been endorsed", "dozens of newspapers")
}

// A noun of speech as the object of the verb before a colon introduces
// what follows it, said by the verb's subject.
func TestSpeechNounBeforeColon(t *testing.T) {
	wantContent(t, "The harbour master made the following statement: the port will stay closed until Monday.",
		"the port will stay closed until Monday", "made the following statement:", "The harbour master")
}

// A nominal cue's infinitive right after it is its content, also when
// the parser hung it on the verb that governs the noun.
func TestNounInfinitiveHungOnVerb(t *testing.T) {
	wantContent(t, "Nothing will stop the council's determination to build the bridge.",
		"to build the bridge", "determination", "the council's")
}

// "As X put it": an adverb may stand before the cue, and a name may
// carry an appositive set off by commas.
func TestAsPutItWithAdverbAndAppositive(t *testing.T) {
	wantContent(t, "As Jane Roe, a tax lawyer at the Urban Institute, recently put it, “Did the firm lower its taxes legally, or not?”",
		"“Did the firm lower its taxes legally, or not?”", "recently put it", "Jane Roe, a tax lawyer at the Urban Institute")
}

// A naming cue's passive "it" with a predicate noun or adjective refers
// back to something named before: "[it] was labeled [“Mostly True”]".
// With a clause after the predicate it is an expletive and reports
// nothing of its own.
func TestPassiveNamingIt(t *testing.T) {
	text := "When the fact-checkers reviewed the mayor's claim, it was labeled “Half True.”"
	wantContent(t, text, "it", "was labeled", "")
	if qs := Quotes(fullDoc(t, "It is considered rude to ask."), "a"); len(qs) != 0 {
		t.Errorf("expletive it: got %d quotes, want none", len(qs))
	}
}

// A legal brief speaks for its filer; after a possessive the tagger may
// read the noun as an adjective ("Jane Roe's brief said …").
func TestBriefAfterPossessiveIsSource(t *testing.T) {
	wantContent(t, "However, Jane Roe's brief said that was never her plan and called the reports false.",
		"that was never her plan", "said", "brief")
}

// A name is a whole content of a held stance noun, though short: "his
// praise of [Merkel]"; a day after "remarks on" is no content.
func TestStanceNounNameContent(t *testing.T) {
	wantContent(t, "The senator continued his praise of Merkel.", "Merkel", "praise of", "his")
	if q := findQuote(Quotes(fullDoc(t, "The mayor repeated his remarks on Saturday."), "a"), "Saturday"); q != nil {
		t.Errorf("remarks on Saturday: got %q", q.Content.Text)
	}
}

// A nominal cue's phrase that the parser hung on the light verb before
// the noun is still the noun's content: "expressed outrage [over …]".
func TestLightVerbNounPhraseOnVerb(t *testing.T) {
	wantContent(t, "Farmers and fishermen almost universally expressed outrage over the port authority's latest plan.",
		"the port authority's latest plan", "outrage over", "Farmers and fishermen")
}

// A headline verb that reports only with its preposition, "Goes After",
// "Rails Against", is a cue when the preposition follows it.
func TestHeadlinePrepositionalCue(t *testing.T) {
	text := "Mayor Jane Roe Rails Against Port Authority Over Ferry Fares\n\nThe mayor spoke on Tuesday."
	wantContent(t, text, "Port Authority Over Ferry Fares", "Rails Against", "Mayor Jane Roe")
}

// "which the regime claimed [now allows …]": the relative pronoun is the
// subject of the reported clause, whose predicate follows the cue.
func TestRelativeSubjectOfReportedClause(t *testing.T) {
	wantContent(t, "It was the fifth test, which the regime claimed now allows it to build smaller bombs.",
		"now allows it to build smaller bombs", "claimed", "the regime")
}
