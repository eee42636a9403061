package main

import (
	"github.com/spf13/cobra"

	"dateline/eval"
)

// newEvalClaimsCmd scores numeric-claim extraction against a JSON Lines
// gold file of sentences and their claims.
func newEvalClaimsCmd() *cobra.Command {
	return newSentenceEvalCmd(sentenceEval[eval.ClaimSentence, *eval.ClaimsResult]{
		name:  "claims",
		short: "Score numeric claims (value, range, qualifier, counted category)",
		long: `claims reads one {"text": ..., "claims": [{"value", "low", "high",
"qualifier", "counted"}]} object per line, extracts the claims of each text
and scores them: a prediction matches when its value (or low/high range) and
counted category agree. qualifier_accuracy is over matched claims.`,
		example:    "extract/testdata/claims-gold.jsonl",
		errorsHelp: "missed, false and mis-qualified claims",
		load:       eval.LoadClaimsGold,
		score:      eval.Claims,
		table:      eval.WriteClaimsTable,
		errors:     func(r *eval.ClaimsResult) []string { return r.Errors },
	})
}
