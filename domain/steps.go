package domain

// Phase groups the twelve steps.
type Phase int

const (
	PhaseInit Phase = iota + 1
	PhaseDecision
	PhaseAward
	PhaseOperation
)

// StepState is what the sidebar shows for a step.
type StepState string

const (
	StateOpen       StepState = "open"
	StateInProgress StepState = "in-progress"
	StateDone       StepState = "done"
)

// Step describes one wizard step. Key is the stem of its translation keys.
type Step struct {
	Number int
	Phase  Phase
	Key    string
}

// Steps are the twelve steps in order.
var Steps = []Step{
	{1, PhaseInit, "inventory"},
	{2, PhaseInit, "needs"},
	{3, PhaseInit, "requirements"},
	{4, PhaseInit, "coverage"},
	{5, PhaseInit, "resources"},
	{6, PhaseDecision, "sourcing"},
	{7, PhaseAward, "sla"},
	{8, PhaseAward, "tender"},
	{9, PhaseAward, "contract"},
	{10, PhaseOperation, "kickoff"},
	{11, PhaseOperation, "structure"},
	{12, PhaseOperation, "monitoring"},
}

// Figure is one key figure of a step's summary; Key is a translation key, Value is formatted by
// the caller. Text carries a value that is not a number (a date, a winner's name).
type Figure struct {
	Key   string  `json:"key"`
	Label string  `json:"label,omitempty"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
	Text  string  `json:"text,omitempty"`
}

// StepSummary is a step's state and key figures: what `lotse summary` prints and the overview shows.
type StepSummary struct {
	Number   int       `json:"number"`
	Key      string    `json:"key"`
	Built    bool      `json:"built"`
	State    StepState `json:"state"`
	Figures  []Figure  `json:"figures"`
	Findings []Finding `json:"findings,omitempty"`
}

// StepEvaluator derives one step's state, figures and findings. Each step registers its own
// (RegisterStep), so adding a step touches only that step's file.
type StepEvaluator func(p *Project, today Date) (StepState, []Figure, []Finding)

var evaluators = map[int]StepEvaluator{}

// RegisterStep makes a step "built": its evaluator feeds the summary and the overview.
func RegisterStep(number int, ev StepEvaluator) { evaluators[number] = ev }

// StepBuilt reports whether a step has its rules in this version.
func StepBuilt(number int) bool { _, ok := evaluators[number]; return ok }

// Summarize derives every step's state and figures as of the given day (Project.AsOf).
func Summarize(p *Project, today Date) []StepSummary {
	out := make([]StepSummary, 0, len(Steps))
	for _, s := range Steps {
		sum := StepSummary{Number: s.Number, Key: s.Key, State: StateOpen}
		if ev, ok := evaluators[s.Number]; ok {
			sum.Built = true
			sum.State, sum.Figures, sum.Findings = ev(p, today)
		}
		out = append(out, sum)
	}
	return out
}

// AllFindings collects the findings of every built step, in step order.
func AllFindings(p *Project, today Date) []Finding {
	var out []Finding
	for _, s := range Summarize(p, today) {
		out = append(out, s.Findings...)
	}
	return out
}

func init() {
	RegisterStep(1, func(p *Project, today Date) (StepState, []Figure, []Finding) {
		f := findingsOfStep(TaskFindings(p), 1)
		return stateOf(len(p.Tasks) > 0, len(f) == 0), inventoryFigures(p), f
	})
	RegisterStep(2, func(p *Project, today Date) (StepState, []Figure, []Finding) {
		f := findingsOfStep(TaskFindings(p), 2)
		return stateOf(anyPrioritised(p), len(p.Tasks) > 0 && len(f) == 0), needsFigures(p), f
	})
}

func findingsOfStep(all []Finding, step int) []Finding {
	var out []Finding
	for _, f := range all {
		if f.Step == step {
			out = append(out, f)
		}
	}
	return out
}

func stateOf(started, complete bool) StepState {
	switch {
	case started && complete:
		return StateDone
	case started:
		return StateInProgress
	default:
		return StateOpen
	}
}

func anyPrioritised(p *Project) bool {
	for _, t := range p.Tasks {
		if t.Priority.IsSet() || t.IsNew || t.Critical {
			return true
		}
	}
	return false
}

func inventoryFigures(p *Project) []Figure {
	figs := []Figure{
		{Key: "fig.tasks", Value: float64(len(p.Tasks))},
		{Key: "fig.hours_per_month", Value: TotalHoursPerMonth(p), Unit: "h"},
	}
	for _, r := range HoursByResponsible(p) {
		figs = append(figs, Figure{Key: "fig.hours_of", Label: r.Responsible, Value: r.Hours, Unit: "h"})
	}
	return figs
}

func needsFigures(p *Project) []Figure {
	var newTasks, critical, must, nice, open int
	for _, t := range p.Tasks {
		if t.IsNew {
			newTasks++
		}
		if t.Critical {
			critical++
		}
		switch t.Priority.Class() {
		case ClassMust:
			must++
		case ClassNice:
			nice++
		default:
			open++
		}
	}
	return []Figure{
		{Key: "fig.new_tasks", Value: float64(newTasks)},
		{Key: "fig.critical", Value: float64(critical)},
		{Key: "fig.must", Value: float64(must)},
		{Key: "fig.nice", Value: float64(nice)},
		{Key: "fig.open_questions", Value: float64(len(TaskFindings(p)))},
	}
}
