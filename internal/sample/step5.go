package sample

import (
	"math"

	"schulit-lotse/domain"
)

// Step 5 of Musterstadt: the Jahresarbeitszeit of Niedersachsen 2027 with the defaults, 5 %
// travel and 5 % documentation on top of the Verteilzeit, the example pay groups of the AGebV
// (marked as examples) mapped onto the people of the inventory, and external prices for the
// packages the board has.

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
