package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"dateline/nlp/conllu"
	"dateline/nlp/parser"
)

func newTrainParseCmd() *cobra.Command {
	var (
		data, out string
		opt       parser.TrainOptions
	)
	cmd := &cobra.Command{
		Use:   "parse",
		Short: "Train the dependency parser on UD English EWT",
		Long: `parse trains the labelled dependency parser (arc-eager, dynamic oracle,
averaged perceptron) on DATA/en_ewt-ud-train.conllu and writes the model to
OUT (embed it by writing nlp/parser/model/parser.gz and rebuilding). It prints
the training error per epoch, the model digest and the time taken.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			start := time.Now()
			train := filepath.Join(data, "en_ewt-ud-train.conllu")
			sents, err := conllu.ReadFile(train)
			if err != nil {
				return fmt.Errorf("train parse: %w (is --data the UD EWT directory?)", err)
			}
			words := 0
			for _, s := range sents {
				words += len(s.Words)
			}
			fmt.Fprintf(os.Stderr, "train parse: %d sentences, %d words from %s (gold tags)\n", len(sents), words, train)
			opt.Context = cmd.Context()
			opt.Progress = func(epoch int, errRate float64) {
				fmt.Fprintf(os.Stderr, "  epoch %2d  wrong moves %.4f  %s\n", epoch, errRate, time.Since(start).Round(time.Second))
			}
			p, err := parser.Train(sents, opt)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("train parse: %w", err)
			}
			if _, err := p.WriteTo(f); err != nil {
				f.Close()
				return fmt.Errorf("train parse: writing %s: %w", out, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("train parse: writing %s: %w", out, err)
			}
			st, _ := os.Stat(out)
			fmt.Fprintf(os.Stderr, "train parse: wrote %s (%.1f MB, %d labels)\n", out, float64(st.Size())/1e6, len(p.Labels()))
			fmt.Printf("digest %s  time %s\n", p.Digest(), time.Since(start).Round(time.Second))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&data, "data", "../shared/data/ud-ewt", "directory holding en_ewt-ud-train.conllu")
	f.StringVar(&out, "out", "nlp/parser/model/parser.gz", "model file to write")
	f.IntVar(&opt.Epochs, "epochs", 15, "training epochs")
	f.Uint64Var(&opt.Seed, "seed", 1, "random seed (shuffling, exploration)")
	f.Float64Var(&opt.Explore, "explore", 0.9, "probability of following the model's own mistakes from epoch 2 (negative: never)")
	f.Float32Var(&opt.MinWeight, "min-weight", 1, "drop averaged weights of magnitude <= this (model size; 1 keeps EWT under 10 MB)")
	f.BoolVar(&opt.MainLabels, "main-labels", false, "train on main relation types only (no subtypes)")
	return cmd
}
