// Command dateline turns news articles into a sourced record of what
// happened: events, quotes, numeric claims, entities, places and times,
// each pointing at the characters that support it.
//
// This file only wires subcommands; each lives in its own file.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// errSomeFailed makes the process exit with status 1 after a command has
// already reported, input by input, what went wrong.
var errSomeFailed = errors.New("some inputs failed")

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "dateline",
		Short: "Turn news articles into sourced events, quotes, claims, entities and places",
		Long: `dateline reads news articles (text, HTML, JSON Lines) and extracts who did what
to whom, where and when (CAMEO/PLOVER events), who said what (quotes with
speakers), which numbers were claimed and by whom, and the people,
organisations and places involved. Every record carries byte offsets into
the article text: the evidence that supports it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newExtractCmd(),
		newAnnotateCmd(),
		newEvalCmd(),
		newTrainCmd(),
		newBenchCmd(),
		newServeCmd(),
		newIngestCmd(), newSearchCmd(), newEventsCmd(), newQuotesCmd(), newClaimsCmd(), newEntitiesCmd(), newExportCmd(), newReprocessCmd(),
	)
	return root
}

func main() {
	if err := newRootCmd().Execute(); err != nil {
		if !errors.Is(err, errSomeFailed) {
			fmt.Fprintln(os.Stderr, "dateline:", err)
		}
		os.Exit(1)
	}
}
