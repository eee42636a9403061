package extract

import (
	"testing"

	"dateline/article"
)

// Tests of the tenth session's own read-by-hand round (fact-checking and
// statistics stories); see docs/QUALITY.md.

// A party the kb knows, split by the recogniser into an untagged word and
// a place ("Reform" + "UK"), is the party, and its leader is coded with
// it rather than as the government.
func TestPartyNameSplitByRecogniser(t *testing.T) {
	res := extracted(t, article.Article{ID: "ref", Published: "2025-05-22",
		Text: "Reform UK leader Nigel Farage told supporters in Clacton that the real number was being hidden."})
	wantEntityCode(t, res, "Reform UK", "GBRPTY")
	wantEntityCode(t, res, "Nigel Farage", "GBRPTY")
	for _, p := range res.Places {
		if p.Name == "United Kingdom" && p.Mention == "UK" {
			t.Errorf("the UK of Reform UK is read as a place: %+v", p)
		}
	}
}

// Parties of several countries are coded by their own names.
func TestPartiesCoded(t *testing.T) {
	res := extracted(t, article.Article{ID: "pty", Published: "2025-05-22",
		Text: "The Sweden Democrats and the Brothers of Italy met in Rome on Monday. The Kuomintang said it would not attend, and the Scottish National Party called the talks a mistake."})
	wantEntityCode(t, res, "Sweden Democrats", "SWEPTY")
	wantEntityCode(t, res, "Brothers of Italy", "ITAPTY")
	wantEntityCode(t, res, "Kuomintang", "TWNPTY")
	wantEntityCode(t, res, "Scottish National Party", "GBRPTY")
}
