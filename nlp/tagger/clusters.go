package tagger

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"dateline/nlp/conllu"
)

// lowerWords returns the lower-cased word forms of treebank sentences.
func lowerWords(sents []conllu.Sentence) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		for _, w := range s.Words {
			out[i] = append(out[i], strings.ToLower(w.Form))
		}
	}
	return out
}

// SplitUnlabeled cuts raw text into lower-cased word sequences for
// cluster learning (TrainOptions.Unlabeled): one sequence per line, words
// split at spaces and around punctuation, with the treebank's clitics
// ("don't" -> "do n't", "Israel's" -> "israel 's"). It only needs to be
// close to the tokenizer, not equal to it: it decides which neighbours a
// word is seen with.
func SplitUnlabeled(text string) [][]string {
	var out [][]string
	for _, line := range strings.Split(text, "\n") {
		var ws []string
		line = strings.ReplaceAll(line, "’", "'")
		for _, f := range strings.Fields(line) {
			ws = appendSplit(ws, strings.ToLower(f))
		}
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// appendSplit appends the pieces of one whitespace-free field.
func appendSplit(ws []string, f string) []string {
	// Leading punctuation.
	for f != "" {
		r := []rune(f)[0]
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			break
		}
		n := len(string(r))
		ws = append(ws, f[:n])
		f = f[n:]
	}
	var tail []string
	for f != "" {
		rs := []rune(f)
		r := rs[len(rs)-1]
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			break
		}
		n := len(string(r))
		tail = append(tail, f[len(f)-n:])
		f = f[:len(f)-n]
	}
	if f != "" {
		switch {
		case strings.HasSuffix(f, "n't") && len(f) > 3:
			ws = append(ws, f[:len(f)-3], "n't")
		case len(f) > 2 && (strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "'m") || strings.HasSuffix(f, "'d")):
			ws = append(ws, f[:len(f)-2], f[len(f)-2:])
		case len(f) > 3 && (strings.HasSuffix(f, "'re") || strings.HasSuffix(f, "'ve") || strings.HasSuffix(f, "'ll")):
			ws = append(ws, f[:len(f)-3], f[len(f)-3:])
		default:
			ws = append(ws, f)
		}
	}
	for i := len(tail) - 1; i >= 0; i-- {
		ws = append(ws, tail[i])
	}
	return ws
}

// Distributional clusters group words that occur between the same
// neighbours ("Monday" and "Friday", "said" and "added"), so that the
// tagger's weights for a frequent word carry over to rarer words of its
// cluster. A word is described by how often each of the contextWords most
// frequent words appears just before and just after it; the square roots
// of those counts, normalised to unit length, are grouped by k-means
// (cosine similarity, k-means++ seeding from a fixed seed).
const (
	contextWords    = 250 // neighbours counted, the rest share one bucket
	clusterMinCount = 3   // words rarer than this get no cluster
	kmeansRounds    = 12
)

// learnClusters groups the words of sents (lower-cased word slices: the
// training sentences and any unlabeled text) into k clusters.
func learnClusters(sents [][]string, k int, seed uint64) []clusterEntry {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
		}
	}
	words := make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= clusterMinCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(a, b int) bool {
		if freq[words[a]] != freq[words[b]] {
			return freq[words[a]] > freq[words[b]]
		}
		return words[a] < words[b]
	})
	if len(words) < k {
		k = len(words)
	}
	if k == 0 {
		return nil
	}
	ctx := map[string]int{} // context word -> dimension
	for i := 0; i < len(words) && i < contextWords; i++ {
		ctx[words[i]] = i
	}
	nd := len(ctx) + 2 // + "other" + sentence boundary
	dim := func(w string, boundary bool) int {
		if boundary {
			return nd - 1
		}
		if d, ok := ctx[w]; ok {
			return d
		}
		return nd - 2
	}
	row := map[string]int{}
	for i, w := range words {
		row[w] = i
	}
	vecs := make([][]float32, len(words)) // left half, right half
	for i := range vecs {
		vecs[i] = make([]float32, 2*nd)
	}
	for _, s := range sents {
		for i, w := range s {
			r, ok := row[w]
			if !ok {
				continue
			}
			var l, rt int
			if i == 0 {
				l = dim("", true)
			} else {
				l = dim(s[i-1], false)
			}
			if i+1 == len(s) {
				rt = dim("", true)
			} else {
				rt = dim(s[i+1], false)
			}
			vecs[r][l]++
			vecs[r][nd+rt]++
		}
	}
	for _, v := range vecs {
		var n float64
		for j := range v {
			v[j] = float32(math.Sqrt(float64(v[j])))
			n += float64(v[j]) * float64(v[j])
		}
		n = math.Sqrt(n)
		for j := range v {
			v[j] = float32(float64(v[j]) / n)
		}
	}
	assign := kmeans(vecs, k, seed)
	out := make([]clusterEntry, len(words))
	for i, w := range words {
		out[i] = clusterEntry{w, uint32(assign[i])}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Word < out[b].Word })
	return out
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// kmeans groups unit vectors into k clusters by cosine similarity and
// returns each vector's cluster.
func kmeans(vecs [][]float32, k int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 0x636c7573746572))
	n, d := len(vecs), len(vecs[0])
	cents := make([][]float32, 0, k)
	// k-means++ seeding: each new centre is drawn with probability
	// proportional to the distance to the nearest centre so far.
	cents = append(cents, append([]float32(nil), vecs[rng.IntN(n)]...))
	dist := make([]float64, n)
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	for len(cents) < k {
		c := cents[len(cents)-1]
		var sum float64
		for i, v := range vecs {
			dd := 1 - float64(dot(v, c))
			if dd < 0 {
				dd = 0
			}
			if dd < dist[i] {
				dist[i] = dd
			}
			sum += dist[i]
		}
		x := rng.Float64() * sum
		pick := n - 1
		for i := range dist {
			x -= dist[i]
			if x <= 0 {
				pick = i
				break
			}
		}
		cents = append(cents, append([]float32(nil), vecs[pick]...))
	}
	assign := make([]int, n)
	for round := 0; round < kmeansRounds; round++ {
		changed := 0
		for i, v := range vecs {
			best, bs := 0, float32(-2)
			for c, cv := range cents {
				if s := dot(v, cv); s > bs {
					best, bs = c, s
				}
			}
			if assign[i] != best || round == 0 {
				changed++
			}
			assign[i] = best
		}
		if changed == 0 {
			break
		}
		for _, c := range cents {
			clear(c)
		}
		for i, v := range vecs {
			c := cents[assign[i]]
			for j := 0; j < d; j++ {
				c[j] += v[j]
			}
		}
		for _, c := range cents {
			var nn float64
			for _, x := range c {
				nn += float64(x) * float64(x)
			}
			if nn == 0 {
				continue
			}
			nn = math.Sqrt(nn)
			for j := range c {
				c[j] = float32(float64(c[j]) / nn)
			}
		}
	}
	return assign
}
