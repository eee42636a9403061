package parser

// The dynamic oracle of Goldberg & Nivre (2012, "A dynamic oracle for
// arc-eager dependency parsing"). Arc-eager is arc-decomposable, so the
// cost of a move in any configuration -- how many gold arcs that are
// still reachable become unreachable by taking it -- is a simple count.
// Training follows any zero-cost move (the best-scoring one), so the
// parser also learns what to do after its own mistakes.
//
// The counts are exact for projective gold trees; training trees are
// projectivized first (see projectivize).

// gold is the gold tree of a training sentence: heads in 0..n (n = root)
// and label ids.
type gold struct {
	head  []int
	label []int
}

// moveCosts returns the structural cost of SHIFT, REDUCE, LEFT and RIGHT
// in s (for moves that are allowed; others get an arbitrary value).
// Label mistakes are added by labelCost.
func moveCosts(s *state, g *gold) (c [4]int) {
	b := s.b
	st := s.top()
	// SHIFT pushes b: b can no longer take a head from the stack nor
	// become the head of a stack word that has none yet.
	if b < s.n {
		c[opShift] = stackLinks(s, g, b)
	}
	if st == none {
		return c
	}
	// REDUCE pops s: its gold children still in the buffer are lost.
	for k := b; k < s.n; k++ {
		if g.head[k] == st {
			c[opReduce]++
		}
	}
	// LEFT pops s with head b: s loses its gold head if that is further
	// in the buffer, and its gold children in the buffer (b included).
	for k := b; k < s.n; k++ {
		if g.head[k] == st {
			c[opLeft]++
		}
	}
	if h := g.head[st]; h > b {
		c[opLeft]++
	}
	// RIGHT gives b the head s and pushes it: like SHIFT, except that
	// the head s itself is not lost when it is the gold one.
	if b < s.n {
		c[opRight] = stackLinks(s, g, b)
		if g.head[b] == st {
			c[opRight]--
		} else if g.head[b] > b {
			// b's gold head lies ahead in the buffer and is now out of reach.
			c[opRight]++
		}
	}
	return c
}

// stackLinks counts the gold arcs between b and the stack that are still
// possible: b's gold head on the stack, and b's gold children on the stack
// that have no head yet.
func stackLinks(s *state, g *gold, b int) int {
	n := 0
	if h := g.head[b]; h < s.n && s.inStack[h] {
		n++
	}
	for _, k := range s.stack {
		if g.head[k] == b && s.head[k] == none {
			n++
		}
	}
	return n
}

// labelCost is 1 when the arc h->d is gold but l is not its gold label.
func labelCost(g *gold, h, d, l int) int {
	if g.head[d] == h && g.label[d] != l {
		return 1
	}
	return 0
}
