package tagger

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dateline/nlp/conllu"
)

// tinyBank is a hand-written treebank: enough for a model to memorise.
const tinyBank = `# sent_id = t1
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	visited	visit	VERB	VBD	_	0	root	_	_
4	Paris	Paris	PROPN	NNP	_	3	obj	_	_
5	on	on	ADP	IN	_	6	case	_	_
6	Friday	Friday	PROPN	NNP	_	3	obl	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	fired	fire	VERB	VBD	_	0	root	_	_
3	two	two	NUM	CD	_	4	nummod	_	_
4	rockets	rocket	NOUN	NNS	_	2	obj	_	_
5	at	at	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	city	city	NOUN	NN	_	2	obl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t3
1	She	she	PRON	PRP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	talks	talk	NOUN	NNS	_	5	nsubj	_	_
4	were	be	AUX	VBD	_	5	cop	_	_
5	slow	slow	ADJ	JJ	_	2	ccomp	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t4
1	Officials	official	NOUN	NNS	_	3	nsubj	_	_
2	have	have	AUX	VBP	_	3	aux	_	_
3	denied	deny	VERB	VBN	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	reports	report	NOUN	NNS	_	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_
`

func tinySents(t *testing.T) []conllu.Sentence {
	t.Helper()
	s, err := conllu.Read(strings.NewReader(tinyBank))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTrainTinyBankTagsItsSentences(t *testing.T) {
	sents := tinySents(t)
	// Only the one-pass model is expected to memorise: on four sentences
	// the jackknifed first-pass tags a second pass is trained on are
	// mostly wrong, unlike the ones it sees when tagging.
	for _, two := range []bool{false} {
		tg, err := Train(sents, TrainOptions{Epochs: 20, Seed: 3, TwoPass: two, Folds: 2, AmbMinCount: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			var words []string
			for _, w := range s.Words {
				words = append(words, w.Form)
			}
			up, xp := tg.Tag(words)
			for i, w := range s.Words {
				if up[i] != w.UPOS || xp[i] != w.XPOS {
					t.Errorf("two-pass %v, %s word %q: got %s/%s, want %s/%s", two, s.ID, w.Form, up[i], xp[i], w.UPOS, w.XPOS)
				}
				if l := tg.Lemma(w.Form, w.UPOS, w.XPOS); l != w.Lemma {
					t.Errorf("lemma of %q %s: got %q, want %q", w.Form, w.XPOS, l, w.Lemma)
				}
			}
		}
	}
}

func TestTrainIsDeterministicAndRoundTrips(t *testing.T) {
	sents := tinySents(t)
	opt := TrainOptions{Epochs: 5, Seed: 7, TwoPass: true, Folds: 2, Clusters: 3}
	a, err := Train(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if a.Digest() != b.Digest() {
		t.Fatalf("two trainings gave digests %s and %s", a.Digest(), b.Digest())
	}
	before := a.Digest()
	var ba, bb bytes.Buffer
	if _, err := a.WriteTo(&ba); err != nil {
		t.Fatal(err)
	}
	b.WriteTo(&bb)
	if !bytes.Equal(ba.Bytes(), bb.Bytes()) {
		t.Fatal("two trainings wrote different model bytes")
	}
	c, err := Read(bytes.NewReader(ba.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if c.Digest() != a.Digest() || a.Digest() != before || !c.TwoPass() {
		t.Fatalf("read model digest %s two-pass %v, wrote %s", c.Digest(), c.TwoPass(), a.Digest())
	}
	words := []string{"The", "rebels", "visited", "the", "city", "."}
	u1, x1 := a.Tag(words)
	u2, x2 := c.Tag(words)
	if fmt.Sprint(u1, x1) != fmt.Sprint(u2, x2) {
		t.Fatalf("read model tags %v %v, trained model %v %v", u2, x2, u1, x1)
	}
}

func TestTrainRejectsUntaggedWords(t *testing.T) {
	bank := strings.Replace(tinyBank, "visited\tvisit\tVERB\tVBD", "visited\tvisit\t_\t_", 1)
	s, err := conllu.Read(strings.NewReader(bank))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Train(s, TrainOptions{})
	if err == nil || !strings.Contains(err.Error(), `"visited"`) || !strings.Contains(err.Error(), "t1") {
		t.Fatalf("want an error naming sentence t1 and word \"visited\", got %v", err)
	}
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Fatal("training on no sentences should fail")
	}
}

func TestReadRejectsBadModels(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello world"),
		"truncated": embedded[:len(embedded)/2],
	} {
		if _, err := Read(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: Read accepted a bad model", name)
		}
	}
}

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

func embeddedTagger(t testing.TB) *Tagger {
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

func TestEmbeddedModelTagsNews(t *testing.T) {
	tg := embeddedTagger(t)
	cases := []struct{ text, upos string }{
		{"Hamas visited Moscow on Thursday .", "PROPN VERB PROPN ADP PROPN PUNCT"},
		{"The army said it had killed three militants .", "DET NOUN VERB PRON AUX VERB NUM NOUN PUNCT"},
		{"Peskov did not comment on the reports .", "PROPN AUX PART VERB ADP DET NOUN PUNCT"},
		{"More than 1,400 people were killed in the attacks .", "ADJ ADP NUM NOUN AUX VERB ADP DET NOUN PUNCT"},
	}
	for _, c := range cases {
		up, _ := tg.Tag(strings.Fields(c.text))
		if got := strings.Join(up, " "); got != c.upos {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.upos)
		}
	}
	up, xp := tg.Tag(nil)
	if len(up) != 0 || len(xp) != 0 {
		t.Errorf("empty sentence gave %v %v", up, xp)
	}
	// Odd input is tagged, not rejected: empty words, invalid UTF-8,
	// very long tokens.
	odd := []string{"", "\xff\xfe", strings.Repeat("ab", 5000), "Ünïcödé", "."}
	up, xp = tg.Tag(odd)
	if len(up) != len(odd) || len(xp) != len(odd) {
		t.Fatalf("odd input: %d words, got %d/%d tags", len(odd), len(up), len(xp))
	}
	for i, w := range odd {
		if up[i] == "" || xp[i] == "" {
			t.Errorf("word %d %q got no tag", i, w)
		}
		_ = tg.Lemma(w, up[i], xp[i])
	}
}

// AUX is a closed class and dashes are punctuation, whatever the
// weights say about a word the model never saw.
func TestClosedClassesHold(t *testing.T) {
	tg := embeddedTagger(t)
	cases := []struct {
		text string
		at   int
		want []string // any of these
	}{
		{"Beijing responded with duties and warned of more .", 0, []string{"PROPN"}},
		{"The trade minister is bearish on steel prices .", 4, []string{"ADJ"}},
		{"The report ― which cites dozens of sources ― blames the port .", 2, []string{"PUNCT", "SYM"}},
		{"The report ― which cites dozens of sources ― blames the port .", 8, []string{"PUNCT", "SYM"}},
		{"The plan , like many others ― covers the ports .", 6, []string{"PUNCT", "SYM"}},
		{"The envoy , with aides ― says talks resumed .", 5, []string{"PUNCT", "SYM"}},
		// Auxiliaries stay auxiliaries.
		{"Prices were being watched .", 2, []string{"AUX"}},
		{"They 've been warned .", 1, []string{"AUX"}},
	}
	for _, c := range cases {
		up, _ := tg.Tag(strings.Fields(c.text))
		if !slices.Contains(c.want, up[c.at]) {
			t.Errorf("%q: word %d tagged %s, want one of %v (all: %v)", c.text, c.at, up[c.at], c.want, up)
		}
	}
}

func TestEmbeddedLemmas(t *testing.T) {
	tg := embeddedTagger(t)
	cases := []struct{ word, upos, xpos, want string }{
		{"visited", "VERB", "VBD", "visit"},
		{"went", "VERB", "VBD", "go"},
		{"was", "AUX", "VBD", "be"},
		{"n't", "PART", "RB", "not"},
		{"militants", "NOUN", "NNS", "militant"},
		{"casualties", "NOUN", "NNS", "casualty"},
		{"The", "DET", "DT", "the"},
		{"Moscow", "PROPN", "NNP", "Moscow"},
		{"bigger", "ADJ", "JJR", "big"},
		{"shelling", "VERB", "VBG", "shell"},
		// Irregular past forms training did not list (irregular.go).
		{"fled", "VERB", "VBD", "flee"},
		{"overthrew", "VERB", "VBD", "overthrow"},
		{"withdrawn", "VERB", "VBN", "withdraw"},
		// Unseen made-up words follow the learned suffix rules.
		{"blorfed", "VERB", "VBD", "blorf"},
		{"snargles", "NOUN", "NNS", "snargle"},
	}
	for _, c := range cases {
		if got := tg.Lemma(c.word, c.upos, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", c.word, c.upos, c.xpos, got, c.want)
		}
	}
}

func TestConcurrentTag(t *testing.T) {
	tg := embeddedTagger(t)
	sents := [][]string{
		strings.Fields("Hamas visited Moscow on Thursday ."),
		strings.Fields("The ministry said 20 people were killed in overnight strikes ."),
		strings.Fields("Talks will resume next week , officials said ."),
	}
	want := make([]string, len(sents))
	for i, s := range sents {
		u, x := tg.Tag(s)
		want[i] = fmt.Sprint(u, x)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(sents)
				u, x := tg.Tag(sents[i])
				if got := fmt.Sprint(u, x); got != want[i] {
					errs <- got
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Tag gave a different result: %s", e)
	}
}

const devPath = "../../../shared/data/ud-ewt/en_ewt-ud-dev.conllu"

func devSentences(tb testing.TB) []conllu.Sentence {
	if _, err := os.Stat(devPath); err != nil {
		tb.Skipf("UD EWT dev not found at %s (shared data absent): %v", filepath.Clean(devPath), err)
	}
	s, err := conllu.ReadFile(devPath)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestDevAccuracyFloor guards against a regression of the embedded model;
// the exact figures come from `dateline eval pos`.
func TestDevAccuracyFloor(t *testing.T) {
	sents := devSentences(t)
	tg := embeddedTagger(t)
	var n, ok int
	for _, s := range sents {
		var words []string
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		up, _ := tg.Tag(words)
		for i, w := range s.Words {
			n++
			if up[i] == w.UPOS {
				ok++
			}
		}
	}
	if acc := float64(ok) / float64(n); acc < 0.945 {
		t.Errorf("UPOS accuracy on EWT dev %.4f, below the 0.945 floor", acc)
	}
}

// BenchmarkTag measures tagging speed on the EWT dev sentences (one core:
// run with -cpu 1); the tokens/s metric is the figure to report.
func BenchmarkTag(b *testing.B) {
	sents := devSentences(b)
	tg := embeddedTagger(b)
	var words [][]string
	tokens := 0
	for _, s := range sents {
		var ws []string
		for _, w := range s.Words {
			ws = append(ws, w.Form)
		}
		words = append(words, ws)
		tokens += len(ws)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, ws := range words {
			tg.Tag(ws)
		}
	}
	cpu := cpuSeconds() - cpu0
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	// On a shared, busy machine wall time overstates the cost; the CPU
	// time of the process (with -cpu 1, one core plus the runtime's
	// background work) is the steadier figure.
	if cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// cpuSeconds is the user+system CPU time of this process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func TestSplitUnlabeled(t *testing.T) {
	got := SplitUnlabeled("\"Israel's army didn’t move,\" he said.\n\nTalks (in Doha) ended.")
	want := [][]string{
		{`"`, "israel", "'s", "army", "did", "n't", "move", ",", `"`, "he", "said", "."},
		{"talks", "(", "in", "doha", ")", "ended", "."},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

func TestClustersGroupWordsInTheSameContexts(t *testing.T) {
	var sents [][]string
	for _, day := range []string{"monday", "tuesday", "friday"} {
		for _, verb := range []string{"met", "spoke", "left"} {
			sents = append(sents, []string{"he", verb, "on", day, "."}, []string{"they", verb, "on", day, "."})
		}
	}
	cl := learnClusters(sents, 4, 1)
	of := map[string]uint32{}
	for _, e := range cl {
		of[e.Word] = e.Cluster
	}
	if of["monday"] != of["friday"] || of["met"] != of["left"] || of["monday"] == of["met"] {
		t.Fatalf("clusters do not follow contexts: %v", of)
	}
}

// TestStaticFeatureCount keeps nStatic in step with staticFeatures, which
// the scoring code relies on to slice per-word features.
func TestStaticFeatureCount(t *testing.T) {
	words := strings.Fields("Militants fired 3 rockets at Sderot .")
	for _, c := range []struct{ clus, amb bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		tg := &Tagger{feats: featureFlags{clusters: c.clus, amb: c.amb}}
		s := &scratch{}
		tg.prepare(s, words)
		if got, want := len(s.static), len(words)*tg.nStatic(); got != want {
			t.Errorf("clusters %v ambiguity %v: %d static features, nStatic says %d", c.clus, c.amb, got, want)
		}
	}
}

func TestLemmaRules(t *testing.T) {
	bank := `# sent_id = l1
1	walked	walk	VERB	VBD	_	0	root	_	_
2	talked	talk	VERB	VBD	_	1	dep	_	_
3	cooked	cook	VERB	VBD	_	1	dep	_	_
4	looked	look	VERB	VBD	_	1	dep	_	_
5	liked	like	VERB	VBD	_	1	dep	_	_
6	used	use	VERB	VBD	_	1	dep	_	_
7	hoped	hope	VERB	VBD	_	1	dep	_	_
8	moved	move	VERB	VBD	_	1	dep	_	_
9	saved	save	VERB	VBD	_	1	dep	_	_
10	named	name	VERB	VBD	_	1	dep	_	_
11	studies	study	NOUN	NNS	_	1	dep	_	_
12	cities	city	NOUN	NNS	_	1	dep	_	_
13	rockets	rocket	NOUN	NNS	_	1	dep	_	_
14	went	go	VERB	VBD	_	1	dep	_	_
15	Americans	American	PROPN	NNPS	_	1	dep	_	_
16	Germans	German	PROPN	NNPS	_	1	dep	_	_
17	poke	poke	VERB	VB	_	1	dep	_	_
`
	s, err := conllu.Read(strings.NewReader(bank))
	if err != nil {
		t.Fatal(err)
	}
	d, err := learnLemmatizer(s)
	if err != nil {
		t.Fatal(err)
	}
	l, err := newLemmatizer(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ word, upos, xpos, want string }{
		{"went", "VERB", "VBD", "go"},              // exception
		{"Went", "VERB", "VBD", "go"},              // lower-cased first
		{"parked", "VERB", "VBD", "park"},          // "-ked" words drop "ed"...
		{"poked", "VERB", "VBD", "poke"},           // ...unless that gives an unseen lemma and the "-ed" rule a seen one
		{"raved", "VERB", "VBD", "rave"},           // "-ed" words mostly drop "d"
		{"ladies", "NOUN", "NNS", "lady"},          // "-ies" -> "-y"
		{"Canadians", "PROPN", "NNPS", "Canadian"}, // proper nouns keep their case
		{"1,400", "NUM", "CD", "1400"},             // thousands separators go
		{"blah", "INTJ", "UH", "blah"},             // tag never seen: the word itself
	} {
		if got := l.lemma(c.word, c.upos, c.xpos); got != c.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", c.word, c.xpos, got, c.want)
		}
	}
}
