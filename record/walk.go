package record

// EachEvidence calls f with every evidence of a record: an *Entity (its
// mentions and CodeWhy), *Place, *Time, *Quote (content, cue, speaker,
// via), *Claim or *Event (action and actors). Other values are ignored.
// f may change the evidence in place.
func EachEvidence(v any, f func(*Evidence)) {
	switch r := v.(type) {
	case *Entity:
		if r.CodeWhy != nil {
			f(r.CodeWhy)
		}
		for i := range r.Mentions {
			f(&r.Mentions[i].Evidence)
		}
	case *Place:
		f(&r.Evidence)
	case *Time:
		f(&r.Evidence)
	case *Quote:
		f(&r.Content)
		for _, e := range []*Evidence{r.Cue, r.Speaker, r.Via} {
			if e != nil {
				f(e)
			}
		}
	case *Claim:
		f(&r.Evidence)
	case *Event:
		f(&r.Action)
		for _, a := range []*Actor{r.Source, r.Target} {
			if a != nil {
				f(&a.Evidence)
			}
		}
	}
}

// EachEvidence calls f with every evidence of every record of r.
func (r *Result) EachEvidence(f func(*Evidence)) {
	for i := range r.Entities {
		EachEvidence(&r.Entities[i], f)
	}
	for i := range r.Places {
		EachEvidence(&r.Places[i], f)
	}
	for i := range r.Times {
		EachEvidence(&r.Times[i], f)
	}
	for i := range r.Quotes {
		EachEvidence(&r.Quotes[i], f)
	}
	for i := range r.Claims {
		EachEvidence(&r.Claims[i], f)
	}
	for i := range r.Events {
		EachEvidence(&r.Events[i], f)
	}
}

// Clone returns a deep copy of r: no slice, evidence or actor is shared,
// so the copy may be changed while r is read elsewhere.
func (r *Result) Clone() Result {
	c := Result{Version: r.Version}
	if r.Entities != nil {
		c.Entities = make([]Entity, len(r.Entities))
		for i, e := range r.Entities {
			e.CodeWhy = cloneEvidence(e.CodeWhy)
			e.Mentions = cloneSlice(e.Mentions)
			c.Entities[i] = e
		}
	}
	c.Places = cloneSlice(r.Places)
	c.Times = cloneSlice(r.Times)
	if r.Quotes != nil {
		c.Quotes = make([]Quote, len(r.Quotes))
		for i, q := range r.Quotes {
			q.Cue, q.Speaker, q.Via = cloneEvidence(q.Cue), cloneEvidence(q.Speaker), cloneEvidence(q.Via)
			c.Quotes[i] = q
		}
	}
	if r.Claims != nil {
		c.Claims = make([]Claim, len(r.Claims))
		for i, cl := range r.Claims {
			cl.Low, cl.High = cloneFloat(cl.Low), cloneFloat(cl.High)
			c.Claims[i] = cl
		}
	}
	if r.Events != nil {
		c.Events = make([]Event, len(r.Events))
		for i, e := range r.Events {
			e.Source, e.Target = cloneActor(e.Source), cloneActor(e.Target)
			c.Events[i] = e
		}
	}
	return c
}

func cloneEvidence(e *Evidence) *Evidence {
	if e == nil {
		return nil
	}
	c := *e
	return &c
}

func cloneFloat(f *float64) *float64 {
	if f == nil {
		return nil
	}
	c := *f
	return &c
}

func cloneActor(a *Actor) *Actor {
	if a == nil {
		return nil
	}
	c := *a
	return &c
}

// cloneSlice copies s, keeping nil nil and empty empty.
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	c := make([]T, len(s))
	copy(c, s)
	return c
}
