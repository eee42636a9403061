package article

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"strings"
	"testing"
)

// warcPage is an HTML page long enough to count as an article.
func warcPage(title, para string) string {
	return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" +
		strings.Repeat(para+" ", 6) + "</p><p>" + strings.Repeat("A second paragraph adds more words to it. ", 4) +
		"</p></article></body></html>"
}

// warcRec renders one WARC/1.1 record.
func warcRec(typ, uri, ctype, block string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d>\r\nWARC-Date: 2024-03-05T10:20:30Z\r\n", typ, len(block))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	if ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.Bytes()
}

// httpResp renders an HTTP/1.1 response with the given status and
// content type.
func httpResp(status int, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

const httpType = "application/http; msgtype=response"

// sampleRecords is a small crawl: warcinfo, a request, two articles (a
// response and a resource), an image, a 404 and a metadata record.
func sampleRecords() [][]byte {
	return [][]byte{
		warcRec("warcinfo", "", "application/warc-fields", "software: dateline-test\r\n"),
		warcRec("request", "https://news.example/a1", "application/http; msgtype=request", "GET /a1 HTTP/1.1\r\nHost: news.example\r\n\r\n"),
		warcRec("response", "https://news.example/a1", httpType, httpResp(200, "text/html; charset=utf-8",
			warcPage("Harbour reopens", "The harbour reopened on Tuesday after repairs to the northern pier were completed."))),
		warcRec("response", "https://news.example/logo.png", httpType, httpResp(200, "image/png", "\x89PNG\r\n\x1a\nxxxx")),
		warcRec("response", "https://news.example/gone", httpType, httpResp(404, "text/html", "<p>not found</p>")),
		warcRec("metadata", "https://news.example/a1", "application/warc-fields", "via: https://news.example/\r\n"),
		warcRec("resource", "https://news.example/a2", "text/html", warcPage("Bridge vote", "Councillors voted to rebuild the old bridge over the river next spring.")),
	}
}

func gzipMembers(recs [][]byte) (data []byte, offsets []int64) {
	var out bytes.Buffer
	for _, r := range recs {
		offsets = append(offsets, int64(out.Len()))
		zw := gzip.NewWriter(&out)
		zw.Write(r)
		zw.Close()
	}
	return out.Bytes(), offsets
}

func readWARCBytes(t *testing.T, name string, data []byte, opt Options) []result {
	t.Helper()
	return collect(t, func(y func(Article, error) bool) {
		Read(context.Background(), name, bytes.NewReader(data), opt, y)
	})
}

func articlesAndErrors(rs []result) (as []Article, errs []*InputError) {
	for _, r := range rs {
		if r.err != nil {
			errs = append(errs, r.err)
		} else {
			as = append(as, r.a)
		}
	}
	return as, errs
}

func TestReadWARCPlain(t *testing.T) {
	recs := sampleRecords()
	data := bytes.Join(recs, nil)
	as, errs := articlesAndErrors(readWARCBytes(t, "crawl.warc", data, Options{}))
	if len(as) != 2 {
		t.Fatalf("got %d articles, want 2: %+v", len(as), as)
	}
	if as[0].URL != "https://news.example/a1" || as[0].Title != "Harbour reopens" || !strings.Contains(as[0].Text, "northern pier") {
		t.Errorf("first article = %+v", as[0])
	}
	if as[0].Published != "2024-03-05" {
		t.Errorf("published = %q, want the WARC-Date's day", as[0].Published)
	}
	off := int64(len(recs[0]) + len(recs[1]))
	if want := fmt.Sprintf("crawl.warc@%d", off); as[0].Input != want {
		t.Errorf("input = %q, want %q", as[0].Input, want)
	}
	if as[1].URL != "https://news.example/a2" || !strings.Contains(as[1].Text, "old bridge") {
		t.Errorf("second article = %+v", as[1])
	}
	// The image and the 404 are reported; warcinfo, request and metadata
	// are not.
	if len(errs) != 2 {
		t.Fatalf("got %d errors, want 2: %v", len(errs), errs)
	}
	if !strings.Contains(errs[0].Problem, "content type image/png") || !strings.Contains(errs[0].Problem, "logo.png") {
		t.Errorf("image error = %v", errs[0])
	}
	if !strings.Contains(errs[1].Problem, "HTTP status 404") {
		t.Errorf("404 error = %v", errs[1])
	}
	// --published wins over the capture date.
	as, _ = articlesAndErrors(readWARCBytes(t, "crawl.warc", data, Options{Published: "2024-01-01"}))
	if as[0].Published != "2024-01-01" {
		t.Errorf("published with option = %q", as[0].Published)
	}
}

func TestReadWARCGzipOffsets(t *testing.T) {
	recs := sampleRecords()
	data, offs := gzipMembers(recs)
	as, errs := articlesAndErrors(readWARCBytes(t, "crawl.warc.gz", data, Options{}))
	if len(as) != 2 || len(errs) != 2 {
		t.Fatalf("got %d articles and %d errors, want 2 and 2: %v", len(as), len(errs), errs)
	}
	if want := fmt.Sprintf("crawl.warc.gz@%d", offs[2]); as[0].Input != want {
		t.Errorf("input = %q, want %q", as[0].Input, want)
	}
	if want := fmt.Sprintf("crawl.warc.gz@%d", offs[6]); as[1].Input != want {
		t.Errorf("input = %q, want %q", as[1].Input, want)
	}
	if errs[0].Byte != offs[3] || !strings.Contains(errs[0].Error(), fmt.Sprintf("byte %d", offs[3])) {
		t.Errorf("image error at %d, want %d: %v", errs[0].Byte, offs[3], errs[0])
	}
	// Sniffed from the content when the name says nothing (stdin).
	as, _ = articlesAndErrors(readWARCBytes(t, "-", data, Options{}))
	if len(as) != 2 {
		t.Errorf("stdin: got %d articles, want 2", len(as))
	}
}

func TestReadWARCTruncated(t *testing.T) {
	recs := sampleRecords()
	full := bytes.Join(recs, nil)
	start := int64(len(recs[0]) + len(recs[1]) + len(recs[2]) + len(recs[3]))
	for _, cut := range []int64{start + 20, start + int64(len(recs[4])) - 30} { // in the header, in the block
		as, errs := articlesAndErrors(readWARCBytes(t, "cut.warc", full[:cut], Options{}))
		if len(as) != 1 {
			t.Errorf("cut at %d: got %d articles, want the 1 before the cut", cut, len(as))
		}
		last := errs[len(errs)-1]
		if !strings.Contains(last.Problem, "truncated") || last.Byte != start || last.Input != "cut.warc" ||
			!strings.Contains(last.Error(), fmt.Sprintf("record at byte %d", start)) {
			t.Errorf("cut at %d: last error = %v (byte %d), want truncated record at %d", cut, last, last.Byte, start)
		}
	}

	// A .warc.gz cut inside a member.
	data, offs := gzipMembers(recs)
	as, errs := articlesAndErrors(readWARCBytes(t, "cut.warc.gz", data[:offs[6]+10], Options{}))
	if len(as) != 1 {
		t.Errorf("gz cut: got %d articles, want 1", len(as))
	}
	last := errs[len(errs)-1]
	if last.Byte != offs[6] || !strings.Contains(last.Problem, "gzip") {
		t.Errorf("gz cut: last error = %v (byte %d), want a gzip error at %d", last, last.Byte, offs[6])
	}
}

func TestReadWARCCorruptGzip(t *testing.T) {
	recs := sampleRecords()
	data, offs := gzipMembers(recs)
	bad := bytes.Clone(data)
	// Damage the compressed data of the resource record's member.
	for i := offs[6] + 30; i < offs[6]+60; i++ {
		bad[i] ^= 0x5a
	}
	as, errs := articlesAndErrors(readWARCBytes(t, "bad.warc.gz", bad, Options{}))
	if len(as) != 1 || as[0].URL != "https://news.example/a1" {
		t.Errorf("got %d articles, want the 1 before the damage", len(as))
	}
	last := errs[len(errs)-1]
	if last.Byte != offs[6] || !strings.Contains(last.Problem, "corrupt gzip") || !strings.HasPrefix(last.Error(), "bad.warc.gz: ") {
		t.Errorf("last error = %v (byte %d), want corrupt gzip at %d; all: %v", last, last.Byte, offs[6], errs)
	}
	// Garbage after the last member.
	withTail := append(bytes.Clone(data), "garbage"...)
	as, errs = articlesAndErrors(readWARCBytes(t, "tail.warc.gz", withTail, Options{}))
	if len(as) != 2 || len(errs) != 3 || errs[2].Byte != int64(len(data)) {
		t.Errorf("trailing garbage: %d articles, errors %v", len(as), errs)
	}
}

func TestReadWARCBadInput(t *testing.T) {
	cases := []struct {
		name, data, want string
	}{
		{"empty.warc", "", "empty input"},
		{"text.warc", "this is not a WARC file\n", "not a WARC record"},
		{"nolen.warc", "WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc", "no Content-Length"},
		{"badlen.warc", "WARC/1.0\r\nContent-Length: -4\r\n\r\n", "bad Content-Length"},
		{"badline.warc", "WARC/1.0\r\nno colon here\r\n\r\n", "malformed header line"},
		{"http.warc", string(warcRec("response", "https://x.example/", httpType, "garbage")), "malformed HTTP response"},
	}
	for _, c := range cases {
		_, errs := articlesAndErrors(readWARCBytes(t, c.name, []byte(c.data), Options{}))
		if len(errs) != 1 || !strings.Contains(errs[0].Problem, c.want) || errs[0].Input != c.name {
			t.Errorf("%s: errors %v, want one containing %q", c.name, errs, c.want)
		}
	}
}

func TestReadWARCSizeLimitAndEncodings(t *testing.T) {
	page := warcPage("Grain deal", "Ministers agreed to extend the grain corridor for another ninety days.")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page))
	zw.Close()
	// Chunked transfer and gzip content encoding, as crawlers store them.
	chunked := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n", gz.Len(), gz.String())
	big := warcRec("resource", "https://x.example/big", "text/html", strings.Repeat("<p>long</p>", 500))
	data := bytes.Join([][]byte{big, warcRec("response", "https://x.example/grain", httpType, chunked)}, nil)
	as, errs := articlesAndErrors(readWARCBytes(t, "mixed.warc", data, Options{MaxBytes: 4000}))
	if len(errs) != 1 || !strings.Contains(errs[0].Problem, "above the") || errs[0].Byte != 0 {
		t.Errorf("errors = %v, want one size-limit error at byte 0", errs)
	}
	if len(as) != 1 || !strings.Contains(as[0].Text, "grain corridor") {
		t.Fatalf("articles = %+v, want the chunked gzip page", as)
	}
}

func TestReadWARCStopsWhenAsked(t *testing.T) {
	data := bytes.Join(sampleRecords(), nil)
	n := 0
	Read(context.Background(), "x.warc", bytes.NewReader(data), Options{}, func(Article, error) bool {
		n++
		return false
	})
	if n != 1 {
		t.Errorf("yield called %d times after returning false, want 1", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rs := collect(t, func(y func(Article, error) bool) { Read(ctx, "x.warc", bytes.NewReader(data), Options{}, y) })
	if len(rs) != 1 || rs[0].err == nil || !strings.Contains(rs[0].err.Problem, "stopped") {
		t.Errorf("cancelled: %+v", rs)
	}
}

func FuzzReadWARC(f *testing.F) {
	addFiles(f, "sample.warc", "sample.warc.gz")
	recs := sampleRecords()
	f.Add(bytes.Join(recs[:3], nil))
	gz, _ := gzipMembers(recs[2:4])
	f.Add(gz)
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.warc", data)
		checkRead(t, "f.warc.gz", data)
	})
}
