package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"dateline/query"
	"dateline/record"
)

// listSpec describes how one listing kind reads its rows.
type listSpec struct {
	table  string // the table whose rows are listed ("articles" for articles)
	alias  string // that table's alias in the SQL
	artRef string // expression for the row's article rid
	from   string
	// where is from without the tables only needed for output; it
	// selects the page of rids before the wide columns are read.
	where string
	cols  string
	order string
	group string
}

const artCols = `a.id, a.title, a.source, a.url, a.published, a.lang, a.status, a.story, s.n_articles, s.n_sources`

var specs = map[Kind]listSpec{
	KindArticles: {
		table: "articles", alias: "a", artRef: "a.rid",
		from:  "articles a JOIN stories s ON s.id = a.story",
		where: "articles a",
		cols:  artCols + `, (SELECT CAST(substr(t.text, 1, 4000) AS BLOB) FROM texts t WHERE t.rid = a.rid)`,
		order: "ORDER BY a.day DESC, a.rid DESC",
	},
	KindEvents: {
		table: "events", alias: "r", artRef: "r.article",
		from:  "events r JOIN articles a ON a.rid = r.article JOIN stories s ON s.id = a.story",
		where: "events r JOIN articles a ON a.rid = r.article",
		cols:  artCols + `, r.data, r.place_name, (SELECT substr(CAST(t.text AS BLOB), r.start + 1, max(r.end - r.start, 0)) FROM texts t WHERE t.rid = a.rid)`,
		order: "ORDER BY r.day DESC, r.rid DESC",
	},
	KindQuotes: {
		table: "quotes", alias: "r", artRef: "r.article",
		from:  "quotes r JOIN articles a ON a.rid = r.article JOIN stories s ON s.id = a.story",
		where: "quotes r JOIN articles a ON a.rid = r.article",
		cols:  artCols + `, r.data, r.content, r.speaker_name`,
		order: "ORDER BY r.day DESC, r.rid DESC",
	},
	KindClaims: {
		table: "claims", alias: "r", artRef: "r.article",
		from:  "claims r JOIN articles a ON a.rid = r.article JOIN stories s ON s.id = a.story",
		where: "claims r JOIN articles a ON a.rid = r.article",
		cols:  artCols + `, r.data, (SELECT substr(CAST(t.text AS BLOB), r.start + 1, max(r.end - r.start, 0)) FROM texts t WHERE t.rid = a.rid)`,
		order: "ORDER BY r.day DESC, r.rid DESC",
	},
	KindEntities: {
		table: "entities", alias: "r", artRef: "r.article",
		from:  "entities r JOIN articles a ON a.rid = r.article",
		where: "entities r JOIN articles a ON a.rid = r.article",
		cols:  "r.name, r.kind, r.code, count(DISTINCT r.article), sum(r.n_mentions)",
		group: "GROUP BY r.name, r.kind, r.code",
		order: "ORDER BY 4 DESC, 5 DESC, r.name",
	},
}

// compiler turns a query tree into a SQL condition for one listing kind.
// User input only ever reaches SQL as bound parameters in args.
type compiler struct {
	spec listSpec
	kind Kind
	args []any
	// article is set when the condition reads the article's columns, so
	// the record listing must join articles to filter.
	article bool
	// sampleMod, above 1, keeps only the full-text matches whose rid is
	// a multiple of it (see SQLite.textSample).
	sampleMod int
}

// pred is a condition on one table's rows; where renders it for an alias.
type pred struct {
	table string
	where func(al string) string
}

func (c *compiler) arg(v any) string {
	c.args = append(c.args, v)
	return "?"
}

// place renders p for the listed row: directly when p is about the listed
// table or its article, else as "the row's article has such a row".
func (c *compiler) place(p pred) string {
	switch {
	case p.table == c.spec.table:
		return "(" + p.where(c.spec.alias) + ")"
	case p.table == "articles":
		c.article = true
		return "(" + p.where("a") + ")"
	}
	// A correlated EXISTS probes the record table's article index once
	// per candidate row. An IN (subquery) would first collect every
	// matching row of the table, which for a common actor or place is a
	// large share of it, on every query.
	return "EXISTS (SELECT 1 FROM " + p.table + " x WHERE x.article = " + c.spec.artRef + " AND (" + p.where("x") + "))"
}

func (c *compiler) compile(n query.Node) (string, error) {
	if expr, ok := ftsExprIn(n, c.textCols()); ok {
		return c.fts(expr), nil
	}
	switch n := n.(type) {
	case *query.And:
		return c.junction(n.Children, " AND ")
	case *query.Or:
		return c.junction(n.Children, " OR ")
	case *query.Not:
		s, err := c.compile(n.Child)
		if err != nil {
			return "", err
		}
		return "NOT " + s, nil
	case *query.Filter:
		return c.filter(n)
	}
	return "", fmt.Errorf("store: cannot compile query node %T", n)
}

// junction compiles an AND or OR, merging its plain-text children into one
// full-text match so "ceasefire talks actor:RUS" is one FTS lookup.
func (c *compiler) junction(children []query.Node, op string) (string, error) {
	var text []string
	var rest []query.Node
	for _, ch := range children {
		if e, ok := ftsExprIn(ch, c.textCols()); ok {
			text = append(text, e)
		} else {
			rest = append(rest, ch)
		}
	}
	// Placeholders must appear in the order their arguments were added,
	// so the full-text part is rendered first.
	var parts []string
	if len(text) > 0 {
		parts = append(parts, c.fts("("+strings.Join(text, op)+")"))
	}
	for _, ch := range rest {
		s, err := c.compile(ch)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	return "(" + strings.Join(parts, op) + ")", nil
}

// articleText restricts a term to the words of articles_fts, whose tags
// column holds the record filters' tokens (see articleTags).
const articleText = "{title text} : "

// textCols is how the compiler restricts terms to the words of the
// full-text index it matches against.
func (c *compiler) textCols() string {
	if c.kind == KindQuotes {
		return ""
	}
	return articleText
}

// ftsExpr renders a subtree made only of terms joined by AND/OR as an FTS5
// expression on articles_fts.
func ftsExpr(n query.Node) (string, bool) { return ftsExprIn(n, articleText) }

// ftsExprIn renders a subtree made only of terms joined by AND/OR as an
// FTS5 expression, each term prefixed by cols (a column filter); every
// term is quoted, so FTS5 operators in user text are plain words.
func ftsExprIn(n query.Node, cols string) (string, bool) {
	switch n := n.(type) {
	case *query.Term:
		if !mayMatchTag(n) {
			cols = "" // a column filter costs FTS5 a position list read per match
		}
		s := cols + `"` + strings.ReplaceAll(n.Text, `"`, `""`) + `"`
		if n.Prefix {
			s += "*"
		}
		return s, true
	case *query.And, *query.Or:
		return joinFTS(n, func(c query.Node) (string, bool) { return ftsExprIn(c, cols) })
	}
	return "", false
}

// joinFTS renders an AND or OR node as a parenthesised FTS5 expression of
// its children, each rendered by child; false when any child cannot be.
func joinFTS(n query.Node, child func(query.Node) (string, bool)) (string, bool) {
	var ch []query.Node
	op := " AND "
	if o, ok := n.(*query.Or); ok {
		ch, op = o.Children, " OR "
	} else {
		ch = n.(*query.And).Children
	}
	parts := make([]string, len(ch))
	for i, c := range ch {
		s, ok := child(c)
		if !ok {
			return "", false
		}
		parts[i] = s
	}
	return "(" + strings.Join(parts, op) + ")", true
}

func (c *compiler) fts(expr string) string {
	if c.kind == KindQuotes {
		return "r.rid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH " + c.arg(expr) + ")"
	}
	thin := ""
	if c.sampleMod > 1 {
		thin = fmt.Sprintf(" AND %s %% %d = 0", textRid, c.sampleMod)
	}
	return c.spec.artRef + " IN (SELECT " + textRid + " FROM articles_fts WHERE articles_fts MATCH " + c.arg(expr) + thin + textRidOrder + ")"
}

// prefixRange returns [lo, hi) covering every string that starts with p.
func prefixRange(p string) (string, string) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return p, string(b[:i+1])
		}
	}
	return p, "\U0010FFFF"
}

// likeArg escapes LIKE wildcards so user text matches literally.
func likeArg(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// isCode reports whether an actor: value is written as a CAMEO code (all
// capitals, e.g. RUS, ISRMIL) rather than as a name (Hamas, "Joe Biden").
func isCode(v string) bool {
	if len(v) < 3 || len(v) > 15 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < 'A' || v[i] > 'Z' {
			return false
		}
	}
	return true
}

func (c *compiler) filter(f *query.Filter) (string, error) {
	v := f.Value
	switch f.Name {
	case query.FActor:
		if isCode(v) {
			lo, hi := prefixRange(v)
			if c.kind == KindEvents {
				// The unary + keeps SQLite from answering the OR with both
				// code indexes and sorting every match: a country code
				// matches a large share of events, so walking the day
				// index and stopping at the page's end is far cheaper.
				return c.place(pred{"events", func(al string) string {
					return fmt.Sprintf("(+%[1]s.source_code >= %[2]s AND +%[1]s.source_code < %[3]s) OR (+%[1]s.target_code >= %[4]s AND +%[1]s.target_code < %[5]s)",
						al, c.arg(lo), c.arg(hi), c.arg(lo), c.arg(hi))
				}}), nil
			}
			return c.place(pred{"entities", func(al string) string {
				return fmt.Sprintf("%[1]s.code >= %[2]s AND %[1]s.code < %[3]s", al, c.arg(lo), c.arg(hi))
			}}), nil
		}
		if c.kind == KindEvents {
			return c.place(pred{"events", func(al string) string {
				return fmt.Sprintf(`%[1]s.source_name LIKE %[2]s ESCAPE '\' OR %[1]s.target_name LIKE %[3]s ESCAPE '\'`,
					al, c.arg(likeArg(v)), c.arg(likeArg(v)))
			}}), nil
		}
		return c.place(pred{"entities", func(al string) string {
			return fmt.Sprintf(`%s.name LIKE %s ESCAPE '\'`, al, c.arg(likeArg(v)))
		}}), nil
	case query.FCameo:
		lo, hi := prefixRange(v)
		return c.place(pred{"events", func(al string) string {
			return fmt.Sprintf("%[1]s.cameo >= %[2]s AND %[1]s.cameo < %[3]s", al, c.arg(lo), c.arg(hi))
		}}), nil
	case query.FPlover, query.FModality, query.FPolarity:
		col := f.Name
		return c.place(pred{"events", func(al string) string { return al + "." + col + " = " + c.arg(v) }}), nil
	case query.FPlace:
		if c.kind == KindEvents {
			return c.place(pred{"events", func(al string) string {
				return al + ".place_name = " + c.arg(v) + " COLLATE NOCASE"
			}}), nil
		}
		return c.place(pred{"places", func(al string) string {
			return fmt.Sprintf("%[1]s.name = %[2]s COLLATE NOCASE OR %[1]s.mention = %[3]s COLLATE NOCASE", al, c.arg(v), c.arg(v))
		}}), nil
	case query.FSpeaker:
		if c.kind == KindClaims {
			return c.place(pred{"claims", func(al string) string {
				return al + `.claimed_by LIKE ` + c.arg(likeArg(v)) + ` ESCAPE '\'`
			}}), nil
		}
		return c.place(pred{"quotes", func(al string) string {
			return al + `.speaker_name LIKE ` + c.arg(likeArg(v)) + ` ESCAPE '\'`
		}}), nil
	case query.FCounted:
		return c.place(pred{"claims", func(al string) string { return al + ".counted = " + c.arg(v) }}), nil
	case query.FFrom:
		return c.place(pred{c.spec.table, func(al string) string { return al + ".day >= " + c.arg(v) }}), nil
	case query.FTo:
		return c.place(pred{c.spec.table, func(al string) string {
			return al + ".day <> '' AND " + al + ".day <= " + c.arg(v)
		}}), nil
	case query.FSource:
		return c.place(pred{"articles", func(al string) string { return al + ".source = " + c.arg(v) + " COLLATE NOCASE" }}), nil
	case query.FLang:
		return c.place(pred{"articles", func(al string) string { return al + ".lang = " + c.arg(v) }}), nil
	case query.FArticle:
		return c.place(pred{"articles", func(al string) string { return al + ".id = " + c.arg(v) }}), nil
	case query.FType:
		switch query.TypeValues[v] {
		case "entity":
			return c.place(pred{"entities", func(al string) string { return al + ".kind = " + c.arg(v) }}), nil
		case "quote":
			return c.place(pred{"quotes", func(al string) string { return al + ".kind = " + c.arg(v) }}), nil
		case "record":
			table := map[string]string{"event": "events", "quote": "quotes", "claim": "claims",
				"entity": "entities", "place": "places", "time": "times"}[v]
			return c.place(pred{table, func(string) string { return "1" }}), nil
		}
	}
	return "", fmt.Errorf("store: filter %q is not supported", f.Name)
}

// topFTS reports whether q's condition is full text or a conjunction with
// a full-text part, which the compiler renders first.
func topFTS(q *query.Query) bool {
	if q == nil || q.Root == nil {
		return false
	}
	if _, ok := ftsExpr(q.Root); ok {
		return true
	}
	if a, ok := q.Root.(*query.And); ok {
		for _, ch := range a.Children {
			if _, ok := ftsExpr(ch); ok {
				return true
			}
		}
	}
	return false
}

// isFTS reports whether n is full text alone.
func isFTS(n query.Node) bool { _, ok := ftsExpr(n); return ok }

// hasDates reports whether q has a from: or to: filter.
func hasDates(q *query.Query) bool { return countDates(q) > 0 }

// topDates renders the from: and to: filters that are conditions of the
// whole query (the root, or children of a root AND) as a WHERE clause on
// articles, as the compiler renders them; ok is false when q has a date
// filter elsewhere (under OR or NOT).
func topDates(q *query.Query) (where string, args []any, ok bool) {
	var top []query.Node
	switch n := q.Root.(type) {
	case *query.And:
		top = n.Children
	default:
		top = []query.Node{n}
	}
	var conds []string
	for _, n := range top {
		f, isFilter := n.(*query.Filter)
		switch {
		case !isFilter:
		case f.Name == query.FFrom:
			conds = append(conds, "day >= ?")
			args = append(args, f.Value)
		case f.Name == query.FTo:
			conds = append(conds, "day <> '' AND day <= ?")
			args = append(args, f.Value)
		}
	}
	// Every date filter must be among the top ones.
	if n := len(args); n != countDates(q) {
		return "", nil, false
	}
	if len(conds) == 0 {
		return "", nil, true
	}
	return " WHERE " + strings.Join(conds, " AND "), args, true
}

// countDates counts q's from: and to: filters.
func countDates(q *query.Query) int {
	n := 0
	for _, f := range q.Filters() {
		if f.Name == query.FFrom || f.Name == query.FTo {
			n++
		}
	}
	return n
}

// ftsOn is how the compiler renders a full-text condition on articles
// whose rid is ref; ftsList with ref a.rid.
func ftsOn(ref string) string {
	return ref + " IN (SELECT " + textRid + " FROM articles_fts WHERE articles_fts MATCH ?" + textRidOrder + ")"
}

var ftsList = ftsOn("a.rid")

// rewriteTopFTS replaces the first occurrence of cond, a full-text
// condition, in where, which is the top-level one when topFTS holds, by
// repl.
func rewriteTopFTS(where, cond, repl string) (string, bool) {
	i := strings.Index(where, cond)
	if i < 0 {
		return where, false
	}
	return where[:i] + repl + where[i+len(cond):], true
}

// buildSQL returns the listing statement and its arguments.
func buildSQL(kind Kind, q *query.Query, page Page, count bool) (string, []any, error) {
	return buildSQLRecent(kind, q, page, count, 0, false)
}

// buildSQLRecent is buildSQL; with recentScan > 0 and a filtered article
// page, it returns instead a statement for the rids of the page's rows
// among the newest recentScan articles only. With probe, the full-text
// condition is checked article by article rather than against the list
// of all matches, and the statement is "" when q has no top-level
// full-text condition.
func buildSQLRecent(kind Kind, q *query.Query, page Page, count bool, recentScan int, probe bool) (string, []any, error) {
	spec, ok := specs[kind]
	if !ok {
		return "", nil, fmt.Errorf("store: unknown listing kind %q (known: articles, events, quotes, claims, entities)", kind)
	}
	// A search of articles with full text at the top reads the text's
	// matches as a join, f, and checks the record filters on f.fid before
	// reading the article row (about 1 µs each, the main cost of reading
	// thousands of matches).
	textJoin := kind == KindArticles && topFTS(q) && recentScan == 0 && (count || page.Limit > 0)
	if textJoin {
		spec.artRef = "f.fid"
	}
	c := &compiler{spec: spec, kind: kind}
	where := ""
	if q != nil && q.Root != nil {
		w, err := c.compile(q.Root)
		if err != nil {
			return "", nil, err
		}
		where = " WHERE " + w
	}
	from := spec.where
	if !c.article && spec.table != "articles" {
		from = spec.table + " " + spec.alias // no article column is read
	}
	if textJoin {
		// Streamed, this join also stops a count at its limit rather than
		// first collecting every match into a list (all 100,000 articles
		// for a common word). The text's expression, the first argument,
		// stays first.
		if w, ok := rewriteTopFTS(where, ftsOn("f.fid"), "1"); ok {
			where = w
			from = "(SELECT " + textRid + " AS fid FROM articles_fts WHERE articles_fts MATCH ?) f JOIN articles a ON a.rid = f.fid"
		}
	}
	if count {
		lim := ""
		if page.Limit > 0 {
			lim = fmt.Sprintf(" LIMIT %d", page.Limit)
		}
		return "SELECT count(*) FROM (SELECT 1 FROM " + from + where + " " + spec.group + lim + ")", c.args, nil
	}
	if recentScan > 0 && kind == KindArticles && page.Limit > 0 && where != "" {
		// The newest recentScan articles only: see SQLite.recentPage.
		// Only worth it with at most one full-text condition (any other
		// collects its matches anyway).
		if strings.Count(where, "FROM articles_fts") > 1 {
			return "", nil, nil
		}
		// A date range that is a condition of the whole query also bounds
		// the newest articles scanned: the newest n within the range.
		// One under OR or NOT cannot, and may well exclude every one of
		// the newest articles: then only the probe step, which scans few,
		// is tried.
		dates, dateArgs, ok := topDates(q)
		if !ok && !probe {
			return "", nil, nil
		}
		if probe {
			// The full-text condition goes last (with its argument, the
			// first), so that it is probed only for the articles that
			// pass the other conditions.
			head := " WHERE (" + ftsList + " AND "
			if !strings.HasPrefix(where, head) {
				return "", nil, nil
			}
			where = " WHERE (" + where[len(head):] + " AND EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = " + textKeySQL("a") + ")"
			c.args = append(c.args[1:], c.args[0])
		}
		lim := fmt.Sprintf(" LIMIT %d OFFSET %d", page.Limit, max(page.Offset, 0))
		return fmt.Sprintf("SELECT a.rid FROM (SELECT rid, day, source, lang, id FROM articles%s ORDER BY day DESC, rid DESC LIMIT %d) a%s %s%s",
			dates, recentScan, where, spec.order, lim), append(dateArgs, c.args...), nil
	}
	if recentScan > 0 && (kind == KindEvents || kind == KindClaims) && page.Limit > 0 && where != "" && !probe {
		// The newest recentScan records only (in the date range, if the
		// whole query has one), when the condition reads full text or
		// other records, or has a date range: with one, SQLite's planner
		// reads a range of a composite index with a skip-scan and sorts
		// every record of the range (87 ms for "cameo:19" in a month of
		// 25,000 events, against 0.2 ms walking the day index newest
		// first). See SQLite.recentPage and above.
		dates, dateArgs, ok := topDates(q)
		if strings.Count(where, "FROM articles_fts") > 1 || !ok || (dates == "" && !strings.Contains(where, "FROM ")) {
			return "", nil, nil
		}
		join := ""
		if c.article {
			join = " JOIN articles a ON a.rid = r.article"
		}
		lim := fmt.Sprintf(" LIMIT %d OFFSET %d", page.Limit, max(page.Offset, 0))
		return fmt.Sprintf("SELECT r.rid FROM (SELECT * FROM %s%s ORDER BY day DESC, rid DESC LIMIT %d) r%s%s %s%s",
			spec.table, dates, recentScan, join, where, spec.order, lim), append(dateArgs, c.args...), nil
	}
	if recentScan > 0 {
		return "", nil, nil // no such statement for this listing
	}
	lim := ""
	if page.Limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d OFFSET %d", page.Limit, max(page.Offset, 0))
	} else if page.Offset > 0 {
		lim = fmt.Sprintf(" LIMIT -1 OFFSET %d", page.Offset)
	}
	if spec.group != "" {
		return "SELECT " + spec.cols + " FROM " + from + where + " " + spec.group + " " + spec.order + lim, c.args, nil
	}
	if page.Limit == 0 {
		return "SELECT " + spec.cols + " FROM " + spec.from + where + " " + spec.order + lim, c.args, nil
	}
	// Two steps: find the page's rids reading only narrow columns, then
	// read the wide ones (record JSON, evidence text) for those rows
	// alone. Otherwise SQLite would carry every match's wide columns
	// into the sort that precedes LIMIT.
	key := spec.alias + ".rid"
	inner := "SELECT " + key + " FROM " + from + where + " " + spec.order + lim
	return "SELECT " + spec.cols + " FROM " + spec.from + " WHERE " + key + " IN (" + inner + ") " + spec.order, c.args, nil
}

// entityTotalsSQL answers an entity listing from the running totals when
// the query is empty or only selects an entity kind; ok is false otherwise.
func entityTotalsSQL(kind Kind, q *query.Query, page Page, count bool) (stmt string, args []any, ok bool) {
	if kind != KindEntities {
		return "", nil, false
	}
	where := ""
	if q != nil && q.Root != nil {
		f, isFilter := q.Root.(*query.Filter)
		if !isFilter || f.Name != query.FType || query.TypeValues[f.Value] != "entity" {
			return "", nil, false
		}
		where, args = " WHERE kind = ?", []any{f.Value}
	}
	lim := ""
	if page.Limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d OFFSET %d", page.Limit, max(page.Offset, 0))
	} else if page.Offset > 0 {
		lim = fmt.Sprintf(" LIMIT -1 OFFSET %d", page.Offset)
	}
	if count {
		return "SELECT count(*) FROM (SELECT 1 FROM entity_totals" + where + lim + ")", args, true
	}
	return "SELECT name, kind, code, articles, mentions FROM entity_totals" + where +
		" ORDER BY articles DESC, mentions DESC, name" + lim, args, true
}

// Count counts the rows List would return without paging, up to limit
// when limit > 0.
func (s *SQLite) Count(ctx context.Context, kind Kind, q *query.Query, limit int) (int, error) {
	if p, ok := planTags(kind, q); ok {
		n, _, err := s.tagCount(ctx, p, limit, false)
		return n, err
	}
	stmt, args, ok := entityTotalsSQL(kind, q, Page{Limit: limit}, true)
	var err error
	if !ok {
		stmt, args, err = buildSQL(kind, q, Page{Limit: limit}, true)
	}
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.queryRow(ctx, stmt, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count %s: %w", kind, err)
	}
	return n, nil
}

// textHits counts, up to limit, the articles matching the full-text part
// of a search of articles whose condition is, or is a conjunction with,
// full text (topFTS); ok is false for other searches. Reading matches
// off the full-text index alone costs about 0.15 µs each.
func textHits(ctx context.Context, db *sql.DB, kind Kind, q *query.Query, limit int) (n int, ok bool, err error) {
	if kind != KindArticles || !topFTS(q) {
		return 0, false, nil
	}
	c := &compiler{spec: specs[kind], kind: kind}
	w, err := c.compile(q.Root)
	if err != nil {
		return 0, false, err
	}
	if !strings.Contains(w, ftsList) {
		return 0, false, nil
	}
	// The top-level full-text condition is rendered first, so its
	// expression is the first argument.
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)", c.args[0], limit).Scan(&n)
	if err != nil {
		return 0, false, fmt.Errorf("store: count text matches: %w", err)
	}
	return n, true, nil
}

// directHits is how many full-text matches a search of articles may have
// for List to list them all and sort them (about 2 µs each) rather than
// first scan the newest articles.
var directHits = 2000

// countTextBudget is how many full-text matches Total checks against the
// other conditions of a search of articles. Each check costs about 2 µs,
// and a common word matches every article.
var countTextBudget = 1500

// Total counts the rows List would return, like Count up to limit, and
// reports whether the count is exact. It is not when there are at least
// limit rows, nor when a search of articles combines full text that
// matches more than countTextBudget articles with other conditions: then
// only the newest countTextBudget text matches are checked, and n is a
// lower bound.
func (s *SQLite) Total(ctx context.Context, kind Kind, q *query.Query, limit int) (n int, exact bool, err error) {
	if p, ok := planTags(kind, q); ok {
		return s.tagTotal(ctx, p, limit)
	}
	hits, isText, err := textHits(ctx, s.db, kind, q, countTextBudget+1)
	if err != nil {
		return 0, false, err
	}
	if !isText || hits <= countTextBudget || isFTS(q.Root) {
		n, err := s.Count(ctx, kind, q, limit)
		return n, err == nil && (limit <= 0 || n < limit), err
	}
	spec := specs[kind]
	spec.artRef = "f.fid" // record filters checked before the article is read
	c := &compiler{spec: spec, kind: kind}
	w, err := c.compile(q.Root)
	if err != nil {
		return 0, false, err
	}
	// The other conditions, on the first countTextBudget matches; the
	// full-text expression, argument 0, moves to the FROM clause.
	rest, _ := rewriteTopFTS(w, ftsOn("f.fid"), "1")
	// The newest matches, as token searches count (see tagTotal).
	from := fmt.Sprintf("(SELECT %s AS fid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT %d) f JOIN articles a ON a.rid = f.fid", textRid, countTextBudget)
	lim := ""
	if limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d", limit)
	}
	stmt := "SELECT count(*) FROM (SELECT 1 FROM " + from + " WHERE " + rest + lim + ")"
	if err := s.queryRow(ctx, stmt, c.args...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("store: count %s: %w", kind, err)
	}
	return n, false, nil
}

// List streams matching rows; see Store.
func (s *SQLite) List(ctx context.Context, kind Kind, q *query.Query, page Page, yield func(Row) error) error {
	stmt, args, ok := entityTotalsSQL(kind, q, page, false)
	var err error
	if p, isTag := planTags(kind, q); isTag && !ok {
		// Words and filter tokens: the page from the full-text index.
		rids, err := s.tagPage(ctx, p, page)
		if err != nil || len(rids) == 0 {
			return err
		}
		stmt, args, ok = ridsSQL(kind, rids), rids, true
	}
	if !ok && recentPages {
		// A search whose text has few matches (or none: then neither step
		// finds anything) goes straight to the full listing.
		var hits int
		var isText bool
		hits, isText, err = textHits(ctx, s.db, kind, q, directHits+1)
		if err != nil {
			return err
		}
		if isText && hits == 0 {
			return nil
		}
		if isText && hits <= directHits {
			ok = true
			stmt, args, err = buildSQL(kind, q, page, false)
		}
	}
	if !ok {
		stmt, args, err = s.recentPage(ctx, kind, q, page)
		if err == nil && stmt == "" {
			stmt, args, err = buildSQL(kind, q, page, false)
		}
	}
	if err != nil {
		return err
	}
	rows, err := s.query(ctx, stmt, args...)
	if err != nil {
		return fmt.Errorf("store: list %s: %w", kind, err)
	}
	defer rows.Close()
	terms := q.Terms()
	for rows.Next() {
		var r Row
		ai := &r.Article
		artDest := []any{&ai.ID, &ai.Title, &ai.Source, &ai.URL, &ai.Published, &ai.Lang, &ai.Status, &ai.Story, &ai.NumArticles, &ai.NumSources}
		var data string
		var text []byte
		switch kind {
		case KindArticles:
			err = rows.Scan(append(artDest, &text)...)
			r.Snippet = snippet(string(text), terms, 240)
		case KindEvents:
			err = rows.Scan(append(artDest, &data, &r.PlaceName, &text)...)
			if err == nil {
				r.Event = new(record.Event)
				err = json.Unmarshal([]byte(data), r.Event)
				setArticleID(r.Event, ai.ID)
				if r.Event.Action.Text == "" {
					r.Event.Action.Text = validText(text)
				}
			}
		case KindQuotes:
			var content, speaker string
			err = rows.Scan(append(artDest, &data, &content, &speaker)...)
			if err == nil {
				r.Quote = new(record.Quote)
				err = json.Unmarshal([]byte(data), r.Quote)
				setArticleID(r.Quote, ai.ID)
				if r.Quote.Content.Text == "" {
					r.Quote.Content.Text = content
				}
				if r.Quote.SpeakerName == "" {
					r.Quote.SpeakerName = speaker // the speaker mention as written
				}
			}
		case KindClaims:
			err = rows.Scan(append(artDest, &data, &text)...)
			if err == nil {
				r.Claim = new(record.Claim)
				err = json.Unmarshal([]byte(data), r.Claim)
				setArticleID(r.Claim, ai.ID)
				if r.Claim.Evidence.Text == "" {
					r.Claim.Evidence.Text = validText(text)
				}
			}
		case KindEntities:
			e := &EntitySummary{}
			err = rows.Scan(&e.Name, &e.Kind, &e.Code, &e.Articles, &e.Mentions)
			r.Entity = e
		}
		if err != nil {
			return fmt.Errorf("store: list %s: %w", kind, err)
		}
		if err := yield(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: list %s: %w", kind, err)
	}
	return nil
}

// recentPage first checks the newest probeScanPer times as many articles
// as the page needs one by one, full text included (cheap when most
// articles match, as for a common word); then the newest recentScanPer
// times as many, at least recentScanMin, against the list of full-text
// matches.
// (Variables so that a test can make the steps small, or turn recentPage
// off.)
var (
	recentPages   = true
	probeScanPer  = 4
	recentScanMin = 4000
	recentScanPer = 100
)

// recentPage tries to answer a filtered page of articles (or of events or
// claims) from the newest ones alone. Listings are newest first, so when
// enough of the newest match, they are the page: walking them in date order is much
// cheaper than collecting and sorting every match of a common word or
// filter. It returns the statement reading the page's rows, or "" when
// the newest articles do not fill the page (the caller then runs the full
// listing, which returns the same rows either way).
func (s *SQLite) recentPage(ctx context.Context, kind Kind, q *query.Query, page Page) (string, []any, error) {
	if !recentPages || (kind != KindArticles && kind != KindEvents && kind != KindClaims) || page.Limit <= 0 || q == nil || q.Root == nil {
		return "", nil, nil
	}

	need := max(page.Offset, 0) + page.Limit
	if _, textOnly := ftsExpr(q.Root); kind == KindArticles && !textOnly && topFTS(q) {
		// (Not for full text alone: probing a rare phrase article by
		// article costs more than listing its matches.)
		stmt, args, err := s.recentPageScan(ctx, kind, q, page, probeScanPer*need, true)
		if stmt != "" || err != nil {
			return stmt, args, err
		}
	}
	return s.recentPageScan(ctx, kind, q, page, max(recentScanMin, recentScanPer*need), false)
}

// recentPageScan is one step of recentPage, looking at the newest n
// articles.
func (s *SQLite) recentPageScan(ctx context.Context, kind Kind, q *query.Query, page Page, n int, probe bool) (string, []any, error) {
	stmt, args, err := buildSQLRecent(kind, q, page, false, n, probe)
	if err != nil || stmt == "" {
		return "", nil, err
	}
	rows, err := s.query(ctx, stmt, args...)
	if err != nil {
		return "", nil, fmt.Errorf("store: list %s: %w", kind, err)
	}
	var rids []any
	for rows.Next() {
		var rid int64
		if err := rows.Scan(&rid); err != nil {
			rows.Close()
			return "", nil, fmt.Errorf("store: list %s: %w", kind, err)
		}
		rids = append(rids, rid)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", nil, fmt.Errorf("store: list %s: %w", kind, err)
	}
	if len(rids) < page.Limit {
		return "", nil, nil
	}
	return ridsSQL(kind, rids), rids, nil
}

// ridsSQL reads the listed rows whose rids are given, in listing order.
func ridsSQL(kind Kind, rids []any) string {
	spec := specs[kind]
	marks := strings.TrimSuffix(strings.Repeat("?,", len(rids)), ",")
	return "SELECT " + spec.cols + " FROM " + spec.from + " WHERE " + spec.alias + ".rid IN (" + marks + ") " + spec.order
}

// validText turns a byte slice cut from the text into a string, dropping
// partial UTF-8 sequences at the edges (offsets from a buggy extractor).
func validText(b []byte) string {
	for len(b) > 0 && !utf8.RuneStart(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && !utf8.Valid(b) {
		b = b[:len(b)-1]
	}
	return string(b)
}

// snippet returns about width bytes of text around the first query term
// found in it (case-insensitively), or its opening when none is.
func snippet(text string, terms []*query.Term, width int) string {
	text = validText([]byte(text))
	at := -1
	lower := strings.ToLower(text)
	for _, t := range terms {
		if i := strings.Index(lower, strings.ToLower(t.Text)); i >= 0 && len(lower) == len(text) {
			at = i
			break
		}
	}
	start := 0
	if at > width/3 {
		start = at - width/3
	}
	end := min(start+width, len(text))
	for start > 0 && !utf8.RuneStart(text[start]) {
		start++
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	s := strings.Join(strings.Fields(text[start:end]), " ")
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return s
}
