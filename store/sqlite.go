package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"dateline/article"
	"dateline/record"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// SQLite is the embedded Store: one database file in WAL mode, safe for one
// writing process and any number of readers. A process killed mid-write
// loses at most the batch it was committing; everything committed before
// survives intact.
type SQLite struct {
	db   *sql.DB
	path string
	// rawAggregates makes the aggregates count raw rows only, never the
	// summaries (tests compare the two).
	rawAggregates bool
	// rawTimeLimit bounds an aggregate counted from raw rows; textSample
	// is how many full-text matches one counts at most (see Timeline).
	rawTimeLimit   time.Duration
	textSampleSize int
	// wrote is set once this handle has stored or replaced records, so
	// that Close compacts the full-text indexes it grew (a pointer: tests
	// copy the struct to change an option).
	wrote *atomic.Bool
	// has is Has's statement, prepared on first use (ingest asks it of
	// every article).
	has *lazyStmt
	// stmts keeps the read statements prepared (stmtcache.go).
	stmts *stmtCache
	// ckpt copies the write-ahead log in the background (checkpoint.go).
	ckpt *lazyCheckpointer
	// wc is the connection of write transactions (checkpoint.go).
	wc *writeConn
	// places numbers the map's places (summary.go).
	places *placeCache
}

type lazyCheckpointer struct {
	once sync.Once
	c    *checkpointer
}

// lazyStmt is a statement prepared once, when first needed.
type lazyStmt struct {
	once sync.Once
	st   *sql.Stmt
}

// get returns the prepared statement, or nil if it could not be prepared
// (the caller then runs the query unprepared).
func (l *lazyStmt) get(db *sql.DB, q string) *sql.Stmt {
	l.once.Do(func() { l.st, _ = db.Prepare(q) })
	return l.st
}

// Limits of aggregates counted from raw rows, see Timeline.
const (
	DefaultRawTimeLimit = 5 * time.Second
	// A full-text aggregate over more matches counts an even sample of
	// 500: over two years by month, a month's share of the matches has a
	// standard error of about one percentage point; 1,000 cost twice the
	// reads for 0.6 points.
	DefaultTextSampleSize = 500
)

var _ Store = (*SQLite)(nil)

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*SQLite, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	// Pragmas in the DSN apply to every pooled connection. synchronous=NORMAL
	// in WAL mode keeps committed transactions across a process crash (only
	// an OS crash can lose the last ones) and is much faster than FULL.
	// temp_store(MEMORY) keeps statement journals in memory: every
	// multi-row insert of a batch has one, and past 64 KiB SQLite spills
	// it to a temporary file, a write system call per page.
	// A new database gets 8 KiB pages (SQLite's default is 4): the record
	// rows carry JSON, and fewer, fuller pages mean fewer B-tree splits
	// and page writes per batch. The page size can only be set before the
	// database turns to WAL, and the driver runs the _pragma list sorted
	// by name, so WAL comes from its own key, applied after the list; an
	// existing database keeps its page size.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=busy_timeout(10000)&_pragma=page_size(8192)&_journal_mode=WAL&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)&_pragma=cache_size(-32000)&_pragma=temp_store(MEMORY)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// Eight connections: a server's cheap requests do not queue behind a
	// few slow ones as they did with four (docs/PERFORMANCE.md, the HTTP
	// load benchmark).
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	s := &SQLite{db: db, path: path, rawTimeLimit: DefaultRawTimeLimit, textSampleSize: DefaultTextSampleSize,
		wrote: new(atomic.Bool), has: &lazyStmt{}, stmts: newStmtCache(), ckpt: &lazyCheckpointer{}, wc: &writeConn{lock: make(chan struct{}, 1)}, places: newPlaceCache()}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return s, nil
}

// DB exposes the database handle for tests and maintenance commands.
func (s *SQLite) DB() *sql.DB { return s.db }

// Close compacts the full-text indexes this handle wrote to (see
// compactText), refreshes the query planner's statistics where they are
// stale (PRAGMA optimize), checkpoints the WAL and closes the database.
func (s *SQLite) Close() error {
	// No checkpointer starts after this one stops.
	s.ckpt.once.Do(func() {})
	if s.ckpt.c != nil {
		_ = s.ckpt.c.stop() // the TRUNCATE checkpoint below copies what it did not
	}
	s.closeWriteConn()
	if s.wrote.Load() {
		_ = s.compactText(context.Background())
	}
	_, _ = s.db.Exec("PRAGMA optimize")
	_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if s.has.st != nil {
		s.has.st.Close()
	}
	s.stmts.close()
	return s.db.Close()
}

// maxTextSegments is how many segments a full-text index may keep before
// compactText merges them. Every batch written adds a segment and FTS5
// merges them only by fours, so an index built in 50 batches has about
// ten; a full-text lookup of one article (the per-row check of a search)
// seeks each segment, and costs about 100 µs with ten against 12 µs with one.
const maxTextSegments = 2

// compactText merges each full-text index of more than maxTextSegments
// segments into one ('optimize': it rewrites the index, about a second
// per 100,000 articles, so it runs when a writer closes, not per batch).
func (s *SQLite) compactText(ctx context.Context) error {
	for _, t := range []string{"articles_fts", "quotes_fts"} {
		var n int
		// The %_idx shadow table has a row per leaf page of each segment.
		if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM `+t+`_idx`).Scan(&n); err != nil {
			return fmt.Errorf("store: %s segments: %w", t, err)
		}
		if n <= maxTextSegments {
			continue
		}
		if _, err := s.db.ExecContext(ctx, `INSERT INTO `+t+`(`+t+`) VALUES('optimize')`); err != nil {
			return fmt.Errorf("store: compact %s: %w", t, err)
		}
	}
	return nil
}

// migrations are applied in order; migration i brings the schema to
// version i+1. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: the initial schema.
	`
CREATE TABLE articles (
	rid INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	url TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT '',
	day TEXT NOT NULL DEFAULT '',           -- YYYY-MM-DD of published, '' when unknown
	dateline TEXT NOT NULL DEFAULT '',
	dateline_place TEXT NOT NULL DEFAULT '',
	lang TEXT NOT NULL DEFAULT '',
	input TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	version TEXT NOT NULL DEFAULT '',
	simhash INTEGER,                        -- 64-bit fingerprint as signed integer
	sh0 INTEGER, sh1 INTEGER, sh2 INTEGER, sh3 INTEGER, -- its four 16-bit bands
	story INTEGER NOT NULL,
	ingested_at TEXT NOT NULL
);
-- Texts live apart so that article rows stay small: filters and sorts
-- read many article rows and never the text.
CREATE TABLE texts (
	rid INTEGER PRIMARY KEY REFERENCES articles(rid) ON DELETE CASCADE,
	text TEXT NOT NULL
);
CREATE INDEX articles_day ON articles(day, rid);
CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_sh0 ON articles(sh0);
CREATE INDEX articles_sh1 ON articles(sh1);
CREATE INDEX articles_sh2 ON articles(sh2);
CREATE INDEX articles_sh3 ON articles(sh3);

CREATE TABLE stories (
	id INTEGER PRIMARY KEY,
	first_article INTEGER NOT NULL,
	n_articles INTEGER NOT NULL,
	n_sources INTEGER NOT NULL
);

CREATE TABLE entities (
	rid INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
	day TEXT NOT NULL,
	id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL,
	role TEXT NOT NULL, kb_id TEXT NOT NULL, n_mentions INTEGER NOT NULL,
	version TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX entities_article ON entities(article);
CREATE INDEX entities_code ON entities(code);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE mentions (
	entity INTEGER NOT NULL REFERENCES entities(rid) ON DELETE CASCADE,
	article INTEGER NOT NULL,
	text TEXT NOT NULL, kind TEXT NOT NULL,
	start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL, rule TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE places (
	rid INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
	day TEXT NOT NULL,
	id TEXT NOT NULL, name TEXT NOT NULL, mention TEXT NOT NULL,
	country TEXT NOT NULL, country_code TEXT NOT NULL, admin1 TEXT NOT NULL,
	lat REAL NOT NULL, lon REAL NOT NULL, feature_type TEXT NOT NULL, gazetteer_id TEXT NOT NULL,
	role TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,
	rule TEXT NOT NULL, version TEXT NOT NULL
);
CREATE INDEX places_article ON places(article);
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE INDEX places_mention ON places(mention COLLATE NOCASE);

CREATE TABLE times (
	rid INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
	id TEXT NOT NULL, text TEXT NOT NULL, from_day TEXT NOT NULL, to_day TEXT NOT NULL,
	precision TEXT NOT NULL, relative INTEGER NOT NULL,
	start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL, rule TEXT NOT NULL,
	version TEXT NOT NULL
);
CREATE INDEX times_article ON times(article);

CREATE TABLE quotes (
	rid INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
	day TEXT NOT NULL,
	id TEXT NOT NULL, kind TEXT NOT NULL, content TEXT NOT NULL,
	speaker_name TEXT NOT NULL, speaker_entity TEXT NOT NULL,
	start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,
	version TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_day ON quotes(day, rid);

CREATE TABLE claims (
	rid INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
	day TEXT NOT NULL,
	id TEXT NOT NULL, value REAL NOT NULL, qualifier TEXT NOT NULL, counted TEXT NOT NULL,
	unit TEXT NOT NULL, of TEXT NOT NULL, claimed_by TEXT NOT NULL,
	start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,
	version TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_counted ON claims(counted, day, rid);
CREATE INDEX claims_day ON claims(day, rid);

CREATE TABLE events (
	rid INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
	day TEXT NOT NULL,                      -- event date, else the article's day
	id TEXT NOT NULL,
	source_name TEXT NOT NULL, source_code TEXT NOT NULL,
	target_name TEXT NOT NULL, target_code TEXT NOT NULL,
	cameo TEXT NOT NULL, plover TEXT NOT NULL, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
	place_id TEXT NOT NULL, place_name TEXT NOT NULL,
	polarity TEXT NOT NULL, modality TEXT NOT NULL, reported_by TEXT NOT NULL,
	start INTEGER NOT NULL, end INTEGER NOT NULL, sentence INTEGER NOT NULL,
	version TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_day ON events(day, rid);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_plover ON events(plover, day, rid);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);

-- Full text: one row per article (rowid = articles.rid; from migration 6
-- its textKey) and one per quote (rowid = quotes.rid). Contentless: the
-- text already lives in articles.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', contentless_delete=1);
CREATE VIRTUAL TABLE quotes_fts USING fts5(content, speaker, content='', contentless_delete=1);
`,
	// 2: running totals per entity, so the unfiltered entity listing
	// does not group millions of rows on every call.
	`
CREATE TABLE entity_totals (
	name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL,
	articles INTEGER NOT NULL, mentions INTEGER NOT NULL,
	PRIMARY KEY (name, kind, code)
);
CREATE INDEX entity_totals_rank ON entity_totals(articles DESC, mentions DESC, name);
INSERT INTO entity_totals(name, kind, code, articles, mentions)
	SELECT name, kind, code, count(DISTINCT article), sum(n_mentions) FROM entities GROUP BY name, kind, code;
`,
	// 3: code prefixes are usually combined with a date range; keep the
	// day in the index so the range is checked without reading rows.
	`
DROP INDEX entities_code;
CREATE INDEX entities_code_day ON entities(code, day);
DROP INDEX events_cameo;
CREATE INDEX events_cameo_day ON events(cameo, day);
`,
	// 4: per-day summaries for the timeline (see summary.go), filled
	// from the stored records by backfillSummaries; the events of an
	// article with what a timeline counts, so the timeline of a
	// full-text query reads its events from the index alone.
	`
DROP INDEX events_article;
CREATE INDEX events_article ON events(article, day, quad_class, goldstein, polarity);
CREATE TABLE day_counts (
	dim TEXT NOT NULL, value TEXT NOT NULL, day TEXT NOT NULL,
	articles INTEGER NOT NULL,
	-- events by QuadClass (0 for none) and their Goldstein sum: first
	-- those not negated, then the negated ones
	e0 INTEGER NOT NULL, e1 INTEGER NOT NULL, e2 INTEGER NOT NULL, e3 INTEGER NOT NULL, e4 INTEGER NOT NULL,
	g REAL NOT NULL,
	n0 INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL, n4 INTEGER NOT NULL,
	ng REAL NOT NULL,
	PRIMARY KEY (dim, value, day)
) WITHOUT ROWID;
-- events from one actor to another per month ('' for undated events), by
-- the same dimensions, for the actor network: first the events not
-- negated, then the negated ones
CREATE TABLE pair_counts (
	dim TEXT NOT NULL, value TEXT NOT NULL, month TEXT NOT NULL,
	source_code TEXT NOT NULL, source_name TEXT NOT NULL, target_code TEXT NOT NULL, target_name TEXT NOT NULL,
	events INTEGER NOT NULL, goldstein REAL NOT NULL, conflict INTEGER NOT NULL,
	n_events INTEGER NOT NULL, n_goldstein REAL NOT NULL, n_conflict INTEGER NOT NULL,
	PRIMARY KEY (dim, value, month, source_code, source_name, target_code, target_name)
) WITHOUT ROWID;
-- per month and gazetteer place (with coordinates), for the map: matching
-- articles mentioning it (by publication month) and matching events there
-- (by event month), first those not negated, then the negated ones
CREATE TABLE place_counts (
	dim TEXT NOT NULL, value TEXT NOT NULL, month TEXT NOT NULL,
	name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
	country TEXT NOT NULL, feature_type TEXT NOT NULL, gazetteer_id TEXT NOT NULL,
	articles INTEGER NOT NULL,
	events INTEGER NOT NULL, goldstein REAL NOT NULL, conflict INTEGER NOT NULL,
	n_events INTEGER NOT NULL, n_goldstein REAL NOT NULL, n_conflict INTEGER NOT NULL,
	PRIMARY KEY (dim, value, month, name, lat, lon, country, feature_type, gazetteer_id)
) WITHOUT ROWID;
`,
	// 5: a record filter on a listing of articles is checked once per
	// candidate article ("has a claim counting killed"); with the
	// filtered column in the article's index the check reads the index
	// alone, not every record row of the article.
	`
DROP INDEX claims_article;
CREATE INDEX claims_article ON claims(article, counted);
DROP INDEX entities_article;
CREATE INDEX entities_article ON entities(article, code);
DROP INDEX events_article;
CREATE INDEX events_article ON events(article, day, quad_class, goldstein, polarity, plover, cameo, modality);
`,
	// 6: the article full-text index gains a column of filter tokens and
	// its rowids put the publication day above the rid (see tags.go); it
	// is refilled from the stored rows by rebuildArticleText.
	`
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tags, content='', contentless_delete=1);
`,
	// 7: a day summary row keeps the text a timeline reads of it (row
	// reads the counts of events not negated), written when the row is:
	// turning 730 rows of numbers into text per timeline was most of its
	// cost. Goldstein scores have one decimal; rounding their sum to four
	// drops the last bits that the order of additions leaves.
	`
CREATE TABLE day_counts_7 (
	dim TEXT NOT NULL, value TEXT NOT NULL, day TEXT NOT NULL,
	articles INTEGER NOT NULL,
	e0 INTEGER NOT NULL, e1 INTEGER NOT NULL, e2 INTEGER NOT NULL, e3 INTEGER NOT NULL, e4 INTEGER NOT NULL,
	g REAL NOT NULL,
	n0 INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL, n4 INTEGER NOT NULL,
	ng REAL NOT NULL,
	row TEXT GENERATED ALWAYS AS (day || ',' || articles || ',' || e0 || ',' || e1 || ',' || e2 || ',' || e3 || ',' || e4 || ',' || round(g, 4)) STORED,
	PRIMARY KEY (dim, value, day)
) WITHOUT ROWID;
INSERT INTO day_counts_7 (dim, value, day, articles, e0, e1, e2, e3, e4, g, n0, n1, n2, n3, n4, ng)
	SELECT dim, value, day, articles, e0, e1, e2, e3, e4, g, n0, n1, n2, n3, n4, ng FROM day_counts ORDER BY dim, value, day;
DROP TABLE day_counts;
ALTER TABLE day_counts_7 RENAME TO day_counts;
`,
	// 8: the actor-code index of entities covers what an entity listing
	// groups and sums, so "actor:RUS from:…" reads no entity rows (the
	// slowest of the store benchmark's listings, 46 → about 25 ms).
	`
DROP INDEX entities_code_day;
CREATE INDEX entities_code_day ON entities(code, day, name, kind, article, n_mentions);
`,
	// 9: no mentions table. Its rows (two of every three record rows an
	// article wrote) repeated the mentions each entity's data already
	// holds, and nothing read them; entities.n_mentions counts them.
	`
DROP TABLE IF EXISTS mentions;
`,
	// 10: indexes no query uses, each a B-tree every stored record had to
	// enter: a place: filter probes places through the article index, an
	// actor: name is matched with LIKE '%…%' (no index serves it), and
	// actor codes on events are compared with the unary + that keeps
	// SQLite on the day index (list.go).
	`
DROP INDEX IF EXISTS entities_name;
DROP INDEX IF EXISTS places_name;
DROP INDEX IF EXISTS places_mention;
DROP INDEX IF EXISTS events_source_code;
DROP INDEX IF EXISTS events_target_code;
`,
	// 11: the full-text indexes gather 8 MB of terms in memory before
	// writing a segment instead of 1 MB: a batch of 500 articles
	// writes one or two segments rather than a dozen, and the segments
	// merged later are fewer.
	`
INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', 8388608);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES('hashsize', 8388608);
`,
	// 12: the map's article counts leave place_counts for a narrow table
	// keyed by a place number (placeArticlesSQL): 98% of place_counts
	// rows counted an article under a place with no events there, each
	// upsert binding and comparing the place's six columns. place_counts
	// keeps the events (its articles column stays 0).
	placeArticlesSQL + `
INSERT OR IGNORE INTO place_keys(name, lat, lon, country, feature_type, gazetteer_id)
	SELECT DISTINCT name, lat, lon, country, feature_type, gazetteer_id FROM place_counts WHERE articles <> 0
	ORDER BY name, lat, lon, country, feature_type, gazetteer_id;
INSERT INTO place_articles(dim, value, month, place, articles)
	SELECT c.dim, c.value, c.month, k.id, c.articles FROM place_counts c JOIN place_keys k
		ON k.name = c.name AND k.lat = c.lat AND k.lon = c.lon AND k.country = c.country
		AND k.feature_type = c.feature_type AND k.gazetteer_id = c.gazetteer_id
	WHERE c.articles <> 0 ORDER BY c.dim, c.value, c.month, k.id;
DELETE FROM place_counts WHERE events = 0 AND n_events = 0;
UPDATE place_counts SET articles = 0 WHERE articles <> 0;
`,
}

// placeArticlesSQL creates the map's article counts (migration 12; the
// summaries' backfill of migration 4 creates them first, since it writes
// them): place_articles counts, per dimension value, month and place,
// the matching articles mentioning the place; a place is a number in
// place_keys, whose rows are never deleted.
const placeArticlesSQL = `
CREATE TABLE IF NOT EXISTS place_keys (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
	country TEXT NOT NULL, feature_type TEXT NOT NULL, gazetteer_id TEXT NOT NULL,
	UNIQUE (name, lat, lon, country, feature_type, gazetteer_id)
);
CREATE TABLE IF NOT EXISTS place_articles (
	dim TEXT NOT NULL, value TEXT NOT NULL, month TEXT NOT NULL,
	place INTEGER NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (dim, value, month, place)
) WITHOUT ROWID;
`

// migrationSteps are Go steps run after the SQL of the migration to the
// version they are keyed by, in its transaction.
var migrationSteps = map[int]func(context.Context, *sql.Tx) error{
	4: func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, placeArticlesSQL); err != nil {
			return err
		}
		return backfillSummaries(ctx, tx)
	},
	6: rebuildArticleText,
}

// SchemaVersion is the version Open migrates to.
var SchemaVersion = len(migrations)

func (s *SQLite) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := s.db.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (0)`); err != nil {
			return fmt.Errorf("init schema_version: %w", err)
		}
	case err != nil:
		return fmt.Errorf("read schema_version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this program's %d; use a newer dateline", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if step := migrationSteps[i+1]; step != nil {
			if err := step(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, i+1); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: commit: %w", i+1, err)
		}
	}
	return nil
}

// PutArticle stores one article; see Store.
func (s *SQLite) PutArticle(ctx context.Context, a article.Article, res record.Result, meta Meta) (bool, error) {
	added, err := s.PutBatch(ctx, []Put{{Article: a, Result: res, Meta: meta}})
	if err != nil {
		return false, err
	}
	return added[0], nil
}

// Has reports whether an article ID is stored.
func (s *SQLite) Has(ctx context.Context, id string) (bool, error) {
	const q = `SELECT 1 FROM articles WHERE id = ?`
	var one int
	var err error
	if st := s.has.get(s.db, q); st != nil {
		err = st.QueryRowContext(ctx, id).Scan(&one)
	} else {
		err = s.db.QueryRowContext(ctx, q, id).Scan(&one)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// PutBatch stores puts in one transaction; see Store.
func (s *SQLite) PutBatch(ctx context.Context, puts []Put) ([]bool, error) {
	for i := range puts {
		if puts[i].Article.ID == "" {
			return nil, fmt.Errorf("store: article %d of the batch (input %q) has no ID", i, puts[i].Article.Input)
		}
	}
	b, err := s.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer b.Rollback() // no-op after Commit
	added := make([]bool, len(puts))
	for i := range puts {
		if added[i], err = b.Put(&puts[i]); err != nil {
			return nil, err
		}
	}
	if err := b.Commit(); err != nil {
		return nil, err
	}
	return added, nil
}

// sqliteBatch is the SQLite Batch: one write transaction.
type sqliteBatch struct {
	s   *SQLite
	ctx context.Context
	tx  *sql.Tx // on s's write connection, let go by endWrite
	w   *writer
	n   int
	// The summaries' rows are worked out on another goroutine while the
	// records go in (the single writer is the bottleneck of an ingest):
	// Put sends it the summary rows of each article it stored.
	sums   chan *summaryRows
	tables chan []*countTable
	done   bool
	// failed is set when a Put failed: its statements may have left part
	// of the article in the transaction (the record inserts are INSERT OR
	// FAIL, see writeConn), so the batch can only be rolled back.
	failed bool
}

// Begin starts a write transaction; see Store.
func (s *SQLite) Begin(ctx context.Context) (Batch, error) {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	w, err := newWriter(ctx, tx, s.wc.conn)
	if err != nil {
		tx.Rollback()
		s.endWrite()
		return nil, err
	}
	b := &sqliteBatch{s: s, ctx: ctx, tx: tx, w: w, sums: make(chan *summaryRows, 64), tables: make(chan []*countTable, 1)}
	go func() {
		d := takeDelta()
		for rs := range b.sums {
			d.add(rs, 1)
		}
		b.tables <- d.tables()
		d.recycle()
	}()
	return b, nil
}

func (b *sqliteBatch) Put(p *Put) (bool, error) {
	if b.done {
		return false, errors.New("store: Put on a finished batch")
	}
	if b.failed {
		return false, errors.New("store: Put on a batch whose earlier Put failed")
	}
	if p.Article.ID == "" {
		return false, fmt.Errorf("store: article (input %q) has no ID", p.Article.Input)
	}
	if p.encoded == nil || p.summary == nil {
		p.Encode()
	}
	ok, err := b.w.put(p)
	if err != nil {
		b.failed = true
		return false, fmt.Errorf("store: article %s (%s): %w", p.Article.ID, p.Article.Input, err)
	}
	b.n++
	if ok {
		b.sums <- p.summary
	}
	return ok, nil
}

func (b *sqliteBatch) Len() int { return b.n }

func (b *sqliteBatch) finish() []*countTable {
	b.done = true
	close(b.sums)
	return <-b.tables
}

func (b *sqliteBatch) Commit() error {
	if b.done {
		return errors.New("store: Commit of a finished batch")
	}
	if b.failed {
		b.Rollback()
		return errors.New("store: Commit of a batch whose Put failed: rolled back")
	}
	defer b.s.endWrite() // after the statements close
	defer b.w.close()
	tables := b.finish()
	committed := false // the places numbered in the transaction are kept if it commits
	defer func() { b.s.places.settle(committed) }()
	if err := b.w.flushTotals(); err != nil {
		b.tx.Rollback()
		return fmt.Errorf("store: entity totals: %w", err)
	}
	err := writeTables(b.ctx, b.tx, b.w.raw, b.s.places, tables)
	recycleTables(tables)
	if err != nil {
		b.tx.Rollback()
		return fmt.Errorf("store: %w", err)
	}
	if err := b.w.flushFTS(); err != nil {
		b.tx.Rollback()
		return fmt.Errorf("store: %w", err)
	}
	err = b.tx.Commit()
	committed = err == nil
	if err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	b.s.committed()
	return nil
}

func (b *sqliteBatch) Rollback() {
	if b.done {
		return
	}
	b.finish()
	b.w.close()
	b.tx.Rollback()
	b.s.endWrite()
}

// writer holds the prepared statements of one write transaction.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// rows holds the record rows of the article being put, per table,
	// inserted several to a statement by flushRows through raw; multi
	// caches the SQL of those statements by table and row count.
	rows  map[string][]any
	multi map[multiKey]string
	raw   *rawExec
	// nextRid is the rid the next quote row gets: the rid SQLite would
	// give (one past the largest), set here so that quotes' full-text
	// rows can name it before it is inserted. Entity rows take the rid
	// SQLite gives them (the same number): a rid given in the statement
	// is checked to be an integer, a check that may abort the statement,
	// and that alone makes a multi-row insert need a statement journal
	// (see writeConn).
	nextRid map[string]int64
	// totals are the entity totals' additions of the transaction,
	// summed per entity, written by flushTotals in the order the
	// entities first appeared (new rows get the rowids that one upsert
	// per article would have given them) with one upsert per entity
	// instead of one per article that names it.
	totals     map[entityKey]*entityTotal
	totalOrder []entityKey
}

type entityKey struct{ name, kind, code string }

type entityTotal struct{ articles, mentions int }

type multiKey struct {
	name string
	n    int
}

var writeSQL = map[string]string{
	"article": `INSERT INTO articles(id, url, source, title, published, day, dateline, dateline_place,
		lang, input, status, version, simhash, sh0, sh1, sh2, sh3, story, ingested_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?) ON CONFLICT(id) DO NOTHING`,
	"text": `INSERT OR FAIL INTO texts(rid, text) VALUES (?,?)`,
	// assignStory's statements, run for every article.
	"storyCandidates": `SELECT simhash, story FROM articles
		WHERE (sh0 = ? OR sh1 = ? OR sh2 = ? OR sh3 = ?) AND rid <> ? AND story <> 0 ORDER BY rid LIMIT 256`,
	"newStory": `INSERT INTO stories(first_article, n_articles, n_sources) VALUES (?, 1, 1)`,
	"setStory": `UPDATE articles SET story = ? WHERE rid = ?`,
	"countStory": `UPDATE stories SET
		n_articles = (SELECT count(*) FROM articles WHERE story = ?1),
		n_sources = (SELECT count(DISTINCT CASE WHEN source = '' THEN id ELSE lower(source) END) FROM articles WHERE story = ?1)
		WHERE id = ?1`,
}

// newWriter prepares the statements of tx, a transaction open on conn.
func newWriter(ctx context.Context, tx *sql.Tx, conn *sql.Conn) (*writer, error) {
	w := &writer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{},
		rows: map[string][]any{}, multi: map[multiKey]string{}, raw: newRawExec(ctx, conn), nextRid: map[string]int64{},
		totals: map[entityKey]*entityTotal{}}
	for name, q := range writeSQL {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("store: prepare %s: %w", name, err)
		}
		w.stmts[name] = st
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
	w.raw.close()
}

// multiRowSQL are the record inserts flushRows batches, by name: the
// table and its columns. Rows go in in the order they were added, so
// every row gets the rowid a one-row insert would have given it.
var multiRowSQL = map[string]struct {
	table string
	cols  []string
}{
	"entity":      {"entities", strings.Fields("article day id name kind code role kb_id n_mentions version data")},
	"place":       {"places", strings.Fields("article day id name mention country country_code admin1 lat lon feature_type gazetteer_id role start end sentence rule version")},
	"time":        {"times", strings.Fields("article id text from_day to_day precision relative start end sentence rule version")},
	"quote":       {"quotes", strings.Fields("rid article day id kind content speaker_name speaker_entity start end sentence version data")},
	"quoteFTS":    {"quotes_fts", strings.Fields("rowid content speaker")},
	"entityTotal": {"entity_totals", strings.Fields("name kind code articles mentions")},
	"fts":         {"articles_fts", strings.Fields("rowid title text tags")},
	"claim":       {"claims", strings.Fields("article day id value qualifier counted unit of claimed_by start end sentence version data")},
	"event": {"events", strings.Fields(`article day id source_name source_code target_name target_code cameo plover goldstein quad_class
		place_id place_name polarity modality reported_by start end sentence version data`)},
}

// multiRowConflict ends the multi-row statements that add to rows.
var multiRowConflict = map[string]string{
	"entityTotal": ` ON CONFLICT(name, kind, code) DO UPDATE SET
		articles = articles + excluded.articles, mentions = mentions + excluded.mentions`,
}

// flushTotals writes the entity totals queued by records.
func (w *writer) flushTotals() error {
	for _, k := range w.totalOrder {
		t := w.totals[k]
		w.add("entityTotal", k.name, k.kind, k.code, t.articles, t.mentions)
	}
	clear(w.totals)
	w.totalOrder = w.totalOrder[:0]
	return w.insertQueued([]string{"entityTotal"})
}

// multiRowOrder is the order flushRows inserts the tables in.
var multiRowOrder = []string{"entity", "place", "time", "quote", "claim", "event"}

// ftsOrder are the full-text rows, which flushFTS inserts once per
// transaction, last. Their rowids are given (the article's and the
// quote's rid), so when they go in changes nothing stored; but FTS5
// writes its pending terms out as a new index segment at the start of
// every statement that needs a statement journal (multi-row inserts,
// upserts), so inserted along the way they would be flushed in many
// small segments that later merges pay for.
var ftsOrder = []string{"fts", "quoteFTS"}

// maxRowsPerStatement bounds one multi-row insert (21 columns × 64 rows
// stays far below SQLite's limit on bound values).
const maxRowsPerStatement = 64

// add queues one row of a multiRowSQL table.
func (w *writer) add(name string, args ...any) {
	w.rows[name] = append(w.rows[name], args...)
}

// rid returns the rid the next row of table gets (quotes).
func (w *writer) rid(table string) (int64, error) {
	next, ok := w.nextRid[table]
	if !ok {
		if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(rid), 0) + 1 FROM `+table).Scan(&next); err != nil {
			return 0, fmt.Errorf("%s: next rid: %w", table, err)
		}
		if next <= 0 {
			// max(rid) is the largest rowid: SQLite would pick one at
			// random; this store never gets there.
			return 0, fmt.Errorf("%s: no rid left", table)
		}
	}
	w.nextRid[table] = next + 1
	return next, nil
}

// flushRows inserts the queued rows, as few statements as it takes: a
// statement per power of two up to maxRowsPerStatement, each prepared
// once per transaction. Chunks of a fixed set of sizes keep the
// statements reusable.
func (w *writer) flushRows() error { return w.insertQueued(multiRowOrder) }

// flushFTS inserts the queued full-text rows, articles' in ascending
// rowid (textKey) order: FTS5 writes its pending terms out as a new
// segment whenever a rowid is not above the last one inserted, so rows in
// date order rather than rid order would each become a segment.
//
// They go in one row to a statement. A multi-row insert needs a statement
// journal, and FTS5 writes its pending terms out as a segment at the start
// of every such statement once it is part of the transaction: 64 rows to a
// statement made a segment of every 64 quotes (about 170 a batch), and
// merging them cost a tenth of the writer's time. One-row inserts let the
// terms build up in FTS5's hash until it is full (1 MB) or the
// transaction commits.
func (w *writer) flushFTS() error {
	sortRows(w.rows["fts"], len(multiRowSQL["fts"].cols))
	return w.insertQueuedBy(ftsOrder, 1)
}

// sortRows sorts a flat list of rows of ncol values by their first value,
// an int64.
func sortRows(args []any, ncol int) {
	rows := make([][]any, 0, len(args)/ncol)
	for i := 0; i+ncol <= len(args); i += ncol {
		rows = append(rows, slices.Clone(args[i:i+ncol]))
	}
	slices.SortStableFunc(rows, func(a, b []any) int { return cmp.Compare(a[0].(int64), b[0].(int64)) })
	for i, r := range rows {
		copy(args[i*ncol:], r)
	}
}

func (w *writer) insertQueued(names []string) error {
	return w.insertQueuedBy(names, maxRowsPerStatement)
}

// insertQueuedBy inserts the queued rows of the tables names, at most
// maxRows to a statement.
func (w *writer) insertQueuedBy(names []string, maxRows int) error {
	for _, name := range names {
		args := w.rows[name]
		if len(args) == 0 {
			continue
		}
		spec := multiRowSQL[name]
		ncol := len(spec.cols)
		for len(args) > 0 {
			n := maxRows
			for n*ncol > len(args) {
				n /= 2
			}
			if err := w.raw.exec(w.multiSQL(name, n), args[:n*ncol]); err != nil {
				return fmt.Errorf("insert %s: %w", name, err)
			}
			args = args[n*ncol:]
		}
		clear(w.rows[name])
		w.rows[name] = w.rows[name][:0]
	}
	return nil
}

// multiSQL returns the statement that inserts n rows of the multiRowSQL
// table name.
func (w *writer) multiSQL(name string, n int) string {
	k := multiKey{name, n}
	if q, ok := w.multi[k]; ok {
		return q
	}
	spec := multiRowSQL[name]
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?,", len(spec.cols)), ",") + ")"
	q := "INSERT OR FAIL INTO " + spec.table + "(" + strings.Join(spec.cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(tuple+",", n), ",") + multiRowConflict[name]
	w.multi[k] = q
	return q
}

func (w *writer) exec(name string, args ...any) (sql.Result, error) {
	r, err := w.stmts[name].ExecContext(w.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("insert %s: %w", name, err)
	}
	return r, nil
}

// dayOf returns the YYYY-MM-DD prefix of a date or timestamp, or "".
func dayOf(s string) string {
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// span returns text[start:end] when the offsets are valid, else "". Bad
// offsets from an extractor must not crash the store.
func span(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	return text[start:end]
}

func (w *writer) put(p *Put) (bool, error) {
	a := &p.Article
	status := p.Meta.Status
	if status == "" {
		status = StatusExtracted
	}
	at := p.Meta.IngestedAt
	if at.IsZero() {
		at = time.Now()
	}
	day := dayOf(a.Published)
	var sh, b0, b1, b2, b3 any
	if p.Meta.HasSimHash {
		h := p.Meta.SimHash
		sh = int64(h)
		b0, b1, b2, b3 = int64(h&0xffff), int64(h>>16&0xffff), int64(h>>32&0xffff), int64(h>>48)
	}
	version := p.Result.Version
	res, err := w.exec("article", a.ID, a.URL, a.Source, a.Title, a.Published, day, a.Dateline,
		a.DatelinePlace, a.Lang, a.Input, status, version, sh, b0, b1, b2, b3, at.UTC().Format(time.RFC3339))
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil // already stored: idempotent re-ingest
	}
	rid, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if err := w.assignStory(rid, p); err != nil {
		return false, err
	}
	if _, err := w.exec("text", rid, a.Text); err != nil {
		return false, err
	}
	if rid >= 1<<textRidBits {
		return false, fmt.Errorf("article rid %d does not fit a full-text key", rid)
	}
	w.add("fts", textKey(day, rid), a.Title, a.Text, articleTags(a.Source, a.Lang, &p.Result))
	if p.encoded == nil {
		p.Encode()
	}
	if err := w.records(rid, day, a, &p.Result, p.encoded); err != nil {
		return false, err
	}
	return true, nil
}

// records inserts the records of r for the stored article rid (whose
// publication day is day).
//
// Integers go in as int64, the type database/sql hands the driver as it
// is; an int is converted by reflection into a new boxed value, one more
// allocation per offset of every record row.
func (w *writer) records(rid int64, day string, a *article.Article, r *record.Result, enc *encodedRecords) error {
	version := r.Version
	seen := make(map[entityKey]bool, len(r.Entities))
	for i := range r.Entities {
		e := &r.Entities[i]
		k := entityKey{e.Name, e.Kind, e.Code}
		t := w.totals[k]
		if t == nil {
			t = &entityTotal{}
			w.totals[k] = t
			w.totalOrder = append(w.totalOrder, k)
		}
		if !seen[k] {
			seen[k] = true
			t.articles++
		}
		t.mentions += len(e.Mentions)
		w.add("entity", rid, day, e.ID, e.Name, e.Kind, e.Code, e.Role, e.KBID, int64(len(e.Mentions)), version, enc.entities[i])
	}
	placeName := map[string]string{}
	for i := range r.Places {
		pl := &r.Places[i]
		placeName[pl.ID] = pl.Name
		ev := pl.Evidence
		w.add("place", rid, day, pl.ID, pl.Name, pl.Mention, pl.Country, pl.CountryCode, pl.Admin1,
			pl.Lat, pl.Lon, pl.FeatureType, pl.GazetteerID, pl.Role, int64(ev.Start), int64(ev.End), int64(ev.Sentence), ev.Rule, version)
	}
	for i := range r.Times {
		t := &r.Times[i]
		ev := t.Evidence
		w.add("time", rid, t.ID, t.Text, t.From, t.To, t.Precision, t.Relative, int64(ev.Start), int64(ev.End), int64(ev.Sentence), ev.Rule, version)
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		content := span(a.Text, q.Content.Start, q.Content.End)
		speaker := q.SpeakerName
		if speaker == "" && q.Speaker != nil {
			speaker = span(a.Text, q.Speaker.Start, q.Speaker.End) // the mention as written
		}
		qrid, err := w.rid("quotes")
		if err != nil {
			return err
		}
		w.add("quote", qrid, rid, day, q.ID, q.Kind, content, speaker, q.SpeakerEntity,
			int64(q.Content.Start), int64(q.Content.End), int64(q.Content.Sentence), version, enc.quotes[i])
		w.add("quoteFTS", qrid, content, speaker)
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		ev := c.Evidence
		w.add("claim", rid, day, c.ID, c.Value, c.Qualifier, strings.ToLower(c.Counted), c.Unit, c.Of, c.ClaimedBy,
			int64(ev.Start), int64(ev.End), int64(ev.Sentence), version, enc.claims[i])
	}
	for i := range r.Events {
		e := &r.Events[i]
		var sn, sc, tn, tc string
		if e.Source != nil {
			sn, sc = e.Source.Name, e.Source.Code
		}
		if e.Target != nil {
			tn, tc = e.Target.Name, e.Target.Code
		}
		eday := dayOf(e.Date)
		if eday == "" {
			eday = day
		}
		ev := e.Action
		w.add("event", rid, eday, e.ID, sn, sc, tn, tc, e.CAMEO, strings.ToUpper(e.Plover), e.Goldstein, int64(e.QuadClass),
			e.Place, placeName[e.Place], e.Polarity, e.Modality, e.ReportedBy, int64(ev.Start), int64(ev.End), int64(ev.Sentence), version, enc.events[i])
	}
	return w.flushRows()
}

// assignStory puts the new article rid into the story of its nearest
// near-duplicate, or into a new story of its own. Candidates come from the
// four 16-bit bands of the SimHash: two fingerprints within Hamming distance
// 3 differ in at most 3 bands, so they agree on at least one (pigeonhole).
func (w *writer) assignStory(rid int64, p *Put) error {
	story := int64(0)
	if p.Meta.HasSimHash {
		h := p.Meta.SimHash
		rows, err := w.stmts["storyCandidates"].QueryContext(w.ctx,
			int64(h&0xffff), int64(h>>16&0xffff), int64(h>>32&0xffff), int64(h>>48), rid)
		if err != nil {
			return fmt.Errorf("story candidates: %w", err)
		}
		best := MaxStoryDistance + 1
		for rows.Next() {
			var other, st int64
			if err := rows.Scan(&other, &st); err != nil {
				rows.Close()
				return err
			}
			if d := bits.OnesCount64(h ^ uint64(other)); d < best {
				best, story = d, st
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if story == 0 {
		res, err := w.stmts["newStory"].ExecContext(w.ctx, rid)
		if err != nil {
			return fmt.Errorf("new story: %w", err)
		}
		story, _ = res.LastInsertId()
		_, err = w.stmts["setStory"].ExecContext(w.ctx, story, rid)
		return err
	}
	if _, err := w.stmts["setStory"].ExecContext(w.ctx, story, rid); err != nil {
		return err
	}
	_, err := w.stmts["countStory"].ExecContext(w.ctx, story)
	return err
}

// Get returns one stored article with its records.
func (s *SQLite) Get(ctx context.Context, id string) (*StoredArticle, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	out := &StoredArticle{}
	a := &out.Article
	var rid int64
	var at string
	err = tx.QueryRowContext(ctx, `SELECT a.rid, a.id, a.url, a.source, a.title, t.text, a.published, a.dateline,
		a.dateline_place, a.lang, a.input, a.status, a.version, a.story, s.n_articles, s.n_sources, a.ingested_at
		FROM articles a JOIN stories s ON s.id = a.story JOIN texts t ON t.rid = a.rid WHERE a.id = ?`, id).Scan(
		&rid, &a.ID, &a.URL, &a.Source, &a.Title, &a.Text, &a.Published, &a.Dateline, &a.DatelinePlace,
		&a.Lang, &a.Input, &out.Info.Status, &out.Result.Version, &out.Info.Story, &out.Info.NumArticles,
		&out.Info.NumSources, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: get %q: %w", id, err)
	}
	out.IngestedAt, _ = time.Parse(time.RFC3339, at)
	out.Info.ID, out.Info.Title, out.Info.Source, out.Info.URL = a.ID, a.Title, a.Source, a.URL
	out.Info.Published, out.Info.Lang = a.Published, a.Lang

	r := &out.Result
	if err := scanJSON(ctx, tx, `SELECT data FROM entities WHERE article = ? ORDER BY rid`, rid, func() any {
		r.Entities = append(r.Entities, record.Entity{})
		return &r.Entities[len(r.Entities)-1]
	}); err != nil {
		return nil, err
	}
	for i := range r.Entities {
		setArticleID(&r.Entities[i], a.ID)
	}
	if err := scanJSON(ctx, tx, `SELECT data FROM quotes WHERE article = ? ORDER BY rid`, rid, func() any {
		r.Quotes = append(r.Quotes, record.Quote{})
		return &r.Quotes[len(r.Quotes)-1]
	}); err != nil {
		return nil, err
	}
	for i := range r.Quotes {
		setArticleID(&r.Quotes[i], a.ID)
	}
	if err := scanJSON(ctx, tx, `SELECT data FROM claims WHERE article = ? ORDER BY rid`, rid, func() any {
		r.Claims = append(r.Claims, record.Claim{})
		return &r.Claims[len(r.Claims)-1]
	}); err != nil {
		return nil, err
	}
	for i := range r.Claims {
		setArticleID(&r.Claims[i], a.ID)
	}
	if err := scanJSON(ctx, tx, `SELECT data FROM events WHERE article = ? ORDER BY rid`, rid, func() any {
		r.Events = append(r.Events, record.Event{})
		return &r.Events[len(r.Events)-1]
	}); err != nil {
		return nil, err
	}
	for i := range r.Events {
		setArticleID(&r.Events[i], a.ID)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, mention, country, country_code, admin1, lat, lon,
		feature_type, gazetteer_id, role, start, end, sentence, rule FROM places WHERE article = ? ORDER BY rid`, rid)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var p record.Place
		if err := rows.Scan(&p.ID, &p.Name, &p.Mention, &p.Country, &p.CountryCode, &p.Admin1, &p.Lat, &p.Lon,
			&p.FeatureType, &p.GazetteerID, &p.Role, &p.Evidence.Start, &p.Evidence.End, &p.Evidence.Sentence, &p.Evidence.Rule); err != nil {
			rows.Close()
			return nil, err
		}
		p.Evidence.ArticleID = a.ID
		r.Places = append(r.Places, p)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT id, text, from_day, to_day, precision, relative, start, end, sentence, rule
		FROM times WHERE article = ? ORDER BY rid`, rid)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var t record.Time
		if err := rows.Scan(&t.ID, &t.Text, &t.From, &t.To, &t.Precision, &t.Relative, &t.Evidence.Start,
			&t.Evidence.End, &t.Evidence.Sentence, &t.Evidence.Rule); err != nil {
			rows.Close()
			return nil, err
		}
		t.Evidence.ArticleID = a.ID
		r.Times = append(r.Times, t)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT id FROM articles WHERE story = ? AND rid <> ? ORDER BY rid LIMIT 1000`, out.Info.Story, rid)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var other string
		if err := rows.Scan(&other); err != nil {
			rows.Close()
			return nil, err
		}
		out.StoryArticles = append(out.StoryArticles, other)
	}
	rows.Close()
	return out, rows.Err()
}

// scanJSON decodes each row's single JSON column into the value next returns.
func scanJSON(ctx context.Context, tx *sql.Tx, q string, rid int64, next func() any) error {
	rows, err := tx.QueryContext(ctx, q, rid)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(data), next()); err != nil {
			return fmt.Errorf("store: corrupt record JSON: %w", err)
		}
	}
	return rows.Err()
}

// Stats counts what the store holds.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	st := Stats{ByStatus: map[string]int{}, ByLang: map[string]int{}, SchemaVersion: SchemaVersion}
	counts := []struct {
		q   string
		dst *int
	}{
		{`SELECT count(*) FROM articles`, &st.Articles},
		{`SELECT count(*) FROM stories`, &st.Stories},
		{`SELECT count(*) FROM stories WHERE n_articles > 1`, &st.MultiStories},
		{`SELECT count(*) FROM entities`, &st.Entities},
		{`SELECT coalesce(sum(n_mentions), 0) FROM entities`, &st.Mentions},
		{`SELECT count(*) FROM places`, &st.Places},
		{`SELECT count(*) FROM times`, &st.Times},
		{`SELECT count(*) FROM quotes`, &st.Quotes},
		{`SELECT count(*) FROM claims`, &st.Claims},
		{`SELECT count(*) FROM events`, &st.Events},
	}
	for _, c := range counts {
		if err := s.db.QueryRowContext(ctx, c.q).Scan(c.dst); err != nil {
			return st, fmt.Errorf("store: stats: %w", err)
		}
	}
	groups := []struct {
		q   string
		dst map[string]int
	}{
		{`SELECT status, count(*) FROM articles GROUP BY status`, st.ByStatus},
		{`SELECT lang, count(*) FROM articles GROUP BY lang`, st.ByLang},
	}
	for _, g := range groups {
		rows, err := s.db.QueryContext(ctx, g.q)
		if err != nil {
			return st, fmt.Errorf("store: stats: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, err
			}
			g.dst[k] = n
		}
		rows.Close()
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT version FROM articles ORDER BY version`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return st, err
		}
		st.Versions = append(st.Versions, v)
	}
	return st, rows.Err()
}
