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
