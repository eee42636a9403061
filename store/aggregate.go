package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"dateline/query"
)

// Aggregator answers the summary queries behind the server's timeline,
// network, map, facet, speaker and story views. Every method takes a query
// of the language in docs/QUERY.md (nil matches all) that selects what is
// summarised, exactly as List would select it.
//
// Negated events ("Peskov did not weigh in") are left out of event
// aggregates unless the query itself filters on polarity: a mean Goldstein
// score or an actor link built from events that did not happen would
// mislead.
type Aggregator interface {
	Timeline(ctx context.Context, q *query.Query, by Interval) (Timeline, error)
	Network(ctx context.Context, q *query.Query, limit int) ([]ActorLink, error)
	PlaceCounts(ctx context.Context, q *query.Query, layer PlaceLayer, limit int) ([]PlaceCount, error)
	Facets(ctx context.Context, q *query.Query, sample, top int) (Facets, error)
	Speakers(ctx context.Context, q *query.Query, limit int) ([]SpeakerCount, error)
	Stories(ctx context.Context, q *query.Query, page Page) ([]StorySummary, error)
	StoryArticles(ctx context.Context, story int64, limit int) ([]ArticleInfo, error)
}

var _ Aggregator = (*SQLite)(nil)

// Interval is the width of a timeline bucket.
type Interval string

// Timeline intervals. A week starts on Monday; a bucket is named by its
// first day.
const (
	Day   Interval = "day"
	Week  Interval = "week"
	Month Interval = "month"
)

// TimeBucket is one bucket of a timeline. Articles counts matching articles
// published in the bucket; Events counts matching events dated in it, and
// Quad splits them by QuadClass (Quad[0] is events without one, Quad[1]
// verbal cooperation ... Quad[4] material conflict). Goldstein is the mean
// Goldstein score of those events, nil when there are none.
type TimeBucket struct {
	Start     string   `json:"start"`
	Articles  int      `json:"articles"`
	Events    int      `json:"events"`
	Quad      [5]int   `json:"quad"`
	Goldstein *float64 `json:"goldstein"`
}

// where compiles q for kind into a SQL condition ("1" for the empty query)
// and its arguments.
func where(kind Kind, q *query.Query) (string, []any, error) {
	return whereSample(kind, q, 1)
}

// whereSample is where with its full-text matches thinned to the articles
// whose rid is a multiple of mod (see textSample).
func whereSample(kind Kind, q *query.Query, mod int) (string, []any, error) {
	c := &compiler{spec: specs[kind], kind: kind, sampleMod: mod}
	if q == nil || q.Root == nil {
		return "1", nil, nil
	}
	w, err := c.compile(q.Root)
	if err != nil {
		return "", nil, err
	}
	return w, c.args, nil
}

// eventWhere is where for events plus the rule that negated events count
// only when the query asks about polarity.
func eventWhere(q *query.Query) (string, []any, error) {
	return eventWhereSample(q, 1)
}

// eventWhereSample is eventWhere with whereSample's full-text thinning.
func eventWhereSample(q *query.Query, mod int) (string, []any, error) {
	w, args, err := whereSample(KindEvents, q, mod)
	if err != nil {
		return "", nil, err
	}
	if filtersPolarity(q) {
		return w, args, nil
	}
	return "(" + w + ") AND r.polarity <> 'negated'", args, nil
}

// filtersPolarity reports whether q has a polarity: filter.
func filtersPolarity(q *query.Query) bool {
	for _, f := range q.Filters() {
		if f.Name == query.FPolarity {
			return true
		}
	}
	return false
}

// Timeline is a timeline with how exactly it was counted.
type Timeline struct {
	Buckets []TimeBucket `json:"buckets"`
	// Sample is the share of the matching articles that was counted: 1
	// when every one was. A full-text query matching more articles than
	// the store's sample size is counted over an even sample of them
	// (articles whose row number is a multiple of a step) and its counts
	// are scaled up by 1/Sample: estimates, with exact Goldstein means of
	// the sample.
	Sample float64 `json:"sample"`
}

// Timeline counts matching articles and events per bucket, oldest first.
// Rows without a known date are left out. A query of a date range and at
// most one simple filter is answered from the day summaries (summary.go);
// others group the raw rows by day (reading the day indexes), within the
// store's time limit for raw aggregates and, for full text, over a sample
// of the matching articles. Days are folded into weeks or months here,
// which is much cheaper than a date function per row in SQL.
func (s *SQLite) Timeline(ctx context.Context, q *query.Query, by Interval) (Timeline, error) {
	bucket, err := bucketFunc(by)
	if err != nil {
		return Timeline{}, err
	}
	t := &timelineAcc{bucket: bucket, byStart: map[string]*accBucket{}}
	sample := 1.0
	if sq, ok := asSummaryQuery(q); ok && !s.rawAggregates {
		err = s.timelineSummary(ctx, sq, t)
	} else {
		ctx, cancel := context.WithTimeout(ctx, s.rawTimeLimit)
		defer cancel()
		sample, err = s.timelineRaw(ctx, q, t)
		err = rawErr("timeline", s.rawTimeLimit, err)
	}
	if err != nil {
		return Timeline{}, err
	}
	return Timeline{Buckets: t.buckets(1 / sample), Sample: sample}, nil
}

// rawErr wraps the error of aggregate what, saying what to do when it
// ran out of time (the error still matches context.DeadlineExceeded).
func rawErr(what string, limit time.Duration, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("store: %s not counted within %v (add a date range or a simpler filter): %w", what, limit, err)
	}
	if strings.HasPrefix(err.Error(), "store: ") {
		return err
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// timelineAcc adds day counts up into buckets.
type timelineAcc struct {
	bucket  func(string) string
	byStart map[string]*accBucket
	// order holds the buckets as they were made: already by start when
	// rows come day by day, as the summaries' do.
	order []*accBucket
	slab  []accBucket
	// last is the bucket of the day lastDay: rows come day by day.
	last    *accBucket
	lastDay string
}

type accBucket struct {
	TimeBucket
	sum float64 // of Goldstein scores
}

// get returns the bucket of day, nil for a malformed day.
func (t *timelineAcc) get(day string) *accBucket {
	if t.last != nil && day == t.lastDay {
		return t.last
	}
	start := t.bucket(day)
	if start == "" {
		return nil
	}
	b := t.byStart[start]
	if b == nil {
		if len(t.slab) == cap(t.slab) {
			// Buckets come from slabs: one allocation per 64, not per
			// bucket (a day timeline makes hundreds).
			t.slab = make([]accBucket, 0, 64)
		}
		t.slab = append(t.slab, accBucket{TimeBucket: TimeBucket{Start: start}})
		b = &t.slab[len(t.slab)-1]
		t.byStart[start] = b
		t.order = append(t.order, b)
	}
	t.last, t.lastDay = b, day
	return b
}

func (t *timelineAcc) articles(day string, n int) {
	if b := t.get(day); b != nil {
		b.Articles += n
	}
}

func (t *timelineAcc) events(day string, quad, n int, sum float64) {
	if b := t.get(day); b != nil {
		b.events(quad, n, sum)
	}
}

func (b *accBucket) events(quad, n int, sum float64) {
	if quad < 1 || quad > 4 {
		quad = 0
	}
	b.Quad[quad] += n
	b.Events += n
	b.sum += sum
}

// buckets returns the buckets, oldest first, counts multiplied by scale.
func (t *timelineAcc) buckets(scale float64) []TimeBucket {
	if !slices.IsSortedFunc(t.order, byBucketStart) {
		slices.SortFunc(t.order, byBucketStart)
	}
	out := make([]TimeBucket, 0, len(t.order))
	for _, b := range t.order {
		if b.Events > 0 {
			m := b.sum / float64(b.Events)
			b.Goldstein = &m
		}
		if b.Events == 0 && b.Articles == 0 {
			continue
		}
		if scale != 1 {
			up := func(n int) int { return int(math.Round(float64(n) * scale)) }
			b.Articles = up(b.Articles)
			b.Events = 0
			for i := range b.Quad {
				b.Quad[i] = up(b.Quad[i])
				b.Events += b.Quad[i]
			}
		}
		out = append(out, b.TimeBucket)
	}
	return out
}

func byBucketStart(a, b *accBucket) int { return strings.Compare(a.Start, b.Start) }

// timelineSummary reads the timeline from the day summaries. Negated
// events are left out unless the query selects by polarity.
func (s *SQLite) timelineSummary(ctx context.Context, sq summaryQuery, t *timelineAcc) error {
	w, args := sq.cond()
	// Each row's text is stored with it (schema 7).
	row := "row"
	if sq.dim == query.FPolarity {
		row = "day || ',' || articles || ',' || (e0 + n0) || ',' || (e1 + n1) || ',' || (e2 + n2) || ',' || (e3 + n3) || ',' || (e4 + n4) || ',' || round(g + ng, 4)"
	}
	// One row of text: reading hundreds of rows a column at a time
	// costs more than the query itself.
	var all sql.NullString
	err := s.queryRow(ctx, `SELECT group_concat(`+row+`, ';') FROM day_counts WHERE `+w, args...).Scan(&all)
	if err != nil {
		return fmt.Errorf("store: timeline: %w", err)
	}
	return eachSummaryRow(all.String, func(day string, n [6]int, g float64) {
		b := t.get(day)
		if b == nil {
			return
		}
		b.Articles += n[0]
		for quad, k := range n[1:] {
			b.events(quad, k, 0)
		}
		b.sum += g
	})
}

// eachSummaryRow calls fn with the fields of each row of rows, the
// group_concat of timelineSummary: "day,articles,e0,e1,e2,e3,e4,g" rows
// joined by ";". Read by hand: splitting and converting with the strings
// and strconv helpers took as long as the query.
func eachSummaryRow(rows string, fn func(day string, n [6]int, g float64)) error {
	for len(rows) > 0 {
		row := rows
		if i := strings.IndexByte(rows, ';'); i >= 0 {
			row, rows = rows[:i], rows[i+1:]
		} else {
			rows = ""
		}
		if row == "" {
			continue
		}
		bad := func() error { return fmt.Errorf("store: timeline: bad summary row %q", row) }
		i := strings.IndexByte(row, ',')
		if i < 0 {
			return bad()
		}
		day, rest := row[:i], row[i+1:]
		var n [6]int
		for k := range n {
			v, j := 0, 0
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				v = v*10 + int(rest[j]-'0')
				j++
			}
			if j == 0 || j >= len(rest) || rest[j] != ',' {
				return bad()
			}
			n[k], rest = v, rest[j+1:]
		}
		g, err := strconv.ParseFloat(rest, 64)
		if err != nil {
			return bad()
		}
		fn(day, n, g)
	}
	return nil
}

// timelineRaw counts the timeline from the raw rows, over a sample of the
// matching articles when the query's full text matches too many; sample is
// the share counted.
func (s *SQLite) timelineRaw(ctx context.Context, q *query.Query, t *timelineAcc) (sample float64, err error) {
	mod, n, expr, err := s.textStep(ctx, q)
	if err != nil {
		return 0, err
	}
	m, err := s.timelineCount(ctx, q, mod, expr, t)
	if err != nil || mod == 1 {
		return 1, err
	}
	if m < 0 {
		if m, err = s.sampledMatches(ctx, expr, mod); err != nil {
			return 0, err
		}
	}
	if m == 0 {
		// An unlucky step sampled nothing: count everything (within the
		// time limit).
		*t = timelineAcc{bucket: t.bucket, byStart: map[string]*accBucket{}}
		_, err := s.timelineCount(ctx, q, 1, expr, t)
		return 1, err
	}
	return float64(m) / float64(n), nil
}

// timelineCount adds the articles and events matching q to t, counting
// only articles whose rid is a multiple of mod. When q is its full text
// expr alone it returns how many sampled matches it read (m), else -1.
func (s *SQLite) timelineCount(ctx context.Context, q *query.Query, mod int, expr string, t *timelineAcc) (m int, err error) {
	m = -1
	if _, textOnly := ftsExpr(q.Root); textOnly && expr != "" && tagSearch && textJoinEvents {
		return s.timelineText(ctx, expr, mod, t)
	}
	if p, ok := planTags(KindArticles, q); ok {
		all, err := s.timelineTagArticles(ctx, p, mod, t)
		if err != nil {
			return 0, err
		}
		if expr != "" && p.expr == "("+expr+")" && p.from == "" && p.to == "" {
			m = all
		}
	} else if err := s.timelineArticles(ctx, q, mod, t); err != nil {
		return 0, err
	}
	return m, s.timelineEvents(ctx, q, mod, t)
}

// timelineText counts a query of full text expr alone, with one read of
// the index: the sampled matches' rowids, which give each article's day
// and rid, and then the events of those rids. It returns how many
// matches it read.
func (s *SQLite) timelineText(ctx context.Context, expr string, mod int, t *timelineAcc) (int, error) {
	thin := ""
	if mod > 1 {
		thin = fmt.Sprintf(" AND %s %% %d = 0", textRid, mod)
	}
	var keys sql.NullString
	if err := s.queryRow(ctx, `SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?`+thin, expr).Scan(&keys); err != nil {
		return 0, fmt.Errorf("store: timeline articles: %w", err)
	}
	rids := make([]byte, 0, len(keys.String)+2)
	rids = append(rids, '[')
	n, lastDay, lastName := 0, int64(-1), ""
	for f := range strings.SplitSeq(keys.String, ",") {
		if f == "" {
			continue
		}
		key, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("store: timeline articles: bad full-text rowid %q", f)
		}
		if n > 0 {
			rids = append(rids, ',')
		}
		rids = strconv.AppendInt(rids, key&(1<<textRidBits-1), 10)
		n++
		if day := key >> textRidBits; day > 0 {
			if day != lastDay {
				lastDay, lastName = day, time.Unix(dayZero+(day-1)*86400, 0).UTC().Format("2006-01-02")
			}
			t.articles(lastName, 1)
		}
	}
	rids = append(rids, ']')
	if n == 0 {
		return 0, nil
	}
	rows, err := s.query(ctx, `SELECT r.day, r.quad_class, r.goldstein FROM events r
		WHERE r.article IN (SELECT value FROM json_each(?)) AND r.day <> '' AND r.polarity <> 'negated'`, string(rids))
	if err != nil {
		return 0, fmt.Errorf("store: timeline events: %w", err)
	}
	if err := sumEvents(rows, t); err != nil {
		return 0, err
	}
	return n, nil
}

// sumEvents adds rows of (day, quad_class, goldstein) to t.
func sumEvents(rows *sql.Rows, t *timelineAcc) error {
	var day sql.RawBytes
	var quad int
	var g float64
	err := scanRows(rows, func(r *sql.Rows) error {
		if err := r.Scan(&day, &quad, &g); err != nil {
			return err
		}
		d := t.lastDay
		if string(day) != d {
			d = string(day)
		}
		t.events(d, quad, 1, g)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: timeline events: %w", err)
	}
	return nil
}

// timelineTagArticles counts the articles of a token search per day off
// the full-text index alone: a full-text rowid holds its article's day
// (textKey). Only rids that are multiples of mod count. It returns how
// many matches it read, undated ones included.
func (s *SQLite) timelineTagArticles(ctx context.Context, p *tagPlan, mod int, t *timelineAcc) (int, error) {
	cond, args := p.match()
	if mod > 1 {
		cond += fmt.Sprintf(" AND %s %% %d = 0", textRid, mod)
	}
	rows, err := s.query(ctx, fmt.Sprintf(`SELECT rowid >> %d, count(*) FROM articles_fts WHERE %s GROUP BY 1`, textRidBits, cond), args...)
	if err != nil {
		return 0, fmt.Errorf("store: timeline articles: %w", err)
	}
	all := 0
	err = scanRows(rows, func(r *sql.Rows) error {
		var day int64
		var n int
		if err := r.Scan(&day, &n); err != nil {
			return err
		}
		all += n
		if day > 0 {
			t.articles(time.Unix(dayZero+(day-1)*86400, 0).UTC().Format("2006-01-02"), n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: timeline articles: %w", err)
	}
	return all, nil
}

// timelineArticles counts the articles matching q per day from their rows.
func (s *SQLite) timelineArticles(ctx context.Context, q *query.Query, mod int, t *timelineAcc) error {
	aw, aargs, err := whereSample(KindArticles, q, mod)
	if err != nil {
		return err
	}
	rows, err := s.query(ctx, `SELECT a.day, count(*) FROM articles a
		WHERE a.day <> '' AND (`+aw+`) GROUP BY a.day`, aargs...)
	if err != nil {
		return fmt.Errorf("store: timeline articles: %w", err)
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var day string
		var n int
		if err := r.Scan(&day, &n); err != nil {
			return err
		}
		t.articles(day, n)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: timeline articles: %w", err)
	}
	return nil
}

// textJoinEvents turns on the join of timelineEvents (tests turn it off to
// compare).
var textJoinEvents = true

// timelineEvents counts the events matching q per day and QuadClass. With
// full text at the top of q, the events are read as a join from the
// text's (sampled) matches rather than looked up through a list of them.
func (s *SQLite) timelineEvents(ctx context.Context, q *query.Query, mod int, t *timelineAcc) error {
	var stmt string
	var args []any
	if textJoinEvents && topFTS(q) {
		spec := specs[KindEvents]
		spec.artRef = "f.fid"
		c := &compiler{spec: spec, kind: KindEvents, sampleMod: mod}
		w, err := c.compile(q.Root)
		if err != nil {
			return err
		}
		thin := ""
		if mod > 1 {
			thin = fmt.Sprintf(" AND %s %% %d = 0", textRid, mod)
		}
		// The text's expression is the first argument: it moves to the
		// FROM clause, which comes first too.
		rest, ok := rewriteTopFTS(w, "f.fid IN (SELECT "+textRid+" FROM articles_fts WHERE articles_fts MATCH ?"+thin+textRidOrder+")", "1")
		if !ok {
			return fmt.Errorf("store: timeline events: full-text condition not found in %q", w)
		}
		from := "(SELECT " + textRid + " AS fid FROM articles_fts WHERE articles_fts MATCH ?" + thin + ") f JOIN events r ON r.article = f.fid"
		if articleRef.MatchString(rest) {
			from += " JOIN articles a ON a.rid = f.fid"
		}
		if !filtersPolarity(q) {
			rest = "(" + rest + ") AND r.polarity <> 'negated'"
		}
		// Summed here rather than by GROUP BY: its sort of a thousand
		// rows cost a third of the statement.
		rows, err := s.query(ctx, `SELECT r.day, r.quad_class, r.goldstein FROM `+from+` WHERE r.day <> '' AND (`+rest+`)`, c.args...)
		if err != nil {
			return fmt.Errorf("store: timeline events: %w", err)
		}
		return sumEvents(rows, t)
	} else {
		ew, eargs, err := eventWhereSample(q, mod)
		if err != nil {
			return err
		}
		stmt, args = `SELECT r.day, r.quad_class, count(*), sum(r.goldstein)
		FROM `+eventsFrom(ew)+` WHERE r.day <> '' AND (`+ew+`) GROUP BY r.day, r.quad_class`, eargs
	}
	rows, err := s.query(ctx, stmt, args...)
	if err != nil {
		return fmt.Errorf("store: timeline events: %w", err)
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var day string
		var quad, n int
		var sum float64
		if err := r.Scan(&day, &quad, &n, &sum); err != nil {
			return err
		}
		t.events(day, quad, n, sum)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: timeline events: %w", err)
	}
	return nil
}

// eventsFrom is the FROM clause for events matching w: joined to their
// articles only when w reads an article column (alias a).
func eventsFrom(w string) string {
	if articleRef.MatchString(w) {
		return "events r JOIN articles a ON a.rid = r.article"
	}
	return "events r"
}

var articleRef = regexp.MustCompile(`\ba\.`)

// bucketFunc returns the function naming the bucket of a YYYY-MM-DD day
// ("" for a malformed day).
func bucketFunc(by Interval) (func(string) string, error) {
	switch by {
	case Day, "":
		return func(d string) string { return d }, nil
	case Week:
		return weekStart, nil
	case Month:
		return func(d string) string {
			if len(d) < 7 {
				return ""
			}
			return d[:7] + "-01"
		}, nil
	}
	return nil, fmt.Errorf("store: unknown timeline interval %q (known: day, week, month)", by)
}

// weekStarts memoises weekStart: a store holds a few thousand days, and
// parsing and formatting dates took a fifth of a timeline's time.
var weekStarts sync.Map

// weekStart returns the Monday starting the week of day d, "" when d is
// not a YYYY-MM-DD date.
func weekStart(d string) string {
	if w, ok := weekStarts.Load(d); ok {
		return w.(string)
	}
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return ""
	}
	back := (int(t.Weekday()) + 6) % 7
	w := t.AddDate(0, 0, -back).Format("2006-01-02")
	weekStarts.Store(d, w)
	return w
}

// scanRows calls each for every row, then closes rows.
func scanRows(rows *sql.Rows, each func(*sql.Rows) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ActorLink is a directed pair of actors with the events from one to the
// other. An actor is named by its CAMEO code when it has one, else by its
// name; Name is a name it was written with.
type ActorLink struct {
	Source     string  `json:"source"`
	SourceName string  `json:"source_name"`
	Target     string  `json:"target"`
	TargetName string  `json:"target_name"`
	Events     int     `json:"events"`
	Goldstein  float64 `json:"goldstein"` // mean Goldstein score
	Conflict   int     `json:"conflict"`  // events of QuadClass 3 or 4
}

// Network returns the actor pairs of matching events with both a source and
// a target, most events first.
// A query of whole months and at most one simple filter is answered from
// the monthly pair summaries (summary.go); others are counted from the raw
// events within the store's time limit for raw aggregates.
func (s *SQLite) Network(ctx context.Context, q *query.Query, limit int) ([]ActorLink, error) {
	if limit <= 0 {
		limit = 100
	}
	var rows *sql.Rows
	var err error
	if sq, ok := asSummaryQuery(q); ok && !s.rawAggregates && sq.wholeMonths() {
		w, args := sq.monthCond()
		e, g, c := "events", "goldstein", "conflict"
		if sq.dim == query.FPolarity {
			e, g, c = "(events + n_events)", "(goldstein + n_goldstein)", "(conflict + n_conflict)"
		}
		rows, err = s.query(ctx, `SELECT
			CASE WHEN source_code <> '' THEN source_code ELSE source_name END AS src, max(source_name),
			CASE WHEN target_code <> '' THEN target_code ELSE target_name END AS tgt, max(target_name),
			sum(`+e+`), sum(`+g+`) / sum(`+e+`), sum(`+c+`)
			FROM pair_counts WHERE `+w+` AND `+e+` > 0
			GROUP BY src, tgt ORDER BY 5 DESC, 1, 3 LIMIT ?`, append(args, limit)...)
	} else {
		w, args, werr := eventWhere(q)
		if werr != nil {
			return nil, werr
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.rawTimeLimit)
		defer cancel()
		rows, err = s.query(ctx, `SELECT
			CASE WHEN r.source_code <> '' THEN r.source_code ELSE r.source_name END AS src, max(r.source_name),
			CASE WHEN r.target_code <> '' THEN r.target_code ELSE r.target_name END AS tgt, max(r.target_name),
			count(*), avg(r.goldstein), sum(r.quad_class >= 3)
			FROM `+eventsFrom(w)+`
			WHERE (r.source_code <> '' OR r.source_name <> '') AND (r.target_code <> '' OR r.target_name <> '') AND (`+w+`)
			GROUP BY src, tgt ORDER BY 5 DESC, 1, 3 LIMIT ?`, append(args, limit)...)
	}
	if err != nil {
		return nil, rawErr("network", s.rawTimeLimit, err)
	}
	out := []ActorLink{}
	err = scanRows(rows, func(r *sql.Rows) error {
		var l ActorLink
		if err := r.Scan(&l.Source, &l.SourceName, &l.Target, &l.TargetName, &l.Events, &l.Goldstein, &l.Conflict); err != nil {
			return err
		}
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, rawErr("network", s.rawTimeLimit, err)
	}
	return out, nil
}

// PlaceLayer chooses what PlaceCounts counts.
type PlaceLayer string

// Place layers.
const (
	// LayerEvents counts matching events at each place.
	LayerEvents PlaceLayer = "events"
	// LayerPlaces counts matching articles mentioning each place.
	LayerPlaces PlaceLayer = "places"
)

// PlaceCount is a gazetteer place with what happened or was said there.
type PlaceCount struct {
	Name        string   `json:"name"`
	Country     string   `json:"country,omitempty"`
	FeatureType string   `json:"feature_type,omitempty"`
	GazetteerID string   `json:"gazetteer_id,omitempty"`
	Lat         float64  `json:"lat"`
	Lon         float64  `json:"lon"`
	Count       int      `json:"count"`               // events (LayerEvents) or articles (LayerPlaces)
	Goldstein   *float64 `json:"goldstein,omitempty"` // mean, LayerEvents only
	Conflict    int      `json:"conflict,omitempty"`  // events of QuadClass 3 or 4
}

// PlaceCounts returns places with their counts for layer, largest first.
// Places without coordinates (0, 0) are left out. A query of whole months
// and at most one simple filter is answered from the monthly place
// summaries (summary.go); others are counted from the raw rows within the
// store's time limit for raw aggregates.
func (s *SQLite) PlaceCounts(ctx context.Context, q *query.Query, layer PlaceLayer, limit int) ([]PlaceCount, error) {
	if limit <= 0 {
		limit = 500
	}
	var stmt string
	var args []any
	if layer != LayerEvents && layer != LayerPlaces && layer != "" {
		return nil, fmt.Errorf("store: unknown place layer %q (known: events, places)", layer)
	}
	if sq, ok := asSummaryQuery(q); ok && !s.rawAggregates && sq.wholeMonths() {
		// From the monthly place summaries (summary.go).
		w, a := sq.monthCond()
		if layer == LayerPlaces {
			// Articles are counted in place_articles, their places
			// numbered in place_keys.
			stmt = `SELECT k.name, max(k.country), max(k.feature_type), max(k.gazetteer_id), k.lat, k.lon, sum(c.articles), NULL, 0
			FROM place_articles c JOIN place_keys k ON k.id = c.place WHERE ` + w + ` AND c.articles > 0
			GROUP BY k.name, k.lat, k.lon ORDER BY 7 DESC, 1 LIMIT ?`
			return s.placeRows(ctx, stmt, append(a, limit))
		}
		e, g, c := "events", "goldstein", "conflict"
		if sq.dim == query.FPolarity {
			e, g, c = "(events + n_events)", "(goldstein + n_goldstein)", "(conflict + n_conflict)"
		}
		cols := "sum(" + e + "), sum(" + g + ") / sum(" + e + "), sum(" + c + ")"
		stmt = `SELECT name, max(country), max(feature_type), max(gazetteer_id), lat, lon, ` + cols + `
			FROM place_counts WHERE ` + w + ` AND ` + e + ` > 0
			GROUP BY name, lat, lon ORDER BY 7 DESC, 1 LIMIT ?`
		args = append(a, limit)
		return s.placeRows(ctx, stmt, args)
	}
	ctx, cancel := context.WithTimeout(ctx, s.rawTimeLimit)
	defer cancel()
	switch layer {
	case LayerEvents, "":
		w, a, err := eventWhere(q)
		if err != nil {
			return nil, err
		}
		stmt = `SELECT p.name, p.country, p.feature_type, p.gazetteer_id, p.lat, p.lon,
			count(*), avg(r.goldstein), sum(r.quad_class >= 3)
			FROM ` + eventsFrom(w) + `
			JOIN places p ON p.article = r.article AND p.id = r.place_id
			WHERE r.place_id <> '' AND NOT (p.lat = 0 AND p.lon = 0) AND (` + w + `)
			GROUP BY p.name, p.lat, p.lon ORDER BY 7 DESC, 1 LIMIT ?`
		args = append(a, limit)
	case LayerPlaces:
		w, a, err := where(KindArticles, q)
		if err != nil {
			return nil, err
		}
		stmt = `SELECT p.name, p.country, p.feature_type, p.gazetteer_id, p.lat, p.lon,
			count(DISTINCT p.article), NULL, 0
			FROM places p JOIN articles a ON a.rid = p.article
			WHERE NOT (p.lat = 0 AND p.lon = 0) AND (` + w + `)
			GROUP BY p.name, p.lat, p.lon ORDER BY 7 DESC, 1 LIMIT ?`
		args = append(a, limit)
	}
	out, err := s.placeRows(ctx, stmt, args)
	return out, rawErr("places", s.rawTimeLimit, err)
}

// placeRows runs a PlaceCounts statement.
func (s *SQLite) placeRows(ctx context.Context, stmt string, args []any) ([]PlaceCount, error) {
	rows, err := s.query(ctx, stmt, args...)
	if err != nil {
		return nil, fmt.Errorf("store: places: %w", err)
	}
	out := []PlaceCount{}
	err = scanRows(rows, func(r *sql.Rows) error {
		var p PlaceCount
		var g sql.NullFloat64
		if err := r.Scan(&p.Name, &p.Country, &p.FeatureType, &p.GazetteerID, &p.Lat, &p.Lon, &p.Count, &g, &p.Conflict); err != nil {
			return err
		}
		if g.Valid {
			p.Goldstein = &g.Float64
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: places: %w", err)
	}
	return out, nil
}

// FacetValue is one value of a facet with the number of sampled articles
// that have it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets summarises the newest matching articles: the values a user can
// add to the query to narrow it. Sampled is how many articles were
// summarised; when it equals the sample size there may be more matches.
type Facets struct {
	Sampled int                     `json:"sampled"`
	Fields  map[string][]FacetValue `json:"fields"`
}

// facetSQL gives, for each facet, the SELECT producing (value, articles)
// from the sample m. Each facet name is the query filter it narrows by.
var facetSQL = []struct{ name, sql string }{
	{"source", `SELECT m.source, count(*) FROM m WHERE m.source <> '' GROUP BY 1`},
	{"lang", `SELECT m.lang, count(*) FROM m WHERE m.lang <> '' GROUP BY 1`},
	{"from", `SELECT substr(m.day, 1, 7), count(*) FROM m WHERE m.day <> '' GROUP BY 1`},
	{"actor", `SELECT e.code, count(DISTINCT e.article) FROM entities e JOIN m ON m.rid = e.article WHERE e.code <> '' GROUP BY 1`},
	{"plover", `SELECT e.plover, count(DISTINCT e.article) FROM events e JOIN m ON m.rid = e.article WHERE e.plover <> '' GROUP BY 1`},
	{"counted", `SELECT c.counted, count(DISTINCT c.article) FROM claims c JOIN m ON m.rid = c.article WHERE c.counted <> '' GROUP BY 1`},
	{"speaker", `SELECT x.speaker_name, count(DISTINCT x.article) FROM quotes x JOIN m ON m.rid = x.article WHERE x.speaker_name <> '' GROUP BY 1`},
	{"place", `SELECT p.name, count(DISTINCT p.article) FROM places p JOIN m ON m.rid = p.article WHERE p.name <> '' GROUP BY 1`},
}

// Facets counts, over the sample newest matching articles, the top values
// of source, language, month, actor code, PLOVER category, counted
// category, speaker and place.
func (s *SQLite) Facets(ctx context.Context, q *query.Query, sample, top int) (Facets, error) {
	if sample <= 0 {
		sample = 2000
	}
	if top <= 0 {
		top = 10
	}
	w, args, err := where(KindArticles, q)
	if err != nil {
		return Facets{}, err
	}
	// One statement: the sample is selected once and every facet reads it.
	var parts []string
	for _, f := range facetSQL {
		parts = append(parts, fmt.Sprintf("SELECT * FROM (SELECT '%s', * FROM (%s) ORDER BY 3 DESC, 2 LIMIT %d)", f.name, f.sql, top))
	}
	stmt := `WITH m AS MATERIALIZED (SELECT a.rid, a.source, a.lang, a.day FROM articles a WHERE ` + w +
		fmt.Sprintf(` ORDER BY a.day DESC, a.rid DESC LIMIT %d) `, sample) +
		`SELECT 'sampled', '', count(*) FROM m UNION ALL ` + strings.Join(parts, " UNION ALL ")
	rows, err := s.query(ctx, stmt, args...)
	if err != nil {
		return Facets{}, fmt.Errorf("store: facets: %w", err)
	}
	out := Facets{Fields: map[string][]FacetValue{}}
	for _, f := range facetSQL {
		out.Fields[f.name] = []FacetValue{}
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var name, v string
		var n int
		if err := r.Scan(&name, &v, &n); err != nil {
			return err
		}
		if name == "sampled" {
			out.Sampled = n
			return nil
		}
		out.Fields[name] = append(out.Fields[name], FacetValue{v, n})
		return nil
	})
	if err != nil {
		return Facets{}, fmt.Errorf("store: facets: %w", err)
	}
	return out, nil
}

// SpeakerCount is a speaker with the number of their matching quotes.
type SpeakerCount struct {
	Speaker  string `json:"speaker"`
	Quotes   int    `json:"quotes"`
	Articles int    `json:"articles"`
}

// Speakers returns the speakers of matching quotes, most quoted first.
// Quotes with no speaker are left out.
func (s *SQLite) Speakers(ctx context.Context, q *query.Query, limit int) ([]SpeakerCount, error) {
	w, args, err := where(KindQuotes, q)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	args = append(args, limit)
	rows, err := s.query(ctx, `SELECT r.speaker_name, count(*), count(DISTINCT r.article)
		FROM quotes r JOIN articles a ON a.rid = r.article
		WHERE r.speaker_name <> '' AND (`+w+`) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: speakers: %w", err)
	}
	out := []SpeakerCount{}
	err = scanRows(rows, func(r *sql.Rows) error {
		var c SpeakerCount
		if err := r.Scan(&c.Speaker, &c.Quotes, &c.Articles); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: speakers: %w", err)
	}
	return out, nil
}

// StorySummary is a story (near-duplicate articles grouped by SimHash)
// with its first matching article.
type StorySummary struct {
	ID          int64       `json:"id"`
	NumArticles int         `json:"num_articles"`
	NumSources  int         `json:"num_sources"`
	FirstDay    string      `json:"first_day,omitempty"`
	LastDay     string      `json:"last_day,omitempty"`
	Lead        ArticleInfo `json:"lead"`
}

// Stories lists the stories having matching articles, most recently
// published first.
func (s *SQLite) Stories(ctx context.Context, q *query.Query, page Page) ([]StorySummary, error) {
	w, args, err := where(KindArticles, q)
	if err != nil {
		return nil, err
	}
	lim := ""
	if page.Limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d OFFSET %d", page.Limit, max(page.Offset, 0))
	}
	rows, err := s.query(ctx, `WITH g AS (SELECT a.story, min(a.rid) AS lead, min(a.day) AS first, max(a.day) AS last
		FROM articles a WHERE `+w+` GROUP BY a.story ORDER BY last DESC, a.story DESC`+lim+`)
		SELECT g.story, s.n_articles, s.n_sources, g.first, g.last, `+artCols+`
		FROM g JOIN articles a ON a.rid = g.lead JOIN stories s ON s.id = g.story ORDER BY g.last DESC, g.story DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	out := []StorySummary{}
	err = scanRows(rows, func(r *sql.Rows) error {
		var st StorySummary
		ai := &st.Lead
		if err := r.Scan(&st.ID, &st.NumArticles, &st.NumSources, &st.FirstDay, &st.LastDay,
			&ai.ID, &ai.Title, &ai.Source, &ai.URL, &ai.Published, &ai.Lang, &ai.Status, &ai.Story, &ai.NumArticles, &ai.NumSources); err != nil {
			return err
		}
		out = append(out, st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	return out, nil
}

// StoryArticles lists the articles of one story, oldest first; an unknown
// story has none.
func (s *SQLite) StoryArticles(ctx context.Context, story int64, limit int) ([]ArticleInfo, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.query(ctx, `SELECT `+artCols+` FROM articles a JOIN stories s ON s.id = a.story
		WHERE a.story = ? ORDER BY a.day, a.rid LIMIT ?`, story, limit)
	if err != nil {
		return nil, fmt.Errorf("store: story %d: %w", story, err)
	}
	out := []ArticleInfo{}
	err = scanRows(rows, func(r *sql.Rows) error {
		var ai ArticleInfo
		if err := r.Scan(&ai.ID, &ai.Title, &ai.Source, &ai.URL, &ai.Published, &ai.Lang, &ai.Status, &ai.Story, &ai.NumArticles, &ai.NumSources); err != nil {
			return err
		}
		out = append(out, ai)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: story %d: %w", story, err)
	}
	return out, nil
}

// aggregateIndexes let the timeline, network and map read events from an
// index alone instead of visiting every row (whose JSON makes the table
// large): at 100,000 events this is the difference between a second and a
// tenth of one.
var aggregateIndexes = []string{
	`CREATE INDEX IF NOT EXISTS events_timeline ON events(day, quad_class, goldstein, polarity)`,
}

// EnsureAggregateIndexes creates the indexes the Aggregator queries want,
// when missing. `dateline serve` calls it at start; on a large database the
// first call takes a few seconds, later ones nothing.
func (s *SQLite) EnsureAggregateIndexes(ctx context.Context) error {
	for _, stmt := range aggregateIndexes {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("store: creating aggregate index: %w", err)
		}
	}
	return nil
}
