package extract

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"dateline/article"
	"dateline/kb"
	"dateline/nlp"
	"dateline/record"
)

var (
	evEngineOnce sync.Once
	evEngine     *nlp.Pipeline
	evEngineErr  error
)

// eventsOf runs the embedded text engine, quotes, times and the event
// coder over text.
func eventsOf(t testing.TB, text, published string) []record.Event {
	t.Helper()
	evEngineOnce.Do(func() { evEngine, evEngineErr = nlp.Default() })
	if evEngineErr != nil {
		t.Fatalf("loading the text engine: %v", evEngineErr)
	}
	doc := evEngine.Annotate(text)
	qs := Quotes(doc, "t")
	return Events(doc, EventInput{ArticleID: "t", Published: published, Quotes: qs, Times: Times(doc, "t", publishedTime(published))})
}

func actorCode(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// eventsWithAction returns the events among evs whose action reads action,
// failing the test when there is none.
func eventsWithAction(t *testing.T, evs []record.Event, action string) []record.Event {
	t.Helper()
	var out []record.Event
	for _, e := range evs {
		if e.Action.Text == action {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		t.Errorf("no event for %q in %+v", action, evs)
	}
	return out
}

// TestEventModality runs the sentences of testdata/events-modality.tsv:
// each must yield an event with the listed code (or root), polarity,
// modality and actors, or no event at all.
func TestEventModality(t *testing.T) {
	f, err := os.Open("testdata/events-modality.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, line := 0, 0
	for sc.Scan() {
		line++
		row := sc.Text()
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		c := strings.Split(row, "\t")
		if len(c) != 6 {
			t.Fatalf("line %d: want 6 fields, got %d", line, len(c))
		}
		n++
		evs := eventsOf(t, c[0], "2024-03-01")
		if c[1] == "none" {
			if len(evs) > 0 {
				t.Errorf("line %d %q: want no event, got %s %s→%s", line, c[0], evs[0].CAMEO, actorCode(evs[0].Source), actorCode(evs[0].Target))
			}
			continue
		}
		ok := false
		var got []string
		for _, e := range evs {
			got = append(got, e.CAMEO+" "+e.Polarity+"/"+e.Modality+" "+actorCode(e.Source)+"→"+actorCode(e.Target))
			if !strings.HasPrefix(e.CAMEO, c[1]) || e.Polarity != c[2] {
				continue
			}
			mod := e.Modality
			if mod == record.ModalityReported {
				mod = record.ModalityActual
			}
			if mod != c[3] {
				continue
			}
			if c[4] != "-" && !strings.HasPrefix(actorCode(e.Source), c[4]) {
				continue
			}
			if c[5] != "-" && !strings.HasPrefix(actorCode(e.Target), c[5]) {
				continue
			}
			ok = true
		}
		if !ok {
			t.Errorf("line %d %q: want %s %s/%s %s→%s, got %v", line, c[0], c[1], c[2], c[3], c[4], c[5], got)
		}
	}
	if n < 60 {
		t.Errorf("only %d cases; the suite should have at least 60", n)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	cases := map[string]string{
		"v:attack\n":                     "user.tsv:1: want at least 2",
		"# ok\nv:attack\t19x\n":          "user.tsv:2: CAMEO code \"19x\" must be 2 to 4 digits",
		"v:attack\t190\n\nthe\t190\n":    "user.tsv:3: empty pattern",
		"v:attack\t190\nv:smite\t9999\n": "user.tsv:2: CAMEO code \"9999\" is not in the taxonomy",
	}
	c, err := DefaultEventCoder()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range cases {
		_, err := ParseLexicon(strings.NewReader(in), "user.tsv", c.kb)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want one containing %q", in, err, want)
		}
	}
	lex, err := ParseLexicon(strings.NewReader("# comment\nv:smite\t190\tnotes\r\nn:smiting\t190\n"), "user.tsv", c.kb)
	if err != nil {
		t.Fatal(err)
	}
	if es := lex.Entries(); len(es) != 2 || es[0].POS != 'v' || es[0].Notes != "notes" || es[1].Source != "user.tsv:3" {
		t.Errorf("entries: %+v", es)
	}
}

func TestLexiconExtraOption(t *testing.T) {
	dir := t.TempDir()
	good := dir + "/good.tsv"
	if err := os.WriteFile(good, []byte("# a user's verb\nv:hoodwink\t112\taccuse\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := dir + "/bad.tsv"
	if err := os.WriteFile(bad, []byte("v:hoodwink\t112\nv:bamboozle\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewPipeline(Options{LexiconExtra: bad}); err == nil || !strings.Contains(err.Error(), "bad.tsv:2") {
		t.Fatalf("bad lexicon: error %v, want one naming bad.tsv:2", err)
	}
	if _, err := NewPipeline(Options{LexiconExtra: dir + "/missing.tsv"}); err == nil {
		t.Fatal("missing lexicon file: no error")
	}
	text := "Russia hoodwinked France on Monday."
	a := article.Article{ID: "t", Text: text, Published: "2024-03-01"}
	plain, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, res := plain.Extract(a); len(res.Events) != 0 {
		t.Fatalf("embedded lexicon should not know hoodwink: %+v", res.Events)
	}
	p, err := NewPipeline(Options{LexiconExtra: good})
	if err != nil {
		t.Fatal(err)
	}
	_, res := p.Extract(a)
	if len(res.Events) != 1 || res.Events[0].CAMEO != "112" || actorCode(res.Events[0].Source) != "RUS" || actorCode(res.Events[0].Target) != "FRA" {
		t.Fatalf("want 112 RUS→FRA from the user lexicon, got %+v", res.Events)
	}
	if !strings.Contains(res.Events[0].Action.Rule, "good.tsv:2") {
		t.Errorf("rule %q should name the user lexicon line", res.Events[0].Action.Rule)
	}
}

func TestEventActorsLinkEntities(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, res := p.Extract(article.Article{ID: "t", Text: "Russia imposed sanctions on France on Monday.", Published: "2024-03-01"})
	var ev *record.Event
	for i := range res.Events {
		if strings.HasPrefix(res.Events[i].CAMEO, "16") {
			ev = &res.Events[i]
		}
	}
	if ev == nil || ev.Source == nil || ev.Target == nil {
		t.Fatalf("want a sanction event with both actors, got %+v", res.Events)
	}
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.ID] = e.Name
	}
	if names[ev.Source.Entity] != "Russia" || names[ev.Target.Entity] != "France" {
		t.Errorf("actors link to entities %q and %q, want Russia and France", names[ev.Source.Entity], names[ev.Target.Entity])
	}
}

func TestInflectionBases(t *testing.T) {
	cases := map[string]string{"expelled": "expel", "rioted": "riot", "blamed": "blame", "carries": "carry", "bombing": "bomb", "shells": "shell"}
	for w, base := range cases {
		if !isInflection(w, base) {
			t.Errorf("%s should be an inflection of %s (bases %v)", w, base, inflectionBases(w))
		}
	}
	if isInflection("attacked", "attach") || isInflection("sing", "s") || isInflection("bombed", "bomber") {
		t.Errorf("false inflections accepted")
	}
}

// TestEventNoCountryFromPartOfName checks that one word of a longer
// unknown name is not taken for the town the gazetteer knows by it
// ("Springs" is a town in South Africa; "Zzyzx Springs" here is not).
func TestEventNoCountryFromPartOfName(t *testing.T) {
	for _, ev := range eventsOf(t, "The Northern Valley Militia attacked a checkpoint near Zzyzx Springs on Monday, the army said.", "2024-01-10") {
		for _, a := range []*record.Actor{ev.Source, ev.Target} {
			if c := actorCode(a); strings.HasPrefix(c, "ZAF") {
				t.Errorf("actor %q coded %s from one word of a longer name", a.Name, c)
			}
		}
	}
}

// A clause whose own subject names no actor ("clashes … killed") does not
// take the subject of the sentence around it as its source.
func TestEventSubjectlessClauseDoesNotBorrowSource(t *testing.T) {
	text := "Delegations from Armenia and Azerbaijan held two days of talks in Geneva on Thursday, the Swiss Foreign Ministry said, " +
		"the first direct meeting since clashes along the border killed at least 14 soldiers last month."
	for _, e := range eventsOf(t, text, "2024-03-08") {
		if e.Action.Text == "killed" && actorCode(e.Source) == "ARM" {
			t.Errorf("killed: source %s from the delegations of the main clause", actorCode(e.Source))
		}
	}
}

// Parties of a mutual action are each other's targets; the venue ("in
// Geneva") and the reporter ("the Swiss Foreign Ministry said") are not.
func TestEventMutualPartiesVenueAndReporter(t *testing.T) {
	text := "Delegations from Armenia and Azerbaijan held two days of talks in Geneva on Thursday, the Swiss Foreign Ministry said."
	got := map[string]bool{}
	for _, e := range eventsOf(t, text, "2024-03-08") {
		if e.Plover == "CONSULT" {
			got[actorCode(e.Source)+"→"+actorCode(e.Target)] = true
		}
	}
	if !got["ARM→AZE"] || !got["AZE→ARM"] || len(got) != 2 {
		t.Errorf("consult events %v, want ARM→AZE and AZE→ARM only", got)
	}
}

// The object of a purpose clause ("opened fire to disperse protesters")
// is the target of an action that has none of its own.
func TestEventTargetFromPurposeClause(t *testing.T) {
	text := "Jordanian soldiers opened fire to disperse Islamist protesters on Tuesday, witnesses said."
	found := false
	for _, e := range eventsOf(t, text, "2024-03-08") {
		if e.Plover == "FIGHT" {
			found = true
			if got := actorCode(e.Target); !strings.HasPrefix(got, "JOR") {
				t.Errorf("opened fire: target %q, want the protesters (JOR…)", got)
			}
		}
	}
	if !found {
		t.Error("no FIGHT event for \"opened fire\"")
	}
}

// TestESentDeps checks the dependents newESent lists for every token
// against a plain scan of the heads, in order.
func TestESentDeps(t *testing.T) {
	evEngineOnce.Do(func() { evEngine, evEngineErr = nlp.Default() })
	if evEngineErr != nil {
		t.Fatal(evEngineErr)
	}
	doc := evEngine.Annotate("Israeli troops shelled the camp on Monday, officials said. The ministry, which denied it, asked the United Nations to meet.")
	for _, sent := range doc.Sents {
		s := newESent(doc, sent.Start, sent.End, nil, "")
		for h := sent.Start; h < sent.End; h++ {
			var want []int
			for i := sent.Start; i < sent.End; i++ {
				if doc.Tokens[i].Head == h && i != h {
					want = append(want, i)
				}
			}
			if got := s.deps(h); !slices.Equal(got, want) {
				t.Errorf("dependents of %q: %v, want %v", doc.Tokens[h].Text, got, want)
			}
		}
		for i := sent.Start; i < sent.End; i++ {
			tk := doc.Tokens[i]
			lem := tk.Lemma
			if lem == "" {
				lem = tk.Text
			}
			if s.lower(i) != strings.ToLower(tk.Text) || s.lemma(i) != strings.ToLower(lem) {
				t.Errorf("token %q: lower %q, lemma %q", tk.Text, s.lower(i), s.lemma(i))
			}
		}
	}
}

// A passive clause with no "by" phrase names no doer: it does not take the
// subject of the clause it is joined to ("protesters … and dozens were
// detained": the protesters did not detain anyone).
func TestEventPassiveDoesNotBorrowSource(t *testing.T) {
	text := "Protesters in Tbilisi clashed with police outside parliament, and dozens were detained."
	for _, e := range eventsOf(t, text, "2024-03-03") {
		if e.Action.Text == "detained" && e.Source != nil && strings.HasPrefix(e.Source.Code, "GEO") {
			t.Errorf("detained: source %s, the protesters of the other clause", e.Source.Code)
		}
	}
}

// Victims whose country is only the sentence's first, the attackers' own,
// take another country the sentence names (here through a city).
func TestEventVictimsNotOfAttackersCountry(t *testing.T) {
	text := "Russian forces shelled the city of Kharkiv overnight, killing four civilians, the regional governor said."
	found := false
	for _, e := range eventsOf(t, text, "2024-03-03") {
		if e.Action.Text == "killing" {
			found = true
			if got := actorCode(e.Target); got != "UKRCVL" {
				t.Errorf("killing: target %q, want UKRCVL", got)
			}
		}
	}
	if !found {
		t.Error("no event for \"killing\"")
	}
}

// An actor known only by its role takes the dateline's country when its
// sentence names none ("KYIV — Police detained …").
func TestEventRoleTakesDatelineCountry(t *testing.T) {
	checkSourceWithDateline(t, "Police detained two men near the station on Sunday.", "KYIV", "detained", "UKRCOP")
}

// A news agency's country is not the sentence's country ("told Reuters").
func TestEventAgencyIsNotSentenceCountry(t *testing.T) {
	text := "\"Our forces only respond to attacks by the army,\" a rebel spokesman told Reuters by phone."
	for _, e := range eventsOf(t, text, "2024-06-12") {
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if c := actorCode(a); strings.HasPrefix(c, "GBR") {
				t.Errorf("%s: actor %q coded %s from the agency's country", e.Action.Text, a.Name, c)
			}
		}
	}
}

// An object pronoun is not the subject of its own clause or of the clause
// controlling it: "soldiers fired tear gas to disperse them" is not the
// soldiers dispersing themselves.
func TestEventObjectPronounIsNotLocalSubject(t *testing.T) {
	text := "Venezuelan protesters marched on Saturday, and Venezuelan soldiers fired tear gas to disperse them."
	for _, e := range eventsOf(t, text, "2024-08-03") {
		if e.Action.Text == "disperse" && actorCode(e.Target) != "" && actorCode(e.Target) == actorCode(e.Source) {
			t.Errorf("disperse: target %s is the source itself", actorCode(e.Target))
		}
	}
}

// The place of a cooperative action is its venue, not its target: "will
// meet in Abuja" is not a meeting with Nigeria.
func TestEventVenueIsNotTarget(t *testing.T) {
	for _, e := range eventsOf(t, "ECOWAS leaders will meet in Abuja next week.", "2024-01-15") {
		if strings.HasPrefix(actorCode(e.Target), "NGA") {
			t.Errorf("%s: target %s is the venue", e.Action.Text, actorCode(e.Target))
		}
	}
}

// A natural hazard is nobody's action: "a cyclone killed 40 people in
// Myanmar" is no event of Myanmar against its civilians, however the
// verb is reached (subject, participle after it); an actor doing the
// same is still one.
func TestEventNaturalHazardIsNoActor(t *testing.T) {
	for _, text := range []string{
		"A powerful cyclone tore through coastal Myanmar on Sunday, killing 40 people.",
		"Heavy floods in southern Pakistan have killed 15 villagers this week.",
	} {
		for _, e := range eventsOf(t, text, "2024-05-20") {
			if e.Action.Text == "killing" || e.Action.Text == "killed" {
				t.Errorf("%q: %s event %s→%s for a natural hazard", text, e.CAMEO, actorCode(e.Source), actorCode(e.Target))
			}
		}
	}
	found := false
	for _, e := range eventsOf(t, "Pakistani troops killed 15 militants in a raid this week.", "2024-05-20") {
		if e.Action.Text == "killed" && strings.HasPrefix(actorCode(e.Source), "PAK") {
			found = true
		}
	}
	if !found {
		t.Error("troops killed: no event with a Pakistani source")
	}
}

// "accused of" right after a noun is a passive participle: the noun was
// accused, by someone unnamed; it is no accusation by that noun or by the
// subject of the main clause, nor a quotation.
func TestEventAccusedOfIsPassiveParticiple(t *testing.T) {
	text := "Canada on Tuesday froze the assets of nine traders in Oman, Georgia and Armenia accused of shipping rifles to Sudan."
	for _, s := range []string{text, "Britain on Monday imposed sanctions on 11 firms in India, the United Arab Emirates and Turkey accused of selling drone engines to Iran."} {
		for _, e := range eventsOf(t, s, "2024-05-20") {
			if e.Action.Text == "accused" {
				t.Errorf("%q: accused: event %s %s→%s", s, e.CAMEO, actorCode(e.Source), actorCode(e.Target))
			}
		}
	}
	for _, q := range Quotes(annotate(t, text), "t") {
		if q.Cue != nil && strings.Contains(q.Cue.Text, "accused") {
			t.Errorf("quote with cue %q: %q", q.Cue.Text, q.Content.Text)
		}
	}
	found := false
	for _, e := range eventsOf(t, "Canada accused Oman of shipping rifles to Sudan.", "2024-05-20") {
		if e.Action.Text == "accused" && strings.HasPrefix(actorCode(e.Source), "CAN") {
			found = true
		}
	}
	if !found {
		t.Error("Canada accused Oman: no accusation by Canada")
	}
}

// "X said the count was flawed and accused Y": a statement verb the
// parser coordinated with the reported clause is X's, in X's tense, and
// X keeps the code its entity has from the whole role phrase
// ("Opposition leader" is OPP though "leader" alone reads GOV).
func TestEventCoordinatedStatementIsSpeakers(t *testing.T) {
	checkSourceWithDateline(t, "Opposition leader Tendai Moyo said the results were false and accused Zimbabwean police of intimidation.",
		"HARARE", "accused", "ZWEOPP")
}

// A capital named as the target of a political action is its government
// ("urged Nairobi to …"); as the target of force it stays its civilians.
func TestEventCapitalTargetIsGovernment(t *testing.T) {
	codes := func(text, action string) []string {
		var out []string
		for _, e := range eventsOf(t, text, "2024-05-20") {
			if e.Action.Text == action {
				out = append(out, actorCode(e.Target))
			}
		}
		return out
	}
	if got := codes("Uganda called on Nairobi to reopen the border.", "called on"); !slices.Contains(got, "KENGOV") {
		t.Errorf("called on Nairobi: targets %v, want KENGOV", got)
	}
	if got := codes("Rebels shelled Kinshasa overnight.", "shelled"); slices.Contains(got, "CODGOV") {
		t.Errorf("shelled Kinshasa: targets %v, want no government", got)
	}
}

// An object the parser ran on into the reporter after a comma keeps its
// own actor: "met X in Doha last Tuesday, a Qatari official said" is a
// meeting with X, not with the reporter's country.
func TestEventObjectBeforeReporterKept(t *testing.T) {
	text := "Bahrain's Crown Prince Salman bin Hamad Al Khalifa met CIA Director William Burns in Manama last Tuesday, a Bahraini official said."
	for _, e := range eventsWithAction(t, eventsOf(t, text, "2024-05-20"), "met") {
		if got := actorCode(e.Target); got != "USASPY" {
			t.Errorf("met: target %q, want USASPY", got)
		}
	}
}

// A title before a name is no place ("Prince" is a town in Canada) and a
// two-word title gives its sector ("Crown Prince" → GOV).
func TestEventTitleIsNoPlace(t *testing.T) {
	text := "Bahrain's Crown Prince Salman bin Hamad Al Khalifa met CIA Director William Burns in Manama last Tuesday, a Bahraini official said."
	for _, e := range eventsWithAction(t, eventsOf(t, text, "2024-05-20"), "met") {
		if got := actorCode(e.Source); got != "BHRGOV" {
			t.Errorf("met: source %q, want BHRGOV", got)
		}
	}
}

// A noun action hung on the verb's object by anything but "of" is not
// the verb subject's action: police arresting supporters "as protests
// spread" did not protest.
func TestEventNounInAsPhraseIsNotSubjects(t *testing.T) {
	text := "Police in the Zambian capital arrested at least 40 opposition supporters on Tuesday as protests over the disputed count turned violent."
	for _, e := range eventsOf(t, text, "2024-05-20") {
		if e.Plover == "PROTEST" && strings.HasSuffix(actorCode(e.Source), "COP") {
			t.Errorf("%s: protest by the police (%s)", e.Action.Text, actorCode(e.Source))
		}
	}
}

// A time in a clause below the action dates that clause, not the action:
// "denounced the vote and urged supporters to rally on Saturday" did not
// denounce on Saturday; a time on the reporting verb still dates what it
// reports.
func TestEventDateNotFromInnerClause(t *testing.T) {
	dates := func(text string) map[string]string {
		out := map[string]string{}
		for _, e := range eventsOf(t, text, "2024-05-24") {
			out[e.Action.Text] = e.Date
		}
		return out
	}
	got := dates("Nigerian opposition leader Kalu Obi denounced the vote and urged his supporters to rally on Saturday.")
	if _, ok := got["denounced"]; !ok {
		t.Errorf("no event for \"denounced\" in %v", got)
	}
	for _, a := range []string{"denounced", "urged"} {
		if d := got[a]; d == "2024-05-18" {
			t.Errorf("%s dated %s, the rally's day", a, d)
		}
	}
	got = dates("The army said on Wednesday that Nigerian troops had killed 12 militants.")
	if d := got["killed"]; d != "2024-05-22" {
		t.Errorf("killed dated %q, want 2024-05-22 (events %v)", d, got)
	}
	got = dates("Chile recalled its ambassador from Caracas in response, the foreign ministry in Santiago said on Monday.")
	if d := got["recalled its ambassador"]; d != "2024-05-20" {
		t.Errorf("recalled dated %q, want 2024-05-20 (events %v)", d, got)
	}
}

// checkSourceWithDateline extracts text as an article published
// 2024-03-03 under a dateline and checks the source code of the events of
// action (there must be one).
func checkSourceWithDateline(t *testing.T, text, dateline, action, source string) {
	t.Helper()
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2024-03-03", DatelinePlace: dateline})
	for _, e := range eventsWithAction(t, res.Events, action) {
		if got := actorCode(e.Source); got != source {
			t.Errorf("%s: source %q, want %q", action, got, source)
		}
	}
}

// "general" modifying a noun is no officer: a union's general strike is
// labour's, and a relative "who" is never the WHO.
func TestEventGeneralStrikeAndRelativeWho(t *testing.T) {
	for _, e := range eventsOf(t, "Chile's biggest trade union federation staged a general strike on Monday against the pension reform.", "2026-03-10") {
		if strings.HasSuffix(actorCode(e.Source), "MIL") {
			t.Errorf("%s: source %s is military", e.Action.Text, actorCode(e.Source))
		}
	}
	text := "Grace Phiri served as justice minister from 1999 to 2004. Before entering politics she was a lawyer who defended opposition activists detained under President Kamuzu Banda in the 1970s."
	for _, e := range eventsOf(t, text, "2026-03-10") {
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if strings.HasPrefix(actorCode(a), "IGOWHO") {
				t.Errorf("%s: actor %q coded %s", e.Action.Text, a.Name, actorCode(a))
			}
		}
	}
}

// A month inside a sentence is no protest march, committing a crime is
// no commitment, and "prosecutors in Ohio" are the judiciary of the
// country Ohio is in, not its civilians.
func TestEventMonthCrimeAndPlaceSector(t *testing.T) {
	text := "Prosecutors in Ohio indicted Dana Wills in May and arrested her in March on charges of conspiracy to commit bank fraud."
	for _, e := range eventsOf(t, text, "2026-11-20") {
		switch e.Action.Text {
		case "March", "May":
			t.Errorf("the month %q coded as %s", e.Action.Text, e.CAMEO)
		case "commit":
			t.Errorf("'commit fraud' coded as %s", e.CAMEO)
		}
		if strings.HasPrefix(actorCode(e.Source), "USA") && actorCode(e.Source) != "USAJUD" {
			t.Errorf("%s: source %s, want USAJUD", e.Action.Text, actorCode(e.Source))
		}
	}
}

// A relative "who" is the noun its clause modifies, and a "he" the
// entities tied to a quoted person is that person, not the last subject.
func TestEventRelativeAndSpeakerPronoun(t *testing.T) {
	text := "Riot police in Santiago fired tear gas at students who tried to occupy a bridge.\n\n" +
		"Chilean Interior Minister Pablo Vidal said the march had been peaceful at first. He accused the students of provoking the police."
	for _, e := range eventsOf(t, text, "2026-05-02") {
		if e.Action.Text == "occupy" && strings.HasSuffix(actorCode(e.Source), "COP") {
			t.Errorf("occupy: source %s, the police, not the students", actorCode(e.Source))
		}
		if e.Action.Text == "accused" && strings.HasSuffix(actorCode(e.Source), "COP") {
			t.Errorf("accused: source %s, want the minister's", actorCode(e.Source))
		}
	}
}

// Object control: the object of "urge/ask/order … to" does the infinitive's
// action, and the accused of "accuse X of …ing" does the gerund's.
func TestEventObjectControl(t *testing.T) {
	text := "Latvia on Monday accused Russia's foreign intelligence service of carrying out a cyberattack that disabled the websites of two ministries. " +
		"A spokesman for the Italian Foreign Ministry urged the soldiers to release the president immediately."
	for _, e := range eventsOf(t, text, "2026-05-02") {
		if e.Action.Text == "cyberattack" && strings.HasPrefix(actorCode(e.Source), "LVA") {
			t.Errorf("cyberattack: source %s, the accuser, not the accused", actorCode(e.Source))
		}
		if e.Action.Text == "release" && strings.HasSuffix(actorCode(e.Source), "GOV") {
			t.Errorf("release: source %s, the ministry, not the soldiers", actorCode(e.Source))
		}
	}
}

// A passive participle on a noun takes its doer from its "by" phrase: in
// "a truce brokered by Qatar", Qatar brokers, not the parties named first.
func TestEventParticipleAgent(t *testing.T) {
	text := "Armenia and Azerbaijan exchanged 30 prisoners each on Sunday in a swap mediated by Qatar, both sides said."
	for _, e := range eventsWithAction(t, eventsOf(t, text, "2026-05-02"), "mediated") {
		if !strings.HasPrefix(actorCode(e.Source), "QAT") {
			t.Errorf("mediated: source %s, want Qatar", actorCode(e.Source))
		}
	}
}

// Giving refuge is not hosting a visit, people carried somewhere do not
// visit it, and the town where talks are held is not a party to them.
func TestEventRefugeTransportAndVenue(t *testing.T) {
	text := "Jordan has hosted more than 600,000 refugees from the war. The injured were airlifted to Amman on Sunday. " +
		"The two sides held talks in Cairo. Negotiations in Riyadh collapsed on Friday."
	for _, e := range eventsOf(t, text, "2026-11-20") {
		switch {
		case e.CAMEO == "043" && strings.Contains(actorCode(e.Target), "REF"):
			t.Errorf("hosting refugees coded as hosting a visit: %s → %s", actorCode(e.Source), actorCode(e.Target))
		case strings.HasPrefix(e.CAMEO, "042"):
			t.Errorf("%q coded as a visit (%s)", e.Action.Text, e.CAMEO)
		case strings.HasPrefix(actorCode(e.Target), "EGY") || strings.HasPrefix(actorCode(e.Target), "SAU"):
			t.Errorf("%q: the venue is the target %s", e.Action.Text, actorCode(e.Target))
		}
	}
	// A visit stays a visit.
	found := false
	for _, e := range eventsOf(t, "The Jordanian king flew to Washington on Monday.", "2026-11-20") {
		if e.CAMEO == "042" {
			found = true
		}
	}
	if !found {
		t.Error("'flew to Washington' is no longer a visit")
	}
}

// An action named as the object of a verb that attributes it ("traced the
// attack to", "blamed the bombing on") is done by the actor of the to/on
// phrase, not aimed at it, and not done by the verb's subject.
func TestEventBlamedActionDoer(t *testing.T) {
	for _, text := range []string{
		"Investigators in Kenya traced the bombing to the Islamic State.",
		"Officials blamed the attack on the Islamic State.",
	} {
		found := false
		for _, e := range eventsOf(t, text, "2024-01-15") {
			if e.Action.Text == "blamed" {
				continue
			}
			found = true
			if actorCode(e.Target) == "IMGREB" || actorCode(e.Source) != "IMGREB" {
				t.Errorf("%q: %s %s→%s, want the Islamic State as doer", text, e.Action.Text, actorCode(e.Source), actorCode(e.Target))
			}
		}
		if !found {
			t.Errorf("%q: no event for the attack", text)
		}
	}
}

// Inspectors and monitors whom no phrase places belong to the
// international body named before them, not to the dateline's or the
// sentence's country; a place in the clause that introduces a reported
// clause is not that clause's source.
func TestEventIGOStaffAndIntroducingClause(t *testing.T) {
	checkSourceWithDateline(t, "The OSCE said on Monday that the ceasefire was holding. "+
		"Its chief told reporters in Vienna that monitors would visit the front line next week.", "VIENNA", "visit", "IGOSCE")
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, res := p.Extract(article.Article{ID: "t", Text: "The minister told reporters in Lisbon that the delegation would visit the plant.", Published: "2024-03-03"})
	for _, e := range res.Events {
		if strings.HasPrefix(actorCode(e.Source), "PRT") {
			t.Errorf("%s: source %s is the place where the minister spoke", e.Action.Text, actorCode(e.Source))
		}
	}
}

// Whom a speaker urges or calls on are not of the speaker's country when
// that country is named only in the speaker's own phrase: under a
// dateline they take the dateline's; an order goes to one's own side.
// (Since the eighteenth session "urged X to release Y" is one demand of
// X, 1053, whose target is X, not a demand and a release by X.)
func TestEventAddresseeNotOfSpeakersCountry(t *testing.T) {
	for _, c := range []struct{ text, action, target string }{
		{"A spokesman for the Italian Foreign Ministry urged the soldiers to release the prime minister at once.", "urged the soldiers to release", "MLIMIL"},
		{"The Italian defence minister ordered the soldiers to release the hostages.", "ordered the soldiers to release", "ITAMIL"},
	} {
		p, err := NewPipeline(Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, res := p.Extract(article.Article{ID: "t", Text: c.text, Published: "2024-03-03", DatelinePlace: "BAMAKO"})
		for _, e := range eventsWithAction(t, res.Events, c.action) {
			if got := actorCode(e.Target); got != c.target {
				t.Errorf("%s: target %q, want %q", c.action, got, c.target)
			}
		}
	}
}

// "…, the agency said, as fighting spread across the region": the
// as-clause on a speech verb is the writer's, not the speaker's action,
// and fighting reports nothing (the parser reads "spread" as its object).
func TestEventWritersAsClauseAndFightingIsNoCue(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "More than 9,000 people have crossed into Chad, the UN refugee agency said on Tuesday, as fighting spread across West Darfur."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-01-10"})
	for _, e := range res.Events {
		if strings.HasPrefix(actorCode(e.Source), "IGO") && e.Action.Text != "said" {
			t.Errorf("%s: source %s, the speaker", e.Action.Text, actorCode(e.Source))
		}
	}
	for _, q := range res.Quotes {
		if q.Cue.Text == "fighting" {
			t.Errorf("%q reported by %q", q.Content.Text, q.Cue.Text)
		}
	}
}

// A passive verb coordinated with an active one shares its subject as
// the one acted on: "visited the plant but were denied access".
func TestEventCoordinatedPassiveTakesSubjectAsTarget(t *testing.T) {
	found := false
	for _, e := range eventsOf(t, "UN inspectors visited the plant but were denied access to two sites.", "2024-01-15") {
		if e.Action.Text != "denied" {
			continue
		}
		found = true
		if actorCode(e.Source) == "IGOUNO" || actorCode(e.Target) != "IGOUNO" {
			t.Errorf("denied: %s→%s, want the inspectors as target", actorCode(e.Source), actorCode(e.Target))
		}
	}
	if !found {
		t.Error("no event for denied")
	}
}

// Under the dateline of an international body's seat whose country the
// text never names, the police are still that country's; a country's
// strikes are force, not a labour strike.
func TestEventFilingDatelinePoliceAndCountrysStrikes(t *testing.T) {
	checkSourceWithDateline(t, "NATO ministers met on Thursday. Police detained 14 activists outside the headquarters.", "BRUSSELS", "detained", "BELCOP")
	for _, e := range eventsOf(t, "Hungary blocked a statement condemning Russia's latest strikes.", "2024-01-15") {
		if e.Action.Text == "strikes" && e.CAMEO == "143" {
			t.Errorf("Russia's strikes coded %s, a labour strike", e.CAMEO)
		}
	}
}

// An action in a clause dated relative to another ("a day after X
// imposed duties") does not take the other clause's date.
func TestEventRelativeClauseNotDatedByOther(t *testing.T) {
	for _, e := range eventsOf(t, "Canada said it would raise tariffs from Jan. 1, a day after Washington imposed duties on Canadian lumber.", "2024-11-20") {
		if e.Action.Text == "imposed duties" && e.Date != "" {
			t.Errorf("imposed duties dated %s, the date of the other clause", e.Date)
		}
	}
}

// TestEventCyberattackAnaphor: "the attack" after a cyberattack is that
// cyberattack (171), not military force; after a kinetic attack it stays
// force, and "a cyber attack" in two words is one too.
func TestEventCyberattackAnaphor(t *testing.T) {
	cases := []struct{ text, word, want string }{
		{"Russian hackers carried out a cyberattack on Latvia's parliament on Monday. Latvian police traced the attack to a group in St. Petersburg.", "attack", cyberCode},
		{"Russian troops carried out an attack on a Ukrainian village on Monday. Kyiv police traced the attack to a unit from Belgorod.", "attack", "190"},
		{"A cyber attack hit a Czech hospital on Sunday.", "attack", cyberCode},
	}
	for _, c := range cases {
		found := false
		for _, e := range eventsOf(t, c.text, "2024-03-01") {
			if e.Action.Text == c.word {
				found = true
				if e.CAMEO != c.want {
					t.Errorf("%q: %q coded %s, want %s", c.text, c.word, e.CAMEO, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no event for %q", c.text, c.word)
		}
	}
}

// TestEventBlockedTextIsVeto: blocking a statement or resolution is a veto
// (129), not a blockade, and what the blocked text condemns is not the
// veto's target.
func TestEventBlockedTextIsVeto(t *testing.T) {
	for _, text := range []string{
		"Greece blocked a joint statement condemning Turkey's drilling, diplomats said.",
		"France vetoed a resolution that criticised Morocco.",
	} {
		found := false
		for _, e := range eventsOf(t, text, "2024-03-01") {
			if e.CAMEO == "144" {
				t.Errorf("%q: coded as a blockade (144)", text)
			}
			if e.CAMEO == "129" {
				found = true
				if e.Target != nil {
					t.Errorf("%q: veto aimed at %s, what the text condemns", text, e.Target.Code)
				}
			}
		}
		if !found {
			t.Errorf("%q: no veto (129)", text)
		}
	}
}

// TestEventWithoutIsAbsent: an action named in a "without" phrase did not
// happen and gives no event of its own.
func TestEventWithoutIsAbsent(t *testing.T) {
	for _, e := range eventsOf(t, "Without the veto, Spain would have imposed sanctions on Cuba.", "2024-03-01") {
		if e.CAMEO == "129" {
			t.Fatalf("unexpected veto event %s→%s", actorCode(e.Source), actorCode(e.Target))
		}
	}
}

// "the strike" after a military strike is that strike (force), not a
// labour strike; after a labour strike it stays one.
func TestEventStrikeAnaphor(t *testing.T) {
	cases := []struct{ text, want string }{
		{"An Israeli air strike hit a car near Tyre on Sunday, killing two men. The strike drew condemnation from Lebanon.", "190"},
		{"Dock workers in Antwerp went on strike on Sunday over pay. The strike drew support from Belgian unions.", "14"},
	}
	for _, c := range cases {
		found := false
		for _, e := range eventsOf(t, c.text, "2024-03-01") {
			if e.Action.Text == "strike" && e.Action.Sentence == 1 {
				found = true
				if !strings.HasPrefix(e.CAMEO, c.want) {
					t.Errorf("%q: the second strike coded %s, want %s", c.text, e.CAMEO, c.want)
				}
			}
		}
		if !found && c.want == "190" {
			t.Errorf("%q: no event for the second strike", c.text)
		}
	}
}

// A guessed target does not come from another clause after ", as":
// "alleged fraud, as the African Union urged calm" is aimed at no one
// named, not at the AU.
func TestEventNearbyTargetStopsAtClause(t *testing.T) {
	for _, e := range eventsOf(t, "Kenya's opposition alleged fraud in the count, as the African Union urged calm.", "2024-03-01") {
		if e.Action.Text == "alleged" && e.Target != nil {
			t.Errorf("alleged aimed at %s (%s), want no target", e.Target.Name, e.Target.Code)
		}
	}
}

// A place of several words where something happened is no source of the
// killing, whichever of its words the search for a source reaches first
// ("a similar explosion in Siaya County killed 14 people", parsed with no
// subject for "killed").
func TestPlaceNameInLocativeIsNoSource(t *testing.T) {
	for _, text := range []string{
		"Last year, a similar explosion in Siaya County killed 14 people.",
		"Last month, a large fire in Kern County killed six people.",
		// "of Odesa" hangs on "city", which is where: no source either.
		"In the southern city of Odesa, a strike damaged a warehouse and injured two workers.",
	} {
		for _, e := range eventsOf(t, text, "2024-03-12") {
			if e.Source != nil && (strings.Contains(e.Source.Name, "County") || e.Source.Name == "Odesa") {
				t.Errorf("%q: event %s has the place %q as its source", text, e.CAMEO, e.Source.Name)
			}
		}
	}
}

// An actor in a time phrase after the action ("since Russia's invasion
// began") is not the one the action falls on.
func TestTimePhraseHoldsNoTarget(t *testing.T) {
	for _, text := range []string{
		"More than 900 civilians have been killed since Russia's invasion began in 2022.",
		"Two fishermen were detained after Indian patrols crossed the line.",
	} {
		for _, e := range eventsOf(t, text, "2024-03-12") {
			if c := actorCode(e.Target); c == "RUS" || strings.HasPrefix(c, "IND") {
				t.Errorf("%q: event %s targets %s, named in the time phrase", text, e.CAMEO, c)
			}
		}
	}
}

// Launching drones, missiles or rockets at someone is an attack with
// aerial weapons or artillery (195, 194).
func TestLaunchWeaponsAt(t *testing.T) {
	for _, tc := range []struct{ text, action, code, src, tgt string }{
		{"Russian forces launched 30 drones at Ukraine overnight.", "launched 30 drones", "195", "RUSMIL", "UKR"},
		{"Militants launched rockets at Israel on Tuesday.", "launched rockets", "194", "", "ISR"},
	} {
		found := false
		for _, e := range eventsOf(t, tc.text, "2024-03-12") {
			if e.Action.Text != tc.action {
				continue
			}
			found = true
			if e.CAMEO != tc.code || (tc.src != "" && actorCode(e.Source) != tc.src) || actorCode(e.Target) != tc.tgt {
				t.Errorf("%q: %s %s→%s, want %s %s→%s", tc.text, e.CAMEO, actorCode(e.Source), actorCode(e.Target), tc.code, tc.src, tc.tgt)
			}
		}
		if !found {
			t.Errorf("%q: no event on %q", tc.text, tc.action)
		}
	}
}

// "fighting between X and Y" names both parties of the fight, also when
// the parser reads "fighting" as a verb hung on another ("have fled
// fighting between ..."), and the place where it is is neither.
func TestFightingBetweenParties(t *testing.T) {
	text := "More than a million people have fled fighting between the army and M23 rebels in North Kivu."
	var pairs []string
	for _, e := range eventsOf(t, text, "2024-02-15") {
		if e.Action.Text == "fighting" {
			pairs = append(pairs, actorCode(e.Source)+">"+actorCode(e.Target))
		}
	}
	slices.Sort(pairs)
	if want := []string{"CODMIL>CODREB", "CODREB>CODMIL"}; !slices.Equal(pairs, want) {
		t.Errorf("%q: fighting coded %v, want %v", text, pairs, want)
	}
}

// A vehicle that strikes or hits someone is a road accident, not an
// attack; a drone or a militia that strikes is still force.
func TestEventVehicleStrikeIsNoAttack(t *testing.T) {
	for _, text := range []string{
		"Two people were hurt in a collision on Route 9 early Saturday, state police said.\nA pickup truck heading south crossed the center line near the Stonebreak Road roundabout and struck a sedan, according to Trooper Kelly Jansen.",
		"A bus carrying 40 passengers hit a police van near the bridge on Monday, police said.",
		"Police said a car struck two soldiers at a checkpoint on Friday.",
	} {
		res := extracted(t, article.Article{Text: text, Published: "2024-03-08", DatelinePlace: "SARATOGA SPRINGS, N.Y."})
		for _, e := range res.Events {
			if e.Plover == "FIGHT" || e.Plover == "ASSAULT" {
				t.Errorf("%q: %s event %s→%s from %q", text, e.CAMEO, actorCode(e.Source), actorCode(e.Target), e.Action.Text)
			}
		}
	}
	if ploverCount(t, "Russian drones struck a power station in Odesa on Monday, Ukrainian officials said.", "FIGHT") == 0 {
		t.Errorf("a drone strike by Russia gave no FIGHT event")
	}
}

// An actor named after a place takes the country the article resolved
// the place to, not that of the name's most prominent place.
func TestEventActorFollowsResolvedPlace(t *testing.T) {
	text := "The Athens-Clarke County Commission voted 8-2 on Tuesday to fund a new library branch, ending a long debate.\n" +
		"The branch will be built about five miles from downtown Athens."
	res := extracted(t, article.Article{Text: text, Published: "2024-03-08", DatelinePlace: "ATHENS, Ga."})
	n := 0
	for _, e := range res.Events {
		if e.Action.Text == "fund" {
			n++
			if c := actorCode(e.Source); !strings.HasPrefix(c, "USA") {
				t.Errorf("fund: source %q coded %q, want USA…", e.Source.Name, c)
			}
		}
	}
	if n == 0 {
		t.Errorf("no event for 'fund' in %+v", res.Events)
	}
}

// Protesters named as what another action is done to are no protest
// event of their own; protesters who act still are.
func TestEventProtestersAsObject(t *testing.T) {
	for _, e := range eventsOf(t, "Indian police detained about 200 protesters near the crossing on Monday.", "2024-03-08") {
		if e.Plover == "PROTEST" {
			t.Errorf("protest event %s from %q, source %s", e.CAMEO, e.Action.Text, actorCode(e.Source))
		}
	}
	if ploverCount(t, "Thousands of Kenyan protesters gathered outside parliament on Tuesday.", "PROTEST") == 0 {
		t.Errorf("no protest event for protesters who gathered")
	}
}

// A place modifying a role phrase gives the country, the role the sector:
// "Kern County sheriff's deputies" and "Dayton police" are police.
func TestEventPlaceModifierTakesRoleSector(t *testing.T) {
	for _, text := range []string{
		"Dayton police arrested two men on Monday after a chase.",
		"Bakersfield sheriff's deputies arrested three men early Friday.",
	} {
		n := 0
		for _, e := range eventsOf(t, text, "2024-03-08") {
			if e.CAMEO == "173" {
				n++
				if c := actorCode(e.Source); c != "USACOP" {
					t.Errorf("%q: source %q coded %q, want USACOP", text, e.Source.Name, c)
				}
			}
		}
		if n == 0 {
			t.Errorf("%q: no arrest event", text)
		}
	}
}

// An action that is the object of a verb confirming, reporting or
// investigating it is not the subject's own action.
func TestEventConfirmedActionIsNotConfirmers(t *testing.T) {
	for _, text := range []string{
		"Nigerian police confirmed the attack and said officers had been deployed to the area.",
		"The Kenyan army is investigating the raid on the camp.",
	} {
		for _, e := range eventsOf(t, text, "2024-03-08") {
			if c := actorCode(e.Source); (e.Action.Text == "attack" || e.Action.Text == "raid") && strings.HasPrefix(c, "NGA") || strings.HasPrefix(c, "KEN") && e.Action.Text == "raid" {
				t.Errorf("%q: %s by %s", text, e.Action.Text, c)
			}
		}
	}
}

// placeOK and titleWord may be asked about a word of another sentence (a
// quote's speaker named earlier, for a pronoun): no panic, a plain answer.
func TestPlaceOKOutsideSentence(t *testing.T) {
	evEngineOnce.Do(func() { evEngine, evEngineErr = nlp.Default() })
	if evEngineErr != nil {
		t.Fatal(evEngineErr)
	}
	doc := evEngine.Annotate("Minister Okafor spoke in Abuja. He said the army would withdraw.")
	if len(doc.Sents) < 2 {
		t.Fatalf("sentences: %+v", doc.Sents)
	}
	sent := doc.Sents[1]
	s := newESent(doc, sent.Start, sent.End, kb.Default(), "2024-03-08")
	for i := 0; i < doc.Sents[0].End; i++ {
		_ = s.placeOK(i)
		_ = s.titleWord(i)
	}
	if !s.titleWord(0) {
		t.Errorf("%q in another sentence is not read as a title", doc.Tokens[0].Text)
	}
}

// ploverCount is how many events of PLOVER category plover the text
// gives.
func ploverCount(t *testing.T, text, plover string) int {
	t.Helper()
	n := 0
	for _, e := range eventsOf(t, text, "2024-03-08") {
		if e.Plover == plover {
			n++
		}
	}
	return n
}
