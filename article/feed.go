package article

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Feeds
//
// ParseFeed reads an RSS, Atom or JSON Feed document (with gofeed) into
// FeedItems. Each item keeps the link to its page and an Article made from
// the feed's own text for it (content, else description, HTML removed),
// so a caller that does not fetch the pages, or fails to, still stores
// what the feed says. Fetching and polling feeds politely is Fetcher's and
// Follow's job (fetch.go).

// FeedItem is one entry of a feed.
type FeedItem struct {
	// Key identifies the item across polls: its GUID, else its link,
	// else its title and date.
	Key  string
	Link string
	// Article is made from the feed's text for the item; its Text is ""
	// when the feed gives none (problem says why).
	Article Article
	Problem string
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []FeedItem
}

// ParseFeed parses data, the body of the feed called name (its URL), into
// a Feed. A document that is not a feed, or that the parser chokes on, is
// an *InputError naming the feed.
func ParseFeed(name string, data []byte, opt Options) (feed *Feed, err error) {
	if err := opt.Validate(); err != nil {
		return nil, inputErr(name, err.Error(), "fix the option")
	}
	if int64(len(data)) > opt.maxBytes() {
		return nil, sizeErr(name, int64(len(data)), opt.maxBytes(), false)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, inputErr(name, "empty feed", "check the feed URL")
	}
	defer func() {
		// A parser bug on hostile input must fail this feed, not the
		// program.
		if r := recover(); r != nil {
			feed, err = nil, inputErr(name, fmt.Sprintf("feed parser failed: %v", r), "check that the URL is an RSS or Atom feed")
		}
	}()
	f, perr := gofeed.NewParser().Parse(bytes.NewReader(data))
	if perr != nil {
		e := inputErr(name, "not an RSS, Atom or JSON feed: "+perr.Error(), "check that the URL is a feed, not a web page")
		e.Err = perr
		return nil, e
	}
	out := &Feed{Title: strings.Join(strings.Fields(f.Title), " ")}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		out.Items = append(out.Items, feedItem(name, i, out.Title, it, opt))
	}
	return out, nil
}

func feedItem(name string, i int, feedTitle string, it *gofeed.Item, opt Options) FeedItem {
	fi := FeedItem{Link: strings.TrimSpace(it.Link)}
	if !strings.HasPrefix(fi.Link, "http://") && !strings.HasPrefix(fi.Link, "https://") {
		fi.Link = ""
	}
	// The date as written keeps its zone; gofeed's parsed times are
	// the fallback for formats NormalizeDate does not know.
	published := ""
	for _, d := range []string{it.Published, it.Updated} {
		if nd, err := NormalizeDate(d); err == nil {
			published = nd
			break
		}
	}
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if published == "" && t != nil && t.Year() >= 1000 && t.Year() < 10000 {
			published = formatDate(*t, true)
		}
	}
	switch {
	case strings.TrimSpace(it.GUID) != "":
		fi.Key = "guid:" + strings.TrimSpace(it.GUID)
	case fi.Link != "":
		fi.Key = "link:" + CanonicalURL(fi.Link)
	default:
		fi.Key = "title:" + strings.TrimSpace(it.Title) + "\x00" + published
	}
	text := htmlFragmentText(it.Content)
	if len(text) < len(htmlFragmentText(it.Description)) {
		text = htmlFragmentText(it.Description)
	}
	a := Article{URL: fi.Link, Title: htmlFragmentText(it.Title), Text: text, Published: published, Source: feedTitle}
	a, problem := finish(a, opt)
	if problem != "" {
		fi.Problem = "feed item has no text"
		return fi
	}
	a.Input = fmt.Sprintf("%s#item%d", name, i+1)
	if fi.Link != "" {
		a.Input = fi.Link
	}
	fi.Article = a
	return fi
}

// htmlFragmentText turns the HTML of a feed field into plain text, one
// paragraph per line. Plain text passes through unchanged, bar entities.
func htmlFragmentText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if !strings.ContainsAny(s, "<&") {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
		root.AppendChild(n)
	}
	prune(root)
	return strings.ToValidUTF8(strings.Join(renderBlocks(root), "\n"), "\uFFFD")
}
