package article

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"unicode/utf8"
)

// checkRead runs Read on data as the named input and checks the
// invariants every reader keeps whatever the input: no panic, every error
// an *InputError with a one-line message, every article with non-empty
// valid UTF-8 text and a 16-digit ID.
func checkRead(t *testing.T, name string, data []byte) {
	Read(context.Background(), name, bytes.NewReader(data), Options{MaxBytes: 1 << 16}, func(a Article, err error) bool {
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T is not an *InputError: %v", err, err)
			}
			if msg := err.Error(); bytes.ContainsAny([]byte(msg), "\n\r") {
				t.Fatalf("error message spans lines: %q", msg)
			}
			return true
		}
		if a.Text == "" {
			t.Fatalf("article with empty text: %+v", a)
		}
		for field, s := range map[string]string{"Text": a.Text, "Title": a.Title, "Source": a.Source, "Dateline": a.Dateline, "URL": a.URL} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", field, s)
			}
		}
		if len(a.ID) != 16 {
			t.Fatalf("ID %q is not 16 hex digits", a.ID)
		}
		if a.Text != NormalizeText(a.Text) {
			t.Fatalf("Text is not normalised: %q", a.Text)
		}
		return true
	})
}

// addFiles seeds a fuzz corpus with files from testdata.
func addFiles(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile("testdata/" + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzReadJSONL(f *testing.F) {
	addFiles(f, "articles.jsonl")
	f.Add([]byte(`{"text": "LONDON — Rain.", "published": "1698415500"}`))
	f.Add([]byte("{\"html\": \"<p>x</p>\"}\n\n{\"text\": null}\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.jsonl", data) })
}

func FuzzReadHTML(f *testing.F) {
	addFiles(f, "page.html", "nav.html")
	f.Add([]byte(`<html><meta charset="shift_jis"><article><p>` + "\x82\xa0" + `</p></article></html>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.html", data) })
}

func FuzzReadText(f *testing.F) {
	addFiles(f, "wire.txt", "plain.md")
	f.Add([]byte("MOSCOW\nA visit."))
	f.Add([]byte("\xff\xfeM\x00O\x00"))
	f.Add([]byte("NEW YORK (CNN)The mayor."))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.txt", data)
		checkRead(t, "-", data) // sniffed: any format
	})
}
