package ui

import (
	"errors"
	"io"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence/importers"
	"schulit-lotse/reports/pdfkit"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/wording"
)

// previewRows is how many imported tasks the mapping dialog shows.
const previewRows = 8

// showImportTasks lets the user pick a CSV or Excel file with tasks.
func (sh *shell) showImportTasks() {
	if sh.sess == nil {
		return
	}
	d := dialog.NewFileOpen(kit.FileAnswer(sh.ShowError, func(r fyne.URIReadCloser) {
		defer r.Close()
		path := ""
		if r.URI().Scheme() == "file" {
			path = r.URI().Path()
		}
		data, err := importers.ReadAllFrom(r.URI().Name(), path, r)
		if err != nil {
			sh.showImportError(err)
			return
		}
		sh.importTasksData(r.URI().Name(), data)
	}), sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv", ".txt"}))
	showFileDialog(d, sh.startDir())
}

// importTasksData reads a table and shows the mapping dialog; a file that is no table gets a
// message saying where it went wrong.
func (sh *shell) importTasksData(name string, data []byte) *importDialog {
	t, err := importers.ReadBytes(name, data)
	if err != nil {
		sh.showImportError(err)
		return nil
	}
	return sh.importDialog(t)
}

func (sh *shell) showImportError(err error) {
	var ie *importers.Error
	if errors.As(err, &ie) {
		sh.showMessage(lang.L("everyday.import.title"), wording.TaskImportError(ie))
		return
	}
	sh.ShowError(err)
}

// importDialog maps the table's columns onto task fields, shows what would be imported and
// imports it as one undoable step.
type importDialog struct {
	sh      *shell
	table   *importers.Table
	mapping importers.TaskMapping
	tasks   []domain.Task
	err     error

	dlg     *dialog.CustomDialog
	header  *widget.Select
	fields  map[string]*widget.Select
	unit    *widget.Select
	status  *widget.Label
	preview *widget.Table
	confirm *widget.Button
}

func (sh *shell) importDialog(t *importers.Table) *importDialog {
	d := &importDialog{sh: sh, table: t, mapping: importers.GuessTaskMapping(t), fields: map[string]*widget.Select{}}

	delim := string(t.Delimiter)
	if t.Delimiter == '\t' {
		delim = "Tab"
	}
	what := lang.L("everyday.import.file_xlsx", map[string]any{"File": t.File, "Rows": formatNumber(float64(len(t.Rows)), sh.language)})
	if t.Kind == importers.KindCSV {
		what = lang.L("everyday.import.file_csv", map[string]any{"File": t.File, "Rows": formatNumber(float64(len(t.Rows)), sh.language), "Encoding": t.Encoding, "Delimiter": delim})
	}
	info := paragraph(what)

	var headerNames []string
	for i := 0; i < len(t.Rows) && i < 15; i++ {
		headerNames = append(headerNames, lang.L("everyday.import.row", map[string]any{"Row": i + 1, "Text": rowSummary(t.Rows[i])}))
	}
	d.header = widget.NewSelect(headerNames, nil)
	if d.mapping.Header < len(headerNames) {
		d.header.SetSelectedIndex(d.mapping.Header)
	}
	d.header.OnChanged = func(string) {
		d.mapping.Header = d.header.SelectedIndex()
		d.fillColumnChoices()
		d.update()
	}

	form := widget.NewForm(widget.NewFormItem(lang.L("everyday.import.header_row"), d.header))
	for _, f := range importers.TaskFields {
		sel := widget.NewSelect(nil, nil)
		d.fields[f] = sel
		form.Append(lang.L("everyday.field."+f), sel)
	}
	unitNames := make([]string, len(domain.EffortUnits))
	for i, u := range domain.EffortUnits {
		unitNames[i] = lang.L("unit." + string(u))
	}
	d.unit = widget.NewSelect(unitNames, nil)
	for i, u := range domain.EffortUnits {
		if u == d.mapping.DefaultUnit {
			d.unit.SetSelectedIndex(i)
		}
	}
	d.unit.OnChanged = func(string) {
		if i := d.unit.SelectedIndex(); i >= 0 {
			d.mapping.DefaultUnit = domain.EffortUnits[i]
		}
		d.update()
	}
	form.Append(lang.L("everyday.import.default_unit"), d.unit)
	d.fillColumnChoices()

	d.status = paragraph("")
	cols := []string{importers.TaskName, importers.TaskResponsible, importers.TaskEffort, importers.TaskNote, importers.TaskPriority}
	d.preview = widget.NewTable(
		func() (int, int) { return min(len(d.tasks), previewRows) + 1, len(cols) },
		newCellLabel,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
			if id.Row == 0 {
				l.SetText(lang.L("everyday.field." + cols[id.Col]))
				return
			}
			l.SetText(previewCell(d.tasks[id.Row-1], cols[id.Col], sh.language))
		})
	for i, w := range []float32{260, 200, 130, 220, 90} {
		d.preview.SetColumnWidth(i, w)
	}
	previewBox := container.NewGridWrap(fyne.NewSize(920, 240), d.preview)

	left := container.NewVScroll(form)
	left.SetMinSize(fyne.NewSize(520, 420))
	body := kit.NewBorder(info, container.NewVBox(widget.NewSeparator(), d.status, previewBox), nil, nil, left)
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("everyday.import.title"), body, sh.win)
	cancel := widget.NewButton(lang.L("ui.cancel"), d.dlg.Hide)
	d.confirm = widget.NewButton("", d.apply)
	d.confirm.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.confirm})
	d.update()
	d.dlg.Resize(fyne.NewSize(980, 760))
	d.dlg.Show()
	return d
}

// fillColumnChoices offers the header row's columns in every field's select.
func (d *importDialog) fillColumnChoices() {
	var header []string
	if d.mapping.Header >= 0 && d.mapping.Header < len(d.table.Rows) {
		header = d.table.Rows[d.mapping.Header]
	}
	options := []string{lang.L("everyday.import.none")}
	for c, h := range header {
		options = append(options, domain.Letters(c)+": "+h)
	}
	if d.mapping.Columns == nil {
		d.mapping.Columns = map[string]int{}
	}
	for _, f := range importers.TaskFields {
		f := f
		sel := d.fields[f]
		sel.OnChanged = nil
		sel.Options = options
		c := d.mapping.Column(f)
		if c >= len(header) {
			c = -1
			delete(d.mapping.Columns, f)
		}
		sel.SetSelectedIndex(c + 1)
		sel.OnChanged = func(string) {
			i := sel.SelectedIndex()
			if i <= 0 {
				delete(d.mapping.Columns, f)
			} else {
				d.mapping.Columns[f] = i - 1
			}
			d.update()
		}
		sel.Refresh()
	}
}

// update reads the table with the current mapping and shows the result or the first problem.
func (d *importDialog) update() {
	d.tasks, d.err = importers.ReadTasks(d.table, d.mapping)
	if d.err != nil {
		d.tasks = nil
		var ie *importers.Error
		text := d.err.Error()
		if errors.As(d.err, &ie) {
			text = wording.TaskImportError(ie)
		}
		d.status.SetText(text)
		d.status.Importance = widget.DangerImportance
		d.confirm.SetText(lang.L("everyday.import.confirm", map[string]any{"Count": 0}))
		d.confirm.Disable()
	} else {
		d.status.SetText(lang.L("everyday.import.ready", map[string]any{"Count": formatNumber(float64(len(d.tasks)), d.sh.language)}))
		d.status.Importance = widget.MediumImportance
		d.confirm.SetText(lang.L("everyday.import.confirm", map[string]any{"Count": formatNumber(float64(len(d.tasks)), d.sh.language)}))
		d.confirm.Enable()
	}
	d.status.Refresh()
	d.preview.Refresh()
}

func (d *importDialog) apply() {
	if d.err != nil || len(d.tasks) == 0 {
		return
	}
	sh := d.sh
	if err := sh.sess.ImportTasks(d.tasks); err != nil {
		sh.ShowError(err)
		return
	}
	d.dlg.Hide()
	if sh.project != nil {
		sh.project.show(1)
		sh.project.notify(lang.L("everyday.import.done_notice", map[string]any{"Count": formatNumber(float64(len(d.tasks)), sh.language)}))
	}
}

func rowSummary(row []string) string {
	var parts []string
	for _, c := range row {
		if c != "" {
			parts = append(parts, c)
		}
		if len(parts) == 4 {
			break
		}
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += " | "
		}
		s += p
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

func previewCell(t domain.Task, field, language string) string {
	switch field {
	case importers.TaskName:
		return t.Name
	case importers.TaskResponsible:
		return t.Responsible
	case importers.TaskEffort:
		if t.Effort == nil {
			return "–"
		}
		return formatNumber(t.Effort.Value, language) + " " + lang.L("unit."+string(t.Effort.Unit))
	case importers.TaskNote:
		return t.Note
	case importers.TaskPriority:
		if !t.Priority.IsSet() {
			return "–"
		}
		return strconv.Itoa(t.Priority.Rank)
	}
	return ""
}

// exportTasks writes the task workbook (inventory, requirement list, coverage table) and opens it.
func (sh *shell) exportTasks() {
	if sh.sess == nil {
		return
	}
	name := lang.L("everyday.export.file_name", map[string]any{"Name": safeFileName(sh.sess.Project.Meta.Name)})
	sh.askTarget(targetOptions{
		Title: lang.L("everyday.export.title"), Confirm: lang.L("everyday.export.confirm"),
		Info: lang.L("everyday.export.info"),
		Dir:  sh.outputDir(), Name: name, Ext: ".xlsx", Replace: true,
	}, sh.writeTasksXLSX)
}

func (sh *shell) writeTasksXLSX(path string) {
	// Written as the reports are: in memory first, then through a temporary file beside it.
	p := sh.sess.Project
	if err := pdfkit.WriteAtomically(path, func(w io.Writer) error { return importers.WriteTasksXLSX(w, p, wording.TaskLabels()) }); err != nil {
		sh.ShowError(err)
		return
	}
	if err := sh.openURL(fileURL(path)); err != nil {
		fyne.LogError("opening the workbook", err)
	}
	if sh.project != nil {
		sh.project.notify(lang.L("everyday.export.done", map[string]any{"Name": filepath.Base(path)}))
	}
}
