package domain

import "time"

// Kickoff is the start meeting of step 10.
type Kickoff struct {
	Date         *Date         `json:"date"`
	Place        string        `json:"place"`
	Participants []Participant `json:"participants"`
	Agenda       string        `json:"agenda"`
	Notes        string        `json:"notes"`
	NextSteps    string        `json:"nextSteps"`
}

// Participant of a meeting.
type Participant struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Role         string `json:"role"`
}

// Milestone of the plan from project start to regular operation.
type Milestone struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Due    *Date  `json:"due"`
	Owner  string `json:"owner"`
	Status string `json:"status"`
	Note   string `json:"note"`
	// Fact names a recorded fact the milestone mirrors (MilestoneFacts); its state then follows
	// that fact instead of Status.
	Fact string `json:"fact,omitempty"`
}

// Party is the side a role belongs to.
type Party string

const (
	PartyCarrier  Party = "schultraeger"
	PartySchool   Party = "schule"
	PartyProvider Party = "dienstleister"
	PartyOther    Party = "other"
)

// Role in the structure and process model of step 11.
type Role struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Party     Party  `json:"party"`
	Persons   string `json:"persons"`
	Deputy    string `json:"deputy"`
	Contact   string `json:"contact"`
	SortOrder int    `json:"sortOrder"`
}

// RaciActivity is a row of the RACI matrix, grouped by process.
type RaciActivity struct {
	ID        int64  `json:"id"`
	Process   string `json:"process"`
	Name      string `json:"name"`
	SortOrder int    `json:"sortOrder"`
	// PackageID links the activity to the Aufgabenpaket whose work it is (nil: none), so the
	// thread checks can hold the RACI against the sourcing decision.
	PackageID *int64 `json:"packageId,omitempty"`
}

// RaciAssignment is one cell: R, A, C or I.
type RaciAssignment struct {
	ActivityID int64  `json:"activityId"`
	RoleID     int64  `json:"roleId"`
	Letter     string `json:"letter"`
}

// CommunicationRow is a row of the communication matrix; contacts point at roles.
type CommunicationRow struct {
	ID             int64  `json:"id"`
	Occasion       string `json:"occasion"`
	CustomerRoleID *int64 `json:"customerRoleId"`
	ProviderRoleID *int64 `json:"providerRoleId"`
	Channel        string `json:"channel"`
	Hours          string `json:"hours"`
	SortOrder      int    `json:"sortOrder"`
}

// EscalationLevel of step 11.
type EscalationLevel struct {
	ID             int64  `json:"id"`
	Level          int    `json:"level"`
	Trigger        string `json:"trigger"`
	CustomerRoleID *int64 `json:"customerRoleId"`
	ProviderRoleID *int64 `json:"providerRoleId"`
	ReactionHours  int    `json:"reactionHours"`
}

// Meeting is a standing meeting such as the Jour fixe.
type Meeting struct {
	ID           int64      `json:"id"`
	Name         string     `json:"name"`
	CadenceDays  int        `json:"cadenceDays"`
	FirstDate    *Date      `json:"firstDate"`
	Participants []Attendee `json:"participants"`
	Agenda       string     `json:"agenda"`
}

// Ticket is an imported incident, reduced to what the KPIs need (no names, no free text).
type Ticket struct {
	ID            int64      `json:"id"`
	ExternalID    string     `json:"externalId"`
	Created       time.Time  `json:"created"`
	FirstResponse *time.Time `json:"firstResponse"`
	Resolved      *time.Time `json:"resolved"`
	Priority      string     `json:"priority"`
	Category      string     `json:"category"`
	School        string     `json:"school"`
	Status        string     `json:"status"`
	PackageID     *int64     `json:"packageId"`
	// ResponseNotMeasured: the import that brought the ticket had no first-response column, so
	// its response time is not measured (an empty FirstResponse says nothing about it).
	ResponseNotMeasured bool `json:"responseNotMeasured,omitempty"`
}

// Call is one call to the hotline.
type Call struct {
	ID          int64     `json:"id"`
	At          time.Time `json:"at"`
	Answered    bool      `json:"answered"`
	WaitSeconds int       `json:"waitSeconds"`
	TalkSeconds int       `json:"talkSeconds"`
}

// SurveyAnswer is one satisfaction answer on a 1–5 scale.
type SurveyAnswer struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Question string    `json:"question"`
	Score    int       `json:"score"`
	School   string    `json:"school"`
}

// JourFixe is the minutes of one steering meeting with the provider.
type JourFixe struct {
	ID           int64      `json:"id"`
	Date         Date       `json:"date"`
	Participants []Attendee `json:"participants"`
	Notes        string     `json:"notes"`
	// FrozenKPIs is the KPI snapshot of the period, as JSON, so later imports do not change it.
	FrozenKPIs string `json:"frozenKpis"`
}

// Measure agreed in a Jour fixe; it carries over until done.
type Measure struct {
	ID         int64  `json:"id"`
	JourFixeID *int64 `json:"jourFixeId"`
	Text       string `json:"text"`
	// Owners are who carries the measure out: persons of step 11 or named guests.
	Owners []Attendee `json:"owners"`
	Due    *Date      `json:"due"`
	Status string     `json:"status"`
}

// KnowledgeCheck is a review of the provider's documentation.
type KnowledgeCheck struct {
	ID         int64  `json:"id"`
	Subject    string `json:"subject"`
	ReviewedOn *Date  `json:"reviewedOn"`
	ReviewedBy string `json:"reviewedBy"`
	Findings   string `json:"findings"`
}
