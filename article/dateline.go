package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dateline is what SplitDateline found at the start of a body.
type Dateline struct {
	// Text is the dateline as written, with its closing dash if any:
	// "GAZA CITY, Oct 27 (Reuters) -", "MOSCOW".
	Text string
	// Place is the upper-case place followed by its region when one is
	// given: "GAZA CITY", "KYIV, Ukraine", "BEIRUT, Lebanon"; of a
	// double dateline ("GENEVA/ADRE, Chad") the last place.
	Place string
	// Agency is the wire service named in parentheses: "Reuters", "AP".
	Agency string
}

// SplitDateline detects a dateline at the start of a normalised body (see
// NormalizeText) and returns it with the rest of the body. When there is
// none, it returns ok == false and the text unchanged.
//
// A dateline is, on the first line:
//
//	PLACE [, Region] [, Date] [(Agency)] TERMINATOR
//
// PLACE is one to five upper-case words ("MOSCOW", "GAZA CITY",
// "ST. LOUIS"), or several such joined by slashes ("GENEVA/ADRE"); Region is up to four capitalised words ("Ukraine",
// "Calif.", "West Bank"); Date is a month and day ("Oct 27", "Nov. 3",
// "March 2, 2024", "27 October"); Agency is a short name in parentheses.
// TERMINATOR is a dash (—, –, -, --) followed by the body on the same
// line, the end of the line, a colon when a Region, Date or Agency comes
// before it ("NEW DELHI, Jan 5:"; a bare "WORD:" is a kicker such as
// "BOOM:" far more often than a place), or — only after an Agency — the
// body directly ("NEW YORK (CNN) The ...").
//
// Ordinary sentence starts are left alone: "US officials said ..." and
// "NATO leaders met ..." fail because an upper-case word followed by a
// lower-case word has no terminator. A bare place with a dash or a line
// of its own ("NATO — ...") is still refused when it is a kicker such as
// BREAKING or EXCLUSIVE, a well-known acronym that is not a place, or a
// single word of three letters or fewer; and a line of its own is only
// taken when it has at most three words and does not end with a period,
// so that an all-caps headline is not mistaken for a place.
func SplitDateline(text string) (d Dateline, rest string, ok bool) {
	return splitDateline(text, nil)
}

// SplitColonDateline is SplitDateline that also takes a bare "PLACE:"
// when isPlace knows the place: Pakistani and Indian papers open their
// stories so ("PESHAWAR: Khyber Pakhtunkhwa Chief Minister …", "NEW
// DELHI: The Enforcement Directorate …"), where "BOOM:" or "EXCLUSIVE:"
// stays a kicker. isPlace gets the place as written, in upper case.
func SplitColonDateline(text string, isPlace func(string) bool) (d Dateline, rest string, ok bool) {
	return splitDateline(text, isPlace)
}

func splitDateline(text string, isPlace func(string) bool) (d Dateline, rest string, ok bool) {
	line := text
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	p := &dlParser{s: line}

	placeEnd, words := p.place(0)
	if placeEnd == 0 {
		return Dateline{}, text, false
	}
	// "GENEVA/ADRE, Chad": a story filed from two places; the last, which
	// a region may follow, is where it happened.
	placeStart := 0
	for placeEnd < len(line) && line[placeEnd] == '/' {
		e, w := p.place(placeEnd + 1)
		if e == 0 {
			return Dateline{}, text, false
		}
		placeStart, placeEnd, words = placeEnd+1, e, words+w
	}
	place := line[placeStart:placeEnd]
	regionEnd := placeEnd
	hasDate := false
	for seg := 0; seg < 2; seg++ {
		if !strings.HasPrefix(line[p.i:], ", ") {
			break
		}
		start := p.i
		p.i += 2
		if p.date() {
			hasDate = true
			break // nothing but an agency follows a date
		}
		if seg > 0 || !p.region() {
			p.i = start
			break
		}
		regionEnd = p.i
	}
	agencyStart := p.i
	agency := p.agency()
	if agency == "" {
		p.i = agencyStart
		if hasDate {
			// "RIYADH, Nov 17, 2026, SPA --": a Gulf agency after a comma.
			agency = p.commaAgency()
		}
	}
	bare := regionEnd == placeEnd && !hasDate && agency == ""

	// The terminator.
	beforeTerm := p.i
	p.spaces()
	endOfLine := p.i == len(line)
	switch {
	case endOfLine:
		if len(line) == len(text) {
			return Dateline{}, text, false // no body after it
		}
		// A line of its own that is long or ends like a sentence is an
		// all-caps headline, not a place.
		if bare && (words > 3 || strings.HasSuffix(place, ".")) {
			return Dateline{}, text, false
		}
	case p.dash():
		// A bare "WORD:" is far more often a kicker ("BOOM:", "BYLINE:")
		// than a place, unless the caller knows the place (see
		// SplitColonDateline).
		if bare && strings.HasPrefix(strings.TrimLeft(line[beforeTerm:], " "), ":") && (isPlace == nil || kicker[place] || acronyms[place] || !isPlace(place)) {
			return Dateline{}, text, false
		}
	case agency != "" && p.i == beforeTerm+1 || agency != "" && p.i == beforeTerm:
		// "(CNN) The ..." or "(CNN)The ...": the body starts here.
		r, _ := utf8.DecodeRuneInString(line[p.i:])
		if !unicode.IsUpper(r) && !strings.ContainsRune("\"“‘'", r) {
			return Dateline{}, text, false
		}
		p.i = beforeTerm
	default:
		return Dateline{}, text, false
	}
	if bare && notPlace(place) {
		return Dateline{}, text, false
	}
	if !bare && kicker[place] {
		return Dateline{}, text, false
	}

	d = Dateline{
		Text:   strings.TrimSpace(line[:p.i]),
		Place:  line[placeStart:regionEnd],
		Agency: agency,
	}
	if endOfLine {
		rest = text[len(line)+1:]
	} else {
		rest = strings.TrimLeft(text[p.i:], " \n")
	}
	if strings.TrimSpace(rest) == "" {
		return Dateline{}, text, false
	}
	return d, rest, true
}

// kicker holds upper-case words that open stories without being places.
var kicker = map[string]bool{
	"BREAKING": true, "BREAKING NEWS": true, "EXCLUSIVE": true, "UPDATE": true,
	"UPDATED": true, "URGENT": true, "FLASH": true, "ALERT": true, "WATCH": true,
	"VIDEO": true, "PHOTOS": true, "LIVE": true, "ANALYSIS": true, "OPINION": true,
	"EDITORIAL": true, "COMMENTARY": true, "COMMENT": true, "REVIEW": true,
	"CORRECTION": true, "CLARIFICATION": true, "EDITOR'S NOTE": true,
	"EDITOR’S NOTE": true, "NOTE": true, "FACT CHECK": true, "ADVISORY": true,
	"ADVERTISEMENT": true, "SPONSORED": true, "PODCAST": true, "LISTEN": true,
	"READ MORE": true, "RELATED": true, "SUMMARY": true, "FILE": true,
	"FEATURE": true, "IN BRIEF": true, "BYLINE": true, "INTERVIEW": true, "OBITUARY": true, "SPORTS": true,
	"POLITICS": true, "WORLD": true, "BUSINESS": true, "NEWS": true,
}

// acronyms are upper-case words often opening a sentence that are
// organisations or countries by acronym, not dateline places.
var acronyms = map[string]bool{
	"US": true, "U.S.": true, "USA": true, "U.S.A.": true, "UK": true, "U.K.": true,
	"UN": true, "U.N.": true, "EU": true, "E.U.": true, "NATO": true, "OPEC": true,
	"FBI": true, "CIA": true, "NSA": true, "WHO": true, "IMF": true, "ICC": true,
	"ICJ": true, "IDF": true, "GOP": true, "NASA": true, "UNICEF": true,
	"UNRWA": true, "UNHCR": true, "ASEAN": true, "BRICS": true, "OSCE": true,
	"IAEA": true, "WTO": true, "OECD": true, "G7": true, "G20": true,
}

// notPlace reports whether a bare dateline candidate should be refused.
func notPlace(place string) bool {
	if kicker[place] || acronyms[place] {
		return true
	}
	letters := 0
	for _, r := range place {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters <= 3
}

// dlParser walks one line; i is the current byte offset.
type dlParser struct {
	s string
	i int
}

func (p *dlParser) peek() rune {
	r, _ := utf8.DecodeRuneInString(p.s[p.i:])
	return r
}

func (p *dlParser) spaces() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

// word scans a run of letters and the marks allowed inside place names
// from i, returning its end and whether it has upper- and lower-case
// letters.
func (p *dlParser) word(i int) (end int, upper, lower bool) {
	for i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[i:])
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsLetter(r), r == '.' || r == '\'' || r == '’' || r == '&':
		case r == '-' && i+n < len(p.s) && p.s[i+n] != ' ':
			// an inner hyphen, as in PORT-AU-PRINCE
		default:
			return i, upper, lower
		}
		i += n
	}
	return i, upper, lower
}

// place scans one to five all-caps words from offset i; it returns the
// end offset (0 when there is no place) and the number of words.
func (p *dlParser) place(i int) (int, int) {
	end, words, letters := 0, 0, 0
	for words < 5 {
		e, upper, lower := p.word(i)
		if e == i || !upper || lower {
			break
		}
		r, _ := utf8.DecodeRuneInString(p.s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		for _, r := range p.s[i:e] {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		end, words = e, words+1
		if e < len(p.s) && p.s[e] == ' ' {
			i = e + 1
			continue
		}
		break
	}
	if end == 0 || letters < 2 || end > 40 {
		return 0, 0
	}
	p.i = end
	return end, words
}

// region scans up to four capitalised words ("Ukraine", "Calif.",
// "West Bank", "Democratic Republic of Congo").
func (p *dlParser) region() bool {
	start, words := p.i, 0
	i := p.i
	for words < 5 {
		e, upper, _ := p.word(i)
		if e == i {
			break
		}
		w := p.s[i:e]
		r, _ := utf8.DecodeRuneInString(w)
		connector := words > 0 && (w == "of" || w == "and" || w == "the")
		if !connector && (!unicode.IsUpper(r) || !upper) {
			break
		}
		words++
		p.i = e
		if e < len(p.s) && p.s[e] == ' ' {
			i = e + 1
			continue
		}
		break
	}
	if words == 0 || p.i-start > 40 {
		p.i = start
		return false
	}
	// A connector cannot end the region.
	if w := p.s[start:p.i]; strings.HasSuffix(w, " of") || strings.HasSuffix(w, " and") || strings.HasSuffix(w, " the") {
		p.i = start
		return false
	}
	return true
}

// months maps month names and their usual abbreviations (lower-case,
// without the period) to their number.
var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// date scans "Oct 27", "Nov. 3", "March 2, 2024", "27 October" or
// "27 Oct 2024".
func (p *dlParser) date() bool {
	start := p.i
	if p.monthName() && p.lit(" ") && p.digits(1, 2) {
		p.year()
		return true
	}
	p.i = start
	if p.digits(1, 2) && p.ordinal() && p.lit(" ") && p.monthName() {
		p.year()
		return true
	}
	p.i = start
	return false
}

// ordinal scans an optional ordinal suffix after a day: "18th November".
func (p *dlParser) ordinal() bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if p.lit(suf) {
			return true
		}
	}
	return true
}

func (p *dlParser) monthName() bool {
	e, _, _ := p.word(p.i)
	w := strings.ToLower(strings.TrimSuffix(p.s[p.i:e], "."))
	if _, ok := months[w]; !ok || e == p.i {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.i:])
	if !unicode.IsUpper(r) {
		return false
	}
	p.i = e
	return true
}

func (p *dlParser) lit(s string) bool {
	if strings.HasPrefix(p.s[p.i:], s) {
		p.i += len(s)
		return true
	}
	return false
}

func (p *dlParser) digits(lo, hi int) bool {
	n := 0
	for p.i+n < len(p.s) && n < hi && p.s[p.i+n] >= '0' && p.s[p.i+n] <= '9' {
		n++
	}
	if n < lo || p.i+n < len(p.s) && p.s[p.i+n] >= '0' && p.s[p.i+n] <= '9' {
		return false
	}
	p.i += n
	return true
}

// year scans an optional ", 2024" or " 2024".
func (p *dlParser) year() {
	start := p.i
	if (p.lit(", ") || p.lit(" ")) && p.digits(4, 4) {
		return
	}
	p.i = start
}

// agency scans " (Reuters)" or "(AP)" and returns the name inside.
func (p *dlParser) agency() string {
	p.spaces()
	if !p.lit("(") {
		return ""
	}
	end := strings.IndexByte(p.s[p.i:], ')')
	if end <= 0 || end > 40 {
		return ""
	}
	name := p.s[p.i : p.i+end]
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(r) || strings.ContainsAny(name, "(") || strings.TrimSpace(name) != name {
		return ""
	}
	p.i += end + 1
	return name
}

// commaAgency scans ", SPA" (an upper-case name of two to eight
// letters) when a dash follows it, and returns the name.
func (p *dlParser) commaAgency() string {
	start := p.i
	if p.lit(", ") {
		e, upper, lower := p.word(p.i)
		name := p.s[p.i:e]
		if upper && !lower && len(name) >= 2 && len(name) <= 8 {
			p.i = e
			save := p.i
			p.spaces()
			if p.dash() {
				p.i = save
				return name
			}
		}
	}
	p.i = start
	return ""
}

// dash scans a terminator: a dash of any kind (a hyphen must be followed
// by a space or the end of the line) or a colon and a space, with the
// spaces after it.
func (p *dlParser) dash() bool {
	start := p.i
	switch {
	case p.lit("--"), p.lit("—"), p.lit("–"), p.lit("―"):
	case p.lit("-"), p.lit(":"):
		if p.i < len(p.s) && p.s[p.i] != ' ' {
			p.i = start
			return false
		}
	default:
		return false
	}
	p.spaces()
	return true
}

// maxHeadLines and maxHeadWords bound what DatelineAfterHeadline takes
// for a headline and byline: a few short lines, not a paragraph of body.
const (
	maxHeadLines = 3
	maxHeadWords = 30
)

// DatelineAfterHeadline finds a dateline that opens the body after a
// headline and perhaps a byline, as plain-text articles are often laid
// out:
//
//	Flood warnings issued along the Wabash River
//	By Jane Roe
//	TERRE HAUTE, Ind. — The National Weather Service ...
//
// It returns the lines before the dateline (head, without its final
// newline), the dateline and the body after it. Only a dateline that
// shares its line with the body or carries a region, date or agency is
// taken here: an upper-case line of its own after a headline is more
// often a section name or a second headline than a place. When the
// text does not look so, ok is false.
func DatelineAfterHeadline(text string) (head string, d Dateline, rest string, ok bool) {
	at := 0
	for n := 1; n <= maxHeadLines; n++ {
		i := strings.IndexByte(text[at:], '\n')
		if i < 0 {
			return "", Dateline{}, "", false
		}
		line := text[at : at+i]
		if len(strings.Fields(line)) > maxHeadWords {
			return "", Dateline{}, "", false
		}
		at += i + 1
		d, rest, ok := SplitDateline(text[at:])
		if !ok {
			continue
		}
		if d.Text == d.Place && !strings.Contains(d.Place, ",") {
			return "", Dateline{}, "", false // "MOSCOW" alone on its line
		}
		return text[:at-1], d, rest, true
	}
	return "", Dateline{}, "", false
}
