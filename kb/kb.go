// Package kb is dateline's embedded knowledge: countries (names, aliases,
// ISO and CAMEO codes, demonyms, capitals), a gazetteer of places (GeoNames
// cities, first-level regions and countries, plus hand-made regions the
// news names often), an actor dictionary (organisations, armed groups,
// bodies, people with date-bounded roles, metonyms such as "the Kremlin"),
// role words mapped to CAMEO sectors, and the CAMEO event taxonomy with
// Goldstein weights, QuadClass and PLOVER categories.
//
// Everything is embedded in the binary (kb/data) so it works with no
// downloads. Default returns the shared, read-only knowledge base; it is
// safe for concurrent use. Users add their own actors and places with
// LoadExtra and Merge, which return new values and never change the
// receiver.
//
// # Actor codes
//
// Actor codes follow the CAMEO actor codebook: a chain of three-letter
// segments, the first of which is a country (ISO 3166-1 alpha-3 with
// CAMEO's few exceptions, e.g. KSV for Kosovo) or a transnational type
// (IGO, NGO, IMG, MNC). Later segments are sectors (GOV, MIL, REB, COP,
// OPP, JUD, LEG, MED, CVL, REF, BUS, PTY …; see Sectors) or CAMEO known
// group codes (UNO, NAT, HMS, HEZ …). dateline writes the group segment
// right after the country and the sector, if any, last: Hamas is PSEHMS,
// its military wing PSEHMSMIL, the UN is IGOUNO and UN peacekeepers
// IGOUNOPKO, the Russian government RUSGOV. Actor.Country, Actor.Group and
// Actor.Sector give the segments separately.
package kb

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Country is one country or territory.
type Country struct {
	Alpha2   string   // ISO 3166-1 alpha-2, e.g. "US"
	Alpha3   string   // ISO 3166-1 alpha-3 as world-countries gives it
	CAMEO    string   // CAMEO country code, e.g. "USA", "PSE", "KSV"
	Name     string   // common English name, e.g. "United States"
	Official string   // official name
	Aliases  []string // other names: "US", "U.S.", "America", …
	Demonyms []string // "American", "Americans", …
	Capital  string
	Lat, Lon float64 // a representative point
}

// Place is one gazetteer entry.
type Place struct {
	ID         string // "geonames:4140963", "geonames-admin1:US.WA", "iso3166:FR", "kb-region:gaza-strip"
	Name       string
	ASCII      string   // Name folded to ASCII and lower case (see Fold)
	AltNames   []string // other names it is known by
	Lat, Lon   float64
	Population int64 // 0 when unknown; for regions and countries from GeoNames the sum of their towns ≥1000 inhabitants
	// Feature is "country", "capital" (a national capital), "city",
	// "admin1" (first-level region), "admin2" (second-level region: a
	// county or district) or "region" (a hand-made area such as the Gaza
	// Strip or the Sahel).
	Feature string
	Country string // ISO 3166-1 alpha-2; "" for areas spanning countries
	Admin1  string // first-level region name
}

// Feature types of places.
const (
	FeatureCountry = "country"
	FeatureCapital = "capital"
	FeatureCity    = "city"
	FeatureAdmin1  = "admin1"
	FeatureAdmin2  = "admin2"
	FeatureRegion  = "region"
	// FeatureVicinity marks a place record for a name the gazetteer does
	// not know, put at the town, region or country the article puts it
	// in or by; its point and codes are that neighbour's.
	FeatureVicinity = "vicinity"
)

// Actor kinds.
const (
	KindPerson  = "person"  // a named person; roles are date-bounded
	KindOrg     = "org"     // intergovernmental or non-governmental organisation, company
	KindGroup   = "group"   // armed group, party, movement
	KindBody    = "body"    // a state body: ministry, army, parliament, court, agency
	KindMetonym = "metonym" // a place or building standing for an actor: "the Kremlin"
)

// Actor is one dictionary entry, or one role period of a person.
type Actor struct {
	Name    string   // canonical name
	Aliases []string // other names it is written as
	Kind    string   // KindPerson, KindOrg, …
	Code    string   // full CAMEO-style code, e.g. "RUSGOV", "PSEHMS", "IGOUNO"
	Country string   // first segment: "RUS", "PSE", "IGO"
	Group   string   // known-group segment, e.g. "HMS", "UNO"; "" if none
	Sector  string   // sector segment, e.g. "GOV", "MIL"; "" if none
	Role    string   // e.g. "president", "spokesman"
	From    string   // first day of the role (YYYY-MM-DD, or YYYY / YYYY-MM), "" = open
	To      string   // day the role ended (exclusive), "" = still holds it
}

// EventType is one CAMEO event code.
type EventType struct {
	Code      string // "190"
	Name      string // "Use conventional military force, not specified below"
	Goldstein float64
	QuadClass int    // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	PLOVER    string // PLOVER category ("FIGHT"), "" for plain statements
	Mode      string // PLOVER mode where the code implies one, e.g. "visit" (042), "suicide-attack" (1831)
}

// Root is the two-digit CAMEO root of the event code.
func (e EventType) Root() string {
	if len(e.Code) < 2 {
		return e.Code
	}
	return e.Code[:2]
}

// KB is a knowledge base. The zero value is empty; use Default, Load or
// LoadExtra and Merge. A KB is never changed after it is built, so it is
// safe for concurrent use.
type KB struct {
	countries []Country
	byName    map[string]int // Key(name/alias/official) → index into countries
	byDemonym map[string]int
	byCode    map[string]int // upper-case alpha2 / alpha3 / CAMEO
	actors    map[string][]Actor
	metonyms  map[string]Actor
	roles     map[string]string
	cameo     map[string]EventType
	// regionNames and regionAdjs map a world region's names ("Europe",
	// "the Gulf") and its adjectives ("European", "Western") to the
	// CAMEO region code (EUR, PGS, WST).
	regionNames map[string]string
	regionAdjs  map[string]string
	gazetteers  []*gazetteer // searched in order, results merged by rank
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// Default returns the embedded knowledge base, loading it on first use.
// The gazetteer, the largest part, is decompressed only on the first
// Places call. It panics only if the embedded data is corrupt, which the
// package tests rule out.
func Default() *KB {
	defaultOnce.Do(func() { defaultKB, defaultErr = loadEmbedded() })
	if defaultErr != nil {
		panic("kb: embedded data is corrupt: " + defaultErr.Error())
	}
	return defaultKB
}

func newKB() *KB {
	return &KB{
		byName:    map[string]int{},
		byDemonym: map[string]int{},
		byCode:    map[string]int{},
		actors:    map[string][]Actor{},
		metonyms:  map[string]Actor{},
		roles:     map[string]string{},
		cameo:     map[string]EventType{},

		regionNames: map[string]string{},
		regionAdjs:  map[string]string{},
	}
}

// Country finds a country by name, official name or alias ("United
// States", "the U.S.", "America"); case and diacritics do not matter.
func (k *KB) Country(name string) (Country, bool) {
	i, ok := lookup(k.byName, name)
	if !ok {
		return Country{}, false
	}
	return k.countries[i], true
}

// CountryByCode finds a country by ISO alpha-2, ISO alpha-3 or CAMEO code.
func (k *KB) CountryByCode(code string) (Country, bool) {
	i, ok := k.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return k.countries[i], true
}

// CountryByDemonym finds the country of a demonym, singular or plural:
// "Russian", "Palestinians", "Israeli".
func (k *KB) CountryByDemonym(word string) (Country, bool) {
	i, ok := lookup(k.byDemonym, word)
	if !ok {
		return Country{}, false
	}
	return k.countries[i], true
}

// Countries returns all countries, sorted by alpha-2 code.
func (k *KB) Countries() []Country { return append([]Country(nil), k.countries...) }

// Actor finds an organisation, group, body or person by name or alias. For
// a person with date-bounded roles, date (YYYY-MM-DD, usually the
// article's publication date) picks the role held that day; an empty date
// picks the current (or latest) role. A known person with no role on that
// date comes back with only the country segment as Code, an empty Sector
// and ok true. Metonyms are not returned here; see Metonym.
func (k *KB) Actor(name, date string) (Actor, bool) {
	rows, _ := lookup(k.actors, name)
	if len(rows) == 0 {
		return Actor{}, false
	}
	if date == "" {
		best := rows[0]
		for _, r := range rows[1:] {
			if best.To != "" && (r.To == "" || r.To > best.To) {
				best = r
			}
		}
		return best, true
	}
	for _, r := range rows {
		if covers(r, date) {
			return r, true
		}
	}
	a := rows[0]
	a.Code, a.Sector, a.Group, a.Role, a.From, a.To = a.Country, "", "", "", "", ""
	return a, true
}

// covers reports whether the role period of a includes date. Bounds are
// compared as strings, so a short bound works as its first day: From
// "2012" starts on 2012-01-01 and To "2018" ends before 2018-01-01.
func covers(a Actor, date string) bool {
	if a.From != "" && date < a.From {
		return false
	}
	if a.To != "" && date >= a.To {
		return false
	}
	return true
}

// ActorRoles returns every role period recorded for a name, oldest first.
func (k *KB) ActorRoles(name string) []Actor {
	return append([]Actor(nil), k.actors[Key(name)]...)
}

// Metonym resolves a place or building that stands for an actor: "the
// Kremlin" → RUSGOV, "the White House" → USAGOV, "the Pentagon" → USAMIL,
// "Washington" → USAGOV. Callers should use it only where the name acts
// (is the subject of "said", "warned", …), not where it is a location.
func (k *KB) Metonym(name string) (Actor, bool) {
	a, ok := lookup(k.metonyms, name)
	return a, ok
}

// RoleSector maps a role or group word to a CAMEO sector: "foreign
// minister" → GOV, "troops" → MIL, "rebels" → REB, "police" → COP. Plural
// forms of listed words are found too.
func (k *KB) RoleSector(word string) (string, bool) {
	w := Key(word)
	if s, ok := k.roles[w]; ok {
		return s, true
	}
	for _, sing := range singulars(w) {
		if s, ok := k.roles[sing]; ok {
			return s, true
		}
	}
	return "", false
}

// singulars guesses the singular forms of an English plural noun phrase
// (the last word is inflected).
func singulars(w string) []string {
	var out []string
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		out = append(out, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "men"):
		out = append(out, w[:len(w)-3]+"man")
	}
	if strings.HasSuffix(w, "es") {
		out = append(out, w[:len(w)-2])
	}
	if strings.HasSuffix(w, "s") {
		out = append(out, w[:len(w)-1])
	}
	return out
}

// RegionActor finds the CAMEO region code of a world region named as an
// actor: by name ("Europe", "the West", "the Gulf" → EUR, WST, PGS) or by
// the adjective or noun for its people and bodies ("European", "Western",
// "Africans"). adjective reports which. Callers look countries and
// demonyms up first; a region name alone ("West", "Gulf") is also a
// surname or part of a place's name, so callers should take it only where
// the name is no person's.
func (k *KB) RegionActor(name string) (code string, adjective bool, ok bool) {
	if c, ok := lookup(k.regionAdjs, name); ok {
		return c, true, true
	}
	if c, ok := lookup(k.regionNames, name); ok {
		return c, false, true
	}
	return "", false, false
}

// CAMEO looks up an event code ("190", "0211").
func (k *KB) CAMEO(code string) (EventType, bool) {
	e, ok := k.cameo[strings.TrimSpace(code)]
	return e, ok
}

// EventTypes returns the whole CAMEO taxonomy sorted by code.
func (k *KB) EventTypes() []EventType {
	out := make([]EventType, 0, len(k.cameo))
	for _, e := range k.cameo {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// holders counts the gazetteers (embedded, user extras) that hold key
// and returns the last of them.
func (k *KB) holders(key string) (hit *gazetteer, parts int) {
	for _, g := range k.gazetteers {
		if g.has(key) {
			hit = g
			parts++
		}
	}
	return hit, parts
}

// TopPlace returns Places(name)[0], the most prominent place of the name,
// without building the whole list (ok is false when there is none).
func (k *KB) TopPlace(name string) (p Place, ok bool) {
	var buf [64]byte
	if b, ok := keyBytes(&buf, name); ok { // the key without building it
		var hit *gazetteer
		parts := 0
		for _, g := range k.gazetteers {
			g.ensure()
			if len(g.index[string(b)]) > 0 {
				hit = g
				parts++
			}
		}
		switch parts {
		case 0:
			return Place{}, false
		case 1:
			return hit.places[hit.index[string(b)][0]], true
		}
		return k.Places(name)[0], true
	}
	key := Key(name)
	hit, parts := k.holders(key)
	switch parts {
	case 0:
		return Place{}, false
	case 1:
		return hit.places[hit.index[key][0]], true
	}
	return k.Places(name)[0], true
}

// Places returns the gazetteer entries named name (or having it as an
// alternate name), most prominent first. Prominence is the population
// weighted by feature type: countries ×10, national capitals ×3, cities
// and hand-made regions ×1, first- and second-level regions ×0.1 — so "Paris" is the
// French capital before the town in Texas and "Washington" the US capital
// before the state. Case and diacritics do not matter.
func (k *KB) Places(name string) []Place {
	key := Key(name)
	hit, parts := k.holders(key)
	switch parts {
	case 0:
		return nil
	case 1: // one list, already in rank order
		return hit.places1(key)
	}
	var out []ranked
	for _, g := range k.gazetteers {
		out = append(out, g.lookup(key)...)
	}
	sortRanked(out)
	res := make([]Place, len(out))
	for i, r := range out {
		res[i] = r.p
	}
	return res
}

// Place finds a gazetteer entry by its ID.
func (k *KB) Place(id string) (Place, bool) {
	for _, g := range k.gazetteers {
		if p, ok := g.byID(id); ok {
			return p, true
		}
	}
	return Place{}, false
}

// Merge returns a new KB holding k's knowledge plus extra's. Where both
// define the same name (actor, metonym, role word, country name), extra
// wins; extra's places are added to k's gazetteer.
func (k *KB) Merge(extra *KB) *KB {
	m := newKB()
	m.countries = append(append([]Country(nil), k.countries...), extra.countries...)
	n := len(k.countries)
	for key, i := range k.byName {
		m.byName[key] = i
	}
	for key, i := range k.byDemonym {
		m.byDemonym[key] = i
	}
	for key, i := range k.byCode {
		m.byCode[key] = i
	}
	for key, i := range extra.byName {
		m.byName[key] = n + i
	}
	for key, i := range extra.byDemonym {
		m.byDemonym[key] = n + i
	}
	for key, i := range extra.byCode {
		m.byCode[key] = n + i
	}
	for _, src := range []*KB{k, extra} {
		for key, v := range src.actors {
			m.actors[key] = v
		}
		for key, v := range src.metonyms {
			m.metonyms[key] = v
		}
		for key, v := range src.roles {
			m.roles[key] = v
		}
		for key, v := range src.cameo {
			m.cameo[key] = v
		}
		for key, v := range src.regionNames {
			m.regionNames[key] = v
		}
		for key, v := range src.regionAdjs {
			m.regionAdjs[key] = v
		}
	}
	m.gazetteers = append(append([]*gazetteer(nil), k.gazetteers...), extra.gazetteers...)
	return m
}

// Stats counts the entries of each table, for diagnostics.
func (k *KB) Stats() map[string]int {
	people := 0
	for _, rows := range k.actors {
		if len(rows) > 0 && rows[0].Kind == KindPerson {
			people++
		}
	}
	places := 0
	for _, g := range k.gazetteers {
		places += g.size()
	}
	return map[string]int{
		"countries": len(k.countries), "actor_names": len(k.actors), "person_names": people,
		"metonyms": len(k.metonyms), "role_words": len(k.roles), "cameo_codes": len(k.cameo), "places": places,
	}
}

func (a Actor) String() string {
	if a.Role != "" {
		return fmt.Sprintf("%s (%s, %s)", a.Name, a.Code, a.Role)
	}
	return fmt.Sprintf("%s (%s)", a.Name, a.Code)
}

// Warm loads the embedded gazetteers and builds their spelling-variant
// index now rather than on the first place looked up, so that a caller can
// do it while it loads other things and the first articles do not pay
// for it.
func (k *KB) Warm() {
	for _, g := range k.gazetteers {
		g.ensure()
		g.variants()
	}
}

// EachPlace calls fn for every place of the gazetteers (loading them if
// needed), in gazetteer order. It serves consumers that index the whole
// gazetteer, such as the entity recogniser's training.
func (k *KB) EachPlace(fn func(Place)) {
	for _, g := range k.gazetteers {
		g.ensure()
		for _, p := range g.places {
			fn(p)
		}
	}
}

// EachActor calls fn for every actor row (every role period of a person),
// in name order, so that callers building derived data are deterministic.
func (k *KB) EachActor(fn func(Actor)) {
	keys := make([]string, 0, len(k.actors))
	for key := range k.actors {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		for _, a := range k.actors[key] {
			fn(a)
		}
	}
}

// IsDatelinePlace reports whether name, as a dateline writes it ("PESHAWAR",
// "NEW DELHI"), is a place a story is filed from: a country, a national
// capital, a first-level region or a town of at least 100,000 people. A
// bare "WORD:" opening a story is taken for a dateline only then, so that
// "BOOM:" (a Belgian town of 17,000) stays a kicker.
func (k *KB) IsDatelinePlace(name string) bool {
	for _, p := range k.Places(name) {
		switch p.Feature {
		case FeatureCountry, FeatureCapital, FeatureAdmin1:
			return true
		case FeatureCity:
			if p.Population >= 100000 {
				return true
			}
		}
	}
	return false
}
