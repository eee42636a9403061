package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/nlp"
)

func TestClaimsEval(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.jsonl")
	data := `{"text": "At least 12 people were killed.", "claims": [{"value": 12, "low": null, "high": null, "qualifier": "at_least", "counted": "killed"}]}

{"text": "Between 5 and 9 hostages were freed.", "claims": [{"value": 5, "low": 5, "high": 9, "qualifier": "range", "counted": "hostages"}]}
{"text": "The treaty dates from 1998.", "claims": []}
{"text": "About 40 soldiers were wounded.", "claims": [{"value": 40, "low": null, "high": null, "qualifier": "exact", "counted": "injured"}]}
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	gold, err := LoadClaimsGold(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Claims(context.Background(), gold, nlp.NewDoc)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sentences != 4 || r.Gold != 3 || r.Predicted != 3 || r.F1 != 1 {
		t.Errorf("result = %+v", r)
	}
	// The last gold qualifier is deliberately wrong: 2 of 3 agree.
	if r.QualifierAccuracy < 0.66 || r.QualifierAccuracy > 0.67 {
		t.Errorf("qualifier accuracy = %v", r.QualifierAccuracy)
	}
}

func TestLoadClaimsGoldErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(path, []byte("{\"text\": \"ok\", \"claims\": []}\n{not json\n"), 0o644)
	if _, err := LoadClaimsGold(path); err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("err = %v, want one naming line 2", err)
	}
}

func TestClaimsEvalOwnGold(t *testing.T) {
	gold, err := LoadClaimsGold("../extract/testdata/claims-gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 80 {
		t.Fatalf("gold has %d sentences, want at least 80", len(gold))
	}
	r, err := Claims(context.Background(), gold, nlp.NewDoc)
	if err != nil {
		t.Fatal(err)
	}
	if r.F1 < 0.9 {
		t.Errorf("claims F1 on own gold fell to %.3f", r.F1)
	}
}
