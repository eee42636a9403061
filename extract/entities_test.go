package extract

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"dateline/article"
	"dateline/kb"
	"dateline/nlp"
	"dateline/record"
)

const seedPath = "../../shared/corpus/seed/000_2cf861e3df7cb574.txt"

// loadSeed reads the seed article through package article (which splits
// off its dateline) and annotates it with the full text engine.
func loadSeed(t testing.TB) (article.Article, *nlp.Doc) {
	t.Helper()
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("seed article ../shared/corpus/seed not available:", err)
	}
	var a article.Article
	var rerr error
	article.ReadFile(context.Background(), seedPath, article.Options{}, func(x article.Article, err error) bool {
		a, rerr = x, err
		return false
	})
	if rerr != nil {
		t.Fatal(rerr)
	}
	a.Published = "2023-10-27"
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	return a, p.Annotate(a.Text)
}

func entityByName(m *Mentions, name string) *record.Entity {
	for i := range m.Entities {
		if m.Entities[i].Name == name {
			return &m.Entities[i]
		}
	}
	return nil
}

func hasMention(e *record.Entity, text string) bool {
	for _, m := range e.Mentions {
		if strings.EqualFold(m.Text, text) {
			return true
		}
	}
	return false
}

func TestSeedEntities(t *testing.T) {
	a, doc := loadSeed(t)
	qs := Quotes(doc, a.ID)
	m := Entities(doc, a.ID, nil, a.Published, qs)
	for _, e := range m.Entities {
		var ms []string
		for _, mn := range e.Mentions {
			ms = append(ms, mn.Text+"/"+mn.Kind)
		}
		why := ""
		if e.CodeWhy != nil {
			why = e.CodeWhy.Rule + " «" + e.CodeWhy.Text + "»"
		}
		t.Logf("%-28s %-12s %-8s role=%q why=%s | %s", e.Name, e.Kind, e.Code, e.Role, why, strings.Join(ms, "; "))
	}
	for _, q := range qs {
		t.Logf("quote speaker=%q entity=%q mention=%q", q.SpeakerName, q.SpeakerEntity, speakerText(&q))
	}
	for _, p := range Places(doc, a.ID, nil, a.DatelinePlace, m) {
		t.Logf("place %-12s %-10s %s %s %.2f,%.2f %q", p.Name, p.Role, p.FeatureType, p.Country, p.Lat, p.Lon, p.Mention)
	}
}

// seedWant are the worked example's entities: name, kind, code and
// mentions that must be grouped with it.
func TestSeedEntitiesWorkedExample(t *testing.T) {
	a, doc := loadSeed(t)
	qs := Quotes(doc, a.ID)
	m := Entities(doc, a.ID, nil, a.Published, qs)
	want := []struct {
		name, kind, code string
		mentions         []string
	}{
		{"Hamas", record.KindOrg, "PSEHMS", []string{"Hamas", "the group"}},
		{"Russia", record.KindPlace, "RUS", []string{"Russia", "Russian", "the country"}},
		{"the Kremlin", record.KindOrg, "RUSGOV", []string{"Kremlin"}},
		{"Dmitry Peskov", record.KindPerson, "RUSGOV", []string{"Dmitry Peskov", "Peskov", "he"}},
		{"Israel", record.KindPlace, "ISR", []string{"Israel", "Israeli"}},
		{"Russian Foreign Ministry", record.KindOrg, "RUSGOV", []string{"Foreign Ministry", "Russian Foreign Ministry"}},
		{"Mousa Mohammed Abu Marzook", record.KindPerson, "PSEHMS", []string{"Mousa Mohammed Abu Marzook"}},
		{"United States", record.KindPlace, "USA", []string{"US"}},
		{"Syria", record.KindPlace, "SYR", []string{"Syria"}},
		{"Gaza Strip", record.KindPlace, "PSE", []string{"Gaza Strip", "the Palestinian enclave"}},
		{"Moscow", record.KindPlace, "RUS", []string{"Moscow", "the Russian capital"}},
	}
	for _, w := range want {
		e := entityByName(m, w.name)
		if e == nil {
			t.Errorf("no entity %q", w.name)
			continue
		}
		if e.Kind != w.kind || e.Code != w.code || e.CodeWhy == nil {
			t.Errorf("%s: kind %q code %q why %v, want %q %q", w.name, e.Kind, e.Code, e.CodeWhy, w.kind, w.code)
		}
		for _, mn := range w.mentions {
			if !hasMention(e, mn) {
				t.Errorf("%s: no mention %q", w.name, mn)
			}
		}
	}
	if e := entityByName(m, "Mousa Mohammed Abu Marzook"); e != nil && !strings.Contains(e.Role, "deputy chairman of Hamas") {
		t.Errorf("Abu Marzook role %q, want the one the text gives", e.Role)
	}
	peskov := entityByName(m, "Dmitry Peskov")
	n := 0
	for _, q := range qs {
		if peskov != nil && q.SpeakerEntity == peskov.ID {
			n++
		}
	}
	if n < 3 {
		t.Errorf("%d quotes linked to Peskov, want at least 3", n)
	}
	// Every mention's evidence covers its text.
	for _, e := range m.Entities {
		for _, mn := range e.Mentions {
			if a.Text[mn.Evidence.Start:mn.Evidence.End] != mn.Text {
				t.Errorf("%s: evidence %d-%d is not %q", e.Name, mn.Evidence.Start, mn.Evidence.End, mn.Text)
			}
		}
	}

	places := Places(doc, a.ID, nil, a.DatelinePlace, m)
	if len(places) == 0 || places[0].Role != record.PlaceDateline || places[0].Name != "Moscow" || places[0].Country != "RU" {
		t.Fatalf("first place %+v, want the dateline Moscow", places)
	}
	seen := map[string]bool{}
	for _, p := range places {
		seen[p.Mention+"→"+p.Name] = true
	}
	for _, w := range []string{"Syria→Syria", "Gaza Strip→Gaza Strip", "the Palestinian enclave→Gaza Strip", "the Russian capital→Moscow", "US→United States"} {
		if !seen[w] {
			t.Errorf("no place %s", w)
		}
	}
}

// annotate runs the full text engine over a short text of the tests.
func annotate(t testing.TB, text string) *nlp.Doc {
	t.Helper()
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p.Annotate(text)
}

func TestEntitiesGrouping(t *testing.T) {
	text := "Regional governor Elena Varga met officials of the Northern Water Authority (NWA) on Monday. " +
		"Varga said the authority had failed. The NWA rejected the claim. " +
		"“We did our job,” its director Paul Okoro said. He added that Hungarian and Romanian engineers would help."
	doc := annotate(t, text)
	qs := Quotes(doc, "t")
	m := Entities(doc, "t", nil, "2024-05-06", qs)
	varga := entityByName(m, "Elena Varga")
	if varga == nil || !hasMention(varga, "Varga") || varga.Kind != record.KindPerson {
		t.Fatalf("Elena Varga = %+v", varga)
	}
	if !strings.Contains(varga.Role, "governor") {
		t.Errorf("Varga role %q", varga.Role)
	}
	nwa := entityByName(m, "Northern Water Authority")
	if nwa == nil || !hasMention(nwa, "NWA") {
		t.Errorf("acronym not grouped: %+v", nwa)
	}
	if len(m.ByToken) != len(doc.Tokens) {
		t.Fatalf("ByToken has %d entries for %d tokens", len(m.ByToken), len(doc.Tokens))
	}
	for i, tok := range doc.Tokens {
		if tok.Text == "Varga" && m.ByToken[i] < 0 {
			t.Errorf("token %d %q not mapped", i, tok.Text)
		}
	}
}

func TestEntitiesRoleLearned(t *testing.T) {
	text := "The delegation was led by the deputy head of the Valley Militia, Omar Haddad, officials said. " +
		"Haddad arrived in Paris on Tuesday."
	k := testKBWithMilitia(t)
	doc := annotate(t, text)
	m := Entities(doc, "t", k, "2031-01-01", nil)
	e := entityByName(m, "Omar Haddad")
	if e == nil {
		t.Fatalf("no Omar Haddad in %+v", m.Entities)
	}
	if e.Code != "SYRREB" || !strings.Contains(e.Role, "deputy head of the Valley Militia") || e.CodeWhy == nil ||
		!strings.Contains(e.CodeWhy.Text, "Valley Militia") || !hasMention(e, "Haddad") {
		t.Errorf("Omar Haddad = %+v (why %+v)", e, e.CodeWhy)
	}
}

func TestCodePhrase(t *testing.T) {
	cases := []struct{ text, phrase, code string }{
		{"Israeli troops entered the town.", "Israeli troops", "ISRMIL"},
		{"The Russian Foreign Ministry summoned the envoy.", "The Russian Foreign Ministry", "RUSGOV"},
		{"Hungarian and Romanian officials met in Szeged.", "Hungarian and Romanian officials", "HUNGOV,ROUGOV"},
		{"Russian officials in Moscow said police arrested two men in Moscow.", "police", "RUSCOP"},
		{"The Kremlin said nothing.", "The Kremlin", "RUSGOV"},
	}
	for _, c := range cases {
		doc := annotate(t, c.text)
		s, e := tokenRange(doc, strings.Index(c.text, c.phrase), strings.Index(c.text, c.phrase)+len(c.phrase))
		code, why, ok := CodePhrase(doc, s, e, nil, "2023-10-27")
		if !ok || code != c.code || why == "" {
			t.Errorf("%q: got %q (%s, %v), want %q", c.phrase, code, why, ok, c.code)
		}
	}
	if _, _, ok := CodePhrase(nil, 0, 1, nil, ""); ok {
		t.Error("nil doc coded")
	}
	doc := annotate(t, "The weather was mild.")
	if code, _, ok := CodePhrase(doc, 1, 2, nil, ""); ok {
		t.Errorf("'weather' coded %q", code)
	}
	if _, _, ok := CodePhrase(doc, 3, 99, nil, ""); ok {
		t.Error("out-of-range span coded")
	}
}

func TestEntitiesBadInput(t *testing.T) {
	if m := Entities(nil, "x", nil, "", nil); m == nil || len(m.Entities) != 0 {
		t.Errorf("nil doc: %+v", m)
	}
	if m := Entities(&nlp.Doc{}, "x", nil, "", nil); len(m.Entities) != 0 {
		t.Errorf("empty doc: %+v", m)
	}
	// Tokens but no sentences, no tags and a stray entity span.
	d := &nlp.Doc{Text: "Peskov spoke", Tokens: []nlp.Token{{Text: "Peskov", Start: 0, End: 6, Head: -1}, {Text: "spoke", Start: 7, End: 12, Head: -1}},
		Ents: []nlp.Span{{Start: 0, End: 1, Label: "PER"}, {Start: 1, End: 9, Label: "ORG"}}}
	m := Entities(d, "x", nil, "not a date", []record.Quote{{Speaker: &record.Evidence{Start: 0, End: 6, Text: "Peskov"}}})
	if len(m.ByToken) != 2 {
		t.Fatalf("ByToken %v", m.ByToken)
	}
	if _, ok := m.ActorAt(-1); ok {
		t.Error("ActorAt(-1) found an actor")
	}
	if _, ok := m.ActorAt(5); ok {
		t.Error("ActorAt past the end found an actor")
	}
	var nilM *Mentions
	if _, ok := nilM.ActorAt(0); ok {
		t.Error("nil Mentions found an actor")
	}
	if ps := Places(nil, "x", nil, "MOSCOW", nil); ps != nil {
		t.Errorf("nil doc places %v", ps)
	}
	if ps := Places(&nlp.Doc{}, "x", nil, "", nil); len(ps) != 0 {
		t.Errorf("empty doc places %v", ps)
	}
}

// testKBWithMilitia extends the kb with an invented armed group, so the
// role test does not depend on real people.
func testKBWithMilitia(t testing.TB) *kb.KB {
	t.Helper()
	extra, err := kb.ReadExtra("test", strings.NewReader("group\tValley Militia\tthe militia\tSYRREB\t\t\tlocal armed group\n"))
	if err != nil {
		t.Fatal(err)
	}
	return kb.Default().Merge(extra)
}

// TestEntitiesDemonymBeforeTitle: the demonym opening a title or standing
// before a body's name says whose official or body it is, even in an
// article mostly about another country.
func TestEntitiesDemonymBeforeTitle(t *testing.T) {
	text := "Officials from Kenya and Tanzania met in Nairobi, the Kenyan Interior Ministry said. " +
		"Kenya hosted the meeting and Kenya paid for it. " +
		"Tanzanian Foreign Minister Juma Mwakasege said the talks were useful."
	m := Entities(annotate(t, text), "t", nil, "2024-01-10", nil)
	if e := entityByName(m, "Juma Mwakasege"); e == nil || e.Code != "TZAGOV" {
		t.Errorf("Juma Mwakasege = %+v, want code TZAGOV", e)
	}
	for _, e := range m.Entities {
		if strings.HasSuffix(e.Name, "Interior Ministry") && e.Code != "KENGOV" {
			t.Errorf("%s coded %q, want KENGOV", e.Name, e.Code)
		}
	}
}

// TestEntitiesBodyNotPlace: in the seed article the recogniser calls
// "Hamas' Political Bureau" a place; a name ending in an institution's
// head word is an organisation (here part of Hamas).
func TestEntitiesBodyNotPlace(t *testing.T) {
	a, doc := loadSeed(t)
	m := Entities(doc, a.ID, nil, "2023-10-27", nil)
	e := entityByName(m, "Political Bureau")
	if e == nil {
		t.Skip("the recogniser did not find the Political Bureau")
	}
	if e.Kind != record.KindOrg || e.Code != "PSEHMS" {
		t.Errorf("Political Bureau = %s %q, want an organisation coded PSEHMS", e.Kind, e.Code)
	}
}

// The speaker entity is the person a speaker mention names, even when the
// parser hangs a nationality adjective of the mention outside it.
func TestSpeakerEntityIsThePersonNotTheNationality(t *testing.T) {
	doc := annotate(t, "Armenian Foreign Minister Ararat Mirzoyan said the talks focused on the return of prisoners.")
	qs := Quotes(doc, "t")
	m := Entities(doc, "t", nil, "2024-03-08", qs)
	if len(qs) != 1 {
		t.Fatalf("%d quotes, want 1", len(qs))
	}
	e := entityByName(m, "Ararat Mirzoyan")
	if e == nil || e.Kind != record.KindPerson {
		t.Fatalf("no person Ararat Mirzoyan in %+v", m.Entities)
	}
	if qs[0].SpeakerEntity != e.ID || qs[0].SpeakerName != "Ararat Mirzoyan" {
		t.Errorf("speaker %q (%s), want Ararat Mirzoyan (%s)", qs[0].SpeakerName, qs[0].SpeakerEntity, e.ID)
	}
}

// A role phrase's noun that ends an organisation named before ("ministry
// spokeswoman" after "the Swiss Foreign Ministry") codes the person with
// that organisation, not with the country the article is most about.
func TestRoleBridgesToTheBodyNamedBefore(t *testing.T) {
	text := "Azerbaijan and Armenia held talks, the Swiss Foreign Ministry said. Azerbaijan sent troops. " +
		"\"Both sides agreed,\" ministry spokeswoman Anna Keller told reporters on Friday."
	doc := annotate(t, text)
	qs := Quotes(doc, "t")
	m := Entities(doc, "t", nil, "2024-03-08", qs)
	e := entityByName(m, "Anna Keller")
	if e == nil {
		t.Fatalf("no entity Anna Keller in %+v", m.Entities)
	}
	if e.Code != "CHEGOV" {
		t.Errorf("Anna Keller coded %q (%+v), want CHEGOV from the Swiss Foreign Ministry", e.Code, e.CodeWhy)
	}
}

// TestHasWordSuffix checks hasWordSuffix against the concatenation it
// replaces.
func TestHasWordSuffix(t *testing.T) {
	words := []string{"", "peskov", "dmitry peskov", "kov", "a peskov", " peskov", "peskov ", "dmitry  peskov"}
	for _, s := range words {
		for _, suf := range words {
			if got, want := hasWordSuffix(s, suf), strings.HasSuffix(" "+s, " "+suf); got != want {
				t.Errorf("hasWordSuffix(%q, %q) = %v, want %v", s, suf, got, want)
			}
		}
	}
}

// TestLastField checks lastField against strings.Fields.
func TestLastField(t *testing.T) {
	for _, s := range []string{"", " ", "Peskov", "Dmitry Peskov", " Dmitry  Peskov ", "Abu\u00a0Marzook", "a\tb\n",
		"Jean-Yves Le Drian", "x \xff", "\u2003lone\u2003", "Ünal Çelik"} {
		f := strings.Fields(s)
		want := ""
		if len(f) > 0 {
			want = f[len(f)-1]
		}
		if last, several := lastField(s); last != want || several != (len(f) > 1) {
			t.Errorf("lastField(%q) = %q, %v; Fields gives %q", s, last, several, f)
		}
	}
}

// A body named without its country belongs to the dateline's country when
// the kb knows one by that name, even if the story names another country
// more often; with no dateline the most named country decides.
func TestBareBodyTakesDatelineCountry(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	const body = "Israel said its troops entered the north. Israeli officials and Israelis in the south waited. " +
		"Citing a source in the Foreign Ministry, Russian media reported that a delegation arrived for talks."
	code := func(dateline string) string {
		_, res := p.Extract(article.Article{ID: "t", Text: body, Published: "2023-10-26", DatelinePlace: dateline})
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				if m.Text == "Foreign Ministry" {
					return e.Code
				}
			}
		}
		return "(no Foreign Ministry entity)"
	}
	if got := code("MOSCOW"); got != "RUSGOV" {
		t.Errorf("dateline MOSCOW: Foreign Ministry coded %s, want RUSGOV", got)
	}
	if got := code(""); got != "ISRGOV" {
		t.Errorf("no dateline: Foreign Ministry coded %s, want ISRGOV (the most named country)", got)
	}
	if got := code("Nowhereville"); got != "ISRGOV" {
		t.Errorf("unknown dateline place: Foreign Ministry coded %s, want ISRGOV", got)
	}
}

// A capitalised or abbreviated title before a name gives the person its
// sector ("Senator", "Sen.", "Judge", "Gen."), with a country when the
// title phrase or the article has one.
func TestTitleBeforeNameCodesPerson(t *testing.T) {
	cases := map[string]struct{ name, code string }{
		"U.S. Senator Jane Doe criticized the strikes.":                     {"Jane Doe", "USALEG"},
		"Sen. Jane Doe of Ohio criticized the strikes.":                     {"Jane Doe", "USALEG"}, // Ohio, a first-level region, places a text that names no country
		"Judge Ann Lee of the U.S. District Court blocked the order.":       {"Ann Lee", "USAJUD"},
		"Gen. Mark Smith said the army was ready, officials in Kenya said.": {"Mark Smith", "KENMIL"},
	}
	checkEntityCodes(t, cases, false)
}

// A body before a title codes the person ("UN envoy X" speaks for the UN),
// and a name's Arabic article joined by a hyphen stays in the name.
func TestTitleAfterBodyAndArabicArticle(t *testing.T) {
	m := Entities(annotate(t, "UN envoy Ramtane Lamamra met army chief Abdel Fattah al-Burhan in Port Sudan on Wednesday."), "t", nil, "2024-06-12", nil)
	got := map[string]string{}
	for _, e := range m.Entities {
		got[e.Name] = e.Code
	}
	if got["Ramtane Lamamra"] != "IGOUNO" {
		t.Errorf("Ramtane Lamamra coded %q, want IGOUNO (entities %v)", got["Ramtane Lamamra"], got)
	}
	if _, ok := got["Abdel Fattah al-Burhan"]; !ok {
		t.Errorf("no entity \"Abdel Fattah al-Burhan\" in %v", got)
	}
	if _, ok := got["Abdel Fattah"]; ok {
		t.Errorf("the name was cut before its article: %v", got)
	}
	m = Entities(annotate(t, "Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, said mediators were busy."), "t", nil, "2023-11-02", nil)
	got = map[string]string{}
	for _, e := range m.Entities {
		got[e.Name] = e.Code
	}
	if got["Mohammed bin Abdulrahman Al Thani"] != "QATGOV" {
		t.Errorf("entities %v, want \"Mohammed bin Abdulrahman Al Thani\" coded QATGOV", got)
	}
}

// A role phrase without a country takes the dateline's ("opposition leader"
// in a Caracas story is Venezuela's even when the text names the United
// States and not Venezuela).
func TestRoleTakesDatelineCountry(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Opposition leader Maria Corina Machado told the crowd that the vote was stolen. The president accused the United States of meddling."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2024-08-03", DatelinePlace: "CARACAS"})
	got := "(no entity)"
	for _, e := range res.Entities {
		if e.Name == "Maria Corina Machado" {
			got = e.Code
		}
	}
	if got != "VENOPP" {
		t.Errorf("Maria Corina Machado coded %q, want VENOPP", got)
	}
}

// "General" after an office is a civilian title, the office deciding
// ("Prosecutor General" is a judicial post, "Auditor General" the
// government's); after a rank it stays military. "Justice" before a name
// is a judge. A country named in two words is not the one its last word
// names ("South Sudan's", not Sudan's).
// A two-word title ("Crown Prince") is a title.
func TestTitleGeneralJusticeAndTwoWordCountry(t *testing.T) {
	cases := map[string]struct{ name, code string }{
		"Kenyan Prosecutor General Amos Otieno dropped the charges.":     {"Amos Otieno", "KENJUD"},
		"Auditor General Mary Wanjiru of Kenya questioned the budget.":   {"Mary Wanjiru", "GOV"},
		"Kenyan Brigadier General Peter Kamau led the convoy.":           {"Peter Kamau", "KENMIL"},
		"Justice Anne Mwangi of Kenya suspended the order.":              {"Anne Mwangi", "JUD"},
		"South Sudan's oil minister, Deng Garang, visited the refinery.": {"Deng Garang", "SSDGOV"},
		"Crown Prince Faisal Omar of Kuwait opened the summit.":          {"Faisal Omar", "GOV"},
		"Zambian opposition leader Mary Tembo condemned the arrests.":    {"Mary Tembo", "ZMBOPP"},
	}
	checkEntityCodes(t, cases, true)
}

// A double-barrelled surname is one name, not a name and a second person
// or place ("Mark Evans-Springfield", "Anna Weber-Hamilton").
func TestHyphenatedSurname(t *testing.T) {
	m := Entities(annotate(t, "The lawyer Mark Evans-Springfield told a court in Nairobi the case was weak. Commissioner Anna Weber-Hamilton met officials in Berlin."), "t", nil, "2024-02-03", nil)
	var names []string
	for _, e := range m.Entities {
		names = append(names, e.Name)
	}
	if !slices.Contains(names, "Mark Evans-Springfield") || !slices.Contains(names, "Anna Weber-Hamilton") || slices.Contains(names, "Hamilton") {
		t.Errorf("entities %q, want Mark Evans-Springfield and Anna Weber-Hamilton as one name each", names)
	}
}

// "CIA Director William Burns" read by the recogniser as one organisation
// is the CIA and a person whose title names it.
func TestBodyTitleNameInOneOrgSpan(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, res := p.Extract(article.Article{ID: "t", Text: "Bahrain's Crown Prince Salman bin Hamad Al Khalifa met CIA Director William Burns in Manama last Tuesday, a Bahraini official said.", Published: "2024-03-03"})
	got := map[string]string{}
	for _, e := range res.Entities {
		got[e.Name] = e.Kind + " " + e.Code
	}
	if got["William Burns"] != "person USASPY" {
		t.Errorf("entities %v, want William Burns a person coded USASPY", got)
	}
}

// A name the recogniser called a location that ends in a security body's
// head word is that body ("Philippine Coast Guard"), coded by its
// demonym ("Philippine") and role ("coast guard" → COP).
func TestLocationNamedBodyIsOrganisation(t *testing.T) {
	m := Entities(annotate(t, "The Philippine Coast Guard said two of its boats were damaged near the reef."), "t", nil, "2024-02-03", nil)
	for _, e := range m.Entities {
		if e.Name == "Philippine Coast Guard" {
			if e.Kind != record.KindOrg || e.Code != "PHLCOP" {
				t.Errorf("Philippine Coast Guard: %s %q, want organisation PHLCOP", e.Kind, e.Code)
			}
			return
		}
	}
	t.Errorf("no entity Philippine Coast Guard in %+v", m.Entities)
}

// A body named by "Department", "Treasury" or "Embassy" is its country's
// government.
func TestDepartmentAndEmbassyAreGovernment(t *testing.T) {
	m := Entities(annotate(t, "The Canadian Treasury Department froze the accounts."), "t", nil, "2024-02-03", nil)
	got := map[string]string{}
	for _, e := range m.Entities {
		got[e.Name] = e.Code
	}
	for name, want := range map[string]string{"Canadian Treasury Department": "CANGOV"} {
		if got[name] != want {
			t.Errorf("%s coded %q, want %s (entities %v)", name, got[name], want, got)
		}
	}
}

// A name ending in a company word is a company even when the recogniser
// calls it a person.
func TestCompanyWordMakesOrganisation(t *testing.T) {
	m := Entities(annotate(t, "Guangzhou-based Longfei Electronics denied selling chips to Iran, and Mark Olsen resigned."), "t", nil, "2024-02-03", nil)
	got := map[string]string{}
	for _, e := range m.Entities {
		got[e.Name] = e.Kind
	}
	if k := got["Longfei Electronics"]; k != record.KindOrg {
		t.Errorf("Longfei Electronics is a %s, want an organisation (entities %v)", k, got)
	}
	if got["Mark Olsen"] != record.KindPerson {
		t.Errorf("Mark Olsen: %q, want a person (entities %v)", got["Mark Olsen"], got)
	}
}

// checkEntityCodes checks, for each text, the code of the entity named
// name (articles published 2024-02-03, no dateline). With anyCountry, a
// wanted code of three letters (a sector) matches it after any country.
func checkEntityCodes(t *testing.T, cases map[string]struct{ name, code string }, anyCountry bool) {
	t.Helper()
	for text, want := range cases {
		m := Entities(annotate(t, text), "t", nil, "2024-02-03", nil)
		got := "(no entity)"
		for _, e := range m.Entities {
			if e.Name == want.name {
				got = e.Code
			}
		}
		ok := got == want.code || anyCountry && len(want.code) == 3 && strings.HasSuffix(got, want.code)
		if !ok {
			t.Errorf("%q: %s coded %q, want %q", text, want.name, got, want.code)
		}
	}
}

// A portfolio before "Minister" and a possessive country open the title
// ("Japan's Health Minister X" is Japan's, whatever the dateline), and a
// country written before a body the kb does not know for that country
// keeps the body there ("the UAE Foreign Ministry" in a Moscow story).
func TestPortfolioTitleAndCountryBeforeBody(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Russia criticised the plan. Japan's Health Minister Kenji Mori said the rules were fair. " +
		"Russia and Russia again. The UAE Foreign Ministry said it had opened an inquiry."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-01-10", DatelinePlace: "MOSCOW"})
	got := map[string]string{}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			got[m.Text] = e.Code
		}
	}
	if got["Kenji Mori"] != "JPNGOV" {
		t.Errorf("Kenji Mori coded %q, want JPNGOV (entities %v)", got["Kenji Mori"], got)
	}
	if got["Foreign Ministry"] != "AREGOV" {
		t.Errorf("the UAE Foreign Ministry not coded AREGOV: %v", got)
	}
}

// "general" before another word of a name is an adjective: the General
// Confederation of Labour is no army, nor is its leader an officer; a
// colonel is one.
func TestGeneralAsAdjectiveIsNotMilitary(t *testing.T) {
	cases := map[string]struct{ name, code string }{
		"The General Workers Confederation of Peru called a strike on Monday.":                                                         {"Workers Confederation", "PERLAB"},
		"\"Workers are paying for this crisis,\" said Julio Ramos, a leader of the General Confederation of Labour, known as the CGT.": {"General Confederation of Labour", "LAB"},
		"Colonel Ibrahim Sow of Mali read the statement on television.":                                                                {"Ibrahim Sow", "MLIMIL"},
	}
	checkEntityCodes(t, cases, false)
}

// A "he" after a woman already called "she" is someone else (the last
// man named), and "X, who said" is spoken by X.
func TestSpeakerPronounGenderAndRelativeWho(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Maria Santos told parliament the budget was balanced. She added that taxes would not rise.\n\n" +
		"Its economics spokesman, Tomas Berg, rejected the plan. \"The figures are invented,\" he said.\n\n" +
		"General Alain Mbeki, who said he led the army, spoke on radio."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-01-10"})
	for _, q := range res.Quotes {
		if strings.Contains(q.Content.Text, "invented") && q.SpeakerName != "Tomas Berg" {
			t.Errorf("%q spoken by %q, want Tomas Berg", q.Content.Text, q.SpeakerName)
		}
		if strings.Contains(q.Content.Text, "led the army") && q.SpeakerName != "Alain Mbeki" {
			t.Errorf("%q spoken by %q, want Alain Mbeki", q.Content.Text, q.SpeakerName)
		}
	}
}

// A "Liberation Army" the kb does not know is a rebel group, and a
// "police official" is police, not government.
func TestLiberationArmyAndPoliceOfficial(t *testing.T) {
	cases := map[string]struct{ name, code string }{
		"The Sindhu Liberation Army in Pakistan said it attacked the convoy.":               {"Sindhu Liberation Army", "PAKREB"},
		"Two men died, said Imran Khattak, a senior police official in Peshawar, Pakistan.": {"Imran Khattak", "PAKCOP"},
	}
	checkEntityCodes(t, cases, false)
}

// An institution's name runs on through "for"/"of (the)" where the
// recogniser cuts it or reads its tail as a place, but not into a country
// ("the Foreign Ministry of Peru"); a labour confederation and its
// leader are labour.
func TestOrgNameRunsOnThroughFor(t *testing.T) {
	cases := map[string]struct{ name, code string }{
		"The International Organization for Migration said 900 people arrived.":                             {"International Organization for Migration", "IGOIOM"},
		"The officers said they acted for the Supreme Committee for the Restoration of Order, a new junta.": {"Supreme Committee for the Restoration of Order", ""},
		"Ana Ruiz, a leader of the National Federation of Labour, called a strike.":                         {"Ana Ruiz", "LAB"},
		"The Foreign Ministry of Peru said the talks failed.":                                               {"Peru", "PER"},
	}
	checkEntityCodes(t, cases, false)
	m := Entities(annotate(t, "The officers said they acted for the Supreme Committee for the Restoration of Order."), "t", nil, "2024-02-03", nil)
	for _, e := range m.Entities {
		if e.Kind == record.KindPlace {
			t.Errorf("place %q in a body's name", e.Name)
		}
	}
}

// An organ's name ("the Board of Governors", "the Secretariat") in a story
// about an international body is that body's, not the dateline country's;
// a national board stays national.
func TestOrganOfInternationalBody(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "The World Health Organization said the outbreak was spreading. " +
		"Its Executive Board will meet on Monday, and the National Board of Health said it was ready."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-01-10", DatelinePlace: "GENEVA"})
	got := map[string]string{}
	for _, e := range res.Entities {
		got[e.Name] = e.Code
	}
	if got["Executive Board"] != "IGOWHO" {
		t.Errorf("Executive Board coded %q, want IGOWHO (%v)", got["Executive Board"], got)
	}
	if c := got["National Board of Health"]; strings.HasPrefix(c, "IGO") {
		t.Errorf("National Board of Health coded %q, an international body", c)
	}
}

// A story filed from an international body's seat that never names the
// seat's country is not about that country: a body without a country
// takes the country the text names most, not the dateline's. When the
// text names the dateline's country, the dateline still decides.
func TestFilingDatelineAtInternationalSeat(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"The African Union suspended Mali on Friday. The Interior Ministry said it regretted the decision, and Mali would appeal.", "MLIGOV"},
		{"The African Union met in Ethiopia on Friday. The Interior Ministry said it regretted the decision, and Mali would appeal. Mali had no comment.", "ETHGOV"},
	} {
		_, res := p.Extract(article.Article{ID: "t", Text: c.text, Published: "2026-01-10", DatelinePlace: "ADDIS ABABA"})
		got := "(none)"
		for _, e := range res.Entities {
			if e.Name == "Interior Ministry" {
				got = e.Code
			}
		}
		if got != c.want {
			t.Errorf("%q: Interior Ministry coded %q, want %s", c.text, got, c.want)
		}
	}
}

// An acronym the text declares for a name, in parentheses or after
// "known as", is that organisation whatever its letters.
func TestDeclaredAcronymJoinsItsName(t *testing.T) {
	for _, text := range []string{
		"The General Confederation of Labour (CGT) called a strike. The CGT said 2,000 workers joined.",
		"The National Union of Teachers, known as the SNE, joined the protest. The SNE said schools were shut.",
	} {
		m := Entities(annotate(t, text), "t", nil, "2026-01-10", nil)
		if len(m.Entities) != 1 {
			var names []string
			for _, e := range m.Entities {
				names = append(names, e.Name)
			}
			t.Errorf("%q: entities %q, want one organisation", text, names)
		}
	}
}

// A role named by its body and no name ("the ministry's spokeswoman",
// "a Hamas official") is a person coded with the body's code; "the
// ministry" is the ministry named before; two indefinite phrases are two
// people, and the body's chief is the person named as its head.
func TestRoleOfBodyIsAPerson(t *testing.T) {
	text := "The Japanese Foreign Ministry said on Sunday that the envoy had left. " +
		"The ministry's spokeswoman said the trip was routine. " +
		"A Hamas official said the offer was under review. Another Hamas official said it had been rejected. " +
		"The head of the World Health Organization, Maria Olsen, spoke on Monday. The organization's chief said cases had fallen."
	doc := annotate(t, text)
	qs := Quotes(doc, "t")
	m := Entities(doc, "t", nil, "2024-03-08", qs)
	byID := map[string]record.Entity{}
	for _, e := range m.Entities {
		byID[e.ID] = e
	}
	speaker := func(cue string) record.Entity {
		for _, q := range qs {
			if strings.Contains(q.Content.Text, cue) {
				return byID[q.SpeakerEntity]
			}
		}
		t.Fatalf("no quote with %q in %+v", cue, qs)
		return record.Entity{}
	}
	if e := speaker("routine"); e.Kind != record.KindPerson || e.Code != "JPNGOV" {
		t.Errorf("the ministry's spokeswoman is %+v, want a JPNGOV person", e)
	}
	a, b := speaker("under review"), speaker("rejected")
	if a.Kind != record.KindPerson || a.Code != "PSEHMS" || b.Code != "PSEHMS" || a.ID == b.ID {
		t.Errorf("Hamas officials are %+v and %+v, want two PSEHMS people", a, b)
	}
	if e := speaker("fallen"); e.Name != "Maria Olsen" {
		t.Errorf("the organization's chief is %+v, want Maria Olsen", e)
	}
	if e := entityByName(m, "Foreign Ministry"); e == nil || e.Code != "JPNGOV" || !hasMention(e, "The ministry") {
		t.Errorf("the ministry not linked to the Foreign Ministry: %+v", m.Entities)
	}
}

// A title the recogniser reads as an organisation before a name
// ("Interior Minister | Omar Haddad") is the person's title: no organisation, and
// the person speaks and carries the title's code.
func TestTitleReadAsOrgBeforeName(t *testing.T) {
	doc := annotate(t, "Interior Minister Omar Haddad said police had made arrests.")
	qs := Quotes(doc, "t")
	m := entities(doc, "t", nil, "2024-03-08", "PRAGUE", qs)
	for _, e := range m.Entities {
		if e.Kind == record.KindOrg {
			t.Errorf("organisation %q from a title", e.Name)
		}
	}
	e := entityByName(m, "Omar Haddad")
	if e == nil || e.Code != "CZEGOV" {
		t.Fatalf("Omar Haddad is %+v, want a CZEGOV person", e)
	}
	if len(qs) != 1 || qs[0].SpeakerEntity != e.ID {
		t.Errorf("quotes %+v, want one spoken by Omar Haddad", qs)
	}
}

// A governor or mayor named without a country governs the place the
// sentence names before the title, not the dateline's country.
func TestGovernorTakesThePlaceNamedBefore(t *testing.T) {
	doc := annotate(t, "In Poland's Lublin province, Governor Anna Wisniewska said two houses were damaged. Mayor Ivan Petrenko said the city was calm.")
	m := entities(doc, "t", nil, "2024-03-08", "KYIV", nil)
	if e := entityByName(m, "Anna Wisniewska"); e == nil || e.Code != "POLGOV" {
		t.Errorf("governor is %+v, want POLGOV", e)
	}
	if e := entityByName(m, "Ivan Petrenko"); e == nil || e.Code != "UKRGOV" {
		t.Errorf("mayor with no place named is %+v, want the dateline's UKRGOV", e)
	}
}

// "al-Qaeda's": a name the recogniser takes without its hyphenated
// Arabic article (and as a person) is the kb's group with it.
func TestArabicArticleBeforeKnownGroup(t *testing.T) {
	checkEntityCodes(t, map[string]struct{ name, code string }{
		"Officials said the cell had ties to al-Qaeda's branch in Yemen.": {"Al-Qaeda", "IMGALQ"},
		"Kataib Hezbollah fighters fired rockets at the base.":            {"Kataib Hezbollah", "IRQREB"},
		"MINUSCA said two of its soldiers were wounded.":                  {"MINUSCA", "IGOUNOPKO"},
	}, false)
	m := Entities(annotate(t, "Officials said the cell had ties to al-Qaeda's branch in Yemen."), "t", nil, "2024-02-03", nil)
	for _, e := range m.Entities {
		if e.Kind == record.KindPerson {
			t.Errorf("person %q in a sentence naming no one", e.Name)
		}
	}
}

// A country's possessive says whose body a name or a common-noun body is:
// "Kenya's Electoral Commission", "Greece's disaster agency EKAV",
// "Vietnam's coast guard" (an organisation, so that it can speak).
func TestCountryPossessiveCodesBody(t *testing.T) {
	checkEntityCodes(t, map[string]struct{ name, code string }{
		"Kenya's Electoral Commission postponed the count.":             {"Electoral Commission", "KENGOV"},
		"Greece's disaster agency EKAV said two villages were flooded.": {"EKAV", "GRCGOV"},
	}, false)
	doc := annotate(t, "Vietnam's coast guard said the trawler had been seized.")
	qs := Quotes(doc, "t")
	m := Entities(doc, "t", nil, "2024-02-03", qs)
	e := entityByName(m, "Vietnam's coast guard")
	if e == nil || e.Kind != record.KindOrg || e.Code != "VNMCOP" {
		t.Fatalf("coast guard is %+v, want a VNMCOP organisation (all: %+v)", e, m.Entities)
	}
	if len(qs) != 1 || qs[0].SpeakerEntity != e.ID {
		t.Errorf("quotes %+v, want one spoken by the coast guard", qs)
	}
}

// "X, who the ministry said ran the network": a relative clause after a
// name is no appositive, and the body in it is not X's.
func TestRelativeClauseIsNoAppositive(t *testing.T) {
	m := Entities(annotate(t, "Officials named Karim Haddad, who Treasury said ran a smuggling network for the group."), "t", nil, "2024-02-03", nil)
	e := entityByName(m, "Karim Haddad")
	if e == nil {
		t.Fatalf("no Karim Haddad in %+v", m.Entities)
	}
	if e.Role != "" || strings.HasSuffix(e.Code, "GOV") {
		t.Errorf("Karim Haddad has role %q, code %q; want none from the relative clause", e.Role, e.Code)
	}
}

// A spokesman named by the bare title speaks for the body named just
// before, not for the dateline's country; an appositive role after a
// name is that person, not someone new.
func TestBareSpokesmanSpeaksForBodyNamedBefore(t *testing.T) {
	doc := annotate(t, "Vietnam's navy said in a statement that the trawler had entered its waters. Spokesman Tran Van Minh said the crew was safe.")
	m := entities(doc, "t", nil, "2024-02-03", "MANILA", Quotes(doc, "t"))
	if e := entityByName(m, "Tran Van Minh"); e == nil || e.Code != "VNMMIL" {
		t.Errorf("spokesman is %+v, want VNMMIL", e)
	}
	doc = annotate(t, "Maria Santos, a spokeswoman for the Philippine Navy, said the boat had left.")
	m = entities(doc, "t", nil, "2024-02-03", "MANILA", Quotes(doc, "t"))
	for _, e := range m.Entities {
		if e.Kind == record.KindPerson && strings.Contains(e.Name, "spokeswoman") {
			t.Errorf("a second person %q for Maria Santos's role", e.Name)
		}
	}
}

// A recognised name ends at its last capitalised word when lower-case
// content words follow it in the span ("the MV Sea Star | for about 30
// minutes"); "Group of 77" keeps its tail.
func TestNameSpanLowerCaseTail(t *testing.T) {
	m := Entities(annotate(t, "The ship fired a water cannon at the MV Sea Star for about 30 minutes, officials said."), "t", nil, "2024-02-03", nil)
	if e := entityByName(m, "MV Sea Star"); e == nil {
		t.Errorf("no entity MV Sea Star in %+v", m.Entities)
	}
	doc := annotate(t, "The Group of 77 met in Havana.")
	if got := trimLowerTail(doc, 1, 4); got != 4 {
		t.Errorf("Group of 77 cut at %d, want 4", got)
	}
}

// A name the recogniser calls a person but ending in a word for a
// natural feature ("Marisa Shoal") is a place.
func TestFeatureNameIsPlace(t *testing.T) {
	m := Entities(annotate(t, "Fishermen were detained near Marisa Shoal on Sunday."), "t", nil, "2024-02-03", nil)
	e := entityByName(m, "Marisa Shoal")
	if e == nil || e.Kind != record.KindPlace {
		t.Errorf("Marisa Shoal is %+v, want a place", e)
	}
}

// A name the recogniser calls an organisation after a role word ("UNICEF
// country director | Graziella Di Marco") is the person holding the role,
// coded with the body that opens the title over lower-case words.
func TestNameAfterRoleIsPerson(t *testing.T) {
	for text, code := range map[string]string{
		"UNICEF country director Graziella Di Marco said schools had closed.": "IGOKID",
		"WHO regional director Francesca La Torre said cases were rising.":    "IGOWHO",
	} {
		m := Entities(annotate(t, text), "t", nil, "2024-02-03", nil)
		var p *record.Entity
		for i := range m.Entities {
			if strings.Contains(m.Entities[i].Name, " ") && m.Entities[i].Kind == record.KindPerson {
				p = &m.Entities[i]
			}
		}
		if p == nil || p.Code != code {
			t.Errorf("%q: person %+v, want one coded %s (all %+v)", text, p, code, m.Entities)
		}
	}
}

// "The head of the UN mission, former minister Anna Berg, urged …": the
// role is the person the appositive names, not a second person.
func TestRoleOfBodyWithAppositiveName(t *testing.T) {
	doc := annotate(t, "The head of the UN mission, former Swedish minister Anna Berg, urged all sides to accept the count.")
	qs := Quotes(doc, "t")
	m := Entities(doc, "t", nil, "2024-02-03", qs)
	e := entityByName(m, "Anna Berg")
	if e == nil {
		t.Fatalf("no Anna Berg in %+v", m.Entities)
	}
	for _, x := range m.Entities {
		if x.Kind == record.KindPerson && x.ID != e.ID {
			t.Errorf("second person %q", x.Name)
		}
	}
	if len(qs) == 0 || qs[0].SpeakerEntity != e.ID {
		t.Errorf("quotes %+v, want Anna Berg speaking", qs)
	}
}

// Roles that are not government: a community leader is a civilian, an
// opposition candidate opposition, "Speaker X" the legislature's.
func TestCommunityLeaderAndCandidate(t *testing.T) {
	checkEntityCodes(t, map[string]struct{ name, code string }{
		"\"We are afraid,\" said Omar Sall, a community leader in Kidal.":      {"Omar Sall", "CVL"},
		"Opposition candidate Ruth Mbeki won 40% of the vote in the district.": {"Ruth Mbeki", "OPP"},
		"Speaker Lena Holm said the chamber would vote on Tuesday.":            {"Lena Holm", "LEG"},
	}, true)
}

// "the Greek ministry" is the Greek body named before whose name ends in
// "Ministry", not another country's; and "the Greek Foreign Ministry" is
// not merged into the Turkish one the kb knows.
func TestDefiniteBodyWithDemonym(t *testing.T) {
	text := "The Greek Foreign Ministry said the talks had stalled. The Turkish Foreign Ministry said it was ready. " +
		"The Greek ministry added that a delegation would travel on Monday."
	m := Entities(annotate(t, text), "t", nil, "2024-02-03", nil)
	for _, e := range m.Entities {
		if hasMention(&e, "The Greek ministry") {
			if e.Code != "GRCGOV" {
				t.Errorf("the Greek ministry linked to %q (%s)", e.Name, e.Code)
			}
			return
		}
	}
	t.Errorf("the Greek ministry linked to nothing: %+v", m.Entities)
}

// "the country" is not one of a list of countries named just before
// ("France and Britain abstained … the north of the country").
func TestTheCountryIsNotOneOfAList(t *testing.T) {
	text := "Mali asked the force to leave. The council agreed, with France and Britain abstaining. Troops will leave bases in the north of the country by March."
	m := Entities(annotate(t, text), "t", nil, "2024-02-03", nil)
	for _, e := range m.Entities {
		if hasMention(&e, "the country") && e.Name != "Mali" {
			t.Errorf("the country is %q, want Mali", e.Name)
		}
	}
}

// An institution's name runs on through "on" ("the National Commission on
// Human Rights"), but not into a weekday ("the commission on Tuesday").
func TestOrgNameRunsOnThroughOn(t *testing.T) {
	m := Entities(annotate(t, "The Nepal National Commission on Human Rights said two people were shot. The Election Commission on Tuesday said turnout was high."), "t", nil, "2024-02-03", nil)
	if e := entityByName(m, "Nepal National Commission on Human Rights"); e == nil {
		t.Errorf("name cut before \"on\": %+v", m.Entities)
	}
	for _, e := range m.Entities {
		if strings.Contains(e.Name, "Tuesday") {
			t.Errorf("name %q runs into a weekday", e.Name)
		}
	}
}

// extracted runs the whole pipeline over a (ID "t") and returns its
// records.
func extracted(t *testing.T, a article.Article) record.Result {
	t.Helper()
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.ID = "t"
	_, res := p.Extract(a)
	return res
}

// wantEntityCode checks that the entity named name in res has the code.
func wantEntityCode(t *testing.T, res record.Result, name, code string) {
	t.Helper()
	for _, e := range res.Entities {
		if e.Name == name {
			if e.Code != code {
				t.Errorf("%s coded %q (role %q), want %s", name, e.Code, e.Role, code)
			}
			return
		}
	}
	t.Errorf("no entity %s in %+v", name, res.Entities)
}

// A business title of several words before a name is read whole: a
// "Chief Financial Officer" is in business (BUS), not a military officer.
func TestLongBusinessTitle(t *testing.T) {
	res := extracted(t, article.Article{Published: "2023-11-01", DatelinePlace: "TOKYO",
		Text: "The carmaker's profit rose in the quarter. Chief Financial Officer Kenji Sato told a news conference that sales in Japan had recovered."})
	wantEntityCode(t, res, "Kenji Sato", "JPNBUS")
}

// A company named later without its legal form is the same entity.
func TestCompanyWithoutLegalForm(t *testing.T) {
	res := extracted(t, article.Article{Published: "2023-11-01",
		Text: "Nakamura Steel Corp said on Tuesday its profit rose. Shares of Nakamura Steel closed higher in Osaka."})
	for _, e := range res.Entities {
		if e.Name == "Nakamura Steel" {
			t.Errorf("Nakamura Steel is an entity of its own: %+v", res.Entities)
		}
	}
}

// An appositive before a title and a name gives the role and its
// country: "the Sudanese army's commander, Gen. X" in a Washington story
// is Sudan's military, not the dateline's.
func TestAppositiveBeforeTitle(t *testing.T) {
	res := extracted(t, article.Article{Published: "2024-04-16", DatelinePlace: "WASHINGTON",
		Text: "The United States will send more aid. The Sudanese army's commander, Gen. Omar Hassan, has rejected calls for a ceasefire."})
	wantEntityCode(t, res, "Omar Hassan", "SDNMIL")
}

// A spokesman speaks for the body named nearest before the title, even
// one the kb does not know; he does not borrow an earlier body's code.
func TestSpokesmanOfUnknownBody(t *testing.T) {
	res := extracted(t, article.Article{Published: "2024-01-31", DatelinePlace: "ISLAMABAD",
		Text: "A Pakistani court on Wednesday sentenced former Prime Minister Imran Khan to 10 years in prison, his party said.\n\n" +
			"His lawyer, Salman Safdar, said they would appeal to the Islamabad High Court.\n\n" +
			"Pakistan Tehreek-e-Khidmat (PTK) spokesman Zulfi Bukhari said the verdict was \"a direct attack on democracy.\""})
	found := false
	for _, e := range res.Entities {
		if e.Name == "Zulfi Bukhari" {
			found = true
			if strings.HasSuffix(e.Code, "JUD") {
				t.Errorf("Zulfi Bukhari coded %q after the court named before", e.Code)
			}
		}
	}
	if !found {
		t.Errorf("no entity Zulfi Bukhari in %+v", res.Entities)
	}
}

// A name before a common-noun head modifies it: the speaker "a senior
// Biden administration official" is not Biden.
func TestNameModifyingSpeakerIsNotTheSpeaker(t *testing.T) {
	res := extracted(t, article.Article{Published: "2023-12-20",
		Text: "Venezuela released 10 prisoners on Wednesday.\n\nAccording to a senior Biden administration official, six of the freed prisoners had been wrongfully detained."})
	found := false
	for _, q := range res.Quotes {
		if q.Cue != nil && q.Cue.Text == "According to" {
			found = true
			if q.SpeakerName == "Joe Biden" {
				t.Errorf("speaker %q linked to Joe Biden", q.Speaker.Text)
			}
		}
	}
	if !found {
		t.Errorf("no according-to quote in %+v", res.Quotes)
	}
}

// A name ending in an institution's word is no person, whatever the
// recogniser said ("Albany Medical Center" read as PER in a longer text).
func TestInstitutionHeadIsNoPerson(t *testing.T) {
	for _, name := range []string{"Albany Medical Center", "Mercy Hospital", "Lincoln High School"} {
		doc := withSpan(t, "Two people were taken to "+name+" after the crash, police said.", name, "PER")
		for _, en := range Entities(doc, "t", nil, "2024-03-08", nil).Entities {
			if en.Name == name && en.Kind == record.KindPerson {
				t.Errorf("%s is a person", name)
			}
		}
	}
}

// A role without a country takes the dateline's country as the place
// resolver reads the dateline: "ATHENS, Ga." is in the United States.
func TestRoleTakesQualifiedDatelineCountry(t *testing.T) {
	res := extracted(t, article.Article{Text: "Police Chief Mark Hensley said about 40 homes were flooded.", Published: "2024-03-08", DatelinePlace: "ATHENS, Ga."})
	wantEntityCode(t, res, "Mark Hensley", "USACOP")
}

// National police forces the kb knows by their own names.
func TestPoliceForcesCoded(t *testing.T) {
	res := extracted(t, article.Article{Text: "Gardaí said they were not treating the death as suspicious. The Royal Canadian Mounted Police and the Metropolitan Police declined to comment.", Published: "2024-03-08"})
	wantEntityCode(t, res, "Garda Síochána", "IRLCOP")
	wantEntityCode(t, res, "Royal Canadian Mounted Police", "CANCOP")
	wantEntityCode(t, res, "Metropolitan Police", "GBRCOP")
}

// Utilities and services read as people are bodies; a named wildfire is
// no entity; state agencies the kb knows are coded.
func TestServiceWaterFireNames(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"A water main break cut service to 2,000 homes, Halifax Water said on Wednesday.", "Halifax Water"},
		{"More than 400 firefighters were at work, the New South Wales Rural Fire Service said.", "Rural Fire Service"},
	} {
		doc := withSpan(t, c.text, c.name, "PER")
		for _, en := range Entities(doc, "t", nil, "2024-03-08", nil).Entities {
			if en.Kind == record.KindPerson {
				t.Errorf("%q: %s is a person", c.text, en.Name)
			}
		}
	}
	doc := withSpan(t, "The blaze, named the Ridge Fire, had burned 6,200 acres by Sunday evening.", "Ridge Fire", "PER")
	if es := Entities(doc, "t", nil, "2024-03-08", nil).Entities; len(es) != 0 {
		t.Errorf("the Ridge Fire gave entities %+v", es)
	}
	res := extracted(t, article.Article{Text: "Cal Fire said the blaze was 5 percent contained.", Published: "2024-03-08"})
	wantEntityCode(t, res, "California Department of Forestry and Fire Protection", "USAGOV")
}

// A surname the kb knows for a famous person, after another first name,
// is someone else; after a title or alone it is still the kb person.
func TestSurnameAfterOtherFirstName(t *testing.T) {
	res := extracted(t, article.Article{Text: "\"It's devastating for these families,\" said Madison County Mayor Jimmy Harris.", Published: "2024-03-08"})
	for _, e := range res.Entities {
		if e.Name == "Kamala Harris" {
			t.Errorf("Jimmy Harris linked to %s (%s)", e.Name, e.Code)
		}
	}
	res = extracted(t, article.Article{Text: "Harris said the plan would help families. Vice President Harris spoke in Atlanta.", Published: "2024-03-08"})
	found := false
	for _, e := range res.Entities {
		if e.Name == "Kamala Harris" {
			found = true
		}
	}
	if !found {
		t.Errorf("Harris alone is no longer Kamala Harris: %+v", res.Entities)
	}
}

// A named storm is no actor.
func TestStormIsNoEntity(t *testing.T) {
	res := extracted(t, article.Article{Text: "Typhoon Kristine left more than 12,000 families homeless after it tore through northern Luzon. Hurricane Milton is expected to weaken.", Published: "2024-10-24"})
	for _, e := range res.Entities {
		if strings.Contains(e.Name, "Kristine") || strings.Contains(e.Name, "Milton") {
			t.Errorf("entity %q (%s, %s)", e.Name, e.Kind, e.Code)
		}
	}
}
