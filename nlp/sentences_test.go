package nlp

import (
	"strings"
	"testing"
)

// sents returns the sentences of text joined by " || ".
func sents(text string) string {
	d := NewDoc(text)
	var parts []string
	for _, s := range d.Sents {
		parts = append(parts, text[s.StartByte:s.EndByte])
	}
	return strings.Join(parts, " || ")
}

func TestSplitSentencesCases(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"two sentences", "The rain fell. The river rose.", "The rain fell. || The river rose."},
		{"question and exclamation", "Who came? Nobody! Then silence.", "Who came? || Nobody! || Then silence."},
		{"month abbreviation", "The attack came on Oct. 7 at dawn. It lasted hours.",
			"The attack came on Oct. 7 at dawn. || It lasted hours."},
		{"U.S. before a noun", "U.S. officials met. They left.", "U.S. officials met. || They left."},
		{"U.S. ending a sentence", "Aid came from the U.S. The talks went on.",
			"Aid came from the U.S. || The talks went on."},
		{"U.S. before a title", "He flew to the U.S. President Biden met him.",
			"He flew to the U.S. President Biden met him."},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Lee.", "Mr. Smith met Dr. Jones and Gen. Lee."},
		{"company before a starter", "He joined Acme Inc. The firm grew.", "He joined Acme Inc. || The firm grew."},
		{"company before a verb", "Acme Inc. said profits rose.", "Acme Inc. said profits rose."},
		{"initials", "The book by J. K. Rowling sold well.", "The book by J. K. Rowling sold well."},
		{"number sign", "He lives at No. 5 Main Street.", "He lives at No. 5 Main Street."},
		{"decimal", "Prices rose 2.3 percent. Wages did not.", "Prices rose 2.3 percent. || Wages did not."},
		{"quote closes the sentence", `"We will stay." Then he left.`, `"We will stay." || Then he left.`},
		{"quote then lower case", `"We will fight now." he said.`, `"We will fight now." he said.`},
		{"curly quote with comma", "“It is over now,” he stressed. Others agreed.",
			"“It is over now,” he stressed. || Others agreed."},
		{"question in quotes", "“Why?” she asked. Nobody knew.", "“Why?” she asked. || Nobody knew."},
		{"quote after colon", "Peskov said: “There are no such concerns.” Talks go on.",
			"Peskov said: “There are no such concerns.” || Talks go on."},
		{"closing bracket", "He left (finally.) Then rain.", "He left (finally.) || Then rain."},
		{"ellipsis inside", "We will ... continue the talks. Then stop.", "We will ... continue the talks. || Then stop."},
		{"ellipsis at end", "We waited... Nobody came.", "We waited... || Nobody came."},
		{"lower case after a stop", "It rained. then it snowed.", "It rained. || then it snowed."},
		{"paragraphs", "First line without a stop\nSecond line.\n\nThird line.",
			"First line without a stop || Second line. || Third line."},
		{"dateline line", "MOSCOW\nThe Kremlin said Friday it would talk.", "MOSCOW || The Kremlin said Friday it would talk."},
		{"dateline with agency", "WASHINGTON (AP) — The Senate voted on Tuesday. It passed.",
			"WASHINGTON (AP) — || The Senate voted on Tuesday. || It passed."},
		{"dateline with region and date", "GAZA CITY, Gaza Strip, Oct. 31 (Reuters) - Strikes hit the city.",
			"GAZA CITY, Gaza Strip, Oct. 31 (Reuters) - || Strikes hit the city."},
		{"not a dateline", "NATO troops - about 500 - arrived.", "NATO troops - about 500 - arrived."},
		{"abbreviation at end of text", "They met at 5 p.m.", "They met at 5 p.m."},
		{"no final stop", "A headline with no stop", "A headline with no stop"},
		{"comma after exclamation", "Yahoo!, the portal, fell.", "Yahoo!, the portal, fell."},
		{"stop after a closing single quote", "He spoke of the 'wrong track.'.'' Polls agree.", "He spoke of the 'wrong track.'.'' || Polls agree."},
		{"double apostrophe opening a quote", "said Mr. Rhodes. ''He left.''", "said Mr. Rhodes. || ''He left.''"},
		{"smiley after a stop", "I love it. :) See you. 👍 Bye.", "I love it. :) || See you. 👍 || Bye."},
		{"postscript", "P.S. Call me.", "P.S. Call me."},
		{"exclamation in a name", "Yahoo! said profits fell.", "Yahoo! said profits fell."},
		{"question before lower case", "Who knew? nobody did.", "Who knew? || nobody did."},
		{"spaced ellipsis", "We will . . . continue. Then stop.", "We will . . . continue. || Then stop."},
		{"dash after a stop", "Thank you. - Bob", "Thank you. || - Bob"},
		{"not a dateline: short caps", "PS -- There is more.", "PS -- There is more."},
	}
	for _, c := range cases {
		if got := sents(c.in); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestSplitSentencesIndices(t *testing.T) {
	text := "It rained. Then it stopped.\nDone"
	d := NewDoc(text)
	want := []Sentence{{0, 3, 0, 10}, {3, 7, 11, 27}, {7, 8, 28, 32}}
	if len(d.Sents) != len(want) {
		t.Fatalf("got %d sentences %+v, want %d", len(d.Sents), d.Sents, len(want))
	}
	for i, w := range want {
		if d.Sents[i] != w {
			t.Errorf("sentence %d = %+v, want %+v", i, d.Sents[i], w)
		}
	}
	if d.SentenceOf(4) != 1 {
		t.Errorf("SentenceOf(4) = %d, want 1", d.SentenceOf(4))
	}
}

func TestSplitSentencesEmpty(t *testing.T) {
	if s := SplitSentences("", nil); s != nil {
		t.Errorf("empty text gave %+v", s)
	}
	if d := NewDoc("   \n "); len(d.Tokens) != 0 || len(d.Sents) != 0 {
		t.Errorf("blank text gave %+v", d)
	}
}

func TestSplitSentencesForeignTokens(t *testing.T) {
	// Offsets that do not belong to text must not crash the splitter.
	toks := []Token{{Text: "Hi", Start: 5, End: 90}, {Text: ".", Start: 2, End: 3}, {Text: "Ok", Start: 100, End: 102}}
	got := SplitSentences("short", toks)
	if len(got) == 0 || got[len(got)-1].End != len(toks) {
		t.Fatalf("sentences %+v do not cover the %d tokens", got, len(toks))
	}
}
