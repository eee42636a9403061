package store

import (
	"context"
	"fmt"
	"strings"

	"dateline/article"
	"dateline/record"
)

// Reprocessing
//
// Every stored record carries the pipeline version that made it, and so
// does its article row. When extraction changes (extract.Version is
// bumped), `dateline reprocess` asks for the articles whose records an
// older version made, or that were stored without extraction (pending),
// runs extraction again and swaps their records in place: the article,
// its text, its story and its ID stay; only its records and their
// full-text and entity totals change, in one transaction per batch.

// Reprocessor is implemented by stores that can re-extract in place.
type Reprocessor interface {
	// Stale returns up to limit articles, in storage order after the
	// cursor after (0 to start), that need extraction by the pipeline
	// version: pending ones, and extracted ones made by another version
	// (every extracted one when all is set). next is the cursor for the
	// following call; no articles means there are none left.
	Stale(ctx context.Context, version string, all bool, after int64, limit int) (arts []article.Article, next int64, err error)
	// CountStale counts the articles Stale would return in all.
	CountStale(ctx context.Context, version string, all bool) (int, error)
	// ReplaceRecords replaces the records of stored articles (by
	// Article.ID) with res[i] in one transaction, marking them
	// extracted by res[i].Version. Unknown IDs are an error.
	ReplaceRecords(ctx context.Context, ids []string, res []record.Result) error
}

var _ Reprocessor = (*SQLite)(nil)

// staleWhere selects the articles that need extraction; its arguments are
// the version (twice) unless all.
func staleWhere(version string, all bool) (string, []any) {
	if all {
		return "status IN ('" + StatusPending + "', '" + StatusExtracted + "')", nil
	}
	return "(status = '" + StatusPending + "' OR (status = '" + StatusExtracted + "' AND version <> ?))", []any{version}
}

// Stale lists articles that need extraction; see Reprocessor.
func (s *SQLite) Stale(ctx context.Context, version string, all bool, after int64, limit int) ([]article.Article, int64, error) {
	if limit <= 0 {
		limit = 100
	}
	where, args := staleWhere(version, all)
	rows, err := s.db.QueryContext(ctx, `SELECT a.rid, a.id, a.url, a.source, a.title, t.text, a.published, a.dateline,
		a.dateline_place, a.lang, a.input FROM articles a JOIN texts t ON t.rid = a.rid
		WHERE a.rid > ? AND `+strings.ReplaceAll(where, "status", "a.status")+` ORDER BY a.rid LIMIT ?`,
		append(append([]any{after}, args...), limit)...)
	if err != nil {
		return nil, after, fmt.Errorf("store: stale articles: %w", err)
	}
	defer rows.Close()
	var out []article.Article
	next := after
	for rows.Next() {
		var a article.Article
		if err := rows.Scan(&next, &a.ID, &a.URL, &a.Source, &a.Title, &a.Text, &a.Published, &a.Dateline,
			&a.DatelinePlace, &a.Lang, &a.Input); err != nil {
			return nil, after, fmt.Errorf("store: stale articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, after, fmt.Errorf("store: stale articles: %w", err)
	}
	return out, next, nil
}

// CountStale counts the articles that need extraction.
func (s *SQLite) CountStale(ctx context.Context, version string, all bool) (int, error) {
	where, args := staleWhere(version, all)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count stale articles: %w", err)
	}
	return n, nil
}

// ReplaceRecords swaps in new records; see Reprocessor.
func (s *SQLite) ReplaceRecords(ctx context.Context, ids []string, res []record.Result) error {
	if len(ids) != len(res) {
		return fmt.Errorf("store: replace records: %d IDs but %d results", len(ids), len(res))
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer s.endWrite()
	defer tx.Rollback()
	w, err := newWriter(ctx, tx, s.wc.conn)
	if err != nil {
		return err
	}
	defer w.close()
	// The articles' old contributions to the day summaries are taken
	// away and their new ones added, netted in one delta.
	d := newSummaryDelta()
	for i, id := range ids {
		var rid int64
		var day string
		var a article.Article
		err := tx.QueryRowContext(ctx, `SELECT a.rid, a.day, a.id, a.title, a.source, a.lang, t.text FROM articles a JOIN texts t ON t.rid = a.rid WHERE a.id = ?`, id).
			Scan(&rid, &day, &a.ID, &a.Title, &a.Source, &a.Lang, &a.Text)
		if err != nil {
			return fmt.Errorf("store: replace records of %q: %w", id, err)
		}
		if err := d.collect(ctx, tx, rid, rid, nil, -1); err != nil {
			return fmt.Errorf("store: replace records of %q: %w", id, err)
		}
		if err := w.deleteRecords(rid); err != nil {
			return fmt.Errorf("store: replace records of %q: %w", id, err)
		}
		enc := Put{Result: res[i]}
		enc.Encode()
		if err := w.records(rid, day, &a, &res[i], enc.encoded); err != nil {
			return fmt.Errorf("store: replace records of %q: %w", id, err)
		}
		// The article's filter tokens change with its records: its
		// full-text row is written again (deleteRecords flushed the queue).
		key := textKey(day, rid)
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, key); err != nil {
			return fmt.Errorf("store: replace records of %q: %w", id, err)
		}
		w.add("fts", key, a.Title, a.Text, articleTags(a.Source, a.Lang, &res[i]))
		if err := d.collect(ctx, tx, rid, rid, nil, 1); err != nil {
			return fmt.Errorf("store: replace records of %q: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET status = ?, version = ? WHERE rid = ?`, StatusExtracted, res[i].Version, rid); err != nil {
			return fmt.Errorf("store: replace records of %q: %w", id, err)
		}
	}
	if err := w.flushTotals(); err != nil {
		return fmt.Errorf("store: replace records: entity totals: %w", err)
	}
	if err := d.apply(ctx, tx); err != nil {
		return fmt.Errorf("store: replace records: %w", err)
	}
	if err := w.flushFTS(); err != nil {
		return fmt.Errorf("store: replace records: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	s.committed()
	return nil
}

// deleteRecords removes every record of article rid, with its quote
// full-text rows and its share of the entity totals.
func (w *writer) deleteRecords(rid int64) error {
	// Entity totals count articles per (name, kind, code) once each;
	// those queued go in first, as they would have one by one.
	if err := w.flushTotals(); err != nil {
		return fmt.Errorf("entity totals: %w", err)
	}
	if _, err := w.tx.ExecContext(w.ctx, `UPDATE entity_totals SET
		articles = articles - 1,
		mentions = mentions - (SELECT sum(e.n_mentions) FROM entities e WHERE e.article = ?1
			AND e.name = entity_totals.name AND e.kind = entity_totals.kind AND e.code = entity_totals.code)
		WHERE (name, kind, code) IN (SELECT DISTINCT name, kind, code FROM entities WHERE article = ?1)`, rid); err != nil {
		return fmt.Errorf("entity totals: %w", err)
	}
	// Quote full-text rows still queued (an article replaced twice in
	// one transaction) must be in the table to be deleted.
	if err := w.flushFTS(); err != nil {
		return err
	}
	stmts := []string{
		`DELETE FROM entity_totals WHERE articles <= 0`,
		`DELETE FROM quotes_fts WHERE rowid IN (SELECT rid FROM quotes WHERE article = ?1)`,
		`DELETE FROM entities WHERE article = ?1`,
		`DELETE FROM places WHERE article = ?1`,
		`DELETE FROM times WHERE article = ?1`,
		`DELETE FROM quotes WHERE article = ?1`,
		`DELETE FROM claims WHERE article = ?1`,
		`DELETE FROM events WHERE article = ?1`,
	}
	for _, q := range stmts {
		args := []any{rid}
		if !strings.Contains(q, "?1") {
			args = nil
		}
		if _, err := w.tx.ExecContext(w.ctx, q, args...); err != nil {
			return fmt.Errorf("delete old records: %w", err)
		}
	}
	// Deleting may have removed the largest rids: the next ones are
	// asked of the tables again, as SQLite would pick them.
	clear(w.nextRid)
	return nil
}
