package importers

import (
	"strings"

	"schulit-lotse/domain"
)

// TicketsForProject reads a ticket export for a project: with the generic format its saved
// column mapping is used, and the mapping of priorities and categories starts from the saved
// one. It returns the file, the mapping to use and the priorities nobody has placed yet (an
// import with such a priority stops at its first row).
func TicketsForProject(t *Table, format string, p *domain.Project) (*TicketFile, domain.TicketMapping, []string, error) {
	opt := TicketOptions{Format: format}
	if format == FormatGeneric {
		if g := p.GenericColumnsConfig(); g.Tickets != nil && len(g.Tickets.Columns) > 0 {
			opt.Columns = g.Tickets.Columns
		}
	}
	tf, err := ReadTickets(t, opt)
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

// CallsForProject reads a call list with the project's saved generic columns (format generic).
func CallsForProject(t *Table, format string, p *domain.Project) (*CallFile, error) {
	opt := CallOptions{}
	if format == FormatGeneric {
		if g := p.GenericColumnsConfig(); g.Calls != nil {
			opt.Columns = g.Calls.Columns
		}
	}
	return ReadCalls(t, opt)
}

// SurveyForProject reads a survey export with the project's saved survey mapping.
func SurveyForProject(t *Table, format string, p *domain.Project) (*SurveyFile, error) {
	opt := SurveyOptions{Mapping: p.SurveyMappingConfig()}
	if format == FormatGeneric {
		if g := p.GenericColumnsConfig(); g.Survey != nil {
			opt.Columns = g.Survey.Columns
		}
	}
	return ReadSurvey(t, opt)
}

// CallFormats and SurveyFormats are the formats --format takes for calls and surveys.
var (
	CallFormats   = []string{FormatAuto, FormatGeneric}
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
