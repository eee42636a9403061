package extract

import (
	"strings"
	"unicode"

	"dateline/kb"
	"dateline/nlp"
	"dateline/record"
)

// evActor is an actor found for an event: its code, the token span that
// justifies it and the rule that coded it.
type evActor struct {
	code       string
	name       string
	start, end int // token span [start, end)
	rule       string
}

// esent is one sentence prepared for event coding: lower-case lemmas and
// the dependents of every token.
type esent struct {
	doc       *nlp.Doc
	a, b      int // token range [a, b)
	lem       []string
	low       []string
	kids      [][]int
	k         *kb.KB
	published string
	country   *string // sentCountry, computed on first use
	ments     *Mentions
	dlCountry string // CAMEO code of the dateline's country, "" for none
	// dlFiling: the dateline is only where the story was filed (an
	// international body's seat whose country the text never names);
	// only the police there are that country's.
	dlFiling bool
	// prevCyber: the last attack an earlier sentence named was a
	// cyberattack ("the attack" then means that one).
	prevCyber bool
	// prevForceStrike: an earlier sentence named a military strike and
	// no labour action since ("the strike" then means that one).
	prevForceStrike bool
	// prevHazard: the sentence before named a natural hazard and no
	// attack since ("more than 1,400 people were injured" after "a
	// magnitude 6.8 earthquake struck").
	prevHazard bool
	// quote is the quotation whose content holds the action being
	// coded, nil for none.
	quote *record.Quote
}

func newESent(doc *nlp.Doc, a, b int, k *kb.KB, published string) *esent {
	s := &esent{doc: doc, a: a, b: b, k: k, published: published}
	n := b - a
	words := make([]string, 2*n) // one allocation for both lists
	s.low, s.lem = words[:n:n], words[n:]
	s.kids = make([][]int, n)
	// the dependents of every token, in order, in one array: count
	// them, give each head its share, then fill the shares
	counts := make([]int32, n+1)
	for i := a; i < b; i++ {
		t := &doc.Tokens[i]
		s.low[i-a] = strings.ToLower(t.Text)
		switch l := t.Lemma; {
		case l == "" || l == t.Text:
			s.lem[i-a] = s.low[i-a]
		default:
			s.lem[i-a] = strings.ToLower(l)
		}
		if h := t.Head; h >= a && h < b && h != i {
			counts[h-a+1]++
		}
	}
	for j := 1; j <= n; j++ {
		counts[j] += counts[j-1]
	}
	if counts[n] == 0 {
		return s
	}
	// counts[k] is now where head k's share starts; filling moves it to
	// where the share ends, which is where k+1's starts
	all := make([]int, counts[n])
	for i := a; i < b; i++ {
		if h := doc.Tokens[i].Head; h >= a && h < b && h != i {
			all[counts[h-a]] = i
			counts[h-a]++
		}
	}
	lo := int32(0)
	for k := range n {
		if hi := counts[k]; hi > lo {
			s.kids[k] = all[lo:hi:hi]
			lo = hi
		}
	}
	return s
}

func (s *esent) tok(i int) nlp.Token { return s.doc.Tokens[i] }
func (s *esent) lemma(i int) string  { return s.lem[i-s.a] }
func (s *esent) lower(i int) string  { return s.low[i-s.a] }
func (s *esent) deps(i int) []int    { return s.kids[i-s.a] }
func (s *esent) in(i int) bool       { return i >= s.a && i < s.b }

// head returns i's head inside the sentence, or -1.
func (s *esent) head(i int) int {
	h := s.tok(i).Head
	if h < s.a || h >= s.b || h == i {
		return -1
	}
	return h
}

// dep returns i's relation without its subtype ("nsubj:pass" → "nsubj")
// and the full relation.
func (s *esent) dep(i int) string { return s.tok(i).Dep }

func baseDep(d string) string {
	if j := strings.IndexByte(d, ':'); j >= 0 {
		return d[:j]
	}
	return d
}

// child returns the first dependent of i with relation rel (exact match).
// A subject marked as a possessor gives way to a later one: the parser
// reads "Qatar's Prime Minister Sheikh Mohammed … urged" as two subjects,
// and the possessor is not the one who acts.
func (s *esent) child(i int, rels ...string) int {
	first := -1
	for _, c := range s.deps(i) {
		for _, r := range rels {
			if s.dep(c) == r {
				if first < 0 {
					first = c
				}
				if !strings.HasPrefix(r, "nsubj") || !s.possessor(c) {
					return c
				}
			}
		}
	}
	return first
}

// possessor reports a token marked by a possessive "'s" of its own.
func (s *esent) possessor(c int) bool {
	for _, k := range s.deps(c) {
		if s.dep(k) == "case" && (s.lower(k) == "'s" || s.lower(k) == "’s" || s.lower(k) == "'" || s.lower(k) == "’") {
			return true
		}
	}
	return false
}

// caseOf returns the lower-case preposition marking i ("case" dependent),
// or "".
func (s *esent) caseOf(i int) string {
	for _, c := range s.deps(i) {
		if s.dep(c) == "case" && s.tok(c).POS != "PART" {
			return s.lower(c)
		}
	}
	return ""
}

// conjuncts returns i followed by the tokens coordinated with it.
func (s *esent) conjuncts(i int) []int {
	out := []int{i}
	for k := 0; k < len(out) && k < 8; k++ {
		for _, c := range s.deps(out[k]) {
			if s.dep(c) == "conj" && isNominal(s.tok(c).POS) {
				out = append(out, c)
			}
		}
	}
	return out
}

func isNominal(pos string) bool {
	return pos == "NOUN" || pos == "PROPN" || pos == "PRON" || pos == "ADJ" || pos == "NUM" || pos == "X"
}

// pronouns that may stand for an actor.
var actorPronouns = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"his": true, "her": true, "its": true, "their": true, "our": true,
}

// npMods returns the modifiers of an actor head that can carry its code:
// compounds, adjectives, possessors, flat name parts and appositions, with
// their own coordinated modifiers ("Hungarian and Romanian officials").
func (s *esent) npMods(h int) []int {
	var out []int
	var walk func(i, depth int)
	walk = func(i, depth int) {
		if depth > 3 {
			return
		}
		for _, c := range s.deps(i) {
			switch s.dep(c) {
			case "compound", "amod", "nmod:poss", "flat", "flat:name", "appos", "nmod:npmod", "nmod:desc":
				out = append(out, c)
				walk(c, depth+1)
			case "conj":
				if i != h {
					out = append(out, c)
					walk(c, depth+1)
				}
			}
		}
	}
	walk(h, 0)
	return out
}

// nameSpan returns the entity span (from the recogniser) covering token i,
// or the run of proper nouns around it.
func (s *esent) nameSpan(i int) (int, int) {
	for _, e := range s.doc.Ents {
		if e.Start <= i && i < e.End {
			// "Guinea-Bissau", read as two spans joined by a hyphen.
			a, b := e.Start, e.End
			toks := s.doc.Tokens
			if a >= 1 && toks[a-1].Text == "-" { // cheap test first: names rarely touch a hyphen
				for _, f := range s.doc.Ents {
					if f.End == a-1 && s.in(f.Start) {
						if hyphenJoin(s.doc, s.k, map[int]int{a: b}, f.Start, f.End) == b {
							a = f.Start
						}
					}
				}
			}
			if b < len(toks) && toks[b].Text == "-" {
				spanEnd := map[int]int{}
				for _, f := range s.doc.Ents {
					spanEnd[f.Start] = f.End
				}
				if ne := hyphenJoin(s.doc, s.k, spanEnd, a, b); ne <= s.b {
					b = ne
				}
			}
			return s.hyphenatedActor(a, b)
		}
	}
	a, b := i, i+1
	if !properName(s.tok(i)) {
		return a, b
	}
	for a > s.a && properName(s.tok(a-1)) {
		a--
	}
	for b < s.b && properName(s.tok(b)) {
		b++
	}
	return s.hyphenatedActor(a, b)
}

// hyphenatedActor widens the name [a, b) over a hyphen written without
// spaces to the proper name after it when the actor dictionary knows the
// whole ("Mercedes-Benz", "Rolls-Royce"): the tagger splits such names and
// the first part alone is often a place (Mercedes, Argentina).
func (s *esent) hyphenatedActor(a, b int) (int, int) {
	if b+1 >= s.b || s.tok(b).Text != "-" || s.tok(b-1).SpaceAfter || s.tok(b).SpaceAfter || !properName(s.tok(b+1)) {
		return a, b
	}
	e := b + 1
	for e < s.b && properName(s.tok(e)) {
		e++
	}
	if ac, ok := s.k.Actor(s.doc.SpanText(a, e), s.published); ok && ac.Code != "" {
		return a, e
	}
	return a, b
}

// properName reports whether a token is part of a name: a proper noun, or
// a word the tagger calls NNP whatever its universal tag ("Arab" in "Arab
// League" is often tagged ADJ).
func properName(t nlp.Token) bool {
	return t.POS == "PROPN" || strings.HasPrefix(t.Tag, "NNP")
}

// placeOK reports whether the name at token i may be looked up in the
// gazetteer: the recogniser tagged it a location, or tagged nothing.
func (s *esent) placeOK(i int) bool {
	// A word of a person's name the entities joined ("Marcelo Rebelo
	// de Sousa") is no town, whatever the recogniser said of it.
	if s.ments.personAt(i) {
		return false
	}
	for _, e := range s.doc.Ents {
		if e.Start <= i && i < e.End {
			return e.Label == "LOC" || e.Label == "GPE"
		}
	}
	return s.tok(i).POS == "PROPN" && !s.titleWord(i)
}

// titleWord reports a capitalised word of a title before a name, alone
// or with the word next to it ("King", "Crown Prince"): Prince is a town
// in Canada, but not in "Crown Prince Salman".
func (s *esent) titleWord(i int) bool {
	if !s.in(i) {
		// A word of another sentence (a quote's speaker named earlier):
		// read it alone.
		_, ok := s.k.RoleSector(strings.ToLower(s.tok(i).Text))
		return ok
	}
	w := s.lower(i)
	if _, ok := s.k.RoleSector(w); ok {
		return true
	}
	if s.in(i - 1) {
		if _, ok := s.k.RoleSector(s.lower(i-1) + " " + w); ok {
			return true
		}
	}
	if s.in(i + 1) {
		if _, ok := s.k.RoleSector(w + " " + s.lower(i+1)); ok {
			return true
		}
	}
	return false
}

// sentCountry returns the first country named in the sentence (by name,
// demonym or place), for people whose country the sentence only implies:
// "President Omar El Bashir … the curfew imposed in Sudan".
func (s *esent) sentCountry() string {
	if s.country != nil {
		return *s.country
	}
	// Where people are deported to is not where those deporting them
	// belong: "Authorities deported 70 migrants to Tunisia".
	c := s.countryOutside("", s.sentTo)
	s.country = &c
	return c
}

// addressVerbs ask or press someone else to act; their object is not the
// speaker's own side ("ordered" and "instructed" are left out: one orders
// one's own).
var addressVerbs = setOf(`urge call appeal ask press implore plead exhort`)

// countryOnlyInAddresser reports whether h lies in what a verb of
// addressVerbs asks of someone and every country the sentence names is
// inside that verb's subject ("A spokesman for the French Foreign
// Ministry urged the soldiers to release the president").
func (s *esent) countryOnlyInAddresser(h int) bool {
	subj := -1
	for v, step := s.head(h), 0; v >= 0 && step < 6; v, step = s.head(v), step+1 {
		if addressVerbs[s.lemma(v)] {
			subj = s.child(v, "nsubj")
			break
		}
	}
	if subj < 0 {
		return false
	}
	inSubj := func(i int) bool {
		for j, step := i, 0; j >= 0 && step < 12; j, step = s.head(j), step+1 {
			if j == subj {
				return true
			}
		}
		return false
	}
	return s.countryOutside("", inSubj) == ""
}

// countryOtherThan returns the first country named in the sentence (as
// sentCountry reads them) whose code is not not.
func (s *esent) countryOtherThan(not string) string {
	return s.countryOutside(not, nil)
}

// countryOutside is countryOtherThan over the tokens skip does not
// exclude.
func (s *esent) countryOutside(not string, skip func(int) bool) string {
	c := ""
	for i := s.a; i < s.b && c == ""; i++ {
		if skip != nil && skip(i) || s.personNamedAsCountry(i) {
			continue
		}
		t := s.tok(i)
		if !startsUpper(t.Text) || (t.POS != "PROPN" && t.POS != "ADJ" && t.POS != "NOUN") {
			continue
		}
		a, b := s.nameSpan(i)
		if code, _ := s.lookupNameAs(s.doc.SpanText(a, b), false, s.placeOK(i)); len(code) >= 3 {
			// A news agency's home ("told Reuters") is not where the
			// story is.
			if _, ok := s.k.CountryByCode(code[:3]); ok && !strings.HasSuffix(code, "MED") {
				c = code[:3]
			}
		} else if code, _ := s.lookupNameAs(t.Text, false, b-a == 1 && s.placeOK(i)); len(code) >= 3 {
			// One word of a longer name may still be a country or a
			// demonym ("Russian Foreign Ministry"), but not a town:
			// "Springs" in "Zzyzx Springs" is not South Africa.
			if _, ok := s.k.CountryByCode(code[:3]); ok {
				c = code[:3]
			}
		}
		if c == not {
			c = ""
		}
	}
	return c
}

// nameLessPronouns are lower-case pronouns that spell the same as
// acronyms of actors or places ("who", "us", "it").
var nameLessPronouns = setOf("who whom whose which that it its us we they them he him she her i me you one")

// lookupName codes a name: organisations, groups and people from the actor
// dictionary, countries, demonyms, metonyms ("the Kremlin") and places (a
// town stands for its country).
func (s *esent) lookupName(text string, subject bool) (code, rule string) {
	return s.lookupNameAs(text, subject, true)
}

// lookupNameAs is lookupName; asPlace false skips the gazetteer, for
// names the recogniser calls people or organisations ("Bush" is also a
// town in Egypt).
func (s *esent) lookupNameAs(text string, subject, asPlace bool) (code, rule string) {
	t := strings.TrimSpace(text)
	t = strings.TrimPrefix(t, "the ")
	t = strings.TrimPrefix(t, "The ")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "'s"), "’s")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "'"), "’")
	// A pronoun is never a name: "who" is not the WHO, "us" not the US.
	if t == "" || nameLessPronouns[t] {
		return "", ""
	}
	if a, ok := s.k.Actor(t, s.published); ok && a.Code != "" && writtenAsKnown(a, t) {
		return a.Code, "kb-actor"
	}
	if a, ok := s.k.Metonym(t); ok && writtenAsKnown(a, t) {
		return a.Code, "kb-metonym"
	}
	// A lower-case word is no country's name: "Gulf states" are not
	// "the States".
	if c, ok := s.k.Country(t); ok && startsUpper(t) {
		return c.CAMEO, "kb-country"
	}
	if c, ok := s.k.CountryByDemonym(t); ok {
		return c.CAMEO, "kb-demonym"
	}
	// A world region acting, by its adjective ("European governments",
	// "Western powers", "African leaders") or, where the name may be a
	// place, by its name ("the Gulf", "Europe"): CAMEO's region codes.
	if c, adj, ok := s.k.RegionActor(t); ok && (adj || asPlace) && startsUpper(t) {
		return c, "kb-region"
	}
	// Month and day names are dates, not the towns the gazetteer also
	// knows by them (calendarWords, shared with the toponym finder).
	if !asPlace || !startsUpper(t) || calendarWords[strings.ToLower(t)] {
		return "", ""
	}
	if p, ok := s.k.TopPlace(t); ok && p.Country != "" {
		if c, ok := s.k.CountryByCode(p.Country); ok {
			sector := "CVL"
			if p.Feature == kb.FeatureCapital && subject {
				sector = "GOV"
			}
			if p.Feature == kb.FeatureCountry {
				sector = ""
			}
			return c.CAMEO + sector, "kb-place"
		}
	}
	return "", ""
}

// thingNamedAfterPlace reports a head noun at h that names a thing or a
// site, not people or a body ("park", "suburb", "hospital"), so that a
// capital's name before it only places it.
func (s *esent) thingNamedAfterPlace(h int, sector string) bool {
	t := s.tok(h)
	return sector == "" && t.POS == "NOUN" && !startsUpper(t.Text) && !actorNouns[s.lemma(h)] && placedThings[s.lemma(h)]
}

// placedThings are sites and things a place name before them locates.
var placedThings = setOf(`park street suburb district neighbourhood neighborhood hospital square airport
restaurant hotel cafe café apartment flat home house mosque church synagogue school university market
station metro subway road bridge stadium club bar nightclub prison jail cemetery building office shop
mall theatre theater concert museum beach`)

// capitalAsGovernment recodes a national capital named as the target of
// a political action, short of coercion and force, as its government:
// "called on Lima to …", "recalled its ambassador from La Paz" are
// addressed to Peru's and Bolivia's governments, not to their civilians
// (who stay the target of "shelled Kyiv").
func (s *esent) capitalAsGovernment(a *evActor, cameo string) {
	if !strings.HasSuffix(a.code, "CVL") || len(cameo) < 2 || cameo[:2] >= "17" {
		return
	}
	if a.rule != "kb-place" && a.rule != "kb-place-from" {
		return
	}
	h := a.end - 1
	for h > a.start && !startsUpper(s.tok(h).Text) {
		h--
	}
	lo := h
	for lo > a.start && startsUpper(s.tok(lo-1).Text) {
		lo--
	}
	if p, ok := s.k.TopPlace(s.doc.SpanText(lo, h+1)); ok && p.Feature == kb.FeatureCapital {
		a.code = strings.TrimSuffix(a.code, "CVL") + "GOV"
		a.rule += "-capital"
	}
}

// lookupSubSpan codes the longest part (two tokens or more) of the name
// span [a, b) that contains h, for spans the recogniser drew too wide
// ("Arab League Secretary" → "Arab League").
func (s *esent) lookupSubSpan(a, b, h int, subject, asPlace bool) (code, rule string, sa, sb int) {
	if b-a > 8 {
		return "", "", 0, 0
	}
	for n := b - a - 1; n >= 2; n-- {
		for i := a; i+n <= b; i++ {
			if h < i || h >= i+n {
				continue
			}
			// A region in a longer name is no actor of its own: the
			// "South Asia Free Trade Agreement".
			if c, r := s.lookupNameAs(s.doc.SpanText(i, i+n), subject, asPlace); r == "kb-region" {
				return "", "", 0, 0
			} else if c != "" {
				return c, r + "-part", i, i + n
			}
		}
	}
	return "", "", 0, 0
}

// sectorOf finds the CAMEO sector a role or group word gives ("troops" →
// MIL, "government" → GOV).
func (s *esent) sectorOf(i int) string {
	// A two-word role the word ends ("Crown Prince", "opposition
	// leader") before the word alone ("leader").
	if s.in(i - 1) {
		if sec, ok := s.k.RoleSector(s.lower(i-1) + " " + s.lower(i)); ok {
			return sec
		}
		// "union president", "company spokesman": a title any body
		// gives, after a word for a body of its own sector.
		from := i - 1
		for from > i-3 && s.in(from-1) {
			from--
		}
		if sec := bodyTitleSector(s.doc, s.k, from, i+1); sec != "" {
			return sec
		}
	}
	// "contacts with all parties", "the warring parties": the parties to
	// a conflict or a deal, not political parties.
	if s.lemma(i) == "party" && s.in(i-1) && conflictParties[s.lower(i-1)] {
		return ""
	}
	// "general" modifying a noun is an adjective ("a general strike",
	// "general elections"), not an officer.
	if s.lower(i) == "general" && (s.tok(i).POS == "ADJ" || s.tok(i).Dep == "amod") {
		return ""
	}
	for _, w := range []string{s.lower(i), s.lemma(i)} {
		if sec, ok := s.k.RoleSector(w); ok {
			return sec
		}
	}
	return ""
}

// conflictParties before "parties" make them the sides of a conflict,
// a case or a deal: "contacts with all parties", "the warring parties"
// ("both parties" is often the two political parties).
var conflictParties = setOf(`all warring conflicting opposing relevant concerned involved interested third`)

// codeActors codes the noun phrase headed by h. It returns one actor per
// country or organisation named in it, so "Hungarian and Romanian
// officials" gives two. pronounFor resolves pronouns; it may be nil.
func (s *esent) codeActors(h int, subject bool, pronounFor func(int) *evActor) []evActor {
	if !s.in(h) {
		return nil
	}
	t := s.tok(h)
	if t.POS == "PRON" || actorPronouns[s.lower(h)] {
		if pronounFor != nil {
			if a := pronounFor(h); a != nil {
				r := *a
				r.start, r.end = h, h+1
				r.rule = "pronoun→" + a.rule
				return []evActor{r}
			}
		}
		return nil
	}
	lo, hi := h, h+1
	var found []evActor
	sector := s.sectorOf(h)
	add := func(code, rule string, a, b int) {
		if code == "" {
			return
		}
		for _, f := range found {
			if f.code == code {
				return
			}
		}
		found = append(found, evActor{code: code, start: a, end: b, rule: rule})
	}
	// The head itself, as a name ("Hamas", "the United Nations").
	a, b := s.nameSpan(h)
	// A role noun heading the name is no town: "the High Court" is not
	// Court in Switzerland.
	asPlace := s.placeOK(h) && sector == ""
	if s.personNamedAsCountry(h) {
		// "Montenegro told supporters" after "Prime Minister Luis
		// Montenegro": a person's surname, not the country.
		if p, ok := s.personAt(h); ok {
			add(p.Code, "entity person "+p.CodeWhy.Rule, a, b)
		}
	} else if code, rule := s.lookupNameAs(s.doc.SpanText(a, b), subject, asPlace); code != "" {
		if rule != "kb-region" || !s.regionPopulation(a, b) && !s.regionBeforeThing(b-1) {
			add(s.resolvedPlaceCode(code, rule, a), rule, a, b)
		}
	} else if code, rule, sa, sb := s.lookupSubSpan(a, b, h, subject, asPlace); code != "" {
		add(s.resolvedPlaceCode(code, rule, sa), rule, sa, sb)
	} else if code, rule := s.lookupNameAs(t.Text, subject, asPlace); code != "" && !(b-a > 1 && s.partOfLongerName(h, rule)) {
		add(s.resolvedPlaceCode(code, rule, h), rule, h, h+1)
	}
	mods := s.npMods(h)
	for _, m := range mods {
		if m < lo {
			lo = m
		}
		if m+1 > hi {
			hi = m + 1
		}
		if sec := s.sectorOf(m); sec != "" && sector == "" {
			sector = sec
		}
	}
	if len(found) == 0 {
		for _, m := range mods {
			ma, mb := s.nameSpan(m)
			mp := s.placeOK(m)
			if s.personNamedAsCountry(m) {
				// "Senator Ruth Jordan": the person, not Jordan.
				if p, ok := s.personAt(m); ok {
					code, rule := p.Code, "entity person "+p.CodeWhy.Rule+"-modifier"
					// "Zuma's party": the body the person belongs to,
					// of the person's country.
					if sec := s.sectorOf(h); sec != "" && len(code) == 6 && code[3:] != sec && s.isCountryCode(code[:3]) {
						code, rule = code[:3]+sec, rule+"+"+sec
					}
					add(code, rule, ma, mb)
				}
			} else if code, rule := s.lookupNameAs(s.doc.SpanText(ma, mb), false, mp); code != "" {
				// A region before a word for no actor ("its Gulf war",
				// "Asian markets") is no actor; before a role or a
				// body ("African leaders", "Gulf states") it is.
				if rule == "kb-region" && (s.regionRemit(ma, mb, h) || !s.actorWord(h)) {
					continue
				}
				if rule == "kb-metonym" && s.thingNamedAfterPlace(h, sector) {
					// "a Berlin park", "a Moscow suburb": the
					// capital places a thing; it is not the
					// government its name stands for elsewhere.
					if c, ok := s.k.Metonym(s.doc.SpanText(ma, mb)); ok && len(c.Code) >= 3 {
						code, rule = c.Code[:3]+"CVL", "kb-place"
					}
				}
				add(withSector(s.resolvedPlaceCode(code, rule, ma), rule, sector), rule+"-modifier", ma, mb)
			} else if code, rule := s.lookupNameAs(s.tok(m).Text, false, mp); code != "" && !(mb-ma > 1 && s.partOfLongerName(m, rule)) {
				add(withSector(s.resolvedPlaceCode(code, rule, m), rule, sector), rule+"-modifier", m, m+1)
			}
		}
	}
	// A name the kb cannot code directly may belong to an entity that
	// extraction coded from its context ("Prime Minister Ryutaro
	// Hashimoto" → JPNGOV from the title phrase).
	if len(found) == 0 {
		for _, i := range append([]int{h}, mods...) {
			if code, rule, ok := s.entityCode(i); ok {
				add(code, rule, i, i+1)
				break
			}
		}
	}
	// "struck his car", "shelled their homes": what is hit stands for
	// its owner, the one a possessive pronoun names.
	if len(found) == 0 && !subject && pronounFor != nil && sector == "" && !actorNouns[s.lemma(h)] && ownedThings[s.lemma(h)] {
		for _, c := range s.deps(h) {
			if s.dep(c) == "nmod:poss" && s.tok(c).POS == "PRON" && c < h {
				as := s.codeActors(c, false, pronounFor)
				for i := range as {
					as[i].start, as[i].end, as[i].rule = c, h+1, "owner-of-object"
					as[i].name = s.doc.SpanText(c, h+1)
				}
				return as
			}
		}
	}
	// "leaders of Romania's new government", "forces in Guinea"; only
	// for words naming people or bodies, not "the issue of hostages".
	if len(found) == 0 && (sector != "" || actorNouns[s.lemma(h)]) {
		for _, c := range s.placingDeps(h) {
			cs := s.caseOf(c)
			if cs != "of" && cs != "in" && cs != "from" {
				continue
			}
			// "delegations from Armenia and Azerbaijan": every conjunct.
			for _, sub := range s.codeAll(c, false, pronounFor) {
				sub.rule += "-" + cs
				if sec := sub.code; len(sec) == 3 && sector != "" {
					sub.code += sector
				} else if sector != "" && strings.HasPrefix(sub.rule, "kb-place") && len(sub.code) == 6 {
					// "prosecutors in Texas": the town gives the
					// country, the head noun the sector (not the town's
					// civilians or government).
					sub.code = sub.code[:3] + sector
				}
				found = append(found, sub)
			}
			if len(found) > 0 {
				break
			}
		}
	}
	// "inspectors would visit the site" in a story about the IAEA:
	// inspectors, monitors and observers whom no phrase places are the
	// staff of the international body named last before them, not of the
	// sentence's or the dateline's country (Vienna, Geneva).
	if len(found) == 0 && igoStaff[s.lemma(h)] {
		if code := s.lastIGOBefore(h); code != "" {
			found = append(found, evActor{code: code, start: h, end: h + 1, rule: "staff-of-igo"})
		}
	}
	// A titled person or a body whose country the phrase does not name:
	// take the country the sentence names.
	if len(found) == 0 && (sector != "" || s.isPersonName(h)) {
		c, rule := s.sentCountry(), "sentence-country"
		dl := s.dlCountry
		if s.dlFiling && sector != "COP" {
			dl = ""
		}
		if c == "" || c != dl && dl != "" && s.countryOnlyInAddresser(h) {
			// "A spokesman for the French Foreign Ministry urged the
			// soldiers to release …" in a Niamey story: whom a speaker
			// urges are not of the speaker's country.
			c, rule = dl, "sentence-country-dateline"
		}
		if c != "" {
			// The entity's own code, when it has that country, read the
			// whole role phrase ("Opposition leader X" → KENOPP, where
			// the head's sector alone is GOV).
			if ec := s.fullEntityCode(h); len(ec) > 3 && strings.HasPrefix(ec, c) {
				c, rule = ec, rule+"+entity"
			}
			found = append(found, evActor{code: c, start: h, end: h + 1, rule: rule})
		}
	}
	// "U.S. Middle East envoy", "EU and Gulf leaders" beside a country or
	// a body: the region is the remit or a neighbour, the country or body
	// the actor.
	if len(found) > 1 {
		var kept []evActor
		for _, f := range found {
			if !strings.HasPrefix(f.rule, "kb-region") {
				kept = append(kept, f)
			}
		}
		if len(kept) > 0 {
			found = kept
		}
	}
	// "Palestinian group Hamas": keep PSEHMS, drop the bare PSE.
	if len(found) > 1 {
		kept := found[:0]
		for i, f := range found {
			general := false
			for j, g := range found {
				if i != j && len(g.code) > len(f.code) && strings.HasPrefix(g.code, f.code) {
					general = true
				}
			}
			if !general {
				kept = append(kept, f)
			}
		}
		found = kept
	}
	for i := range found {
		f := &found[i]
		if len(f.code) == 3 && sector != "" && f.code != "IGO" && f.code != "NGO" {
			f.code += sector
		}
		if f.start > lo {
			f.start = lo
		}
		if f.end < hi {
			f.end = hi
		}
		f.name = s.doc.SpanText(f.start, f.end)
	}
	return found
}

// partOfLongerName reports a code read from one word of a longer name
// that the word alone does not carry: a region's name ("Kanye West",
// "U.S. Middle East") or a compass word that the gazetteer knows as a
// province ("East" in "Middle East" is no Cameroonian region).
func (s *esent) partOfLongerName(i int, rule string) bool {
	return strings.HasPrefix(rule, "kb-region") || compassWords[s.lower(i)]
}

// actorWord reports a noun that names people or bodies: a role or
// group word with a sector, an actor noun, or a word for states.
func (s *esent) actorWord(h int) bool {
	return s.sectorOf(h) != "" || actorNouns[s.lemma(h)] || regionMembers[s.lemma(h)]
}

// regionBeforeThing reports a region's name or adjective at i that
// modifies a noun for no actor: "its Gulf war", "Asian markets".
func (s *esent) regionBeforeThing(i int) bool {
	p := s.head(i)
	switch baseDep(s.dep(i)) {
	case "compound", "amod":
		return p > i && !s.actorWord(p)
	}
	return false
}

// regionMembers are the words for the states of a region: "Gulf
// states", "Western powers", "European allies".
var regionMembers = setOf("state country nation power ally partner neighbour neighbor capital democracy monarchy government")

// regionPopulation reports the people of a region named by a plural noun
// with no definite article ("most West Africans", "thousands of
// Europeans"): people of many countries, not an actor of the region, as
// "the Europeans" of diplomatic reporting are.
func (s *esent) regionPopulation(a, b int) bool {
	h := b - 1
	for i := a; i < b; i++ {
		if p := s.head(i); p < a || p >= b {
			h = i
		}
	}
	if s.tok(h).Tag != "NNS" && s.tok(h).Tag != "NNPS" {
		return false
	}
	for _, c := range s.deps(h) {
		if s.dep(c) == "det" && s.lower(c) == "the" {
			return false
		}
	}
	return true
}

// regionRemit reports a region's name (not its adjective) before a role
// that has a remit: a "Middle East envoy" or an "Africa correspondent"
// works on the region and for someone else, where "European leaders"
// and "Gulf rulers" belong to it.
func (s *esent) regionRemit(a, b, h int) bool {
	r := s.head(b - 1)
	if b > h || !s.in(r) || r < b || !regionRemitRoles[s.lemma(r)] {
		return false
	}
	_, adj, ok := s.k.RegionActor(s.doc.SpanText(a, b))
	return ok && !adj
}

// regionRemitRoles are roles named after the area they cover.
var regionRemitRoles = setOf("envoy correspondent editor director coordinator representative minister adviser advisor chief specialist expert analyst bureau desk policy strategy")

// ownedThings are things whose owner an attack on them hits: "struck
// his car", "shelled their homes".
var ownedThings = setOf(`car vehicle convoy home house office compound residence boat ship vessel plane aircraft`)

// entityCode returns the code extraction gave the entity mentioned at
// token i, when that code rests on the entity's own words (a kb entry, a
// demonym with a role) rather than on the country the article is most
// about, which the coder's sentence-level fallback already approximates.
func (s *esent) entityCode(i int) (code, rule string, ok bool) {
	if s.ments == nil || i < 0 || i >= len(s.ments.ByToken) {
		return "", "", false
	}
	e := s.ments.ByToken[i]
	if e < 0 {
		return "", "", false
	}
	ent := s.ments.Entities[e]
	if ent.Code == "" || ent.CodeWhy == nil || strings.Contains(ent.CodeWhy.Rule, "article country") || strings.Contains(ent.CodeWhy.Rule, "role word") {
		return "", "", false
	}
	return ent.Code, "entity " + ent.CodeWhy.Rule, true
}

// withSector gives a place's code the sector the phrase's role words
// name: "Kern County sheriff's deputies" are the county's police
// (USACOP), not its civilians.
func withSector(code, rule, sector string) string {
	if sector != "" && rule == "kb-place" && len(code) == 6 {
		return code[:3] + sector
	}
	return code
}

// resolvedPlaceCode checks a code the kb gave a place name (rule
// "kb-place", the name's most prominent place) against the place the
// article resolved the mention at token i to: in a story from Athens,
// Georgia, "the Athens-Clarke County Commission" is American, not Greek.
// The country is the resolved one; the sector stays.
func (s *esent) resolvedPlaceCode(code, rule string, i int) string {
	if rule != "kb-place" && rule != "kb-metonym" || len(code) < 3 || s.ments == nil || i < 0 || i >= len(s.ments.ByToken) {
		return code
	}
	e := s.ments.ByToken[i]
	if e < 0 {
		return code
	}
	ent := s.ments.Entities[e]
	if rule == "kb-metonym" {
		// "Washington" in "cases in Washington, Pennsylvania and
		// California" resolved to the state: a place of the country,
		// not its government.
		if ent.Kind != record.KindPlace || len(ent.Code) < 3 || ent.CodeWhy == nil || !strings.HasPrefix(ent.CodeWhy.Rule, "kb:gazetteer ") {
			return code
		}
		if p, ok := s.k.Place(ent.KBID); ok && p.Feature != kb.FeatureCapital && p.Feature != kb.FeatureCity {
			return ent.Code[:3] + "CVL"
		}
		return code
	}
	if ent.Kind != "place" || len(ent.Code) < 3 || ent.Code[:3] == code[:3] {
		return code
	}
	return ent.Code[:3] + code[3:]
}

// personAt returns the coded person entity mentioned at token i.
func (s *esent) personAt(i int) (record.Entity, bool) {
	if s.ments == nil || i < 0 || i >= len(s.ments.ByToken) {
		return record.Entity{}, false
	}
	e := s.ments.ByToken[i]
	if e < 0 {
		return record.Entity{}, false
	}
	ent := s.ments.Entities[e]
	return ent, ent.Kind == record.KindPerson && ent.Code != "" && ent.CodeWhy != nil
}

// personNamedAsCountry reports whether token i is a word of a person's
// name that also names a country ("Luis Montenegro", "Ruth Jordan"), or
// a surname standing for a person named in full before.
func (s *esent) personNamedAsCountry(i int) bool {
	if s.ments == nil || i < 0 || i >= len(s.ments.ByToken) {
		return false
	}
	e := s.ments.ByToken[i]
	if e < 0 || s.ments.Entities[e].Kind != record.KindPerson {
		return false
	}
	t := strings.TrimSuffix(strings.TrimSuffix(s.tok(i).Text, "'s"), "’s")
	if _, ok := s.k.Country(t); ok {
		return true
	}
	if _, ok := s.k.CountryByDemonym(t); ok {
		return true
	}
	// "Powell declined" after "Fed Chair Jerome Powell": a surname the
	// story resolved to the person it named in full, which the kb would
	// read as another bearer of the name (Colin Powell).
	name := s.ments.Entities[e].Name
	return strings.Contains(name, " ") && strings.HasSuffix(name, " "+t) && s.doc.SpanText(s.nameSpan(i)) == t
}

// fullEntityCode is the code extraction gave the entity mentioned at
// token i, whatever rule gave it, or "".
func (s *esent) fullEntityCode(i int) string {
	if s.ments == nil || i < 0 || i >= len(s.ments.ByToken) {
		return ""
	}
	if e := s.ments.ByToken[i]; e >= 0 {
		return s.ments.Entities[e].Code
	}
	return ""
}

// entityOf returns the ID of the entity mentioned in tokens [a, b) whose
// code agrees with code on its country (first three letters), or "".
func (s *esent) entityOf(a, b int, code string) string {
	if s.ments == nil || len(code) < 3 {
		return ""
	}
	for i := a; i < b && i < len(s.ments.ByToken); i++ {
		if e := s.ments.ByToken[i]; e >= 0 {
			ent := s.ments.Entities[e]
			if len(ent.Code) >= 3 && ent.Code[:3] == code[:3] {
				return ent.ID
			}
		}
	}
	return ""
}

// isCountryCode reports whether c is a country's CAMEO code.
func (s *esent) isCountryCode(c string) bool {
	_, ok := s.k.CountryByCode(c)
	return ok
}

// recordActor turns an evActor into a record.Actor with evidence.
func (s *esent) recordActor(a evActor, articleID string, sent int) *record.Actor {
	st, en := s.tok(a.start).Start, s.tok(a.end-1).End
	return &record.Actor{
		Name:   a.name,
		Code:   a.code,
		Entity: s.entityOf(a.start, a.end, a.code),
		Evidence: record.Evidence{
			ArticleID: articleID, Start: st, End: en, Sentence: sent,
			Rule: "actor:" + a.rule, Text: s.doc.Text[st:en],
		},
	}
}

// startsUpper reports whether s begins with an upper-case ASCII letter or a
// non-ASCII letter (names like "Ürümqi").
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return (c >= 'A' && c <= 'Z') || c >= 0x80
}

// actorNouns are words for people or bodies whose country or group comes
// from an "of"/"in"/"from" phrase: "leaders of Romania", "forces in Guinea".
var actorNouns = setOf("leader official member delegation delegate representative spokesman spokeswoman spokesperson head chief minister envoy ambassador diplomat negotiator authority authorities force forces people citizen national resident student worker group faction unit wing branch office thousand hundred dozen million crowd number")

// isPersonName reports whether the recogniser tagged token i as a person.
func (s *esent) isPersonName(i int) bool {
	for _, e := range s.doc.Ents {
		if e.Start <= i && i < e.End {
			return e.Label == "PER" || e.Label == "PERSON"
		}
	}
	return false
}

// igoStaff are the people international bodies send (lemmas).
var igoStaff = setOf(`inspector monitor observer`)

// lastIGOBefore returns the code of the international body (IGO…) the
// text mentions last before token i, or "".
func (s *esent) lastIGOBefore(i int) string {
	if s.ments == nil {
		return ""
	}
	for j := min(i, len(s.ments.ByToken)) - 1; j >= 0; j-- {
		if e := s.ments.ByToken[j]; e >= 0 {
			if c := s.ments.Entities[e].Code; strings.HasPrefix(c, "IGO") && s.ments.Entities[e].Kind == record.KindOrg {
				return c
			}
		}
	}
	return ""
}

// placingDeps returns the phrases that may place the people or body
// named at h: its own "nmod" phrases ("forces in Guinea") and those of a
// participle that says where it is based ("a group based in Russia",
// "a firm headquartered in Dubai").
func (s *esent) placingDeps(h int) []int {
	var out []int
	for _, c := range s.deps(h) {
		switch {
		case s.dep(c) == "nmod":
			out = append(out, c)
		case s.dep(c) == "acl" && basedVerbs[s.lemma(c)]:
			for _, cc := range s.deps(c) {
				if baseDep(s.dep(cc)) == "obl" && s.caseOf(cc) == "in" {
					out = append(out, cc)
				}
			}
		}
	}
	return out
}

// basedVerbs say where a body sits (lemmas of the participles).
var basedVerbs = setOf("base headquarter locate")

// writtenAsKnown reports whether text, found in the kb as actor a, is
// written as a name of a: text with a capital letter is; an all
// lower-case word only when a name of a is itself written so ("blue
// helmets"). "total blockade" is not TotalEnergies ("Total"), "shell
// companies" not Shell.
func writtenAsKnown(a kb.Actor, text string) bool {
	for _, r := range text {
		if unicode.IsUpper(r) {
			return true
		}
	}
	key := strings.TrimPrefix(strings.ToLower(text), "the ")
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if strings.EqualFold(strings.TrimPrefix(n, "the "), key) && strings.ToLower(n) == n {
			return true
		}
	}
	return false
}
