package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"dateline/query"
	"dateline/record"
)

// Filter tokens
//
// The tags column of articles_fts (migration 6) holds one token per value
// an article filter tests: its source, language, publication month and day,
// and the codes, kinds and names of its records. A search of words and
// such filters ("agreement actor:NTHMIL") is then one full-text query that
// FTS5 answers by intersecting posting lists, instead of a check of the
// filter's record table for every article with the words; and the month
// and day tokens let a search list its newest matches month by month (or
// day by day) and stop once the page is full, instead of sorting every match.
//
// A token is a letter naming what it tests followed by the hex of the
// stored value, so any value (spaces, punctuation, any script) is one
// token, and prefix filters (actor codes, CAMEO codes) are token prefixes.
// Values compared case-insensitively (COLLATE NOCASE, which folds ASCII
// only) are ASCII-lowercased first. Words are matched in {title text}
// only, so they never match a token.
const (
	tagSource   = "s" // articles.source, lowercased
	tagLang     = "l" // articles.lang
	tagDate     = "d" // YYYYMM and YYYYMMDD of articles.day (not hex)
	tagActor    = "a" // entities.code
	tagEntity   = "e" // entities.kind
	tagCameo    = "c" // events.cameo
	tagPlover   = "p" // events.plover
	tagModality = "m" // events.modality
	tagPolarity = "o" // events.polarity
	tagPlace    = "g" // places.name and places.mention, lowercased
	tagCounted  = "n" // claims.counted
	tagQuote    = "q" // quotes.kind
	tagRecord   = "r" // name of a record table the article has rows in
)

// articleTags are the tokens of the tags column for an article stored
// with these values and records (as w.records stores them). tagsSQL
// computes the same from the stored rows; a test checks they agree.
func articleTags(source, lang, day string, r *record.Result) string {
	var b strings.Builder
	tok := func(kind, v string) {
		b.WriteString(" " + kind + hex.EncodeToString([]byte(v)))
	}
	tok(tagSource, asciiLower(source))
	tok(tagLang, lang)
	if day != "" {
		b.WriteString(" " + tagDate + day[:4] + day[5:7] + " " + tagDate + day[:4] + day[5:7] + day[8:10])
	}
	if len(r.Entities) > 0 {
		tok(tagRecord, "entities")
	}
	for i := range r.Entities {
		tok(tagActor, r.Entities[i].Code)
		tok(tagEntity, r.Entities[i].Kind)
	}
	if len(r.Events) > 0 {
		tok(tagRecord, "events")
	}
	for i := range r.Events {
		e := &r.Events[i]
		tok(tagCameo, e.CAMEO)
		tok(tagPlover, strings.ToUpper(e.Plover))
		tok(tagModality, e.Modality)
		tok(tagPolarity, e.Polarity)
	}
	if len(r.Places) > 0 {
		tok(tagRecord, "places")
	}
	for i := range r.Places {
		tok(tagPlace, asciiLower(r.Places[i].Name))
		tok(tagPlace, asciiLower(r.Places[i].Mention))
	}
	if len(r.Claims) > 0 {
		tok(tagRecord, "claims")
	}
	for i := range r.Claims {
		tok(tagCounted, strings.ToLower(r.Claims[i].Counted))
	}
	if len(r.Quotes) > 0 {
		tok(tagRecord, "quotes")
	}
	for i := range r.Quotes {
		tok(tagQuote, r.Quotes[i].Kind)
	}
	if len(r.Times) > 0 {
		tok(tagRecord, "times")
	}
	return strings.TrimPrefix(b.String(), " ")
}

// asciiLower folds A-Z only, as SQLite's lower() and NOCASE do.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// tagsSQL is articleTags computed from the stored rows of the article
// aliased a (SQLite's hex() is upper case, which the tokenizer folds).
const tagsSQL = `'s' || hex(lower(a.source)) || ' l' || hex(a.lang)
	|| CASE WHEN a.day <> '' THEN ' d' || substr(a.day, 1, 4) || substr(a.day, 6, 2) || ' d' || replace(a.day, '-', '') ELSE '' END
	|| coalesce((SELECT ' r' || hex('entities') || group_concat(' a' || hex(code) || ' e' || hex(kind), '') FROM entities WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('events') || group_concat(' c' || hex(cameo) || ' p' || hex(plover) || ' m' || hex(modality) || ' o' || hex(polarity), '') FROM events WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('places') || group_concat(' g' || hex(lower(name)) || ' g' || hex(lower(mention)), '') FROM places WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('claims') || group_concat(' n' || hex(counted), '') FROM claims WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('quotes') || group_concat(' q' || hex(kind), '') FROM quotes WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('times') FROM times WHERE article = a.rid LIMIT 1), '')`

// rebuildArticleText refills articles_fts (recreated by migration 6 with
// its tags column) from the stored articles and records, then merges the
// index into one segment.
func rebuildArticleText(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text, tags)
		SELECT a.rid, a.title, coalesce(t.text, ''), `+tagsSQL+` FROM articles a LEFT JOIN texts t ON t.rid = a.rid`); err != nil {
		return fmt.Errorf("rebuild articles_fts: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES('optimize')`); err != nil {
		return fmt.Errorf("compact articles_fts: %w", err)
	}
	return nil
}

// tagSearch turns the token searches on (tests turn it off to compare
// with the plain listing).
var tagSearch = true

// tagPlan is a search of articles made of words and filters the tags
// column holds, combined by AND and OR, and optionally a date range that
// is a condition of the whole query.
type tagPlan struct {
	expr     string // FTS5 expression of words and tokens
	from, to string // YYYY-MM-DD bounds of the publication day; "" when open
}

func (p *tagPlan) dated() bool { return p.from != "" || p.to != "" }

// planTags returns q's tagPlan when there is one.
func planTags(kind Kind, q *query.Query) (*tagPlan, bool) {
	if !tagSearch || kind != KindArticles || q == nil || q.Root == nil {
		return nil, false
	}
	children := []query.Node{q.Root}
	if a, ok := q.Root.(*query.And); ok {
		children = a.Children
	}
	p := &tagPlan{}
	var parts []string
	for _, ch := range children {
		if f, ok := ch.(*query.Filter); ok && f.Name == query.FFrom {
			p.from = max(p.from, f.Value)
			continue
		}
		if f, ok := ch.(*query.Filter); ok && f.Name == query.FTo {
			if p.to == "" || f.Value < p.to {
				p.to = f.Value
			}
			continue
		}
		e, ok := tagExpr(ch)
		if !ok {
			return nil, false
		}
		parts = append(parts, "("+e+")")
	}
	if len(parts) == 0 {
		return nil, false // dates alone: the day index answers
	}
	p.expr = strings.Join(parts, " AND ")
	return p, true
}

// tagExpr renders n as an FTS5 expression on articles_fts when it is made
// of words and filters with tokens, joined by AND and OR.
func tagExpr(n query.Node) (string, bool) {
	switch n := n.(type) {
	case *query.Term:
		return ftsExpr(n)
	case *query.Filter:
		return filterToken(n)
	case *query.And, *query.Or:
		var ch []query.Node
		op := " AND "
		if o, ok := n.(*query.Or); ok {
			ch, op = o.Children, " OR "
		} else {
			ch = n.(*query.And).Children
		}
		parts := make([]string, len(ch))
		for i, c := range ch {
			s, ok := tagExpr(c)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return "(" + strings.Join(parts, op) + ")", true
	}
	return "", false
}

// filterToken renders a filter of an article search as a match of its
// token, when the tags column has one for it: exactly the articles the
// compiler's condition selects.
func filterToken(f *query.Filter) (string, bool) {
	tok := func(kind, v string) string { return `{tags} : "` + kind + hex.EncodeToString([]byte(v)) + `"` }
	v := f.Value
	switch f.Name {
	case query.FActor:
		if isCode(v) { // a code prefix; names are matched by LIKE
			return tok(tagActor, v) + "*", true
		}
	case query.FCameo:
		return tok(tagCameo, v) + "*", true
	case query.FPlover:
		return tok(tagPlover, v), true
	case query.FModality:
		return tok(tagModality, v), true
	case query.FPolarity:
		return tok(tagPolarity, v), true
	case query.FPlace:
		return tok(tagPlace, asciiLower(v)), true
	case query.FCounted:
		return tok(tagCounted, v), true
	case query.FSource:
		return tok(tagSource, asciiLower(v)), true
	case query.FLang:
		return tok(tagLang, v), true
	case query.FType:
		switch query.TypeValues[v] {
		case "entity":
			return tok(tagEntity, v), true
		case "quote":
			return tok(tagQuote, v), true
		case "record":
			table := map[string]string{"event": "events", "quote": "quotes", "claim": "claims",
				"entity": "entities", "place": "places", "time": "times"}[v]
			if table != "" {
				return tok(tagRecord, table), true
			}
		}
	}
	return "", false
}

// Sizes of the steps of tagPage (variables so that tests can make them
// small).
var (
	// tagDirect: a search with at most this many matches lists and sorts
	// them all (about 2 µs each).
	tagDirect = 300
	// tagDayWalk: a month with more matches than this, and more than
	// four times the rows still needed, is walked day by day.
	tagDayWalk = 400
	// tagMaxNeed: deeper pages than this (offset + limit) take the plain
	// listing.
	tagMaxNeed = 1000
	// tagMaxMonths: a date range over more months than this is not
	// narrowed by month tokens when counting.
	tagMaxMonths = 48
)

// dateCond is the SQL condition of p's date range on articles a.
func (p *tagPlan) dateCond() (string, []any) {
	var conds []string
	var args []any
	if p.from != "" {
		conds = append(conds, "a.day >= ?")
		args = append(args, p.from)
	}
	if p.to != "" {
		conds = append(conds, "a.day <> '' AND a.day <= ?")
		args = append(args, p.to)
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// monthToken and dayToken are the date tokens of a YYYY-MM-DD day.
func monthToken(t time.Time) string { return `{tags} : "` + tagDate + t.Format("200601") + `"` }
func dayToken(t time.Time) string   { return `{tags} : "` + tagDate + t.Format("20060102") + `"` }

// span returns the first days of the newest and oldest months p's
// matches can be in (from the stored days and p's range); ok is false
// when no dated article can match.
func (s *SQLite) monthSpan(ctx context.Context, p *tagPlan) (newest, oldest time.Time, ok bool, err error) {
	var lo, hi sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT min(day) FROM articles WHERE day > ''), (SELECT max(day) FROM articles)`).Scan(&lo, &hi); err != nil {
		return newest, oldest, false, fmt.Errorf("store: date span: %w", err)
	}
	if !lo.Valid || lo.String == "" {
		return newest, oldest, false, nil
	}
	first, last := lo.String, hi.String
	if p.from != "" {
		first = max(first, p.from)
	}
	if p.to != "" {
		last = min(last, p.to)
	}
	if first > last {
		return newest, oldest, false, nil
	}
	a, err1 := time.Parse("2006-01-02", first)
	b, err2 := time.Parse("2006-01-02", last)
	if err1 != nil || err2 != nil {
		return newest, oldest, false, fmt.Errorf("store: bad stored day %q or %q", first, last)
	}
	return time.Date(b.Year(), b.Month(), 1, 0, 0, 0, 0, time.UTC), time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC), true, nil
}

// countExpr counts the matches of an FTS5 expression, up to limit.
func (s *SQLite) countExpr(ctx context.Context, expr string, limit int) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`, expr, limit).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count text matches: %w", err)
	}
	return n, nil
}

// sortedMatches returns the rids of the newest limit matches of expr (that
// are in p's date range), newest first, skipping offset.
func (s *SQLite) sortedMatches(ctx context.Context, p *tagPlan, expr string, limit, offset int) ([]any, error) {
	cond, args := p.dateCond()
	rows, err := s.db.QueryContext(ctx, `SELECT a.rid FROM (SELECT rowid AS fid FROM articles_fts WHERE articles_fts MATCH ?) f
		JOIN articles a ON a.rid = f.fid WHERE `+cond+` ORDER BY a.day DESC, a.rid DESC LIMIT ? OFFSET ?`,
		append(append([]any{expr}, args...), limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: list text matches: %w", err)
	}
	return scanRids(rows)
}

func scanRids(rows *sql.Rows) ([]any, error) {
	defer rows.Close()
	var out []any
	for rows.Next() {
		var rid int64
		if err := rows.Scan(&rid); err != nil {
			return nil, err
		}
		out = append(out, rid)
	}
	return out, rows.Err()
}

// rangeExpr narrows p's expression to the months of its date range, when
// it has one of at most tagMaxMonths months.
func (s *SQLite) rangeExpr(ctx context.Context, p *tagPlan) (string, error) {
	if !p.dated() {
		return p.expr, nil
	}
	newest, oldest, ok, err := s.monthSpan(ctx, p)
	if err != nil || !ok {
		return p.expr, err
	}
	var months []string
	for m := newest; !m.Before(oldest); m = m.AddDate(0, -1, 0) {
		if len(months) == tagMaxMonths {
			return p.expr, nil
		}
		months = append(months, monthToken(m))
	}
	return p.expr + " AND (" + strings.Join(months, " OR ") + ")", nil
}

// tagPage returns the rids of the page of p's matches, newest first; ok is
// false when the page is deeper than tagPage reads (the caller then runs
// the plain listing).
func (s *SQLite) tagPage(ctx context.Context, p *tagPlan, page Page) (rids []any, ok bool, err error) {
	offset := max(page.Offset, 0)
	need := offset + page.Limit
	if page.Limit <= 0 || need > tagMaxNeed {
		return nil, false, nil
	}
	expr, err := s.rangeExpr(ctx, p)
	if err != nil {
		return nil, false, err
	}
	n, err := s.countExpr(ctx, expr, tagDirect+1)
	if err != nil {
		return nil, false, err
	}
	if n <= tagDirect {
		rids, err := s.sortedMatches(ctx, p, expr, page.Limit, offset)
		return rids, err == nil, err
	}
	newest, oldest, dated, err := s.monthSpan(ctx, p)
	if err != nil {
		return nil, false, err
	}
	var got []any
	// Newest month first: every match of a month is newer than every
	// match of the months before it, so the page is complete once the
	// months walked hold need rows.
	for m := newest; dated && len(got) < need && !m.Before(oldest); m = m.AddDate(0, -1, 0) {
		mexpr := "(" + p.expr + ") AND " + monthToken(m)
		left := need - len(got)
		cnt, err := s.countExpr(ctx, mexpr, tagDayWalk+1)
		if err != nil {
			return nil, false, err
		}
		if cnt == 0 {
			continue
		}
		if cnt <= tagDayWalk || cnt <= 4*left {
			rows, err := s.sortedMatches(ctx, p, mexpr, left, 0)
			if err != nil {
				return nil, false, err
			}
			got = append(got, rows...)
			continue
		}
		// A dense month, day by day; the days of a month outside the
		// range are skipped, so no article row is read.
		for d := m.AddDate(0, 1, -1); len(got) < need && !d.Before(m); d = d.AddDate(0, 0, -1) {
			day := d.Format("2006-01-02")
			if (p.from != "" && day < p.from) || (p.to != "" && day > p.to) {
				continue
			}
			rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
				"("+p.expr+") AND "+dayToken(d), need-len(got))
			if err != nil {
				return nil, false, fmt.Errorf("store: list text matches: %w", err)
			}
			hits, err := scanRids(rows)
			if err != nil {
				return nil, false, err
			}
			got = append(got, hits...)
		}
	}
	if len(got) < need && !p.dated() {
		// Undated articles come last and have no date token.
		var undated int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles WHERE day = '' LIMIT 1)`).Scan(&undated); err != nil {
			return nil, false, err
		}
		if undated > 0 {
			return nil, false, nil
		}
	}
	if offset >= len(got) {
		return nil, true, nil
	}
	return got[offset:min(need, len(got))], true, nil
}

// tagTotal counts p's matches up to limit (when limit > 0); the count is
// exact unless it reached limit.
func (s *SQLite) tagTotal(ctx context.Context, p *tagPlan, limit int) (int, bool, error) {
	lim := ""
	if limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d", limit)
	}
	expr, err := s.rangeExpr(ctx, p)
	if err != nil {
		return 0, false, err
	}
	cond, args := p.dateCond()
	stmt := `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?` + lim + `)`
	if p.dated() {
		stmt = `SELECT count(*) FROM (SELECT 1 FROM (SELECT rowid AS fid FROM articles_fts WHERE articles_fts MATCH ?) f
			JOIN articles a ON a.rid = f.fid WHERE ` + cond + lim + `)`
	}
	var n int
	if err := s.db.QueryRowContext(ctx, stmt, append([]any{expr}, args...)...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("store: count articles: %w", err)
	}
	return n, limit <= 0 || n < limit, nil
}
