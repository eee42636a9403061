package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/eval"
	"dateline/nlp/conllu"
	"dateline/nlp/tagger"
)

// newEvalPOSCmd scores the tagger and lemmatizer on gold tokenization.
func newEvalPOSCmd() *cobra.Command {
	var gold, model string
	cmd := &cobra.Command{
		Use:   "pos",
		Short: "Score part-of-speech tags and lemmas against a CoNLL-U file",
		Long: `pos tags the words of a CoNLL-U file (gold tokenization: multiword-token
ranges and empty nodes are skipped) and prints UPOS, XPOS and lemma
accuracy as one JSON object on stdout and a per-tag table on stderr. It
uses the embedded model unless --model names a file written by
'dateline train pos'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			sents, err := conllu.ReadFile(gold)
			if err != nil {
				return fmt.Errorf("reading gold file: %w", err)
			}
			var t *tagger.Tagger
			if model == "" {
				t, err = tagger.Load()
			} else {
				var f *os.File
				if f, err = os.Open(model); err != nil {
					return fmt.Errorf("reading model: %w", err)
				}
				t, err = tagger.Read(f)
				f.Close()
				if err != nil {
					err = fmt.Errorf("%s: %w", model, err)
				}
			}
			if err != nil {
				return err
			}
			r := eval.POS(sents, t)
			r.WriteTable(cmd.ErrOrStderr())
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
	return cmd
}
