package extract

import (
	"strings"
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

// TestCompassWordSharesHead: a compass word coordinated with a name that
// opens with another shares its head ("Central and South America").
func TestCompassWordSharesHead(t *testing.T) {
	r := resolveAt(t, "Coffee growers across Central and South America lost a third of the harvest to rust.", "Central", 0)
	if !r.OK || r.Place.Name != "Central America" {
		t.Errorf("Central of Central and South America → %+v, want Central America", r.Place)
	}
	r = resolveAt(t, "Envoys from North and South Korea met at the border village on Friday.", "North", 0)
	if !r.OK || r.Place.Country != "KP" || r.Place.Feature != kb.FeatureCountry {
		t.Errorf("North of North and South Korea → %+v, want North Korea", r.Place)
	}
	// A compass word alone keeps its own entries.
	r = resolveAt(t, "Officials in Nairobi said the outbreak had reached Central, where two clinics closed.", "Central", 0)
	if r.OK && r.Place.Name == "Central America" {
		t.Errorf("Central alone in Kenya → %+v, want no Central America", r.Place)
	}
}

// TestQualifierRegionWithoutTheName: "Town, Region" where the region
// holds no entry of the town's name is a town of that region the
// gazetteer lacks, put by the region; a list of places is no qualifier.
func TestQualifierRegionWithoutTheName(t *testing.T) {
	r := resolveAt(t, "Police stopped a pickup truck on a highway in Stroud, Ontario, on Sunday night.", "Stroud", 0)
	if !r.OK || !r.Near || r.Place.Country != "CA" || r.Place.Admin1 != "Ontario" {
		t.Errorf("Stroud, Ontario → %+v near %v, want a place near Ontario", r.Place, r.Near)
	}
	r = resolveAt(t, "He will appear before a court in Bradford, Ontario, Canada next month.", "Bradford", 0)
	if !r.OK || !r.Near || r.Place.Country != "CA" {
		t.Errorf("Bradford, Ontario, Canada → %+v near %v, want a place near Ontario", r.Place, r.Near)
	}
	r = resolveAt(t, "A new plant opened in Austin, Texas, on Monday.", "Austin", 0)
	if !r.OK || r.Near || r.Place.Admin1 != "Texas" {
		t.Errorf("Austin, Texas → %+v near %v, want the Texas city", r.Place, r.Near)
	}
	r = resolveAt(t, "Flights from Chicago, Texas and Florida were cancelled because of the storm.", "Chicago", 0)
	if !r.OK || r.Near || r.Place.Admin1 != "Illinois" {
		t.Errorf("Chicago in a list → %+v near %v, want the Illinois city", r.Place, r.Near)
	}
}

// TestListSharesPluralGeneric: names listed before a plural noun of
// places ("the Kitui and Makueni counties") are all places, whatever the
// recogniser called the first.
func TestListSharesPluralGeneric(t *testing.T) {
	// The recogniser calls Ekondi a MISC and Mbalou an ORG here.
	doc := annotate(t, "The ministry ordered a quarantine of the Ekondi and Mbalou districts on Friday.")
	var names []string
	for _, tp := range FindToponyms(doc, nil) {
		names = append(names, tp.Text)
	}
	if strings.Join(names, "|") != "Ekondi|Mbalou" {
		t.Errorf("toponyms %q, want Ekondi and Mbalou", names)
	}
	doc = annotate(t, "The Red Cross and local charities sent blankets to the districts.")
	for _, tp := range FindToponyms(doc, nil) {
		if strings.Contains(tp.Text, "Red Cross") {
			t.Errorf("toponym %q, want none for the Red Cross", tp.Text)
		}
	}
}

// groundText names the United States more often than Peru, but its
// towns lie in Peru, in the region of Puno; the mine it names last is in
// no gazetteer and has no town beside it.
const groundText = "Farmers from Ayaviri and Macusani in southern Peru will sue an American firm in a court in the United States. " +
	"The United States has no treaty on such suits, and American lawyers say the case is new. " +
	"The farmers say their cattle died after the spill. " +
	"Officials of the United States declined to comment on Monday. " +
	"Water from the Zorquila mine reached the rivers within days."

// TestVicinityGroundCountry: a local name the gazetteer lacks lies in the
// country where the story's towns and regions are, not in the country it
// names most.
func TestVicinityGroundCountry(t *testing.T) {
	r := resolveAt(t, groundText, "Zorquila", 0)
	if !r.OK || !r.Near || r.Place.Country != "PE" {
		t.Errorf("Zorquila → %+v near %v, want a place in Peru", r.Place, r.Near)
	}
}

// TestVicinityFocusRegion: with no town named twice, the region holding
// most of the story's towns is its focus.
func TestVicinityFocusRegion(t *testing.T) {
	r := resolveAt(t, groundText, "Zorquila", 0)
	if !r.OK || !r.Near || r.Place.Country != "PE" || r.Place.Admin1 != "Puno" {
		t.Errorf("Zorquila → %+v near %v, want a place in Puno", r.Place, r.Near)
	}
}

// TestPeopleOfSettlement: "the Kurdish village of X", "the Kenyan town of
// X": the people's adjective says where a name the gazetteer lacks lies,
// before a place named nearby in the text.
func TestPeopleOfSettlement(t *testing.T) {
	r := resolveAt(t, "Tests in Cairo confirmed the case. The girl came from the northern Kurdish village of Zarwanik, officials said.", "Zarwanik", 0)
	if !r.OK || !r.Near || r.Place.Name != "Kurdistan" {
		t.Errorf("Kurdish village of Zarwanik → %+v near %v, want a place near Kurdistan", r.Place, r.Near)
	}
	r = resolveAt(t, "Doctors flew from Lusaka to the Kenyan town of Mbirikoni on Monday.", "Mbirikoni", 0)
	if !r.OK || !r.Near || r.Place.Country != "KE" {
		t.Errorf("Kenyan town of Mbirikoni → %+v near %v, want a place in Kenya", r.Place, r.Near)
	}
	// "The village of X" opening a quotation has no people's adjective.
	r = resolveAt(t, "Officials met in Kananga. \"The village of Kampalu has been closed,\" the governor said.", "Kampalu", 0)
	if !r.OK || !r.Near || r.Place.Country != "CD" {
		t.Errorf("The village of Kampalu → %+v near %v, want a place by Kananga", r.Place, r.Near)
	}
}

// TestVicinityListMiddle: a name the gazetteer lacks in a list of places
// goes by the list's middle, not by the item written next to it.
func TestVicinityListMiddle(t *testing.T) {
	r := resolveAt(t, "Kenyan officials said Kisumu, Kakamega, Bungoma, Mombasa and Zorbala were the worst hit districts.", "Zorbala", 0)
	if !r.OK || !r.Near || r.Place.Country != "KE" || kb.DistanceKm(r.Place.Lat, r.Place.Lon, -0.10, 34.75) > 100 {
		t.Errorf("Zorbala → %+v near %v, want a place by the west of Kenya where most of the list lies", r.Place, r.Near)
	}
}

// TestStrayTownOfOwnCountry: a small town of the story's own country is
// no stray namesake when the state the sentence names is its subject, far
// from the town in the text; a state written in the town's own phrase
// still puts it there.
func TestStrayTownOfOwnCountry(t *testing.T) {
	r := resolveAt(t, "In Oregon, the state's health department said a tub of peanut butter had tested positive for the bacteria, which led to a recall by its distributor in Zanesville.", "Zanesville", 0)
	if !r.OK || r.Near || r.Place.Admin1 != "Ohio" {
		t.Errorf("distributor in Zanesville → %+v near %v, want the Ohio town", r.Place, r.Near)
	}
	r = resolveAt(t, "Storms flattened corn in the Zanesville area of Adams County, Colorado, on Tuesday.", "Zanesville", 0)
	if !r.OK || !r.Near || r.Place.Admin1 != "Colorado" {
		t.Errorf("the Zanesville area of Adams County, Colorado → %+v near %v, want a place near Colorado", r.Place, r.Near)
	}
}

// TestGeo4OrdinaryNews: the rules of this round leave the places of
// ordinary news where they were: capitals for governments, towns written
// with their own regions.
func TestGeo4OrdinaryNews(t *testing.T) {
	for _, c := range []struct{ text, name, place, country string }{
		{"Washington imposed sanctions on Moscow after talks in Paris.", "Washington", "Washington, D.C.", "US"},
		{"Washington imposed sanctions on Moscow after talks in Paris.", "Paris", "Paris", "FR"},
		{"The White House said Washington would respond to Beijing.", "Washington", "Washington, D.C.", "US"},
		{"Voters in Washington state backed the measure, officials in Olympia said.", "Washington", "Washington", "US"},
		{"Cholera spread to Kisumu, Nyanza Province, last week.", "Kisumu", "Kisumu", "KE"},
		{"Refugees reached Kananga, Kasai Occidental, on Monday.", "Kananga", "Kananga", "CD"},
		{"Police in Lahore, Punjab, arrested two men, India and Pakistan said.", "Lahore", "Lahore", "PK"},
		{"Fighting near Goma, North Kivu, displaced thousands.", "Goma", "Goma", "CD"},
	} {
		r := resolveAt(t, c.text, c.name, 0)
		if !r.OK || r.Near || r.Place.Name != c.place || r.Place.Country != c.country {
			t.Errorf("%q: %s → %+v near %v, want %s (%s)", c.text, c.name, r.Place, r.Near, c.place, c.country)
		}
	}
}
