package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// Step 12: the tickets, calls and survey answers of the operation, and the minutes of a Jour
// fixe after every month with its KPIs frozen in, the measures agreed and the reviews of the
// provider's knowledge management.
//
// Volumes follow the school year: busy Mondays and mornings, quiet Ferien and weekends, a rush
// when the school year starts, a slow ramp-up while the provider takes the regions over, and
// more devices every year. Response and restoration are drawn in service time and placed with
// the SLA clock, so a ticket drawn late really breaches its target; the provider gets better
// over the years, but less so every September.

// calendar knows the days of the operation.
type calendar struct {
	days    []domain.Date
	holiday map[domain.Date]bool // public holidays of the Bundesland
	ferien  map[domain.Date]bool
}

func (g *gen) calendar() calendar {
	c := calendar{holiday: map[domain.Date]bool{}, ferien: map[domain.Date]bool{}}
	end := g.operationEnd()
	for d := operationStart; d.Before(end.Time); d = (domain.Date{Time: d.AddDate(0, 0, 1)}) {
		c.days = append(c.days, d)
	}
	for y := operationStart.Year(); y <= end.Year(); y++ {
		for _, h := range domain.PublicHolidays(g.p.Meta.Bundesland, y) {
			c.holiday[h.Date] = true
		}
	}
	for _, f := range g.p.SchoolHolidays {
		for d := f.First; !d.After(f.Last.Time); d = (domain.Date{Time: d.AddDate(0, 0, 1)}) {
			c.ferien[d] = true
		}
	}
	return c
}

// monthIndex counts months from the start of the operation.
func monthIndex(d domain.Date) int {
	return (d.Year()-operationStart.Year())*12 + int(d.Month()-operationStart.Month())
}

// dayWeight is how busy a day is, relative to an ordinary Wednesday in term time.
func (g *gen) dayWeight(c calendar, d domain.Date, weekend float64) float64 {
	w := [7]float64{weekend / 2, 1.3, 1.1, 1.0, 0.95, 0.7, weekend}[d.Weekday()]
	switch {
	case c.holiday[d]:
		w = 0.03
	case c.ferien[d] && w > weekend:
		w *= 0.2
	}
	switch d.Month() {
	case time.August, time.September:
		w *= 1.35
	case time.January, time.February:
		w *= 1.1
	case time.December:
		w *= 0.9
	}
	m := monthIndex(d)
	w *= min(1, 0.3+0.25*float64(m))                                 // regions taken over one by one
	w *= 0.9 + 0.2*float64(m)/math.Max(1, float64(g.sizes.Months-1)) // more devices every year
	return w
}

// pickDays draws n days with probability proportional to their weights, in time order.
func pickDays(r *rand.Rand, days []domain.Date, weights []float64, n int) []int {
	cum := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		cum[i] = total
	}
	out := make([]int, n)
	for i := range out {
		x := r.Float64() * total
		j, _ := slices.BinarySearch(cum, x)
		out[i] = min(j, len(days)-1)
	}
	slices.Sort(out)
	return out
}

// ticketHours: how the tickets of a day spread over its hours (Berlin time).
var ticketHours = [24]float64{0.02, 0.02, 0.02, 0.02, 0.02, 0.05, 0.5, 4, 10, 10, 8, 7, 6, 6, 4, 3, 2, 1, 0.6, 0.4, 0.3, 0.2, 0.05, 0.02}

// sourcePriorities are the ticket system's priorities, their share and the SLA class they map to.
var sourcePriorities = []struct {
	name  string
	share float64
	class string
}{{"Sehr hoch", 3, "P1"}, {"Hoch", 15, "P2"}, {"Mittel", 55, "P3"}, {"Niedrig", 27, "P4"}}

// ticketCategory is a category of the provider's ticket system with its package.
type ticketCategory struct {
	name   string
	weight float64
	pkg    *int64
	urgent bool // a category where outages hit many: more P1 and P2
}

func (g *gen) categories() []ticketCategory {
	var out []ticketCategory
	for _, a := range g.areas {
		if a.category == "" || a.tickets == 0 {
			continue
		}
		out = append(out, ticketCategory{name: a.category, weight: a.tickets, pkg: int64Ptr(g.pkgByArea[a.key]), urgent: a.critical})
	}
	return append(out, ticketCategory{name: "Sonstiges > Anfrage", weight: 3})
}

// tickets hands out the tickets one at a time, in creation order.
func (g *gen) tickets(c calendar, emit func(domain.Ticket) error) error {
	r := g.rng(partTickets)
	p := g.p
	n := g.sizes.Tickets
	g.progress(StageTickets, 0, n)
	cats := g.categories()
	catW := make([]float64, len(cats))
	mapping := domain.TicketMapping{Format: "glpi", Priorities: map[string]string{}, Categories: map[string]int64{}}
	for i, cat := range cats {
		catW[i] = cat.weight
		if cat.pkg != nil {
			mapping.Categories[domain.NormalizeSourceValue(cat.name)] = *cat.pkg
		}
	}
	prioW := make([]float64, len(sourcePriorities))
	urgentW := make([]float64, len(sourcePriorities))
	for i, sp := range sourcePriorities {
		mapping.Priorities[domain.NormalizeSourceValue(sp.name)] = sp.class
		prioW[i] = sp.share
		urgentW[i] = sp.share
	}
	urgentW[0], urgentW[1] = 8, 25
	p.Config[domain.ConfigTicketMapping] = domain.ConfigJSON(mapping)
	schoolW := make([]float64, len(g.schools))
	for i, s := range g.schools {
		schoolW[i] = s.size
	}

	weights := make([]float64, len(c.days))
	for i, d := range c.days {
		weights[i] = g.dayWeight(c, d, 0.04)
	}
	days := pickDays(r, c.days, weights, n)
	created := make([]time.Time, n)
	for i, di := range days {
		h := weighted(r, ticketHours[:])
		created[i] = berlin(c.days[di], h*60+r.IntN(60)).Add(time.Duration(r.IntN(60)) * time.Second)
	}
	slices.SortFunc(created, func(a, b time.Time) int { return a.Compare(b) })

	years := []int{}
	for y := operationStart.Year(); y <= g.operationEnd().Year()+1; y++ {
		years = append(years, y)
	}
	type clockOf struct {
		clock *domain.SLAClock
		sla   *domain.SLA
	}
	clocks := map[int64]clockOf{}
	clockFor := func(pkg *int64) clockOf {
		sla := domain.SLAInForce(p, pkg)
		if x, ok := clocks[sla.ID]; ok {
			return x
		}
		x := clockOf{domain.NewSLAClock(*sla, p.Meta.Bundesland, p.SchoolHolidays, years...), sla}
		clocks[sla.ID] = x
		return x
	}
	horizon := time.Date(g.operationEnd().Year(), g.operationEnd().Month(), g.operationEnd().Day(), 0, 0, 0, 0, domain.Berlin)
	// A school or two have a harder time: old buildings, thin networks.
	hard := map[int]bool{}
	for len(hard) < max(1, len(g.schools)/20) {
		hard[r.IntN(len(g.schools))] = true
	}
	stride := max(1, n/progressStrides)
	for i, at := range created {
		if i%stride == 0 {
			g.progress(StageTickets, i, n)
		}
		cat := cats[weighted(r, catW)]
		pw := prioW
		if cat.urgent {
			pw = urgentW
		}
		sp := sourcePriorities[weighted(r, pw)]
		si := weighted(r, schoolW)
		t := domain.Ticket{ID: int64(i + 1), ExternalID: strconv.Itoa(230001 + i), Created: at, Priority: sp.class,
			Category: cat.name, School: g.schools[si].name, PackageID: cat.pkg, Status: "Geschlossen"}
		if cat.pkg != nil {
			t.PackageID = int64Ptr(*cat.pkg)
		}
		ck := clockFor(t.PackageID)
		class := ck.sla.ClassByCode(sp.class)
		day := kpi.DayOf(at)
		m := monthIndex(day)
		within := 0.80 + 0.14*math.Min(1, float64(m)/math.Max(1, float64(g.sizes.Months-1)))
		if day.Month() == time.September {
			within -= 0.06
		}
		if hard[si] {
			within -= 0.08
		}
		draw := func(target int) int {
			f := 0.15 + 0.8*r.Float64()
			if r.Float64() > within {
				f = 1.05 + 1.5*r.Float64()
			}
			return max(1, int(math.Round(f*float64(target))))
		}
		respMin, restMin := draw(class.ResponseMinutes), draw(class.RestoreMinutes)
		resp, ok := ck.clock.TargetDeadline(*class, at, respMin)
		if !ok || !resp.Before(horizon) {
			t.Status = "Neu"
			if err := emit(t); err != nil {
				return err
			}
			continue
		}
		resp = resp.UTC().Truncate(time.Second)
		t.FirstResponse = &resp
		solved, ok := ck.clock.TargetDeadline(*class, at, restMin)
		if ok && !solved.After(resp) {
			solved = resp.Add(time.Duration(5+r.IntN(30)) * time.Minute)
		}
		if !ok || !solved.Before(horizon) {
			t.Status = "In Bearbeitung (zugewiesen)"
		} else {
			s := solved.UTC().Truncate(time.Second)
			t.Resolved = &s
			if r.IntN(40) == 0 {
				t.Status = "Gelöst"
			}
		}
		if err := emit(t); err != nil {
			return err
		}
	}
	g.progress(StageTickets, n, n)
	return nil
}

// callHours: the hotline's calls over the hours of its service time.
var callHours = [24]float64{7: 5, 8: 12, 9: 11, 10: 9, 11: 8, 12: 6, 13: 6, 14: 5, 15: 4, 16: 2}

// calls hands out the calls one at a time, in time order: the days are drawn in order, and the
// calls of one day are put in order before they go out.
func (g *gen) calls(c calendar, emit func(domain.Call) error) error {
	r := g.rng(partCalls)
	n := g.sizes.Calls
	g.progress(StageCalls, 0, n)
	weights := make([]float64, len(c.days))
	for i, d := range c.days {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday && !c.holiday[d] {
			weights[i] = g.dayWeight(c, d, 0)
		}
	}
	days := pickDays(r, c.days, weights, n)
	friday := callHours
	friday[14], friday[15], friday[16] = 0, 0, 0
	stride := max(1, n/progressStrides)
	var day []domain.Call // the calls of one day
	id := int64(0)
	flush := func() error {
		slices.SortStableFunc(day, func(a, b domain.Call) int { return a.At.Compare(b.At) })
		for _, call := range day {
			id++
			call.ID = id
			if err := emit(call); err != nil {
				return err
			}
		}
		day = day[:0]
		return nil
	}
	for i, di := range days {
		if i%stride == 0 {
			g.progress(StageCalls, i, n)
		}
		if i > 0 && di != days[i-1] {
			if err := flush(); err != nil {
				return err
			}
		}
		d := c.days[di]
		hw := callHours[:]
		if d.Weekday() == time.Friday {
			hw = friday[:]
		}
		h := weighted(r, hw)
		minute := h*60 + r.IntN(60)
		if h == 7 {
			minute = 7*60 + 30 + r.IntN(30)
		} else if h == 16 {
			minute = 16*60 + r.IntN(30)
		}
		at := berlin(d, minute).Add(time.Duration(r.IntN(60)) * time.Second)
		m := monthIndex(d)
		answered := 0.86 + 0.09*math.Min(1, float64(m)/math.Max(1, float64(g.sizes.Months-1)))
		if d.Weekday() == time.Monday && h < 10 {
			answered -= 0.1
		}
		if d.Month() == time.September {
			answered -= 0.05
		}
		call := domain.Call{At: at, Answered: r.Float64() < answered, WaitSeconds: int(r.ExpFloat64() * 35)}
		if call.Answered {
			call.TalkSeconds = min(3600, 60+int(r.ExpFloat64()*240))
		} else {
			call.WaitSeconds += 45 + r.IntN(180)
		}
		day = append(day, call)
	}
	if err := flush(); err != nil {
		return err
	}
	g.progress(StageCalls, n, n)
	return nil
}

var surveyQuestions = []string{"Q1", "QMATRIX[SQ001]", "QMATRIX[SQ002]"}

// survey hands out the answers one at a time, in time order: the waves come in order, and the
// answers of one wave are put in order before they go out.
func (g *gen) survey(emit func(domain.SurveyAnswer) error) error {
	r := g.rng(partSurvey)
	p := g.p
	n := g.sizes.Answers
	g.progress(StageSurvey, 0, n)
	var waves []domain.Date
	end := g.operationEnd()
	for y := operationStart.Year(); y <= end.Year(); y++ {
		for _, m := range []time.Month{time.March, time.October} {
			d := domain.NewDate(y, m, 1)
			if !d.Before(operationStart.Time) && d.Before(end.Time) {
				waves = append(waves, d)
			}
		}
	}
	if len(waves) == 0 {
		waves = append(waves, domain.Date{Time: operationStart.AddDate(0, max(0, g.sizes.Months-1), 0)})
	}
	schoolW := make([]float64, len(g.schools))
	for i, s := range g.schools {
		schoolW[i] = s.size
	}
	done := 0
	var wave []domain.SurveyAnswer
	for w, start := range waves {
		quota := n * (w + 1) / len(waves)
		mean := 3.3 + 0.8*float64(w)/math.Max(1, float64(len(waves)-1))
		for wave = wave[:0]; done+len(wave) < quota; {
			s := g.schools[weighted(r, schoolW)]
			day := domain.Date{Time: start.AddDate(0, 0, r.IntN(14))}
			for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
				day = domain.Date{Time: day.AddDate(0, 0, 1)}
			}
			at := berlin(day, 8*60+r.IntN(9*60)).Add(time.Duration(r.IntN(60)) * time.Second)
			for _, q := range surveyQuestions {
				if done+len(wave) >= quota {
					break
				}
				score := int(math.Round(mean + 0.9*r.NormFloat64()))
				wave = append(wave, domain.SurveyAnswer{At: at, Question: q, Score: min(5, max(1, score)), School: s.name})
			}
		}
		// In time order with ids to match, as the file gives them back (a wave's two weeks
		// lie after the last wave's).
		slices.SortStableFunc(wave, func(a, b domain.SurveyAnswer) int { return a.At.Compare(b.At) })
		for _, a := range wave {
			done++
			a.ID = int64(done)
			if err := emit(a); err != nil {
				return err
			}
		}
	}
	p.Config[domain.ConfigSurveyMapping] = domain.ConfigJSON(domain.SurveyMapping{Questions: surveyQuestions, School: "SCHULE"})
	g.progress(StageSurvey, n, n)
	return nil
}

// measureTexts are what a Jour fixe agrees on.
var measureTexts = []string{
	"Hotline montags von 7:30 bis 10:00 Uhr mit einer zweiten Person besetzen",
	"Austauschplan für die Access Points der {S} vorlegen",
	"Medienbeauftragte der Region {R} in das Störungsformular einweisen",
	"Ursachen der wiederkehrenden Druckerstörungen an der {S} klären",
	"Offene P2-Tickets älter als fünf Tage einzeln durchgehen",
	"Vertretung im Service Desk während der Ferien regeln",
	"Lesezugang zur Wissensdatenbank für die IT-Koordination einrichten",
	"Kategorien im Ticketsystem für Tablets vereinheitlichen",
	"Rückmeldung an die meldende Person nach jedem Vor-Ort-Einsatz einführen",
	"Bandbreite der {S} messen und dem Anbieter melden",
	"Servicezeiten in den Sommerferien mit den Schulen abstimmen",
	"Monatsbericht um die Lösungszeiten je Region ergänzen",
}

// monthRows hands over at least the rows a computation names (kpi.NeedsOf), as kpi.Source does.
type monthRows interface {
	KPIData(n kpi.Needs, horizon time.Time) (kpi.Data, error)
}

// minutes writes the Jour fixes, measures and knowledge checks, with the KPIs of each month
// from the rows src hands over, asked for month by month.
func (g *gen) minutes(src monthRows) error {
	r := g.rng(partMinutes)
	p := g.p
	months := g.sizes.Months
	g.progress(StageJourFixes, 0, months)
	participants := fmt.Sprintf("%s (IT-Koordination), %s (Fachdienst Schulen), %s (Serviceverantwortliche:r, %s)",
		g.people[0], g.people[2], g.people[20], p.Contract.Provider)
	owners := []string{g.people[0].String(), g.people[5].String(), g.people[20].String(), g.people[22].String()}
	nextMeasure := int64(idMeasures + 1)
	for m := 0; m < months; m++ {
		month := domain.Date{Time: operationStart.AddDate(0, m, 0)}
		next := domain.Date{Time: month.AddDate(0, 1, 0)}
		// The second Tuesday of the next month.
		day := next
		for day.Weekday() != time.Tuesday {
			day = domain.Date{Time: day.AddDate(0, 0, 1)}
		}
		day = domain.Date{Time: day.AddDate(0, 0, 7)}
		period := kpi.MonthPeriod(month)
		asOf := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, domain.Berlin)
		// With the moment given, the tickets' horizon is not needed (kpi.Compute leaves it out).
		d, err := src.KPIData(kpi.NeedsOf(period, asOf), time.Time{})
		if err != nil {
			return err
		}
		rep, err := kpi.ComputeData(p, d, period, kpi.Options{AsOf: asOf})
		if err != nil {
			panic("demo: KPIs of " + period.String() + ": " + err.Error()) // the period is valid by construction
		}
		carried := domain.OpenMeasuresBefore(p, day)
		jf := domain.JourFixe{ID: int64(idJourFixes + 1 + m), Date: day, Participants: domain.MatchAttendees(participants, p.Persons),
			Notes: g.minuteNotes(rep, month), FrozenKPIs: rep.Freeze(kpi.FreezeMeasures(p, carried))}
		p.JourFixes = append(p.JourFixes, jf)
		// Measures of earlier meetings are done by now, except the most recent ones.
		for i := range p.Measures {
			ms := &p.Measures[i]
			if ms.Status != domain.MeasureDone && ms.Due != nil && ms.Due.Before(day.Time) && r.IntN(10) > 0 {
				ms.Status = domain.MeasureDone
			}
		}
		for k, count := 0, 1+r.IntN(3); k < count; k++ {
			text := measureTexts[r.IntN(len(measureTexts))]
			s := g.schools[r.IntN(len(g.schools))]
			text = strings.NewReplacer("{S}", s.name, "{R}", s.region).Replace(text)
			due := domain.Date{Time: day.AddDate(0, 0, 14+7*r.IntN(5))}
			status := domain.MeasureOpen
			if r.IntN(3) == 0 {
				status = domain.MeasureInProgress
			}
			p.Measures = append(p.Measures, domain.Measure{ID: nextMeasure, JourFixeID: int64Ptr(jf.ID), Text: text,
				Owners: domain.MatchAttendees(owners[r.IntN(len(owners))], p.Persons), Due: &due, Status: status})
			nextMeasure++
		}
		g.progress(StageJourFixes, m+1, months)
	}
	// Reviews of the provider's knowledge management, once a year per subject.
	next := int64(idChecks + 1)
	findings := []string{
		"Abläufe vollständig beschrieben; Vertretungsregeln ergänzt.",
		"Protokolle liegen vollständig vor und sind abgelegt.",
		"Artikel zu WLAN und Druckern aktuell, zu Tablets teilweise veraltet.",
	}
	for y := operationStart.Year(); y < g.operationEnd().Year() || y == operationStart.Year(); y++ {
		for i, subject := range domain.SuggestedKnowledgeSubjects {
			day := domain.NewDate(y, 6, 10+7*i)
			if !day.Before(g.operationEnd().Time) {
				day = domain.Date{Time: g.operationEnd().AddDate(0, 0, -20+7*i)}
			}
			p.KnowledgeChecks = append(p.KnowledgeChecks, domain.KnowledgeCheck{ID: next, Subject: subject, ReviewedOn: &day,
				ReviewedBy: g.people[0].String(), Findings: findings[i]})
			next++
		}
	}
	return nil
}

// minuteNotes writes the minutes' notes from the month's figures.
func (g *gen) minuteNotes(rep *kpi.Report, month domain.Date) string {
	name := monthNames[month.Month()-1] + " " + strconv.Itoa(month.Year())
	resp, _ := rep.Indicator("kpi.response_share")
	rest, _ := rep.Indicator("kpi.restore_share")
	calls, _ := rep.Indicator("kpi.answered_share")
	s := fmt.Sprintf("Kennzahlen %s: %d Tickets, Reaktion %s im Ziel, Lösung %s im Ziel, Anrufe %s angenommen.",
		name, rep.Tickets.Total.Tickets, pct(resp), pct(rest), pct(calls))
	switch {
	case resp.HasValue && resp.Target != nil && resp.Value < *resp.Target:
		s += " Reaktionszeiten unter dem Ziel; der Dienstleister erläutert die Ursachen und legt Maßnahmen vor."
	case month.Month() == time.September || month.Month() == time.August:
		s += " Viele Meldungen zum Schuljahresbeginn, vor allem Konten und WLAN."
	default:
		s += " Betrieb ohne besondere Vorkommnisse."
	}
	return s
}

func pct(in kpi.Indicator) string {
	if !in.HasValue {
		return "–"
	}
	return strings.Replace(strconv.FormatFloat(in.Value, 'f', 1, 64), ".", ",", 1) + " %"
}

var monthNames = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
