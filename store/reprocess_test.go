package store

import (
	"context"
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

func TestReprocess(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	puts := fixture(t)
	// c1 is stored pending (no records), like ingest --no-extract.
	c := article.Article{ID: "c1", Title: "Harbour", Text: "The harbour master said the ferry would run again on Friday.", Published: "2023-10-09", Lang: "en"}
	puts = append(puts, Put{Article: c, Meta: Meta{Status: StatusPending}})
	puts = append(puts, Put{Article: article.Article{ID: "d1", Text: "Le port est fermé.", Lang: "fr"}, Meta: Meta{Status: StatusNotEnglish}})
	if _, err := s.PutBatch(ctx, puts); err != nil {
		t.Fatal(err)
	}
	n, err := s.CountStale(ctx, "test-2", false)
	if err != nil || n != 3 {
		t.Fatalf("stale count = %d, %v; want 3 (two old, one pending, not the French one)", n, err)
	}
	if n, _ := s.CountStale(ctx, "test-1", false); n != 1 {
		t.Errorf("stale for the current version = %d, want only the pending one", n)
	}
	// Paging with the cursor visits each stale article once.
	var seen []string
	after := int64(0)
	for {
		arts, next, err := s.Stale(ctx, "test-2", false, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) == 0 {
			break
		}
		for _, a := range arts {
			seen = append(seen, a.ID)
		}
		after = next
	}
	if strings.Join(seen, ",") != "a1,b1,c1" {
		t.Fatalf("stale = %v", seen)
	}

	// New records for a1: Lavrov is gone, a new entity and quote appear.
	text := puts[0].Article.Text
	res := record.Result{Version: "test-2",
		Entities: []record.Entity{{ID: "e9", Name: "Turkey", Kind: record.KindOrg, Code: "TURGOV",
			Mentions: []record.Mention{{Text: "Turkish", Kind: "name", Evidence: ev(t, "a1", text, "Turkish")}}}},
		Quotes: []record.Quote{{ID: "q9", Kind: record.QuoteIndirect, Content: ev(t, "a1", text, "At least 12 people were killed"), SpeakerName: "regional officials"}},
	}
	empty := record.Result{Version: "test-2"}
	for i := 0; i < 2; i++ { // twice: replacing is idempotent
		if err := s.ReplaceRecords(ctx, []string{"a1", "c1"}, []record.Result{res, empty}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Get(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Result.Version != "test-2" || len(got.Result.Entities) != 1 || got.Result.Entities[0].Name != "Turkey" ||
		len(got.Result.Events) != 0 || len(got.Result.Quotes) != 1 || len(got.Result.Places) != 0 {
		t.Errorf("a1 after reprocess = %+v", got.Result)
	}
	if got.Info.Story == 0 || got.Article.Text != text {
		t.Errorf("the article itself changed: %+v", got.Info)
	}
	if c, _ := s.Get(ctx, "c1"); c.Info.Status != StatusExtracted {
		t.Errorf("c1 status = %q", c.Info.Status)
	}
	// Full text follows the quotes; the article text is still found.
	if got := ids(t, s, KindQuotes, `"ready to talk"`); len(got) != 0 {
		t.Errorf("old quote still matches: %v", got)
	}
	if got := ids(t, s, KindQuotes, `killed speaker:regional`); len(got) != 1 {
		t.Errorf("new quote = %v", got)
	}
	if got := ids(t, s, KindArticles, "grain corridor"); len(got) != 1 {
		t.Errorf("article search = %v", got)
	}
	// Entity totals: Lavrov gone, Turkey counted once despite two runs.
	var lavrov, turkey int
	s.DB().QueryRow(`SELECT count(*) FROM entity_totals WHERE name = 'Sergei Lavrov'`).Scan(&lavrov)
	s.DB().QueryRow(`SELECT articles FROM entity_totals WHERE name = 'Turkey'`).Scan(&turkey)
	if lavrov != 0 || turkey != 1 {
		t.Errorf("entity totals: Lavrov rows %d, Turkey articles %d; want 0, 1", lavrov, turkey)
	}
	var mentions int
	s.DB().QueryRow(`SELECT sum(n_mentions) FROM entities WHERE article = (SELECT rid FROM articles WHERE id = 'a1')`).Scan(&mentions)
	if mentions != 1 {
		t.Errorf("a1 has %d mentions, want 1", mentions)
	}
	if n, _ := s.CountStale(ctx, "test-2", false); n != 1 {
		t.Errorf("stale after = %d, want only b1", n)
	}
	if n, _ := s.CountStale(ctx, "test-2", true); n != 3 {
		t.Errorf("stale with all = %d, want 3", n)
	}
	// Bad input: unknown ID, mismatched lengths.
	if err := s.ReplaceRecords(ctx, []string{"zz"}, []record.Result{empty}); err == nil || !strings.Contains(err.Error(), `"zz"`) {
		t.Errorf("unknown id: %v", err)
	}
	if err := s.ReplaceRecords(ctx, []string{"a1"}, nil); err == nil {
		t.Error("mismatched lengths accepted")
	}
}
