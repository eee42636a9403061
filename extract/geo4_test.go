package extract

import (
	"testing"

	"dateline/kb"
)

// TestSharedRegionOfTwoCountries: a region split between two countries
// that the story names both is meant whole by its bare name; with one of
// them named, the part that country holds is.
func TestSharedRegionOfTwoCountries(t *testing.T) {
	r := resolveAt(t, "Shelling across the ceasefire line in Kashmir killed three soldiers on Monday, India said. Pakistan denied that its troops had fired first.", "Kashmir", 0)
	if !r.OK || r.Place.Feature != kb.FeatureRegion || r.Place.Country != "" {
		t.Errorf("Kashmir with India and Pakistan named → %+v, want the region across both", r.Place)
	}
	r = resolveAt(t, "Wheat farmers in Punjab burned their stubble again this autumn, officials in India and Pakistan said.", "Punjab", 0)
	if !r.OK || r.Place.Feature != kb.FeatureRegion || r.Place.Country != "" {
		t.Errorf("Punjab with India and Pakistan named → %+v, want the region across both", r.Place)
	}
	r = resolveAt(t, "Wheat farmers in Punjab burned their stubble again this autumn, officials in Pakistan said.", "Punjab", 0)
	if !r.OK || r.Place.Country != "PK" {
		t.Errorf("Punjab with Pakistan alone named → %+v, want Pakistan's province", r.Place)
	}
	r = resolveAt(t, "Floods hit the Punjab province of Pakistan on Monday, and India opened a dam upstream.", "Punjab", 0)
	if !r.OK || r.Place.Feature != kb.FeatureAdmin1 || r.Place.Country != "PK" {
		t.Errorf("the Punjab province of Pakistan → %+v, want Pakistan's province", r.Place)
	}
}
