package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NewDoc tokenizes text and splits it into sentences. The other
// components (tagger, parser, recogniser) fill in the rest of the Doc.
func NewDoc(text string) *Doc {
	toks := Tokenize(text)
	return &Doc{Text: text, Tokens: toks, Sents: SplitSentences(text, toks)}
}

// SplitSentences groups toks, the tokens of text as returned by Tokenize,
// into sentences. The sentences cover every token, in order. Tokens whose
// offsets do not point into text are tolerated (no line breaks are seen
// between them), never a reason to panic.
//
// A sentence ends:
//   - at every line break: news text has one paragraph per line, so a
//     single newline (or a blank line) always ends a sentence, which also
//     makes a dateline on its own line ("MOSCOW") a sentence of its own;
//   - after a dateline that opens a paragraph and ends in a dash
//     ("WASHINGTON (AP) —", "GAZA CITY, Oct. 31 (Reuters) -");
//   - after ".", "!", "?", "…" or a run of them, together with the closing
//     quotes, brackets and smileys that follow (`now."` keeps its quote,
//     "great. :)" its emoticon), unless the
//     next word starts with a lower-case letter (`"Why?" he asked.`,
//     `“…now,” he stressed.`) or the next token is a comma or semicolon;
//   - after an abbreviation that can end a sentence ("Inc.", "U.S.",
//     "a.m.", an initial), only when the next word is one that typically
//     starts a sentence ("The", "He", "But", …). Titles ("Mr.", "Gen.")
//     and "No." before a number never end one, and neither does a period
//     inside a number or a word ("2.3", "U.S.").
func SplitSentences(text string, toks []Token) []Sentence {
	n := len(toks)
	if n == 0 {
		return nil
	}
	var out []Sentence
	start := 0
	for i := 0; i < n; {
		j := i + 1 // where the sentence would end if it ends after token i
		brk := false
		if i == start && (i == 0 || newlineBetween(text, toks, i-1)) {
			if e := datelineEnd(toks, i); e > i {
				j, brk = e, true
			}
		}
		if !brk {
			if kind := terminalKind(toks[i].Text); kind != termNone {
				// ". . ." typed with spaces is one ellipsis.
				k := i + 1
				for kind != termAbbrev && k < n && !newlineBetween(text, toks, k-1) && terminalKind(toks[k].Text) == termPunct {
					kind = termEllipsis
					k++
				}
				j = closersEnd(text, toks, k)
				// "track.'.''": a stop glued after the closing quote
				// belongs to the same sentence end.
				for j < n && j > k && !toks[j-1].SpaceAfter && terminalKind(toks[j].Text) == termPunct {
					j = closersEnd(text, toks, j+1)
				}
				brk = endsSentence(kind, toks, j, j > k)
			}
		}
		for k := i; k < j; k++ {
			if k+1 < n && newlineBetween(text, toks, k) {
				j, brk = k+1, true
				break
			}
		}
		if j >= n {
			j, brk = n, true
		}
		if brk {
			out = append(out, Sentence{Start: start, End: j,
				StartByte: toks[start].Start, EndByte: toks[j-1].End})
			start = j
		}
		i = j
	}
	return out
}

// newlineBetween reports whether a line break separates tokens k and k+1.
func newlineBetween(text string, toks []Token, k int) bool {
	a, b := toks[k].End, toks[k+1].Start
	if a >= b || a < 0 || b > len(text) {
		return false // touching tokens, or offsets that are not into text
	}
	gap := text[a:b]
	if len(gap) == 0 || (len(gap) == 1 && gap[0] == ' ') {
		return false // the common cases, decided without a search
	}
	return strings.ContainsAny(gap, "\n\r\u2028\u2029\u0085")
}

// Terminal kinds of a token.
const (
	termNone     = iota
	termPunct    // . ! ? and runs of them
	termEllipsis // ... … (also after ! or ?)
	termAbbrev   // an abbreviation that may end a sentence
)

// terminalKind classifies a token as sentence-final punctuation, an
// abbreviation that may end a sentence, or neither.
func terminalKind(t string) int {
	if t == "" {
		return termNone
	}
	switch t[len(t)-1] {
	case '.', '!', '?', 0xA6: // 0xA6 ends "…" in UTF-8
	default:
		return termNone
	}
	allTerm := true
	for _, r := range t {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			allTerm = false
			break
		}
	}
	if allTerm {
		if strings.Contains(t, "..") || strings.Contains(t, "…") {
			return termEllipsis
		}
		return termPunct
	}
	if len(t) < 2 || t[len(t)-1] != '.' {
		return termNone
	}
	w := t[:len(t)-1]
	if w == "P.S" || w == "PS" {
		return termNone // the postscript follows
	}
	if strings.IndexByte(w, '.') >= 0 {
		return termAbbrev // U.S. a.m. e.g.
	}
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return termAbbrev // an initial
	}
	switch abbrevKind(w) {
	case abbrOther:
		return termAbbrev
	}
	// Titles and "No." never end a sentence; a word that kept its period
	// for another reason is treated like an abbreviation.
	return termNone
}

// closersEnd returns the index after the closing quotes and brackets that
// follow a sentence-final mark at toks[j-1]. A straight quote only closes
// when it is glued to the mark (`now."`); with a space before it, it more
// likely opens the next sentence.
func closersEnd(text string, toks []Token, j int) int {
	for j < len(toks) {
		if newlineBetween(text, toks, j-1) {
			return j
		}
		switch toks[j].Text {
		case "\u201d", "\u2019", ")", "]", "}", "\u00bb", "\u203a":
			j++
			continue
		}
		if isSmiley(toks[j].Text) {
			j++ // "I love it. :)" — the smiley belongs to the sentence
			continue
		}
		switch toks[j].Text {
		case "\"", "'", "''":
			if !toks[j-1].SpaceAfter {
				j++
				continue
			}
		}
		break
	}
	return j
}

// endsSentence decides whether a sentence ends before toks[j], given the
// kind of terminal that precedes it and whether a closing quote or bracket
// came between them.
func endsSentence(kind int, toks []Token, j int, closed bool) bool {
	if j >= len(toks) {
		return true
	}
	if !toks[j-1].SpaceAfter {
		switch toks[j].Text {
		case ",", ";", ":", ")", "]", "}", "%", "-":
			return false // "Yahoo!, Inc.", "(etc.).", "U.S.-led"
		}
	}
	// Find the first word, skipping opening quotes and brackets.
	k := j
	quoted := false
	for k < len(toks) && k < j+3 && isOpener(toks[k].Text) {
		quoted = quoted || isQuote(toks[k].Text)
		k++
	}
	if k >= len(toks) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(toks[k].Text)
	switch kind {
	case termPunct:
		// After a quotation, a lower-case word continues the sentence
		// (`"Why?" he asked.`), and so it does after a "!" glued to a
		// name ("Yahoo! said", "Jeb! was"); otherwise a stop is a stop,
		// even before a lower-case word.
		if !unicode.IsLower(r) {
			return true
		}
		return !closed && toks[j-1].Text != "!"
	case termEllipsis:
		// An ellipsis inside a sentence marks an omission: "we will ... go".
		return !unicode.IsLower(r)
	}
	// An abbreviation: only a typical sentence opening ends the sentence.
	if quoted && unicode.IsUpper(r) {
		return true
	}
	return sentenceStarters[toks[k].Text]
}

// isSmiley reports whether t is an emoji or an ASCII emoticon token.
func isSmiley(t string) bool {
	if t == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); isEmojiBase(r) {
		return true
	}
	switch t[0] {
	case ':', ';', '=':
		return len(t) >= 2 && len(t) <= 3 && emoticonEnd(t, 0, len(t)) == len(t)
	}
	return false
}

func isQuote(t string) bool {
	switch t {
	case "\"", "'", "''", "\u201c", "\u2018", "\u00ab", "`", "``", "\u2039", "\u201e":
		return true
	}
	return false
}

func isOpener(t string) bool {
	switch t {
	case "\"", "'", "''", "\u201c", "\u2018", "(", "[", "{", "\u00ab", "`", "``", "\u2039", "\u201e":
		return true
	}
	return false
}

// sentenceStarters are capitalised words that usually begin a sentence
// and rarely continue a name, so that "… in the U.S. The talks …" is split
// while "U.S. President" and "Apple Inc. Chief" are not.
var sentenceStarters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An He She It They We I You This That These Those
		His Her Its Their Our My Your There Here But And Or So Yet If When While After
		Before Since Although Though As At In On Of For From With By To Over Under During
		Despite However Meanwhile Also Still Now Then Some Many Most All Both Each Every
		Several None Other Others Such What Who Why How Where Which Later Earlier Last Next
		Today Yesterday Tomorrow Instead Asked According Because Not Nor Thus Hence Please
		Thank Thanks Yes No Let Do Does Did Is Are Was Were Will Would Can Could Should`) {
		m[w] = true
	}
	return m
}()

// datelineEnd recognises a dateline at the start of a paragraph: a city
// in capitals, optionally followed by a region, a date and an agency in
// brackets, ending in a dash ("WASHINGTON (AP) —", "GAZA CITY, Gaza Strip
// (Reuters) -"). It returns the index after the dash, or -1. A line break
// before the dash is caught by the caller, which ends the sentence there.
func datelineEnd(toks []Token, i int) int {
	if !isCapsWord(toks[i].Text) {
		return -1
	}
	for k := i + 1; k < len(toks) && k < i+14; k++ {
		t := toks[k].Text
		switch t {
		case "\u2014", "\u2013", "--", "-":
			if !toks[k-1].SpaceAfter || !toks[k].SpaceAfter || k+1 >= len(toks) {
				return -1
			}
			return k + 1
		case "(", ")", ",", "/":
			continue
		}
		if k := terminalKind(t); k == termPunct || k == termEllipsis {
			return -1
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return -1 // lower-case words mean running text, not a dateline
		}
	}
	return -1
}

// isCapsWord reports whether t is a word of three or more letters, all
// capitals (two-letter ones are more often initialisms like "PS").
func isCapsWord(t string) bool {
	n := 0
	for _, r := range t {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 3
}
