package extract

import (
	"testing"

	"dateline/record"
)

// Tests from the fifteenth session's read-by-hand round: texts written
// for the purpose.

// TestConvertedAmountKeepsQualifier: an amount in brackets converting an
// estimate is an estimate too; a converted exact amount stays exact.
func TestConvertedAmountKeepsQualifier(t *testing.T) {
	cs := claimsIn(t, "The fund holds about 90 billion euros ($97 billion) in frozen assets.")
	if len(cs) != 2 {
		t.Fatalf("claims %+v, want two", cs)
	}
	for _, c := range cs {
		if c.Qualifier != record.QualAbout {
			t.Errorf("%q: qualifier %s, want about", c.Evidence.Text, c.Qualifier)
		}
	}
	cs = claimsIn(t, "The fund paid 90 million euros ($97 million) to the families.")
	for _, c := range cs {
		if c.Qualifier != record.QualExact {
			t.Errorf("%q: qualifier %s, want exact", c.Evidence.Text, c.Qualifier)
		}
	}
}

// TestCountedVerbAfterBrackets: the verb that says what befell the people
// counted may follow a bracketed aside.
func TestCountedVerbAfterBrackets(t *testing.T) {
	cs := claimsIn(t, "Nearly 3,000 residents (about a third of the town) fled after the dam failed.")
	if len(cs) == 0 {
		t.Fatal("no claim")
	}
	if cs[0].Counted != "displaced" {
		t.Errorf("%q counted %s, want displaced", cs[0].Evidence.Text, cs[0].Counted)
	}
}
