package sample

import (
	"schulit-lotse/domain"
)

// The reports of Musterstadt: a version submitted to the Schulausschuss after the Jour fixe of
// 13 July 2027, with a Beschlussvorschlag that follows from what the data show then (the
// example pay rates, the overdue access-point plan, the notice date of the contract).
func sampleReports(p *domain.Project) {
	dc := domain.DocumentControl{
		Version:   "1.0",
		Status:    domain.DocumentForDecision,
		Author:    "Fachbereich Schule, Team Schul-IT",
		Contact:   "schul-it@musterstadt.example, Tel. 05555 123-400",
		Committee: "Schulausschuss der Stadt Musterstadt",
		Proposal: "Der Schulausschuss nimmt den Bericht über das erste Halbjahr der Zusammenarbeit mit der " +
			"Nordlicht IT-Service GmbH zur Kenntnis. Er beauftragt die Verwaltung, bis zur nächsten Sitzung " +
			"die Beispiel-Kostensätze durch die Sätze der Stadt zu ersetzen und den Austauschplan für die " +
			"Access Points im Altbau der Grundschule am Park vorzulegen, und rechtzeitig vor dem 30.09.2028 " +
			"über eine Verlängerung des Vertrags zu berichten.",
	}
	if err := dc.Validate(); err != nil {
		panic("sample document control: " + err.Error()) // a bug in this file
	}
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	p.Config[domain.ConfigDocumentControl] = domain.ConfigJSON(dc)
}
