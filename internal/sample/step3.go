package sample

import (
	"schulit-lotse/domain"
)

// Step 3 of Musterstadt: the seed's packages (Abb. 5/6) with the four example tasks where the
// seed puts them, the other sample tasks sorted in, a target state and criteria for each
// package, and the board tidied into two rows of three. Package ids 101–106.

type samplePackage struct {
	name, target, criteria string
	tasks                  []string
}

var samplePackages = []samplePackage{
	{name: "User-Management",
		target:   "Lehrkräfte und Lernende haben vom ersten Schultag an ein funktionierendes Konto; ein vergessenes Passwort ist noch am selben Tag wieder nutzbar.",
		criteria: "Konten binnen zwei Schultagen nach der Meldung angelegt; Passwörter binnen vier Stunden zurückgesetzt; die Schule meldet über ein einziges Formular.",
		tasks:    []string{"IServ-Nutzer anlegen", "Passwörter von Lehrkräften und Lernenden zurücksetzen"}},
	{name: "Vor-Ort-Support",
		target:   "Fällt im Unterricht Technik aus, hilft zügig jemand vor Ort, ohne dass Lehrkräfte dafür Unterrichtszeit einsetzen.",
		criteria: "Termin vor Ort spätestens am nächsten Schultag; erreichbar während der Unterrichtszeit; Rückmeldung an die meldende Person.",
		tasks:    []string{"Erstlöseversuche bei Störungen in Schule"}},
	{name: "Software",
		target:   "Alle Geräte im MDM bekommen Updates und Apps zentral und ohne Verzug.",
		criteria: "Sicherheitsupdates binnen 14 Tagen verteilt; mindestens 90 % der Geräte im MDM verwaltet; Update-Stand je Schule einsehbar.",
		tasks:    []string{"Zuweisen von Updates im MDM"}},
	{name: "Hardware-Wartung",
		target:   "Tablets, Drucker und weitere Geräte sind einsatzbereit und vollständig erfasst; Defekte fallen auf, bevor sie den Unterricht stören.",
		criteria: "Wartung der Schüler-Tablets ab dem Schuljahr 2027/28; Drucker monatlich geprüft; Inventar je Schule aktuell; Ausfallquote unter 5 %.",
		tasks:    []string{"Neu: Wartung der Schüler-Tablets", "Druckerwartung und Tonerwechsel", "Beschaffung und Inventarisierung neuer Endgeräte"}},
	{name: "Störungsbeseitigung",
		target:   "Störungen an WLAN und Netz werden an einer Stelle gemeldet, nach Dringlichkeit eingestuft und in zugesagten Zeiten behoben.",
		criteria: "Eine Meldestelle für alle Schulen; kritische Störungen binnen vier Stunden behoben; monatlicher Bericht an den Schulträger.",
		tasks:    []string{"WLAN-Störungen in den Schulgebäuden beheben"}},
	{name: "Wissensmanagement",
		target:   "Was über die Schul-IT bekannt ist – Geräte, Abläufe, Planungen –, ist dokumentiert und für alle Beteiligten auffindbar.",
		criteria: "Medienentwicklungsplan jährlich fortgeschrieben; Anleitungen zentral abgelegt; Dokumentation bei jedem Wechsel der Zuständigkeit übergeben.",
		tasks:    []string{"Medienentwicklungsplan fortschreiben"}},
}

func sampleStep3(p *domain.Project) {
	byName := map[string]int{}
	for i, t := range p.Tasks {
		byName[t.Name] = i
	}
	for i, sp := range samplePackages {
		id := int64(101 + i)
		p.Packages = append(p.Packages, domain.Package{ID: id, Name: sp.name, Color: domain.PackageColors[i],
			TargetState: sp.target, Criteria: sp.criteria,
			Width: domain.DefaultPackageWidth, Height: domain.DefaultPackageHeight, SortOrder: i + 1})
		for _, name := range sp.tasks {
			if j, ok := byName[name]; ok {
				pk := id
				p.Tasks[j].PackageID = &pk
			}
		}
	}
	// The board as "Aufräumen" leaves it: cards on the grid, packages in rows.
	c := domain.ArrangeBoard(p, 1.5)
	for _, t := range c.Tasks {
		p.Tasks[p.TaskIndex(t.ID)] = t
	}
	for _, pk := range c.Packages {
		*p.PackageByID(pk.ID) = pk
	}
}
