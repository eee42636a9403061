package parser

import "strings"

// Feature templates follow Zhang & Nivre (2011, "Transition-based
// dependency parsing with rich non-local features"), table 1, for
// arc-eager: words (w) and PTB tags (p) of the stack top S0, the buffer
// front N0 and the next buffer words N1, N2; the head (h) and grandhead
// (h2) of S0; the leftmost/rightmost children (l, r, l2, r2) of S0 and
// N0 with their labels; the distance S0-N0 (d); the valencies (vl, vr);
// and the label sets of the children (sl, sr). A few templates on the
// second stack word S1 and on coarse UPOS tags are added.
//
// Each token's word and tag hashes are computed once per sentence
// (tokens.set); a feature is then the mix of a template number and up to
// three such hashes, so extracting features allocates nothing.

// nFeats is the number of templates, i.e. features per configuration.
const nFeats = 83

// tokens holds the per-sentence hashes. Index n is the root, n+1 stands
// for "no token".
type tokens struct {
	w, p, u []uint64
}

const (
	seedWord = 0x51ED270B27
	seedTag  = 0x2545F4914F6C
	seedUPOS = 0x7A3C91E5D3
)

// set fills t for a sentence. Words are lower-cased and digits folded to
// 0 so that "1,400" and "8,700" share their features.
func (t *tokens) set(words, upos, xpos []string) {
	n := len(words)
	if cap(t.w) < n+2 {
		c := max(n+2, 64)
		t.w, t.p, t.u = make([]uint64, c), make([]uint64, c), make([]uint64, c)
	}
	t.w, t.p, t.u = t.w[:n+2], t.p[:n+2], t.u[:n+2]
	for i, w := range words {
		t.w[i] = hashWord(w)
		t.p[i] = hashString(seedTag, at(xpos, i))
		t.u[i] = hashString(seedUPOS, at(upos, i))
	}
	t.w[n], t.p[n], t.u[n] = hashString(seedWord, "<ROOT>"), hashString(seedTag, "<ROOT>"), hashString(seedUPOS, "<ROOT>")
	t.w[n+1], t.p[n+1], t.u[n+1] = hashString(seedWord, "<NONE>"), hashString(seedTag, "<NONE>"), hashString(seedUPOS, "<NONE>")
}

// at returns xs[i], or "_" when the tag slice is too short.
func at(xs []string, i int) string {
	if i < len(xs) {
		return xs[i]
	}
	return "_"
}

// hashString is FNV-1a over s, started from seed.
func hashString(seed uint64, s string) uint64 {
	h := uint64(14695981039346656037) ^ seed
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashWord hashes the lower-cased, digit-folded form of w.
func hashWord(w string) uint64 {
	h := uint64(14695981039346656037) ^ seedWord
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// normWord is the string form of what hashWord hashes, for tests.
func normWord(w string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r >= '0' && r <= '9':
			return '0'
		}
		return r
	}, w)
}

// mix combines a template number and values into one feature key
// (a multiply-xorshift chain; any good 64-bit mixer would do, but it must
// never change once models are trained with it).
func mix(t uint64, vs ...uint64) uint64 {
	h := (t + 1) * 0x9E3779B97F4A7C15
	for _, v := range vs {
		h ^= v
		h *= 0xBF58476D1CE4E5B9
		h ^= h >> 31
	}
	return h
}

// Small integers (distances, valencies, labels) are spread over 64 bits
// before mixing so they do not collide with word hashes.
func num(x int) uint64 { return uint64(x+1) * 0xD6E8FEB86659FD93 }

func lset(s [2]uint64) uint64 { return s[0]*0x94D049BB133111EB ^ s[1] }

// extract writes the features of configuration s into f.
func extract(s *state, t *tokens, f *[nFeats]uint64) {
	n := s.n
	nul := n + 1
	idx := func(i int) int {
		if i == none {
			return nul
		}
		return i
	}
	// Positions.
	s0, s1 := nul, nul
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
		}
	}
	n0 := s.b
	n1, n2 := nul, nul
	if n0+1 <= n {
		n1 = n0 + 1
	}
	if n0+2 <= n {
		n2 = n0 + 2
	}
	s0h, s0h2, s0l, s0l2, s0r, s0r2 := nul, nul, nul, nul, nul, nul
	s0lab, s0ll, s0l2l, s0rl, s0r2l := 0, 0, 0, 0, 0
	var s0vl, s0vr, n0vl, dist int
	var s0sl, s0sr, n0sl [2]uint64
	if s0 != nul {
		s0h = idx(s.head[s0])
		if s0h != nul {
			s0h2 = idx(s.head[s0h])
		}
		s0l, s0l2, s0r, s0r2 = idx(s.lm[s0]), idx(s.lm2[s0]), idx(s.rm[s0]), idx(s.rm2[s0])
		s0lab = s.label[s0] + 1
		s0vl, s0vr = int(s.nl[s0]), int(s.nr[s0])
		s0sl, s0sr = s.setL[s0], s.setR[s0]
		dist = min(n0-s0, 15)
	}
	n0l, n0l2 := idx(s.lm[n0]), idx(s.lm2[n0])
	n0vl, n0sl = int(s.nl[n0]), s.setL[n0]
	lab := func(i int) int {
		if i == nul {
			return 0
		}
		return s.label[i] + 1
	}
	s0ll, s0l2l, s0rl, s0r2l = lab(s0l), lab(s0l2), lab(s0r), lab(s0r2)
	n0ll, n0l2l := lab(n0l), lab(n0l2)

	w, p, u := t.w, t.p, t.u
	i := 0
	add := func(v uint64) { f[i] = v; i++ }
	// single words
	add(mix(1, w[s0], p[s0]))
	add(mix(2, w[s0]))
	add(mix(3, p[s0]))
	add(mix(4, w[n0], p[n0]))
	add(mix(5, w[n0]))
	add(mix(6, p[n0]))
	add(mix(7, w[n1], p[n1]))
	add(mix(8, w[n1]))
	add(mix(9, p[n1]))
	add(mix(10, w[n2], p[n2]))
	add(mix(11, w[n2]))
	add(mix(12, p[n2]))
	// word pairs
	add(mix(13, w[s0], p[s0], mix(0, w[n0], p[n0])))
	add(mix(14, w[s0], p[s0], w[n0]))
	add(mix(15, w[s0], w[n0], p[n0]))
	add(mix(16, w[s0], p[s0], p[n0]))
	add(mix(17, p[s0], w[n0], p[n0]))
	add(mix(18, w[s0], w[n0]))
	add(mix(19, p[s0], p[n0]))
	add(mix(20, p[n0], p[n1]))
	// three words
	add(mix(21, p[n0], p[n1], p[n2]))
	add(mix(22, p[s0], p[n0], p[n1]))
	add(mix(23, p[s0h], p[s0], p[n0]))
	add(mix(24, p[s0], p[s0l], p[n0]))
	add(mix(25, p[s0], p[s0r], p[n0]))
	add(mix(26, p[s0], p[n0], p[n0l]))
	// distance
	d := num(dist)
	add(mix(27, w[s0], d))
	add(mix(28, p[s0], d))
	add(mix(29, w[n0], d))
	add(mix(30, p[n0], d))
	add(mix(31, w[s0], w[n0], d))
	add(mix(32, p[s0], p[n0], d))
	// valency
	add(mix(33, w[s0], num(s0vr)))
	add(mix(34, p[s0], num(s0vr)))
	add(mix(35, w[s0], num(s0vl)))
	add(mix(36, p[s0], num(s0vl)))
	add(mix(37, w[n0], num(n0vl)))
	add(mix(38, p[n0], num(n0vl)))
	// unigrams of the second-order context
	add(mix(39, w[s0h]))
	add(mix(40, p[s0h]))
	add(mix(41, num(s0lab)))
	add(mix(42, w[s0l]))
	add(mix(43, p[s0l]))
	add(mix(44, num(s0ll)))
	add(mix(45, w[s0r]))
	add(mix(46, p[s0r]))
	add(mix(47, num(s0rl)))
	add(mix(48, w[n0l]))
	add(mix(49, p[n0l]))
	add(mix(50, num(n0ll)))
	// third order
	add(mix(51, w[s0h2]))
	add(mix(52, p[s0h2]))
	add(mix(53, num(lab(s0h))))
	add(mix(54, w[s0l2]))
	add(mix(55, p[s0l2]))
	add(mix(56, num(s0l2l)))
	add(mix(57, w[s0r2]))
	add(mix(58, p[s0r2]))
	add(mix(59, num(s0r2l)))
	add(mix(60, w[n0l2]))
	add(mix(61, p[n0l2]))
	add(mix(62, num(n0l2l)))
	add(mix(63, p[s0], p[s0l], p[s0l2]))
	add(mix(64, p[s0], p[s0r], p[s0r2]))
	add(mix(65, p[s0], p[s0h], p[s0h2]))
	add(mix(66, p[n0], p[n0l], p[n0l2]))
	// label sets
	add(mix(67, w[s0], lset(s0sr)))
	add(mix(68, p[s0], lset(s0sr)))
	add(mix(69, w[s0], lset(s0sl)))
	add(mix(70, p[s0], lset(s0sl)))
	add(mix(71, w[n0], lset(n0sl)))
	add(mix(72, p[n0], lset(n0sl)))
	// additions: second stack word, labels with tags, coarse tags
	add(mix(73, w[s1], p[s1]))
	add(mix(74, p[s1], p[s0], p[n0]))
	add(mix(75, p[s1], num(lab(s1))))
	add(mix(76, w[s0], num(s0lab), p[n0]))
	add(mix(77, p[s0], num(s0lab), p[n0]))
	add(mix(78, u[s0], u[n0], u[n1]))
	add(mix(79, u[s0], num(s0ll), num(s0rl), u[n0]))
	add(mix(80, w[n0], p[n0], w[n1]))
	add(mix(81, p[s0], p[n0], num(n0ll), d))
	add(mix(82, u[s0], u[n0], d, num(s0vl)))
	add(mix(83, w[s0], p[n0], p[n1]))
	_ = i
}
