package ner

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// words splits a hand-tokenised sentence (tokens separated by spaces).
func words(s string) []string { return strings.Fields(s) }

func docOf(lines ...string) [][]string {
	var d [][]string
	for _, l := range lines {
		d = append(d, words(l))
	}
	return d
}

// cacheDocs are wire copies and edits of one story: each changes
// something the document-level features or the prediction history see
// (a closing line, a headline in capitals, a renamed person, sentences
// moved or dropped, a name written first in short form).
func cacheDocs() [][][]string {
	base := []string{
		"Delegations from Armenia and Azerbaijan met in Geneva on Thursday , the Swiss Foreign Ministry said .",
		"Spokeswoman Anna Keller told reporters the talks would go on .",
		"Keller said both sides agreed to meet again in Vienna next month .",
		"Armenian Foreign Minister Ararat Mirzoyan said prisoners were discussed .",
		"Mirzoyan did not say when the border would reopen .",
		"The European Union pledged aid , a European Commission statement said .",
		"Keller added that Geneva was ready to host further rounds .",
	}
	var docs [][][]string
	docs = append(docs, docOf(base...))
	docs = append(docs, docOf(append(append([]string{}, base...), "( Republished by outlet 3 . )")...))
	docs = append(docs, docOf(append([]string{"ARMENIA AND AZERBAIJAN HOLD TALKS IN GENEVA"}, base...)...))
	renamed := make([]string, len(base))
	for i, l := range base {
		renamed[i] = strings.ReplaceAll(l, "Keller", "Brunner")
	}
	docs = append(docs, docOf(renamed...))
	moved := append([]string{base[2]}, base[:2]...)
	moved = append(moved, base[3:]...)
	docs = append(docs, docOf(moved...))
	docs = append(docs, docOf(base[0], base[2], base[4], base[6]))
	docs = append(docs, docOf(append([]string{"Keller spoke after Mirzoyan left ."}, base...)...))
	docs = append(docs, docOf(base...)) // the original again: all hits
	return docs
}

// TestCacheSameTags checks that the cached recogniser tags every document
// exactly as the uncached one, in either order of the documents, and
// that the cache is used.
func TestCacheSameTags(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	docs := cacheDocs()
	for _, order := range []string{"forward", "backward"} {
		c := NewCache(1000)
		for k := range docs {
			i := k
			if order == "backward" {
				i = len(docs) - 1 - k
			}
			want := r.RecognizeDocument(docs[i])
			got := r.RecognizeDocumentCache(docs[i], c)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, document %d: cached tags differ\n got %v\nwant %v", order, i, got, want)
			}
		}
		hits, misses := c.Stats()
		if hits == 0 || misses == 0 {
			t.Errorf("%s: %d hits, %d misses; want some of each", order, hits, misses)
		}
	}
}

// TestCacheKeySeesDocument checks that the same sentence gets another key
// when the document around it changes what it sees: the casing of its
// words elsewhere, or the history of a name.
func TestCacheKeySeesDocument(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, withMemo := range []bool{false, true} {
		keySeesDocument(t, r, withMemo)
	}
}

// keySeesDocument is TestCacheKeySeesDocument with the features prepared
// afresh (keyed on the features) or with a memo (keyed on the
// fingerprint of what they are made of).
func keySeesDocument(t *testing.T, r *Recognizer, withMemo bool) {
	s := "Keller said the talks would go on ."
	var memo wordMemo
	key := func(lines ...string) sentHash {
		var d docFeats
		if withMemo {
			r.lex.prepareMemo(&d, docOf(lines...), nil, &memo)
			if len(d.fp) == 0 {
				t.Fatal("no fingerprints with a memo")
			}
		} else {
			r.lex.prepareInto(&d, docOf(lines...), nil)
		}
		last := len(d.sentStart) - 2
		history := make(wordHistory, d.nWords)
		classes := make([]int, d.ntok())
		for si := 0; si < last; si++ {
			for i := d.sentStart[si]; i < d.sentStart[si+1]; i++ {
				if d.lowerStr[i] == "keller" {
					classes[i] = 1 // any entity class: a history to see
				}
			}
			replayHistory(&d, classes, si, history)
		}
		return sentenceKey(1, &d, nil, nil, last, history)
	}
	alone := key(s)
	if key(s) != alone {
		t.Fatalf("memo %v: the key of one document is not stable", withMemo)
	}
	if key("The ministry met .", s) != alone {
		t.Errorf("memo %v: a sentence that shares no word changed the key", withMemo)
	}
	if key("Anna Keller arrived .", s) == alone {
		t.Errorf("memo %v: an earlier mention of Keller (history, aggregation) left the key unchanged", withMemo)
	}
	if key("They spoke of keller .", s) == alone {
		t.Errorf("memo %v: a lower-case keller elsewhere (document casing) left the key unchanged", withMemo)
	}
	if key("Keller said the talks would go on !") == alone {
		t.Errorf("memo %v: another word left the key unchanged", withMemo)
	}
}

// TestCacheKeySeesHistory checks that the key of a sentence changes with
// the prediction history of its capitalised words, counts and all (the
// argmax after this sentence's own mentions depends on every count).
func TestCacheKeySeesHistory(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var d docFeats
	r.lex.prepareInto(&d, docOf("Keller met Keller .", "Other spoke ."), nil)
	k := func(h wordHistory) sentHash { return sentenceKey(1, &d, nil, nil, 0, h) }
	// hist gives word the history h
	hist := func(word string, h *[nTypes + 1]int32) wordHistory {
		w := make(wordHistory, d.nWords)
		for i, s := range d.lowerStr {
			if s == word {
				w[d.wordID[i]] = h
			}
		}
		return w
	}
	none := k(make(wordHistory, d.nWords))
	seen := map[sentHash]bool{none: true}
	for _, h := range []*[nTypes + 1]int32{{0, 0, 0, 0, 0}, {2, 2, 0, 0, 0}, {3, 2, 0, 0, 0}} {
		got := k(hist("keller", h))
		if seen[got] {
			t.Errorf("history %v gives a key already seen", *h)
		}
		seen[got] = true
	}
	if k(hist("other", &[nTypes + 1]int32{1, 0, 0, 0, 0})) != none {
		t.Error("the history of a word not in the sentence changed its key")
	}
}

// TestCacheBounded checks the cache holds no more than its room.
func TestCacheBounded(t *testing.T) {
	c := NewCache(nerShards / 2) // one entry per shard
	for i := range 1000 {
		c.put(sentHash{uint64(i) * 0x9E3779B97F4A7C15, uint64(i)}, []int{i % nClasses})
	}
	for i := range c.shards {
		if n := len(c.shards[i].m); n > c.perShard {
			t.Errorf("shard %d holds %d entries, room for %d", i, n, c.perShard)
		}
	}
	if NewCache(0) != nil {
		t.Error("NewCache(0) is not nil")
	}
}

// TestWordMemoSameFeatures checks that preparing documents with the word
// and sentence memo gives exactly the features of preparing them afresh,
// on first sight of the words and sentences and when they come from the
// memo (after aggregation appended to the features taken from it), and
// that the memo keeps copies of the words, not the documents' strings.
func TestWordMemoSameFeatures(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	docs := [][][]string{
		docOf("GENEVA REPORT", "Keller said the talks in Geneva would go on .", "Shares of IBM rose 3.5 % to $ 120 on Tuesday ."),
		docOf("The Bank of England said 12 , 14 and 16 were the figures .", "keller KELLER Keller k A"),
		docOf("Keller said the talks in Geneva would go on .", "É a Ünïcode wörd and 1999 ."),
		// the same words with other capitals: other gazetteer features
		docOf("Keller said the talks in geneva would go on .", "BANK OF ENGLAND"),
	}
	var memo wordMemo
	for round := 0; round < 2; round++ {
		for i, doc := range docs {
			var plain, memoed docFeats
			r.lex.prepareInto(&plain, doc, nil)
			r.lex.prepareMemo(&memoed, doc, nil, &memo)
			if len(memoed.fp) != len(doc) || len(plain.fp) != 0 {
				t.Fatalf("round %d, document %d: %d fingerprints with the memo, %d without; want %d and 0",
					round, i, len(memoed.fp), len(plain.fp), len(doc))
			}
			if !memoed.lazy || len(memoed.feats) != 0 {
				t.Fatalf("round %d, document %d: prepared with a memo, not lazily", round, i)
			}
			materialise(&memoed)
			if !reflect.DeepEqual(plain, memoed) {
				t.Fatalf("round %d, document %d: features differ with the word memo", round, i)
			}
		}
	}
	if memo.n.Load() == 0 || memo.nSents.Load() == 0 {
		t.Fatalf("the memo holds %d words, %d sentences", memo.n.Load(), memo.nSents.Load())
	}
	gazFeats := 0
	memo.sents.Range(func(_, v any) bool {
		sm := v.(*sentMemo)
		gazFeats += len(sm.gaz)
		for _, wi := range sm.infos {
			if !wi.memo {
				t.Errorf("a memoised sentence holds word %q outside the word memo", wi.lowerStr)
			}
		}
		return true
	})
	if gazFeats == 0 {
		t.Error("no memoised sentence has a gazetteer feature: the test sees too little")
	}
	w := docs[0][1][0]
	v, ok := memo.m.Load(w)
	if !ok {
		t.Fatalf("%q not in the memo", w)
	}
	if v.(*wordInfo).lowerStr != "keller" {
		t.Errorf("memo lower form of %q = %q", w, v.(*wordInfo).lowerStr)
	}
	memo.m.Range(func(k, _ any) bool {
		if k.(string) == w && unsafe.StringData(k.(string)) == unsafe.StringData(w) {
			t.Errorf("the memo keeps the document's own string %q", w)
		}
		return true
	})
}

// TestFingerprintSeesAggregation checks that the fingerprint of a
// sentence changes with the context-aggregation features alone: "Keller
// arrived ." opens its sentence, so it leaves the document casing of the
// other "Keller" as it was, but gives it the contexts of a second mention.
func TestFingerprintSeesAggregation(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var memo wordMemo
	s := "Keller said the talks would go on ."
	var a, b docFeats
	r.lex.prepareMemo(&a, docOf(s), nil, &memo)
	r.lex.prepareMemo(&b, docOf("Keller arrived .", s), nil, &memo)
	if a.fp[0] == b.fp[1] {
		t.Error("aggregation features of a second mention left the fingerprint unchanged")
	}
	var c docFeats
	r.lex.prepareMemo(&c, docOf("The ministry met .", s), nil, &memo)
	if a.fp[0] != c.fp[1] {
		t.Error("a sentence that shares no word changed the fingerprint")
	}
}

// materialise computes every static feature of a lazily prepared
// document, as prepareInto does, and drops what only the lazy form has.
func materialise(d *docFeats) {
	var off []int32
	for si := range d.toks {
		d.feats, off = d.sentFeats(d.feats, off[:0], si)
		d.featOff = append(d.featOff, off...)
	}
	d.fp, d.lazy, d.toks, d.allCaps, d.table, d.tokBuf = nil, false, nil, nil, nil, nil
}

// TestIsPronounWord checks the length shortcut against the lookup it
// replaces, a word whose lower case is shorter included.
func TestIsPronounWord(t *testing.T) {
	for _, w := range []string{"There", "THOSE", "It", "Keller", "Washington", "\u212Aeller", "Th\u0130s", "its", "", "Yes"} {
		if got, want := isPronounWord(w), pronounWords[strings.ToLower(w)]; got != want {
			t.Errorf("isPronounWord(%q) = %v, want %v", w, got, want)
		}
	}
}
