package perceptron

// Dense rows.
//
// A feature seen in many contexts has weights for many classes: in the
// parser the features looked up most often carry lists of 16 to 60 of its
// 104 classes, and adding such a list entry by entry (load the class, load
// the weight, add into scores[class]) was most of the parser's time. Such a
// feature's weights are kept instead as a dense row of NClasses floats,
// zero for the classes it has no weight for, and added to the scores four
// classes at a time with vector instructions (addRow; plain Go on other
// architectures than amd64).
//
// The sums are bit-identical to adding the list: every class receives the
// same non-zero weights in the same order of features, and adding a zero
// leaves a float unchanged (a class score is never -0: scores start at +0
// and a stored weight is never zero).

// isDense tells whether a feature with n weights out of nClasses is kept
// as a dense row: when its list is long enough that adding the whole row
// with vector instructions is cheaper than adding the list entry by entry.
// Shorter lists stay lists, which also keeps the tables small (a row takes
// 4*nClasses bytes, a list 8 bytes per weight).
func isDense(n, nClasses int) bool { return n*denseDiv >= nClasses }

var denseDiv = 3

// addDense adds row to scores; row is at least as long as scores.
func addDense(scores, row []float32) {
	if len(scores) > 0 {
		addRow(&scores[0], &row[:len(scores)][0], len(scores))
	}
}
