package demo

import (
	"slices"
	"strings"

	"schulit-lotse/domain"
)

// Steps 10–11: the kickoff with the winner, the milestone plan to regular operation, the roles
// of both sides, the RACI matrix (valid but for a few rows kept on purpose, so the checks have
// something to show), the communication matrix, escalation levels and the standing meetings.

// demoRoles are the roles; the small scale takes the first ten.
var demoRoles = []struct {
	key, name string
	party     domain.Party
}{
	{"it", "IT-Koordination Schulträger", domain.PartyCarrier},
	{"lead", "Fachdienstleitung Schulen und Kultur", domain.PartyCarrier},
	{"school", "Schulleitung", domain.PartySchool},
	{"media", "Medienbeauftragte:r", domain.PartySchool},
	{"desk", "Service Desk", domain.PartyProvider},
	{"second", "2nd-Level-Support", domain.PartyProvider},
	{"onsite", "Vor-Ort-Technik", domain.PartyProvider},
	{"sm", "Serviceverantwortliche:r", domain.PartyProvider},
	{"plead", "Geschäftsführung Dienstleister", domain.PartyProvider},
	{"dsb", "Datenschutzbeauftragte:r", domain.PartyCarrier},
	{"isb", "Informationssicherheitsbeauftragte:r", domain.PartyCarrier},
	{"dc", "Kreis-IT (Rechenzentrum)", domain.PartyCarrier},
	{"purchase", "Zentrale Vergabestelle", domain.PartyCarrier},
	{"mediactr", "Medienzentrum", domain.PartyCarrier},
	{"office", "Schulsekretariat", domain.PartySchool},
	{"teachers", "Lehrkräfte", domain.PartySchool},
	{"caretaker", "Hausmeister:in", domain.PartySchool},
	{"net", "Netzwerkteam", domain.PartyProvider},
	{"mdm", "MDM-Team", domain.PartyProvider},
	{"qm", "Qualitätsmanagement Dienstleister", domain.PartyProvider},
	{"rollout", "Projektleitung Rollout", domain.PartyProvider},
	{"finance", "Kämmerei", domain.PartyCarrier},
	{"council", "Schulausschuss des Kreistags", domain.PartyOther},
	{"isp", "Telekommunikationsanbieter", domain.PartyOther},
	{"vendor", "Hersteller und Lieferanten", domain.PartyOther},
}

// standIn lists the roles that take a missing role's R or A when the scale has fewer roles,
// first choice first (a role already holding a letter in the row is passed over).
var standIn = map[string][]string{
	"isb": {"dsb", "it"}, "dc": {"it", "second"}, "purchase": {"lead", "it"}, "mediactr": {"it", "media"},
	"office": {"school", "media"}, "teachers": {"media", "school"}, "caretaker": {"media", "school"},
	"net": {"second", "onsite"}, "mdm": {"second", "desk"}, "qm": {"sm", "desk"}, "rollout": {"sm", "second"},
	"finance": {"lead", "it"}, "council": {"lead", "it"}, "isp": {"second"}, "vendor": {"onsite", "second"},
}

// raciProcesses: eight activities each, written "Name|R:a,b|A:c|C:d|I:e". The small scale
// takes the first two of each process. A few rows break the rules on purpose (marked).
var raciProcesses = []struct {
	name string
	rows []string
}{
	{"Störungsmeldung", []string{
		"Störung melden|R:media|A:school|I:desk",
		"Ticket anlegen und einstufen|R:desk|A:sm|I:media",
		"Meldung per Telefon außerhalb der Servicezeiten annehmen|R:desk|A:sm",
		"Priorität bei Uneinigkeit festlegen|R:sm|A:it|C:school",
		"Sammelstörung ausrufen|R:desk|A:sm|I:it,school,media",
		"Meldende Person über den Stand informieren|R:desk|A:sm|I:media",
		"Doppelte Tickets zusammenführen|R:desk|A:sm",
		"Störungsformular der Schulen pflegen|R:it|A:lead|C:media|I:desk",
	}},
	{"Erstlösung an der Schule", []string{
		"Erstlöseversuch vor Ort|R:media|A:school|C:desk",
		"Ergebnis des Erstlöseversuchs im Ticket festhalten|R:media|A:desk",
		"Geräte neu starten und Kabel prüfen|R:teachers|A:media",
		"Ersatzgerät ausgeben|R:office|A:school|I:media",
		"Kennwort der Lehrkraft vor Ort zurücksetzen|R:media|A:school|I:desk",
		"Anleitungen für die Erstlösung bereitstellen|R:mediactr|A:it|C:sm",
		"Medienbeauftragte einweisen|R:sm|A:it|C:mediactr|I:school",
		"Entlastungsstunden der Medienbeauftragten festlegen|R:school|A:lead|C:it",
	}},
	{"Störungsbearbeitung", []string{
		"Störung per Fernwartung beheben|R:second|A:sm|C:desk|I:media",
		"Ticket schließen und Lösung dokumentieren|R:desk|A:sm|C:media",
		"Störung an Hersteller weitergeben|R:second|A:sm|C:vendor",
		"Netzstörung analysieren|R:net|A:sm|C:dc",
		"Ausfall der Internetanbindung beim Anbieter melden|R:net|A:sm|C:isp|I:it",
		"Wiederkehrende Störungen auswerten|R:qm|A:sm|C:second|I:it",
		"Workaround freigeben|R:second|A:sm|A:it|I:media", // two A on purpose
		"Störungsursache an die Schule erklären|R:desk|A:sm|I:school",
	}},
	{"Vor-Ort-Einsatz", []string{
		"Vor-Ort-Termin vereinbaren|R:desk|A:sm|C:media|I:school",
		"Gerät vor Ort reparieren oder tauschen|R:onsite|A:sm|I:media",
		"Zugang zu Räumen sicherstellen|R:caretaker|A:school|I:onsite",
		"Einsatzbericht erstellen|R:onsite|A:sm",
		"Sprechstunden je Schule planen|R:sm|A:it|C:school",
		"Fahrten zwischen den Schulen planen|R:onsite|A:sm",
		"Ersatzteile vorhalten|R:onsite|A:sm|C:vendor",
		"Einsatz nach den Ferien vorbereiten|R:onsite|A:sm|C:school,media,caretaker,office|I:it,teachers", // crowded on purpose
	}},
	{"Benutzerkonten", []string{
		"Listen neuer Lernender und Lehrkräfte liefern|R:office|A:school|I:desk",
		"Konten anlegen und pflegen|R:second|A:sm|I:it,media",
		"Kennwörter zurücksetzen|R:desk|A:sm|I:media",
		"Konten nach dem Abgang löschen|R:second|A:sm|C:dsb",
		"Rollen und Rechte festlegen|R:it|A:lead|C:dsb,school",
		"Konten zum Schuljahreswechsel umstellen|R:second|A:sm|C:office",
		"Gastkonten für Prüfungen bereitstellen|R:desk|A:sm|I:school",
		"Zugänge des Dienstleisters prüfen|R:isb|A:it|C:dsb",
	}},
	{"Software", []string{
		"Software anfragen|R:media|A:school|C:it",
		"Software freigeben|R:it|A:lead|C:sm,dsb|I:media",
		"Software paketieren und verteilen|R:second|A:sm|I:it,media",
		"Apps im MDM zuweisen|R:mdm|A:sm|I:media",
		"Lizenzen beschaffen|R:purchase|A:lead|C:it",
		"Datenschutzprüfung neuer Software|R:dsb|A:lead|C:it",
		"Updates testen|R:second|A:sm|C:media",
		"Lernplattform betreiben|R:dc|A:it|C:mediactr",
	}},
	{"Hardware und Beschaffung", []string{
		"Bedarf an Geräten planen|R:sm|A:it|C:school|I:media",
		"Geräte warten|R:onsite|A:sm|I:media",
		"Rahmenvertrag ausschreiben|R:purchase|A:lead|C:it,finance",
		"Geräte inventarisieren|R:onsite|A:sm|C:office",
		"Altgeräte aussondern und löschen|R:onsite|A:sm|C:dsb|I:it",
		"Fördermittel abrufen|R:it|A:lead|C:finance",
		"Leihgeräte ausgeben|R:office|A:school|I:media",
		"Garantiefälle abwickeln|R:onsite|A:sm|C:vendor",
	}},
	{"Netz und Sicherheit", []string{
		"Firewall-Regeln pflegen|R:dc|A:it|C:isb",
		"Jugendschutzfilter anpassen|R:net|A:it|C:school",
		"Sicherheitsvorfall melden|R:desk|A:sm|I:isb,it",
		"Sicherheitsvorfall aufarbeiten|R:isb|A:lead|C:sm,dsb",
		"WLAN betreiben|R:net|A:sm|I:it",
		"Sicherungen prüfen|R:dc|A:it",
		"Verwaltungsnetz trennen|R:dc|A:it|C:isb",
		"Notfallhandbuch üben|", // empty on purpose
	}},
	{"Eskalation und Steuerung", []string{
		"Eskalation auslösen|R:it|A:lead|C:media|I:sm",
		"Eskalation beim Dienstleister lösen|R:sm|A:plead|C:it|I:lead",
		"Jour fixe vorbereiten|R:sm|A:it",
		"Maßnahmen aus dem Jour fixe verfolgen|R:it|A:lead|C:sm",
		"Vertragsänderungen verhandeln|R:it|A:lead|C:purchase,plead",
		"Schulausschuss unterrichten|R:it|A:lead|I:council",
		"Haushaltsmittel planen|R:finance|C:it,lead", // no A on purpose
		"Vertragsstrafen prüfen|R:it|A:lead|C:purchase|I:plead",
	}},
	{"Berichtswesen und Wissen", []string{
		"Monatsbericht erstellen|R:desk|A:sm|I:it",
		"Monatsbericht prüfen|R:it|A:lead|C:sm|I:school",
		"Zufriedenheit der Schulen erheben|R:it|A:lead|C:qm|I:school",
		"Wissensdatenbank pflegen|R:second,onsite|A:sm|I:desk",
		"Wissensmanagement prüfen|R:it|A:lead|C:sm",
		"Dokumentation übergeben|R:rollout|A:sm|C:it",
		"Jahresbericht für den Kreistag schreiben|R:it|A:lead|I:council",
		"Kennzahlen mit anderen Schulträgern vergleichen|R:it|A:lead|C:mediactr",
	}},
}

var rolePeople = map[string][3]string{
	"it":     {"{0}", "{1}", "05151 40-410, schul-it@lk-hohenmoor.example"},
	"lead":   {"{2}", "{0}", "05151 40-400"},
	"school": {"Schulleitungen der Schulen", "stellvertretende Schulleitungen", "über die Sekretariate"},
	"media":  {"je Schule eine Lehrkraft", "zweite Lehrkraft im Medienteam", "Liste bei der IT-Koordination"},
	"desk":   {"Team Service Desk", "", "0441 555-100, servicedesk@nordlicht-it.example"},
	"second": {"Team Systembetreuung", "", "über den Service Desk"},
	"onsite": {"Regionalteams Nord, Süd, Ost und West", "", "über den Service Desk"},
	"sm":     {"{20}", "{22}", "0441 555-120"},
	"plead":  {"{21}", "", "0441 555-0"},
	"dsb":    {"{3}", "", "datenschutz@lk-hohenmoor.example"},
	"isb":    {"{4}", "", "it-sicherheit@lk-hohenmoor.example"},
}

func (g *gen) who(s string) string {
	if strings.HasPrefix(s, "{") {
		n := 0
		for _, c := range s[1 : len(s)-1] {
			n = n*10 + int(c-'0')
		}
		return g.people[n].String()
	}
	return s
}

func (g *gen) structure() {
	p := g.p
	p.Kickoff = domain.Kickoff{
		Date: datePtr(2022, 12, 6), Place: "Kreishaus Hohenmoor, Sitzungssaal 2",
		Participants: []domain.Participant{
			{Name: g.people[2].String(), Organisation: "Landkreis Hohenmoor", Role: "Fachdienstleitung Schulen und Kultur"},
			{Name: g.people[0].String(), Organisation: "Landkreis Hohenmoor", Role: "IT-Koordination Schulträger"},
			{Name: g.people[5].String(), Organisation: "Landkreis Hohenmoor", Role: "Team Schul-IT"},
			{Name: g.people[30].String(), Organisation: "Gymnasium Hohenmoor", Role: "Schulleitung"},
			{Name: g.people[31].String(), Organisation: "Grundschule Hohenmoor", Role: "Medienbeauftragte:r"},
			{Name: g.people[20].String(), Organisation: p.Contract.Provider, Role: "Serviceverantwortliche:r"},
			{Name: g.people[21].String(), Organisation: p.Contract.Provider, Role: "Geschäftsführung"},
			{Name: g.people[22].String(), Organisation: p.Contract.Provider, Role: "Projektleitung Rollout"},
		},
		Agenda: "1. Begrüßung und Vorstellung\n2. Umfang der ausgelagerten Leistungen je Paket\n3. Rollen und Ansprechpersonen\n" +
			"4. Kommunikationswege und Eskalation\n5. Übernahme der Schulen nach Regionen\n6. Regeltermine und Berichte",
		Notes: "Der Dienstleister übernimmt die Schulen in vier Wellen nach Regionen, beginnend mit der Region Nord. " +
			"Die Schulen wünschen feste Ansprechpersonen vor Ort; der Landkreis stellt die Zugänge bis Mitte Dezember bereit.",
		NextSteps: "Übergabeliste der Zugänge und Netzpläne bis 16.12. (Landkreis)\nEinweisung der Medienbeauftragten im Januar (Dienstleister)\n" +
			"Ersten Jour fixe für Februar einladen (Landkreis)",
	}
	plan := []struct {
		name  string
		owner int
		due   *domain.Date
		note  string
	}{
		{"Vertrag unterzeichnet", 2, datePtr(2022, 11, 25), "EVB-IT Service, Beginn 01.01.2023"},
		{"Auftaktgespräch", 0, datePtr(2022, 12, 6), ""},
		{"Übergabe der Zugänge und Dokumentation", 0, datePtr(2022, 12, 16), "MDM, Identitätsmanagement, Netzpläne"},
		{"Übernahme Region Nord", 20, datePtr(2023, 1, 9), ""},
		{"Übernahme Region Süd", 20, datePtr(2023, 1, 30), ""},
		{"Übernahme Region Ost", 20, datePtr(2023, 2, 20), ""},
		{"Übernahme Region West", 20, datePtr(2023, 3, 13), ""},
		{"Regelbetrieb", 0, datePtr(2023, 4, 3), "alle Schulen"},
		{"Erster Quartalsbericht", 20, datePtr(2023, 4, 20), "Kennzahlen Januar bis März"},
		{"Überprüfung nach dem ersten Jahr", 2, datePtr(2023, 12, 12), "vor der Entscheidung über die Verlängerung"},
	}
	for i, m := range plan {
		p.Milestones = append(p.Milestones, domain.Milestone{ID: int64(idMilestones + 1 + i), Name: m.name, Due: m.due,
			Owner: g.people[m.owner].String(), Status: domain.MilestoneDone, Note: m.note})
	}

	// Roles.
	nRoles := min(g.sizes.Roles, len(demoRoles))
	roleID := map[string]int64{}
	for i, r := range demoRoles[:nRoles] {
		id := int64(idRoles + 1 + i)
		roleID[r.key] = id
		role := domain.Role{ID: id, Name: r.name, Party: r.party, SortOrder: i + 1}
		if who, ok := rolePeople[r.key]; ok {
			role.Persons, role.Deputy, role.Contact = g.who(who[0]), g.who(who[1]), who[2]
		} else {
			role.Persons = "siehe Organigramm"
		}
		p.Roles = append(p.Roles, role)
	}
	p.Persons = domain.PeopleFromRoles(p.Roles, p.Kickoff.Participants, idPersons+1)
	resolve := func(key string, mayStandIn bool, taken map[int64]string) (int64, bool) {
		candidates := []string{key}
		if mayStandIn {
			candidates = append(candidates, standIn[key]...)
		}
		for _, k := range candidates {
			if id, ok := roleID[k]; ok {
				if _, busy := taken[id]; !busy {
					return id, true
				}
			}
		}
		return 0, false
	}

	// RACI: the first activities of each process until the scale's count is reached.
	perProcess := (g.sizes.Activities + len(raciProcesses) - 1) / len(raciProcesses)
	for _, proc := range raciProcesses {
		for k := 0; k < perProcess; k++ {
			if len(p.RaciActivities) >= g.sizes.Activities || k >= len(proc.rows) {
				continue
			}
			parts := strings.Split(proc.rows[k], "|")
			a := domain.RaciActivity{ID: int64(idActivities + 1 + len(p.RaciActivities)), Process: proc.name, Name: parts[0],
				SortOrder: len(p.RaciActivities) + 1}
			p.RaciActivities = append(p.RaciActivities, a)
			byLetter := map[string][]string{}
			for _, part := range parts[1:] {
				if letter, keys, ok := strings.Cut(part, ":"); ok {
					byLetter[letter] = append(byLetter[letter], strings.Split(keys, ",")...)
				}
			}
			cells := map[int64]string{}
			var order []int64
			for _, letter := range []string{domain.RaciAccountable, domain.RaciResponsible, domain.RaciConsulted, domain.RaciInformed} {
				for _, key := range byLetter[letter] {
					id, ok := resolve(key, letter == domain.RaciResponsible || letter == domain.RaciAccountable, cells)
					if !ok {
						continue
					}
					cells[id] = letter
					order = append(order, id)
				}
			}
			slices.Sort(order) // as the file gives them back: by activity, then role
			for _, id := range order {
				p.RaciAssignments = append(p.RaciAssignments, domain.RaciAssignment{ActivityID: a.ID, RoleID: id, Letter: cells[id]})
			}
		}
	}
	ref := func(key string) *int64 {
		if id, ok := resolve(key, true, nil); ok {
			return int64Ptr(id)
		}
		return nil
	}
	comm := []struct{ occasion, customer, provider, channel, hours string }{
		{"Störungsmeldungen", "media", "desk", "Telefon, Ticketsystem", "Mo–Do 7:30–16:30, Fr 7:30–14:00"},
		{"Support außerhalb der Servicezeiten", "school", "desk", "Notfallnummer", "Mo–Fr 16:30–20:00 (nur P1)"},
		{"Aufträge", "it", "sm", "Ticketsystem", "werktags"},
		{"Eskalation", "it", "sm", "E-Mail, Telefon", "werktags"},
		{"Anfragen und Angebote", "it", "sm", "E-Mail", "werktags"},
		{"Vertragsgestaltung", "lead", "plead", "Brief", "nach Vereinbarung"},
		{"Sicherheitsvorfälle", "isb", "sm", "Telefon, E-Mail", "sofort, auch außerhalb der Servicezeiten"},
		{"Monatsbericht", "it", "sm", "Portal", "bis zum 10. des Folgemonats"},
	}
	for i, c := range comm {
		p.CommunicationRows = append(p.CommunicationRows, domain.CommunicationRow{ID: int64(idComm + 1 + i), Occasion: c.occasion,
			CustomerRoleID: ref(c.customer), ProviderRoleID: ref(c.provider), Channel: c.channel, Hours: c.hours, SortOrder: i + 1})
	}
	esc := []struct {
		trigger, customer, provider string
		hours                       int
	}{
		{"Reaktions- oder Lösungszeit eines Tickets überschritten", "media", "desk", 4},
		{"Kritische Störung länger als einen Arbeitstag offen oder ein SLA-Ziel im Monat verfehlt", "it", "sm", 8},
		{"SLA-Ziele zwei Monate nacheinander verfehlt oder vereinbarte Maßnahmen ohne Wirkung", "lead", "plead", 40},
	}
	for i, e := range esc {
		p.EscalationLevels = append(p.EscalationLevels, domain.EscalationLevel{ID: int64(idEscalation + 1 + i), Level: i + 1,
			Trigger: e.trigger, CustomerRoleID: ref(e.customer), ProviderRoleID: ref(e.provider), ReactionHours: e.hours})
	}
	rules := map[int64]domain.MeetingRule{}
	meetings := []struct {
		name         string
		cadence      int
		first        *domain.Date
		rule         domain.MeetingRule
		participants string
		agenda       string
	}{
		{"Jour fixe", 30, datePtr(2023, 2, 14), domain.MeetingRule{Monthly: true, SkipOffDays: true},
			"IT-Koordination Schulträger, Serviceverantwortliche:r; bei Bedarf Fachdienstleitung",
			"Kennzahlen des Vormonats, offene Tickets und Eskalationen, Maßnahmen aus dem letzten Termin, Ausblick"},
		{"Steuerungsrunde", 91, datePtr(2023, 3, 21), domain.MeetingRule{SkipOffDays: true},
			"Fachdienstleitung, IT-Koordination, Geschäftsführung und Serviceverantwortliche:r des Dienstleisters",
			"Quartalsbericht, Erfüllung der Leistungsvereinbarung, Zufriedenheit der Schulen, Anpassungen am Vertrag"},
		{"Runde der Medienbeauftragten", 56, datePtr(2023, 3, 1), domain.MeetingRule{SkipOffDays: true, SkipSchoolHolidays: true},
			"Medienbeauftragte der Schulen, Service Desk, IT-Koordination",
			"Erfahrungen aus den Schulen, wiederkehrende Störungen, Schulungsbedarf"},
	}
	for i, m := range meetings {
		id := int64(idMeetings + 1 + i)
		p.Meetings = append(p.Meetings, domain.Meeting{ID: id, Name: m.name, CadenceDays: m.cadence, FirstDate: m.first,
			Participants: p.RoleAttendees(strings.FieldsFunc(m.participants, func(r rune) bool { return r == ',' || r == ';' })), Agenda: m.agenda})
		rules[id] = m.rule
	}
	p.Config[domain.ConfigMeetingRules] = domain.MeetingRulesJSON(rules)
}
