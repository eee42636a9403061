package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/record"
)

func TestParsePETRARCH(t *testing.T) {
	sents, format, err := LoadEventsGold("testdata/petrarch-sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	if format != FormatPETRARCH {
		t.Fatalf("format %q, want %q", format, FormatPETRARCH)
	}
	if len(sents) != 4 {
		t.Fatalf("got %d sentences, want 4 (the unclosed one included)", len(sents))
	}
	s := sents[0]
	if s.ID != "DL-001" || s.Date != "2024-03-01" || s.Text != "Russian forces carried out air strikes on Ukraine on Friday." {
		t.Errorf("first sentence: %+v", s)
	}
	if len(s.Codings) != 1 || s.Codings[0] != (EventCoding{Source: "RUSMIL", Target: "UKR", Code: "195"}) || s.NoEvents {
		t.Errorf("first codings: %+v", s.Codings)
	}
	if len(sents[1].Codings) != 2 || !strings.Contains(sents[1].Text, "Berlin & met") {
		t.Errorf("second sentence: %+v", sents[1])
	}
	if !sents[2].NoEvents || len(sents[2].Codings) != 0 || sents[2].Text != "The weather in Paris was mild & sunny." {
		t.Errorf("no-event sentence: %+v", sents[2])
	}
	if sents[3].ID != "DL-004" || sents[3].Codings[0].Code != "163" {
		t.Errorf("sentence after the unclosed one: %+v", sents[3])
	}
}

func TestParsePETRARCHErrors(t *testing.T) {
	cases := map[string]string{
		"<Sentence id=\"a\">\n<EventCoding sourcecode=\"USA\"/>\n<Text>x</Text></Sentence>": `x.xml:1: sentence "a" has an EventCoding without eventcode`,
		"\n\n<Sentence id=\"b\"><EventCoding eventcode=\"010\"/></Sentence>":                `x.xml:3: sentence "b" has no <Text>`,
		"<Sentences></Sentences>": "x.xml: no <Sentence> elements",
	}
	for in, want := range cases {
		_, err := ParsePETRARCH(strings.NewReader(in), "x.xml")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", in, err, want)
		}
	}
}

// fakeCoder answers from a table keyed by sentence text.
func fakeCoder(t *testing.T, table map[string][]record.Event) EventCoderFunc {
	return func(text, date string) []record.Event {
		evs, ok := table[text]
		if !ok {
			t.Errorf("coder asked for an unexpected sentence %q", text)
		}
		return evs
	}
}

func ev(cameo, plover, src, tgt string) record.Event {
	e := record.Event{CAMEO: cameo, Plover: plover, Polarity: record.PolarityAsserted, Modality: record.ModalityActual}
	if src != "" {
		e.Source = &record.Actor{Code: src}
	}
	if tgt != "" {
		e.Target = &record.Actor{Code: tgt}
	}
	return e
}

func nearP(a float64, b *float64) bool { return b != nil && math.Abs(a-*b) < 1e-9 }

func TestScorePETRARCH(t *testing.T) {
	sents, format, err := LoadEventsGold("testdata/petrarch-sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	negated := ev("163", "SANCTION", "USA", "IRN")
	negated.Polarity = record.PolarityNegated
	code := fakeCoder(t, map[string][]record.Event{
		sents[0].Text: {ev("195", "FIGHT", "RUS", "UKRMIL")},
		// 042 exact; 040 has the right root and actors, not the code.
		sents[1].Text: {ev("042", "CONSULT", "FRAGOV", "DEU"), ev("040", "CONSULT", "DEU", "FRA")},
		sents[2].Text: {ev("010", "", "FRA", "")},
		// A negated event is not a prediction.
		sents[3].Text: {negated},
	})
	r, err := ScoreEvents(context.Background(), sents, format, code, true)
	if err != nil {
		t.Fatal(err)
	}
	if r.Predicted != 4 || r.EventsPerSentence != 1 {
		t.Errorf("predicted %d (%.2f per sentence), want 4 (1.00)", r.Predicted, r.EventsPerSentence)
	}
	if !nearP(0.75, r.RootAccuracy) || !nearP(0.5, r.CodeAccuracy) || r.TripleAccuracy != 0.75 || !nearP(0, r.NoEventAccuracy) {
		t.Errorf("root %v code %v triple %v noevent %v; want 0.75 0.5 0.75 0", *r.RootAccuracy, *r.CodeAccuracy, r.TripleAccuracy, *r.NoEventAccuracy)
	}
	if r.CategoryAccuracy != nil {
		t.Errorf("PLOVER metrics set for PETRARCH gold")
	}
	if len(r.Errors) != 2 || !strings.Contains(r.Errors[0], "DL-003 want no events") || !strings.Contains(r.Errors[1], "DL-004 want 163 USA→IRN got nothing") {
		t.Errorf("errors: %q", r.Errors)
	}
}

const ploverSample = `[
 {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "comment": "documents the file"},
 {"id": "X-AGREE-1", "date": "2024-01-02", "event": "agree", "text": "Russia agreed to talks with Ukraine.",
  "source": [{"actorText": "Russia", "code": "rus"}], "target": [{"actorText": "Ukraine", "code": "UKR"}]},
 {"id": "X-FIGHT-1", "date": "2024-01-03", "event": "FIGHT", "text": "Israeli forces fought in the north.",
  "source": [{"actorText": "Israeli forces", "code": "ISR", "sector": "MIL"}], "target": null},
 {"id": "X-PROTEST-1", "date": "2024-01-04", "event": "PROTEST", "text": "Palestinians protested against Israel.",
  "source": [{"code": "PSE"}], "target": [{"code": "ISR"}]},
 {"id": "X-THREATEN-1", "date": "2024-01-05", "event": "THREATEN", "text": "Iran threatened Israel.",
  "source": [{"code": "IRN"}], "target": "none"}
]`

func TestScorePLOVER(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gold.json")
	if err := os.WriteFile(path, []byte(ploverSample), 0o644); err != nil {
		t.Fatal(err)
	}
	sents, format, err := LoadEventsGold(path)
	if err != nil {
		t.Fatal(err)
	}
	if format != FormatPLOVER || len(sents) != 4 {
		t.Fatalf("format %q, %d records; want plover, 4 (DOCUMENT skipped)", format, len(sents))
	}
	if sents[0].Category != "AGREE" || sents[0].Date != "2024-01-02" || sents[0].Sources[0] != "rus" || len(sents[1].Targets) != 0 || len(sents[3].Targets) != 0 {
		t.Errorf("parsed: %+v", sents)
	}
	code := fakeCoder(t, map[string][]record.Event{
		sents[0].Text: {ev("036", "AGREE", "RUSGOV", "UKRMIL")},
		sents[1].Text: {ev("190", "FIGHT", "ISRMIL", "")},
		sents[2].Text: {ev("141", "PROTEST", "PSE", "USA")},
		sents[3].Text: nil,
	})
	r, err := ScoreEvents(context.Background(), sents, format, code, true)
	if err != nil {
		t.Fatal(err)
	}
	if !nearP(0.75, r.CategoryAccuracy) || !nearP(1, r.SourceAccuracy) || !nearP(0.5, r.TargetAccuracy) || r.TripleAccuracy != 0.5 {
		t.Errorf("category %v source %v target %v triple %v; want 0.75 1 0.5 0.5",
			*r.CategoryAccuracy, *r.SourceAccuracy, *r.TargetAccuracy, r.TripleAccuracy)
	}
	if r.Predicted != 3 || r.EventsPerSentence != 0.75 {
		t.Errorf("predicted %d, %.2f per sentence; want 3, 0.75", r.Predicted, r.EventsPerSentence)
	}
	if len(r.Errors) != 2 {
		t.Errorf("errors: %q", r.Errors)
	}
}

func TestPLOVERGoldErrors(t *testing.T) {
	if _, err := ParsePLOVERGold(strings.NewReader(`{"not": "an array"}`), "g.json"); err == nil || !strings.Contains(err.Error(), "g.json") {
		t.Errorf("object instead of array: %v", err)
	}
	if _, err := ParsePLOVERGold(strings.NewReader(`[{"id": "r1", "text": "x"}]`), "g.json"); err == nil || !strings.Contains(err.Error(), "r1") {
		t.Errorf("record without event: %v", err)
	}
	if _, _, err := LoadEventsGold(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestScoreEventsStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ScoreEvents(ctx, []EventSentence{{ID: "a", Text: "x"}}, FormatPLOVER, func(string, string) []record.Event { return nil }, false)
	if err == nil {
		t.Error("cancelled context: no error")
	}
}
