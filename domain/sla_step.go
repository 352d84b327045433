package domain

// Finding codes of step 7.
const (
	FindSLANone           = "find.sla.none"
	FindSLANoGeneral      = "find.sla.no_general"
	FindSLANoWindows      = "find.sla.no_windows"
	FindSLANoClasses      = "find.sla.no_classes"
	FindSLAInvalid        = "find.sla.invalid"
	FindSLAPackageGone    = "find.sla.package_gone"
	FindSLANoCadence      = "find.sla.no_cadence"
	FindSLAFerienMissing  = "find.sla.ferien_missing"
	FindSLAExternalNoSLA  = "find.sla.external_without_sla"
	FindSLAChangedFrozen  = "find.sla.changed_since_contract"
	FindSLANoHolidayState = "find.sla.no_bundesland"
)

func evaluateSLA(p *Project, today Date) (StepState, []Figure, []Finding) {
	working := WorkingSLAs(p)
	if len(working) == 0 && len(p.SchoolHolidays) == 0 && len(p.SLAs) == 0 {
		// Not started: no open questions yet, so a new project checks clean.
		return StateOpen, slaFigures(p, working), nil
	}
	f := SLAFindings(p)
	complete := SLAFor(p, nil) != nil && onlyWarnings(f)
	return stateOf(len(working) > 0, complete), slaFigures(p, working), f
}

// SLAFindings are the open questions of step 7, in SLA order.
func SLAFindings(p *Project) []Finding {
	working := WorkingSLAs(p)
	var out []Finding
	add := func(sev Severity, code, subject string, id int64) {
		out = append(out, Finding{Step: StepSLA, Severity: sev, Code: code, Subject: subject, EntityID: id})
	}
	if len(working) == 0 {
		add(SeverityQuestion, FindSLANone, "", 0)
		return out
	}
	if SLAFor(p, nil) == nil {
		add(SeverityQuestion, FindSLANoGeneral, "", 0)
	}
	ferienStop := false
	for _, s := range append(working, OLAs(p)...) {
		switch {
		case len(s.Windows) == 0:
			add(SeverityQuestion, FindSLANoWindows, s.Name, s.ID)
		case ValidateWindows(s.Windows) != nil:
			add(SeverityWarning, FindSLAInvalid, s.Name, s.ID)
		}
		if len(s.Classes) == 0 {
			add(SeverityQuestion, FindSLANoClasses, s.Name, s.ID)
		} else {
			for _, c := range s.Classes {
				if c.Validate() != nil {
					add(SeverityWarning, FindSLAInvalid, s.Name, s.ID)
					break
				}
			}
		}
		if s.PackageID != nil && p.PackageByID(*s.PackageID) == nil {
			add(SeverityWarning, FindSLAPackageGone, s.Name, s.ID)
		}
		if s.ReportingCadence == "" {
			add(SeverityQuestion, FindSLANoCadence, s.Name, s.ID)
		}
		ferienStop = ferienStop || s.SchoolHolidaysStopClock
	}
	if ferienStop && len(p.SchoolHolidays) == 0 {
		add(SeverityQuestion, FindSLAFerienMissing, "", 0)
	}
	if p.Meta.Bundesland == "" {
		add(SeverityQuestion, FindSLANoHolidayState, "", 0)
	}
	if SLAFor(p, nil) == nil {
		// Without a general SLA, every package that goes out needs its own.
		for _, pk := range p.Packages {
			if d := p.DecisionFor(pk.ID); d != nil && (d.Outcome == OutcomeExternal || d.Outcome == OutcomeMixed) {
				id := pk.ID
				if SLAFor(p, &id) == nil {
					add(SeverityQuestion, FindSLAExternalNoSLA, pk.Name, 0)
				}
			}
		}
	}
	if p.Contract.SLAID != nil && SLAsChangedSinceContract(p) {
		add(SeverityWarning, FindSLAChangedFrozen, "", 0)
	}
	return out
}

func slaFigures(p *Project, working []SLA) []Figure {
	figs := []Figure{{Key: "fig.sla.count", Value: float64(len(working))}}
	if g := SLAFor(p, nil); g != nil {
		figs = append(figs, Figure{Key: "fig.sla.service_hours", Value: float64(ServiceMinutesPerWeek(*g)) / 60, Unit: "h"})
		if len(g.Classes) > 0 {
			c := g.Classes[0]
			figs = append(figs, targetFigure("fig.sla.first_response", c.Code, c.ResponseMinutes),
				targetFigure("fig.sla.first_restore", c.Code, c.RestoreMinutes))
		}
	}
	figs = append(figs, Figure{Key: "fig.sla.ferien", Value: float64(len(p.SchoolHolidays))})
	return figs
}

// SLAsChangedSinceContract reports whether a working SLA differs from its copy frozen with the
// contract (the targets agreed are no longer those being edited).
func SLAsChangedSinceContract(p *Project) bool {
	frozen := FrozenSLAs(p)
	working := WorkingSLAs(p)
	if len(frozen) != len(working) {
		return true
	}
	for _, w := range working {
		f := slaFor(p, w.PackageID, true)
		if f == nil || (w.PackageID != nil) != (f.PackageID != nil) || !SameTerms(w, *f) {
			return true
		}
	}
	return false
}

// SameTerms compares what two SLAs agree on, ignoring id, name and the frozen mark.
func SameTerms(a, b SLA) bool {
	if a.PublicHolidaysStopClock != b.PublicHolidaysStopClock || a.SchoolHolidaysStopClock != b.SchoolHolidaysStopClock ||
		a.HotlineAnsweredPct != b.HotlineAnsweredPct || a.HotlineMaxWaitSeconds != b.HotlineMaxWaitSeconds ||
		a.SatisfactionTargetPct != b.SatisfactionTargetPct || a.ReportingCadence != b.ReportingCadence ||
		len(a.Windows) != len(b.Windows) || len(a.Classes) != len(b.Classes) || !samePackage(a.PackageID, b.PackageID) {
		return false
	}
	for wd := 0; wd < 7; wd++ {
		wa, wb := WindowsOn(a, wd), WindowsOn(b, wd)
		if len(wa) != len(wb) {
			return false
		}
		for i := range wa {
			if wa[i] != wb[i] {
				return false
			}
		}
	}
	for i := range a.Classes {
		if a.Classes[i] != b.Classes[i] {
			return false
		}
	}
	return true
}

// PackageLevel is what the cost hint of step 7 shows per package: the service level that
// applies to it and what the package costs.
type PackageLevel struct {
	Package Package
	// SLA is the level that applies (the package's own SLA, its OLA, or the general SLA); nil
	// when none.
	SLA *SLA
	Own bool
	// ServiceHoursWeek and the first class's restoration target describe the level.
	ServiceHoursWeek float64
	FirstClass       string
	RestoreMinutes   int
	Outcome          SourcingOutcome
	// Cost of step 5: what the provider charges per year and what the package costs in-house,
	// each with whether it is known.
	ExternalYear, InternalYear   float64
	ExternalKnown, InternalKnown bool
}

// PackageLevels lists every package with its service level and its cost, in package order.
func PackageLevels(p *Project) []PackageLevel {
	costs := map[int64]PackageCost{}
	for _, c := range CompareCosts(p).Packages {
		costs[c.PackageID] = c
	}
	var out []PackageLevel
	for _, pk := range inUserOrder(p.Packages) {
		id := pk.ID
		l := PackageLevel{Package: pk, SLA: workingLevel(p, id)}
		if l.SLA != nil {
			l.Own = l.SLA.PackageID != nil
			l.ServiceHoursWeek = float64(ServiceMinutesPerWeek(*l.SLA)) / 60
			if len(l.SLA.Classes) > 0 {
				l.FirstClass = l.SLA.Classes[0].Code
				l.RestoreMinutes = l.SLA.Classes[0].RestoreMinutes
			}
		}
		if d := p.DecisionFor(pk.ID); d != nil {
			l.Outcome = d.Outcome
		}
		if c, ok := costs[pk.ID]; ok {
			l.ExternalYear, l.ExternalKnown = c.External, c.ExternalKnown()
			l.InternalYear, l.InternalKnown = c.Internal, c.InternalKnown() && c.HoursPerYear > 0
		}
		out = append(out, l)
	}
	return out
}

// targetFigure shows a target under an hour in minutes, else in hours.
func targetFigure(key, class string, minutes int) Figure {
	if minutes < 60 {
		return Figure{Key: key, Label: class, Value: float64(minutes), Unit: "min"}
	}
	return Figure{Key: key, Label: class, Value: float64(minutes) / 60, Unit: "h"}
}
