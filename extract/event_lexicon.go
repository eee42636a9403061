package extract

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"dateline/kb"
)

//go:embed lexicon/cameo-verbs.tsv
var embeddedEventLexicon []byte

// LexiconEntry is one row of the event lexicon: a pattern of lemmas that
// names an action, and the CAMEO code it stands for.
type LexiconEntry struct {
	Pattern string   // as written, e.g. "v:impose sanction on"
	Words   []string // lower-case words to match, articles dropped
	POS     byte     // 'v' (verb), 'n' (noun) or 0 (either) for the anchor
	Code    string   // CAMEO code, e.g. "163"
	Notes   string
	Source  string // "file:line", for evidence and error messages
}

// Lexicon maps patterns to CAMEO codes. It is built once and only read
// afterwards, so it is safe for concurrent use.
type Lexicon struct {
	entries []LexiconEntry
	// byAnchor lists entries by their first word, longest pattern first,
	// so the most specific match at a token wins.
	byAnchor map[string][]int
}

// DefaultLexicon parses the embedded lexicon (extract/lexicon/cameo-verbs.tsv)
// and checks every code against the knowledge base's CAMEO taxonomy.
func DefaultLexicon(k *kb.KB) (*Lexicon, error) {
	return ParseLexicon(bytes.NewReader(embeddedEventLexicon), "lexicon/cameo-verbs.tsv", k)
}

// LoadLexiconFile reads a user lexicon in the same format as the embedded
// one (pattern, CAMEO code, notes; tab-separated; # comments). Merge it
// onto the default lexicon to add or override entries.
func LoadLexiconFile(path string, k *kb.KB) (*Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("event lexicon: %w", err)
	}
	defer f.Close()
	return ParseLexicon(f, path, k)
}

// ParseLexicon reads lexicon rows from r; name is used in error messages.
// Every code must exist in k's CAMEO taxonomy (when k is not nil), so a
// typo fails loudly instead of producing events nobody can interpret.
func ParseLexicon(r io.Reader, name string, k *kb.KB) (*Lexicon, error) {
	var entries []LexiconEntry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(raw) == "" || strings.HasPrefix(strings.TrimSpace(raw), "#") {
			continue
		}
		f := strings.Split(raw, "\t")
		where := fmt.Sprintf("%s:%d", name, line)
		if len(f) < 2 {
			return nil, fmt.Errorf("event lexicon %s: want at least 2 tab-separated fields (pattern, CAMEO code), got %d", where, len(f))
		}
		e, err := parseLexiconEntry(strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), where)
		if err != nil {
			return nil, err
		}
		if len(f) > 2 {
			e.Notes = strings.TrimSpace(f[2])
		}
		if k != nil {
			if _, ok := k.CAMEO(e.Code); !ok {
				return nil, fmt.Errorf("event lexicon %s: CAMEO code %q is not in the taxonomy (kb/data/cameo.tsv)", where, e.Code)
			}
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("event lexicon %s: %w", name, err)
	}
	return newLexicon(entries), nil
}

func parseLexiconEntry(pattern, code, where string) (LexiconEntry, error) {
	e := LexiconEntry{Pattern: pattern, Code: code, Source: where}
	p := pattern
	switch {
	case strings.HasPrefix(p, "v:"):
		e.POS, p = 'v', p[2:]
	case strings.HasPrefix(p, "n:"):
		e.POS, p = 'n', p[2:]
	}
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if w == "a" || w == "an" || w == "the" {
			continue
		}
		e.Words = append(e.Words, w)
	}
	if len(e.Words) == 0 {
		return e, fmt.Errorf("event lexicon %s: empty pattern %q", where, pattern)
	}
	if len(code) < 2 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
		return e, fmt.Errorf("event lexicon %s: CAMEO code %q must be 2 to 4 digits", where, code)
	}
	return e, nil
}

func newLexicon(entries []LexiconEntry) *Lexicon {
	// A later row with the same pattern replaces an earlier one.
	seen := map[string]int{}
	var kept []LexiconEntry
	for _, e := range entries {
		key := string(e.POS) + "|" + strings.Join(e.Words, " ")
		if i, ok := seen[key]; ok {
			kept[i] = e
			continue
		}
		seen[key] = len(kept)
		kept = append(kept, e)
	}
	l := &Lexicon{entries: kept, byAnchor: map[string][]int{}}
	for i, e := range kept {
		l.byAnchor[e.Words[0]] = append(l.byAnchor[e.Words[0]], i)
	}
	for _, ix := range l.byAnchor {
		sort.SliceStable(ix, func(a, b int) bool { return len(kept[ix[a]].Words) > len(kept[ix[b]].Words) })
	}
	return l
}

// Merge returns a lexicon with l's entries followed by extra's; where both
// have the same pattern, extra's entry wins.
func (l *Lexicon) Merge(extra *Lexicon) *Lexicon {
	if extra == nil {
		return l
	}
	all := append(append([]LexiconEntry(nil), l.entries...), extra.entries...)
	return newLexicon(all)
}

// Entries returns a copy of the lexicon's rows.
func (l *Lexicon) Entries() []LexiconEntry { return append([]LexiconEntry(nil), l.entries...) }

// Roots returns the sorted set of two-digit CAMEO roots the lexicon covers.
func (l *Lexicon) Roots() []string {
	set := map[string]bool{}
	for _, e := range l.entries {
		set[e.Code[:2]] = true
	}
	out := make([]string, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
