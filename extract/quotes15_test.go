package extract

import "testing"

// A manner or degree adverb in -ly right before the cue verb is part of
// the cue, with the auxiliaries before it: "has strongly denied",
// "generally welcomed".
func TestCueTakesLyAdverb(t *testing.T) {
	wantContent(t, "The harbour master has strongly denied that the pier was unsafe.",
		"that the pier was unsafe", "has strongly denied", "The harbour master")
	wantContent(t, "Local farmers generally welcomed the new water rules.",
		"the new water rules", "generally welcomed", "Local farmers")
}

// An infinitive cue takes its "to", and the verb it completes when that
// verb reports nothing itself: "[went on to explain] how …", "[had to
// reject] …"; a purpose infinitive keeps only "to".
func TestInfinitiveCueTakesTo(t *testing.T) {
	wantContent(t, "The mayor went on to explain how the new toll would work.",
		"how the new toll would work", "went on to explain", "The mayor")
	wantContent(t, "The fishermen continue to ignore the quota on cod.",
		"the quota on cod", "continue to ignore", "The fishermen")
}

// The preposition a cue selects for its content belongs to the cue:
// "spoke fondly of [the old mill]", "have been accused of [hurting …]".
func TestCueTakesItsPreposition(t *testing.T) {
	wantContent(t, "The senator spoke fondly of the old mill.",
		"the old mill", "spoke fondly of", "The senator")
	wantContent(t, "Peacekeepers have been accused of hurting the villagers.",
		"hurting the villagers", "have been accused of", "")
}

// An infinitive after the object of a control verb says what the object
// is made or allowed to do: the subject of the control verb is no source
// of it ("The court forced the company to admit …" is no admission by
// the court).
func TestObjectControlledInfinitiveHasNoSubjectSource(t *testing.T) {
	for _, c := range []struct{ text, subject string }{
		{"The court forced the company to admit that the dam was unsafe.", "The court"},
		{"The charter allows tenants to hire agents to speak for them.", "The charter"},
		{"The treaty obliges states to offer shelter to all refugees.", "The treaty"},
		{"The club rules let members name proxies to vote for them.", "The club rules"},
	} {
		for _, q := range Quotes(fullDoc(t, c.text), "a") {
			if q.Speaker != nil && q.Speaker.Text == c.subject {
				t.Errorf("%q: %q given as the source of %q (cue %q)", c.text, c.subject, q.Content.Text, cueText(&q))
			}
		}
	}
}

// Focus adverbs go into the cue like -ly adverbs ("now says"), and "be
// able to" heads an infinitive cue like a verb ("was able to tout").
func TestCueTakesFocusAdverbAndAble(t *testing.T) {
	wantContent(t, "The mayor now says the dam is safe.", "the dam is safe", "now says", "The mayor")
	wantContent(t, "The governor was able to tout his record on jobs.", "his record on jobs", "was able to tout", "The governor")
}

// A predicative adjective or participle of feeling cue takes its copula
// and an impersonal "it"; a nominal cue takes its adjectives and an
// indefinite article.
func TestAdjectiveAndNounCuesTakeTheirWords(t *testing.T) {
	wantContent(t, "Farmers were frustrated that the canal closed early.", "that the canal closed early", "were frustrated", "Farmers")
	wantContent(t, "It was unclear whether the dam would hold.", "whether the dam would hold", "It was unclear", "")
	wantContent(t, "The memo was a tacit acknowledgment that the plan had failed.", "that the plan had failed", "a tacit acknowledgment", "")
}
