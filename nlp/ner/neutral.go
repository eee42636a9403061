package ner

import "strings"

// Neutral reports whether sentences added to a document, before or after
// the sentences of body, leave the recogniser's tags of body's words as
// they are. Wire copies add such lines (a source line, a copyright
// notice), and a caller that knows body's tags can then keep them.
//
// The document-level features read, per lower-case word, its capitalised
// occurrences (their casing, their contexts, their tags so far) and its
// lower-case occurrences where casing tells something (casingTells). An
// added word reaches body's features only through the same word in body,
// so the added sentences are neutral when each of their words with a
// letter is absent from body, or is in lower case and either stands where
// casing tells nothing or is one that body already writes in lower case,
// where casing tells, at least twice: every body occurrence then already
// sees another lower-case one, and one more changes nothing. The tags of
// the added sentences themselves are the caller's to check.
func Neutral(body, added [][]string) bool {
	// the added words that could matter: capitalised ones (any shared one
	// is too many) and lower-case ones where casing tells (need twice)
	need := map[string]bool{} // lower-case form → the added word is capitalised
	for _, s := range added {
		caps := sentenceAllCaps(s)
		for i, w := range s {
			if !hasLetter(w) {
				continue
			}
			lw := strings.ToLower(w)
			switch {
			case isCapitalized(w):
				need[lw] = true
			case casingTells(s, caps, i):
				if !need[lw] {
					need[lw] = false
				}
			}
		}
	}
	if len(need) == 0 {
		return true
	}
	// The body is read word by word, the added words are few: a body word
	// in ASCII whose length no needed word has cannot be one (its lower
	// case has its length) and is passed over without being lower-cased
	// and looked up; whether its sentence is in capitals is asked only for
	// a word that is needed.
	var lens uint64 // bit n: a needed word has n bytes (n < 64)
	for lw := range need {
		lens |= 1 << min(len(lw), 63)
	}
	lower := map[string]int{}
	for _, s := range body {
		capsKnown, caps := false, false
		for i, w := range s {
			if n := len(w); n < 63 && lens&(1<<n) == 0 && isASCII(w) {
				continue
			}
			if !hasLetter(w) {
				continue
			}
			lw := strings.ToLower(w)
			capital, ok := need[lw]
			if !ok {
				continue
			}
			if capital {
				return false
			}
			n := lower[lw] // present, if only where casing tells nothing
			if !isCapitalized(w) {
				if !capsKnown {
					caps, capsKnown = sentenceAllCaps(s), true
				}
				if casingTells(s, caps, i) {
					n++
				}
			}
			lower[lw] = n
		}
	}
	for lw, capital := range need {
		if n, inBody := lower[lw]; inBody && !capital && n < 2 {
			return false
		}
	}
	return true
}

// casingTells reports whether the casing of word i of sentence s says
// something about the word: not the first word, nor one after an opening
// quote, colon or dash, nor in a sentence of capitals (a headline).
func casingTells(s []string, allCaps bool, i int) bool {
	if i == 0 || allCaps {
		return false
	}
	p := s[i-1]
	return p != "\"" && p != ":" && p != "``" && p != "-" && p != "“"
}

// sentenceAllCaps reports whether a sentence is written in capitals: at
// least two words with letters, all in capitals (or single capitals).
func sentenceAllCaps(s []string) bool {
	letters, caps := 0, 0
	for _, w := range s {
		if hasLetter(w) {
			letters++
			if isAllCaps(w) || len(w) == 1 && isCapitalized(w) {
				caps++
			}
		}
	}
	return letters >= 2 && caps == letters
}

// isASCII reports whether w is all ASCII.
func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}
