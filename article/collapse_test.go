package article

import (
	"strings"
	"testing"
)

// collapsedText must hash exactly the text the IDs were always made of,
// or every stored article would change its ID.
func TestCollapsedTextMatchesFieldsJoin(t *testing.T) {
	for _, text := range []string{
		"",
		"   ",
		"one",
		"  Rain in\tthe north,\n\nsun in the south.  ",
		"non\u00a0breaking\u2003spaces\u3000and\r\nline ends\v\f",
		"é à ü\n\n(Republished by outlet 3.)\n",
	} {
		want := "text\x00" + strings.Join(strings.Fields(text), " ")
		if got := string(collapsedText(text)); got != want {
			t.Errorf("collapsedText(%q) = %q, want %q", text, got, want)
		}
	}
}
