// Package extract turns an annotated article (nlp.Doc) into dateline's
// records. This file finds quotations: who said what.
//
// The quote finder works from tokens alone and uses part-of-speech tags
// and entity tags when the Doc has them (Token.POS != "", Token.Ent != "").
// It recognises:
//
//   - direct quotes, with the attribution after (`"...," spokesman X said.`,
//     `"...," said X.`), before (`X said: "..."`), or inherited from the
//     previous quote of the same paragraph or of a quote running over
//     several paragraphs;
//   - indirect speech: `X said (that) ...`, `..., X said.`,
//     `according to X, ...`, `..., according to X.`, with nested sources
//     (`Citing Y, X reported that ...` gives speaker X via Y);
//   - partial quotes inside a sentence with a cue (`X called it "a mess"`).
//
// Pronoun speakers ("he", "she") are kept as the speaker mention and
// resolved in SpeakerName to the most recent named person-like speaker.
package extract

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/nlp"
	"dateline/record"
)

// speechVerbs maps every inflected form of a reporting verb to its lemma.
// Strong verbs introduce speech on their own ("X said the talks failed",
// "..., X added"); weak verbs (belief, findings) only count with an
// explicit "that" clause ("polls show that ..."), see weakVerbs.
var speechVerbs = buildVerbForms([]string{
	// base:third-person:past:gerund[:participle]
	"say:says:said:saying",
	"tell:tells:told:telling",
	"add:adds:added:adding",
	"stress:stresses:stressed:stressing",
	"warn:warns:warned:warning",
	"announce:announces:announced:announcing",
	"claim:claims:claimed:claiming",
	"deny:denies:denied:denying",
	"insist:insists:insisted:insisting",
	"note:notes:noted:noting",
	"report:reports:reported:reporting",
	"write:writes:wrote:writing:written",
	"tweet:tweets:tweeted:tweeting",
	"explain:explains:explained:explaining",
	"argue:argues:argued:arguing",
	"assert:asserts:asserted:asserting",
	"declare:declares:declared:declaring",
	"confirm:confirms:confirmed:confirming",
	"acknowledge:acknowledges:acknowledged:acknowledging",
	"admit:admits:admitted:admitting",
	"allege:alleges:alleged:alleging",
	"contend:contends:contended:contending",
	"maintain:maintains:maintained:maintaining",
	"reply:replies:replied:replying",
	"respond:responds:responded:responding",
	"answer:answers:answered:answering",
	"recall:recalls:recalled:recalling",
	"reiterate:reiterates:reiterated:reiterating",
	"emphasize:emphasizes:emphasized:emphasizing",
	"emphasise:emphasises:emphasised:emphasising",
	"underline:underlines:underlined:underlining",
	"underscore:underscores:underscored:underscoring",
	"observe:observes:observed:observing",
	"remark:remarks:remarked:remarking",
	"comment:comments:commented:commenting",
	"mention:mentions:mentioned:mentioning",
	"complain:complains:complained:complaining",
	"concede:concedes:conceded:conceding",
	"conclude:concludes:concluded:concluding",
	"disclose:discloses:disclosed:disclosing",
	"reveal:reveals:revealed:revealing",
	"indicate:indicates:indicated:indicating",
	"promise:promises:promised:promising",
	"pledge:pledges:pledged:pledging",
	"vow:vows:vowed:vowing",
	"caution:cautions:cautioned:cautioning",
	"predict:predicts:predicted:predicting",
	"estimate:estimates:estimated:estimating",
	"testify:testifies:testified:testifying",
	"post:posts:posted:posting",
	"counter:counters:countered:countering",
	"retort:retorts:retorted:retorting",
	"lament:laments:lamented:lamenting",
	"boast:boasts:boasted:boasting",
	"brag:brags:bragged:bragging",
	"continue:continues:continued:continuing",
	"agree:agrees:agreed:agreeing",
	"assure:assures:assured:assuring",
	"remind:reminds:reminded:reminding",
	"inform:informs:informed:informing",
	"signal:signals:signaled:signaling",
	"clarify:clarifies:clarified:clarifying",
	"proclaim:proclaims:proclaimed:proclaiming",
	"speculate:speculates:speculated:speculating",
	"charge:charges:charged:charging",
	"accuse:accuses:accused:accusing",
	"joke:jokes:joked:joking",
	"quip:quips:quipped:quipping",
	"shout:shouts:shouted:shouting",
	"exclaim:exclaims:exclaimed:exclaiming",
	"urge:urges:urged:urging",
	"demand:demands:demanded:demanding",
	"ask:asks:asked:asking",
	"suggest:suggests:suggested:suggesting",
	"hint:hints:hinted:hinting",
	"threaten:threatens:threatened:threatening",
	"describe:describes:described:describing",
	"predict:predicts:predicted:predicting",
	"tell:tells:told:telling",
	"insinuate:insinuates:insinuated:insinuating",
	"affirm:affirms:affirmed:affirming",
	"advise:advises:advised:advising",
	"repeat:repeats:repeated:repeating",
	"announce:announces:announced:announcing",
	"blast:blasts:blasted:blasting",
	"criticize:criticizes:criticized:criticizing",
	"criticise:criticises:criticised:criticising",
	"condemn:condemns:condemned:condemning",
	"call:calls:called:calling",
	"whisper:whispers:whispered:whispering",
	"told:told:told:told",
	"chant:chants:chanted:chanting",
	"yell:yells:yelled:yelling",
	"scream:screams:screamed:screaming",
	"read:reads:read:reading",
	"muse:muses:mused:musing",
	"wonder:wonders:wondered:wondering",
	"plead:pleads:pleaded:pleading",
	"recount:recounts:recounted:recounting",
	"sing:sings:sang:singing:sung",
	"snap:snaps:snapped:snapping",
	"scoff:scoffs:scoffed:scoffing",
	"marvel:marvels:marveled:marveling",
	"state:states:stated:stating",
	"confess:confesses:confessed:confessing",
	"confide:confides:confided:confiding",
	"protest:protests:protested:protesting",
	"concur:concurs:concurred:concurring",
	"interject:interjects:interjected:interjecting",
	"mutter:mutters:muttered:muttering",
	"murmur:murmurs:murmured:murmuring",
	"sigh:sighs:sighed:sighing",
	"groan:groans:groaned:groaning",
	"grumble:grumbles:grumbled:grumbling",
	"opine:opines:opined:opining",
	"gush:gushes:gushed:gushing",
})

// weakVerbs count as cues only before a "that" clause or a clear clause:
// they report beliefs and findings rather than speech.
var weakVerbs = buildVerbForms([]string{
	"believe:believes:believed:believing",
	"think:thinks:thought:thinking",
	"feel:feels:felt:feeling",
	"fear:fears:feared:fearing",
	"hope:hopes:hoped:hoping",
	"worry:worries:worried:worrying",
	"know:knows:knew:knowing:known",
	"show:shows:showed:showing:shown",
	"find:finds:found:finding",
	"learn:learns:learned:learning:learnt",
	"understand:understands:understood:understanding",
	"expect:expects:expected:expecting",
	"suspect:suspects:suspected:suspecting",
	"doubt:doubts:doubted:doubting",
	"recognize:recognizes:recognized:recognizing",
	"realize:realizes:realized:realizing",
	"assume:assumes:assumed:assuming",
	"imply:implies:implied:implying",
	"conclude:concludes:concluded:concluding",
	"determine:determines:determined:determining",
	"decide:decides:decided:deciding",
	"agree:agrees:agreed:agreeing",
	"see:sees:saw:seeing:seen",
})

// verbsTakingObject are cues whose addressee sits between the verb and the
// content: "told reporters that ...", "warned Israel that ...".
var verbsTakingObject = map[string]bool{
	"tell": true, "assure": true, "remind": true, "inform": true, "warn": true,
	"advise": true, "ask": true, "urge": true, "caution": true, "promise": true,
}

// invertingVerbs are the cues news writing puts before their speaker
// ("..., said the minister", "..., added Smith"). Other verbs after a
// comma take an object there ("..., described the plan", "..., declared
// bankruptcy").
var invertingVerbs = setOf(`say add write ask explain continue insist recall reply counter retort
warn argue`)

// invertingNamed also come before their speaker, but they take plain
// objects too ("..., noted the rule", "declared bankruptcy"): they invert
// only before a name or a word for a person ("..., noted Jane Roe").
var invertingNamed = setOf(`note observe remark concede admit acknowledge declare tweet predict claim
complain stress emphasize emphasise caution quip joke confirm answer respond boast lament conclude
assert contend maintain reiterate suggest report`)

// personNP reports whether tokens [a, b) hold a name (a capitalised word)
// or end in a noun for a person or organisation speaking.
func (q *qdoc) personNP(a, b int) bool {
	for k := a; k < b; k++ {
		if q.pos(k) == "PROPN" || q.pos(k) == "" && q.isCap(k) {
			return true
		}
	}
	return b > a && sourceNouns[q.tok(b-1)]
}

// bareClauseVerbs may introduce content without "that" ("he said the
// talks failed"). Other cues too often take a plain object ("announced
// plans", "mentioned Machado") to trust a bare clause without a parser.
var bareClauseVerbs = setOf(`say tell add claim argue insist stress explain write tweet predict
assert contend maintain emphasize emphasise underline reiterate concede admit warn suggest
declare insist allege testify recall note`)

func buildVerbForms(specs []string) map[string]string {
	m := make(map[string]string)
	for _, s := range specs {
		forms := strings.Split(s, ":")
		for _, f := range forms {
			m[f] = forms[0]
		}
	}
	return m
}

// pronouns that can be the speaker mention of a quote.
var speakerPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "it": true,
	"who": true, "you": true,
}

// sourceNouns are lower-case heads and modifiers of speaker noun phrases:
// roles, titles and the collective sources of news writing. They let the
// finder recognise "the spokesman", "officials", "a senior official" when
// no tagger has run.
var sourceNouns = setOf(`spokesman spokeswoman spokesperson spokespeople official officials
source sources minister ministers secretary president vice prime chairman chairwoman chair
director leader leaders commander commanders general officer officers police authorities
agency ministry government governments administration army military spokesmen aide aides
adviser advisers advisor advisors analyst analysts expert experts observer observers critic
critics witness witnesses resident residents people person man woman men women doctor doctors
campaign campaigns manager managers candidate nominee senator senators governor mayor
lawmaker lawmakers representative congressman congresswoman ambassador envoy diplomat
diplomats negotiator negotiators worker workers activist activists group groups organization
organisation statement report reports poll polls survey surveys study studies data media
outlets outlet newspaper paper agency channel network television broadcaster website
deputy senior top former chief foreign defense defence interior press state national
military head heads member members founder ceo executive executives economist economists
professor researcher researchers scientist scientists lawyer lawyers attorney attorneys
judge judges court prosecutor prosecutors investigators investigator inquiry panel
committee council board union company firm bank spokeswomen representatives voters
supporters opponents surrogate surrogates strategist strategists pollster pollsters
consultant consultants staff staffer staffers team counsel correspondent reporter reporters
journalist journalists editor editors host anchor columnist author authors writer writers
officials' residents' leader's israeli palestinian russian american british french
senior-level high-ranking spokes-person mother father son daughter wife husband friend
friends family families neighbour neighbor neighbours neighbors country countries nation nations
state states agencies ministries companies firms banks unions parties councils committees`)

// functionWords never belong to a speaker noun phrase, even capitalised
// at the start of a sentence.
var functionWords = setOf(`about against toward towards across around through via like near upon
but and or so then also now still yet meanwhile however earlier
later when if in on at as after before while because since though although with without
for from by to of that this these those which where what why how here there not no nor
asked speaking writing during amid despite under over into onto than thus instead indeed
moreover furthermore separately elsewhere today yesterday tomorrow tonight last next
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept
oct nov dec mr. mrs. ms. dr.`)

// determiners open a speaker noun phrase.
var determiners = setOf(`the a an another one two three several many some his her their its
our my your all both most few each every other such any these those this`)

// auxiliaries and adverbs that can sit between a speaker and the cue verb;
// they join the cue span ("has said", "also told").
var cueModifiers = setOf(`has have had is was are were will would could might may did does
do also later then previously repeatedly again once further publicly privately recently
already often frequently long has've 'd 's reportedly initially first last explicitly
openly flatly quickly immediately simply never always`)

// titles are capitalised words that open a name ("Mr.", "Gen.").
var honorifics = setOf(`mr. mrs. ms. dr. gen. lt. col. sen. rep. gov. prof. sgt. capt. maj. adm. st.
mr mrs ms dr gen lt col sen rep gov prof`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// qdoc carries per-document lookups the quote rules share.
type qdoc struct {
	doc   *nlp.Doc
	id    string
	lower []string // lower-cased token texts with quote marks normalised
	para  []int    // paragraph index of each token
	sent  []int    // sentence index of each token (-1 when unknown)
	inQ   []int    // index into spans of the direct quote covering the token, or -1
	used  []bool   // token already used as a cue or speaker
	// pending holds second halves of quotes split by their attribution.
	pending []*record.Quote
	// tree is the dependency index, built on first use (see parseTree).
	tree *depTree
}

// qspan is a pair of quotation marks: tokens [open, close] inclusive.
// closed is false for a quote that runs to the end of its paragraph
// without a closing mark (it continues in the next paragraph).
type qspan struct {
	open, close int
	closed      bool
	direct      bool
	quote       *record.Quote
}

func newQdoc(doc *nlp.Doc, id string) *qdoc {
	n := len(doc.Tokens)
	q := &qdoc{doc: doc, id: id, lower: make([]string, n), para: make([]int, n),
		sent: make([]int, n), inQ: make([]int, n), used: make([]bool, n)}
	p := 0
	for i, t := range doc.Tokens {
		q.lower[i] = normQuote(strings.ToLower(t.Text))
		if i > 0 && strings.Contains(doc.Text[doc.Tokens[i-1].End:t.Start], "\n") {
			p++
		}
		q.para[i] = p
		q.sent[i] = -1
		q.inQ[i] = -1
	}
	for si, s := range doc.Sents {
		for i := s.Start; i < s.End && i < n; i++ {
			q.sent[i] = si
		}
	}
	return q
}

// normQuote maps the many ways of writing a quotation mark to a small set:
// `"` (straight double), `“` (opening), `”` (closing).
func normQuote(s string) string {
	switch s {
	case "``", "„", "«":
		return "“"
	case "»":
		return "”"
	case "''":
		// Two apostrophes close a quote in PTB style but both open and
		// close one in some house styles: decide from context.
		return `"`
	}
	return s
}

func (q *qdoc) tok(i int) string {
	if i < 0 || i >= len(q.lower) {
		return ""
	}
	return q.lower[i]
}

func (q *qdoc) isQuoteMark(i int) bool {
	s := q.tok(i)
	return s == `"` || s == "“" || s == "”"
}

// isOpenQuote decides whether the quote mark at token i opens a quotation.
// Curly marks say so themselves; a straight mark opens when it follows
// whitespace (or starts the text) and is glued to the next token.
func (q *qdoc) isOpenQuote(i int) bool {
	switch q.tok(i) {
	case "“":
		return true
	case "”":
		// A right mark opening a paragraph and touching the next word
		// opens a quote ("”Fear. I am afraid ...” ― Name").
		return (i == 0 || q.para[i-1] != q.para[i]) && i+1 < len(q.doc.Tokens) && q.doc.Tokens[i+1].Start == q.doc.Tokens[i].End
	}
	t := q.doc.Tokens[i]
	before := i == 0 || t.Start > q.doc.Tokens[i-1].End
	after := i+1 < len(q.doc.Tokens) && q.doc.Tokens[i+1].Start == t.End
	if before && after {
		return true
	}
	if !before && !after {
		return false
	}
	return before
}

// closesLoose reports whether the straight mark at token i, spaced on
// both sides, closes the quotation left open before it: a mark set off
// from a nested quote's closing mark or from end punctuation ("… the
// term 'outreach,' " he said).
func (q *qdoc) closesLoose(i int) bool {
	if q.tok(i) != `"` || i == 0 {
		return false
	}
	t := q.doc.Tokens[i]
	if i+1 < len(q.doc.Tokens) && q.doc.Tokens[i+1].Start == t.End {
		return false
	}
	switch q.tok(i - 1) {
	case "'", "’", ",", ".", "!", "?":
		return true
	}
	return false
}

func isSentPunct(s string) bool { return s == "." || s == "!" || s == "?" }

func punctOnly(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func (q *qdoc) isCap(i int) bool {
	if i < 0 || i >= len(q.doc.Tokens) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(q.doc.Tokens[i].Text)
	return unicode.IsUpper(r)
}

func (q *qdoc) pos(i int) string {
	if i < 0 || i >= len(q.doc.Tokens) {
		return ""
	}
	return q.doc.Tokens[i].POS
}

// isNounish reports whether token i can be part of a speaker noun phrase
// (other than a determiner).
func (q *qdoc) isNounish(i int) bool {
	w := q.tok(i)
	// "WHO spokesperson Margaret Harris": an acronym is a name, and a
	// role word before a name is a title, whatever the tagger made of
	// them (it reads "WHO" as the pronoun and "spokesperson" as a verb).
	if q.acronym(i) || sourceNouns[w] && i+1 < len(q.lower) && q.pos(i+1) == "PROPN" {
		return true
	}
	if w == "" || functionWords[w] && !honorifics[w] || speechVerbs[w] != "" && !sourceNouns[w] && !q.capitalisedName(i) {
		return false
	}
	if w == "'s" || w == "’s" || w == "'" || w == "’" {
		return i > 0 && (q.isCap(i-1) || sourceNouns[q.tok(i-1)])
	}
	if p := q.pos(i); p != "" {
		switch p {
		case "NOUN", "PROPN", "ADJ", "NUM":
			return true
		case "PART":
			return w == "'s" || w == "’s"
		}
		return false
	}
	if punctOnly(w) {
		return false
	}
	if q.isCap(i) && strings.HasSuffix(w, "ing") && q.isSentenceStart(i) {
		return false // "Having ...", "Speaking ..."
	}
	return q.isCap(i) || sourceNouns[w]
}

// capitalisedName reports whether token i, a word that is also a
// reporting verb, is a name here: capitalised inside a sentence and
// tagged a noun ("The Post has learned", "the Drudge Report").
func (q *qdoc) capitalisedName(i int) bool {
	if p := q.pos(i); p != "NOUN" && p != "PROPN" {
		return false
	}
	return q.isCap(i) && !q.isSentenceStart(i)
}

// acronym reports whether token i is written in capitals only, two to
// six letters ("WHO", "NATO", "UNICEF").
func (q *qdoc) acronym(i int) bool {
	if i < 0 || i >= len(q.doc.Tokens) {
		return false
	}
	t := q.doc.Tokens[i].Text
	if len(t) < 2 || len(t) > 6 {
		return false
	}
	for _, r := range t {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// isHead reports whether token i can end (head) a speaker noun phrase.
func (q *qdoc) isHead(i int) bool {
	w := q.tok(i)
	if speakerPronouns[w] {
		return true
	}
	if w == "'s" || w == "’s" || !q.isNounish(i) {
		return false
	}
	if p := q.pos(i); p != "" {
		return p == "NOUN" || p == "PROPN" || p == "NUM" && q.isCap(i) || q.endsNamedEntity(i)
	}
	return true
}

// endsNamedEntity reports whether token i is the capitalised last word of
// a name the recogniser found, whatever its tag: the tagger reads "the
// Fed said" as an adjective before the verb.
func (q *qdoc) endsNamedEntity(i int) bool {
	t := q.doc.Tokens[i]
	if t.Ent == "" || t.Ent == "O" || !q.isCap(i) || q.isSentenceStart(i) {
		return false
	}
	return i+1 >= len(q.doc.Tokens) || !strings.HasPrefix(q.doc.Tokens[i+1].Ent, "I-")
}

// npLeft finds the speaker noun phrase that ends at token j, not reaching
// before token lo. It returns the first token, or -1.
func (q *qdoc) npLeft(j, lo int) int {
	if j < lo {
		return -1
	}
	if speakerPronouns[q.tok(j)] {
		return j
	}
	if q.tok(j) == ")" {
		// "Rep. Jane Doe (D-Ore.)": the name before the parenthesis.
		for m := j - 1; m >= lo && m > j-8; m-- {
			if q.tok(m) == "(" {
				return q.npLeft(m-1, lo)
			}
		}
		return -1
	}
	s := -1
	if q.isHead(j) {
		s = q.walkNPLeft(j, lo)
	} else if q.pos(j) == "NUM" && j-2 >= lo && q.tok(j-1) == "of" {
		// "the mother of three", "one of five": a number after "of"
		// closes the phrase the preposition attaches it to.
		s = j
	} else if q.pos(j) == "" && q.plainWord(j) {
		// Untagged common noun: accept it when a determiner opens the
		// phrase within three words ("the country", "the new report").
		k := j - 1
		for k >= lo && k >= j-4 && (q.plainWord(k) || possessiveMark(q.tok(k)) && k > lo) && !determiners[q.tok(k)] {
			k--
		}
		switch {
		case k >= lo && determiners[q.tok(k)]:
			s = k
		case k < lo || q.tok(k) == "," || q.tok(k) == ";":
			// The clause opens with the bare noun: "local newspapers reported".
			s = k + 1
		}
	}
	if s < 0 {
		return -1
	}
	// Coordinated names speak together: "Egypt and Saudi Arabia called
	// for a truce", "the United States and the European Union urged".
	if s-2 >= lo && q.tok(s-1) == "and" && (q.isCap(s) || q.tok(s) == "the" && q.isCap(s+1)) && q.isCap(s-2) && q.pos(s-2) == "PROPN" {
		if s2 := q.walkNPLeft(s-2, lo); s2 >= 0 && s2 <= s-2 {
			s = s2
		}
	}
	// Coordinated sources speak together too: "two residents and a
	// health worker said", "police and witnesses said".
	if s-2 >= lo && q.tok(s-1) == "and" && sourceNouns[q.tok(j)] && sourceNouns[q.tok(s-2)] && q.pos(s-2) == "NOUN" {
		if s2 := q.walkNPLeft(s-2, lo); s2 >= 0 && s2 <= s-2 {
			s = s2
		}
	}
	// Attach prepositional modifiers: "media outlets in the country",
	// "the director of the agency".
	for s-2 >= lo {
		switch q.tok(s - 1) {
		case "in", "of", "at", "from", "for":
		case "to":
			// "Iran's envoy to the agency": an envoy belongs to the
			// phrase before "to", not to the body it is sent to.
			if !envoyNouns[strings.ToLower(q.tok(s-2))] {
				return s
			}
		default:
			return s
		}
		s2 := q.npLeft(s-2, lo)
		if s2 < 0 || speakerPronouns[q.tok(s-2)] {
			return s
		}
		s = s2
	}
	return s
}

// envoyNouns are roles named with the body or country they are sent to
// ("ambassador to France", "envoy to the agency").
var envoyNouns = map[string]bool{"envoy": true, "envoys": true, "ambassador": true, "ambassadors": true,
	"representative": true, "representatives": true, "delegate": true, "delegates": true, "emissary": true}

func possessiveMark(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// plainWord reports whether token i is a lower-case content word that is
// neither a function word nor a reporting verb.
func (q *qdoc) plainWord(i int) bool {
	w := q.tok(i)
	if w == "" || q.isCap(i) || functionWords[w] || cueModifiers[w] || speechVerbs[w] != "" || weakVerbs[w] != "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

func (q *qdoc) walkNPLeft(j, lo int) int {
	s := j
	for k := j - 1; k >= lo; k-- {
		w := q.tok(k)
		switch {
		case determiners[w] || q.pos(k) == "DET" || w == "his" || w == "her" || w == "their":
			return k
		case q.isNounish(k):
			s = k
		case (w == "of" || w == "for") && k-1 >= lo && q.isCap(k-1) && q.isCap(k+1):
			s = k // "Secretary of State John Kerry"
		case (w == "-" || w == "–") && k-1 >= lo && (q.isNounish(k-1) || q.plainWord(k-1)):
			s = k // "Kremlin-backed", "Israeli-Palestinian"
		case possessiveMark(w) && q.pos(k) == "PART" && k-1 >= lo && q.isNounish(k-1):
			s = k // "the ad's narrator": the possessor opens the phrase
		case w == "(":
			return s
		case w == ")":
			// "Sen. Jane Doe (D-Ore.)": skip the parenthesis.
			m := k - 1
			for m >= lo && m > k-8 && q.tok(m) != "(" {
				m--
			}
			if m < lo || q.tok(m) != "(" {
				return s
			}
			k = m
		default:
			// Untagged modifiers ("top black lawmakers") count when a
			// determiner, a comma or the sentence start sits before them.
			if q.pos(k) != "" {
				return s
			}
			m := k
			for m >= lo && m > k-2 && q.plainWord(m) {
				m--
			}
			if m == k {
				return s
			}
			if m < lo || q.tok(m) == "," {
				return m + 1
			}
			if determiners[q.tok(m)] {
				return m
			}
			return s
		}
	}
	return s
}

// npRight finds the speaker noun phrase starting at token i, not passing
// token hi (exclusive). It returns the end (exclusive), or -1.
func (q *qdoc) npRight(i, hi int) int {
	k := i
	if k < hi && (determiners[q.tok(k)] || q.pos(k) == "DET") {
		k++
	}
	if k < hi && speakerPronouns[q.tok(k)] && k == i {
		return k + 1
	}
	end := -1
	det := k > i
	plain := 0
	for ; k < hi; k++ {
		w := q.tok(k)
		switch {
		case q.isNounish(k):
			if q.isHead(k) {
				end = k + 1
			}
		case q.pos(k) == "" && q.plainWord(k) && plain < 3:
			// Untagged modifier or common noun: "a new national poll".
			plain++
			if det {
				end = k + 1
			}
		case (w == "of" || w == "in" || w == "at" || w == "for") && end > 0 && k+1 < hi &&
			(q.isCap(k+1) || determiners[q.tok(k+1)]):
			// "a source in the Foreign Ministry", "director of the CBO"
			if k+1 < hi && determiners[q.tok(k+1)] {
				k++
			}
		default:
			return end
		}
	}
	return end
}

// appositiveSubject recognises "NAME, appositive," ending at the comma
// token comma and returns NAME's first token, or -1. The appositive must
// open with a determiner or possessive and the name must be capitalised.
func (q *qdoc) appositiveSubject(a, comma int) int {
	for k := comma - 1; k > a && k > comma-25; k-- {
		if q.tok(k) != "," {
			continue
		}
		w := q.tok(k + 1)
		// "X, the mayor, said", "X, who ..., said", and "X, at a news
		// conference, said".
		if !determiners[w] && w != "who" && !q.isCap(k+1) && !sourceNouns[w] && q.pos(k+1) != "ADP" {
			return -1
		}
		if !q.isCap(k - 1) {
			return -1
		}
		first := q.npLeft(k-1, a)
		if first < 0 || first > a && q.tok(first-1) != "," {
			// The name must open the clause.
			if first != a {
				return -1
			}
		}
		return first
	}
	return -1
}

// skipTimeLeft moves left from the cue start cs over a time or place
// adverbial between subject and cue ("Sanders on Tuesday said",
// "officials Friday said"), returning the new boundary.
func (q *qdoc) skipTimeLeft(cs, a int) int {
	k := cs
	if k-1 >= a && (weekdayNum[q.tok(k-1)] != 0 || q.tok(k-1) == "sunday" || q.tok(k-1) == "today" || q.tok(k-1) == "yesterday" || q.tok(k-1) == "tonight") {
		k--
		if k-1 >= a && q.tok(k-1) == "on" {
			k--
		}
		return k
	}
	// "The bank last week said", "officials this month announced"; not
	// "a report released last year found", where the phrase dates the
	// participle.
	if k-3 >= a && periodNouns[q.tok(k-1)] && (q.tok(k-2) == "this" || q.tok(k-2) == "last" || q.tok(k-2) == "next") &&
		(q.pos(k-3) == "NOUN" || q.pos(k-3) == "PROPN" || q.pos(k-3) == "PRON") {
		return k - 2
	}
	return cs
}

// periodNouns name a span of time a demonstrative or "last" turns into a
// time phrase: "last week", "this month".
var periodNouns = setOf(`week month year weekend morning afternoon evening night spring summer fall autumn winter`)

// namedHead reports whether token i is a name, a pronoun or a source
// noun: a safe sentence subject to reuse as a speaker.
func (q *qdoc) namedHead(i int) bool {
	w := q.tok(i)
	return speakerPronouns[w] && w != "it" && w != "who" || sourceNouns[w] || q.isCap(i) && !functionWords[w]
}

// subjectNP finds the noun phrase opening the clause at a (not reaching
// hi) and returns its end, or -1. Untagged, it takes names and source
// nouns but only one unknown lower-case word, which keeps the verb out:
// "The council | rejected".
func (q *qdoc) subjectNP(a, hi int) int {
	if q.pos(a) != "" {
		return q.npRight(a, hi)
	}
	k := a
	if k < hi && determiners[q.tok(k)] {
		k++
	}
	if k < hi && speakerPronouns[q.tok(k)] && k == a {
		return k + 1
	}
	end := -1
	for ; k < hi; k++ {
		switch {
		case q.isNounish(k):
			end = k + 1
		case q.plainWord(k) && end < 0:
			end = k + 1
			if !q.isNounish(k + 1) {
				return end
			}
		default:
			return end
		}
	}
	return end
}

// cueAt reports the lemma when token i is a reporting verb.
func (q *qdoc) cueAt(i int) (lemma string, strong bool) {
	w := q.tok(i)
	if p := q.pos(i); p != "" && p != "VERB" && p != "AUX" && !q.verbTaggedNoun(i) {
		return "", false
	}
	// A capitalised verb form inside a sentence is a name: "United
	// States", "Washington Post".
	if q.pos(i) == "" && q.isCap(i) && !q.isSentenceStart(i) {
		return "", false
	}
	if l := speechVerbs[w]; l != "" {
		return l, true
	}
	if l := weakVerbs[w]; l != "" {
		return l, false
	}
	return "", false
}

// verbTaggedNoun reports whether token i, tagged a plural noun, is a
// reporting verb in the present tense: right after a name or noun and
// right before a "that" or a clause ("The Journal reports the bank ...",
// "The film documents how ..."), or before the full stop.
func (q *qdoc) verbTaggedNoun(i int) bool {
	w := q.tok(i)
	if i < 1 || q.pos(i) != "NOUN" || !strings.HasSuffix(w, "s") || speechVerbs[w] == "" && weakVerbs[w] == "" {
		return false
	}
	// "states" is a plain noun far more often than a verb: trust the
	// tagger there.
	if w == "states" {
		return false
	}
	if p := q.pos(i - 1); p != "PROPN" && p != "NOUN" && !q.isQuoteMark(i-1) {
		return false
	}
	n := q.tok(i + 1)
	switch {
	case n == "that" || n == "how" || n == "whether" || isSentPunct(n):
		return true
	case q.pos(i+1) == "DET" || q.pos(i+1) == "PRON" || q.pos(i+1) == "PROPN":
		return q.startsContentClause(i + 1)
	}
	return false
}

// passiveCue reports whether the cue at c, extended left to cs, is a
// passive: a form of "be" among its auxiliaries and a participle that
// is no gerund ("was declared", "is believed", not "was saying").
func (q *qdoc) passiveCue(cs, c int) bool {
	if cs == c || strings.HasSuffix(q.tok(c), "ing") {
		return false
	}
	for k := cs; k < c; k++ {
		switch q.tok(k) {
		case "is", "was", "are", "were":
			return true
		}
	}
	return false
}

// cueStart extends the cue at token c to the left over auxiliaries and
// adverbs ("has also said"), not before lo.
func (q *qdoc) cueStart(c, lo int) int {
	s := c
	for k := c - 1; k >= lo && k >= c-3; k-- {
		if !cueModifiers[q.tok(k)] && q.tok(k) != "not" && q.tok(k) != "n't" {
			break
		}
		s = k
	}
	return s
}

// cueAdverb reports whether token k is a manner or degree adverb in -ly
// ("flatly", "steadfastly", "generally") or a focus adverb: it says how
// the source spoke or held the view, and belongs to the cue right after
// it.
func (q *qdoc) cueAdverb(k int) bool {
	w := q.tok(k)
	return q.pos(k) == "ADV" && (len(w) > 4 && strings.HasSuffix(w, "ly") && w != "only" || focusAdverbs[w])
}

// focusAdverbs place or weigh a report the way -ly adverbs do ("now
// says", "still senses", "even suggested", "together vowed").
var focusAdverbs = setOf(`now still even just together`)

// widenCues takes into each cue the -ly adverbs right before its verb,
// with the auxiliaries and listed adverbs before those ("has steadfastly
// refused", "generally praised", "cynically dismissed"), the way PolNeAR
// marks cues. Only the cue span changes, after every rule has read the
// cue where it found it; a word inside the quote's content or speaker
// stays out.
func (q *qdoc) widenCues(qs []*record.Quote) {
	for _, r := range qs {
		if r.Cue == nil {
			continue
		}
		c := q.tokenAt(r.Cue.Start)
		if c < 1 {
			continue
		}
		free := func(k int) bool {
			off := q.doc.Tokens[k].Start
			return k >= 0 && q.sent[k] == q.sent[c] && !inEvidence(off, &r.Content) && (r.Speaker == nil || !inEvidence(off, r.Speaker))
		}
		s := c
		if k, ly := q.cueLeft(c, free); ly {
			s = k
		}
		switch {
		case q.pos(c) == "ADJ" || r.Content.Rule == "quote.dep.adj":
			// "were frustrated that": a participle of feeling is
			// predicative like an adjective.
			s = q.adjectiveCueStart(c, free)
		case q.pos(c) == "NOUN":
			s = q.nounCueStart(c, free)
		}
		s = q.infinitiveCue(r, c, s, free)
		q.prepositionIntoCue(r)
		if s == c {
			continue
		}
		r.Cue.Start = q.doc.Tokens[s].Start
		r.Cue.Text = q.doc.Text[r.Cue.Start:r.Cue.End]
	}
}

// cuePreps are the prepositions that a cue verb selects for its
// content ("spoke of", "campaigned for", "was accused of", "complained
// about"): PolNeAR marks them as part of the cue, not of the content.
var cuePreps = setOf(`of for about against on with`)

// prepositionIntoCue moves the preposition that opens a quote's content
// into its cue when only a short stretch without punctuation (an adverb,
// a day, the addressee) stands between them: "spoke out Tuesday
// [about] the death …", "was accused [of] using …". A preposition the
// cue already holds ("asked him about") is cut from the content.
func (q *qdoc) prepositionIntoCue(r *record.Quote) {
	// Only a content the parse gave as the cue's argument: a phrase after
	// a cue found from the words ("said on CNN") is a setting.
	if !strings.HasPrefix(r.Content.Rule, "quote.dep.") {
		return
	}
	a := q.tokenAt(r.Content.Start)
	e := q.tokenEndingAt(r.Cue.End)
	if a < 0 || e < 0 || !cuePreps[q.tok(a)] || a+1 >= len(q.doc.Tokens) || q.sent[a] != q.sent[e] {
		return
	}
	if q.approximator(a) {
		return // "said about 300 people had joined": a number's hedge, not the cue's preposition
	}
	if q.doc.Tokens[a+1].Start >= r.Content.End {
		return // the preposition is the whole content: nothing would be left
	}
	if r.Content.Start < r.Cue.End {
		if a != e {
			return
		}
	} else {
		if a-e-1 > 2 {
			return
		}
		for k := e + 1; k < a; k++ {
			if q.pos(k) == "PUNCT" || q.isQuoteMark(k) {
				return
			}
		}
		r.Cue.End = q.doc.Tokens[a].End
		r.Cue.Text = q.doc.Text[r.Cue.Start:r.Cue.End]
	}
	r.Content.Start = q.doc.Tokens[a+1].Start
	r.Content.Text = q.doc.Text[r.Content.Start:r.Content.End]
}

// approxNext are the words after which an "about" hedges a quantity
// rather than opening a topic: "about a dozen", "about half", "about one
// in five".
var approxNext = setOf(`a an half one two three four five six seven eight nine ten eleven twelve
fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen dozens
hundreds thousands million millions billion twice double`)

// approximator reports whether token i is an "about" (or "around") that
// hedges the number after it ("about 300 people", "about a third of the
// vote", "about half"): an adverb of the quantity, never a cue's
// preposition. "about a" needs a quantity noun after it ("about a dozen",
// not "about a plan").
func (q *qdoc) approximator(i int) bool {
	if w := q.tok(i); w != "about" && w != "around" {
		return false
	}
	n := q.tok(i + 1)
	if n == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(n); unicode.IsDigit(r) || r == '$' || r == '€' || r == '£' || r == '¥' || r == '₹' {
		return true
	}
	if n == "a" || n == "an" {
		return aQuantity[q.tok(i+2)]
	}
	return approxNext[n] || q.pos(i+1) == "NUM"
}

// aQuantity are nouns that, after "a", make a quantity: "about a
// dozen", "about a third".
var aQuantity = setOf(`dozen score half third quarter fifth tenth hundred thousand million billion
handful fraction`)

// adjectiveCueStart extends a predicative adjective cue over its copula,
// auxiliaries and adverbs, and an impersonal "it" before them ("[were
// frustrated] that", "[has been critical of]", "[it was unclear]
// whether"): the adjective alone asserts nothing.
func (q *qdoc) adjectiveCueStart(c int, free func(int) bool) int {
	s := c
	cop := false
	for k := c - 1; k >= 0 && k >= c-4 && free(k); k-- {
		switch {
		case q.pos(k) == "AUX":
			cop = true
		case q.pos(k) == "ADV" || q.pos(k) == "PART" && (q.tok(k) == "not" || q.tok(k) == "n't"):
		default:
			k = -1
			continue
		}
		s = k
	}
	if !cop {
		return c
	}
	if k := s - 1; k >= 0 && free(k) && q.tok(k) == "it" {
		s = k
	}
	return s
}

// nounCueStart extends a nominal cue over the adjectives before it and
// an indefinite article ("[a tacit acknowledgment] that", "[growing
// concerns] that"); a possessive or definite article stays out ("Trump's
// [claim]", "the IMF's [estimate of]").
func (q *qdoc) nounCueStart(c int, free func(int) bool) int {
	s := c
	for k := c - 1; k >= 0 && k >= c-3 && free(k) && depBase(q.dep(k)) == "amod" && q.doc.Tokens[k].Head == c; k-- {
		s = k
	}
	if k := s - 1; k >= 0 && free(k) && (q.tok(k) == "a" || q.tok(k) == "an") && q.doc.Tokens[k].Head == c {
		s = k
	}
	return s
}

// cueLeft walks left from cue token c over auxiliaries, listed adverbs
// and -ly adverbs that free allows; ly says whether an -ly adverb was
// among them.
func (q *qdoc) cueLeft(c int, free func(int) bool) (s int, ly bool) {
	s = c
	for k := c - 1; k >= 0 && k >= c-3 && free(k); k-- {
		if q.cueAdverb(k) {
			ly = true
		} else if !cueModifiers[q.tok(k)] && q.pos(k) != "AUX" && q.tok(k) != "not" && q.tok(k) != "n't" {
			break
		}
		s = k
	}
	return s, ly
}

// infinitiveCue takes into a cue whose verb is an infinitive its "to"
// ("gathered Friday [to discuss] the crisis"), and when the infinitive
// completes a verb right before it that reports nothing itself, that
// verb too, with its auxiliaries ("[went on to explain] how …", "[had
// to reject] the offer", "[continue to ignore] the risk"): the source
// goes on, tries or has to say or think something, and the whole verb
// group is the cue as PolNeAR marks it. s is the cue's start so far.
func (q *qdoc) infinitiveCue(r *record.Quote, c, s int, free func(int) bool) int {
	v := -1
	for k := c; k < len(q.doc.Tokens) && q.doc.Tokens[k].Start < r.Cue.End; k++ {
		if q.pos(k) == "VERB" {
			v = k
			break
		}
	}
	if v < 0 || q.doc.Tokens[v].Tag != "VB" {
		return s
	}
	to := s - 1
	if to < 0 || q.tok(to) != "to" || q.pos(to) != "PART" || !free(to) {
		return s
	}
	s = to
	m := to - 1
	if m >= 1 && q.doc.Tokens[m].Head == m-1 && (depBase(q.dep(m)) == "compound" || q.tok(m) == "on") {
		m-- // "went on to"
	}
	// The parser hangs the infinitive as a complement or, as often, as
	// an adverbial clause; right after the verb it completes it.
	// "was able to tout": the adjective heads the infinitive like a verb.
	able := q.tok(m) == "able" || q.tok(m) == "unable"
	if d := depBase(q.dep(v)); m < 0 || !free(m) || q.pos(m) != "VERB" && !able || q.doc.Tokens[v].Head != m || d != "xcomp" && d != "advcl" {
		return s
	}
	// A verb that reports itself keeps the infinitive as its content;
	// a raising verb ("seemed to think") does not.
	if class, cue := attributionCues[q.lemma(m)]; cue && class != cueSeem {
		return s
	}
	k, _ := q.cueLeft(m, free)
	return k
}

func inEvidence(off int, e *record.Evidence) bool {
	return e.Start <= off && off < e.End
}

func (q *qdoc) ev(start, end int, rule string) record.Evidence {
	t := q.doc.Tokens
	// A span past the last token (an empty content at the end of the
	// text) is clamped rather than read out of range.
	start = min(max(start, 0), len(t)-1)
	if end <= start {
		end = start + 1
	}
	end = min(end, len(t))
	e := record.Evidence{ArticleID: q.id, Start: t[start].Start, End: t[end-1].End,
		Sentence: q.sent[start], Rule: rule}
	e.Text = q.doc.Text[e.Start:e.End]
	return e
}

func (q *qdoc) evp(start, end int, rule string) *record.Evidence {
	e := q.ev(start, end, rule)
	return &e
}

// Quotes finds the quotations of doc: direct, indirect and partial, each
// with its content, cue and speaker mention. articleID fills Evidence.
// Quotes come out in text order.
func Quotes(doc *nlp.Doc, articleID string) []record.Quote {
	if doc == nil || len(doc.Tokens) == 0 {
		return nil
	}
	q := newQdoc(doc, articleID)
	spans := q.pairQuotes()
	var out []*record.Quote
	out = append(out, q.directQuotes(spans)...)
	out = append(out, q.indirectQuotes(spans)...)
	out = append(out, q.partialQuotes(spans, out)...)
	q.refineWithParse(out)
	out = append(out, q.colonQuotes(out)...)
	out = append(out, q.colonLeads(out)...)
	out = append(out, q.headlineQuotes(out)...)
	out = append(out, q.depQuotes(spans, out)...)
	out = append(out, q.askedLeads(out)...)
	out = append(out, q.hearsayQuotes(out)...)
	out = append(out, q.followingQuotes(spans, out)...)
	q.splitNested(out)
	q.cutTails(out)
	q.cutBeforeMainClause(out)
	q.cutAppositiveTails(out)
	out = q.cutDashGloss(out)
	q.cutAsDidTails(out)
	q.cutMediumTails(out)
	q.cutSecondPredicate(out)
	q.completeThatClauses(out)
	q.extendForInfinitive(out)
	q.extendSecondThat(out)
	q.extendPluralPossessive(out)
	q.extendNounList(out)
	q.extendQuotedLists(out, spans)
	q.closeOpenedQuotations(out, spans)
	q.wholeNamesInContent(out)
	out = dropNested(out)
	out = dropRepeats(out)
	q.relativeSpeakers(out)
	out = dropAnonymityFormulas(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content.Start < out[j].Content.Start })
	q.wholeNames(out)
	q.resolveSpeakers(out)
	q.widenCues(out)
	res := make([]record.Quote, len(out))
	for i, r := range out {
		r.ID = quoteID(articleID, r)
		res[i] = *r
	}
	return res
}

// relativeSpeakers names the antecedent as the speaker of a quote whose
// speaker mention is "which" after a comma: in "the latest proposal, which
// calls for a truce", the proposal calls for it, and "which" names nothing
// a reader (or the claims it backs) can use. The mention stays "which", as
// attribution corpora mark it; "who" is left to the entity stage, which
// links it to the person before the comma.
func (q *qdoc) relativeSpeakers(qs []*record.Quote) {
	for _, r := range qs {
		if r.Speaker == nil || !strings.EqualFold(r.Speaker.Text, "which") {
			continue
		}
		i := q.tokenAt(r.Speaker.Start)
		if i < 2 || q.tok(i-1) != "," {
			continue
		}
		if a := q.npLeft(i-2, q.sentStartTok(i)); a >= 0 && a <= i-2 {
			r.SpeakerName = q.doc.SpanText(a, i-1)
		}
	}
}

// dropRepeats keeps one attribution per content span: "Hamas said in a
// statement that …" is one report, whose cue the surface rules found
// ("said") before the parse-based ones read "statement" as a second cue
// of the same clause. The first found is kept.
func dropRepeats(qs []*record.Quote) []*record.Quote {
	type span struct{ s, e int }
	seen := map[span]bool{}
	out := qs[:0:0]
	for _, r := range qs {
		k := span{r.Content.Start, r.Content.End}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// dropNested removes attributions whose cue lies inside the content of
// another one: "X said Y believes Z" is X's claim about Y's belief, and
// news attribution corpora (PolNeAR among them) attribute only the outer
// relation. When two quotes each hold the other's cue, the longer
// content wins.
func dropNested(qs []*record.Quote) []*record.Quote {
	inside := func(c *record.Evidence, r *record.Quote) bool {
		return c != nil && r.Content.Start <= c.Start && c.End <= r.Content.End
	}
	out := qs[:0:0]
	for i, r := range qs {
		nested := false
		for j, o := range qs {
			if i == j || !inside(r.Cue, o) {
				continue
			}
			if inside(o.Cue, r) && r.Content.End-r.Content.Start > o.Content.End-o.Content.Start {
				continue
			}
			nested = true
			break
		}
		if !nested {
			out = append(out, r)
		}
	}
	return out
}

func quoteID(articleID string, r *record.Quote) string {
	h := sha1.Sum([]byte(fmt.Sprintf("%s|quote|%d|%d|%s", articleID, r.Content.Start, r.Content.End, r.Kind)))
	return "q_" + hex.EncodeToString(h[:8])
}

// pairQuotes pairs quotation marks paragraph by paragraph. A quote left
// open at the end of a paragraph closes there (closed=false); the next
// paragraph opening with a quote mark continues it.
func (q *qdoc) pairQuotes() []qspan {
	var spans []qspan
	open := -1
	n := len(q.doc.Tokens)
	for i := 0; i < n; i++ {
		if open >= 0 && q.para[i] != q.para[open] {
			spans = append(spans, qspan{open: open, close: i - 1})
			open = -1
		}
		if !q.isQuoteMark(i) {
			continue
		}
		if q.isOpenQuote(i) && !(open >= 0 && q.closesLoose(i)) {
			if open >= 0 && i-open > 1 {
				// `"… “…” …"`: a quotation in the other style of
				// marks inside a straight-quoted one is nested in it
				// when the straight quotation closes after it.
				if j := q.nestedCurly(open, i); j > i {
					i = j
					continue
				}
				// Unbalanced: treat the earlier mark as stray.
				open = i
				continue
			}
			open = i
		} else if open >= 0 {
			if i-open > 1 {
				spans = append(spans, qspan{open: open, close: i, closed: true})
			}
			open = -1
		}
	}
	if open >= 0 && n-1 > open {
		spans = append(spans, qspan{open: open, close: n - 1})
	}
	for si := range spans {
		for k := spans[si].open; k <= spans[si].close; k++ {
			q.inQ[k] = si
		}
	}
	return spans
}

// nestedCurly returns the closing curly mark of a curly quotation opened
// at i inside the straight quotation opened at open, when a straight mark
// closes that quotation after it in the same paragraph; else -1.
func (q *qdoc) nestedCurly(open, i int) int {
	if q.tok(open) != `"` || q.tok(i) != "“" {
		return -1
	}
	j := i + 1
	for j < len(q.doc.Tokens) && q.para[j] == q.para[i] && q.tok(j) != "”" {
		if q.isQuoteMark(j) {
			return -1
		}
		j++
	}
	if j >= len(q.doc.Tokens) || q.para[j] != q.para[i] {
		return -1
	}
	for k := j + 1; k < len(q.doc.Tokens) && q.para[k] == q.para[i]; k++ {
		if q.isQuoteMark(k) {
			if q.tok(k) == `"` && !q.isOpenQuote(k) {
				return j
			}
			return -1
		}
	}
	return -1
}

// startsClause reports whether the quote starting at open begins a
// sentence-like content: it opens the paragraph or sentence, follows a
// colon or comma, or its first word is capitalised.
func (q *qdoc) startsClause(s qspan) bool {
	o := s.open
	if o == 0 || q.para[o-1] != q.para[o] {
		return true
	}
	prev := q.tok(o - 1)
	if isSentPunct(prev) || prev == ":" || prev == "," || prev == "—" || prev == "–" {
		return true
	}
	// A capitalised quotation after a preposition or a possessive is a
	// title ("appeared on “Meet the Press,”", "CBS's “Face the Nation”").
	if q.pos(o-1) == "ADP" || prev == "'s" || prev == "’s" {
		return false
	}
	return q.isCap(o + 1)
}

// endsClause reports whether the quote ends like a sentence or a clause
// set off for attribution: `...,”`, `...”,`, `...?”`.
func (q *qdoc) endsClause(s qspan) bool {
	if !s.closed {
		return true
	}
	in := q.tok(s.close - 1)
	// A nested quotation closing with the outer one: `... 'term,' ”`.
	if (in == "'" || in == "’") && s.close-2 > s.open {
		in = q.tok(s.close - 2)
	}
	if isSentPunct(in) || in == "," || in == "—" || in == "…" || in == "..." {
		return true
	}
	nx := q.tok(s.close + 1)
	return nx == "," || isSentPunct(nx) || s.close+1 >= len(q.lower) || q.para[s.close+1] != q.para[s.close]
}

// directQuotes attributes each clause-like quotation.
func (q *qdoc) directQuotes(spans []qspan) []*record.Quote {
	var out []*record.Quote
	var prev *record.Quote // previous attributed direct quote
	prevPara, prevEnd := -1, -1
	for si := range spans {
		s := &spans[si]
		if !q.startsClause(*s) || !q.endsClause(*s) {
			continue
		}
		s.direct = true
		content := q.ev(s.open, s.close+1, "")
		r := &record.Quote{Kind: record.QuoteDirect, Content: content}
		var fallback *record.Evidence
		if prev != nil && prevPara == q.para[s.open] {
			fallback = prev.Speaker
		}
		ok := q.attributeAfter(*s, r) || q.attributeBefore(*s, r, fallback)
		if !ok && prev != nil && q.continues(*s, prevPara, prevEnd, spans, si) {
			r.Cue, r.Speaker, r.Via = prev.Cue, prev.Speaker, prev.Via
			r.SpeakerName = prev.SpeakerName
			r.Content.Rule = "quote.direct.continued"
			ok = true
			// "“A,” X said, suggesting a few questions, including, “B”":
			// a participle cue between the attribution and the next
			// quotation introduces it; its content runs from the cue's
			// words to the closing mark.
			// A full stop before the quotation ends the participle's
			// words; the quotation then carries on the attribution.
			if cs, ce := q.participleBetween(prevEnd+1, s.open); ce > 0 && q.para[cs] == q.para[s.open] && !q.sentPunctIn(ce, s.open) {
				r.Content = q.ev(ce, s.close+1, "quote.direct.participle-continued")
				r.Cue = q.evp(cs, ce, "cue.verb."+q.lemma(ce-1))
			}
		}
		if !ok {
			s.direct = q.para[s.open] == q.para[s.close] && q.isWholeSentence(*s)
			continue
		}
		r.Content.Sentence = q.sent[s.open]
		s.quote = r
		out = append(out, r)
		prev, prevPara, prevEnd = r, q.para[s.close], s.close
	}
	// A quotation over several paragraphs is often attributed only in a
	// later one: each paragraph but the last opens with a quote mark and
	// is left unclosed, and the attribution follows the paragraph that
	// closes it (`“We made a promise. ¶ “We will keep it,” Ruto said.`).
	// The earlier paragraphs take the later one's speaker.
	for si := len(spans) - 2; si >= 0; si-- {
		s, nx := &spans[si], spans[si+1]
		if s.quote != nil || s.closed || nx.quote == nil || nx.quote.Speaker == nil {
			continue
		}
		if o := s.open; o > 0 && q.para[o-1] == q.para[o] {
			continue // not opening its paragraph
		}
		if p := q.para[nx.open]; p != q.para[s.close]+1 || q.para[nx.open-1] == p {
			continue // the next quote must open the next paragraph
		}
		if q.tok(s.open) != q.tok(nx.open) {
			continue // one quotation keeps its marks (“ and “, " and ")
		}
		r := &record.Quote{Kind: record.QuoteDirect, Content: q.ev(s.open, s.close+1, "quote.direct.continued-before")}
		r.Cue, r.Speaker, r.Via, r.SpeakerName = nx.quote.Cue, nx.quote.Speaker, nx.quote.Via, nx.quote.SpeakerName
		r.Content.Sentence = q.sent[s.open]
		s.quote, s.direct = r, true
		out = append(out, r)
	}
	return out
}

// sentPunctIn reports whether a full stop, question or exclamation mark
// lies in tokens [a, b).
func (q *qdoc) sentPunctIn(a, b int) bool {
	for k := a; k < b; k++ {
		if isSentPunct(q.tok(k)) {
			return true
		}
	}
	return false
}

// participleBetween finds, in tokens [a, b) between an attribution and
// the quotation after it, a participle cue after a comma: "…, suggesting
// …", "…, going on to contrast …". It returns the cue's span, or ce < 0.
func (q *qdoc) participleBetween(a, b int) (cs, ce int) {
	for k := a + 1; k < b; k++ {
		if q.tok(k-1) != "," || q.inQ[k] >= 0 {
			continue
		}
		if q.participleCue(k) {
			return k, k + 1
		}
		// "going on to say", "going on to contrast"
		if q.tok(k) == "going" && k+3 < b && q.tok(k+1) == "on" && q.tok(k+2) == "to" {
			if _, cue := attributionCues[q.lemma(k+3)]; cue {
				return k, k + 4
			}
		}
	}
	return -1, -1
}

// isWholeSentence reports whether an unattributed quote makes up its own
// sentence(s); such quotes are not searched for indirect speech.
func (q *qdoc) isWholeSentence(s qspan) bool {
	o := s.open
	return (o == 0 || isSentPunct(q.tok(o-1)) || q.para[o-1] != q.para[o]) && q.endsClause(s)
}

// continues reports whether the quote s carries on the previous attributed
// quote: same paragraph with only the attribution in between, or the first
// quote of the next paragraph when the previous one ran on unclosed or
// ended its paragraph.
func (q *qdoc) continues(s qspan, prevPara, prevEnd int, spans []qspan, si int) bool {
	if prevEnd < 0 {
		return false
	}
	p := q.para[s.open]
	if p == prevPara {
		// Only attribution tokens and punctuation between them; a short
		// quoted title in the attribution ("on Fox News's “Fox and
		// Friends.”") is part of it.
		for k := prevEnd + 1; k < s.open; k++ {
			if si := q.inQ[k]; si >= 0 && (spans[si].direct || spans[si].close-spans[si].open > 8 || !q.isCap(spans[si].open+1)) {
				return false
			}
		}
		return s.open-prevEnd <= 40
	}
	if p != prevPara+1 || (s.open > 0 && q.para[s.open-1] == p) {
		return false
	}
	// The previous paragraph's last quote must be the attributed one.
	if si > 0 && spans[si-1].close != prevEnd {
		return false
	}
	return true
}

// attributeAfter looks for `"...," X said`, `"...," said X` and
// `"...," X, a Y, said` right after the closing mark.
func (q *qdoc) attributeAfter(s qspan, r *record.Quote) bool {
	if !s.closed {
		return false
	}
	i := s.close + 1
	n := len(q.lower)
	// `"..." ― Jane Doe`: a dash and a name closing the paragraph, the
	// way vox-pop quotes are signed.
	if d := q.tok(i); i+1 < n && (d == "―" || d == "—" || d == "–" || d == "--") && q.para[i+1] == q.para[s.close] && q.isCap(i+1) {
		if end := q.npRight(i+1, n); end > 0 && (end == n || q.para[end] != q.para[i] || q.tok(end) == "," ||
			isSentPunct(q.tok(end)) && (end+1 == n || q.para[end+1] != q.para[i])) {
			r.Cue = q.evp(i, i+1, "cue.dash")
			r.Speaker = q.evp(i+1, end, "speaker.after-dash")
			r.Content.Rule = "quote.direct.dash-speaker"
			q.markUsed(i, end)
			return true
		}
	}
	if i < n && (q.tok(i) == "," || q.tok(i) == "—") {
		i++
	}
	if i >= n || q.para[i] != q.para[s.close] {
		return false
	}
	// A speaker with a long appositive ("Jane Roe, director of ... and
	// a professor at ..., said") may put the cue well after the quote.
	// The name may carry a title and a party and state ("Rep. Jane Doe
	// (D-Ore.), a member of ...").
	reach := 14
	k := i
	for k < n && k < i+8 && (q.isCap(k) || k > i && (q.tok(k) == "(" || q.tok(k) == ")" || q.tok(k) == "-")) {
		k++
	}
	if k > i && q.tok(k) == "," {
		reach = 40
	}
	for c := i; c < n && c < i+reach; c++ {
		w := q.tok(c)
		if isSentPunct(w) || q.isQuoteMark(c) || q.para[c] != q.para[i] {
			return false
		}
		lemma, strong := q.cueAt(c)
		if lemma == "" || !strong {
			continue
		}
		cs := q.cueStart(c, i)
		if cs == i {
			// "..., said X" / "..., said spokesman X"
			end := q.npRight(c+1, n)
			if end < 0 {
				return false
			}
			r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
			r.Speaker = q.evp(c+1, end, "speaker.after-cue")
			r.Content.Rule = "quote.direct.said-speaker"
			q.markUsed(cs, end)
			return true
		}
		// Speaker between the quote and the cue; allow one appositive.
		last := cs - 1
		if q.tok(last) == "," {
			last--
		}
		first := q.speakerBefore(i, last)
		if first < 0 {
			return false
		}
		r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
		r.Speaker = q.evp(first, last+1, "speaker.before-cue")
		r.Content.Rule = "quote.direct.speaker-said"
		q.markUsed(first, c+1)
		return true
	}
	return false
}

// cueBeforeSetting returns the strong speech cue before a setting
// phrase that ends at token p, the token before a quotation's comma:
// "saying during the debate last week", "said on Monday night". It
// returns -1 when there is none.
func (q *qdoc) cueBeforeSetting(p int) int {
	for c := p - 1; c >= 0 && c > p-8; c-- {
		if isSentPunct(q.tok(c)) || q.inQ[c] >= 0 || q.para[c] != q.para[p] || q.tok(c) == "," {
			return -1
		}
		if lemma, strong := q.cueAt(c); lemma != "" {
			if strong && q.tailIsAdverbial(c+1, p+1) {
				return c
			}
			return -1
		}
	}
	return -1
}

// speakerBefore checks that tokens [i, last] form a speaker noun phrase,
// possibly with one appositive ("Flynn, a top Trump surrogate"). It
// returns the first token (i) or -1.
func (q *qdoc) speakerBefore(i, last int) int {
	if last < i || last-i > 45 {
		return -1
	}
	if s := q.npLeft(last, i); s == i {
		return i
	}
	// Appositive: NP1 "," rest, where rest is descriptive and NP1 a name.
	for k := i + 1; k <= last; k++ {
		if q.tok(k) == "," {
			// "Rep. Jane Doe (D-Ore.), a panel member": a name may end
			// in its party and state.
			if q.npLeft(k-1, i) == i && (q.isCap(k-1) || q.tok(k-1) == ")") {
				return i
			}
			// "the education minister, Rana Sikandar,": a description,
			// then the name.
			if q.npLeft(k-1, i) == i && q.allCapName(k+1, last+1) {
				return i
			}
			return -1
		}
	}
	return -1
}

// allCapName reports whether tokens [a, b) are two to four capitalised
// words: a person's name.
func (q *qdoc) allCapName(a, b int) bool {
	if b-a < 2 || b-a > 4 {
		return false
	}
	for k := a; k < b; k++ {
		if !q.isCap(k) || q.pos(k) != "" && q.pos(k) != "PROPN" {
			return false
		}
	}
	return true
}

// attributeBefore looks for `X said: "..."`, `X said, "..."` and
// `said X: "..."` before the opening mark.
//
// A participle cue (`..., adding: "..."`) takes the speaker of the
// previous quote of the paragraph, fallback, when there is one.
func (q *qdoc) attributeBefore(s qspan, r *record.Quote, fallback *record.Evidence) bool {
	o := s.open
	if o == 0 || q.para[o-1] != q.para[o] {
		return false
	}
	p := o - 1
	colon := false
	switch q.tok(p) {
	case ":":
		colon = true
		p--
	case ",":
		p--
	}
	reach := 1
	if colon {
		reach = 10
	} else if q.tok(o-1) == "," {
		if c := q.cueBeforeSetting(p); c >= 0 {
			// "Y saying during the debate last week, “…”": a setting
			// between the cue and the comma.
			p = c
		}
	}
	for c := p; c >= 0 && c > p-reach-1; c-- {
		w := q.tok(c)
		if isSentPunct(w) || q.inQ[c] >= 0 || q.para[c] != q.para[o] {
			return false
		}
		lemma, strong := q.cueAt(c)
		if lemma == "" && q.tok(c-1) == "," && strings.HasSuffix(w, "ing") && q.pos(c) == "NOUN" {
			// ", tweeting, “...”": a participle between commas that the
			// tagger took for a noun.
			lemma, strong = speechVerbs[w], speechVerbs[w] != ""
		}
		if lemma == "" || !strong && !colon {
			if c < p && !colon {
				return false
			}
			// Speaker after cue: `said Peskov: "..."`.
			continue
		}
		lo := q.sentStartTok(c)
		cs := q.cueStart(c, lo)
		first := q.npLeft(cs-1, lo)
		if first >= 0 && cs == c && q.doc.Tokens[c].Tag == "VBG" && cs-1 >= lo && q.isHead(cs-1) {
			// "footage of Y saying …": the participle's doer is the
			// noun right before it, without what it hangs on.
			first = q.walkNPLeft(cs-1, lo)
		}
		if first >= 0 {
			r.Cue = q.evp(cs, q.cueTail(c), "cue.verb."+lemma)
			r.Speaker = q.evp(first, cs, "speaker.before-cue")
			r.Content.Rule = "quote.direct.speaker-said-colon"
			q.markUsed(first, c+1)
			return true
		}
		if end := q.npRight(c+1, p+1); end > 0 {
			r.Cue = q.evp(cs, q.cueTail(c), "cue.verb."+lemma)
			r.Speaker = q.evp(c+1, end, "speaker.after-cue")
			r.Content.Rule = "quote.direct.said-speaker-colon"
			q.markUsed(cs, end)
			return true
		}
		// "Clinton, at a later press gaggle, said, “...": an appositive
		// or a phrase set off by commas between speaker and cue.
		if cs > lo+2 && q.tok(cs-1) == "," {
			if first := q.appositiveSubject(lo, cs-1); first >= 0 {
				end := cs - 1
				for k := first + 1; k < cs-1; k++ {
					if q.tok(k) == "," && q.pos(k+1) == "ADP" {
						end = k // the setting is no part of the speaker
						break
					}
				}
				r.Cue = q.evp(cs, q.cueTail(c), "cue.verb."+lemma)
				r.Speaker = q.evp(first, end, "speaker.before-cue")
				r.Content.Rule = "quote.direct.speaker-said-colon"
				q.markUsed(first, c+1)
				return true
			}
		}
		// The parse finds the subject the surface patterns cannot reach.
		if t := q.parseTree(); t != nil {
			if src := t.subjectOf(q, c); src >= 0 && src < cs && q.plausibleSource(src, cueSpeech) {
				if sa, sb := q.sourceSpan(t, src, c); sb > sa && sb <= cs {
					r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
					r.Speaker = q.evp(sa, sb, "speaker.dep-subject")
					r.Content.Rule = "quote.direct.subject-said"
					q.markUsed(cs, c+1)
					return true
				}
			}
		}
		if fallback != nil && strings.HasSuffix(q.tok(c), "ing") && cs > 0 && q.tok(cs-1) == "," {
			r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
			sp := *fallback
			r.Speaker = &sp
			r.Content.Rule = "quote.direct.participle"
			q.markUsed(cs, c+1)
			return true
		}
		// "Dean poked at the rival, tweeting, “...”": a participle cue
		// takes the subject that opens the sentence.
		if strings.HasSuffix(q.tok(c), "ing") && cs > lo+1 && q.tok(cs-1) == "," {
			if e := q.subjectNP(lo, cs); e > lo && e < cs {
				r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
				r.Speaker = q.evp(lo, e, "speaker.sentence-subject")
				r.Content.Rule = "quote.direct.participle"
				q.markUsed(cs, c+1)
				return true
			}
		}
		return false
	}
	return false
}

func (q *qdoc) markUsed(a, b int) {
	for k := a; k < b && k < len(q.used); k++ {
		q.used[k] = true
	}
}

// sentStartTok returns the first token of the sentence holding token i,
// bounded by the paragraph and by sentence punctuation when the Doc has
// no sentences.
func (q *qdoc) sentStartTok(i int) int {
	if si := q.sent[i]; si >= 0 {
		s := q.doc.Sents[si].Start
		for k := i; k > s; k-- {
			if q.para[k-1] != q.para[i] {
				return k
			}
		}
		return s
	}
	k := i
	for k > 0 && q.para[k-1] == q.para[i] && !isSentPunct(q.tok(k-1)) {
		k--
	}
	return k
}

// sentEndTok returns one past the last token of the sentence holding i.
func (q *qdoc) sentEndTok(i int) int {
	n := len(q.lower)
	if si := q.sent[i]; si >= 0 {
		e := q.doc.Sents[si].End
		for k := i + 1; k < e; k++ {
			if q.para[k] != q.para[i] {
				return k
			}
		}
		return e
	}
	k := i
	for k < n && q.para[k] == q.para[i] && !isSentPunct(q.tok(k)) {
		k++
	}
	if k < n && isSentPunct(q.tok(k)) {
		k++
	}
	return k
}

// sentences lists token ranges [start, end) of the sentences, split at
// paragraph breaks too.
func (q *qdoc) sentences() [][2]int {
	var out [][2]int
	n := len(q.lower)
	for i := 0; i < n; {
		e := q.sentEndTok(i)
		if e <= i {
			e = i + 1
		}
		out = append(out, [2]int{i, e})
		i = e
	}
	return out
}

// trimContent drops trailing sentence punctuation and leading commas from
// a content range.
func (q *qdoc) trimContent(a, b int) (int, int) {
	for b > a && (isSentPunct(q.tok(b-1)) || q.tok(b-1) == "," || q.tok(b-1) == ":" || q.tok(b-1) == ";") {
		b--
	}
	for a < b && (q.tok(a) == "," || q.tok(a) == "—") {
		a++
	}
	return a, b
}

// timeWords may follow a cue before its content ("said Friday that").
var timeWords = setOf(`monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight morning afternoon evening night week month year earlier later recently again also
last this on`)

// timeUnits measure a span of time: "two days after", "a week before".
var timeUnits = setOf(`minute minutes hour hours day days week weeks month months year years decade decades`)

// clauseStarters open a content clause that has no "that".
func (q *qdoc) startsContentClause(i int) bool {
	w := q.tok(i)
	if w == "" || punctOnly(w) && !q.isQuoteMark(i) {
		return false
	}
	if q.isQuoteMark(i) {
		return true
	}
	if p := q.pos(i); p != "" {
		switch p {
		case "PRON", "DET", "PROPN", "NOUN", "NUM", "ADJ":
			return w != "it" || q.pos(i+1) == "VERB" || q.pos(i+1) == "AUX"
		case "ADV", "CCONJ":
			// "said neither the party nor ...", "says nearly half of
			// voters ...": a correlative or a quantity opens the clause.
			switch w {
			case "there", "neither", "either", "both", "nearly", "almost", "only", "just", "roughly":
				return true
			}
		}
		return false
	}
	if functionWords[w] && w != "there" && w != "this" && w != "these" && w != "those" && w != "no" {
		return false
	}
	return true
}

// skipAdverbials moves past time words and short prepositional phrases
// after a cue ("said on Friday in a statement"), returning the index of
// the first token after them and whether a "that" follows there.
func (q *qdoc) skipAdverbials(i, end int) (int, bool) {
	for k := i; k < end && k < i+12; k++ {
		w := q.tok(k)
		if w == "that" {
			// "said in a report last month that ...": after a time
			// word the tagger often reads the complementiser as a
			// relative pronoun; no month or week is what was said.
			afterTime := k > i && timeWords[q.tok(k-1)] && q.pos(k+1) != "VERB" && q.pos(k+1) != "AUX"
			if q.relativeThat(k) && !afterTime {
				break
			}
			return k, true
		}
		if isSentPunct(w) || q.isQuoteMark(k) {
			return i, false
		}
		// "a move that his party called a coup … and that set off
		// protests": a "that" after a conjunction starts another
		// clause of the sentence, not the cue's complement.
		if w == "and" || w == "or" || w == "but" {
			break
		}
		// A verb on the way means the cue already has its clause ("says
		// he has fought for policies that matter"): a later "that"
		// belongs to it.
		if p := q.pos(k); p == "VERB" || p == "AUX" {
			break
		}
	}
	k := i
	for k < end && timeWords[q.tok(k)] {
		k++
	}
	return k, false
}

// relativeThat reports whether the "that" at k opens a relative clause
// ("the land that had been ravaged") rather than a content clause: the
// tagger says so, or a verb follows at once.
func (q *qdoc) relativeThat(k int) bool {
	switch q.doc.Tokens[k].Tag {
	case "WDT":
		return true
	case "IN":
		return false // the tagger's complementiser
	}
	p := q.pos(k + 1)
	return p == "VERB" || p == "AUX"
}

// indirectQuotes finds reported speech sentence by sentence.
func (q *qdoc) indirectQuotes(spans []qspan) []*record.Quote {
	var out []*record.Quote
	for _, sr := range q.sentences() {
		a, b := sr[0], sr[1]
		// Skip sentences that are one attributed or unattributed direct quote.
		if q.coveredByDirect(a, b, spans) {
			continue
		}
		via := (*record.Evidence)(nil)
		start := a
		// "Citing X, ..." gives the nested source.
		if q.tok(a) == "citing" {
			for k := a + 1; k < b; k++ {
				if q.tok(k) == "," {
					if k-a > 1 {
						via = q.evp(a+1, k, "quote.via.citing")
						start = k + 1
					}
					break
				}
			}
		}
		out = append(out, q.indirectIn(start, b, spans, via)...)
	}
	return out
}

// coveredByDirect reports whether most tokens of [a, b) belong to direct
// quotes (whose attribution is handled elsewhere).
func (q *qdoc) coveredByDirect(a, b int, spans []qspan) bool {
	in := 0
	for k := a; k < b; k++ {
		if si := q.inQ[k]; si >= 0 && spans[si].direct {
			in++
		}
	}
	return in*2 > b-a
}

func (q *qdoc) insideDirect(k int, spans []qspan) bool {
	si := q.inQ[k]
	return si >= 0 && spans[si].direct
}

// indirectIn applies the indirect-speech patterns to the sentence [a, b).
func (q *qdoc) indirectIn(a, b int, spans []qspan, via *record.Evidence) []*record.Quote {
	var out []*record.Quote
	// according to X
	for k := a; k+1 < b; k++ {
		if q.tok(k) != "according" || q.tok(k+1) != "to" || q.insideDirect(k, spans) {
			continue
		}
		end := q.npRight(k+2, b)
		if end < 0 && k > a {
			// "..., according to show insiders.", "according to the
			// conservative-leaning Tax Foundation, ...": a source the
			// noun-phrase reader cannot parse still runs to the next
			// comma or the full stop when it is short.
			j := k + 2
			for j < b && j < k+14 && q.tok(j) != "," && q.tok(j) != ";" && !isSentPunct(q.tok(j)) && !q.isQuoteMark(j) {
				j++
			}
			if j > k+2 && (j == b || q.tok(j) == "," || isSentPunct(q.tok(j))) {
				end = j
			}
		}
		// "which classifies him as overweight according to his body
		// mass index": after a content, "according to" with no comma or
		// dash before it says by what measure, not who said so.
		if k > a+1 && !(q.tok(k-1) == "," || q.dashAt(k-1) || q.isQuoteMark(k-1)) {
			continue
		}
		if k == a || k == a+1 && q.isQuoteMark(a) {
			// "According to NP, CONTENT": the comma ends the source,
			// however the noun phrase runs ("exit polls", "a complaint
			// filed by ...").
			if j := q.commaAfter(k+2, b, 30); j > k+2 && j > end {
				end = j
			}
		}
		if end < 0 {
			continue
		}
		r := &record.Quote{Kind: record.QuoteIndirect, Via: via}
		r.Cue = q.evp(k, k+2, "cue.according-to")
		r.Speaker = q.evp(k+2, end, "speaker.after-cue")
		var cs, ce int
		rule := "quote.indirect.content-according-to"
		if k > a && q.tok(k-1) == "," || k > a {
			cs, ce = q.trimContent(a, k)
			// "… about why the other side must be wrong - which it often
			// is, according to Scott": a relative clause set off right
			// before the source is what the source says.
			for j := ce - 1; j > cs; j-- {
				if q.inQ[j] >= 0 {
					continue
				}
				if q.tok(j) == "," || q.tok(j) == ";" || q.dashAt(j) {
					if j+1 < ce && q.tok(j+1) == "which" {
						cs = j + 1
					}
					break
				}
			}
		} else {
			rule = "quote.indirect.according-to-content"
			// "According to X, CONTENT."
			j := end
			for j < b && q.tok(j) != "," {
				j++
			}
			// "According to X, who spoke on condition of anonymity,
			// CONTENT": a relative clause on the source is set off by
			// commas of its own and is no content.
			if j+1 < b && (q.tok(j+1) == "who" || q.tok(j+1) == "which") {
				if k2 := q.commaAfter(j+1, b, 20); k2 > j+1 {
					j = k2
				}
			}
			cs, ce = q.trimContent(j, b)
			// "According to X, “... . ...”": a quotation the content
			// opens runs on to its closing mark, past the full stop.
			if cs < ce && q.isQuoteMark(cs) && q.inQ[cs] >= 0 {
				if cl := q.quoteClose(cs); cl >= ce {
					ce = cl + 1
				}
			}
		}
		if ce-cs >= 3 {
			r.Content = q.ev(cs, ce, rule)
			q.markUsed(k, end)
			out = append(out, r)
		}
	}
	if r := q.inSourceAt(a, b, spans); r != nil {
		r.Via = via
		out = append(out, r)
	}
	for c := a; c < b; c++ {
		if q.used[c] || q.insideDirect(c, spans) || q.inQ[c] >= 0 {
			continue
		}
		if r := q.objectCueAt(c, a, b); r != nil {
			r.Via = via
			out = append(out, r)
			continue
		}
		lemma, strong := q.cueAt(c)
		if lemma == "" {
			continue
		}
		if r := q.indirectAt(c, lemma, strong, a, b); r != nil {
			r.Via = via
			if via != nil {
				r.Content.Rule += "+via"
			}
			out = append(out, r)
			for _, p := range q.pending {
				p.Via = via
				out = append(out, p)
			}
			q.pending = q.pending[:0]
		}
	}
	return out
}

// commaAfter returns the first comma in [i, b) no further than limit
// tokens from i, or -1.
func (q *qdoc) commaAfter(i, b, limit int) int {
	for j := i; j < b && j < i+limit; j++ {
		if q.tok(j) == "," {
			return j
		}
	}
	return -1
}

// findingNouns name sources whose findings or views a sentence reports
// after "In ...,": "In the latest poll, Clinton leads by 3 points", "In
// his view, the deal is dead".
var findingNouns = setOf(`poll polls survey surveys study studies report reports analysis
analyses estimate estimates projection projections forecast forecasts model data findings
view views opinion opinions eyes mind estimation assessment judgment judgement`)

// inSourceAt recognises a sentence opened by "In SOURCE, CONTENT" where
// the source is a poll, study or someone's view. A content that carries
// its own reporting verb ("In a statement, the army said ...") is left
// to that verb.
func (q *qdoc) inSourceAt(a, b int, spans []qspan) *record.Quote {
	if q.tok(a) != "in" || q.insideDirect(a, spans) {
		return nil
	}
	j := q.commaAfter(a+1, b, 25)
	if j < a+2 {
		return nil
	}
	found := false
	for k := a + 1; k < j; k++ {
		if findingNouns[q.tok(k)] {
			found = true
		}
	}
	if !found {
		return nil
	}
	cs, ce := q.trimContent(j+1, b)
	if ce-cs < 3 {
		return nil
	}
	for k := cs; k < ce; k++ {
		if speechVerbs[q.tok(k)] != "" && (q.pos(k) == "VERB" || q.pos(k) == "") {
			return nil
		}
	}
	r := &record.Quote{Kind: record.QuoteIndirect}
	r.Cue = q.evp(a, a+1, "cue.in-source")
	r.Speaker = q.evp(a+1, j, "speaker.after-cue")
	r.Content = q.ev(cs, ce, "quote.indirect.in-source")
	q.markUsed(a, j)
	return r
}

// objectCues are stance verbs whose object is what the speaker asks for,
// wants or cites: "called for a moratorium", "urged Republicans to act",
// "wants to cut taxes". Each form maps to the particle it needs ("" for
// none).
var objectCues = map[string]string{
	"called": "for", "calls": "for", "call": "for", "calling": "for",
	"urged": "", "urges": "", "urging": "",
	"wants": "to", "want": "to", "wanted": "to",
	"cited": "", "cites": "",
	"demanded": "", "demands": "",
	"proposed": "", "proposes": "",
	"pledged": "to", "pledges": "to", "vowed": "to", "vows": "to", "promised": "to", "promises": "to",
}

// objectCueAt recognises "X called for CONTENT", "X called on CONTENT",
// "X urged CONTENT": the content is the rest of the sentence.
func (q *qdoc) objectCueAt(c, a, b int) *record.Quote {
	w := q.tok(c)
	part, ok := objectCues[w]
	if !ok || q.pos(c) != "" && q.pos(c) != "VERB" || q.isCap(c) && !q.isSentenceStart(c) {
		return nil
	}
	end := c + 1
	switch {
	case part == "for" && (q.tok(end) == "for" || q.tok(end) == "on"):
		end++
	case part == "for":
		return nil
	case part == "to" && q.tok(end) != "to":
		return nil
	}
	// "Residents were urged to leave": the subject is the one urged,
	// and no one is named as urging.
	for k := c - 1; k >= a && k >= c-2; k-- {
		if beForms[q.tok(k)] {
			return nil
		}
		if q.pos(k) != "ADV" {
			break
		}
	}
	cs := q.cueStart(c, a)
	subjEnd := q.skipTimeLeft(cs, a)
	if subjEnd <= a {
		return nil
	}
	subj := q.npLeft(subjEnd-1, a)
	if subj < 0 && q.tok(subjEnd-1) == "," {
		// "The UN mission in Congo, MONUSCO, urged …": a subject with
		// an appositive set off by commas.
		for k := subjEnd - 3; k > a && k >= subjEnd-12; k-- {
			if q.tok(k) != "," {
				continue
			}
			// "Clinton, at Monday's debate, cited …", "Trump, appearing
			// after her at the forum, cited …": a setting set off by
			// commas; the subject is before it.
			setting := q.pos(k+1) == "ADP" || q.doc.Tokens[k+1].Tag == "VBG"
			if s2 := q.npLeft(k-1, a); s2 >= 0 && q.isCap(k+1) && k >= subjEnd-8 {
				subj, subjEnd = s2, subjEnd-1
			} else if s2 >= 0 && setting {
				subj, subjEnd = s2, k
			}
			break
		}
	}
	if subj < 0 {
		return nil
	}
	from := end
	if part == "to" {
		from = c + 1 // the content keeps "to": "to cut taxes"
	}
	ca, cb := q.trimContent(from, b)
	if cb-ca < 2 {
		return nil
	}
	r := &record.Quote{Kind: record.QuoteIndirect}
	r.Content = q.ev(ca, cb, "quote.indirect.object")
	r.Cue = q.evp(cs, end, "cue.stance."+w)
	if part == "to" {
		r.Cue = q.evp(cs, c+1, "cue.stance."+w)
	}
	r.Speaker = q.evp(subj, subjEnd, "speaker.before-cue")
	q.markUsed(subj, end)
	return r
}

// addresseeCues take the one told before what is said: "told the crowd
// that …", "assured allies that …".
var addresseeCues = setOf(`tell tells told telling assure assures assured warn warns warned remind reminds
	reminded inform informs informed convince convinced persuade persuaded`)

// reporterClause are the words that open the writer's own clause after
// an attribution rather than the rest of what was said: "…, the army
// said, as talks stalled".
var reporterClause = setOf("as amid while after before when")

// callParticles make "call" a phrasal verb that reports nothing.
var callParticles = setOf("in off up out back")

// indirectAt tries the patterns "X said (that) CONTENT" and
// "CONTENT, X said" around the cue at token c of sentence [a, b).
func (q *qdoc) indirectAt(c int, lemma string, strong bool, a, b int) *record.Quote {
	// "firms accused of selling parts": a participle with no object
	// before "of" is passive, the noun before it the one accused, and the
	// accuser unnamed.
	if q.tok(c) == "accused" && c+1 < b && (q.tok(c+1) == "of" || q.tok(c+1) == "by") {
		// "a businessman accused by prosecutors of laundering": the
		// same passive, with its accuser named after "by".
		return nil
	}
	// "the governor called in the army", "called off the strike": a
	// phrasal verb of summoning or cancelling, not a speech verb.
	if lemma == "call" && c+1 < b && callParticles[q.tok(c+1)] {
		return nil
	}
	cs := q.cueStart(c, a)
	if q.passiveCue(cs, c) {
		// "who was declared the winner": the subject of a passive cue
		// is what was said or done, not who said it.
		return nil
	}
	subj := -1
	subjEnd := q.skipTimeLeft(cs, a)
	if cs > a {
		subj = q.npLeft(subjEnd-1, a)
	}
	// "O'Neill said …", "Shelby later said …": a one-word name opening
	// the sentence that the tagger took for an adverb.
	if subj < 0 && strong && subjEnd == a+1 && q.bareName(a) {
		subj = a
	}
	// "A diplomat who requested anonymity said …": the object of a
	// relative clause is not who speaks; the noun the clause hangs on is.
	if k := subj - 1; subj > a+2 && q.pos(k) == "VERB" && (q.tok(k-1) == "who" || q.tok(k-1) == "that") {
		if n := q.npLeft(k-2, a); n >= 0 {
			subj, subjEnd = n, k-1
		}
	}
	// "CONTENT, X said [adverbials]." (also "CONTENT, said X."). Belief
	// and finding verbs count when nothing but the full stop follows:
	// "..., The Post has learned.", "..., analysts believe."
	closes := c+1 < b && isSentPunct(q.tok(c+1)) || c+1 >= b
	// "The rules, he said, are like “a tax on work”": the clause carries
	// on after a parenthetical attribution, quotations and all.
	// The attribution may end in an adverbial or an addressee before the
	// comma that closes it: "The tolls, the mayor said on Friday, will
	// end", "..., she told reporters, ...". pc is that comma.
	pc := c + 1
	if pc < b && q.tok(pc) != "," {
		k := pc
		for k < b && k < c+8 && q.tok(k) != "," && !isSentPunct(q.tok(k)) && !q.isQuoteMark(k) {
			k++
		}
		if k < b && q.tok(k) == "," && (q.tailIsAdverbial(pc, k) || addresseeCues[q.tok(c)] && q.npRight(pc, k) == k) {
			pc = k
		}
	}
	carriesOn := pc+1 < b && q.tok(pc) == "," && !q.isQuoteMark(pc+1) && !reporterClause[q.tok(pc+1)] && !q.tailIsAdverbial(pc+1, b)
	// "Unemployment rose, the Labor Department said, while employers
	// added jobs": the writer's own clause after the attribution ends
	// what was said, which came before it.
	reporterTail := pc+1 < b && q.tok(pc) == "," && reporterClause[q.tok(pc+1)]
	if strong || closes {
		// `Paying taxes “makes me smart,” Mr. X said.`: a content that ends
		// in a quotation has its comma inside the closing mark.
		quoted := subj > a+2 && q.isQuoteMark(subj-1) && q.tok(subj-2) == "," && q.inQ[subj-2] >= 0 && q.inQ[a] < 0
		// "…, his lawyer told reporters outside the court.": the one
		// told, then adverbials.
		tail := c + 1
		if addresseeCues[q.tok(c)] {
			if e := q.npRight(c+1, b); e > c+1 {
				tail = e
			}
		}
		if subj > a && (q.tok(subj-1) == "," || quoted) && (q.tailIsAdverbial(c+1, b) || tail > c+1 && q.tailIsAdverbial(tail, b) || carriesOn || reporterTail) {
			ca, cb := q.trimContent(a, subj-1)
			if quoted {
				ca, cb = q.trimContent(a, subj)
			}
			// A short first half is enough when the clause carries on
			// after the attribution: "Climate change, he says, is ...".
			carries := q.tok(c+1) == "," && !q.tailIsAdverbial(c+2, b)
			if cb-ca >= 3 || carries && cb-ca >= 1 {
				r := &record.Quote{Kind: record.QuoteIndirect}
				r.Content = q.ev(ca, cb, "quote.indirect.content-speaker-said")
				r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
				r.Speaker = q.evp(subj, subjEnd, "speaker.before-cue")
				q.markUsed(subj, c+1)
				// "Back home, he said, the work went on": the clause
				// carries on after the attribution.
				// Not when a participle cue opens it: "..., the ministry
				// said, adding that ..." is an attribution of its own.
				if pc+1 < b && q.tok(pc) == "," && !q.tailIsAdverbial(pc+1, b) && !reporterClause[q.tok(pc+1)] && !q.participleCue(pc+1) && !backgroundOpeners[strings.ToLower(q.tok(pc+1))] {
					// A part with no verb is an appositive about the
					// whole ("…, the company said, the latest blow to
					// manufacturing"), not more of what was said.
					if xa, xb := q.trimContent(pc+1, b); xb-xa >= 3 && q.hasVerb(xa, xb) {
						r.Content.Rule = "quote.indirect.parenthetical"
						r2 := *r
						r2.Content = q.ev(xa, xb, "quote.indirect.parenthetical")
						q.pending = append(q.pending, &r2)
					}
				}
				return r
			}
		}
		// `This is “the same lead,” reported Reuters.`: the comma may sit
		// inside the closing quotation mark.
		quotedInv := cs > a+1 && q.isQuoteMark(cs-1) && q.tok(cs-2) == "," && q.inQ[cs-2] >= 0 && q.inQ[a] < 0
		if cs > a && (q.tok(cs-1) == "," || quotedInv) && (invertingVerbs[lemma] || invertingNamed[lemma]) {
			if end := q.npRight(c+1, b); end > 0 && q.tailIsAdverbial(end, b) && (invertingVerbs[lemma] || q.personNP(c+1, end)) {
				ca, cb := q.trimContent(a, cs-1)
				if quotedInv {
					ca, cb = q.trimContent(a, cs)
				}
				if cb-ca >= 3 {
					r := &record.Quote{Kind: record.QuoteIndirect}
					r.Content = q.ev(ca, cb, "quote.indirect.content-said-speaker")
					r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
					r.Speaker = q.evp(c+1, end, "speaker.after-cue")
					q.markUsed(cs, end)
					return r
				}
			}
		}
	}
	participle := false
	// "Brian Fallon, the campaign's press secretary, noted that ...".
	if subj < 0 && cs > a+2 && q.tok(cs-1) == "," {
		if first := q.appositiveSubject(a, cs-1); first >= 0 {
			subj = first
		}
	}
	// "X met Y and said (that) ...": the subject of the sentence.
	if subj < 0 && cs > a+1 && (q.tok(cs-1) == "and" || q.tok(cs-1) == "but") {
		if e := q.subjectNP(a, cs); e > 0 && q.namedHead(e-1) {
			subj, participle = a, true
		}
	}
	if subj < 0 && strings.HasSuffix(q.tok(c), "ing") {
		if cs == a {
			// "Claiming the criticism is unfair, Trump said …": a
			// clause without "that" after the opening participle.
			return q.participleFirst(c, lemma, a, b, q.bareClauseAfter(c+1, b))
		}
		// "After saying her foot was swollen, she left": a subordinator
		// before the participle; the clause may go without "that".
		if cs == a+1 && participleOpeners[q.tok(a)] {
			return q.participleFirst(c, lemma, a, b, true)
		}
		// "CONTENT, the ministry said on Sunday, adding that CONTENT2":
		// the speaker of the attribution the participle follows.
		if q.tok(cs-1) == "," {
			if sa, se := q.attributionBefore(cs-1, a); sa >= 0 {
				subj, subjEnd = sa, se
			}
		}
		// "X met Y on Friday, saying (that) CONTENT": the sentence subject.
		if subj < 0 && q.tok(cs-1) == "," {
			if e := q.subjectNP(a, cs); e > 0 {
				subj, participle = a, true
			}
		}
		// "X appeared at a hearing for saying that …": a gerund after a
		// preposition reports what the sentence subject said.
		if subj < 0 && gerundPreps[q.tok(cs-1)] && q.tok(c) == "saying" && c+1 < b && q.tok(c+1) == "that" {
			if e := q.subjectNP(a, cs); e > 0 {
				subj, participle = a, true
			}
		}
	}
	if subj < 0 {
		return nil
	}
	// "X said (that) CONTENT"
	k := c + 1
	if verbsTakingObject[lemma] {
		if end := q.npRight(k, b); end > 0 {
			k = end
		}
	}
	// "told NBC's “Meet the Press” on Sunday that …": the quoted title of
	// a programme ends the addressee.
	titled := false
	if verbsTakingObject[lemma] || addresseeCues[q.tok(c)] {
		if e := q.titleAfter(k, b); e > k {
			k, titled = e, true
		}
	}
	k, that := q.skipAdverbials(k, b)
	if !that && titled && q.tok(k) == "that" {
		// The tagger reads "that" after the closing mark as a relative
		// pronoun; after an addressee it opens what was told.
		that = true
	}
	// "would add so many new layers of complexity that …": a "that"
	// after "so"/"such" in the object opens a clause of result, not
	// what was said.
	if that && resultClause(q, c, k) {
		return nil
	}
	if !that {
		if !strong || !bareClauseVerbs[lemma] || !q.startsContentClause(k) {
			return nil
		}
		// "conceded defeat and said his party …": an object, then a
		// second cue of the same speaker, which reports the clause.
		if e := q.npRight(k, b); e > k && e+1 < b && (q.tok(e) == "and" || q.tok(e) == "but") {
			if _, cue := attributionCues[q.lemma(e+1)]; cue {
				return nil
			}
		}
		// A bare clause needs a verb-like word; without tags require length.
		if b-k < 4 {
			return nil
		}
	}
	b = q.cutAtMainClause(k, b, that)
	b = q.endOfFrontedClause(c, k, b)
	if j := q.contrastComma(k, b); j > 0 {
		b = j
	}
	ca, cb := q.trimContent(k, b)
	minLen := 3
	if !that && q.pos(k) != "" {
		// "has said his piece, he is ready to move on", "wrote his book,
		// ...": a noun phrase ending at a comma before any finite verb
		// is the cue's object, not the subject of a reported clause.
		if j := q.npObjectEnd(c, k, cb); j > k {
			cb, minLen = j, 2
		} else if (lemma == "declare" || lemma == "proclaim") && q.plainObject(c, k, cb) {
			// "declared a state of emergency in the south", "declared
			// victory on Sunday": a plain object, no reported clause.
			return nil
		}
	}
	if cb-ca < minLen {
		return nil
	}
	rule := "quote.indirect.speaker-said-that"
	if !that {
		rule = "quote.indirect.speaker-said-clause"
	}
	if !strong {
		rule = "quote.indirect.belief-that"
	}
	r := &record.Quote{Kind: record.QuoteIndirect}
	r.Content = q.ev(ca, cb, rule)
	r.Cue = q.evp(cs, q.cueTail(c), "cue.verb."+lemma)
	if participle {
		e := q.subjectNP(a, cs)
		r.Speaker = q.evp(a, e, "speaker.sentence-subject")
		r.Content.Rule += "+participle"
		q.markUsed(cs, c+1)
		return r
	}
	r.Speaker = q.evp(subj, subjEnd, "speaker.before-cue")
	q.markUsed(subj, c+1)
	return r
}

// titleAfter returns the end of a short quoted title (a capitalised
// programme, paper or book name, at most eight tokens) opening at token
// k, after an optional possessor ("NBC's “Meet the Press”"), or k.
func (q *qdoc) titleAfter(k, b int) int {
	o := k
	if o+2 < b && (q.isCap(o) || q.pos(o) == "PROPN") && possessiveMark(q.tok(o+1)) {
		o += 2
	} else if o+1 < b && possessiveMark(q.tok(o)) {
		o++
	}
	if o+1 >= b || !q.isOpenQuote(o) || q.inQ[o] < 0 || !q.isCap(o+1) {
		return k
	}
	e := q.quoteClose(o)
	if e-o > 8 || e+1 >= b || e == o {
		return k
	}
	return e + 1
}

// titleBeforeContent reports whether a quote in have has its cue at
// byte offset cue and its content after byte offset end.
func titleBeforeContent(have []*record.Quote, cue, end int) bool {
	for _, h := range have {
		if h.Cue != nil && h.Cue.Start <= cue && cue < h.Cue.End && h.Content.Start >= end {
			return true
		}
	}
	return false
}

// bareName reports whether token i is a capitalised word that can only
// be a name: not a function word, not an -ly adverb, and tagged neither
// as a pronoun nor a determiner.
func (q *qdoc) bareName(i int) bool {
	w := q.tok(i)
	if !q.isCap(i) || functionWords[w] || cueModifiers[w] || timeWords[w] || strings.HasSuffix(w, "ly") {
		return false
	}
	switch q.pos(i) {
	case "PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "PUNCT", "NUM":
		return false
	}
	for _, r := range q.tok(i) {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return true
}

// gerundPreps take a gerund cue whose doer is the sentence subject.
var gerundPreps = setOf(`for by from without`)

// participleOpeners open a sentence before a participle cue: "After
// saying …, she …".
var participleOpeners = setOf(`after before while since upon by when`)

// participleFirst handles a sentence opening with a participle cue:
// "Warning that CONTENT, X pointed to ...": the content runs to the
// first comma and the speaker is the subject after it.
func (q *qdoc) participleFirst(c int, lemma string, a, b int, bare bool) *record.Quote {
	k := c + 1
	if q.tok(k) != "that" && !bare {
		return nil
	}
	comma := -1
	for j := k; j < b; j++ {
		if q.tok(j) == "," {
			comma = j
			break
		}
	}
	if comma < 0 || comma-k < 3 || bare && !q.hasVerb(k, comma) {
		return nil
	}
	// `…was “so swollen I could barely stand,” she said`: a comma
	// inside a closing quotation mark; the mark ends the content.
	ce, sa := comma, comma+1
	if sa < b && q.isQuoteMark(sa) && q.inQ[comma] >= 0 && q.inQ[sa] == q.inQ[comma] {
		ce, sa = sa+1, sa+1
	}
	e := q.npRight(sa, b)
	if e < 0 {
		return nil
	}
	r := &record.Quote{Kind: record.QuoteIndirect}
	r.Content = q.ev(k, ce, "quote.indirect.participle-that")
	r.Cue = q.evp(c, c+1, "cue.verb."+lemma)
	r.Speaker = q.evp(sa, e, "speaker.sentence-subject")
	q.markUsed(c, c+1)
	return r
}

// bareClauseAfter reports whether the words from k up to the first comma
// before b read as a clause with no "that": a subject, then a finite verb
// with no relative pronoun before it ("the plan would work", not "a law
// that was passed").
func (q *qdoc) bareClauseAfter(k, b int) bool {
	for j := k; j < b && q.tok(j) != ","; j++ {
		switch q.doc.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return j > k
		case "WDT", "WP", "WP$", "IN", "TO":
			if q.tok(j) != "of" {
				return false
			}
		}
	}
	return false
}

// tailIsAdverbial reports whether tokens [i, b) after a trailing cue are
// only time words, prepositional phrases and punctuation — no new clause.
func (q *qdoc) tailIsAdverbial(i, b int) bool {
	// "(, ) a week before an election the party has vowed to boycott":
	// a span of time before or after something is an adverbial,
	// whatever verbs or cues the thing it measures from carries.
	j := i
	if j < b && q.tok(j) == "," {
		j++
	}
	if j+1 < b && (q.tok(j) == "a" || q.tok(j) == "an" || q.pos(j) == "NUM") && timeUnits[q.tok(j+1)] {
		j++ // "a week before", "two days after"
	}
	if j+1 < b && timeUnits[q.tok(j)] {
		switch q.tok(j + 1) {
		case "before", "after", "ahead", "earlier", "later", "ago":
			return true // also "days before", "weeks after"
		}
	}
	for k := i; k < b; k++ {
		w := q.tok(k)
		if w == "that" && k == i {
			return false
		}
		if q.isQuoteMark(k) {
			return false
		}
		// A participle modifying a noun ("the continued questions") is
		// no second cue.
		if _, strong := q.cueAt(k); strong && k > i && q.dep(k) != "amod" {
			return false
		}
	}
	if i >= b || isSentPunct(q.tok(i)) || q.tok(i) == "," {
		return true
	}
	// A verb before the next comma makes a clause, not an adverbial:
	// "X, a senior adviser, said [parents] still want ..." is no
	// trailing attribution.
	for k := i; k < b && q.tok(k) != ","; k++ {
		if p := q.pos(k); (p == "VERB" || p == "AUX") && !strings.HasSuffix(q.tok(k), "ing") && q.tok(k) != "told" {
			return false
		}
	}
	w := q.tok(i)
	switch w {
	case "in", "on", "at", "during", "to", "via", "through", "after", "before", "when", "while",
		"as", "from", "by", "with", "without", "of", "last", "this", "earlier", "later", "recently",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"yesterday", "also", "again", "told", "adding", "citing", "according", "referring":
		return true
	}
	if p := q.pos(i); p == "ADP" || p == "ADV" {
		return true
	}
	// "said Peskov's deputy" is not a tail; a bare noun object is
	// ("told reporters"), which the object-taking verbs cover.
	return false
}

// partialQuotes attributes quotations embedded in a sentence
// (`X called it "a catastrophe"`) that no other quote already covers.
func (q *qdoc) partialQuotes(spans []qspan, have []*record.Quote) []*record.Quote {
	var out []*record.Quote
	for _, s := range spans {
		if s.direct || !s.closed {
			continue
		}
		st, en := q.doc.Tokens[s.open].Start, q.doc.Tokens[s.close].End
		covered := false
		for _, h := range have {
			if h.Content.Start <= st && en <= h.Content.End {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		a := q.sentStartTok(s.open)
		for c := s.open - 1; c >= a; c-- {
			if q.inQ[c] >= 0 {
				break
			}
			lemma, _ := q.cueAt(c)
			if lemma == "" {
				continue
			}
			// "told NBC's “Meet the Press” that …": a title between a cue
			// and the content it already reports is no partial quotation.
			if titleBeforeContent(have, q.doc.Tokens[c].Start, en) {
				break
			}
			cs := q.cueStart(c, a)
			subj := q.npLeft(cs-1, a)
			subjEnd := cs
			if subj < 0 && cs > a+2 && q.tok(cs-1) == "," {
				// "Minyon Moore, a senior adviser, called ...".
				subj = q.appositiveSubject(a, cs-1)
				subjEnd = cs - 1
			}
			if subj < 0 {
				break
			}
			r := &record.Quote{Kind: record.QuotePartial}
			// The content runs from the cue's object to the closing mark:
			// called [the plan "a reckless gamble"].
			from := s.open
			if s.open-c <= 12 {
				from = c + 1
				// told [the crowd] that …: the addressee is not said (the
				// tagger may read "that" as a relative pronoun there).
				for k := c + 1; k < s.open; k++ {
					if q.tok(k) == "that" && (q.pos(k) == "SCONJ" || q.pos(k) == "" || addresseeCues[lemma]) {
						from = k
						break
					}
				}
			}
			end := s.close + 1
			if !q.eventTimeTail(end) {
				end = q.partialTail(end)
			}
			r.Content = q.ev(from, end, "quote.partial")
			r.Cue = q.evp(cs, c+1, "cue.verb."+lemma)
			r.Speaker = q.evp(subj, subjEnd, "speaker.before-cue")
			out = append(out, r)
			break
		}
	}
	return out
}

// reportedTokens gives the first and last token of an indirect content
// that follows its cue ("said [that …]", "called for […]"), the kind the
// boundary rules below extend and cut; ok is false for a direct
// quotation, a content before or around its cue, or a span that does not
// fall on token edges.
func (q *qdoc) reportedTokens(r *record.Quote) (a, b int, ok bool) {
	if r.Kind == record.QuoteDirect || r.Cue == nil || r.Cue.End > r.Content.Start {
		return -1, -1, false
	}
	a, b = q.tokenAt(r.Content.Start), q.tokenEndingAt(r.Content.End)
	return a, b, a >= 0 && b >= 0
}

// extendQuotedLists runs a reported content that ends with a quotation
// over the quotations coordinated with it: called him a “liar,” a
// “cheat” and a “fraud” reports all three words, not the first. A
// following quotation joins when only a comma or "and"/"or" and a few
// determiners, adjectives or adverbs stand between the two, and no
// attribution of its own claims it.
func (q *qdoc) extendQuotedLists(qs []*record.Quote, spans []qspan) {
	for _, r := range qs {
		a, k, ok := q.reportedTokens(r)
		if !ok {
			continue
		}
		// The quotation the content ends with, allowing for its closing
		// punctuation and mark left outside.
		close := -1
		for j := k; j <= k+2 && j < len(q.lower); j++ {
			if j > k && !punctOnly(q.tok(j)) {
				break
			}
			if si := q.inQ[j]; si >= 0 && spans[si].close == j && spans[si].open >= a && spans[si].closed {
				close = j
				break
			}
		}
		if close < 0 {
			continue
		}
		end := close
		for {
			// The comma may stand inside the closing mark: a “liar,” a ….
			j, sep := end+1, q.tok(end-1) == ","
			if q.tok(j) == "," {
				j, sep = j+1, true
			}
			if w := q.tok(j); w == "and" || w == "or" {
				j, sep = j+1, true
			}
			for n := 0; n < 3 && j < len(q.lower) && q.inQ[j] < 0; n++ {
				if p := q.pos(j); p != "DET" && p != "ADJ" && p != "ADV" && p != "NUM" {
					break
				}
				j++
			}
			si := -1
			if j < len(q.lower) {
				si = q.inQ[j]
			}
			if !sep || si < 0 || spans[si].open != j || !spans[si].closed || spans[si].direct || q.para[j] != q.para[close] {
				break
			}
			if claimed(qs, r, q.doc.Tokens[j].Start, q.doc.Tokens[spans[si].close].End) {
				break
			}
			end = spans[si].close
		}
		if end > close {
			r.Content = q.ev(a, end+1, r.Content.Rule)
		}
	}
}

// closeOpenedQuotations runs an indirect content that opens a quotation
// on to the quotation's closing mark: the words quoted are one stretch of
// what the source said, and a comma inside them ("hope America says,
// "President Clinton, thank you …"") ends no report.
func (q *qdoc) closeOpenedQuotations(qs []*record.Quote, spans []qspan) {
	for _, r := range qs {
		a, k, ok := q.reportedTokens(r)
		if !ok {
			continue
		}
		for j := a; j <= k; j++ {
			si := q.inQ[j]
			if si < 0 || spans[si].open != j || !spans[si].closed {
				continue
			}
			c := spans[si].close
			if c <= k || q.para[c] != q.para[j] || q.sent[c] != q.sent[k] && q.sent[c-1] != q.sent[k] {
				break
			}
			// A quotation the content's own words introduce ("the
			// country says, “…”") is nested in it, not a rival.
			if claimed(qs, r, r.Content.Start, q.doc.Tokens[c].End) {
				break
			}
			r.Content = q.ev(a, c+1, r.Content.Rule)
			break
		}
	}
}

// claimed reports whether a quote other than r has a content overlapping
// the byte range [s, e) with its cue outside it.
func claimed(qs []*record.Quote, r *record.Quote, s, e int) bool {
	for _, o := range qs {
		if o == r || o.Content.End <= s || o.Content.Start >= e {
			continue
		}
		if o.Cue != nil && o.Cue.Start >= s && o.Cue.End <= e {
			continue
		}
		return true
	}
	return false
}

// resolveSpeakers fills SpeakerName: the name in the speaker mention
// without titles and determiners; a lone surname expands to the full name
// seen earlier; he/she resolve to the most recent person-like speaker.
func (q *qdoc) resolveSpeakers(qs []*record.Quote) {
	var names []string            // person-like names seen, in order
	gender := map[string]string{} // "he" or "she", once a pronoun has stood for the name
	body := ""                    // the previous quote's speaker when it is a body ("the commission")
	bodySent := -1                // the sentence of that speaker
	for _, r := range qs {
		prevBody, prevSent := body, bodySent
		body = ""
		if r.Speaker == nil || r.SpeakerName != "" {
			if r.SpeakerName != "" && !strings.EqualFold(r.Speaker.Text, "which") {
				names = append(names, r.SpeakerName)
			}
			continue
		}
		m := r.Speaker.Text
		lw := strings.ToLower(m)
		if lw == "he" || lw == "she" {
			// The most recent speaker not already "she" for a "he" (or
			// "he" for a "she"): "Anand added … he said" is someone else.
			for i := len(names) - 1; i >= 0; i-- {
				if g, ok := gender[names[i]]; !ok || g == lw {
					r.SpeakerName = names[i]
					gender[names[i]] = lw
					break
				}
			}
			continue
		}
		// "The commission said … It said on Sunday that …": "It"
		// opening the sentence after a body's statement is that body
		// ("… after it declared …" may be any noun before it).
		if m == "It" {
			if prevSent >= 0 && r.Speaker.Sentence == prevSent+1 {
				r.SpeakerName = prevBody
			}
			continue
		}
		if bodyMention(m) {
			body, bodySent = m, r.Speaker.Sentence
		}
		name := nameOf(m)
		if name == "" {
			continue
		}
		if !strings.Contains(name, " ") {
			for i := len(names) - 1; i >= 0; i-- {
				if strings.HasSuffix(names[i], " "+name) {
					name = names[i]
					break
				}
			}
		}
		r.SpeakerName = name
		if !strings.HasPrefix(lw, "the ") {
			names = append(names, name)
		}
	}
}

// nameOf keeps the capitalised run at the end of the first part of a
// speaker mention: "spokesman Dmitry Peskov" → "Dmitry Peskov",
// "Flynn, a top Trump surrogate" → "Flynn". It returns "" when the mention
// has no capitalised word.
// bodyMention reports a speaker mention that names a body by a common
// noun ("the human rights commission", "Ethiopia's electoral board"),
// which "it" can stand for.
func bodyMention(m string) bool {
	words := strings.Fields(m)
	if len(words) < 2 {
		return false
	}
	first, last := strings.ToLower(words[0]), words[len(words)-1]
	r, _ := utf8.DecodeRuneInString(last)
	return (first == "the" || strings.HasSuffix(first, "'s") || strings.HasSuffix(first, "’s")) && unicode.IsLower(r) && !strings.HasSuffix(last, "s")
}

func nameOf(m string) string {
	if i := strings.Index(m, ","); i > 0 {
		// "Smith's lawyer, Jane Doe": a role first, the name after it.
		if n := nameOf(m[:i]); n == "" || strings.HasSuffix(m[:i], "'s") || strings.HasSuffix(m[:i], "’s") {
			if after := strings.TrimSpace(m[i+1:]); after != "" && !strings.Contains(after, ",") {
				return nameOf(after)
			}
		}
		m = m[:i]
	}
	words := strings.Fields(m)
	// "a report seen by Reuters": the agent of a participle after the
	// head is not the source.
	for i := 2; i < len(words); i++ {
		if p := words[i-1]; words[i] == "by" && (strings.HasSuffix(p, "ed") || strings.HasSuffix(p, "en")) && unicode.IsLower([]rune(p)[0]) {
			words = words[:i-1]
			break
		}
	}
	end := len(words)
	start := end
	for start > 0 {
		w := words[start-1]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || honorifics[strings.ToLower(w)] {
			break
		}
		start--
	}
	// "the foreign ministry in Lima", "officials at the embassy in
	// Kabul": a place where the speaker sits is not who speaks.
	if start > 1 && start < end && (words[start-1] == "in" || words[start-1] == "at") {
		return ""
	}
	// "businesses in Cowes and Newport": nor are places listed there.
	if start > 1 && start < end && (words[start-1] == "and" || words[start-1] == "or") {
		k := start - 2
		for k > 0 && (words[k] == "and" || words[k] == "or" || unicode.IsUpper([]rune(words[k])[0])) {
			k--
		}
		if k >= 1 && (words[k] == "in" || words[k] == "at") {
			return ""
		}
	}
	// "France's ambassador to the United Nations": the body an envoy is
	// sent to is not who speaks.
	if k := start - 1; start < end && k >= 2 {
		if strings.EqualFold(words[k], "the") {
			k--
		}
		if k >= 1 && words[k] == "to" && envoyNouns[strings.ToLower(words[k-1])] {
			return ""
		}
	}
	// Titles written capitalised ("Foreign Minister") are not the name.
	for start < end-1 && (sourceNouns[strings.ToLower(words[start])] || honorifics[strings.ToLower(words[start])]) {
		start++
	}
	// Nor is what comes before a person's title: "Italian Prime
	// Minister Giorgia Meloni", "Treasury Secretary Ann Lee".
	for k := end - 2; k > start; k-- {
		if personTitles[strings.ToLower(words[k])] {
			start = k + 1
			break
		}
	}
	if start == end {
		return ""
	}
	// "A court on Friday": a day or month is no name.
	if end-start == 1 && calendarWords[strings.ToLower(words[start])] {
		return ""
	}
	return strings.Join(words[start:end], " ")
}

// personTitles are titles written before a person's name; capitalised
// words before one are the office's country or body, not the name.
var personTitles = setOf(`minister president secretary chairman chairwoman chancellor
director commander governor mayor senator ambassador envoy spokesman spokeswoman
spokesperson prosecutor`)

// dropAnonymityFormulas drops the request for anonymity that goes with an
// unnamed source ("who asked not to be named", "who declined to be
// identified"): it is how the source is described, not what it said. It
// drops too a content that is only a day and a participle ("results
// showed Monday, opening the way for …"): a misreading, with nothing said.
func dropAnonymityFormulas(qs []*record.Quote) []*record.Quote {
	kept := qs[:0]
	for _, r := range qs {
		c := strings.ToLower(strings.TrimSpace(r.Content.Text))
		c = strings.TrimPrefix(c, "not ")
		c = strings.TrimPrefix(c, "to be ")
		// "not to be identified for fear of reprisals", "… because he
		// was not authorised to speak": the reason goes with the request.
		for _, why := range anonymityReasons {
			if i := strings.Index(c, why); i > 0 {
				c = strings.TrimSpace(c[:i])
			}
		}
		switch c {
		case "named", "identified", "quoted", "quoted by name", "named publicly", "identified publicly":
			continue
		}
		// "Results showed Monday, opening the way for …": a day read as
		// the start of what was shown, the rest a participle of the
		// sentence's; what was shown is the clause before the cue.
		if day, rest, ok := strings.Cut(c, ","); ok && weekdays[day] && strings.HasSuffix(strings.Fields(rest + " x")[0], "ing") {
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// weekdays are the days of the week, lower-cased.
var weekdays = setOf(`monday tuesday wednesday thursday friday saturday sunday`)

// anonymityReasons open the reason given for a request for anonymity.
var anonymityReasons = []string{" for fear", " because", " for security", " for safety", " as he ", " as she ", " as they ", " since "}

// followingQuotes attributes a quotation that makes up a sentence of its
// own to the attribution that ends the sentence before it, in the same
// paragraph: `Prices will rise, Smith said. “We cannot stop it.”` The
// new quote shares the earlier one's cue and speaker, the way news
// writing runs one statement over several sentences.
func (q *qdoc) followingQuotes(spans []qspan, have []*record.Quote) []*record.Quote {
	var out []*record.Quote
	toks := q.doc.Tokens
	for si := range spans {
		s := spans[si]
		if s.quote != nil || s.close-s.open < 3 {
			continue
		}
		o := s.open
		if o == 0 || q.para[o-1] != q.para[o] || !isSentPunct(q.tok(o-1)) || !q.endsClause(s) {
			continue
		}
		st, en := toks[o].Start, toks[s.close].End
		covered := false
		for _, h := range have {
			if h.Content.Start < en && st < h.Content.End {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		// The attribution closing the previous sentence: its cue lies
		// between its content and this quote, with no other quote in
		// between.
		var best *record.Quote
		for _, h := range have {
			if h.Cue == nil || h.Cue.End > st || h.Content.End > h.Cue.Start {
				continue
			}
			c := q.tokenEndingAt(h.Cue.End)
			if c < 0 || q.para[c] != q.para[o] || q.sentStartTok(c) != q.sentStartTok(o-1) {
				continue
			}
			if best == nil || h.Cue.End > best.Cue.End {
				best = h
			}
		}
		if best == nil {
			continue
		}
		c := q.tokenEndingAt(best.Cue.End)
		clean := true
		for k := c + 1; k < o; k++ {
			if q.inQ[k] >= 0 {
				clean = false
			}
		}
		if !clean || o-c > 25 {
			continue
		}
		r := &record.Quote{Kind: record.QuoteDirect, Cue: best.Cue, Speaker: best.Speaker, Via: best.Via}
		r.Content = q.ev(o, s.close+1, "quote.direct.after-attribution")
		out = append(out, r)
	}
	return out
}

// tailPreps open the phrase partialTail adds when the Doc has no tags.
var tailPreps = setOf(`of for to in on about against with over toward towards`)

// partialTail extends a partial quote's content from token e (just past
// the closing mark) over a prepositional phrase that completes the
// predicate: called Clinton a “champion” [for its constituency]. It
// stops at punctuation, another quotation or a verb, and returns the new
// end.
func (q *qdoc) partialTail(e int) int {
	n := len(q.lower)
	if e >= n || q.para[e] != q.para[e-1] {
		return e
	}
	if p := q.pos(e); p != "ADP" && (p != "" || !tailPreps[q.tok(e)]) {
		return e
	}
	k := e
	for k < n && k < e+12 && q.para[k] == q.para[e] {
		w := q.tok(k)
		if punctOnly(w) || q.isQuoteMark(k) || q.inQ[k] >= 0 {
			break
		}
		if p := q.pos(k); p == "VERB" || p == "AUX" || p == "SCONJ" || p == "CCONJ" {
			break
		}
		k++
	}
	if k < n && !punctOnly(q.tok(k)) {
		return e // the phrase runs into a clause: leave it
	}
	return k
}

// cueTail returns the end of the cue whose verb is token c: past a colon
// that introduces the content ("said:") and past the day it was said
// ("said Friday that"), the way PolNeAR marks cues.
func (q *qdoc) cueTail(c int) int {
	e := c + 1
	if e < len(q.lower) && q.para[e] == q.para[c] {
		switch q.tok(e) {
		case ":":
			return e + 1
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight":
			return e + 1
		}
	}
	return e
}

// plainObject reports whether the parse makes tokens [k, b) after cue c
// the cue's object with no finite verb of their own (used for "declare",
// whose plain objects are acts: PolNeAR dev marks other cues' objects): a verb there that
// hangs on the cue ("… and appealed for aid") is the cue's conjunct.
func (q *qdoc) plainObject(c, k, b int) bool {
	if q.parseTree() == nil {
		return false
	}
	h := q.spanHead(k, b)
	if q.dep(h) != "obj" || q.doc.Tokens[h].Head != c {
		return false
	}
	for j := k; j < b; j++ {
		t := q.doc.Tokens[j]
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			if !(t.Head == c && baseDep(t.Dep) == "conj") {
				return false
			}
		}
	}
	return true
}

// spanHead climbs from token k to the highest head that stays within
// [k, b): the head of the phrase that opens at k.
func (q *qdoc) spanHead(k, b int) int {
	h := k
	for steps := 0; steps < 16; steps++ {
		p := q.doc.Tokens[h].Head
		if p < k || p >= b {
			break
		}
		h = p
	}
	return h
}

// npObjectEnd returns the comma that ends the object of cue c, a noun
// phrase opening at k, when no finite verb comes before it ("[his
// piece], he is ready"), or -1 when the words are a clause or no comma
// comes before b. With a parse, the phrase must be the cue's object;
// commas inside quotation marks do not count.
func (q *qdoc) npObjectEnd(c, k, b int) int {
	if t := q.parseTree(); t != nil {
		h := q.spanHead(k, b)
		if d := q.dep(h); d != "obj" && d != "iobj" || q.doc.Tokens[h].Head != c {
			return -1
		}
	}
	for j := k; j < b; j++ {
		if q.inQ[j] >= 0 && q.inQ[j] != q.inQ[k] {
			continue
		}
		switch q.doc.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return -1
		}
		if q.tok(j) == "," {
			// "the program, run by the department, has brought ...": a
			// participle or relative clause set off by commas belongs to
			// the noun; the words after it decide.
			if j+1 < b {
				switch q.doc.Tokens[j+1].Tag {
				case "VBN", "WDT", "WP":
					for j++; j < b && q.tok(j) != ","; j++ {
					}
					continue
				}
			}
			return j
		}
	}
	return -1
}

// askedLeads finds the question a sentence opens with before the answer:
// "Asked about the bombing, the mayor said ...", "Asked whether he would
// run, Smith smiled." The content is what was asked (the phrase after
// "about", or the clause after "whether", "if", a wh-word or "to"), up to
// the comma; the cue is "Asked" (with "about"); whoever asked is not
// named, so there is no source.
func (q *qdoc) askedLeads(have []*record.Quote) []*record.Quote {
	var out []*record.Quote
	for _, sr := range q.sentences() {
		a, b := sr[0], sr[1]
		// "When pressed on X, …", "If asked whether …, …": a subordinator
		// before the participle.
		if askedSubordinators[q.tok(a)] && q.isCap(a) && a+1 < b {
			a++
		} else if !q.isCap(a) {
			continue
		}
		if !askedVerbs[q.tok(a)] || a+2 >= b || q.inQ[a] >= 0 {
			continue
		}
		cueEnd, from := a+1, a+1
		// "When pressed by the moderator about …": the asker is the
		// source of the question.
		agent, agentEnd := -1, -1
		if q.tok(from) == "by" && a != sr[0] {
			agent = from + 1
			k := from + 1
			for k < b && k < from+6 && q.tok(k) != "about" && q.tok(k) != "on" && q.tok(k) != "," {
				k++
			}
			if k >= b || q.tok(k) == "," || k == from+1 {
				continue
			}
			from, agentEnd = k, k
		}
		switch q.tok(from) {
		case "about", "on", "over":
			if q.tok(from) != "about" && q.tok(a) == "asked" {
				continue
			}
			if from == a+1 {
				cueEnd = from + 1
			}
			from++
		case "whether", "if", "what", "why", "how", "when", "where", "who":
		case "to":
			if q.tok(a) != "asked" {
				continue
			}
		default:
			continue
		}
		e := q.commaAfter(from, b, 40)
		if e < from+1 {
			continue
		}
		if contentTaken(have, q.doc.Tokens[from].Start, q.doc.Tokens[e-1].End) {
			continue
		}
		r := &record.Quote{Kind: record.QuoteIndirect}
		r.Content = q.ev(from, e, "quote.asked-lead")
		r.Cue = q.evp(a, cueEnd, "cue.asked")
		if agent > 0 {
			r.Speaker = q.evp(agent, agentEnd, "speaker.asked-by")
		}
		out = append(out, r)
	}
	return out
}

// askedVerbs report a question put to the subject of the main clause
// when they open a sentence as a participle ("Asked about X, …",
// "Pressed on X, …"); askedSubordinators may stand before them ("When
// pressed on X, …").
var askedVerbs = setOf(`asked pressed questioned`)
var askedSubordinators = setOf(`when if after once`)

// hearsayAdverbs mark a clause as what unnamed others say: "he allegedly
// brandished a pistol", "the campaign is reportedly scrambling".
var hearsayAdverbs = setOf(`allegedly reportedly purportedly supposedly reputedly`)

// hearsayQuotes attributes the clause a hearsay adverb modifies to
// unnamed sources: the adverb is the cue, the clause (its subject and
// predicate, without the subordinator that embeds it) the content, and
// there is no source. A clause inside another attribution's content is
// left to that one.
func (q *qdoc) hearsayQuotes(have []*record.Quote) []*record.Quote {
	t := q.parseTree()
	if t == nil {
		return nil
	}
	var out []*record.Quote
	for k := range q.lower {
		if !hearsayAdverbs[q.tok(k)] || q.inQ[k] >= 0 {
			continue
		}
		v := q.doc.Tokens[k].Head
		if v < 0 || q.pos(v) != "VERB" && q.pos(v) != "ADJ" && q.pos(v) != "NOUN" {
			continue
		}
		a, b := t.lo[v], t.hi[v]
		for a < v && (q.dep(a) == "mark" || q.pos(a) == "PUNCT") {
			a++
		}
		if a == k {
			a++ // "Reportedly, the talks failed"
			for a < v && q.pos(a) == "PUNCT" {
				a++
			}
		}
		a, b = q.trimSpan(a, b)
		if b-a < 3 {
			continue
		}
		if contentTaken(have, q.doc.Tokens[a].Start, q.doc.Tokens[b-1].End) {
			continue
		}
		r := &record.Quote{Kind: record.QuoteIndirect}
		r.Content = q.ev(a, b, "quote.hearsay")
		r.Cue = q.evp(k, k+1, "cue.hearsay")
		out = append(out, r)
	}
	return out
}

// quoteClose returns the last token of the quotation that covers token
// open (its closing mark, or the paragraph's last token when it stays
// open).
func (q *qdoc) quoteClose(open int) int {
	si := q.inQ[open]
	e := open
	for e+1 < len(q.lower) && q.inQ[e+1] == si {
		e++
	}
	return e
}

// contentTaken reports whether any quote of have has a content that
// overlaps the byte range [st, en).
func contentTaken(have []*record.Quote, st, en int) bool {
	for _, h := range have {
		if h.Content.Start < en && st < h.Content.End {
			return true
		}
	}
	return false
}

// leadSubordinators open a fronted adverbial clause, whose comma the
// clause's own main part follows: "that when the dam broke, the town ...".
var leadSubordinators = setOf(`if when whenever although though because as after before while since once unless until even`)

// endOfFrontedClause returns the new end of a reported clause [k, b)
// whose cue c lies in an adverbial clause opening the sentence ("While a
// judge found [that action unconstitutional], his decision was
// overturned …"): the content ends at the comma before the main clause.
func (q *qdoc) endOfFrontedClause(c, k, b int) int {
	st := q.sentStartTok(c)
	if q.isQuoteMark(st) {
		st++
	}
	if st >= c || !leadSubordinators[q.tok(st)] || q.inQ[c] >= 0 {
		return b
	}
	for j := k + 1; j < b; j++ {
		if q.tok(j) == "," && q.inQ[j] < 0 && q.newClauseAt(j+1) {
			return j
		}
	}
	return b
}

// cutAtMainClause returns the new end of a reported clause [k, b) that
// runs past a comma into a new main clause: "believe that X would fail,
// his decision was overturned", "fearing that X, I tell myself that
// ...". The clause must hold a finite verb before the comma and not open
// with a subordinator or a fronted phrase.
func (q *qdoc) cutAtMainClause(k, b int, that bool) int {
	if q.pos(k) == "" {
		return b
	}
	s := k
	if that && q.tok(s) == "that" {
		s++
	}
	if s >= b || leadSubordinators[q.tok(s)] || q.tok(s) == "," {
		return b
	}
	finite := false
	for j := s; j < b; j++ {
		if q.inQ[j] >= 0 || q.tok(j) == "-" || q.tok(j) == "—" || q.tok(j) == "(" {
			return b
		}
		switch q.doc.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			finite = true
		}
		if q.tok(j) == "," && j > s {
			if finite && q.newClauseAt(j+1) {
				return j
			}
			if !finite {
				return b
			}
		}
	}
	return b
}

// participleCue reports whether token i is a speech or stance verb in
// -ing form ("adding", "saying", "warning"), which opens an attribution
// of its own after a comma.
func (q *qdoc) participleCue(i int) bool {
	if q.doc.Tokens[i].Tag != "VBG" {
		return false
	}
	_, ok := attributionCues[q.lemma(i)]
	return ok
}

// attributionBefore finds an attribution "SPEAKER said [adverbials]"
// ending at the comma at token comma, made into a quote already (its
// speaker and cue are marked used): it returns the speaker's tokens
// [sa, se), or -1. The adverbials between cue and comma are at most six
// unused tokens ("on Sunday", "in a statement").
func (q *qdoc) attributionBefore(comma, a int) (sa, se int) {
	j := comma - 1
	for j >= a && j > comma-8 && !q.used[j] {
		j--
	}
	if j < a || !q.used[j] || q.pos(j) != "VERB" {
		return -1, -1
	}
	if _, ok := attributionCues[q.lemma(j)]; !ok {
		return -1, -1
	}
	se = j
	sa = j
	for sa > a && q.used[sa-1] && q.tok(sa-1) != "," {
		sa--
	}
	if sa == se {
		return -1, -1
	}
	return sa, se
}

// wholeNames widens a speaker mention that holds part of a name to the
// whole name the entity recogniser found: the tagger sometimes reads a
// word of a name as something else ("Watch" in "Human Rights Watch" as
// a pronoun), and the parse then starts the speaker inside the name.
// The widened mention never reaches into the cue or the content.
func (q *qdoc) wholeNames(out []*record.Quote) {
	toks := q.doc.Tokens
	inside := func(i int, r *record.Quote) bool {
		st, en := toks[i].Start, toks[i].End
		for _, e := range []*record.Evidence{&r.Content, r.Cue} {
			if e != nil && st < e.End && e.Start < en {
				return true
			}
		}
		return false
	}
	for _, r := range out {
		if r.Speaker == nil {
			continue
		}
		a, b := q.tokenAt(r.Speaker.Start), q.tokenEndingAt(r.Speaker.End)
		if a < 0 || b < 0 || b < a {
			continue
		}
		na, nb := a, b
		for na > 0 && strings.HasPrefix(toks[na].Ent, "I-") && toks[na-1].Ent != "O" && toks[na-1].Ent[2:] == toks[na].Ent[2:] && !inside(na-1, r) {
			na--
		}
		for nb+1 < len(toks) && strings.HasPrefix(toks[nb+1].Ent, "I-") && toks[nb].Ent != "O" && toks[nb].Ent[2:] == toks[nb+1].Ent[2:] && !inside(nb+1, r) {
			nb++
		}
		if na != a || nb != b {
			r.Speaker = q.evp(na, nb+1, r.Speaker.Rule)
		}
	}
}

// backgroundOpeners open a part the writer adds after an attribution,
// circumstances rather than more of what was said: "…, the ministry
// said, despite a ceasefire that took effect a year ago", "…, residents
// said, as the army battles the militia".
var backgroundOpeners = setOf("as despite amid amidst while whilst although though even following")

// beForms are the forms of "be" that make a passive before a participle.
var beForms = setOf(`is was are were be been being 's`)

// hasVerb reports whether tokens [a, b) hold a finite verb, a modal or a
// past form (tags VBD, VBZ, VBP, MD, VBN: the tagger reads some simple
// pasts as participles): a clause, not a noun phrase ("the latest blow
// to manufacturing", whose "blow" and "manufacturing" may be read as a
// base form and a gerund).
func (q *qdoc) hasVerb(a, b int) bool {
	for k := a; k < b && k < len(q.doc.Tokens); k++ {
		switch q.doc.Tokens[k].Tag {
		case "VBD", "VBZ", "VBP", "MD", "VBN", "":
			return true // "": an untagged Doc, which cannot tell
		}
	}
	return false
}

// dashAt reports whether token k is a dash that sets off a phrase: an em
// or en dash, "--", or a hyphen with spaces on both sides (not the one
// inside "late-night").
func (q *qdoc) dashAt(k int) bool {
	switch q.tok(k) {
	case "—", "–", "--", "―":
		return true
	case "-":
		toks := q.doc.Tokens
		return k > 0 && k+1 < len(toks) && toks[k].Start > toks[k-1].End && toks[k+1].Start > toks[k].End
	}
	return false
}

// cutBeforeMainClause ends an indirect content whose cue stands in the
// adverbial clause that opens its sentence ("When Clinton noted that …
// ― as was true … ― Trump boasted, “…”"): the content ends at the comma
// or dash before the sentence's main clause, a subject and a finite verb.
func (q *qdoc) cutBeforeMainClause(qs []*record.Quote) {
	for _, r := range qs {
		c := q.tokenAt(r.Cue.Start)
		a, b, ok := q.reportedTokens(r)
		if c < 0 || !ok {
			continue
		}
		s := q.sentStartTok(c)
		if !openingSubordinators[q.tok(s)] || c-s > 8 || q.inQ[c] >= 0 {
			continue
		}
		for k := a + 3; k < b; k++ {
			if q.inQ[k] >= 0 || q.tok(k) != "," && !q.dashAt(k) {
				continue
			}
			if q.subjectVerbAt(k+1, b) {
				r.Content = q.ev(a, k, r.Content.Rule)
				break
			}
		}
	}
}

// subjectVerbAt reports whether a subject (a pronoun or a short noun
// phrase) and then a finite verb start at token i, before b.
func (q *qdoc) subjectVerbAt(i, b int) bool {
	switch q.pos(i) {
	case "PRON", "PROPN", "NOUN", "DET":
	default:
		return false
	}
	for j := i + 1; j < b && j < i+6; j++ {
		if strings.HasPrefix(q.doc.Tokens[j].Tag, "W") || q.tok(j) == "that" || q.pos(j) == "PUNCT" {
			return false
		}
		switch q.doc.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}
