package reports

import (
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/pdfkit"
)

// The "Roter Faden": a row per Aufgabenpaket along the golden thread, from its tasks to this
// quarter's KPIs, with the contradictions the thread checks find. The overview's tab and the
// Gesamtbericht's last section show the same cells.

// ThreadColumn is one column of the Roter Faden: its title (a translation key), the step a cell
// comes from (0: the step of the row's first contradiction), and its width on screen (px) and on
// paper (share; 0 keeps the column off paper, where eleven columns do not fit).
type ThreadColumn struct {
	Key   string
	Step  domain.StepID
	Width float32
	Paper float64
}

// ThreadColumns are the columns in the order of the thread.
var ThreadColumns = []ThreadColumn{
	{Key: "ui.thread.col.package", Step: domain.StepRequirements, Width: 170, Paper: 11},
	{Key: "ui.thread.col.tasks", Step: domain.StepInventory, Width: 110, Paper: 7},
	{Key: "ui.thread.col.handed_out", Step: domain.StepCoverage, Width: 110, Paper: 7},
	{Key: "ui.thread.col.decision", Step: domain.StepSourcing, Width: 110, Paper: 8},
	{Key: "ui.thread.col.sla", Step: domain.StepSLA, Width: 200, Paper: 12},
	{Key: "ui.thread.col.winner", Step: domain.StepTender, Width: 170, Paper: 9},
	{Key: "ui.thread.col.contract", Step: domain.StepContract, Width: 170, Paper: 9},
	{Key: "ui.thread.col.raci", Step: domain.StepStructure, Width: 200, Paper: 10},
	{Key: "ui.thread.col.kpis", Step: domain.StepMonitoring, Width: 330, Paper: 15},
	{Key: "ui.thread.col.categories", Step: domain.StepMonitoring, Width: 200},
	{Key: "ui.thread.col.findings", Width: 120, Paper: 6},
}

// Tone is how a cell is emphasised: plain, a warning, a problem or good.
type Tone int

const (
	TonePlain Tone = iota
	ToneWarning
	ToneDanger
	ToneSuccess
)

// ThreadKPIs are the package figures of the quarter the monitoring data reach (the period step 12
// opens with), judged on the project's day; src is where the monitoring rows are read (nil: the
// project's own lists).
func ThreadKPIs(p *domain.Project, src MonitoringSource, now time.Time) (kpi.Period, map[int64]kpi.PackageKPIs, error) {
	return newMonitoring(p, Options{Monitoring: src}, nil).threadKPIs(p, now)
}

// threadKPIs is ThreadKPIs from the book's source, computed once for its layout runs.
func (m *monitoring) threadKPIs(p *domain.Project, now time.Time) (kpi.Period, map[int64]kpi.PackageKPIs, error) {
	period := m.defaultPeriod(p.AsOf(now).Time)
	r := m.report(p, period)
	if m.err != nil {
		return period, nil, m.err
	}
	if r == nil {
		return period, nil, kpi.ErrPeriod
	}
	return period, r.ByPackage(p), nil
}

// ThreadCell is the text and tone of one cell; kpis nil means the figures are not computed yet.
func ThreadCell(p *domain.Project, r domain.ThreadRow, kpis map[int64]kpi.PackageKPIs, col int) (string, Tone) {
	dash := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "–"
		}
		return s
	}
	inHouse := r.Decision == domain.OutcomeInternal
	switch col {
	case 0:
		return r.Package.Name, TonePlain
	case 1:
		return tr("ui.thread.tasks", map[string]any{"Count": r.Tasks, "Hours": pdfkit.FormatNumber(r.Hours)}), TonePlain
	case 2:
		if r.HandedOutTasks == 0 {
			return tr("ui.thread.nothing"), TonePlain
		}
		return tr("ui.thread.tasks", map[string]any{"Count": r.HandedOutTasks, "Hours": pdfkit.FormatNumber(r.HandedOutHours)}), TonePlain
	case 3:
		if r.Decision == "" || r.Decision == domain.OutcomeOpen {
			return tr("ui.thread.open"), ToneWarning
		}
		return tr("src.outcome." + string(r.Decision)), TonePlain
	case 4:
		switch {
		case r.OLA:
			return r.SLA + " (" + tr("sla.ola.short") + ")", TonePlain
		case inHouse:
			return tr("ui.thread.in_house"), TonePlain // the provider's SLA does not cover it
		}
		return dash(r.SLA), TonePlain
	case 5, 6:
		if inHouse {
			return tr("ui.thread.in_house"), TonePlain
		}
		if col == 5 {
			return dash(r.Winner), TonePlain
		}
		return dash(r.Provider), TonePlain
	case 7:
		return dash(strings.Join(r.Responsible, ", ")), TonePlain
	case 8:
		if kpis == nil {
			return "…", TonePlain
		}
		k, ok := kpis[r.Package.ID]
		if !ok {
			return tr("ui.thread.no_tickets"), TonePlain
		}
		return ThreadKPIText(p, k), threadKPITone(k)
	case 9:
		return dash(strings.Join(r.Categories, ", ")), TonePlain
	case 10:
		if len(r.Findings) == 0 {
			return tr("ui.thread.consistent"), ToneSuccess
		}
		return tr("ui.thread.contradictions", map[string]any{"Count": strconv.Itoa(len(r.Findings))}), ToneDanger
	}
	return "", TonePlain
}

// ThreadKPIText words a package's figures with their lights as words ("Reaktion 96 % grün ·
// Lösung 81 % rot"); a red figure names the escalation level of step 11 and its roles.
func ThreadKPIText(p *domain.Project, k kpi.PackageKPIs) string {
	s := tr("ui.thread.kpis", map[string]any{
		"Response": IndicatorValue(k.Response), "ResponseLight": KPILight(k.Response.Light),
		"Restore": IndicatorValue(k.Restore), "RestoreLight": KPILight(k.Restore.Light)})
	if !k.Red() {
		return s
	}
	if k.Escalation == nil {
		return s + " – " + tr("ui.thread.no_escalation")
	}
	roles := []string{}
	for _, id := range []*int64{k.Escalation.CustomerRoleID, k.Escalation.ProviderRoleID} {
		if id == nil {
			continue
		}
		for _, ro := range p.Roles {
			if ro.ID == *id {
				roles = append(roles, ro.Name)
			}
		}
	}
	return s + " – " + tr("ui.thread.escalation", map[string]any{"Level": k.Escalation.Level, "Roles": dashIfEmpty(strings.Join(roles, " / "))})
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func threadKPITone(k kpi.PackageKPIs) Tone {
	switch {
	case k.Red():
		return ToneDanger
	case k.Response.Light == kpi.LightAmber || k.Restore.Light == kpi.LightAmber:
		return ToneWarning
	case k.Response.Light == kpi.LightGreen && k.Restore.Light == kpi.LightGreen:
		return ToneSuccess
	}
	return TonePlain
}

// writeThreadSection is the Gesamtbericht's chapter after the steps: what the Roter Faden shows
// and the quarter its figures come from; its table of ten columns goes to Anhang B (landscape)
// with the other wide tables.
func writeThreadSection(r *pdfkit.Report, p *domain.Project, m *monitoring) {
	title := tr("reports.thread.title")
	r.ChapterOn(pdfkit.Portrait, "", tr("reports.thread.kicker"), title)
	r.Paragraph(tr("reports.thread.intro"))
	period, kpis, err := m.threadKPIs(p, r.Date())
	if err != nil {
		kpis = map[int64]kpi.PackageKPIs{} // figures not measured; a failed read ends the report
	}
	rows := domain.ThreadView(p, r.AsOf())
	t := pdfkit.Table{Zebra: true}
	for _, c := range ThreadColumns {
		if c.Paper > 0 {
			t.Columns = append(t.Columns, pdfkit.Column{Title: tr(c.Key), Width: c.Paper})
		}
	}
	tones := make([]Tone, len(rows))
	for i, row := range rows {
		var cells []string
		for c, col := range ThreadColumns {
			text, tone := ThreadCell(p, row, kpis, c)
			if tone == ToneDanger {
				tones[i] = tone
			}
			if col.Paper > 0 {
				cells = append(cells, text)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	t.RowFill = func(i int) (pdfkit.Color, bool) {
		if tones[i] == ToneDanger {
			return tint(pdfColor(domain.CoverageColor(domain.CoverageAssign), pdfkit.ColorZebra), 0.3), true
		}
		return pdfkit.Color{}, false
	}
	r.PlaceTable(title, t, func(r *pdfkit.Report) {
		r.Note(tr("reports.thread.period", map[string]any{"Period": FormatPeriod(period)}))
		r.Table(t)
	})
}
