package extract

import (
	"testing"
)

// TestPhysicalPassiveIsNoQuote: "was seized by gunmen" is a capture, not
// an attribution.
func TestPhysicalPassiveIsNoQuote(t *testing.T) {
	text := "Anna Berg, 41, was seized by armed men near the market in June."
	for _, q := range Quotes(fullDoc(t, text), "a") {
		t.Errorf("%q: capture read as quote %q (cue %q, speaker %q)", text, q.Content.Text, cueText(&q), speakerText(&q))
	}
}
