package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
	"unicode"

	"dateline/kb"
	"dateline/nlp/conllu"
	"dateline/nlp/ner"

	"github.com/spf13/cobra"
)

func newTrainNERCmd() *cobra.Command {
	var data, out, ewt string
	var useKB bool
	copt := ner.DefaultClusterOptions
	var clusterSizes []int
	var minPop int64
	var epochs, folds, seeds int
	var seed uint64
	var minWeight float32
	var wordDropout float64
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity recogniser on CoNLL-2003 eng.train",
		Long: `ner trains the entity recogniser on DATA/eng.train (never on the test
splits; tune with "dateline eval ner" on eng.testa). Word clusters are
computed from the training text plus the sentences of the --ewt treebank:
only text whose licence lets the derived model ship. The benchmark
articles under ../shared/corpus/bench are licensed for benchmarking only,
so nothing learnt from them may enter the model; there is deliberately no
option to add them.
The model (lexicon and weights, gzip) is written to --out; its digest is
printed so two runs can be compared.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			start := time.Now()
			train := filepath.Join(data, "eng.train")
			docs, err := ner.ReadCoNLLFile(train)
			if err != nil {
				return err
			}
			if len(clusterSizes) != len(copt.Sizes) {
				return fmt.Errorf("--cluster-sizes: give %d numbers (fine, mid, coarse), got %d", len(copt.Sizes), len(clusterSizes))
			}
			copy(copt.Sizes[:], clusterSizes)
			opt := ner.TrainOptions{
				Epochs: epochs, Seed: seed, Seeds: seeds, Folds: folds, MinWeight: minWeight, WordDropout: wordDropout,
				ClusterOptions: copt, Log: cmd.ErrOrStderr(),
			}
			if ewt != "" {
				sents, err := conllu.ReadFile(ewt)
				if err != nil {
					return err
				}
				for _, s := range sents {
					words := make([]string, len(s.Words))
					for i, w := range s.Words {
						words[i] = w.Form
					}
					opt.ClusterText = append(opt.ClusterText, words)
				}
			}
			if useKB {
				opt.Known = knownNames(kb.Default(), minPop)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "training on %s: %d documents, %d extra sentences for clusters\n", train, len(docs), len(opt.ClusterText))
			r, err := ner.Train(docs, opt)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := r.Save(f); err != nil {
				f.Close()
				return fmt.Errorf("writing %s: %w", out, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("writing %s: %w", out, err)
			}
			st, _ := os.Stat(out)
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%d bytes) in %s\n", out, st.Size(), time.Since(start).Round(time.Second))
			fmt.Fprintf(cmd.OutOrStdout(), "digest %s\n", r.Digest())
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "../shared/data/conll2003", "directory holding eng.train")
	cmd.Flags().StringVar(&out, "out", "nlp/ner/model/ner.gz", "where to write the model")
	cmd.Flags().IntSliceVar(&clusterSizes, "cluster-sizes", copt.Sizes[:], "word clusters per level: fine, mid, coarse (0,0,0: no clusters)")
	cmd.Flags().IntVar(&copt.MinCount, "cluster-min-count", copt.MinCount, "words seen fewer times get no cluster")
	cmd.Flags().IntVar(&copt.Iterations, "cluster-iterations", copt.Iterations, "k-means iterations at the fine level")
	cmd.Flags().BoolVar(&useKB, "kb", true, "use the embedded knowledge base's names (places, organisations, people, demonyms) as gazetteer features")
	cmd.Flags().Int64Var(&minPop, "kb-min-population", 100000, "smallest town of the gazetteer whose name becomes a feature")
	cmd.Flags().StringVar(&ewt, "ewt", "../shared/data/ud-ewt/en_ewt-ud-train.conllu", "UD English EWT training treebank, more unlabelled text for the word clusters (empty: none)")
	cmd.Flags().IntVar(&epochs, "epochs", ner.DefaultEpochs, "training epochs")
	cmd.Flags().IntVar(&folds, "folds", 4, "jackknife folds for the document-level second pass (0: one pass only)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the epoch shuffles")
	cmd.Flags().IntVar(&seeds, "seeds", 3, "train each model with this many seeds (seed, seed+1, ...) and average the weights")
	cmd.Flags().Float64Var(&wordDropout, "word-dropout", 0.1, "probability of hiding a training token's word identity for one update")
	cmd.Flags().Float32Var(&minWeight, "min-weight", 0.01, "drop averaged weights smaller than this (model size)")
	return cmd
}

// knownNames lists the names the knowledge base gives a type in CoNLL-2003
// terms: countries, regions and towns of at least minPop people are LOC,
// demonyms MISC, organisations, groups and state bodies ORG, people PER.
// Alternate names are kept only when written in Latin letters with a
// capital, as English news would write them. The list is sorted, so
// training stays deterministic.
func knownNames(k *kb.KB, minPop int64) []ner.Known {
	seen := map[ner.Known]bool{}
	add := func(name, typ string) {
		if !newsName(name) {
			return
		}
		seen[ner.Known{Name: name, Type: typ}] = true
	}
	for _, c := range k.Countries() {
		for _, n := range append([]string{c.Name, c.Official}, c.Aliases...) {
			add(n, "LOC")
		}
		for _, d := range c.Demonyms {
			add(d, "MISC")
		}
	}
	k.EachPlace(func(p kb.Place) {
		switch p.Feature {
		case kb.FeatureCountry, kb.FeatureCapital, kb.FeatureAdmin1, kb.FeatureRegion:
		case kb.FeatureCity:
			if p.Population < minPop {
				return
			}
		default:
			return
		}
		add(p.Name, "LOC")
		for _, n := range p.AltNames {
			add(n, "LOC")
		}
	})
	k.EachActor(func(a kb.Actor) {
		typ := "ORG"
		switch a.Kind {
		case kb.KindPerson:
			typ = "PER"
		case kb.KindMetonym:
			return
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			add(n, typ)
		}
	})
	out := make([]ner.Known, 0, len(seen))
	for kn := range seen {
		out = append(out, kn)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Type < out[j].Type
	})
	return out
}

// newsName reports whether name starts with a capital and is written in
// Latin letters (with digits, spaces and name punctuation).
func newsName(name string) bool {
	if len(name) < 2 {
		return false
	}
	for i, r := range name {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r):
			return false
		}
	}
	return true
}
