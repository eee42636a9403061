package export

import (
	"hash/fnv"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"dateline/article"
	"dateline/record"
)

// Cross-article events
//
// Every article codes its own events. Across articles the same happening
// (the same source doing the same CAMEO action to the same target, on the
// same day, at the same place) is one event with several mentions, as in
// GDELT: MergeEvents groups the mentions and counts the articles and the
// independent sources that report it. Two articles are not independent
// when they belong to the same story (a near-duplicate group, given by the
// caller's StoryFunc) or carry the same wire source: a Reuters story
// reprinted by ten papers is one source, not ten.

// StoryFunc returns the story key of an article: articles with the same
// non-empty key are copies or near-copies of one report (e.g. the store's
// SimHash group). A nil StoryFunc treats every article as its own story.
type StoryFunc func(a article.Article) string

// Mention is one article's record of a merged event.
type Mention struct {
	Doc   int          // index of the article in the docs passed to MergeEvents
	Event record.Event // the article's event record, with its evidence
}

// MergedEvent is one event across articles.
type MergedEvent struct {
	// ID is GDELT's GLOBALEVENTID: a stable positive number derived from
	// Key, so re-running the export gives the same IDs.
	ID  int64
	Key string
	// Event is the first mention's record (the representative one).
	Event record.Event
	// Day is the event's date, YYYY-MM-DD: the event's own date when it
	// is a single day, else its first article's publication day; "" when
	// neither is known.
	Day      string
	Mentions []Mention
	// Articles counts distinct articles, Sources distinct outlets, and
	// Independent the groups of articles left when those of the same
	// story or the same wire source are counted once.
	Articles, Sources, Independent int
}

// Eligible reports whether an event record is a fact to export: asserted
// (a negated statement is not an event) and not merely hypothetical
// ("could attack"). Planned, threatened and demanded actions stay: CAMEO
// codes them as their own actions (03x intents, 13x threats, 10x demands).
func Eligible(e record.Event) bool {
	return e.Polarity != record.PolarityNegated && e.Modality != record.ModalityHypothetical
}

// MergeEvents groups the eligible events of docs into cross-article
// events, in order of first appearance. story may be nil.
func MergeEvents(docs []Document, story StoryFunc) []MergedEvent {
	byKey := map[string]int{}
	var out []MergedEvent
	for di := range docs {
		d := &docs[di]
		pub := day(d.Article.Published)
		for _, e := range d.Records.Events {
			if !Eligible(e) {
				continue
			}
			dy := day(e.Date)
			if dy == "" {
				dy = pub
			}
			key := eventKey(e, dy, placeKey(d, e.Place))
			i, ok := byKey[key]
			if !ok {
				i = len(out)
				byKey[key] = i
				out = append(out, MergedEvent{ID: eventNumber(key), Key: key, Event: e, Day: dy})
			}
			out[i].Mentions = append(out[i].Mentions, Mention{Doc: di, Event: e})
		}
	}
	for i := range out {
		countSources(&out[i], docs, story)
	}
	return out
}

// eventKey joins what makes two event records the same event.
func eventKey(e record.Event, day, place string) string {
	code := func(a *record.Actor) string {
		if a == nil {
			return ""
		}
		return strings.ToUpper(a.Code)
	}
	return strings.Join([]string{code(e.Source), e.CAMEO, code(e.Target), day, place}, "|")
}

// placeKey identifies an event's place across articles by its gazetteer
// entry (place record IDs are per article), else by its name.
func placeKey(d *Document, id string) string {
	if id == "" {
		return ""
	}
	for _, p := range d.Records.Places {
		if p.ID == id {
			if p.GazetteerID != "" {
				return p.GazetteerID
			}
			return "name:" + strings.ToLower(p.Name)
		}
	}
	return ""
}

// day returns the YYYY-MM-DD day of an ISO date or RFC 3339 time, or ""
// for a month, a year or nothing.
func day(s string) string {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return ""
		}
	}
	return s[:10]
}

// eventNumber turns a key into a positive 63-bit number.
func eventNumber(key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	n := int64(h.Sum64() & (1<<63 - 1))
	if n == 0 {
		n = 1
	}
	return n
}

// countSources fills Articles, Sources and Independent.
func countSources(m *MergedEvent, docs []Document, story StoryFunc) {
	var arts []int
	seen := map[int]bool{}
	for _, mn := range m.Mentions {
		if !seen[mn.Doc] {
			seen[mn.Doc] = true
			arts = append(arts, mn.Doc)
		}
	}
	sort.Ints(arts)
	m.Articles = len(arts)
	outlets := map[string]bool{}
	// Union-find over the articles: same story or same wire joins.
	parent := make([]int, len(arts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	firstBy := map[string]int{}
	join := func(key string, i int) {
		if key == "" {
			return
		}
		if j, ok := firstBy[key]; ok {
			parent[find(i)] = find(j)
			return
		}
		firstBy[key] = i
	}
	for i, di := range arts {
		a := docs[di].Article
		outlet := SourceName(a)
		outlets[outlet] = true
		join("outlet:"+outlet, i)
		if w := WireSource(a); w != "" {
			join("wire:"+w, i)
		}
		if story != nil {
			if k := story(a); k != "" {
				join("story:"+k, i)
			}
		}
	}
	m.Sources = len(outlets)
	roots := map[int]bool{}
	for i := range arts {
		roots[find(i)] = true
	}
	m.Independent = len(roots)
}

// SourceName names an article's outlet: its Source, else its URL's host
// without "www.", else its ID (an article of unknown origin is its own
// source).
func SourceName(a article.Article) string {
	if s := strings.TrimSpace(a.Source); s != "" {
		return strings.ToLower(s)
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return "article:" + a.ID
}

// wires are the news agencies whose copy other outlets reprint.
var wires = map[string]string{
	"reuters": "reuters", "ap": "ap", "associated press": "ap", "afp": "afp",
	"agence france-presse": "afp", "agence france presse": "afp", "xinhua": "xinhua",
	"tass": "tass", "itar-tass": "tass", "interfax": "interfax", "ria novosti": "ria",
	"dpa": "dpa", "ansa": "ansa", "efe": "efe", "upi": "upi", "bloomberg": "bloomberg",
	"anadolu": "anadolu", "kyodo": "kyodo", "yonhap": "yonhap", "pti": "pti", "ians": "ians",
	"bernama": "bernama", "wafa": "wafa", "mena": "mena", "irna": "irna", "pa": "pa",
}

var reWireTag = regexp.MustCompile(`\(([A-Za-z][A-Za-z .\-]{0,30})\)`)

// WireSource returns the news agency an article comes from, when its
// source or its dateline names one ("GAZA, Oct 27 (Reuters) -"), else "".
func WireSource(a article.Article) string {
	if w, ok := wires[strings.ToLower(strings.TrimSpace(a.Source))]; ok {
		return w
	}
	for _, m := range reWireTag.FindAllStringSubmatch(a.Dateline, -1) {
		if w, ok := wires[strings.ToLower(strings.TrimSpace(m[1]))]; ok {
			return w
		}
	}
	return ""
}
