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

// StepID names one of the twelve steps; its value is the step's number.
type StepID int

// The twelve steps in order.
const (
	StepInventory StepID = iota + 1
	StepNeeds
	StepRequirements
	StepCoverage
	StepResources
	StepSourcing
	StepSLA
	StepTender
	StepContract
	StepKickoff
	StepStructure
	StepMonitoring
)

// Step describes one wizard step. Key is the stem of its translation keys ("step.<key>.title",
// "ui.step.<key>.guide", "ui.step.<key>.tip.<n>" for n = 1…Tips).
type Step struct {
	Number StepID
	Phase  Phase
	Key    string
	// Tips is how many implementation tips (Umsetzungstipps) the step page folds away.
	Tips int
	// Evaluate derives the step's state, key figures and findings on a day.
	Evaluate StepEvaluator
}

// Steps are the twelve steps in order: the domain's column of the step table. A new step adds
// its row here, its editor in ui/steps (Editors) and its report section in reports (sections);
// a test in ui/steps fails when one of the three is missing.
var Steps = []Step{
	{StepInventory, PhaseInit, "inventory", 3, evaluateInventory},
	{StepNeeds, PhaseInit, "needs", 3, evaluateNeeds},
	{StepRequirements, PhaseInit, "requirements", 3, evaluateRequirements},
	{StepCoverage, PhaseInit, "coverage", 2, evaluateCoverage},
	{StepResources, PhaseInit, "resources", 3, evaluateResources},
	{StepSourcing, PhaseDecision, "sourcing", 2, evaluateSourcing},
	{StepSLA, PhaseAward, "sla", 2, evaluateSLA},
	{StepTender, PhaseAward, "tender", 2, evaluateTender},
	{StepContract, PhaseAward, "contract", 2, evaluateContract},
	{StepKickoff, PhaseOperation, "kickoff", 2, EvaluateKickoff},
	{StepStructure, PhaseOperation, "structure", 2, EvaluateStructure},
	{StepMonitoring, PhaseOperation, "monitoring", 3, evaluateMonitoring},
}

// StepByID returns the step with the id.
func StepByID(id StepID) (Step, bool) {
	if id < 1 || int(id) > len(Steps) {
		return Step{}, false
	}
	return Steps[id-1], true
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
	Number   StepID    `json:"number"`
	Key      string    `json:"key"`
	State    StepState `json:"state"`
	Figures  []Figure  `json:"figures"`
	Findings []Finding `json:"findings,omitempty"`
}

// StepEvaluator derives one step's state, figures and findings on the given day.
type StepEvaluator func(p *Project, today Date) (StepState, []Figure, []Finding)

// Summarize derives every step's state and figures as of the given day (Project.AsOf). Each
// step's findings end with the thread findings that concern it; they do not change its state.
func Summarize(p *Project, today Date) []StepSummary {
	thread := ThreadFindings(p, today)
	long := TextFindings(p)
	out := make([]StepSummary, 0, len(Steps))
	for _, s := range Steps {
		sum := StepSummary{Number: s.Number, Key: s.Key}
		sum.State, sum.Figures, sum.Findings = s.Evaluate(p, today)
		sum.Findings = append(sum.Findings, findingsOfStep(long, s.Number)...)
		for _, f := range thread {
			for _, id := range f.Steps {
				if id == s.Number {
					sum.Findings = append(sum.Findings, f)
				}
			}
		}
		out = append(out, sum)
	}
	return out
}

// AllFindings collects the findings of every step in step order, each thread finding once
// (under the step to fix it in).
func AllFindings(p *Project, today Date) []Finding {
	var out []Finding
	for _, s := range Summarize(p, today) {
		for _, f := range s.Findings {
			if f.Rule == "" || f.Step == s.Number {
				out = append(out, f)
			}
		}
	}
	return out
}

func findingsOfStep(all []Finding, step StepID) []Finding {
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

// NeedsCount sums up step 2 over a list of tasks: how many are new and critical, and how many
// are a must, nice to have or not yet prioritised.
type NeedsCount struct {
	New, Critical, Must, Nice, Open int
}

// CountNeeds counts the tasks for step 2's summary; the GUI, the figures and the report use it.
func CountNeeds(tasks []Task) NeedsCount {
	var c NeedsCount
	for _, t := range tasks {
		if t.IsNew {
			c.New++
		}
		if t.Critical {
			c.Critical++
		}
		switch t.Priority.Class() {
		case ClassMust:
			c.Must++
		case ClassNice:
			c.Nice++
		default:
			c.Open++
		}
	}
	return c
}

func needsFigures(p *Project) []Figure {
	c := CountNeeds(p.Tasks)
	return []Figure{
		{Key: "fig.new_tasks", Value: float64(c.New)},
		{Key: "fig.critical", Value: float64(c.Critical)},
		{Key: "fig.must", Value: float64(c.Must)},
		{Key: "fig.nice", Value: float64(c.Nice)},
		{Key: "fig.open_questions", Value: float64(len(TaskFindings(p)))},
	}
}

func evaluateInventory(p *Project, _ Date) (StepState, []Figure, []Finding) {
	f := findingsOfStep(TaskFindings(p), StepInventory)
	return stateOf(len(p.Tasks) > 0, len(f) == 0), inventoryFigures(p), f
}

func evaluateNeeds(p *Project, _ Date) (StepState, []Figure, []Finding) {
	f := findingsOfStep(TaskFindings(p), StepNeeds)
	return stateOf(anyPrioritised(p), len(p.Tasks) > 0 && len(f) == 0), needsFigures(p), f
}
