package kpi

import (
	"math"
	"time"

	"schulit-lotse/domain"
)

// Light is the traffic light of a KPI against its target.
type Light string

const (
	LightNone  Light = "none" // no target or no data
	LightGreen Light = "green"
	LightAmber Light = "amber"
	LightRed   Light = "red"
)

// Change is how a KPI moved against the previous period.
type Change string

const (
	ChangeNone   Change = "none" // one of the two periods has no value
	ChangeSame   Change = "same"
	ChangeBetter Change = "better"
	ChangeWorse  Change = "worse"
	ChangeUp     Change = "up" // for figures without a better direction (volumes)
	ChangeDown   Change = "down"
)

// Units of indicators.
const (
	UnitCount   = ""
	UnitPercent = "%"
	UnitMinutes = "min"
	UnitSeconds = "s"
	UnitScore   = "score" // mean on the 1–5 scale
)

// Indicator is one KPI as a tile shows it: value, target, light and the previous period.
type Indicator struct {
	// Key is a translation key ("kpi.response_share"); Label is an extra part such as a class code.
	Key   string `json:"key"`
	Label string `json:"label,omitempty"`
	Unit  string `json:"unit,omitempty"`
	// HasValue is false when there is nothing to measure (no calls in the period, say).
	HasValue bool    `json:"hasValue"`
	Value    float64 `json:"value"`
	// Basis is how many tickets, calls or answers the value rests on.
	Basis  int      `json:"basis"`
	Target *float64 `json:"target,omitempty"`
	// Direction: +1 higher is better, −1 lower is better, 0 neither (a volume).
	Direction int      `json:"direction"`
	Light     Light    `json:"light"`
	Previous  *float64 `json:"previous,omitempty"`
	// Delta is Value − Previous (percentage points for shares), nil when one period has no
	// value; Change says whether that is better or worse (or, for volumes, more or fewer).
	Delta  *float64 `json:"delta,omitempty"`
	Change Change   `json:"change"`
	// NotMeasured: the data cannot give this figure (no first-response column in the ticket
	// export); the figure reads "nicht gemessen", never another time in its place.
	NotMeasured bool `json:"notMeasured,omitempty"`
}

// MethodVersion numbers the way the figures are computed; frozen Jour-fixe snapshots keep the
// number they were made with.
//
//	1: median and P90 by nearest rank (the lower middle value for an even count); a missing
//	   first response replaced by the resolution; open tickets measured to the newest time of
//	   any data (calls and answers included); a period without tickets compared as 0.
//	2: median and P90 as Excel's MEDIAN and PERCENTILE.INC; without a first-response column
//	   response is not measured (said per ticket import since schema version 5; before, the
//	   last import said it for all tickets); open tickets measured to the ticket export's
//	   newest time; a comparison period without data has no change.
const MethodVersion = 2

// Options of a computation.
type Options struct {
	// AsOf is the moment open tickets are measured to; zero means the tickets' horizon (the
	// newest time in the ticket export, never a call or survey answer), or the end of the
	// period without tickets, so results do not depend on when they are computed.
	AsOf time.Time
	// Settings of the traffic lights; nil means the project's saved settings.
	Settings *domain.KPISettings
	// Scope chooses the tickets: all (""), those measured against the provider's SLAs, or
	// those measured against an OLA (packages kept in the house).
	Scope string
}

// Scopes of a computation.
const (
	ScopeAll      = ""
	ScopeProvider = "provider"
	ScopeOLA      = "ola"
)

// ValidScope reports whether s names a scope.
func ValidScope(s string) bool { return s == ScopeAll || s == ScopeProvider || s == ScopeOLA }

// Targets are the figures the KPIs are compared with; 0 means "not agreed".
type Targets struct {
	CompliancePct         float64 `json:"compliancePct"`
	HotlineAnsweredPct    float64 `json:"hotlineAnsweredPct"`
	HotlineMaxWaitSeconds float64 `json:"hotlineMaxWaitSeconds"`
	SatisfactionPct       float64 `json:"satisfactionPct"`
}

// Report is every KPI of a period, with the previous period for comparison.
type Report struct {
	// Method is the MethodVersion of the figures.
	Method int `json:"method"`
	// Scope is the Options.Scope the figures were computed for.
	Scope        string             `json:"scope,omitempty"`
	Period       Period             `json:"period"`
	Previous     Period             `json:"previous"`
	AsOf         time.Time          `json:"asOf"`
	Settings     domain.KPISettings `json:"settings"`
	Targets      Targets            `json:"targets"`
	Tickets      TicketKPIs         `json:"tickets"`
	Hotline      HotlineKPIs        `json:"hotline"`
	Satisfaction SatisfactionKPIs   `json:"satisfaction"`
	// Indicators are the headline KPIs (the dashboard's tiles), ClassIndicators the shares
	// within target per priority class.
	Indicators      []Indicator `json:"indicators"`
	ClassIndicators []Indicator `json:"classIndicators"`
	// ResponseNotMeasured: none of the period's tickets came with a first-response column
	// (each import says so for its tickets), so the response figures are "nicht gemessen".
	// When only some did, Tickets.Total.Response.NotMeasured counts the others.
	ResponseNotMeasured bool `json:"responseNotMeasured,omitempty"`

	prevTickets      TicketKPIs
	prevHotline      HotlineKPIs
	prevSatisfaction SatisfactionKPIs
}

// PreviousTickets, PreviousHotline and PreviousSatisfaction are the figures of the period before.
// LightCounts counts the lights of the indicators and of the priority classes: the headline of
// the dashboard and the monitoring report.
func (r *Report) LightCounts() (green, amber, red int) {
	for _, list := range [][]Indicator{r.Indicators, r.ClassIndicators} {
		for _, in := range list {
			switch in.Light {
			case LightGreen:
				green++
			case LightAmber:
				amber++
			case LightRed:
				red++
			}
		}
	}
	return green, amber, red
}

func (r *Report) PreviousTickets() TicketKPIs            { return r.prevTickets }
func (r *Report) PreviousHotline() HotlineKPIs           { return r.prevHotline }
func (r *Report) PreviousSatisfaction() SatisfactionKPIs { return r.prevSatisfaction }

// Data is the monitoring data a computation reads: the project's own lists, or what a store
// hands over for a period (NeedsOf says which rows; more rows do no harm).
type Data struct {
	// Tickets in creation order (then id); Calls and Answers in any order.
	Tickets []domain.Ticket
	Calls   []domain.Call
	Answers []domain.SurveyAnswer
	// TicketHorizon is TicketHorizon over every ticket, not only those handed over (zero
	// without tickets).
	TicketHorizon time.Time
}

// Needs names the rows a computation of a period reads: the tickets created in [From, To),
// those created earlier that were not resolved before OpenAt (the backlog at the start), and
// the calls and answers of [From, To). From is the start of the previous period.
type Needs struct {
	From, To, OpenAt time.Time
}

// NeedsOf is what a computation of period with open tickets measured to asOf reads. A backlog
// is counted at month ends no later than just after asOf, so OpenAt reaches back to asOf when
// that lies before the previous period.
func NeedsOf(period Period, asOf time.Time) Needs {
	n := Needs{From: period.Previous().Start(), To: period.End()}
	n.OpenAt = n.From
	if lim := asOf.Add(time.Second); lim.Before(n.OpenAt) {
		n.OpenAt = lim
	}
	return n
}

// AsOfFor is the moment open tickets are measured to: opt.AsOf, else the tickets' horizon,
// else the end of the period.
func AsOfFor(opt Options, ticketHorizon time.Time, period Period) time.Time {
	switch {
	case !opt.AsOf.IsZero():
		return opt.AsOf
	case !ticketHorizon.IsZero():
		return ticketHorizon
	}
	return period.End()
}

// Compute measures the project's data for a period and the one before it.
func Compute(p *domain.Project, period Period, opt Options) (*Report, error) {
	d := Data{Tickets: p.Tickets, Calls: p.Calls, Answers: p.SurveyAnswers}
	if opt.AsOf.IsZero() {
		d.TicketHorizon = TicketHorizon(p)
	}
	return ComputeData(p, d, period, opt)
}

// ComputeData is Compute over data handed over apart from the project (whose own tickets,
// calls and answers are not read): the figures are the same as long as d holds what
// NeedsOf(period, asOf) names.
func ComputeData(p *domain.Project, d Data, period Period, opt Options) (*Report, error) {
	if !period.Valid() {
		return nil, ErrPeriod
	}
	settings := p.KPISettingsConfig()
	if opt.Settings != nil {
		settings = opt.Settings.WithDefaults()
	}
	asOf := AsOfFor(opt, d.TicketHorizon, period)
	prev := period.Previous()
	if !ValidScope(opt.Scope) {
		return nil, ErrScope
	}
	r := &Report{Method: MethodVersion, Scope: opt.Scope, Period: period, Previous: prev, AsOf: asOf.UTC(), Settings: settings, Targets: targetsOf(p, settings)}

	env := newTicketEnv(p, d.Tickets, asOf, prev.Start(), period.End())
	env.scope = opt.Scope
	done := make(chan struct{})
	go func() { // the two periods are independent: measure them side by side
		defer close(done)
		r.prevTickets = env.compute(prev)
	}()
	r.Tickets = env.compute(period)
	<-done
	// The hotline and the survey are the provider's: an OLA view has none.
	calls, answers := d.Calls, d.Answers
	if opt.Scope == ScopeOLA {
		calls, answers = nil, nil
	}
	maxWait := r.Targets.HotlineMaxWaitSeconds
	r.Hotline = computeHotline(calls, period, maxWait)
	r.prevHotline = computeHotline(calls, prev, maxWait)
	r.Satisfaction = computeSatisfaction(answers, period)
	sm := p.SurveyMappingConfig()
	for i := range r.Satisfaction.ByQuestion {
		q := &r.Satisfaction.ByQuestion[i]
		q.Label = sm.QuestionLabel(q.Key)
	}
	r.prevSatisfaction = computeSatisfaction(answers, prev)
	tot := r.Tickets.Total
	r.ResponseNotMeasured = tot.Tickets > 0 && tot.Response.NotMeasured == tot.Tickets
	r.buildIndicators(env.classOrder)
	return r, nil
}

func targetsOf(p *domain.Project, s domain.KPISettings) Targets {
	t := Targets{CompliancePct: s.CompliancePct}
	if sla := domain.SLAInForce(p, nil); sla != nil {
		t.HotlineAnsweredPct = sla.HotlineAnsweredPct
		t.HotlineMaxWaitSeconds = float64(sla.HotlineMaxWaitSeconds)
		t.SatisfactionPct = sla.SatisfactionTargetPct
	}
	return t
}

// LightFor rates a value against a target. A share (higher is better) is green at or above its
// target, amber up to AmberPoints percentage points below it, red further below. A time (lower is
// better) is green at or below its target, amber up to AmberPct per cent above it, red beyond.
func LightFor(value, target float64, direction int, s domain.KPISettings) Light {
	s = s.WithDefaults()
	const eps = 1e-9
	switch {
	case direction > 0:
		if value >= target-eps {
			return LightGreen
		}
		if value >= target-s.AmberPoints-eps {
			return LightAmber
		}
		return LightRed
	case direction < 0:
		if value <= target+eps {
			return LightGreen
		}
		if value <= target*(1+s.AmberPct/100)+eps {
			return LightAmber
		}
		return LightRed
	}
	return LightNone
}

func changeOf(value, prev float64, direction int) Change {
	d := value - prev
	if math.Abs(d) < 1e-9 {
		return ChangeSame
	}
	switch {
	case direction == 0 && d > 0:
		return ChangeUp
	case direction == 0:
		return ChangeDown
	case (d > 0) == (direction > 0):
		return ChangeBetter
	}
	return ChangeWorse
}

// indicator builds one KPI; target ≤ 0 means none.
func (r *Report) indicator(key, label, unit string, cur, prev measured, target float64, direction int) Indicator {
	in := Indicator{Key: key, Label: label, Unit: unit, HasValue: cur.ok, Value: round(cur.v), Basis: cur.n, Direction: direction, Light: LightNone, Change: ChangeNone}
	if target > 0 {
		t := target
		in.Target = &t
		if cur.ok {
			in.Light = LightFor(cur.v, target, direction, r.Settings)
		}
	}
	if prev.ok {
		v := round(prev.v)
		in.Previous = &v
		if cur.ok {
			d := round(in.Value - v)
			in.Delta = &d
			in.Change = changeOf(in.Value, v, direction)
		}
	}
	return in
}

// measured is a value with the number of items behind it; ok is false without any.
type measured struct {
	v  float64
	n  int
	ok bool
}

func share(part, whole int) measured {
	if whole == 0 {
		return measured{}
	}
	return measured{v: float64(part) / float64(whole) * 100, n: whole, ok: true}
}

func count(n int) measured { return measured{v: float64(n), n: n, ok: true} }

// ticketCount is a count of the ticket figures, with a value only when the period has any
// ticket data (created in it or still open at its end): a period without an export is "–",
// not 0.
func ticketCount(n int, t TicketKPIs) measured {
	if t.Total.Tickets == 0 && t.BacklogEnd == 0 {
		return measured{}
	}
	return count(n)
}

func round(v float64) float64 { return math.Round(v*100) / 100 }

func (r *Report) buildIndicators(classOrder []string) {
	cur, prev := &r.Tickets, &r.prevTickets
	comp := r.Targets.CompliancePct
	r.Indicators = []Indicator{
		r.indicator("kpi.tickets", "", UnitCount, ticketCount(cur.Total.Tickets, *cur), ticketCount(prev.Total.Tickets, *prev), 0, 0),
		r.indicator("kpi.response_share", "", UnitPercent, cur.Total.Response.share(), prev.Total.Response.share(), comp, +1),
		r.indicator("kpi.restore_share", "", UnitPercent, cur.Total.Restore.share(), prev.Total.Restore.share(), comp, +1),
		r.indicator("kpi.breaches", "", UnitCount, ticketCount(cur.Total.Breaches, *cur), ticketCount(prev.Total.Breaches, *prev), 0, -1),
		r.indicator("kpi.backlog", "", UnitCount, ticketCount(cur.BacklogEnd, *cur), ticketCount(prev.BacklogEnd, *prev), 0, -1),
		r.indicator("kpi.answered_share", "", UnitPercent, share(r.Hotline.Answered, r.Hotline.Calls),
			share(r.prevHotline.Answered, r.prevHotline.Calls), r.Targets.HotlineAnsweredPct, +1),
		r.indicator("kpi.asa", "", UnitSeconds, r.Hotline.asa(), r.prevHotline.asa(), r.Targets.HotlineMaxWaitSeconds, -1),
		r.indicator("kpi.csat", "", UnitPercent, share(r.Satisfaction.Satisfied, r.Satisfaction.Answers),
			share(r.prevSatisfaction.Satisfied, r.prevSatisfaction.Answers), r.Targets.SatisfactionPct, +1),
		r.indicator("kpi.satisfaction_mean", "", UnitScore, r.Satisfaction.mean(), r.prevSatisfaction.mean(), 0, +1),
	}
	r.ClassIndicators = nil
	defer r.markNotMeasured()
	for _, code := range classOrder {
		c, p := cur.group(cur.ByPriority, code), prev.group(prev.ByPriority, code)
		if c.Tickets == 0 && p.Tickets == 0 {
			continue
		}
		r.ClassIndicators = append(r.ClassIndicators,
			r.indicator("kpi.class_response_share", code, UnitPercent, c.Response.share(), p.Response.share(), comp, +1),
			r.indicator("kpi.class_restore_share", code, UnitPercent, c.Restore.share(), p.Restore.share(), comp, +1))
	}
}

// markNotMeasured flags the response figures when the data have no first responses.
func (r *Report) markNotMeasured() {
	if !r.ResponseNotMeasured {
		return
	}
	for _, list := range [][]Indicator{r.Indicators, r.ClassIndicators} {
		for i := range list {
			if k := list[i].Key; k == "kpi.response_share" || k == "kpi.class_response_share" {
				list[i] = Indicator{Key: k, Label: list[i].Label, Unit: list[i].Unit, Target: list[i].Target,
					Direction: list[i].Direction, Light: LightNone, Change: ChangeNone, NotMeasured: true}
			}
		}
	}
}

// Indicator returns the headline KPI with the key, and whether there is one.
func (r *Report) Indicator(key string) (Indicator, bool) {
	for _, in := range r.Indicators {
		if in.Key == key {
			return in, true
		}
	}
	return Indicator{}, false
}
