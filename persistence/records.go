package persistence

import (
	"encoding/json"
	"time"

	"schulit-lotse/domain"
)

// The record types are the project file's tables. They carry the storage tags so the domain
// types need none; to*/from* converters sit beside each one.

type projectRecord struct {
	ID                uint   `gorm:"primaryKey"`
	Name              string `gorm:"not null"`
	Schultraeger      string `gorm:"not null;default:''"`
	Bundesland        string `gorm:"not null;default:''"`
	CreatedAt         time.Time
	HoursPerPersonDay float64 `gorm:"not null"`
	PriorityMode      string  `gorm:"not null"`
	ResourcePlan      string  `gorm:"not null;default:'{}'"`
	Tender            string  `gorm:"not null;default:'{}'"`
	Contract          string  `gorm:"not null;default:'{}'"`
	Kickoff           string  `gorm:"not null;default:'{}'"`
	// DataAsOf is the "Stand der Daten" (YYYY-MM-DD) the dates are judged on; NULL means today.
	DataAsOf *string
}

func (projectRecord) TableName() string { return "project" }

type taskRecord struct {
	ID             int64  `gorm:"primaryKey"`
	Name           string `gorm:"not null"`
	Responsible    string `gorm:"not null;default:''"`
	EffortValue    *float64
	EffortUnit     string `gorm:"not null;default:''"`
	Note           string `gorm:"not null;default:''"`
	IsNew          bool   `gorm:"not null;default:false"`
	ValidFrom      *string
	PriorityRank   int            `gorm:"not null;default:0"`
	Critical       bool           `gorm:"not null;default:false"`
	PackageID      *int64         `gorm:"index"`
	Package        *packageRecord `gorm:"foreignKey:PackageID;constraint:OnDelete:SET NULL"`
	CardX          float64        `gorm:"not null;default:0"`
	CardY          float64        `gorm:"not null;default:0"`
	Coverage       string         `gorm:"not null;default:''"`
	NewResponsible string         `gorm:"not null;default:''"`
	SortOrder      int            `gorm:"not null;default:0"`
}

func (taskRecord) TableName() string { return "tasks" }

type packageRecord struct {
	ID                 int64  `gorm:"primaryKey"`
	Name               string `gorm:"not null"`
	Color              string `gorm:"not null;default:''"`
	TargetState        string `gorm:"not null;default:''"`
	Criteria           string `gorm:"not null;default:''"`
	X, Y               float64
	Width, Height      float64
	ExternalHourlyRate float64
	ExternalMonthlyFee float64
	SortOrder          int `gorm:"not null;default:0"`
}

func (packageRecord) TableName() string { return "packages" }

type payGroupRecord struct {
	ID         int64  `gorm:"primaryKey"`
	Name       string `gorm:"not null"`
	HourlyRate float64
	YearlyCost float64
	Source     string `gorm:"not null;default:''"`
	SourceYear int
}

func (payGroupRecord) TableName() string { return "pay_groups" }

type sourcingDecisionRecord struct {
	ID                 int64          `gorm:"primaryKey"`
	PackageID          int64          `gorm:"not null;uniqueIndex"`
	Package            *packageRecord `gorm:"foreignKey:PackageID;constraint:OnDelete:CASCADE"`
	RiskDataProtection int
	RiskSecurity       int
	RiskOutage         int
	ProjectRisk        int
	ImportanceUsers    int
	ImportanceCarrier  int
	BudgetInternal     int
	BudgetExternal     int
	Notes              string `gorm:"not null;default:'{}'"`
	CriteriaWeights    string `gorm:"not null;default:'{}'"`
	CriteriaScores     string `gorm:"not null;default:'{}'"`
	Outcome            string `gorm:"not null;default:''"`
	DecidedBy          string `gorm:"not null;default:''"`
	DecidedOn          *string
	Rationale          string `gorm:"not null;default:''"`
	PayGroupID         *int64
}

func (sourcingDecisionRecord) TableName() string { return "sourcing_decisions" }

type slaRecord struct {
	ID                      int64  `gorm:"primaryKey"`
	Name                    string `gorm:"not null"`
	PackageID               *int64
	Windows                 string `gorm:"not null;default:'[]'"`
	PublicHolidaysStopClock bool
	SchoolHolidaysStopClock bool
	Classes                 string `gorm:"not null;default:'[]'"`
	HotlineAnsweredPct      float64
	HotlineMaxWaitSeconds   int
	SatisfactionTargetPct   float64
	ReportingCadence        string `gorm:"not null;default:''"`
	FrozenForContract       bool
	Internal                bool
}

func (slaRecord) TableName() string { return "slas" }

type schoolHolidayRecord struct {
	ID     int64  `gorm:"primaryKey"`
	Name   string `gorm:"not null"`
	First  string `gorm:"not null"`
	Last   string `gorm:"not null"`
	Source string `gorm:"not null;default:''"`
}

func (schoolHolidayRecord) TableName() string { return "school_holidays" }

type criterionRecord struct {
	ID        int64  `gorm:"primaryKey"`
	Kind      string `gorm:"not null"`
	Group     string `gorm:"column:criterion_group;not null;default:''"`
	Name      string `gorm:"not null"`
	Weight    float64
	MinScore  float64
	SortOrder int
}

func (criterionRecord) TableName() string { return "tender_criteria" }

type bidRecord struct {
	ID      int64  `gorm:"primaryKey"`
	Bidder  string `gorm:"not null"`
	Price   float64
	Scores  string `gorm:"not null;default:'{}'"`
	Note    string `gorm:"not null;default:''"`
	Reasons string `gorm:"not null;default:'{}'"`
}

func (bidRecord) TableName() string { return "bids" }

// tenderLogRecord is one line of the tender's change record (reopenings, changes, closings).
type tenderLogRecord struct {
	ID        int64  `gorm:"primaryKey"`
	On        string `gorm:"not null"`
	Kind      string `gorm:"not null"`
	Reason    string `gorm:"not null;default:''"`
	Criterion string `gorm:"not null;default:''"`
	Field     string `gorm:"not null;default:''"`
	Before    string `gorm:"not null;default:''"`
	After     string `gorm:"not null;default:''"`
}

func (tenderLogRecord) TableName() string { return "tender_log" }

type milestoneRecord struct {
	ID     int64  `gorm:"primaryKey"`
	Name   string `gorm:"not null"`
	Due    *string
	Owner  string `gorm:"not null;default:''"`
	Status string `gorm:"not null;default:''"`
	Note   string `gorm:"not null;default:''"`
	Fact   string `gorm:"not null;default:''"`
}

func (milestoneRecord) TableName() string { return "milestones" }

type roleRecord struct {
	ID        int64  `gorm:"primaryKey"`
	Name      string `gorm:"not null"`
	Party     string `gorm:"not null;default:''"`
	Persons   string `gorm:"not null;default:''"`
	Deputy    string `gorm:"not null;default:''"`
	Contact   string `gorm:"not null;default:''"`
	SortOrder int
}

func (roleRecord) TableName() string { return "roles" }

type raciActivityRecord struct {
	ID        int64  `gorm:"primaryKey"`
	Process   string `gorm:"not null;default:''"`
	Name      string `gorm:"not null"`
	SortOrder int
	// PackageID (schema 4) links the activity to its Aufgabenpaket.
	PackageID *int64         `gorm:"index"`
	Package   *packageRecord `gorm:"foreignKey:PackageID;constraint:OnDelete:SET NULL"`
}

func (raciActivityRecord) TableName() string { return "raci_activities" }

type raciAssignmentRecord struct {
	ActivityID int64               `gorm:"primaryKey;autoIncrement:false"`
	Activity   *raciActivityRecord `gorm:"foreignKey:ActivityID;constraint:OnDelete:CASCADE"`
	RoleID     int64               `gorm:"primaryKey;autoIncrement:false;index"`
	Role       *roleRecord         `gorm:"foreignKey:RoleID;constraint:OnDelete:CASCADE"`
	Letter     string              `gorm:"not null"`
}

func (raciAssignmentRecord) TableName() string { return "raci_assignments" }

type communicationRecord struct {
	ID             int64  `gorm:"primaryKey"`
	Occasion       string `gorm:"not null"`
	CustomerRoleID *int64
	ProviderRoleID *int64
	Channel        string `gorm:"not null;default:''"`
	Hours          string `gorm:"not null;default:''"`
	SortOrder      int
}

func (communicationRecord) TableName() string { return "communication_rows" }

type escalationRecord struct {
	ID             int64 `gorm:"primaryKey"`
	Level          int
	Trigger        string `gorm:"column:trigger_text;not null;default:''"`
	CustomerRoleID *int64
	ProviderRoleID *int64
	ReactionHours  int
}

func (escalationRecord) TableName() string { return "escalation_levels" }

type meetingRecord struct {
	ID          int64  `gorm:"primaryKey"`
	Name        string `gorm:"not null"`
	CadenceDays int
	FirstDate   *string
	Agenda      string `gorm:"not null;default:''"`
}

func (meetingRecord) TableName() string { return "meetings" }

// Times of the monitoring tables are Unix seconds: 250,000 rows scan much faster as integers.
type ticketRecord struct {
	ID            int64  `gorm:"primaryKey"`
	ExternalID    string `gorm:"not null;uniqueIndex"`
	Created       int64  `gorm:"not null;index"`
	FirstResponse *int64
	Resolved      *int64
	Priority      string `gorm:"not null;default:''"`
	Category      string `gorm:"not null;default:''"`
	School        string `gorm:"not null;default:''"`
	Status        string `gorm:"not null;default:''"`
	PackageID     *int64
	// ResponseNotMeasured: the import that brought the ticket had no first-response column.
	ResponseNotMeasured bool `gorm:"not null;default:false"`
	// ImportID is the import that wrote the row last (NULL: before schema 8, a new file or JSON).
	// No index: undo finds an import's rows in one pass; every import would pay for an index.
	ImportID *int64
}

func (ticketRecord) TableName() string { return "tickets" }

type callRecord struct {
	ID          int64 `gorm:"primaryKey"`
	At          int64 `gorm:"not null;index"`
	Answered    bool
	WaitSeconds int
	TalkSeconds int
	ImportID    *int64
}

func (callRecord) TableName() string { return "calls" }

type surveyRecord struct {
	ID       int64  `gorm:"primaryKey"`
	At       int64  `gorm:"not null;index"`
	Question string `gorm:"not null;default:''"`
	Score    int
	School   string `gorm:"not null;default:''"`
	ImportID *int64
}

func (surveyRecord) TableName() string { return "survey_answers" }

// importRecord is one import of tickets, calls or survey answers (schema 8), or the clearing of
// a kind. The rows it wrote carry its id; the rows it replaced are kept (kept_… tables) while
// the session that made it can undo it. Configs are JSON objects of the configuration entries
// the import saved, as they were before and after ("" for a key that was not set).
type importRecord struct {
	ID           int64  `gorm:"primaryKey"`
	Kind         string `gorm:"not null"`
	At           int64  `gorm:"not null"`
	ConfigBefore string `gorm:"not null;default:''"`
	ConfigAfter  string `gorm:"not null;default:''"`
	Undone       bool   `gorm:"not null;default:false"`
}

func (importRecord) TableName() string { return "imports" }

// The kept_… tables hold monitoring rows set aside by an import (schema 8): with Written false
// the rows it replaced, with Written true (while it is undone) the rows it wrote. A row keeps
// its id and import id, so undo and redo put back exactly what was there.
type keptTicketRecord struct {
	ByImport            int64 `gorm:"primaryKey;autoIncrement:false"`
	Written             bool  `gorm:"primaryKey"`
	ID                  int64 `gorm:"primaryKey;autoIncrement:false"`
	ImportID            *int64
	ExternalID          string `gorm:"not null"`
	Created             int64  `gorm:"not null"`
	FirstResponse       *int64
	Resolved            *int64
	Priority            string `gorm:"not null;default:''"`
	Category            string `gorm:"not null;default:''"`
	School              string `gorm:"not null;default:''"`
	Status              string `gorm:"not null;default:''"`
	PackageID           *int64
	ResponseNotMeasured bool `gorm:"not null;default:false"`
}

func (keptTicketRecord) TableName() string { return "kept_tickets" }

type keptCallRecord struct {
	ByImport    int64 `gorm:"primaryKey;autoIncrement:false"`
	Written     bool  `gorm:"primaryKey"`
	ID          int64 `gorm:"primaryKey;autoIncrement:false"`
	ImportID    *int64
	At          int64 `gorm:"not null"`
	Answered    bool
	WaitSeconds int
	TalkSeconds int
}

func (keptCallRecord) TableName() string { return "kept_calls" }

type keptAnswerRecord struct {
	ByImport int64 `gorm:"primaryKey;autoIncrement:false"`
	Written  bool  `gorm:"primaryKey"`
	ID       int64 `gorm:"primaryKey;autoIncrement:false"`
	ImportID *int64
	At       int64  `gorm:"not null"`
	Question string `gorm:"not null;default:''"`
	Score    int
	School   string `gorm:"not null;default:''"`
}

func (keptAnswerRecord) TableName() string { return "kept_answers" }

type jourFixeRecord struct {
	ID         int64  `gorm:"primaryKey"`
	Date       string `gorm:"not null"`
	Notes      string `gorm:"not null;default:''"`
	FrozenKPIs string `gorm:"column:frozen_kpis;not null;default:''"`
}

func (jourFixeRecord) TableName() string { return "jour_fixes" }

type measureRecord struct {
	ID         int64 `gorm:"primaryKey"`
	JourFixeID *int64
	Text       string `gorm:"not null"`
	Due        *string
	Status     string `gorm:"not null;default:''"`
}

func (measureRecord) TableName() string { return "measures" }

type knowledgeCheckRecord struct {
	ID         int64  `gorm:"primaryKey"`
	Subject    string `gorm:"not null"`
	ReviewedOn *string
	ReviewedBy string `gorm:"not null;default:''"`
	Findings   string `gorm:"not null;default:''"`
}

func (knowledgeCheckRecord) TableName() string { return "knowledge_checks" }

// configRecord is one entry of Project.Config (schema version 2).
type configRecord struct {
	Key   string `gorm:"primaryKey"`
	Value string `gorm:"not null"`
}

func (configRecord) TableName() string { return "project_config" }

// personRecord (schema 7) is a person of step 11.
type personRecord struct {
	ID           int64  `gorm:"primaryKey"`
	Name         string `gorm:"not null"`
	Party        string `gorm:"not null;default:''"`
	Organisation string `gorm:"not null;default:''"`
	Contact      string `gorm:"not null;default:''"`
	SortOrder    int
}

func (personRecord) TableName() string { return "persons" }

// personRoleRecord (schema 7) is a role a person holds.
type personRoleRecord struct {
	PersonID int64         `gorm:"primaryKey;autoIncrement:false"`
	Person   *personRecord `gorm:"foreignKey:PersonID;constraint:OnDelete:CASCADE"`
	RoleID   int64         `gorm:"primaryKey;autoIncrement:false;index"`
	Role     *roleRecord   `gorm:"foreignKey:RoleID;constraint:OnDelete:CASCADE"`
}

func (personRoleRecord) TableName() string { return "person_roles" }

// attendeeRecord (schema 7) is one entry of the participants of a meeting or a Jour fixe or of
// the owners of a measure (exactly one of the three ids is set): a person or a named guest. A
// person that is still named cannot be deleted (no ON DELETE): the session first turns the
// references into guests.
type attendeeRecord struct {
	ID         int64           `gorm:"primaryKey"`
	MeetingID  *int64          `gorm:"index"`
	Meeting    *meetingRecord  `gorm:"foreignKey:MeetingID;constraint:OnDelete:CASCADE"`
	JourFixeID *int64          `gorm:"index"`
	JourFixe   *jourFixeRecord `gorm:"foreignKey:JourFixeID;constraint:OnDelete:CASCADE"`
	MeasureID  *int64          `gorm:"index"`
	Measure    *measureRecord  `gorm:"foreignKey:MeasureID;constraint:OnDelete:CASCADE"`
	PersonID   *int64          `gorm:"index"`
	Person     *personRecord   `gorm:"foreignKey:PersonID"`
	Guest      string          `gorm:"not null;default:''"`
	Note       string          `gorm:"not null;default:''"`
	SortOrder  int
}

func (attendeeRecord) TableName() string { return "attendees" }

// allRecords lists every table of the current schema in creation order (parents first).
func allRecords() []any {
	return []any{
		&projectRecord{}, &packageRecord{}, &taskRecord{}, &payGroupRecord{}, &sourcingDecisionRecord{},
		&slaRecord{}, &schoolHolidayRecord{}, &criterionRecord{}, &bidRecord{}, &tenderLogRecord{}, &milestoneRecord{},
		&roleRecord{}, &raciActivityRecord{}, &raciAssignmentRecord{}, &communicationRecord{},
		&escalationRecord{}, &meetingRecord{}, &ticketRecord{}, &callRecord{}, &surveyRecord{},
		&jourFixeRecord{}, &measureRecord{}, &knowledgeCheckRecord{}, &configRecord{},
		&personRecord{}, &personRoleRecord{}, &attendeeRecord{},
		&importRecord{}, &keptTicketRecord{}, &keptCallRecord{}, &keptAnswerRecord{},
	}
}

// --- small converters ---

func dateToDB(d *domain.Date) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

func dateFromDB(s *string) (*domain.Date, error) {
	if s == nil {
		return nil, nil
	}
	d, err := domain.ParseDate(*s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func timeToDB(t *time.Time) *int64 {
	if t == nil {
		return nil
	}
	u := t.Unix()
	return &u
}

func timeFromDB(u *int64) *time.Time {
	if u == nil {
		return nil
	}
	t := time.Unix(*u, 0).UTC()
	return &t
}

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Only plain data types are marshalled here; failure is a programming error.
		panic(err)
	}
	return string(b)
}

func fromJSON(s string, v any) error {
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}
