package cli

import (
	"math"
	"testing"

	"schulit-lotse/domain"
)

// Step 5 of Musterstadt: the Jahresarbeitszeit of Niedersachsen 2027 with the defaults, 5 %
// travel and 5 % documentation on top of the Verteilzeit, the example pay groups of the AGebV
// (marked as examples) mapped onto the people of the inventory, and external prices for the
// packages the board has.
func init() { sampleExtensions[5] = sampleStep5 }

// samplePrices are the provider's prices of the packages, looked up by name: an hourly rate or
// a monthly flat fee (illustrative quotes of a regional IT service provider).
var samplePrices = map[string]struct{ hourly, monthly float64 }{
	"User-Management":     {hourly: 85},
	"Software":            {hourly: 90},
	"Hardware-Wartung":    {monthly: 950},
	"Vor-Ort-Support":     {monthly: 1450},
	"Störungsbeseitigung": {hourly: 88},
	"Wissensmanagement":   {hourly: 80},
}

func sampleStep5(p *domain.Project) {
	p.Resource.TravelPercent = 5
	p.Resource.DocumentationPct = 5
	for i, e := range domain.ExamplePayGroups {
		p.PayGroups = append(p.PayGroups, domain.PayGroup{ID: int64(501 + i), Name: e.Name, HourlyRate: e.HourlyRate,
			Source: e.Source, SourceYear: e.SourceYear})
	}
	// 501 mittlerer, 502 gehobener, 503 höherer Dienst.
	p.Resource.PayGroupOf = map[string]int64{
		"Teammitglied Schul-IT":            502,
		"Fachbereich Schule der Stadt":     502,
		"Schulsekretariat":                 501,
		"Lehrkraft mit Entlastungsstunden": 503,
		"Schulleitung":                     503,
	}
	p.Resource.DefaultPayGroupID = 502 // new tasks nobody does yet are priced as a team post
	for i := range p.Packages {
		if pr, ok := samplePrices[p.Packages[i].Name]; ok {
			p.Packages[i].ExternalHourlyRate = pr.hourly
			p.Packages[i].ExternalMonthlyFee = pr.monthly
		}
	}
}

func nearly(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// The sample's step 5 worked out by hand, for the nine tasks of steps 1–2 (later steps may add
// their own): Niedersachsen 2027 has 261 weekdays and 5 weekday holidays, so one VZÄ works
// (261 − 5 − 30 − 10) × 39 / 5 = 216 × 7,8 = 1.684,8 h. The tasks need per month
// 2 + 4 + 2 + 10 + 1,5 × 52/12 (6,5) + 3 × 52/12 (13) + 6/3 (2) + 1 PT × 8 (8) + 0 = 47,5 h,
// per year 570 h, with 10 + 5 + 5 = 20 % surcharges 684 h: 684 / 1.684,8 = 0,406 VZÄ.
func TestSampleStep5ByHand(t *testing.T) {
	p := sampleProject()
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
