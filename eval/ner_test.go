package eval

import (
	"math"
	"strings"
	"testing"

	"dateline/nlp/ner"
)

func TestChunksConllevalEdgeCases(t *testing.T) {
	cases := []struct {
		name string
		tags string
		want []chunk
	}{
		{"IOB1 I after O starts an entity", "O I-PER I-PER O", []chunk{{1, 3, "PER"}}},
		{"IOB1 B separates same-type entities", "I-LOC B-LOC I-LOC", []chunk{{0, 1, "LOC"}, {1, 3, "LOC"}}},
		{"type change starts a new entity", "B-ORG I-ORG I-MISC", []chunk{{0, 2, "ORG"}, {2, 3, "MISC"}}},
		{"IOB2 adjacent entities", "B-PER B-PER I-PER", []chunk{{0, 1, "PER"}, {1, 3, "PER"}}},
		{"entity at sentence end", "O O B-LOC", []chunk{{2, 3, "LOC"}}},
		{"IOBES single and end", "S-PER B-LOC E-LOC O", []chunk{{0, 1, "PER"}, {1, 3, "LOC"}}},
		{"no entities", "O O", nil},
	}
	for _, c := range cases {
		got := chunks(strings.Fields(c.tags))
		if len(got) != len(c.want) {
			t.Errorf("%s: chunks(%s) = %v, want %v", c.name, c.tags, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: chunks(%s) = %v, want %v", c.name, c.tags, got, c.want)
				break
			}
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreNER(t *testing.T) {
	gold := [][]string{
		strings.Fields("I-PER I-PER O I-LOC"), // IOB1 gold
		strings.Fields("B-ORG I-ORG O O"),
	}
	pred := [][]string{
		strings.Fields("B-PER I-PER O B-ORG"), // PER right, LOC typed ORG
		strings.Fields("B-ORG O O B-MISC"),    // ORG too short, spurious MISC
	}
	r, err := ScoreNER(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	// gold 3 entities, predicted 4, correct 1
	if r.Gold != 3 || r.Predicted != 4 || r.Correct != 1 {
		t.Fatalf("counts gold %d pred %d correct %d, want 3 4 1", r.Gold, r.Predicted, r.Correct)
	}
	if !near(r.Precision, 0.25) || !near(r.Recall, 1.0/3) || !near(r.F1, 2*0.25*(1.0/3)/(0.25+1.0/3)) {
		t.Errorf("P/R/F = %v %v %v", r.Precision, r.Recall, r.F1)
	}
	if p := r.PerType["PER"]; !near(p.F1, 1) {
		t.Errorf("PER F1 = %v, want 1", p.F1)
	}
	if o := r.PerType["ORG"]; o.Gold != 1 || o.Predicted != 2 || o.Correct != 0 || o.F1 != 0 {
		t.Errorf("ORG = %+v", o)
	}
	if m := r.PerType["MISC"]; m.Gold != 0 || m.Predicted != 1 || m.Recall != 0 {
		t.Errorf("MISC = %+v", m)
	}
	var sb strings.Builder
	r.WriteTable(&sb)
	if !strings.Contains(sb.String(), "PER") || !strings.Contains(sb.String(), "all") {
		t.Errorf("table lacks rows:\n%s", sb.String())
	}
}

func TestScoreNERErrors(t *testing.T) {
	if _, err := ScoreNER([][]string{{"O"}}, nil); err == nil {
		t.Error("sentence count mismatch not reported")
	}
	_, err := ScoreNER([][]string{{"O", "O"}}, [][]string{{"O"}})
	if err == nil || !strings.Contains(err.Error(), "sentence 1") {
		t.Errorf("tag count mismatch: %v", err)
	}
}

// TestNERDevFloor scores the embedded model on the CoNLL-2003 development
// set and fails if F1 drops below a floor a little under the shipped score.
func TestNERDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: skipping the dev-set evaluation")
	}
	docs, err := ner.ReadCoNLLFile("../../shared/data/conll2003/eng.testa")
	if err != nil {
		t.Skipf("CoNLL-2003 dev set not available (%v); skipping", err)
	}
	r, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	res, err := NER(docs, r)
	if err != nil {
		t.Fatal(err)
	}
	const floor = 0.90
	if res.F1 < floor {
		t.Errorf("dev F1 %.4f below floor %.2f", res.F1, floor)
	}
	t.Logf("dev F1 %.4f (P %.4f R %.4f)", res.F1, res.Precision, res.Recall)
}
