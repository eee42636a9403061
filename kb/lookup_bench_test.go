package kb

import "testing"

// BenchmarkCountryLookup looks up words of news text, most of them no
// country, as the extractors do for every capitalised token.
func BenchmarkCountryLookup(b *testing.B) {
	k := Default()
	words := []string{"The", "Russian", "Foreign", "Ministry", "said", "Thursday", "that", "Moscow", "Israel",
		"Gaza", "Hamas", "O’Malley", "Trump ’s", "the United States", "Washington", "non-citizen", "“", "Clinton"}
	b.ResetTimer()
	n := 0
	for range b.N {
		for _, w := range words {
			if _, ok := k.Country(w); ok {
				n++
			}
			if _, ok := k.CountryByDemonym(w); ok {
				n++
			}
		}
	}
	if n == 0 {
		b.Fatal("no country found")
	}
}
