// Package demo builds deterministic demonstration projects: a small one for trying the app and
// the "Landkreis" of DESIGN.md (120 schools, 1,500 tasks, 40 packages, 25 roles × 80 RACI
// activities, 250,000 tickets over three years, 400,000 calls, 5,000 survey answers) that the
// benchmarks measure against. The same seed gives the same project, value for value, so its
// JSON export is byte-identical from run to run.
//
// Every part of the project draws from its own random stream (PCG seeded with the seed and the
// part's number), so a change to one part does not shift the others.
package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"schulit-lotse/domain"
)

// Scale names a size of demonstration project.
type Scale string

const (
	Small     Scale = "small"
	Landkreis Scale = "landkreis"
)

// Scales lists the known scales.
var Scales = []Scale{Small, Landkreis}

// DefaultSeed is the seed `lotse demo-data` uses.
const DefaultSeed uint64 = 20260101

// Sizes are the counts a scale produces.
type Sizes struct {
	Schools    int
	Tasks      int
	Packages   int
	Roles      int
	Activities int
	Tickets    int
	Calls      int
	Answers    int
	// Months of operation: tickets, calls and answers cover them; one Jour fixe follows each.
	Months int
}

// SizesOf returns the counts of a scale; ok is false for an unknown scale.
func SizesOf(s Scale) (Sizes, bool) {
	switch s {
	case Small:
		return Sizes{Schools: 12, Tasks: 120, Packages: 8, Roles: 10, Activities: 20, Tickets: 400, Calls: 800, Answers: 150, Months: 6}, true
	case Landkreis:
		return Sizes{Schools: 120, Tasks: 1500, Packages: 40, Roles: 25, Activities: 80, Tickets: 250_000, Calls: 400_000, Answers: 5000, Months: 36}, true
	}
	return Sizes{}, false
}

// Stage names a part of the generation, for progress reports. Each value is a translation key.
type Stage string

const (
	StageInventory  Stage = "demo.stage.inventory"
	StagePlanning   Stage = "demo.stage.planning"
	StageAward      Stage = "demo.stage.award"
	StageStructure  Stage = "demo.stage.structure"
	StageTickets    Stage = "demo.stage.tickets"
	StageCalls      Stage = "demo.stage.calls"
	StageSurvey     Stage = "demo.stage.survey"
	StageJourFixes  Stage = "demo.stage.jourfixes"
	StageComplete   Stage = "demo.stage.complete"
	progressStrides       = 20 // reports per long stage
)

// Options of a generation.
type Options struct {
	Seed uint64
	// Progress, when set, is called at the start of each stage (done 0) and during the long
	// ones with the items done so far.
	Progress func(stage Stage, done, total int)
}

// ErrScale is returned for an unknown scale.
const ErrScale domain.Error = "err.demo.scale"

// Timeline of the demonstration: the inventory in spring 2022, the decision in summer, the
// tender in autumn, the contract from 1 January 2023, and operation for Sizes.Months months.
var (
	projectCreated = time.Date(2022, 3, 1, 8, 0, 0, 0, time.UTC)
	operationStart = domain.NewDate(2023, 1, 1)
)

// gen carries what the parts share while a project is built.
type gen struct {
	seed     uint64
	sizes    Sizes
	p        *domain.Project
	progress func(stage Stage, done, total int)

	schools []school
	people  []person
	// pkgByArea maps a package area key to the package's id.
	pkgByArea map[string]int64
	areas     []area
}

// Generate builds the demonstration project of the scale. It is pure: no clock, no files, no
// global state; the same scale and seed give the same project.
func Generate(s Scale, opt Options) (*domain.Project, error) {
	sizes, ok := SizesOf(s)
	if !ok {
		return nil, fmt.Errorf("%q: %w", s, ErrScale)
	}
	return GenerateSizes(sizes, opt), nil
}

// GenerateSizes builds a project with the given counts (a scale's or a test's own), every row
// in memory.
func GenerateSizes(sizes Sizes, opt Options) *domain.Project {
	b := Begin(sizes, opt)
	p := b.Project()
	p.Tickets = make([]domain.Ticket, 0, sizes.Tickets)
	p.Calls = make([]domain.Call, 0, sizes.Calls)
	p.SurveyAnswers = make([]domain.SurveyAnswer, 0, sizes.Answers)
	if err := b.Rows(intoProject{p}); err != nil {
		panic("demo: " + err.Error()) // appending cannot fail
	}
	return p
}

// RowWriter takes the monitoring rows of a project being generated, one at a time.
type RowWriter interface {
	Ticket(domain.Ticket) error
	Call(domain.Call) error
	Answer(domain.SurveyAnswer) error
}

// intoProject appends the rows to the project's lists.
type intoProject struct{ p *domain.Project }

func (w intoProject) Ticket(t domain.Ticket) error { w.p.Tickets = append(w.p.Tickets, t); return nil }
func (w intoProject) Call(c domain.Call) error     { w.p.Calls = append(w.p.Calls, c); return nil }
func (w intoProject) Answer(a domain.SurveyAnswer) error {
	w.p.SurveyAnswers = append(w.p.SurveyAnswers, a)
	return nil
}

// Build is a demonstration project being generated: Begin makes the plan (steps 1–11), Rows
// the rest. The same sizes and seed give the same project, row for row.
type Build struct{ g *gen }

// Begin builds the plan of a project with the given counts.
func Begin(sizes Sizes, opt Options) *Build {
	g := &gen{seed: opt.Seed, sizes: sizes, progress: opt.Progress, pkgByArea: map[string]int64{}}
	if g.progress == nil {
		g.progress = func(Stage, int, int) {}
	}
	p := domain.NewProject("Schul-IT Landkreis Hohenmoor", projectCreated)
	p.Meta.Schultraeger = "Landkreis Hohenmoor, Fachdienst Schulen und Kultur"
	p.Meta.Bundesland = "NI"
	p.Settings.PriorityMode = domain.PriorityRanking
	p.Config = map[string]string{}
	if sizes.Schools < 120 {
		p.Meta.Name = "Schul-IT Samtgemeinde Hohenmoor"
		p.Meta.Schultraeger = "Samtgemeinde Hohenmoor, Fachbereich Schulen"
	}
	g.p = p

	g.progress(StageInventory, 0, 0)
	g.inventory()
	g.progress(StagePlanning, 0, 0)
	g.planning()
	g.progress(StageAward, 0, 0)
	g.award()
	g.progress(StageStructure, 0, 0)
	g.structure()
	return &Build{g: g}
}

// Project is the project being built: the plan after Begin; after Rows the whole project but
// the rows (the writer has them).
func (b *Build) Project() *domain.Project { return b.g.p }

// Rows generates the tickets, calls and survey answers and hands each to w as it is made, in
// the order and with the ids a project file keeps them, and writes the minutes of a Jour fixe
// after every month into the project, with the KPIs of the month's rows, the measures agreed
// and the reviews of the provider's knowledge management. The lists advance together month by
// month, and only the rows the next months' KPIs still need are held (the tickets of two months
// and those still open, the calls and answers of two months). It stops at w's first error.
func (b *Build) Rows(w RowWriter) error {
	g := b.g
	c := g.calendar()
	report := g.progress
	report(StageTickets, 0, g.sizes.Tickets)
	report(StageCalls, 0, g.sizes.Calls)
	report(StageSurvey, 0, g.sizes.Answers)
	// The lists are made side by side: the progress is the minutes'.
	g.progress = func(s Stage, done, total int) {
		if s == StageJourFixes {
			report(s, done, total)
		}
	}
	defer func() { g.progress = report }()
	win := newWindow(
		func(emit func(domain.Ticket) error) error { return g.tickets(c, emit) },
		func(emit func(domain.Call) error) error { return g.calls(c, emit) },
		func(emit func(domain.SurveyAnswer) error) error { return g.survey(emit) },
		w)
	defer win.stop()
	if err := g.minutes(win); err != nil {
		return err
	}
	if err := win.drain(); err != nil {
		return err
	}
	report(StageComplete, 0, 0)
	return nil
}

// rng is the random stream of one part of the project.
func (g *gen) rng(part uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, part))
}

// Parts, each with its own stream.
const (
	partSchools uint64 = iota + 1
	partTasks
	partPeople
	partPlanning
	partAward
	partStructure
	partTickets
	partCalls
	partSurvey
	partMinutes
)

// weighted picks an index with probability proportional to its weight.
func weighted(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func datePtr(y int, m time.Month, d int) *domain.Date {
	x := domain.NewDate(y, m, d)
	return &x
}

func int64Ptr(v int64) *int64 { return &v }

// berlin is the moment of a wall-clock minute on a day in Berlin, in UTC.
func berlin(d domain.Date, minute int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, minute, 0, 0, domain.Berlin).UTC()
}
