package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"strings"

	"dateline/record"
)

// Gold event formats.
const (
	FormatPLOVER   = "plover"
	FormatPETRARCH = "petrarch"
)

// EventCoding is one gold event of a PETRARCH validation sentence.
type EventCoding struct {
	Source, Target, Code string
}

// EventSentence is one gold record: a sentence, its publication date and
// what should be coded from it.
type EventSentence struct {
	ID   string
	Text string
	Date string // YYYY-MM-DD
	// PLOVER gold: the category and the accepted source and target codes.
	Category string
	Sources  []string
	Targets  []string
	// PETRARCH gold: the codings, or NoEvents when none is expected.
	Codings  []EventCoding
	NoEvents bool
}

// LoadEventsGold reads a PLOVER gold-standard JSON file (an array of
// records) or a PETRARCH validation XML file, telling them apart by the
// first non-blank byte. It returns the sentences and the format.
func LoadEventsGold(path string) ([]EventSentence, string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	t := bytes.TrimSpace(b)
	if len(t) > 0 && (t[0] == '[' || t[0] == '{') {
		s, err := ParsePLOVERGold(bytes.NewReader(b), path)
		return s, FormatPLOVER, err
	}
	s, err := ParsePETRARCH(bytes.NewReader(b), path)
	return s, FormatPETRARCH, err
}

type ploverActor struct {
	Code string `json:"code"`
}

type ploverRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// actorCodes reads a PLOVER source/target field, which is a list of actors
// or, when there is none, null or a string.
func actorCodes(raw json.RawMessage) []string {
	var list []ploverActor
	if len(raw) == 0 || raw[0] != '[' || json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, a := range list {
		if a.Code != "" {
			out = append(out, a.Code)
		}
	}
	return out
}

// ParsePLOVERGold reads PLOVER gold-standard records (a JSON array). The
// DOCUMENT record, which documents the file, is skipped, as are records
// without text.
func ParsePLOVERGold(r io.Reader, name string) ([]EventSentence, error) {
	var recs []ploverRecord
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return nil, fmt.Errorf("%s: not a JSON array of PLOVER records: %w", name, err)
	}
	var out []EventSentence
	for i, rc := range recs {
		if rc.Event == "DOCUMENT" || strings.TrimSpace(rc.Text) == "" {
			continue
		}
		if rc.Event == "" {
			return nil, fmt.Errorf("%s: record %d (%s) has no event category", name, i, rc.ID)
		}
		out = append(out, EventSentence{
			ID: rc.ID, Text: strings.TrimSpace(rc.Text), Date: rc.Date,
			Category: strings.ToUpper(rc.Event),
			Sources:  actorCodes(rc.Source), Targets: actorCodes(rc.Target),
		})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no PLOVER records with text", name)
	}
	return out, nil
}

var (
	reSentence = regexp.MustCompile(`(?i)<Sentence\b([^>]*)>`)
	reSentEnd  = regexp.MustCompile(`(?i)</Sentence\s*>`)
	reAttr     = regexp.MustCompile(`(?i)([a-z_]+)\s*=\s*"([^"]*)"`)
	reCoding   = regexp.MustCompile(`(?is)<EventCoding\b([^>]*?)/?>`)
	reText     = regexp.MustCompile(`(?is)<Text>(.*?)(?:</Text>|\z)`)
)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range reAttr.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = a[2]
	}
	return m
}

// ParsePETRARCH reads a PETRARCH validation file leniently: it looks for
// <Sentence date=… id=…> blocks with <EventCoding sourcecode=…
// targetcode=… eventcode=…/> (or noevents="True") and a <Text>, without
// requiring the file to be well-formed XML. A sentence without text is an
// error naming it.
func ParsePETRARCH(r io.Reader, name string) ([]EventSentence, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []EventSentence
	src := string(b)
	starts := reSentence.FindAllStringSubmatchIndex(src, -1)
	line, counted := 1, 0 // line number at byte counted
	for k, loc := range starts {
		line += strings.Count(src[counted:loc[0]], "\n")
		counted = loc[0]
		// A sentence's body runs to its closing tag, or to the next
		// sentence when the closing tag is missing.
		end := len(src)
		if k+1 < len(starts) {
			end = starts[k+1][0]
		}
		body := src[loc[1]:end]
		if e := reSentEnd.FindStringIndex(body); e != nil {
			body = body[:e[0]]
		}
		head := src[loc[2]:loc[3]]
		at := attrs(head)
		s := EventSentence{ID: at["id"], Date: petrarchDate(at["date"])}
		for _, c := range reCoding.FindAllStringSubmatch(body, -1) {
			ca := attrs(c[1])
			if strings.EqualFold(ca["noevents"], "true") {
				s.NoEvents = true
				continue
			}
			if ca["eventcode"] == "" {
				return nil, fmt.Errorf("%s:%d: sentence %q has an EventCoding without eventcode", name, line, s.ID)
			}
			s.Codings = append(s.Codings, EventCoding{Source: ca["sourcecode"], Target: ca["targetcode"], Code: ca["eventcode"]})
		}
		t := reText.FindStringSubmatch(body)
		if t == nil || strings.TrimSpace(t[1]) == "" {
			return nil, fmt.Errorf("%s:%d: sentence %q has no <Text>", name, line, s.ID)
		}
		s.Text = strings.Join(strings.Fields(html.UnescapeString(t[1])), " ")
		if len(s.Codings) == 0 {
			s.NoEvents = true
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no <Sentence> elements found", name)
	}
	return out, nil
}

// petrarchDate turns YYYYMMDD into YYYY-MM-DD; other forms pass through.
func petrarchDate(d string) string {
	if len(d) == 8 && strings.Trim(d, "0123456789") == "" {
		return d[:4] + "-" + d[4:6] + "-" + d[6:]
	}
	return d
}

// EventsReport holds the event-coding metrics. Fields that do not apply to
// the gold format are omitted.
type EventsReport struct {
	Format    string `json:"format"`
	Sentences int    `json:"sentences"`
	Predicted int    `json:"predicted_events"`
	// PLOVER
	CategoryAccuracy *float64 `json:"category_accuracy,omitempty"`
	SourceAccuracy   *float64 `json:"source_accuracy,omitempty"`
	TargetAccuracy   *float64 `json:"target_accuracy,omitempty"`
	// PETRARCH
	RootAccuracy    *float64 `json:"cameo_root_accuracy,omitempty"`
	CodeAccuracy    *float64 `json:"cameo_code_accuracy,omitempty"`
	NoEventAccuracy *float64 `json:"noevent_accuracy,omitempty"`
	// both
	TripleAccuracy    float64  `json:"triple_accuracy"`
	EventsPerSentence float64  `json:"events_per_sentence"`
	Errors            []string `json:"-"`
}

// EventCoderFunc codes the events of one sentence published on date.
type EventCoderFunc func(text, date string) []record.Event

// actorMatch compares actor codes on their first three letters, ignoring
// case, as the PLOVER and PETRARCH gold files are scored.
func actorMatch(pred *record.Actor, gold string) bool {
	if pred == nil || len(pred.Code) < 3 || len(gold) < 3 {
		return false
	}
	return strings.EqualFold(pred.Code[:3], gold[:3])
}

func anyActor(pred *record.Actor, golds []string) bool {
	for _, g := range golds {
		if actorMatch(pred, g) {
			return true
		}
	}
	return false
}

func frac(n, d int) *float64 {
	v := 0.0
	if d > 0 {
		v = float64(n) / float64(d)
	}
	return &v
}

// asserted keeps the events the coder asserts happened (or are planned,
// threatened, demanded): negated events are not facts to score.
func asserted(evs []record.Event) []record.Event {
	out := evs[:0:0]
	for _, e := range evs {
		if e.Polarity != record.PolarityNegated {
			out = append(out, e)
		}
	}
	return out
}

// ScoreEvents codes every gold sentence with code and scores the result.
// With showErrors, Errors lists the sentences the coder got wrong.
func ScoreEvents(ctx context.Context, gold []EventSentence, format string, code EventCoderFunc, showErrors bool) (EventsReport, error) {
	rep := EventsReport{Format: format, Sentences: len(gold)}
	var cat, tri, srcOK, tgtOK, tgtN int
	var root, exact, codings, noev, noevN int
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		evs := asserted(code(g.Text, g.Date))
		rep.Predicted += len(evs)
		switch format {
		case FormatPLOVER:
			var okCat, okSrc, okTgt, okTri bool
			for i := range evs {
				e := &evs[i]
				if e.Plover != g.Category {
					continue
				}
				okCat = true
				s := len(g.Sources) == 0 || anyActor(e.Source, g.Sources)
				t := len(g.Targets) == 0 || anyActor(e.Target, g.Targets)
				okSrc = okSrc || s
				okTgt = okTgt || t
				okTri = okTri || (s && t)
			}
			if okCat {
				cat++
				if okSrc {
					srcOK++
				}
				if len(g.Targets) > 0 {
					tgtN++
					if okTgt {
						tgtOK++
					}
				}
			}
			if okTri {
				tri++
			}
			if showErrors && !okTri {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s want %s %v→%v got %s | %s", g.ID, g.Category, g.Sources, g.Targets, describe(evs), g.Text))
			}
		case FormatPETRARCH:
			if g.NoEvents {
				noevN++
				if len(evs) == 0 {
					noev++
				} else if showErrors {
					rep.Errors = append(rep.Errors, fmt.Sprintf("%s want no events got %s | %s", g.ID, describe(evs), g.Text))
				}
				continue
			}
			for _, c := range g.Codings {
				codings++
				var okRoot, okCode, okTri bool
				for i := range evs {
					e := &evs[i]
					if len(e.CAMEO) < 2 || len(c.Code) < 2 || e.CAMEO[:2] != c.Code[:2] {
						continue
					}
					okRoot = true
					okCode = okCode || e.CAMEO == c.Code
					okTri = okTri || (actorMatch(e.Source, c.Source) && actorMatch(e.Target, c.Target))
				}
				if okRoot {
					root++
				}
				if okCode {
					exact++
				}
				if okTri {
					tri++
				}
				if showErrors && !okTri {
					rep.Errors = append(rep.Errors, fmt.Sprintf("%s want %s %s→%s got %s | %s", g.ID, c.Code, c.Source, c.Target, describe(evs), g.Text))
				}
			}
		default:
			return rep, fmt.Errorf("unknown gold format %q (want %s or %s)", format, FormatPLOVER, FormatPETRARCH)
		}
	}
	if len(gold) > 0 {
		rep.EventsPerSentence = float64(rep.Predicted) / float64(len(gold))
	}
	switch format {
	case FormatPLOVER:
		rep.CategoryAccuracy = frac(cat, len(gold))
		rep.SourceAccuracy = frac(srcOK, cat)
		rep.TargetAccuracy = frac(tgtOK, tgtN)
		rep.TripleAccuracy = *frac(tri, len(gold))
	case FormatPETRARCH:
		rep.RootAccuracy = frac(root, codings)
		rep.CodeAccuracy = frac(exact, codings)
		rep.NoEventAccuracy = frac(noev, noevN)
		rep.TripleAccuracy = *frac(tri, codings)
	}
	return rep, nil
}

// describe lists predicted events compactly for error listings.
func describe(evs []record.Event) string {
	if len(evs) == 0 {
		return "nothing"
	}
	var parts []string
	for _, e := range evs {
		src, tgt := "-", "-"
		if e.Source != nil {
			src = e.Source.Code
		}
		if e.Target != nil {
			tgt = e.Target.Code
		}
		parts = append(parts, fmt.Sprintf("%s/%s %s→%s [%s]", e.CAMEO, e.Plover, src, tgt, e.Modality))
	}
	return strings.Join(parts, "; ")
}

// WriteEventsTable prints the report as a readable table.
func WriteEventsTable(w io.Writer, r EventsReport) {
	fmt.Fprintf(w, "events (%s): %d sentences, %d predicted events (%.2f per sentence)\n", r.Format, r.Sentences, r.Predicted, r.EventsPerSentence)
	row := func(name string, v *float64) {
		if v != nil {
			fmt.Fprintf(w, "  %-20s %.3f\n", name, *v)
		}
	}
	row("category_accuracy", r.CategoryAccuracy)
	row("cameo_root_accuracy", r.RootAccuracy)
	row("cameo_code_accuracy", r.CodeAccuracy)
	row("source_accuracy", r.SourceAccuracy)
	row("target_accuracy", r.TargetAccuracy)
	t := r.TripleAccuracy
	row("triple_accuracy", &t)
	row("noevent_accuracy", r.NoEventAccuracy)
}
