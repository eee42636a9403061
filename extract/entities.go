package extract

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"

	"dateline/record"
)

// Mention kinds (record.Mention.Kind).
const (
	MentionName    = "name"
	MentionNominal = "nominal"
	MentionPronoun = "pronoun"
)

// Mentions is the outcome of Entities: the article's entities and, for
// every token of the Doc, the index of the entity one of whose mentions
// covers it (-1 for none).
type Mentions struct {
	Entities []record.Entity
	ByToken  []int
}

// recordID is a stable ID from the article, a span and codes.
func recordID(kind, articleID string, start, end int, parts ...string) string {
	h := sha1.New()
	fmt.Fprintf(h, "%s|%s|%d|%d", articleID, kind, start, end)
	for _, p := range parts {
		fmt.Fprintf(h, "|%s", p)
	}
	return kind[:1] + "_" + hex.EncodeToString(h.Sum(nil)[:8])
}
