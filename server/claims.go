package server

import (
	"math"
	"net/http"
	"sort"
	"strings"

	"dateline/record"
	"dateline/store"
)

// ClaimPoint is one claimed figure placed in time.
type ClaimPoint struct {
	Day       string   `json:"day"` // the claim's as-of date, else its article's publication day
	Value     float64  `json:"value"`
	Low       *float64 `json:"low,omitempty"`
	High      *float64 `json:"high,omitempty"`
	Qualifier string   `json:"qualifier"`
	Claimant  string   `json:"claimant"`
	ClaimID   string   `json:"claim_id"`
	ArticleID string   `json:"article_id"`
	Source    string   `json:"source,omitempty"`
	Text      string   `json:"text"` // the evidence
	Conflict  bool     `json:"conflict"`
}

// ClaimSeries is every figure one claimant gave for one quantity.
type ClaimSeries struct {
	Claimant string       `json:"claimant"`
	Points   []ClaimPoint `json:"points"`
}

// ClaimConflict is a pair of figures for the same quantity on the same day,
// from different claimants, that cannot both be true.
type ClaimConflict struct {
	Day string     `json:"day"`
	A   ClaimPoint `json:"a"`
	B   ClaimPoint `json:"b"`
}

// ClaimGroup gathers the claims counting the same thing of the same whom.
type ClaimGroup struct {
	Counted   string          `json:"counted"`
	Of        string          `json:"of,omitempty"`
	Claims    int             `json:"claims"`
	Series    []ClaimSeries   `json:"series"`
	Conflicts []ClaimConflict `json:"conflicts"`
}

// ClaimComparison is the answer of /api/v1/claims/compare.
type ClaimComparison struct {
	Query string `json:"query"`
	// Read counts the claims read; Truncated says the newest Limit
	// claims were read and older ones left out.
	Read      int          `json:"read"`
	Truncated bool         `json:"truncated"`
	Groups    []ClaimGroup `json:"groups"`
}

func (s *Server) compareClaims(r *http.Request) (any, error) {
	q, limit, err := queryLimit(r, 2000, 20000)
	if err != nil {
		return nil, err
	}
	var rows []store.Row
	err = s.opt.Store.List(r.Context(), store.KindClaims, q, store.Page{Limit: limit}, func(row store.Row) error {
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return nil, storeErr(err)
	}
	out := compare(rows)
	out.Query = q.String()
	out.Truncated = len(rows) == limit
	return out, nil
}

// compare groups claims by what they count and flags conflicting figures.
func compare(rows []store.Row) *ClaimComparison {
	out := &ClaimComparison{Read: len(rows), Groups: []ClaimGroup{}}
	type key struct{ counted, of string }
	groups := map[key][]ClaimPoint{}
	var order []key
	for _, row := range rows {
		c := row.Claim
		if c == nil || c.Qualifier == record.QualVague {
			continue // "thousands of" gives no figure to compare
		}
		day := validDay(c.AsOf)
		if day == "" {
			day = validDay(row.Article.Published)
		}
		claimant := strings.TrimSpace(c.ClaimedBy)
		if claimant == "" {
			claimant = "the outlet"
		}
		k := key{strings.ToLower(c.Counted), strings.ToLower(strings.TrimSpace(c.Of))}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], ClaimPoint{Day: day, Value: c.Value, Low: c.Low, High: c.High,
			Qualifier: c.Qualifier, Claimant: claimant, ClaimID: c.ID, ArticleID: row.Article.ID,
			Source: row.Article.Source, Text: c.Evidence.Text})
	}
	for _, k := range order {
		pts := groups[k]
		sort.SliceStable(pts, func(i, j int) bool { return pts[i].Day < pts[j].Day })
		g := ClaimGroup{Counted: k.counted, Of: k.of, Claims: len(pts), Series: []ClaimSeries{}, Conflicts: []ClaimConflict{}}
		for i := range pts {
			for j := i + 1; j < len(pts) && pts[j].Day == pts[i].Day; j++ {
				a, b := &pts[i], &pts[j]
				if a.Day == "" || strings.EqualFold(a.Claimant, b.Claimant) || overlap(*a, *b) {
					continue
				}
				a.Conflict, b.Conflict = true, true
				g.Conflicts = append(g.Conflicts, ClaimConflict{Day: a.Day, A: *a, B: *b})
			}
		}
		bySpeaker := map[string]int{}
		for _, p := range pts {
			name := strings.ToLower(p.Claimant)
			i, ok := bySpeaker[name]
			if !ok {
				i = len(g.Series)
				bySpeaker[name] = i
				g.Series = append(g.Series, ClaimSeries{Claimant: p.Claimant})
			}
			g.Series[i].Points = append(g.Series[i].Points, p)
		}
		out.Groups = append(out.Groups, g)
	}
	// Groups with conflicts first, then the most claimed.
	sort.SliceStable(out.Groups, func(i, j int) bool {
		a, b := out.Groups[i], out.Groups[j]
		if (len(a.Conflicts) > 0) != (len(b.Conflicts) > 0) {
			return len(a.Conflicts) > 0
		}
		return a.Claims > b.Claims
	})
	return out
}

// interval is the set of true values a claim allows: "at least 12" is
// [12, ∞), "nearly 300" is [0, 300], "about 50" is 50 ± 10 %.
func interval(p ClaimPoint) (lo, hi float64) {
	v := p.Value
	switch p.Qualifier {
	case record.QualOver, record.QualAtLeast:
		return v, math.Inf(1)
	case record.QualUnder, record.QualAtMost, record.QualUpTo:
		return 0, v
	case record.QualAbout:
		return v * 0.9, v * 1.1
	case record.QualRange:
		lo, hi = v, v
		if p.Low != nil {
			lo = *p.Low
		}
		if p.High != nil {
			hi = *p.High
		}
		return lo, hi
	}
	return v, v
}

// overlap reports whether two figures could both be true.
func overlap(a, b ClaimPoint) bool {
	alo, ahi := interval(a)
	blo, bhi := interval(b)
	return alo <= bhi && blo <= ahi
}

// validDay returns the YYYY-MM-DD prefix of s when it is a date, else "".
func validDay(s string) string {
	if len(s) < 10 {
		return ""
	}
	d := s[:10]
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			if d[i] != '-' {
				return ""
			}
		} else if d[i] < '0' || d[i] > '9' {
			return ""
		}
	}
	return d
}
