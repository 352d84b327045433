package inventory

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// formField names a field of the task form, so that a tapped cell or an open question can put
// the cursor where the user will type next.
type formField int

const (
	fieldNone formField = iota
	fieldName
	fieldResponsible
	fieldEffort
	fieldUnit
	fieldNote
	fieldNew
	fieldValidFrom
	fieldPriority
	fieldCritical
)

// gridColumn is one column of the task table.
type gridColumn struct {
	title string  // translation key of the header
	short string  // translation key of a shorter header, "" for none
	width float32 // the least width; the header's text widens it if needed
	grow  float32 // share of the width left over when the table is wider than its columns
	align fyne.TextAlign
	// text is what a cell shows and how (missing values are shown as a warning); nil for a
	// column that shows flag as an icon.
	text func(g *gridText, t *domain.Task) (string, widget.Importance)
	flag func(t *domain.Task) bool
	// key is what the column sorts by: text first, then number.
	key   func(g *gridText, t *domain.Task) sortKey
	field formField
}

// header is the translation key of the column's header: a short form where one exists.
func (c *gridColumn) header() string {
	if c.short != "" {
		return c.short
	}
	return c.title
}

type sortKey struct {
	s string
	f float64
}

// gridText holds the translated words cells repeat, fetched once per change rather than per cell.
type gridText struct {
	settings domain.Settings
	units    map[domain.EffortUnit]string
	priority map[int]string
	missing  string
	noEffort string
}

func newGridText(s domain.Settings) gridText {
	g := gridText{
		settings: s,
		units:    map[domain.EffortUnit]string{},
		priority: map[int]string{},
		missing:  lang.L("steps.missing"),
		noEffort: lang.L("steps.missing"),
	}
	for _, u := range domain.EffortUnits {
		g.units[u] = lang.L("steps.unit.short." + string(u)) // "PT/Monat" keeps the column narrow
	}
	for r := 0; r <= 5; r++ {
		g.priority[r] = kit.PriorityText(domain.Priority{Rank: r}, s.PriorityMode)
	}
	return g
}

func (g *gridText) effort(e *domain.Effort) string {
	if e == nil {
		return g.noEffort
	}
	return kit.FormatValue(e.Value) + " " + g.units[e.Unit]
}

// taskGrid is the task table: the project's tasks filtered and sorted into rows. The row index
// is rebuilt once per change so that drawing a cell only looks up one task.
type taskGrid struct {
	sess  *session.Session
	cols  []gridColumn
	table *kit.FitTable
	sizer *kit.ColSizer
	txt   gridText

	rows     []int // indices into sess.Project.Tasks, in display order
	filter   string
	sortCol  int
	sortDir  int // 1 ascending, -1 descending, 0 the user's order
	selected int64

	// onPick is called when the user picks a cell of a task.
	onPick func(id int64, col int)

	fitted map[kit.FitKey]string // cell texts shortened to their column's width
}

func newTaskGrid(sess *session.Session, cols []gridColumn) *taskGrid {
	g := &taskGrid{sess: sess, cols: cols, sortCol: -1}
	g.table = kit.NewFitTable(g.length, g.createCell, g.updateCell)
	g.table.CreateHeader = func() fyne.CanvasObject { return kit.NewHeaderCell() }
	g.table.UpdateHeader = g.updateHeader
	g.table.OnSelected = g.picked
	sized := make([]kit.SizedCol, len(cols))
	for i, c := range cols {
		sized[i] = kit.SizedCol{Title: lang.L(c.header()), Least: c.width, Grow: c.grow}
	}
	// Each header keeps room for the sort arrow.
	g.sizer = kit.NewColSizer(g.table, sized, theme.IconInlineSize())
	g.recompute()
	return g
}

// fitText shortens text with an ellipsis to the width of column col. Results are kept, so
// scrolling back over a row measures nothing again.
func (g *taskGrid) fitText(text string, col int, bold bool) string {
	avail := g.sizer.Widths[col] - 2*theme.InnerPadding()
	if text == "" || avail <= 0 {
		return text
	}
	k := kit.FitKey{Text: text, Width: avail, Bold: bold}
	if v, ok := g.fitted[k]; ok {
		return v
	}
	if g.fitted == nil || len(g.fitted) > 50000 {
		g.fitted = map[kit.FitKey]string{}
	}
	out := g.sizer.Fitter.Shorten(text, avail, fyne.TextStyle{Bold: bold})
	g.fitted[k] = out
	return out
}

func (g *taskGrid) length() (int, int) { return len(g.rows), len(g.cols) }

func (g *taskGrid) createCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(kit.Transparent)
	l := widget.NewLabel("") // no Truncation: fitText shortens once, Fyne would reshape on every redraw
	ic := widget.NewIcon(nil)
	return container.NewStack(bg, l, container.NewCenter(ic))
}

// updateCell sets every property a recycled cell shows: background, text, importance,
// alignment and icon.
func (g *taskGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg := box.Objects[0].(*canvas.Rectangle)
	l := box.Objects[1].(*widget.Label)
	ic := box.Objects[2].(*fyne.Container).Objects[0].(*widget.Icon)

	var t *domain.Task
	if id.Row >= 0 && id.Row < len(g.rows) && id.Col >= 0 && id.Col < len(g.cols) {
		if i := g.rows[id.Row]; i < len(g.sess.Project.Tasks) {
			t = &g.sess.Project.Tasks[i]
		}
	}
	var fill color.Color = kit.Transparent
	text, imp, align := "", widget.MediumImportance, fyne.TextAlignLeading
	var res fyne.Resource
	if t != nil {
		if t.ID == g.selected {
			fill = theme.Color(theme.ColorNameSelection)
		}
		c := &g.cols[id.Col]
		align = c.align
		if c.flag != nil {
			if c.flag(t) {
				res = theme.ConfirmIcon()
			}
		} else {
			text, imp = c.text(&g.txt, t)
			text = g.fitText(text, id.Col, false)
		}
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	if l.Text != text || l.Importance != imp || l.Alignment != align {
		l.Text, l.Importance, l.Alignment = text, imp, align
		l.Refresh()
	}
	if ic.Resource != res {
		ic.SetResource(res)
	}
}

func (g *taskGrid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*kit.HeaderCell)
	g.table.HeaderShown(o, id.Col)
	if id.Col < 0 || id.Col >= len(g.cols) {
		h.Set("", 0, nil)
		return
	}
	dir := 0
	if id.Col == g.sortCol {
		dir = g.sortDir
	}
	col := id.Col
	h.Set(g.sizer.Header(col), dir, func() { g.toggleSort(col) })
}

// toggleSort cycles a column through ascending, descending and the user's own order.
func (g *taskGrid) toggleSort(col int) {
	switch {
	case g.sortCol != col:
		g.sortCol, g.sortDir = col, 1
	case g.sortDir == 1:
		g.sortDir = -1
	default:
		g.sortCol, g.sortDir = -1, 0
	}
	g.refresh()
}

// setFilter shows only tasks whose name, responsible or note contains text (any case).
func (g *taskGrid) setFilter(text string) {
	f := kit.Fold(strings.TrimSpace(text))
	if f == g.filter {
		return
	}
	g.filter = f
	g.refresh()
}

// recompute rebuilds the row index from the model: filter, then a stable sort.
func (g *taskGrid) recompute() {
	p := g.sess.Project
	g.txt = newGridText(p.Settings)
	g.rows = g.rows[:0]
	for i := range p.Tasks {
		t := &p.Tasks[i]
		if g.filter == "" || strings.Contains(kit.Fold(t.Name), g.filter) ||
			strings.Contains(kit.Fold(t.Responsible), g.filter) || strings.Contains(kit.Fold(t.Note), g.filter) {
			g.rows = append(g.rows, i)
		}
	}
	g.sizer.Measure(len(g.rows), func(r, c int) string { return g.cellText(&p.Tasks[g.rows[r]], c) })
	if g.sortCol < 0 || g.sortCol >= len(g.cols) || g.sortDir == 0 || g.cols[g.sortCol].key == nil {
		return
	}
	key := g.cols[g.sortCol].key
	keys := make([]sortKey, len(g.rows))
	for j, i := range g.rows {
		keys[j] = key(&g.txt, &p.Tasks[i])
	}
	idx := make([]int, len(g.rows))
	for j := range idx {
		idx[j] = j
	}
	desc := g.sortDir < 0
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := keys[idx[a]], keys[idx[b]]
		if desc {
			ka, kb = kb, ka
		}
		if ka.s != kb.s {
			return ka.s < kb.s
		}
		return ka.f < kb.f
	})
	sorted := make([]int, len(g.rows))
	for j, k := range idx {
		sorted[j] = g.rows[k]
	}
	g.rows = sorted
}

// refresh recomputes the rows, measures the columns again and redraws the visible cells.
func (g *taskGrid) refresh() {
	g.recompute()
	g.table.Refresh()
}

// cellText is what column col shows for task t ("" for an icon column).
func (g *taskGrid) cellText(t *domain.Task, col int) string {
	c := &g.cols[col]
	if c.text == nil {
		return ""
	}
	text, _ := c.text(&g.txt, t)
	return text
}

// rowOf returns the row that shows the task, or -1.
func (g *taskGrid) rowOf(id int64) int {
	for r, i := range g.rows {
		if g.sess.Project.Tasks[i].ID == id {
			return r
		}
	}
	return -1
}

// taskAt returns the task shown in row r, or nil.
func (g *taskGrid) taskAt(r int) *domain.Task {
	if r < 0 || r >= len(g.rows) || g.rows[r] >= len(g.sess.Project.Tasks) {
		return nil
	}
	return &g.sess.Project.Tasks[g.rows[r]]
}

// picked handles a tap on a cell. The table's own cell selection is cleared at once: the
// selected task is ours (highlighted as a whole row) and survives sorting and filtering.
func (g *taskGrid) picked(id widget.TableCellID) {
	t := g.taskAt(id.Row)
	g.table.Unselect(id)
	if t == nil {
		return
	}
	if g.onPick != nil {
		g.onPick(t.ID, id.Col)
	}
}

// setSelected highlights the task's row and scrolls it into view (0 clears the highlight).
func (g *taskGrid) setSelected(id int64) {
	g.selected = id
	if r := g.rowOf(id); r >= 0 {
		g.table.ScrollTo(widget.TableCellID{Row: r, Col: 0})
	}
	g.table.Refresh()
}

// fieldOf tells which form field belongs to a column.
func (g *taskGrid) fieldOf(col int) formField {
	if col < 0 || col >= len(g.cols) {
		return fieldNone
	}
	return g.cols[col].field
}
