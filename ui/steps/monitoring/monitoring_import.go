package monitoring

import (
	"image/color"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence"
	"schulit-lotse/persistence/importers"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/wording"
)

// The import dialog of step 12: a file is read on a goroutine, then the dialog shows what was
// found – format, encoding, header, a preview of the first rows and the detected mapping of
// columns, priorities and categories – and lets the user change it. Importing stores the rows
// on a goroutine with a progress bar and records them as one undoable edit. A file the readers
// do not understand gets its message (file, line, column) and nothing is stored.

// import is one import in the making.
type importDialog struct {
	ctx  *kit.Context
	kind string
	name string
	tab  *importers.Table

	format  string            // tickets: auto or a system; calls/survey: auto or generic
	columns map[string]string // user-made column mapping (generic), field → header
	header  int               // row index of the header for the user-made mapping

	tf      *importers.TicketFile
	mapping domain.TicketMapping
	cf      *importers.CallFile
	sf      *importers.SurveyFile
	smap    domain.SurveyMapping
	readErr error
	// savedIgnored: the saved mapping did not fit the file and detection took over.
	savedIgnored bool
	// names are the entries that name the chosen survey questions; scale chooses their scale.
	names map[string]*widget.Entry
	scale *widget.Select

	dlg  dialog.Dialog
	body *fyne.Container
	// done is called after an import is committed (tests wait for it).
	done func()
}

// importFile asks for a file and opens the import dialog for it.
func importFile(ctx *kit.Context, kind string) {
	if ctx.Window == nil || ctx.Session == nil {
		return
	}
	if ctx.Session.ReadOnly() {
		ctx.Report(persistence.ErrReadOnly)
		return
	}
	ctx.OpenFile(kit.FileChoice{Exts: []string{".csv", ".xlsx", ".txt", ".CSV", ".XLSX"}}, func(r fyne.URIReadCloser) {
		name := r.URI().Name()
		wait := waitDialog(ctx, lang.L("mon.import.reading", map[string]any{"File": name}))
		ctx.Go(func() {
			defer r.Close()
			path := ""
			if r.URI().Scheme() == "file" {
				path = r.URI().Path()
			}
			data, err := importers.ReadAllFrom(name, path, r)
			var imp *importDialog
			if err == nil {
				imp, err = newImportDialog(ctx, kind, name, data)
			}
			fyne.Do(func() {
				wait.Hide()
				if err != nil {
					ctx.Report(kit.InputError(wording.MonitoringImportError(err)))
					return
				}
				imp.show()
			})
		})
	})
}

// waitDialog shows that work goes on (a modal dialog: no edits meanwhile).
func waitDialog(ctx *kit.Context, text string) dialog.Dialog {
	bar := widget.NewProgressBarInfinite()
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(lang.L("mon.wait"), sized(container.NewVBox(l, bar), 420, 0), ctx.Window)
	d.Show()
	return d
}

// newImport reads a file and tries the readers; a file that is no table is an error, one
// whose columns are not found opens the dialog with the column mapping.
func newImportDialog(ctx *kit.Context, kind, name string, data []byte) (*importDialog, error) {
	tab, err := importers.ReadBytes(name, data)
	if err != nil {
		return nil, err
	}
	p := ctx.Session.Project
	imp := &importDialog{ctx: ctx, kind: kind, name: filepath.Base(name), tab: tab, format: importers.FormatAuto, smap: p.SurveyMappingConfig()}
	g := p.GenericColumnsConfig()
	switch kind {
	case session.ImportTickets:
		if t := p.TicketMappingConfig(); t.Format != "" && t.Format != importers.FormatAuto {
			imp.format = t.Format
		}
		if imp.format == importers.FormatGeneric && g.Tickets != nil {
			imp.columns = g.Tickets.Columns
		}
	case session.ImportCalls:
		if g.Calls != nil {
			imp.columns = g.Calls.Columns
		}
	case session.ImportSurvey:
		if g.Survey != nil {
			imp.columns = g.Survey.Columns
		}
	}
	imp.read()
	savedSurvey := kind == session.ImportSurvey && (len(imp.smap.Questions) > 0 || imp.smap.School != "")
	if imp.readErr != nil && (imp.format != importers.FormatAuto || imp.columns != nil || savedSurvey) {
		// The saved format or columns do not fit this file: start from detection, and say so.
		imp.format, imp.columns = importers.FormatAuto, nil
		imp.smap = domain.SurveyMapping{Reverse: imp.smap.Reverse}
		imp.read()
		imp.savedIgnored = imp.readErr == nil
	}
	if imp.readErr != nil && !columnProblem(imp.readErr) {
		return nil, imp.readErr
	}
	return imp, nil
}

// columnProblem says whether an error can be solved by mapping columns by hand.
func columnProblem(err error) bool {
	e, ok := err.(*importers.Error)
	return ok && (e.Key == importers.ErrNoHeader || e.Key == importers.ErrMissingColumn || e.Key == importers.ErrUnknownColumn ||
		e.Key == importers.ErrNoQuestions)
}

// surveyChoosing says whether the survey's questions are to be chosen by hand: none was
// guessed, or the chosen ones do not fit their scale.
func (imp *importDialog) surveyChoosing() bool {
	e, ok := imp.readErr.(*importers.Error)
	return imp.kind == session.ImportSurvey && ok && (e.Key == importers.ErrNoQuestions || e.Key == importers.ErrScore)
}

// read runs the reader of the kind with the current choices.
func (imp *importDialog) read() {
	p := imp.ctx.Session.Project
	imp.readErr = nil
	imp.tf, imp.cf, imp.sf = nil, nil, nil
	cols := imp.columns
	if len(cols) == 0 {
		cols = nil
	}
	switch imp.kind {
	case session.ImportTickets:
		opt := importers.TicketOptions{Format: imp.format, Columns: cols}
		if cols != nil {
			opt.Format = importers.FormatGeneric
		}
		tf, err := importers.ReadTickets(imp.tab, opt)
		if err != nil {
			imp.readErr = err
			return
		}
		imp.tf = tf
		var saved domain.TicketMapping
		if imp.mapping.Priorities != nil {
			saved = imp.mapping // keep what the user chose in this dialog
		} else {
			saved = p.TicketMappingConfig()
		}
		imp.mapping, _ = importers.DetectMapping(tf, saved, p.ClassCodes(), p.Packages)
	case session.ImportCalls:
		imp.cf, imp.readErr = importers.ReadCalls(imp.tab, importers.CallOptions{Columns: cols})
	case session.ImportSurvey:
		imp.sf, imp.readErr = importers.ReadSurvey(imp.tab, importers.SurveyOptions{Mapping: imp.smap, Columns: cols})
	}
}

// fields are the fields a column can be mapped to, for the kind.
func (imp *importDialog) fields() []string {
	switch imp.kind {
	case session.ImportCalls:
		return importers.CallFields
	case session.ImportSurvey:
		return importers.SurveyFields
	}
	return importers.TicketFields
}

// fileHeader is the header the read file found: its index in the table and its cells; ok is
// false while no file could be read.
func (imp *importDialog) fileHeader() (index int, cells []string, ok bool) {
	switch {
	case imp.tf != nil:
		return imp.tf.HeaderRow, imp.tf.Headers, true
	case imp.cf != nil:
		return imp.cf.HeaderRow, imp.cf.Headers, true
	case imp.sf != nil:
		return imp.sf.HeaderRow, imp.sf.Headers, true
	}
	return 0, nil, false
}

// headerRow is the row the column choices come from.
func (imp *importDialog) headerRow() []string {
	if _, cells, ok := imp.fileHeader(); ok {
		return cells
	}
	if imp.header < len(imp.tab.Rows) {
		return imp.tab.Rows[imp.header]
	}
	return nil
}

func (imp *importDialog) headerIndex() int {
	if index, _, ok := imp.fileHeader(); ok {
		return index
	}
	return imp.header
}

func (imp *importDialog) show() {
	imp.body = container.NewVBox()
	imp.rebuild()
	title := lang.L("mon.import.title." + imp.kind)
	scroll := container.NewVScroll(imp.body)
	imp.dlg = dialog.NewCustomConfirm(title, lang.L("mon.import.confirm"), lang.L("ui.cancel"), sized(scroll, 880, 560), func(ok bool) {
		if ok {
			imp.apply()
		}
	}, imp.ctx.Window)
	imp.dlg.Show()
}

// rebuild fills the dialog from the current reading.
func (imp *importDialog) rebuild() {
	if imp.body == nil {
		imp.body = container.NewVBox()
	}
	var objs []fyne.CanvasObject
	add := func(o ...fyne.CanvasObject) { objs = append(objs, o...) }

	info := widget.NewLabel(imp.summary())
	info.Wrapping = fyne.TextWrapWord
	add(info)
	if imp.kind == session.ImportTickets {
		formats := make([]string, len(importers.TicketFormats))
		for i, f := range importers.TicketFormats {
			formats[i] = lang.L("import.format." + f)
		}
		sel := widget.NewSelect(formats, nil)
		sel.SetSelectedIndex(indexOf(importers.TicketFormats, imp.format))
		sel.OnChanged = func(string) {
			imp.format = importers.TicketFormats[sel.SelectedIndex()]
			if imp.format != importers.FormatGeneric {
				imp.columns = nil
			}
			imp.read()
			imp.rebuild()
		}
		add(container.NewHBox(widget.NewLabel(lang.L("mon.import.format")), sel))
	}
	if imp.readErr != nil {
		msg := widget.NewLabel(wording.MonitoringImportError(imp.readErr))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		add(msg)
	}
	add(heading(lang.L("mon.import.preview")))
	add(imp.preview())
	add(heading(lang.L("mon.import.columns")))
	add(imp.columnChoices())
	switch {
	case imp.tf != nil:
		add(imp.priorityChoices()...)
		add(imp.categoryChoices()...)
	case imp.sf != nil, imp.surveyChoosing():
		add(imp.surveyChoices()...)
	}
	privacy := widget.NewLabel(lang.L("mon.import.privacy." + imp.kind))
	privacy.Wrapping = fyne.TextWrapWord
	privacy.SizeName = theme.SizeNameCaptionText
	add(privacy)
	imp.body.Objects = objs
	imp.body.Refresh()
}

func heading(s string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return 0
}

// summary says what was read: rows, format, encoding, delimiter and where the header is.
func (imp *importDialog) summary() (text string) {
	t := imp.tab
	delim := ""
	if t.Kind == importers.KindCSV {
		delim = strings.ReplaceAll(string(t.Delimiter), "\t", "Tab")
	}
	data := map[string]any{"File": imp.name, "Encoding": t.Encoding, "Delimiter": delim, "Kind": strings.ToUpper(t.Kind)}
	if imp.savedIgnored {
		defer func() { text += " " + lang.L("import.note.saved_mapping_ignored") }()
	}
	switch {
	case imp.tf != nil:
		data["Count"], data["Line"], data["Format"] = plural.Number(len(imp.tf.Rows)), t.Lines[imp.tf.HeaderRow], lang.L("import.format."+imp.tf.Format)
		s := lang.L("mon.import.read.tickets", data)
		if imp.tf.Duplicates > 0 {
			s += " " + lang.L("monitoring.cli.duplicates", map[string]any{"Count": plural.Number(imp.tf.Duplicates)})
		}
		for _, n := range wording.TicketNotes(imp.tf) {
			s += " " + n
		}
		return s
	case imp.cf != nil:
		data["Count"], data["Line"], data["Outbound"] = plural.Number(len(imp.cf.Calls)), t.Lines[imp.cf.HeaderRow], plural.Number(imp.cf.Outbound)
		data["From"], data["To"] = reports.FormatDateTime(imp.cf.First), reports.FormatDateTime(imp.cf.Last)
		var replaced int
		err := imp.ctx.Session.ReadFile(func(f *persistence.File) (err error) {
			replaced, err = f.CountCallsBetween(imp.cf.First, imp.cf.Last)
			return err
		})
		if err != nil {
			fyne.LogError("counting the calls an import replaces", err)
		}
		data["Replaced"] = plural.Number(replaced)
		return strings.Join(append([]string{lang.L("mon.import.read.calls", data)}, wording.CallNotes(imp.cf)...), " ")
	case imp.sf != nil:
		data["Count"], data["Line"], data["Incomplete"] = plural.Number(len(imp.sf.Answers)), t.Lines[imp.sf.HeaderRow], plural.Number(imp.sf.Incomplete)
		data["Questions"] = strings.Join(imp.sf.Questions, ", ")
		return strings.Join(append([]string{lang.L("mon.import.read.survey", data)}, wording.SurveyNotes(imp.sf)...), " ")
	}
	return lang.L("mon.import.read.none", data)
}

// preview shows the header and the first rows of the file as they were read.
func (imp *importDialog) preview() fyne.CanvasObject {
	h := imp.headerIndex()
	rows := imp.tab.Preview(h, 7)
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	width = min(width, 24)
	var cols []col
	for c := 0; c < width; c++ {
		cols = append(cols, col{title: lang.L("mon.import.col", map[string]any{"N": c + 1}), width: 120})
	}
	if len(cols) == 0 {
		return widget.NewLabel("–")
	}
	t := newTable(cols, 210, func() int { return len(rows) }, func(r, c int) string {
		if c < len(rows[r]) {
			return kit.OneLine(rows[r][c])
		}
		return ""
	}, nil)
	t.tint = func(r int) color.Color {
		if r == 0 {
			return color.NRGBA{0x1f, 0x5f, 0x8b, 0x22} // the header row
		}
		return nil
	}
	return t
}

// columnChoices shows which column fills which field; each can be changed (that makes the
// format generic, and the choice is saved with the import).
func (imp *importDialog) columnChoices() fyne.CanvasObject {
	header := imp.headerRow()
	options := []string{lang.L("mon.import.no_column")}
	for i, h := range header {
		options = append(options, lang.L("mon.import.column_option", map[string]any{"N": i + 1, "Header": kit.OneLine(h)}))
	}
	current := map[string]int{}
	switch {
	case imp.tf != nil:
		current = imp.tf.Columns
	case imp.cf != nil:
		current = imp.cf.Columns
	}
	grid := container.NewGridWithColumns(2)
	for _, f := range imp.fields() {
		field := f
		if imp.kind == session.ImportSurvey && field != importers.SurveyDate && field != importers.SurveySchool && imp.sf != nil {
			continue // questions are chosen below
		}
		sel := widget.NewSelect(options, nil)
		sel.SetSelectedIndex(0)
		if c, ok := current[field]; ok && c+1 < len(options) {
			sel.SetSelectedIndex(c + 1)
		} else if h, ok := imp.columns[field]; ok {
			for i, x := range header {
				if strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(h)) {
					sel.SetSelectedIndex(i + 1)
				}
			}
		}
		sel.OnChanged = func(string) { imp.setColumn(field, sel.SelectedIndex()-1) }
		grid.Add(kit.Labelled(lang.L("import.field."+field), sel))
	}
	rowChoice := widget.NewSelect(nil, nil)
	var lines []string
	for i := 0; i < min(len(imp.tab.Rows), 20); i++ {
		lines = append(lines, lang.L("mon.import.header_line", map[string]any{"Line": imp.tab.Lines[i]}))
	}
	rowChoice.Options = lines
	rowChoice.SetSelectedIndex(min(imp.headerIndex(), len(lines)-1))
	rowChoice.OnChanged = func(string) {
		imp.header = rowChoice.SelectedIndex()
		imp.columns = map[string]string{}
		imp.tf, imp.cf, imp.sf = nil, nil, nil
		imp.readErr = &importers.Error{File: imp.name, Key: importers.ErrNoHeader}
		imp.rebuild()
	}
	return container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("mon.import.header")), rowChoice), grid)
}

// setColumn maps a field onto column c (-1 = none) and reads the file again.
func (imp *importDialog) setColumn(field string, c int) {
	header := imp.headerRow()
	cols := map[string]string{}
	// Start from what the reader found, so one change keeps the rest.
	var found map[string]int
	switch {
	case imp.tf != nil:
		found = imp.tf.Columns
	case imp.cf != nil:
		found = imp.cf.Columns
	}
	for f, i := range found {
		if i < len(header) {
			cols[f] = strings.TrimSpace(header[i])
		}
	}
	for f, h := range imp.columns {
		cols[f] = h
	}
	switch {
	case c >= 0 && c < len(header):
		cols[field] = strings.TrimSpace(header[c])
	case imp.kind == session.ImportTickets:
		delete(cols, field) // the generic format reads exactly the columns named
	default:
		cols[field] = importers.Unmapped // calls and surveys detect the rest: "-" keeps it away
	}
	imp.header = imp.headerIndex()
	imp.columns = cols
	if imp.kind == session.ImportTickets {
		imp.format = importers.FormatGeneric
	}
	imp.read()
	imp.rebuild()
}

// priorityChoices maps each priority of the file onto a class of the SLA in force.
func (imp *importDialog) priorityChoices() []fyne.CanvasObject {
	classes := imp.ctx.Session.Project.ClassCodes()
	head := heading(lang.L("mon.import.priorities"))
	if len(classes) == 0 {
		l := widget.NewLabel(lang.L("mon.import.no_classes"))
		l.Wrapping = fyne.TextWrapWord
		return []fyne.CanvasObject{head, l}
	}
	options := append([]string{lang.L("mon.import.choose_class")}, classes...)
	var rows []fyne.CanvasObject
	for _, v := range imp.tf.Priorities() {
		key := domain.NormalizeSourceValue(v.Value)
		sel := widget.NewSelect(options, nil)
		sel.SetSelectedIndex(0)
		if code, ok := imp.mapping.Priorities[key]; ok {
			sel.SetSelectedIndex(indexOf(options, code))
		}
		sel.OnChanged = func(string) {
			if sel.SelectedIndex() <= 0 {
				delete(imp.mapping.Priorities, key)
			} else {
				imp.mapping.Priorities[key] = sel.Selected
			}
		}
		name := v.Value
		if name == "" {
			name = lang.L("kpi.none")
		}
		rows = append(rows, container.New(&kit.WeightedRow{Weights: []float32{1, 0, 0}, Min: []float32{220, 90, 160}},
			widget.NewLabel(kit.OneLine(name)), widget.NewLabel(lang.L("mon.import.count", map[string]any{"Count": plural.Number(v.Count)})), sel))
	}
	return append([]fyne.CanvasObject{head}, rows...)
}

// categoryChoices maps each category of the file onto a package (or none).
func (imp *importDialog) categoryChoices() []fyne.CanvasObject {
	pkgs := imp.ctx.Session.Project.Packages
	head := heading(lang.L("mon.import.categories"))
	options := []string{lang.L("mon.import.no_package")}
	for _, p := range pkgs {
		options = append(options, p.Name)
	}
	var rows []fyne.CanvasObject
	cats := imp.tf.Categories()
	const shown = 60
	for i, v := range cats {
		if i == shown {
			rows = append(rows, widget.NewLabel(lang.L("mon.import.more_categories", map[string]any{"Count": len(cats) - shown})))
			break
		}
		key := domain.NormalizeSourceValue(v.Value)
		sel := widget.NewSelect(options, nil)
		sel.SetSelectedIndex(0)
		if id, ok := imp.mapping.Categories[key]; ok {
			for k, p := range pkgs {
				if p.ID == id {
					sel.SetSelectedIndex(k + 1)
				}
			}
		}
		sel.OnChanged = func(string) {
			if k := sel.SelectedIndex(); k > 0 {
				imp.mapping.Categories[key] = pkgs[k-1].ID
			} else {
				delete(imp.mapping.Categories, key)
			}
		}
		name := v.Value
		if name == "" {
			name = lang.L("kpi.none")
		}
		rows = append(rows, container.New(&kit.WeightedRow{Weights: []float32{1, 0, 0}, Min: []float32{220, 90, 220}},
			widget.NewLabel(kit.OneLine(name)), widget.NewLabel(lang.L("mon.import.count", map[string]any{"Count": plural.Number(v.Count)})), sel))
	}
	if len(cats) == 0 || len(pkgs) == 0 {
		return nil
	}
	return append([]fyne.CanvasObject{head}, rows...)
}

// surveyChoices: which columns are questions, which names the school, whether 1 is best.
func (imp *importDialog) surveyChoices() []fyne.CanvasObject {
	header, school, chosen := imp.headerRow(), "", imp.smap.Questions
	if imp.sf != nil {
		school, chosen = imp.sf.School, imp.sf.Questions
	}
	var cand []string
	for _, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if h != "" && h != school {
			cand = append(cand, h)
		}
	}
	checks := widget.NewCheckGroup(cand, nil)
	checks.Horizontal = true
	checks.SetSelected(chosen)
	checks.OnChanged = func(sel []string) {
		imp.smap.Questions = append([]string(nil), sel...)
		imp.read()
		imp.rebuild()
	}
	reverse := widget.NewCheck(lang.L("mon.import.reverse"), func(on bool) {
		imp.smap.Reverse = on
		imp.read()
		imp.rebuild()
	})
	reverse.Checked = imp.smap.Reverse
	// Scales other than 1–5 (7-point agreement, 0–10 recommendation) are put onto 1–5; answer
	// words of five-point scales are read as they stand.
	tops := []domain.Scale{domain.FivePoint, {Min: 1, Max: 6}, {Min: 1, Max: 7}, {Min: 1, Max: 10}, {Min: 0, Max: 10}}
	var scales []string
	for _, sc := range tops {
		scales = append(scales, lang.L("mon.import.scale_option", map[string]any{"Min": sc.Min, "Max": sc.Max}))
	}
	scale := widget.NewSelect(scales, nil)
	scale.SetSelectedIndex(0)
	for i, sc := range tops {
		if sc == imp.smap.ScaleOf("") {
			scale.SetSelectedIndex(i)
		}
	}
	scale.OnChanged = func(string) {
		sc := tops[scale.SelectedIndex()]
		imp.smap.Scale, imp.smap.ScaleMax = nil, 0
		if sc != domain.FivePoint {
			imp.smap.Scale = &sc
		}
		imp.read()
		imp.rebuild()
	}
	imp.scale = scale
	objs := []fyne.CanvasObject{heading(lang.L("mon.import.questions")), checks, reverse, kit.Labelled(lang.L("mon.import.scale"), scale)}
	// Each chosen question may get a name for the dashboard and the reports (instead of a code
	// such as QMATRIX[SQ001]); a "code. text" heading already brings its text.
	imp.names = map[string]*widget.Entry{}
	if imp.sf != nil && len(imp.sf.Questions) > 0 {
		names := widget.NewForm()
		for _, q := range imp.sf.Questions {
			q := q
			e := widget.NewEntry()
			e.SetPlaceHolder(domain.SurveyMapping{}.QuestionLabel(q))
			e.SetText(imp.smap.Names[q])
			e.OnChanged = func(v string) {
				names := map[string]string{}
				for k, n := range imp.smap.Names {
					names[k] = n
				}
				if v = strings.TrimSpace(v); v == "" {
					delete(names, q)
				} else {
					names[q] = v
				}
				imp.smap.Names = names
			}
			imp.names[q] = e
			names.Append(q, e)
		}
		objs = append(objs, heading(lang.L("mon.import.question_names")), names)
	}
	return objs
}

// apply builds the rows with the chosen mapping and stores them.
func (imp *importDialog) apply() {
	p := imp.ctx.Session.Project
	m := session.MonitoringImport{Kind: imp.kind, Config: map[string]string{}}
	g := p.GenericColumnsConfig()
	switch {
	case imp.tf != nil:
		ts, err := imp.tf.Tickets(imp.mapping, p.ClassCodes(), p.Packages)
		if err != nil {
			imp.ctx.Report(kit.InputError(wording.MonitoringImportError(err)))
			return
		}
		m.Tickets = ts
		m.Config = importers.TicketConfig(p, imp.tf, imp.mapping)
	case imp.cf != nil:
		m.Calls, m.First, m.Last = imp.cf.Calls, imp.cf.First, imp.cf.Last
		if len(imp.columns) > 0 {
			g.Calls = &domain.ColumnMapping{Columns: imp.columns}
			m.Config[domain.ConfigGenericColumns] = domain.ConfigJSON(g)
		}
	case imp.sf != nil:
		m.Answers, m.First, m.Last, m.Questions = imp.sf.Answers, imp.sf.First, imp.sf.Last, imp.sf.Questions
		sm := imp.smap
		sm.Questions, sm.School = imp.sf.Questions, imp.sf.School
		m.Config[domain.ConfigSurveyMapping] = domain.ConfigJSON(sm)
		if len(imp.columns) > 0 {
			g.Survey = &domain.ColumnMapping{Columns: imp.columns}
			m.Config[domain.ConfigGenericColumns] = domain.ConfigJSON(g)
		}
	default:
		imp.ctx.Report(kit.InputError(wording.MonitoringImportError(imp.readErr)))
		return
	}
	store(imp.ctx, m, imp.done)
}

// store writes an import on a goroutine with a progress bar, then commits it on the UI
// goroutine as one undoable edit and says what happened.
func store(ctx *kit.Context, m session.MonitoringImport, done func()) {
	total := len(m.Tickets) + len(m.Calls) + len(m.Answers)
	bar := widget.NewProgressBar()
	bar.Max = float64(max(total, 1))
	l := widget.NewLabel(lang.L("mon.import.storing", map[string]any{"Count": plural.Number(total)}))
	s := ctx.Session
	storeThenCommit(ctx, container.NewVBox(l, bar), func() (*session.PendingImport, error) {
		return s.StoreImport(m, func(n, _ int) { fyne.Do(func() { bar.SetValue(float64(n)) }) })
	}, func(pending *session.PendingImport) {
		if ctx.Window != nil {
			dialog.ShowInformation(lang.L("mon.import.done_title"), lang.L("mon.import.done."+m.Kind, map[string]any{"Count": plural.Number(total),
				"Total": plural.Number(pending.Count())}), ctx.Window)
		}
		if done != nil {
			done()
		}
	})
}

// clearKind removes a kind of monitoring data off the window (a large file keeps its rows for
// undo first: seconds on the Landkreis), then commits it as one undoable edit.
func clearKind(ctx *kit.Context, kind string) {
	s := ctx.Session
	storeThenCommit(ctx, widget.NewLabel(lang.L("mon.data.clearing")), func() (*session.PendingImport, error) {
		return s.StoreClear(kind)
	}, nil)
}

// storeThenCommit runs a direct write of monitoring rows (an import, a deletion) on a goroutine
// while a wait dialog shows content, then commits it on the UI goroutine as one undoable edit
// and calls after (when not nil); an error of either is reported.
func storeThenCommit(ctx *kit.Context, content fyne.CanvasObject, work func() (*session.PendingImport, error), after func(*session.PendingImport)) {
	var wait dialog.Dialog
	if ctx.Window != nil {
		wait = dialog.NewCustomWithoutButtons(lang.L("mon.wait"), sized(content, 420, 0), ctx.Window)
		wait.Show()
	}
	s := ctx.Session
	ctx.Go(func() {
		pending, err := work()
		fyne.Do(func() {
			if wait != nil {
				wait.Hide()
			}
			if err == nil {
				err = s.CommitImport(pending)
			}
			if err != nil {
				ctx.Report(err)
				return
			}
			if after != nil {
				after(pending)
			}
		})
	})
}

// reportDialog asks where to save the monitoring report of a period and writes it.
func reportDialog(ctx *kit.Context, period kpi.Period) {
	savePDF(ctx, lang.L("mon.report.file", map[string]any{"From": period.From.String(), "To": period.To.String()}), func(path string) {
		writeReport(ctx, path, period, nil)
	})
}

// writeReport writes the report on a goroutine and offers to open it.
func writeReport(ctx *kit.Context, path string, period kpi.Period, done func(error)) {
	writeFile(ctx, path, func(snap *domain.Project, opt reports.Options) error {
		return reports.WriteMonitoringFile(path, snap, period, opt)
	}, done)
}

// writeProtocol writes the protocol of the Jour fixe held on day.
func writeProtocol(ctx *kit.Context, path string, day domain.Date, done func(error)) {
	writeFile(ctx, path, func(snap *domain.Project, opt reports.Options) error {
		return reports.WriteJourFixeProtocolFile(path, snap, day, opt)
	}, done)
}

// writeInvitation writes the invitation to the Jour fixe on day, with its agenda.
func writeInvitation(ctx *kit.Context, path string, day domain.Date, done func(error)) {
	writeFile(ctx, path, func(snap *domain.Project, opt reports.Options) error {
		return reports.WriteJourFixeInvitationFile(path, snap, day, opt)
	}, done)
}

// savePDF asks where to save a PDF named name, then writes it with write.
func savePDF(ctx *kit.Context, name string, write func(path string)) {
	ctx.SaveFile(kit.FileChoice{Exts: []string{".pdf"}, Name: name}, func(w fyne.URIWriteCloser) {
		path := w.URI().Path()
		w.Close()
		if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
			os.Remove(path)
			path += ".pdf"
		}
		write(path)
	})
}

// writeFile writes a PDF from a snapshot on a goroutine and offers to open it.
func writeFile(ctx *kit.Context, path string, write func(snap *domain.Project, opt reports.Options) error, done func(error)) {
	snap := ctx.Session.Snapshot()
	var wait dialog.Dialog
	if ctx.Window != nil {
		wait = waitDialog(ctx, lang.L("mon.report.writing", map[string]any{"File": filepath.Base(path)}))
	}
	opt := kit.ReportOptions(ctx.Session, ctx.Session.Now())
	ctx.Go(func() {
		err := safely(func() error { return write(snap, opt) })
		fyne.Do(func() {
			if wait != nil {
				wait.Hide()
			}
			if done != nil {
				done(err)
			}
			if err != nil {
				ctx.Report(err)
				return
			}
			if ctx.Window == nil {
				return
			}
			open := widget.NewButton(lang.L("mon.report.open"), func() {
				if u, err := url.Parse(storage.NewFileURI(path).String()); err == nil {
					_ = fyne.CurrentApp().OpenURL(u)
				}
			})
			msg := widget.NewLabel(lang.L("mon.report.written", map[string]any{"Path": path}))
			msg.Wrapping = fyne.TextWrapWord
			dialog.ShowCustom(lang.L("mon.report.title"), lang.L("mon.close"), sized(container.NewVBox(msg, open), 460, 0), ctx.Window)
		})
	})
}
