package store

import (
	"strings"

	"dateline/record"
)

// Encoded is what Encode made of a Put's records (their JSON), kept so
// that a wire copy with the same records can take it (EncodeFrom).
type Encoded struct {
	res *record.Result
	enc *encodedRecords
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
// not run. When the records do not line up with from's, or a text of a
// record reads exactly as one of the IDs (so that replacing could touch
// more than IDs), it falls back to Encode.
func (p *Put) EncodeFrom(from *Encoded) {
	if from == nil || !p.encodeFrom(from) {
		p.Encode()
		return
	}
	p.summary = summaryRowsOf(p)
}

func (p *Put) encodeFrom(from *Encoded) bool {
	o, n := from.res, &p.Result
	if len(o.Entities) != len(n.Entities) || len(o.Places) != len(n.Places) || len(o.Times) != len(n.Times) ||
		len(o.Quotes) != len(n.Quotes) || len(o.Claims) != len(n.Claims) || len(o.Events) != len(n.Events) {
		return false
	}
	// The IDs, old to new.
	ids := make(map[string]string, len(o.Entities)+len(o.Places)+len(o.Times)+len(o.Quotes)+len(o.Claims)+len(o.Events))
	ok := true
	var lens idLens
	rename := func(old, new string) {
		if was, seen := ids[old]; seen && was != new || old == "" || new == "" || len(old) >= len(lens) {
			ok = false
			return
		}
		ids[old] = new
		lens[len(old)] = true
	}
	for i := range o.Entities {
		rename(o.Entities[i].ID, n.Entities[i].ID)
	}
	for i := range o.Places {
		rename(o.Places[i].ID, n.Places[i].ID)
	}
	for i := range o.Times {
		rename(o.Times[i].ID, n.Times[i].ID)
	}
	for i := range o.Quotes {
		rename(o.Quotes[i].ID, n.Quotes[i].ID)
	}
	for i := range o.Claims {
		rename(o.Claims[i].ID, n.Claims[i].ID)
	}
	for i := range o.Events {
		rename(o.Events[i].ID, n.Events[i].ID)
	}
	if !ok {
		return false
	}
	// refs counts the fields of a record that hold an ID of ids, and
	// checks that p's record holds the renamed ID there.
	refs := func(pairs ...string) int {
		k := 0
		for i := 0; i+1 < len(pairs); i += 2 {
			old, new := pairs[i], pairs[i+1]
			if to, in := ids[old]; in {
				k++
				if to != new {
					ok = false
				}
			} else if old != new {
				ok = false
			}
		}
		return k
	}
	e := &encodedRecords{
		entities: make([]string, len(n.Entities)),
		quotes:   make([]string, len(n.Quotes)),
		claims:   make([]string, len(n.Claims)),
		events:   make([]string, len(n.Events)),
	}
	for i := range n.Entities {
		want := refs(o.Entities[i].ID, n.Entities[i].ID)
		if !ok {
			return false
		}
		if e.entities[i], ok = renameJSON(from.enc.entities[i], ids, &lens, want); !ok {
			return false
		}
	}
	for i := range n.Quotes {
		oq, nq := &o.Quotes[i], &n.Quotes[i]
		want := refs(oq.ID, nq.ID, oq.SpeakerEntity, nq.SpeakerEntity)
		if !ok {
			return false
		}
		if e.quotes[i], ok = renameJSON(from.enc.quotes[i], ids, &lens, want); !ok {
			return false
		}
	}
	for i := range n.Claims {
		oc, nc := &o.Claims[i], &n.Claims[i]
		want := refs(oc.ID, nc.ID, oc.ClaimedByEntity, nc.ClaimedByEntity, oc.PartOf, nc.PartOf)
		if !ok {
			return false
		}
		if e.claims[i], ok = renameJSON(from.enc.claims[i], ids, &lens, want); !ok {
			return false
		}
	}
	for i := range n.Events {
		oe, ne := &o.Events[i], &n.Events[i]
		if (oe.Source == nil) != (ne.Source == nil) || (oe.Target == nil) != (ne.Target == nil) {
			return false
		}
		pairs := []string{oe.ID, ne.ID, oe.Place, ne.Place}
		if oe.Source != nil {
			pairs = append(pairs, oe.Source.Entity, ne.Source.Entity)
		}
		if oe.Target != nil {
			pairs = append(pairs, oe.Target.Entity, ne.Target.Entity)
		}
		want := refs(pairs...)
		if !ok {
			return false
		}
		if e.events[i], ok = renameJSON(from.enc.events[i], ids, &lens, want); !ok {
			return false
		}
	}
	p.encoded = e
	return true
}

// idLens marks the lengths of the IDs renamed (IDs longer than the
// array are not renamed: EncodeFrom falls back to Encode).
type idLens [64]bool

// renameJSON returns the JSON document doc with every string value that
// is a key of ids replaced by its value, and true when exactly want
// strings were replaced. IDs hold no character JSON escapes, so a string
// equal to an ID reads in doc as the ID between two quotation marks.
func renameJSON(doc string, ids map[string]string, lens *idLens, want int) (string, bool) {
	var b strings.Builder
	done, found := 0, 0
	for i := 0; i < len(doc); {
		// a string from its opening quotation mark at i to its closing
		// one at j
		q := strings.IndexByte(doc[i:], '"')
		if q < 0 {
			break
		}
		i += q
		j := i + 1
		for j < len(doc) && doc[j] != '"' {
			if doc[j] == '\\' {
				j++ // an escape: the next byte is not the end
			}
			j++
		}
		if j >= len(doc) {
			return "", false
		}
		// Only a string as long as an ID can be one (most are keys,
		// numbers' names and texts): the length is checked before the
		// string is hashed.
		if n := j - i - 1; n < len(lens) && lens[n] {
			if to, ok := ids[doc[i+1:j]]; ok {
				if found == 0 {
					b.Grow(len(doc) + 64)
				}
				found++
				b.WriteString(doc[done : i+1])
				b.WriteString(to)
				done = j
			}
		}
		i = j + 1
	}
	if found != want {
		return "", false
	}
	if found == 0 {
		return doc, true
	}
	b.WriteString(doc[done:])
	return b.String(), true
}
