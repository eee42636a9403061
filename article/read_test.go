package article

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// result is one yield of a reader.
type result struct {
	a   Article
	err *InputError
}

// collect runs a reader and gathers what it yields, failing the test on
// an error that is not an *InputError.
func collect(t testing.TB, run func(yield func(Article, error) bool)) []result {
	t.Helper()
	var out []result
	run(func(a Article, err error) bool {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is not an *InputError", err, err)
			}
			out = append(out, result{err: ie})
			return true
		}
		out = append(out, result{a: a})
		return true
	})
	return out
}

func readString(t testing.TB, name, input string, opt Options) []result {
	t.Helper()
	return collect(t, func(y func(Article, error) bool) {
		Read(context.Background(), name, strings.NewReader(input), opt, y)
	})
}

func readPath(t testing.TB, path string, opt Options) []result {
	t.Helper()
	return collect(t, func(y func(Article, error) bool) {
		ReadFile(context.Background(), path, opt, y)
	})
}

// one expects exactly one article and returns it.
func one(t *testing.T, rs []result) Article {
	t.Helper()
	if len(rs) != 1 || rs[0].err != nil {
		t.Fatalf("want one article, got %d results: %+v", len(rs), rs)
	}
	return rs[0].a
}

// oneErr expects exactly one error containing want and returns it.
func oneErr(t *testing.T, rs []result, want string) *InputError {
	t.Helper()
	if len(rs) != 1 || rs[0].err == nil {
		t.Fatalf("want one error %q, got %+v", want, rs)
	}
	if !strings.Contains(rs[0].err.Error(), want) {
		t.Fatalf("error %q does not contain %q", rs[0].err.Error(), want)
	}
	if strings.ContainsAny(rs[0].err.Error(), "\n\r") {
		t.Fatalf("error is not one line: %q", rs[0].err.Error())
	}
	return rs[0].err
}

func TestReadTextFile(t *testing.T) {
	a := one(t, readPath(t, "testdata/wire.txt", Options{Published: "2024-03-04"}))
	if a.Dateline != "PORT ELLEN, Scotland, March 4 (Reuters) -" {
		t.Errorf("Dateline = %q", a.Dateline)
	}
	if a.DatelinePlace != "PORT ELLEN, Scotland" || a.Source != "Reuters" {
		t.Errorf("place %q source %q", a.DatelinePlace, a.Source)
	}
	if !strings.HasPrefix(a.Text, "Fishermen on the island") {
		t.Errorf("Text starts %q", a.Text[:30])
	}
	if got := strings.Count(a.Text, "\n"); got != 2 {
		t.Errorf("want 3 paragraphs on 3 lines, got %d newlines in %q", got, a.Text)
	}
	if strings.Contains(a.Text, "  ") || strings.Contains(a.Text, " \n") {
		t.Errorf("spaces not cleaned: %q", a.Text)
	}
	if a.Published != "2024-03-04" || a.Input != "testdata/wire.txt" || len(a.ID) != 16 {
		t.Errorf("published %q input %q id %q", a.Published, a.Input, a.ID)
	}
	if a.Title != "" {
		t.Errorf("a plain text has no title, got %q", a.Title)
	}
	// Reading twice gives the same ID.
	if b := one(t, readPath(t, "testdata/wire.txt", Options{})); b.ID != a.ID {
		t.Errorf("ID changed between reads: %s %s", a.ID, b.ID)
	}
}

func TestReadMarkdownUnwrapsHardWrappedParagraphs(t *testing.T) {
	a := one(t, readPath(t, "testdata/plain.md", Options{}))
	lines := strings.Split(a.Text, "\n")
	if len(lines) != 3 {
		t.Fatalf("want title line + 2 paragraphs, got %d: %q", len(lines), a.Text)
	}
	if !strings.HasPrefix(lines[1], "The town council") || !strings.HasSuffix(lines[1], "spring of last year.") {
		t.Errorf("paragraph 1 not joined: %q", lines[1])
	}
	if !strings.Contains(lines[1], "rebuild the stone bridge") {
		t.Errorf("wrapped lines not joined with a space: %q", lines[1])
	}
}

func TestReadTextLineEndingsAndBOM(t *testing.T) {
	in := "\uFEFFMOSCOW\r\nThe Kremlin said on Friday it would reply.  \r\n\r\n\r\nIt did not say when.\r\n"
	a := one(t, readString(t, "x.txt", in, Options{}))
	if a.Text != "The Kremlin said on Friday it would reply.\nIt did not say when." {
		t.Errorf("Text = %q", a.Text)
	}
	if a.Dateline != "MOSCOW" || a.DatelinePlace != "MOSCOW" {
		t.Errorf("dateline %q", a.Dateline)
	}
}

func TestReadTextWindows1252(t *testing.T) {
	// "café" and curly quotes in Windows-1252: not valid UTF-8.
	in := []byte("The \x93caf\xe9\x94 on the square closed on Monday after 40 years.")
	a := one(t, collect(t, func(y func(Article, error) bool) {
		Read(context.Background(), "old.txt", bytes.NewReader(in), Options{}, y)
	}))
	if a.Text != "The “café” on the square closed on Monday after 40 years." {
		t.Errorf("Text = %q", a.Text)
	}
}

func TestReadTextUTF16(t *testing.T) {
	in := []byte{0xFF, 0xFE}
	for _, r := range "Rain fell on Tuesday." {
		in = append(in, byte(r), 0)
	}
	a := one(t, collect(t, func(y func(Article, error) bool) {
		Read(context.Background(), "u16.txt", bytes.NewReader(in), Options{}, y)
	}))
	if a.Text != "Rain fell on Tuesday." {
		t.Errorf("Text = %q", a.Text)
	}
}

func TestReadRawKeepsBytes(t *testing.T) {
	in := "LONDON —  The  vote was held.\n\nTurnout was low.\n"
	a := one(t, readString(t, "raw.txt", in, Options{Raw: true}))
	if a.Text != in || a.Dateline != "" {
		t.Errorf("Raw changed the text: %q dateline %q", a.Text, a.Dateline)
	}
}

func TestReadBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("empty", func(t *testing.T) {
		e := oneErr(t, readPath(t, write("empty.txt", nil), Options{}), "empty input")
		if e.Input != filepath.Join(dir, "empty.txt") {
			t.Errorf("Input = %q", e.Input)
		}
	})
	t.Run("whitespace only", func(t *testing.T) {
		oneErr(t, readPath(t, write("blank.txt", []byte(" \n\t\r\n ")), Options{}), "empty input")
	})
	t.Run("binary NUL", func(t *testing.T) {
		oneErr(t, readPath(t, write("blob.txt", []byte("ab\x00\x01\x02cd\x00")), Options{}), "binary data, not text")
	})
	t.Run("binary control", func(t *testing.T) {
		oneErr(t, readPath(t, write("ctl", bytes.Repeat([]byte("\x01\x02\x03a"), 100)), Options{}), "binary data, not text")
	})
	t.Run("pdf", func(t *testing.T) {
		oneErr(t, readPath(t, write("doc.txt", []byte("%PDF-1.7\n%\xe2\xe3\n1 0 obj")), Options{}), "looks like a PDF file")
	})
	t.Run("missing file", func(t *testing.T) {
		oneErr(t, readPath(t, filepath.Join(dir, "nope.txt"), Options{}), "cannot open")
	})
	t.Run("200 MB file refused by size", func(t *testing.T) {
		p := filepath.Join(dir, "huge.txt")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		// A sparse file: 200 MB long, nothing written, nothing read.
		if err := f.Truncate(200 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
		oneErr(t, readPath(t, p, Options{}), "huge.txt: input is 200 MB, above the 50 MB limit; split it or raise --max-bytes")
	})
	t.Run("stream over limit stops reading", func(t *testing.T) {
		src := &countingReader{r: io.LimitReader(repeatReader('a'), 200<<20)}
		rs := collect(t, func(y func(Article, error) bool) {
			Read(context.Background(), "-", src, Options{MaxBytes: 1 << 20}, y)
		})
		oneErr(t, rs, "input is more than the 1 MB limit; split it or raise --max-bytes")
		if src.n > 2<<20 {
			t.Errorf("read %d bytes of a stream over a 1 MB limit", src.n)
		}
	})
	t.Run("bad published option", func(t *testing.T) {
		oneErr(t, readString(t, "a.txt", "Some text.", Options{Published: "27/10/2023"}), `published date "27/10/2023" is not a day written YYYY-MM-DD`)
	})
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type repeatReader byte

func (b repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

func gz(t testing.TB, data []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.Bytes()
}

func TestReadGzip(t *testing.T) {
	body := []byte("WASHINGTON (AP) — The Senate passed the bill on Thursday.")
	t.Run("by extension", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "story.txt.gz")
		if err := os.WriteFile(p, gz(t, body), 0o644); err != nil {
			t.Fatal(err)
		}
		a := one(t, readPath(t, p, Options{}))
		if a.Text != "The Senate passed the bill on Thursday." || a.Source != "AP" {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("by magic on stdin", func(t *testing.T) {
		a := one(t, collect(t, func(y func(Article, error) bool) {
			Read(context.Background(), "-", bytes.NewReader(gz(t, body)), Options{}, y)
		}))
		if a.DatelinePlace != "WASHINGTON" {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("bomb of zeros", func(t *testing.T) {
		bomb := gz(t, make([]byte, 8<<20))
		rs := collect(t, func(y func(Article, error) bool) {
			Read(context.Background(), "bomb.gz", bytes.NewReader(bomb), Options{MaxBytes: 1 << 20}, y)
		})
		oneErr(t, rs, "input decompresses to more than the 1 MB limit")
	})
	t.Run("bomb as JSON Lines", func(t *testing.T) {
		bomb := gz(t, make([]byte, 8<<20))
		rs := collect(t, func(y func(Article, error) bool) {
			Read(context.Background(), "bomb.jsonl.gz", bytes.NewReader(bomb), Options{MaxBytes: 1 << 20}, y)
		})
		oneErr(t, rs, "bomb.jsonl.gz:1: binary data, not text")
	})
	t.Run("corrupt", func(t *testing.T) {
		data := gz(t, bytes.Repeat(body, 100))
		data = data[:len(data)/2]
		oneErr(t, collect(t, func(y func(Article, error) bool) {
			Read(context.Background(), "cut.txt.gz", bytes.NewReader(data), Options{}, y)
		}), "corrupt gzip data")
	})
}

func TestReadJSONLines(t *testing.T) {
	rs := readPath(t, "testdata/articles.jsonl", Options{Published: "2024-01-01"})
	if len(rs) != 5 {
		t.Fatalf("want 5 results (2 articles, 3 errors), got %d: %+v", len(rs), rs)
	}
	a := rs[0].a
	if rs[0].err != nil {
		t.Fatalf("line 1: %v", rs[0].err)
	}
	if a.Title != "Dock workers strike in Valmora" || a.Published != "2024-02-07T09:30:00+01:00" || a.Source != "Valmora Herald" {
		t.Errorf("line 1 fields: %+v", a)
	}
	if a.Dateline != "VALMORA —" || a.Text != "Dock workers in the port of Valmora walked off the job on Wednesday.\nThe union said 1,200 members joined the strike." {
		t.Errorf("line 1 dateline %q text %q", a.Dateline, a.Text)
	}
	if a.ID != ID("https://example.com/news/harbour-strike", "") || a.Input != "testdata/articles.jsonl:1" {
		t.Errorf("line 1 ID %s input %s", a.ID, a.Input)
	}
	e := rs[1].err
	if e == nil || e.Line != 2 || !strings.HasPrefix(e.Error(), "testdata/articles.jsonl:2: malformed JSON (") || !strings.HasSuffix(e.Error(), "; fix or remove the line") {
		t.Errorf("line 2: %v", e)
	}
	if e := rs[2].err; e == nil || e.Line != 3 || !strings.Contains(e.Error(), "no text field") {
		t.Errorf("line 3: %v", e)
	}
	b := rs[3].a
	if rs[3].err != nil || b.Title != "Rains flood the lower town" || b.Published != "2024-02-09" || b.Source != "Brisk Courier" || b.Input != "testdata/articles.jsonl:5" {
		t.Errorf("line 5: %+v %v", b, rs[3].err)
	}
	if e := rs[4].err; e == nil || e.Line != 6 || !strings.Contains(e.Error(), "a JSON array, not an article object") {
		t.Errorf("line 6: %v", e)
	}
}

func TestReadJSONLinesErrors(t *testing.T) {
	t.Run("byte offset", func(t *testing.T) {
		rs := readString(t, "news.jsonl", "{\"text\": \"ok text\"}\n{\"text\": \"abc\"\n", Options{})
		if len(rs) != 2 || rs[1].err == nil {
			t.Fatalf("got %+v", rs)
		}
		want := "news.jsonl:2: malformed JSON (unexpected end of input at byte 14); fix or remove the line"
		if rs[1].err.Error() != want || rs[1].err.Byte != 14 {
			t.Errorf("got %q (byte %d), want %q", rs[1].err.Error(), rs[1].err.Byte, want)
		}
	})
	t.Run("line over limit, next line read", func(t *testing.T) {
		long := `{"text": "` + strings.Repeat("x", 5000) + `"}`
		rs := readString(t, "big.jsonl", long+"\n"+`{"text": "A short one."}`+"\n", Options{MaxBytes: 1000})
		if len(rs) != 2 {
			t.Fatalf("got %+v", rs)
		}
		if rs[0].err == nil || rs[0].err.Error() != "big.jsonl:1: line is longer than the 1000 bytes limit; split the article or raise --max-bytes" {
			t.Errorf("line 1: %v", rs[0].err)
		}
		if rs[1].a.Text != "A short one." {
			t.Errorf("line 2: %+v", rs[1])
		}
	})
	t.Run("wrong field type", func(t *testing.T) {
		oneErr(t, readString(t, "t.jsonl", `{"text": 42}`, Options{}), `t.jsonl:1: field "text" is a number; give it as a JSON string`)
	})
	t.Run("bad date", func(t *testing.T) {
		oneErr(t, readString(t, "d.jsonl", `{"text": "Words.", "published": "last Tuesday"}`, Options{}), `field "published": date "last Tuesday" is not in a known format`)
	})
	t.Run("empty", func(t *testing.T) {
		oneErr(t, readString(t, "e.jsonl", "\n\n  \n", Options{}), "e.jsonl: empty input")
	})
	t.Run("html field", func(t *testing.T) {
		page, err := os.ReadFile("testdata/page.html")
		if err != nil {
			t.Fatal(err)
		}
		line := `{"html": ` + jsonQuote(string(page)) + `, "url": "https://example.org/x"}`
		a := one(t, readString(t, "h.jsonl", line, Options{}))
		if a.Title != "Volunteers clear oil from Kessin beaches" || a.URL != "https://example.org/x" || a.Published != "2024-05-12T08:15:00+02:00" {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("stop early", func(t *testing.T) {
		n := 0
		Read(context.Background(), "s.jsonl", strings.NewReader("{\"text\":\"a b\"}\n{\"text\":\"c d\"}\n"), Options{}, func(Article, error) bool {
			n++
			return false
		})
		if n != 1 {
			t.Errorf("yield called %d times after returning false", n)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		rs := collect(t, func(y func(Article, error) bool) {
			Read(ctx, "c.jsonl", strings.NewReader("{\"text\":\"a b\"}\n"), Options{}, y)
		})
		e := oneErr(t, rs, "stopped: context canceled")
		if !errors.Is(e, context.Canceled) {
			t.Errorf("error does not wrap context.Canceled")
		}
	})
}

func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestReadJSONArray(t *testing.T) {
	rs := readPath(t, "testdata/array.json", Options{})
	if len(rs) != 2 || rs[0].err != nil || rs[1].err != nil {
		t.Fatalf("got %+v", rs)
	}
	if rs[0].a.Title != "Library reopens" || rs[0].a.Published != "2023-11-04" || rs[0].a.Input != "testdata/array.json:2" {
		t.Errorf("item 1: %+v", rs[0].a)
	}
	if rs[1].a.Published != "2023-11-05T22:10:00Z" || rs[1].a.Input != "testdata/array.json:3" {
		t.Errorf("item 2: %+v", rs[1].a)
	}
	t.Run("single object", func(t *testing.T) {
		a := one(t, readString(t, "o.json", "{\n  \"title\": \"T\",\n  \"text\": \"Body text.\"\n}\n", Options{}))
		if a.Title != "T" || a.Text != "Body text." {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("syntax error stops with line", func(t *testing.T) {
		rs := readString(t, "bad.json", "[\n{\"text\": \"One.\"},\n{\"text\": oops}\n]", Options{})
		if len(rs) != 2 || rs[0].a.Text != "One." || rs[1].err == nil || rs[1].err.Line != 3 {
			t.Fatalf("got %+v", rs)
		}
		if !strings.Contains(rs[1].err.Error(), "bad.json:3: malformed JSON (invalid character 'o'") {
			t.Errorf("error %q", rs[1].err.Error())
		}
	})
	t.Run("element not an object", func(t *testing.T) {
		rs := readString(t, "n.json", `[1, {"text": "Two."}]`, Options{})
		if len(rs) != 2 || rs[0].err == nil || rs[1].a.Text != "Two." {
			t.Fatalf("got %+v", rs)
		}
	})
}

func TestReadHTML(t *testing.T) {
	a := one(t, readPath(t, "testdata/page.html", Options{}))
	if a.Title != "Volunteers clear oil from Kessin beaches" || a.Source != "The Coastal Post" {
		t.Errorf("title %q source %q", a.Title, a.Source)
	}
	if a.URL != "https://coastalpost.example/environment/kessin-oil-cleanup/" || a.Published != "2024-05-12T08:15:00+02:00" {
		t.Errorf("url %q published %q", a.URL, a.Published)
	}
	if a.DatelinePlace != "KESSIN" {
		t.Errorf("dateline %q", a.Dateline)
	}
	want := "Hundreds of volunteers spent Saturday scraping oil from the beaches of Kessin, three days after a tanker lost part of its cargo off the coast.\n" +
		"The harbour master said about 150 tonnes of crude had leaked from the damaged tanker, and that a second barrier would be laid on Sunday.\n" +
		"“We have never seen anything like this here,” said Jonas Berg, who runs a café on the seafront. “The birds are the worst of it.”\n" +
		"Environmental groups called on the government to ban single-hull ships from the strait."
	if a.Text != want {
		t.Errorf("Text =\n%s\nwant\n%s", a.Text, want)
	}
	if a.ID != ID("https://coastalpost.example/environment/kessin-oil-cleanup", "") {
		t.Errorf("ID does not come from the canonical URL")
	}
	oneErr(t, readPath(t, "testdata/nav.html", Options{}), "testdata/nav.html: no article text found")
}

func TestReadHTMLCharset(t *testing.T) {
	body := strings.Repeat("Der B\xfcrgermeister von M\xfcnchen sprach am Montag vor dem Rathaus. ", 6)
	page := "<html><head><meta charset=\"iso-8859-1\"><title>x</title></head><body><article><p>" + body + "</p></article></body></html>"
	a := one(t, readString(t, "p.htm", page, Options{}))
	if !strings.HasPrefix(a.Text, "Der Bürgermeister von München") {
		t.Errorf("Text = %q", a.Text[:40])
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		in   string
		want string // a field of the article or error to look for
	}{
		{"{\"text\": \"From a JSON line.\"}\n{\"text\": \"Second.\"}\n", "From a JSON line."},
		{"[{\"text\": \"From an array.\"}]", "From an array."},
		{"{\n \"text\": \"From a pretty object.\"\n}", "From a pretty object."},
		{"<!DOCTYPE html><html><body><p>short</p></body></html>", "no article text found"},
		{"Just some words on a line.", "Just some words on a line."},
	}
	for _, c := range cases {
		rs := readString(t, "-", c.in, Options{})
		if len(rs) == 0 {
			t.Errorf("%q: nothing read", c.in)
			continue
		}
		got := rs[0].a.Text
		if rs[0].err != nil {
			got = rs[0].err.Error()
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"b.txt":        "Second story text.",
		"a.txt":        "First story text.",
		".hidden.txt":  "Not read.",
		"sub/c.txt":    "Third story text.",
		"sub/bad.json": "[",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rs := readPath(t, dir, Options{})
	var got []string
	for _, r := range rs {
		if r.err != nil {
			got = append(got, "ERR "+filepath.Base(r.err.Input))
		} else {
			got = append(got, r.a.Text)
		}
	}
	want := "First story text.|Second story text.|ERR bad.json|Third story text."
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestOptionsValidate(t *testing.T) {
	if err := (Options{Published: "2024-02-30"}).Validate(); err == nil {
		t.Error("2024-02-30 accepted")
	}
	if err := (Options{Published: "2024-02-29"}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (Options{Format: "pdf"}).Validate(); err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Errorf("bad format: %v", err)
	}
	if err := (Options{MaxBytes: -1}).Validate(); err == nil {
		t.Error("negative MaxBytes accepted")
	}
}

func TestReadHTMLDivSoup(t *testing.T) {
	// Windows-1252 page, paragraphs split by <br><br>, comments, sharing
	// links and a sidebar around the story, a wrapper whose class says
	// "sidebar" but also "content".
	a := one(t, readPath(t, "testdata/divsoup.html", Options{}))
	want := "Workers at the Hollin paper mill returned on Monday after a two-week strike over pay, the union said.\n" +
		"The company agreed to raise wages by 6 percent this year and 4 percent next year, according to a statement from its head office.\n" +
		"“It is not everything we asked for, but it is a fair deal,” said union steward Priya Nandi, who has worked at the mill for 19 years.\n" +
		"The mill employs about 600 people and is the largest employer in the valley."
	if a.Text != want {
		t.Errorf("Text =\n%s\nwant\n%s", a.Text, want)
	}
	if a.Title != "Mill workers return after strike" || a.Published != "2024-06-18" || a.Dateline != "HOLLIN, England —" {
		t.Errorf("title %q published %q dateline %q", a.Title, a.Published, a.Dateline)
	}
}

func TestReadHTMLMicrodata(t *testing.T) {
	a := one(t, readPath(t, "testdata/microdata.html", Options{}))
	if strings.Contains(a.Text, "newsletter") || strings.Contains(a.Text, "first ferry arrives") {
		t.Errorf("promo or caption kept: %q", a.Text)
	}
	if n := strings.Count(a.Text, "\n"); n != 2 || !strings.HasPrefix(a.Text, "The ferry to Skerra") {
		t.Errorf("Text = %q", a.Text)
	}
	if a.Title != "Ferry service resumes to Skerra" || a.Published != "2024-09-02T06:45:00Z" {
		t.Errorf("title %q published %q", a.Title, a.Published)
	}
}

func TestTrimSiteName(t *testing.T) {
	if got := trimSiteName("Ferry resumes | Island Daily", "island daily"); got != "Ferry resumes" {
		t.Errorf("got %q", got)
	}
	if got := trimSiteName("Biden - Trump debate", "Island Daily"); got != "Biden - Trump debate" {
		t.Errorf("got %q", got)
	}
}

func TestReadJSONWrapper(t *testing.T) {
	in := `{
  "status": "ok",
  "totalResults": 2,
  "articles": [
    {"source": {"id": null, "name": "Harbour Times"}, "title": "Pier reopens", "url": "https://ht.example/pier",
     "publishedAt": "2024-03-01T12:00:00Z", "content": "The old pier reopened to walkers on Friday."},
    {"title": "No content"}
  ]
}`
	rs := readString(t, "api.json", in, Options{})
	if len(rs) != 2 || rs[0].err != nil || rs[1].err == nil {
		t.Fatalf("got %+v", rs)
	}
	a := rs[0].a
	if a.Source != "Harbour Times" || a.Published != "2024-03-01T12:00:00Z" || a.Text != "The old pier reopened to walkers on Friday." || a.Input != "api.json:5" {
		t.Errorf("got %+v", a)
	}
	if rs[1].err.Line != 7 || !strings.Contains(rs[1].err.Error(), "no text field") {
		t.Errorf("second element: %v", rs[1].err)
	}
}

// A plain text that opens with a headline (and a byline) before its
// dateline keeps the headline as its title and in its text, and gets
// the dateline all the same.
func TestReadTextHeadlineBeforeDateline(t *testing.T) {
	in := "Flood warnings issued along the river\n\nBy Jane Roe\n\nTERRE HAUTE, Ind. — The river rose on Tuesday.\n\nVolunteers filled sandbags.\n"
	a := one(t, readString(t, "flood.txt", in, Options{}))
	if a.Dateline != "TERRE HAUTE, Ind. —" || a.DatelinePlace != "TERRE HAUTE, Ind." {
		t.Errorf("dateline %q place %q", a.Dateline, a.DatelinePlace)
	}
	if a.Title != "Flood warnings issued along the river" {
		t.Errorf("Title = %q", a.Title)
	}
	if want := "Flood warnings issued along the river\nBy Jane Roe\nThe river rose on Tuesday.\nVolunteers filled sandbags."; a.Text != want {
		t.Errorf("Text = %q, want %q", a.Text, want)
	}
	// A title the source gave is kept.
	if b := one(t, readString(t, "flood.jsonl", `{"title":"Rivers rise","text":"Flood warnings\nTERRE HAUTE, Ind. — The river rose."}`+"\n", Options{})); b.Title != "Rivers rise" || b.DatelinePlace != "TERRE HAUTE, Ind." {
		t.Errorf("jsonl: title %q place %q", b.Title, b.DatelinePlace)
	}
}

// Inputs read one after the other share a read buffer: each article
// keeps its own text, and a buffer comes back empty.
func TestReadBufferServesTheNextInput(t *testing.T) {
	first := one(t, readString(t, "a.jsonl", `{"title": "Harbour works", "text": "The new pier opened on Monday after two years of work."}`+"\n", Options{}))
	second := one(t, readString(t, "b.txt", "Short note.\n", Options{}))
	if first.Text != "The new pier opened on Monday after two years of work." {
		t.Errorf("first article's text changed to %q", first.Text)
	}
	if second.Text != "Short note." {
		t.Errorf("second article's text %q", second.Text)
	}
	br := takeReadBuffer(strings.NewReader("x"))
	defer giveReadBuffer(br)
	if br.Buffered() != 0 || br.Size() != bufSize {
		t.Errorf("a taken buffer holds %d bytes, size %d", br.Buffered(), br.Size())
	}
}
