package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/eval"
	"dateline/nlp"
)

// newEvalTokenizeCmd scores the tokenizer and sentence splitter against a
// CoNLL-U treebank rebuilt as running text.
func newEvalTokenizeCmd() *cobra.Command {
	var gold string
	var showErrors int
	cmd := &cobra.Command{
		Use:   "tokenize",
		Short: "Score the tokenizer and sentence splitter against a CoNLL-U file",
		Long: `tokenize rebuilds each document of a CoNLL-U treebank as running text (its
"# text" lines joined by a space, or by a newline at "# newpar"), runs the
tokenizer and sentence splitter on it, and scores the token and sentence
spans by exact match against the gold words and sentences. Multiword tokens
are scored as their words ("don't" = "do" + "n't").`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := os.Open(gold)
			if err != nil {
				return fmt.Errorf("eval tokenize: %w (pass the gold file with --gold)", err)
			}
			defer f.Close()
			docs, err := eval.ReadTokenizeGold(f, gold)
			if err != nil {
				return fmt.Errorf("eval tokenize: %w", err)
			}
			res := eval.ScoreTokenize(docs, segmentWithNLP, showErrors)
			res.WriteTable(cmd.ErrOrStderr())
			out, err := json.Marshal(res)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), string(out))
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "../shared/data/ud-ewt/en_ewt-ud-dev.conllu", "gold CoNLL-U file with # text lines")
	cmd.Flags().IntVar(&showErrors, "show-errors", 0, "print up to this many token and sentence errors on stderr")
	return cmd
}

// segmentWithNLP adapts nlp.NewDoc to the scorer.
func segmentWithNLP(text string) (toks, sents []eval.TokenizeSpan) {
	d := nlp.NewDoc(text)
	toks = make([]eval.TokenizeSpan, len(d.Tokens))
	for i, t := range d.Tokens {
		toks[i] = eval.TokenizeSpan{Start: t.Start, End: t.End}
	}
	sents = make([]eval.TokenizeSpan, len(d.Sents))
	for i, s := range d.Sents {
		sents[i] = eval.TokenizeSpan{Start: s.StartByte, End: s.EndByte}
	}
	return toks, sents
}
