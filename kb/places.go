package kb

import (
	"embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// gazetteer holds places and a name index. Embedded gazetteers load
// lazily (load is called once, on first use); extension gazetteers are
// built eagerly.
type gazetteer struct {
	load    func() error
	loaded  sync.Once
	loadErr error

	places []Place
	rank   []float64
	index  map[string][]int32 // Key(name) → places, most prominent first
	ids    map[string]int32

	variant variantIndex // VariantKey(name) → places, built on demand
}

type ranked struct {
	p    Place
	rank float64
}

func sortRanked(r []ranked) {
	sort.SliceStable(r, func(i, j int) bool {
		if r[i].rank != r[j].rank {
			return r[i].rank > r[j].rank
		}
		return r[i].p.ID < r[j].p.ID
	})
}

// embeddedPlaces is about the number of rows of kb/data/places.tsv.gz
// plus regions.tsv; only a capacity hint.
const embeddedPlaces = 225000

// UnpopulatedRegionRank is the prominence of a hand-made region whose
// population is not meaningful (see KB.Places).
const UnpopulatedRegionRank = 1e6

// featureWeight turns population into prominence (see KB.Places).
var featureWeight = map[string]float64{
	FeatureCountry: 10, FeatureCapital: 3, FeatureCity: 1, FeatureRegion: 1, FeatureAdmin1: 0.1, FeatureAdmin2: 0.1,
}

func (g *gazetteer) ensure() {
	g.loaded.Do(func() {
		if g.load != nil {
			g.loadErr = g.load()
		}
	})
	if g.loadErr != nil {
		panic("kb: embedded gazetteer is corrupt: " + g.loadErr.Error())
	}
}

// grow makes room for n more places, so loading the embedded gazetteer
// does not copy its slice and map over and over.
func (g *gazetteer) grow(n int) {
	if g.ids == nil {
		g.ids = make(map[string]int32, n)
	}
	g.places = slices.Grow(g.places, n)
}

func (g *gazetteer) add(p Place) {
	if g.ids == nil {
		g.ids = map[string]int32{}
	}
	p.ASCII = Fold(p.Name)
	g.ids[p.ID] = int32(len(g.places))
	g.places = append(g.places, p)
}

// finish computes ranks and builds the name index.
func (g *gazetteer) finish() {
	g.rank = make([]float64, len(g.places))
	g.index = make(map[string][]int32, len(g.places)+len(g.places)/8)
	for i, p := range g.places {
		w, ok := featureWeight[p.Feature]
		if !ok {
			w = 1
		}
		// +1 keeps places of unknown population ordered by weight.
		g.rank[i] = (float64(p.Population) + 1) * w
		if p.Feature == FeatureRegion && p.Population == 0 {
			// A hand-made area without a meaningful population (a sea,
			// a desert, a base) is listed because the news names it
			// often: it ranks like a large city, as the resolver's
			// prior has it, not below every hamlet of its name.
			g.rank[i] = UnpopulatedRegionRank
		}
		g.indexKey(keyFolded(p.ASCII), int32(i))
		for _, n := range p.AltNames {
			g.indexName(n, int32(i))
		}
		if p.Country == "GB" {
			if short := riverlessName(p.Name); short != "" {
				g.indexName(short, int32(i))
			}
		}
	}
	for _, list := range g.index {
		if len(list) > 1 {
			sortByRank(list, g.rank)
		}
	}
}

// riverlessName is the short name British news gives a town named after
// the water or district it stands on: "Clacton" for Clacton-on-Sea,
// "Stoke" for Stoke-on-Trent, "Barrow" for Barrow-in-Furness, "Weston"
// for Weston-super-Mare. It returns "" for other names.
func riverlessName(name string) string {
	for _, sep := range []string{"-on-", "-upon-", "-super-", "-in-", "-under-", " upon ", " on ", " in "} {
		if i := strings.Index(name, sep); i > 0 {
			short := name[:i]
			if strings.Contains(short, " ") || strings.HasPrefix(short, "City of") {
				return ""
			}
			return short
		}
	}
	return ""
}

// sortByRank orders place indexes by rank, most prominent first.
func sortByRank(list []int32, rank []float64) {
	sort.SliceStable(list, func(a, b int) bool { return rank[list[a]] > rank[list[b]] })
}

// indexName adds place i under the key of name, once.
func (g *gazetteer) indexName(name string, i int32) { g.indexKey(Key(name), i) }

// indexKey adds place i under key, once.
func (g *gazetteer) indexKey(key string, i int32) {
	if key == "" {
		return
	}
	list := g.index[key]
	if n := len(list); n > 0 && list[n-1] == i {
		return
	}
	g.index[key] = append(list, i)
}

func (g *gazetteer) has(key string) bool {
	g.ensure()
	return len(g.index[key]) > 0
}

// places1 returns the places under key, most prominent first.
func (g *gazetteer) places1(key string) []Place {
	list := g.index[key]
	out := make([]Place, len(list))
	for i, j := range list {
		out[i] = g.places[j]
	}
	return out
}

func (g *gazetteer) lookup(key string) []ranked {
	g.ensure()
	list := g.index[key]
	out := make([]ranked, len(list))
	for i, j := range list {
		out[i] = ranked{g.places[j], g.rank[j]}
	}
	return out
}

func (g *gazetteer) byID(id string) (Place, bool) {
	g.ensure()
	i, ok := g.ids[id]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

func (g *gazetteer) size() int {
	g.ensure()
	return len(g.places)
}

// readGzip reads the generated places file: id, name, alternate names,
// lat, lon, population, feature, country, admin1.
func (g *gazetteer) readGzip(file string, fsys embed.FS) error {
	r, err := gzipReader(fsys, "data/places.tsv.gz")
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	defer r.Close()
	g.grow(embeddedPlaces)
	return g.readPlaces(file, r)
}

func (g *gazetteer) readPlaces(file string, r io.Reader) error {
	return readTSVFields(file, r, func(pos pos, f []string) error {
		if len(f) != 9 {
			return fmt.Errorf("%s: want 9 tab-separated fields (id … admin1), got %d", pos, len(f))
		}
		p, err := parsePlace(pos, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8])
		if err != nil {
			return err
		}
		g.add(p)
		return nil
	})
}

func parsePlace(pos pos, id, name, alts, lat, lon, pop, feature, cc, admin1 string) (Place, error) {
	p := Place{ID: id, Name: strings.TrimSpace(name), AltNames: splitList(alts), Feature: feature, Country: cc, Admin1: admin1}
	if p.Name == "" {
		return p, fmt.Errorf("%s: empty place name", pos)
	}
	var err error
	if p.Lat, err = parseFloat(pos, "latitude", lat); err != nil {
		return p, err
	}
	if p.Lon, err = parseFloat(pos, "longitude", lon); err != nil {
		return p, err
	}
	if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
		return p, fmt.Errorf("%s: coordinates %s,%s are off the globe", pos, lat, lon)
	}
	if pop = strings.TrimSpace(pop); pop != "" {
		if p.Population, err = strconv.ParseInt(pop, 10, 64); err != nil || p.Population < 0 {
			return p, fmt.Errorf("%s: population %q is not a whole number", pos, pop)
		}
	}
	if _, ok := featureWeight[p.Feature]; !ok {
		return p, fmt.Errorf("%s: feature %q is not one of country, capital, city, admin1, admin2, region", pos, feature)
	}
	if cc != "" && (len(cc) != 2 || strings.ToUpper(cc) != cc) {
		return p, fmt.Errorf("%s: country %q is not an ISO alpha-2 code", pos, cc)
	}
	return p, nil
}

// addRegionRow parses a hand-made place: name, alternate names, lat, lon,
// population, feature, country (alpha-2, may be empty), admin1.
func (g *gazetteer) addRegionRow(pos pos, f []string) error {
	// country and admin1 may be left out when empty.
	if len(f) < 6 || len(f) > 8 {
		return fmt.Errorf("%s: a place row has 8 fields (name, alternate names, lat, lon, population, feature, country, admin1), got %d", pos, len(f))
	}
	for len(f) < 8 {
		f = append(f, "")
	}
	id := "kb-region:" + slug(f[0])
	if f[6] != "" {
		id += "-" + strings.ToLower(f[6])
	}
	p, err := parsePlace(pos, id, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])
	if err != nil {
		return err
	}
	g.add(p)
	return nil
}

// addAliasRow attaches an alternate name to the place written exactly so
// in a given country, else the most prominent one of that name: alias,
// name, country, and optionally "name" to make the alias the place's
// name. It needs the index, so it runs after finish.
func (g *gazetteer) addAliasRow(pos pos, f []string) error {
	if len(f) == 4 && f[3] != "name" || len(f) != 3 && len(f) != 4 {
		return fmt.Errorf("%s: an alias row has 3 fields (alias, place name, country) and perhaps a fourth, \"name\", got %q", pos, f)
	}
	cands := g.index[Key(f[1])]
	// The place written exactly so first: "Québec" is the city, the
	// province is "Quebec".
	for n, i := range cands {
		if g.places[i].Country == f[2] && g.places[i].Name == f[1] {
			cands = append([]int32{i}, append(append([]int32(nil), cands[:n]...), cands[n+1:]...)...)
			break
		}
	}
	for _, i := range cands {
		if g.places[i].Country != f[2] {
			continue
		}
		if len(f) == 4 {
			// The alias is the name English news uses ("Limerick" for
			// GeoNames' "Luimneach"): it becomes the place's name.
			p := &g.places[i]
			p.AltNames = append(p.AltNames, p.Name)
			p.Name, p.ASCII = f[0], Fold(f[0])
		} else {
			g.places[i].AltNames = append(g.places[i].AltNames, f[0])
		}
		key := Key(f[0])
		list := append(g.index[key], i)
		sort.SliceStable(list, func(a, b int) bool { return g.rank[list[a]] > g.rank[list[b]] })
		g.index[key] = list
		return nil
	}
	return fmt.Errorf("%s: no place %q in country %q to attach alias %q to", pos, f[1], f[2], f[0])
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
