package sample

import (
	"testing"

	"schulit-lotse/domain"
)

// TestSampleContent checks the seed's rows by hand, independent of the builder above.
func TestSampleContent(t *testing.T) {
	p := committedSample(t)
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
