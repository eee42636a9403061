package kb

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

//go:embed data/*.tsv data/places.tsv.gz
var dataFS embed.FS

// Sectors lists the sector (role/type) segments dateline's actor codes use:
// CAMEO's type codes plus PTY for political parties. NGO and IGO are also
// first segments; after a country they mean a national NGO ("USANGO").
var Sectors = map[string]string{
	"GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
	"JUD": "judiciary", "LEG": "legislature", "PTY": "political party", "SPY": "intelligence",
	"INS": "insurgents", "SEP": "separatists", "UAF": "unaligned armed forces", "CVL": "civilians",
	"REF": "refugees", "MED": "media", "BUS": "business", "LAB": "labour", "EDU": "education",
	"HLH": "health", "HRI": "human rights", "ELI": "elites", "CRM": "criminals", "AGR": "agriculture",
	"DEV": "development", "ENV": "environment", "REL": "religion", "MOD": "moderate", "RAD": "radical",
	"PKO": "peacekeepers", "SET": "settlers", "UIS": "unidentified state actor", "NGM": "movement",
	"NGO": "non-governmental organisation", "IGO": "intergovernmental organisation",
}

// transnational first segments that are not countries.
var transnational = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "INT": true, "UIS": true}

var codeRE = regexp.MustCompile(`^(?:[A-Z]{3})+$`)

// splitCode checks a CAMEO-style actor code and splits it into country,
// group and sector segments (see the package doc).
func splitCode(code string) (country, group, sector string, err error) {
	if !codeRE.MatchString(code) {
		return "", "", "", fmt.Errorf("actor code %q is not a chain of three capital letters", code)
	}
	country = code[:3]
	for i := 3; i < len(code); i += 3 {
		seg := code[i : i+3]
		if _, ok := Sectors[seg]; ok {
			if sector != "" {
				sector += seg
			} else {
				sector = seg
			}
		} else if group == "" {
			group = seg
		} else {
			return "", "", "", fmt.Errorf("actor code %q has two group segments (%s, %s)", code, group, seg)
		}
	}
	return country, group, sector, nil
}

func loadEmbedded() (*KB, error) {
	k := newKB()
	read := func(name string, fn func(file string, r io.Reader) error) error {
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			return err
		}
		return fn("kb/data/"+name, bytes.NewReader(b))
	}
	if err := read("countries.tsv", k.readCountries); err != nil {
		return nil, err
	}
	if err := read("country_extra.tsv", k.readCountryExtra); err != nil {
		return nil, err
	}
	if err := read("actors.tsv", func(f string, r io.Reader) error { return k.readRecords(f, r, false) }); err != nil {
		return nil, err
	}
	if err := read("roles.tsv", func(f string, r io.Reader) error { return k.readRecords(f, r, false) }); err != nil {
		return nil, err
	}
	if err := read("cameo.tsv", k.readCAMEO); err != nil {
		return nil, err
	}
	if err := read("actor_regions.tsv", k.readRegionActors); err != nil {
		return nil, err
	}
	g := &gazetteer{}
	g.load = func() error {
		if err := g.readGzip("kb/data/places.tsv.gz", dataFS); err != nil {
			return err
		}
		b, err := dataFS.ReadFile("data/regions.tsv")
		if err != nil {
			return err
		}
		if err := readTSV("kb/data/regions.tsv", bytes.NewReader(b), func(pos pos, f []string) error {
			return g.addRegionRow(pos, f)
		}); err != nil {
			return err
		}
		// Country rows carry only the common name; give them every
		// country name and alias too ("U.S.", "Britain", "DRC", "Turkey").
		// The country table is also the authority for where a country
		// is (its representative point, see kb/gen).
		for _, c := range k.countries {
			if i, ok := g.ids["iso3166:"+c.Alpha2]; ok {
				p := &g.places[i]
				p.Lat, p.Lon = c.Lat, c.Lon
				for _, n := range append([]string{c.Official}, c.Aliases...) {
					if n != "" && n != p.Name {
						p.AltNames = append(p.AltNames, n)
					}
				}
			}
		}
		g.finish()
		b, err = dataFS.ReadFile("data/place_aliases.tsv")
		if err != nil {
			return err
		}
		return readTSV("kb/data/place_aliases.tsv", bytes.NewReader(b), g.addAliasRow)
	}
	k.gazetteers = []*gazetteer{g}
	return k, nil
}

// pos is a file:line position for error messages; it is formatted only
// when an error is reported, which keeps loading the gazetteer fast.
type pos struct {
	file string
	line int
}

func (p pos) String() string { return fmt.Sprintf("%s:%d", p.file, p.line) }

// readTSV calls fn for every non-blank, non-comment line of a
// tab-separated file, with its position for error messages.
func readTSV(file string, r io.Reader, fn func(at pos, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(pos{file, line}, strings.Split(t, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	return nil
}

// readTSVFields is readTSV for large files: fn gets a fields slice that
// is reused for the next line, so it must not keep the slice (the strings
// in it are its own).
func readTSVFields(file string, r io.Reader, fn func(at pos, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	var fields []string
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		fields = fields[:0]
		for {
			i := strings.IndexByte(t, '\t')
			if i < 0 {
				fields = append(fields, t)
				break
			}
			fields = append(fields, t[:i])
			t = t[i+1:]
		}
		if err := fn(pos{file, line}, fields); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseFloat(pos pos, what, s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %s %q is not a number", pos, what, s)
	}
	return f, nil
}

func (k *KB) readCountries(file string, r io.Reader) error {
	return readTSV(file, r, func(pos pos, f []string) error {
		if len(f) != 10 {
			return fmt.Errorf("%s: want 10 tab-separated fields (alpha2 … lon), got %d", pos, len(f))
		}
		lat, err := parseFloat(pos, "latitude", f[8])
		if err != nil {
			return err
		}
		lon, err := parseFloat(pos, "longitude", f[9])
		if err != nil {
			return err
		}
		c := Country{Alpha2: f[0], Alpha3: f[1], CAMEO: f[2], Name: f[3], Official: f[4],
			Aliases: splitList(f[5]), Capital: f[7], Lat: lat, Lon: lon}
		for _, d := range splitList(f[6]) {
			c.Demonyms = appendUnique(c.Demonyms, d)
			if p := pluralDemonym(d); p != "" {
				c.Demonyms = appendUnique(c.Demonyms, p)
			}
		}
		k.addCountry(c)
		return nil
	})
}

// pluralDemonym makes the plural noun of a demonym where English has one
// by adding -s ("Israeli" → "Israelis", "Russian" → "Russians"); words in
// -ese, -ish, -ch, -ss have none ("Chinese", "British", "French", "Swiss").
func pluralDemonym(d string) string {
	l := strings.ToLower(d)
	if strings.HasSuffix(l, "ese") || strings.HasSuffix(l, "s") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") {
		return ""
	}
	last := l[len(l)-1]
	if last == 'n' || last == 'i' || last == 'o' || last == 'a' || last == 'e' || last == 'k' || last == 'r' {
		return d + "s"
	}
	return ""
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func (k *KB) addCountry(c Country) {
	i := len(k.countries)
	k.countries = append(k.countries, c)
	k.indexCountry(i)
}

func (k *KB) indexCountry(i int) {
	c := k.countries[i]
	for _, n := range append([]string{c.Name, c.Official}, c.Aliases...) {
		if n != "" {
			k.byName[Key(n)] = i
		}
	}
	for _, d := range c.Demonyms {
		k.byDemonym[Key(d)] = i
	}
	for _, code := range []string{c.Alpha2, c.Alpha3, c.CAMEO} {
		if code != "" {
			k.byCode[strings.ToUpper(code)] = i
		}
	}
}

// readCountryExtra adds hand-made aliases and demonyms to known countries:
// alpha2 <TAB> aliases (|-separated) <TAB> demonyms (|-separated).
func (k *KB) readCountryExtra(file string, r io.Reader) error {
	return readTSV(file, r, func(pos pos, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("%s: want 3 tab-separated fields (alpha2, aliases, demonyms), got %d", pos, len(f))
		}
		i, ok := k.byCode[strings.ToUpper(f[0])]
		if !ok {
			return fmt.Errorf("%s: unknown country code %q", pos, f[0])
		}
		// Index only what this row adds, so that a shared demonym
		// ("Congolese", "Indian") goes to the country a row names last.
		c := &k.countries[i]
		for _, a := range splitList(f[1]) {
			c.Aliases = appendUnique(c.Aliases, a)
			k.byName[Key(a)] = i
		}
		for _, d := range splitList(f[2]) {
			c.Demonyms = appendUnique(c.Demonyms, d)
			k.byDemonym[Key(d)] = i
		}
		return nil
	})
}

// readRegionActors reads kb/data/actor_regions.tsv: a CAMEO region code,
// the region's names and the adjectives and nouns for its people.
func (k *KB) readRegionActors(file string, r io.Reader) error {
	return readTSV(file, r, func(pos pos, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("%s: want 3 tab-separated fields (code, names, adjectives), got %d", pos, len(f))
		}
		if len(f[0]) != 3 || strings.ToUpper(f[0]) != f[0] {
			return fmt.Errorf("%s: region code %q is not three capital letters", pos, f[0])
		}
		for _, n := range splitList(f[1]) {
			k.regionNames[Key(n)] = f[0]
		}
		for _, a := range splitList(f[2]) {
			k.regionAdjs[Key(a)] = f[0]
		}
		return nil
	})
}

func (k *KB) readCAMEO(file string, r io.Reader) error {
	return readTSV(file, r, func(pos pos, f []string) error {
		if len(f) != 6 {
			return fmt.Errorf("%s: want 6 tab-separated fields (code, name, goldstein, quadclass, plover, mode), got %d", pos, len(f))
		}
		g, err := parseFloat(pos, "Goldstein value", f[2])
		if err != nil {
			return err
		}
		q, err := strconv.Atoi(f[3])
		if err != nil || q < 1 || q > 4 {
			return fmt.Errorf("%s: QuadClass %q is not 1-4", pos, f[3])
		}
		k.cameo[f[0]] = EventType{Code: f[0], Name: f[1], Goldstein: g, QuadClass: q, PLOVER: f[4], Mode: f[5]}
		return nil
	})
}

// validDate accepts a real calendar date written YYYY, YYYY-MM or
// YYYY-MM-DD.
func validDate(d string) bool {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(d)]
	if layout == "" {
		return false
	}
	_, err := time.Parse(layout, d)
	return err == nil
}

// readRecords reads the record format shared by kb/data/actors.tsv,
// kb/data/roles.tsv and user extension files (see LoadExtra). allowPlaces
// says whether "place" rows are accepted.
func (k *KB) readRecords(file string, r io.Reader, allowPlaces bool) error {
	var g *gazetteer
	err := readTSV(file, r, func(pos pos, f []string) error {
		kind := strings.TrimSpace(f[0])
		switch kind {
		case KindPerson, KindOrg, KindGroup, KindBody, KindMetonym:
			return k.addActorRow(pos, f)
		case "role":
			if len(f) != 3 {
				return fmt.Errorf("%s: a role row has 3 fields (role, word, sector), got %d", pos, len(f))
			}
			if _, ok := Sectors[f[2]]; !ok {
				return fmt.Errorf("%s: unknown sector %q (see kb.Sectors)", pos, f[2])
			}
			k.roles[Key(f[1])] = f[2]
			return nil
		case "place":
			if !allowPlaces {
				return fmt.Errorf("%s: place rows belong in a places file or an extension file", pos)
			}
			if g == nil {
				g = &gazetteer{}
			}
			return g.addRegionRow(pos, f[1:])
		default:
			return fmt.Errorf("%s: unknown row kind %q (want person, org, group, body, metonym, role or place)", pos, kind)
		}
	})
	if err != nil {
		return err
	}
	if g != nil {
		g.finish()
		g.loaded.Do(func() {})
		k.gazetteers = append(k.gazetteers, g)
	}
	return nil
}

// addActorRow parses kind, name, aliases, code, from, to, role.
func (k *KB) addActorRow(pos pos, f []string) error {
	// Trailing empty fields (from, to, role) may be left out.
	if len(f) < 4 || len(f) > 7 {
		return fmt.Errorf("%s: an actor row has 7 fields (kind, name, aliases, code, from, to, role), got %d", pos, len(f))
	}
	for len(f) < 7 {
		f = append(f, "")
	}
	a := Actor{Kind: f[0], Name: strings.TrimSpace(f[1]), Aliases: splitList(f[2]), Code: strings.TrimSpace(f[3]),
		From: strings.TrimSpace(f[4]), To: strings.TrimSpace(f[5]), Role: strings.TrimSpace(f[6])}
	if a.Name == "" {
		return fmt.Errorf("%s: empty actor name", pos)
	}
	var err error
	if a.Country, a.Group, a.Sector, err = splitCode(a.Code); err != nil {
		return fmt.Errorf("%s: %w", pos, err)
	}
	for _, d := range []string{a.From, a.To} {
		if d != "" && !validDate(d) {
			return fmt.Errorf("%s: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", pos, d)
		}
	}
	if a.From != "" && a.To != "" && a.To <= a.From {
		return fmt.Errorf("%s: role ends (%s) before it starts (%s)", pos, a.To, a.From)
	}
	seen := map[string]bool{}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		// "Pedro Sanchez" and "Pedro Sánchez" share a key; index it once.
		key := Key(n)
		if seen[key] {
			continue
		}
		seen[key] = true
		if a.Kind == KindMetonym {
			k.metonyms[key] = a
			continue
		}
		rows := k.actors[key]
		// A different entity under the same name replaces the old one
		// (that is how extension files override); more role periods of
		// the same entity are kept in date order.
		if len(rows) > 0 && rows[0].Name != a.Name {
			rows = nil
		}
		rows = append(rows, a)
		sortRoles(rows)
		k.actors[key] = rows
	}
	return nil
}

func sortRoles(rows []Actor) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rows[j].From < rows[j-1].From; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

// gzipReader opens a gzip file from an fs.
func gzipReader(fsys embed.FS, name string) (io.ReadCloser, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}
