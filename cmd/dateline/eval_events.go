package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/article"
	"dateline/eval"
	"dateline/extract"
	"dateline/record"
)

// newEvalEventsCmd scores event coding against PLOVER gold-standard JSON
// or a PETRARCH validation file.
func newEvalEventsCmd() *cobra.Command {
	var gold, lexExtra string
	var showErrors bool
	cmd := &cobra.Command{
		Use:   "events --gold FILE",
		Short: "Score event coding against PLOVER gold records or PETRARCH validation XML",
		Long: `events runs each gold sentence through the full pipeline (text engine,
extraction, event coder), published on the record's date, and compares the
asserted events (negated ones are left out) with the gold.

PLOVER gold JSON (e.g. ../shared/eval/events/plover-gsr-dev.json; the
DOCUMENT record is skipped): category_accuracy is the share of records where
some predicted event has the gold PLOVER category; triple_accuracy adds a
source matching one gold source and, when gold has targets, a target
matching one gold target; source_accuracy and target_accuracy are taken
among records with the right category. Actor codes match on their first
three letters, case-insensitive.

PETRARCH validation XML (<Sentence date=… id=…>, <EventCoding sourcecode=…
targetcode=… eventcode=…/> or noevents="True", <Text>…</Text>; read
leniently): cameo_root_accuracy (first two digits), cameo_code_accuracy,
triple_accuracy (root, source and target), noevent_accuracy.

Both report events_per_sentence.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval events: --gold FILE is required (e.g. ../shared/eval/events/plover-gsr-dev.json)")
			}
			sents, format, err := eval.LoadEventsGold(gold)
			if err != nil {
				return fmt.Errorf("eval events: %w", err)
			}
			p, err := extract.NewPipeline(extract.Options{LexiconExtra: lexExtra})
			if err != nil {
				return fmt.Errorf("eval events: %w", err)
			}
			code := func(text, date string) []record.Event {
				_, res := p.Extract(article.Article{ID: "gold", Text: text, Published: date})
				return res.Events
			}
			r, err := eval.ScoreEvents(cmd.Context(), sents, format, code, showErrors)
			if err != nil {
				return fmt.Errorf("eval events: %w", err)
			}
			eval.WriteEventsTable(os.Stderr, r)
			for _, e := range r.Errors {
				fmt.Fprintln(os.Stderr, e)
			}
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "PLOVER gold JSON or PETRARCH validation XML")
	cmd.Flags().StringVar(&lexExtra, "lexicon-extra", "", "extra event lexicon TSV (pattern, CAMEO code, notes) whose rows add to or override the embedded one")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "also list the sentences coded wrongly on stderr")
	return cmd
}
