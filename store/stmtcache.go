package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the read statements of searches, listings and
// aggregates prepared, by their text. Their text depends on the shape of
// a query (which filters, joined how), not on its values, so a server
// sees the same few hundred again and again; preparing one (SQLite
// parsing and planning it) cost about a tenth of an uncached search.
//
// A statement is closed when it leaves the cache and nobody uses it; rows
// already read from it keep it open until they are closed (database/sql
// tracks that).
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*cachedStmt
}

type cachedStmt struct {
	st      *sql.Stmt
	users   int  // callers between get and release
	evicted bool // out of the map: close when the last user leaves
}

// stmtCacheSize bounds the statements kept (each holds a compiled program
// per connection it ran on).
const stmtCacheSize = 256

func newStmtCache() *stmtCache { return &stmtCache{m: map[string]*cachedStmt{}} }

// get returns the prepared statement of q; release it after use.
func (c *stmtCache) get(ctx context.Context, db *sql.DB, q string) (*cachedStmt, error) {
	c.mu.Lock()
	if cs := c.m[q]; cs != nil {
		cs.users++
		c.mu.Unlock()
		return cs, nil
	}
	c.mu.Unlock()
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cs := c.m[q]; cs != nil { // prepared meanwhile by another caller
		st.Close()
		cs.users++
		return cs, nil
	}
	if len(c.m) >= stmtCacheSize {
		for k, old := range c.m { // any one: map order is random
			delete(c.m, k)
			old.evicted = true
			if old.users == 0 {
				old.st.Close()
			}
			break
		}
	}
	cs := &cachedStmt{st: st, users: 1}
	c.m[q] = cs
	return cs, nil
}

// release ends a use of cs that get began.
func (c *stmtCache) release(cs *cachedStmt) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cs.users--
	if cs.evicted && cs.users == 0 {
		cs.st.Close()
	}
}

// close closes every statement; the cache stays usable.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, cs := range c.m {
		delete(c.m, k)
		cs.evicted = true
		if cs.users == 0 {
			cs.st.Close()
		}
	}
}

// query runs the read statement q through the statement cache.
func (s *SQLite) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	cs, err := s.stmts.get(ctx, s.db, q)
	if err != nil {
		return nil, err
	}
	defer s.stmts.release(cs)
	return cs.st.QueryContext(ctx, args...)
}

// row is the one row of queryRow, or the error of preparing it.
type row struct {
	r   *sql.Row
	err error
}

// Scan is sql.Row's Scan.
func (r row) Scan(dst ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.r.Scan(dst...)
}

// queryRow runs the read statement q, of one row, through the cache.
func (s *SQLite) queryRow(ctx context.Context, q string, args ...any) row {
	cs, err := s.stmts.get(ctx, s.db, q)
	if err != nil {
		return row{err: err}
	}
	defer s.stmts.release(cs)
	return row{r: cs.st.QueryRowContext(ctx, args...)}
}
