package numfmt

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	cases := []struct {
		v    float64
		lang string
		want string
	}{
		{47.5, "de", "47,5"}, {47.5, "en", "47.5"}, {13, "de", "13"}, {52.0 / 12, "de", "4,33"},
		{-0.001, "de", "0"}, {1234.567, "en", "1234.57"}, {1500, "de", "1500"},
		{47578.034, "de", "47.578,03"}, {1684.8, "de", "1684,8"}, {1234567.5, "en", "1,234,567.5"},
		{-12500, "de", "-12.500"}, {math.NaN(), "de", "–"}, {math.Inf(1), "en", "–"},
	}
	for _, c := range cases {
		if got := Format(c.v, c.lang); got != c.want {
			t.Errorf("Format(%v, %s) = %q, want %q", c.v, c.lang, got, c.want)
		}
	}
}
