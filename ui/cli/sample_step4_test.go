package cli

import (
	"math"
	"testing"

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
func init() { sampleExtensions[4] = sampleStep4 }

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

// By hand, hours per month before → after:
//   - Teammitglied Schul-IT: IServ 2 + MDM 2 + WLAN 6,5 = 10,5 → MDM 2 + Passwörter 13 = 15 (limit 20)
//   - Lehrkraft mit Entlastungsstunden: Erstlöseversuche 4 + Passwörter 13 = 17 → 0 (limit 8:
//     overloaded before, not after)
//   - Externer Dienstleister: 0 → IServ 2 + Erstlöseversuche 4 + Tablets 10 + WLAN 6,5 = 22,5
//   - nobody: the tablets 10 → 0
func TestSampleStep4Coverage(t *testing.T) {
	p := sampleProject()
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
	for _, s := range domain.Summarize(p, p.AsOf(cliNow)) {
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
