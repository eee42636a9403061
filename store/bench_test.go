package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"dateline/article"
	"dateline/internal/cpuclock"
	"dateline/query"
	"dateline/record"
)

// The synthetic corpus mimics news text: frequent function words, a few
// topic words per article (each topic word is in roughly 8% of articles),
// and filler from a large made-up vocabulary, all Zipf-distributed.
var benchFunction = strings.Fields(`the of and to in a said on that for is with was by at from as it
his has have were are be which after will their been its they who would also but not this an`)

var benchTopics = strings.Fields(`officials government military forces minister talks ceasefire attack
city border people killed police president spokesman statement week meeting troops region aid hospital
election protest court report sanctions strike village convoy refugees negotiations agreement parliament
rebels missile drone shelling hostages humanitarian corridor embassy delegation summit crisis inflation
budget pipeline grain harbour bridge airport province district capital northern southern eastern western
coalition opposition militia commander ministry interior foreign defence health offensive withdrawal
blockade evacuation reconstruction investigation`)

// benchFiller returns filler word k of a 30,000-word made-up vocabulary.
func benchFiller(k uint64) string {
	const syl = "ba ko ri tu ne sa lo mi de fa"
	parts := strings.Fields(syl)
	var b strings.Builder
	for n := k + 10; n > 0; n /= 10 {
		b.WriteString(parts[n%10])
	}
	return b.String()
}

var benchActors = []struct{ name, code, kind string }{
	{"Russia", "RUSGOV", record.KindOrg}, {"Russian army", "RUSMIL", record.KindOrg},
	{"Israel", "ISRGOV", record.KindOrg}, {"Israeli army", "ISRMIL", record.KindOrg},
	{"Hamas", "PSEHMS", record.KindGroup}, {"United Nations", "IGOUNO", record.KindOrg},
	{"Ukraine", "UKRGOV", record.KindOrg}, {"United States", "USAGOV", record.KindOrg},
	{"Dmitry Peskov", "RUSGOV", record.KindPerson}, {"Antonio Guterres", "IGOUNO", record.KindPerson},
	{"Egypt", "EGYGOV", record.KindOrg}, {"Turkey", "TURGOV", record.KindOrg},
}

// benchPlaces carry coordinates and a country, as resolved places do, so
// that the map's summaries count them (a place at 0,0 is unresolved).
var benchPlaces = []struct {
	name, country, code string
	lat, lon            float64
}{
	{"Gaza Strip", "PS", "PSE", 31.42, 34.36}, {"Moscow", "RU", "RUS", 55.76, 37.62}, {"Kyiv", "UA", "UKR", 50.45, 30.52},
	{"Cairo", "EG", "EGY", 30.04, 31.24}, {"Ankara", "TR", "TUR", 39.93, 32.86}, {"Kherson", "UA", "UKR", 46.64, 32.62},
	{"Rafah", "PS", "PSE", 31.29, 34.25}, {"Geneva", "CH", "CHE", 46.20, 6.14}, {"Washington", "US", "USA", 38.90, -77.04},
	{"Jerusalem", "IL", "ISR", 31.77, 35.21},
}
var benchCameo = []struct{ code, plover string }{
	{"040", "CONSULT"}, {"043", "CONSULT"}, {"190", "ASSAULT"}, {"193", "ASSAULT"}, {"0243", "REQUEST"},
	{"111", "ACCUSE"}, {"057", "AGREE"}, {"138", "THREATEN"}, {"070", "AID"}, {"173", "COERCE"},
}
var benchCounted = []string{"killed", "injured", "displaced", "hostages", "money", "aid"}

// synthArticle builds article i of the synthetic corpus with its records.
func synthArticle(r *rand.Rand, i int) Put {
	fn := rand.NewZipf(r, 1.2, 1, uint64(len(benchFunction)-1))
	filler := rand.NewZipf(r, 1.05, 2, 29_999)
	topics := make([]string, 6)
	for k := range topics {
		topics[k] = benchTopics[r.IntN(len(benchTopics))]
	}
	var b strings.Builder
	nWords := 150 + r.IntN(250)
	for w := 0; w < nWords; w++ {
		switch x := r.IntN(100); {
		case x < 45:
			b.WriteString(benchFunction[fn.Uint64()])
		case x < 55:
			b.WriteString(topics[r.IntN(len(topics))])
		default:
			b.WriteString(benchFiller(filler.Uint64()))
		}
		if w%17 == 16 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	fmt.Fprintf(&b, "Reference number %d.", i)
	text := b.String()
	id := fmt.Sprintf("synth%07d", i)
	day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365)).Format("2006-01-02")
	lang := "en"
	if r.IntN(20) == 0 {
		lang = "fr"
	}
	evd := func() record.Evidence {
		s := r.IntN(len(text) - 20)
		return record.Evidence{ArticleID: id, Start: s, End: s + 10, Rule: "synth"}
	}
	var res record.Result
	res.Version = "synth-1"
	for k := 0; k < 4; k++ {
		a := benchActors[r.IntN(len(benchActors))]
		res.Entities = append(res.Entities, record.Entity{ID: fmt.Sprintf("%s-e%d", id, k), Name: a.name, Kind: a.kind, Code: a.code,
			Mentions: []record.Mention{{Text: a.name, Kind: "name", Evidence: evd()}, {Text: a.name, Kind: "name", Evidence: evd()}}})
	}
	for k := 0; k < 2; k++ {
		p := benchPlaces[r.IntN(len(benchPlaces))]
		res.Places = append(res.Places, record.Place{ID: fmt.Sprintf("%s-p%d", id, k), Name: p.name, Mention: p.name,
			Country: p.country, CountryCode: p.code, Lat: p.lat, Lon: p.lon, FeatureType: "city", Role: record.PlaceEvent, Evidence: evd()})
	}
	res.Times = []record.Time{{ID: id + "-t", Text: "Monday", From: day, To: day, Precision: record.PrecisionDay, Evidence: evd()}}
	for k := 0; k < 2; k++ {
		a := benchActors[r.IntN(len(benchActors))]
		res.Quotes = append(res.Quotes, record.Quote{ID: fmt.Sprintf("%s-q%d", id, k), Kind: record.QuoteDirect, Content: evd(), SpeakerName: a.name})
	}
	res.Claims = []record.Claim{{ID: id + "-c", Value: float64(r.IntN(5000)), Qualifier: record.QualAtLeast,
		Counted: benchCounted[r.IntN(len(benchCounted))], ClaimedBy: "the ministry", Evidence: evd()}}
	for k := 0; k < 3; k++ {
		s, t := benchActors[r.IntN(len(benchActors))], benchActors[r.IntN(len(benchActors))]
		c := benchCameo[r.IntN(len(benchCameo))]
		res.Events = append(res.Events, record.Event{ID: fmt.Sprintf("%s-v%d", id, k),
			Source: &record.Actor{Name: s.name, Code: s.code}, Target: &record.Actor{Name: t.name, Code: t.code},
			CAMEO: c.code, Plover: c.plover, Action: evd(), Place: res.Places[0].ID,
			Polarity: record.PolarityAsserted, Modality: record.ModalityActual})
	}
	a := article.Article{ID: id, Source: fmt.Sprintf("Outlet %d", r.IntN(25)), Title: "Synthetic report " + fmt.Sprint(i),
		Text: text, Published: day, Lang: lang, Input: "synthetic"}
	return Put{Article: a, Result: res, Meta: Meta{SimHash: article.SimHash(text), HasSimHash: true}}
}

// benchDB returns a database of n synthetic articles, built once and kept
// in the temporary directory for later runs (delete it to rebuild; the
// name carries the corpus generator's version and schema, c6 (places
// with coordinates; c5: full text compacted on Close); Open migrates an
// older schema).
func benchDB(b *testing.B, n int) *SQLite {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dateline-bench-%d-c6.db", n))
	ctx := context.Background()
	if _, err := os.Stat(path + ".done"); err != nil {
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		r := rand.New(rand.NewPCG(1, 2))
		batch := make([]Put, 0, 500)
		for i := 0; i < n; i++ {
			batch = append(batch, synthArticle(r, i))
			if len(batch) == cap(batch) || i == n-1 {
				if _, err := s.PutBatch(ctx, batch); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		if _, err := s.DB().Exec(`ANALYZE`); err != nil {
			b.Fatal(err)
		}
		s.Close()
		os.WriteFile(path+".done", nil, 0o644)
		b.Logf("built %s: %d articles in %s", path, n, time.Since(start).Round(time.Second))
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// benchQueries are typical searches and filtered listings.
var benchQueries = []struct {
	kind Kind
	q    string
}{
	{KindArticles, "ceasefire"},
	{KindArticles, `"humanitarian corridor"`},
	{KindArticles, "ceasefire talks -drone"},
	{KindArticles, "negotiat* source:\"Outlet 3\""},
	{KindArticles, "reconstruction from:2023-06-01 to:2023-06-30"},
	{KindArticles, `place:"Gaza Strip" lang:en`},
	{KindArticles, "actor:RUS hostages"},
	{KindArticles, ""},
	{KindEvents, "actor:RUS"},
	{KindEvents, "cameo:19 from:2023-10-01 to:2023-10-31"},
	{KindEvents, "plover:CONSULT actor:ISR"},
	{KindEvents, `place:Rafah modality:actual`},
	{KindEvents, "ceasefire actor:IGO"},
	{KindEvents, ""},
	{KindQuotes, "speaker:Peskov"},
	{KindQuotes, "speaker:Guterres from:2023-03"},
	{KindClaims, "counted:killed"},
	{KindClaims, `counted:displaced place:"Gaza Strip"`},
	{KindEntities, "type:person"},
	{KindEntities, "actor:RUS from:2023-12-01"},
}

func percentile(d []time.Duration, p float64) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[min(len(d)-1, int(p*float64(len(d))))]
}

// BenchmarkSearch100k times first-page listings (20 rows, as the CLI
// shows them) over a 100,000-article database and reports p50/p95/max
// latency across the query set in ms. The database is built on the first
// run (a few minutes) and reused.
func BenchmarkSearch100k(b *testing.B) {
	benchListings(b, 100_000, false)
}

// countCap is how far the CLI counts matches for its "N match" line;
// DATELINE_COUNT_CAP changes it (the HTTP API counts to 1,000).
var countCap = func() int {
	if n, err := strconv.Atoi(os.Getenv("DATELINE_COUNT_CAP")); err == nil && n > 0 {
		return n
	}
	return 10_000
}()

// BenchmarkCount100k times counting matches up to countCap (the total the
// table format prints) for the same queries.
func BenchmarkCount100k(b *testing.B) {
	benchListings(b, 100_000, true)
}

func benchListings(b *testing.B, n int, count bool) {
	s := benchDB(b, n)
	defer s.Close()
	ctx := context.Background()
	parsed := make([]*query.Query, len(benchQueries))
	for i, bq := range benchQueries {
		q, err := query.Parse(bq.q)
		if err != nil {
			b.Fatal(err)
		}
		parsed[i] = q
	}
	var lat []time.Duration
	slowest, slowestQ := time.Duration(0), ""
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, bq := range benchQueries {
			t0 := time.Now()
			var err error
			if count {
				_, err = s.Count(ctx, bq.kind, parsed[j], countCap)
			} else {
				err = s.List(ctx, bq.kind, parsed[j], Page{Limit: 20}, func(Row) error { return nil })
			}
			if err != nil {
				b.Fatalf("%s %q: %v", bq.kind, bq.q, err)
			}
			d := time.Since(t0)
			lat = append(lat, d)
			if d > slowest {
				slowest, slowestQ = d, string(bq.kind)+" "+bq.q
			}
		}
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(percentile(lat, 0.50)), "p50_ms")
	b.ReportMetric(ms(percentile(lat, 0.95)), "p95_ms")
	b.ReportMetric(ms(slowest), "max_ms")
	b.Logf("slowest: %s (%v)", slowestQ, slowest)
}

// BenchmarkPutBatch measures the store's write path alone: synthetic
// articles with records, 200 per transaction.
func BenchmarkPutBatch(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "w.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(3, 4))
	puts := make([]Put, 200)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for k := range puts {
			puts[k] = synthArticle(r, i*len(puts)+k)
		}
		b.StartTimer()
		if _, err := s.PutBatch(context.Background(), puts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(puts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkQueries100k runs each query of the set alone (first page, then
// count) and reports the CPU time (user+sys) per call, which unlike
// ns/op does not grow with other jobs on a shared machine:
//
//	go test ./store -run '^$' -bench Queries100k -benchtime 5x
func BenchmarkQueries100k(b *testing.B) {
	s := benchDB(b, 100_000)
	defer s.Close()
	ctx := context.Background()
	for _, mode := range []string{"list", "count"} {
		for _, bq := range benchQueries {
			q, err := query.Parse(bq.q)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(mode+" "+string(bq.kind)+" "+bq.q, func(b *testing.B) {
				cpu0 := cpuclock.Process()
				for b.Loop() {
					var err error
					if mode == "count" {
						_, err = s.Count(ctx, bq.kind, q, countCap)
					} else {
						err = s.List(ctx, bq.kind, q, Page{Limit: 20}, func(Row) error { return nil })
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64((cpuclock.Process()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
