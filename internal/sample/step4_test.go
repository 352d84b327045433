package sample

import (
	"math"
	"testing"

	"schulit-lotse/domain"
)

// By hand, hours per month before → after:
//   - Teammitglied Schul-IT: IServ 2 + MDM 2 + WLAN 6,5 = 10,5 → MDM 2 + Passwörter 13 = 15 (limit 20)
//   - Lehrkraft mit Entlastungsstunden: Erstlöseversuche 4 + Passwörter 13 = 17 → 0 (limit 8:
//     overloaded before, not after)
//   - Externer Dienstleister: 0 → IServ 2 + Erstlöseversuche 4 + Tablets 10 + WLAN 6,5 = 22,5
//   - nobody: the tablets 10 → 0
func TestSampleStep4Coverage(t *testing.T) {
	p := Build()
	rows := map[string]domain.WorkloadRow{}
	for _, r := range domain.Workload(p) {
		rows[r.Responsible] = r
	}
	check := func(who string, before, after float64, overBefore, overAfter bool) {
		t.Helper()
		r, ok := rows[who]
		if !ok {
			t.Fatalf("no workload row for %q", who)
		}
		if math.Abs(r.Before-before) > 1e-9 || math.Abs(r.After-after) > 1e-9 || r.OverBefore() != overBefore || r.OverAfter() != overAfter {
			t.Errorf("%s: %+v, want %v → %v (over %v/%v)", who, r, before, after, overBefore, overAfter)
		}
	}
	check("Teammitglied Schul-IT", 10.5, 15, false, false)
	check("Lehrkraft mit Entlastungsstunden", 17, 0, true, false)
	check(domain.ExternalProvider, 0, 22.5, false, false)
	check("", 10, 0, false, false)
	if h := domain.ExternalHours(p); h != 22.5 {
		t.Errorf("external hours %v, want 22,5", h)
	}
	n := domain.CoverageCounts(p)
	if n[domain.CoverageKeep] != 4 || n[domain.CoverageChange] != 4 || n[domain.CoverageAssign] != 1 {
		t.Errorf("counts %v", n)
	}
	for _, s := range domain.Summarize(p, p.AsOf(anyNow)) {
		if s.Number == 4 && (s.State != domain.StateDone || len(s.Findings) != 0) {
			t.Errorf("step 4 = %+v", s)
		}
	}
	// Abb. 8: the MDM row keeps the team as the responsible after the change.
	for _, task := range p.Tasks {
		if task.Name == "Zuweisen von Updates im MDM" && domain.ResponsibleAfter(task) != "Teammitglied Schul-IT" {
			t.Errorf("MDM after: %q", domain.ResponsibleAfter(task))
		}
	}
}
