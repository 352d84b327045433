package domain

import (
	"encoding/json"
	"math"
	"sort"
	"strings"
)

// Step 4 reads the seed's three-colour legend like this:
//   - CoverageKeep ("Soll nicht verändert werden", green): someone is responsible today and
//     stays so; the new responsible is the current one.
//   - CoverageChange ("Muss verändert werden", amber): someone is responsible today, but the
//     task must move to someone else (another person, group or the external provider).
//   - CoverageAssign ("Muss zugewiesen werden", red): nobody is responsible yet — a new task or
//     one marked "noch nicht definiert" — so it must be given to someone for the first time.

// CoverageStates lists the three states in the legend's order.
var CoverageStates = []Coverage{CoverageKeep, CoverageChange, CoverageAssign}

// CoverageColor is the legend colour of a state, "#rrggbb"; "" for a task not yet assessed.
// The three are distinct in colour and in lightness, so they also survive a grey print.
func CoverageColor(c Coverage) string {
	switch c {
	case CoverageKeep:
		return "#2e7d32" // green
	case CoverageChange:
		return "#f9a825" // amber
	case CoverageAssign:
		return "#c62828" // red
	}
	return ""
}

// Rule violations of step 4.
const (
	ErrChangeToSame      Error = "err.coverage.change_to_same"
	ErrWorkloadLimit     Error = "err.workload.limit"
	ErrNewResponsibleBad Error = "err.coverage.new_responsible"
)

// Finding codes of step 4.
const (
	FindNoCoverage       = "find.coverage.unset"
	FindNoNewResponsible = "find.coverage.no_new_responsible"
	FindAssignHasOwner   = "find.coverage.assign_has_owner"
	FindOverloaded       = "find.workload.overloaded"
)

// IsExternalProvider reports whether a responsible entry means the external IT service provider
// (the app's wording and the seed's plural "Externe Dienstleister" alike).
func IsExternalProvider(s string) bool {
	switch NormalizedName(s) {
	case NormalizedName(ExternalProvider), "externe dienstleister", "externer it-dienstleister", "it-dienstleister", "dienstleister":
		return true
	}
	return false
}

// SetCoverage returns the task with a new coverage state and new responsible party, after the
// rules of step 4: "keep" needs someone responsible today and keeps that person (the new
// responsible field is cleared); "change" must name someone other than today's responsible
// person; "assign" and "change" may leave the new responsible open for now (an open question).
// The unset state clears both.
func SetCoverage(t Task, c Coverage, newResponsible string) (Task, error) {
	if !c.Valid() {
		return t, ErrCoverageUnknown
	}
	newResponsible = strings.TrimSpace(newResponsible)
	if strings.ContainsAny(newResponsible, "\n\r\t") {
		return t, ErrNewResponsibleBad
	}
	switch c {
	case CoverageUnset:
		newResponsible = ""
	case CoverageKeep:
		if !HasResponsible(t.Responsible) {
			return t, ErrKeepWithoutResponsible
		}
		newResponsible = ""
	case CoverageChange:
		if newResponsible != "" && NormalizedName(newResponsible) == NormalizedName(t.Responsible) {
			return t, ErrChangeToSame
		}
	}
	t.Coverage = c
	t.NewResponsible = newResponsible
	return t, nil
}

// SuggestedCoverage is the state the seed's legend suggests for a task before anyone decided:
// assign when nobody is responsible, otherwise nothing (keep or change is a decision).
func SuggestedCoverage(t Task) Coverage {
	if !HasResponsible(t.Responsible) {
		return CoverageAssign
	}
	return CoverageUnset
}

// ResponsibleAfter is who does the task after step 4: today's person for "keep" or when no new
// one is named, else the new one.
func ResponsibleAfter(t Task) string {
	if t.Coverage != CoverageKeep && strings.TrimSpace(t.NewResponsible) != "" {
		return t.NewResponsible
	}
	return t.Responsible
}

// ResponsibleSuggestions are the names offered for the new responsible: the external provider
// first, then everyone named in the project today or as new responsible, sorted, without
// duplicates and without placeholders such as "noch nicht definiert".
func ResponsibleSuggestions(p *Project) []string {
	seen := map[string]bool{NormalizedName(ExternalProvider): true}
	var names []string
	for _, t := range p.Tasks {
		for _, n := range []string{t.Responsible, t.NewResponsible} {
			n = strings.TrimSpace(n)
			k := NormalizedName(n)
			if !HasResponsible(n) || seen[k] || IsExternalProvider(n) {
				continue
			}
			seen[k] = true
			names = append(names, n)
		}
	}
	sort.Slice(names, func(a, b int) bool { return strings.ToLower(names[a]) < strings.ToLower(names[b]) })
	return append([]string{ExternalProvider}, names...)
}

// ConfigWorkload is the Project.Config key of the workload limits.
const ConfigWorkload = "step4.workload"

// maxHoursPerMonth bounds a limit: a month has at most 744 hours.
const maxHoursPerMonth = 744

// WorkloadSettings are the monthly hours a person or group can give to school IT: a default
// for everyone (0 = no limit) and limits per name. Above the limit a workload counts as overload.
type WorkloadSettings struct {
	DefaultLimit float64            `json:"defaultLimit"`
	Limits       map[string]float64 `json:"limits,omitempty"`
}

// Validate checks that every limit is a finite number of hours a month can hold.
func (w WorkloadSettings) Validate() error {
	ok := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 && v <= maxHoursPerMonth }
	if !ok(w.DefaultLimit) {
		return ErrWorkloadLimit
	}
	for k, v := range w.Limits {
		if strings.TrimSpace(k) == "" || !ok(v) {
			return ErrWorkloadLimit
		}
	}
	return nil
}

// LimitFor is the limit that applies to a name (its own, else the default); ok is false when
// neither is set. The external provider has no limit: its capacity is what the contract buys.
func (w WorkloadSettings) LimitFor(name string) (float64, bool) {
	if IsExternalProvider(name) || !HasResponsible(name) {
		return 0, false
	}
	k := NormalizedName(name)
	for n, v := range w.Limits {
		if NormalizedName(n) == k {
			return v, true
		}
	}
	return w.DefaultLimit, w.DefaultLimit > 0
}

// WithLimit returns a copy with the limit of one name set (v > 0) or removed (v == 0).
func (w WorkloadSettings) WithLimit(name string, v float64) WorkloadSettings {
	out := WorkloadSettings{DefaultLimit: w.DefaultLimit, Limits: map[string]float64{}}
	k := NormalizedName(name)
	for n, x := range w.Limits {
		if NormalizedName(n) != k {
			out.Limits[n] = x
		}
	}
	if v > 0 {
		out.Limits[strings.TrimSpace(name)] = v
	}
	if len(out.Limits) == 0 {
		out.Limits = nil
	}
	return out
}

// WorkloadSettingsOf reads the limits from the project's configuration; a missing or unreadable
// entry means no limits.
func WorkloadSettingsOf(p *Project) WorkloadSettings {
	var w WorkloadSettings
	if s, ok := p.Config[ConfigWorkload]; ok {
		if err := json.Unmarshal([]byte(s), &w); err != nil || w.Validate() != nil {
			return WorkloadSettings{}
		}
	}
	return w
}

// JSON is the configuration value of w.
func (w WorkloadSettings) JSON() string {
	b, _ := json.Marshal(w)
	return string(b)
}

// WorkloadRow compares one person's or group's monthly hours before and after step 4.
type WorkloadRow struct {
	Responsible string // "" = nobody responsible
	Before      float64
	After       float64
	TasksBefore int
	TasksAfter  int
	Limit       float64
	HasLimit    bool
	External    bool
}

// OverBefore and OverAfter report a workload above the limit.
func (r WorkloadRow) OverBefore() bool { return r.HasLimit && r.Before > r.Limit+1e-9 }
func (r WorkloadRow) OverAfter() bool  { return r.HasLimit && r.After > r.Limit+1e-9 }

// Workload lists everyone's hours per month before and after the reassignment, names compared
// without case and extra spaces. Rows are sorted by the larger of both workloads, then by name;
// the row for tasks without anyone responsible comes last.
func Workload(p *Project) []WorkloadRow {
	limits := WorkloadSettingsOf(p)
	index := map[string]int{}
	var rows []WorkloadRow
	row := func(name string) *WorkloadRow {
		name = strings.TrimSpace(name)
		k := NormalizedName(name)
		if !HasResponsible(name) {
			name, k = "", ""
		} else if IsExternalProvider(name) {
			name, k = ExternalProvider, NormalizedName(ExternalProvider)
		}
		i, ok := index[k]
		if !ok {
			i = len(rows)
			index[k] = i
			rows = append(rows, WorkloadRow{Responsible: name, External: name != "" && IsExternalProvider(name)})
		}
		return &rows[i]
	}
	for _, t := range p.Tasks {
		h := t.HoursPerMonth(p.Settings)
		b := row(t.Responsible)
		b.Before += h
		b.TasksBefore++
		a := row(ResponsibleAfter(t))
		a.After += h
		a.TasksAfter++
	}
	for i := range rows {
		rows[i].Limit, rows[i].HasLimit = limits.LimitFor(rows[i].Responsible)
	}
	sort.SliceStable(rows, func(a, b int) bool {
		ra, rb := rows[a], rows[b]
		if (ra.Responsible == "") != (rb.Responsible == "") {
			return rb.Responsible == ""
		}
		ma, mb := math.Max(ra.Before, ra.After), math.Max(rb.Before, rb.After)
		if ma != mb {
			return ma > mb
		}
		return strings.ToLower(ra.Responsible) < strings.ToLower(rb.Responsible)
	})
	return rows
}

// CoverageFindings are the open questions of step 4: tasks not yet assessed, tasks to change or
// assign without a new responsible party, "assign" on a task that has an owner today, and people
// who are over their limit after the reassignment.
func CoverageFindings(p *Project) []Finding {
	var out []Finding
	for _, t := range inUserOrder(p.Tasks) {
		switch t.Coverage {
		case CoverageUnset:
			out = append(out, Finding{Step: StepCoverage, Severity: SeverityQuestion, Code: FindNoCoverage, Subject: t.Name, EntityID: t.ID})
		case CoverageChange, CoverageAssign:
			if !HasResponsible(t.NewResponsible) {
				out = append(out, Finding{Step: StepCoverage, Severity: SeverityQuestion, Code: FindNoNewResponsible, Subject: t.Name, EntityID: t.ID})
			}
			if t.Coverage == CoverageAssign && HasResponsible(t.Responsible) {
				out = append(out, Finding{Step: StepCoverage, Severity: SeverityWarning, Code: FindAssignHasOwner, Subject: t.Name, EntityID: t.ID})
			}
		}
	}
	for _, r := range Workload(p) {
		if r.OverAfter() {
			out = append(out, Finding{Step: StepCoverage, Severity: SeverityWarning, Code: FindOverloaded, Subject: r.Responsible})
		}
	}
	return out
}

// CoverageCounts counts the tasks per state.
func CoverageCounts(p *Project) map[Coverage]int {
	out := map[Coverage]int{}
	for _, t := range p.Tasks {
		out[t.Coverage]++
	}
	return out
}

// ExternalHours is the monthly hours that go to the external provider after step 4.
func ExternalHours(p *Project) float64 {
	var sum float64
	for _, t := range p.Tasks {
		if IsExternalProvider(ResponsibleAfter(t)) {
			sum += t.HoursPerMonth(p.Settings)
		}
	}
	return sum
}

func evaluateCoverage(p *Project, today Date) (StepState, []Figure, []Finding) {
	f := CoverageFindings(p)
	n := CoverageCounts(p)
	overloaded := 0
	for _, r := range Workload(p) {
		if r.OverAfter() {
			overloaded++
		}
	}
	figs := []Figure{
		{Key: "fig.coverage.keep", Value: float64(n[CoverageKeep])},
		{Key: "fig.coverage.change", Value: float64(n[CoverageChange])},
		{Key: "fig.coverage.assign", Value: float64(n[CoverageAssign])},
		{Key: "fig.coverage.external_hours", Value: ExternalHours(p), Unit: "h"},
		{Key: "fig.coverage.overloaded", Value: float64(overloaded)},
	}
	started := len(p.Tasks) > n[CoverageUnset]
	return stateOf(started, len(p.Tasks) > 0 && len(f) == 0), figs, f
}
