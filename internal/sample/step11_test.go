package sample

import (
	"strings"
	"testing"

	"schulit-lotse/domain"
)

// TestSampleStep11 checks the structure by hand: every activity has one A and an R, the data
// protection officer is the one warning, the seed's communication rows and a monthly Jour fixe.
func TestSampleStep11(t *testing.T) {
	p := committedSample(t)
	if len(p.Roles) != 10 || len(p.RaciActivities) != 22 || len(p.CommunicationRows) != 6 || len(p.EscalationLevels) != 3 || len(p.Meetings) != 2 {
		t.Fatalf("%d roles, %d activities, %d rows, %d levels, %d meetings", len(p.Roles), len(p.RaciActivities),
			len(p.CommunicationRows), len(p.EscalationLevels), len(p.Meetings))
	}
	fs := domain.RaciFindings(p.RaciActivities, p.Roles, p.RaciAssignments)
	if len(fs) != 1 || fs[0].Code != domain.FindRaciRolePassive || fs[0].Subject != "Datenschutzbeauftragte:r (Stadt)" || fs[0].EntityID != 1110 {
		t.Errorf("RACI findings %+v", fs)
	}
	// 22 activities: 3 letters in 11 of them (33), 4 in 10 (40), 2 in one (2) = 75; plus the
	// officer's two C.
	if n := len(p.RaciAssignments); n != 77 {
		t.Errorf("%d cells", n)
	}
	name := func(id *int64) string { return p.RoleName(id) }
	rows := domain.SortedCommunication(p.CommunicationRows)
	if r := rows[0]; r.Occasion != "Störungsmeldungen" || name(r.CustomerRoleID) != "Medienbeauftragte:r" || name(r.ProviderRoleID) != "Service Desk" ||
		r.Channel != "Telefon, Ticketsystem" {
		t.Errorf("incidents row %+v", r)
	}
	if r := rows[3]; r.Occasion != "Eskalation" || name(r.CustomerRoleID) != "IT-Koordination Schulträger" || name(r.ProviderRoleID) != "Serviceverantwortliche:r" ||
		r.Channel != "E-Mail" {
		t.Errorf("escalation row %+v", r)
	}
	var occasions []string
	for _, r := range rows {
		occasions = append(occasions, r.Occasion)
	}
	if got := strings.Join(occasions, ", "); got != "Störungsmeldungen, Support außerhalb der Servicezeiten, Aufträge, Eskalation, Anfragen und Angebote, Vertragsgestaltung" {
		t.Errorf("occasions %s", got)
	}
	// The Jour fixe: once a quarter from Tuesday 12 January 2027, every 91 days (13 weeks):
	// 12 January + 91 days = 13 April, + 91 days = 13 July – the days of the minutes of step 12.
	rules := domain.MeetingRules(p)
	jf := p.Meetings[0]
	ds := domain.NextMeetingDates(jf, rules[jf.ID], domain.NewOffDays(p.Meta.Bundesland, p.SchoolHolidays), domain.NewDate(2027, 1, 1), 3)
	if jf.Name != "Jour fixe" || len(ds) != 3 || ds[0].String() != "2027-01-12" || ds[1].String() != "2027-04-13" || ds[2].String() != "2027-07-13" {
		t.Errorf("Jour fixe %+v: %v", jf, ds)
	}
	st, _, all := domain.EvaluateStructure(p, domain.NewDate(2026, 11, 27))
	if st != domain.StateDone || len(all) != 1 {
		t.Errorf("step 11: %s %+v", st, all)
	}
}
