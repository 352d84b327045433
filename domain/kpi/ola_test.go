package kpi

import (
	"testing"

	"schulit-lotse/domain"
)

// olaProject adds to the hand-computed March the package Software, kept in the house with an
// OLA on the same office clock (Mon–Fri 08:00–16:00): P1 60 min / 8 h, P2 4 h / 3 days (24 h of
// service). Two of its tickets:
//
//	T10 P2: Mon 15 March 10:00, answered 13:00 = 180 min (OLA 240: within; SLA P2 120: breach);
//	        solved Wed 17 March 12:00 = 6 h (Mon 10–16) + 8 h (Tue) + 4 h (Wed 8–12) = 1080 min
//	        (OLA 1440: within; SLA P2 960: breach).
//	T11 P1: Tue 16 March 09:00, answered 09:50 = 50 min (OLA 60: within; SLA 30: breach);
//	        solved 15:00 = 360 min (OLA 480: within; SLA 240: breach).
func olaProject(withOLA bool) *domain.Project {
	p := handProject()
	sw := int64(12)
	p.Packages = append(p.Packages, domain.Package{ID: sw, Name: "Software"})
	p.Decisions = []domain.SourcingDecision{{ID: 1, PackageID: sw, Outcome: domain.OutcomeInternal}}
	if withOLA {
		ola := officeSLA()
		ola.ID, ola.Name, ola.PackageID, ola.Internal = 3, "OLA Software", &sw, true
		ola.Classes = []domain.PriorityClassTarget{{Code: "P1", ResponseMinutes: 60, RestoreMinutes: 480},
			{Code: "P2", ResponseMinutes: 240, RestoreMinutes: 1440}}
		p.SLAs = append(p.SLAs, ola)
	}
	p.Tickets = append(p.Tickets,
		domain.Ticket{ID: 10, ExternalID: "T10", Created: at(2027, 3, 15, 10, 0), FirstResponse: pt(at(2027, 3, 15, 13, 0)),
			Resolved: pt(at(2027, 3, 17, 12, 0)), Priority: "P2", Category: "MDM", School: "IGS Nord", PackageID: &sw},
		domain.Ticket{ID: 11, ExternalID: "T11", Created: at(2027, 3, 16, 9, 0), FirstResponse: pt(at(2027, 3, 16, 9, 50)),
			Resolved: pt(at(2027, 3, 16, 15, 0)), Priority: "P1", Category: "MDM", School: "GS Am Markt", PackageID: &sw},
	)
	return p
}

func TestOLAMeasuresTheInternalPackage(t *testing.T) {
	scoped := func(p *domain.Project, scope string) *Report {
		t.Helper()
		r, err := Compute(p, march, Options{AsOf: at(2027, 3, 31, 16, 0), Scope: scope})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	base := compute(t, handProject()) // the six provider tickets of March alone
	// OLA scope: T10 and T11 only, every target met (2 of 2 within, median response
	// (50 + 180) / 2 = 115 min, median restoration (360 + 1080) / 2 = 720 min), no breach.
	ola := scoped(olaProject(true), ScopeOLA)
	tot := ola.Tickets.Total
	if tot.Tickets != 2 || tot.Response.Within != 2 || tot.Restore.Within != 2 || len(ola.Tickets.Breaches) != 0 {
		t.Fatalf("OLA scope: %+v, breaches %v", tot, ola.Tickets.Breaches)
	}
	if tot.Response.MedianMin != 115 || tot.Restore.MedianMin != 720 {
		t.Errorf("OLA medians %v / %v, want 115 / 720", tot.Response.MedianMin, tot.Restore.MedianMin)
	}
	if ola.Hotline.Calls != 0 || ola.Scope != ScopeOLA {
		t.Errorf("the OLA view has no provider hotline: %+v", ola.Hotline)
	}
	// Provider scope: exactly the six tickets of the hand-computed case, with its breaches.
	prov := scoped(olaProject(true), ScopeProvider)
	if prov.Tickets.Total.Tickets != 6 || len(prov.Tickets.Breaches) != len(base.Tickets.Breaches) ||
		prov.Tickets.Total.Restore.Within != base.Tickets.Total.Restore.Within {
		t.Errorf("provider scope: %+v, %d breaches; want the %d of the base case", prov.Tickets.Total, len(prov.Tickets.Breaches), len(base.Tickets.Breaches))
	}
	// All tickets: 8, and the two of Software add no breach against their OLA ...
	all := scoped(olaProject(true), ScopeAll)
	if all.Tickets.Total.Tickets != 8 || len(all.Tickets.Breaches) != len(base.Tickets.Breaches) {
		t.Errorf("all: %d tickets, %d breaches; want 8 and %d", all.Tickets.Total.Tickets, len(all.Tickets.Breaches), len(base.Tickets.Breaches))
	}
	// ... while without the OLA they fall to the general SLA and miss all four targets.
	none := scoped(olaProject(false), ScopeAll)
	if got, want := len(none.Tickets.Breaches), len(base.Tickets.Breaches)+4; got != want {
		t.Errorf("without OLA: %d breaches, want %d", got, want)
	}
	if _, err := Compute(olaProject(true), march, Options{Scope: "intern"}); err != ErrScope {
		t.Errorf("unknown scope: %v", err)
	}
}

// Per package: Störungsbeseitigung (package 11) has T1 only in March: response 20 min and
// restoration 180 min against P1 30 / 240, so 100 % and 100 % (green against the 95 % agreed by
// default); Software's two tickets against its OLA are green as well; without the OLA both of
// Software's shares are 0 % (red), and the red row names step 11's first escalation level.
func TestPackageKPIsWithLightsAndEscalation(t *testing.T) {
	p := olaProject(true)
	r, err := Compute(p, march, Options{AsOf: at(2027, 3, 31, 16, 0)})
	if err != nil {
		t.Fatal(err)
	}
	ks := r.ByPackage(p)
	if k := ks[11]; k.Tickets != 1 || k.Response.Value != 100 || k.Restore.Light != LightGreen || k.Red() {
		t.Errorf("Störungsbeseitigung %+v", k)
	}
	if k := ks[12]; k.Tickets != 2 || k.Response.Light != LightGreen || k.Restore.Light != LightGreen {
		t.Errorf("Software with OLA %+v", k)
	}
	p = olaProject(false)
	two := int64(2)
	p.EscalationLevels = []domain.EscalationLevel{{ID: 2, Level: 2}, {ID: 1, Level: 1, CustomerRoleID: &two}}
	r, err = Compute(p, march, Options{AsOf: at(2027, 3, 31, 16, 0)})
	if err != nil {
		t.Fatal(err)
	}
	k := r.ByPackage(p)[12]
	if k.Response.Value != 0 || k.Response.Light != LightRed || !k.Red() || k.Escalation == nil || k.Escalation.Level != 1 {
		t.Errorf("Software without OLA %+v", k)
	}
}
