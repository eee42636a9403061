package extract

import (
	"unicode"

	"dateline/record"
)

// wholeNamesInContent runs a reported content that ends inside a name on
// to the name's end. Parsers sometimes hang the last words of a long
// title elsewhere ("voted against [the Justice for Victims of
// Trafficking] Act of 2015", with "Act" read as the verb's object), but a
// name is one mention: it is never split between what the source said
// and what the writer adds. A content ends inside a name when its last
// word is capitalised and the next one, in the same sentence and outside
// any quotation, is too; the name runs over further capitalised words
// and over "of", "for" or "and" joining two of its parts ("Act of 2015",
// "Bureau of Labor Statistics").
func (q *qdoc) wholeNamesInContent(qs []*record.Quote) {
	for _, r := range qs {
		if r.Kind == record.QuoteDirect {
			continue
		}
		k := q.tokenEndingAt(r.Content.End)
		if k < 0 || k == q.tokenAt(r.Content.Start) || !q.nameWord(k) || !q.nameWord(k+1) || q.sent[k+1] != q.sent[k] {
			continue
		}
		e := k + 1
		for e+1 < len(q.lower) && q.sent[e+1] == q.sent[k] {
			switch {
			case q.nameWord(e + 1):
				e++
				continue
			case e+2 < len(q.lower) && q.sent[e+2] == q.sent[k] && titleJoiners[q.tok(e+1)] && (q.nameWord(e+2) || q.isYear(e+2)):
				e += 2
				continue
			}
			break
		}
		r.Content.End = q.doc.Tokens[e].End
		r.Content.Text = q.doc.Text[r.Content.Start:r.Content.End]
	}
}

// titleJoiners join the parts of a long proper name: "Act of 2015",
// "Citizens for Tax Justice", "Bureau of Alcohol, Tobacco and Firearms".
var titleJoiners = setOf(`of for and`)

// nameWord reports whether token i is a capitalised word outside any
// quotation: a part of a proper name.
func (q *qdoc) nameWord(i int) bool {
	if i < 0 || i >= len(q.lower) || q.inQ[i] >= 0 {
		return false
	}
	w := q.doc.Tokens[i].Text
	for _, c := range w {
		return unicode.IsUpper(c)
	}
	return false
}

// isYear reports whether token i is a four-digit year ("2015").
func (q *qdoc) isYear(i int) bool {
	w := q.tok(i)
	if len(w) != 4 || (w[0] != '1' && w[0] != '2') {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// relativeGapPredicate reports whether the clause cc that the parser gave
// cue c is really the predicate of the noun c's relative clause modifies:
// in "Everything Trump says is a lie", "Trump says" is a relative clause
// whose object is "Everything" (what was said, as PolNeAR marks it), and
// "is a lie" is the writer's verdict on it. A reported clause has a
// subject of its own; one that opens with a finite verb right after a
// relative cue has none, and when the noun has no predicate besides it,
// that verb is the noun's.
func (q *qdoc) relativeGapPredicate(t *depTree, c, cc, a int) bool {
	if q.dep(c) != "acl:relcl" || t.child(q, cc, "nsubj", "csubj", "expl") >= 0 {
		return false
	}
	// "which he said [were accompanied by …]": a relative pronoun
	// before the source is the reported clause's subject; and a noun
	// with a predicate of its own leaves the clause to the cue.
	if h := q.doc.Tokens[c].Head; h < 0 || q.dep(h) != "root" {
		return false
	}
	if s := t.child(q, c, "nsubj"); s < 0 || s > 0 && whWords[q.tok(s-1)] || q.tok(max(s-1, 0)) == "that" {
		return false
	}
	switch q.doc.Tokens[a].Tag {
	case "VBZ", "VBD", "VBP", "MD":
		return a <= c+2
	}
	return false
}

// eventTimeTail reports whether the phrase at token e, right after a
// partial quotation, times the report rather than finishing the quoted
// phrase: "criticized the law as a “crazy system” [during a campaign stop
// in Flint]" says when the criticism was made, as cutTimeAdjunct reads
// the same phrase inside object contents.
func (q *qdoc) eventTimeTail(e int) bool {
	return e < len(q.lower) && eventTimePreps[q.tok(e)]
}

// thatConjunct reports whether verb k, which the parser coordinated with
// a cue, opens with "and that" or "or that": a second reported clause of
// the same cue ("said [the videos were “inconclusive” and that the
// footage did not show a gun]"), not the source's next action, which
// would have no complementiser.
func (q *qdoc) thatConjunct(t *depTree, k int) bool {
	m := t.child(q, k, "mark")
	if m < 0 || q.tok(m) != "that" || m == 0 {
		return false
	}
	j := m - 1
	return j >= t.lo[k] && (q.tok(j) == "and" || q.tok(j) == "or")
}

// adverbialOpeners open clauses of time, reason or condition.
var adverbialOpeners = setOf(`when while after before because since as if once until`)

// relativeAntecedent returns the noun [a, b) that cue c's relative
// clause modifies when the clause cc the parser gave the cue is no
// reported content:
//   - a clause before the cue with nothing to set it off ("X is the worst
//     way forward I can imagine"): a report put before its cue ends at a
//     comma, quotation mark, dash or colon ("X is the worst, I think");
//     run on into the subject, the clause ends in the noun of a relative
//     clause with no relative word, the noun phrase right before the
//     subject;
//   - an adverbial clause after a cue in a relative clause whose object is
//     the relative word ("what Liz said [when she resigned]"): the cue has
//     its object already, and the clause says when.
//
// PolNeAR marks such nouns as the content.
func (q *qdoc) relativeAntecedent(t *depTree, c, cc, a int) (int, int, bool) {
	if cc < c {
		s := t.child(q, c, "nsubj")
		if s < 0 || s < cc {
			return 0, 0, false
		}
		for j := t.hi[cc]; j <= t.lo[s]; j++ {
			if q.pos(j) == "PUNCT" || q.isQuoteMark(j) {
				return 0, 0, false
			}
		}
		e := t.lo[s] - 1
		if e < 0 || q.pos(e) != "NOUN" && q.pos(e) != "ADJ" && q.pos(e) != "ADV" {
			return 0, 0, false
		}
		n := e
		for lo := max(t.lo[cc], q.sentStartTok(c)); n-1 >= lo; n-- {
			p := q.pos(n - 1)
			if p != "DET" && p != "ADJ" && p != "NOUN" && p != "PROPN" && p != "NUM" && (p != "ADV" || q.pos(n) != "ADJ") {
				break
			}
		}
		if q.pos(n) != "DET" {
			return 0, 0, false // "the worst way": a noun phrase with its determiner
		}
		return n, e + 1, true
	}
	if q.dep(c) != "acl:relcl" || !adverbialOpeners[q.tok(a)] {
		return 0, 0, false
	}
	h := q.doc.Tokens[c].Head
	if h < 0 || h >= c || !whWords[q.tok(h)] {
		return 0, 0, false
	}
	return h, h + 1, true
}
