package tagger

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"dateline/nlp/conllu"
)

// maxSuffix is the longest word ending (in runes) a lemma rule is keyed on.
const maxSuffix = 6

// minRuleCount is how many training words must share a tag and ending
// before the ending gets a rule of its own.
const minRuleCount = 2

// lemmatizerData is the lemmatizer as stored in a model file.
type lemmatizerData struct {
	Tags   []string      `json:"tags"`   // XPOS tags, indexed by Tag fields
	Rules  []lemmaRule   `json:"rules"`  // rewrite rules, indexed by Rule fields
	Suffix []suffixEntry `json:"suffix"` // sorted by tag, then ending
	Except []exceptEntry `json:"except"` // sorted by tag, then form
	Known  []string      `json:"known"`  // lemmas seen in training, sorted
}

// lemmaRule rewrites a word into its lemma: drop Cut bytes from the end,
// then append Add ("studies" -> Cut 3, Add "y" -> "study").
type lemmaRule struct {
	Cut int    `json:"c"`
	Add string `json:"a,omitempty"`
}

type suffixEntry struct {
	Tag  int    `json:"t"`
	Suf  string `json:"s"`
	Rule int    `json:"r"`
}

type exceptEntry struct {
	Tag   int    `json:"t"`
	Form  string `json:"f"`
	Lemma string `json:"l"`
}

// tagKey is a (tag, string) lookup key; a struct key lets maps be probed
// with a substring without allocating.
type tagKey struct {
	tag int
	s   string
}

// lemmatizer is the read-only lookup form of lemmatizerData.
type lemmatizer struct {
	tags   map[string]int
	rules  []lemmaRule
	suffix map[tagKey]int
	except map[tagKey]string
	known  map[string]bool
}

func newLemmatizer(d *lemmatizerData) (*lemmatizer, error) {
	l := &lemmatizer{tags: map[string]int{}, rules: d.Rules,
		suffix: make(map[tagKey]int, len(d.Suffix)), except: make(map[tagKey]string, len(d.Except))}
	for i, t := range d.Tags {
		l.tags[t] = i
	}
	for _, e := range d.Suffix {
		if e.Rule < 0 || e.Rule >= len(d.Rules) || e.Tag < 0 || e.Tag >= len(d.Tags) {
			return nil, fmt.Errorf("tagger: lemma rule for ending %q out of range (rule %d, tag %d)", e.Suf, e.Rule, e.Tag)
		}
		l.suffix[tagKey{e.Tag, e.Suf}] = e.Rule
	}
	l.known = make(map[string]bool, len(d.Known))
	for _, k := range d.Known {
		l.known[k] = true
	}
	for _, e := range d.Except {
		if e.Tag < 0 || e.Tag >= len(d.Tags) {
			return nil, fmt.Errorf("tagger: lemma exception %q has tag %d of %d", e.Form, e.Tag, len(d.Tags))
		}
		l.except[tagKey{e.Tag, e.Form}] = e.Lemma
	}
	return l, nil
}

// lemmaBase is the string a lemma is derived from: the word itself for
// proper nouns, which keep their case, the lower-cased word otherwise.
func lemmaBase(word, upos, xpos string) string {
	if xpos == "NNP" || xpos == "NNPS" || (xpos == "" && upos == "PROPN") {
		return word
	}
	return strings.ToLower(word)
}

// lemma looks the word up among the exceptions, then applies the suffix
// rules. Cardinal numbers written with thousands separators lose them
// ("1,100" -> "1100"), as in UD English.
func (l *lemmatizer) lemma(word, upos, xpos string) string {
	b := lemmaBase(word, upos, xpos)
	if xpos == "CD" && isGroupedNumber(b) {
		return strings.ReplaceAll(b, ",", "")
	}
	tag, ok := l.tags[xpos]
	if !ok {
		return b
	}
	if s, ok := l.except[tagKey{tag, b}]; ok {
		return s
	}
	if xpos == "VBD" || xpos == "VBN" {
		if s, ok := irregularPast[b]; ok {
			return s
		}
	}
	return l.byRule(b, tag)
}

// byRule applies the rule of the longest ending of b that has one, unless
// a shorter ending's rule gives a lemma seen in training and the longest
// one's does not ("hottest": "hotte" -> "hot").
func (l *lemmatizer) byRule(b string, tag int) string {
	first, found := b, false
	for k := maxSuffix; k >= 0; k-- {
		start := suffixStartString(b, k)
		if k > 0 && start == 0 && utf8.RuneCountInString(b) < k {
			continue
		}
		r, ok := l.suffix[tagKey{tag, b[start:]}]
		if !ok {
			continue
		}
		c := applyRule(b, l.rules[r])
		if l.known[c] {
			return c
		}
		if !found {
			first, found = c, true
		}
	}
	return first
}

// isGroupedNumber reports whether s is digits with comma separators.
func isGroupedNumber(s string) bool {
	comma := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ',' && i > 0 && i+1 < len(s):
			comma = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return comma
}

func applyRule(b string, r lemmaRule) string {
	if r.Cut > len(b) || (r.Cut == len(b) && r.Add == "") {
		return b
	}
	if r.Cut == 0 && r.Add == "" {
		return b
	}
	return b[:len(b)-r.Cut] + r.Add
}

// suffixStartString is suffixStart for a string.
func suffixStartString(s string, k int) int {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		i--
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
	}
	return i
}

// ruleFor returns the rule rewriting base into lemma, cutting at a rune
// boundary after their longest common prefix.
func ruleFor(base, lemma string) lemmaRule {
	p := 0
	for p < len(base) && p < len(lemma) {
		r1, n1 := utf8.DecodeRuneInString(base[p:])
		r2, n2 := utf8.DecodeRuneInString(lemma[p:])
		if r1 != r2 || n1 != n2 {
			break
		}
		p += n1
	}
	return lemmaRule{Cut: len(base) - p, Add: lemma[p:]}
}

// learnLemmatizer builds suffix rules and exceptions from the training
// words' lemmas. The rules for a tag and ending keep the most frequent
// rewrite among training words with that ending; an ending is stored only
// when its rule differs from that of its one-rune-shorter ending, and the
// exceptions are the (form, tag) pairs whose most frequent lemma the rules
// get wrong.
func learnLemmatizer(sents []conllu.Sentence) (*lemmatizerData, error) {
	d := &lemmatizerData{}
	tagIdx := map[string]int{}
	ruleIdx := map[lemmaRule]int{}
	type node = tagKey
	counts := map[node]map[int]int{}
	totals := map[node]int{}
	forms := map[tagKey]map[string]int{}

	// Collect tags in a fixed order so indices are deterministic.
	var tags []string
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			if !seen[w.XPOS] {
				seen[w.XPOS] = true
				tags = append(tags, w.XPOS)
			}
		}
	}
	sort.Strings(tags)
	for i, t := range tags {
		tagIdx[t] = i
	}
	d.Tags = tags

	var ruleList []lemmaRule
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "" || (w.Lemma == "_" && w.Form != "_") {
				continue
			}
			b := lemmaBase(w.Form, w.UPOS, w.XPOS)
			tag := tagIdx[w.XPOS]
			fk := tagKey{tag, b}
			if forms[fk] == nil {
				forms[fk] = map[string]int{}
			}
			forms[fk][w.Lemma]++
			r := ruleFor(b, w.Lemma)
			ri, ok := ruleIdx[r]
			if !ok {
				ri = len(ruleList)
				ruleIdx[r] = ri
				ruleList = append(ruleList, r)
			}
			nr := utf8.RuneCountInString(b)
			for k := 0; k <= maxSuffix && k <= nr; k++ {
				start := suffixStartString(b, k)
				if r.Cut > len(b)-start {
					// A rule keyed on an ending only rewrites that ending,
					// so short endings do not learn long rewrites.
					continue
				}
				n := node{tag, b[start:]}
				if counts[n] == nil {
					counts[n] = map[int]int{}
				}
				counts[n][ri]++
				totals[n]++
			}
		}
	}
	// Renumber rules by their text so the model does not depend on the
	// order of the training sentences beyond counts.
	order := make([]int, len(ruleList))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		ra, rb := ruleList[order[a]], ruleList[order[b]]
		if ra.Cut != rb.Cut {
			return ra.Cut < rb.Cut
		}
		return ra.Add < rb.Add
	})
	newID := make([]int, len(ruleList))
	for n, old := range order {
		newID[old] = n
		d.Rules = append(d.Rules, ruleList[old])
	}
	best := func(n node) int {
		bi, bc := -1, -1
		for r, c := range counts[n] {
			id := newID[r]
			if c > bc || (c == bc && id < bi) {
				bi, bc = id, c
			}
		}
		return bi
	}
	nodes := make([]node, 0, len(counts))
	for n := range counts {
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(a, b int) bool {
		if nodes[a].tag != nodes[b].tag {
			return nodes[a].tag < nodes[b].tag
		}
		return nodes[a].s < nodes[b].s
	})
	for _, n := range nodes {
		if n.s == "" {
			if b := best(n); b >= 0 {
				d.Suffix = append(d.Suffix, suffixEntry{n.tag, "", b})
			}
			continue
		}
		if totals[n] < minRuleCount {
			continue
		}
		parent := node{n.tag, n.s[suffixStartString(n.s, utf8.RuneCountInString(n.s)-1):]}
		if b := best(n); b >= 0 && b != best(parent) {
			d.Suffix = append(d.Suffix, suffixEntry{n.tag, n.s, b})
		}
	}
	known := map[string]bool{}
	for _, f := range forms {
		for l := range f {
			known[l] = true
		}
	}
	for l := range known {
		d.Known = append(d.Known, l)
	}
	sort.Strings(d.Known)
	lem, err := newLemmatizer(d)
	if err != nil {
		return nil, err
	}
	keys := make([]tagKey, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].tag != keys[b].tag {
			return keys[a].tag < keys[b].tag
		}
		return keys[a].s < keys[b].s
	})
	for _, k := range keys {
		lemma, lc := "", -1
		for l, c := range forms[k] {
			if c > lc || (c == lc && l < lemma) {
				lemma, lc = l, c
			}
		}
		if lem.byRule(k.s, k.tag) != lemma {
			d.Except = append(d.Except, exceptEntry{k.tag, k.s, lemma})
		}
	}
	return d, nil
}
