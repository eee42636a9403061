package eval

import (
	"math"
	"os"
	"strings"
	"testing"

	"dateline/nlp"
)

const tokenizeTestGold = `# newdoc id = d1
# sent_id = 1
# newpar id = p1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = 2
# text = Hi there!
1	Hi	hi	INTJ	UH	_	0	root	_	_
2	there	there	ADV	RB	_	1	advmod	_	SpaceAfter=No
3	!	!	PUNCT	.	_	1	punct	_	_

# sent_id = 3
# newpar id = p2
# text = Bye.
1	Bye	bye	INTJ	UH	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

# newdoc id = d2
# sent_id = 4
# text = Ok
1	Ok	ok	INTJ	UH	_	0	root	_	_

`

func TestReadTokenizeGold(t *testing.T) {
	docs, err := ReadTokenizeGold(strings.NewReader(tokenizeTestGold), "test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	d := docs[0]
	if want := "I don't know. Hi there!\nBye."; d.Text != want {
		t.Fatalf("text = %q, want %q", d.Text, want)
	}
	var got []string
	for _, s := range d.Tokens {
		got = append(got, d.Text[s.Start:s.End])
	}
	if want := "I do n't know . Hi there ! Bye ."; strings.Join(got, " ") != want {
		t.Errorf("tokens = %q, want %q", strings.Join(got, " "), want)
	}
	got = got[:0]
	for _, s := range d.Sentences {
		got = append(got, d.Text[s.Start:s.End])
	}
	if want := "I don't know.|Hi there!|Bye."; strings.Join(got, "|") != want {
		t.Errorf("sentences = %q, want %q", strings.Join(got, "|"), want)
	}
	if docs[1].Text != "Ok" || len(docs[1].Tokens) != 1 {
		t.Errorf("second document = %+v", docs[1])
	}
}

func TestReadTokenizeGoldErrors(t *testing.T) {
	for name, in := range map[string]string{
		"no text":       "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
		"form mismatch": "# text = Hello\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
		"bad mwt":       "# text = dont\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVB\t_\t0\troot\t_\t_\n2\tnt\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\n",
		"columns":       "# text = Hi\n1\tHi\n\n",
		"bad id":        "# text = Hi\nx\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n",
	} {
		_, err := ReadTokenizeGold(strings.NewReader(in), "bad.conllu")
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.Contains(err.Error(), "bad.conllu:") {
			t.Errorf("%s: error %q does not name the file and line", name, err)
		}
	}
}

func TestScoreTokenize(t *testing.T) {
	docs, err := ReadTokenizeGold(strings.NewReader(tokenizeTestGold), "test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	// A segmenter that splits on spaces only: it misses "do|n't" and
	// every final punctuation mark, and returns one sentence per document.
	naive := func(text string) (toks, sents []TokenizeSpan) {
		start := -1
		for i := 0; i <= len(text); i++ {
			if i == len(text) || text[i] == ' ' || text[i] == '\n' {
				if start >= 0 {
					toks = append(toks, TokenizeSpan{start, i})
					start = -1
				}
			} else if start < 0 {
				start = i
			}
		}
		return toks, []TokenizeSpan{{0, len(text)}}
	}
	res := ScoreTokenize(docs, naive, 5)
	// Gold: 10 + 1 tokens; predicted: "I" "don't" "know." "Hi" "there!" "Bye." "Ok" = 7; correct: I, Hi, Ok.
	if res.Tokens != 11 || res.PredTokens != 7 || res.CorrectTokens != 3 {
		t.Fatalf("tokens gold/pred/correct = %d/%d/%d, want 11/7/3", res.Tokens, res.PredTokens, res.CorrectTokens)
	}
	if math.Abs(res.TokenPrecision-3.0/7) > 1e-9 || math.Abs(res.TokenRecall-3.0/11) > 1e-9 {
		t.Errorf("token P/R = %v/%v", res.TokenPrecision, res.TokenRecall)
	}
	// Sentences: gold 4, predicted 2, correct 1 (the one-word document).
	if res.Sentences != 4 || res.PredSentences != 2 || res.CorrectSentences != 1 {
		t.Errorf("sentences gold/pred/correct = %d/%d/%d, want 4/2/1", res.Sentences, res.PredSentences, res.CorrectSentences)
	}
	if len(res.TokenErrors) == 0 || !strings.Contains(res.TokenErrors[0].Gold, "|do|n't|") {
		t.Errorf("token errors = %+v", res.TokenErrors)
	}
	var b strings.Builder
	res.WriteTable(&b)
	if !strings.Contains(b.String(), "tokens") || !strings.Contains(b.String(), "0.4286") {
		t.Errorf("table:\n%s", b.String())
	}

	perfect := func(text string) (toks, sents []TokenizeSpan) {
		for _, d := range docs {
			if d.Text == text {
				return d.Tokens, d.Sentences
			}
		}
		return nil, nil
	}
	if res := ScoreTokenize(docs, perfect, 0); res.TokenF1 != 1 || res.SentenceF1 != 1 {
		t.Errorf("perfect segmenter scored %+v", res)
	}
}

// TestTokenizeEWTDev scores the real tokenizer on the EWT dev set, the
// same measurement as `dateline eval tokenize`, and guards against
// regressions.
func TestTokenizeEWTDev(t *testing.T) {
	const path = "../../shared/data/ud-ewt/en_ewt-ud-dev.conllu"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("EWT dev set not available (%v); skipping", err)
	}
	defer f.Close()
	docs, err := ReadTokenizeGold(f, path)
	if err != nil {
		t.Fatal(err)
	}
	res := ScoreTokenize(docs, func(text string) (toks, sents []TokenizeSpan) {
		d := nlp.NewDoc(text)
		for _, tk := range d.Tokens {
			toks = append(toks, TokenizeSpan{tk.Start, tk.End})
		}
		for _, s := range d.Sents {
			sents = append(sents, TokenizeSpan{s.StartByte, s.EndByte})
		}
		return toks, sents
	}, 0)
	t.Logf("token F1 %.4f, sentence F1 %.4f", res.TokenF1, res.SentenceF1)
	if res.TokenF1 < 0.98 {
		t.Errorf("token F1 %.4f < 0.98", res.TokenF1)
	}
	if res.SentenceF1 < 0.80 {
		t.Errorf("sentence F1 %.4f < 0.80", res.SentenceF1)
	}
}
