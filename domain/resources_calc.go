package domain

import (
	"cmp"
	"math"
	"sort"
	"strings"
)

// Rule violations of step 5.
const (
	ErrResourceYear          Error = "err.resources.year"
	ErrResourceWeeklyHours   Error = "err.resources.weekly_hours"
	ErrResourceDays          Error = "err.resources.days"
	ErrResourcePercent       Error = "err.resources.percent"
	ErrResourceNoWorkingDays Error = "err.resources.no_working_days"
	ErrResourceMapping       Error = "err.resources.mapping"
	ErrPayGroupName          Error = "err.paygroup.name_empty"
	ErrPayGroupRate          Error = "err.paygroup.rate"
	ErrPayGroupYear          Error = "err.paygroup.year"
	ErrPackagePrice          Error = "err.package.price"
)

// Bounds of the step-5 inputs: wide enough for every real case, narrow enough to catch typos.
const (
	minPlanningYear = 2000
	maxPlanningYear = 2100
	maxWeeklyHours  = 60
	maxPercent      = 200
)

// EffectivePlan is the plan the calculations use: a plan that was never filled in (no year, no
// weekly hours, as in a file written before step 5 existed) means the defaults.
func EffectivePlan(r ResourcePlan) ResourcePlan {
	if r.PlanningYear == 0 && r.WeeklyHours == 0 {
		d := DefaultResourcePlan()
		d.PayGroupOf, d.DefaultPayGroupID = r.PayGroupOf, r.DefaultPayGroupID
		return d
	}
	return r
}

func finiteWithin(v, lo, hi float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= lo && v <= hi
}

// ValidateResourcePlan checks the inputs of step 5; state is the project's Bundesland, whose
// public holidays reduce the working days.
func ValidateResourcePlan(r ResourcePlan, state Bundesland) error {
	if r.PlanningYear < minPlanningYear || r.PlanningYear > maxPlanningYear {
		return ErrResourceYear
	}
	if !finiteWithin(r.WeeklyHours, 0, maxWeeklyHours) || r.WeeklyHours == 0 {
		return ErrResourceWeeklyHours
	}
	for _, d := range []float64{r.LeaveDays, r.SickDays, r.OtherAbsenceDays} {
		if !finiteWithin(d, 0, 366) {
			return ErrResourceDays
		}
	}
	for _, pc := range []float64{r.VerteilzeitPercent, r.TravelPercent, r.DocumentationPct} {
		if !finiteWithin(pc, 0, maxPercent) {
			return ErrResourcePercent
		}
	}
	for k, id := range r.PayGroupOf {
		if strings.TrimSpace(k) == "" || id <= 0 {
			return ErrResourceMapping
		}
	}
	if r.DefaultPayGroupID < 0 {
		return ErrResourceMapping
	}
	if WorkingTimeOf(r, state).NetDays <= 0 {
		return ErrResourceNoWorkingDays
	}
	return nil
}

// Validate checks a pay group before it is stored.
func (g PayGroup) Validate() error {
	return cmp.Or(
		rule(strings.TrimSpace(g.Name) != "", ErrPayGroupName),
		rule(finiteWithin(g.HourlyRate, 0, 1e6) && finiteWithin(g.YearlyCost, 0, 1e9), ErrPayGroupRate),
		rule(g.SourceYear == 0 || g.SourceYear >= 1950 && g.SourceYear <= maxPlanningYear, ErrPayGroupYear),
	)
}

// ValidatePrice checks a package's external price: an hourly rate or a monthly flat fee.
func ValidatePrice(hourly, monthly float64) error {
	if !finiteWithin(hourly, 0, 1e6) || !finiteWithin(monthly, 0, 1e9) {
		return ErrPackagePrice
	}
	return nil
}

// WorkingTime is the Jahresarbeitszeit of one full-time equivalent, computed as the federal
// Organisationshandbuch does: the weekdays of the year less the weekday public holidays of the
// Bundesland, leave, sickness and other absence, times the daily hours (weekly hours ÷ 5).
type WorkingTime struct {
	Year       int        `json:"year"`
	State      Bundesland `json:"state"`
	Weekdays   int        `json:"weekdays"`
	Holidays   int        `json:"holidays"`
	LeaveDays  float64    `json:"leaveDays"`
	SickDays   float64    `json:"sickDays"`
	OtherDays  float64    `json:"otherDays"`
	NetDays    float64    `json:"netDays"`
	DailyHours float64    `json:"dailyHours"`
	Hours      float64    `json:"hours"`
}

// WorkingTimeOf computes the Jahresarbeitszeit for the plan's year in the state. Hours is 0 when
// no working day is left.
func WorkingTimeOf(r ResourcePlan, state Bundesland) WorkingTime {
	w := WorkingTime{Year: r.PlanningYear, State: state, LeaveDays: r.LeaveDays, SickDays: r.SickDays,
		OtherDays: r.OtherAbsenceDays, DailyHours: r.WeeklyHours / 5}
	if r.PlanningYear < minPlanningYear || r.PlanningYear > maxPlanningYear {
		return w
	}
	w.Weekdays = WeekdaysInYear(r.PlanningYear)
	w.Holidays = WeekdayHolidays(state, r.PlanningYear)
	w.NetDays = float64(w.Weekdays-w.Holidays) - r.LeaveDays - r.SickDays - r.OtherAbsenceDays
	if w.NetDays > 0 && w.DailyHours > 0 {
		w.Hours = w.NetDays * w.DailyHours
	}
	return w
}

// SurchargePercent is the sum of the surcharges on the raw task hours.
func (r ResourcePlan) SurchargePercent() float64 {
	return r.VerteilzeitPercent + r.TravelPercent + r.DocumentationPct
}

// SurchargeFactor turns raw hours into surcharged hours: 1 + (Verteilzeit + travel +
// documentation) / 100. The percentages add up; they are not compounded.
func (r ResourcePlan) SurchargeFactor() float64 { return 1 + r.SurchargePercent()/100 }

// Demand is an amount of work in the units step 5 shows, from hours per month to VZÄ.
type Demand struct {
	Tasks          int     `json:"tasks"`
	HoursPerMonth  float64 `json:"hoursPerMonth"`
	HoursPerYear   float64 `json:"hoursPerYear"`
	HoursPerWeek   float64 `json:"hoursPerWeek"`
	SurchargedYear float64 `json:"surchargedYear"`
	FTE            float64 `json:"fte"`
}

func (d *Demand) add(o Demand) {
	d.Tasks += o.Tasks
	d.HoursPerMonth += o.HoursPerMonth
	d.HoursPerYear += o.HoursPerYear
	d.HoursPerWeek += o.HoursPerWeek
	d.SurchargedYear += o.SurchargedYear
	d.FTE += o.FTE
}

// DemandOf converts monthly hours: ×12 per year, ÷52 per week, × the surcharge factor, ÷ the
// Jahresarbeitszeit (0 VZÄ when there is none).
func DemandOf(hoursPerMonth float64, factor, workingHours float64) Demand {
	d := Demand{Tasks: 1, HoursPerMonth: hoursPerMonth, HoursPerYear: hoursPerMonth * 12}
	d.HoursPerWeek = d.HoursPerYear / 52
	d.SurchargedYear = d.HoursPerYear * factor
	if workingHours > 0 {
		d.FTE = d.SurchargedYear / workingHours
	}
	return d
}

// TaskDemand is one task's demand with who does it before and after step 4.
type TaskDemand struct {
	TaskID    int64  `json:"taskId"`
	Name      string `json:"name"`
	Before    string `json:"before"`    // responsible today ("" = nobody)
	After     string `json:"after"`     // responsible after step 4 ("" = nobody)
	PackageID int64  `json:"packageId"` // 0 = no package
	External  bool   `json:"external"`  // handed to the external provider in step 4
	Estimated bool   `json:"estimated"` // the task has an effort
	Demand
}

// DemandGroup is the demand of a person, group or package.
type DemandGroup struct {
	Key       string `json:"key"`       // person or group ("" = nobody); a package's name
	PackageID int64  `json:"packageId"` // for package groups, 0 = tasks without a package
	Demand
}

// ResourceDemand is the whole demand picture of step 5.
type ResourceDemand struct {
	Plan   ResourcePlan `json:"plan"` // the effective plan
	Time   WorkingTime  `json:"time"`
	Factor float64      `json:"factor"`
	Tasks  []TaskDemand `json:"tasks"`
	// ByPackage lists the packages in their order, then the tasks without a package (if any).
	ByPackage []DemandGroup `json:"byPackage"`
	ByBefore  []DemandGroup `json:"byBefore"`
	ByAfter   []DemandGroup `json:"byAfter"`
	Total     Demand        `json:"total"`
	// Internal and External split the total after step 4.
	Internal Demand `json:"internal"`
	External Demand `json:"external"`
}

// IsExternal reports whether a responsible entry names the external provider.
func IsExternal(responsible string) bool {
	return strings.EqualFold(strings.TrimSpace(responsible), ExternalProvider)
}

// responsibleKey is how a responsible entry groups: trimmed, "" for nobody.
func responsibleKey(s string) string {
	s = strings.TrimSpace(s)
	if !HasResponsible(s) {
		return ""
	}
	return s
}

// AfterStep4 is who does the task after step 4: the new responsible party, or the current one
// where step 4 named nobody new.
func AfterStep4(t Task) string {
	if strings.TrimSpace(t.NewResponsible) != "" {
		return responsibleKey(t.NewResponsible)
	}
	return responsibleKey(t.Responsible)
}

// ComputeDemand derives every task's demand and its sums per package and per person before and
// after step 4. Future tasks count with their full yearly demand (the steady state).
func ComputeDemand(p *Project) ResourceDemand {
	plan := EffectivePlan(p.Resource)
	rd := ResourceDemand{Plan: plan, Time: WorkingTimeOf(plan, p.Meta.Bundesland), Factor: plan.SurchargeFactor()}
	pkgIdx := map[int64]int{}
	for _, pk := range inUserOrder(p.Packages) {
		pkgIdx[pk.ID] = len(rd.ByPackage)
		rd.ByPackage = append(rd.ByPackage, DemandGroup{Key: pk.Name, PackageID: pk.ID})
	}
	unpackaged := DemandGroup{}
	before, after := newDemandGrouper(), newDemandGrouper()
	for _, t := range inUserOrder(p.Tasks) {
		td := TaskDemand{TaskID: t.ID, Name: t.Name, Before: responsibleKey(t.Responsible), After: AfterStep4(t),
			Estimated: t.Effort != nil, Demand: DemandOf(t.HoursPerMonth(p.Settings), rd.Factor, rd.Time.Hours)}
		td.External = IsExternal(td.After)
		if t.PackageID != nil {
			if _, ok := pkgIdx[*t.PackageID]; ok {
				td.PackageID = *t.PackageID
			}
		}
		rd.Tasks = append(rd.Tasks, td)
		if i, ok := pkgIdx[td.PackageID]; ok {
			rd.ByPackage[i].add(td.Demand)
		} else {
			unpackaged.add(td.Demand)
		}
		before.add(td.Before, td.Demand)
		after.add(td.After, td.Demand)
		rd.Total.add(td.Demand)
		if td.External {
			rd.External.add(td.Demand)
		} else {
			rd.Internal.add(td.Demand)
		}
	}
	if unpackaged.Tasks > 0 {
		rd.ByPackage = append(rd.ByPackage, unpackaged)
	}
	rd.ByBefore, rd.ByAfter = before.sorted(), after.sorted()
	return rd
}

type demandGrouper struct {
	idx  map[string]int
	list []DemandGroup
}

func newDemandGrouper() *demandGrouper { return &demandGrouper{idx: map[string]int{}} }

func (g *demandGrouper) add(key string, d Demand) {
	i, ok := g.idx[key]
	if !ok {
		i = len(g.list)
		g.idx[key] = i
		g.list = append(g.list, DemandGroup{Key: key})
	}
	g.list[i].add(d)
}

// sorted orders by demand, largest first, then by name; nobody comes last.
func (g *demandGrouper) sorted() []DemandGroup {
	out := g.list
	sort.SliceStable(out, func(a, b int) bool {
		if (out[a].Key == "") != (out[b].Key == "") {
			return out[b].Key == ""
		}
		if out[a].HoursPerYear != out[b].HoursPerYear {
			return out[a].HoursPerYear > out[b].HoursPerYear
		}
		return out[a].Key < out[b].Key
	})
	return out
}
