package domain

import (
	"math"
	"sort"
	"strings"
)

// Rule violations of step 7 (SLA). Each value is a translation key.
const (
	ErrSLANameEmpty        Error = "err.sla.name_empty"
	ErrSLAFrozen           Error = "err.sla.frozen"
	ErrSLAPackageTaken     Error = "err.sla.package_taken"
	ErrSLAPackageUnknown   Error = "err.sla.package_unknown"
	ErrOLAPackage          Error = "err.sla.ola_package"
	ErrClassCodeEmpty      Error = "err.sla.class_code_empty"
	ErrClassCodeDuplicate  Error = "err.sla.class_code_duplicate"
	ErrClassTargetZero     Error = "err.sla.class_target_zero"
	ErrClassResponseAfter  Error = "err.sla.class_response_after_restore"
	ErrClassTargetTooLarge Error = "err.sla.class_target_too_large"
	ErrHotlinePct          Error = "err.sla.hotline_pct"
	ErrHotlineWait         Error = "err.sla.hotline_wait"
	ErrSatisfactionPct     Error = "err.sla.satisfaction_pct"
	ErrCadenceUnknown      Error = "err.sla.cadence"
	ErrHolidayRange        Error = "err.holiday.range"
	ErrHolidayNameEmpty    Error = "err.holiday.name_empty"
)

// Reporting cadences an SLA can ask for.
const (
	CadenceMonthly   = "monthly"
	CadenceQuarterly = "quarterly"
	CadenceHalfYear  = "halfyear"
	CadenceYearly    = "yearly"
)

// Cadences are the reporting cadences in the order the editor offers them.
var Cadences = []string{CadenceMonthly, CadenceQuarterly, CadenceHalfYear, CadenceYearly}

// maxTargetMinutes bounds a class target: a target of more than a year is a typing error.
const maxTargetMinutes = 366 * minutesPerDay

// DefaultClassCodes are the priority classes a new SLA starts with, most urgent first.
var DefaultClassCodes = []string{"P1", "P2", "P3", "P4"}

// DefaultPriorityClasses are P1–P4 with targets a school carrier can start from: a whole school
// without IT is answered within half an hour of service time and restored the same day; a
// single device waits longer. describe supplies the plain description of each code (the UI
// takes it from the translation files).
func DefaultPriorityClasses(describe func(code string) string) []PriorityClassTarget {
	targets := map[string][2]int{
		"P1": {30, 4 * 60},
		"P2": {2 * 60, 8 * 60},
		"P3": {4 * 60, 3 * 8 * 60},
		"P4": {8 * 60, 5 * 8 * 60},
	}
	out := make([]PriorityClassTarget, 0, len(DefaultClassCodes))
	for _, c := range DefaultClassCodes {
		t := targets[c]
		out = append(out, PriorityClassTarget{Code: c, Description: describe(c), ResponseMinutes: t[0], RestoreMinutes: t[1]})
	}
	return out
}

// DefaultWindows are Monday to Friday, 07:30–16:30: the hours a school office is reachable.
func DefaultWindows() []ServiceWindow {
	return WeekdayWindows(1, 5, 7*60+30, 16*60+30)
}

// WeekdayWindows is the same service window, from startMinute to endMinute, on every weekday
// from first to last (0 Sunday … 6 Saturday), in weekday order.
func WeekdayWindows(first, last, startMinute, endMinute int) []ServiceWindow {
	ws := make([]ServiceWindow, 0, max(last-first+1, 0))
	for wd := first; wd <= last; wd++ {
		ws = append(ws, ServiceWindow{Weekday: wd, StartMinute: startMinute, EndMinute: endMinute})
	}
	return ws
}

// NewDefaultSLA is the SLA a project starts with: office hours, public holidays stop the clock,
// P1–P4, hotline and satisfaction targets, a monthly report.
func NewDefaultSLA(name string, describe func(code string) string) SLA {
	return SLA{
		Name: name, Windows: DefaultWindows(), PublicHolidaysStopClock: true,
		Classes: DefaultPriorityClasses(describe), HotlineAnsweredPct: 90, HotlineMaxWaitSeconds: 120,
		SatisfactionTargetPct: 80, ReportingCadence: CadenceMonthly,
	}
}

// Validate checks an SLA as the editor saves it. Package references are checked by
// ValidateSLAIn, which knows the project.
func (s SLA) Validate() error {
	if strings.TrimSpace(s.Name) == "" {
		return ErrSLANameEmpty
	}
	if err := ValidateWindows(s.Windows); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, c := range s.Classes {
		if err := c.Validate(); err != nil {
			return err
		}
		k := strings.ToUpper(strings.TrimSpace(c.Code))
		if seen[k] {
			return ErrClassCodeDuplicate
		}
		seen[k] = true
	}
	if bad(s.HotlineAnsweredPct) || s.HotlineAnsweredPct < 0 || s.HotlineAnsweredPct > 100 {
		return ErrHotlinePct
	}
	if s.HotlineMaxWaitSeconds < 0 || s.HotlineMaxWaitSeconds > 24*3600 {
		return ErrHotlineWait
	}
	if bad(s.SatisfactionTargetPct) || s.SatisfactionTargetPct < 0 || s.SatisfactionTargetPct > 100 {
		return ErrSatisfactionPct
	}
	if s.ReportingCadence != "" && !knownCadence(s.ReportingCadence) {
		return ErrCadenceUnknown
	}
	return nil
}

// Validate checks one priority class: a code, and both targets above zero with the response
// not later than the restoration.
func (c PriorityClassTarget) Validate() error {
	if strings.TrimSpace(c.Code) == "" {
		return ErrClassCodeEmpty
	}
	if c.ResponseMinutes <= 0 || c.RestoreMinutes <= 0 {
		return ErrClassTargetZero
	}
	if c.ResponseMinutes > maxTargetMinutes || c.RestoreMinutes > maxTargetMinutes {
		return ErrClassTargetTooLarge
	}
	if c.ResponseMinutes > c.RestoreMinutes {
		return ErrClassResponseAfter
	}
	return nil
}

// ValidateSLAIn checks an SLA within its project: the package exists, and no other working SLA
// already covers the same package (or is the general one). An OLA belongs to one package, and a
// package has at most one OLA beside its SLA.
func ValidateSLAIn(p *Project, s SLA) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if s.FrozenForContract {
		return nil
	}
	if s.Internal && s.PackageID == nil {
		return ErrOLAPackage
	}
	if s.PackageID != nil && p.PackageByID(*s.PackageID) == nil {
		return ErrSLAPackageUnknown
	}
	for _, o := range p.SLAs {
		if o.ID == s.ID || o.FrozenForContract || o.Internal != s.Internal {
			continue
		}
		if samePackage(o.PackageID, s.PackageID) {
			return ErrSLAPackageTaken
		}
	}
	return nil
}

// ValidateHoliday checks an imported Ferien period.
func ValidateHoliday(h SchoolHoliday) error {
	if strings.TrimSpace(h.Name) == "" {
		return ErrHolidayNameEmpty
	}
	if h.First.IsZero() || h.Last.IsZero() || h.Last.Before(h.First.Time) {
		return ErrHolidayRange
	}
	return nil
}

func samePackage(a, b *int64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func knownCadence(c string) bool {
	for _, k := range Cadences {
		if k == c {
			return true
		}
	}
	return false
}

func bad(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

// SLAByID returns the SLA with the id, or nil.
func (p *Project) SLAByID(id int64) *SLA {
	return itemByID(p.SLAs, id, func(s *SLA) int64 { return s.ID })
}

// WorkingSLAs are the provider's SLAs being edited (not the copies frozen with a contract, not
// the OLAs): the general one first, then those of packages by the packages' order.
func WorkingSLAs(p *Project) []SLA {
	return slasWhere(p, false, false)
}

// FrozenSLAs are the SLA copies agreed in the contract.
func FrozenSLAs(p *Project) []SLA {
	return slasWhere(p, true, false)
}

// OLAs are the internal service levels of packages kept in the house, by the packages' order.
func OLAs(p *Project) []SLA {
	return slasWhere(p, false, true)
}

// OLAFor is the OLA of a package, or nil.
func OLAFor(p *Project, packageID int64) *SLA {
	for i := range p.SLAs {
		if s := &p.SLAs[i]; s.Internal && s.PackageID != nil && *s.PackageID == packageID {
			return s
		}
	}
	return nil
}

// LevelInForce is the service level a ticket of the package is measured against: the package's
// own provider SLA in force, else its OLA, else the general SLA in force. So tickets of a
// package kept in the house are measured against what the own staff promise, not against the
// provider's SLA.
func LevelInForce(p *Project, packageID *int64) *SLA {
	s := SLAInForce(p, packageID)
	if packageID == nil || s != nil && s.PackageID != nil {
		return s
	}
	if o := OLAFor(p, *packageID); o != nil {
		return o
	}
	return s
}

func slasWhere(p *Project, frozen, internal bool) []SLA {
	order := map[int64]int{}
	for i, pk := range inUserOrder(p.Packages) {
		order[pk.ID] = i + 1
	}
	var out []SLA
	for _, s := range p.SLAs {
		if s.FrozenForContract == frozen && s.Internal == internal {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		oa, ob := 0, 0
		if out[a].PackageID != nil {
			oa = order[*out[a].PackageID]
			if oa == 0 {
				oa = len(order) + 1
			}
		}
		if out[b].PackageID != nil {
			ob = order[*out[b].PackageID]
			if ob == 0 {
				ob = len(order) + 1
			}
		}
		if oa != ob {
			return oa < ob
		}
		return out[a].ID < out[b].ID
	})
	return out
}

// SLAFor is the working SLA that applies to a package: its own, else the general one; nil when
// neither exists. packageID nil asks for the general SLA.
func SLAFor(p *Project, packageID *int64) *SLA {
	return slaFor(p, packageID, false)
}

// SLAInForce is the SLA a ticket of the package is measured against: the version frozen with
// the contract once there is one, else the working SLA (SLAFor).
func SLAInForce(p *Project, packageID *int64) *SLA {
	if p.Contract.SLAID != nil {
		if s := slaFor(p, packageID, true); s != nil {
			return s
		}
	}
	return SLAFor(p, packageID)
}

func slaFor(p *Project, packageID *int64, frozen bool) *SLA {
	var general *SLA
	for i := range p.SLAs {
		s := &p.SLAs[i]
		if s.FrozenForContract != frozen || s.Internal {
			continue
		}
		if packageID != nil && s.PackageID != nil && *s.PackageID == *packageID {
			return s
		}
		if s.PackageID == nil && general == nil {
			general = s
		}
	}
	return general
}

// ServiceMinutesPerWeek is the length of the SLA's service windows in an ordinary week.
func ServiceMinutesPerWeek(s SLA) int {
	n := 0
	for _, w := range s.Windows {
		if w.EndMinute > w.StartMinute {
			n += w.EndMinute - w.StartMinute
		}
	}
	return n
}

// WindowsOn are the SLA's windows on a weekday (0 = Sunday), sorted by start.
func WindowsOn(s SLA, weekday int) []ServiceWindow {
	var out []ServiceWindow
	for _, w := range s.Windows {
		if w.Weekday == weekday {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].StartMinute < out[b].StartMinute })
	return out
}

// ClassByCode returns the SLA's class with the code (case-insensitive), or nil.
func (s *SLA) ClassByCode(code string) *PriorityClassTarget {
	k := strings.ToUpper(strings.TrimSpace(code))
	for i := range s.Classes {
		if strings.ToUpper(strings.TrimSpace(s.Classes[i].Code)) == k {
			return &s.Classes[i]
		}
	}
	return nil
}

// SameHoliday reports whether two Ferien periods are the same period (name and days), so an
// import does not add a period twice.
func SameHoliday(a, b SchoolHoliday) bool {
	return NormalizedName(a.Name) == NormalizedName(b.Name) && a.First.Equal(b.First.Time) && a.Last.Equal(b.Last.Time)
}

// SortHolidays orders Ferien periods by their first day, then name.
func SortHolidays(hs []SchoolHoliday) {
	sort.SliceStable(hs, func(a, b int) bool {
		if !hs[a].First.Equal(hs[b].First.Time) {
			return hs[a].First.Before(hs[b].First.Time)
		}
		return hs[a].Name < hs[b].Name
	})
}
