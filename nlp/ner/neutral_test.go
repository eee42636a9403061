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
