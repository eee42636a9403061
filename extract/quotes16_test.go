package extract

import "testing"

// "wants to X, Y and Z": bare verbs listed after the first infinitive,
// the last after a conjunction, share its "to" and belong to the content,
// though the parser hangs them on the finite cue.
func TestInfinitiveListStaysInContent(t *testing.T) {
	wantContent(t, "The senator wants to double the size of the school lunch program, expand the summer camps and create a new teacher training fund.",
		"to double the size of the school lunch program, expand the summer camps and create a new teacher training fund", "wants", "The senator")
}

// "noted that A, and that B": a clause opened by "and that" after a comma
// is a second complement of the same cue, not a clause of its own, both
// when the surface rule reads the report and when the parse does.
func TestCommaAndThatClauseStaysInContent(t *testing.T) {
	wantContent(t, "The governor noted that the bridge was closed for repairs last spring, and that two ferries were added.",
		"that the bridge was closed for repairs last spring, and that two ferries were added", "noted", "The governor")
	wantContent(t, "Investigators have discovered that the files were altered by a former clerk, and that the backups had been deleted in March.",
		"that the files were altered by a former clerk, and that the backups had been deleted in March", "have discovered", "Investigators")
}
