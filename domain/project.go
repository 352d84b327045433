package domain

import "time"

// Project is one planning project of a Schulträger: everything one .lotse file holds.
type Project struct {
	Meta     Meta     `json:"meta"`
	Settings Settings `json:"settings"`

	// Steps 1–4.
	Tasks    []Task    `json:"tasks"`
	Packages []Package `json:"packages"`

	// Steps 5–6.
	Resource  ResourcePlan       `json:"resource"`
	PayGroups []PayGroup         `json:"payGroups"`
	Decisions []SourcingDecision `json:"decisions"`

	// Steps 7–9.
	SLAs           []SLA             `json:"slas"`
	SchoolHolidays []SchoolHoliday   `json:"schoolHolidays"`
	Tender         Tender            `json:"tender"`
	Criteria       []TenderCriterion `json:"criteria"`
	Bids           []Bid             `json:"bids"`
	// TenderLog records every reopening of the frozen tender and every change made while open.
	TenderLog []TenderLogEntry `json:"tenderLog"`
	Contract  Contract         `json:"contract"`

	// Steps 10–11.
	Kickoff           Kickoff            `json:"kickoff"`
	Milestones        []Milestone        `json:"milestones"`
	Roles             []Role             `json:"roles"`
	Persons           []Person           `json:"persons"`
	RaciActivities    []RaciActivity     `json:"raciActivities"`
	RaciAssignments   []RaciAssignment   `json:"raciAssignments"`
	CommunicationRows []CommunicationRow `json:"communicationRows"`
	EscalationLevels  []EscalationLevel  `json:"escalationLevels"`
	Meetings          []Meeting          `json:"meetings"`

	// Step 12.
	Tickets         []Ticket         `json:"tickets"`
	Calls           []Call           `json:"calls"`
	SurveyAnswers   []SurveyAnswer   `json:"surveyAnswers"`
	JourFixes       []JourFixe       `json:"jourFixes"`
	Measures        []Measure        `json:"measures"`
	KnowledgeChecks []KnowledgeCheck `json:"knowledgeChecks"`
	// Stored is set when the raw monitoring rows stayed in the file (a project loaded without
	// them): what the overview and the checks need of them. Nil: Tickets, Calls and
	// SurveyAnswers are all there is.
	Stored *MonitoringCounts `json:"-"`

	// Config holds per-project configuration that is not a list of entities: import column
	// mappings, the mapping of ticket priorities onto SLA classes, view settings. Each key
	// belongs to one step (prefix "stepN." or the room's name) and its value is a JSON document
	// that the step reads with its own typed accessor.
	Config map[string]string `json:"config"`

	// ShortenedTexts are the findings of CutLongTexts: objects whose over-long texts the
	// program holds shortened. Never stored.
	ShortenedTexts []Finding `json:"-"`
}

// Meta names the project and its Schulträger.
type Meta struct {
	Name         string     `json:"name"`
	Schultraeger string     `json:"schultraeger"`
	Bundesland   Bundesland `json:"bundesland"`
	CreatedAt    time.Time  `json:"createdAt"`
	// DataAsOf is the day the project's dates are judged on ("Stand der Daten"), when the data
	// tell a story of their own (the sample); nil means today.
	DataAsOf *Date `json:"dataAsOf,omitempty"`
}

// Settings are the project-wide choices that change how values are entered and shown.
type Settings struct {
	// HoursPerPersonDay converts person-days into hours (default 8).
	HoursPerPersonDay float64      `json:"hoursPerPersonDay"`
	PriorityMode      PriorityMode `json:"priorityMode"`
}

// DefaultSettings are the settings of a new project.
func DefaultSettings() Settings {
	return Settings{HoursPerPersonDay: 8, PriorityMode: PriorityRanking}
}

// NewProject returns an empty project with default settings.
func NewProject(name string, now time.Time) *Project {
	return &Project{
		Meta:     Meta{Name: name, Bundesland: "NI", CreatedAt: now.UTC().Truncate(time.Second)},
		Settings: DefaultSettings(),
		Resource: DefaultResourcePlan(),
	}
}

// Bundesland is the two-letter code of a German state (e.g. "NI", "BY").
type Bundesland string

// Bundeslaender lists the codes of the sixteen states.
var Bundeslaender = []Bundesland{"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}

// TaskByID returns the task with the id, or nil.
func (p *Project) TaskByID(id int64) *Task {
	return itemByID(p.Tasks, id, func(t *Task) int64 { return t.ID })
}

// TaskIndex returns the index of the task with the id, or -1.
func (p *Project) TaskIndex(id int64) int {
	for i := range p.Tasks {
		if p.Tasks[i].ID == id {
			return i
		}
	}
	return -1
}

// PackageByID returns the package with the id, or nil.
func (p *Project) PackageByID(id int64) *Package {
	return itemByID(p.Packages, id, func(pk *Package) int64 { return pk.ID })
}

// AsOf is the day the project's dates are judged on: its "Stand der Daten" when one is
// recorded, else the calendar day of now in Berlin.
func (p *Project) AsOf(now time.Time) Date {
	if p.Meta.DataAsOf != nil {
		return *p.Meta.DataAsOf
	}
	return TodayInBerlin(now)
}
