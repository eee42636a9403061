package query

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"truce", "truce"},
		{"truce talks", "(truce AND talks)"},
		{"truce AND talks", "(truce AND talks)"},
		{"truce OR talks", "(truce OR talks)"},
		{"a b OR c", "((a AND b) OR c)"},
		{"a (b OR c)", "(a AND (b OR c))"},
		{"a OR b OR c", "(a OR b OR c)"},
		{"(a AND b) AND c", "(a AND b AND c)"},
		{`"ground offensive"`, `"ground offensive"`},
		{`negotiat*`, `negotiat*`},
		{"-rumour talks", "(NOT rumour AND talks)"},
		{"NOT rumour", "NOT rumour"},
		{"NOT (a OR b)", "NOT (a OR b)"},
		{"covid-19", "covid-19"},
		{"actor:RUS", "actor:RUS"},
		{"ACTOR:RUS", "actor:RUS"},
		{`place:"Gaza Strip"`, `place:"Gaza Strip"`},
		{"plover:consult", "plover:CONSULT"},
		{"counted:Killed", "counted:killed"},
		{"from:2023-10", "from:2023-10-01"},
		{"to:2023-02", "to:2023-02-28"},
		{"to:2024", "to:2024-12-31"},
		{"from:2023-10-01 to:2023-10-31", "(from:2023-10-01 AND to:2023-10-31)"},
		{"cameo:04 -actor:USA", "(cameo:04 AND NOT actor:USA)"},
		{"type:organization", "type:organisation"},
		{"10:30 meeting", "(10:30 AND meeting)"},
		{`say "he said ""no"""`, `(say AND "he said ""no""")`},
		{"Ежов speaker:Песков", "(Ежов AND speaker:Песков)"},
	}
	for _, c := range cases {
		q, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := q.String(); got != c.want {
			t.Errorf("Parse(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		in   string
		col  int
		frag string
	}{
		{"actr:RUS", 1, "unknown filter 'actr'; known filters: actor, article, cameo"},
		{"talks actr:RUS", 7, "unknown filter 'actr'"},
		{"(a OR b", 1, "unmatched '('"},
		{"a OR b)", 7, "unmatched ')'"},
		{`"open phrase`, 1, "unterminated phrase"},
		{"a OR", 5, "query ends where"},
		{"NOT", 1, "NOT needs something"},
		{"()", 1, "empty parentheses"},
		{"cameo:4x", 1, "not a CAMEO code prefix"},
		{"from:2023-13-01", 1, "not a valid date"},
		{"from:yesterday", 1, "not a date"},
		{"actor:", 1, "needs a value"},
		{"type:robot", 1, "unknown type \"robot\""},
		{"modality:maybe", 1, "known values: actual"},
		{"... talks", 1, "has no letters or digits"},
		{"é actr:X", 3, "unknown filter"}, // columns count characters
		{"grain\x00", 6, "control character U+0000"},
		{"é\x1b[31m", 2, "control character U+001B"},
		{strings.Repeat("(", 100) + "a" + strings.Repeat(")", 100), 66, "nests deeper"},
	}
	for _, c := range cases {
		_, err := Parse(c.in)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Parse(%q): error %v, want *Error", c.in, err)
			continue
		}
		if qe.Col != c.col || !strings.Contains(qe.Error(), c.frag) {
			t.Errorf("Parse(%q) = %q (col %d), want col %d and %q", c.in, qe.Error(), qe.Col, c.col, c.frag)
		}
		if !strings.HasPrefix(qe.Error(), "query: ") {
			t.Errorf("error %q does not start with 'query: '", qe.Error())
		}
	}
	if _, err := Parse(strings.Repeat("a ", MaxLen)); err == nil {
		t.Error("overlong query accepted")
	}
}

func TestFiltersAndTerms(t *testing.T) {
	q, err := Parse(`talks "cease fire" -rumour actor:RUS (cameo:04 OR NOT lang:fr)`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range q.Filters() {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, ","); got != "actor,cameo,lang" {
		t.Errorf("Filters = %s", got)
	}
	var terms []string
	for _, tm := range q.Terms() {
		terms = append(terms, tm.Text)
	}
	if got := strings.Join(terms, ","); got != "talks,cease fire" {
		t.Errorf("Terms = %s (negated terms must be left out)", got)
	}
}

// FuzzParse checks that no input panics, that errors carry a column inside
// the input, and that a parsed query re-parses to the same tree.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "a", `"a b"`, "a OR (b -c)", "actor:RUS cameo:04", `place:"Gaza Strip"`,
		"NOT NOT a", "from:2023-10 to:2023", "((a))", `"x""y"`, "-", "a:b", "x*", "- -a",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Parse(%q): %T %v", s, err, err)
			}
			if qe.Col < 1 || qe.Col > utf8.RuneCountInString(s)+1 {
				t.Fatalf("Parse(%q): column %d outside the input", s, qe.Col)
			}
			return
		}
		back := q.String()
		q2, err := Parse(back)
		if err != nil {
			t.Fatalf("Parse(%q) -> %q does not re-parse: %v", s, back, err)
		}
		if q2.String() != back {
			t.Fatalf("round trip changed %q: %q vs %q", s, back, q2.String())
		}
	})
}
