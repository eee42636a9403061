package ner

// The tagger works internally with BILOU tags (Begin, Inside, Last, Unit,
// Outside): Ratinov & Roth (2009) found them better than IOB2 for greedy
// tagging because the model must decide where an entity ends, so L/U
// decisions carry information the next token can use. Public results are
// converted back to IOB2.

// Types are the entity types, in class order.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// class numbering: 0 = O, then for type t (0..3): 1+4t+{B,I,L,U}.
const (
	partB = iota
	partI
	partL
	partU
)

// nTypes is len(Types); nClasses counts O plus B, I, L, U of each type.
const (
	nTypes   = 4
	nClasses = 1 + 4*nTypes
)

func classOf(typ, part int) int { return 1 + 4*typ + part }

// classType returns the type index of class c, or -1 for O.
func classType(c int) int {
	if c == 0 {
		return -1
	}
	return (c - 1) / 4
}

// classPart returns the BILOU part of class c (meaningless for O).
func classPart(c int) int { return (c - 1) % 4 }

// className is the printable name used in features ("O", "B-PER"...).
var className = func() []string {
	names := []string{"O"}
	for _, t := range Types {
		for _, p := range "BILU" {
			names = append(names, string(p)+"-"+t)
		}
	}
	return names
}()

func typeIndex(t string) int {
	for i, x := range Types {
		if x == t {
			return i
		}
	}
	return -1
}

// allowedAfter[p] lists the classes that may follow class p in a valid
// BILOU sequence; index nClasses stands for "sentence start".
var allowedAfter = func() [][]bool {
	a := make([][]bool, nClasses+1)
	for p := 0; p <= nClasses; p++ {
		a[p] = make([]bool, nClasses)
		open := p < nClasses && p != 0 && (classPart(p) == partB || classPart(p) == partI)
		for c := 0; c < nClasses; c++ {
			if open {
				// inside an entity: only continue or close the same type
				a[p][c] = c != 0 && classType(c) == classType(p) &&
					(classPart(c) == partI || classPart(c) == partL)
			} else {
				a[p][c] = c == 0 || classPart(c) == partB || classPart(c) == partU
			}
		}
	}
	return a
}()

// toBILOU converts IOB2 tags to BILOU classes. Unknown types become O so
// that a gold file with an extra type cannot crash training.
func toBILOU(tags []string) []int {
	out := make([]int, len(tags))
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			continue
		}
		typ := typeIndex(t[2:])
		if typ < 0 {
			continue
		}
		begins := t[0] == 'B'
		ends := i+1 >= len(tags) || tags[i+1] != "I-"+t[2:]
		switch {
		case begins && ends:
			out[i] = classOf(typ, partU)
		case begins:
			out[i] = classOf(typ, partB)
		case ends:
			out[i] = classOf(typ, partL)
		default:
			out[i] = classOf(typ, partI)
		}
	}
	return out
}

// toIOB2 converts BILOU classes to IOB2 tags. It is total: an entity the
// greedy decoder left open at the end of a sentence still yields valid
// IOB2, and an I/L after a different type is read as a new entity.
func toIOB2(classes []int) []string {
	out := make([]string, len(classes))
	prev := 0
	for i, c := range classes {
		if c == 0 {
			out[i] = "O"
			prev = c
			continue
		}
		t := Types[classType(c)]
		cont := prev != 0 && classType(prev) == classType(c) &&
			(classPart(prev) == partB || classPart(prev) == partI) &&
			(classPart(c) == partI || classPart(c) == partL)
		if cont {
			out[i] = "I-" + t
		} else {
			out[i] = "B-" + t
		}
		prev = c
	}
	return out
}

// allowedInside[p] is allowedAfter[p] without the classes that open an
// entity (B and U): what may follow p on a token that cannot begin one.
var allowedInside = func() [][]bool {
	a := make([][]bool, nClasses+1)
	for p := range a {
		a[p] = append([]bool(nil), allowedAfter[p]...)
		for c := 1; c < nClasses; c++ {
			if classPart(c) == partB || classPart(c) == partU {
				a[p][c] = false
			}
		}
	}
	return a
}()
