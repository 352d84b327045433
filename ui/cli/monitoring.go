package cli

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence/importers"
	"schulit-lotse/reports"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/wording"
)

// Step 12 on the command line: imports of tickets, calls and survey answers into a project,
// `lotse kpi` and the monitoring report.

const usageKPI = "lotse kpi DATEI.lotse [--from JJJJ-MM-TT --to JJJJ-MM-TT] [--scope provider|ola] [--json]"

// importError turns a reader's error into the user's sentence; others pass unchanged.
func importError(err error) error {
	var e *importers.Error
	if errors.As(err, &e) {
		return translated{errors.New(wording.MonitoringImportError(err))}
	}
	return err
}

// formatOf reads --format for a kind of import.
func formatOf(p parsedArgs, list []string) (string, error) {
	f, ok := p.val("format")
	if !ok {
		return importers.FormatAuto, nil
	}
	f = strings.ToLower(f)
	if !importers.KnownFormat(f, list) {
		return "", usagef("monitoring.cli.format_unknown", map[string]any{"Format": f, "Formats": strings.Join(list, ", ")})
	}
	return f, nil
}

// importArgs reads --format and the --map FIELD=COLUMN options of an import of tickets or
// calls: the column is a header as in the file or a number from 1, "-" leaves the field
// unmapped.
func importArgs(p parsedArgs, formats, fields []string) (format string, override map[string]string, err error) {
	if format, err = formatOf(p, formats); err != nil {
		return "", nil, err
	}
	override, err = mapValues(p.all("map"), fields)
	return format, override, err
}

func mapValues(vals []string, fields []string) (map[string]string, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	out := map[string]string{}
	for _, v := range vals {
		field, col, ok := strings.Cut(v, "=")
		field, col = strings.TrimSpace(field), strings.TrimSpace(col)
		known := false
		for _, f := range fields {
			if strings.EqualFold(f, field) {
				field, known = f, true
			}
		}
		if !ok || col == "" || !known {
			return nil, usagef("monitoring.cli.map_invalid", map[string]any{"Value": v, "Fields": strings.Join(fields, ", ")})
		}
		out[field] = col
	}
	return out, nil
}

// surveyMapFields are the fields --map takes for a survey: those of the generic format and
// "satisfaction", a question that counts (repeatable).
var surveyMapFields = append(append([]string{}, importers.SurveyFields...), surveySatisfaction)

const surveySatisfaction = "satisfaction"

// surveyArgs reads the options of a survey import: --map FIELD=COLUMN (satisfaction=COLUMN
// for each question that counts), --question COLUMN=NAME and --scale [COLUMN=]MIN-MAX.
func surveyArgs(p parsedArgs) (map[string]string, importers.SurveyChoices, error) {
	var c importers.SurveyChoices
	var rest []string
	for _, v := range p.all("map") {
		field, col, _ := strings.Cut(v, "=")
		if strings.EqualFold(strings.TrimSpace(field), surveySatisfaction) && strings.TrimSpace(col) != "" {
			c.Questions = append(c.Questions, strings.TrimSpace(col))
			continue
		}
		rest = append(rest, v)
	}
	override, err := mapValues(rest, surveyMapFields)
	if err != nil {
		return nil, c, err
	}
	for _, v := range p.all("question") {
		col, name, ok := strings.Cut(v, "=")
		col, name = strings.TrimSpace(col), strings.TrimSpace(name)
		if !ok || col == "" || name == "" {
			return nil, c, usagef("monitoring.cli.question_invalid", map[string]any{"Value": v})
		}
		if c.Names == nil {
			c.Names = map[string]string{}
		}
		c.Names[col] = name
	}
	for _, v := range p.all("scale") {
		col, spec, ok := strings.Cut(v, "=")
		if !ok {
			col, spec = "", v
		}
		sc, valid := domain.ParseScale(spec)
		if !valid || (ok && strings.TrimSpace(col) == "") {
			return nil, c, usagef("monitoring.cli.scale_invalid", map[string]any{"Value": v})
		}
		if !ok {
			c.Scale = &sc
			continue
		}
		if c.Scales == nil {
			c.Scales = map[string]domain.Scale{}
		}
		c.Scales[strings.TrimSpace(col)] = sc
	}
	return override, c, nil
}

// importHint adds to a column error how the user maps the columns by hand.
func importHint(err error, fields []string) error {
	var e *importers.Error
	if !errors.As(err, &e) || (e.Key != importers.ErrNoHeader && e.Key != importers.ErrMissingColumn && e.Key != importers.ErrUnknownColumn) {
		return importError(err)
	}
	return translated{errors.New(wording.MonitoringImportError(err) + " " + lang.L("monitoring.cli.map_hint", map[string]any{"Fields": strings.Join(fields, ", ")}))}
}

// openSession opens an existing project for writing (with its lock) as the GUI would.
func (e *env) openSession(path string) (*session.Session, error) {
	if err := requireProjectName(path); err != nil {
		return nil, err
	}
	f, p, err := e.openForEdit(path)
	if err != nil {
		return nil, err
	}
	return session.New(f, p), nil
}

// runImport opens the project an import goes into and reads the file it comes from; mapTable
// turns the table into the import and what to say once it is stored, which runImport then does
// as one undoable edit.
func (e *env) runImport(target, src string, mapTable func(*session.Session, *importers.Table) (session.MonitoringImport, func(), error)) error {
	s, err := e.openSession(target)
	if err != nil {
		return err
	}
	defer s.Close()
	tab, err := importers.ReadFile(src)
	if err != nil {
		return importError(err)
	}
	imp, done, err := mapTable(s, tab)
	if err != nil {
		return err
	}
	if err := s.Import(imp, nil); err != nil {
		return err
	}
	done()
	return nil
}

// printNotes says what an import's reader noticed, after its summary line.
func (e *env) printNotes(savedMappingIgnored bool, notes []string) {
	if savedMappingIgnored {
		fmt.Fprintln(e.out, lang.L("import.note.saved_mapping_ignored"))
	}
	for _, n := range notes {
		fmt.Fprintln(e.out, n)
	}
}

func importTickets(e *env, target, src string, p parsedArgs) error {
	format, override, err := importArgs(p, importers.TicketFormats, importers.TicketFields)
	if err != nil {
		return err
	}
	return e.runImport(target, src, func(s *session.Session, tab *importers.Table) (session.MonitoringImport, func(), error) {
		tf, m, unplaced, err := importers.TicketsForProject(tab, format, override, s.Project)
		if err != nil {
			return session.MonitoringImport{}, nil, importHint(err, importers.TicketFields)
		}
		classes := s.Project.ClassCodes()
		ts, err := tf.Tickets(m, classes, s.Project.Packages)
		if err != nil {
			if len(unplaced) > 0 {
				fmt.Fprintln(e.err, "lotse: "+lang.L("monitoring.cli.unplaced", map[string]any{"Values": strings.Join(unplaced, ", "), "Classes": strings.Join(classes, ", ")}))
			}
			return session.MonitoringImport{}, nil, importError(err)
		}
		known := map[string]bool{}
		for _, t := range s.Project.Tickets {
			known[t.ExternalID] = true
		}
		added := 0
		for _, t := range ts {
			if !known[t.ExternalID] {
				added++
			}
		}
		imp := session.MonitoringImport{Kind: session.ImportTickets, Tickets: ts, Config: importers.TicketConfig(s.Project, tf, m)}
		return imp, func() {
			fmt.Fprintln(e.out, lang.L("monitoring.cli.tickets_done", map[string]any{
				"Count": e.count(len(ts)), "Added": e.count(added), "Updated": e.count(len(ts) - added), "Format": lang.L("import.format." + tf.Format),
				"Encoding": tab.Encoding, "Line": tab.Lines[tf.HeaderRow], "Total": e.count(len(s.Project.Tickets)),
			}))
			if tf.Duplicates > 0 {
				fmt.Fprintln(e.out, lang.L("monitoring.cli.duplicates", map[string]any{"Count": e.count(tf.Duplicates)}))
			}
			e.printNotes(tf.SavedMappingIgnored, wording.TicketNotes(tf))
			if len(classes) == 0 {
				fmt.Fprintln(e.out, lang.L("monitoring.cli.no_sla"))
			}
			var loose []string
			for _, c := range tf.Categories() {
				if _, ok := m.Categories[domain.NormalizeSourceValue(c.Value)]; !ok && c.Value != "" {
					loose = append(loose, c.Value)
				}
			}
			if len(loose) > 0 {
				sort.Strings(loose)
				fmt.Fprintln(e.out, lang.L("monitoring.cli.categories_without_package", map[string]any{"Values": strings.Join(loose, ", ")}))
			}
		}, nil
	})
}

func importCalls(e *env, target, src string, p parsedArgs) error {
	format, override, err := importArgs(p, importers.CallFormats, importers.CallFields)
	if err != nil {
		return err
	}
	return e.runImport(target, src, func(s *session.Session, tab *importers.Table) (session.MonitoringImport, func(), error) {
		cf, ignored, err := importers.CallsForProject(tab, format, override, s.Project)
		if err != nil {
			return session.MonitoringImport{}, nil, importHint(err, importers.CallFields)
		}
		imp := session.MonitoringImport{Kind: session.ImportCalls, Calls: cf.Calls, First: cf.First, Last: cf.Last}
		return imp, func() {
			fmt.Fprintln(e.out, lang.L("monitoring.cli.calls_done", map[string]any{
				"Count": e.count(len(cf.Calls)), "Outbound": e.count(cf.Outbound), "From": reports.FormatDateTime(cf.First), "To": reports.FormatDateTime(cf.Last),
				"Total": e.count(len(s.Project.Calls)), "Encoding": tab.Encoding,
			}))
			e.printNotes(ignored, wording.CallNotes(cf))
		}, nil
	})
}

func importSurvey(e *env, target, src string, p parsedArgs) error {
	format, err := formatOf(p, importers.SurveyFormats)
	if err != nil {
		return err
	}
	override, choices, err := surveyArgs(p)
	if err != nil {
		return err
	}
	return e.runImport(target, src, func(s *session.Session, tab *importers.Table) (session.MonitoringImport, func(), error) {
		sf, used, ignored, err := importers.SurveyForProject(tab, format, override, choices, s.Project)
		var ie *importers.Error
		if errors.As(err, &ie) && (ie.Key == importers.ErrNoQuestions || ie.Key == importers.ErrScore) {
			return session.MonitoringImport{}, nil, translated{errors.New(wording.MonitoringImportError(err) + " " + lang.L("monitoring.cli.survey_hint"))}
		}
		if err != nil {
			return session.MonitoringImport{}, nil, importHint(err, surveyMapFields)
		}
		imp := session.MonitoringImport{Kind: session.ImportSurvey, Answers: sf.Answers, First: sf.First, Last: sf.Last, Questions: sf.Questions}
		if !choices.Empty() { // the choices are kept for the next import, as the dialog keeps them
			imp.Config = map[string]string{domain.ConfigSurveyMapping: domain.ConfigJSON(used)}
		}
		return imp, func() {
			fmt.Fprintln(e.out, lang.L("monitoring.cli.survey_done", map[string]any{
				"Count": e.count(len(sf.Answers)), "Questions": strings.Join(sf.Questions, ", "), "Incomplete": e.count(sf.Incomplete), "Total": e.count(len(s.Project.SurveyAnswers)),
				"Encoding": tab.Encoding,
			}))
			e.printNotes(ignored, wording.SurveyNotes(sf))
		}, nil
	})
}

// periodArgs reads --from/--to: both or neither (then the quarter of horizon, the newest data).
func periodArgs(e *env, p parsedArgs, proj *domain.Project, horizon time.Time, usage string) (kpi.Period, error) {
	from, hasFrom := p.val("from")
	to, hasTo := p.val("to")
	if hasFrom != hasTo {
		return kpi.Period{}, usagef("monitoring.cli.period_pair", map[string]any{"Usage": usage})
	}
	if !hasFrom {
		return kpi.DefaultPeriodAt(horizon, proj.AsOf(e.now()).Time), nil
	}
	return parsePeriod(from, to, usage)
}

func parsePeriod(from, to, usage string) (kpi.Period, error) {
	f, err := domain.ParseDate(from)
	if err != nil {
		return kpi.Period{}, usagef("monitoring.cli.date", map[string]any{"Value": from})
	}
	t, err := domain.ParseDate(to)
	if err != nil {
		return kpi.Period{}, usagef("monitoring.cli.date", map[string]any{"Value": to})
	}
	period := kpi.Period{From: f, To: t}
	if !period.Valid() || period.Days() > 366*10 {
		return kpi.Period{}, usagef("monitoring.cli.period_order", map[string]any{"Usage": usage})
	}
	return period, nil
}

// KPIFormat names the JSON document of `lotse kpi --json`.
const KPIFormat = "schulit-lotse-kpi"

type kpiDoc struct {
	Format  string      `json:"format"`
	Version int         `json:"version"`
	Project summaryMeta `json:"project"`
	Report  *kpi.Report `json:"report"`
}

func cmdKPI(e *env, args []string) error {
	p, err := parseCommand(args, []option{{names: []string{"from"}, takesValue: true}, {names: []string{"to"}, takesValue: true},
		{names: []string{"scope"}, takesValue: true}, {names: []string{"json"}}}, 1, usageKPI)
	if err != nil {
		return err
	}
	scope, _ := p.val("scope")
	if !kpi.ValidScope(scope) {
		return usagef("monitoring.cli.scope_unknown", map[string]any{"Scope": scope, "Usage": usageKPI})
	}
	// Dates are checked before the file is opened, so scripts fail early.
	if f, ok := p.val("from"); ok {
		if t, ok := p.val("to"); ok {
			if _, err := parsePeriod(f, t, usageKPI); err != nil {
				return err
			}
		}
	}
	// The plan is loaded without monitoring rows (checked where they lie); the store hands over
	// those of the period, and of the rest only the newest times.
	f, proj, err := openChecked(p.pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	ticketHorizon, horizon, err := f.Horizons()
	if err != nil {
		return err
	}
	period, err := periodArgs(e, p, proj, horizon, usageKPI)
	if err != nil {
		return err
	}
	d, err := f.KPIData(kpi.NeedsOf(period, kpi.AsOfFor(kpi.Options{}, ticketHorizon, period)), ticketHorizon)
	if err != nil {
		return err
	}
	r, err := kpi.ComputeData(proj, d, period, kpi.Options{Scope: scope})
	if err != nil {
		return err
	}
	if p.bools["json"] {
		return writeJSON(e.out, kpiDoc{Format: KPIFormat, Version: 1, Report: r,
			Project: summaryMeta{Name: proj.Meta.Name, Schultraeger: proj.Meta.Schultraeger, Bundesland: string(proj.Meta.Bundesland)}})
	}
	writeKPIText(e, proj, r)
	return nil
}

// table prints rows with columns padded to their widest cell; numbers align right.
func table(e *env, rows [][]string, right map[int]bool) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			if right[i] {
				b.WriteString(padLeft(c, widths[i]))
			} else {
				b.WriteString(pad(c, widths[i]))
			}
		}
		fmt.Fprintln(e.out, strings.TrimRight(b.String(), " "))
	}
}

func writeKPIText(e *env, proj *domain.Project, r *kpi.Report) {
	fmt.Fprintln(e.out, lang.L("monitoring.cli.kpi_header", map[string]any{
		"Name": proj.Meta.Name, "Period": reports.FormatPeriod(r.Period), "Previous": reports.FormatPeriod(r.Previous),
		"AsOf": reports.FormatDateTime(r.AsOf),
	}))
	if r.Scope != kpi.ScopeAll {
		fmt.Fprintln(e.out, lang.L("kpi.scope."+r.Scope))
	}
	fmt.Fprintln(e.out)
	rows := [][]string{{lang.L("kpi.col.kpi"), lang.L("kpi.col.value"), lang.L("kpi.col.target"), lang.L("kpi.col.light"),
		lang.L("kpi.col.previous"), lang.L("kpi.col.change")}}
	for _, in := range append(append([]kpi.Indicator(nil), r.Indicators...), r.ClassIndicators...) {
		rows = append(rows, []string{reports.KPILabel(in), reports.IndicatorValue(in), reports.KPITarget(in),
			reports.KPILight(in.Light), reports.KPIPrevious(in), reports.KPIChange(in)})
	}
	table(e, rows, map[int]bool{1: true, 2: true, 4: true})

	fmt.Fprintln(e.out)
	fmt.Fprintln(e.out, lang.L("kpi.section.priorities"))
	rows = [][]string{{lang.L("kpi.col.class"), lang.L("kpi.col.tickets"), lang.L("kpi.col.open"), lang.L("kpi.col.response_share"),
		lang.L("kpi.col.response_median"), lang.L("kpi.col.response_p90"), lang.L("kpi.col.restore_share"), lang.L("kpi.col.restore_median"),
		lang.L("kpi.col.restore_p90")}}
	for _, g := range r.Tickets.ByPriority {
		rows = append(rows, groupRow(g))
	}
	table(e, rows, map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true})
	if r.Tickets.Unclassified > 0 {
		fmt.Fprintln(e.out, lang.L("kpi.unclassified", map[string]any{"Count": r.Tickets.Unclassified}))
	}
	if n := r.Tickets.Total.Response.NotMeasured; n > 0 && !r.ResponseNotMeasured {
		fmt.Fprintln(e.out, lang.L("kpi.response_partly_measured", map[string]any{"Count": n, "Total": r.Tickets.Total.Tickets}))
	}

	// Each package with the level its tickets are measured against (an OLA for packages kept
	// in the house).
	if len(r.Tickets.ByPackage) > 0 {
		fmt.Fprintln(e.out)
		fmt.Fprintln(e.out, lang.L("kpi.section.packages"))
		rows = [][]string{{lang.L("kpi.col.package"), lang.L("kpi.col.level"), lang.L("kpi.col.tickets"), lang.L("kpi.col.open"),
			lang.L("kpi.col.response_share"), lang.L("kpi.col.restore_share")}}
		for _, g := range r.Tickets.ByPackage {
			row := groupRow(g)
			var id *int64
			if g.ID != 0 {
				id = &g.ID
			}
			rows = append(rows, []string{row[0], levelName(proj, id), row[1], row[2], row[3], row[6]})
		}
		table(e, rows, map[int]bool{2: true, 3: true, 4: true, 5: true})
	}

	for _, x := range kpi.EscalationsDue(proj) {
		fmt.Fprintln(e.out, wording.EscalationText(x))
	}

	h := r.Hotline
	fmt.Fprintln(e.out)
	fmt.Fprintln(e.out, lang.L("kpi.cli.hotline", map[string]any{"Calls": h.Calls, "Answered": h.Answered, "Missed": h.Missed,
		"Abandon": wording.Number1(h.AbandonPct), "ASA": reports.FormatSeconds(h.ASASeconds)}))
	s := r.Satisfaction
	fmt.Fprintln(e.out, lang.L("kpi.cli.satisfaction", map[string]any{"Answers": s.Answers, "CSAT": wording.Number1(s.CSATPct),
		"Mean": wording.Number(s.Mean)}))

	fmt.Fprintln(e.out)
	b := r.Tickets.Breaches
	fmt.Fprintln(e.out, lang.L("kpi.cli.breaches", map[string]any{"Count": e.count(len(b))}))
	const shown = 20
	rows = [][]string{{lang.L("kpi.col.ticket"), lang.L("kpi.col.class"), lang.L("kpi.col.kind"), lang.L("kpi.col.elapsed"),
		lang.L("kpi.col.target_time"), lang.L("kpi.col.deadline"), lang.L("kpi.col.state")}}
	for i, x := range b {
		if i == shown {
			break
		}
		state := lang.L("kpi.breach.done")
		if x.Open {
			state = lang.L("kpi.breach.open")
		}
		rows = append(rows, []string{x.ExternalID, x.Priority, lang.L("kpi.kind." + x.Kind), reports.FormatMinutes(x.ElapsedMin),
			reports.FormatMinutes(float64(x.TargetMin)), reports.FormatDateTime(x.Deadline), state})
	}
	if len(b) > 0 {
		table(e, rows, map[int]bool{3: true, 4: true})
	}
	if len(b) > shown {
		fmt.Fprintln(e.out, lang.L("kpi.cli.more_breaches", map[string]any{"Count": e.count(len(b) - shown)}))
	}
}

// levelName names the service level tickets of a package are measured against, "(OLA)" marked.
func levelName(p *domain.Project, pkg *int64) string {
	l := domain.LevelInForce(p, pkg)
	switch {
	case l == nil:
		return "–"
	case l.Internal:
		return l.Name + " (" + lang.L("sla.ola.short") + ")"
	}
	return l.Name
}

func groupRow(g kpi.Group) []string {
	key := g.Key
	if key == "" {
		key = lang.L("kpi.none")
	}
	share := func(t kpi.TimeStats) string {
		if t.Measured == 0 {
			return "–"
		}
		return wording.Number1(t.SharePct) + " %"
	}
	times := func(t kpi.TimeStats, v float64) string {
		if t.Times == 0 {
			return "–"
		}
		return reports.FormatMinutes(v)
	}
	return []string{key, wording.Number(float64(g.Tickets)), wording.Number(float64(g.Open)),
		share(g.Response), times(g.Response, g.Response.MedianMin), times(g.Response, g.Response.P90Min),
		share(g.Restore), times(g.Restore, g.Restore.MedianMin), times(g.Restore, g.Restore.P90Min)}
}

func writeMonitoringReport(e *env, proj *domain.Project, out string, rp reportPeriod) error {
	opt := e.reportOptions()
	var period kpi.Period
	switch {
	case rp.From != nil && rp.To != nil:
		period = kpi.Period{From: *rp.From, To: *rp.To}
		if !period.Valid() {
			return usagef("monitoring.cli.period_order", map[string]any{"Usage": usageReport})
		}
	case rp.From != nil || rp.To != nil:
		return usagef("monitoring.cli.period_pair", map[string]any{"Usage": usageReport})
	default: // the quarter of the newest data
		horizon, err := opt.MonitoringOf(proj).Horizon()
		if err != nil {
			return err
		}
		period = kpi.DefaultPeriodAt(horizon, proj.AsOf(e.now()).Time)
	}
	if err := reports.WriteMonitoringFile(out, proj, period, opt); err != nil {
		return translated{err}
	}
	return nil
}

// writeJourFixeReport writes the protocol of the Jour fixe held on --date.
var writeJourFixeReport = dayReport(reports.WriteJourFixeProtocolFile)

// writeInvitationReport writes the invitation to the Jour fixe on --date: the agenda with the
// period's KPIs, the open measures, the milestones due and the next notice date.
var writeInvitationReport = dayReport(reports.WriteJourFixeInvitationFile)

// dayReport is a report type for the Jour fixe of the day --date names.
func dayReport(write func(path string, p *domain.Project, day domain.Date, opt reports.Options) error) func(*env, *domain.Project, string, reportPeriod) error {
	return func(e *env, proj *domain.Project, out string, rp reportPeriod) error {
		if rp.Day == nil {
			return usagef("monitoring.cli.date_missing", map[string]any{"Usage": usageReport})
		}
		if err := write(out, proj, *rp.Day, e.reportOptions()); err != nil {
			return translated{err}
		}
		return nil
	}
}
