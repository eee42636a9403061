package main

import (
	"sort"
	"testing"

	"dateline/kb"
	"dateline/nlp/ner"
)

func TestKnownNames(t *testing.T) {
	got := knownNames(kb.Default(), 100000)
	has := map[ner.Known]bool{}
	for _, k := range got {
		has[k] = true
		if !newsName(k.Name) {
			t.Errorf("%q is not written as an English news name", k.Name)
		}
	}
	for _, k := range []ner.Known{{Name: "Moscow", Type: "LOC"}, {Name: "Gaza Strip", Type: "LOC"}, {Name: "Russian", Type: "MISC"}, {Name: "Hamas", Type: "ORG"}, {Name: "Dmitry Peskov", Type: "PER"}} {
		if !has[k] {
			t.Errorf("missing %v", k)
		}
	}
	if !sort.SliceIsSorted(got, func(i, j int) bool {
		return got[i].Name < got[j].Name || got[i].Name == got[j].Name && got[i].Type < got[j].Type
	}) {
		t.Error("names are not sorted (training would not be deterministic)")
	}
	for _, s := range []string{"Москва", "moscow", "X", "القاهرة"} {
		if newsName(s) {
			t.Errorf("newsName(%q) = true", s)
		}
	}
}
