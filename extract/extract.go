package extract

import (
	"fmt"
	"time"

	"dateline/article"
	"dateline/kb"
	"dateline/nlp"
	"dateline/record"
)

// Version names the extraction pipeline that produced a record. Stored
// records carry it, so `dateline reprocess` can find the ones an older
// pipeline made. Bump it whenever a change alters what is extracted.
const Version = "dateline/0.1.1"

// Annotator turns text into an annotated Doc. The full text engine
// (nlp.Pipeline) satisfies it; tests may pass a lighter one.
type Annotator interface {
	Annotate(text string) *nlp.Doc
}

// tokensOnly annotates with the tokenizer and sentence splitter alone.
type tokensOnly struct{}

func (tokensOnly) Annotate(text string) *nlp.Doc { return nlp.NewDoc(text) }

// Options configures a Pipeline. The zero value uses the embedded models.
type Options struct {
	// Annotator replaces the embedded text engine.
	Annotator Annotator
	// LexiconExtra names a user event lexicon (see LoadLexiconFile) whose
	// rows add to or override the embedded one; "" uses the embedded one.
	LexiconExtra string
	// KBExtra names a user knowledge-base extension file (actors,
	// metonyms, role words and places; format in kb.LoadExtra) whose
	// entries are merged over the embedded knowledge base; "" uses the
	// embedded one alone.
	KBExtra string
	// SentenceCache, when positive, lets the embedded text engine reuse
	// the analysis of up to this many sentences seen before (wire copies;
	// see nlp.Pipeline.WithSentenceCache), and the entity recogniser its
	// tags of sentences whose features and history are unchanged and its
	// features of words and sentences seen before (see ner.Cache). Output
	// is unchanged.
	SentenceCache int
	// CopyCache, when positive, lets Records reuse the records of an
	// article extracted before for a wire copy of it, keeping up to about
	// this many bytes of texts and records (see copyCache). Output is
	// unchanged.
	CopyCache int
	// CheckCopies makes Records extract every reused copy afresh as well
	// and count those whose records differ (see CopyStats): slow, for
	// testing the copy rule on a corpus.
	CheckCopies bool
}

// Pipeline runs the text engine and every extractor over articles. It is
// safe for concurrent use: models and knowledge are loaded once and only
// read afterwards.
type Pipeline struct {
	ann    Annotator
	kb     *kb.KB // nil: kb.Default()
	events *EventCoder
	copies *copyCache // nil: none
}

// NewPipeline loads what the extractors need.
func NewPipeline(opt Options) (*Pipeline, error) {
	p := &Pipeline{ann: opt.Annotator}
	if opt.CopyCache > 0 {
		p.copies = newCopyCache(opt.CopyCache, opt.CheckCopies)
	}
	if p.ann == nil {
		// The models load while the lexicon and knowledge base do.
		type loaded struct {
			eng *nlp.Pipeline
			err error
		}
		ch := make(chan loaded, 1)
		go func() {
			eng, err := nlp.Default()
			ch <- loaded{eng, err}
		}()
		q, err := newPipelineKnowledge(p, opt)
		if err == nil {
			k := q.kb
			if k == nil {
				k = kb.Default()
			}
			k.Warm()
		}
		l := <-ch
		if l.err != nil {
			return nil, fmt.Errorf("extract: loading the text engine: %w", l.err)
		}
		if err != nil {
			return nil, err
		}
		q.ann = l.eng.WithSentenceCache(opt.SentenceCache)
		return q, nil
	}
	return newPipelineKnowledge(p, opt)
}

// newPipelineKnowledge loads the knowledge base and event lexicon of p.
func newPipelineKnowledge(p *Pipeline, opt Options) (*Pipeline, error) {
	if opt.KBExtra == "" {
		ev, err := coderFor(opt.LexiconExtra)
		if err != nil {
			return nil, err
		}
		p.events = ev
		return p, nil
	}
	extra, err := kb.LoadExtra(opt.KBExtra)
	if err != nil {
		return nil, fmt.Errorf("extract: --kb-extra: %w", err)
	}
	p.kb = kb.Default().Merge(extra)
	// The lexicon resolves actor words against the knowledge base, so it
	// is rebuilt over the merged one.
	lex, err := DefaultLexicon(p.kb)
	if err != nil {
		return nil, fmt.Errorf("extract: loading the event lexicon: %w", err)
	}
	p.events = NewEventCoder(p.kb, lex)
	if opt.LexiconExtra != "" {
		user, err := LoadLexiconFile(opt.LexiconExtra, p.kb)
		if err != nil {
			return nil, fmt.Errorf("extract: user event lexicon: %w", err)
		}
		p.events = p.events.WithLexicon(user)
	}
	return p, nil
}

// IsDatelinePlace reports whether an upper-case name opening a story
// before a colon ("PESHAWAR:") is a place of the pipeline's knowledge base
// that stories are filed from (see kb.KB.IsDatelinePlace); it is meant
// for article.Options.IsPlace.
func (p *Pipeline) IsDatelinePlace(name string) bool {
	k := p.kb
	if k == nil {
		k = kb.Default()
	}
	return k.IsDatelinePlace(name)
}

// SentenceStats reports how many sentences the text engine took from its
// sentence cache (reused) and how many it analysed (see
// Options.SentenceCache); both are 0 without a cache or with a custom
// Annotator.
func (p *Pipeline) SentenceStats() (reused, analysed int64) {
	if c, ok := p.ann.(interface{ CacheStats() (int64, int64) }); ok {
		return c.CacheStats()
	}
	return 0, 0
}

// Extract annotates the article's text and returns the Doc and every record
// found in it. Offsets in the records point into a.Text.
func (p *Pipeline) Extract(a article.Article) (*nlp.Doc, record.Result) {
	doc := p.ann.Annotate(a.Text)
	return doc, p.extractDoc(doc, a)
}

// Annotate runs the pipeline's text engine alone: the first half of
// Extract. With ExtractFrom it lets a caller time the two halves apart.
func (p *Pipeline) Annotate(text string) *nlp.Doc { return p.ann.Annotate(text) }

// ExtractFrom runs the extractors over doc, which must be Annotate's
// analysis of a.Text: the second half of Extract.
func (p *Pipeline) ExtractFrom(doc *nlp.Doc, a article.Article) record.Result {
	return p.extractDoc(doc, a)
}

// extractDoc runs the extractors over doc, the annotation of a.Text.
func (p *Pipeline) extractDoc(doc *nlp.Doc, a article.Article) record.Result {
	pub := publishedTime(a.Published)
	res := record.Result{Version: Version}
	doc = correctSpans(doc, p.kb, a.DatelinePlace)
	res.Quotes = Quotes(doc, a.ID)
	m := entities(doc, a.ID, p.kb, a.Published, a.DatelinePlace, res.Quotes)
	res.Entities = m.Entities
	res.Places = Places(doc, a.ID, p.kb, a.DatelinePlace, m)
	if doc != nil && len(doc.Tokens) > 0 {
		// one read-only qdoc for both (Quotes has its own: it marks it)
		q := newQdoc(doc, a.ID)
		res.Claims = claimsOf(q, res.Quotes)
		res.Times = timesOf(q, pub)
	}
	res.Events = p.events.Code(doc, EventInput{ArticleID: a.ID, Published: a.Published, Quotes: res.Quotes, Times: res.Times, Places: res.Places, Mentions: m})
	finalIDs(&res, a.ID)
	return res
}

// publishedTime parses "YYYY-MM-DD" or RFC 3339; the zero time means the
// publication date is unknown and relative dates stay unresolved.
func publishedTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}
