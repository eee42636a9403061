package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\r\nb\rc", "a\nb\nc"},
		{"  lead and trail  \n\n\n  second\t\tline ", "lead and trail\nsecond line"},
		{"no\u00a0break\u2009thin\u200bzero", "no break thinzero"},
		{"ctrl\x07char\x1b", "ctrlchar"},
		{"one\u2028two\u2029three", "one\ntwo\nthree"},
		{"\n\n\n", ""},
		// Blank-line paragraphs, the first block hard-wrapped at ~60.
		{"The committee met on Tuesday to discuss the budget for the\nnext year and agreed on most of the main points raised.\n\nShort line.\nAnother short one.",
			"The committee met on Tuesday to discuss the budget for the next year and agreed on most of the main points raised.\nShort line.\nAnother short one."},
		// Lists are not joined.
		{"Measures announced by the council on Monday evening were:\n- a curfew\n- a ban\n\nEnd.",
			"Measures announced by the council on Monday evening were:\n- a curfew\n- a ban\nEnd."},
		// Without blank lines nothing is joined.
		{"The committee met on Tuesday to discuss the budget for the\nnext year and agreed on most of the main points raised.",
			"The committee met on Tuesday to discuss the budget for the\nnext year and agreed on most of the main points raised."},
	}
	for _, c := range cases {
		if got := NormalizeText(c.in); got != c.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2023-10-27", "2023-10-27"},
		{"2023-10-27T14:05:00+02:00", "2023-10-27T14:05:00+02:00"},
		{"2023-10-27T14:05:00.123Z", "2023-10-27T14:05:00Z"},
		{"2023-10-27T00:00:00Z", "2023-10-27"},
		{"2023-10-27T14:05:00", "2023-10-27"}, // no zone: the instant is unknown
		{"2023-10-27 14:05:00", "2023-10-27"},
		{"2023-10-27T14:05:00+0200", "2023-10-27T14:05:00+02:00"},
		{"Fri, 27 Oct 2023 14:05:00 +0000", "2023-10-27T14:05:00Z"},
		{"Fri, 27 Oct 2023 14:05:00 GMT", "2023-10-27T14:05:00Z"},
		{"Fri, 27 Oct 2023 23:30:00 EST", "2023-10-27"},
		{"October 27, 2023", "2023-10-27"},
		{"Oct. 27, 2023", "2023-10-27"},
		{"Sept. 3, 2023", "2023-09-03"},
		{"27 October 2023", "2023-10-27"},
		{"Friday, October 27, 2023", "2023-10-27"},
		{"2023/10/27", "2023-10-27"},
		{"1698415500", "2023-10-27T14:05:00Z"},
		{"1698415500000", "2023-10-27T14:05:00Z"},
	}
	for _, c := range cases {
		got, err := NormalizeDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2023-13-01", "27/10/2023", "0001-01-01"} {
		if got, err := NormalizeDate(bad); err == nil {
			t.Errorf("NormalizeDate(%q) = %q, want an error", bad, got)
		}
	}
}

func TestIDAndCanonicalURL(t *testing.T) {
	base := ID("https://example.com/news/a-story", "ignored text")
	for _, u := range []string{
		"HTTPS://Example.COM/news/a-story/",
		"https://example.com:443/news/a-story#comments",
		"https://example.com/news/a-story?utm_source=x&utm_medium=rss",
		" https://example.com/news/a-story?fbclid=123 ",
	} {
		if got := ID(u, "other text"); got != base {
			t.Errorf("ID(%q) = %s, want %s (canonical %q)", u, got, base, CanonicalURL(u))
		}
	}
	if ID("https://example.com/news/b-story", "") == base {
		t.Error("different URLs share an ID")
	}
	if ID("http://example.com/news/a-story", "") == base {
		t.Error("http and https share an ID; they are different URLs")
	}
	if got := CanonicalURL("https://example.com/p?b=2&a=1&utm_campaign=z"); got != "https://example.com/p?a=1&b=2" {
		t.Errorf("CanonicalURL sorted query = %q", got)
	}
	txt := ID("", "The mayor spoke.\nThen she left.")
	if len(txt) != 16 || strings.Trim(txt, "0123456789abcdef") != "" {
		t.Errorf("ID %q is not 16 hex digits", txt)
	}
	if ID("", "The mayor  spoke. Then\tshe left.") != txt {
		t.Error("text ID depends on whitespace")
	}
	if ID("", "The mayor spoke.") == txt {
		t.Error("different texts share an ID")
	}
}

func TestInputErrorOneLine(t *testing.T) {
	e := &InputError{Input: "news.jsonl", Line: 17, Byte: 231, Problem: "malformed JSON (unexpected end of input at byte 231)", Hint: "fix or remove the line"}
	if got := e.Error(); got != "news.jsonl:17: malformed JSON (unexpected end of input at byte 231); fix or remove the line" {
		t.Errorf("Error() = %q", got)
	}
	e = &InputError{Input: "a.txt", Problem: "bad\nthing"}
	if got := e.Error(); got != "a.txt: bad thing" {
		t.Errorf("Error() = %q", got)
	}
}

func TestDecodeTextValidUTF8(t *testing.T) {
	for _, in := range [][]byte{{0x80, 0x81, 'a', 0x8d, 0xff}, []byte("caf\xe9")} {
		s, p := decodeText(in)
		if p != "" || !utf8.ValidString(s) {
			t.Errorf("decodeText(%q) = %q, %q", in, s, p)
		}
	}
}
