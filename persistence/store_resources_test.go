package persistence

import (
	"bytes"
	"errors"
	"math"
	"os"
	"schulit-lotse/domain"
	"testing"
)

func resourcesFile(t *testing.T) (*File, string) {
	t.Helper()
	p := testProject("Ressourcen")
	p.Packages = []domain.Package{{ID: 1, Name: "User-Management", SortOrder: 1}, {ID: 2, Name: "Hardware-Wartung", SortOrder: 2}}
	f := newTestFile(t, "Ressourcen Jürgen.lotse", p)
	return f, f.Path()
}

func TestWriteResourcesRoundTrip(t *testing.T) {
	f, _ := resourcesFile(t)
	plan := domain.DefaultResourcePlan()
	plan.TravelPercent, plan.PayGroupOf, plan.DefaultPayGroupID = 5, map[string]int64{"Anna": 4}, 4
	err := f.WriteResources(ResourceChange{
		Plan: &plan, State: "NI",
		PutPayGroups: []domain.PayGroup{{ID: 4, Name: "E 9b", HourlyRate: 68.66, Source: "AGebV", SourceYear: 2017}},
		PutDecisions: []domain.SourcingDecision{{ID: 7, PackageID: 2, RiskOutage: 4, Notes: map[string]string{domain.GroupBudget: "knapp"},
			Outcome: domain.OutcomeExternal, DecidedBy: "Steuerungsgruppe", DecidedOn: day(2026, 11, 12), PayGroupID: i64(4)}},
		Prices: []PackagePrice{{PackageID: 1, HourlyRate: 85}, {PackageID: 2, MonthlyFee: 950}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, f)
	if p.Resource.TravelPercent != 5 || p.Resource.PayGroupOf["Anna"] != 4 || p.Resource.DefaultPayGroupID != 4 {
		t.Errorf("plan %+v", p.Resource)
	}
	if len(p.PayGroups) != 1 || p.PayGroups[0].HourlyRate != 68.66 || p.PayGroups[0].SourceYear != 2017 {
		t.Errorf("pay groups %+v", p.PayGroups)
	}
	if len(p.Decisions) != 1 || p.Decisions[0].Notes[domain.GroupBudget] != "knapp" || p.Decisions[0].DecidedOn.String() != "2026-11-12" {
		t.Errorf("decisions %+v", p.Decisions)
	}
	if p.Packages[0].ExternalHourlyRate != 85 || p.Packages[1].ExternalMonthlyFee != 950 || p.Packages[1].Name != "Hardware-Wartung" {
		t.Errorf("packages %+v", p.Packages)
	}

	// Delete the decision and the pay group in one go.
	if err := f.WriteResources(ResourceChange{DeleteDecisions: []int64{7}, DeletePayGroups: []int64{4}}); err != nil {
		t.Fatal(err)
	}
	if p, _ = f.Load(); len(p.Decisions) != 0 || len(p.PayGroups) != 0 {
		t.Errorf("after delete: %+v %+v", p.Decisions, p.PayGroups)
	}
}

// A change that breaks a rule or a constraint leaves the file byte for byte as it was.
func TestWriteResourcesRefusesAndKeepsTheFile(t *testing.T) {
	f, path := resourcesFile(t)
	if err := f.WriteResources(ResourceChange{PutDecisions: []domain.SourcingDecision{{ID: 1, PackageID: 1}}}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	bad := domain.DefaultResourcePlan()
	bad.WeeklyHours = -3
	cases := []struct {
		name string
		c    ResourceChange
		want error
	}{
		{"negative weekly hours", ResourceChange{Plan: &bad, State: "NI"}, domain.ErrResourceWeeklyHours},
		{"pay group without name", ResourceChange{PutPayGroups: []domain.PayGroup{{ID: 2}}}, domain.ErrPayGroupName},
		{"score 9", ResourceChange{PutDecisions: []domain.SourcingDecision{{ID: 2, PackageID: 2, RiskSecurity: 9}}}, domain.ErrSourcingScore},
		{"NaN price", ResourceChange{Prices: []PackagePrice{{PackageID: 1, HourlyRate: math.NaN()}}}, domain.ErrPackagePrice},
		{"price of a missing package", ResourceChange{Prices: []PackagePrice{{PackageID: 1, HourlyRate: 10}, {PackageID: 99, HourlyRate: 10}}}, domain.ErrSourcingPackage},
		{"decision without id", ResourceChange{PutDecisions: []domain.SourcingDecision{{PackageID: 2}}}, domain.Error("err.resources.id")},
	}
	for _, c := range cases {
		if err := f.WriteResources(c.c); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
	// A second decision for the same package breaks the unique index: refused, rolled back.
	if err := f.WriteResources(ResourceChange{Prices: []PackagePrice{{PackageID: 2, HourlyRate: 10}},
		PutDecisions: []domain.SourcingDecision{{ID: 2, PackageID: 1}}}); err == nil {
		t.Error("second decision for a package accepted")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a refused change modified the file")
	}
	p, _ := f.Load()
	if p.Packages[0].ExternalHourlyRate != 0 || p.Packages[1].ExternalHourlyRate != 0 || len(p.Decisions) != 1 {
		t.Errorf("refused changes left traces: %+v %+v", p.Packages, p.Decisions)
	}
}
