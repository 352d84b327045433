package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports"
)

// threadView is the "Roter Faden": a row per Aufgabenpaket along the golden thread, from its
// tasks to this quarter's KPIs, with the contradictions the thread checks find (the same cells
// as the Gesamtbericht's section, reports.ThreadCell). Tapping a cell opens the step the cell
// comes from. The KPIs are computed off the UI thread; their cells read "…" until then.
type threadView struct {
	sh    *shell
	open  func(step int)
	rows  []domain.ThreadRow
	table *widget.Table
	note  *widget.Label
	root  fyne.CanvasObject

	kpis   map[int64]kpi.PackageKPIs
	kpiRev uint64 // the session revision the figures were computed for
	kpiGen int
}

func newThreadView(sh *shell, open func(step int)) *threadView {
	t := &threadView{sh: sh, open: open}
	cols := reports.ThreadColumns
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(cols) },
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
	t.note = widget.NewLabel(lang.L("ui.thread.intro"))
	t.note.Wrapping = fyne.TextWrapWord
	t.root = container.NewBorder(t.note, nil, nil, nil, t.table)
	return t
}

// refresh reads the thread of the open project again and, when the project changed, computes
// the quarter's KPIs per package on a snapshot.
func (t *threadView) refresh() {
	s := t.sh.sess
	if s == nil {
		t.rows, t.kpis = nil, nil
		t.table.Refresh()
		return
	}
	t.rows = domain.ThreadView(s.Project, s.Today())
	t.table.Refresh()
	if t.kpis != nil && t.kpiRev == s.Revision() {
		return
	}
	t.kpiGen++
	gen, rev := t.kpiGen, s.Revision()
	snap, now := s.Snapshot(), s.Now()
	work := func() {
		_, k, err := reports.ThreadKPIs(snap, now)
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
