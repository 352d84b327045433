package pdfkit

import (
	"errors"
	"time"

	"schulit-lotse/domain"
)

// Options of a report.
type Options struct {
	// Date printed on the title page and stored as the PDF's creation date; the same date gives
	// byte-identical output. Callers pass their clock's time; zero is refused.
	Date time.Time

	// Monitoring is where the monitoring data are read (the KPIs, the Mengengerüst): the
	// project file's store for a project loaded without its rows; nil reads the project's own
	// tickets, calls and answers.
	Monitoring MonitoringSource

	// OnCell, when set (tests), sees every table cell's text and the lines it was wrapped into.
	OnCell func(text string, lines []string)
}

// MonitoringOf is Monitoring, else the source of p's own rows.
func (o Options) MonitoringOf(p *domain.Project) MonitoringSource {
	if o.Monitoring != nil {
		return o.Monitoring
	}
	return ProjectMonitoring(p)
}

// Stamp is the document's date, or an error when the caller gave none.
func (o Options) Stamp() (time.Time, error) {
	if o.Date.IsZero() {
		return time.Time{}, errors.New(Tr("reports.err.no_date"))
	}
	return o.Date, nil
}

// Begin checks what every writer needs, a project and a date: it returns the project with an
// older file's over-long texts cut for printing (domain.Project.WithShortTexts) and the
// document's date.
func (o Options) Begin(p *domain.Project) (*domain.Project, time.Time, error) {
	if p == nil {
		return nil, time.Time{}, errors.New(Tr("reports.err.no_project"))
	}
	date, err := o.Stamp()
	return p.WithShortTexts(), date, err
}
