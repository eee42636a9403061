package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"

	"dateline/extract"
	"dateline/nlp"
	"dateline/record"
)

// GoldClaim is one expected claim of a claims gold file.
type GoldClaim struct {
	Value     float64  `json:"value"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Qualifier string   `json:"qualifier"`
	Counted   string   `json:"counted"`
}

// ClaimSentence is one line of a claims gold file: a text and every claim
// it makes (none for sentences without one).
type ClaimSentence struct {
	Text   string      `json:"text"`
	Claims []GoldClaim `json:"claims"`
	Line   int         `json:"-"`
}

// LoadClaimsGold reads a JSON Lines gold file of ClaimSentence values.
// Blank lines are skipped; a malformed line is an error naming its line.
func LoadClaimsGold(path string) ([]ClaimSentence, error) {
	return readGoldLines(path, func(s *ClaimSentence, line int) error {
		if s.Text == "" {
			return fmt.Errorf("empty \"text\"")
		}
		s.Line = line
		return nil
	})
}

// ClaimsResult is the outcome of Claims. Its JSON form is the one line
// that `dateline eval claims` prints.
type ClaimsResult struct {
	Task              string  `json:"task"`
	Sentences         int     `json:"sentences"`
	Gold              int     `json:"gold"`
	Predicted         int     `json:"predicted"`
	Precision         float64 `json:"precision"`
	Recall            float64 `json:"recall"`
	F1                float64 `json:"f1"`
	QualifierAccuracy float64 `json:"qualifier_accuracy"`

	Matched, QualifierOK int `json:"-"`
	// PerCounted tallies gold and matched claims by gold category.
	PerCounted map[string][2]int `json:"-"`
	// Errors lists missed and false claims, one line each.
	Errors []string `json:"-"`
}

func sameNumber(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))
}

func claimMatches(g GoldClaim, p record.Claim) bool {
	if g.Counted != p.Counted {
		return false
	}
	if g.Low != nil || g.High != nil {
		return g.Low != nil && g.High != nil && p.Low != nil && p.High != nil &&
			sameNumber(*g.Low, *p.Low) && sameNumber(*g.High, *p.High)
	}
	return sameNumber(g.Value, p.Value)
}

// Claims annotates every gold sentence, extracts its claims (with the
// sentence's quotes deciding the claimant) and scores them: a prediction
// matches a gold claim when the value (or low/high range) and the counted
// category agree; qualifier accuracy is over matched pairs.
func Claims(ctx context.Context, gold []ClaimSentence, annotate func(string) *nlp.Doc) (*ClaimsResult, error) {
	r := &ClaimsResult{Task: "claims", PerCounted: map[string][2]int{}}
	for _, s := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := annotate(s.Text)
		if doc == nil {
			return nil, fmt.Errorf("line %d: the pipeline returned no document", s.Line)
		}
		preds := extract.Claims(doc, fmt.Sprintf("line%d", s.Line), extract.Quotes(doc, ""))
		r.Sentences++
		r.Gold += len(s.Claims)
		r.Predicted += len(preds)
		used := make([]bool, len(preds))
		for _, g := range s.Claims {
			c := r.PerCounted[g.Counted]
			c[0]++
			found := -1
			for pi, p := range preds {
				if !used[pi] && claimMatches(g, p) {
					found = pi
					if p.Qualifier == g.Qualifier {
						break
					}
				}
			}
			if found < 0 {
				r.Errors = append(r.Errors, fmt.Sprintf("MISSED line %d: %v %s %s | %s", s.Line, g.Value, g.Qualifier, g.Counted, s.Text))
				r.PerCounted[g.Counted] = c
				continue
			}
			used[found] = true
			c[1]++
			r.PerCounted[g.Counted] = c
			r.Matched++
			if preds[found].Qualifier == g.Qualifier {
				r.QualifierOK++
			} else {
				r.Errors = append(r.Errors, fmt.Sprintf("QUAL   line %d: gold %s pred %s | %s", s.Line, g.Qualifier, preds[found].Qualifier, preds[found].Evidence.Text))
			}
		}
		for pi, p := range preds {
			if !used[pi] {
				r.Errors = append(r.Errors, fmt.Sprintf("FALSE  line %d: %v %s %s %q", s.Line, p.Value, p.Qualifier, p.Counted, p.Evidence.Text))
			}
		}
	}
	r.Precision = fracOf(r.Matched, r.Predicted)
	r.Recall = fracOf(r.Matched, r.Gold)
	r.F1 = harmonic(r.Precision, r.Recall)
	r.QualifierAccuracy = fracOf(r.QualifierOK, r.Matched)
	return r, nil
}

// WriteClaimsTable writes a readable summary of r: totals and recall per
// counted category.
func WriteClaimsTable(w io.Writer, r *ClaimsResult) {
	fmt.Fprintf(w, "claims: %d sentences, %d gold, %d predicted, %d matched\n", r.Sentences, r.Gold, r.Predicted, r.Matched)
	fmt.Fprintf(w, "  P %.3f  R %.3f  F1 %.3f  qualifier accuracy %.3f\n", r.Precision, r.Recall, r.F1, r.QualifierAccuracy)
	cats := make([]string, 0, len(r.PerCounted))
	for k := range r.PerCounted {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	fmt.Fprintf(w, "  %-12s %5s %7s %6s\n", "counted", "gold", "matched", "recall")
	for _, k := range cats {
		c := r.PerCounted[k]
		fmt.Fprintf(w, "  %-12s %5d %7d %6.3f\n", k, c[0], c[1], fracOf(c[1], c[0]))
	}
}
