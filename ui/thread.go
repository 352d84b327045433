package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// threadView is the "Roter Faden": a row per Aufgabenpaket along the golden thread, from its
// tasks to this quarter's KPIs, with the contradictions the thread checks find (the same cells
// as the Gesamtbericht's section, reports.ThreadCell). Tapping a cell opens the step the cell
// comes from. The KPIs are computed off the UI thread; their cells read "…" until then. Below
// the table every contradiction is listed in words; tapping one opens the step to settle it in.
type threadView struct {
	sh       *shell
	open     func(step int)
	rows     []domain.ThreadRow
	table    *widget.Table
	note     *widget.Label
	findings []domain.Finding
	list     *widget.List
	listHead *widget.Label
	listBox  *fyne.Container // hidden while there is no contradiction, so the table keeps the room
	root     fyne.CanvasObject

	kpis   map[int64]kpi.PackageKPIs
	kpiRev uint64 // the session revision the figures were computed for
	kpiGen int
	// shown tells whether the view is on screen (nil: always); the KPIs wait until it is.
	shown func() bool
}

// newCellLabel is the template of a table or list cell: one line, cut off with an ellipsis.
func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func newThreadView(sh *shell, open func(step int)) *threadView {
	t := &threadView{sh: sh, open: open}
	cols := reports.ThreadColumns
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(cols) },
		newCellLabel,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, imp := t.cell(id.Row, id.Col)
			l.SetText(text)
			l.Importance = imp
			l.Refresh()
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = newCellLabel
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 && id.Col >= 0 && id.Col < len(cols) {
			l.SetText(lang.L(cols[id.Col].Key))
			l.TextStyle = fyne.TextStyle{Bold: true}
		}
	}
	for i, c := range cols {
		t.table.SetColumnWidth(i, c.Width)
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if step := t.stepOf(id.Row, id.Col); step > 0 && t.open != nil {
			t.open(int(step))
		}
	}
	t.note = paragraph(lang.L("ui.thread.intro"))
	t.list = widget.NewList(func() int { return len(t.findings) },
		newCellLabel,
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
	t.listBox = container.New(&minHeight{h: 4 * 38}, t.list)
	t.root = kit.NewBorder(t.note, kit.NewBorder(t.listHead, nil, nil, nil, t.listBox), nil, nil, t.table)
	return t
}

// findingText is a contradiction as the list shows it: the step to settle it in and the text.
func (t *threadView) findingText(f domain.Finding) string {
	return lang.L("ui.thread.finding", map[string]any{"Step": int(f.Step), "Text": lang.L(f.Code, map[string]any{"Subject": f.Subject})})
}

// minHeight lays its objects over each other at least h high.
type minHeight struct{ h float32 }

func (m *minHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(kit.StackMinSize(objs).Width, m.h)
}

func (m *minHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) { kit.Stack(objs, size) }

// refresh reads the thread of the open project again and, when the project changed, computes
// the quarter's KPIs per package on a snapshot.
func (t *threadView) refresh() {
	s := t.sh.sess
	if s == nil {
		t.rows, t.kpis, t.findings = nil, nil, nil
		t.table.Refresh()
		t.list.Refresh()
		return
	}
	t.rows = domain.ThreadView(s.Project, s.Today())
	t.findings = domain.ThreadFindings(s.Project, s.Today())
	if len(t.findings) == 0 {
		t.listHead.SetText(lang.L("ui.thread.no_findings"))
		t.listBox.Hide()
	} else {
		t.listHead.SetText(lang.L("ui.thread.findings_head", map[string]any{"Count": len(t.findings)}))
		t.listBox.Show()
	}
	t.list.Refresh()
	t.table.Refresh()
	if t.kpis != nil && t.kpiRev == s.Revision() {
		return
	}
	if t.shown != nil && !t.shown() {
		return // computed when the tab is chosen: the quarter's rows are read only for it
	}
	t.kpiGen++
	gen, rev := t.kpiGen, s.Revision()
	snap, opt := s.Snapshot(), kit.ReportOptions(s, s.Now())
	work := func() {
		_, k, err := reports.ThreadKPIs(snap, opt.Monitoring, opt.Date)
		if err != nil {
			fyne.LogError("thread KPIs", err)
			k = map[int64]kpi.PackageKPIs{}
		}
		fyne.Do(func() {
			if gen != t.kpiGen {
				return // a newer computation is under way
			}
			t.kpis, t.kpiRev = k, rev
			t.table.Refresh()
		})
	}
	if t.sh.synchronous {
		work()
	} else {
		go work()
	}
}

// stepOf is the step a cell opens.
func (t *threadView) stepOf(row, col int) domain.StepID {
	cols := reports.ThreadColumns
	if row < 0 || row >= len(t.rows) || col < 0 || col >= len(cols) {
		return 0
	}
	if s := cols[col].Step; s != 0 {
		return s
	}
	if f := t.rows[row].Findings; len(f) > 0 {
		return f[0].Step
	}
	return 0
}

func (t *threadView) cell(row, col int) (string, widget.Importance) {
	if row >= len(t.rows) || t.sh.sess == nil {
		return "", widget.MediumImportance
	}
	text, tone := reports.ThreadCell(t.sh.sess.Project, t.rows[row], t.kpis, col)
	switch tone {
	case reports.ToneWarning:
		return text, widget.WarningImportance
	case reports.ToneDanger:
		return text, widget.DangerImportance
	case reports.ToneSuccess:
		return text, widget.SuccessImportance
	}
	return text, widget.MediumImportance
}
