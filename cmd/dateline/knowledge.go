package main

import (
	"dateline/extract"

	"github.com/spf13/pflag"
)

// addKnowledgeFlags registers the flags that extend the embedded knowledge
// (--kb-extra, --lexicon-extra) on every command that extracts, so that a
// user's own actors, places and event patterns apply the same way to
// extract, ingest, reprocess and serve.
func addKnowledgeFlags(f *pflag.FlagSet, o *extract.Options) {
	f.StringVar(&o.KBExtra, "kb-extra", "", "user knowledge-base file (TSV of actors, metonyms, role words and places; format in kb/README.md) merged over the embedded one")
	f.StringVar(&o.LexiconExtra, "lexicon-extra", "", "extra event lexicon TSV (pattern, CAMEO code, notes) whose rows add to or override the embedded one")
}
