package parser

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"dateline/nlp/conllu"
	"dateline/nlp/perceptron"
)

// TrainOptions controls Train. The zero value means the defaults.
type TrainOptions struct {
	Epochs int    // passes over the data; default 15
	Seed   uint64 // shuffling and exploration; same seed, same model
	// Explore is the probability of following the model's own wrong move
	// instead of the oracle's from the second epoch on (Goldberg & Nivre's
	// error exploration); default 0.9, negative disables it.
	Explore float64
	// MinWeight drops averaged weights of smaller magnitude when the model
	// is finished, trading a little accuracy for size; default 0.
	MinWeight float32
	// MainLabels trains on the main relation types only ("nsubj" for
	// "nsubj:pass").
	MainLabels bool
	// Progress, when set, is called after every epoch with the share of
	// training moves the model got wrong (cost above the minimum).
	Progress func(epoch int, errRate float64)
	// Context, when set, stops training early when it is cancelled.
	Context context.Context
	// Beam above 1 trains a beam-search parser of that width globally
	// (see trainBeam) instead of the greedy one; the model then decodes
	// with that width. Explore is not used.
	Beam int
}

// Train trains a parser on a treebank, using the UPOS and XPOS columns as
// the tags (replace them with a tagger's predictions first to train for
// predicted tags). Non-projective trees are projectivized by lifting (see
// projectivize). Training is deterministic for a given Seed.
func Train(sents []conllu.Sentence, opt TrainOptions) (*Parser, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	rel := func(d string) string {
		if opt.MainLabels {
			d, _, _ = strings.Cut(d, ":")
		}
		return d
	}
	// Label inventory, sorted so that label ids do not depend on order.
	seen := map[string]bool{"root": true}
	for si, s := range sents {
		if len(s.Words) == 0 {
			return nil, fmt.Errorf("parser: training sentence %d (%s) has no words", si+1, s.ID)
		}
		for _, w := range s.Words {
			seen[rel(w.Deprel)] = true
		}
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	lid := map[string]int{}
	for i, l := range labels {
		lid[l] = i
	}

	exs := make([]example, 0, len(sents))
	for si, s := range sents {
		n := len(s.Words)
		ex := example{words: make([]string, n), upos: make([]string, n), xpos: make([]string, n),
			g: gold{head: make([]int, n), label: make([]int, n)}}
		for i, w := range s.Words {
			if w.ID != i+1 || w.Head < 0 || w.Head > n {
				return nil, fmt.Errorf("parser: training sentence %d (%s) word %d: bad ID %d or HEAD %d", si+1, s.ID, i+1, w.ID, w.Head)
			}
			ex.words[i], ex.upos[i], ex.xpos[i] = w.Form, w.UPOS, w.XPOS
			h := w.Head - 1
			if h < 0 {
				h = n // the root sits at the end of the buffer
			}
			ex.g.head[i] = h
			ex.g.label[i] = lid[rel(w.Deprel)]
		}
		if err := checkTree(ex.g.head); err != nil {
			return nil, fmt.Errorf("parser: training sentence %d (%s): %w", si+1, s.ID, err)
		}
		projectivize(ex.g.head)
		exs = append(exs, ex)
	}

	model := perceptron.NewSparse(2 + 2*len(labels))
	p, err := newParser(model, labels)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5EED))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	if opt.Beam > 1 {
		if opt.Beam > maxBeam {
			return nil, fmt.Errorf("parser: beam width %d, at most %d", opt.Beam, maxBeam)
		}
		return p.trainGlobal(model, exs, order, rng, opt)
	}
	w := &work{scores: make([]float32, p.nClasses())}
	costs := make([]int, p.nClasses())
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch > 1 && opt.Explore > 0
		moves, wrong := 0, 0
		for _, oi := range order {
			ex := &exs[oi]
			s := &w.st
			w.tok.set(ex.words, ex.upos, ex.xpos)
			s.reset(len(ex.words))
			for !s.terminal() {
				extract(s, &w.tok, &w.feats)
				model.Scores(w.feats[:], w.scores)
				mc := moveCosts(s, &ex.g)
				minCost := -1
				for c := range costs {
					if !p.valid(s, c) {
						costs[c] = -1
						continue
					}
					op, l := p.decode(c)
					cost := mc[op]
					switch op {
					case opLeft:
						cost += labelCost(&ex.g, s.b, s.top(), l)
					case opRight:
						cost += labelCost(&ex.g, s.top(), s.b, l)
					}
					costs[c] = cost
					if minCost < 0 || cost < minCost {
						minCost = cost
					}
				}
				pred, best := -1, -1
				for c, cost := range costs {
					if cost < 0 {
						continue
					}
					if pred < 0 || w.scores[c] > w.scores[pred] {
						pred = c
					}
					if cost == minCost && (best < 0 || w.scores[c] > w.scores[best]) {
						best = c
					}
				}
				model.Tick()
				moves++
				next := best
				if costs[pred] > minCost {
					wrong++
					model.Update(w.feats[:], best, 1)
					model.Update(w.feats[:], pred, -1)
					if explore && rng.Float64() < opt.Explore {
						next = pred
					}
				}
				s.apply(p.decode(next))
			}
		}
		if opt.Progress != nil {
			opt.Progress(epoch, float64(wrong)/float64(max(moves, 1)))
		}
	}
	return trained(model.Finish(opt.MinWeight), labels)
}

// example is one training sentence.
type example struct {
	words, upos, xpos []string
	g                 gold
}

// checkTree verifies that heads (in 0..n, n the root) form a tree: every
// word reaches the root without a cycle.
func checkTree(head []int) error {
	n := len(head)
	roots := 0
	for i, h := range head {
		if h == i {
			return fmt.Errorf("word %d is its own head", i+1)
		}
		if h == n {
			roots++
		}
		// Walk up at most n steps.
		k := i
		for steps := 0; k != n; steps++ {
			if steps > n {
				return fmt.Errorf("word %d is on a cycle of heads", i+1)
			}
			k = head[k]
		}
	}
	if roots == 0 {
		return fmt.Errorf("no word is attached to the root")
	}
	return nil
}

// projectivize makes a tree projective by lifting (Nivre & Nilsson 2005
// without the label encoding): while some arc is non-projective, the
// shortest such arc h->d is replaced by head(h)->d. The arc-eager system
// can only build projective trees and its dynamic oracle is exact only for
// them; 288 of the 12,544 EWT training sentences (2.3%) are non-projective,
// and lifting keeps them (with a few arcs moved up) instead of dropping them. The
// root is the last token, n = len(head).
func projectivize(head []int) {
	n := len(head)
	for {
		worst, wlen := -1, 0
		for d, h := range head {
			if !projectiveArc(head, h, d, n) {
				if l := abs(h - d); worst < 0 || l < wlen {
					worst, wlen = d, l
				}
			}
		}
		if worst < 0 {
			return
		}
		head[worst] = head[head[worst]]
	}
}

// projectiveArc reports whether every word strictly between h and d is
// dominated by h.
func projectiveArc(head []int, h, d, n int) bool {
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		if k == n {
			continue
		}
		a := k
		for a != h && a != n {
			a = head[a]
		}
		if a != h {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
