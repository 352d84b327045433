package sample

import (
	"schulit-lotse/domain"
)

// Step 11 of Musterstadt: the template roles with the people of the town, the schools and
// Nordlicht, plus the data protection officer, who is only ever consulted (the checks warn
// about that, which the sample keeps on purpose); the RACI template; the communication rows of
// the seed's Abb. 11; three escalation levels; a quarterly Jour fixe and a quarterly steering
// meeting. Ids: roles 1101–, activities 1201–, rows 1301–, levels 1401–, meetings 1501–.

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

	// The persons are the names the roles list, plus a head teacher and a media officer whom the
	// group roles of the schools stand for; the kickoff lends their organisations. Ids 1601–.
	p.Persons = domain.PeopleFromRoles(p.Roles, p.Kickoff.Participants, 1601)
	for _, x := range []struct{ name, org, role string }{
		{"Jens Wübbena", "IGS Musterstadt", tr(domain.TplRoleSchoolLead)},
		{"Petra Kaya", "Grundschule am Park", tr(domain.TplRoleMedia)},
	} {
		n := len(p.Persons)
		p.Persons = append(p.Persons, domain.Person{ID: int64(1601 + n), Name: x.name, Party: domain.PartySchool, Organisation: x.org,
			RoleIDs: []int64{roleByName(p, x.role)}, SortOrder: n + 1})
	}
	for i := range p.Persons { // those the kickoff did not meet work for the town or for Nordlicht
		if x := &p.Persons[i]; x.Organisation == "" {
			x.Organisation = map[domain.Party]string{domain.PartyCarrier: "Stadt Musterstadt", domain.PartyProvider: "Nordlicht IT-Service GmbH"}[x.Party]
		}
	}

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

	// Each process belongs to the package whose work it is (the thread checks hold the RACI
	// against the sourcing decision); reporting, escalation and knowledge span all packages.
	pkgOf := map[string]string{
		tr("tpl.process.incident"): "Störungsbeseitigung", tr("tpl.process.first_attempt"): "Störungsbeseitigung",
		tr("tpl.process.second_level"): "Störungsbeseitigung", tr("tpl.process.onsite"): "Vor-Ort-Support",
		tr("tpl.process.accounts"): "User-Management", tr("tpl.process.software"): "Software",
		tr("tpl.process.hardware"): "Hardware-Wartung",
	}
	for i := range p.RaciActivities {
		for _, pk := range p.Packages {
			if pk.Name == pkgOf[p.RaciActivities[i].Process] {
				id := pk.ID
				p.RaciActivities[i].PackageID = &id
			}
		}
	}
	// Software stays in-house (step 6): the team packages and deploys it, the provider is told.
	carrierIT, carrierLead := roleByName(p, tr(domain.TplRoleCarrierIT)), roleByName(p, tr(domain.TplRoleCarrierLead))
	for _, a := range p.RaciActivities {
		if a.Name != tr("tpl.activity.software.deploy") {
			continue
		}
		kept := p.RaciAssignments[:0:0]
		for _, x := range p.RaciAssignments {
			if x.ActivityID != a.ID {
				kept = append(kept, x)
			}
		}
		p.RaciAssignments = append(kept,
			domain.RaciAssignment{ActivityID: a.ID, RoleID: carrierIT, Letter: domain.RaciResponsible},
			domain.RaciAssignment{ActivityID: a.ID, RoleID: carrierLead, Letter: domain.RaciAccountable},
			domain.RaciAssignment{ActivityID: a.ID, RoleID: roleByName(p, tr(domain.TplRoleServiceManage)), Letter: domain.RaciInformed},
			domain.RaciAssignment{ActivityID: a.ID, RoleID: roleByName(p, tr(domain.TplRoleMedia)), Letter: domain.RaciInformed})
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

	jf, jfRule := domain.MeetingFromTemplate(p, domain.MeetingTemplates[0], s10Day(2027, 1, 12), tr)
	jf.ID = 1501
	jf.Participants = persons(p, "Anna Berger, Maren Ohlsen; bei Bedarf Dr. Thomas Hahn")
	// Musterstadt meets its provider once a quarter, with the quarter's KPIs (step 12 keeps
	// the minutes of April and July).
	jf.CadenceDays = 91
	jfRule.Monthly = false
	jf.Agenda = "Kennzahlen des Quartals, offene Tickets und Eskalationen, Maßnahmen aus dem letzten Termin, Ausblick"
	steering, stRule := domain.MeetingFromTemplate(p, domain.MeetingTemplates[1], s10Day(2027, 3, 16), tr)
	steering.ID = 1502
	p.Meetings = append(p.Meetings, jf, steering)
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	p.Config[domain.ConfigMeetingRules] = domain.MeetingRulesJSON(map[int64]domain.MeetingRule{jf.ID: jfRule, steering.ID: stRule})
}

// roleByName is the id of the role with the name (0 when none has it).
func roleByName(p *domain.Project, name string) int64 {
	for _, r := range p.Roles {
		if r.Name == name {
			return r.ID
		}
	}
	return 0
}

// persons refers to the sample's persons by name; a name that is nobody's person is a mistake
// of the sample, not a guest.
func persons(p *domain.Project, names string) []domain.Attendee {
	as := domain.MatchAttendees(names, p.Persons)
	for _, a := range as {
		if a.PersonID == nil {
			panic("sample: no person " + a.Guest)
		}
	}
	return as
}
