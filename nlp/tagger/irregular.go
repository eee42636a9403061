package tagger

import "strings"

// irregularPast maps the past and past-participle forms of common English
// irregular verbs to their base form. The learned rules only know the
// forms seen in training and otherwise cut "-ed" ("fled" -> "fle"); these
// forms are facts of English grammar, consulted for VBD and VBN words the
// training data did not list.
var irregularPast = func() map[string]string {
	m := map[string]string{}
	for _, row := range strings.Fields(`
arise:arose:arisen awake:awoke:awoken bear:bore:borne:born beat:beat:beaten
become:became:become begin:began:begun bend:bent bet:bet bid:bid bind:bound
bite:bit:bitten bleed:bled blow:blew:blown break:broke:broken breed:bred
bring:brought broadcast:broadcast build:built burn:burnt burst:burst buy:bought
cast:cast catch:caught choose:chose:chosen cling:clung come:came:come cost:cost
creep:crept cut:cut deal:dealt dig:dug do:did:done draw:drew:drawn
drink:drank:drunk drive:drove:driven eat:ate:eaten fall:fell:fallen feed:fed
feel:felt fight:fought find:found flee:fled fling:flung fly:flew:flown
forbid:forbade:forbidden forecast:forecast foresee:foresaw:foreseen
forget:forgot:forgotten forgive:forgave:forgiven freeze:froze:frozen
get:got:gotten give:gave:given go:went:gone grind:ground grow:grew:grown
hang:hung have:had hear:heard hide:hid:hidden hit:hit hold:held hurt:hurt
keep:kept kneel:knelt know:knew:known lay:laid lead:led lend:lent let:let
lie:lay:lain light:lit lose:lost make:made mean:meant meet:met mislead:misled
mistake:mistook:mistaken overcome:overcame overtake:overtook:overtaken
overthrow:overthrew:overthrown pay:paid prove:proven put:put quit:quit read:read
rid:rid ride:rode:ridden ring:rang:rung rise:rose:risen run:ran seek:sought
see:saw:seen sell:sold send:sent set:set shake:shook:shaken shed:shed
shine:shone shoot:shot show:shown shrink:shrank:shrunk shut:shut sing:sang:sung
sink:sank:sunk sit:sat slay:slew:slain sleep:slept slide:slid speak:spoke:spoken
spend:spent spin:spun split:split spread:spread spring:sprang:sprung
stand:stood steal:stole:stolen stick:stuck sting:stung stride:strode
strike:struck:stricken strive:strove:striven swear:swore:sworn sweep:swept
swim:swam:swum swing:swung take:took:taken teach:taught tear:tore:torn
tell:told think:thought throw:threw:thrown thrust:thrust undergo:underwent:undergone
understand:understood undertake:undertook:undertaken uphold:upheld upset:upset
wake:woke:woken wear:wore:worn weave:wove:woven weep:wept win:won wind:wound
withdraw:withdrew:withdrawn withhold:withheld withstand:withstood write:wrote:written
`) {
		forms := strings.Split(row, ":")
		for _, f := range forms[1:] {
			if _, ok := m[f]; !ok {
				m[f] = forms[0]
			}
		}
	}
	return m
}()
