package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// findChromium returns the browser to drive: $DATELINE_CHROMIUM, else
// Debian's chromium on the PATH. When there is none the browser tests skip,
// except under CI=true, where a missing browser is a failure (CI installs
// it with `apt-get install -y chromium`).
func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DATELINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("browser tests need chromium and CI=true is set: install it with `apt-get install -y chromium` (or set DATELINE_CHROMIUM)")
	}
	t.Skip("chromium not installed; browser tests skipped (apt-get install -y chromium, or set DATELINE_CHROMIUM)")
	return ""
}

// artifactDir is where screenshots go: $DATELINE_ARTIFACTS, else a new
// temporary folder that is kept after the test and named in its log.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DATELINE_ARTIFACTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "dateline-ui-"); err != nil {
			t.Fatal(err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// browser is one headless Chromium tab with its console watched.
type browser struct {
	t   *testing.T
	ctx context.Context
	dir string

	mu       sync.Mutex
	problems []string // console errors, exceptions, dialogs
}

func newBrowser(t *testing.T) *browser {
	exe := findChromium(t)
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b := &browser{t: t, ctx: ctx, dir: artifactDir(t)}
	// Console subscribes at once (starting the browser); the loop reads in
	// the background. Errors, uncaught exceptions and browser-log errors
	// (CSP violations, failed loads) are all problems.
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.problem("console %s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line)
			}
		}
	}()
	err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			b.problem("a script opened a %s dialog: %q", d.Type, d.Message)
			go func() {
				tgt := chromedp.FromContext(ctx).Target
				_, _ = cdp.Call(ctx, tgt, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return b
}

func (b *browser) problem(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
}

// forget drops the problems seen so far that contain expected.
func (b *browser) forget(expected string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	kept := b.problems[:0]
	for _, p := range b.problems {
		if !strings.Contains(p, expected) {
			kept = append(kept, p)
		}
	}
	b.problems = kept
}

// checkConsole fails the test on any console error seen so far.
func (b *browser) checkConsole(step string) {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("%s: %s", step, p)
	}
	b.problems = nil
}

func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.shot("failed-" + step)
		b.t.Fatalf("%s: %v", step, err)
	}
	b.checkConsole(step)
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.TextContent(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func (b *browser) location() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

func (b *browser) eval(expr string) int {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return n
}

// waitFor polls a JavaScript condition (the UI renders asynchronously).
func waitFor(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))(ctx, t)
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", expr, err)
		}
		return nil
	})
}

// hash moves the single-page app to a view.
func hash(h string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[string](fmt.Sprintf("location.hash = %q", h))(ctx, t)
		return err
	})
}

func (b *browser) shot(name string) {
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(b.dir, name+".png"), png, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

func TestBrowserViews(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	st := testStore(t)
	// Some synthetic volume so charts, network and map have shape.
	if err := fillSynthetic(context.Background(), st, 0, 400, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 120); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Store: st, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	b := newBrowser(t)

	// Search: the start page lists articles with facets.
	b.do("open search",
		chromedp.Navigate(ts.URL+"/"),
		waitFor(`document.querySelectorAll(".hit").length === 20 && document.querySelectorAll(".facet").length > 3`))
	b.shot("01-search")
	b.do("search Portville",
		chromedp.SetValue(chromedp.CSS("#q"), "Portville harbour"),
		chromedp.Click(chromedp.CSS("#qform button")),
		waitFor(`document.querySelectorAll(".hit").length === 1`))
	if text, loc := b.text(".hit .hit-title"), b.location(); text != "Harbour shelled" || !strings.Contains(loc, "#/search?q=Portville+harbour") {
		t.Errorf("search result %q at %s", text, loc)
	}
	b.shot("02-search-results")

	// Article: highlighted spans; clicking the quote shows its record.
	b.do("open article",
		chromedp.Click(chromedp.CSS(".hit .hit-title")),
		waitFor(`document.querySelectorAll(".article-text .hl-quote").length > 0`))
	b.shot("03-article")
	b.do("click quote",
		chromedp.Click(chromedp.CSS(".article-text .hl-quote")),
		waitFor(`document.querySelector(".record[data-type=quote]") !== null`))
	if text := b.text(".record[data-type=quote]"); !strings.Contains(text, "We counted twelve dead and many more wounded,") || !strings.Contains(text, "Ana Ruiz") {
		t.Errorf("quote record panel = %q", text)
	}
	if loc := b.location(); !strings.Contains(loc, "rec=quote%3Aq-harbour") {
		t.Errorf("selected quote is not in the URL: %s", loc)
	}
	b.shot("04-article-quote")
	// The shared link reopens the same record.
	b.do("reload shared link",
		chromedp.Reload(),
		waitFor(`document.querySelector(".record[data-type=quote][data-id=q-harbour]") !== null && document.querySelector(".hl.sel") !== null`))

	// Untrusted markup in an article is shown as text and never runs.
	b.do("open hostile article",
		hash("#/article/script003"),
		waitFor(`document.querySelector(".article-text") !== null && document.querySelector(".article-head h1").textContent.includes("<b>in</b>")`))
	if n, text := b.eval(`document.querySelectorAll(".view script, .view img, .view b").length`), b.text(".article-text"); n != 0 || !strings.Contains(text, `<script>alert("owned")</script>`) {
		t.Errorf("hostile article: %d elements injected; text %q", n, text)
	}

	views := []struct{ name, hash, ready string }{
		{"05-timeline", "#/timeline?interval=week", `document.querySelectorAll(".uplot canvas").length >= 3`},
		{"06-network", "#/network", `document.querySelector("#graph canvas") !== null`},
		{"07-map", "#/map", `document.querySelectorAll("svg.worldmap .land path").length > 100 && document.querySelectorAll("svg.worldmap circle.dot").length > 3`},
		{"08-quotes", "#/quotes?speaker=Ana+Ruiz", `document.querySelectorAll(".quote-card").length === 2`},
		{"09-claims", "#/claims?q=Portville+counted:killed", `document.querySelectorAll(".claim-group tr.conflict").length === 2`},
		{"10-events", "#/events?q=plover:ASSAULT", `document.querySelectorAll("table.events tbody tr").length > 5`},
		{"11-search-facet", "#/search?q=source:%22Paper+Two%22", `document.querySelectorAll(".hit").length > 0`},
	}
	for _, v := range views {
		b.do(v.name, hash(v.hash), waitFor(v.ready))
		if v.name == "06-network" {
			time.Sleep(300 * time.Millisecond) // let the layout settle for the picture
		}
		b.shot(v.name)
	}
	// A quote's evidence link leads to the article with that quote selected.
	b.do("quote evidence link",
		hash("#/quotes?speaker=Piet+Brand"),
		waitFor(`document.querySelectorAll(".quote-card").length === 1`),
		chromedp.Click(chromedp.CSS(".quote-card .ev-link")),
		waitFor(`document.querySelector(".record[data-type=quote][data-id=q-talk]") !== null`))
	// A bad query shows the API's message, not a blank page.
	// The browser logs the 400 answer itself; that one is expected.
	if err := chromedp.Do(b.ctx, hash("#/events?q=actr:X"), waitFor(`document.querySelector(".error") !== null`)); err != nil {
		t.Fatalf("bad query: %v", err)
	}
	b.forget("the server responded with a status of 400")
	b.checkConsole("bad query")
	if text := b.text(".error"); !strings.Contains(text, "unknown filter 'actr'") {
		t.Errorf("error shown = %q", text)
	}
	b.shot("12-error")
	if n := b.eval(`document.querySelectorAll("#nav a").length`); n != 7 {
		t.Errorf("nav has %d links", n)
	}
	b.checkConsole("end")
}
