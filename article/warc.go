package article

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// WARC archives
//
// A WARC file (ISO 28500, the format of web crawls such as Common Crawl's
// CC-NEWS) is a sequence of records, each a "WARC/1.x" version line,
// header lines, a blank line, a block of exactly Content-Length bytes and
// a blank line. A .warc.gz file compresses every record as its own gzip
// member, so a reader can start at any member; record offsets given in
// errors and in Article.Input are those of the member in the compressed
// file (the offsets crawl indexes use), or of the record in a plain file.
//
// Only "response" records (an HTTP response whose body is the page) and
// "resource" records (the page itself) can hold articles; warcinfo,
// request, metadata, revisit, conversion and continuation records are
// passed over without a word. A response that is not a successful HTML or
// text page (an image, a redirect, a 404) is reported and skipped, as is a
// record whose block is above the size limit; a truncated record or
// corrupt gzip data ends the file with an error naming the record's
// offset, after every record before it has been read.

// maxWARCHeader bounds one WARC header line and the header block: a
// record whose header is bigger than this is not a WARC record.
const maxWARCHeader = 64 << 10

// warcRecord is one WARC record's header and block.
type warcRecord struct {
	typ       string // WARC-Type, lower case
	targetURI string
	date      string // WARC-Date
	ctype     string // Content-Type of the block
	block     []byte
}

// warcPos says where a record starts, for messages and Article.Input.
type warcPos struct {
	member int64 // offset of the gzip member, -1 for a plain file
	offset int64 // offset of the record: in the file, or within its member
}

func (p warcPos) String() string {
	switch {
	case p.member < 0:
		return fmt.Sprintf("record at byte %d", p.offset)
	case p.offset == 0:
		return fmt.Sprintf("record at byte %d (gzip member)", p.member)
	default:
		return fmt.Sprintf("record at byte %d of the gzip member at byte %d", p.offset, p.member)
	}
}

// at is the offset a caller seeks to: the member, else the record.
func (p warcPos) at() int64 {
	if p.member >= 0 {
		return p.member
	}
	return p.offset
}

// warcErr builds the error for a record: Byte is the record's offset.
func warcErr(name string, pos warcPos, problem, hint string) *InputError {
	e := inputErr(name, "WARC "+pos.String()+": "+problem, hint)
	e.Byte = pos.at()
	return e
}

// gzipError marks an error of the decompressor, so that corrupt gzip data
// is told apart from a WARC record cut short.
type gzipError struct{ err error }

func (e gzipError) Error() string { return e.err.Error() }
func (e gzipError) Unwrap() error { return e.err }

// tagReader passes reads through and wraps every error but io.EOF in a
// gzipError.
type tagReader struct{ r io.Reader }

func (t tagReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError{err}
	}
	return n, err
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readWARC streams the records of a WARC input, plain or gzipped (one
// member per record, as the standard recommends; a member holding several
// records is read too). Only one record block is held in memory at a time.
func readWARC(ctx context.Context, name string, br *bufio.Reader, limit int64, opt Options, yield func(Article, error) bool) {
	magic, _ := br.Peek(2)
	if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		wr := &warcReader{br: br}
		n, _ := wr.records(ctx, name, -1, limit, opt, yield)
		if n == 0 && wr.off == 0 {
			yield(Article{}, inputErr(name, "empty input", "the file has no WARC records"))
		}
		return
	}
	// The decompressor reads through zbr byte by byte (bufio.Reader is a
	// flate.Reader), so the bytes counted minus those still buffered are
	// exactly the compressed offset of the next member.
	cr := &countReader{r: br}
	zbr := bufio.NewReaderSize(cr, bufSize)
	var zr gzip.Reader
	for members := 0; ; members++ {
		member := cr.n - int64(zbr.Buffered())
		if _, err := zbr.Peek(1); err != nil {
			if members == 0 {
				yield(Article{}, inputErr(name, "empty input", "the file has no WARC records"))
			}
			return
		}
		if err := zr.Reset(zbr); err != nil {
			problem := "corrupt gzip data: " + err.Error()
			if errors.Is(err, gzip.ErrHeader) {
				problem = "not a gzip member (corrupt gzip data or trailing garbage)"
			}
			e := inputErr(name, fmt.Sprintf("WARC gzip member at byte %d: %s", member, problem),
				"the records before it were read; check that the file was fully downloaded")
			e.Byte, e.Err = member, err
			yield(Article{}, e)
			return
		}
		zr.Multistream(false)
		wr := &warcReader{br: bufio.NewReaderSize(tagReader{&zr}, bufSize)}
		if _, ok := wr.records(ctx, name, member, limit, opt, yield); !ok {
			return
		}
	}
}

// warcReader parses records from an uncompressed stream, counting the
// bytes it consumes.
type warcReader struct {
	br  *bufio.Reader
	off int64
}

// line reads one header line without its line ending. A line longer than
// maxWARCHeader is an error.
func (w *warcReader) line() (string, error) {
	var buf []byte
	for {
		chunk, err := w.br.ReadSlice('\n')
		w.off += int64(len(chunk))
		buf = append(buf, chunk...)
		if len(buf) > maxWARCHeader {
			return "", errors.New("header line too long")
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && len(buf) > 0 && err == io.EOF {
			err = io.ErrUnexpectedEOF // a line without its ending
		}
		if err != nil {
			return "", err
		}
		return strings.TrimRight(string(buf), "\r\n"), nil
	}
}

// records reads the records of one stream (a plain file, or one gzip
// member whose offset is member) and yields their articles. n counts the
// records read; ok is false when the reading must stop (an error that
// cannot be resynchronised, a cancelled context, or yield said stop).
func (w *warcReader) records(ctx context.Context, name string, member, limit int64, opt Options, yield func(Article, error) bool) (n int, ok bool) {
	for {
		if err := ctx.Err(); err != nil {
			yield(Article{}, ctxErr(name, 0, err))
			return n, false
		}
		// Blank lines between records are tolerated.
		for {
			b, err := w.br.Peek(1)
			if err != nil || (b[0] != '\r' && b[0] != '\n') {
				break
			}
			w.br.Discard(1)
			w.off++
		}
		pos := warcPos{member: member, offset: w.off}
		if _, err := w.br.Peek(1); err != nil {
			if err == io.EOF {
				return n, true
			}
			yield(Article{}, w.streamErr(name, pos, err))
			return n, false
		}
		rec, err := w.record(limit)
		if err != nil {
			var big *recordTooBig
			if errors.As(err, &big) {
				n++
				if !yield(Article{}, warcErr(name, pos,
					fmt.Sprintf("block is %s, above the %s limit", humanBytes(big.size), humanBytes(limit)),
					"raise --max-bytes to read it")) {
					return n, false
				}
				continue
			}
			yield(Article{}, w.streamErr(name, pos, err))
			return n, false
		}
		n++
		a, problem := rec.article(opt)
		if problem == "" && a.Text == "" {
			continue // not a page: warcinfo, request, metadata, revisit...
		}
		if problem != "" {
			e := warcErr(name, pos, problem, "")
			if rec.targetURI != "" {
				e.Problem = "WARC " + pos.String() + " (" + rec.targetURI + "): " + problem
			}
			if !yield(Article{}, e) {
				return n, false
			}
			continue
		}
		a.Input = fmt.Sprintf("%s@%d", name, pos.at())
		if member >= 0 && pos.offset > 0 {
			a.Input = fmt.Sprintf("%s@%d+%d", name, member, pos.offset)
		}
		if !yield(a, nil) {
			return n, false
		}
	}
}

// streamErr describes an error that ends the stream at pos.
func (w *warcReader) streamErr(name string, pos warcPos, err error) *InputError {
	var ge gzipError
	var e *InputError
	switch {
	case errors.As(err, &ge):
		e = warcErr(name, pos, "corrupt gzip data: "+ge.err.Error(),
			"the records before it were read; check that the file was fully downloaded")
	case errors.Is(err, io.ErrUnexpectedEOF):
		e = warcErr(name, pos, "truncated record: the file ends inside it",
			"the records before it were read; check that the file was fully downloaded")
	default:
		e = warcErr(name, pos, err.Error(), "the records before it were read; the rest of the file cannot be read")
	}
	e.Err = err
	return e
}

// recordTooBig is the error of a record whose block is above the limit;
// the block has been skipped, so reading can go on.
type recordTooBig struct{ size int64 }

func (e *recordTooBig) Error() string { return fmt.Sprintf("block of %d bytes", e.size) }

// record reads one record. A block above limit is skipped (read and
// dropped) and reported as *recordTooBig.
func (w *warcReader) record(limit int64) (*warcRecord, error) {
	version, err := w.line()
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(version, "WARC/") {
		return nil, fmt.Errorf("not a WARC record: starts with %q", clip(version, 40))
	}
	rec := &warcRecord{}
	length := int64(-1)
	headerBytes := 0
	for {
		l, err := w.line()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if l == "" {
			break
		}
		if headerBytes += len(l); headerBytes > maxWARCHeader {
			return nil, errors.New("header is too long")
		}
		k, v, found := strings.Cut(l, ":")
		if !found {
			return nil, fmt.Errorf("malformed header line %q", clip(l, 40))
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "warc-type":
			rec.typ = strings.ToLower(v)
		case "warc-target-uri":
			rec.targetURI = strings.Trim(v, "<>")
		case "warc-date":
			rec.date = v
		case "content-type":
			rec.ctype = v
		case "content-length":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad Content-Length %q", clip(v, 40))
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("no Content-Length header")
	}
	if length > limit {
		m, err := io.CopyN(io.Discard, w.br, length)
		w.off += m
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		w.endOfRecord()
		return nil, &recordTooBig{length}
	}
	// Only pages are kept in memory; other blocks are skipped unread.
	if rec.typ != "response" && rec.typ != "resource" {
		m, err := io.CopyN(io.Discard, w.br, length)
		w.off += m
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		w.endOfRecord()
		return rec, nil
	}
	rec.block = make([]byte, length)
	m, err := io.ReadFull(w.br, rec.block)
	w.off += int64(m)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	w.endOfRecord()
	return rec, nil
}

// endOfRecord consumes the blank line (CRLF CRLF) that ends a record,
// tolerating a bare LF or its absence.
func (w *warcReader) endOfRecord() {
	for i := 0; i < 4; i++ {
		b, err := w.br.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		w.br.Discard(1)
		w.off++
	}
}

// article turns a response or resource record into an article. It returns
// a zero Article and no problem for records that are not pages at all.
func (r *warcRecord) article(opt Options) (Article, string) {
	var body []byte
	ctype := ""
	switch r.typ {
	case "response":
		if !strings.HasPrefix(strings.ToLower(r.ctype), "application/http") {
			// A response to a DNS or FTP request, say: not a page.
			return Article{}, ""
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(r.block)), nil)
		if err != nil {
			return Article{}, "malformed HTTP response: " + err.Error()
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return Article{}, fmt.Sprintf("not an article: HTTP status %d", resp.StatusCode)
		}
		var rd io.Reader = resp.Body
		switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
		case "", "identity":
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(rd)
			if err != nil {
				return Article{}, "corrupt gzip HTTP body: " + err.Error()
			}
			rd = zr
		case "deflate":
			rd = flate.NewReader(rd)
		default:
			return Article{}, fmt.Sprintf("not text: HTTP body in unsupported encoding %q", clip(enc, 20))
		}
		// The block is bounded by the limit; a compressed body may
		// expand, so its output is bounded too.
		body, err = io.ReadAll(io.LimitReader(rd, int64(len(r.block))*20+1<<20))
		if err != nil && len(body) == 0 {
			return Article{}, "unreadable HTTP body: " + err.Error()
		}
		ctype = resp.Header.Get("Content-Type")
	case "resource":
		body, ctype = r.block, r.ctype
	default:
		return Article{}, ""
	}
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ctype, ";")[0]))
	}
	var a Article
	var problem string
	switch mt {
	case "text/html", "application/xhtml+xml":
		a, problem = extractHTML(body, false)
	case "text/plain":
		text, prob := decodeText(body)
		a, problem = Article{Text: text}, prob
	default:
		return Article{}, fmt.Sprintf("not an article: content type %s", clip(mt, 60))
	}
	if problem != "" {
		return Article{}, problem
	}
	if a.URL == "" {
		a.URL = r.targetURI
	}
	a, problem = finish(a, opt)
	if problem != "" {
		return Article{}, problem
	}
	if a.Published == "" {
		// The capture time: for news crawls, close to publication.
		if d, err := NormalizeDate(r.date); err == nil && dayOf(d) != "" {
			a.Published = dayOf(d)
		}
	}
	return a, ""
}

// dayOf returns the YYYY-MM-DD prefix of a normalised date, or "".
func dayOf(s string) string {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ""
	}
	return s[:10]
}
