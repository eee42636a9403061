package ner

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Word clusters give the tagger a way to generalise from words it saw in
// training to words it did not: "Peskov" never occurs in CoNLL-2003, but
// in news text it appears in the same contexts as other surnames. Brown
// clusters are the classic choice; here we compute simpler distributional
// clusters, which are cheaper to build in a few seconds:
//
//  1. every word seen at least minCount times gets a context vector: the
//     (lower-cased) word immediately to its left, immediately to its
//     right, and anywhere two positions away, over the most frequent
//     context words, rare ones collapsed into their shape;
//  2. counts are square-rooted and the vector L2-normalised, so cosine
//     similarity compares context distributions;
//  3. spherical k-means groups the words into fine clusters, then the
//     fine centroids are grouped again into mid and coarse clusters, so
//     each word gets a three-level path like a Brown cluster prefix.
//
// Everything is deterministic: initial centroids are words taken at even
// steps down the frequency list, and ties break on the lowest index.

// clusterLevels is the number of levels of a cluster path (fine, mid, coarse).
const clusterLevels = 3

// ClusterOptions sets the sizes of the distributional clustering.
type ClusterOptions struct {
	Sizes      [clusterLevels]int // clusters per level: fine, mid, coarse
	MinCount   int                // words seen fewer times get no cluster
	MaxVocab   int                // at most this many words are clustered
	ContextLen int                // number of context words kept as dimensions
	Iterations int                // k-means iterations at the fine level
}

// DefaultClusterOptions are the settings the shipped model was built with.
var DefaultClusterOptions = ClusterOptions{
	Sizes: [clusterLevels]int{500, 120, 30}, MinCount: 3, MaxVocab: 30000,
	ContextLen: 2000, Iterations: 12,
}

type sparseVec struct {
	idx []int32
	val []float32
}

// BuildClusters clusters the words of sents (each a tokenised sentence)
// and returns each clustered word's path, fine cluster first.
func BuildClusters(sents [][]string, opt ClusterOptions) map[string][clusterLevels]uint16 {
	counts := map[string]int{}
	lowCounts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[w]++
			lowCounts[strings.ToLower(w)]++
		}
	}
	vocab := topKeys(counts, opt.MinCount, opt.MaxVocab)
	if len(vocab) == 0 {
		return map[string][clusterLevels]uint16{}
	}
	ctxWords := topKeys(lowCounts, 1, opt.ContextLen)
	ctxID := make(map[string]int32, len(ctxWords)+64)
	for i, w := range ctxWords {
		ctxID[w] = int32(i)
	}
	// rare context words collapse into a bucket per short shape
	context := func(w string) int32 {
		lw := strings.ToLower(w)
		if id, ok := ctxID[lw]; ok {
			return id
		}
		_, sh := shapes(w)
		key := "\x00" + sh
		if id, ok := ctxID[key]; ok {
			return id
		}
		if len(ctxID) >= len(ctxWords)+256 {
			key = "\x00other"
			if id, ok := ctxID[key]; ok {
				return id
			}
		}
		id := int32(len(ctxID))
		ctxID[key] = id
		return id
	}
	bos, eos := context("\x01<s>"), context("\x01</s>")
	vocabID := make(map[string]int, len(vocab))
	for i, w := range vocab {
		vocabID[w] = i
	}
	// dims: [0,D) left word, [D,2D) right word, [2D,3D) two away.
	const slots = 3
	D := int32(len(ctxWords) + 256 + 3)
	acc := make([]map[int32]float32, len(vocab))
	for i := range acc {
		acc[i] = map[int32]float32{}
	}
	ids := []int32{}
	for _, s := range sents {
		ids = ids[:0]
		ids = append(ids, bos, bos)
		for _, w := range s {
			ids = append(ids, context(w))
		}
		ids = append(ids, eos, eos)
		for i, w := range s {
			v, ok := vocabID[w]
			if !ok {
				continue
			}
			j := i + 2
			acc[v][ids[j-1]]++
			acc[v][D+ids[j+1]]++
			acc[v][2*D+ids[j-2]]++
			acc[v][2*D+ids[j+2]]++
		}
	}
	points := make([]sparseVec, len(vocab))
	for i, m := range acc {
		points[i] = normalized(m)
		acc[i] = nil
	}
	dim := int(slots * D)

	fine, fineCent := kmeans(points, dim, min(opt.Sizes[0], len(points)), opt.Iterations)
	mid, midCent := kmeans(toSparse(fineCent), dim, min(opt.Sizes[1], len(fineCent)), 2*opt.Iterations)
	coarse, _ := kmeans(toSparse(midCent), dim, min(opt.Sizes[2], len(midCent)), 2*opt.Iterations)
	out := make(map[string][clusterLevels]uint16, len(vocab))
	for i, w := range vocab {
		f := fine[i]
		m := mid[f]
		out[w] = [clusterLevels]uint16{uint16(f), uint16(m), uint16(coarse[m])}
	}
	return out
}

// topKeys returns the keys with count ≥ minCount, most frequent first
// (ties alphabetically), at most limit of them.
func topKeys(counts map[string]int, minCount, limit int) []string {
	var keys []string
	for w, c := range counts {
		if c >= minCount {
			keys = append(keys, w)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		ci, cj := counts[keys[i]], counts[keys[j]]
		if ci != cj {
			return ci > cj
		}
		return keys[i] < keys[j]
	})
	if len(keys) > limit {
		keys = keys[:limit]
	}
	return keys
}

func normalized(m map[int32]float32) sparseVec {
	v := sparseVec{idx: make([]int32, 0, len(m)), val: make([]float32, 0, len(m))}
	for k := range m {
		v.idx = append(v.idx, k)
	}
	sort.Slice(v.idx, func(i, j int) bool { return v.idx[i] < v.idx[j] })
	var norm float64
	for _, k := range v.idx {
		x := float32(math.Sqrt(float64(m[k])))
		v.val = append(v.val, x)
		norm += float64(x) * float64(x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v.val {
			v.val[i] *= inv
		}
	}
	return v
}

func toSparse(dense [][]float32) []sparseVec {
	out := make([]sparseVec, len(dense))
	for i, d := range dense {
		for j, x := range d {
			if x != 0 {
				out[i].idx = append(out[i].idx, int32(j))
				out[i].val = append(out[i].val, x)
			}
		}
	}
	return out
}

// kmeans runs spherical k-means (cosine similarity, unit centroids) and
// returns each point's cluster and the centroids. Initial centroids are
// the points at even steps through the list (for vocabularies sorted by
// frequency this spreads them over frequent and rare words).
func kmeans(points []sparseVec, dim, k, iters int) ([]int, [][]float32) {
	assign := make([]int, len(points))
	if k <= 0 {
		return assign, nil
	}
	cent := make([][]float32, k)
	for c := range cent {
		cent[c] = make([]float32, dim)
		p := points[c*len(points)/k]
		for j, i := range p.idx {
			cent[c][i] = p.val[j]
		}
	}
	for i := range assign {
		assign[i] = -1
	}
	// transposed centroids: ct[d*k+c] so that a point's nonzeros walk
	// contiguous rows of k scores.
	ct := make([]float32, dim*k)
	for it := 0; it < iters; it++ {
		for c := range cent {
			for d, x := range cent[c] {
				ct[d*k+c] = x
			}
		}
		changed := 0
		var mu sync.Mutex
		var wg sync.WaitGroup
		const workers = 2
		for wkr := 0; wkr < workers; wkr++ {
			wg.Add(1)
			go func(wkr int) {
				defer wg.Done()
				scores := make([]float32, k)
				n := 0
				for i := wkr; i < len(points); i += workers {
					for c := range scores {
						scores[c] = 0
					}
					p := points[i]
					for j, d := range p.idx {
						x := p.val[j]
						row := ct[int(d)*k : int(d)*k+k]
						for c, y := range row {
							scores[c] += x * y
						}
					}
					best := 0
					for c, s := range scores {
						if s > scores[best] {
							best = c
						}
					}
					if best != assign[i] {
						assign[i] = best
						n++
					}
				}
				mu.Lock()
				changed += n
				mu.Unlock()
			}(wkr)
		}
		wg.Wait()
		if changed == 0 {
			break
		}
		sizes := make([]int, k)
		sums := make([][]float32, k)
		for i, p := range points {
			c := assign[i]
			if sums[c] == nil {
				sums[c] = make([]float32, dim)
			}
			sizes[c]++
			for j, d := range p.idx {
				sums[c][d] += p.val[j]
			}
		}
		for c := range cent {
			if sizes[c] == 0 {
				continue // keep an empty cluster's old centroid
			}
			var norm float64
			for _, x := range sums[c] {
				norm += float64(x) * float64(x)
			}
			inv := float32(1 / math.Sqrt(norm))
			for d, x := range sums[c] {
				cent[c][d] = x * inv
			}
		}
	}
	return assign, cent
}

// TokenizeText splits running text into sentences of tokens, roughly the
// way the CoNLL-2003 data is tokenised: on white space, with punctuation
// peeled off word edges and the possessive "'s" split off. Lines are
// treated as sentence breaks. It is only used to collect unlabelled text
// for the word clusters, so it favours simplicity over coverage.
func TokenizeText(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(text, "\n") {
		var sent []string
		for _, f := range strings.Fields(line) {
			sent = appendToken(sent, f)
		}
		if len(sent) > 0 {
			out = append(out, sent)
		}
	}
	return out
}

func appendToken(sent []string, f string) []string {
	var tail []string
	for f != "" {
		r, n := utf8.DecodeRuneInString(f)
		if !isEdgePunct(r) {
			break
		}
		sent = append(sent, f[:n])
		f = f[n:]
	}
	for f != "" {
		r, n := utf8.DecodeLastRuneInString(f)
		if !isEdgePunct(r) && r != '.' {
			break
		}
		// keep the period of abbreviations such as "U.S." and "Mr."
		if r == '.' && len(f) > n && (strings.Count(f, ".") > 1 || len(f) <= 3 && isCapitalized(f)) {
			break
		}
		tail = append(tail, f[len(f)-n:])
		f = f[:len(f)-n]
	}
	for _, suf := range []string{"'s", "’s"} {
		if len(f) > len(suf) && strings.HasSuffix(f, suf) {
			tail = append(tail, suf)
			f = f[:len(f)-len(suf)]
			break
		}
	}
	if f != "" {
		sent = append(sent, f)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		sent = append(sent, tail[i])
	}
	return sent
}

func isEdgePunct(r rune) bool {
	switch r {
	case '"', '\'', '(', ')', '[', ']', '{', '}', ',', ';', ':', '!', '?', '“', '”', '‘', '’', '«', '»', '—', '…':
		return true
	}
	return unicode.IsPunct(r) && r != '.' && r != '-' && r != '&' && r != '/'
}
