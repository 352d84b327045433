// Package numfmt writes numbers the way German (and English) users read them in the app, the
// command line and the reports: at most two decimals, no trailing zeros, grouped thousands.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Format writes v with at most two decimals in the notation of lang ("de": 12.500,5; "en":
// 12,500.5). Four-digit numbers stay ungrouped (1500), as German typesetting does.
func Format(v float64, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	group, dec := ".", ","
	if lang == "en" {
		group, dec = ",", "."
	}
	if len(whole) > 4 {
		var b strings.Builder
		for i, r := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteString(group)
			}
			b.WriteRune(r)
		}
		whole = b.String()
	}
	out := whole
	if frac != "" {
		out += dec + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}
