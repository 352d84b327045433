package domain

import (
	"maps"
	"slices"
)

// ThreadRow is one package's line of the "Roter Faden": what the steps say about it, from the
// inventory to monitoring, and how many contradictions the thread checks find for it.
type ThreadRow struct {
	Package Package
	// Tasks and Hours are the package's tasks and their hours per month (step 1 and 3).
	Tasks int
	Hours float64
	// HandedOutTasks and HandedOutHours are what step 4 gives to the provider.
	HandedOutTasks int
	HandedOutHours float64
	Decision       SourcingOutcome // step 6; "" without a decision
	SLA            string          // step 7: the level that applies (own SLA, OLA, general SLA), "" when none
	OLA            bool            // SLA names the package's OLA (kept in the house)
	Winner         string          // step 8: the winning bid's bidder, "" before the award
	Provider       string          // step 9: the contract's provider, "" before it
	Responsible    []string        // step 11: the roles R on the package's activities
	Categories     []string        // step 12: ticket categories mapped to the package
	Findings       []Finding       // thread findings that name the package
}

// ThreadView is the thread per package, in board order, on the day given.
func ThreadView(p *Project, today Date) []ThreadRow {
	tasks := packageTasks(p)
	findings := ThreadFindings(p, today)
	roleName := map[int64]string{}
	for _, r := range p.Roles {
		roleName[r.ID] = r.Name
	}
	categories := map[int64][]string{}
	m := p.TicketMappingConfig()
	for _, c := range slices.Sorted(maps.Keys(m.Categories)) {
		categories[m.Categories[c]] = append(categories[m.Categories[c]], c)
	}
	winner := ""
	if ev := Evaluate(p.Tender, p.Criteria, p.Bids); ev.Winner != 0 {
		winner = ev.Result(ev.Winner).Bidder
	}
	var out []ThreadRow
	for _, pk := range inUserOrder(p.Packages) {
		row := ThreadRow{Package: pk, Provider: p.Contract.Provider, Winner: winner, Categories: categories[pk.ID]}
		for _, t := range tasks[pk.ID] {
			row.Tasks++
			row.Hours += t.HoursPerMonth(p.Settings)
			if HandedOut(t) {
				row.HandedOutTasks++
				row.HandedOutHours += t.HoursPerMonth(p.Settings)
			}
		}
		if d := p.DecisionFor(pk.ID); d != nil {
			row.Decision = d.Outcome
		}
		id := pk.ID
		if l := workingLevel(p, id); l != nil {
			row.SLA, row.OLA = l.Name, l.Internal
		}
		seen := map[string]bool{}
		for _, a := range SortedActivities(p.RaciActivities) {
			if a.PackageID == nil || *a.PackageID != pk.ID {
				continue
			}
			for _, x := range p.RaciAssignments {
				if n := roleName[x.RoleID]; x.ActivityID == a.ID && x.Letter == RaciResponsible && !seen[n] {
					seen[n] = true
					row.Responsible = append(row.Responsible, n)
				}
			}
		}
		for _, f := range findings {
			for _, o := range f.Objects {
				if o.Kind == "package" && o.ID == pk.ID {
					row.Findings = append(row.Findings, f)
					break
				}
			}
		}
		out = append(out, row)
	}
	return out
}

// workingLevel is the level being planned for a package: its own SLA, else its OLA, else the
// general SLA (LevelInForce without the contract's frozen copies).
func workingLevel(p *Project, pkg int64) *SLA {
	s := SLAFor(p, &pkg)
	if s != nil && s.PackageID != nil {
		return s
	}
	if o := OLAFor(p, pkg); o != nil {
		return o
	}
	return s
}
