package main

import "github.com/spf13/cobra"

// newEvalCmd groups the scoring commands. Each prints exactly one JSON
// object on stdout (metrics are fractions in [0,1]) and a readable table
// on stderr.
func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score a pipeline stage against a gold file",
		Long: `eval scores one stage of the pipeline against a gold-standard file. Each
subcommand prints exactly one JSON object on stdout (metrics are fractions
in [0,1]) and a readable table on stderr.`,
	}
	cmd.AddCommand(newEvalPOSCmd())
	cmd.AddCommand(newEvalParseCmd())
	cmd.AddCommand(newEvalNERCmd())
	cmd.AddCommand(newEvalTokenizeCmd())
	cmd.AddCommand(newEvalQuotesCmd())
	cmd.AddCommand(newEvalClaimsCmd())
	cmd.AddCommand(newEvalTimesCmd())
	cmd.AddCommand(newEvalGazetteerCmd())
	cmd.AddCommand(newEvalActorsCmd())
	cmd.AddCommand(newEvalGeoCmd())
	cmd.AddCommand(newEvalEventsCmd())
	return cmd
}
