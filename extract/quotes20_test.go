package extract

import "testing"

// "a call for [X to do Y]": a noun phrase after "for" is the subject of
// the infinitive after it, and what was called for is the whole clause;
// an adverbial clause of the infinitive stays out.
func TestForNounInfinitiveContent(t *testing.T) {
	wantContent(t, "Governor Maria Lopez sounded a call for the United States to accept more Syrian refugees on Friday as she issued a statement.",
		"the United States to accept more Syrian refugees on Friday", "a call for", "Governor Maria Lopez")
}

// "found [that A, and that B]": a second that-clause after "and" is a
// second complement of the same report and joins its content.
func TestSecondThatClauseJoinsContent(t *testing.T) {
	wantContent(t, "Federal investigators have also discovered that attempts to hack the program were made by people with possible ties to Russian and Chinese intelligence, and that foreign criminals who hid money in their home countries gained visas through the program.",
		"that attempts to hack the program were made by people with possible ties to Russian and Chinese intelligence, and that foreign criminals who hid money in their home countries gained visas through the program", "have also discovered", "Federal investigators")
	wantContent(t, "The inspectors discovered that the tanks were damaged, and that workers who reported leaks lost their jobs.",
		"that the tanks were damaged, and that workers who reported leaks lost their jobs", "discovered", "The inspectors")
}

// "his theory of [the United States' role in the world]": an apostrophe
// written onto a plural possessor is no closing quotation mark, and the
// content runs on over the noun it possesses.
func TestPluralPossessiveContinuesContent(t *testing.T) {
	wantContent(t, "It was proof of her theory of the United Nations' role in the war.",
		"the United Nations' role in the war", "theory of", "her")
}

// A noun-phrase content that holds a list runs on over the list's
// further items after a comma; a clause after the list stays out.
func TestNounListContinuesContent(t *testing.T) {
	wantContent(t, "The report weighs the city's plans for roads, bridges and ports, clean water and power.",
		"the city's plans for roads, bridges and ports, clean water and power", "weighs", "The report")
	wantContent(t, "The mayor praised the plans for roads, bridges and ports, Smith said.",
		"The mayor praised the plans for roads, bridges and ports", "said", "Smith")
}

// A dash and a noun phrase opened by "a"/"an" closing a content is the
// writer's gloss on the report, and the content ends before it.
func TestDashGlossEndsContent(t *testing.T) {
	wantContent(t, "A critic, Ann Lee, likened the new fees to \"robbing the poor\" - a charge that might have stung.",
		"the new fees to \"robbing the poor\"", "likened", "A critic, Ann Lee")
	wantContent(t, "The governor mocked the plan as “a fantasy” - a blunt jab at her rival.",
		"the plan as “a fantasy”", "mocked", "The governor")
}

// ", as he did …" closing a content says when else it was said, not
// what, and the content ends before it.
func TestAsDidTailEndsContent(t *testing.T) {
	wantContent(t, "The mayor has often cited the storm as the reason the budget is late, as she did again on Monday.",
		"the storm as the reason the budget is late", "has often cited", "The mayor")
}
