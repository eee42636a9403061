package parser

import (
	"context"
	"math/rand/v2"
	"slices"

	"dateline/nlp/perceptron"
)

// Beam search (Zhang & Clark 2008; Zhang & Nivre 2011): instead of taking
// the best move of one configuration, keep the k best configurations,
// scored by the sum of their moves' scores, and extend each by every
// allowed move at every step. Arc-eager with the root at the end takes
// exactly 2n moves for n words (each word is pushed once and popped once),
// so all items of a beam finish together.
//
// A beam model is trained globally (see trainBeam): the perceptron is
// updated on whole move sequences, at the prefix where the best item
// outscores the gold sequence the most (max-violation, Huang, Fayong & Guo
// 2012). Decoding with k = 1 is the greedy parser.

// copyFrom makes s an exact copy of o.
func (s *state) copyFrom(o *state) {
	n := o.n
	m := n + 1
	if cap(s.head) < m {
		s.reset(n) // allocates
	}
	s.n = n
	s.stack = append(s.stack[:0], o.stack...)
	s.b = o.b
	copy(s.inStack[:m], o.inStack[:m])
	copy(s.head[:m], o.head[:m])
	copy(s.label[:m], o.label[:m])
	copy(s.lm[:m], o.lm[:m])
	copy(s.lm2[:m], o.lm2[:m])
	copy(s.rm[:m], o.rm[:m])
	copy(s.rm2[:m], o.rm2[:m])
	copy(s.nl[:m], o.nl[:m])
	copy(s.nr[:m], o.nr[:m])
	copy(s.setL[:m], o.setL[:m])
	copy(s.setR[:m], o.setR[:m])
	copy(s.rootScore[:m], o.rootScore[:m])
}

// forced returns the move that needs no scoring in s, or -1: SHIFT on an
// empty stack, and REDUCE of an attached word once only the root is left
// in the buffer. Greedy and beam parsing, and training, all skip scoring
// these, so their scores count as 0.
func (p *Parser) forced(s *state) int {
	if len(s.stack) == 0 {
		return p.class(opShift, none)
	}
	if s.b == s.n && s.head[s.top()] != none {
		return p.class(opReduce, none)
	}
	return -1
}

// cand is a candidate of the next beam: item (index in the current beam)
// extended by class, with the total score.
type cand struct {
	item  int32
	class int32
	score float32
}

// candBefore orders candidates: higher score first, then lower item and
// lower class, so that decoding is deterministic.
func candBefore(a, b cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.item != b.item {
		return a.item < b.item
	}
	return a.class < b.class
}

// beam is the scratch space of beam search, recycled through a pool.
type beam struct {
	k         int
	margin    float32 // see Parser.margin; 0 when training
	cur, next []*state
	curScore  []float32
	nextScore []float32
	// node is each item's entry in hist, for training (back-pointers to
	// recover move sequences); nil hist when decoding.
	curNode, nextNode []int32
	hist              []histNode
	free              []*state
	uses              []int32
	cands             []cand
	scores            []float32 // k rows of nClasses
	tok               tokens
	feats             [nFeats]uint64
}

// histNode is one move in the history of a beam item.
type histNode struct {
	parent int32 // index in hist, -1 at the start
	class  int16
	// stepScore is the model's score of the move (0 for forced moves).
	stepScore float32
}

func newBeam(k, nClasses int) *beam {
	return &beam{
		k:         k,
		curScore:  make([]float32, 0, k),
		nextScore: make([]float32, 0, k),
		curNode:   make([]int32, 0, k),
		nextNode:  make([]int32, 0, k),
		uses:      make([]int32, k),
		cands:     make([]cand, 0, k+1),
		scores:    make([]float32, k*nClasses),
	}
}

func (bm *beam) getState() *state {
	if n := len(bm.free); n > 0 {
		s := bm.free[n-1]
		bm.free = bm.free[:n-1]
		return s
	}
	return &state{}
}

// start resets the beam to the initial configuration of an n-word sentence.
func (bm *beam) start(n int, track bool) {
	bm.free = append(bm.free, bm.cur...)
	bm.cur = bm.cur[:0]
	s := bm.getState()
	s.reset(n)
	bm.cur = append(bm.cur, s)
	bm.curScore = append(bm.curScore[:0], 0)
	bm.curNode = bm.curNode[:0]
	bm.hist = bm.hist[:0]
	if track {
		bm.curNode = append(bm.curNode, -1)
	}
}

// offer adds c to the candidates if it is among the k best so far.
func (bm *beam) offer(c cand) {
	cs := bm.cands
	if len(cs) == bm.k && !candBefore(c, cs[len(cs)-1]) {
		return
	}
	if len(cs) < bm.k {
		cs = append(cs, c)
	} else {
		cs[len(cs)-1] = c
	}
	for i := len(cs) - 1; i > 0 && candBefore(cs[i], cs[i-1]); i-- {
		cs[i], cs[i-1] = cs[i-1], cs[i]
	}
	bm.cands = cs
}

// step extends every item of the beam by its allowed moves, scored with m,
// and keeps the k best. It reports false when no item can move (every
// item is terminal).
func (p *Parser) step(bm *beam, m scorer) bool {
	nc := p.nClasses()
	nl := len(p.labels)
	bm.cands = bm.cands[:0]
	for i, s := range bm.cur {
		if s.terminal() {
			continue
		}
		base := bm.curScore[i]
		if c := p.forced(s); c >= 0 {
			bm.offer(cand{int32(i), int32(c), base})
			continue
		}
		sc := bm.scores[i*nc : (i+1)*nc]
		extract(s, &bm.tok, &bm.feats)
		m.Scores(bm.feats[:], sc)
		if s.canDo(opShift) {
			bm.offer(cand{int32(i), 0, base + sc[0]})
		}
		if s.canDo(opReduce) {
			bm.offer(cand{int32(i), 1, base + sc[1]})
		}
		if s.canDo(opLeft) {
			if s.b == s.n {
				c := 2 + p.root
				bm.offer(cand{int32(i), int32(c), base + sc[c]})
			} else {
				for l := 0; l < nl; l++ {
					if l != p.root {
						bm.offer(cand{int32(i), int32(2 + l), base + sc[2+l]})
					}
				}
			}
		}
		if s.canDo(opRight) {
			for l := 0; l < nl; l++ {
				if l != p.root {
					bm.offer(cand{int32(i), int32(2 + nl + l), base + sc[2+nl+l]})
				}
			}
		}
	}
	if len(bm.cands) == 0 {
		return false
	}
	if bm.margin > 0 {
		// Drop candidates too far behind the best: where the model is sure,
		// the beam narrows to one item and costs what greedy parsing does.
		cut := bm.cands[0].score - bm.margin
		for len(bm.cands) > 1 && bm.cands[len(bm.cands)-1].score < cut {
			bm.cands = bm.cands[:len(bm.cands)-1]
		}
	}
	// Build the next beam. An item's last use takes over its state; the
	// others copy it first.
	for i := range bm.cur {
		bm.uses[i] = 0
	}
	for _, c := range bm.cands {
		bm.uses[c.item]++
	}
	track := len(bm.curNode) > 0
	bm.next = bm.next[:0]
	bm.nextScore = bm.nextScore[:0]
	bm.nextNode = bm.nextNode[:0]
	for _, c := range bm.cands {
		par := bm.cur[c.item]
		var s *state
		if bm.uses[c.item]--; bm.uses[c.item] == 0 {
			s = par
			bm.cur[c.item] = nil
		} else {
			s = bm.getState()
			s.copyFrom(par)
		}
		op, l := p.decode(int(c.class))
		stepScore := c.score - bm.curScore[c.item]
		if op == opLeft && s.b == s.n {
			s.rootScore[s.top()] = stepScore
		}
		s.apply(op, l)
		bm.next = append(bm.next, s)
		bm.nextScore = append(bm.nextScore, c.score)
		if track {
			bm.hist = append(bm.hist, histNode{parent: bm.curNode[c.item], class: int16(c.class), stepScore: stepScore})
			bm.nextNode = append(bm.nextNode, int32(len(bm.hist)-1))
		}
	}
	for _, s := range bm.cur {
		if s != nil {
			bm.free = append(bm.free, s)
		}
	}
	bm.cur, bm.next = bm.next, bm.cur[:0]
	bm.curScore, bm.nextScore = bm.nextScore, bm.curScore
	bm.curNode, bm.nextNode = bm.nextNode, bm.curNode
	return true
}

// getBeam returns beam scratch space of width k from the pool.
func (p *Parser) getBeam(k int) *beam {
	if bm, ok := p.beamPool.Get().(*beam); ok && bm.k == k {
		return bm
	}
	bm := newBeam(k, p.nClasses())
	bm.margin = p.margin
	return bm
}

// parseBeam runs beam search of width k over the sentence set in bm.tok
// and returns the best final configuration (owned by bm).
func (p *Parser) parseBeam(bm *beam, n int) *state {
	bm.start(n, false)
	for p.step(bm, p.model) {
	}
	return bm.cur[0]
}

// oracleSequence returns the move classes that build the gold tree g of an
// n-word sentence: at every step the first zero-cost move in the order
// LEFT, RIGHT, REDUCE, SHIFT (words are reduced as soon as they are
// complete), with the gold label. It returns nil when g cannot be built
// (a tree that is not projective, or a label the transitions cannot give).
func (p *Parser) oracleSequence(n int, g *gold) []int16 {
	s := &state{}
	s.reset(n)
	seq := make([]int16, 0, 2*n)
	for !s.terminal() {
		c := moveCosts(s, g)
		cl := -1
		for _, op := range []int{opLeft, opRight, opReduce, opShift} {
			if !s.canDo(op) || c[op] != 0 {
				continue
			}
			l := none
			switch op {
			case opLeft:
				l = g.label[s.top()]
				if s.b == s.n {
					l = p.root
				}
			case opRight:
				l = g.label[s.b]
			}
			if k := p.class(op, l); p.valid(s, k) {
				cl = k
				break
			}
		}
		if cl < 0 || len(seq) >= 2*n {
			return nil
		}
		seq = append(seq, int16(cl))
		s.apply(p.decode(cl))
	}
	for i := 0; i < n; i++ {
		if s.head[i] != g.head[i] {
			return nil
		}
	}
	return seq
}

// updater is what global training needs from the perceptron.
type updater interface {
	scorer
	Tick()
	Update(feats []uint64, c int, delta float32)
}

// trainGlobal trains p's model with beam search of width opt.Beam over
// whole sentences. For each sentence the beam is run to the end alongside
// the gold move sequence (scored with the same weights); if the best final
// item is not the gold one, the perceptron is updated at the step where the
// best item leads the gold prefix by the most (max-violation): the gold
// prefix's move features are rewarded and the best item's penalised, from
// their first difference on.
func (p *Parser) trainGlobal(model interface {
	updater
	Finish(minWeight float32) *perceptron.Model
}, exs []example, order []int, rng *rand.Rand, opt TrainOptions) (*Parser, error) {
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	k := opt.Beam
	seqs := make([][]int16, len(exs))
	skipped := 0
	for i := range exs {
		seqs[i] = p.oracleSequence(len(exs[i].words), &exs[i].g)
		if seqs[i] == nil {
			skipped++
		}
	}
	bm := newBeam(k, p.nClasses())
	gw := &work{scores: make([]float32, p.nClasses())}
	var predSeq []int16
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		sentences, wrong := 0, 0
		for _, oi := range order {
			seq := seqs[oi]
			if seq == nil {
				continue
			}
			ex := &exs[oi]
			sentences++
			if p.trainSentence(model, bm, gw, ex, seq, &predSeq) {
				wrong++
			}
		}
		if opt.Progress != nil {
			opt.Progress(epoch, float64(wrong)/float64(max(sentences, 1)))
		}
	}
	q, err := trained(model.Finish(opt.MinWeight), p.labels)
	if err != nil {
		return nil, err
	}
	q.beam = k
	return q, nil
}

// trainSentence runs one global training step on ex and reports whether
// the model was updated.
func (p *Parser) trainSentence(model updater, bm *beam, gw *work, ex *example, seq []int16, predSeq *[]int16) bool {
	n := len(ex.words)
	nc := p.nClasses()
	bm.tok.set(ex.words, ex.upos, ex.xpos)
	bm.start(n, true)
	gs := &gw.st
	gs.reset(n)
	var goldScore float32
	goldIn, goldItem, goldNode := true, 0, int32(-1)
	maxV, tStar, bestNode := float32(-1), -1, int32(-1)
	for t, gc := range seq {
		forced := p.forced(gs) >= 0
		if !goldIn && !forced {
			extract(gs, &bm.tok, &gw.feats)
			model.Scores(gw.feats[:], gw.scores)
			goldScore += gw.scores[gc]
		}
		if !p.step(bm, model) {
			break
		}
		if goldIn {
			if !forced {
				goldScore += bm.scores[goldItem*nc+int(gc)]
			}
			goldIn = false
			for j, node := range bm.curNode {
				if h := bm.hist[node]; h.parent == goldNode && h.class == gc {
					goldIn, goldItem, goldNode = true, j, node
					break
				}
			}
		}
		gs.apply(p.decode(int(gc)))
		if goldIn && goldItem == 0 {
			continue // the gold prefix is the best item: no violation
		}
		if v := bm.curScore[0] - goldScore; v >= 0 && v > maxV {
			maxV, tStar, bestNode = v, t, bm.curNode[0]
		}
	}
	model.Tick()
	if goldIn && goldItem == 0 || tStar < 0 {
		return false
	}
	// The best item's moves up to tStar.
	pred := (*predSeq)[:0]
	for node := bestNode; node >= 0; node = bm.hist[node].parent {
		pred = append(pred, bm.hist[node].class)
	}
	slices.Reverse(pred)
	*predSeq = pred
	gold := seq[:tStar+1]
	d := 0
	for d < len(gold) && gold[d] == pred[d] {
		d++
	}
	p.replayUpdate(model, gw, &bm.tok, n, gold, d, 1)
	p.replayUpdate(model, gw, &bm.tok, n, pred, d, -1)
	return true
}

// replayUpdate replays the moves seq from the start of an n-word sentence
// and adds delta to the weights of every scored move from step from on.
func (p *Parser) replayUpdate(model updater, w *work, tok *tokens, n int, seq []int16, from int, delta float32) {
	s := &w.st
	s.reset(n)
	for t, c := range seq {
		if t >= from && p.forced(s) < 0 {
			extract(s, tok, &w.feats)
			model.Update(w.feats[:], int(c), delta)
		}
		s.apply(p.decode(int(c)))
	}
}
