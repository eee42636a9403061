package extract

import (
	"reflect"
	"sync"
	"testing"
	"unicode/utf8"

	"dateline/article"
	"dateline/record"
)

var (
	fuzzPipeOnce sync.Once
	fuzzPipe     *Pipeline
	fuzzPipeErr  error
)

// FuzzExtract runs the whole pipeline (text engine and every extractor) on
// arbitrary text and checks what must hold for any input: no panic, and
// every piece of evidence inside the text, on character boundaries, quoting
// the bytes it points at.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"MOSCOW, Oct 26 (Reuters) - Kremlin spokesman Dmitry Peskov said on Thursday that \"talks will go on.\"",
		"At least 12 people were killed, including 3 children, officials said. Hamas denied it.",
		"“Nobody expects a treaty,” she told reporters in Geneva last week.",
		"According to the ministry, 2.3 million people — about half — have fled since Oct. 7, 2023.",
		"\"\"\"", "''", "—", "1,", "a\u00a0b\u200bc", "Ünïcödé — 東京 — القاهرة said:",
		"He said that she said that they said.", "(((", "12-15", "the the the the",
	} {
		f.Add(s)
	}
	// Load the models before the first input: each input has ten seconds
	// before the fuzzer calls its worker hung, and loading them inside
	// it, in a coverage-instrumented binary on a busy host, took longer.
	fuzzPipeOnce.Do(func() { fuzzPipe, fuzzPipeErr = NewPipeline(Options{}) })
	if fuzzPipeErr != nil {
		f.Fatal(fuzzPipeErr)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 4000 {
			return // readers hand the pipeline valid UTF-8 of bounded size
		}
		_, res := fuzzPipe.Extract(article.Article{ID: "f", Text: text, Published: "2024-03-08", DatelinePlace: "GENEVA"})
		checkEvidence(t, text, reflect.ValueOf(res))
	})
}

var evidenceType = reflect.TypeOf(record.Evidence{})

// checkEvidence walks v and checks every Evidence it holds against text.
func checkEvidence(t *testing.T, text string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkEvidence(t, text, v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			checkEvidence(t, text, v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == evidenceType {
			ev := v.Interface().(record.Evidence)
			if ev.Rule == "dateline" {
				return // names the dateline, which is not in the text
			}
			if ev.Start < 0 || ev.End < ev.Start || ev.End > len(text) {
				t.Fatalf("evidence %+v outside the text (%d bytes)", ev, len(text))
			}
			if !utf8.RuneStart(byteAt(text, ev.Start)) || !utf8.RuneStart(byteAt(text, ev.End)) {
				t.Fatalf("evidence %+v cuts a character", ev)
			}
			if ev.Text != "" && ev.Text != text[ev.Start:ev.End] {
				t.Fatalf("evidence text %q, but the span holds %q", ev.Text, text[ev.Start:ev.End])
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				checkEvidence(t, text, v.Field(i))
			}
		}
	}
}

// byteAt is text[i], or a rune-starting byte at the end of the text.
func byteAt(text string, i int) byte {
	if i >= len(text) {
		return 'x'
	}
	return text[i]
}
