package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// The ticket category "Software > MDM" is mapped to the package Software, which stays in the
// house and has an OLA (Mon–Fri 08:00–16:00; P2 4 h / 24 h of service); the provider's general
// SLA has the same hours with P2 2 h / 16 h. Its one ticket of March 2027, P2:
//
//	created Mon 15 March 10:00, answered 13:00 = 180 min   (OLA 240: within; SLA 120 would be a breach)
//	solved Wed 17 March 12:00 = 6 h + 8 h + 4 h = 1080 min  (OLA 1440: within; SLA 960 would be a breach)
//
// A provider ticket of Störungsbeseitigung, P2, Tue 2 March 09:00, answered 12:00 = 180 min
// (breach of 120), solved 15:00 = 360 min (within 960).
func TestKPIMeasuresAnInternalCategoryAgainstItsOLA(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2027, 3, d, h, 0, 0, 0, domain.Berlin).UTC() }
	pt := func(x time.Time) *time.Time { return &x }
	office := func(id int64, name string, resp, rest int) domain.SLA {
		s := domain.SLA{ID: id, Name: name, Classes: []domain.PriorityClassTarget{{Code: "P2", ResponseMinutes: resp, RestoreMinutes: rest}},
			ReportingCadence: domain.CadenceMonthly}
		for wd := 1; wd <= 5; wd++ {
			s.Windows = append(s.Windows, domain.ServiceWindow{Weekday: wd, StartMinute: 8 * 60, EndMinute: 16 * 60})
		}
		return s
	}
	p := domain.NewProject("OLA", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	sw, st := int64(2), int64(1)
	p.Packages = []domain.Package{{ID: st, Name: "Störungsbeseitigung", SortOrder: 1}, {ID: sw, Name: "Software", SortOrder: 2}}
	p.Decisions = []domain.SourcingDecision{{ID: 1, PackageID: st, Outcome: domain.OutcomeExternal}, {ID: 2, PackageID: sw, Outcome: domain.OutcomeInternal}}
	ola := office(2, "OLA Software", 240, 1440)
	ola.PackageID, ola.Internal = &sw, true
	p.SLAs = []domain.SLA{office(1, "Standard-SLA", 120, 960), ola}
	m := domain.TicketMapping{Format: "glpi", Priorities: map[string]string{}, Categories: map[string]int64{
		domain.NormalizeSourceValue("Software > MDM"): sw, domain.NormalizeSourceValue("Netzwerk > WLAN"): st}}
	p.Config = map[string]string{domain.ConfigTicketMapping: domain.ConfigJSON(m)}
	p.Tickets = []domain.Ticket{
		{ID: 1, ExternalID: "INC-1", Created: at(15, 10), FirstResponse: pt(at(15, 13)), Resolved: pt(at(17, 12)), Priority: "P2",
			Category: "Software > MDM", PackageID: &sw},
		{ID: 2, ExternalID: "INC-2", Created: at(2, 9), FirstResponse: pt(at(2, 12)), Resolved: pt(at(2, 15)), Priority: "P2",
			Category: "Netzwerk > WLAN", PackageID: &st},
	}
	path := projectFile(t, "OLA.lotse", p)
	// The thread check is content: the intern package's category has an OLA.
	if r := run(t, "check", path, "--json"); strings.Contains(r.out, domain.RuleCategoryInternal) {
		t.Errorf("check still reports the category:\n%s", r.out)
	}
	r := run(t, "kpi", path, "--from", "2027-03-01", "--to", "2027-03-31").want(t, 0)
	contains(t, "kpi", r.out, "Software")
	contains(t, "kpi", r.out, "OLA Software (OLA)")
	contains(t, "kpi", r.out, "Standard-SLA")

	var doc struct{ Report kpi.Report }
	r = run(t, "kpi", path, "--from", "2027-03-01", "--to", "2027-03-31", "--scope", "ola", "--json").want(t, 0)
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatal(err)
	}
	tot := doc.Report.Tickets.Total
	if tot.Tickets != 1 || tot.Response.Within != 1 || tot.Restore.Within != 1 || tot.Response.MedianMin != 180 ||
		tot.Restore.MedianMin != 1080 || len(doc.Report.Tickets.Breaches) != 0 {
		t.Errorf("OLA scope: %+v, breaches %+v", tot, doc.Report.Tickets.Breaches)
	}
	r = run(t, "kpi", path, "--from", "2027-03-01", "--to", "2027-03-31", "--scope", "provider", "--json").want(t, 0)
	doc = struct{ Report kpi.Report }{}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatal(err)
	}
	tot = doc.Report.Tickets.Total
	if tot.Tickets != 1 || tot.Response.Within != 0 || tot.Restore.Within != 1 || len(doc.Report.Tickets.Breaches) != 1 {
		t.Errorf("provider scope: %+v, breaches %+v", tot, doc.Report.Tickets.Breaches)
	}
	r = run(t, "kpi", path, "--scope", "intern").want(t, 2)
	contains(t, "error", r.err, "--scope kennt")
}
