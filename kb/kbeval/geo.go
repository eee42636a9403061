// Package kbeval scores the knowledge base on its own, apart from text
// processing: today, how well the gazetteer's ranking resolves toponyms
// whose spans are given (an oracle geotagger), on GeoVirus-format files.
package kbeval

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"

	"dateline/kb"
)

// maxKm is half the Earth's circumference, the error charged when a
// toponym is not in the gazetteer at all (as in Gritta et al. 2018).
const maxKm = 20039.0

// GeoResult holds gazetteer resolution metrics. Fractions are in [0,1].
type GeoResult struct {
	Toponyms    int     `json:"toponyms"`
	Found       float64 `json:"found"`        // share with at least one candidate
	AccAt161    float64 `json:"acc_at_161km"` // share whose top candidate is within 161 km
	Top5At161   float64 `json:"top5_at_161km"`
	MeanErrorKm float64 `json:"mean_error_km"`
	MedianKm    float64 `json:"median_error_km"`
	AUC         float64 `json:"auc"` // area under the log-error curve; lower is better
	// Misses lists the worst errors (name, gold and chosen coordinates).
	Misses []GeoMiss `json:"misses,omitempty"`
}

// GeoMiss is one toponym resolved more than 161 km away, or not at all.
type GeoMiss struct {
	Name     string  `json:"name"`
	GoldLat  float64 `json:"gold_lat"`
	GoldLon  float64 `json:"gold_lon"`
	Chosen   string  `json:"chosen,omitempty"`
	ErrorKm  float64 `json:"error_km"`
	Document int     `json:"document"`
}

type geoVirus struct {
	Articles []struct {
		Locations []struct {
			Name string  `xml:"name"`
			Lat  float64 `xml:"lat"`
			Lon  float64 `xml:"lon"`
		} `xml:"locations>location"`
	} `xml:"article"`
}

// GeoVirus reads a GeoVirus-format XML file (articles with gold
// locations: name, lat, lon) and resolves every gold name with k.Places,
// taking the first candidate. It keeps the maxMisses worst misses.
func GeoVirus(r io.Reader, k *kb.KB, maxMisses int) (GeoResult, error) {
	var g geoVirus
	if err := xml.NewDecoder(r).Decode(&g); err != nil {
		return GeoResult{}, fmt.Errorf("reading GeoVirus XML: %w", err)
	}
	var res GeoResult
	var errs []float64
	var misses []GeoMiss
	found, acc, top5 := 0, 0, 0
	for doc, a := range g.Articles {
		for _, loc := range a.Locations {
			name := strings.TrimSpace(loc.Name)
			if name == "" {
				continue
			}
			res.Toponyms++
			cands := k.Places(name)
			e := maxKm
			chosen := ""
			if len(cands) > 0 {
				found++
				e = kb.DistanceKm(loc.Lat, loc.Lon, cands[0].Lat, cands[0].Lon)
				chosen = fmt.Sprintf("%s (%s, %s, %.2f,%.2f)", cands[0].Name, cands[0].Country, cands[0].Feature, cands[0].Lat, cands[0].Lon)
				for i, c := range cands {
					if i == 5 {
						break
					}
					if kb.DistanceKm(loc.Lat, loc.Lon, c.Lat, c.Lon) <= 161 {
						top5++
						break
					}
				}
			}
			if e <= 161 {
				acc++
			} else {
				misses = append(misses, GeoMiss{Name: name, GoldLat: loc.Lat, GoldLon: loc.Lon, Chosen: chosen, ErrorKm: math.Round(e), Document: doc})
			}
			errs = append(errs, e)
		}
	}
	if res.Toponyms == 0 {
		return res, fmt.Errorf("no gold locations in the file")
	}
	n := float64(res.Toponyms)
	res.Found = float64(found) / n
	res.AccAt161 = float64(acc) / n
	res.Top5At161 = float64(top5) / n
	sum, logSum := 0.0, 0.0
	for _, e := range errs {
		sum += e
		logSum += math.Log(1+e) / math.Log(1+maxKm)
	}
	res.MeanErrorKm = math.Round(sum/n*10) / 10
	res.AUC = math.Round(logSum/n*10000) / 10000
	sort.Float64s(errs)
	res.MedianKm = math.Round(errs[len(errs)/2]*10) / 10
	sort.SliceStable(misses, func(i, j int) bool { return misses[i].ErrorKm > misses[j].ErrorKm })
	if len(misses) > maxMisses {
		misses = misses[:maxMisses]
	}
	res.Misses = misses
	return res, nil
}

// WriteGeoTable prints the metrics and the misses for people.
func WriteGeoTable(w io.Writer, r GeoResult) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "toponyms\t%d\n", r.Toponyms)
	fmt.Fprintf(tw, "found in gazetteer\t%.3f\n", r.Found)
	fmt.Fprintf(tw, "accuracy@161km (top candidate)\t%.3f\n", r.AccAt161)
	fmt.Fprintf(tw, "accuracy@161km (any of top 5)\t%.3f\n", r.Top5At161)
	fmt.Fprintf(tw, "mean / median error km\t%.1f / %.1f\n", r.MeanErrorKm, r.MedianKm)
	fmt.Fprintf(tw, "AUC (lower is better)\t%.4f\n", r.AUC)
	tw.Flush()
	for _, m := range r.Misses {
		fmt.Fprintf(w, "  miss %-25q gold %.2f,%.2f  chose %s  %.0f km\n", m.Name, m.GoldLat, m.GoldLon, m.Chosen, m.ErrorKm)
	}
}
