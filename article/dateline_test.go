package article

import (
	"strings"
	"testing"
)

func TestSplitDateline(t *testing.T) {
	cases := []struct {
		in                  string
		dateline, place, ag string
		rest                string
	}{
		{"MOSCOW\nThe Kremlin said on Friday.", "MOSCOW", "MOSCOW", "", "The Kremlin said on Friday."},
		{"MOSCOW — The Kremlin said on Friday.", "MOSCOW —", "MOSCOW", "", "The Kremlin said on Friday."},
		{"MOSCOW—The Kremlin said on Friday.", "MOSCOW—", "MOSCOW", "", "The Kremlin said on Friday."},
		{"GAZA CITY, Oct 27 (Reuters) - Israeli jets struck overnight.", "GAZA CITY, Oct 27 (Reuters) -", "GAZA CITY", "Reuters", "Israeli jets struck overnight."},
		{"WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) —", "WASHINGTON", "AP", "The Senate voted."},
		{"KYIV, Ukraine (AP) — Drones hit the capital.", "KYIV, Ukraine (AP) —", "KYIV, Ukraine", "AP", "Drones hit the capital."},
		{"LONDON, Nov. 3 — Prices rose.", "LONDON, Nov. 3 —", "LONDON", "", "Prices rose."},
		{"BEIRUT, Lebanon, March 2 (Reuters) - Talks resumed.", "BEIRUT, Lebanon, March 2 (Reuters) -", "BEIRUT, Lebanon", "Reuters", "Talks resumed."},
		{"NEW YORK (CNN) The mayor spoke.", "NEW YORK (CNN)", "NEW YORK", "CNN", "The mayor spoke."},
		{"NEW YORK (CNN)The mayor spoke.", "NEW YORK (CNN)", "NEW YORK", "CNN", "The mayor spoke."},
		{"PARIS, Oct 27, 2023 (AFP) - Strikes spread.", "PARIS, Oct 27, 2023 (AFP) -", "PARIS", "AFP", "Strikes spread."},
		{"ST. LOUIS, Mo. -- Storms moved east.", "ST. LOUIS, Mo. --", "ST. LOUIS, Mo.", "", "Storms moved east."},
		{"PORT-AU-PRINCE, Haiti – Gangs blocked roads.", "PORT-AU-PRINCE, Haiti –", "PORT-AU-PRINCE, Haiti", "", "Gangs blocked roads."},
		{"WASHINGTON, D.C. — Lawmakers met.", "WASHINGTON, D.C. —", "WASHINGTON, D.C.", "", "Lawmakers met."},
		{"NEW DELHI, Jan 5: The court ruled on Monday.", "NEW DELHI, Jan 5:", "NEW DELHI", "", "The court ruled on Monday."},
		{"SÃO PAULO, 12 May (Reuters) - Shares fell.", "SÃO PAULO, 12 May (Reuters) -", "SÃO PAULO", "Reuters", "Shares fell."},
		{"KINSHASA, Democratic Republic of Congo (AP) — Rebels advanced.", "KINSHASA, Democratic Republic of Congo (AP) —", "KINSHASA, Democratic Republic of Congo", "AP", "Rebels advanced."},
		{"JERUSALEM (Reuters)\nThe cabinet met.", "JERUSALEM (Reuters)", "JERUSALEM", "Reuters", "The cabinet met."},
		{"BAKU —\nTalks opened.", "BAKU —", "BAKU", "", "Talks opened."},
		{"NAIROBI/JUBA, South Sudan, May 4 (Reuters) - Aid ran short.", "NAIROBI/JUBA, South Sudan, May 4 (Reuters) -", "JUBA, South Sudan", "Reuters", "Aid ran short."},
		{"BRUSSELS/KYIV — Ministers met.", "BRUSSELS/KYIV —", "KYIV", "", "Ministers met."},
	}
	for _, c := range cases {
		d, rest, ok := SplitDateline(c.in)
		if !ok {
			t.Errorf("%q: no dateline found", c.in)
			continue
		}
		if d.Text != c.dateline || d.Place != c.place || d.Agency != c.ag || rest != c.rest {
			t.Errorf("%q:\n got %q %q %q rest %q\nwant %q %q %q rest %q", c.in, d.Text, d.Place, d.Agency, rest, c.dateline, c.place, c.ag, c.rest)
		}
	}
}

func TestSplitDatelineLeavesSentencesAlone(t *testing.T) {
	for _, in := range []string{
		"US officials said on Monday that talks would resume.",
		"NATO leaders met in Vilnius.",
		"UN agencies warned of famine.",
		"NATO — the alliance — is 75 years old.",
		"US - China trade talks stalled.",
		"EU: a new budget.",
		"BREAKING — Parliament dissolved.",
		"EXCLUSIVE: The memo shows a rift.",
		"BOOM: Senator fires back.",
		"FIX IS IN: Debate moderators chosen.",
		"BYLINE:\nJane Doe.",
		"IN BRIEF.\nSpain votes again.",
		"NEW DELHI: The court ruled.",
		"UPDATE 2-Oil prices rise.",
		"I went to the market on Monday.",
		"A man was arrested in Leeds.",
		"FBI agents searched the house.",
		"MOSCOW",                                                           // nothing after it
		"MOSCOW —",                                                         // nothing after it
		"TRUMP WINS THE PRIMARY IN IOWA\nThe former president won easily.", // a headline
		"The Kremlin said on Friday.",
		"U.S.-led forces withdrew.",
		"WASHINGTON-based groups objected.",
		"LONDON, where it rained, was quiet.",
		"BERLIN, Germany is large.",
		"Paris — The city voted.", // not upper case
		"COVID-19 cases rose in the city.",
		"(AP) — The Senate voted.",
	} {
		if d, rest, ok := SplitDateline(in); ok {
			t.Errorf("%q: took %q as a dateline (rest %q)", in, d.Text, rest)
		} else if rest != in {
			t.Errorf("%q: text changed to %q", in, rest)
		}
	}
}

func TestDatelineAfterHeadline(t *testing.T) {
	for _, c := range []struct {
		text, head, dateline, place, rest string
	}{
		{"Flood warnings issued\nTERRE HAUTE, Ind. — The river rose.", "Flood warnings issued", "TERRE HAUTE, Ind. —", "TERRE HAUTE, Ind.", "The river rose."},
		{"Council approves branch\nBy a staff writer\nATHENS, Ga. — The commission voted.", "Council approves branch\nBy a staff writer", "ATHENS, Ga. —", "ATHENS, Ga.", "The commission voted."},
		{"Stein removed from debate site by police.\nHEMPSTEAD, N.Y., Sept. 26 (UPI) — Jill Stein was escorted off.", "Stein removed from debate site by police.", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "HEMPSTEAD, N.Y.", "Jill Stein was escorted off."},
		{"Talks resume\nKYIV, Ukraine\nOfficials met on Monday.", "Talks resume", "KYIV, Ukraine", "KYIV, Ukraine", "Officials met on Monday."},
	} {
		head, d, rest, ok := DatelineAfterHeadline(c.text)
		if !ok || head != c.head || d.Text != c.dateline || d.Place != c.place || rest != c.rest {
			t.Errorf("DatelineAfterHeadline(%q) = %q, %+v, %q, %v; want %q, %q, %q, %q", c.text, head, d, rest, ok, c.head, c.dateline, c.place, c.rest)
		}
	}
	for _, text := range []string{
		"Talks resume\nMOSCOW\nOfficials met on Monday.",                // a line of its own: a section or second headline
		"One\nTwo\nThree\nFour\nPARIS — Too far down to be a dateline.", // after more than three lines
		strings.Repeat("word ", 40) + "\nPARIS — After a paragraph, not a headline.",
		"US officials said on Monday\nthat talks would resume.",
		"No newline at all",
	} {
		if _, d, _, ok := DatelineAfterHeadline(text); ok {
			t.Errorf("DatelineAfterHeadline(%q) found %+v; want none", text, d)
		}
	}
}
