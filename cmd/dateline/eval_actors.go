package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/kb"
	"dateline/kb/kbeval"
)

// newEvalActorsCmd scores the actor dictionary on gold actor phrases.
func newEvalActorsCmd() *cobra.Command {
	var gold string
	var errs int
	cmd := &cobra.Command{
		Use:   "actors --gold FILE",
		Short: "Score actor coding of gold actor phrases with the knowledge base",
		Long: `actors codes every source and target actor phrase of a PLOVER gold-standard
JSON file ("Senior Hungarian officials", "the Kremlin") with the knowledge
base alone (actors, metonyms, countries, demonyms, role words) and reports
how often the country segment and the sector match the gold code. Actor
spans come from the gold file, so this measures the dictionaries, not actor
recognition in text.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval actors: --gold FILE is required (e.g. ../shared/eval/events/plover-gsr-dev.json)")
			}
			f, err := os.Open(gold)
			if err != nil {
				return fmt.Errorf("eval actors: %w", err)
			}
			defer f.Close()
			r, err := kbeval.PLOVERActors(f, kb.Default(), errs)
			if err != nil {
				return fmt.Errorf("eval actors: %s: %w", gold, err)
			}
			kbeval.WriteActorTable(os.Stderr, r)
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "PLOVER gold-standard JSON file")
	cmd.Flags().IntVar(&errs, "errors", 40, "how many wrongly coded phrases to list")
	return cmd
}
