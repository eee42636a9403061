package store

import (
	"reflect"
	"strings"
	"testing"

	"dateline/record"
)

// renamedCopy returns p's records as a wire copy's: the same records with
// every ID (and every reference to one) renamed, for article id.
func renamedCopy(p Put, id string) Put {
	r := p.Result.Clone()
	to := func(s *string) {
		if *s != "" {
			*s = strings.ToUpper((*s)[:1]) + (*s)[1:] + "-" + id
		}
	}
	for i := range r.Entities {
		to(&r.Entities[i].ID)
	}
	for i := range r.Places {
		to(&r.Places[i].ID)
	}
	for i := range r.Times {
		to(&r.Times[i].ID)
	}
	for i := range r.Quotes {
		to(&r.Quotes[i].ID)
		to(&r.Quotes[i].SpeakerEntity)
	}
	for i := range r.Claims {
		to(&r.Claims[i].ID)
		to(&r.Claims[i].ClaimedByEntity)
		to(&r.Claims[i].PartOf)
	}
	for i := range r.Events {
		e := &r.Events[i]
		to(&e.ID)
		to(&e.Place)
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if a != nil {
				to(&a.Entity)
			}
		}
	}
	r.EachEvidence(func(ev *record.Evidence) { ev.ArticleID = id })
	a := p.Article
	a.ID = id
	a.Text += "\n\n(Republished by outlet 1.)\n"
	return Put{Article: a, Result: r}
}

func TestEncodeFromRenamesIDs(t *testing.T) {
	for _, orig := range fixture(t) {
		orig.Encode()
		from := orig.Encoded()
		// two copies from one Encoded (its ID spots are found once)
		c2 := renamedCopy(orig, "copy2")
		c2.EncodeFrom(from)
		w2 := renamedCopy(orig, "copy2")
		w2.Encode()
		if !reflect.DeepEqual(*c2.encoded, *w2.encoded) {
			t.Errorf("%s: EncodeFrom of a second copy differs from Encode", orig.Article.ID)
		}
		c := renamedCopy(orig, "copy1")
		if !c.encodeFrom(from) {
			t.Fatalf("%s: the copy's JSON was not taken from the original's", orig.Article.ID)
		}
		got := *c.encoded
		want := renamedCopy(orig, "copy1")
		want.Encode()
		if !reflect.DeepEqual(got, *want.encoded) {
			t.Errorf("%s: EncodeFrom gave\n%+v\nEncode gives\n%+v", orig.Article.ID, got, *want.encoded)
		}
		if !strings.Contains(got.quotes[0], `"Q1-copy1"`) && !strings.Contains(got.quotes[0], `"Q2-copy1"`) {
			t.Errorf("%s: quote JSON %s keeps its old ID", orig.Article.ID, got.quotes[0])
		}
		c = renamedCopy(orig, "copy1")
		c.EncodeFrom(from)
		if !reflect.DeepEqual(*c.encoded, *want.encoded) || !reflect.DeepEqual(*c.summary, *want.summary) {
			t.Errorf("%s: EncodeFrom differs from Encode", orig.Article.ID)
		}
	}
}

// A text that reads as an ID must not be renamed: EncodeFrom then
// encodes afresh.
func TestEncodeFromTextLikeAnID(t *testing.T) {
	orig := fixture(t)[0]
	orig.Result.Entities[0].Role = orig.Result.Quotes[0].ID // a role that reads "q1"
	orig.Encode()
	c := renamedCopy(orig, "copy1")
	if c.encodeFrom(orig.Encoded()) {
		t.Fatal("the copy's JSON was taken from the original's although a role reads as a quote's ID")
	}
	c = renamedCopy(orig, "copy1")
	c.EncodeFrom(orig.Encoded())
	want := renamedCopy(orig, "copy1")
	want.Encode()
	if !reflect.DeepEqual(*c.encoded, *want.encoded) {
		t.Errorf("EncodeFrom differs from Encode")
	}
	if !strings.Contains(c.encoded.entities[0], `"role":"q1"`) {
		t.Errorf("entity JSON %s lost its role", c.encoded.entities[0])
	}
}

// Records that do not line up with the original's are encoded afresh.
func TestEncodeFromOtherRecords(t *testing.T) {
	puts := fixture(t)
	puts[0].Encode()
	c := renamedCopy(puts[1], "copy1")
	c.EncodeFrom(puts[0].Encoded())
	want := renamedCopy(puts[1], "copy1")
	want.Encode()
	if !reflect.DeepEqual(*c.encoded, *want.encoded) {
		t.Errorf("EncodeFrom of unrelated records differs from Encode")
	}
	c = renamedCopy(puts[0], "copy1")
	c.Result.Quotes[0].SpeakerEntity = "" // a reference the original had, gone
	c.EncodeFrom(puts[0].Encoded())
	want = renamedCopy(puts[0], "copy1")
	want.Result.Quotes[0].SpeakerEntity = ""
	want.Encode()
	if !reflect.DeepEqual(*c.encoded, *want.encoded) {
		t.Errorf("EncodeFrom with a reference dropped differs from Encode")
	}
}

// Quotation marks and backslashes escaped inside a text are part of it:
// an ID quoted inside a text is not an ID field, and the JSON is still
// taken from the original's.
func TestEncodeFromEscapes(t *testing.T) {
	orig := fixture(t)[0]
	orig.Result.Entities[0].Role = `says "q1" and \` // "q1" is the quote's ID
	orig.Encode()
	if !strings.Contains(orig.encoded.entities[0], `"role":"says \"q1\" and \\"`) {
		t.Fatalf("the fixture's JSON is not what the test needs: %s", orig.encoded.entities[0])
	}
	c := renamedCopy(orig, "copy1")
	if !c.encodeFrom(orig.Encoded()) {
		t.Fatal("the copy's JSON was not taken from the original's")
	}
	want := renamedCopy(orig, "copy1")
	want.Encode()
	if !reflect.DeepEqual(*c.encoded, *want.encoded) {
		t.Errorf("EncodeFrom gave\n%+v\nEncode gives\n%+v", *c.encoded, *want.encoded)
	}
}
