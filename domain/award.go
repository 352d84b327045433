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
	// Internal marks an OLA: the service level the Schulträger's own staff promise for a package
	// kept in the house (intern or gemischt). Same classes and clock as an SLA; never part of
	// the contract.
	Internal bool `json:"internal"`
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
	// Publication says where the tender was published (platform, journal, reference number).
	Publication string `json:"publication"`
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
	// Reasons say why a criterion got its score (by criterion id), for the Vergabevermerk.
	Reasons map[int64]string `json:"reasons"`
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
	// TypeOther names the contract type when Type is "other".
	TypeOther string `json:"typeOther"`
	// Contacts are the provider's people (account manager, service desk, escalation).
	Contacts []ContractContact `json:"contacts"`
	// AfterTerm says what happens when a fixed term ends: "open" (runs on, terminable with the
	// notice period), "renew" (renews by RenewalMonths unless terminated), "end" (ends by itself).
	AfterTerm     string `json:"afterTerm"`
	RenewalMonths int    `json:"renewalMonths"`
	// FrozenOn is the day the SLA version in force was frozen with the contract.
	FrozenOn *Date `json:"frozenOn"`
}

// ContractContact is a person at the provider.
type ContractContact struct {
	Name  string `json:"name"`
	Role  string `json:"role"`
	Phone string `json:"phone"`
	Email string `json:"email"`
}
