package main

import (
	"github.com/spf13/cobra"

	"dateline/kb/kbeval"
)

// newEvalGazetteerCmd scores the gazetteer's ranking on gold toponyms.
func newEvalGazetteerCmd() *cobra.Command {
	return newKBEvalCmd(kbEval[kbeval.GeoResult]{
		name:  "gazetteer",
		short: "Score gazetteer toponym resolution on GeoVirus gold names",
		long: `gazetteer resolves every gold toponym of a GeoVirus-format XML file with the
embedded gazetteer (kb.Places, first candidate) and reports accuracy within
161 km, mean and median error and the AUC of log error. Toponym spans come
from the gold file, so this measures the gazetteer and its ranking alone,
not toponym recognition.`,
		goldHelp:  "GeoVirus-format XML file",
		example:   "../shared/eval/geo/GeoVirus.xml",
		listFlag:  "misses",
		listHelp:  "how many of the worst misses to list",
		listCount: 30,
		score:     kbeval.GeoVirus,
		table:     kbeval.WriteGeoTable,
	})
}
