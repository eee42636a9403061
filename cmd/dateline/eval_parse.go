package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"dateline/eval"
	"dateline/nlp/conllu"
	"dateline/nlp/parser"
	"dateline/nlp/tagger"
)

// newEvalParseCmd scores the dependency parser on gold tokenization.
func newEvalParseCmd() *cobra.Command {
	var (
		gold, model string
		goldTags    bool
		beam        int
		margin      float32
	)
	cmd := &cobra.Command{
		Use:   "parse",
		Short: "Score dependency parses (UAS, LAS) against a CoNLL-U file",
		Long: `parse parses the words of a CoNLL-U file (gold tokenization, punctuation
included) with tags predicted by the embedded tagger, and prints unlabelled
and labelled attachment scores as one JSON object on stdout and a
per-relation table on stderr. LAS compares the main relation type (the part
before ':'), as in the CoNLL 2018 shared task. --gold-tags gives the parser
the gold file's tags instead (an upper bound, labelled as such). It uses
the embedded parser unless --model names a file written by
'dateline train parse'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			sents, err := conllu.ReadFile(gold)
			if err != nil {
				return fmt.Errorf("reading gold file: %w", err)
			}
			var p *parser.Parser
			if model == "" {
				p, err = parser.Load()
			} else {
				p, err = parser.ReadFile(model)
			}
			if err != nil {
				return err
			}
			if beam > 64 {
				return fmt.Errorf("--beam %d: at most 64", beam)
			}
			if beam > 0 {
				p = p.WithBeam(beam)
			}
			if margin > 0 {
				p = p.WithMargin(margin)
			}
			var tg eval.Tagger
			tagInfo := "gold tags"
			if !goldTags {
				t, err := tagger.Load()
				if err != nil {
					return fmt.Errorf("loading the tagger (or use --gold-tags): %w", err)
				}
				tg, tagInfo = t, "tagger digest "+t.Digest()
			}
			start := time.Now()
			r := eval.Parse(sents, p, tg)
			r.WriteTable(cmd.ErrOrStderr())
			fmt.Fprintf(cmd.ErrOrStderr(), "\n  parser digest %s, beam %d, %s, %s\n", p.Digest(), p.Beam(), tagInfo, time.Since(start).Round(time.Millisecond))
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), string(b))
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "../shared/data/ud-ewt/en_ewt-ud-dev.conllu", "gold CoNLL-U file")
	cmd.Flags().StringVar(&model, "model", "", "model file (default: the embedded model)")
	cmd.Flags().BoolVar(&goldTags, "gold-tags", false, "use the gold file's tags instead of the tagger's")
	cmd.Flags().IntVar(&beam, "beam", 0, "decode with this beam width instead of the model's own (1: greedy)")
	cmd.Flags().Float32Var(&margin, "beam-margin", 0, "drop beam items scoring more than this below the best (0: none)")
	return cmd
}
