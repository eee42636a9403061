package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"dateline/eval"
	"dateline/nlp/ner"
)

// newEvalNERCmd scores the entity recogniser on a CoNLL-2003 file.
func newEvalNERCmd() *cobra.Command {
	var gold, model string
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Score named entities against a CoNLL-2003 file (exact match, conlleval)",
		Long: `ner tags the words of a CoNLL-2003 file (gold tokens and sentences, one
call per -DOCSTART- document) and scores entities by exact match of span
and type, as conlleval does. Gold tags may be IOB1 or IOB2. It prints one
JSON object with overall and per-type precision, recall and F1 on stdout
and a table on stderr. It uses the embedded model unless --model names a
file written by 'dateline train ner'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := ner.ReadCoNLLFile(gold)
			if err != nil {
				return fmt.Errorf("reading gold file: %w", err)
			}
			var r *ner.Recognizer
			if model == "" {
				r, err = ner.Load()
			} else {
				r, err = ner.LoadFile(model)
			}
			if err != nil {
				return err
			}
			start := time.Now()
			res, err := eval.NER(docs, r)
			if err != nil {
				return err
			}
			res.WriteTable(cmd.ErrOrStderr())
			fmt.Fprintf(cmd.ErrOrStderr(), "tagged in %s\n", time.Since(start).Round(time.Millisecond))
			b, err := json.Marshal(res)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), string(b))
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "../shared/data/conll2003/eng.testa", "gold CoNLL-2003 file (IOB1 or IOB2)")
	cmd.Flags().StringVar(&model, "model", "", "model file (default: the embedded model)")
	return cmd
}
