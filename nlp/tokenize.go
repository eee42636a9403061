package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into tokens following the conventions of the
// Universal Dependencies English Web Treebank (EWT), which the tagger and
// parser are trained on:
//
//   - Clitics are split off the way UD and the Penn Treebank do it:
//     "Russia's" → "Russia" "'s", "don't" → "do" "n't", "can't" → "ca" "n't",
//     "I'm" → "I" "'m", "cannot" → "can" "not", "gonna" → "gon" "na"; a
//     possessive apostrophe is its own token ("Hamas'" → "Hamas" "'").
//     Curly apostrophes (’) are treated like straight ones.
//   - Hyphens split words ("Israeli-Palestinian" → "Israeli" "-"
//     "Palestinian", "15-year" → "15" "-" "year") except after a bound
//     prefix ("e-mail", "non-violent", "re-election") and inside dates and
//     phone numbers ("2023-10-27", "713-853-3989"), as in EWT.
//   - Numbers stay whole: "8,700", "2.3", "5:30", "10/27/2023", "1990s",
//     "3rd"; currency signs and "%" are separate ("$" "1.5", "10" "%"), and
//     so are units glued to a number ("5" "pm", "10" "km").
//   - A final period stays on abbreviations ("Oct.", "Mr.", "Inc.", "U.S.",
//     initials like "J."; "No." only before a number) and is a separate
//     token everywhere else.
//   - URLs, e-mail addresses, @handles and #hashtags are single tokens, and
//     so is each emoji (including ZWJ sequences, skin tones and flags).
//   - Quotes, brackets and dashes are tokens of their own; runs of the same
//     mark ("...", "--", "!!!", "?!") are one token.
//
// Start and End are byte offsets into text, Text is text[Start:End] and
// Head is -1. Tokenize never panics: invalid UTF-8 bytes are kept inside
// the token they touch, and every token is non-empty and free of
// whitespace.
func Tokenize(text string) []Token {
	tz := tokenizer{text: text, toks: make([]Token, 0, len(text)/4+4)} // news text: ~5.1 bytes a token
	n := len(text)
	for i := 0; i < n; {
		if c := text[i]; c < utf8.RuneSelf && asciiClass[c] == clSpace {
			i++
			continue
		}
		r, w := runeAt(text, i)
		if classOf(r, w) == clSpace {
			i += w
			continue
		}
		j := i + w
		for j < n {
			if c := text[j]; c < utf8.RuneSelf {
				if asciiClass[c] == clSpace {
					break
				}
				j++
				continue
			}
			r2, w2 := runeAt(text, j)
			if classOf(r2, w2) == clSpace {
				break
			}
			j += w2
		}
		tz.chunk(i, j)
		i = j
	}
	toks := tz.toks
	for k := range toks {
		if k+1 < len(toks) {
			toks[k].SpaceAfter = toks[k+1].Start > toks[k].End
		} else {
			toks[k].SpaceAfter = toks[k].End < n
		}
	}
	return toks
}

// Character classes.
const (
	clPunct = iota // punctuation, symbols and anything else
	clSpace        // whitespace and invisible separators
	clAlpha        // letters, combining marks and undecodable bytes
	clDigit        // decimal digits and other numerals
	clEmoji        // pictographs that start an emoji sequence
)

// asciiClass is the class of every ASCII byte, so the common case needs no
// Unicode table look-up.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = clAlpha
		case c >= '0' && c <= '9':
			t[c] = clDigit
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			t[c] = clSpace
		case c < ' ' || c == 0x7f:
			t[c] = clSpace // other control characters separate tokens too
		default:
			t[c] = clPunct
		}
	}
	return t
}()

// runeAt decodes the rune at byte i of s.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// classOf classifies the rune r that was decoded from w bytes.
func classOf(r rune, w int) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch {
	case r == utf8.RuneError && w == 1:
		// An invalid byte (often Latin-1 text) stays inside its word.
		return clAlpha
	case unicode.IsLetter(r), unicode.IsMark(r):
		return clAlpha
	case unicode.IsDigit(r):
		return clDigit
	case unicode.IsSpace(r), r == 0x200B, r == 0x2060, r == 0xFEFF:
		// Zero-width space, word joiner and BOM separate like spaces.
		return clSpace
	case r == 0x00AD, r == 0x200C, r == 0x200D:
		// Soft hyphen and zero-width (non-)joiners are invisible inside words.
		return clAlpha
	case isEmojiBase(r):
		return clEmoji
	case unicode.IsNumber(r):
		return clDigit
	case unicode.IsControl(r):
		return clSpace
	}
	return clPunct
}

func isAlnum(cl uint8) bool { return cl == clAlpha || cl == clDigit }

// tokenizer accumulates the tokens of one text.
type tokenizer struct {
	text string
	toks []Token
}

func (t *tokenizer) emit(start, end int) {
	t.toks = append(t.toks, Token{Text: t.text[start:end], Start: start, End: end, Head: -1})
}

// chunk tokenizes text[a:b], a run without whitespace.
func (t *tokenizer) chunk(a, b int) {
	s := t.text
	// An e-mail address can only start at the first alphanumeric rune of
	// the run of address characters before the chunk's first "@"; working
	// it out once keeps long chunks linear.
	emailStart := -1
	if at := strings.IndexByte(s[a:b], '@'); at >= 0 {
		at += a
		i := at
		for i > a && isEmailLocal(s[i-1]) {
			i--
		}
		for i < at && !isASCIIAlnum(s[i]) {
			i++
		}
		if i < at {
			emailStart = i
		}
	}
	for p := a; p < b; {
		r, w := runeAt(s, p)
		switch cl := classOf(r, w); cl {
		case clAlpha, clDigit:
			if q := urlEnd(s, p, b); q > p {
				t.emit(p, q)
				p = q
				continue
			}
			if p == emailStart {
				if q := emailEnd(s, p, b); q > p {
					t.emit(p, q)
					p = q
					continue
				}
			}
			p = t.word(p, b)
		case clEmoji:
			q := emojiEnd(s, p, b)
			t.emit(p, q)
			p = q
		default:
			p = t.punct(a, p, b, r, w)
		}
	}
}

// word scans the word starting at p (an alphanumeric rune), emits it as
// one or more tokens and returns where it ended.
func (t *tokenizer) word(p, b int) int {
	s := t.text
	q := p
	seg := p           // start of the current hyphen-separated segment
	numeric := true    // only digits and number punctuation so far
	lastDigit := false // the last rune consumed was a digit
	hasDot, hasApos := false, false
loop:
	for q < b {
		// Fast path: ASCII letters and digits.
		if c := s[q]; c < utf8.RuneSelf {
			if cl := asciiClass[c]; cl == clDigit {
				q++
				lastDigit = true
				continue
			} else if cl == clAlpha && !(lastDigit && numeric) {
				q++
				numeric, lastDigit = false, false
				continue
			}
		}
		r, w := runeAt(s, q)
		cl := classOf(r, w)
		if cl == clDigit {
			q += w
			lastDigit = true
			continue
		}
		if cl == clAlpha {
			if lastDigit && numeric {
				// "1990s" and "3rd" are one token, "5pm" and "10km" are two.
				e := q + w
				for e < b {
					r2, w2 := runeAt(s, e)
					if classOf(r2, w2) != clAlpha {
						break
					}
					e += w2
				}
				if !isNumberSuffix(s[q:e]) || (e < b && isAlnum(classOf(runeAt(s, e)))) {
					break loop
				}
			}
			q += w
			numeric, lastDigit = false, false
			continue
		}
		if q+w >= b {
			break // a joiner needs something after it
		}
		nr, nw := runeAt(s, q+w)
		ncl := classOf(nr, nw)
		switch r {
		case '.':
			if !isAlnum(ncl) {
				break loop
			}
			hasDot = true
		case ',', ':', '/':
			// 8,700  5:30  10/27/2023
			if !lastDigit || ncl != clDigit {
				break loop
			}
		case '&':
			// AT&T, R&D
			if lastDigit || ncl != clAlpha {
				break loop
			}
		case '_':
			if !isAlnum(ncl) {
				break loop
			}
		case '\'', '\u2019':
			// O'Brien, don't, Russia's: clitics are split off below.
			if ncl != clAlpha {
				break loop
			}
			hasApos = true
		case '-':
			if !isAlnum(ncl) {
				break loop
			}
			if numeric && ncl == clDigit {
				if e := digitGroupsEnd(s, seg, b); e > q {
					q = e
					lastDigit = true
					continue
				}
				break loop
			}
			if ncl != clAlpha || !isHyphenPrefix(s[seg:q]) {
				break loop
			}
			seg = q + 1
		default:
			break loop
		}
		if r != ',' && r != ':' && r != '/' && r != '.' {
			numeric = false
		} else if r == '.' && !lastDigit {
			numeric = false
		}
		q += w + nw
		lastDigit = ncl == clDigit
		if ncl == clAlpha {
			numeric = false
		}
	}
	// A single period after an abbreviation belongs to it.
	if q < b && s[q] == '.' && (q+1 == b || s[q+1] != '.') && isAbbrevBeforePeriod(s, p, q, hasDot) {
		t.emit(p, q+1)
		return q + 1
	}
	t.emitWord(p, q, hasApos)
	return q
}

// emitWord emits text[p:q], splitting off clitics.
func (t *tokenizer) emitWord(p, q int, hasApos bool) {
	w := t.text[p:q]
	if hasApos {
		if k := cliticSplit(w); k > 0 {
			t.emitWord(p, p+k, strings.ContainsAny(w[:k], "'\u2019"))
			t.emit(p+k, q)
			return
		}
	} else if k := fusedSplit(w); k > 0 {
		t.emit(p, p+k)
		t.emit(p+k, q)
		return
	}
	t.emit(p, q)
}

// cliticSplit returns where the clitic of w starts ("do|n't", "Russia|'s")
// or -1 when w ends in no clitic.
func cliticSplit(w string) int {
	k := strings.LastIndexAny(w, "'\u2019")
	if k <= 0 {
		return -1
	}
	aw := 1
	if w[k] != '\'' {
		aw = len("\u2019")
	}
	suf := w[k+aw:]
	switch {
	case len(suf) == 1 && (suf[0] == 't' || suf[0] == 'T'):
		if k >= 2 && (w[k-1] == 'n' || w[k-1] == 'N') {
			return k - 1
		}
	case isClitic(suf):
		if !allDigits(w[:k]) { // "80's" is a decade, kept whole as in EWT
			return k
		}
	}
	return -1
}

// isClitic reports whether s (the part after an apostrophe) is a clitic
// that UD splits off: 's 'm 'd 're 've 'll.
func isClitic(s string) bool {
	switch len(s) {
	case 1:
		c := s[0] | 0x20
		return c == 's' || c == 'm' || c == 'd'
	case 2:
		return strings.EqualFold(s, "re") || strings.EqualFold(s, "ve") || strings.EqualFold(s, "ll")
	}
	return false
}

// fusedWords are contractions written without an apostrophe that UD splits
// into two words, with the length of the first.
var fusedWords = map[string]int{
	"cannot": 3, "gonna": 3, "gotta": 3, "wanna": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "werent": 4,
	"arent": 3, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4,
	"hasnt": 3, "hadnt": 3,
}

// fusedSplit returns where the second word of a fused contraction starts,
// or -1.
func fusedSplit(w string) int {
	if len(w) < 4 || len(w) > 8 {
		return -1
	}
	// All of them end in -nt, -ot, -na or -ta: a cheap filter before the
	// map look-up.
	switch last, prev := w[len(w)-1]|0x20, w[len(w)-2]|0x20; {
	case last == 't' && (prev == 'n' || prev == 'o'), last == 'a' && (prev == 'n' || prev == 't'):
	default:
		return -1
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if k, ok := fusedWords[string(buf[:len(w)])]; ok {
		return k
	}
	return -1
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isNumberSuffix reports whether letters glued to a number belong to it:
// ordinals (3rd, 21st) and decades (1990s).
func isNumberSuffix(s string) bool {
	switch len(s) {
	case 1:
		return s[0]|0x20 == 's'
	case 2:
		for _, x := range [...]string{"st", "nd", "rd", "th"} {
			if strings.EqualFold(s, x) {
				return true
			}
		}
	}
	return false
}

// digitGroupsEnd looks at the hyphenated digit groups starting at seg
// ("2023-10-27", "713-853-3989", "10-15") and returns where they end when
// they form a date or phone number, which EWT keeps whole: three or more
// groups, or a 3+4 local phone number. It returns -1 for ranges like
// "10-15" or "2020-2023", which are split.
func digitGroupsEnd(s string, seg, b int) int {
	var lens [6]int
	ng := 0
	i := seg
	for {
		j := i
		for j < b && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			return -1
		}
		if ng == len(lens) {
			return -1 // longer than any date or phone number
		}
		lens[ng] = j - i
		ng++
		if j+1 < b && s[j] == '-' && s[j+1] >= '0' && s[j+1] <= '9' {
			i = j + 1
			continue
		}
		if j < b && isAlnum(classOf(runeAt(s, j))) {
			return -1 // "10-15km": leave it to the ordinary rules
		}
		if ng >= 3 || (ng == 2 && lens[0] == 3 && lens[1] == 4) {
			return j
		}
		return -1
	}
}

// hyphenPrefixes are bound prefixes that EWT keeps attached to the word
// after the hyphen ("e-mail", "non-violent", "re-election").
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "anti": true, "mid": true, "re": true,
	"post": true, "co": true, "over": true, "pro": true, "multi": true, "ex": true,
	"sub": true, "semi": true, "cross": true, "neo": true, "psycho": true,
	"socio": true, "counter": true, "intra": true, "inter": true, "micro": true,
	"macro": true, "mis": true, "pseudo": true, "quasi": true, "ultra": true,
	"bi": true, "tri": true, "un": true, "de": true, "mega": true, "hyper": true,
}

func isHyphenPrefix(s string) bool {
	if len(s) == 0 || len(s) > 7 {
		return false
	}
	var buf [7]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return hyphenPrefixes[string(buf[:len(s)])]
}

// Kinds of abbreviation, which also tell the sentence splitter whether a
// sentence may end after them.
const (
	abbrNone   = iota
	abbrTitle  // precedes a name: Mr. Dr. Gen. — never ends a sentence
	abbrNumber // precedes a number: No. 5, Art. 3 — only before digits
	abbrOther  // Inc. etc. Oct. U.S. J. — may end a sentence
)

// abbreviations maps abbreviations (without their period) to their kind.
// Case matters: "Mass." is Massachusetts, "ill." is not an abbreviation.
var abbreviations = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(kind uint8, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = kind
		}
	}
	add(abbrTitle, `Mr Mrs Ms Mx Messrs Mmes Mme Mlle Dr Drs Prof Profs Gen Gens Gov Govs
		Sen Sens Rep Reps Lt Col Capt Cpt Sgt Maj Adm Cmdr Cdr Brig Cpl Pvt Spc Rev
		Fr Hon Pres Supt Insp Det Atty Amb Gov Lieut Sr Sra Srta Engr Smt`)
	add(abbrNumber, `No Nos no nos Art Arts Vol Vols vol Fig Figs fig Ch ch Sec pp Para Pt Nr Rs`)
	add(abbrOther, `Inc Corp Co Cos Ltd Bros Jr Esq Plc etc vs Vs al approx est ext cf ca
		Ave Blvd Rd Hwy St Ste Ft Mt Sq Dept Univ Assn Mfg Intl Natl Govt Dist Ph
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
		Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich
		Minn Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo
		ft lb lbs oz yrs hrs mins sec min km mi`)
	return m
}()

// abbrevKind returns the kind of the abbreviation w (without its period).
// All-capital forms ("MR", "INC") are looked up in title case.
func abbrevKind(w string) uint8 {
	if k, ok := abbreviations[w]; ok {
		return k
	}
	if len(w) < 2 || len(w) > 8 {
		return abbrNone
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'A' || c > 'Z' {
			return abbrNone
		}
		if i > 0 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

// isAbbrevBeforePeriod decides whether the period at q belongs to the word
// text[p:q]. hasDot reports periods inside the word ("U.S", "a.m").
func isAbbrevBeforePeriod(s string, p, q int, hasDot bool) bool {
	w := s[p:q]
	if hasDot {
		return isDottedAbbrev(w)
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) {
		// An initial: "J." "K."; but "I." ends a sentence far more often.
		return unicode.IsUpper(r) && r != 'I'
	}
	switch abbrevKind(w) {
	case abbrTitle, abbrOther:
		return true
	case abbrNumber:
		return nextIsDigit(s, q+1)
	}
	return false
}

// isDottedAbbrev reports whether w is letters separated by periods in
// pieces of one or two letters: "U.S", "a.m", "e.g", "Ph.D", "a.k.a".
func isDottedAbbrev(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			n = 0
		case (c|0x20) >= 'a' && (c|0x20) <= 'z':
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}

// nextIsDigit reports whether the first non-space byte at or after i is a
// digit.
func nextIsDigit(s string, i int) bool {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// urlEnd returns the end of a URL starting at p, or -1.
func urlEnd(s string, p, b int) int {
	rest := s[p:b]
	if len(rest) < 5 {
		return -1
	}
	switch c := rest[0] | 0x20; c {
	case 'h', 'f', 'w', 'm':
	default:
		return -1
	}
	ok := false
	for _, pre := range [...]string{"http://", "https://", "ftp://", "www.", "mailto:"} {
		if len(rest) > len(pre) && strings.EqualFold(rest[:len(pre)], pre) {
			ok = true
			break
		}
	}
	if !ok {
		return -1
	}
	return trimURLTail(s, p, b)
}

// trimURLTail drops sentence punctuation and unbalanced closing brackets
// from the end of a URL or address text[p:b].
func trimURLTail(s string, p, b int) int {
	openP, closeP := strings.Count(s[p:b], "("), strings.Count(s[p:b], ")")
	openB, closeB := strings.Count(s[p:b], "["), strings.Count(s[p:b], "]")
	for b > p {
		r, w := utf8.DecodeLastRuneInString(s[p:b])
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '\u201d', '\u2019', '\u00bb', '>', '*':
			b -= w
			continue
		case ')':
			if openP < closeP {
				closeP--
				b -= w
				continue
			}
		case ']':
			if openB < closeB {
				closeB--
				b -= w
				continue
			}
		}
		break
	}
	return b
}

// emailEnd returns the end of an e-mail address starting at p, or -1.
func emailEnd(s string, p, b int) int {
	i := p
	for i < b && isEmailLocal(s[i]) {
		i++
	}
	if i == p || i+1 >= b || s[i] != '@' {
		return -1
	}
	j := i + 1
	for j < b && (isASCIIAlnum(s[j]) || s[j] == '.' || s[j] == '-' || s[j] == '_') {
		j++
	}
	if j == i+1 || !isASCIIAlnum(s[i+1]) {
		return -1
	}
	if j < b && s[j] >= utf8.RuneSelf {
		return -1
	}
	return trimURLTail(s, p, j)
}

func isASCIIAlnum(c byte) bool {
	return c < utf8.RuneSelf && (asciiClass[c] == clAlpha || asciiClass[c] == clDigit)
}

func isEmailLocal(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\''
}

// punct emits the punctuation token at p (rune r of width w) within the
// chunk [a,b) and returns where it ended.
func (t *tokenizer) punct(a, p, b int, r rune, w int) int {
	s := t.text
	q := p + w
	switch r {
	case '.', '!', '?':
		if r == '.' && q < b && s[q] >= '0' && s[q] <= '9' && (p == a || !isAlnum(classOf(utf8.DecodeLastRuneInString(s[a:p])))) {
			return t.word(p, b) // ".5"
		}
		for q < b && (s[q] == '.' || s[q] == '!' || s[q] == '?') {
			q++
		}
	case '\'', '\u2019', '\u2018':
		if r != '\u2018' {
			if e := leadingClitic(s, q, b); e > 0 {
				q = e // "'s" written apart from its word
				break
			}
		}
		if e := decadeEnd(s, q, b); e > 0 {
			q = e // '90s
			break
		}
		if r == '\'' && q < b && s[q] == '\'' {
			q++ // '' used as a closing double quote
		}
	case '`':
		for q < b && s[q] == '`' {
			q++
		}
	case '#', '@':
		// #hashtag, @handle
		e := q
		for e < b {
			r2, w2 := runeAt(s, e)
			if !isAlnum(classOf(r2, w2)) && r2 != '_' {
				break
			}
			e += w2
		}
		if e > q && (r == '@' || classOf(runeAt(s, q)) == clAlpha) {
			q = e
		} else {
			q = sameRunEnd(s, q, b, r)
		}
	case ':', ';', '=':
		if e := emoticonEnd(s, p, b); e > 0 {
			q = e
		} else if r == '=' {
			q = sameRunEnd(s, q, b, r)
		}
	case '"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2039', '\u203a',
		'(', ')', '[', ']', '{', '}', ',':
		// always single
	default:
		q = sameRunEnd(s, q, b, r)
	}
	t.emit(p, q)
	return q
}

// sameRunEnd extends a token over further copies of r ("---", "***").
func sameRunEnd(s string, q, b int, r rune) int {
	for q < b {
		r2, w2 := runeAt(s, q)
		if r2 != r || (r2 == utf8.RuneError && w2 == 1) {
			break
		}
		q += w2
	}
	return q
}

// leadingClitic returns the end of a clitic whose apostrophe ended at q
// ("'s", "'ll") when the clitic stands alone, or -1.
func leadingClitic(s string, q, b int) int {
	e := q
	for e < b && e-q < 3 && asciiClass[s[e]&0x7f] == clAlpha && s[e] < utf8.RuneSelf {
		e++
	}
	if e == q || !isClitic(s[q:e]) {
		return -1
	}
	if e < b && isAlnum(classOf(runeAt(s, e))) {
		return -1
	}
	return e
}

// decadeEnd returns the end of an abbreviated year after an apostrophe
// ending at q ("'90s", "'73"), or -1.
func decadeEnd(s string, q, b int) int {
	if q+2 > b || !allDigits(s[q:q+2]) {
		return -1
	}
	e := q + 2
	if e < b && s[e] == 's' {
		e++
	}
	if e < b && isAlnum(classOf(runeAt(s, e))) {
		return -1
	}
	return e
}

// emoticonEnd returns the end of an ASCII emoticon at p (":)", ";-)",
// ":D") that ends its chunk or is followed by punctuation, or -1.
func emoticonEnd(s string, p, b int) int {
	e := p + 1
	if e < b && (s[e] == '-' || s[e] == '\'') {
		e++
	}
	if e >= b {
		return -1
	}
	switch s[e] {
	case ')', '(', 'D', 'P', 'p', 'O', 'o', '/', '|', ']', '[':
	default:
		return -1
	}
	e++
	if e < b && isAlnum(classOf(runeAt(s, e))) {
		return -1
	}
	if s[e-1] == '/' && e < b && s[e] == '/' {
		return -1 // "://" of a URL
	}
	return e
}

// isEmojiBase reports whether r starts an emoji.
func isEmojiBase(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF: // pictographs, emoticons, flags, symbols
		return true
	case r >= 0x2600 && r <= 0x27BF: // miscellaneous symbols, dingbats
		return true
	case r >= 0x2B05 && r <= 0x2B55, r >= 0x2300 && r <= 0x23FF, r == 0x203C, r == 0x2049:
		return true
	}
	return false
}

// emojiEnd returns the end of the emoji sequence at p: the base emoji with
// its variation selectors, skin tones, keycap and tag characters, further
// emoji joined by ZWJ, or a pair of regional indicators (a flag).
func emojiEnd(s string, p, b int) int {
	r, w := runeAt(s, p)
	q := p + w
	if r >= 0x1F1E6 && r <= 0x1F1FF {
		if q < b {
			if r2, w2 := runeAt(s, q); r2 >= 0x1F1E6 && r2 <= 0x1F1FF {
				return q + w2
			}
		}
		return q
	}
	for q < b {
		r2, w2 := runeAt(s, q)
		switch {
		case r2 == 0xFE0F || r2 == 0xFE0E || r2 == 0x20E3 ||
			(r2 >= 0x1F3FB && r2 <= 0x1F3FF) || (r2 >= 0xE0020 && r2 <= 0xE007F):
			q += w2
		case r2 == 0x200D && q+w2 < b:
			r3, w3 := runeAt(s, q+w2)
			if !isEmojiBase(r3) {
				return q
			}
			q += w2 + w3
		default:
			return q
		}
	}
	return q
}
