package sample

import (
	"testing"

	"schulit-lotse/domain"
)

// The sample's step 5 worked out by hand, for the nine tasks of steps 1–2 (later steps may add
// their own): Niedersachsen 2027 has 261 weekdays and 5 weekday holidays, so one VZÄ works
// (261 − 5 − 30 − 10) × 39 / 5 = 216 × 7,8 = 1.684,8 h. The tasks need per month
// 2 + 4 + 2 + 10 + 1,5 × 52/12 (6,5) + 3 × 52/12 (13) + 6/3 (2) + 1 PT × 8 (8) + 0 = 47,5 h,
// per year 570 h, with 10 + 5 + 5 = 20 % surcharges 684 h: 684 / 1.684,8 = 0,406 VZÄ.
func TestSampleStep5ByHand(t *testing.T) {
	p := Build()
	q := *p
	q.Tasks = nil
	for _, task := range p.Tasks {
		if task.ID <= 9 {
			q.Tasks = append(q.Tasks, task)
		}
	}
	if len(q.Tasks) != 9 {
		t.Fatalf("the nine tasks of steps 1–2 are not in the sample: %d", len(q.Tasks))
	}
	rd := domain.ComputeDemand(&q)
	if !nearly(rd.Time.Hours, 1684.8) || rd.Time.Weekdays != 261 || rd.Time.Holidays != 5 {
		t.Errorf("working time %+v", rd.Time)
	}
	if !nearly(rd.Total.HoursPerMonth, 47.5) || !nearly(rd.Total.HoursPerYear, 570) || !nearly(rd.Total.SurchargedYear, 684) ||
		!nearly(rd.Total.FTE, 684/1684.8) {
		t.Errorf("total %+v", rd.Total)
	}
	// The team member today: IServ 2 + MDM 2 + WLAN 6,5 = 10,5 h/Monat = 126 h/Jahr → 151,2 h,
	// priced with the gehobener Dienst at 68,66 €/h: 151,2 × 68,66 = 10.381,392 €.
	g := domain.PayGroupOf(p, "Teammitglied Schul-IT")
	if g == nil || g.HourlyRate != 68.66 || !g.IsExample() || g.SourceYear != 2017 {
		t.Fatalf("pay group of the team member %+v", g)
	}
	for _, x := range rd.ByBefore {
		if x.Key == "Teammitglied Schul-IT" {
			if !nearly(x.HoursPerYear, 126) || !nearly(x.SurchargedYear*g.HourlyRate, 10381.392) {
				t.Errorf("team member %+v", x)
			}
		}
	}
	// Every package of the board has its price.
	for _, pk := range p.Packages {
		if _, ok := samplePrices[pk.Name]; ok {
			if b, _ := domain.ExternalPrice(pk); b == domain.PriceNone {
				t.Errorf("package %q has no price", pk.Name)
			}
		}
	}
}
