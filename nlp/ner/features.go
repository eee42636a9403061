package ner

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Feature templates. A feature key is mix(template, value hashes...), so
// the numbers only need to be distinct; they are part of the model format
// (changing one requires retraining).
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPrefix
	tSuffix
	tLowerM1
	tLowerM2
	tLowerP1
	tLowerP2
	tShortM1
	tShortP1
	tShortM1Short
	tShortShortP1
	tLowerM1Lower
	tLowerLowerP1
	tCluster
	tClusterM1
	tClusterP1
	tFirstTok
	tCapsSentLower
	tCapsSentShort
	tDocCase
	tDocCaseShort
	tGazTrain
	tGazHand
	tGazKB
	tFlags
	tFlagsM1
	tFlagsP1
	tFlagsP2
	tPrev1
	tPrev2
	tPrev1Lower
	tPrev1Short
	tPass1
	tPass1M1
	tPass1P1
	tDocType
	tDocTypeMajor
	tDocTypeShort
	tLength
	tCapsSentDocCase
	tHistory
	tHistoryShort
	tShortTri
	tLowerShortP1
	tShortM1Lower
	tPrev1Cluster
	tWordM1
	tWordP1
	tSurround
	tTableShort
	tAggLeft
	tAggRight
	tClusterBigram
	tRunBefore
	tRunAfter
	tRunPos
	tTableGaz
	tAggFlag
	tAggGaz
	tRunFlags
)

// tok holds the per-token values that features are made of.
type tok struct {
	word, lower, shape, short uint64 // hashes
	lowerStr                  string
	cap                       bool // starts with an upper-case letter
	letter                    bool // has a letter at all
	flags                     uint8
	cl                        [clusterLevels]uint16
	hasCl                     bool
	docCase                   uint8    // casing of the same word elsewhere in the document
	gaz                       []uint64 // gazetteer and context-aggregation features
	nGaz                      int      // how many of gaz are gazetteer features (the rest: aggregation)
	gazTypes                  uint16   // bit 4*source+type of every gazetteer entry covering the token
	id                        int32    // the document's number for lowerStr (docFeats.wordID)
}

// docFeats is a document prepared for tagging: every token's static
// features (those that do not depend on predicted tags) in one flat slice.
type docFeats struct {
	sentStart []int    // token index of each sentence's first token; last = ntok
	featOff   []int32  // features of token i are feats[featOff[i]:featOff[i+1]]
	feats     []uint64 // static features
	lower     []uint64 // lower-case word hash of each token (dynamic conjunctions)
	short     []uint64 // short shape hash of each token
	lowerStr  []string // lower-case words (document-level pass)
	// wordID numbers the distinct lower-case words of the document
	// (0..nWords-1), so that document-level counts per word are slices
	wordID []int32
	nWords int
	cap    []bool
	clMid  []uint64 // mid-level cluster + 1 of each token, 0 when none
	// noStart marks lower-case function words ("of", "the"), which may
	// continue an entity ("Bank of England") but never begin one.
	noStart []bool
	// fp, when prepared with a memo, holds per sentence a hash of
	// everything its static features are made of: its words, and per
	// token the document casing and the gazetteer and aggregation
	// features (see staticFingerprint). The entity cache keys on it
	// instead of on the features themselves.
	fp []sentHash
	// lazy: prepared with a memo, the static features are not computed
	// (feats and featOff stay empty); sentFeats computes those of a
	// sentence from its tokens when it has to be decoded.
	lazy    bool
	toks    [][]tok
	allCaps []bool
	table   []bool
	tokBuf  []tok // the memory of toks
}

// sentFeats appends to out the static features of the tokens of sentence
// si of a lazily prepared document, and to off the end of each token's.
func (d *docFeats) sentFeats(out []uint64, off []int32, si int) ([]uint64, []int32) {
	ts := d.toks[si]
	for i := range ts {
		out = staticFeatures(out, ts, i, d.allCaps[si], d.table[si])
		off = append(off, int32(len(out)))
	}
	return out, off
}

// functionWords may not begin an entity when written in lower case.
var functionWords = map[string]bool{
	"of": true, "the": true, "and": true, "in": true, "for": true, "to": true, "a": true,
	"an": true, "at": true, "on": true, "by": true, "with": true, "from": true, "'s": true,
	"or": true, "as": true, "that": true, "is": true, "was": true, "said": true,
}

func (d *docFeats) ntok() int { return d.sentStart[len(d.sentStart)-1] }

// padding values for positions outside the sentence.
var (
	unkWord  = f1(tWord, hstr("\x01<unk>"))
	unkLower = f1(tLower, hstr("\x01<unk>"))
	hBOS     = hstr("\x01<s>")
	hEOS     = hstr("\x01</s>")
)

// prepare computes the static features of a document given as sentences
// of words. exclude, used only in training, holds per gazetteer key the
// counts this very document contributed, so its own entities do not make
// its gazetteer features look perfect (leave-one-document-out).
func (lx *lexicon) prepare(sents [][]string, exclude map[uint64][nTypes]uint16) *docFeats {
	return lx.prepareInto(&docFeats{}, sents, exclude)
}

// prepareInto is prepare reusing the memory of d (when tagging many
// documents, most of the allocation is the feature slice).
func (lx *lexicon) prepareInto(d *docFeats, sents [][]string, exclude map[uint64][nTypes]uint16) *docFeats {
	return lx.prepareMemo(d, sents, exclude, nil)
}

// wordInfo is what prepare computes of a word alone, whatever its
// context: its hashes, casing, lexicon flags and cluster.
type wordInfo struct {
	word, lower, shape, short uint64
	lowerStr                  string
	cap, letter               bool
	capsLike                  bool // all capitals, or one capital letter
	digit                     bool
	function                  bool // in functionWords
	flags                     uint8
	cl                        [clusterLevels]uint16
	hasCl                     bool
	memo                      bool // held by a word memo
}

// wordMemo remembers the wordInfo of words seen before, for a lexicon
// that no longer changes (tagging, not training). It is safe for
// concurrent use and stops growing at maxWords words.
type wordMemo struct {
	m sync.Map // string → *wordInfo
	n atomic.Int64
	// sents holds, per sentence seen before (keyed by a 128-bit hash of
	// its words), the wordInfo of each word and the gazetteer features
	// of its tokens, which depend only on its words: a copy of a
	// sentence takes both with one lookup.
	sents  sync.Map // [2]uint64 → *sentMemo
	nSents atomic.Int64
}

const (
	memoMaxWords     = 100_000
	memoMaxSentences = 50_000
)

// sentMemo is what feature preparation computes of a sentence's words
// alone: the wordInfo of each word (shared with the word memo) and the
// gazetteer part of its tokens: token i has gaz[off[i]:off[i+1]] and
// the type bits types[i].
type sentMemo struct {
	infos []*wordInfo
	gaz   []uint64
	off   []int32
	types []uint16
}

// WordsKey hashes a sentence's words twice (from two offsets, with a
// separator after each word), 128 bits in all: the sentence caches of
// the recogniser and of the nlp pipeline find a sentence by it.
func WordsKey(words []string) [2]uint64 {
	h, g := uint64(0x6a09e667f3bcc908), uint64(0xbb67ae8584caa73b)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * 0x100000001b3
			g = (g ^ uint64(w[i])) * 0xff51afd7ed558ccd
			g ^= g >> 31
		}
		h = (h ^ 0x1ff) * 0x100000001b3
		g = (g ^ 0x1fe) * 0xff51afd7ed558ccd
	}
	return [2]uint64{h, g ^ uint64(len(words))}
}

// sentenceTokens fills ts (len(words)) with the per-word values and the
// gazetteer features of the sentence words, from memo when the sentence
// was seen before; key is WordsKey(words). It returns the wordInfo of
// each word.
func (lx *lexicon) sentenceTokens(memo *wordMemo, key [2]uint64, words []string, ts []tok) []*wordInfo {
	if v, ok := memo.sents.Load(key); ok {
		sm := v.(*sentMemo)
		if len(sm.infos) == len(ts) {
			for i, wi := range sm.infos {
				setTok(&ts[i], wi)
				// capped: aggregation appends to gaz without writing
				// into the memo's array
				ts[i].gaz = sm.gaz[sm.off[i]:sm.off[i+1]:sm.off[i+1]]
				ts[i].gazTypes = sm.types[i]
			}
			return sm.infos
		}
	}
	infos := make([]*wordInfo, len(words))
	for i, w := range words {
		infos[i] = lx.info(memo, w)
		setTok(&ts[i], infos[i])
	}
	lx.gazetteer(words, ts, nil)
	if memo.nSents.Load() >= memoMaxSentences {
		return infos
	}
	sm := &sentMemo{infos: infos, off: make([]int32, 1, len(ts)+1), types: make([]uint16, len(ts))}
	for i := range ts {
		if !infos[i].memo {
			// not from the word memo: its lower-case form may be a
			// substring of the document
			infos[i].lowerStr = strings.Clone(infos[i].lowerStr)
		}
		sm.gaz = append(sm.gaz, ts[i].gaz...)
		sm.off = append(sm.off, int32(len(sm.gaz)))
		sm.types[i] = ts[i].gazTypes
	}
	if _, loaded := memo.sents.LoadOrStore(key, sm); !loaded {
		memo.nSents.Add(1)
	}
	return infos
}

// setTok copies the per-word values of wi into t.
func setTok(t *tok, wi *wordInfo) {
	t.word, t.lower, t.shape, t.short = wi.word, wi.lower, wi.shape, wi.short
	t.lowerStr = wi.lowerStr
	t.cap = wi.cap
	t.letter = wi.letter
	t.flags = wi.flags
	t.cl, t.hasCl = wi.cl, wi.hasCl
}

// staticFingerprint hashes what the static features of a sentence are
// made of beyond its words (key, WordsKey of them): per token the
// document casing and the gazetteer and aggregation features. The
// per-word values, the sentence's capitals and table flags are
// functions of the words.
func staticFingerprint(key [2]uint64, ts []tok) sentHash {
	h := newHasher(0x51a71c)
	h.add(key[0])
	h.add(key[1])
	h.add(uint64(len(ts)))
	for i := range ts {
		h.add(uint64(ts[i].docCase) | uint64(ts[i].nGaz)<<8)
		if len(ts[i].gaz) > 0 {
			h.addAll(ts[i].gaz)
		} else {
			h.add(0)
		}
	}
	return h.sum()
}

func (lx *lexicon) word(w string) wordInfo {
	lw := strings.ToLower(w)
	long, short := shapes(w)
	wi := wordInfo{word: hstr(w), lower: hstr(lw), shape: hstr(long), short: hstr(short), lowerStr: lw,
		cap: isCapitalized(w), letter: hasLetter(w), flags: lx.flags[lw],
		digit: strings.ContainsAny(w, "0123456789"), function: functionWords[w]}
	wi.capsLike = isAllCaps(w) || len(w) == 1 && wi.cap
	wi.cl, wi.hasCl = lx.cluster(w)
	return wi
}

// info returns the wordInfo of w, from memo when it has it (memo may be
// nil). A word added to the memo is copied, so the memo holds no article.
func (lx *lexicon) info(memo *wordMemo, w string) *wordInfo {
	if memo != nil {
		if v, ok := memo.m.Load(w); ok {
			return v.(*wordInfo)
		}
	}
	wi := lx.word(w)
	if memo != nil && memo.n.Load() < memoMaxWords {
		w = strings.Clone(w)
		wi.lowerStr = strings.Clone(wi.lowerStr)
		wi.memo = true
		if _, loaded := memo.m.LoadOrStore(w, &wi); !loaded {
			memo.n.Add(1)
		}
	}
	return &wi
}

// prepareMemo is prepareInto taking what depends on a word alone from
// memo (nil: computed afresh). With a memo (and no exclude) the document
// is prepared lazily: see docFeats.lazy.
func (lx *lexicon) prepareMemo(d *docFeats, sents [][]string, exclude map[uint64][nTypes]uint16, memo *wordMemo) *docFeats {
	return lx.prepareKeyed(d, sents, nil, exclude, memo)
}

// prepareKeyed is prepareMemo given the WordsKey of every sentence (nil:
// computed here).
func (lx *lexicon) prepareKeyed(d *docFeats, sents [][]string, keys [][2]uint64, exclude map[uint64][nTypes]uint16, memo *wordMemo) *docFeats {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	useMemo := memo != nil && exclude == nil
	d.sentStart = d.sentStart[:0]
	d.featOff = append(d.featOff[:0], 0)
	if cap(d.feats) < n*80 && !useMemo {
		d.feats = make([]uint64, 0, n*80)
	}
	d.feats = d.feats[:0]
	d.lower, d.short, d.lowerStr, d.wordID = d.lower[:0], d.short[:0], d.lowerStr[:0], d.wordID[:0]
	d.cap, d.clMid = d.cap[:0], d.clMid[:0]
	// the tokens, per sentence, in one array reused with d (cleared:
	// gazetteer features are appended to tok.gaz)
	if cap(d.tokBuf) < n {
		d.tokBuf = make([]tok, n)
	}
	tokBuf := d.tokBuf[:n]
	clear(tokBuf)
	toks := slices.Grow(d.toks[:0], len(sents))[:len(sents)]
	allCaps := slices.Grow(d.allCaps[:0], len(sents))[:len(sents)]
	table := slices.Grow(d.table[:0], len(sents))[:len(sents)]
	// document casing: how each lower-case word is written where casing
	// carries information (not sentence-initial, not in a capitals-only
	// headline).
	type caseCount struct{ up, low int32 }
	reliable := func(si, i int) bool { return casingTells(sents[si], allCaps[si], i) }
	noStart := d.noStart[:0]
	if useMemo && len(keys) != len(sents) {
		keys = make([][2]uint64, len(sents))
		for si, s := range sents {
			keys[si] = WordsKey(s)
		}
	}
	for si, s := range sents {
		ts := tokBuf[:len(s):len(s)]
		tokBuf = tokBuf[len(s):]
		var infos []*wordInfo
		if useMemo {
			infos = lx.sentenceTokens(memo, keys[si], s, ts)
		}
		letters, caps, digits := 0, 0, 0
		for i, w := range s {
			t := &ts[i]
			var wi *wordInfo
			if infos != nil {
				wi = infos[i]
			} else {
				wi = lx.info(memo, w)
				setTok(t, wi)
			}
			if t.letter {
				letters++
				if wi.capsLike {
					caps++
				}
			}
			// results tables (sports scores, market prices) are rows
			// of names and numbers with little syntax
			if wi.digit {
				digits++
			}
			noStart = append(noStart, wi.function)
		}
		allCaps[si] = letters >= 2 && caps == letters
		table[si] = len(s) >= 3 && 4*digits >= len(s)
		toks[si] = ts
	}
	// number the lower-case words: the counts below are per word
	ids := make(map[string]int32, n/2)
	for _, ts := range toks {
		for i := range ts {
			id, ok := ids[ts[i].lowerStr]
			if !ok {
				id = int32(len(ids))
				ids[ts[i].lowerStr] = id
			}
			ts[i].id = id
		}
	}
	nWords := len(ids)
	casing := make([]caseCount, nWords)
	for si, ts := range toks {
		for i := range ts {
			if ts[i].letter && reliable(si, i) {
				c := &casing[ts[i].id]
				if ts[i].cap {
					c.up++
				} else {
					c.low++
				}
			}
		}
	}
	for si, ts := range toks {
		for i := range ts {
			t := &ts[i]
			if !t.letter {
				continue
			}
			c := casing[t.id]
			if reliable(si, i) { // not counting itself
				if t.cap {
					c.up--
				} else {
					c.low--
				}
			}
			switch {
			case c.up == 0 && c.low == 0:
				t.docCase = 1
			case c.low == 0:
				t.docCase = 2
			case c.up == 0:
				t.docCase = 3
			default:
				t.docCase = 4
			}
		}
		if !useMemo { // sentenceTokens has added them
			lx.gazetteer(sents[si], ts, exclude)
		}
		for i := range ts {
			ts[i].nGaz = len(ts[i].gaz)
		}
	}
	aggregate(toks, nWords)
	d.fp = d.fp[:0]
	if useMemo {
		for si, ts := range toks {
			d.fp = append(d.fp, staticFingerprint(keys[si], ts))
		}
	}
	d.lazy = useMemo
	d.toks, d.allCaps, d.table = toks, allCaps, table
	if !useMemo { // the features are all there: keep no tokens
		d.toks, d.allCaps, d.table, d.tokBuf = nil, nil, nil, nil
	}
	for si, ts := range toks {
		d.sentStart = append(d.sentStart, len(d.lower))
		for i := range ts {
			if !useMemo {
				d.feats = staticFeatures(d.feats, ts, i, allCaps[si], table[si])
				d.featOff = append(d.featOff, int32(len(d.feats)))
			}
			d.lower = append(d.lower, ts[i].lower)
			d.short = append(d.short, ts[i].short)
			d.lowerStr = append(d.lowerStr, ts[i].lowerStr)
			d.wordID = append(d.wordID, ts[i].id)
			d.cap = append(d.cap, ts[i].cap)
			cm := uint64(0)
			if ts[i].hasCl {
				cm = uint64(ts[i].cl[1]) + 1
			}
			d.clMid = append(d.clMid, cm)
		}
	}
	d.sentStart = append(d.sentStart, len(d.lower))
	d.noStart = noStart
	d.nWords = nWords
	return d
}

// gazetteer adds to each token the features of the gazetteer entries
// covering it, with the token's position in the entry (B, I, L or U).
func (lx *lexicon) gazetteer(words []string, ts []tok, exclude map[uint64][nTypes]uint16) {
	for s := range words {
		var key uint64 = 0x51ed27a1
		for l := 1; l <= maxGazLen && s+l <= len(words); l++ {
			key = mix(key, ts[s+l-1].lower)
			e := lx.gaz[key]
			if e == nil {
				continue
			}
			ex := exclude[key]
			for t := 0; t < nTypes; t++ {
				train := e.docs[t] > ex[t]
				hand := e.hand&(1<<t) != 0
				known := e.kb&(1<<t) != 0
				if !train && !hand && !known {
					continue
				}
				for i := s; i < s+l; i++ {
					part := uint64(partI)
					switch {
					case l == 1:
						part = partU
					case i == s:
						part = partB
					case i == s+l-1:
						part = partL
					}
					capBit := uint64(0)
					if ts[i].cap {
						capBit = 1
					}
					v := uint64(t)<<8 | part<<4 | capBit
					if train {
						ts[i].gaz = append(ts[i].gaz, mix(tGazTrain, v))
						ts[i].gazTypes |= 1 << t
					}
					if hand {
						ts[i].gazTypes |= 1 << (nTypes + t)
					}
					if known {
						ts[i].gazTypes |= 1 << (2*nTypes + t)
					}
					if hand {
						ts[i].gaz = append(ts[i].gaz, mix(tGazHand, v))
					}
					if known {
						ts[i].gaz = append(ts[i].gaz, mix(tGazKB, v))
					}
				}
			}
		}
	}
}

func f1(t, a uint64) uint64    { return mix(t, a) }
func f2(t, a, b uint64) uint64 { return mix(mix(t, a), b) }

// staticFeatures appends the features of token i that do not depend on
// predicted tags.
func staticFeatures(out []uint64, ts []tok, i int, capsSent, table bool) []uint64 {
	t := &ts[i]
	lower := func(j int) uint64 {
		switch {
		case j < 0:
			return hBOS
		case j >= len(ts):
			return hEOS
		}
		return ts[j].lower
	}
	short := func(j int) uint64 {
		switch {
		case j < 0:
			return hBOS
		case j >= len(ts):
			return hEOS
		}
		return ts[j].short
	}
	out = append(out,
		tBias,
		f1(tWord, t.word),
		f1(tLower, t.lower),
		f1(tShape, t.shape),
		f1(tShort, t.short),
		f1(tLowerM1, lower(i-1)),
		f1(tLowerM2, lower(i-2)),
		f1(tLowerP1, lower(i+1)),
		f1(tLowerP2, lower(i+2)),
		f1(tShortM1, short(i-1)),
		f1(tShortP1, short(i+1)),
		f2(tShortM1Short, short(i-1), t.short),
		f2(tShortShortP1, t.short, short(i+1)),
		f2(tLowerM1Lower, lower(i-1), t.lower),
		f2(tLowerLowerP1, t.lower, lower(i+1)),
		f1(tLength, uint64(min(len(t.lowerStr), 12))),
		mix(f2(tShortTri, short(i-1), t.short), short(i+1)),
		f2(tLowerShortP1, t.lower, short(i+1)),
		f2(tShortM1Lower, short(i-1), t.lower),
	)
	if i > 0 {
		out = append(out, f1(tWordM1, ts[i-1].word))
	}
	if i+1 < len(ts) {
		out = append(out, f1(tWordP1, ts[i+1].word))
	}
	// affixes of the lower-case word, up to four characters
	lw := t.lowerStr
	for k := 1; k <= 4 && k < len(lw); k++ {
		out = append(out, f2(tPrefix, uint64(k), hstr(lw[:k])), f2(tSuffix, uint64(k), hstr(lw[len(lw)-k:])))
	}
	if t.hasCl {
		for l, c := range t.cl {
			out = append(out, f2(tCluster, uint64(l), uint64(c)))
		}
	}
	if i > 0 && ts[i-1].hasCl {
		out = append(out, f2(tClusterM1, 0, uint64(ts[i-1].cl[0])), f2(tClusterM1, 1, uint64(ts[i-1].cl[1])))
	}
	if i+1 < len(ts) && ts[i+1].hasCl {
		out = append(out, f2(tClusterP1, 0, uint64(ts[i+1].cl[0])), f2(tClusterP1, 1, uint64(ts[i+1].cl[1])))
	}
	if t.hasCl && i > 0 && ts[i-1].hasCl {
		out = append(out, f2(tClusterBigram, uint64(ts[i-1].cl[1]), uint64(t.cl[1])))
	}
	if i == 0 {
		out = append(out, f1(tFirstTok, t.short))
	}
	if capsSent {
		// in a capitals-only headline the shape says nothing; lean on
		// the word itself, its clusters and the document casing.
		out = append(out, f1(tCapsSentLower, t.lower), f1(tCapsSentShort, t.short),
			f1(tCapsSentDocCase, uint64(t.docCase)))
	}
	if table {
		out = append(out, f2(tTableShort, t.short, short(i-1)))
		for _, g := range t.gaz[:min(t.nGaz, 6)] {
			out = append(out, f1(tTableGaz, g))
		}
	}
	if t.cap {
		// the words around the whole run of capitalised words: "shares
		// in Pirelli Cables rose" and "Tom Moody said" are judged by
		// "in"/"rose" and "said" whatever the run's length.
		s, e := i, i+1
		for s > 0 && ts[s-1].cap {
			s--
		}
		for e < len(ts) && ts[e].cap {
			e++
		}
		pos := uint64(0)
		switch {
		case e-s == 1:
			pos = 3
		case i == s:
			pos = 1
		case i == e-1:
			pos = 2
		}
		out = append(out, f2(tRunBefore, lower(s-1), pos), f2(tRunAfter, lower(e), pos),
			f2(tRunPos, pos, uint64(min(e-s, 5))))
		// word-list flags elsewhere in the run and just outside it
		var lf, rf uint8
		for j := max(s-1, 0); j < i; j++ {
			lf |= ts[j].flags
		}
		for j := i + 1; j <= e && j < len(ts); j++ {
			rf |= ts[j].flags
		}
		if lf != 0 {
			out = append(out, f2(tRunFlags, 0, uint64(lf)))
		}
		if rf != 0 {
			out = append(out, f2(tRunFlags, 1, uint64(rf)))
		}
	}
	if t.docCase != 0 {
		out = append(out, f1(tDocCase, uint64(t.docCase)), f2(tDocCaseShort, uint64(t.docCase), t.short))
	}
	out = append(out, t.gaz...)
	if t.flags != 0 {
		out = append(out, f1(tFlags, uint64(t.flags)))
	}
	if i > 0 && ts[i-1].flags != 0 {
		out = append(out, f1(tFlagsM1, uint64(ts[i-1].flags)))
	}
	if i+1 < len(ts) && ts[i+1].flags != 0 {
		out = append(out, f1(tFlagsP1, uint64(ts[i+1].flags)))
	}
	if i+2 < len(ts) && ts[i+2].flags != 0 {
		out = append(out, f1(tFlagsP2, uint64(ts[i+2].flags)))
	}
	return out
}

// dynamicFeatures appends the features that depend on the tags already
// predicted to the left (p1 the previous class, p2 the one before, with
// nClasses standing for "before the sentence").
func dynamicFeatures(out []uint64, d *docFeats, i int, p1, p2 int) []uint64 {
	return append(out,
		f1(tPrev1, uint64(p1)),
		f2(tPrev2, uint64(p2), uint64(p1)),
		f2(tPrev1Lower, uint64(p1), d.lower[i]),
		f2(tPrev1Short, uint64(p1), d.short[i]),
		f2(tPrev1Cluster, uint64(p1), d.clMid[i]),
	)
}

// secondPassFeatures computes, from the first pass's classes over the
// whole document, the document-level features of every token: its own
// first-pass class and its neighbours', and which entity types the other
// mentions of the same word received. The latter is how "Peskov" late in
// an article learns from "Dmitry Peskov" earlier, and how a capitals-only
// headline learns from the body. It returns per-token feature lists in
// one flat slice with offsets.
func secondPassFeatures(d *docFeats, pass1 []int) (feats []uint64, off []int32) {
	return secondPassInto(d, pass1, nil, nil)
}

// secondPassInto is secondPassFeatures reusing the memory of feats and
// off.
func secondPassInto(d *docFeats, pass1 []int, feats []uint64, off []int32) ([]uint64, []int32) {
	n := d.ntok()
	// per lower-case word: how often the first pass labelled its
	// capitalised occurrences with each type, or O.
	type tally struct{ types [nTypes + 1]int32 }
	tallies := make([]*tally, d.nWords) // per word id
	for i := 0; i < n; i++ {
		if !d.cap[i] {
			continue
		}
		tl := tallies[d.wordID[i]]
		if tl == nil {
			tl = &tally{}
			tallies[d.wordID[i]] = tl
		}
		tl.types[classType(pass1[i])+1]++
	}
	off = append(slices.Grow(off[:0], n+1), 0)
	feats = slices.Grow(feats[:0], n*8)
	for si := 0; si+1 < len(d.sentStart); si++ {
		lo, hi := d.sentStart[si], d.sentStart[si+1]
		for i := lo; i < hi; i++ {
			feats = append(feats, f1(tPass1, uint64(pass1[i])))
			m1, p1 := uint64(nClasses), uint64(nClasses)
			if i > lo {
				m1 = uint64(pass1[i-1])
			}
			if i+1 < hi {
				p1 = uint64(pass1[i+1])
			}
			feats = append(feats, f1(tPass1M1, m1), f1(tPass1P1, p1))
			if tl := tallies[d.wordID[i]]; tl != nil {
				counts := tl.types
				if d.cap[i] {
					counts[classType(pass1[i])+1]-- // others only
				}
				best, total := -1, int32(0)
				for k, c := range counts {
					total += c
					if c > 0 {
						feats = append(feats, f1(tDocType, uint64(k)))
						if best < 0 || c > counts[best] {
							best = k
						}
					}
				}
				if best >= 0 {
					unanimous := uint64(0)
					if counts[best] == total {
						unanimous = 1
					}
					feats = append(feats, f2(tDocTypeMajor, uint64(best), unanimous),
						f2(tDocTypeShort, uint64(best), d.short[i]))
				}
			}
			off = append(off, int32(len(feats)))
		}
	}
	return feats, off
}

// maxAggregate caps the context-aggregation features of one token.
const maxAggregate = 16

type ctxCount struct {
	ctx uint64
	n   int32
}

// addCtx counts ctx in the sorted list cs.
func addCtx(cs []ctxCount, ctx uint64) []ctxCount {
	i := sort.Search(len(cs), func(i int) bool { return cs[i].ctx >= ctx })
	if i < len(cs) && cs[i].ctx == ctx {
		cs[i].n++
		return cs
	}
	cs = append(cs, ctxCount{})
	copy(cs[i+1:], cs[i:])
	cs[i] = ctxCount{ctx, 1}
	return cs
}

// aggregate adds to every capitalised token whose word has other
// capitalised mentions in the document the context-aggregation features
// (Ratinov & Roth 2009): the words left and right of those other
// mentions, so that "Magna was up 1/8" tells "Magna said" elsewhere that
// Magna is a company.
func aggregate(toks [][]tok, nWords int) {
	ctxs := make([][]ctxCount, nWords) // per word id
	mentions := make([]int32, nWords)
	for _, ts := range toks {
		for i := range ts {
			if ts[i].cap {
				mentions[ts[i].id]++
			}
		}
	}
	for _, ts := range toks {
		for i := range ts {
			if w := ts[i].id; ts[i].cap && mentions[w] > 1 {
				l, r := contexts(ts, i)
				ctxs[w] = addCtx(addCtx(ctxs[w], l), r)
			}
		}
	}
	// word-list flags of the neighbours of every capitalised mention:
	// "Pirelli SpA" elsewhere makes a bare "Pirelli" a company, "Mr
	// Pirelli" a person, whatever the words themselves.
	type flagCount [2][8]int32
	nflags := make([]*flagCount, nWords)
	// and the gazetteer types of the entries covering the mentions:
	// "Aung San Suu Kyi" known as a person makes "Suu Kyi" one.
	gazCount := make([]*[3 * nTypes]int32, nWords)
	// the flags of the words left and right of the mention within its
	// run of capitalised words ("Magna International Inc", "President
	// Bill Clinton") and of the words just outside the run
	neighbourFlags := func(ts []tok, i int) (l, r uint8) {
		j := i - 1
		for ; j >= 0 && ts[j].cap; j-- {
			l |= ts[j].flags
		}
		if j >= 0 {
			l |= ts[j].flags
		}
		j = i + 1
		for ; j < len(ts) && ts[j].cap; j++ {
			r |= ts[j].flags
		}
		if j < len(ts) {
			r |= ts[j].flags
		}
		return l, r
	}
	for _, ts := range toks {
		for i := range ts {
			if w := ts[i].id; ts[i].cap && mentions[w] > 1 && ts[i].gazTypes != 0 {
				gc := gazCount[w]
				if gc == nil {
					gc = &[3 * nTypes]int32{}
					gazCount[w] = gc
				}
				for b := range gc {
					gc[b] += int32(ts[i].gazTypes >> b & 1)
				}
			}
			if w := ts[i].id; ts[i].cap && mentions[w] > 1 {
				l, r := neighbourFlags(ts, i)
				if l|r == 0 {
					continue
				}
				fc := nflags[w]
				if fc == nil {
					fc = &flagCount{}
					nflags[w] = fc
				}
				for b := 0; b < 8; b++ {
					fc[0][b] += int32(l >> b & 1)
					fc[1][b] += int32(r >> b & 1)
				}
			}
		}
	}
	for _, ts := range toks {
		for i := range ts {
			w := ts[i].id
			if !ts[i].cap || mentions[w] < 2 {
				continue
			}
			if gc := gazCount[w]; gc != nil {
				for b, c := range gc {
					if c > int32(ts[i].gazTypes>>b&1) {
						ts[i].gaz = append(ts[i].gaz, f1(tAggGaz, uint64(b)))
					}
				}
			}
			if fc := nflags[w]; fc != nil {
				l, r := neighbourFlags(ts, i)
				for b := 0; b < 8; b++ {
					if fc[0][b] > int32(l>>b&1) {
						ts[i].gaz = append(ts[i].gaz, f2(tAggFlag, 0, uint64(b)))
					}
					if fc[1][b] > int32(r>>b&1) {
						ts[i].gaz = append(ts[i].gaz, f2(tAggFlag, 1, uint64(b)))
					}
				}
			}
			l, r := contexts(ts, i)
			k := 0
			for _, c := range ctxs[w] {
				own := int32(0)
				if c.ctx == l || c.ctx == r {
					own = 1
				}
				if c.n > own && k < maxAggregate {
					ts[i].gaz = append(ts[i].gaz, c.ctx)
					k++
				}
			}
		}
	}
}

// contexts returns the aggregation features of token i: its left and
// right neighbours.
func contexts(ts []tok, i int) (left, right uint64) {
	left, right = hBOS, hEOS
	if i > 0 {
		left = ts[i-1].lower
	}
	if i+1 < len(ts) {
		right = ts[i+1].lower
	}
	return mix(tAggLeft, left), mix(tAggRight, right)
}
