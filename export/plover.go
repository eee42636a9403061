package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"dateline/record"
)

// PLOVERActor is one actor of a PLOVER record. Code is the country or
// international body (first three letters of the CAMEO-style code),
// Sector the first role code, Group a known group (HMS for Hamas, UNO);
// CAMEO keeps the full code.
type PLOVERActor struct {
	ActorText string           `json:"actorText"`
	Code      string           `json:"code"`
	Sector    string           `json:"sector,omitempty"`
	Group     string           `json:"group,omitempty"`
	CAMEO     string           `json:"cameoCode"`
	Entity    string           `json:"entity,omitempty"`
	Evidence  *record.Evidence `json:"evidence"`
}

// PLOVERPlace is where a PLOVER event happened.
type PLOVERPlace struct {
	Name        string  `json:"name"`
	Country     string  `json:"country,omitempty"`
	Admin1      string  `json:"admin1,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	GazetteerID string  `json:"gazetteerId,omitempty"`
}

// PLOVERRecord is one event in the PLOVER data format (the fields of the
// PLOVER gold-standard records: id, date, source, target, event, mode,
// eventText, text, language, publication) plus dateline's CAMEO coding,
// polarity, modality and evidence.
type PLOVERRecord struct {
	ID          string        `json:"id"`
	Date        string        `json:"date,omitempty"`
	Source      []PLOVERActor `json:"source"`
	Target      []PLOVERActor `json:"target"`
	Event       string        `json:"event"`
	Mode        string        `json:"mode,omitempty"`
	EventText   string        `json:"eventText"`
	Text        string        `json:"text"`
	Language    string        `json:"language"`
	Publication string        `json:"publication"`
	URL         string        `json:"url,omitempty"`
	ArticleID   string        `json:"articleId"`
	Place       *PLOVERPlace  `json:"place,omitempty"`
	// dateline's coding
	CAMEO      string          `json:"cameo"`
	Goldstein  float64         `json:"goldstein"`
	QuadClass  int             `json:"quadClass"`
	Polarity   string          `json:"polarity"`
	Modality   string          `json:"modality"`
	ReportedBy string          `json:"reportedBy,omitempty"`
	Evidence   record.Evidence `json:"evidence"`
}

// WritePLOVER writes the eligible events of docs (see Eligible), one
// PLOVER JSON object per line. mode carries the event's modality when it
// is not a plain fact ("planned", "threatened", "demanded"), else the
// PLOVER mode its CAMEO code implies ("visit", "riot-spon"), if any.
// Events with no PLOVER category (plain statements) are left out.
func WritePLOVER(w io.Writer, docs []Document) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	g := newGDELTWriter(docs)
	for di := range docs {
		for _, e := range docs[di].Records.Events {
			if !Eligible(e) || e.Plover == "" {
				continue
			}
			if err := enc.Encode(g.ploverRecord(&docs[di], e)); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

func (g *gdeltWriter) ploverRecord(d *Document, e record.Event) PLOVERRecord {
	a := d.Article
	r := PLOVERRecord{
		ID: e.ID, Date: e.Date, Event: e.Plover, EventText: e.Action.Text,
		Text: sentenceAround(a.Text, e), Language: a.Lang, Publication: SourceName(a), URL: a.URL,
		ArticleID: a.ID, CAMEO: e.CAMEO, Goldstein: e.Goldstein, QuadClass: e.QuadClass,
		Polarity: e.Polarity, Modality: e.Modality, ReportedBy: e.ReportedBy, Evidence: e.Action,
		Source: []PLOVERActor{}, Target: []PLOVERActor{},
	}
	if r.Date == "" {
		r.Date = day(a.Published)
	}
	if r.Language == "" {
		r.Language = "en"
	}
	switch e.Modality {
	case record.ModalityActual, record.ModalityReported, "":
		if et, ok := g.kb.CAMEO(e.CAMEO); ok {
			r.Mode = et.Mode
		}
	default:
		r.Mode = e.Modality
	}
	if e.Source != nil {
		r.Source = append(r.Source, g.ploverActor(e.Source))
	}
	if e.Target != nil {
		r.Target = append(r.Target, g.ploverActor(e.Target))
	}
	if p := placeByID(d, e.Place); p != nil {
		r.Place = &PLOVERPlace{Name: p.Name, Country: p.CountryCode, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, GazetteerID: p.GazetteerID}
	}
	return r
}

func (g *gdeltWriter) ploverActor(a *record.Actor) PLOVERActor {
	cols := g.actorCols(a)
	code := cols[2]
	if code == "" && len(cols[0]) >= 3 {
		code = cols[0][:3]
	}
	ev := a.Evidence
	return PLOVERActor{ActorText: a.Name, Code: code, Sector: cols[7], Group: cols[3], CAMEO: cols[0], Entity: a.Entity, Evidence: &ev}
}

// sentenceAround returns the sentence of text holding the event: from the
// end of the previous sentence to the end of the one holding the last of
// its evidence spans, by sentence-final punctuation and line breaks.
func sentenceAround(text string, e record.Event) string {
	lo, hi := e.Action.Start, e.Action.End
	for _, a := range []*record.Actor{e.Source, e.Target} {
		if a != nil && a.Evidence.End > a.Evidence.Start && a.Evidence.Sentence == e.Action.Sentence {
			lo, hi = min(lo, a.Evidence.Start), max(hi, a.Evidence.End)
		}
	}
	if lo < 0 || hi > len(text) || lo > hi {
		return ""
	}
	start := lo
	for start > 0 && !boundaryBefore(text, start) {
		start--
	}
	end := hi
	for end < len(text) && !boundaryAfter(text, end) {
		end++
	}
	return strings.TrimSpace(text[start:end])
}

// boundaryBefore reports whether a sentence may start at i.
func boundaryBefore(text string, i int) bool {
	c := text[i-1]
	if c == '\n' {
		return true
	}
	return (c == ' ') && i >= 2 && strings.IndexByte(".!?", text[i-2]) >= 0
}

// boundaryAfter reports whether a sentence may end at i (exclusive).
func boundaryAfter(text string, i int) bool {
	if text[i] == '\n' {
		return true
	}
	return i >= 1 && strings.IndexByte(".!?", text[i-1]) >= 0 && (text[i] == ' ' || text[i] == '"')
}
