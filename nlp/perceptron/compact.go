package perceptron

import (
	"slices"
	"sort"
)

// compact is the read-only form of trained weights: the feature keys in
// ascending order, and the entries of keys[i] at ents[offs[i]:offs[i+1]].
// It holds no pointers but its three slices, so a loaded model of a
// million features is three objects the garbage collector never walks,
// where a map of slices was a million (about 100 MB more and a longer mark
// phase in every collection of a long ingest).
type compact struct {
	keys []uint64
	offs []uint32
	ents []entry
}

// compactOf builds the compact form of a map of entries.
func compactOf(m map[uint64][]entry) *compact {
	keys := make([]uint64, 0, len(m))
	n := 0
	for k, es := range m {
		keys = append(keys, k)
		n += len(es)
	}
	slices.Sort(keys)
	c := &compact{keys: keys, offs: make([]uint32, 0, len(keys)+1), ents: make([]entry, 0, n)}
	for _, k := range keys {
		c.offs = append(c.offs, uint32(len(c.ents)))
		c.ents = append(c.ents, m[k]...)
	}
	c.offs = append(c.offs, uint32(len(c.ents)))
	return c
}

// len is the number of features.
func (c *compact) len() int { return len(c.keys) }

// at returns the entries of the i-th feature.
func (c *compact) at(i int) []entry { return c.ents[c.offs[i]:c.offs[i+1]:c.offs[i+1]] }

// get returns the entries of feature k (nil when absent).
func (c *compact) get(k uint64) []entry {
	i := sort.Search(len(c.keys), func(i int) bool { return c.keys[i] >= k })
	if i < len(c.keys) && c.keys[i] == k {
		return c.at(i)
	}
	return nil
}
