package record

import (
	"reflect"
	"testing"
)

func sample() Result {
	lo := 3.0
	return Result{
		Entities: []Entity{{ID: "e1", Name: "Ruto", CodeWhy: &Evidence{Start: 1, End: 2},
			Mentions: []Mention{{Text: "Ruto", Evidence: Evidence{Start: 0, End: 4}}}}},
		Places: []Place{{ID: "p1", Evidence: Evidence{Start: 5, End: 6}}},
		Times:  []Time{{ID: "t1", Evidence: Evidence{Start: 7, End: 8}}},
		Quotes: []Quote{{ID: "q1", Content: Evidence{Start: 9, End: 10}, Cue: &Evidence{Start: 11, End: 12},
			Speaker: &Evidence{Start: 13, End: 14}}},
		Claims: []Claim{{ID: "c1", Low: &lo, Evidence: Evidence{Start: 15, End: 16}}},
		Events: []Event{{ID: "v1", Action: Evidence{Start: 17, End: 18},
			Source: &Actor{Code: "KEN", Evidence: Evidence{Start: 19, End: 20}}}},
	}
}

func TestEachEvidenceVisitsEveryEvidence(t *testing.T) {
	r := sample()
	var starts []int
	r.EachEvidence(func(e *Evidence) { starts = append(starts, e.Start) })
	want := []int{1, 0, 5, 7, 9, 11, 13, 15, 17, 19}
	if !reflect.DeepEqual(starts, want) {
		t.Errorf("visited starts %v, want %v", starts, want)
	}
}

func TestCloneSharesNothing(t *testing.T) {
	r := sample()
	c := r.Clone()
	if !reflect.DeepEqual(r, c) {
		t.Fatal("the clone differs from the original")
	}
	c.EachEvidence(func(e *Evidence) { e.Start += 100; e.ArticleID = "copy" })
	*c.Claims[0].Low = 99
	c.Events[0].Source.Code = "ETH"
	c.Entities[0].Mentions[0].Text = "changed"
	if !reflect.DeepEqual(r, sample()) {
		t.Errorf("changing the clone changed the original: %+v", r)
	}
	empty := Result{Quotes: []Quote{}}
	if got := empty.Clone(); got.Quotes == nil || got.Entities != nil {
		t.Errorf("Clone should keep empty slices empty and nil ones nil: %+v", got)
	}
}
