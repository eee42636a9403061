package store

import (
	"context"
	"testing"
	"time"

	"dateline/query"
)

// mapQueries are map requests the summaries answer: no filter, one
// filter of each kind, whole-month ranges.
var mapQueries = []string{"", "actor:RUS", "actor:IGO", "plover:CONSULT", "cameo:19", `place:"Gaza Strip"`, "place:Moscow",
	"counted:killed", "polarity:negated", "from:2023-01 to:2023-03", "plover:ASSAULT from:2023-02", "lang:en"}

// BenchmarkPlaces100k times the map (PlaceCounts, both layers, 500
// places as the API gives by default) over the 100,000-article database
// of BenchmarkSearch100k and reports p50/p95/max latency in ms.
func BenchmarkPlaces100k(b *testing.B) {
	s := benchDB(b, 100_000)
	defer s.Close()
	ctx := context.Background()
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, qs := range mapQueries {
			q, err := query.Parse(qs)
			if err != nil {
				b.Fatal(err)
			}
			for _, layer := range []PlaceLayer{LayerEvents, LayerPlaces} {
				t0 := time.Now()
				pc, err := s.PlaceCounts(ctx, q, layer, 500)
				if err != nil {
					b.Fatalf("%q %s: %v", qs, layer, err)
				}
				d := time.Since(t0)
				lat = append(lat, d)
				if i == 0 {
					b.Logf("%q %s: %d places in %.1f ms (uncached)", qs, layer, len(pc), float64(d.Microseconds())/1000)
				}
			}
		}
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(percentile(lat, 0.50)), "p50_ms")
	b.ReportMetric(ms(percentile(lat, 0.95)), "p95_ms")
	b.ReportMetric(ms(percentile(lat, 1)), "max_ms")
}
