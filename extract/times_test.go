package extract

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"dateline/nlp"
	"dateline/record"
)

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestTimes(t *testing.T) {
	// Publication: Wednesday 2024-03-13.
	const pub = "2024-03-13"
	cases := []struct {
		text, span, from, to, prec string
		rel                        bool
	}{
		{"The vote took place on Friday.", "Friday", "2024-03-08", "2024-03-08", record.PrecisionDay, true},
		{"The talks happened Wednesday.", "Wednesday", "2024-03-13", "2024-03-13", record.PrecisionDay, true},
		{"The council will vote next Friday.", "next Friday", "2024-03-15", "2024-03-15", record.PrecisionDay, true},
		{"Ministers will meet on Monday.", "Monday", "2024-03-18", "2024-03-18", record.PrecisionDay, true},
		{"The plant closed last Wednesday.", "last Wednesday", "2024-03-06", "2024-03-06", record.PrecisionDay, true},
		{"The ceasefire began on Oct. 7 and collapsed.", "Oct. 7", "2023-10-07", "2023-10-07", record.PrecisionDay, false},
		{"The ceasefire began on March 2.", "March 2", "2024-03-02", "2024-03-02", record.PrecisionDay, false},
		{"It was signed on October 7, 2021 in Doha.", "October 7, 2021", "2021-10-07", "2021-10-07", record.PrecisionDay, false},
		{"It was signed on 7 October 2021.", "7 October 2021", "2021-10-07", "2021-10-07", record.PrecisionDay, false},
		{"The decree is dated 2022-11-30.", "2022-11-30", "2022-11-30", "2022-11-30", record.PrecisionDay, false},
		{"The strike was yesterday.", "yesterday", "2024-03-12", "2024-03-12", record.PrecisionDay, true},
		{"The office is closed today.", "today", "2024-03-13", "2024-03-13", record.PrecisionDay, true},
		{"Prices fell last week.", "last week", "2024-03-04", "2024-03-10", record.PrecisionWeek, true},
		{"Prices fell last month.", "last month", "2024-02-01", "2024-02-29", record.PrecisionMonth, true},
		{"The law passed in January.", "January", "2024-01-01", "2024-01-31", record.PrecisionMonth, false},
		{"The law passed in November.", "November", "2023-11-01", "2023-11-30", record.PrecisionMonth, false},
		{"The dam was finished in 2022.", "2022", "2022-01-01", "2022-12-31", record.PrecisionYear, false},
		{"Exports grew earlier this year.", "earlier this year", "2024-01-01", "2024-03-13", record.PrecisionYear, true},
		{"The mine opened three days ago.", "three days ago", "2024-03-10", "2024-03-10", record.PrecisionDay, true},
		{"The report was published in October 2023.", "October 2023", "2023-10-01", "2023-10-31", record.PrecisionMonth, false},
		{"Protesters gathered over the weekend.", "over the weekend", "2024-03-09", "2024-03-10", record.PrecisionDay, true},
		{"The strike began last weekend.", "last weekend", "2024-03-09", "2024-03-10", record.PrecisionDay, true},
		{"Ministers will meet this weekend.", "this weekend", "2024-03-16", "2024-03-17", record.PrecisionDay, true},
		{"Voters go to the polls this weekend.", "this weekend", "2024-03-16", "2024-03-17", record.PrecisionDay, true},
		{"Fighting eased late last night.", "late last night", "2024-03-12", "2024-03-12", record.PrecisionDay, true},
		{"Prices rose over the past three days.", "the past three days", "2024-03-10", "2024-03-13", record.PrecisionDay, true},
		{"Shelling continued for the last few weeks.", "the last few weeks", "2024-02-21", "2024-03-13", record.PrecisionWeek, true},
		{"Arrivals doubled in the past week.", "the past week", "2024-03-06", "2024-03-13", record.PrecisionWeek, true},
		{"Exports fell over the past year.", "the past year", "2023-03-13", "2024-03-13", record.PrecisionYear, true},
		// Put off to a date: the date is ahead even though the verb is past.
		{"The judge adjourned the hearing until Jan. 9.", "Jan. 9", "2025-01-09", "2025-01-09", record.PrecisionDay, false},
		{"The vote was postponed to February 2.", "February 2", "2025-02-02", "2025-02-02", record.PrecisionDay, false},
		{"The court adjourned the case until January.", "January", "2025-01-01", "2025-01-31", record.PrecisionMonth, true},
		{"The curfew lasted until Jan. 9.", "Jan. 9", "2024-01-09", "2024-01-09", record.PrecisionDay, false},
	}
	for _, c := range cases {
		got := Times(nlp.NewDoc(c.text), "a", mustDate(t, pub))
		if len(got) != 1 {
			t.Errorf("%q: %d times %+v, want 1", c.text, len(got), got)
			continue
		}
		g := got[0]
		if g.Text != c.span || g.From != c.from || g.To != c.to || g.Precision != c.prec || g.Relative != c.rel {
			t.Errorf("%q: got %q %s..%s %s rel=%v, want %q %s..%s %s rel=%v", c.text,
				g.Text, g.From, g.To, g.Precision, g.Relative, c.span, c.from, c.to, c.prec, c.rel)
		}
		if c.text[g.Evidence.Start:g.Evidence.End] != c.span {
			t.Errorf("%q: evidence %d:%d does not cover %q", c.text, g.Evidence.Start, g.Evidence.End, c.span)
		}
	}
}

func TestTimesSkipsNonDates(t *testing.T) {
	for _, text := range []string{
		"He may resign.",
		"About 2000 people marched.",
		"The march drew a large crowd.",
	} {
		if got := Times(nlp.NewDoc(text), "a", mustDate(t, "2024-03-13")); len(got) != 0 {
			t.Errorf("%q: got %+v", text, got)
		}
	}
}

func TestTimesUnknownPublication(t *testing.T) {
	got := Times(nlp.NewDoc("It happened on Friday, October 7, 2022."), "a", time.Time{})
	if len(got) != 1 || got[0].From != "2022-10-07" {
		t.Fatalf("got %+v, want only the absolute date", got)
	}
}

// TestDayNum checks day numbers against the plain parse they shortcut.
func TestDayNum(t *testing.T) {
	for _, w := range []string{"1", "9", "31", "32", "0", "00", "07", "1st", "2nd", "3rd", "4th", "21st", "+5", "-3", "+", "-",
		"th", "", "of", "May", "123", "12th", "1.5", "٣", "5a", "a5"} {
		q := &qdoc{}
		q.lower = []string{w}
		d, ok := q.dayNum(0)
		v := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd")
		want, err := strconv.Atoi(v)
		wantOK := err == nil && want >= 1 && want <= 31 && len(v) <= 2
		if ok != wantOK || ok && d != want {
			t.Errorf("dayNum(%q) = %d, %v; want %d, %v", w, d, ok, want, wantOK)
		}
	}
}

// With a parse, a month's future is read from the verb it hangs on even
// when "will" is far before it; a year before a verb is a year.
func TestTimesParsedFuture(t *testing.T) {
	doc := annotate(t, "Negotiators will meet again on November 2 and again in early December. The treaty signed in 2019 was extended.")
	got := map[string]string{}
	for _, tm := range Times(doc, "a", mustDate(t, "2023-10-26")) {
		got[tm.Text] = tm.From + ".." + tm.To
	}
	want := map[string]string{"November 2": "2023-11-02..2023-11-02", "December": "2023-12-01..2023-12-31", "2019": "2019-01-01..2019-12-31"}
	// Published on a Thursday: a past verb keeps "this weekend" behind.
	weekend := "(not found)"
	for _, tm := range Times(annotate(t, "Protests erupted across the city this weekend."), "a", mustDate(t, "2023-10-26")) {
		if tm.Text == "this weekend" {
			weekend = tm.From + ".." + tm.To
		}
	}
	if weekend != "2023-10-21..2023-10-22" {
		t.Errorf("past \"this weekend\" on a Thursday → %s, want 2023-10-21..2023-10-22", weekend)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q resolved to %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

// "said it would … from Jan. 1" late in the year is the next January: the
// future of a reported clause.
func TestTimesReportedWouldIsFuture(t *testing.T) {
	got := timeFrom(t, "Peru said it would cut the fuel tax from Feb. 3, officials added.", "Feb. 3", "2025-12-10")
	if got != "2026-02-03" {
		t.Errorf("Feb. 3 → %s, want 2026-02-03", got)
	}
}

// "until" a date from a present-tense or to-infinitive clause runs on from
// that clause's time, so a month already past this year is next year's;
// from a past-tense clause it stays behind.
func TestTimesUntilAhead(t *testing.T) {
	cases := []struct{ text, date, want string }{
		{"Charities said they needed $40 million to shelter the families until April.", "April", "2027-04-01"},
		{"The governor said the curfew remains in force until May.", "May", "2027-05-01"},
		{"The UN said it had money to feed the refugees until Feb. 15.", "Feb. 15", "2027-02-15"},
		{"The general led the army until March.", "March", "2026-03-01"},
		{"The junta said the borders would stay closed until March.", "March", "2027-03-01"},
		{"The regulator said banks must keep their backup systems running until February.", "February", "2027-02-01"},
		{"The ministers had kept the old tariffs in force until June.", "June", "2026-06-01"},
	}
	for _, c := range cases {
		got := timeFrom(t, c.text, c.date, "2026-11-20")
		if got != c.want {
			t.Errorf("%q: %q → %s, want %s", c.text, c.date, got, c.want)
		}
	}
}

// A weekday right after a past verb and "on" is that verb's, even when
// "will" opens the sentence and the parser hangs the date on its verb.
func TestTimesOnAfterPastVerb(t *testing.T) {
	got := timeFrom(t, "The company will close its remaining 40 stores in Spain by the end of May, the board decided on Tuesday.", "Tuesday", "2023-10-26")
	if got != "2023-10-24" {
		t.Errorf("Tuesday → %s, want 2023-10-24 (the past Tuesday)", got)
	}
}

// An infinitive of what one plans is ahead ("planned to open … in
// December" in November is this December), and so is the time of a
// to-infinitive above an "until" ("needs money to keep … going until
// April" in November is next April).
func TestTimesInfinitiveAhead(t *testing.T) {
	cases := map[string]struct{ text, want string }{
		"December": {"The ministry said it planned to open two new clinics in the north in December.", "2023-12-01"},
		"April":    {"The charity said it needed $40 million to keep meal deliveries going until April.", "2024-04-01"},
	}
	for word, c := range cases {
		got := timeFrom(t, c.text, word, "2023-11-20")
		if got != c.want {
			t.Errorf("%q: %s → %s, want %s", c.text, word, got, c.want)
		}
	}
}

// A deadline ("by the end of May") takes the "will" of its clause from
// further back than other dates do.
func TestTimesDeadlineFarFromWill(t *testing.T) {
	got := timeFrom(t, "The United Nations will pull its remaining 1,200 soldiers out of the northern provinces of Mali by the end of May, the council decided.", "May", "2023-10-26")
	if got != "2024-05-01" {
		t.Errorf("May → %s, want 2024-05-01", got)
	}
}

// timeFrom returns the start day dateline gives the time mention of text
// (published on the day given), or "(not found)".
func timeFrom(t *testing.T, text, mention, published string) string {
	t.Helper()
	got := "(not found)"
	for _, tm := range Times(annotate(t, text), "a", mustDate(t, published)) {
		if tm.Text == mention {
			got = tm.From
		}
	}
	return got
}

// Seasons resolve to three months around the publication date; a season
// word with no time frame ("the fall of the regime", "Arab Spring") is
// none.
func TestTimesSeasons(t *testing.T) {
	text := "Construction is expected to begin next spring and take 18 months. Sales fell last summer, and the company will hire more staff in the winter. " +
		"The plan was drafted in the spring of 2024. The fall of the regime surprised many. The Arab Spring began in 2010."
	got := map[string]string{}
	for _, tm := range Times(annotate(t, text), "a", mustDate(t, "2026-11-20")) {
		got[tm.Text] = tm.From + ".." + tm.To + " " + tm.Precision
	}
	want := map[string]string{
		"next spring":        "2027-03-01..2027-05-31 season",
		"last summer":        "2026-06-01..2026-08-31 season",
		"the winter":         "2026-12-01..2027-02-28 season",
		"the spring of 2024": "2024-03-01..2024-05-31 season",
		"2010":               "2010-01-01..2010-12-31 year",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q → %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("times %v, want only %v", got, want)
	}
	// "last summer" in July is the summer before.
	for _, tm := range Times(annotate(t, "Sales fell last summer."), "a", mustDate(t, "2026-07-15")) {
		if tm.Text == "last summer" && tm.From != "2025-06-01" {
			t.Errorf("last summer in July 2026 → %s", tm.From)
		}
	}
}

// "is set to" and "slated to" look ahead like "is expected to".
func TestTimesSetToIsFuture(t *testing.T) {
	for text, want := range map[string]string{
		"Work on a second bridge is set to begin in the spring.": "2027-03-01",
		"The new line is slated to open in March.":               "2027-03-01",
	} {
		found := false
		for _, tm := range Times(annotate(t, text), "a", mustDate(t, "2026-11-20")) {
			found = true
			if tm.From != want {
				t.Errorf("%q: %q → %s, want %s", text, tm.Text, tm.From, want)
			}
		}
		if !found {
			t.Errorf("%q: no time", text)
		}
	}
}

// A weekday inside a name ("The Sunday Times", "Bloody Sunday", "Good
// Friday") is no date; the same weekday standing alone still is.
func TestTimesWeekdayInName(t *testing.T) {
	text := "The Sunday Times first reported the deal. Marchers remembered Bloody Sunday in Derry. Shops close on Good Friday. The deal was signed on Sunday."
	var got []string
	for _, tm := range Times(annotate(t, text), "a", mustDate(t, "2025-05-14")) {
		got = append(got, tm.Text+"="+tm.From)
	}
	if len(got) != 1 || got[0] != "Sunday=2025-05-11" {
		t.Errorf("times = %v, want only Sunday=2025-05-11 (the last sentence)", got)
	}
}

// Dates the second times gold batch found missing or mis-resolved: a
// month inside a hyphenated word, a capitalised "May" after a day number
// with a relative year, "this morning", and "N weeks/months/years ago" as
// the calendar unit holding that day.
func TestTimesSecondBatch(t *testing.T) {
	text := "The port reopened in mid-June. The fair returns on 3 May next year. The deal was signed this afternoon. " +
		"The dam broke three weeks ago. Prices peaked two months ago. The firm was sold five years ago. Officials may 3 times reconsider."
	got := map[string]string{}
	for _, tm := range Times(annotate(t, text), "a", mustDate(t, "2025-10-16")) {
		got[tm.Text] = tm.From + ".." + tm.To + " " + tm.Precision
	}
	want := map[string]string{
		"mid-June":        "2025-06-01..2025-06-30 month",
		"3 May next year": "2026-05-03..2026-05-03 day",
		"this afternoon":  "2025-10-16..2025-10-16 day",
		"three weeks ago": "2025-09-22..2025-09-28 week",
		"two months ago":  "2025-08-01..2025-08-31 month",
		"five years ago":  "2020-01-01..2020-12-31 year",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q → %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("times = %v, want only %v", got, want)
	}
}

// Quarters, decades and bare ordinal days (the third times gold batch),
// and what looks like them but is none: a quarter of something, a place
// in a race, the temperatures of "the 30s", a floor.
func TestTimesQuartersDecadesOrdinals(t *testing.T) {
	text := "Sales fell in the second quarter. Debt rose in the fourth quarter of last year. Q1 2023 was weak. " +
		"Crime fell in the 1980s. The strike began on the 3rd. It will end on the 28th of November. " +
		"He scored in the first quarter of the game. She came 3rd in the race. It was in the 30s. They live on the 4th floor."
	got := map[string]string{}
	for _, tm := range Times(annotate(t, text), "a", mustDate(t, "2025-10-16")) {
		got[tm.Text] = tm.From + ".." + tm.To + " " + tm.Precision
	}
	want := map[string]string{
		"the second quarter":              "2025-04-01..2025-06-30 quarter",
		"the fourth quarter of last year": "2024-10-01..2024-12-31 quarter",
		"Q1 2023":                         "2023-01-01..2023-03-31 quarter",
		"the 1980s":                       "1980-01-01..1989-12-31 decade",
		"the 3rd":                         "2025-10-03..2025-10-03 day",
		"28th of November":                "2025-11-28..2025-11-28 day",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q → %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("times = %v, want only %v", got, want)
	}
}
