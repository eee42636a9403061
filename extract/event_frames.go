package extract

import (
	"strings"
	"unicode"

	"dateline/record"
)

// frame kinds found around an action.
const (
	frameNone = iota
	framePlan
	framePrepare
	frameThreat
	frameDemand
	frameRefuse
	frameHypothetical
	frameEase
)

// frameOf sets the polarity, modality and final code of a match from the
// words around its head: negators, auxiliaries, "if"/"unless" and the
// verbs it depends on ("threatened to", "called for", "refused to").
// A governing verb that is itself a lexicon hit ("threaten", "demand") is
// folded into the match and dropped.
func (s *esent) frameOf(m *match, byHead map[int]*match) {
	kind := frameNone
	negated := false
	willNot := false
	// verbNeg: the negation sits on a verb ("will not meet"), which with
	// "will" is a refusal; "would have no contacts" only negates the noun.
	verbNeg := false
	look := func(v int) {
		// "would have backed sanctions": a counterfactual, not a plan.
		would, have := false, false
		defer func() {
			if would && have && kind == framePlan {
				kind = frameHypothetical
			}
		}()
		for _, c := range s.deps(v) {
			if s.dep(c) == "aux" {
				switch s.lower(c) {
				case "would", "could", "might":
					would = true
				case "have":
					have = true
				}
			}
			d, w := s.dep(c), s.lower(c)
			switch {
			case negators[w] && (d == "advmod" || d == "det" || d == "neg" || d == "aux"):
				negated = true
				verbNeg = verbNeg || d != "det"
			case d == "aux" || d == "aux:pass":
				switch s.lemma(c) {
				case "will", "shall", "'ll", "would", "wo":
					if kind == frameNone {
						kind = framePlan
					}
					if w == "wo" || w == "won't" {
						negated = true
					}
				case "could", "might", "may":
					if kind == frameNone {
						kind = frameHypothetical
					}
				case "must", "should":
					if kind == frameNone {
						kind = frameDemand
					}
				}
			case d == "mark" && (w == "if" || w == "unless" || w == "whether"):
				kind = frameHypothetical
			case d == "mark" && (w == "until" || w == "before" || w == "once") && s.presentTense(v):
				// "will not end the war until Hamas is destroyed",
				// "before the troops withdraw": a condition still ahead.
				kind = frameHypothetical
			}
		}
	}
	look(m.head)
	m.modal = kind == frameDemand
	if negated && verbNeg && kind == framePlan {
		willNot = true
	}
	// Walk up through the verbs and nouns the action depends on.
	v := m.head
	for step := 0; step < 3; step++ {
		d := baseDep(s.dep(v))
		p := s.head(v)
		if p < 0 {
			break
		}
		nominal := s.tok(v).POS == "NOUN" || s.tok(v).POS == "PROPN"
		// "necessary to continue", "ready to talk": an infinitive after
		// an adjective, which parsers label xcomp or advcl.
		adjInf := d == "advcl" && s.tok(p).POS == "ADJ" && s.hasTo(v)
		// "will provide 25,000 tons of food aid": through the quantity.
		if nominal && d == "nmod" && s.caseOf(v) == "of" && (s.tok(p).POS == "NOUN" || s.tok(p).POS == "NUM") {
			v = p
			continue
		}
		// A noun is the frame's action as its object or through "for",
		// "to", "on", "with" ("called for talks"), not in an adjunct
		// ("demanded … at the fourth round of talks").
		// "an attack on X would trigger a response": an action named as
		// the subject of a conditional verb has not happened.
		if nominal && d == "nsubj" {
			for _, c := range s.deps(p) {
				if s.dep(c) == "aux" {
					switch s.lemma(c) {
					case "would", "could", "might", "may":
						kind = frameHypothetical
					case "will", "shall":
						// "Talks will resume next week": still ahead.
						if kind == frameNone {
							kind = framePlan
						}
					}
				}
			}
			break
		}
		nomArg := nominal && (d == "obj" || d == "obl" && frameCases[s.caseOf(v)])
		// "called on the government to release …", "urged Iran to
		// free …": a concession asked of the addressee (release,
		// easing, withdrawal, truce: CAMEO's 08), which the parser may
		// hang on the verb as a clause of purpose, is one demand of it
		// (105x, 106, 107), not a demand and a release. Other actions
		// asked for keep their own event, as the parse gives them.
		demandInf := d == "advcl" && !nominal && strings.HasPrefix(m.code, "08") && s.hasTo(v) && frameDemanded[s.baseWord(p)] && s.addressee(p, v) >= 0
		if !(d == "xcomp" || d == "ccomp" || adjInf || nomArg || demandInf) {
			break
		}
		lp := s.baseWord(p)
		if lp == "call" && (d == "xcomp" && !s.hasTo(v) || d == "obl" && s.caseOf(v) == "") {
			// "called the U.S. move an attack", "called the vote a
			// farce": a name given to something, not an action and
			// not a demand ("called on X to" has "to").
			m.dropped = true
			break
		}
		fk := frameNone
		switch {
		case frameEased[lp] && nominal && d == "obj" && !cooperative(m.code):
			fk = frameEase
		case frameThreatened[lp]:
			fk = frameThreat
		case frameDemanded[lp] && !(lp == "call" && nominal && d == "obj"):
			// "called for talks" and "called on Israel to" demand;
			// "called the strikes overdue" and "called elections" do not.
			fk = frameDemand
		case frameRefused[lp]:
			fk = frameRefuse
		case frameSimulated[lp]:
			fk = frameHypothetical
		case frameMobilize[lp]:
			fk = framePrepare
		case framePlanned[lp]:
			fk = framePlan
		}
		if fk == frameNone {
			if d == "ccomp" {
				break // a clause reported by a speech verb: not a frame
			}
			// "did not launch an investigation", "will hold talks": the
			// light verb's negation and auxiliaries count.
			look(p)
			if negated && verbNeg && kind == framePlan {
				willNot = true
			}
			v = p
			continue
		}
		// "did not threaten to", "will not agree to"
		pneg, pkind := false, frameNone
		for _, c := range s.deps(p) {
			if negators[s.lower(c)] && (s.dep(c) == "advmod" || s.dep(c) == "aux") {
				pneg = true
			}
			if s.dep(c) == "aux" {
				switch s.lemma(c) {
				case "will", "shall", "would":
					pkind = framePlan
				case "could", "might", "may":
					pkind = frameHypothetical
				}
			}
		}
		// The governing verb decides: "agreed that they should cooperate"
		// is an agreement, not a demand.
		if kind != frameHypothetical {
			kind = fk
		}
		if pneg {
			if fk == framePlan || pkind == framePlan {
				willNot = true
			} else {
				negated = true
			}
		}
		if pkind == frameHypothetical && kind == framePlan {
			kind = frameHypothetical
		}
		if g := byHead[p]; g != nil && g != m {
			g.dropped = true
		}
		m.frame = p
		break
	}
	if willNot {
		kind, negated = frameRefuse, false
	}
	// "banned the officials from travelling to the bloc", "barred him
	// from visiting Moscow": the action kept from happening did not.
	if p := s.head(m.head); p >= 0 && preventVerbs[s.baseWord(p)] && s.tok(m.head).Tag == "VBG" {
		for _, c := range s.deps(m.head) {
			if (s.dep(c) == "mark" || s.dep(c) == "case") && s.lower(c) == "from" {
				negated = true
			}
		}
	}
	m.negated = negated
	m.code = s.refineWeapon(m)
	if m.code == "190" && s.verbalAttack(m.head) {
		m.code = "111"
	}
	if m.code == "043" && s.lemma(m.head) == "welcome" {
		// "welcomed the talks", "welcomed the decision": approval (051);
		// "welcomed the Chinese delegation" hosts a visit (043).
		if o := s.child(m.head, "obj"); o >= 0 && s.tok(o).POS == "NOUN" && len(s.codeAll(o, false, nil)) == 0 {
			m.code = "051"
		}
	}
	if m.code == "043" && s.lemma(m.head) == "host" {
		// "hosts 1.1 million refugees": giving people refuge is not
		// hosting a visit.
		// "hosts around 1.1 million refugees" may be parsed with "around"
		// as a preposition.
		if o := s.child(m.head, "obj", "obl"); o >= 0 && refugeNouns[s.lemma(o)] {
			m.dropped = true
		}
	}
	if x := s.child(m.head, "xcomp", "ccomp"); x >= 0 && s.child(x, "aux:pass") >= 0 {
		// "who asked not to be named", "declined to be identified":
		// an unnamed source's request for anonymity, no demand.
		switch s.lemma(x) {
		case "name", "identify", "quote":
			m.dropped = true
		}
	}
	if s.lemma(m.head) == "appeal" && !isNominal(s.tok(m.head).POS) {
		// "would appeal the ruling": a legal appeal against a court's
		// decision, no appeal to anyone (020).
		if o := s.child(m.head, "obj"); o >= 0 && courtDecisions[s.lemma(o)] {
			m.dropped = true
		}
	}
	if s.lemma(m.head) == "plead" && !isNominal(s.tok(m.head).POS) {
		// "pleaded guilty to 10 charges", "pleaded not guilty": a plea in
		// court, no appeal to anyone (020).
		for _, c := range s.deps(m.head) {
			if pleaWords[s.lower(c)] {
				m.dropped = true
			}
		}
	}
	if m.code == "084" && s.lemma(m.head) == "release" {
		// "release the latest crime statistics", "released Rs 250 crore",
		// "an official release said": figures, money or a statement
		// made public, no persons or property set free.
		o := s.child(m.head, "obj", "nsubj:pass")
		if isNominal(s.tok(m.head).POS) {
			o = s.child(m.head, "nmod")
			if s.child(m.head, "amod", "compound") >= 0 && pressRelease[s.lower(s.child(m.head, "amod", "compound"))] {
				m.dropped = true
			}
		}
		if o >= 0 && (releasedInfo[s.lemma(o)] || s.tok(o).POS == "NUM" || scales[s.lower(o)] > 0) {
			m.dropped = true
		}
	}
	if len(m.toks) <= 2 && s.insideOrgName(m.head) {
		// "the Central Bureau of Investigation", "the King Salman
		// Humanitarian Aid and Relief Centre": a word of a body's name
		// is no action of anyone.
		m.dropped = true
	}
	if len(m.toks) == 1 && s.acronym(m.head) {
		// "fighting AIDS": an acronym in a sentence of ordinary case is
		// a name, not the word it spells.
		m.dropped = true
	}
	if len(m.toks) == 1 && s.insidePersonName(m.head) {
		// "Ban Ki-moon … Mr. Ban's watch": a word of a person's name is
		// no ban.
		m.dropped = true
	}
	if m.code == "043" && receiveVerbs[s.lemma(m.head)] {
		// "received funding", "received weapons from Germany": a thing
		// received, not a visitor.
		o := s.child(m.head, "obj")
		if o < 0 {
			o = s.child(m.head, "xcomp") // "receives funding" read as a verb
		}
		if o >= 0 && !actorNouns[s.lemma(o)] && len(s.codeAll(o, false, nil)) == 0 {
			m.dropped = true
		}
	}
	if m.code == "160" && len(m.toks) == 1 && s.lemma(m.head) == "suspend" {
		// "suspended the country", "suspended Mali": a member suspended
		// from a body; "suspended operations" or "suspended the
		// officers" (which names no state or body) is something else.
		o := s.child(m.head, "obj")
		if o < 0 || !s.statelike(o) {
			m.dropped = true
		}
	}
	if len(m.toks) == 1 && protesterNouns[s.lemma(m.head)] {
		// "police detained 200 protesters", "fired tear gas at
		// demonstrators": the people who protest, named as what another
		// action is done to, are no protest event of their own.
		switch baseDep(s.dep(m.head)) {
		case "obj", "obl", "iobj":
			m.dropped = true
		}
	}
	if isNominal(s.tok(m.head).POS) && s.hasCase(m.head, "without") {
		// "Without the veto, Germany would have …": an action named
		// only as absent is no event.
		m.dropped = true
	}
	if len(m.toks) == 1 && isNominal(s.tok(m.head).POS) && s.dep(m.head) == "compound" {
		// "an appeals court", "the protest movement": a noun naming
		// an institution's business is no event.
		if h := s.head(m.head); h >= 0 && institutionNouns[s.lemma(h)] {
			m.dropped = true
		}
	}
	if len(m.toks) == 1 && (s.dep(m.head) == "compound" || s.dep(m.head) == "amod") {
		// "water-bombing planes", "rescue teams": a noun naming what
		// equipment or a crew is for is no event of its own.
		if h := s.head(m.head); h > m.head && equipmentNouns[s.lemma(h)] {
			m.dropped = true
		}
	}
	if m.code == "042" && s.child(m.head, "aux:pass", "nsubj:pass") >= 0 {
		// "the wounded were flown to Moscow": carried there, not a visit.
		m.dropped = true
	}
	switch kind {
	case framePlan:
		m.modality = record.ModalityPlanned
		m.code = intentCode(m.code)
	case framePrepare:
		m.modality = record.ModalityPlanned
		m.code = prepareCode(m.code)
	case frameThreat:
		m.modality = record.ModalityThreatened
		m.code = threatCode(m.code)
	case frameDemand:
		m.modality = record.ModalityDemanded
		m.code = demandCode(m.code)
	case frameRefuse:
		nominal := s.tok(m.head).POS == "NOUN" || s.tok(m.head).POS == "PROPN"
		if c, ok := refuseCode(m.code); ok {
			m.code = c
			m.rejected = nominal && m.frame >= 0
		} else if nominal && m.frame >= 0 && requestLike(m.code) {
			// "rejected an Australian ultimatum", "turned down the UN
			// appeal": rejecting what another actor asked or threatened.
			m.code, m.rejected = "120", true
		} else {
			m.negated = true
		}
	case frameHypothetical:
		m.modality = record.ModalityHypothetical
	case frameEase:
		m.code = easeCode(m.code)
	}
	// Demands, threats and intentions named by the lexicon itself ("called
	// for the release of", "issued an ultimatum", "pledged").
	if m.modality == record.ModalityActual {
		switch m.code[:2] {
		case "02", "10":
			m.modality = record.ModalityDemanded
		case "13":
			m.modality = record.ModalityThreatened
		case "03":
			m.modality = record.ModalityPlanned
		}
	}
	if m.frame >= 0 {
		m.rule += " +frame " + s.lemma(m.frame)
	}
	if m.negated {
		m.rule += " +negated"
	}
}

// refugeNouns are people given refuge.
var refugeNouns = setOf("refugee refugees migrant migrants evacuee evacuees asylum-seeker asylum-seekers seeker seekers displaced")

// frameCases are the prepositions through which a frame verb takes a
// nominal action.
var frameCases = map[string]bool{"": true, "for": true, "to": true, "on": true, "with": true, "of": true, "into": true}

// hasTo reports whether verb v is a to-infinitive.
func (s *esent) hasTo(v int) bool {
	for _, c := range s.deps(v) {
		if s.dep(c) == "mark" && s.lower(c) == "to" {
			return true
		}
	}
	return false
}

// verbalAttack reports an "attack" made in words: one that gives its
// reason ("attacked Powell for not cutting rates", "attacked the plan
// over its cost") or its medium ("attacked her in a speech", "on social
// media"). Force has a weapon, a place or a time, not a reason; "for
// hours" and "for a second day" are times, not reasons.
func (s *esent) verbalAttack(h int) bool {
	if s.lemma(h) != "attack" || !strings.HasPrefix(s.tok(h).Tag, "VB") {
		return false
	}
	for _, c := range s.deps(h) {
		d := baseDep(s.dep(c))
		if d != "obl" && d != "advcl" {
			continue
		}
		cs := s.caseOf(c)
		if cs == "" {
			if m := s.child(c, "mark"); m >= 0 {
				cs = s.lower(m)
			}
		}
		switch cs {
		case "for", "over":
			if !timeNouns[s.lemma(c)] && s.child(c, "nummod") < 0 {
				return true
			}
		case "in", "on":
			if speechMedia[s.lemma(c)] {
				return true
			}
		}
	}
	return false
}

// timeNouns measure how long something lasted ("for hours").
var timeNouns = setOf("second minute hour day night week month year time while decade")

// speechMedia are the occasions and channels of words ("in a speech",
// "on social media", "in an interview").
var speechMedia = setOf("speech interview statement post tweet media television radio podcast op-ed column editorial rally address letter debate")

// weapon words and the CAMEO code of force used with them.
var weaponCodes = map[string]string{
	"cyber": cyberCode, "hacker": cyberCode, "computer": cyberCode,
	"air": "195", "aerial": "195", "airstrike": "195", "warplane": "195", "jet": "195", "aircraft": "195",
	"helicopter": "195", "drone": "195", "predator": "195", "missile": "195", "bomber": "195",
	"artillery": "194", "tank": "194", "shell": "194", "mortar": "194", "rocket": "194", "howitzer": "194",
	"gun": "193", "gunfire": "193", "rifle": "193", "gunman": "193", "sniper": "193",
	"bomb": "183", "explosive": "183", "machete": "182", "knife": "182", "axe": "182",
}

// refineWeapon narrows a generic use of force ("attack", "strike") by the
// weapon named near it: "air and artillery strikes" → 195.
func (s *esent) refineWeapon(m *match) string {
	code := m.code
	if code != "190" && code != "180" && !(code == "143" && s.lemma(m.head) == "strike") {
		return code
	}
	lo, hi := m.head-3, m.head+4
	if lo < s.a {
		lo = s.a
	}
	if hi > s.b {
		hi = s.b
	}
	for i := lo; i < hi; i++ {
		if i == m.head {
			continue
		}
		if c, ok := weaponCodes[s.lemma(i)]; ok {
			return c
		}
	}
	for _, c := range s.deps(m.head) {
		if w, ok := weaponCodes[s.lemma(c)]; ok {
			return w
		}
		for _, cc := range s.deps(c) {
			if w, ok := weaponCodes[s.lemma(cc)]; ok {
				return w
			}
		}
	}
	// "strikes on Gaza", "a strike against the base": a strike aimed at a
	// place or an enemy is a military one; a labour strike is "by",
	// "at" or "over".
	if code == "143" {
		heads := []int{m.head}
		if p := s.head(m.head); p >= 0 && baseDep(s.dep(m.head)) == "nmod" && s.caseOf(m.head) == "of" {
			heads = append(heads, p) // "a campaign of strikes on Gaza"
		}
		for _, h := range heads {
			for _, c := range s.deps(h) {
				if baseDep(s.dep(c)) == "nmod" && (s.caseOf(c) == "on" || s.caseOf(c) == "against") &&
					(s.tok(c).POS == "PROPN" || s.tok(c).Ent != "" && s.tok(c).Ent != "O") {
					return "190"
				}
			}
		}
	}
	// "The strike came two weeks after …" after "a drone struck his
	// car": the definite noun takes up that strike, not a labour one.
	if code == "143" && s.prevForceStrike && s.lemma(m.head) == "strike" && s.tok(m.head).POS == "NOUN" {
		for _, c := range s.deps(m.head) {
			if s.dep(c) == "det" && definiteDets[s.lower(c)] {
				return "190"
			}
		}
	}
	// "investigators traced the attack to the GRU" after "a cyberattack
	// shut down the websites": the definite noun takes up the attack
	// the text last named, an operation on computers, not force.
	if code == "190" && s.prevCyber && attackNouns[s.lemma(m.head)] {
		for _, c := range s.deps(m.head) {
			if s.dep(c) == "det" && definiteDets[s.lower(c)] {
				return cyberCode
			}
		}
	}
	return code
}

// cyberCode is the code of an attack on computer systems. CAMEO has no
// code of its own for it; like the lexicon's "cyberattack", it is taken
// as damage to property (171), not as military force.
const cyberCode = "171"

var attackNouns = setOf(`attack assault operation incident hack breach`)

var definiteDets = setOf(`the this that`)

// requestLike reports whether a code names something one actor puts to
// another, which the other can reject: appeals (02), demands (10),
// complaints (11) and threats (13).
func requestLike(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "02", "10", "11", "13":
		return true
	}
	return false
}

// cooperative reports whether a code is verbal or material cooperation
// (roots 01–09).
func cooperative(code string) bool { return len(code) >= 2 && code[:2] <= "09" }

// intentCode maps an action to CAMEO's "express intent to" form (03) when
// it is cooperative, and to a threat (13) when it is conflictual.
func intentCode(code string) string {
	if !cooperative(code) {
		return threatCode(code)
	}
	switch {
	case strings.HasPrefix(code, "045"):
		return "039"
	case strings.HasPrefix(code, "04"):
		return "036"
	case strings.HasPrefix(code, "05"):
		return "032"
	case strings.HasPrefix(code, "06"):
		if len(code) >= 3 && code[2] >= '1' && code[2] <= '4' {
			return "031" + code[2:3]
		}
		return "031"
	case strings.HasPrefix(code, "075"):
		return "033"
	case strings.HasPrefix(code, "07"):
		if len(code) >= 3 && code[2] >= '1' && code[2] <= '4' {
			return "033" + code[2:3]
		}
		return "033"
	case strings.HasPrefix(code, "083"):
		if len(code) == 4 {
			return "034" + code[3:]
		}
		return "034"
	case strings.HasPrefix(code, "081"):
		return "0351"
	case strings.HasPrefix(code, "082"):
		return "0352"
	case strings.HasPrefix(code, "084"):
		return "0353"
	case strings.HasPrefix(code, "085"):
		return "0354"
	case strings.HasPrefix(code, "086"):
		return "0355"
	case strings.HasPrefix(code, "087"):
		return "0356"
	case strings.HasPrefix(code, "08"):
		return "035"
	case strings.HasPrefix(code, "09"), strings.HasPrefix(code, "03"):
		if strings.HasPrefix(code, "03") {
			return code
		}
		return "030"
	}
	return code // 01, 02: statements and appeals keep their code
}

// frameEased are verbs that undo a coercive measure named by their object:
// "lifted the blockade", "shortened the curfew", "ended the occupation".
var frameEased = setOf("lift ease end relax shorten loosen remove scrap rescind revoke suspend")

// easeCode maps a coercive action that is lifted or eased to CAMEO's
// matching yield code (08).
func easeCode(code string) string {
	switch {
	case code == "163" || strings.HasPrefix(code, "163"):
		return "085"
	case code == "1721":
		return "0811"
	case code == "1722":
		return "0812"
	case code == "1723":
		return "0813"
	case code == "1724":
		return "0814"
	case strings.HasPrefix(code, "16"), strings.HasPrefix(code, "17"):
		return "081"
	case code == "191":
		return "0872"
	case code == "192":
		return "0874"
	case strings.HasPrefix(code, "15"):
		return "0873"
	case strings.HasPrefix(code, "18"), strings.HasPrefix(code, "19"), strings.HasPrefix(code, "20"):
		return "087"
	case strings.HasPrefix(code, "14"):
		return "082"
	}
	return "080"
}

// prepareCode: preparing a conflictual action is a show of force (15).
func prepareCode(code string) string {
	if cooperative(code) {
		return intentCode(code)
	}
	switch code[:2] {
	case "18", "19", "20", "15":
		return "154"
	}
	return threatCode(code)
}

// threatCode maps a conflictual action to the matching CAMEO threat (13).
func threatCode(code string) string {
	if cooperative(code) {
		return code
	}
	switch {
	case strings.HasPrefix(code, "13"), strings.HasPrefix(code, "10"), strings.HasPrefix(code, "11"):
		return code
	case strings.HasPrefix(code, "12"):
		return "1313"
	case strings.HasPrefix(code, "14"):
		return "133"
	case strings.HasPrefix(code, "15"):
		return "138"
	case code == "161":
		return "1313"
	case strings.HasPrefix(code, "162"):
		return "1311"
	case code == "163":
		return "1312"
	case code == "164":
		return "134"
	case code == "165":
		return "135"
	case strings.HasPrefix(code, "166"):
		return "136"
	case strings.HasPrefix(code, "16"):
		return "131"
	case code == "1721":
		return "1321"
	case code == "1722":
		return "1322"
	case code == "1723":
		return "1323"
	case code == "1724":
		return "1324"
	case strings.HasPrefix(code, "172"):
		return "132"
	case strings.HasPrefix(code, "17"):
		return "137"
	case strings.HasPrefix(code, "204"):
		return "1385"
	case strings.HasPrefix(code, "18"), strings.HasPrefix(code, "20"):
		return "1383"
	case code == "191":
		return "1381"
	case code == "192":
		return "1382"
	case strings.HasPrefix(code, "19"):
		return "1384"
	}
	return "130"
}

// demandCode maps the demanded action to CAMEO's demand codes (10).
func demandCode(code string) string {
	switch {
	case strings.HasPrefix(code, "10"):
		return code
	case strings.HasPrefix(code, "04"):
		return "108"
	case strings.HasPrefix(code, "05"):
		return "102"
	case strings.HasPrefix(code, "06"):
		if len(code) >= 3 && code[2] >= '1' && code[2] <= '4' {
			return "101" + code[2:3]
		}
		return "101"
	case strings.HasPrefix(code, "07"):
		if len(code) >= 3 && code[2] >= '1' && code[2] <= '4' {
			return "103" + code[2:3]
		}
		return "103"
	case strings.HasPrefix(code, "081"):
		return "1051"
	case strings.HasPrefix(code, "082"):
		return "1052"
	case strings.HasPrefix(code, "083"):
		if len(code) == 4 {
			return "104" + code[3:]
		}
		return "104"
	case strings.HasPrefix(code, "084"):
		return "1053"
	case strings.HasPrefix(code, "085"):
		return "1054"
	case strings.HasPrefix(code, "086"):
		return "1055"
	case code == "0871":
		return "107"
	case code == "0874", code == "087":
		return "106"
	case strings.HasPrefix(code, "087"):
		return "1056"
	case strings.HasPrefix(code, "09"):
		return "101"
	}
	return "100"
}

// refuseCode maps a refused cooperative action to CAMEO's reject codes
// (12); a refused conflictual action has none and is a negated event.
func refuseCode(code string) (string, bool) {
	switch {
	case strings.HasPrefix(code, "12"):
		return code, true
	case strings.HasPrefix(code, "04"), strings.HasPrefix(code, "036"):
		return "125", true
	case strings.HasPrefix(code, "057"):
		return "127", true
	case strings.HasPrefix(code, "06"), strings.HasPrefix(code, "031"):
		if len(code) >= 3 && (code[2] == '1' || code[2] == '2') {
			return "121" + code[2:3], true
		}
		return "121", true
	case strings.HasPrefix(code, "07"), strings.HasPrefix(code, "033"):
		if strings.HasPrefix(code, "07") && len(code) >= 3 && code[2] >= '1' && code[2] <= '4' {
			return "122" + code[2:3], true
		}
		return "122", true
	case strings.HasPrefix(code, "081"):
		return "1241", true
	case strings.HasPrefix(code, "082"):
		return "1242", true
	case strings.HasPrefix(code, "083"):
		return "123", true
	case strings.HasPrefix(code, "084"):
		return "1243", true
	case strings.HasPrefix(code, "085"):
		return "1244", true
	case strings.HasPrefix(code, "086"):
		return "1245", true
	case strings.HasPrefix(code, "087"):
		return "1246", true
	case cooperative(code):
		return "120", true
	}
	return "", false
}

// actorsOf finds the source and target actors of a match.
func (s *esent) actorsOf(m *match, pron func(int) *evActor) (srcs, tgts []evActor) {
	h := m.head
	t := s.tok(h)
	inMatch := map[int]bool{}
	for _, x := range m.toks {
		inMatch[x] = true
	}
	code := func(i int, subject bool) []evActor {
		// Matched words other than the head may carry actors: "expel
		// (American) diplomats".
		if i < 0 || i == h {
			return nil
		}
		if !subject && s.partner(i) {
			return nil // "arrested them together with Ghanaian officers": a partner, not a target
		}
		as := s.codeAll(i, subject, pron)
		if !subject {
			as = s.dropReporters(as)
		}
		return as
	}
	verbal := t.POS == "VERB" || t.POS == "AUX" || (t.POS == "ADJ" && strings.HasPrefix(t.Tag, "VB"))
	ownSubject := false
	if verbal && s.lower(h) == "accused" && s.in(h+1) && s.lower(h+1) == "of" && s.child(h, "aux", "aux:pass") < 0 {
		// "firms accused of selling parts": "accused" with no object and
		// no auxiliary before "of" is a passive participle and its accuser
		// unnamed, whatever subject the parser gave it; neither the noun
		// before it nor the subject of the clause it hangs on accused
		// anyone.
		return nil, nil
	}
	if verbal && s.hazardVictims(h, m) {
		// "1,400 people were injured in the earthquake", or with no
		// cause named after a sentence about one: nobody's attack.
		return nil, nil
	}
	if verbal && s.hazardDoer(h) {
		// "Floods killed 27 people", "an earthquake struck, killing 128":
		// a natural hazard is nobody's action; the country it struck is
		// not the one doing it.
		return nil, nil
	}
	// "fled fighting between the army and M23 rebels", with "fighting"
	// read as a verb: the parties of a mutual action, as for the noun.
	if verbal && mutualCode(m.code) {
		if ps := s.betweenParties(h, code); len(ps) >= 2 {
			return ps, nil
		}
	}
	if verbal {
		if n := s.reducedRelative(h); n >= 0 {
			// "An aid worker kidnapped in Mali has been freed", which
			// the parser reads as a clause with "worker" its subject:
			// the noun is the one acted on; only "by" names the doer.
			ownSubject = true
			tgts = code(n, false)
			for _, c := range s.deps(h) {
				if (s.dep(c) == "obl:agent" || baseDep(s.dep(c)) == "obl") && s.caseOf(c) == "by" { // an agent with no "by" is a misparse ("…, governor X said")
					srcs = code(c, true)
					break
				}
			}
		} else if sp := s.child(h, "nsubj:pass"); sp >= 0 {
			// A passive clause's subject is the one acted on; with no
			// "by" phrase the doer is unnamed, not the subject of a
			// clause it is joined to ("protesters clashed with police,
			// and dozens were detained").
			ownSubject = true
			tgts = code(sp, false)
			for _, c := range s.deps(h) {
				if (s.dep(c) == "obl:agent" || baseDep(s.dep(c)) == "obl") && s.caseOf(c) == "by" { // an agent with no "by" is a misparse ("…, governor X said")
					srcs = code(c, true)
					break
				}
			}
			if len(srcs) == 0 && releaseVerbs[s.lemma(h)] {
				srcs = s.holderOf(sp, code)
			}
			// "27 people were killed in Israeli strikes on Gaza": the
			// attack's own actor did it, to the people where it struck.
			if len(srcs) == 0 && (strings.HasPrefix(m.code, "18") || strings.HasPrefix(m.code, "19")) {
				for _, c := range s.deps(h) {
					if baseDep(s.dep(c)) != "obl" || !harmCauseNouns[s.lemma(c)] {
						continue
					}
					if cs := s.caseOf(c); cs != "in" && cs != "by" && cs != "during" {
						continue
					}
					srcs = s.attackActor(c, code)
					if len(srcs) > 0 && len(tgts) == 0 {
						for _, n := range s.deps(c) {
							if cs := s.caseOf(n); baseDep(s.dep(n)) == "nmod" && (cs == "on" || cs == "in" || cs == "against") {
								for _, a := range code(n, false) {
									if len(a.code) == 3 {
										a.code += "CVL"
									}
									tgts = append(tgts, a)
								}
								break
							}
						}
					}
					break
				}
			}
		} else if sj := s.child(h, "nsubj", "csubj"); sj >= 0 {
			srcs = code(sj, true)
			ownSubject = true
		} else if baseDep(s.dep(h)) == "acl" && s.misreadFinite(h) {
			// "when a drone struck his car": the noun the parser hung
			// the verb on is its subject, whether or not it names an
			// actor.
			srcs, ownSubject = code(s.head(h), true), true
		} else if baseDep(s.dep(h)) == "acl" && s.tok(h).Tag == "VBN" {
			// A passive participle on a noun names its doer in its
			// "by" phrase: "a swap mediated by Qatar" is Qatar's
			// mediation, not that of the noun's owners.
			for _, c := range s.deps(h) {
				if (s.dep(c) == "obl:agent" || baseDep(s.dep(c)) == "obl") && s.caseOf(c) == "by" { // an agent with no "by" is a misparse ("…, governor X said")
					if a := code(c, true); len(a) > 0 {
						srcs, ownSubject = a, true
					}
					break
				}
			}
		}
		// A clause with a subject of its own that names no actor
		// ("clashes along the border killed …") does not borrow one
		// from the clause above it.
		if len(srcs) == 0 && !ownSubject {
			srcs = s.inheritedSubject(h, m, pron)
			// "inspectors had visited the site but had been denied
			// access": a passive verb sharing a subject is done to it.
			if len(srcs) > 0 && len(tgts) == 0 && s.dep(h) == "conj" && s.child(h, "aux:pass") >= 0 && s.tok(h).Tag == "VBN" {
				srcs, tgts = nil, srcs
			}
			// "Two people were killed and 14 injured": a participle
			// joined to a passive verb shares its passive; the ones
			// harmed are no doers.
			if p := s.head(h); len(srcs) > 0 && s.dep(h) == "conj" && s.tok(h).Tag == "VBN" && s.child(h, "aux", "aux:pass") < 0 && p >= 0 && s.child(p, "nsubj:pass") >= 0 {
				if len(tgts) == 0 || !strings.HasPrefix(tgts[0].rule, "nearby") {
					srcs, tgts = nil, srcs
				} else {
					srcs = nil
				}
			}
		}
		if len(tgts) == 0 {
			tgts = s.verbTarget(h, m, code)
		}
		if from, to, ok := s.receivedFrom(h, code); ok {
			srcs, tgts = from, to
		}
		if len(tgts) == 0 && harmVerbs[s.lemma(h)] && baseDep(s.dep(h)) == "advcl" && s.child(h, "obj") >= 0 {
			// "rammed a Philippine vessel, injuring three crew
			// members": the people harmed, named by no actor, were
			// on what the main clause struck.
			p := s.head(h)
			if p >= 0 && baseDep(s.dep(p)) == "xcomp" && s.child(p, "obj") < 0 {
				p = s.head(p) // "rammed a … vessel" with "vessel" read as a verb
			}
			if p >= 0 {
				o := s.child(p, "obj")
				if o < 0 {
					// "fired on a patrol boat, wounding two sailors"
					for _, c := range s.deps(p) {
						if baseDep(s.dep(c)) == "obl" && (s.caseOf(c) == "on" || s.caseOf(c) == "at") && c < h {
							o = c
							break
						}
					}
				}
				if o >= 0 && !inMatch[o] {
					tgts = code(o, false)
				}
			}
		}
	} else {
		srcs, tgts = s.nounActors(h, m, code, pron)
	}
	// "urged Peru to hold talks with Chile", "called on police to
	// release …": the one urged is the target.
	if m.frame >= 0 && m.modality == record.ModalityDemanded {
		if o := s.addressee(m.frame, m.head); o >= 0 && !inMatch[o] {
			if a := code(o, false); len(a) > 0 {
				tgts = a
				// The one urged to release is not the one urging: the
				// demand is the frame's subject's.
				if len(srcs) > 0 && srcs[0].start == a[0].start {
					srcs = nil
					if sj := s.child(m.frame, "nsubj"); sj >= 0 {
						srcs = code(sj, true)
					}
				}
			}
		}
	}
	// "Serbia rejected an Australian ultimatum": the rejecting subject is
	// the source, and the noun's own actor, whose ultimatum it was, the
	// target.
	if m.rejected {
		if sj := s.child(m.frame, "nsubj"); sj >= 0 {
			if a := code(sj, true); len(a) > 0 {
				if len(srcs) > 0 {
					tgts = srcs
				}
				srcs = a
			}
		}
	}
	// An embedded action whose own subject names no actor ("agreed that
	// their countries should cooperate") is done by the frame's subject.
	if len(srcs) == 0 && m.frame >= 0 {
		if sj := s.child(m.frame, "nsubj"); sj >= 0 {
			srcs = code(sj, true)
		}
	}
	// A target known only from a pronoun or from the sentence's country
	// ("withdraw its troops from Lebanon") gives way to an actor named
	// after the action.
	// A clause the parser left without a subject: the nearest actor
	// named before the action, as pattern coders read it.
	if len(srcs) == 0 && (verbal || s.misreadParticiple(m)) && !s.weaponSubject(h) && s.child(h, "nsubj:pass") < 0 && s.child(h, "aux:pass") < 0 && s.reducedRelative(h) < 0 && !s.uncodedNounSubject(h) {
		srcs = s.nearbySource(m, tgts)
	}
	if len(srcs) >= 2 && len(tgts) == 0 && mutualCode(m.code) {
		return srcs, nil // each is the other's target (see Events)
	}
	if len(tgts) == 0 || weakActor(tgts[0]) {
		if nt := s.nearbyTarget(m, srcs, pron); len(nt) > 0 {
			if len(tgts) == 1 && len(tgts[0].code) == 6 && len(nt) == 1 && len(nt[0].code) >= 3 && strings.HasPrefix(nt[0].rule, "nearby kb-place") {
				// "threw stones at police in Tbilisi": the town gives
				// the country of the police, not a target of its own.
				r := tgts[0]
				r.code = nt[0].code[:3] + r.code[3:]
				r.rule = "object placed by " + nt[0].rule
				nt = []evActor{r}
			}
			tgts = nt
		}
	}
	// A demand or threat in a clause ("said Sudan must return", "demanded
	// that the US cancel") is made by the speaker, against the subject.
	// Not a demand verb with a subject of its own: in "“The people have
	// asked us to govern,” he told supporters" the people ask.
	ownDemand := verbal && frameDemanded[s.lemma(h)] && s.child(h, "nsubj") >= 0
	if m.modality == record.ModalityDemanded && len(srcs) > 0 && !ownDemand {
		sp := s.speakerOf(h, code)
		if len(sp) == 0 && m.modal && s.quote != nil {
			// "Israel must withdraw from Gaza, the minister said": the
			// parse may not hang the clause on the cue.
			if a := s.speakerActor(s.quote); a != nil && s.quote.Speaker != nil {
				a.start, a.end = -1, -1
				for i := range s.doc.Tokens {
					if t := s.doc.Tokens[i]; t.Start >= s.quote.Speaker.Start && t.End <= s.quote.Speaker.End {
						if a.start < 0 {
							a.start = i
						}
						a.end = i + 1
					}
				}
				if a.start >= 0 {
					sp = []evActor{*a}
				}
			}
		}
		if len(sp) > 0 && sp[0].code != srcs[0].code {
			if len(tgts) == 0 || s.dep(m.head) == "ccomp" || m.modal {
				tgts = srcs
			}
			srcs = sp
		} else if len(sp) == 0 && m.modal && m.frame < 0 {
			// "Parliament must meet within 14 days": an obligation the
			// writer states, demanded by no actor.
			return nil, nil
		}
	}
	// A target whose country is only the sentence's first, which is the
	// doer's own ("Russian forces shelled Kharkiv, killing four
	// civilians"), more likely belongs to another country the sentence
	// names.
	if len(srcs) > 0 && len(srcs[0].code) >= 3 {
		own := srcs[0].code[:3]
		kept := tgts[:0]
		for i := range tgts {
			t := &tgts[i]
			if strings.HasPrefix(t.rule, "sentence-country") && !strings.HasPrefix(t.rule, "sentence-country-dateline") && strings.HasPrefix(t.code, own) {
				// A partner ("The US, along with France, imposed
				// sanctions on the regime") acts with the doer and is
				// no one it acts on: with only the two named, whose
				// regime it is the sentence does not say.
				if o := s.countryOutside(own, s.partner); o != "" {
					t.code, t.rule = o+t.code[3:], t.rule+"-not-source"
				} else if s.countryOtherThan(own) != "" {
					continue
				}
			}
			kept = append(kept, *t)
		}
		tgts = kept
	}
	return srcs, tgts
}

// harmVerbs hurt or kill people as the outcome of another action.
var harmVerbs = setOf(`injure wound kill hurt maim`)

// releaseVerbs free someone held; holdVerbs hold or take someone.
var releaseVerbs = setOf(`free release`)
var holdVerbs = setOf(`hold kidnap abduct seize capture detain take`)

// holderOf finds who held the people at n, named in a participle on
// them: "six prisoners held by the militia … were freed" were freed by
// the militia, the only one who could free them.
func (s *esent) holderOf(n int, code func(int, bool) []evActor) []evActor {
	for _, v := range s.deps(n) {
		if baseDep(s.dep(v)) != "acl" || !holdVerbs[s.lemma(v)] {
			continue
		}
		for _, c := range s.deps(v) {
			if (s.dep(c) == "obl:agent" || baseDep(s.dep(c)) == "obl") && s.caseOf(c) == "by" { // an agent with no "by" is a misparse ("…, governor X said")
				// Only a holder the text codes itself: "rebels" given
				// the sentence's country may be the mediator's.
				var out []evActor
				for _, a := range code(c, true) {
					if !weakActor(a) {
						out = append(out, a)
					}
				}
				return out
			}
		}
	}
	return nil
}

// mutualCode reports actions that two parties do with each other
// (consult, meet, negotiate, sign an agreement, cooperate, clash): "Armenia
// and Azerbaijan held talks" is Armenia → Azerbaijan and Azerbaijan →
// Armenia, as the CAMEO coders record such events.
func mutualCode(code string) bool {
	for _, p := range []string{"040", "044", "046", "057", "06", "190"} {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// presentTense reports whether the verb at v, or its auxiliary, is in
// the present tense ("is destroyed", "withdraw", "arrives").
func (s *esent) presentTense(v int) bool {
	switch s.tok(v).Tag {
	case "VBZ", "VBP":
		return true
	case "VBD", "MD":
		return false
	}
	for _, c := range s.deps(v) {
		if d := s.dep(c); d == "aux" || d == "aux:pass" {
			switch s.tok(c).Tag {
			case "VBZ", "VBP":
				return true
			case "VBD", "MD":
				return false
			}
		}
	}
	return false
}

// receivedFrom reads an action received ("receives funding from the EU",
// "received food aid from the United States", with "funding" read as a
// noun or as a verb the receiving verb governs): the giver named after
// "from" is the source, the receiving subject the target.
func (s *esent) receivedFrom(h int, code func(int, bool) []evActor) (from, to []evActor, ok bool) {
	p := s.head(h)
	if p < 0 || !receiveVerbs[s.lemma(p)] {
		return nil, nil, false
	}
	if d := s.dep(h); d != "obj" && !(d == "xcomp" && s.tok(h).Tag == "VBG") {
		return nil, nil, false
	}
	for _, c := range append(s.deps(h), s.deps(p)...) {
		if d := baseDep(s.dep(c)); (d == "obl" || d == "nmod") && s.caseOf(c) == "from" {
			from = code(c, true)
			break
		}
	}
	if len(from) == 0 {
		return nil, nil, false
	}
	if sj := s.child(p, "nsubj"); sj >= 0 {
		to = code(sj, false)
	}
	return from, to, true
}

// courtDecisions are what a court hands down and a party appeals.
// pleaWords follow "plead" in court.
var pleaWords = setOf("guilty innocent not")

// releasedInfo are things made public by a "release": figures,
// statements and funds.
var releasedInfo = setOf(`statistics figure figures data report result results statement details list
video footage image images photo photos document documents finding findings budget fund funds money
amount sum tranche names information name schedule timetable guideline guidelines`)

// pressRelease modifiers make "release" a statement.
var pressRelease = setOf("press official news")

// insideOrgName reports whether token i is a capitalised word inside an
// organisation's name of several words, not its first ("Investigation" in
// "Central Bureau of Investigation").
func (s *esent) insideOrgName(i int) bool {
	if !startsUpper(s.tok(i).Text) {
		return false
	}
	for _, e := range s.doc.Ents {
		if e.Label == "ORG" && e.Start < i && i < e.End {
			return true
		}
	}
	return false
}

// acronym reports whether token i is written in capitals (two letters
// or more) in a sentence most of whose words are not: "AIDS", not "aids";
// a headline in capitals says nothing.
func (s *esent) acronym(i int) bool {
	w := s.tok(i).Text
	if len(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return false
	}
	caps, words := 0, 0
	for j := s.a; j < s.b; j++ {
		t := s.tok(j).Text
		if t == "" || !unicode.IsLetter([]rune(t)[0]) {
			continue
		}
		words++
		if strings.ToUpper(t) == t {
			caps++
		}
	}
	return 2*caps < words
}

// insidePersonName reports whether the capitalised token i is a word of
// a person's name: inside a person span, after a personal title ("Mr.
// Ban"), or opening a name span that goes on with a capitalised word
// ("Ban Ki | -moon", read as an organisation).
func (s *esent) insidePersonName(i int) bool {
	if !startsUpper(s.tok(i).Text) {
		return false
	}
	if s.in(i-1) && personalTitles[strings.ToLower(s.tok(i-1).Text)] {
		return true
	}
	for _, e := range s.doc.Ents {
		if e.Start <= i && i < e.End && (e.Label == "PER" || e.Start == i && e.End > i+1 && startsUpper(s.doc.Tokens[i+1].Text) && e.Label != "LOC" && e.Label != "GPE") {
			return true
		}
	}
	return false
}

var courtDecisions = setOf("ruling verdict decision sentence conviction judgment judgement acquittal order")

// receiveVerbs take what another gives: the noun they govern is the
// giver's action ("received aid from", "got weapons from").
var receiveVerbs = setOf("receive get obtain accept secure win")

// institutionNouns head compounds whose first noun names the
// institution's business, not an event ("appeals court", "arms control
// agency", "protest movement").
var institutionNouns = setOf(`court tribunal chamber panel judge judges committee commission agency
office bureau department ministry movement group organisation organization party unit division`)

// equipmentNouns are machines and crews an action noun before them
// describes ("water-bombing planes").
var equipmentNouns = setOf(`plane planes aircraft helicopter helicopters jet jets ship ships boat boats
vessel vessels vehicle vehicles truck trucks equipment gear team teams crew crews dog dogs`)

// preventVerbs keep someone "from" doing what follows.
var preventVerbs = setOf(`prevent ban bar stop block keep prohibit forbid restrain deter discourage
exclude disqualify`)

// weakActor reports whether an actor's code was guessed rather than
// named: a pronoun's antecedent or the sentence's country.
func weakActor(a evActor) bool {
	return strings.HasPrefix(a.rule, "pronoun") || strings.HasPrefix(a.rule, "sentence-country")
}

// guessedActor reports whether an actor is weak or was read off a name
// near the action that stands for its country only loosely (a town, the
// sentence's country), rather than a country or body named outright.
func guessedActor(a evActor) bool {
	if weakActor(a) {
		return true
	}
	r, ok := strings.CutPrefix(a.rule, "nearby ")
	return ok && (strings.HasPrefix(r, "kb-place") || weakActor(evActor{rule: r}))
}

// codeAll codes an actor head and the heads coordinated with it.
func (s *esent) codeAll(i int, subject bool, pron func(int) *evActor) []evActor {
	var out []evActor
	for _, c := range s.conjuncts(i) {
		out = append(out, s.codeActors(c, subject, pron)...)
	}
	if subject {
		if j := s.strandedConjunct(i); j >= 0 {
			out = append(out, s.codeActors(j, subject, pron)...)
		}
	}
	return out
}

// subjectOpeners may stand before a coordinated subject at the start of
// a clause: "…, as [the AU] and [the EU] urged calm".
var subjectOpeners = setOf(`, ; as while when after before because since though although where and but`)

// leftEdge returns the first token of the noun phrase headed by h,
// counting only its pre-modifiers (determiners, adjectives, compounds).
func (s *esent) leftEdge(h int) int {
	l := h
	for step := 0; step < 6; step++ {
		moved := false
		for _, c := range s.deps(l) {
			if c < l {
				switch baseDep(s.dep(c)) {
				case "det", "amod", "compound", "flat", "nmod", "nummod":
					if baseDep(s.dep(c)) != "nmod" || s.dep(c) == "nmod:poss" {
						l, moved = c, true
					}
				}
			}
		}
		if !moved {
			break
		}
	}
	return l
}

// strandedConjunct finds the first of two coordinated subjects when the
// parser hung it on the clause before and joined only the second to the
// verb: in "…, as the AU and the EU urged calm" the AU is read as a
// modifier of an earlier noun and "and" coordinates the verbs. It
// returns the head of that noun phrase, or -1.
func (s *esent) strandedConjunct(i int) int {
	l := s.leftEdge(i)
	and := l - 1
	if !s.in(and) || s.lower(and) != "and" || s.head(and) == i {
		return -1
	}
	j := and - 1
	if !s.in(j) || s.tok(j).POS != "PROPN" && s.tok(j).POS != "NOUN" {
		return -1
	}
	for step := 0; step < 2; step++ {
		if d := baseDep(s.dep(j)); (d == "compound" || d == "flat") && s.head(j) > j && s.head(j) < and {
			j = s.head(j)
		}
	}
	switch baseDep(s.dep(j)) {
	case "conj", "nsubj", "appos":
		return -1
	}
	lj := s.leftEdge(j)
	if h := s.head(j); h < 0 || h >= lj {
		return -1
	}
	if lj > s.a && !subjectOpeners[s.lower(lj-1)] {
		return -1
	}
	return j
}

// inheritedSubject finds the subject of a verb that has none of its own:
// the verb it depends on (xcomp, conj, advcl) or the noun it modifies
// (acl: "militiamen armed with").
func (s *esent) inheritedSubject(h int, m *match, pron func(int) *evActor) []evActor {
	v := h
	for step := 0; step < 3; step++ {
		d := baseDep(s.dep(v))
		p := s.head(v)
		if p < 0 {
			return nil
		}
		// "X said the deployment was illegal and accused Y": a statement
		// verb the parser coordinated with the reported clause, in the
		// tense of the speech verb and not of the clause, is the
		// speaker's, not the clause subject's.
		if d == "conj" && s.dep(p) == "ccomp" {
			if c := s.head(p); c >= 0 && speechCue[s.lemma(c)] && statementVerb(s.lemma(v)) {
				tv, tp, tc := s.tok(v).Tag, s.tok(p).Tag, s.tok(c).Tag
				// A past form the tagger read as a participle counts when
				// it has an object and the clause has no participle it
				// could share an auxiliary with ("said the results were
				// false and accused the police"; not "said the army had
				// arrested him and accused him").
				past := tc == "VBD" && tv == "VBN" && tp != "VBN" && s.child(v, "obj") >= 0 && s.child(v, "aux", "aux:pass") < 0
				if tv != "" && (tv == tc && tv != tp || past) {
					if sj := s.child(c, "nsubj"); sj >= 0 {
						return s.codeAll(sj, true, pron)
					}
				}
			}
		}
		// Object control: "urged the soldiers to release him" (the
		// soldiers release), "accused Russia of carrying out the attack"
		// (Russia carries it out).
		if o := s.child(p, "obj"); o >= 0 && o < v {
			if (d == "xcomp" || d == "advcl" && s.markOf(v) == "to") && objectControl[s.lemma(p)] || d == "advcl" && accusingVerbs[s.lemma(p)] && s.markOf(v) == "of" {
				return s.codeAll(o, false, pron)
			}
		}
		// "…, the agency said, as fighting spread": a clause opened by
		// as/while/when on a speech verb is the writer's, not the
		// speaker's action.
		if d == "advcl" && speechCue[s.lemma(p)] {
			if mk := s.markOf(v); mk == "as" || mk == "while" || mk == "when" || mk == "amid" {
				return nil
			}
		}
		switch d {
		case "xcomp", "conj", "advcl", "ccomp":
			sj := s.child(p, "nsubj")
			if sj < 0 && d == "xcomp" {
				// "it is willing to withdraw", parsed with an expletive
				sj = s.child(p, "expl")
			}
			if sj >= 0 {
				if d == "ccomp" {
					return nil
				}
				return s.codeAll(sj, true, pron)
			}
			if sj := s.child(p, "nsubj:pass"); sj >= 0 && d != "ccomp" {
				if d == "conj" {
					return s.codeAll(sj, true, pron)
				}
			}
			v = p
		case "acl":
			return s.codeAll(p, true, pron)
		default:
			return nil
		}
	}
	return nil
}

// objectControl are verbs whose object is the subject of their
// infinitive ("urged the soldiers to leave").
var objectControl = setOf("urge ask order tell force persuade encourage allow invite press push call pressure instruct direct authorize authorise compel")

// accusingVerbs take the accused as object and the act as "of"-gerund.
var accusingVerbs = setOf("accuse suspect blame convict charge")

// markOf returns the lower-cased "mark" or "case" word of token i
// ("of" in "of carrying out"), or "".
func (s *esent) markOf(i int) string {
	for _, c := range s.deps(i) {
		if d := baseDep(s.dep(c)); (d == "mark" || d == "case") && c < i {
			return s.lower(c)
		}
	}
	return ""
}

// targetPreps are the prepositions whose object is an event's target.
var targetPreps = setOf("with against on to upon at into toward towards from over")

// verbTarget finds the target of a verbal action.
func (s *esent) verbTarget(h int, m *match, code func(int, bool) []evActor) []evActor {
	var own []evActor // "withdraw its troops": the actor's own, a last resort
	if o := s.child(h, "obj", "iobj"); o >= 0 {
		if a := code(o, false); len(a) > 0 {
			if !strings.Contains(a[0].rule, "pronoun") && a[0].rule != "sentence-country" {
				return a
			}
			own = a
		}
		// "imposed sanctions on Libya", "demanded the release of X"
		for _, c := range s.deps(o) {
			if baseDep(s.dep(c)) == "nmod" {
				// For talks and agreements "in" names the venue ("held
				// talks in Cairo"), not the other party.
				if cs := s.caseOf(c); targetPreps[cs] || cs == "of" || cs == "in" && !meetingLike(m.code) || cs == "by" {
					if a := code(c, false); len(a) > 0 {
						return a
					}
				}
			}
		}
	}
	for _, tok := range m.toks {
		for _, c := range s.deps(tok) {
			if baseDep(s.dep(c)) == "obl" || baseDep(s.dep(c)) == "nmod" {
				if cs := s.caseOf(c); targetPreps[cs] {
					if a := code(c, false); len(a) > 0 {
						return a
					}
				}
			}
		}
	}
	// "urged the EC to support", "demanded that the US cancel": the
	// subject of the clause the action governs.
	for _, c := range s.deps(h) {
		if d := s.dep(c); d == "ccomp" || d == "xcomp" {
			if sj := s.child(c, "nsubj", "nsubj:pass"); sj >= 0 {
				if a := code(sj, false); len(a) > 0 {
					return a
				}
			}
		}
	}
	for _, c := range s.deps(h) {
		// "will meet in Abuja": for a cooperative action "in" names the
		// venue, not the other party.
		if baseDep(s.dep(c)) == "obl" && (s.caseOf(c) == "in" && !cooperative(m.code) || s.caseOf(c) == "for") {
			if a := code(c, false); len(a) > 0 {
				// "attacked police in Tbilisi": the town places the
				// object the action hit; it gives the country, the
				// object its sector (not the town's civilians).
				if s.caseOf(c) == "in" && len(own) == 1 && len(own[0].code) == 6 && len(a) == 1 && strings.HasPrefix(a[0].rule, "kb-place") && len(a[0].code) >= 3 {
					r := own[0]
					r.code = a[0].code[:3] + r.code[3:]
					r.rule = "object placed by " + a[0].rule
					return []evActor{r}
				}
				return a
			}
		}
	}
	// "opened fire to disperse demonstrators": the object of a purpose
	// clause is what the action was aimed at.
	for _, c := range s.deps(h) {
		if s.dep(c) == "advcl" && s.hasTo(c) {
			if o := s.child(c, "obj"); o >= 0 {
				if a := code(o, false); len(a) > 0 && !strings.Contains(a[0].rule, "pronoun") {
					return a
				}
			}
		}
	}
	return own
}

// baseWord is the lemma of token i, with a crude fallback for forms the
// lemmatiser leaves broken ("declin" for "declined").
func (s *esent) baseWord(i int) string {
	l := s.lemma(i)
	if frameKnown(l) {
		return l
	}
	w := s.lower(i)
	for _, suf := range []string{"ed", "d", "s", "ing"} {
		if b := strings.TrimSuffix(w, suf); b != w && frameKnown(b) {
			return b
		}
	}
	return l
}

func frameKnown(w string) bool {
	return framePlanned[w] || frameThreatened[w] || frameDemanded[w] || frameRefused[w] || frameMobilize[w]
}

// nounActors finds the actors of a nominal action ("the Hamas delegation's
// visit to Moscow", "US airstrikes in Syria", "launched an attack on").
// topicVerbs take as object an action they judge or talk about, done by
// someone else as a rule.
// blameVerbs attribute an action named as their object to the actor of
// their "to"/"on" phrase.
var blameVerbs = setOf(`trace attribute blame pin link tie`)

var topicVerbs = setOf(`call condemn criticize criticise denounce deplore decry slam welcome praise hail applaud
	oppose discuss describe blame question defend endorse fear review debate mourn
	confirm report investigate probe deny`)

// hasCase reports whether token i has the case marker w, whatever its tag.
func (s *esent) hasCase(i int, w string) bool {
	for _, c := range s.deps(i) {
		if s.dep(c) == "case" && s.lower(c) == w {
			return true
		}
	}
	return false
}

// employer codes whom the people of noun c work for: "hackers working
// for Belarus", "hackers backed by Russia" (the employer is the doer).
func (s *esent) employer(c int, code func(int, bool) []evActor) []evActor {
	for _, k := range s.deps(c) {
		if s.dep(k) != "acl" || !employVerbs[s.lemma(k)] {
			continue
		}
		for _, o := range s.deps(k) {
			if cs := s.caseOf(o); baseDep(s.dep(o)) == "obl" && (cs == "for" || cs == "by") {
				if a := code(o, true); len(a) > 0 {
					return a
				}
			}
		}
	}
	return nil
}

var employVerbs = setOf(`work act back sponsor fund direct support`)

// betweenParties returns the actors named in a "between X and Y" phrase
// on the action h.
func (s *esent) betweenParties(h int, code func(int, bool) []evActor) []evActor {
	var ps []evActor
	for _, c := range s.deps(h) {
		if d := baseDep(s.dep(c)); (d == "nmod" || d == "obl") && s.caseOf(c) == "between" {
			ps = append(ps, code(c, true)...)
			for _, cc := range s.deps(c) {
				if s.dep(cc) == "conj" {
					ps = append(ps, code(cc, true)...)
				}
			}
		}
	}
	return ps
}

func (s *esent) nounActors(h int, m *match, code func(int, bool) []evActor, pron func(int) *evActor) (srcs, tgts []evActor) {
	for _, c := range s.deps(h) {
		d := s.dep(c)
		switch {
		case d == "nmod:poss":
			srcs = append(srcs, code(c, true)...)
		case baseDep(d) == "nmod" && (s.caseOf(c) == "by" || s.caseOf(c) == "from"):
			// "an attack by", "an ultimatum from"
			srcs = append(srcs, code(c, true)...)
		case d == "compound" || d == "amod":
			srcs = append(srcs, code(c, true)...)
		}
	}
	// "talks between Armenia and Azerbaijan": the parties of a mutual
	// action, each the other's target (see mutualCode).
	if len(srcs) == 0 && mutualCode(m.code) {
		if ps := s.betweenParties(h, code); len(ps) >= 2 {
			return ps, nil
		}
	}
	// "traced the attack to a GRU unit", "blamed the bombing on X": the
	// phrase names the doer; the subject only attributes the action.
	blamed := false
	if p := s.head(h); p >= 0 && s.dep(h) == "obj" && s.tok(p).POS == "VERB" && blameVerbs[s.baseWord(p)] {
		blamed = true
		for _, x := range [2]int{h, p} {
			for _, c := range s.deps(x) {
				cs := s.caseOf(c)
				if cs == "" && s.hasCase(c, "to") {
					cs = "to" // "to" the tagger took for an infinitive mark
				}
				if (baseDep(s.dep(c)) == "nmod" || baseDep(s.dep(c)) == "obl") && (cs == "to" || cs == "on") {
					a := code(c, true)
					if len(a) == 0 {
						a = s.employer(c, code)
					}
					srcs = append(srcs, a...)
				}
			}
			if len(srcs) > 0 {
				break
			}
		}
	}
	// "blamed the United States for the attack", "accused Israel of the
	// bombing": the object of the blaming verb is the doer.
	if p := s.head(h); !blamed && p >= 0 && s.tok(p).POS == "VERB" && (baseDep(s.dep(h)) == "obl" || baseDep(s.dep(h)) == "nmod") {
		if w, cs := s.baseWord(p), s.caseOf(h); w == "blame" && cs == "for" || w == "accuse" && cs == "of" {
			if o := s.child(p, "obj"); o >= 0 {
				if a := code(o, true); len(a) > 0 {
					srcs, blamed = a, true
				}
			}
		}
	}
	// "the coast guard receives funding from the EU": the giver acts,
	// towards the subject that receives.
	if !blamed {
		if from, to, ok := s.receivedFrom(h, code); ok {
			return from, to
		}
	}
	prio := []string{"on", "against", "upon", "at", "into", "to", "with", "toward", "towards", "of", "in", "over"}
	for _, want := range prio {
		if blamed && (want == "on" || want == "to") {
			continue
		}
		// "talks in Geneva", "a meeting at the UN": for a cooperative or
		// verbal action the place is the venue, not the other party.
		if (want == "in" || want == "at") && cooperative(m.code) {
			continue
		}
		for _, c := range s.deps(h) {
			if baseDep(s.dep(c)) == "nmod" && s.caseOf(c) == want {
				tgts = append(tgts, code(c, false)...)
			}
		}
		if len(tgts) > 0 {
			break
		}
	}
	// "Israel's bombardment and blockade": a coordinated action shares
	// the first one's actors.
	if len(srcs) == 0 && s.dep(h) == "conj" {
		if p := s.head(h); p >= 0 && isNominal(s.tok(p).POS) {
			for _, c := range s.deps(p) {
				if d := s.dep(c); d == "nmod:poss" || d == "compound" || d == "amod" {
					srcs = append(srcs, code(c, true)...)
				}
			}
		}
	}
	// "preparing for a ground offensive to root out Hamas"
	if len(tgts) == 0 {
		for _, x := range m.toks {
			for _, c := range s.deps(x) {
				if d := s.dep(c); d == "xcomp" || d == "acl" {
					if o := s.child(c, "obj"); o >= 0 {
						tgts = append(tgts, code(o, false)...)
					}
				}
			}
		}
	}
	if len(srcs) == 0 {
		// The subject of the verb governing the noun: "Israel responded
		// with a campaign of strikes", "Hamas carried out an attack".
		v := h
		for step := 0; step < 3 && len(srcs) == 0; step++ {
			d := baseDep(s.dep(v))
			p := s.head(v)
			if p < 0 {
				break
			}
			pt := s.tok(p)
			if pt.POS == "VERB" || pt.POS == "AUX" {
				// Only an object or a "with"/"for" phrase is the verb's
				// own action: "during the talks" merely dates the verb.
				cs := s.caseOf(v)
				if s.dep(v) == "nsubj:pass" {
					// "the attack was carried out by a group based in
					// Russia": the passive's agent did the action.
					if ag := s.child(p, "obl:agent"); ag >= 0 {
						srcs = s.codeAll(ag, true, pron)
					}
					break
				}
				if d == "obj" && blamed {
					break
				}
				if d == "obj" && topicVerbs[s.baseWord(p)] {
					// "Russia called the sanctions illegal", "condemned
					// the strikes": the action is what the subject talks
					// about, not what it did.
					break
				}
				// "retaliated by imposing tariffs" (the tagger's
				// adjective "imposing"): in the active, "by" names how
				// the subject acted; in the passive, who acted on it.
				byActive := d == "obl" && cs == "by" && s.child(p, "nsubj:pass") < 0 && s.child(p, "aux:pass") < 0
				if d == "obj" || d == "xcomp" || (d == "obl" && (cs == "with" || cs == "for" || cs == "in")) || byActive {
					if sj := s.child(p, "nsubj"); sj >= 0 {
						srcs = s.codeAll(sj, true, pron)
					} else {
						srcs = s.inheritedSubject(p, m, pron)
					}
					if len(tgts) == 0 && d == "obj" {
						for _, c := range s.deps(p) {
							if baseDep(s.dep(c)) == "obl" && targetPreps[s.caseOf(c)] {
								tgts = code(c, false)
								break
							}
						}
					}
				}
				break
			}
			if d != "nmod" && d != "conj" && d != "compound" {
				break
			}
			// Only through "of" ("a campaign of strikes") is the noun
			// the governing noun's action; "arrested supporters as
			// protests turned violent" is no protest by the police.
			if d == "nmod" && s.caseOf(v) != "of" && !(s.caseOf(v) == "in" && s.quantity(s.head(v))) {
				break
			}
			// "a campaign of strikes on Gaza": the target may hang on the
			// governing noun.
			if len(tgts) == 0 {
				for _, c := range s.deps(p) {
					if baseDep(s.dep(c)) == "nmod" && c != v {
						if cs := s.caseOf(c); cs == "on" || cs == "against" || cs == "into" || cs == "at" {
							tgts = append(tgts, code(c, false)...)
						}
					}
				}
			}
			v = p
		}
	}
	return srcs, tgts
}

// speakerOf returns the subject of the speech verb a clause depends on
// ("Russia said Sudan must return…" → Russia).
func (s *esent) speakerOf(h int, code func(int, bool) []evActor) []evActor {
	v := h
	for step := 0; step < 2; step++ {
		p := s.head(v)
		if p < 0 {
			return nil
		}
		if s.dep(v) == "ccomp" {
			if sj := s.child(p, "nsubj"); sj >= 0 {
				return code(sj, true)
			}
			return nil
		}
		v = p
	}
	return nil
}

// resolvePronoun finds the actor a pronoun stands for: the quote's speaker
// for "we" inside a quote, an earlier subject of the same sentence ("Syria
// says it will"), the speaker of a reported clause, or the previous
// sentence's first source.
func (s *esent) resolvePronoun(p int, q *record.Quote, prev *evActor) *evActor {
	w := s.lower(p)
	first := w == "we" || w == "i" || w == "our" || w == "my" || w == "us"
	if first {
		if q != nil {
			return s.speakerActor(q)
		}
		return nil
	}
	// A relative pronoun stands for the noun its clause modifies:
	// "police fired at protesters who tried to block the road".
	if w == "who" || w == "which" || w == "that" {
		if v := s.head(p); v >= 0 && s.dep(v) == "acl:relcl" {
			if n := s.head(v); n >= 0 && n < p {
				if as := s.codeActors(n, true, nil); len(as) > 0 {
					return &as[0]
				}
				return nil
			}
		}
	}
	// A "he" or "she" the entities already tied to a coded person ("He
	// accused the unions", the spokesman quoted before).
	if (w == "he" || w == "she" || w == "his" || w == "her") && s.ments != nil && p < len(s.ments.ByToken) {
		if e := s.ments.ByToken[p]; e >= 0 {
			if ent := s.ments.Entities[e]; ent.Kind == record.KindPerson && len(ent.Code) > 3 {
				return &evActor{code: ent.Code, name: ent.Name, start: p, end: p + 1, rule: "entity-pronoun"}
			}
		}
	}
	// An object pronoun does not stand for the subject of its own clause
	// (nor the subject that controls a subjectless one): in "security
	// forces fired tear gas to disperse them", "them" is not the forces.
	local := -1
	if d := baseDep(s.dep(p)); d == "obj" || d == "iobj" || d == "obl" {
		if v := s.head(p); v >= 0 {
			// "freezing their assets and banning them": through the
			// conjunction to the verb whose subject both share.
			for step := 0; step < 3 && s.dep(v) == "conj" && s.child(v, "nsubj", "nsubj:pass") < 0 && s.head(v) >= 0; step++ {
				v = s.head(v)
			}
			local = s.child(v, "nsubj", "nsubj:pass")
			if pv := s.head(v); local < 0 && pv >= 0 && (baseDep(s.dep(v)) == "xcomp" || baseDep(s.dep(v)) == "advcl") {
				local = s.child(pv, "nsubj", "nsubj:pass")
			}
		}
	}
	for i := p - 1; i >= s.a; i-- {
		if i == local {
			continue
		}
		if d := s.dep(i); (d == "nsubj" || d == "nsubj:pass") && s.tok(i).POS != "PRON" {
			if as := s.codeActors(i, true, nil); len(as) > 0 {
				return &as[0]
			}
		}
	}
	// "thanked the EU but urged it to go further", "arrested protesters
	// and beat them": an object pronoun whose clause's subject it cannot
	// be takes up the object before it.
	if local >= 0 && (w == "it" || w == "them") {
		for i := p - 1; i >= s.a; i-- {
			if baseDep(s.dep(i)) == "obj" && s.tok(i).POS != "PRON" {
				if as := s.codeActors(i, false, nil); len(as) > 0 {
					return &as[0]
				}
			}
		}
	}
	// "Prices will rise, she said" reports her own plans with "she";
	// inside a direct quote a third person ("They can arrest us") is
	// someone other than the speaker.
	if q != nil && q.Kind != record.QuoteDirect {
		if a := s.speakerActor(q); a != nil {
			return a
		}
	}
	return prev
}

// speakerActor codes a quote's speaker by name, then by the words of the
// speaker mention ("spokesman Dmitry Peskov", "the Kremlin").
func (s *esent) speakerActor(q *record.Quote) *evActor {
	if q.SpeakerName != "" {
		if code, rule := s.lookupName(q.SpeakerName, true); code != "" {
			return &evActor{code: code, name: q.SpeakerName, rule: "quote-speaker " + rule}
		}
	}
	if q.Speaker == nil {
		return nil
	}
	// A person the text coded: "Luis Montenegro" is not Montenegro the
	// country, whose name his surname shares.
	if q.SpeakerEntity != "" && s.ments != nil {
		for _, e := range s.ments.Entities {
			if e.ID == q.SpeakerEntity && e.Kind == record.KindPerson && e.Code != "" {
				return &evActor{code: e.Code, name: e.Name, rule: "quote-speaker entity"}
			}
		}
	}
	doc := s.doc
	for i := range doc.Tokens {
		t := doc.Tokens[i]
		if t.Start < q.Speaker.Start || t.End > q.Speaker.End {
			continue
		}
		// A word of a person's name is no town: "Rosa Quispe" is not
		// Rosà in Italy.
		if code, rule := s.lookupNameAs(t.Text, true, s.placeOK(i)); code != "" {
			return &evActor{code: code, name: q.Speaker.Text, rule: "quote-speaker " + rule}
		}
	}
	return nil
}

// nearbyTarget is the last resort for a target: the first actor named
// after the action in the same clause ("imposed a curfew in the town of
// Cizre in southeastern Turkey" → TUR), as human coders infer a target from
// the place of the event. It stops at an attribution ("…, police said").
func (s *esent) nearbyTarget(m *match, srcs []evActor, pron func(int) *evActor) []evActor {
	inMatch := map[int]bool{}
	for _, x := range m.toks {
		inMatch[x] = true
	}
	last := m.toks[len(m.toks)-1]
	for i := m.head + 1; i < s.b && i <= last+12; i++ {
		if inMatch[i] {
			continue
		}
		t := s.tok(i)
		if t.Text == ";" || (t.Text == "," && i+1 < s.b && s.tok(i+1).POS == "VERB") || speechCue[s.lemma(i)] {
			break
		}
		// "alleged fraud, as the African Union urged calm": another
		// clause, whose actors are its own.
		if t.Text == "," && i+1 < s.b && s.tok(i+1).POS == "SCONJ" {
			break
		}
		// "civilians have been killed since Russia's invasion began",
		// "died after Israeli strikes": a time phrase's actors are
		// not the ones the action falls on.
		if timeOpeners[s.lower(i)] && (t.POS == "SCONJ" || t.POS == "ADP") {
			break
		}
		if t.POS != "PROPN" && t.Ent == "O" && !(t.POS == "ADJ" && startsUpper(t.Text)) {
			continue
		}
		if s.attributes(i) {
			break // "…, a U.N. spokesman said": the reporter, not a target
		}
		if s.partner(i) {
			continue // "alongside Malian soldiers": who acts with, not whom the action falls on
		}
		if cooperative(m.code) && s.venueOf(i, m) {
			continue // "will meet in Abuja", "held talks in Cairo": where, not with whom
		}
		if p := s.head(i); baseDep(s.dep(i)) == "compound" && s.in(p) && s.thingNamedAfterPlace(p, "") {
			if _, capital := s.k.Metonym(t.Text); capital {
				continue // "in a Berlin park": where, not whom
			}
		}
		if p := s.head(i); s.caseOf(i) == "by" && p >= 0 && mediatingVerbs[s.lemma(p)] {
			continue // "freed after talks mediated by Qatar": the go-between, not a target
		}
		if m.code == "129" && s.inClauseOnMatch(i, inMatch) {
			// "blocked a statement condemning Russia": what the blocked
			// text says, not whom the veto is aimed at ("rejected an
			// invitation to a meeting of X" does aim at X).
			continue
		}
		as := s.codeActors(i, false, nil)
		for _, a := range as {
			if strings.HasPrefix(a.rule, "kb-region") {
				// "deployment of missiles in Europe", "between the
				// two West African neighbors": a region the clause
				// names on the way is where, or what kind, not whom.
				continue
			}
			dup := false
			for _, sr := range srcs {
				if sr.start <= i && i < sr.end {
					dup = true
				}
			}
			if !dup {
				a.rule = "nearby " + a.rule
				return []evActor{a}
			}
		}
	}
	return nil
}

// inClauseOnMatch reports whether token i sits in a clause modifying a
// word of the match ("a statement condemning Russia's strikes", "a
// resolution that names Iran"), or the object of one ("vetoed a
// resolution that criticised X").
func (s *esent) inClauseOnMatch(i int, inMatch map[int]bool) bool {
	for step := 0; step < 8 && s.in(i); step++ {
		p := s.head(i)
		if p < 0 {
			return false
		}
		if inMatch[p] || s.dep(p) == "obj" && inMatch[s.head(p)] {
			return strings.HasPrefix(s.dep(i), "acl")
		}
		i = p
	}
	return false
}

// venueOf reports whether token i names where the action of m happens:
// an "in" or "at" phrase on any word of the match, or on the verb whose
// object the action is.
func (s *esent) venueOf(i int, m *match) bool {
	if s.isVenue(i, m.head, false) {
		return true
	}
	if !meetingLike(m.code) {
		return false // "aid for the force in Lebanon": Lebanon receives it
	}
	for _, t := range m.toks {
		if s.isVenue(i, t, true) {
			return true
		}
	}
	return s.dep(m.head) == "obj" && s.isVenue(i, s.head(m.head), true)
}

// meetingLike reports whether code is a meeting, talks or an agreement
// (CAMEO 03–05), whose "in" phrase names where the parties met.
func meetingLike(code string) bool {
	return len(code) >= 2 && code[:2] >= "03" && code[:2] <= "05"
}

// isVenue reports whether token i names where the action at h happens: it
// sits in an "in" or "at" phrase hanging on h as an oblique ("met in
// Abuja") or, when nominal is set, as a noun modifier ("talks in Tehran").
func (s *esent) isVenue(i, h int, nominal bool) bool {
	for x, step := i, 0; x >= 0 && step < 3; x, step = s.head(x), step+1 {
		if s.head(x) == h {
			c := s.caseOf(x)
			d := baseDep(s.dep(x))
			return (d == "obl" || nominal && d == "nmod") && (c == "in" || c == "at")
		}
	}
	return false
}

// nearbySource is the last resort for the source of a verbal action
// whose parse gives no subject: the closest actor named before it in the
// same clause ("A top U.S. official today praised …" → USA), skipping
// the actors already taken as targets.
func (s *esent) nearbySource(m *match, tgts []evActor) []evActor {
	first := m.toks[0]
	for i := first - 1; i >= s.a && i >= first-12; i-- {
		t := s.tok(i)
		// "the United States" (lemma "state") is a name, no speech verb.
		if t.Text == ";" || t.Text == ":" || speechCue[s.lemma(i)] && t.POS != "PROPN" {
			break
		}
		// "told reporters in Vienna that inspectors would visit": a
		// clause's source is not in the clause that introduces it.
		if s.dep(i) == "mark" && s.lower(i) == "that" {
			break
		}
		if t.POS != "PROPN" && t.Ent == "O" && !(t.POS == "ADJ" && startsUpper(t.Text)) {
			continue
		}
		taken := false
		for _, tg := range tgts {
			if tg.start <= i && i < tg.end {
				taken = true
			}
		}
		if taken || s.partner(i) {
			continue // "Turkey, along with Qatar, mediated": the partner is not the one named first
		}
		if as := s.codeActors(i, true, nil); len(as) > 0 {
			a := as[0]
			// "A strike on a building in Sumy killed five": a place
			// where something is, is not who did it.
			if strings.HasPrefix(a.rule, "kb-place") && s.locative(i) {
				// The whole name is the place: "Siaya" of "in Siaya
				// County" is no source either.
				i = min(i, a.start)
				continue
			}
			a.rule = "before " + a.rule
			out := []evActor{a}
			if a.end == first && baseDep(s.dep(i)) == "conj" {
				// "…, as the AU and the EU urged calm", parsed with no
				// subject: every conjunct right before the verb is a
				// source, as with a subject coordinated in the parse.
				h := i
				for step := 0; step < 8 && baseDep(s.dep(h)) == "conj" && s.head(h) >= 0; step++ {
					h = s.head(h)
				}
				for _, c := range s.conjuncts(h) {
					if c == i {
						continue
					}
					for _, b := range s.codeActors(c, true, nil) {
						b.rule = "before " + b.rule
						out = append(out, b)
					}
				}
			}
			return out
		}
	}
	return nil
}

// mediatingVerbs name what a go-between does for others.
var mediatingVerbs = setOf(`mediate broker negotiate facilitate host sponsor arrange`)

// timeOpeners open a time phrase or clause after an action.
var timeOpeners = setOf(`since after before during`)

// locativeCase are the prepositions of a place where something is.
var locativeCase = setOf(`in at near outside inside around`)

// locative reports whether token i names where something is: "in
// Sumy", or "of Odesa" in "in the southern city of Odesa".
func (s *esent) locative(i int) bool {
	c := s.caseOf(i)
	if c == "of" {
		if h := s.head(i); h >= 0 && isNominal(s.tok(h).POS) {
			c = s.caseOf(h)
		}
	}
	return locativeCase[c]
}

// dropReporters drops the actors written right before a speech verb
// ("…, the Swiss Foreign Ministry said"): whatever the parse, they report
// the action rather than undergo it.
func (s *esent) dropReporters(as []evActor) []evActor {
	kept := as[:0]
	for _, a := range as {
		if e := a.end; s.in(e) && speechCue[s.lemma(e)] && (s.tok(e).POS == "VERB" || s.tok(e).POS == "AUX") {
			// "met William Burns in Doha last Tuesday, a Qatari official
			// said": an object the parser ran on into the reporter set
			// off by a comma is kept, without the reporter.
			comma := -1
			for i := a.start + 1; i < e; i++ {
				if s.tok(i).Text == "," {
					comma = i
					break
				}
			}
			if comma < 0 {
				continue
			}
			a.end = comma
			a.name = s.doc.SpanText(a.start, a.end)
		}
		kept = append(kept, a)
	}
	return kept
}

// attributes reports whether token i is part of the subject of a speech
// verb ("a U.N. spokesman said", "officials told AFP").
func (s *esent) attributes(i int) bool {
	v := i
	// Three steps reach the subject's head from a name inside it: "a
	// European Commission statement said".
	for step := 0; step < 3; step++ {
		p := s.head(v)
		if p < 0 {
			return false
		}
		if baseDep(s.dep(v)) == "nsubj" {
			return speechCue[s.lemma(p)]
		}
		v = p
	}
	return false
}

// speechCue words end the clause an action's target may come from.
var speechCue = setOf("say tell report according announce add state claim")

// quantity reports a noun counted or measured by a number ("100 million
// rupees" of "pledged 100 million rupees in aid").
func (s *esent) quantity(n int) bool {
	if n < 0 {
		return false
	}
	for _, c := range s.deps(n) {
		if s.dep(c) == "nummod" || s.tok(c).POS == "NUM" {
			return true
		}
	}
	return s.tok(n).POS == "NUM"
}

// hazardNouns name natural hazards, which do things in the grammar
// ("floods killed", "the quake destroyed") but are no actor's action.
var hazardNouns = setOf(`earthquake quake tremor aftershock flood flooding floodwater floodwaters
storm rainstorm typhoon hurricane cyclone tornado landslide landslip mudslide avalanche tsunami
wildfire bushfire drought heatwave downpour monsoon eruption blizzard snowstorm
outbreak epidemic pandemic cholera measles ebola mpox disease`)

// hazardDoer reports whether the verb at h, or the verb it is joined to
// or depends on as a participle ("struck, killing 128"), has a natural
// hazard as its subject. A verb the parser left without a subject takes
// the noun phrase that opens the sentence ("A magnitude 6.4 earthquake
// struck …, killing 128").
func (s *esent) hazardDoer(h int) bool {
	v := h
	for step := 0; step < 3; step++ {
		if sj := s.child(v, "nsubj"); sj >= 0 {
			return s.isHazard(sj)
		}
		if s.child(v, "nsubj:pass") >= 0 {
			return false
		}
		switch baseDep(s.dep(v)) {
		case "conj", "advcl", "xcomp":
			p := s.head(v)
			if p < 0 {
				return false
			}
			v = p
		default:
			return s.child(h, "nsubj") < 0 && s.opensWithHazard(h)
		}
	}
	return false
}

// hazardVictims reports whether the verb at h is a passive harm with no
// doer named ("were injured", "were killed") whose cause is a natural
// hazard: named in an "in/by/during/after" phrase of the verb, or, with no
// cause named, in the sentence or the one before, when the sentence names
// no attack.
func (s *esent) hazardVictims(h int, m *match) bool {
	if !strings.HasPrefix(m.code, "18") && !strings.HasPrefix(m.code, "19") {
		return false
	}
	if s.child(h, "nsubj:pass") < 0 && s.child(h, "aux:pass") < 0 {
		return false
	}
	for _, c := range s.deps(h) {
		if baseDep(s.dep(c)) == "obl" {
			switch s.caseOf(c) {
			case "by":
				return s.isHazard(c)
			case "in", "during", "after", "from":
				if s.isHazard(c) {
					return true
				}
				if harmCauseNouns[s.lemma(c)] {
					return false
				}
			}
		}
	}
	if !s.prevHazard && !s.namesHazard() {
		return false
	}
	for i := s.a; i < s.b; i++ {
		if harmCauseNouns[s.lemma(i)] {
			return false
		}
	}
	return true
}

// attackActor codes the actor an attack noun names by its modifiers
// ("Israeli strikes", "Russia's shelling"), not by what it hit.
func (s *esent) attackActor(c int, code func(int, bool) []evActor) []evActor {
	for _, d := range s.deps(c) {
		switch s.dep(d) {
		case "amod", "nmod:poss", "compound":
			if a := code(d, true); len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// harmCauseNouns name violent acts that cause harm.
var harmCauseNouns = setOf(`attack attacks strike strikes airstrike airstrikes bombing bombings shelling
explosion blast raid raids fighting clash clashes shooting ambush assault offensive violence crackdown`)

// namesHazard reports whether the sentence names a natural hazard.
func (s *esent) namesHazard() bool {
	for i := s.a; i < s.b; i++ {
		if s.isHazard(i) {
			return true
		}
	}
	return false
}

// opensWithHazard reports whether the sentence opens, before h, with a
// noun phrase naming a natural hazard (any of its nouns: the tagger may
// read the verb after it as one more noun, "a cyclone tore").
func (s *esent) opensWithHazard(h int) bool {
	for i := s.a; i < h; i++ {
		switch s.tok(i).POS {
		case "DET", "ADJ", "NUM", "PROPN":
			continue
		case "NOUN":
			if s.isHazard(i) {
				return true
			}
			continue
		}
		break
	}
	return false
}

// isHazard reports whether the noun at i names a natural hazard, not a
// figure of speech ("a flood of refugees", "a storm of protest").
func (s *esent) isHazard(i int) bool {
	if !hazardNouns[strings.ToLower(s.lemma(i))] {
		return false
	}
	return !(s.in(i+1) && s.lower(i+1) == "of")
}

// statementVerb reports a verb of saying or of taking a stance, which
// the quote finder knows as a cue ("deny", "accuse", "urge").
func statementVerb(lemma string) bool {
	if _, ok := attributionCues[lemma]; ok {
		return true
	}
	return stancePreps[lemma] != nil
}

// memberNouns name a member a body can suspend.
var memberNouns = setOf(`country nation state government regime junta member federation association`)

// statelike reports whether token i names a state or body: a word such as
// "the country" or a name the kb codes as a country or an organisation
// ("Mali", "the Russian federation"), not people or activities.
func (s *esent) statelike(i int) bool {
	if memberNouns[s.lemma(i)] && s.tok(i).POS == "NOUN" {
		return true
	}
	if s.tok(i).POS != "PROPN" {
		return false
	}
	for _, a := range s.codeActors(i, false, nil) {
		if len(a.code) == 3 || strings.HasPrefix(a.code, "IGO") {
			return true
		}
	}
	return false
}

// weaponSubject reports a clause whose subject is a weapon ("a drone
// struck his car", "a missile hit the house"): the one who fired it is
// unnamed, not whoever the text names nearby.
func (s *esent) weaponSubject(h int) bool {
	sj := s.child(h, "nsubj")
	if sj < 0 && baseDep(s.dep(h)) == "acl" && s.misreadFinite(h) {
		sj = s.head(h)
	}
	return sj >= 0 && unitCategory[s.lower(sj)] == "weapons"
}

// protesterNouns name the people who protest, which the lexicon codes as
// protest events (n:protester) when they act.
var protesterNouns = setOf("protester protestor demonstrator")

// uncodedNounSubject reports a verb whose subject, its own or that of the
// verb it is coordinated with, is a common noun the kb could not code
// ("Hackers stole the data of Medibank, Australia's largest insurer, and
// demanded a ransom"): the doer is named, just not as a known actor, so
// no name written before the verb stands in for it.
func (s *esent) uncodedNounSubject(h int) bool {
	v := h
	for step := 0; step < 3 && v >= 0; step++ {
		if sj := s.child(v, "nsubj"); sj >= 0 {
			return s.tok(sj).POS == "NOUN" && !s.namesInside(sj)
		}
		if baseDep(s.dep(v)) != "conj" {
			return false
		}
		v = s.head(v)
	}
	return false
}

// namesInside reports whether the phrase headed by h holds a name: a
// proper noun, a word the recogniser tagged, or a capitalised adjective
// past the sentence's first word ("a patch of Bangladeshi troops").
func (s *esent) namesInside(h int) bool {
	for i := s.a; i < s.b; i++ {
		t := s.tok(i)
		if !(t.POS == "PROPN" || t.Ent != "" && t.Ent != "O" || t.POS == "ADJ" && i > s.a && startsUpper(t.Text)) {
			continue
		}
		for v, step := i, 0; v >= 0 && step < 12; v, step = s.head(v), step+1 {
			if v == h {
				return true
			}
		}
	}
	return false
}

// addressee returns who the demand verb p asks, named before the action
// v it asks for: its object ("urged Iran to"), or its "on"/"upon"/"to"
// phrase ("called on police to", "appealed to the rebels to"); -1 for
// none.
func (s *esent) addressee(p, v int) int {
	for _, c := range s.deps(p) {
		if c >= v && v >= 0 {
			continue
		}
		switch baseDep(s.dep(c)) {
		case "obj", "iobj":
			return c
		case "obl":
			if cs := s.caseOf(c); cs == "on" || cs == "upon" || cs == "to" && s.baseWord(p) == "appeal" {
				return c
			}
		}
	}
	return -1
}

// partnerWith are the words before "with" that make its object a partner
// in the action: "together with", "along with", "jointly with".
var partnerWith = setOf(`together along jointly alongside`)

// partnerIn are the nouns of "in X with" that do: "in cooperation with",
// "in coordination with", "in partnership with", "in tandem with".
var partnerIn = setOf(`cooperation co-operation coordination co-ordination partnership tandem conjunction collaboration concert league`)

// partner reports whether token i stands in a phrase naming who acts
// with the actor rather than on whom it acts: "alongside Malian
// soldiers", "together with Britain", "along with Qatar", "in
// cooperation with Ghanaian police". Only determiners, adjectives,
// nouns and names stand between the opening words and i.
func (s *esent) partner(i int) bool {
	j := i - 1
	for j >= s.a && i-j <= 5 {
		switch s.tok(j).POS {
		case "DET", "ADJ", "PROPN", "NOUN", "NUM":
			j--
			continue
		case "PART":
			if s.lower(j) == "'s" || s.lower(j) == "’s" {
				j--
				continue
			}
		}
		break
	}
	if j < s.a {
		return false
	}
	switch s.lower(j) {
	case "alongside":
		return true
	case "with":
		if j-1 >= s.a && partnerWith[s.lower(j-1)] {
			return true
		}
		return j-2 >= s.a && partnerIn[s.lower(j-1)] && s.lower(j-2) == "in"
	}
	return false
}

// misreadParticiple reports a noun-headed match whose verb the parser
// read as a participle on the noun after it when the sentence's own verb
// is that participle: in "The United States, together with Britain,
// imposed sanctions on Iran" "imposed" was an adjective of "sanctions",
// and the clause had no subject. The participle (VBD or VBN, an amod of
// the head right after it or with adjectives between) follows a comma or
// a name, never a determiner or a preposition ("against imposed
// sanctions", "the imposed sanctions" are adjectives).
func (s *esent) misreadParticiple(m *match) bool {
	h := m.head
	if !isNominal(s.tok(h).POS) {
		return false
	}
	for _, v := range m.toks {
		if v >= h || v <= s.a || s.head(v) != h || baseDep(s.dep(v)) != "amod" {
			continue
		}
		if t := s.tok(v).Tag; t != "VBD" && t != "VBN" {
			continue
		}
		between := true
		for j := v + 1; j < h; j++ {
			if p := s.tok(j).POS; p != "ADJ" && p != "NUM" {
				between = false
			}
		}
		if !between {
			continue
		}
		p := s.tok(v - 1)
		return p.Text == "," || p.POS == "PROPN"
	}
	return false
}
