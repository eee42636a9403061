package extract

import "testing"

// A reported clause ends before an appositive the writer adds to the
// name that closes it; a noun-phrase content or a common noun before the
// comma keeps what follows.
func TestClauseEndsBeforeAppositiveOfName(t *testing.T) {
	wantContent(t, "The farmer said he did not trust Mr. Greene, the new owner of the mill.",
		"he did not trust Mr. Greene", "said", "The farmer")
	wantContent(t, "Residents say the money would be better spent on Riverside, the district that floods every spring.",
		"the money would be better spent on Riverside", "say", "Residents")
	wantContent(t, "The mayor said the town would pay for the repairs, the cleanup and the new fence.",
		"the town would pay for the repairs, the cleanup and the new fence", "said", "The mayor")
}
