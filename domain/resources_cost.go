package domain

import (
	"sort"
	"strings"
)

// ExampleSourcePrefix starts the source of a rate that is only an example: the app's defaults
// carry it, and an open question asks for the user's own figure while it is there.
const ExampleSourcePrefix = "Beispielwert"

// IsExample reports whether the pay group's rate is still an example value.
func (g PayGroup) IsExample() bool {
	return strings.HasPrefix(strings.TrimSpace(g.Source), ExampleSourcePrefix)
}

// HasRate reports whether the pay group prices anything.
func (g PayGroup) HasRate() bool { return g.HourlyRate > 0 || g.YearlyCost > 0 }

// CostPerHour is what one surcharged hour costs: the hourly rate where one is set, else the
// yearly cost of one VZÄ spread over its Jahresarbeitszeit. ok is false without a rate.
func (g PayGroup) CostPerHour(workingHours float64) (rate float64, ok bool) {
	switch {
	case g.HourlyRate > 0:
		return g.HourlyRate, true
	case g.YearlyCost > 0 && workingHours > 0:
		return g.YearlyCost / workingHours, true
	}
	return 0, false
}

// ExampleRate is a pay group the app offers as a starting point. The rates are the hourly rates
// for administrative staff of the federal fee regulation (AGebV, Anlage 1 Teil A, including the
// overhead surcharge, as published in BGBl. I 2017 S. 1701); they are examples that the
// Schulträger replaces by its own figures.
type ExampleRate struct {
	Name       string
	HourlyRate float64
	Source     string
	SourceYear int
}

// ExamplePayGroups are the offered starting points, from the AGebV table of 2017.
var ExamplePayGroups = []ExampleRate{
	{"Mittlerer Dienst (E 5 – E 9a)", 55.30, ExampleSourcePrefix + ": AGebV Anlage 1 Teil A, Verwaltungsbeschäftigte mittlerer Dienst mit Gemeinkostenzuschlag (BGBl. I 2017 S. 1701)", 2017},
	{"Gehobener Dienst (E 9b – E 12)", 68.66, ExampleSourcePrefix + ": AGebV Anlage 1 Teil A, Verwaltungsbeschäftigte gehobener Dienst mit Gemeinkostenzuschlag (BGBl. I 2017 S. 1701)", 2017},
	{"Höherer Dienst (E 13 – E 15)", 86.01, ExampleSourcePrefix + ": AGebV Anlage 1 Teil A, Verwaltungsbeschäftigte höherer Dienst mit Gemeinkostenzuschlag (BGBl. I 2017 S. 1701)", 2017},
}

// PayGroupByID returns the pay group with the id, or nil.
func (p *Project) PayGroupByID(id int64) *PayGroup {
	return itemByID(p.PayGroups, id, func(g *PayGroup) int64 { return g.ID })
}

// DecisionFor returns the sourcing decision of the package, or nil.
func (p *Project) DecisionFor(packageID int64) *SourcingDecision {
	return itemByID(p.Decisions, packageID, func(d *SourcingDecision) int64 { return d.PackageID })
}

// PayGroupOf returns the pay group that prices a party's hours: its own entry, else the
// default, else nil. Entries that point at a deleted pay group count as missing.
func PayGroupOf(p *Project, party string) *PayGroup {
	plan := p.Resource
	if id, ok := plan.PayGroupOf[strings.TrimSpace(party)]; ok && party != "" {
		if g := p.PayGroupByID(id); g != nil {
			return g
		}
	}
	if plan.DefaultPayGroupID != 0 {
		return p.PayGroupByID(plan.DefaultPayGroupID)
	}
	return nil
}

// internalPayGroup prices a task done in-house: the package's own pay group (step 6) where one
// is chosen, else the party that does it after step 4, or — where step 4 handed it out — the
// party that does it today.
func internalPayGroup(p *Project, td TaskDemand) *PayGroup {
	if td.PackageID != 0 {
		if d := p.DecisionFor(td.PackageID); d != nil && d.PayGroupID != nil {
			if g := p.PayGroupByID(*d.PayGroupID); g != nil {
				return g
			}
		}
	}
	party := td.After
	if td.External || party == "" {
		party = td.Before
	}
	return PayGroupOf(p, party)
}

// PriceBasis is how a package's external price is given.
type PriceBasis string

const (
	PriceNone    PriceBasis = ""
	PriceHourly  PriceBasis = "hourly"
	PriceMonthly PriceBasis = "monthly"
)

// ExternalPrice is how a package is priced: a monthly flat fee wins over an hourly rate.
func ExternalPrice(pk Package) (PriceBasis, float64) {
	switch {
	case pk.ExternalMonthlyFee > 0:
		return PriceMonthly, pk.ExternalMonthlyFee
	case pk.ExternalHourlyRate > 0:
		return PriceHourly, pk.ExternalHourlyRate
	}
	return PriceNone, 0
}

// PackageCost compares doing a package in-house with buying it, per year.
type PackageCost struct {
	PackageID int64  `json:"packageId"` // 0 = the tasks without a package
	Name      string `json:"name"`
	Demand
	// Internal is the surcharged hours priced with each task's pay group; InternalMissing
	// counts the estimated tasks that have no rate, whose cost is not in Internal.
	Internal        float64 `json:"internal"`
	InternalMissing int     `json:"internalMissing"`
	// External is the flat fee × 12 or the raw yearly hours × the hourly rate (the provider's
	// rate carries its own overheads, so no surcharge is added).
	External      float64    `json:"external"`
	ExternalBasis PriceBasis `json:"externalBasis"`
	ExternalRate  float64    `json:"externalRate"`
	// ExternalMissing counts packages without a price (for the total).
	ExternalMissing int `json:"externalMissing"`
}

// InternalKnown reports whether every estimated task of the row has a rate.
func (c PackageCost) InternalKnown() bool { return c.InternalMissing == 0 }

// ExternalKnown reports whether the row (every package of a total) has an external price.
func (c PackageCost) ExternalKnown() bool { return c.ExternalMissing == 0 }

// Cheaper tells which side costs less: OutcomeInternal, OutcomeExternal, or OutcomeOpen when a
// side is unknown or both cost the same.
func (c PackageCost) Cheaper() SourcingOutcome {
	if !c.InternalKnown() || !c.ExternalKnown() {
		return OutcomeOpen
	}
	switch {
	case c.Internal < c.External:
		return OutcomeInternal
	case c.External < c.Internal:
		return OutcomeExternal
	}
	return OutcomeOpen
}

// PayGroupCost is the internal cost per pay group (after step 4, in-house tasks only).
type PayGroupCost struct {
	PayGroupID  int64   `json:"payGroupId"`
	Name        string  `json:"name"`
	CostPerHour float64 `json:"costPerHour"`
	Demand
	Cost float64 `json:"cost"`
}

// CostComparison is the cost picture of step 5.
type CostComparison struct {
	Demand ResourceDemand `json:"demand"`
	// Packages lists the packages in order, then the tasks without a package (PackageID 0).
	Packages []PackageCost `json:"packages"`
	Total    PackageCost   `json:"total"`
	// InternalAfter is the cost of the tasks kept in-house after step 4, per pay group.
	InternalAfter []PayGroupCost `json:"internalAfter"`
	// Unpriced lists the parties whose estimated hours no pay group prices.
	Unpriced []string `json:"unpriced"`
}

// CompareCosts prices every package in-house and external.
func CompareCosts(p *Project) CostComparison {
	rd := ComputeDemand(p)
	cc := CostComparison{Demand: rd}
	idx := map[int64]int{}
	for _, g := range rd.ByPackage {
		pc := PackageCost{PackageID: g.PackageID, Name: g.Key}
		if pk := p.PackageByID(g.PackageID); pk != nil && g.PackageID != 0 {
			pc.ExternalBasis, pc.ExternalRate = ExternalPrice(*pk)
		}
		idx[g.PackageID] = len(cc.Packages)
		cc.Packages = append(cc.Packages, pc)
	}
	unpriced := map[string]bool{}
	groupIdx := map[int64]int{}
	for _, td := range rd.Tasks {
		i, ok := idx[td.PackageID]
		if !ok {
			continue
		}
		pc := &cc.Packages[i]
		pc.add(td.Demand)
		if !td.Estimated {
			continue
		}
		g := internalPayGroup(p, td)
		var rate float64
		if g != nil {
			rate, ok = g.CostPerHour(rd.Time.Hours)
		}
		if g == nil || !ok {
			pc.InternalMissing++
			party := td.After
			if td.External || party == "" {
				party = td.Before
			}
			unpriced[party] = true
			continue
		}
		pc.Internal += td.SurchargedYear * rate
		if !td.External {
			j, seen := groupIdx[g.ID]
			if !seen {
				j = len(cc.InternalAfter)
				groupIdx[g.ID] = j
				cc.InternalAfter = append(cc.InternalAfter, PayGroupCost{PayGroupID: g.ID, Name: g.Name, CostPerHour: rate})
			}
			cc.InternalAfter[j].add(td.Demand)
			cc.InternalAfter[j].Cost += td.SurchargedYear * rate
		}
	}
	for i := range cc.Packages {
		pc := &cc.Packages[i]
		switch pc.ExternalBasis {
		case PriceMonthly:
			pc.External = pc.ExternalRate * 12
		case PriceHourly:
			pc.External = pc.HoursPerYear * pc.ExternalRate
		default:
			pc.ExternalMissing = 1
		}
		cc.Total.add(pc.Demand)
		cc.Total.Internal += pc.Internal
		cc.Total.InternalMissing += pc.InternalMissing
		cc.Total.External += pc.External
		cc.Total.ExternalMissing += pc.ExternalMissing
	}
	for party := range unpriced {
		cc.Unpriced = append(cc.Unpriced, party)
	}
	sort.Strings(cc.Unpriced)
	return cc
}
