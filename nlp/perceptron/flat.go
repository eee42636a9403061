package perceptron

import "fmt"

// Flat is a read-only copy of a trained Model laid out for fast scoring:
// an open-addressing hash table of feature keys whose slots point into one
// contiguous array of (class, weight) entries. A Go map of slices costs
// two or three cache misses per feature looked up (control group, slot,
// slice backing array); Flat costs about one for the slot and one for
// the entries, which roughly halves scoring time for the entity
// recogniser, whose models have a few hundred thousand features.
//
// Flat is an addition to the package: Model, its training and its file
// format are unchanged. Build one with (*Model).Flat after Finish or Read.
type Flat struct {
	NClasses int
	mask     uint64
	slots    []flatSlot
	entries  []entry
	// rows holds the dense rows (dense.go) of the features with long
	// lists, NClasses floats each.
	rows []float32
	// zeroKey holds the entries of feature key 0, which marks empty slots.
	zeroKey []entry
	// filter has one bit per key hash, 8 bits per key: a clear bit
	// proves the feature absent without touching the (much larger,
	// cache-missing) slot table. Many features of a token, such as rare
	// word pairs, are absent from the model.
	filter     []uint64
	filterMask uint64
}

// flatSlot is one hash-table slot; n == 0 marks an empty slot. The
// feature's weights are entries[start:start+n], or when n has flatDense
// set the dense row rows[start:start+NClasses].
type flatSlot struct {
	key   uint64
	start uint32
	n     uint32
}

// flatDense in flatSlot.n marks a dense row.
const flatDense = 1 << 31

// Flat returns the fast read-only form of a trained (compact) model. It
// returns nil for a model still in training (call Finish first).
func (m *Model) Flat() *Flat {
	if m.weights == nil {
		return nil
	}
	size := 16
	for size < 2*m.weights.len() { // load factor at most 1/2
		size *= 2
	}
	f := &Flat{NClasses: m.NClasses, mask: uint64(size - 1), slots: make([]flatSlot, size)}
	fbits := 64
	for fbits < 8*m.weights.len() {
		fbits *= 2
	}
	f.filter, f.filterMask = make([]uint64, fbits/64), uint64(fbits-1)
	for i, k := range m.weights.keys {
		es := m.weights.at(i)
		if len(es) == 0 {
			continue
		}
		if k == 0 {
			f.zeroKey = es
			continue
		}
		b := filterBit(k) & f.filterMask
		f.filter[b>>6] |= 1 << (b & 63)
		i := slotOf(k) & f.mask
		for f.slots[i].n != 0 {
			i = (i + 1) & f.mask
		}
		if isDense(len(es), m.NClasses) {
			f.slots[i] = flatSlot{key: k, start: uint32(len(f.rows)), n: flatDense | uint32(len(es))}
			f.rows = appendDense(f.rows, es, m.NClasses)
			continue
		}
		f.slots[i] = flatSlot{key: k, start: uint32(len(f.entries)), n: uint32(len(es))}
		f.entries = append(f.entries, es...)
	}
	return f
}

// Merge builds one Flat over several trained models that are used on the
// same feature keys, such as the two passes of a tagger: class c of
// models[i] becomes class i*n+c, n being the models' common NClasses.
// Looking a feature up once then gives its weights in every model.
func Merge(models ...*Model) (*Flat, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("perceptron: Merge of no models")
	}
	n := models[0].NClasses
	weights := map[uint64][]entry{}
	for i, m := range models {
		if m.weights == nil {
			return nil, fmt.Errorf("perceptron: Merge: model %d is not finished", i)
		}
		if m.NClasses != n {
			return nil, fmt.Errorf("perceptron: Merge: model %d has %d classes, model 0 has %d", i, m.NClasses, n)
		}
		if n*len(models) > 1<<16 {
			return nil, fmt.Errorf("perceptron: Merge: %d classes in all, at most 65536", n*len(models))
		}
		for j, k := range m.weights.keys {
			for _, e := range m.weights.at(j) {
				weights[k] = append(weights[k], entry{e.class + uint16(i*n), e.weight})
			}
		}
	}
	merged := &Model{NClasses: n * len(models), weights: compactOf(weights)}
	return merged.Flat(), nil
}

// slotOf spreads a key's bits; feature keys are already hashes, but
// multiplying guards against keys that differ only in high bits.
func slotOf(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> 17 }

// filterBit uses other bits of the key than slotOf, so that keys sharing
// a slot chain rarely share a filter bit.
func filterBit(k uint64) uint64 { return (k * 0xC2B2AE3D27D4EB4F) >> 23 }

// Scores writes into scores (len NClasses) the sum of the weights of
// feats, exactly as (*Model).Scores does for the model it was built from.
// It is safe for concurrent use.
func (f *Flat) Scores(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	f.Add(feats, scores)
}

// Add adds the weights of feats to scores (len NClasses), so a caller can
// start from scores it computed earlier. Like Table.Scores, it adds the
// weight lists without bounds checks when the table has at most 256
// classes and scores a capacity of at least 256.
//
// Features are looked up flatChunk at a time in three passes: the first
// tests each feature's filter bit and loads its home slot, the second
// finds the feature's slot and loads the first of its weights, the third
// adds the weights. The loads of each of the first two passes do not
// depend on one another, so the processor overlaps their cache misses
// instead of waiting for each in turn. Weights are added in the order of
// feats, so the sums are those of adding feature after feature.
func (f *Flat) Add(feats []uint64, scores []float32) {
	var small *[256]float32 // see Table.Scores
	if f.NClasses <= 256 && cap(scores) >= 256 {
		small = (*[256]float32)(scores[:256])
	}
	// Scratch arrays are zeroed on every call, so they are kept small:
	// callers pass a few dozen features at a time.
	var at [flatChunk]uint32    // home slot, then the feature's slot (or a mark)
	var keep [flatChunk]uint8   // indexes into the chunk of the features to read
	var atHome [flatChunk]bool  // the home slot holds the feature
	var firstE [flatChunk]entry // first entries, loaded early
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), flatChunk)]
		feats = feats[len(chunk):]
		m := 0
		for j, k := range chunk {
			if k != 0 {
				if b := filterBit(k) & f.filterMask; f.filter[b>>6]&(1<<(b&63)) == 0 {
					continue
				}
				i := slotOf(k) & f.mask
				at[m], atHome[m] = uint32(i), f.slots[i].key == k
			}
			keep[m] = uint8(j)
			m++
		}
		for j := 0; j < m; j++ {
			k := chunk[keep[j]]
			if k == 0 {
				at[j] = zeroKeyMark
				continue
			}
			i := uint64(at[j])
			s := &f.slots[i]
			if !atHome[j] {
				for s.key != k && s.n != 0 {
					i = (i + 1) & f.mask
					s = &f.slots[i]
				}
				if s.n == 0 {
					at[j] = absentMark
					continue
				}
				at[j] = uint32(i)
			}
			if s.n&flatDense != 0 {
				// The row's first float stands in for a first
				// entry: loading it starts fetching the row.
				firstE[j] = entry{weight: f.rows[s.start]}
			} else {
				firstE[j] = f.entries[s.start]
			}
		}
		for j, i := range at[:m] {
			switch {
			case i == absentMark:
			case i == zeroKeyMark:
				for _, e := range f.zeroKey {
					scores[e.class] += e.weight
				}
			case f.slots[i].n&flatDense != 0:
				s := f.slots[i]
				addDense(scores, f.rows[s.start:s.start+uint32(f.NClasses)])
			case small != nil:
				s := f.slots[i]
				small[uint8(firstE[j].class)] += firstE[j].weight
				for _, e := range f.entries[s.start+1 : s.start+s.n] {
					small[uint8(e.class)] += e.weight
				}
			default:
				s := f.slots[i]
				scores[firstE[j].class] += firstE[j].weight
				for _, e := range f.entries[s.start+1 : s.start+s.n] {
					scores[e.class] += e.weight
				}
			}
		}
	}
}

// Marks in Add's slot indexes: a feature absent from the table, and
// feature key 0.
const (
	absentMark  = 1<<32 - 1
	zeroKeyMark = 1<<32 - 2
)

// flatChunk is how many features Add looks up at once.
const flatChunk = 64

// Average returns the model whose weights are the mean of the models'
// weights (all trained and with the same NClasses), for example the same
// data trained with several shuffling seeds: averaging such models lowers
// the variance that the order of the training data causes.
func Average(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("perceptron: Average of no models")
	}
	n := models[0].NClasses
	sum := map[uint64][]float32{}
	for i, m := range models {
		if m.weights == nil {
			return nil, fmt.Errorf("perceptron: Average: model %d is not finished", i)
		}
		if m.NClasses != n {
			return nil, fmt.Errorf("perceptron: Average: model %d has %d classes, model 0 has %d", i, m.NClasses, n)
		}
		for j, k := range m.weights.keys {
			es := m.weights.at(j)
			row := sum[k]
			if row == nil {
				row = make([]float32, n)
				sum[k] = row
			}
			for _, e := range es {
				row[e.class] += e.weight
			}
		}
	}
	weights := make(map[uint64][]entry, len(sum))
	inv := 1 / float32(len(models))
	for k, row := range sum {
		var es []entry
		for c, w := range row {
			if w != 0 {
				es = append(es, entry{uint16(c), w * inv})
			}
		}
		if len(es) > 0 {
			weights[k] = es
		}
	}
	return &Model{NClasses: n, weights: compactOf(weights)}, nil
}
