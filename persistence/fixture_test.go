package persistence

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func i64(v int64) *int64 { return &v }

func day(y int, m time.Month, d int) *domain.Date {
	v := domain.NewDate(y, m, d)
	return &v
}

func utc(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}

func ptime(t time.Time) *time.Time { return &t }

// fullProject is a project in which every field of every type reachable from domain.Project holds
// a non-zero value in at least one place (TestFullProjectCoversEveryField enforces it), listed in
// the order Load returns rows. Second rows keep zero values and nil pointers, so that those
// survive the round trip as well.
func fullProject() *domain.Project {
	return &domain.Project{
		Meta: domain.Meta{Name: "Schul-IT Planung Jürgen", Schultraeger: "Stadt Musterstadt – Schulverwaltungsamt",
			Bundesland: "NI", CreatedAt: utc(2026, 3, 14, 9, 26, 53), DataAsOf: day(2027, 3, 31)},
		Settings: domain.Settings{HoursPerPersonDay: 7.8, PriorityMode: domain.PriorityMustNice},
		Tasks: []domain.Task{
			{ID: 3, Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT",
				Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}, Note: "Oft Rücksprache mit Schule nötig",
				Priority: domain.Priority{Rank: 4}, Critical: true, PackageID: i64(10), CardX: 12.5, CardY: -3.25,
				Coverage: domain.CoverageKeep, NewResponsible: "Teammitglied Schul-IT", SortOrder: 1},
			{ID: 1, Name: "Neu: Wartung der Schüler-Tablets", Responsible: "noch nicht definiert",
				Effort: &domain.Effort{Value: 1.25, Unit: domain.PersonDaysPerMonth}, Note: "ab dem kommenden Schuljahr",
				IsNew: true, ValidFrom: day(2026, 8, 1), Priority: domain.Priority{Rank: 5}, PackageID: i64(11),
				Coverage: domain.CoverageAssign, NewResponsible: domain.ExternalProvider, SortOrder: 2},
			{ID: 7, Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT",
				Effort: &domain.Effort{Value: 0.5, Unit: domain.HoursPerWeek}, SortOrder: 3},
			{ID: 8, Name: "Erstlöseversuche bei Störungen", SortOrder: 4, Coverage: domain.CoverageChange,
				Effort: &domain.Effort{Value: 12, Unit: domain.HoursPerQuarter}},
			{ID: 9, Name: "Ohne Aufwand", SortOrder: 5},
		},
		Packages: []domain.Package{
			{ID: 11, Name: "Hardware-Wartung", Color: "#3366cc", TargetState: "Alle Tablets sind gewartet.",
				Criteria: "Reaktionszeit ≤ 1 Tag", X: 400, Y: 20.5, Width: 300, Height: 210.75,
				ExternalHourlyRate: 78.5, ExternalMonthlyFee: 1250, SortOrder: 1},
			{ID: 10, Name: "User-Management", SortOrder: 2},
		},
		Resource: domain.ResourcePlan{PlanningYear: 2027, WeeklyHours: 39.8, LeaveDays: 30, SickDays: 11.5,
			OtherAbsenceDays: 2, VerteilzeitPercent: 10, TravelPercent: 5.5, DocumentationPct: 7.25,
			PayGroupOf: map[string]int64{"Teammitglied Schul-IT": 1, "Schulsekretariat": 2}, DefaultPayGroupID: 2},
		PayGroups: []domain.PayGroup{
			{ID: 1, Name: "E 9b", HourlyRate: 61.2, YearlyCost: 81234.5, Source: "KGSt-Bericht", SourceYear: 2025},
			{ID: 2, Name: "E 11"},
		},
		Decisions: []domain.SourcingDecision{
			{ID: 1, PackageID: 11, RiskDataProtection: 2, RiskSecurity: 3, RiskOutage: 4, ProjectRisk: 1,
				ImportanceUsers: 5, ImportanceCarrier: 4, BudgetInternal: 3, BudgetExternal: 2,
				Notes:           map[string]string{"risk": "gering", "budget": "knapp"},
				CriteriaWeights: map[string]float64{"risk": 0.4, "budget": 0.6},
				CriteriaScores:  map[string]float64{"risk": 2.5, "budget": 4},
				Outcome:         domain.OutcomeExternal, DecidedBy: "Schulausschuss", DecidedOn: day(2026, 5, 20),
				Rationale: "Fehlende Kapazität im Team", PayGroupID: i64(1)},
			{ID: 2, PackageID: 10},
		},
		SLAs: []domain.SLA{
			{ID: 1, Name: "Standard", PackageID: i64(11),
				Windows:                 []domain.ServiceWindow{{Weekday: 1, StartMinute: 450, EndMinute: 960}, {Weekday: 0}},
				PublicHolidaysStopClock: true, SchoolHolidaysStopClock: true,
				Classes: []domain.PriorityClassTarget{{Code: "P1", Description: "Unterricht steht", ResponseMinutes: 30,
					RestoreMinutes: 240, CalendarTime: true}, {Code: "P4"}},
				HotlineAnsweredPct: 92.5, HotlineMaxWaitSeconds: 120, SatisfactionTargetPct: 85,
				ReportingCadence: "monatlich", FrozenForContract: true},
			{ID: 2, Name: "Alle Pakete"},
			{ID: 3, Name: "OLA User-Management", PackageID: i64(10), Internal: true},
		},
		SchoolHolidays: []domain.SchoolHoliday{
			{ID: 2, Name: "Osterferien", First: domain.NewDate(2026, 3, 23), Last: domain.NewDate(2026, 4, 7), Source: "ferien-ni.ics"},
			{ID: 1, Name: "Sommerferien", First: domain.NewDate(2026, 7, 2), Last: domain.NewDate(2026, 8, 12)},
		},
		Tender: domain.Tender{Procedure: "Offenes Verfahren", PublishedOn: day(2026, 6, 1), OfferDeadline: day(2026, 7, 1),
			AwardDate: day(2026, 9, 15), Method: "extended", FluctuationPct: 5, TieBreaker: "price",
			Publication: "Vergabeplattform, Az. 2026-17"},
		Criteria: []domain.TenderCriterion{
			{ID: 1, Kind: "A", Group: "Eignung", Name: "Referenzen", Weight: 0, MinScore: 1, SortOrder: 1},
			{ID: 2, Kind: "B", Group: "Leistung", Name: "Reaktionszeit", Weight: 0.35, SortOrder: 2},
		},
		Bids: []domain.Bid{
			{ID: 1, Bidder: "Netz & Schule GmbH", Price: 98765.43, Scores: map[int64]float64{1: 1, 2: 8.5}, Note: "vollständig",
				Reasons: map[int64]string{2: "Konzept belegt 2 h Reaktion"}},
			{ID: 2, Bidder: "Zweitbieter"},
		},
		TenderLog: []domain.TenderLogEntry{
			{ID: 1, On: domain.NewDate(2026, 6, 20), Kind: domain.LogReopen, Reason: "Rüge eines Bieters"},
			{ID: 2, On: domain.NewDate(2026, 6, 20), Kind: domain.LogChange, Reason: "Rüge eines Bieters", Criterion: "Reaktionszeit",
				Field: domain.ChangeWeight, Before: "0.3", After: "0.35"},
			{ID: 3, On: domain.NewDate(2026, 6, 21), Kind: domain.LogClose},
		},
		Contract: domain.Contract{Provider: "Netz & Schule GmbH", ProviderContact: "hotline@example.org", Type: "EVB-IT Service",
			SignedOn: day(2026, 10, 1), Start: day(2027, 1, 1), TermMonths: 36, NoticeMonths: 6, NoticeToMonthEnd: true,
			Value: 296296.29, Documents: []string{"Vertrag.pdf", "Leistungsbeschreibung.pdf"}, SLAID: i64(1),
			TypeOther: "Zusatzvereinbarung", Contacts: []domain.ContractContact{{Name: "Jürgen Weiß", Role: "Service-Manager",
				Phone: "0511 4711", Email: "jw@example.org"}},
			AfterTerm: "renew", RenewalMonths: 12, FrozenOn: day(2026, 10, 1)},
		Kickoff: domain.Kickoff{Date: day(2027, 1, 12), Place: "Rathaus, Raum 2.14",
			Participants: []domain.Participant{{Name: "Jürgen Weiß", Organisation: "Schulträger", Role: "Projektleitung"}, {Name: "Ada"}},
			Agenda:       "1. Begrüßung\n2. Meilensteine", Notes: "alle anwesend", NextSteps: "Rollen besetzen"},
		Milestones: []domain.Milestone{
			{ID: 1, Name: "Übergabe", Due: day(2027, 2, 1), Owner: "Projektleitung", Status: "offen", Note: "mit Checkliste"},
			{ID: 2, Name: "Regelbetrieb", Fact: domain.FactKickoffHeld},
		},
		Roles: []domain.Role{
			{ID: 2, Name: "Schul-IT-Koordination", Party: domain.PartyCarrier, Persons: "J. Weiß", Deputy: "A. Lovelace",
				Contact: "0511 123", SortOrder: 1},
			{ID: 1, Name: "Service-Manager", Party: domain.PartyProvider, SortOrder: 2},
		},
		Persons: []domain.Person{
			{ID: 3, Name: "Jürgen Weiß", Party: domain.PartyCarrier, Organisation: "Stadt Beispiel", Contact: "0511 123",
				RoleIDs: []int64{1, 2}, SortOrder: 1},
			{ID: 4, Name: "Ada", Party: domain.PartyOther, SortOrder: 2},
		},
		RaciActivities: []domain.RaciActivity{
			{ID: 5, Process: "Störungen", Name: "Störung annehmen", SortOrder: 1, PackageID: i64(10)},
			{ID: 4, Name: "Bericht erstellen", SortOrder: 2},
		},
		RaciAssignments: []domain.RaciAssignment{
			{ActivityID: 4, RoleID: 1, Letter: "R"},
			{ActivityID: 5, RoleID: 1, Letter: "A"},
			{ActivityID: 5, RoleID: 2, Letter: "I"},
		},
		CommunicationRows: []domain.CommunicationRow{
			{ID: 1, Occasion: "Störung P1", CustomerRoleID: i64(2), ProviderRoleID: i64(1), Channel: "Telefon",
				Hours: "Mo–Fr 7:30–16:00", SortOrder: 1},
			{ID: 2, Occasion: "Monatsbericht", SortOrder: 2},
		},
		EscalationLevels: []domain.EscalationLevel{
			{ID: 1, Level: 1, Trigger: "Zielzeit überschritten", CustomerRoleID: i64(2), ProviderRoleID: i64(1), ReactionHours: 4},
			{ID: 2, Level: 2},
		},
		Meetings: []domain.Meeting{
			{ID: 1, Name: "Jour fixe", CadenceDays: 14, FirstDate: day(2027, 1, 26),
				Participants: []domain.Attendee{{PersonID: i64(3), Note: "bei Bedarf"}, {Guest: "DL"}}, Agenda: "KPIs"},
			{ID: 2, Name: "Lenkungskreis"},
		},
		Tickets: []domain.Ticket{
			{ID: 1, ExternalID: "INC-0001", Created: utc(2027, 2, 3, 8, 15, 0), FirstResponse: ptime(utc(2027, 2, 3, 8, 40, 12)),
				Resolved: ptime(utc(2027, 2, 3, 11, 2, 59)), Priority: "P1", Category: "Netzwerk", School: "GS Am Markt",
				Status: "geschlossen", PackageID: i64(11)},
			{ID: 2, ExternalID: "INC-0002", Created: utc(2027, 2, 4, 9, 0, 1), ResponseNotMeasured: true},
		},
		Calls: []domain.Call{
			{ID: 1, At: utc(2027, 2, 3, 8, 14, 30), Answered: true, WaitSeconds: 45, TalkSeconds: 310},
			{ID: 2, At: utc(2027, 2, 3, 9, 1, 2)},
		},
		SurveyAnswers: []domain.SurveyAnswer{
			{ID: 1, At: utc(2027, 3, 1, 12, 0, 0), Question: "Zufriedenheit insgesamt", Score: 4, School: "IGS Nord"},
			{ID: 2, At: utc(2027, 3, 2, 12, 0, 0)},
		},
		JourFixes: []domain.JourFixe{
			{ID: 1, Date: domain.NewDate(2027, 2, 9), Participants: []domain.Attendee{{Guest: "SL"}, {PersonID: i64(4), Note: "zugeschaltet"}}, Notes: "P1-Quote im Ziel",
				FrozenKPIs: `{"p1Response":0.97}`},
			{ID: 2, Date: domain.NewDate(2027, 2, 23)},
		},
		Measures: []domain.Measure{
			{ID: 1, JourFixeID: i64(1), Text: "Hotline-Zeiten veröffentlichen", Owners: []domain.Attendee{{PersonID: i64(3)}, {Guest: "Schulamt", Note: "Rückmeldung"}}, Due: day(2027, 2, 20), Status: "erledigt"},
			{ID: 2, Text: "Ohne Termin"},
		},
		KnowledgeChecks: []domain.KnowledgeCheck{
			{ID: 1, Subject: "Netzdokumentation", ReviewedOn: day(2027, 4, 1), ReviewedBy: "J. Weiß", Findings: "aktuell"},
			{ID: 2, Subject: "Notfallhandbuch"},
		},
		Config: map[string]string{
			"step12.ticketMapping": `{"priorities":{"1 - hoch":"P1"},"format":"glpi"}`,
			"step3.view":           `{"zoom":1.25}`,
		},
	}
}

// zeroFields lists every field path reachable from v that is zero in every instance: a field of a
// struct inside a slice or map counts as covered when one element has it set.
func zeroFields(v any) []string {
	covered := map[string]bool{}
	walkFields(reflect.ValueOf(v), reflect.TypeOf(v).String(), covered)
	var out []string
	for p, ok := range covered {
		if !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func walkFields(v reflect.Value, path string, covered map[string]bool) {
	mark := func(ok bool) {
		if _, seen := covered[path]; !seen {
			covered[path] = false
		}
		if ok {
			covered[path] = true
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		mark(!v.IsNil())
		if !v.IsNil() {
			walkFields(v.Elem(), path, covered)
		}
	case reflect.Struct:
		if v.Type().PkgPath() == "time" {
			mark(!v.IsZero())
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			// A field the JSON leaves out is derived from what is stored (Project.Stored).
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			walkFields(v.Field(i), path+"."+f.Name, covered)
		}
	case reflect.Slice:
		mark(v.Len() > 0)
		for i := 0; i < v.Len(); i++ {
			walkFields(v.Index(i), path+"[]", covered)
		}
	case reflect.Map:
		mark(v.Len() > 0)
		it := v.MapRange()
		for it.Next() {
			walkFields(it.Key(), path+"{key}", covered)
			walkFields(it.Value(), path+"{}", covered)
		}
	case reflect.Interface:
		panic(fmt.Sprintf("%s: interface fields cannot be checked for coverage", path))
	default:
		mark(!v.IsZero())
	}
}

// The fixture must set every field, so that a field added to the domain later fails the round
// trip until the project file stores it.
func TestFullProjectCoversEveryField(t *testing.T) {
	if zs := zeroFields(fullProject()); len(zs) > 0 {
		t.Fatalf("fields left zero in fullProject (set them, then make the file store them):\n  %s", strings.Join(zs, "\n  "))
	}
}

// The coverage check must itself notice a zero field, including one inside a slice element.
func TestZeroFieldsFindsGaps(t *testing.T) {
	p := fullProject()
	for i := range p.Tasks {
		p.Tasks[i].CardY = 0
	}
	p.Contract.Documents = nil
	got := zeroFields(p)
	want := []string{"*domain.Project.Contract.Documents", "*domain.Project.Tasks[].CardY"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("zeroFields = %v, want %v", got, want)
	}
}

// sampleLikeProject is a small project like the sample "Musterstadt": the seed's four example
// tasks of steps 1–2, two packages, nothing of the later steps.
func sampleLikeProject() *domain.Project {
	p := domain.NewProject("Musterstadt", time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC))
	p.Meta.Schultraeger = "Stadt Musterstadt"
	p.Settings.PriorityMode = domain.PriorityMustNice
	h := func(v float64) *domain.Effort { return &domain.Effort{Value: v, Unit: domain.HoursPerMonth} }
	p.Packages = []domain.Package{{ID: 1, Name: "User-Management", Color: "#4e79a7", SortOrder: 1},
		{ID: 2, Name: "Störungsbeseitigung", Color: "#e15759", SortOrder: 2}}
	p.Tasks = []domain.Task{
		{ID: 1, Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: h(2),
			Note: "Rückfragen bei der Schule sind häufig", Priority: domain.Priority{Rank: 4}, PackageID: i64(1), SortOrder: 1},
		{ID: 2, Name: "Erstlöseversuche bei Störungen in Schule", Responsible: "Lehrkraft mit Entlastungsstunden", Effort: h(4),
			Priority: domain.Priority{Rank: 4}, Critical: true, PackageID: i64(2), SortOrder: 2},
		{ID: 3, Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: h(2),
			Note: "nur für einen Teil der Geräte", Priority: domain.Priority{Rank: 4}, SortOrder: 3},
		{ID: 4, Name: "Wartung der Schüler-Tablets", Responsible: "noch nicht definiert", Effort: h(10),
			Note: "ab dem kommenden Schuljahr", IsNew: true, ValidFrom: day(2026, 8, 1), Priority: domain.Priority{Rank: 4}, SortOrder: 4},
	}
	return p
}
