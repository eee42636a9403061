package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Tokenization and sentence splitting are scored on running text rebuilt
// from a CoNLL-U treebank:
//
//   - Each document ("# newdoc") becomes one text: the "# text" lines of
//     its sentences joined with a space, or with "\n" where a sentence
//     starts a paragraph ("# newpar").
//   - Gold tokens are the syntactic words (integer-ID lines), located in
//     that text by their forms, so "don't" (a multiword token "don't" with
//     words "do" and "n't") gives the two gold tokens "do" and "n't": the
//     tokenizer is expected to split clitics the UD way. Multiword-token
//     lines are only checked: their words must spell the surface form,
//     otherwise the words would have no position in the text and the file
//     is rejected. Empty nodes ("8.1") have no text and are ignored.
//   - Gold sentences are the spans from the first to the last word of each
//     sentence.
//
// A predicted token or sentence is correct when its span (start and end
// byte) equals a gold span exactly; precision, recall and F1 follow.

// TokenizeSpan is a half-open byte range [Start, End) of a text.
type TokenizeSpan struct {
	Start, End int
}

// TokenizeDoc is one gold document rebuilt from a CoNLL-U file.
type TokenizeDoc struct {
	ID        string
	Text      string
	Tokens    []TokenizeSpan
	Sentences []TokenizeSpan
	// Line is the line of the file where the document starts.
	Line int
}

// ReadTokenizeGold rebuilds the documents of a CoNLL-U stream as running
// text with the spans of their words and sentences. name is used in error
// messages. Every sentence needs a "# text" line whose text its words
// spell, in order, with only whitespace between them.
func ReadTokenizeGold(r io.Reader, name string) ([]TokenizeDoc, error) {
	var (
		docs []TokenizeDoc
		doc  *TokenizeDoc
		text strings.Builder

		// the sentence being read
		sentText   string
		hasText    bool
		newPar     bool
		newDoc     bool
		sentLine   int
		words      []string
		mwtSurface []string // surface forms of multiword tokens, in order
		mwtWords   []int    // number of words in each multiword token
		mwtFirst   []int    // index in words of each multiword token's first word
	)
	flushDoc := func() {
		if doc != nil {
			doc.Text = text.String()
			docs = append(docs, *doc)
			doc = nil
		}
		text.Reset()
	}
	flushSent := func() error {
		if len(words) == 0 {
			if hasText {
				return fmt.Errorf("%s:%d: sentence has a text but no words", name, sentLine)
			}
			return nil
		}
		if !hasText {
			return fmt.Errorf("%s:%d: sentence has no \"# text =\" line", name, sentLine)
		}
		if newDoc || doc == nil {
			flushDoc()
			doc = &TokenizeDoc{ID: fmt.Sprintf("doc%d", len(docs)+1), Line: sentLine}
		}
		if text.Len() > 0 {
			if newPar {
				text.WriteByte('\n')
			} else {
				text.WriteByte(' ')
			}
		}
		base := text.Len()
		text.WriteString(sentText)
		spans := make([]TokenizeSpan, len(words))
		pos := 0
		for i, w := range words {
			for pos < len(sentText) && isTokenizeSpace(sentText[pos]) {
				pos++
			}
			if !strings.HasPrefix(sentText[pos:], w) {
				return fmt.Errorf("%s:%d: word %d %q does not match the sentence text at byte %d (%q)",
					name, sentLine, i+1, w, pos, tokenizeSnippet(sentText[pos:]))
			}
			spans[i] = TokenizeSpan{base + pos, base + pos + len(w)}
			pos += len(w)
		}
		for k, surface := range mwtSurface {
			first, n := mwtFirst[k], mwtWords[k]
			if first+n > len(words) {
				return fmt.Errorf("%s:%d: multiword token %q covers words past the end of the sentence", name, sentLine, surface)
			}
			if got := strings.Join(words[first:first+n], ""); got != surface {
				return fmt.Errorf("%s:%d: multiword token %q is spelled %q by its words", name, sentLine, surface, got)
			}
		}
		doc.Tokens = append(doc.Tokens, spans...)
		doc.Sentences = append(doc.Sentences, TokenizeSpan{spans[0].Start, spans[len(spans)-1].End})
		return nil
	}
	reset := func() {
		sentText, hasText, newPar, newDoc, sentLine = "", false, false, false, 0
		words, mwtSurface, mwtWords, mwtFirst = words[:0], mwtSurface[:0], mwtWords[:0], mwtFirst[:0]
	}

	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			if err := flushSent(); err != nil {
				return nil, err
			}
			reset()
			continue
		}
		if sentLine == 0 {
			sentLine = line
		}
		if strings.HasPrefix(s, "#") {
			body := strings.TrimSpace(s[1:])
			switch {
			case strings.HasPrefix(body, "text ="), body == "text =":
				sentText = strings.TrimSpace(strings.TrimPrefix(body, "text ="))
				hasText = true
			case strings.HasPrefix(body, "newdoc"):
				newDoc, newPar = true, true
			case strings.HasPrefix(body, "newpar"):
				newPar = true
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 tab-separated columns, got %d", name, line, len(cols))
		}
		id := cols[0]
		switch {
		case strings.Contains(id, "."):
			continue // empty node
		case strings.Contains(id, "-"):
			a, b, ok := strings.Cut(id, "-")
			lo, err1 := strconv.Atoi(a)
			hi, err2 := strconv.Atoi(b)
			if !ok || err1 != nil || err2 != nil || hi < lo {
				return nil, fmt.Errorf("%s:%d: bad multiword token range %q", name, line, id)
			}
			mwtSurface = append(mwtSurface, cols[1])
			mwtWords = append(mwtWords, hi-lo+1)
			mwtFirst = append(mwtFirst, len(words))
		default:
			if _, err := strconv.Atoi(id); err != nil {
				return nil, fmt.Errorf("%s:%d: bad word ID %q", name, line, id)
			}
			if cols[1] == "" {
				return nil, fmt.Errorf("%s:%d: empty word form", name, line)
			}
			words = append(words, cols[1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if err := flushSent(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

func isTokenizeSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

func tokenizeSnippet(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}

// TokenizeSegmenter tokenizes a text and splits it into sentences,
// returning the byte spans of both. nlp.NewDoc wrapped in a few lines is
// one (see cmd/dateline).
type TokenizeSegmenter func(text string) (tokens, sentences []TokenizeSpan)

// TokenizeResult is the outcome of ScoreTokenize. Its JSON form is the one
// line that `dateline eval tokenize` prints; Sentences and Tokens count the
// gold ones.
type TokenizeResult struct {
	Task              string  `json:"task"`
	Sentences         int     `json:"sentences"`
	Tokens            int     `json:"tokens"`
	TokenPrecision    float64 `json:"token_precision"`
	TokenRecall       float64 `json:"token_recall"`
	TokenF1           float64 `json:"token_f1"`
	SentencePrecision float64 `json:"sentence_precision"`
	SentenceRecall    float64 `json:"sentence_recall"`
	SentenceF1        float64 `json:"sentence_f1"`

	Documents        int             `json:"-"`
	PredTokens       int             `json:"-"`
	PredSentences    int             `json:"-"`
	CorrectTokens    int             `json:"-"`
	CorrectSentences int             `json:"-"`
	TokenErrors      []TokenizeError `json:"-"`
	SentenceErrors   []TokenizeError `json:"-"`
}

// TokenizeError shows one disagreement in context: the gold and predicted
// segmentations of the same stretch of text, separated by "|".
type TokenizeError struct {
	Doc  string
	Gold string
	Pred string
}

// ScoreTokenize runs seg on every document and compares its spans with the
// gold ones. Up to maxErrors examples of each kind of error are kept for
// display.
func ScoreTokenize(docs []TokenizeDoc, seg TokenizeSegmenter, maxErrors int) *TokenizeResult {
	res := &TokenizeResult{Task: "tokenize", Documents: len(docs)}
	for _, d := range docs {
		toks, sents := seg(d.Text)
		res.Tokens += len(d.Tokens)
		res.Sentences += len(d.Sentences)
		res.PredTokens += len(toks)
		res.PredSentences += len(sents)
		res.CorrectTokens += tokenizeMatches(d.Tokens, toks)
		res.CorrectSentences += tokenizeMatches(d.Sentences, sents)
		res.TokenErrors = tokenizeCollectErrors(res.TokenErrors, maxErrors, d, d.Tokens, toks, 40)
		res.SentenceErrors = tokenizeCollectErrors(res.SentenceErrors, maxErrors, d, d.Sentences, sents, 0)
	}
	res.TokenPrecision, res.TokenRecall, res.TokenF1 = tokenizePRF(res.CorrectTokens, res.Tokens, res.PredTokens)
	res.SentencePrecision, res.SentenceRecall, res.SentenceF1 = tokenizePRF(res.CorrectSentences, res.Sentences, res.PredSentences)
	return res
}

// tokenizeMatches counts the spans of pred that are also in gold.
func tokenizeMatches(gold, pred []TokenizeSpan) int {
	set := make(map[TokenizeSpan]struct{}, len(gold))
	for _, g := range gold {
		set[g] = struct{}{}
	}
	n := 0
	for _, p := range pred {
		if _, ok := set[p]; ok {
			n++
			delete(set, p) // a duplicated prediction counts once
		}
	}
	return n
}

// tokenizeCollectErrors appends, for each stretch of d where gold and pred
// disagree, the two segmentations of that stretch, widened by pad bytes.
func tokenizeCollectErrors(out []TokenizeError, limit int, d TokenizeDoc, gold, pred []TokenizeSpan, pad int) []TokenizeError {
	if len(out) >= limit {
		return out
	}
	goldSet := make(map[TokenizeSpan]bool, len(gold))
	for _, g := range gold {
		goldSet[g] = true
	}
	predSet := make(map[TokenizeSpan]bool, len(pred))
	for _, p := range pred {
		predSet[p] = true
	}
	lastEnd := -1
	show := func(sp TokenizeSpan) {
		if len(out) >= limit || sp.Start < lastEnd {
			return
		}
		lo, hi := sp.Start-pad, sp.End+pad
		if pad == 0 { // sentences: show the area around the boundary
			lo, hi = sp.Start-60, sp.End+60
		}
		lo, hi = max0(lo), min(hi, len(d.Text))
		out = append(out, TokenizeError{Doc: d.ID,
			Gold: tokenizeRender(d.Text, gold, lo, hi),
			Pred: tokenizeRender(d.Text, pred, lo, hi)})
		lastEnd = hi
	}
	for _, g := range gold {
		if !predSet[g] {
			show(g)
		}
	}
	for _, p := range pred {
		if !goldSet[p] {
			show(p)
		}
	}
	return out
}

func max0(x int) int {
	if x < 0 {
		return 0
	}
	return x
}

// tokenizeRender shows text[lo:hi] with "|" around every span boundary.
func tokenizeRender(text string, spans []TokenizeSpan, lo, hi int) string {
	var b strings.Builder
	bound := map[int]bool{}
	for _, s := range spans {
		if s.End >= lo && s.Start <= hi {
			bound[s.Start] = true
			bound[s.End] = true
		}
	}
	for i := lo; i < hi; i++ {
		if bound[i] {
			b.WriteByte('|')
		}
		c := text[i]
		if c == '\n' {
			b.WriteString("¶")
			continue
		}
		b.WriteByte(c)
	}
	if bound[hi] {
		b.WriteByte('|')
	}
	return strings.ToValidUTF8(b.String(), "�")
}

func tokenizePRF(correct, gold, pred int) (p, r, f float64) {
	if pred > 0 {
		p = float64(correct) / float64(pred)
	}
	if gold > 0 {
		r = float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// WriteTable prints the scores and the kept error examples for people.
func (r *TokenizeResult) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "tokenize: %d documents\n", r.Documents)
	fmt.Fprintf(w, "%-10s %8s %8s %8s %9s %9s %7s\n", "", "gold", "pred", "correct", "precision", "recall", "F1")
	fmt.Fprintf(w, "%-10s %8d %8d %8d %9.4f %9.4f %7.4f\n", "tokens", r.Tokens, r.PredTokens, r.CorrectTokens,
		r.TokenPrecision, r.TokenRecall, r.TokenF1)
	fmt.Fprintf(w, "%-10s %8d %8d %8d %9.4f %9.4f %7.4f\n", "sentences", r.Sentences, r.PredSentences, r.CorrectSentences,
		r.SentencePrecision, r.SentenceRecall, r.SentenceF1)
	for _, group := range []struct {
		name string
		errs []TokenizeError
	}{{"token", r.TokenErrors}, {"sentence", r.SentenceErrors}} {
		if len(group.errs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nfirst %d %s errors (gold / predicted, | marks boundaries, ¶ a line break):\n", len(group.errs), group.name)
		for _, e := range group.errs {
			fmt.Fprintf(w, "  %s\n    gold %s\n    pred %s\n", e.Doc, e.Gold, e.Pred)
		}
	}
}
