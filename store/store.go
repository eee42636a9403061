// Package store persists articles and the records extracted from them, and
// answers queries over them. Store is the interface the CLI and the server
// use; Open returns the embedded SQLite implementation (pure Go, one file,
// WAL journal, FTS5 full-text index). A server database can implement the
// same interface later.
//
// Storing is idempotent by article ID: putting an article whose ID is
// already stored changes nothing and is reported as a duplicate, so an
// interrupted ingest can simply be run again.
package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"sync"
	"time"

	"dateline/article"
	"dateline/query"
	"dateline/record"
)

// DefaultPath is the database file used when neither --db nor DATELINE_DB
// names one.
const DefaultPath = "dateline.db"

// PathFromEnv returns flagValue when set, else $DATELINE_DB, else
// DefaultPath.
func PathFromEnv(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if p := os.Getenv("DATELINE_DB"); p != "" {
		return p
	}
	return DefaultPath
}

// Article statuses.
const (
	StatusExtracted  = "extracted"   // records were extracted and stored
	StatusNotEnglish = "not_english" // stored with its language, not extracted
	StatusPending    = "pending"     // stored without extraction (ingest --no-extract)
)

// Meta is what the caller knows about an article beyond its content.
type Meta struct {
	// Status is StatusExtracted or StatusNotEnglish; empty means extracted.
	Status string
	// SimHash is the article's near-duplicate fingerprint
	// (article.SimHash); articles within Hamming distance MaxStoryDistance
	// are grouped into one story. HasSimHash false leaves the article in a
	// story of its own.
	SimHash    uint64
	HasSimHash bool
	// IngestedAt defaults to now.
	IngestedAt time.Time
}

// Put is one article to store with its records.
type Put struct {
	Article article.Article
	Result  record.Result
	Meta    Meta

	// encoded holds the records' JSON and summary the article's share of
	// the summaries when Encode has run.
	encoded *encodedRecords
	summary *summaryRows
}

// encodedRecords are the JSON documents of a Result's records, in order.
type encodedRecords struct {
	entities, quotes, claims, events []string
}

// Encode turns the records into the JSON the store keeps of them and
// works out the article's share of the summary tables. Writing does it
// for any Put that has not been encoded, inside the single write
// transaction; callers that prepare Puts in parallel (ingest's workers)
// call Encode there to take that work off the writer. Change the Put after
// Encode and what is stored will not follow: encode last.
func (p *Put) Encode() {
	r := &p.Result
	e := &encodedRecords{
		entities: make([]string, len(r.Entities)),
		quotes:   make([]string, len(r.Quotes)),
		claims:   make([]string, len(r.Claims)),
		events:   make([]string, len(r.Events)),
	}
	for i := range r.Entities {
		e.entities[i] = marshalStored(&r.Entities[i])
	}
	for i := range r.Quotes {
		e.quotes[i] = marshalStored(&r.Quotes[i])
	}
	for i := range r.Claims {
		e.claims[i] = marshalStored(&r.Claims[i])
	}
	for i := range r.Events {
		e.events[i] = marshalStored(&r.Events[i])
	}
	p.encoded = e
	p.summary = summaryRowsOf(p)
}

// marshalStored is the JSON the store keeps of a record: without the
// article ID in its evidence, which readers set again from the row's
// article (setArticleID). The record is left as it was.
func marshalStored(v any) string {
	var ids []string
	record.EachEvidence(v, func(e *record.Evidence) {
		ids = append(ids, e.ArticleID)
		e.ArticleID = ""
	})
	s := marshal(v)
	i := 0
	record.EachEvidence(v, func(e *record.Evidence) {
		e.ArticleID = ids[i]
		i++
	})
	return s
}

// setArticleID sets the article ID of every evidence of a record read
// from the store.
func setArticleID(v any, id string) {
	record.EachEvidence(v, func(e *record.Evidence) { e.ArticleID = id })
}

// marshal is json.Marshal of a record, which cannot fail for the record
// types (no channels, funcs or cyclic values). It encodes into a pooled
// buffer and copies the text out once: json.Marshal copies its result
// out of its own buffer, and the string conversion copied it again.
func marshal(v any) string {
	buf := marshalBufs.Get().(*bytes.Buffer)
	buf.Reset()
	json.NewEncoder(buf).Encode(v) // as json.Marshal, then a newline
	s := string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	if buf.Cap() <= 1<<20 {
		marshalBufs.Put(buf)
	}
	return s
}

// marshalBufs are marshal's buffers.
var marshalBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// MaxStoryDistance is the largest SimHash Hamming distance at which two
// articles count as copies of one story (wire copies, updated versions).
const MaxStoryDistance = 3

// Kind names what a listing returns.
type Kind string

// Listing kinds.
const (
	KindArticles Kind = "articles"
	KindEvents   Kind = "events"
	KindQuotes   Kind = "quotes"
	KindClaims   Kind = "claims"
	KindEntities Kind = "entities" // grouped across articles by name, kind and code
)

// Kinds lists the listing kinds.
var Kinds = []Kind{KindArticles, KindEvents, KindQuotes, KindClaims, KindEntities}

// Page selects a window of a listing. Limit 0 means no limit (exports).
type Page struct {
	Limit  int
	Offset int
}

// ArticleInfo is the part of an article shown next to each record.
type ArticleInfo struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Status    string `json:"status"`
	// Story groups near-duplicate articles; NumArticles and NumSources
	// count its articles and distinct outlets.
	Story       int64 `json:"story"`
	NumArticles int   `json:"num_articles"`
	NumSources  int   `json:"num_sources"`
}

// Row is one result of a listing: the article and, for record listings,
// one record of the listed kind. Record evidence has its Text filled in.
type Row struct {
	Article ArticleInfo    `json:"article"`
	Snippet string         `json:"snippet,omitempty"` // articles: the opening of the text
	Event   *record.Event  `json:"event,omitempty"`
	Quote   *record.Quote  `json:"quote,omitempty"`
	Claim   *record.Claim  `json:"claim,omitempty"`
	Entity  *EntitySummary `json:"entity,omitempty"`
	// PlaceName is the name of the event's place, when it has one.
	PlaceName string `json:"place_name,omitempty"`
}

// EntitySummary is an entity grouped over the articles that mention it.
type EntitySummary struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Code     string `json:"code,omitempty"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// StoredArticle is an article with all its records, as stored.
type StoredArticle struct {
	Info    ArticleInfo     `json:"info"`
	Article article.Article `json:"article"`
	Result  record.Result   `json:"records"`
	// StoryArticles lists the IDs of the other articles of its story.
	StoryArticles []string  `json:"story_articles,omitempty"`
	IngestedAt    time.Time `json:"ingested_at"`
}

// Stats counts what the store holds.
type Stats struct {
	Articles      int            `json:"articles"`
	ByStatus      map[string]int `json:"by_status"`
	ByLang        map[string]int `json:"by_lang"`
	Stories       int            `json:"stories"`
	MultiStories  int            `json:"multi_article_stories"`
	Entities      int            `json:"entities"`
	Mentions      int            `json:"mentions"`
	Places        int            `json:"places"`
	Times         int            `json:"times"`
	Quotes        int            `json:"quotes"`
	Claims        int            `json:"claims"`
	Events        int            `json:"events"`
	Versions      []string       `json:"versions"`
	SchemaVersion int            `json:"schema_version"`
}

// ErrNotFound is returned by Get for an unknown article ID.
var ErrNotFound = errors.New("store: article not found")

// Batch is a write transaction of Store.Begin. Put stores one article
// (false, changing nothing, when its ID is stored already, by an earlier
// transaction or earlier in this one); Commit makes every article put
// visible at once, or none when it fails; Rollback discards them. After an
// error from Put the batch can only be rolled back. A Batch is used by one
// goroutine.
type Batch interface {
	Put(p *Put) (added bool, err error)
	Len() int // articles put so far
	Commit() error
	Rollback()
}

// Store persists articles and records and answers queries.
type Store interface {
	// PutArticle stores one article and its records. It reports false,
	// and changes nothing, when an article with that ID is already stored.
	PutArticle(ctx context.Context, a article.Article, res record.Result, meta Meta) (bool, error)
	// PutBatch stores many articles in one transaction; added[i] tells
	// whether puts[i] was new. Either all new articles are committed or
	// none is.
	PutBatch(ctx context.Context, puts []Put) (added []bool, err error)
	// Begin starts a write transaction that takes articles one at a time,
	// for a writer that receives them as a stream: each article's rows go
	// in as it comes, and nothing waits for a whole batch to be gathered.
	Begin(ctx context.Context) (Batch, error)
	// Has reports whether an article ID is stored.
	Has(ctx context.Context, id string) (bool, error)
	// Get returns one article with its records, or ErrNotFound.
	Get(ctx context.Context, id string) (*StoredArticle, error)
	// List streams the rows of kind that match q (nil matches all), newest
	// first, calling yield for each; an error from yield stops the listing
	// and is returned.
	List(ctx context.Context, kind Kind, q *query.Query, page Page, yield func(Row) error) error
	// Count counts the rows List would return without paging, stopping
	// at limit when limit > 0 (a result equal to limit means "at least
	// limit": counting every match of a broad query costs a full scan).
	Count(ctx context.Context, kind Kind, q *query.Query, limit int) (int, error)
	// Total is Count with a bound on the work: exact reports whether n is
	// the exact number of rows; when it is false, n is a lower bound
	// (there are at least limit rows, or a search of articles combines
	// common full text with other conditions: see SQLite.Total).
	Total(ctx context.Context, kind Kind, q *query.Query, limit int) (n int, exact bool, err error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}
