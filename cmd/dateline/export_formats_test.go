package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"dateline/article"
	"dateline/export"
	"dateline/record"
	"dateline/store"
)

// exportDB stores three articles: two copies of one wire story (same
// event, same day) from two outlets, and an unrelated one.
func exportDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "x.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	wire := "Rebels shelled the river port of Tarvel on Monday, killing at least 14 people, the regional governor said. " +
		"\"The attack came at dawn,\" the governor told reporters, adding that rescue teams were still searching the ruins."
	other := "The central bank raised its main interest rate by half a point on Tuesday, saying inflation was still too high."
	put := func(id, source, text string, withEvent bool) store.Put {
		a := article.Article{ID: id, URL: "https://" + strings.ToLower(strings.ReplaceAll(source, " ", "")) + ".example/" + id,
			Source: source, Title: "Story " + id, Text: text, Published: "2023-10-02", Lang: "en"}
		res := record.Result{Version: "test"}
		if withEvent {
			i := strings.Index(text, "shelled")
			k := strings.Index(text, "at least 14 people")
			q := strings.Index(text, "The attack came at dawn,")
			res.Events = []record.Event{{ID: id + "-v", Source: &record.Actor{Name: "Rebels", Code: "REB"}, Target: &record.Actor{Name: "Tarvel", Code: "XYZ"},
				CAMEO: "190", Plover: "ASSAULT", Goldstein: -10, QuadClass: 4, Action: record.Evidence{ArticleID: id, Start: i, End: i + 7},
				Polarity: record.PolarityAsserted, Modality: record.ModalityActual}}
			low := 14.0
			res.Claims = []record.Claim{{ID: id + "-c", Value: 14, Low: &low, Qualifier: record.QualAtLeast, Counted: "killed", Unit: "people",
				ClaimedBy: "the regional governor", Evidence: record.Evidence{ArticleID: id, Start: k, End: k + 18}}}
			res.Quotes = []record.Quote{{ID: id + "-q", Kind: record.QuoteDirect, SpeakerName: "the governor",
				Content: record.Evidence{ArticleID: id, Start: q, End: q + 24}}}
			res.Entities = []record.Entity{{ID: id + "-e", Name: "Rebels", Kind: record.KindGroup, Code: "REB"}}
		}
		return store.Put{Article: a, Result: res, Meta: store.Meta{SimHash: article.SimHash(text), HasSimHash: true}}
	}
	if _, err := st.PutBatch(context.Background(), []store.Put{put("w1", "Daily One", wire, true), put("w2", "Evening Two", wire+" ", true),
		put("o1", "Money Times", other, false)}); err != nil {
		t.Fatal(err)
	}
	return db
}

func runExport(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newExportCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

func TestExportParquet(t *testing.T) {
	db := exportDB(t)
	out, err := runExport(t, "--db", db, "--format", "parquet")
	if err != nil {
		t.Fatal(err)
	}
	evs, err := parquet.Read[parquetEvent](bytes.NewReader([]byte(out)), int64(len(out)))
	if err != nil {
		t.Fatalf("reading back: %v", err)
	}
	if len(evs) != 2 {
		t.Fatalf("%d event rows, want 2", len(evs))
	}
	e := evs[0]
	if e.CAMEO != "190" || e.SourceCode != "REB" || e.EvidenceText != "shelled" || e.NumArticles != 2 || e.Published != "2023-10-02" {
		t.Errorf("event row = %+v", e)
	}
	out, err = runExport(t, "--db", db, "--format", "parquet", "--kind", "claims", "counted:killed")
	if err != nil {
		t.Fatal(err)
	}
	cls, err := parquet.Read[parquetClaim](bytes.NewReader([]byte(out)), int64(len(out)))
	if err != nil || len(cls) != 2 || cls[0].Low == nil || *cls[0].Low != 14 || cls[0].High != nil || cls[0].EvidenceText != "at least 14 people" {
		t.Fatalf("claims = %+v, %v", cls, err)
	}
	out, err = runExport(t, "--db", db, "--format", "parquet", "--kind", "articles", "inflation")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := parquet.Read[parquetArticle](bytes.NewReader([]byte(out)), int64(len(out)))
	if err != nil || len(arts) != 1 || !strings.Contains(arts[0].Text, "central bank") || arts[0].Source != "Money Times" {
		t.Fatalf("articles = %+v, %v", arts, err)
	}
	for _, kind := range []string{"quotes", "entities"} {
		out, err = runExport(t, "--db", db, "--format", "parquet", "--kind", kind)
		if err != nil || !strings.HasPrefix(out, "PAR1") || !strings.HasSuffix(out, "PAR1") {
			t.Errorf("%s: not a Parquet file (%v)", kind, err)
		}
	}
	// An empty result is still a valid file.
	out, err = runExport(t, "--db", db, "--format", "parquet", "nomatchword")
	if err != nil {
		t.Fatal(err)
	}
	if evs, err := parquet.Read[parquetEvent](bytes.NewReader([]byte(out)), int64(len(out))); err != nil || len(evs) != 0 {
		t.Errorf("empty export: %d rows, %v", len(evs), err)
	}
}

func TestExportGDELT(t *testing.T) {
	db := exportDB(t)
	out, err := runExport(t, "--db", db, "--format", "gdelt-events")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d event lines, want 1 merged event:\n%s", len(lines), out)
	}
	cols := strings.Split(lines[0], "\t")
	if len(cols) != 61 {
		t.Fatalf("%d columns, want 61", len(cols))
	}
	col := func(name string) string {
		for i, c := range exportGDELTColumns() {
			if c == name {
				return cols[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	// Two copies of one story: two articles and mentions, one source.
	if col("EventCode") != "190" || col("NumArticles") != "2" || col("NumMentions") != "2" || col("NumSources") != "1" || col("SQLDATE") != "20231002" {
		t.Errorf("event line: code %s articles %s mentions %s sources %s date %s", col("EventCode"), col("NumArticles"),
			col("NumMentions"), col("NumSources"), col("SQLDATE"))
	}
	out, err = runExport(t, "--db", db, "--format", "gdelt-mentions")
	if err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 || len(strings.Split(lines[0], "\t")) != 16 {
		t.Errorf("mentions:\n%s", out)
	}
	// Filters select events; nothing matches cameo:04.
	if out, err = runExport(t, "--db", db, "--format", "gdelt-events", "cameo:04"); err != nil || out != "" {
		t.Errorf("filtered export = %q, %v", out, err)
	}
	if _, err = runExport(t, "--db", db, "--format", "gdelt-events", "--kind", "quotes"); err == nil || !strings.Contains(err.Error(), "exports events") {
		t.Errorf("gdelt with --kind quotes: %v", err)
	}
	if _, err = runExport(t, "--db", db, "--format", "xml"); err == nil || !strings.Contains(err.Error(), "parquet") {
		t.Errorf("unknown format: %v", err)
	}
}

func exportGDELTColumns() []string { return export.GDELTEventColumns }
