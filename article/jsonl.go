package article

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// JSON field names, in order of preference. The first listed is the one
// dateline writes; the others are common in news datasets and feeds.
var (
	urlKeys       = []string{"url", "link", "canonical_url"}
	titleKeys     = []string{"title", "headline"}
	textKeys      = []string{"text", "body", "content", "article", "maintext"}
	htmlKeys      = []string{"html", "raw_html"}
	publishedKeys = []string{"published", "date", "published_at", "publishedat", "datepublished", "pubdate", "date_publish"}
	sourceKeys    = []string{"source", "outlet", "publisher", "site_name"}
)

// jsonValid reports whether b is one JSON value.
func jsonValid(b []byte) bool { return json.Valid(b) }

// readJSONL streams JSON Lines: one article object per line. Blank lines
// are skipped; each bad line is reported with its number and the reading
// goes on. Only one line is held in memory at a time, and a line longer
// than limit is skipped without being held.
func readJSONL(ctx context.Context, name string, br *bufio.Reader, limit int64, opt Options, yield func(Article, error) bool) {
	var buf []byte
	lineNo, items := 0, 0
	for {
		if err := ctx.Err(); err != nil {
			yield(Article{}, ctxErr(name, lineNo+1, err))
			return
		}
		line, tooLong, err := readLine(br, limit, &buf)
		if len(line) == 0 && !tooLong && err != nil {
			if !errors.Is(err, io.EOF) {
				e := lineErr(name, lineNo+1, "read error: "+err.Error(), "check that the file was fully downloaded")
				e.Err = err
				yield(Article{}, e)
			} else if items == 0 {
				yield(Article{}, inputErr(name, "empty input", "the file has no JSON lines"))
			}
			return
		}
		lineNo++
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
		}
		if tooLong {
			items++
			if bytes.IndexByte(line, 0) >= 0 {
				// A giant line of NUL bytes is a binary file or a
				// decompression bomb: the rest is not worth reading.
				yield(Article{}, lineErr(name, lineNo, "binary data, not text", "give a UTF-8 JSON Lines file"))
				return
			}
			if !yield(Article{}, lineErr(name, lineNo,
				fmt.Sprintf("line is longer than the %s limit", humanBytes(limit)),
				"split the article or raise --max-bytes")) {
				return
			}
			continue
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) > 0 {
			items++
			a, e := articleFromJSON(trimmed, opt)
			var yerr error
			if e != nil {
				e.Input, e.Line = name, lineNo
				if bytes.IndexByte(trimmed, 0) >= 0 {
					e.Problem, e.Hint, e.Byte = "binary data, not text", "give a UTF-8 JSON Lines file", -1
				}
				yerr = e
				a = Article{}
			} else {
				a.Input = fmt.Sprintf("%s:%d", name, lineNo)
			}
			if !yield(a, yerr) {
				return
			}
		}
		if err != nil {
			if items == 0 && errors.Is(err, io.EOF) {
				yield(Article{}, inputErr(name, "empty input", "the file has no JSON lines"))
			}
			return
		}
	}
}

// readLine reads one line (without its "\n" or "\r\n") into *buf. When
// the line is longer than limit it keeps only the first limit bytes,
// discards the rest up to the newline and reports tooLong. err is the
// reader's error after the line (io.EOF at the end).
func readLine(br *bufio.Reader, limit int64, buf *[]byte) (line []byte, tooLong bool, err error) {
	*buf = (*buf)[:0]
	for {
		chunk, e := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(*buf)+len(chunk)) > limit {
				tooLong = true
				room := limit - int64(len(*buf))
				*buf = append(*buf, chunk[:max(room, 0)]...)
			} else {
				*buf = append(*buf, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		err = e
		break
	}
	line = bytes.TrimSuffix(*buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return line, tooLong, err
}

// readJSONDoc reads a .json input: one article object, an array of them,
// or several top-level values in a row. A syntax error ends the input
// (what follows cannot be resynchronised); an element that is not a usable
// article is reported and skipped.
func readJSONDoc(ctx context.Context, name string, data []byte, opt Options, yield func(Article, error) bool) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if len(bytes.TrimSpace(data)) == 0 {
		yield(Article{}, inputErr(name, "empty input", "the file has no JSON"))
		return
	}
	if p := binaryProblem(data); p != "" {
		yield(Article{}, inputErr(name, p, "give a UTF-8 JSON file"))
		return
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	// lineAt counts lines up to an offset incrementally: offsets only grow.
	lastOff, lastLine := 0, 1
	lineAt := func(off int) int {
		off = min(off, len(data))
		lastLine += bytes.Count(data[lastOff:off], []byte("\n"))
		lastOff = off
		return lastLine
	}
	// next returns the offset of the next value, skipping blanks and commas.
	next := func() int {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		return off
	}
	syntax := func(err error) {
		off := next()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		e := lineErr(name, lineAt(off), jsonProblem(err, -1), "fix the JSON; articles after this point were not read")
		e.Byte = int64(off)
		e.Err = err
		yield(Article{}, e)
	}
	item := func(raw json.RawMessage, line int) bool {
		if els, lines := wrappedList(raw); els != nil {
			for i, el := range els {
				a, e := articleFromJSON(el, opt)
				if e != nil {
					e.Input, e.Line = name, line+lines[i]
					if !yield(Article{}, e) {
						return false
					}
					continue
				}
				a.Input = fmt.Sprintf("%s:%d", name, line+lines[i])
				if !yield(a, nil) {
					return false
				}
			}
			return true
		}
		a, e := articleFromJSON(raw, opt)
		if e != nil {
			e.Input, e.Line = name, line
			return yield(Article{}, e)
		}
		a.Input = fmt.Sprintf("%s:%d", name, line)
		return yield(a, nil)
	}
	for {
		if err := ctx.Err(); err != nil {
			yield(Article{}, ctxErr(name, 0, err))
			return
		}
		off := next()
		if off >= len(data) {
			return
		}
		if data[off] != '[' {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				syntax(err)
				return
			}
			if !item(raw, lineAt(off)) {
				return
			}
			continue
		}
		if _, err := dec.Token(); err != nil { // the '['
			syntax(err)
			return
		}
		for dec.More() {
			if err := ctx.Err(); err != nil {
				yield(Article{}, ctxErr(name, 0, err))
				return
			}
			off := next()
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				syntax(err)
				return
			}
			if !item(raw, lineAt(off)) {
				return
			}
		}
		if _, err := dec.Token(); err != nil { // the ']'
			syntax(err)
			return
		}
	}
}

// listKeys name the array of articles in a wrapper object such as a news
// API's answer ({"status": "ok", "articles": [...]}).
var listKeys = []string{"articles", "items", "results", "data", "documents"}

// wrappedList returns the elements of a wrapper object's article array,
// with each element's line relative to the object's first line, or nil
// when raw is not such a wrapper (it has a text field, or no array under
// one of listKeys).
func wrappedList(raw []byte) ([]json.RawMessage, []int) {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return nil, nil
	}
	lower := make(map[string]json.RawMessage, len(obj))
	for k, v := range obj {
		lower[strings.ToLower(k)] = v
	}
	for _, k := range append(textKeys, htmlKeys...) {
		if _, ok := lower[k]; ok {
			return nil, nil
		}
	}
	for _, k := range listKeys {
		v := bytes.TrimSpace(lower[k])
		if len(v) == 0 || v[0] != '[' {
			continue
		}
		var els []json.RawMessage
		if json.Unmarshal(v, &els) != nil || len(els) == 0 {
			continue
		}
		// Lines: find the array in raw, then each element in turn.
		lines := make([]int, len(els))
		base := bytes.Index(raw, v)
		off := base
		for i, el := range els {
			if j := bytes.Index(raw[off:], el); j >= 0 && base >= 0 {
				off += j
				lines[i] = bytes.Count(raw[:off], []byte("\n"))
				off += len(el)
			} else if i > 0 {
				lines[i] = lines[i-1]
			}
		}
		return els, lines
	}
	return nil, nil
}

// jsonProblem describes a JSON decoding error; off >= 0 overrides the
// offset of a syntax error.
func jsonProblem(err error, off int64) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if off < 0 {
			off = se.Offset
		}
		msg := strings.TrimPrefix(se.Error(), "json: ")
		msg = strings.Replace(msg, "end of JSON input", "end of input", 1)
		return fmt.Sprintf("malformed JSON (%s at byte %d)", msg, off)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "malformed JSON (unexpected end of input)"
	}
	return "malformed JSON (" + strings.TrimPrefix(err.Error(), "json: ") + ")"
}

// articleFromJSON maps one JSON object to an Article (before the common
// finishing steps). The returned error has Input and Line unset.
func articleFromJSON(raw []byte, opt Options) (Article, *InputError) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Article{}, &InputError{Byte: -1,
				Problem: "a JSON " + jsonKind(raw) + ", not an article object",
				Hint:    `give one object per line, like {"title": ..., "text": ...}`}
		}
		e := &InputError{Byte: -1, Problem: jsonProblem(err, -1), Hint: "fix or remove the line", Err: err}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			e.Byte = se.Offset
		}
		return Article{}, e
	}
	if obj == nil {
		return Article{}, &InputError{Byte: -1, Problem: "a JSON null, not an article object", Hint: "remove the line"}
	}
	fields := make(map[string]json.RawMessage, len(obj))
	for k, v := range obj {
		lk := strings.ToLower(k)
		if _, dup := fields[lk]; !dup || k == lk {
			fields[lk] = v
		}
	}
	var a Article
	var bad *InputError
	// get returns the first non-blank string among keys; number allows a
	// numeric value (dates given as Unix times).
	get := func(keys []string, number bool) string {
		for _, k := range keys {
			v, ok := fields[k]
			if !ok || bad != nil {
				continue
			}
			s, err := jsonString(v, number)
			if err != nil {
				bad = &InputError{Byte: -1, Problem: fmt.Sprintf("field %q is %s", k, err), Hint: "give it as a JSON string"}
				return ""
			}
			if strings.TrimSpace(s) != "" {
				return s
			}
		}
		return ""
	}
	a.URL = get(urlKeys, false)
	a.Title = get(titleKeys, false)
	a.Text = get(textKeys, false)
	a.Source = get(sourceKeys, false)
	html := ""
	if a.Text == "" {
		html = get(htmlKeys, false)
	}
	published := get(publishedKeys, true)
	if bad != nil {
		return Article{}, bad
	}
	if a.Text == "" && html == "" {
		return Article{}, &InputError{Byte: -1,
			Problem: `no text field (looked for "text", "body", "content", "article", "html")`,
			Hint:    `add the article body as "text"`}
	}
	if html != "" {
		h, prob := extractHTML([]byte(html), true)
		if prob != "" {
			return Article{}, &InputError{Byte: -1, Problem: `field "html": ` + prob, Hint: htmlHint(prob)}
		}
		a.Text = h.Text
		a.Title = cmpOr(a.Title, h.Title)
		a.URL = cmpOr(a.URL, h.URL)
		a.Source = cmpOr(a.Source, h.Source)
		if published == "" {
			a.Published = h.Published
		}
	}
	if published != "" {
		d, err := NormalizeDate(published)
		if err != nil {
			return Article{}, &InputError{Byte: -1, Problem: "field \"published\": " + err.Error(), Hint: "fix the date or remove the field"}
		}
		a.Published = d
	}
	a, prob := finish(a, opt)
	if prob != "" {
		return Article{}, &InputError{Byte: -1, Problem: "the text field is empty", Hint: `add the article body as "text"`}
	}
	return a, nil
}

// jsonString reads a field that should be a string. Null reads as "", an
// object with a string "name" as that name (as feeds write {"source":
// {"name": "Reuters"}}), and, when number is set (dates, which may be Unix
// times), a number as its literal.
func jsonString(v json.RawMessage, number bool) (string, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "", nil
	}
	switch v[0] {
	case '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", errors.New("a malformed string")
		}
		return s, nil
	case 'n':
		return "", nil
	case '{':
		var o struct {
			Name string `json:"name"`
		}
		if err := json.Unmarshal(v, &o); err == nil && o.Name != "" {
			return o.Name, nil
		}
		return "", errors.New("an object")
	case '[':
		return "", errors.New("an array")
	case 't', 'f':
		return "", errors.New("a boolean")
	default:
		if number {
			return string(v), nil
		}
		return "", errors.New("a number")
	}
}

// jsonKind names the kind of a JSON value by its first byte.
func jsonKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "value"
	}
	switch raw[0] {
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '{':
		return "object"
	}
	return "number"
}

// cmpOr returns a unless it is empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
