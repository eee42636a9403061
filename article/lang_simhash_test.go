package article

import (
	"fmt"
	"strings"
	"testing"
)

func TestDetectLang(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The minister said on Tuesday that the talks with the rebels were going well and that a deal could be signed by the end of the month.", "en"},
		{"Le ministre a déclaré mardi que les négociations avec les rebelles se passaient bien et qu'un accord pourrait être signé à la fin du mois.", "fr"},
		{"Der Minister sagte am Dienstag, die Gespräche mit den Rebellen verliefen gut und ein Abkommen könne bis zum Ende des Monats unterzeichnet werden.", "de"},
		{"El ministro dijo el martes que las conversaciones con los rebeldes iban bien y que un acuerdo podría firmarse a finales de mes según fuentes del gobierno.", "es"},
		{"Il ministro ha detto martedì che i colloqui con i ribelli stanno andando bene e che un accordo potrebbe essere firmato entro la fine del mese.", "it"},
		{"Министр заявил во вторник, что переговоры с повстанцами идут хорошо и что соглашение может быть подписано до конца месяца.", "ru"},
		{"Міністр заявив у вівторок, що переговори з повстанцями йдуть добре і що угоду може бути підписано до кінця місяця.", "uk"},
		{"قال الوزير يوم الثلاثاء إن المحادثات مع المتمردين تسير بشكل جيد وإنه يمكن توقيع اتفاق بحلول نهاية الشهر.", "ar"},
		{"部長は火曜日、反政府勢力との協議は順調に進んでおり、月末までに合意に署名できる可能性があると述べた。", "ja"},
		{"部长周二表示，与叛军的谈判进展顺利，协议可能在月底前签署。", "zh"},
	}
	for _, c := range cases {
		got, conf := DetectLang(c.text)
		if got != c.want {
			t.Errorf("DetectLang(%.30q...) = %q (%.2f), want %q", c.text, got, conf, c.want)
		}
		if conf <= 0 || conf > 1 {
			t.Errorf("confidence %.2f for %q out of (0,1]", conf, c.want)
		}
	}
	for _, s := range []string{"", "Reuters", "Vladimir Putin, Joe Biden, Xi Jinping", "12 345 6789"} {
		if got, conf := DetectLang(s); got != "" || conf != 0 {
			t.Errorf("DetectLang(%q) = %q %.2f, want undetermined", s, got, conf)
		}
	}
}

func TestNormalizeLang(t *testing.T) {
	for in, want := range map[string]string{"en-US": "en", "EN": "en", "eng": "en", "fr_CA": "fr", "": "", "english": ""} {
		if got := NormalizeLang(in); got != want {
			t.Errorf("NormalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestArticleLang(t *testing.T) {
	fr := "Le ministre a déclaré mardi que les négociations avec les rebelles se passaient bien et qu'un accord pourrait être signé à la fin du mois."
	cases := []struct{ text, declared, want string }{
		{fr, "en-GB", "fr"},        // a confident detector beats a site-wide declaration
		{"Reuters", "de-DE", "de"}, // nothing to detect: the declaration, normalised
		{"Reuters", "", ""},        // neither: undetermined, stored as such
		{"Reuters", "klingon", ""}, // an unknown declaration is no declaration
	}
	for _, c := range cases {
		if got := ArticleLang(c.text, c.declared); got != c.want {
			t.Errorf("ArticleLang(%.20q, %q) = %q, want %q", c.text, c.declared, got, c.want)
		}
	}
}

// story is a made-up wire story used to test near-duplicate fingerprints.
func story(casualties int, extra string) string {
	var b strings.Builder
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "Paragraph %d of the report: officials in the northern province said that heavy rain had washed away bridge number %d and cut the road to the valley. ", i, i*7)
	}
	fmt.Fprintf(&b, "Rescue teams said %d people were missing. %s", casualties, extra)
	return b.String()
}

func TestSimHash(t *testing.T) {
	a := story(40, "")
	if SimHash(a) != SimHash(strings.ToUpper(strings.ReplaceAll(a, " ", "  \n"))) {
		t.Error("case and spacing changed the fingerprint")
	}
	near := []string{story(41, ""), story(40, "The army was sent in."), strings.Replace(a, "heavy", "very heavy", 1)}
	for i, b := range near {
		if d := Hamming(SimHash(a), SimHash(b)); d > 3 {
			t.Errorf("near copy %d differs in %d bits, want at most 3", i, d)
		}
	}
	other := "Shares in the carmaker fell sharply on Wednesday after it cut its sales forecast for the year, blaming weak demand in Europe and higher costs for batteries and steel."
	if d := Hamming(SimHash(a), SimHash(other)); d < 12 {
		t.Errorf("unrelated texts differ in only %d bits", d)
	}
	if SimHash("") != 0 || SimHash("...") != 0 {
		t.Error("empty text must hash to 0")
	}
	if SimHash("ceasefire") == 0 {
		t.Error("a one-word text hashed to 0")
	}
}

func BenchmarkSimHash(b *testing.B) {
	text := story(40, "")
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		SimHash(text)
	}
}

// TestSimHashLong covers texts with more shingles than one counting lane
// holds (255), where the counts are carried over.
func TestSimHashLong(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "Day %d of the inquiry heard witness number %d describe the events at the depot. ", i, i*3+1)
	}
	long := b.String()
	edited := strings.Replace(long, "witness number 31 ", "witness number 32 ", 1)
	if d := Hamming(SimHash(long), SimHash(edited)); d > 3 {
		t.Errorf("one edit in a long text moved %d bits", d)
	}
	if d := Hamming(SimHash(long), SimHash(story(40, ""))); d < 12 {
		t.Errorf("unrelated long texts differ in only %d bits", d)
	}
	if h := SimHash(long); h == 0 || h == ^uint64(0) {
		t.Errorf("degenerate fingerprint %x", h)
	}
}
