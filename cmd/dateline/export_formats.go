package main

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"dateline/article"
	"dateline/export"
	"dateline/query"
	"dateline/store"
)

// Parquet rows: one per record of the exported kind, with the article's
// columns first so a table of events can be grouped by outlet, story or
// day without a join. Column names are snake_case, as in the JSON.

// articleCols are the article columns every row carries.
type articleCols struct {
	ArticleID   string `parquet:"article_id,dict"`
	Title       string `parquet:"title"`
	Source      string `parquet:"source,dict"`
	URL         string `parquet:"url"`
	Published   string `parquet:"published"`
	Lang        string `parquet:"lang,dict"`
	Story       int64  `parquet:"story"`
	NumArticles int32  `parquet:"num_articles"`
	NumSources  int32  `parquet:"num_sources"`
}

func articleColsOf(a store.ArticleInfo) articleCols {
	return articleCols{a.ID, a.Title, a.Source, a.URL, a.Published, a.Lang, a.Story, int32(a.NumArticles), int32(a.NumSources)}
}

type parquetArticle struct {
	articleCols
	Status        string `parquet:"status,dict"`
	Dateline      string `parquet:"dateline"`
	DatelinePlace string `parquet:"dateline_place,dict"`
	Version       string `parquet:"version,dict"`
	Text          string `parquet:"text,zstd"`
	Entities      int32  `parquet:"n_entities"`
	Quotes        int32  `parquet:"n_quotes"`
	Claims        int32  `parquet:"n_claims"`
	Events        int32  `parquet:"n_events"`
}

type parquetEvent struct {
	articleCols
	EventID      string  `parquet:"event_id"`
	Date         string  `parquet:"date"`
	SourceName   string  `parquet:"source_name"`
	SourceCode   string  `parquet:"source_code,dict"`
	TargetName   string  `parquet:"target_name"`
	TargetCode   string  `parquet:"target_code,dict"`
	CAMEO        string  `parquet:"cameo,dict"`
	Plover       string  `parquet:"plover,dict"`
	Goldstein    float64 `parquet:"goldstein"`
	QuadClass    int32   `parquet:"quad_class"`
	Place        string  `parquet:"place_name,dict"`
	Polarity     string  `parquet:"polarity,dict"`
	Modality     string  `parquet:"modality,dict"`
	ReportedBy   string  `parquet:"reported_by"`
	Start        int32   `parquet:"start"`
	End          int32   `parquet:"end"`
	Sentence     int32   `parquet:"sentence"`
	Rule         string  `parquet:"rule,dict"`
	EvidenceText string  `parquet:"evidence_text"`
}

type parquetQuote struct {
	articleCols
	QuoteID       string `parquet:"quote_id"`
	Kind          string `parquet:"kind,dict"`
	Content       string `parquet:"content"`
	SpeakerName   string `parquet:"speaker_name"`
	SpeakerEntity string `parquet:"speaker_entity"`
	Cue           string `parquet:"cue"`
	Start         int32  `parquet:"start"`
	End           int32  `parquet:"end"`
	Sentence      int32  `parquet:"sentence"`
}

type parquetClaim struct {
	articleCols
	ClaimID      string   `parquet:"claim_id"`
	Value        float64  `parquet:"value"`
	Low          *float64 `parquet:"low,optional"`
	High         *float64 `parquet:"high,optional"`
	Qualifier    string   `parquet:"qualifier,dict"`
	Counted      string   `parquet:"counted,dict"`
	Unit         string   `parquet:"unit,dict"`
	Of           string   `parquet:"of"`
	AsOf         string   `parquet:"as_of"`
	ClaimedBy    string   `parquet:"claimed_by"`
	PartOf       string   `parquet:"part_of"`
	Start        int32    `parquet:"start"`
	End          int32    `parquet:"end"`
	Sentence     int32    `parquet:"sentence"`
	EvidenceText string   `parquet:"evidence_text"`
}

type parquetEntity struct {
	Name     string `parquet:"name"`
	Kind     string `parquet:"kind,dict"`
	Code     string `parquet:"code,dict"`
	Articles int32  `parquet:"articles"`
	Mentions int32  `parquet:"mentions"`
}

// parquetSink writes rows of one type, a row group at a time.
type parquetSink[T any] struct {
	w   *parquet.GenericWriter[T]
	buf []T
}

func newParquetSink[T any](out io.Writer) *parquetSink[T] {
	return &parquetSink[T]{w: parquet.NewGenericWriter[T](out, parquet.Compression(&parquet.Zstd)), buf: make([]T, 0, 1024)}
}

func (s *parquetSink[T]) add(row T) error {
	s.buf = append(s.buf, row)
	if len(s.buf) == cap(s.buf) {
		return s.flush()
	}
	return nil
}

func (s *parquetSink[T]) flush() error {
	if _, err := s.w.Write(s.buf); err != nil {
		return fmt.Errorf("export: parquet: %w", err)
	}
	s.buf = s.buf[:0]
	return nil
}

func (s *parquetSink[T]) close() error {
	if err := s.flush(); err != nil {
		return err
	}
	if err := s.w.Close(); err != nil {
		return fmt.Errorf("export: parquet: %w", err)
	}
	return nil
}

// writeParquet streams the rows of kind matching q as one Parquet file.
func writeParquet(ctx context.Context, st store.Store, kind store.Kind, q *query.Query, out io.Writer) error {
	switch kind {
	case store.KindArticles:
		s := newParquetSink[parquetArticle](out)
		err := st.List(ctx, kind, q, store.Page{}, func(r store.Row) error {
			full, err := st.Get(ctx, r.Article.ID)
			if err != nil {
				return err
			}
			a, res := full.Article, full.Result
			return s.add(parquetArticle{articleColsOf(r.Article), r.Article.Status, a.Dateline, a.DatelinePlace, res.Version, a.Text,
				int32(len(res.Entities)), int32(len(res.Quotes)), int32(len(res.Claims)), int32(len(res.Events))})
		})
		if err != nil {
			return err
		}
		return s.close()
	case store.KindEvents:
		s := newParquetSink[parquetEvent](out)
		err := st.List(ctx, kind, q, store.Page{}, func(r store.Row) error {
			e := r.Event
			row := parquetEvent{articleCols: articleColsOf(r.Article), EventID: e.ID, Date: e.Date, CAMEO: e.CAMEO, Plover: e.Plover,
				Goldstein: e.Goldstein, QuadClass: int32(e.QuadClass), Place: r.PlaceName, Polarity: e.Polarity, Modality: e.Modality,
				ReportedBy: e.ReportedBy, Start: int32(e.Action.Start), End: int32(e.Action.End), Sentence: int32(e.Action.Sentence),
				Rule: e.Action.Rule, EvidenceText: e.Action.Text}
			if e.Source != nil {
				row.SourceName, row.SourceCode = e.Source.Name, e.Source.Code
			}
			if e.Target != nil {
				row.TargetName, row.TargetCode = e.Target.Name, e.Target.Code
			}
			return s.add(row)
		})
		if err != nil {
			return err
		}
		return s.close()
	case store.KindQuotes:
		s := newParquetSink[parquetQuote](out)
		err := st.List(ctx, kind, q, store.Page{}, func(r store.Row) error {
			qu := r.Quote
			row := parquetQuote{articleCols: articleColsOf(r.Article), QuoteID: qu.ID, Kind: qu.Kind, Content: qu.Content.Text,
				SpeakerName: qu.SpeakerName, SpeakerEntity: qu.SpeakerEntity, Start: int32(qu.Content.Start), End: int32(qu.Content.End),
				Sentence: int32(qu.Content.Sentence)}
			if qu.Cue != nil {
				row.Cue = qu.Cue.Text
			}
			return s.add(row)
		})
		if err != nil {
			return err
		}
		return s.close()
	case store.KindClaims:
		s := newParquetSink[parquetClaim](out)
		err := st.List(ctx, kind, q, store.Page{}, func(r store.Row) error {
			c := r.Claim
			return s.add(parquetClaim{articleCols: articleColsOf(r.Article), ClaimID: c.ID, Value: c.Value, Low: c.Low, High: c.High,
				Qualifier: c.Qualifier, Counted: c.Counted, Unit: c.Unit, Of: c.Of, AsOf: c.AsOf, ClaimedBy: c.ClaimedBy, PartOf: c.PartOf,
				Start: int32(c.Evidence.Start), End: int32(c.Evidence.End), Sentence: int32(c.Evidence.Sentence), EvidenceText: c.Evidence.Text})
		})
		if err != nil {
			return err
		}
		return s.close()
	case store.KindEntities:
		s := newParquetSink[parquetEntity](out)
		err := st.List(ctx, kind, q, store.Page{}, func(r store.Row) error {
			e := r.Entity
			return s.add(parquetEntity{e.Name, e.Kind, e.Code, int32(e.Articles), int32(e.Mentions)})
		})
		if err != nil {
			return err
		}
		return s.close()
	}
	return fmt.Errorf("export: unknown kind %q", kind)
}

// writeGDELT writes the events matching q as GDELT 2.0 Events or Mentions
// lines. The query selects events (as `dateline events` does); their
// articles are loaded with all their text, because GDELT's columns need
// it (character offsets, document length, tone), and events are merged
// across articles, with NumArticles and NumSources counted from the
// store's stories. All matching articles are held in memory at once.
func writeGDELT(ctx context.Context, st store.Store, q *query.Query, mentions bool, out io.Writer) error {
	keep := map[string]map[string]bool{} // article ID -> event IDs
	var order []string
	err := st.List(ctx, store.KindEvents, q, store.Page{}, func(r store.Row) error {
		id := r.Article.ID
		if keep[id] == nil {
			keep[id] = map[string]bool{}
			order = append(order, id)
		}
		keep[id][r.Event.ID] = true
		return nil
	})
	if err != nil {
		return err
	}
	docs := make([]export.Document, 0, len(order))
	story := map[string]string{}
	for i := len(order) - 1; i >= 0; i-- { // oldest first, as GDELT files run
		full, err := st.Get(ctx, order[i])
		if err != nil {
			return err
		}
		res := full.Result
		evs := res.Events[:0:0]
		for _, e := range res.Events {
			if keep[full.Article.ID][e.ID] {
				evs = append(evs, e)
			}
		}
		res.Events = evs
		docs = append(docs, export.Document{Article: full.Article, Records: res})
		story[full.Article.ID] = strconv.FormatInt(full.Info.Story, 10)
	}
	merged := export.MergeEvents(docs, func(a article.Article) string { return story[a.ID] })
	if mentions {
		return export.WriteGDELTMentionRows(out, docs, merged)
	}
	return export.WriteGDELTEventRows(out, docs, merged)
}
