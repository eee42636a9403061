package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/kb"
	"dateline/kb/kbeval"
)

// newEvalGazetteerCmd scores the gazetteer's ranking on gold toponyms.
func newEvalGazetteerCmd() *cobra.Command {
	var gold string
	var misses int
	cmd := &cobra.Command{
		Use:   "gazetteer --gold FILE",
		Short: "Score gazetteer toponym resolution on GeoVirus gold names",
		Long: `gazetteer resolves every gold toponym of a GeoVirus-format XML file with the
embedded gazetteer (kb.Places, first candidate) and reports accuracy within
161 km, mean and median error and the AUC of log error. Toponym spans come
from the gold file, so this measures the gazetteer and its ranking alone,
not toponym recognition.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval gazetteer: --gold FILE is required (e.g. ../shared/eval/geo/GeoVirus.xml)")
			}
			f, err := os.Open(gold)
			if err != nil {
				return fmt.Errorf("eval gazetteer: %w", err)
			}
			defer f.Close()
			r, err := kbeval.GeoVirus(f, kb.Default(), misses)
			if err != nil {
				return fmt.Errorf("eval gazetteer: %s: %w", gold, err)
			}
			kbeval.WriteGeoTable(os.Stderr, r)
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "GeoVirus-format XML file")
	cmd.Flags().IntVar(&misses, "misses", 30, "how many of the worst misses to list")
	return cmd
}
