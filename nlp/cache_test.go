package nlp

import (
	"fmt"
	"reflect"
	"testing"
)

// TestSentenceCacheSameOutput checks that reusing the analysis of a
// sentence seen before changes nothing in the Doc, and that the cache is
// used.
func TestSentenceCacheSameOutput(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := p.WithSentenceCache(100)
	first := "The port reopened on Monday after a week of strikes. Ships queued outside the harbour."
	// A wire copy: the same sentences with a line of its own.
	copy := first + " The outlet republished the report."
	for _, text := range []string{first, copy} {
		want := p.Annotate(text)
		got := c.Annotate(text)
		if !reflect.DeepEqual(got.Tokens, want.Tokens) || !reflect.DeepEqual(got.Ents, want.Ents) {
			t.Fatalf("cached analysis differs for %q:\n got %+v\nwant %+v", text, got.Tokens, want.Tokens)
		}
	}
	hits, misses := c.CacheStats()
	if hits != 2 || misses != 3 {
		t.Errorf("hits %d, misses %d; want 2 and 3 (the copy's two sentences were seen)", hits, misses)
	}
	if h, m := p.CacheStats(); h != 0 || m != 0 {
		t.Errorf("the pipeline without a cache counts %d hits, %d misses", h, m)
	}
}

// TestSentenceCacheBounded checks that the cache never holds more than it
// was given room for, and that it still answers correctly after
// evictions.
func TestSentenceCacheBounded(t *testing.T) {
	c := newSentCache(cacheShards) // one entry per shard
	one := func(i int) ([]string, *sentAnalysis) {
		ws := []string{"Sentence", fmt.Sprint(i), "."}
		return ws, &sentAnalysis{upos: []string{"NOUN", "NUM", "PUNCT"}, xpos: []string{"NN", "CD", "."},
			lemmas: []string{"sentence", fmt.Sprint(i), "."}, heads: []int{-1, 0, 0}, labels: []string{"root", "nummod", "punct"}}
	}
	for i := 0; i < 500; i++ {
		ws, a := one(i)
		key, check := sentKey(ws)
		c.put(key, check, ws, a)
	}
	n := 0
	for i := range c.shards {
		n += len(c.shards[i].m)
		if len(c.shards[i].m) > c.perShard {
			t.Errorf("shard %d holds %d entries, room for %d", i, len(c.shards[i].m), c.perShard)
		}
	}
	if n > cacheShards {
		t.Errorf("cache holds %d entries, room for %d", n, cacheShards)
	}
	ws, want := one(499)
	key, check := sentKey(ws)
	got := make([]Token, len(ws))
	if !c.fill(key, check, ws, got, 10) {
		t.Error("the newest entry was evicted")
	} else {
		for i, tk := range got {
			h := -1
			if want.heads[i] >= 0 {
				h = 10 + want.heads[i]
			}
			if tk.POS != want.upos[i] || tk.Tag != want.xpos[i] || tk.Lemma != want.lemmas[i] || tk.Head != h || tk.Dep != want.labels[i] {
				t.Errorf("cached token %d %+v, want %s %s %s %d %s", i, tk, want.upos[i], want.xpos[i], want.lemmas[i], h, want.labels[i])
			}
		}
	}
	// Same first hash, other second hash (a forced collision) must miss.
	if c.fill(key, check+1, ws, got, 0) {
		t.Error("a different sentence under the same key was answered from the cache")
	}
	// Word boundaries count: "ab c" and "a bc" differ.
	k1, c1 := sentKey([]string{"ab", "c"})
	k2, c2 := sentKey([]string{"a", "bc"})
	if k1 == k2 || c1 == c2 {
		t.Error("sentKey ignores word boundaries")
	}
}

func TestSentenceCacheConcurrent(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := p.WithSentenceCache(10)
	text := "Officials met in the capital. The talks ended without a deal."
	want := p.Annotate(text)
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 20; i++ {
				if got := c.Annotate(text); !reflect.DeepEqual(got.Tokens, want.Tokens) {
					done <- fmt.Errorf("concurrent cached analysis differs")
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
