package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dateline/kb"
	"dateline/record"
)

// GDELT 2.0 export
//
// WriteGDELTEvents and WriteGDELTMentions write the two tables of the
// GDELT 2.0 event database as tab-separated lines without a header, in
// the column order of the GDELT 2.0 Event and Mentions codebooks, so
// tools written for GDELT's files read ours. Where dateline knows more or
// less than GDELT, the columns say so as follows:
//
//   - GLOBALEVENTID is a stable hash of the merged event (MergeEvents);
//   - SQLDATE is the event's day (its own date, else the publication day);
//     DATEADDED is the latest publication day among its mentions, at
//     000000, so the output is reproducible;
//   - actor codes are split into country, known group and up to three type
//     codes; ethnic and religion codes are left empty (not coded);
//   - geography comes from the gazetteer: country codes are ISO 3166-1
//     alpha-2, where GDELT uses FIPS 10-4 (they differ for some countries,
//     e.g. Israel IL vs IS); ADM1Code is given for countries and
//     first-level regions;
//   - IsRootEvent is 1 for events in the first three sentences (GDELT: the
//     lead paragraph);
//   - character offsets in the Mentions table count Unicode characters, as
//     GDELT's do, not the bytes of dateline's own evidence;
//   - AvgTone and MentionDocTone come from Tone.

// GDELTEventColumns are the 61 columns of the GDELT 2.0 Event table, in
// order.
var GDELTEventColumns = func() []string {
	cols := []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, f := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
			"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			cols = append(cols, a+f)
		}
	}
	cols = append(cols, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
		"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		for _, f := range []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"} {
			cols = append(cols, g+"_"+f)
		}
	}
	return append(cols, "DATEADDED", "SOURCEURL")
}()

// GDELTMentionColumns are the 16 columns of the GDELT 2.0 Mentions table,
// in order.
var GDELTMentionColumns = []string{"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
	"MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
	"ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
	"MentionDocTranslationInfo", "Extras"}

// WriteGDELTEvents merges the events of docs (MergeEvents, every article
// its own story) and writes one GDELT 2.0 Event line per merged event.
func WriteGDELTEvents(w io.Writer, docs []Document) error {
	return WriteGDELTEventRows(w, docs, MergeEvents(docs, nil))
}

// WriteGDELTMentions merges the events of docs and writes one GDELT 2.0
// Mentions line per mention.
func WriteGDELTMentions(w io.Writer, docs []Document) error {
	return WriteGDELTMentionRows(w, docs, MergeEvents(docs, nil))
}

// WriteGDELTEventRows writes merged events (from MergeEvents over the same
// docs, e.g. with the store's story groups) as GDELT 2.0 Event lines.
func WriteGDELTEventRows(w io.Writer, docs []Document, merged []MergedEvent) error {
	bw := bufio.NewWriter(w)
	g := newGDELTWriter(docs)
	for i := range merged {
		if err := g.checkMentions(&merged[i]); err != nil {
			return err
		}
		writeRow(bw, g.eventRow(&merged[i]))
	}
	return bw.Flush()
}

// WriteGDELTMentionRows writes the mentions of merged events as GDELT 2.0
// Mentions lines.
func WriteGDELTMentionRows(w io.Writer, docs []Document, merged []MergedEvent) error {
	bw := bufio.NewWriter(w)
	g := newGDELTWriter(docs)
	for i := range merged {
		m := &merged[i]
		if err := g.checkMentions(m); err != nil {
			return err
		}
		added := g.dateAdded(m)
		for _, mn := range m.Mentions {
			writeRow(bw, g.mentionRow(m, mn, added))
		}
	}
	return bw.Flush()
}

type gdeltWriter struct {
	docs []Document
	kb   *kb.KB
	tone map[int]float64
}

func newGDELTWriter(docs []Document) *gdeltWriter {
	return &gdeltWriter{docs: docs, kb: kb.Default(), tone: map[int]float64{}}
}

func (g *gdeltWriter) checkMentions(m *MergedEvent) error {
	for _, mn := range m.Mentions {
		if mn.Doc < 0 || mn.Doc >= len(g.docs) {
			return fmt.Errorf("export: merged event %d refers to article %d, but %d articles were given", m.ID, mn.Doc, len(g.docs))
		}
	}
	return nil
}

func (g *gdeltWriter) docTone(i int) float64 {
	t, ok := g.tone[i]
	if !ok {
		t = Tone(g.docs[i].Article.Text)
		g.tone[i] = t
	}
	return t
}

func writeRow(w *bufio.Writer, cols []string) {
	for i, c := range cols {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(clean(c))
	}
	w.WriteByte('\n')
}

// clean keeps a field on one line and in one column.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

func (g *gdeltWriter) eventRow(m *MergedEvent) []string {
	e := m.Event
	d := &g.docs[m.Mentions[0].Doc]
	row := make([]string, 0, len(GDELTEventColumns))
	sql, month, year, frac := "", "", "", ""
	if t, err := time.Parse("2006-01-02", m.Day); err == nil {
		sql, month, year = t.Format("20060102"), t.Format("200601"), t.Format("2006")
		frac = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
	}
	row = append(row, strconv.FormatInt(m.ID, 10), sql, month, year, frac)
	row = append(row, g.actorCols(e.Source)...)
	row = append(row, g.actorCols(e.Target)...)
	root := "0"
	for _, mn := range m.Mentions {
		if mn.Event.Action.Sentence < 3 {
			root = "1"
		}
	}
	base, rootCode := e.CAMEO, e.CAMEO
	if len(e.CAMEO) > 3 {
		base = e.CAMEO[:3]
	}
	if len(e.CAMEO) > 2 {
		rootCode = e.CAMEO[:2]
	}
	var tone float64
	for _, mn := range m.Mentions {
		tone += g.docTone(mn.Doc)
	}
	tone /= float64(len(m.Mentions))
	row = append(row, root, e.CAMEO, base, rootCode, strconv.Itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
		strconv.Itoa(len(m.Mentions)), strconv.Itoa(m.Independent), strconv.Itoa(m.Articles),
		strconv.FormatFloat(tone, 'f', 4, 64))
	row = append(row, g.geoCols(g.actorPlace(d, e.Source))...)
	row = append(row, g.geoCols(g.actorPlace(d, e.Target))...)
	row = append(row, g.geoCols(placeByID(d, e.Place))...)
	row = append(row, g.dateAdded(m), sourceURL(d))
	return row
}

// dateAdded is the latest publication day of the event's mentions.
func (g *gdeltWriter) dateAdded(m *MergedEvent) string {
	latest := ""
	for _, mn := range m.Mentions {
		if p := day(g.docs[mn.Doc].Article.Published); p > latest {
			latest = p
		}
	}
	if latest == "" {
		latest = m.Day
	}
	return stamp(latest, "")
}

// stamp formats a day (and an optional RFC 3339 time) as GDELT's
// YYYYMMDDHHMMSS, or "" when the day is unknown.
func stamp(dayOrTime, full string) string {
	if t, err := time.Parse(time.RFC3339, full); err == nil {
		return t.UTC().Format("20060102150405")
	}
	if t, err := time.Parse("2006-01-02", day(dayOrTime)); err == nil {
		return t.Format("20060102") + "000000"
	}
	return ""
}

func sourceURL(d *Document) string {
	if d.Article.URL != "" {
		return d.Article.URL
	}
	if d.Article.Input != "" {
		return d.Article.Input
	}
	return d.Article.ID
}

// cameoTypes are CAMEO's actor type codes (roles and sectors).
var cameoTypes = setOf("COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD IGO IMG INT MNC NGM NGO UIS PKO SET")

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// actorCols splits an actor's CAMEO code into GDELT's ten actor columns:
// code, name, country, known group, ethnic, two religions, three types.
func (g *gdeltWriter) actorCols(a *record.Actor) []string {
	cols := make([]string, 10)
	if a == nil || a.Code == "" {
		return cols
	}
	code := strings.ToUpper(a.Code)
	cols[0] = code
	cols[1] = strings.ToUpper(strings.Join(strings.Fields(a.Name), " "))
	var types []string
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		switch {
		case i == 0 && !cameoTypes[part]:
			if _, ok := g.kb.CountryByCode(part); ok {
				cols[2] = part
			} else if cols[3] == "" {
				cols[3] = part
			}
		case cameoTypes[part]:
			types = append(types, part)
		case cols[3] == "":
			cols[3] = part // a known group: UNO, HMS, HEZ…
		}
	}
	for i := 0; i < len(types) && i < 3; i++ {
		cols[7+i] = types[i]
	}
	return cols
}

// actorPlace is the place named nearest to an actor's mention in its
// sentence (GDELT's Actor1Geo), or nil.
func (g *gdeltWriter) actorPlace(d *Document, a *record.Actor) *record.Place {
	if a == nil {
		return nil
	}
	var best *record.Place
	bestD := -1
	for i := range d.Records.Places {
		p := &d.Records.Places[i]
		if p.Evidence.Sentence != a.Evidence.Sentence {
			continue
		}
		dist := 0
		switch {
		case p.Evidence.End <= a.Evidence.Start:
			dist = a.Evidence.Start - p.Evidence.End
		case p.Evidence.Start >= a.Evidence.End:
			dist = p.Evidence.Start - a.Evidence.End
		}
		if bestD < 0 || dist < bestD {
			best, bestD = p, dist
		}
	}
	return best
}

func placeByID(d *Document, id string) *record.Place {
	if id == "" {
		return nil
	}
	for i := range d.Records.Places {
		if d.Records.Places[i].ID == id {
			return &d.Records.Places[i]
		}
	}
	return nil
}

// geoCols writes a place as GDELT's eight geography columns; type 0 and
// empty fields when there is none.
func (g *gdeltWriter) geoCols(p *record.Place) []string {
	cols := make([]string, 8)
	cols[0] = "0"
	if p == nil {
		return cols
	}
	feature, id := p.FeatureType, p.GazetteerID
	if feature == kb.FeatureVicinity {
		feature, id = g.vicinityLevel(p)
	}
	cols[0] = geoType(feature, p.Country == "US")
	parts := []string{p.Name}
	if p.Admin1 != "" && p.Admin1 != p.Name && p.FeatureType != kb.FeatureCountry {
		parts = append(parts, p.Admin1)
	}
	if c, ok := g.kb.CountryByCode(p.CountryCode); ok && c.Name != p.Name {
		parts = append(parts, c.Name)
	}
	cols[1] = strings.Join(parts, ", ")
	cols[2] = p.Country
	switch {
	case feature == kb.FeatureCountry:
		cols[3] = p.Country
	case strings.HasPrefix(id, "geonames-admin1:"):
		cols[3] = strings.ReplaceAll(strings.TrimPrefix(id, "geonames-admin1:"), ".", "")
	}
	if p.Lat != 0 || p.Lon != 0 {
		cols[5] = strconv.FormatFloat(p.Lat, 'f', 4, 64)
		cols[6] = strconv.FormatFloat(p.Lon, 'f', 4, 64)
	}
	cols[7] = strings.TrimPrefix(p.GazetteerID, "geonames:")
	return cols
}

// geoType is GDELT's Geo_Type for a gazetteer feature type: 1 a country,
// 2 a US state, 3 a US town, 4 a town elsewhere, 5 a first-level region
// elsewhere.
func geoType(feature string, us bool) string {
	switch feature {
	case kb.FeatureCountry:
		return "1"
	case kb.FeatureAdmin1, kb.FeatureRegion:
		if us {
			return "2"
		}
		return "5"
	}
	if us {
		return "3"
	}
	return "4"
}

// vicinityLevel is the feature type and gazetteer id of the place a
// vicinity record (a name the gazetteer lacks) was put at: the record
// takes that neighbour's point and its evidence rule ends "near <name>",
// so the neighbour is the entry of that name at that point. A name put
// in the middle of a country is known no finer than the country, and
// GDELT's type must say so (type 1, not a town's 4). When the entry is
// not found, a record with no first-level region is taken to be at its
// country's level and any other at a town's.
func (g *gdeltWriter) vicinityLevel(p *record.Place) (feature, id string) {
	if i := strings.LastIndex(p.Evidence.Rule, " near "); i >= 0 {
		for _, c := range g.kb.Places(p.Evidence.Rule[i+len(" near "):]) {
			if c.Country == p.Country && c.Lat == p.Lat && c.Lon == p.Lon {
				return c.Feature, c.ID
			}
		}
	}
	if p.Admin1 == "" {
		return kb.FeatureCountry, ""
	}
	return kb.FeatureCity, ""
}

func (g *gdeltWriter) mentionRow(m *MergedEvent, mn Mention, added string) []string {
	d := &g.docs[mn.Doc]
	e := mn.Event
	text := d.Article.Text
	off := func(ev *record.Evidence) string {
		if ev == nil || ev.Start < 0 || ev.Start > len(text) {
			return "-1"
		}
		return strconv.Itoa(utf8.RuneCountInString(text[:ev.Start]))
	}
	var a1, a2 *record.Evidence
	if e.Source != nil {
		a1 = &e.Source.Evidence
	}
	if e.Target != nil {
		a2 = &e.Target.Evidence
	}
	raw := "1"
	for _, a := range []*record.Actor{e.Source, e.Target} {
		if a != nil && strings.Contains(a.Evidence.Rule, "pronoun") {
			raw = "0"
		}
	}
	mentionType := "1" // WEB
	ident := d.Article.URL
	if ident == "" {
		ident = sourceURL(d)
	}
	return []string{
		strconv.FormatInt(m.ID, 10), added, stamp(d.Article.Published, d.Article.Published), mentionType,
		SourceName(d.Article), ident, strconv.Itoa(e.Action.Sentence + 1),
		off(a1), off(a2), off(&e.Action), raw, strconv.Itoa(Confidence(e)),
		strconv.Itoa(utf8.RuneCountInString(text)), strconv.FormatFloat(g.docTone(mn.Doc), 'f', 4, 64), "", "",
	}
}

// Confidence is a 10–100 score for a coded event, as GDELT's Mentions
// table carries: it starts at 100 and drops for every actor that is
// missing or was guessed (a pronoun's antecedent, the sentence's country,
// the nearest name rather than a parsed argument) and for reported or
// non-actual modality.
func Confidence(e record.Event) int {
	c := 100
	if e.Source == nil {
		c -= 30
	}
	if e.Target == nil {
		c -= 10
	}
	for _, a := range []*record.Actor{e.Source, e.Target} {
		if a == nil {
			continue
		}
		r := a.Evidence.Rule
		if strings.Contains(r, "pronoun") || strings.Contains(r, "sentence-country") ||
			strings.Contains(r, "nearby") || strings.Contains(r, "before") {
			c -= 20
		}
	}
	if e.Modality != record.ModalityActual && e.Modality != "" {
		c -= 10
	}
	if c < 10 {
		c = 10
	}
	return c
}

// Tone words: a small list of dateline's own, for news about politics and
// conflict. Tone is not sentiment analysis; it is the rough balance of
// hopeful and grim vocabulary GDELT's AvgTone measures.
var (
	positiveWords = setOf("agree agreed agreement aid assist assistance benefit calm ceasefire celebrate " +
		"commend cooperate cooperation deal democracy elect elected freed friendly friendship gain good " +
		"grateful help helped hope hopeful improve improved improvement peace peaceful praise praised " +
		"progress promise prosper protect recover recovery reconcile reconciliation release released " +
		"relief rescue rescued resolve resolved safe safety secure stability stable success successful " +
		"support supported thank truce trust welcome welcomed win won")
	negativeWords = setOf("accuse accused aggression assault attack attacked attacks blast bomb bombing " +
		"casualties clash clashes condemn condemned conflict crisis dead death deaths destroy destroyed " +
		"destruction dispute explosion fear fight fighting fire hostage hostages injured invasion kill " +
		"killed killing massacre militant murder offensive protest protests raid refugee refugees riot " +
		"sanction sanctions shelled shelling shot siege bombed raided strike strikes suffer terror terrorist terrorists threat " +
		"threaten threatened violence war wounded")
)

// Tone scores a text from -100 to +100: the share of its words that are
// positive minus the share that are negative, times 100. A text without
// words scores 0.
func Tone(text string) float64 {
	words, pos, neg := 0, 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		lw := strings.ToLower(strings.Trim(w, "'"))
		switch {
		case positiveWords[lw]:
			pos++
		case negativeWords[lw]:
			neg++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(pos-neg) / float64(words) * 100
}
