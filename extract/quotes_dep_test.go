package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"dateline/nlp"
	"dateline/record"
)

// fullDoc annotates text with the embedded text engine (tagger, parser,
// entities), which the parse-based quote rules need.
func fullDoc(t testing.TB, text string) *nlp.Doc {
	t.Helper()
	p, err := nlp.Default()
	if err != nil {
		t.Fatalf("loading the text engine: %v", err)
	}
	return p.Annotate(text)
}

func cueText(q *record.Quote) string {
	if q == nil || q.Cue == nil {
		return ""
	}
	return q.Cue.Text
}

func TestDependencyQuotePatterns(t *testing.T) {
	cases := []struct {
		name, text, content, speaker, cue string
	}{
		{"reduced-relative-misparse", "One of the doctors called the host a quack.",
			"the host a quack", "One of the doctors", "called"},
		{"opening-participle-csubj", "Lamenting their luck, farmers often say the rain never comes.",
			"their luck", "farmers", "Lamenting"},
		{"object-before-comma", "The author wrote his book, a study of river towns, in two years.",
			"his book", "The author", "wrote"},
		{"clause-past-participle-aside", "Supporters say the program, run by the city, has brought thousands of jobs.",
			"the program, run by the city, has brought thousands of jobs", "Supporters", "say"},
		{"belief-plain-object", "Few officials recognize the danger of the new dam.",
			"the danger of the new dam", "Few officials", "recognize"},
		{"speech-gerund", "The treasurer admitted using the city's credit card for meals.",
			"using the city's credit card for meals", "The treasurer", "admitted"},
		{"prep-object-role", "Residents referred to the old mill as an eyesore.",
			"the old mill as an eyesore", "Residents", "referred to"},
		{"object-drops-time-adjunct", "The senator attacked her opponent as a fraud during the first debate on Monday.",
			"her opponent as a fraud", "The senator", "attacked"},
		{"belief-bare", "Many farmers believe the new dam will ruin the valley.",
			"the new dam will ruin the valley", "Many farmers", "believe"},
		{"intent-xcomp", "The council intends to sell the old stadium.",
			"to sell the old stadium", "The council", "intends"},
		{"intent-countries", "Years ago, several Baltic countries agreed to share one power grid.",
			"to share one power grid", "several Baltic countries", "agreed"},
		{"intent-object", "Local fishermen want stricter limits on trawlers.",
			"stricter limits on trawlers", "Local fishermen", "want"},
		{"stance-object-argument", "The mayor accused the contractor of hiding the cracks.",
			"the contractor of hiding the cracks", "The mayor", "accused"},
		{"stance-drops-adjunct", "The union criticized the new schedule on Tuesday.",
			"the new schedule", "The union", "criticized"},
		{"naming-as", "The auditor described the accounts as a complete mess.",
			"the accounts as a complete mess", "The auditor", "described"},
		{"call-for", "Residents called for an independent review of the fire.",
			"an independent review of the fire", "Residents", "called for"},
		{"finding-predicate", "The survey shows the mayor ahead by four points.",
			"the mayor ahead by four points", "The survey", "shows"},
		{"seem-no-source", "The ceasefire seems to have collapsed overnight.",
			"The ceasefire", "", "seems"},
		{"seem-predicate-part", "The ceasefire seems to have collapsed overnight.",
			"to have collapsed overnight", "", "seems"},
		{"adjective", "Teachers are worried about the cuts to school budgets.",
			"the cuts to school budgets", "Teachers", "are worried about"},
		{"noun-light-verb", "Voters expressed concerns about the new tax.",
			"the new tax", "Voters", "concerns about"},
		{"noun-trailing-phrase", "Voters raised questions about the new tax on fuel in the spring.",
			"the new tax on fuel in the spring", "Voters", "questions about"},
		{"verb-read-as-noun", "The transport minister plans to close the old bridge next spring.",
			"to close the old bridge", "The transport minister", "plans"},
		{"judgement-verb", "The senator lauded the new rail plan.",
			"the new rail plan", "The senator", "lauded"},
		{"presentation-verb", "The mayor unveiled a plan to rebuild the harbour.",
			"a plan to rebuild the harbour", "The mayor", "unveiled"},
		{"respond-to", "The company responded to the complaints about noise.",
			"the complaints about noise", "The company", "responded to"},
		{"gerund-opening", "Warning that the drought would spread, the minister asked farmers to save water.",
			"that the drought would spread", "the minister", "Warning"},
		{"message-object", "The mayor mentioned the damage to the old harbour wall.",
			"the damage to the old harbour wall", "The mayor", "mentioned"},
		{"passive-agent", "The new harbour tax was criticized by local fishermen.",
			"The new harbour tax", "local fishermen", "was criticized"},
		{"passive-complement", "The mayor was accused of hiding the cracks in the dam.",
			"The mayor", "", "was accused of"},
		{"advcl-infinitive", "The board decided not to renew the contract.",
			"not to renew the contract", "The board", "decided"},
		{"call-on-infinitive", "The mayor called on residents to save water during the drought.",
			"residents to save water during the drought", "The mayor", "called on"},
		{"call-for-clause", "The protesters called for the files to be released.",
			"the files to be released", "The protesters", "called for"},
		{"purpose-infinitive", "The senator went on television to accuse the agency of hiding the report.",
			"the agency of hiding the report", "The senator", "to accuse"},
		{"coordinated-after-passive", "Mr. Lane is bearish on the housing market and expects prices to fall next year.",
			"prices to fall next year", "Mr. Lane", "expects"},
		{"bare-clause-split", "Many residents think the new road was badly planned.",
			"the new road was badly planned", "Many residents", "think"},
		{"see-as", "Many farmers see the new dam as a threat to the valley.",
			"the new dam as a threat to the valley", "Many farmers", "see"},
		{"light-verb-case", "The minister made the case that the tax was fair.",
			"that the tax was fair", "The minister", "case"},
		{"impersonal-adjective", "It was unclear whether the bridge would reopen before the winter.",
			"whether the bridge would reopen before the winter", "", "It was unclear"},
		{"conjunct-in-reported-tense", "Police say the driver ignored the signal and refused to stop.",
			"the driver ignored the signal and refused to stop", "Police", "say"},
		{"complementiser-after-parenthetical", "Several engineers cautioned, as did the mayor herself, that the new bridge might need repairs.",
			"that the new bridge might need repairs", "Several engineers", "cautioned"},
		{"stance-wh-clause", "The union questioned whether the new schedule was legal.",
			"whether the new schedule was legal", "The union", "questioned"},
		{"addressee-before-preposition", "The senators pressed the banker on his bonus payments.",
			"his bonus payments", "The senators", "pressed the banker on"},
		{"coordinated-subject", "The governor visited the flooded town and promised to rebuild every house.",
			"to rebuild every house", "The governor", "promised"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Quotes(fullDoc(t, c.text), "a1")
			q := findQuote(qs, c.content)
			if q == nil {
				t.Fatalf("no quote containing %q in %+v", c.content, qs)
			}
			if got := speakerText(q); got != c.speaker {
				t.Errorf("speaker = %q, want %q", got, c.speaker)
			}
			if got := cueText(q); got != c.cue {
				t.Errorf("cue = %q, want %q", got, c.cue)
			}
			if got := c.text[q.Content.Start:q.Content.End]; got != q.Content.Text {
				t.Errorf("content evidence %d:%d = %q, text field %q", q.Content.Start, q.Content.End, got, q.Content.Text)
			}
			// The content must not run past what the cue governs.
			if strings.HasSuffix(q.Content.Text, ".") {
				t.Errorf("content keeps the full stop: %q", q.Content.Text)
			}
		})
	}
}

// TestDependencyQuoteBoundaries checks where parse-bounded contents stop.
func TestDependencyQuoteBoundaries(t *testing.T) {
	text := "The minister said the port would reopen soon and warned against panic buying."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "the port would reopen")
	if q == nil {
		t.Fatalf("no said-quote: %+v", qs)
	}
	if strings.Contains(q.Content.Text, "warned") {
		t.Errorf("content runs into the coordinated cue: %q", q.Content.Text)
	}
	w := findQuote(qs, "panic buying")
	if w == nil || cueText(w) != "warned against" || speakerText(w) != "The minister" {
		t.Errorf("coordinated cue = %+v (cue %q, speaker %q)", w, cueText(w), speakerText(w))
	}
}

// TestParticipleCueTakesSentenceSubject: "X did Y, tweeting, “...”"
// attributes the quote to the subject that opens the sentence.
func TestParticipleCueTakesSentenceSubject(t *testing.T) {
	text := "Dean, a former party chairman, poked at the rival during the debate, tweeting, “Notice him sniffing all the time.”"
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "Notice him sniffing")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if speakerText(q) != "Dean" || cueText(q) != "tweeting" {
		t.Errorf("speaker %q cue %q, want Dean and tweeting", speakerText(q), cueText(q))
	}
}

// TestQuotedTitleIsNoQuote: a capitalised quotation after a preposition
// names a programme, not something said.
func TestQuotedTitleIsNoQuote(t *testing.T) {
	text := "Speaking on “Morning Harbour,” the senator said the bridge would stay closed."
	qs := Quotes(fullDoc(t, text), "a")
	if q := findQuote(qs, "Morning Harbour"); q != nil {
		t.Errorf("title taken for a quote: %q (cue %q)", q.Content.Text, cueText(q))
	}
	if q := findQuote(qs, "the bridge would stay closed"); q == nil || speakerText(q) != "the senator" {
		t.Errorf("indirect quote missing or wrong speaker: %+v", qs)
	}
}

// TestLongAppositiveSpeakerAfterQuote: the cue may come far after the
// quote when the speaker's name carries a long appositive.
func TestLongAppositiveSpeakerAfterQuote(t *testing.T) {
	text := "“The dam is safe,” Jane Roe, director of the regional water authority and a professor of hydrology at the state university in the valley, said on Monday."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "The dam is safe")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if !strings.HasPrefix(speakerText(q), "Jane Roe") || cueText(q) != "said" {
		t.Errorf("speaker %q cue %q, want Jane Roe ... and said", speakerText(q), cueText(q))
	}
}

// TestAccordingToLooseSource: "according to" a source the noun-phrase
// reader cannot parse still attributes the clause before it.
func TestAccordingToLooseSource(t *testing.T) {
	text := "The ferry captain ignored the storm warnings, according to show insiders."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "ignored the storm warnings")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if speakerText(q) != "show insiders" || cueText(q) != "according to" {
		t.Errorf("speaker %q cue %q", speakerText(q), cueText(q))
	}
}

// TestTrailingAttributionWithParticipleTail: a participle modifying a
// noun after the attribution ("the continued protests") is no second cue.
func TestTrailingAttributionWithParticipleTail(t *testing.T) {
	text := "The harbour must be dredged before winter, local fishermen said Friday, as they waited through the continued delays at the port."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "The harbour must be dredged")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if speakerText(q) != "local fishermen" || cueText(q) != "said" {
		t.Errorf("speaker %q cue %q", speakerText(q), cueText(q))
	}
}

// TestBareClauseOpeningWithCorrelative: "says neither ... nor ..." is a
// reported clause.
func TestBareClauseOpeningWithCorrelative(t *testing.T) {
	text := "A spokeswoman for the port says neither the mayor nor the council approved the new fees."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "the council approved")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if !strings.HasPrefix(q.Content.Text, "neither the mayor") || cueText(q) != "says" {
		t.Errorf("content %q cue %q", q.Content.Text, cueText(q))
	}
}

// TestContentDropsTimeAdjunct: when the cue happened ("during ...",
// "before ...") is no part of the object content.
func TestContentDropsTimeAdjunct(t *testing.T) {
	for _, text := range []string{
		"The union criticized the new schedule during the long summer.",
		"The union criticized the new schedule before the assembled judges.",
		"The union attacked the new schedule in a diatribe.",
	} {
		qs := Quotes(fullDoc(t, text), "a")
		q := findQuote(qs, "the new schedule")
		if q == nil {
			t.Errorf("%q: no quote: %+v", text, qs)
			continue
		}
		if q.Content.Text != "the new schedule" {
			t.Errorf("%q: content = %q, want %q", text, q.Content.Text, "the new schedule")
		}
	}
}

// TestContentTailCut: a concession or a second attribution after a comma
// is not part of what the source said, and a trailing "according to"
// keeps its own attribution.
func TestContentTailCut(t *testing.T) {
	cases := []struct{ text, content, cut string }{
		{"The mayor said the bridge would reopen in May, but engineers doubt the date.",
			"the bridge would reopen in May", "engineers"},
		{"The union said the strike would go on, citing the pay offer.",
			"the strike would go on", "citing"},
		{"The bank said its profits fell sharply, and the shares dropped ten percent on Friday.",
			"its profits fell sharply", "shares"},
		{"The mayor said the timing was not intentional; the council learned of it on Friday.",
			"the timing was not intentional", "council"},
		{"The senator complained about the referee, even suggesting that the match was fixed.",
			"the referee", "suggesting"},
	}
	for _, c := range cases {
		qs := Quotes(fullDoc(t, c.text), "a")
		q := findQuote(qs, c.content)
		if q == nil {
			t.Fatalf("%q: no quote containing %q: %+v", c.text, c.content, qs)
		}
		if strings.Contains(q.Content.Text, c.cut) {
			t.Errorf("%q: content runs on past the comma: %q", c.text, q.Content.Text)
		}
	}
}

// TestNestedAttributionDropped: only the outer attribution of "X said Y
// believes Z" is kept.
func TestNestedAttributionDropped(t *testing.T) {
	text := "The coach said the players believe the referee was unfair."
	qs := Quotes(fullDoc(t, text), "a")
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
	}
	if cueText(&qs[0]) != "said" || speakerText(&qs[0]) != "The coach" {
		t.Errorf("kept %+v", qs[0])
	}
}

func TestColonQuotes(t *testing.T) {
	text := "Mayor Lind: The Bridge Will Stay Open.\n\n" +
		"An interview with the mayor follows.\n\n" +
		"\"HOST: Will the bridge close this winter?\n\n" +
		"\"LIND: No. We have repaired the cables and the engineers are satisfied.\n\n" +
		"Weather: rain later today."
	qs := Quotes(fullDoc(t, text), "a")
	head := findQuote(qs, "The Bridge Will Stay Open")
	if head == nil || speakerText(head) != "Mayor Lind" || cueText(head) != ":" || head.Content.Rule != "quote.headline" {
		t.Errorf("headline quote = %+v", head)
	}
	host := findQuote(qs, "Will the bridge close")
	if host == nil || speakerText(host) != "HOST" || host.Content.Rule != "quote.transcript" {
		t.Errorf("host turn = %+v", host)
	}
	lind := findQuote(qs, "We have repaired the cables")
	if lind == nil || speakerText(lind) != "LIND" || !strings.HasPrefix(lind.Content.Text, "No.") {
		t.Errorf("mayor turn = %+v", lind)
	}
	// A colon inside the body is not a headline.
	if q := findQuote(qs, "rain later today"); q != nil {
		t.Errorf("body colon became a quote: %+v", q)
	}
}

func TestDependencyQuotesNoFalsePositives(t *testing.T) {
	for _, text := range []string{
		"The river rose by two metres overnight and flooded the lower town.",
		"The company called a meeting for Friday.",
		"Workers repaired the bridge in two weeks.",
		"Rebels carried out an attack on the northern garrison at dawn.",
		"Officials know the area well.",
	} {
		if qs := Quotes(fullDoc(t, text), "a"); len(qs) != 0 {
			t.Errorf("%q: got %d quotes: %+v", text, len(qs), qs)
		}
	}
}

// TestMalformedParse: heads that point outside the document or form a
// cycle must not crash the quote finder.
func TestMalformedParse(t *testing.T) {
	doc := nlp.NewDoc("Officials said the road was closed.")
	n := len(doc.Tokens)
	for i := range doc.Tokens {
		doc.Tokens[i].POS = "VERB"
		doc.Tokens[i].Dep = "ccomp"
		doc.Tokens[i].Lemma = "say"
		doc.Tokens[i].Head = (i + 1) % n // a cycle through every token
	}
	doc.Tokens[0].Head = n + 5 // out of range
	_ = Quotes(doc, "a")
}

// TestSeedArticleFullEngine runs the seed article through the whole text
// engine, the way the product does.
func TestSeedArticleFullEngine(t *testing.T) {
	b, err := os.ReadFile("../../shared/corpus/seed/000_2cf861e3df7cb574.txt")
	if err != nil {
		t.Skip("seed article ../shared/corpus/seed/000_2cf861e3df7cb574.txt not available:", err)
	}
	qs := Quotes(fullDoc(t, string(b)), "seed")
	peskov := 0
	for _, q := range qs {
		if q.Kind == record.QuoteDirect && q.SpeakerName == "Dmitry Peskov" {
			peskov++
		}
	}
	if peskov != 3 {
		t.Errorf("direct Peskov quotes = %d, want 3", peskov)
	}
	if q := findQuote(qs, "A recent visit by Palestinian group Hamas"); q == nil || speakerText(q) != "the Kremlin" {
		t.Errorf("Kremlin indirect quote = %+v", q)
	}
	if q := findQuote(qs, "was leading the delegation"); q == nil || q.Via == nil || !strings.Contains(speakerText(q), "media outlets") {
		t.Errorf("nested media-outlets quote = %+v", q)
	}
	if q := findQuote(qs, "it is preparing for a ground offensive"); q == nil || speakerText(q) != "the government" || cueText(q) != "announced" {
		t.Errorf("government announcement = %+v", q)
	}
}

// BenchmarkQuotes measures the quote finder alone on the seed article
// annotated by the full text engine (annotation excluded).
func BenchmarkQuotes(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/seed/000_2cf861e3df7cb574.txt")
	if err != nil {
		b.Skip("seed article not available:", err)
	}
	doc := fullDoc(b, string(data))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Quotes(doc, "seed")
	}
}

// BenchmarkAnnotateSeed is the full text engine on the same article, the
// yardstick for BenchmarkQuotes' share of the pipeline.
func BenchmarkAnnotateSeed(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/seed/000_2cf861e3df7cb574.txt")
	if err != nil {
		b.Skip("seed article not available:", err)
	}
	p, err := nlp.Default()
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Annotate(text)
	}
}

// TestAppendedAttributionSplit: an attribution attached to a content by
// a comma clause is an attribution of its own, and the content stops
// before it.
func TestAppendedAttributionSplit(t *testing.T) {
	text := "The senator praised the young farmers, who have criticized the ministry for its water rules."
	qs := Quotes(fullDoc(t, text), "a")
	outer := findQuote(qs, "the young farmers")
	if outer == nil || cueText(outer) != "praised" {
		t.Fatalf("no praise quote: %+v", qs)
	}
	if strings.Contains(outer.Content.Text, "ministry") {
		t.Errorf("content runs into the appended attribution: %q", outer.Content.Text)
	}
	inner := findQuote(qs, "the ministry for its water rules")
	if inner == nil || cueText(inner) != "have criticized" {
		t.Errorf("appended attribution = %+v (cue %q)", inner, cueText(inner))
	}
}

// TestDirectQuoteParsedSubject: a speaker the surface patterns cannot
// reach before "said, “...”" comes from the parse.
func TestDirectQuoteParsedSubject(t *testing.T) {
	text := "The mayor, at a later news conference, said, “We will rebuild every house on this street.”"
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "rebuild every house")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if got := speakerText(q); got != "The mayor" {
		t.Errorf("speaker = %q, want %q", got, "The mayor")
	}
	if cueText(q) != "said" {
		t.Errorf("cue = %q", cueText(q))
	}
}

// TestColonLead: a cue and a colon closing a paragraph introduce the next
// paragraph; after a colon inside a paragraph the rest of it is the
// content, over several sentences.
func TestColonLead(t *testing.T) {
	text := "The harbour master continued:\n\nThe ships cannot dock here any more. The water is too shallow, but nobody listens.\n\nThe council met on Monday."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "The ships cannot dock")
	if q == nil {
		t.Fatalf("no colon-led quote: %+v", qs)
	}
	if !strings.HasSuffix(q.Content.Text, "nobody listens") {
		t.Errorf("content = %q, want the whole paragraph", q.Content.Text)
	}
	if speakerText(q) != "The harbour master" || cueText(q) != "continued:" {
		t.Errorf("speaker %q cue %q", speakerText(q), cueText(q))
	}
	text = "Later he added: The bridge is safe. We checked it twice."
	qs = Quotes(fullDoc(t, text), "a")
	if q := findQuote(qs, "We checked it twice"); q == nil || !strings.HasPrefix(q.Content.Text, "The bridge is safe") {
		t.Errorf("in-paragraph colon lead: %+v", qs)
	}
}

// TestColonLeadBlockQuote: a quotation under a lead that reopens in the
// next paragraph, without closing first, is one content.
func TestColonLeadBlockQuote(t *testing.T) {
	text := "The harbour master continued:\n\n\"The ships cannot dock here any more. The water is too shallow.\n\n\"Nobody listens to the pilots, and the dredger is broken.\"\n\nThe council met on Monday."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "The ships cannot dock")
	if q == nil {
		t.Fatalf("no colon-led quote: %+v", qs)
	}
	if !strings.Contains(q.Content.Text, "dredger is broken") || strings.Contains(q.Content.Text, "council") {
		t.Errorf("content = %q, want both quoted paragraphs and no more", q.Content.Text)
	}
}

// TestDependencyNonAttributions: necessity, finding a way and topic
// nouns without a holder are no attributions.
func TestDependencyNonAttributions(t *testing.T) {
	for _, text := range []string{
		"The farmers need to sell their wheat before winter.",
		"Many companies have found ways to cut their costs.",
		"The views of the river from the bridge are famous.",
		"Two loud bangs are heard on the recording.",
		"If you think the rent is high here, look at the harbour.",
	} {
		if qs := Quotes(fullDoc(t, text), "a"); len(qs) != 0 {
			t.Errorf("%q: got %d quotes, first %q", text, len(qs), qs[0].Content.Text)
		}
	}
}

// TestAppendedClauseWithOwnSubject: "X said A, but he refuses B" gives
// two attributions, the second not swallowed by the first.
func TestAppendedClauseWithOwnSubject(t *testing.T) {
	text := "The mayor has said several people have shown an interest in the job, but he refuses to discuss the candidates."
	qs := Quotes(fullDoc(t, text), "a")
	said := findQuote(qs, "several people have shown")
	if said == nil || strings.Contains(said.Content.Text, "refuses") {
		t.Errorf("said quote = %+v", said)
	}
	if r := findQuote(qs, "to discuss the candidates"); r == nil || cueText(r) != "refuses" {
		t.Errorf("no refuses quote: %+v", qs)
	}
}

// TestCommentClauseCut: a relative or adverbial clause set off by a comma
// after a stance's object comments on it and stays out of the content.
func TestCommentClauseCut(t *testing.T) {
	text := "The union criticized the new schedule, which starts in May."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "the new schedule")
	if q == nil || q.Content.Text != "the new schedule" {
		t.Errorf("quote = %+v", q)
	}
}

// TestRelativeThatIsNoComplementiser: "says he fought for parks that
// matter" reports the whole clause, not the relative clause after "that".
func TestRelativeThatIsNoComplementiser(t *testing.T) {
	text := "The mayor says he has fought for new parks that matter to young families."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "matter to young families")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if !strings.HasPrefix(q.Content.Text, "he has fought") {
		t.Errorf("content = %q, want the clause from %q", q.Content.Text, "he has fought")
	}
}

// TestQuoteAfterAttribution: a quoted sentence right after "..., X said."
// carries on X's statement under the same cue.
func TestQuoteAfterAttribution(t *testing.T) {
	text := "The repairs will take until spring, the engineer said. “We found cracks in every pillar.”"
	qs := Quotes(fullDoc(t, text), "a")
	first := findQuote(qs, "The repairs will take")
	second := findQuote(qs, "cracks in every pillar")
	if first == nil || second == nil {
		t.Fatalf("quotes = %+v", qs)
	}
	if second.Cue == nil || first.Cue == nil || second.Cue.Start != first.Cue.Start || speakerText(second) != "the engineer" {
		t.Errorf("second quote cue %q speaker %q, want the first one's", cueText(second), speakerText(second))
	}
}

// TestHeadlineQuotes: title-case headlines attribute with a present-tense
// cue before or after the content.
func TestHeadlineQuotes(t *testing.T) {
	cases := []struct{ text, content, speaker, cue string }{
		{"Harbour Chief Says Ferry Service Will Close In May.\n\nThe ferry has run since 1950.",
			"Ferry Service Will Close In May", "Harbour Chief", "Says"},
		{"Ferry Service Will Close In May, Harbour Chief Says.\n\nThe ferry has run since 1950.",
			"Ferry Service Will Close In May", "Harbour Chief", "Says"},
		{"Mayor Calls Bridge Plan ‘A Disgrace’\n\nThe plan was published on Monday.",
			"Bridge Plan ‘A Disgrace’", "Mayor", "Calls"},
	}
	for _, c := range cases {
		qs := Quotes(fullDoc(t, c.text), "a")
		q := findQuote(qs, c.content)
		if q == nil {
			t.Errorf("%q: no quote %q in %+v", c.text, c.content, qs)
			continue
		}
		if q.Content.Text != c.content || speakerText(q) != c.speaker || cueText(q) != c.cue {
			t.Errorf("%q: content %q speaker %q cue %q", c.text, q.Content.Text, speakerText(q), cueText(q))
		}
	}
}

// TestExtendDangling: a content the parse ends on a transitive verb takes
// the noun phrase the parser attached elsewhere ("vowed [to punish] the
// rich" with "the rich" hung on the full stop).
func TestExtendDangling(t *testing.T) {
	words := []struct {
		text, pos, dep string
		head           int
	}{
		{"He", "PRON", "nsubj", 1}, {"vowed", "VERB", "root", -1}, {"to", "PART", "mark", 3},
		{"punish", "VERB", "xcomp", 1}, {"the", "DET", "det", 5}, {"rich", "NOUN", "nsubj", 6},
		{".", "PUNCT", "punct", 1},
	}
	doc := &nlp.Doc{}
	for i, w := range words {
		if i > 0 {
			doc.Text += " "
		}
		start := len(doc.Text)
		doc.Text += w.text
		doc.Tokens = append(doc.Tokens, nlp.Token{Text: w.text, Start: start, End: len(doc.Text),
			POS: w.pos, Lemma: strings.ToLower(w.text), Dep: w.dep, Head: w.head, SpaceAfter: true})
	}
	doc.Sents = []nlp.Sentence{{Start: 0, End: len(words), EndByte: len(doc.Text)}}
	q := newQdoc(doc, "a")
	if got := q.extendDangling(q.parseTree(), 2, 4); got != 6 {
		t.Errorf("content end = %d, want 6 (through %q)", got, "the rich")
	}
	if got := q.extendDangling(q.parseTree(), 2, 6); got != 6 {
		t.Errorf("complete content extended to %d", got)
	}
}

// TestTranscriptTurnOverParagraphs: a transcript turn runs on over the
// paragraphs before the next speaker's turn.
func TestTranscriptTurnOverParagraphs(t *testing.T) {
	text := "ANCHOR: Welcome back to the show.\n\nMAYOR: Thank you for having me. The flood was bad.\n\nWe will rebuild the old bridge by spring.\n\nANCHOR: How will you pay for it?"
	qs := Quotes(fullDoc(t, text), "a")
	first := findQuote(qs, "Thank you for having me")
	more := findQuote(qs, "rebuild the old bridge")
	if first == nil || more == nil {
		t.Fatalf("quotes = %+v", qs)
	}
	if more.Cue == nil || first.Cue == nil || more.Cue.Start != first.Cue.Start || speakerText(more) != "MAYOR" {
		t.Errorf("continuation cue %q speaker %q, want the MAYOR turn's", cueText(more), speakerText(more))
	}
}

// TestPassiveTwoParts: a passive cue's content is its subject and its
// complement, two parts under one cue; the preposition is the cue's.
func TestPassiveTwoParts(t *testing.T) {
	qs := Quotes(fullDoc(t, "The mayor was accused of hiding the cracks in the dam."), "a")
	subj, comp := findQuote(qs, "The mayor"), findQuote(qs, "hiding the cracks in the dam")
	if subj == nil || comp == nil {
		t.Fatalf("quotes = %+v", qs)
	}
	if subj.Content.Text != "The mayor" || subj.Cue == nil || comp.Cue == nil || subj.Cue.Start != comp.Cue.Start {
		t.Errorf("parts %q and %q, cues %q and %q", subj.Content.Text, comp.Content.Text, cueText(subj), cueText(comp))
	}
}

// TestParseFallbacks covers contents the parser tore from their cue: a
// naming predicate hung outside the verb, a bare clause read as an
// object, and a message after a long addressee.
func TestParseFallbacks(t *testing.T) {
	cases := []struct {
		name, text, content, speaker, cue string
	}{
		{"stranded-naming-predicate", "The mayor has called climate change a hoax invented by bankers to hurt farmers.",
			"climate change a hoax invented by bankers to hurt farmers", "The mayor", "has called"},
		{"finding-bare-clause", "One study found the new levy would actually raise prices for most small shops.",
			"the new levy would actually raise prices for most small shops", "One study", "found"},
		{"feeling-participle", "Local farmers were frustrated that the council closed the market early.",
			"that the council closed the market early", "Local farmers", "were frustrated"},
		{"verb-tagged-noun", "Her former assistant maintains Secrecy is common when it comes to repairs.",
			"Secrecy is common when it comes to repairs", "Her former assistant", "maintains"},
		{"stranded-object", "The governor planned to revitalize flagging ticket sales at the bridge.",
			"to revitalize flagging ticket sales at the bridge", "The governor", "planned"},
		{"it-stance", "The Harbour Gazette ran an editorial on Sunday. It backed the mayor's housing plan.",
			"the mayor's housing plan", "It", "backed"},
		{"stance-wh-ccomp", "Several farmers questioned how the council could break its pledge.",
			"how the council could break its pledge", "Several farmers", "questioned"},
		{"addressee-then-that", "On Tuesday the minister told a meeting of harbour workers that few towns understood the risks of flooding better than theirs.",
			"that few towns understood the risks of flooding better than theirs", "the minister", "told"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Quotes(fullDoc(t, c.text), "a1")
			q := findQuote(qs, c.content)
			if q == nil || q.Content.Text != c.content {
				t.Fatalf("want content %q, got %+v", c.content, qs)
			}
			if got := speakerText(q); got != c.speaker {
				t.Errorf("speaker = %q, want %q", got, c.speaker)
			}
			if got := cueText(q); got != c.cue {
				t.Errorf("cue = %q, want %q", got, c.cue)
			}
		})
	}
	// A plural noun before a verb is no cue: "reports" here is the subject.
	qs := Quotes(fullDoc(t, "Police reports show the driver was drunk."), "a3")
	for i := range qs {
		if cueText(&qs[i]) == "reports" {
			t.Errorf("the noun \"reports\" taken for a cue: %q", qs[i].Content.Text)
		}
	}
	// A time word after the object is no naming predicate.
	qs = Quotes(fullDoc(t, "The chairman called the meeting last week."), "a2")
	if q := findQuote(qs, "the meeting"); q != nil {
		t.Errorf("a called meeting taken for a naming: %q (cue %q)", q.Content.Text, cueText(q))
	}
}

// TestReportRunsOverSharedSubject: a report keeps a predicate after "but"
// that shares its subject, and a second "that" clause after "and"; a
// "but" before a new subject still ends it.
func TestReportRunsOverSharedSubject(t *testing.T) {
	cases := []struct{ text, content string }{
		{"Several council members said they had doubts about the plan, but would wait for the final report.",
			"they had doubts about the plan, but would wait for the final report"},
		{"The chief said witnesses saw a gun and that one was found nearby.",
			"witnesses saw a gun and that one was found nearby"},
		{"The minister said the port would reopen, but critics doubted it.",
			"the port would reopen"},
	}
	for _, c := range cases {
		qs := Quotes(fullDoc(t, c.text), "a")
		q := findQuote(qs, c.content)
		if q == nil || q.Content.Text != c.content || cueText(q) != "said" {
			t.Errorf("%q: want content %q, got %+v", c.text, c.content, qs)
		}
	}
}

// TestHeadlineShapes: a plural name with a bare verb, a participial
// lead-in before the name, and sentence-case names of plain nouns.
func TestHeadlineShapes(t *testing.T) {
	cases := []struct{ text, content, speaker, cue string }{
		{"Coastal Mayors Slam New Offshore Drilling Plan.\n\nThe mayors met on Monday in the harbour town.",
			"New Offshore Drilling Plan", "Coastal Mayors", "Slam"},
		{"Fighting Back Tears, Governor Vows To Rebuild Flooded Town.\n\nThe governor spoke on Monday.",
			"To Rebuild Flooded Town", "Governor", "Vows"},
		{"Regional court rules against the new harbour tax.\n\nThe court ruled on Friday.",
			"the new harbour tax", "Regional court", "rules against"},
		{"Former union leader calls for a general strike.\n\nThe former leader spoke on Monday.",
			"a general strike", "Former union leader", "calls for"},
	}
	for _, c := range cases {
		qs := Quotes(fullDoc(t, c.text), "h")
		q := findQuote(qs, c.content)
		if q == nil || q.Content.Text != c.content || speakerText(q) != c.speaker || cueText(q) != c.cue {
			t.Errorf("%q: want %q by %q (%q), got %+v", c.text, c.content, c.speaker, c.cue, qs)
		}
	}
}

// handParsed tokenizes text and sets each token's POS, head and relation
// from rows "POS head dep [lemma [tag]]" (heads are token indexes, -1 for
// the root; the lemma defaults to the lower-cased word), for shapes of parse
// the engine gives only inside whole articles.
func handParsed(t *testing.T, text string, rows ...string) *nlp.Doc {
	t.Helper()
	doc := nlp.NewDoc(text)
	if len(doc.Tokens) != len(rows) {
		var toks []string
		for _, tk := range doc.Tokens {
			toks = append(toks, tk.Text)
		}
		t.Fatalf("%d tokens %q, %d rows", len(doc.Tokens), toks, len(rows))
	}
	for i, r := range rows {
		f := strings.Fields(r)
		doc.Tokens[i].POS, doc.Tokens[i].Dep = f[0], f[2]
		if _, err := fmt.Sscan(f[1], &doc.Tokens[i].Head); err != nil {
			t.Fatal(err)
		}
		doc.Tokens[i].Lemma = strings.ToLower(doc.Tokens[i].Text)
		if len(f) > 3 {
			doc.Tokens[i].Lemma = f[3]
		}
		if len(f) > 4 {
			doc.Tokens[i].Tag = f[4]
		}
	}
	return doc
}

// TestConjunctUnderMisparsedClause: a cue coordinated with a clause the
// parser made the complement of a verb that reports nothing keeps the
// clause's own subject.
func TestConjunctUnderMisparsedClause(t *testing.T) {
	doc := handParsed(t, "Ann has used the word often and criticized Bob as things went.",
		"PROPN 2 nsubj", "AUX 2 aux", "VERB 11 ccomp use", "DET 4 det", "NOUN 2 obj", "ADV 2 advmod",
		"CCONJ 7 cc", "VERB 2 conj criticize", "PROPN 7 obj", "SCONJ 11 mark", "NOUN 11 nsubj",
		"VERB -1 root go", "PUNCT 11 punct")
	q := findQuote(Quotes(doc, "a"), "Bob")
	if q == nil || q.Speaker == nil || q.Speaker.Text != "Ann" || cueText(q) != "criticized" {
		t.Fatalf("want Ann criticized [Bob], got %+v", q)
	}
}

// TestExtendDanglingQuotedObject: an infinitive whose quoted object the
// parser hung elsewhere takes the quotation as its object.
func TestExtendDanglingQuotedObject(t *testing.T) {
	doc := handParsed(t, "He vowed to punish “those who lie.”",
		"PRON 1 nsubj", "VERB -1 root", "PART 3 mark", "VERB 1 xcomp", "PUNCT 5 punct",
		"PRON 1 parataxis", "PRON 7 nsubj", "VERB 5 acl:relcl", "PUNCT 1 punct", "PUNCT 1 punct")
	q := newQdoc(doc, "a")
	q.pairQuotes()
	if e := q.extendDangling(q.parseTree(), 2, 4); e != 10 {
		t.Errorf("content ends at token %d, want 10 (past the closing quote mark)", e)
	}
	// Without the quotation, nothing to add.
	if e := q.extendDangling(q.parseTree(), 2, 3); e != 3 {
		t.Errorf("content ending on \"to\" grew to %d", e)
	}
}

// TestReducedRelativeSource: a finite cue the parser hung on the noun
// before it takes that noun, without its preposition, as the source.
func TestReducedRelativeSource(t *testing.T) {
	doc := handParsed(t, "Years after many countries agreed to share a currency.",
		"NOUN -1 root", "ADP 3 case", "ADJ 3 amod", "NOUN 0 nmod country", "VERB 3 acl agree VBD",
		"PART 6 mark", "VERB 4 xcomp", "DET 8 det", "NOUN 6 obj", "PUNCT 0 punct")
	q := findQuote(Quotes(doc, "a"), "to share a currency")
	if q == nil || q.Speaker == nil || q.Speaker.Text != "many countries" || cueText(q) != "agreed" {
		t.Fatalf("want [many countries] agreed [to share a currency], got %+v", q)
	}
}

// TestAskedLead: a sentence opening with the question put to the
// speaker reports what was asked, with no source.
func TestAskedLead(t *testing.T) {
	for _, c := range []struct{ text, content, cue string }{
		{"Asked about the flooding, the mayor said the dam was safe.", "the flooding", "Asked about"},
		{"Asked whether he would run again, the senator smiled.", "whether he would run again", "Asked"},
	} {
		qs := Quotes(fullDoc(t, c.text), "a")
		q := findQuote(qs, c.content)
		if q == nil || q.Content.Text != c.content || cueText(q) != c.cue || q.Speaker != nil {
			t.Errorf("%q: want [%s] under %q with no source, got %+v", c.text, c.content, c.cue, q)
		}
	}
}

// TestHearsayAdverb: "allegedly", "reportedly" attribute their clause to
// unnamed sources.
func TestHearsayAdverb(t *testing.T) {
	qs := Quotes(fullDoc(t, "The driver allegedly ran a red light near the school."), "a")
	q := findQuote(qs, "ran a red light")
	if q == nil || cueText(q) != "allegedly" || q.Speaker != nil || !strings.HasPrefix(q.Content.Text, "The driver") {
		t.Fatalf("want [The driver ... ran a red light near the school] under allegedly, got %+v", qs)
	}
}

// TestPassiveNamingPredicate: a passive naming cue keeps its predicate
// noun as the second part of the content.
func TestPassiveNamingPredicate(t *testing.T) {
	qs := Quotes(fullDoc(t, "The mayor was dubbed the best dressed man in town."), "a")
	subj, pred := findQuote(qs, "The mayor"), findQuote(qs, "best dressed man")
	if subj == nil || pred == nil || cueText(subj) != "was dubbed" || cueText(pred) != "was dubbed" {
		t.Fatalf("want [The mayor] was dubbed [the best dressed man in town], got %+v", qs)
	}
}

// TestHeadlineNameOnTopic: "NAME on TOPIC: WORDS" headlines give the
// name as source and "on TOPIC:" as cue; "... from NAME: WORDS" the name
// after "from".
func TestHeadlineNameOnTopic(t *testing.T) {
	wantQuote(t, "Mayor Lind on Flooding: The Worst Is Over.\n\nThe river fell overnight.", "The Worst Is Over", "on Flooding:", "Mayor Lind")
	wantQuote(t, "A Lesson From Mayor Lind: Keep the Gates Open.\n\nThe river fell overnight.", "Keep the Gates Open", ":", "Mayor Lind")
}

// TestAccordingToQuotation: "According to X, “...”" takes the whole
// quotation, past its first full stop.
func TestAccordingToQuotation(t *testing.T) {
	text := "According to the mayor, “The dam is safe. We checked it twice.” Residents were not convinced."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "The dam is safe")
	if q == nil || !strings.Contains(q.Content.Text, "checked it twice") || speakerText(q) != "the mayor" {
		t.Fatalf("according-to quote = %+v", q)
	}
}

// TestPartialQuoteAppositiveSpeaker: a partial quote whose speaker
// carries an appositive before the cue.
func TestPartialQuoteAppositiveSpeaker(t *testing.T) {
	text := "Jane Roe, a senior adviser to the mayor, called the plan “a costly mistake” on Friday."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "a costly mistake")
	if q == nil || cueText(q) != "called" || !strings.HasPrefix(speakerText(q), "Jane Roe") {
		t.Fatalf("partial quote = %+v", q)
	}
}

// TestTimePhraseBeforeCue: a bare time phrase between subject and cue
// ("The bank last week said", "the council this month announced") is
// neither the source nor an obstacle to finding it.
func TestTimePhraseBeforeCue(t *testing.T) {
	text := "The water board this month announced it would raise prices for farms by a fifth."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "it would raise prices")
	if q == nil || cueText(q) != "announced" || speakerText(q) != "The water board" {
		t.Fatalf("quote = %+v", q)
	}
	text = "The water board last week said that prices for farms would rise."
	q = findQuote(Quotes(fullDoc(t, text), "a"), "prices for farms would rise")
	if q == nil || speakerText(q) != "The water board" {
		t.Fatalf("quote = %+v", q)
	}
}

// TestVerblessClauseCompleted: a reported clause the parser cut before
// its finite verb ("fears [that building the road] would destroy ...",
// "noted [several “cracks”] left ...") runs on through that verb's
// phrase.
func TestVerblessClauseCompleted(t *testing.T) {
	text := "Residents voiced fears that building the road would destroy the wetland."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "that building the road")
	if q == nil || q.Content.Text != "that building the road would destroy the wetland" {
		t.Fatalf("quote = %+v", q)
	}
	text = "The inspector also noted several “hairline cracks” left the tower unsafe."
	q = findQuote(Quotes(fullDoc(t, text), "a"), "hairline cracks")
	if q == nil || q.Content.Text != "several “hairline cracks” left the tower unsafe" || cueText(q) != "also noted" {
		t.Fatalf("quote = %+v", q)
	}
}

// TestParticipleAfterQuotation: ", adding that ..." after a quotation
// the parser took as its head reports what the quotation's speaker added.
func TestParticipleAfterQuotation(t *testing.T) {
	text := `In a statement, the mill owners said: "The mill was highly profitable when it became an independent, publicly listed company a decade ago," adding that its output doubled within a year.`
	q := findQuote(Quotes(fullDoc(t, text), "a"), "its output doubled")
	if q == nil || cueText(q) != "adding" || speakerText(q) != "the mill owners" {
		t.Fatalf("quote = %+v", q)
	}
}

// TestPersuadedPassiveHoldsBelief: the subject of "was convinced" holds
// the belief; it is the source, not a part of the content.
func TestPersuadedPassiveHoldsBelief(t *testing.T) {
	for _, c := range []struct{ text, content, speaker string }{
		{"The inspectors were convinced that the dam had been built too fast.", "that the dam had been built too fast", "The inspectors"},
		{"After two visits, we are convinced this valley is the right place for a school.", "this valley is the right place for a school", "we"},
	} {
		qs := Quotes(fullDoc(t, c.text), "a")
		q := findQuote(qs, c.content)
		if q == nil {
			t.Fatalf("%q: no quote with %q: %+v", c.text, c.content, qs)
		}
		if speakerText(q) != c.speaker {
			t.Errorf("%q: speaker %q, want %q", c.text, speakerText(q), c.speaker)
		}
		for _, r := range qs {
			if strings.EqualFold(r.Content.Text, c.speaker) {
				t.Errorf("%q: the persuaded subject is reported as content", c.text)
			}
		}
	}
}

// TestPluralSubjectCueTaggedAsNoun: "Records from 2005 show he ...", where
// the tagger reads "show" as a noun after the prepositional modifier.
func TestPluralSubjectCueTaggedAsNoun(t *testing.T) {
	text := "Tax records from 2005 show he paid almost nothing that year."
	qs := Quotes(fullDoc(t, text), "a")
	q := findQuote(qs, "he paid almost nothing that year")
	if q == nil {
		t.Fatalf("no quote: %+v", qs)
	}
	if speakerText(q) != "Tax records from 2005" || cueText(q) != "show" {
		t.Errorf("speaker %q cue %q", speakerText(q), cueText(q))
	}
	// The subject may open a subordinate clause.
	text = "The race tightened after leaked memos from his 2009 tax return show he lost millions."
	q = findQuote(Quotes(fullDoc(t, text), "c"), "he lost millions")
	if q == nil || speakerText(q) != "leaked memos from his 2009 tax return" {
		t.Errorf("after a subordinator: %+v", q)
	}
	// A noun "show" before a relative clause reports nothing.
	for _, r := range Quotes(fullDoc(t, "Fans of the TV show that aired on Monday wrote angry letters."), "b") {
		if cueText(&r) == "show" {
			t.Errorf("noun read as a cue: %+v", r.Content)
		}
	}
}

// TestReducedRelativeSubjectCue: "A survey released Monday shows that
// ..." — the participle phrase belongs to the subject of the cue.
func TestReducedRelativeSubjectCue(t *testing.T) {
	for _, c := range []struct{ text, content, speaker, cue string }{
		{"A new county survey released Monday shows that in the eastern suburbs, most renters want rent control.",
			"that in the eastern suburbs, most renters want rent control", "A new county survey released Monday", "shows"},
		{"But a short audit published by the state treasurer last week reveals just how badly the pension fund is managed.",
			"just how badly the pension fund is managed", "a short audit published by the state treasurer last week", "reveals"},
	} {
		qs := Quotes(fullDoc(t, c.text), "a")
		q := findQuote(qs, c.content)
		if q == nil {
			t.Fatalf("%q: no quote with %q: %+v", c.text, c.content, qs)
		}
		if q.Content.Text != c.content || speakerText(q) != c.speaker || cueText(q) != c.cue {
			t.Errorf("%q: content %q speaker %q cue %q", c.text, q.Content.Text, speakerText(q), cueText(q))
		}
	}
	// The participle's own subject clause is no subject phrase.
	for _, r := range Quotes(fullDoc(t, "The senator who voted last week says the bill is dead."), "b") {
		if r.Speaker != nil && strings.Contains(r.Speaker.Text, "voted") {
			t.Errorf("relative clause read as a reduced relative: %q", r.Speaker.Text)
		}
	}
}

// TestGoAfterAsJudgement: "went after X as Y" judges X; "went after" a
// thing chased or a time is no attribution.
func TestGoAfterAsJudgement(t *testing.T) {
	q := wantQuote(t, "The union leader went after the mayor as a friend of landlords.", "the mayor", "went after", "The union leader")
	if q != nil && q.Content.Text != "the mayor as a friend of landlords" {
		t.Errorf("content %q", q.Content.Text)
	}
	for _, text := range []string{"The guard went after the thief on foot.", "Most voters went after lunch to the polls."} {
		for _, r := range Quotes(fullDoc(t, text), "a") {
			if cueText(&r) == "went after" {
				t.Errorf("%q: deed read as a judgement: %q", text, r.Content.Text)
			}
		}
	}
}

// TestOneWordObjectTimeCut: a phrase of "during"/"throughout" after a
// one-word object times the cue and leaves the content; a complementiser
// before such a phrase keeps its clause.
func TestOneWordObjectTimeCut(t *testing.T) {
	for _, c := range []struct{ text, probe, content, cue, speaker string }{
		{"Ms. Lee generally supported Republicans during her career on Fox.", "Republicans", "Republicans", "generally supported", "Ms. Lee"},
		{"The judge criticized them throughout the trial.", "them", "them", "criticized", "The judge"},
		{"The senator said that during the debate he was misquoted.", "misquoted",
			"that during the debate he was misquoted", "said", "The senator"},
	} {
		q := wantQuote(t, c.text, c.probe, c.cue, c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
}

// TestNamingAdverbialPredicate: a predicate adjective or participle the
// parser hung on the naming cue right after its object ("calling X
// politically driven") completes the naming; a participle with its own
// phrase after "called a meeting" does not make "call" a naming cue.
func TestNamingAdverbialPredicate(t *testing.T) {
	text := "Senator Reyes stopped short of calling Smith’s comments politically driven."
	q := wantQuote(t, text, "comments", "calling", "Senator Reyes")
	if q != nil && q.Content.Text != "Smith’s comments politically driven" {
		t.Errorf("content %q", q.Content.Text)
	}
	for _, r := range Quotes(fullDoc(t, "The chairman called the meeting scheduled for Monday."), "b") {
		if cueText(&r) == "called" {
			t.Errorf("meeting read as named: %q", r.Content.Text)
		}
	}
}

// "said in a statement on X": the verb carries the content; the noun's
// "on" phrase is where, when or about what it was said, no quote.
func TestStatementOnIsNoSecondQuote(t *testing.T) {
	for _, text := range []string{
		"The rebel group said in a statement on Facebook that its fighters had withdrawn.",
		"Election monitors said in an initial statement on Friday that counting had been slow.",
	} {
		qs := Quotes(fullDoc(t, text), "a")
		if len(qs) != 1 || !strings.HasPrefix(qs[0].Content.Text, "that") {
			t.Errorf("%q: quotes %+v, want only the said-that quote", text, qs)
		}
	}
}

// TestSurfaceRestFallback: a listed cue the parser left with no
// complement takes the words after it as content, up to the next clause;
// adverbs, particles and prepositions after a cue are no content.
func TestSurfaceRestFallback(t *testing.T) {
	for _, c := range []struct{ text, probe, content, cue, speaker string }{
		{"The governor has mentioned cutting school budgets and closing parks.", "parks",
			"cutting school budgets and closing parks", "has mentioned", "The governor"},
		{"A new flyer from the union is seizing on remarks the manager made questioning why the plant is still open.", "plant",
			"why the plant is still open", "questioning", "the manager"},
		{"If, as I have argued, the ferry loses money every year, the city should sell it.", "ferry",
			"the ferry loses money every year", "have argued", "I"},
		// A noun the tagger read as a verb heads no complement.
		{"On Sunday, the governor has questioned the very need for tolls.", "tolls",
			"the very need for tolls", "has questioned", "the governor"},
	} {
		q := wantQuote(t, c.text, c.probe, c.cue, c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
	for _, text := range []string{
		"The drummer backed out.",
		"Her son spoke at the rally on Sunday.",
		"They could not hear any more.",
		"Even if the plan proves short-lived, the mayor said, the town has already gained a park.",
	} {
		for _, r := range Quotes(fullDoc(t, text), "b") {
			if r.Content.Rule == "quote.dep.surface-rest" {
				t.Errorf("%q: read %q as content", text, r.Content.Text)
			}
		}
	}
}

// TestTimePhraseReadAsSubject: a bare time phrase the parser made the
// subject, with the real subject hung on it, gives way to that subject.
func TestTimePhraseReadAsSubject(t *testing.T) {
	text := "Amid the dispute over the school zones, the state Supreme Court this month rejected a request from parents to delay the vote."
	q := wantQuote(t, text, "request from parents", "rejected", "the state Supreme Court")
	if q != nil && q.Content.Text != "a request from parents to delay the vote" {
		t.Errorf("content %q", q.Content.Text)
	}
}

// TestAttitudeNounThatClause: an attitude noun followed by a content
// "that" clause the parser hung elsewhere still takes the clause.
func TestAttitudeNounThatClause(t *testing.T) {
	for _, c := range []struct{ text, probe, content, cue string }{
		{"Ministers met on Monday amid growing fears that the river will flood the capital.", "river",
			"that the river will flood the capital", "growing fears"},
		{"But his remarks on Saturday carried a more personal tone, and a tacit acknowledgment that he may be the only one who can win the state.",
			"only one", "that he may be the only one who can win the state", "acknowledgment"},
	} {
		q := wantQuote(t, c.text, c.probe, c.cue, "")
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
}

// TestAttitudeNounInHolder: the subject of a verb holds the attitude
// noun it acts "in" ("live in fear that ...").
func TestAttitudeNounInHolder(t *testing.T) {
	for _, c := range []struct{ text, probe, content, cue, speaker string }{
		{"Farmers in the valley live in fear that the old dam will break.", "dam",
			"that the old dam will break", "fear", "Farmers in the valley"},
		{"The lawyers persisted in arguments that the judge had no authority over the case.", "judge",
			"that the judge had no authority over the case", "arguments", "The lawyers"},
	} {
		q := wantQuote(t, c.text, c.probe, c.cue, c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
}

// TestMadeItClear: "X made it clear (that) CLAUSE" is X's assertion.
func TestMadeItClear(t *testing.T) {
	for _, c := range []struct{ text, probe, content, speaker string }{
		{"The governor made it clear that she would veto the bill.", "veto", "that she would veto the bill", "The governor"},
		{"The coach made it clear he had doubts about the new rules.", "doubts", "he had doubts about the new rules", "The coach"},
	} {
		q := wantQuote(t, c.text, c.probe, "made it clear", c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
}

// TestVerbAsNounAfterAppositive: a third-person cue the tagger made a
// plural noun after a subject with a name in apposition ("Her running
// mate, Governor Tom Lee, plans to ...") keeps that subject; a plural
// noun after an opening phrase ("In Boston, plans to ...") is no cue.
func TestVerbAsNounAfterAppositive(t *testing.T) {
	text := "Her running mate, Governor Tom Lee, plans to release his own returns soon."
	q := wantQuote(t, text, "returns", "plans", "Her running mate, Governor Tom Lee")
	if q != nil && q.Content.Text != "to release his own returns soon" {
		t.Errorf("content %q", q.Content.Text)
	}
	for _, r := range Quotes(fullDoc(t, "In Boston, plans to widen the road were dropped."), "b") {
		if cueText(&r) == "plans" {
			t.Errorf("noun read as cue: %q", r.Content.Text)
		}
	}
}

// TestAsParenthetical: "As X noted, CLAUSE", "Y, as X pointed out,
// REST" and "CLAUSE, as X put it" attribute the clause around the "as"
// clause to X; "as X put it" in the middle gives the wording after it.
func TestAsParenthetical(t *testing.T) {
	for _, c := range []struct{ text, probe, content, cue, speaker string }{
		{"As the mayor noted, the river is rising.", "river", "the river is rising", "noted", "the mayor"},
		{"As one farmer pointed out with a chart, the gap between the two harvests is huge.", "gap",
			"the gap between the two harvests is huge", "pointed out", "one farmer"},
		{"The valley, as one of the mayor's advisers pointed out, rarely gets two floods in a year.", "floods",
			"rarely gets two floods in a year", "pointed out", "one of the mayor's advisers"},
		{"Most pupils must pass a test, but the main rule for the school is a steady income, as a city memo put it.", "rule",
			"the main rule for the school is a steady income", "put it", "a city memo"},
		{"His long record made him, as one magazine put it, \"the fixer.\"", "fixer", "\"the fixer.\"", "put it", "one magazine"},
	} {
		q := wantQuote(t, c.text, c.probe, c.cue, c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
	// The subject before the interrupting clause is the other part.
	wantQuote(t, "The valley, as one of the mayor's advisers pointed out, rarely gets two floods in a year.",
		"The valley", "pointed out", "one of the mayor's advisers")
	// "as" clauses of time are no attributions.
	for _, r := range Quotes(fullDoc(t, "As the mayor said goodbye, the crowd cheered."), "b") {
		if r.Content.Text == "the crowd cheered" {
			t.Errorf("time clause read as attribution: %q", r.Content.Text)
		}
	}
}

// A passive "called" followed by "to", "in", "off", "up" or "back"
// summons someone and reports nothing ("Police were called to the
// scene"); naming ("was called a coward") and a demand ("was called on
// to explain") still attribute.
func TestPassiveCallThatSummons(t *testing.T) {
	for _, text := range []string{
		"Firefighters were called to a warehouse in the harbour district on Saturday.",
		"Police were called to the scene after a neighbour raised the alarm.",
		"Extra troops were called in to restore order.",
		"The reservists were called up last week.",
		"The match was called off because of the storm.",
	} {
		for _, q := range Quotes(fullDoc(t, text), "a") {
			if strings.Contains(cueText(&q), "called") {
				t.Errorf("%q: quote %q with cue %q, want none", text, q.Content.Text, cueText(&q))
			}
		}
	}
	for _, text := range []string{"The senator was called a coward by his rivals.", "The mayor was called on to explain the delay."} {
		found := false
		for _, q := range Quotes(fullDoc(t, text), "a") {
			if strings.Contains(cueText(&q), "called") {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no quote cued by called, want it kept", text)
		}
	}
}

// A finite verb right after "and" is the cue's own second verb, not the
// predicate of a reported clause: "declared a holiday and ordered an
// inquiry" reports no clause "a holiday and ordered an inquiry".
func TestCoordinatedVerbIsNoReportedClause(t *testing.T) {
	for _, text := range []string{
		"President Anna Berg declared three days of national mourning and ordered an investigation.",
		"The minister declared a state of emergency and then closed the border.",
	} {
		for _, q := range Quotes(fullDoc(t, text), "a") {
			if strings.Contains(q.Content.Text, "ordered") || strings.Contains(q.Content.Text, "closed") {
				t.Errorf("%q: content %q (cue %q) runs into the cue's second verb", text, q.Content.Text, cueText(&q))
			}
		}
	}
	// A clause whose subject is coordinated nouns is still reported.
	wantQuote(t, "The mayor said floods and landslides destroyed the bridge.", "floods and landslides destroyed the bridge", "said", "The mayor")
}

// The parser sometimes hangs a reported clause's long subject on the cue
// as its object and starts the clause at a name inside it; the content
// takes the subject back.
func TestObjectBeforeClauseIsItsSubject(t *testing.T) {
	text := "Aid groups, however, say access to clean water in the camps around Goma remains poor."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "remains poor")
	if q == nil || !strings.HasPrefix(q.Content.Text, "access to clean water") {
		t.Errorf("%q: quote %+v, want the content to open with its subject", text, q)
	}
}

// An -ing word right before a noun modifies it ("ruling party
// activists"), even when the parser coordinates it as a verb: it is no
// second cue that ends the content.
func TestAttributiveIngIsNoCue(t *testing.T) {
	text := "The party said its supporters were attacked by police and ruling party activists."
	q := findQuote(Quotes(fullDoc(t, text), "a"), "were attacked")
	if q == nil || !strings.HasSuffix(q.Content.Text, "ruling party activists") {
		t.Errorf("%q: quote %+v, want the content to run to the end", text, q)
	}
}

// A bare verb coordinated after an infinitive content shares its "to",
// even when the parser hangs it on the cue: both are what the source
// refused. A verb with a tense of its own is the source's next deed.
func TestSharedInfinitiveConjunct(t *testing.T) {
	wantQuote(t, "This year, the minister declined to criticize the army or even directly blame it for the raid.",
		"to criticize the army or even directly blame it for the raid", "declined", "the minister")
	text := "The minister declined to criticize the army and left the room."
	for _, q := range Quotes(fullDoc(t, text), "a") {
		if strings.Contains(q.Content.Text, "left") {
			t.Errorf("%q: content %q runs into the cue's second verb", text, q.Content.Text)
		}
	}
}

// A clause set off by a comma after a one-word object is the source's
// next act or a comment on the object, and an attribution of its own:
// "attacked [Smith], saying [...]", "endorses [Jones], who says [...]".
// The parser hangs the comma on the clause, so it opens the clause's span.
func TestOneWordObjectBeforeAttachedClause(t *testing.T) {
	text := "The union attacked Smith, saying he had broken every promise."
	qs := Quotes(fullDoc(t, text), "a")
	if q := findQuote(qs, "Smith"); q == nil || q.Content.Text != "Smith" || cueText(q) != "attacked" {
		t.Errorf("%q: quote %+v, want the content \"Smith\" of \"attacked\"", text, q)
	}
	wantQuote(t, text, "he had broken every promise", "saying", "The union")
	text = "The senator endorses Jones, who says he is grateful."
	qs = Quotes(fullDoc(t, text), "a")
	if q := findQuote(qs, "Jones"); q == nil || q.Content.Text != "Jones" || cueText(q) != "endorses" {
		t.Errorf("%q: quote %+v, want the content \"Jones\" of \"endorses\"", text, q)
	}
	if q := findQuote(qs, "he is grateful"); q == nil || q.Content.Text != "he is grateful" || cueText(q) != "says" {
		t.Errorf("%q: quote %+v, want the content \"he is grateful\" of \"says\"", text, q)
	}
}

// A cue verb's -s form that the tagger made a noun is read as the verb
// only where a noun cannot stand: after a number it counts things ("0.2
// percentage points to 2.1 percent"), and before "that" + a finite verb
// it heads a relative clause ("parking rules that take effect").
func TestCountedOrRelativeNounIsNoCue(t *testing.T) {
	for _, c := range []struct{ text, cue string }{
		{"The agency cut its growth estimate for the region by 0.2 percentage points to 2.1 percent.", "points"},
		{"The city council adopted new parking rules that take effect in May.", "rules"},
	} {
		for _, q := range Quotes(fullDoc(t, c.text), "a") {
			if cueText(&q) == c.cue {
				t.Errorf("%q: quote %q with cue %q", c.text, q.Content.Text, c.cue)
			}
		}
	}
}

// A wh-word the parser leaves alone as a preposition's object takes back
// the clause it opens: "agrees on [who is a refugee]".
func TestPrepositionWhClause(t *testing.T) {
	text := "There is no agreed list of refugees, and not everyone agrees on who is a refugee."
	q := wantQuote(t, text, "who", "agrees on", "not everyone")
	if q != nil && q.Content.Text != "who is a refugee" {
		t.Errorf("%q: content %q, want %q", text, q.Content.Text, "who is a refugee")
	}
}

// A day the parser made a cue's object says when the cue happened, not
// what was said: "was speaking Friday in Springfield" reports nothing.
func TestDayObjectIsNoContent(t *testing.T) {
	text := "The governor was speaking Friday in Springfield, Illinois."
	for _, q := range Quotes(fullDoc(t, text), "a") {
		if strings.HasPrefix(q.Content.Text, "Friday") {
			t.Errorf("%q: content %q (cue %q) is a day", text, q.Content.Text, cueText(&q))
		}
	}
}

// "His ex-wife" is a person like "his wife": a hyphenated noun is judged
// by its last part. And a reported clause that opens with "that" and an
// adverbial clause runs on through the main clause after the comma, which
// the parser hung elsewhere.
func TestHyphenatedSourceAndOpeningAdverbial(t *testing.T) {
	wantQuote(t, "His ex-wife agreed, but also contended that since she is not running for mayor, she should not have to give up her privacy.",
		"that since she is not running for mayor, she should not have to give up her privacy", "also contended", "His ex-wife")
}

// "…, and the Supreme Court declined to …": the parser coordinates the
// second clause's subject with the agent noun before it and leaves the
// cue subjectless; the noun phrase right before the cue is its subject.
//
// "Ahead of Friday's vote, Norway and Sweden announced …": the subject
// hung on the opening phrase as an apposition is the cue's subject too.
func TestSubjectCoordinatedWithNounBefore(t *testing.T) {
	wantQuote(t, "The permit was revoked by a state court, and the Supreme Court declined to take up the case.",
		"to take up the case", "declined", "the Supreme Court")
	wantQuote(t, "Ahead of Friday's vote, Norway and Sweden announced a plan for a shared power grid.",
		"a plan for a shared power grid", "announced", "Norway and Sweden")
}

// A noun phrase after ", and" with a finite verb of its own opens a new
// clause; it is no conjunct of the cue's object: "published [the dashcam
// video] Monday morning, and lawyers for the driver released it …".
func TestObjectStopsAtNewCoordinatedClause(t *testing.T) {
	text := "The Tribune first published the dashcam video Monday morning, and lawyers for the driver released it to other local papers."
	q := wantQuote(t, text, "the dashcam video", "first published", "The Tribune")
	if q != nil && strings.Contains(q.Content.Text, "lawyers") {
		t.Errorf("%q: content %q runs into the next clause", text, q.Content.Text)
	}
}

// A finding's predicate stops before a comment clause set off after it:
// "polls show [a tight race in the county], where turnout is usually low".
func TestFindingPredicateDropsComment(t *testing.T) {
	text := "Recent polls show a tight race in the county, where turnout is usually low."
	q := wantQuote(t, text, "a tight race", "show", "Recent polls")
	if q != nil && q.Content.Text != "a tight race in the county" {
		t.Errorf("%q: content %q, want %q", text, q.Content.Text, "a tight race in the county")
	}
}

// A "that" clause after "so"/"such" in the object is a clause of result,
// not what was said: "would add so many new rules that it would confuse
// small firms" reports nothing, neither by "add" nor by "rules".
func TestResultClauseIsNoContent(t *testing.T) {
	text := "The new plan would add so many new rules that it would, above all, confuse small firms."
	for _, q := range Quotes(fullDoc(t, text), "a") {
		t.Errorf("%q: quote %q (cue %q)", text, q.Content.Text, cueText(&q))
	}
	wantQuote(t, "The mayor added that the town would rebuild.", "that the town would rebuild", "added", "The mayor")
}

// A free-choice "anyone" holds no reported view: "anyone wanting to rent
// a boat" is a condition, not an attribution.
func TestFreeChoiceAnyoneIsNoSource(t *testing.T) {
	text := "Under the new rules, anyone wanting to rent a boat must book a week ahead."
	for _, q := range Quotes(fullDoc(t, text), "a") {
		if cueText(&q) == "wanting" {
			t.Errorf("%q: quote %q of %q", text, q.Content.Text, speakerText(&q))
		}
	}
}

// "said so", "doesn't think so", "indicated as much": the pro-form is
// the content, standing for the clause reported before; "so many" and
// "as much as" are no pro-forms.
func TestProformContent(t *testing.T) {
	for _, c := range []struct{ text, content, cue, speaker string }{
		{"The head of the studio indicated as much in an email.", "as much", "indicated", "The head of the studio"},
		{"He doesn't think so.", "so", "doesn't think", "He"},
		{"The mayor said so in a letter to the council.", "so", "said", "The mayor"},
	} {
		q := wantQuote(t, c.text, c.content, c.cue, c.speaker)
		if q != nil && q.Content.Text != c.content {
			t.Errorf("%q: content %q, want %q", c.text, q.Content.Text, c.content)
		}
	}
	for _, q := range Quotes(fullDoc(t, "The mayor said so many things that night."), "a") {
		if q.Content.Text == "so" {
			t.Errorf("\"so many\" read as a pro-form")
		}
	}
}

// A naming cue's second predicate, coordinated with the first but hung by
// the parser on the cue, stays in the content: "called the charges
// [unfounded and invented by managers]"; a finite verb after "and" is the
// source's next action, not a predicate.
func TestNamingCoordinatedPredicate(t *testing.T) {
	text := "The union called the charges unfounded and invented by angry managers."
	q := wantQuote(t, text, "the charges unfounded and invented by angry managers", "called", "The union")
	if q != nil && q.Content.Text != "the charges unfounded and invented by angry managers" {
		t.Errorf("%q: content %q", text, q.Content.Text)
	}
	for _, q := range Quotes(fullDoc(t, "The union called the charges unfounded and denied them."), "a") {
		if strings.Contains(q.Content.Text, "denied") {
			t.Errorf("finite verb joined the predicate: %q", q.Content.Text)
		}
	}
}

// "attacked [regulators] and blamed [failures on lax rules]": a second
// past-tense cue after "and" that the parser read as a participle before
// the next noun is a report of its own, with the same source, and the
// first report stops before it.
func TestCoordinatedCueReadAsModifier(t *testing.T) {
	text := "She attacked bank regulators nationwide and blamed bank failures on “lax rules” in the capital."
	q := wantQuote(t, text, "bank regulators nationwide", "attacked", "She")
	if q != nil && q.Content.Text != "bank regulators nationwide" {
		t.Errorf("%q: content %q", text, q.Content.Text)
	}
	wantQuote(t, text, "bank failures on “lax rules” in the capital", "blamed", "She")
}

// "when it comes to …" names the topic of a judgement, not the time of
// the cue, so it stays in the content like an argument.
func TestWhenItComesToStaysInContent(t *testing.T) {
	text := "The senator is casting himself as a champion of small farms when it comes to rewriting the farm bill."
	want := "himself as a champion of small farms when it comes to rewriting the farm bill"
	if q := wantQuote(t, text, want, "is casting", "The senator"); q != nil && q.Content.Text != want {
		t.Errorf("%q: content %q, want %q", text, q.Content.Text, want)
	}
}

// A relative clause's second predicate that the parser hung on the cue
// stays in the content when it has the relative verb's tense, not the
// cue's: "point to [the law, which saved water, but also led to …]".
func TestRelativeClauseSecondPredicate(t *testing.T) {
	text := "These farmers point to the 1990 water law, which saved water on the farms, but also led to higher prices for growers."
	want := "the 1990 water law, which saved water on the farms, but also led to higher prices for growers"
	if q := wantQuote(t, text, want, "point to", "These farmers"); q != nil && q.Content.Text != want {
		t.Errorf("%q: content %q, want %q", text, q.Content.Text, want)
	}
	// The cue's own tense: the farmers' next action.
	for _, q := range Quotes(fullDoc(t, "These farmers point to the 1990 water law, which saved water on the farms, and praise its author."), "a") {
		if strings.Contains(q.Content.Text, "praise") {
			t.Errorf("the source's next action joined the content: %q", q.Content.Text)
		}
	}
}
