package extract

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/kb"
	"dateline/nlp"
	"dateline/record"
)

// Toponym is a place name found in a Doc: bytes [Start, End) of Doc.Text,
// the tokens [Tok, TokEnd) that cover it (-1 when the span came from
// elsewhere, e.g. a gold file), and the rule that found it.
type Toponym struct {
	Start, End  int
	Tok, TokEnd int
	Text        string
	Rule        string
	// Feature is a feature-type hint from the words around the name:
	// "admin1" for "Washington state", "admin2" for "X County", "" for none.
	Feature string
}

// Resolved is a toponym resolved against the gazetteer; OK is false when
// it could not be placed at all. Near is true when no gazetteer entry has
// its name and Place is only the place the article puts it in or by (a
// town or region named beside it, else the article's country: see
// vicinity).
type Resolved struct {
	Toponym
	Place kb.Place
	OK    bool
	Near  bool
	Score float64
}

// Places finds the toponyms of doc and resolves each to a gazetteer entry
// using the context of the whole article (see ResolveToponyms). The
// dateline place (article.DatelinePlace, e.g. "MOSCOW") is resolved too and
// returned first with role "dateline"; every toponym of the text gets role
// "mentioned". Place entities that m found through nominals ("the Russian
// capital" → Moscow) add a place for each such mention. A nil k means
// kb.Default(); a nil m is allowed.
func Places(doc *nlp.Doc, articleID string, k *kb.KB, datelinePlace string, m *Mentions) []record.Place {
	if k == nil {
		k = kb.Default()
	}
	if doc == nil {
		return nil
	}
	var home kb.Place
	if dl := strings.TrimSpace(datelinePlace); dl != "" {
		home, _ = resolveDateline(k, dl, nil)
	}
	tops := findToponyms(doc, k, home)
	res := ResolveToponyms(doc, k, datelinePlace, tops, tops)
	var out []record.Place
	if dl := strings.TrimSpace(datelinePlace); dl != "" {
		if p, ok := resolveDateline(k, dl, res); ok {
			out = append(out, placeRecord(k, articleID, dl, p, record.PlaceDateline,
				record.Evidence{ArticleID: articleID, Start: 0, End: 0, Sentence: -1, Rule: "dateline", Text: dl}))
		}
	}
	covered := map[[2]int]bool{}
	for _, r := range res {
		if !r.OK || m.personAt(r.Tok) {
			// "Marcelo Rebelo de Sousa": a word of a person's name is
			// no place (Sousa, Brazil).
			continue
		}
		covered[[2]int{r.Start, r.End}] = true
		ev := record.Evidence{ArticleID: articleID, Start: r.Start, End: r.End,
			Sentence: doc.SentenceOf(r.Tok), Rule: "toponym:" + r.Rule, Text: r.Text}
		if r.Near {
			if m.orgAt(r.Tok) {
				// A name the gazetteer lacks that the article uses
				// for a body ("Medibank") is no place near another.
				continue
			}
			out = append(out, nearRecord(k, articleID, r, ev))
			continue
		}
		out = append(out, placeRecord(k, articleID, r.Text, r.Place, record.PlaceMentioned, ev))
	}
	if m != nil {
		relinkPlaceEntities(k, m, res)
	}
	// Nominal mentions of places ("the Russian capital", "the enclave").
	if m != nil {
		for _, e := range m.Entities {
			if e.Kind != record.KindPlace || e.KBID == "" {
				continue
			}
			p, ok := k.Place(e.KBID)
			if !ok {
				continue
			}
			for _, mn := range e.Mentions {
				if mn.Kind != MentionNominal || covered[[2]int{mn.Evidence.Start, mn.Evidence.End}] {
					continue
				}
				out = append(out, placeRecord(k, articleID, mn.Text, p, record.PlaceMentioned, mn.Evidence))
			}
		}
	}
	return out
}

// relinkPlaceEntities gives each place entity that the gazetteer coded
// the place its names resolved to in context. The entity was coded
// before resolution, with the most prominent place of its name
// (kb.TopPlace): "Cornwall" in a story about Camborne and Devon is the
// English county for the resolver but the Ontario town for TopPlace, and
// an entity listing, the actor codes of events and the places of its
// nominal mentions ("the county") would say Canada. The place most of
// its name mentions resolved to wins (the first on a tie); codes from
// anything but the gazetteer (actors, metonyms) are left alone.
func relinkPlaceEntities(k *kb.KB, m *Mentions, res []Resolved) {
	at := make(map[[2]int]kb.Place, len(res))
	for _, r := range res {
		if r.OK && !r.Near { // a place of another name is no code for this one
			at[[2]int{r.Start, r.End}] = r.Place
		}
	}
	if len(at) == 0 {
		return
	}
	for i := range m.Entities {
		e := &m.Entities[i]
		// A place the gazetteer did not find by its whole name
		// ("Legazpi City") and that nothing else coded takes the place
		// too.
		// A country's name the resolver read as a town ("the town of
		// Malta") follows it too.
		country := e.CodeWhy != nil && e.CodeWhy.Rule == "kb:country"
		if e.Kind != record.KindPlace || e.KBID == "" && e.Code != "" || (e.CodeWhy != nil && !strings.HasPrefix(e.CodeWhy.Rule, "kb:gazetteer ") && !country) {
			continue
		}
		votes := map[string]int{}
		var best kb.Place
		var bestEv record.Evidence
		for _, mn := range e.Mentions {
			if mn.Kind != MentionName {
				continue
			}
			p, ok := at[[2]int{mn.Evidence.Start, mn.Evidence.End}]
			if !ok {
				continue
			}
			votes[p.ID]++
			if votes[p.ID] > votes[best.ID] || best.ID == "" {
				best, bestEv = p, mn.Evidence
			}
		}
		if best.ID == "" || best.ID == e.KBID || country && best.Feature == kb.FeatureCountry {
			continue
		}
		e.KBID = best.ID
		e.Code, e.CodeWhy = "", nil
		if c, ok := k.CountryByCode(best.Country); ok && best.Country != "" {
			why := bestEv
			why.Rule = "kb:gazetteer " + best.Name
			e.Code, e.CodeWhy = c.CAMEO, &why
		}
	}
}

func placeRecord(k *kb.KB, articleID, mention string, p kb.Place, role string, ev record.Evidence) record.Place {
	cc := ""
	if p.Country != "" {
		if c, ok := k.CountryByCode(p.Country); ok {
			cc = c.CAMEO
		}
	}
	return record.Place{
		ID:          recordID("place", articleID, ev.Start, ev.End, p.ID, role),
		Name:        p.Name,
		Mention:     mention,
		Country:     p.Country,
		CountryCode: cc,
		Admin1:      p.Admin1,
		Lat:         p.Lat,
		Lon:         p.Lon,
		FeatureType: p.Feature,
		GazetteerID: p.ID,
		Role:        role,
		Evidence:    ev,
	}
}

// nearRecord is the record of a place the gazetteer does not know, put
// where the article puts it (Resolved.Near): it keeps the name as written,
// has no gazetteer id and the feature type FeatureVicinity, and takes the
// point, country and first-level region of the place it lies in or by; the
// evidence's rule says which.
func nearRecord(k *kb.KB, articleID string, r Resolved, ev record.Evidence) record.Place {
	p := placeRecord(k, articleID, r.Text, r.Place, record.PlaceMentioned, ev)
	p.ID = recordID("place", articleID, ev.Start, ev.End, "", record.PlaceMentioned)
	p.Name, p.FeatureType, p.GazetteerID = r.Text, FeatureVicinity, ""
	p.Evidence.Rule += " near " + r.Place.Name
	return p
}

// FeatureVicinity is the feature type of a place record for a name the
// gazetteer does not know, placed at the town, region or country the
// article puts it in or by.
const FeatureVicinity = kb.FeatureVicinity

// resolveDateline resolves the dateline place. A dateline names a city
// ("MOSCOW", "GAZA CITY", "Washington, D.C."), so towns and capitals beat
// regions of the same name; a toponym of the text with the same name
// lends its resolution, and the article's countries break ties.
func resolveDateline(k *kb.KB, dl string, res []Resolved) (kb.Place, bool) {
	name := dl
	hint := ""
	if i := strings.IndexByte(dl, ','); i > 0 { // "SPRINGFIELD, Ill."
		name, hint = strings.TrimSpace(dl[:i]), strings.TrimSpace(dl[i+1:])
	}
	key := kb.Key(name)
	for _, r := range res {
		if r.OK && !r.Near && kb.Key(r.Text) == key && (r.Place.Feature == kb.FeatureCity || r.Place.Feature == kb.FeatureCapital) &&
			(hint == "" || datelineHintFits(k, hint, r.Place)) {
			return r.Place, true
		}
	}
	cands := k.Places(name)
	if len(cands) == 0 {
		cands = k.Places(dl)
	}
	if len(cands) == 0 {
		return kb.Place{}, false
	}
	best, bestScore := -1, math.Inf(-1)
	for i, c := range cands {
		if i == maxCandidates {
			break
		}
		s := math.Log1p(prominence(c))
		if c.Feature == kb.FeatureCity || c.Feature == kb.FeatureCapital {
			s += 3
		}
		if hint != "" && datelineHintFits(k, hint, c) {
			s += 100 // the dateline says which one: "PARIS, Texas" is not the French capital
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return cands[best], true
}

// datelineHintFits reports whether the part of a dateline after its comma
// ("Texas", "Ill.", "N.Y.", "TX", "Pakistan", "Ontario") names the region
// or the country of place c.
func datelineHintFits(k *kb.KB, hint string, c kb.Place) bool {
	h := kb.Key(hint)
	a := kb.Key(c.Admin1)
	if a != "" && (a == h || c.Country == "US" && usStateAbbrev[strings.ToLower(strings.ReplaceAll(hint, " ", ""))] == a) {
		return true
	}
	if a != "" && len(h) >= 3 && strings.HasSuffix(hint, ".") && strings.HasPrefix(a, strings.TrimSuffix(h, ".")) {
		return true // an abbreviation of the region's name: "Calif." for California
	}
	if country, ok := k.Country(hint); ok && country.Alpha2 == c.Country {
		return true
	}
	return false
}

// usStateAbbrev maps the Associated Press's and the postal abbreviations of
// US states (lower case, no spaces) to kb.Key of the state's name.
var usStateAbbrev = func() map[string]string {
	m := map[string]string{}
	for _, row := range [][3]string{
		{"alabama", "ala.", "al"}, {"alaska", "alaska", "ak"}, {"arizona", "ariz.", "az"}, {"arkansas", "ark.", "ar"},
		{"california", "calif.", "ca"}, {"colorado", "colo.", "co"}, {"connecticut", "conn.", "ct"},
		{"delaware", "del.", "de"}, {"district of columbia", "d.c.", "dc"}, {"florida", "fla.", "fl"},
		{"georgia", "ga.", "ga"}, {"hawaii", "hawaii", "hi"}, {"idaho", "idaho", "id"}, {"illinois", "ill.", "il"},
		{"indiana", "ind.", "in"}, {"iowa", "iowa", "ia"}, {"kansas", "kan.", "ks"}, {"kentucky", "ky.", "ky"},
		{"louisiana", "la.", "la"}, {"maine", "maine", "me"}, {"maryland", "md.", "md"},
		{"massachusetts", "mass.", "ma"}, {"michigan", "mich.", "mi"}, {"minnesota", "minn.", "mn"},
		{"mississippi", "miss.", "ms"}, {"missouri", "mo.", "mo"}, {"montana", "mont.", "mt"},
		{"nebraska", "neb.", "ne"}, {"nevada", "nev.", "nv"}, {"new hampshire", "n.h.", "nh"},
		{"new jersey", "n.j.", "nj"}, {"new mexico", "n.m.", "nm"}, {"new york", "n.y.", "ny"},
		{"north carolina", "n.c.", "nc"}, {"north dakota", "n.d.", "nd"}, {"ohio", "ohio", "oh"},
		{"oklahoma", "okla.", "ok"}, {"oregon", "ore.", "or"}, {"pennsylvania", "pa.", "pa"},
		{"rhode island", "r.i.", "ri"}, {"south carolina", "s.c.", "sc"}, {"south dakota", "s.d.", "sd"},
		{"tennessee", "tenn.", "tn"}, {"texas", "texas", "tx"}, {"utah", "utah", "ut"}, {"vermont", "vt.", "vt"},
		{"virginia", "va.", "va"}, {"washington", "wash.", "wa"}, {"west virginia", "w.va.", "wv"},
		{"wisconsin", "wis.", "wi"}, {"wyoming", "wyo.", "wy"},
	} {
		name := kb.Key(row[0])
		m[row[1]], m[row[2]] = name, name
	}
	return m
}()

// nextDoor is how close (km) a town must be to another place of the
// article to count as its neighbour.
const nextDoor = 25.0

// maxCandidates bounds the gazetteer entries scored per toponym; the rest
// are far down the prominence ranking.
const maxCandidates = 30

// prominence mirrors the kb ranking (population weighted by feature type;
// see kb.KB.Places), which the resolver uses as its prior.
func prominence(p kb.Place) float64 {
	w := 1.0
	switch p.Feature {
	case kb.FeatureCountry:
		w = 10
	case kb.FeatureCapital:
		w = 3
	case kb.FeatureAdmin1, kb.FeatureAdmin2:
		w = 0.1
	case kb.FeatureRegion:
		if p.Population == 0 {
			// Hand-made areas without a meaningful population (oceans,
			// "East Africa") are listed because the news names them
			// often: rank them like a large city, not like a hamlet.
			return unpopulatedRegion
		}
	}
	return (float64(p.Population) + 1) * w
}

// unpopulatedRegion is the prominence of a hand-made region whose
// population is not meaningful, as the kb ranks it.
const unpopulatedRegion = kb.UnpopulatedRegionRank

// trailing generic words that follow a name and hint at its feature type.
var featureWords = map[string]string{
	"state": kb.FeatureAdmin1, "province": kb.FeatureAdmin1, "region": kb.FeatureAdmin1,
	"county": kb.FeatureAdmin2, "district": kb.FeatureAdmin2, "city": kb.FeatureCity,
	// "Vigo, Parke and Vermillion counties"
	"states": kb.FeatureAdmin1, "provinces": kb.FeatureAdmin1, "regions": kb.FeatureAdmin1,
	"counties": kb.FeatureAdmin2, "districts": kb.FeatureAdmin2,
}

// smallSeat reports whether city c, named like its first-level region,
// holds less than seatShare of the people of that region (among cands).
func smallSeat(c kb.Place, cands []kb.Place) bool {
	for _, r := range cands {
		if r.Feature == kb.FeatureAdmin1 && r.Country == c.Country && kb.Key(r.Name) == kb.Key(c.Admin1) {
			return float64(c.Population) < seatShare*float64(r.Population)
		}
	}
	return false
}

// seatShare is the share of its region's people below which a city
// named like the region does not take the bare name: Quebec City holds
// 8% of Quebec, Lviv 28% of its oblast.
const seatShare = 0.15

// countyPrefix words open a county's name: "Co Clare", "County Kerry".
var countyPrefix = map[string]bool{"Co": true, "Co.": true, "County": true}

// townWords before "of" name a populated place: "the town of Malta",
// "the village of Bogart".
var townWords = map[string]bool{"town": true, "city": true, "village": true, "township": true, "hamlet": true, "borough": true}

// officeWords are titles whose holder governs a place of one feature
// type: "the New York governor" governs the state, "the New York mayor"
// the city. They hint at the feature type after the name ("Ohio
// Governor") or before "of" ("the governor of Ohio").
var officeWords = map[string]string{
	"governor": kb.FeatureAdmin1, "governors": kb.FeatureAdmin1, "gov.": kb.FeatureAdmin1,
	"mayor": kb.FeatureCity, "mayors": kb.FeatureCity,
}

// FindToponyms returns the place names of doc, in text order, without
// overlaps:
//   - entity spans labelled LOC by the recogniser ("ner-loc");
//   - ORG or MISC spans that are exactly a country or a national capital,
//     which the recogniser sometimes labels as actors ("ner-country");
//   - runs of capitalised proper nouns outside any entity span that the
//     gazetteer knows as a country, capital, first-level region or a town
//     of some size, or as any place in a country the article mentions
//     ("gazetteer").
//
// Demonyms ("Russian") are not toponyms. A nil k means kb.Default().
func FindToponyms(doc *nlp.Doc, k *kb.KB) []Toponym { return findToponyms(doc, k, kb.Place{}) }

// findToponyms is FindToponyms knowing the dateline's place (zero for
// none): a town of the dateline's own first-level region counts as if
// its country were mentioned, since a local paper names its towns
// without naming its country.
func findToponyms(doc *nlp.Doc, k *kb.KB, home kb.Place) []Toponym {
	if k == nil {
		k = kb.Default()
	}
	if doc == nil || len(doc.Tokens) == 0 {
		return nil
	}
	inEnt := make([]bool, len(doc.Tokens))
	var out []Toponym
	type pendingRegion struct {
		t       Toponym
		country string
	}
	var regions []pendingRegion
	spanEnd := map[int]int{}
	for _, sp := range doc.Ents {
		spanEnd[sp.Start] = sp.End
	}
	joined := map[int]bool{}
	for _, sp := range doc.Ents {
		if sp.Start < 0 || sp.End > len(doc.Tokens) || sp.Start >= sp.End || joined[sp.Start] {
			continue
		}
		for i := sp.Start; i < sp.End; i++ {
			inEnt[i] = true
		}
		s, e := trimToponym(doc, sp.Start, sp.End)
		if e == sp.End && s < e {
			if ne := hyphenJoin(doc, k, spanEnd, s, e); ne > e {
				for i := e; i < ne; i++ {
					inEnt[i], joined[i] = true, true
				}
				out = append(out, newToponym(doc, s, ne, "ner-loc-hyphen"))
				continue
			}
		}
		if s >= e || currencyPrefix(doc, e) {
			continue
		}
		if e == sp.End && (sp.Label == "LOC" || sp.Label == "GPE") {
			if ne := connectorJoin(doc, k, s, e); ne > e {
				for i := e; i < ne; i++ {
					inEnt[i], joined[i] = true, true
				}
				e = ne
			}
		}
		text := doc.SpanText(s, e)
		if sp.Label == "LOC" && (namesNoPlace(doc, s, e) || unknownAcronym(k, text) || unknownCommonNoun(doc, k, s, e)) {
			continue // "Meat Inspection Code", "Tropical Storm Nicole", "PRRSV"
		}
		switch sp.Label {
		case "LOC":
			if commonPluralAtStart(doc, s, e) {
				continue
			}
			if m := innerIn(doc, s, e); m > 0 {
				// "Kasai Occidental province in the DRC": two places.
				if !courtesyTitles[strings.ToLower(doc.Tokens[s].Text)] { // "Mr. Corby in Indonesia"
					out = append(out, newToponym(doc, s, m, "ner-loc"))
				}
				if s2, e2 := trimToponym(doc, m+1, e); s2 < e2 {
					out = append(out, newToponym(doc, s2, e2, "ner-loc"))
				}
				continue
			}
			out = append(out, newToponym(doc, s, e, "ner-loc"))
		case "GPE": // a town in a list of places (correctSpans)
			out = append(out, newToponym(doc, s, e, "listed-town"))
		case "ORG", "MISC":
			if isCountryOrCapital(k, text) {
				out = append(out, newToponym(doc, s, e, "ner-country"))
				continue
			}
			if cc := regionCountry(k, text); cc != "" {
				regions = append(regions, pendingRegion{newToponym(doc, s, e, "ner-region"), cc})
				continue
			}
			if siteToponym(doc, k, s, e) {
				out = append(out, newToponym(doc, s, e, "ner-org-site"))
				continue
			}
			if sharesPluralGeneric(doc, s, e) {
				out = append(out, newToponym(doc, s, e, "ner-coord-generic"))
				continue
			}
			// "U.S. Centers for Disease Control", "NSW Health": the
			// organisation's name opens with a country or region.
			for n := min(3, e-s-1); n >= 1; n-- {
				pre := doc.SpanText(s, s+n)
				if _, ok := k.Country(pre); ok {
					out = append(out, newToponym(doc, s, s+n, "ner-org-prefix"))
					break
				}
				cc := capitalCountry(k, pre) // "Georgetown University"
				if cc == "" {
					cc = regionCountry(k, pre)
				}
				if cc != "" {
					regions = append(regions, pendingRegion{newToponym(doc, s, s+n, "ner-org-prefix"), cc})
					break
				}
			}
		}
	}
	countries := articleCountries(doc, k, out)
	// A region the recogniser took for (part of) an organisation counts
	// when its country is one the article is about: "NSW Health" in a
	// story about Australia, not "Free State" in one about Ohio.
	for _, r := range regions {
		if countries[r.country] > 0 {
			out = append(out, r.t)
		}
	}
	out = append(out, gazetteerToponyms(doc, k, inEnt, countries, home)...)
	out = dropPathogenNames(doc, out)
	out = dropBlocNames(doc, out)
	out = dropElidedCompassNames(doc, k, out)
	out = dropPersonNames(k, out)
	out = dropSurnameHalves(doc, out)
	sortToponyms(out)
	for i := range out {
		out[i].Feature = FeatureHint(doc, out[i])
	}
	return out
}

// pluralGenerics are plural nouns of places that a list of names shares
// ("the Etoumbi and Mbomo districts").
var pluralGenerics = setOf(`districts provinces regions counties states islands villages towns cities
	camps municipalities prefectures oblasts departments parishes townships`)

// sharesPluralGeneric reports whether the name [s, e) opens a list of
// names joined by commas, "and" or "or" that ends in a plural noun of
// places: "the Etoumbi and Mbomo districts", "Kilifi, Kwale and Lamu
// counties". The noun makes every name of the list a place, whatever the
// recogniser called the first.
func sharesPluralGeneric(doc *nlp.Doc, s, e int) bool {
	for i := s; i < e; i++ {
		if !isCapitalised(doc.Tokens[i].Text) {
			return false
		}
	}
	sent := doc.SentenceOf(s)
	if e < len(doc.Tokens) && pluralGenerics[strings.ToLower(doc.Tokens[e].Text)] && s >= 2 && doc.SentenceOf(s-2) == sent {
		// The last name of the list: "the Etoumbi and Mbomo districts".
		if w := strings.ToLower(doc.Tokens[s-1].Text); (w == "and" || w == "or" || w == ",") && isCapitalised(doc.Tokens[s-2].Text) {
			return true
		}
	}
	joined := false
	for j := e; j < len(doc.Tokens) && j < e+12 && doc.SentenceOf(j) == sent; j++ {
		w := doc.Tokens[j].Text
		lw := strings.ToLower(w)
		switch {
		case lw == "," || lw == "and" || lw == "or":
			joined = true
		case isCapitalised(w) && !isPunct(w):
			if !joined {
				return false
			}
		case pluralGenerics[lw]:
			return joined && isCapitalised(doc.Tokens[j-1].Text)
		default:
			return false
		}
	}
	return false
}

// innerIn returns the index of a small-letter "in" inside span [s, e)
// that is followed by "the" or a capitalised word, 0 when there is none:
// the recogniser ran two places together ("Kasai Occidental province in
// the DRC", "Kibera in Nairobi"). Names that hold the word run on in small
// letters ("Neumarkt in der Oberpfalz") and stay whole.
func innerIn(doc *nlp.Doc, s, e int) int {
	for m := s + 1; m < e-1; m++ {
		if doc.Tokens[m].Text != "in" {
			continue
		}
		next := doc.Tokens[m+1].Text
		if next == "the" && m+2 < e || isCapitalised(next) && !isPunct(next) {
			return m
		}
	}
	return 0
}

// namesNoPlace reports a span the recogniser took for a place whose words
// say it names something else: a law, a plan, a disease, a newspaper, a
// company, a police force, a sporting event ("Meat Inspection Code",
// "West Nile Virus", "Menu Foods", "South Simcoe Police") by its last word,
// or a storm by its first ("Tropical Storm Nicole"). Such a span is no
// toponym, and no place it opens with is either: the "Washington" of
// "Washington Times" names the paper, not a place the story is at.
// Facilities (a hospital, a school, a farm) are places and stay.
func namesNoPlace(doc *nlp.Doc, s, e int) bool {
	if e-s < 2 {
		return false
	}
	first, last := doc.Tokens[s].Text, doc.Tokens[e-1].Text
	return isCapitalised(first) && stormWords[strings.ToLower(first)] ||
		nonPlaceHeads[strings.ToLower(last)]
}

// currencyPrefix reports a span that ends right before a dollar sign:
// the country letters of "US$460 million", "A$44,000", "CA$10.8 million"
// name a currency, not a place the story is at.
func currencyPrefix(doc *nlp.Doc, e int) bool {
	end := doc.Tokens[e-1].End
	return strings.HasPrefix(doc.Text[end:], "$")
}

// unknownAcronym reports a name written in capitals alone ("TLF",
// "PRRSV") that the gazetteer does not know: places written so (US, DRC,
// NSW, UAE) are listed under those letters, while the acronyms the
// recogniser takes for places are mostly organisations, programmes or
// pathogens.
func unknownAcronym(k *kb.KB, text string) bool {
	letters := 0
	for _, r := range text {
		switch {
		case unicode.IsLower(r) || unicode.IsSpace(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 2 && len(k.Places(text)) == 0 && !isCountryOrCapital(k, text)
}

// unknownCommonNoun reports a one-word span that the gazetteer does not
// know and that the tagger reads as a common noun ("Flaviviridae") or
// that is a generic of places alone ("Hospital" cut from "Buffalo General
// Hospital"): a word, not a name.
func unknownCommonNoun(doc *nlp.Doc, k *kb.KB, s, e int) bool {
	if e-s != 1 {
		return false
	}
	w := doc.Tokens[s]
	return (w.POS == "NOUN" || placeGenerics[strings.ToLower(w.Text)]) && len(k.Places(w.Text)) == 0
}

// nonPlaceHeads end the names of things that are not places.
var nonPlaceHeads = setOf(`code act law bill treaty accord convention plan programme program strategy
	policy directive charter virus viruses fever disease syndrome flu influenza
	journal times post gazette tribune herald magazine foods olympics games championship
	championships police taskforce`)

// blocWords, after "the" and alone, name a bloc of countries or a part of
// the world in politics ("from Russia to the West"), not the regions of
// that name (Cameroon's West, the East of England).
var blocWords = setOf("west east north south")

// blocName reports whether tokens [s, e) are "the West", "the East",
// "the North" or "the South" standing alone (not "the West Bank").
func blocName(doc *nlp.Doc, s, e int) bool {
	return e-s == 1 && s > 0 && blocWords[strings.ToLower(doc.Tokens[s].Text)] && strings.EqualFold(doc.Tokens[s-1].Text, "the") &&
		(e >= len(doc.Tokens) || !isCapitalised(doc.Tokens[e].Text))
}

// dropElidedCompassNames removes the toponyms that are a compass word
// sharing the head of a name coordinated after it that makes no place
// with it ("Eastern and Northern European heritage", elidedCompass).
func dropElidedCompassNames(doc *nlp.Doc, k *kb.KB, tops []Toponym) []Toponym {
	out := tops[:0]
	for _, t := range tops {
		if t.Tok >= 0 && elidedCompass(doc, k, t.Tok, t.TokEnd) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// dropBlocNames removes the toponyms that are "the West", "the East",
// "the North" or "the South" standing alone.
func dropBlocNames(doc *nlp.Doc, tops []Toponym) []Toponym {
	out := tops[:0]
	for _, t := range tops {
		s, e := t.Tok, t.TokEnd
		if blocName(doc, s, e) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// pathogenWords follow a place name that names a disease or its agent
// ("Ebola virus", "West Nile fever", "Lyme disease").
var pathogenWords = map[string]bool{"virus": true, "viruses": true, "fever": true, "disease": true,
	"vaccine": true, "vaccines": true, "ebolavirus": true, "strain": true, "strains": true, "virus's": true}

// diseaseNames are diseases and pathogens whose names the recogniser may
// take for places (some are also rivers or towns: Ebola, Lassa, Zika), but
// which in the news name the disease.
var diseaseNames = map[string]bool{"ebola": true, "zika": true, "lassa": true, "nipah": true, "hendra": true,
	"salmonella": true, "listeria": true, "bird flu": true, "swine flu": true, "tb": true, "filoviridae": true,
	"mers": true, "sars": true, "hiv": true, "tamiflu": true}

// dropPathogenNames removes the toponyms that name a disease: those in
// diseaseNames, those followed by a word such as "virus" or "fever", and
// every other mention of the same name in the article (one sense per article: "Ebola"
// alone means the virus when "Ebola virus" occurs).
func dropPathogenNames(doc *nlp.Doc, tops []Toponym) []Toponym {
	bad := map[string]bool{}
	for _, t := range tops {
		if diseaseNames[kb.Key(t.Text)] {
			bad[kb.Key(t.Text)] = true
			continue
		}
		if t.TokEnd >= 0 && t.TokEnd < len(doc.Tokens) && pathogenWords[strings.ToLower(doc.Tokens[t.TokEnd].Text)] {
			bad[kb.Key(t.Text)] = true
		}
	}
	if len(bad) == 0 {
		return tops
	}
	out := tops[:0]
	for _, t := range tops {
		if !bad[kb.Key(t.Text)] {
			out = append(out, t)
		}
	}
	return out
}

// commonPluralAtStart reports a one-word span that opens its sentence
// and that the tagger read as a plural common noun ("Rivers in the north
// burst their banks"): capitalised only by its place, not the name it
// shares with a place (Rivers State).
func commonPluralAtStart(doc *nlp.Doc, s, e int) bool {
	if e-s != 1 || (s > 0 && doc.SentenceOf(s-1) == doc.SentenceOf(s)) {
		return false
	}
	t := doc.Tokens[s]
	// A verb opening a participle clause ("Born in Nyeri, she …",
	// "Based in Lyon, the firm …") is no toponym either.
	if t.POS == "VERB" && e < len(doc.Tokens) && doc.Tokens[e].POS == "ADP" {
		return true
	}
	return t.POS == "NOUN" && t.Tag == "NNS" && t.Lemma != "" && t.Lemma != strings.ToLower(t.Text)
}

// dropSurnameHalves removes toponyms that are the second half of a
// double-barrelled surname ("Greenfield" of "Linda Thomas-Greenfield"):
// joined by a hyphen, without spaces, to a word the recogniser took for a
// person's name.
func dropSurnameHalves(doc *nlp.Doc, tops []Toponym) []Toponym {
	out := tops[:0]
	for _, t := range tops {
		if i := t.Tok; i >= 2 && doc.Tokens[i-1].Text == "-" && !doc.Tokens[i-1].SpaceAfter && !doc.Tokens[i-2].SpaceAfter &&
			strings.HasSuffix(doc.Tokens[i-2].Ent, "PER") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// dropPersonNames removes toponyms that the actor dictionary knows as a
// person ("Obama" is also a town in Japan, "Sanders" a county in
// Montana), unless the name is a country, capital or first-level region
// outright, or is a town in a list of places (rule "listed-town").
func dropPersonNames(k *kb.KB, tops []Toponym) []Toponym {
	out := tops[:0]
	for _, t := range tops {
		if a, ok := k.Actor(t.Text, ""); ok && a.Kind == kb.KindPerson && !isMajorPlaceName(k, t.Text) && t.Rule != "listed-town" {
			continue
		}
		out = append(out, t)
	}
	return out
}

// regionCountry returns the country of the first-level region that name
// is, by name or alias ("New South Wales", "NSW", "Texas"), or "". The
// recogniser often labels such names as organisations or miscellaneous.
// hyphenJoin returns the end of the name [s, e) joined by a hyphen
// without spaces to the recognised span that follows it, when the two
// together name a country or a place the kb knows ("Guinea-Bissau",
// "Timor-Leste", which the recogniser reads as two places), else e.
// spanEnd maps the first token of each recognised span to its end.
func hyphenJoin(doc *nlp.Doc, k *kb.KB, spanEnd map[int]int, s, e int) int {
	if e+1 >= len(doc.Tokens) || doc.Tokens[e].Text != "-" || doc.Tokens[e-1].SpaceAfter || doc.Tokens[e].SpaceAfter {
		return e
	}
	ne, ok := spanEnd[e+1]
	if !ok || doc.SentenceOf(e+1) != doc.SentenceOf(s) {
		return e
	}
	name := doc.SpanText(s, ne)
	if _, ok := k.Country(name); ok || hasPlace(k, name) {
		return ne
	}
	return e
}

// connectorJoin returns the end of the name [s, e) run on over a
// lower-case connector and the capitalised words after it, when the
// gazetteer knows the longer name by that very name ("Rio Grande do Sul",
// which the recogniser may cut to "Rio Grande", a town in New Jersey);
// else e.
func connectorJoin(doc *nlp.Doc, k *kb.KB, s, e int) int {
	and := e < len(doc.Tokens) && doc.Tokens[e].Text == "and"
	if e+1 >= len(doc.Tokens) || !nameConnectors[doc.Tokens[e].Text] && !and || doc.SentenceOf(e+1) != doc.SentenceOf(s) {
		return e
	}
	best := e
	for j := e + 1; j < len(doc.Tokens) && j < e+3 && isCapitalised(doc.Tokens[j].Text) && !isPunct(doc.Tokens[j].Text); j++ {
		name := doc.SpanText(s, j+1)
		if p, ok := k.TopPlace(name); ok && kb.KeyIs(p.Name, kb.Key(name)) {
			// "Jammu and Kashmir", "Trinidad and Tobago": over "and"
			// only a region or a country is one name; towns joined by
			// "and" are a list.
			if and && p.Feature != kb.FeatureAdmin1 && p.Feature != kb.FeatureCountry {
				continue
			}
			best = j + 1
		}
	}
	return best
}

// siteNouns are common nouns after a name that make it the name of a
// place ("the Fordow enrichment site", "the Zaporizhzhia plant").
var siteNouns = setOf(`site plant facility facilities reactor base airbase camp crossing mine port field`)

// siteToponym reports whether the name [s, e), which the recogniser took
// for an organisation, is a place the gazetteer knows followed within two
// words by a site noun ("its Fordow enrichment site").
func siteToponym(doc *nlp.Doc, k *kb.KB, s, e int) bool {
	if !hasPlace(k, doc.SpanText(s, e)) {
		return false
	}
	end := e + 2
	if e < len(doc.Tokens) && isPossessive(doc.Tokens[e].Text) {
		// "Auckland's inner harbours", "Kabul's outskirts": the parts of
		// a place are the place's.
		for i := e + 1; i < e+4 && i < len(doc.Tokens) && doc.SentenceOf(i) == doc.SentenceOf(s); i++ {
			w := strings.ToLower(doc.Tokens[i].Text)
			if landNouns[w] || siteNouns[w] {
				return true
			}
			if doc.Tokens[i].POS != "ADJ" && doc.Tokens[i].POS != "NOUN" {
				return false
			}
		}
		return false
	}
	for i := e; i < end && i < len(doc.Tokens) && doc.SentenceOf(i) == doc.SentenceOf(s); i++ {
		if siteNouns[strings.ToLower(doc.Tokens[i].Text)] {
			return true
		}
		if doc.Tokens[i].POS != "NOUN" {
			return false
		}
	}
	return false
}

// landNouns are parts of a place's land or water that follow its name
// in the possessive ("Auckland's inner harbours", "the city's outskirts").
var landNouns = setOf(`harbour harbours harbor harbors outskirts suburbs streets coast coastline waters beaches
	shores hills slums neighbourhoods neighborhoods districts countryside`)

func regionCountry(k *kb.KB, name string) string {
	if _, ok := k.CountryByDemonym(name); ok {
		return ""
	}
	// Compass words ("Western", "South") name regions in some country
	// but in an organisation's name are adjectives; a two-letter
	// abbreviation counts only in capitals ("WA", not "Hi").
	if partPrefixes[strings.ToLower(name)] || len(name) <= 2 && strings.ToUpper(name) != name {
		return ""
	}
	// By its own name, or by an abbreviation ("NSW", "N.H."); other
	// aliases are too often ordinary words ("Jewish", "Free").
	if p, ok := k.TopPlace(name); ok && p.Feature == kb.FeatureAdmin1 &&
		(kb.SameKey(p.Name, name) || strings.ToUpper(name) == name) {
		return p.Country
	}
	return ""
}

// isMajorPlaceName reports whether name is a country, a national capital
// or a first-level region by its own name.
func isMajorPlaceName(k *kb.KB, name string) bool {
	if isCountryOrCapital(k, name) {
		return true
	}
	for _, p := range k.Places(name) {
		if p.Feature == kb.FeatureAdmin1 && kb.SameKey(p.Name, name) {
			return true
		}
	}
	return false
}

// calendarWords are month and weekday names, which the gazetteer also
// knows as towns ("August", "March", "Friday Harbor" aside).
var calendarWords = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true}

func newToponym(doc *nlp.Doc, s, e int, rule string) Toponym {
	return Toponym{Start: doc.Tokens[s].Start, End: doc.Tokens[e-1].End, Tok: s, TokEnd: e,
		Text: doc.SpanText(s, e), Rule: rule}
}

// trimToponym drops a leading "the" and trailing possessive or punctuation
// tokens from an entity span.
func trimToponym(doc *nlp.Doc, s, e int) (int, int) {
	for s < e && (strings.EqualFold(doc.Tokens[s].Text, "the") || isPunct(doc.Tokens[s].Text)) {
		s++
	}
	for e > s && (isPossessive(doc.Tokens[e-1].Text) || isPunct(doc.Tokens[e-1].Text)) {
		e--
	}
	return s, e
}

func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

func isPunct(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

func isCountryOrCapital(k *kb.KB, name string) bool {
	if _, ok := k.Country(name); ok {
		return true
	}
	p, ok := k.TopPlace(name)
	return ok && (p.Feature == kb.FeatureCountry || p.Feature == kb.FeatureCapital) &&
		kb.SameKey(p.Name, name)
}

// articleCountries counts the countries an article is about: each toponym
// that names a country outright, each demonym ("Russian") and each place
// whose top gazetteer entry is a capital count once.
func articleCountries(doc *nlp.Doc, k *kb.KB, tops []Toponym) map[string]float64 {
	votes := map[string]float64{}
	for _, t := range tops {
		if c, ok := k.Country(t.Text); ok {
			votes[c.Alpha2]++
			continue
		}
		if cc := capitalCountry(k, t.Text); cc != "" {
			votes[cc] += 0.5
		}
	}
	for _, t := range doc.Tokens {
		if !isCapitalised(t.Text) {
			continue
		}
		if c, ok := k.CountryByDemonym(t.Text); ok {
			votes[c.Alpha2] += 0.5
		}
	}
	return votes
}

// capitalCountry is the country whose capital is the most prominent
// place named name, "" when that is not a capital.
func capitalCountry(k *kb.KB, name string) string {
	if p, ok := k.TopPlace(name); ok && p.Feature == kb.FeatureCapital {
		return p.Country
	}
	return ""
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// gazetteerToponyms scans runs of capitalised tokens outside entity spans
// for the longest sub-run (up to four tokens) the gazetteer knows.
func gazetteerToponyms(doc *nlp.Doc, k *kb.KB, inEnt []bool, countries map[string]float64, home kb.Place) []Toponym {
	var out []Toponym
	toks := doc.Tokens
	for i := 0; i < len(toks); {
		if inEnt[i] || !isCapitalised(toks[i].Text) || isPunct(toks[i].Text) {
			i++
			continue
		}
		found := false
		for n := min(4, len(toks)-i); n >= 1; n-- {
			j := i + n
			if inEnt[j-1] || !isCapitalised(toks[j-1].Text) {
				continue
			}
			if acceptGazetteer(doc, k, i, j, countries, home) {
				out = append(out, newToponym(doc, i, j, "gazetteer"))
				i = j
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// writtenLower reports whether the text also writes the capitalised
// word w in lower case.
func writtenLower(doc *nlp.Doc, w string) bool {
	lw := strings.ToLower(w)
	if lw == w {
		return false
	}
	for _, t := range doc.Tokens {
		if t.Text == lw {
			return true
		}
	}
	return false
}

// minTownPopulation is the size from which a town name found only by the
// gazetteer (not by the recogniser) counts as a toponym without other
// support; smaller towns need their country to be mentioned.
const minTownPopulation = 100000

func acceptGazetteer(doc *nlp.Doc, k *kb.KB, i, j int, countries map[string]float64, home kb.Place) bool {
	t := doc.Tokens[i]
	// A lone capitalised word opening a sentence is usually not a name.
	if j-i == 1 && t.POS != "PROPN" && (i == 0 || doc.SentenceOf(i-1) != doc.SentenceOf(i)) {
		return false
	}
	if j-i == 1 && t.POS != "" && t.POS != "PROPN" {
		return false
	}
	// "Coast guard vessels rescued …" opening a sentence, where the text
	// writes "a coast guard spokeswoman" elsewhere: a common word,
	// capitalised only by its place.
	if j-i == 1 && (i == 0 || doc.SentenceOf(i-1) != doc.SentenceOf(i)) && writtenLower(doc, t.Text) {
		return false
	}
	if len(t.Text) < 3 && strings.ToUpper(t.Text) != t.Text {
		return false
	}
	name := doc.SpanText(i, j)
	if _, ok := k.CountryByDemonym(name); ok {
		return false
	}
	if j-i == 1 && calendarWords[strings.ToLower(name)] {
		return false
	}
	if _, ok := k.Country(name); ok {
		return true
	}
	ps := k.Places(name)
	if len(ps) == 0 {
		return false
	}
	// Inside a longer capitalised name ("Justice Department", "President
	// Thomas", "King Abdullah") a small town's name is rarely the town.
	embedded := (j < len(doc.Tokens) && isCapitalised(doc.Tokens[j].Text) && !isPunct(doc.Tokens[j].Text)) ||
		(i > 0 && isCapitalised(doc.Tokens[i-1].Text) && !isPunct(doc.Tokens[i-1].Text) && doc.SentenceOf(i-1) == doc.SentenceOf(i))
	for n, p := range ps {
		if n == maxCandidates {
			break
		}
		switch {
		case p.Feature == kb.FeatureCountry || p.Feature == kb.FeatureCapital || p.Feature == kb.FeatureRegion:
			return true
		case p.Feature == kb.FeatureAdmin1 && kb.SameKey(p.Name, name):
			return true
		case p.Population >= minTownPopulation && p.Feature == kb.FeatureCity:
			return true
		case !embedded && p.Country != "" && countries[p.Country] > 0:
			return true
		case !embedded && p.Feature == kb.FeatureCity && home.Admin1 != "" && p.Country == home.Country && p.Admin1 == home.Admin1:
			return true // a town of the dateline's region ("Thetford" in a Norwich story)
		}
	}
	return false
}

func sortToponyms(t []Toponym) {
	// insertion sort: lists are short and mostly ordered already.
	for i := 1; i < len(t); i++ {
		for j := i; j > 0 && t[j].Start < t[j-1].Start; j-- {
			t[j], t[j-1] = t[j-1], t[j]
		}
	}
}

// FeatureHint reads the feature type the words around a toponym imply:
// "Washington state" and "the state of Washington" → admin1, "Kent
// County" (when the toponym did not take the word in) → admin2.
func FeatureHint(doc *nlp.Doc, t Toponym) string {
	if f := strings.Fields(t.Text); len(f) > 1 && countyPrefix[f[0]] {
		return kb.FeatureAdmin2 // "Co Clare"
	}
	if t.TokEnd >= 0 && t.TokEnd < len(doc.Tokens) {
		w := strings.ToLower(doc.Tokens[t.TokEnd].Text)
		if f, ok := featureWords[w]; ok {
			return f
		}
		if f, ok := officeWords[w]; ok {
			return f
		}
	}
	if t.Tok >= 2 && strings.EqualFold(doc.Tokens[t.Tok-1].Text, "of") {
		w := strings.ToLower(doc.Tokens[t.Tok-2].Text)
		if w == "state" || w == "province" {
			return kb.FeatureAdmin1
		}
		if townWords[w] {
			return kb.FeatureCity // "the town of Malta" is not the country
		}
		if f, ok := officeWords[w]; ok {
			return f
		}
	}
	return ""
}

// ResolveToponyms picks a gazetteer entry for each of tops, scoring every
// candidate of the name by
//   - its prominence (population × feature weight, the kb's ranking);
//   - how much the article is about its country (country names and
//     demonyms in the text, the dateline's country);
//   - whether its first-level region is named in the text too ("Pandi,
//     Bulacan", "Austin, Texas");
//   - its distance to the other places of the article as first resolved;
//   - a feature hint ("Washington state").
//
// A name no gazetteer entry has is put where the article puts it (Near:
// its comma qualifier, the town or region named nearest to it, the
// article's focus or its country; see vicinity).
//
// context are the toponyms of the whole article (usually FindToponyms's
// result; tops may be the same slice or, for evaluation, gold spans).
func ResolveToponyms(doc *nlp.Doc, k *kb.KB, datelinePlace string, tops, context []Toponym) []Resolved {
	if k == nil {
		k = kb.Default()
	}
	rs := newResolver(doc, k, datelinePlace, context)
	out := make([]Resolved, len(tops))
	for i, t := range tops {
		out[i] = rs.resolve(t)
	}
	return out
}

type resolver struct {
	k         *kb.KB
	doc       *nlp.Doc
	countries map[string]float64 // alpha-2 → votes
	maxVotes  float64
	names     map[string]int // Key(name) → occurrences among the context toponyms
	anchors   []kb.Place     // first-pass resolutions of the context
	anchorKey []string
	// anchorAdmin1 is kb.Key of each anchor's Admin1, read for every
	// candidate of every toponym.
	anchorAdmin1 []string
	// list holds the context toponyms in text order with the feature
	// class of their first-pass resolution ("" when unresolved), for
	// reading lists ("Alberta, Manitoba, Ontario and New Brunswick").
	list      []listItem
	dlCountry string
	// dlKey and dlID are the dateline's name and resolution: the text's
	// mentions of the dateline's name are that place ("GENEVA — … talks
	// in Geneva" is the city, not the canton).
	dlKey, dlID string
	// dlPlace is the dateline's place, when it resolved.
	dlPlace kb.Place
	// dlAdmin1 is the first-level region of the dateline's place.
	dlAdmin1 string
	cands    map[string][]kb.Place
	// final memoises settled: the second-pass places of context
	// toponyms, by index in list.
	final map[int]kb.Place
	// hints holds the feature hint of a name where any of its mentions
	// has one ("New York state" makes every "New York" of the article
	// the state: one sense per article).
	hints map[string]string
	// keys memoises kb.Key of the toponyms and admin1 names the
	// resolver reads many times.
	keys map[string]string
}

// key returns kb.Key(s), computed once per resolver.
func (rs *resolver) key(s string) string {
	k, ok := rs.keys[s]
	if !ok {
		k = kb.Key(s)
		if rs.keys == nil {
			rs.keys = map[string]string{}
		}
		rs.keys[s] = k
	}
	return k
}

func newResolver(doc *nlp.Doc, k *kb.KB, datelinePlace string, context []Toponym) *resolver {
	rs := &resolver{k: k, doc: doc, names: map[string]int{}, cands: map[string][]kb.Place{}, hints: map[string]string{},
		keys: map[string]string{}}
	if doc != nil {
		rs.countries = articleCountries(doc, k, context)
	} else {
		rs.countries = map[string]float64{}
	}
	if dl := strings.TrimSpace(datelinePlace); dl != "" {
		if p, ok := resolveDateline(k, dl, nil); ok && p.Country != "" {
			rs.dlCountry = p.Country
			rs.countries[p.Country] += 2
			name, _, _ := strings.Cut(dl, ",")
			rs.dlKey, rs.dlID = kb.Key(strings.TrimSpace(name)), p.ID
			rs.dlAdmin1 = p.Admin1
			rs.dlPlace = p
		}
	}
	for _, v := range rs.countries {
		rs.maxVotes = max(rs.maxVotes, v)
	}
	for _, t := range context {
		key := rs.key(t.Text)
		rs.names[key]++
		f := t.Feature
		if f == "" {
			f = rs.qualifierHint(t)
		}
		// A national capital's name stands for its government too
		// ("Washington state" and "Washington imposed sanctions" in
		// one story): its hints stay with their mentions.
		if f != "" && capitalCountry(k, t.Text) != "" {
			f = ""
		}
		if f != "" {
			if h, ok := rs.hints[key]; ok && h != f {
				f = "-" // mentions disagree: no hint for the name
			}
			rs.hints[key] = f
		}
	}
	// First pass: context-only resolutions serve as anchors for distance.
	for _, t := range context {
		key := rs.key(t.Text)
		r := rs.score(t, false)
		if r.OK {
			rs.anchors = append(rs.anchors, r.Place)
			rs.anchorKey = append(rs.anchorKey, key)
			rs.anchorAdmin1 = append(rs.anchorAdmin1, rs.key(r.Place.Admin1))
		}
		it := listItem{top: t, start: t.Start, end: t.End, sent: rs.sentenceOf(t), place: r.Place, ok: r.OK, class: featureClass(r)}
		if r.OK && r.Place.Feature != kb.FeatureCountry {
			it.country = r.Place.Country
		}
		rs.list = append(rs.list, it)
	}
	return rs
}

func (rs *resolver) candidates(name string) []kb.Place {
	key := rs.key(name)
	if c, ok := rs.cands[key]; ok {
		return c
	}
	c := rs.k.Places(name)
	if shortAcronym(name) {
		// "EU" is not the town of Eu, nor "UN" a town called Un: an
		// acronym names a place only by an entry written that way.
		c = keepWritten(c, name)
	}
	if len(c) == 0 {
		// "Kent County" may be written for "Kent"; "the Bulacan province".
		if f := strings.Fields(name); len(f) > 1 {
			if _, ok := featureWords[strings.ToLower(f[len(f)-1])]; ok {
				c = rs.k.Places(strings.Join(f[:len(f)-1], " "))
			}
		}
	}
	if len(c) == 0 {
		// "Co Clare", "County Kerry": Irish and British usage puts the
		// word first.
		if f := strings.Fields(name); len(f) > 1 && countyPrefix[f[0]] {
			c = rs.k.Places(strings.Join(f[1:], " "))
		}
	}
	if len(c) == 0 {
		// "Western Kasai" for West Kasai (Kasaï-Occidental), "Northern
		// Kordofan" for North Kordofan: the adjective of a compass point
		// in a region's name is the noun in the gazetteer's. Regions
		// only: "Northern Springfield" is the north of a Springfield,
		// not the town of North Springfield.
		if f := strings.Fields(name); len(f) > 1 {
			if noun, ok := compassNouns[strings.ToLower(f[0])]; ok {
				for _, p := range rs.k.Places(noun + " " + strings.Join(f[1:], " ")) {
					if p.Feature == kb.FeatureAdmin1 || p.Feature == kb.FeatureAdmin2 || p.Feature == kb.FeatureRegion {
						c = append(c, p)
					}
				}
			}
		}
	}
	if len(c) == 0 {
		// A part of a known place the gazetteer lacks ("North Dallas",
		// "Greater Mumbai", "Swat Valley") lies in or by that place; a
		// guess only worth taking in a country the article is about.
		// Features named after a town lie by it too ("Mahim Bay", "Da
		// Nang International Airport", "Lake Erie").
		var part []kb.Place
		if f := strings.Fields(name); len(f) > 1 {
			e := len(f)
			for e > 1 && len(f)-e < 2 && (partSuffixes[strings.ToLower(f[e-1])] || featureSuffixes[strings.ToLower(f[e-1])]) {
				e--
			}
			switch {
			case partPrefixes[strings.ToLower(f[0])] || featurePrefixes[strings.ToLower(f[0])]:
				part = rs.k.Places(strings.Join(f[1:], " "))
			case e < len(f):
				part = rs.k.Places(strings.Join(f[:e], " "))
			}
		}
		for _, p := range part {
			if p.Country != "" && rs.countries[p.Country] > 0 {
				c = append(c, p)
			}
		}
	}
	if len(c) == 0 {
		// "St. Marc" for Saint-Marc, "Saint Petersburg" for St.
		// Petersburg, "Mt. Kenya" for Mount Kenya, in a country the
		// article is about.
		if f := strings.Fields(name); len(f) > 1 {
			if alt, ok := abbreviations[strings.ToLower(f[0])]; ok {
				// Saints' names are common: only in a country the
				// article is about.
				for _, a := range alt {
					for _, p := range rs.k.Places(a + " " + strings.Join(f[1:], " ")) {
						if p.Country != "" && rs.countries[p.Country] > 0 {
							c = append(c, p)
						}
					}
					if len(c) > 0 {
						break
					}
				}
			}
		}
	}
	_, metonym := rs.k.Metonym(name)
	if len(c) == 0 && !metonym {
		// A spelling variant ("Al-Fashir" for El Fasher, "Mbanza
		// Congo" for M'banza Kongo): the variant key is loose, so only
		// countries, and places in a country the article is about. A
		// building that stands for a government ("the Capitol") is no
		// misspelt town (Capitola).
		for _, p := range rs.k.PlacesLike(name) {
			if p.Feature == kb.FeatureCountry || p.Country != "" && rs.countries[p.Country] > 0 {
				c = append(c, p)
			}
		}
	}
	if len(c) > maxCandidates {
		// Towns of the dateline's own region stay candidates however
		// far down the ranking: a local paper's "Clinton" is the small
		// town next door, not one of twenty bigger Clintons.
		kept := c[:maxCandidates:maxCandidates]
		if rs.dlAdmin1 != "" {
			for _, p := range c[maxCandidates:] {
				if p.Country == rs.dlCountry && p.Admin1 == rs.dlAdmin1 {
					kept = append(kept, p)
				}
			}
		}
		c = kept
	}
	rs.cands[key] = c
	return c
}

// shortAcronym reports a name of two or three capital letters.
func shortAcronym(name string) bool {
	if len(name) < 2 || len(name) > 3 {
		return false
	}
	for _, r := range name {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// keepWritten keeps the countries and the places that have name, case
// and all, among their names.
func keepWritten(c []kb.Place, name string) []kb.Place {
	var out []kb.Place
	for _, p := range c {
		if p.Feature == kb.FeatureCountry || p.Name == name || slices.Contains(p.AltNames, name) {
			out = append(out, p)
		}
	}
	return out
}

// prevName returns the name before ", T" ("Buffalo, New York"): up to
// three capitalised tokens before the comma.
func (rs *resolver) prevName(t Toponym) string {
	d := rs.doc
	if d == nil || t.Tok < 2 || d.Tokens[t.Tok-1].Text != "," {
		return ""
	}
	j := t.Tok - 1
	i := j
	for i > 0 && i > j-3 && isCapitalised(d.Tokens[i-1].Text) && !isPunct(d.Tokens[i-1].Text) && d.SentenceOf(i-1) == d.SentenceOf(j) {
		i--
	}
	if i == j {
		return ""
	}
	return d.SpanText(i, j)
}

// qualifierHint reads "Buffalo, New York": a name after a comma that is
// the first-level region of a town named just before is that region
// (admin1), not a town of the same name.
func (rs *resolver) qualifierHint(t Toponym) string {
	prev := rs.prevName(t)
	if prev == "" {
		return ""
	}
	key := kb.Key(t.Text)
	for n, p := range rs.k.Places(prev) {
		if n == maxCandidates {
			break
		}
		if (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureCapital) && kb.KeyIs(p.Admin1, key) {
			// "Brooklyn, New York" names the city the borough is
			// part of: no hint when a town of the name is close by.
			for _, c := range rs.candidates(t.Text) {
				if (c.Feature == kb.FeatureCity || c.Feature == kb.FeatureCapital) && kb.DistanceKm(p.Lat, p.Lon, c.Lat, c.Lon) < 50 {
					return ""
				}
			}
			return kb.FeatureAdmin1
		}
	}
	return ""
}

// abbreviations maps the first word of a place name to the spellings
// gazetteers may use instead.
var abbreviations = map[string][]string{
	"st.": {"Saint", "St"}, "st": {"Saint", "St."}, "saint": {"St.", "St"},
	"ste.": {"Sainte"}, "ste": {"Sainte"}, "sainte": {"Ste."},
	"mt.": {"Mount"}, "mt": {"Mount"}, "mount": {"Mt."},
	"ft.": {"Fort"}, "ft": {"Fort"}, "fort": {"Ft."},
}

// nameConnectors are lower-case words inside place names.
var nameConnectors = map[string]bool{"de": true, "del": true, "do": true, "da": true, "dos": true, "das": true, "la": true, "los": true, "las": true}

// nextName returns the key of the name after "T, " ("Austin, Texas"):
// up to four tokens after the comma, capitalised ones and connectors
// between them ("Davao del Sur").
func (rs *resolver) nextName(t Toponym) string {
	d := rs.doc
	if d == nil || t.TokEnd < 0 || t.TokEnd+1 >= len(d.Tokens) || d.Tokens[t.TokEnd].Text != "," {
		return ""
	}
	i := t.TokEnd + 1
	j := i
	for j < len(d.Tokens) && j < i+4 {
		w := d.Tokens[j].Text
		if isCapitalised(w) && !isPunct(w) {
			j++
			continue
		}
		// "Davao del Sur", "Rio de Janeiro": a connector inside the name.
		if j > i && nameConnectors[w] && j+1 < len(d.Tokens) && isCapitalised(d.Tokens[j+1].Text) {
			j++
			continue
		}
		break
	}
	if j == i {
		return ""
	}
	return kb.Key(d.SpanText(i, j))
}

// regionList reports "T, A and B" (or "or") where A and B are first-level
// regions of one country by their own names and T can be one too: a list
// of states ("in Washington, Pennsylvania and California"), not the town
// T in the state A.
func (rs *resolver) regionList(t Toponym, cands []kb.Place) bool {
	d := rs.doc
	i := t.TokEnd + 1 // after the comma (nextName checked it)
	regionAt := func(i int) (kb.Place, int, bool) {
		j := i
		for j < len(d.Tokens) && j < i+4 && (isCapitalised(d.Tokens[j].Text) && !isPunct(d.Tokens[j].Text) ||
			j > i && nameConnectors[d.Tokens[j].Text]) {
			j++
		}
		if j == i {
			return kb.Place{}, i, false
		}
		name := d.SpanText(i, j)
		p, ok := rs.k.TopPlace(name)
		return p, j, ok && p.Feature == kb.FeatureAdmin1 && kb.KeyIs(p.Name, kb.Key(name))
	}
	a, j, ok := regionAt(i)
	if !ok {
		return false
	}
	if j < len(d.Tokens) && d.Tokens[j].Text == "," {
		j++
	}
	if j >= len(d.Tokens) || d.Tokens[j].Text != "and" && d.Tokens[j].Text != "or" {
		return false
	}
	b, _, ok := regionAt(j + 1)
	if !ok || b.Country != a.Country {
		return false
	}
	key := kb.Key(t.Text)
	for _, c := range cands {
		if c.Feature == kb.FeatureAdmin1 && c.Country == a.Country && kb.KeyIs(c.Name, key) {
			return true
		}
	}
	return false
}

// farLatGap is a difference of latitude, in degrees, past which two
// places are surely more than 400 km apart: a great-circle distance is at
// least the north-south one, 111.19 km a degree (kb.DistanceKm's Earth of
// 6,371 km), so 3.61 degrees are over 401 km.
const farLatGap = 401 / 111.0

func (rs *resolver) resolve(t Toponym) Resolved {
	r := rs.score(t, true)
	if r.OK {
		if q, ok := rs.unlistedIn(t, r.Place); ok {
			r.Place, r.Near = q, true
			return r
		}
	}
	if r.OK && rs.stray(t, r.Place) {
		if p, ok := rs.neighbour(t); ok && !rs.distantRegionOfOwnCountry(t, r.Place, p) {
			r.Place, r.Near = p, true
			return r
		}
	}
	if !r.OK && readsAsPlaceName(rs.k, t.Text) {
		r.Place, r.Near = rs.vicinity(t)
		r.OK = r.Near
	}
	return r
}

// stray reports a small town (or second-level region) chosen for t that
// nothing in the article bears out: the text does not qualify it with its
// first-level region nor name that region, and no other place of the
// article lies within 400 km of it. A news story names a village beside
// the places it lies among ("the communities of San Juan, Choropampa and
// Magdalena", "the Rice Lake area of Fulton County, Illinois"); a namesake
// of that size in another part of the world, or of the country, is the
// gazetteer's only entry of the name rather than the place meant, which
// it lacks. Such a name is put by its neighbours instead (see neighbour).
func (rs *resolver) stray(t Toponym, p kb.Place) bool {
	if p.Feature != kb.FeatureCity && p.Feature != kb.FeatureAdmin2 || p.Population >= strayPopulation {
		return false
	}
	key := rs.key(t.Text)
	if a1 := rs.key(p.Admin1); a1 != "" && a1 != key && (a1 == rs.nextName(t) || rs.names[a1] > 0) {
		return false
	}
	if rs.dlCountry != "" && p.Country == rs.dlCountry {
		return false
	}
	pAdmin1 := rs.key(p.Admin1)
	for i, a := range rs.anchors {
		if rs.anchorKey[i] == key || a.Feature == kb.FeatureCountry {
			continue
		}
		if a.Feature == kb.FeatureAdmin1 && a.Country == p.Country && rs.anchorAdmin1[i] == pAdmin1 {
			return false
		}
		if math.Abs(p.Lat-a.Lat) <= farLatGap && kb.DistanceKm(p.Lat, p.Lon, a.Lat, a.Lon) < 400 {
			return false
		}
	}
	return true
}

// unlistedIn reports a town chosen for t although the text puts t in a
// first-level region that holds no entry of its name: "Stroud, Ontario"
// is a Stroud of Ontario, which the gazetteer lacks, not the English
// town. It returns that region, by which the name is put. A list ("in
// Chicago, Texas and Florida") is no qualifier: the region must close
// the sentence's run of names or be followed only by its country
// ("Stroud, Ontario, Canada").
func (rs *resolver) unlistedIn(t Toponym, p kb.Place) (kb.Place, bool) {
	if p.Feature != kb.FeatureCity && p.Feature != kb.FeatureAdmin2 {
		return kb.Place{}, false
	}
	q, ok := rs.qualifierPlace(t)
	if !ok || q.Feature != kb.FeatureAdmin1 || q.Country == "" {
		return kb.Place{}, false
	}
	a1 := rs.key(q.Admin1)
	for _, c := range rs.candidates(t.Text) {
		if c.Country == q.Country && rs.key(c.Admin1) == a1 || c.Feature == kb.FeatureAdmin1 || c.Feature == kb.FeatureCountry {
			return kb.Place{}, false
		}
	}
	// The tokens after the region's name.
	d := rs.doc
	j := t.TokEnd + 1
	for j < len(d.Tokens) && (isCapitalised(d.Tokens[j].Text) && !isPunct(d.Tokens[j].Text) || nameConnectors[d.Tokens[j].Text]) {
		j++
	}
	if j < len(d.Tokens) {
		switch w := strings.ToLower(d.Tokens[j].Text); {
		case w == "and" || w == "or":
			return kb.Place{}, false
		case w == ",":
			k := j + 1
			for k < len(d.Tokens) && isCapitalised(d.Tokens[k].Text) && !isPunct(d.Tokens[k].Text) {
				k++
			}
			if k > j+1 {
				c, ok := rs.k.Country(d.SpanText(j+1, k))
				if !ok || c.Alpha2 != q.Country {
					return kb.Place{}, false
				}
			}
		}
	}
	return q, true
}

// distantRegionOfOwnCountry reports a first-level region p, in the
// country of the town c chosen for t, that the text does not write
// within a few words of t: "In Minnesota, the state's Health Department
// announced that … a recall by its distributor in Solon" names the state
// as the story's subject, not as where Solon lies, and a town of the
// story's own country is no stray namesake; "the Rice Lake area of Fulton
// County, Illinois" does put the town in the state.
func (rs *resolver) distantRegionOfOwnCountry(t Toponym, c, p kb.Place) bool {
	if p.Feature != kb.FeatureAdmin1 || p.Country != c.Country || t.Tok < 0 {
		return false
	}
	for _, it := range rs.list {
		if !it.ok || it.top.Tok < 0 || it.place.Country != p.Country || rs.key(it.place.Admin1) != rs.key(p.Admin1) {
			continue
		}
		gap := it.top.Tok - t.TokEnd
		if it.top.Tok < t.Tok {
			gap = t.Tok - it.top.TokEnd
		}
		if gap >= 0 && gap <= regionPhrase {
			return false
		}
	}
	return true
}

// regionPhrase is how many words may stand between a town and the
// first-level region the text puts it in ("the Rice Lake area of Fulton
// County, Illinois").
const regionPhrase = 6

// strayPopulation bounds the towns stray may set aside: a place of
// 50,000 people or more is known beyond its neighbourhood.
const strayPopulation = 50000

// neighbour is the place written right after t and a comma, else the town
// or region named nearest to t in its sentence or the ones around it (a
// region giving way to the town of it the article names most): the first
// steps of vicinity, without its fallbacks to the article's country.
func (rs *resolver) neighbour(t Toponym) (kb.Place, bool) {
	if p, ok := rs.qualifierPlace(t); ok && p.Feature != kb.FeatureCountry {
		return p, true
	}
	ts := rs.sentenceOf(t)
	if ts < 0 {
		return kb.Place{}, false
	}
	p, gap, ok := rs.nearestNamedGap(t, ts-1, ts+1, false)
	if !ok {
		return p, false
	}
	if _, cgap, ok := rs.nearestNamedGap(t, ts-1, ts+1, true); ok && cgap < gap {
		// A country named nearer ("the Zaïre, Bundibugyo, Côte
		// d'Ivoire and Sudan strains", "Beitbridge, on the border with
		// South Africa"): the name is among places abroad, where a
		// town far from the article's others is no surprise.
		return kb.Place{}, false
	}
	if p.Feature == kb.FeatureAdmin1 {
		if town, ok := rs.townOf(p); ok {
			return town, true
		}
	}
	return p, true
}

// readsAsPlaceName reports whether a name the gazetteer lacks reads as a
// place's name, so that it may be put by its neighbours (see vicinity).
// It does not when it opens with a person's title ("Dr. Ivins"), when it
// ends in a people's name ("South Sudanese", "Saudi Arabian": the
// recogniser's mistake for the country), or when a word in it of five
// letters or more, other than a generic of places ("district",
// "hospital"), is in small letters: "Swine Flu victim", "South American
// country" are phrases, not names, while the short particles of place
// names stay ("Mukuru kwa Njenga", "Valle del Cauca").
func readsAsPlaceName(k *kb.KB, name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || courtesyTitles[strings.ToLower(words[0])] {
		return false
	}
	if _, ok := k.CountryByDemonym(words[len(words)-1]); ok {
		return false
	}
	for _, w := range words[1:] {
		lw := strings.ToLower(w)
		if w == lw && utf8.RuneCountInString(w) >= 5 && !placeGenerics[lw] && !isPunct(w) {
			return false
		}
	}
	return true
}

// courtesyTitles open a person's name.
var courtesyTitles = setOf(`mr. mr mrs. mrs ms. ms dr. dr miss sir dame`)

// placeGenerics are common nouns that may be written in small letters
// inside a place's name ("Mbomo districts", "St. Nicolas hospital",
// "Kasai Occidental province").
var placeGenerics = setOf(`district districts province provinces region regions county state village
	villages town township city municipality area areas suburb hospital clinic camp camps island
	islands river lake valley zone estate farm market mine port airport school`)

// vicinity is where the article puts a name the gazetteer does not know
// (a village, a suburb, a camp, a farm): a name is mostly written beside
// the places it lies in or by ("a quarantine station at Eastern Creek,
// west of Sydney", "Mukuru, a slum of Nairobi"), and an article's places
// mostly lie in the country it is about. So: the place written right
// after it and a comma ("Pingilikani, Kenya"); else the place of the
// article named nearest to it in the text, in its own sentence or the one
// before or after, when that is a town or region (a country says too
// little while a town may be named nearby); else the town or region of
// the article's country it names most (see focus), else that country
// (see mainCountry). False when the article gives none of these.
func (rs *resolver) vicinity(t Toponym) (kb.Place, bool) {
	if p, ok := rs.qualifierPlace(t); ok {
		return p, true
	}
	if p, ok := rs.peopleOf(t); ok {
		return p, true
	}
	if p, ok := rs.listMiddle(t); ok {
		return p, true
	}
	if ts := rs.sentenceOf(t); ts >= 0 {
		if p, ok := rs.nearestNamed(t, ts-1, ts+1, false); ok {
			if p.Feature == kb.FeatureAdmin1 {
				if town, ok := rs.townOf(p); ok {
					return town, true
				}
			}
			return p, true
		}
	}
	c, ok := rs.groundCountry()
	if !ok {
		c, ok = rs.mainCountry()
	}
	if !ok {
		return c, false
	}
	if p, ok := rs.focus(c.Country); ok {
		return p, true
	}
	// "Armenia's representative … told reporters outside the Peace
	// Palace" datelined The Hague: with no town or region around the
	// name, the dateline's town, where the reporter stood, is nearer
	// the mark than the middle of the country the story is about.
	if rs.dlPlace.ID != "" {
		return rs.dlPlace, true
	}
	return c, true
}

// settlementNouns name the kind of place in "the Kurdish village of
// Ranya", "the Kenyan town of Garissa".
var settlementNouns = setOf(`village town city hamlet community settlement district province region island
	suburb area port camp county municipality`)

// peopleOf reads "the northern Kurdish village of Ranya": the adjective
// of a people before the noun for a place and "of" says where a name the
// gazetteer lacks lies. A country's adjective gives the town or region
// of that country named nearest to the name in its sentence or the ones
// around it, else the country; an adjective the gazetteer knows as a
// region with the word "region" ("Kurdish region") gives that region.
func (rs *resolver) peopleOf(t Toponym) (kb.Place, bool) {
	d := rs.doc
	if d == nil || t.Tok < 3 || !strings.EqualFold(d.Tokens[t.Tok-1].Text, "of") ||
		!settlementNouns[strings.ToLower(d.Tokens[t.Tok-2].Text)] {
		return kb.Place{}, false
	}
	adj := d.Tokens[t.Tok-3].Text
	if pos := d.Tokens[t.Tok-3].POS; !isCapitalised(adj) || isPunct(adj) || pos != "ADJ" && pos != "PROPN" {
		return kb.Place{}, false
	}
	if c, ok := rs.k.CountryByDemonym(adj); ok {
		if ts := rs.sentenceOf(t); ts >= 0 {
			best, bestGap := -1, math.MaxInt
			for i, it := range rs.list {
				if !it.ok || it.sent < ts-1 || it.sent > ts+1 || it.place.Country != c.Alpha2 || it.place.Feature == kb.FeatureCountry {
					continue
				}
				gap := it.start - t.End
				if it.end <= t.Start {
					gap = t.Start - it.end
				}
				if gap >= 0 && gap < bestGap {
					best, bestGap = i, gap
				}
			}
			if best >= 0 {
				return rs.settled(best), true
			}
		}
		return rs.countryPlace(c.Alpha2)
	}
	key := rs.key(adj + " region")
	for _, p := range rs.k.Places(adj + " region") {
		if p.Feature == kb.FeatureRegion || p.Feature == kb.FeatureAdmin1 {
			for _, a := range p.AltNames {
				if rs.key(a) == key {
					return p, true
				}
			}
		}
	}
	return kb.Place{}, false
}

// listMiddle is the middle of the list of places t stands in ("Suba,
// Migori, Kisumu, Nakuru and Bunyala are among the worst affected
// districts"): the town or region of the list, of the country most of
// its places lie in, whose summed distance to the others is least, when
// the list names three or more such places. The order of a list says
// nothing of where its places lie, so the neighbour in the text is no
// better a guess than any other item, and the middle is nearest on the
// whole.
func (rs *resolver) listMiddle(t Toponym) (kb.Place, bool) {
	items := rs.listNeighbours(t)
	if len(items) < 3 {
		return kb.Place{}, false
	}
	var places []kb.Place
	n := map[string]int{}
	for _, it := range items {
		if !it.ok {
			continue
		}
		for i := range rs.list {
			if rs.list[i].start == it.start && rs.list[i].end == it.end {
				if p := rs.settled(i); p.Country != "" && p.Feature != kb.FeatureCountry {
					places = append(places, p)
					n[p.Country]++
				}
				break
			}
		}
	}
	top, topN := "", 0
	for c, v := range n {
		if v > topN || v == topN && c < top {
			top, topN = c, v
		}
	}
	if topN < 3 {
		return kb.Place{}, false
	}
	best, bestSum := kb.Place{}, math.Inf(1)
	for _, p := range places {
		if p.Country != top {
			continue
		}
		sum := 0.0
		for _, q := range places {
			if q.Country == top {
				sum += kb.DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon)
			}
		}
		if sum < bestSum {
			best, bestSum = p, sum
		}
	}
	return best, true
}

// townOf is the town of first-level region r the article names most
// (first named on a tie): "Ontario closed a farm at Zorvale" in a story
// about cases in Toronto puts the farm by Toronto rather than at the
// middle of the province.
func (rs *resolver) townOf(r kb.Place) (kb.Place, bool) {
	n := map[string]int{}
	var best kb.Place
	for i, it := range rs.list {
		if !it.ok {
			continue
		}
		p := rs.settled(i)
		if p.Feature != kb.FeatureCity && p.Feature != kb.FeatureCapital || p.Country != r.Country || p.Admin1 != r.Admin1 {
			continue
		}
		n[p.ID]++
		if best.ID == "" || n[p.ID] > n[best.ID] {
			best = p
		}
	}
	if best.ID == "" {
		return kb.Place{}, false
	}
	return best, true
}

// focus is the place of country cc the article names most often, towns
// and regions alike (first named on a tie), when it names one at least
// twice: the region or town a story about a country is about.
func (rs *resolver) focus(cc string) (kb.Place, bool) {
	n := map[string]int{}
	var best kb.Place
	for i, it := range rs.list {
		if !it.ok {
			continue
		}
		p := rs.settled(i)
		if p.Country != cc || p.Feature == kb.FeatureCountry {
			continue
		}
		n[p.ID]++
		if best.ID == "" || n[p.ID] > n[best.ID] {
			best = p
		}
	}
	if best.ID == "" {
		return kb.Place{}, false
	}
	if n[best.ID] < 2 && len(n) > 1 {
		return rs.focusRegion(cc)
	}
	return best, true
}

// focusRegion is the first-level region of country cc that holds most of
// the towns and regions of cc the article names, when it holds at least
// two and more than any other region: a story naming the province of
// Cajamarca and the villages of Choropampa and San Juan is about
// Cajamarca even though it names each once. A region gives way to the
// town of it the article names most (see townOf).
func (rs *resolver) focusRegion(cc string) (kb.Place, bool) {
	n := map[string]int{}
	var order []string
	var region map[string]kb.Place
	for i, it := range rs.list {
		if !it.ok {
			continue
		}
		p := rs.settled(i)
		if p.Country != cc || p.Feature == kb.FeatureCountry || p.Admin1 == "" {
			continue
		}
		if n[p.Admin1] == 0 {
			order = append(order, p.Admin1)
		}
		n[p.Admin1]++
		if p.Feature == kb.FeatureAdmin1 {
			if region == nil {
				region = map[string]kb.Place{}
			}
			region[p.Admin1] = p
		}
	}
	top, topN, second := "", 0, 0
	for _, a := range order {
		switch v := n[a]; {
		case v > topN:
			second = topN
			top, topN = a, v
		case v > second:
			second = v
		}
	}
	if topN < 2 || topN == second {
		return kb.Place{}, false
	}
	r, ok := region[top]
	if !ok {
		for _, p := range rs.k.Places(top) {
			if p.Feature == kb.FeatureAdmin1 && p.Country == cc {
				r, ok = p, true
				break
			}
		}
	}
	if !ok {
		return kb.Place{}, false
	}
	if town, ok := rs.townOf(r); ok {
		return town, true
	}
	return r, true
}

// qualifierPlace is the place of the name written right after t and a
// comma ("Pingilikani, Kenya", "Roskear, Camborne"), as first resolved.
func (rs *resolver) qualifierPlace(t Toponym) (kb.Place, bool) {
	if rs.doc == nil {
		return kb.Place{}, false
	}
	for i, it := range rs.list {
		if it.start >= t.End {
			if it.ok && strings.TrimSpace(rs.doc.Text[t.End:it.start]) == "," {
				return rs.settled(i), true
			}
			break
		}
	}
	return kb.Place{}, false
}

// nearestNamed returns the first-pass place of the context toponym
// nearest to t in the text among those in sentences [from, to]: towns and
// regions, or countries when countries is true.
func (rs *resolver) nearestNamed(t Toponym, from, to int, countries bool) (kb.Place, bool) {
	p, _, ok := rs.nearestNamedGap(t, from, to, countries)
	return p, ok
}

// nearestNamedGap is nearestNamed with the number of bytes between t and
// the place found.
func (rs *resolver) nearestNamedGap(t Toponym, from, to int, countries bool) (kb.Place, int, bool) {
	best, bestGap := -1, math.MaxInt
	for i, it := range rs.list {
		if !it.ok || it.place.Country == "" || (it.place.Feature == kb.FeatureCountry) != countries ||
			it.sent < from || it.sent > to || it.end > t.Start && it.start < t.End {
			continue
		}
		gap := it.start - t.End
		if it.end <= t.Start {
			gap = t.Start - it.end
		}
		if gap < bestGap {
			best, bestGap = i, gap
		}
	}
	if best < 0 {
		return kb.Place{}, 0, false
	}
	return rs.settled(best), bestGap, true
}

// settled is the place of context toponym i as resolved with the
// article's other places in view, which a name put by it follows: the
// first pass reads "Cornwall" alone as the Ontario city, the second, beside
// South West England, as the English county.
func (rs *resolver) settled(i int) kb.Place {
	it := rs.list[i]
	if it.top.Tok < 0 && it.top.Text == "" {
		return it.place
	}
	if rs.final == nil {
		rs.final = map[int]kb.Place{}
	}
	if p, ok := rs.final[i]; ok {
		return p
	}
	p := it.place
	if r := rs.score(it.top, true); r.OK {
		p = r.Place
	}
	rs.final[i] = p
	return p
}

// mainCountry is the country the article is about: the one its country
// names, demonyms, capitals and dateline vote for most (see
// articleCountries), else the one most of its resolved places lie in;
// ties go to the smaller code.
func (rs *resolver) mainCountry() (kb.Place, bool) {
	votes := rs.countries
	if rs.maxVotes == 0 {
		votes = map[string]float64{}
		for i, it := range rs.list {
			if p := rs.settled(i); it.ok && p.Country != "" {
				votes[p.Country]++
			}
		}
	}
	top, topV := "", 0.0
	for c, v := range votes {
		if v > topV || v == topV && c < top {
			top, topV = c, v
		}
	}
	if top == "" {
		return kb.Place{}, false
	}
	c, ok := rs.k.CountryByCode(top)
	if !ok {
		return kb.Place{}, false
	}
	for _, p := range rs.k.Places(c.Name) {
		if p.Feature == kb.FeatureCountry && p.Country == top {
			return p, true
		}
	}
	return kb.Place{}, false
}

// groundCountry is the country where most of the towns and regions the
// article names lie, when it holds at least two of them and more than
// any other country: a story about a spill in Peru told through a lawsuit
// in the United States names the Peruvian villages, and a local name the
// gazetteer lacks (a mine, a hamlet) lies among them, however often the
// story names the other country.
func (rs *resolver) groundCountry() (kb.Place, bool) {
	n := map[string]int{}
	for i, it := range rs.list {
		if !it.ok {
			continue
		}
		if p := rs.settled(i); p.Country != "" && p.Feature != kb.FeatureCountry {
			n[p.Country]++
		}
	}
	top, topN, second := "", 0, 0
	for c, v := range n {
		switch {
		case v > topN || v == topN && c < top:
			second = max(second, topN)
			top, topN = c, v
		case v > second:
			second = v
		}
	}
	if topN < 2 || topN == second {
		return kb.Place{}, false
	}
	return rs.countryPlace(top)
}

// countryPlace is the gazetteer's country entry of alpha-2 code cc.
func (rs *resolver) countryPlace(cc string) (kb.Place, bool) {
	c, ok := rs.k.CountryByCode(cc)
	if !ok {
		return kb.Place{}, false
	}
	for _, p := range rs.k.Places(c.Name) {
		if p.Feature == kb.FeatureCountry && p.Country == cc {
			return p, true
		}
	}
	return kb.Place{}, false
}

// sentenceOf returns the index of the sentence holding t, or -1.
func (rs *resolver) sentenceOf(t Toponym) int {
	if rs.doc == nil || t.Tok < 0 {
		return -1
	}
	return rs.doc.SentenceOf(t.Tok)
}

func (rs *resolver) score(t Toponym, useAnchors bool) Resolved {
	r := Resolved{Toponym: t}
	name := rs.sharedHead(t)
	cands := rs.candidates(name)
	if len(cands) == 0 {
		return r
	}
	key := rs.key(name)
	next := rs.nextName(t)
	if next != "" && rs.regionList(t, cands) {
		next = "" // "in Washington, Pennsylvania and California": a list, not a town and its state
	}
	// "Santa Maria, Davao del Sur": the name after the comma may be a
	// second-level region, which the gazetteer does not record for
	// towns; a town near it is qualified by it.
	var nextAdmin2 []kb.Place
	if next != "" {
		for n, q := range rs.k.Places(next) {
			if n == maxCandidates {
				break
			}
			if q.Feature == kb.FeatureAdmin2 {
				nextAdmin2 = append(nextAdmin2, q)
			}
		}
	}
	listClass, listN, listCountry := "", 0, ""
	if useAnchors {
		listClass, listN = rs.listClass(t)
		listCountry = rs.listCountry(t)
	}
	listBonus := 2.0 + math.Min(float64(listN-2), 3)
	// A country named outright is that country, unless the article is
	// about another country that has a region of the name ("Georgia" in
	// a story about the US); the scores below decide that.
	country, isCountry := rs.k.Country(name)
	bigCity, regionFirst := false, false
	for _, p := range cands {
		if p.Feature == kb.FeatureCapital || p.Feature == kb.FeatureCity && p.Population >= 1000000 {
			bigCity = true
		}
		// The seat a region is named after ("Lviv", "Kharkiv" in theirs)
		// is what the bare name means, unless it holds only a small
		// share of the region's people: "Quebec" is the province.
		if p.Feature == kb.FeatureCity && p.Population >= 100000 && kb.Key(p.Admin1) == key {
			if smallSeat(p, cands) {
				regionFirst = true
			} else {
				bigCity = true
			}
		}
	}
	// famous is the population of the best-known country, capital or
	// first-level region of the name, the kind of place towns are named
	// after.
	famous, capital := int64(0), int64(0)
	for _, p := range cands {
		switch p.Feature {
		case kb.FeatureCountry:
			// A country is far better known than a region of its
			// size: "Lebanon County" is named after it.
			famous = max(famous, 10*p.Population)
		case kb.FeatureCapital, kb.FeatureAdmin1:
			famous = max(famous, p.Population)
			if p.Feature == kb.FeatureCapital {
				capital = max(capital, p.Population)
			}
		case kb.FeatureRegion:
			// "Pacific, Mo." is named after the ocean.
			famous = max(famous, int64(prominence(p)))
		}
	}
	hint := t.Feature
	if hint == "" {
		hint = rs.hints[key]
	}
	if hint == "" {
		hint = rs.qualifierHint(t)
	}
	// "the Pacific", "the Gambia", "the Midwest": a name after "the" is
	// rarely a town's (unless the town's own name has it: The Hague).
	afterThe := rs.doc != nil && t.Tok > 0 && strings.EqualFold(rs.doc.Tokens[t.Tok-1].Text, "the")
	// A hand-made sea, gulf or strait of the name, with no population:
	// a body of water.
	waterNamed := false
	for _, p := range cands {
		if p.Feature == kb.FeatureRegion && p.Population == 0 && p.Country == "" && kb.KeyIs(p.Name, key) {
			waterNamed = true
		}
	}
	// cityNamed is the city "New York City" when the article writes it
	// and t is "New York".
	var cityNamed Resolved
	if c := key + " city"; rs.names[c] > 0 && rs.prevName(t) == "" { // "Queens, New York" is the city
		for _, p := range cands {
			if (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureCapital) && kb.KeyIs(p.Name, c) {
				cityNamed = Resolved{Place: p, OK: true}
				break
			}
		}
	}
	// shared is the vote of the article's countries for a region of the
	// name that spans several countries (kb regions with no country of
	// their own) when the name's other entries lie in two or more of
	// them: "Kashmir" in a story naming India and Pakistan is the
	// disputed region across the line, not the part one of them holds.
	shared := rs.sharedVote(key, cands)
	// The country whose capital the name is, looked up once (a
	// gazetteer lookup) rather than per candidate.
	capCountry, capKnown := "", false
	best := math.Inf(-1)
	for _, p := range cands {
		s := 0.4 * math.Log1p(prominence(p))
		// ctx sums the context evidence (country, region, neighbours).
		ctx := 0.0
		if p.Country != "" && rs.maxVotes > 0 {
			v := rs.countries[p.Country]
			if !capKnown {
				capCountry, capKnown = capitalCountry(rs.k, name), true
			}
			if capCountry == p.Country {
				v -= 0.5 * float64(rs.names[key]) // "Paris" does not vote for Paris, France
			}
			switch {
			case p.Feature == kb.FeatureCountry && kb.KeyIs(p.Name, key):
				v -= float64(rs.names[key]) // its own mentions do not count
			case isCountry && p.Country == country.Alpha2:
				v = 0 // "Mexico" does not vote for Mexico City
			}
			if v > 0 {
				ctx += 3 + 2*v/rs.maxVotes
			}
		}
		if shared > 0 && p.Country == "" && p.Feature == kb.FeatureRegion && kb.KeyIs(p.Name, key) {
			ctx += 3 + 2*shared/rs.maxVotes
		}
		if isCountry && p.Feature == kb.FeatureCountry && p.Country == country.Alpha2 {
			s += 3
		}
		if p.Country != "" && p.Country == rs.dlCountry {
			s += 1
		}
		if key == rs.dlKey && p.ID == rs.dlID {
			s += 4
		}
		if rs.dlAdmin1 != "" && p.Admin1 == rs.dlAdmin1 && p.Country == rs.dlCountry && (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureAdmin2) {
			s += 1 // a local story's towns are mostly in its own state or province
		}
		qualified := false
		if a1 := rs.key(p.Admin1); a1 != "" && a1 != key {
			switch {
			case a1 == next:
				s += 5 // "Pandi, Bulacan", "Austin, Texas"
				qualified = true
			case rs.names[a1] > 0:
				ctx += 1.5
			}
		}
		if !qualified && p.Feature == kb.FeatureCity {
			for _, q := range nextAdmin2 {
				if q.Country == p.Country && kb.DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) < admin2Reach {
					s += 5
					qualified = true
					break
				}
			}
		}
		if p.Feature == kb.FeatureAdmin1 && kb.KeyIs(p.Name, key) && !bigCity {
			// A region's own name beats small towns named after it
			// ("California, Pa."), but not a big city ("São Paulo").
			s += 1.5
			if regionFirst {
				s += 2 // "Quebec": the province, over its capital
			}
		}
		if hint != "" && p.Feature == hint {
			s += 6
		}
		if afterThe && p.Feature == kb.FeatureAdmin1 && waterNamed {
			// "the Red Sea" is the sea; Egypt's and Sudan's Red Sea
			// provinces are written with their word ("Red Sea state").
			s -= 8
		}
		if afterThe && (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureAdmin2) && !strings.HasPrefix(p.ASCII, "the ") {
			s -= 4
		}
		if listClass != "" && featureClass(Resolved{Place: p, OK: true}) == listClass &&
			(listClass == "town" || kb.KeyIs(p.Name, key)) {
			// A list of states names states (by their own names:
			// "Washington" in a list of states is not the District
			// of Columbia); the longer the list, the surer.
			s += listBonus
		}
		if listCountry != "" && p.Country == listCountry {
			s += 2 // a list names places of one country
		}
		if useAnchors {
			near, closest := 0.0, math.Inf(1)
			pName := ""
			if p.Feature == kb.FeatureAdmin1 {
				pName = kb.Key(p.Name)
			}
			for i, a := range rs.anchors {
				if rs.anchorKey[i] == key || a.Feature == kb.FeatureCountry {
					continue
				}
				switch {
				case p.Feature == kb.FeatureAdmin1 && a.Country == p.Country && rs.anchorAdmin1[i] == pName:
					near++ // the region holds a place of the article
				case math.Abs(p.Lat-a.Lat) > farLatGap:
					// further than 400 km: no need for the distance
				default:
					if d := kb.DistanceKm(p.Lat, p.Lon, a.Lat, a.Lon); d < 400 {
						near += 1 - d/400
						if a.Feature == kb.FeatureCity || a.Feature == kb.FeatureCapital {
							closest = min(closest, d) // a town, not a region around it
						}
					}
				}
			}
			ctx += 2 * math.Min(near, 2)
			if closest < nextDoor && (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureAdmin2) {
				// A town a few kilometres from another town the article
				// names is the one meant, even when a bigger namesake is
				// also in range ("Cowes and Newport" on the Isle of
				// Wight, not Newport in Wales).
				ctx += 1.5
			}
		}
		// A town far smaller than the country, capital or region of its
		// name ("Egypt, Pa.", "Moscow, Pa.", "Oregon, Wis.") is usually
		// named after it: context alone counts half for it unless the
		// text qualifies it ("Moscow, Idaho"). Towns sharing a name with
		// a bigger town ("Austin, Ind.") are not named after a famous
		// place and keep their context.
		if !qualified && (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureAdmin2) {
			switch {
			case float64(p.Population) < capitalRatio*float64(capital):
				// A national capital is known the world over: "a
				// conference in Paris" from Washington is in France,
				// not in Paris, Texas (a twentieth of its size), and
				// neither the article's country nor the dateline's
				// makes it so.
				ctx *= 0.25
				if p.Country != "" && p.Country == rs.dlCountry {
					s--
				}
			case float64(p.Population) < smallRatio*float64(famous):
				ctx *= 0.5
			}
		}
		if cityNamed.OK && (p.Feature == kb.FeatureCity || p.Feature == kb.FeatureCapital || p.Feature == kb.FeatureAdmin2) &&
			kb.DistanceKm(p.Lat, p.Lon, cityNamed.Place.Lat, cityNamed.Place.Lon) < 30 {
			// An article that writes "New York City" means something
			// else by "New York": the state, not the city nor its
			// county.
			s -= 3
		}
		if listClass == kb.FeatureAdmin1 && p.Feature != kb.FeatureAdmin1 && p.Feature != kb.FeatureCountry {
			// In a list of states the article's other places say
			// little for a county or town of the name: they are near
			// because the list's states are.
			ctx *= 0.5
		}
		s += ctx
		if s > best {
			best = s
			r.Place, r.OK, r.Score = p, true, s
		}
	}
	return r
}

// partPrefixes and partSuffixes are words that make a name for a part
// or the surroundings of a place: "North Dallas", "Swat Valley".
var (
	partPrefixes = map[string]bool{"greater": true, "north": true, "south": true, "east": true, "west": true,
		"northern": true, "southern": true, "eastern": true, "western": true, "central": true, "upper": true,
		"lower": true, "downtown": true, "metro": true, "metropolitan": true, "inner": true, "outer": true}
	partSuffixes = map[string]bool{"valley": true, "area": true, "metro": true, "suburbs": true, "outskirts": true}
	// featurePrefixes and featureSuffixes make names of features that
	// take a nearby town's name: "Lake Erie", "Mahim Bay", "Da Nang
	// International Airport".
	featurePrefixes = map[string]bool{"lake": true, "port": true}
	featureSuffixes = map[string]bool{"bay": true, "lake": true, "airport": true,
		"international": true, "harbour": true, "harbor": true, "beach": true, "creek": true}
)

// compassNouns maps the adjective of a compass point to its noun, as
// names of regions write it.
var compassNouns = map[string]string{"western": "West", "eastern": "East", "northern": "North", "southern": "South"}

// listItem is one context toponym for reading lists.
type listItem struct {
	top        Toponym
	start, end int
	sent       int      // sentence index, -1 when unknown
	place      kb.Place // its first-pass resolution, when ok
	ok         bool
	class      string
	country    string // of its first-pass resolution, "" for countries
}

// featureClass groups feature types for lists: towns and capitals are
// one class.
func featureClass(r Resolved) string {
	if !r.OK {
		return ""
	}
	switch r.Place.Feature {
	case kb.FeatureCity, kb.FeatureCapital:
		return "town"
	case kb.FeatureRegion:
		return ""
	}
	return r.Place.Feature
}

// isListSeparator reports whether the text between two names joins them
// in a list: a comma, "and", "or", or a comma followed by either.
func isListSeparator(gap string) bool {
	switch strings.TrimSpace(gap) {
	case ",", "and", "or", ", and", ", or", "&":
		return true
	}
	return false
}

// listClass returns the feature class most of t's list neighbours share
// ("admin1" for "Ohio, Oklahoma, Oregon and Tennessee") and how many share
// it; "" otherwise (see listMajority). Neighbours are the context
// toponyms reached from t through list separators only.
//
// Two names joined by "and" or "or" are a list too: coordination joins
// like with like ("concerts in New Jersey and New York" are in two
// states). Two joined by a comma alone are not: "Buffalo, New York" is a
// town and its state.
func (rs *resolver) listClass(t Toponym) (string, int) {
	c, n := rs.listMajority(t, func(it listItem) string { return it.class })
	if c == "" {
		if nb := rs.listNeighbours(t); len(nb) == 1 && nb[0].class != "" && rs.coordinated(t, nb[0]) {
			return nb[0].class, 1
		}
	}
	return c, n
}

// coordinated reports whether t and the list item it are joined by "and"
// or "or" (with or without a comma).
func (rs *resolver) coordinated(t Toponym, it listItem) bool {
	s, e := t.End, it.start
	if it.end <= t.Start {
		s, e = it.end, t.Start
	}
	if s > e || e > len(rs.doc.Text) {
		return false
	}
	switch strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rs.doc.Text[s:e]), ",")) {
	case "and", "or", "&":
		return true
	}
	return false
}

// listCountry returns the country most of t's list neighbours lie in:
// "Alberta, Manitoba, Ontario and New Brunswick" are in Canada.
func (rs *resolver) listCountry(t Toponym) string {
	c, _ := rs.listMajority(t, func(it listItem) string { return it.country })
	return c
}

// listMajority returns the value of key that most of t's list neighbours
// share, and how many share it, when at least two do and they are the
// majority; "" and 0 otherwise. Ties go to the smaller value.
func (rs *resolver) listMajority(t Toponym, key func(listItem) string) (string, int) {
	counts := map[string]int{}
	nb := rs.listNeighbours(t)
	for _, it := range nb {
		counts[key(it)]++
	}
	best, bestN := "", 0
	for c, k := range counts {
		if c != "" && (k > bestN || k == bestN && c < best) {
			best, bestN = c, k
		}
	}
	if bestN >= 2 && 2*bestN > len(nb)-counts[""] { // regions and the like do not vote
		return best, bestN
	}
	return "", 0
}

// listNeighbours returns the context toponyms reached from t through
// list separators only, on either side.
func (rs *resolver) listNeighbours(t Toponym) []listItem {
	if rs.doc == nil || len(rs.list) == 0 {
		return nil
	}
	text := rs.doc.Text
	// the first item at or after t
	i := 0
	for i < len(rs.list) && rs.list[i].start < t.End {
		i++
	}
	var out []listItem
	prevEnd := t.End
	for j := i; j < len(rs.list) && prevEnd <= rs.list[j].start && isListSeparator(text[prevEnd:rs.list[j].start]); j++ {
		out = append(out, rs.list[j])
		prevEnd = rs.list[j].end
	}
	nextStart := t.Start
	for j := i - 1; j >= 0; j-- {
		it := rs.list[j]
		if it.end > t.Start && it.start < t.End {
			continue // t itself among the context
		}
		if it.end > nextStart || !isListSeparator(text[it.end:nextStart]) {
			break
		}
		out = append(out, it)
		nextStart = it.start
	}
	return out
}

// admin2Reach is how far from a second-level region's point a town may
// lie and still be taken to be in it.
const admin2Reach = 60.0

// smallRatio is how much smaller than the famous place of its name a town
// is before context counts half for it.
const smallRatio = 1e-2

// capitalRatio is how much smaller than a national capital of its name a
// town is before context counts a quarter for it and the dateline's
// country nothing.
const capitalRatio = 5e-2

// sharedReach is how far from a region that spans several countries an
// entry of its name in one of them may lie and still be a part of it.
const sharedReach = 500.0

// sharedVote returns the largest vote of the article's countries (see
// articleCountries) among the countries holding entries of the name
// (cands, key) that lie within sharedReach of a region of the same name
// spanning several countries, when two or more such countries have votes;
// else 0. Punjab and Kashmir are split between India and Pakistan: a
// story that names both means the region as a whole by the bare name.
func (rs *resolver) sharedVote(key string, cands []kb.Place) float64 {
	if rs.maxVotes == 0 {
		return 0
	}
	for _, r := range cands {
		if r.Country != "" || r.Feature != kb.FeatureRegion || !kb.KeyIs(r.Name, key) {
			continue
		}
		voted := map[string]bool{}
		best := 0.0
		for _, p := range cands {
			if p.Country == "" || p.Feature == kb.FeatureCountry || rs.countries[p.Country] <= 0 ||
				kb.DistanceKm(p.Lat, p.Lon, r.Lat, r.Lon) > sharedReach {
				continue
			}
			voted[p.Country] = true
			best = max(best, rs.countries[p.Country])
		}
		if len(voted) >= 2 {
			return best
		}
	}
	return 0
}

// compassWords open names of parts of the world and of countries.
var compassWords = setOf(`north south east west central northern southern eastern western upper lower
	northeast northwest southeast southwest north-east north-west south-east south-west`)

// sharedHead returns the name toponym t stands for. That is its text,
// unless t is a compass word coordinated with a name that opens with
// another ("Central and South America", "North and South Korea", "East or
// West Africa"): the two share the head, and t is the compass word with
// it ("Central America") when the gazetteer knows that name.
func (rs *resolver) sharedHead(t Toponym) string {
	if rs.doc == nil || t.Tok < 0 || t.TokEnd != t.Tok+1 || !compassWords[strings.ToLower(t.Text)] {
		return t.Text
	}
	toks := rs.doc.Tokens
	i := t.TokEnd
	if i+2 >= len(toks) || rs.doc.SentenceOf(i+2) != rs.doc.SentenceOf(t.Tok) {
		return t.Text
	}
	if c := strings.ToLower(toks[i].Text); c != "and" && c != "or" && c != "&" {
		return t.Text
	}
	if !compassWords[strings.ToLower(toks[i+1].Text)] || !isCapitalised(toks[i+1].Text) {
		return t.Text
	}
	var head []string
	for j := i + 2; j < len(toks) && j < i+5 && isCapitalised(toks[j].Text) && rs.doc.SentenceOf(j) == rs.doc.SentenceOf(t.Tok); j++ {
		head = append(head, toks[j].Text)
	}
	// The longest head the gazetteer knows with t's word before it.
	for n := len(head); n > 0; n-- {
		full := t.Text + " " + strings.Join(head[:n], " ")
		for _, p := range rs.k.Places(full) {
			if kb.KeyIs(p.Name, rs.key(full)) {
				return full
			}
		}
	}
	return t.Text
}
