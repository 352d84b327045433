package domain

import (
	"cmp"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"time"
)

// Step 12 (Steuerung und Monitoring): imported tickets, calls and survey answers, the Jour-fixe
// minutes with their measures and the checks of the provider's knowledge management. The KPI
// engine lives in domain/kpi; this file holds the rules that need no figures.

// Measure states, as stored in Measure.Status.
const (
	MeasureOpen       = "open"
	MeasureInProgress = "in-progress"
	MeasureDone       = "done"
)

// MeasureStatuses lists the states in the order a select offers them.
var MeasureStatuses = []string{MeasureOpen, MeasureInProgress, MeasureDone}

// MeasureDoneStatus reports whether a stored status means the measure is finished. Older files
// and imports may hold the German word.
func MeasureDoneStatus(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case MeasureDone, "erledigt":
		return true
	}
	return false
}

// MeasureStatusKey is the status a stored one stands for: done (also the German word of older
// files), in progress, or else open.
func MeasureStatusKey(s string) string {
	switch {
	case MeasureDoneStatus(s):
		return MeasureDone
	case s == MeasureInProgress:
		return s
	}
	return MeasureOpen
}

// Rule violations of step 12.
const (
	ErrJourFixeDate      Error = "err.monitoring.jourfixe_date"
	ErrJourFixeSnapshot  Error = "err.monitoring.jourfixe_snapshot"
	ErrMeasureTextEmpty  Error = "err.monitoring.measure_text_empty"
	ErrMeasureStatus     Error = "err.monitoring.measure_status"
	ErrKnowledgeSubject  Error = "err.monitoring.knowledge_subject_empty"
	ErrKnowledgeInFuture Error = "err.monitoring.knowledge_in_future"
)

// Finding codes of step 12.
const (
	FindMeasureOverdue    = "find.monitoring.measure_overdue"
	FindMeasureNoOwner    = "find.monitoring.measure_no_owner"
	FindKnowledgeNever    = "find.monitoring.knowledge_never"
	FindKnowledgeStale    = "find.monitoring.knowledge_stale"
	FindKnowledgeMissing  = "find.monitoring.knowledge_missing"
	FindMonitoringNoSLA   = "find.monitoring.no_sla"
	FindTicketsNoSLAClass = "find.monitoring.tickets_without_class"
	FindNoJourFixe        = "find.monitoring.no_jourfixe"
)

// KnowledgeStaleAfter is how long a knowledge-management review stays current.
const KnowledgeStaleAfter = 12 // months

// SuggestedKnowledgeSubjects are the kinds of documentation a Schulträger reviews.
var SuggestedKnowledgeSubjects = []string{"Prozessdokumentation", "Protokolle der Jour fixes", "Wissensdatenbank"}

// TodayInBerlin is the calendar day of t in Berlin.
func TodayInBerlin(t time.Time) Date {
	l := t.In(Berlin)
	return NewDate(l.Year(), l.Month(), l.Day())
}

// ValidateJourFixe checks the minutes of a meeting.
func ValidateJourFixe(j JourFixe) error {
	if err := j.texts().check(); err != nil {
		return err
	}
	if j.Date.IsZero() {
		return ErrJourFixeDate
	}
	if j.FrozenKPIs != "" && !json.Valid([]byte(j.FrozenKPIs)) {
		return ErrJourFixeSnapshot
	}
	return ValidateAttendees(j.Participants)
}

// ValidateMeasure checks a measure: it needs a text and a known status.
func ValidateMeasure(m Measure) error {
	return cmp.Or(
		m.texts().check(),
		rule(strings.TrimSpace(m.Text) != "", ErrMeasureTextEmpty),
		rule(m.Status == "" || validMeasureStatus(m.Status), ErrMeasureStatus),
		ValidateAttendees(m.Owners),
	)
}

func validMeasureStatus(s string) bool {
	return slices.Contains(MeasureStatuses, s) || MeasureDoneStatus(s)
}

// ValidateKnowledgeCheck checks a review: it needs a subject; a review date may not lie in the
// future.
func ValidateKnowledgeCheck(k KnowledgeCheck, today Date) error {
	if strings.TrimSpace(k.Subject) == "" {
		return ErrKnowledgeSubject
	}
	if k.ReviewedOn != nil && !today.IsZero() && k.ReviewedOn.After(today.Time) {
		return ErrKnowledgeInFuture
	}
	return nil
}

// MeasureOverdue reports whether a measure is past its due date and not done.
func MeasureOverdue(m Measure, today Date) bool {
	return m.Due != nil && !MeasureDoneStatus(m.Status) && m.Due.Before(today.Time)
}

// OpenMeasuresBefore are the measures that carry over into a meeting on day: agreed in an
// earlier meeting (or without one) and not done yet, in due-date order (undated last).
func OpenMeasuresBefore(p *Project, day Date) []Measure {
	dates := map[int64]Date{}
	for _, j := range p.JourFixes {
		dates[j.ID] = j.Date
	}
	var out []Measure
	for _, m := range p.Measures {
		if MeasureDoneStatus(m.Status) {
			continue
		}
		if m.JourFixeID != nil {
			if d, ok := dates[*m.JourFixeID]; ok && !d.Before(day.Time) {
				continue
			}
		}
		out = append(out, m)
	}
	SortMeasures(out)
	return out
}

// SortMeasures orders measures by due date (undated last), then id.
func SortMeasures(ms []Measure) {
	SortByDue(ms, func(m Measure) (*Date, int64) { return m.Due, m.ID })
}

// SortByDue sorts items of any shape with a due date and an id (measures, milestones): by due
// date, those without one last, then by id.
func SortByDue[T any](ms []T, key func(T) (*Date, int64)) {
	sort.SliceStable(ms, func(a, b int) bool {
		da, ia := key(ms[a])
		db, ib := key(ms[b])
		switch {
		case da == nil && db == nil:
			return ia < ib
		case da == nil:
			return false
		case db == nil:
			return true
		case !da.Equal(db.Time):
			return da.Before(db.Time)
		}
		return ia < ib
	})
}

// JourFixeByID returns the minutes with the id, or nil.
func (p *Project) JourFixeByID(id int64) *JourFixe {
	return itemByID(p.JourFixes, id, func(j *JourFixe) int64 { return j.ID })
}

// SLAsInForce are the SLAs tickets are measured against: the copies frozen with the contract
// once there are any, else the working SLAs (see SLAInForce).
func SLAsInForce(p *Project) []SLA {
	if p.Contract.SLAID != nil {
		if frozen := FrozenSLAs(p); len(frozen) > 0 {
			return frozen
		}
	}
	return WorkingSLAs(p)
}

// ClassCodes are the priority class codes of the SLAs in force, in the order they first appear.
func (p *Project) ClassCodes() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range SLAsInForce(p) {
		for _, c := range s.Classes {
			k := strings.ToUpper(strings.TrimSpace(c.Code))
			if k != "" && !seen[k] {
				seen[k] = true
				out = append(out, c.Code)
			}
		}
	}
	return out
}

// MonitoringCounts are the sizes of the monitoring data and the one figure of its content the
// checks need.
type MonitoringCounts struct {
	Tickets, Calls, Answers int
	// TicketsWithoutClass counts the tickets whose priority is no class of the SLAs in force.
	TicketsWithoutClass int
}

// HasData reports whether any ticket, call or answer was imported.
func (c MonitoringCounts) HasData() bool { return c.Tickets > 0 || c.Calls > 0 || c.Answers > 0 }

// ClassKey is how a ticket's priority is compared with the class codes: trimmed, in capitals.
func ClassKey(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// Monitoring returns the counts of the monitoring data: Stored when the rows stayed in the
// file, else counted from the lists (TicketsWithoutClass is left to ticketsWithoutClass there).
func (p *Project) Monitoring() MonitoringCounts {
	if p.Stored != nil {
		return *p.Stored
	}
	return MonitoringCounts{Tickets: len(p.Tickets), Calls: len(p.Calls), Answers: len(p.SurveyAnswers)}
}

// ticketsWithoutClass counts the tickets whose priority is no class of the SLAs in force.
func (p *Project) ticketsWithoutClass() int {
	if p.Stored != nil {
		return p.Stored.TicketsWithoutClass
	}
	codes := map[string]bool{}
	for _, code := range p.ClassCodes() {
		codes[ClassKey(code)] = true
	}
	n := 0
	for _, t := range p.Tickets {
		if !codes[ClassKey(t.Priority)] {
			n++
		}
	}
	return n
}

// MonitoringFindings are the open questions of step 12.
func MonitoringFindings(p *Project, today Date) []Finding {
	var out []Finding
	add := func(sev Severity, code, subject string, id int64) {
		out = append(out, Finding{Step: StepMonitoring, Severity: sev, Code: code, Subject: subject, EntityID: id})
	}
	counts := p.Monitoring()
	hasData := counts.HasData()
	if hasData && len(p.SLAs) == 0 {
		add(SeverityQuestion, FindMonitoringNoSLA, "", 0)
	}
	if counts.Tickets > 0 && len(p.SLAs) > 0 {
		if n := p.ticketsWithoutClass(); n > 0 {
			add(SeverityWarning, FindTicketsNoSLAClass, itoa(n), 0)
		}
	}
	if hasData && len(p.JourFixes) == 0 {
		add(SeverityQuestion, FindNoJourFixe, "", 0)
	}
	ms := append([]Measure(nil), p.Measures...)
	SortMeasures(ms)
	for _, m := range ms {
		if MeasureOverdue(m, today) {
			add(SeverityQuestion, FindMeasureOverdue, m.Text, m.ID)
		} else if !MeasureDoneStatus(m.Status) && len(m.Owners) == 0 {
			add(SeverityQuestion, FindMeasureNoOwner, m.Text, m.ID)
		}
	}
	if (hasData || len(p.JourFixes) > 0) && len(p.KnowledgeChecks) == 0 {
		add(SeverityQuestion, FindKnowledgeMissing, "", 0)
	}
	stale := today.AddDate(0, -KnowledgeStaleAfter, 0)
	for _, k := range p.KnowledgeChecks {
		switch {
		case k.ReviewedOn == nil:
			add(SeverityQuestion, FindKnowledgeNever, k.Subject, k.ID)
		case k.ReviewedOn.Before(stale):
			add(SeverityQuestion, FindKnowledgeStale, k.Subject, k.ID)
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func monitoringFigures(p *Project, today Date) []Figure {
	open, overdue := 0, 0
	for _, m := range p.Measures {
		if MeasureDoneStatus(m.Status) {
			continue
		}
		open++
		if MeasureOverdue(m, today) {
			overdue++
		}
	}
	counts := p.Monitoring()
	figs := []Figure{
		{Key: "fig.monitoring.tickets", Value: float64(counts.Tickets)},
		{Key: "fig.monitoring.calls", Value: float64(counts.Calls)},
		{Key: "fig.monitoring.answers", Value: float64(counts.Answers)},
		{Key: "fig.monitoring.jourfixes", Value: float64(len(p.JourFixes))},
		{Key: "fig.monitoring.open_measures", Value: float64(open)},
		{Key: "fig.monitoring.overdue_measures", Value: float64(overdue)},
	}
	if last := lastJourFixe(p); last != nil {
		figs = append(figs, Figure{Key: "fig.monitoring.last_jourfixe", Text: last.Date.String()})
	}
	return figs
}

func lastJourFixe(p *Project) *JourFixe {
	var last *JourFixe
	for i := range p.JourFixes {
		if last == nil || p.JourFixes[i].Date.After(last.Date.Time) {
			last = &p.JourFixes[i]
		}
	}
	return last
}

func evaluateMonitoring(p *Project, today Date) (StepState, []Figure, []Finding) {
	f := MonitoringFindings(p, today)
	hasData := p.Monitoring().HasData()
	started := hasData || len(p.JourFixes) > 0 || len(p.Measures) > 0 || len(p.KnowledgeChecks) > 0
	complete := hasData && len(p.JourFixes) > 0 && len(p.KnowledgeChecks) > 0 && len(f) == 0
	return stateOf(started, complete), monitoringFigures(p, today), f
}
