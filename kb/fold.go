package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldMap spells the Latin letters that Unicode does not decompose into a
// base letter plus marks, and typographic punctuation, the way English
// news copy writes them.
var foldMap = map[rune]string{
	'æ': "ae", 'œ': "oe", 'ß': "ss", 'þ': "th", 'ð': "d", 'đ': "d", 'ħ': "h", 'ı': "i", 'ł': "l",
	'ø': "o", 'ŧ': "t", 'ə': "e", 'ŀ': "l",
	'’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", '`': "'", '´': "'",
	'ʿ': "", 'ʾ': "", // Arabic ayn and hamza in transliterations: "Sanʿa" → "sana"
	'‐': "-", '‑': "-", '–': "-", '—': "-",
}

// Fold lower-cases s, strips diacritics from Latin letters ("Khān Yūnis"
// → "khan yunis", "Rafaḩ" → "rafah", "Zürich" → "zurich") and turns
// typographic apostrophes and dashes into ASCII ones. Letters of other
// scripts are kept (lower-cased).
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	// Iterate over NFD segments rather than building the decomposed
	// string: loading the gazetteer folds ~100,000 non-ASCII names.
	var it norm.Iter
	it.InitString(norm.NFD, s)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			r = unicode.ToLower(r)
			if f, ok := foldMap[r]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// Key is the normalised form every lookup uses: folded (see Fold), hyphens
// read as spaces, runs of spaces collapsed, surrounding spaces and a
// leading "the " removed, so "the  Kremlin", "Kremlin" and "KREMLIN" meet,
// and so do "Al-Fashir" and "Al Fashir". Dots are kept: "U.S." and
// "US" are separate aliases, because "us" is also a pronoun.
func Key(s string) string { return keyFolded(Fold(s)) }

// keyFolded is Key for a string already folded.
func keyFolded(s string) string {
	if strings.IndexByte(s, '-') >= 0 {
		s = strings.ReplaceAll(s, "-", " ")
	}
	if !tidy(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return strings.TrimPrefix(s, "the ")
}

// tidy reports whether s has no leading, trailing or doubled ASCII
// spaces and no other whitespace, the common case Key need not rebuild.
func tidy(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' && prev == ' ':
			return false
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return false
		}
		prev = c
	}
	return prev != ' ' && !hasUnicodeSpace(s)
}

// hasUnicodeSpace reports whether s contains a non-ASCII space (such as
// a no-break space), which strings.Fields also splits on.
func hasUnicodeSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 && unicode.IsSpace(r) }) >= 0
		}
	}
	return false
}

// lookup returns m[Key(s)] without building the key in the common case:
// a short name of ASCII and common typographic punctuation (see
// keyBytes). The key bytes are used as the map key in place (Go does not
// copy them for a lookup), where Key would allocate a string for every
// name with a capital.
func lookup[V any](m map[string]V, s string) (V, bool) {
	var buf [64]byte
	if b, ok := keyBytes(&buf, s); ok {
		v, ok := m[string(b)]
		return v, ok
	}
	v, ok := m[Key(s)]
	return v, ok
}

// SameKey reports whether Key(a) == Key(b), building neither key in the
// common case (see keyBytes).
func SameKey(a, b string) bool {
	var ba, bb [64]byte
	ka, okA := keyBytes(&ba, a)
	kb, okB := keyBytes(&bb, b)
	if okA && okB {
		return string(ka) == string(kb)
	}
	return Key(a) == Key(b)
}

// KeyIs reports whether Key(s) == key, without building Key(s) in the
// common case.
func KeyIs(s, key string) bool {
	var buf [64]byte
	if b, ok := keyBytes(&buf, s); ok {
		return string(b) == key
	}
	return Key(s) == key
}

// plainKeyByte maps the printable ASCII bytes other than space and
// hyphen to their byte in a key (capitals lower-cased); 0 for the others.
var plainKeyByte = func() (t [256]byte) {
	for c := byte('!'); c < 0x7f; c++ {
		switch {
		case c == '-':
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		default:
			t[c] = c
		}
	}
	return t
}()

// keyBytes writes Key(s) into buf and returns it, when s is at most 64
// bytes of ASCII and the typographic apostrophes, quotation marks and
// dashes of U+2010–U+201D that Fold maps or keeps, and its key needs no
// rebuilding of its spaces (no leading, trailing or doubled space once
// hyphens are read as spaces). ok is false otherwise: use Key.
func keyBytes(buf *[64]byte, s string) (b []byte, ok bool) {
	if len(s) == 0 || len(s) > len(buf) {
		return nil, false
	}
	n := 0
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if k := plainKeyByte[c]; k != 0 { // the common case
			buf[n] = k
			n++
			prev = k
			continue
		}
		switch {
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80:
			switch s[i+2] {
			case 0x98, 0x99: // ‘ ’ fold to '
				c = '\''
			case 0x90, 0x91, 0x93, 0x94: // ‐ ‑ – — fold to -, read as a space
				c = ' '
				if prev == ' ' {
					return nil, false
				}
			case 0x9c, 0x9d: // “ ” are kept as they are
				buf[n], buf[n+1], buf[n+2] = s[i], s[i+1], s[i+2]
				n += 3
				i += 2
				prev = s[i]
				continue
			default:
				return nil, false
			}
			i += 2
		case c >= utf8.RuneSelf, c == ' ' && prev == ' ', c == '-' && prev == ' ', c < ' ' || c == 0x7f:
			return nil, false
		case c == '-':
			c = ' '
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
		prev = c
	}
	b = buf[:n]
	if prev == ' ' {
		return nil, false
	}
	if len(b) >= 4 && string(b[:4]) == "the " {
		b = b[4:]
	}
	return b, true
}
