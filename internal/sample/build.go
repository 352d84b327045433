package sample

import (
	"time"

	"schulit-lotse/domain"
)

func hours(v float64, u domain.EffortUnit) *domain.Effort { return &domain.Effort{Value: v, Unit: u} }

// Build makes "Musterstadt": the seed's example rows of Abb. 2–4 and a few more tasks of a
// small town's school IT, then each later step's worked example. assets/sample/musterstadt.json
// is what `lotse export` writes for it (go generate ./internal/sample, or make sample).
func Build() *domain.Project {
	p := domain.NewProject("Musterstadt", time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC))
	p.Meta.Schultraeger = "Stadt Musterstadt"
	p.Meta.Bundesland = "NI"
	p.Settings.PriorityMode = domain.PriorityMustNice
	// The sample's story runs from the inventory in autumn 2026 to the Jour fixe of 13 July 2027;
	// it is judged on the day after that meeting, whatever day it is opened on.
	stand := domain.NewDate(2027, time.July, 14)
	p.Meta.DataAsOf = &stand

	must := domain.Priority{}.WithClass(domain.ClassMust)
	nice := domain.Priority{}.WithClass(domain.ClassNice)
	startNextYear := domain.NewDate(2027, time.August, 1)
	tasks := []domain.Task{
		{Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: hours(2, domain.HoursPerMonth),
			Note: "Oft Rücksprache mit Schule notwendig, um alle Infos zu bekommen", Priority: must},
		{Name: "Erstlöseversuche bei Störungen in Schule", Responsible: "Lehrkraft mit Entlastungsstunden",
			Effort: hours(4, domain.HoursPerMonth), Priority: must, Critical: true},
		{Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: hours(2, domain.HoursPerMonth),
			Note: "MDM nur nutzbar für einen Teil der Geräte", Priority: must},
		{Name: "Neu: Wartung der Schüler-Tablets", Responsible: "Noch nicht definiert", Effort: hours(10, domain.HoursPerMonth),
			Note: "Ab dem kommenden Schuljahr", Priority: must, IsNew: true, ValidFrom: &startNextYear},
		{Name: "WLAN-Störungen in den Schulgebäuden beheben", Responsible: "Teammitglied Schul-IT",
			Effort: hours(1.5, domain.HoursPerWeek), Note: "Meist per Fernwartung; Access Points im Altbau fallen öfter aus",
			Priority: must, Critical: true},
		{Name: "Passwörter von Lehrkräften und Lernenden zurücksetzen", Responsible: "Lehrkraft mit Entlastungsstunden",
			Effort: hours(3, domain.HoursPerWeek), Note: "Häufung zu Beginn des Schulhalbjahres", Priority: must},
		{Name: "Druckerwartung und Tonerwechsel", Responsible: "Schulsekretariat", Effort: hours(6, domain.HoursPerQuarter),
			Priority: nice},
		{Name: "Beschaffung und Inventarisierung neuer Endgeräte", Responsible: "Fachbereich Schule der Stadt",
			Effort: hours(1, domain.PersonDaysPerMonth), Note: "Rahmenvertrag läuft Ende 2027 aus", Priority: nice},
		{Name: "Medienentwicklungsplan fortschreiben", Responsible: "Schulleitung",
			Note: "Aufwand noch mit den Schulleitungen klären", Priority: nice},
	}
	for i := range tasks {
		tasks[i].ID = int64(i + 1)
		tasks[i].SortOrder = i + 1
	}
	p.Tasks = tasks
	for _, add := range extensions {
		add(p)
	}
	return p
}

// extensions add each later step's worked example to Musterstadt, in step order; each lives in
// the file of its step.
var extensions = []func(p *domain.Project){
	sampleStep3, sampleStep4, sampleStep5, sampleStep6, sampleStep7, sampleStep8, sampleStep9, sampleStep10,
	sampleStep11, sampleStep12, sampleReports,
}
