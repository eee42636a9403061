package extract

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"

	"dateline/record"
)

// finalIDs gives every record of res the ID its finished fields and
// articleID call for, and points every reference (a quote's speaker, a
// claim's claimant and whole, an event's actors and place) at the new
// IDs. The extractors name records as they make them, and some fields
// change afterwards (an event makes a mentioned place the event's place);
// deriving the IDs again from the finished records makes them a function
// of what is stored alone, so a wire copy whose records are reused (see
// copyCache) gets exactly the IDs extracting it afresh would give.
func finalIDs(res *record.Result, articleID string) {
	n := len(res.Entities) + len(res.Places) + len(res.Claims)
	renamed := make(map[string]string, n)
	set := func(id *string, to string) {
		if *id != "" && *id != to {
			renamed[*id] = to
		}
		*id = to
	}
	for i := range res.Entities {
		e := &res.Entities[i]
		var first record.Evidence
		if len(e.Mentions) > 0 {
			first = e.Mentions[0].Evidence
		}
		set(&e.ID, recordID("entity", articleID, first.Start, first.End, e.Name))
	}
	for i := range res.Places {
		p := &res.Places[i]
		set(&p.ID, recordID("place", articleID, p.Evidence.Start, p.Evidence.End, p.GazetteerID, p.Role))
	}
	for i := range res.Times {
		t := &res.Times[i]
		t.ID = timeID(articleID, t.Evidence)
	}
	for i := range res.Quotes {
		q := &res.Quotes[i]
		q.ID = quoteID(articleID, q)
	}
	for i := range res.Claims {
		c := &res.Claims[i]
		set(&c.ID, claimID(articleID, c))
	}
	for i := range res.Events {
		e := &res.Events[i]
		e.ID = recordID("event", articleID, e.Action.Start, e.Action.End, codeOf(e.Source), e.CAMEO, codeOf(e.Target))
	}
	if len(renamed) == 0 {
		return
	}
	follow := func(id *string) {
		if to, ok := renamed[*id]; ok {
			*id = to
		}
	}
	for i := range res.Quotes {
		follow(&res.Quotes[i].SpeakerEntity)
	}
	for i := range res.Claims {
		follow(&res.Claims[i].ClaimedByEntity)
		follow(&res.Claims[i].PartOf)
	}
	for i := range res.Events {
		e := &res.Events[i]
		follow(&e.Place)
		for _, a := range []*record.Actor{e.Source, e.Target} {
			if a != nil {
				follow(&a.Entity)
			}
		}
	}
}

// timeID names a time expression.
func timeID(articleID string, ev record.Evidence) string {
	h := sha1.Sum([]byte(fmt.Sprintf("%s|time|%d|%d", articleID, ev.Start, ev.End)))
	return "t_" + hex.EncodeToString(h[:8])
}
