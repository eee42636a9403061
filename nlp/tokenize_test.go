package nlp

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// toks returns the token texts of s joined by "|".
func toks(s string) string {
	var parts []string
	for _, t := range Tokenize(s) {
		parts = append(parts, t.Text)
	}
	return strings.Join(parts, "|")
}

func TestTokenizeCases(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "The rain fell.", "The|rain|fell|."},
		{"month abbreviation", "It began on Oct. 7 at dawn.", "It|began|on|Oct.|7|at|dawn|."},
		{"dotted abbreviation", "U.S. troops left.", "U.S.|troops|left|."},
		{"titles", "Gov. Smith met Mr. Jones and Dr. Lee.", "Gov.|Smith|met|Mr.|Jones|and|Dr.|Lee|."},
		{"company", "Acme Inc. grew. Widgets Corp., too.", "Acme|Inc.|grew|.|Widgets|Corp.|,|too|."},
		{"saint and month", "St. Louis in Jan. 2020", "St.|Louis|in|Jan.|2020"},
		{"number sign before digits", "Room No. 5 was empty.", "Room|No.|5|was|empty|."},
		{"no as a word", "The answer was No.", "The|answer|was|No|."},
		{"initials", "J. K. Smith wrote it.", "J.|K.|Smith|wrote|it|."},
		{"thousands", "Over 8,700 people", "Over|8,700|people"},
		{"decimal and million", "2.3 million residents", "2.3|million|residents"},
		{"currency", "It cost $1.5 billion.", "It|cost|$|1.5|billion|."},
		{"percent", "up 10% today", "up|10|%|today"},
		{"decade", "in the 1990s and '80s", "in|the|1990s|and|'80s"},
		{"ordinal", "the 3rd and 21st", "the|3rd|and|21st"},
		{"unit", "at 5pm, 10km away", "at|5|pm|,|10|km|away"},
		{"iso date", "on 2023-10-27 we", "on|2023-10-27|we"},
		{"slash date", "on 10/27/2023 we", "on|10/27/2023|we"},
		{"time", "at 5:30 p.m. local time", "at|5:30|p.m.|local|time"},
		{"range", "from 2020-2023 and 10-15", "from|2020|-|2023|and|10|-|15"},
		{"phone", "call 713-853-3989 now", "call|713-853-3989|now"},
		{"possessive s", "Russia's policy", "Russia|'s|policy"},
		{"possessive apostrophe", "Hamas' political bureau", "Hamas|'|political|bureau"},
		{"curly possessive", "Hamas’ wing and Gaza’s people", "Hamas|’|wing|and|Gaza|’s|people"},
		{"negation", "They don't know.", "They|do|n't|know|."},
		{"can't", "I can't go", "I|ca|n't|go"},
		{"won't", "we won’t stop", "we|wo|n’t|stop"},
		{"I'm", "I'm here", "I|'m|here"},
		{"double clitic", "they'd've gone", "they|'d|'ve|gone"},
		{"clitics", "we're, you've, she'll, he'd", "we|'re|,|you|'ve|,|she|'ll|,|he|'d"},
		{"cannot", "we cannot wait", "we|can|not|wait"},
		{"gonna", "I'm gonna go", "I|'m|gon|na|go"},
		{"name with apostrophe", "O'Brien and al-Qa'ida", "O'Brien|and|al|-|Qa'ida"},
		{"upper-case negation", "DON'T", "DO|N'T"},
		{"straight quotes", `He said "no" twice.`, `He|said|"|no|"|twice|.`},
		{"curly quotes", "“We will,” he said.", "“|We|will|,|”|he|said|."},
		{"single curly quotes", "the ‘red line’ was", "the|‘|red|line|’|was"},
		{"hyphenated compound", "the Israeli-Palestinian conflict", "the|Israeli|-|Palestinian|conflict"},
		{"number compound", "a 15-year term", "a|15|-|year|term"},
		{"prefix", "an e-mail on anti-war and re-election", "an|e-mail|on|anti-war|and|re-election"},
		{"em dash", "Gaza—the enclave—is", "Gaza|—|the|enclave|—|is"},
		{"en dash", "pages 3–5", "pages|3|–|5"},
		{"double hyphen", "wait--no", "wait|--|no"},
		{"url", "See https://example.com/a?b=1&c=2. Then", "See|https://example.com/a?b=1&c=2|.|Then"},
		{"url in brackets", "(www.example.org/page)", "(|www.example.org/page|)"},
		{"email", "Write to press@example.com, please.", "Write|to|press@example.com|,|please|."},
		{"handle and hashtag", "@UN says #Gaza", "@UN|says|#Gaza"},
		{"emoji", "great 👍🏽 news 🇺🇦!", "great|👍🏽|news|🇺🇦|!"},
		{"zwj emoji", "a 👩‍👩‍👧 family", "a|👩‍👩‍👧|family"},
		{"adjacent emoji", "😀😀", "😀|😀"},
		{"ellipsis", "Well... maybe…", "Well|...|maybe|…"},
		{"exclamations", "No!!! Really?!", "No|!!!|Really|?!"},
		{"parentheses", "(AP) said [sic] {x}", "(|AP|)|said|[|sic|]|{|x|}"},
		{"emoticon", "thanks :) bye :-(", "thanks|:)|bye|:-("},
		{"colon", "He said: yes", "He|said|:|yes"},
		{"ampersand", "AT&T and R&D & more", "AT&T|and|R&D|&|more"},
		{"domain", "visit example.com.", "visit|example.com|."},
		{"decimal at end", "rose 2.3.", "rose|2.3|."},
		{"abbreviation before ellipsis", "etc...", "etc|..."},
		{"sentence end U.S.", "in the U.S.", "in|the|U.S."},
		{"non-breaking space", "10\u00a0km", "10|km"},
		{"zero-width space", "a\u200bb", "a|b"},
		{"accents", "Zürich café naïve", "Zürich|café|naïve"},
		{"empty", "", ""},
		{"only spaces", " \n\t ", ""},
	}
	for _, c := range cases {
		if got := toks(c.in); got != c.want {
			t.Errorf("%s: Tokenize(%q)\n got %s\nwant %s", c.name, c.in, got, c.want)
		}
	}
}

func TestTokenizeOffsetsAndSpaceAfter(t *testing.T) {
	text := "“Hi,” she said.\nOk"
	got := Tokenize(text)
	want := []struct {
		text       string
		start, end int
		space      bool
	}{
		{"“", 0, 3, false}, {"Hi", 3, 5, false}, {",", 5, 6, false}, {"”", 6, 9, true},
		{"she", 10, 13, true}, {"said", 14, 18, false}, {".", 18, 19, true}, {"Ok", 20, 22, false},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(got), toks(text), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Start != w.start || g.End != w.end || g.SpaceAfter != w.space || g.Head != -1 {
			t.Errorf("token %d = %+v, want %q [%d,%d) space=%v head=-1", i, g, w.text, w.start, w.end, w.space)
		}
	}
}

func TestTokenizeInvalidUTF8(t *testing.T) {
	text := "caf\xe9 \xff\xfe ok"
	got := toks(text)
	if want := "caf\xe9|\xff\xfe|ok"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// checkTokens verifies the invariants every tokenization must satisfy.
func checkTokens(t *testing.T, text string, tokens []Token) {
	t.Helper()
	prev := 0
	for i, tk := range tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or bounds (prev end %d, len %d) in %q", i, tk.Start, tk.End, prev, len(text), text)
		}
		if tk.Text != text[tk.Start:tk.End] {
			t.Fatalf("token %d text %q != text[%d:%d] %q", i, tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
		}
		for _, r := range tk.Text {
			if unicode.IsSpace(r) {
				t.Fatalf("token %d %q contains whitespace in %q", i, tk.Text, text)
			}
		}
		if tk.Head != -1 {
			t.Fatalf("token %d Head = %d, want -1", i, tk.Head)
		}
		// Everything between tokens must be whitespace or separators.
		for _, r := range text[prev:tk.Start] {
			if r != utf8.RuneError && !unicode.IsSpace(r) && !unicode.IsControl(r) && r != 0x200B && r != 0x2060 && r != 0xFEFF {
				t.Fatalf("text %q dropped between tokens at [%d,%d) in %q", text[prev:tk.Start], prev, tk.Start, text)
			}
		}
		prev = tk.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "The U.S. said Oct. 7.", "don't can't Hamas' Russia’s", "$1.5 10% 2023-10-27 5:30",
		"“Quote,” he said. \"Now.\" she said.", "👩‍👩‍👧 🇺🇦 👍🏽", "http://x.com/a). e@x.org.",
		"\xff\xfe\xfd", "a\u200bb\u00a0c", "'s '90s ''", ":) :-( :/", "...!!!??", "\u0301\u0301a", "-5 +1 .5",
		"MOSCOW\nWASHINGTON (AP) — Hi.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tokens := Tokenize(text)
		checkTokens(t, text, tokens)
		sents := SplitSentences(text, tokens)
		next := 0
		for i, s := range sents {
			if s.Start != next || s.End <= s.Start || s.End > len(tokens) {
				t.Fatalf("sentence %d [%d,%d) does not continue at %d (of %d tokens)", i, s.Start, s.End, next, len(tokens))
			}
			if s.StartByte != tokens[s.Start].Start || s.EndByte != tokens[s.End-1].End {
				t.Fatalf("sentence %d bytes [%d,%d) disagree with its tokens", i, s.StartByte, s.EndByte)
			}
			next = s.End
		}
		if next != len(tokens) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(tokens))
		}
	})
}

// TestTokenizeLongChunks feeds long runs without spaces that would take
// quadratic time if any rule rescanned the rest of the chunk per token.
func TestTokenizeLongChunks(t *testing.T) {
	for name, text := range map[string]string{
		"hyphens before @":  strings.Repeat("a-", 100000) + "@x.org",
		"digit groups":      strings.Repeat("1-", 100000) + "1a",
		"closing brackets":  "http://x.org/" + strings.Repeat(")", 100000),
		"dots":              strings.Repeat("a.", 100000),
		"apostrophes":       strings.Repeat("a'", 100000),
		"emoji and joiners": strings.Repeat("👍\u200d", 50000),
	} {
		start := time.Now()
		tokens := Tokenize(text)
		checkTokens(t, text, tokens)
		SplitSentences(text, tokens)
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: %d bytes took %v", name, len(text), d)
		}
	}
}
