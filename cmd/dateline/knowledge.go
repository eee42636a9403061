package main

import (
	"fmt"
	"strconv"

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

// defaultCopyCacheMB is the copy cache of ingest, reprocess and serve, in
// megabytes: the texts and records of a few thousand recent articles.
const defaultCopyCacheMB = 64

// setCacheDefault makes --sentence-cache default to defaultSentenceCache,
// and adds the wire-copy flags of the long-running commands, which
// extract through Pipeline.Records.
func setCacheDefault(f *pflag.FlagSet, o *extract.Options) {
	o.SentenceCache = defaultSentenceCache
	fl := f.Lookup("sentence-cache")
	fl.DefValue = fmt.Sprint(defaultSentenceCache)
	f.Var(megabytes{&o.CopyCache}, "copy-cache", "megabytes of recent articles' texts and records kept so that a wire copy (the same text with inert lines added before or after, same date and dateline) takes their records instead of being extracted again; the output is the same; 0: off")
	o.CopyCache = defaultCopyCacheMB << 20
	f.Lookup("copy-cache").DefValue = fmt.Sprint(defaultCopyCacheMB)
	f.BoolVar(&o.CheckCopies, "check-copies", false, "extract every reused wire copy afresh as well and count those whose records differ (slow; a test of the copy rule)")
}

// megabytes is an int flag given in megabytes and kept in bytes.
type megabytes struct{ bytes *int }

func (m megabytes) String() string {
	if m.bytes == nil {
		return "0"
	}
	return fmt.Sprint(*m.bytes >> 20)
}

func (m megabytes) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a whole number of megabytes (0 turns it off), got %q", s)
	}
	*m.bytes = n << 20
	return nil
}

func (megabytes) Type() string { return "MB" }
