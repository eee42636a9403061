package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// A write-ahead log grows with every commit until a checkpoint copies its
// pages into the database file. SQLite does this on the committing
// connection when the log passes wal_autocheckpoint pages, so the single
// writer of an ingest stood still for every copy and for the two fsyncs
// that end it: 7 to 8 seconds of a 40-second ingest of 10,000 articles.
// The store's writes (Begin, ReplaceRecords) therefore turn automatic
// checkpoints off on their connection and hand the work to a checkpointer
// goroutine, which copies in the background on a connection of its own
// while the writer goes on with the next batch.
//
// A PASSIVE checkpoint never waits for the writer, but the log only starts
// again from its beginning when a write transaction begins after a
// checkpoint has copied all of it; the writer begins the next batch at
// once, so without help the log would grow for the whole ingest. Once the
// log holds more than walRestartBytes, beginWrite therefore waits for the
// checkpoint of the last commit to finish before it begins: the log is
// reset about every walRestartBytes, and the writer waits for one copy in
// several instead of every one.

// walRestartBytes is the log size past which the next write waits for the
// running checkpoint, so the log can start over (a variable for tests).
var walRestartBytes int64 = 128 << 20

// checkpointer runs PASSIVE checkpoints after commits, one at a time.
type checkpointer struct {
	db   *sql.DB
	kick chan struct{} // a commit happened; capacity 1
	mu   sync.Mutex
	cond *sync.Cond
	// committed counts commits; copied is the value of committed when
	// the last finished checkpoint began, so copied >= n means the
	// checkpoint covering commit n is done.
	committed, copied uint64
	// logBytes is the size of the log the last checkpoint found.
	logBytes int64
	pageSize int64
	err      error // the last checkpoint's error, reported by Close
	stopped  bool
	done     chan struct{}
}

func newCheckpointer(db *sql.DB) *checkpointer {
	c := &checkpointer{db: db, kick: make(chan struct{}, 1), done: make(chan struct{}), pageSize: 4096}
	c.cond = sync.NewCond(&c.mu)
	var ps int64
	if db.QueryRow(`PRAGMA page_size`).Scan(&ps) == nil && ps > 0 {
		c.pageSize = ps
	}
	go c.run()
	return c
}

// run checkpoints after each kick until stop.
func (c *checkpointer) run() {
	defer close(c.done)
	for range c.kick {
		c.mu.Lock()
		upTo := c.committed
		c.mu.Unlock()
		var busy, logFrames, copied int64
		err := c.db.QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logFrames, &copied)
		c.mu.Lock()
		c.copied = upTo
		if err != nil {
			c.err = fmt.Errorf("store: background checkpoint: %w", err)
		} else {
			c.logBytes = logFrames * c.pageSize
		}
		c.cond.Broadcast()
		c.mu.Unlock()
	}
}

// committedWrite records a commit and asks for a checkpoint.
func (c *checkpointer) committedWrite() {
	c.mu.Lock()
	c.committed++
	c.mu.Unlock()
	select {
	case c.kick <- struct{}{}:
	default: // one is pending already; it will see this commit too
	}
}

// waitIfLong blocks, when the log has outgrown walRestartBytes, until the
// checkpoint of the last commit has finished, so that the write about to
// begin starts the log over.
func (c *checkpointer) waitIfLong() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.logBytes < walRestartBytes {
		return
	}
	for c.copied < c.committed && !c.stopped {
		c.cond.Wait()
	}
	c.logBytes = 0 // the next checkpoint measures it again
}

// stop finishes the pending checkpoint and ends the goroutine; it returns
// the last checkpoint's error.
func (c *checkpointer) stop() error {
	c.mu.Lock()
	if c.stopped {
		c.mu.Unlock()
		return nil
	}
	c.stopped = true
	c.cond.Broadcast()
	c.mu.Unlock()
	close(c.kick)
	<-c.done
	return c.err
}

// writerCacheKiB is the page cache of the writing connection: the
// indexes a batch of articles touches stay in it from one batch to the
// next (the other connections keep 32 MB).
const writerCacheKiB = 56 << 10

// writeConn is the connection every write transaction of a handle uses,
// one at a time: its page cache stays warm across batches, and its
// automatic checkpoints are off (see checkpointer). A write waiting for
// another waits here rather than in SQLite's busy loop.
//
// Foreign keys are off on this connection alone (the readers' and the
// migrations' connections keep them on). Every record row names its
// article (article REFERENCES articles(rid) ON DELETE CASCADE), and with
// foreign keys on SQLite looks the article up for each row inserted and
// counts the rows that would break the constraint, which makes every
// multi-row insert need a statement journal (a copy of each page it
// changes, and a savepoint per statement) so that a failing statement can
// be undone alone. Neither check can find anything here:
//   - the writer inserts a record row only with the rid its article's row
//     got earlier in the same transaction (writer.put, writer.records,
//     ReplaceRecords, which reads the rid of a stored article);
//   - nothing deletes an article: the cascades were never used (reprocess
//     deletes an article's records, the children, never the parent, and
//     the mentions table, the one child of entities, is gone since
//     migration 9).
//
// The record inserts are INSERT OR FAIL, which with foreign keys off needs
// no statement journal either: a failing statement keeps the rows it
// inserted before the failure instead of taking them back. That leaves a
// half-written article in the transaction, so a Batch whose Put failed
// refuses to Commit (sqliteBatch.failed) and is rolled back, as ingest
// does before retrying its articles one at a time; ReplaceRecords rolls
// back on any error.
type writeConn struct {
	lock chan struct{} // capacity 1: held while a write transaction is open
	conn *sql.Conn     // nil until the first write, or after a failure
}

// beginWrite opens a write transaction on the handle's write connection;
// endWrite ends the use of it.
func (s *SQLite) beginWrite(ctx context.Context) (*sql.Tx, error) {
	if c := s.checkpointer(); c != nil {
		c.waitIfLong()
	}
	select {
	case s.wc.lock <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("store: begin: %w", ctx.Err())
	}
	fail := func(err error) (*sql.Tx, error) {
		if s.wc.conn != nil {
			restoreConn(s.wc.conn)
			s.wc.conn.Close()
			s.wc.conn = nil
		}
		<-s.wc.lock
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	if s.wc.conn == nil {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return fail(err)
		}
		s.wc.conn = conn
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -%d; PRAGMA foreign_keys = OFF`, writerCacheKiB)); err != nil {
			return fail(err)
		}
	}
	tx, err := s.wc.conn.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	return tx, nil
}

// endWrite lets the next write transaction begin; the caller has
// committed or rolled back.
func (s *SQLite) endWrite() { <-s.wc.lock }

// closeWriteConn gives the write connection back to the pool, with
// SQLite's default automatic checkpoints, before the handle closes.
func (s *SQLite) closeWriteConn() {
	select {
	case s.wc.lock <- struct{}{}:
	default: // a write transaction was left open: database/sql closes it
		return
	}
	if s.wc.conn != nil {
		restoreConn(s.wc.conn)
		s.wc.conn.Close()
		s.wc.conn = nil
	}
	<-s.wc.lock
}

// restoreConn gives the write connection the settings of the pool's
// other connections again (SQLite's automatic checkpoints, foreign keys)
// before it goes back to the pool.
func restoreConn(conn *sql.Conn) {
	_, _ = conn.ExecContext(context.Background(), `PRAGMA wal_autocheckpoint = 1000; PRAGMA foreign_keys = ON`)
}

// committed tells the store a write transaction committed: Close compacts
// what this handle wrote, and the checkpointer copies the log.
func (s *SQLite) committed() {
	s.wrote.Store(true)
	if c := s.checkpointer(); c != nil {
		c.committedWrite()
	}
}

// checkpointer returns the handle's checkpointer, starting it on first use.
func (s *SQLite) checkpointer() *checkpointer {
	s.ckpt.once.Do(func() { s.ckpt.c = newCheckpointer(s.db) })
	return s.ckpt.c
}
