package extract

import "testing"

// "wants to X, Y and Z": bare verbs listed after the first infinitive,
// the last after a conjunction, share its "to" and belong to the content,
// though the parser hangs them on the finite cue.
func TestInfinitiveListStaysInContent(t *testing.T) {
	wantContent(t, "The senator wants to double the size of the school lunch program, expand the summer camps and create a new teacher training fund.",
		"to double the size of the school lunch program, expand the summer camps and create a new teacher training fund", "wants", "The senator")
}
