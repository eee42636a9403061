package ner

import (
	"strings"
	"testing"
)

func sentencesOf(lines ...string) [][]string {
	var out [][]string
	for _, l := range lines {
		out = append(out, strings.Fields(l))
	}
	return out
}

func TestNeutral(t *testing.T) {
	body := sentencesOf(
		"Shocked By These Images , the minister spoke .",
		"She was met by reporters and cheered by crowds .",
		"Officials in Paris said the vote was close .",
	)
	for _, tc := range []struct {
		added string
		want  bool
	}{
		{"( Distributed under licence . )", true},               // no word of the body
		{"( Republished with permission of outlet 3 . )", true}, // capitalised, but not in the body
		{"( Republished by outlet 3 . )", true},                 // "by" twice lower-case in the body
		{"The archive .", false},                                // a capitalised "The" counts wherever it stands
		{"Archive : vote .", true},                              // after a colon casing tells nothing
		{"Reporting from Paris .", false},                       // a capitalised body word
		{"Written with the minister , says the Officials desk .", false},
		{"Edited by the desk .", true},
		{"Edited with the minister .", false},        // "minister" only once lower-case in the body
		{"Images courtesy of the minister .", false}, // "Images" capitalised and in the body
		{"PICTURES OF THE MINISTER", false},          // capitals count as capitalised occurrences
		{"Photos of images in the archive .", false}, // "images" lower-case; the body writes it capitalised only
		{"Spoke : no comment .", false},              // capitalised "Spoke", the body has "spoke"
	} {
		if got := Neutral(body, sentencesOf(tc.added)); got != tc.want {
			t.Errorf("Neutral(body, %q) = %v, want %v", tc.added, got, tc.want)
		}
	}
}

// neutralPlain is Neutral as first written, without its shortcuts (every
// body word lower-cased and looked up, every sentence's capitals checked):
// the reference the shortcuts must agree with.
func neutralPlain(body, added [][]string) bool {
	need := map[string]bool{}
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
	lower := map[string]int{}
	for _, s := range body {
		caps := sentenceAllCaps(s)
		for i, w := range s {
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
			n := lower[lw]
			if !isCapitalized(w) && casingTells(s, caps, i) {
				n++
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

// Neutral agrees with neutralPlain on random sentences of a small
// vocabulary: words of one length in different cases, non-ASCII letters
// (one whose lower case is longer: "İ"), capitals, punctuation.
func TestNeutralAgreesWithPlain(t *testing.T) {
	vocab := strings.Fields(`the The THE by By vote Vote VOTE says Says minister Minister İzmir izmir İZMİR
		éclair Éclair ÉCLAIR ( ) . , : " - 3 2024 outlet Outlet of Of a A an`)
	rng := uint64(1)
	next := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	sentences := func(k int) [][]string {
		var out [][]string
		for range k {
			s := make([]string, 1+next(8))
			for i := range s {
				s[i] = vocab[next(len(vocab))]
			}
			out = append(out, s)
		}
		return out
	}
	differ, neutral := 0, 0
	for range 20000 {
		body, added := sentences(1+next(6)), sentences(1+next(2))
		got, want := Neutral(body, added), neutralPlain(body, added)
		if got != want {
			differ++
			if differ < 5 {
				t.Errorf("Neutral(%q, %q) = %v, want %v", body, added, got, want)
			}
		}
		if want {
			neutral++
		}
	}
	if neutral < 1000 || neutral > 19000 {
		t.Errorf("%d of 20000 cases neutral: the cases do not test both answers", neutral)
	}
}
