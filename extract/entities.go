package extract

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/kb"
	"dateline/nlp"
	"dateline/record"
)

// Mention kinds (record.Mention.Kind).
const (
	MentionName    = "name"
	MentionNominal = "nominal"
	MentionPronoun = "pronoun"
)

// Mentions is the outcome of Entities: the article's entities and, for
// every token of the Doc, the index into Entities of the entity one of
// whose mentions covers it (-1 for none).
type Mentions struct {
	Entities []record.Entity
	ByToken  []int
	doc      *nlp.Doc
	// filing: the dateline is only where the story was filed (an
	// international body's seat whose country the text never names).
	filing bool
}

// personAt reports whether token tok lies in a mention of a person of
// several words (false for a nil m).
func (m *Mentions) personAt(tok int) bool {
	if m == nil || tok < 0 || tok >= len(m.ByToken) || m.ByToken[tok] < 0 {
		return false
	}
	e := m.Entities[m.ByToken[tok]]
	return e.Kind == record.KindPerson && strings.Contains(e.Name, " ")
}

// orgAt reports whether token tok lies in a mention of an organisation
// (false for a nil m).
func (m *Mentions) orgAt(tok int) bool {
	if m == nil || tok < 0 || tok >= len(m.ByToken) || m.ByToken[tok] < 0 {
		return false
	}
	return m.Entities[m.ByToken[tok]].Kind == record.KindOrg
}

// ActorAt returns the entity mentioned at token tok: the one covering it,
// or else one covering a modifier of it ("wing" in "Hamas' military wing"
// → Hamas). It is false when there is none or the entity has no code.
func (m *Mentions) ActorAt(tok int) (record.Entity, bool) {
	if m == nil || tok < 0 || tok >= len(m.ByToken) {
		return record.Entity{}, false
	}
	if e := m.ByToken[tok]; e >= 0 && m.Entities[e].Code != "" {
		return m.Entities[e], true
	}
	if m.doc == nil {
		return record.Entity{}, false
	}
	for i, t := range m.doc.Tokens {
		if t.Head != tok || i >= len(m.ByToken) {
			continue
		}
		switch t.Dep {
		case "nmod:poss", "compound", "amod", "flat":
			if e := m.ByToken[i]; e >= 0 && m.Entities[e].Code != "" {
				return m.Entities[e], true
			}
		}
	}
	return record.Entity{}, false
}

// recordID is a stable ID from the article, a span and codes.
// It hashes "articleID|kind|start|end|part|part…" (the decimal offsets),
// built in a buffer on the stack: every record of every article gets one,
// and a hasher, a formatter and a hex string each were allocations.
func recordID(kind, articleID string, start, end int, parts ...string) string {
	var room [256]byte
	b := append(room[:0], articleID...)
	b = append(append(b, '|'), kind...)
	b = strconv.AppendInt(append(b, '|'), int64(start), 10)
	b = strconv.AppendInt(append(b, '|'), int64(end), 10)
	for _, p := range parts {
		b = append(append(b, '|'), p...)
	}
	sum := sha1.Sum(b)
	var id [2 + 16]byte
	id[0], id[1] = kind[0], '_'
	hex.Encode(id[2:], sum[:8])
	return string(id[:])
}

// ent is an entity being built.
type ent struct {
	key  string // grouping key: "actor:…", "country:RU", "place:…", "person:…", "org:…"
	name string
	kind string
	code string
	why  *record.Evidence
	role string
	// roleFromText is set once role comes from the article.
	roleFromText bool
	kbid         string
	kbKind       string // kb actor kind, for "the group"
	country      string // alpha-2 for countries and groups of nationals
	mentions     []mtn
	// nkey is kb.Key(nkeyOf), the key of the name when last asked
	nkey, nkeyOf string
}

// nameKey returns kb.Key(x.name), computed once per name.
func (x *ent) nameKey() string {
	if x.nkeyOf != x.name || x.nkey == "" {
		x.nkey, x.nkeyOf = kb.Key(x.name), x.name
	}
	return x.nkey
}

// hasWordSuffix reports whether " "+s ends with " "+suffix.
func hasWordSuffix(s, suffix string) bool {
	switch {
	case len(s) == len(suffix):
		return s == suffix
	case len(s) > len(suffix):
		return s[len(s)-len(suffix)-1] == ' ' && s[len(s)-len(suffix):] == suffix
	}
	return false
}

// mtn is one mention: tokens [s, e).
type mtn struct {
	s, e int
	kind string
	rule string
}

type entBuilder struct {
	doc      *nlp.Doc
	k        *kb.KB
	pub      string
	id       string
	ents     []*ent
	byKey    map[string]*ent
	byToken  []*ent
	inNER    []bool
	dominant string // alpha-2 of the country the article is most about
	dateline string // alpha-2 of the dateline place's country, "" for none
	filing   bool   // the dateline is only where the story was filed (see entities)
}

// Entities finds the people, organisations, places and groups of doc,
// groups their mentions and codes them against the knowledge base.
//
// Mentions come from the recogniser's spans, from kb names the recogniser
// missed (actors, metonyms such as "the Kremlin", countries, demonyms),
// from nominals ("the group" → the last armed group or organisation,
// "the country" → the last country, "the Russian capital" → Moscow, "the
// Palestinian enclave" → a gazetteer alternate name) and from he/she as
// quote speakers. Mentions are grouped by kb entry, by surname ("Peskov"
// → "Dmitry Peskov"), by acronym and by the country-less form of a body
// ("the Foreign Ministry" = "the Russian Foreign Ministry").
//
// Codes come from the kb (people's roles dated by published, YYYY-MM-DD),
// from a demonym plus a sector word ("Israeli military" → ISRMIL), or from
// a role phrase next to a name ("deputy chairman of Hamas' Political
// Bureau, Mousa Mohammed Abu Marzook" → PSEHMS with that role). CodeWhy
// points at the text that justified the code.
//
// quotes' SpeakerEntity and SpeakerName are set to the speaker's entity.
// A nil k means kb.Default(); a nil or empty doc gives no entities.
func Entities(doc *nlp.Doc, articleID string, k *kb.KB, published string, quotes []record.Quote) *Mentions {
	return entities(doc, articleID, k, published, "", quotes)
}

// entities is Entities knowing the article's dateline place ("MOSCOW",
// "SPRINGFIELD, Ill."), whose country owns the bodies the text names
// without one.
func entities(doc *nlp.Doc, articleID string, k *kb.KB, published, datelinePlace string, quotes []record.Quote) *Mentions {
	if k == nil {
		k = kb.Default()
	}
	if doc == nil || len(doc.Tokens) == 0 {
		return &Mentions{}
	}
	b := &entBuilder{doc: doc, k: k, pub: dateOnly(published), id: articleID, byKey: map[string]*ent{},
		byToken: make([]*ent, len(doc.Tokens)), inNER: make([]bool, len(doc.Tokens))}
	b.dominant = dominantCountry(doc, k)
	if dl := strings.TrimSpace(datelinePlace); dl != "" {
		// As the place resolver reads it: "LIMERICK, Ireland" is in
		// Ireland, whatever namesake is most prominent.
		if p, ok := resolveDateline(k, dl, nil); ok {
			b.dateline = p.Country
		}
	}
	// A story filed from an international body's seat (an AU summit in
	// Addis Ababa, an IAEA meeting in Vienna) that never names the
	// seat's country is not about that country: its bodies and roles
	// without a country are not the dateline's.
	if b.dateline != "" && !namesCountry(doc, k, b.dateline) && namesIGO(doc, k, b.pub) {
		b.dateline, b.filing = "", true
	}
	b.nerMentions()
	b.titledPersons()
	b.surnames()
	b.kbScan()
	b.groupOrgVariants()
	b.unknownPlacesNamedAsOrgs()
	b.possessedBodies()
	b.definiteBodies()
	b.nominals()
	b.learnRoles()
	b.bodyRoles()
	b.speakers(quotes)
	return b.result(quotes)
}

// codePhrase is CodePhrase(b.doc, s, e, b.k, b.pub) with the article's
// home country for role words: the dateline's, else the most named.
func (b *entBuilder) codePhrase(s, e int) (code string, why string, ok bool) {
	if s < 0 || e > len(b.doc.Tokens) || s >= e {
		return "", "", false
	}
	return codePhrase(b.doc, s, e, b.k, b.pub, b.homeCountry)
}

// homeCountry is the country a role word without one belongs to: the
// dateline's (a wire story from Caracas calls Venezuela's opposition
// leader "opposition leader"), else the country the article names most.
func (b *entBuilder) homeCountry() string {
	if b.dateline != "" {
		return b.dateline
	}
	return b.dominant
}

func dateOnly(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// dominantCountry is the country most named in doc (names and demonyms),
// "" for none.
func dominantCountry(doc *nlp.Doc, k *kb.KB) string {
	votes := map[string]int{}
	best, bestN := "", 0
	// A country's name that ends a person's name, there or later alone,
	// is the person ("Ruth Jordan … Jordan said"), save after a place
	// preposition.
	surname := map[string]int{} // surname → first token of the name
	for _, sp := range doc.Ents {
		if sp.Label == "PER" && sp.End-sp.Start >= 2 {
			w := doc.Tokens[sp.End-1].Text
			if _, seen := surname[w]; !seen {
				surname[w] = sp.Start
			}
		}
	}
	for i := 0; i < len(doc.Tokens); i++ {
		t := doc.Tokens[i]
		if !isCapitalised(t.Text) || isPunct(t.Text) {
			continue
		}
		if at, ok := surname[t.Text]; ok && at < i && (i == 0 || !placePreps[strings.ToLower(doc.Tokens[i-1].Text)]) {
			continue
		}
		c, n, ok := countryAt(doc, k, i, len(doc.Tokens))
		if ok {
			i += n - 1
		}
		if ok {
			votes[c.Alpha2]++
			if n := votes[c.Alpha2]; n > bestN || (n == bestN && c.Alpha2 < best) {
				best, bestN = c.Alpha2, n
			}
		}
	}
	if best == "" {
		return regionsCountry(doc, k)
	}
	// A tie between countries named equally often goes to the one whose
	// regions the text names: a Florida story that names the United
	// States and Puerto Rico once each is about the United States.
	tied := 0
	for _, n := range votes {
		if n == bestN {
			tied++
		}
	}
	if tied > 1 {
		if rc := regionsCountry(doc, k); rc != "" && votes[rc] == bestN {
			best = rc
		}
	}
	return best
}

// regionsCountry is the country of the first-level regions a text names
// when it names no country: a local story from Nigeria names "Kano
// State" or "the Ogun State Government", not Nigeria. A region counts
// when every first-level region of its name lies in one country (not
// Punjab); "" when none does or they disagree.
func regionsCountry(doc *nlp.Doc, k *kb.KB) string {
	votes := map[string]int{}
	for _, sp := range doc.Ents {
		if sp.Label != "LOC" && sp.Label != "GPE" && sp.Label != "ORG" {
			continue
		}
		// The whole name or its first words ("Kano State" of "Kano State
		// Police Command").
		for n := min(sp.End-sp.Start, 3); n >= 1; n-- {
			cc := ""
			for _, p := range k.Places(doc.SpanText(sp.Start, sp.Start+n)) {
				if p.Feature != kb.FeatureAdmin1 {
					continue
				}
				if cc != "" && p.Country != cc {
					cc = "-"
					break
				}
				cc = p.Country
			}
			if cc != "" {
				if cc != "-" {
					votes[cc]++
				}
				break
			}
		}
	}
	best, bestN, tie := "", 0, false
	for cc, n := range votes {
		switch {
		case n > bestN:
			best, bestN, tie = cc, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// namedCountries returns the alpha-2 codes of the countries the text
// names by name or demonym, and the country of the first-level regions
// it names (regionsCountry).
func namedCountries(doc *nlp.Doc, k *kb.KB) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < len(doc.Tokens); i++ {
		if !isCapitalised(doc.Tokens[i].Text) || isPunct(doc.Tokens[i].Text) {
			continue
		}
		if c, n, ok := countryAt(doc, k, i, len(doc.Tokens)); ok {
			out[c.Alpha2] = true
			i += n - 1
		}
	}
	if rc := regionsCountry(doc, k); rc != "" {
		out[rc] = true
	}
	return out
}

// namesCountry reports whether the text names the country of alpha-2
// code cc by its name or demonym.
func namesCountry(doc *nlp.Doc, k *kb.KB, cc string) bool {
	for i := 0; i < len(doc.Tokens); i++ {
		if !isCapitalised(doc.Tokens[i].Text) || isPunct(doc.Tokens[i].Text) {
			continue
		}
		if c, n, ok := countryAt(doc, k, i, len(doc.Tokens)); ok {
			if c.Alpha2 == cc {
				return true
			}
			i += n - 1
		}
	}
	return false
}

// namesIGO reports whether the text names an international body the kb
// knows (IGO…).
func namesIGO(doc *nlp.Doc, k *kb.KB, pub string) bool {
	for i := 0; i < len(doc.Tokens); i++ {
		if !isCapitalised(doc.Tokens[i].Text) || isPunct(doc.Tokens[i].Text) {
			continue
		}
		for n := min(6, len(doc.Tokens)-i); n >= 1; n-- {
			if a, ok := k.Actor(doc.SpanText(i, i+n), pub); ok && a.Kind != kb.KindPerson && strings.HasPrefix(a.Code, "IGO") {
				return true
			}
		}
	}
	return false
}

// countryAt finds the country named or adjectivally referred to by the
// tokens starting at i (before end): the longest name first ("South
// Sudan" is not Sudan, "United Arab Emirates" not the Emirates), then a
// demonym. n is the number of tokens read.
func countryAt(doc *nlp.Doc, k *kb.KB, i, end int) (c kb.Country, n int, ok bool) {
	t := doc.Tokens[i]
	for w := min(4, end-i); w >= 2; w-- {
		last := doc.Tokens[i+w-1]
		if !isCapitalised(last.Text) {
			continue
		}
		written := doc.Text[t.Start:last.End] // the words as written
		if c, ok := k.Country(written); ok {
			return c, w, true
		}
		words := make([]string, w)
		for j := range words {
			words[j] = doc.Tokens[i+j].Text
		}
		if c, ok := k.Country(strings.Join(words, " ")); ok {
			return c, w, true
		}
		// "South African", "Sri Lankan", "Saudi Arabian": a demonym of
		// several words before its first word alone ("South").
		if c, ok := k.CountryByDemonym(strings.Join(words, " ")); ok {
			return c, w, true
		}
	}
	if c, ok := k.CountryByDemonym(t.Text); ok {
		return c, 1, true
	}
	if c, ok := k.Country(t.Text); ok {
		return c, 1, true
	}
	return kb.Country{}, 0, false
}

func (b *entBuilder) ev(s, e int, rule string) record.Evidence {
	t := b.doc.Tokens
	return record.Evidence{ArticleID: b.id, Start: t[s].Start, End: t[e-1].End, Sentence: b.doc.SentenceOf(s),
		Rule: rule, Text: b.doc.Text[t[s].Start:t[e-1].End]}
}

// add records a mention of the entity with key, creating the entity with
// init when it is new. Tokens already taken by a mention are left alone.
func (b *entBuilder) add(key string, s, e int, kind, rule string, init func() *ent) *ent {
	for i := s; i < e; i++ {
		if b.byToken[i] != nil && !b.isDemonymMention(i) {
			return nil
		}
	}
	// A longer mention takes over a demonym ("Russian" in "the Russian
	// Foreign Ministry", "the Russian capital").
	if e-s > 1 {
		for i := s; i < e; i++ {
			if b.byToken[i] != nil {
				b.release(i)
			}
		}
	}
	x := b.byKey[key]
	if x == nil {
		x = init()
		if x == nil {
			return nil
		}
		x.key = key
		b.byKey[key] = x
		b.ents = append(b.ents, x)
	}
	x.mentions = append(x.mentions, mtn{s, e, kind, rule})
	for i := s; i < e; i++ {
		b.byToken[i] = x
	}
	return x
}

// isDemonymMention reports whether token i is a one-token demonym mention.
func (b *entBuilder) isDemonymMention(i int) bool {
	x := b.byToken[i]
	if x == nil {
		return false
	}
	for _, m := range x.mentions {
		if m.s == i && m.e == i+1 && m.rule == "kb:demonym" {
			return true
		}
	}
	return false
}

// release removes the one-token demonym mention at token i; an entity
// left without mentions is dropped.
func (b *entBuilder) release(i int) {
	x := b.byToken[i]
	for j, m := range x.mentions {
		if m.s == i && m.e == i+1 && m.rule == "kb:demonym" {
			x.mentions = append(x.mentions[:j], x.mentions[j+1:]...)
			b.byToken[i] = nil
			break
		}
	}
	if len(x.mentions) == 0 {
		delete(b.byKey, x.key)
		for j, z := range b.ents {
			if z == x {
				b.ents = append(b.ents[:j], b.ents[j+1:]...)
				break
			}
		}
	}
}

// actorEnt makes an entity for a kb actor matched by mention tokens [s, e).
func (b *entBuilder) actorEnt(a kb.Actor, s, e int) func() *ent {
	return func() *ent {
		why := b.ev(s, e, "kb:actor "+a.String())
		x := &ent{name: a.Name, kind: kindOfActor(a.Kind), code: a.Code, why: &why, role: a.Role,
			kbid: "actor:" + a.Name, kbKind: a.Kind}
		return x
	}
}

func kindOfActor(k string) string {
	if k == kb.KindPerson {
		return record.KindPerson
	}
	return record.KindOrg
}

func (b *entBuilder) countryEnt(c kb.Country, s, e int) func() *ent {
	return func() *ent {
		why := b.ev(s, e, "kb:country")
		return &ent{name: c.Name, kind: record.KindPlace, code: c.CAMEO, why: &why, kbid: "iso3166:" + c.Alpha2, country: c.Alpha2}
	}
}

// nerMentions turns the recogniser's spans into mentions.
func (b *entBuilder) nerMentions() {
	d := b.doc
	for _, sp := range d.Ents {
		if sp.Start < 0 || sp.End > len(d.Tokens) || sp.Start >= sp.End {
			continue
		}
		for i := sp.Start; i < sp.End; i++ {
			b.inNER[i] = true
		}
	}
	// People first, so that surnames find their full names in any order.
	spans := append([]nlp.Span(nil), d.Ents...)
	for i := range spans {
		b.acronymDeclaredName(&spans[i])
	}
	// A span the widened name took in is part of it.
	kept := spans[:0]
	for i, sp := range spans {
		inside := false
		for j, o := range spans {
			if j != i && o.Label == "ORG" && o.Start <= sp.Start && sp.End <= o.End && o.End-o.Start > sp.End-sp.Start {
				inside = true
			}
		}
		if !inside {
			kept = append(kept, sp)
		}
	}
	spans = kept
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Label == "PER" && spans[j].Label != "PER" })
	joined := map[int]bool{} // tokens a hyphenated surname took into a name before them
	spanStarts := map[int]string{}
	spanEnd := map[int]int{}
	for _, sp := range d.Ents {
		spanStarts[sp.Start] = sp.Label
		spanEnd[sp.Start] = sp.End
	}
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(d.Tokens) || sp.Start >= sp.End || joined[sp.Start] {
			continue
		}
		s, e := trimToponym(d, sp.Start, sp.End)
		e = trimLowerTail(d, s, e)
		if s >= e || (sp.Label == "LOC" || sp.Label == "GPE") && commonPluralAtStart(d, s, e) {
			continue
		}
		// "Linda Thomas-Greenfield": a double-barrelled surname, which
		// the tokenizer splits at its hyphen and the recogniser may cut
		// there or read as two names.
		for sp.Label == "PER" && e+1 < len(d.Tokens) && d.Tokens[e].Text == "-" && !d.Tokens[e-1].SpaceAfter &&
			!d.Tokens[e].SpaceAfter && isCapitalised(d.Tokens[e+1].Text) && !isPunct(d.Tokens[e+1].Text) &&
			d.SentenceOf(e+1) == d.SentenceOf(s) {
			joined[e], joined[e+1] = true, true
			e += 2
		}
		// "Guinea-Bissau" read as two places; "the Peace and Security
		// Council" the kb knows, read as two organisations.
		if sp.Label != "PER" && e == sp.End {
			ne := hyphenJoin(d, b.k, spanEnd, s, e)
			if ne == e && e+1 < len(d.Tokens) && (d.Tokens[e].Text == "and" || d.Tokens[e].Text == "&") {
				if end, ok := spanEnd[e+1]; ok && spanStarts[e+1] != "PER" && d.SentenceOf(e+1) == d.SentenceOf(s) {
					if _, ok := b.k.Actor(d.SpanText(s, end), b.pub); ok {
						ne = end
					}
				}
			}
			if ne > e {
				for i := e; i < ne; i++ {
					joined[i] = true
				}
				e = ne
			}
		}
		// "Abdel Fattah al-Burhan": the recogniser often stops before a
		// name's article joined by a hyphen, which the tokenizer splits.
		for sp.Label == "PER" && e+2 < len(d.Tokens) && arabicArticles[d.Tokens[e].Text] &&
			d.Tokens[e+1].Text == "-" && !d.Tokens[e].SpaceAfter && !d.Tokens[e+1].SpaceAfter &&
			isCapitalised(d.Tokens[e+2].Text) && d.SentenceOf(e+2) == d.SentenceOf(s) {
			e += 3
		}
		// "Mohammed bin Abdulrahman Al Thani": the recogniser often splits
		// a name at its lower-case patronymic particle; the capitalised
		// words after it belong to the name.
		// So does "Marcelo Rebelo de Sousa", "Ursula von der Leyen"
		// at a nobiliary particle, after a name of two words or more.
		if sp.Label == "PER" && e-s >= 2 && e+2 < len(d.Tokens) && nameParticles[d.Tokens[e].Text] && nameParticles[d.Tokens[e+1].Text] {
			if isCapitalised(d.Tokens[e+2].Text) && !isPunct(d.Tokens[e+2].Text) && d.SentenceOf(e+2) == d.SentenceOf(s) {
				e++ // "von der", "de la"
			}
		}
		if sp.Label == "PER" && e+1 < len(d.Tokens) && (patronymics[d.Tokens[e].Text] || e-s >= 2 && nameParticles[d.Tokens[e].Text]) &&
			isCapitalised(d.Tokens[e+1].Text) && !isPunct(d.Tokens[e+1].Text) && d.SentenceOf(e+1) == d.SentenceOf(s) {
			e++
			for e < len(d.Tokens) && isCapitalised(d.Tokens[e].Text) && d.SentenceOf(e) == d.SentenceOf(s) &&
				!isPunct(d.Tokens[e].Text) {
				e++
			}
		}
		// "the National Council for the Safeguard of the Homeland": an
		// institution's name runs on through "for"/"of" where the
		// recogniser often cuts it (or reads its tail as a place).
		if ns, ne, ok := b.runOnOrgName(s, e, spanStarts); ok {
			for i := ns; i < ne; i++ {
				b.inNER[i] = true
				if i >= e {
					joined[i] = true
				}
			}
			b.nameMention(ns, ne, "ORG")
			continue
		}
		// "al-Qaeda's": the recogniser may take the name after a
		// hyphenated Arabic article alone (as a person); with the article
		// it may be an actor the kb knows.
		if s >= 2 && d.Tokens[s-1].Text == "-" && arabicArticles[strings.ToLower(d.Tokens[s-2].Text)] &&
			!d.Tokens[s-2].SpaceAfter && !d.Tokens[s-1].SpaceAfter && b.byToken[s-2] == nil {
			if _, ok := b.k.Actor(d.SpanText(s-2, e), b.pub); ok {
				b.nameMention(s-2, e, "ORG")
				continue
			}
		}
		// "CIA Director William Burns" read as one organisation: a body
		// the kb knows, a title, then a name, is the body and a person.
		// "WHO Director(-General Tedros …)": a body the kb knows and
		// the title that follows it, cut from the name after it.
		if sp.Label == "ORG" && e-s >= 2 && roleHeads[strings.ToLower(d.Tokens[e-1].Text)] {
			if _, ok := b.k.Actor(d.SpanText(s, e-1), b.pub); ok {
				b.nameMention(s, e-1, "ORG")
				continue
			}
		}
		if sp.Label == "ORG" {
			if j := b.titleInOrgSpan(s, e); j > 0 {
				b.nameMention(s, j, "ORG")
				b.nameMention(j+1, e, "PER")
				continue
			}
		}
		// "Interior Minister | Ali Yerlikaya": a title the recogniser
		// read as an organisation before a name is the person's title,
		// which learnRoles reads.
		if sp.Label == "ORG" && spanStarts[e] == "PER" && b.titleOnly(s, e) {
			continue
		}
		// "Russian" + "Foreign Ministry": take a demonym the span left out.
		if s > 0 && sp.Label == "ORG" {
			if _, ok := b.k.CountryByDemonym(d.Tokens[s-1].Text); ok {
				if _, ok := b.k.Actor(d.SpanText(s-1, e), b.pub); ok {
					s--
				}
			}
		}
		label := sp.Label
		// "WFP country director | Pasqualina Di Sirio": a name after a
		// role word that reads as no institution is the role's holder.
		if label == "ORG" && b.personAfterRole(s, e) {
			label = "PER"
		}
		b.nameMention(s, e, label)
	}
}

// possessorCountry returns the token of a country's name written as the
// possessor of the name starting at token s ("Zambia's Electoral
// Commission"), over lower-case words describing it ("Turkey's disaster
// agency AFAD"), or -1.
func (b *entBuilder) possessorCountry(s int) int {
	d := b.doc
	j := s - 1
	for j >= 0 && s-j <= 3 && lowerWord(d.Tokens[j].Text) && (d.Tokens[j].POS == "NOUN" || d.Tokens[j].POS == "ADJ") {
		j--
	}
	if j < 1 || d.SentenceOf(j-1) != d.SentenceOf(s) {
		return -1
	}
	return b.countryBeforePossessive(j)
}

// countryBeforePossessive returns the first token of the country name of
// up to three words that ends right before the possessive at token j
// ("Zambia's", "Saudi Arabia's", "the United States'"), or -1.
func (b *entBuilder) countryBeforePossessive(j int) int {
	d := b.doc
	if j < 1 || j >= len(d.Tokens) || !isPossessive(d.Tokens[j].Text) {
		return -1
	}
	for n := 1; n <= 3 && j-n >= 0; n++ {
		st := j - n
		if !isCapitalised(d.Tokens[st].Text) || d.SentenceOf(st) != d.SentenceOf(j) {
			break
		}
		if _, ok := b.k.Country(d.SpanText(st, j)); ok {
			return st
		}
	}
	return -1
}

// titleOnly reports whether tokens [s, e) are a title and nothing else:
// a role word last ("Minister", "Secretary", "Governor") after title
// words or a portfolio ("Interior", "Energy"), no country and nothing the
// kb knows as an actor.
func (b *entBuilder) titleOnly(s, e int) bool {
	d := b.doc
	last := strings.ToLower(d.Tokens[e-1].Text)
	if !roleHeads[last] && !portfolioTitles[last] {
		return false
	}
	for i := s; i < e-1; i++ {
		t := d.Tokens[i]
		if !isTitleWord(t) && !(isCapitalised(t.Text) && (t.POS == "PROPN" || t.POS == "NOUN")) || b.countryWord(t.Text) {
			return false
		}
	}
	_, known := b.k.Actor(d.SpanText(s, e), b.pub)
	return !known
}

// personAfterRole reports whether the name [s, e), recognised as an
// organisation, follows a lower-case role word ("director", "spokesman")
// and has no word of an institution's name and no kb entry.
func (b *entBuilder) personAfterRole(s, e int) bool {
	d := b.doc
	if s == 0 || e-s < 2 || e-s > 4 || !roleHeads[d.Tokens[s-1].Text] || d.SentenceOf(s-1) != d.SentenceOf(s) {
		return false
	}
	for i := s; i < e; i++ {
		w := d.Tokens[i].Text
		lw := strings.ToLower(w)
		if !isCapitalised(w) && !nameJoiners[w] || bodyHeads[lw] || companyHeads[lw] || personlessHeads[lw] || orgNameHeads[lw] || b.countryWord(w) {
			return false
		}
	}
	if _, ok := b.k.Actor(d.SpanText(s, e), b.pub); ok {
		return false
	}
	return true
}

// trimLowerTail cuts from a recognised span a tail after its last
// capitalised word that holds a lower-case content word ("the BRP Datu
// Sanday | for about 15 minutes"); "Group of 77" keeps its tail of
// function words and digits.
func trimLowerTail(d *nlp.Doc, s, e int) int {
	last := -1
	for i := s; i < e; i++ {
		if isCapitalised(d.Tokens[i].Text) {
			last = i
		}
	}
	if last < 0 || last == e-1 {
		return e
	}
	for i := last + 1; i < e; i++ {
		w := d.Tokens[i].Text
		if lowerWord(w) && !nameJoiners[w] && !(i == e-1 && i >= 2 && d.Tokens[i-1].Text == "-" && d.Tokens[i-1].Start == d.Tokens[i-2].End && d.Tokens[i].Start == d.Tokens[i-1].End) {
			return last + 1 // "Ban Ki-moon" keeps its hyphenated given name
		}
	}
	return e
}

// nameJoiners are the lower-case words inside names ("Bank of
// England", "Party for Freedom", "Ministry of the Interior").
var nameJoiners = setOf("of for the and de du des la le da di del von van bin ibn al el")

// orgNameHeads end the names of institutions that may run on through
// "for" or "of" ("International Organization for Migration").
var orgNameHeads = setOf(`confederation federation union ministry council committee commission
directorate assembly agency bureau office authority organization organisation institute fund
movement association front court command`)

// runOnOrgName extends the name [s, e) whose last word heads an
// institution's name over "for/of (the) Capitalised …" to the last
// capitalised word of that run, and back over a capitalised adjective
// after "the" ("the General Confederation of Labour"). It does not run
// into a person's name or a known country or place ("the Foreign
// Ministry of Russia" stays two names). starts maps the first token of
// each recognised span to its label.
func (b *entBuilder) runOnOrgName(s, e int, starts map[int]string) (int, int, bool) {
	d := b.doc
	if !orgNameHeads[strings.ToLower(d.Tokens[e-1].Text)] || e >= len(d.Tokens) {
		return s, e, false
	}
	w := strings.ToLower(d.Tokens[e].Text)
	if w != "for" && w != "of" && w != "on" {
		return s, e, false
	}
	sent := d.SentenceOf(s)
	i := e + 1
	if i < len(d.Tokens) && strings.ToLower(d.Tokens[i].Text) == "the" {
		i++
	}
	// "the Commission on Human Rights", but "the commission on Tuesday".
	if w == "on" && (i >= len(d.Tokens) || calendarWords[strings.ToLower(d.Tokens[i].Text)]) {
		return s, e, false
	}
	first, end := i, -1
	for ; i < len(d.Tokens) && d.SentenceOf(i) == sent; i++ {
		t := d.Tokens[i]
		if starts[i] == "PER" {
			return s, e, false
		}
		if isCapitalised(t.Text) && !isPunct(t.Text) {
			end = i + 1
			continue
		}
		if l := strings.ToLower(t.Text); (l == "of" || l == "the" || l == "and") && end > 0 {
			continue
		}
		break
	}
	if end <= first {
		return s, e, false
	}
	tail := d.SpanText(first, end)
	if _, ok := b.k.Country(tail); ok || hasPlace(b.k, tail) {
		return s, e, false
	}
	if _, ok := b.k.CountryByDemonym(tail); ok {
		return s, e, false
	}
	if s >= 2 && d.SentenceOf(s-1) == sent && strings.EqualFold(d.Tokens[s-2].Text, "the") &&
		d.Tokens[s-1].POS == "ADJ" && isCapitalised(d.Tokens[s-1].Text) && !b.countryWord(d.Tokens[s-1].Text) {
		s--
	}
	return s, end, true
}

// titleInOrgSpan returns the token of a title inside an organisation
// span [s, e) that opens with a body the kb knows and ends with two or
// more capitalised words after the title ("CIA Director William Burns"),
// or -1.
func (b *entBuilder) titleInOrgSpan(s, e int) int {
	d := b.doc
	for j := s + 1; j < e; j++ {
		if !roleHeads[strings.ToLower(d.Tokens[j].Text)] {
			continue
		}
		if e-(j+1) < 2 {
			return -1
		}
		if a, ok := b.k.Actor(d.SpanText(s, j), b.pub); !ok || a.Kind == kb.KindPerson {
			return -1
		}
		for i := j + 1; i < e; i++ {
			if !isCapitalised(d.Tokens[i].Text) || isPunct(d.Tokens[i].Text) {
				return -1
			}
		}
		return j
	}
	return -1
}

// surnameOf returns the person met before token s whose name of several
// words ends with the one word at [s, e), unless a place preposition
// comes before it ("in Montenegro").
func (b *entBuilder) surnameOf(s, e int) *ent {
	d := b.doc
	if e-s != 1 {
		return nil
	}
	if s > 0 && placePreps[strings.ToLower(d.Tokens[s-1].Text)] {
		return nil
	}
	text := d.Tokens[s].Text
	for _, x := range b.ents {
		if x.kind != record.KindPerson {
			continue
		}
		if last, several := lastField(x.name); !several || last != text {
			continue
		}
		for _, mn := range x.mentions {
			if mn.e <= s {
				return x
			}
		}
	}
	return nil
}

// placePreps come before a place name, not a person's.
var placePreps = setOf("in to from into at across near throughout inside outside via")

// arabicArticles are the forms of the Arabic article written before a
// name with a hyphen ("al-Burhan", "el-Sisi", "ash-Sharaa").
var arabicArticles = setOf("al el ad ar as ash at az an ul ud")

// nameParticles are the lower-case particles inside European surnames
// ("de Sousa", "da Silva", "von der Leyen", "van Rompuy").
var nameParticles = setOf("de da do dos das del della di du van von der den la le")

// patronymics are the lower-case particles inside Arabic and Hebrew names
// ("bin", "ibn", "bint", "ben").
var patronymics = setOf("bin ibn bint ben")

// unAgency finds a UN agency named with the UN before its own name ("the
// U.N. International Organization for Migration", "UN OCHA"): the kb
// knows it by its own name, and it must be an intergovernmental body.
func unAgency(k *kb.KB, text, pub string) (kb.Actor, bool) {
	for _, p := range []string{"U.N. ", "UN ", "United Nations "} {
		if rest, ok := strings.CutPrefix(text, p); ok && rest != "" {
			if a, ok := k.Actor(rest, pub); ok && a.Kind != kb.KindPerson && strings.HasPrefix(a.Code, "IGO") {
				return a, true
			}
		}
	}
	return kb.Actor{}, false
}

// nameMention classifies and adds the name at tokens [s, e).
func (b *entBuilder) nameMention(s, e int, label string) {
	d, k := b.doc, b.k
	text := d.SpanText(s, e)
	if stormWords[strings.ToLower(d.Tokens[s].Text)] && label != "LOC" && label != "GPE" {
		return // "Typhoon Kristine", "Hurricane Ian": a storm, no actor
	}
	if a, ok := k.Actor(text, b.pub); ok && (label != "LOC" && label != "GPE" || a.Kind != kb.KindPerson) {
		if a.Kind == kb.KindPerson {
			// "Fed Chair Jerome Powell … Powell said": a surname alone
			// is the person the story named in full before, not the
			// kb's other bearer of it (Colin Powell).
			if x := b.surnameOf(s, e); x != nil {
				b.add(x.key, s, e, MentionName, "surname", nil)
				return
			}
		}
		b.add("actor:"+a.Name, s, e, MentionName, "kb:actor", b.actorEnt(a, s, e))
		return
	}
	if a, ok := unAgency(k, text, b.pub); ok {
		b.add("actor:"+a.Name, s, e, MentionName, "kb:actor", b.actorEnt(a, s, e))
		return
	}
	if a, ok := k.Metonym(text); ok && (label == "ORG" || b.acts(s, e)) {
		b.add("actor:"+a.Name, s, e, MentionName, "kb:metonym", b.actorEnt(a, s, e))
		return
	}
	if c, ok := k.Country(text); ok {
		// "Prime Minister Luis Montenegro … Montenegro told
		// supporters": a lone word that ends a person's name met
		// earlier is that person, save after a place preposition.
		if x := b.surnameOf(s, e); x != nil {
			b.add(x.key, s, e, MentionName, "surname", nil)
			return
		}
		b.add("country:"+c.Alpha2, s, e, MentionName, "kb:country", b.countryEnt(c, s, e))
		return
	}
	if c, ok := k.CountryByDemonym(text); ok && e-s == 1 {
		b.demonym(c, s)
		return
	}
	if e-s == 1 && label != "PER" {
		// A surname the recogniser mislabelled ("Haddad" as LOC).
		for _, x := range b.ents {
			if x.kind != record.KindPerson {
				continue
			}
			if last, several := lastField(x.name); several && last == text {
				b.add(x.key, s, e, MentionName, "surname", nil)
				return
			}
		}
	}
	if label != "LOC" && label != "GPE" && diseaseNames[kb.Key(text)] {
		return // "contracted Ebola": a disease, no organisation or person
	}
	switch label {
	case "PER":
		if e-s >= 2 && s > 0 && strings.EqualFold(d.Tokens[s-1].Text, "the") && eventHeads[strings.ToLower(d.Tokens[e-1].Text)] {
			return // "the Ridge Fire" is a wildfire ("Cal Fire" is an agency)
		}
		if e-s >= 2 && (companyHeads[strings.ToLower(d.Tokens[e-1].Text)] || programmeHeads[strings.ToLower(d.Tokens[e-1].Text)]) || personlessHeads[strings.ToLower(d.Tokens[e-1].Text)] {
			// "Huaqiang Electronics": a name ending in a company word
			// is a company, whatever the recogniser said.
			b.org(s, e)
			return
		}
		// "Sabina Shoal", "Scarborough Reef": a name ending in a word
		// for a natural feature is a place.
		if e-s >= 2 && featureHeads[strings.ToLower(d.Tokens[e-1].Text)] {
			b.place(s, e, text, "ner:PER+feature")
			return
		}
		b.person(s, e)
	case "LOC", "GPE":
		if diseaseNames[kb.Key(text)] {
			return // "cases of Ebola": a disease named after a river
		}
		if blocName(d, s, e) {
			return // "to the West": a bloc, not Cameroon's West region
		}
		if e-s >= 2 && (bodyHeads[strings.ToLower(d.Tokens[e-1].Text)] || institutionHeads[strings.ToLower(d.Tokens[e-1].Text)]) && !hasPlace(k, text) {
			// "Hamas' Political Bureau": a name ending in an
			// institution's head word is a body, whatever the
			// recogniser said, unless the gazetteer knows the place.
			b.org(s, e)
			return
		}
		b.place(s, e, text, "ner:LOC")
	case "ORG":
		if b.siteName(s, e) {
			b.place(s, e, text, "ner:ORG+site")
			return
		}
		b.org(s, e)
	}
}

// siteName reports whether the organisation name [s, e) is a site the
// gazetteer knows and the kb knows as no actor ("its Fordow enrichment
// site", see siteToponym).
func (b *entBuilder) siteName(s, e int) bool {
	if _, ok := b.k.Actor(b.doc.SpanText(s, e), b.pub); ok {
		return false
	}
	return siteToponym(b.doc, b.k, s, e)
}

// lastField returns the last of strings.Fields(s) ("" when none) and
// whether there are more than one, without splitting s.
func lastField(s string) (last string, several bool) {
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	for i := start; i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			return s[start:end], true
		}
		i -= n
	}
	return s[start:end], false
}

// companyHeads are words that end the names of companies, not people.
var companyHeads = setOf(`electronics group holdings corp corp. corporation inc inc. ltd ltd. plc llc bank
airlines airways motors technologies technology industries energy petroleum telecom pharmaceuticals
systems logistics shipping mining enterprises`)

// featureHeads end the names of natural features, never a person's.
var featureHeads = setOf(`shoal shoals reef reefs island islands islet atoll strait straits bay gulf
river lake mountain mountains mount peninsula cape valley desert sea`)

// personlessHeads end the names of institutions and never a person's
// ("the General Workers Confederation" is no general).
var personlessHeads = setOf(`confederation federation union ministry council committee commission
directorate assembly agency bureau congress command center centre hospital university college school
academy institute clinic foundation association society church mosque cathedral service services
water hydro transit observatory tribunal coalition network forum institution laboratory`)

// stormWords open the names of storms.
var stormWords = setOf(`typhoon hurricane cyclone storm tropical superstorm`)

// eventHeads end the names of fires and storms after "the" ("the Camp
// Fire", "the Dixie Complex"): no person, place or body.
var eventHeads = setOf(`fire fires complex storm`)

// institutionHeads end the names of universities, schools and hospitals:
// the entity is the institution ("Michigan State University" read as a
// location); places still take such names as facilities.
var institutionHeads = setOf(`university college institute academy polytechnic hospital infirmary clinic`)

// bodyHeads are words that end the names of institutions, not places.
var bodyHeads = map[string]bool{
	"bureau": true, "ministry": true, "council": true, "committee": true, "commission": true,
	"office": true, "party": true, "agency": true, "department": true, "directorate": true,
	"brigade": true, "brigades": true, "militia": true, "army": true, "battalion": true,
	"parliament": true, "assembly": true, "court": true, "authority": true, "front": true,
	"guard": true, "guards": true, "navy": true, "police": true, "forces": true, "corps": true, "gendarmerie": true,
}

// acts reports whether the mention [s, e) is the subject of its verb, the
// reading in which "Washington" or "the Kremlin" stands for a government.
func (b *entBuilder) acts(s, e int) bool {
	for i := s; i < e; i++ {
		t := b.doc.Tokens[i]
		if (t.Dep == "nsubj" || t.Dep == "nsubj:pass") && (t.Head < s || t.Head >= e) {
			return true
		}
	}
	return false
}

// demonym adds "Russian" as a mention of Russia, or a plural noun
// "Palestinians" as a group of that country's people.
func (b *entBuilder) demonym(c kb.Country, i int) {
	t := b.doc.Tokens[i]
	if strings.HasSuffix(t.Text, "s") && !isAdjUse(b.doc, i) {
		b.add("group:"+c.Alpha2, i, i+1, MentionName, "kb:demonym", func() *ent {
			why := b.ev(i, i+1, "kb:demonym")
			return &ent{name: t.Text, kind: record.KindGroup, code: c.CAMEO, why: &why, country: c.Alpha2}
		})
		return
	}
	b.add("country:"+c.Alpha2, i, i+1, MentionName, "kb:demonym", b.countryEnt(c, i, i+1))
}

// isAdjUse reports whether token i modifies a following noun.
func isAdjUse(d *nlp.Doc, i int) bool {
	return i+1 < len(d.Tokens) && d.Tokens[i].Head > i
}

// person adds a person name, grouped with an earlier fuller name that
// ends with it ("Peskov", "Abu Marzook").
func (b *entBuilder) person(s, e int) {
	text := b.doc.SpanText(s, e)
	tkey := kb.Key(text)
	key := "person:" + tkey
	if b.byKey[key] == nil {
		for _, x := range b.ents {
			if x.kind == record.KindPerson && hasWordSuffix(x.nameKey(), tkey) {
				b.add(x.key, s, e, MentionName, "surname", nil)
				return
			}
		}
	}
	b.add(key, s, e, MentionName, "ner:PER", func() *ent { return &ent{name: text, kind: record.KindPerson} })
}

func (b *entBuilder) place(s, e int, text, rule string) {
	key := "place:" + kb.Key(text)
	p, found := b.k.TopPlace(text)
	if found {
		key = "place:" + p.ID // "Gaza" and "Gaza Strip" meet
	}
	b.add(key, s, e, MentionName, rule, func() *ent {
		x := &ent{name: text, kind: record.KindPlace}
		if found {
			x.kbid = p.ID
			if c, ok := b.k.CountryByCode(p.Country); ok && p.Country != "" {
				x.code = c.CAMEO
				why := b.ev(s, e, "kb:gazetteer "+p.Name)
				x.why = &why
			}
		}
		return x
	})
}

// hasPlace reports whether the gazetteer knows a place of the name.
func hasPlace(k *kb.KB, name string) bool {
	_, ok := k.TopPlace(name)
	return ok
}

// org adds an organisation; acronyms and country-less variants are
// grouped later (groupOrgVariants). A body without kb entry gets a code
// from a demonym or country in its name plus a sector word ("Israeli
// military" → ISRMIL).
func (b *entBuilder) org(s, e int) {
	text := b.doc.SpanText(s, e)
	if x := b.shortOrgOf(s, e); x != nil {
		b.add(x.key, s, e, MentionName, "short name", nil)
		return
	}
	// "Hamas' military wing" is Hamas acting through a part of it.
	b.add("org:"+kb.Key(text), s, e, MentionName, "ner:ORG", func() *ent {
		x := &ent{name: text, kind: record.KindOrg}
		// "Hamas' Political Bureau" is part of Hamas.
		if s >= 2 && isPossessive(b.doc.Tokens[s-1].Text) {
			if o := b.byToken[s-2]; o != nil && o.code != "" && o.kind == record.KindOrg {
				x.code = o.code
				ev := b.ev(s-2, e, "code:part of "+o.name)
				x.why = &ev
				return x
			}
		}
		// "the Board of Governors" in a story about the IAEA: an
		// international body's organ, not the dateline country's.
		if igo := b.organOfIGO(s, e); igo != nil {
			x.code = igo.code
			ev := b.ev(s, e, "code:organ of "+igo.name)
			x.why = &ev
			return x
		}
		// "the Swiss Foreign Ministry": the recogniser often leaves the
		// demonym out of the name, but it says whose ministry it is.
		cs, ce := s, e
		if s >= 1 && b.doc.SentenceOf(s-1) == b.doc.SentenceOf(s) && isCapitalised(b.doc.Tokens[s-1].Text) && b.countryWord(b.doc.Tokens[s-1].Text) {
			cs = s - 1
		} else if p := b.possessorCountry(s); p >= 0 {
			// "Zambia's Electoral Commission", "Turkey's disaster
			// agency AFAD": a country's possessive says whose body it is.
			cs = p
		} else if n := b.ofCountryAfter(e); n > e {
			// "the Central Bank of Nigeria", the recogniser having left
			// the country out of the name.
			ce = n
		}
		if ce == e {
			// "the GDL train drivers' union": the common noun the name
			// modifies says what kind of body it is.
			ce = b.descriptorAfter(e)
		}
		if code, why, ok := b.codePhrase(cs, ce); ok && !strings.Contains(code, ",") {
			if why == "role word" && len(code) == 3 {
				// "Kenyatta University in Nairobi" in a story that
				// names no country otherwise.
				if c, at, found := b.placeCountryAfter(ce); found {
					code, why = c+code, "role+place "+at
				}
			}
			// "a judge in Manhattan … a Columbia University student": a
			// body the kb does not know is of the country of the town
			// its sentence is set in, not of the article's.
			if strings.HasPrefix(why, "role+article country") && len(code) > 3 {
				if c, at, found := b.placeCountryAfter(ce); found {
					// "the Queen Elizabeth University Hospital in
					// Glasgow": the body's own phrase places it.
					if c != code[:3] {
						code, why = c+code[3:], "role+place "+at
					}
				} else if c, at, found := b.placeCountryBefore(cs, ce); found && c != code[:3] {
					code, why = c+code[3:], "role+place "+at
				}
			}
			x.code = code
			ev := b.ev(cs, e, "code:"+why)
			x.why = &ev
		}
		return x
	})
}

// descriptorAfter returns the end of the lower-case noun phrase that the
// name ending at e modifies, when its last word is a role word with a
// sector ("GDL [train drivers' union]", "the KMT [party]"); else e.
func (b *entBuilder) descriptorAfter(e int) int {
	d := b.doc
	j := e
	for j < len(d.Tokens) && j < e+4 && d.SentenceOf(j) == d.SentenceOf(e-1) {
		t := d.Tokens[j]
		if !(lowerWord(t.Text) && (t.POS == "NOUN" || t.POS == "ADJ") || isPossessive(t.Text) && j > e) {
			break
		}
		j++
	}
	for k := j; k > e; k-- {
		if _, ok := b.k.RoleSector(strings.ToLower(d.Tokens[k-1].Text)); ok && d.Tokens[k-1].POS == "NOUN" {
			return k
		}
	}
	return e
}

// acronymDeclaredName widens a span ending in an institution's head word
// and followed by an acronym in brackets to the whole capitalised name
// before it, an organisation: "the Disaster and Emergency Management
// Authority (AFAD)", which the recogniser may cut at "and" and call a
// person.
func (b *entBuilder) acronymDeclaredName(sp *nlp.Span) {
	d := b.doc
	if n := sp.End; n-sp.Start >= 4 && n <= len(d.Tokens) && d.Tokens[n-3].Text == "(" && d.Tokens[n-1].Text == ")" && isAcronymWord(d.Tokens[n-2].Text) {
		// The recogniser took the brackets in: "National Statistics (ONS)".
		sp.End, sp.EndByte = n-3, d.Tokens[n-4].End
	}
	b.widenHeadedName(sp)
	e := sp.End
	if e < 1 || e+2 >= len(d.Tokens) || d.Tokens[e].Text != "(" || d.Tokens[e+2].Text != ")" || !isAcronymWord(d.Tokens[e+1].Text) {
		return
	}
	// Without a head word, the acronym must spell the widened name:
	// "the Office for National Statistics (ONS)", read as MISC "National
	// Statistics" after an untagged "Office".
	spelled := !orgNameHeads[strings.ToLower(d.Tokens[e-1].Text)]
	sent := d.SentenceOf(sp.Start)
	s := sp.Start
	for s > 0 && d.SentenceOf(s-1) == sent {
		w := d.Tokens[s-1].Text
		switch {
		case (w == "and" || w == "of" || w == "for") && s >= 2 && d.SentenceOf(s-2) == sent && isCapitalised(d.Tokens[s-2].Text) && !isDet(d.Tokens[s-2].Text):
			s -= 2
			continue
		case isCapitalised(w) && !isPunct(w) && !isDet(w) && (!b.inNER[s-1] || spelled):
			s--
			continue
		}
		break
	}
	if spelled && (s == sp.Start || !isAcronym(d.Tokens[e+1].Text, d.SpanText(s, e))) {
		return
	}
	for i := s; i < sp.End; i++ {
		b.inNER[i] = true
	}
	sp.Start, sp.Label = s, "ORG"
}

// widenHeadedName widens a span that ends in an institution's head word
// over the proper nouns the recogniser left untagged right before it: "The
// Migration Observatory", read as the person "Observatory". It becomes an
// organisation.
func (b *entBuilder) widenHeadedName(sp *nlp.Span) {
	d := b.doc
	e := sp.End
	if e < 1 || e > len(d.Tokens) {
		return
	}
	last := strings.ToLower(d.Tokens[e-1].Text)
	if !orgNameHeads[last] && !personlessHeads[last] {
		return
	}
	sent := d.SentenceOf(sp.Start)
	s := sp.Start
	for s > 0 && s > sp.Start-3 && d.SentenceOf(s-1) == sent && !b.inNER[s-1] {
		t := d.Tokens[s-1]
		if t.POS != "PROPN" || !isCapitalised(t.Text) || isDet(t.Text) {
			break
		}
		s--
	}
	if s < sp.Start {
		for i := s; i < sp.Start; i++ {
			b.inNER[i] = true
		}
		sp.Start, sp.StartByte, sp.Label = s, d.Tokens[s].Start, "ORG"
	}
}

// isAcronymWord reports a word of two or more capital letters.
func isAcronymWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// ofCountryAfter returns the end of "of (the) COUNTRY" right after token
// e-1 when an institution's head word ends the name before it, else e.
func (b *entBuilder) ofCountryAfter(e int) int {
	d := b.doc
	if h := strings.ToLower(d.Tokens[max(e-1, 0)].Text); e < 1 || e+1 >= len(d.Tokens) || !orgNameHeads[h] && h != "bank" || d.Tokens[e].Text != "of" {
		return e
	}
	i := e + 1
	if strings.EqualFold(d.Tokens[i].Text, "the") {
		i++
	}
	if i >= len(d.Tokens) || d.SentenceOf(i) != d.SentenceOf(e-1) {
		return e
	}
	if _, n, ok := countryAt(d, b.k, i, len(d.Tokens)); ok {
		return i + n
	}
	return e
}

// shortOrgOf returns the coded organisation met before token s whose
// longer name holds the name [s, e) word for word ("the Treasury" after
// "the U.S. Treasury Department"), when nothing before the short name
// says whose body it is ("Taiwan's Defense Ministry" after "China's
// Defense Ministry" is another ministry) and the kb does not know the
// short name itself.
func (b *entBuilder) shortOrgOf(s, e int) *ent {
	d := b.doc
	if e-s > 2 {
		return nil
	}
	if s >= 1 && (b.countryWord(d.Tokens[s-1].Text) || isPossessive(d.Tokens[s-1].Text)) || b.possessorCountry(s) >= 0 {
		return nil
	}
	text := d.SpanText(s, e)
	if _, ok := b.k.Actor(text, b.pub); ok {
		return nil
	}
	short := strings.Fields(strings.ToLower(text))
	var best *ent
	for _, x := range b.ents {
		if x.kind != record.KindOrg || x.code == "" {
			continue
		}
		long := strings.Fields(strings.ToLower(x.name))
		if len(long) <= len(short) {
			continue
		}
		for i := 0; i+len(short) <= len(long); i++ {
			if slices.Equal(long[i:i+len(short)], short) {
				for _, mn := range x.mentions {
					if mn.e <= s {
						best = x
					}
				}
				break
			}
		}
	}
	return best
}

// declaredAcronyms merges an acronym the text declares for an
// organisation's name into it, whatever its letters: "the General
// Confederation of Labour (CGT)", "…, known as the CGT".
func (b *entBuilder) declaredAcronyms() {
	d := b.doc
	for _, y := range append([]*ent(nil), b.ents...) {
		if y.kind != record.KindOrg {
			continue
		}
		for _, m := range y.mentions {
			i := m.e
			switch {
			case i+2 < len(d.Tokens) && d.Tokens[i].Text == "(" && d.Tokens[i+2].Text == ")":
				i++
			case i+3 < len(d.Tokens) && d.Tokens[i].Text == "," && strings.EqualFold(d.Tokens[i+1].Text, "known") && d.Tokens[i+2].Text == "as":
				i += 3
				if strings.EqualFold(d.Tokens[i].Text, "the") && i+1 < len(d.Tokens) {
					i++
				}
			default:
				continue
			}
			w := d.Tokens[i].Text
			if len(w) < 2 || strings.ToUpper(w) != w || d.SentenceOf(i) != d.SentenceOf(m.s) {
				continue
			}
			if x := b.byToken[i]; x != nil && x != y && x.kind == record.KindOrg && x.name == w {
				b.merge(x, y)
			}
		}
	}
}

// organWords name the organs through which international bodies are
// governed ("Board of Governors", "Secretariat", "General Conference").
var organWords = setOf(`board secretariat conference`)

// organOfIGO returns the international body (IGO…) an organ's name at
// [s, e) belongs to: one the text named before it, when the name has an
// organ word and no country or national word ("the Federal Reserve Board"
// and "the National Board of Revenue" are not). Nil when there is none.
func (b *entBuilder) organOfIGO(s, e int) *ent {
	organ := false
	for i := s; i < e; i++ {
		w := strings.ToLower(b.doc.Tokens[i].Text)
		if w == "national" || w == "federal" || w == "state" || b.countryWord(b.doc.Tokens[i].Text) {
			return nil
		}
		if _, ok := b.k.Actor(b.doc.Tokens[i].Text, b.pub); ok {
			return nil
		}
		organ = organ || organWords[w]
	}
	if !organ {
		return nil
	}
	for i := s - 1; i >= 0; i-- {
		if x := b.byToken[i]; x != nil && x.kind == record.KindOrg && strings.HasPrefix(x.code, "IGO") {
			return x
		}
	}
	return nil
}

// surnames adds lone capitalised words the recogniser missed that repeat
// the last word of a person's name ("Haddad").
func (b *entBuilder) surnames() {
	last := map[string]*ent{}
	for _, x := range b.ents {
		if x.kind == record.KindPerson {
			if f := strings.Fields(x.name); len(f) > 1 {
				last[f[len(f)-1]] = x
			}
		}
	}
	if len(last) == 0 {
		return
	}
	for i, t := range b.doc.Tokens {
		if x := last[t.Text]; x != nil && b.byToken[i] == nil && !b.inNER[i] {
			b.add(x.key, i, i+1, MentionName, "surname", nil)
		}
	}
}

// titledPersons merges a person named with a personal title ("Mr.
// Trump", "Mr. Donald Trump") into the one other person whose name, less
// any title, ends in the titled name's rest ("Donald Trump"), whichever
// the text names first.
func (b *entBuilder) titledPersons() {
	untitled := func(name string) []string {
		f := strings.Fields(name)
		for len(f) > 1 && personalTitles[strings.ToLower(f[0])] {
			f = f[1:]
		}
		return f
	}
	for _, x := range append([]*ent(nil), b.ents...) {
		if x.kind != record.KindPerson || b.byKey[x.key] != x {
			continue
		}
		f := strings.Fields(x.name)
		titled := len(f) >= 2 && personalTitles[strings.ToLower(f[0])]
		u := untitled(x.name)
		if !titled && len(u) != 1 {
			continue // "Mr. Trump", "Mr. Donald Trump", or a lone "Ban"
		}
		rest := kb.Key(strings.Join(u, " "))
		var into *ent
		names := map[string]bool{}
		for _, y := range b.ents {
			if y == x || y.kind != record.KindPerson || b.byKey[y.key] != y {
				continue
			}
			g := untitled(y.name)
			gk := kb.Key(strings.Join(g, " "))
			// "Ban Ki-moon" is Mr. Ban: a hyphenated given name with a
			// lower-case second syllable comes after the surname.
			surnameFirst := len(g) == 2 && len(u) == 1 && strings.Contains(g[1], "-") && lowerWord(g[1][strings.Index(g[1], "-")+1:]) && kb.Key(g[0]) == rest
			if !titled && !surnameFirst {
				continue // a lone name joins only a surname-first name here
			}
			if !surnameFirst && (len(g) < len(u) || !hasWordSuffix(gk, rest)) {
				continue
			}
			if gk == rest && len(g) == len(u) && titled {
				if into == nil {
					into = y // the same name untitled, unless a fuller one is found
				}
				continue
			}
			names[gk] = true
			if into == nil || kb.Key(strings.Join(untitled(into.name), " ")) == rest || len(g) == len(strings.Fields(y.name)) && len(strings.Fields(into.name)) > len(untitled(into.name)) {
				into = y // the fuller name, untitled if any
			}
		}
		if len(names) == 1 || len(names) == 0 && into != nil {
			b.merge(x, into)
		}
	}
}

// kbScan finds kb names the recogniser missed: actors, metonyms,
// countries (up to five tokens) and demonyms, outside entity spans.
func (b *entBuilder) kbScan() {
	d, k := b.doc, b.k
	for i := 0; i < len(d.Tokens); i++ {
		if b.byToken[i] != nil || b.inNER[i] {
			// Demonyms inside entity spans still mention their country
			// for "the country" (not as mentions of their own).
			continue
		}
		t := d.Tokens[i]
		lowerThe := strings.EqualFold(t.Text, "the")
		if !isCapitalised(t.Text) && !lowerThe {
			continue
		}
		matched := false
		for n := min(5, len(d.Tokens)-i); n >= 1 && !matched; n-- {
			j := i + n
			if !isCapitalised(d.Tokens[j-1].Text) || (lowerThe && n == 1) {
				continue
			}
			text := d.SpanText(i, j)
			if a, ok := k.Actor(text, b.pub); ok && (a.Kind != kb.KindPerson || !lowerThe) {
				if a.Kind == kb.KindPerson && n == 1 && b.otherFirstName(i) {
					continue // "Jimmy Harris" is not Kamala Harris
				}
				if x := b.surnameOf(i, j); a.Kind == kb.KindPerson && x != nil {
					matched = b.add(x.key, i, j, MentionName, "surname", nil) != nil
					break
				}
				matched = b.add("actor:"+a.Name, i, j, MentionName, "kb:actor", b.actorEnt(a, i, j)) != nil
			} else if a, ok := k.Metonym(text); ok && (lowerThe || b.acts(i, j)) {
				matched = b.add("actor:"+a.Name, i, j, MentionName, "kb:metonym", b.actorEnt(a, i, j)) != nil
			} else if c, ok := k.Country(text); ok && !lowerThe {
				matched = b.add("country:"+c.Alpha2, i, j, MentionName, "kb:country", b.countryEnt(c, i, j)) != nil
			} else if c, ok := k.CountryByDemonym(text); ok && n == 1 {
				b.demonym(c, i)
				matched = true
			}
			if matched {
				i = j - 1
			}
		}
	}
}

// otherFirstName reports whether the surname at token i follows a
// capitalised word of the same sentence that is no title, role, country
// or honorific: a first name, so the surname is someone else's than the
// kb person's it spells ("Madison County Mayor Jimmy Harris").
func (b *entBuilder) otherFirstName(i int) bool {
	d := b.doc
	if i == 0 || d.SentenceOf(i-1) != d.SentenceOf(i) {
		return false
	}
	w := d.Tokens[i-1].Text
	lw := strings.ToLower(w)
	if !isCapitalised(w) || !d.Tokens[i-1].SpaceAfter || isPunct(w) || honorifics[lw] || b.countryWord(w) {
		return false
	}
	if _, ok := b.k.RoleSector(lw); ok || roleHeads[lw] || titleTails[lw] {
		return false
	}
	return b.byToken[i-1] == nil && !b.inNER[i-1] && d.Tokens[i-1].POS == "PROPN"
}

// groupOrgVariants merges an organisation written without its country
// ("the Foreign Ministry") into one written with it ("the Russian Foreign
// Ministry"), and an acronym into the name it abbreviates.
func (b *entBuilder) groupOrgVariants() {
	b.declaredAcronyms()
	for _, x := range append([]*ent(nil), b.ents...) {
		if x.kind != record.KindOrg || !strings.HasPrefix(x.key, "org:") {
			continue
		}
		// A country written just before the body ("the UAE Foreign
		// Ministry", "Kenya's Health Ministry") comes first, and keeps
		// the body from another country's of the same name.
		before := ""
		for _, m := range x.mentions {
			p := m.s - 1
			if p >= 1 && isPossessive(b.doc.Tokens[p].Text) {
				p--
			}
			if p >= 0 && b.doc.SentenceOf(p) == b.doc.SentenceOf(m.s) {
				if y := b.byToken[p]; y != nil && strings.HasPrefix(y.key, "country:") && len(y.code) == 3 {
					before = y.code
					break
				}
			}
		}
		short := x.nameKey()
		var into *ent
		for _, y := range b.ents {
			if y == x || y.kind != record.KindOrg {
				continue
			}
			if before != "" && len(y.code) >= 3 && y.code[:3] != before && !strings.HasPrefix(y.code, "IGO") {
				continue
			}
			long := y.nameKey()
			if strings.HasSuffix(long, " "+short) && len(strings.Fields(long)) > len(strings.Fields(short)) {
				into = y
				break
			}
			if isAcronym(x.name, y.name) {
				into = y
				break
			}
			// "Toyota" after "Toyota Motor Corp": a company's name
			// without its legal form.
			if f := strings.Fields(long); len(f) > len(strings.Fields(short)) && strings.HasPrefix(long, short+" ") && corporateSuffixes[strings.TrimSuffix(f[len(f)-1], ".")] {
				into = y
				break
			}
		}
		// "the Foreign Ministry" with no country: the dateline's country's
		// (a wire reporter in Moscow writes "the Foreign Ministry" for
		// Russia's, whichever country the story is most about), else the
		// country the article names most.
		for _, cc := range [3]struct{ code, why string }{{before, "the name before it"}, {b.dateline, "the dateline"}, {b.dominant, "the article"}} {
			if into != nil || cc.code == "" {
				continue
			}
			if cc.code != before && before != "" {
				// The country is written; the kb only lacks its body.
				if sec, ok := b.k.RoleSector(strings.ToLower(x.name)); ok && len(x.code) <= 3 {
					if c, ok := b.k.CountryByCode(before); ok {
						x.code = c.CAMEO + sec
						ev := b.ev(x.mentions[0].s, x.mentions[0].e, "code:country before the body "+c.Name)
						x.why = &ev
					}
				}
				break
			}
			if c, ok := b.k.CountryByCode(cc.code); ok && len(c.Demonyms) > 0 {
				if a, ok := b.k.Actor(c.Demonyms[0]+" "+x.name, b.pub); ok && a.Kind == kb.KindBody {
					m := x.mentions[0]
					into = b.byKey["actor:"+a.Name]
					if into == nil {
						into = &ent{key: "actor:" + a.Name}
						*into = *b.actorEnt(a, m.s, m.e)()
						into.key = "actor:" + a.Name
						into.why.Rule = "kb:actor " + a.String() + " (country from " + cc.why + ": " + c.Name + ")"
						b.byKey[into.key] = into
						b.ents = append(b.ents, into)
					}
				}
			}
		}
		if into != nil {
			b.merge(x, into)
		}
	}
}

func isAcronym(short, long string) bool {
	if len(short) < 2 || strings.ToUpper(short) != short || strings.Contains(short, " ") {
		return false
	}
	var ini strings.Builder
	for _, w := range strings.Fields(long) {
		if isCapitalised(w) {
			ini.WriteString(w[:1])
		}
	}
	return ini.String() == short
}

// merge moves x's mentions into y and drops x.
func (b *entBuilder) merge(x, y *ent) {
	y.mentions = append(y.mentions, x.mentions...)
	for _, m := range x.mentions {
		for i := m.s; i < m.e; i++ {
			b.byToken[i] = y
		}
	}
	if y.code == "" && x.code != "" {
		y.code, y.why = x.code, x.why
	}
	delete(b.byKey, x.key)
	for i, z := range b.ents {
		if z == x {
			b.ents = append(b.ents[:i], b.ents[i+1:]...)
			break
		}
	}
}

// nominal head nouns and what they refer back to.
var nominalHeads = map[string]string{
	"group": "org", "movement": "org", "organisation": "org", "organization": "org", "militants": "org",
	"country": "country", "nation": "country",
	"capital": "capital",
	"enclave": "place", "territory": "place", "strip": "place", "city": "place",
}

// nominals links definite descriptions to entities: "the group", "the
// country", "the Russian capital", "the Palestinian enclave".
func (b *entBuilder) nominals() {
	d := b.doc
	for i := 0; i+1 < len(d.Tokens); i++ {
		if !strings.EqualFold(d.Tokens[i].Text, "the") {
			continue
		}
		j := i + 1
		var c kb.Country
		hasDem := false
		if cc, ok := b.k.CountryByDemonym(d.Tokens[j].Text); ok && j+1 < len(d.Tokens) {
			c, hasDem = cc, true
			j++
		}
		head := strings.ToLower(d.Tokens[j].Text)
		ref, ok := nominalHeads[head]
		if !ok || b.takenExceptDemonyms(i, j+1) {
			continue
		}
		end := j + 1
		// Gazetteer alternate names first: "the Palestinian enclave".
		if hasDem || ref == "place" {
			phrase := d.SpanText(i+1, end)
			if p, ok := b.k.TopPlace(phrase); ok && !kb.SameKey(p.Name, phrase) {
				b.linkPlace(p, i, end, "nominal:gazetteer")
				continue
			}
		}
		switch ref {
		case "place":
			if hasDem {
				continue
			}
			// "the enclave" → the last area named; "the city" → the last town.
			want := map[string]bool{kb.FeatureRegion: true, kb.FeatureAdmin1: true, kb.FeatureAdmin2: true}
			if head == "city" {
				want = map[string]bool{kb.FeatureCity: true, kb.FeatureCapital: true}
			}
			x := b.lastBefore(i, func(x *ent) bool {
				if x.kind != record.KindPlace || x.kbid == "" {
					return false
				}
				p, ok := b.k.Place(x.kbid)
				return ok && want[p.Feature]
			})
			if x != nil {
				b.add(x.key, i, end, MentionNominal, "nominal:place", nil)
			}
		case "capital":
			if hasDem && c.Capital != "" {
				if p, ok := b.k.TopPlace(c.Capital); ok {
					b.linkPlace(p, i, end, "nominal:capital")
				}
			}
		case "country":
			if hasDem {
				continue
			}
			if x := b.soleCountryBefore(i); x != nil {
				b.add(x.key, i, end, MentionNominal, "nominal:country", nil)
			}
		case "org":
			if hasDem {
				continue
			}
			x := b.lastBefore(i, func(x *ent) bool { return x.kbKind == kb.KindGroup })
			if x == nil {
				x = b.lastBefore(i, func(x *ent) bool {
					return x.kind == record.KindOrg && x.kbKind != kb.KindMetonym && x.kbKind != kb.KindBody
				})
			}
			if x != nil {
				b.add(x.key, i, end, MentionNominal, "nominal:group", nil)
			}
		}
	}
}

// possessedBodies gives an organisation to a country's body written in
// common nouns after the country's possessive ("China's coast guard",
// "Ukraine's air force"), coded with the country and the body's sector,
// so that what it says has a speaker.
func (b *entBuilder) possessedBodies() {
	d := b.doc
	n := len(d.Tokens)
	for j := 1; j+1 < n; j++ {
		if !isPossessive(d.Tokens[j].Text) {
			continue
		}
		c := b.byToken[j-1]
		if c == nil || !strings.HasPrefix(c.key, "country:") || !isCapitalised(d.Tokens[j-1].Text) {
			continue
		}
		// The longest phrase of one or two lower-case words naming a body.
		e := -1
		sector := ""
		for k := min(j+3, n); k > j+1; k-- {
			ok := true
			for i := j + 1; i < k; i++ {
				if !lowerWord(d.Tokens[i].Text) || b.byToken[i] != nil || d.SentenceOf(i) != d.SentenceOf(j) {
					ok = false
				}
			}
			head := d.Tokens[k-1].Text
			if !ok || !bodyHeads[head] && head != "military" && head != "force" {
				continue
			}
			if sec, found := b.k.RoleSector(d.SpanText(j+1, k)); found {
				e, sector = k, sec
				break
			}
		}
		// "Turkey's disaster agency AFAD": the name after is the body.
		if e < 0 || e < n && d.SentenceOf(e) == d.SentenceOf(j) && (b.byToken[e] != nil || isCapitalised(d.Tokens[e].Text) && d.Tokens[e].POS == "PROPN") {
			continue
		}
		country, found := b.k.CountryByCode(c.code)
		if !found {
			continue
		}
		name := d.SpanText(j-1, e)
		b.add("org:"+kb.Key(name), j+1, e, MentionName, "possessed-body", func() *ent {
			why := b.ev(j-1, e, "code:country+role")
			return &ent{name: name, kind: record.KindOrg, kbKind: kb.KindBody, code: country.CAMEO + sector, why: &why}
		})
		j = e - 1
	}
}

// bodyNoun returns the lower-case common noun that names the body x
// when written without its name: the last word of "International Atomic
// Energy Agency" (the agency), the word before "of" in "Department of
// Foreign Affairs" (the department). "" for one-word names.
func bodyNoun(x *ent) []string {
	f := strings.Fields(x.name)
	if len(f) < 2 {
		return nil
	}
	out := []string{strings.ToLower(f[len(f)-1])}
	for i := 1; i+1 < len(f); i++ {
		if f[i+1] == "of" || f[i+1] == "for" || f[i+1] == "on" {
			out = append(out, strings.ToLower(f[i]))
			break
		}
	}
	return out
}

// stateForceNouns, written alone, name a state's armed forces: "the army"
// after "the Arakan Army" or "the White Army", rebel groups, is not them.
var stateForceNouns = setOf("army armies forces force navy military")

// definiteBodies links "the agency", "the ministry", "the commission" to
// the coded organisation named last before it whose name that noun heads
// ("the International Atomic Energy Agency … the agency's chief"). A noun
// followed by "of" or a capitalised word opens another name ("the
// ministry of defence") and is left alone.
func (b *entBuilder) definiteBodies() {
	d := b.doc
	type bodyWord struct {
		w string
		x *ent
	}
	var words []bodyWord
	for _, x := range b.ents {
		if x.kind != record.KindOrg || x.code == "" {
			continue
		}
		for _, w := range bodyNoun(x) {
			if stateForceNouns[w] && !strings.HasSuffix(x.code, "MIL") {
				continue // "the army" after the Arakan Army is the state's army
			}
			if lowerWord(w) && len(w) > 3 {
				words = append(words, bodyWord{w, x})
			}
		}
	}
	if len(words) == 0 {
		return
	}
	// The body each noun has already stood for: "the commission", once
	// it names one body, goes on naming it when another commission is
	// named in passing.
	established := map[string]*ent{}
	for i := 0; i+1 < len(d.Tokens); i++ {
		the := strings.EqualFold(d.Tokens[i].Text, "the")
		if !the && !(indefinite(d.Tokens[i].Text) && i+2 < len(d.Tokens) && (roleHeads[d.Tokens[i+2].Text] || i+3 < len(d.Tokens) && roleHeads[d.Tokens[i+3].Text])) {
			continue // "a" only before "commission spokesman" and the like
		}
		j := i + 1
		// "the Russian ministry": a demonym before the noun narrows the
		// bodies to that country's.
		country := ""
		if j+1 < len(d.Tokens) && isCapitalised(d.Tokens[j].Text) && (b.byToken[j] == nil || b.isDemonymMention(j)) {
			if c, ok := b.k.CountryByDemonym(d.Tokens[j].Text); ok {
				country = c.CAMEO
				j++
			}
		}
		w := d.Tokens[j].Text
		// Lower case only; the tagger often calls "ministry" a proper noun.
		if !lowerWord(w) || b.byToken[j] != nil || d.Tokens[j].POS != "NOUN" && d.Tokens[j].POS != "PROPN" {
			continue
		}
		// "a commission spokesman", "the ministry official": the body
		// noun modifies a role, and only the noun names the body.
		role := j+1 < len(d.Tokens) && roleHeads[d.Tokens[j+1].Text]
		if !the && !role {
			continue
		}
		if !role && j+1 < len(d.Tokens) && (strings.EqualFold(d.Tokens[j+1].Text, "of") || isCapitalised(d.Tokens[j+1].Text) || d.Tokens[j+1].POS == "NOUN") {
			continue
		}
		var best *ent
		bestAt := -1
		for _, bw := range words {
			if bw.w != w || country != "" && !strings.HasPrefix(bw.x.code, country) {
				continue
			}
			for _, mn := range bw.x.mentions {
				if mn.e <= i && mn.s > bestAt {
					best, bestAt = bw.x, mn.s
				}
			}
		}
		if x := established[w]; x != nil && x != best && best != nil && (country == "" || strings.HasPrefix(x.code, country)) {
			best = x
		}
		if best == nil {
			continue
		}
		established[w] = best
		if role {
			b.add(best.key, j, j+1, MentionNominal, "nominal:body", nil)
		} else {
			b.add(best.key, i, j+1, MentionNominal, "nominal:body", nil)
		}
	}
}

// appositivePerson returns the person named in an appositive opening at
// token i (", former President Joyce Banda,"), or nil.
func (b *entBuilder) appositivePerson(i int) *ent {
	d := b.doc
	if i >= len(d.Tokens) || d.Tokens[i].Text != "," {
		return nil
	}
	for j := i + 1; j < len(d.Tokens) && j <= i+6 && d.SentenceOf(j) == d.SentenceOf(i); j++ {
		if x := b.byToken[j]; x != nil && x.kind == record.KindPerson {
			return x
		}
		if t := d.Tokens[j]; t.POS == "VERB" || t.POS == "AUX" || t.Text == "," {
			return nil
		}
	}
	return nil
}

// sameRole reports whether the role phrase r (lower case) has the role
// word w, taking chief, head and director or secretary general for one
// another ("the agency's chief" is its "director general").
func sameRole(r, w string) bool {
	if strings.Contains(r, w) {
		return true
	}
	top := func(x string) bool {
		return strings.Contains(x, "chief") || strings.Contains(x, "head") || strings.Contains(x, " general") || x == "director"
	}
	return top(w) && top(r)
}

// indefinite reports an article or determiner that introduces someone
// new ("a", "another", "one").
func indefinite(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "another", "one":
		return true
	}
	return false
}

// bodyRoles gives a person entity to a role named by its body but not by
// a name: "the agency's chief", "Hamas' political chief", "a Foreign
// Ministry spokesman", "a spokesman for the ministry". The person takes
// the body's code; the same role of the same body is one person, and a
// person the text names with that body's code and role word is that
// person. A role followed by a name is a title, which learnRoles reads.
func (b *entBuilder) bodyRoles() {
	d := b.doc
	n := len(d.Tokens)
	for i := 0; i < n; i++ {
		t := d.Tokens[i]
		if t.POS != "NOUN" || !roleHeads[t.Text] || b.byToken[i] != nil {
			continue
		}
		sent := d.SentenceOf(i)
		e := i + 1
		// "director general", "secretary general".
		if e < n && d.Tokens[e].Text == "general" && (t.Text == "director" || t.Text == "secretary") {
			e++
		}
		// A name after the role ("spokesman Dmitry Peskov", "the agency's
		// chief, Rafael Grossi,") is the person.
		k := e
		if k < n && d.Tokens[k].Text == "," {
			k++
		}
		if k < n && b.byToken[k] != nil && b.byToken[k].kind == record.KindPerson {
			continue
		}
		if k < n && isCapitalised(d.Tokens[k].Text) && d.Tokens[k].POS == "PROPN" {
			continue
		}
		// Lower-case modifiers before the head: "political", "deputy".
		s := i
		for s > 0 && d.SentenceOf(s-1) == sent && b.byToken[s-1] == nil && lowerWord(d.Tokens[s-1].Text) && (d.Tokens[s-1].POS == "ADJ" || d.Tokens[s-1].POS == "NOUN") {
			s--
		}
		var body *ent
		pe := e // the end of the whole phrase
		switch {
		case s >= 2 && isPossessive(d.Tokens[s-1].Text) && d.SentenceOf(s-2) == sent:
			body = b.byToken[s-2]
		case s >= 1 && d.SentenceOf(s-1) == sent && b.byToken[s-1] != nil && !isDet(d.Tokens[s-1].Text):
			body = b.byToken[s-1]
		case e+1 < n && (d.Tokens[e].Text == "of" || d.Tokens[e].Text == "for") && d.SentenceOf(e+1) == sent:
			j := e + 1
			if isDet(d.Tokens[j].Text) && j+1 < n {
				j++
			}
			body = b.byToken[j]
			for pe = j; pe < n && body != nil && b.byToken[pe] == body; pe++ {
			}
			for pe < n && pe-j < 6 && b.byToken[pe] == nil && lowerWord(d.Tokens[pe].Text) && d.Tokens[pe].POS == "NOUN" {
				pe++ // "the head of the AU mission"
			}
		}
		if body == nil || body.kind != record.KindOrg || body.code == "" {
			continue
		}
		// "The WHO's representative in Sudan, NAME,": the post's place
		// before the appositive.
		if pe+1 < n && (d.Tokens[pe].Text == "in" || d.Tokens[pe].Text == "at") && d.SentenceOf(pe+1) == sent {
			if x := b.byToken[pe+1]; x != nil && x.kind == record.KindPlace {
				for pe++; pe < n && b.byToken[pe] == x; pe++ {
				}
			}
		}
		// "The head of the AU mission, former President Joyce Banda,":
		// the person the appositive names.
		if p := b.appositivePerson(pe); p != nil {
			b.add(p.key, s, e, MentionNominal, "nominal:role-of-body", nil)
			if len(p.code) <= 3 && p.kbid == "" {
				// The kb does not know the person: the body's role
				// codes them ("the WHO's representative in Sudan, X").
				p.code = body.code
				ev := b.ev(s, e, "role:body "+body.name)
				p.why = &ev
			}
			continue
		}
		role := strings.ToLower(d.SpanText(s, e))
		key := "role:" + body.key + ":" + role
		// "a Hamas official", "another spokesman": each indefinite
		// phrase may be someone new.
		ps := s
		for ps > 0 && (b.byToken[ps-1] == body || isPossessive(d.Tokens[ps-1].Text)) {
			ps--
		}
		ap := ps
		if ap > 0 && isDet(d.Tokens[ap-1].Text) {
			ap--
		}
		if ap >= 2 && d.Tokens[ap-1].Text == "," && b.byToken[ap-2] != nil && b.byToken[ap-2].kind == record.KindPerson {
			// "Jay Cruz, a spokesman for the coast guard,": the person
			// named before the appositive.
			key = b.byToken[ap-2].key
		} else if ps > 0 && indefinite(d.Tokens[ps-1].Text) {
			key += ":" + strconv.Itoa(i)
		} else {
			// "the agency's chief" after "IAEA chief Rafael Grossi".
			for _, y := range b.ents {
				if y.kind == record.KindPerson && y.code == body.code && y.role != "" && !strings.HasPrefix(y.key, "role:") && sameRole(strings.ToLower(y.role), t.Text) {
					key = y.key
					break
				}
			}
		}
		b.add(key, s, e, MentionNominal, "nominal:role-of-body", func() *ent {
			why := b.ev(s, e, "role:body "+body.name)
			return &ent{name: body.name + " " + role, kind: record.KindPerson, code: body.code, why: &why, role: role, roleFromText: true}
		})
	}
}

// soleCountryBefore is the country named nearest before token i that is
// not one of a list ("China and Russia abstained … in the east of the
// country": neither is the country meant).
func (b *entBuilder) soleCountryBefore(i int) *ent {
	d := b.doc
	isCountry := func(j int) bool {
		return j >= 0 && j < len(d.Tokens) && b.byToken[j] != nil && strings.HasPrefix(b.byToken[j].key, "country:")
	}
	joiner := func(j int) bool {
		if j < 0 || j >= len(d.Tokens) {
			return false
		}
		w := d.Tokens[j].Text
		return w == "and" || w == "or" || w == ","
	}
	for j := i - 1; j >= 0; j-- {
		x := b.byToken[j]
		if x == nil || !strings.HasPrefix(x.key, "country:") {
			// A demonym inside another name ("a source in the Russian
			// Foreign Ministry, media outlets in the country").
			if c, isDem := b.k.CountryByDemonym(d.Tokens[j].Text); isDem {
				if y := b.byKey["country:"+c.Alpha2]; y != nil {
					return y
				}
			}
			continue
		}
		s, e := j, j+1
		for s > 0 && b.byToken[s-1] == x {
			s--
		}
		if joiner(e) && isCountry(e+1) || joiner(s-1) && isCountry(s-2) {
			j = s
			continue
		}
		return x
	}
	return nil
}

func (b *entBuilder) takenExceptDemonyms(s, e int) bool {
	for i := s; i < e; i++ {
		if b.byToken[i] != nil && !b.isDemonymMention(i) {
			return true
		}
	}
	return false
}

// linkPlace adds tokens [s, e) as a nominal mention of the place p,
// joining the entity named by p when the article names it too.
func (b *entBuilder) linkPlace(p kb.Place, s, e int, rule string) {
	key := "place:" + p.ID
	for _, x := range b.ents {
		if x.kind == record.KindPlace && (x.kbid == p.ID || kb.SameKey(x.name, p.Name)) {
			key = x.key
			break
		}
	}
	b.add(key, s, e, MentionNominal, rule, func() *ent {
		x := &ent{name: p.Name, kind: record.KindPlace, kbid: p.ID}
		if c, ok := b.k.CountryByCode(p.Country); ok && p.Country != "" {
			x.code = c.CAMEO
			why := b.ev(s, e, "kb:gazetteer "+p.Name)
			x.why = &why
		}
		return x
	})
	if x := b.byToken[s]; x != nil && x.kbid == "" {
		x.kbid = p.ID
	}
}

// lastBefore returns the entity matching ok with the mention, or
// demonym, nearest before token i. Demonyms inside other names count
// ("a source in the Russian Foreign Ministry, media outlets in the
// country" → Russia).
func (b *entBuilder) lastBefore(i int, ok func(*ent) bool) *ent {
	for j := i - 1; j >= 0; j-- {
		if x := b.byToken[j]; x != nil && ok(x) {
			return x
		}
		if c, isDem := b.k.CountryByDemonym(b.doc.Tokens[j].Text); isDem {
			if x := b.byKey["country:"+c.Alpha2]; x != nil && ok(x) {
				return x
			}
		}
	}
	return nil
}

// roleHeads are nouns that name a position; with a body in the phrase
// ("deputy chairman of Hamas' Political Bureau") they give the person
// that body's code.
var roleHeads = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "chairman": true, "chairwoman": true,
	"chair": true, "head": true, "chief": true, "leader": true, "director": true, "secretary": true,
	"official": true, "adviser": true, "advisor": true, "member": true, "founder": true, "deputy": true,
	"representative": true, "negotiator": true, "commander": true, "minister": true, "president": true,
	"governor": true, "mayor": true, "ambassador": true, "envoy": true, "general": true, "officer": true,
	"candidate": true, "chairperson": true,
}

// learnRoles reads role phrases next to person names without a kb entry:
// a title before the name ("spokesman Dmitry Peskov", "Israeli Prime
// Minister X"), an appositive before ("deputy chairman of Hamas' Political
// Bureau, Mousa Mohammed Abu Marzook") or after ("X, the head of the
// WHO,").
func (b *entBuilder) learnRoles() {
	for _, x := range b.ents {
		if x.kind != record.KindPerson {
			continue
		}
		for _, m := range x.mentions {
			if m.kind != MentionName {
				continue
			}
			s, e, ok := b.rolePhrase(m.s, m.e)
			if !ok {
				continue
			}
			if !x.roleFromText {
				// The article's own words beat the kb's description.
				x.role = strings.TrimSpace(b.doc.SpanText(s, e))
				x.roleFromText = true
			}
			if len(x.code) <= 3 {
				if code, why, ok := b.roleCode(s, e); ok {
					x.code = code
					ev := b.ev(s, e, "role:"+why)
					x.why = &ev
				}
			}
			if len(x.code) > 3 && x.roleFromText {
				break
			}
		}
	}
}

// rolePhrase finds the role phrase attached to the name at [s, e).
func (b *entBuilder) rolePhrase(s, e int) (int, int, bool) {
	d := b.doc
	sent := d.SentenceOf(s)
	inSent := func(i int) bool { return i >= 0 && i < len(d.Tokens) && d.SentenceOf(i) == sent }
	// Appositive before: "…, the deputy chairman of X, NAME", also over
	// a short title ("the Sudanese army's commander, Gen. NAME": the
	// appositive names the army the general serves).
	a := s
	for a > s-3 && inSent(a-1) && (isTitleWord(d.Tokens[a-1]) || b.titleSector(d.Tokens[a-1]) != "") {
		a--
	}
	if inSent(a-1) && d.Tokens[a-1].Text == "," {
		j := a - 2
		for inSent(j) && (!stopsRole(d.Tokens[j]) || b.envoyTo(j)) {
			j--
		}
		st, en := j+1, a-1
		for st < en && isDet(d.Tokens[st].Text) {
			st++
		}
		if en > st && b.hasRoleHead(st, en) {
			return st, en, true
		}
	}
	// Title before: role words right before the name ("Senator", "Gen.").
	j := s - 1
	for inSent(j) {
		if isTitleWord(d.Tokens[j]) || b.titleSector(d.Tokens[j]) != "" || b.officeBeforeGeneral(j) {
			j--
			continue
		}
		// A lower-case role noun right before the name, as in "Reuters
		// reporter X" and "Wall Street Journal correspondent X".
		if j == s-1 && lowerWord(d.Tokens[j].Text) && d.Tokens[j].POS == "NOUN" {
			if _, ok := b.k.RoleSector(strings.ToLower(d.Tokens[j].Text)); ok {
				j--
				continue
			}
		}
		// A two-word title ("Crown Prince").
		if inSent(j-1) && isCapitalised(d.Tokens[j].Text) {
			if _, ok := b.k.RoleSector(strings.ToLower(d.Tokens[j-1].Text + " " + d.Tokens[j].Text)); ok {
				j -= 2
				continue
			}
		}
		// The first word of a two-word role whose head is already in
		// ("opposition" of "opposition leader X").
		if j+1 < s {
			if _, ok := b.k.RoleSector(strings.ToLower(d.Tokens[j].Text + " " + d.Tokens[j+1].Text)); ok {
				j--
				continue
			}
		}
		// The body before a title any body gives ("union" of "union
		// chief X", "company" of "company spokesman X").
		if j+1 < s && lowerWord(d.Tokens[j].Text) && bodyTitleSector(d, b.k, j, j+2) != "" {
			j--
			continue
		}
		// The first words of a longer role whose head is already in
		// ("Chief Financial" of "Chief Financial Officer X": a business
		// title, not a military officer).
		if k := b.longerRoleStart(j, s); k >= 0 {
			j = k - 1
			continue
		}
		// A portfolio before "Minister" or "Secretary" ("Trade Minister
		// X", "Energy Secretary X", also "energy minister X").
		if j+1 < s && lowerWord(d.Tokens[j].Text) && d.Tokens[j].POS == "NOUN" && portfolioTitles[strings.ToLower(d.Tokens[j+1].Text)] && b.byToken[j] == nil {
			j--
			continue
		}
		if j+1 < s && isCapitalised(d.Tokens[j].Text) && (d.Tokens[j].POS == "NOUN" || d.Tokens[j].POS == "PROPN") && portfolioTitles[strings.ToLower(d.Tokens[j+1].Text)] && !b.countryWord(d.Tokens[j].Text) && (b.byToken[j] == nil || b.byToken[j].kind != record.KindPlace) {
			j--
			continue
		}
		break
	}
	// A demonym or country name opens the title: "Armenian Foreign
	// Minister X", "Swiss President X", "Australia's Trade Minister X".
	if j < s-1 && inSent(j) && isCapitalised(d.Tokens[j].Text) && b.countryWord(d.Tokens[j].Text) {
		j--
	} else if c := b.countryBeforePossessive(j); j < s-1 && c >= 0 && inSent(c) {
		// "Australia's Trade Minister X", "Saudi Arabia's energy
		// minister X".
		j = c - 1
	} else if j < s-1 && inSent(j) {
		// A body opens the title: "UN envoy X", "RSF spokesman X", also
		// over lower-case words ("WFP country director X").
		k := j
		for k > j-2 && inSent(k) && b.byToken[k] == nil && lowerWord(d.Tokens[k].Text) && (d.Tokens[k].POS == "NOUN" || d.Tokens[k].POS == "ADJ") {
			k--
		}
		if k < j && inSent(k) && b.byToken[k] != nil && b.byToken[k].kind == record.KindOrg && b.byToken[k].code != "" {
			j = k
		}
		if x := b.byToken[j]; x != nil && x.kind == record.KindOrg && x.code != "" {
			for inSent(j-1) && b.byToken[j-1] == x {
				j--
			}
			j--
		}
	}
	if st := j + 1; st < s && b.hasRoleHead(st, s) {
		return st, s, true
	}
	// Appositive after: "NAME, the head of X,".
	if inSent(e) && d.Tokens[e].Text == "," {
		j := e + 1
		for inSent(j) && isDet(d.Tokens[j].Text) {
			j++
		}
		st := j
		for inSent(j) && d.Tokens[j].Text != "," && d.Tokens[j].Text != "." && d.Tokens[j].POS != "VERB" && d.Tokens[j].POS != "AUX" {
			// "X, who Treasury said ran the network": a relative
			// clause, not an appositive.
			if d.Tokens[j].POS == "PRON" || relativeWords[strings.ToLower(d.Tokens[j].Text)] {
				j = st
				break
			}
			j++
		}
		if j > st && b.hasRoleHead(st, j) {
			return st, j, true
		}
	}
	return 0, 0, false
}

// relativeWords open a relative clause.
var relativeWords = setOf("who whom whose which that where")

// countryWord reports whether w is a demonym or a country's name.
func (b *entBuilder) countryWord(w string) bool {
	if _, ok := b.k.CountryByDemonym(w); ok {
		return true
	}
	_, ok := b.k.Country(w)
	return ok
}

// portfolioTitles are the titles a capitalised portfolio may precede
// ("Trade Minister", "Energy Secretary").
var portfolioTitles = setOf("minister secretary commissioner")

// stopsRole marks where a role phrase read leftwards from a name ends:
// a comma, a verb, a clause word, or a preposition other than "of"
// ("led by | the deputy head of the Valley Militia, Omar Haddad").
func stopsRole(t nlp.Token) bool {
	switch t.POS {
	case "VERB", "AUX", "SCONJ", "PRON", "PUNCT":
		return !isPossessive(t.Text)
	case "ADP":
		return !strings.EqualFold(t.Text, "of")
	}
	return t.Text == "," || strings.EqualFold(t.Text, "that")
}

func isDet(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "that", "its", "his", "her", "their":
		return true
	}
	return false
}

// isTitleWord: role words that open a title ("Prime Minister",
// "spokesman", "deputy"); rolePhrase adds a demonym before them.
// officeBeforeGeneral reports a capitalised office written before
// "General" in a title ("Inspector General", "Director General"), which
// belongs to the title though it is no role word of its own.
func (b *entBuilder) officeBeforeGeneral(j int) bool {
	d := b.doc
	if j+1 >= len(d.Tokens) || d.Tokens[j+1].Text != "General" {
		return false
	}
	t := d.Tokens[j]
	return isCapitalised(t.Text) && b.byToken[j] == nil && !b.countryWord(t.Text) && lowerWord(strings.ToLower(t.Text))
}

func isTitleWord(t nlp.Token) bool {
	w := strings.ToLower(t.Text)
	if roleHeads[w] {
		return true
	}
	switch w {
	case "prime", "foreign", "defense", "defence", "interior", "finance", "vice", "deputy", "senior", "kremlin", "state", "former":
		return true
	}
	return false
}

func (b *entBuilder) hasRoleHead(s, e int) bool {
	for i := s; i < e; i++ {
		w := strings.ToLower(b.doc.Tokens[i].Text)
		if roleHeads[w] {
			return true
		}
		if _, ok := b.k.RoleSector(w); ok && b.doc.Tokens[i].POS == "NOUN" {
			return true
		}
		if b.titleSector(b.doc.Tokens[i]) != "" {
			return true
		}
		if i+1 < e { // a two-word title ("Crown Prince")
			if _, ok := b.k.RoleSector(w + " " + strings.ToLower(b.doc.Tokens[i+1].Text)); ok {
				return true
			}
		}
	}
	return false
}

// corporateSuffixes end a company's full name.
var corporateSuffixes = setOf(`corp corporation inc co company ltd llc plc group holdings ag sa nv`)

// longerRoleStart returns where a role of three or four words starts
// that ends right before the name at s and takes in token j, or -1.
func (b *entBuilder) longerRoleStart(j, s int) int {
	d := b.doc
	for k := j - 1; k <= j; k++ {
		if k < 0 || s-k < 3 || s-k > 4 || d.SentenceOf(k) != d.SentenceOf(s) {
			continue
		}
		if _, ok := b.k.RoleSector(strings.ToLower(d.SpanText(k, s))); ok {
			return k
		}
	}
	return -1
}

// isCountryWord reports a country name or demonym ("Russian General").
func isCountryWord(k *kb.KB, w string) bool {
	if _, ok := k.CountryByDemonym(w); ok {
		return true
	}
	_, ok := k.Country(w)
	return ok
}

// militaryRanks are the ranks written before "general" in an officer's
// title.
var militaryRanks = setOf("major lieutenant brigadier lt. maj. brig.")

// titleAbbrev are abbreviated titles written before names, and titles
// that name their holder's role by another word ("Justice X" is a judge).
var titleAbbrev = map[string]string{
	"justice": "judge", "speaker": "parliament speaker",
	"sen.": "senator", "rep.": "congressman", "gov.": "governor", "gen.": "general", "adm.": "admiral",
	"lt.": "lieutenant", "col.": "colonel", "maj.": "major", "sgt.": "sergeant", "capt.": "captain",
}

// titleSector is the sector of a capitalised title before a name
// ("Senator", "Judge", "Gen."), "" for other words.
func (b *entBuilder) titleSector(t nlp.Token) string {
	if !isCapitalised(t.Text) {
		return ""
	}
	w := strings.ToLower(t.Text)
	if full, ok := titleAbbrev[w]; ok {
		w = full
	}
	if sec, ok := b.k.RoleSector(w); ok {
		return sec
	}
	return ""
}

// roleCode codes a role phrase: the code of a body named in it (Hamas in
// "deputy chairman of Hamas' Political Bureau"), else a demonym or the
// article's country plus the sector of the role word.
func (b *entBuilder) roleCode(s, e int) (string, string, bool) {
	code, why, ok := b.currentRoleCode(s, e)
	// "former president Jair Bolsonaro": someone who held an office of
	// the state no longer acts for it; CAMEO codes such people as
	// elites (ELI).
	if n := len(code); ok && (n == 3 || n == 6) && stateSectors[strings.ToLower(code[n-3:])] {
		for i := s; i < e; i++ {
			if w := strings.ToLower(b.doc.Tokens[i].Text); w == "former" || w == "ex" || w == "ex-" || w == "onetime" || w == "one-time" {
				return code[:len(code)-3] + "ELI", why + ", former", true
			}
		}
	}
	return code, why, ok
}

// accreditedTo finds, in the role phrase [s, e), the "to" after an
// envoy's title ("Armenia's representative to the court", "ambassador to
// the UN"): the envoy acts for whoever sends them, not for the body or
// state that receives them. It returns the index of "to", or 0.
func (b *entBuilder) accreditedTo(s, e int) int {
	d := b.doc
	for j := s + 1; j < e; j++ {
		if strings.EqualFold(d.Tokens[j].Text, "to") && envoyWords[strings.ToLower(d.Tokens[j-1].Text)] {
			return j
		}
	}
	return 0
}

// envoyTo reports a "to" at token j after an envoy's title, which the
// role phrase runs over ("representative to the court").
func (b *entBuilder) envoyTo(j int) bool {
	d := b.doc
	return j > 0 && strings.EqualFold(d.Tokens[j].Text, "to") && envoyWords[strings.ToLower(d.Tokens[j-1].Text)]
}

// envoyWords are roles held at a body or state on someone else's behalf.
var envoyWords = setOf("representative ambassador envoy delegate delegation mission observer emissary")

// stateSectors act for a state; their former holders are elites.
var stateSectors = setOf(`gov mil leg jud cop spy`)

// currentRoleCode is roleCode without regard to "former".
func (b *entBuilder) currentRoleCode(s, e int) (string, string, bool) {
	if to := b.accreditedTo(s, e); to > 0 {
		e = to // the role is coded from the words before "to"
	}
	for i := s; i < e; i++ {
		if x := b.byToken[i]; x != nil && x.kind != record.KindPerson && x.code != "" && !strings.HasPrefix(x.key, "place:") {
			if strings.HasPrefix(x.key, "country:") {
				continue
			}
			return x.code, "body " + x.name, true
		}
	}
	code, why, ok := b.codePhrase(s, e)
	if !ok || why == "role word" || strings.HasPrefix(why, "role+article country") {
		if x := b.bridgedBody(s, e); x != nil {
			return x.code, "body named before " + x.name, true
		}
		if x := b.ministryOfMinister(s, e); x != nil {
			return x.code, "ministry named before " + x.name, true
		}
	}
	if ok && (why == "role word" || strings.HasPrefix(why, "role+article country")) {
		// "China's coast guard said … Spokesman Liu Dejun said": a
		// spokesman named by the bare title speaks for the body named
		// last, in the sentence or the one before.
		if x := b.spokenForBody(s, e); x != nil {
			return x.code, "spokesman of the body named before " + x.name, true
		}
		// "In Russia's Belgorod region, Governor X said": a governor or
		// mayor governs the place the sentence names before the title,
		// not the dateline's country.
		if c, at, found := b.placeCountryBefore(s, e); found {
			sec := code
			if len(code) > 3 {
				sec = code[3:]
			}
			return c + sec, "territorial role+place " + at, true
		}
	}
	if !ok {
		// An abbreviated title ("Sen.", "Gen.") CodePhrase does not read.
		for i := s; i < e; i++ {
			if sec := b.titleSector(b.doc.Tokens[i]); sec != "" {
				if c, found := b.k.CountryByCode(b.homeCountry()); found {
					return c.CAMEO + sec, "title+article country " + c.Name, true
				}
				return sec, "title", true
			}
		}
	}
	return code, why, ok
}

// ministryOfMinister returns the coded ministry named last before a
// title [s, e) "X Minister" with no country of its own: "Foreign Minister
// Antonio Tajani" after "Italy's Foreign Ministry said" heads that
// ministry, whatever the dateline.
func (b *entBuilder) ministryOfMinister(s, e int) *ent {
	d := b.doc
	m := -1
	for i := s; i < e; i++ {
		if strings.EqualFold(d.Tokens[i].Text, "minister") {
			m = i
		}
	}
	if m <= s || !isCapitalised(d.Tokens[m-1].Text) {
		return nil
	}
	want := strings.ToLower(d.Tokens[m-1].Text) + " ministry"
	var best *ent
	bestAt := -1
	for _, x := range b.ents {
		if x.kind != record.KindOrg || len(x.code) <= 3 {
			continue
		}
		n := strings.ToLower(x.name)
		if n != want && !strings.HasSuffix(n, " "+want) {
			continue
		}
		for _, mn := range x.mentions {
			if mn.e <= s && mn.s > bestAt {
				best, bestAt = x, mn.s
			}
		}
	}
	return best
}

// spokenForBody returns the coded organisation named nearest before a
// title [s, e) that is only "spokesman" (or spokeswoman, spokesperson),
// in its sentence or the one before, or nil.
func (b *entBuilder) spokenForBody(s, e int) *ent {
	d := b.doc
	spokes := false
	for i := s; i < e; i++ {
		switch strings.ToLower(d.Tokens[i].Text) {
		case "spokesman", "spokeswoman", "spokesperson":
			spokes = true
		case "the", "a", "an", "chief", "senior", "deputy":
		default:
			return nil
		}
	}
	if !spokes {
		return nil
	}
	sent := d.SentenceOf(s)
	for j := s - 1; j >= 0 && d.SentenceOf(j) >= sent-1; j-- {
		if x := b.byToken[j]; x != nil && x.kind == record.KindOrg {
			// The nearest body is the one spoken for, even when the kb
			// does not know it ("PTI spokesman X" is not the court of
			// the sentence before).
			if len(x.code) > 3 {
				return x
			}
			return nil
		}
	}
	return nil
}

// placeCountryBefore returns the country code of the place or country
// named nearest before a governor's or mayor's title [s, e) in its
// sentence, and the place's name.
func (b *entBuilder) placeCountryBefore(s, e int) (string, string, bool) {
	d := b.doc
	territorial := false
	for i := s; i < e; i++ {
		if w := strings.ToLower(d.Tokens[i].Text); w == "governor" || w == "mayor" {
			territorial = true
		}
	}
	sent := d.SentenceOf(s)
	for j := s - 1; j >= 0 && d.SentenceOf(j) == sent; j-- {
		if x := b.byToken[j]; x != nil && x.kind == record.KindPlace && len(x.code) == 3 {
			// Any body or role of a sentence set in a town is of the
			// town's country ("a judge in Manhattan ordered the
			// release of X, a Columbia University student"); a country
			// named in passing places only governors and mayors.
			if territorial || strings.HasPrefix(x.key, "place:") {
				return x.code, x.name, true
			}
		}
	}
	return "", "", false
}

// placeCountryAfter returns the country (CAMEO code) and name of a place
// the gazetteer knows written right after a body's name, "in", "at" or
// "near" it: "the Queen Elizabeth University Hospital in Glasgow".
func (b *entBuilder) placeCountryAfter(e int) (string, string, bool) {
	d := b.doc
	if e+1 >= len(d.Tokens) || d.SentenceOf(e+1) != d.SentenceOf(e-1) {
		return "", "", false
	}
	if w := strings.ToLower(d.Tokens[e].Text); w != "in" && w != "at" && w != "near" {
		return "", "", false
	}
	for _, sp := range d.Ents {
		if sp.Start != e+1 || sp.Label != "LOC" && sp.Label != "GPE" {
			continue
		}
		name := d.SpanText(sp.Start, sp.End)
		if c, ok := b.k.Country(name); ok {
			return c.CAMEO, name, true
		}
		if p, ok := b.k.TopPlace(name); ok && p.Country != "" {
			if c, ok := b.k.CountryByCode(p.Country); ok {
				return c.CAMEO, name, true
			}
		}
	}
	return "", "", false
}

// lowerWord reports a word of lower-case letters only.
func lowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// bridgedBody is the organisation a common noun of a role phrase refers
// back to: "ministry spokeswoman Anna Keller" after "the Swiss Foreign
// Ministry" speaks for that ministry, not for the country the article is
// most about. The latest organisation before the phrase whose name ends
// in the noun wins.
func (b *entBuilder) bridgedBody(s, e int) *ent {
	var best *ent
	bestAt := -1
	// The noun may precede the role phrase as a modifier ("ministry
	// spokeswoman", "army spokesman").
	from := s
	for from > 0 && s-from < 2 && b.doc.SentenceOf(from-1) == b.doc.SentenceOf(s) && lowerWord(b.doc.Tokens[from-1].Text) {
		from--
	}
	for i := from; i < e; i++ {
		t := b.doc.Tokens[i]
		// Lower-case words only (the tagger often calls "ministry
		// spokeswoman" proper nouns).
		if !lowerWord(t.Text) || isDet(t.Text) {
			continue
		}
		w := strings.ToLower(t.Text)
		for _, x := range b.ents {
			if x.kind != record.KindOrg || x.code == "" {
				continue
			}
			f := strings.Fields(x.name)
			if len(f) < 2 || strings.ToLower(f[len(f)-1]) != w {
				continue
			}
			for _, mn := range x.mentions {
				if mn.e <= from && mn.s > bestAt {
					best, bestAt = x, mn.s
				}
			}
		}
	}
	return best
}

// speakers links quote speakers to entities: the entity under the speaker
// mention, or for he/she the person speaker nearest before it.
func (b *entBuilder) speakers(quotes []record.Quote) {
	d := b.doc
	for qi := range quotes {
		q := &quotes[qi]
		if q.Speaker == nil {
			continue
		}
		s, e := tokenRange(d, q.Speaker.Start, q.Speaker.End)
		if s >= e {
			continue
		}
		lw := strings.ToLower(q.Speaker.Text)
		// "Colonel X, who said …": the relative pronoun is the person
		// just before its comma.
		if lw == "who" && s >= 2 && d.Tokens[s-1].Text == "," {
			if x := b.byToken[s-2]; x != nil && x.kind == record.KindPerson {
				b.add(x.key, s, e, MentionPronoun, "pronoun:relative-speaker", nil)
				if q.SpeakerName == "" {
					q.SpeakerName = x.name
				}
			}
			continue
		}
		if lw == "he" || lw == "she" {
			var x *ent
			if q.SpeakerName != "" {
				for _, y := range b.ents {
					if y.kind == record.KindPerson && y.name == q.SpeakerName {
						x = y
					}
				}
			}
			if x == nil {
				// A person another pronoun already gave the other gender
				// is not this one.
				other := "she"
				if lw == "she" {
					other = "he"
				}
				fits := func(y *ent) bool { return y.kind == record.KindPerson && !b.hasPronoun(y, other) }
				if x = b.previousSubject(s); x == nil || !fits(x) {
					x = b.lastBefore(s, fits)
				}
			}
			if x != nil {
				b.add(x.key, s, e, MentionPronoun, "pronoun:speaker", nil)
			}
		}
	}
}

// previousSubject returns the entity that is the subject of the main
// clause of the sentence before the one token s opens, or nil when s does
// not open its sentence. A pronoun opening a sentence continues the
// previous sentence's subject rather than the last name met: "Imamoglu,
// the main rival of President Erdogan, was detained. He denies the
// charges."
func (b *entBuilder) previousSubject(s int) *ent {
	d := b.doc
	si := d.SentenceOf(s)
	if si <= 0 || d.Sents[si].Start != s {
		return nil
	}
	prev := d.Sents[si-1]
	for i := prev.Start; i < prev.End; i++ {
		t := d.Tokens[i]
		if t.Dep != "nsubj" && t.Dep != "nsubj:pass" {
			continue
		}
		if h := t.Head; h < 0 || d.Tokens[h].Head >= 0 {
			continue // the subject of a subordinate clause
		}
		if x := b.byToken[i]; x != nil && x.kind == record.KindPerson {
			return x
		}
		// "Istanbul Mayor Ekrem Imamoglu": the parser may head the name
		// on its place; the person is a word of the same name.
		for j := prev.Start; j < prev.End; j++ {
			dep := d.Tokens[j].Dep
			if d.Tokens[j].Head == i && (dep == "flat" || dep == "compound" || dep == "nmod:desc") {
				if x := b.byToken[j]; x != nil && x.kind == record.KindPerson {
					return x
				}
			}
		}
		return b.byToken[i]
	}
	return nil
}

// hasPronoun reports whether a pronoun mention of x is the word w.
func (b *entBuilder) hasPronoun(x *ent, w string) bool {
	for _, m := range x.mentions {
		if m.kind == MentionPronoun && strings.EqualFold(b.doc.SpanText(m.s, m.e), w) {
			return true
		}
	}
	return false
}

// tokenRange maps bytes [start, end) to the tokens covering them.
func tokenRange(d *nlp.Doc, start, end int) (int, int) {
	s := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > start })
	e := s
	for e < len(d.Tokens) && d.Tokens[e].Start < end {
		e++
	}
	return s, e
}

// speakerEntity picks the entity a speaker mention refers to: a person
// if one is mentioned in it, else the first entity.
func (b *entBuilder) speakerEntity(s, e int) *ent {
	d := b.doc
	// The head of the mention: "spokesman Dmitry Peskov" → Peskov, but
	// "media outlets in the country" → outlets, no entity.
	// A modifier the parser hung outside the mention ("Armenian" of
	// "Armenian Foreign Minister Ararat Mirzoyan said" taken as a mark
	// of "said") is not its head.
	var heads []int
	for i := s; i < e; i++ {
		if h := d.Tokens[i].Head; (h < s || h >= e) && !isPunct(d.Tokens[i].Text) && !modifierDep(d.Tokens[i].Dep) {
			heads = append(heads, i)
		}
	}
	if len(heads) > 0 {
		x := b.byToken[heads[0]]
		// "Hamas official Osama Hamdan said", which the parser may read
		// as two subjects or as "Hamas" coordinated with the name: a
		// person named at the end of the mention, after a role word, is
		// the speaker, not the body that opens it.
		if p := b.byToken[e-1]; x != nil && x.kind != record.KindPerson && p != nil && p != x && p.kind == record.KindPerson && b.roleBefore(s, e, p) {
			return p
		}
		if x != nil {
			return x
		}
	}
	// Without a usable parse: a person named in the mention, or an
	// entity that opens it. A possessor is not the speaker: in
	// "Smith's lawyer, Jane Doe," it is the lawyer, Jane Doe.
	// Nor is a name before a common-noun head: "a senior Biden
	// administration official" is not Biden.
	nounHead := -1
	if len(heads) > 0 && d.Tokens[heads[0]].POS == "NOUN" {
		nounHead = heads[0]
	}
	for i := s; i < e; i++ {
		if x := b.byToken[i]; x != nil && x.kind == record.KindPerson {
			j := i
			for j+1 < e && b.byToken[j+1] == x {
				j++
			}
			if j+1 < e && isPossessive(d.Tokens[j+1].Text) || j < nounHead {
				i = j
				continue
			}
			return x
		}
	}
	i := s
	for i < e && isDet(d.Tokens[i].Text) {
		i++
	}
	if i < e && b.byToken[i] != nil && (i+1 == e || b.byToken[e-1] == b.byToken[i]) {
		return b.byToken[i]
	}
	return nil
}

// roleBefore reports whether person p's name ends the mention [s, e) and
// is preceded there by a word of no entity (a role: "official", "Prime
// Minister") and no conjunction, so that the words before it describe p.
func (b *entBuilder) roleBefore(s, e int, p *ent) bool {
	d := b.doc
	i := e - 1
	for i > s && b.byToken[i-1] == p {
		i--
	}
	if i <= s {
		return false
	}
	role := false
	for j := s; j < i; j++ {
		t := d.Tokens[j]
		if t.POS == "CCONJ" || t.Text == "," {
			return false
		}
		if b.byToken[j] == nil && (t.POS == "NOUN" || t.POS == "ADJ" || t.POS == "PROPN") {
			role = true
		}
	}
	return role
}

// modifierDep reports relations whose dependent modifies a noun or a
// clause and so cannot head a noun phrase.
func modifierDep(dep string) bool {
	switch dep {
	case "mark", "case", "det", "cc", "amod", "advmod", "aux", "cop", "punct":
		return true
	}
	return false
}

func (b *entBuilder) result(quotes []record.Quote) *Mentions {
	d := b.doc
	for _, x := range b.ents {
		sort.Slice(x.mentions, func(i, j int) bool { return x.mentions[i].s < x.mentions[j].s })
		if x.kind == record.KindPerson {
			// The fullest form the article writes ("Mousa Mohammed Abu
			// Marzook"), even when the kb spells it otherwise.
			for _, mn := range x.mentions {
				if personalTitles[strings.ToLower(d.Tokens[mn.s].Text)] && !personalTitles[strings.ToLower(strings.SplitN(x.name, " ", 2)[0])] {
					continue // "Mr. Donald Trump": the name is "Donald Trump"
				}
				if t := d.SpanText(mn.s, mn.e); mn.kind == MentionName && len(t) > len(x.name) || (mn.kind == MentionName && x.kbid != "" && len(strings.Fields(t)) >= len(strings.Fields(x.name))) {
					x.name = t
				}
			}
		}
	}
	sort.SliceStable(b.ents, func(i, j int) bool { return b.ents[i].mentions[0].s < b.ents[j].mentions[0].s })
	m := &Mentions{ByToken: make([]int, len(d.Tokens)), doc: d, filing: b.filing}
	index := map[*ent]int{}
	for _, x := range b.ents {
		first := x.mentions[0]
		fe := b.ev(first.s, first.e, first.rule)
		e := record.Entity{ID: recordID("entity", b.id, fe.Start, fe.End, x.name), Name: x.name, Kind: x.kind,
			Code: x.code, CodeWhy: x.why, Role: x.role, KBID: x.kbid}
		for _, mn := range x.mentions {
			ev := b.ev(mn.s, mn.e, mn.rule)
			e.Mentions = append(e.Mentions, record.Mention{Text: ev.Text, Kind: mn.kind, Evidence: ev})
		}
		index[x] = len(m.Entities)
		m.Entities = append(m.Entities, e)
	}
	for i, x := range b.byToken {
		m.ByToken[i] = -1
		if x != nil {
			if j, ok := index[x]; ok {
				m.ByToken[i] = j
			}
		}
	}
	for qi := range quotes {
		q := &quotes[qi]
		if q.Speaker == nil {
			continue
		}
		s, e := tokenRange(d, q.Speaker.Start, q.Speaker.End)
		if x := b.speakerEntity(s, e); x != nil {
			if j, ok := index[x]; ok {
				q.SpeakerEntity = m.Entities[j].ID
				q.SpeakerName = m.Entities[j].Name
			}
		}
	}
	return m
}

// regionOpening returns the country of the first-level region whose
// name opens toks (up to three capitalised words, "New South Wales"),
// when the gazetteer's first entry of that name is such a region.
func regionOpening(k *kb.KB, toks []nlp.Token) (kb.Country, string, bool) {
	for n := min(3, len(toks)-1); n >= 1; n-- {
		words := make([]string, n)
		all := true
		for i, t := range toks[:n] {
			words[i] = t.Text
			all = all && isCapitalised(t.Text) && !isPunct(t.Text)
		}
		if !all {
			continue
		}
		name := strings.Join(words, " ")
		if p, ok := k.TopPlace(name); ok && p.Feature == kb.FeatureAdmin1 && kb.KeyIs(p.Name, kb.Key(name)) {
			if c, ok := k.CountryByCode(p.Country); ok {
				return c, p.Name, true
			}
		}
	}
	return kb.Country{}, "", false
}

// CodePhrase codes a noun phrase that is not (only) a named entity,
// tokens [start, end) of doc: a kb actor or metonym named by the phrase
// ("the Russian Foreign Ministry" → RUSGOV), else the countries of its
// demonyms or country names, each with the sector of its role word
// ("Israeli troops" → ISRMIL; "Hungarian and Romanian officials" →
// "HUNGOV,ROUGOV", comma-separated), else a role word with the country
// the article is most about ("police" → RUSCOP in a Russia-centred text).
// why says which rule fired; ok is false when nothing applies.
func CodePhrase(doc *nlp.Doc, start, end int, k *kb.KB, published string) (code string, why string, ok bool) {
	if doc == nil || start < 0 || end > len(doc.Tokens) || start >= end {
		return "", "", false
	}
	if k == nil {
		k = kb.Default()
	}
	return codePhrase(doc, start, end, k, published, func() string { return dominantCountry(doc, k) })
}

// codePhrase is CodePhrase with k set and the article's country from
// dominant (dominantCountry(doc, k), which entBuilder has computed once).
func codePhrase(doc *nlp.Doc, start, end int, k *kb.KB, published string, dominant func() string) (code string, why string, ok bool) {
	pub := dateOnly(published)
	toks := doc.Tokens[start:end]
	s := 0
	for s < len(toks) && isDet(toks[s].Text) {
		s++
	}
	text := doc.SpanText(start+s, end)
	if a, ok := k.Actor(text, pub); ok && a.Code != "" {
		return a.Code, "kb actor " + a.Name, true
	}
	if a, ok := k.Metonym(text); ok {
		return a.Code, "kb metonym " + a.Name, true
	}
	if c, ok := k.Country(text); ok {
		return c.CAMEO, "country " + c.Name, true
	}
	// "the Eastern Theater Command of the People's Liberation Army": a
	// named unit of a body the kb knows is that body.
	for i := s + 1; i < len(toks)-1; i++ {
		if toks[i].Text != "of" {
			continue
		}
		named := true
		for _, t := range toks[s:i] {
			named = named && isCapitalised(t.Text)
		}
		if !named {
			break
		}
		j := i + 1
		for j < len(toks) && isDet(toks[j].Text) {
			j++
		}
		if a, ok := k.Actor(doc.SpanText(start+j, end), pub); ok && a.Code != "" && a.Kind != kb.KindPerson {
			return a.Code, "kb actor " + a.Name + " (a unit of it)", true
		}
		break
	}
	// Sector: the longest role word or phrase ending the phrase, else any
	// role word in it.
	sector := ""
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.ToLower(t.Text)
	}
	for i := s; i < len(words) && sector == ""; i++ {
		if sec, ok := k.RoleSector(strings.Join(words[i:], " ")); ok {
			sector = sec
		}
	}
	// "general" after an office is part of a civilian title ("Prosecutor
	// General", "Inspector General", "Director General"): the office
	// decides, and an office of no sector is the government's. After a
	// rank or a military word it is still an officer ("Major General").
	if n := len(words); sector == "MIL" && n-s >= 2 && words[n-1] == "general" && (toks[n-2].POS == "NOUN" || toks[n-2].POS == "PROPN") && !isCountryWord(k, toks[n-2].Text) {
		if sec, ok := k.RoleSector(words[n-2]); ok {
			sector = sec
		} else if !militaryRanks[words[n-2]] {
			sector = "GOV"
		}
	}
	for i := len(words) - 1; i >= s && sector == ""; i-- {
		// "general" before another word of a name is an adjective ("the
		// General Confederation of Labour", "General Assembly"), not a
		// rank.
		if words[i] == "general" && i < len(words)-1 {
			continue
		}
		// A two-word role the word ends ("police official") before the
		// word alone ("official").
		if i > s {
			if sec, ok := k.RoleSector(words[i-1] + " " + words[i]); ok {
				sector = sec
				continue
			}
		}
		if sec, ok := k.RoleSector(words[i]); ok {
			sector = sec
		} else if roleHeads[strings.TrimSuffix(words[i], "s")] || words[i] == "officials" {
			sector = "GOV"
		}
	}
	if sec := bodyTitleSector(doc, k, start+s, end); sec != "" && (sector == "GOV" || sector == "") {
		sector = sec
	}
	// A "Liberation Army" the kb does not know is an armed group fighting
	// a state, not a state's army.
	if sector == "MIL" {
		for _, w := range words[s:] {
			if w == "liberation" {
				sector = "REB"
			}
		}
	}
	var codes []string
	seen := map[string]bool{}
	for i := s; i < len(toks); i++ {
		if !isCapitalised(toks[i].Text) {
			continue
		}
		c, n, ok := countryAt(doc, k, start+i, end)
		if !ok {
			continue
		}
		i += n - 1
		if !seen[c.CAMEO] {
			seen[c.CAMEO] = true
			codes = append(codes, c.CAMEO+sector)
		}
	}
	if len(codes) > 0 {
		return strings.Join(codes, ","), "demonym+role", true
	}
	if sector != "" {
		// "Florida Department of Health", "Texas Department of Public
		// Safety": a body named after a first-level region is of its
		// country, whatever else the article is about.
		if c, name, ok := regionOpening(k, toks[s:]); ok {
			return c.CAMEO + sector, "region+role " + name, true
		}
		if cc := dominant(); cc != "" {
			if c, ok := k.CountryByCode(cc); ok {
				return c.CAMEO + sector, "role+article country " + c.Name, true
			}
		}
		return sector, "role word", true
	}
	return "", "", false
}

// unknownPlacesNamedAsOrgs folds a place the gazetteer does not know into
// the organisation of the same name the article also mentions: "data of
// customers of Medibank, Australia's largest health insurer … Medibank
// chief executive": the recogniser read one mention as a location, but
// a name no gazetteer lists that the article uses for a body is that
// body.
func (b *entBuilder) unknownPlacesNamedAsOrgs() {
	orgs := map[string]*ent{}
	for _, x := range b.ents {
		if x.kind == record.KindOrg {
			orgs[x.nameKey()] = x
		}
	}
	// "the Royal Free" after "the Royal Free Hospital": an institution
	// is also called by its name less the head word.
	for _, x := range b.ents {
		if x.kind != record.KindOrg {
			continue
		}
		if f := strings.Fields(x.name); len(f) >= 2 && institutionHeads[strings.ToLower(f[len(f)-1])] {
			if short := kb.Key(strings.Join(f[:len(f)-1], " ")); orgs[short] == nil {
				orgs[short] = x
			}
		}
	}
	if len(orgs) == 0 {
		return
	}
	var unknown []*ent
	for _, x := range b.ents {
		if x.kind == record.KindPlace && x.kbid == "" && x.code == "" {
			if _, ok := orgs[x.nameKey()]; ok {
				unknown = append(unknown, x)
			}
		}
	}
	for _, x := range unknown {
		b.merge(x, orgs[x.nameKey()])
	}
}

// bodyTitles are titles any body gives its officers: the word before
// says whose ("union president", "company spokesman", "party official").
var bodyTitles = setOf(`president vice-president leader chief head boss official chairman chairwoman
	chair secretary spokesman spokeswoman spokesperson representative director organiser organizer
	negotiator`)

// bodyTitleSector is the sector of a role phrase that ends in a title any
// body gives (bodyTitles) after a lower-case word for a body of its own
// sector: "union president" and "teachers' union chief" are labour,
// "company spokesman" business, where "president" or "chief" alone would
// make them the government's. "general", "deputy" and "vice" may stand
// between ("union general secretary"). A capitalised word is part of a
// name ("African Union chief") unless it opens the sentence; a word for
// people (civilians, refugees, prisoners) is no body. It returns "" when
// the rule does not apply.
func bodyTitleSector(doc *nlp.Doc, k *kb.KB, from, end int) string {
	n := end - from
	if n < 2 {
		return ""
	}
	word := func(j int) string { return strings.ToLower(doc.Tokens[j].Text) }
	if !bodyTitles[strings.TrimSuffix(word(end-1), "s")] {
		return ""
	}
	i := end - 2
	for i > from && (word(i) == "general" || word(i) == "deputy" || word(i) == "vice") {
		i--
	}
	if roleHeads[word(i)] || isCapitalised(doc.Tokens[i].Text) && i > 0 && doc.SentenceOf(i-1) == doc.SentenceOf(i) {
		return ""
	}
	sec, ok := k.RoleSector(word(i))
	if !ok || sec == "GOV" || sec == "CVL" || sec == "REF" || sec == "CRM" {
		return ""
	}
	return sec
}
