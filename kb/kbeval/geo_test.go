package kbeval

import (
	"strings"
	"testing"

	"dateline/kb"
)

const sample = `<articles>
  <article><text>Officials in Paris and Kiev met.</text>
    <locations>
      <location><name>Paris</name><start>13</start><end>18</end><lat>48.86</lat><lon>2.35</lon></location>
      <location><name>Kiev</name><start>23</start><end>27</end><lat>50.45</lat><lon>30.52</lon></location>
    </locations>
  </article>
  <article><text>Rain fell on Xqzzyville and Washington state.</text>
    <locations>
      <location><name>Xqzzyville</name><start>13</start><end>23</end><lat>1</lat><lon>1</lon></location>
      <location><name>Washington</name><start>28</start><end>38</end><lat>47.5</lat><lon>-120.5</lon></location>
    </locations>
  </article>
</articles>`

func TestGeoVirus(t *testing.T) {
	r, err := GeoVirus(strings.NewReader(sample), kb.Default(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if r.Toponyms != 4 {
		t.Fatalf("toponyms = %d, want 4", r.Toponyms)
	}
	// Paris and Kiev resolve; Xqzzyville is unknown; "Washington" goes to
	// the capital, ~3,600 km from the state's centre.
	if r.AccAt161 != 0.5 || r.Found != 0.75 {
		t.Errorf("acc = %v, found = %v; want 0.5 and 0.75", r.AccAt161, r.Found)
	}
	if len(r.Misses) != 2 || r.Misses[0].Name != "Xqzzyville" || r.Misses[0].ErrorKm != maxKm {
		t.Errorf("misses = %+v", r.Misses)
	}
	var b strings.Builder
	WriteGeoTable(&b, r)
	if !strings.Contains(b.String(), "accuracy@161km") {
		t.Errorf("table lacks the accuracy line:\n%s", b.String())
	}
}

func TestGeoVirusBadInput(t *testing.T) {
	if _, err := GeoVirus(strings.NewReader("<articles><article>"), kb.Default(), 1); err == nil {
		t.Error("truncated XML accepted")
	}
	if _, err := GeoVirus(strings.NewReader("<articles></articles>"), kb.Default(), 1); err == nil {
		t.Error("file without locations accepted")
	}
}
