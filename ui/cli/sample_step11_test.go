package cli

import (
	"strings"
	"testing"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Step 11 of Musterstadt: the template roles with the people of the town, the schools and
// Nordlicht, plus the data protection officer, who is only ever consulted (the checks warn
// about that, which the sample keeps on purpose); the RACI template; the communication rows of
// the seed's Abb. 11; three escalation levels; a monthly Jour fixe and a quarterly steering
// meeting. Ids: roles 1101–, activities 1201–, rows 1301–, levels 1401–, meetings 1501–.
func init() { sampleExtensions[11] = sampleStep11 }

// s11People fills the template roles: persons, deputy, contact.
var s11People = map[string][3]string{
	domain.TplRoleCarrierIT:     {"Anna Berger", "Mehmet Yıldız", "0441 123-450, a.berger@musterstadt.example"},
	domain.TplRoleCarrierLead:   {"Dr. Thomas Hahn", "Anna Berger", "0441 123-400"},
	domain.TplRoleSchoolLead:    {"Schulleitungen der sechs Schulen", "stellvertretende Schulleitungen", "über die Sekretariate"},
	domain.TplRoleMedia:         {"je Schule eine Lehrkraft (u. a. Petra Kaya, GS am Park)", "zweite Lehrkraft im Medienteam", "Liste bei der IT-Koordination"},
	domain.TplRoleServiceDesk:   {"Team Service Desk Nordlicht", "", "0441 555-100, servicedesk@nordlicht-it.example"},
	domain.TplRoleSecondLevel:   {"Team Systembetreuung Nordlicht", "", "über den Service Desk"},
	domain.TplRoleOnSite:        {"Lars Claassen, Tim Eilers", "", "über den Service Desk"},
	domain.TplRoleServiceManage: {"Maren Ohlsen", "Lars Claassen", "0441 555-120, m.ohlsen@nordlicht-it.example"},
	domain.TplRoleProviderLead:  {"Jan Nordmann", "", "0441 555-0"},
}

func sampleStep11(p *domain.Project) {
	tr := s10German()
	tpl := domain.BuildStructureTemplate(&domain.Project{}, domain.TemplateParts{Roles: true, Raci: true, Communication: true, Escalation: true}, tr)

	// Renumber into the sample's id ranges, keeping the references.
	roleID := map[int64]int64{}
	for i := range tpl.Roles {
		r := &tpl.Roles[i]
		roleID[r.ID] = int64(1101 + i)
		r.ID = roleID[r.ID]
		for _, t := range domain.RoleTemplates {
			if tr(t.Key) == r.Name {
				who := s11People[t.Key]
				r.Persons, r.Deputy, r.Contact = who[0], who[1], who[2]
			}
		}
	}
	dsb := domain.Role{ID: int64(1101 + len(tpl.Roles)), Name: "Datenschutzbeauftragte:r (Stadt)", Party: domain.PartyCarrier,
		Persons: "Sabine Ulferts", Contact: "datenschutz@musterstadt.example", SortOrder: len(tpl.Roles) + 1}
	p.Roles = append(tpl.Roles, dsb)

	actID := map[int64]int64{}
	for i := range tpl.Activities {
		a := &tpl.Activities[i]
		actID[a.ID] = int64(1201 + i)
		a.ID = actID[a.ID]
	}
	p.RaciActivities = tpl.Activities
	for _, c := range tpl.Assignments {
		p.RaciAssignments = append(p.RaciAssignments, domain.RaciAssignment{ActivityID: actID[c.ActivityID], RoleID: roleID[c.RoleID], Letter: c.Letter})
	}
	// The data protection officer is consulted before software is approved and accounts change.
	for _, a := range p.RaciActivities {
		if a.Name == tr("tpl.activity.software.approve") || a.Name == tr("tpl.activity.accounts.maintain") {
			p.RaciAssignments = append(p.RaciAssignments, domain.RaciAssignment{ActivityID: a.ID, RoleID: dsb.ID, Letter: domain.RaciConsulted})
		}
	}

	ref := func(id *int64) *int64 { x := roleID[*id]; return &x }
	for i, c := range tpl.Communication {
		c.ID = int64(1301 + i)
		c.CustomerRoleID, c.ProviderRoleID = ref(c.CustomerRoleID), ref(c.ProviderRoleID)
		if c.Occasion == tr("tpl.comm.incidents") {
			c.Hours = "Mo–Fr 7:30–16:30 (Servicezeiten)"
		}
		p.CommunicationRows = append(p.CommunicationRows, c)
	}
	for i, e := range tpl.Escalation {
		e.ID = int64(1401 + i)
		e.CustomerRoleID, e.ProviderRoleID = ref(e.CustomerRoleID), ref(e.ProviderRoleID)
		p.EscalationLevels = append(p.EscalationLevels, e)
	}

	jf, jfRule := domain.MeetingFromTemplate(domain.MeetingTemplates[0], s10Day(2027, 1, 12), tr)
	jf.ID = 1501
	jf.Participants = "Anna Berger, Maren Ohlsen; bei Bedarf Dr. Thomas Hahn"
	steering, stRule := domain.MeetingFromTemplate(domain.MeetingTemplates[1], s10Day(2027, 3, 16), tr)
	steering.ID = 1502
	p.Meetings = append(p.Meetings, jf, steering)
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	p.Config[domain.ConfigMeetingRules] = domain.MeetingRulesJSON(map[int64]domain.MeetingRule{jf.ID: jfRule, steering.ID: stRule})
}

// TestSampleStep11 checks the structure by hand: every activity has one A and an R, the data
// protection officer is the one warning, the seed's communication rows and a monthly Jour fixe.
func TestSampleStep11(t *testing.T) {
	p, err := persistence.ParseJSON(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
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
	// The Jour fixe: every 2nd Tuesday from 12 January 2027 (February and March start on a
	// Monday, so the 9th is their 2nd Tuesday).
	rules := domain.MeetingRules(p)
	jf := p.Meetings[0]
	ds := domain.NextMeetingDates(jf, rules[jf.ID], domain.NewOffDays(p.Meta.Bundesland, p.SchoolHolidays), domain.NewDate(2027, 1, 1), 3)
	if jf.Name != "Jour fixe" || len(ds) != 3 || ds[0].String() != "2027-01-12" || ds[1].String() != "2027-02-09" || ds[2].String() != "2027-03-09" {
		t.Errorf("Jour fixe %+v: %v", jf, ds)
	}
	st, _, all := domain.EvaluateStructure(p, domain.NewDate(2026, 11, 27))
	if st != domain.StateDone || len(all) != 1 {
		t.Errorf("step 11: %s %+v", st, all)
	}
}

// `lotse summary` prints the RACI check beside the figures of steps 10 and 11.
func TestSampleSummaryStructure(t *testing.T) {
	_, path := sample(t)
	r := run(t, "summary", path).want(t, 0)
	lines := summaryLines(r.out)
	for _, want := range []string{
		"10 | Auftakt | erledigt",
		"Auftakt am | 2026-12-08",
		"Meilensteine | 9",
		"Meilensteine erreicht | 8",
		"Meilensteine überfällig | 0",
		"Nächster Meilenstein: Bilanz nach einem Jahr | 2027-12-14",
		"11 | Struktur- und Prozessmodell | erledigt",
		"Rollen | 10",
		"Tätigkeiten in der RACI-Matrix | 22",
		"Fehler in der RACI-Matrix | 0",
		"Hinweise zur RACI-Matrix | 1",
		"Nächster Termin: Jour fixe | 2027-08-10",
		"– Rolle „Datenschutzbeauftragte:r (Stadt)“ führt nirgends etwas durch und verantwortet nichts (weder R noch A).",
	} {
		if !lines[want] {
			t.Errorf("summary lacks the line %q:\n%s", want, r.out)
		}
	}
}
