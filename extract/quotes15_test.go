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
