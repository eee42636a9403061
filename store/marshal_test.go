package store

import (
	"encoding/json"
	"testing"

	"dateline/record"
)

// marshal must write exactly what json.Marshal writes: stored records
// are compared and read back as that text.
func TestMarshalIsJSONMarshal(t *testing.T) {
	for _, v := range []any{
		&record.Quote{ID: "q1", Kind: "direct", SpeakerName: "A <b>&</b> B\u2028", Content: record.Evidence{Start: 3, End: 40, Sentence: 1}},
		&record.Entity{ID: "e1", Name: "Ünïcode \"quoted\"", Kind: "PER"},
		&record.Claim{ID: "c1", Value: 4000, Counted: "people\n"},
	} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := marshal(v); got != string(want) {
			t.Errorf("marshal(%T) = %s, want %s", v, got, want)
		}
	}
}
