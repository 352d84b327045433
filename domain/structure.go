package domain

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Step 11 (Struktur- und Prozessmodell): roles of both sides, the RACI matrix, the
// communication matrix, escalation levels and standing meetings.

// Parties lists the sides a role can belong to, in the order a select offers them.
var Parties = []Party{PartyCarrier, PartySchool, PartyProvider, PartyOther}

// Valid reports whether the party is one of Parties.
func (p Party) Valid() bool {
	return slices.Contains(Parties, p)
}

// Rule violations of step 11.
const (
	ErrRoleNameEmpty      Error = "err.structure.role_name_empty"
	ErrRoleParty          Error = "err.structure.role_party"
	ErrRoleUnknown        Error = "err.structure.role_unknown"
	ErrOccasionEmpty      Error = "err.structure.occasion_empty"
	ErrEscalationLevel    Error = "err.structure.escalation_level"
	ErrReactionHours      Error = "err.structure.reaction_hours"
	ErrMeetingNameEmpty   Error = "err.structure.meeting_name_empty"
	ErrMeetingCadence     Error = "err.structure.meeting_cadence"
	ErrMeetingMonthlyDate Error = "err.structure.meeting_monthly_without_date"
)

// Limits of the numbers of step 11.
const (
	MaxEscalationLevel = 9
	MaxReactionHours   = 24 * 365
	MaxCadenceDays     = 366
)

// Finding codes of step 11 besides the RACI matrix's.
const (
	FindRoleNoPerson         = "find.structure.role_no_person"
	FindCommNoCustomer       = "find.structure.comm_no_customer"
	FindCommNoProvider       = "find.structure.comm_no_provider"
	FindCommNoChannel        = "find.structure.comm_no_channel"
	FindEscalationNoTrigger  = "find.structure.escalation_no_trigger"
	FindEscalationNoContact  = "find.structure.escalation_no_contact"
	FindEscalationDuplicate  = "find.structure.escalation_duplicate"
	FindMeetingNoDate        = "find.structure.meeting_no_date"
	FindStructureNoRoles     = "find.structure.no_roles"
	FindStructureNoRaci      = "find.structure.no_raci"
	FindStructureNoComm      = "find.structure.no_communication"
	FindStructureNoEscal     = "find.structure.no_escalation"
	FindStructureNoMeeting   = "find.structure.no_meeting"
	FindStructureRoleMissing = "find.structure.contact_role_missing"
)

// Validate checks a role before it is stored.
func (r Role) Validate() error {
	return cmp.Or(
		r.texts().check(),
		rule(strings.TrimSpace(r.Name) != "", ErrRoleNameEmpty),
		rule(r.Party.Valid(), ErrRoleParty),
	)
}

// Validate checks a row of the communication matrix (its role references are checked against
// the project by ValidateRoleRefs).
func (c CommunicationRow) Validate() error {
	return cmp.Or(c.texts().check(), rule(strings.TrimSpace(c.Occasion) != "", ErrOccasionEmpty))
}

// Validate checks an escalation level.
func (e EscalationLevel) Validate() error {
	return cmp.Or(
		e.texts().check(),
		rule(e.Level >= 1 && e.Level <= MaxEscalationLevel, ErrEscalationLevel),
		rule(e.ReactionHours >= 0 && e.ReactionHours <= MaxReactionHours, ErrReactionHours),
	)
}

// Validate checks a standing meeting. CadenceDays 0 is a single meeting.
func (m Meeting) Validate() error {
	return cmp.Or(
		m.texts().check(),
		rule(strings.TrimSpace(m.Name) != "", ErrMeetingNameEmpty),
		rule(m.CadenceDays >= 0 && m.CadenceDays <= MaxCadenceDays, ErrMeetingCadence),
		ValidateAttendees(m.Participants),
	)
}

// RoleByID returns the role with the id, or nil.
func (p *Project) RoleByID(id int64) *Role {
	return itemByID(p.Roles, id, func(r *Role) int64 { return r.ID })
}

// ValidateRoleRefs checks that each non-nil id names a role of the project.
func (p *Project) ValidateRoleRefs(ids ...*int64) error {
	for _, id := range ids {
		if id != nil && p.RoleByID(*id) == nil {
			return ErrRoleUnknown
		}
	}
	return nil
}

// RoleName is the name of the role a contact points at, "" when there is none.
func (p *Project) RoleName(id *int64) string {
	if id == nil {
		return ""
	}
	if r := p.RoleByID(*id); r != nil {
		return r.Name
	}
	return ""
}

// ConfigMeetingRules is the Config key of the meetings' date rules (JSON object: meeting id →
// MeetingRule). The meetings table keeps cadence and first date only; the rules go here.
const ConfigMeetingRules = "step11.meeting_rules"

// MeetingRule refines how a meeting's dates are computed.
type MeetingRule struct {
	// Monthly repeats the meeting on the same weekday of the same week of each month as its
	// first date (the 2nd Tuesday, …; a first date in the month's last week keeps to the
	// last such weekday). CadenceDays is then ignored.
	Monthly bool `json:"monthly,omitempty"`
	// SkipOffDays moves a date that falls on a weekend or a public holiday of the project's
	// Bundesland to the next working day.
	SkipOffDays bool `json:"skipOffDays,omitempty"`
	// SkipSchoolHolidays moves a date inside the school holidays to the day after them (with
	// SkipOffDays on to the next working day).
	SkipSchoolHolidays bool `json:"skipSchoolHolidays,omitempty"`
}

// MeetingRules reads the meetings' rules from the project's configuration; a missing or
// unreadable entry gives no rules.
func MeetingRules(p *Project) map[int64]MeetingRule {
	out := map[int64]MeetingRule{}
	raw, ok := p.Config[ConfigMeetingRules]
	if !ok {
		return out
	}
	var m map[string]MeetingRule
	if json.Unmarshal([]byte(raw), &m) != nil {
		return out
	}
	for k, v := range m {
		if id, err := strconv.ParseInt(k, 10, 64); err == nil {
			out[id] = v
		}
	}
	return out
}

// MeetingRulesJSON is the configuration value of the rules; rules without any option are left
// out, and "" means nothing is left to store.
func MeetingRulesJSON(rules map[int64]MeetingRule) string {
	m := map[string]MeetingRule{}
	for id, r := range rules {
		if r != (MeetingRule{}) {
			m[strconv.FormatInt(id, 10)] = r
		}
	}
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m) // map keys are sorted: the same rules give the same text
	return string(b)
}

// ValidateMeetingRule checks a meeting together with its rule.
func ValidateMeetingRule(m Meeting, r MeetingRule) error {
	if r.Monthly && m.FirstDate == nil {
		return ErrMeetingMonthlyDate
	}
	return nil
}

// OffDays knows the days a meeting should not fall on.
type OffDays struct {
	state   Bundesland
	school  []SchoolHoliday
	holiday map[int]map[Date]bool
}

// NewOffDays prepares the public holidays of the state and the school holidays.
func NewOffDays(state Bundesland, school []SchoolHoliday) *OffDays {
	return &OffDays{state: state, school: school, holiday: map[int]map[Date]bool{}}
}

func (o *OffDays) publicHoliday(d Date) bool {
	y := d.Year()
	set, ok := o.holiday[y]
	if !ok {
		set = map[Date]bool{}
		for _, h := range PublicHolidays(o.state, y) {
			set[h.Date] = true
		}
		o.holiday[y] = set
	}
	return set[d]
}

func (o *OffDays) schoolHolidayEnd(d Date) (Date, bool) {
	for _, h := range o.school {
		if !d.Before(h.First.Time) && !d.After(h.Last.Time) {
			return h.Last, true
		}
	}
	return Date{}, false
}

// adjust moves d forward by the rule until no part of it applies: past the school holidays to
// the day after them, off weekends and public holidays (a holiday may end on a Friday).
func (o *OffDays) adjust(d Date, r MeetingRule) Date {
	for i := 0; i < 400; i++ { // bounded: holiday data is user input
		if r.SkipSchoolHolidays {
			if end, in := o.schoolHolidayEnd(d); in {
				d = meetingAddDays(end, 1)
				continue
			}
		}
		if wd := d.Weekday(); r.SkipOffDays && (wd == time.Saturday || wd == time.Sunday || o.publicHoliday(d)) {
			d = meetingAddDays(d, 1)
			continue
		}
		return d
	}
	return d
}

func meetingAddDays(d Date, n int) Date { return Date{d.AddDate(0, 0, n)} }

// daysBetween counts the days from a to b (negative when b is earlier).
func meetingDaysBetween(a, b Date) int { return int(b.Sub(a.Time).Hours() / 24) }

// nthWeekdayOfMonth is the n-th (1–4) weekday of the month, or the last one for n = 5.
func meetingNthWeekday(y int, m time.Month, wd time.Weekday, n int) Date {
	first := NewDate(y, m, 1) // normalises a month past December
	y, m = first.Year(), first.Month()
	offset := (int(wd) - int(first.Weekday()) + 7) % 7
	d := meetingAddDays(first, offset+7*(n-1))
	if n >= 5 || d.Month() != m {
		last := NewDate(y, m+1, 0) // day 0 of the next month: this month's last day
		back := (int(last.Weekday()) - int(wd) + 7) % 7
		d = meetingAddDays(last, -back)
	}
	return d
}

// weekOfMonth is 1–4 for a day in the month's first four weeks and 5 for a day in its last
// seven days that is not also in the fourth week.
func meetingWeekOfMonth(d Date) int {
	n := (d.Day()-1)/7 + 1
	if n >= 5 {
		return 5
	}
	return n
}

// NextMeetingDates returns up to n dates of the meeting on or after from, in order. A meeting
// without a first date has none; CadenceDays 0 means the first date only. Dates that the rule
// moves onto the same day are given once.
func NextMeetingDates(m Meeting, r MeetingRule, off *OffDays, from Date, n int) []Date {
	if m.FirstDate == nil || n <= 0 {
		return nil
	}
	if off == nil {
		off = NewOffDays("", nil)
	}
	first := *m.FirstDate
	var out []Date
	emit := func(base Date) bool {
		d := off.adjust(base, r)
		if d.Before(from.Time) {
			return false
		}
		if len(out) > 0 && !d.After(out[len(out)-1].Time) {
			return false
		}
		out = append(out, d)
		return len(out) >= n
	}
	switch {
	case r.Monthly:
		week, wd := meetingWeekOfMonth(first), first.Weekday()
		y, mo := first.Year(), first.Month()
		// Start a month before from: a date moved forward by the rule may still count.
		if start := shiftMonths(from, -1); start.After(first.Time) {
			y, mo = start.Year(), start.Month()
		}
		for i := 0; i < 12*200; i++ {
			d := meetingNthWeekday(y, mo+time.Month(i), wd, week)
			if d.Before(first.Time) {
				continue
			}
			if emit(d) {
				break
			}
		}
	case m.CadenceDays <= 0:
		emit(first)
	default:
		k := 0
		// Start one cadence before from, for the same reason as above.
		if gap := meetingDaysBetween(first, from); gap > 0 {
			k = max(gap/m.CadenceDays-1, 0)
		}
		for i := 0; i < 100000; i++ {
			if emit(meetingAddDays(first, (k+i)*m.CadenceDays)) {
				break
			}
		}
	}
	return out
}

// NextMeeting is the earliest upcoming meeting of the project on or after today: its name and
// date (ok=false when none has a date).
func NextMeeting(p *Project, today Date) (Meeting, Date, bool) {
	rules := MeetingRules(p)
	off := NewOffDays(p.Meta.Bundesland, p.SchoolHolidays)
	var best Meeting
	var bestDate Date
	found := false
	for _, m := range p.Meetings {
		ds := NextMeetingDates(m, rules[m.ID], off, today, 1)
		if len(ds) == 0 {
			continue
		}
		if !found || ds[0].Before(bestDate.Time) {
			best, bestDate, found = m, ds[0], true
		}
	}
	return best, bestDate, found
}

// SortedRoles returns the roles in the user's order (sort order, then id).
func SortedRoles(rs []Role) []Role {
	return inUserOrder(rs)
}

// SortedActivities returns the activities in the user's order (sort order, then id).
func SortedActivities(as []RaciActivity) []RaciActivity {
	return inUserOrder(as)
}

// SortedCommunication returns the communication rows in the user's order.
func SortedCommunication(cs []CommunicationRow) []CommunicationRow {
	return inUserOrder(cs)
}

// SortedEscalation returns the escalation levels by level, then id.
func SortedEscalation(es []EscalationLevel) []EscalationLevel {
	return inUserOrder(es)
}

// StructureFindings derives step 11's findings: the RACI matrix's, then open questions about
// roles, contacts, escalation and meetings, then the parts still missing.
func StructureFindings(p *Project) []Finding {
	out := RaciFindings(SortedActivities(p.RaciActivities), SortedRoles(p.Roles), p.RaciAssignments)
	q := func(code, subject string, id int64) {
		out = append(out, Finding{Step: StepStructure, Severity: SeverityQuestion, Code: code, Subject: subject, EntityID: id})
	}
	for _, r := range SortedRoles(p.Roles) {
		if strings.TrimSpace(r.Persons) == "" {
			q(FindRoleNoPerson, r.Name, r.ID)
		}
	}
	for _, c := range SortedCommunication(p.CommunicationRows) {
		if c.CustomerRoleID == nil || p.RoleByID(*c.CustomerRoleID) == nil {
			q(FindCommNoCustomer, c.Occasion, c.ID)
		}
		if c.ProviderRoleID == nil || p.RoleByID(*c.ProviderRoleID) == nil {
			q(FindCommNoProvider, c.Occasion, c.ID)
		}
		if strings.TrimSpace(c.Channel) == "" {
			q(FindCommNoChannel, c.Occasion, c.ID)
		}
	}
	levels := map[int]int{}
	for _, e := range p.EscalationLevels {
		levels[e.Level]++
	}
	for _, e := range SortedEscalation(p.EscalationLevels) {
		subject := strconv.Itoa(e.Level)
		if strings.TrimSpace(e.Trigger) == "" {
			q(FindEscalationNoTrigger, subject, e.ID)
		}
		if e.CustomerRoleID == nil || e.ProviderRoleID == nil || p.RoleByID(*e.CustomerRoleID) == nil || p.RoleByID(*e.ProviderRoleID) == nil {
			q(FindEscalationNoContact, subject, e.ID)
		}
		if levels[e.Level] > 1 {
			out = append(out, Finding{Step: StepStructure, Severity: SeverityWarning, Code: FindEscalationDuplicate, Subject: subject, EntityID: e.ID})
		}
	}
	for _, m := range p.Meetings {
		if m.FirstDate == nil {
			q(FindMeetingNoDate, m.Name, m.ID)
		}
	}
	if structureStarted(p) {
		for _, part := range []struct {
			empty bool
			code  string
		}{
			{len(p.Roles) == 0, FindStructureNoRoles},
			{len(p.RaciActivities) == 0, FindStructureNoRaci},
			{len(p.CommunicationRows) == 0, FindStructureNoComm},
			{len(p.EscalationLevels) == 0, FindStructureNoEscal},
			{len(p.Meetings) == 0, FindStructureNoMeeting},
		} {
			if part.empty {
				q(part.code, "", 0)
			}
		}
	}
	return out
}

func structureStarted(p *Project) bool {
	return len(p.Roles)+len(p.RaciActivities)+len(p.CommunicationRows)+len(p.EscalationLevels)+len(p.Meetings) > 0
}

// EvaluateStructure is step 11's state, key figures and findings on the given day. It is done
// when every part exists and neither an error nor an open question is left; warnings remain
// visible but do not hold the step back.
func EvaluateStructure(p *Project, today Date) (StepState, []Figure, []Finding) {
	f := StructureFindings(p)
	var errs, warns, questions int
	for _, x := range f {
		switch x.Severity {
		case SeverityError:
			errs++
		case SeverityWarning:
			if strings.HasPrefix(x.Code, "find.raci.") {
				warns++
			}
		default:
			questions++
		}
	}
	figs := []Figure{
		{Key: "fig.structure.roles", Value: float64(len(p.Roles))},
		{Key: "fig.structure.activities", Value: float64(len(p.RaciActivities))},
		{Key: "fig.structure.raci_errors", Value: float64(errs)},
		{Key: "fig.structure.raci_warnings", Value: float64(warns)},
		{Key: "fig.structure.communication", Value: float64(len(p.CommunicationRows))},
		{Key: "fig.structure.escalation", Value: float64(len(p.EscalationLevels))},
		{Key: "fig.structure.meetings", Value: float64(len(p.Meetings))},
	}
	if m, d, ok := NextMeeting(p, today); ok {
		figs = append(figs, Figure{Key: "fig.structure.next_meeting", Label: m.Name, Text: d.String()})
	}
	complete := len(p.Roles) > 0 && len(p.RaciActivities) > 0 && len(p.CommunicationRows) > 0 &&
		len(p.EscalationLevels) > 0 && len(p.Meetings) > 0 && errs == 0 && questions == 0
	return stateOf(structureStarted(p), complete), figs, f
}

// Cadence kinds of a standing meeting, for lists and select boxes.
const (
	MeetingEveryOnce      = "once"
	MeetingEveryWeekly    = "weekly"
	MeetingEveryTwoWeeks  = "two_weeks"
	MeetingEveryFourWeeks = "four_weeks"
	MeetingEveryMonthly   = "monthly"
	MeetingEveryQuarterly = "quarterly"
	MeetingEveryDays      = "days" // any other number of days
)

// MeetingEveryKinds lists the kinds in the order a select offers them, and MeetingEveryKindDays the days
// each fixed kind stands for (monthly: about 30, for readers that only know CadenceDays).
var (
	MeetingEveryKinds    = []string{MeetingEveryOnce, MeetingEveryWeekly, MeetingEveryTwoWeeks, MeetingEveryFourWeeks, MeetingEveryMonthly, MeetingEveryQuarterly, MeetingEveryDays}
	MeetingEveryKindDays = map[string]int{MeetingEveryOnce: 0, MeetingEveryWeekly: 7, MeetingEveryTwoWeeks: 14, MeetingEveryFourWeeks: 28, MeetingEveryMonthly: 30, MeetingEveryQuarterly: 91}
)

// MeetingCadence names how often a meeting takes place.
func MeetingCadence(m Meeting, r MeetingRule) string {
	if r.Monthly {
		return MeetingEveryMonthly
	}
	for _, k := range MeetingEveryKinds {
		if d, ok := MeetingEveryKindDays[k]; ok && k != MeetingEveryMonthly && d == m.CadenceDays {
			return k
		}
	}
	return MeetingEveryDays
}
