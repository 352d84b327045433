package persistence

import (
	"bytes"
	"errors"
	"math"
	"os"
	"reflect"
	"schulit-lotse/domain"
	"testing"
)

func awardFile(t *testing.T) (*File, string) {
	t.Helper()
	p := testProject("Vergabe")
	p.Packages = []domain.Package{{ID: 1, Name: "Störungsbeseitigung", SortOrder: 1}}
	p.Resource.WeeklyHours = 40
	f := newTestFile(t, "Vergabe Jürgen.lotse", p)
	return f, f.Path()
}

func awardSLA(id int64) domain.SLA {
	s := domain.NewDefaultSLA("Standard", func(c string) string { return "Klasse " + c })
	s.ID = id
	return s
}

func TestSaveAwardRoundTrip(t *testing.T) {
	f, _ := awardFile(t)
	pkg := int64(1)
	frozen := awardSLA(3)
	frozen.FrozenForContract, frozen.PackageID = true, &pkg
	start := domain.NewDate(2027, 1, 1)
	crit := []domain.TenderCriterion{{ID: 1, Kind: "A", Name: "Referenzen"}, {ID: 2, Kind: "B", Group: "Leistung", Name: "Konzept", Weight: 30, MinScore: 4}}
	change := &AwardChange{
		PutSLAs:     []domain.SLA{awardSLA(2), frozen},
		PutHolidays: []domain.SchoolHoliday{{ID: 5, Name: "Herbstferien", First: domain.NewDate(2026, 10, 12), Last: domain.NewDate(2026, 10, 24), Source: "ni.ics"}},
		Tender:      &domain.Tender{Procedure: "Offenes Verfahren", Method: domain.MethodExtended, FluctuationPct: 5, TieBreaker: domain.TieBreakPrice, Publication: "Plattform"},
		PutCriteria: crit,
		PutBids:     []domain.Bid{{ID: 9, Bidder: "Nordlicht IT", Price: 120000, Scores: map[int64]float64{1: 1, 2: 7.5}}},
		Criteria:    crit,
		Contract: &domain.Contract{Provider: "Nordlicht IT", Type: domain.ContractEVBService, Start: &start, TermMonths: 24, NoticeMonths: 3,
			NoticeToMonthEnd: true, SLAID: i64(3), Contacts: []domain.ContractContact{{Name: "A. Berg", Email: "a@example.org"}}},
	}
	if err := f.SaveAward(change); err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, f)
	if len(p.SLAs) != 2 || !domain.SameTerms(p.SLAs[0], awardSLA(2)) || !p.SLAs[1].FrozenForContract || *p.SLAs[1].PackageID != 1 {
		t.Errorf("slas %+v", p.SLAs)
	}
	if !reflect.DeepEqual(p.SchoolHolidays, change.PutHolidays) || !reflect.DeepEqual(p.Criteria, crit) || !reflect.DeepEqual(p.Bids, change.PutBids) {
		t.Errorf("holidays %+v criteria %+v bids %+v", p.SchoolHolidays, p.Criteria, p.Bids)
	}
	if !reflect.DeepEqual(p.Tender, *change.Tender) || !reflect.DeepEqual(p.Contract, *change.Contract) {
		t.Errorf("tender %+v contract %+v", p.Tender, p.Contract)
	}
	// The project row's other parts are untouched by the tender and contract updates.
	if p.Resource.WeeklyHours != 40 || p.Meta.Name != "Vergabe" {
		t.Errorf("project row changed: %+v %+v", p.Resource, p.Meta)
	}
	// Updates and deletes in one change.
	upd := awardSLA(2)
	upd.Classes[0].RestoreMinutes = 120
	if err := f.SaveAward(&AwardChange{PutSLAs: []domain.SLA{upd}, DeleteSLAs: []int64{3}, DeleteHolidays: []int64{5},
		DeleteBids: []int64{9}, DeleteCriteria: []int64{1, 2}}); err != nil {
		t.Fatal(err)
	}
	p, _ = f.Load()
	if len(p.SLAs) != 1 || p.SLAs[0].Classes[0].RestoreMinutes != 120 || len(p.SchoolHolidays)+len(p.Bids)+len(p.Criteria) != 0 {
		t.Errorf("after update/delete: %+v", p)
	}
}

func TestSaveAwardRefusesAndKeepsTheFile(t *testing.T) {
	f, path := awardFile(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zero := awardSLA(1)
	zero.Classes[2].RestoreMinutes = 0
	overlap := awardSLA(1)
	overlap.Windows = append(overlap.Windows, domain.ServiceWindow{Weekday: 1, StartMinute: 600, EndMinute: 700})
	good := domain.SchoolHoliday{ID: 1, Name: "Herbst", First: domain.NewDate(2026, 10, 12), Last: domain.NewDate(2026, 10, 24)}
	badH := domain.SchoolHoliday{ID: 2, Name: "Kaputt", First: domain.NewDate(2026, 10, 12), Last: domain.NewDate(2026, 10, 1)}
	nanValue := domain.Contract{Value: math.NaN()}
	cases := map[string]struct {
		c    *AwardChange
		want error
	}{
		"target 0":            {&AwardChange{PutSLAs: []domain.SLA{zero}}, domain.ErrClassTargetZero},
		"overlapping windows": {&AwardChange{PutSLAs: []domain.SLA{overlap}}, domain.ErrWindowOverlap},
		"one bad holiday":     {&AwardChange{PutHolidays: []domain.SchoolHoliday{good, badH}}, domain.ErrHolidayRange},
		"bid without price":   {&AwardChange{PutBids: []domain.Bid{{ID: 1, Bidder: "X"}}}, domain.ErrBidPrice},
		"id 0":                {&AwardChange{PutHolidays: []domain.SchoolHoliday{{Name: "x", First: good.First, Last: good.Last}}}, ErrAwardID},
		"NaN contract value":  {&AwardChange{Contract: &nanValue}, domain.ErrContractValue},
		"extended, no rule":   {&AwardChange{Tender: &domain.Tender{Method: domain.MethodExtended}}, domain.ErrTenderTieBreaker},
	}
	for name, c := range cases {
		if err := f.SaveAward(c.c); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", name, err, c.want)
		}
	}
	f.Close()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a refused change altered the file")
	}
}
