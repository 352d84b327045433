package domain

import (
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Keys of step 12 in Project.Config.
const (
	ConfigTicketMapping  = "step12.ticketMapping"
	ConfigGenericColumns = "step12.genericColumns"
	ConfigSurveyMapping  = "step12.surveyMapping"
	ConfigKPISettings    = "step12.kpiSettings"
	ConfigDashboard      = "step12.dashboard"
)

// TicketMapping maps the values of a ticket system onto the project: its priorities onto the
// SLA's priority classes and its categories (queues, groups) onto the packages. Keys are source
// values as NormalizeSourceValue returns them.
type TicketMapping struct {
	// Format is the export format the mapping was made for (zammad, glpi, …), for the dialog.
	Format     string            `json:"format,omitempty"`
	Priorities map[string]string `json:"priorities,omitempty"`
	Categories map[string]int64  `json:"categories,omitempty"`
	// ResponseNotMeasured was, up to schema and JSON version 4, the one flag of a project that
	// its last ticket import had no first-response column. Now each ticket carries it
	// (Ticket.ResponseNotMeasured); the flag is only read to convert older files.
	ResponseNotMeasured bool `json:"responseNotMeasured,omitempty"`
}

// LegacyResponseNotMeasured reads the flag of a saved ticket mapping of version 4 and older.
func LegacyResponseNotMeasured(mapping string) bool {
	var m TicketMapping
	return json.Unmarshal([]byte(mapping), &m) == nil && m.ResponseNotMeasured
}

// ColumnMapping says which column of a file holds which field (generic format). Columns maps a
// field name ("externalId", "created", …) to the column's header as it stands in the file.
type ColumnMapping struct {
	Columns map[string]string `json:"columns"`
}

// GenericColumns are the saved column mappings of the generic format, one per kind of import.
type GenericColumns struct {
	Tickets *ColumnMapping `json:"tickets,omitempty"`
	Calls   *ColumnMapping `json:"calls,omitempty"`
	Survey  *ColumnMapping `json:"survey,omitempty"`
}

// SurveyMapping says which questions of a survey export measure satisfaction and how.
type SurveyMapping struct {
	// Questions are the column headers (question codes such as Q1 or QMATRIX[SQ001]) whose
	// answers count; empty means every column whose answers all lie on the scale.
	Questions []string `json:"questions,omitempty"`
	// School is the header of the question that names the school ("" = none).
	School string `json:"school,omitempty"`
	// Reverse: 1 is the best answer (as in school grades), so 1 becomes 5 and 5 becomes 1.
	Reverse bool `json:"reverse,omitempty"`
	// Names are the names the user gave questions (header → name), shown instead of the code.
	Names map[string]string `json:"names,omitempty"`
	// ScaleMax is the top of the chosen questions' scale when it is not 1–5 (7 for a 7-point
	// scale); answers 1 … ScaleMax are put onto 1–5 linearly. 0 means 1–5.
	ScaleMax int `json:"scaleMax,omitempty"`
	// Scale is the scale of the chosen questions when the user named one (0–10, 1–7 …); it
	// goes before ScaleMax.
	Scale *Scale `json:"scale,omitempty"`
	// Scales are the scales of single questions (header → scale), before Scale.
	Scales map[string]Scale `json:"scales,omitempty"`
}

// Scale is the range of a numeric answer scale, such as 0–10 or 1–7.
type Scale struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// FivePoint is the satisfaction scale of the KPIs, 1 (worst) to 5 (best).
var FivePoint = Scale{Min: 1, Max: 5}

// ParseScale reads a scale as "1-7", "0-10", "1–7" or "0..10". The bottom is 0 or 1; the top
// lies between 2 and 100 above it.
func ParseScale(s string) (Scale, bool) {
	s = strings.TrimSpace(s)
	for _, sep := range []string{"..", "–", "-", "…"} {
		lo, hi, ok := strings.Cut(s, sep)
		if !ok {
			continue
		}
		a, errA := strconv.Atoi(strings.TrimSpace(lo))
		b, errB := strconv.Atoi(strings.TrimSpace(hi))
		if errA != nil || errB != nil || (a != 0 && a != 1) || b-a < 2 || b > 100 {
			return Scale{}, false
		}
		return Scale{Min: a, Max: b}, true
	}
	return Scale{}, false
}

// String is the scale as "0–10".
func (s Scale) String() string { return strconv.Itoa(s.Min) + "–" + strconv.Itoa(s.Max) }

// ToFive puts answer x of the scale onto 1–5 linearly, rounded half up:
// 1 + (x − Min)·4 / (Max − Min). On 0–10: 0 → 1, 5 → 3, 8 → 4,2 → 4, 9 → 4,6 → 5.
func (s Scale) ToFive(x int) int {
	return int(math.Floor(1 + float64(x-s.Min)*4/float64(s.Max-s.Min) + 0.5))
}

// ScaleOf is the scale the answers to question q are on: its own, the chosen questions', or
// 1 … ScaleMax, else 1–5.
func (m SurveyMapping) ScaleOf(q string) Scale {
	if s, ok := m.Scales[q]; ok {
		return s
	}
	if m.Scale != nil {
		return *m.Scale
	}
	if m.ScaleMax > 5 {
		return Scale{Min: 1, Max: m.ScaleMax}
	}
	return FivePoint
}

// limeHeading is LimeSurvey's "question code & question text" heading: "Q1. Wie zufrieden …?",
// "QMATRIX[SQ001]. Reaktionszeit".
var limeHeading = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_]*(?:\[[^\]]*\])*)\.\s+(\S.*)$`)

// SplitQuestionHeading splits a "code. text" heading into code and text; ok is false for any
// other heading.
func SplitQuestionHeading(h string) (code, text string, ok bool) {
	m := limeHeading.FindStringSubmatch(strings.TrimSpace(h))
	if m == nil {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// QuestionLabel is how a question is shown in the dashboard and the reports: the name the user
// gave it, else the text of a "code. text" heading, else the heading itself.
func (m SurveyMapping) QuestionLabel(q string) string {
	if n := strings.TrimSpace(m.Names[q]); n != "" {
		return n
	}
	if _, text, ok := SplitQuestionHeading(q); ok {
		return text
	}
	return q
}

// KPISettings are the project's choices for the traffic lights of step 12.
type KPISettings struct {
	// CompliancePct is the share of tickets that must meet their response and restoration
	// targets (the SLA names times, not shares); default 90.
	CompliancePct float64 `json:"compliancePct,omitempty"`
	// AmberPoints: a share up to this many percentage points below its target is amber; default 5.
	AmberPoints float64 `json:"amberPoints,omitempty"`
	// AmberPct: a time up to this many per cent above its target is amber; default 20.
	AmberPct float64 `json:"amberPct,omitempty"`
}

// Defaults of KPISettings.
const (
	DefaultCompliancePct = 90
	DefaultAmberPoints   = 5
	DefaultAmberPct      = 20
)

// WithDefaults fills unset values.
func (s KPISettings) WithDefaults() KPISettings {
	if s.CompliancePct <= 0 || s.CompliancePct > 100 {
		s.CompliancePct = DefaultCompliancePct
	}
	if s.AmberPoints <= 0 || s.AmberPoints > 100 {
		s.AmberPoints = DefaultAmberPoints
	}
	if s.AmberPct <= 0 || s.AmberPct > 1000 {
		s.AmberPct = DefaultAmberPct
	}
	return s
}

// configValue reads a JSON config entry into v; a missing or unreadable entry leaves v as is.
func (p *Project) configValue(key string, v any) bool {
	s, ok := p.Config[key]
	if !ok || s == "" {
		return false
	}
	return json.Unmarshal([]byte(s), v) == nil
}

// TicketMappingConfig is the saved ticket mapping (empty maps when none is saved).
func (p *Project) TicketMappingConfig() TicketMapping {
	var m TicketMapping
	p.configValue(ConfigTicketMapping, &m)
	if m.Priorities == nil {
		m.Priorities = map[string]string{}
	}
	if m.Categories == nil {
		m.Categories = map[string]int64{}
	}
	return m
}

// GenericColumnsConfig is the saved generic column mappings.
func (p *Project) GenericColumnsConfig() GenericColumns {
	var g GenericColumns
	p.configValue(ConfigGenericColumns, &g)
	return g
}

// SurveyMappingConfig is the saved survey mapping.
func (p *Project) SurveyMappingConfig() SurveyMapping {
	var m SurveyMapping
	p.configValue(ConfigSurveyMapping, &m)
	return m
}

// KPISettingsConfig is the saved KPI settings with defaults filled in.
func (p *Project) KPISettingsConfig() KPISettings {
	var s KPISettings
	p.configValue(ConfigKPISettings, &s)
	return s.WithDefaults()
}

// ConfigJSON encodes a config value; the types above never fail to encode.
func ConfigJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain data only
	}
	return string(b)
}

// NormalizeSourceValue is how a source's priority or category is compared: trimmed, inner
// white space (also non-breaking) collapsed to one space, lower case.
func NormalizeSourceValue(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
