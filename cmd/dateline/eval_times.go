package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/eval"
)

// newEvalTimesCmd scores date expressions and their resolution against a
// JSON Lines gold file of sentences, publication dates and dates.
func newEvalTimesCmd() *cobra.Command {
	var gold string
	var showErrors bool
	var engine string
	cmd := &cobra.Command{
		Use:   "times --gold FILE.jsonl",
		Short: "Score date expressions and their resolution against the publication date",
		Long: `times reads one {"text": ..., "published": "YYYY-MM-DD", "times": [{"text",
"from", "to", "precision"}]} object per line, finds the date expressions of
each text, resolves them against its publication date and scores them:
span_* count expressions whose spans overlap a gold one; range_accuracy and
precision_accuracy are over those; precision, recall and f1 count only
expressions also resolved to the gold range.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval times: --gold FILE.jsonl is required (e.g. extract/testdata/times-gold.jsonl)")
			}
			sents, err := eval.LoadTimesGold(gold)
			if err != nil {
				return fmt.Errorf("eval times: %w", err)
			}
			annotate, err := engineFunc(engine)
			if err != nil {
				return fmt.Errorf("eval times: %w", err)
			}
			r, err := eval.Times(cmd.Context(), sents, annotate)
			if err != nil {
				return fmt.Errorf("eval times: %w", err)
			}
			eval.WriteTimesTable(os.Stderr, r)
			if showErrors {
				for _, e := range r.Errors {
					fmt.Fprintln(os.Stderr, e)
				}
			}
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "JSON Lines gold file")
	cmd.Flags().StringVar(&engine, "engine", "full", "text engine: full (tagger, parser, entities; what the product runs) or tokens (tokenizer and splitter only)")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "also list missed, false and wrongly resolved expressions on stderr")
	return cmd
}
