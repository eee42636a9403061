package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"dateline/query"
	"dateline/record"
)

// Filter tokens
//
// The tags column of articles_fts (migration 6) holds one token per value
// an article filter tests: its source and language, and the codes, kinds
// and names of its records. A search of words and such filters ("agreement
// actor:NTHMIL") is then one full-text query that FTS5 answers by
// intersecting posting lists, instead of a check of the filter's record
// table for every article with the words.
//
// A token is a letter naming what it tests followed by the hex of the
// stored value, so any value (spaces, punctuation, any script) is one
// token; prefix filters (actor codes, CAMEO codes) have a token per prefix
// a query can ask for, as FTS5 prefix queries cost twice as much. Values
// compared case-insensitively (COLLATE NOCASE, which folds ASCII only) are
// ASCII-lowercased first. Words are matched in {title text} only, so they
// never match a token.
//
// The rowid of an article's full-text row is its textKey: publication day
// above rid, so FTS5, which returns matches in rowid order, returns them in
// listing order (newest first, then latest stored); a page is the first
// matches read, and a date range a rowid range.
const (
	tagSource   = "s" // articles.source, lowercased
	tagLang     = "l" // articles.lang
	tagActor    = "a" // prefixes of entities.code of 3 to 15 capitals
	tagEntity   = "e" // entities.kind
	tagCameo    = "c" // prefixes of events.cameo of 1 to 4 digits
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
func articleTags(source, lang string, r *record.Result) string {
	var b strings.Builder
	tok := func(kind, v string) {
		b.WriteString(" " + kind + hex.EncodeToString([]byte(v)))
	}
	tok(tagSource, asciiLower(source))
	tok(tagLang, lang)
	prefixes := func(kind, v string, lo, hi int, ok func(byte) bool) {
		for k := 1; k <= min(hi, len(v)); k++ {
			if !ok(v[k-1]) {
				return // nor any longer prefix
			}
			if k >= lo {
				tok(kind, v[:k])
			}
		}
	}
	capital := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	if len(r.Entities) > 0 {
		tok(tagRecord, "entities")
	}
	for i := range r.Entities {
		prefixes(tagActor, r.Entities[i].Code, 3, 15, capital)
		tok(tagEntity, r.Entities[i].Kind)
	}
	if len(r.Events) > 0 {
		tok(tagRecord, "events")
	}
	for i := range r.Events {
		e := &r.Events[i]
		prefixes(tagCameo, e.CAMEO, 1, 4, digit)
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

// tagLetters are the letters filter tokens start with.
const tagLetters = tagSource + tagLang + tagActor + tagEntity + tagCameo + tagPlover + tagModality + tagPolarity +
	tagPlace + tagCounted + tagQuote + tagRecord

// mayMatchTag reports whether a word of t (or, for a prefix term, a word
// t's last word begins) could be a filter token: a tag letter followed by
// hex digits. Only such terms need restricting to {title text}. Text
// other than ASCII letters, digits and separators is assumed to (the
// tokenizer folds accents).
func mayMatchTag(t *query.Term) bool {
	for i := 0; i < len(t.Text); i++ {
		if t.Text[i] >= 0x80 {
			return true
		}
	}
	words := strings.FieldsFunc(strings.ToLower(t.Text), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if strings.IndexByte(tagLetters, w[0]) >= 0 && strings.Trim(w[1:], "0123456789abcdef") == "" {
			return true
		}
	}
	return false
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
// aliased a (SQLite's hex() is upper case, which the tokenizer folds);
// prefix lengths come from the table n(k) of tagsWith.
const tagsSQL = `'s' || hex(lower(a.source)) || ' l' || hex(a.lang)
	|| coalesce((SELECT ' r' || hex('entities') || group_concat(' e' || hex(kind), '') FROM entities WHERE article = a.rid), '')
	|| coalesce((SELECT group_concat(' a' || hex(substr(code, 1, k)), '') FROM entities, n
		WHERE article = a.rid AND k BETWEEN 3 AND 15 AND length(code) >= k AND substr(code, 1, k) NOT GLOB '*[^A-Z]*'), '')
	|| coalesce((SELECT ' r' || hex('events') || group_concat(' p' || hex(plover) || ' m' || hex(modality) || ' o' || hex(polarity), '') FROM events WHERE article = a.rid), '')
	|| coalesce((SELECT group_concat(' c' || hex(substr(cameo, 1, k)), '') FROM events, n
		WHERE article = a.rid AND k <= 4 AND length(cameo) >= k AND substr(cameo, 1, k) NOT GLOB '*[^0-9]*'), '')
	|| coalesce((SELECT ' r' || hex('places') || group_concat(' g' || hex(lower(name)) || ' g' || hex(lower(mention)), '') FROM places WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('claims') || group_concat(' n' || hex(counted), '') FROM claims WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('quotes') || group_concat(' q' || hex(kind), '') FROM quotes WHERE article = a.rid), '')
	|| coalesce((SELECT ' r' || hex('times') FROM times WHERE article = a.rid LIMIT 1), '')`

// tagsWith is the WITH clause tagsSQL needs.
const tagsWith = `WITH n(k) AS (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) `

// textRidBits is how many low bits of an article's full-text rowid hold
// its rid; the bits above hold its publication day (days since 0000-01-01
// plus one; 0 when undated).
const textRidBits = 40

// textRid is the article rid of a full-text rowid, in SQL.
const textRid = "(rowid & 1099511627775)"

// textRidOrder sorts the rids of a list of full-text matches that SQLite
// collects for IN: they come in textKey order, and inserting them sorted
// into its temporary index is cheaper than inserting them in that order.
const textRidOrder = " ORDER BY 1"

// textKey returns the full-text rowid of article rid published on day.
func textKey(day string, rid int64) int64 {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return rid
	}
	return ((t.Unix()-dayZero)/86400+1)<<textRidBits | rid
}

// dayZero is 0000-01-01 in Unix seconds.
var dayZero = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

// textKeySQL is textKey of the article aliased al, in SQL.
func textKeySQL(al string) string {
	return fmt.Sprintf("(CASE WHEN %[1]s.day = '' THEN %[1]s.rid ELSE ((CAST(julianday(%[1]s.day) - julianday('0000-01-01') AS INTEGER) + 1) << %[2]d) | %[1]s.rid END)", al, textRidBits)
}

// rebuildArticleText refills articles_fts (recreated by migration 6 with
// its tags column) from the stored articles and records, then merges the
// index into one segment.
func rebuildArticleText(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, tagsWith+`INSERT INTO articles_fts(rowid, title, text, tags)
		SELECT `+textKeySQL("a")+`, a.title, coalesce(t.text, ''), `+tagsSQL+` FROM articles a LEFT JOIN texts t ON t.rid = a.rid
		ORDER BY a.day, a.rid`); err != nil { // textKey order (see flushFTS), read off the day index
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
	// text is the words every match has (the conjuncts of words alone),
	// when there are also conjuncts with tokens; else "".
	text string
}

// match is the condition on articles_fts selecting p's matches: the
// expression, and the date range as a range of rowids.
func (p *tagPlan) match() (string, []any) { return p.matchExpr(p.expr) }

// matchExpr is match for another expression.
func (p *tagPlan) matchExpr(expr string) (string, []any) {
	cond, args := "articles_fts MATCH ?", []any{expr}
	if p.from != "" {
		cond += " AND rowid >= ?"
		args = append(args, textKey(p.from, 0))
	}
	if p.to != "" {
		// Dated (undated rowids are below 1 << textRidBits) and on or
		// before the day.
		cond += " AND rowid >= ? AND rowid < ?"
		args = append(args, int64(1)<<textRidBits, textKey(p.to, 0)+int64(1)<<textRidBits)
	}
	return cond, args
}

// tagPage returns the rids of the page of p's matches, newest first: the
// first matches in descending rowid order.
func (s *SQLite) tagPage(ctx context.Context, p *tagPlan, page Page) ([]any, error) {
	cond, args := p.match()
	limit := page.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.query(ctx, `SELECT `+textRid+` FROM articles_fts WHERE `+cond+` ORDER BY rowid DESC LIMIT ? OFFSET ?`,
		append(args, limit, max(page.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("store: list text matches: %w", err)
	}
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

// tagTotal counts p's matches up to limit (when limit > 0), off the
// full-text index alone; the count is exact unless it reached limit or
// the budget: when p's words match more than countTextBudget articles (in
// its date range) and p has filters too, only the newest countTextBudget
// articles with the words are counted, a lower bound. (Counting every
// match of two common posting lists costs FTS5 about 0.1 µs per entry
// of each: 2–3 ms for 10,000-entry lists.)
func (s *SQLite) tagTotal(ctx context.Context, p *tagPlan, limit int) (int, bool, error) {
	return s.tagCount(ctx, p, limit, true)
}

// tagCount is tagTotal, within the budget only when budget is set.
func (s *SQLite) tagCount(ctx context.Context, p *tagPlan, limit int, budget bool) (int, bool, error) {
	cond, args := p.match()
	budgeted := false
	if budget && p.text != "" && countTextBudget > 0 {
		tcond, targs := p.matchExpr(p.text)
		var oldest int64
		err := s.queryRow(ctx, `SELECT rowid FROM articles_fts WHERE `+tcond+` ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
			append(targs, countTextBudget)...).Scan(&oldest)
		switch {
		case err == nil:
			// More than the budget: count from the budget's oldest on.
			cond += " AND rowid > ?"
			args = append(args, oldest)
			budgeted = true
		case !errors.Is(err, sql.ErrNoRows):
			return 0, false, fmt.Errorf("store: count articles: %w", err)
		}
	}
	lim := ""
	if limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d", limit)
	}
	var n int
	if err := s.queryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE `+cond+lim+`)`, args...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("store: count articles: %w", err)
	}
	return n, !budgeted && (limit <= 0 || n < limit), nil
}

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
	var parts, text, not []string
	for _, ch := range children {
		if f, ok := ch.(*query.Filter); ok && (f.Name == query.FFrom || f.Name == query.FTo) {
			if _, err := time.Parse("2006-01-02", f.Value); err != nil {
				return nil, false
			}
			if f.Name == query.FFrom {
				p.from = max(p.from, f.Value)
			} else if p.to == "" || f.Value < p.to {
				p.to = f.Value
			}
			continue
		}
		if n, ok := ch.(*query.Not); ok {
			// FTS5's NOT is binary: the other conditions NOT this one.
			e, ok := tagExpr(n.Child)
			if !ok {
				return nil, false
			}
			not = append(not, "("+e+")")
			continue
		}
		e, ok := tagExpr(ch)
		if !ok {
			return nil, false
		}
		parts = append(parts, "("+e+")")
		if isFTS(ch) {
			text = append(text, "("+e+")")
		}
	}
	if len(parts) == 0 {
		return nil, false // dates or negations alone: the day index answers
	}
	p.expr = strings.Join(parts, " AND ")
	if len(not) > 0 {
		p.expr = "(" + p.expr + ") NOT (" + strings.Join(not, " OR ") + ")"
	}
	if len(text) > 0 && len(text) < len(parts)+len(not) {
		p.text = strings.Join(text, " AND ")
	}
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
		return joinFTS(n, tagExpr)
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
		if isCode(v) { // a code prefix (a token each); names are matched by LIKE
			return tok(tagActor, v), true
		}
	case query.FCameo:
		return tok(tagCameo, v), true
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
