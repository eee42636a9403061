package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Format is the kind of an input.
type Format string

// Input formats. FormatAuto detects the format from the file extension
// and, for stdin and unknown extensions, from the content.
const (
	FormatAuto  Format = ""
	FormatText  Format = "text"
	FormatJSONL Format = "jsonl"
	FormatJSON  Format = "json"
	FormatHTML  Format = "html"
	FormatWARC  Format = "warc"
)

// DefaultMaxBytes is the default of Options.MaxBytes: 50 MiB.
const DefaultMaxBytes = 50 << 20

// Options control how inputs are read. The zero value is ready to use.
type Options struct {
	// Published (YYYY-MM-DD) is the publication date given to articles
	// whose source has none. Empty leaves such articles undated.
	Published string
	// MaxBytes bounds what is held in memory at once: a whole text, HTML
	// or JSON input, one line of JSON Lines or one WARC record (JSON
	// Lines and WARC files may be any size, as they are streamed).
	// Compressed inputs count decompressed.
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// Format forces a format; FormatAuto detects it.
	Format Format
	// Raw keeps the body exactly as decoded (UTF-8, BOM removed): no
	// NormalizeText and no dateline split. Use it when offsets must match
	// the original file, as in evaluations against gold standoff files.
	Raw bool
	// IsPlace, when set, reports whether an upper-case name is a known
	// place; a body then opening with a bare "PLACE:" ("PESHAWAR: …",
	// "NEW DELHI: …") has it as its dateline (SplitColonDateline).
	IsPlace func(string) bool
}

// Validate reports a bad option as one-line error suitable for the CLI.
func (o Options) Validate() error {
	if o.Published != "" {
		if err := ValidateDay(o.Published); err != nil {
			return err
		}
	}
	if o.MaxBytes < 0 {
		return fmt.Errorf("max bytes %d is negative", o.MaxBytes)
	}
	switch o.Format {
	case FormatAuto, FormatText, FormatJSONL, FormatJSON, FormatHTML, FormatWARC:
	default:
		return fmt.Errorf("format %q is not one of text, jsonl, json, html, warc", string(o.Format))
	}
	return nil
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// ReadFile reads the articles in path and hands each one, or the error
// that kept one from being read, to yield; it stops early when yield
// returns false. "-" reads standard input. A directory is read file by
// file in lexical order, recursively, skipping hidden files and folders.
// A file larger than Options.MaxBytes is refused from its size alone,
// without being read, unless it is JSON Lines or WARC (which are
// streamed: the limit then applies to one line or one record).
//
// Every error given to yield is an *InputError; one bad file or line
// never stops the others.
func ReadFile(ctx context.Context, path string, opt Options, yield func(Article, error) bool) {
	if path == "-" {
		read(ctx, "-", os.Stdin, -1, opt, yield)
		return
	}
	st, err := os.Stat(path)
	if err != nil {
		yield(Article{}, openErr(path, err))
		return
	}
	if !st.IsDir() {
		readOneFile(ctx, path, st.Size(), opt, yield)
		return
	}
	var files []string
	walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(Article{}, openErr(p, err)) {
				return fs.SkipAll
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if errors.Is(walkErr, fs.SkipAll) {
		return
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			yield(Article{}, ctxErr(f, 0, err))
			return
		}
		st, err := os.Stat(f)
		if err != nil {
			if !yield(Article{}, openErr(f, err)) {
				return
			}
			continue
		}
		stop := false
		readOneFile(ctx, f, st.Size(), opt, func(a Article, err error) bool {
			if !yield(a, err) {
				stop = true
				return false
			}
			return true
		})
		if stop {
			return
		}
	}
}

func readOneFile(ctx context.Context, path string, size int64, opt Options, yield func(Article, error) bool) {
	f, err := os.Open(path)
	if err != nil {
		yield(Article{}, openErr(path, err))
		return
	}
	defer f.Close()
	read(ctx, path, f, size, opt, yield)
}

func openErr(path string, err error) *InputError {
	e := inputErr(path, "cannot open", "check the path and its permissions")
	var pe *fs.PathError
	if errors.As(err, &pe) {
		e.Problem = "cannot open: " + pe.Err.Error()
	} else {
		e.Problem = "cannot open: " + err.Error()
	}
	e.Err = err
	return e
}

func ctxErr(input string, line int, err error) *InputError {
	e := lineErr(input, line, "stopped: "+err.Error(), "")
	e.Err = err
	return e
}

// Read reads the articles in r, an input called name (a path or "-"; its
// extension, without a ".gz", selects the format unless Options.Format
// does). See ReadFile.
func Read(ctx context.Context, name string, r io.Reader, opt Options, yield func(Article, error) bool) {
	read(ctx, name, r, -1, opt, yield)
}

// read is Read knowing the input's size (-1 when unknown).
func read(ctx context.Context, name string, r io.Reader, size int64, opt Options, yield func(Article, error) bool) {
	if err := opt.Validate(); err != nil {
		yield(Article{}, inputErr(name, err.Error(), "fix the option"))
		return
	}
	if err := ctx.Err(); err != nil {
		yield(Article{}, ctxErr(name, 0, err))
		return
	}
	limit := opt.maxBytes()
	br := takeReadBuffer(r)
	defer giveReadBuffer(br)
	ext := strings.ToLower(filepath.Ext(name))
	// WARC files are streamed and decompress their gzip members one by
	// one, to name the offset of each record.
	lname := strings.ToLower(name)
	if opt.Format == FormatWARC || (opt.Format == FormatAuto && (ext == ".warc" || strings.HasSuffix(lname, ".warc.gz"))) {
		readWARC(ctx, name, br, limit, opt, yield)
		return
	}
	compressed := false
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			yield(Article{}, inputErr(name, "corrupt gzip data: "+err.Error(), "check that the file was fully downloaded"))
			return
		}
		defer zr.Close()
		zr.Multistream(true)
		br = takeReadBuffer(zr)
		defer giveReadBuffer(br)
		compressed = true
		size = -1
	}
	if ext == ".gz" {
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	}
	format := opt.Format
	if format == FormatAuto {
		format = formatByExt(ext)
	}
	if format == FormatAuto {
		format = sniff(br)
	}
	if format == FormatJSONL {
		readJSONL(ctx, name, br, limit, opt, yield)
		return
	}
	if format == FormatWARC {
		readWARC(ctx, name, br, limit, opt, yield)
		return
	}
	if size > limit {
		yield(Article{}, sizeErr(name, size, limit, false))
		return
	}
	data, err := readAll(br, limit+1, size)
	if err != nil {
		e := inputErr(name, "read error: "+err.Error(), "")
		if compressed {
			e.Problem = "corrupt gzip data: " + err.Error()
			e.Hint = "check that the file was fully downloaded"
		}
		e.Err = err
		yield(Article{}, e)
		return
	}
	if int64(len(data)) > limit {
		yield(Article{}, sizeErr(name, -1, limit, compressed))
		return
	}
	switch format {
	case FormatJSON:
		readJSONDoc(ctx, name, data, opt, yield)
	case FormatHTML:
		fields, prob := extractHTML(data, false)
		if prob != "" {
			yield(Article{}, htmlErr(name, 0, prob))
			return
		}
		a, perr := finish(fields, opt)
		if perr != "" {
			yield(Article{}, htmlErr(name, 0, perr))
			return
		}
		a.Input = name
		yield(a, nil)
	default:
		text, prob := decodeText(data)
		if prob != "" {
			hint := "give a UTF-8 text, HTML or JSON Lines file"
			if prob == "empty input" {
				hint = "the file has no text"
			}
			e := inputErr(name, prob, hint)
			if prob != "empty input" {
				e.Byte = 0
			}
			yield(Article{}, e)
			return
		}
		a, prob := finish(Article{Text: text}, opt)
		if prob != "" {
			yield(Article{}, inputErr(name, prob, "the file has no text"))
			return
		}
		a.Input = name
		yield(a, nil)
	}
}

// bufSize is the read buffer of an input; it must hold sniffLen bytes.
const bufSize = 2 * sniffLen

// readBuffers keeps the read buffers of inputs read to the end, for the
// next: an ingest reads thousands of small files, and a new buffer for
// each was a tenth of the reading's allocation. Nothing read keeps a
// reference into a buffer: articles are built from copies of its bytes.
var readBuffers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, bufSize) }}

// takeReadBuffer returns a buffered reader of r.
func takeReadBuffer(r io.Reader) *bufio.Reader {
	br := readBuffers.Get().(*bufio.Reader)
	br.Reset(r)
	return br
}

// giveReadBuffer keeps br, whose input is read, for takeReadBuffer.
func giveReadBuffer(br *bufio.Reader) {
	br.Reset(nil)
	readBuffers.Put(br)
}

// readAll reads r up to n bytes, in one buffer when the size is known.
func readAll(r io.Reader, n, size int64) ([]byte, error) {
	if size < 0 || size >= n {
		return io.ReadAll(io.LimitReader(r, n))
	}
	buf := make([]byte, 0, size+1) // +1 to see EOF without growing
	for {
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			// The file grew since it was measured: read on, bounded.
			rest, err := io.ReadAll(io.LimitReader(r, n-int64(len(buf))))
			return append(buf, rest...), err
		}
	}
}

// sizeErr reports an input over the size limit; size is -1 when only
// "more than the limit" is known.
func sizeErr(name string, size, limit int64, compressed bool) *InputError {
	var p string
	switch {
	case size >= 0:
		p = fmt.Sprintf("input is %s, above the %s limit", humanBytes(size), humanBytes(limit))
	case compressed:
		p = fmt.Sprintf("input decompresses to more than the %s limit", humanBytes(limit))
	default:
		p = fmt.Sprintf("input is more than the %s limit", humanBytes(limit))
	}
	return inputErr(name, p, "split it or raise --max-bytes")
}

// formatByExt maps a lower-case extension to a format.
func formatByExt(ext string) Format {
	switch ext {
	case ".txt", ".text", ".md":
		return FormatText
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		return FormatJSON
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".warc":
		return FormatWARC
	}
	return FormatAuto
}

// sniff guesses the format of an input with no telling extension from its
// first bytes: "[" starts JSON; "{" starts JSON Lines when the first line
// is a whole JSON value, else one JSON document; markup that opens an
// HTML document is HTML; anything else is text.
func sniff(br *bufio.Reader) Format {
	head, _ := br.Peek(sniffLen)
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return FormatText
	}
	if bytes.HasPrefix(trimmed, []byte("WARC/1.")) {
		return FormatWARC
	}
	switch trimmed[0] {
	case '[':
		return FormatJSON
	case '{':
		if line, _, ok := bytes.Cut(trimmed, []byte("\n")); ok {
			if jsonValid(bytes.TrimSpace(line)) {
				return FormatJSONL
			}
			return FormatJSON
		}
		// No newline in the window: one long line is JSON Lines too.
		return FormatJSONL
	case '<':
		lower := bytes.ToLower(trimmed[:min(len(trimmed), 1024)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div", "<p>", "<p ", "<!--"} {
			if bytes.Contains(lower, []byte(tag)) {
				return FormatHTML
			}
		}
	}
	return FormatText
}

// finish turns the fields read from a source into an Article: it cleans
// the text, splits off the dateline, fills the date and the ID. It
// returns a problem when no text is left.
func finish(a Article, opt Options) (Article, string) {
	if !opt.Raw {
		a.Text = NormalizeText(a.Text)
	}
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, "empty input"
	}
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	a.Source = strings.Join(strings.Fields(a.Source), " ")
	a.URL = strings.TrimSpace(a.URL)
	idText := ""
	if !opt.Raw {
		if d, rest, ok := SplitDateline(a.Text); ok {
			a.Text = rest
			a.Dateline = d.Text
			a.DatelinePlace = d.Place
			if a.Source == "" {
				a.Source = d.Agency
			}
		} else if d, rest, ok := SplitColonDateline(a.Text, opt.IsPlace); ok && opt.IsPlace != nil {
			// The ID stays that of the whole text, as it was before
			// such datelines were found.
			idText = a.Text
			a.Text = rest
			a.Dateline = d.Text
			a.DatelinePlace = d.Place
			if a.Source == "" {
				a.Source = d.Agency
			}
		} else if head, d, rest, ok := DatelineAfterHeadline(a.Text); ok {
			// The headline stays in the text (it is read for quotes
			// and named things); it becomes the title when the source
			// gave none. The ID stays that of the whole text, as it was
			// before such datelines were found, so a database made then
			// does not take the article again as a new one.
			idText = a.Text
			a.Text = head + "\n" + rest
			a.Dateline = d.Text
			a.DatelinePlace = d.Place
			if a.Title == "" {
				a.Title = strings.Join(strings.Fields(strings.SplitN(head, "\n", 2)[0]), " ")
			}
			if a.Source == "" {
				a.Source = d.Agency
			}
		}
	}
	if a.Published == "" {
		a.Published = opt.Published
	}
	if idText == "" {
		idText = a.Text
	}
	a.ID = ID(a.URL, idText)
	return a, ""
}
