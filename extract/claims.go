package extract

// This file finds numeric claims: "over 8,700 people have been killed",
// "Gaza's 2.3 million residents", "thousands of rockets", "$2 billion in
// aid", with qualifier, counted category, unit, whom/where, the claimant
// and part-of links ("including at least 7,326 Palestinians").

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"

	"dateline/nlp"
	"dateline/record"
)

// wordNumbers are spelled-out numbers. "one" is left out: it is far more
// often a pronoun ("one of them") than a count.
var wordNumbers = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90, "dozen": 12,
}

// scales multiply the number before them ("2.3 million").
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mln": 1e6, "bn": 1e9, "m": 1e6, "k": 1e3,
	// South Asian numbering: a lakh is 100,000, a crore ten million ("Rs
	// 4.5 crore", "1.5 lakh farmers").
	"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7,
}

// vagueAmounts are plural amounts that only give an order of magnitude
// ("thousands of"); the value is the lower bound.
var vagueAmounts = map[string]float64{
	"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
	"billions": 1e9, "tens": 10, "lakhs": 1e5, "crores": 1e7,
}

// currencySigns are the currency signs and codes written before an amount,
// lower-cased: "Rs 4 crore", "KSh 120 million", "AED 18 billion", "₦5bn".
var currencySigns = setOf(`$ € £ us$ ¥ ₹ ₦ ₱ ₩ ₺ ₽ ₪ rs rs. inr ksh kshs ksh. sh ngn rm aed dh dhs
sar qr pkr php zar s$ hk$ a$ c$ nz$ tk ghs gh₵ r$ rp`)

// dollarPrefixes are the letters (lower-cased) that name a country's
// dollar when written glued before "$": C$, A$, NZ$, HK$, S$, US$, R$.
var dollarPrefixes = setOf(`c a nz hk s us r ca au sg nt`)

// gluedCurrencies are the signs written glued to the digits ("N45
// million", "R1.4 million", "P500,000", "RM12.5 million"). The one-letter
// ones count only before a scale or with grouped digits: "N95 masks" and
// "P5" are no money.
var gluedCurrencies = []string{"rs.", "rs", "₹", "₦", "₱", "ksh", "sh", "rm", "aed", "dh", "sr", "qr", "tk", "pkr", "n", "r", "p", "k"}

// gluedMoney splits a token such as "n45" or "rm12.5" (lower-cased) into
// its currency and digits; next is the token after it.
func gluedMoney(w, next string) (string, bool) {
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return "", false
	}
	for _, c := range gluedCurrencies {
		d, ok := strings.CutPrefix(w, c)
		if !ok || d == "" {
			continue
		}
		if _, isNum := parseDigits(d); !isNum {
			continue
		}
		if len(c) == 1 {
			if _, isScale := scales[next]; !(isScale && len(next) > 1) && !strings.Contains(d, ",") {
				return "", false
			}
		}
		return d, true
	}
	return "", false
}

// qualifierPhrases map the words before a number to a qualifier, longest
// first.
var qualifierPhrases = []struct {
	words []string
	qual  string
}{
	{[]string{"no", "fewer", "than"}, record.QualAtLeast},
	{[]string{"no", "less", "than"}, record.QualAtLeast},
	{[]string{"no", "more", "than"}, record.QualAtMost},
	{[]string{"more", "than"}, record.QualOver},
	{[]string{"greater", "than"}, record.QualOver},
	{[]string{"upwards", "of"}, record.QualOver},
	{[]string{"in", "excess", "of"}, record.QualOver},
	{[]string{"at", "least"}, record.QualAtLeast},
	{[]string{"at", "most"}, record.QualAtMost},
	{[]string{"fewer", "than"}, record.QualUnder},
	{[]string{"less", "than"}, record.QualUnder},
	{[]string{"up", "to"}, record.QualUpTo},
	{[]string{"close", "to"}, record.QualAbout},
	{[]string{"an", "estimated"}, record.QualAbout},
	{[]string{"as", "many", "as"}, record.QualUpTo},
	{[]string{"over"}, record.QualOver},
	{[]string{"above"}, record.QualOver},
	{[]string{"exceeding"}, record.QualOver},
	{[]string{"under"}, record.QualUnder},
	{[]string{"below"}, record.QualUnder},
	{[]string{"about"}, record.QualAbout},
	{[]string{"around"}, record.QualAbout},
	{[]string{"approximately"}, record.QualAbout},
	{[]string{"roughly"}, record.QualAbout},
	{[]string{"nearly"}, record.QualAbout},
	{[]string{"almost"}, record.QualAbout},
	{[]string{"some"}, record.QualAbout},
	{[]string{"estimated"}, record.QualAbout},
	{[]string{"approx."}, record.QualAbout},
	{[]string{"minimum"}, record.QualAtLeast},
	{[]string{"maximum"}, record.QualAtMost},
}

// spatialQualifiers are qualifiers that are also prepositions of place.
var spatialQualifiers = map[string]bool{"over": true, "above": true, "under": true, "below": true, "around": true}

// qualifierByFirst indexes qualifierPhrases by their first word, in their
// order.
var qualifierByFirst = func() map[string][]int {
	m := map[string][]int{}
	for i, qp := range qualifierPhrases {
		m[qp.words[0]] = append(m[qp.words[0]], i)
	}
	return m
}()

// unitCategory maps the counted noun to a category.
var unitCategory = map[string]string{}

func init() {
	add := func(cat, words string) {
		for _, w := range strings.Fields(words) {
			unitCategory[w] = cat
		}
	}
	add("population", "residents inhabitants population citizens dwellers villagers")
	add("weapons", `rockets rocket missiles missile drones drone shells shell bombs bomb
		weapons rifles guns tanks munitions mortars grenades warheads artillery mines jets
		warplanes aircraft helicopters helicopter warships launchers projectiles firearms
		pistols revolvers shotguns explosives`)
	add("troops", `soldiers soldier troops fighters militants reservists personnel servicemen
		servicemembers combatants gunmen paratroopers marines sailors insurgents rebels
		mercenaries commandos battalions brigades divisions force contingent`)
	add("hostages", "hostages hostage captives abductees")
	add("displaced", "refugees displaced evacuees asylum-seekers migrants")
	add("money", `dollars dollar euros euro pounds shekels rubles roubles yuan yen rupees
		usd eur naira rand ringgit pesos shillings dirhams riyals taka rupiah cedis
		pound rupee shekel ruble rouble peso shilling dirham riyal cedi hryvnias hryvnia dinars dinar
		reais rials rial liras lira lire francs franc kronor kroner krona krone kronur zlotys zloty
		forints forint korunas koruna leu lei levs lev baht dong kyat kwacha birr tenge lari manat
		somoni afghanis afghani leones lempiras quetzales bolivares bolivars soles guaranies kip
		riels riel tugrik pula emalangeni`)
	add("aid", `trucks lorries tonnes tons parcels meals rations shipments convoys baskets kits hampers`)
	add("killed", "deaths dead fatalities bodies casualties victims lives")
	add("injured", "wounded injured injuries wounds burns hurt")
	add("arrested", "prisoners detainees arrests arrestees")
	add("missing", "missing")
	// Cases of a disease a health ministry counts.
	add("infected", "cases infections")
}

// verbCategory maps a verb or participle near the number to a category.
var verbCategory = map[string]string{
	"killed": "killed", "died": "killed", "dead": "killed", "slain": "killed",
	"murdered": "killed", "perished": "killed", "killing": "killed", "kill": "killed",
	"executed": "killed", "massacred": "killed", "die": "killed", "beheaded": "killed", "beheading": "killed",
	"lynched": "killed", "slaughtered": "killed", "drowned": "killed", "drown": "killed", "drowning": "killed",
	"wounded": "injured", "injured": "injured", "hurt": "injured", "injuring": "injured",
	"wounding": "injured", "maimed": "injured",
	"missing": "missing", "unaccounted": "missing",
	"displaced": "displaced", "fled": "displaced", "uprooted": "displaced", "homeless": "displaced",
	"flee": "displaced", "fleeing": "displaced",
	// Deported and expelled people are forced out of the country they
	// lived in, as "expulsion" counts displaced (nounCategory): they are
	// not "arrested" (held) nor "evacuated" (moved for their safety).
	"deported": "displaced", "deporting": "displaced", "expelled": "displaced", "expelling": "displaced",
	"arrested": "arrested", "detained": "arrested", "jailed": "arrested", "imprisoned": "arrested",
	"arresting": "arrested", "detaining": "arrested", "rounded": "arrested",
	"kidnapped": "hostages", "abducted": "hostages", "hostage": "hostages", "captive": "hostages",
	"abducting": "hostages", "kidnapping": "hostages", "captivity": "hostages",
	"evacuated": "evacuated", "rescued": "evacuated", "evacuating": "evacuated",
	"infected": "infected", "sickened": "infected", "contracted": "infected",
	"deployed": "troops", "live": "population", "living": "population", "inhabit": "population", "mobilized": "troops", "mobilised": "troops", "called-up": "troops",
}

// weightUnits weigh what they count: aid only when what they weigh is
// (aidGoods).
var weightUnits = setOf("tonnes tons tonne ton")

// moneyNouns after "pounds of" say the pounds are money: "2 million
// pounds of funding".
var moneyNouns = setOf(`funding funds investment investments spending damages debt debts revenue
revenues losses savings cuts taxpayers public tax subsidies compensation`)

// aidWords name aid or the goods aid consists of.
var aidWords = setOf(`aid relief humanitarian supplies supply assistance food foodstuffs medicine
medicines medical flour rations vaccines tents blankets drinking`)

// aidGoods reports whether the weight at token u weighs aid: the words of
// its "of" phrase ("400 tonnes of medical supplies", "60 tonnes of food
// and medicine") name aid; with no "of" phrase, the sentence [a, b) speaks
// of aid ("delivered 500 tonnes of it", "aid deliveries reached 500
// tonnes").
func (q *qdoc) aidGoods(u, a, b int) bool {
	if q.tok(u+1) == "of" {
		for j := u + 2; j < b && j < u+8; j++ {
			w := q.tok(j)
			if aidWords[w] {
				return true
			}
			if punctOnly(w) || q.pos(j) == "VERB" || q.pos(j) == "AUX" || w == "to" || w == "from" || w == "for" {
				break
			}
		}
		return false
	}
	for j := a; j < b; j++ {
		if w := q.tok(j); w == "aid" || w == "relief" || w == "humanitarian" {
			return true
		}
	}
	return false
}

// civilianPersonnel are people sent to a place who are not troops.
var civilianPersonnel = setOf(`workers worker rescuers rescuer volunteers doctors nurses medics
paramedics firefighters police policemen officers officer inspectors observers monitors staff
teachers engineers experts officials`)

// postedPeople are people posted abroad for their work, whose expulsion
// displaces no one.
var postedPeople = setOf(`diplomats diplomat envoys envoy ambassadors ambassador officials official
staff staffers journalists journalist correspondents correspondent reporters reporter attaches attachés`)

// injuryNouns and injuryVerbs: "had gunshot wounds", "suffered burns".
var injuryNouns = setOf("wounds injuries burns fractures")
var injuryVerbs = setOf("had has have suffered sustained suffering sustaining with")

// monthNames guard against reading dates as counts ("Oct. 7").
var monthNames = setOf(`january february march april may june july august september october
november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep.
sept sept. oct oct. nov nov. dec dec.`)

// claimTok is one number expression found in the text.
type claimTok struct {
	start, end int // tokens [start, end) of the whole expression
	numEnd     int // one past the number (and scale) tokens
	spanEnd    int // one past the counted noun, once described
	value      float64
	low, high  *float64
	qual       string
	money      bool
	currency   string // the sign or code as written ("Rs", "N", "$"), for money
	claim      *record.Claim
	// partOnly: a small spelled-out count kept only as a possible part
	// ("including two children"); dropped unless it joins a whole.
	partOnly bool
}

// Claims finds the numeric claims of doc. quotes (from Quotes) decide who
// claims each number: the speaker of an enclosing quote, else "the
// outlet". Parts ("including 7,326 Palestinians") link to their whole
// with PartOf, and wholes get a Consistency verdict.
func Claims(doc *nlp.Doc, articleID string, quotes []record.Quote) []record.Claim {
	if doc == nil || len(doc.Tokens) == 0 {
		return nil
	}
	return claimsOf(newQdoc(doc, articleID), quotes)
}

// claimsOf is Claims over q, a fresh qdoc of a document with tokens
// (claims only read it, so Times may share it).
func claimsOf(q *qdoc, quotes []record.Quote) []record.Claim {
	doc, articleID := q.doc, q.id
	var found []*claimTok
	n := len(doc.Tokens)
	for i := 0; i < n; {
		ct := q.numberAt(i)
		if ct == nil {
			i++
			continue
		}
		found = append(found, ct)
		i = ct.end
	}
	kept := 0
	var bySent = map[int][]*claimTok{}
	for _, ct := range found {
		c := q.describeClaim(ct)
		if c == nil {
			c = q.runningTotal(ct, bySent)
		}
		if c == nil || inSpeaker(c.Evidence, quotes) {
			continue
		}
		ct.claim = c
		c.ClaimedBy = claimant(c.Evidence, quotes)
		if c.ClaimedBy == outlet {
			if who := q.counter(ct); who != "" {
				c.ClaimedBy = who
			}
		}
		if prev := lastClaim(found, ct); prev != nil {
			conversionQualifier(q, prev, ct)
		}
		c.ID = claimID(articleID, c)
		kept++
		bySent[c.Evidence.Sentence] = append(bySent[c.Evidence.Sentence], ct)
	}
	for _, cts := range bySent {
		q.linkParts(cts)
	}
	res := make([]record.Claim, 0, kept)
	for _, ct := range found {
		if c := ct.claim; c != nil && !(ct.partOnly && c.PartOf == "") {
			res = append(res, *c)
		}
	}
	return res
}

// lastClaim returns the kept claim found right before ct, or nil.
func lastClaim(found []*claimTok, ct *claimTok) *claimTok {
	var last *claimTok
	for _, f := range found {
		if f == ct {
			return last
		}
		if f.claim != nil {
			last = f
		}
	}
	return nil
}

// conversionQualifier gives an amount in brackets right after another
// amount the other's qualifier: "about 210 billion euros ($225 billion)"
// converts an estimate, so the dollars are about as well.
func conversionQualifier(q *qdoc, prev, ct *claimTok) {
	if prev.claim.Counted != "money" || ct.claim.Counted != "money" || ct.qual != record.QualExact || prev.qual == record.QualExact || prev.qual == record.QualRange {
		return
	}
	if q.tok(ct.start-1) != "(" || max(prev.end, prev.spanEnd) != ct.start-1 {
		return
	}
	ct.qual = prev.qual
	ct.claim.Qualifier = prev.qual
}

// leaveVerbs and homeWords: "left their homes", "forced from their homes".
var leaveVerbs = setOf("leave left leaving forced driven")
var orderVerbs = setOf("ordered told asked urged")

// leftHomes reads "ordered to leave their homes" (evacuated) and "have
// left their homes", "forced from their homes" (displaced) at token j.
func (q *qdoc) leftHomes(j int) string {
	if !leaveVerbs[q.tok(j)] {
		return ""
	}
	k := j + 1
	if q.tok(k) == "from" {
		k++
	}
	if w := q.tok(k); w == "their" || w == "his" || w == "her" {
		k++
	}
	if w := q.tok(k); w != "homes" && w != "home" && w != "houses" {
		return ""
	}
	if q.tok(j-1) == "to" && orderVerbs[q.tok(j-2)] {
		return "evacuated"
	}
	return "displaced"
}

// stayVerbs and shelterNouns: "3,500 people remain in temporary
// shelters", "thousands are living in tents": people housed where the
// displaced are housed have been displaced.
var stayVerbs = setOf("remain remained remaining are were stay stayed staying live living lived sheltering sheltered housed crammed")
var shelterNouns = setOf("shelters shelter tents tent")

// campWords are what make a camp or centre one for the displaced
// ("refugee camps", "evacuation centres"), not an army's.
var campWords = setOf("refugee refugees displacement displaced relief tent makeshift temporary evacuation")

// shelteredIn reports "displaced" when token j is a verb of staying
// followed by "in" and a shelter, a tent or a camp or centre for the
// displaced.
func (q *qdoc) shelteredIn(j int) string {
	if !stayVerbs[q.tok(j)] {
		return ""
	}
	k := j + 1
	if q.tok(k) == "in" || q.tok(k) == "at" {
		k++
	} else if q.tok(k+1) == "in" && (q.pos(k) == "ADV" || q.tok(k) == "living" || q.tok(k) == "sheltering") {
		k += 2 // "are still in", "are living in"
	} else {
		return ""
	}
	modified := false
	for n := 0; n < 4 && k < len(q.doc.Tokens); n++ {
		w := q.tok(k)
		if shelterNouns[w] {
			return "displaced"
		}
		if (w == "camps" || w == "camp" || w == "centres" || w == "centers" || w == "centre" || w == "center") && modified {
			return "displaced"
		}
		if campWords[w] {
			modified = true
		} else if p := q.pos(k); p != "ADJ" && p != "DET" && p != "NOUN" && p != "PROPN" {
			return ""
		}
		k++
	}
	return ""
}

// captorNouns hold hostages: "the kidnappers are holding 17 aid workers",
// "held by pirates".
var captorNouns = setOf("kidnappers kidnapper captors captor abductors abductor pirates hijackers hostage-takers")
var captiveVerbs = setOf("holding hold holds held keeping kept")

// runningTotal reads a bare number after "bringing the total … to" or
// "the toll rose to" as a count of what the claim before it in the
// sentence counts: "confirmed four more cases, bringing the total in the
// outbreak to 14" claims 14 cases.
func (q *qdoc) runningTotal(ct *claimTok, bySent map[int][]*claimTok) *record.Claim {
	if q.tok(ct.start-1) != "to" || ct.money {
		return nil
	}
	a := q.sentStartTok(ct.start)
	total := false
	for j := ct.start - 2; j >= a && j >= ct.start-8; j-- {
		if w := strings.ToLower(q.tok(j)); w == "total" || w == "tally" || w == "toll" {
			total = true
			break
		}
	}
	if !total {
		return nil
	}
	prev := bySent[q.doc.SentenceOf(ct.start)]
	if len(prev) == 0 {
		return nil
	}
	p := prev[len(prev)-1].claim
	c := &record.Claim{Value: ct.value, Low: ct.low, High: ct.high, Qualifier: ct.qual, Counted: p.Counted, Unit: p.Unit, Of: p.Of}
	c.Evidence = q.ev(ct.start, ct.end, "claim.total-"+strings.ReplaceAll(c.Qualifier, "_", "-"))
	return c
}

func claimID(articleID string, c *record.Claim) string {
	h := sha1.Sum([]byte(fmt.Sprintf("%s|claim|%d|%d|%s", articleID, c.Evidence.Start, c.Evidence.End, c.Counted)))
	return "c_" + hex.EncodeToString(h[:8])
}

// outlet is the claimant of a number nobody in the article is said to
// give: the outlet's own.
const outlet = "the outlet"

// countVerbs report a count their subject made: "Border Patrol recorded
// 1.5 million encounters" is Border Patrol's number, not the outlet's.
var countVerbs = setOf(`record register count tally document log tabulate verify estimate`)

// counter names who counted what claim ct counts when the sentence says
// so without quoting anyone: the subject of a counting verb whose object
// is the claim's phrase ("the agency has registered 300,000 refugees").
// It returns "" when there is none.
func (q *qdoc) counter(ct *claimTok) string {
	t := q.parseTree()
	if t == nil {
		return ""
	}
	end := max(ct.end, ct.spanEnd)
	for i := ct.start; i < end && i < len(q.doc.Tokens); i++ {
		h := q.doc.Tokens[i].Head
		if h >= ct.start && h < end {
			continue // inside the phrase
		}
		// i heads the phrase; h governs it.
		if h < 0 || q.dep(i) != "obj" || !countVerbs[q.lemma(h)] || q.pos(h) != "VERB" {
			return ""
		}
		s := t.child(q, h, "nsubj")
		if s < 0 || s > h || q.pos(s) == "PRON" || q.doc.Tokens[s].Tag == "WDT" {
			return ""
		}
		a, b := q.sourceSpan(t, s, h) // tokens [a, b)
		if b <= a {
			return ""
		}
		return q.doc.SpanText(a, b)
	}
	return ""
}

// claimant names who asserts a claim at ev: the speaker of the quote
// whose content holds it, else the outlet.
// inSpeaker reports whether the count lies in a quote's speaker: "two
// residents and a health worker said" counts who speaks, not what is
// claimed.
func inSpeaker(ev record.Evidence, quotes []record.Quote) bool {
	for _, qu := range quotes {
		if sp := qu.Speaker; sp != nil && sp.Start <= ev.Start && ev.End <= sp.End {
			return true
		}
	}
	return false
}

func claimant(ev record.Evidence, quotes []record.Quote) string {
	for _, qu := range quotes {
		if qu.Content.Start <= ev.Start && ev.End <= qu.Content.End && qu.Speaker != nil {
			if qu.SpeakerName != "" {
				return qu.SpeakerName
			}
			return qu.Speaker.Text
		}
	}
	return outlet
}

// parseDigits reads "8,700", "2.3", "1990" (no other characters).
func parseDigits(s string) (float64, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return 0, false
		}
	}
	if strings.Contains(s, ",") {
		// Commas must group thousands: 8,700 and 1,234,567 but not 8,7.
		// South Asian grouping puts the last three digits apart and
		// then pairs: 2,50,000 and 12,50,00,000.
		parts := strings.Split(strings.SplitN(s, ".", 2)[0], ",")
		western, southAsian := true, len(parts[0]) <= 2 && len(parts[len(parts)-1]) == 3
		for k, p := range parts[1:] {
			western = western && len(p) == 3
			southAsian = southAsian && (len(p) == 2 || k == len(parts)-2)
		}
		if !western && !southAsian {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// simpleNumber reads the number (digits or words, with a scale) starting
// at token i; it returns the value and one past its last token.
func (q *qdoc) simpleNumber(i int) (float64, int, bool) {
	w := q.tok(i)
	v, ok := parseDigits(w)
	if !ok {
		if d, isMoney := gluedMoney(w, q.tok(i+1)); isMoney {
			v, ok = parseDigits(d)
		}
	}
	end := i + 1
	if !ok {
		if wv, isw := wordNumbers[w]; isw && w != "dozen" {
			v, ok = wv, true
			// "twenty-five", "twenty five"
			if wv >= 20 && wv < 100 {
				k := end
				if q.tok(k) == "-" {
					k++
				}
				if u, isu := wordNumbers[q.tok(k)]; isu && u < 10 {
					v += u
					end = k + 1
				} else if q.tok(k) == "one" && (k > end || !q.isCap(k)) {
					// "ninety-one": left out of wordNumbers as a
					// pronoun, "one" after a tens word is a unit.
					v++
					end = k + 1
				}
			}
		} else if w == "a" && q.tok(i+1) == "dozen" {
			return 12, i + 2, true
		} else if sc, isScale := scales[q.tok(i+2)]; w == "half" && (q.tok(i+1) == "a" || q.tok(i+1) == "an") && isScale && len(q.tok(i+2)) > 1 {
			// "half a million", "half a billion dollars"
			return sc / 2, i + 3, true
		} else if w == "dozen" {
			return 12, i + 1, true
		}
	}
	if !ok {
		return 0, i, false
	}
	// "two dozen", "three dozen": a multiple of twelve.
	if q.tok(end) == "dozen" && v < 100 {
		return v * 12, end + 1, true
	}
	if s, isScale := scales[q.tok(end)]; isScale {
		// "m"/"k" only glued to money-like contexts; words always.
		v *= s
		end++
		if s2, ok2 := scales[q.tok(end)]; ok2 && s2 > s {
			v *= s2 // "two hundred thousand"
			end++
		}
		// 2.3 × 100,000 is 229999.99999999997 in binary floating point.
		v = math.Round(v*1e3) / 1e3
	}
	return v, end, true
}

// numberAt recognises a number expression starting at token i, with its
// qualifier and range, or returns nil.
func (q *qdoc) numberAt(i int) *claimTok {
	// Scanned into a value on the stack: most tokens start no number,
	// and only those that do are allocated.
	var ct claimTok
	if !q.scanNumber(i, &ct) {
		return nil
	}
	found := ct
	return &found
}

func (q *qdoc) scanNumber(i int, ct *claimTok) bool {
	*ct = claimTok{start: i, qual: record.QualExact}
	k := i
	// Qualifier phrase: the first in qualifierPhrases that matches.
	for _, qi := range qualifierByFirst[q.tok(k)] {
		qp := qualifierPhrases[qi]
		match := true
		for j, w := range qp.words {
			if q.tok(k+j) != w {
				match = false
				break
			}
		}
		// "drones over seven regions": after a noun, a one-word
		// preposition places or times the noun; it qualifies no number.
		if match && len(qp.words) == 1 && spatialQualifiers[qp.words[0]] {
			if p := q.pos(k - 1); p == "NOUN" || p == "PROPN" {
				match = false
			}
		}
		if match {
			ct.qual = qp.qual
			k += len(qp.words)
			break
		}
	}
	// "between 10 and 20", "from 10 to 20"
	rangeOpen := ""
	if q.tok(k) == "between" || q.tok(k) == "from" {
		rangeOpen = q.tok(k)
		k++
	}
	if currencySigns[q.tok(k)] && q.tok(k) != "" {
		ct.money, ct.currency = true, q.doc.Tokens[k].Text
		// "C$155 billion", which the tokenizer splits into "C" "$":
		// the letters glued before the sign say whose dollars.
		if p := k - 1; p >= 0 && q.tok(k) == "$" && !q.doc.Tokens[p].SpaceAfter && dollarPrefixes[q.tok(p)] {
			ct.currency = q.doc.Tokens[p].Text + "$"
			if ct.start == k {
				ct.start = p
			}
		}
		k++
	} else if _, glued := gluedMoney(q.tok(k), q.tok(k+1)); glued {
		ct.money = true
		w := q.doc.Tokens[k].Text
		ct.currency = strings.TrimRightFunc(w, func(r rune) bool { return r >= '0' && r <= '9' || r == ',' || r == '.' })
	}
	// Vague amounts: "thousands of", "tens of thousands of", "dozens of".
	if base, ok := vagueAmounts[q.tok(k)]; ok && q.tok(k+1) == "of" {
		if q.tok(k) == "tens" || q.tok(k) == "hundreds" {
			if m, ok2 := vagueAmounts[q.tok(k+2)]; ok2 && m > base && q.tok(k+3) == "of" {
				ct.value, ct.qual, ct.numEnd, ct.end = base*m, record.QualVague, k+3, k+4
				return true
			}
		}
		if q.tok(k) == "tens" {
			return false
		}
		ct.value, ct.qual, ct.numEnd, ct.end = base, record.QualVague, k+1, k+2
		return true
	}
	if q.tok(k) == "dozens" {
		ct.value, ct.qual, ct.numEnd, ct.end = 12, record.QualVague, k+1, k+1
		return true
	}
	v, end, ok := q.simpleNumber(k)
	if !ok {
		return false
	}
	if !q.countable(k, end) {
		return false
	}
	ct.value, ct.numEnd, ct.end = v, end, end
	// Ranges: "10 to 15", "10-15", "between 10 and 20".
	sep := q.tok(end)
	if (sep == "to" || sep == "-" || sep == "–" || sep == "and" && rangeOpen == "between") &&
		(rangeOpen == "" || (rangeOpen == "between") == (sep == "and")) {
		nx := end + 1
		if currencySigns[q.tok(nx)] {
			nx++
		}
		if v2, end2, ok2 := q.simpleNumber(nx); ok2 && v2 > v {
			// "2 to 3 million": the scale of the second applies to both.
			if v < 1000 && v2 >= 1e3 && end2-nx > 1 {
				v *= scales[q.tok(end2-1)]
			}
			lo, hi := v, v2
			ct.low, ct.high = &lo, &hi
			ct.value, ct.qual, ct.numEnd, ct.end = lo, record.QualRange, end2, end2
			return true
		}
	}
	if (sep == "-" || sep == "–") && isDigitTok(q.tok(end+1)) && !ct.money {
		// "won 3-1", "a 5-4 ruling": a score or a tally, not a range
		// (a range rises: "10-15").
		return false
	}
	if sep == "-" && q.tok(end+1) != "strong" && !isDigitTok(q.tok(end+1)) && !ct.money {
		// "a 95-page report", "an 18-point lead", "two-thirds": the number
		// is part of a modifier or a fraction, not a count ("a 5,000-strong
		// force" is one).
		return false
	}
	if rangeOpen != "" {
		// "from 10" without a second number: not a range, keep the number.
		ct.start = k
		if ct.money && currencySigns[q.tok(k-1)] {
			ct.start = k - 1
		}
	}
	return true
}

// countable rejects numbers that are not counts: years, dates, times,
// ages, ordinals, percentages, codes and phone numbers.
func (q *qdoc) countable(i, end int) bool {
	w := q.tok(i)
	prev, next := q.tok(i-1), q.tok(end)
	if strings.ContainsAny(w, ":/") {
		return false
	}
	if monthNames[prev] || monthNames[next] {
		return false
	}
	switch next {
	case "%", "percent", "per", "a.m.", "p.m.", "am", "pm", "gmt", "utc", "st", "nd", "rd", "th", "'s", "s":
		return false
	case "-":
		// "42-year-old", "5-1 vote"
		if n2 := q.tok(end + 1); n2 == "year" || n2 == "month" || n2 == "day" || n2 == "week" {
			return false
		}
	}
	if next == "years" && q.tok(end+1) == "old" {
		return false
	}
	if prev == "aged" || prev == "age" || prev == "no." || prev == "number" || prev == "#" || prev == "+" {
		return false // "+32" is a difference, not a count
	}
	// "91 of the 230 seats": the whole the part is taken from. A whole of
	// people held, hurt or moved is a claim of its own: "freed 11 of the
	// 25 hostages" says 25 were held.
	if prev == "the" && q.tok(i-2) == "of" {
		if _, _, ok := q.simpleNumber(i - 3); ok && !peopleWholes[unitCategory[next]] {
			return false
		}
	}
	// "four in 10 voters", "nine out of ten": a proportion's denominator.
	if prev == "in" || prev == "of" && q.tok(i-2) == "out" {
		at := i - 2
		if prev == "of" {
			at = i - 3
		}
		if _, _, ok := q.simpleNumber(at); ok {
			return false
		}
	}
	v, isDigits := parseDigits(w)
	if isDigits && !strings.Contains(w, ",") && !strings.Contains(w, ".") && v >= 1800 && v <= 2100 && len(w) == 4 {
		if _, isScale := scales[next]; !isScale {
			return false // a year
		}
	}
	// "Schiff, 56, who": an age set off by commas after a name.
	if prev == "," && next == "," && q.isCap(i-2) && v < 120 {
		return false
	}
	// "100 Haven Avenue", "10 Downing St.": a street address.
	if q.isStreetNumber(i, end) {
		return false
	}
	// "a 6-3 ruling": the second number of a score or tally (a range's
	// second number is read with its first).
	if (prev == "-" || prev == "–") && isDigitTok(q.tok(i-2)) {
		return false
	}
	// "K-9 unit", "F-16 jets", "COVID-19": a number joined by a hyphen
	// to a capitalised name is part of that name.
	if prev == "-" && i >= 2 && !q.doc.Tokens[i-2].SpaceAfter && !q.doc.Tokens[i-1].SpaceAfter && q.isCap(i-2) {
		if _, _, ok := q.simpleNumber(i - 2); !ok {
			return false
		}
	}
	// "Resolution 2334", "Level 4": a number naming a thing.
	if i > 0 && q.isCap(i-1) && !q.isSentenceStart(i-1) && !q.isQualifierWord(prev) && !currencySigns[prev] {
		if q.pos(i-1) == "" || q.pos(i-1) == "PROPN" {
			return false
		}
	}
	return true
}

// peopleWholes are the categories whose whole in "N of the M" is counted.
var peopleWholes = setOf("hostages arrested killed injured missing displaced evacuated")

// streetWords end the name of a street after its house number.
var streetWords = map[string]bool{
	"street": true, "st.": true, "avenue": true, "ave.": true, "ave": true, "road": true, "rd.": true,
	"boulevard": true, "blvd.": true, "blvd": true, "lane": true, "drive": true, "dr.": true,
	"place": true, "way": true, "court": true, "plaza": true, "parkway": true, "terrace": true,
}

// isStreetNumber reports whether the number at [i, end) is a house number:
// digits followed by one to three capitalised words, the last a street word.
func (q *qdoc) isStreetNumber(i, end int) bool {
	if end != i+1 || !isDigitTok(q.tok(i)) || strings.Contains(q.tok(i), ",") {
		return false
	}
	for j := end; j < end+3 && q.isCap(j); j++ {
		if j > end && streetWords[q.tok(j)] {
			return true
		}
	}
	return false
}

func (q *qdoc) isQualifierWord(w string) bool {
	for _, qp := range qualifierPhrases {
		if qp.words[len(qp.words)-1] == w {
			return true
		}
	}
	return false
}

func (q *qdoc) isSentenceStart(i int) bool {
	return i == 0 || q.sentStartTok(i) == i
}

// describeClaim finds what is counted and whom it is about.
func (q *qdoc) describeClaim(ct *claimTok) *record.Claim {
	c := &record.Claim{Value: ct.value, Low: ct.low, High: ct.high, Qualifier: ct.qual}
	a, b := q.sentStartTok(ct.start), q.sentEndTok(ct.start)
	// Unit: the head noun after the number, skipping up to two modifiers.
	unitTok := -1
	k := ct.numEnd
	if q.tok(k) == "of" && ct.qual == record.QualVague {
		k++
	}
	// "91 of the 230 seats": the part counts what the whole does.
	if q.tok(k) == "of" && q.tok(k+1) == "the" {
		if _, e, ok := q.simpleNumber(k + 2); ok {
			k = e
		}
	}
	if ct.money && (q.tok(k) == "worth" || q.tok(k) == "each") {
		k++ // "P6.8 million worth of shabu", "Rs 4 lakh each"
	}
	for j := k; j < b && j < k+4; j++ {
		w := q.tok(j)
		// A speech verb ends the phrase, unless tagged a noun after
		// another ("11 swing states"; "11 states" stays cut).
		if punctOnly(w) && w != "-" || functionWords[w] && w != "missing" || speechVerbs[w] != "" && !(j > k && q.pos(j) == "NOUN" && q.pos(j-1) == "NOUN") {
			break
		}
		if cat, ok := unitCategory[w]; ok {
			unitTok = j
			if cat == "weapons" && !strings.HasSuffix(w, "s") && q.pos(j+1) == "NOUN" && strings.HasSuffix(q.tok(j+1), "s") {
				continue // "two shell companies", "40 drone operators": the weapon names what kind, the noun after counts
			}
			break
		}
		if p := q.pos(j); p != "" {
			if p == "NOUN" || p == "PROPN" {
				unitTok = j
				if p2 := q.pos(j + 1); p2 != "NOUN" && p2 != "PROPN" {
					break
				}
				if pluralHead(w) && strings.HasSuffix(q.tok(j+1), "ing") {
					break // "4,000 people landing on the island"
				}
			} else if p != "ADJ" && p != "PUNCT" {
				break
			}
			continue
		}
		if q.plainWord(j) || q.isCap(j) {
			unitTok = j
			// A plural or collective noun ends the phrase: "2 million
			// people live", "8 aid workers were".
			if pluralHead(w) || !(q.plainWord(j+1) || q.isCap(j+1)) || verbCategory[q.tok(j+1)] != "" {
				break
			}
		} else {
			break
		}
	}
	unit := ""
	if unitTok >= 0 {
		unit = q.doc.Tokens[unitTok].Text
	}
	end := ct.end
	if unitTok >= ct.end {
		end = unitTok + 1
	}
	if unit == "" && ct.money {
		unit = ct.currency // "Rs 4.5 crore": the currency is what is counted
	}
	c.Unit = unit
	u := unitCategory[strings.ToLower(unit)]
	if lu := strings.ToLower(unit); (lu == "pounds" || lu == "pound") && !ct.money && q.tok(unitTok+1) == "of" && !moneyNouns[q.tok(unitTok+2)] {
		// "200 pounds of methamphetamine": a weight, not money (but
		// "2 million pounds of funding").
		u = ""
		if q.aidGoods(unitTok, a, b) {
			u = "aid"
		}
	}
	weight := false
	if lu := strings.ToLower(unit); (lu == "pounds" || lu == "pound") && !ct.money && (q.weighed(ct.start) || weightComparatives[strings.ToLower(q.tok(unitTok+1))]) {
		u, weight = "", true // "babies weighing less than three pounds": a weight
	}
	if u == "aid" && weightUnits[strings.ToLower(unit)] && !q.aidGoods(unitTok, a, b) {
		u = "" // "40,000 tonnes of grain", "300 tonnes of cocaine": a weight of goods, not of aid
	}
	if ct.start >= 2 && q.tok(ct.start-1) == "of" && (q.tok(ct.start-2) == "population" || q.tok(ct.start-2) == "populations") {
		u = "population" // "a population of roughly 450,000"
	}
	if !ct.money && ct.start >= 1 && (q.tok(ct.start-1) == "magnitude" || q.tok(ct.start-1) == "Magnitude") {
		return nil // "a magnitude 6.4 earthquake": a measure
	}
	if !ct.money && notCounts[q.tok(ct.numEnd)] {
		// "died four days later", "3.6 degrees Fahrenheit": a duration or
		// a measure, whatever verb is near.
		return nil
	}
	counted := u
	if ct.money {
		counted = "money"
	} else if v := q.verbCategoryNear(ct.start, end, a, b); v != "" && !weight {
		// What happened to people beats who they are: "20 soldiers were
		// killed" counts the killed; "300 rockets were fired" stays weapons.
		switch {
		case v == "troops" && civilianPersonnel[strings.ToLower(unit)]:
			// "9,500 rescue workers were deployed", "2,000 police
			// officers were mobilised": deployed, but not troops.
		case v == "displaced" && postedPeople[strings.ToLower(unit)]:
			// "expelled 12 diplomats": sent home from a posting, not
			// driven from their homes.
		case u == "", u == "troops", u == "population", u == "hostages", u == "displaced", u == "killed", u == "arrested":
			counted = v
		}
	}
	if unitTok < 0 && counted == "" && voterVerbs[q.tok(ct.end)] && ct.qual != record.QualRange {
		// "while 87 voted against": the number counts those who voted,
		// and the verb says so.
		counted = "other"
		end = ct.end + 1
	}
	if unitTok < 0 && counted == "" && !ct.money {
		// "Measles cases have climbed to 1,274", "the number of people
		// displaced has reached 300,000": the subject says what the
		// number counts.
		if n, cat := q.risenSubject(ct); n >= 0 {
			unit, counted = q.doc.Tokens[n].Text, cat
			c.Unit = unit
		}
	}
	if unitTok < 0 && counted == "" {
		return nil // a bare number with nothing counted is not a claim
	}
	if counted == "" {
		// Durations, distances and small spelled-out counts of ordinary
		// things ("two terms", "48 hours") describe, they do not claim.
		// After "including" a small count is a part of a larger one
		// ("nine people, including two children") and counts what the
		// whole counts.
		if notCounts[strings.ToLower(unit)] {
			return nil
		}
		if ct.qual == record.QualExact && ct.value < 10 && !isDigitTok(q.tok(ct.start)) {
			if q.tok(ct.start-1) != "including" {
				return nil
			}
			ct.partOnly = true
		}
		counted = "other"
	}
	c.Counted = counted
	// Of: a possessor before ("Gaza's 2.3 million"), an "of/in X" after,
	// or a capitalised unit ("Palestinians").
	if ct.start >= 2 && (q.tok(ct.start-1) == "'s" || q.tok(ct.start-1) == "’s" || q.tok(ct.start-1) == "'" || q.tok(ct.start-1) == "’") && q.isCap(ct.start-2) {
		c.Of = q.doc.Tokens[ct.start-2].Text
	} else if (q.tok(end) == "of" || q.tok(end) == "in" || q.tok(end) == "from") && end+1 < b {
		j := end + 1
		if q.tok(j) == "the" {
			j++
		}
		s := j
		for j < b && q.isCap(j) {
			j++
		}
		// "in Sunday's vote", "in January": a date is not whom or where.
		if j > s && !(j-s == 1 && calendarWords[strings.ToLower(q.tok(s))]) {
			c.Of = q.doc.SpanText(s, j)
		}
	} else if unitTok >= 0 && q.isCap(unitTok) {
		c.Of = unit
	}
	ct.spanEnd = end
	c.Evidence = q.ev(ct.start, end, "claim."+strings.ReplaceAll(c.Qualifier, "_", "-"))
	return c
}

// verbCategoryNear looks for a casualty verb right after the counted
// phrase ("people have been killed", "were wounded") or right before the
// number ("killing at least 50"), or a "death toll" phrase before it.
func (q *qdoc) verbCategoryNear(start, end, a, b int) string {
	// "Two people who tried to flee were shot dead": a relative clause
	// on the counted noun says what they did; the verb after it, what
	// happened to them, decides.
	relative, reach := "", end+6
	if w := q.tok(end); w == "who" || w == "that" || w == "which" {
		reach = end + 12
	}
	for j := end; j < b && j < reach; j++ {
		w := q.tok(j)
		if j == end && w == "," && q.tok(j+1) == "including" {
			// "Seven people, including two firefighters, were injured":
			// the verb follows the parenthesis of parts.
			k := j + 2
			for k < b && k < j+12 && q.tok(k) != "," && !isSentPunct(q.tok(k)) {
				k++
			}
			if k < b && q.tok(k) == "," {
				reach += k - j
				j = k
				continue
			}
		}
		if j == end && w == "(" {
			// "3,000 people (a third of the town) fled": the verb
			// follows the brackets.
			k := j + 1
			for k < b && k < j+12 && q.tok(k) != ")" && !isSentPunct(q.tok(k)) {
				k++
			}
			if k < b && q.tok(k) == ")" {
				reach += k - j + 1
				j = k
				continue
			}
		}
		if cat := q.leftHomes(j); cat != "" {
			return cat
		}
		if cat := q.shelteredIn(j); cat != "" {
			return cat
		}
		// "17 aid workers held by kidnappers"
		if captiveVerbs[w] && q.tok(j+1) == "by" {
			for k := j + 2; k < b && k < j+5; k++ {
				if captorNouns[q.tok(k)] {
					return "hostages"
				}
			}
		}
		if cat := verbCategory[w]; cat != "" {
			if w == "held" && q.tok(j+1) == "hostage" {
				return "hostages"
			}
			if reach > end+6 && relative == "" && !q.afterBe(j) {
				relative = cat
				continue
			}
			return cat
		}
		if w == "taken" && q.tok(j+1) == "hostage" || w == "held" && (q.tok(j+1) == "hostage" || q.tok(j+1) == "captive") {
			return "hostages"
		}
		// "300 had gunshot wounds", "40 suffered burns": the people
		// counted carry the injuries.
		if injuryNouns[w] && j > end && injuryVerbs[q.tok(j-1)] || injuryNouns[w] && j > end+1 && injuryVerbs[q.tok(j-2)] {
			return "injured"
		}
		if punctOnly(w) && w != "-" || w == "and" || w == "but" {
			break
		}
		if _, ok := parseDigits(w); ok {
			break
		}
	}
	if relative != "" {
		return relative
	}
	// "was shot dead by two gunmen": the ones counted after "by" did
	// it; the verb before says nothing of what happened to them.
	byAgent := q.tok(start-1) == "by"
	for j := start - 1; j >= a && j >= start-3 && !byAgent; j-- {
		w := q.tok(j)
		if cat := verbCategory[w]; cat != "" {
			return cat
		}
		// "the kidnappers are holding 17 aid workers": held by captors
		// named before the verb.
		if captiveVerbs[w] {
			for k := j - 1; k >= a && k >= j-4; k-- {
				if captorNouns[q.tok(k)] {
					return "hostages"
				}
			}
		}
		// "the murder of at least 30 civilians", "the abduction of 12
		// students": a noun of the act before "of" says what befell them.
		if w == "of" {
			if cat := actNouns[strings.ToLower(q.tok(j-1))]; cat != "" {
				return cat
			}
		}
		if w == "toll" && (q.tok(j-1) == "death" || q.tok(j-1) == "casualty") {
			return "killed"
		}
		// "400 people were injured and at least 120 buildings
		// collapsed": a verb before "and" is the other clause's.
		if punctOnly(w) || w == "and" || w == "but" {
			break
		}
	}
	for j := start - 1; j >= a && j >= start-6; j-- {
		if q.tok(j) == "toll" && (q.tok(j-1) == "death" || q.tok(j-1) == "casualty") {
			return "killed"
		}
	}
	// "The death toll from the quake in the east rose to 63": the number
	// a toll's verb reaches, however long the toll's phrase.
	if p := q.tok(start - 1); (p == "to" || p == "at") && tollVerbs[q.tok(start-2)] || tollVerbs[p] && p == "reached" {
		for j := start - 2; j > a; j-- {
			if q.tok(j) == "toll" && (q.tok(j-1) == "death" || q.tok(j-1) == "casualty") {
				return "killed"
			}
			if punctOnly(q.tok(j)) {
				break
			}
		}
	}
	return ""
}

// afterBe reports whether token j follows a form of "be" (or "be" and
// one more word: "were shot dead", "were later killed"): the predicate
// of the main clause, not a verb of a relative clause.
// weightComparatives after pounds make them a weight: "35 pounds
// heavier".
var weightComparatives = setOf(`heavier lighter overweight underweight`)

// weighed reports whether a form of "weigh" stands at most three words
// before the number at token i ("weighing less than three pounds",
// "weighed about 9 pounds"): what follows is a weight.
func (q *qdoc) weighed(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch strings.ToLower(q.tok(j)) {
		case "weigh", "weighs", "weighed", "weighing":
			return true
		case ".", ";", "!", "?":
			return false
		}
	}
	return false
}

func (q *qdoc) afterBe(j int) bool {
	return beForms[q.tok(j-1)] || j >= 2 && beForms[q.tok(j-2)]
}

// risenSubject finds what a number that a count reached counts when the
// count is the verb's subject: "cases … have climbed to 1,274" (cases,
// infected), "arrests reached 320" (arrested), "the number of people
// displaced … has reached 300,000" (people, displaced). Only nouns of a
// known category count, so "temperatures rose to 40" is no claim. It
// returns the noun's token and the category, or -1.
func (q *qdoc) risenSubject(ct *claimTok) (int, string) {
	v := -1
	switch p := q.tok(ct.start - 1); {
	case (p == "to" || p == "at") && tollVerbs[q.tok(ct.start-2)]:
		v = ct.start - 2
	case p == "reached" || p == "hit" || p == "topped" || p == "passed" || p == "surpassed":
		v = ct.start - 1
	}
	if v < 0 {
		return -1, ""
	}
	if t := q.parseTree(); t != nil {
		if n := t.child(q, v, "nsubj"); n >= 0 && n < v {
			if w := q.tok(n); w == "number" || w == "total" || w == "count" || w == "tally" {
				// "the number of people displaced": the noun after
				// "of", and a participle after it.
				if k := t.child(q, n, "nmod"); k > n && q.tok(t.lo[k]) == "of" {
					if cat := verbCategory[q.tok(k+1)]; cat != "" {
						return k, cat
					}
					if cat := countedCategory(q.tok(k)); cat != "" {
						return k, cat
					}
				}
				return -1, ""
			}
			if cat := countedCategory(q.tok(n)); cat != "" {
				return n, cat
			}
		}
	}
	// The parser missed the subject ("Measles" read as a verb): the
	// first noun of a known category in the words before the verb,
	// within the clause.
	n := -1
	for j := v - 1; j >= 0 && j >= v-8; j-- {
		if punctOnly(q.tok(j)) {
			break
		}
		if countedCategory(q.tok(j)) != "" {
			n = j
		}
		if q.isSentenceStart(j) {
			break
		}
	}
	if n < 0 {
		return -1, ""
	}
	return n, countedCategory(q.tok(n))
}

// countedCategory is the category of a noun that can be the subject of a
// count that rises or falls: people and things counted, not money nor a
// population.
func countedCategory(w string) string {
	if cat := unitCategory[w]; cat != "money" && cat != "population" {
		return cat
	}
	return ""
}

// actNouns name what befell the people counted after "of".
var actNouns = map[string]string{
	"murder": "killed", "murders": "killed", "killing": "killed", "killings": "killed",
	"massacre": "killed", "execution": "killed", "executions": "killed", "deaths": "killed",
	"abduction": "hostages", "abductions": "hostages", "kidnapping": "hostages", "kidnappings": "hostages",
	"arrest": "arrested", "arrests": "arrested", "detention": "arrested",
	"evacuation": "evacuated", "displacement": "displaced", "expulsion": "displaced",
	"bodies": "killed", "remains": "killed", // "the bodies of four others were recovered"
}

// tollVerbs say where a toll stands: "rose to", "climbed to", "stood at".
var tollVerbs = map[string]bool{
	"rose": true, "risen": true, "rises": true, "climbed": true, "climbs": true, "jumped": true,
	"increased": true, "stood": true, "stands": true, "reached": true, "hit": true, "grew": true,
	"fell": true, "dropped": true, "declined": true, "soared": true, "surged": true,
}

// linkParts ties "including X and Y" numbers to the claim before
// "including" in the same sentence, lets parts inherit what the whole
// counts, and checks their sum against the whole.
func (q *qdoc) linkParts(cts []*claimTok) {
	for wi, whole := range cts {
		if whole.claim == nil {
			continue
		}
		var parts []*claimTok
		intro := false
		last := whole.spanEnd
		for _, p := range cts[wi+1:] {
			if p.claim == nil {
				continue
			}
			if (p.claim.Counted == "money") != (whole.claim.Counted == "money") {
				// "11 firearms, including five rifles, and R1.4 million in
				// cash": an amount of money is no part of a count of
				// things, nor a count a part of a sum.
				break
			}
			between := q.tokensBetween(last, p.start)
			last = p.spanEnd
			if !intro {
				if !containsAny(between, "including", "among", "includes", "include") && !partitive(between) {
					break
				}
				intro = true
			} else if !onlyJoiners(between) {
				break
			}
			parts = append(parts, p)
		}
		if len(parts) == 0 {
			continue
		}
		// "launched 112 drones and two missiles, of which 87 drones were
		// shot down": parts of the earlier claim that counts the same
		// things, not of the claim just before "of which".
		if pu := strings.ToLower(parts[0].claim.Unit); pu != "" && pu != strings.ToLower(whole.claim.Unit) {
			for k := wi - 1; k >= 0; k-- {
				e := cts[k]
				if e.claim == nil || q.doc.SentenceOf(e.start) != q.doc.SentenceOf(whole.start) {
					break
				}
				if strings.ToLower(e.claim.Unit) == pu {
					whole = e
					break
				}
			}
		}
		sum := 0.0
		for _, p := range parts {
			p.claim.PartOf = whole.claim.ID
			switch p.claim.Counted {
			case "other", "population", "troops":
				// "including 40 soldiers" counts the killed soldiers.
				p.claim.Counted = whole.claim.Counted
			}
			sum += p.claim.Value
		}
		whole.claim.Consistency = consistency(whole.claim, sum)
	}
}

// consistency compares the sum of the parts with the whole.
func consistency(whole *record.Claim, sum float64) string {
	w := whole.Value
	if whole.High != nil {
		w = *whole.High
	}
	switch whole.Qualifier {
	case record.QualOver, record.QualAtLeast, record.QualVague:
		return "consistent"
	case record.QualAbout:
		w *= 1.1
	}
	if sum > w {
		return fmt.Sprintf("parts exceed whole by %s", strconv.FormatFloat(sum-whole.Value, 'f', -1, 64))
	}
	return "consistent"
}

func (q *qdoc) tokensBetween(a, b int) []string {
	var out []string
	for k := a; k < b; k++ {
		out = append(out, q.tok(k))
	}
	return out
}

// partitive reports "of which", "of whom" (or "among which/whom") in
// ws: "112 drones, of which 87 were shot down". A bare "which" opens a
// relative clause about the whole ("400 firefighters and 12 aircraft
// were working on the blaze, which had burned 3,500 hectares"), whose
// numbers are no part of it.
func partitive(ws []string) bool {
	for i := 1; i < len(ws); i++ {
		if (ws[i] == "which" || ws[i] == "whom") && (ws[i-1] == "of" || ws[i-1] == "among") {
			return true
		}
	}
	return false
}

func containsAny(ws []string, keys ...string) bool {
	for _, w := range ws {
		for _, k := range keys {
			if w == k {
				return true
			}
		}
	}
	return false
}

// onlyJoiners reports whether the words between two parts only join them
// ("and", ",", "as well as").
func onlyJoiners(ws []string) bool {
	for _, w := range ws {
		switch w {
		case ",", "and", "as", "well", "plus", "while", "with", ";":
		default:
			return false
		}
	}
	return true
}

// voterVerbs follow a bare number that counts people casting a vote
// ("87 voted against", "12 abstained"). A tally of votes ("passed by 52
// votes to 48", "voted 13-0") is a result, not a count of anyone.
var voterVerbs = setOf(`voted abstained`)

// notCounts are units that measure rather than count what a claim is
// about.
var notCounts = setOf(`second seconds minute minutes hour hours day days week weeks month months
year years decade decades century centuries time times term terms stage stages step steps round
rounds kilometre kilometres kilometer kilometers km miles mile metres meters metre meter feet
foot inches inch points point votes percent degrees kg kilograms pounds-weight`)

// pluralHead reports whether a word is a plural or collective noun that
// ends a counted phrase.
func pluralHead(w string) bool {
	switch w {
	case "people", "children", "men", "women", "personnel", "staff", "crew", "cattle", "civilians":
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

func isDigitTok(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}
