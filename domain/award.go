package domain

// SLA is a service level agreement of step 7. PackageID nil means the default SLA for all packages.
type SLA struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	PackageID *int64 `json:"packageId"`
	// Windows are the service hours; several windows a day are possible.
	Windows []ServiceWindow `json:"windows"`
	// PublicHolidaysStopClock and SchoolHolidaysStopClock say whether the clock pauses on those days.
	PublicHolidaysStopClock bool                  `json:"publicHolidaysStopClock"`
	SchoolHolidaysStopClock bool                  `json:"schoolHolidaysStopClock"`
	Classes                 []PriorityClassTarget `json:"classes"`
	HotlineAnsweredPct      float64               `json:"hotlineAnsweredPct"`
	HotlineMaxWaitSeconds   int                   `json:"hotlineMaxWaitSeconds"`
	SatisfactionTargetPct   float64               `json:"satisfactionTargetPct"`
	ReportingCadence        string                `json:"reportingCadence"`
	// FrozenForContract marks the version agreed in the contract; it is not edited any more.
	FrozenForContract bool `json:"frozenForContract"`
}

// ServiceWindow is a span of service hours on one weekday (0 = Sunday … 6 = Saturday), minutes
// after midnight local time (Europe/Berlin).
type ServiceWindow struct {
	Weekday     int `json:"weekday"`
	StartMinute int `json:"startMinute"`
	EndMinute   int `json:"endMinute"`
}

// PriorityClassTarget is one SLA priority class (P1–P4) with its targets in minutes.
type PriorityClassTarget struct {
	Code            string `json:"code"`
	Description     string `json:"description"`
	ResponseMinutes int    `json:"responseMinutes"`
	RestoreMinutes  int    `json:"restoreMinutes"`
	CalendarTime    bool   `json:"calendarTime"` // false = service time
}

// SchoolHoliday is one imported Ferien period, both days inclusive.
type SchoolHoliday struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	First  Date   `json:"first"`
	Last   Date   `json:"last"`
	Source string `json:"source"`
}

// Tender is the procedure data of step 8.
type Tender struct {
	Procedure      string  `json:"procedure"`
	PublishedOn    *Date   `json:"publishedOn"`
	OfferDeadline  *Date   `json:"offerDeadline"`
	AwardDate      *Date   `json:"awardDate"`
	Method         string  `json:"method"` // "simple" | "extended"
	FluctuationPct float64 `json:"fluctuationPct"`
	TieBreaker     string  `json:"tieBreaker"` // "performance" | "price"
}

// TenderCriterion is an A-criterion (exclusion) or a weighted B-criterion.
type TenderCriterion struct {
	ID        int64   `json:"id"`
	Kind      string  `json:"kind"` // "A" | "B"
	Group     string  `json:"group"`
	Name      string  `json:"name"`
	Weight    float64 `json:"weight"`
	MinScore  float64 `json:"minScore"`
	SortOrder int     `json:"sortOrder"`
}

// Bid is an offer with its price and its scores per criterion (A: 1 = met, 0 = not met; B: 0–10).
type Bid struct {
	ID     int64             `json:"id"`
	Bidder string            `json:"bidder"`
	Price  float64           `json:"price"`
	Scores map[int64]float64 `json:"scores"`
	Note   string            `json:"note"`
}

// Contract is the record of step 9.
type Contract struct {
	Provider         string   `json:"provider"`
	ProviderContact  string   `json:"providerContact"`
	Type             string   `json:"type"` // EVB-IT Dienstvertrag | EVB-IT Service | EVB-IT Pflege S | other
	SignedOn         *Date    `json:"signedOn"`
	Start            *Date    `json:"start"`
	TermMonths       int      `json:"termMonths"` // 0 = open-ended
	NoticeMonths     int      `json:"noticeMonths"`
	NoticeToMonthEnd bool     `json:"noticeToMonthEnd"`
	Value            float64  `json:"value"`
	Documents        []string `json:"documents"`
	SLAID            *int64   `json:"slaId"`
}
