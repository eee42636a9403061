package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"dateline/nlp/conllu"
	"dateline/nlp/parser"
	"dateline/nlp/tagger"
)

func newTrainParseCmd() *cobra.Command {
	var (
		data, out string
		tags      string
		tagsCache string
		folds     int
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
			fmt.Fprintf(os.Stderr, "train parse: %d sentences, %d words from %s\n", len(sents), words, train)
			switch tags {
			case "gold":
				fmt.Fprintln(os.Stderr, "train parse: training on GOLD tags")
			case "predicted":
				if sents, err = jackknifeTags(cmd.Context(), sents, folds, opt.Seed, tagsCache); err != nil {
					return err
				}
			default:
				return fmt.Errorf("train parse: --tags must be gold or predicted, not %q", tags)
			}
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
	f.IntVar(&opt.Beam, "beam", 1, "beam width: above 1 trains a beam-search parser globally (max-violation updates) that decodes with this width")
	f.StringVar(&tags, "tags", "predicted", "tags to train on: predicted (jackknifed tagger output) or gold")
	f.IntVar(&folds, "folds", 4, "jackknife folds for predicted tags")
	f.StringVar(&tagsCache, "tags-cache", "", "JSON file keeping the jackknifed tags between runs (read if present, else written)")
	return cmd
}

// jackknifeTags replaces the gold UPOS and XPOS of sents by tagger
// predictions, so that the parser learns from the kind of tags it will
// see: the data is cut into folds (sentence i in fold i mod folds), and
// each fold is tagged by a tagger trained on the other folds. Single-pass
// taggers are used to keep this to minutes. The input is not modified.
func jackknifeTags(ctx context.Context, sents []conllu.Sentence, folds int, seed uint64, cache string) ([]conllu.Sentence, error) {
	if folds < 2 {
		return nil, fmt.Errorf("train parse: --folds must be at least 2, got %d", folds)
	}
	type tagPair struct{ UPOS, XPOS []string }
	var tagged []tagPair
	if cache != "" {
		if b, err := os.ReadFile(cache); err == nil {
			if err := json.Unmarshal(b, &tagged); err != nil || len(tagged) != len(sents) {
				return nil, fmt.Errorf("train parse: tags cache %s does not match the training data (delete it): %v", cache, err)
			}
			fmt.Fprintf(os.Stderr, "train parse: jackknifed tags read from %s\n", cache)
		}
	}
	if tagged == nil {
		tagged = make([]tagPair, len(sents))
		for k := 0; k < folds; k++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			start := time.Now()
			var rest []conllu.Sentence
			for i, s := range sents {
				if i%folds != k {
					rest = append(rest, s)
				}
			}
			t, err := tagger.Train(rest, tagger.TrainOptions{Seed: seed})
			if err != nil {
				return nil, fmt.Errorf("train parse: jackknife tagger %d: %w", k+1, err)
			}
			same, all := 0, 0
			for i := k; i < len(sents); i += folds {
				words := make([]string, len(sents[i].Words))
				for j, w := range sents[i].Words {
					words[j] = w.Form
				}
				up, xp := t.Tag(words)
				tagged[i] = tagPair{up, xp}
				for j, w := range sents[i].Words {
					all++
					if j < len(xp) && xp[j] == w.XPOS {
						same++
					}
				}
			}
			fmt.Fprintf(os.Stderr, "  jackknife fold %d/%d: XPOS accuracy %.4f  %s\n", k+1, folds, float64(same)/float64(max(all, 1)), time.Since(start).Round(time.Second))
		}
		if cache != "" {
			b, err := json.Marshal(tagged)
			if err == nil {
				err = os.WriteFile(cache, b, 0o644)
			}
			if err != nil {
				return nil, fmt.Errorf("train parse: writing tags cache: %w", err)
			}
		}
	}
	out := make([]conllu.Sentence, len(sents))
	for i, s := range sents {
		out[i] = s
		out[i].Words = append([]conllu.Word(nil), s.Words...)
		for j := range out[i].Words {
			if j < len(tagged[i].UPOS) && j < len(tagged[i].XPOS) {
				out[i].Words[j].UPOS, out[i].Words[j].XPOS = tagged[i].UPOS[j], tagged[i].XPOS[j]
			}
		}
	}
	return out, nil
}
