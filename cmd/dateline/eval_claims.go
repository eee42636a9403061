package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/eval"
)

// newEvalClaimsCmd scores numeric-claim extraction against a JSON Lines
// gold file of sentences and their claims.
func newEvalClaimsCmd() *cobra.Command {
	var gold string
	var showErrors bool
	var engine string
	cmd := &cobra.Command{
		Use:   "claims --gold FILE.jsonl",
		Short: "Score numeric claims (value, range, qualifier, counted category)",
		Long: `claims reads one {"text": ..., "claims": [{"value", "low", "high",
"qualifier", "counted"}]} object per line, extracts the claims of each text
and scores them: a prediction matches when its value (or low/high range) and
counted category agree. qualifier_accuracy is over matched claims.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval claims: --gold FILE.jsonl is required (e.g. extract/testdata/claims-gold.jsonl)")
			}
			sents, err := eval.LoadClaimsGold(gold)
			if err != nil {
				return fmt.Errorf("eval claims: %w", err)
			}
			annotate, err := engineFunc(engine)
			if err != nil {
				return fmt.Errorf("eval claims: %w", err)
			}
			r, err := eval.Claims(cmd.Context(), sents, annotate)
			if err != nil {
				return fmt.Errorf("eval claims: %w", err)
			}
			eval.WriteClaimsTable(os.Stderr, r)
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
	cmd.Flags().BoolVar(&showErrors, "errors", false, "also list missed, false and mis-qualified claims on stderr")
	return cmd
}
