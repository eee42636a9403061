package extract

import (
	"testing"

	"dateline/record"
)

// Tests of the twelfth quotes round (fourteenth session): gold
// attributions the finder had missed outright. Texts written for the
// purpose.

// quoteByCue returns the first quote whose cue text is cue, or nil.
func quoteByCue(qs []record.Quote, cue string) *record.Quote {
	for i := range qs {
		if cueText(&qs[i]) == cue {
			return &qs[i]
		}
	}
	return nil
}

// wantCueQuote checks that text yields a quote with cue, content and speaker.
func wantCueQuote(t *testing.T, text, cue, content, speaker string) {
	t.Helper()
	qs := Quotes(fullDoc(t, text), "a")
	q := quoteByCue(qs, cue)
	if q == nil {
		t.Errorf("%q: no quote with cue %q: %+v", text, cue, qs)
		return
	}
	if q.Content.Text != content {
		t.Errorf("%q: content %q, want %q", text, q.Content.Text, content)
	}
	got := ""
	if q.Speaker != nil {
		got = q.Speaker.Text
	}
	if got != speaker {
		t.Errorf("%q: speaker %q, want %q", text, got, speaker)
	}
}

// TestIntentAndStatementNouns: nouns of resolve and of public statement
// take their complement as content, like "decision" and "claim" ("his
// determination to …", "media pronouncements that …"); a source noun
// compounded with the cue holds it as a possessor would.
func TestIntentAndStatementNouns(t *testing.T) {
	wantCueQuote(t, "The governor's determination to close the plant surprised the union.",
		"determination", "to close the plant", "The governor's")
	wantCueQuote(t, "Despite media pronouncements that the mayor won the debate, her poll numbers fell.",
		"pronouncements", "that the mayor won the debate", "media")
}
