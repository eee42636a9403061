package kbeval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"

	"dateline/kb"
)

// ActorResult holds actor-dictionary metrics over gold actor phrases.
// Fractions are in [0,1].
type ActorResult struct {
	Actors          int         `json:"actors"`
	Resolved        float64     `json:"resolved"`         // share given any code
	CountryAccuracy float64     `json:"country_accuracy"` // share whose first segment matches gold
	WithSector      int         `json:"with_sector"`      // gold actors with a CAMEO sector
	SectorAccuracy  float64     `json:"sector_accuracy"`  // of those, share whose sector matches
	Errors          []ActorMiss `json:"errors,omitempty"`
}

// ActorMiss is one gold actor phrase resolved to the wrong code or none.
type ActorMiss struct {
	Text string `json:"text"`
	Gold string `json:"gold"`
	Got  string `json:"got"`
	Why  string `json:"why,omitempty"`
}

type ploverRecord struct {
	Date   string          `json:"date"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector"`
}

// Resolution is the code the knowledge base gives an actor phrase, and
// the entry that justified it.
type Resolution struct {
	Code   string // country (or IGO/NGO/IMG) segment plus group and sector
	Sector string
	Why    string // e.g. `actor "Hamas"`, `demonym "Russian" + role "troops"`
}

// ResolveActor codes a short actor phrase ("Senior Hungarian officials",
// "the Kremlin", "Israeli soldiers") with the knowledge base alone: the
// longest, leftmost word n-gram that names an actor, metonym, country or
// demonym gives the country segment, and the longest role word elsewhere
// in the phrase gives the sector when the entry has none. date picks
// date-bounded roles. ok is false when nothing in the phrase is known.
func ResolveActor(k *kb.KB, phrase, date string) (Resolution, bool) {
	words := strings.FieldsFunc(phrase, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' || r == '"'
	})
	// "Poland's parliament": the possessive belongs to the name.
	for i, w := range words {
		for _, suf := range []string{"'s", "’s", "'", "’"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+1 {
				words[i] = strings.TrimSuffix(w, suf)
				break
			}
		}
	}
	var res Resolution
	found := false
	var used [2]int
	for n := len(words); n >= 1 && !found; n-- {
		for i := 0; i+n <= len(words); i++ {
			p := strings.Join(words[i:i+n], " ")
			if a, ok := k.Actor(p, date); ok {
				res = Resolution{Code: a.Code, Sector: a.Sector, Why: fmt.Sprintf("actor %q", p)}
			} else if a, ok := k.Metonym(p); ok {
				res = Resolution{Code: a.Code, Sector: a.Sector, Why: fmt.Sprintf("metonym %q", p)}
			} else if c, ok := k.Country(p); ok {
				res = Resolution{Code: c.CAMEO, Why: fmt.Sprintf("country %q", p)}
			} else if c, ok := k.CountryByDemonym(p); ok {
				res = Resolution{Code: c.CAMEO, Why: fmt.Sprintf("demonym %q", p)}
			} else if c, ok := prominentPlaceCountry(k, p); ok {
				res = Resolution{Code: c.CAMEO, Why: fmt.Sprintf("place %q", p)}
			} else {
				continue
			}
			found, used = true, [2]int{i, i + n}
			break
		}
	}
	if !found {
		return res, false
	}
	if res.Sector == "" {
		best := 0
		for n := len(words); n >= 1 && best == 0; n-- {
			for i := 0; i+n <= len(words); i++ {
				if i < used[1] && i+n > used[0] {
					continue // overlaps the name
				}
				p := strings.Join(words[i:i+n], " ")
				if s, ok := k.RoleSector(p); ok {
					res.Sector, best = s, n
					res.Code += s
					res.Why += fmt.Sprintf(" + role %q", p)
					break
				}
			}
		}
	}
	return res, true
}

// prominentPlaceCountry gives the country of a capitalised place name
// whose top candidate is prominent enough to be meant (a country, region or
// town of 100,000 or more), so that "Gaza Strip" or "Algiers" code as their
// country but a hamlet sharing a common word's name does not.
func prominentPlaceCountry(k *kb.KB, p string) (kb.Country, bool) {
	if p == "" || !unicode.IsUpper([]rune(p)[0]) {
		return kb.Country{}, false
	}
	ps := k.Places(p)
	if len(ps) == 0 || ps[0].Country == "" {
		return kb.Country{}, false
	}
	top := ps[0]
	switch top.Feature {
	case kb.FeatureCountry, kb.FeatureCapital, kb.FeatureRegion, kb.FeatureAdmin1:
	default:
		if top.Population < 100000 {
			return kb.Country{}, false
		}
	}
	return k.CountryByCode(top.Country)
}

// PLOVERActors scores ResolveActor on the source and target actors of a
// PLOVER gold-standard JSON file (a list of records; records without
// actors, like the documentation record, are skipped). Gold sectors
// "***" and empty mean "not coded" and are not scored; gold sectors with
// an ethnic or religious suffix ("CVLkur") are compared on their first
// three letters.
func PLOVERActors(r io.Reader, k *kb.KB, maxErrors int) (ActorResult, error) {
	var recs []ploverRecord
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return ActorResult{}, fmt.Errorf("reading PLOVER JSON: %w", err)
	}
	var res ActorResult
	resolved, country, sector := 0, 0, 0
	for _, rec := range recs {
		for _, raw := range []json.RawMessage{rec.Source, rec.Target} {
			for _, a := range parseActors(raw) {
				if a.ActorText == "" || len(a.Code) < 3 {
					continue
				}
				res.Actors++
				got, ok := ResolveActor(k, a.ActorText, rec.Date)
				if ok {
					resolved++
				}
				goldSector := ""
				if len(a.Sector) >= 3 && a.Sector != "***" {
					goldSector = a.Sector[:3]
					res.WithSector++
				}
				countryOK := ok && strings.HasPrefix(got.Code, a.Code[:3])
				if countryOK {
					country++
				}
				sectorOK := goldSector == "" || got.Sector == goldSector
				if goldSector != "" && sectorOK {
					sector++
				}
				if (!countryOK || !sectorOK) && len(res.Errors) < maxErrors {
					res.Errors = append(res.Errors, ActorMiss{Text: a.ActorText, Gold: a.Code + goldSector, Got: got.Code, Why: got.Why})
				}
			}
		}
	}
	if res.Actors == 0 {
		return res, fmt.Errorf("no gold actors in the file")
	}
	res.Resolved = float64(resolved) / float64(res.Actors)
	res.CountryAccuracy = float64(country) / float64(res.Actors)
	if res.WithSector > 0 {
		res.SectorAccuracy = float64(sector) / float64(res.WithSector)
	}
	return res, nil
}

// parseActors accepts a list of actors, a single actor or a bare string
// (the gold file uses all three).
func parseActors(raw json.RawMessage) []ploverActor {
	var list []ploverActor
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one ploverActor
	if json.Unmarshal(raw, &one) == nil {
		return []ploverActor{one}
	}
	return nil
}

// WriteActorTable prints the metrics and the errors for people.
func WriteActorTable(w io.Writer, r ActorResult) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "gold actors\t%d\n", r.Actors)
	fmt.Fprintf(tw, "resolved\t%.3f\n", r.Resolved)
	fmt.Fprintf(tw, "country accuracy\t%.3f\n", r.CountryAccuracy)
	fmt.Fprintf(tw, "sector accuracy (%d with a sector)\t%.3f\n", r.WithSector, r.SectorAccuracy)
	tw.Flush()
	for _, e := range r.Errors {
		fmt.Fprintf(w, "  %-45q gold %-9s got %-9s %s\n", e.Text, e.Gold, e.Got, e.Why)
	}
}
