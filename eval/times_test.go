package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/nlp"
)

// One expression found and resolved, one found but resolved to a range
// the gold does not give, one missed and one false: the counts and
// fractions must say so.
func TestTimesEval(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.jsonl")
	data := `{"text": "The minister resigned yesterday.", "published": "2025-05-14", "times": [{"text": "yesterday", "from": "2025-05-13", "to": "2025-05-13", "precision": "day"}]}

{"text": "The bank raised rates in March.", "published": "2025-05-14", "times": [{"text": "March", "from": "2024-03-01", "to": "2024-03-31", "precision": "month"}]}
{"text": "Talks may resume soon.", "published": "2025-05-14", "times": [{"text": "soon", "from": "2025-05-14", "to": "2025-05-31", "precision": "month"}]}
{"text": "No date here at all.", "published": "2025-05-14", "times": []}
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	gold, err := LoadTimesGold(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Times(context.Background(), gold, nlp.NewDoc)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sentences != 4 || r.Gold != 3 || r.Predicted != 2 || r.Found != 2 || r.RangeOK != 1 {
		t.Fatalf("result = %+v", r)
	}
	if r.SpanPrecision != 1 || r.RangeAccuracy != 0.5 || r.Recall < 0.33 || r.Recall > 0.34 {
		t.Errorf("fractions = span P %v, range accuracy %v, recall %v", r.SpanPrecision, r.RangeAccuracy, r.Recall)
	}
	var missed, wrong bool
	for _, e := range r.Errors {
		missed = missed || strings.HasPrefix(e, "MISSED") && strings.Contains(e, `"soon"`)
		wrong = wrong || strings.HasPrefix(e, "RANGE") && strings.Contains(e, `"March"`)
	}
	if !missed || !wrong {
		t.Errorf("errors = %q, want a MISSED soon and a RANGE March", r.Errors)
	}
}

// Bad gold files are refused with the file and line named.
func TestLoadTimesGoldErrors(t *testing.T) {
	cases := map[string]string{
		"not json":    "{\"text\": \"On Monday.\", \"published\": \"2025-05-14\", \"times\": []}\n{not json\n",
		"bad date":    "{\"text\": \"On Monday.\", \"published\": \"14 May\", \"times\": []}\n",
		"not in text": "{\"text\": \"On Monday.\", \"published\": \"2025-05-14\", \"times\": [{\"text\": \"Friday\"}]}\n",
		"empty text":  "{\"text\": \"\", \"published\": \"2025-05-14\"}\n",
		"empty file":  "\n\n",
		"binary junk": "\x00\x01\xff\xfe",
	}
	for name, data := range cases {
		path := filepath.Join(t.TempDir(), "bad.jsonl")
		os.WriteFile(path, []byte(data), 0o644)
		_, err := LoadTimesGold(path)
		if err == nil || !strings.Contains(err.Error(), "bad.jsonl") {
			t.Errorf("%s: err = %v, want one naming the file", name, err)
		}
	}
}

func TestTimesEvalOwnGold(t *testing.T) {
	gold, err := LoadTimesGold("../extract/testdata/times-gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 50 {
		t.Fatalf("gold has %d sentences, want at least 50", len(gold))
	}
}
