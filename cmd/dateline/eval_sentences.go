package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"dateline/nlp"
)

// sentenceEval describes an eval command over a JSON Lines gold file of
// our own sentences (claims, times): how to load the gold, score it with
// a text engine, and print the table and the errors of a result R.
type sentenceEval[S any, R any] struct {
	name       string // the subcommand
	short      string
	long       string
	example    string // a gold file to name when --gold is missing
	errorsHelp string // what --errors lists
	load       func(path string) ([]S, error)
	score      func(ctx context.Context, gold []S, annotate func(string) *nlp.Doc) (R, error)
	table      func(w io.Writer, r R)
	errors     func(r R) []string
}

// newSentenceEvalCmd builds the command: table on stderr, one JSON object
// on stdout, every error prefixed with "eval NAME:".
func newSentenceEvalCmd[S any, R any](e sentenceEval[S, R]) *cobra.Command {
	var gold, engine string
	var showErrors bool
	cmd := &cobra.Command{
		Use:   e.name + " --gold FILE.jsonl",
		Short: e.short,
		Long:  e.long,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval %s: --gold FILE.jsonl is required (e.g. %s)", e.name, e.example)
			}
			sents, err := e.load(gold)
			if err != nil {
				return fmt.Errorf("eval %s: %w", e.name, err)
			}
			annotate, err := engineFunc(engine)
			if err != nil {
				return fmt.Errorf("eval %s: %w", e.name, err)
			}
			r, err := e.score(cmd.Context(), sents, annotate)
			if err != nil {
				return fmt.Errorf("eval %s: %w", e.name, err)
			}
			e.table(os.Stderr, r)
			if showErrors {
				for _, line := range e.errors(r) {
					fmt.Fprintln(os.Stderr, line)
				}
			}
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "JSON Lines gold file")
	cmd.Flags().StringVar(&engine, "engine", "full", "text engine: full (tagger, parser, entities; what the product runs) or tokens (tokenizer and splitter only)")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "also list "+e.errorsHelp+" on stderr")
	return cmd
}
