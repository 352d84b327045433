package reports

import (
	"fmt"
	"math"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/pdfkit"
)

// The words and numbers of step 12's figures, shared by the PDF, the dashboard and the
// command line so that each says the same.

// KPILabel is the KPI's name ("Reaktion im Ziel", "P1: Lösung im Ziel").
func KPILabel(in kpi.Indicator) string { return tr(in.Key, map[string]any{"Label": in.Label}) }

// KPIValue writes a value with its unit; "–" without a value.
func KPIValue(v float64, unit string, has bool) string {
	if !has || math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	switch unit {
	case kpi.UnitPercent:
		return pdfkit.FormatNumber(math.Round(v*10)/10) + " %"
	case kpi.UnitSeconds:
		return FormatSeconds(v)
	case kpi.UnitMinutes:
		return FormatMinutes(v)
	case kpi.UnitScore:
		return pdfkit.FormatNumber(v)
	}
	return pdfkit.FormatNumber(math.Round(v))
}

// IndicatorValue is the value of a tile.
func IndicatorValue(in kpi.Indicator) string {
	if in.NotMeasured {
		return tr("kpi.not_measured")
	}
	return KPIValue(in.Value, in.Unit, in.HasValue)
}

// KPITarget writes the target ("≥ 90 %", "≤ 2 min 00 s"), "–" without one.
func KPITarget(in kpi.Indicator) string {
	if in.Target == nil {
		return "–"
	}
	sign := "≥ "
	if in.Direction < 0 {
		sign = "≤ "
	}
	return sign + KPIValue(*in.Target, in.Unit, true)
}

// KPIPrevious writes the value of the previous period, "–" without one.
func KPIPrevious(in kpi.Indicator) string {
	if in.Previous == nil {
		return "–"
	}
	return KPIValue(*in.Previous, in.Unit, true)
}

// KPILight is the traffic light in words ("grün").
func KPILight(l kpi.Light) string { return tr("kpi.light." + string(l)) }

// KPIChange is the change against the previous period: the difference itself with its sign
// ("−20", "+4,3 Pp.") and, for figures with a better direction, the word ("besser",
// "schlechter"), so that a black-and-white print says it too. Volumes get the difference only.
// "–" when one of the two periods has no value.
func KPIChange(in kpi.Indicator) string {
	d, ok := kpiDelta(in)
	if !ok {
		return "–"
	}
	switch in.Change {
	case kpi.ChangeSame:
		return tr("kpi.trend.same")
	case kpi.ChangeBetter, kpi.ChangeWorse:
		return tr("kpi.trend."+string(in.Change), map[string]any{"Delta": SignedDelta(d, in.Unit)})
	}
	return SignedDelta(d, in.Unit)
}

// kpiDelta is the indicator's difference; snapshots frozen before the difference was stored
// give it by their two values.
func kpiDelta(in kpi.Indicator) (float64, bool) {
	switch {
	case in.Delta != nil:
		return *in.Delta, true
	case in.HasValue && in.Previous != nil && in.Change != kpi.ChangeNone:
		return in.Value - *in.Previous, true
	}
	return 0, false
}

// SignedDelta writes a difference with its sign and unit: "+4,3 Pp." for shares (percentage
// points), "−20" for counts, "+12 s" for waits, "±0" for none.
func SignedDelta(d float64, unit string) string {
	sign := "+"
	if d < 0 {
		sign, d = "−", -d
	}
	var s string
	switch unit {
	case kpi.UnitPercent:
		d = math.Round(d*10) / 10
		s = pdfkit.FormatNumber(d) + " " + tr("kpi.points")
	case kpi.UnitSeconds:
		d = math.Round(d)
		s = FormatSeconds(d)
	case kpi.UnitMinutes:
		d = math.Round(d)
		s = FormatMinutes(d)
	case kpi.UnitScore:
		d = math.Round(d*100) / 100
		s = pdfkit.FormatNumber(d)
	default:
		d = math.Round(d)
		s = pdfkit.FormatNumber(d)
	}
	if d == 0 {
		sign = "±"
	}
	return sign + s
}

// KPIChangeImportance says how a change is to be coloured: +1 better, −1 worse, 0 neither.
func KPIChangeImportance(in kpi.Indicator) int {
	if _, ok := kpiDelta(in); !ok {
		return 0
	}
	switch in.Change {
	case kpi.ChangeBetter:
		return 1
	case kpi.ChangeWorse:
		return -1
	}
	return 0
}

// FormatMinutes writes a duration given in minutes: "45 min", "3 h 20 min", "26 h".
func FormatMinutes(m float64) string {
	if math.IsNaN(m) || m < 0 {
		return "–"
	}
	total := int(math.Round(m))
	h, min := total/60, total%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", min)
	case min == 0:
		return pdfkit.FormatNumber(float64(h)) + " h"
	}
	return fmt.Sprintf("%s h %02d min", pdfkit.FormatNumber(float64(h)), min)
}

// FormatSeconds writes a wait: "42 s", "2 min 05 s".
func FormatSeconds(s float64) string {
	total := int(math.Round(s))
	if total < 60 {
		return fmt.Sprintf("%d s", total)
	}
	return fmt.Sprintf("%d min %02d s", total/60, total%60)
}

// FormatDay writes a calendar day ("31.03.2027").
func FormatDay(t time.Time) string { return pdfkit.FormatDate(t) }

// FormatDateTime writes a moment in Berlin time ("31.03.2027 16:00").
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(domain.Berlin).Format(tr("kpi.datetime_layout"))
}

// FormatPeriod writes "01.01.2027 – 31.03.2027".
func FormatPeriod(p kpi.Period) string {
	return pdfkit.FormatDate(p.From.Time) + " – " + pdfkit.FormatDate(p.To.Time)
}

// FormatPct writes a share with one decimal and "%", "–" when nothing was measured.
func FormatPct(v float64, basis int) string {
	if basis == 0 {
		return "–"
	}
	return pdfkit.FormatNumber(math.Round(v*10)/10) + " %"
}

// FormatCount writes a whole number.
func FormatCount(n int) string { return pdfkit.FormatCount(n) }

// MonthLabel is "Jan 27" for "2027-01".
func MonthLabel(ym string) string {
	if len(ym) != 7 {
		return ym
	}
	return tr("kpi.month."+ym[5:7]) + " " + ym[2:4]
}

// FrozenMethod names the calculation method of a frozen snapshot; an older one says that its
// figures stay as they were.
func FrozenMethod(f kpi.Frozen) string {
	if f.Method < kpi.MethodVersion {
		return tr("kpi.frozen.method_old", map[string]any{"Method": f.Method})
	}
	return tr("kpi.frozen.method", map[string]any{"Method": f.Method})
}
