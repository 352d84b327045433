package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/reports"
)

// The project file is the reports' monitoring source.
var _ reports.MonitoringSource = (*persistence.File)(nil)

// loadedSource is the file as the reports' source after LoadWithoutRows: the horizons it found
// are answered from its overview instead of reading the tickets again.
type loadedSource struct {
	*persistence.File
	o persistence.MonitoringOverview
}

func (s loadedSource) TicketHorizon() (time.Time, error) { return s.o.TicketHorizon, nil }
func (s loadedSource) Horizon() (time.Time, error)       { return s.o.Horizon, nil }

func cmdReport(e *env, args []string) error {
	p, err := parseCommand(args, []option{
		{names: []string{"o", "output"}, takesValue: true},
		{names: []string{"type"}, takesValue: true},
		{names: []string{"from"}, takesValue: true},
		{names: []string{"to"}, takesValue: true},
		{names: []string{"date"}, takesValue: true},
	}, 1, usageReport)
	if err != nil {
		return err
	}
	out, ok := p.val("o")
	if !ok {
		return usagef("cli.err.output_missing", map[string]any{"Usage": usageReport})
	}
	if strings.EqualFold(filepath.Ext(out), ".lotse") {
		return failf("cli.err.export_over_project", map[string]any{"Path": out})
	}
	t, _ := p.val("type")
	if t == "" {
		t = "full"
	}
	write, ok := reportTypes[t]
	if !ok {
		return usagef("cli.err.type_unknown", map[string]any{"Type": t, "Usage": usageReport})
	}
	// Dates are checked before the file is opened, so scripts fail early.
	var period reportPeriod
	for _, name := range []string{"from", "to"} {
		if v, ok := p.val(name); ok {
			d, err := domain.ParseDate(v)
			if err != nil {
				return usagef("err.date", map[string]any{"Value": v})
			}
			if name == "from" {
				period.From = &d
			} else {
				period.To = &d
			}
		}
	}
	if v, ok := p.val("date"); ok {
		d, err := domain.ParseDate(v)
		if err != nil {
			return usagef("err.date", map[string]any{"Value": v})
		}
		period.Day = &d
	}
	// The project is read without its monitoring rows: the reports read what their sections
	// need from the open file (the KPIs of a period, grouped counts, horizons).
	f, err := persistence.Open(p.pos[0], persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer f.Close()
	var proj *domain.Project
	e.monitoring = f
	if planOnly[t] {
		proj, err = f.LoadPlan()
	} else {
		var o persistence.MonitoringOverview
		proj, o, err = f.LoadWithoutRows()
		e.monitoring = loadedSource{f, o}
	}
	if err != nil {
		return err
	}
	if err := write(e, proj, out, period); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.report.done", map[string]any{"Path": out}))
	return nil
}

// reportPeriod is the --from/--to range of a report (nil ends are open) and the --date of a
// report about one day.
type reportPeriod struct{ From, To, Day *domain.Date }

// reportTypes maps --type to its writer; each report registers itself in its own file.
var reportTypes = map[string]func(e *env, proj *domain.Project, out string, period reportPeriod) error{
	"full": writeFullReport, "kurz": writeShortReport, "tender": writeServiceSpecReport, "monitoring": writeMonitoringReport,
	"jourfixe": writeJourFixeReport, "einladung": writeInvitationReport, "vergabevermerk": writeAwardRecordReport,
}

func writeFullReport(e *env, proj *domain.Project, out string, period reportPeriod) error {
	return writeWithoutPeriod(e, proj, out, period, reports.WriteGesamtberichtFile)
}

func writeShortReport(e *env, proj *domain.Project, out string, period reportPeriod) error {
	return writeWithoutPeriod(e, proj, out, period, reports.WriteKurzfassungFile)
}

// writeWithoutPeriod writes a report that has no period (Gesamtbericht, Kurzfassung,
// Leistungsbeschreibung, Vergabevermerk); a --from or --to given is said to be ignored.
func writeWithoutPeriod(e *env, proj *domain.Project, out string, period reportPeriod, write func(string, *domain.Project, reports.Options) error) error {
	if period.From != nil || period.To != nil {
		fmt.Fprintln(e.err, "lotse: "+lang.L("cli.report.period_ignored"))
	}
	if err := write(out, proj, e.reportOptions()); err != nil {
		return translated{err} // the reports package words its errors for the user
	}
	return nil
}
