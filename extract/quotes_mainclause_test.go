package extract

import (
	"strings"
	"testing"
)

// A nominal cue's content ends before the sentence's main clause: a
// fronted "Amid fears that …" phrase is followed by the main clause after
// a comma, and a closing ", X said" reports the whole sentence. A
// capitalised opening preposition is no speaker, and "called in the
// army" reports nothing.
func TestNounContentStopsAtMainClause(t *testing.T) {
	for _, c := range []struct{ text, mainClause string }{
		{"Amid fears that the dam could burst overnight, the governor called in the army.", "governor"},
		{"The claim that the vote was rigged spread quickly online, election officials said.", "officials said"},
	} {
		qs := Quotes(fullDoc(t, c.text), "a")
		for _, r := range qs {
			if strings.HasPrefix(r.Content.Text, "that") && strings.Contains(r.Content.Text, c.mainClause) {
				t.Errorf("%q: content %q runs into the main clause", c.text, r.Content.Text)
			}
			if r.Speaker != nil && r.Speaker.Text == "Amid" {
				t.Errorf("%q: the opening preposition is the speaker", c.text)
			}
			if cueText(&r) == "called" {
				t.Errorf("%q: %q reported by a phrasal verb", c.text, r.Content.Text)
			}
		}
	}
	// The closing attribution still reports the whole sentence.
	wantQuote(t, "The claim that the vote was rigged spread quickly online, election officials said.",
		"The claim that the vote was rigged spread quickly online", "said", "election officials")
}
