package tagger

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"dateline/nlp/conllu"
	"dateline/nlp/perceptron"
)

// TrainOptions control Train. The zero value gives the defaults noted.
type TrainOptions struct {
	Epochs int    // passes over the data per model; default 7
	Seed   uint64 // shuffling seed; the same seed gives the same model
	// TwoPass adds a second tagging pass that sees the first pass's tags
	// on the right. Its training data is tagged by first-pass models
	// trained on the other Folds of the data (default 4), which makes
	// training about Folds+2 times slower.
	TwoPass bool
	Folds   int
	// Clusters is the number of distributional word clusters learned from
	// the training words (0: no cluster features).
	Clusters int
	// Unlabeled is extra text for learning clusters, as lower-cased word
	// sequences (see SplitUnlabeled); it gives clusters to words the
	// treebank never saw.
	Unlabeled [][]string
	// NoAmbiguity turns off ambiguity-class features: for each word seen
	// at least AmbMinCount times (default 3), the set of UPOS tags it had
	// at least AmbMinRatio of the time (default 0.05), for the word and
	// its neighbours. They tell the first pass what the next words can be.
	NoAmbiguity bool
	AmbMinCount int
	AmbMinRatio float64
	// Lexicon turns on the lexicon features: how often each word is
	// written with a capital inside sentences of the treebank and of
	// Extra, and which coarse Penn tags it has in Extra, for the word and
	// its right neighbour (what tells "Housing Authority" from "housing").
	// Trained on EWT alone they cost 0.07 UPOS points on its dev set, so
	// they are off by default.
	Lexicon bool
	// Extra is tagged text beyond the treebank for the lexicon features,
	// such as CoNLL-2003's training part (see ReadCoNLL2003).
	Extra [][]ExtraWord
	// RareDrop is the probability that, in each training epoch, a word
	// seen at most RareCount times (default 1) in the treebank is trained
	// without its word-identity features (form, lower-cased form, word
	// pairs), as if it were unknown; the model then learns to tag unknown
	// words from their spelling and context. 0 turns it off.
	RareDrop  float64
	RareCount int
	// A word seen at least DictMinCount times (default 20) with one class
	// at least DictMinRatio of the time (default 0.97) is tagged from the
	// dictionary without scoring.
	DictMinCount int
	DictMinRatio float64
	// MinWeight prunes averaged weights whose magnitude is below it
	// (default 0.5), which shrinks the model and speeds up tagging. On
	// EWT, 0.5 costs no accuracy and trims the model by a tenth; 1.0
	// shrinks it to a third of that for 0.15 points of UPOS accuracy.
	MinWeight float32
	// Seeds is how many perceptrons (default 3) each pass trains on
	// differently shuffled data, averaging their weights: the order of
	// the training sentences then matters less. Training is Seeds times
	// slower; tagging speed does not change. On EWT dev three seeds of 7
	// epochs beat one of 10 by about 0.1 UPOS points with a smaller model.
	Seeds int
	// NoLookahead turns off the lookahead features: the classes the next
	// two words get from their static features alone (see gLook). On EWT
	// dev they add about 0.1 UPOS points for about a tenth of the tagging
	// time.
	NoLookahead bool
	// Log, if not nil, receives one progress line per epoch.
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 7
	}
	if o.Folds < 2 {
		o.Folds = 4
	}
	if o.DictMinCount <= 0 {
		o.DictMinCount = 20
	}
	if o.DictMinRatio <= 0 {
		o.DictMinRatio = 0.97
	}
	if o.AmbMinCount <= 0 {
		o.AmbMinCount = 3
	}
	if o.AmbMinRatio <= 0 {
		o.AmbMinRatio = 0.05
	}
	if o.Seeds <= 0 {
		o.Seeds = 3
	}
	if o.RareCount <= 0 {
		o.RareCount = 1
	}
	if o.MinWeight <= 0 {
		o.MinWeight = 0.5
	}
}

// instance is one training sentence with its precomputed features.
type instance struct {
	words  []string
	gold   []int
	ws     []wordInfo
	static []uint64
	rare   []bool // words seen at most RareCount times
}

// Train learns a tagger and lemmatizer from treebank sentences (their
// FORM, LEMMA, UPOS and XPOS columns). Training is deterministic: the same
// sentences and options give the same model and Digest.
func Train(sents []conllu.Sentence, opt TrainOptions) (*Tagger, error) {
	opt.defaults()
	if len(sents) == 0 {
		return nil, errors.New("tagger: no training sentences")
	}
	classOf := map[[2]string]int{}
	counts := map[[2]string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.UPOS == "" || w.UPOS == "_" || w.XPOS == "" || w.XPOS == "_" {
				return nil, fmt.Errorf("tagger: sentence %q word %d %q has no UPOS or XPOS tag", s.ID, w.ID, w.Form)
			}
			counts[[2]string{w.UPOS, w.XPOS}]++
		}
	}
	var classes [][2]string
	for c := range counts {
		classes = append(classes, c)
	}
	sort.Slice(classes, func(a, b int) bool {
		ca, cb := counts[classes[a]], counts[classes[b]]
		if ca != cb {
			return ca > cb
		}
		return className(classes[a][0], classes[a][1]) < className(classes[b][0], classes[b][1])
	})
	if len(classes) > 1<<16 {
		return nil, fmt.Errorf("tagger: %d UPOS+XPOS classes, at most 65536 supported", len(classes))
	}
	for i, c := range classes {
		classOf[c] = i
	}

	lem, err := learnLemmatizer(sents)
	if err != nil {
		return nil, err
	}
	m := meta{Version: formatVersion, Features: featureSet, Classes: classes, Lemma: lem,
		Dict: buildDict(sents, classOf, opt.DictMinCount, opt.DictMinRatio)}
	if !opt.NoLookahead {
		m.Groups |= gLook
	}
	if !opt.NoAmbiguity {
		m.Amb = buildAmbiguity(sents, opt.AmbMinCount, opt.AmbMinRatio)
	}
	if opt.Lexicon {
		m.Lexicon = buildLexicon(sents, opt.Extra)
	}
	if opt.Clusters > 0 {
		m.Clusters = learnClusters(append(lowerWords(sents), opt.Unlabeled...), opt.Clusters, opt.Seed)
	}
	t, err := fromMeta(m)
	if err != nil {
		return nil, err
	}

	freq := map[string]int{}
	for _, sent := range sents {
		for _, w := range sent.Words {
			freq[strings.ToLower(w.Form)]++
		}
	}
	s := t.getScratch()
	insts := make([]instance, len(sents))
	for i, sent := range sents {
		in := &insts[i]
		for _, w := range sent.Words {
			in.words = append(in.words, w.Form)
			in.gold = append(in.gold, classOf[[2]string{w.UPOS, w.XPOS}])
			in.rare = append(in.rare, freq[strings.ToLower(w.Form)] <= opt.RareCount)
		}
		t.prepare(s, in.words)
		in.ws = append([]wordInfo(nil), s.ws...)
		in.static = append([]uint64(nil), s.static...)
	}

	all := make([]int, len(insts))
	for i := range all {
		all[i] = i
	}
	start := time.Now()
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "[%5.1fs] ", time.Since(start).Seconds())
			fmt.Fprintf(opt.Log, format, args...)
		}
	}
	logf("%d classes, %d dictionary words, %d ambiguity classes, %d lexicon rows, %d clustered words\n",
		len(m.Classes), len(m.Dict), len(m.Amb), len(m.Lexicon), len(m.Clusters))
	pass1, err := t.trainPass(insts, all, nil, opt, opt.Seed, "pass 1", logf)
	if err != nil {
		return nil, err
	}
	var pass2 *perceptron.Model
	if opt.TwoPass {
		right := make([][]int, len(insts))
		for f := 0; f < opt.Folds; f++ {
			var train, held []int
			for i := range insts {
				if i%opt.Folds == f {
					held = append(held, i)
				} else {
					train = append(train, i)
				}
			}
			fm, err := t.trainPass(insts, train, nil, opt, opt.Seed+uint64(f)+1, fmt.Sprintf("fold %d/%d", f+1, opt.Folds), logf)
			if err != nil {
				return nil, err
			}
			ff := fm.Flat()
			for _, i := range held {
				s.ws, s.static = insts[i].ws, insts[i].static
				t.staticScores(s, insts[i].words, ff)
				right[i] = append([]int(nil), t.decode(s, insts[i].words, ff, 0, ff.NClasses, nil, nil)...)
			}
		}
		if pass2, err = t.trainPass(insts, all, right, opt, opt.Seed+1000, "pass 2", logf); err != nil {
			return nil, err
		}
	}
	if err := t.setModels(pass1, pass2); err != nil {
		return nil, err
	}
	return t, nil
}

// trainPass trains the perceptron of one pass over the sentences idx of
// insts: the average of opt.Seeds perceptrons trained on differently
// shuffled data (see trainOne), pruned of weights below opt.MinWeight.
func (t *Tagger) trainPass(insts []instance, idx []int, right [][]int, opt TrainOptions, seed uint64, name string, logf func(string, ...any)) (*perceptron.Model, error) {
	if opt.Seeds <= 1 {
		m := t.trainOne(insts, idx, right, opt, seed, name, logf)
		m.Finish(opt.MinWeight)
		logf("%s: %d features kept\n", name, m.Features())
		return m, nil
	}
	var ms []*perceptron.Model
	for k := 0; k < opt.Seeds; k++ {
		m := t.trainOne(insts, idx, right, opt, seed+uint64(k)*7919, fmt.Sprintf("%s seed %d/%d", name, k+1, opt.Seeds), logf)
		m.Finish(0)
		ms = append(ms, m)
	}
	avg, err := perceptron.Average(ms...)
	if err != nil {
		return nil, fmt.Errorf("tagger: %s: %w", name, err)
	}
	avg = avg.Prune(opt.MinWeight)
	logf("%s: %d features kept\n", name, avg.Features())
	return avg, nil
}

// trainOne trains one perceptron over the sentences idx of insts, greedy
// left to right, conditioning on its own predicted tags as it will at
// tagging time. right holds first-pass tags for a second pass. The model
// is returned unfinished.
func (t *Tagger) trainOne(insts []instance, idx []int, right [][]int, opt TrainOptions, seed uint64, name string, logf func(string, ...any)) *perceptron.Model {
	m := perceptron.New(len(t.upos))
	order := append([]int(nil), idx...)
	rng := rand.New(rand.NewPCG(seed, 0x746167676572))
	s := &scratch{scores: make([]float32, len(t.upos))}
	var out []int
	for e := 0; e < opt.Epochs; e++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		correct, total := 0, 0
		for _, j := range order {
			in := &insts[j]
			s.ws, s.static = in.ws, in.static
			var r []int
			if right != nil {
				r = right[j]
			}
			out = out[:0]
			if t.feats.groups&gLook != 0 {
				// The lookahead classes under the current weights, as
				// staticScores computes them when tagging.
				k := t.nStatic()
				s.look = s.look[:0]
				for i, w := range in.words {
					if c, ok := t.dict[w]; ok {
						s.look = append(s.look, int(c))
						continue
					}
					m.Scores(in.static[i*k:(i+1)*k], s.scores)
					s.look = append(s.look, perceptron.Best(s.scores, nil))
				}
			}
			for i, w := range in.words {
				total++
				if c, ok := t.dict[w]; ok {
					out = append(out, int(c))
					if int(c) == in.gold[i] {
						correct++
					}
					continue
				}
				if in.rare[i] && opt.RareDrop > 0 && rng.Float64() < opt.RareDrop {
					s.feats = t.unknownFeatures(s.feats[:0], s, i, out, r)
				} else {
					s.feats = t.features(s.feats[:0], s, i, out, r)
				}
				m.Scores(s.feats, s.scores)
				guess := perceptron.Best(s.scores, nil)
				m.Train(s.feats, in.gold[i], guess)
				if guess == in.gold[i] {
					correct++
				}
				out = append(out, guess)
			}
		}
		logf("%s epoch %d/%d: training accuracy %.4f\n", name, e+1, opt.Epochs, float64(correct)/float64(max(total, 1)))
	}
	return m
}

// unknownFeatures is features without word i's identity features: what
// the model would see if the word had never been in training.
func (t *Tagger) unknownFeatures(dst []uint64, s *scratch, i int, left, right []int) []uint64 {
	k := t.nStatic()
	static := s.static[i*k : (i+1)*k]
	next := 0
	for j, f := range static {
		if next < len(identityStatic) && j == identityStatic[next] {
			next++
			continue
		}
		dst = append(dst, f)
	}
	n := len(dst)
	dst = t.tagFeatures(dst, s, i, left, right)
	return append(dst[:n+identityTag], dst[n+identityTag+1:]...)
}

// buildDict lists the words frequent and unambiguous enough to be tagged
// without scoring, sorted by word.
func buildDict(sents []conllu.Sentence, classOf map[[2]string]int, minCount int, minRatio float64) []dictEntry {
	per := map[string]map[int]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if per[w.Form] == nil {
				per[w.Form] = map[int]int{}
			}
			per[w.Form][classOf[[2]string{w.UPOS, w.XPOS}]]++
		}
	}
	var out []dictEntry
	for word, cs := range per {
		total, best, bestN := 0, -1, 0
		for c, n := range cs {
			total += n
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if total >= minCount && float64(bestN) >= minRatio*float64(total) {
			out = append(out, dictEntry{word, int32(best)})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Word < out[b].Word })
	return out
}

// ambTags numbers the UPOS tags for ambiguity classes (the 17 tags of
// Universal Dependencies v2); other tags share the last bit.
var ambTags = []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
	"PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// buildAmbiguity lists each lower-cased word seen at least minCount times
// with its ambiguity class, sorted by word.
func buildAmbiguity(sents []conllu.Sentence, minCount int, minRatio float64) []ambEntry {
	bit := map[string]int{}
	for i, t := range ambTags {
		bit[t] = i
	}
	other := len(ambTags)
	per := map[string]*[18]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			l := strings.ToLower(w.Form)
			c := per[l]
			if c == nil {
				c = new([18]int)
				per[l] = c
			}
			b, ok := bit[w.UPOS]
			if !ok {
				b = other
			}
			c[b]++
		}
	}
	var out []ambEntry
	for word, c := range per {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < minCount {
			continue
		}
		var mask uint32
		for b, n := range c {
			if n > 0 && float64(n) >= minRatio*float64(total) {
				mask |= 1 << b
			}
		}
		out = append(out, ambEntry{word, mask})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Word < out[b].Word })
	return out
}
