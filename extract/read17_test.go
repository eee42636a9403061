package extract

import "testing"

// Tests from the eighteenth session's read-by-hand round (round 17):
// sentences written for the purpose.

// TestAboutBeforeNumberStaysInContent: an "about" hedging the number that
// opens a reported clause belongs to the content, not to the cue, and the
// number is then claimed by the speaker, not by the outlet.
func TestAboutBeforeNumberStaysInContent(t *testing.T) {
	wantContent(t, "The organisers said about 500 volunteers had signed up by Friday.",
		"about 500 volunteers had signed up by Friday", "said", "The organisers")
	wantContent(t, "The mayor said about a third of the bridges were closed.",
		"about a third of the bridges were closed", "said", "The mayor")
	for _, c := range claimsIn(t, "The fire chief said about 60 firefighters were hurt.") {
		if c.Value == 60 && c.ClaimedBy != "The fire chief" {
			t.Errorf("about 60 firefighters: claimed by %q, want the fire chief", c.ClaimedBy)
		}
	}
	// A topic after "about" stays a preposition of the cue.
	wantContent(t, "The union complained about the new rota on Monday.",
		"the new rota on Monday", "complained about", "The union")
}
