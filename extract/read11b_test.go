package extract

import (
	"testing"
)

// TestSouthAsianNumbersAndCurrencies: lakh and crore are scales, South
// Asian digit grouping is a number, and the regional currencies written
// before an amount (spaced or glued) make money whose unit is the
// currency.
func TestSouthAsianNumbersAndCurrencies(t *testing.T) {
	cases := []struct {
		text    string
		value   float64
		counted string
		unit    string
	}{
		{"The board approved Rs 4.5 crore for the new hostel.", 4.5e7, "money", "Rs"},
		{"Nearly 1.5 lakh pilgrims reached the shrine.", 1.5e5, "other", "pilgrims"},
		{"Over 2.3 lakh people were affected.", 2.3e5, "other", "people"},
		{"The trust paid Rs. 2,50,000 to the contractor.", 2.5e5, "money", "Rs."},
		{"The gang collected N45 million from the families.", 4.5e7, "money", "N"},
		{"The county lost KSh 120 million meant for drugs.", 1.2e8, "money", "KSh"},
		{"Robbers took R1.4 million from the van.", 1.4e6, "money", "R"},
		{"Agents seized P6.8 million worth of shabu.", 6.8e6, "money", "P"},
		{"The commission froze RM12.5 million in the accounts.", 1.25e7, "money", "RM"},
		{"Trade reached AED 18 billion last year.", 1.8e10, "money", "AED"},
		{"Crores of rupees were wasted on the embankment.", 1e7, "money", "rupees"},
	}
	for _, c := range cases {
		got := Claims(fullDoc(t, c.text), "a", nil)
		if len(got) != 1 {
			t.Errorf("%q: %d claims, want 1: %+v", c.text, len(got), got)
			continue
		}
		g := got[0]
		if g.Value != c.value || g.Counted != c.counted || g.Unit != c.unit {
			t.Errorf("%q: got %v %s unit=%q, want %v %s unit=%q", c.text, g.Value, g.Counted, g.Unit, c.value, c.counted, c.unit)
		}
	}
	// "N95 masks" and a one-letter sign with a bare number are no money.
	for _, text := range []string{"Nurses asked for N95 masks.", "The P5 group met in Geneva."} {
		for _, c := range Claims(fullDoc(t, text), "a", nil) {
			if c.Counted == "money" {
				t.Errorf("%q: money claim %+v", text, c)
			}
		}
	}
}

// TestMoneyIsNoPartOfACount: "11 firearms, including five rifles, and
// R1.4 million in cash": the cash is no part of the firearms.
func TestMoneyIsNoPartOfACount(t *testing.T) {
	text := "Police seized 11 firearms, including five rifles, and R1.4 million in cash."
	got := Claims(fullDoc(t, text), "a", nil)
	var whole string
	for _, c := range got {
		if c.Unit == "firearms" {
			whole = c.ID
			if c.Counted != "weapons" {
				t.Errorf("firearms counted as %s, want weapons", c.Counted)
			}
		}
	}
	if whole == "" {
		t.Fatalf("no claim of firearms: %+v", got)
	}
	for _, c := range got {
		if c.Counted == "money" && c.PartOf != "" {
			t.Errorf("money made a part of %s: %+v", c.PartOf, c)
		}
		if c.Unit == "rifles" && c.PartOf != whole {
			t.Errorf("rifles not a part of the firearms: %+v", c)
		}
	}
}
