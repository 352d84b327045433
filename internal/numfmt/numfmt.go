// Package numfmt writes numbers the way German (and English) users read them in the app, the
// command line and the reports: at most two decimals, no trailing zeros, grouped thousands.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Format writes v with at most two decimals in the notation of lang ("de": 12.500,5; "en":
// 12,500.5). Four-digit numbers stay ungrouped (1500), as German typesetting allows; this is
// also the form entry fields read back.
func Format(v float64, lang string) string { return format(v, lang, 4) }

// Display is Format for text that is only read (reports, summaries, tables): every number from
// 1000 up is grouped (1.684,8), so that a column of amounts lines up.
func Display(v float64, lang string) string { return format(v, lang, 3) }

// Euro is an amount in euros for reading: whole euros (summaries: "14.831 €") or, with cents,
// two decimals where there are any ("14.830,56 €", "85 €"); "–" for no value.
func Euro(v float64, lang string, cents bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if !cents {
		return Display(math.Round(v), lang) + " €"
	}
	s := Display(v, lang)
	dec := ","
	if lang == "en" {
		dec = "."
	}
	if i := strings.LastIndex(s, dec); i >= 0 && len(s)-i-len(dec) == 1 {
		s += "0" // 12,5 → 12,50
	}
	return s + " €"
}

// Count is n with its noun in singular or plural: Count(1, "Personentag", "Personentage") is
// "1 Personentag"; numbers are grouped as in Display.
func Count(n float64, lang, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Display(n, lang) + " " + many
}

func format(v float64, lang string, ungroupedDigits int) string {
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
	if len(whole) > ungroupedDigits {
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
