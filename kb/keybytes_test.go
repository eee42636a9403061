package kb

import (
	"math/rand"
	"testing"
)

// TestKeyBytesMatchesKey checks the allocation-free key of lookup against
// Key on names from the news and on random strings of the characters its
// fast path treats specially (letters, spaces, hyphens, typographic
// apostrophes, quotation marks and dashes) and a few it must refuse.
func TestKeyBytesMatchesKey(t *testing.T) {
	names := []string{
		"Kremlin", "the Kremlin", "THE KREMLIN", "the  Kremlin", "Al-Fashir", "al fashir", "Trump ’s", "O’Malley",
		"“", "”", "’s", "-", "—", "the United States", "the U.S.", "I-Vt.", "non-citizen", "n’t", "‘", "x–y", "x — y",
		"the—x", "The Latest", "Zürich", "Khān Yūnis", "a\tb", "a\u00a0b", "the ", "the", "the-x", "the the x",
		"D’Souza", "“Redefine Masculinity", "x\u2011y", "x\u2010y", "x\u2009y", "x ", " x", "a  b", "--", "x--y",
	}
	alphabet := []string{"a", "B", "t", "h", "e", "T", "H", "E", " ", "-", "’", "‘", "“", "”", "—", "–", "\u2010", "\u2011", "é", "\u2009", ".", "'"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		n := 1 + rng.Intn(12)
		s := ""
		for range n {
			s += alphabet[rng.Intn(len(alphabet))]
		}
		names = append(names, s)
	}
	fast := 0
	for _, s := range names {
		var buf [64]byte
		b, ok := keyBytes(&buf, s)
		if !ok {
			continue
		}
		fast++
		if want := Key(s); string(b) != want {
			t.Errorf("keyBytes(%q) = %q, Key = %q", s, b, want)
		}
	}
	if fast < len(names)/8 {
		t.Errorf("the fast path took only %d of %d names", fast, len(names))
	}
	var buf [64]byte
	for _, s := range []string{"Zürich", "a  b", "x ", " x", "x\u2009y", "a\tb"} {
		if _, ok := keyBytes(&buf, s); ok {
			t.Errorf("keyBytes took %q, which Key must rebuild", s)
		}
	}
}

// TestSameKey checks SameKey against comparing Key on pairs that meet and
// pairs that do not, on both of its paths.
func TestSameKey(t *testing.T) {
	names := []string{"Texas", "TEXAS", "the Texas", "Al-Fashir", "al fashir", "Zürich", "zurich", "O’Malley",
		"O'Malley", "Côte d’Ivoire", "cote d'ivoire", "a  b", "a b", "", "x—y", "x y"}
	for _, a := range names {
		for _, b := range names {
			if got, want := SameKey(a, b), Key(a) == Key(b); got != want {
				t.Errorf("SameKey(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestKeyIs checks KeyIs against Key.
func TestKeyIs(t *testing.T) {
	for _, s := range []string{"Texas", "the Texas", "Zürich", "Al-Fashir", "a  b", ""} {
		for _, key := range []string{"texas", "zurich", "al fashir", "a b", ""} {
			if got, want := KeyIs(s, key), Key(s) == key; got != want {
				t.Errorf("KeyIs(%q, %q) = %v, want %v", s, key, got, want)
			}
		}
	}
}
