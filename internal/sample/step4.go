package sample

import (
	"schulit-lotse/domain"
)

// Step 4 of Musterstadt: the seed's Abb. 7/8 for its four tasks, and a decision for each of the
// other sample tasks. The seed's legend read as domain/coverage.go explains:
//   - "IServ-Nutzer anlegen" and "Erstlöseversuche …": someone does them today, they must move
//     to the provider → Muss verändert werden, Externer Dienstleister (the seed writes
//     "Externe Dienstleister").
//   - "Zuweisen von Updates im MDM": stays with the team → Soll nicht verändert werden.
//   - "Neu: Wartung der Schüler-Tablets": nobody does it yet → Muss zugewiesen werden, to the
//     provider.
//
// The teacher with relief hours has about two hours a week for school IT (limit 8 h/month) and
// is overloaded today; the passwords go to the team, whose school-IT share is 20 h/month.

var sampleCoverage = map[string]struct {
	state domain.Coverage
	to    string
}{
	"IServ-Nutzer anlegen":                                  {domain.CoverageChange, domain.ExternalProvider},
	"Erstlöseversuche bei Störungen in Schule":              {domain.CoverageChange, domain.ExternalProvider},
	"Zuweisen von Updates im MDM":                           {domain.CoverageKeep, ""},
	"Neu: Wartung der Schüler-Tablets":                      {domain.CoverageAssign, domain.ExternalProvider},
	"WLAN-Störungen in den Schulgebäuden beheben":           {domain.CoverageChange, domain.ExternalProvider},
	"Passwörter von Lehrkräften und Lernenden zurücksetzen": {domain.CoverageChange, "Teammitglied Schul-IT"},
	"Druckerwartung und Tonerwechsel":                       {domain.CoverageKeep, ""},
	"Beschaffung und Inventarisierung neuer Endgeräte":      {domain.CoverageKeep, ""},
	"Medienentwicklungsplan fortschreiben":                  {domain.CoverageKeep, ""},
}

func sampleStep4(p *domain.Project) {
	for i := range p.Tasks {
		c, ok := sampleCoverage[p.Tasks[i].Name]
		if !ok {
			continue
		}
		t, err := domain.SetCoverage(p.Tasks[i], c.state, c.to)
		if err != nil {
			panic(p.Tasks[i].Name + ": " + err.Error()) // the sample breaks a rule: a bug in this file
		}
		p.Tasks[i] = t
	}
	w := domain.WorkloadSettings{}.WithLimit("Lehrkraft mit Entlastungsstunden", 8).WithLimit("Teammitglied Schul-IT", 20)
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	p.Config[domain.ConfigWorkload] = w.JSON()
}
