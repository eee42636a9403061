package perceptron

import "slices"

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
	m := &Model{NClasses: s.NClasses, weights: make(map[uint64][]entry, len(s.w))}
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
			m.weights[f] = es
		}
	}
	s.w = nil
	return m
}

// Prune returns a copy of a compact model without the weights whose
// magnitude is not above minWeight (and without features left empty), to
// shrink a trained model after the fact. Scores change only by the dropped
// weights.
func (m *Model) Prune(minWeight float32) *Model {
	out := &Model{NClasses: m.NClasses, weights: make(map[uint64][]entry, len(m.weights))}
	for f, es := range m.weights {
		var keep []entry
		for _, e := range es {
			if e.weight > minWeight || e.weight < -minWeight {
				keep = append(keep, e)
			}
		}
		if len(keep) > 0 {
			out.weights[f] = keep
		}
	}
	return out
}

// Table is a read-only copy of a compact Model laid out for fast scoring
// in hot loops (the parser scores ~80 features per move): an
// open-addressing hash table of 32-byte slots instead of a Go map of
// slices. Most features of a trained perceptron have one or two non-zero
// classes (a mistake moves one weight up and one down); those are stored
// inside the slot, so looking them up costs a single cache miss. Longer
// lists live in one flat array. It is safe for concurrent use.
type Table struct {
	NClasses int
	shift    uint
	slots    []tableSlot
	entries  []entry
	zero     tableSlot // the feature whose key is 0 (0 marks empty slots)
}

// tableSlot holds a feature's weights inline when n <= 2, else the range
// entries[start:start+n].
type tableSlot struct {
	key    uint64
	n      uint16
	c0, c1 uint16
	w0, w1 float32
	start  uint32
}

// Table builds the fast scoring form of m.
func (m *Model) Table() *Table {
	size, shift := 16, uint(60)
	for size < 2*len(m.weights) {
		size, shift = size*2, shift-1
	}
	t := &Table{NClasses: m.NClasses, shift: shift, slots: make([]tableSlot, size)}
	keys := make([]uint64, 0, len(m.weights))
	for k := range m.weights {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same layout every time
	mask := uint64(size - 1)
	for _, k := range keys {
		es := m.weights[k]
		s := tableSlot{key: k, n: uint16(len(es))}
		switch len(es) {
		case 2:
			s.c1, s.w1 = es[1].class, es[1].weight
			fallthrough
		case 1:
			s.c0, s.w0 = es[0].class, es[0].weight
		default:
			s.start = uint32(len(t.entries))
			t.entries = append(t.entries, es...)
		}
		if k == 0 {
			t.zero = s
			continue
		}
		i := (k * 0x9E3779B97F4A7C15) >> shift
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
	return t
}

// Scores writes into scores (len NClasses) the sum of the weights of feats,
// exactly as Model.Scores does.
func (t *Table) Scores(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	mask := uint64(len(t.slots) - 1)
	for _, f := range feats {
		var s *tableSlot
		if f == 0 {
			s = &t.zero
		} else {
			i := (f * 0x9E3779B97F4A7C15) >> t.shift
			for {
				s = &t.slots[i]
				if s.key == f || s.key == 0 {
					break
				}
				i = (i + 1) & mask
			}
			if s.key == 0 {
				continue
			}
		}
		switch s.n {
		case 2:
			scores[s.c1] += s.w1
			fallthrough
		case 1:
			scores[s.c0] += s.w0
		case 0:
		default:
			for _, e := range t.entries[s.start : s.start+uint32(s.n)] {
				scores[e.class] += e.weight
			}
		}
	}
}
