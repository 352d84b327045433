package persistence_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/demo"
	"schulit-lotse/domain/kpi"
	musterstadt "schulit-lotse/internal/sample"
	"schulit-lotse/persistence"
)

// storeProjects are the sample and a generated project of 15 months with 12,000 tickets.
func storeProjects(t *testing.T) map[string]*domain.Project {
	t.Helper()
	sample, err := musterstadt.Project()
	if err != nil {
		t.Fatal(err)
	}
	gen := demo.GenerateSizes(demo.Sizes{Schools: 30, Tasks: 150, Packages: 10, Roles: 8, Activities: 16,
		Tickets: 12_000, Calls: 12_000, Answers: 600, Months: 15}, demo.Options{Seed: 7})
	return map[string]*domain.Project{"sample": sample, "generated": gen}
}

func createFile(t *testing.T, p *domain.Project) *persistence.File {
	t.Helper()
	f, err := persistence.Create(filepath.Join(t.TempDir(), "p.lotse"), p, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// periodsAround are the periods the comparison runs: every quarter from the first data to
// one after the last, the newest month, a span of ten days across a month's end, each whole
// calendar year, and the default quarter.
func periodsAround(full *domain.Project) []kpi.Period {
	first, last := full.Tickets[0].Created, kpi.Horizon(full)
	var out []kpi.Period
	for q := kpi.QuarterPeriod(kpi.DayOf(first)); !q.From.After(last.AddDate(0, 3, 0)); q = kpi.QuarterPeriod(domain.Date{Time: q.To.AddDate(0, 0, 1)}) {
		out = append(out, q)
	}
	lastDay := kpi.DayOf(last)
	out = append(out, kpi.MonthPeriod(lastDay),
		kpi.Period{From: domain.Date{Time: lastDay.AddDate(0, -1, -5)}, To: domain.Date{Time: lastDay.AddDate(0, -1, 4)}})
	for y := first.Year(); y <= last.Year(); y++ {
		out = append(out, kpi.YearPeriod(domain.NewDate(y, 6, 1)))
	}
	return append(out, kpi.DefaultPeriod(full, time.Time{}))
}

// The KPIs from the monitoring store (the plan without rows, and the rows of the period) are
// the KPIs of the in-memory engine over the whole project, field by field, for many periods,
// with open tickets measured to the tickets' horizon and to a moment before the period.
func TestKPIsFromTheStoreEqualTheEngine(t *testing.T) {
	for name, p := range storeProjects(t) {
		t.Run(name, func(t *testing.T) { compareStoreKPIs(t, p, 0) })
	}
}

// The same on the Landkreis of DESIGN.md (120 schools, 250,000 tickets, 400,000 calls, 5,000
// answers over three years), as lotse demo-data writes it, for its newest periods (every
// quarter of three years costs the engine a minute here).
func TestKPIsFromTheStoreEqualTheEngineOnTheLandkreis(t *testing.T) {
	sizes, _ := demo.SizesOf(demo.Landkreis)
	compareStoreKPIs(t, demo.GenerateSizes(sizes, demo.Options{Seed: demo.DefaultSeed}), 3)
}

// compareStoreKPIs stores p in a file and compares the KPIs of the store with those of the
// engine over the fully loaded project for the periods around its data (with quarters > 0,
// only the newest so many quarters besides the month, span, newest year and default).
func compareStoreKPIs(t *testing.T, p *domain.Project, quarters int) {
	t.Helper()
	f := createFile(t, p)
	full, err := f.Load()
	if err != nil {
		t.Fatal(err)
	}
	plan, o, err := f.LoadWithoutRows()
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Tickets)+len(plan.Calls)+len(plan.SurveyAnswers) != 0 {
		t.Fatal("the plan holds monitoring rows")
	}
	if o.Tickets != len(full.Tickets) || o.Calls != len(full.Calls) || o.Answers != len(full.SurveyAnswers) {
		t.Fatalf("counts %+v, want %d/%d/%d", o.MonitoringCounts, len(full.Tickets), len(full.Calls), len(full.SurveyAnswers))
	}
	if h, err := f.TicketHorizon(); err != nil || !h.Equal(kpi.TicketHorizon(full)) {
		t.Fatalf("TicketHorizon() = %v, %v; want %v", h, err, kpi.TicketHorizon(full))
	}
	if h, err := f.Horizon(); err != nil || !h.Equal(kpi.Horizon(full)) {
		t.Fatalf("Horizon() = %v, %v; want %v", h, err, kpi.Horizon(full))
	}
	if !o.TicketHorizon.Equal(kpi.TicketHorizon(full)) || !o.Horizon.Equal(kpi.Horizon(full)) {
		t.Fatalf("horizons %v/%v, want %v/%v", o.TicketHorizon, o.Horizon, kpi.TicketHorizon(full), kpi.Horizon(full))
	}
	if got, want := kpi.DefaultPeriodAt(o.Horizon, time.Time{}), kpi.DefaultPeriod(full, time.Time{}); got != want {
		t.Fatalf("default period %v, want %v", got, want)
	}
	periods := periodsAround(full)
	if quarters > 0 {
		periods = newestPeriods(periods, quarters)
	}
	for _, period := range periods {
		early := period.Previous().Start().AddDate(0, -2, 0) // open tickets measured before the period
		for _, opt := range []kpi.Options{{}, {AsOf: early}} {
			want, err := kpi.Compute(full, period, opt)
			if err != nil {
				t.Fatal(err)
			}
			asOf := kpi.AsOfFor(opt, o.TicketHorizon, period)
			d, err := f.KPIData(kpi.NeedsOf(period, asOf), o.TicketHorizon)
			if err != nil {
				t.Fatal(err)
			}
			got, err := kpi.ComputeData(plan, d, period, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, as of %v: the store's KPIs differ: %s", period, asOf, firstDifference(t, got, want))
			}
			viaSource, err := kpi.ComputeFrom(plan, f, period, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(viaSource, want) {
				t.Errorf("%s, as of %v: the file as kpi.Source differs: %s", period, asOf, firstDifference(t, viaSource, want))
			}
			if n := needed(full, kpi.NeedsOf(period, asOf)); len(d.Tickets) != n {
				t.Errorf("%s: %d tickets read, %d needed", period, len(d.Tickets), n)
			}
		}
	}
	t.Logf("%d periods compared over %d tickets, %d calls, %d answers", len(periods), len(full.Tickets), len(full.Calls), len(full.SurveyAnswers))
}

// The Mengengerüst counted in the store (grouped counts, no row loaded) is the one counted from
// the raw tickets and calls, on the sample and a generated project, for the twelve months before
// each month from the first data to two months after the last (windows that start before the
// data, hold all of them, and end after them).
func TestServiceVolumeFromTheStoreEqualsTheRows(t *testing.T) {
	for name, p := range storeProjects(t) {
		t.Run(name, func(t *testing.T) {
			f := createFile(t, p)
			full, err := f.Load()
			if err != nil {
				t.Fatal(err)
			}
			first, last := kpi.DayOf(full.Tickets[0].Created), kpi.DayOf(kpi.Horizon(full))
			months, filled := 0, 0
			for d := domain.NewDate(first.Year(), first.Month(), 14); !d.After(last.AddDate(0, 2, 0)); d = (domain.Date{Time: d.AddDate(0, 1, 0)}) {
				window := domain.VolumeWindow(d)
				got, err := f.ServiceVolume(window)
				if err != nil {
					t.Fatal(err)
				}
				want := domain.CountServiceVolume(full.Tickets, full.Calls, window)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("as of %s: store\n%+v\nrows\n%+v", d, got, want)
				}
				if len(got.Recorded().Months) > 0 {
					filled++
				}
				months++
			}
			if filled < 3 {
				t.Errorf("only %d of %d windows hold data", filled, months)
			}
		})
	}
}

// newestPeriods keeps of periodsAround's list the newest n quarters and the periods after the
// quarters except all but the newest year.
func newestPeriods(all []kpi.Period, n int) []kpi.Period {
	quarters := 0
	for quarters < len(all) && all[quarters] == kpi.QuarterPeriod(all[quarters].From) {
		quarters++
	}
	rest := all[quarters:]
	var out []kpi.Period
	out = append(out, all[max(0, quarters-n):quarters]...)
	for i, p := range rest {
		isYear := p == kpi.YearPeriod(p.From)
		if !isYear || i+1 == len(rest) || rest[i+1] != kpi.YearPeriod(rest[i+1].From) {
			out = append(out, p)
		}
	}
	return out
}

// needed counts the tickets a computation reads: created in the window, or before it and not
// resolved before OpenAt.
func needed(p *domain.Project, n kpi.Needs) int {
	c := 0
	for _, t := range p.Tickets {
		in := !t.Created.Before(n.From) && t.Created.Before(n.To)
		open := t.Created.Before(n.From) && (t.Resolved == nil || !t.Resolved.Before(n.OpenAt))
		if in || open {
			c++
		}
	}
	return c
}

// firstDifference names the first line in which the JSON of two reports differs (or says that
// only unexported figures differ).
func firstDifference(t *testing.T, got, want *kpi.Report) string {
	t.Helper()
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			return "line " + strings.TrimSpace(gl[i]) + " ≠ " + strings.TrimSpace(wl[i])
		}
	}
	if len(gl) != len(wl) {
		return "lengths differ"
	}
	return "in the previous period's figures or the time lists"
}
