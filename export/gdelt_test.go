package export

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"

	"dateline/article"
	"dateline/record"
)

// The GDELT 2.0 Event table's columns, written out as the codebook lists
// them, to catch any drift in GDELTEventColumns.
var codebookEventColumns = strings.Fields(`GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources
NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`)

func TestGDELTColumns(t *testing.T) {
	if len(GDELTEventColumns) != 61 {
		t.Fatalf("GDELTEventColumns has %d columns, want 61", len(GDELTEventColumns))
	}
	for i, c := range codebookEventColumns {
		if GDELTEventColumns[i] != c {
			t.Errorf("event column %d = %q, want %q", i+1, GDELTEventColumns[i], c)
		}
	}
	if len(GDELTMentionColumns) != 16 {
		t.Fatalf("GDELTMentionColumns has %d columns, want 16", len(GDELTMentionColumns))
	}
	if GDELTMentionColumns[7] != "Actor1CharOffset" || GDELTMentionColumns[15] != "Extras" {
		t.Errorf("mention columns out of order: %v", GDELTMentionColumns)
	}
}

// doc builds an article with one sentence's records by hand: a source
// actor, an action and a target at the given substrings of text.
func doc(id, url, source, published, text string, evs ...record.Event) Document {
	return Document{
		Article: article.Article{ID: id, URL: url, Source: source, Published: published, Text: text},
		Records: record.Result{Events: evs},
	}
}

func span(text, sub string) record.Evidence {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("test text lacks " + sub)
	}
	return record.Evidence{Start: i, End: i + len(sub), Text: sub}
}

func event(text, src, srcCode, action, cameo, tgt, tgtCode string) record.Event {
	e := record.Event{
		ID: "ev-" + cameo, CAMEO: cameo, Plover: "FIGHT", Goldstein: -10, QuadClass: 4,
		Action: span(text, action), Polarity: record.PolarityAsserted, Modality: record.ModalityActual,
	}
	if src != "" {
		e.Source = &record.Actor{Name: src, Code: srcCode, Evidence: span(text, src)}
	}
	if tgt != "" {
		e.Target = &record.Actor{Name: tgt, Code: tgtCode, Evidence: span(text, tgt)}
	}
	return e
}

func rows(t *testing.T, out string, want int) [][]string {
	t.Helper()
	var rs [][]string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != want {
			t.Fatalf("line has %d fields, want %d: %q", len(f), want, line)
		}
		rs = append(rs, f)
	}
	return rs
}

func col(name string) int {
	for i, c := range GDELTEventColumns {
		if c == name {
			return i
		}
	}
	panic(name)
}

func TestWriteGDELTEvents(t *testing.T) {
	t1 := "Ruritanian troops shelled Gdansk on Monday."
	t2 := "On Monday Ruritanian troops shelled the port of Gdansk, officials said."
	e1 := event(t1, "Ruritanian troops", "RURMIL", "shelled", "194", "Gdansk", "POL")
	e2 := event(t2, "Ruritanian troops", "RURMIL", "shelled", "194", "Gdansk", "POL")
	e1.Date, e2.Date = "2024-03-04", "2024-03-04"
	neg := event(t1, "Ruritanian troops", "RURMIL", "shelled", "190", "", "")
	neg.Polarity = record.PolarityNegated
	docs := []Document{
		doc("a1", "https://one.example/a", "", "2024-03-05", t1, e1, neg),
		doc("a2", "https://two.example/b", "", "2024-03-06", t2, e2),
	}
	var b bytes.Buffer
	if err := WriteGDELTEvents(&b, docs); err != nil {
		t.Fatal(err)
	}
	rs := rows(t, b.String(), 61)
	if len(rs) != 1 {
		t.Fatalf("want 1 merged event (the negated one is not an event), got %d:\n%s", len(rs), b.String())
	}
	r := rs[0]
	checks := map[string]string{
		"SQLDATE": "20240304", "MonthYear": "202403", "Year": "2024", "FractionDate": "2024.1753",
		"Actor1Code": "RURMIL", "Actor1Name": "RURITANIAN TROOPS", "Actor1Type1Code": "MIL",
		"Actor2Code": "POL", "Actor2CountryCode": "POL",
		"EventCode": "194", "EventBaseCode": "194", "EventRootCode": "19", "QuadClass": "4", "GoldsteinScale": "-10",
		"NumMentions": "2", "NumSources": "2", "NumArticles": "2", "IsRootEvent": "1",
		"DATEADDED": "20240306000000", "SOURCEURL": "https://one.example/a", "ActionGeo_Type": "0",
	}
	for c, want := range checks {
		if got := r[col(c)]; got != want {
			t.Errorf("%s = %q, want %q", c, got, want)
		}
	}
	if r[col("GLOBALEVENTID")] == "" || r[col("GLOBALEVENTID")] == "0" {
		t.Errorf("GLOBALEVENTID missing")
	}
	if !strings.HasPrefix(r[col("AvgTone")], "-") {
		t.Errorf("AvgTone of a shelling report = %s, want negative", r[col("AvgTone")])
	}

	var m bytes.Buffer
	if err := WriteGDELTMentions(&m, docs); err != nil {
		t.Fatal(err)
	}
	ms := rows(t, m.String(), 16)
	if len(ms) != 2 {
		t.Fatalf("want 2 mentions, got %d", len(ms))
	}
	if ms[0][0] != r[0] || ms[1][0] != r[0] {
		t.Errorf("mentions do not carry the event's ID %s: %v", r[0], ms)
	}
	// "shelled" sits at byte 18 of t1 and 28 of t2.
	if ms[0][9] != "18" || ms[1][9] != "28" || ms[0][7] != "0" {
		t.Errorf("char offsets: got action %s/%s, actor1 %s", ms[0][9], ms[1][9], ms[0][7])
	}
	if ms[0][4] != "one.example" || ms[0][5] != "https://one.example/a" || ms[0][6] != "1" || ms[0][2] != "20240305000000" {
		t.Errorf("mention source columns wrong: %v", ms[0])
	}
}

func TestGDELTCharOffsetsCountCharacters(t *testing.T) {
	text := "Société Générale: Ruritanian troops shelled Gdańsk."
	e := event(text, "Ruritanian troops", "RURMIL", "shelled", "194", "Gdańsk", "POL")
	var m bytes.Buffer
	if err := WriteGDELTMentions(&m, []Document{doc("a", "", "", "2024-01-01", text, e)}); err != nil {
		t.Fatal(err)
	}
	r := rows(t, m.String(), 16)[0]
	// Two é before the actor: bytes 20, characters 18.
	if r[7] != "18" {
		t.Errorf("Actor1CharOffset = %s, want 18 (characters, not bytes)", r[7])
	}
	if r[12] != "51" {
		t.Errorf("MentionDocLen = %s, want 51 characters", r[12])
	}
}

func TestActorColumns(t *testing.T) {
	g := newGDELTWriter(nil)
	cases := []struct {
		code                       string
		country, group, t1, t2, t3 string
	}{
		{"IGOUNO", "", "UNO", "IGO", "", ""},
		{"ISRMIL", "ISR", "", "MIL", "", ""},
		{"PSEHMS", "PSE", "HMS", "", "", ""},
		{"USAGOVMIL", "USA", "", "GOV", "MIL", ""},
		{"RUS", "RUS", "", "", "", ""},
	}
	for _, c := range cases {
		cols := g.actorCols(&record.Actor{Code: c.code, Name: "x"})
		got := []string{cols[2], cols[3], cols[7], cols[8], cols[9]}
		want := []string{c.country, c.group, c.t1, c.t2, c.t3}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: columns %v, want %v", c.code, got, want)
				break
			}
		}
	}
	if cols := g.actorCols(nil); len(cols) != 10 || cols[0] != "" {
		t.Errorf("nil actor: %v", cols)
	}
}

func TestTone(t *testing.T) {
	if v := Tone("Leaders welcomed the peace agreement and praised the progress."); v <= 0 {
		t.Errorf("hopeful text tone %.2f, want > 0", v)
	}
	if v := Tone("Shelling killed ten and wounded dozens in the attack."); v >= 0 {
		t.Errorf("grim text tone %.2f, want < 0", v)
	}
	if v := Tone(""); v != 0 {
		t.Errorf("empty text tone %.2f, want 0", v)
	}
}

func TestFieldsStayOnOneLine(t *testing.T) {
	text := "Ruritanian\ttroops shelled Gdansk."
	e := event(text, "Ruritanian\ttroops", "RURMIL", "shelled", "194", "Gdansk", "POL")
	var b bytes.Buffer
	if err := WriteGDELTEvents(&b, []Document{doc("a", "", "", "2024-01-01", text, e)}); err != nil {
		t.Fatal(err)
	}
	r := rows(t, b.String(), 61)[0]
	if r[col("Actor1Name")] != "RURITANIAN TROOPS" {
		t.Errorf("Actor1Name = %q", r[col("Actor1Name")])
	}
}

func TestWritePLOVER(t *testing.T) {
	text := "Ruritania will send aid to Freedonia. Ruritania did not attack Freedonia."
	aid := event(text, "Ruritania", "RUR", "will send aid", "0331", "Freedonia", "FRE")
	aid.Plover, aid.Modality = "AGREE", record.ModalityPlanned
	neg := event(text, "Ruritania", "RUR", "did not attack", "190", "", "")
	neg.Polarity = record.PolarityNegated
	var b bytes.Buffer
	if err := WritePLOVER(&b, []Document{doc("a", "https://x.example/1", "Daily", "2024-02-01", text, aid, neg)}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("want 1 PLOVER line (negated dropped), got %d:\n%s", len(lines), b.String())
	}
	var r PLOVERRecord
	if err := json.Unmarshal([]byte(lines[0]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Event != "AGREE" || r.Mode != "planned" || r.CAMEO != "0331" || r.Date != "2024-02-01" || r.Publication != "daily" {
		t.Errorf("record: %+v", r)
	}
	if len(r.Source) != 1 || r.Source[0].Code != "RUR" || len(r.Target) != 1 || r.Target[0].ActorText != "Freedonia" {
		t.Errorf("actors: %+v → %+v", r.Source, r.Target)
	}
	if r.Text != "Ruritania will send aid to Freedonia." {
		t.Errorf("text = %q", r.Text)
	}
	if r.Evidence.Text != "will send aid" {
		t.Errorf("evidence = %+v", r.Evidence)
	}
}

// BenchmarkWriteGDELTEvents merges and writes 1,000 synthetic articles of
// 20 events each (half of them the same events across articles).
func BenchmarkWriteGDELTEvents(b *testing.B) {
	text := strings.Repeat("Ruritanian troops shelled Gdansk and peace talks failed. ", 20)
	var docs []Document
	for i := 0; i < 1000; i++ {
		var evs []record.Event
		for j := 0; j < 20; j++ {
			e := event(text, "Ruritanian troops", "RURMIL", "shelled", "194", "Gdansk", "POL")
			e.Date = "2024-03-04"
			if j%2 == 1 {
				e.Date = "2024-03-" + string(rune('0'+i%10)) + string(rune('0'+j%10))
			}
			evs = append(evs, e)
		}
		docs = append(docs, doc(strconv.Itoa(i), "https://n"+strconv.Itoa(i%50)+".example/"+strconv.Itoa(i), "", "2024-03-05", text, evs...))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := WriteGDELTEvents(io.Discard, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(20000*b.N)/b.Elapsed().Seconds(), "events/s")
}
