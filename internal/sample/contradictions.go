package sample

import (
	"schulit-lotse/domain"
)

// Contradictions is Musterstadt with each contradiction of the thread checks exactly once
// (domain.ThreadRules), for tests and for trying `lotse check` on:
//   - User-Management decided "intern", although step 4 hands "IServ-Nutzer anlegen" out;
//   - the ticket category "Konten > IServ" then belongs to an intern package;
//   - Hardware-Wartung decided "extern", although step 4 keeps printers and procurement;
//   - Software decided "gemischt", although step 4 hands none of its tasks out;
//   - the Jour fixe set to every 30 days, with minutes only in April and July;
//   - the RACI then makes the provider responsible for account work of the intern package;
//   - the on-site repairs unlinked, so the handed-out Vor-Ort-Support has no RACI activity;
//   - the measure on the summer service hours owned by "Anna Berger" typed as a guest, although
//     she is a person of step 11.
func Contradictions() *domain.Project {
	p := Build()
	outcome := map[string]domain.SourcingOutcome{
		"User-Management": domain.OutcomeInternal, "Hardware-Wartung": domain.OutcomeExternal, "Software": domain.OutcomeMixed,
	}
	for i, d := range p.Decisions {
		if pk := p.PackageByID(d.PackageID); pk != nil {
			if o, ok := outcome[pk.Name]; ok {
				p.Decisions[i].Outcome = o
			}
		}
	}
	for i := range p.RaciActivities {
		a := &p.RaciActivities[i]
		if a.PackageID != nil && p.PackageByID(*a.PackageID).Name == "Vor-Ort-Support" {
			a.PackageID = nil
		}
	}
	for i := range p.Meetings {
		if p.Meetings[i].Name == "Jour fixe" {
			p.Meetings[i].CadenceDays = 30
		}
	}
	for i := range p.Measures {
		if p.Measures[i].ID == 1215 {
			p.Measures[i].Owners = []domain.Attendee{{Guest: "Anna Berger"}}
		}
	}
	return p
}
