package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"dateline/article"
	"dateline/record"
	"dateline/store"
)

// Synthetic corpus for the browser and load tests: invented countries,
// cities and people, so no screenshot or benchmark puts words in a real
// mouth. Each article is assembled from sentence templates while its
// records are placed at the byte offsets of the pieces they cover.

type synthActor struct{ name, code string }

var synthActors = []synthActor{
	{"Northland army", "NTHMIL"}, {"Northland government", "NTHGOV"}, {"Southland government", "STHGOV"},
	{"Southland police", "STHCOP"}, {"Eastmark rebels", "ESTREB"}, {"Eastmark government", "ESTGOV"},
	{"Westria navy", "WSTMIL"}, {"Westria government", "WSTGOV"}, {"Union of Isles", "IGOUIS"},
	{"Coastal Relief Agency", "NGOCRA"},
}

type synthPlace struct {
	name, country string
	lat, lon      float64
}

var synthPlaces = []synthPlace{
	{"Portville", "NL", 52.1, 5.3}, {"Capitaltown", "SL", -1.3, 36.8}, {"Harrowgate", "NL", 48.9, 2.4},
	{"Redcliff", "EM", 33.5, 36.3}, {"Marisport", "WS", -22.9, -43.2}, {"Stonebridge", "EM", 31.8, 35.2},
	{"Lakeshore", "SL", 41.9, -87.6}, {"Isla Mayor", "UI", 14.6, 121.0}, {"Dunmore", "WS", 59.3, 18.1},
	{"Fairhaven", "SL", -33.9, 151.2},
}

type synthAction struct {
	verb, cameo, plover string
	goldstein           float64
	quad                int
}

var synthActions = []synthAction{
	{"shelled positions of", "195", "ASSAULT", -10, 4}, {"met", "040", "CONSULT", 1, 1},
	{"accused", "112", "ACCUSE", -2, 3}, {"sent aid to", "073", "AID", 7.4, 2},
	{"threatened", "138", "THREATEN", -7, 3}, {"signed an agreement with", "057", "AGREE", 8, 1},
	{"arrested members of", "173", "COERCE", -5, 4}, {"praised", "051", "SUPPORT", 3.4, 1},
}

var synthSpeakers = []string{"Mara Olsen", "Tomas Reyes", "Ines Kadir", "Paul Venn", "Aiko Lund", "Dario Fenn"}

var synthSayings = []string{
	"We will not accept this", "The situation is getting worse every day", "Talks must resume now",
	"Our people need water and medicine", "Nobody will scare us", "This was a deliberate attack",
}

// textBuilder appends text and hands back the evidence of each piece.
type textBuilder struct {
	id string
	b  strings.Builder
	// sentence counts sentences appended so far.
	sentence int
}

func (t *textBuilder) add(s string) record.Evidence {
	start := t.b.Len()
	t.b.WriteString(s)
	return record.Evidence{ArticleID: t.id, Start: start, End: t.b.Len(), Sentence: t.sentence, Rule: "synthetic"}
}

func (t *textBuilder) end(s string) { t.b.WriteString(s); t.sentence++ }

// synthPut builds synthetic article i, published within days of start.
func synthPut(i int, r *rand.Rand, start time.Time, days int) store.Put {
	id := fmt.Sprintf("syn%013d", i)
	tb := &textBuilder{id: id}
	src := synthActors[r.IntN(len(synthActors))]
	tgt := synthActors[r.IntN(len(synthActors))]
	for tgt == src {
		tgt = synthActors[r.IntN(len(synthActors))]
	}
	act := synthActions[r.IntN(len(synthActions))]
	pl := synthPlaces[r.IntN(len(synthPlaces))]
	speaker := synthSpeakers[r.IntN(len(synthSpeakers))]
	saying := synthSayings[r.IntN(len(synthSayings))]
	pub := start.AddDate(0, 0, r.IntN(days)).Format("2006-01-02")
	killed := 5 + r.IntN(60)

	srcEv := tb.add("The " + src.name)
	tb.add(" ")
	actEv := tb.add(act.verb)
	tb.add(" the ")
	tgtEv := tb.add(tgt.name)
	tb.add(" near ")
	plEv := tb.add(pl.name)
	tb.end(" in synthetic report number " + fmt.Sprint(i) + ", officials said.")
	tb.add(" \"")
	qEv := tb.add(saying + ",")
	tb.add("\" ")
	spEv := tb.add(speaker)
	tb.add(" ")
	cueEv := tb.add("said")
	tb.end(".")
	tb.add(" The health office said ")
	clEv := tb.add(fmt.Sprintf("%d people were killed", killed))
	tb.end(", while aid groups gave other figures.")
	tb.add(" Observers expect more ")
	tb.end(strings.ToLower(act.plover) + " events in the region.")
	text := tb.b.String()

	res := record.Result{Version: "synthetic",
		Entities: []record.Entity{
			{ID: id + "-es", Name: src.name, Kind: record.KindOrg, Code: src.code, Mentions: []record.Mention{{Text: src.name, Kind: "name", Evidence: srcEv}}},
			{ID: id + "-sp", Name: speaker, Kind: record.KindPerson, Mentions: []record.Mention{{Text: speaker, Kind: "name", Evidence: spEv}}},
		},
		Places: []record.Place{{ID: id + "-p", Name: pl.name, Mention: pl.name, Country: pl.country, Lat: pl.lat, Lon: pl.lon,
			FeatureType: "city", Role: record.PlaceEvent, Evidence: plEv}},
		Quotes: []record.Quote{{ID: id + "-q", Kind: record.QuoteDirect, Content: qEv, Cue: &cueEv, Speaker: &spEv, SpeakerName: speaker, SpeakerEntity: id + "-sp"}},
		Claims: []record.Claim{{ID: id + "-c", Value: float64(killed), Qualifier: record.QualExact, Counted: "killed", Unit: "people",
			ClaimedBy: "The health office", Evidence: clEv}},
		Events: []record.Event{{ID: id + "-v", Source: &record.Actor{Name: src.name, Code: src.code, Evidence: srcEv},
			Target: &record.Actor{Name: tgt.name, Code: tgt.code, Evidence: tgtEv}, CAMEO: act.cameo, Plover: act.plover,
			Goldstein: act.goldstein, QuadClass: act.quad, Action: actEv, Place: id + "-p", Date: pub,
			Polarity: record.PolarityAsserted, Modality: record.ModalityActual}},
	}
	a := article.Article{ID: id, Source: []string{"Wire One", "Paper Two", "Daily Three", "Radio Four"}[r.IntN(4)],
		Title: fmt.Sprintf("%s %s %s (report %d)", src.name, act.verb, tgt.name, i), Text: text, Published: pub, Lang: "en"}
	return store.Put{Article: a, Result: res, Meta: store.Meta{Status: store.StatusExtracted, IngestedAt: start}}
}

// fillSynthetic stores n synthetic articles (IDs from first on), in
// batches, spread over days from start.
func fillSynthetic(ctx context.Context, st store.Store, first, n int, start time.Time, days int) error {
	r := rand.New(rand.NewPCG(uint64(first), 7))
	const batch = 2000
	puts := make([]store.Put, 0, batch)
	for i := first; i < first+n; i++ {
		puts = append(puts, synthPut(i, r, start, days))
		if len(puts) == batch || i == first+n-1 {
			if _, err := st.PutBatch(ctx, puts); err != nil {
				return err
			}
			puts = puts[:0]
		}
	}
	return nil
}
