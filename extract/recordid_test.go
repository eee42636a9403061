package extract

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"testing"
)

// formattedID is recordID as first written, with a hasher and a
// formatter: the IDs stored so far are these, so recordID must give them.
func formattedID(kind, articleID string, start, end int, parts ...string) string {
	h := sha1.New()
	fmt.Fprintf(h, "%s|%s|%d|%d", articleID, kind, start, end)
	for _, p := range parts {
		fmt.Fprintf(h, "|%s", p)
	}
	return kind[:1] + "_" + fmt.Sprintf("%x", h.Sum(nil)[:8])
}

func TestRecordIDIsTheFormattedHash(t *testing.T) {
	long := strings.Repeat("a quote that runs on ", 20) // past the stack buffer
	cases := []struct {
		kind, article string
		start, end    int
		parts         []string
	}{
		{"event", "a1b2c3", 0, 12, []string{"USA", "CHN", "190"}},
		{"quote", "x", 1234, 99999, []string{long}},
		{"entity", "", -1, 0, nil},
		{"place", "wire-7", 42, 47, []string{"", "Portville|Isla"}},
	}
	for _, c := range cases {
		got, want := recordID(c.kind, c.article, c.start, c.end, c.parts...), formattedID(c.kind, c.article, c.start, c.end, c.parts...)
		if got != want {
			t.Errorf("recordID(%q, %q, %d, %d, %q) = %s, want %s", c.kind, c.article, c.start, c.end, c.parts, got, want)
		}
	}
}
