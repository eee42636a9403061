package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// rawExec runs the write transaction's many-row inserts and upserts on
// the driver's connection itself (sql.Conn.Raw), inside the transaction
// the database/sql Tx opened on that connection.
//
// database/sql copies every statement's arguments into a new slice of
// driver values, converting each, before the driver sees them: for the
// record rows and summary rows of an ingest, tens of millions of values,
// that was the largest single allocation of the run (about 1 GB for the
// 10,080 articles of the ingest benchmark) and the garbage collector ran
// that much more often. rawExec keeps one slice and fills it in place.
// The SQL, the values bound and so what is stored are the same.
type rawExec struct {
	ctx   context.Context
	conn  *sql.Conn
	stmts map[string]driver.Stmt
	args  []driver.NamedValue
}

func newRawExec(ctx context.Context, conn *sql.Conn) *rawExec {
	return &rawExec{ctx: ctx, conn: conn, stmts: map[string]driver.Stmt{}}
}

// exec runs query with args, preparing it on first use (statements last
// until close).
func (r *rawExec) exec(query string, args []any) error {
	if cap(r.args) < len(args) {
		r.args = make([]driver.NamedValue, len(args))
	}
	nv := r.args[:len(args)]
	for i, v := range args {
		dv, err := driverValue(v)
		if err != nil {
			return fmt.Errorf("argument %d: %w", i+1, err)
		}
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: dv}
	}
	defer clear(nv) // hold no strings of the batch past the call
	return r.conn.Raw(func(dc any) error {
		st := r.stmts[query]
		if st == nil {
			var err error
			if st, err = prepareDriver(r.ctx, dc, query); err != nil {
				return err
			}
			r.stmts[query] = st
		}
		sx, ok := st.(driver.StmtExecContext)
		if !ok {
			return errors.New("store: the SQLite driver's statements lack ExecContext")
		}
		_, err := sx.ExecContext(r.ctx, nv)
		return err
	})
}

// close finalizes the statements.
func (r *rawExec) close() {
	if len(r.stmts) == 0 {
		return
	}
	r.conn.Raw(func(any) error {
		for q, st := range r.stmts {
			st.Close()
			delete(r.stmts, q)
		}
		return nil
	})
}

// prepareDriver prepares query on the driver connection dc.
func prepareDriver(ctx context.Context, dc any, query string) (driver.Stmt, error) {
	if c, ok := dc.(driver.ConnPrepareContext); ok {
		return c.PrepareContext(ctx, query)
	}
	if c, ok := dc.(driver.Conn); ok {
		return c.Prepare(query)
	}
	return nil, fmt.Errorf("store: %T is not a database/sql driver connection", dc)
}

// driverValue is v as database/sql would hand it to the driver: the
// driver's own value types as they are, an int as int64, anything else
// through the default converter.
func driverValue(v any) (driver.Value, error) {
	switch x := v.(type) {
	case nil, int64, float64, bool, string, []byte, time.Time:
		return v, nil
	case int:
		return int64(x), nil
	}
	return driver.DefaultParameterConverter.ConvertValue(v)
}
