package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"dateline/article"
	"dateline/nlp"
	"dateline/record"
)

// findQuote returns the first quote whose content contains sub.
func findQuote(qs []record.Quote, sub string) *record.Quote {
	for i := range qs {
		if strings.Contains(qs[i].Content.Text, sub) {
			return &qs[i]
		}
	}
	return nil
}

// wantQuote extracts text with the whole pipeline and checks that a quote
// whose content contains content has the given cue and speaker texts.
func wantQuote(t *testing.T, text, content, cue, speaker string) *record.Quote {
	t.Helper()
	q := findQuote(Quotes(fullDoc(t, text), "a"), content)
	if q == nil || cueText(q) != cue || speakerText(q) != speaker {
		t.Errorf("%q: quote of %q = %+v, want cue %q, speaker %q", text, content, q, cue, speaker)
	}
	return q
}

func speakerText(q *record.Quote) string {
	if q == nil || q.Speaker == nil {
		return ""
	}
	return q.Speaker.Text
}

func TestQuotePatterns(t *testing.T) {
	cases := []struct {
		name, text, content, kind, speaker, cue string
	}{
		{"said-after", `"The bridge will reopen next month," transport minister Ana Silva said on Monday.`,
			"bridge will reopen", record.QuoteDirect, "transport minister Ana Silva", "said"},
		{"pronoun-stressed", "Ana Silva spoke to reporters. “We have no other choice,” she stressed.",
			"no other choice", record.QuoteDirect, "she", "stressed"},
		{"said-speaker", `"Nobody expected this," said a senior official.`,
			"Nobody expected", record.QuoteDirect, "a senior official", "said"},
		{"colon-before", `The mayor said: "Our streets are safe again."`,
			"streets are safe", record.QuoteDirect, "The mayor", "said:"},
		{"nested-close-spaced", `"We never liked the word 'progress,' " the farmer told the council.`,
			"the word 'progress,'", record.QuoteDirect, "the farmer", "told"},
		{"inverted-noted", "The levee will not hold another storm, noted engineer Lena Park.",
			"The levee will not hold", record.QuoteIndirect, "engineer Lena Park", "noted"},
		{"sign-reads", `"No entry after dark," the sign at the gate reads.`,
			"No entry after dark", record.QuoteDirect, "the sign at the gate", "reads"},
		{"day-after-cue", "The mayor said Friday that the streets were safe again.",
			"that the streets were safe", record.QuoteIndirect, "The mayor", "said Friday"},
		{"appositive", `"It is too early to tell," Marco Ruiz, a farmer near the river, told reporters.`,
			"too early", record.QuoteDirect, "Marco Ruiz, a farmer near the river", "told"},
		{"curly-speaker-after", "“The harvest is lost,” warned the regional governor.",
			"harvest is lost", record.QuoteDirect, "the regional governor", "warned"},
		{"indirect-that", "The ministry announced that the border crossing would stay closed until further notice.",
			"that the border crossing", record.QuoteIndirect, "The ministry", "announced"},
		{"indirect-bare", "The governor said the dam had not been damaged.",
			"the dam had not been damaged", record.QuoteIndirect, "The governor", "said"},
		{"indirect-trailing", "The storm damaged more than two hundred houses in the valley, local officials said Sunday.",
			"The storm damaged", record.QuoteIndirect, "local officials", "said"},
		{"according-to-after", "The fire started in the kitchen of a restaurant, according to the fire department.",
			"The fire started", record.QuoteIndirect, "the fire department", "according to"},
		{"according-to-before", "According to witnesses, the convoy was stopped twice at checkpoints.",
			"the convoy was stopped", record.QuoteIndirect, "witnesses", "According to"},
		{"reported-that", "State television reported that the president had left the capital.",
			"that the president had left", record.QuoteIndirect, "State television", "reported"},
		{"told-object-that", "The minister told parliament that the budget would be cut.",
			"that the budget would be cut", record.QuoteIndirect, "The minister", "told"},
		{"partial", `Opposition leader Tom Berg called the plan "a reckless gamble" in a speech.`,
			"a reckless gamble", record.QuotePartial, "Opposition leader Tom Berg", "called"},
		{"partial-with-tail", `The union called the mayor "a friend" of working families, and the talks resumed.`,
			`the mayor "a friend" of working families`, record.QuotePartial, "The union", "called"},
		{"participle", "The council rejected the proposal, saying that the costs were far too high.",
			"that the costs", record.QuoteIndirect, "The council", "saying"},
		{"dash-signed", "“The rent doubled in a year and nobody helped us.” ― Maria Lopez",
			"rent doubled", record.QuoteDirect, "Maria Lopez", "―"},
		{"dash-signed-full-stop", "“Nobody listened to the farmers.”― Maria Lopez.\n\nThe debate went on.",
			"Nobody listened", record.QuoteDirect, "Maria Lopez", "―"},
		{"right-mark-opens-paragraph", "The readers wrote in.\n\n”Nobody listened to the farmers.” ― Maria Lopez",
			"Nobody listened", record.QuoteDirect, "Maria Lopez", "―"},
		{"appositive-indirect", "Tom Reyes, the county's fire chief, said that the blaze was under control.",
			"that the blaze", record.QuoteIndirect, "Tom Reyes, the county's fire chief,", "said"},
		{"parenthesised-speaker", `"We will not back down," Sen. Ada Mills (D-Ore.) said.`,
			"not back down", record.QuoteDirect, "Sen. Ada Mills (D-Ore.)", "said"},
		{"time-before-cue", "The governor on Tuesday said the roads would reopen within days.",
			"the roads would reopen", record.QuoteIndirect, "The governor", "said"},
		{"coordinated", "Nina Park met the families and said she would return in the spring.",
			"she would return", record.QuoteIndirect, "Nina Park", "said"},
		{"called-for", "The union called for an independent inquiry into the accident.",
			"an independent inquiry", record.QuoteIndirect, "The union", "called for"},
		{"wants-to", "The mayor wants to close the old bridge to trucks.",
			"to close the old bridge", record.QuoteIndirect, "The mayor", "wants"},
		{"parenthetical", "In the long run, the economist said, the tariffs will hurt farmers most.",
			"In the long run", record.QuoteIndirect, "the economist", "said"},
		{"trailing-belief", "The bridge will close for a year, the newspaper has learned.",
			"The bridge will close", record.QuoteIndirect, "the newspaper", "has learned"},
		{"parenthetical-short-head", "Tariffs, the economist says, will hurt farmers most.",
			"will hurt farmers", record.QuoteIndirect, "the economist", "says"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := nlp.NewDoc(c.text)
			qs := Quotes(doc, "a1")
			q := findQuote(qs, c.content)
			if q == nil {
				t.Fatalf("no quote containing %q in %+v", c.content, qs)
			}
			if q.Kind != c.kind {
				t.Errorf("kind = %q, want %q", q.Kind, c.kind)
			}
			if got := speakerText(q); got != c.speaker {
				t.Errorf("speaker = %q, want %q", got, c.speaker)
			}
			if q.Cue == nil || q.Cue.Text != c.cue {
				t.Errorf("cue = %+v, want %q", q.Cue, c.cue)
			}
			// Evidence must point at the text it quotes.
			if got := c.text[q.Content.Start:q.Content.End]; got != q.Content.Text {
				t.Errorf("content evidence %d:%d = %q, text field %q", q.Content.Start, q.Content.End, got, q.Content.Text)
			}
			if q.Content.ArticleID != "a1" || q.Content.Rule == "" || q.ID == "" {
				t.Errorf("evidence not filled: %+v id=%q", q.Content, q.ID)
			}
		})
	}
}

func TestQuoteContinuations(t *testing.T) {
	text := "“We were not warned,” said Lena Ortiz, a shop owner. “The water came in within minutes.\n" +
		"“Now we have to start again from nothing.”\n" +
		"The city council did not respond."
	qs := Quotes(nlp.NewDoc(text), "a")
	for _, sub := range []string{"not warned", "within minutes", "start again"} {
		q := findQuote(qs, sub)
		if q == nil {
			t.Fatalf("no quote with %q: %+v", sub, qs)
		}
		if q.SpeakerName != "Lena Ortiz" {
			t.Errorf("%q: speaker name %q, want Lena Ortiz", sub, q.SpeakerName)
		}
	}
	if q := findQuote(qs, "did not respond"); q != nil {
		t.Errorf("a plain sentence became a quote: %+v", q)
	}
}

func TestQuotePronounResolution(t *testing.T) {
	text := `"The talks were useful," Foreign Minister Karl Dunn said. "We will meet again," he added.`
	qs := Quotes(nlp.NewDoc(text), "a")
	q := findQuote(qs, "meet again")
	if q == nil || speakerText(q) != "he" || q.SpeakerName != "Karl Dunn" {
		t.Fatalf("pronoun quote = %+v", q)
	}
}

func TestQuoteVia(t *testing.T) {
	text := "Citing a source in the Interior Ministry, local newspapers reported that the suspect had been released."
	qs := Quotes(nlp.NewDoc(text), "a")
	q := findQuote(qs, "suspect had been released")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if speakerText(q) != "local newspapers" {
		t.Errorf("speaker = %q", speakerText(q))
	}
	if q.Via == nil || q.Via.Text != "a source in the Interior Ministry" {
		t.Errorf("via = %+v", q.Via)
	}
}

func TestQuoteParentheticalSecondHalf(t *testing.T) {
	text := "In the long run, the economist said, the tariffs will hurt farmers most."
	qs := Quotes(nlp.NewDoc(text), "a")
	q := findQuote(qs, "the tariffs will hurt")
	if q == nil || q.Cue == nil || q.Cue.Text != "said" || speakerText(q) != "the economist" {
		t.Fatalf("second half = %+v (all %+v)", q, qs)
	}
}

func TestQuotesNoFalsePositives(t *testing.T) {
	for _, text := range []string{
		"The river rose by two metres overnight and flooded the lower town.",
		"He said nothing.",
		"The so-called “green zone” was closed to traffic.",
		"Several battleground states could be decisive in November.",
		"The minister has not mentioned the budget since the debate.",
		"The company will announce plans for a new factory on Friday.",
		"",
	} {
		if qs := Quotes(nlp.NewDoc(text), "a"); len(qs) != 0 {
			t.Errorf("%q: got %d quotes: %+v", text, len(qs), qs)
		}
	}
	if qs := Quotes(nil, "a"); qs != nil {
		t.Errorf("nil doc gave %+v", qs)
	}
}

// TestSeedArticle checks the seed article of ../shared end to end:
// quotes, claims and times.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile("../../shared/corpus/seed/000_2cf861e3df7cb574.txt")
	if err != nil {
		t.Skip("seed article ../shared/corpus/seed/000_2cf861e3df7cb574.txt not available:", err)
	}
	text := string(b)
	doc := nlp.NewDoc(text)
	qs := Quotes(doc, "seed")
	peskov := 0
	viaHe := false
	for _, q := range qs {
		if q.Kind == record.QuoteDirect && q.SpeakerName == "Dmitry Peskov" {
			peskov++
			if speakerText(&q) == "he" {
				viaHe = true
			}
		}
	}
	if peskov != 3 || !viaHe {
		t.Errorf("direct Peskov quotes = %d (via he: %v), want 3 with one via he", peskov, viaHe)
	}
	if q := findQuote(qs, "A recent visit by Palestinian group Hamas"); q == nil || q.Kind != record.QuoteIndirect || speakerText(q) != "the Kremlin" {
		t.Errorf("Kremlin indirect quote = %+v", q)
	}
	if q := findQuote(qs, "was leading the delegation"); q == nil || q.Via == nil || !strings.Contains(speakerText(q), "media outlets") {
		t.Errorf("nested media-outlets quote = %+v", q)
	}

	claims := Claims(doc, "seed", qs)
	byValue := map[float64]record.Claim{}
	for _, c := range claims {
		byValue[c.Value] = c
	}
	whole, ok := byValue[8700]
	if !ok || whole.Qualifier != record.QualOver || whole.Counted != "killed" || whole.Consistency != "consistent" {
		t.Errorf("8,700 claim = %+v", whole)
	}
	for v, qual := range map[float64]string{7326: record.QualAtLeast, 1400: record.QualExact} {
		p, ok := byValue[v]
		if !ok || p.Qualifier != qual || p.Counted != "killed" || p.PartOf != whole.ID || whole.ID == "" {
			t.Errorf("part %v = %+v (whole %q)", v, p, whole.ID)
		}
	}
	if c, ok := byValue[2.3e6]; !ok || c.Counted != "population" || c.Of != "Gaza" {
		t.Errorf("2.3 million claim = %+v", c)
	}
	if c, ok := byValue[1000]; !ok || c.Qualifier != record.QualVague || c.Counted != "weapons" || c.Unit != "rockets" {
		t.Errorf("thousands of rockets = %+v", c)
	}
	if c, ok := byValue[100]; !ok || c.Qualifier != record.QualVague || c.Counted != "troops" || c.Unit != "fighters" {
		t.Errorf("hundreds of fighters = %+v", c)
	}
	for _, c := range claims {
		if c.ClaimedBy == "" {
			t.Errorf("claim without claimant: %+v", c)
		}
	}

	pub := mustDate(t, "2023-10-27")
	want := map[string]string{"Friday": "2023-10-27", "Thursday": "2023-10-26", "Oct. 7": "2023-10-07"}
	got := map[string]string{}
	for _, tm := range Times(doc, "seed", pub) {
		got[tm.Text] = tm.From
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("time %q = %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

// BenchmarkQuotesClaimsTimes measures the three extractors on the seed
// article (tokenization excluded).
func BenchmarkQuotesClaimsTimes(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/seed/000_2cf861e3df7cb574.txt")
	if err != nil {
		b.Skip("seed article not available:", err)
	}
	doc := nlp.NewDoc(string(data))
	pub := time.Date(2023, 10, 27, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		qs := Quotes(doc, "seed")
		Claims(doc, "seed", qs)
		Times(doc, "seed", pub)
	}
}

// TestNoInversionAfterAppositive: "X, a Y, described Z" does not make X
// the content of a trailing attribution with Z as its speaker.
func TestNoInversionAfterAppositive(t *testing.T) {
	text := "Tom Berg, a farmer near the river, described the flood in detail."
	for _, q := range Quotes(nlp.NewDoc(text), "a") {
		if strings.Contains(q.Content.Text, "Tom Berg") {
			t.Errorf("speaker read as content: %q (cue %q)", q.Content.Text, cueText(&q))
		}
	}
}

// TestContinuationPastTitle: a short quoted title in the attribution
// ("on Channel Four's “Morning Harbour.”") does not stop the next quote
// from carrying on the attributed one.
func TestContinuationPastTitle(t *testing.T) {
	text := "“The harbour is safe. The walls held,” Jane Roe, the port director, said on Friday on Channel Four’s “Morning Harbour.” “We will reopen the docks on Monday.”"
	qs := Quotes(nlp.NewDoc(text), "a")
	q := findQuote(qs, "reopen the docks")
	if q == nil || speakerText(q) != "Jane Roe, the port director" || cueText(q) != "said" {
		t.Fatalf("continued quote missing or misattributed: %+v", qs)
	}
	for i := range qs {
		if strings.Contains(qs[i].Content.Text, "Morning Harbour") {
			t.Errorf("the title became a quote: %q", qs[i].Content.Text)
		}
	}
}

// After "CONTENT, X said," a clause opened by "as", "while", "after" … is
// the writer's, not the rest of what X said.
func TestQuoteParentheticalStopsAtReporterClause(t *testing.T) {
	text := "Warplanes struck targets in the south overnight, the army said, as talks on the release of hostages stalled."
	qs := Quotes(annotate(t, text), "a")
	found := false
	for _, q := range qs {
		if strings.Contains(q.Content.Text, "talks on the release") {
			t.Errorf("quote content %q is the writer's clause", q.Content.Text)
		}
		if strings.HasPrefix(q.Content.Text, "Warplanes struck") {
			found = true
		}
	}
	if !found {
		t.Errorf("no quote of the army's report in %+v", qs)
	}
}

// "told the crowd that …": the addressee is not part of what was said,
// even when the tagger reads "that" as a relative pronoun.
func TestPartialQuoteSkipsAddressee(t *testing.T) {
	qs := Quotes(annotate(t, `Opposition leader Maria Corina Machado told the crowd that the government had "stolen" the vote.`), "a")
	if len(qs) == 0 {
		t.Fatal("no quote")
	}
	for _, q := range qs {
		if strings.Contains(q.Content.Text, "crowd") {
			t.Errorf("content %q holds the addressee", q.Content.Text)
		}
	}
}

// Coordinated names speak together: the speaker mention covers both.
func TestQuoteSpeakerCoordinatedNames(t *testing.T) {
	qs := Quotes(annotate(t, "Egypt and Saudi Arabia called for an immediate truce."), "a")
	if len(qs) != 1 || qs[0].Speaker == nil || qs[0].Speaker.Text != "Egypt and Saudi Arabia" {
		t.Fatalf("quotes %+v, want one whose speaker mention is \"Egypt and Saudi Arabia\"", qs)
	}
}

// "BODY role NAME said": the person named last is the speaker, whichever
// way the parser reads the phrase (two subjects, or the body coordinated
// with the name); coordinated names stay with the first.
func TestQuoteSpeakerIsPersonAfterBodyAndRole(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"Hezbollah official Hassan Fadlallah told reporters the party would not disarm.", "Hassan Fadlallah"},
		{"Taliban commander Mullah Yaqoob said the movement was studying the offer.", "Mullah Yaqoob"},
		{"Nigerian Information Minister Mohammed Idris said the curfew would be lifted.", "Mohammed Idris"},
	} {
		_, res := p.Extract(article.Article{ID: "t", Text: c.text, Published: "2024-03-03"})
		if len(res.Quotes) != 1 || res.Quotes[0].SpeakerName != c.want {
			t.Errorf("%q: quotes %+v, want one spoken by %s", c.text, res.Quotes, c.want)
		}
	}
}

// The place where a speaking body sits is not the speaker's name: "the
// defence ministry in Baku" is no quotation by Baku, while "a spokesman
// for Hamas" still names whom he speaks for.
func TestQuoteSpeakerNameIsNotItsSeat(t *testing.T) {
	cases := map[string]string{
		"Azerbaijan closed the border, the defence ministry in Baku said on Tuesday.": "",
		"A spokesman at the consulate in Erbil said the staff were safe.":             "",
		"A spokesman for Hamas said the talks had stalled.":                           "Hamas",
	}
	for text, want := range cases {
		qs := Quotes(annotate(t, text), "a")
		if len(qs) != 1 {
			t.Errorf("%q: %d quotes, want 1", text, len(qs))
			continue
		}
		if qs[0].SpeakerName != want {
			t.Errorf("%q: speaker name %q, want %q", text, qs[0].SpeakerName, want)
		}
	}
}

// "ruled on Monday that …": the day after a stance cue's preposition is
// when it was said, and the content is the clause that follows.
func TestQuoteStancePrepositionTimeIsNotContent(t *testing.T) {
	qs := Quotes(annotate(t, "The constitutional court ruled on Monday that the election must be rerun in three provinces."), "a")
	if len(qs) != 1 || !strings.Contains(qs[0].Content.Text, "the election must be rerun") {
		t.Fatalf("quotes %+v, want one whose content is the that-clause", qs)
	}
}

// A quotation over several paragraphs, attributed only after the last:
// the paragraphs left open take that speaker.
func TestQuoteParagraphsBeforeAttribution(t *testing.T) {
	text := "The mayor spoke for an hour.\n" +
		"“The bridge will be rebuilt by spring. Nobody will be left behind.\n" +
		"“The money is already in the budget,” Mayor Joan Kiprop told the council."
	qs := Quotes(annotate(t, text), "a")
	found := false
	for _, q := range qs {
		if strings.Contains(q.Content.Text, "The bridge will be rebuilt") {
			found = true
			if q.Speaker == nil || !strings.Contains(q.Speaker.Text, "Kiprop") {
				t.Errorf("first paragraph attributed to %+v, want the mayor", q.Speaker)
			}
		}
	}
	if !found {
		t.Errorf("quotes %+v: the first paragraph is not quoted", qs)
	}
}

// A verb the parser gave two subjects, a demonym and the name after its
// title ("Somali Foreign Minister X welcomed …"), is spoken by the one
// next to the verb: the speaker mention holds the name.
func TestQuoteTwoSubjectsTakesNearest(t *testing.T) {
	qs := Quotes(annotate(t, "Somali Foreign Minister Ahmed Fiqi welcomed the deal."), "a")
	if len(qs) != 1 || qs[0].Speaker == nil || !strings.Contains(qs[0].Speaker.Text, "Fiqi") {
		t.Fatalf("quotes %+v, want one whose speaker mention names Fiqi", qs)
	}
}

// "X said in a statement that …": the statement is X's, whichever word
// the parser made the cue.
func TestQuoteStatementNounTakesVerbSubject(t *testing.T) {
	qs := Quotes(annotate(t, "The Education Ministry said in a statement that 40 schools had closed."), "a")
	if len(qs) != 1 || qs[0].Speaker == nil || !strings.Contains(qs[0].Speaker.Text, "Education Ministry") {
		t.Fatalf("quotes %+v, want one spoken by the Education Ministry", qs)
	}
}

// "It said" right after a body's statement is that body; after a
// person's statement "it" stays unresolved.
func TestQuoteItIsThePreviousBody(t *testing.T) {
	qs := Quotes(annotate(t, "The electoral board said the count would take a week. It said on Friday that 30 polling stations had reopened."), "a")
	if len(qs) != 2 || qs[1].SpeakerName != "The electoral board" {
		t.Fatalf("quotes %+v, want the second spoken by the electoral board", qs)
	}
	qs = Quotes(annotate(t, "Mayor Ana Silva said the count would take a week. It said on Friday that 30 polling stations had reopened."), "a")
	if len(qs) == 2 && qs[1].SpeakerName != "" {
		t.Errorf("\"it\" after a person resolved to %q", qs[1].SpeakerName)
	}
}

// "it" inside a sentence may stand for any noun before it: it is not
// taken for the body that spoke in the sentence before.
func TestQuoteInnerItIsNotPreviousBody(t *testing.T) {
	qs := Quotes(annotate(t, "The army said the roads were open. Crowds gathered outside the court after it ruled that the vote was valid."), "a")
	for _, q := range qs[1:] {
		if q.SpeakerName == "The army" {
			t.Errorf("quote %q attributed to the army", q.Content.Text)
		}
	}
}

// A subject with an appositive set off by commas speaks a stance cue:
// "The regional bloc, ECOWAS, urged …".
func TestQuoteObjectCueAfterAppositive(t *testing.T) {
	qs := Quotes(annotate(t, "The regional bloc, ECOWAS, urged the junta to free the president."), "a")
	if len(qs) != 1 || qs[0].Cue == nil || qs[0].Cue.Text != "urged" || qs[0].Speaker == nil || !strings.Contains(qs[0].Speaker.Text, "regional bloc") {
		t.Fatalf("quotes %+v, want one with cue \"urged\" spoken by the bloc", qs)
	}
}

// Speaker names: the appositive after a possessor's role speaks ("Lee's
// doctor, Ann Park, told …"), a weekday is no name, the agent of a
// participle after the source ("a memo obtained by the BBC") is not the
// source, and "seized the building" reports nothing.
func TestSpeakerNameAppositiveDayAndParticipleAgent(t *testing.T) {
	p, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Tom Lee was taken to hospital. Lee's doctor, Ann Park, told the court that he was too ill to travel.\n\n" +
		"According to an internal memo obtained by the BBC, the ministry had ignored the warnings.\n\n" +
		"Rebels seized the airport and said they controlled the city."
	_, res := p.Extract(article.Article{ID: "t", Text: text, Published: "2026-01-10"})
	for _, q := range res.Quotes {
		c := q.Content.Text
		switch {
		case strings.Contains(c, "too ill") && q.SpeakerName != "Ann Park":
			t.Errorf("%q spoken by %q, want Ann Park", c, q.SpeakerName)
		case strings.Contains(c, "ignored") && q.SpeakerName == "BBC":
			t.Errorf("%q spoken by the BBC, which only obtained the memo", c)
		case strings.Contains(c, "airport"):
			t.Errorf("%q read as a report of %q", c, q.Cue.Text)
		}
	}
	_, res = p.Extract(article.Article{ID: "t", Text: "A court in Lagos on Friday heard a request to free the men.", Published: "2026-01-10"})
	for _, q := range res.Quotes {
		if q.SpeakerName == "Friday" {
			t.Errorf("%q spoken by Friday", q.Content.Text)
		}
	}
}

// TestDirectQuoteLongNamedSpeaker: a speaker after the quote whose name
// carries a title, a party and state, and an appositive before the cue.
func TestDirectQuoteLongNamedSpeaker(t *testing.T) {
	text := "“The bridge money is gone and nobody can say where,” Sen. Maria Lopez (D-N.M.), the ranking member of the transport panel, said on Tuesday."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "bridge money is gone")
	if q == nil || q.Kind != record.QuoteDirect || cueText(q) != "said" || !strings.HasPrefix(speakerText(q), "Sen. Maria Lopez (D-N.M.)") {
		t.Fatalf("direct quote = %+v", q)
	}
	text = "“We will rebuild the school,” Ana Maria Silva Costa, the head of the parents’ association in the village, said."
	q = findQuote(Quotes(fullDoc(t, text), "a"), "rebuild the school")
	if q == nil || cueText(q) != "said" || !strings.HasPrefix(speakerText(q), "Ana Maria Silva Costa") {
		t.Fatalf("direct quote = %+v", q)
	}
}

// TestStateAsSpeechVerb: "state" and other plain speech verbs (confide,
// protest, mutter, ...) cue direct quotes like "say".
func TestStateAsSpeechVerb(t *testing.T) {
	q := wantQuote(t, "“The levee is sound, although the spring floods tested it harder than any year since the war ended,” the annual bank report stated.",
		"The levee is sound", "stated", "the annual bank report")
	if q != nil && q.Kind != record.QuoteDirect {
		t.Errorf("kind %s, want direct", q.Kind)
	}
	wantQuote(t, "“Nobody told us anything,” the farmer muttered.", "Nobody told us", "muttered", "the farmer")
}

// TestParentheticalWithQuotation: a clause interrupted by its
// attribution carries on past it even when the rest holds a quotation;
// both halves are one report under one cue.
func TestParentheticalWithQuotation(t *testing.T) {
	text := "The new tolls on the bridge, the mayor said, are “a tax on going to work” and must end."
	qs := Quotes(fullDoc(t, text), "a")
	first, rest := findQuote(qs, "The new tolls"), findQuote(qs, "a tax on going to work")
	if first == nil || rest == nil || cueText(first) != "said" || cueText(rest) != "said" || speakerText(rest) != "the mayor" {
		t.Fatalf("quotes = %+v", qs)
	}
	if !strings.HasPrefix(rest.Content.Text, "are") || !strings.Contains(rest.Content.Text, "must end") {
		t.Fatalf("second half = %q", rest.Content.Text)
	}
}

// TestParentheticalWithAdverbial: an attribution that ends in a time or
// setting phrase, or in an addressee, still lets the clause carry on.
func TestParentheticalWithAdverbial(t *testing.T) {
	for _, text := range []string{
		"The old ferry line, the harbour master said on Monday, will close before the winter.",
		"The old ferry line, the harbour master told reporters, will close before the winter.",
	} {
		qs := Quotes(fullDoc(t, text), "a")
		first, rest := findQuote(qs, "The old ferry line"), findQuote(qs, "will close before the winter")
		if first == nil || rest == nil || first.Cue == nil || rest.Cue == nil || first.Cue.Start != rest.Cue.Start || speakerText(rest) != "the harbour master" {
			t.Fatalf("%s: quotes = %+v", text, qs)
		}
	}
}

// TestContentEndingInQuotation: "CONTENT, X said" where the content ends
// in a quotation, its comma inside the closing mark.
func TestContentEndingInQuotation(t *testing.T) {
	text := `The region "has changed a great deal for the better," the governor said.`
	q := findQuote(Quotes(fullDoc(t, text), "a"), "has changed a great deal")
	if q == nil || q.Content.Text != `The region "has changed a great deal for the better,"` || cueText(q) != "said" || speakerText(q) != "the governor" {
		t.Fatalf("quote = %+v", q)
	}
}

// TestEnvoyToBodySpeaker: "X's envoy to Y" is the envoy speaking, not Y,
// and Y gives no speaker name.
func TestEnvoyToBodySpeaker(t *testing.T) {
	for _, c := range []struct{ text, content, speaker string }{
		{"Chile's envoy to the agency warned that such a step would hurt the talks.", "such a step would hurt", "Chile's envoy to the agency"},
		{"Peru's ambassador to the United Nations said the vote was unfair.", "the vote was unfair", "Peru's ambassador to the United Nations"},
	} {
		q := findQuote(Quotes(fullDoc(t, c.text), "a"), c.content)
		if q == nil || speakerText(q) != c.speaker || q.SpeakerName == "United Nations" {
			t.Fatalf("%s: quote = %+v", c.text, q)
		}
	}
}

// TestQuotedListContinues: a reported content that ends with a quotation
// runs over the quotations coordinated with it, but not over a quotation
// with an attribution of its own.
func TestQuotedListContinues(t *testing.T) {
	for _, c := range []struct{ text, probe, content, speaker, cue string }{
		{`The coach called the referee a “disgrace,” a “coward” and a “menace to the sport.”`, "referee",
			`the referee a “disgrace,” a “coward” and a “menace to the sport.”`, "The coach", "called"},
		{`Local farmers described the new dam as "reckless" and "a gift to the developers."`, "dam",
			`the new dam as "reckless" and "a gift to the developers."`, "Local farmers", "described"},
	} {
		q := wantQuote(t, c.text, c.probe, c.cue, c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
	text := `The mayor called the plan “reckless,” and “We will fight it in court,” her deputy said.`
	q := wantQuote(t, text, "the plan", "called", "The mayor")
	if q != nil && strings.Contains(q.Content.Text, "fight") {
		t.Errorf("content ran into another speaker's quotation: %q", q.Content.Text)
	}
}

// "declared a curfew", "declared victory": a plain object of "declare" is
// an act, not a reported clause; "declared that" still reports.
func TestDeclarePlainObjectIsNoQuote(t *testing.T) {
	for _, text := range []string{
		"The governor declared a curfew in the port city on Friday.",
		"Nepal's cabinet declared a state of emergency in three districts last week and asked for help.",
	} {
		if qs := Quotes(fullDoc(t, text), "a"); len(qs) > 0 {
			t.Errorf("%q: quotes %+v, want none", text, qs)
		}
	}
	wantQuote(t, "The mayor declared that the city was safe.", "that the city was safe", "declared", "The mayor")
}

// TestReportedClauseStopsAtMainClause: a reported clause with a finite
// verb ends at a comma before a new main clause; a fronted subordinate
// clause or a list inside it does not end it.
func TestReportedClauseStopsAtMainClause(t *testing.T) {
	for _, c := range []struct{ text, probe, content, cue, speaker string }{
		{"As a teacher who knows that patience works better than threats, I remind myself that every child can learn.",
			"patience", "that patience works better than threats", "knows", "who"},
		{"As a teacher who knows that patience works better than threats, I remind myself that every child can learn.",
			"every child", "that every child can learn", "remind", "I"},
		{"The mayor said that when the storm hit, the levee held.", "levee",
			"that when the storm hit, the levee held", "said", "The mayor"},
		{"Officials said that the road, the bridge and the tunnel will reopen in May.", "tunnel",
			"that the road, the bridge and the tunnel will reopen in May", "said", "Officials"},
	} {
		q := wantQuote(t, c.text, c.probe, c.cue, c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
}

// "CONTENT, X said, adding that CONTENT2": the participle opens an
// attribution of its own, by the same speaker; it is no continuation of
// the first content.
func TestAddingAfterAttribution(t *testing.T) {
	for _, tc := range []struct{ text, first, second, speaker string }{
		{"The ferry service will resume on Monday, the harbour authority said on Sunday, adding that repairs had cost more than expected.",
			"The ferry service will resume on Monday", "repairs had cost more than expected", "the harbour authority"},
		{"The talks will resume next week, the minister said, adding that both sides wanted a deal.",
			"The talks will resume next week", "both sides wanted a deal", "the minister"},
	} {
		q1 := wantQuote(t, tc.text, tc.first, "said", tc.speaker)
		if q1 != nil && strings.Contains(q1.Content.Text, "adding") {
			t.Errorf("%q: first content %q runs into the participle", tc.text, q1.Content.Text)
		}
		wantQuote(t, tc.text, tc.second, "adding", tc.speaker)
	}
}

// An acronym before a title and a name is part of the speaker, though
// the tagger reads "WHO" as the pronoun and the title as a verb.
func TestAcronymTitleSpeaker(t *testing.T) {
	wantQuote(t, `"The wards are full," WHO spokesperson Ana Lima told reporters in Geneva.`,
		"The wards are full", "told", "WHO spokesperson Ana Lima")
}

// "said in a report last month that ...": a "that" after a time word
// opens the content even when the tagger reads it as a relative pronoun.
func TestThatAfterTimeWord(t *testing.T) {
	wantQuote(t, "Amnesty said in a report last month that at least 900 protesters had been detained since October.",
		"at least 900 protesters had been detained", "said", "Amnesty")
	q := wantQuote(t, "The group said on its website last week that the talks had failed.",
		"the talks had failed", "said", "The group")
	if q != nil && strings.Contains(q.Content.Text, "website") {
		t.Errorf("content %q holds the adverbials before that", q.Content.Text)
	}
}

// A speaker mention the parse starts inside a name covers the whole name
// the entity recogniser found ("Watch" read as a pronoun in "Human
// Rights Watch").
func TestSpeakerCoversWholeName(t *testing.T) {
	text := "Human Rights Watch said in a report that at least 900 protesters had been detained."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "protesters had been detained")
	if q == nil || speakerText(q) != "Human Rights Watch" {
		t.Errorf("%q: quote %+v, want the speaker Human Rights Watch", text, q)
	}
}

// "CONTENT, officials said, a week before an election ...": a span of
// time after the attribution is an adverbial, not more content.
func TestTimeSpanAfterAttribution(t *testing.T) {
	for _, text := range []string{
		"Police detained 40 activists on Saturday, officials said, a week before a vote the opposition has vowed to boycott.",
		"Police detained 40 activists on Saturday, officials said, days before an election from which the leader has been barred.",
	} {
		wantQuote(t, text, "Police detained 40 activists on Saturday", "said", "officials")
		for _, q := range Quotes(fullDoc(t, text), "a") {
			if strings.Contains(q.Content.Text, " before a") {
				t.Errorf("%q: the time span is content of %q", text, cueText(&q))
			}
		}
	}
}

// Coordinated names speak together, each with its article.
func TestCoordinatedSpeakersWithArticles(t *testing.T) {
	wantQuote(t, "The United States and the European Union have urged both sides to show restraint.",
		"both sides to show restraint", "have urged", "The United States and the European Union")
}

// "According to X, who spoke on condition of anonymity, CONTENT": the
// relative clause on the source is no content.
func TestAccordingToSourceWithRelativeClause(t *testing.T) {
	q := wantQuote(t, "According to a senior official, who spoke on condition of anonymity, six of the freed prisoners had been wrongfully detained.",
		"six of the freed prisoners", "According to", "a senior official")
	if q != nil && strings.Contains(q.Content.Text, "anonymity") {
		t.Errorf("content %q holds the relative clause", q.Content.Text)
	}
}

// "a businessman accused by prosecutors of laundering": a passive
// participle; the text before it is no content it attributes.
func TestAccusedByIsPassive(t *testing.T) {
	text := "The deal freed Alex Saab, a Colombian businessman accused by U.S. prosecutors of laundering $350 million."
	for _, q := range Quotes(fullDoc(t, text), "a") {
		if strings.Contains(q.Content.Text, "The deal freed") {
			t.Errorf("%q: quote %q attributed to %q", text, q.Content.Text, speakerText(&q))
		}
	}
}

// A passive urge names the ones urged, not who urged them: no speaker.
func TestPassiveUrgeHasNoSpeaker(t *testing.T) {
	wantNoSpeaker(t,
		"Residents of West Terre Haute and Clinton were urged to move valuables to higher floors.",
		"Families in the valley were again urged to boil their water.")
	// The active form keeps its speaker.
	wantQuote(t, "The mayor urged residents to move valuables to higher floors.", "to move valuables to higher floors", "urged", "The mayor")
}

// A speaker between the quotation and the cue may be a description
// followed by the name: "…," the education minister, Rana Sikandar, told
// reporters.
func TestDirectQuoteDescriptionThenName(t *testing.T) {
	q := wantQuote(t, `"Children should stay indoors between noon and 5 p.m.," the education minister, Rana Sikandar, told reporters.`,
		`"Children should stay indoors between noon and 5 p.m.,"`, "told", "the education minister, Rana Sikandar")
	if q != nil && q.Kind != record.QuoteDirect {
		t.Errorf("kind %s", q.Kind)
	}
	// A description that is no name's stays unattributed this way.
	for _, q := range Quotes(annotate(t, `"We will rebuild," the mayor, who was re-elected last year, told reporters.`), "t") {
		if q.Speaker != nil && strings.Contains(q.Speaker.Text, "who was") {
			t.Errorf("speaker %q", q.Speaker.Text)
		}
	}
}

// Places listed after "in" in a speaker mention are where the speakers
// are, not who speaks.
func TestSpeakerNameNotListedPlace(t *testing.T) {
	q := wantQuote(t, "Local businesses in Cowes and Newport said the strike had cost them thousands of pounds.",
		"the strike had cost them thousands of pounds", "said", "Local businesses in Cowes and Newport")
	if q != nil && q.SpeakerName == "Newport" {
		t.Errorf("speaker name %q", q.SpeakerName)
	}
	// A name after "and" is still a name.
	q = wantQuote(t, "Smith and Jones said the plan would fail.", "the plan would fail", "said", "Smith and Jones")
	if q != nil && q.SpeakerName == "" {
		t.Errorf("no speaker name for Smith and Jones")
	}
}

// A fire, storm or virus that threatens or warns says nothing.
func TestHazardIsNoSpeaker(t *testing.T) {
	wantNoSpeaker(t,
		"Bushfire threatens homes in Blue Mountains\nA bushfire burned out of control on Tuesday.",
		"The storm threatened coastal towns with flooding on Monday.",
		"Wildfires threaten thousands of homes across the state.")
	wantQuote(t, "The minister threatened the rebels with sanctions.", "the rebels with sanctions", "threatened", "The minister")
}

// After ", X said," a verbless noun phrase is an appositive about the
// whole sentence, not more of what was said; a clause carries on.
func TestParentheticalAppositiveIsNoContent(t *testing.T) {
	text := "A tire plant in Jackson will close next year, eliminating about 400 jobs, the company said Tuesday, the latest blow to manufacturing in West Tennessee."
	for _, q := range Quotes(annotate(t, text), "t") {
		if strings.Contains(q.Content.Text, "latest blow") {
			t.Errorf("content %q", q.Content.Text)
		}
	}
	found := false
	for _, q := range Quotes(annotate(t, "The middle fifth paid 8.9 percent, the agency said in a June report, and those in the bottom fifth paid 0.8 percent."), "t") {
		if strings.Contains(q.Content.Text, "bottom fifth") {
			found = true
		}
	}
	if !found {
		t.Errorf("the clause after the parenthetical attribution was lost")
	}
}

// wantNoSpeaker checks that no quote found in each text has a speaker.
func wantNoSpeaker(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, q := range Quotes(annotate(t, text), "t") {
			if q.Speaker != nil {
				t.Errorf("%q: speaker %q, cue %q, content %q", text, q.Speaker.Text, q.Cue.Text, q.Content.Text)
			}
		}
	}
}

// A cue inside an adverbial clause that opens the sentence reports only
// up to the comma before the main clause: "While a judge found [that rule
// unlawful], his ruling was reversed …".
func TestFrontedClauseEndsContent(t *testing.T) {
	text := "While a county judge found that rule unlawful, his ruling was reversed by a higher court."
	q := wantQuote(t, text, "that rule unlawful", "found", "a county judge")
	if q != nil && q.Content.Text != "that rule unlawful" {
		t.Errorf("%q: content %q runs into the main clause", text, q.Content.Text)
	}
}
