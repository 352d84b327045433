package domain

import "math"

// Finding codes of step 5.
const (
	FindResNoWorkingTime  = "find.resources.no_working_time"
	FindResNoPayGroup     = "find.resources.no_pay_group"
	FindResNoRate         = "find.resources.no_rate"
	FindResExampleRate    = "find.resources.example_rate"
	FindResUnpriced       = "find.resources.unpriced"
	FindResUnpricedNobody = "find.resources.unpriced_nobody"
	FindResNoPrice        = "find.resources.no_price"
)

// Units of the step-5 figures (the GUI looks them up as ui.unit.<Unit>).
const (
	UnitHours = "h"
	UnitFTE   = "VZÄ"
	UnitEuro  = "€"
)

// ResourceFindings derives the open questions of step 5 from the cost picture.
func ResourceFindings(p *Project, cc CostComparison) []Finding {
	var out []Finding
	add := func(sev Severity, code, subject string, id int64) {
		out = append(out, Finding{Step: StepResources, Severity: sev, Code: code, Subject: subject, EntityID: id})
	}
	rd := cc.Demand
	if rd.Time.Hours <= 0 {
		add(SeverityError, FindResNoWorkingTime, "", 0)
	}
	estimated := rd.Total.HoursPerMonth > 0
	if len(p.PayGroups) == 0 {
		if estimated {
			add(SeverityQuestion, FindResNoPayGroup, "", 0)
		}
	} else {
		for _, g := range p.PayGroups {
			if !g.HasRate() {
				add(SeverityQuestion, FindResNoRate, g.Name, g.ID)
			} else if g.IsExample() {
				add(SeverityWarning, FindResExampleRate, g.Name, g.ID)
			}
		}
		for _, party := range cc.Unpriced {
			if party == "" {
				add(SeverityQuestion, FindResUnpricedNobody, "", 0)
			} else {
				add(SeverityQuestion, FindResUnpriced, party, 0)
			}
		}
	}
	for _, pk := range inUserOrder(p.Packages) {
		if b, _ := ExternalPrice(pk); b == PriceNone {
			add(SeverityQuestion, FindResNoPrice, pk.Name, pk.ID)
		}
	}
	return out
}

// ResourcesTouched reports whether anyone has worked on step 5: a pay group, an input that
// differs from its default, a pay group mapping or an external price. A project with tasks only
// shows the demand the defaults give, but step 5 stays "offen".
func ResourcesTouched(p *Project) bool {
	if len(p.PayGroups) > 0 {
		return true
	}
	r, d := EffectivePlan(p.Resource), DefaultResourcePlan()
	if len(r.PayGroupOf) > 0 || r.DefaultPayGroupID != 0 {
		return true
	}
	r.PayGroupOf, d.PayGroupOf = nil, nil
	if r.PlanningYear != d.PlanningYear || r.WeeklyHours != d.WeeklyHours || r.LeaveDays != d.LeaveDays || r.SickDays != d.SickDays ||
		r.OtherAbsenceDays != d.OtherAbsenceDays || r.VerteilzeitPercent != d.VerteilzeitPercent || r.TravelPercent != d.TravelPercent ||
		r.DocumentationPct != d.DocumentationPct {
		return true
	}
	for _, pk := range p.Packages {
		if pk.ExternalHourlyRate > 0 || pk.ExternalMonthlyFee > 0 {
			return true
		}
	}
	return false
}

func evaluateResources(p *Project, today Date) (StepState, []Figure, []Finding) {
	cc := CompareCosts(p)
	f := ResourceFindings(p, cc)
	started := ResourcesTouched(p)
	complete := onlyWarnings(f)
	return stateOf(started, complete), resourceFigures(cc), f
}

func resourceFigures(cc CostComparison) []Figure {
	rd := cc.Demand
	figs := []Figure{
		{Key: "fig.res.working_time", Value: rd.Time.Hours, Unit: UnitHours},
		{Key: "fig.res.fte_total", Value: rd.Total.FTE, Unit: UnitFTE},
		{Key: "fig.res.fte_internal", Value: rd.Internal.FTE, Unit: UnitFTE},
		{Key: "fig.res.fte_external", Value: rd.External.FTE, Unit: UnitFTE},
		costFigure("fig.res.cost_internal", "", cc.Total.Internal, cc.Total.InternalKnown()),
		costFigure("fig.res.cost_external", "", cc.Total.External, cc.Total.ExternalKnown()),
	}
	for _, pc := range cc.Packages {
		if pc.PackageID == 0 {
			continue
		}
		figs = append(figs,
			costFigure("fig.res.cost_internal_of", pc.Name, pc.Internal, pc.InternalKnown()),
			costFigure("fig.res.cost_external_of", pc.Name, pc.External, pc.ExternalKnown()))
	}
	return figs
}

// costFigure is a yearly cost in euros, or a dash where a rate or price is missing.
func costFigure(key, label string, v float64, known bool) Figure {
	f := Figure{Key: key, Label: label, Value: math.Round(v*100) / 100, Unit: UnitEuro}
	if !known {
		f.Value, f.Unit, f.Text = 0, "", "–"
	}
	return f
}
