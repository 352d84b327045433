package sample

import (
	"math"
	"math/rand"
	"sort"
	"strconv"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// Step 12 of Musterstadt: the first half year of operation (January to June 2027) as a GLPI
// export would bring it – tickets of six schools, the hotline's calls, two waves of the
// satisfaction survey – and the minutes of the Jour fixes in April and July with the KPIs of
// the quarter frozen in, their measures and the checks of the provider's knowledge management.
// Everything is drawn from a fixed seed, so the sample is the same on every run.

var sampleSchools = []string{"Grundschule am Park", "Grundschule Nord", "IGS Musterstadt", "Oberschule Musterstadt", "Gymnasium am Wall", "BBS Musterstadt"}

// sampleCategory is a GLPI category, its share of the tickets and the package it maps to.
type sampleCategory struct {
	name    string
	weight  int
	pkgName string
}

// samplePriority is one of GLPI's words, its share of the tickets and the SLA class it maps to.
type samplePriority struct {
	source string
	weight int
	class  string
}

func (c sampleCategory) share() int { return c.weight }
func (p samplePriority) share() int { return p.weight }

// sampleCategories are the categories of the sample's tickets.
var sampleCategories = []sampleCategory{
	{"Netzwerk > WLAN", 22, "Störungsbeseitigung"},
	{"Netzwerk > Internet", 6, "Störungsbeseitigung"},
	{"Konten > IServ", 20, "User-Management"},
	{"Hardware > Tablets", 16, "Hardware-Wartung"},
	{"Hardware > Drucker", 12, "Hardware-Wartung"},
	{"Software > MDM", 10, "Software"}, // Software stays in-house: measured against its OLA
	{"Präsentationstechnik", 9, "Vor-Ort-Support"},
	{"Sonstiges", 5, ""},
}

// samplePriorities are the priorities of the sample's tickets.
var samplePriorities = []samplePriority{{"Sehr hoch", 5, "P1"}, {"Hoch", 20, "P2"}, {"Mittel", 50, "P3"}, {"Niedrig", 25, "P4"}}

func sampleStep12(p *domain.Project) {
	if len(p.SLAs) == 0 { // without step 7 in the tree the sample still needs targets
		p.SLAs = append(p.SLAs, domain.NewDefaultSLA("Standard-SLA", func(string) string { return "" }))
		p.SLAs[len(p.SLAs)-1].ID = 1290
	}
	rnd := rand.New(rand.NewSource(12))
	pkgID := map[string]int64{}
	for _, pk := range p.Packages {
		pkgID[pk.Name] = pk.ID
	}
	mapping := domain.TicketMapping{Format: "glpi", Priorities: map[string]string{}, Categories: map[string]int64{}}
	for _, pr := range samplePriorities {
		mapping.Priorities[domain.NormalizeSourceValue(pr.source)] = pr.class
	}
	for _, c := range sampleCategories {
		if id, ok := pkgID[c.pkgName]; ok {
			mapping.Categories[domain.NormalizeSourceValue(c.name)] = id
		}
	}
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	p.Config[domain.ConfigTicketMapping] = domain.ConfigJSON(mapping)

	closed := map[domain.Date]bool{}
	for _, h := range p.SchoolHolidays {
		for d := h.First.Time; !d.After(h.Last.Time); d = d.AddDate(0, 0, 1) {
			closed[domain.Date{Time: d}] = true
		}
	}
	for _, h := range domain.PublicHolidays(p.Meta.Bundesland, 2027) {
		closed[h.Date] = true
	}
	sampleTickets(p, rnd, mapping, closed)
	sampleCalls(p, rnd, closed)
	sampleSurvey(p, rnd)
	sampleMinutes(p)
}

// pick draws one of items, each as likely as its share of all shares.
func pick[T interface{ share() int }](rnd *rand.Rand, items []T) T {
	total := 0
	for _, x := range items {
		total += x.share()
	}
	n := rnd.Intn(total)
	for _, x := range items {
		if n -= x.share(); n < 0 {
			return x
		}
	}
	return items[len(items)-1]
}

func berlinAt(d time.Time, minute int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, minute, 0, 0, domain.Berlin).UTC()
}

// sampleTickets: about 90 a month on school days, a few at other times. Response and
// restoration are drawn in service time and placed with the SLA's clock; the provider gets a
// little better from the first quarter to the second.
func sampleTickets(p *domain.Project, rnd *rand.Rand, m domain.TicketMapping, closed map[domain.Date]bool) {
	end := time.Date(2027, 6, 30, 16, 0, 0, 0, domain.Berlin)
	clocks := map[int64]*domain.SLAClock{}
	clockFor := func(pkg *int64) (*domain.SLAClock, *domain.SLA) {
		sla := domain.SLAInForce(p, pkg)
		if c, ok := clocks[sla.ID]; ok {
			return c, sla
		}
		c := domain.NewSLAClock(*sla, p.Meta.Bundesland, p.SchoolHolidays, 2027)
		clocks[sla.ID] = c
		return c, sla
	}
	id := int64(12001)
	for d := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC); d.Before(time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 0, 1) {
		day := domain.Date{Time: d}
		n := 0
		switch {
		case d.Weekday() == time.Saturday || d.Weekday() == time.Sunday:
			n = rnd.Intn(3) / 2
		case closed[day]:
			n = rnd.Intn(3)
		default:
			n = 3 + rnd.Intn(4)
			if d.Weekday() == time.Monday {
				n += 2
			}
		}
		q2 := d.Month() >= 4
		for k := 0; k < n; k++ {
			created := berlinAt(d, 7*60+rnd.Intn(9*60))
			if rnd.Intn(12) == 0 {
				created = berlinAt(d, 17*60+rnd.Intn(5*60)) // in the evening, outside service hours
			}
			cat, pr := pick(rnd, sampleCategories), pick(rnd, samplePriorities)
			t := domain.Ticket{ID: id, ExternalID: strconv.FormatInt(4000+id-12001, 10), Created: created, Priority: pr.class,
				Category: cat.name, School: sampleSchools[rnd.Intn(len(sampleSchools))], Status: "Geschlossen"}
			if pid, ok := m.Categories[domain.NormalizeSourceValue(cat.name)]; ok {
				x := pid
				t.PackageID = &x
			}
			clock, sla := clockFor(t.PackageID)
			class := sla.ClassByCode(pr.class)
			within := 0.86
			if q2 {
				within = 0.93
			}
			draw := func(target int) time.Duration {
				f := 0.15 + 0.8*rnd.Float64()
				if rnd.Float64() > within {
					f = 1.05 + 1.5*rnd.Float64()
				}
				return time.Duration(math.Round(f*float64(target))) * time.Minute
			}
			resp, ok := clock.TargetDeadline(*class, created, int(draw(class.ResponseMinutes)/time.Minute))
			if !ok || resp.After(end) {
				t.Status = "Neu"
				p.Tickets = append(p.Tickets, t)
				id++
				continue
			}
			resp = resp.UTC().Truncate(time.Second)
			t.FirstResponse = &resp
			solved, ok := clock.TargetDeadline(*class, created, int(draw(class.RestoreMinutes)/time.Minute))
			if ok && solved.Before(resp) {
				solved = resp.Add(10 * time.Minute)
			}
			if !ok || solved.After(end) {
				t.Status = "In Bearbeitung (zugewiesen)"
			} else {
				s := solved.UTC().Truncate(time.Second)
				t.Resolved = &s
			}
			p.Tickets = append(p.Tickets, t)
			id++
		}
	}
}

// sampleCalls: the hotline's calls on school days, most in the first hours of the morning.
func sampleCalls(p *domain.Project, rnd *rand.Rand, closed map[domain.Date]bool) {
	id := int64(12001)
	hours := []int{7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 11, 12, 13, 13, 14, 15}
	for d := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC); d.Before(time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || closed[domain.Date{Time: d}] {
			continue
		}
		n := 5 + rnd.Intn(6)
		if d.Weekday() == time.Monday {
			n += 4
		}
		var day []domain.Call
		for k := 0; k < n; k++ {
			h := hours[rnd.Intn(len(hours))]
			at := berlinAt(d, h*60+rnd.Intn(60)).Add(time.Duration(rnd.Intn(60)) * time.Second)
			c := domain.Call{At: at, Answered: rnd.Intn(100) >= 7, WaitSeconds: int(rnd.ExpFloat64() * 40)}
			if h <= 9 && d.Weekday() == time.Monday && d.Before(time.Date(2027, 5, 3, 0, 0, 0, 0, time.UTC)) && rnd.Intn(3) == 0 {
				c.Answered = false // the Monday morning rush, until a second person takes calls from 3 May
			}
			if !c.Answered {
				c.WaitSeconds += 60 + rnd.Intn(120)
			} else {
				c.TalkSeconds = 90 + rnd.Intn(420)
			}
			day = append(day, c)
		}
		sort.Slice(day, func(a, b int) bool { return day[a].At.Before(day[b].At) })
		for _, c := range day {
			c.ID = id
			id++
			p.Calls = append(p.Calls, c)
		}
	}
}

// sampleSurvey: two waves of the short survey (overall, reachability, solution quality), in
// March and in June; the answers get a little better in June.
func sampleSurvey(p *domain.Project, rnd *rand.Rand) {
	questions := []string{"Q1", "QMATRIX[SQ001]", "QMATRIX[SQ002]"}
	id := int64(12001)
	for wave, start := range []time.Time{time.Date(2027, 3, 8, 0, 0, 0, 0, time.UTC), time.Date(2027, 6, 7, 0, 0, 0, 0, time.UTC)} {
		for _, school := range sampleSchools {
			for r := 0; r < 5+rnd.Intn(4); r++ {
				at := berlinAt(start.AddDate(0, 0, rnd.Intn(5)), 8*60+rnd.Intn(8*60))
				for _, q := range questions {
					score := 3 + rnd.Intn(3)
					if rnd.Intn(7) == 0 {
						score = 1 + rnd.Intn(2)
					}
					if wave == 1 && score == 3 && rnd.Intn(3) != 0 {
						score = 4
					}
					p.SurveyAnswers = append(p.SurveyAnswers, domain.SurveyAnswer{ID: id, At: at, Question: q, Score: score, School: school})
					id++
				}
			}
		}
	}
	// The export's headings are codes; the step-12 dialog gave them the questions' wording.
	names := map[string]string{
		"Q1":             "Wie zufrieden sind Sie insgesamt mit der IT-Betreuung?",
		"QMATRIX[SQ001]": "Erreichbarkeit der Hotline",
		"QMATRIX[SQ002]": "Qualität der Lösungen",
	}
	p.Config[domain.ConfigSurveyMapping] = domain.ConfigJSON(domain.SurveyMapping{Questions: questions, School: "SCHULE", Names: names})
}

func sampleDay(y int, m time.Month, d int) *domain.Date { x := domain.NewDate(y, m, d); return &x }

// sampleMinutes: the Jour fixes of 13 April (first quarter) and 13 July (second quarter) with
// their KPIs frozen as of the meeting, the measures agreed and the knowledge checks.
func sampleMinutes(p *domain.Project) {
	participants := persons(p, "Anna Berger, Maren Ohlsen, Lars Claassen, Jens Wübbena")
	freeze := func(q kpi.Period, at time.Time, carried []domain.Measure) string {
		if h := kpi.TicketHorizon(p); h.Before(at) {
			at = h // as the editor does: the data knows nothing later
		}
		r, err := kpi.Compute(p, q, kpi.Options{AsOf: at})
		if err != nil {
			panic(err)
		}
		return r.Freeze(kpi.FreezeMeasures(p, carried))
	}
	q1 := kpi.QuarterPeriod(domain.NewDate(2027, 1, 1))
	q2 := kpi.QuarterPeriod(domain.NewDate(2027, 4, 1))
	jf1 := domain.JourFixe{ID: 1201, Date: domain.NewDate(2027, 4, 13), Participants: participants,
		Notes: "Erstes Quartal im Regelbetrieb. Reaktionszeiten meist im Ziel, Lösungszeiten bei P2 zu lang (WLAN im Altbau der Grundschule am Park). " +
			"Hotline am Montagmorgen oft nicht erreichbar. Nordlicht stellt die Ticketkategorien für Tablets um.",
		FrozenKPIs: freeze(q1, time.Date(2027, 4, 13, 9, 0, 0, 0, domain.Berlin), nil)}
	p.JourFixes = append(p.JourFixes, jf1)
	a, b := int64(1201), int64(1202)
	p.Measures = append(p.Measures,
		domain.Measure{ID: 1211, JourFixeID: &a, Text: "Hotline montags 7:30–10:00 mit einer zweiten Person besetzen", Owners: persons(p, "Maren Ohlsen"),
			Due: sampleDay(2027, 5, 3), Status: domain.MeasureDone},
		domain.Measure{ID: 1212, JourFixeID: &a, Text: "Austauschplan für die Access Points im Altbau der Grundschule am Park vorlegen", Owners: persons(p, "Lars Claassen"),
			Due: sampleDay(2027, 6, 30), Status: domain.MeasureInProgress},
		domain.Measure{ID: 1213, JourFixeID: &a, Text: "Medienbeauftragte in das Störungsformular einweisen (zwei Nachmittage)", Owners: persons(p, "Maren Ohlsen"),
			Due: sampleDay(2027, 5, 31), Status: domain.MeasureDone},
	)
	carried := domain.OpenMeasuresBefore(p, domain.NewDate(2027, 7, 13))
	jf2 := domain.JourFixe{ID: 1202, Date: domain.NewDate(2027, 7, 13), Participants: participants,
		Notes: "Zweites Quartal: Hotline deutlich besser erreichbar, Zufriedenheit gestiegen. Austauschplan WLAN liegt im Entwurf vor. " +
			"Wissensdatenbank des Dienstleisters ist noch nicht für den Schulträger freigeschaltet.",
		FrozenKPIs: freeze(q2, time.Date(2027, 7, 13, 9, 0, 0, 0, domain.Berlin), carried)}
	p.JourFixes = append(p.JourFixes, jf2)
	p.Measures = append(p.Measures,
		domain.Measure{ID: 1214, JourFixeID: &b, Text: "Lesezugang zur Wissensdatenbank für die IT-Koordination einrichten", Owners: persons(p, "Maren Ohlsen"),
			Due: sampleDay(2027, 8, 31), Status: domain.MeasureOpen},
		domain.Measure{ID: 1215, JourFixeID: &b, Text: "Servicezeiten in den Sommerferien mit den Schulen abstimmen", Owners: persons(p, "Anna Berger"),
			Due: sampleDay(2027, 7, 20), Status: domain.MeasureOpen},
	)
	p.KnowledgeChecks = append(p.KnowledgeChecks,
		domain.KnowledgeCheck{ID: 1221, Subject: "Prozessdokumentation", ReviewedOn: sampleDay(2027, 6, 15), ReviewedBy: "Maren Ohlsen",
			Findings: "Störungsprozess und Eskalation vollständig beschrieben; Abläufe für die Ausgabe von Tablets fehlen noch."},
		domain.KnowledgeCheck{ID: 1222, Subject: "Protokolle der Jour fixes", ReviewedOn: sampleDay(2027, 7, 13), ReviewedBy: "Anna Berger",
			Findings: "Protokolle liegen vollständig vor und sind im gemeinsamen Ordner abgelegt."},
		domain.KnowledgeCheck{ID: 1223, Subject: "Wissensdatenbank", Findings: "Zugang wird in der Maßnahme vom 13.07.2027 eingerichtet."},
	)
}
