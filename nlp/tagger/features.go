package tagger

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is a 64-bit key mixing a template number
// with one or more value hashes; the numbers are part of the model format,
// so never renumber them, only add new ones.
const (
	fBias = iota + 1
	fLower
	fForm
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fShape
	fFlags
	fLowerM1
	fLowerM2
	fLowerP1
	fLowerP2
	fSuf3M1
	fSuf3P1
	fShapeM1
	fShapeP1
	fBigramM1
	fBigramP1
	fTagM1
	fTagM2
	fTagM1M2
	fTagM1Lower
	fTagM1Suf3
	fRTagP1
	fRTagP2
	fRTagP1P2
	fRTagM1P1
	fRTagP1Lower
	fClusterM1
	fCluster
	fClusterP1
	fClusterM2
	fClusterP2
	fTagM1Cluster
	fRTagP1Cluster
	fAround
	fNext2
	fTagM1LowerP1
	fSuf5
	fAmb
	fAmbM1
	fAmbP1
	fAmbP2
	fAmbPair
	fTagM1AmbP1
	fCaps
	fCapsCtx
	fCapsP1
	fExt
	fExtCaps
	fExtP1
	fLookP1
	fLookP1P2
	fTagM1LookP1
	fLowerLookP1
)

// Optional feature groups (featureFlags.groups, meta.Groups): sets of
// templates that a model may or may not have been trained with.
const (
	// gLook looks ahead at the classes the next two words would get from
	// their static features alone (the argmax of scores computed before
	// decoding anyway, or their dictionary class): a right context at
	// almost no cost, where a second pass doubles the tagging time.
	gLook = 1 << iota
)

// Word flags hashed together into the fFlags feature.
const (
	flagDigit = 1 << iota
	flagHyphen
	flagUpperInit
	flagAllUpper
	flagFirst
	flagAllDigit
	flagPunct
)

// Hash values for the padding around a sentence. Tags of padding positions
// are numbered past any real class.
const (
	padStart = 0x5354415254 // "START"
	padEnd   = 0x454e44     // "END"
	tagStart = 1 << 20
	tagEnd   = 1<<20 + 1
)

// pad is how many padding positions surround a sentence on each side.
const pad = 2

// mix combines two 64-bit values into a well-spread key (a variant of the
// splitmix64 finaliser), so that template and value hashes never collide in
// a structured way.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	h *= 0x94D049BB133111EB
	h ^= h >> 32
	return h
}

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

// hashBytes is FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashString is FNV-1a over s, equal to hashBytes([]byte(s)).
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// wordInfo holds the hashes of everything the features need to know about
// one word, computed once per sentence.
type wordInfo struct {
	lower, form, shape, flags uint64
	cluster, amb              uint64
	caps, ext                 uint64 // capitalisation profile, extra-text tag class (0: none)
	pre                       [3]uint64
	suf                       [5]uint64
}

// appendLower appends the lower-cased word to dst without allocating for
// ASCII text.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// suffixStart returns the byte index where the last k runes of b start
// (0 when b has fewer runes).
func suffixStart(b []byte, k int) int {
	i := len(b)
	for ; k > 0 && i > 0; k-- {
		i--
		for i > 0 && !utf8.RuneStart(b[i]) {
			i--
		}
	}
	return i
}

// prefixEnd returns the byte index where the first k runes of b end.
func prefixEnd(b []byte, k int) int {
	i := 0
	for ; k > 0 && i < len(b); k-- {
		_, n := utf8.DecodeRune(b[i:])
		i += n
	}
	return i
}

// describe fills wi for word w; buf is scratch space for the lower-cased
// form and is returned for reuse.
func describe(wi *wordInfo, w string, first bool, buf []byte, lex map[uint64]lexInfo) []byte {
	buf = appendLower(buf[:0], w)
	wi.lower = hashBytes(buf)
	wi.form = hashString(w)
	for k := range wi.suf {
		wi.suf[k] = hashBytes(buf[suffixStart(buf, k+1):])
	}
	for k := range wi.pre {
		wi.pre[k] = hashBytes(buf[:prefixEnd(buf, k+1)])
	}
	// Shape: X for upper, x for lower, d for digit, the character itself
	// otherwise, with runs longer than two collapsed ("Xxxx" -> "Xxx").
	var flags uint64
	sh := uint64(fnvOffset)
	var prev rune = -1
	run := 0
	letters, uppers, digits, puncts, n := 0, 0, 0, 0, 0
	for i, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			uppers++
			letters++
			if i == 0 {
				flags |= flagUpperInit
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			digits++
		default:
			c = r
			if r == '-' {
				flags |= flagHyphen
			}
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				puncts++
			}
		}
		n++
		if c == prev {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		prev = c
		sh ^= uint64(c)
		sh *= fnvPrime
	}
	wi.shape = sh
	if digits > 0 {
		flags |= flagDigit
		if digits == n {
			flags |= flagAllDigit
		}
	}
	if letters > 0 && uppers == letters {
		flags |= flagAllUpper
	}
	if first {
		flags |= flagFirst
	}
	if n > 0 && puncts == n {
		flags |= flagPunct
	}
	wi.flags = flags
	wi.cluster, wi.amb, wi.caps, wi.ext = 0, 0, 0, 0
	if e, ok := lex[wi.lower]; ok {
		wi.cluster, wi.amb = uint64(e.cluster), uint64(e.amb)
		wi.caps, wi.ext = uint64(e.caps), uint64(e.ext)
	}
	return buf
}

// lexInfo is what the model knows about a (lower-cased) training word
// beyond its spelling: its distributional cluster (0: none), its
// ambiguity class, the set of UPOS tags it was seen with (0: unknown),
// its capitalisation profile (see capsCode) and the set of Penn tag
// groups it had in extra tagged text (see extGroup).
type lexInfo struct {
	cluster, amb uint32
	caps, ext    uint32
}

// padInfo is the wordInfo of a padding position.
func padInfo(v uint64) wordInfo {
	wi := wordInfo{lower: v, form: v, shape: v, flags: v, cluster: v, amb: v, caps: v, ext: v}
	for k := range wi.suf {
		wi.suf[k] = v
	}
	for k := range wi.pre {
		wi.pre[k] = v
	}
	return wi
}

// staticFeatures appends the features of position i (an index into ws,
// which includes the padding) that do not depend on predicted tags.
func staticFeatures(dst []uint64, ws []wordInfo, i int, fs featureFlags) []uint64 {
	w, m1, m2, p1, p2 := &ws[i], &ws[i-1], &ws[i-2], &ws[i+1], &ws[i+2]
	dst = append(dst,
		mix(fBias, 0),
		mix(fLower, w.lower),
		mix(fForm, w.form),
		mix(fSuf1, w.suf[0]),
		mix(fSuf2, w.suf[1]),
		mix(fSuf3, w.suf[2]),
		mix(fSuf4, w.suf[3]),
		mix(fPre1, w.pre[0]),
		mix(fPre2, w.pre[1]),
		mix(fPre3, w.pre[2]),
		mix(fShape, w.shape),
		mix(fFlags, w.flags),
		mix(fLowerM1, m1.lower),
		mix(fLowerM2, m2.lower),
		mix(fLowerP1, p1.lower),
		mix(fLowerP2, p2.lower),
		mix(fSuf3M1, m1.suf[2]),
		mix(fSuf3P1, p1.suf[2]),
		mix(fShapeM1, m1.shape),
		mix(fShapeP1, p1.shape),
		mix(mix(fBigramM1, m1.lower), w.lower),
		mix(mix(fBigramP1, p1.lower), w.lower),
		mix(mix(fAround, m1.lower), p1.lower),
		mix(mix(fNext2, p1.lower), p2.lower),
		mix(fSuf5, w.suf[4]),
	)
	if fs.clusters {
		dst = append(dst,
			mix(fCluster, w.cluster),
			mix(fClusterM1, m1.cluster),
			mix(fClusterP1, p1.cluster),
			mix(fClusterM2, m2.cluster),
			mix(fClusterP2, p2.cluster),
		)
	}
	if fs.amb {
		dst = append(dst,
			mix(fAmb, w.amb),
			mix(fAmbM1, m1.amb),
			mix(fAmbP1, p1.amb),
			mix(fAmbP2, p2.amb),
			mix(mix(fAmbPair, w.amb), p1.amb),
		)
	}
	if fs.lexicon {
		// How the word is written here (capitalised, all capitals, first
		// in the sentence) against how it is usually written elsewhere:
		// "Housing" capitalised mid-sentence next to other capitalised
		// words is a name, though "housing" is mostly a common noun.
		const caseBits = flagUpperInit | flagAllUpper
		wc := w.flags & (caseBits | flagFirst)
		around := (m1.flags&caseBits)<<8 | p1.flags&caseBits
		dst = append(dst,
			mix(mix(fCaps, w.caps), wc),
			mix(mix(mix(fCapsCtx, w.caps), wc), around),
			mix(mix(fCapsP1, p1.caps), wc),
			mix(fExt, w.ext),
			mix(mix(fExtCaps, w.ext), wc),
			mix(fExtP1, p1.ext),
		)
	}
	return dst
}

// featureFlags says which optional feature groups a model uses.
type featureFlags struct {
	clusters bool   // distributional clusters
	amb      bool   // ambiguity classes
	lexicon  bool   // capitalisation profiles and extra-text tag classes
	groups   uint32 // optional groups (gLook)
}

// Positions of the word-identity features among a word's static
// features (see staticFeatures) and among its left tag features (see
// leftTagFeatures). Rare-word dropout in training leaves them out so that
// the model learns to tag words it has never seen from their spelling.
var identityStatic = [...]int{1, 2, 20, 21}

const identityTag = 3

// leftTagFeatures appends the features built on the two tags predicted to
// the left of position i.
func leftTagFeatures(dst []uint64, ws []wordInfo, i int, t1, t2 int, useClusters bool) []uint64 {
	// Keep identityTag in step with the order below.
	w := &ws[i]
	dst = append(dst,
		mix(fTagM1, uint64(t1)),
		mix(fTagM2, uint64(t2)),
		mix(mix(fTagM1M2, uint64(t1)), uint64(t2)),
		mix(mix(fTagM1Lower, uint64(t1)), w.lower),
		mix(mix(fTagM1Suf3, uint64(t1)), w.suf[2]),
		mix(mix(fTagM1LowerP1, uint64(t1)), ws[i+1].lower),
		mix(mix(fTagM1AmbP1, uint64(t1)), ws[i+1].amb),
	)
	if useClusters {
		dst = append(dst, mix(mix(fTagM1Cluster, uint64(t1)), w.cluster))
	}
	return dst
}

// lookFeatures appends the lookahead features of position i (an index
// into ws) given the static classes l1, l2 of the next two words.
func lookFeatures(dst []uint64, ws []wordInfo, i int, t1, l1, l2 int) []uint64 {
	return append(dst,
		mix(fLookP1, uint64(l1)),
		mix(mix(fLookP1P2, uint64(l1)), uint64(l2)),
		mix(mix(fTagM1LookP1, uint64(t1)), uint64(l1)),
		mix(mix(fLowerLookP1, ws[i].lower), uint64(l1)),
	)
}

// rightTagFeatures appends the features built on the first pass's tags to
// the right of position i (second pass only); t1 is the left tag.
func rightTagFeatures(dst []uint64, ws []wordInfo, i int, t1, r1, r2 int, useClusters bool) []uint64 {
	w := &ws[i]
	dst = append(dst,
		mix(fRTagP1, uint64(r1)),
		mix(fRTagP2, uint64(r2)),
		mix(mix(fRTagP1P2, uint64(r1)), uint64(r2)),
		mix(mix(fRTagM1P1, uint64(t1)), uint64(r1)),
		mix(mix(fRTagP1Lower, uint64(r1)), w.lower),
	)
	if useClusters {
		dst = append(dst, mix(mix(fRTagP1Cluster, uint64(r1)), w.cluster))
	}
	return dst
}
