package extract

// This file finds date expressions and resolves them against the
// publication date into ranges [From, To] with a precision: "Friday" →
// the most recent Friday on or before publication (the next one when the
// sentence speaks of the future), "Oct. 7" → that day of the publication
// year (of the year before when it would lie months ahead), "last week" →
// Monday to Sunday of the previous week, "in March" → the month, "2022"
// → the year.

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dateline/nlp"
	"dateline/record"
)

var monthNum = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdayNum = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// monthOf reads a month token ("Oct.", "October", "oct"); full names are
// recognised in any case, abbreviations only capitalised.
func (q *qdoc) monthOf(i int) (time.Month, bool) {
	w := strings.TrimSuffix(q.tok(i), ".")
	capital := q.isCap(i)
	// "mid-March", "early-June": the tokenizer keeps a hyphenated word
	// whole; the month is the part after the hyphen, capitalised.
	for _, p := range []string{"mid-", "early-", "late-"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			orig := q.doc.Tokens[i].Text
			w, capital = rest, len(orig) > len(p) && unicode.IsUpper(rune(orig[len(p)]))
			if !capital {
				return 0, false
			}
			break
		}
	}
	m, ok := monthNum[w]
	if !ok {
		return 0, false
	}
	if len(w) <= 4 && !capital {
		return 0, false
	}
	return m, true
}

func (q *qdoc) dayNum(i int) (int, bool) {
	w := q.tok(i)
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd")
	// Most words are no number: reject them before Atoi, whose error
	// allocates (Atoi accepts a sign and digits only).
	if w == "" || len(w) > 2 || (w[0] < '0' || w[0] > '9') && w[0] != '+' && w[0] != '-' {
		return 0, false
	}
	d, err := strconv.Atoi(w)
	if err != nil || d < 1 || d > 31 || len(w) > 2 {
		return 0, false
	}
	return d, true
}

func (q *qdoc) yearNum(i int) (int, bool) {
	w := q.tok(i)
	if len(w) != 4 {
		return 0, false
	}
	// Four letters are no year: reject them before Atoi, whose error
	// allocates (a sign would give less than 1800 anyway).
	for k := 0; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return 0, false
		}
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1800 || y > 2200 {
		return 0, false
	}
	return y, true
}

// futureBefore reports whether the sentence speaks of the future before
// token i ("will meet on Friday", "is scheduled for Monday").
func (q *qdoc) futureBefore(i int) bool {
	if q.postponedTo(i) {
		return true
	}
	// A deadline ("by June", "by the end of June") reaches further back
	// for its "will": "will withdraw its 2,400 peacekeepers from the
	// Central African Republic by the end of June".
	reach := 8
	if q.tok(i-1) == "by" || q.tok(i-1) == "of" && q.tok(i-2) == "end" && q.tok(i-4) == "by" {
		reach = 20
	}
	for k := i - 1; k >= q.sentStartTok(i) && k >= i-reach; k-- {
		// Stay in the clause: a quote or a reporting verb starts another.
		if q.isQuoteMark(k) || speechVerbs[q.tok(k)] != "" {
			return false
		}
		switch q.tok(k) {
		case "will", "'ll", "’ll", "shall", "scheduled", "planned", "plans", "due", "upcoming", "expected", "slated":
			return true
		case "set":
			if q.tok(k+1) == "to" && k > 0 && beForms[q.tok(k-1)] {
				return true // "is set to begin in the spring"
			}
		}
	}
	return false
}

// postponedTo reports whether the date at token i is where something was
// put off to: "adjourned the hearing until Jan. 14", "postponed the vote
// to March": the act is past, the date it names is ahead.
func (q *qdoc) postponedTo(i int) bool {
	switch q.tok(i - 1) {
	case "until", "till", "to":
	default:
		return false
	}
	for k := i - 2; k >= q.sentStartTok(i) && k >= i-8; k-- {
		if q.isQuoteMark(k) {
			return false
		}
		if postponeVerbs[strings.ToLower(q.tok(k))] {
			return true
		}
	}
	return false
}

// postponeVerbs put an event off to a later date.
var postponeVerbs = map[string]bool{
	"adjourned": true, "adjourn": true, "adjourns": true, "postponed": true, "postpone": true,
	"postpones": true, "delayed": true, "deferred": true, "rescheduled": true, "pushed": true,
	"extended": true, "extends": true, "extend": true, "recessed": true,
}

// verbOf returns the verb that token i depends on, through at most four
// heads, or -1 (also for docs without a parse).
func (q *qdoc) verbOf(i int) int {
	toks := q.doc.Tokens
	if toks[i].POS == "" {
		return -1
	}
	v := i
	for step := 0; step < 4; step++ {
		h := toks[v].Head
		if h < 0 || h >= len(toks) || h == v {
			return -1
		}
		v = h
		if toks[v].POS == "VERB" || toks[v].POS == "AUX" {
			return v
		}
	}
	return -1
}

// futureVerb reports whether the verb token i depends on speaks of the
// future: "will" or "shall" among its auxiliaries, or a scheduling word
// ("Negotiators will meet again on November 2 and again in early
// December", where "will" is out of futureBefore's reach).
func (q *qdoc) futureVerb(i int) bool {
	v := q.verbOf(i)
	if v < 0 {
		return false
	}
	switch q.tok(v) {
	case "scheduled", "planned", "due", "expected", "slated":
		return true
	}
	toks := q.doc.Tokens
	// "planned to distribute seeds before the season in December": an
	// infinitive of what one plans, intends or promises is ahead.
	if h := toks[v].Head; h >= 0 && h < len(toks) && h != v && intentVerbs[toks[h].Lemma] && toks[v].Dep == "xcomp" {
		for k := max(q.sentStartTok(v), v-3); k < v; k++ {
			if toks[k].Head == v && toks[k].Dep == "mark" && q.tok(k) == "to" {
				return true
			}
		}
	}
	for k := max(q.sentStartTok(v), v-6); k < v; k++ {
		if toks[k].Head == v && toks[k].Dep == "aux" {
			switch q.tok(k) {
			case "will", "'ll", "’ll", "shall":
				return true
			case "would":
				// "said it would raise tariffs from Jan. 1": the future
				// of a reported clause.
				if toks[v].Dep == "ccomp" && toks[v].Head >= 0 && toks[v].Head < len(toks) && speechVerbs[q.tok(toks[v].Head)] != "" {
					return true
				}
			}
		}
	}
	return false
}

// intentVerbs take an infinitive of something still to come.
var intentVerbs = map[string]bool{
	"plan": true, "intend": true, "aim": true, "promise": true, "pledge": true, "vow": true,
	"prepare": true, "expect": true, "hope": true, "decide": true, "agree": true, "threaten": true,
}

// pastVerb reports whether the verb token i depends on is in the past
// tense.
func (q *qdoc) pastVerb(i int) bool {
	v := q.verbOf(i)
	return v >= 0 && q.doc.Tokens[v].Tag == "VBD"
}

// untilAhead reports whether a date after "until" ends a span that runs
// on from the time of the clause: its verb is in the present ("the ban
// stays in place until March") or a to-infinitive ("said they needed
// $230 million to support the arrivals until March"), whose time is ahead
// of the verb it hangs on. "served as minister until March" is past.
func (q *qdoc) untilAhead(i int) bool {
	switch q.tok(i - 1) {
	case "until", "till":
	default:
		return false
	}
	toks := q.doc.Tokens
	if toks[i].POS == "" {
		return false
	}
	// Up the heads to the first verb, or to a word with "to" (the tagger
	// may read "to shelter" as a noun).
	v := i
	for step := 0; step < 4; step++ {
		h := toks[v].Head
		if h < 0 || h >= len(toks) || h == v {
			return false
		}
		v = h
		for k := max(q.sentStartTok(v), v-3); k < v; k++ {
			if toks[k].Head == v && toks[k].Dep == "mark" && q.tok(k) == "to" {
				return true
			}
		}
		if toks[v].POS == "VERB" || toks[v].POS == "AUX" {
			return q.presentOrModal(v, 2)
		}
	}
	return false
}

// presentOrModal reports whether verb v is in the present or has a modal
// of the future or of obligation ("would stay", "must keep"), or, for a
// participle or infinitive below another verb ("would stay closed until",
// "must keep the systems running until"), whether that verb is, up to
// depth verbs up.
func (q *qdoc) presentOrModal(v, depth int) bool {
	toks := q.doc.Tokens
	if toks[v].Tag == "VBZ" || toks[v].Tag == "VBP" {
		return true
	}
	for k := max(q.sentStartTok(v), v-4); k < v; k++ {
		if toks[k].Head == v && toks[k].Dep == "aux" {
			switch q.tok(k) {
			case "will", "'ll", "’ll", "shall", "would", "must", "should":
				return true
			}
		}
		// "needed money to keep the kitchens going until April": a
		// to-infinitive's time is ahead of the verb it hangs on.
		if toks[k].Head == v && toks[k].Dep == "mark" && q.tok(k) == "to" && depth < 2 {
			return true
		}
	}
	if depth == 0 || toks[v].Tag == "VBD" {
		return false
	}
	if d := toks[v].Dep; d != "xcomp" && d != "acl" {
		return false
	}
	// Up to the verb governing the clause (through the noun an acl
	// modifies).
	u := v
	for step := 0; step < 3; step++ {
		h := toks[u].Head
		if h < 0 || h >= len(toks) || h == u {
			return false
		}
		u = h
		if toks[u].POS == "VERB" || toks[u].POS == "AUX" {
			return q.presentOrModal(u, depth-1)
		}
	}
	return false
}

// future reports whether the expression at token i is about the future.
func (q *qdoc) future(i int) bool {
	if q.onAfterPast(i) {
		return false
	}
	return q.futureBefore(i) || q.futureVerb(i) || q.untilAhead(i)
}

// onAfterPast reports a date right after a past-tense verb and "on"
// ("the council decided on Thursday"): the date is that verb's, whatever
// the parser hung it on and whatever "will" the sentence has elsewhere.
func (q *qdoc) onAfterPast(i int) bool {
	if i < 2 || q.tok(i-1) != "on" {
		return false
	}
	t := q.doc.Tokens[i-2]
	return t.Tag == "VBD" && t.POS == "VERB"
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// Times finds the date expressions of doc and resolves them against
// published (only its date is used). A zero published date resolves only
// absolute dates that carry their year.
func Times(doc *nlp.Doc, articleID string, published time.Time) []record.Time {
	if doc == nil || len(doc.Tokens) == 0 {
		return nil
	}
	return timesOf(newQdoc(doc, articleID), published)
}

// timesOf is Times over q, a fresh qdoc of a document with tokens (times
// only read it, so Claims may share it).
func timesOf(q *qdoc, published time.Time) []record.Time {
	doc, articleID := q.doc, q.id
	pub := time.Date(published.Year(), published.Month(), published.Day(), 0, 0, 0, 0, time.UTC)
	known := !published.IsZero()
	var out []record.Time
	emit := func(a, b int, from, to time.Time, prec string, rel bool, rule string) {
		t := record.Time{From: day(from), To: day(to), Precision: prec, Relative: rel}
		t.Evidence = q.ev(a, b, rule)
		t.Text = t.Evidence.Text
		t.ID = timeID(articleID, t.Evidence)
		out = append(out, t)
	}
	n := len(doc.Tokens)
	for i := 0; i < n; i++ {
		w := q.tok(i)
		// ISO date: 2023-10-27.
		if len(w) == 10 && w[4] == '-' && w[7] == '-' {
			if t, err := time.Parse("2006-01-02", w); err == nil {
				emit(i, i+1, t, t, record.PrecisionDay, false, "time.iso")
				continue
			}
		}
		// Month-first: "Oct. 7", "October 7, 2023", "October 2023", "in March".
		if m, ok := q.monthOf(i); ok {
			if d, ok := q.dayNum(i + 1); ok {
				end := i + 2
				y, hasYear := 0, false
				k := end
				if q.tok(k) == "," {
					k++
				}
				if yy, ok := q.yearNum(k); ok {
					y, hasYear, end = yy, true, k+1
				} else if yy, e, ok := q.relativeYearAfter(end, pub); ok && known {
					y, hasYear, end = yy, true, e
				}
				if !hasYear && !known {
					i = end - 1
					continue
				}
				if !hasYear {
					y = q.inferYear(pub, m, d, i)
				}
				t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				if t.Day() == d {
					emit(i, end, t, t, record.PrecisionDay, false, "time.month-day")
				}
				i = end - 1
				continue
			}
			if y, ok := q.yearNum(i + 1); ok {
				from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
				emit(i, i+2, from, from.AddDate(0, 1, -1), record.PrecisionMonth, false, "time.month-year")
				i++
				continue
			}
			prev := q.tok(i - 1)
			// "in May of last year", "in March next year".
			if y, e, ok := q.relativeYearAfter(i+1, pub); ok && known && prev != "last" && prev != "next" && prev != "this" {
				from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
				emit(i, e, from, from.AddDate(0, 1, -1), record.PrecisionMonth, true, "time.month-relative-year")
				i = e - 1
				continue
			}
			if known && (prev == "in" || prev == "since" || prev == "during" || prev == "until" ||
				prev == "by" || prev == "early" || prev == "late" || prev == "mid" || prev == "-" ||
				prev == "last" || prev == "next" || prev == "this" || prev == "of") && (m != 5 || prev != "-") {
				y := pub.Year()
				switch {
				case prev == "next" || (prev != "last" && q.future(i)):
					if m <= pub.Month() && prev == "next" || m < pub.Month() {
						y++
					}
				case prev == "last" && m >= pub.Month() || m > pub.Month():
					y--
				}
				from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
				a := i
				if prev == "last" || prev == "next" || prev == "this" {
					a = i - 1
				}
				emit(a, i+1, from, from.AddDate(0, 1, -1), record.PrecisionMonth, prev != "in" && prev != "of" && prev != "since", "time.month")
			}
			continue
		}
		// Quarters: "the first quarter", "the third quarter of 2024",
		// "Q2", "Q3 2023".
		if qn, a, ok := q.quarterAt(i); ok {
			end := i + 1
			y, hasYear := 0, false
			k := end
			if q.tok(k) == "of" {
				k++
			}
			if yy, ok := q.yearNum(k); ok {
				y, hasYear, end = yy, true, k+1
			} else if yy, e, ok := q.relativeYearAfter(end, pub); ok && known {
				y, hasYear, end = yy, true, e
			}
			if hasYear || known {
				if !hasYear {
					// This year's quarter, unless it lies ahead of a
					// past report or behind a future one.
					y = pub.Year()
					from := time.Date(y, time.Month(3*qn-2), 1, 0, 0, 0, 0, time.UTC)
					if fut := q.future(i); from.After(pub) && !fut {
						y--
					} else if fut && from.AddDate(0, 3, -1).Before(pub) {
						y++
					}
				}
				from := time.Date(y, time.Month(3*qn-2), 1, 0, 0, 0, 0, time.UTC)
				emit(a, end, from, from.AddDate(0, 3, -1), record.PrecisionQuarter, !hasYear, "time.quarter")
				i = end - 1
				continue
			}
		}
		// Decades: "the 1990s", "the 2010s".
		if d, ok := decadeOf(w); ok {
			a := i
			if q.tok(i-1) == "the" {
				a = i - 1
			}
			from := time.Date(d, 1, 1, 0, 0, 0, 0, time.UTC)
			emit(a, i+1, from, from.AddDate(10, 0, -1), record.PrecisionDecade, false, "time.decade")
			continue
		}
		// A bare ordinal day, "on the 12th": a day of the publication
		// month, or of the month before when a past report names a day
		// still ahead (and the month after for a future one).
		if known && q.tok(i-1) == "the" && q.tok(i-2) == "on" && isOrdinal(w) && !q.wordAfter(i) {
			if d, ok := q.dayNum(i); ok {
				first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
				fut := q.future(i)
				switch {
				case d > pub.Day() && !fut:
					first = first.AddDate(0, -1, 0)
				case d < pub.Day() && fut:
					first = first.AddDate(0, 1, 0)
				}
				if t := first.AddDate(0, 0, d-1); t.Day() == d {
					emit(i-1, i+1, t, t, record.PrecisionDay, true, "time.ordinal-day")
				}
				continue
			}
		}
		// Seasons: "next spring", "last summer", "this fall", "in the
		// winter", "spring 2025", "the summer of 2024".
		if first, ok := seasonStart[w]; ok && known {
			if a, b, from, rel, ok := q.season(i, first, pub); ok {
				emit(a, b, from, from.AddDate(0, 3, -1), record.PrecisionSeason, rel, "time.season")
				i = b - 1
				continue
			}
		}
		// Day-first: "7 October", "7 October 2023".
		if d, ok := q.dayNum(i); ok {
			// "2 May" with a capital is the month; only a lower-case
			// three-letter "may" after a number is the modal.
			mi := i + 1
			if q.tok(mi) == "of" && isOrdinal(w) {
				mi++ // "the 12th of May"
			}
			if m, ok := q.monthOf(mi); ok && (len(q.tok(mi)) > 3 || q.isCap(mi)) {
				end := mi + 1
				y := 0
				if yy, ok := q.yearNum(end); ok {
					y, end = yy, end+1
				} else if yy, e, ok := q.relativeYearAfter(end, pub); ok && known {
					// "2 May next year", "10 June last year".
					y, end = yy, e
				} else if known {
					y = q.inferYear(pub, m, d, i)
				} else {
					continue
				}
				t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				if t.Day() == d {
					emit(i, end, t, t, record.PrecisionDay, false, "time.day-month")
				}
				i = end - 1
				continue
			}
		}
		if !known {
			if y, ok := q.yearNum(i); ok && q.yearContext(i) {
				from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
				emit(i, i+1, from, from.AddDate(1, 0, -1), record.PrecisionYear, false, "time.year")
			}
			continue
		}
		// Weekdays.
		if wd, ok := weekdayNum[w]; ok && q.isCap(i) && !q.weekdayInName(i) {
			prev := q.tok(i - 1)
			var t time.Time
			back := (int(pub.Weekday()) - int(wd) + 7) % 7
			a := i
			switch {
			case prev == "last":
				if back == 0 {
					back = 7
				}
				t, a = pub.AddDate(0, 0, -back), i-1
			case prev == "next" || prev == "coming" || q.future(i):
				fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
				if prev == "next" && fwd == 0 {
					fwd = 7
				}
				t = pub.AddDate(0, 0, fwd)
				if prev == "next" || prev == "coming" {
					a = i - 1
				}
			default:
				t = pub.AddDate(0, 0, -back)
			}
			emit(a, i+1, t, t, record.PrecisionDay, true, "time.weekday")
			continue
		}
		switch w {
		case "yesterday":
			t := pub.AddDate(0, 0, -1)
			emit(i, i+1, t, t, record.PrecisionDay, true, "time.yesterday")
			continue
		case "today", "tonight":
			emit(i, i+1, pub, pub, record.PrecisionDay, true, "time.today")
			continue
		case "this":
			// "this morning", "this afternoon", "this evening": today.
			switch q.tok(i + 1) {
			case "morning", "afternoon", "evening":
				emit(i, i+2, pub, pub, record.PrecisionDay, true, "time.today")
				i++
				continue
			}
		case "tomorrow":
			t := pub.AddDate(0, 0, 1)
			emit(i, i+1, t, t, record.PrecisionDay, true, "time.tomorrow")
			continue
		}
		// "last night", "late last night".
		if w == "last" && q.tok(i+1) == "night" {
			t := pub.AddDate(0, 0, -1)
			a := i
			if q.tok(i-1) == "late" || q.tok(i-1) == "early" {
				a = i - 1
			}
			emit(a, i+2, t, t, record.PrecisionDay, true, "time.last-night")
			i++
			continue
		}
		// "over the weekend", "last weekend", "this weekend": Saturday and
		// Sunday, the one before publication unless the sentence speaks of
		// the future (or publication falls on it).
		if w == "weekend" {
			prev := q.tok(i - 1)
			if prev == "the" || prev == "this" || prev == "last" || prev == "next" || prev == "coming" {
				mon := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
				sat := mon.AddDate(0, 0, 5) // this week's
				onWeekend := pub.Weekday() == time.Saturday || pub.Weekday() == time.Sunday
				switch {
				case prev == "last" && onWeekend:
					sat = sat.AddDate(0, 0, -7)
				case prev == "last":
					sat = mon.AddDate(0, 0, -2)
				case prev == "next" && onWeekend:
					sat = sat.AddDate(0, 0, 7)
				case prev == "next" || prev == "coming" || q.future(i) || onWeekend:
				case prev == "this" && pub.Weekday() >= time.Wednesday && !q.pastVerb(i):
					// Late in the week "this weekend" is the coming one,
					// unless the verb is past ("erupted this weekend").
				default:
					sat = mon.AddDate(0, 0, -2)
				}
				a := i - 1
				if prev == "the" && q.tok(i-2) == "over" {
					a = i - 2
				}
				emit(a, i+1, sat, sat.AddDate(0, 0, 1), record.PrecisionDay, true, "time.weekend")
				continue
			}
		}
		// "the past three days", "the last few weeks": up to publication.
		if (w == "past" || w == "last") && q.tok(i-1) == "the" {
			n, k := 0.0, i+1
			if v, end, ok := q.simpleNumber(k); ok && v >= 2 && v <= 100 {
				n, k = v, end
			} else if q.tok(k) == "few" || q.tok(k) == "several" {
				n, k = 3, k+1 // the least "few" can mean; "to" is publication either way
				if q.tok(k-1) == "several" {
					n = 4
				}
			}
			unit := q.tok(k)
			if n == 0 && w == "past" {
				// "in the past week", "over the past year": the span up
				// to publication ("the last week of May" is not one).
				switch unit {
				case "week", "month", "year":
					n, unit = 1, unit+"s"
				}
			}
			var from time.Time
			prec := ""
			switch unit {
			case "days":
				from, prec = pub.AddDate(0, 0, -int(n)), record.PrecisionDay
			case "weeks":
				from, prec = pub.AddDate(0, 0, -7*int(n)), record.PrecisionWeek
			case "months":
				from, prec = pub.AddDate(0, -int(n), 0), record.PrecisionMonth
			case "years":
				from, prec = pub.AddDate(-int(n), 0, 0), record.PrecisionYear
			}
			if n > 0 && prec != "" {
				emit(i-1, k+1, from, pub, prec, true, "time.past-span")
				i = k
				continue
			}
		}
		// "last week", "this month", "next year", "earlier this year".
		if w == "last" || w == "this" || w == "next" || w == "past" {
			unit := q.tok(i + 1)
			a := i
			earlier := false
			if w == "this" && (q.tok(i-1) == "earlier" || q.tok(i-1) == "later") {
				a, earlier = i-1, q.tok(i-1) == "earlier"
			}
			off := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[w]
			var from, to time.Time
			prec := ""
			switch unit {
			case "week":
				mon := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
				from = mon.AddDate(0, 0, 7*off)
				to, prec = from.AddDate(0, 0, 6), record.PrecisionWeek
			case "month":
				first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
				from = first.AddDate(0, off, 0)
				to, prec = from.AddDate(0, 1, -1), record.PrecisionMonth
			case "year":
				from = time.Date(pub.Year()+off, 1, 1, 0, 0, 0, 0, time.UTC)
				to, prec = from.AddDate(1, 0, -1), record.PrecisionYear
			}
			if prec != "" {
				if earlier {
					to = pub
				}
				emit(a, i+2, from, to, prec, true, "time.relative-"+unit)
				i++
				continue
			}
		}
		// "three days ago", "two weeks ago".
		if w == "ago" && i >= 2 {
			v, _, ok := q.simpleNumber(i - 2)
			if !ok && (q.tok(i-2) == "a" || q.tok(i-2) == "one") {
				v, ok = 1, true
			}
			if ok {
				// The range is the calendar unit that holds the day so
				// far back, as "last week" is the week before this
				// one: "two weeks ago" is a week, not one day of it.
				var from, to time.Time
				prec := record.PrecisionDay
				switch strings.TrimSuffix(q.tok(i-1), "s") {
				case "day":
					from = pub.AddDate(0, 0, -int(v))
					to = from
				case "week":
					t := pub.AddDate(0, 0, -7*int(v))
					from = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // its Monday
					to, prec = from.AddDate(0, 0, 6), record.PrecisionWeek
				case "month":
					t := pub.AddDate(0, 0, 1-pub.Day()).AddDate(0, -int(v), 0) // month arithmetic from the 1st
					from = t
					to, prec = t.AddDate(0, 1, -1), record.PrecisionMonth
				case "year":
					from = time.Date(pub.Year()-int(v), 1, 1, 0, 0, 0, 0, time.UTC)
					to, prec = from.AddDate(1, 0, -1), record.PrecisionYear
				default:
					continue
				}
				emit(i-2, i+1, from, to, prec, true, "time.ago")
				continue
			}
		}
		// A year after a preposition: "in 2022", "since 2014".
		if y, ok := q.yearNum(i); ok && q.yearContext(i) {
			from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			emit(i, i+1, from, from.AddDate(1, 0, -1), record.PrecisionYear, false, "time.year")
		}
	}
	return out
}

// relativeYearAfter reads "of last year", "last year", "next year", "this
// year" starting at token i, after a month or a date: the year meant and
// the token after the phrase.
// weekdayNames are capitalised words that make a weekday part of a name
// rather than a date: the newspaper words after it ("The Sunday Times",
// "Sunday Telegraph") and the feast or event words before it ("Bloody
// Sunday", "Good Friday"), whose day is not the one nearest publication.
var (
	weekdayTitleAfter = map[string]bool{"times": true, "telegraph": true, "post": true, "express": true,
		"mirror": true, "herald": true, "mail": true, "tribune": true, "independent": true,
		"observer": true, "star": true, "sport": true, "people": true, "night": true, "world": true}
	weekdayFeastBefore = map[string]bool{"bloody": true, "black": true, "easter": true, "palm": true,
		"good": true, "holy": true, "ash": true, "super": true, "cyber": true, "maundy": true}
)

// weekdayInName reports whether the weekday at i is part of a name such as
// "The Sunday Times" or "Bloody Sunday" (both words capitalised).
func (q *qdoc) weekdayInName(i int) bool {
	if q.isCap(i+1) && weekdayTitleAfter[q.tok(i+1)] {
		return true
	}
	return i > 0 && q.isCap(i-1) && weekdayFeastBefore[q.tok(i-1)]
}

// quarterWords are the ordinals that name a quarter of a year.
var quarterWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

// quarterAt reads a quarter of a year ending at token i: "the first
// quarter" (not "the first quarter of the match": a quarter of something
// else) or "Q3". It returns the quarter's number and the token it starts at.
func (q *qdoc) quarterAt(i int) (n, start int, ok bool) {
	w := q.tok(i)
	if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && q.isCap(i) {
		return int(w[1] - '0'), i, true
	}
	if w != "quarter" {
		return 0, 0, false
	}
	n, ok = quarterWords[q.tok(i-1)]
	if !ok || q.tok(i+1) == "of" && (q.tok(i+2) == "the" || q.tok(i+2) == "a" || q.tok(i+2) == "an") {
		return 0, 0, false
	}
	start = i - 1
	if q.tok(i-2) == "the" {
		start = i - 2
	}
	return n, start, true
}

// decadeOf reads "1990s" or "2010s" (a year ending in 0, then "s").
func decadeOf(w string) (int, bool) {
	if len(w) != 5 || w[4] != 's' || w[3] != '0' {
		return 0, false
	}
	y, err := strconv.Atoi(w[:4])
	if err != nil || y < 1000 || y > 2100 {
		return 0, false
	}
	return y, true
}

// isOrdinal reports a day written as an ordinal: "12th", "1st", "23rd".
func isOrdinal(w string) bool {
	for _, suf := range []string{"th", "st", "nd", "rd"} {
		if d, ok := strings.CutSuffix(w, suf); ok && d != "" && d[0] >= '0' && d[0] <= '9' {
			return true
		}
	}
	return false
}

// wordAfter reports a word right after token i ("the 12th floor", "the
// 5th century"), which makes an ordinal a modifier, not a bare day.
func (q *qdoc) wordAfter(i int) bool {
	if i+1 >= len(q.doc.Tokens) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(q.doc.Tokens[i+1].Text)
	return unicode.IsLetter(r) // "of" too: "the 12th of May" is read as a day and month
}

func (q *qdoc) relativeYearAfter(i int, pub time.Time) (int, int, bool) {
	if q.tok(i) == "of" {
		i++
	}
	if strings.ToLower(q.tok(i+1)) != "year" {
		return 0, 0, false
	}
	switch strings.ToLower(q.tok(i)) {
	case "last":
		return pub.Year() - 1, i + 2, true
	case "next":
		return pub.Year() + 1, i + 2, true
	case "this":
		return pub.Year(), i + 2, true
	}
	return 0, 0, false
}

// yearContext reports whether the four-digit number at i reads as a year:
// after "in", "since", "by" and the like, and not before a counted noun.
func (q *qdoc) yearContext(i int) bool {
	switch q.tok(i - 1) {
	case "in", "since", "by", "until", "till", "from", "of", "during", "early", "late", "mid",
		"before", "after", "through", "to", "-", "and", "between", "spring", "summer", "autumn",
		"fall", "winter":
	default:
		return false
	}
	if _, ok := scales[q.tok(i+1)]; ok {
		return false
	}
	if !q.plainWord(i+1) || q.tok(i+1) == "election" || q.tok(i+1) == "elections" {
		return true
	}
	// "The deal signed in 2019 expires ...": a verb, not a counted noun.
	switch q.pos(i + 1) {
	case "VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ", "PART", "DET", "PRON":
		return true
	}
	return false
}

// inferYear picks the year of a month-day date written without one: the
// publication year, or the year before when that date would lie more than
// a month after publication and the sentence does not speak of the future.
func (q *qdoc) inferYear(pub time.Time, m time.Month, d, i int) int {
	y := pub.Year()
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.After(pub.AddDate(0, 1, 0)) && !q.future(i) {
		return y - 1
	}
	if t.Before(pub.AddDate(0, -10, 0)) && q.future(i) || t.Before(pub) && (q.postponedTo(i) || q.untilAhead(i)) {
		return y + 1
	}
	return y
}

// seasonStart maps season words to the month each begins in (northern
// meteorological seasons: winter runs from December into the next year).
var seasonStart = map[string]time.Month{
	"spring": time.March, "summer": time.June, "autumn": time.September, "fall": time.September, "winter": time.December,
}

// season reads a season phrase around token i ("next spring", "last
// summer", "this fall", "in the winter", "spring 2025", "the summer of
// 2024") and returns its tokens [a, b), its first day and whether it was
// read relative to pub (no year given). A season word with no such frame
// ("the fall of Kabul", "Arab Spring") is not a time.
func (q *qdoc) season(i int, first time.Month, pub time.Time) (a, b int, from time.Time, rel, ok bool) {
	w := q.tok(i)
	if w != strings.ToLower(w) && !q.isSentenceStart(i) {
		return 0, 0, time.Time{}, false, false // "Arab Spring", "Fall River"
	}
	start := func(y int) time.Time { return time.Date(y, first, 1, 0, 0, 0, 0, time.UTC) }
	// "spring 2025", "the summer of 2024"
	k := i + 1
	if q.tok(k) == "of" {
		k++
	}
	if y, ok := q.yearNum(k); ok {
		a := i
		if q.tok(i-1) == "the" {
			a = i - 1
		}
		return a, k + 1, start(y), false, true
	}
	// The occurrences around pub: the one holding it (if any), the last
	// one over before it and the next one to begin after it.
	var holding, last, next time.Time
	for y := pub.Year() - 2; y <= pub.Year()+1; y++ {
		s := start(y)
		e := s.AddDate(0, 3, 0)
		switch {
		case !s.After(pub) && pub.Before(e):
			holding = s
		case !e.After(pub):
			last = s
		case s.After(pub) && next.IsZero():
			next = s
		}
	}
	pick := func(future bool) time.Time {
		switch {
		case !holding.IsZero():
			return holding
		case future:
			return next
		}
		return last
	}
	prev := q.tok(i - 1)
	switch prev {
	case "next":
		return i - 1, i + 1, next, true, true
	case "last":
		return i - 1, i + 1, last, true, true
	case "this":
		return i - 1, i + 1, pick(q.future(i)), true, true
	case "the":
		if p := q.tok(i - 2); p != "in" && p != "during" && p != "by" && p != "until" && p != "over" {
			return 0, 0, time.Time{}, false, false // "the fall of the regime"
		}
		if q.tok(i+1) == "of" {
			return 0, 0, time.Time{}, false, false
		}
		return i - 1, i + 1, pick(q.future(i)), true, true
	}
	return 0, 0, time.Time{}, false, false
}
