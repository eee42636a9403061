package article

import (
	"strings"
	"unicode"
)

// DetectLang guesses the language of text and returns its ISO 639-1 code
// with a confidence in [0, 1]; "" with confidence 0 means the text gives
// too little to go on (a headline, a list of names).
//
// Two signals are used, cheapest first. Letters of a script other than
// Latin (Cyrillic, Arabic, Greek, Hebrew, Han, kana, Hangul, Devanagari,
// Thai) name the language or its most common one directly. Latin-script
// text is scored by its function words — the, of, and; le, des, et; der,
// und, ist; ... — which make up a third of any running text and differ
// between languages far more than content words do. Only the first
// langSampleBytes are looked at: a news article's language does not
// change half way through.
func DetectLang(text string) (string, float64) {
	if len(text) > langSampleBytes {
		text = text[:langSampleBytes]
	}
	if lang, conf, ok := byScript(text); ok {
		return lang, conf
	}
	// The words are walked, not gathered: a slice of them was one of the
	// larger allocations of an ingest.
	words := strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	scores := make(map[string]int, len(stopWords))
	hits, nWords := 0, 0
	for w := range words {
		nWords++
		langs, ok := stopIndex[w]
		if !ok {
			continue
		}
		hits++
		for _, l := range langs {
			scores[l]++
		}
	}
	if nWords < minLangWords {
		return "", 0
	}
	best := langOrder[0]
	for _, l := range langOrder[1:] {
		if scores[l] > scores[best] {
			best = l
		}
	}
	second := 0
	for _, l := range langOrder {
		if l != best {
			second = max(second, scores[l])
		}
	}
	top := scores[best]
	// Real prose in any listed language has well over one function word
	// in ten; below that the text is names, numbers or another language.
	if top < 3 || float64(top) < 0.08*float64(nWords) {
		return "", 0
	}
	// Confidence: how much the winner leads, scaled by how much evidence
	// there is (a dozen function words is plenty).
	lead := float64(top-second) / float64(top)
	amount := min(float64(hits)/12, 1)
	return best, lead*0.7 + amount*0.3
}

// ArticleLang is the language an article is stored with: the detected one
// when detection is confident, else the one its source declared
// (normalised), else the detector's guess ("" when there is none). A
// confident detector wins because feeds and pages often declare their
// site's language, not the article's.
func ArticleLang(text, declared string) string {
	lang, conf := DetectLang(text)
	if lang != "" && conf >= 0.3 {
		return lang
	}
	if d := NormalizeLang(declared); d != "" {
		return d
	}
	return lang
}

// NormalizeLang reduces a declared language tag ("en-US", "EN", "eng") to
// its ISO 639-1 code; "" when it is empty or unrecognised.
func NormalizeLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) == 2 {
		return tag
	}
	if l, ok := iso3[tag]; ok {
		return l
	}
	return ""
}

const (
	langSampleBytes = 6000
	minLangWords    = 12
)

var iso3 = map[string]string{
	"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it",
	"por": "pt", "nld": "nl", "dut": "nl", "swe": "sv", "tur": "tr", "pol": "pl", "rus": "ru",
	"ara": "ar", "zho": "zh", "chi": "zh", "jpn": "ja", "kor": "ko", "ukr": "uk", "heb": "he",
	"ind": "id", "fas": "fa", "per": "fa",
}

// byScript decides from the writing system when most letters are not
// Latin.
func byScript(text string) (string, float64, bool) {
	var latin, total int
	counts := map[string]int{}
	var ukr, persian int
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		total++
		switch {
		case r < 0x250 || unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			counts["cyrillic"]++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukr++
			}
		case unicode.Is(unicode.Arabic, r):
			counts["arabic"]++
			if strings.ContainsRune("پچژگ", r) {
				persian++
			}
		case unicode.Is(unicode.Greek, r):
			counts["el"]++
		case unicode.Is(unicode.Hebrew, r):
			counts["he"]++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts["kana"]++
		case unicode.Is(unicode.Han, r):
			counts["han"]++
		case unicode.Is(unicode.Hangul, r):
			counts["ko"]++
		case unicode.Is(unicode.Devanagari, r):
			counts["hi"]++
		case unicode.Is(unicode.Thai, r):
			counts["th"]++
		}
	}
	if total == 0 || latin*2 >= total {
		return "", 0, false
	}
	script, n := "", 0
	for s, c := range counts {
		if c > n || c == n && s < script {
			script, n = s, c
		}
	}
	conf := float64(n) / float64(total)
	switch script {
	case "":
		return "", 0, true // letters of some other script: not one we name
	case "cyrillic":
		if ukr*50 > n {
			return "uk", conf, true
		}
		return "ru", conf, true
	case "arabic":
		if persian*50 > n {
			return "fa", conf, true
		}
		return "ar", conf, true
	case "kana":
		return "ja", conf, true
	case "han":
		if counts["kana"]*10 > n {
			return "ja", conf, true
		}
		return "zh", conf, true
	}
	return script, conf, true
}

// stopWords are frequent function words of each Latin-script language,
// chosen by hand; a word may belong to several languages.
var stopWords = map[string]string{
	"en": "the of and to in is that for it was on with as by at said he from his have are be this an not were has which but they had will its their who been would after also",
	"fr": "le la les de des du et est un une en dans que qui pour pas sur au aux par avec ce il elle ont été sont mais plus ses leur cette selon",
	"de": "der die das und ist nicht ein eine zu den dem des mit von auf für sich im auch es wurde werden sind hat nach bei aus wie dass oder einer sie er",
	"es": "el la los las de del y que en un una por con para es se su al lo como más pero sus fue ha han según este esta también entre",
	"it": "il lo la gli le di del della che e è un una per con non sono nel nella alla dei delle ha anche più come ma stato questo dopo",
	"pt": "o a os as de do da dos das e que em no na um uma para com não por se mais foi ao pelo pela são também seu sua",
	"nl": "de het een en van in is dat op te zijn niet met voor er die ook als aan door maar bij nog werd wordt naar heeft hij ze om",
	"sv": "och att det som en på är av för med till den har de inte om ett var jag men han sig från vid så kan efter också",
	"tr": "ve bir bu da de için ile olarak olan çok daha gibi ama en ne sonra kadar değil var yok her şey ise ancak göre",
	"pl": "i w na z się nie do to że jest o jak po co ale od za przez dla tak oraz jego być został już które który",
	"id": "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah oleh karena mereka telah sudah",
}

// langOrder fixes the order ties are broken in: English first, as the
// language dateline extracts.
var langOrder = []string{"en", "fr", "de", "es", "it", "pt", "nl", "sv", "tr", "pl", "id"}

// stopIndex maps each stop word to the languages it belongs to.
var stopIndex = func() map[string][]string {
	idx := map[string][]string{}
	for _, l := range langOrder {
		for _, w := range strings.Fields(stopWords[l]) {
			idx[w] = append(idx[w], l)
		}
	}
	return idx
}()
