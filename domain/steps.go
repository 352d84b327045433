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
	// Built reports whether the step's editor exists in this version.
	Built bool
}

// Steps are the twelve steps in order.
var Steps = []Step{
	{1, PhaseInit, "inventory", true},
	{2, PhaseInit, "needs", true},
	{3, PhaseInit, "requirements", false},
	{4, PhaseInit, "coverage", false},
	{5, PhaseInit, "resources", false},
	{6, PhaseDecision, "sourcing", false},
	{7, PhaseAward, "sla", false},
	{8, PhaseAward, "tender", false},
	{9, PhaseAward, "contract", false},
	{10, PhaseOperation, "kickoff", false},
	{11, PhaseOperation, "structure", false},
	{12, PhaseOperation, "monitoring", false},
}

// Figure is one key figure of a step's summary; Key is a translation key, Value is formatted by
// the caller.
type Figure struct {
	Key   string  `json:"key"`
	Label string  `json:"label,omitempty"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
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

// Summarize derives every step's state and figures.
func Summarize(p *Project) []StepSummary {
	findings := TaskFindings(p)
	byStep := map[int][]Finding{}
	for _, f := range findings {
		byStep[f.Step] = append(byStep[f.Step], f)
	}
	out := make([]StepSummary, 0, len(Steps))
	for _, s := range Steps {
		sum := StepSummary{Number: s.Number, Key: s.Key, Built: s.Built, State: StateOpen}
		switch s.Number {
		case 1:
			sum.Figures = inventoryFigures(p)
			sum.Findings = byStep[1]
			sum.State = stateOf(len(p.Tasks) > 0, len(byStep[1]) == 0)
		case 2:
			sum.Figures = needsFigures(p)
			sum.Findings = byStep[2]
			sum.State = stateOf(anyPrioritised(p), len(p.Tasks) > 0 && len(byStep[2]) == 0)
		}
		out = append(out, sum)
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
