package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"dateline/store"
)

// export streams every match of q as JSON Lines or CSV, row by row from
// the database, flushing as it goes: memory stays flat whatever the size.
// Once streaming has started an error can no longer change the status, so
// it ends the body with a last line saying what went wrong.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	v, err := params(r, "q", "kind", "format", "limit")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q, err := parseQ(v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	kind, err := enumParam(v, "kind", "events", "articles", "events", "quotes", "claims", "entities")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format, err := enumParam(v, "format", "jsonl", "jsonl", "csv")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	limit, err := intParam(v, "limit", 0, 0, 10_000_000)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Check the query compiles before the 200 goes out.
	if _, err := s.opt.Store.Count(r.Context(), store.Kind(kind), q, 1); err != nil {
		s.fail(w, r, storeErr(err))
		return
	}
	ext, ctype := ".jsonl", "application/x-ndjson; charset=utf-8"
	if format == "csv" {
		ext, ctype = ".csv", "text/csv; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="dateline-`+kind+ext+`"`)
	w.WriteHeader(http.StatusOK)
	bw := bufio.NewWriterSize(w, 64<<10)
	flusher, _ := w.(http.Flusher)
	n := 0
	flushEvery := func() error {
		n++
		if n%500 == 0 {
			if err := bw.Flush(); err != nil {
				return err
			}
			if flusher != nil {
				flusher.Flush()
			}
		}
		return nil
	}
	var each func(store.Row) error
	if format == "csv" {
		cw := csv.NewWriter(bw)
		header, row := csvColumns(store.Kind(kind))
		_ = cw.Write(header)
		each = func(r store.Row) error {
			if err := cw.Write(row(r)); err != nil {
				return err
			}
			cw.Flush()
			return flushEvery()
		}
	} else {
		enc := json.NewEncoder(bw)
		each = func(row store.Row) error {
			var err error
			if kind == "articles" {
				full, gerr := s.opt.Store.Get(r.Context(), row.Article.ID)
				if gerr != nil {
					return gerr
				}
				err = enc.Encode(full)
			} else {
				err = enc.Encode(row)
			}
			if err != nil {
				return err
			}
			return flushEvery()
		}
	}
	err = s.opt.Store.List(r.Context(), store.Kind(kind), q, store.Page{Limit: limit}, each)
	if err != nil && r.Context().Err() == nil {
		s.log.Error("export failed", "err", err)
		fmt.Fprintf(bw, "\n# export stopped after %d rows: %v\n", n, err)
	}
	_ = bw.Flush()
}

// csvColumns returns the header and the row function of a kind.
func csvColumns(kind store.Kind) ([]string, func(store.Row) []string) {
	art := func(r store.Row) []string {
		return []string{r.Article.ID, r.Article.Published, r.Article.Source, r.Article.Title}
	}
	artHead := []string{"article_id", "published", "source", "title"}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch kind {
	case store.KindEvents:
		return append(artHead, "event_id", "date", "source_actor", "source_code", "cameo", "plover", "goldstein",
				"quad_class", "target_actor", "target_code", "place", "polarity", "modality", "start", "end", "text"),
			func(r store.Row) []string {
				e := r.Event
				var sn, sc, tn, tc string
				if e.Source != nil {
					sn, sc = e.Source.Name, e.Source.Code
				}
				if e.Target != nil {
					tn, tc = e.Target.Name, e.Target.Code
				}
				return append(art(r), e.ID, e.Date, sn, sc, e.CAMEO, e.Plover, f(e.Goldstein), strconv.Itoa(e.QuadClass),
					tn, tc, r.PlaceName, e.Polarity, e.Modality, strconv.Itoa(e.Action.Start), strconv.Itoa(e.Action.End), e.Action.Text)
			}
	case store.KindQuotes:
		return append(artHead, "quote_id", "kind", "speaker", "content", "start", "end"),
			func(r store.Row) []string {
				q := r.Quote
				return append(art(r), q.ID, q.Kind, q.SpeakerName, q.Content.Text, strconv.Itoa(q.Content.Start), strconv.Itoa(q.Content.End))
			}
	case store.KindClaims:
		return append(artHead, "claim_id", "value", "qualifier", "counted", "unit", "of", "as_of", "claimed_by", "start", "end", "text"),
			func(r store.Row) []string {
				c := r.Claim
				return append(art(r), c.ID, f(c.Value), c.Qualifier, c.Counted, c.Unit, c.Of, c.AsOf, c.ClaimedBy,
					strconv.Itoa(c.Evidence.Start), strconv.Itoa(c.Evidence.End), c.Evidence.Text)
			}
	case store.KindEntities:
		return []string{"name", "kind", "code", "articles", "mentions"},
			func(r store.Row) []string {
				e := r.Entity
				return []string{e.Name, e.Kind, e.Code, strconv.Itoa(e.Articles), strconv.Itoa(e.Mentions)}
			}
	}
	return append(artHead, "url", "lang", "story", "snippet"),
		func(r store.Row) []string {
			return append(art(r), r.Article.URL, r.Article.Lang, strconv.FormatInt(r.Article.Story, 10), r.Snippet)
		}
}
