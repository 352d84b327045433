package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// go test -tags ci ./ui/cli -run TestSampleJSON -update rewrites assets/sample/musterstadt.json
// from sampleProject; without -update the test fails when the committed file is out of date.
var update = flag.Bool("update", false, "rewrite assets/sample/musterstadt.json from the sample builder")

var sampleFile = filepath.Join("..", "..", "assets", "sample", "musterstadt.json")

func hours(v float64, u domain.EffortUnit) *domain.Effort { return &domain.Effort{Value: v, Unit: u} }

// sampleProject is "Musterstadt": the seed's example rows of Abb. 2–4 and a few more tasks of
// a small town's school IT. Later steps add their worked examples here.
func sampleProject() *domain.Project {
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
	steps := make([]int, 0, len(sampleExtensions))
	for n := range sampleExtensions {
		steps = append(steps, n)
	}
	sort.Ints(steps)
	for _, n := range steps {
		sampleExtensions[n](p)
	}
	return p
}

// sampleExtensions add each later step's worked example to Musterstadt, applied in step order.
// A step registers its own in an init() of its own file (sample_stepN_test.go), so the steps do
// not share one builder function.
var sampleExtensions = map[int]func(p *domain.Project){}

// TestSampleJSONUpToDate stores the builder's project in a project file and exports it from
// there, so the committed document is exactly what `lotse export` writes for the sample.
func TestSampleJSONUpToDate(t *testing.T) {
	f, err := persistence.Create(filepath.Join(t.TempDir(), "Musterstadt.lotse"), sampleProject(), persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := f.Load()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := persistence.ExportJSON(&buf, stored); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(sampleFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", sampleFile)
	}
	onDisk, err := os.ReadFile(sampleFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, buf.Bytes()) {
		t.Fatalf("%s is out of date; run: go test -tags ci ./ui/cli -run TestSampleJSON -update", sampleFile)
	}
	if !*update && !bytes.Equal(assets.SampleJSON, onDisk) {
		t.Fatal("the embedded sample differs from the file on disk")
	}
	p, err := persistence.ParseJSON(onDisk)
	if err != nil {
		t.Fatalf("the sample does not parse: %v", err)
	}
	if p.Meta.Name != "Musterstadt" || p.Meta.Schultraeger != "Stadt Musterstadt" || p.Meta.Bundesland != "NI" {
		t.Errorf("meta = %+v", p.Meta)
	}
	if p.Settings.PriorityMode != domain.PriorityMustNice {
		t.Errorf("priority mode = %q, want must-nice", p.Settings.PriorityMode)
	}
}

// TestSampleContent checks the seed's rows by hand, independent of the builder above.
func TestSampleContent(t *testing.T) {
	p, err := persistence.ParseJSON(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Tasks) != 9 {
		t.Fatalf("%d tasks, want 9", len(p.Tasks))
	}
	seed := []struct {
		name, responsible string
		hours             float64
		critical, isNew   bool
	}{
		{"IServ-Nutzer anlegen", "Teammitglied Schul-IT", 2, false, false},
		{"Erstlöseversuche bei Störungen in Schule", "Lehrkraft mit Entlastungsstunden", 4, true, false},
		{"Zuweisen von Updates im MDM", "Teammitglied Schul-IT", 2, false, false},
		{"Neu: Wartung der Schüler-Tablets", "Noch nicht definiert", 10, false, true},
	}
	for i, want := range seed {
		got := p.Tasks[i]
		if got.Name != want.name || got.Responsible != want.responsible || got.HoursPerMonth(p.Settings) != want.hours ||
			got.Critical != want.critical || got.IsNew != want.isNew || got.Priority.Class() != domain.ClassMust {
			t.Errorf("task %d = %+v, want %+v (vorrangig)", i, got, want)
		}
	}
	if vf := p.Tasks[3].ValidFrom; vf == nil || vf.String() != "2027-08-01" {
		t.Errorf("tablets valid from %v, want 2027-08-01", vf)
	}
	if p.Tasks[3].Note != "Ab dem kommenden Schuljahr" || p.Tasks[0].Note != "Oft Rücksprache mit Schule notwendig, um alle Infos zu bekommen" {
		t.Errorf("seed notes changed: %q / %q", p.Tasks[0].Note, p.Tasks[3].Note)
	}
	// 2 + 4 + 2 + 10 + 1.5·52/12 (6.5) + 3·52/12 (13) + 6/3 (2) + 1·8 (8) + nothing = 47.5
	if got := domain.TotalHoursPerMonth(p); got != 47.5 {
		t.Errorf("total hours per month = %v, want 47.5", got)
	}
	units := map[domain.EffortUnit]bool{}
	missing := 0
	for _, task := range p.Tasks {
		if task.Effort == nil {
			missing++
			continue
		}
		units[task.Effort.Unit] = true
	}
	if missing != 1 || len(units) != 4 {
		t.Errorf("%d tasks without effort (want 1), units %v (want all four)", missing, units)
	}
}
