package kb

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLookupAsKey checks that lookup finds exactly what m[Key(s)] finds,
// for names with capitals, hyphens, stray spaces, a leading "the",
// control characters and non-ASCII letters.
func TestLookupAsKey(t *testing.T) {
	names := []string{"Russia", "the Kremlin", "The  Kremlin", "Al-Fashir", "Al Fashir", " Gaza", "Gaza ", "U.S.", "us",
		"Côte d'Ivoire", "THE WHITE HOUSE", "the", "The", "theatre", "the\tHague", "Hague", "", strings.Repeat("Ab", 40)}
	m := map[string]int{}
	for i, n := range names {
		m[Key(n)] = i
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "B", "t", "h", "e", " ", "-", "T", "H", "E", ".", "\t", "é", "x", "'"}
	probes := append([]string{}, names...)
	for range 20000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		probes = append(probes, b.String())
		m[Key(b.String())] = len(probes) // some probes are keys, others not
		if r.IntN(2) == 0 {
			delete(m, Key(b.String()))
		}
	}
	for _, p := range probes {
		want, wok := m[Key(p)]
		got, gok := lookup(m, p)
		if got != want || gok != wok {
			t.Fatalf("lookup(%q) = %d, %v; m[Key] = %d, %v", p, got, gok, want, wok)
		}
	}
}

// TestRegionActor: world regions by name and by adjective; countries are
// not regions.
func TestRegionActor(t *testing.T) {
	k := Default()
	for _, c := range []struct {
		name, code string
		adj        bool
	}{{"European", "EUR", true}, {"the West", "WST", false}, {"Western", "WST", true}, {"Gulf", "PGS", true}, {"Africa", "AFR", false}} {
		code, adj, ok := k.RegionActor(c.name)
		if !ok || code != c.code || adj != c.adj {
			t.Errorf("RegionActor(%q) = %q, %v, %v; want %q, %v", c.name, code, adj, ok, c.code, c.adj)
		}
	}
	if _, _, ok := k.RegionActor("France"); ok {
		t.Error("France is a region")
	}
}
