package extract

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"dateline/kb"
	"dateline/nlp"
	"dateline/record"
)

// Event coding
//
// An event is who did what to whom. The coder finds actions with the
// lexicon (extract/lexicon/cameo-verbs.tsv: lemma patterns → CAMEO codes),
// then reads the actors from the dependency parse of the sentence:
//
//   - verbs: the subject is the source, the object (or a "with", "to",
//     "against", "on" phrase) the target; in a passive ("was attacked by")
//     the "by" phrase is the source and the subject the target; a verb
//     without a subject borrows the one of the verb it depends on
//     ("agreed to share", "opened fire, killing");
//   - nouns: a possessor or a country word is the source ("the Hamas
//     delegation's visit", "US airstrikes"), otherwise the subject of the
//     verb governing the noun ("Israel responded with a campaign of
//     strikes"); "on", "against", "to", "with" phrases give the target.
//
// Coordinated actors give one event each. Frames around the action set its
// polarity and modality and, as CAMEO does, its code: "threatened to impose
// sanctions" is 1312 (threaten to sanction), "will provide food aid" 0333
// (intent to give humanitarian aid), "demanded the release of" 1053,
// "refused to lift the embargo" 1244, "did not attack" a negated 190.
// Events inside a quote carry the speaker as ReportedBy. One record is kept
// per (source, code, target) in a sentence.

// Modal frames: governing words that turn the action they govern into a
// plan, threat, demand, refusal or hypothesis.
var (
	framePlanned = setOf("will shall 'll plan prepare intend aim expect decide want hope agree promise pledge vow offer commit ready willing prepared schedule set seek resolve undertake necessary")
	// frames whose conflictual action is a build-up rather than a threat.
	frameMobilize   = setOf("prepare prepared ready")
	frameThreatened = setOf("threaten warn swear")
	frameDemanded   = setOf("demand urge call ask press insist order appeal request must should need")
	frameRefused    = setOf("refuse decline reject fail deny")
	frameHypo       = setOf("could might may if unless")
	// frames that rehearse an action without doing it ("drills to
	// simulate a blockade of the island").
	frameSimulated = setOf("simulate rehearse practise practice mimic")
	// words that negate the verb or noun they modify.
	negators = setOf("not n't never no")
)

// EventCoder codes events with a lexicon and a knowledge base. It is safe
// for concurrent use.
type EventCoder struct {
	kb  *kb.KB
	lex *Lexicon
}

// NewEventCoder returns a coder using k for actors and CAMEO properties and
// lex for actions.
func NewEventCoder(k *kb.KB, lex *Lexicon) *EventCoder { return &EventCoder{kb: k, lex: lex} }

var (
	defaultCoderOnce sync.Once
	defaultCoder     *EventCoder
	defaultCoderErr  error
)

// DefaultEventCoder returns the coder with the embedded lexicon and
// knowledge base, built on first use.
func DefaultEventCoder() (*EventCoder, error) {
	defaultCoderOnce.Do(func() {
		k := kb.Default()
		lex, err := DefaultLexicon(k)
		if err != nil {
			defaultCoderErr = err
			return
		}
		defaultCoder = NewEventCoder(k, lex)
	})
	return defaultCoder, defaultCoderErr
}

// WithLexicon returns a coder whose lexicon is c's merged with extra (a
// user's --lexicon-extra file); extra's rows win.
func (c *EventCoder) WithLexicon(extra *Lexicon) *EventCoder {
	return &EventCoder{kb: c.kb, lex: c.lex.Merge(extra)}
}

// coderFor returns the default coder, extended with the user lexicon at
// path when path is not "".
func coderFor(path string) (*EventCoder, error) {
	c, err := DefaultEventCoder()
	if err != nil {
		return nil, fmt.Errorf("extract: loading the event lexicon: %w", err)
	}
	if path == "" {
		return c, nil
	}
	extra, err := LoadLexiconFile(path, c.kb)
	if err != nil {
		return nil, fmt.Errorf("extract: user event lexicon: %w", err)
	}
	return c.WithLexicon(extra), nil
}

// EventInput is what the event coder takes from the rest of extraction.
type EventInput struct {
	ArticleID string
	Published string // YYYY-MM-DD; picks date-bounded roles of people
	Quotes    []record.Quote
	Times     []record.Time
	// Places found in the article. The coder sets Role to
	// record.PlaceEvent on the places where an event happens.
	Places []record.Place
	// Mentions are the article's entities (from Entities). When set, a
	// name the coder's own lookup cannot code takes its entity's code,
	// and actors point at their entity; nil codes from the kb alone.
	Mentions *Mentions
}

// Events codes the events of doc with the default coder. It returns nil if
// the embedded lexicon cannot be loaded (the package tests rule that out).
func Events(doc *nlp.Doc, in EventInput) []record.Event {
	c, err := DefaultEventCoder()
	if err != nil {
		return nil
	}
	return c.Code(doc, in)
}

// match is one lexicon hit in a sentence.
type match struct {
	entry *LexiconEntry
	toks  []int
	head  int
	code  string
	rule  string
	// frame is the token of a governing frame that was folded into the
	// event, -1 if none.
	frame    int
	modality string
	negated  bool
	dropped  bool
	// rejected marks a nominal action refused by the frame's subject
	// ("rejected the UN appeal"): the subject becomes the source.
	rejected bool
	// modal marks a demand read from "must" or "should" on the action
	// itself ("Israel must withdraw"): someone else makes it, the
	// speaker of the clause, or no actor at all.
	modal bool
}

// Code finds the events of doc.
func (c *EventCoder) Code(doc *nlp.Doc, in EventInput) []record.Event {
	if c == nil || c.lex == nil || doc == nil {
		return nil
	}
	var out []record.Event
	var prevSource *evActor
	prevCyber, prevForceStrike, prevHazard := false, false, false
	// The dateline's country stands for actors whose sentence names none
	// ("KYIV — Police said …").
	dlCountry := ""
	for _, p := range in.Places {
		if p.Role == record.PlaceDateline && len(p.CountryCode) == 3 {
			dlCountry = p.CountryCode
		}
	}
	filing := in.Mentions != nil && in.Mentions.filing
	for si, sent := range doc.Sents {
		if sent.End <= sent.Start || sent.End > len(doc.Tokens) {
			continue
		}
		s := newESent(doc, sent.Start, sent.End, c.kb, in.Published)
		s.ments = in.Mentions
		s.dlCountry = dlCountry
		s.dlFiling = filing
		s.prevCyber = prevCyber
		s.prevForceStrike = prevForceStrike
		s.prevHazard = prevHazard
		evs, first := c.codeSentence(s, si, in, prevSource)
		out = append(out, evs...)
		prevHazard = s.namesHazard()
		if s.namesCyberAttack() {
			prevCyber = true
		}
		for _, e := range evs {
			act := strings.ToLower(e.Action.Text)
			switch {
			case e.CAMEO == cyberCode && strings.Contains(act, "cyber"):
				prevCyber = true
			case strings.HasPrefix(e.CAMEO, "18") || strings.HasPrefix(e.CAMEO, "19"):
				prevCyber = false
				prevHazard = false
				if strings.Contains(act, "strike") || strings.Contains(act, "struck") {
					prevForceStrike = true
				}
			case strings.HasPrefix(e.CAMEO, "14"):
				prevForceStrike = false
			}
		}
		if first != nil {
			prevSource = first
		}
	}
	return out
}

// findMatches returns the lexicon hits of the sentence, longest pattern
// first at each anchor, never two on the same token.
func (c *EventCoder) findMatches(s *esent) []*match {
	used := make([]bool, s.b-s.a)
	var out []*match
	for i := s.a; i < s.b; i++ {
		if used[i-s.a] {
			continue
		}
		// A capitalised month inside a sentence is the month ("charged
		// in March"), not a march.
		if calendarWords[s.lower(i)] && startsUpper(s.tok(i).Text) && (i > s.a || s.tok(i).POS == "PROPN") {
			continue
		}
		cands := c.lex.byAnchor[s.lemma(i)]
		if len(cands) == 0 && len(c.lex.byAnchor[s.lower(i)]) == 0 {
			cands = c.anchorByForm(s, i)
		}
		if s.lower(i) != s.lemma(i) {
			cands = append(append([]int(nil), cands...), c.lex.byAnchor[s.lower(i)]...)
			sort.SliceStable(cands, func(x, y int) bool {
				return len(c.lex.entries[cands[x]].Words) > len(c.lex.entries[cands[y]].Words)
			})
		}
		for _, ei := range cands {
			e := &c.lex.entries[ei]
			if !posOK(e.POS, s.tok(i)) && !s.participleAsAdjective(e, i) {
				continue
			}
			toks, ok := s.matchAt(i, e.Words, used)
			if !ok {
				continue
			}
			m := &match{entry: e, toks: toks, code: e.Code, frame: -1, modality: record.ModalityActual}
			m.head = s.spanHead(toks)
			// "the men would return to Rome": "return" with no object
			// (active) is going back, not giving back.
			if s.lemma(m.head) == "return" && s.tok(m.head).POS == "VERB" && s.child(m.head, "obj") < 0 && s.child(m.head, "nsubj:pass") < 0 {
				continue
			}
			// "released its results", "results released Monday",
			// "offered no evidence": giving out words or figures is
			// no concession or offer of anything.
			if s.givesInformation(m.head) {
				continue
			}
			// "the fight against graft", "battled the blaze", "plans to
			// appeal", "appealed the verdict": a campaign against a
			// social ill or a hazard is no force, an appeal to a higher
			// court no plea.
			if s.figurativeFight(m) || s.courtAppeal(m) {
				continue
			}
			// "aid workers", "rescue teams", "protest leaders": a noun
			// naming the people or body that do such things is no action.
			if h := s.tok(m.head); h.POS == "NOUN" && baseDep(h.Dep) == "compound" && s.in(h.Head) && doerNouns[s.lemma(h.Head)] {
				continue
			}
			m.rule = "lexicon " + e.Source + " " + e.Pattern
			for _, t := range toks {
				used[t-s.a] = true
			}
			out = append(out, m)
			break
		}
	}
	return out
}

// anchorByForm finds lexicon entries for a verb whose lemma the
// lemmatiser got wrong ("rioted" → "riote", "expelled" → "expell"), by
// undoing regular inflections of its form.
func (c *EventCoder) anchorByForm(s *esent, i int) []int {
	t := s.tok(i)
	if t.POS != "VERB" && !strings.HasPrefix(t.Tag, "VB") && !(t.POS == "ADJ" && strings.HasSuffix(s.lower(i), "ing")) {
		return nil
	}
	for _, b := range inflectionBases(s.lower(i)) {
		if cands := c.lex.byAnchor[b]; len(cands) > 0 {
			return cands
		}
	}
	return nil
}

// inflectionBases lists the words w may be a regular inflection of, most
// likely first: "expelled" → expell, expelle, expel; "blamed" → blam,
// blame; "carries" → carri, carry.
func inflectionBases(w string) []string {
	var out []string
	for _, suf := range []string{"ing", "ied", "ies", "ed", "es", "s", "d"} {
		b, ok := strings.CutSuffix(w, suf)
		if !ok || len(b) < 2 {
			continue
		}
		switch suf {
		case "ied", "ies":
			out = append(out, b+"y")
			continue
		}
		out = append(out, b)
		if suf == "ing" || suf == "ed" {
			out = append(out, b+"e")
			if n := len(b); n >= 3 && b[n-1] == b[n-2] {
				out = append(out, b[:n-1])
			}
		}
	}
	return out
}

// isInflection reports whether w is base or a regular inflection of it.
func isInflection(w, base string) bool {
	if w == base {
		return true
	}
	for _, b := range inflectionBases(w) {
		if b == base {
			return true
		}
	}
	return false
}

func posOK(want byte, t nlp.Token) bool {
	switch want {
	case 'v':
		return t.POS == "VERB" || (t.POS == "ADJ" && strings.HasPrefix(t.Tag, "VB"))
	case 'n':
		return t.POS == "NOUN" || t.POS == "PROPN"
	}
	return true
}

// matchAt matches words starting at token i; up to three modifier tokens
// may sit between two pattern words.
func (s *esent) matchAt(i int, words []string, used []bool) ([]int, bool) {
	toks := []int{i}
	at := i
	for _, w := range words[1:] {
		found := -1
		// A hyphen joining two modifier words does not count as a
		// third ("four water-dropping planes").
		limit := at + 4
		for j := at + 1; j < s.b && j <= limit; j++ {
			if t := s.tok(j); t.Text == "-" && !t.SpaceAfter && j > at+1 {
				limit++
			}
			if used[j-s.a] {
				break
			}
			if s.lemma(j) == w || s.lower(j) == w || len(w) > 3 && isInflection(s.lower(j), w) {
				found = j
				break
			}
			if !gapOK(s.tok(j)) {
				break
			}
		}
		if found < 0 {
			return nil, false
		}
		toks = append(toks, found)
		at = found
	}
	return toks, true
}

func gapOK(t nlp.Token) bool {
	switch t.POS {
	case "DET", "ADJ", "ADV", "NUM", "PRON", "PROPN", "NOUN":
		return true
	case "PART":
		return t.Text == "'s" || t.Text == "’s" || t.Text == "'"
	case "PUNCT":
		return t.Text == "-"
	case "SYM":
		return t.Text == "%" // "imposed 25% tariffs"
	case "VERB":
		// A hyphenated or adjectival participle before a noun modifies it
		// ("anti-dumping duties", "water-dropping planes").
		return (t.Tag == "VBG" || t.Tag == "VBN") && (t.Dep == "amod" || strings.Contains(strings.Trim(t.Text, "-"), "-"))
	}
	return false
}

// spanHead returns the matched token the others depend on.
func (s *esent) spanHead(toks []int) int {
	if len(toks) == 1 {
		return toks[0]
	}
	in := map[int]bool{}
	for _, t := range toks {
		in[t] = true
	}
	for _, t := range toks {
		if !in[s.tok(t).Head] {
			return t
		}
	}
	return toks[0]
}

// codeSentence codes one sentence; it returns the events and the first
// source actor (for pronouns in the next sentence).
func (c *EventCoder) codeSentence(s *esent, si int, in EventInput, prev *evActor) ([]record.Event, *evActor) {
	ms := c.findMatches(s)
	for _, m := range ms {
		// "a drone struck his car" parsed as a participle on "drone":
		// the verb heads the action.
		if s.tok(m.head).POS == "NOUN" {
			for _, v := range m.toks {
				if v == m.head+1 && s.head(v) == m.head && s.misreadFinite(v) {
					m.head = v
				}
			}
		}
	}
	if len(ms) == 0 {
		return nil, nil
	}
	byHead := map[int]*match{}
	for _, m := range ms {
		byHead[m.head] = m
	}
	for _, m := range ms {
		s.frameOf(m, byHead)
	}
	s.orderedCoercion(ms)
	// Background actions in relative and participle clauses ("refugees,
	// who were deployed…", "prisoners held by") are left out when the
	// sentence has a main action of its own.
	if len(ms) > 1 {
		main := 0
		for _, m := range ms {
			if !m.dropped && !s.background(m.head) {
				main++
			}
		}
		if main > 0 {
			for _, m := range ms {
				if s.background(m.head) {
					m.dropped = true
				}
			}
		}
	}
	quote := quoteAt(in.Quotes)
	var out []record.Event
	var first *evActor
	seen := map[string]bool{}
	for _, m := range ms {
		if m.dropped {
			continue
		}
		et, ok := c.kb.CAMEO(m.code)
		if !ok {
			et, ok = c.kb.CAMEO(m.entry.Code)
			if !ok {
				continue
			}
			m.code = et.Code
		}
		q := quote(s.tok(m.head).Start)
		pron := func(p int) *evActor { return s.resolvePronoun(p, q, prev) }
		s.quote = q
		srcs, tgts := s.actorsOf(m, pron)
		// "told its members to strike on Monday", "nurses will strike":
		// workers striking with nothing struck is a labour strike (143),
		// not force (190).
		if (m.code == "190" || strings.HasPrefix(m.code, "138")) && s.lemma(m.head) == "strike" && s.tok(m.head).POS == "VERB" &&
			len(srcs) > 0 && len(srcs[0].code) >= 6 && s.child(m.head, "obj") < 0 &&
			(len(tgts) == 0 && strikingSectors[srcs[0].code[len(srcs[0].code)-3:]] || laborSectors[srcs[0].code[len(srcs[0].code)-3:]]) {
			if e, ok := c.kb.CAMEO("143"); ok {
				m.code, et = "143", e
			}
		}
		// "Of the 200 prisoners freed, 70 were deported": a parse that
		// makes the held the subject of their own release; they are
		// the ones freed, by someone the clause does not name.
		if releaseVerbs[s.lemma(m.head)] && s.tok(m.head).POS == "VERB" && s.child(m.head, "obj") < 0 {
			if sj := s.child(m.head, "nsubj"); sj >= 0 && heldNouns[s.lemma(sj)] {
				srcs, tgts = nil, srcs
			}
		}
		// "70 were deported to Egypt": where the deported are sent is
		// no target of the expulsion.
		if sendVerbs[s.lemma(m.head)] {
			kept := tgts[:0:0]
			for _, t := range tgts {
				dest := false
				for i := t.start; i < t.end && i >= 0; i++ {
					if s.sentTo(i) {
						dest = true
					}
				}
				if !dest {
					kept = append(kept, t)
				}
			}
			tgts = kept
		}
		// "workers launched a strike against General Motors": a strike
		// by a union or workers is a labour strike whatever it is aimed
		// at (the weapon check reads "against" a name as force).
		if m.code == "190" && len(m.toks) == 1 && s.lemma(m.head) == "strike" && s.tok(m.head).POS == "NOUN" && len(srcs) > 0 &&
			len(srcs[0].code) >= 6 && laborSectors[srcs[0].code[len(srcs[0].code)-3:]] {
			if e, ok := c.kb.CAMEO("143"); ok {
				m.code, et = "143", e
			}
		}
		// "Russia's latest strikes": a country's or an army's strikes
		// are force, not a labour strike.
		if m.code == "143" && len(m.toks) == 1 && s.lemma(m.head) == "strike" && s.tok(m.head).POS == "NOUN" && len(srcs) > 0 &&
			(len(srcs[0].code) == 3 && srcs[0].code != "IGO" && srcs[0].code != "NGO" || strings.HasSuffix(srcs[0].code, "MIL")) {
			if e, ok := c.kb.CAMEO("190"); ok {
				m.code, et = "190", e
			}
		}
		if len(srcs) == 0 && len(tgts) == 0 {
			continue
		}
		if len(tgts) == 0 && s.helpsItsOwn(m) {
			continue
		}
		if s.marketDemand(m) || s.marketRally(m) {
			continue
		}
		// "A pickup truck struck a sedan": a vehicle that strikes or
		// hits is a road accident, not an attack. ("A car rammed the
		// crowd" is coded by "ram", which stays.)
		if s.lemma(m.head) == "strike" || s.lemma(m.head) == "hit" {
			if s.vehicleDoer(m.head) {
				continue
			}
		}
		// "Biden's campaign attacked Trump", "the senator attacked the
		// governor": a politician's or party's attack on a person is
		// words (111), not force.
		if strings.HasPrefix(m.code, "19") && s.lemma(m.head) == "attack" && s.tok(m.head).POS == "VERB" &&
			len(srcs) > 0 && s.politicalActor(srcs[0]) && (len(tgts) > 0 && s.personActor(tgts[0]) || s.personObject(m.head)) {
			if e, ok := c.kb.CAMEO("111"); ok {
				m.code, et = "111", e
			}
		}
		// Nobody named as doing it and a target only guessed: too little
		// to be an event record.
		if len(srcs) == 0 && guessedActor(tgts[0]) {
			continue
		}
		for i := range tgts {
			s.capitalAsGovernment(&tgts[i], m.code)
		}
		if len(srcs) == 0 {
			srcs = []evActor{{}}
		}
		mutual := false
		if len(tgts) == 0 {
			// Parties of a mutual action are each other's targets.
			mutual = len(srcs) >= 2 && mutualCode(m.code)
			if mutual {
				tgts = srcs
			} else {
				tgts = []evActor{{}}
			}
		}
		for _, src := range srcs {
			for _, tgt := range tgts {
				if src.code != "" && src.code == tgt.code && src.start == tgt.start {
					continue
				}
				if mutual && src.code == tgt.code {
					continue
				}
				key := src.code + "|" + m.code + "|" + tgt.code
				if seen[key] {
					continue
				}
				seen[key] = true
				ev := c.event(s, si, in, m, et, src, tgt, q)
				out = append(out, ev)
				if first == nil && src.code != "" {
					a := src
					first = &a
				}
			}
		}
	}
	// An action nobody is named as doing adds little when the sentence
	// has events with a known source: keep it only when it is of another
	// kind and has a target.
	if first != nil {
		cats := map[string]bool{}
		for _, e := range out {
			if e.Source != nil {
				cats[e.Plover] = true
			}
		}
		kept := out[:0]
		for _, e := range out {
			if e.Source != nil || (!cats[e.Plover] && e.Target != nil) {
				kept = append(kept, e)
				cats[e.Plover] = true
			}
		}
		out = kept
	}
	out = dropContainedActions(out)
	// "Interior Minister Pablo Vidal said the march had been peaceful.
	// He accused …": a sentence that only reports passes on its speaker,
	// not the source of an earlier sentence.
	if first == nil {
		for i := range in.Quotes {
			q := &in.Quotes[i]
			if q.Cue != nil && q.Speaker != nil && q.Cue.Sentence == si && q.Speaker.Sentence == si {
				if a := s.speakerActor(q); a != nil {
					first = a
					break
				}
			}
		}
	}
	return out, first
}

// doerNouns name the people or bodies an action noun may describe as a
// modifier ("aid workers", "a relief agency", "protest leaders").
var doerNouns = setOf("worker agency group official organization organisation staff volunteer leader team employee activist organizer organiser coordinator")

// vehicleDoer reports whether the one doing verb v is a vehicle: its
// subject, the subject of the verb it is coordinated with ("crossed the
// line and struck a car"), or the noun a participle or relative clause
// on the verb modifies ("a truck heading south struck …" read as one,
// "the car that hit her").
func (s *esent) vehicleDoer(v int) bool {
	for i := 0; i < 3 && v >= 0; i++ {
		if sub := s.child(v, "nsubj"); sub >= 0 {
			return vehicleNouns[s.lemma(sub)]
		}
		switch s.dep(v) {
		case "conj":
			v = s.head(v)
		case "acl", "acl:relcl":
			if h := s.head(v); h >= 0 && vehicleNouns[s.lemma(h)] {
				return true
			}
			return s.openingVehicle(v)
		default:
			return s.openingVehicle(v)
		}
	}
	return false
}

// openingVehicle reports whether the sentence opens, before v, with a
// noun phrase headed by a vehicle: the parser sometimes hangs a long
// subject ("A pickup truck heading south crossed …") on a later word.
func (s *esent) openingVehicle(v int) bool {
	for i := s.a; i < v; i++ {
		switch s.tok(i).POS {
		case "DET", "ADJ", "NUM":
			continue
		case "NOUN":
			if i+1 < v && s.tok(i+1).POS == "NOUN" {
				continue // "pickup truck"
			}
			return vehicleNouns[s.lemma(i)]
		}
		return false
	}
	return false
}

// vehicleNouns are road and rail vehicles, whose "striking" someone is an
// accident.
var vehicleNouns = setOf("car truck pickup sedan van vehicle bus minibus lorry train tram motorcycle motorbike suv tractor trailer taxi cab jeep")

// strikingSectors are the civilian sectors whose members strike in the
// labour sense: workers, teachers, health staff, businesses, farmers.
var strikingSectors = setOf("LAB EDU HLH BUS AGR CVL MED")

// dropContainedActions keeps one event where two share their actors and
// one's action text holds the other's: "refused offers of assistance"
// is one refusal, not one of offers and another of assistance.
func dropContainedActions(evs []record.Event) []record.Event {
	code := func(a *record.Actor) string {
		if a == nil {
			return ""
		}
		return a.Code
	}
	kept := evs[:0:0]
	for i, e := range evs {
		inside := false
		for j, o := range evs {
			if i == j || code(e.Source) != code(o.Source) || code(e.Target) != code(o.Target) {
				continue
			}
			ea, oa := e.Action, o.Action
			if oa.Start <= ea.Start && ea.End <= oa.End && (oa.End-oa.Start > ea.End-ea.Start || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, e)
		}
	}
	return kept
}

// personActor reports whether actor a is a person the article names.
func (s *esent) personActor(a evActor) bool {
	if s.ments == nil || a.start < 0 || a.start >= len(s.ments.ByToken) {
		return false
	}
	for i := a.start; i < a.end && i < len(s.ments.ByToken); i++ {
		if e := s.ments.ByToken[i]; e >= 0 && s.ments.Entities[e].Kind == record.KindPerson {
			return true
		}
	}
	return false
}

// personObject reports whether the object of verb v names a person.
func (s *esent) personObject(v int) bool {
	o := s.child(v, "obj")
	if o < 0 || s.ments == nil || o >= len(s.ments.ByToken) {
		return false
	}
	e := s.ments.ByToken[o]
	return e >= 0 && s.ments.Entities[e].Kind == record.KindPerson
}

// politicalActor reports whether a fights with words: a person, or a
// party, campaign, legislature or outlet.
func (s *esent) politicalActor(a evActor) bool {
	if len(a.code) == 6 && politicalSectors[a.code[3:]] {
		return true
	}
	if p, ok := s.personAt(a.start); ok {
		return len(p.Code) != 6 || !armedSectors[p.Code[3:]]
	}
	return false
}

var politicalSectors = setOf("ELI PTY OPP LEG MED")
var armedSectors = setOf("MIL REB INS SEP UAF")

// sendVerbs send people somewhere: the place after "to" is where.
var sendVerbs = setOf("deport expel extradite repatriate exile")

// sentTo reports a token of the place a verb of sendVerbs sends people
// to: "were deported to Egypt", and "deported 70 migrants to Tunisia"
// where the parser hangs the place on the object.
func (s *esent) sentTo(i int) bool {
	for j, step := i, 0; j >= 0 && step < 3; j, step = s.head(j), step+1 {
		if c := s.caseOf(j); c == "to" || c == "into" {
			p := s.head(j)
			if p < 0 {
				return false
			}
			if sendVerbs[s.lemma(p)] && baseDep(s.dep(j)) == "obl" {
				return true
			}
			q := s.head(p)
			return q >= 0 && baseDep(s.dep(j)) == "nmod" && baseDep(s.dep(p)) == "obj" && sendVerbs[s.lemma(q)]
		}
	}
	return false
}

// heldNouns name people held, who are freed rather than free anyone.
var heldNouns = setOf("prisoner detainee hostage captive inmate abductee")

// laborSectors are the actors whose strikes are labour strikes even when
// aimed at a named body: unions and the trades that walk out.
var laborSectors = setOf("LAB EDU HLH AGR")

// event builds the record.
func (c *EventCoder) event(s *esent, si int, in EventInput, m *match, et kb.EventType, src, tgt evActor, q *record.Quote) record.Event {
	lo, hi := m.toks[0], m.toks[len(m.toks)-1]
	if m.frame >= 0 && m.frame < lo {
		lo = m.frame
	}
	st, en := s.tok(lo).Start, s.tok(hi).End
	ev := record.Event{
		CAMEO:     et.Code,
		Plover:    ploverOf(et),
		Goldstein: et.Goldstein,
		QuadClass: et.QuadClass,
		Action: record.Evidence{
			ArticleID: in.ArticleID, Start: st, End: en, Sentence: si,
			Rule: m.rule, Text: s.doc.Text[st:en],
		},
		Polarity: record.PolarityAsserted,
		Modality: m.modality,
	}
	if m.negated {
		ev.Polarity = record.PolarityNegated
	}
	if src.code != "" {
		ev.Source = s.recordActor(src, in.ArticleID, si)
	}
	if tgt.code != "" {
		ev.Target = s.recordActor(tgt, in.ArticleID, si)
	}
	if q != nil {
		ev.ReportedBy = q.SpeakerName
		if ev.ReportedBy == "" && q.Speaker != nil {
			ev.ReportedBy = q.Speaker.Text
		}
		if ev.Modality == record.ModalityActual {
			ev.Modality = record.ModalityReported
		}
	}
	ev.Date = s.dateFor(m.head, in.Times)
	ev.Place = s.placeFor(m, in.Places)
	ev.ID = recordID("event", in.ArticleID, st, en, codeOf(ev.Source), ev.CAMEO, codeOf(ev.Target))
	return ev
}

func codeOf(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// ploverOf is the PLOVER category of a CAMEO code. PLOVER codes an
// intention to cooperate ("offered to", "will provide") as AGREE, which
// is how the PLOVER gold-standard records code CAMEO's 03 family.
func ploverOf(et kb.EventType) string {
	if et.Mode == "intend" || et.Root() == "03" {
		return "AGREE"
	}
	return et.PLOVER
}

// quoteAt returns a function finding the quote whose content covers a
// byte offset.
func quoteAt(qs []record.Quote) func(int) *record.Quote {
	return func(off int) *record.Quote {
		for i := range qs {
			c := qs[i].Content
			if c.Start <= off && off < c.End {
				return &qs[i]
			}
		}
		return nil
	}
}

// dateFor picks the time expression of the sentence nearest to the action,
// or "" when the sentence has none.
// timeOfInnerClause reports whether the time written at [start, end)
// belongs to another verb inside the action's own clause: in "rejected
// the count and called on supporters to march on Friday" the Friday is
// the march's, not the rejection's or the call's.
// timeOutsideRelativeClause reports whether the action at head is in a
// clause dated relative to another ("a day after Washington imposed
// duties", "before the talks began") and the time at [start, end) lies
// outside that clause: the other clause's date is not the action's.
func (s *esent) timeOutsideRelativeClause(head, start, end int) bool {
	mk := s.child(head, "mark")
	if mk < 0 {
		return false
	}
	switch s.lower(mk) {
	case "after", "before", "since":
	default:
		return false
	}
	for i := s.a; i < s.b; i++ {
		if t := s.tok(i); t.Start >= start && t.End <= end {
			for u, step := i, 0; u >= 0 && step < 12; u, step = s.head(u), step+1 {
				if u == head {
					return false
				}
			}
			return true
		}
	}
	return false
}

// spanHeadAt returns the token of the expression at bytes [start, end)
// whose head lies outside it, or -1.
func (s *esent) spanHeadAt(start, end int) int {
	for i := s.a; i < s.b; i++ {
		if t := s.tok(i); t.Start >= start && t.End <= end {
			if h := s.head(i); h < 0 || s.tok(h).Start < start || s.tok(h).End > end {
				return i
			}
		}
	}
	return -1
}

// timeInOtherRelative reports whether the time at [start, end) lies in a
// relative clause that does not hold the action: in "blamed Russia for a
// cyberattack that disrupted the railway last week, and summoned its
// envoy", last week is the attack's date, not the summons'.
func (s *esent) timeInOtherRelative(head, start, end int) bool {
	ti := s.spanHeadAt(start, end)
	if ti < 0 {
		return false
	}
	rel := -1
	for u, step := s.head(ti), 0; u >= 0 && step < 12; u, step = s.head(u), step+1 {
		if u == head {
			return false
		}
		if d := s.dep(u); d == "acl:relcl" || d == "acl" {
			rel = u
			break
		}
	}
	if rel < 0 {
		return false
	}
	for u, step := s.head(head), 0; u >= 0 && step < 12; u, step = s.head(u), step+1 {
		if u == rel {
			return false
		}
	}
	return true
}

func (s *esent) timeOfInnerClause(head, start, end int) bool {
	ti := s.spanHeadAt(start, end)
	if ti < 0 {
		return false
	}
	// The first verb above the time.
	v := s.head(ti)
	for step := 0; step < 6 && v >= 0 && s.tok(v).POS != "VERB"; step++ {
		if v == head {
			return false
		}
		v = s.head(v)
	}
	// A reporting verb's time ("…, the ministry said on Wednesday") is
	// the date of what it reports, wherever the parser hung it.
	if v < 0 || v == head || s.tok(v).POS != "VERB" || speechCue[s.lemma(v)] {
		return false
	}
	// Is that verb below the action in the tree?
	for u, step := s.head(v), 0; u >= 0 && step < 12; u, step = s.head(u), step+1 {
		if u == head {
			return true
		}
	}
	return false
}

func (s *esent) dateFor(head int, times []record.Time) string {
	lo, hi := s.tok(s.a).Start, s.tok(s.b-1).End
	at := s.tok(head).Start
	best, bestD := "", -1
	for _, t := range times {
		if t.Evidence.Start < lo || t.Evidence.End > hi || t.From == "" {
			continue
		}
		if s.timeOfInnerClause(head, t.Evidence.Start, t.Evidence.End) || s.timeOutsideRelativeClause(head, t.Evidence.Start, t.Evidence.End) ||
			s.timeInOtherRelative(head, t.Evidence.Start, t.Evidence.End) {
			continue
		}
		d := t.Evidence.Start - at
		if d < 0 {
			d = -d
		}
		if bestD < 0 || d < bestD {
			best, bestD = t.From, d
			switch t.Precision {
			case record.PrecisionMonth:
				if len(t.From) >= 7 {
					best = t.From[:7]
				}
			case record.PrecisionYear:
				if len(t.From) >= 4 {
					best = t.From[:4]
				}
			}
		}
	}
	return best
}

// placeFor returns the ID of the place where the event happens: a place
// in a locative phrase ("in", "at", "near", "to", "on") of the action or of
// its target. The place's role becomes record.PlaceEvent.
func (s *esent) placeFor(m *match, places []record.Place) string {
	cands := []int{m.head}
	for _, c := range s.deps(m.head) {
		if d := baseDep(s.dep(c)); d == "obl" || d == "nmod" || d == "obj" || d == "advmod" {
			cands = append(cands, c)
			for _, cc := range s.deps(c) {
				if baseDep(s.dep(cc)) == "nmod" {
					cands = append(cands, cc)
				}
			}
		}
	}
	for _, ci := range cands[1:] {
		cs := s.caseOf(ci)
		if cs != "in" && cs != "at" && cs != "near" && cs != "to" && cs != "on" && cs != "into" && cs != "inside" && cs != "outside" && s.dep(ci) != "obj" {
			continue
		}
		a, b := s.nameSpan(ci)
		st, en := s.tok(a).Start, s.tok(b-1).End
		for pi := range places {
			ev := places[pi].Evidence
			if ev.Start < en && st < ev.End {
				places[pi].Role = record.PlaceEvent
				return places[pi].ID
			}
		}
	}
	return ""
}

// background reports whether token i heads a relative or participle
// clause modifying a noun.
func (s *esent) background(i int) bool {
	d := s.dep(i)
	if d == "acl" && s.misreadFinite(i) {
		return false
	}
	return d == "acl:relcl" || d == "acl"
}

// reducedRelative returns the noun a past participle at i modifies when
// the parser made the pair a clause that is itself the subject of another
// verb ("[an aid worker kidnapped in Mali] has been freed"): a finite
// verb cannot be a subject without "that", so the verb is a participle
// on the noun just before it. It is -1 otherwise.
func (s *esent) reducedRelative(i int) int {
	if t := s.tok(i).Tag; t != "VBD" && t != "VBN" {
		return -1
	}
	switch s.dep(i) {
	case "nsubj", "nsubj:pass", "csubj", "csubj:pass":
	default:
		return -1
	}
	n := s.child(i, "nsubj")
	if n < 0 || n != i-1 || s.child(i, "obj") >= 0 || s.child(i, "aux") >= 0 || s.child(i, "mark") >= 0 {
		return -1
	}
	return n
}

// misreadFinite reports a past verb the parser read as a participle on
// the noun before it when the two make a clause of their own: in "when a
// drone struck his car" the participle has a direct object and its noun
// is no argument of any other verb.
func (s *esent) misreadFinite(i int) bool {
	n := s.head(i)
	if n < 0 || n != i-1 || s.tok(i).Tag != "VBN" || s.child(i, "obj") < 0 {
		return false
	}
	switch baseDep(s.dep(n)) {
	case "parataxis", "root", "dep":
		return s.child(n, "det") >= 0
	}
	return false
}

// orderedCoercion folds "ordered X jailed", "ordered the journalist
// detained" into one coercion by the one who ordered it: a court that
// orders a man held has him held (the order is how the act is done, not a
// demand to someone else), and the man is the target, not the source of
// "jailed". The participle must follow the object within a few words of
// a noun phrase.
func (s *esent) orderedCoercion(ms []*match) {
	for _, m := range ms {
		if m.dropped || s.lemma(m.head) != "order" || !strings.HasPrefix(s.tok(m.head).Tag, "VB") {
			continue
		}
		for _, n := range ms {
			if n == m || n.dropped || n.head <= m.head+1 || n.head > m.head+7 || !strings.HasPrefix(n.code, "17") {
				continue
			}
			if tag := s.tok(n.head).Tag; tag != "VBN" && tag != "VBD" {
				continue
			}
			np := true
			for i := m.head + 1; i < n.head; i++ {
				switch s.tok(i).POS {
				case "DET", "ADJ", "NOUN", "PROPN", "NUM":
				case "PART":
					np = s.lower(i) == "'s" || s.lower(i) == "’s"
				default:
					np = false
				}
			}
			if !np {
				continue
			}
			m.code, m.modality, m.rule = n.code, record.ModalityActual, m.rule+" + ordered "+s.lower(n.head)
			n.dropped = true
			break
		}
	}
}

// givesInformation reports a verb of giving ("release", "offer") whose
// thing given is information: its object, its passive subject or the
// noun a participle of it modifies ("results released Monday").
func (s *esent) givesInformation(h int) bool {
	if l := s.lemma(h); l != "release" && l != "offer" {
		return false
	}
	if s.tok(h).POS != "VERB" {
		return false
	}
	for _, c := range s.deps(h) {
		if d := s.dep(c); (d == "obj" || d == "nsubj:pass") && infoNouns[s.lemma(c)] {
			return true
		}
	}
	if p := s.head(h); p >= 0 && baseDep(s.dep(h)) == "acl" && infoNouns[s.lemma(p)] {
		return true
	}
	return false
}

// infoNouns name words, figures and records, which are released or
// offered without anyone conceding or promising anything.
var infoNouns = setOf(`result results report statement figure figures data detail details evidence proof video
footage photo photos image images picture pictures recording transcript document documents finding findings list
explanation comment comments information account timeline poll survey statistic statistics estimate estimates
budget forecast album song book film`)

// helpsItsOwn reports a helping or supporting action (CAMEO 05, 07) whose
// object is the doer's own thing, not another party: "to fund its
// activities", "to defend its interests". Such a sentence says how an
// actor spends or guards its own, which is no interaction between actors.
func (s *esent) helpsItsOwn(m *match) bool {
	if len(m.code) < 2 || m.code[:2] != "05" && m.code[:2] != "07" || s.tok(m.head).POS != "VERB" {
		return false
	}
	o := s.child(m.head, "obj")
	if o < 0 || s.tok(o).POS != "NOUN" || actorNouns[s.lemma(o)] {
		return false
	}
	p := s.child(o, "nmod:poss")
	return p >= 0 && ownPossessives[s.lower(p)]
}

// ownPossessives are the possessive pronouns that point back at a body
// or a group doing the action (not "his" or "her", often another person).
var ownPossessives = setOf("its their our")

// namesCyberAttack reports a sentence that tells of an intrusion into
// computers without the word "cyberattack": "Hackers stole the data of
// 9.7 million customers", "a ransomware gang encrypted its servers". A
// later "the attack" takes that attack up (see refineWeapon).
func (s *esent) namesCyberAttack() bool {
	for i := s.a; i < s.b; i++ {
		if cyberWords[s.lemma(i)] || cyberWords[s.lower(i)] {
			return true
		}
	}
	return false
}

// cyberWords name intruders into computers and their tools.
var cyberWords = setOf("hacker hackers ransomware malware spyware phishing")

// marketDemand reports the noun "demand" in its market sense: singular,
// with no article or possessor ("tepid demand growth", "global demand
// for oil", "5.7% of demand"), or modifying another noun. A demand put
// to someone is "a demand", "their demands", "the demand that …".
func (s *esent) marketDemand(m *match) bool {
	h := m.head
	if len(m.toks) != 1 || s.lemma(h) != "demand" || s.tok(h).POS != "NOUN" || s.tok(h).Tag != "NN" {
		return false
	}
	if s.dep(h) == "compound" {
		// "demand growth", "the demand outlook"; not "its demand today",
		// a parse that makes the demand a modifier of the date.
		p := s.head(h)
		return p >= 0 && marketHeads[s.lemma(p)]
	}
	return s.child(h, "det") < 0 && s.child(h, "nmod:poss") < 0 && s.child(h, "acl") < 0
}

// marketRally reports a rally of prices, not of people: "stocks
// rallied", "Wall Street rallied", "the rupee rallied against the
// dollar", "a rally in bonds", "a market rally".
func (s *esent) marketRally(m *match) bool {
	h := m.head
	if len(m.toks) != 1 || s.lemma(h) != "rally" {
		return false
	}
	market := func(i int) bool {
		if i < 0 {
			return false
		}
		w, l := s.lower(i), s.lemma(i)
		if marketSubjects[l] || marketSubjects[w] || unitCategory[w] == "money" || unitCategory[l+"s"] == "money" {
			return true
		}
		// "Wall Street", "the Nasdaq": a market named by its street or
		// index.
		if a, ok := s.k.Metonym(s.doc.SpanText(max(i-1, s.a), i+1)); ok && strings.HasSuffix(a.Code, "BUS") {
			return true
		}
		return false
	}
	if s.tok(h).POS == "VERB" {
		sj := s.child(h, "nsubj")
		if sj < 0 && baseDep(s.dep(h)) == "acl" {
			sj = s.head(h) // "Stocks rallied in Tokyo", parsed as a participle on "Stocks"
		}
		return market(sj)
	}
	for _, c := range s.deps(h) {
		switch d := baseDep(s.dep(c)); {
		case d == "compound" || d == "amod":
			if market(c) {
				return true
			}
		case d == "nmod" && s.caseOf(c) == "in":
			if market(c) {
				return true
			}
		}
	}
	return false
}

// marketSubjects are what rallies on a market: prices, shares, indexes,
// currencies and commodities.
var marketSubjects = setOf(`stock stocks share shares equity equities market markets index indices indexes
bond bonds price prices currency currencies dollar euro yen yuan pound sterling rupee oil crude gold
silver copper commodity commodities futures dow nasdaq ftse nikkei dax cac hang sensex bitcoin
treasuries treasury yields bourse exchange investors traders`)

// figurativeFight reports a fight, battle or war whose foe is a social
// ill, a disease or a hazard, not an actor: "the fight against graft",
// "a war on drugs", "firefighters battled the blaze".
func (s *esent) figurativeFight(m *match) bool {
	h := m.head
	if len(m.toks) != 1 || !fightWords[s.lemma(h)] {
		return false
	}
	for _, c := range s.deps(h) {
		d := baseDep(s.dep(c))
		cs := s.caseOf(c)
		if d == "obj" && s.tok(h).POS == "VERB" || (d == "obl" || d == "nmod") && (cs == "against" || cs == "on") {
			return abstractFoes[s.lemma(c)] || abstractFoes[s.lower(c)]
		}
	}
	// "made the fight against graft a priority": the parser may hang
	// the phrase on the verb; read the words after the noun.
	if s.in(h+2) && (s.lower(h+1) == "against" || s.lower(h+1) == "on") {
		for j := h + 2; j < s.b && j <= h+4; j++ {
			if abstractFoes[s.lemma(j)] || abstractFoes[s.lower(j)] {
				return true
			}
			if s.tok(j).POS != "DET" && s.tok(j).POS != "ADJ" {
				break
			}
		}
	}
	return false
}

// fightWords are the words of fighting that also name campaigns.
var fightWords = setOf("fight battle war combat")

// abstractFoes are social ills, diseases and hazards one fights without
// fighting anyone.
var abstractFoes = setOf(`corruption graft bribery fraud poverty hunger inflation unemployment crime
drug drugs trafficking smuggling disease diseases virus epidemic pandemic outbreak cholera malaria
measles ebola cancer hiv aids tuberculosis polio dengue covid covid-19 fire fires blaze blazes flames
wildfire wildfires flood floods flooding drought climate misinformation disinformation obesity
illiteracy inequality racism discrimination impunity piracy poaching deforestation pollution`)

// courtAppeal reports "appeal" in its legal sense: a verb with no "to"
// or "for" and no clause after it ("plans to appeal", "appealed the
// verdict", "will appeal against the ruling"), or the noun with
// "against" or after "lodge", "file", "lose", "win" and the like.
func (s *esent) courtAppeal(m *match) bool {
	h := m.head
	if len(m.toks) != 1 || s.lemma(h) != "appeal" {
		return false
	}
	for _, c := range s.deps(h) {
		switch cs := s.caseOf(c); {
		case cs == "to" || cs == "for":
			return false
		case cs == "against":
			return true
		}
		switch baseDep(s.dep(c)) {
		case "xcomp", "ccomp", "acl":
			return false
		case "obj":
			if s.tok(h).POS == "VERB" {
				return judgmentNouns[s.lemma(c)]
			}
		}
	}
	if s.tok(h).POS == "VERB" {
		return true
	}
	p := s.head(h)
	return p >= 0 && baseDep(s.dep(h)) == "obj" && appealVerbs[s.lemma(p)]
}

// judgmentNouns are what one appeals against in court.
var judgmentNouns = setOf("ruling verdict sentence decision conviction judgment judgement order acquittal")

// appealVerbs take a court appeal as their object.
// ("rejected an appeal" may refuse a plea as well).
var appealVerbs = setOf("lodge file lose win hear uphold submit")

// marketHeads are nouns "demand" modifies in its market sense.
var marketHeads = setOf("growth outlook forecast side shock slump recovery destruction weakness")

// participleAsAdjective reports a verb pattern of several words whose
// first word the tagger read as an adjective in "-ing" ("by imposing
// tariffs", tagged as in "an imposing building"): the pattern's object
// must follow, which the adjective reading does not allow for.
func (s *esent) participleAsAdjective(e *LexiconEntry, i int) bool {
	return e.POS == 'v' && len(e.Words) > 1 && s.tok(i).POS == "ADJ" && strings.HasSuffix(s.lower(i), "ing")
}
