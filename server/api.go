package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"dateline/query"
	"dateline/store"
)

// Paging bounds shared by every listing.
const (
	defaultLimit = 20
	maxLimit     = 500
	maxOffset    = 100_000
	// countCap bounds how far a listing's total is counted (as search pages
	// say "about 1,000+"): counting further costs a scan per request; beyond it the
	// answer says "at least" (total_exact false) instead of scanning on.
	// The store may also stop counting a search early (store.SQLite.Total).
	countCap = 1_000
)

// params checks that r has no parameter other than known and none given
// twice, and returns them.
func params(r *http.Request, known ...string) (url.Values, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "bad_parameter", Message: "malformed query string: " + err.Error()}
	}
	for name, vals := range v {
		if !slices.Contains(known, name) {
			return nil, &apiError{Status: http.StatusBadRequest, Code: "unknown_parameter", Param: name,
				Message: fmt.Sprintf("unknown parameter %q; this endpoint takes: %s", name, strings.Join(known, ", "))}
		}
		if len(vals) > 1 {
			return nil, badParam(name, "given %d times; give it once", len(vals))
		}
	}
	return v, nil
}

// parseQ parses the q parameter in the query language of docs/QUERY.md.
func parseQ(v url.Values) (*query.Query, error) {
	q, err := query.Parse(v.Get("q"))
	if err != nil {
		var qe *query.Error
		msg := err.Error()
		if errors.As(err, &qe) {
			msg = fmt.Sprintf("%s at column %d (see docs/QUERY.md)", qe.Msg, qe.Col)
		}
		return nil, &apiError{Status: http.StatusBadRequest, Code: "bad_query", Param: "q", Message: msg}
	}
	return q, nil
}

// intParam reads an integer parameter in [lo, hi], def when absent.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badParam(name, "%q is not a whole number", s)
	}
	if n < lo || n > hi {
		return 0, badParam(name, "%d is out of range; use %d to %d", n, lo, hi)
	}
	return n, nil
}

// queryLimit reads the parameters of an endpoint that takes only a query
// and a result limit (def when absent, at most hi).
func queryLimit(r *http.Request, def, hi int) (*query.Query, int, error) {
	v, err := params(r, "q", "limit")
	if err != nil {
		return nil, 0, err
	}
	q, err := parseQ(v)
	if err != nil {
		return nil, 0, err
	}
	limit, err := intParam(v, "limit", def, 1, hi)
	if err != nil {
		return nil, 0, err
	}
	return q, limit, nil
}

// enumParam reads a parameter that must be one of allowed (def when absent).
func enumParam(v url.Values, name, def string, allowed ...string) (string, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	if !slices.Contains(allowed, s) {
		return "", badParam(name, "%q is not one of %s", s, strings.Join(allowed, ", "))
	}
	return s, nil
}

func pageParams(v url.Values) (store.Page, error) {
	limit, err := intParam(v, "limit", defaultLimit, 1, maxLimit)
	if err != nil {
		return store.Page{}, err
	}
	offset, err := intParam(v, "offset", 0, 0, maxOffset)
	if err != nil {
		return store.Page{}, err
	}
	return store.Page{Limit: limit, Offset: offset}, nil
}

// Listing is the answer of every paged listing.
type Listing struct {
	Query string `json:"query"`
	// Total counts every match up to 1,000; TotalExact is false when
	// there are at least that many, or when counting stopped early (a
	// word matching over 1,500 articles combined with a record filter):
	// Total is then a lower bound.
	Total      int         `json:"total"`
	TotalExact bool        `json:"total_exact"`
	Limit      int         `json:"limit"`
	Offset     int         `json:"offset"`
	Results    []store.Row `json:"results"`
}

// queryPage reads the parameters of a paged listing: q, limit and offset,
// and nothing else.
func queryPage(r *http.Request) (*query.Query, store.Page, error) {
	v, err := params(r, "q", "limit", "offset")
	if err != nil {
		return nil, store.Page{}, err
	}
	q, err := parseQ(v)
	if err != nil {
		return nil, store.Page{}, err
	}
	page, err := pageParams(v)
	return q, page, err
}

func (s *Server) list(r *http.Request, kind store.Kind) (*Listing, error) {
	q, page, err := queryPage(r)
	if err != nil {
		return nil, err
	}
	out := &Listing{Query: q.String(), Limit: page.Limit, Offset: page.Offset, Results: []store.Row{}}
	err = s.opt.Store.List(r.Context(), kind, q, page, func(row store.Row) error {
		out.Results = append(out.Results, row)
		return nil
	})
	if err != nil {
		return nil, storeErr(err)
	}
	// A short first page is its own count; otherwise count, capped.
	if page.Offset == 0 && len(out.Results) < page.Limit {
		out.Total, out.TotalExact = len(out.Results), true
		return out, nil
	}
	n, exact, err := s.opt.Store.Total(r.Context(), kind, q, countCap)
	if err != nil {
		return nil, storeErr(err)
	}
	// An inexact total is a lower bound, which the page itself raises.
	if !exact {
		n = max(n, page.Offset+len(out.Results))
	}
	out.Total, out.TotalExact = n, exact
	return out, nil
}

// storeErr turns a store error caused by the request (a filter the
// store cannot compile for this kind) into a 400; other errors stay 500s.
func storeErr(err error) error {
	if err != nil && strings.Contains(err.Error(), "is not supported") {
		return &apiError{Status: http.StatusBadRequest, Code: "bad_query", Param: "q", Message: err.Error()}
	}
	return err
}

func (s *Server) search(r *http.Request) (any, error) { return s.list(r, store.KindArticles) }

func (s *Server) listing(kind store.Kind) handlerFunc {
	return func(r *http.Request) (any, error) { return s.list(r, kind) }
}

func (s *Server) stats(r *http.Request) (any, error) {
	if _, err := params(r); err != nil {
		return nil, err
	}
	return s.opt.Store.Stats(r.Context())
}

// maxIDLen bounds an article ID in a path; real IDs are 16 hex digits.
const maxIDLen = 256

func (s *Server) getArticle(r *http.Request) (any, error) {
	if _, err := params(r); err != nil {
		return nil, err
	}
	id := r.PathValue("id")
	if id == "" || len(id) > maxIDLen {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "bad_parameter", Param: "id",
			Message: fmt.Sprintf("article ID must be 1 to %d characters", maxIDLen)}
	}
	a, err := s.opt.Store.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, &apiError{Status: http.StatusNotFound, Code: "not_found", Param: "id",
			Message: fmt.Sprintf("no article with ID %q", id)}
	}
	return a, err
}

func (s *Server) facets(r *http.Request) (any, error) {
	v, err := params(r, "q", "sample", "top")
	if err != nil {
		return nil, err
	}
	q, err := parseQ(v)
	if err != nil {
		return nil, err
	}
	sample, err := intParam(v, "sample", 2000, 1, 20000)
	if err != nil {
		return nil, err
	}
	top, err := intParam(v, "top", 10, 1, 100)
	if err != nil {
		return nil, err
	}
	f, err := s.opt.Store.Facets(r.Context(), q, sample, top)
	return f, storeErr(err)
}

// Timeline is the answer of /api/v1/timeline.
type Timeline struct {
	Query    string             `json:"query"`
	Interval string             `json:"interval"`
	Buckets  []store.TimeBucket `json:"buckets"`
	// Sample is the share of matching articles counted (1: all); below 1
	// the counts are estimates, see store.Timeline.
	Sample float64 `json:"sample"`
}

// AppendJSON appends t as encoding/json writes it (see jsonAppender).
func (t *Timeline) AppendJSON(b []byte) []byte {
	b = append(b, `{"query":`...)
	b = appendJSONString(b, t.Query)
	b = append(b, `,"interval":`...)
	b = appendJSONString(b, t.Interval)
	b = append(b, `,"buckets":`...)
	if t.Buckets == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, k := range t.Buckets {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"start":`...)
			b = appendJSONString(b, k.Start)
			b = append(b, `,"articles":`...)
			b = strconv.AppendInt(b, int64(k.Articles), 10)
			b = append(b, `,"events":`...)
			b = strconv.AppendInt(b, int64(k.Events), 10)
			b = append(b, `,"quad":[`...)
			for j, n := range k.Quad {
				if j > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendInt(b, int64(n), 10)
			}
			b = append(b, `],"goldstein":`...)
			if k.Goldstein == nil {
				b = append(b, "null"...)
			} else {
				b = appendJSONFloat(b, *k.Goldstein)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"sample":`...)
	b = appendJSONFloat(b, t.Sample)
	return append(b, "}\n"...)
}

// appendJSONString appends s quoted as encoding/json quotes it (HTML
// characters escaped); plain ASCII, the usual case, is copied as it is.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendJSONFloat appends f as encoding/json writes a float64 (f must be
// finite): the shortest decimal, in exponent form only when very small or
// large.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

func (s *Server) timeline(r *http.Request) (any, error) {
	v, err := params(r, "q", "interval")
	if err != nil {
		return nil, err
	}
	q, err := parseQ(v)
	if err != nil {
		return nil, err
	}
	by, err := enumParam(v, "interval", "day", "day", "week", "month")
	if err != nil {
		return nil, err
	}
	b, err := s.opt.Store.Timeline(r.Context(), q, store.Interval(by))
	if err != nil {
		return nil, storeErr(err)
	}
	return &Timeline{Query: q.String(), Interval: by, Buckets: b.Buckets, Sample: b.Sample}, nil
}

// Network is the answer of /api/v1/network: actor nodes and directed links.
type Network struct {
	Query string            `json:"query"`
	Nodes []NetworkNode     `json:"nodes"`
	Links []store.ActorLink `json:"links"`
}

// NetworkNode is an actor with its event counts as source and target.
type NetworkNode struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Out    int    `json:"out"`
	In     int    `json:"in"`
	Events int    `json:"events"`
}

func (s *Server) network(r *http.Request) (any, error) {
	q, limit, err := queryLimit(r, 100, 1000)
	if err != nil {
		return nil, err
	}
	links, err := s.opt.Store.Network(r.Context(), q, limit)
	if err != nil {
		return nil, storeErr(err)
	}
	return buildNetwork(q.String(), links), nil
}

// buildNetwork derives the node list from the links.
func buildNetwork(q string, links []store.ActorLink) *Network {
	n := &Network{Query: q, Nodes: []NetworkNode{}, Links: links}
	idx := map[string]int{}
	node := func(id, name string) *NetworkNode {
		i, ok := idx[id]
		if !ok {
			i = len(n.Nodes)
			idx[id] = i
			n.Nodes = append(n.Nodes, NetworkNode{ID: id, Name: name})
		}
		return &n.Nodes[i]
	}
	for _, l := range links {
		src := node(l.Source, l.SourceName)
		src.Out += l.Events
		src.Events += l.Events
		tgt := node(l.Target, l.TargetName)
		tgt.In += l.Events
		tgt.Events += l.Events
	}
	return n
}

func placeParams(r *http.Request) (*query.Query, store.PlaceLayer, int, error) {
	v, err := params(r, "q", "layer", "limit")
	if err != nil {
		return nil, "", 0, err
	}
	q, err := parseQ(v)
	if err != nil {
		return nil, "", 0, err
	}
	layer, err := enumParam(v, "layer", "events", "events", "places")
	if err != nil {
		return nil, "", 0, err
	}
	limit, err := intParam(v, "limit", 500, 1, 5000)
	if err != nil {
		return nil, "", 0, err
	}
	return q, store.PlaceLayer(layer), limit, nil
}

// Places is the answer of /api/v1/places.
type Places struct {
	Query   string             `json:"query"`
	Layer   string             `json:"layer"`
	Results []store.PlaceCount `json:"results"`
}

func (s *Server) places(r *http.Request) (any, error) {
	q, layer, limit, err := placeParams(r)
	if err != nil {
		return nil, err
	}
	p, err := s.opt.Store.PlaceCounts(r.Context(), q, layer, limit)
	if err != nil {
		return nil, storeErr(err)
	}
	return &Places{Query: q.String(), Layer: string(layer), Results: p}, nil
}

// Feature and FeatureCollection are the GeoJSON (RFC 7946) of the map.
type Feature struct {
	Type       string         `json:"type"`
	Geometry   Point          `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// Point is a GeoJSON point: [longitude, latitude].
type Point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// FeatureCollection is a GeoJSON feature collection.
type FeatureCollection struct {
	Type     string    `json:"type"`
	Features []Feature `json:"features"`
}

func (s *Server) geojson(r *http.Request) (any, error) {
	q, layer, limit, err := placeParams(r)
	if err != nil {
		return nil, err
	}
	ps, err := s.opt.Store.PlaceCounts(r.Context(), q, layer, limit)
	if err != nil {
		return nil, storeErr(err)
	}
	fc := &FeatureCollection{Type: "FeatureCollection", Features: make([]Feature, 0, len(ps))}
	for _, p := range ps {
		props := map[string]any{"name": p.Name, "country": p.Country, "feature_type": p.FeatureType,
			"count": p.Count, "layer": string(layer)}
		if p.Goldstein != nil {
			props["goldstein"] = *p.Goldstein
			props["conflict"] = p.Conflict
		}
		fc.Features = append(fc.Features, Feature{Type: "Feature",
			Geometry: Point{Type: "Point", Coordinates: [2]float64{p.Lon, p.Lat}}, Properties: props})
	}
	return fc, nil
}

func (s *Server) speakers(r *http.Request) (any, error) {
	q, limit, err := queryLimit(r, 50, 1000)
	if err != nil {
		return nil, err
	}
	sp, err := s.opt.Store.Speakers(r.Context(), q, limit)
	if err != nil {
		return nil, storeErr(err)
	}
	return map[string]any{"query": q.String(), "results": sp}, nil
}

func (s *Server) stories(r *http.Request) (any, error) {
	q, page, err := queryPage(r)
	if err != nil {
		return nil, err
	}
	st, err := s.opt.Store.Stories(r.Context(), q, page)
	if err != nil {
		return nil, storeErr(err)
	}
	return map[string]any{"query": q.String(), "limit": page.Limit, "offset": page.Offset, "results": st}, nil
}

func (s *Server) story(r *http.Request) (any, error) {
	if _, err := params(r); err != nil {
		return nil, err
	}
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "bad_parameter", Param: "id",
			Message: fmt.Sprintf("story ID %q is not a positive whole number", raw)}
	}
	arts, err := s.opt.Store.StoryArticles(r.Context(), id, 1000)
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return nil, &apiError{Status: http.StatusNotFound, Code: "not_found", Param: "id", Message: fmt.Sprintf("no story %d", id)}
	}
	return map[string]any{"id": id, "articles": arts}, nil
}
