package store

import (
	"strings"
	"sync"

	"dateline/record"
)

// Encoded is what Encode made of a Put's records (their JSON), kept so
// that a wire copy with the same records can take it (EncodeFrom).
type Encoded struct {
	res *record.Result
	enc *encodedRecords

	once  sync.Once
	spots *idSpots // where the IDs stand in enc (nil: not to be told apart from texts)
}

// Encoded returns p's encoded records, or nil before Encode. The Put's
// Result must not change afterwards.
func (p *Put) Encoded() *Encoded {
	if p.encoded == nil {
		return nil
	}
	return &Encoded{res: &p.Result, enc: p.encoded}
}

// EncodeFrom is Encode for a Put whose records are those of from renamed:
// the same records in the same order, equal in every field but their IDs
// and the references to them (a wire copy's records as the extractor's
// copy cache gives them, for a copy that adds text only after the earlier
// one, so that no offset moves). The JSON of each record is from's with
// every ID replaced by the one at the same place in p; encoding/json is
// not run. It falls back to Encode when the records do not line up with
// from's, when p's references do not follow the renaming, or when a text
// of from's records reads exactly as one of their IDs (the JSON's strings
// that are IDs could then not be told from texts).
func (p *Put) EncodeFrom(from *Encoded) {
	if from == nil || !p.encodeFrom(from) {
		p.Encode()
		return
	}
	p.summary = summaryRowsOf(p)
}

// idRef names a record of a Result: its kind and its place in that kind.
type idRef struct {
	kind int8
	i    int32
}

// The kinds of idRef.
const (
	refEntity = iota
	refPlace
	refTime
	refQuote
	refClaim
	refEvent
)

// idOf returns the ID of the record ref names in r.
func idOf(r *record.Result, ref idRef) string {
	switch ref.kind {
	case refEntity:
		return r.Entities[ref.i].ID
	case refPlace:
		return r.Places[ref.i].ID
	case refTime:
		return r.Times[ref.i].ID
	case refQuote:
		return r.Quotes[ref.i].ID
	case refClaim:
		return r.Claims[ref.i].ID
	}
	return r.Events[ref.i].ID
}

// eachID calls f with the ID of every record of r.
func eachID(r *record.Result, f func(id string, ref idRef)) {
	for i := range r.Entities {
		f(r.Entities[i].ID, idRef{refEntity, int32(i)})
	}
	for i := range r.Places {
		f(r.Places[i].ID, idRef{refPlace, int32(i)})
	}
	for i := range r.Times {
		f(r.Times[i].ID, idRef{refTime, int32(i)})
	}
	for i := range r.Quotes {
		f(r.Quotes[i].ID, idRef{refQuote, int32(i)})
	}
	for i := range r.Claims {
		f(r.Claims[i].ID, idRef{refClaim, int32(i)})
	}
	for i := range r.Events {
		f(r.Events[i].ID, idRef{refEvent, int32(i)})
	}
}

// The ID fields of each kind of record that has JSON: its own ID and the
// references it holds, old and new side by side.
func quoteIDs(q *record.Quote) []string { return []string{q.ID, q.SpeakerEntity} }
func claimIDs(c *record.Claim) []string { return []string{c.ID, c.ClaimedByEntity, c.PartOf} }
func eventIDs(e *record.Event) []string {
	ids := []string{e.ID, e.Place}
	for _, a := range []*record.Actor{e.Source, e.Target} {
		if a != nil {
			ids = append(ids, a.Entity)
		}
	}
	return ids
}

// idSpot is an ID in a record's JSON: its bytes (between its quotation
// marks) and the record it names.
type idSpot struct {
	start, end int32
	ref        idRef
}

// idSpots are the IDs of an Encoded's records and where they stand in
// each record's JSON.
type idSpots struct {
	refs                             map[string]idRef
	entities, quotes, claims, events [][]idSpot
}

// idSpotsOf finds the IDs in e's JSON once, or nil when a string of the
// JSON other than an ID field reads as an ID (or IDs repeat).
func (e *Encoded) idSpotsOf() *idSpots {
	e.once.Do(func() { e.spots = findIDSpots(e.res, e.enc) })
	return e.spots
}

func findIDSpots(o *record.Result, enc *encodedRecords) *idSpots {
	refs := map[string]idRef{}
	var lens idLens
	ok := true
	eachID(o, func(id string, ref idRef) {
		if _, dup := refs[id]; dup || id == "" || len(id) >= len(lens) {
			ok = false
		}
		refs[id] = ref
		lens[len(id)%len(lens)] = true
	})
	if !ok {
		return nil
	}
	// find returns the spots of doc, when there are as many as the
	// record's fields hold IDs.
	find := func(doc string, fields []string) []idSpot {
		want := 0
		for _, id := range fields {
			if _, in := refs[id]; in {
				want++
			}
		}
		spots := make([]idSpot, 0, want)
		for i := 0; i < len(doc); {
			q := strings.IndexByte(doc[i:], '"')
			if q < 0 {
				break
			}
			i += q
			j := i + 1 // the string runs to its closing quotation mark at j
			for j < len(doc) && doc[j] != '"' {
				if doc[j] == '\\' {
					j++ // an escape: the next byte is not the end
				}
				j++
			}
			if j >= len(doc) {
				ok = false
				return nil
			}
			// Only a string as long as an ID can be one: the length
			// is checked before the string is hashed.
			if n := j - i - 1; n < len(lens) && lens[n] {
				if ref, in := refs[doc[i+1:j]]; in {
					spots = append(spots, idSpot{int32(i + 1), int32(j), ref})
				}
			}
			i = j + 1
		}
		if len(spots) != want {
			ok = false
		}
		return spots
	}
	sp := &idSpots{refs: refs, entities: make([][]idSpot, len(o.Entities)), quotes: make([][]idSpot, len(o.Quotes)),
		claims: make([][]idSpot, len(o.Claims)), events: make([][]idSpot, len(o.Events))}
	for i := range o.Entities {
		sp.entities[i] = find(enc.entities[i], []string{o.Entities[i].ID})
	}
	for i := range o.Quotes {
		sp.quotes[i] = find(enc.quotes[i], quoteIDs(&o.Quotes[i]))
	}
	for i := range o.Claims {
		sp.claims[i] = find(enc.claims[i], claimIDs(&o.Claims[i]))
	}
	for i := range o.Events {
		sp.events[i] = find(enc.events[i], eventIDs(&o.Events[i]))
	}
	if !ok {
		return nil
	}
	return sp
}

// idLens marks the lengths of the IDs (IDs as long as the array or longer
// are not spliced: EncodeFrom falls back to Encode).
type idLens [64]bool

func (p *Put) encodeFrom(from *Encoded) bool {
	o, n := from.res, &p.Result
	if len(o.Entities) != len(n.Entities) || len(o.Places) != len(n.Places) || len(o.Times) != len(n.Times) ||
		len(o.Quotes) != len(n.Quotes) || len(o.Claims) != len(n.Claims) || len(o.Events) != len(n.Events) {
		return false
	}
	sp := from.idSpotsOf()
	if sp == nil {
		return false
	}
	// Every new ID is set, and every ID field of p holds what the
	// renaming gives for the field of from: the new ID of the record the
	// old one named, or the old value when it named none.
	ok := true
	eachID(n, func(id string, _ idRef) {
		if id == "" {
			ok = false
		}
	})
	follows := func(old, new []string) bool {
		if len(old) != len(new) {
			return false
		}
		for i := range old {
			if ref, in := sp.refs[old[i]]; in {
				if new[i] != idOf(n, ref) {
					return false
				}
			} else if new[i] != old[i] {
				return false
			}
		}
		return true
	}
	for i := range o.Quotes {
		ok = ok && follows(quoteIDs(&o.Quotes[i]), quoteIDs(&n.Quotes[i]))
	}
	for i := range o.Claims {
		ok = ok && follows(claimIDs(&o.Claims[i]), claimIDs(&n.Claims[i]))
	}
	for i := range o.Events {
		oe, ne := &o.Events[i], &n.Events[i]
		ok = ok && (oe.Source == nil) == (ne.Source == nil) && (oe.Target == nil) == (ne.Target == nil) &&
			follows(eventIDs(oe), eventIDs(ne))
	}
	if !ok {
		return false
	}
	splice := func(docs []string, spots [][]idSpot) []string {
		out := make([]string, len(docs))
		for i, doc := range docs {
			out[i] = spliceIDs(doc, spots[i], n)
		}
		return out
	}
	p.encoded = &encodedRecords{
		entities: splice(from.enc.entities, sp.entities),
		quotes:   splice(from.enc.quotes, sp.quotes),
		claims:   splice(from.enc.claims, sp.claims),
		events:   splice(from.enc.events, sp.events),
	}
	return true
}

// spliceIDs returns doc with the ID at each spot replaced by the ID of
// the record the spot names in r.
func spliceIDs(doc string, spots []idSpot, r *record.Result) string {
	if len(spots) == 0 {
		return doc
	}
	size := len(doc)
	for _, s := range spots {
		size += len(idOf(r, s.ref)) - int(s.end-s.start)
	}
	var b strings.Builder
	b.Grow(size)
	done := 0
	for _, s := range spots {
		b.WriteString(doc[done:s.start])
		b.WriteString(idOf(r, s.ref))
		done = int(s.end)
	}
	b.WriteString(doc[done:])
	return b.String()
}
