// Package perceptron is the multiclass averaged perceptron shared by the
// tagger, the parser and the entity recogniser. Features are 64-bit hashes
// (see Hash); the trained model keeps, per feature, only the classes with a
// non-zero averaged weight, which keeps models small and scoring fast.
//
// Training follows the usual recipe (Collins 2002; Honnibal's "A good
// part-of-speech tagger in about 200 lines"): on a mistake add 1 to the
// truth's weights and subtract 1 from the guess's, and at the end replace
// every weight by its average over all updates, computed lazily with
// timestamps.
package perceptron

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Hash mixes a template number and the feature's strings into one key
// (FNV-1a over the bytes with separators).
func Hash(template uint64, parts ...string) uint64 {
	h := uint64(14695981039346656037) ^ template*0x9E3779B97F4A7C15
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	return h
}

// entry is one non-zero weight of a compact model.
type entry struct {
	class  uint16
	weight float32
}

// Model scores feature sets over NClasses classes. The zero value is not
// usable; make one with New (for training) or Read (trained).
type Model struct {
	NClasses int

	// compact, read-only form used after training (nil while training).
	weights *compact

	// training state.
	w      map[uint64][]float32
	totals map[uint64][]float64
	stamps map[uint64][]int32
	clock  int32
}

// New returns an empty model ready for training.
func New(nClasses int) *Model {
	return &Model{NClasses: nClasses, w: map[uint64][]float32{},
		totals: map[uint64][]float64{}, stamps: map[uint64][]int32{}}
}

// Scores writes into scores (len NClasses) the sum of the weights of feats.
// It is safe for concurrent use on a trained (compact) model.
func (m *Model) Scores(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	if m.weights != nil {
		for _, f := range feats {
			for _, e := range m.weights.get(f) {
				scores[e.class] += e.weight
			}
		}
		return
	}
	for _, f := range feats {
		if ws, ok := m.w[f]; ok {
			for c, v := range ws {
				scores[c] += v
			}
		}
	}
}

// Best returns the highest-scoring class among those allowed (all when
// allowed is nil), breaking ties by the lowest class number.
func Best(scores []float32, allowed []bool) int {
	best, bestScore := -1, float32(math.Inf(-1))
	for c, s := range scores {
		if allowed != nil && !allowed[c] {
			continue
		}
		if best < 0 || s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}

// Tick advances the averaging clock; call it once per training instance.
func (m *Model) Tick() { m.clock++ }

// Update adds delta to the weights of feats for class c (training only).
func (m *Model) Update(feats []uint64, c int, delta float32) {
	for _, f := range feats {
		ws, ok := m.w[f]
		if !ok {
			ws = make([]float32, m.NClasses)
			m.w[f] = ws
			m.totals[f] = make([]float64, m.NClasses)
			m.stamps[f] = make([]int32, m.NClasses)
		}
		tot, st := m.totals[f], m.stamps[f]
		tot[c] += float64(m.clock-st[c]) * float64(ws[c])
		st[c] = m.clock
		ws[c] += delta
	}
}

// Train applies the perceptron rule for one instance: when guess differs
// from truth, reward truth and penalise guess. It also ticks the clock.
func (m *Model) Train(feats []uint64, truth, guess int) {
	m.clock++
	if truth != guess {
		m.Update(feats, truth, 1)
		m.Update(feats, guess, -1)
	}
}

// Finish averages the weights, drops those whose magnitude is below
// minWeight, and switches the model to its compact read-only form.
func (m *Model) Finish(minWeight float32) {
	weights := make(map[uint64][]entry, len(m.w))
	for f, ws := range m.w {
		tot, st := m.totals[f], m.stamps[f]
		var es []entry
		for c := range ws {
			t := tot[c] + float64(m.clock-st[c])*float64(ws[c])
			avg := float32(t / float64(max(m.clock, 1)))
			if avg > minWeight || avg < -minWeight {
				es = append(es, entry{uint16(c), avg})
			}
		}
		if len(es) > 0 {
			weights[f] = es
		}
	}
	m.weights = compactOf(weights)
	m.w, m.totals, m.stamps = nil, nil, nil
}

// Features reports how many features the compact model keeps.
func (m *Model) Features() int {
	if m.weights == nil {
		return 0
	}
	return m.weights.len()
}

const magic = "DLPC1"

// WriteTo writes the compact model (gzip-compressed, keys sorted so the
// same weights always give the same bytes).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if m.weights == nil {
		return 0, errors.New("perceptron: call Finish before writing a model")
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	keys := m.weights.keys // ascending
	var buf [10]byte
	put := func(v uint64) { n := binary.PutUvarint(buf[:], v); bw.Write(buf[:n]) }
	bw.WriteString(magic)
	put(uint64(m.NClasses))
	put(uint64(len(keys)))
	var prev uint64
	for i, k := range keys {
		put(k - prev) // delta-coded keys compress well
		prev = k
		es := m.weights.at(i)
		put(uint64(len(es)))
		for _, e := range es {
			put(uint64(e.class))
			binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(e.weight))
			bw.Write(buf[:4])
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// Read loads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: model is not gzip: %w", err)
	}
	mr := &modelReader{r: zr}
	if !mr.has(len(magic)) || string(mr.buf[mr.pos:mr.pos+len(magic)]) != magic {
		return nil, errors.New("perceptron: not a dateline perceptron model")
	}
	mr.pos += len(magic)
	m := &Model{NClasses: int(mr.uvarint())}
	n := mr.uvarint()
	if mr.err != nil || n > 1<<28 {
		return nil, fmt.Errorf("perceptron: corrupt model header")
	}
	// Keys are written in ascending order, so the compact form is read
	// as it is.
	c := &compact{keys: make([]uint64, 0, n), offs: make([]uint32, 0, n+1), ents: make([]entry, 0, n)}
	var key uint64
	for i := uint64(0); i < n && mr.err == nil; i++ {
		d := mr.uvarint()
		if i > 0 && d == 0 && mr.err == nil {
			return nil, fmt.Errorf("perceptron: corrupt model at feature %d (keys out of order)", i)
		}
		key += d
		k := mr.uvarint()
		if k > uint64(m.NClasses) {
			return nil, fmt.Errorf("perceptron: corrupt model at feature %d", i)
		}
		c.keys = append(c.keys, key)
		c.offs = append(c.offs, uint32(len(c.ents)))
		for j := uint64(0); j < k && mr.err == nil; j++ {
			class := uint16(mr.uvarint())
			c.ents = append(c.ents, entry{class, mr.float32()})
		}
	}
	if err := mr.err; err != nil {
		return nil, fmt.Errorf("perceptron: truncated model: %w", err)
	}
	c.offs = append(c.offs, uint32(len(c.ents)))
	m.weights = c
	return m, nil
}

// modelReader decodes the varints and floats of a model file from a
// buffer it refills by large reads. Reading byte by byte through
// binary.ReadUvarint (an interface call per byte) took as long as
// decompressing the file, for every command that loads the models.
type modelReader struct {
	r     io.Reader
	store [64 << 10]byte
	buf   []byte // the unread part of store is buf[pos:]
	pos   int
	eof   bool  // r has no more bytes
	err   error // the first error: a truncated or corrupt file
}

// has reports whether k bytes (at most binary.MaxVarintLen64) can be read,
// refilling the buffer when fewer are left.
func (mr *modelReader) has(k int) bool {
	if len(mr.buf)-mr.pos >= k {
		return true
	}
	n := copy(mr.store[:], mr.buf[mr.pos:])
	for n < binary.MaxVarintLen64 && !mr.eof {
		got, err := mr.r.Read(mr.store[n:])
		n += got
		if err == io.EOF {
			mr.eof = true
		} else if err != nil {
			mr.eof = true
			if mr.err == nil {
				mr.err = err
			}
		}
	}
	mr.buf, mr.pos = mr.store[:n], 0
	return n >= k
}

// uvarint reads one unsigned varint (0 once an error occurred).
func (mr *modelReader) uvarint() uint64 {
	if mr.pos < len(mr.buf) && mr.buf[mr.pos] < 0x80 && mr.err == nil {
		mr.pos++ // most are one byte: class numbers, short lists
		return uint64(mr.buf[mr.pos-1])
	}
	return mr.longUvarint()
}

// longUvarint is uvarint's path for longer varints, refills and errors.
func (mr *modelReader) longUvarint() uint64 {
	if mr.err != nil {
		return 0
	}
	mr.has(binary.MaxVarintLen64)
	v, k := binary.Uvarint(mr.buf[mr.pos:])
	if k <= 0 {
		if mr.err == nil {
			mr.err = io.ErrUnexpectedEOF
		}
		return 0
	}
	mr.pos += k
	return v
}

// float32 reads one little-endian float32 (0 once an error occurred).
func (mr *modelReader) float32() float32 {
	if mr.pos+4 <= len(mr.buf) && mr.err == nil {
		v := binary.LittleEndian.Uint32(mr.buf[mr.pos:])
		mr.pos += 4
		return math.Float32frombits(v)
	}
	if mr.err != nil || !mr.has(4) {
		if mr.err == nil {
			mr.err = io.ErrUnexpectedEOF
		}
		return 0
	}
	v := binary.LittleEndian.Uint32(mr.buf[mr.pos:])
	mr.pos += 4
	return math.Float32frombits(v)
}

// Digest returns a SHA-256 hex digest of the compact weights, printed by
// the trainers so that two runs can be checked for determinism.
func (m *Model) Digest() string {
	h := sha256.New()
	m.WriteTo(h)
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}
