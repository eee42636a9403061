package extract

import (
	"dateline/nlp"
	"os"
	"testing"
)

func TestSeedDump(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("QFILE"))
	if err != nil {
		t.Skip("no QFILE")
	}
	for _, q := range Quotes(nlp.NewDoc(string(b)), "x") {
		sp := ""
		if q.Speaker != nil {
			sp = q.Speaker.Text
		}
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		t.Logf("%s %s | cue=%q speaker=%q name=%q via=%v\n   %q", q.Kind, q.Content.Rule, cue, sp, q.SpeakerName, q.Via != nil, q.Content.Text)
	}
}

func TestDebugToks(t *testing.T) {
	s := os.Getenv("QTEXT")
	if s == "" {
		t.Skip()
	}
	d := nlp.NewDoc(s)
	for _, se := range d.Sents {
		t.Logf("SENT %q", d.SpanText(se.Start, se.End))
	}
	for _, q := range Quotes(d, "x") {
		t.Logf("%s %s %q", q.Kind, q.Content.Rule, q.Content.Text)
	}
}
