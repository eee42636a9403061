package main

import (
	"github.com/spf13/cobra"

	"dateline/kb/kbeval"
)

// newEvalActorsCmd scores the actor dictionary on gold actor phrases.
func newEvalActorsCmd() *cobra.Command {
	return newKBEvalCmd(kbEval[kbeval.ActorResult]{
		name:  "actors",
		short: "Score actor coding of gold actor phrases with the knowledge base",
		long: `actors codes every source and target actor phrase of a PLOVER gold-standard
JSON file ("Senior Hungarian officials", "the Kremlin") with the knowledge
base alone (actors, metonyms, countries, demonyms, role words) and reports
how often the country segment and the sector match the gold code. Actor
spans come from the gold file, so this measures the dictionaries, not actor
recognition in text.`,
		goldHelp:  "PLOVER gold-standard JSON file",
		example:   "../shared/eval/events/plover-gsr-dev.json",
		listFlag:  "errors",
		listHelp:  "how many wrongly coded phrases to list",
		listCount: 40,
		score:     kbeval.PLOVERActors,
		table:     kbeval.WriteActorTable,
	})
}
