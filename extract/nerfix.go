package extract

import (
	"slices"
	"strings"

	"dateline/kb"
	"dateline/nlp"
)

// spanPass is one correction of the recogniser's spans: the new spans
// and true, or false when it changed nothing (the Doc is then shared, not
// copied).
type spanPass func(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool)

// withoutKB adapts a pass that needs no knowledge base.
func withoutKB(f func(*nlp.Doc) ([]nlp.Span, bool)) spanPass {
	return func(doc *nlp.Doc, _ *kb.KB) ([]nlp.Span, bool) { return f(doc) }
}

// correctSpans corrects the recogniser's spans where the words around
// them or the knowledge base say better. It relabels as places the names
// taken for people or organisations that are places:
//
// A one-word name in a list of places: "Residents of West Terre Haute and
// Clinton" names the town of Clinton, not Hillary Clinton. A name is
// relabelled when
//   - it is a single-token PER span, or ORG span the kb knows no actor
//     by, coordinated (conj) with a word of a LOC span, or a LOC span's
//     word is coordinated with it;
//   - the gazetteer knows a town of that name in the dateline's country;
//   - the text never uses it as part of a longer person's name
//     ("Hillary Clinton … Clinton and Obama" stays a person).
//
// Its other one-word PER and ORG mentions are relabelled too.
//
// A name ending in a word for an administrative region ("Oconee County",
// "Bihar Province") that the gazetteer knows, with or without that word.
//
// An organisation's name that is a town of the dateline's own state,
// after "from", "in" or "near" ("a woman from Ballston Spa"), or an
// island, lake or mountain of the dateline's country ("the Isle of
// Wight").
//
// And it splits an organisation span that runs a body, a title and a
// person's name together (titledNames).
//
// It returns doc itself when nothing changes, else a shallow copy with
// its own Ents (the annotation may be shared with a cache). Relabelled
// spans get the label GPE, which the extractors read as LOC.
func correctSpans(doc *nlp.Doc, k *kb.KB, datelinePlace string) *nlp.Doc {
	if doc == nil || len(doc.Ents) == 0 {
		return doc
	}
	if k == nil {
		k = kb.Default()
	}
	// The span passes, in order: each sees the spans the ones before it left.
	for _, pass := range []spanPass{
		withoutKB(joinArticleNames),
		joinParticleOrgNames,
		joinParticlePlaces,
		joinCoordinatedProgrammes,
		hyphenatedGivenNames,
		withoutKB(honorificNames),
		withoutKB(warNames),
		dropElidedCompass,
		dropTwoPeoplesNames,
		dropCapitalisedOpeners,
		streetAndSeaNames,
		kbNamedBodies,
	} {
		if ents, ok := pass(doc, k); ok {
			d := *doc
			d.Ents = ents
			doc = &d
		}
	}
	home, homeAdmin1 := "", ""
	if dl := strings.TrimSpace(datelinePlace); dl != "" {
		if p, ok := resolveDateline(k, dl, nil); ok {
			home, homeAdmin1 = p.Country, p.Admin1
		}
	}
	label := make([]string, len(doc.Tokens)) // each token's entity label
	for _, e := range doc.Ents {
		for i := e.Start; i < e.End && i < len(label); i++ {
			label[i] = e.Label
		}
	}
	towns := map[string]bool{}
	var grownOf map[int]int  // Ents index → start of the institution's name it ends
	var regions [][2]int     // Ents index and name end of "Oconee County" read as a person
	var bodies []int         // Ents indexes of places that end in a body's head
	var trimmed map[int]bool // Ents indexes of "Neighbouring Karnataka": a place after a capitalised word
	var titled map[int]int   // Ents indexes of "Chair Jerome Powell" (a person's name after a title) → the name's end
	var named map[string]bool
	countries := func() map[string]bool { // the countries the text names, computed once
		if named == nil {
			named = namedCountries(doc, k)
		}
		return named
	}
	for si, e := range doc.Ents {
		if s := institutionOf(doc, e, label); s >= 0 {
			if grownOf == nil {
				grownOf = map[int]int{}
			}
			grownOf[si] = s
			continue
		}
		if (e.Label == "PER" || e.Label == "ORG" || e.Label == "MISC") && namedFeature(doc, k, e) {
			regions = append(regions, [2]int{si, e.End})
			continue
		}
		if (e.Label == "LOC" || e.Label == "GPE") && e.End-e.Start == 1 && writtenLower(doc, doc.Tokens[e.Start].Text) {
			// "Commissioner of Police" in a text that writes "the
			// police": a body's word capitalised in a title, not Police
			// in Poland.
			if _, role := k.RoleSector(strings.ToLower(doc.Tokens[e.Start].Text)); role {
				bodies = append(bodies, si)
				continue
			}
		}
		if (e.Label == "LOC" || e.Label == "GPE") && e.End-e.Start >= 2 && placeBodyHeads[strings.ToLower(doc.Tokens[e.End-1].Text)] {
			// "the Kano State Police Command", "the Kano State
			// Government", "the Ogun State Governor": a body or an
			// office named after its place, not the place.
			bodies = append(bodies, si)
			continue
		}
		if e.Label == "PER" && townAfterPreposition(doc, k, e, countries()) {
			regions = append(regions, [2]int{si, e.End})
			continue
		}
		if (e.Label == "PER" || e.Label == "ORG" || e.Label == "MISC") && e.End-e.Start >= 2 && openedByAdjective(doc, k, e) {
			if trimmed == nil {
				trimmed = map[int]bool{}
			}
			trimmed[si] = true
			continue
		}
		if end, ok := titleOpensName(doc, k, e); ok && e.Label == "PER" {
			if titled == nil {
				titled = map[int]int{}
			}
			titled[si] = end
			continue
		}
		if e.Label != "PER" && e.Label != "ORG" {
			continue
		}
		end := e.End // "Oconee County will": the recogniser ran on
		for end > e.Start+1 && !startsUpper(doc.Tokens[end-1].Text) {
			end--
		}
		if end-e.Start >= 2 && adminHeads[strings.ToLower(doc.Tokens[end-1].Text)] {
			if len(k.Places(doc.SpanText(e.Start, end))) > 0 || len(k.Places(doc.SpanText(e.Start, end-1))) > 0 {
				regions = append(regions, [2]int{si, end})
			}
			continue
		}
		if e.Label == "ORG" && (localTown(doc, k, e.Start, end, home, homeAdmin1) || featureNamed(doc, k, e.Start, end, home)) {
			regions = append(regions, [2]int{si, end})
			continue
		}
		if e.End-e.Start != 1 {
			continue
		}
		i := e.Start
		t := doc.Tokens[i]
		if e.Label == "ORG" {
			if _, ok := k.Actor(t.Text, ""); ok {
				continue // "Hamas and Gaza"
			}
		}
		if home != "" && !towns[t.Text] && conjWithPlace(doc, i, label) && !partOfLongerName(doc, t.Text) && townIn(k, t.Text, home) {
			towns[t.Text] = true
		}
	}
	splits := titledNames(doc, k)
	storms := stormNames(doc)
	grown := grownOf // institutions' names ("American Academy of Pediatrics")
	if len(towns) == 0 && len(regions) == 0 && len(splits) == 0 && len(storms) == 0 && len(grown) == 0 && len(bodies) == 0 && len(trimmed) == 0 && len(titled) == 0 {
		return doc // itself, or the copy joinArticleNames made
	}
	// Every one-word mention of the name is the town ("… closed north
	// of Clinton").
	out := append([]nlp.Span(nil), doc.Ents...)
	for si, e := range out {
		if (e.Label == "PER" || e.Label == "ORG") && e.End-e.Start == 1 && towns[doc.Tokens[e.Start].Text] {
			out[si].Label = "GPE" // read as LOC, and kept even where the kb knows a person of the name
		}
	}
	for _, si := range bodies {
		out[si].Label = "ORG"
	}
	for _, r := range regions {
		sp := &out[r[0]]
		sp.Label = "GPE"
		if r[1] < sp.End {
			sp.End, sp.EndByte = r[1], doc.Tokens[r[1]-1].End
		}
	}
	for si := range trimmed {
		sp := &out[si]
		sp.Start, sp.StartByte, sp.Label = sp.Start+1, doc.Tokens[sp.Start+1].Start, "GPE"
	}
	for si, end := range titled {
		sp := &out[si]
		sp.Start, sp.StartByte = sp.Start+1, doc.Tokens[sp.Start+1].Start
		sp.End, sp.EndByte = end, doc.Tokens[end-1].End
	}
	for si, g := range grown {
		sp := &out[si]
		sp.Start, sp.StartByte, sp.Label = g, doc.Tokens[g].Start, "ORG"
	}
	if len(splits) > 0 || len(storms) > 0 {
		// "Dayton Police | Chief | Kamran Afzal": the body, the title
		// (no entity) and the person. Storms go.
		var kept []nlp.Span
		for si, sp := range out {
			if storms[si] {
				continue
			}
			j, ok := splits[si]
			if !ok {
				kept = append(kept, sp)
				continue
			}
			t, n := j[0], j[1]
			if t > sp.Start {
				// "Khyber Pakhtunkhwa | Chief Minister | Ali Amin
				// Gandapur": before the title, a place stays a place.
				lab := "ORG"
				if sp.Label != "ORG" {
					lab = "GPE"
				}
				kept = append(kept, nlp.Span{Start: sp.Start, End: t, StartByte: sp.StartByte, EndByte: doc.Tokens[t-1].End, Label: lab})
			}
			kept = append(kept, nlp.Span{Start: n, End: sp.End, StartByte: doc.Tokens[n].Start, EndByte: sp.EndByte, Label: "PER"})
		}
		out = kept
	}
	d := *doc
	d.Ents = out
	return &d
}

// localTown reports whether the ORG span [s, e) is a town of the
// dateline's own state or province the kb knows no actor by, after a
// preposition of place: "a woman from Ballston Spa".
func localTown(doc *nlp.Doc, k *kb.KB, s, e int, country, admin1 string) bool {
	if admin1 == "" || s == 0 || !placePrepositions[strings.ToLower(doc.Tokens[s-1].Text)] {
		return false
	}
	last := strings.ToLower(doc.Tokens[e-1].Text)
	if personlessHeads[last] || companyHeads[last] || bodyHeads[last] {
		return false
	}
	name := doc.SpanText(s, e)
	if _, ok := k.Actor(name, ""); ok {
		return false
	}
	for _, p := range k.Places(name) {
		if p.Country == country && p.Admin1 == admin1 && p.Feature == kb.FeatureCity && kb.KeyIs(p.Name, kb.Key(name)) {
			return true
		}
	}
	return false
}

// townAfterPreposition reports whether the PER span e is a town's name
// after a preposition of place ("in the neighbourhoods around Coral
// Gables", "a clinic in Ballston Spa"): the kb knows no actor by it and
// the gazetteer a town or district of exactly that name in a country the
// text names (countries, alpha-2 codes).
func townAfterPreposition(doc *nlp.Doc, k *kb.KB, e nlp.Span, countries map[string]bool) bool {
	s := e.Start
	if e.End-s < 2 || e.End-s > 3 || s == 0 || !townPrepositions[strings.ToLower(doc.Tokens[s-1].Text)] && !listedAfterPreposition(doc, s) {
		return false
	}
	if e.End < len(doc.Tokens) && isPossessive(doc.Tokens[e.End].Text) {
		return false // "in John Smith's house"
	}
	name := doc.SpanText(s, e.End)
	if _, ok := k.Actor(name, ""); ok {
		return false
	}
	for _, p := range k.Places(name) {
		if countries[p.Country] && (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureAdmin2) && kb.KeyIs(p.Name, kb.Key(name)) {
			return true
		}
	}
	return false
}

// listedAfterPreposition reports whether the name at token s follows
// "and", "or" or a comma after a place's or person's name that itself
// follows a preposition of place: "around Little Havana and [Coral
// Gables]".
func listedAfterPreposition(doc *nlp.Doc, s int) bool {
	if s < 3 {
		return false
	}
	switch strings.ToLower(doc.Tokens[s-1].Text) {
	case "and", "or", ",":
	default:
		return false
	}
	for _, sp := range doc.Ents {
		if sp.End == s-1 && sp.Start > 0 && (sp.Label == "LOC" || sp.Label == "GPE" || sp.Label == "PER") {
			return townPrepositions[strings.ToLower(doc.Tokens[sp.Start-1].Text)]
		}
	}
	return false
}

// townPrepositions come before a town's name and rarely a person's.
var townPrepositions = setOf(`in near outside around`)

// openedByAdjective reports whether span e is a place the gazetteer
// knows whole (a country or first-level region) after a first word the
// text capitalises only because it opens the sentence: "Neighbouring
// Karnataka", "Nearby Sindh", read as a person.
func openedByAdjective(doc *nlp.Doc, k *kb.KB, e nlp.Span) bool {
	s := e.Start
	if s > 0 && doc.SentenceOf(s-1) == doc.SentenceOf(s) {
		return false
	}
	if pos := doc.Tokens[s].POS; pos != "ADJ" && pos != "VERB" && pos != "ADV" {
		return false
	}
	name := doc.SpanText(s+1, e.End)
	if _, ok := k.Country(name); ok {
		return true
	}
	p, ok := k.TopPlace(name)
	return ok && p.Feature == kb.FeatureAdmin1 && kb.KeyIs(p.Name, kb.Key(name))
}

// featureNamed reports whether the ORG span [s, e) is a natural
// feature's name the gazetteer knows in country ("the Isle of Wight").
func featureNamed(doc *nlp.Doc, k *kb.KB, s, e int, country string) bool {
	if e-s < 2 || country == "" || !featurePrefixWords[strings.ToLower(doc.Tokens[s].Text)] {
		return false
	}
	name := doc.SpanText(s, e)
	if _, ok := k.Actor(name, ""); ok {
		return false
	}
	for _, p := range k.Places(name) {
		if p.Country == country && kb.KeyIs(p.Name, kb.Key(name)) {
			return true
		}
	}
	return false
}

// namedFeature reports whether the PER, ORG or MISC span e names a
// place that is no town: a name ending in a word for a square, a stretch
// of water, a range or a camp that the gazetteer holds whole ("Tahrir
// Square", read as a person; "Lake Titicaca"), or one word the news uses
// for a region of its own list ("the Maidan", read as MISC). The kb must
// know no actor of the name.
func namedFeature(doc *nlp.Doc, k *kb.KB, e nlp.Span) bool {
	n := e.End - e.Start
	if n < 1 || n > 5 {
		return false
	}
	head := strings.ToLower(doc.Tokens[e.End-1].Text)
	if n == 1 && e.Label != "MISC" || n > 1 && !placeHeads[head] {
		return false
	}
	name := doc.SpanText(e.Start, e.End)
	if _, ok := k.Actor(name, ""); ok {
		return false
	}
	for _, p := range k.Places(name) {
		if (n > 1 || p.Feature == kb.FeatureRegion) && kb.KeyIs(p.Name, kb.Key(name)) {
			return true
		}
		for _, a := range p.AltNames {
			if (n > 1 || p.Feature == kb.FeatureRegion) && kb.KeyIs(a, kb.Key(name)) {
				return true
			}
		}
	}
	return false
}

// institutionOf returns where an institution's name starts when the span
// e is the end of it after "of", with the words before it left untagged:
// "American Academy of [Pediatrics]" read as a place. The name runs back
// over capitalised proper nouns to a word that heads institutions'
// names. It returns -1 otherwise.
func institutionOf(doc *nlp.Doc, e nlp.Span, label []string) int {
	if e.Label == "PER" || e.Label == "ORG" || e.Start < 2 || !strings.EqualFold(doc.Tokens[e.Start-1].Text, "of") {
		return -1
	}
	h := e.Start - 2
	hw := strings.ToLower(doc.Tokens[h].Text)
	if label[h] != "" || !startsUpper(doc.Tokens[h].Text) || !orgHeads[hw] {
		return -1
	}
	s := h
	for s > 0 && s > h-3 && label[s-1] == "" && doc.SentenceOf(s-1) == doc.SentenceOf(h) {
		t := doc.Tokens[s-1]
		if t.POS != "PROPN" && t.POS != "ADJ" || !startsUpper(t.Text) || determiners[strings.ToLower(t.Text)] {
			break
		}
		s--
	}
	return s
}

// orgHeads head the names of institutions written "X of Y": "Academy of
// Sciences", "University of Texas", "Ministry of Defence".
var orgHeads = setOf(`academy university institute college school ministry department office council
	bureau agency commission committee board federation association society union league chamber
	museum library foundation church order court bank`)

// placeHeads end the names of places that are not towns.
var placeHeads = setOf(`square circus park gate sea ocean lake river canal strait gulf bay
	desert mountains islands island peninsula camp plateau valley basin zone`)

// featurePrefixWords open the names of islands, lakes and mountains.
var featurePrefixWords = setOf(`isle island islands lake mount cape`)

// placePrepositions come before a town's name: "from", "in", "near".
var placePrepositions = setOf(`from in near at outside`)

// stormNames returns the indexes in doc.Ents of the spans that name a
// storm: "Hurricane Milton" read whole or as "Milton" after the word.
// They are no actor and no place (Milton, Ontario).
func stormNames(doc *nlp.Doc) map[int]bool {
	var out map[int]bool
	for si, e := range doc.Ents {
		first := doc.Tokens[e.Start].Text
		before := ""
		if e.Start > 0 {
			before = doc.Tokens[e.Start-1].Text
		}
		if isCapitalised(first) && stormWords[strings.ToLower(first)] && e.End-e.Start > 1 || isCapitalised(before) && stormWords[strings.ToLower(before)] {
			if out == nil {
				out = map[int]bool{}
			}
			out[si] = true
		}
	}
	return out
}

// titledNames finds organisation spans that run a body, a title and a
// person's name together ("Dayton Police Chief Kamran Afzal"): for each,
// by its index in doc.Ents, the first token of the title and of the name.
// The name is two or three capitalised words after a title word of the kb
// (a role with a sector, or a head such as "Chief" or "Director"), none of
// them a title, body or country word, and the kb knows no actor by the
// whole span.
func titledNames(doc *nlp.Doc, k *kb.KB) map[int][2]int {
	var out map[int][2]int
	for si, e := range doc.Ents {
		if e.Label != "ORG" && e.Label != "LOC" && e.Label != "GPE" && e.Label != "MISC" || e.End-e.Start < 3 {
			continue
		}
		if _, ok := k.Actor(doc.SpanText(e.Start, e.End), ""); ok {
			continue
		}
		for n := e.End - 2; n >= e.End-3 && n > e.Start; n-- {
			t := n - 1 // the title word just before the name
			tw := strings.ToLower(doc.Tokens[t].Text)
			if _, ok := k.RoleSector(tw); !ok && !roleHeads[tw] && !titleTails[tw] {
				continue
			}
			name := true
			for i := n; i < e.End; i++ {
				w := doc.Tokens[i].Text
				lw := strings.ToLower(w)
				_, role := k.RoleSector(lw)
				_, country := k.Country(w)
				if !isCapitalised(w) || role || roleHeads[lw] || titleTails[lw] || bodyHeads[lw] || personlessHeads[lw] || companyHeads[lw] || country {
					name = false
				}
			}
			if !name {
				continue
			}
			// A title of two head words ("Chief Executive") is cut
			// whole; a body word before a head ("Police Chief") stays
			// with the body ("Dayton Police").
			for t-1 > e.Start && (roleHeads[strings.ToLower(doc.Tokens[t-1].Text)] || titleTails[strings.ToLower(doc.Tokens[t-1].Text)]) {
				t--
			}
			if out == nil {
				out = map[int][2]int{}
			}
			out[si] = [2]int{t, n}
			break
		}
	}
	return out
}

// titleOpensName reports a person span that starts with a capitalised
// title word before a name of two or three words ("Fed Chair Jerome
// Powell" at the start of a text, where the recogniser took "Chair" into
// the name), which the kb knows no actor by, and returns the name's end.
// A proper noun outside any span right after the span ends the name
// ("U.S. Marine Paul | Whelan", where the recogniser stopped short).
func titleOpensName(doc *nlp.Doc, k *kb.KB, e nlp.Span) (int, bool) {
	end := e.End
	for end < len(doc.Tokens) && end-e.Start < 4 && doc.Tokens[end].POS == "PROPN" && (doc.Tokens[end].Ent == "" || doc.Tokens[end].Ent == "O") &&
		isCapitalised(doc.Tokens[end].Text) && doc.SentenceOf(end) == doc.SentenceOf(e.Start) {
		end++
	}
	if n := end - e.Start; n < 3 || n > 4 {
		return 0, false
	}
	tw := strings.ToLower(doc.Tokens[e.Start].Text)
	if _, role := k.RoleSector(tw); !role && !roleHeads[tw] {
		return 0, false
	}
	if _, ok := k.Actor(doc.SpanText(e.Start, e.End), ""); ok {
		return 0, false
	}
	for i := e.Start + 1; i < end; i++ {
		w := doc.Tokens[i].Text
		lw := strings.ToLower(w)
		_, role := k.RoleSector(lw)
		if !isCapitalised(w) || role || roleHeads[lw] || titleTails[lw] {
			return 0, false
		}
	}
	return end, true
}

// placeBodyHeads end the names of bodies and offices named after a place
// that the recogniser takes for the place itself.
var placeBodyHeads = setOf(`government police command governor assembly council ministry commission
administration secretariat`)

// titleTails end titles of several words: "Chief Executive", "Chief
// Operating Officer", "Attorney General".
var titleTails = setOf(`executive officer operating financial general counsel`)

// adminHeads end the names of administrative regions.
var adminHeads = setOf(`county parish province governorate oblast prefecture township`)

// conjWithPlace reports whether token i is coordinated with a token of
// a LOC span, either way round.
func conjWithPlace(doc *nlp.Doc, i int, label []string) bool {
	t := doc.Tokens[i]
	if t.Dep == "conj" && t.Head >= 0 && t.Head < len(label) && label[t.Head] == "LOC" {
		return true
	}
	for j, u := range doc.Tokens {
		if u.Head == i && u.Dep == "conj" && label[j] == "LOC" {
			return true
		}
	}
	return false
}

// partOfLongerName reports whether the text has word as the last word of
// a longer PER span.
func partOfLongerName(doc *nlp.Doc, word string) bool {
	for _, e := range doc.Ents {
		if e.Label == "PER" && e.End-e.Start > 1 && doc.Tokens[e.End-1].Text == word {
			return true
		}
	}
	return false
}

// townIn reports whether the gazetteer knows a town named name in country.
func townIn(k *kb.KB, name, country string) bool {
	for _, p := range k.Places(name) {
		if p.Country == country && (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureCapital) && kb.KeyIs(p.Name, kb.Key(name)) {
			return true
		}
	}
	return false
}

// joinArticleNames joins the spans the recogniser cut at the hyphen after
// a capitalised Arabic article (arabicArticles): "Al | -Shabaab" was a place "Al" (Alabama by its
// postal code) and an organisation "Shabaab", "Al | -Fatih Qurashi" a
// place and a person. The joined span takes the label of the part after
// the hyphen (the name proper), else the article's; lower-case words the
// recogniser ran on at the end ("Al-Masri spoke") are dropped. It returns
// the new spans and true, or nil and false when nothing was joined.
func joinArticleNames(doc *nlp.Doc) ([]nlp.Span, bool) {
	at := spanAt(doc)
	drop := map[int]bool{}
	var out []nlp.Span
	changed := false
	for i := 0; i+2 < len(doc.Tokens); i++ {
		a, h, n := doc.Tokens[i], doc.Tokens[i+1], doc.Tokens[i+2]
		if !arabicArticles[strings.ToLower(a.Text)] || !startsUpper(a.Text) || h.Text != "-" || a.End != h.Start || h.End != n.Start || !startsUpper(n.Text) {
			continue
		}
		sa, sn := at[i], at[i+2]
		if sa == 0 && sn == 0 || sa == sn {
			continue
		}
		start, end, label := i, i+3, ""
		if sa != 0 {
			e := doc.Ents[sa-1]
			start, label = min(start, e.Start), e.Label
			end = max(end, e.End)
		}
		if sn != 0 {
			e := doc.Ents[sn-1]
			end, label = max(end, e.End), e.Label
			start = min(start, e.Start)
		}
		for end > i+3 && !startsUpper(doc.Tokens[end-1].Text) {
			end--
		}
		if sa != 0 && sn != 0 && doc.Ents[sa-1].Label == "PER" && doc.Ents[sa-1].Start < i {
			label = "PER" // "Ahmed Al | -Masri": a person's name runs on
		}
		if sa != 0 {
			drop[sa-1] = true
		}
		if sn != 0 {
			drop[sn-1] = true
		}
		out = append(out, nlp.Span{Start: start, End: end, StartByte: doc.Tokens[start].Start, EndByte: doc.Tokens[end-1].End, Label: label})
		changed = true
		i = end - 1
	}
	if !changed {
		return nil, false
	}
	return keptWith(doc, out, drop), true
}

// kbNamedBodies makes one organisation span of a body's, group's or
// organisation's name of two to six words the kb knows, where the
// recogniser labelled only part of it, or cut it in pieces: "Medecins |
// Sans Frontieres" (a person "Sans Frontieres"), "Save the | Children" (a
// person "Children"), "Sudanese | Armed | Forces". Only names that lie
// over at least one span and hold every span they touch are taken (a
// longer span, "Islamic State Sahel Province", keeps its own reading).
func kbNamedBodies(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	at := spanAt(doc)
	drop := map[int]bool{}
	var add []nlp.Span
	for i := 0; i < len(doc.Tokens); i++ {
		if !startsUpper(doc.Tokens[i].Text) {
			continue
		}
	names:
		for n := min(6, len(doc.Tokens)-i); n >= 2; n-- {
			j := i + n
			if !startsUpper(doc.Tokens[j-1].Text) || doc.SentenceOf(i) != doc.SentenceOf(j-1) {
				continue
			}
			touched := map[int]bool{}
			for x := i; x < j; x++ {
				if si := at[x]; si != 0 {
					e := doc.Ents[si-1]
					end := e.End // "Forces | of": the recogniser ran on
					for end > e.Start+1 && !startsUpper(doc.Tokens[end-1].Text) {
						end--
					}
					if e.Start < i || end > j || e.Start == i && e.End == j {
						continue names
					}
					touched[si-1] = true
				}
			}
			if len(touched) == 0 {
				continue
			}
			a, ok := k.Actor(doc.SpanText(i, j), "")
			if !ok || a.Kind == kb.KindPerson {
				continue
			}
			for si := range touched {
				drop[si] = true
			}
			add = append(add, nlp.Span{Start: i, End: j, StartByte: doc.Tokens[i].Start, EndByte: doc.Tokens[j-1].End, Label: "ORG"})
			i = j - 1
			break
		}
	}
	if len(add) == 0 {
		return nil, false
	}
	return keptWith(doc, add, drop), true
}

// spanAt gives each token of doc the index in doc.Ents of the span that
// holds it, plus one (0: none).
func spanAt(doc *nlp.Doc) []int {
	at := make([]int, len(doc.Tokens))
	for si, e := range doc.Ents {
		for i := e.Start; i < e.End && i < len(at); i++ {
			at[i] = si + 1
		}
	}
	return at
}

// keptWith returns the new spans add with doc's spans that drop does not
// name, in text order.
func keptWith(doc *nlp.Doc, add []nlp.Span, drop map[int]bool) []nlp.Span {
	for si, e := range doc.Ents {
		if !drop[si] {
			add = append(add, e)
		}
	}
	slices.SortFunc(add, func(x, y nlp.Span) int { return x.Start - y.Start })
	return add
}

// joinParticleOrgNames makes one name of a group's or a place's name the
// recogniser cut at a lower-case particle inside it, which left only the
// last capitalised part (or the first) as the name:
//   - an Arabic article joined by a hyphen, after a name the recogniser
//     labelled ("Ahrar | al-Sham", "Deir | al-Balah"), keeping its label
//     unless the gazetteer knows the whole as a place;
//   - a Nguni name whose first word carries its noun-class prefix in
//     lower case, then a possessive particle: "uMkhonto we Sizwe",
//     "iNkatha ya Sizwe".
//
// A person's name is left to the entity pass, which joins "al-" itself.
func joinParticleOrgNames(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	at := spanAt(doc)
	drop := map[int]bool{}
	var out []nlp.Span
	changed := false
	toks := doc.Tokens
	for i := 0; i+2 < len(toks); i++ {
		start, end, label := -1, -1, "ORG"
		if a, h, n := toks[i], toks[i+1], toks[i+2]; arabicArticles[a.Text] && h.Text == "-" && a.End == h.Start && h.End == n.Start && startsUpper(n.Text) &&
			i > 0 && at[i-1] != 0 && at[i] == 0 {
			e := doc.Ents[at[i-1]-1]
			if e.End == i && e.Label != "PER" {
				start, end = e.Start, i+3
				if sn := at[i+2]; sn != 0 {
					end = max(end, doc.Ents[sn-1].End)
				}
				// "Ras al-Ain", "Deir al-Balah": a place the
				// gazetteer knows whole or by its first part stays a
				// place; an unknown name a group's.
				// the recogniser's label, unless the gazetteer knows
				// the whole as a place ("Deir al-Balah").
				label = e.Label
				if len(k.Places(doc.SpanText(start, end))) > 0 {
					label = "LOC"
				}
			}
		} else if nguniPrefixed(a.Text) && nguniParticles[h.Text] && startsUpper(n.Text) && !isPunct(n.Text) && doc.SentenceOf(i+2) == doc.SentenceOf(i) {
			start, end = i, i+3
			if at[i] != 0 {
				start = min(start, doc.Ents[at[i]-1].Start)
			}
		}
		if start < 0 {
			continue
		}
		if sn := at[end-1]; sn != 0 {
			end = max(end, doc.Ents[sn-1].End)
		}
		for j := start; j < end; j++ {
			if at[j] != 0 {
				drop[at[j]-1] = true
			}
		}
		out = append(out, nlp.Span{Start: start, End: end, StartByte: toks[start].Start, EndByte: toks[end-1].End, Label: label})
		changed = true
		i = end - 1
	}
	if !changed {
		return nil, false
	}
	return keptWith(doc, out, drop), true
}

// nguniParticles are the possessive particles inside Zulu and Xhosa
// names ("uMkhonto we Sizwe": the spear of the nation).
var nguniParticles = setOf("we wa ka ya la")

// nguniPrefixed reports a word written with a lower-case noun-class prefix
// before a capital: "uMkhonto", "iNkatha", "abaQulusi".
func nguniPrefixed(w string) bool {
	n := 0
	for n < len(w) && w[n] >= 'a' && w[n] <= 'z' {
		n++
	}
	if n == 0 || n > 3 || n+2 > len(w) || w[n] < 'A' || w[n] > 'Z' {
		return false
	}
	for _, r := range w[n+1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// placeParticles join the words of Portuguese, Spanish, French and Italian
// place names: "Mocímboa da Praia", "Santiago de Compostela".
var placeParticles = setOf("da de do dos das del della di du la le")

// joinParticlePlaces joins two place spans the recogniser cut at a
// lower-case particle when the gazetteer knows the whole name: "Mocimboa |
// da | Praia" was Mocímboa and Praia, the capital of Cape Verde.
func joinParticlePlaces(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	var out []nlp.Span
	changed := false
	for si := 0; si < len(doc.Ents); si++ {
		e := doc.Ents[si]
		if si+1 < len(doc.Ents) {
			f := doc.Ents[si+1]
			if isPlaceLabel(e.Label) && isPlaceLabel(f.Label) && f.Start == e.End+1 && placeParticles[doc.Tokens[e.End].Text] &&
				len(k.Places(doc.SpanText(e.Start, f.End))) > 0 {
				out = append(out, nlp.Span{Start: e.Start, End: f.End, StartByte: e.StartByte, EndByte: f.EndByte, Label: e.Label})
				changed = true
				si++
				continue
			}
		}
		out = append(out, e)
	}
	return out, changed
}

func isPlaceLabel(l string) bool { return l == "LOC" || l == "GPE" }

// streetHeads end the names of streets, roads and squares: a name ending
// in one is a place, whatever the recogniser made of it ("Moi Avenue",
// "Abbey Road" read as people). "Lane" is left out: it is a common
// surname.
var streetHeads = setOf(`street st avenue ave road boulevard blvd highway square plaza`)

// waterHeads open the names of seas, gulfs, straits and capes written "X
// of Y": "Gulf of Oman", "Strait of Hormuz", "Bay of Bengal".
var waterHeads = setOf(`gulf bay strait straits sea cape isle`)

// isStreetName reports whether tokens [s, e) are a street's or square's
// name: two to five words, each capitalised or a number ("42nd Street",
// "10 Downing Street"), the last a street head, and no name the kb knows
// as an actor or as a metonym ("Downing Street" stands for the British
// government and keeps its reading).
func isStreetName(doc *nlp.Doc, k *kb.KB, s, e int) bool {
	if e-s < 2 || e-s > 5 || !streetHeads[strings.ToLower(strings.TrimSuffix(doc.Tokens[e-1].Text, "."))] || !startsUpper(doc.Tokens[e-1].Text) {
		return false
	}
	for i := s; i < e-1; i++ {
		w := doc.Tokens[i].Text
		if w == "-" && i > s && doc.Tokens[i-1].End == doc.Tokens[i].Start {
			continue // "Al-Rashid Street"
		}
		if !startsUpper(w) && (w == "" || w[0] < '0' || w[0] > '9') {
			return false
		}
	}
	if s > 0 && honorifics[strings.ToLower(doc.Tokens[s-1].Text)] {
		return false // "Mr Street": a surname
	}
	name := doc.SpanText(s, e)
	if _, ok := k.Actor(name, ""); ok {
		return false
	}
	if _, ok := k.Metonym(name); ok {
		return false
	}
	return true
}

// streetMetonym reports whether tokens [s, e) are a street's name the kb
// knows as a metonym: "Downing Street".
func streetMetonym(doc *nlp.Doc, k *kb.KB, s, e int) bool {
	if e-s < 2 || !streetHeads[strings.ToLower(doc.Tokens[e-1].Text)] {
		return false
	}
	_, ok := k.Metonym(doc.SpanText(s, e))
	return ok
}

// streetSplitters join two names inside one span the recogniser ran
// together: "Fifth Avenue and Oxford Street", "Moi Avenue in Nairobi".
var streetSplitters = setOf(`and & , in near off at`)

// streetAndSeaNames corrects the spans of streets, squares and named seas:
//   - a span running a street's name on into another name is cut at the
//     word between: "Fifth Avenue and Oxford Street" (one organisation)
//     is two streets, "Moi Avenue in Nairobi" (a person) a street and a
//     town;
//   - a person, organisation or other name that is a street's name
//     (isStreetName) is a place;
//   - "Gulf | of | Oman", cut by the recogniser into a gulf and a
//     country, is one place when the gazetteer knows the whole, and so is
//     an organisation or other name so opened that the gazetteer holds
//     ("Bay of Bengal").
//
// It returns the new spans and true, or nil and false when nothing
// changed.
func streetAndSeaNames(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	toks := doc.Tokens
	var out []nlp.Span
	changed := false
	place := func(s, e int) nlp.Span {
		return nlp.Span{Start: s, End: e, StartByte: toks[s].Start, EndByte: toks[e-1].End, Label: "GPE"}
	}
	for si := 0; si < len(doc.Ents); si++ {
		e := doc.Ents[si]
		// "Gulf | of | Oman": two spans, or an untagged head before a
		// place span.
		if f, ok := nextAfterOf(doc, si); ok && waterHeads[strings.ToLower(toks[e.End-1].Text)] && e.End-e.Start <= 2 {
			if ps := k.Places(doc.SpanText(e.Start, f.End)); len(ps) > 0 {
				out = append(out, nlp.Span{Start: e.Start, End: f.End, StartByte: e.StartByte, EndByte: f.EndByte, Label: "LOC"})
				changed = true
				si++
				continue
			}
		}
		if s := e.Start; s >= 2 && strings.EqualFold(toks[s-1].Text, "of") && waterHeads[strings.ToLower(toks[s-2].Text)] && startsUpper(toks[s-2].Text) &&
			(len(out) == 0 || out[len(out)-1].End <= s-2) && doc.SentenceOf(s-2) == doc.SentenceOf(s) {
			if ps := k.Places(doc.SpanText(s-2, e.End)); len(ps) > 0 {
				out = append(out, nlp.Span{Start: s - 2, End: e.End, StartByte: toks[s-2].Start, EndByte: e.EndByte, Label: "LOC"})
				changed = true
				continue
			}
		}
		if e.Label == "LOC" || e.Label == "GPE" {
			out = append(out, e)
			continue
		}
		// "Bay of Bengal" read as an organisation.
		if e.End-e.Start >= 3 && waterHeads[strings.ToLower(toks[e.Start].Text)] && strings.EqualFold(toks[e.Start+1].Text, "of") {
			name := doc.SpanText(e.Start, e.End)
			if _, actor := k.Actor(name, ""); !actor && len(k.Places(name)) > 0 {
				sp := e
				sp.Label = "GPE"
				out = append(out, sp)
				changed = true
				continue
			}
		}
		// A street's name run on into another name.
		split := false
		for j := e.Start + 2; j < e.End-1; j++ {
			w := strings.ToLower(toks[j].Text)
			if n := toks[j+1].Text; !streetSplitters[w] || !startsUpper(n) && (n[0] < '0' || n[0] > '9') || !isStreetName(doc, k, e.Start, j) && !streetMetonym(doc, k, e.Start, j) {
				continue
			}
			second := e.Label
			switch {
			case isStreetName(doc, k, j+1, e.End):
				second = "GPE"
			case w == "in" || w == "near" || w == "off" || w == "at":
				second = "GPE" // "Moi Avenue in Nairobi": where the street is
			default:
				continue // "Fifth Avenue and Tiffany": the second may be no place
			}
			first := place(e.Start, j)
			if streetMetonym(doc, k, e.Start, j) {
				first.Label = e.Label // "Downing Street and 42nd Street": the metonym keeps its reading
			}
			out = append(out, first)
			sp := place(j+1, e.End)
			sp.Label = second
			out = append(out, sp)
			changed, split = true, true
			break
		}
		if split {
			continue
		}
		if isStreetName(doc, k, e.Start, e.End) {
			out = append(out, place(e.Start, e.End))
			changed = true
			continue
		}
		out = append(out, e)
	}
	// "Pennsylvania | Avenue": a name the recogniser ended before the
	// street's head word it runs on to.
	// "Pennsylvania | Avenue": also when the head is a span of its own.
	for si := 0; si < len(out); si++ {
		sp := &out[si]
		h := sp.End
		if h >= len(toks) || !startsUpper(toks[h].Text) || !streetHeads[strings.ToLower(toks[h].Text)] || toks[h].Start-toks[h-1].End > 1 ||
			doc.SentenceOf(h) != doc.SentenceOf(sp.Start) || !isStreetName(doc, k, sp.Start, h+1) {
			continue
		}
		headSpan := si+1 < len(out) && out[si+1].Start == h
		if headSpan && out[si+1].End != h+1 || si+1 < len(out) && out[si+1].Start < h {
			continue
		}
		sp.End, sp.EndByte, sp.Label = h+1, toks[h].End, "GPE"
		if headSpan {
			out = append(out[:si+1], out[si+2:]...)
		}
		changed = true
	}
	if !changed {
		return nil, false
	}
	return out, true
}

// nextAfterOf returns the span after doc.Ents[si] when only "of" stands
// between them, in the same sentence.
func nextAfterOf(doc *nlp.Doc, si int) (nlp.Span, bool) {
	if si+1 >= len(doc.Ents) {
		return nlp.Span{}, false
	}
	e, f := doc.Ents[si], doc.Ents[si+1]
	if f.Start != e.End+1 || !strings.EqualFold(doc.Tokens[e.End].Text, "of") || doc.SentenceOf(e.Start) != doc.SentenceOf(f.Start) {
		return nlp.Span{}, false
	}
	return f, true
}

// closedClasses are the word classes no name belongs to.
var closedClasses = setOf(`PRON ADV DET SCONJ CCONJ INTJ AUX ADP PART`)

// dropCapitalisedOpeners drops the one-word person, organisation and
// other spans of a word capitalised only because it opens a sentence or
// a quotation: a pronoun, adverb or other closed-class word ("He",
// "Fortunately", "Maybe", "Furthermore" read as organisations), or a
// common noun the text also writes in lower case ("“Fear. I am truly
// afraid …”"). A word the kb knows as an actor or a country stays.
func dropCapitalisedOpeners(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	var out []nlp.Span
	changed := false
	for _, e := range doc.Ents {
		end := e.End // "He | has": the recogniser ran on into lower-case words
		for end > e.Start+1 && !startsUpper(doc.Tokens[end-1].Text) {
			end--
		}
		if end-e.Start == 1 && (e.Label == "PER" || e.Label == "ORG" || e.Label == "MISC") && opensSentenceOrQuote(doc, e.Start) {
			t := doc.Tokens[e.Start]
			_, actor := k.Actor(t.Text, "")
			_, country := k.Country(t.Text)
			if !actor && !country && (closedClasses[t.POS] || t.POS == "NOUN" && (writtenLower(doc, t.Text) || commonNounTag(t))) {
				changed = true
				continue
			}
		}
		out = append(out, e)
	}
	if !changed {
		return nil, false
	}
	return out, true
}

// commonNounTag reports whether the tagger tagged a capitalised word a
// singular or plural common noun (NN, NNS), not a proper noun: its
// lexicon knows the word as one usually written in lower case, so the
// capital is the sentence's or the quotation's ("”Fear. I am truly
// afraid …").
func commonNounTag(t nlp.Token) bool {
	return t.POS == "NOUN" && (t.Tag == "NN" || t.Tag == "NNS")
}

// opensSentenceOrQuote reports whether token i opens its sentence,
// perhaps after quotation marks or a bracket.
func opensSentenceOrQuote(doc *nlp.Doc, i int) bool {
	j := i - 1
	for j >= 0 {
		switch doc.Tokens[j].Text {
		case `"`, "“", "”", "‘":
			return true // "She said: “Fortunately, …": a quotation opens here
		case "'", "(", "[", "—", "-", "―":
			j--
			continue
		}
		break
	}
	if j < 0 || doc.SentenceOf(j) != doc.SentenceOf(i) {
		return true
	}
	switch doc.Tokens[j].Text {
	case ".", "!", "?", ":", ";":
		return true
	}
	return strings.Contains(doc.Text[doc.Tokens[j].End:doc.Tokens[j+1].Start], "\n")
}

// programmeHeads end the names of programmes, laws, treaties and funds:
// a name ending in one is no person ("Road Initiative").
var programmeHeads = setOf(`initiative initiatives programme program act agreement treaty fund accord pact`)

// joinCoordinatedProgrammes makes one organisation span of a capitalised
// "X and Y Initiative" (Programme, Act, Agreement, Treaty, Fund, …) the
// recogniser cut at the "and": "Belt and | Road Initiative" gave a person
// or an organisation "Road Initiative". X is one to three capitalised
// words before "and" (or "&") in the same sentence, no place's or
// country's name, untagged or an organisation or person span ending at
// the "and". It returns the new spans and true, or nil and false when
// nothing was joined.
func joinCoordinatedProgrammes(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	toks := doc.Tokens
	at := spanAt(doc)
	drop := map[int]bool{}
	var add []nlp.Span
	for si, e := range doc.Ents {
		if e.Label == "LOC" || e.Label == "GPE" || !programmeHeads[strings.ToLower(toks[e.End-1].Text)] || !startsUpper(toks[e.End-1].Text) {
			continue
		}
		c := e.Start - 1
		if c < 1 || toks[c].Text != "and" && toks[c].Text != "&" || doc.SentenceOf(c-1) != doc.SentenceOf(e.Start) {
			continue
		}
		x := c // X runs over [x, c)
		for x > 0 && c-x < 3 && doc.SentenceOf(x-1) == doc.SentenceOf(c) && startsUpper(toks[x-1].Text) && !isPunct(toks[x-1].Text) && !closedClasses[toks[x-1].POS] {
			x--
		}
		if x == c {
			continue
		}
		ok := true
		for i := x; i < c; i++ {
			if a := at[i]; a != 0 {
				f := doc.Ents[a-1]
				if f.Label == "LOC" || f.Label == "GPE" || f.End != c || f.Start < x {
					ok = false
					break
				}
			}
			if _, country := k.Country(toks[i].Text); country {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if a := at[x]; a != 0 {
			drop[a-1] = true
		}
		drop[si] = true
		add = append(add, nlp.Span{Start: x, End: e.End, StartByte: toks[x].Start, EndByte: e.EndByte, Label: "ORG"})
	}
	if len(add) == 0 {
		return nil, false
	}
	return keptWith(doc, add, drop), true
}

// personalTitles open only people's names: "Mr. Trump", "Mrs May".
var personalTitles = setOf(`mr mr. mrs mrs. ms ms. miss dr dr. mx mx.`)

// honorificNames relabels as a person a place or organisation span that
// opens with a personal title and goes on with a capitalised word: "Mr.
// Trump" read as a place. It returns the new spans and true, or nil and
// false when nothing changed.
func honorificNames(doc *nlp.Doc) ([]nlp.Span, bool) {
	var out []nlp.Span
	for si, e := range doc.Ents {
		if e.Label == "PER" || e.End-e.Start < 2 || !personalTitles[strings.ToLower(doc.Tokens[e.Start].Text)] || !startsUpper(doc.Tokens[e.Start+1].Text) {
			continue
		}
		if out == nil {
			out = append([]nlp.Span(nil), doc.Ents...)
		}
		out[si].Label = "PER"
	}
	return out, out != nil
}

// warHeads end the names of wars and other events named like places.
var warHeads = setOf(`war wars revolution uprising intifada`)

// warNames relabels as other names (MISC) the place, person and
// organisation spans that name a war: "the Cold War" read as a place,
// "World War II", "the Gulf War". The head is capitalised and ends the
// span, perhaps before a numeral ("II", "2"). It returns the new spans
// and true, or nil and false when nothing changed.
func warNames(doc *nlp.Doc) ([]nlp.Span, bool) {
	var out []nlp.Span
	for si, e := range doc.Ents {
		if e.Label == "MISC" || e.End-e.Start < 2 {
			continue
		}
		h := e.End - 1
		if w := doc.Tokens[h].Text; h > e.Start+1 && (doc.Tokens[h].POS == "NUM" || isRomanNumeral(w)) {
			h--
		}
		if w := doc.Tokens[h].Text; !startsUpper(w) || !warHeads[strings.ToLower(w)] {
			continue
		}
		if out == nil {
			out = append([]nlp.Span(nil), doc.Ents...)
		}
		out[si].Label = "MISC"
	}
	return out, out != nil
}

// isRomanNumeral reports a short numeral in capital Roman letters ("II").
func isRomanNumeral(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVX", r) {
			return false
		}
	}
	return true
}

// dropElidedCompass drops a one-word place span that is a compass word
// sharing its head with the name coordinated after it (elidedCompass).
func dropElidedCompass(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	var out []nlp.Span
	changed := false
	for _, e := range doc.Ents {
		if isPlaceLabel(e.Label) && elidedCompass(doc, k, e.Start, e.End) {
			changed = true
			continue
		}
		out = append(out, e)
	}
	if !changed {
		return nil, false
	}
	return out, true
}

// elidedCompass reports whether tokens [s, e) are one compass word that
// shares its head with the name coordinated after it ("Eastern and
// Northern European heritage": "Eastern" is no place, not Ghana's
// Eastern Region) and the gazetteer knows no place of the compass word
// with that head; "Central and South America" (Central America) is a
// place, left to the resolver's sharedHead.
func elidedCompass(doc *nlp.Doc, k *kb.KB, s, e int) bool {
	toks := doc.Tokens
	i := e
	if e-s != 1 || !compassWords[strings.ToLower(toks[s].Text)] || i+2 >= len(toks) || doc.SentenceOf(i+2) != doc.SentenceOf(s) {
		return false
	}
	if c := strings.ToLower(toks[i].Text); c != "and" && c != "or" && c != "&" || !compassWords[strings.ToLower(toks[i+1].Text)] || !isCapitalised(toks[i+1].Text) {
		return false
	}
	var head []string
	for j := i + 2; j < len(toks) && j < i+5 && isCapitalised(toks[j].Text) && !isPunct(toks[j].Text) && doc.SentenceOf(j) == doc.SentenceOf(s); j++ {
		head = append(head, toks[j].Text)
	}
	if len(head) == 0 {
		return false
	}
	for n := len(head); n > 0; n-- {
		if len(k.Places(toks[s].Text+" "+strings.Join(head[:n], " "))) > 0 {
			return false
		}
	}
	return true
}

// hyphenatedGivenNames extends a person's span over the lower-case
// second syllable of a hyphenated given name the recogniser left out:
// "Ban Ki | -moon", "Moon Jae | -in". The hyphen touches both words. A
// span of another label is extended (and made a person's) when the kb
// knows the whole name as a person's. It returns the new spans and true,
// or nil and false when nothing changed.
func hyphenatedGivenNames(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	toks := doc.Tokens
	var out []nlp.Span
	for si, e := range doc.Ents {
		h := e.End
		if h+1 >= len(toks) || toks[h].Text != "-" || toks[h-1].End != toks[h].Start || toks[h].End != toks[h+1].Start || !lowerWord(toks[h+1].Text) || len(toks[h+1].Text) > 5 {
			continue
		}
		if si+1 < len(doc.Ents) && doc.Ents[si+1].Start <= h+1 {
			continue
		}
		if e.Label != "PER" {
			// Another label only when the kb knows the whole as a
			// person ("Ban Ki | -moon" read as an organisation).
			a, ok := k.Actor(doc.SpanText(e.Start, h+2), "")
			if !ok || a.Kind != kb.KindPerson {
				continue
			}
		}
		if out == nil {
			out = append([]nlp.Span(nil), doc.Ents...)
		}
		out[si].End, out[si].EndByte, out[si].Label = h+2, toks[h+1].End, "PER"
	}
	return out, out != nil
}

// dropTwoPeoplesNames drops a two-word person, organisation or other
// span of two peoples' names ("Polish American", "Lithuanian Americans",
// read as organisations): a community, whose words the demonym pass
// then reads one by one (Poland, and Americans as a group).
func dropTwoPeoplesNames(doc *nlp.Doc, k *kb.KB) ([]nlp.Span, bool) {
	var out []nlp.Span
	changed := false
	for _, e := range doc.Ents {
		if e.End-e.Start == 2 && (e.Label == "PER" || e.Label == "ORG" || e.Label == "MISC") {
			_, first := k.CountryByDemonym(doc.Tokens[e.Start].Text)
			_, second := k.CountryByDemonym(doc.Tokens[e.Start+1].Text)
			if first && second {
				changed = true
				continue
			}
		}
		out = append(out, e)
	}
	if !changed {
		return nil, false
	}
	return out, true
}
