package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"dateline/nlp"
)

func TestQuotesDev(t *testing.T) {
	dir := os.Getenv("POLNEAR")
	if dir == "" {
		t.Skip("POLNEAR not set")
	}
	gold, err := LoadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Quotes(context.Background(), gold, nlp.NewDoc, true)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteQuotesTable(&b, r)
	for _, e := range r.Errors {
		b.WriteString(e + "\n")
	}
	os.WriteFile("/tmp/qdev.txt", []byte(b.String()), 0o644)
}
