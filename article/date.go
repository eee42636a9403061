package article

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateLayout is one accepted way of writing a publication date.
type dateLayout struct {
	layout string
	// zoned layouts carry a numeric offset or UTC, so the instant is
	// known and the time can be kept.
	zoned bool
}

var dateLayouts = []dateLayout{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04Z07:00", true},
	{"2006-01-02T15:04:05Z0700", true},
	{"2006-01-02T15:04:05.999999999Z0700", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02 15:04:05 Z07:00", true},
	{"2006-01-02 15:04:05 -0700", true},
	{"2006-01-02 15:04:05 -0700 MST", true},
	{time.RFC1123Z, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", false},
	{time.RFC1123, false},
	{time.RFC822Z, true},
	{time.RFC822, false},
	{"2006-01-02T15:04:05.999999999", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04", false},
	{"2006-01-02", false},
	{"2006/01/02", false},
	{"2006.01.02", false},
	{"20060102", false},
	{"January 2, 2006", false},
	{"Jan 2, 2006", false},
	{"Jan. 2, 2006", false},
	{"Monday, January 2, 2006", false},
	{"Mon, Jan 2, 2006", false},
	{"2 January 2006", false},
	{"2 Jan 2006", false},
	{"Monday, 2 January 2006", false},
	{"Mon, 2 Jan 2006", false},
	{"January 2 2006", false},
	{"Jan 2 2006", false},
}

// NormalizeDate turns a publication date written in a common format into
// dateline's form: "YYYY-MM-DD" when only the day is known (or the time
// has no time zone, so the instant is unknown), RFC 3339 ("2023-10-27T14:05:00+02:00")
// when a time with a zone offset is given. Midnight UTC counts as "day
// only", since feeds write plain dates that way. Accepted: ISO 8601 /
// RFC 3339 with or without seconds and zone, RFC 1123 and RFC 822 (mail
// and RSS), "2006/01/02", "January 2, 2006", "Jan. 2, 2006", "2 January
// 2006" with optional weekday, and Unix times in seconds or milliseconds.
// Zone abbreviations other than UTC and GMT are ambiguous, so such dates
// keep only their day.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("empty date")
	}
	if t, ok := unixTime(s); ok {
		return formatDate(t, true), nil
	}
	// "Sept." is a common spelling Go's layouts do not know.
	norm := strings.Replace(s, "Sept", "Sep", 1)
	norm = strings.Replace(norm, "Sepember", "September", 1)
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, norm)
		if err != nil {
			continue
		}
		if t.Year() < 1000 {
			break
		}
		zoned := l.zoned
		if !zoned {
			if name, off := t.Zone(); off == 0 && (name == "UTC" || name == "GMT") {
				zoned = strings.Contains(l.layout, "MST") // "... GMT" is known
			}
		}
		return formatDate(t, zoned), nil
	}
	return "", fmt.Errorf("date %q is not in a known format (use YYYY-MM-DD or RFC 3339)", clip(s, 60))
}

// formatDate renders t as a day, or as RFC 3339 when the instant is known
// and not midnight UTC.
func formatDate(t time.Time, zoned bool) string {
	if !zoned {
		return t.Format(time.DateOnly)
	}
	if _, off := t.Zone(); off == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Truncate(time.Second).Format(time.RFC3339)
}

// unixTime reads 9-10 digits as Unix seconds and 12-13 digits as Unix
// milliseconds.
func unixTime(s string) (time.Time, bool) {
	if len(s) < 9 || len(s) > 13 || len(s) == 11 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if len(s) >= 12 {
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}

// ValidateDay checks that s is a calendar day written YYYY-MM-DD, as
// Options.Published must be.
func ValidateDay(s string) error {
	if _, err := time.Parse(time.DateOnly, s); err != nil || len(s) != 10 {
		return fmt.Errorf("published date %q is not a day written YYYY-MM-DD (e.g. 2023-10-27)", clip(s, 40))
	}
	return nil
}

// clip shortens s for quoting in an error message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
