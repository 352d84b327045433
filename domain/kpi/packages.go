package kpi

import "schulit-lotse/domain"

// PackageKPIs are one package's figures of a period, as the Roter Faden shows them: the shares of
// its tickets within the response and the restoration target of the level they are measured
// against (its SLA or OLA), each with its light against the agreed share and the previous period.
type PackageKPIs struct {
	PackageID int64
	Tickets   int
	Response  Indicator
	Restore   Indicator
	// Escalation is the first escalation level of step 11 when a light is red (nil otherwise or
	// when step 11 has none).
	Escalation *domain.EscalationLevel
}

// Red reports whether a figure of the package is red.
func (k PackageKPIs) Red() bool { return k.Response.Light == LightRed || k.Restore.Light == LightRed }

// ByPackage lists the figures of every package that has tickets in the report's period.
func (r *Report) ByPackage(p *domain.Project) map[int64]PackageKPIs {
	prev := map[int64]Group{}
	for _, g := range r.prevTickets.ByPackage {
		prev[g.ID] = g
	}
	level := LowestEscalationLevel(p)
	out := map[int64]PackageKPIs{}
	for _, g := range r.Tickets.ByPackage {
		if g.ID == 0 {
			continue
		}
		pg := prev[g.ID]
		k := PackageKPIs{PackageID: g.ID, Tickets: g.Tickets,
			Response: r.indicator("kpi.response_share", "", UnitPercent, g.Response.share(), pg.Response.share(), r.Targets.CompliancePct, +1),
			Restore:  r.indicator("kpi.restore_share", "", UnitPercent, g.Restore.share(), pg.Restore.share(), r.Targets.CompliancePct, +1),
		}
		if k.Red() {
			k.Escalation = level
		}
		out[g.ID] = k
	}
	return out
}

// LowestEscalationLevel is the first level of step 11 to turn to (the lowest number), or nil.
func LowestEscalationLevel(p *domain.Project) *domain.EscalationLevel {
	var level *domain.EscalationLevel
	for i := range p.EscalationLevels {
		if l := &p.EscalationLevels[i]; level == nil || l.Level < level.Level {
			level = l
		}
	}
	return level
}
