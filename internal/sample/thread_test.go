package sample

import (
	"testing"

	"schulit-lotse/domain"
)

// The sample tells a story without contradictions: no thread check fires on it, on its own day.
func TestSampleHasNoThreadFindings(t *testing.T) {
	p, err := Project()
	if err != nil {
		t.Fatal(err)
	}
	if fs := domain.ThreadFindings(p, p.AsOf(anyNow)); len(fs) != 0 {
		t.Errorf("the sample contradicts itself: %+v", fs)
	}
}

// The contradiction fixture makes each thread rule fire exactly once.
func TestContradictionsFireEachRuleOnce(t *testing.T) {
	p := Contradictions()
	n := map[string]int{}
	for _, f := range domain.ThreadFindings(p, p.AsOf(anyNow)) {
		n[f.Rule]++
	}
	for _, r := range domain.ThreadRules {
		if n[r.Key] != 1 {
			t.Errorf("rule %s fired %d times", r.Key, n[r.Key])
		}
	}
}

// The Leistungsbeschreibung tenders exactly what step 4 hands out: 22.5 h/month in the sample
// (2 IServ + 4 Erstlöse + 10 Tablets + 1.5·52/12 = 6.5 WLAN), and no package without tasks.
func TestServiceSpecHoursAreStep4Hours(t *testing.T) {
	p, err := Project()
	if err != nil {
		t.Fatal(err)
	}
	spec := domain.BuildServiceSpec(p)
	if spec.HoursPerMonth != 22.5 || domain.ExternalHours(p) != 22.5 {
		t.Errorf("tendered %v h/month, step 4 hands out %v", spec.HoursPerMonth, domain.ExternalHours(p))
	}
	for _, sp := range spec.Packages {
		if len(sp.Tasks) == 0 || sp.HoursPerMonth == 0 {
			t.Errorf("package %q is tendered with %d tasks, %v h", sp.Package.Name, len(sp.Tasks), sp.HoursPerMonth)
		}
	}
}
