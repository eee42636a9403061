package article

import (
	"math/bits"
	"strings"
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
func SimHash(text string) uint64 {
	words := simWords(text)
	if len(words) == 0 {
		return 0
	}
	n := 3
	if len(words) < n {
		n = 1
	}
	var votes [64]int32
	for i := 0; i+n <= len(words); i++ {
		h := uint64(fnvOffset)
		for j := i; j < i+n; j++ {
			if j > i {
				h = fnvAdd(h, " ")
			}
			h = fnvAdd(h, words[j])
		}
		h = mix64(h)
		for b := 0; b < 64; b++ {
			if h&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var out uint64
	for b, v := range votes {
		if v > 0 {
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

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix64 spreads FNV's weak high bits (a SplitMix64 finaliser), so every
// fingerprint bit gets an unbiased vote.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// simWords splits text into lower-cased words of letters and digits.
func simWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
