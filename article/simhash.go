package article

import (
	"math/bits"
	"unicode"
)

// SimHash returns a 64-bit fingerprint of text for near-duplicate
// detection (Charikar's SimHash): each run of three consecutive words (a
// shingle) is hashed, every hash votes +1 or -1 on each of the 64 bits, and
// the fingerprint keeps the bits with a positive total. Texts that share
// most shingles — a wire story and its copies with a changed headline, a
// trimmed paragraph or a corrected figure — get fingerprints a few bits
// apart, while unrelated texts differ in about 32 bits.
//
// Words are lower-cased runs of letters and digits, so punctuation,
// capitalisation and spacing changes do not move the fingerprint. A text
// with fewer than three words is hashed word by word; empty text gives 0.
// The fingerprint is deterministic: it depends on nothing but the text.
func SimHash(text string) uint64 {
	// Words are hashed as they are scanned, without building strings; a
	// shingle's hash combines the hashes of its three words in order.
	// ones[b] counts the shingle hashes with bit b set. They are summed
	// eight at a time: lane l (byte l) of acc[j] counts bit 8l+j, so one
	// shingle costs eight additions instead of 64; lanes are emptied into
	// ones before they can overflow.
	var ones [64]int32
	var acc [8]uint64
	pending, total := 0, int32(0)
	flush := func() {
		for j := range acc {
			for l := 0; l < 8; l++ {
				ones[8*l+j] += int32(acc[j] >> (8 * l) & 0xff)
			}
			acc[j] = 0
		}
		pending = 0
	}
	var w0, w1 uint64 // hashes of the two previous words
	words := 0
	vote := func(h uint64) {
		h = mix64(h)
		for j := range acc {
			acc[j] += h >> j & 0x0101010101010101
		}
		total++
		if pending++; pending == 255 {
			flush()
		}
	}
	var first [2]uint64
	h, inWord := uint64(fnvOffset), false
	endWord := func() {
		words++
		switch words {
		case 1, 2:
			first[words-1] = h
		default:
			vote(w0*0x9E3779B97F4A7C15 ^ w1*0xC2B2AE3D27D4EB4F ^ h)
		}
		w0, w1 = w1, h
		h, inWord = fnvOffset, false
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			for r > 0 { // FNV-1a over the rune's bytes, low byte first
				h ^= uint64(r & 0xff)
				h *= fnvPrime
				r >>= 8
			}
			inWord = true
		} else if inWord {
			endWord()
		}
	}
	if inWord {
		endWord()
	}
	switch words {
	case 0:
		return 0
	case 1, 2: // too short for shingles: one vote per word
		for _, wh := range first[:words] {
			vote(wh)
		}
	}
	flush()
	var out uint64
	for b, n := range ones {
		if 2*n > total { // more +1 votes than -1 votes
			out |= 1 << b
		}
	}
	return out
}

// Hamming returns the number of bits in which two fingerprints differ.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 spreads FNV's weak high bits (a SplitMix64 finaliser), so every
// fingerprint bit gets an unbiased vote.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
