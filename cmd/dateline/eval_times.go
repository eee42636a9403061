package main

import (
	"github.com/spf13/cobra"

	"dateline/eval"
)

// newEvalTimesCmd scores date expressions and their resolution against a
// JSON Lines gold file of sentences, publication dates and dates.
func newEvalTimesCmd() *cobra.Command {
	return newSentenceEvalCmd(sentenceEval[eval.TimeSentence, *eval.TimesResult]{
		name:  "times",
		short: "Score date expressions and their resolution against the publication date",
		long: `times reads one {"text": ..., "published": "YYYY-MM-DD", "times": [{"text",
"from", "to", "precision"}]} object per line, finds the date expressions of
each text, resolves them against its publication date and scores them:
span_* count expressions whose spans overlap a gold one; range_accuracy and
precision_accuracy are over those; precision, recall and f1 count only
expressions also resolved to the gold range.`,
		example:    "extract/testdata/times-gold.jsonl",
		errorsHelp: "missed, false and wrongly resolved expressions",
		load:       eval.LoadTimesGold,
		score:      eval.Times,
		table:      eval.WriteTimesTable,
		errors:     func(r *eval.TimesResult) []string { return r.Errors },
	})
}
