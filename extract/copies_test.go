package extract

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"dateline/article"
	"dateline/record"
)

// copyStory is a wire story of our own making: names, a quote, a claim,
// an event, a time and places, so that every kind of record is reused.
const copyStory = `Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to discuss the drought.
"We will not let our people starve," Ruto told reporters after the meeting.
The United Nations said at least 4.2 million people need food aid in the region, including 1.1 million children.
Abiy Ahmed accused the rebels of blocking aid convoys near the border, and the two leaders agreed to open a new corridor by the end of June.
Officials in Addis Ababa said the talks would resume next month.`

func copyPipeline(t *testing.T) *Pipeline {
	t.Helper()
	p, err := NewPipeline(Options{SentenceCache: 1000, CopyCache: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	freshOnce sync.Once
	freshPipe *Pipeline
	freshErr  error
)

// fresh extracts a without any cache.
func fresh(t *testing.T, a article.Article) record.Result {
	t.Helper()
	freshOnce.Do(func() { freshPipe, freshErr = NewPipeline(Options{}) })
	if freshErr != nil {
		t.Fatal(freshErr)
	}
	_, r := freshPipe.Extract(a)
	return r
}

func TestCopyTakesTheRecordsExtractionWouldGive(t *testing.T) {
	orig := article.Article{ID: "orig", Text: copyStory, Published: "2024-03-05"}
	for _, tc := range []struct{ name, text string }{
		{"closing line", copyStory + "\n\nDistributed under licence; all rights reserved."},
		{"opening line", "Distributed under licence.\n" + copyStory},
		{"both", "Republished with permission.\n\n" + copyStory + "\nDistributed under licence."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := copyPipeline(t)
			first := p.Records(orig)
			if len(first.Quotes) == 0 || len(first.Events) == 0 || len(first.Claims) == 0 || len(first.Entities) == 0 {
				t.Fatalf("the story should give every kind of record: %d quotes, %d events, %d claims, %d entities",
					len(first.Quotes), len(first.Events), len(first.Claims), len(first.Entities))
			}
			cp := article.Article{ID: "copy", Text: tc.text, Published: "2024-03-05"}
			got := p.Records(cp)
			if reused, _ := p.CopyStats(); reused != 1 {
				t.Fatalf("reused %d copies, want 1", reused)
			}
			want := fresh(t, cp)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("reused records differ from a fresh extraction in %s", firstDifference(&got, &want))
			}
			// evidence points into the copy's text, under the copy's ID
			got.EachEvidence(func(ev *record.Evidence) {
				if ev.ArticleID != "copy" || cp.Text[ev.Start:ev.End] != ev.Text && ev.Text != "" {
					t.Errorf("evidence %+v does not point into the copy", *ev)
				}
			})
			if got.Quotes[0].ID == first.Quotes[0].ID {
				t.Errorf("the copy's quote kept the original's ID %s", first.Quotes[0].ID)
			}
			// the cached records were not changed by the reuse
			if again := fresh(t, orig); !reflect.DeepEqual(first, again) {
				t.Errorf("the original's records changed after the copy: %s", firstDifference(&first, &again))
			}
		})
	}
}

func TestCopyOfACopyAndTheOriginalAfterIt(t *testing.T) {
	p := copyPipeline(t)
	a := article.Article{ID: "c1", Text: copyStory + "\nDistributed under licence by one outlet.", Published: "2024-03-05"}
	b := article.Article{ID: "c2", Text: copyStory + "\nDistributed under licence by another outlet.", Published: "2024-03-05"}
	o := article.Article{ID: "o", Text: copyStory, Published: "2024-03-05"}
	p.Records(a)
	for i, x := range []article.Article{b, o} {
		got := p.Records(x)
		if reused, _ := p.CopyStats(); reused != int64(i+1) {
			t.Fatalf("%s: reused %d, want %d", x.ID, reused, i+1)
		}
		if want := fresh(t, x); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: reused records differ from a fresh extraction in %s", x.ID, firstDifference(&got, &want))
		}
	}
}

func TestCopyNotReused(t *testing.T) {
	edited := strings.Replace(copyStory, "on Tuesday", "on Wednesday", 1)
	for _, tc := range []struct{ name, text, published string }{
		{"a line that names someone", copyStory + "\nReporting by Jane Mwangi; editing by Tom Hale.", "2024-03-05"},
		{"a line with a pronoun", copyStory + "\nHe left later.", "2024-03-05"},
		{"a line with a claim", copyStory + "\nAnother 300 people were killed.", "2024-03-05"},
		{"a line with a quotation mark", copyStory + "\n\" more to come", "2024-03-05"},
		{"an edited sentence", edited, "2024-03-05"},
		{"another date", copyStory + "\nDistributed under licence.", "2024-03-06"},
		{"added in mid-line", copyStory + " Distributed under licence.", "2024-03-05"},
		{"too much added", copyStory + "\n" + strings.Repeat("Distributed under licence. ", 60), "2024-03-05"},
		{"empty", "", "2024-03-05"},
		{"junk", "\x00\x01\x02\xff\xfe", "2024-03-05"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := copyPipeline(t)
			p.Records(article.Article{ID: "orig", Text: copyStory, Published: "2024-03-05"})
			cp := article.Article{ID: "copy", Text: tc.text, Published: tc.published}
			got := p.Records(cp)
			if reused, _ := p.CopyStats(); reused != 0 {
				t.Fatalf("reused the original's records for %q", tc.name)
			}
			if want := fresh(t, cp); !reflect.DeepEqual(got, want) {
				t.Fatalf("records differ from a fresh extraction in %s", firstDifference(&got, &want))
			}
		})
	}
}

func TestCopyCacheEvicts(t *testing.T) {
	p, err := NewPipeline(Options{CopyCache: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		text := strings.Replace(copyStory, "Tuesday", []string{"Monday", "Tuesday", "Friday"}[i%3], 1) + strings.Repeat("\nThe drought goes on.", i)
		p.Records(article.Article{ID: "a", Text: text, Published: "2024-03-05"})
	}
	c := p.copies
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.size > c.max {
		t.Errorf("cache holds %d bytes, more than its %d", c.size, c.max)
	}
	n := 0
	for _, l := range c.byHead {
		n += len(l)
	}
	if n != len(c.fifo) || n == 0 || n == 40 {
		t.Errorf("index holds %d entries, queue %d (of 40 added)", n, len(c.fifo))
	}
}

func TestCheckCopiesCountsNoDifferenceOnAnExactCopy(t *testing.T) {
	p, err := NewPipeline(Options{CopyCache: 1 << 20, CheckCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	p.Records(article.Article{ID: "o", Text: copyStory})
	p.Records(article.Article{ID: "c", Text: copyStory + "\nDistributed under licence."})
	if reused, differing := p.CopyStats(); reused != 1 || differing != 0 {
		t.Errorf("reused %d, differing %d; want 1 and 0", reused, differing)
	}
}

func TestFinalIDsFollowReferences(t *testing.T) {
	r := fresh(t, article.Article{ID: "x", Text: copyStory, Published: "2024-03-05"})
	ids := map[string]bool{}
	for _, e := range r.Entities {
		ids[e.ID] = true
	}
	for _, pl := range r.Places {
		ids[pl.ID] = true
	}
	for _, c := range r.Claims {
		ids[c.ID] = true
	}
	check := func(what, id string) {
		if id != "" && !ids[id] {
			t.Errorf("%s points at %s, which no record has", what, id)
		}
	}
	for _, q := range r.Quotes {
		check("quote speaker", q.SpeakerEntity)
	}
	for _, c := range r.Claims {
		check("claimant", c.ClaimedByEntity)
		check("part of", c.PartOf)
	}
	for _, e := range r.Events {
		check("event place", e.Place)
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if a != nil {
				check("actor", a.Entity)
			}
		}
	}
}

// A copy of an article with a dateline is reused too: the dateline's own
// place record, which any part extracted with the dateline gets, does not
// make the copy's added line look active.
func TestCopyWithDatelineReused(t *testing.T) {
	orig := article.Article{ID: "orig", Text: copyStory, Published: "2024-03-05", DatelinePlace: "DALLAS"}
	cp := article.Article{ID: "copy", Text: copyStory + "\n\n(Republished by outlet 3.)", Published: "2024-03-05", DatelinePlace: "DALLAS"}
	p := copyPipeline(t)
	p.Records(orig)
	got := p.Records(cp)
	if reused, _ := p.CopyStats(); reused != 1 {
		t.Fatalf("reused %d copies, want 1", reused)
	}
	if want := fresh(t, cp); !reflect.DeepEqual(got, want) {
		t.Fatalf("reused records differ from a fresh extraction in %s", firstDifference(&got, &want))
	}
}

// RecordsShared links a copy's records to the article they were taken
// from: what was kept with the original comes back for a copy that adds
// lines after it (its records are the original's, renamed), not for one
// that adds a line before it (every offset moved), nor for the original
// itself.
func TestRecordsSharedKeepsForRenamedCopies(t *testing.T) {
	p := copyPipeline(t)
	orig := article.Article{ID: "orig", Text: copyStory, Published: "2024-03-05"}
	r, sh := p.RecordsShared(orig)
	if sh == nil {
		t.Fatal("the original was not cached")
	}
	if sh.Kept() != nil {
		t.Error("an original has something kept before Keep")
	}
	sh.Keep(&r)
	after := article.Article{ID: "after", Text: copyStory + "\n\nDistributed under licence.", Published: "2024-03-05"}
	got, csh := p.RecordsShared(after)
	if k, ok := csh.Kept().(*record.Result); !ok || k != &r {
		t.Fatalf("a copy with a closing line got %v kept, want the original's", csh.Kept())
	}
	csh.Keep("something else") // a copy keeps nothing
	if k := csh.Kept(); k != &r {
		t.Errorf("Keep on a copy replaced what the original kept")
	}
	if len(got.Quotes) != len(r.Quotes) || got.Quotes[0].Content != func() record.Evidence {
		ev := r.Quotes[0].Content
		ev.ArticleID = "after"
		return ev
	}() || got.Quotes[0].ID == r.Quotes[0].ID {
		t.Errorf("the copy's records are not the original's renamed: %+v", got.Quotes)
	}
	before := article.Article{ID: "before", Text: "Distributed under licence.\n" + copyStory, Published: "2024-03-05"}
	if _, bsh := p.RecordsShared(before); bsh == nil || bsh.Kept() != nil {
		t.Errorf("a copy with an opening line got %v kept (shared %v), want nothing", bsh.Kept(), bsh)
	}
	if reused, _ := p.CopyStats(); reused != 2 {
		t.Errorf("reused %d copies, want 2", reused)
	}
}
