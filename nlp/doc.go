// Package nlp turns text into a Doc: tokens with byte offsets, sentences,
// part-of-speech tags, lemmas, dependency arcs and entity spans. Every later
// stage of dateline reads the Doc and never re-tokenizes the text itself.
package nlp

// Token is one word or punctuation mark of a Doc. Start and End are byte
// offsets into Doc.Text, so Doc.Text[Start:End] is the token as written
// (Text may be normalised, e.g. curly quotes kept but whitespace removed).
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// SpaceAfter reports whether whitespace follows the token in the text.
	SpaceAfter bool `json:"space_after"`

	POS   string `json:"pos,omitempty"`   // Universal POS tag (UPOS), e.g. PROPN
	Tag   string `json:"tag,omitempty"`   // Penn Treebank tag (XPOS), e.g. NNP
	Lemma string `json:"lemma,omitempty"` // dictionary form, e.g. "visit" for "visited"

	// Head is the Doc-level index of the syntactic head, or -1 for the
	// root of its sentence (and for tokens not parsed yet).
	Head int    `json:"head"`
	Dep  string `json:"dep,omitempty"` // UD relation to the head, e.g. nsubj

	// Ent is the token's entity tag in IOB2 form ("B-PER", "I-ORG", "O"),
	// empty when no recogniser ran.
	Ent string `json:"ent,omitempty"`
}

// Sentence is a run of tokens [Start, End) of a Doc; StartByte and EndByte
// delimit it in Doc.Text.
type Sentence struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	StartByte int `json:"start_byte"`
	EndByte   int `json:"end_byte"`
}

// Span is a labelled run of tokens [Start, End), such as a named entity.
type Span struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	StartByte int    `json:"start_byte"`
	EndByte   int    `json:"end_byte"`
	Label     string `json:"label"`
}

// Doc is one annotated text. Components fill in the fields they own:
// the tokenizer Tokens, the splitter Sents, the tagger POS/Tag/Lemma,
// the parser Head/Dep and the recogniser Ent and Ents.
type Doc struct {
	Text   string     `json:"text"`
	Tokens []Token    `json:"tokens"`
	Sents  []Sentence `json:"sents"`
	Ents   []Span     `json:"ents,omitempty"`
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case i < d.Sents[m].Start:
			hi = m
		case i >= d.Sents[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// SpanText returns the text covered by tokens [start, end).
func (d *Doc) SpanText(start, end int) string {
	if start >= end || start < 0 || end > len(d.Tokens) {
		return ""
	}
	return d.Text[d.Tokens[start].Start:d.Tokens[end-1].End]
}
