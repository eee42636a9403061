// Package article reads news articles from any source (plain text, JSON
// Lines, HTML, stdin) into Article values: clean text with paragraph
// breaks, title, publication date, the dateline split off the body, and a
// stable ID. It knows nothing about NLP or storage.
//
// ReadFile and Read stream the articles of an input to a yield function,
// one Article or one *InputError at a time, so that one bad file or line
// never stops the others. The format comes from the extension (.txt,
// .text, .md: text; .jsonl, .ndjson: JSON Lines; .json: an object, an
// array or a news-API wrapper; .html, .htm: HTML), or from the content for
// stdin and other names; gzip is decompressed transparently. Every body
// goes through NormalizeText (one paragraph per line) and SplitDateline,
// unless Options.Raw asks for the text exactly as decoded.
package article

// Article is one news article ready for extraction. Text is the body with
// the dateline removed, normalised by NormalizeText (paragraphs one per
// line, separated by a single "\n"); every record's byte offsets point
// into Text.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"` // outlet, e.g. "Reuters"
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD (or RFC 3339 when a time is known)
	// Dateline is the place line that opened the story ("MOSCOW",
	// "GAZA CITY, Oct 27 (Reuters) -"), as written; DatelinePlace is its
	// place part ("MOSCOW", "GAZA CITY").
	Dateline      string `json:"dateline,omitempty"`
	DatelinePlace string `json:"dateline_place,omitempty"`
	Lang          string `json:"lang,omitempty"`
	// Input names where the article came from: a path, "path:line" for
	// JSON Lines, "-" for stdin, or a URL.
	Input string `json:"input,omitempty"`
}
