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
