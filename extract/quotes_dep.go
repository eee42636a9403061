package extract

// This file finds attributions from the dependency parse, when the Doc
// has one (Token.Dep != ""). It complements the surface patterns of
// quotes.go, which handle direct quotes and the common "X said (that)"
// shapes from tokens alone, with the long tail of news attribution:
// beliefs ("voters believe the race is close"), intentions ("the
// campaign plans to spend more"), findings ("the poll shows Clinton
// ahead"), stances ("Democrats oppose the bill", "critics called the plan
// a gamble"), appearance ("the deal seems to have collapsed") and nominal
// cues ("his claim that the vote was rigged").
//
// The rule is the same for every cue: the cue is a verb (or noun) whose
// lemma is in attributionCues; its content is a clause or phrase the
// parser attached to it (ccomp, xcomp, obj, or a prepositional object the
// cue selects, "called for X"); its source is the subject (nsubj, the
// "by" agent of a passive, or the subject inherited through xcomp and
// conj chains: "X met Y and said ..."). Contents are whole parse subtrees,
// so they run as far as the clause does and keep the complementiser
// ("that the talks failed", "to cut taxes"), the way PolNeAR marks them.
// Passive and appearance cues give two parts under one cue, the subject
// and the complement ("[the mayor] was accused [of lying]").
//
// The file also holds the passes that settle how attributions meet:
// splitNested (a clause appended to a content is an attribution of its
// own), cutTails, and the layout rules that need no verb of the parse's
// choosing: colon leads ("He added: ..."), transcript turns and
// headlines ("Senator Says Taxes Will Rise").

import (
	"strings"

	"dateline/record"
)

// cueClass says which dependents of a cue carry its content.
type cueClass uint8

const (
	// cueSpeech: clause complements ("said (that) ...", "told X that ..."),
	// parenthetical use ("..., he said, ..."), wh- and quoted objects
	// ("said what he thought", "wrote “...”") and infinitives with an
	// addressee ("told them to leave").
	cueSpeech cueClass = iota + 1
	// cueBelief: clause complements only ("believes the race is close").
	cueBelief
	// cueIntent: infinitives and plain objects ("wants to win", "wants
	// lower taxes").
	cueIntent
	// cueFinding: clauses, or the whole predicate after the verb ("the
	// poll shows Clinton ahead by 3 points").
	cueFinding
	// cueStance: the object, with the reason it governs ("accused X of
	// lying", "support the bill", "called for an inquiry").
	cueStance
	// cueNaming: object plus its predicate ("called the plan a gamble",
	// "described him as reckless").
	cueNaming
	// cueSeem: raising verbs; content is the subject plus the infinitive,
	// with no source ("the deal seems to have collapsed").
	cueSeem
)

// attributionCues maps cue lemmas to their class. The lists follow the
// attribution relations of news text (speech, cognition, intention,
// evidence, evaluation): each verb's content is something a source
// asserts, believes, wants or judges.
var attributionCues = func() map[string]cueClass {
	m := map[string]cueClass{}
	add := func(c cueClass, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = c
		}
	}
	add(cueSpeech, `say tell add state announce claim insist note report write tweet explain
argue assert declare confirm acknowledge admit allege contend maintain reply respond answer
recall reiterate emphasize emphasise stress underline underscore observe remark comment mention
complain concede disclose reveal promise pledge vow caution warn predict testify post counter
retort lament boast brag assure remind inform clarify proclaim speculate joke quip shout
exclaim ask suggest hint threaten affirm advise repeat whisper yell scream chant sing
announce caution concede muse wonder question declare preach recount relate recount signal
point rule swear recite query echo plead beg insinuate mutter scoff sneer tease gush rave grumble
gripe fret guarantee reassure attest certify corroborate refute rebut confide confess specify
quote opine`)
	add(cueBelief, `believe think feel fear hope worry know suspect doubt recognize recognise
realize realise assume imagine guess reckon suppose consider trust figure understand bet
remember forget conclude learn notice hear sense acknowledge accept deny dispute comprehend
contemplate ponder infer anticipate foresee surmise posit`)
	add(cueIntent, `want plan intend seek aim wish prefer refuse decline vote decide agree
threaten offer propose demand request push press expect hope strive vow pledge
promise urge encourage implore exhort persuade convince`)
	add(cueFinding, `show find indicate estimate project forecast document detail demonstrate
prove determine discover confirm suggest reveal imply`)
	add(cueStance, `support oppose back endorse praise criticize criticise condemn attack blast
slam mock accuse blame defend reject dismiss welcome challenge cite discuss applaud
hail tout decry denounce ridicule lambaste rip fault credit thank celebrate favor favour
prefer dislike like love hate approve disapprove embrace champion question`)
	// Judgement of people and deeds, beyond the plain stance verbs.
	add(cueStance, `laud commend compliment admire despise loathe respect grill chastise scold
rebuke berate reprimand deride bemoan deplore bash hammer assail excoriate castigate disparage
belittle downplay ignore trumpet promote justify salute honor honour lament regret resent
question scrutinize scrutinise extol herald lambast`)
	// Bringing something to light or to the table: the object is what
	// the source puts forward ("unveiled a plan", "cited the report").
	add(cueStance, `unveil unearth expose highlight outline publish present detail reference
invoke link tie connect liken equate attribute examine review rate judge
assess evaluate contest resist veto envision fathom recommend propose`)
	add(cueNaming, `call describe label brand dub characterize characterise liken compare portray
view regard deem consider see paint identify cast`)
	add(cueSeem, `seem appear`)
	return m
}()

// stancePreps are the prepositions whose object is the content of a
// stance cue: "called for X", "pointed to X", "argued against X".
var stancePreps = map[string]map[string]bool{
	"call":      {"for": true, "on": true},
	"point":     {"to": true},
	"argue":     {"for": true, "against": true},
	"vote":      {"for": true, "against": true},
	"speak":     {"of": true, "about": true, "against": true},
	"talk":      {"about": true},
	"push":      {"for": true},
	"press":     {"for": true, "on": true},
	"grill":     {"on": true, "about": true, "over": true},
	"quiz":      {"on": true, "about": true, "over": true},
	"advocate":  {"for": true},
	"refer":     {"to": true},
	"warn":      {"of": true, "about": true, "against": true},
	"complain":  {"about": true, "of": true},
	"worry":     {"about": true},
	"agree":     {"with": true, "on": true},
	"disagree":  {"with": true, "on": true, "about": true},
	"ask":       {"for": true, "about": true},
	"respond":   {"to": true},
	"react":     {"to": true},
	"care":      {"about": true},
	"rally":     {"around": true, "behind": true, "over": true},
	"seize":     {"on": true, "upon": true},
	"weigh":     {"in": true, "on": true},
	"comment":   {"on": true, "about": true},
	"focus":     {"on": true},
	"insist":    {"on": true},
	"object":    {"to": true},
	"apologize": {"for": true},
	"apologise": {"for": true},
	"campaign":  {"for": true, "against": true, "on": true},
	"lobby":     {"for": true, "against": true},
	"fight":     {"for": true, "against": true},
	"rail":      {"against": true},
	"go":        {"after": true},
	"rule":      {"against": true, "for": true, "on": true},
	"protest":   {"against": true},
	"lash":      {"at": true},
	"boast":     {"about": true, "of": true},
	"brag":      {"about": true},
	"joke":      {"about": true},
	"write":     {"about": true, "of": true},
	"reflect":   {"on": true},
	"dwell":     {"on": true},
	"elaborate": {"on": true},
	"touch":     {"on": true},
	"testify":   {"about": true},
	"criticize": {"for": true},
	"criticise": {"for": true},
	"believe":   {"in": true},
	"plead":     {"for": true},
	"beg":       {"for": true},
	"wonder":    {"about": true},
	"moralize":  {"about": true},
	"spar":      {"over": true, "about": true},
	"learn":     {"of": true, "about": true},
}

// physicalObject are stance verbs (stancePreps) whose direct object is a
// thing handled, not a view: "seized the palace", "touched the wall",
// "fought the fire" (and "fighting spread" misparsed as verb and object).
var physicalObject = setOf("seize touch fight")

// depTree indexes a parsed Doc: children and subtree extents per token.
type depTree struct {
	kids   [][]int
	lo, hi []int // first and last token of each token's subtree
}

// hasParse reports whether the Doc carries dependency labels.
func (q *qdoc) hasParse() bool {
	for i := range q.doc.Tokens {
		if q.doc.Tokens[i].Dep != "" {
			return true
		}
	}
	return false
}

// parseTree returns the Doc's dependency index, or nil when the Doc has
// no parse. It is built once per Doc.
func (q *qdoc) parseTree() *depTree {
	if q.tree == nil && q.hasParse() {
		q.tree = newDepTree(q)
	}
	return q.tree
}

func newDepTree(q *qdoc) *depTree {
	toks := q.doc.Tokens
	n := len(toks)
	t := &depTree{kids: make([][]int, n), lo: make([]int, n), hi: make([]int, n)}
	for i := range toks {
		t.lo[i], t.hi[i] = i, i
	}
	for i := range toks {
		h := toks[i].Head
		if h >= 0 && h < n && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	// Widen every ancestor's extent; the step bound guards against a
	// malformed (cyclic) head array.
	for i := range toks {
		h, steps := toks[i].Head, 0
		for h >= 0 && h < n && h != i && steps < 64 {
			if i < t.lo[h] {
				t.lo[h] = i
			}
			if i > t.hi[h] {
				t.hi[h] = i
			}
			h = toks[h].Head
			steps++
		}
	}
	return t
}

func (q *qdoc) dep(i int) string {
	if i < 0 || i >= len(q.doc.Tokens) {
		return ""
	}
	return q.doc.Tokens[i].Dep
}

func (q *qdoc) lemma(i int) string {
	if i < 0 || i >= len(q.doc.Tokens) {
		return ""
	}
	if l := q.doc.Tokens[i].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return q.lower[i]
}

// depBase strips the subtype: "nsubj:pass" → "nsubj".
func depBase(d string) string {
	if i := strings.IndexByte(d, ':'); i >= 0 {
		return d[:i]
	}
	return d
}

// child returns the first child of h whose relation is one of rels
// (full labels or bare base labels), or -1.
func (t *depTree) child(q *qdoc, h int, rels ...string) int {
	for _, k := range t.kids[h] {
		d := q.dep(k)
		for _, r := range rels {
			if d == r || depBase(d) == r && !strings.Contains(r, ":") {
				return k
			}
		}
	}
	return -1
}

// trimSpan drops punctuation and coordinating conjunctions from the
// edges of the token range [a, b] (inclusive) and returns it half-open.
func (q *qdoc) trimSpan(a, b int) (int, int) {
	for a <= b && (q.pos(a) == "PUNCT" && !q.isQuoteMark(a) || q.pos(a) == "CCONJ") {
		a++
	}
	for b >= a && (q.pos(b) == "PUNCT" && !q.isQuoteMark(b) || q.pos(b) == "CCONJ") {
		b--
	}
	return a, b + 1
}

// subjectOf finds the source of cue c: its nsubj, the agent of a passive,
// or the subject of the verb it is coordinated with or embedded under.
// It returns the head token of the source, or -1.
// objectControlled reports whether the infinitive v follows an object
// of the verb it hangs on: in "the law requires [candidates] to disclose
// their taxes" or "the rules permit [members] to appoint proxies", the
// object, not the subject, would do what the infinitive says, so the
// subject is no source of it.
// objectControlVerbs make their object do what the infinitive after it
// says ("forced the company to admit", "required landlords to report").
var objectControlVerbs = setOf(`force require oblige obligate compel permit allow enable order
cause lead pressure get drive prompt`)

func (q *qdoc) objectControlled(t *depTree, v int) bool {
	h := q.doc.Tokens[v].Head
	if h < 0 || h >= v || q.lower[max(t.lo[v], 0)] != "to" {
		return false
	}
	for _, k := range t.kids[h] {
		if k > h && k < v && (q.dep(k) == "obj" || q.dep(k) == "iobj") && !q.timeNoun(t, k) {
			return true
		}
	}
	return false
}

func (t *depTree) subjectOf(q *qdoc, c int) int {
	v := c
	for steps := 0; steps < 4 && v >= 0; steps++ {
		if s := t.child(q, v, "nsubj", "csubj"); s >= 0 {
			// Two subjects is a misreading of one noun phrase ("Haitian
			// Prime Minister X thanked", with "Haitian" and X both
			// subjects): its head is the one next to the verb.
			for _, k := range t.kids[v] {
				if k > s && k < v && q.dep(k) == q.dep(s) && !q.timeNoun(t, k) {
					s = k
				}
			}
			// "the Supreme Court this month rejected": a time phrase
			// read as the subject, with the real one hung on it as a
			// compound before its determiner.
			if periodNouns[q.tok(s)] {
				if d := t.child(q, s, "det"); d > 0 {
					if k := t.child(q, s, "compound"); k >= 0 && k < d && (q.pos(k) == "PROPN" || q.pos(k) == "NOUN") {
						s = k
					}
				}
			}
			// "X is bearish on loans and expects ...": a cue coordinated
			// with a passive or copular predicate shares its surface
			// subject.
			if v != c && q.dep(s) == "nsubj:pass" && q.dep(c) == "conj" && q.doc.Tokens[c].Head == v {
				return s
			}
			if q.dep(s) == "nsubj:pass" || q.dep(s) == "csubj:pass" {
				if ag := t.child(q, v, "obl:agent"); ag >= 0 {
					return ag
				}
				return -1
			}
			return s
		}
		switch depBase(q.dep(v)) {
		case "conj":
			// "said [the port would reopen] and warned ...": a cue the
			// parser coordinated with the reported clause shares the
			// subject of the clause's cue, not the clause's own.
			// The clause must be a cue's: "has used the phrase ... and
			// criticized Obama" under a misparsed root is no report.
			if h := q.doc.Tokens[v].Head; h >= 0 && q.dep(h) == "ccomp" && v == q.coordinatedCue(t, h) && q.isCueVerb(q.doc.Tokens[h].Head) {
				v = q.doc.Tokens[h].Head
				continue
			}
		case "xcomp":
			if q.objectControlled(t, v) {
				return -1
			}
		case "parataxis":
			// "..., adding that ...", which parsers often leave as
			// parataxis: a participle set off by a comma.
			if !strings.HasSuffix(q.tok(v), "ing") || q.tok(t.lo[v]) != "," && q.tok(v-1) != "," {
				return -1
			}
			if h := q.doc.Tokens[v].Head; h >= 0 && q.pos(h) == "PUNCT" {
				v = h // a stray attachment to the full stop: climb past it
			}
		case "advcl":
			// "…, and the Supreme Court declined to …": a finite verb
			// whose subject the parser coordinated with a noun of the
			// clause before.
			if v == c {
				if s := q.strandedConjSubject(t, v); s >= 0 {
					return s
				}
			}
			// "..., saying that ...", "took to Twitter to accuse ...":
			// participles and infinitives of purpose share the subject.
			if !strings.HasSuffix(q.tok(v), "ing") && q.lower[max(t.lo[v], 0)] != "to" {
				return -1
			}
			// "forced the company to admit": parsers hang the
			// infinitive of an object-control verb as an adverbial.
			if h := q.doc.Tokens[v].Head; h >= 0 && objectControlVerbs[q.lemma(h)] && q.objectControlled(t, v) {
				return -1
			}
		case "root":
			if v == c && t.child(q, v, "nsubj:pass", "expl") < 0 {
				if s := q.strandedConjSubject(t, v); s >= 0 {
					return s
				}
			}
			return -1
		case "csubj":
			// "Lamenting their luck, Mexicans often say ...": an opening
			// participle set off by a comma, which parsers take for a
			// clausal subject, shares the subject of the main verb.
			h := q.doc.Tokens[v].Head
			if v != c || !strings.HasSuffix(q.tok(v), "ing") || t.lo[v] != v || q.tok(t.hi[v]+1) != "," || h < v {
				return -1
			}
			if s := t.child(q, h, "nsubj"); s > v {
				return s
			}
			return -1
		case "acl":
			// "a letter accusing X of ...", "the group, citing ...":
			// the modified noun is the source.
			if q.dep(v) == "acl" && strings.HasSuffix(q.tok(v), "ing") {
				return q.doc.Tokens[v].Head
			}
			// "Many countries agreed to share ...", "One of the doctors
			// called Oz a quack": a finite verb the parser read as a
			// reduced relative on the noun before it is that noun's
			// predicate.
			if h := q.doc.Tokens[v].Head; v == c && q.dep(v) == "acl" && h < v && q.finiteAfterNoun(t, h, v) {
				// "One of the doctors": the quantity heads the subject.
				for q.dep(h) == "nmod" && q.doc.Tokens[h].Head >= 0 && q.doc.Tokens[h].Head < h {
					p := q.doc.Tokens[h].Head
					if cs := t.child(q, h, "case"); cs < 0 || q.tok(cs) != "of" || q.pos(p) == "NOUN" || q.pos(p) == "PROPN" {
						break
					}
					h = p
				}
				return h
			}
			return -1
		default:
			return -1
		}
		v = q.doc.Tokens[v].Head
	}
	return -1
}

// strandedConjSubject returns the subject of finite verb v that the
// parser hung as a conjunct on a noun of the clause before ("overturned
// by an appeals court, and [the Supreme Court] declined to …"): the noun
// phrase right before v, opened by "and" or "but", with v taking no
// subject of its own. It returns -1 when there is none.
func (q *qdoc) strandedConjSubject(t *depTree, v int) int {
	switch q.doc.Tokens[v].Tag {
	case "VBD", "VBZ":
	default:
		return -1
	}
	if v < 2 || t.lo[v] != v && q.dep(v) != "root" {
		return -1
	}
	// The noun phrase that ends right before v: climb over compounds
	// and names, and over "and" inside an apposition ("France and
	// Germany"), up to the conjunct or apposition.
	n := v - 1
	for steps := 0; steps < 6 && q.dep(n) != "appos"; steps++ {
		h := q.doc.Tokens[n].Head
		if h < 0 || h >= v || t.hi[h] != v-1 || q.pos(h) != "NOUN" && q.pos(h) != "PROPN" {
			break
		}
		if q.dep(n) == "conj" && q.dep(h) != "appos" {
			break
		}
		n = h
	}
	if q.pos(n) != "NOUN" && q.pos(n) != "PROPN" || t.hi[n] != v-1 {
		return -1
	}
	switch q.dep(n) {
	case "conj":
		// "…, and [the Supreme Court] declined": opened by the
		// conjunction (after a comma).
		if cc := t.child(q, n, "cc"); cc < 0 || cc != t.lo[n] && !(cc == t.lo[n]+1 && q.tok(t.lo[n]) == ",") {
			return -1
		}
	case "appos":
		// "Ahead of Friday's meeting, [France and Germany] unveiled":
		// set off by a comma from the phrase it was hung on.
		if q.tok(t.lo[n]) != "," {
			return -1
		}
	default:
		return -1
	}
	return n
}

// timeNoun reports whether token k heads a bare time phrase ("this
// month", "last week", "Friday") that the parser read as a second
// subject: "Wells Fargo this month announced ...".
func (q *qdoc) timeNoun(t *depTree, k int) bool {
	switch q.tok(k) {
	case "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday":
		return t.hi[k] == k
	}
	return false
}

// quotedHeadSpeaker returns the speaker of the attributed direct quote
// that holds the head of participle c (", adding that ...", ", saying
// ..."), or nil.
func (q *qdoc) quotedHeadSpeaker(spans []qspan, c int) *record.Evidence {
	if !strings.HasSuffix(q.tok(c), "ing") || c < 2 || q.tok(c-1) != "," && !(q.isQuoteMark(c-1) && q.tok(c-2) == ",") {
		return nil
	}
	if d := depBase(q.dep(c)); d != "parataxis" && d != "advcl" && d != "conj" {
		return nil
	}
	h := q.doc.Tokens[c].Head
	if h < 0 || h >= c || q.inQ[h] < 0 {
		return nil
	}
	s := spans[q.inQ[h]]
	if s.quote == nil || s.quote.Kind != record.QuoteDirect || s.quote.Speaker == nil {
		return nil
	}
	// Only the attribution may stand between the quotation and the
	// participle.
	if c-s.close > 12 {
		return nil
	}
	return s.quote.Speaker
}

// sourceSpan is the source noun phrase of head s: its subtree without
// relative clauses that follow the cue, trimmed of punctuation.
func (q *qdoc) sourceSpan(t *depTree, s, cue int) (int, int) {
	a, b := t.lo[s], t.hi[s]
	// "years after [many countries] agreed": a preposition the parser
	// left on a subject read as an oblique is no part of the source.
	for a < s && q.dep(a) == "case" && q.doc.Tokens[a].Head == s {
		a++
	}
	if s < cue && b >= cue {
		b = cue - 1
	}
	// A relative clause or long modifier after the head is not needed to
	// name the source; keep appositives ("X, a spokesman,").
	for _, k := range t.kids[s] {
		if k > s && (q.dep(k) == "acl:relcl" || q.dep(k) == "acl") && t.lo[k]-1 < b {
			b = t.lo[k] - 1
		}
		// "The mayor, at a news conference, said": a prepositional
		// phrase set off by commas situates the statement.
		if m := t.lo[k]; k > s && m > 0 && q.tok(m-1) == "," && q.pos(m) == "ADP" && m-1 < b {
			b = m - 1
		}
		// "Poland's government on Monday blamed …": the day the parser
		// hung on the subject dates the statement; it names nobody.
		if m := t.lo[k]; k > s && m > s && m-1 < b && calendarWords[q.tok(k)] {
			b = m - 1
		}
	}
	return q.trimSpan(a, b)
}

// hazardSubject reports a fire, storm, flood or disease (hazardNouns of
// the event coder, singular or plural), which threatens or warns in the
// grammar without saying anything.
func hazardSubject(w string) bool {
	return hazardNouns[w] || hazardNouns[strings.TrimSuffix(w, "s")] || fireNouns[w]
}

// fireNouns are fires and germs, beside the event coder's hazardNouns.
var fireNouns = setOf(`fire fires blaze blazes flames virus viruses`)

// plausibleSource rejects subjects that cannot hold a view: expletives,
// clauses and most inanimate nouns. Findings ("the poll shows") and
// naming cues accept documents and data as sources.
func (q *qdoc) plausibleSource(s int, class cueClass) bool {
	w := q.tok(s)
	switch w {
	case "there", "this", "that", "which", "what":
		return w == "that" || w == "which" // relative pronouns: "cities that support"
	case "it":
		// "It backed the mayor": a paper, a group or a report taking a
		// stance (an expletive "it" is no subject of the parse).
		return class == cueSpeech || class == cueFinding || class == cueStance
	case "you", "anyone", "anybody", "whoever":
		// The generic "you" of advice and columns ("you know where
		// ...", "if you think ...") holds no reported view; nor does
		// a free-choice "anyone" ("anyone wanting to borrow $25,000").
		return false
	}
	if hazardSubject(q.tok(s)) {
		return false // "Bushfire threatens homes": no one speaks
	}
	// "dozens of newspapers", "a handful of senators": a word of
	// quantity heads the noun phrase, and the noun after "of" says
	// who it counts.
	if quantityNouns[w] && s+2 < len(q.lower) && q.tok(s+1) == "of" {
		if n := q.npHead(s + 2); n > s+1 && q.plausibleSource(n, class) {
			return true
		}
	}
	switch q.pos(s) {
	case "PRON", "PROPN":
		return true
	case "NOUN":
		if class == cueFinding {
			return true
		}
		if sourceNouns[w] || q.doc.Tokens[s].Ent != "" && q.doc.Tokens[s].Ent != "O" {
			return true
		}
		return humanNoun(w)
	case "NUM":
		return true // "1 percent support Stein", "two said"
	case "DET":
		return w == "some" || w == "many" || w == "both" || w == "all" || w == "each"
	case "ADJ":
		// "The official, who spoke on condition of anonymity, said":
		// a source noun after a determiner, tagged as an adjective.
		if sourceNouns[w] && s > 0 && determiners[q.tok(s-1)] && q.tok(s+1) == "," {
			return true
		}
		// "Ivana Trump's brief said": a noun after a possessive that
		// the tagger read as an adjective.
		if s > 0 && possessiveMark(q.tok(s-1)) && (sourceNouns[w] || humanNoun(w)) {
			return true
		}
		return w == "many" || w == "most" || w == "few" || w == "others"
	}
	return false
}

// humanNoun guesses from the suffix whether a common noun names people
// (agent nouns, group nouns) that can hold views.
// quantityNouns count what follows them with "of": "dozens of papers".
var quantityNouns = setOf(`dozens hundreds thousands millions scores handful number lot lots
couple pair host majority minority percent share half third quarter`)

// npHead returns the head noun of the noun phrase opening at k: the last
// of its run of determiners, adjectives, numbers and nouns, or -1.
func (q *qdoc) npHead(k int) int {
	h := -1
	for j := k; j < len(q.lower) && j < k+6; j++ {
		switch q.pos(j) {
		case "DET", "ADJ", "NUM":
			if h >= 0 {
				return h
			}
		case "NOUN", "PROPN":
			h = j
		default:
			return h
		}
	}
	return h
}

func humanNoun(w string) bool {
	// "ex-wife", "co-founder", "step-father": a hyphenated compound
	// names what its last part names.
	if i := strings.LastIndexByte(w, '-'); i > 0 && i+1 < len(w) {
		w = w[i+1:]
	}
	w = strings.TrimSuffix(w, "s")
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee", "crat", "can", "man", "men", "folk"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	switch w {
	case "people", "public", "party", "camp", "side", "voter", "crowd", "audience", "majority",
		"minority", "republican", "democrat", "conservative", "liberal", "progressive", "rival",
		"ally", "allie", "poll", "survey", "study", "report", "letter", "memo", "filing",
		"lawsuit", "ruling", "statement", "ad", "video", "data", "record", "document", "email",
		"website", "post", "tweet", "book", "article", "story", "editorial", "plan", "proposal", "brief",
		"bill", "law", "rule", "policy", "platform", "agenda", "analysis", "review", "audit",
		"investigation", "probe", "inquiry", "estimate", "forecast", "model", "index", "number",
		"figure", "finding", "evidence", "transcript", "speech", "remark", "comment", "message",
		"resolution", "measure", "legislation", "order", "directive", "guidance", "white", "house",
		"state", "city", "country", "nation", "county", "community", "family", "everyone",
		"everybody", "someone", "somebody", "nobody", "anyone", "anybody", "one", "other", "most",
		"many", "few", "some", "both", "all",
		// People by role or kin, and the bodies that speak for them.
		"candidate", "delegate", "nominee", "attorney", "judge", "jury", "citizen", "woman", "women",
		"child", "children", "kid", "friend", "mother", "father", "son", "daughter", "wife", "husband",
		"brother", "sister", "niece", "nephew", "staff", "team", "group", "campaign", "committee",
		"council", "court", "board", "panel", "union", "coalition", "alliance", "network",
		"newspaper", "paper", "magazine", "publication", "company", "firm", "bank", "organization", "organisation",
		"association", "senate", "congress", "parliament", "department", "office", "regime",
		"institute", "foundation", "center", "centre", "pac", "caucus", "movement", "church", "school",
		"university", "college", "industry", "business", "economist", "scientist", "researcher",
		"activist", "advocate", "protester", "protestor", "demonstrator", "supporter", "opponent",
		"person", "resident", "student", "parent", "veteran", "worker", "employee", "colleague",
		"counterpart", "predecessor", "successor", "donor", "fan", "member", "chief", "head", "boss":
		return true
	}
	return false
}

// depCandidate is one attribution proposed from the parse.
type depCandidate struct {
	cue, cueEnd int // cue tokens [cue, cueEnd)
	ca, cb      int // content tokens [ca, cb)
	src         int // source head, or -1
	rule        string
}

// contentFor picks the content of cue c from its dependents by class and
// returns the token range [a, b) and a rule name, or ok=false.
func (q *qdoc) contentFor(t *depTree, c int, lemma string, class cueClass) (a, b, cueEnd int, rule string, ok bool) {
	cueEnd = c + 1
	if prt := t.child(q, c, "compound:prt"); prt == c+1 {
		cueEnd = c + 2 // "pointed out", "laid out"
	}
	span := func(h int) (int, int) { return q.trimSpan(t.lo[h], t.hi[h]) }
	// "accused the board of fraud without offering evidence", "left
	// without saying why": a cue under "without" says nothing was said.
	if m := t.child(q, c, "mark"); m >= 0 && m < c && q.tok(m) == "without" {
		return 0, 0, cueEnd, "", false
	}
	// Prepositional objects the cue selects: "called for X", "pointed to X".
	if preps := stancePreps[lemma]; preps != nil {
		for _, k := range t.kids[c] {
			if d := depBase(q.dep(k)); d != "obl" && d != "advcl" || k < c {
				continue
			}
			// "called for an inquiry" (case), "called for footage to be
			// released" (a clause the preposition marks).
			cs := t.child(q, k, "case", "mark")
			if cs < 0 || !preps[q.lemma(cs)] || cs > c+3 {
				continue
			}
			// "ruled on Monday that …": a time is when, not what.
			if timeWords[q.tok(k)] {
				continue
			}
			a, b := span(k)
			if cs == cueEnd {
				cueEnd = cs + 1
				a = cs + 1
			}
			// "agrees on [who is a terrorist]": a wh-word whose clause
			// the parser hung elsewhere takes that clause back.
			if b == a+1 && whWords[q.tok(a)] && b < len(q.lower) && q.sent[b] == q.sent[a] && (q.pos(b) == "AUX" || q.pos(b) == "VERB") {
				_, b = q.trimSpan(a, q.surfaceEnd(b, q.sentEndTok(a))-1)
			}
			// "criticized the league for its schedule": the object
			// before the preposition belongs to the content.
			if obj := t.child(q, c, "obj"); obj > c && obj < cs && cs != cueEnd-1 {
				if addresseeVerbs[lemma] {
					// The addressee belongs to the cue, as PolNeAR marks
					// it: "pressed him on".
					if cs < c+6 {
						cueEnd = cs + 1
					}
				} else {
					a = t.lo[obj]
				}
			}
			// "called on Congress to act": the infinitive belongs too.
			if x := t.child(q, c, "xcomp", "advcl"); x > k && q.tok(t.lo[x]) == "to" {
				_, b = span(x)
			}
			// "focused on climate change as a signature issue", "referred
			// to King as ...": the role the object is given belongs too.
			role := false
			for _, x := range t.kids[c] {
				if x > k && t.lo[x] == b && q.tok(b) == "as" && depBase(q.dep(x)) == "obl" {
					_, b = span(x)
					role = true
				}
			}
			// "went after the governor as a spendthrift" is a judgement;
			// "went after the thief", "went after dinner" are deeds.
			if asOnly[lemma] && !role {
				return 0, 0, cueEnd, "", false
			}
			b = q.relativeConjunct(t, c, a, b)
			return a, b, cueEnd, "prep", b > a
		}
	}
	if class == cueSpeech || class == cueBelief || class == cueFinding {
		if e := q.proformComplement(cueEnd); e > cueEnd {
			return cueEnd, e, cueEnd, "proform", true
		}
	}
	cc := t.child(q, c, "ccomp")
	if cc < 0 && (class == cueSpeech || class == cueBelief || class == cueFinding) {
		cc = q.complementAdvcl(t, c, false)
		// "said [many of the examples ... failed]": a clause right after
		// the cue that the parser left as parataxis.
		if k := t.child(q, c, "parataxis"); cc < 0 && k > c && t.lo[k] == cueEnd && q.pos(t.lo[k]) != "PUNCT" {
			cc = k
		}
	}
	if class == cueStance {
		// "questioned whether ...", "challenged how ...": a stance on an
		// open question (whether or not the parser made it a ccomp).
		for _, k := range t.kids[c] {
			if k > c && (q.dep(k) == "ccomp" || depBase(q.dep(k)) == "advcl") && t.lo[k] <= c+3 {
				switch q.lower[t.lo[k]] {
				case "whether", "how", "why", "what", "if":
					a, b := span(k)
					return a, b, cueEnd, "ccomp", b > a
				}
			}
		}
	}
	if cc >= 0 && class != cueStance && class != cueNaming {
		a, b := span(cc)
		if ra, rb, ok := q.relativeAntecedent(t, c, cc, a); ok {
			// "the worst way forward [I can imagine]", "what [Liz
			// said] when she resigned": what was said is the noun the
			// cue's relative clause modifies.
			return ra, rb, cueEnd, "relative-object", rb > ra
		}
		if q.relativeGapPredicate(t, c, cc, a) {
			// "[Everything] Trump says is a lie": what was said is the
			// noun the relative clause modifies.
			h := q.doc.Tokens[c].Head
			a, b := q.trimSpan(t.lo[h], t.lo[c]-1)
			return a, b, cueEnd, "relative-object", b > a
		}
		if resultClause(q, c, a) {
			return 0, 0, cueEnd, "", false
		}
		// "say [access to clean water in the camps] around Goma
		// remains poor": an object between the cue and its clause, with
		// no "that" or comma between, is the clause's real subject that
		// the parser hung on the cue.
		if o := t.child(q, c, "obj"); o > c && o < cc && t.hi[o] <= a && t.lo[o] == cueEnd && q.markOf(t, cc, "that") < 0 {
			gap := false
			for j := t.hi[o]; j < a; j++ {
				if q.pos(j) == "PUNCT" || q.tok(j) == "that" {
					gap = true
				}
			}
			if !gap {
				a = t.lo[o]
			}
		}
		// The content opens with its complementiser: a parenthetical the
		// parser hung on the clause before it ("said, as did X, that
		// ...") stays out.
		if m := q.markOf(t, cc, "that", "whether", "if"); m > a && m > c && q.tok(m-1) == "," {
			a = m
		}
		if cc > c {
			// Parsers often cut a long complement short; PolNeAR-style
			// contents run with the predicate to its last argument.
			if _, rb := q.rightSpan(t, c, a); rb > b {
				b = rb
			}
		}
		if j := q.contrastComma(a, b+1); j > 0 {
			b = j - 1
		}
		b = q.mainClauseAfterOpening(a, b)
		return a, b, cueEnd, "ccomp", b > a
	}
	if class == cueSeem {
		x := t.child(q, c, "xcomp")
		s := t.child(q, c, "nsubj")
		if x < 0 {
			// "seemed far away", "can seem like another entrant".
			for _, k := range t.kids[c] {
				if k == c+1 && (q.pos(k) == "ADJ" || q.pos(k) == "ADV" && t.hi[k] > k) || k > c && depBase(q.dep(k)) == "obl" && q.lower[t.lo[k]] == "like" && t.lo[k] == c+1 {
					x = k
					break
				}
			}
		}
		if x < 0 || s < 0 || s > c {
			return 0, 0, cueEnd, "", false
		}
		a, _ := span(s)
		_, b := span(x)
		return a, b, cueEnd, "seem", b > a
	}
	obj := t.child(q, c, "obj")
	if obj > c && dayWords[q.tok(obj)] {
		// "was speaking Friday in Fort Wayne": a day the parser made
		// the object says when, not what.
		obj = -1
	}
	if obj > c && lemma == "offer" {
		// "He offered no evidence": what the writer says was missing,
		// not an offer the source made.
		if d := t.child(q, obj, "det"); d >= 0 && q.tok(d) == "no" {
			return 0, 0, cueEnd, "", false
		}
	}
	iobj := t.child(q, c, "iobj")
	xc := t.child(q, c, "xcomp")
	if xc < 0 && (class == cueIntent || class == cueSpeech && (obj > c || iobj > c || intentSpeech[lemma])) {
		xc = q.complementAdvcl(t, c, true)
	}
	switch class {
	case cueSpeech:
		// "admitted using the tax code", "denied taking the money": a
		// gerund right after the cue is what the source admits or denies.
		if obj < 0 && gerundSpeech[lemma] {
			for _, k := range t.kids[c] {
				if k == cueEnd && t.lo[k] == k && q.doc.Tokens[k].Tag == "VBG" {
					switch depBase(q.dep(k)) {
					case "advcl", "xcomp", "ccomp", "csubj":
						a, b := span(k)
						return a, b, cueEnd, "gerund", b > a
					}
				}
			}
		}
		if xc > c && q.infinitiveOpens(t, xc) && (obj >= 0 || iobj >= 0 || intentSpeech[lemma]) {
			// "told them to leave", "promised to act"
			from := xc
			if obj >= 0 && obj < xc {
				from = obj
			} else if iobj >= 0 && iobj < xc {
				from = iobj
			}
			a, _ := span(from)
			_, b := span(xc)
			b = q.sharedInfinitiveEnd(t, c, xc, b)
			return a, b, cueEnd, "xcomp", b > a
		}
		if obj > c && q.clauseLikeObject(t, obj) {
			a, b := span(obj)
			b = q.relativeConjunct(t, c, a, b)
			return a, b, cueEnd, "obj", b > a
		}
		if obj > c && bareClauseVerbs[lemma] {
			if e, ok := q.splitBareClause(t, c, obj); ok {
				a, b := q.trimContent(t.lo[obj], e)
				return a, b, cueEnd, "bare-clause", b > a
			}
		}
		if obj > c && messageVerbs[lemma] {
			// "mentioned climate change", "announced a plan to ...".
			a, b := q.rightSpan(t, c, t.lo[obj])
			b = q.relativeConjunct(t, c, a, b)
			return a, b, cueEnd, "obj", b > a
		}
	case cueBelief:
		if obj > c {
			if e, ok := q.splitBareClause(t, c, obj); ok {
				a, b := q.trimContent(t.lo[obj], e)
				return a, b, cueEnd, "bare-clause", b > a
			}
		}
		if obj > c && (q.clauseLikeObject(t, obj) || messageVerbs[lemma] || objectBeliefs[lemma]) {
			a, b := q.rightSpan(t, c, t.lo[obj])
			if q.clauseLikeObject(t, obj) {
				a, b = span(obj)
			}
			b = q.relativeConjunct(t, c, a, b)
			return a, b, cueEnd, "obj", b > a
		}
	case cueIntent:
		if xc > c {
			from := xc
			if obj >= 0 && obj > c && obj < xc {
				from = obj // "urged Republicans to act"
			}
			a, b := q.rightSpan(t, c, t.lo[from])
			b = q.sharedInfinitiveEnd(t, c, xc, b)
			return a, b, cueEnd, "xcomp", b > a
		}
		if obj > c {
			a, b := q.rightSpan(t, c, t.lo[obj])
			b = q.relativeConjunct(t, c, a, b)
			return a, b, cueEnd, "obj", b > a
		}
	case cueFinding:
		// "found ways to ...", "proved significant": these take their
		// content as a clause, handled above.
		if clauseFindings[lemma] {
			break
		}
		if obj > c || iobj > c || xc > c {
			// The whole predicate: "shows Clinton ahead by 3 points",
			// without a comment clause set off after it ("a close
			// contest in the state, where …").
			e := t.hi[c]
			if !whWords[q.tok(c+1)] && q.tok(c+1) != "that" {
				e = q.cutCommentClause(t, c+1, e)
			}
			a, b := q.trimSpan(c+1, e)
			return a, b, cueEnd, "predicate", b > a
		}
	case cueStance:
		if obj > c {
			// "accused X of lying", "slammed Kaine for his work".
			a, b := q.rightSpan(t, c, t.lo[obj])
			b = q.relativeConjunct(t, c, a, b)
			return a, b, cueEnd, "obj", b > a
		}
	case cueNaming:
		if obj > c {
			// The object and its predicate: xcomp ("a gamble") or an "as"
			// phrase ("as reckless").
			pred, pk := false, -1
			for _, k := range t.kids[c] {
				if k <= obj {
					continue
				}
				// The predicate after the object: "a gamble" (xcomp, or a
				// second object or bare nominal the parser made of it),
				// or an "as" phrase.
				switch d := q.dep(k); {
				case depBase(d) == "obl" && q.tok(t.lo[k]) == "as":
					pred = true
				case asOnly[lemma]:
					// only "sees X as Y": "saw prices go up" is no view
				case d == "xcomp":
					pred = true
				case depBase(d) == "advcl":
					// "calling the shooting [racially motivated]": an
					// adjective or participle right after the object,
					// with no marker of its own, is its predicate.
					pred = t.lo[k] == t.hi[obj]+1 && (q.pos(k) == "ADJ" || q.doc.Tokens[k].Tag == "VBN") &&
						t.child(q, k, "mark", "case") < 0 && t.hi[k]-t.lo[k] < 4
				case d == "obj" || d == "obl:unmarked" || d == "parataxis":
					// Not a time phrase: "called the meeting last week".
					pred = q.tok(t.lo[k]-1) != "," && q.pos(k) != "VERB" && !q.timePhrase(t, k)
				}
				if pred {
					pk = k
					break
				}
			}
			if !pred && !asOnly[lemma] {
				// "called climate change a hoax ...": a predicate noun
				// phrase the parser hung elsewhere still follows the object.
				if h := q.strandedPredicate(t, c, obj); h >= 0 {
					pred, pk = true, h
				}
			}
			if !pred && (lemma == "call" || asOnly[lemma]) {
				return 0, 0, cueEnd, "", false // "called a meeting", "saw the film"
			}
			a, b := q.rightSpan(t, c, t.lo[obj])
			if pk >= 0 && t.hi[pk]+1 > b {
				_, b = q.trimSpan(a, t.hi[pk])
			}
			if pk >= 0 {
				if k := q.coordinatedPredicate(t, c, b); k >= 0 {
					_, b = q.trimSpan(a, t.hi[k])
				}
			}
			return a, b, cueEnd, "naming", b > a
		}
	}
	return 0, 0, cueEnd, "", false
}

// surfaceClause reads the complement clause of cue c from the words after
// it when the parse gives none: "that" (past an addressee for telling
// verbs), or a noun phrase followed closely by a finite verb ("found
// [the plan would raise taxes]"). The clause runs to the end of the
// sentence or to a semicolon. ok is false when no clause follows.
func (q *qdoc) surfaceClause(c, from int, lemma string) (a, b int, ok bool) {
	end := q.sentEndTok(c)
	k := from
	if verbsTakingObject[lemma] || addresseeVerbs[lemma] {
		// "told a meeting of island leaders that ...": the addressee.
		for j := k; j < end && j < k+10; j++ {
			// After an addressee "that" opens the message even when the
			// tagger reads it as a relative pronoun.
			if q.tok(j) == "that" && j > k && q.pos(j+1) != "VERB" && q.pos(j+1) != "AUX" {
				k = j
				break
			}
			if q.pos(j) == "PUNCT" || q.pos(j) == "VERB" || q.pos(j) == "AUX" {
				break
			}
		}
	}
	if k >= end || q.inQ[k] >= 0 {
		return 0, 0, false
	}
	if q.tok(k) != "that" || q.relativeThat(k) {
		switch q.pos(k) {
		case "DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ":
		default:
			return 0, 0, false
		}
		if q.tok(k) == "it" || q.tok(k) == "what" || q.tok(k) == "which" {
			return 0, 0, false
		}
		// A finite verb within a short noun phrase's reach.
		finite := -1
		for j := k + 1; j < end && j < k+10; j++ {
			if t := q.doc.Tokens[j].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
				// "declared three days of mourning and ordered an
				// inquiry": a verb right after a conjunction is the
				// cue's own second verb, not a reported predicate.
				p := j - 1
				for p > k && q.pos(p) == "ADV" {
					p--
				}
				if q.pos(p) != "CCONJ" {
					finite = j
				}
				break
			}
			// Modifiers may hold non-finite verbs ("his efforts to
			// slow warming will ..."); punctuation and subordinators end
			// the search.
			if p := q.pos(j); p == "PUNCT" && q.tok(j) != "-" || p == "AUX" || p == "SCONJ" || q.tok(j) == "that" {
				break
			}
		}
		if finite < 0 {
			return 0, 0, false
		}
	}
	b = k
	for b < end && q.tok(b) != ";" {
		b++
	}
	a, b = q.trimContent(k, b)
	return a, b, b-a >= 3
}

// surfaceRest reads the content of cue c from the words after it when
// the parse gave the cue no complement at all (no object, clause or
// infinitive: the parser hung it elsewhere) and no passive: from `from`
// to the end of the sentence or a boundary (a semicolon, colon or dash;
// a comma before "which", "who", "but", "while", "although", "though";
// a comma, or a comma and "and", before a new clause). The words must open
// like a complement: a noun phrase, a "that"/"whether"/wh- clause, an
// infinitive, a gerund or a quotation, not an adverb or particle
// ("backed out", "went on") nor a preposition ("spoke at a rally").
func (q *qdoc) surfaceRest(t *depTree, c, from int) (a, b int, ok bool) {
	for _, k := range t.kids[c] {
		if k > c {
			switch depBase(q.dep(k)) {
			case "ccomp", "xcomp", "advcl":
				// "questioned [the very need] for ...", "criticized
				// [long-standing] deals": a noun or adjective the
				// tagger read as a verb heads a clause that opens with
				// a determiner or adjective right after the cue.
				if t.lo[k] == from && (q.pos(from) == "DET" || q.pos(from) == "ADJ") && q.pos(k) == "VERB" {
					continue
				}
				if depBase(q.dep(k)) == "advcl" {
					continue
				}
				return 0, 0, false
			case "obj", "iobj":
				return 0, 0, false
			}
		}
		if depBase(q.dep(k)) == "aux:pass" || q.dep(k) == "aux:pass" {
			return 0, 0, false
		}
	}
	return q.surfaceFrom(c, from)
}

// surfaceFrom reads a complement of cue c from the words at from, when
// they open like one (see surfaceRest), to the boundary surfaceEnd finds.
func (q *qdoc) surfaceFrom(c, from int) (a, b int, ok bool) {
	end := q.sentEndTok(c)
	k := from
	for k < end && q.tok(k) == "," {
		k++
	}
	if k >= end || q.sent[k] != q.sent[c] {
		return 0, 0, false
	}
	switch q.pos(k) {
	case "DET", "PRON", "PROPN", "NOUN", "NUM", "SCONJ", "SYM":
	case "ADV":
		if q.doc.Tokens[k].Tag != "WRB" { // "why", "how"
			return 0, 0, false
		}
	case "ADJ":
		// An adjective opens a noun phrase ("long-standing free-trade
		// deals"), not a predicate ("proves short-lived", "too much").
		j := k + 1
		for j < end && (q.tok(j) == "-" || q.pos(j) == "ADJ" || j == k+2 && q.tok(k+1) == "-") {
			j++
		}
		if p := q.pos(j); p != "NOUN" && p != "PROPN" {
			return 0, 0, false
		}
	case "PART":
		if q.tok(k) != "to" {
			return 0, 0, false
		}
	case "VERB":
		if q.doc.Tokens[k].Tag != "VBG" {
			return 0, 0, false
		}
	case "PUNCT":
		if !q.isOpenQuote(k) {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	b = q.surfaceEnd(k, end)
	a, b = q.trimContent(k, b)
	return a, b, b > a
}

// surfaceEnd returns where a content read from the words at k ends: the
// end of the sentence (end), or a boundary before it — a semicolon,
// colon or dash; a comma before "which", "who", "but", "while",
// "although", "though"; a comma, or a comma and "and", before a new
// clause; "and" before a finite verb (the cue's own second predicate).
func (q *qdoc) surfaceEnd(k, end int) int {
	b := k
scan:
	for ; b < end; b++ {
		switch q.tok(b) {
		case ";", ":", "—", "--":
			break scan
		case ",":
			switch n := q.tok(b + 1); n {
			case "which", "who", "but", "while", "although", "though":
				break scan
			case "and":
				if q.newClauseAt(b + 2) {
					break scan
				}
			default:
				// "If, as I have argued, [the ferry loses money], the
				// city should sell it": the main clause after it.
				if q.newClauseAt(b + 1) {
					break scan
				}
			}
		case "and":
			// "criticized X and called for Y": the cue's own second
			// predicate.
			if tag := q.doc.Tokens[b+1].Tag; tag == "VBD" || tag == "VBZ" {
				break scan
			}
		}
	}
	return b
}

// newClauseAt reports whether a clause with its own subject starts at
// token i: a pronoun, name or noun phrase of a few words followed by a
// finite verb ("…, and students can take part").
func (q *qdoc) newClauseAt(i int) bool {
	switch q.pos(i) {
	case "PRON", "DET", "PROPN", "NOUN":
	default:
		return false
	}
	end := q.sentEndTok(i)
	for j := i; j < end && j < i+8; j++ {
		// A relative clause ("which she was doing", "loopholes that
		// benefit") is no new clause.
		if strings.HasPrefix(q.doc.Tokens[j].Tag, "W") || q.tok(j) == "that" {
			return false
		}
		if j == i {
			continue
		}
		switch q.doc.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			// "…, Mr. Barrett said, …": an attribution, not a clause.
			if speechVerbs[q.tok(j)] != "" && (q.pos(j+1) == "PUNCT" || j+1 >= end) {
				return false
			}
			return true
		}
		if q.pos(j) == "PUNCT" && q.tok(j) != "-" {
			return false
		}
	}
	return false
}

// extendStranded returns the new end of content [a, b) when the phrase
// right after it hangs on the sentence's closing punctuation, where
// parsers leave words they could not attach ("planned to revitalize
// [flagging ticket sales]", "called it [a hoax]"): such a phrase carries
// on the content.
func (q *qdoc) extendStranded(t *depTree, a, b int) int {
	if b >= len(q.lower) || b <= a || q.sent[b] != q.sent[a] || q.inQ[b] != q.inQ[b-1] {
		return b
	}
	if p := q.pos(b); p == "PUNCT" || p == "CCONJ" || p == "SCONJ" || p == "ADP" {
		return b
	}
	h := b
	for steps := 0; steps < 8; steps++ {
		p := q.doc.Tokens[h].Head
		if p < 0 || t.lo[p] != b || q.pos(p) == "PUNCT" {
			break
		}
		h = p
	}
	p := q.doc.Tokens[h].Head
	if p < 0 || q.pos(p) != "PUNCT" || p < b {
		return b
	}
	_, e := q.trimSpan(b, t.hi[h])
	if e > b {
		return e
	}
	return b
}

// extendNominalConjunct returns the new end of a noun-phrase content
// [a, b) followed by "(,) and/or NP" where the parser made the second
// noun phrase a conjunct of a verb before the content ("emphasizing
// [economic fairness, and a need to raise the wage]", with "need" hung on
// "started"): a verb has no noun for a conjunct, so the phrase is the
// next item of the content's list. A phrase with a subject or copula of
// its own is a clause and stays out.
func (q *qdoc) extendNominalConjunct(t *depTree, a, b int) int {
	j := b
	if j < len(q.lower) && q.tok(j) == "," {
		j++
	}
	if j+1 >= len(q.lower) || q.tok(j) != "and" && q.tok(j) != "or" || q.sent[j] != q.sent[a] || q.inQ[j] != q.inQ[b-1] {
		return b
	}
	if p := q.pos(b - 1); p != "NOUN" && p != "PROPN" {
		return b
	}
	for h := j + 1; h < len(q.lower) && h <= j+4 && q.sent[h] == q.sent[a]; h++ {
		if t.lo[h] < b || t.lo[h] > j+1 {
			continue
		}
		if p := q.pos(h); p != "NOUN" && p != "PROPN" || q.dep(h) != "conj" {
			continue
		}
		v := q.doc.Tokens[h].Head
		if v < 0 || v >= a || q.pos(v) != "VERB" || t.child(q, h, "nsubj", "cop", "nsubj:pass") >= 0 {
			return b
		}
		if _, e := q.trimSpan(b, t.hi[h]); e > b {
			return e
		}
		return b
	}
	return b
}

// timePhrase reports whether the phrase headed at k names a time
// ("Friday", "last week", "this morning").
func (q *qdoc) timePhrase(t *depTree, k int) bool {
	for i := t.lo[k]; i <= t.hi[k] && i <= t.lo[k]+3; i++ {
		if w := q.tok(i); timeWords[w] || settingNouns[w] && !attitudeNouns[w] {
			return true
		}
	}
	return false
}

// coordinatedPredicate returns a second predicate of a naming cue's
// object that the parser coordinated with the cue itself: "called the
// charges [unsubstantiated and fabricated by former employees]", where
// "fabricated" hangs on "called". Only a participle or adjective with no
// subject or object of its own right after "and"/"or" at the content's
// end b qualifies; a finite verb ("and said …") is a new action. It
// returns -1 when there is none.
func (q *qdoc) coordinatedPredicate(t *depTree, c, b int) int {
	if b+1 >= len(q.lower) || q.tok(b) != "and" && q.tok(b) != "or" {
		return -1
	}
	for _, k := range t.kids[c] {
		if k != b+1 || depBase(q.dep(k)) != "conj" || t.lo[k] != b {
			continue
		}
		if q.doc.Tokens[k].Tag != "VBN" && q.pos(k) != "ADJ" {
			return -1
		}
		if t.child(q, k, "nsubj", "nsubj:pass", "obj", "ccomp") >= 0 {
			return -1
		}
		return k
	}
	return -1
}

// strandedPredicate returns the head of a noun phrase that starts right
// after the object of naming cue c ("called [the plan] [a gamble]") when
// the parser attached it outside the cue, or -1. Time words ("called him
// Friday") are no predicate.
func (q *qdoc) strandedPredicate(t *depTree, c, obj int) int {
	n := t.hi[obj] + 1
	if n >= len(q.lower) || q.sent[n] != q.sent[c] || q.inQ[n] != q.inQ[obj] {
		return -1
	}
	switch q.pos(n) {
	case "DET", "ADJ", "NOUN":
	default:
		return -1
	}
	if q.tok(n) == "that" || q.tok(n) == "this" {
		return -1
	}
	h := n
	for steps := 0; steps < 8; steps++ {
		p := q.doc.Tokens[h].Head
		if p < 0 || p == c || t.lo[p] != n || q.pos(p) == "PUNCT" || q.pos(p) == "VERB" || q.pos(p) == "AUX" {
			break
		}
		h = p
	}
	if p := q.pos(h); p != "NOUN" && p != "ADJ" || q.timePhrase(t, h) {
		return -1
	}
	return h
}

// complementAdvcl returns a clause the parser attached to cue c as an
// adverbial although it is the cue's complement: an infinitive ("decided
// not to recommend charges", "warned officials to boost security") when
// inf is set, else a clause opened by a complementiser or wh-word ("have
// not said when they would ..."). The clause must follow the cue closely
// with no comma in between. It returns -1 when there is none.
func (q *qdoc) complementAdvcl(t *depTree, c int, inf bool) int {
	for _, k := range t.kids[c] {
		if k <= c || depBase(q.dep(k)) != "advcl" {
			continue
		}
		m := t.lo[k]
		if m <= c || m > c+8 {
			continue
		}
		w := q.tok(m)
		if w == "not" && inf {
			w = q.tok(m + 1)
		}
		ok := false
		if inf {
			ok = w == "to"
		} else {
			switch w {
			case "that", "whether", "if", "how", "what", "why", "when", "where", "who":
				ok = true
			}
		}
		if !ok {
			continue
		}
		for j := c + 1; j < m; j++ {
			if q.tok(j) == "," || isSentPunct(q.tok(j)) || q.tok(j) == ";" {
				ok = false
			}
		}
		if ok {
			return k
		}
	}
	if inf {
		return -1
	}
	// "cautioned, as did the campaign itself, that ...": a complementiser
	// after a parenthetical.
	for _, k := range t.kids[c] {
		if k <= c || depBase(q.dep(k)) != "advcl" || k > c+30 {
			continue
		}
		if m := q.markOf(t, k, "that", "whether"); m > c {
			clean := true
			for j := c + 1; j < m; j++ {
				if isSentPunct(q.tok(j)) || q.tok(j) == ";" || q.inQ[j] != q.inQ[c] {
					clean = false
				}
			}
			if clean && q.tok(m-1) == "," {
				return k
			}
		}
	}
	return -1
}

// markOf returns the child of h marked "mark" whose word is one of
// words, or -1.
func (q *qdoc) markOf(t *depTree, h int, words ...string) int {
	for _, k := range t.kids[h] {
		if q.dep(k) != "mark" {
			continue
		}
		for _, w := range words {
			if q.tok(k) == w {
				return k
			}
		}
	}
	return -1
}

// rightSpan is the cue's predicate to its right: from token from to the
// end of the last right dependent, leaving out coordinated clauses,
// parentheticals and punctuation ("slammed Kaine for his work defending
// inmates" rather than just "Kaine").
func (q *qdoc) rightSpan(t *depTree, c, from int) (int, int) {
	b := from
	for _, k := range t.kids[c] {
		if k < from {
			continue
		}
		switch depBase(q.dep(k)) {
		case "conj":
			// "found [that A, and that B]": a clause opened by "and
			// that" is a second complement of the cue.
			if q.thatConjunct(t, k) {
				break
			}
			// A nominal conjunct hung on the verb belongs with the
			// object ("defending [himself and his record]"); a verbal
			// one is an action of its own.
			if p := q.pos(k); p != "NOUN" && p != "PROPN" && p != "PRON" || q.tok(t.lo[k]-1) == "," && q.tok(t.lo[k]) != "and" {
				continue
			}
			// "published the video Friday, and [attorneys for the
			// family] said …": a noun phrase after a comma and "and"
			// with a finite verb after it is a new clause's subject.
			if lo := t.lo[k]; q.tok(lo) == "," && (q.tok(lo+1) == "and" || q.tok(lo+1) == "but") && q.newClauseAt(lo+2) {
				continue
			}
		case "punct", "cc", "parataxis", "advmod", "discourse":
			continue
		case "obl", "advcl":
			// Arguments stay ("accused X of lying", "described X as
			// Y"), and so do phrases of manner; the cue's own setting
			// goes: when and where it was said ("in a tweet Friday",
			// "at a rally", "during the campaign", "before the judges"),
			// and anything set off by a comma.
			if cs := t.lo[k]; !argPreps[q.tok(cs)] && q.tok(cs) != "to" && !q.topicClause(t, k) && (q.tok(cs-1) == "," || q.cueSetting(t, k) || timePreps[q.tok(cs)]) {
				continue
			}
		}
		if t.hi[k] > b {
			b = t.hi[k]
		}
	}
	b = q.cutCoordinatedCue(c, from, b)
	return q.trimSpan(from, q.cutTimeAdjunct(t, from, q.cutCommentClause(t, from, b)))
}

// coordinatedCueAsModifier returns the past-tense verb that cue c is
// coordinated with when c is a past-tense cue verb after "and" that the
// parser read as a participle modifying the noun after it ("attacked
// officers and blamed police shootings on bias"), or -1.
func (q *qdoc) coordinatedCueAsModifier(c int) int {
	if c < 2 || q.tok(c-1) != "and" || depBase(q.dep(c)) != "amod" || !strings.HasSuffix(q.tok(c), "ed") {
		return -1
	}
	h := q.doc.Tokens[c].Head
	if h <= c || q.lemma(c) == q.tok(c) {
		return -1
	}
	for j := c - 2; j >= 0 && q.sent[j] == q.sent[c]; j-- {
		if q.pos(j) == "VERB" && (q.doc.Tokens[j].Tag == "VBD" || q.doc.Tokens[j].Tag == "VBN") {
			if q.cutCoordinatedCue(j, j+1, c) < c {
				return j
			}
			return -1
		}
	}
	return -1
}

// topicClause reports whether clause k is "when it comes to …", which
// names the topic of a judgement ("a champion of the little guy when it
// comes to taxes"), not the time of the cue.
func (q *qdoc) topicClause(t *depTree, k int) bool {
	lo := t.lo[k]
	return lo+3 < len(q.lower) && q.tok(lo) == "when" && q.tok(lo+1) == "it" && q.lemma(lo+2) == "come" && q.tok(lo+3) == "to"
}

// relativeConjunct returns the new end of content [a, b) that ends with
// a relative clause when the parser hung that clause's second predicate
// on cue c: "point to [the crime bill, which put more police on the
// streets, but also led to tougher sentences]". The predicate after ", and"
// or ", but" has no subject of its own and the relative verb's tense, not
// the cue's; otherwise it is the source's next action.
func (q *qdoc) relativeConjunct(t *depTree, c, a, b int) int {
	r := -1
	for k := a; k < b; k++ {
		if q.dep(k) == "acl:relcl" && t.hi[k] == b-1 && q.doc.Tokens[k].Head >= a {
			r = k
		}
	}
	if r < 0 || b+2 >= len(q.lower) || q.tok(b) != "," || q.tok(b+1) != "and" && q.tok(b+1) != "but" {
		return b
	}
	for _, v := range t.kids[c] {
		if v <= b+1 || depBase(q.dep(v)) != "conj" || t.lo[v] != b || q.pos(v) != "VERB" {
			continue
		}
		tag := q.doc.Tokens[v].Tag
		if tag != q.doc.Tokens[r].Tag || tag == q.doc.Tokens[c].Tag || t.child(q, v, "nsubj", "nsubj:pass") >= 0 {
			return b
		}
		_, e := q.trimSpan(a, t.hi[v])
		return e
	}
	return b
}

// cutCoordinatedCue returns the end of an object content [from, b] that
// stops before "and" + a past-tense cue verb the parser read as a
// participle modifying the next noun: "attacked [officers nationwide]
// and blamed shootings on bias" is two reports, the second with its own
// cue. Only after a past-tense cue c, and only for cue verbs, which are
// seldom adjectives before a noun.
func (q *qdoc) cutCoordinatedCue(c, from, b int) int {
	if q.doc.Tokens[c].Tag != "VBD" && q.doc.Tokens[c].Tag != "VBN" {
		return b
	}
	for j := from + 1; j < b; j++ {
		if q.tok(j) != "and" || q.inQ[j] >= 0 || !strings.HasSuffix(q.tok(j+1), "ed") {
			continue
		}
		l := q.lemma(j + 1)
		if _, ok := attributionCues[l]; (ok || stancePreps[l] != nil) && l != q.tok(j+1) {
			return j - 1
		}
	}
	return b
}

// openingSubordinators open an adverbial clause that may come first in a
// reported clause: "contended that [since she is not running], [she
// should not have to …]".
var openingSubordinators = setOf(`since if because although though while when unless once as after before`)

// mainClauseAfterOpening returns the new end of a reported clause [a, b)
// that opens with "that" and an adverbial clause and stops at the comma
// after it: the parser made the adverbial clause the whole complement and
// hung the main clause elsewhere. The content runs on through the main
// clause that follows the comma.
func (q *qdoc) mainClauseAfterOpening(a, b int) int {
	if b+1 >= len(q.lower) || q.tok(a) != "that" || !openingSubordinators[q.tok(a+1)] {
		return b
	}
	if q.tok(b) != "," || q.sent[b+1] != q.sent[a] || !q.newClauseAt(b+1) {
		return b
	}
	_, e := q.trimSpan(a, q.surfaceEnd(b+1, q.sentEndTok(a))-1)
	return max(e, b)
}

// resultClause reports whether the "that" clause at a after cue c is a
// clause of result ("would add so many new layers that …", "made such a
// mess that …"): "so" or "such" between them.
func resultClause(q *qdoc, c, a int) bool {
	if a <= c+1 || a >= len(q.lower) || q.tok(a) != "that" {
		return false
	}
	for j := c + 1; j < a; j++ {
		if q.tok(j) == "so" || q.tok(j) == "such" {
			return true
		}
	}
	return false
}

// proformComplement returns the end of a pro-form that stands for the
// reported clause right after a cue at k ("said [so]", "doesn't think
// [so]", "indicated [as much] in an email"), or -1. "so" before an
// adjective, adverb or "that" ("said so many things", "so that") and
// "as much as" are no pro-forms.
func (q *qdoc) proformComplement(k int) int {
	if k+1 >= len(q.lower) || q.inQ[k] >= 0 {
		return -1
	}
	switch q.tok(k) {
	case "so":
		switch q.pos(k + 1) {
		case "ADJ", "ADV", "DET", "NUM":
			return -1
		}
		if q.tok(k+1) == "that" || q.tok(k+1) == "much" || q.tok(k+1) == "many" {
			return -1
		}
		return k + 1
	case "as":
		if q.tok(k+1) == "much" && (k+2 >= len(q.lower) || q.tok(k+2) != "as") {
			return k + 2
		}
	}
	return -1
}

// sharedInfinitiveEnd returns the new end of an infinitive content
// [.., b) of cue c when a bare verb coordinated after it shares its "to"
// ("declined to threaten Moscow or even declare it responsible"): the
// parser hangs the second verb on the cue, but it is another part of
// what the source wants or refuses. A conjunct with its own subject, a
// tense of its own ("agreed to go and said ...") or a comma before its
// conjunction is a new clause and stays out.
func (q *qdoc) sharedInfinitiveEnd(t *depTree, c, xc, b int) int {
	if xc < 0 || q.tok(t.lo[xc]) != "to" {
		return b
	}
	// A list of bare verbs after the first infinitive, each set off by a
	// comma and the last by a conjunction ("wants to X, Y and Z"): the
	// parser hangs them on the finite cue, with which a bare verb cannot
	// be coordinated. The list counts only when a conjunction closes it.
	pending := b
	for _, k := range t.kids[c] {
		if k <= xc || depBase(q.dep(k)) != "conj" || !q.bareVerbAfter(k, c) {
			continue
		}
		if t.child(q, k, "nsubj", "nsubj:pass", "mark") >= 0 {
			break
		}
		cc := t.child(q, k, "cc")
		if cc < 0 {
			// "…, expand Y": a comma right before the verb, and
			// nothing else between the list so far and it.
			if k != pending+1 || q.tok(pending) != "," {
				break
			}
			_, pending = q.trimSpan(k, t.hi[k])
			continue
		}
		if cc < pending || q.tok(cc-1) == "," && (pending == b || cc != pending+1) {
			continue
		}
		// Only words of the first infinitive between it and the
		// conjunction: "to X and Y", not "to X when ... and Y".
		if cc != pending && !(cc == pending+1 && q.pos(pending) == "PUNCT") {
			continue
		}
		_, e := q.trimSpan(t.lo[k], t.hi[k])
		if e > b {
			b = e
		}
		pending = b
	}
	return b
}

// bareVerbAfter reports whether verb k, coordinated with cue c, is a bare
// infinitive: tagged so, or tagged a present plural where the cue has
// another tense ("declined to threaten X or declare Y": no plural present
// follows a past tense in one clause).
func (q *qdoc) bareVerbAfter(k, c int) bool {
	switch q.doc.Tokens[k].Tag {
	case "VB":
		return true
	case "VBP":
		return q.doc.Tokens[c].Tag != "VBP"
	}
	return false
}

// eventTimePreps open phrases that time an event rather than modify a
// noun ("the attacks after the war" is a noun's modifier; "during the
// debate" times the cue).
var eventTimePreps = setOf(`during until till amid throughout`)

// cutTimeAdjunct returns the new last token of the content [from, b] when
// a phrase opened by a temporal preposition ("during his time on MSNBC",
// "until the work was completed") hangs inside it: parsers attach such
// phrases to the object noun, but they say when the cue happened.
func (q *qdoc) cutTimeAdjunct(t *depTree, from, b int) int {
	for j := from + 1; j <= b; j++ {
		if q.inQ[j] >= 0 {
			continue
		}
		switch depBase(q.dep(j)) {
		case "nmod", "acl", "advcl", "obl":
		default:
			continue
		}
		m := t.lo[j]
		if m <= from || m > b || !eventTimePreps[q.tok(m)] || q.inQ[m] >= 0 {
			continue
		}
		// A one-word object keeps its own content ("supported
		// [Democrats] during his time on MSNBC"); a lone complementiser
		// or adverb is none ("that during the debate he ...").
		if m == from+1 {
			if p := q.pos(from); p != "NOUN" && p != "PROPN" && p != "PRON" {
				continue
			}
		}
		return m - 1
	}
	return b
}

// cutCommentClause returns the new last token of the content [from, b]
// when a clause set off by a comma or a dash inside it ("the
// annexation, which RT pointed to ...", "her opponent ..., with jabs
// that ...") comments on the content rather than belonging to it.
func (q *qdoc) cutCommentClause(t *depTree, from, b int) int {
	for j := from + 1; j <= b; j++ {
		if q.inQ[j] >= 0 {
			continue
		}
		switch q.dep(j) {
		case "acl:relcl", "advcl", "acl":
		default:
			continue
		}
		m := t.lo[j]
		if m <= from || m > b || m == from+1 && !q.commentAfterName(from, m) {
			continue
		}
		if w := q.tok(m); w == "," || w == "—" || w == "--" || w == "–" {
			b = m - 1
			break
		}
		if w := q.tok(m - 1); w == "," || w == "—" || w == "--" || w == "–" {
			b = m - 2
			break
		}
	}
	return b
}

// commentAfterName reports whether the clause set off at m, right after
// the one-word content at k, comments on a name or pronoun the content
// is ("endorses [Trump], who says he is honored", "attacked [Smith],
// saying ...") rather than following an opening word such as "that".
func (q *qdoc) commentAfterName(k, m int) bool {
	if w := q.tok(m); w != "," && w != "—" && w != "--" && w != "–" {
		return false
	}
	p := q.pos(k)
	return p == "PROPN" || p == "NOUN" || p == "PRON" && q.tok(k) != "that" && q.tok(k) != "what"
}

// contrastComma returns the comma that sets the writer's own words off
// after a content running over tokens [a, b): a clause of contrast
// ("said the figures showed the plan was working, while the opposition
// accused …"), or a verdict in apposition ("…, a claim the ONS
// rejected"). It returns -1 when there is none.
func (q *qdoc) contrastComma(a, b int) int {
	for j := a + 2; j+1 < b && j+1 < len(q.lower); j++ {
		if q.tok(j) != "," || q.inQ[j] >= 0 {
			continue
		}
		if q.tok(j+1) == "while" || q.tok(j+1) == "whereas" {
			return j
		}
		// "…, a claim the ONS rejected": the writer's word on what was
		// said, in apposition to it.
		if (q.tok(j+1) == "a" || q.tok(j+1) == "an") && j+2 < b && verdictNouns[q.tok(j+2)] {
			return j
		}
	}
	return -1
}

// verdictNouns name, in apposition, what a statement is taken to be.
var verdictNouns = setOf(`claim assertion allegation accusation charge contention`)

// settingNouns head phrases that say when, where or through what a
// statement was made rather than what it was about.
var settingNouns = setOf(`statement interview speech tweet tweets rally conference briefing
appearance event remarks email emails post posts letter op-ed column release hearing debate
show program broadcast podcast video call meeting session forum town hall message address
diatribe tirade rant testimony editorial essay memoir advertisement commercial ad ads
week weeks month months year years day days night morning afternoon evening weekend time
today yesterday tonight monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december sept.
jan. feb. aug. oct. nov. dec. past recent earlier later`)

// cueSetting reports whether the adjunct headed at k situates the cue in
// time, place or medium ("on Friday", "in a statement", "at a rally").
func (q *qdoc) cueSetting(t *depTree, k int) bool {
	for i := t.lo[k]; i <= t.hi[k] && i <= t.lo[k]+4; i++ {
		if settingNouns[q.tok(i)] || q.pos(i) == "NUM" && len(q.tok(i)) == 4 {
			return true
		}
	}
	return false
}

// timePreps open adjuncts that say when the cue happened ("criticized
// the plan during the debate", "... before the judges", "... when he
// ran"): they situate the attribution, not its content.
var timePreps = setOf(`during before after until till when while since amid throughout`)

// argPreps open prepositional phrases that complete a cue's predicate
// rather than situate it in time or place.
var argPreps = setOf(`as of for against about with over that whether how what why`)

// asOnly are naming cues only with an "as" phrase: "sees the deal as a
// trap", "painted him as a crook", "identified X as the reason"; "saw
// the film", "painted the fence" are not. So is "go after" among the
// prepositional cues: "went after the governor as a spendthrift", not
// "went after the thief".
var asOnly = setOf(`see paint identify cast go`)

// addresseeVerbs take the person addressed as their object, before the
// content's preposition: "pressed him on his tax returns", "asked her
// about the emails".
var addresseeVerbs = setOf(`ask press question grill quiz pepper urge tell`)

// clauseFindings are finding verbs whose plain object or predicate is
// not a finding ("found a way", "proved costly").
var clauseFindings = setOf(`find prove determine discover project`)

// messageVerbs are speech and knowledge verbs whose plain noun object is
// what the source puts into words: "mentioned climate change",
// "acknowledged the reality of ...", "denied the allegations". Other
// speech verbs take people ("told reporters") or set phrases ("said
// nothing") as objects.
var messageVerbs = setOf(`mention announce acknowledge admit deny confirm reveal disclose report
explain recount recall repeat reiterate stress emphasize emphasise underline underscore tweet
post predict claim allege concede dispute accept recite quote clarify`)

// objectBeliefs are belief verbs whose plain object is the belief held:
// "doesn't believe it", "recognize the danger", "still senses anger".
var objectBeliefs = setOf(`believe recognize recognise sense understand doubt dispute accept`)

// gerundSpeech are speech verbs that report a deed as a gerund: "admitted
// using the loophole", "denied taking the money", "recalled meeting him".
var gerundSpeech = setOf(`admit deny recall mention acknowledge confess report suggest propose
recommend`)

// intentSpeech are speech verbs that take an infinitive content by
// themselves: "promised to cut taxes".
var intentSpeech = setOf(`promise pledge vow threaten offer ask`)

// splitBareClause recognises a content clause without "that" that the
// parser split into an object and a stray predicate: "think [the
// outreach] was phony", where a finite verb follows the object's phrase
// directly. It returns the end of the clause (the end of the sentence,
// or of the paragraph) and true.
func (q *qdoc) splitBareClause(t *depTree, c, obj int) (int, bool) {
	e := t.hi[obj] + 1
	if e >= len(q.lower) || q.sent[e] != q.sent[c] || q.inQ[e] >= 0 && q.inQ[e] != q.inQ[c] {
		return 0, false
	}
	if p := q.pos(e); p != "AUX" && p != "VERB" || q.doc.Tokens[e].Head == obj {
		return 0, false
	}
	switch q.doc.Tokens[e].Tag {
	case "VBD", "VBZ", "VBP", "MD":
	default:
		return 0, false
	}
	return q.sentEndTok(c), true
}

// clauseLikeObject reports whether the object at o is a clause in
// disguise: a wh-clause ("what he thought"), a quotation, or a noun
// with a content clause.
func (q *qdoc) clauseLikeObject(t *depTree, o int) bool {
	switch q.tok(t.lo[o]) {
	case "what", "how", "why", "whether", "where", "when", "who", "if":
		return true
	}
	for k := t.lo[o]; k <= t.hi[o]; k++ {
		if q.isQuoteMark(k) {
			return true
		}
	}
	return false
}

// depQuotes proposes attributions from the parse for cues the surface
// rules did not use. have lists the quotes found so far: a candidate
// whose content mostly repeats one of theirs is dropped.
func (q *qdoc) depQuotes(spans []qspan, have []*record.Quote) []*record.Quote {
	t := q.parseTree()
	if t == nil {
		return nil
	}
	toks := q.doc.Tokens
	// Tokens already used as cues by the surface rules.
	cueTok := make([]bool, len(toks))
	for _, h := range have {
		if h.Cue == nil {
			continue
		}
		for k := range toks {
			if toks[k].Start >= h.Cue.Start && toks[k].End <= h.Cue.End {
				cueTok[k] = true
			}
		}
	}
	var out []*record.Quote
	// overlapsHave reports whether a candidate content [s, e) of the cue
	// at token c mostly repeats a content found before. A content that
	// holds the cue itself is no repetition: the candidate is nested in
	// it or appended to it, which splitNested and dropNested settle.
	overlapsHave := func(s, e, c int) bool {
		for _, list := range [2][]*record.Quote{have, out} {
			for _, h := range list {
				if h.Content.Start <= toks[c].Start && toks[c].End <= h.Content.End {
					continue
				}
				// "X said [Hamas had promised [to free her]]": a content
				// that holds the earlier quote's cue reports that quote.
				if h.Cue != nil && s <= h.Cue.Start && h.Cue.End <= e {
					continue
				}
				lo, hi := max(s, h.Content.Start), min(e, h.Content.End)
				if hi > lo && 2*(hi-lo) >= max(e-s, h.Content.End-h.Content.Start) {
					return true
				}
			}
		}
		return false
	}
	for c := range toks {
		// Cues inside quotation marks belong to the quotation, except in
		// an excerpt: a paragraph opened by a quotation mark that no
		// speaker claims and that is left open, the way a passage
		// quoted from another text runs over several paragraphs.
		if cueTok[c] || q.inQ[c] >= 0 && !excerpt(spans[q.inQ[c]]) {
			continue
		}
		// Cues the parse does not show as verbs heading a clause: a verb
		// tagged as a noun, a finite cue after a reduced relative, a cue
		// after a plural subject with a modifier.
		found := false
		for _, f := range [...]struct {
			find func(int) (sa, sb, a, b int, ok bool)
			rule string
		}{
			{func(c int) (int, int, int, int, bool) { return q.verbAsNoun(t, c) }, "quote.dep.verb-as-noun"},
			{q.reducedRelativeCue, "quote.dep.reduced-relative"},
			{q.pluralSubjectCue, "quote.dep.plural-subject"},
		} {
			sa, sb, a, b, ok := f.find(c)
			if !ok {
				continue
			}
			found = true
			if !overlapsHave(toks[a].Start, toks[b-1].End, c) {
				r := &record.Quote{Kind: record.QuoteIndirect}
				r.Content = q.ev(a, b, f.rule)
				r.Cue = q.evp(c, c+1, "cue.dep."+q.tok(c))
				r.Speaker = q.evp(sa, sb, "speaker.before-cue")
				out = append(out, r)
			}
			break
		}
		if found {
			continue
		}
		if p := q.pos(c); p == "ADJ" || p == "NOUN" || q.attitudeParticiple(c) {
			a, b, cueEnd, src, rule, ok := q.attitudeQuotes(t, c)
			if !ok || src >= a && src < b || overlapsHave(toks[a].Start, toks[b-1].End, c) {
				continue
			}
			if rule == "noun" && cueEnd > c+1 {
				// "questions about [his microphone problems] during the
				// debate": a phrase the parser hung elsewhere.
				b = q.partialTail(b)
			}
			if rule == "noun" && q.objectGapRelative(t, a) {
				// "the speculation [that Mr. Trump has generated]" is no
				// content; "an agreement that the nations reached [to
				// curb emissions]" has its content after the clause.
				h, inf := q.doc.Tokens[a].Head, -1
				for _, k := range t.kids[h] {
					if k > h && (depBase(q.dep(k)) == "advcl" || q.dep(k) == "xcomp") && q.lower[t.lo[k]] == "to" {
						inf = k
						break
					}
				}
				if inf < 0 {
					continue
				}
				a, b = q.trimSpan(t.lo[inf], t.hi[inf])
				if src < 0 {
					src = t.child(q, h, "nsubj") // the parties to it
				}
			}
			if rule == "noun" {
				if a, b = q.cutMainClause(t, c, a, b); b-a < 3 && !(src >= 0 && b > a && q.allNames(a, b)) {
					continue
				}
			}
			r := &record.Quote{Kind: record.QuoteIndirect}
			r.Content = q.ev(a, b, "quote.dep."+rule)
			cs := c
			if h := q.doc.Tokens[c].Head; rule == "adj" && h >= c-3 && h < c && q.dep(c) == "xcomp" && q.lemma(h) == "make" {
				cs = h // "made it clear"
			}
			r.Cue = q.evp(cs, cueEnd, "cue.dep."+q.lemma(c))
			if src >= 0 {
				if sa, sb := q.sourceSpan(t, src, c); sb > sa {
					r.Speaker = q.evp(sa, sb, "speaker.dep-holder")
				}
			}
			out = append(out, r)
			continue
		}
		if q.pos(c) != "VERB" {
			continue
		}
		if parts, ce, src, ok := q.asParenthetical(t, c); ok {
			if !overlapsHave(toks[parts[0][0]].Start, toks[parts[len(parts)-1][1]-1].End, c) {
				for _, p := range parts {
					r := &record.Quote{Kind: record.QuoteIndirect}
					r.Content = q.ev(p[0], p[1], "quote.dep.as-parenthetical")
					r.Cue = q.evp(c, ce, "cue.dep."+q.lemma(c))
					se := c // "as X, a lawyer, recently put it"
					for se-1 > src && (q.pos(se-1) == "ADV" || q.tok(se-1) == ",") {
						se--
					}
					r.Speaker = q.evp(src, se, "speaker.before-cue")
					out = append(out, r)
				}
			}
			continue
		}
		lemma := q.lemma(c)
		if q.reportedState(c) || lemma == "push" && q.pushedBack(c) {
			continue
		}
		class, ok := attributionCues[lemma]
		if lemma == "like" && c > 0 && (q.tok(c-1) == "would" || q.tok(c-1) == "'d" || q.tok(c-1) == "’d") {
			class = cueIntent // "would like to …" is "want to …"
		}
		prepOnly := !ok
		if !ok {
			if stancePreps[lemma] == nil {
				continue
			}
			class = cueStance
		}
		passive := false
		if ga, gb, gs, ok := q.gapRelativeContent(t, c, class); ok {
			// "what the mayor said", "everything the senator says": the
			// cue's object is the noun its relative clause modifies.
			if overlapsHave(toks[ga].Start, toks[gb-1].End, c) {
				continue
			}
			r := &record.Quote{Kind: record.QuoteIndirect}
			r.Content = q.ev(ga, gb, "quote.dep.gap-relative")
			cs := c
			for cs-1 > gs && (depBase(q.dep(cs-1)) == "aux" || q.dep(cs-1) == "advmod") && toks[cs-1].Head == c {
				cs--
			}
			r.Cue = q.evp(cs, c+1, "cue.dep."+lemma)
			if sa, sb := q.sourceSpan(t, gs, c); sb > sa {
				r.Speaker = q.evp(sa, sb, "speaker.dep-subject")
			}
			out = append(out, r)
			continue
		}
		a, b, cueEnd, rule, ok := q.contentFor(t, c, lemma, class)
		// A verb whose plain object is physical reports only with its
		// preposition: "seized on the remark", not "seized the palace".
		if ok && prepOnly && rule != "prep" && physicalObject[lemma] {
			continue
		}
		pca, pcb := 0, 0
		holder := -1
		if ps := t.child(q, c, "nsubj:pass"); ps >= 0 && ps < c && class != cueSeem && !noPassive[lemma] {
			// "Police were called to the scene", "troops were called
			// in": a passive call with such a particle summons someone;
			// it reports nothing ("was called out by" is criticism and
			// "was called on to resign" a demand: they stay).
			if lemma == "call" && c+1 < len(q.lower) && summonParticles[q.tok(c+1)] {
				continue
			}
			// "An aid worker was seized by gunmen": a physical verb's
			// passive reports only with its preposition ("the remark
			// was seized on by critics").
			if prepOnly && physicalObject[lemma] && (c+1 >= len(q.lower) || !stancePreps[lemma][q.tok(c+1)]) {
				continue
			}
			// "An oil tanker was attacked in the Gulf of Oman": with
			// no one named attacking and no reason given, an attack
			// is force, not words.
			if forceVerbs[lemma] && !q.verbalReason(t, c) {
				continue
			}
			a, b, pca, pcb, ok = q.passiveParts(t, c, ps)
			cueEnd, rule, passive = c+1, "passive", true
			if ok && persuadedVerbs[lemma] {
				// "[We] are convinced [the town will recover]": the one
				// persuaded holds the belief; the clause is its content.
				if pcb <= pca {
					pca, pcb, _ = q.surfaceClause(c, c+1, lemma)
				}
				if pcb > pca {
					a, b, pca, pcb = pca, pcb, 0, 0
					holder = ps
				}
			}
		}
		if !ok && !passive && (class == cueSpeech || class == cueBelief || class == cueFinding) {
			// "found [Trump would raise taxes]", "told them [that ...]":
			// a clause the parser tore from the cue, read from the words.
			a, b, ok = q.surfaceClause(c, cueEnd, lemma)
			rule = "surface-clause"
		}
		if !ok && !passive && (class == cueSpeech || class == cueBelief) && q.dep(c) == "acl:relcl" {
			// "a test, which the regime claimed [now allows …]": the
			// relative pronoun, the cue's object in the parse, is the
			// subject of the reported clause, whose predicate follows
			// the cue at once.
			if o := t.child(q, c, "obj"); o >= 0 && o < c && relativePronouns[q.tok(o)] {
				k := c + 1
				for k < len(q.lower) && q.pos(k) == "ADV" && k < c+3 {
					k++
				}
				if k < len(q.lower) && q.sent[k] == q.sent[c] && q.finiteVerb(k) {
					a, b = q.trimContent(c+1, q.surfaceEnd(k, q.sentEndTok(c)))
					ok, rule = b-a >= 2, "surface-clause"
				}
			}
		}
		if !ok && !passive && !prepOnly && class != cueSeem && !asOnly[lemma] {
			// "has mentioned [refinancing student loans]", "questioning
			// [why she is not further ahead]": a complement the parser
			// hung elsewhere, read from the words after the cue.
			a, b, ok = q.surfaceRest(t, c, cueEnd)
			rule = "surface-rest"
		}
		if !ok || b-a < 1 {
			continue
		}
		if !passive && rule != "surface-clause" {
			b = q.extendDangling(t, a, b)
			b = q.extendStranded(t, a, b)
			b = q.extendNominalConjunct(t, a, b)
		}
		src := -1
		if holder >= 0 {
			src = holder
		} else if passive {
			// The agent, when the passive names one: "was first
			// reported by The Washington Post".
			src = t.child(q, c, "obl:agent")
			if src >= 0 && !q.plausibleSource(src, class) {
				continue
			}
			if src < 0 && pcb <= pca && foundThings[lemma] {
				// "Cases were found in São Paulo", "a body was
				// discovered": with neither complement nor finder, a
				// passive of finding reports a discovery, not a claim.
				continue
			}
			if src < 0 && pcb <= pca && class == cueNaming {
				// "The remaining three were not identified": a
				// naming cue's content is its predicate; with
				// neither predicate nor agent it names nothing.
				continue
			}
		} else if class != cueSeem {
			src = t.subjectOf(q, c)
			if v := q.coordinatedCueAsModifier(c); v >= 0 {
				// "attacked officers and blamed shootings on bias",
				// with "blamed" read as a modifier: it shares the
				// subject of the verb it is coordinated with.
				src = t.subjectOf(q, v)
			}
			if (src < 0 || !q.plausibleSource(src, class)) && (class == cueSpeech || class == cueBelief) {
				// `“…,” Peabody said, adding that …`: a participle the
				// parser hung inside the quotation before it adds to
				// that quotation's speaker.
				if sp := q.quotedHeadSpeaker(spans, c); sp != nil {
					if overlapsHave(toks[a].Start, toks[b-1].End, c) {
						continue
					}
					r := &record.Quote{Kind: record.QuoteIndirect}
					r.Content = q.ev(a, b, "quote.dep."+rule)
					r.Cue = q.evp(c, cueEnd, "cue.dep."+lemma)
					sp2 := *sp
					r.Speaker = &sp2
					out = append(out, r)
					continue
				}
			}
			if src < 0 {
				src = q.quantifierSubject(t, c)
			}
			if src < 0 || !q.plausibleSource(src, class) {
				continue
			}
			// The source must lie outside the content.
			if src >= a && src < b {
				continue
			}
		}
		r := &record.Quote{Kind: record.QuoteIndirect}
		r.Content = q.ev(a, b, "quote.dep."+rule)
		if overlapsHave(r.Content.Start, r.Content.End, c) {
			continue
		}
		cs := c
		for cs-1 >= 0 && cs > c-3 && (depBase(q.dep(cs-1)) == "aux" || q.dep(cs-1) == "advmod" && q.pos(cs-1) == "ADV" && cueModifiers[q.tok(cs-1)] || q.tok(cs-1) == "not" || q.tok(cs-1) == "n't") && toks[cs-1].Head == c {
			cs--
		}
		r.Cue = q.evp(cs, cueEnd, "cue.dep."+lemma)
		if src >= 0 {
			sa, sb := q.sourceSpan(t, src, c)
			if q.tok(sa) == "by" {
				sa++
			}
			if sb > sa {
				r.Speaker = q.evp(sa, sb, "speaker.dep-subject")
			}
		}
		out = append(out, r)
		if rule == "seem" {
			// "[The deal] seems [to have collapsed]": subject and
			// predicate are two parts under one cue.
			if s := t.child(q, c, "nsubj"); s >= 0 && s < c {
				if sa, sb := q.trimSpan(t.lo[s], min(t.hi[s], cs-1)); sb > sa {
					pca, pcb = cueEnd, b
					if x := t.child(q, c, "xcomp"); x > c && t.lo[x] > cueEnd {
						pca = t.lo[x]
					}
					r.Content = q.ev(sa, sb, r.Content.Rule)
				}
			}
		}
		if (passive || rule == "seem") && pcb > pca {
			// "[Mr. X] was accused [of fraud]": the complement is the
			// second part of the same attribution, under the same cue.
			r2 := *r
			r2.Content = q.ev(pca, pcb, "quote.dep."+rule)
			out = append(out, &r2)
		}
	}
	return out
}

// transitiveOnly are verbs that do not go without an object: after a
// noun and "that", one with no object of its own is a relative clause
// whose object is the noun ("an agreement that the nations reached").
var transitiveOnly = setOf(`generate reach make take give create produce cause sign adopt approve
draft unveil issue propose offer seek forge broker negotiate raise fuel stoke prompt trigger spark
receive`)

// objectGapRelative reports whether the content opening with "that" at
// token a is a relative clause with its object missing: the clause's
// verb needs an object and has none, and the clause is not passive.
func (q *qdoc) objectGapRelative(t *depTree, a int) bool {
	if a >= len(q.lower) || q.tok(a) != "that" {
		return false
	}
	h := q.doc.Tokens[a].Head
	if h <= a || q.pos(h) != "VERB" || !transitiveOnly[q.lemma(h)] {
		return false
	}
	if t.child(q, h, "nsubj") < 0 || t.child(q, h, "obj", "ccomp", "xcomp", "iobj", "nsubj:pass", "aux:pass") >= 0 {
		return false
	}
	return true
}

// relativePronouns open a relative clause as its subject.
var relativePronouns = setOf("that who which whom whose")

// excerpt reports whether s is a quotation left open at the end of its
// paragraph with no speaker: a passage quoted from another text, whose
// own attributions read as in plain text.
func excerpt(s qspan) bool { return !s.closed && s.quote == nil }

// gapRelatives are the heads of a relative clause that are no object of
// its verb but a time, manner, place or reason ("the day she said …",
// "the way he put it").
var gapRelatives = setOf(`time times day days moment week month year night morning way reason place
point hour`)

// gapRelativeContent reads a speech, belief or intention cue in a
// relative clause whose object is the noun the clause modifies: "[what]
// the mayor said", "[everything] the senator says", "[the one] I know
// of", "that is [what] the campaign hopes". The noun phrase up to the
// clause is the content and the clause's subject the source. The cue
// must have no object or "that" clause of its own; a clause the parser
// hung on it without "that" is the main predicate read into the
// relative ("everything he says [is a lie]").
func (q *qdoc) gapRelativeContent(t *depTree, c int, class cueClass) (a, b, src int, ok bool) {
	if class != cueSpeech && class != cueBelief && class != cueIntent {
		return
	}
	h := q.doc.Tokens[c].Head
	if q.dep(c) != "acl:relcl" || h < 0 || h >= c || gapRelatives[q.tok(h)] {
		return
	}
	if p := q.pos(h); p != "NOUN" && p != "PRON" {
		return
	}
	if q.lemma(c) == "write" || depBase(q.dep(h)) == "nmod" || depBase(q.dep(h)) == "obl" {
		// "the two guides I wrote": what is written is a text, not a
		// view; "the gap between what we expect from X and …": the
		// noun is a part of a larger phrase, the view the sentence's.
		return
	}
	src = t.child(q, c, "nsubj")
	if src <= h || src >= c || !q.plausibleSource(src, class) || relativePronouns[q.tok(src)] {
		// "a letter that says …", "a panel that all agreed": the
		// relative pronoun is the clause's subject, not its object.
		return
	}
	// "what I learned (…) is that …": a pseudo-cleft puts the view after
	// the copula.
	for e, end := c+1, q.sentEndTok(c); e+1 < end; e++ {
		if beForms[q.tok(e)] && (q.tok(e+1) == "that" || q.tok(e+1) == ":") {
			return
		}
	}
	// The clause follows its noun at once: "what [the mayor] said", with
	// no relative pronoun to carry another role ("the town where …").
	if t.lo[src] != h+1 {
		return
	}
	for _, k := range t.kids[c] {
		switch depBase(q.dep(k)) {
		case "obj", "xcomp", "iobj":
			return
		case "ccomp":
			if q.lower[t.lo[k]] == "that" {
				return
			}
		}
	}
	a = h
	for _, k := range t.kids[h] {
		switch q.dep(k) {
		case "det", "amod", "compound", "nummod", "nmod:poss", "det:predet":
			if k < h && t.lo[k] < a {
				a = t.lo[k]
			}
		}
	}
	// "between what we expect from X and what we expect from Y": a noun
	// after a preposition or a conjunction is part of a larger phrase.
	if a > 0 && (q.pos(a-1) == "ADP" || q.pos(a-1) == "CCONJ") {
		return
	}
	return a, h + 1, src, true
}

// quantifierPronouns stand alone as a clause's subject: "all agreed",
// "most say", "both deny".
var quantifierPronouns = setOf("all both most many some few several others each")

// quantifierSubject returns a quantifier the parser hung on cue c as a
// modifier though it is the clause's subject ("To varying degrees, [all]
// agreed that …"): it comes right before the cue (past auxiliaries and
// adverbs) and opens the clause, after a comma or at the sentence start.
// It returns -1 otherwise.
func (q *qdoc) quantifierSubject(t *depTree, c int) int {
	k := c - 1
	for k >= 0 && q.doc.Tokens[k].Head == c && (depBase(q.dep(k)) == "aux" || q.pos(k) == "ADV" && !quantifierPronouns[q.tok(k)]) {
		k--
	}
	if k < 0 || !quantifierPronouns[q.tok(k)] || q.doc.Tokens[k].Head != c {
		return -1
	}
	if d := depBase(q.dep(k)); d != "advmod" && d != "det" && d != "amod" {
		return -1
	}
	if k > q.sentStartTok(c) && q.tok(k-1) != "," {
		return -1
	}
	return k
}

// summonParticles follow a passive "called" that summons or cancels:
// "called to the scene", "called in", "called off", "called up",
// "called back".
var summonParticles = setOf("to in off up back")

// noPassive are cues whose passive reports perception or connection,
// not a stance: "gunshots are heard", "officers are seen", "the two
// races are tied".
var noPassive = setOf(`hear see observe tie link connect`)

// foundThings are finding cues whose passive, without a complement or
// an agent, reports that something was come upon: "cases were found in
// Ohio", "a flaw was discovered".
var foundThings = setOf(`find discover detect`)

// persuadedVerbs are cues whose passive subject is the one brought to a
// belief, not what is reported: "[she] was convinced [that ...]" holds
// the clause herself.
var persuadedVerbs = setOf(`convince persuade`)

// passiveParts returns the content of a passive cue: its subject [a, b)
// and the complement [ca, cb) after the verb, empty when there is none
// ("[Mr. X] was accused [of fraud]", "[the plan] was described [as
// reckless]"). Relative pronouns and expletives are no content.
func (q *qdoc) passiveParts(t *depTree, c, s int) (a, b, ca, cb int, ok bool) {
	switch q.tok(s) {
	case "it":
		// "It was labeled “Mostly True”": a naming cue's "it" with a
		// predicate noun or adjective and no clause after it refers
		// back; "it is considered rude to …" and "it was reported that
		// …" hold a clause and stay out.
		if attributionCues[q.lemma(c)] != cueNaming {
			return 0, 0, 0, 0, false
		}
		pred := false
		for _, k := range t.kids[c] {
			switch d := depBase(q.dep(k)); {
			case k < c:
			case d == "ccomp" || d == "csubj" || d == "advcl":
				return 0, 0, 0, 0, false
			case d == "obj" || d == "xcomp":
				if t.child(q, k, "xcomp", "ccomp", "advcl", "acl") >= 0 {
					return 0, 0, 0, 0, false
				}
				pred = true
			}
		}
		if !pred {
			return 0, 0, 0, 0, false
		}
	case "there", "that", "which", "who", "this", "nothing", "none":
		return 0, 0, 0, 0, false
	}
	// "No deaths have been reported": nothing was.
	if d := t.child(q, s, "det"); d >= 0 && q.tok(d) == "no" {
		return 0, 0, 0, 0, false
	}
	// "hundreds [more] were feared missing": a subject that is no noun
	// phrase is a parse that lost the real one.
	if p := q.pos(s); p == "ADV" || p == "ADJ" || p == "ADP" || p == "CCONJ" || p == "PART" {
		return 0, 0, 0, 0, false
	}
	lo := t.lo[s]
	for j := lo; j < s; j++ {
		if q.tok(j) == "," && q.inQ[j] < 0 {
			lo = j + 1 // "Perhaps most damaging, [peacekeepers] ..."
		}
	}
	a, b = q.trimSpan(lo, min(t.hi[s], c-1))
	if b <= a {
		return 0, 0, 0, 0, false
	}
	for _, k := range t.kids[c] {
		if k < c {
			continue
		}
		d := depBase(q.dep(k))
		first := q.lower[t.lo[k]]
		// "[Pence] was dubbed [the debate winner]": a naming cue's
		// predicate noun, which parsers often make an object.
		naming := attributionCues[q.lemma(c)] == cueNaming && d == "obj" && !timeWords[q.tok(k)]
		if naming || d == "xcomp" || d == "ccomp" || (d == "obl" || d == "advcl") && (first == "of" || first == "for" || first == "as" || first == "to" || first == "that") {
			if t.lo[k] > c && q.tok(t.lo[k]-1) == "," {
				continue
			}
			e := t.hi[k]
			for j := t.lo[k]; j < e; j++ {
				if q.tok(j) == "," && q.inQ[j] < 0 {
					e = j - 1 // "... of hurting civilians, with claims of ..."
				}
			}
			ca, cb = q.trimSpan(t.lo[k], e)
			break
		}
	}
	return a, b, ca, cb, true
}

// tokenAt returns the index of the token starting at byte offset off, or
// -1 (binary search; tokens are in text order).
func (q *qdoc) tokenAt(off int) int {
	toks := q.doc.Tokens
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && toks[lo].Start == off {
		return lo
	}
	return -1
}

// tokenEndingAt returns the index of the token ending at byte offset off,
// or -1.
func (q *qdoc) tokenEndingAt(off int) int {
	toks := q.doc.Tokens
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && toks[lo].End == off {
		return lo
	}
	return -1
}

// refineWithParse sets the content boundaries of the surface rules'
// indirect and partial quotes from the parse, when there is one. The
// surface rules run the content to the end of the sentence; the parse
// knows where the reported clause ends: "said [she would stand firm]
// and promised to ..." keeps the coordinated cue out, so that it can
// become an attribution of its own.
func (q *qdoc) refineWithParse(qs []*record.Quote) {
	t := q.parseTree()
	if t == nil {
		return
	}
	for _, r := range qs {
		if r.Cue == nil || r.Kind == record.QuoteDirect {
			continue
		}
		rule := r.Content.Rule
		if !strings.HasPrefix(rule, "quote.indirect.speaker-said") && !strings.HasPrefix(rule, "quote.indirect.belief-that") &&
			rule != "quote.partial" && rule != "quote.indirect.object" {
			continue
		}
		c := q.tokenEndingAt(r.Cue.End)
		a := q.tokenAt(r.Content.Start)
		b := q.tokenEndingAt(r.Content.End)
		if c < 0 || a < 0 || b < 0 {
			continue
		}
		// The cue span may end in a particle ("called for"): use the verb.
		for c > 0 && q.pos(c) != "VERB" && q.doc.Tokens[c-1].End > r.Cue.Start {
			c--
		}
		if q.pos(c) != "VERB" {
			continue
		}
		na, nb := a, b+1
		if rule == "quote.partial" || rule == "quote.indirect.object" {
			// A partial quote's content is the cue's whole predicate:
			// called [the plan "a gamble" for the region].
			if _, rb := q.rightSpan(t, c, a); rb > nb {
				nb = rb
			}
		}
		// Stop before a coordinated or participial verb of the cue: it
		// starts an attribution (or an action) of its own. Parsers often
		// hang such a verb on the reported clause instead ("said [the
		// port would reopen] and warned ..."): a subjectless cue verb
		// coordinated inside the content counts too.
		if k := t.child(q, c, "ccomp"); k >= 0 {
			if j := q.coordinatedCue(t, k); j > a && j < nb {
				if _, e := q.trimSpan(a, t.lo[j]-1); e < nb {
					nb = e
				}
			}
		}
		// "wants [to X, Y and Z]": bare verbs that share the content's
		// infinitive are no verbs of the cue's own.
		shared := -1
		if xc := t.child(q, c, "xcomp"); xc > c && xc >= a && q.tok(t.lo[xc]) == "to" {
			_, xe := q.trimSpan(t.lo[xc], t.hi[xc])
			if e := q.sharedInfinitiveEnd(t, c, xc, xe); e > xe {
				shared = e
			}
		}
		for _, k := range t.kids[c] {
			if k <= a || k >= nb || q.pos(k) != "VERB" || k < shared {
				continue
			}
			// Parataxis is no boundary: the parser hangs the verbs of
			// bare reported clauses there ("noted that, like him, Mrs.
			// Clinton had been pilloried").
			switch depBase(q.dep(k)) {
			case "conj":
				if q.thatConjunct(t, k) {
					continue
				}
				// "tells X that “who did it” remains …": a conjunct with
				// no conjunction and no comma before it is a misparse of
				// the reported clause's own verb.
				if m := t.lo[k]; t.child(q, k, "cc") < 0 && m > 0 && !conjunctOpeners[q.tok(m-1)] && !conjunctOpeners[q.tok(m)] {
					continue
				}
			case "advcl":
				if !strings.HasSuffix(q.tok(k), "ing") {
					continue
				}
			default:
				continue
			}
			if _, e := q.trimSpan(a, t.lo[k]-1); e < nb {
				nb = e
			}
		}
		// "said [A]; B" and "said [A], and B ...": a semicolon, or a
		// coordinated clause with its own subject after a comma, ends
		// the report.
		for k := na + 2; k < nb; k++ {
			if q.inQ[k] >= 0 {
				continue
			}
			if q.tok(k) == ";" {
				nb = k
				break
			}
			// ", and that B" is a second complement of the cue, not a
			// clause of its own.
			if q.dep(k) == "conj" && q.pos(k) == "VERB" && t.child(q, k, "nsubj") >= 0 && !q.thatConjunct(t, k) {
				if m := t.lo[k]; m > na+2 && q.tok(m) == "," || m > na+2 && q.tok(m-1) == "," {
					if _, e := q.trimSpan(na, m-1); e < nb {
						nb = e
					}
					break
				}
			}
		}
		if na < 0 || nb-na < 2 || na < a-1 {
			continue
		}
		e := q.ev(na, nb, rule)
		r.Content = e
	}
}

// colonQuotes finds attributions signed with a colon that no verb
// introduces: interview transcripts ("WALLACE: Let's start ...", one
// speaker turn per paragraph, the name in capitals) and headlines
// ("Poll: Clinton and Trump in dead heat"), where a short name before
// the colon is the source of what follows.
func (q *qdoc) colonQuotes(have []*record.Quote) []*record.Quote {
	var out []*record.Quote
	n := len(q.lower)
	taken := func(s, e int) bool {
		for _, h := range have {
			if h.Content.Start < e && s < h.Content.End {
				return true
			}
		}
		return false
	}
	// pendingTurn holds paragraphs after a transcript turn that no new
	// turn has opened yet: they carry on the turn when another turn
	// follows ("PENCE: Well, look, ..." over three paragraphs).
	var lastTurn *record.Quote
	var pendingTurn [][2]int
	for i := 0; i < n; {
		// i opens a paragraph; find its end.
		e := i
		for e < n && q.para[e] == q.para[i] {
			e++
		}
		turn := false
		s := i
		if q.isQuoteMark(s) {
			s++ // transcripts often open each turn with a quote mark
		}
		colon := -1
		for k := s; k < e && k < s+7; k++ {
			if q.tok(k) == ":" {
				colon = k
				break
			}
		}
		if colon > s && colon+1 < e {
			rule := ""
			cueFrom, srcStart, srcEnd := colon, s, colon
			switch {
			case q.allCaps(s, colon):
				rule = "quote.transcript"
			case i == 0 && q.titleName(s, colon) && !q.fromName(s, colon) && q.labelCanSpeak(s, colon):
				rule = "quote.headline"
			case i == 0:
				// "Obama on Climate Change: The Trends Are 'Terrifying'":
				// a name, the topic it speaks on, then what it said.
				for k := s + 1; k < colon-1; k++ {
					if q.tok(k) == "on" && q.titleName(s, k) {
						rule, cueFrom, srcEnd = "quote.headline", k, k
						break
					}
					// "A lesson from Loretta Lynch: 'Be the voice ...'".
					if q.tok(k) == "from" && q.titleName(k+1, colon) {
						rule, srcStart = "quote.headline", k+1
						break
					}
				}
			}
			ca, cb := q.trimContent(colon+1, e)
			if cb > ca && q.isQuoteMark(cb-1) && !q.isQuoteMark(ca) {
				cb-- // the turn's closing mark, if any
			}
			if rule != "" && cb-ca >= 2 {
				r := &record.Quote{Kind: record.QuoteDirect}
				r.Content = q.ev(ca, cb, rule)
				if !taken(r.Content.Start, r.Content.End) {
					r.Cue = q.evp(cueFrom, colon+1, "cue.colon")
					r.Speaker = q.evp(srcStart, srcEnd, "speaker.before-colon")
					out = append(out, r)
					if rule == "quote.transcript" {
						turn = true
						if lastTurn != nil {
							for _, pp := range pendingTurn {
								c := &record.Quote{Kind: record.QuoteDirect, Cue: lastTurn.Cue, Speaker: lastTurn.Speaker}
								c.Content = q.ev(pp[0], pp[1], "quote.transcript")
								if !taken(c.Content.Start, c.Content.End) {
									out = append(out, c)
								}
							}
						}
						lastTurn, pendingTurn = r, nil
					}
				}
			}
		}
		if !turn && lastTurn != nil {
			if ca, cb := q.trimContent(i, e); cb-ca >= 2 && len(pendingTurn) < 4 {
				pendingTurn = append(pendingTurn, [2]int{ca, cb})
			} else {
				lastTurn, pendingTurn = nil, nil
			}
		}
		i = e
	}
	return out
}

// allCaps reports whether tokens [a, b) are one to four words written in
// capitals, the way transcripts name speakers ("MR. TRUMP", "PENCE").
func (q *qdoc) allCaps(a, b int) bool {
	if b-a > 4 {
		return false
	}
	letters := 0
	for k := a; k < b; k++ {
		for _, r := range q.doc.Tokens[k].Text {
			switch {
			case r >= 'a' && r <= 'z':
				return false
			case r >= 'A' && r <= 'Z':
				letters++
			}
		}
	}
	return letters >= 2
}

// titleName reports whether tokens [a, b) look like a headline's source:
// up to five capitalised words ("Pat Caddell", "Poll", "Elizabeth Warren
// Hammers Wells Fargo CEO").
// labelCanSpeak reports whether the words [a, b) before a headline's
// colon can name who speaks: a kicker with a preposition ("Stealth Over
// Health") or an adjective for a head ("The Latest") labels the story
// and says nothing about a speaker.
func (q *qdoc) labelCanSpeak(a, b int) bool {
	if b <= a || q.pos(b-1) == "ADJ" {
		return false
	}
	for k := a; k < b; k++ {
		if q.pos(k) == "ADP" || k > a && labelPreps[q.tok(k)] {
			return false
		}
	}
	return true
}

// labelPreps are prepositions a tagger may take for parts of a name in a
// capitalised headline ("Trouble On The Hill").
var labelPreps = setOf(`on over in at of for with under about after against into`)

func (q *qdoc) titleName(a, b int) bool {
	if b-a > 6 {
		return false
	}
	for k := a; k < b; k++ {
		if !q.isCap(k) && !possessiveMark(q.tok(k)) && q.tok(k) != "." {
			return false
		}
	}
	return true
}

// attitudeAdjectives are predicates of feeling and judgement whose
// complement is what the subject thinks about: "Republicans are worried
// about turnout", "she is confident that she will win".
var attitudeAdjectives = setOf(`worried concerned critical confident skeptical sceptical optimistic
pessimistic hopeful supportive clear sure certain convinced aware afraid proud angry upset furious
happy pleased disappointed frustrated coy passionate bearish bullish wary cautious adamant unhappy
satisfied dismissive sympathetic opposed determined eager reluctant unwilling willing keen fearful
doubtful nervous excited thrilled outraged alarmed careful open resistant hostile enthusiastic
uncomfortable comfortable grateful thankful sorry ashamed embarrassed incensed dismayed troubled
disturbed encouraged heartened offended annoyed irritated shocked stunned surprised`)

// impersonalAdjectives judge a clause with an expletive subject: "it is
// clear that ...", "it remains unclear whether ...".
var impersonalAdjectives = setOf(`clear unclear obvious evident apparent certain uncertain doubtful
undeniable indisputable`)

// attitudeNouns are nominal cues: the noun names a statement, belief or
// stance and its complement is the content ("his claim that ...",
// "questions about the foundation", "support for the bill").
var attitudeNouns = setOf(`question concern criticism doubt claim allegation accusation support
opposition disdain hope fear worry belief view argument assertion promise proposal warning
demand statement suggestion insistence complaint praise attack defense defence case theory
assessment idea message decision commitment pledge vow threat offer request agreement opinion
position stance skepticism scepticism confidence optimism outrage anger frustration admiration
adulation contempt ire disgust enthusiasm reservation misgiving illusion comment remark
recommendation ruling finding conclusion estimate prediction forecast denial admission
acknowledgment acknowledgement announcement insistence implication charge condemnation
endorsement rejection call plea appeal vision promise thought feeling sense impression
suspicion speculation rumor rumour report determination refusal reluctance pronouncement
intention intent desire`)

// physicalNouns are attitude nouns that news more often uses for deeds;
// see attitudeQuotes.
var physicalNouns = setOf(`attack defense defence charge`)

// personAt reports whether token i lies inside a person entity.
func (q *qdoc) personAt(i int) bool {
	for _, e := range q.doc.Ents {
		if e.Label == "PER" && e.Start <= i && i < e.End {
			return true
		}
	}
	return false
}

// lightVerbs carry a nominal cue: "made the case that", "raised
// questions about", "expressed concern that".
var lightVerbs = setOf(`make have raise express voice offer issue give share`)

// nounPreps are the prepositions that introduce a nominal cue's content.
var nounPreps = setOf(`about of over on for against`)

// forNouns take their content with "for": "support for the bill".
var forNouns = setOf(`support demand request call plea appeal proposal praise criticism case hope
push enthusiasm admiration contempt disdain ire`)

// attitudeParticiple reports whether token c is a past participle of
// feeling that works as an adjective: "voters were frustrated that ...",
// "aides are worried about ...".
// Participles of cue verbs ("worried", "convinced") stay verbs.
func (q *qdoc) attitudeParticiple(c int) bool {
	if q.pos(c) != "VERB" || q.doc.Tokens[c].Tag != "VBN" || !attitudeAdjectives[q.tok(c)] {
		return false
	}
	_, cue := attributionCues[q.lemma(c)]
	return !cue && stancePreps[q.lemma(c)] == nil
}

// attitudeQuotes finds adjective and noun cues from the parse; see
// attitudeAdjectives and attitudeNouns.
func (q *qdoc) attitudeQuotes(t *depTree, c int) (a, b, cueEnd, src int, rule string, ok bool) {
	lemma := q.lemma(c)
	pos := q.pos(c)
	if q.attitudeParticiple(c) {
		pos = "ADJ"
	}
	switch pos {
	case "ADJ":
		if impersonalAdjectives[q.tok(c)] {
			// "it is clear that ...", "it was unclear whether ...": a
			// judgement with no holder but the writer's sources.
			if s := t.child(q, c, "nsubj", "expl"); s >= 0 && q.tok(s) == "it" {
				for _, k := range t.kids[c] {
					if k > c && (q.dep(k) == "ccomp" || depBase(q.dep(k)) == "csubj" || depBase(q.dep(k)) == "advcl") {
						switch q.lower[t.lo[k]] {
						case "that", "whether", "if", "how", "why", "what":
							a, b = q.trimSpan(t.lo[k], t.hi[k])
							return a, b, c + 1, -1, "adj", b-a >= 3
						}
					}
				}
			}
			// "The governor made it clear (that) she would veto the bill":
			// the subject of "make" asserts the clause.
			if h := q.doc.Tokens[c].Head; h >= 0 && h < c && q.dep(c) == "xcomp" && q.lemma(h) == "make" && q.tok(c-1) == "it" {
				for _, k := range t.kids[h] {
					if k > c && q.dep(k) == "ccomp" && t.lo[k] <= c+2 {
						a, b = q.trimSpan(t.lo[k], t.hi[k])
						if s := t.subjectOf(q, h); s >= 0 && s < h && b-a >= 3 {
							return a, b, c + 1, s, "adj", true
						}
					}
				}
			}
			return
		}
		if !attitudeAdjectives[q.tok(c)] && !attitudeAdjectives[lemma] {
			return
		}
		src = t.child(q, c, "nsubj")
		if src < 0 {
			return
		}
		a, b, cueEnd, ok = q.complementOf(t, c)
		return a, b, cueEnd, src, "adj", ok
	case "NOUN":
		if !attitudeNouns[lemma] {
			return
		}
		a, b, cueEnd, ok = q.complementOf(t, c)
		if !ok && q.dep(c) == "obj" {
			// "made the case that ...", "made it clear that ...": the
			// parser hangs the clause on the light verb.
			if h := q.doc.Tokens[c].Head; h >= 0 && lightVerbs[q.lemma(h)] {
				for _, k := range t.kids[h] {
					if k > c && (q.dep(k) == "ccomp" || depBase(q.dep(k)) == "advcl") && q.lower[t.lo[k]] == "that" && t.lo[k] <= c+2 {
						a, b = q.trimSpan(t.lo[k], t.hi[k])
						cueEnd, ok = c+1, b-a >= 2
						break
					}
				}
			}
		}
		if !ok && q.dep(c) == "obj" && c+2 < len(q.lower) && nounPreps[q.tok(c+1)] && (q.tok(c+1) != "for" || forNouns[lemma]) {
			// "expressed outrage [over the latest test]": the noun's
			// phrase, which the parser hung on the light verb.
			if h := q.doc.Tokens[c].Head; h >= 0 && h < c && lightVerbs[q.lemma(h)] {
				for _, k := range t.kids[h] {
					if k > c && depBase(q.dep(k)) == "obl" && t.lo[k] == c+1 && t.child(q, k, "case") == c+1 {
						a, b = q.trimSpan(c+2, t.hi[k])
						cueEnd, ok = c+2, b > a
						break
					}
				}
			}
		}
		if !ok {
			// "amid growing fears [that the river will flood]": a
			// content clause the parser hung elsewhere.
			a, b, ok = q.nounThatClause(c)
			cueEnd = c + 1
		}
		if !ok && c+2 < len(q.lower) && q.tok(c+1) == "to" && q.doc.Tokens[c+2].Tag == "VB" && q.doc.Tokens[c+2].Head != c {
			// "will not stop Russia's determination [to build the
			// missiles]": an infinitive right after the noun, which the
			// parser hung on the verb governing the noun.
			if v := c + 2; t.lo[v] == c+1 {
				a, b = q.trimSpan(c+1, t.hi[v])
				cueEnd, ok = c+1, b-a >= 2
			}
		}
		if !ok {
			return
		}
		// The holder: a possessor ("Trump's claim"), or the subject of a
		// light verb the noun is the object of ("X raised questions").
		src = t.child(q, c, "nmod:poss")
		if src < 0 {
			src = q.compoundHolder(t, c)
		}
		if src < 0 && q.dep(c) == "obj" {
			if h := q.doc.Tokens[c].Head; h >= 0 {
				src = t.subjectOf(q, h)
			}
		}
		// "The ministry said in a statement that …": a noun that says
		// how a speech verb's subject spoke is that subject's.
		if src < 0 && depBase(q.dep(c)) == "obl" {
			if h := q.doc.Tokens[c].Head; h >= 0 && h < c && attributionCues[q.lemma(h)] == cueSpeech {
				if cs := t.child(q, c, "case"); cs >= 0 && (q.tok(cs) == "in" || q.tok(cs) == "through") {
					// "said in a statement on Telegram (that …)": the
					// verb has the content; the noun's own prepositional
					// phrase is where or when it was said, or its topic.
					if cueEnd > c+1 {
						return 0, 0, 0, -1, "", false
					}
					src = t.subjectOf(q, h)
				}
			}
			// "Residents live in fear that ...", "X persisted in
			// arguments that ...": the subject holds the attitude it
			// acts in.
			if h := q.doc.Tokens[c].Head; src < 0 && h >= 0 && h < c && q.pos(h) == "VERB" && cueEnd == c+1 && q.tok(a) == "that" {
				if cs := t.child(q, c, "case"); cs >= 0 && (q.tok(cs) == "in" || q.tok(cs) == "with") {
					if s := t.subjectOf(q, h); s >= 0 && q.plausibleSource(s, cueBelief) {
						src = s
					}
				}
			}
		}
		// "Warning that the conflict is spreading, Peskov pointed to
		// ...": a gerund opening the sentence is a participial clause
		// (the tagger often calls it a noun) whose holder is the subject
		// of the main clause, found after the content.
		if src < 0 && c == q.sentStartTok(c) && strings.HasSuffix(q.tok(c), "ing") {
			root := c
			for steps := 0; steps < 8 && q.doc.Tokens[root].Head >= 0; steps++ {
				root = q.doc.Tokens[root].Head
			}
			if s := t.subjectOf(q, root); s >= b {
				src = s
			}
		}
		// "an attack on Israel", "the defence of the city": in news
		// these nouns are mostly deeds, not words; their prepositional
		// object is a content only when it is a person ("his attack on
		// the senator").
		if physicalNouns[lemma] && cueEnd > c+1 && !q.personAt(a) {
			return 0, 0, 0, -1, "", false
		}
		// Without a holder, "of", "on" and "for" after the noun mostly
		// name a topic or a setting ("views of the region", "remarks on
		// Saturday"), not a stance's content; "about" and clauses stay.
		if src < 0 && cueEnd > c+1 && q.tok(cueEnd-1) != "about" {
			return a, b, cueEnd, src, "", false
		}
		return a, b, cueEnd, src, "noun", true
	}
	return
}

// allNames reports whether tokens [a, b) are all proper nouns ("Mrs.
// Clinton"): a person or body as the whole content of a stance noun
// ("made the case for [Mrs. Clinton]").
func (q *qdoc) allNames(a, b int) bool {
	for k := a; k < b; k++ {
		if q.pos(k) != "PROPN" || timeWords[q.tok(k)] || q.timeAt(k) {
			return false
		}
	}
	return true
}

// compoundHolder returns the noun modifier that holds a nominal cue's
// attitude, as a possessor would ("media pronouncements that …", "police
// claims that …", "Republican demands for …"): a compound before the cue
// that is a source noun or the name of a person or an organisation. It
// returns -1 otherwise ("tax claims", "broader questions", "percent
// support").
func (q *qdoc) compoundHolder(t *depTree, c int) int {
	for _, k := range t.kids[c] {
		if k >= c || q.dep(k) != "compound" {
			continue
		}
		ent := q.doc.Tokens[k].Ent
		if sourceNouns[q.tok(k)] && q.pos(k) == "NOUN" || q.pos(k) == "PROPN" && (strings.HasSuffix(ent, "PER") || strings.HasSuffix(ent, "ORG")) {
			return k
		}
	}
	return -1
}

// complementOf returns the content a nominal or adjectival cue governs:
// a clause ("that ...", "to ...") or a prepositional object ("about X").
func (q *qdoc) complementOf(t *depTree, c int) (a, b, cueEnd int, ok bool) {
	cueEnd = c + 1
	for _, k := range t.kids[c] {
		if k <= c {
			continue
		}
		d := depBase(q.dep(k))
		switch d {
		case "ccomp", "acl", "xcomp", "advcl":
			m := t.lo[k]
			// "were coy about whether …", "worried about how …": a
			// wh-clause after the cue's preposition, which parsers mark
			// as the clause's own; the clause is the content, and the
			// preposition stays with the cue.
			if nounPreps[q.tok(m)] && m+1 < t.hi[k] && whWords[q.tok(m+1)] {
				cueEnd = m + 1
				m++
			}
			w := q.tok(m)
			if w != "that" && w != "to" && w != "whether" && w != "how" && w != "what" && w != "why" {
				continue
			}
			if m > c+3 {
				continue
			}
			a, b = q.trimSpan(m, t.hi[k])
			return a, b, cueEnd, b-a >= 2
		case "obl", "nmod":
			cs := t.child(q, k, "case")
			if cs < 0 || cs != t.lo[k] || !nounPreps[q.tok(cs)] || cs > c+2 {
				continue
			}
			// "for" marks a content only after nouns of asking and
			// backing ("calls for", "support for"); elsewhere it names a
			// beneficiary or a recipient.
			if q.tok(cs) == "for" && !forNouns[q.lemma(c)] {
				continue
			}
			a, b = q.trimSpan(cs+1, t.hi[k])
			return a, b, cs + 1, b > a
		}
	}
	return 0, 0, cueEnd, false
}

// coordinatedCue returns the first subjectless cue verb coordinated with
// the clause head h, or -1.
func (q *qdoc) coordinatedCue(t *depTree, h int) int {
	for _, j := range t.kids[h] {
		if q.dep(j) != "conj" || q.pos(j) != "VERB" {
			continue
		}
		if _, ok := attributionCues[q.lemma(j)]; !ok && stancePreps[q.lemma(j)] == nil {
			continue
		}
		if t.child(q, j, "nsubj") >= 0 {
			continue
		}
		// "attacked by police and ruling party activists": an -ing
		// form right before a noun modifies it, whatever the parse.
		if q.doc.Tokens[j].Tag == "VBG" && j+1 < len(q.lower) && (q.pos(j+1) == "NOUN" || q.pos(j+1) == "PROPN") {
			continue
		}
		// "police say [he posed a threat and refused to drop the gun]":
		// a conjunct in the tense of the reported clause but not of the
		// cue carries on the clause.
		if c := q.doc.Tokens[h].Head; c >= 0 {
			tj, th, tc := q.doc.Tokens[j].Tag, q.doc.Tokens[h].Tag, q.doc.Tokens[c].Tag
			if tj != "" && tj == th && tj != tc {
				continue
			}
		}
		return j
	}
	return -1
}

// verbAsNoun recognises a cue verb the tagger read as a plural noun
// ("the campaign plans to ...", "a new poll shows that ..."): a -s form
// of a cue lemma right before "that" or "to", after a noun phrase. It
// returns the source range [sa, sb) and the content range [a, b).
func (q *qdoc) verbAsNoun(t *depTree, c int) (sa, sb, a, b int, ok bool) {
	w := q.tok(c)
	if q.pos(c) != "NOUN" || !strings.HasSuffix(w, "s") || c == 0 {
		return
	}
	base := strings.TrimSuffix(w, "s")
	if strings.HasSuffix(w, "es") && attributionCues[base] == 0 {
		base = strings.TrimSuffix(w, "es")
	}
	class, known := attributionCues[base]
	if !known || class == cueStance || class == cueNaming || class == cueSeem {
		return
	}
	next := q.tok(c + 1)
	// "0.1 percentage points to 4.2 percent", "two plans to": after a
	// number the word counts things; it is a noun.
	if p := q.pos(c - 1); p == "NUM" || q.tok(c-1) == "percentage" {
		return
	}
	// "new emissions rules that promise to …": a "that" followed at once
	// by a finite verb opens a relative clause on the noun, not a
	// reported clause.
	if next == "that" && c+2 < len(q.lower) && q.finiteVerb(c+2) {
		return
	}
	if next != "that" && next != "to" {
		// "Another slide shows Clinton ahead": a finding or speech verb
		// the parser made the head of the sentence, before a clause.
		d := q.dep(c)
		if class != cueFinding && class != cueSpeech || d != "root" && d != "compound" {
			return
		}
		switch q.pos(c + 1) {
		case "PROPN", "DET", "PRON", "NUM":
		default:
			return
		}
	}
	// The noun phrase before: back over nouns, adjectives, names and
	// determiners in the same sentence; "Indiana's governor, Mike Pence,
	// plans to": over an appositive set off by commas too.
	last := c
	if q.tok(c-1) == "," && next == "to" {
		for k := c - 2; k > 0 && k >= c-8 && q.sent[k] == q.sent[c]; k-- {
			if q.tok(k) == "," {
				if k+1 < c-1 && q.pos(k+1) == "PROPN" && (q.pos(k-1) == "NOUN" || q.pos(k-1) == "PROPN") {
					last = k
				}
				break
			}
			if p := q.pos(k); p != "PROPN" && p != "NOUN" && p != "ADJ" && p != "DET" && q.tok(k) != "." {
				break
			}
		}
	}
	s0 := c
	for k := last - 1; k >= 0 && k >= last-6 && q.sent[k] == q.sent[c]; k-- {
		p := q.pos(k)
		if p != "NOUN" && p != "PROPN" && p != "ADJ" && p != "DET" && p != "NUM" && !possessiveMark(q.tok(k)) && q.doc.Tokens[k].Tag != "PRP$" {
			break
		}
		s0 = k
	}
	if s0 == last || q.pos(last-1) != "NOUN" && q.pos(last-1) != "PROPN" && (q.pos(last-1) != "ADJ" || s0 > last-2) {
		return
	}
	// "so many new rules that …": the noun of a clause of result.
	if next == "that" && resultClause(q, max(s0-2, 0), c+1) {
		return
	}
	end := q.sentEndTok(c)
	// The clause ends at a semicolon, or at a comma before a participle
	// or a comment ("..., using an average of polls", "..., which ...").
	for k := c + 3; k < end; k++ {
		if q.inQ[k] >= 0 {
			continue
		}
		if q.tok(k) == ";" || q.tok(k) == "," && k+1 < end && (q.doc.Tokens[k+1].Tag == "VBG" || q.tok(k+1) == "which" || q.tok(k+1) == "as") {
			end = k
			break
		}
	}
	a, b = q.trimContent(c+1, end)
	if a, b = q.cutMainClause(t, c, a, b); b-a < 3 {
		return
	}
	sa, sb = q.trimContent(s0, c)
	if sb-sa == 1 && sa == q.sentStartTok(c) && openingPreps[q.tok(sa)] {
		// "Amid fears that …": a capitalised preposition the tagger
		// took for a name is no speaker, and "fears" no verb.
		return
	}
	return sa, sb, a, b, true
}

// openingPreps are prepositions that open sentences and that the tagger,
// misled by the capital, sometimes reads as names.
var openingPreps = map[string]bool{
	"amid": true, "amidst": true, "among": true, "despite": true, "following": true, "during": true,
	"after": true, "before": true, "on": true, "over": true, "under": true, "against": true,
	"with": true, "without": true, "beyond": true, "toward": true, "towards": true, "amongst": true,
}

// cutMainClause ends the content [a, b) of a nominal cue c before the
// sentence's main clause when the content ran into it: in "On fears
// [that the base could be drawn in], Peskov said: …" and "Amid fears
// [that the river will flood the town], the mayor ordered …" the root
// verb and its subject follow a comma inside the span the parse or the
// surface rule gave. A closing attribution (", officials said") is cut
// too: it reports the whole sentence, not the noun's content.
func (q *qdoc) cutMainClause(t *depTree, c, a, b int) (int, int) {
	if b-a < 3 {
		return a, b
	}
	root := -1
	for k := q.sentStartTok(c); k < q.sentEndTok(c); k++ {
		if q.doc.Tokens[k].Head < 0 {
			root = k
			break
		}
	}
	if root > c && root > a && root < b {
		s := t.subjectOf(q, root)
		if e := t.child(q, root, "expl"); e >= 0 && e < root {
			s = e // "…, there would be …"
		}
		if s > c && s > a && s < root {
			lo := t.lo[s]
			if lo > a+3 && q.isQuoteMark(lo-1) && q.tok(lo-2) == "," {
				// "his claim that people would ''learn nothing,'' there
				// would be …": the comma inside the closing mark.
				return q.trimContent(a, lo)
			}
			if lo > a+2 && q.tok(lo-1) == "," {
				return q.trimContent(a, lo-1)
			}
		}
	}
	// ", SUBJECT said" closing the span
	last := b - 1
	for last > a && q.pos(last) == "PUNCT" {
		last--
	}
	if speechVerbs[q.tok(last)] == "" {
		return a, b
	}
	for k := last - 1; k > a+2 && k >= last-5; k-- {
		if q.tok(k) == "," {
			return q.trimContent(a, k)
		}
		switch q.pos(k) {
		case "NOUN", "PROPN", "DET", "ADJ", "PRON":
		default:
			return a, b
		}
	}
	return a, b
}

// pluralBaseCues are reporting verbs whose plain form the tagger reads
// as a singular noun after a plural subject with a modifier: "Records
// from the archive [show] he ...". Words that are as often nouns before
// a clause ("report", "claim", "fear") are left out.
var pluralBaseCues = setOf(`show suggest indicate reveal confirm say argue insist warn predict
believe think`)

// reducedRelativeCue reads a finding or speech verb whose subject carries
// a participle phrase ("A survey released Monday shows that ...", "an
// analysis published by the agency last month reveals how ..."), which
// parsers often take for the main verb. The cue must be a third-person
// or past form right after the participle's phrase (a "by" agent, a
// time), and a "that" or wh-clause, or a bare clause, must follow.
// It returns the subject [sa, sb), participle phrase included, and the
// clause [a, b).
func (q *qdoc) reducedRelativeCue(c int) (sa, sb, a, b int, ok bool) {
	w := q.tok(c)
	if q.inQ[c] >= 0 || c < 3 {
		return
	}
	var base string
	switch {
	case strings.HasSuffix(w, "s"):
		base = strings.TrimSuffix(w, "s")
	case q.doc.Tokens[c].Tag == "VBD":
		base = q.lemma(c)
	default:
		return
	}
	if cl, known := attributionCues[base]; !known || cl != cueFinding && cl != cueSpeech {
		return
	}
	start := q.sentStartTok(c)
	// Back over the participle's phrase to the participle.
	p := -1
	for k := c - 1; k >= start && k >= c-12; k-- {
		tag := q.doc.Tokens[k].Tag
		if q.inQ[k] >= 0 {
			return
		}
		if (tag == "VBN" || tag == "VBD") && strings.HasSuffix(q.tok(k), "ed") {
			p = k
			break
		}
		switch q.pos(k) {
		case "ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ":
		default:
			if !possessiveMark(q.tok(k)) && q.tok(k) != "-" {
				return
			}
		}
	}
	if p < 0 || p == c-1 && q.doc.Tokens[c].Tag == "VBD" {
		return
	}
	// "released by the agency last month": a "by" agent or a time.
	if k := p + 1; k < c && q.tok(k) != "by" && !q.timeAt(k) {
		return
	}
	h := p - 1
	if q.tok(h) == "being" {
		h--
	}
	if h < start || q.pos(h) != "NOUN" && q.pos(h) != "PROPN" {
		return
	}
	s0 := h
	for k := h - 1; k >= start; k-- {
		switch q.pos(k) {
		case "NOUN", "PROPN", "ADJ", "DET", "NUM":
		default:
			if !possessiveMark(q.tok(k)) && q.tok(k) != "-" && q.tok(k) != "/" {
				k = start
				continue
			}
		}
		s0 = k
	}
	if s0 > start {
		switch before := s0 - 1; {
		case q.tok(before) == ",", q.pos(before) == "CCONJ", q.pos(before) == "SCONJ", clauseOpeners[q.tok(before)]:
		default:
			return
		}
	}
	sa, sb = q.trimSpan(s0, c-1)
	// The clause: "that" or a wh-word within three words ("shows in
	// detail how ...", "reveals just how ..."), else a bare clause.
	end := q.sentEndTok(c)
	for k := c + 1; k < end && k <= c+3; k++ {
		switch q.tok(k) {
		case "that", "how", "what", "why", "whether":
			from := k
			if q.tok(k) == "how" && q.pos(k-1) == "ADV" {
				from = k - 1 // "just how swift"
			}
			e := k
			for e < end && q.tok(e) != ";" {
				e++
			}
			a, b = q.trimContent(from, e)
			return sa, sb, a, b, b-a >= 3
		}
		if p := q.pos(k); p != "ADV" && p != "ADP" && p != "NOUN" {
			break
		}
	}
	a, b, ok = q.surfaceClause(c, c+1, base)
	return sa, sb, a, b, ok
}

// timeAt reports whether a bare time phrase starts at token k: "Friday",
// "last month", "this week", "on Tuesday".
func (q *qdoc) timeAt(k int) bool {
	w := q.tok(k)
	if w == "on" || w == "last" || w == "this" || w == "earlier" {
		w = q.tok(k + 1)
	}
	switch w {
	case "week", "month", "year", "weekend", "morning", "night", "today", "yesterday",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// clauseOpeners are subordinators that the tagger may read as
// prepositions; a subject never runs back over them.
var clauseOpeners = setOf(`after before since until because although though while when whereas
unless if once`)

// pluralSubjectCue reads token c as the verb of its sentence when the
// tagger made it a noun: a plural noun (or "data") opens the sentence
// with a prepositional modifier, no verb comes between it and c, and a
// clause with a finite verb follows c. It returns the subject [sa, sb)
// and the clause [a, b).
func (q *qdoc) pluralSubjectCue(c int) (sa, sb, a, b int, ok bool) {
	if c < 3 || q.pos(c) != "NOUN" || q.doc.Tokens[c].Tag != "NN" || !pluralBaseCues[q.tok(c)] {
		return
	}
	switch q.pos(c - 1) {
	case "NOUN", "PROPN", "NUM":
	default:
		return
	}
	// Back over the subject: nouns, their modifiers and prepositional
	// phrases, to the sentence start, a comma or a subordinator ("...
	// after [leaked files from the archive] show ...").
	start := q.sentStartTok(c)
	s0 := c
	for k := c - 1; k >= start; k-- {
		p, tag := q.pos(k), q.doc.Tokens[k].Tag
		if q.inQ[k] >= 0 || q.dep(k) == "mark" || clauseOpeners[q.tok(k)] {
			break
		}
		switch {
		case p == "NOUN" || p == "PROPN" || p == "ADJ" || p == "DET" || p == "NUM" || tag == "PRP$" || possessiveMark(q.tok(k)) || q.tok(k) == "-":
		case p == "ADP" && q.dep(k) == "case":
		case p == "VERB" && (tag == "VBN" || tag == "VBG") && depBase(q.dep(k)) == "amod":
		default:
			k = start // stop
			continue
		}
		s0 = k
	}
	if s0 == c {
		return
	}
	if s0 > start {
		switch before := s0 - 1; {
		case q.tok(before) == ",", q.dep(before) == "mark", q.pos(before) == "SCONJ", q.pos(before) == "CCONJ", clauseOpeners[q.tok(before)]:
		default:
			return
		}
	}
	head, prep := -1, false
	for k := s0; k < c; k++ {
		switch {
		case head < 0 && (q.doc.Tokens[k].Tag == "NNS" || q.tok(k) == "data"):
			head = k
		case head >= 0 && q.pos(k) == "ADP":
			prep = true
		}
	}
	if head < 0 || !prep {
		return
	}
	sa, sb = q.trimSpan(s0, c-1)
	if sb <= sa {
		return
	}
	if q.tok(c+1) == "that" && (q.pos(c+2) == "VERB" || q.pos(c+2) == "AUX") {
		// "the TV show that aired": a relative clause on the noun.
		return
	}
	a, b, ok = q.surfaceClause(c, c+1, q.tok(c))
	return sa, sb, a, b, ok
}

// tailCutters open, after a comma, a clause that news writing adds to a
// report rather than a part of it: a concession ("..., but", "...,
// though") or a second attribution ("..., according to", "..., citing").
var tailCutters = setOf(`but though although despite according citing`)

// cutTails ends reported contents that run on past their report: "said
// [the plan would pass], but critics doubt it", "said [X], citing Y",
// "said [X], arguing that Y". A participle of a reporting verb after a
// comma starts an attribution of its own. Direct quotes keep their
// marks' extent, and nothing is cut inside quotation marks.
// completeThatClauses extends a content that opens with the
// complementizer "that" but holds no finite verb to the finite predicate
// the parser hung outside it: "expressed concern [that changing the
// policy] could lead to fraud" reports the whole clause. The predicate
// must follow the content at once and the extension stops at the end of
// the predicate's phrase, before a comma or the full stop.
func (q *qdoc) completeThatClauses(qs []*record.Quote) {
	t := q.parseTree()
	if t == nil {
		return
	}
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok || b < a {
			continue
		}
		if !(q.tok(a) == "that" && q.pos(a) == "SCONJ") {
			// A noun-phrase object straight before a finite verb is the
			// subject of a reported clause: "admitted [the plan] had
			// failed".
			c := q.tokenEndingAt(r.Cue.End)
			if c < 0 {
				continue
			}
			if cl, ok := attributionCues[q.lemma(c)]; !ok || cl != cueSpeech && cl != cueBelief && cl != cueFinding {
				continue
			}
		}
		finite := false
		for k := a + 1; k <= b; k++ {
			if q.finiteVerb(k) {
				finite = true
				break
			}
		}
		if finite || b+1 >= len(q.lower) || q.sent[b+1] != q.sent[a] || !q.finiteVerb(b+1) || q.inQ[b+1] >= 0 {
			continue
		}
		v := b + 1
		for v+1 < len(q.lower) && q.doc.Tokens[v].Head == v+1 && depBase(q.dep(v)) == "aux" {
			v++ // "could lead": the auxiliary's verb
		}
		e := v
		for e+1 < len(q.lower) && q.sent[e+1] == q.sent[a] && t.hi[v] > e {
			w := q.tok(e + 1)
			if w == "," || w == ";" || isSentPunct(w) || q.isQuoteMark(e+1) {
				break
			}
			e++
		}
		r.Content = q.ev(a, e+1, r.Content.Rule)
	}
}

// extendForInfinitive carries a noun-phrase content after "for" over the
// infinitive that follows it: "called for [compensation to be clawed
// back]", "a call for [the country to accept more refugees]". The noun
// phrase is the subject of the infinitive, and what was called for is
// the whole clause. The infinitive's adverbial clauses, conjuncts and
// anything after a comma stay out.
func (q *qdoc) extendForInfinitive(qs []*record.Quote) {
	t := q.parseTree()
	if t == nil {
		return
	}
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok || a < 1 || b < a || q.tok(a-1) != "for" || b+2 >= len(q.lower) || q.sent[b+2] != q.sent[a] {
			continue
		}
		if q.doc.Tokens[b+1].Tag != "TO" || q.inQ[b+1] >= 0 {
			continue
		}
		verbal := false
		for k := a; k <= b; k++ {
			if q.pos(k) == "VERB" || q.pos(k) == "AUX" {
				verbal = true
			}
		}
		if verbal {
			continue
		}
		// The infinitive's verb: "to accept", "to be “clawed” back".
		v := -1
		for k := b + 2; k < len(q.lower) && k <= b+5 && q.sent[k] == q.sent[a]; k++ {
			if q.pos(k) == "VERB" {
				v = k
				break
			}
			if q.pos(k) != "AUX" && q.pos(k) != "ADV" && q.pos(k) != "PUNCT" {
				break
			}
		}
		if v < 0 || q.doc.Tokens[v].Tag != "VB" && q.doc.Tokens[v].Tag != "VBN" && q.doc.Tokens[v].Tag != "VBD" {
			continue
		}
		e := v
		for _, x := range t.kids[v] {
			switch depBase(q.dep(x)) {
			case "advcl", "parataxis", "conj", "cc", "punct", "acl", "nsubj", "mark", "aux", "cop":
				continue
			}
			if x > v && t.hi[x] > e {
				e = t.hi[x]
			}
		}
		for k := b + 1; k <= e; k++ {
			if q.tok(k) == "," || q.tok(k) == ";" || isSentPunct(q.tok(k)) {
				e = k - 1
				break
			}
		}
		// A closing mark right after the end stays with it.
		if e+1 < len(q.lower) && q.isQuoteMark(e+1) && q.inQ[e+1] >= 0 && q.inQ[e+1] == q.inQ[e] {
			e++
		}
		r.Content = q.ev(a, e+1, r.Content.Rule)
	}
}

// extendSecondThat joins a second that-clause to a reported that-clause:
// "found [that the agency lost records, and that two officials took
// bribes]" reports both, as one content. The second "that" must open a
// clause (a finite verb follows it before the phrase ends).
func (q *qdoc) extendSecondThat(qs []*record.Quote) {
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok || b < a || q.tok(a) != "that" || q.pos(a) != "SCONJ" {
			continue
		}
		k := b + 1
		if k < len(q.lower) && q.tok(k) == "," {
			k++
		}
		if k+2 >= len(q.lower) || q.tok(k) != "and" || q.tok(k+1) != "that" || q.doc.Tokens[k+1].Tag != "IN" {
			continue
		}
		if q.sent[k+1] != q.sent[a] || q.inQ[k] >= 0 || q.inQ[k+1] >= 0 {
			continue
		}
		end := q.surfaceEnd(k+2, q.sentEndTok(a))
		finite := false
		for j := k + 2; j < end; j++ {
			if q.finiteVerb(j) {
				finite = true
				break
			}
		}
		if !finite {
			continue
		}
		if _, nb := q.trimSpan(k+2, end-1); nb > k+2 {
			r.Content = q.ev(a, nb, r.Content.Rule)
		}
	}
}

// extendPluralPossessive carries a content that ends on a plural
// possessor over the noun it possesses: in "his theory of [the United
// States' role in the world]" the tagger reads the apostrophe after
// "States" as a closing quotation mark, and the parse ends the phrase
// there. An apostrophe written onto a word ending in "s" with a noun
// right after it is the possessive.
func (q *qdoc) extendPluralPossessive(qs []*record.Quote) {
	t := q.parseTree()
	if t == nil {
		return
	}
	toks := q.doc.Tokens
	for _, r := range qs {
		if r.Kind == record.QuoteDirect {
			continue
		}
		a := q.tokenAt(r.Content.Start)
		b := q.tokenEndingAt(r.Content.End)
		if a < 0 || b < a || b+2 >= len(toks) || q.sent[b+2] != q.sent[a] {
			continue
		}
		if w := q.tok(b + 1); w != "'" && w != "’" || toks[b+1].Start != toks[b].End || !strings.HasSuffix(q.tok(b), "s") {
			continue
		}
		if q.pos(b+2) != "NOUN" || toks[b+2].Start == toks[b+1].End {
			continue
		}
		e := t.hi[b+2]
		if e < b+2 {
			e = b + 2
		}
		// "role [in the war]", which the parser hung higher up.
		for e+2 < len(toks) && q.pos(e+1) == "ADP" {
			h := toks[e+1].Head
			if h <= e+1 || t.lo[h] != e+1 || q.pos(h) != "NOUN" && q.pos(h) != "PROPN" {
				break
			}
			e = t.hi[h]
		}
		if se := q.surfaceEnd(b+2, q.sentEndTok(a)); e >= se {
			e = se - 1
		}
		if _, nb := q.trimSpan(b+2, e); nb > b+2 {
			r.Content = q.ev(a, nb, r.Content.Rule)
		}
	}
}

// extendNounList carries a noun-phrase content that already holds a
// list over the list's further items, which the parser hung elsewhere:
// "examine [the record on refugees, war and peace, human rights,
// terrorism and climate change]". The run after the comma must hold only
// nouns, adjectives, determiners, commas and a closing "and"/"or", and
// end the sentence or a comma phrase.
func (q *qdoc) extendNounList(qs []*record.Quote) {
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok || b < a+2 || b+2 >= len(q.lower) || q.tok(b+1) != "," || q.inQ[b+1] >= 0 {
			continue
		}
		list, verbal := false, false
		for k := a; k <= b; k++ {
			switch {
			case q.tok(k) == "," && q.inQ[k] < 0:
				list = true
			case q.pos(k) == "VERB" || q.pos(k) == "AUX":
				verbal = true
			}
		}
		if !list || verbal || q.pos(b) != "NOUN" && q.pos(b) != "PROPN" {
			continue
		}
		end := q.sentEndTok(a)
		e, joined := -1, false
		for k := b + 2; k < end; k++ {
			w := q.tok(k)
			if q.inQ[k] >= 0 || isSentPunct(w) || w == ";" {
				break
			}
			if w == "," {
				// The list ends at a comma whose next word is no item.
				if n := k + 1; n < end && (q.pos(n) == "NOUN" || q.pos(n) == "PROPN" || q.pos(n) == "ADJ") {
					continue
				}
				break
			}
			if w == "and" || w == "or" {
				joined = true
				continue
			}
			switch q.pos(k) {
			case "NOUN", "PROPN", "ADJ", "DET":
				if q.pos(k) != "DET" {
					e = k
				}
				continue
			}
			e = -1
			break
		}
		if !joined || e <= b+1 {
			continue
		}
		r.Content = q.ev(a, e+1, r.Content.Rule)
	}
}

// finiteVerb reports whether token k is a finite verb or a modal.
func (q *qdoc) finiteVerb(k int) bool {
	switch q.doc.Tokens[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

func (q *qdoc) cutTails(qs []*record.Quote) {
	for _, r := range qs {
		if r.Kind == record.QuoteDirect || r.Cue == nil || r.Cue.End > r.Content.Start || r.Content.Rule == "quote.colon-lead" {
			continue
		}
		a := q.tokenAt(r.Content.Start)
		b := q.tokenEndingAt(r.Content.End)
		if a < 0 || b < 0 {
			continue
		}
		for k := a + 2; k < b; k++ {
			cut := k
			if q.tok(k) != "," || q.inQ[k] >= 0 {
				// `… “a strong leader,” comparing him …`: the comma
				// before the tail sits inside the closing mark, which
				// stays with the content.
				if k+1 >= b || q.tok(k) != "," || !q.isQuoteMark(k+1) || q.inQ[k] < 0 || q.inQ[k+1] != q.inQ[k] {
					continue
				}
				k++
				cut = k + 1
			}
			j := k + 1
			if q.pos(j) == "ADV" && j+1 < b {
				j++ // "..., even suggesting ...", "..., again saying ..."
			}
			if (q.pos(j) == "ADP" || q.pos(j) == "SCONJ") && j+1 < b && strings.HasSuffix(q.tok(j+1), "ing") {
				j++ // "..., aside from saying ...", "..., before adding ..."
			}
			w := q.tok(j)
			_, cue := attributionCues[q.lemma(j)]
			// "said [they had doubts, but could not say so]": a "but"
			// before a bare predicate shares the reported subject.
			if q.tok(k+1) == "but" && q.bareVerbAt(k+2) {
				continue
			}
			if tailCutters[q.tok(k+1)] || strings.HasSuffix(w, "ing") && (speechVerbs[w] != "" || cue && q.pos(j) == "VERB") {
				r.Content = q.ev(a, cut, r.Content.Rule)
				break
			}
		}
	}
}

// bareVerbAt reports whether a predicate with no subject of its own
// starts at token i: a verb or auxiliary, possibly after adverbs ("could
// not bear", "also warned").
func (q *qdoc) bareVerbAt(i int) bool {
	for k := i; k < len(q.lower) && k < i+3; k++ {
		switch q.pos(k) {
		case "AUX":
			return true
		case "VERB":
			return !strings.HasSuffix(q.tok(k), "ing")
		case "ADV", "PART":
			continue
		}
		return false
	}
	return false
}

// cueHead returns the token that heads cue evidence e: its last verb,
// else its last noun or adjective, or -1.
func (q *qdoc) cueHead(e *record.Evidence) int {
	a, b := q.tokenAt(e.Start), q.tokenEndingAt(e.End)
	if a < 0 || b < a {
		return -1
	}
	best := -1
	for k := a; k <= b; k++ {
		switch q.pos(k) {
		case "VERB":
			best = k
		case "NOUN", "ADJ":
			if best < 0 || q.pos(best) != "VERB" {
				best = k
			}
		}
	}
	return best
}

// splitNested ends a reported content before an attribution that news
// writing appends to it rather than embeds in it: a coordinated cue ("said
// [he would order a review] and warned against hackers"), a relative or
// appositive clause ("endorses [Trump], who says he is honored") or a
// clause set off by a comma. PolNeAR never nests one attribution's cue
// inside another's content; a cue in a complement clause ("said Y
// believes Z") stays nested and dropNested removes it, but these
// attached clauses are attributions of their own, so the outer content
// gives way instead.
func (q *qdoc) splitNested(qs []*record.Quote) {
	t := q.parseTree()
	if t == nil {
		return
	}
	toks := q.doc.Tokens
	for _, r := range qs {
		if r.Kind == record.QuoteDirect || r.Cue == nil || r.Content.Rule == "quote.colon-lead" {
			continue
		}
		a, b := q.tokenAt(r.Content.Start), q.tokenEndingAt(r.Content.End)
		if a < 0 || b < a {
			continue
		}
		cut := -1
		for _, o := range qs {
			if o == r || o.Cue == nil || o.Cue.Start < r.Content.Start || o.Cue.End > r.Content.End {
				continue
			}
			k := q.cueHead(o.Cue)
			if k < 0 || q.inQ[k] >= 0 {
				continue
			}
			// Climb from the inner cue to the top of the content, and
			// stop at the first attached clause.
			for x, steps := k, 0; x >= a && x <= b && steps < 12; steps++ {
				h := toks[x].Head
				d := q.dep(x)
				attached := false
				switch {
				case x == k && (d == "conj" || d == "parataxis"):
					// "... and warned", "..., but analysts agreed": a
					// cue of its own subject, or a speech verb sharing
					// the outer one's.
					cl := attributionCues[q.lemma(k)]
					attached = q.pos(k) == "VERB" && (t.child(q, k, "nsubj") >= 0 || cl == cueSpeech || cl == cueBelief)
					// "said [A and that B was found]": a second
					// complement of the outer report.
					if m := t.lo[x]; d == "conj" && (q.pos(m) == "CCONJ" && q.tok(m+1) == "that" || q.thatConjunct(t, x)) {
						attached = false
					}
				case d == "acl:relcl" || d == "appos" || depBase(d) == "advcl" || d == "acl":
					// Only clauses set off by a comma: a restrictive
					// relative ("dresses that showed ...") belongs to
					// its noun.
					attached = q.tok(t.lo[x]) == "," || t.lo[x] > a && q.tok(t.lo[x]-1) == ","
					// "[Scott's relatives, who asked to see the video,
					// watched it]": a relative clause set off inside
					// the content, whose main verb follows it, stays.
					if attached && d == "acl:relcl" && q.subjectRelative(a, t.lo[x], b) {
						attached = false
					}
				}
				if attached && h >= a && h <= b && t.lo[x] > a+1 {
					if c := t.lo[x]; cut < 0 || c < cut {
						cut = c
					}
					break
				}
				if h < a || h > b {
					break
				}
				x = h
			}
		}
		if cut < 0 {
			continue
		}
		if na, nb := q.trimSpan(a, cut-1); nb-na >= 1 && nb <= b {
			for nb > na && (q.tok(nb-1) == "who" || q.tok(nb-1) == "which") {
				nb--
			}
			if nb > na {
				r.Content = q.ev(na, nb, r.Content.Rule)
			}
		}
	}
}

// colonLeads finds reports introduced by a cue and a colon whose content
// is not in quotation marks, or opens the next paragraph: `He added: It's
// typical of them. She knows nothing ...`, `Caddell continued:` followed
// by a paragraph of speech. The content runs to the end of the paragraph
// (of the next one when the colon closes its own). Colons the direct
// quote patterns used are skipped.
// colonNouns name words said or written; one ending a clause before a
// colon introduces them (see colonLeads).
var colonNouns = setOf(`comment comments statement remark remarks message tweet post
response reply answer warning explanation verdict plea`)

func (q *qdoc) colonLeads(have []*record.Quote) []*record.Quote {
	var out []*record.Quote
	n := len(q.lower)
	t := q.parseTree()
	taken := func(s, e int) bool {
		for _, h := range have {
			if h.Content.Start < e && s < h.Content.End {
				return true
			}
		}
		return false
	}
	for i := 1; i < n; i++ {
		if q.tok(i) != ":" || q.inQ[i] >= 0 || q.used[i-1] {
			continue
		}
		c := i - 1
		lemma, strong := q.cueAt(c)
		if lemma == "" && i+1 < n && q.para[i+1] != q.para[i] {
			lemma, strong = q.nounTaggedCue(c)
		}
		// "She made the following comment: …", "The paper ran her words
		// as its headline: …": a noun of speech ending the clause before
		// the colon, the object or role of a verb whose subject speaks.
		verb := -1
		if lemma == "" && t != nil && colonNouns[q.tok(c)] && q.pos(c) == "NOUN" {
			if h := q.doc.Tokens[c].Head; h >= 0 && h < c && q.pos(h) == "VERB" && q.dep(c) == "obj" && c-h <= 8 {
				verb, lemma, strong = h, q.lemma(h), true
			}
		}
		if lemma == "" || !strong {
			continue
		}
		// The content: the rest of the paragraph, or the next one.
		a := i + 1
		if a >= n {
			continue
		}
		if q.para[a] != q.para[i] && q.para[a] != q.para[i]+1 {
			continue
		}
		e := a
		for e < n && q.para[e] == q.para[a] {
			e++
		}
		// A block quotation under its lead runs on over the paragraphs
		// that reopen it: each opens with a mark and the one before
		// left it open.
		if q.para[a] != q.para[i] {
			for pa := a; q.isQuoteMark(pa) && q.leftOpen(pa, e) && e < n && q.isQuoteMark(e); {
				pa = e
				for e < n && q.para[e] == q.para[pa] {
					e++
				}
			}
		}
		ca, cb := q.trimContent(a, e)
		if cb-ca < 3 || taken(q.doc.Tokens[ca].Start, q.doc.Tokens[cb-1].End) {
			continue
		}
		lo := q.sentStartTok(c)
		if verb >= 0 {
			c = verb
		}
		cs := q.cueStart(c, lo)
		sa, sb := -1, -1
		if t != nil {
			if src := t.subjectOf(q, c); src >= 0 && src < cs {
				sa, sb = q.sourceSpan(t, src, c)
			}
		}
		if sb <= sa && verb < 0 {
			if first := q.npLeft(cs-1, lo); first >= 0 {
				sa, sb = first, cs
			}
		}
		if sb <= sa {
			continue
		}
		r := &record.Quote{Kind: record.QuoteIndirect}
		if q.isQuoteMark(ca) {
			r.Kind = record.QuoteDirect
		}
		r.Content = q.ev(ca, cb, "quote.colon-lead")
		r.Cue = q.evp(cs, i+1, "cue.verb."+lemma)
		r.Speaker = q.evp(sa, sb, "speaker.before-cue")
		q.markUsed(cs, i)
		out = append(out, r)
	}
	return out
}

// nounTaggedCue reads a reporting verb the tagger took for a plural
// noun right after a name, as at the end of a lead ("The Daily Planet
// reports:"): the lemma, or "".
func (q *qdoc) nounTaggedCue(c int) (lemma string, strong bool) {
	w := q.tok(c)
	if c < 1 || q.pos(c) != "NOUN" || !strings.HasSuffix(w, "s") || q.pos(c-1) != "PROPN" {
		return "", false
	}
	if l := speechVerbs[w]; l != "" {
		return l, true
	}
	return "", false
}

// leftOpen reports whether the quotation opened at token a is still open
// at the end of the paragraph [a, e).
func (q *qdoc) leftOpen(a, e int) bool {
	depth := 0
	for k := a; k < e; k++ {
		if !q.isQuoteMark(k) {
			continue
		}
		if q.isOpenQuote(k) {
			depth = 1
		} else {
			depth = 0
		}
	}
	return depth > 0
}

// headlineCueLemma returns the cue lemma of a headline word ("Says",
// "Calls", "Vows", "Slams"), or "".
func headlineCueLemma(w string) string {
	w = strings.ToLower(w)
	if l := speechVerbs[w]; l != "" {
		return l
	}
	for _, base := range []string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es"), strings.TrimSuffix(w, "ies") + "y"} {
		if base == w {
			continue
		}
		if _, ok := attributionCues[base]; ok {
			return base
		}
	}
	return ""
}

// headlineQuotes reads the headline (the first paragraph of a Doc with
// several) the way news headlines attribute: "Senator Says Taxes Will
// Rise", "Mayor Calls Plan ‘A Disgrace’", "Taxes Will Rise, Senator
// Says". Headlines are written in title case and present tense, which
// the tagger and parser handle poorly, so the pattern is read from the
// words: a capitalised name, then a third-person cue verb, then the
// content.
func (q *qdoc) headlineQuotes(have []*record.Quote) []*record.Quote {
	n := len(q.lower)
	e := 0
	for e < n && q.para[e] == 0 {
		e++
	}
	if e == 0 || e == n || e > 30 {
		return nil
	}
	for _, h := range have {
		if h.Content.Start < q.doc.Tokens[e-1].End {
			return nil
		}
	}
	end := e
	for end > 0 && (isSentPunct(q.tok(end-1)) || q.tok(end-1) == ";") {
		end--
	}
	// "Ah, friends once more: Cruz endorses Trump": the lead-in before a
	// colon is no name.
	s := 0
	for k := 0; k < end; k++ {
		if q.tok(k) == ":" {
			s = k + 1
		}
	}
	// "Railing Against Trump, Sanders Vows ...": a participial lead-in
	// before a comma is no name either.
	if strings.HasSuffix(q.tok(s), "ing") && q.isCap(s) {
		for k := s + 1; k < end && k < s+7; k++ {
			if q.tok(k) == "," {
				s = k + 1
				break
			}
		}
	}
	// "CONTENT, NAME Says."
	if l := headlineCueLemma(q.tok(end - 1)); l == "say" || l == "tell" || l == "warn" || l == "claim" {
		if k := end - 2; k > s {
			for j := k; j > s && j > end-8; j-- {
				if q.tok(j) == "," && j-s >= 3 && q.titleName(j+1, end-1) {
					r := &record.Quote{Kind: record.QuoteIndirect}
					r.Content = q.ev(s, j, "quote.headline-cue")
					r.Cue = q.evp(end-1, end, "cue.headline."+l)
					r.Speaker = q.evp(j+1, end-1, "speaker.headline")
					return []*record.Quote{r}
				}
			}
		}
	}
	// "NAME Verb CONTENT"
	// Sentence-case headlines name the source with plain nouns: "Federal
	// court rules against ...".
	plain := q.isCap(s) && q.pos(s) != ""
	for k := s + 1; k < end-2 && k < s+7; k++ {
		if p := q.pos(k - 1); plain && (p == "ADJ" || p == "NOUN" || p == "PROPN") {
			// still the name
		} else if plain = false; !q.isCap(k-1) && !possessiveMark(q.tok(k-1)) {
			break
		}
		l := headlineCueLemma(q.tok(k))
		if l == "" && q.isCap(k) && k+1 < end {
			// "Clinton Goes After Trump …": a verb that reports only
			// with its preposition, which follows it.
			for _, base := range []string{strings.TrimSuffix(q.tok(k), "s"), strings.TrimSuffix(q.tok(k), "es")} {
				if base != q.tok(k) && stancePreps[base][q.tok(k+1)] {
					if _, listed := attributionCues[base]; !listed {
						l = base
					}
				}
			}
		}
		if l == "" && strings.HasSuffix(q.tok(k-1), "s") && !possessiveMark(q.tok(k-1)) {
			// A plural name takes the bare verb: "Black Lawmakers Rip ...".
			if _, ok := attributionCues[q.tok(k)]; ok && q.isCap(k) {
				l = q.tok(k)
			}
		} else if l == "" || !strings.HasSuffix(q.tok(k), "s") {
			continue
		}
		if l == "" {
			continue
		}
		if !q.titleName(s, k) && !(plain && (q.pos(k-1) == "NOUN" || q.pos(k-1) == "PROPN")) {
			break
		}
		if hazardSubject(q.tok(k - 1)) {
			break // "Bushfire Threatens Homes": no one speaks
		}
		cueEnd := k + 1
		if preps := stancePreps[l]; preps != nil && preps[q.tok(cueEnd)] {
			cueEnd++ // "Calls For", "Calls On"
		}
		if end-cueEnd < 2 {
			break
		}
		r := &record.Quote{Kind: record.QuoteIndirect}
		r.Content = q.ev(cueEnd, end, "quote.headline-cue")
		r.Cue = q.evp(k, cueEnd, "cue.headline."+l)
		r.Speaker = q.evp(s, k, "speaker.headline")
		return []*record.Quote{r}
	}
	return nil
}

// extendDangling repairs a content [a, b) the parser cut short after a
// transitive verb: when the content ends in a verb with no object of its
// own and a noun phrase follows at once ("refuses [to make public] his
// tax returns"), the phrase belongs to the content. It returns the new
// end.
func (q *qdoc) extendDangling(t *depTree, a, b int) int {
	v := b - 1
	for v > a && q.pos(v) == "ADV" {
		v--
	}
	if v <= a || q.pos(v) != "VERB" || b >= len(q.lower) {
		return b
	}
	if o := t.child(q, v, "obj", "ccomp", "xcomp"); o >= 0 {
		// "what it calls “the biggest attack in history”": a naming
		// verb whose object went before it still takes the quoted
		// name after it.
		if o > v || attributionCues[q.lemma(v)] != cueNaming || !q.isOpenQuote(b) {
			return b
		}
	}
	if q.sent[b] != q.sent[v] {
		return b
	}
	if q.inQ[b] != q.inQ[v] {
		// "vowed to punish “those who violate the rules”": a quoted
		// object opening right after the verb.
		si := q.inQ[b+1]
		if !q.isOpenQuote(b) || si < 0 || q.inQ[v] >= 0 {
			return b
		}
		e := b + 1
		for e < len(q.lower) && q.inQ[e] == si {
			e++
		}
		return e
	}
	switch q.pos(b) {
	case "DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ":
	default:
		return b
	}
	// The largest phrase that starts at b and hangs outside the content.
	h := b
	for steps := 0; steps < 8; steps++ {
		p := q.doc.Tokens[h].Head
		if p < 0 || p < b || t.lo[p] != b || q.pos(p) == "VERB" || q.pos(p) == "AUX" {
			break
		}
		h = p
	}
	if q.pos(h) == "VERB" || q.pos(h) == "AUX" {
		return b // a clause of its own, not an object
	}
	_, e := q.trimSpan(b, t.hi[h])
	return e
}

// finiteAfterNoun reports whether verb v, which the parser hung on noun h
// as a reduced relative clause, is rather h's finite predicate: a past
// tense (not a participle: "the report released Friday"), or a
// participle form with a clause or object of its own and no "by" agent
// ("countries agreed to share", but "the people asked to leave" has no
// object). Nothing but the noun's own modifiers may stand between them.
func (q *qdoc) finiteAfterNoun(t *depTree, h, v int) bool {
	switch q.pos(h) {
	case "NOUN", "PROPN", "PRON", "NUM":
	default:
		return false
	}
	if t.lo[v] != v {
		return false // "the man who ...", an auxiliary or adverb before it
	}
	for k := h + 1; k < v; k++ {
		if k > t.hi[h] && t.lo[v] != k || q.tok(k) == "," || q.isQuoteMark(k) {
			return false
		}
	}
	if t.child(q, v, "obl:agent") >= 0 {
		return false
	}
	switch q.doc.Tokens[v].Tag {
	case "VBD":
		return true
	case "VBN":
		return t.child(q, v, "obj", "ccomp") > v
	}
	return false
}

// isCueVerb reports whether token i is a verb whose lemma is an
// attribution cue.
func (q *qdoc) isCueVerb(i int) bool {
	if i < 0 || q.pos(i) != "VERB" {
		return false
	}
	_, ok := attributionCues[q.lemma(i)]
	return ok
}

// fromName reports whether the words [s, colon) before a headline's colon
// end in "from NAME" ("A Lesson From Mayor Lind:").
func (q *qdoc) fromName(s, colon int) bool {
	for k := s + 1; k < colon-1; k++ {
		if q.tok(k) == "from" && q.titleName(k+1, colon) {
			return true
		}
	}
	return false
}

// nounThatClause reads the content clause of attitude noun c from the
// words after it when the parser hung it elsewhere: "amid growing fears
// [that the river will flood]". The "that" must be the tagger's
// complementiser, not a relative pronoun, and a finite verb must follow
// within a few words.
func (q *qdoc) nounThatClause(c int) (a, b int, ok bool) {
	k := c + 1
	end := q.sentEndTok(c)
	if k >= end || q.tok(k) != "that" || q.doc.Tokens[k].Tag != "IN" && !q.complementiserAsDeterminer(k, end) || q.relativeThat(k) || q.inQ[k] >= 0 {
		return 0, 0, false
	}

	finite := false
	for j := k + 1; j < end && j < k+10; j++ {
		if tag := q.doc.Tokens[j].Tag; tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" {
			finite = true
			break
		}
	}
	if !finite {
		return 0, 0, false
	}
	a, b = q.trimContent(k, q.surfaceEnd(k, end))
	return a, b, b-a >= 3
}

// complementiserAsDeterminer reports whether a "that" the tagger read as
// a determiner after a nominal cue opens its content clause: a one-word
// subject and a finite verb follow at once ("his claim [that people
// would learn nothing]"); a demonstrative would need a noun phrase of
// its own ("the claim that day").
func (q *qdoc) complementiserAsDeterminer(k, end int) bool {
	if q.doc.Tokens[k].Tag != "DT" || k+2 >= end {
		return false
	}
	if p := q.pos(k + 1); p != "NOUN" && p != "PROPN" && p != "PRON" {
		return false
	}
	if timeWords[q.tok(k+1)] || timeUnits[q.tok(k+1)] || periodNouns[q.tok(k+1)] {
		return false
	}
	switch q.doc.Tokens[k+2].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// asParenthetical reads a comparative "as" clause of a speech or finding
// verb that has no content of its own: "As the mayor noted, [the river
// is rising]", "[The valley], as one adviser pointed out, [rarely
// floods]", "[The river is rising], as the mayor said", "As the memo
// put it, […]". The content is the rest of the sentence, on either side
// of the clause; parsers often make the "as" clause the root, so it is
// read from the words. It returns the parts (half-open), the cue's end
// and the subject.
func (q *qdoc) asParenthetical(t *depTree, c int) (parts [][2]int, cueEnd, src int, ok bool) {
	if q.inQ[c] >= 0 || c < 2 {
		return
	}
	// "as" and a subject noun phrase right before the cue.
	m := -1
	for k := c - 1; k >= 0 && k >= c-24; k-- {
		if q.tok(k) == "as" {
			m = k
			break
		}
	}
	if m < 0 || m > c-2 {
		return
	}
	// "as X recently put it": adverbs between the subject and the cue.
	e := c - 1
	for e > m+1 && q.pos(e) == "ADV" && strings.HasSuffix(q.tok(e), "ly") {
		e--
	}
	// "as Jane Roe, a tax lawyer, put it": an appositive set off by
	// commas closes the subject.
	appos := q.tok(e) == "," && e > m+2
	if appos {
		e--
	}
	switch q.pos(e) {
	case "NOUN", "PROPN", "PRON":
	default:
		return
	}
	lemma := q.lemma(c)
	class := attributionCues[lemma]
	cueEnd = c + 1
	switch {
	case lemma == "put":
		// "as X put it"
		if o := t.child(q, c, "obj"); o != c+1 || q.tok(o) != "it" {
			return
		}
		cueEnd = c + 2
	case class == cueSpeech || class == cueFinding:
		if k := t.child(q, c, "obj", "iobj"); k >= 0 {
			return
		}
		if k := t.child(q, c, "ccomp", "xcomp"); k >= 0 && t.lo[k] > c && t.lo[k] <= c+2 {
			return
		}
		if c+1 < len(q.lower) && q.tok(c+1) == "out" {
			cueEnd = c + 2 // "pointed out"
		}
		// "As the mayor said goodbye, …": a noun phrase right after
		// the cue is its object, whatever the parse; the clause has
		// content of its own.
		if cueEnd < len(q.lower) {
			switch q.pos(cueEnd) {
			case "NOUN", "PROPN", "PRON", "DET", "NUM", "ADJ":
				return
			}
		}
	default:
		return
	}
	src = m + 1
	// The subject runs from "as" to the cue: no other verb between, and
	// no comma but the two around an appositive after a name.
	commas := 0
	for k := m + 1; k < c; k++ {
		if q.tok(k) == "," {
			commas++
			if !appos || commas == 1 && q.pos(k-1) != "PROPN" {
				return
			}
			continue
		}
		if p := q.pos(k); p == "VERB" || p == "AUX" || q.inQ[k] >= 0 {
			return
		}
	}
	if appos && commas != 2 {
		return
	}
	lo, end := q.sentStartTok(c), q.sentEndTok(c)
	// The "as" clause ends at the next comma (or colon), or closes the
	// sentence.
	close := -1
	for k := cueEnd; k < end && k <= cueEnd+8; k++ {
		if q.inQ[k] >= 0 {
			break
		}
		if q.tok(k) == "," || q.tok(k) == ":" {
			close = k
			break
		}
		if p := q.pos(k); p == "VERB" || p == "AUX" {
			return
		}
	}
	switch {
	case m == lo:
		// "As X noted, CLAUSE."
		if close < 0 {
			return
		}
	case q.tok(m-1) == "," || m >= 2 && q.isQuoteMark(m-1) && q.tok(m-2) == ",":
		// "X, as Y noted, REST." / "CLAUSE, as Y said."; "put it"
		// gives the wording that follows.
		from := lo
		if h := q.doc.Tokens[c].Head; close < 0 && depBase(q.dep(c)) == "advcl" && h >= lo && h < m && t.lo[h] > lo {
			// "…, while X, [the rule is Y], as the memo put it": the
			// clause the "as" clause modifies.
			from = t.lo[h]
		}
		if close < 0 && from == lo {
			// Else the last clause before it that follows a comma.
			for k := m - 2; k > lo; k-- {
				if q.tok(k) != "," || q.inQ[k] >= 0 {
					continue
				}
				f := k + 1
				if q.pos(f) == "CCONJ" {
					f++ // ", but the rule is …"
				}
				if q.clauseBefore(f, m-1) {
					from = f
					break
				}
			}
		}
		if a, b := q.trimContent(from, m-1); b-a >= 1 && (lemma != "put" || close < 0) {
			parts = append(parts, [2]int{a, b})
		}
	default:
		return
	}
	if close >= 0 {
		if a, b := q.trimContent(close+1, end); b-a >= 2 {
			parts = append(parts, [2]int{a, b})
		}
	} else {
		// "CLAUSE, as Y said.": nothing but punctuation after the cue.
		for k := cueEnd; k < end; k++ {
			if q.pos(k) != "PUNCT" {
				return
			}
		}
	}
	if len(parts) == 0 {
		return
	}
	n := 0
	for _, p := range parts {
		n += p[1] - p[0]
	}
	return parts, cueEnd, src, n >= 3
}

// clauseBefore reports whether the words from k to end open a clause: a
// noun phrase and a finite verb before any comma.
func (q *qdoc) clauseBefore(k, end int) bool {
	switch q.pos(k) {
	case "DET", "NOUN", "PROPN", "PRON", "ADJ":
	default:
		return false
	}
	for j := k + 1; j < end; j++ {
		if q.tok(j) == "," || q.pos(j) == "SCONJ" || q.tok(j) == "that" || strings.HasPrefix(q.doc.Tokens[j].Tag, "W") {
			return false
		}
		switch q.doc.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// reportedState reports whether the cue at c is "reported" before the
// state a person is listed in: "2,000 reported missing", "three reported
// dead" tell what became of people, not what anyone reported.
func (q *qdoc) reportedState(c int) bool {
	return q.lemma(c) == "report" && c+1 < len(q.lower) && reportedStates[q.tok(c+1)] &&
		(q.doc.Tokens[c].Tag == "VBN" || q.doc.Tokens[c].Tag == "VBD")
}

// reportedStates follow "reported" in lists of casualties.
var reportedStates = setOf("missing dead killed injured wounded kidnapped abducted detained arrested captured displaced safe lost")

// pushedBack reports whether "push" at c is the military "pushed them
// back", "pushed back the attackers": a deed, not a demand.
func (q *qdoc) pushedBack(c int) bool {
	for k := c + 1; k < len(q.lower) && k <= c+3; k++ {
		if q.tok(k) == "back" {
			return true
		}
		if q.pos(k) == "PUNCT" || q.tok(k) == "for" {
			return false
		}
	}
	return false
}

// whWords open a clause that can be a cue's content on their own: "agrees
// on who is a terrorist", "talked about what went wrong".
var whWords = setOf(`who what which whether how why when where`)

// dayWords name a day: as a bare object they time the cue.
var dayWords = setOf(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight`)

// clauseContentRules are the rules whose content is a reported clause,
// not a noun phrase.
var clauseContentRules = setOf(`quote.indirect.speaker-said-clause quote.indirect.speaker-said-that quote.indirect.belief-that quote.dep.ccomp quote.dep.bare-clause quote.indirect.speaker-said-clause+participle quote.indirect.speaker-said-that+participle`)

// cutAppositiveTails ends a reported clause before an appositive that
// the writer adds to a name at its end: "said [he did not support Mr.
// Trump], the presumed favorite", "say [the money is better spent with
// NATO], the alliance that includes the United States". PolNeAR leaves
// the description out of what was said. Only after a proper name (or a
// closing bracket, "Rep. Don Beyer (D-Va.), a former governor") and only
// for clause contents: after a common noun the phrase is as often a list
// item ("called for tax fairness, the closure of loopholes and …"), and
// noun-phrase contents keep their appositives as often as not.
func (q *qdoc) cutAppositiveTails(qs []*record.Quote) {
	for _, r := range qs {
		if r.Kind == record.QuoteDirect || !clauseContentRules[r.Content.Rule] {
			continue
		}
		a := q.tokenAt(r.Content.Start)
		b := q.tokenEndingAt(r.Content.End)
		if a < 0 || b < 0 {
			continue
		}
		for k := b - 1; k > a+3; k-- {
			if q.tok(k) != "," || q.inQ[k] >= 0 {
				continue
			}
			p := q.pos(k - 1)
			if p != "PROPN" && q.tok(k-1) != ")" {
				break
			}
			w := q.tok(k + 1)
			if (w == "a" || w == "an" || w == "the") && q.verblessPhrase(k+2, b+1) {
				r.Content = q.ev(a, k, r.Content.Rule)
			}
			break
		}
	}
}

// cutDashGloss ends a content before a dash and a noun phrase opened by
// "a"/"an" that closes it: "dismissed [Estonia as being in the “suburbs
// of St. Petersburg”] — a metaphor for …", "likened [the rules to
// “burning the Constitution”] - a charge that might have stung". The
// phrase is the writer's gloss on the report, not part of it, and an
// attribution whose cue stands in it ("a charge that …") goes with it.
func (q *qdoc) cutDashGloss(qs []*record.Quote) []*record.Quote {
	type span struct{ s, e int }
	var glosses []span
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok {
			continue
		}
		for k := a + 2; k+2 <= b; k++ {
			if !q.dashAt(k) || q.inQ[k] >= 0 {
				continue
			}
			if w := q.tok(k + 1); (w == "a" || w == "an") && q.verblessPhrase(k+2, b+1) {
				glosses = append(glosses, span{q.doc.Tokens[k].Start, r.Content.End})
				r.Content = q.ev(a, k, r.Content.Rule)
			}
			break
		}
	}
	if len(glosses) == 0 {
		return qs
	}
	out := qs[:0]
	for _, r := range qs {
		drop := false
		for _, g := range glosses {
			if r.Cue != nil && r.Cue.Start >= g.s && r.Cue.End <= g.e {
				drop = true
			}
		}
		if !drop {
			out = append(out, r)
		}
	}
	return out
}

// proVerbs stand for a verb phrase said before: "as he did", "as she
// has", "as they do".
var proVerbs = setOf(`do does did has have had`)

// cutAsDidTails ends a content before a comment clause ", as X did …"
// that closes it: "has cited [the audit as the reason he's not releasing
// his returns], as he did again during the debate" — the clause says
// when else it was said, not what.
func (q *qdoc) cutAsDidTails(qs []*record.Quote) {
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok {
			continue
		}
		for k := a + 2; k+3 <= b; k++ {
			if q.tok(k) != "," || q.inQ[k] >= 0 || q.tok(k+1) != "as" {
				continue
			}
			// "as he did", "as the mayor has": a short subject, then the
			// pro-verb.
			for j := k + 2; j <= b && j <= k+5; j++ {
				if proVerbs[q.tok(j)] && q.pos(j-1) != "ADP" {
					r.Content = q.ev(a, k, r.Content.Rule)
					break
				}
				if p := q.pos(j); p != "PRON" && p != "DET" && p != "NOUN" && p != "PROPN" {
					break
				}
			}
			break
		}
	}
}

// verblessPhrase reports whether tokens a..b-1 hold no finite verb
// before any relative pronoun: a noun phrase, perhaps with a relative
// clause of its own.
func (q *qdoc) verblessPhrase(a, b int) bool {
	for k := a; k < b; k++ {
		switch q.tok(k) {
		case "that", "who", "which", "whose", "whom":
			return true
		}
		switch q.doc.Tokens[k].Tag {
		case "VBD", "VBZ", "VBP", "MD", "":
			return false
		}
	}
	return true
}

// mediumNouns name the text or occasion through which a cue's words
// were given: "in a statement", "in an on-air diatribe".
var mediumNouns = setOf(`statement statements interview interviews speech tweet tweets diatribe
tirade rant op-ed letter email post video editorial essay column memo briefing`)

// mediumDeterminers open a phrase that introduces the medium: "in a
// statement", "in his speech". "the" is left out: "noted the rule in the
// interview" may name which rule.
var mediumDeterminers = setOf(`a an his her their its`)

// cutMediumTails ends a content before a closing "in a statement"
// phrase, which says how the cue's words were given, not what they
// were: "called for [more school investment] in a statement on
// Thursday", "had denounced [the annexation] in an on-air diatribe".
// The phrase must run to the content's end, a day or time word aside.
func (q *qdoc) cutMediumTails(qs []*record.Quote) {
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok {
			continue
		}
	scan:
		for k := a + 1; k < b; k++ {
			if q.tok(k) != "in" || q.inQ[k] >= 0 || k+1 > b || !mediumDeterminers[q.tok(k+1)] {
				continue
			}
			n := k + 2
			for n <= b && n < k+5 && !mediumNouns[q.tok(n)] {
				hyphened := n+1 <= b && q.tok(n+1) == "-" // "on-air"
				switch q.pos(n) {
				case "DET", "ADJ", "PRON", "PUNCT", "NOUN", "PROPN":
				default:
					if !hyphened {
						continue scan
					}
				}
				n++
			}
			if n > b || !mediumNouns[q.tok(n)] {
				continue
			}
			// What follows the noun: nothing, or a time phrase.
			rest := n + 1
			if rest <= b && (q.tok(rest) == "on" || q.tok(rest) == "last" || q.tok(rest) == "this") {
				rest++
				for rest <= b && (settingNouns[q.tok(rest)] || q.pos(rest) == "NUM" || q.tok(rest) == ",") {
					rest++
				}
			}
			if rest <= b {
				continue
			}
			r.Content = q.ev(a, k, r.Content.Rule)
			break
		}
	}
}

// cutSecondPredicate ends a noun-phrase content before "and" and a
// finite verb: with no verb of its own before it, the content cannot be
// that verb's subject, so the verb is a second predicate of the cue's
// subject ("has championed [gay rights] and extended benefits to
// couples", "declined [that assignment] and has since left").
func (q *qdoc) cutSecondPredicate(qs []*record.Quote) {
	for _, r := range qs {
		a, b, ok := q.reportedTokens(r)
		if !ok {
			continue
		}
		for k := a + 1; k < b; k++ {
			if q.inQ[k] >= 0 {
				continue
			}
			if q.pos(k) == "VERB" || q.pos(k) == "AUX" || q.tok(k) == "to" && q.pos(k) == "PART" || whWords[q.tok(k)] || q.tok(k) == "that" || q.tok(k) == "which" || q.tok(k) == "who" {
				break
			}
			if q.tok(k) != "and" && q.tok(k) != "but" {
				continue
			}
			v := k + 1
			if v <= b && (q.doc.Tokens[v].Tag == "VBD" || q.finiteVerb(v) && haveForms[q.tok(v)]) {
				r.Content = q.ev(a, k, r.Content.Rule)
				break
			}
		}
	}
}

// haveForms are the finite forms of "have" that open a second predicate
// in the perfect: "and has since left".
var haveForms = setOf(`has have had`)

// conjunctOpeners stand before a real conjunct; a dash closes an aside,
// and the verb after it is the main clause's.
var conjunctOpeners = setOf(`, ; — – -- - and or but nor then`)

// subjectRelative reports whether the relative clause set off at token m
// hangs on the subject that opens the content [a, b] and the content's
// main verb follows the comma that closes it ("[Scott's relatives, who
// asked to see the video, watched it]"): no finite verb before m, then,
// after the relative's own verb, a comma and a finite verb.
func (q *qdoc) subjectRelative(a, m, b int) bool {
	for k := a; k < m; k++ {
		if q.finiteVerb(k) {
			return false
		}
	}
	verb := false
	for k := m + 1; k < b; k++ {
		if q.inQ[k] >= 0 {
			continue
		}
		if q.finiteVerb(k) {
			verb = true
		}
		if q.tok(k) == "," && verb {
			return q.finiteVerb(k+1) && q.pos(k+1) == "VERB"
		}
	}
	return false
}

// forceVerbs are stance cues that also name force: "attacked the plan"
// and "attacked the convoy".
var forceVerbs = setOf(`attack assail hit target strike hammer pound blast`)

// verbalReason reports whether the verb c names who did it ("by …") or
// why ("for …", "over …"): "was attacked by Democrats", "was attacked
// over the plan" are words; "was attacked near the border" need not be.
func (q *qdoc) verbalReason(t *depTree, c int) bool {
	for _, k := range t.kids[c] {
		if q.dep(k) == "obl:agent" {
			return true
		}
		if depBase(q.dep(k)) != "obl" && depBase(q.dep(k)) != "advcl" {
			continue
		}
		for _, g := range t.kids[k] {
			if w := q.tok(g); (q.dep(g) == "case" || q.dep(g) == "mark") && (w == "by" || w == "for" || w == "over") {
				return true
			}
		}
	}
	return false
}

// infinitiveOpens reports whether the infinitive headed at x opens with
// its "to", or with a negation or adverb before it ("told his staff
// [never to speak of it]", "asked them [not to leave]").
func (q *qdoc) infinitiveOpens(t *depTree, x int) bool {
	lo := t.lo[x]
	if q.tok(lo) == "to" {
		return true
	}
	m := t.child(q, x, "mark")
	return m == lo+1 && q.tok(m) == "to" && q.pos(lo) == "ADV" || m == lo+1 && q.tok(m) == "to" && q.tok(lo) == "not"
}
