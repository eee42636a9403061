package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"dateline/eval"
	"dateline/kb"
	"dateline/nlp"
)

// newEvalGeoCmd scores toponym tagging and resolution on a geoparsing
// gold file.
func newEvalGeoCmd() *cobra.Command {
	var gold string
	var showErrors bool
	cmd := &cobra.Command{
		Use:   "geo --gold FILE.xml",
		Short: "Score toponym tagging and resolution (GeoVirus, LGL, TR-News)",
		Long: `geo reads a GeoVirus-format (<location> with name/start/end/lat/lon) or
LGL/TR-News-format (<toponym> with start/end/phrase and <gaztag> lat/lon)
XML file, runs every article through the text engine and the toponym
finder, and scores tagging (predicted spans against gold, overlap match)
and resolution (each gold span resolved in its article, with the article's
toponyms as context): acc161 is the share within 161 km of the gold point,
mean_error_km the mean distance.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("eval geo: --gold FILE.xml is required (e.g. ../shared/eval/geo/GeoVirus.xml)")
			}
			arts, err := eval.LoadGeoGold(gold)
			if err != nil {
				return fmt.Errorf("eval geo: %w", err)
			}
			p, err := nlp.Default()
			if err != nil {
				return fmt.Errorf("eval geo: %w", err)
			}
			r, err := eval.Geo(cmd.Context(), arts, p.Annotate, kb.Default(), showErrors)
			if err != nil {
				return fmt.Errorf("eval geo: %s: %w", gold, err)
			}
			eval.WriteGeoTable(os.Stderr, r)
			for _, e := range r.Errors {
				fmt.Fprintln(os.Stderr, e)
			}
			return json.NewEncoder(os.Stdout).Encode(r)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "GeoVirus or LGL/TR-News format XML file")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "also list missed and false toponyms and resolution misses on stderr")
	return cmd
}
