package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"dateline/nlp/conllu"
	"dateline/nlp/tagger"
)

// newTrainPOSCmd trains the part-of-speech tagger and lemmatizer.
func newTrainPOSCmd() *cobra.Command {
	var data, out, unlabeled string
	var opt tagger.TrainOptions
	cmd := &cobra.Command{
		Use:   "pos",
		Short: "Train the part-of-speech tagger and lemmatizer on UD English EWT",
		Long: `pos trains the tagger (UPOS+XPOS averaged perceptron) and the lemmatizer on
en_ewt-ud-train.conllu in --data and writes the gzip model to --out
(the embedded model lives at nlp/tagger/model/tagger.gz). It prints the
model digest and the training time; score the result with
'dateline eval pos --model FILE'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path := filepath.Join(data, "en_ewt-ud-train.conllu")
			sents, err := conllu.ReadFile(path)
			if err != nil {
				return fmt.Errorf("reading training data: %w (is --data the UD English EWT folder?)", err)
			}
			if unlabeled != "" {
				files, err := filepath.Glob(filepath.Join(unlabeled, "*.txt"))
				if err != nil || len(files) == 0 {
					return fmt.Errorf("--unlabeled %s: no .txt files found", unlabeled)
				}
				for _, f := range files {
					b, err := os.ReadFile(f)
					if err != nil {
						return fmt.Errorf("reading unlabeled text: %w", err)
					}
					opt.Unlabeled = append(opt.Unlabeled, tagger.SplitUnlabeled(string(b))...)
				}
			}
			opt.Log = cmd.ErrOrStderr()
			start := time.Now()
			t, err := tagger.Train(sents, opt)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("writing model: %w", err)
			}
			n, err := t.WriteTo(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("writing model %s: %w", out, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "trained on %d sentences in %s; wrote %s (%d bytes, two-pass %v)\ndigest %s\n",
				len(sents), time.Since(start).Round(time.Millisecond), out, n, t.TwoPass(), t.Digest())
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&data, "data", "../shared/data/ud-ewt", "folder holding en_ewt-ud-train.conllu")
	f.StringVar(&out, "out", "nlp/tagger/model/tagger.gz", "model file to write")
	f.IntVar(&opt.Epochs, "epochs", 7, "training epochs per perceptron")
	f.Uint64Var(&opt.Seed, "seed", 1, "shuffling seed")
	f.BoolVar(&opt.TwoPass, "two-pass", false, "add a second pass that sees right-context tags (about +0.2 UPOS points, half the speed, twice the size)")
	f.IntVar(&opt.Folds, "folds", 4, "jackknife folds for the second pass's training input")
	f.IntVar(&opt.Clusters, "clusters", 0, "distributional word clusters to learn (0: none)")
	f.StringVar(&unlabeled, "unlabeled", "", "folder of .txt files whose words also feed the clusters (with --clusters)")
	f.BoolVar(&opt.NoAmbiguity, "no-ambiguity", false, "turn off ambiguity-class features")
	f.IntVar(&opt.DictMinCount, "dict-min-count", 20, "minimum frequency of a dictionary-tagged word")
	f.Float64Var(&opt.DictMinRatio, "dict-min-ratio", 0.97, "minimum share of a dictionary-tagged word's main tag")
	f.Float32Var(&opt.MinWeight, "min-weight", 0.5, "drop averaged weights smaller than this (smaller, faster model)")
	f.IntVar(&opt.Seeds, "seeds", 3, "perceptrons trained on differently shuffled data whose weights are averaged")
	f.Float64Var(&opt.RareDrop, "rare-drop", 0, "probability of training a rare word without its identity features")
	f.IntVar(&opt.RareCount, "rare-count", 1, "words seen at most this often count as rare for --rare-drop")
	f.BoolVar(&opt.Lexicon, "lexicon", false, "add capitalisation-profile features (cost accuracy on EWT dev)")
	f.BoolVar(&opt.NoLookahead, "no-lookahead", false, "turn off the features on the next words' static classes")
	f.IntVar(&opt.AmbMinCount, "amb-min-count", 3, "minimum frequency of a word with an ambiguity class")
	return cmd
}
