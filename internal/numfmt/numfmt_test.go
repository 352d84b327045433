package numfmt

import (
	"math"
	"testing"
)

// Format writes plain numbers; Display groups thousands from four digits on.
func TestFormatAndDisplay(t *testing.T) {
	type want = struct {
		v          float64
		lang, want string
	}
	for _, fn := range []struct {
		name  string
		fn    func(float64, string) string
		cases []want
	}{
		{"Format", Format, []want{
			{47.5, "de", "47,5"}, {47.5, "en", "47.5"}, {13, "de", "13"}, {52.0 / 12, "de", "4,33"},
			{-0.001, "de", "0"}, {1234.567, "en", "1234.57"}, {1500, "de", "1500"},
			{47578.034, "de", "47.578,03"}, {1684.8, "de", "1684,8"}, {1234567.5, "en", "1,234,567.5"},
			{-12500, "de", "-12.500"}, {math.NaN(), "de", "–"}, {math.Inf(1), "en", "–"},
		}},
		{"Display", Display, []want{
			{1684.8, "de", "1.684,8"}, {1500, "de", "1.500"}, {999.999, "de", "1.000"}, {999.994, "de", "999,99"},
			{4954.18, "en", "4,954.18"}, {-1234, "de", "-1.234"}, {math.NaN(), "de", "–"},
		}},
	} {
		for _, c := range fn.cases {
			if got := fn.fn(c.v, c.lang); got != c.want {
				t.Errorf("%s(%v, %s) = %q, want %q", fn.name, c.v, c.lang, got, c.want)
			}
		}
	}
}

func TestEuro(t *testing.T) {
	cases := []struct {
		v     float64
		cents bool
		want  string
	}{
		// Whole euros round half away from zero: 14.830,56 → 14.831; 0,5 → 1.
		{14830.56, false, "14.831 €"}, {0.5, false, "1 €"}, {0, false, "0 €"},
		// With cents: two decimals where there are any (12,5 → 12,50), none for whole amounts.
		{14830.56, true, "14.830,56 €"}, {12.5, true, "12,50 €"}, {85, true, "85 €"}, {4954.18, true, "4.954,18 €"},
		{math.NaN(), true, "–"},
	}
	for _, c := range cases {
		if got := Euro(c.v, "de", c.cents); got != c.want {
			t.Errorf("Euro(%v, %v) = %q, want %q", c.v, c.cents, got, c.want)
		}
	}
}

func TestCountSingularAndPlural(t *testing.T) {
	for _, c := range []struct {
		n    float64
		want string
	}{{1, "1 Personentag"}, {2, "2 Personentage"}, {0.5, "0,5 Personentage"}, {1500, "1.500 Personentage"}} {
		if got := Count(c.n, "de", "Personentag", "Personentage"); got != c.want {
			t.Errorf("Count(%v) = %q, want %q", c.n, got, c.want)
		}
	}
}
