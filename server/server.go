// Package server is dateline's HTTP face: a JSON API under /api/v1
// (described by the OpenAPI 3 document at /api/v1/openapi.json), the
// embedded web UI at /, a liveness probe at /healthz and Prometheus
// metrics at /metrics.
//
// The API reads from a store.Store that also answers the store.Aggregator
// summaries. Every listing takes the query language of docs/QUERY.md in
// the q parameter. Writing (POST /api/v1/articles) needs the bearer token
// given in Options.Token; with no token configured the server is read-only.
//
// Article text is untrusted: the UI only ever inserts it as text nodes, and
// every response carries a Content-Security-Policy that forbids inline and
// foreign scripts, so a <script> inside an article can never run. There is
// no CORS: other origins cannot read the API from a browser.
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"dateline/article"
	"dateline/record"
	"dateline/store"
)

// Store is what the server reads from and writes to.
type Store interface {
	store.Store
	store.Aggregator
}

// ExtractFunc extracts the records of an article, e.g. a closure over
// (*extract.Pipeline).Extract. A function rather than the pipeline keeps
// this package free of the text engine.
type ExtractFunc func(a article.Article) record.Result

// Options configure a Server. Store is required; the zero value of every
// other field is a sensible default.
type Options struct {
	Store Store
	// Extract runs on articles POSTed to /api/v1/articles. Nil stores
	// them without records (status "pending").
	Extract ExtractFunc
	// IsPlace tells a dateline place from a kicker in a story opening
	// "PESHAWAR: …" (article.Options.IsPlace); nil takes no bare
	// "PLACE:" dateline.
	IsPlace func(string) bool
	// Token is the bearer token that write requests must present. Empty
	// disables writing: POST answers 403 saying so.
	Token string
	// MaxBody bounds a request body in bytes (default 5 MiB).
	MaxBody int64
	// Rate is the number of API requests per second one client address
	// may make on average, Burst how many it may make at once. Rate 0
	// means DefaultRate; a negative Rate disables the limit.
	Rate  float64
	Burst int
	// CacheTTL is how long an answer of a read endpoint (search,
	// listings, timeline, network, map, facets ...) is reused for the same
	// request; 0 means DefaultCacheTTL, negative disables the cache. Writes
	// through the API empty the cache at once; articles ingested by another
	// process (dateline ingest) show up within the TTL.
	CacheTTL time.Duration
	Logger   *slog.Logger
}

// Defaults.
const (
	DefaultMaxBody  = 5 << 20
	DefaultRate     = 100
	DefaultBurst    = 200
	DefaultCacheTTL = time.Minute
)

// Server serves the API and the UI. Create it with New.
type Server struct {
	opt     Options
	log     *slog.Logger
	mux     *http.ServeMux
	metrics *metrics
	limiter *limiter
	cache   *cache
	handler http.Handler
	// patterns lists the API routes registered, for tests.
	patterns []string
}

// New builds a Server.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, errors.New("server: no store given")
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Rate == 0 {
		opt.Rate = DefaultRate
	}
	if opt.Burst <= 0 {
		opt.Burst = max(DefaultBurst, int(2*opt.Rate))
	}
	if opt.CacheTTL == 0 {
		opt.CacheTTL = DefaultCacheTTL
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{opt: opt, log: opt.Logger, mux: http.NewServeMux(), metrics: newMetrics()}
	if opt.Rate > 0 {
		s.limiter = newLimiter(opt.Rate, opt.Burst)
	}
	if opt.CacheTTL > 0 {
		s.cache = newCache(opt.CacheTTL, 512)
	}
	s.routes()
	if err := s.mountUI(); err != nil {
		return nil, err
	}
	s.handler = s.instrument(s.secure(s.mux))
	return s, nil
}

// ServeHTTP makes a Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ListenAndServe serves on addr until ctx is cancelled, then shuts down
// gracefully, giving open requests five seconds to finish.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(addr string)) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := listen(addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// routes registers every endpoint. Patterns use the method-and-path
// syntax of net/http, so a wrong method gets 405 with an Allow header.
func (s *Server) routes() {
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /metrics", s.metrics.handler().ServeHTTP)
	s.handle("GET /api/v1/openapi.json", s.openapi)
	s.handle("GET /api/v1/stats", s.api(s.stats))
	s.handle("GET /api/v1/search", s.api(s.search))
	s.handle("GET /api/v1/facets", s.api(s.facets))
	s.handle("GET /api/v1/articles/{id}", s.api(s.getArticle))
	s.handle("POST /api/v1/articles", s.limited(s.postArticles))
	s.handle("GET /api/v1/events", s.api(s.listing(store.KindEvents)))
	s.handle("GET /api/v1/quotes", s.api(s.listing(store.KindQuotes)))
	s.handle("GET /api/v1/claims", s.api(s.listing(store.KindClaims)))
	s.handle("GET /api/v1/entities", s.api(s.listing(store.KindEntities)))
	s.handle("GET /api/v1/places", s.api(s.places))
	s.handle("GET /api/v1/speakers", s.api(s.speakers))
	s.handle("GET /api/v1/stories", s.api(s.stories))
	s.handle("GET /api/v1/stories/{id}", s.api(s.story))
	s.handle("GET /api/v1/timeline", s.api(s.timeline))
	s.handle("GET /api/v1/network", s.api(s.network))
	s.handle("GET /api/v1/map", s.api(s.geojson))
	s.handle("GET /api/v1/claims/compare", s.api(s.compareClaims))
	s.handle("GET /api/v1/export", s.limited(s.export))
	s.mux.HandleFunc("/api/", s.noRoute)
}

// handle registers an API route and remembers its pattern, so a test
// can check that the OpenAPI document describes every route.
func (s *Server) handle(pattern string, h http.HandlerFunc) {
	s.patterns = append(s.patterns, pattern)
	s.mux.HandleFunc(pattern, h)
}

// noRoute answers API paths no route matches: 405 with Allow when the
// path exists for other methods, else 404, both as JSON errors.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "POST"} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/api/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, &apiError{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed",
			Message: fmt.Sprintf("%s is not allowed on %s; use %s", r.Method, r.URL.Path, strings.Join(allow, " or "))})
		return
	}
	writeError(w, &apiError{Status: http.StatusNotFound, Code: "not_found",
		Message: fmt.Sprintf("no API endpoint %s %s; see /api/v1/openapi.json", r.Method, r.URL.Path)})
}

// apiError is an error answered as JSON:
// {"error": {"status": 400, "code": "bad_query", "message": "...", "param": "q"}}.
type apiError struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

func badParam(param, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "bad_parameter", Param: param,
		Message: fmt.Sprintf("parameter %q: ", param) + fmt.Sprintf(format, args...)}
}

func writeError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.Status, map[string]*apiError{"error": e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // "<" as \u003c: JSON never turns into markup
	_ = enc.Encode(v)
}

// handlerFunc is an API handler returning its answer or an error.
type handlerFunc func(r *http.Request) (any, error)

// api adapts a read-only handlerFunc: rate limit, answer from the cache or
// run the handler, answer JSON or a JSON error. Errors are never cached.
func (s *Server) api(h handlerFunc) http.HandlerFunc {
	return s.limited(func(w http.ResponseWriter, r *http.Request) {
		compute := func() ([]byte, error) {
			v, err := h(r)
			if err != nil {
				return nil, err
			}
			return encodeJSON(v)
		}
		if s.cache != nil {
			// A shared computation must outlive the request that started
			// it: other requests wait for it, or it refreshes the cache
			// after its starter was answered from a stale entry.
			compute = func() ([]byte, error) {
				ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 60*time.Second)
				defer cancel()
				v, err := h(r.WithContext(ctx))
				if err != nil {
					return nil, err
				}
				return encodeJSON(v)
			}
		}
		var body []byte
		var err error
		if s.cache == nil {
			body, err = compute()
		} else {
			// Encode sorts parameters by name: one key per meaning.
			key := r.URL.Path + "?" + r.URL.Query().Encode()
			var hit bool
			body, hit, err = s.cache.get(key, compute)
			if hit {
				s.metrics.cacheHits.Inc()
			} else {
				s.metrics.cacheMisses.Inc()
			}
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write(body)
	})
}

// encodeJSON encodes v as writeJSON does.
func encodeJSON(v any) ([]byte, error) {
	if a, ok := v.(jsonAppender); ok {
		return a.AppendJSON(nil), nil
	}
	return encodeJSONReflect(v)
}

// encodeJSONReflect is encodeJSON through encoding/json alone.
func encodeJSONReflect(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// jsonAppender is an answer that writes its own JSON, the bytes
// encoding/json would write (with a final newline), where reflection over
// hundreds of small structs costs more than the query behind them.
type jsonAppender interface {
	AppendJSON(b []byte) []byte
}

// fail answers err: its own status for an *apiError, 404 for an unknown
// article, 499-like silence for a gone client, else 500 (logged, with a
// message that does not leak internals).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		writeError(w, ae)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, &apiError{Status: http.StatusNotFound, Code: "not_found", Message: err.Error()})
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, &apiError{Status: http.StatusServiceUnavailable, Code: "timeout",
			Message: "the query took too long; narrow it (add filters or a date range)"})
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, &apiError{Status: http.StatusInternalServerError, Code: "internal",
			Message: "internal error while answering " + r.URL.Path + "; the server log has the details"})
	}
}

// secure sets the security headers on every response and refuses
// cross-origin preflights: the API has no CORS.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if r.ContentLength > s.opt.MaxBody {
			writeError(w, &apiError{Status: http.StatusRequestEntityTooLarge, Code: "too_large",
				Message: fmt.Sprintf("request body of %d bytes is over the limit of %d bytes", r.ContentLength, s.opt.MaxBody)})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows only the server's own scripts, styles,
// images and API: no inline script, no eval, no other origin, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// limited applies the per-client rate limit.
func (s *Server) limited(h http.HandlerFunc) http.HandlerFunc {
	if s.limiter == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if ok, wait := s.limiter.allow(clientKey(r), time.Now()); !ok {
			s.metrics.rateLimited.Inc()
			secs := int(wait/time.Second) + 1
			w.Header().Set("Retry-After", fmt.Sprint(secs))
			writeError(w, &apiError{Status: http.StatusTooManyRequests, Code: "rate_limited",
				Message: fmt.Sprintf("more than %g requests per second from this address; retry in %d s", s.opt.Rate, secs)})
			return
		}
		h(w, r)
	}
}

// clientKey is the address a request is rate-limited by: the peer IP
// (X-Forwarded-For is not trusted: any client can write it).
func clientKey(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.opt.Store.Has(ctx, ""); err != nil {
		s.log.Error("health check failed", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "database not readable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "writable": s.opt.Token != ""})
}
