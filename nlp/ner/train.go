package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"dateline/nlp/perceptron"
)

// TrainOptions control Train. The zero value trains a one-pass model
// without clusters for DefaultEpochs epochs with seed 0.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means DefaultEpochs
	Seed   uint64 // shuffles the document order of each epoch

	// Seeds > 1 trains every model that many times, with seeds Seed,
	// Seed+1, ..., and averages the weights, which lowers the variance
	// due to the order of the training documents.
	Seeds int

	// Folds > 1 trains the document-level second pass. Its training
	// input must be first-pass labels as noisy as at test time, so the
	// first pass is also trained Folds times on all documents but one
	// fold and tags the held-out fold (jackknifing).
	Folds int

	// Clusters, when set, are used as they are; otherwise, when
	// ClusterOptions.Sizes[0] > 0, clusters are computed from the
	// training words plus ClusterText (unlabelled tokenised sentences).
	Clusters       map[string][clusterLevels]uint16
	ClusterText    [][]string
	ClusterOptions ClusterOptions

	// Known names from the knowledge base (places, organisations,
	// people, demonyms) become gazetteer features of their own, which
	// the model learns to trust as far as they deserve.
	Known []Known

	// WordDropout is the probability that a training token's word
	// identity (its word and lower-case word features) is replaced by
	// an unknown-word marker for one update, so the model also learns
	// to judge words from their shape, affixes and context as it must
	// for the names it never saw. 0 disables it.
	WordDropout float64

	// MinWeight drops averaged weights of smaller magnitude, which
	// shrinks the model; 0 keeps every non-zero weight.
	MinWeight float32

	// Log, when set, receives progress lines.
	Log io.Writer
}

// DefaultEpochs is the number of training epochs when none is given.
const DefaultEpochs = 10

// trainDoc is one training document, prepared.
type trainDoc struct {
	d    *docFeats
	gold []int
}

// Train learns a recogniser from documents with IOB2 tags (as returned by
// ReadCoNLL). The result depends only on the documents and options.
func Train(docs []Document, opt TrainOptions) (*Recognizer, error) {
	if len(docs) == 0 {
		return nil, errors.New("ner: no training documents")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = DefaultEpochs
	}
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	start := time.Now()
	lx := newLexicon()
	switch {
	case opt.Clusters != nil:
		lx.setClusters(opt.Clusters)
	case opt.ClusterOptions.Sizes[0] > 0:
		var text [][]string
		for _, d := range docs {
			for _, s := range d.Sentences {
				text = append(text, s.Words)
			}
		}
		text = append(text, opt.ClusterText...)
		lx.setClusters(BuildClusters(text, opt.ClusterOptions))
		logf("clusters: %d words from %d sentences (%s)", len(lx.clusters), len(text), time.Since(start).Round(time.Second))
	}

	// Gazetteer from the training entities, counted once per document;
	// each document remembers its own contribution to leave it out.
	excludes := make([]map[uint64][nTypes]uint16, len(docs))
	for di, doc := range docs {
		ex := map[uint64][nTypes]uint16{}
		seen := map[string]bool{}
		for si, s := range doc.Sentences {
			if len(s.Tags) != len(s.Words) {
				return nil, fmt.Errorf("ner: document %d sentence %d: %d words but %d tags", di+1, si+1, len(s.Words), len(s.Tags))
			}
			for _, sp := range spans(s.Tags) {
				if sp.end-sp.start > maxGazLen {
					continue
				}
				words := s.Words[sp.start:sp.end]
				key := strings.ToLower(strings.Join(words, " ")) + "\x00" + sp.typ
				if seen[key] {
					continue
				}
				seen[key] = true
				t := typeIndex(sp.typ)
				if t < 0 {
					continue
				}
				k := seqKey(words)
				lx.entry(k).docs[t]++
				c := ex[k]
				c[t]++
				ex[k] = c
			}
		}
		excludes[di] = ex
	}
	if len(opt.Known) > 0 {
		logf("knowledge base: %d typed names", lx.addKnown(opt.Known))
	}
	logf("gazetteer: %d token sequences (training entities, hand lists, knowledge base)", len(lx.gaz))

	tds := make([]trainDoc, len(docs))
	for di, doc := range docs {
		sents := make([][]string, len(doc.Sentences))
		var gold []int
		for si, s := range doc.Sentences {
			sents[si] = s.Words
			gold = append(gold, toBILOU(s.Tags)...)
		}
		tds[di] = trainDoc{d: lx.prepare(sents, excludes[di]), gold: gold}
	}
	logf("features ready (%s)", time.Since(start).Round(time.Second))

	all := make([]int, len(tds))
	for i := range all {
		all[i] = i
	}
	r := &Recognizer{lex: lx}
	if opt.Folds < 2 {
		r.pass1 = trainModel(tds, all, nil, opt)
		logf("pass 1: %d features (%s)", r.pass1.Features(), time.Since(start).Round(time.Second))
		r.compile()
		return r, nil
	}

	// Jackknife the first pass: fold k's labels come from a model that
	// never saw fold k. Folds train two at a time (one per core).
	pred := make([][]int, len(tds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k := 0; k < opt.Folds; k++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(k int) {
			defer wg.Done()
			defer func() { <-sem }()
			var in, out []int
			for i := range tds {
				if i%opt.Folds == k {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			m := trainModel(tds, in, nil, opt)
			fm := m.Flat()
			sc := &scratch{}
			for _, i := range out {
				pred[i] = make([]int, len(tds[i].gold))
				decode(fm, nil, tds[i].d, nil, nil, pred[i], nil, sc, nil, 0, 0)
			}
			logf("fold %d/%d done (%s)", k+1, opt.Folds, time.Since(start).Round(time.Second))
		}(k)
	}
	wg.Wait()

	extras := make([]extraFeats, len(tds))
	for i, td := range tds {
		extras[i].feats, extras[i].off = secondPassFeatures(td.d, pred[i])
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		r.pass1 = trainModel(tds, all, nil, opt)
	}()
	go func() {
		defer wg.Done()
		r.pass2 = trainModel(tds, all, extras, opt)
	}()
	wg.Wait()
	logf("pass 1: %d features, pass 2: %d features (%s)", r.pass1.Features(), r.pass2.Features(), time.Since(start).Round(time.Second))
	r.compile()
	return r, nil
}

type extraFeats struct {
	feats []uint64
	off   []int32
}

// trainModel trains a finished model over the documents idx: one
// perceptron, or the average of opt.Seeds of them.
func trainModel(tds []trainDoc, idx []int, extras []extraFeats, opt TrainOptions) *perceptron.Model {
	n := max(opt.Seeds, 1)
	ms := make([]*perceptron.Model, n)
	for k := range ms {
		o := opt
		o.Seed = opt.Seed + uint64(k)
		ms[k] = trainPass(tds, idx, extras, o)
		ms[k].Finish(opt.MinWeight)
	}
	if n == 1 {
		return ms[0]
	}
	avg, err := perceptron.Average(ms...)
	if err != nil {
		panic("ner: " + err.Error()) // cannot happen: same classes, all finished
	}
	return avg
}

// trainPass trains one perceptron over the documents idx, in an order
// shuffled each epoch from opt.Seed.
func trainPass(tds []trainDoc, idx []int, extras []extraFeats, opt TrainOptions) *perceptron.Model {
	m := perceptron.New(nClasses)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := append([]int(nil), idx...)
	sc := &scratch{}
	if opt.WordDropout > 0 {
		sc.drop = rand.New(rand.NewPCG(opt.Seed, 0x64726f70))
		sc.dropP = opt.WordDropout
	}
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			td := tds[i]
			out := make([]int, len(td.gold))
			if extras != nil {
				decode(m, m, td.d, extras[i].feats, extras[i].off, out, td.gold, sc, nil, 0, 0)
			} else {
				decode(m, m, td.d, nil, nil, out, td.gold, sc, nil, 0, 0)
			}
		}
	}
	return m
}

// span is an entity [start, end) of one sentence.
type span struct {
	start, end int
	typ        string
}

// spans reads the entities of an IOB2 tag sequence.
func spans(tags []string) []span {
	var out []span
	for i := 0; i < len(tags); i++ {
		if len(tags[i]) < 3 || tags[i][0] != 'B' {
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, span{i, j, typ})
		i = j - 1
	}
	return out
}
