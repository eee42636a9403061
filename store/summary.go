package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"dateline/query"
)

// Summaries
//
// The timeline counts articles and events per day, the network events per
// actor pair, the map events and articles per place. Computed from the raw
// rows they visit every matching record, and an actor or PLOVER filter
// matches a fifth of them: over 100,000 articles that is up to a second
// per request. Small tables keep those counts already added up, per
// "dimension" value a simple query selects by:
//
//	day_counts(dim, value, day)      articles; events by QuadClass and
//	                                 their Goldstein sum (negated apart)
//	pair_counts(dim, value, month,   events, Goldstein sum, conflict
//	  source code and name,          events (negated apart)
//	  target code and name)
//	place_counts(dim, value, month,  articles mentioning the place; events
//	  place)                         there as in pair_counts
//
// dim is a query filter name and value what that filter would match: an
// article counts once under every value it matches (each three-letter
// block prefix of its entities' actor codes, every PLOVER category of its
// events, ...) and an event once under every value it matches. dim ''
// (value '') counts everything. A query made only of a date range and at
// most one such filter is answered from a few hundred summary rows (whole
// months only, for the monthly tables); anything else is counted from the
// raw rows as before, within SQLite.rawTimeLimit, and full text over a
// sample of its matches (see Timeline).
//
// The summaries are kept in the transaction that writes the records: a new
// article adds its contribution, and replacing an article's records
// (reprocess) swaps its old contribution for the new one. Re-ingesting a
// stored article changes nothing, so neither do its summaries. Rows whose
// counts reach zero are deleted.

// summaryDims are the dimensions kept, by query filter name.
var summaryDims = map[string]bool{
	query.FActor: true, query.FCameo: true, query.FPlover: true, query.FPlace: true,
	query.FSource: true, query.FLang: true, query.FModality: true, query.FPolarity: true,
	query.FCounted: true,
}

// monthDims are the dimensions of the monthly network and map summaries:
// a row there is per event rather than shared by a day, so fewer are kept.
var monthDims = map[string]bool{
	"": true, query.FActor: true, query.FCameo: true, query.FPlover: true, query.FPlace: true,
	query.FSource: true, query.FLang: true, query.FPolarity: true,
}

// maxCodePrefix is the longest actor code prefix kept: longer values are
// not codes (see isCode) and fall back to raw counting.
const maxCodePrefix = 15

// dayKey names one row of day_counts.
type dayKey struct{ dim, value, day string }

// dayCounts is one row's counts: events[0] and goldstein[0] are events not
// negated, [1] the negated ones.
type dayCounts struct {
	articles  int
	events    [2][5]int
	goldstein [2]float64
}

func (c *dayCounts) zero() bool {
	return c.articles == 0 && c.events == [2][5]int{} && c.goldstein == [2]float64{}
}

// pairKey names one row of pair_counts: the events from one actor to
// another (each as code and name) in a month (” for undated events).
type pairKey struct {
	dim, value, month                              string
	sourceCode, sourceName, targetCode, targetName string
}

// pairCounts is one pair row's counts: [0] events not negated, [1] the
// negated ones.
type pairCounts struct {
	events, conflict [2]int
	goldstein        [2]float64
}

func (c *pairCounts) zero() bool {
	return c.events == [2]int{} && c.conflict == [2]int{} && c.goldstein == [2]float64{}
}

// summaryDelta is a change to the summaries: contributions added (sign 1)
// or taken away (sign -1), netted per row before they are written.
//
// Each table's rows sit in a slice indexed by a map from their key (see
// countRows), and a row's key is made of numbers: the delta numbers the
// (dim, value) pairs, the days and months, the actor pairs and the places
// it has seen (numbering), so a row's texts are hashed once per article or
// event instead of once per row it adds to (an article adds to tens of
// place rows per value it matches), and a row costs no allocation of its
// own. Summing a batch's rows was a tenth of an ingest's allocations.
type summaryDelta struct {
	days   countRows[dayRef, dayCounts]
	pairs  countRows[pairRef, pairCounts]
	places countRows[placeRowRef, placeCounts]
	// placeKeys are the places the place rows name, by number;
	// placeIDs numbers them.
	placeKeys []placeKey
	placeIDs  map[placeKey]int32
	dvs       numbering[[2]string]  // (dim, value)
	dates     numbering[string]     // days and months
	actors    numbering[pairActors] // the actors of a pair row
}

// dayRef names one row of day_counts: its (dim, value) and its day by
// their numbers in the delta.
type dayRef struct{ dv, day int32 }

// pairRef names one row of pair_counts: its (dim, value), its month and
// its actors by their numbers in the delta.
type pairRef struct{ dv, month, actors int32 }

// pairActors are the actors of a pair row.
type pairActors struct{ sourceCode, sourceName, targetCode, targetName string }

// placeRowRef names one row of place_counts: its (dim, value), its month
// and its place by their numbers in the delta (the place in placeKeys).
type placeRowRef struct{ dv, month, place int32 }

// numbering numbers keys in the order they first come.
type numbering[K comparable] struct {
	ids  map[K]int32
	keys []K
}

// id returns the number of k, numbering it when new.
func (n *numbering[K]) id(k K) int32 {
	i, ok := n.ids[k]
	if !ok {
		if n.ids == nil {
			n.ids = map[K]int32{}
		}
		i = int32(len(n.keys))
		n.ids[k] = i
		n.keys = append(n.keys, k)
	}
	return i
}

// reset empties n, keeping its room.
func (n *numbering[K]) reset() {
	clear(n.ids)
	clear(n.keys)
	n.keys = n.keys[:0]
}

// ranks returns the rank of every number of n in the order cmp gives its
// keys: rows then compare their keys as numbers, in the order of their
// texts.
func (n *numbering[K]) ranks(cmp func(a, b K) int) []int32 {
	order := make([]int32, len(n.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp(n.keys[a], n.keys[b]) })
	rank := make([]int32, len(order))
	for r, i := range order {
		rank[i] = int32(r)
	}
	return rank
}

func newSummaryDelta() *summaryDelta {
	return &summaryDelta{days: newCountRows[dayRef, dayCounts](), pairs: newCountRows[pairRef, pairCounts](),
		places: newCountRows[placeRowRef, placeCounts](), placeIDs: map[placeKey]int32{}}
}

// spareDelta keeps the delta of the last batch written, emptied, for the
// next: its maps and slices keep the room they grew to, so a batch does
// not grow them again from nothing (that growth was the largest
// allocation of the summaries).
var spareDelta = make(chan *summaryDelta, 1)

// takeDelta returns an empty delta, the spare one when there is one.
func takeDelta() *summaryDelta {
	select {
	case d := <-spareDelta:
		return d
	default:
		return newSummaryDelta()
	}
}

// recycle empties d and keeps it for takeDelta. d must not be used
// after: tables' rows hold their own copies of its keys and counts.
func (d *summaryDelta) recycle() {
	d.days.reset()
	d.pairs.reset()
	d.places.reset()
	clear(d.placeKeys)
	d.placeKeys = d.placeKeys[:0]
	clear(d.placeIDs)
	d.dvs.reset()
	d.dates.reset()
	d.actors.reset()
	select {
	case spareDelta <- d:
	default:
	}
}

// countRows are the rows of one summary table in a delta: the counts of
// each key, in the order the keys first came.
type countRows[K comparable, C any] struct {
	index  map[K]int32
	keys   []K
	counts []C
}

func newCountRows[K comparable, C any]() countRows[K, C] {
	return countRows[K, C]{index: map[K]int32{}}
}

// reset empties r, keeping its room.
func (r *countRows[K, C]) reset() {
	clear(r.index)
	clear(r.keys)
	r.keys = r.keys[:0]
	r.counts = r.counts[:0]
}

// at returns the counts of key k, adding a row of zeros when k is new.
// The pointer is good until the next call.
func (r *countRows[K, C]) at(k K) *C {
	i, ok := r.index[k]
	if !ok {
		i = int32(len(r.counts))
		r.index[k] = i
		r.keys = append(r.keys, k)
		var zero C
		r.counts = append(r.counts, zero)
	}
	return &r.counts[i]
}

// sorted returns the row numbers in the order of their keys by cmp.
func (r *countRows[K, C]) sorted(cmp func(a, b K) int) []int32 {
	order := make([]int32, len(r.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp(r.keys[a], r.keys[b]) })
	return order
}

// placeID returns the number of place p in d, numbering it when new.
func (d *summaryDelta) placeID(p placeKey) int32 {
	id, ok := d.placeIDs[p]
	if !ok {
		id = int32(len(d.placeKeys))
		d.placeIDs[p] = id
		d.placeKeys = append(d.placeKeys, p)
	}
	return id
}

func (d *summaryDelta) place(k placeRowRef) *placeCounts { return d.places.at(k) }

// foldCase folds ASCII letters to lower case, as SQLite's NOCASE does (and
// only those, like it).
func foldCase(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// codePrefixes calls add with every prefix of an actor code the
// summaries keep: whole three-letter blocks of capitals (CAMEO actor codes
// are made of such blocks: RUS, RUSGOV, RUSGOVMIL), up to maxCodePrefix.
// An actor: filter on another prefix (RUSG) is counted from raw rows.
func codePrefixes(code string, add func(string)) {
	for i := 0; i < len(code) && i < maxCodePrefix; i++ {
		if c := code[i]; c < 'A' || c > 'Z' {
			return
		}
		if i%3 == 2 {
			add(code[:i+1])
		}
	}
}

// allPrefixes calls add with every prefix of s of two bytes or more that
// ends on a character boundary (a cameo: filter matches codes by prefix;
// two digits are a root code, one is too vague to be worth keeping).
func allPrefixes(s string, add func(string)) {
	for i := 2; i <= len(s); i++ {
		if i == len(s) || utf8.RuneStart(s[i]) {
			add(s[:i])
		}
	}
}

// valueSet collects the distinct (dim, value) pairs one article or event
// matches.
type valueSet map[[2]string]bool

func (v valueSet) add(dim, value string) {
	if value != "" {
		v[[2]string{dim, value}] = true
	}
}

type summaryArticle struct {
	day, source, lang string
	dims              valueSet // what the article matches
	counted           []string // distinct claim categories
	places            []summaryPlace
}

// summaryPlace is a place row of an article.
type summaryPlace struct {
	id string
	placeKey
}

// placeKey is a gazetteer place as the map shows it.
type placeKey struct {
	name                              string
	lat, lon                          float64
	country, featureType, gazetteerID string
}

// placeRowKey names one row of place_counts with its place written out
// (placeRowRef numbers it).
type placeRowKey struct {
	dim, value, month string
	placeKey
}

// placeCounts is one place row's counts: matching articles mentioning the
// place (each once) and matching events there, [0] those not negated, [1]
// the negated ones.
type placeCounts struct {
	articles         int
	events, conflict [2]int
	goldstein        [2]float64
}

func (c *placeCounts) zero() bool {
	return c.articles == 0 && c.events == [2]int{} && c.conflict == [2]int{} && c.goldstein == [2]float64{}
}

// queryer is what collect reads through: the write transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// summaryRows is what the summaries read of one stored article: its
// columns and those of its record rows, as the tables hold them. collect
// reads them back from the database; summaryRowsOf builds the same from a
// Put before it is written, so that ingest's workers, not its single
// writer, do that work.
type summaryRows struct {
	day, source, lang string
	codes             []string // entity codes, '' left out
	places            []summaryPlaceRow
	counted           []string // distinct claim categories, '' left out
	events            []summaryEvent
}

// summaryPlaceRow is a place row: its id, the mention as written and the
// place as the map shows it.
type summaryPlaceRow struct {
	mention string
	summaryPlace
}

// summaryEvent is an event row's columns the summaries read.
type summaryEvent struct {
	day                                            string
	quad                                           int
	polarity                                       string
	goldstein                                      float64
	sourceCode, sourceName, targetCode, targetName string
	cameo, plover, place, modality, placeID        string
}

// summaryRowsOf returns what the rows written for p will hold (see
// writer.records, which this follows column for column).
func summaryRowsOf(p *Put) *summaryRows {
	a, r := &p.Article, &p.Result
	s := &summaryRows{day: dayOf(a.Published), source: a.Source, lang: a.Lang}
	for i := range r.Entities {
		if c := r.Entities[i].Code; c != "" {
			s.codes = append(s.codes, c)
		}
	}
	placeName := map[string]string{}
	for i := range r.Places {
		pl := &r.Places[i]
		placeName[pl.ID] = pl.Name
		s.places = append(s.places, summaryPlaceRow{mention: pl.Mention, summaryPlace: summaryPlace{id: pl.ID,
			placeKey: placeKey{name: pl.Name, lat: pl.Lat, lon: pl.Lon, country: pl.Country, featureType: pl.FeatureType, gazetteerID: pl.GazetteerID}}})
	}
	for i := range r.Claims {
		if c := strings.ToLower(r.Claims[i].Counted); c != "" && !slices.Contains(s.counted, c) {
			s.counted = append(s.counted, c)
		}
	}
	for i := range r.Events {
		e := &r.Events[i]
		ev := summaryEvent{day: dayOf(e.Date), quad: e.QuadClass, polarity: e.Polarity, goldstein: e.Goldstein,
			cameo: e.CAMEO, plover: strings.ToUpper(e.Plover), place: placeName[e.Place], modality: e.Modality, placeID: e.Place}
		if ev.day == "" {
			ev.day = s.day
		}
		if e.Source != nil {
			ev.sourceName, ev.sourceCode = e.Source.Name, e.Source.Code
		}
		if e.Target != nil {
			ev.targetName, ev.targetCode = e.Target.Name, e.Target.Code
		}
		s.events = append(s.events, ev)
	}
	return s
}

// collect adds sign times the contribution of the stored articles with rid
// in [lo, hi] (only those in only, when only is not nil) to d.
func (d *summaryDelta) collect(ctx context.Context, tx queryer, lo, hi int64, only map[int64]bool, sign int) error {
	arts, order, err := readSummaryRows(ctx, tx, lo, hi, only)
	if err != nil {
		return err
	}
	for _, rid := range order {
		d.add(arts[rid], sign)
	}
	return nil
}

// readSummaryRows reads the summary rows of the stored articles with rid
// in [lo, hi] (only those in only, when only is not nil), and their rids
// in ascending order.
func readSummaryRows(ctx context.Context, tx queryer, lo, hi int64, only map[int64]bool) (map[int64]*summaryRows, []int64, error) {
	arts := map[int64]*summaryRows{}
	var order []int64
	rows, err := tx.QueryContext(ctx, `SELECT rid, day, source, lang FROM articles WHERE rid BETWEEN ? AND ?`, lo, hi)
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: %w", err)
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var rid int64
		a := &summaryRows{}
		if err := r.Scan(&rid, &a.day, &a.source, &a.lang); err != nil {
			return err
		}
		if only == nil || only[rid] {
			arts[rid] = a
			order = append(order, rid)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: articles: %w", err)
	}
	if len(arts) == 0 {
		return arts, nil, nil
	}
	rows, err = tx.QueryContext(ctx, `SELECT article, code FROM entities WHERE article BETWEEN ? AND ? AND code <> ''`, lo, hi)
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: %w", err)
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var rid int64
		var code string
		if err := r.Scan(&rid, &code); err != nil {
			return err
		}
		if a := arts[rid]; a != nil {
			a.codes = append(a.codes, code)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: entities: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT article, id, name, mention, lat, lon, country, feature_type, gazetteer_id
		FROM places WHERE article BETWEEN ? AND ? ORDER BY rid`, lo, hi)
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: %w", err)
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var rid int64
		var p summaryPlaceRow
		if err := r.Scan(&rid, &p.id, &p.name, &p.mention, &p.lat, &p.lon, &p.country, &p.featureType, &p.gazetteerID); err != nil {
			return err
		}
		if a := arts[rid]; a != nil {
			a.places = append(a.places, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: places: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT DISTINCT article, counted FROM claims WHERE article BETWEEN ? AND ? AND counted <> ''`, lo, hi)
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: %w", err)
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var rid int64
		var counted string
		if err := r.Scan(&rid, &counted); err != nil {
			return err
		}
		if a := arts[rid]; a != nil {
			a.counted = append(a.counted, counted)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: claims: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT article, day, quad_class, polarity, goldstein, source_code, source_name,
		target_code, target_name, cameo, plover, place_name, modality, place_id FROM events WHERE article BETWEEN ? AND ? ORDER BY rid`, lo, hi)
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: %w", err)
	}
	err = scanRows(rows, func(r *sql.Rows) error {
		var rid int64
		var e summaryEvent
		if err := r.Scan(&rid, &e.day, &e.quad, &e.polarity, &e.goldstein, &e.sourceCode, &e.sourceName, &e.targetCode, &e.targetName,
			&e.cameo, &e.plover, &e.place, &e.modality, &e.placeID); err != nil {
			return err
		}
		if a := arts[rid]; a != nil {
			a.events = append(a.events, e)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("summaries: events: %w", err)
	}
	slices.Sort(order)
	return arts, order, nil
}

// add adds sign times the contribution of one article to d.
func (d *summaryDelta) add(rs *summaryRows, sign int) {
	a := &summaryArticle{day: rs.day, source: rs.source, lang: rs.lang, dims: valueSet{}}
	for _, code := range rs.codes {
		codePrefixes(code, func(p string) { a.dims.add(query.FActor, p) })
	}
	for _, p := range rs.places {
		a.dims.add(query.FPlace, foldCase(p.name))
		a.dims.add(query.FPlace, foldCase(p.mention))
		if p.lat != 0 || p.lon != 0 {
			a.places = append(a.places, p.summaryPlace)
		}
	}
	for _, c := range rs.counted {
		a.dims.add(query.FCounted, c)
		a.counted = append(a.counted, c)
	}
	// The article's places by their numbers in d, as a.places.
	placeNums := make([]int32, len(a.places))
	for i := range a.places {
		placeNums[i] = d.placeID(a.places[i].placeKey)
	}
	var at []int32
	vs := valueSet{}
	for i := range rs.events {
		e := &rs.events[i]
		day, quad, polarity, g := e.day, e.quad, e.polarity, e.goldstein
		sc, sn, tc, tn := e.sourceCode, e.sourceName, e.targetCode, e.targetName
		cameo, plover, place, modality, placeID := e.cameo, e.plover, e.place, e.modality, e.placeID
		allPrefixes(cameo, func(p string) { a.dims.add(query.FCameo, p) })
		a.dims.add(query.FPlover, plover)
		a.dims.add(query.FModality, modality)
		a.dims.add(query.FPolarity, polarity)
		hasPair := (sc != "" || sn != "") && (tc != "" || tn != "")
		if day == "" && !hasPair && placeID == "" {
			continue
		}
		clear(vs)
		vs[[2]string{"", ""}] = true
		codePrefixes(sc, func(p string) { vs.add(query.FActor, p) })
		codePrefixes(tc, func(p string) { vs.add(query.FActor, p) })
		allPrefixes(cameo, func(p string) { vs.add(query.FCameo, p) })
		vs.add(query.FPlover, plover)
		vs.add(query.FPlace, foldCase(place))
		vs.add(query.FSource, foldCase(a.source))
		vs.add(query.FLang, a.lang)
		vs.add(query.FModality, modality)
		vs.add(query.FPolarity, polarity)
		for _, c := range a.counted {
			vs.add(query.FCounted, c)
		}
		neg := 0
		if polarity == "negated" {
			neg = 1
		}
		conflict := 0
		if quad >= 3 {
			conflict = 1
		}
		if quad < 1 || quad > 4 {
			quad = 0
		}
		month := ""
		if len(day) >= 7 {
			month = day[:7]
		}
		mon, dayN, actors := d.dates.id(month), int32(0), int32(0)
		if day != "" {
			dayN = d.dates.id(day)
		}
		if hasPair {
			actors = d.actors.id(pairActors{sc, sn, tc, tn})
		}
		at = at[:0] // the places of the event, as the map joins them
		if placeID != "" {
			for i, p := range a.places {
				if p.id == placeID {
					at = append(at, placeNums[i])
				}
			}
		}
		for dv := range vs {
			monthly := monthDims[dv[0]]
			dvn := d.dvs.id(dv)
			for _, p := range at {
				if !monthly {
					break
				}
				c := d.place(placeRowRef{dvn, mon, p})
				c.events[neg] += sign
				c.conflict[neg] += sign * conflict
				c.goldstein[neg] += float64(sign) * g
			}
			if day != "" {
				c := d.days.at(dayRef{dvn, dayN})
				c.events[neg][quad] += sign
				c.goldstein[neg] += float64(sign) * g
			}
			if hasPair && monthly {
				c := d.pairs.at(pairRef{dvn, mon, actors})
				c.events[neg] += sign
				c.conflict[neg] += sign * conflict
				c.goldstein[neg] += float64(sign) * g
			}
		}
	}
	a.dims[[2]string{"", ""}] = true
	a.dims.add(query.FSource, foldCase(a.source))
	a.dims.add(query.FLang, a.lang)
	// Each place once per article, under the attributes of its last
	// row (the map shows one set per place).
	var places []int32
	seen := map[placeKey]int{}
	for i, p := range a.places {
		k := placeKey{name: p.name, lat: p.lat, lon: p.lon}
		if j, ok := seen[k]; ok {
			places[j] = placeNums[i]
			continue
		}
		seen[k] = len(places)
		places = append(places, placeNums[i])
	}
	month := ""
	if len(a.day) >= 7 {
		month = a.day[:7]
	}
	mon, dayN := d.dates.id(month), int32(0)
	if a.day != "" {
		dayN = d.dates.id(a.day)
	}
	for dv := range a.dims {
		dvn := d.dvs.id(dv)
		if a.day != "" {
			d.days.at(dayRef{dvn, dayN}).articles += sign
		}
		for _, p := range places {
			if !monthDims[dv[0]] {
				break
			}
			d.place(placeRowRef{dvn, mon, p}).articles += sign
		}
	}
}

// countTable describes a summary table for writeCounts.
type countTable struct {
	name         string
	keys, counts []string
	nonzero      string // SQL true when a row still counts something
	// vals are the rows to add, in key order, each its key columns
	// then the amounts added to its count columns, one after the other
	// in one slice (the statements take them as they are); grows[i] is
	// set when row i cannot reach zero (see grows).
	vals  []any
	grows []bool
	// places, when set, are the places the rows name by their number
	// here in their place column: write numbers them in place_keys.
	places []placeKey
}

// width is the number of values of one row of t.vals.
func (t *countTable) width() int { return len(t.keys) + len(t.counts) }

// spareVals keeps the value slices of the tables of the last batch
// written, emptied, for the next batch's tables (days, pairs, places):
// the place rows' slice, some ten thousand rows of sixteen values, was
// the largest allocation left in the summaries.
var spareVals = make(chan [4][]any, 1)

// takeVals returns room for the values of the four tables, the spare
// slices when there are, each of length zero.
func takeVals() (vals [4][]any) {
	select {
	case vals = <-spareVals:
	default:
	}
	return vals
}

// recycleTables empties the value slices of ts, tables returned by
// tables() and written, and keeps them for takeVals. ts must not be used
// after.
func recycleTables(ts []*countTable) {
	var vals [4][]any
	for i, t := range ts[:min(len(ts), len(vals))] {
		clear(t.vals) // drop the references to the rows' strings
		vals[i] = t.vals[:0]
		t.vals = nil
	}
	select {
	case spareVals <- vals:
	default:
	}
}

// apply writes d to the summary tables, dropping rows whose counts reach
// zero.
func (d *summaryDelta) apply(ctx context.Context, tx *sql.Tx) error {
	return writeTables(ctx, tx, nil, nil, d.tables())
}

// writeTables writes the rows of the summary tables ts in tx, the many-row
// upserts through raw when it is not nil (raw is on tx's connection), the
// places' numbers through pc when it is not nil (see resolvePlaces).
func writeTables(ctx context.Context, tx *sql.Tx, raw *rawExec, pc *placeCache, ts []*countTable) error {
	for _, t := range ts {
		if err := t.write(ctx, tx, raw, pc); err != nil {
			return fmt.Errorf("summaries: %s: %w", t.name, err)
		}
	}
	return nil
}

// tables lays d out as the rows to add to each summary table, in key
// order. It reads d only, so it can run beside the transaction's writes.
// Counts go in as int64, the type SQLite's driver takes without
// converting.
func (d *summaryDelta) tables() []*countTable {
	days := countTable{name: "day_counts", keys: []string{"dim", "value", "day"},
		counts:  []string{"articles", "e0", "e1", "e2", "e3", "e4", "g", "n0", "n1", "n2", "n3", "n4", "ng"},
		nonzero: "articles <> 0 OR e0 <> 0 OR e1 <> 0 OR e2 <> 0 OR e3 <> 0 OR e4 <> 0 OR n0 <> 0 OR n1 <> 0 OR n2 <> 0 OR n3 <> 0 OR n4 <> 0"}
	// Rows go in in key order, which writes the B-tree in order; keys
	// are sorted as structs, cheaper than as the rows' values.
	spare := takeVals()
	// The keys' numbers ranked in the order of what they number: rows
	// compare as numbers in the order of their texts.
	dvRank := d.dvs.ranks(func(a, b [2]string) int { return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1])) })
	dateRank := d.dates.ranks(strings.Compare)
	actorRank := d.actors.ranks(func(a, b pairActors) int {
		return cmp.Or(strings.Compare(a.sourceCode, b.sourceCode), strings.Compare(a.sourceName, b.sourceName),
			strings.Compare(a.targetCode, b.targetCode), strings.Compare(a.targetName, b.targetName))
	})
	days.vals = slices.Grow(spare[0], len(d.days.keys)*days.width())
	for _, i := range d.days.sorted(func(a, b dayRef) int {
		return cmp.Or(cmp.Compare(dvRank[a.dv], dvRank[b.dv]), cmp.Compare(dateRank[a.day], dateRank[b.day]))
	}) {
		k, c := &d.days.keys[i], &d.days.counts[i]
		if c.zero() {
			continue
		}
		e, n := c.events[0], c.events[1]
		dv := &d.dvs.keys[k.dv]
		days.vals = append(days.vals, dv[0], dv[1], d.dates.keys[k.day], int64(c.articles),
			int64(e[0]), int64(e[1]), int64(e[2]), int64(e[3]), int64(e[4]), c.goldstein[0],
			int64(n[0]), int64(n[1]), int64(n[2]), int64(n[3]), int64(n[4]), c.goldstein[1])
		days.grows = append(days.grows, grows([]int{c.articles, e[0], e[1], e[2], e[3], e[4], n[0], n[1], n[2], n[3], n[4]}))
	}
	pairs := countTable{name: "pair_counts",
		keys:    []string{"dim", "value", "month", "source_code", "source_name", "target_code", "target_name"},
		counts:  []string{"events", "goldstein", "conflict", "n_events", "n_goldstein", "n_conflict"},
		nonzero: "events <> 0 OR n_events <> 0"}
	pairs.vals = slices.Grow(spare[1], len(d.pairs.keys)*pairs.width())
	for _, i := range d.pairs.sorted(func(a, b pairRef) int {
		return cmp.Or(cmp.Compare(dvRank[a.dv], dvRank[b.dv]), cmp.Compare(dateRank[a.month], dateRank[b.month]),
			cmp.Compare(actorRank[a.actors], actorRank[b.actors]))
	}) {
		k, c := &d.pairs.keys[i], &d.pairs.counts[i]
		if c.zero() {
			continue
		}
		dv, ac := &d.dvs.keys[k.dv], &d.actors.keys[k.actors]
		pairs.vals = append(pairs.vals, dv[0], dv[1], d.dates.keys[k.month], ac.sourceCode, ac.sourceName, ac.targetCode, ac.targetName,
			int64(c.events[0]), c.goldstein[0], int64(c.conflict[0]), int64(c.events[1]), c.goldstein[1], int64(c.conflict[1]))
		pairs.grows = append(pairs.grows, grows([]int{c.events[0], c.events[1]}, c.conflict[0], c.conflict[1]))
	}
	places := countTable{name: "place_counts",
		keys:    []string{"dim", "value", "month", "name", "lat", "lon", "country", "feature_type", "gazetteer_id"},
		counts:  []string{"articles", "events", "goldstein", "conflict", "n_events", "n_goldstein", "n_conflict"},
		nonzero: "articles <> 0 OR events <> 0 OR n_events <> 0"}
	// Places are ranked once, so that rows compare their places as
	// numbers.
	rank := make([]int32, len(d.placeKeys))
	for r, id := range placeOrder(d.placeKeys) {
		rank[id] = int32(r)
	}
	cmpRow := func(a, b placeRowRef) int {
		return cmp.Or(cmp.Compare(dvRank[a.dv], dvRank[b.dv]), cmp.Compare(dateRank[a.month], dateRank[b.month]),
			cmp.Compare(rank[a.place], rank[b.place]))
	}
	// A place row's articles go to place_articles, its place by number
	// (resolved against place_keys when written, see resolvePlaces); its
	// events stay in place_counts, whose articles column is 0.
	articles := countTable{name: "place_articles", keys: []string{"dim", "value", "month", "place"},
		counts: []string{"articles"}, nonzero: "articles <> 0", places: slices.Clone(d.placeKeys)}
	articles.vals = slices.Grow(spare[3], len(d.places.keys)*articles.width())
	for _, i := range d.places.sorted(cmpRow) {
		k, c := &d.places.keys[i], &d.places.counts[i]
		dv, month := &d.dvs.keys[k.dv], d.dates.keys[k.month]
		if c.articles != 0 {
			articles.vals = append(articles.vals, dv[0], dv[1], month, int64(k.place), int64(c.articles))
			articles.grows = append(articles.grows, c.articles > 0)
		}
		if c.events == [2]int{} && c.conflict == [2]int{} && c.goldstein == [2]float64{} {
			continue
		}
		p := &d.placeKeys[k.place]
		places.vals = append(places.vals, dv[0], dv[1], month, p.name, p.lat, p.lon, p.country, p.featureType, p.gazetteerID,
			int64(0), int64(c.events[0]), c.goldstein[0], int64(c.conflict[0]), int64(c.events[1]), c.goldstein[1], int64(c.conflict[1]))
		places.grows = append(places.grows, grows([]int{c.events[0], c.events[1]}, c.conflict[0], c.conflict[1]))
	}
	return []*countTable{&days, &pairs, &places, &articles}
}

// placeOrder returns the numbers of places in the order of the places
// (cmpPlaceKey).
func placeOrder(places []placeKey) []int32 {
	order := make([]int32, len(places))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmpPlaceKey(places[a], places[b]) })
	return order
}

// grows reports whether a row cannot reach zero by adding its amounts:
// no count goes down (live, the counts the table's nonzero condition
// reads, nor others) and one of live goes up. Goldstein sums may go
// down: they ride along with event counts and the condition does not
// read them, so rows of events with negative scores still go in many to
// a statement.
func grows(live []int, others ...int) bool {
	up := false
	for _, v := range live {
		if v < 0 {
			return false
		}
		up = up || v > 0
	}
	for _, v := range others {
		if v < 0 {
			return false
		}
	}
	return up
}

// upsertChunk is how many rows one INSERT statement adds.
const upsertChunk = 64

// write adds t's rows to the table in tx: rows that only grow many to a
// statement (through raw when it is not nil), the others one at a time,
// deleting those that reach zero.
func (t *countTable) write(ctx context.Context, tx *sql.Tx, raw *rawExec, pc *placeCache) error {
	if len(t.grows) == 0 {
		return nil
	}
	ncol := t.width()
	if t.places != nil {
		ids, err := resolvePlaces(ctx, tx, pc, t.places)
		if err != nil {
			return err
		}
		col := slices.Index(t.keys, "place")
		for i := col; i < len(t.vals); i += ncol {
			t.vals[i] = ids[t.vals[i].(int64)]
		}
	}
	cols := append(append([]string{}, t.keys...), t.counts...)
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?,", ncol), ",") + ")"
	var set []string
	for _, c := range t.counts {
		set = append(set, c+" = "+c+" + excluded."+c)
	}
	upserts := map[int]string{}
	upsert := func(n int) string {
		if q, ok := upserts[n]; ok {
			return q
		}
		upserts[n] = "INSERT INTO " + t.name + "(" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(tuple+",", n), ",") +
			" ON CONFLICT(" + strings.Join(t.keys, ", ") + ") DO UPDATE SET " + strings.Join(set, ", ")
		return upserts[n]
	}
	// The growing rows, one after the other: t.vals itself when every
	// row grows, as on an ingest.
	growing, shrinking := t.vals, []int(nil)
	if slices.Contains(t.grows, false) {
		growing = nil
		for i, g := range t.grows {
			if g {
				growing = append(growing, t.vals[i*ncol:(i+1)*ncol]...)
			} else {
				shrinking = append(shrinking, i)
			}
		}
	}
	exec := func(q string, args []any) error { return raw.exec(q, args) }
	if raw == nil {
		stmts := map[string]*sql.Stmt{}
		defer func() {
			for _, st := range stmts {
				st.Close()
			}
		}()
		exec = func(q string, args []any) error {
			st := stmts[q]
			if st == nil {
				var err error
				if st, err = tx.PrepareContext(ctx, q); err != nil {
					return err
				}
				stmts[q] = st
			}
			_, err := st.ExecContext(ctx, args...)
			return err
		}
	}
	for len(growing) > 0 {
		n := min(len(growing)/ncol, upsertChunk)
		if err := exec(upsert(n), growing[:n*ncol]); err != nil {
			return err
		}
		growing = growing[n*ncol:]
	}
	if len(shrinking) == 0 {
		return nil
	}
	up, err := tx.PrepareContext(ctx, upsert(1)+" RETURNING "+t.nonzero)
	if err != nil {
		return err
	}
	defer up.Close()
	var where []string
	for _, k := range t.keys {
		where = append(where, k+" = ?")
	}
	del, err := tx.PrepareContext(ctx, "DELETE FROM "+t.name+" WHERE "+strings.Join(where, " AND "))
	if err != nil {
		return err
	}
	defer del.Close()
	for _, i := range shrinking {
		row := t.vals[i*ncol : (i+1)*ncol]
		var nonzero bool
		if err := up.QueryRowContext(ctx, row...).Scan(&nonzero); err != nil {
			return err
		}
		if !nonzero {
			if _, err := del.ExecContext(ctx, row[:len(t.keys)]...); err != nil {
				return err
			}
		}
	}
	return nil
}

// cmpPlaceKey orders places column by column, the order of the place
// columns of place_counts' primary key.
func cmpPlaceKey(a, b placeKey) int {
	return cmp.Or(strings.Compare(a.name, b.name), cmpFloat(a.lat, b.lat), cmpFloat(a.lon, b.lon),
		strings.Compare(a.country, b.country), strings.Compare(a.featureType, b.featureType),
		strings.Compare(a.gazetteerID, b.gazetteerID))
}

// cmpFloat orders float64s with <.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case b < a:
		return 1
	}
	return 0
}

// backfillSummaries computes the summaries of every stored article, a
// slice of articles at a time (the migration that adds them runs it).
func backfillSummaries(ctx context.Context, tx *sql.Tx) error {
	var maxRid int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rid), 0) FROM articles`).Scan(&maxRid); err != nil {
		return err
	}
	const chunk = 10000
	for lo := int64(1); lo <= maxRid; lo += chunk {
		d := newSummaryDelta()
		if err := d.collect(ctx, tx, lo, lo+chunk-1, nil, 1); err != nil {
			return err
		}
		if err := d.apply(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

// summaryQuery is a query the summaries can answer: a date range and at
// most one filter by a kept dimension.
type summaryQuery struct {
	dim, value string // "", "" for no filter
	from, to   string // inclusive days, "" for open
}

// asSummaryQuery reports whether q is a summaryQuery.
func asSummaryQuery(q *query.Query) (summaryQuery, bool) {
	var sq summaryQuery
	if q == nil || q.Root == nil {
		return sq, true
	}
	var filters []*query.Filter
	var walk func(n query.Node) bool
	walk = func(n query.Node) bool {
		switch n := n.(type) {
		case *query.Filter:
			filters = append(filters, n)
			return true
		case *query.And:
			for _, c := range n.Children {
				if !walk(c) {
					return false
				}
			}
			return true
		}
		return false // terms (full text), OR, NOT
	}
	if !walk(q.Root) {
		return sq, false
	}
	for _, f := range filters {
		v := f.Value
		switch {
		case f.Name == query.FFrom:
			if v > sq.from {
				sq.from = v
			}
		case f.Name == query.FTo:
			if v == "" {
				return sq, false
			}
			if sq.to == "" || v < sq.to {
				sq.to = v
			}
		case summaryDims[f.Name]:
			if sq.dim != "" || v == "" {
				return sq, false
			}
			if f.Name == query.FCameo && len(v) < 2 {
				return sq, false // not kept
			}
			if f.Name == query.FActor && (!isCode(v) || len(v)%3 != 0) {
				return sq, false // a name (matched as a substring), or a code prefix not kept
			}
			if f.Name == query.FPlace || f.Name == query.FSource {
				v = foldCase(v) // compared NOCASE
			}
			sq.dim, sq.value = f.Name, v
		default:
			return sq, false
		}
	}
	return sq, true
}

// cond renders the summary rows' condition and arguments.
func (sq summaryQuery) cond() (string, []any) {
	w := "dim = ? AND value = ?"
	args := []any{sq.dim, sq.value}
	if sq.from != "" {
		w += " AND day >= ?"
		args = append(args, sq.from)
	}
	if sq.to != "" {
		w += " AND day <= ?"
		args = append(args, sq.to)
	}
	return w, args
}

// topText returns the full-text expression of q when every match of q
// must match it (q is text, or text AND other conditions).
func topText(q *query.Query) (string, bool) {
	if q == nil || q.Root == nil {
		return "", false
	}
	if e, ok := ftsExpr(q.Root); ok {
		return e, true
	}
	and, ok := q.Root.(*query.And)
	if !ok {
		return "", false
	}
	var text []string
	for _, c := range and.Children {
		if e, ok := ftsExpr(c); ok {
			text = append(text, e)
		}
	}
	if len(text) == 0 {
		return "", false
	}
	return "(" + strings.Join(text, " AND ") + ")", true
}

// textSample decides how a raw aggregate of q counts full-text matches:
// all of them (mod 1, share 1) when q has no text every match must match,
// or that text matches at most textSampleSize articles; else only those
// whose rid is a multiple of mod, share being the part of the matches
// they are.
func (s *SQLite) textSample(ctx context.Context, q *query.Query) (mod int, share float64, err error) {
	mod, n, expr, err := s.textStep(ctx, q)
	if err != nil || mod == 1 {
		return mod, 1, err
	}
	m, err := s.sampledMatches(ctx, expr, mod)
	if err != nil {
		return 0, 0, err
	}
	if m == 0 {
		return 1, 1, nil // an unlucky step: count everything (within the time limit)
	}
	return mod, float64(m) / float64(n), nil
}

// textStep is the first half of textSample: the step mod, how many
// articles q's text, expr, matches (n), and the expression itself.
func (s *SQLite) textStep(ctx context.Context, q *query.Query) (mod, n int, expr string, err error) {
	expr, ok := topText(q)
	if !ok || s.textSampleSize <= 0 {
		return 1, 0, "", nil
	}
	if err := s.queryRow(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, expr).Scan(&n); err != nil {
		return 0, 0, "", fmt.Errorf("store: counting full-text matches: %w", err)
	}
	if n <= s.textSampleSize {
		return 1, n, expr, nil
	}
	return (n + s.textSampleSize - 1) / s.textSampleSize, n, expr, nil
}

// sampledMatches counts the matches of expr whose rid is a multiple of mod.
func (s *SQLite) sampledMatches(ctx context.Context, expr string, mod int) (int, error) {
	var m int
	if err := s.queryRow(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND `+textRid+` % ? = 0`, expr, mod).Scan(&m); err != nil {
		return 0, fmt.Errorf("store: counting full-text matches: %w", err)
	}
	return m, nil
}

// wholeMonths reports whether the monthly network and map summaries can
// answer sq: its dimension is kept there, and its date range, if any, is
// made of whole months (from a month's first day to a month's last).
func (sq summaryQuery) wholeMonths() bool {
	if !monthDims[sq.dim] {
		return false
	}
	if sq.from != "" {
		if _, err := time.Parse("2006-01-02", sq.from); err != nil || !strings.HasSuffix(sq.from, "-01") {
			return false
		}
	}
	if sq.to != "" {
		t, err := time.Parse("2006-01-02", sq.to)
		if err != nil || t.AddDate(0, 0, 1).Day() != 1 {
			return false
		}
	}
	return true
}

// monthCond renders the condition on pair_counts rows of a wholeMonths
// query and its arguments. An open range keeps undated events, as the raw
// count does; any bound leaves them out.
func (sq summaryQuery) monthCond() (string, []any) {
	w := "dim = ? AND value = ?"
	args := []any{sq.dim, sq.value}
	if sq.from != "" {
		w += " AND month >= ?"
		args = append(args, sq.from[:7])
	}
	if sq.to != "" {
		w += " AND month <> '' AND month <= ?"
		args = append(args, sq.to[:7])
	}
	return w, args
}

// placeCache keeps the numbers of places in place_keys, known to be
// committed: a place's row there is never deleted or changed, so its
// number holds for the database's life. pending are the numbers the
// open write transaction gave, kept once it commits.
type placeCache struct {
	mu      sync.Mutex
	ids     map[placeKey]int64
	pending map[placeKey]int64
}

func newPlaceCache() *placeCache {
	return &placeCache{ids: map[placeKey]int64{}, pending: map[placeKey]int64{}}
}

// settle keeps the pending numbers when the transaction that gave them
// committed, and forgets them when it did not.
func (pc *placeCache) settle(committed bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if committed {
		maps.Copy(pc.ids, pc.pending)
	}
	clear(pc.pending)
}

// resolvePlaces returns the numbers of places in place_keys, adding the
// places not there yet, in tx. pc, when not nil, keeps the numbers found
// (see placeCache); the open transaction must then be on pc's database
// and settle it at its end.
func resolvePlaces(ctx context.Context, tx *sql.Tx, pc *placeCache, places []placeKey) ([]int64, error) {
	ids := make([]int64, len(places))
	var missing []int
	if pc != nil {
		pc.mu.Lock()
		for i, p := range places {
			id, ok := pc.ids[p]
			if !ok {
				id, ok = pc.pending[p]
			}
			if ok {
				ids[i] = id
			} else {
				missing = append(missing, i)
			}
		}
		pc.mu.Unlock()
	} else {
		for i := range places {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return ids, nil
	}
	// New places in key order, so that numbers follow it in a fresh
	// database.
	slices.SortFunc(missing, func(a, b int) int { return cmpPlaceKey(places[a], places[b]) })
	get, err := tx.PrepareContext(ctx, `SELECT id FROM place_keys WHERE name = ? AND lat = ? AND lon = ? AND country = ? AND feature_type = ? AND gazetteer_id = ?`)
	if err != nil {
		return nil, err
	}
	defer get.Close()
	put, err := tx.PrepareContext(ctx, `INSERT INTO place_keys(name, lat, lon, country, feature_type, gazetteer_id) VALUES (?,?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	defer put.Close()
	for _, i := range missing {
		p := &places[i]
		args := []any{p.name, p.lat, p.lon, p.country, p.featureType, p.gazetteerID}
		err := get.QueryRowContext(ctx, args...).Scan(&ids[i])
		if errors.Is(err, sql.ErrNoRows) {
			var res sql.Result
			if res, err = put.ExecContext(ctx, args...); err == nil {
				ids[i], err = res.LastInsertId()
			}
		}
		if err != nil {
			return nil, fmt.Errorf("place_keys: %w", err)
		}
	}
	if pc != nil {
		pc.mu.Lock()
		for _, i := range missing {
			pc.pending[places[i]] = ids[i]
		}
		pc.mu.Unlock()
	}
	return ids, nil
}
