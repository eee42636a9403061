package extract

import "testing"

// Verbs of belief, pleading, wondering and learning select a preposition
// whose object is what is believed, asked for or learned: "believe in
// X", "pleaded for X", "wondered about X", "learned of X".
func TestBeliefAndPleaPrepositions(t *testing.T) {
	wantContent(t, "The old farmer still believes in the healing power of the mountain springs.",
		"the healing power of the mountain springs", "still believes in", "The old farmer")
	wantContent(t, "The fishermen pleaded for more time to repair their damaged boats.",
		"more time to repair their damaged boats", "pleaded for", "The fishermen")
	wantContent(t, "The council learned of the leaking pipes from a letter sent by residents.",
		"the leaking pipes from a letter sent by residents", "learned of", "The council")
}

// `"… “…” …"`: a quotation in curly marks inside a straight-quoted one
// is nested in it; the outer quotation is the speaker's, and the words
// that introduce the inner one are part of it, not a new attribution.
func TestCurlyQuoteNestedInStraightQuote(t *testing.T) {
	text := "Lee continued:\n\n\"The economy is the big issue this year, and I will read you the question: “Do you feel better off?” Most people said no.\""
	wantContent(t, text, "\"The economy is the big issue this year, and I will read you the question: “Do you feel better off?” Most people said no.\"", "continued:", "Lee")
}

// A reported clause that opens a quotation runs on to its closing mark:
// a comma inside the quoted words ends no report, and a quotation the
// clause's own words introduce is nested in it.
func TestContentRunsToClosingMark(t *testing.T) {
	wantContent(t, `I hope that in 2030 the town says, "Mayor Lee, thank you for a lifetime of hard work."`,
		`that in 2030 the town says, "Mayor Lee, thank you for a lifetime of hard work."`, "hope", "I")
}

// "When pressed by X about …, …", "If asked whether …, …": a participle
// of asking after a subordinator opens the sentence like "Asked about
// …"; the question is the content and the asker named by "by" its
// source.
func TestWhenPressedLead(t *testing.T) {
	wantContent(t, "When pressed by the host about how he would pay for the new bridge, the mayor changed the subject.",
		"how he would pay for the new bridge", "pressed", "the host")
	wantContent(t, "If asked whether the plant will close, the manager says nothing.",
		"whether the plant will close", "asked", "")
}
