package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"dateline/store"
)

// cacheTestArticles are short news stories of our own; with the first
// articles of polnear-train when ../shared is present.
var cacheTestArticles = []string{
	`GENEVA, March 8 - Delegations from Armenia and Azerbaijan held two days of talks in Geneva on Thursday, the Swiss Foreign Ministry said, the first direct meeting since clashes along the border killed at least 14 soldiers last month.
"Both sides agreed to keep talking, and that alone is progress," ministry spokeswoman Anna Keller told reporters on Friday.
Armenian Foreign Minister Ararat Mirzoyan said the talks focused on the return of prisoners. Keller said a second round could follow in April.
The European Union pledged 5 million euros in humanitarian aid for the displaced families, a European Commission statement said.`,
	`NAIROBI, June 2 - Kenyan police fired tear gas at protesters in Nairobi on Tuesday as thousands marched against a proposed tax increase, witnesses said.
"We cannot afford bread any more," said Mary Wanjiru, a teacher who joined the march. Interior Minister Kithure Kindiki accused opposition leaders of paying young men to riot.
At least 23 people were arrested, police spokeswoman Resila Onyango said. Parliament is due to vote on the bill next week.`,
	`BRASILIA, Oct 14 - Brazil's central bank raised its benchmark interest rate by 50 basis points to 11.25 percent on Wednesday, citing inflation that has run above target for six months.
Central bank president Roberto Campos Neto told lawmakers the bank would "do whatever is necessary" to bring prices under control. Finance Minister Fernando Haddad criticised the decision.
Analysts at Itau expect two more increases before March.`,
}

// writeCacheTestInputs writes the articles and, for each, near-copies: a
// wire copy with a closing line of its own, one with a person renamed
// throughout, one with its opening paragraph dropped, and one with a
// capitals-only headline. Returns the folder.
func writeCacheTestInputs(t *testing.T) string {
	t.Helper()
	texts := append([]string{}, cacheTestArticles...)
	if shared := sharedDir(); shared != "" {
		dir := filepath.Join(shared, "corpus", "bench", "polnear-train")
		if es, err := os.ReadDir(dir); err == nil {
			for _, e := range es[:min(len(es), 6)] {
				if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
					texts = append(texts, string(b))
				}
			}
		}
	}
	dir := t.TempDir()
	n := 0
	write := func(text string) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", n)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	for _, text := range texts {
		write(text)
		write(text + "\n\n(Distributed by a partner agency.)\n")
		lines := strings.Split(text, "\n")
		if f := strings.Fields(lines[min(1, len(lines)-1)]); len(f) > 3 {
			// rename a capitalised word of the second paragraph everywhere
			for _, w := range f {
				w = strings.Trim(w, `",.'`)
				if len(w) > 3 && w[0] >= 'A' && w[0] <= 'Z' {
					write(strings.ReplaceAll(text, w, "Okonkwo"))
					break
				}
			}
		}
		if len(lines) > 2 {
			write(strings.Join(lines[1:], "\n"))
		}
		write(strings.ToUpper(strings.SplitN(lines[0], " - ", 2)[0]) + " REPORT\n" + text)
	}
	return dir
}

// dumpDB returns every row of every table of the database, in rowid
// order, with the ingestion timestamp blanked.
func dumpDB(t *testing.T, path string) map[string][]string {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	out := map[string][]string{}
	for _, tb := range tables {
		// The full-text index's own tables (segments, their origins)
		// depend on when batches were committed; what the index finds
		// is compared below.
		if strings.Contains(tb, "_fts_") || strings.HasPrefix(tb, "sqlite_") {
			continue
		}
		out[tb] = queryRows(t, db, `SELECT * FROM "`+tb+`"`)
	}
	for _, w := range []string{"said", "minister", "police", "the", "talks"} {
		out["articles_fts "+w] = queryRows(t, db, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH '`+w+`' ORDER BY rowid`)
		out["quotes_fts "+w] = queryRows(t, db, `SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH '`+w+`' ORDER BY rowid`)
	}
	return out
}

func queryRows(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, c := range cols {
			v := vals[i]
			if c == "ingested_at" {
				v = "-"
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			if f, ok := v.(float64); ok {
				// summary sums (Goldstein) are added per batch, and
				// where a batch ends depends on timing
				v = fmt.Sprintf("%.9g", f)
			}
			fmt.Fprintf(&b, "%s=%v|", c, v)
		}
		out = append(out, b.String())
	}
	return out
}

// TestIngestCachesSameRecords ingests articles and their near-copies with
// the sentence and entity caches and without them, and checks that the
// databases hold the same rows: the caches change speed, never output.
func TestIngestCachesSameRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full text engine")
	}
	in := writeCacheTestInputs(t)
	// cache > 0 turns on the sentence cache and the copy cache too
	ingest := func(cache, workers int) string {
		db := filepath.Join(t.TempDir(), "t.db")
		o := ingestOptions{db: db, srcs: []string{in}, workers: workers, batch: 4, quiet: true, published: "2026-03-08"}
		o.know.SentenceCache = cache
		if cache > 0 {
			o.know.CopyCache = 1 << 20
		}
		sum, stderr, err := runIngestJSON(t, o)
		if err != nil || len(sum.Failed) > 0 {
			t.Fatalf("ingest: %v; %+v; %s", err, sum.Failed, stderr)
		}
		if cache > 0 && sum.SentencesReused == 0 {
			t.Errorf("cache %d: no sentence reused", cache)
		}
		if cache > 0 && workers == 1 && sum.CopiesReused == 0 {
			t.Errorf("no wire copy took an earlier copy's records")
		}
		return db
	}
	plain, cached := ingest(0, 1), ingest(1000, 1)
	want, got := dumpDB(t, plain), dumpDB(t, cached)
	if len(want["articles"]) < 15 || len(want["entities"]) == 0 || len(want["quotes"]) == 0 {
		t.Fatalf("too little stored to compare: %d articles, %d entities, %d quotes",
			len(want["articles"]), len(want["entities"]), len(want["quotes"]))
	}
	for tb, rows := range want {
		if !reflect.DeepEqual(got[tb], rows) {
			for i := range max(len(rows), len(got[tb])) {
				var w, g string
				if i < len(rows) {
					w = rows[i]
				}
				if i < len(got[tb]) {
					g = got[tb][i]
				}
				if w != g {
					t.Errorf("table %s row %d differs with the caches:\n got %s\nwant %s", tb, i, g, w)
					break
				}
			}
		}
	}

	// Two workers store in another order; each article's records are
	// still the same.
	par := ingest(1000, 2)
	records := func(path string) map[string]string {
		st, err := store.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ids := queryRows(t, st.DB(), `SELECT id FROM articles`)
		out := map[string]string{}
		for _, row := range ids {
			id := strings.TrimSuffix(strings.TrimPrefix(row, "id="), "|")
			a, err := st.Get(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(a.Result)
			if err != nil {
				t.Fatal(err)
			}
			out[id] = string(b)
		}
		return out
	}
	w2, g2 := records(plain), records(par)
	var ids []string
	for id := range w2 {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if g2[id] != w2[id] {
			t.Errorf("article %s: records differ with two workers and the caches", id)
		}
	}
}
