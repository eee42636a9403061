package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"dateline/extract"
	"dateline/nlp"
	"dateline/record"
)

// QuotesResult is the outcome of Quotes. Its JSON form is the one line
// that `dateline eval quotes` prints.
type QuotesResult struct {
	Task             string  `json:"task"`
	Articles         int     `json:"articles"`
	Gold             int     `json:"gold"`
	Predicted        int     `json:"predicted"`
	ContentPrecision float64 `json:"content_precision"`
	ContentRecall    float64 `json:"content_recall"`
	ContentF1        float64 `json:"content_f1"`
	CueF1            float64 `json:"cue_f1"`
	SourceAccuracy   float64 `json:"source_accuracy"`

	// Matched is the number of gold attributions whose content matched.
	Matched int `json:"-"`
	// CueGold, CuePredicted and CueMatched count distinct cue spans.
	CueGold, CuePredicted, CueMatched int `json:"-"`
	// SourceScored counts matched pairs whose gold attribution has a
	// source; SourceOK those whose predicted speaker overlaps it.
	SourceScored, SourceOK int `json:"-"`
	// PerRule tallies predictions by content rule: predicted and matched.
	PerRule map[string][2]int `json:"-"`
	// Errors lists missed gold contents and unmatched predictions, one
	// line each, when Quotes was asked to keep them.
	Errors []string `json:"-"`
}

// Segments is a possibly discontinuous span: [start, end) pairs of
// character (Unicode code point) offsets.
type Segments [][2]int

// Len is the number of characters covered.
func (s Segments) Len() int {
	n := 0
	for _, g := range s {
		n += g[1] - g[0]
	}
	return n
}

// Overlap is the number of characters two segment sets share.
func (s Segments) Overlap(t Segments) int {
	n := 0
	for _, a := range s {
		for _, b := range t {
			lo, hi := max(a[0], b[0]), min(a[1], b[1])
			if hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func (s Segments) key() string {
	var b strings.Builder
	for _, g := range s {
		fmt.Fprintf(&b, "%d-%d;", g[0], g[1])
	}
	return b.String()
}

// GoldAttribution is one PolNeAR attribution relation: its content, cue
// and (optional) source spans in code-point offsets.
type GoldAttribution struct {
	Content, Cue, Source Segments
	ContentText          string
}

// GoldArticle is one article of a PolNeAR-layout directory.
type GoldArticle struct {
	Name         string
	Text         string
	Attributions []GoldAttribution
}

// LoadPolNeAR reads DIR/text/NAME.txt and, for each, the first (in name
// order) annotator file DIR/attributions/NAME_<annotator>.ann. Articles
// without an annotation file are skipped.
func LoadPolNeAR(dir string) ([]GoldArticle, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("no articles in %s (expected DIR/text/*.txt and DIR/attributions/*.ann)", filepath.Join(dir, "text"))
	}
	sort.Strings(texts)
	var out []GoldArticle
	for _, tp := range texts {
		name := strings.TrimSuffix(filepath.Base(tp), ".txt")
		anns, err := filepath.Glob(filepath.Join(dir, "attributions", globEscape(name)+"_*.ann"))
		if err != nil {
			return nil, err
		}
		// Keep only NAME_<annotator>.ann where <annotator> has no "_".
		var mine []string
		for _, a := range anns {
			rest := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(a), name+"_"), ".ann")
			if !strings.Contains(rest, "_") {
				mine = append(mine, a)
			}
		}
		if len(mine) == 0 {
			continue
		}
		sort.Strings(mine)
		text, err := os.ReadFile(tp)
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(text) {
			return nil, fmt.Errorf("%s: text is not valid UTF-8", tp)
		}
		atts, err := readBrat(mine[0])
		if err != nil {
			return nil, err
		}
		out = append(out, GoldArticle{Name: name, Text: string(text), Attributions: atts})
	}
	return out, nil
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}

// readBrat parses the T (text-bound) and E (event) lines of a brat
// standoff file into attributions; each E line ties a Content, Cue and
// Source together. E lines without a Content are ignored.
func readBrat(path string) ([]GoldAttribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type tb struct {
		segs Segments
		text string
	}
	tbs := map[string]tb{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			continue
		}
		parts := strings.Split(l, "\t")
		switch {
		case strings.HasPrefix(parts[0], "T"):
			if len(parts) < 2 {
				return nil, fmt.Errorf("%s:%d: text-bound line has no type and offsets", path, line)
			}
			fields := strings.SplitN(parts[1], " ", 2)
			if len(fields) != 2 {
				return nil, fmt.Errorf("%s:%d: text-bound line has no offsets", path, line)
			}
			var segs Segments
			for _, seg := range strings.Split(fields[1], ";") {
				var a, b int
				ab := strings.Fields(seg)
				if len(ab) != 2 {
					return nil, fmt.Errorf("%s:%d: bad offsets %q", path, line, seg)
				}
				a, err1 := strconv.Atoi(ab[0])
				b, err2 := strconv.Atoi(ab[1])
				if err1 != nil || err2 != nil || b < a {
					return nil, fmt.Errorf("%s:%d: bad offsets %q", path, line, seg)
				}
				segs = append(segs, [2]int{a, b})
			}
			text := ""
			if len(parts) > 2 {
				text = parts[2]
			}
			tbs[parts[0]] = tb{segs, text}
		case strings.HasPrefix(parts[0], "E"):
			if len(parts) < 2 {
				return nil, fmt.Errorf("%s:%d: event line has no arguments", path, line)
			}
			events = append(events, strings.Fields(parts[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []GoldAttribution
	for _, ev := range events {
		var a GoldAttribution
		for _, arg := range ev[1:] {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			t, ok := tbs[id]
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Content":
				a.Content = append(a.Content, t.segs...)
				a.ContentText = t.text
			case "Cue":
				a.Cue = append(a.Cue, t.segs...)
			case "Source":
				a.Source = append(a.Source, t.segs...)
			}
		}
		if a.Content.Len() > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// runeIndex converts byte offsets of text to code-point offsets.
type runeIndex []int

func newRuneIndex(text string) runeIndex {
	idx := make(runeIndex, len(text)+1)
	n := 0
	for i := range text {
		for j := i; j < len(text) && (j == i || !utf8.RuneStart(text[j])); j++ {
			idx[j] = n
		}
		n++
	}
	idx[len(text)] = n
	return idx
}

func (ri runeIndex) seg(e *record.Evidence) [2]int {
	s, t := e.Start, e.End
	if s < 0 {
		s = 0
	}
	if t > len(ri)-1 {
		t = len(ri) - 1
	}
	return [2]int{ri[s], ri[t]}
}

// predAttribution is extract's output grouped like PolNeAR annotates:
// quotes sharing one cue (a quote split by its attribution, or running
// over paragraphs) are one attribution with a discontinuous content.
type predAttribution struct {
	Content, Cue, Source Segments
	Rule, Text           string
}

func groupQuotes(qs []record.Quote, ri runeIndex) []predAttribution {
	var out []predAttribution
	byCue := map[[2]int]int{}
	for i := range qs {
		q := &qs[i]
		c := ri.seg(&q.Content)
		if q.Cue != nil {
			k := [2]int{q.Cue.Start, q.Cue.End}
			if j, ok := byCue[k]; ok {
				out[j].Content = append(out[j].Content, c)
				continue
			}
			byCue[k] = len(out)
		}
		p := predAttribution{Content: Segments{c}, Rule: q.Content.Rule, Text: q.Content.Text}
		if q.Cue != nil {
			p.Cue = Segments{ri.seg(q.Cue)}
		}
		if q.Speaker != nil {
			p.Source = Segments{ri.seg(q.Speaker)}
		}
		out = append(out, p)
	}
	return out
}

// Quotes runs annotate and extract.Quotes over every gold article and
// scores the attributions. A predicted and a gold content match when
// they share at least half of the longer one's characters; pairs are
// matched one to one, best overlap first. keepErrors fills
// QuotesResult.Errors.
func Quotes(ctx context.Context, gold []GoldArticle, annotate func(string) *nlp.Doc, keepErrors bool) (*QuotesResult, error) {
	r := &QuotesResult{Task: "quotes", PerRule: map[string][2]int{}}
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := annotate(g.Text)
		if doc == nil {
			return nil, fmt.Errorf("%s: the pipeline returned no document", g.Name)
		}
		ri := newRuneIndex(doc.Text)
		preds := groupQuotes(extract.Quotes(doc, g.Name), ri)
		r.Articles++
		r.Gold += len(g.Attributions)
		r.Predicted += len(preds)

		type pair struct{ gi, pi, ov int }
		var pairs []pair
		for gi, ga := range g.Attributions {
			for pi, pa := range preds {
				ov := ga.Content.Overlap(pa.Content)
				if ov > 0 && 2*ov >= max(ga.Content.Len(), pa.Content.Len()) {
					pairs = append(pairs, pair{gi, pi, ov})
				}
			}
		}
		sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
		gUsed := make([]bool, len(g.Attributions))
		pUsed := make([]bool, len(preds))
		for _, p := range pairs {
			if gUsed[p.gi] || pUsed[p.pi] {
				continue
			}
			gUsed[p.gi], pUsed[p.pi] = true, true
			r.Matched++
			ga, pa := g.Attributions[p.gi], preds[p.pi]
			if ga.Source.Len() > 0 {
				r.SourceScored++
				if pa.Source.Overlap(ga.Source) > 0 {
					r.SourceOK++
				} else if keepErrors {
					r.Errors = append(r.Errors, fmt.Sprintf("SOURCE %s gold=%q pred=%q | %.80q", g.Name,
						spanText(g.Text, ga.Source), spanText(g.Text, pa.Source), pa.Text))
				}
			}
		}
		for pi, pa := range preds {
			c := r.PerRule[pa.Rule]
			c[0]++
			if pUsed[pi] {
				c[1]++
			} else if keepErrors {
				// Name the gold content that overlaps most, if any: a
				// boundary error rather than a spurious attribution.
				near, best := "", 0
				for _, ga := range g.Attributions {
					if ov := ga.Content.Overlap(pa.Content); ov > best {
						best, near = ov, fmt.Sprintf(" NEAR[%d/%d/%d] %.80q%s", ov, ga.Content.Len(), pa.Content.Len(),
							ga.ContentText, boundaryEdges(g.Text, ga.Content, pa.Content))
					}
				}
				r.Errors = append(r.Errors, fmt.Sprintf("FALSE  %s [%s] cue=%q src=%q | %.120q%s", g.Name, pa.Rule,
					spanText(g.Text, pa.Cue), spanText(g.Text, pa.Source), pa.Text, near))
			}
			r.PerRule[pa.Rule] = c
		}
		if keepErrors {
			for gi, ga := range g.Attributions {
				if gUsed[gi] {
					continue
				}
				// Name the prediction that overlaps most, if any: a
				// boundary error rather than a missed attribution.
				near, best, edges := "", 0, ""
				for _, pa := range preds {
					if ov := ga.Content.Overlap(pa.Content); ov > best {
						best, near = ov, fmt.Sprintf(" NEAR[%s %d/%d/%d] %.80q", pa.Rule, ov, ga.Content.Len(), pa.Content.Len(), pa.Text)
						edges = boundaryEdges(g.Text, ga.Content, pa.Content)
					}
				}
				r.Errors = append(r.Errors, fmt.Sprintf("MISSED %s cue=%q src=%q | %.120q%s%s", g.Name,
					spanText(g.Text, ga.Cue), spanText(g.Text, ga.Source), ga.ContentText, near, edges))
			}
		}

		// Cues: exact span match over distinct spans.
		goldCues := map[string]bool{}
		for _, ga := range g.Attributions {
			if ga.Cue.Len() > 0 {
				goldCues[ga.Cue.key()] = true
			}
		}
		predCues := map[string]bool{}
		for _, pa := range preds {
			if pa.Cue.Len() > 0 {
				predCues[pa.Cue.key()] = true
			}
		}
		r.CueGold += len(goldCues)
		r.CuePredicted += len(predCues)
		for k := range predCues {
			if goldCues[k] {
				r.CueMatched++
			}
		}
	}
	r.ContentPrecision = fracOf(r.Matched, r.Predicted)
	r.ContentRecall = fracOf(r.Matched, r.Gold)
	r.ContentF1 = harmonic(r.ContentPrecision, r.ContentRecall)
	r.CueF1 = harmonic(fracOf(r.CueMatched, r.CuePredicted), fracOf(r.CueMatched, r.CueGold))
	r.SourceAccuracy = fracOf(r.SourceOK, r.SourceScored)
	return r, nil
}

// boundaryEdges describes how a predicted content that overlaps a gold
// one differs at its edges: the text only the gold (+) or only the
// prediction (-) holds at the left (L) and right (R) end, e.g.
// ` L-"on Friday " R+", adding that ..."`. Edges that agree are left out.
func boundaryEdges(text string, gold, pred Segments) string {
	if len(gold) == 0 || len(pred) == 0 {
		return ""
	}
	rs := []rune(text)
	gs, ge := gold[0][0], gold[len(gold)-1][1]
	ps, pe := pred[0][0], pred[len(pred)-1][1]
	cut := func(a, b int) string {
		a, b = max(a, 0), min(b, len(rs))
		if b <= a {
			return ""
		}
		s := string(rs[a:b])
		if len(s) > 60 {
			s = s[:60] + "…"
		}
		return s
	}
	var b strings.Builder
	switch {
	case gs < ps:
		fmt.Fprintf(&b, " L+%q", cut(gs, ps))
	case ps < gs:
		fmt.Fprintf(&b, " L-%q", cut(ps, gs))
	}
	switch {
	case ge > pe:
		fmt.Fprintf(&b, " R+%q", cut(pe, ge))
	case pe > ge:
		fmt.Fprintf(&b, " R-%q", cut(ge, pe))
	}
	return b.String()
}

func spanText(text string, s Segments) string {
	var parts []string
	rs := []rune(text)
	for _, g := range s {
		if g[0] >= 0 && g[1] <= len(rs) && g[0] <= g[1] {
			parts = append(parts, string(rs[g[0]:g[1]]))
		}
	}
	return strings.Join(parts, " … ")
}

func fracOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// WriteQuotesTable writes a readable summary of r: totals, then one row
// per extraction rule with its precision.
func WriteQuotesTable(w io.Writer, r *QuotesResult) {
	fmt.Fprintf(w, "quotes: %d articles, %d gold attributions, %d predicted, %d matched\n",
		r.Articles, r.Gold, r.Predicted, r.Matched)
	fmt.Fprintf(w, "  content  P %.3f  R %.3f  F1 %.3f\n", r.ContentPrecision, r.ContentRecall, r.ContentF1)
	fmt.Fprintf(w, "  cue      F1 %.3f  (%d gold, %d predicted, %d exact)\n", r.CueF1, r.CueGold, r.CuePredicted, r.CueMatched)
	fmt.Fprintf(w, "  source   accuracy %.3f  (%d of %d matched with a gold source)\n", r.SourceAccuracy, r.SourceOK, r.SourceScored)
	rules := make([]string, 0, len(r.PerRule))
	for k := range r.PerRule {
		rules = append(rules, k)
	}
	sort.Strings(rules)
	fmt.Fprintf(w, "  %-44s %6s %6s %6s\n", "rule", "pred", "match", "prec")
	for _, k := range rules {
		c := r.PerRule[k]
		fmt.Fprintf(w, "  %-44s %6d %6d %6.3f\n", k, c[0], c[1], fracOf(c[1], c[0]))
	}
}
