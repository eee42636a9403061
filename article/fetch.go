package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultUserAgent names dateline to the sites it fetches from, so their
// operators can tell what is polling them.
const DefaultUserAgent = "dateline/0.1 (news archive; feed reader)"

// Fetcher defaults.
const (
	DefaultFetchTimeout = 30 * time.Second
	DefaultMinDelay     = time.Second
	DefaultMaxBackoff   = time.Hour
)

// Fetcher fetches feeds and pages politely: at most one request at a time
// to each host, at least MinDelay between the starts of two requests to
// the same host, a User-Agent naming dateline, a timeout on every request
// and a size limit on every body. One Fetcher is shared by all the feeds
// of an ingest so its limits hold across them. The zero value is ready to
// use; it is safe for concurrent use.
type Fetcher struct {
	// Client does the requests; nil uses one with Timeout.
	Client *http.Client
	// Timeout bounds a whole request, body included (default 30s).
	Timeout time.Duration
	// UserAgent defaults to DefaultUserAgent.
	UserAgent string
	// MinDelay is the least time between two requests to one host
	// (default 1s; a negative value means none).
	MinDelay time.Duration
	// MaxBytes bounds a response body (default DefaultMaxBytes).
	MaxBytes int64

	once   sync.Once
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]*hostSlot
}

// hostSlot serialises the requests to one host.
type hostSlot struct {
	sem  chan struct{} // holds a token while a request to the host runs
	last time.Time     // start of the last request
}

// Validators are the values of a conditional GET: the ETag and
// Last-Modified a server sent with its last full answer.
type Validators struct {
	ETag         string
	LastModified string
}

// Fetched is a server's answer.
type Fetched struct {
	URL         string // after redirects
	Status      int
	NotModified bool // 304: nothing new since Validators
	Body        []byte
	ContentType string
	// Validators are the ones to send with the next request (the old
	// ones when the server sent none).
	Validators Validators
	// RetryAfter is the server's Retry-After, when it sent one.
	RetryAfter time.Duration
}

func (f *Fetcher) init() {
	f.once.Do(func() {
		f.client = f.Client
		if f.client == nil {
			t := f.Timeout
			if t <= 0 {
				t = DefaultFetchTimeout
			}
			f.client = &http.Client{Timeout: t}
		}
		f.hosts = map[string]*hostSlot{}
	})
}

// slot waits for the host's turn and returns the function that ends it.
func (f *Fetcher) slot(ctx context.Context, host string) (func(), error) {
	f.mu.Lock()
	h := f.hosts[host]
	if h == nil {
		h = &hostSlot{sem: make(chan struct{}, 1)}
		f.hosts[host] = h
	}
	f.mu.Unlock()
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	delay := f.MinDelay
	if delay == 0 {
		delay = DefaultMinDelay
	}
	if wait := time.Until(h.last.Add(delay)); delay > 0 && wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-h.sem
			return nil, ctx.Err()
		}
	}
	h.last = time.Now()
	return func() { <-h.sem }, nil
}

// Fetch GETs rawURL, conditionally when v holds validators. Every error is
// an *InputError naming the URL: a bad URL, a network failure or timeout,
// an HTTP status other than 200 and 304, or a body above MaxBytes. The
// Fetched is returned with the error when the server answered, so that its
// RetryAfter can be honoured.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, v Validators) (*Fetched, error) {
	f.init()
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, inputErr(rawURL, "not an http(s) URL", "give a feed URL such as https://example.com/feed.xml")
	}
	done, err := f.slot(ctx, strings.ToLower(u.Host))
	if err != nil {
		return nil, ctxErr(rawURL, 0, err)
	}
	defer done()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, inputErr(rawURL, "bad request: "+err.Error(), "")
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		e := inputErr(rawURL, "request failed: "+netProblem(err), "check the URL and the network; it is retried later when following")
		e.Err = err
		return nil, e
	}
	defer resp.Body.Close()
	out := &Fetched{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Validators: v}
	if ra := resp.Header.Get("Retry-After"); ra != "" {
		if s, err := strconv.Atoi(strings.TrimSpace(ra)); err == nil && s > 0 {
			out.RetryAfter = time.Duration(s) * time.Second
		} else if t, err := http.ParseTime(ra); err == nil {
			out.RetryAfter = time.Until(t)
		}
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		out.NotModified = true
		return out, nil
	default:
		return out, inputErr(rawURL, fmt.Sprintf("HTTP status %d %s", resp.StatusCode, http.StatusText(resp.StatusCode)),
			"the server refused or failed; it is retried later when following")
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if resp.ContentLength > limit {
		return out, sizeErr(rawURL, resp.ContentLength, limit, false)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		e := inputErr(rawURL, "reading the response failed: "+netProblem(err), "it is retried later when following")
		e.Err = err
		return out, e
	}
	if int64(len(body)) > limit {
		return out, sizeErr(rawURL, -1, limit, false)
	}
	out.Body = body
	if et := resp.Header.Get("ETag"); et != "" {
		out.Validators.ETag = et
	}
	if lm := resp.Header.Get("Last-Modified"); lm != "" {
		out.Validators.LastModified = lm
	}
	return out, nil
}

// netProblem says in a few words what went wrong with a request.
func netProblem(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timed out"
	}
	if errors.Is(err, context.Canceled) {
		return "cancelled"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// FollowOptions control Follow.
type FollowOptions struct {
	// Interval is the time between two polls of the feed; 0 reads the
	// feed once.
	Interval time.Duration
	// MaxBackoff caps the wait after failed polls (default
	// DefaultMaxBackoff, and never less than Interval).
	MaxBackoff time.Duration
	// FetchArticles fetches each new item's page and reads the article
	// from its HTML; an item whose page cannot be fetched or has no
	// article falls back to the feed's own text for it.
	FetchArticles bool
	// Known, when set, tells whether an article with this item link is
	// already stored. Such items are not fetched again; they are handed
	// to yield as an Article with only ID, URL and Input set (no Text),
	// for the caller to count as already stored.
	Known func(link string) bool
}

// backoff is the wait before the next poll after failures consecutive
// failed polls: the interval doubled per failure, capped at max, and no
// shorter than the server's Retry-After.
func backoff(interval, maxWait time.Duration, failures int, retryAfter time.Duration) time.Duration {
	if maxWait <= 0 {
		maxWait = DefaultMaxBackoff
	}
	maxWait = max(maxWait, interval)
	w := interval
	for i := 0; i < failures && w < maxWait; i++ {
		w *= 2
	}
	return max(min(w, maxWait), retryAfter)
}

// Follow reads the feed at feedURL and hands each new item's article, or
// the error that kept one from being read, to yield; it returns when yield
// returns false, when ctx is done, or after one poll when fo.Interval is 0.
// Between polls it waits fo.Interval, sending the feed's ETag and
// Last-Modified back so an unchanged feed costs the server a 304; after a
// failed poll (network error, timeout, an HTTP error, a body that is not a
// feed) it reports the error and waits twice as long as the last time, up
// to fo.MaxBackoff. Items are recognised across polls by FeedItem.Key.
func (f *Fetcher) Follow(ctx context.Context, feedURL string, opt Options, fo FollowOptions, yield func(Article, error) bool) {
	if err := opt.Validate(); err != nil {
		yield(Article{}, inputErr(feedURL, err.Error(), "fix the option"))
		return
	}
	seen := map[string]bool{}
	var val Validators
	failures := 0
	for {
		res, err := f.Fetch(ctx, feedURL, val)
		var feed *Feed
		if err == nil && !res.NotModified {
			feed, err = ParseFeed(feedURL, res.Body, opt)
		}
		wait := fo.Interval
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return
			}
			failures++
			ra := time.Duration(0)
			if res != nil {
				ra = res.RetryAfter
			}
			wait = backoff(fo.Interval, fo.MaxBackoff, failures, ra)
			if !yield(Article{}, err) {
				return
			}
		case res.NotModified:
			failures = 0
		default:
			failures = 0
			val = res.Validators
			for _, it := range feed.Items {
				if seen[it.Key] {
					continue
				}
				seen[it.Key] = true
				if !f.item(ctx, feedURL, it, opt, fo, yield) {
					return
				}
			}
		}
		if fo.Interval <= 0 {
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return
		}
	}
}

// item yields the article of one new feed item, fetching its page when
// asked to; it reports false when yield asks to stop.
func (f *Fetcher) item(ctx context.Context, feedURL string, it FeedItem, opt Options, fo FollowOptions, yield func(Article, error) bool) bool {
	if it.Link != "" && fo.Known != nil && fo.Known(it.Link) {
		return yield(Article{ID: ID(it.Link, ""), URL: it.Link, Input: it.Link}, nil)
	}
	fallback := func(reason error) bool {
		if reason != nil && !yield(Article{}, reason) {
			return false
		}
		if it.Article.Text != "" {
			return yield(it.Article, nil)
		}
		if reason != nil {
			return true // the page's error already says what was lost
		}
		input := it.Link
		if input == "" {
			input = feedURL
		}
		return yield(Article{}, inputErr(input, "feed item has no text", "use --fetch-articles to read its page"))
	}
	if !fo.FetchArticles || it.Link == "" {
		return fallback(nil)
	}
	res, err := f.Fetch(ctx, it.Link, Validators{})
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return fallback(err)
	}
	popt := opt
	popt.Format = FormatHTML
	var page Article
	var perr error
	Read(ctx, it.Link, bytes.NewReader(res.Body), popt, func(a Article, err error) bool {
		page, perr = a, err
		return false
	})
	if perr != nil {
		return fallback(perr)
	}
	if page.URL == "" {
		page.URL = res.URL
		page.ID = ID(page.URL, page.Text)
	}
	if page.Title == "" {
		page.Title = it.Article.Title
	}
	if page.Published == "" || page.Published == opt.Published {
		if it.Article.Published != "" {
			page.Published = it.Article.Published
		}
	}
	if page.Source == "" {
		page.Source = it.Article.Source
	}
	page.Input = it.Link
	return yield(page, nil)
}
