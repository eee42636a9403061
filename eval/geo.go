package eval

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"dateline/extract"
	"dateline/kb"
	"dateline/nlp"
)

// GeoResult is the outcome of Geo. Its JSON form is the one line that
// `dateline eval geo` prints.
type GeoResult struct {
	Task             string  `json:"task"`
	Articles         int     `json:"articles"`
	Gold             int     `json:"gold"`
	TaggingPrecision float64 `json:"tagging_precision"`
	TaggingRecall    float64 `json:"tagging_recall"`
	TaggingF1        float64 `json:"tagging_f1"`
	Acc161           float64 `json:"acc161"`
	MeanErrorKm      float64 `json:"mean_error_km"`

	// Predicted counts predicted toponym spans; PredictedOK those that
	// overlap a gold span; GoldFound gold spans overlapped by a prediction.
	Predicted, PredictedOK, GoldFound int `json:"-"`
	// Resolved counts gold toponyms with coordinates that were resolved.
	Resolved int `json:"-"`
	// Misaligned counts gold spans whose name was not found in the text
	// (their given offsets were used as they are).
	Misaligned int `json:"-"`
	// Errors lists missed and false toponyms and resolution misses, one
	// line each, when Geo was asked to keep them.
	Errors []string `json:"-"`
	// Causes counts the resolution misses by cause (see GeoCause) when
	// Geo was asked to keep errors.
	Causes map[string]int `json:"-"`
}

// Causes of a resolution miss, as GeoCause tells them.
const (
	CauseNothing   = "no entry of the name"       // the gazetteer lacks the name
	CauseCandidate = "wrong candidate"            // another entry of the name is within 161 km
	CauseAreaPoint = "area point far from gold's" // a country or region chosen, none of the name near gold
	CauseMissing   = "right place not listed"     // a town chosen, none of the name near gold
)

// GeoCause tells why a gold toponym resolved more than 161 km from its
// gold point: the gazetteer has no entry of the name; another entry of
// the name lies within 161 km (the resolver picked the wrong one); the
// resolver picked a country or region and no entry of the name is near
// gold (the representative point differs from gold's, or gold means
// something else); or it picked a town and the gazetteer lacks the place
// gold means.
func GeoCause(k *kb.KB, name string, chosen kb.Place, ok bool, lat, lon float64) string {
	if !ok {
		return CauseNothing
	}
	for _, p := range k.Places(name) {
		if kb.DistanceKm(lat, lon, p.Lat, p.Lon) <= 161 {
			return CauseCandidate
		}
	}
	switch chosen.Feature {
	case kb.FeatureCountry, kb.FeatureAdmin1, kb.FeatureRegion:
		return CauseAreaPoint
	}
	return CauseMissing
}

// GeoArticle is one gold article: its text and gold toponyms.
type GeoArticle struct {
	Text string
	Gold []GeoGold
}

// GeoGold is one gold toponym: bytes [Start, End) of the article text
// after alignment, and its coordinates when the file gives them.
type GeoGold struct {
	Name       string
	Start, End int
	Lat, Lon   float64
	HasCoords  bool
	Misaligned bool
}

// maxErrorKm is the error charged for a gold toponym the resolver cannot
// resolve at all: half the Earth's circumference, as in Gritta et al.
const maxErrorKm = 20039.0

type geoXML struct {
	Articles []struct {
		Text      string `xml:"text"`
		Locations []struct {
			Name  string `xml:"name"`
			Start string `xml:"start"`
			End   string `xml:"end"`
			Lat   string `xml:"lat"`
			Lon   string `xml:"lon"`
		} `xml:"locations>location"`
		Toponyms []struct {
			Start  string `xml:"start"`
			End    string `xml:"end"`
			Phrase string `xml:"phrase"`
			Gaztag *struct {
				Lat string `xml:"lat"`
				Lon string `xml:"lon"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// LoadGeoGold reads a geoparsing gold file in the GeoVirus format
// (<article><text/><locations><location> with name, start, end, lat, lon)
// or the LGL / TR-News format (<article><text/><toponyms><toponym> with
// start, end, phrase and a <gaztag> holding lat and lon). Offsets are
// Unicode code points into the text but are sometimes shifted (GeoVirus
// by one), so each gold span is aligned to the occurrence of its name
// nearest the given offset, and turned into byte offsets.
func LoadGeoGold(path string) ([]GeoArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	arts, err := ReadGeoGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return arts, nil
}

// ReadGeoGold is LoadGeoGold over a reader.
func ReadGeoGold(r io.Reader) ([]GeoArticle, error) {
	var g geoXML
	if err := xml.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("reading geoparsing XML: %w", err)
	}
	var out []GeoArticle
	for ai, a := range g.Articles {
		ga := GeoArticle{Text: a.Text}
		al := newAligner(a.Text)
		add := func(name, start, end, lat, lon string) error {
			name = strings.TrimSpace(name)
			s, err1 := strconv.Atoi(strings.TrimSpace(start))
			e, err2 := strconv.Atoi(strings.TrimSpace(end))
			if err1 != nil || err2 != nil {
				return fmt.Errorf("article %d: toponym %q has start %q and end %q, want code-point offsets", ai+1, name, start, end)
			}
			gg := GeoGold{Name: name}
			gg.Start, gg.End, gg.Misaligned = al.align(name, s, e)
			if gg.Start < 0 {
				return fmt.Errorf("article %d: toponym %q at %d-%d lies outside the text (%d characters)", ai+1, name, s, e, al.n)
			}
			if gg.Name == "" {
				gg.Name = a.Text[gg.Start:gg.End]
			}
			la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
			lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
			if err1 == nil && err2 == nil {
				gg.Lat, gg.Lon, gg.HasCoords = la, lo, true
			}
			ga.Gold = append(ga.Gold, gg)
			return nil
		}
		for _, l := range a.Locations {
			if err := add(l.Name, l.Start, l.End, l.Lat, l.Lon); err != nil {
				return nil, err
			}
		}
		for _, t := range a.Toponyms {
			lat, lon := "", ""
			if t.Gaztag != nil {
				lat, lon = t.Gaztag.Lat, t.Gaztag.Lon
			}
			if err := add(t.Phrase, t.Start, t.End, lat, lon); err != nil {
				return nil, err
			}
		}
		out = append(out, ga)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no <article> elements: not a GeoVirus or LGL/TR-News file")
	}
	return out, nil
}

// aligner maps code-point offsets of a text to byte offsets.
type aligner struct {
	text  string
	bytes []int // code point index → byte offset; len n+1
	n     int
}

func newAligner(text string) *aligner {
	a := &aligner{text: text}
	for i := range text {
		a.bytes = append(a.bytes, i)
	}
	a.n = len(a.bytes)
	a.bytes = append(a.bytes, len(text))
	return a
}

// align returns the byte span of the occurrence of name nearest the
// code-point offset start; when name does not occur, the given offsets
// (misaligned=true), or -1 when they are outside the text.
func (a *aligner) align(name string, start, end int) (int, int, bool) {
	if name != "" {
		want := -1
		if start >= 0 && start <= a.n {
			want = a.bytes[start]
		}
		best, bestD := -1, math.MaxInt
		for from := 0; from <= len(a.text); {
			i := strings.Index(a.text[from:], name)
			if i < 0 {
				break
			}
			i += from
			d := abs(i - want)
			if d < bestD {
				best, bestD = i, d
			}
			from = i + 1
		}
		if best >= 0 {
			return best, best + len(name), false
		}
	}
	if start < 0 || end > a.n || start >= end {
		return -1, -1, true
	}
	return a.bytes[start], a.bytes[end], true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Geo scores toponym tagging and resolution. Each article is annotated
// with annotate (the full text engine: toponyms come from its entity
// spans). Tagging compares extract.FindToponyms's spans with the gold
// spans: a prediction is correct when it overlaps a gold span, a gold span
// is found when a prediction overlaps it. Resolution resolves every gold
// span that has coordinates with extract.ResolveToponyms, the article's
// predicted toponyms serving as context, and measures the distance to the
// gold point: acc161 is the share within 161 km and mean_error_km the mean
// distance (maxErrorKm when the gazetteer has no entry for the name).
func Geo(ctx context.Context, arts []GeoArticle, annotate func(string) *nlp.Doc, k *kb.KB, keepErrors bool) (GeoResult, error) {
	if k == nil {
		k = kb.Default()
	}
	r := GeoResult{Task: "geo", Articles: len(arts)}
	var errSum float64
	within, scored := 0, 0
	for ai, a := range arts {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		doc := annotate(a.Text)
		pred := extract.FindToponyms(doc, k)
		r.Gold += len(a.Gold)
		r.Predicted += len(pred)
		for _, g := range a.Gold {
			if g.Misaligned {
				r.Misaligned++
			}
		}
		for _, p := range pred {
			if overlapsGold(p.Start, p.End, a.Gold) {
				r.PredictedOK++
			} else if keepErrors {
				r.Errors = append(r.Errors, fmt.Sprintf("article %d: false toponym %q (%s)", ai+1, p.Text, p.Rule))
			}
		}
		var tops []extract.Toponym
		var golds []GeoGold
		for _, g := range a.Gold {
			found := false
			for _, p := range pred {
				if p.Start < g.End && g.Start < p.End {
					found = true
					break
				}
			}
			if found {
				r.GoldFound++
			} else if keepErrors {
				r.Errors = append(r.Errors, fmt.Sprintf("article %d: missed toponym %q", ai+1, g.Name))
			}
			if g.HasCoords {
				tops = append(tops, goldToponym(doc, a.Text, g))
				golds = append(golds, g)
			}
		}
		for i, res := range extract.ResolveToponyms(doc, k, "", tops, pred) {
			g := golds[i]
			scored++
			d := maxErrorKm
			chosen := "nothing"
			if res.OK {
				r.Resolved++
				d = kb.DistanceKm(g.Lat, g.Lon, res.Place.Lat, res.Place.Lon)
				chosen = fmt.Sprintf("%s (%s, %s, %s, pop %d)", res.Place.Name, res.Place.Feature, res.Place.Admin1, res.Place.Country, res.Place.Population)
				if res.Near {
					chosen = "a place near " + chosen
				}
			}
			errSum += d
			if d <= 161 {
				within++
			} else if keepErrors {
				cause := GeoCause(k, g.Name, res.Place, res.OK && !res.Near, g.Lat, g.Lon)
				if r.Causes == nil {
					r.Causes = map[string]int{}
				}
				r.Causes[cause]++
				r.Errors = append(r.Errors, fmt.Sprintf("article %d: %q resolved to %s, %.0f km from gold %.2f,%.2f [%s]", ai+1, g.Name, chosen, d, g.Lat, g.Lon, cause))
			}
		}
	}
	if r.Gold == 0 {
		return r, fmt.Errorf("no gold toponyms")
	}
	p := safeDiv(r.PredictedOK, r.Predicted)
	rec := safeDiv(r.GoldFound, r.Gold)
	r.TaggingPrecision, r.TaggingRecall = round4(p), round4(rec)
	if p+rec > 0 {
		r.TaggingF1 = round4(2 * p * rec / (p + rec))
	}
	if scored > 0 {
		r.Acc161 = round4(float64(within) / float64(scored))
		r.MeanErrorKm = math.Round(errSum/float64(scored)*10) / 10
	}
	return r, nil
}

func overlapsGold(s, e int, gold []GeoGold) bool {
	for _, g := range gold {
		if s < g.End && g.Start < e {
			return true
		}
	}
	return false
}

// goldToponym turns a gold span into a Toponym, with the tokens covering
// it when the Doc has them (the resolver reads the words around it).
func goldToponym(doc *nlp.Doc, text string, g GeoGold) extract.Toponym {
	t := extract.Toponym{Start: g.Start, End: g.End, Tok: -1, TokEnd: -1, Text: text[g.Start:g.End], Rule: "gold"}
	if doc == nil {
		return t
	}
	i := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].End > g.Start })
	j := i
	for j < len(doc.Tokens) && doc.Tokens[j].Start < g.End {
		j++
	}
	if i < j {
		t.Tok, t.TokEnd = i, j
		t.Feature = extract.FeatureHint(doc, t)
	}
	return t
}

func safeDiv(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func round4(x float64) float64 { return math.Round(x*10000) / 10000 }

// WriteGeoTable prints the metrics for people.
func WriteGeoTable(w io.Writer, r GeoResult) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\n", r.Articles)
	fmt.Fprintf(tw, "gold toponyms\t%d (%d not found by name, offsets used)\n", r.Gold, r.Misaligned)
	fmt.Fprintf(tw, "predicted toponyms\t%d\n", r.Predicted)
	fmt.Fprintf(tw, "tagging P / R / F1\t%.3f / %.3f / %.3f\n", r.TaggingPrecision, r.TaggingRecall, r.TaggingF1)
	fmt.Fprintf(tw, "accuracy@161km\t%.3f\n", r.Acc161)
	fmt.Fprintf(tw, "mean error km\t%.1f\n", r.MeanErrorKm)
	causes := make([]string, 0, len(r.Causes))
	for c := range r.Causes {
		causes = append(causes, c)
	}
	sort.Slice(causes, func(i, j int) bool { return r.Causes[causes[i]] > r.Causes[causes[j]] })
	for _, c := range causes {
		fmt.Fprintf(tw, "misses: %s\t%d\n", c, r.Causes[c])
	}
	tw.Flush()
}
