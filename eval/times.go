package eval

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"dateline/extract"
	"dateline/nlp"
)

// GoldTime is one expected date expression of a times gold file: its
// words as they stand in the text, and the range and precision it
// resolves to against the sentence's publication date.
type GoldTime struct {
	Text      string `json:"text"`
	From      string `json:"from"`
	To        string `json:"to"`
	Precision string `json:"precision"`
}

// TimeSentence is one line of a times gold file.
type TimeSentence struct {
	Text      string     `json:"text"`
	Published string     `json:"published"` // YYYY-MM-DD
	Times     []GoldTime `json:"times"`
	Line      int        `json:"-"`
}

// LoadTimesGold reads a JSON Lines gold file of TimeSentence values. A
// malformed line, a missing publication date or a gold expression that is
// not in its text is an error naming the line.
func LoadTimesGold(path string) ([]TimeSentence, error) {
	return readGoldLines(path, func(s *TimeSentence, line int) error {
		if s.Text == "" {
			return fmt.Errorf("empty \"text\"")
		}
		if _, err := time.Parse("2006-01-02", s.Published); err != nil {
			return fmt.Errorf("\"published\" %q is not a YYYY-MM-DD date", s.Published)
		}
		for _, g := range s.Times {
			if g.Text == "" || !strings.Contains(s.Text, g.Text) {
				return fmt.Errorf("gold time %q is not in the text", g.Text)
			}
		}
		s.Line = line
		return nil
	})
}

// TimesResult is the outcome of Times. Its JSON form is the one line that
// `dateline eval times` prints.
type TimesResult struct {
	Task      string `json:"task"`
	Sentences int    `json:"sentences"`
	Gold      int    `json:"gold"`
	Predicted int    `json:"predicted"`
	// Found: predicted and gold expressions whose spans overlap.
	SpanPrecision float64 `json:"span_precision"`
	SpanRecall    float64 `json:"span_recall"`
	SpanF1        float64 `json:"span_f1"`
	// Share of found expressions resolved to the gold range (From and To
	// equal) and to the gold precision.
	RangeAccuracy     float64 `json:"range_accuracy"`
	PrecisionAccuracy float64 `json:"precision_accuracy"`
	// Strict: found and resolved to the gold range.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`

	Found, RangeOK, PrecisionOK int `json:"-"`
	// Errors lists missed, false and wrongly resolved expressions.
	Errors []string `json:"-"`
}

// Times annotates every gold sentence, finds and resolves its date
// expressions against the sentence's publication date and scores them.
func Times(ctx context.Context, gold []TimeSentence, annotate func(string) *nlp.Doc) (*TimesResult, error) {
	r := &TimesResult{Task: "times"}
	for _, s := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pub, _ := time.Parse("2006-01-02", s.Published)
		doc := annotate(s.Text)
		if doc == nil {
			return nil, fmt.Errorf("line %d: the pipeline returned no document", s.Line)
		}
		preds := extract.Times(doc, fmt.Sprintf("line%d", s.Line), pub)
		r.Sentences++
		r.Gold += len(s.Times)
		r.Predicted += len(preds)
		used := make([]bool, len(preds))
		from := 0
		for _, g := range s.Times {
			// The gold expression's first place in the text after the
			// previous one's.
			gs := strings.Index(s.Text[from:], g.Text) + from
			if gs < from {
				gs = strings.Index(s.Text, g.Text)
			}
			ge := gs + len(g.Text)
			from = ge
			found := -1
			for pi, p := range preds {
				if !used[pi] && p.Evidence.Start < ge && gs < p.Evidence.End {
					found = pi
					break
				}
			}
			if found < 0 {
				r.Errors = append(r.Errors, fmt.Sprintf("MISSED line %d: %q %s…%s %s | %s", s.Line, g.Text, g.From, g.To, g.Precision, s.Text))
				continue
			}
			used[found] = true
			r.Found++
			p := preds[found]
			if p.From == g.From && p.To == g.To {
				r.RangeOK++
			} else {
				r.Errors = append(r.Errors, fmt.Sprintf("RANGE  line %d: %q gold %s…%s pred %s…%s (published %s)", s.Line, g.Text, g.From, g.To, p.From, p.To, s.Published))
			}
			if p.Precision == g.Precision {
				r.PrecisionOK++
			} else {
				r.Errors = append(r.Errors, fmt.Sprintf("PREC   line %d: %q gold %s pred %s", s.Line, g.Text, g.Precision, p.Precision))
			}
		}
		for pi, p := range preds {
			if !used[pi] {
				r.Errors = append(r.Errors, fmt.Sprintf("FALSE  line %d: %q %s…%s | %s", s.Line, p.Text, p.From, p.To, s.Text))
			}
		}
	}
	r.SpanPrecision = fracOf(r.Found, r.Predicted)
	r.SpanRecall = fracOf(r.Found, r.Gold)
	r.SpanF1 = harmonic(r.SpanPrecision, r.SpanRecall)
	r.RangeAccuracy = fracOf(r.RangeOK, r.Found)
	r.PrecisionAccuracy = fracOf(r.PrecisionOK, r.Found)
	r.Precision = fracOf(r.RangeOK, r.Predicted)
	r.Recall = fracOf(r.RangeOK, r.Gold)
	r.F1 = harmonic(r.Precision, r.Recall)
	return r, nil
}

// WriteTimesTable writes a readable summary of r.
func WriteTimesTable(w io.Writer, r *TimesResult) {
	fmt.Fprintf(w, "times: %d sentences, %d gold, %d predicted, %d found, %d resolved to the gold range\n",
		r.Sentences, r.Gold, r.Predicted, r.Found, r.RangeOK)
	fmt.Fprintf(w, "  spans P %.3f  R %.3f  F1 %.3f\n", r.SpanPrecision, r.SpanRecall, r.SpanF1)
	fmt.Fprintf(w, "  range accuracy %.3f  precision accuracy %.3f\n", r.RangeAccuracy, r.PrecisionAccuracy)
	fmt.Fprintf(w, "  strict P %.3f  R %.3f  F1 %.3f\n", r.Precision, r.Recall, r.F1)
}
