package kpi

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// TimeStats are the response or restoration times of a group of tickets.
type TimeStats struct {
	// Measured counts the tickets rated against a target: those with a time and those still
	// waiting that have already passed their deadline (they count as breaches).
	Measured int `json:"measured"`
	Within   int `json:"within"`
	Breaches int `json:"breaches"`
	// SharePct is Within / Measured in per cent (0 without any measured ticket).
	SharePct float64 `json:"sharePct"`
	// Times counts the tickets with a known time; Median and P90 are over those, in minutes
	// of service time (or calendar time for classes that say so).
	Times     int     `json:"times"`
	MedianMin float64 `json:"medianMin"`
	P90Min    float64 `json:"p90Min"`
	// NotMeasured counts the tickets whose import had no column for this time (first response):
	// they are neither within nor breaches, and no other time stands in for theirs.
	NotMeasured int `json:"notMeasured,omitempty"`

	minutes []float64
}

func (s TimeStats) share() measured { return share(s.Within, s.Measured) }

// Group is the ticket figures of one priority, package, category or school.
type Group struct {
	Key string `json:"key"`
	// ID is the package id for package groups (0 = tickets without a package).
	ID       int64     `json:"id,omitempty"`
	Tickets  int       `json:"tickets"`
	Resolved int       `json:"resolved"`
	Open     int       `json:"open"`
	Response TimeStats `json:"response"`
	Restore  TimeStats `json:"restore"`
	// Breaches counts tickets with at least one breach (response or restoration).
	Breaches int `json:"breaches"`
}

// Breach is one ticket that missed (or, still open, has already missed) a target.
type Breach struct {
	TicketID   int64     `json:"ticketId"`
	ExternalID string    `json:"externalId"`
	Created    time.Time `json:"created"`
	Priority   string    `json:"priority"`
	Category   string    `json:"category"`
	School     string    `json:"school"`
	PackageID  *int64    `json:"packageId,omitempty"`
	// Kind is "response" or "restore".
	Kind       string    `json:"kind"`
	ElapsedMin float64   `json:"elapsedMin"`
	TargetMin  int       `json:"targetMin"`
	Deadline   time.Time `json:"deadline"`
	// Open: the ticket has no response (resolution) yet; the breach is measured up to AsOf.
	Open bool `json:"open"`
}

// Breach kinds.
const (
	KindResponse = "response"
	KindRestore  = "restore"
)

// TicketKPIs are the ticket figures of a period.
type TicketKPIs struct {
	Total      Group   `json:"total"`
	ByPriority []Group `json:"byPriority"`
	ByPackage  []Group `json:"byPackage"`
	ByCategory []Group `json:"byCategory"`
	BySchool   []Group `json:"bySchool"`
	// Unclassified counts tickets whose priority is no class of their SLA.
	Unclassified int `json:"unclassified"`
	// Months of the period ("YYYY-MM"); Volume[c][m] counts the tickets of Categories[c]
	// created in Months[m]; MonthTotals sums each month.
	Months      []string `json:"months"`
	Categories  []string `json:"categories"`
	Volume      [][]int  `json:"volume"`
	MonthTotals []int    `json:"monthTotals"`
	// BacklogEnd is the number of tickets open at the end of the period (or at AsOf, if
	// earlier); BacklogByMonth the same at the end of each month.
	BacklogEnd     int      `json:"backlogEnd"`
	BacklogByMonth []int    `json:"backlogByMonth"`
	Breaches       []Breach `json:"breaches"`
}

// group returns the group with key from list, or an empty one.
func (TicketKPIs) group(list []Group, key string) Group {
	for _, g := range list {
		if strings.EqualFold(g.Key, key) {
			return g
		}
	}
	return Group{Key: key}
}

// TimesByPriority returns the measured minutes of each priority class (response or restore),
// sorted, for the distribution chart.
func (t TicketKPIs) TimesByPriority(kind string) map[string][]float64 {
	out := map[string][]float64{}
	for _, g := range t.ByPriority {
		if kind == KindResponse {
			out[g.Key] = g.Response.minutes
		} else {
			out[g.Key] = g.Restore.minutes
		}
	}
	return out
}

// slaEnv is an SLA with its clock and day index.
type slaEnv struct {
	classes map[string]domain.PriorityClassTarget
	index   *serviceIndex
	// internal: the level is an OLA (the own staff's promise), not the provider's SLA.
	internal bool
}

// ticketEnv holds what every period's measurement shares.
type ticketEnv struct {
	p          *domain.Project
	tickets    []domain.Ticket
	asOf       time.Time
	first      domain.Date
	last       domain.Date
	years      []int
	slas       map[int64]*slaEnv // by SLA id
	slaOf      map[int64]*slaEnv // package id → its SLA in force
	general    *slaEnv           // the SLA in force for tickets without a package
	classOrder []string
	pkgName    map[int64]string
	pkgOrder   map[int64]int
	// scope limits the tickets measured to those of the provider's SLAs or of the OLAs.
	scope string
}

func newTicketEnv(p *domain.Project, tickets []domain.Ticket, asOf, from, to time.Time) *ticketEnv {
	e := &ticketEnv{p: p, tickets: tickets, asOf: asOf, slas: map[int64]*slaEnv{}, slaOf: map[int64]*slaEnv{},
		classOrder: p.ClassCodes(), pkgName: map[int64]string{}, pkgOrder: map[int64]int{}}
	for i, pk := range p.Packages {
		e.pkgName[pk.ID] = pk.Name
		e.pkgOrder[pk.ID] = i
	}
	// The day range the index must cover: every ticket created in the two periods, up to the
	// latest time any of them reaches.
	lo, hi := from, asOf
	if to.After(hi) {
		hi = to
	}
	for i := range tickets {
		t := &tickets[i]
		if t.Created.Before(from) || !t.Created.Before(to) {
			continue
		}
		if t.FirstResponse != nil && t.FirstResponse.After(hi) {
			hi = *t.FirstResponse
		}
		if t.Resolved != nil && t.Resolved.After(hi) {
			hi = *t.Resolved
		}
	}
	e.first, e.last = addDays(DayOf(lo), -1), addDays(DayOf(hi), 1)
	for y := e.first.Year(); y <= e.last.Year(); y++ {
		e.years = append(e.years, y)
	}
	// Every SLA in force is prepared now, so that periods can be measured side by side.
	e.general = e.build(domain.SLAInForce(p, nil))
	for _, pk := range p.Packages {
		id := pk.ID
		if se := e.build(domain.LevelInForce(p, &id)); se != nil {
			e.slaOf[id] = se
		}
	}
	return e
}

func (e *ticketEnv) build(sla *domain.SLA) *slaEnv {
	if sla == nil {
		return nil
	}
	if se, ok := e.slas[sla.ID]; ok {
		return se
	}
	clock := domain.NewSLAClock(*sla, e.p.Meta.Bundesland, e.p.SchoolHolidays, e.years...)
	se := &slaEnv{classes: map[string]domain.PriorityClassTarget{}, index: newServiceIndex(clock, *sla, e.first, e.last), internal: sla.Internal}
	for _, c := range sla.Classes {
		se.classes[classKey(c.Code)] = c
	}
	e.slas[sla.ID] = se
	return se
}

// env returns the SLA environment of a ticket's package; nil without SLA.
func (e *ticketEnv) env(pkg *int64) *slaEnv {
	if pkg != nil {
		if se, ok := e.slaOf[*pkg]; ok {
			return se
		}
	}
	return e.general
}

// inScope reports whether a ticket belongs to the scope measured: with ScopeOLA the tickets
// measured against an OLA, with ScopeProvider all others; every ticket without a scope.
func (e *ticketEnv) inScope(t *domain.Ticket) bool {
	if e.scope == ScopeAll {
		return true
	}
	se := e.env(t.PackageID)
	ola := se != nil && se.internal
	return ola == (e.scope == ScopeOLA)
}

func classKey(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// elapsed measures start→end for a class: calendar time or service time.
func (se *slaEnv) elapsed(c domain.PriorityClassTarget, start, end time.Time) time.Duration {
	if c.CalendarTime {
		if !end.After(start) {
			return 0
		}
		return end.Sub(start)
	}
	return se.index.elapsed(start, end)
}

// groupSet collects groups by key.
type groupSet struct {
	byKey map[string]*Group
}

func newGroupSet() *groupSet { return &groupSet{byKey: map[string]*Group{}} }

// package_ is the group of a package, kept apart by id (two packages may share a name).
func (s *groupSet) package_(id *int64, name string) *Group {
	var pid int64
	if id != nil {
		pid = *id
	}
	k := strconv.FormatInt(pid, 10)
	g, ok := s.byKey[k]
	if !ok {
		g = &Group{Key: name, ID: pid}
		s.byKey[k] = g
	}
	return g
}

func (s *groupSet) get(key string) *Group {
	g, ok := s.byKey[key]
	if !ok {
		g = &Group{Key: key}
		s.byKey[key] = g
	}
	return g
}

// outcome is one ticket's measurement, applied to every group it belongs to.
type outcome struct {
	open, resolved bool
	classified     bool
	class          string // the class code as the SLA spells it
	resp, rest     result
	// respNotMeasured: the ticket's import had no first-response column.
	respNotMeasured bool
}

type result struct {
	rated    bool // counts towards the share
	within   bool
	hasTime  bool
	minutes  float64
	breached bool
}

func (g *Group) add(o *outcome) {
	g.Tickets++
	if o.open {
		g.Open++
	}
	if o.resolved {
		g.Resolved++
	}
	g.Response.add(o.resp)
	if o.respNotMeasured {
		g.Response.NotMeasured++
	}
	g.Restore.add(o.rest)
	if o.resp.breached || o.rest.breached {
		g.Breaches++
	}
}

func (s *TimeStats) add(r result) {
	if r.rated {
		s.Measured++
		if r.within {
			s.Within++
		}
	}
	if r.breached {
		s.Breaches++
	}
	if r.hasTime {
		s.minutes = append(s.minutes, r.minutes)
	}
}

// finish sorts the times and derives share, median and P90.
func (s *TimeStats) finish() {
	if s.Measured > 0 {
		s.SharePct = round(float64(s.Within) / float64(s.Measured) * 100)
	}
	sort.Float64s(s.minutes)
	s.Times = len(s.minutes)
	s.MedianMin = round(Percentile(s.minutes, 50))
	s.P90Min = round(Percentile(s.minutes, 90))
}

// Percentile is Excel's PERCENTILE.INC (also MEDIAN for q = 50, and R's type 7) of sorted
// values: the value at rank h = (n−1)·q/100, counted from 0, interpolated linearly between the
// two values around it. So the median of 10, 20, 30, 40 is 25 and P90 of 1 … 10 is 9.1.
// 0 for no values.
func Percentile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	h := (float64(n) - 1) * math.Min(math.Max(q, 0), 100) / 100
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// compute measures the tickets created in a period.
func (e *ticketEnv) compute(period Period) TicketKPIs {
	start, end := period.Start(), period.End()
	prio, pkg, cat, school := newGroupSet(), newGroupSet(), newGroupSet(), newGroupSet()
	out := TicketKPIs{Months: period.Months(), Breaches: []Breach{}}
	monthIdx := map[string]int{}
	for i, m := range out.Months {
		monthIdx[m] = i
	}
	volume := map[string][]int{}
	total := &out.Total
	for i := range e.tickets {
		t := &e.tickets[i]
		if t.Created.Before(start) || !t.Created.Before(end) || t.Created.After(e.asOf) || !e.inScope(t) {
			continue
		}
		o := e.measure(t, &out)
		if !o.classified {
			out.Unclassified++
		}
		total.add(&o)
		key := t.Priority
		if o.classified {
			key = o.class
		}
		prio.get(key).add(&o)
		pkg.package_(t.PackageID, e.packageKey(t.PackageID)).add(&o)
		cat.get(t.Category).add(&o)
		school.get(t.School).add(&o)
		v := volume[t.Category]
		if v == nil {
			v = make([]int, len(out.Months))
			volume[t.Category] = v
		}
		if mi, ok := monthIdx[monthKey(t.Created)]; ok {
			v[mi]++
		}
	}
	total.Response.finish()
	total.Restore.finish()
	out.ByPriority = e.sortedPriorities(prio)
	out.ByPackage = e.sortedPackages(pkg)
	out.ByCategory = sortedBy(cat, func(a, b *Group) bool {
		if a.Tickets != b.Tickets {
			return a.Tickets > b.Tickets
		}
		return a.Key < b.Key
	})
	out.BySchool = sortedBy(school, func(a, b *Group) bool { return a.Key < b.Key })
	for _, g := range out.ByCategory {
		out.Categories = append(out.Categories, g.Key)
		out.Volume = append(out.Volume, volume[g.Key])
	}
	out.MonthTotals = make([]int, len(out.Months))
	for _, v := range out.Volume {
		for m, n := range v {
			out.MonthTotals[m] += n
		}
	}
	out.BacklogEnd, out.BacklogByMonth = e.backlog(period)
	// Tickets usually come in creation order, and so do their breaches; sort only when not.
	if !slices.IsSortedFunc(out.Breaches, compareBreaches) {
		slices.SortFunc(out.Breaches, compareBreaches)
	}
	return out
}

func compareBreaches(x, y Breach) int {
	if c := x.Created.Compare(y.Created); c != 0 {
		return c
	}
	if x.TicketID != y.TicketID {
		return cmp.Compare(x.TicketID, y.TicketID)
	}
	return cmp.Compare(kindRank(x.Kind), kindRank(y.Kind))
}

func kindRank(k string) int {
	if k == KindResponse {
		return 0
	}
	return 1
}

func monthKey(t time.Time) string { return DayOf(t).Format("2006-01") }

func (e *ticketEnv) packageKey(id *int64) string {
	if id == nil {
		return ""
	}
	if n, ok := e.pkgName[*id]; ok {
		return n
	}
	return ""
}

// measure rates one ticket against its class targets and notes its breaches.
func (e *ticketEnv) measure(t *domain.Ticket, out *TicketKPIs) outcome {
	o := outcome{}
	resolved := t.Resolved
	if resolved != nil && resolved.After(e.asOf) {
		resolved = nil
	}
	o.open = resolved == nil
	o.resolved = !o.open
	o.respNotMeasured = t.ResponseNotMeasured
	responded := t.FirstResponse
	if responded == nil {
		// The file has a first-response column and its cell is empty: a ticket solved at once
		// was answered by its solution. (Without such a column nothing is measured, below.)
		responded = resolved
	}
	if responded != nil && responded.After(e.asOf) {
		responded = nil
	}
	se := e.env(t.PackageID)
	if se == nil {
		return o
	}
	class, ok := se.classes[classKey(t.Priority)]
	if !ok {
		return o
	}
	o.classified = true
	o.class = class.Code
	if !t.ResponseNotMeasured {
		o.resp = e.rate(se, class, t, responded, class.ResponseMinutes, KindResponse, out)
	}
	o.rest = e.rate(se, class, t, resolved, class.RestoreMinutes, KindRestore, out)
	return o
}

// rate measures one target: done (a time) or still waiting (a breach once past the deadline).
func (e *ticketEnv) rate(se *slaEnv, c domain.PriorityClassTarget, t *domain.Ticket, done *time.Time, target int, kind string, out *TicketKPIs) result {
	var r result
	limit := time.Duration(target) * time.Minute
	if done != nil {
		d := se.elapsed(c, t.Created, *done)
		r.hasTime = true
		r.minutes = d.Minutes()
		if target > 0 {
			r.rated = true
			r.within = d <= limit
			r.breached = !r.within
		}
	} else if target > 0 {
		if d := se.elapsed(c, t.Created, e.asOf); d > limit {
			r.rated, r.breached = true, true
			r.minutes = d.Minutes()
		}
	}
	if r.breached {
		b := Breach{TicketID: t.ID, ExternalID: t.ExternalID, Created: t.Created, Priority: t.Priority, Category: t.Category,
			School: t.School, PackageID: t.PackageID, Kind: kind, ElapsedMin: round(r.minutes), TargetMin: target, Open: done == nil}
		if c.CalendarTime {
			b.Deadline = t.Created.Add(limit).UTC()
		} else if dl, ok := se.index.deadline(t.Created, limit); ok {
			b.Deadline = dl.UTC()
		}
		out.Breaches = append(out.Breaches, b)
	}
	return r
}

// backlog counts the tickets open at the end of the period and of each of its months.
func (e *ticketEnv) backlog(period Period) (int, []int) {
	months := period.Months()
	ends := make([]time.Time, len(months))
	for i := range months {
		var y, m int
		y, m = yearMonth(months[i])
		end := time.Date(y, time.Month(m)+1, 1, 0, 0, 0, 0, domain.Berlin)
		if end.After(period.End()) {
			end = period.End()
		}
		ends[i] = e.cap(end)
	}
	byMonth := make([]int, len(months))
	final := e.cap(period.End())
	atEnd := 0
	finalU := final.Unix()
	endsU := make([]int64, len(ends))
	for k, m := range ends {
		endsU[k] = m.Unix()
	}
	for i := range e.tickets {
		t := &e.tickets[i]
		c := t.Created.Unix()
		if c >= finalU || !e.inScope(t) {
			continue
		}
		r := int64(math.MaxInt64)
		if t.Resolved != nil {
			r = t.Resolved.Unix()
		}
		if r < endsU[0] && r < finalU {
			continue // solved before the first month ended
		}
		if r >= finalU {
			atEnd++
		}
		for k, m := range endsU {
			if c < m && r >= m {
				byMonth[k]++
			}
		}
	}
	return atEnd, byMonth
}

// cap limits a moment to just after AsOf: the data knows nothing later.
func (e *ticketEnv) cap(t time.Time) time.Time {
	if lim := e.asOf.Add(time.Second); t.After(lim) {
		return lim
	}
	return t
}

func yearMonth(s string) (int, int) {
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	return y, m
}

func (e *ticketEnv) sortedPriorities(s *groupSet) []Group {
	rank := map[string]int{}
	for i, c := range e.classOrder {
		rank[classKey(c)] = i + 1
	}
	return sortedBy(s, func(a, b *Group) bool {
		ra, rb := rank[classKey(a.Key)], rank[classKey(b.Key)]
		switch {
		case ra != 0 && rb != 0:
			return ra < rb
		case ra != 0:
			return true
		case rb != 0:
			return false
		}
		return a.Key < b.Key
	})
}

func (e *ticketEnv) sortedPackages(s *groupSet) []Group {
	return sortedBy(s, func(a, b *Group) bool {
		if (a.ID == 0) != (b.ID == 0) {
			return b.ID == 0
		}
		oa, ob := e.pkgOrder[a.ID], e.pkgOrder[b.ID]
		if oa != ob {
			return oa < ob
		}
		return a.Key < b.Key
	})
}

func sortedBy(s *groupSet, less func(a, b *Group) bool) []Group {
	list := make([]*Group, 0, len(s.byKey))
	for _, g := range s.byKey {
		g.Response.finish()
		g.Restore.finish()
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool { return less(list[i], list[j]) })
	out := make([]Group, len(list))
	for i, g := range list {
		out[i] = *g
	}
	return out
}
