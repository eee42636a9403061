package parser

import "dateline/nlp/perceptron"

// Folding the features of absent tokens.
//
// Templates 39–62 read the word, tag and label of a context token of the
// second and third order: S0's head and grandhead, its two leftmost and two
// rightmost children, N0's two leftmost children. Most of the time the
// token is absent (a word on the stack has no left child yet, ...), and the
// three features then take one fixed value each. Those fixed features are
// among the most common of the model, so they have weights for about fifty
// classes each: in EWT they make up nearly half of all weights added per
// move scored. Their sums, for every combination of absent tokens, are
// added up once when the model is loaded; scoring a move then adds one
// precomputed row per combination instead of up to 24 weight lists.
//
// The result equals the unfolded sum up to float rounding (the same
// weights are added in another order).

// foldGroups lists, per context token, the positions in the feature
// vector (template number - 1) of its word, tag and label features.
var foldGroups = [...][3]int{
	{38, 39, 40}, // S0 head (39, 40) and S0's own label (41: none while S0 has no head)
	{41, 42, 43}, // S0 leftmost child
	{44, 45, 46}, // S0 rightmost child
	{47, 48, 49}, // N0 leftmost child
	{50, 51, 52}, // S0 grandhead, and the label of S0's head
	{53, 54, 55}, // S0 second leftmost child
	{56, 57, 58}, // S0 second rightmost child
	{59, 60, 61}, // N0 second leftmost child
}

const nFold = len(foldGroups)

// foldStart and foldEnd bound the positions of the groups in the feature
// vector.
const (
	foldStart = 38
	foldEnd   = foldStart + 3*nFold
)

// folding holds the fixed keys of each group and the summed weights of
// every combination of groups.
type folding struct {
	keys [nFold][3]uint64
	// rows[mask] is the sum of the weights of the groups in mask, one
	// score per class.
	rows [1 << nFold][]float32
}

// newFolding precomputes the folding of model t for classes classes.
func newFolding(t *perceptron.Table, classes int) *folding {
	fd := &folding{}
	// The features of a configuration where every folded token is
	// absent: one word on the stack, nothing attached, the root next.
	var tok tokens
	tok.set([]string{"x"}, []string{"X"}, []string{"X"})
	var s state
	s.reset(1)
	s.apply(opShift, none)
	var f [nFeats]uint64
	extract(&s, &tok, &f)
	for g, ps := range foldGroups {
		for j, pos := range ps {
			fd.keys[g][j] = f[pos]
		}
	}
	var feats []uint64
	for mask := range fd.rows {
		feats = feats[:0]
		for g := range foldGroups {
			if mask&(1<<g) != 0 {
				feats = append(feats, fd.keys[g][:]...)
			}
		}
		fd.rows[mask] = make([]float32, classes)
		t.Scores(feats, fd.rows[mask])
	}
	return fd
}

// scores writes the scores of feature vector f into scores, using buf for
// the features left to look up.
func (fd *folding) scores(t *perceptron.Table, f *[nFeats]uint64, buf *[nFeats]uint64, scores []float32) {
	mask := fd.mask(f)
	// The groups are consecutive triples of positions from foldStart
	// on (TestFoldGroupsConsecutive), so the features left are copied a
	// block at a time, in their order in f.
	n := copy(buf[:], f[:foldStart])
	for g := range nFold {
		if mask&(1<<g) == 0 {
			pos := foldStart + 3*g
			n += copy(buf[n:], f[pos:pos+3])
		}
	}
	n += copy(buf[n:], f[foldEnd:])
	t.Scores(buf[:n], scores)
	row := fd.rows[mask][:len(scores)]
	for c, v := range row {
		scores[c] += v
	}
}

// mask tells which groups of f hold their fixed keys (bit g for group g).
func (fd *folding) mask(f *[nFeats]uint64) int {
	mask := 0
	for g, ps := range foldGroups {
		if f[ps[0]] == fd.keys[g][0] && f[ps[1]] == fd.keys[g][1] && f[ps[2]] == fd.keys[g][2] {
			mask |= 1 << g
		}
	}
	return mask
}
