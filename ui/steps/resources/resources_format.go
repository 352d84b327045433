package resources

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// sepCache holds the decimal separator while an editor redraws: looking it up in the
// translations for each of thousands of cells would cost more than the calculation.
var sepCache string

// withSeparator runs fn with the separator looked up once.
func withSeparator(fn func()) {
	if sepCache != "" {
		fn()
		return
	}
	sepCache = kit.DecimalSeparator()
	defer func() { sepCache = "" }()
	fn()
}

func separator() string {
	if sepCache != "" {
		return sepCache
	}
	return kit.DecimalSeparator()
}

// number writes v with at most `decimals` decimals (trailing zeros dropped) and thousands
// grouped as the user's language does: 1.684,8 in German, 1,684.8 in English.
func number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	pow := math.Pow(10, float64(decimals))
	v = math.Round(v*pow) / pow
	if v == 0 {
		v = 0
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	dec := separator()
	group := "."
	if dec == "." {
		group = ","
	}
	var b strings.Builder
	if v < 0 {
		b.WriteString("-")
	}
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// euroText is "14.880 €", or "9.424,80 €" where there are cents.
func euroText(v float64) string {
	s := number(v, 2)
	if i := strings.Index(s, separator()); i >= 0 && len(s)-i == 2 {
		s += "0"
	}
	return s + " €"
}

// fTEText is a VZÄ figure with two decimals, always shown: "0,41".
func fTEText(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	return strings.Replace(s, ".", separator(), 1)
}

// scoreText is a score or mean on the 1–5 scale, "–" when unknown.
func scoreText(v float64, known bool) string {
	if !known {
		return "–"
	}
	return number(v, 2)
}

// workingTimeFormula is the Jahresarbeitszeit with the actual numbers, e.g.
// "(261 − 5 − 30 − 10) Tage × 7,8 h = 1.684,8 h".
func workingTimeFormula(w domain.WorkingTime) string {
	data := map[string]any{
		"Weekdays": w.Weekdays, "Holidays": w.Holidays, "Leave": number(w.LeaveDays, 2),
		"Sick": number(w.SickDays, 2), "Other": number(w.OtherDays, 2),
		"Daily": number(w.DailyHours, 2), "Hours": number(w.Hours, 2), "Net": number(w.NetDays, 2),
	}
	if w.OtherDays != 0 {
		return lang.L("res.formula.working_time_other", data)
	}
	return lang.L("res.formula.working_time", data)
}

// demandFormula is the way from hours per month to VZÄ with the actual numbers.
func demandFormula(d domain.Demand, plan domain.ResourcePlan, working float64) string {
	return lang.L("res.formula.demand", map[string]any{
		"Month": number(d.HoursPerMonth, 2), "Year": number(d.HoursPerYear, 2),
		"Factor": number(plan.SurchargeFactor(), 4), "Surcharged": number(d.SurchargedYear, 2),
		"Working": number(working, 2), "FTE": fTEText(d.FTE),
	})
}

// partyName is a responsible party as the tables show it ("ohne Zuständigkeit" for nobody).
func partyName(s string) string {
	if s == "" {
		return lang.L("res.nobody")
	}
	return s
}
