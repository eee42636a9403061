package extract

import (
	"os"
	"testing"
	"time"

	"dateline/nlp"
)

func TestClaimsDump(t *testing.T) {
	s := os.Getenv("CTEXT")
	if f := os.Getenv("QFILE"); f != "" {
		b, _ := os.ReadFile(f)
		s = string(b)
	}
	if s == "" {
		t.Skip()
	}
	d := nlp.NewDoc(s)
	for _, c := range Claims(d, "x", Quotes(d, "x")) {
		t.Logf("%v %v-%v %s %s unit=%q of=%q by=%q part=%v cons=%q | %q", c.Value, c.Low, c.High, c.Qualifier, c.Counted, c.Unit, c.Of, c.ClaimedBy, c.PartOf != "", c.Consistency, c.Evidence.Text)
	}
}

func TestTimesDump(t *testing.T) {
	f := os.Getenv("QFILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	pub, _ := time.Parse("2006-01-02", "2023-10-27")
	for _, x := range Times(nlp.NewDoc(string(b)), "x", pub) {
		t.Logf("%q %s..%s %s rel=%v %s", x.Text, x.From, x.To, x.Precision, x.Relative, x.Evidence.Rule)
	}
}
