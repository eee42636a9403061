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

// TestGapRelativeObject: a speech or belief verb in a relative clause
// whose object is the noun the clause modifies reports that noun: "what
// the mayor said", "everything the senator says". A clause the parser
// hung on the verb without "that" is the main predicate, not a content;
// a pseudo-cleft ("what I learned is that …") and a free relative inside
// a larger phrase stay out.
func TestGapRelativeObject(t *testing.T) {
	wantCueQuote(t, "That was what the mayor said when she resigned.", "said", "what", "the mayor")
	wantCueQuote(t, "Everything the senator says is a lie.", "says", "Everything", "the senator")
	for _, text := range []string{
		"What I learned from the farmers is that the rain never comes.",
		"The gap between what voters expect from her and what they expect from him is vast.",
	} {
		for _, q := range Quotes(fullDoc(t, text), "a") {
			if q.Content.Text == "What" || q.Content.Text == "what" {
				t.Errorf("%q: the free relative reported as a content: %+v", text, q)
			}
		}
	}
}

// TestRecitedObject: reciting, quoting or clarifying something reports
// it, like mentioning it: the plain object is the content.
func TestRecitedObject(t *testing.T) {
	wantCueQuote(t, "The senator told the crowd, reciting the old taunt of the dying woman.",
		"reciting", "the old taunt of the dying woman", "The senator")
	wantCueQuote(t, "The mayor hardly clarified the matter on Monday.", "hardly clarified", "the matter", "The mayor")
}

// TestQuantifierSubject: a quantifier opening the clause right before a
// cue is its subject, even when the parser hangs it on the verb as a
// modifier ("all agreed that …").
func TestQuantifierSubject(t *testing.T) {
	wantCueQuote(t, "To varying degrees, all agreed that the plan would raise taxes on farmers.",
		"agreed", "that the plan would raise taxes on farmers", "all")
}

// TestNounClauseThatReadAsDeterminer: after a nominal cue, a "that" the
// tagger read as a determiner but followed by a one-word subject and a
// finite verb opens the content clause; the clause ends before the
// main clause after the comma, an existential "there" included, and
// with the comma inside a closing quotation mark.
func TestNounClauseThatReadAsDeterminer(t *testing.T) {
	wantCueQuote(t, "Contrary to his claim that people would learn nothing, there would be a wealth of information.",
		"claim", "that people would learn nothing", "his")
	wantCueQuote(t, "Contrary to his claim that people would ''learn nothing,'' there would be a wealth of information.",
		"claim", "that people would ''learn nothing,''", "his")
}

// TestCapitalisedVerbIsName: a capitalised word inside a sentence that
// is also a reporting verb ("Post", "Report") is a name when tagged a
// noun, and can be the speaker of a closing attribution.
func TestCapitalisedVerbIsName(t *testing.T) {
	wantCueQuote(t, "The mayor will resign next week, The Post has learned.",
		"has learned", "The mayor will resign next week", "The Post")
}
