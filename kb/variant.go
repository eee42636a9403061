package kb

import (
	"strings"
	"sync"
)

// VariantKey reduces a place name to a skeleton that common spelling
// variants of transliterated names share: "Al-Fashir" and "El Fasher",
// "Daqahliya" and "Dakahlia", "Mbanza Congo" and "M'banza Kongo",
// "Adhamiya" and "Adhamiyah" get the same key. It folds the name (Key),
// drops an Arabic article opening it ("al-", "el-", "ad-" …), keeps the
// first letter, drops the other vowels and the letters y and w, spells
// c, ck and q as k and ph as f, drops a final h after a vowel and
// collapses doubled letters. Names with fewer than four letters left get
// "" (too short to match safely).
func VariantKey(name string) string { return variantKeyFolded(Key(name)) }

// variantSpelling spells c, ck and q as k and ph as f.
var variantSpelling = strings.NewReplacer("ck", "k", "ph", "f", "c", "k", "q", "k")

// variantKeyFolded is VariantKey of a name already reduced by Key.
func variantKeyFolded(k string) string {
	for _, art := range arabicArticles {
		if strings.HasPrefix(k, art) && len(k) > len(art)+2 {
			k = k[len(art):]
			break
		}
	}
	var letters []byte
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 'a' && c <= 'z' {
			letters = append(letters, c)
		}
	}
	s := string(letters)
	if n := len(s); n > 2 && s[n-1] == 'h' && isVowel(s[n-2]) {
		s = s[:n-1]
	}
	s = variantSpelling.Replace(s)
	if s == "" {
		return ""
	}
	out := []byte{s[0]}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if isVowel(c) || c == 'y' || c == 'w' || c == out[len(out)-1] {
			continue
		}
		out = append(out, c)
	}
	if len(out) < 4 {
		return ""
	}
	return string(out)
}

// arabicArticles are the forms of the Arabic article that open
// transliterated names, as Key leaves them (hyphens made spaces).
var arabicArticles = []string{"al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an "}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// variantIndex maps VariantKey of every name and alternate name to the
// places, most prominent first; built on the first PlacesLike call.
type variantIndex struct {
	once  sync.Once
	index map[string][]int32
}

func (g *gazetteer) variants() map[string][]int32 {
	g.ensure()
	g.variant.once.Do(func() {
		idx := make(map[string][]int32, len(g.places))
		add := func(key string, i int32) {
			v := variantKeyFolded(key)
			if v == "" {
				return
			}
			list := idx[v]
			if n := len(list); n > 0 && list[n-1] == i {
				return
			}
			idx[v] = append(list, i)
		}
		for i, p := range g.places {
			add(keyFolded(p.ASCII), int32(i))
			for _, n := range p.AltNames {
				add(Key(n), int32(i))
			}
			if h := shortName(p); h != "" {
				add(keyFolded(h), int32(i))
			}
		}
		for _, list := range idx {
			if len(list) > 1 {
				sortByRank(list, g.rank)
			}
		}
		g.variant.index = idx
	})
	return g.variant.index
}

// PlacesLike returns the gazetteer entries whose name or an alternate
// name is a spelling variant of name, most prominent first: the same
// VariantKey, and the two spellings (letters only, without an opening
// Arabic article) differ in at most a quarter of their letters (one
// letter for short names). It is a fallback for names Places does not
// know; callers should still accept its answers only with support from
// context (a country the text is about).
func (k *KB) PlacesLike(name string) []Place {
	v := VariantKey(name)
	if v == "" {
		return nil
	}
	want := variantLetters(name)
	var out []ranked
	for _, g := range k.gazetteers {
		for _, i := range g.variants()[v] {
			p := g.places[i]
			ok := closeSpelling(want, variantLetters(p.Name))
			if h := shortName(p); h != "" {
				ok = ok || closeSpelling(want, variantLetters(h))
			}
			for _, n := range p.AltNames {
				ok = ok || closeSpelling(want, variantLetters(n))
			}
			if ok {
				out = append(out, ranked{p, g.rank[i]})
			}
		}
	}
	sortRanked(out)
	res := make([]Place, len(out))
	for i, r := range out {
		res[i] = r.p
	}
	return res
}

// shortName is the everyday name of a town whose official name adds a
// patron or a qualifier after "de" or "del" ("Acapulco de Juárez" →
// "Acapulco"), or "".
func shortName(p Place) string {
	if p.Feature != FeatureCity && p.Feature != FeatureCapital {
		return ""
	}
	n := p.ASCII
	for _, sep := range []string{" de ", " del "} {
		if i := strings.Index(n, sep); i > 0 {
			return n[:i]
		}
	}
	return ""
}

// variantLetters is name folded, without an opening Arabic article, in
// letters only: "Al-Fashir" → "fashir".
func variantLetters(name string) string {
	k := Key(name)
	for _, art := range arabicArticles {
		if strings.HasPrefix(k, art) && len(k) > len(art)+2 {
			k = k[len(art):]
			break
		}
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		if c := k[i]; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// closeSpelling reports whether a and b differ in at most a quarter of
// the letters of the longer (at least one edit allowed).
func closeSpelling(a, b string) bool {
	n := max(len(a), len(b))
	return editDistance(a, b) <= max(1, n/4)
}

// editDistance is the Levenshtein distance between two ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
