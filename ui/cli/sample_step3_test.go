package cli

import (
	"testing"

	"schulit-lotse/domain"
)

// Step 3 of Musterstadt: the seed's packages (Abb. 5/6) with the four example tasks where the
// seed puts them, the other sample tasks sorted in, a target state and criteria for each
// package, and the board tidied into two rows of three. Package ids 101–106.
func init() { sampleExtensions[3] = sampleStep3 }

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

// By hand: six packages, every task in one of them, each with target state and criteria, so
// step 3 is done without open questions. Hardware-Wartung holds three cards in two rows:
// 40 + 2 × 72 + 10 + 24 = 218 high; the others one row, 136. For a view 1.5 times as wide as
// high, two columns (828 × 570: min(1.5/828, 1/570) = 0.00175) beat three (1262 × 394: 0.00119)
// and one (394 × 1098: 0.00091).
func TestSampleStep3Board(t *testing.T) {
	p := sampleProject()
	var sum domain.StepSummary
	for _, s := range domain.Summarize(p, p.AsOf(cliNow)) {
		if s.Number == 3 {
			sum = s
		}
	}
	if sum.State != domain.StateDone || len(sum.Findings) != 0 {
		t.Errorf("step 3 = %+v", sum)
	}
	groups := domain.GroupByPackage(p)
	if len(groups) != 6 {
		t.Fatalf("%d groups, want the six packages and no pile", len(groups))
	}
	seed := map[string]string{
		"IServ-Nutzer anlegen":                     "User-Management",
		"Erstlöseversuche bei Störungen in Schule": "Vor-Ort-Support",
		"Zuweisen von Updates im MDM":              "Software",
		"Neu: Wartung der Schüler-Tablets":         "Hardware-Wartung",
	}
	for _, task := range p.Tasks {
		if want, ok := seed[task.Name]; ok && domain.PackageName(p, task) != want {
			t.Errorf("%s is in %q, the seed has %q", task.Name, domain.PackageName(p, task), want)
		}
	}
	l := domain.LayoutBoard(p)
	for i := range l.Packages {
		for j := i + 1; j < len(l.Packages); j++ {
			if l.Packages[i].Rect().Intersects(l.Packages[j].Rect()) {
				t.Errorf("%s and %s overlap", l.Packages[i].Name, l.Packages[j].Name)
			}
		}
	}
	// Rows at y 0, 136 + 40 = 176 and 176 + 218 + 40 = 434.
	want := map[int64][2]float64{101: {0, 0}, 102: {434, 0}, 103: {0, 176}, 104: {434, 176}, 105: {0, 434}, 106: {434, 434}}
	for id, xy := range want {
		pk := p.PackageByID(id)
		if pk == nil || pk.X != xy[0] || pk.Y != xy[1] {
			t.Errorf("package %d = %+v, want at (%v, %v)", id, pk, xy[0], xy[1])
		}
	}
	if hw := p.PackageByID(104); hw.Name != "Hardware-Wartung" || hw.Height != 218 {
		t.Errorf("Hardware-Wartung = %+v, want 218 high", hw)
	}
	// Every card lies in its package's card area.
	for _, task := range p.Tasks {
		pk := p.PackageByID(*task.PackageID)
		if r := l.Cards[task.ID]; r.X != task.CardX || r.Y != task.CardY || !pk.Rect().Contains(r.X, r.Y) {
			t.Errorf("%s drawn at %v, stored (%v, %v)", task.Name, r, task.CardX, task.CardY)
		}
	}
}
