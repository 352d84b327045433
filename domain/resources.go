package domain

// ResourcePlan holds the inputs of step 5: how long one full-time equivalent (VZÄ) works in a
// year, which surcharges are added to the raw task hours, and which pay group prices the hours
// of each person or group. It lives in a JSON column of the project row, so it may grow.
type ResourcePlan struct {
	PlanningYear       int     `json:"planningYear"`
	WeeklyHours        float64 `json:"weeklyHours"`
	LeaveDays          float64 `json:"leaveDays"`
	SickDays           float64 `json:"sickDays"`
	OtherAbsenceDays   float64 `json:"otherAbsenceDays"`
	VerteilzeitPercent float64 `json:"verteilzeitPercent"`
	TravelPercent      float64 `json:"travelPercent"`
	DocumentationPct   float64 `json:"documentationPercent"`
	// PayGroupOf maps a responsible person or group (as written in the tasks, trimmed) to the
	// pay group whose rate prices that party's hours.
	PayGroupOf map[string]int64 `json:"payGroupOf"`
	// DefaultPayGroupID prices the hours of everyone without an entry in PayGroupOf (0 = none).
	DefaultPayGroupID int64 `json:"defaultPayGroupId"`
}

// DefaultResourcePlan are the defaults shown next to every input: a 39-hour week (TVöD), 30
// days of leave, 10 sick days and a Verteilzeit of 10 % (the Organisationshandbuch's flat rate of
// 5 % personal plus 5 % factual Verteilzeit).
func DefaultResourcePlan() ResourcePlan {
	return ResourcePlan{PlanningYear: 2027, WeeklyHours: 39, LeaveDays: 30, SickDays: 10, VerteilzeitPercent: 10}
}

// PayGroup is an internal personnel cost rate (e.g. "E 9b"), with the source of the figure.
type PayGroup struct {
	ID         int64   `json:"id"`
	Name       string  `json:"name"`
	HourlyRate float64 `json:"hourlyRate"`
	YearlyCost float64 `json:"yearlyCost"`
	Source     string  `json:"source"`
	SourceYear int     `json:"sourceYear"`
}

// SourcingOutcome is the decision of step 6.
type SourcingOutcome string

const (
	OutcomeOpen     SourcingOutcome = ""
	OutcomeInternal SourcingOutcome = "intern"
	OutcomeExternal SourcingOutcome = "extern"
	OutcomeMixed    SourcingOutcome = "gemischt"
)

// SourcingDecision records the step-6 assessment and decision for one package. Scores are on a
// small scale (1–5, 0 = not scored).
type SourcingDecision struct {
	ID                 int64              `json:"id"`
	PackageID          int64              `json:"packageId"`
	RiskDataProtection int                `json:"riskDataProtection"`
	RiskSecurity       int                `json:"riskSecurity"`
	RiskOutage         int                `json:"riskOutage"`
	ProjectRisk        int                `json:"projectRisk"`
	ImportanceUsers    int                `json:"importanceUsers"`
	ImportanceCarrier  int                `json:"importanceCarrier"`
	BudgetInternal     int                `json:"budgetInternal"`
	BudgetExternal     int                `json:"budgetExternal"`
	Notes              map[string]string  `json:"notes"`
	CriteriaWeights    map[string]float64 `json:"criteriaWeights"`
	CriteriaScores     map[string]float64 `json:"criteriaScores"`
	Outcome            SourcingOutcome    `json:"outcome"`
	DecidedBy          string             `json:"decidedBy"`
	DecidedOn          *Date              `json:"decidedOn"`
	Rationale          string             `json:"rationale"`
	// PayGroupID, when set, prices the package's internal hours with this pay group instead of
	// the pay groups of the people doing its tasks.
	PayGroupID *int64 `json:"payGroupId"`
}
