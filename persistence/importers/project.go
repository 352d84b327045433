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
	m, unplaced := DetectMapping(tf, p.TicketMappingConfig(), p.ClassCodes(), p.Packages)
	return tf, m, unplaced, nil
}

// TicketConfig is what an import saves with the tickets: the mapping, and the generic column
// mapping when the generic format was used.
func TicketConfig(p *domain.Project, tf *TicketFile, m domain.TicketMapping) map[string]string {
	m.ResponseNotMeasured = !tf.HasColumn(FieldFirstResponse)
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

// withOverride is a generic column mapping with the user's choices over it ("-" removes).
func withOverride(saved, override map[string]string) map[string]string {
	if len(override) == 0 {
		return saved
	}
	out := map[string]string{}
	for k, v := range saved {
		out[k] = v
	}
	for k, v := range override {
		if strings.TrimSpace(v) == Unmapped {
			delete(out, k)
		} else {
			out[k] = v
		}
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

// SurveyForProject reads a survey export with the project's saved survey mapping, its saved
// generic columns (format generic) and the user's choices over them, as CallsForProject.
func SurveyForProject(t *Table, format string, override map[string]string, p *domain.Project) (sf *SurveyFile, ignored bool, err error) {
	var saved map[string]string
	if format == FormatGeneric {
		if g := p.GenericColumnsConfig(); g.Survey != nil {
			saved = g.Survey.Columns
		}
	}
	opt := SurveyOptions{Mapping: p.SurveyMappingConfig(), Columns: withOverride(saved, override)}
	sf, err = ReadSurvey(t, opt)
	m := opt.Mapping
	if err != nil && (len(saved) > 0 || len(m.Questions) > 0 || m.School != "") && columnProblem(err) {
		opt.Mapping = domain.SurveyMapping{Reverse: m.Reverse}
		opt.Columns = withOverride(nil, override)
		if sf, err = ReadSurvey(t, opt); err == nil {
			return sf, true, nil
		}
	}
	return sf, false, err
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
