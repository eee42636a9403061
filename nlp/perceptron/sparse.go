package perceptron

import (
	"fmt"
	"math"
)

// Sparse is a training-time averaged perceptron for models with many
// classes (the parser has one class per transition and label, about a
// hundred). New keeps a dense row of NClasses weights, totals and stamps
// for every feature ever updated, which for a hundred classes and millions
// of features needs gigabytes; Sparse keeps, per feature, only the classes
// that feature was actually updated for. Finish turns it into an ordinary
// compact *Model, so trained models are read, scored and written exactly
// like the others.
//
// Sparse is an addition to the package: it does not change New, Model or
// the file format.
type Sparse struct {
	NClasses int
	w        map[uint64][]sparseWeight
	clock    int32
}

// sparseWeight is the training state of one (feature, class) weight.
type sparseWeight struct {
	class uint16
	stamp int32   // clock of the last change, for lazy averaging
	w     float32 // current weight
	total float64 // sum of w over the ticks before stamp
}

// NewSparse returns an empty sparse trainer over nClasses classes (at most
// 65536, the range of a class number in the compact model).
func NewSparse(nClasses int) *Sparse {
	return &Sparse{NClasses: nClasses, w: map[uint64][]sparseWeight{}}
}

// Scores writes into scores (len NClasses) the sum of the current (not
// averaged) weights of feats.
func (s *Sparse) Scores(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		for _, e := range s.w[f] {
			scores[e.class] += e.w
		}
	}
}

// Tick advances the averaging clock; call it once per training instance.
func (s *Sparse) Tick() { s.clock++ }

// Update adds delta to the weights of feats for class c.
func (s *Sparse) Update(feats []uint64, c int, delta float32) {
	cl := uint16(c)
	for _, f := range feats {
		ws := s.w[f]
		i := 0
		for i < len(ws) && ws[i].class != cl {
			i++
		}
		if i == len(ws) {
			ws = append(ws, sparseWeight{class: cl, stamp: s.clock})
			s.w[f] = ws
		}
		e := &ws[i]
		e.total += float64(s.clock-e.stamp) * float64(e.w)
		e.stamp = s.clock
		e.w += delta
	}
}

// Weights reports how many (feature, class) weights the trainer holds.
func (s *Sparse) Weights() int {
	n := 0
	for _, ws := range s.w {
		n += len(ws)
	}
	return n
}

// Finish averages the weights, drops those whose averaged magnitude is not
// above minWeight, and returns the compact model. The trainer must not be
// used afterwards.
func (s *Sparse) Finish(minWeight float32) *Model {
	m := s.Average(minWeight)
	s.w = nil
	return m
}

// Average returns the compact model that Finish would return now, leaving
// the trainer as it is, so that training can go on: trainers use it to
// write a model after some epochs and compare epoch counts in one run.
func (s *Sparse) Average(minWeight float32) *Model {
	weights := make(map[uint64][]entry, len(s.w))
	div := float64(max(s.clock, 1))
	for f, ws := range s.w {
		var es []entry
		for _, e := range ws {
			t := e.total + float64(s.clock-e.stamp)*float64(e.w)
			avg := float32(t / div)
			if avg > minWeight || avg < -minWeight {
				es = append(es, entry{e.class, avg})
			}
		}
		if len(es) > 0 {
			// Class order inside a feature does not change scores but
			// keep it canonical so equal weights give equal files.
			for i := 1; i < len(es); i++ {
				for j := i; j > 0 && es[j].class < es[j-1].class; j-- {
					es[j], es[j-1] = es[j-1], es[j]
				}
			}
			weights[f] = es
		}
	}
	return &Model{NClasses: s.NClasses, weights: compactOf(weights)}
}

// Prune returns a copy of a compact model without the weights whose
// magnitude is not above minWeight (and without features left empty), to
// shrink a trained model after the fact. Scores change only by the dropped
// weights.
func (m *Model) Prune(minWeight float32) *Model {
	weights := make(map[uint64][]entry, m.weights.len())
	for i, f := range m.weights.keys {
		es := m.weights.at(i)
		var keep []entry
		for _, e := range es {
			if e.weight > minWeight || e.weight < -minWeight {
				keep = append(keep, e)
			}
		}
		if len(keep) > 0 {
			weights[f] = keep
		}
	}
	return &Model{NClasses: m.NClasses, weights: compactOf(weights)}
}

// Table is a read-only copy of a compact Model laid out for fast scoring
// in hot loops (the parser looks up about ninety features per move in a
// model of over half a million): an open-addressing hash table of 16-byte
// slots, four to a cache line.
//
// Two things make it fast. A slot keeps a 32-bit fingerprint of its key
// instead of the key, and a trained perceptron's features mostly have one
// or two non-zero classes (a mistake moves one weight up and one down),
// which fit in the slot itself; longer lists live in one flat array. The
// table is thus a quarter of the size of one with full keys and inline
// pairs, and looking a feature up costs about one cache miss. And Scores
// looks up the home slots of all features before reading any of them,
// so the memory loads overlap instead of waiting for each other.
//
// Fingerprints are salted and the salt is chosen when the table is built
// so that no two stored features can be confused. A feature that is not in
// the model matches a stored one only if it falls in its probe sequence
// with the same 32-bit fingerprint, which has a probability of about
// 2^-32 per lookup; the scores are otherwise exactly Model.Scores'. A
// Table is safe for concurrent use.
type Table struct {
	NClasses int
	shift    uint
	mask     uint64
	salt     uint64
	slots    []tableSlot
	entries  []entry
	// rows holds the dense rows (dense.go) of the features with long
	// lists, NClasses floats each.
	rows []float32
}

// tableSlot holds a feature's fingerprint (0: empty slot) and its weights:
// w0 for class c0 and w1 for class c1; c1 == listMark means c0 alone, and
// c0 == listMark means the list entries[w0:w0+w1] (w0 and w1 then hold
// integers), unless c1 == denseMark: the weights are then the dense row
// rows[w0:w0+NClasses], and w1 the length of the list it replaces.
// Weights are stored as float32 bits.
type tableSlot struct {
	fp     uint32
	c0, c1 uint16
	w0, w1 uint32
}

// listMark is the class number reserved to mark slot layouts; tables
// therefore hold at most 65535 classes.
const listMark = 0xFFFF

// denseMark in c1 of a list slot marks a dense row.
const denseMark = 1

// home is the first slot probed for key k.
func (t *Table) home(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> t.shift }

// fingerprint is the salted 32-bit check of key k, never 0.
func fingerprint(k, salt uint64) uint32 {
	x := (k ^ salt) * 0xD6E8FEB86659FD93
	fp := uint32(x >> 32)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// Table builds the fast scoring form of m. It panics if m has more than
// 65535 classes (no model in dateline comes near).
func (m *Model) Table() *Table {
	if m.NClasses >= listMark {
		panic(fmt.Sprintf("perceptron: Table of %d classes, at most %d", m.NClasses, listMark-1))
	}
	keys := m.weights.keys // ascending: the same layout every time
	// At most 5/8 full: linear probing then looks at fewer than two
	// slots for a stored feature and about three for an absent one,
	// mostly in the same cache line.
	size, shift := 16, uint(60)
	for size*5 < len(keys)*8 {
		size, shift = size*2, shift-1
	}
	for salt := uint64(0); ; salt++ {
		if t := buildTable(m, keys, size, shift, salt*0x9E3779B97F4A7C15); t != nil {
			return t
		}
	}
}

// buildTable lays out the table for one salt, or returns nil when two
// stored features would be confused.
func buildTable(m *Model, keys []uint64, size int, shift uint, salt uint64) *Table {
	t := &Table{NClasses: m.NClasses, shift: shift, mask: uint64(size - 1), salt: salt, slots: make([]tableSlot, size)}
	for j, k := range keys {
		es := m.weights.at(j)
		s := tableSlot{fp: fingerprint(k, salt), c1: listMark}
		switch len(es) {
		case 2:
			s.c1, s.w1 = es[1].class, math.Float32bits(es[1].weight)
			fallthrough
		case 1:
			s.c0, s.w0 = es[0].class, math.Float32bits(es[0].weight)
		default:
			if isDense(len(es), m.NClasses) {
				s.c0, s.c1, s.w0, s.w1 = listMark, denseMark, uint32(len(t.rows)), uint32(len(es))
				t.rows = appendDense(t.rows, es, m.NClasses)
				break
			}
			s.c0, s.w0, s.w1 = listMark, uint32(len(t.entries)), uint32(len(es))
			t.entries = append(t.entries, es...)
		}
		i := t.home(k)
		for t.slots[i].fp != 0 {
			if t.slots[i].fp == s.fp {
				return nil
			}
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
	}
	return t
}

// tableChunk is how many features Scores looks up at once: more than
// the parser's 83 per move, and few enough that zeroing the scratch arrays
// on every call costs little.
const tableChunk = 96

// Scores writes into scores (len NClasses) the sum of the weights of feats
// (see Table for the one-in-2^32 exception).
//
// When the table has at most 256 classes and scores has a capacity of at
// least 256, the weight lists are added into the array of scores' first
// 256 floats, indexed by a byte: the compiler then drops the bounds check
// of every addition (callers in hot loops allocate scores so).
func (t *Table) Scores(feats []uint64, scores []float32) {
	clear(scores)
	var small *[256]float32
	if t.NClasses <= 256 && cap(scores) >= 256 {
		small = (*[256]float32)(scores[:256])
	}
	var pos, want, got [tableChunk]uint32
	var lists [tableChunk]uint32 // slots holding entry lists
	var first [tableChunk]entry  // their first entries, loaded early
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), tableChunk)]
		feats = feats[len(chunk):]
		// First pass: independent loads of every home slot.
		for j, k := range chunk {
			i := t.home(k)
			pos[j], want[j], got[j] = uint32(i), fingerprint(k, t.salt), t.slots[i].fp
		}
		// Second pass: the slots are in cache now. Inline weights are
		// added; lists get their first entry loaded, again without
		// waiting on one another.
		nl := 0
		for j := range chunk {
			i, fp, w := uint64(pos[j]), got[j], want[j]
			for fp != w && fp != 0 {
				i = (i + 1) & t.mask
				fp = t.slots[i].fp
			}
			if fp == 0 {
				continue
			}
			s := &t.slots[i]
			switch {
			case s.c0 == listMark && s.c1 == denseMark:
				// The row's first float stands in for a first
				// entry: loading it starts fetching the row.
				lists[nl], first[nl] = uint32(i), entry{weight: t.rows[s.w0]}
				nl++
			case s.c0 == listMark:
				lists[nl], first[nl] = uint32(i), t.entries[s.w0]
				nl++
			case s.c1 == listMark:
				scores[s.c0] += math.Float32frombits(s.w0)
			default:
				scores[s.c0] += math.Float32frombits(s.w0)
				scores[s.c1] += math.Float32frombits(s.w1)
			}
		}
		// Third pass: the lists.
		for j, i := range lists[:nl] {
			s := &t.slots[i]
			if s.c1 == denseMark {
				addDense(scores, t.rows[s.w0:s.w0+uint32(t.NClasses)])
				continue
			}
			rest := t.entries[s.w0+1 : s.w0+s.w1]
			if small != nil {
				small[uint8(first[j].class)] += first[j].weight
				for _, e := range rest {
					small[uint8(e.class)] += e.weight
				}
				continue
			}
			scores[first[j].class] += first[j].weight
			for _, e := range rest {
				scores[e.class] += e.weight
			}
		}
	}
}

// appendDense appends the dense row of es (nClasses floats) to rows.
func appendDense(rows []float32, es []entry, nClasses int) []float32 {
	start := len(rows)
	rows = append(rows, make([]float32, nClasses)...)
	for _, e := range es {
		rows[start+int(e.class)] = e.weight
	}
	return rows
}
