package kb

import (
	"math"
	"testing"
)

func TestDistanceKm(t *testing.T) {
	cases := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		{"Paris to London", 48.8566, 2.3522, 51.5074, -0.1278, 344, 5},
		{"same point", 10, 20, 10, 20, 0, 0},
		{"across the antimeridian", 0, 179.5, 0, -179.5, 111.2, 0.5},
		{"pole to pole", 90, 0, -90, 0, math.Pi * earthRadiusKm, 0.01},
	}
	for _, c := range cases {
		if d := DistanceKm(c.lat1, c.lon1, c.lat2, c.lon2); math.Abs(d-c.want) > c.tol {
			t.Errorf("%s: %.2f km, want %.2f ± %.2f", c.name, d, c.want, c.tol)
		}
	}
}
