package domain

import (
	"fmt"
	"testing"
	"time"
)

// landkreisResources is the scale the app must handle: 1,500 tasks in 40 packages, 25 people,
// three pay groups and a decision for every package.
func landkreisResources() *Project {
	p := NewProject("Landkreis", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	p.PayGroups = []PayGroup{{ID: 1, Name: "A", HourlyRate: 55.3}, {ID: 2, Name: "B", HourlyRate: 68.66}, {ID: 3, Name: "C", YearlyCost: 90000}}
	p.Resource.PayGroupOf = map[string]int64{}
	for i := 0; i < 25; i++ {
		p.Resource.PayGroupOf[fmt.Sprintf("Person %d", i)] = int64(i%3 + 1)
	}
	for i := 0; i < 40; i++ {
		p.Packages = append(p.Packages, Package{ID: int64(i + 1), Name: fmt.Sprintf("Paket %d", i), SortOrder: i, ExternalHourlyRate: 80 + float64(i)})
		p.Decisions = append(p.Decisions, SourcingDecision{ID: int64(i + 1), PackageID: int64(i + 1), RiskDataProtection: i%5 + 1,
			BudgetInternal: (i+2)%5 + 1, ImportanceUsers: 3, CriteriaScores: map[string]float64{"quality": float64(i%5 + 1)}})
	}
	for i := 0; i < 1500; i++ {
		pk := int64(i%40 + 1)
		t := Task{ID: int64(i + 1), SortOrder: i, Name: fmt.Sprintf("Aufgabe %d", i), Responsible: fmt.Sprintf("Person %d", i%25),
			Effort: &Effort{Value: float64(i%9) + 0.5, Unit: EffortUnits[i%len(EffortUnits)]}, PackageID: &pk}
		if i%7 == 0 {
			t.NewResponsible = ExternalProvider
		}
		p.Tasks = append(p.Tasks, t)
	}
	return p
}

func BenchmarkCompareCostsLandkreis(b *testing.B) {
	p := landkreisResources()
	b.ReportAllocs()
	for b.Loop() {
		CompareCosts(p)
	}
}

func BenchmarkStepsFiveAndSixLandkreis(b *testing.B) {
	p := landkreisResources()
	b.ReportAllocs()
	for b.Loop() {
		evaluateResources(p, testDay)
		evaluateSourcing(p, testDay)
	}
}
