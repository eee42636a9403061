package extract

import "testing"

// A reported clause ends before an appositive the writer adds to the
// name that closes it; a noun-phrase content or a common noun before the
// comma keeps what follows.
func TestClauseEndsBeforeAppositiveOfName(t *testing.T) {
	wantContent(t, "The farmer said he did not trust Mr. Greene, the new owner of the mill.",
		"he did not trust Mr. Greene", "said", "The farmer")
	wantContent(t, "Residents say the money would be better spent on Riverside, the district that floods every spring.",
		"the money would be better spent on Riverside", "say", "Residents")
	wantContent(t, "The mayor said the town would pay for the repairs, the cleanup and the new fence.",
		"the town would pay for the repairs, the cleanup and the new fence", "said", "The mayor")
}

// A content ends before a closing "in a statement" phrase, with a day
// after it: it says how the words were given. "in the interview" may
// name which thing was meant and stays.
func TestContentEndsBeforeMedium(t *testing.T) {
	wantContent(t, "The union called for higher wages in a statement on Tuesday.",
		"higher wages", "called for", "The union")
	wantContent(t, "The host had angrily denounced the new tax in an on-air rant.",
		"the new tax", "had angrily denounced", "The host")
}

// "and" with a finite verb after a noun-phrase content that has no verb
// of its own opens a second predicate of the cue's subject, not more of
// the content; a reported clause keeps its own coordinated predicate.
func TestContentEndsBeforeSecondPredicate(t *testing.T) {
	wantContent(t, "He declined that job and has since left the city.",
		"that job", "declined", "He")
	wantContent(t, "The mayor said the bridge was unsafe and had been closed.",
		"the bridge was unsafe and had been closed", "said", "The mayor")
}

// "“A,” X said, suggesting …, “B”": a participle cue between an
// attribution and the next quotation introduces that quotation, which is
// its content with the words after the cue; after a full stop the next
// quotation carries on the first attribution instead.
func TestParticipleIntroducesNextQuotation(t *testing.T) {
	text := "“We need more buses,” the mayor said, suggesting two fixes, including, “Run them every ten minutes and make them free.”"
	wantContent(t, text, "“We need more buses,”", "said", "the mayor")
	wantContent(t, text, "two fixes, including, “Run them every ten minutes and make them free.”", "suggesting", "the mayor")
	text2 := "“We need more buses,” the mayor said, suggesting that the city had waited too long. “Run them every ten minutes and make them free.”"
	wantContent(t, text2, "“Run them every ten minutes and make them free.”", "said", "the mayor")
}

// A speaker after a quotation may open with a possessor: "the film's
// narrator says".
func TestSpeakerWithPossessorAfterQuote(t *testing.T) {
	text := "“If he thinks that is clever,” the film's narrator says, “what does he think of you?”"
	wantContent(t, text, "“If he thinks that is clever,”", "says", "the film's narrator")
}

// A speech participle with a setting before the comma ("saying during
// the debate last week, “…”") introduces the quotation, said by the noun
// right before the participle; the quotation does not carry on the
// attribution of the sentence before.
func TestQuoteAfterWritersSentence(t *testing.T) {
	text := "“Why did he not pay?” a narrator asks. The film ends with footage of Lee saying during the debate last week, “That makes me clever,” as the crowd laughs."
	wantContent(t, text, "“That makes me clever,”", "saying", "Lee")
}

// "told NBC's “Meet the Press” that …": a quoted programme title ends
// the addressee; it is no partial quotation, and the "that" after its
// closing mark opens what was told. A verb the parser makes a conjunct
// of the cue with no conjunction, comma or dash before it is the
// reported clause's own.
func TestTitleAfterAddressee(t *testing.T) {
	text := "Heading into the vote, Lee told CNN's \"State of the Union\" that nobody would question her record."
	wantContent(t, text, "that nobody would question her record", "told", "Lee")
	text2 := "The governor tells CBS’s “Face the Nation” on Friday that “exactly who did it” remains under investigation."
	wantContent(t, text2, "that “exactly who did it” remains under investigation", "tells", "The governor")
}

// "according to" after a content needs a comma or a dash before it;
// without one it gives a measure ("overweight according to his body mass
// index"). A relative clause set off right before it is the content.
func TestAccordingToForms(t *testing.T) {
	text := "The doctor's letter lists his weight, which makes him overweight according to the usual charts."
	for _, r := range Quotes(fullDoc(t, text), "a") {
		if r.Cue != nil && r.Cue.Text == "according to" {
			t.Errorf("%q: unexpected attribution to %q", text, r.Content.Text)
		}
	}
	wantContent(t, "Every question brings a long answer about why the council must be wrong - which it often is, according to Ms. Park.",
		"which it often is", "according to", "Ms. Park")
	wantContent(t, "Ticket sales fell by a third, according to the theatre.",
		"Ticket sales fell by a third", "according to", "the theatre")
}

// "After saying (that) …, she …": a subordinator before a participle cue
// that opens the sentence; the clause runs to the comma (or to the
// closing mark after a comma inside a quotation) and the subject after
// it is the source.
func TestSubordinatorBeforeParticipleCue(t *testing.T) {
	wantContent(t, "After saying her foot was badly swollen, she was taken to the clinic.",
		"her foot was badly swollen", "saying", "she")
	wantContent(t, "After saying her knee was “so sore I could barely walk,” the runner left the race.",
		"her knee was “so sore I could barely walk,”", "saying", "the runner")
}

// "the mother of three replied, “…”": a number after "of" closes a
// speaker phrase.
func TestSpeakerEndsInNumberAfterOf(t *testing.T) {
	text := `Asked about fathers, the mother of three replied, "It's meant to help the parent who gave birth."`
	wantContent(t, text, `"It's meant to help the parent who gave birth."`, "replied", "the mother of three")
}

// "[Lee's parents, who asked …, watched it on Friday], lawyers said": a
// relative clause set off inside a reported clause, on the subject that
// opens it, is no attribution appended to the report; the main verb
// after it keeps the clause whole.
func TestRelativeOnReportedSubject(t *testing.T) {
	wantContent(t, "Lee's parents, who asked officers to show them footage of the crash, watched it on Friday, lawyers for the family said.",
		"Lee's parents, who asked officers to show them footage of the crash, watched it on Friday", "said", "lawyers for the family")
}

// "O'Neill said …", "Shelby later said …": a one-word name opening the
// sentence is the speaker, whatever the tagger calls it; a function word
// or an -ly adverb there is not.
func TestOneWordNameBeforeCue(t *testing.T) {
	wantContent(t, "O'Neill said officials are in possession of video that shows the fire.",
		"officials are in possession of video that shows the fire", "said", "O'Neill")
	wantContent(t, "Shelby later said she suspected the driver was under the influence of drugs.",
		"she suspected the driver was under the influence of drugs", "later said", "Shelby")
}

// ", aside from saying …": a preposition before a speech participle
// after a comma still opens an attribution of its own, which ends the
// content before it.
func TestPrepositionBeforeTrailingParticiple(t *testing.T) {
	text := "The mayor refuses to discuss the new budget, aside from saying he wants lower taxes."
	wantContent(t, text, "to discuss the new budget", "refuses", "The mayor")
	wantContent(t, text, "he wants lower taxes", "saying", "The mayor")
}

// "told his staff never to speak of it": a negation or adverb before an
// infinitive's "to" keeps the object and infinitive the content of the
// speech cue.
func TestNegatedInfinitiveAfterObject(t *testing.T) {
	wantContent(t, "The director told his staff never to speak of the emails.",
		"his staff never to speak of the emails", "told", "The director")
}

// "…, reported Reuters": "report" comes before a named source like
// "noted"; the comma may sit inside the closing quotation mark.
func TestReportedBeforeNamedSource(t *testing.T) {
	text := "The new poll shows the mayor ahead. This is “about the same edge he has had all year,” reported Reuters. Another fifth said they would not vote."
	wantContent(t, text, "This is “about the same edge he has had all year,”", "reported", "Reuters")
	wantContent(t, "Ticket sales fell by a third last year, reported the Gazette.",
		"Ticket sales fell by a third last year", "reported", "the Gazette")
}

// "X appeared at a hearing … for saying that …": a "saying that" gerund
// after a preposition reports what the sentence subject said.
func TestGerundAfterPreposition(t *testing.T) {
	wantContent(t, "He appeared at a 2014 hearing for his role in promoting diet pills and for saying that green tea extract was a “magic cure for every body type.”",
		"that green tea extract was a “magic cure for every body type.”", "saying", "He")
}

// "Lee, at Monday's debate, cited …", "Lee, appearing after her at the
// forum, cited …": a setting set off by commas between the subject and
// an object cue.
func TestSettingBetweenSubjectAndObjectCue(t *testing.T) {
	wantContent(t, "The feud began when Lee, at Monday's debate, cited rude comments Park had made about her staff.",
		"rude comments Park had made about her staff", "cited", "Lee")
	wantContent(t, "Park, appearing after Lee at the city forum, cited problems in the budget that he blamed on the council.",
		"problems in the budget that he blamed on the council", "cited", "Park")
}
