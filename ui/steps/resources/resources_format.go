package resources

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// resSepCache holds the decimal separator while an editor redraws: looking it up in the
// translations for each of thousands of cells would cost more than the calculation.
var resSepCache string

// resWithSeparator runs fn with the separator looked up once.
func resWithSeparator(fn func()) {
	if resSepCache != "" {
		fn()
		return
	}
	resSepCache = kit.DecimalSeparator()
	defer func() { resSepCache = "" }()
	fn()
}

func resSeparator() string {
	if resSepCache != "" {
		return resSepCache
	}
	return kit.DecimalSeparator()
}

// resNumber writes v with at most `decimals` decimals (trailing zeros dropped) and thousands
// grouped as the user's language does: 1.684,8 in German, 1,684.8 in English.
func resNumber(v float64, decimals int) string {
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
	dec := resSeparator()
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

// resEuroText is "14.880 €", or "9.424,80 €" where there are cents.
func resEuroText(v float64) string {
	s := resNumber(v, 2)
	if i := strings.Index(s, resSeparator()); i >= 0 && len(s)-i == 2 {
		s += "0"
	}
	return s + " €"
}

// resFTEText is a VZÄ figure with two decimals, always shown: "0,41".
func resFTEText(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	return strings.Replace(s, ".", resSeparator(), 1)
}

// srcScoreText is a score or mean on the 1–5 scale, "–" when unknown.
func srcScoreText(v float64, known bool) string {
	if !known {
		return "–"
	}
	return resNumber(v, 2)
}

// resWorkingTimeFormula is the Jahresarbeitszeit with the actual numbers, e.g.
// "(261 − 5 − 30 − 10) Tage × 7,8 h = 1.684,8 h".
func resWorkingTimeFormula(w domain.WorkingTime) string {
	data := map[string]any{
		"Weekdays": w.Weekdays, "Holidays": w.Holidays, "Leave": resNumber(w.LeaveDays, 2),
		"Sick": resNumber(w.SickDays, 2), "Other": resNumber(w.OtherDays, 2),
		"Daily": resNumber(w.DailyHours, 2), "Hours": resNumber(w.Hours, 2), "Net": resNumber(w.NetDays, 2),
	}
	if w.OtherDays != 0 {
		return lang.L("res.formula.working_time_other", data)
	}
	return lang.L("res.formula.working_time", data)
}

// resDemandFormula is the way from hours per month to VZÄ with the actual numbers.
func resDemandFormula(d domain.Demand, plan domain.ResourcePlan, working float64) string {
	return lang.L("res.formula.demand", map[string]any{
		"Month": resNumber(d.HoursPerMonth, 2), "Year": resNumber(d.HoursPerYear, 2),
		"Factor": resNumber(plan.SurchargeFactor(), 4), "Surcharged": resNumber(d.SurchargedYear, 2),
		"Working": resNumber(working, 2), "FTE": resFTEText(d.FTE),
	})
}

// resPartyName is a responsible party as the tables show it ("ohne Zuständigkeit" for nobody).
func resPartyName(s string) string {
	if s == "" {
		return lang.L("res.nobody")
	}
	return s
}
