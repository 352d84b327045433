package domain

import (
	"sort"
	"strings"
)

// The thread checks compare the steps with each other along the golden thread
// task → package → sourcing decision → step 4 → Leistungsbeschreibung → SLA → tickets → KPI.
// Each rule is a small pure function; its findings name the steps they concern and the objects
// they are about. They feed `lotse check`, the overview and the findings of every step
// concerned (Summarize), and the reports.

// ThreadRule is one check of the thread.
type ThreadRule struct {
	Key   string
	Steps []StepID // the first is the step to fix it in
	Check func(p *Project, today Date) []Finding
}

// Rule keys and finding codes of the thread checks.
const (
	RuleInternHandedOut    = "thread.intern_handed_out"
	RuleExternKept         = "thread.extern_kept"
	RuleNothingHandedOut   = "thread.nothing_handed_out"
	RuleCategoryInternal   = "thread.category_internal"
	RuleJourFixeCadence    = "thread.jourfixe_cadence"
	RuleRaciProviderIntern = "thread.raci_provider_intern"
	RuleRaciMissing        = "thread.raci_missing"
	RuleGuestIsPerson      = "thread.guest_is_person"
	FindGuestIsPerson      = "find.thread.guest_is_person"
	FindRaciProviderIntern = "find.thread.raci_provider_intern"
	FindRaciMissing        = "find.thread.raci_missing"
	FindInternHandedOut    = "find.thread.intern_handed_out"
	FindExternKept         = "find.thread.extern_kept"
	FindNothingHandedOut   = "find.thread.nothing_handed_out"
	FindCategoryInternal   = "find.thread.category_internal"
	FindJourFixeTooSeldom  = "find.thread.jourfixe_cadence"
)

// ThreadRules are the thread checks, in the order of the thread.
var ThreadRules = []ThreadRule{
	{RuleInternHandedOut, []StepID{StepSourcing, StepCoverage}, checkInternHandedOut},
	{RuleExternKept, []StepID{StepSourcing, StepCoverage}, checkExternKept},
	{RuleNothingHandedOut, []StepID{StepSourcing, StepCoverage, StepTender}, checkNothingHandedOut},
	{RuleCategoryInternal, []StepID{StepMonitoring, StepSourcing}, checkCategoryInternal},
	{RuleJourFixeCadence, []StepID{StepMonitoring, StepStructure}, checkJourFixeCadence},
	{RuleRaciProviderIntern, []StepID{StepStructure, StepSourcing}, checkRaciProviderIntern},
	{RuleRaciMissing, []StepID{StepStructure, StepCoverage}, checkRaciMissing},
	{RuleGuestIsPerson, []StepID{StepMonitoring, StepStructure}, checkGuestIsPerson},
}

// ThreadFindings runs every thread check on the day; each finding carries its rule and steps.
func ThreadFindings(p *Project, today Date) []Finding {
	var out []Finding
	for _, r := range ThreadRules {
		for _, f := range r.Check(p, today) {
			f.Rule, f.Step, f.Steps = r.Key, r.Steps[0], r.Steps
			out = append(out, f)
		}
	}
	return out
}

// HandedOut reports whether step 4 gives the task to the external provider.
func HandedOut(t Task) bool { return IsExternalProvider(ResponsibleAfter(t)) }

// packageTasks are the tasks of each package in board order of the tasks.
func packageTasks(p *Project) map[int64][]Task {
	out := map[int64][]Task{}
	for _, t := range inUserOrder(p.Tasks) {
		if t.PackageID != nil {
			out[*t.PackageID] = append(out[*t.PackageID], t)
		}
	}
	return out
}

func packageRef(pk Package) Ref { return Ref{Kind: "package", ID: pk.ID, Name: pk.Name} }
func taskRef(t Task) Ref        { return Ref{Kind: "task", ID: t.ID, Name: t.Name} }

// decisionAgainstCoverage finds the packages decided as outcome whose tasks step 4 treats the
// other way (handed out when want is false, kept when want is true).
func decisionAgainstCoverage(p *Project, outcome SourcingOutcome, want bool, code string) []Finding {
	var out []Finding
	tasks := packageTasks(p)
	for _, pk := range inUserOrder(p.Packages) {
		d := p.DecisionFor(pk.ID)
		if d == nil || d.Outcome != outcome {
			continue
		}
		objects := []Ref{packageRef(pk)}
		for _, t := range tasks[pk.ID] {
			if HandedOut(t) != want {
				objects = append(objects, taskRef(t))
			}
		}
		if len(objects) > 1 {
			out = append(out, Finding{Severity: SeverityWarning, Code: code, Subject: pk.Name, EntityID: pk.ID, Objects: objects})
		}
	}
	return out
}

// A package decided intern, yet step 4 hands some of its tasks to the provider: in fact mixed.
func checkInternHandedOut(p *Project, _ Date) []Finding {
	return decisionAgainstCoverage(p, OutcomeInternal, false, FindInternHandedOut)
}

// A package decided extern, yet step 4 keeps some of its tasks in-house: in fact mixed.
func checkExternKept(p *Project, _ Date) []Finding {
	return decisionAgainstCoverage(p, OutcomeExternal, true, FindExternKept)
}

// A package decided extern or gemischt of which step 4 hands nothing out: the
// Leistungsbeschreibung cannot tender it.
func checkNothingHandedOut(p *Project, _ Date) []Finding {
	var out []Finding
	tasks := packageTasks(p)
	for _, pk := range inUserOrder(p.Packages) {
		d := p.DecisionFor(pk.ID)
		if d == nil || d.Outcome != OutcomeExternal && d.Outcome != OutcomeMixed || len(tasks[pk.ID]) == 0 {
			continue
		}
		out2 := false
		for _, t := range tasks[pk.ID] {
			out2 = out2 || HandedOut(t)
		}
		if !out2 {
			out = append(out, Finding{Severity: SeverityWarning, Code: FindNothingHandedOut, Subject: pk.Name, EntityID: pk.ID,
				Objects: []Ref{packageRef(pk)}})
		}
	}
	return out
}

// A ticket category mapped to a package decided intern without an OLA: its tickets would be
// measured against the provider's SLA although the provider does not do that work. With an OLA
// they are measured against what the own staff promise.
func checkCategoryInternal(p *Project, _ Date) []Finding {
	m := p.TicketMappingConfig()
	cats := make([]string, 0, len(m.Categories))
	for c := range m.Categories {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var out []Finding
	for _, c := range cats {
		pk := p.PackageByID(m.Categories[c])
		if pk == nil {
			continue
		}
		if d := p.DecisionFor(pk.ID); d != nil && d.Outcome == OutcomeInternal && OLAFor(p, pk.ID) == nil {
			out = append(out, Finding{Severity: SeverityWarning, Code: FindCategoryInternal, Subject: c + " → " + pk.Name, EntityID: pk.ID,
				Objects: []Ref{{Kind: "category", Name: c}, packageRef(*pk)}})
		}
	}
	return out
}

// JourFixeNames are the meeting names (compared without case) that step 11 uses for the
// standing meeting with the provider whose minutes step 12 keeps.
var JourFixeNames = []string{"jour fixe", "jour-fixe", "jourfixe"}

// A standing Jour fixe of step 11 held far less often than its cadence says: fewer than half of
// the meetings due since its first date are minuted in step 12.
func checkJourFixeCadence(p *Project, today Date) []Finding {
	var out []Finding
	for _, m := range p.Meetings {
		name := NormalizedName(m.Name)
		known := false
		for _, n := range JourFixeNames {
			known = known || strings.Contains(name, n)
		}
		if !known || m.CadenceDays <= 0 || m.FirstDate == nil || m.FirstDate.After(today.Time) {
			continue
		}
		// Due: the first date and every cadence after it up to today.
		due := int(today.Sub(m.FirstDate.Time).Hours()/24)/m.CadenceDays + 1
		held := 0
		for _, j := range p.JourFixes {
			if !j.Date.Before(m.FirstDate.Time) && !j.Date.After(today.Time) {
				held++
			}
		}
		if 2*held < due {
			subject := m.Name + ": " + itoa(held) + "/" + itoa(due)
			out = append(out, Finding{Severity: SeverityWarning, Code: FindJourFixeTooSeldom, Subject: subject, EntityID: m.ID,
				Objects: []Ref{{Kind: "meeting", ID: m.ID, Name: m.Name}}})
		}
	}
	return out
}

// The provider is R or A on activities of a package decided intern: the RACI gives it work the
// Schulträger kept. One finding per package, naming its activities.
func checkRaciProviderIntern(p *Project, _ Date) []Finding {
	provider := map[int64]bool{}
	for _, r := range p.Roles {
		provider[r.ID] = r.Party == PartyProvider
	}
	byPkg := map[int64][]Ref{}
	for _, a := range SortedActivities(p.RaciActivities) {
		if a.PackageID == nil {
			continue
		}
		for _, x := range p.RaciAssignments {
			if x.ActivityID == a.ID && provider[x.RoleID] && (x.Letter == RaciResponsible || x.Letter == RaciAccountable) {
				byPkg[*a.PackageID] = append(byPkg[*a.PackageID], Ref{Kind: "activity", ID: a.ID, Name: a.Name})
				break
			}
		}
	}
	var out []Finding
	for _, pk := range inUserOrder(p.Packages) {
		d := p.DecisionFor(pk.ID)
		if d == nil || d.Outcome != OutcomeInternal || len(byPkg[pk.ID]) == 0 {
			continue
		}
		out = append(out, Finding{Severity: SeverityWarning, Code: FindRaciProviderIntern, Subject: pk.Name, EntityID: pk.ID,
			Objects: append([]Ref{packageRef(pk)}, byPkg[pk.ID]...)})
	}
	return out
}

// A package step 4 hands (partly) to the provider has no RACI activity: nobody has agreed who
// does its work. Only once the RACI links activities to packages at all.
func checkRaciMissing(p *Project, _ Date) []Finding {
	linked := map[int64]bool{}
	for _, a := range p.RaciActivities {
		if a.PackageID != nil {
			linked[*a.PackageID] = true
		}
	}
	if len(linked) == 0 {
		return nil
	}
	tasks := packageTasks(p)
	var out []Finding
	for _, pk := range inUserOrder(p.Packages) {
		out2 := false
		for _, t := range tasks[pk.ID] {
			out2 = out2 || HandedOut(t)
		}
		if out2 && !linked[pk.ID] {
			out = append(out, Finding{Severity: SeverityWarning, Code: FindRaciMissing, Subject: pk.Name, EntityID: pk.ID,
				Objects: []Ref{packageRef(pk)}})
		}
	}
	return out
}

// A meeting, a Jour fixe or a measure names as a guest someone who is a person of step 11: the
// entry is text where it should refer to the person (a renamed person, a changed role or the
// anonymised copy would not reach it). One finding per person, naming the lists.
func checkGuestIsPerson(p *Project, _ Date) []Finding {
	kind := map[AttendeesOf]string{AttendeesOfMeeting: "meeting", AttendeesOfJourFixe: "jourfixe", AttendeesOfMeasure: "measure"}
	byKey := make(map[string]int64, len(p.Persons))
	for _, x := range p.Persons {
		byKey[personKey(x.Name)] = x.ID
	}
	where := map[int64][]Ref{}
	for _, l := range p.AttendeeLists() {
		seen := map[int64]bool{}
		for _, a := range l.Attendees {
			if a.PersonID != nil || a.Guest == "" {
				continue
			}
			if id, ok := byKey[personKey(a.Guest)]; ok && !seen[id] {
				seen[id] = true
				where[id] = append(where[id], Ref{Kind: kind[l.Of], ID: l.ID, Name: p.attendeeListName(l)})
			}
		}
	}
	var out []Finding
	for _, x := range SortedPersons(p.Persons) {
		if refs := where[x.ID]; len(refs) > 0 {
			out = append(out, Finding{Severity: SeverityWarning, Code: FindGuestIsPerson, Subject: x.Name, EntityID: x.ID,
				Objects: append([]Ref{{Kind: "person", ID: x.ID, Name: x.Name}}, refs...)})
		}
	}
	return out
}

// attendeeListName names the owner of a list: the meeting's name, the Jour fixe's date, the
// measure's text.
func (p *Project) attendeeListName(l AttendeeList) string {
	switch l.Of {
	case AttendeesOfMeeting:
		for _, m := range p.Meetings {
			if m.ID == l.ID {
				return m.Name
			}
		}
	case AttendeesOfJourFixe:
		if j := p.JourFixeByID(l.ID); j != nil {
			return j.Date.String()
		}
	case AttendeesOfMeasure:
		for _, m := range p.Measures {
			if m.ID == l.ID {
				return m.Text
			}
		}
	}
	return ""
}
