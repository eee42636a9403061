package extract

import (
	"os"
	"strings"
	"testing"

	"dateline/record"
)

const eventsSeedPath = "../../shared/corpus/seed/000_2cf861e3df7cb574.txt"

// TestEventsSeedArticle checks the events and non-events the worked example
// (../shared/docs/worked-example.md) lists for the seed article.
func TestEventsSeedArticle(t *testing.T) {
	b, err := os.ReadFile(eventsSeedPath)
	if err != nil {
		t.Skipf("seed article not available (%v); run from the repository with ../shared present", err)
	}
	evs := eventsOf(t, string(b), "2023-10-27")
	find := func(code, src, tgt string) *record.Event {
		for i := range evs {
			e := &evs[i]
			if strings.HasPrefix(e.CAMEO, code) && strings.HasPrefix(actorCode(e.Source), src) && strings.HasPrefix(actorCode(e.Target), tgt) {
				return e
			}
		}
		return nil
	}
	if e := find("195", "USA", "SYR"); e == nil || e.Polarity != record.PolarityAsserted {
		t.Errorf("want an asserted 195 USA→SYR (US airstrikes in Syria), got %+v", e)
	}
	if e := find("154", "ISR", ""); e == nil || e.Modality != record.ModalityPlanned {
		t.Errorf("want a planned 154 by Israel (preparing for a ground offensive), got %+v", e)
	}
	if e := find("19", "PSEHMS", "ISR"); e == nil {
		t.Errorf("want a 19x attack by Hamas' military wing on Israel")
	} else if e.Date != "2023-10-07" {
		t.Errorf("Hamas attack date = %q, want 2023-10-07", e.Date)
	}
	if e := find("036", "RUSGOV", "ISR"); e == nil || e.Modality != record.ModalityPlanned {
		t.Errorf("want a planned 036 RUSGOV→ISR (we will continue our dialogue with Israel), got %+v", e)
	}
	if e := find("042", "PSEHMS", ""); e == nil {
		t.Errorf("want a 042 visit by the Hamas delegation")
	}
	for _, e := range evs {
		// "the group would have no contacts with the Russian presidential
		// office": no asserted contact event towards RUS.
		if e.CAMEO == "040" && strings.Contains(e.Action.Text, "contacts") && e.Polarity == record.PolarityAsserted {
			t.Errorf("'no contacts' coded as an asserted event: %+v", e)
		}
	}
}
