package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxGazLen is the longest gazetteer entry, in tokens, that is matched.
const maxGazLen = 6

// gazEntry is what the gazetteer knows about one lower-cased token
// sequence: in how many training documents it was an entity of each type,
// and which hand lists (bit t = Types[t]) contain it.
type gazEntry struct {
	docs [nTypes]uint16
	hand uint8
	kb   uint8 // types the knowledge base gives the name (bit t = Types[t])
}

// word-list flags of single tokens.
const (
	flagFirstName = 1 << iota
	flagOrgWord
	flagTitle
)

// lexicon is the knowledge the features look up besides the weights: word
// clusters, the gazetteer and the hand word lists. It is read-only after
// construction, so one lexicon serves concurrent Recognize calls.
type lexicon struct {
	// clusters maps the hash (hstr) of a word as written to its
	// cluster path: the fine cluster and its coarser ancestors (see
	// cluster.go). Words and entity strings are kept as hashes only, so
	// the model holds no text of the training data.
	clusters map[uint64][clusterLevels]uint16
	// gaz maps seqKey of a lower-cased token sequence to what the
	// training data and the hand lists say about it.
	gaz   map[uint64]*gazEntry
	flags map[string]uint8
}

func newLexicon() *lexicon {
	lx := &lexicon{
		clusters: map[uint64][clusterLevels]uint16{},
		gaz:      map[uint64]*gazEntry{},
		flags:    map[string]uint8{},
	}
	for t, list := range [][]string{handPER, handORG, handLOC, handMISC} {
		for _, s := range list {
			lx.entry(seqKey(strings.Fields(s))).hand |= 1 << t
		}
	}
	for _, s := range handFirstNames {
		lx.flags[strings.ToLower(s)] |= flagFirstName
	}
	for _, s := range handOrgWords {
		lx.flags[strings.ToLower(s)] |= flagOrgWord
	}
	for _, s := range handPersonTitles {
		lx.flags[strings.ToLower(s)] |= flagTitle
	}
	return lx
}

// Known is a name the knowledge base knows, with the entity type it
// would have in CoNLL-2003 terms (PER, ORG, LOC or MISC): a place, an
// organisation, a person, a demonym. TrainOptions.Known turns such names
// into gazetteer features; the model stores them as hashes only.
type Known struct {
	Name string
	Type string
}

// addKnown adds the knowledge-base names to the gazetteer.
func (lx *lexicon) addKnown(known []Known) int {
	n := 0
	for _, k := range known {
		t := typeIndex(k.Type)
		if t < 0 {
			continue
		}
		for _, words := range TokenizeText(k.Name) {
			if len(words) == 0 || len(words) > maxGazLen {
				continue
			}
			e := lx.entry(seqKey(words))
			if e.kb&(1<<t) == 0 {
				n++
			}
			e.kb |= 1 << t
		}
	}
	return n
}

// handPER is empty on purpose: people are learnt from first names and
// context, and a list of famous people would date quickly.
var handPER []string

func (lx *lexicon) entry(key uint64) *gazEntry {
	e := lx.gaz[key]
	if e == nil {
		e = &gazEntry{}
		lx.gaz[key] = e
	}
	return e
}

// setClusters stores word clusters keyed by word hash.
func (lx *lexicon) setClusters(cl map[string][clusterLevels]uint16) {
	lx.clusters = make(map[uint64][clusterLevels]uint16, len(cl))
	for w, c := range cl {
		lx.clusters[hstr(w)] = c
	}
}

// seqKey hashes a token sequence case-insensitively.
func seqKey(words []string) uint64 {
	var h uint64 = 0x51ed27a1
	for _, w := range words {
		h = mix(h, hstr(strings.ToLower(w)))
	}
	return h
}

// cluster returns the cluster path of w, trying the title-case and lower
// case forms for words written in capitals (headlines) or at the start of
// a sentence.
func (lx *lexicon) cluster(w string) ([clusterLevels]uint16, bool) {
	if c, ok := lx.clusters[hstr(w)]; ok {
		return c, true
	}
	if isAllCaps(w) {
		if c, ok := lx.clusters[hstr(titleCase(w))]; ok {
			return c, true
		}
	}
	c, ok := lx.clusters[hstr(strings.ToLower(w))]
	return c, ok
}

// hstr is FNV-1a over the bytes of s.
func hstr(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix combines two hashes (a multiply-xorshift finaliser, as in
// MurmurHash3), so feature keys of different templates do not collide in
// practice.
func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// isAllCaps reports whether w has at least two letters, all upper case.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// shape maps letters to X/x, digits to d and keeps other characters, e.g.
// "McCain-3" → "XxXxxxx-d"; long shapes are cut at 8 characters. short
// collapses runs ("XxXx-d").
func shapes(w string) (long, short string) {
	var lb, sb strings.Builder
	var last rune = -1
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'l' // letters without case (CJK, Arabic...)
		default:
			c = r
		}
		if n < 8 {
			lb.WriteRune(c)
		}
		n++
		if c != last {
			sb.WriteRune(c)
			last = c
		}
	}
	return lb.String(), sb.String()
}
