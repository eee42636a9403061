package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"dateline/kb"
)

// kbEval describes an eval command that scores the embedded knowledge base
// alone on the spans of a gold file (no text engine): the actor dictionary
// on gold actor phrases, the gazetteer on gold toponyms.
type kbEval[R any] struct {
	name      string // the subcommand
	short     string
	long      string
	goldHelp  string // what --gold is
	example   string // a gold file to name when --gold is missing
	listFlag  string // the flag that bounds the listed errors
	listHelp  string
	listCount int
	score     func(r io.Reader, k *kb.KB, list int) (R, error)
	table     func(w io.Writer, r R)
}

// newKBEvalCmd builds the command: table on stderr, one JSON object on
// stdout, every error prefixed with "eval NAME:".
func newKBEvalCmd[R any](e kbEval[R]) *cobra.Command {
	var gold string
	var list int
	cmd := &cobra.Command{
		Use:   e.name + " --gold FILE",
		Short: e.short,
		Long:  e.long,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval %s: --gold FILE is required (e.g. %s)", e.name, e.example)
			}
			f, err := os.Open(gold)
			if err != nil {
				return fmt.Errorf("eval %s: %w", e.name, err)
			}
			defer f.Close()
			r, err := e.score(f, kb.Default(), list)
			if err != nil {
				return fmt.Errorf("eval %s: %s: %w", e.name, gold, err)
			}
			e.table(os.Stderr, r)
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", e.goldHelp)
	cmd.Flags().IntVar(&list, e.listFlag, e.listCount, e.listHelp)
	return cmd
}
