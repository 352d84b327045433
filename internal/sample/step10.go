package sample

import (
	"encoding/json"
	"time"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
)

// Step 10 of Musterstadt: the kickoff with Nordlicht IT-Service a week after the contract was
// signed, and the milestone plan from the signature to the first year's review. Ids 1001–1099.

// s10German reads the German words of the step 10–11 templates straight from their
// translation file, so the sample holds exactly what "Vorlage einfügen" inserts in German.
func s10German() func(key string) string {
	b, err := assets.TranslationsFS().ReadFile("translations/structure.de.json")
	if err != nil {
		panic(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return func(k string) string {
		if v, ok := m[k]; ok {
			return v
		}
		panic("no German text for " + k)
	}
}

func s10Day(y, m, d int) *domain.Date { x := domain.NewDate(y, time.Month(m), d); return &x }

func sampleStep10(p *domain.Project) {
	tr := s10German()
	p.Kickoff = domain.Kickoff{
		Date:  s10Day(2026, 12, 8),
		Place: "Rathaus Musterstadt, Sitzungszimmer 2",
		Participants: []domain.Participant{
			{Name: "Anna Berger", Organisation: "Stadt Musterstadt", Role: tr(domain.TplRoleCarrierIT)},
			{Name: "Dr. Thomas Hahn", Organisation: "Stadt Musterstadt", Role: tr(domain.TplRoleCarrierLead)},
			{Name: "Jens Wübbena", Organisation: "IGS Musterstadt", Role: tr(domain.TplRoleSchoolLead)},
			{Name: "Petra Kaya", Organisation: "Grundschule am Park", Role: tr(domain.TplRoleMedia)},
			{Name: "Maren Ohlsen", Organisation: "Nordlicht IT-Service GmbH", Role: tr(domain.TplRoleServiceManage)},
			{Name: "Lars Claassen", Organisation: "Nordlicht IT-Service GmbH", Role: tr(domain.TplRoleOnSite)},
		},
		Agenda: tr("kickoff.agenda.template"),
		Notes: "Nordlicht übernimmt zuerst die Grundschule am Park und die IGS als Pilotschulen. " +
			"Die Schulen wünschen feste Ansprechpersonen vor Ort; die Stadt sagt zu, die Zugänge zum MDM bis zur Übergabe bereitzustellen.",
		NextSteps: "Übergabeliste der Zugänge und Dokumentation bis 18.12. (Stadt)\n" +
			"Einweisung der Medienbeauftragten im Januar planen (Nordlicht)\n" +
			"Ersten Jour fixe für den 12.01.2027 einladen (Stadt)",
	}
	plan := []struct {
		key, owner, status, note string
		due                      *domain.Date
	}{
		// The contract and the kickoff mirror their records in steps 9 and 10; the rest were
		// reached by the sample's Stand der Daten (14 July 2027), except the first year's review.
		{"tpl.milestone.contract", "Dr. Thomas Hahn", domain.MilestonePlanned, "EVB-IT Service, Beginn 01.01.2027", s10Day(2026, 12, 1)},
		{"tpl.milestone.kickoff", "Anna Berger", domain.MilestonePlanned, "", s10Day(2026, 12, 8)},
		{"tpl.milestone.handover", "Anna Berger", domain.MilestoneDone, "MDM, IServ-Administration, Netzpläne der Schulen", s10Day(2026, 12, 18)},
		{"tpl.milestone.pilot", "Maren Ohlsen", domain.MilestoneDone, "Grundschule am Park und IGS Musterstadt", s10Day(2027, 1, 11)},
		{"tpl.milestone.training", "Maren Ohlsen", domain.MilestoneDone, "Zwei Termine am Nachmittag", s10Day(2027, 1, 20)},
		{"tpl.milestone.rollout", "Maren Ohlsen", domain.MilestoneDone, "alle sechs Schulen", s10Day(2027, 2, 1)},
		{"tpl.milestone.regular", "Anna Berger", domain.MilestoneDone, "", s10Day(2027, 3, 1)},
		{"tpl.milestone.first_report", "Maren Ohlsen", domain.MilestoneDone, "Kennzahlen Januar bis März", s10Day(2027, 4, 15)},
		{"tpl.milestone.review", "Dr. Thomas Hahn", domain.MilestonePlanned, "vor der Entscheidung über die Verlängerung", s10Day(2027, 12, 14)},
	}
	facts := map[string]string{}
	for _, t := range domain.MilestoneTemplates {
		facts[t.NameKey] = t.Fact
	}
	for i, m := range plan {
		p.Milestones = append(p.Milestones, domain.Milestone{ID: int64(1001 + i), Name: tr(m.key), Due: m.due, Owner: m.owner,
			Status: m.status, Note: m.note, Fact: facts[m.key]})
	}
}
