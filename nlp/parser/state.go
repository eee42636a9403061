package parser

// This file holds the arc-eager transition system (Nivre 2003) with the
// root token at the END of the buffer (Ballesteros & Nivre 2013): words
// are 0..n-1, the artificial root is n, and a word becomes a root of the
// sentence by a LEFT-ARC from n. Putting the root last means the parser
// commits to root attachments only once it has seen the whole sentence.
//
// Transitions, with s the top of the stack and b the front of the buffer:
//
//	SHIFT     push b                           (b is a word)
//	REDUCE    pop s                            (s already has a head)
//	LEFT(l)   s <-l- b, pop s                  (s has no head yet)
//	RIGHT(l)  s -l-> b, push b                 (b is a word)
//
// The buffer is always the contiguous range b..n, so it is kept as one
// index. Everything the feature templates need (valency, left/right-most
// children, label sets) is maintained incrementally in flat slices that
// are allocated once per sentence and reused, so a transition allocates
// nothing.

const (
	opShift = iota
	opReduce
	opLeft
	opRight
)

// none marks a missing token, head or child in the state slices.
const none = -1

// state is one parser configuration.
type state struct {
	n       int // number of words; the root is token n
	stack   []int
	b       int // front of the buffer; the buffer is b..n
	inStack []bool
	head    []int // assigned head, none if not yet
	label   []int // assigned label id, none if not yet
	lm, lm2 []int // leftmost and second leftmost child
	rm, rm2 []int // rightmost and second rightmost child
	nl, nr  []int32
	setL    [][2]uint64 // label sets of left and right children
	setR    [][2]uint64
	// rootScore remembers the score of the LEFT-root transition that
	// attached each word to the root, to choose among several roots.
	rootScore []float32
}

// reset prepares s for a sentence of n words, growing its slices if needed.
func (s *state) reset(n int) {
	s.n = n
	m := n + 1
	if cap(s.head) < m {
		c := max(m, 64)
		s.stack = make([]int, 0, c)
		s.inStack = make([]bool, c)
		s.head = make([]int, c)
		s.label = make([]int, c)
		s.lm, s.lm2 = make([]int, c), make([]int, c)
		s.rm, s.rm2 = make([]int, c), make([]int, c)
		s.nl, s.nr = make([]int32, c), make([]int32, c)
		s.setL, s.setR = make([][2]uint64, c), make([][2]uint64, c)
		s.rootScore = make([]float32, c)
	}
	s.stack = s.stack[:0]
	s.b = 0
	for i := 0; i < m; i++ {
		s.inStack[i] = false
		s.head[i], s.label[i] = none, none
		s.lm[i], s.lm2[i], s.rm[i], s.rm2[i] = none, none, none, none
		s.nl[i], s.nr[i] = 0, 0
		s.setL[i], s.setR[i] = [2]uint64{}, [2]uint64{}
	}
}

func (s *state) terminal() bool { return s.b == s.n && len(s.stack) == 0 }

// top returns the top of the stack or none.
func (s *state) top() int {
	if len(s.stack) == 0 {
		return none
	}
	return s.stack[len(s.stack)-1]
}

// canDo reports whether the move op is allowed. Labels are checked by
// the caller: LEFT from the root must use the root label and nothing else
// may.
func (s *state) canDo(op int) bool {
	switch op {
	case opShift:
		return s.b < s.n
	case opReduce:
		return len(s.stack) > 0 && s.head[s.top()] != none
	case opLeft:
		return len(s.stack) > 0 && s.head[s.top()] == none
	case opRight:
		return len(s.stack) > 0 && s.b < s.n
	}
	return false
}

func (s *state) push(i int) {
	s.stack = append(s.stack, i)
	s.inStack[i] = true
}

func (s *state) pop() int {
	i := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.inStack[i] = false
	return i
}

// apply performs op with label l (ignored for SHIFT and REDUCE). The move
// must be allowed.
func (s *state) apply(op, l int) {
	switch op {
	case opShift:
		s.push(s.b)
		s.b++
	case opReduce:
		s.pop()
	case opLeft:
		d := s.pop()
		s.addArc(s.b, d, l)
	case opRight:
		s.addArc(s.top(), s.b, l)
		s.push(s.b)
		s.b++
	}
}

func (s *state) addArc(h, d, l int) {
	s.head[d], s.label[d] = h, l
	if d < h {
		s.nl[h]++
		s.setL[h][l>>6] |= 1 << (uint(l) & 63)
		switch {
		case s.lm[h] == none || d < s.lm[h]:
			s.lm2[h], s.lm[h] = s.lm[h], d
		case s.lm2[h] == none || d < s.lm2[h]:
			s.lm2[h] = d
		}
	} else {
		s.nr[h]++
		s.setR[h][l>>6] |= 1 << (uint(l) & 63)
		switch {
		case s.rm[h] == none || d > s.rm[h]:
			s.rm2[h], s.rm[h] = s.rm[h], d
		case s.rm2[h] == none || d > s.rm2[h]:
			s.rm2[h] = d
		}
	}
}
