package ner

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// tinyCorpus is a hand-written training set in the CoNLL format with IOB1
// tags, three documents.
const tinyCorpus = `-DOCSTART- -X- O O

Maria NNP I-PER
Lopez NNP I-PER
flew VBD O
to TO O
Lisbon NNP I-LOC
on IN O
Monday NNP O
. . O

Lopez NNP I-PER
met VBD O
officials NNS O
of IN O
Northwind NNP I-ORG
Bank NNP I-ORG
. . O

-DOCSTART- -X- O O

The DT O
Danish JJ I-MISC
team NN O
beat VBD O
Tallinn NNP I-ORG
United NNP I-ORG
in IN O
Oslo NNP I-LOC
. . O

Coach NN O
Erik NNP I-PER
Sand NNP I-PER
praised VBD O
the DT O
Danish JJ I-MISC
fans NNS O
. . O

-DOCSTART- -X- O O

Northwind NNP I-ORG
Bank NNP I-ORG
opened VBD O
an DT O
office NN O
in IN O
Lisbon NNP I-LOC
, , O
said VBD O
Erik NNP I-PER
Sand NNP I-PER
. . O
`

func tinyDocs(t testing.TB) []Document {
	docs, err := ReadCoNLL(strings.NewReader(tinyCorpus), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func trainTiny(t testing.TB, seed uint64) *Recognizer {
	opt := TrainOptions{
		Epochs: 8, Seed: seed, Seeds: 2, Folds: 2,
		ClusterOptions: ClusterOptions{Sizes: [clusterLevels]int{6, 3, 2}, MinCount: 1, MaxVocab: 100, ContextLen: 20, Iterations: 5},
	}
	r, err := Train(tinyDocs(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func docWords(d Document) [][]string {
	var out [][]string
	for _, s := range d.Sentences {
		out = append(out, s.Words)
	}
	return out
}

func TestTrainLearnsItself(t *testing.T) {
	r := trainTiny(t, 1)
	if r.pass2 == nil {
		t.Fatal("Folds: 2 gave no second pass")
	}
	for di, d := range tinyDocs(t) {
		got := r.RecognizeDocument(docWords(d))
		for si, s := range d.Sentences {
			if !reflect.DeepEqual(got[si], s.Tags) {
				t.Errorf("doc %d sentence %d: got %v, want %v", di+1, si+1, got[si], s.Tags)
			}
		}
	}
}

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	a, b := trainTiny(t, 7), trainTiny(t, 7)
	if a.Digest() != b.Digest() {
		t.Fatalf("same data and seed gave digests %s and %s", a.Digest(), b.Digest())
	}
	var buf1, buf2 bytes.Buffer
	if err := a.Save(&buf1); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf1.Bytes(), buf2.Bytes()) {
		t.Error("same model saved to different bytes")
	}
	c, err := ReadModel(bytes.NewReader(buf1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if c.Digest() != a.Digest() {
		t.Errorf("digest after reading back %s, want %s", c.Digest(), a.Digest())
	}
	words := []string{"Erik", "Sand", "flew", "to", "Oslo", "."}
	if x, y := a.Recognize(words), c.Recognize(words); !reflect.DeepEqual(x, y) {
		t.Errorf("read-back model tags %v, original %v", y, x)
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("Train with no documents gave no error")
	}
	bad := []Document{{Sentences: []Sentence{{Words: []string{"a", "b"}, Tags: []string{"O"}}}}}
	if _, err := Train(bad, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "2 words but 1 tags") {
		t.Errorf("misaligned tags: error %v", err)
	}
}

func TestReadModelErrors(t *testing.T) {
	if _, err := ReadModel(strings.NewReader("not gzip at all")); err == nil {
		t.Error("ReadModel accepted garbage")
	}
	var buf bytes.Buffer
	if err := trainTiny(t, 1).Save(&buf); err != nil {
		t.Fatal(err)
	}
	// cut inside the gzip stream: must be an error, not a panic
	if _, err := ReadModel(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("ReadModel accepted a truncated model")
	}
}

func TestEmptyInput(t *testing.T) {
	r := trainTiny(t, 1)
	if got := r.Recognize(nil); len(got) != 0 {
		t.Errorf("Recognize(nil) = %v", got)
	}
	if got := r.RecognizeDocument([][]string{{}, {"Oslo"}}); len(got) != 2 || len(got[0]) != 0 || len(got[1]) != 1 {
		t.Errorf("RecognizeDocument with an empty sentence = %v", got)
	}
}

// entities lists "TYPE:words" for the entities of one tagged sentence.
func entities(words, tags []string) []string {
	var out []string
	for _, sp := range spans(tags) {
		out = append(out, sp.typ+":"+strings.Join(words[sp.start:sp.end], " "))
	}
	return out
}

func TestEmbeddedModelOnNews(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want []string // entities that must be found, as TYPE:words
	}{
		{"Kremlin spokesman Dmitry Peskov told reporters in Moscow on Tuesday that talks would continue .",
			[]string{"ORG:Kremlin", "PER:Dmitry Peskov", "LOC:Moscow"}},
		{"Hamas fighters fired rockets from the Gaza Strip , the Israeli army said .",
			[]string{"ORG:Hamas", "LOC:Gaza Strip"}},
		{"The United Nations said aid convoys had reached northern Syria late on Friday .",
			[]string{"ORG:United Nations", "LOC:Syria"}},
		{"Shares of Microsoft Corp rose 3 percent in New York after the company beat forecasts .",
			[]string{"ORG:Microsoft Corp", "LOC:New York"}},
		{"Secretary of State Antony Blinken arrived in Cairo on Monday for talks with Egyptian officials .",
			[]string{"PER:Antony Blinken", "LOC:Cairo"}},
		{"Hezbollah and Hamas praised the attack , while NATO called for restraint .",
			[]string{"ORG:Hezbollah", "ORG:Hamas", "ORG:NATO"}},
		{"Israeli troops raided a refugee camp in the West Bank , the army said .",
			[]string{"LOC:West Bank"}},
		{"The Kremlin said the talks were useful .",
			[]string{"ORG:Kremlin"}},
	}
	for _, c := range cases {
		words := strings.Fields(c.text)
		got := entities(words, r.Recognize(words))
		for _, w := range c.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%q: want %s, got %v", c.text, w, got)
			}
		}
	}
	// a messaging app is not a place
	words := strings.Fields("The group posted the video on Telegram late on Sunday .")
	for _, g := range entities(words, r.Recognize(words)) {
		if g == "LOC:Telegram" {
			t.Errorf("Telegram tagged as a place: %v", entities(words, r.Recognize(words)))
		}
	}
}

// TestDocumentLevel checks that a surname alone at the start of a sentence
// is recognised when the document introduced the person in full.
func TestDocumentLevel(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := [][]string{
		strings.Fields("Russian officials met in Moscow on Monday , according to Kremlin spokesman Dmitry Peskov ."),
		strings.Fields("Peskov said the Kremlin had not been informed of the plan ."),
	}
	got := r.RecognizeDocument(doc)
	ents := entities(doc[1], got[1])
	want := []string{"PER:Peskov", "ORG:Kremlin"}
	if !reflect.DeepEqual(ents, want) {
		t.Errorf("second sentence entities %v, want %v (first: %v)", ents, want, entities(doc[0], got[0]))
	}
}

func TestRecognizeConcurrent(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := [][]string{
		strings.Fields("Foreign Minister Anna Lind arrived in Stockholm on Monday ."),
		strings.Fields("Lind met the Swedish prime minister ."),
	}
	want := r.RecognizeDocument(doc)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				if got := r.RecognizeDocument(doc); !reflect.DeepEqual(got, want) {
					errs <- fmt.Sprintf("goroutine %d: %v, want %v", g, got, want)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestKnownNames checks that knowledge-base names reach the gazetteer as
// their own features, survive Save and ReadModel, and are skipped when
// their type is unknown.
func TestKnownNames(t *testing.T) {
	opt := TrainOptions{
		Epochs: 4, Seed: 1, Folds: 0,
		ClusterOptions: ClusterOptions{Sizes: [clusterLevels]int{6, 3, 2}, MinCount: 1, MaxVocab: 100, ContextLen: 20, Iterations: 5},
		Known:          []Known{{"Port Verano", "LOC"}, {"Verano Aid Trust", "ORG"}, {"Verano", "MISC"}, {"Nowhere", "XYZ"}},
	}
	r, err := Train(tinyDocs(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	kbBits := func(r *Recognizer, name string) uint8 {
		e := r.lex.gaz[seqKey(strings.Fields(name))]
		if e == nil {
			return 0
		}
		return e.kb
	}
	want := map[string]uint8{"Port Verano": 1 << 2, "Verano Aid Trust": 1 << 1, "Verano": 1 << 3, "Nowhere": 0}
	for name, bits := range want {
		if got := kbBits(r, name); got != bits {
			t.Errorf("%s: kb bits %b, want %b", name, got, bits)
		}
	}
	// "Verano" ends the known place "Port Verano": its features include
	// the knowledge-base feature for the last word of a LOC.
	d := r.lex.prepare([][]string{{"ships", "left", "Port", "Verano", "."}}, nil)
	want3 := mix(tGazKB, uint64(2)<<8|uint64(partL)<<4|1)
	if !slices.Contains(d.feats[d.featOff[3]:d.featOff[4]], want3) {
		t.Error("no knowledge-base feature on the last word of a known place")
	}
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		t.Fatal(err)
	}
	c, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for name, bits := range want {
		if got := kbBits(c, name); got != bits {
			t.Errorf("after reading back, %s: kb bits %b, want %b", name, got, bits)
		}
	}
}

func TestTrimEdges(t *testing.T) {
	r := &Recognizer{lex: newLexicon()}
	cases := []struct {
		words, tags, want string
	}{
		{"Since Mauritania joined", "B-LOC I-LOC O", "O B-LOC O"},
		{"told CNBC Friday that", "O B-ORG I-ORG O", "O B-ORG O O"},
		{"J. Smith 63 ,", "B-PER I-PER I-PER O", "B-PER I-PER O O"},
		{"the 1998 World Cup", "O B-MISC I-MISC I-MISC", "O B-MISC I-MISC I-MISC"},
		{"Interstate 95 closed", "B-LOC I-LOC O", "B-LOC I-LOC O"},
		{"Friday", "B-MISC", "B-MISC"},
		{"There are no concerns", "B-ORG O O O", "O O O O"},
		{"“ There are no concerns", "B-ORG I-ORG O O O", "O O O O O"},
		{"“ Reuters ” said", "B-ORG I-ORG I-ORG O", "O B-ORG O O"},
	}
	for _, c := range cases {
		words, tags := strings.Fields(c.words), strings.Fields(c.tags)
		r.trimEdges(words, tags)
		if got := strings.Join(tags, " "); got != c.want {
			t.Errorf("%q: %s, want %s", c.words, got, c.want)
		}
	}
}
