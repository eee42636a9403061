package main

import (
	"fmt"

	"dateline/extract"

	"github.com/spf13/pflag"
)

// addKnowledgeFlags registers the flags that extend the embedded knowledge
// (--kb-extra, --lexicon-extra) on every command that extracts, so that a
// user's own actors, places and event patterns apply the same way to
// extract, ingest, reprocess and serve; and --sentence-cache, whose
// default the long-running commands raise (setCacheDefault).
func addKnowledgeFlags(f *pflag.FlagSet, o *extract.Options) {
	f.StringVar(&o.KBExtra, "kb-extra", "", "user knowledge-base file (TSV of actors, metonyms, role words and places; format in kb/README.md) merged over the embedded one")
	f.IntVar(&o.SentenceCache, "sentence-cache", 0, "reuse the tagger's and parser's analysis of up to this many sentences seen before (wire copies), and the entity recogniser's tags of those whose document context is unchanged (and its features of words seen before); about 1 KB each; 0: off")
	f.StringVar(&o.LexiconExtra, "lexicon-extra", "", "extra event lexicon TSV (pattern, CAMEO code, notes) whose rows add to or override the embedded one")
}

// defaultSentenceCache is the sentence cache of ingest, reprocess and
// serve: about 50 MB, enough for a day of a few dozen feeds, so wire
// copies arriving within a day are analysed once.
const defaultSentenceCache = 50_000

// setCacheDefault makes --sentence-cache default to defaultSentenceCache.
func setCacheDefault(f *pflag.FlagSet, o *extract.Options) {
	o.SentenceCache = defaultSentenceCache
	fl := f.Lookup("sentence-cache")
	fl.DefValue = fmt.Sprint(defaultSentenceCache)
}
