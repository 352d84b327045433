package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// threadView is the "Roter Faden": a row per Aufgabenpaket along the golden thread, from its
// tasks to the ticket categories measured for it, with the contradictions the thread checks
// find. Tapping a cell opens the step the cell comes from. Below the table every contradiction
// is listed in words; tapping one opens the step to settle it in.
type threadView struct {
	sh       *shell
	open     func(step int)
	rows     []domain.ThreadRow
	table    *widget.Table
	note     *widget.Label
	findings []domain.Finding
	list     *widget.List
	listHead *widget.Label
	root     fyne.CanvasObject
}

// threadColumns are the columns: title key, width, and the step a tap opens.
var threadColumns = []struct {
	key   string
	width float32
	step  domain.StepID
}{
	{"ui.thread.col.package", 170, domain.StepRequirements},
	{"ui.thread.col.tasks", 130, domain.StepInventory},
	{"ui.thread.col.handed_out", 130, domain.StepCoverage},
	{"ui.thread.col.decision", 130, domain.StepSourcing},
	{"ui.thread.col.sla", 200, domain.StepSLA},
	{"ui.thread.col.contract", 170, domain.StepContract},
	{"ui.thread.col.raci", 220, domain.StepStructure},
	{"ui.thread.col.categories", 200, domain.StepMonitoring},
	{"ui.thread.col.findings", 130, 0}, // opens the step to fix the first contradiction in
}

func newThreadView(sh *shell, open func(step int)) *threadView {
	t := &threadView{sh: sh, open: open}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(threadColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, imp := t.cell(id.Row, id.Col)
			l.SetText(text)
			l.Importance = imp
			l.Refresh()
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 && id.Col >= 0 && id.Col < len(threadColumns) {
			l.SetText(lang.L(threadColumns[id.Col].key))
			l.TextStyle = fyne.TextStyle{Bold: true}
		}
	}
	for i, c := range threadColumns {
		t.table.SetColumnWidth(i, c.width)
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if step := t.stepOf(id.Row, id.Col); step > 0 && t.open != nil {
			t.open(int(step))
		}
	}
	t.note = widget.NewLabel(lang.L("ui.thread.intro"))
	t.note.Wrapping = fyne.TextWrapWord
	t.list = widget.NewList(func() int { return len(t.findings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id < len(t.findings) {
				l.SetText(t.findingText(t.findings[id]))
				l.Importance = widget.DangerImportance
				l.Refresh()
			}
		})
	t.list.OnSelected = func(id widget.ListItemID) {
		t.list.UnselectAll()
		if id < len(t.findings) && t.open != nil {
			t.open(int(t.findings[id].Step))
		}
	}
	t.listHead = widget.NewLabel("")
	t.listHead.TextStyle = fyne.TextStyle{Bold: true}
	// Four lines of contradictions show at once; more scroll.
	listBox := container.New(&minHeight{h: 4 * 38}, t.list)
	t.root = container.NewBorder(t.note, container.NewBorder(t.listHead, nil, nil, nil, listBox), nil, nil, t.table)
	return t
}

// findingText is a contradiction as the list shows it: the step to settle it in and the text.
func (t *threadView) findingText(f domain.Finding) string {
	return lang.L("ui.thread.finding", map[string]any{"Step": int(f.Step), "Text": lang.L(f.Code, map[string]any{"Subject": f.Subject})})
}

// minHeight lays its objects over each other at least h high.
type minHeight struct{ h float32 }

func (m *minHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(0, m.h)
	for _, o := range objs {
		s = s.Max(fyne.NewSize(o.MinSize().Width, 0))
	}
	return s
}

func (m *minHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// refresh reads the thread of the open project again.
func (t *threadView) refresh() {
	if t.sh.sess == nil {
		t.rows = nil
	} else {
		t.rows = domain.ThreadView(t.sh.sess.Project, t.sh.sess.Today())
	}
	t.findings = nil
	if t.sh.sess != nil {
		t.findings = domain.ThreadFindings(t.sh.sess.Project, t.sh.sess.Today())
	}
	if len(t.findings) == 0 {
		t.listHead.SetText(lang.L("ui.thread.no_findings"))
	} else {
		t.listHead.SetText(lang.L("ui.thread.findings_head", map[string]any{"Count": len(t.findings)}))
	}
	t.list.Refresh()
	t.table.Refresh()
}

// stepOf is the step a cell opens.
func (t *threadView) stepOf(row, col int) domain.StepID {
	if row < 0 || row >= len(t.rows) || col < 0 || col >= len(threadColumns) {
		return 0
	}
	if s := threadColumns[col].step; s != 0 {
		return s
	}
	if f := t.rows[row].Findings; len(f) > 0 {
		return f[0].Step
	}
	return 0
}

func (t *threadView) cell(row, col int) (string, widget.Importance) {
	if row >= len(t.rows) {
		return "", widget.MediumImportance
	}
	r := t.rows[row]
	lng := t.sh.language
	dash := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "–"
		}
		return s
	}
	switch col {
	case 0:
		return r.Package.Name, widget.MediumImportance
	case 1:
		return lang.L("ui.thread.tasks", map[string]any{"Count": r.Tasks, "Hours": formatNumber(r.Hours, lng)}), widget.MediumImportance
	case 2:
		if r.HandedOutTasks == 0 {
			return lang.L("ui.thread.nothing"), widget.MediumImportance
		}
		return lang.L("ui.thread.tasks", map[string]any{"Count": r.HandedOutTasks, "Hours": formatNumber(r.HandedOutHours, lng)}), widget.MediumImportance
	case 3:
		if r.Decision == "" || r.Decision == domain.OutcomeOpen {
			return lang.L("ui.thread.open"), widget.WarningImportance
		}
		return lang.L("src.outcome." + string(r.Decision)), widget.MediumImportance
	case 4, 5:
		// The provider's SLA and contract do not cover what stays in-house.
		if r.Decision == domain.OutcomeInternal {
			return lang.L("ui.thread.in_house"), widget.MediumImportance
		}
		if col == 4 {
			return dash(r.SLA), widget.MediumImportance
		}
		return dash(r.Provider), widget.MediumImportance
	case 6:
		return dash(strings.Join(r.Responsible, ", ")), widget.MediumImportance
	case 7:
		return dash(strings.Join(r.Categories, ", ")), widget.MediumImportance
	case 8:
		if len(r.Findings) == 0 {
			return lang.L("ui.thread.consistent"), widget.SuccessImportance
		}
		return lang.L("ui.thread.contradictions", map[string]any{"Count": strconv.Itoa(len(r.Findings))}), widget.DangerImportance
	}
	return "", widget.MediumImportance
}
