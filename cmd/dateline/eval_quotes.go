package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/eval"
	"dateline/nlp"
)

// newEvalQuotesCmd scores quote extraction against a PolNeAR-layout
// directory of brat attribution annotations.
func newEvalQuotesCmd() *cobra.Command {
	var gold string
	var showErrors bool
	var engine string
	cmd := &cobra.Command{
		Use:   "quotes --gold DIR",
		Short: "Score quote and speaker extraction against PolNeAR attributions",
		Long: `quotes runs every DIR/text/*.txt article through the text engine and the
quote finder and compares the attributions with DIR/attributions/NAME_*.ann
(brat standoff, the first annotator file per article). A predicted and a
gold content match when they share at least half of the longer span's
characters. cue_f1 counts exact cue spans; source_accuracy is the share of
matched contents whose predicted speaker overlaps the gold source.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval quotes: --gold DIR is required (e.g. ../shared/eval/quotes/polnear-dev)")
			}
			arts, err := eval.LoadPolNeAR(gold)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			annotate, err := engineFunc(engine)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			r, err := eval.Quotes(cmd.Context(), arts, annotate, showErrors)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			eval.WriteQuotesTable(os.Stderr, r)
			for _, e := range r.Errors {
				fmt.Fprintln(os.Stderr, e)
			}
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "PolNeAR-layout directory with text/ and attributions/")
	cmd.Flags().StringVar(&engine, "engine", "full", "text engine: full (tagger, parser, entities; what the product runs) or tokens (tokenizer and splitter only)")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "also list missed and false attributions on stderr")
	return cmd
}

// engineFunc returns the text engine the quote and claim evaluations run
// articles through: "tokens" (tokenizer and sentence splitter only) or
// "full" (nlp.Pipeline with tagger, parser and entity recogniser).
func engineFunc(name string) (func(string) *nlp.Doc, error) {
	switch name {
	case "", "tokens":
		return nlp.NewDoc, nil
	case "full":
		p, err := nlp.Default()
		if err != nil {
			return nil, err
		}
		return p.Annotate, nil
	}
	return nil, fmt.Errorf("unknown --engine %q (want tokens or full)", name)
}
