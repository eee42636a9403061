package nlp

import (
	"fmt"
	"sync"

	"dateline/nlp/ner"
	"dateline/nlp/parser"
	"dateline/nlp/tagger"
)

// Pipeline is the whole text engine: tokenizer, sentence splitter, tagger
// and lemmatizer, dependency parser and entity recogniser, with the
// embedded models loaded once. It is safe for concurrent use.
type Pipeline struct {
	tagger *tagger.Tagger
	parser *parser.Parser
	ner    *ner.Recognizer
	cache  *sentCache // nil: every sentence is analysed afresh
	// nerCache reuses the entity recogniser's classes of sentences whose
	// features and history are unchanged (nil: none).
	nerCache *ner.Cache
}

// Load reads the embedded models (a few hundred milliseconds each; do it
// once). The three are decoded at the same time: on two cores that halves
// the start-up of every command that reads text.
func Load() (*Pipeline, error) {
	var (
		wg         sync.WaitGroup
		t          *tagger.Tagger
		p          *parser.Parser
		r          *ner.Recognizer
		te, pe, re error
	)
	wg.Add(3)
	go func() { defer wg.Done(); t, te = tagger.Load() }()
	go func() { defer wg.Done(); p, pe = parser.Load() }()
	go func() { defer wg.Done(); r, re = ner.Load() }()
	wg.Wait()
	switch {
	case te != nil:
		return nil, fmt.Errorf("nlp: tagger model: %w", te)
	case pe != nil:
		return nil, fmt.Errorf("nlp: parser model: %w", pe)
	case re != nil:
		return nil, fmt.Errorf("nlp: entity model: %w", re)
	}
	return &Pipeline{tagger: t, parser: p, ner: r}, nil
}

var defaultPipeline = sync.OnceValues(Load)

// Default returns the pipeline with the embedded models, loading it on
// first use.
func Default() (*Pipeline, error) { return defaultPipeline() }

// Annotate runs the default pipeline over text. The error is only ever
// that of loading the embedded models.
func Annotate(text string) (*Doc, error) {
	p, err := Default()
	if err != nil {
		return nil, err
	}
	return p.Annotate(text), nil
}

// Annotate runs tokenizer → sentences → tagger → parser → entities over
// text and returns one Doc. The entity recogniser sees the whole document
// at once: how a name is labelled elsewhere in the article informs each
// mention.
func (p *Pipeline) Annotate(text string) *Doc {
	d, words, keys, ents := p.recognize(text)
	for si, s := range d.Sents {
		toks := d.Tokens[s.Start:s.End]
		if len(toks) == 0 {
			continue
		}
		var key [2]uint64
		if keys != nil {
			key = keys[si]
		}
		p.analyseInto(words[si], key, toks, s.Start)
		d.Ents = appendSpans(d.Ents, d, s.Start, setEnts(toks, si, ents))
	}
	return d
}

// Entities runs the tokenizer, the sentence splitter and the entity
// recogniser alone over text: the Doc has tokens, sentences and entity
// spans (Ents, and each token's Ent), and no tags or parse. Its entities
// are those Annotate finds.
func (p *Pipeline) Entities(text string) *Doc {
	d, _, _, ents := p.recognize(text)
	for si, s := range d.Sents {
		toks := d.Tokens[s.Start:s.End]
		if len(toks) == 0 {
			continue
		}
		d.Ents = appendSpans(d.Ents, d, s.Start, setEnts(toks, si, ents))
	}
	return d
}

// setEnts gives the tokens of sentence si their entity tags from ents
// (the recogniser's, per sentence) and returns the sentence's tags.
func setEnts(toks []Token, si int, ents [][]string) []string {
	for i := range toks {
		t := &toks[i]
		if si < len(ents) && i < len(ents[si]) {
			t.Ent = ents[si][i]
		} else {
			t.Ent = "O"
		}
	}
	if si < len(ents) && len(ents[si]) == len(toks) {
		return ents[si] // what the tokens were given
	}
	tags := make([]string, len(toks))
	for i := range toks {
		tags[i] = toks[i].Ent
	}
	return tags
}

// recognize splits text into tokens and sentences and runs the entity
// recogniser over the whole document: the Doc, each sentence's words and
// cache keys (nil without a cache) and the entity tags per sentence.
func (p *Pipeline) recognize(text string) (d *Doc, words [][]string, keys [][2]uint64, ents [][]string) {
	d = NewDoc(text)
	words = make([][]string, len(d.Sents))
	texts := make([]string, len(d.Tokens)) // the words of every sentence, in one array
	for i := range d.Tokens {
		texts[i] = d.Tokens[i].Text
	}
	for si, s := range d.Sents {
		words[si] = texts[s.Start:s.End:s.End]
	}
	// the sentences' keys, for both caches
	if p.cache != nil {
		keys = make([][2]uint64, len(words))
		for si, ws := range words {
			keys[si] = ner.WordsKey(ws)
		}
	}
	return d, words, keys, p.ner.RecognizeDocumentKeyed(words, keys, p.nerCache)
}

// appendSpans turns the IOB2 tags of one sentence (starting at token off)
// into entity spans.
func appendSpans(dst []Span, d *Doc, off int, tags []string) []Span {
	start, label := -1, ""
	flush := func(end int) {
		if start >= 0 {
			dst = append(dst, Span{Start: off + start, End: off + end, Label: label,
				StartByte: d.Tokens[off+start].Start, EndByte: d.Tokens[off+end-1].End})
		}
		start, label = -1, ""
	}
	for i, tg := range tags {
		switch {
		case len(tg) > 2 && tg[0] == 'B':
			flush(i)
			start, label = i, tg[2:]
		case len(tg) > 2 && tg[0] == 'I' && start >= 0 && tg[2:] == label:
			// continues the open span
		case len(tg) > 2 && tg[0] == 'I':
			flush(i) // ill-formed I- after O or another type starts a span
			start, label = i, tg[2:]
		default:
			flush(i)
		}
	}
	flush(len(tags))
	return dst
}

// analyseInto sets the tags, lemmas, heads (toks[0] being token off of
// the Doc) and relations of the tokens toks of the sentence ws, from the
// sentence cache (where k, its ner.WordsKey, finds it) when it has them.
func (p *Pipeline) analyseInto(ws []string, k [2]uint64, toks []Token, off int) {
	key, check := k[0], k[1] // ner.WordsKey(ws) when there is a cache
	if p.cache != nil {
		if p.cache.fill(key, check, ws, toks, off) {
			return
		}
	}
	a := p.analyseFresh(ws)
	if p.cache != nil {
		p.cache.put(key, check, ws, a)
	}
	for i := range toks {
		t := &toks[i]
		t.POS, t.Tag, t.Lemma = a.upos[i], a.xpos[i], a.lemmas[i]
		t.Head = -1
		if a.heads[i] >= 0 {
			t.Head = off + a.heads[i]
		}
		t.Dep = a.labels[i]
	}
}

// analyseFresh tags, lemmatizes and parses one sentence.
func (p *Pipeline) analyseFresh(ws []string) *sentAnalysis {
	a := &sentAnalysis{}
	a.upos, a.xpos = p.tagger.Tag(ws)
	a.lemmas = p.tagger.Lemmas(ws, a.upos, a.xpos)
	a.heads, a.labels = p.parser.Parse(ws, a.upos, a.xpos)
	return a
}
