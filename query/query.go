// Package query parses dateline's query language, the one language the CLI
// and the HTTP API use to select articles and records. It turns a string
// such as
//
//	ceasefire AND (actor:ISR OR actor:PSE) -rumour from:2023-10-01 place:"Gaza Strip"
//
// into a small syntax tree (Term, Filter, And, Or, Not). The package knows
// nothing about storage: the store compiles the tree into SQL with bound
// parameters. docs/QUERY.md is the user's reference.
//
// Grammar (juxtaposition means AND; AND binds tighter than OR):
//
//	query   = [ or ] EOF
//	or      = and { "OR" and }
//	and     = unary { [ "AND" ] unary }
//	unary   = "NOT" unary | "-" primary | primary
//	primary = "(" or ")" | word | "phrase" | name:value | name:"value"
package query

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Node is one node of a parsed query: *Term, *Filter, *And, *Or or *Not.
type Node interface {
	// String renders the node back in the query language, fully
	// parenthesised, so tests and error messages can show what was parsed.
	String() string
}

// Term is a word or a quoted phrase matched against the full text. A word
// ending in '*' is a prefix ("negotiat*").
type Term struct {
	Text   string
	Phrase bool
	Prefix bool
	Col    int // 1-based column (in characters) where the term starts
}

// Filter is name:value, e.g. actor:RUS. Value is normalised by Parse (codes
// upper-cased, dates expanded to full days) so the store can use it as is.
type Filter struct {
	Name  string
	Value string
	Col   int
}

// And matches when every child matches.
type And struct{ Children []Node }

// Or matches when any child matches.
type Or struct{ Children []Node }

// Not matches when its child does not.
type Not struct{ Child Node }

func (t *Term) String() string {
	s := t.Text
	if t.Phrase {
		s = quote(s)
	}
	if t.Prefix {
		s += "*"
	}
	return s
}

func (f *Filter) String() string {
	if f.Value == "" || strings.ContainsFunc(f.Value, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"'
	}) {
		return f.Name + ":" + quote(f.Value)
	}
	return f.Name + ":" + f.Value
}

// quote writes s as a phrase, doubling inner quotes.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func (a *And) String() string { return join(a.Children, " AND ") }
func (o *Or) String() string  { return join(o.Children, " OR ") }
func (n *Not) String() string { return "NOT " + n.Child.String() }

func join(ns []Node, sep string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.String()
	}
	return "(" + strings.Join(parts, sep) + ")"
}

// Query is a parsed query. Root is nil for the empty query, which matches
// everything.
type Query struct {
	Raw  string
	Root Node
}

// String renders the parsed query; "" for the empty query.
func (q *Query) String() string {
	if q == nil || q.Root == nil {
		return ""
	}
	return q.Root.String()
}

// Error is a syntax or validation error at a 1-based character column.
type Error struct {
	Col int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("query: %s at column %d", e.Msg, e.Col) }

// Filter names and what they match; docs/QUERY.md explains each.
const (
	FActor    = "actor"    // CAMEO actor code prefix (RUS, ISRMIL) or actor name
	FCameo    = "cameo"    // CAMEO event code prefix (04, 0431)
	FPlover   = "plover"   // PLOVER category (CONSULT)
	FPlace    = "place"    // place name as in the gazetteer or as written
	FSpeaker  = "speaker"  // speaker (or claimant) name, substring
	FCounted  = "counted"  // what a claim counts (killed, displaced, ...)
	FFrom     = "from"     // first day, YYYY[-MM[-DD]]
	FTo       = "to"       // last day, YYYY[-MM[-DD]]
	FSource   = "source"   // outlet name
	FLang     = "lang"     // ISO 639-1 language code
	FType     = "type"     // record type or kind, see TypeValues
	FModality = "modality" // event modality
	FPolarity = "polarity" // event polarity
	FArticle  = "article"  // article ID
)

var knownFilters = map[string]bool{
	FActor: true, FCameo: true, FPlover: true, FPlace: true, FSpeaker: true,
	FCounted: true, FFrom: true, FTo: true, FSource: true, FLang: true,
	FType: true, FModality: true, FPolarity: true, FArticle: true,
}

// KnownFilters lists the filter names in alphabetical order.
func KnownFilters() []string {
	out := make([]string, 0, len(knownFilters))
	for k := range knownFilters {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TypeValues are the accepted values of type:, grouped by what they select.
var TypeValues = map[string]string{
	// record types: articles that have at least one such record
	"event": "record", "quote": "record", "claim": "record",
	"entity": "record", "time": "record",
	// entity kinds ("place" is read as the entity kind)
	"person": "entity", "organisation": "entity", "group": "entity", "place": "entity", "other": "entity",
	// quote kinds
	"direct": "quote", "indirect": "quote", "partial": "quote",
}

var modalities = []string{"actual", "planned", "threatened", "demanded", "hypothetical", "reported"}
var polarities = []string{"asserted", "negated"}

// MaxLen bounds the query length; longer input is refused, not truncated.
const MaxLen = 4096

// maxDepth bounds nesting so a hostile query cannot exhaust the stack.
const maxDepth = 64

// Parse parses s. The empty (or all-blank) query is valid and matches
// everything.
func Parse(s string) (*Query, error) {
	if len(s) > MaxLen {
		return nil, &Error{Col: 1, Msg: fmt.Sprintf("query is %d bytes long, the limit is %d", len(s), MaxLen)}
	}
	if !utf8.ValidString(s) {
		return nil, &Error{Col: 1, Msg: "query is not valid UTF-8"}
	}
	// Control characters other than tabs and line breaks are never typed
	// and the full-text engine reads a NUL as the end of its query.
	for i, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return nil, &Error{Col: utf8.RuneCountInString(s[:i]) + 1, Msg: fmt.Sprintf("control character U+%04X in the query; remove it", r)}
		}
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	q := &Query{Raw: s}
	if p.peek().kind == tEOF {
		return q, nil
	}
	root, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, &Error{Col: t.col, Msg: "unmatched ')'"}
		}
		return nil, &Error{Col: t.col, Msg: fmt.Sprintf("unexpected %s", t.describe())}
	}
	q.Root = root
	return q, nil
}

// Filters returns every filter of the query in order of appearance,
// whatever the boolean structure around it.
func (q *Query) Filters() []*Filter {
	var out []*Filter
	q.leaves(true, func(n Node) {
		if f, ok := n.(*Filter); ok {
			out = append(out, f)
		}
	})
	return out
}

// Terms returns the positive words and phrases of the query (not those
// under NOT), for highlighting matches.
func (q *Query) Terms() []*Term {
	var out []*Term
	q.leaves(false, func(n Node) {
		if t, ok := n.(*Term); ok {
			out = append(out, t)
		}
	})
	return out
}

// leaves calls fn on every node of the query that is not AND, OR or NOT,
// in order of appearance; what stands under a NOT only when underNot.
func (q *Query) leaves(underNot bool, fn func(Node)) {
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case *And:
			for _, c := range n.Children {
				walk(c)
			}
		case *Or:
			for _, c := range n.Children {
				walk(c)
			}
		case *Not:
			if underNot {
				walk(n.Child)
			}
		default:
			fn(n)
		}
	}
	if q != nil && q.Root != nil {
		walk(q.Root)
	}
}

type tokKind int

const (
	tEOF tokKind = iota
	tWord
	tPhrase
	tFilter
	tAnd
	tOr
	tNot
	tMinus
	tLParen
	tRParen
)

type token struct {
	kind   tokKind
	text   string // word, phrase content, or filter value
	name   string // filter name
	prefix bool   // word ended with '*'
	col    int
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tAnd:
		return "AND"
	case tOr:
		return "OR"
	case tNot:
		return "NOT"
	case tMinus:
		return "'-'"
	case tLParen:
		return "'('"
	case tRParen:
		return "')'"
	case tFilter:
		return "filter " + t.name + ":"
	}
	return fmt.Sprintf("%q", t.text)
}

// lex splits s into tokens. Columns count characters, not bytes, so the
// caret a user sees lines up with what they typed.
func lex(s string) ([]token, error) {
	var toks []token
	i, col := 0, 1
	adv := func(n int) { // advance n bytes, counting columns
		col += utf8.RuneCountInString(s[i : i+n])
		i += n
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			adv(size)
		case r == '(':
			toks = append(toks, token{kind: tLParen, col: col})
			adv(1)
		case r == ')':
			toks = append(toks, token{kind: tRParen, col: col})
			adv(1)
		case r == '"':
			start := col
			text, n, ok := readPhrase(s[i:])
			if !ok {
				return nil, &Error{Col: start, Msg: "unterminated phrase (missing closing '\"')"}
			}
			adv(n)
			t := token{kind: tPhrase, text: text, col: start}
			if i < len(s) && s[i] == '*' {
				t.prefix = true
				adv(1)
			}
			toks = append(toks, t)
		case r == '-' && i+1 < len(s) && !isBreak(s[i+1]):
			// "-word" negates; a '-' inside a word ("covid-19") never gets here.
			toks = append(toks, token{kind: tMinus, col: col})
			adv(1)
		default:
			start := col
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r2) || r2 == '(' || r2 == ')' || r2 == '"' {
					break
				}
				j += sz
			}
			word := s[i:j]
			if name, ok := filterName(word); ok {
				adv(len(name) + 1)
				t := token{kind: tFilter, name: strings.ToLower(name), col: start}
				if i < len(s) && s[i] == '"' {
					text, n, ok := readPhrase(s[i:])
					if !ok {
						return nil, &Error{Col: col, Msg: "unterminated phrase (missing closing '\"')"}
					}
					t.text = text
					adv(n)
				} else {
					t.text = word[len(name)+1:]
					adv(len(t.text))
				}
				toks = append(toks, t)
				continue
			}
			adv(j - i)
			switch word {
			case "AND", "&&":
				toks = append(toks, token{kind: tAnd, col: start})
			case "OR", "||":
				toks = append(toks, token{kind: tOr, col: start})
			case "NOT":
				toks = append(toks, token{kind: tNot, col: start})
			default:
				t := token{kind: tWord, text: word, col: start}
				if strings.HasSuffix(word, "*") {
					t.text = strings.TrimRight(word, "*")
					t.prefix = true
				}
				toks = append(toks, t)
			}
		}
	}
	return append(toks, token{kind: tEOF, col: col}), nil
}

func isBreak(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == ')' || b == '-'
}

// filterName reports whether word has the shape name:..., name being
// letters only. "10:30" and "http://x" style words with a non-letter name
// stay words; an unknown letter-only name is caught by the parser so the
// user hears about the typo.
func filterName(word string) (string, bool) {
	k := strings.IndexByte(word, ':')
	if k <= 0 {
		return "", false
	}
	for _, r := range word[:k] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_') {
			return "", false
		}
	}
	return word[:k], true
}

// readPhrase reads a "..." phrase at the start of s; "" inside a phrase is
// a literal quote. It returns the content and the bytes consumed.
func readPhrase(s string) (string, int, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] == '"' {
			if i+1 < len(s) && s[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			return b.String(), i + 1, true
		}
		b.WriteByte(s[i])
	}
	return "", 0, false
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token { t := p.toks[p.pos]; p.pos++; return t }

func (p *parser) or(depth int) (Node, error) {
	first, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	nodes := []Node{first}
	for p.peek().kind == tOr {
		p.next()
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 1 {
		return first, nil
	}
	return &Or{Children: flatten(nodes, true)}, nil
}

func (p *parser) and(depth int) (Node, error) {
	first, err := p.unary(depth)
	if err != nil {
		return nil, err
	}
	nodes := []Node{first}
	for {
		k := p.peek().kind
		if k == tAnd {
			p.next()
		} else if k == tEOF || k == tOr || k == tRParen {
			break
		}
		n, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 1 {
		return first, nil
	}
	return &And{Children: flatten(nodes, false)}, nil
}

// flatten merges nested nodes of the same operator: (a AND (b AND c)) is
// (a AND b AND c).
func flatten(nodes []Node, or bool) []Node {
	var out []Node
	for _, n := range nodes {
		if or {
			if o, ok := n.(*Or); ok {
				out = append(out, o.Children...)
				continue
			}
		} else if a, ok := n.(*And); ok {
			out = append(out, a.Children...)
			continue
		}
		out = append(out, n)
	}
	return out
}

func (p *parser) unary(depth int) (Node, error) {
	if depth > maxDepth {
		return nil, &Error{Col: p.peek().col, Msg: fmt.Sprintf("query nests deeper than %d levels", maxDepth)}
	}
	t := p.peek()
	switch t.kind {
	case tNot:
		p.next()
		if k := p.peek().kind; k == tEOF || k == tOr || k == tAnd || k == tRParen {
			return nil, &Error{Col: t.col, Msg: "NOT needs something to negate"}
		}
		child, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &Not{Child: child}, nil
	case tMinus:
		p.next()
		child, err := p.primary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &Not{Child: child}, nil
	}
	return p.primary(depth)
}

func (p *parser) primary(depth int) (Node, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		if p.peek().kind == tRParen {
			return nil, &Error{Col: t.col, Msg: "empty parentheses"}
		}
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tRParen {
			return nil, &Error{Col: t.col, Msg: "unmatched '('"}
		}
		return n, nil
	case tWord, tPhrase:
		if !hasAlnum(t.text) {
			return nil, &Error{Col: t.col, Msg: fmt.Sprintf("%s has no letters or digits to search for", t.describe())}
		}
		return &Term{Text: t.text, Phrase: t.kind == tPhrase, Prefix: t.prefix, Col: t.col}, nil
	case tFilter:
		return newFilter(t)
	case tEOF:
		return nil, &Error{Col: t.col, Msg: "query ends where a word, phrase or filter was expected"}
	}
	return nil, &Error{Col: t.col, Msg: fmt.Sprintf("unexpected %s", t.describe())}
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// newFilter validates a filter and normalises its value.
func newFilter(t token) (Node, error) {
	if !knownFilters[t.name] {
		return nil, &Error{Col: t.col, Msg: fmt.Sprintf("unknown filter '%s'; known filters: %s", t.name, strings.Join(KnownFilters(), ", "))}
	}
	v := strings.TrimSpace(t.text)
	if v == "" {
		return nil, &Error{Col: t.col, Msg: fmt.Sprintf("filter '%s' needs a value (%s:VALUE)", t.name, t.name)}
	}
	bad := func(format string, args ...any) error {
		return &Error{Col: t.col, Msg: fmt.Sprintf("filter '%s': ", t.name) + fmt.Sprintf(format, args...)}
	}
	switch t.name {
	case FCameo:
		if len(v) > 4 || strings.Trim(v, "0123456789") != "" {
			return nil, bad("%q is not a CAMEO code prefix (1 to 4 digits, e.g. 04 or 0431)", v)
		}
	case FPlover:
		v = strings.ToUpper(v)
	case FCounted, FLang:
		v = strings.ToLower(v)
	case FFrom, FTo:
		d, err := expandDate(v, t.name == FTo)
		if err != nil {
			return nil, bad("%v", err)
		}
		v = d
	case FType:
		v = strings.ToLower(v)
		if v == "organization" {
			v = "organisation"
		}
		if _, ok := TypeValues[v]; !ok {
			vals := make([]string, 0, len(TypeValues))
			for k := range TypeValues {
				vals = append(vals, k)
			}
			sort.Strings(vals)
			return nil, bad("unknown type %q; known types: %s", v, strings.Join(vals, ", "))
		}
	case FModality, FPolarity:
		v = strings.ToLower(v)
		allowed := modalities
		if t.name == FPolarity {
			allowed = polarities
		}
		ok := false
		for _, a := range allowed {
			ok = ok || a == v
		}
		if !ok {
			return nil, bad("unknown value %q; known values: %s", v, strings.Join(allowed, ", "))
		}
	}
	return &Filter{Name: t.name, Value: v, Col: t.col}, nil
}

// expandDate turns YYYY, YYYY-MM or YYYY-MM-DD into a full day: the first
// day of the period for from:, the last for to:.
func expandDate(v string, end bool) (string, error) {
	var layout string
	switch len(v) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return "", fmt.Errorf("%q is not a date; write YYYY-MM-DD, YYYY-MM or YYYY", v)
	}
	d, err := time.Parse(layout, v)
	if err != nil {
		return "", fmt.Errorf("%q is not a valid date; write YYYY-MM-DD, YYYY-MM or YYYY", v)
	}
	if end {
		switch len(v) {
		case 4:
			d = d.AddDate(1, 0, -1)
		case 7:
			d = d.AddDate(0, 1, -1)
		}
	}
	return d.Format("2006-01-02"), nil
}
