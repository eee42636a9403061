package article

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// MinHTMLText is the shortest body, in characters, that counts as article
// text in an HTML page; shorter means a navigation or index page.
const MinHTMLText = 200

// htmlHint is the hint for an HTML problem.
func htmlHint(problem string) string {
	if strings.HasPrefix(problem, "no article text") {
		return "the page holds no article body (a navigation page, or text loaded by JavaScript); skip it or give the text itself"
	}
	return "give an HTML page, or the article text as a .txt file"
}

func htmlErr(input string, line int, problem string) *InputError {
	return lineErr(input, line, problem, htmlHint(problem))
}

// extractHTML finds the article in an HTML page: its main text (one
// paragraph per line) and, from the page's metadata, its title, canonical
// URL, outlet and publication date. Bytes that are not UTF-8 are decoded
// by the charset the page declares (unless utf8Known: HTML taken from
// a JSON string is UTF-8 whatever it declares) (or Windows-1252 when it declares none
// and is not UTF-8). It returns a problem when the page has no article.
//
// The main text is found the way readability tools do it: scripts,
// navigation, headers, footers, asides, forms, figures, hidden elements
// and blocks whose class or id says comments, sharing, related stories,
// ads or newsletters (unless it also says article, body, column, content
// or main) are dropped; an element marked itemprop="articleBody"
// is taken when present; otherwise each paragraph of 25 characters or more
// scores its parent (1 + commas + up to 3 for length) and half that to its
// grandparent, scores are scaled down by link density, and the best
// element wins together with its siblings that score at least a fifth as
// well. Paragraphs that are mostly links are dropped, and so is a first
// line repeating the title. When that leaves less than MinHTMLText
// characters, a JSON-LD articleBody is used if the page has one.
func extractHTML(data []byte, utf8Known bool) (Article, string) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Article{}, "empty input"
	}
	if p := binaryProblem(data); p != "" {
		return Article{}, p
	}
	var r io.Reader = bytes.NewReader(data)
	if !utf8Known {
		cr, err := charset.NewReader(r, "")
		if err != nil {
			return Article{}, "unknown character set: " + err.Error()
		}
		r = cr
	}
	doc, err := html.Parse(r)
	if err != nil {
		return Article{}, "cannot parse HTML: " + err.Error()
	}
	var a Article
	m := collectMeta(doc)
	a.Title = firstNonEmpty(m.ogTitle, m.ldHeadline, m.h1, trimSiteName(m.title, firstNonEmpty(m.siteName, m.ldPublisher)))
	a.URL = firstNonEmpty(m.canonical, m.ogURL, m.ldURL)
	if !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
		a.URL = ""
	}
	a.Source = firstNonEmpty(m.siteName, m.ldPublisher)
	for _, d := range append(m.dates, m.ldDate, m.timeDate) {
		if d == "" {
			continue
		}
		if nd, err := NormalizeDate(d); err == nil {
			a.Published = nd
			break
		}
	}

	prune(doc)
	root := findArticleBody(doc)
	if root == nil {
		root = bestCandidate(doc)
	}
	var lines []string
	if root != nil {
		lines = renderBlocks(root)
		if len(lines) > 0 && a.Title != "" && sameText(lines[0], a.Title) {
			lines = lines[1:]
		}
	}
	text := strings.Join(lines, "\n")
	if utf8.RuneCountInString(text) < MinHTMLText && utf8.RuneCountInString(m.ldBody) > utf8.RuneCountInString(text) {
		text = m.ldBody
	}
	text = strings.ToValidUTF8(text, "\uFFFD")
	if utf8.RuneCountInString(text) < MinHTMLText {
		return Article{}, "no article text found"
	}
	a.Text = text
	a.Title = strings.ToValidUTF8(a.Title, "\uFFFD")
	a.Source = strings.ToValidUTF8(a.Source, "\uFFFD")
	return a, ""
}

// trimSiteName removes " | Site" or " - Site" from the end of a <title>
// when Site is the outlet's name.
func trimSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), site) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// pageMeta is what collectMeta finds in a page's metadata.
type pageMeta struct {
	title, ogTitle, h1, canonical, ogURL, siteName string
	dates                                          []string // meta tags, in preference order
	timeDate                                       string   // first <time datetime>
	ldHeadline, ldDate, ldPublisher, ldURL         string
	ldBody                                         string
}

// metaDateKeys are meta names/properties giving the publication date,
// best first.
var metaDateKeys = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
	"sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
}

func collectMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{}
	metaDates := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = textOf(n)
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = textOf(n)
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := attr(n, "content")
				switch {
				case content == "":
				case key == "og:title" || key == "twitter:title" && m.ogTitle == "":
					m.ogTitle = content
				case key == "og:site_name":
					m.siteName = content
				case key == "og:url":
					m.ogURL = content
				default:
					if _, seen := metaDates[key]; !seen {
						metaDates[key] = content
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Time:
				if dt := attr(n, "datetime"); dt != "" && (m.timeDate == "" || attr(n, "itemprop") == "datePublished" || hasAttr(n, "pubdate")) {
					m.timeDate = dt
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					m.readLD(n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, k := range metaDateKeys {
		if d := metaDates[k]; d != "" {
			m.dates = append(m.dates, d)
		}
	}
	return m
}

// readLD reads schema.org JSON-LD, keeping the first article-like object
// (one with a headline, datePublished or articleBody).
func (m *pageMeta) readLD(src string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			str := func(k string) string { s, _ := x[k].(string); return s }
			if str("headline") == "" && str("datePublished") == "" && str("articleBody") == "" {
				return
			}
			if m.ldHeadline == "" {
				m.ldHeadline = str("headline")
			}
			if m.ldDate == "" {
				m.ldDate = str("datePublished")
			}
			if m.ldBody == "" {
				m.ldBody = str("articleBody")
			}
			if m.ldURL == "" {
				m.ldURL = str("url")
			}
			if p, ok := x["publisher"].(map[string]any); ok && m.ldPublisher == "" {
				m.ldPublisher, _ = p["name"].(string)
			}
		}
	}
	visit(v, 0)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns the text inside n with whitespace collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// dropTags are never article text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Canvas: true, atom.Form: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Header: true,
	atom.Figure: true, atom.Figcaption: true, atom.Menu: true, atom.Dialog: true,
	atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Picture: true, atom.Head: true, atom.Math: true,
}

// negative matches class or id words of page furniture.
var negative = regexp.MustCompile(`(?i)(^|[-_\s])(comments?|share|sharing|social|related|recommended|more-stories|promo|sidebar|newsletter|subscribe|subscription|advert|advertisement|ad|ads|sponsored?|cookie|banner|breadcrumbs?|nav|navigation|menu|footer|masthead|popup|modal|outbrain|taboola|byline|author-bio|tags|toolbar|signup|paywall|skip-link|caption)([-_\s]|$)`)

// positive matches class or id words of elements that may hold the story
// even when they also match negative.
var positive = regexp.MustCompile(`(?i)article|body|column|content|main`)

// prune removes from the tree everything that is not article text.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || c.Type == html.ElementNode && unwanted(c) {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
}

func unwanted(n *html.Node) bool {
	if dropTags[n.DataAtom] {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	switch n.DataAtom {
	case atom.Body, atom.Html, atom.Article, atom.Main:
		return false
	}
	if strings.EqualFold(attr(n, "itemprop"), "articleBody") {
		return false
	}
	cls := attr(n, "class") + " " + attr(n, "id")
	// A wrapper can carry a furniture word and still hold the story
	// ("content-wrap with-sidebar"): words like content or main save it.
	return negative.MatchString(cls) && !positive.MatchString(cls)
}

// findArticleBody returns the element marked itemprop="articleBody" when
// it holds enough text.
func findArticleBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && strings.EqualFold(attr(n, "itemprop"), "articleBody") && len(textOf(n)) >= MinHTMLText {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findArticleBody(c); f != nil {
			return f
		}
	}
	return nil
}

// bestCandidate scores elements by the paragraphs they hold and returns
// a synthetic node holding the best one and its good siblings, or nil.
func bestCandidate(doc *html.Node) *html.Node {
	scores := map[*html.Node]float64{}
	var order []*html.Node
	add := func(n *html.Node, s float64) {
		if n == nil || n.Type != html.ElementNode {
			return
		}
		if _, ok := scores[n]; !ok {
			order = append(order, n)
		}
		scores[n] += s
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Pre || n.DataAtom == atom.Blockquote || n.DataAtom == atom.Div && onlyInline(n)) {
			t := textOf(n)
			if len(t) >= 25 {
				s := 1 + float64(strings.Count(t, ",")) + min(float64(len(t))/100, 3)
				add(n.Parent, s)
				if n.Parent != nil {
					add(n.Parent.Parent, s/2)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var top *html.Node
	best := 0.0
	for _, n := range order {
		s := scores[n] * (1 - linkDensity(n))
		scores[n] = s
		if s > best {
			top, best = n, s
		}
	}
	if top == nil {
		return nil
	}
	if top.Parent == nil {
		return top
	}
	// Gather the top element and its good siblings, in order, under a
	// detached node (the originals are not moved).
	holder := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		keep := s == top || scores[s] >= max(best*0.2, 10)
		if !keep && s.Type == html.ElementNode && s.DataAtom == atom.P {
			t := textOf(s)
			keep = len(t) >= 80 && linkDensity(s) < 0.25
		}
		if keep {
			holder.AppendChild(cloneTree(s))
		}
	}
	return holder
}

func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, Data: n.Data, DataAtom: n.DataAtom, Attr: n.Attr}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}

// onlyInline reports whether a div holds only text and inline elements,
// so that it serves as a paragraph.
func onlyInline(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			return false
		}
	}
	return true
}

// linkDensity is the share of n's text inside links.
func linkDensity(n *html.Node) float64 {
	total := len(textOf(n))
	if total == 0 {
		return 0
	}
	linked := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			linked += len(textOf(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return float64(linked) / float64(total)
}

// blockTags start a new line of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Table: true, atom.Tr: true,
	atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Hr: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Center: true, atom.Body: true,
}

// boilerplate lines are dropped wherever they appear.
var boilerplate = map[string]bool{
	"advertisement": true, "skip advertisement": true, "story continues below advertisement": true,
	"continue reading below": true, "share this article": true, "read more": true,
	"related": true, "sponsored content": true,
}

// renderBlocks turns the element's text into lines, one per paragraph,
// dropping lines that are mostly link text or known boilerplate.
func renderBlocks(root *html.Node) []string {
	var lines []string
	var cur, link strings.Builder
	flush := func() {
		t := strings.Join(strings.Fields(cur.String()), " ")
		l := len(strings.Join(strings.Fields(link.String()), " "))
		cur.Reset()
		link.Reset()
		if t == "" || boilerplate[strings.ToLower(strings.Trim(t, " :.…"))] {
			return
		}
		if l*2 > len(t) { // mostly links: a list of related stories
			return
		}
		lines = append(lines, t)
	}
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if inLink {
				link.WriteString(n.Data)
				link.WriteByte(' ')
			}
			return
		case html.ElementNode:
			if n.DataAtom == atom.Br {
				flush()
				return
			}
			if n.DataAtom == atom.Pre {
				flush()
				for l := range strings.SplitSeq(textWithNewlines(n), "\n") {
					cur.WriteString(l)
					flush()
				}
				return
			}
			if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || n.Type == html.ElementNode && n.DataAtom == atom.A)
		}
		if block {
			flush()
		}
	}
	walk(root, false)
	flush()
	return lines
}

// textWithNewlines is the raw text of a <pre>, newlines kept.
func textWithNewlines(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
