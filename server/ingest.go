package server

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"dateline/article"
	"dateline/record"
	"dateline/store"
)

// maxPostArticles bounds the articles of one POST; larger batches belong
// to `dateline ingest`.
const maxPostArticles = 1000

// IngestResult is the answer of POST /api/v1/articles.
type IngestResult struct {
	Articles []IngestedArticle `json:"articles"`
	Errors   []IngestError     `json:"errors"`
}

// IngestedArticle says what became of one posted article.
type IngestedArticle struct {
	ID      string         `json:"id"`
	Title   string         `json:"title,omitempty"`
	New     bool           `json:"new"` // false: an article with this ID was already stored
	Status  string         `json:"status"`
	Lang    string         `json:"lang,omitempty"`
	Records map[string]int `json:"records"`
}

// IngestError is a posted item that could not be read or stored.
type IngestError struct {
	Item    string `json:"item"` // "body", or "line N" / "item N" of a batch
	Problem string `json:"problem"`
}

// authorize checks the bearer token of a write request.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.opt.Token == "" {
		writeError(w, &apiError{Status: http.StatusForbidden, Code: "writes_disabled",
			Message: "this server is read-only: start `dateline serve` with --token or DATELINE_TOKEN to accept POST /api/v1/articles"})
		return false
	}
	auth := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
		writeError(w, &apiError{Status: http.StatusUnauthorized, Code: "unauthorized",
			Message: "writing needs the header Authorization: Bearer <token>"})
		return false
	}
	if subtle.ConstantTimeCompare([]byte(token), []byte(s.opt.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline", error="invalid_token"`)
		writeError(w, &apiError{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "the bearer token is not valid"})
		return false
	}
	return true
}

// formatOf maps a request Content-Type to an article reader format.
func formatOf(ct string) (article.Format, bool) {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", false
	}
	switch mt {
	case "application/json":
		return article.FormatJSON, true
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		return article.FormatJSONL, true
	case "text/plain":
		return article.FormatText, true
	case "text/html":
		return article.FormatHTML, true
	}
	return "", false
}

func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	v, err := params(r, "published")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format, ok := formatOf(r.Header.Get("Content-Type"))
	if !ok {
		writeError(w, &apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: fmt.Sprintf("Content-Type %q is not accepted; send application/json (an article object or an array), application/x-ndjson, text/plain or text/html",
				r.Header.Get("Content-Type"))})
		return
	}
	opt := article.Options{Format: format, Published: v.Get("published"), MaxBytes: s.opt.MaxBody, IsPlace: s.opt.IsPlace}
	if err := opt.Validate(); err != nil {
		s.fail(w, r, badParam("published", "%v", err))
		return
	}
	res := IngestResult{Articles: []IngestedArticle{}, Errors: []IngestError{}}
	var puts []store.Put
	tooLarge := false
	article.Read(r.Context(), "body", r.Body, opt, func(a article.Article, err error) bool {
		if err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				tooLarge = true
				return false
			}
			res.Errors = append(res.Errors, IngestError{Item: itemName(err), Problem: err.Error()})
			return true
		}
		if len(puts) == maxPostArticles {
			res.Errors = append(res.Errors, IngestError{Item: "body",
				Problem: fmt.Sprintf("more than %d articles in one request; the rest were not read (use `dateline ingest` for large batches)", maxPostArticles)})
			return false
		}
		p, err := s.prepare(a)
		if err != nil {
			res.Errors = append(res.Errors, IngestError{Item: a.Input, Problem: err.Error()})
			return true
		}
		puts = append(puts, p)
		return true
	})
	if tooLarge {
		writeError(w, &apiError{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
			Message: fmt.Sprintf("request body is over the limit of %d bytes", s.opt.MaxBody)})
		return
	}
	if len(puts) > 0 {
		added, err := s.opt.Store.PutBatch(r.Context(), puts)
		if err != nil {
			s.metrics.ingested.WithLabelValues("failed").Add(float64(len(puts)))
			s.fail(w, r, err)
			return
		}
		for i, p := range puts {
			status := p.Meta.Status
			if status == "" {
				status = store.StatusExtracted
			}
			outcome := "duplicate"
			if added[i] {
				outcome = "new"
			}
			s.metrics.ingested.WithLabelValues(outcome).Inc()
			res.Articles = append(res.Articles, IngestedArticle{ID: p.Article.ID, Title: p.Article.Title, New: added[i],
				Status: status, Lang: p.Article.Lang, Records: counts(p.Result)})
		}
		if s.cache != nil {
			s.cache.clear()
		}
	}
	s.metrics.ingested.WithLabelValues("failed").Add(float64(len(res.Errors)))
	status := http.StatusOK
	switch {
	case len(puts) == 0:
		status = http.StatusBadRequest
	case anyNew(res.Articles):
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}

// itemName names the item an input error is about.
func itemName(err error) string {
	var ie *article.InputError
	if errors.As(err, &ie) && ie.Line > 0 {
		return fmt.Sprintf("line %d", ie.Line)
	}
	return "body"
}

func anyNew(as []IngestedArticle) bool {
	for _, a := range as {
		if a.New {
			return true
		}
	}
	return false
}

func counts(r record.Result) map[string]int {
	return map[string]int{"entities": len(r.Entities), "places": len(r.Places), "times": len(r.Times),
		"quotes": len(r.Quotes), "claims": len(r.Claims), "events": len(r.Events)}
}

// prepare detects the language and extracts the records of an English (or
// undetermined) article, as `dateline ingest` does. A panic in an
// extractor fails only this article.
func (s *Server) prepare(a article.Article) (p store.Put, err error) {
	defer func() {
		if rec := recover(); rec != nil {
			s.log.Error("extraction panicked", "article", a.ID, "panic", rec)
			err = fmt.Errorf("extraction failed on article %s; the server log has the details", a.ID)
		}
	}()
	a.Lang = article.ArticleLang(a.Text, a.Lang)
	p = store.Put{Article: a, Meta: store.Meta{SimHash: article.SimHash(a.Text), HasSimHash: true}}
	switch {
	case a.Lang != "" && a.Lang != "en":
		p.Meta.Status = store.StatusNotEnglish
	case s.opt.Extract == nil:
		p.Meta.Status = store.StatusPending
	default:
		p.Result = s.opt.Extract(a)
	}
	return p, nil
}
