package extract

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"

	"dateline/nlp"
	"dateline/record"
)

var (
	evEngineOnce sync.Once
	evEngine     *nlp.Pipeline
	evEngineErr  error
)

// eventsOf runs the embedded text engine, quotes, times and the event
// coder over text.
func eventsOf(t testing.TB, text, published string) []record.Event {
	t.Helper()
	evEngineOnce.Do(func() { evEngine, evEngineErr = nlp.Default() })
	if evEngineErr != nil {
		t.Fatalf("loading the text engine: %v", evEngineErr)
	}
	doc := evEngine.Annotate(text)
	qs := Quotes(doc, "t")
	return Events(doc, EventInput{ArticleID: "t", Published: published, Quotes: qs, Times: Times(doc, "t", publishedTime(published))})
}

func actorCode(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// TestEventModality runs the sentences of testdata/events-modality.tsv:
// each must yield an event with the listed code (or root), polarity,
// modality and actors, or no event at all.
func TestEventModality(t *testing.T) {
	f, err := os.Open("testdata/events-modality.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, line := 0, 0
	for sc.Scan() {
		line++
		row := sc.Text()
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		c := strings.Split(row, "\t")
		if len(c) != 6 {
			t.Fatalf("line %d: want 6 fields, got %d", line, len(c))
		}
		n++
		evs := eventsOf(t, c[0], "2024-03-01")
		if c[1] == "none" {
			if len(evs) > 0 {
				t.Errorf("line %d %q: want no event, got %s %s→%s", line, c[0], evs[0].CAMEO, actorCode(evs[0].Source), actorCode(evs[0].Target))
			}
			continue
		}
		ok := false
		var got []string
		for _, e := range evs {
			got = append(got, e.CAMEO+" "+e.Polarity+"/"+e.Modality+" "+actorCode(e.Source)+"→"+actorCode(e.Target))
			if !strings.HasPrefix(e.CAMEO, c[1]) || e.Polarity != c[2] {
				continue
			}
			mod := e.Modality
			if mod == record.ModalityReported {
				mod = record.ModalityActual
			}
			if mod != c[3] {
				continue
			}
			if c[4] != "-" && !strings.HasPrefix(actorCode(e.Source), c[4]) {
				continue
			}
			if c[5] != "-" && !strings.HasPrefix(actorCode(e.Target), c[5]) {
				continue
			}
			ok = true
		}
		if !ok {
			t.Errorf("line %d %q: want %s %s/%s %s→%s, got %v", line, c[0], c[1], c[2], c[3], c[4], c[5], got)
		}
	}
	if n < 60 {
		t.Errorf("only %d cases; the suite should have at least 60", n)
	}
}
