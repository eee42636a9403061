package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"dateline/article"
	"dateline/record"
	"dateline/store"
)

// newTest starts a server over the test store; opt.Store is filled in.
func newTest(t *testing.T, opt Options) (*httptest.Server, *Server) {
	t.Helper()
	if opt.Store == nil {
		opt.Store = testStore(t)
	}
	if opt.Rate == 0 {
		opt.Rate = -1
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, s
}

// call does a request and decodes a JSON answer into out (when not nil),
// failing the test unless the status is want.
func call(t *testing.T, method, url string, body io.Reader, hdr map[string]string, want int, out any) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d; body: %s", method, url, resp.StatusCode, want, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %v; body: %s", method, url, err, data)
		}
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return resp
}

func get(t *testing.T, url string, want int, out any) *http.Response {
	t.Helper()
	return call(t, "GET", url, nil, nil, want, out)
}

type errBody struct {
	Error apiError `json:"error"`
}

func TestSearchAndArticleWithEvidence(t *testing.T) {
	ts, _ := newTest(t, Options{})
	var l Listing
	get(t, ts.URL+"/api/v1/search?q=Portville", 200, &l)
	if l.Total != 2 || !l.TotalExact || len(l.Results) != 2 || l.Results[0].Article.ID != "script003" {
		t.Fatalf("search Portville = %+v", l)
	}
	if !strings.Contains(l.Results[1].Snippet, "Portville") {
		t.Errorf("snippet %q does not show the match", l.Results[1].Snippet)
	}
	get(t, ts.URL+"/api/v1/search?q=ceasefire&limit=1", 200, &l)
	if l.Total != 1 || l.Results[0].Article.ID != "talks0002" {
		t.Errorf("search ceasefire = %+v", l)
	}

	var a store.StoredArticle
	get(t, ts.URL+"/api/v1/articles/harbour01", 200, &a)
	if a.Article.Text != textHarbour || len(a.Result.Quotes) != 1 || len(a.Result.Claims) != 2 || len(a.Result.Events) != 1 {
		t.Fatalf("article = %+v", a)
	}
	q := a.Result.Quotes[0]
	if got := a.Article.Text[q.Content.Start:q.Content.End]; got != "We counted twelve dead and many more wounded," {
		t.Errorf("quote evidence covers %q", got)
	}
	var e errBody
	get(t, ts.URL+"/api/v1/articles/nope", 404, &e)
	if e.Error.Code != "not_found" || !strings.Contains(e.Error.Message, `"nope"`) {
		t.Errorf("missing article error = %+v", e.Error)
	}
}

func TestRecordListings(t *testing.T) {
	ts, _ := newTest(t, Options{})
	var l Listing
	get(t, ts.URL+"/api/v1/quotes?q=speaker:Ruiz", 200, &l)
	if l.Total != 2 || l.Results[0].Quote == nil || l.Results[0].Quote.SpeakerName != "Ana Ruiz" {
		t.Fatalf("quotes by Ruiz = %+v", l)
	}
	get(t, ts.URL+"/api/v1/events?q=plover:ASSAULT", 200, &l)
	if l.Total != 2 { // the shelling and the negated attack
		t.Errorf("assault events = %d", l.Total)
	}
	get(t, ts.URL+"/api/v1/events?q=plover:ASSAULT+polarity:asserted", 200, &l)
	if l.Total != 1 || l.Results[0].Event.ID != "v-shell" || l.Results[0].PlaceName != "Portville" {
		t.Errorf("asserted assaults = %+v", l.Results)
	}
	get(t, ts.URL+"/api/v1/claims?q=counted:killed", 200, &l)
	if l.Total != 2 {
		t.Errorf("killed claims = %d", l.Total)
	}
	get(t, ts.URL+"/api/v1/entities", 200, &l)
	if l.Total != 1 || l.Results[0].Entity.Name != "Ana Ruiz" {
		t.Errorf("entities = %+v", l.Results)
	}
	// Paging past a short first page still counts all matches.
	get(t, ts.URL+"/api/v1/quotes?limit=1&offset=1", 200, &l)
	if l.Total != 3 || len(l.Results) != 1 || l.Offset != 1 {
		t.Errorf("quotes page 2 = %+v", l)
	}
}

func TestAggregates(t *testing.T) {
	ts, _ := newTest(t, Options{})
	var tl Timeline
	get(t, ts.URL+"/api/v1/timeline?interval=week", 200, &tl)
	if len(tl.Buckets) != 2 || tl.Buckets[0].Start != "2024-03-04" || tl.Buckets[0].Articles != 2 ||
		tl.Buckets[0].Events != 2 || tl.Buckets[0].Quad[4] != 1 || tl.Buckets[1].Events != 0 || tl.Sample != 1 {
		t.Fatalf("timeline = %+v", tl)
	}
	var nw Network
	get(t, ts.URL+"/api/v1/network", 200, &nw)
	if len(nw.Links) != 2 || len(nw.Nodes) != 4 || nw.Links[0].Goldstein == 0 {
		t.Fatalf("network = %+v", nw)
	}
	var fc FeatureCollection
	get(t, ts.URL+"/api/v1/map", 200, &fc)
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
		t.Fatalf("map = %+v", fc)
	}
	for _, f := range fc.Features {
		if f.Properties["name"] == "Portville" && (f.Geometry.Coordinates != [2]float64{20.25, 10.5} || f.Properties["count"] != 1.0) {
			t.Errorf("Portville feature = %+v", f)
		}
	}
	get(t, ts.URL+"/api/v1/map?layer=places&q=source:%22Wire+One%22", 200, &fc)
	if len(fc.Features) != 1 || fc.Features[0].Properties["count"] != 2.0 {
		t.Errorf("mentioned places of Wire One = %+v", fc)
	}
	var sp struct{ Results []store.SpeakerCount }
	get(t, ts.URL+"/api/v1/speakers", 200, &sp)
	if len(sp.Results) != 2 || sp.Results[0] != (store.SpeakerCount{Speaker: "Ana Ruiz", Quotes: 2, Articles: 2}) {
		t.Errorf("speakers = %+v", sp)
	}
	var f store.Facets
	get(t, ts.URL+"/api/v1/facets?q=Portville", 200, &f)
	if f.Sampled != 2 || len(f.Fields["source"]) != 1 || f.Fields["source"][0].Count != 2 {
		t.Errorf("facets = %+v", f)
	}
	var st struct{ Results []store.StorySummary }
	get(t, ts.URL+"/api/v1/stories", 200, &st)
	if len(st.Results) != 3 {
		t.Fatalf("stories = %+v", st)
	}
	var story struct{ Articles []store.ArticleInfo }
	get(t, ts.URL+"/api/v1/stories/"+itoa(st.Results[0].ID), 200, &story)
	if len(story.Articles) != 1 || story.Articles[0].ID != st.Results[0].Lead.ID {
		t.Errorf("story = %+v", story)
	}
	get(t, ts.URL+"/api/v1/stories/999999", 404, nil)
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestClaimConflicts(t *testing.T) {
	ts, _ := newTest(t, Options{})
	var c ClaimComparison
	get(t, ts.URL+"/api/v1/claims/compare?q=counted:killed", 200, &c)
	if c.Read != 2 || len(c.Groups) != 1 {
		t.Fatalf("comparison = %+v", c)
	}
	g := c.Groups[0]
	// "at least 12" (the mayor) and "8" (the port authority) on one day
	// cannot both be true.
	if g.Counted != "killed" || len(g.Series) != 2 || len(g.Conflicts) != 1 || !g.Series[0].Points[0].Conflict {
		t.Fatalf("group = %+v", g)
	}
	if g.Conflicts[0].Day != "2024-03-05" {
		t.Errorf("conflict day = %q", g.Conflicts[0].Day)
	}
}

func TestCompareOverlap(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		a, b ClaimPoint
		want bool
	}{
		{ClaimPoint{Value: 300, Qualifier: record.QualAtLeast}, ClaimPoint{Value: 320, Qualifier: record.QualExact}, true},
		{ClaimPoint{Value: 300, Qualifier: record.QualAtLeast}, ClaimPoint{Value: 250, Qualifier: record.QualExact}, false},
		{ClaimPoint{Value: 100, Qualifier: record.QualAbout}, ClaimPoint{Value: 108, Qualifier: record.QualExact}, true},
		{ClaimPoint{Value: 100, Qualifier: record.QualAtMost}, ClaimPoint{Value: 120, Qualifier: record.QualOver}, false},
		{ClaimPoint{Value: 10, Low: f(10), High: f(20), Qualifier: record.QualRange}, ClaimPoint{Value: 15, Qualifier: record.QualExact}, true},
	}
	for _, c := range cases {
		if got := overlap(c.a, c.b); got != c.want {
			t.Errorf("overlap(%+v, %+v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestValidationErrors(t *testing.T) {
	ts, _ := newTest(t, Options{})
	cases := []struct {
		path, code, param, says string
		status                  int
	}{
		{"/api/v1/search?q=actr:RUS", "bad_query", "q", "unknown filter 'actr'", 400},
		{"/api/v1/search?q=(a", "bad_query", "q", "column", 400},
		{"/api/v1/search?q=grain%00", "bad_query", "q", "control character U+0000", 400},
		{"/api/v1/search?lim=3", "unknown_parameter", "lim", "takes: q, limit, offset", 400},
		{"/api/v1/search?limit=0", "bad_parameter", "limit", "out of range", 400},
		{"/api/v1/search?limit=ten", "bad_parameter", "limit", "not a whole number", 400},
		{"/api/v1/search?q=a&q=b", "bad_parameter", "q", "given 2 times", 400},
		{"/api/v1/timeline?interval=hour", "bad_parameter", "interval", "day, week, month", 400},
		{"/api/v1/map?layer=tiles", "bad_parameter", "layer", "events, places", 400},
		{"/api/v1/stories/abc", "bad_parameter", "id", "not a positive", 400},
		{"/api/v1/export?format=xml", "bad_parameter", "format", "jsonl, csv", 400},
		{"/api/v1/nothing", "not_found", "", "openapi.json", 404},
	}
	for _, c := range cases {
		var e errBody
		get(t, ts.URL+c.path, c.status, &e)
		if e.Error.Code != c.code || e.Error.Param != c.param || !strings.Contains(e.Error.Message, c.says) || e.Error.Status != c.status {
			t.Errorf("%s: error = %+v", c.path, e.Error)
		}
	}
	resp := call(t, "DELETE", ts.URL+"/api/v1/search", nil, nil, 405, nil)
	if resp.Header.Get("Allow") == "" {
		t.Error("405 without Allow header")
	}
}

func TestSecurityHeadersAndNoCORS(t *testing.T) {
	ts, _ := newTest(t, Options{})
	for _, path := range []string{"/", "/api/v1/search", "/healthz", "/api/v1/articles/script003"} {
		resp := call(t, "GET", ts.URL+path, nil, map[string]string{"Origin": "https://evil.example"}, 200, nil)
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP = %q", path, csp)
		}
		if v := resp.Header.Get("Access-Control-Allow-Origin"); v != "" {
			t.Errorf("%s: CORS header %q", path, v)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
	// A preflight is not answered with CORS permission.
	resp := call(t, "OPTIONS", ts.URL+"/api/v1/articles", nil, map[string]string{"Origin": "https://evil.example",
		"Access-Control-Request-Method": "POST"}, 405, nil)
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("preflight allowed")
	}
	// Markup in article text never reaches the client as markup.
	resp = get(t, ts.URL+"/api/v1/articles/script003", 200, nil)
	body, _ := io.ReadAll(resp.Body)
	if bytes.Contains(body, []byte("<script>")) || !bytes.Contains(body, []byte(`\u003cscript\u003e`)) {
		t.Errorf("article JSON carries raw markup: %s", body)
	}
}

func TestPostArticles(t *testing.T) {
	ro, _ := newTest(t, Options{})
	var e errBody
	call(t, "POST", ro.URL+"/api/v1/articles", strings.NewReader("Some text."), map[string]string{"Content-Type": "text/plain"}, 403, &e)
	if e.Error.Code != "writes_disabled" || !strings.Contains(e.Error.Message, "--token") {
		t.Errorf("read-only answer = %+v", e.Error)
	}

	// A small extractor that finds the first quoted passage, so the test
	// can see that records are extracted and stored.
	extract := func(a article.Article) record.Result {
		res := record.Result{Version: "test-extractor"}
		if i := strings.IndexByte(a.Text, '"'); i >= 0 {
			if j := strings.IndexByte(a.Text[i+1:], '"'); j > 0 {
				res.Quotes = []record.Quote{{ID: a.ID + "-q", Kind: record.QuoteDirect,
					Content: record.Evidence{ArticleID: a.ID, Start: i + 1, End: i + 1 + j, Rule: "test"}, SpeakerName: "Lea Moss"}}
			}
		}
		return res
	}
	ts, _ := newTest(t, Options{Token: "s3cret", Extract: extract, MaxBody: 4096})
	post := func(body, ctype, auth string, want int, out any) {
		t.Helper()
		h := map[string]string{"Content-Type": ctype}
		if auth != "" {
			h["Authorization"] = auth
		}
		call(t, "POST", ts.URL+"/api/v1/articles?published=2024-05-01", strings.NewReader(body), h, want, out)
	}
	doc := `{"title": "Bridge reopens", "source": "Test Post", "url": "https://example.org/bridge",
		"text": "The old bridge over the Miller river reopened on Friday after repairs. \"Traffic will flow again,\" engineer Lea Moss said."}`
	resp := call(t, "POST", ts.URL+"/api/v1/articles", strings.NewReader(doc), map[string]string{"Content-Type": "application/json"}, 401, &e)
	if !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Error("401 without WWW-Authenticate")
	}
	post(doc, "application/json", "Bearer wrong", 401, nil)
	post(doc, "application/xml", "Bearer s3cret", 415, &e)
	if !strings.Contains(e.Error.Message, "text/plain") {
		t.Errorf("415 message = %q", e.Error.Message)
	}
	post(`{"title": "no text"}`, "application/json", "Bearer s3cret", 400, nil)
	post(strings.Repeat("word ", 2000), "text/plain", "Bearer s3cret", 413, &e)

	// Before the write, warm the cache with a search that will change.
	var l Listing
	get(t, ts.URL+"/api/v1/speakers?q=speaker:Moss", 200, nil)

	var res IngestResult
	post(doc, "application/json", "Bearer s3cret", 201, &res)
	if len(res.Articles) != 1 || !res.Articles[0].New || res.Articles[0].Records["quotes"] != 1 || res.Articles[0].Status != "extracted" {
		t.Fatalf("ingest = %+v", res)
	}
	id := res.Articles[0].ID
	post(doc, "application/json", "Bearer s3cret", 200, &res)
	if res.Articles[0].New || res.Articles[0].ID != id {
		t.Errorf("re-post = %+v", res)
	}
	get(t, ts.URL+"/api/v1/quotes?q=speaker:Moss", 200, &l)
	if l.Total != 1 || l.Results[0].Quote.Content.Text != "Traffic will flow again," {
		t.Errorf("posted quote = %+v", l.Results)
	}
	var sp struct{ Results []store.SpeakerCount }
	get(t, ts.URL+"/api/v1/speakers?q=speaker:Moss", 200, &sp)
	if len(sp.Results) != 1 {
		t.Errorf("speakers after the write = %+v (stale cache?)", sp)
	}
	var a store.StoredArticle
	get(t, ts.URL+"/api/v1/articles/"+id, 200, &a)
	if a.Article.Published != "2024-05-01" || a.Article.Source != "Test Post" {
		t.Errorf("stored article = %+v", a.Article)
	}
	// JSON Lines: one good line, one broken line reported by number.
	var batch IngestResult
	post("{\"text\": \"A second story about the river, written for this test.\"}\n{broken\n", "application/x-ndjson", "Bearer s3cret", 201, &batch)
	if len(batch.Articles) != 1 || len(batch.Errors) != 1 || batch.Errors[0].Item != "line 2" {
		t.Errorf("batch = %+v", batch)
	}
}

func TestRateLimit(t *testing.T) {
	ts, _ := newTest(t, Options{Rate: 0.5, Burst: 2})
	get(t, ts.URL+"/api/v1/search", 200, nil)
	get(t, ts.URL+"/api/v1/search", 200, nil)
	var e errBody
	resp := get(t, ts.URL+"/api/v1/search", 429, &e)
	if resp.Header.Get("Retry-After") == "" || e.Error.Code != "rate_limited" {
		t.Errorf("429 = %+v, Retry-After %q", e.Error, resp.Header.Get("Retry-After"))
	}
	// Health and metrics stay reachable for monitoring.
	get(t, ts.URL+"/healthz", 200, nil)
	get(t, ts.URL+"/metrics", 200, nil)
}

func TestLimiterRefills(t *testing.T) {
	l := newLimiter(10, 1)
	now := time.Unix(1000, 0)
	if ok, _ := l.allow("a", now); !ok {
		t.Fatal("first request refused")
	}
	ok, wait := l.allow("a", now)
	if ok || wait <= 0 || wait > 100*time.Millisecond {
		t.Fatalf("second request: ok=%v wait=%v", ok, wait)
	}
	if ok, _ := l.allow("b", now); !ok {
		t.Error("another client shares the bucket")
	}
	if ok, _ := l.allow("a", now.Add(100*time.Millisecond)); !ok {
		t.Error("bucket did not refill")
	}
}

func TestMetricsAndHealth(t *testing.T) {
	ts, _ := newTest(t, Options{})
	var h map[string]any
	get(t, ts.URL+"/healthz", 200, &h)
	if h["status"] != "ok" || h["writable"] != false {
		t.Errorf("healthz = %v", h)
	}
	get(t, ts.URL+"/api/v1/search?q=Portville", 200, nil)
	get(t, ts.URL+"/api/v1/timeline", 200, nil)
	get(t, ts.URL+"/api/v1/timeline", 200, nil)
	get(t, ts.URL+"/api/v1/articles/x", 404, nil)
	resp := get(t, ts.URL+"/metrics", 200, nil)
	body, _ := io.ReadAll(resp.Body)
	for _, want := range []string{
		`dateline_http_requests_total{code="200",method="GET",route="GET /api/v1/search"} 1`,
		`dateline_http_requests_total{code="404",method="GET",route="GET /api/v1/articles/{id}"} 1`,
		`dateline_cache_hits_total 1`,
		`dateline_http_request_duration_seconds_bucket{route="GET /api/v1/timeline",le="+Inf"} 2`,
		`go_goroutines`,
	} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestExportStreams(t *testing.T) {
	ts, _ := newTest(t, Options{})
	resp := get(t, ts.URL+"/api/v1/export?kind=quotes&q=speaker:Ruiz", 200, nil)
	body, _ := io.ReadAll(resp.Body)
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/x-ndjson") {
		t.Fatalf("quotes export: %s", body)
	}
	var row store.Row
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil || row.Quote == nil {
		t.Errorf("export line %q: %v", lines[0], err)
	}
	resp = get(t, ts.URL+"/api/v1/export?kind=events&format=csv", 200, nil)
	body, _ = io.ReadAll(resp.Body)
	rows := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(rows) != 4 || !strings.HasPrefix(rows[0], "article_id,published,source,title,event_id") {
		t.Errorf("events csv: %s", body)
	}
	resp = get(t, ts.URL+"/api/v1/export?kind=articles&limit=1", 200, nil)
	body, _ = io.ReadAll(resp.Body)
	var full store.StoredArticle
	if err := json.Unmarshal(body, &full); err != nil || full.Article.Text == "" {
		t.Errorf("articles export: %v %s", err, body)
	}
}

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	ts, s := newTest(t, Options{})
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	get(t, ts.URL+"/api/v1/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	for _, p := range s.patterns {
		method, path, _ := strings.Cut(p, " ")
		ops, ok := doc.Paths[path]
		if !ok {
			t.Errorf("route %s is not in openapi.json", p)
			continue
		}
		if _, ok := ops[strings.ToLower(method)]; !ok {
			t.Errorf("route %s: openapi.json has no %s operation", p, method)
		}
	}
	if len(doc.Paths) != len(s.patterns) {
		t.Errorf("openapi.json documents %d paths, the server has %d routes", len(doc.Paths), len(s.patterns))
	}
}

func TestUIServed(t *testing.T) {
	ts, _ := newTest(t, Options{})
	resp := get(t, ts.URL+"/", 200, nil)
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("/ content type %q", resp.Header.Get("Content-Type"))
	}
	get(t, ts.URL+"/assets/", 404, nil)
	get(t, ts.URL+"/assets/nothing.js", 404, nil)
}
