package importers

import (
	"errors"
	"strings"

	"schulit-lotse/domain"
)

// TicketsForProject reads a ticket export for a project: with the generic format its saved
// column mapping is used — and when that does not fit the file, the columns are detected anew
// (TicketFile.SavedMappingIgnored) —, the user's override (`--map`) goes over either, and the
// mapping of priorities and categories starts from the saved one. It returns the file, the
// mapping to use and the priorities nobody has placed yet (an import with such a priority
// stops at its first row).
func TicketsForProject(t *Table, format string, override map[string]string, p *domain.Project) (*TicketFile, domain.TicketMapping, []string, error) {
	opt := TicketOptions{Format: format, Override: override}
	if format == FormatGeneric {
		if g := p.GenericColumnsConfig(); g.Tickets != nil && len(g.Tickets.Columns) > 0 {
			opt.Columns = g.Tickets.Columns
		}
	}
	tf, err := ReadTickets(t, opt)
	if err != nil && len(opt.Columns) > 0 && columnProblem(err) {
		opt.Format, opt.Columns = FormatAuto, nil
		if tf, err = ReadTickets(t, opt); err == nil {
			tf.SavedMappingIgnored = true
		}
	}
	if err != nil {
		return nil, domain.TicketMapping{}, nil, err
	}
	if _, chosen := override[FieldSchool]; !chosen {
		tf.proposeSchool(knownSchools(p))
	}
	m, unplaced := DetectMapping(tf, p.TicketMappingConfig(), p.ClassCodes(), p.Packages)
	return tf, m, unplaced, nil
}

// knownSchools are the schools the project's tickets and survey answers name (normalised).
func knownSchools(p *domain.Project) map[string]bool {
	out := map[string]bool{}
	for i := range p.Tickets {
		if s := p.Tickets[i].School; s != "" {
			out[domain.NormalizeSourceValue(s)] = true
		}
	}
	for i := range p.SurveyAnswers {
		if s := p.SurveyAnswers[i].School; s != "" {
			out[domain.NormalizeSourceValue(s)] = true
		}
	}
	return out
}

// proposeSchool proposes, for a file without a school column, the unused column most of whose
// values are schools the project already knows (at least two of them). Values alone cannot
// tell a school from any other name, so this needs earlier data and stays a proposal.
func (f *TicketFile) proposeSchool(known map[string]bool) {
	if f.HasColumn(FieldSchool) || len(known) < 2 {
		return
	}
	used := map[int]bool{}
	for _, c := range f.Columns {
		used[c] = true
	}
	for c := range f.Headers {
		if used[c] || strings.TrimSpace(f.Headers[c]) == "" {
			continue
		}
		values, hits := map[string]bool{}, 0
		for i := f.HeaderRow + 1; i < len(f.Table.Rows); i++ {
			v := domain.NormalizeSourceValue(firstLine(cellAt(f.Table.Rows[i], c)))
			if v == "" || values[v] {
				continue
			}
			values[v] = true
			if known[v] {
				hits++
			}
		}
		if hits >= 2 && hits*2 > len(values) {
			f.Proposals = append(f.Proposals, Proposal{Field: FieldSchool, Column: f.header(c)})
			return
		}
	}
}

// TicketConfig is what an import saves with the tickets: the mapping, and the generic column
// mapping when the generic format was used.
func TicketConfig(p *domain.Project, tf *TicketFile, m domain.TicketMapping) map[string]string {
	m.ResponseNotMeasured = false // each ticket says it now (Ticket.ResponseNotMeasured)
	cfg := map[string]string{domain.ConfigTicketMapping: domain.ConfigJSON(m)}
	if tf.Format == FormatGeneric {
		g := p.GenericColumnsConfig()
		g.Tickets = &domain.ColumnMapping{Columns: tf.ColumnHeaders()}
		cfg[domain.ConfigGenericColumns] = domain.ConfigJSON(g)
	}
	return cfg
}

// ColumnHeaders is the mapping the file was read with: field → header.
func (f *TicketFile) ColumnHeaders() map[string]string {
	out := map[string]string{}
	for field, c := range f.Columns {
		out[field] = f.header(c)
	}
	return out
}

// columnProblem says whether an error comes from columns that are not in the file.
func columnProblem(err error) bool {
	var e *Error
	return errors.As(err, &e) && (e.Key == ErrUnknownColumn || e.Key == ErrMissingColumn || e.Key == ErrNoHeader)
}

// withOverride is a generic column mapping with the user's choices over it.
func withOverride(saved, override map[string]string) map[string]string {
	if len(override) == 0 {
		return saved
	}
	out := map[string]string{}
	for k, v := range saved {
		out[k] = v
	}
	for k, v := range override {
		out[k] = v // "-" stays: it takes the field from detection as well
	}
	return out
}

// CallsForProject reads a call list with the project's saved generic columns (format generic)
// and the user's choices (`--map`) over them; saved columns that do not fit the file give way
// to detection, and ignored reports that.
func CallsForProject(t *Table, format string, override map[string]string, p *domain.Project) (cf *CallFile, ignored bool, err error) {
	var saved map[string]string
	if format == FormatGeneric {
		if g := p.GenericColumnsConfig(); g.Calls != nil {
			saved = g.Calls.Columns
		}
	}
	cf, err = ReadCalls(t, CallOptions{Columns: withOverride(saved, override), Format: format})
	if err != nil && len(saved) > 0 && columnProblem(err) {
		if cf, err = ReadCalls(t, CallOptions{Columns: withOverride(nil, override), Format: format}); err == nil {
			return cf, true, nil
		}
	}
	return cf, false, err
}

// SurveyChoices are the user's choices for a survey import on the command line, put over the
// saved survey mapping: the satisfaction questions (`--map satisfaction=COLUMN`), their names
// (`--question COLUMN=NAME`) and scales (`--scale 0-10` for all, `--scale COLUMN=1-7` for one).
// Columns are headings, question codes or numbers from 1.
type SurveyChoices struct {
	Questions []string
	Names     map[string]string
	Scale     *domain.Scale
	Scales    map[string]domain.Scale
}

// Empty reports whether the user chose nothing.
func (c SurveyChoices) Empty() bool {
	return len(c.Questions) == 0 && len(c.Names) == 0 && c.Scale == nil && len(c.Scales) == 0
}

// over is m with the choices put over it.
func (c SurveyChoices) over(m domain.SurveyMapping) domain.SurveyMapping {
	if len(c.Questions) > 0 {
		m.Questions = c.Questions
	}
	if c.Scale != nil {
		m.Scale, m.ScaleMax = c.Scale, 0
	}
	if len(c.Scales) > 0 {
		scales := map[string]domain.Scale{}
		for k, v := range m.Scales {
			scales[k] = v
		}
		for k, v := range c.Scales {
			scales[k] = v
		}
		m.Scales = scales
	}
	return m
}

// SurveyForProject reads a survey export with the project's saved survey mapping, its saved
// generic columns (format generic) and the user's choices over them, as CallsForProject. It
// returns the mapping the file was read with, its questions, names and scales keyed by the
// headings of the file (what an import saves).
func SurveyForProject(t *Table, format string, override map[string]string, choices SurveyChoices, p *domain.Project) (sf *SurveyFile, used domain.SurveyMapping, ignored bool, err error) {
	var saved map[string]string
	if format == FormatGeneric {
		if g := p.GenericColumnsConfig(); g.Survey != nil {
			saved = g.Survey.Columns
		}
	}
	m := p.SurveyMappingConfig()
	opt := SurveyOptions{Mapping: choices.over(m), Columns: withOverride(saved, override)}
	sf, err = ReadSurvey(t, opt)
	if err != nil && (len(saved) > 0 || len(m.Questions) > 0 || m.School != "" || len(m.Scales) > 0) && columnProblem(err) {
		opt.Mapping = choices.over(domain.SurveyMapping{Reverse: m.Reverse, Names: m.Names})
		opt.Columns = withOverride(nil, override)
		if sf, err = ReadSurvey(t, opt); err == nil {
			ignored = true
		}
	}
	if err != nil {
		return nil, domain.SurveyMapping{}, false, err
	}
	used, err = sf.usedMapping(opt.Mapping, choices.Names)
	return sf, used, ignored, err
}

// usedMapping is m as this file has it: its questions and school by heading, and the names and
// scales the user gave by heading, code or number keyed by the heading.
func (f *SurveyFile) usedMapping(m domain.SurveyMapping, names map[string]string) (domain.SurveyMapping, error) {
	m.Questions, m.School = f.Questions, f.School
	heading := func(key string) (string, error) {
		c := f.columnOf(key)
		if c < 0 {
			return "", &Error{File: f.Table.File, Line: f.Table.Lines[f.HeaderRow], Key: ErrUnknownColumn, Value: shorten(key)}
		}
		return clip(f.header(c)), nil
	}
	if len(m.Scales) > 0 {
		scales := map[string]domain.Scale{}
		for k, v := range m.Scales {
			h, err := heading(k)
			if err != nil {
				return m, err
			}
			scales[h] = v
		}
		m.Scales = scales
	}
	if len(names) > 0 {
		out := map[string]string{}
		for k, v := range m.Names {
			out[k] = v
		}
		for k, v := range names {
			h, err := heading(k)
			if err != nil {
				return m, err
			}
			out[h] = v
		}
		m.Names = out
	}
	return m, nil
}

// CallFormats and SurveyFormats are the formats --format takes for calls and surveys.
var (
	CallFormats   = []string{FormatAuto, FormatGeneric, FormatAsterisk}
	SurveyFormats = []string{FormatAuto, FormatLimeSurvey, FormatGeneric}
)

// FormatLimeSurvey names LimeSurvey's response export.
const FormatLimeSurvey = "limesurvey"

// KnownFormat reports whether format is one of list.
func KnownFormat(format string, list []string) bool {
	for _, f := range list {
		if strings.EqualFold(f, format) {
			return true
		}
	}
	return false
}
