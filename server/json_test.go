package server

import (
	"math"
	"testing"

	"dateline/store"
)

// TestTimelineAppendJSON checks the hand-written timeline JSON against
// encoding/json's, byte for byte, on awkward strings and floats.
func TestTimelineAppendJSON(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	cases := []*Timeline{
		{Query: "", Interval: "day", Sample: 1},
		{Query: `shelled "health office" <b>&amp;</b>`, Interval: "week", Sample: 0.0791,
			Buckets: []store.TimeBucket{
				{Start: "2024-01-01", Articles: 3, Events: 2, Quad: [5]int{0, 1, 0, 0, 1}, Goldstein: f(-3.35)},
				{Start: "2024-01-08", Articles: 1},
				{Start: "2024-01-15", Articles: 7, Events: 1, Quad: [5]int{1, 0, 0, 0, 0}, Goldstein: f(1e-7)},
				{Start: "2024-01-22", Events: 1, Quad: [5]int{0, 0, 0, 1, 0}, Goldstein: f(2.5e22)},
				{Start: "2024-01-29", Events: 1, Quad: [5]int{0, 0, 0, 1, 0}, Goldstein: f(-0.1 * 3)},
			}},
		{Query: "place:\"Zürich\" \u2028 tab\there \x01", Interval: "month", Sample: math.SmallestNonzeroFloat64,
			Buckets: []store.TimeBucket{}},
		{Query: "bad \xff utf8", Interval: "month", Sample: 1e21},
	}
	for _, c := range cases {
		want, err := encodeJSONReflect(c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeJSON(c)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("AppendJSON differs from encoding/json:\n got %s\nwant %s", got, want)
		}
	}
}
