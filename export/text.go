// Package export writes articles and their records in the formats users'
// tools read: a readable text summary for a terminal, JSON and JSON Lines,
// and (as they land) CSV, GDELT 2.0 Events/Mentions TSV and PLOVER JSON.
package export

import (
	"fmt"
	"io"
	"strings"

	"dateline/article"
	"dateline/record"
)

// Document is one article with its records, the unit that extract prints
// and that the JSON formats carry.
type Document struct {
	Article article.Article `json:"article"`
	Records record.Result   `json:"records"`
}

// WriteText writes a summary of d for a person at a terminal: the article
// header, then one section per record type, each line ending with the
// evidence it rests on.
func WriteText(w io.Writer, d Document) error {
	a, r := d.Article, d.Records
	var b strings.Builder
	title := a.Title
	if title == "" {
		title = firstWords(a.Text, 12)
	}
	fmt.Fprintf(&b, "== %s\n", title)
	fmt.Fprintf(&b, "   id %s", a.ID)
	if a.Input != "" {
		fmt.Fprintf(&b, " · from %s", a.Input)
	}
	if a.Published != "" {
		fmt.Fprintf(&b, " · published %s", a.Published)
	}
	if a.Dateline != "" {
		fmt.Fprintf(&b, " · dateline %q", a.Dateline)
	}
	if a.Source != "" {
		fmt.Fprintf(&b, " · source %s", a.Source)
	}
	b.WriteString("\n")

	if len(r.Entities) > 0 {
		fmt.Fprintf(&b, "\nEntities (%d)\n", len(r.Entities))
		for _, e := range r.Entities {
			code := ""
			if e.Code != "" {
				code = " [" + e.Code + "]"
			}
			var ms []string
			seen := map[string]bool{}
			for _, m := range e.Mentions {
				if !seen[m.Text] {
					seen[m.Text] = true
					ms = append(ms, fmt.Sprintf("%q", m.Text))
				}
			}
			fmt.Fprintf(&b, "  %-28s %-13s%s  %s\n", e.Name, e.Kind, code, strings.Join(ms, ", "))
		}
	}
	if len(r.Places) > 0 {
		fmt.Fprintf(&b, "\nPlaces (%d)\n", len(r.Places))
		for _, p := range r.Places {
			fmt.Fprintf(&b, "  %-20s %-10s %s %s (%.3f, %.3f) %s  ← %q\n", p.Name, p.Role, p.CountryCode,
				p.FeatureType, p.Lat, p.Lon, p.Admin1, p.Mention)
		}
	}
	if len(r.Times) > 0 {
		fmt.Fprintf(&b, "\nTimes (%d)\n", len(r.Times))
		for _, t := range r.Times {
			span := t.From
			if t.To != t.From {
				span += " … " + t.To
			}
			fmt.Fprintf(&b, "  %-24s %s (%s)\n", fmt.Sprintf("%q", t.Text), span, t.Precision)
		}
	}
	if len(r.Quotes) > 0 {
		fmt.Fprintf(&b, "\nQuotes (%d)\n", len(r.Quotes))
		for _, q := range r.Quotes {
			who := q.SpeakerName
			if who == "" && q.Speaker != nil {
				who = q.Speaker.Text
			}
			if who == "" {
				who = "(unknown speaker)"
			}
			cue := ""
			if q.Cue != nil {
				cue = q.Cue.Text
			}
			fmt.Fprintf(&b, "  %s — %s, %s: %q\n", who, cue, q.Kind, clip(q.Content.Text, 110))
			if q.Via != nil {
				fmt.Fprintf(&b, "      citing %q\n", q.Via.Text)
			}
		}
	}
	if len(r.Claims) > 0 {
		fmt.Fprintf(&b, "\nClaims (%d)\n", len(r.Claims))
		for _, c := range r.Claims {
			val := formatNumber(c.Value)
			if c.Low != nil && c.High != nil {
				val = formatNumber(*c.Low) + "–" + formatNumber(*c.High)
			}
			line := fmt.Sprintf("  %s %s %s", c.Qualifier, val, c.Counted)
			if c.Unit != "" {
				line += " (" + c.Unit + ")"
			}
			if c.Of != "" {
				line += " of " + c.Of
			}
			line += " — claimed by " + c.ClaimedBy
			if c.PartOf != "" {
				line += " · part of " + c.PartOf
			}
			if c.Consistency != "" {
				line += " · " + c.Consistency
			}
			fmt.Fprintf(&b, "%s  ← %q\n", line, clip(c.Evidence.Text, 60))
		}
	}
	if len(r.Events) > 0 {
		fmt.Fprintf(&b, "\nEvents (%d)\n", len(r.Events))
		for _, e := range r.Events {
			src, tgt := "—", "—"
			if e.Source != nil {
				src = e.Source.Code
			}
			if e.Target != nil {
				tgt = e.Target.Code
			}
			fmt.Fprintf(&b, "  %s %s→%s %s/%s %s,%s ← %q\n", e.Date, src, tgt, e.CAMEO, e.Plover,
				e.Polarity, e.Modality, clip(e.Action.Text, 60))
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + " …"
	}
	return strings.Join(f, " ")
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// formatNumber prints 8700 as "8,700" and 2300000 as "2,300,000".
func formatNumber(v float64) string {
	if v != float64(int64(v)) {
		return fmt.Sprintf("%g", v)
	}
	s := fmt.Sprintf("%d", int64(v))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
