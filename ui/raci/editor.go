// Package raci is the RACI matrix editor of step 11: activities grouped by process against the
// roles of both sides, cells cycled through R, A, C, I and empty by click or key, rows and
// columns added, moved and removed, and the matrix checked live beside the grid.
package raci

import (
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
	"schulit-lotse/ui/plural"
	"schulit-lotse/ui/session"
)

// row is a line of the grid: a process heading (act < 0) or an activity.
type row struct {
	process string
	act     int // index into Editor.acts, -1 for a heading
}

// Editor is the RACI matrix editor. Everything it shows is derived from the session after each
// change; the only state of its own is which cell has the focus.
type Editor struct {
	sess   *session.Session
	win    fyne.Window
	report func(error)

	roles    []domain.Role
	acts     []domain.RaciActivity
	rows     []row
	index    domain.RaciIndex
	findings []domain.Finding
	actSev   map[int64]domain.Severity
	roleSev  map[int64]domain.Severity
	letters  map[string]string // translated long forms of R, A, C, I
	fit      nameFitter

	// The grid's columns as fitColumns laid them out for gridWidth.
	gridWidth float32
	actWidth  float32
	headers   map[int64][]string // the lines of each role's header
	// colWidths and headerHeight are what the table was last given.
	colWidths    []float32
	headerHeight float32

	focus widget.TableCellID // the focused cell, as the table counts
	quiet bool               // a programmatic Select only moves the focus
	// formAct and formRole are what the fields below the grid show: a field that loses the
	// focus after the user clicked another cell still commits to the row it was showing.
	formAct, formRole int64

	grid    *grid
	find    *kit.Findings
	status  *widget.Label
	summary *widget.Label

	process  *kit.ChoiceEntry
	actName  *commitEntry
	roleName *commitEntry
	party    *widget.Select
	// pkg links the focused activity to an Aufgabenpaket (pkgIDs[i-1] for option i; 0 = none).
	pkg     *widget.Select
	pkgIDs  []int64
	loading bool
	buttons []*widget.Button

	view *kit.EditorView
}

// New builds the editor on the session. report shows an error to the user.
func New(sess *session.Session, win fyne.Window, report func(error)) *Editor {
	e := &Editor{sess: sess, win: win, letters: map[string]string{}}
	e.report = func(err error) {
		if err != nil && report != nil {
			report(err)
		}
	}
	for _, l := range domain.RaciLetters {
		e.letters[l] = lang.L("raci.letter." + l)
	}
	e.grid = newGrid(e)
	e.buildPanel()
	e.buildForms()
	e.view = kit.NewEditorView(e.layout(), sess.Subscribe(e.refresh))
	e.refresh()
	return e
}

// View is the editor's widget; Dispose on it stops following the session.
func (e *Editor) View() fyne.CanvasObject { return e.view }

// Grid is the matrix table (for tests and focus handling).
func (e *Editor) Grid() *widget.Table { return &e.grid.Table }

// Findings are the checks the panel shows.
func (e *Editor) Findings() []domain.Finding { return e.findings }

func (e *Editor) layout() fyne.CanvasObject {
	btn := func(label string, icon fyne.Resource, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon(lang.L(label), icon, fn)
		e.buttons = append(e.buttons, b)
		return b
	}
	iconBtn := func(icon fyne.Resource, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, fn)
		e.buttons = append(e.buttons, b)
		return b
	}
	toolbar := container.NewHBox(
		btn("raci.add_activity", theme.ContentAddIcon(), e.addActivity),
		btn("raci.add_role", theme.ContentAddIcon(), e.addRole),
		widget.NewSeparator(),
		widget.NewLabel(lang.L("raci.row")),
		iconBtn(theme.MoveUpIcon(), func() { e.moveRow(-1) }),
		iconBtn(theme.MoveDownIcon(), func() { e.moveRow(1) }),
		btn("raci.delete_activity", theme.DeleteIcon(), e.deleteActivity),
		widget.NewSeparator(),
		widget.NewLabel(lang.L("raci.column")),
		iconBtn(theme.NavigateBackIcon(), func() { e.moveColumn(-1) }),
		iconBtn(theme.NavigateNextIcon(), func() { e.moveColumn(1) }),
		btn("raci.delete_role", theme.DeleteIcon(), e.deleteRole),
		widget.NewSeparator(),
		btn("raci.template", theme.DocumentCreateIcon(), e.insertTemplate),
	)
	// The legend and the hint wrap onto further lines rather than being cut off.
	flow := &flowLayout{}
	legend := container.New(flow)
	for _, l := range domain.RaciLetters {
		sw := canvas.NewRectangle(letterFill[l])
		sw.SetMinSize(fyne.NewSize(14, 14))
		name := widget.NewLabel(e.letters[l])
		name.SizeName = theme.SizeNameCaptionText
		legend.Add(container.NewHBox(container.NewCenter(sw), name))
	}
	gridMin := canvas.NewRectangle(transparent)
	gridMin.SetMinSize(fyne.NewSize(360, 200))
	e.status = widget.NewLabel("")
	e.status.Truncation = fyne.TextTruncateEllipsis
	e.summary = widget.NewLabel("")
	hint := widget.NewLabel(lang.L("raci.hint"))
	hint.SizeName = theme.SizeNameCaptionText
	hint.Wrapping = fyne.TextWrapWord
	// One line under the grid: the focused cell, and the size and state of the matrix.
	center := kit.NewBorder(container.NewVBox(legend, hint), kit.NewBorder(nil, nil, nil, e.summary, e.status), nil, nil,
		container.NewStack(gridMin, e.grid))
	flow.relayout = center.Refresh

	panelMin := canvas.NewRectangle(transparent)
	panelMin.SetMinSize(fyne.NewSize(190, 0)) // narrow, so that eight roles fit at 1366 px
	panel := container.NewStack(panelMin, e.find.Content)
	split := container.NewHSplit(center, panel)
	split.Offset = 0.8

	forms := container.New(&formRow{weights: []float32{2, 3, 2, 2, 1}},
		labelled(lang.L("raci.field.process"), e.process),
		labelled(lang.L("raci.field.activity"), e.actName),
		labelled(lang.L("raci.field.package"), e.pkg),
		labelled(lang.L("raci.field.role"), e.roleName),
		labelled(lang.L("raci.field.party"), e.party),
	)
	return kit.NewBorder(container.NewHScroll(toolbar), container.NewVBox(widget.NewSeparator(), forms), nil, nil, split)
}

// buildPanel makes the findings panel: up to three lines an entry (long names wrap instead of
// hiding the message); a tap jumps to the cell, row or column concerned.
func (e *Editor) buildPanel() {
	e.find = kit.NewFindings(kit.FindingsConfig{TitleKey: "raci.findings", EmptyKey: "raci.findings.none",
		Lines: 3, Text: FindingText, OnTap: e.Jump})
}

// FindingText is a finding as a sentence in the user's language.
func FindingText(f domain.Finding) string {
	text := lang.L(f.Code, map[string]any{"Subject": f.Subject})
	if f.Severity == domain.SeverityError {
		return lang.L("raci.severity.error", map[string]any{"Text": text})
	}
	return text
}

func (e *Editor) buildForms() {
	e.process = kit.NewChoiceEntry(func(s string) { e.commitActivity(func(a *domain.RaciActivity) { a.Process = strings.TrimSpace(s) }) })
	e.process.SetPlaceHolder(lang.L("raci.field.process.placeholder"))
	e.actName = newCommitEntry(func(s string) { e.commitActivity(func(a *domain.RaciActivity) { a.Name = strings.TrimSpace(s) }) })
	e.roleName = newCommitEntry(func(s string) { e.commitRole(func(r *domain.Role) { r.Name = strings.TrimSpace(s) }) })
	labels := make([]string, len(domain.Parties))
	for i, p := range domain.Parties {
		labels[i] = kit.PartyLabel(p)
	}
	e.party = widget.NewSelect(labels, func(string) {
		i := e.party.SelectedIndex()
		if i >= 0 && i < len(domain.Parties) {
			e.commitRole(func(r *domain.Role) { r.Party = domain.Parties[i] })
		}
	})
	e.party.PlaceHolder = lang.L("structure.select.placeholder")
	e.pkg = widget.NewSelect(nil, func(string) {
		i := e.pkg.SelectedIndex()
		if e.loading || i < 0 {
			return
		}
		e.commitActivity(func(a *domain.RaciActivity) {
			if i == 0 {
				a.PackageID = nil
			} else if i-1 < len(e.pkgIDs) {
				id := e.pkgIDs[i-1]
				a.PackageID = &id
			}
		})
	})
	e.pkg.PlaceHolder = lang.L("raci.field.package.none")
}

// loadPackage shows the activity's package in the select; options follow the board.
func (e *Editor) loadPackage(a *domain.RaciActivity) {
	e.loading = true
	defer func() { e.loading = false }()
	opts := []string{lang.L("raci.field.package.none")}
	e.pkgIDs = e.pkgIDs[:0]
	sel := 0
	pkgs := append([]domain.Package(nil), e.sess.Project.Packages...)
	sort.SliceStable(pkgs, func(i, j int) bool { return pkgs[i].SortOrder < pkgs[j].SortOrder })
	for _, pk := range pkgs {
		e.pkgIDs = append(e.pkgIDs, pk.ID)
		opts = append(opts, pk.Name)
		if a != nil && a.PackageID != nil && *a.PackageID == pk.ID {
			sel = len(opts) - 1
		}
	}
	e.pkg.Options = opts
	if a == nil {
		e.pkg.ClearSelected()
		return
	}
	e.pkg.SetSelectedIndex(sel)
}

// PartyLabel is the translated name of a party.

// refresh derives everything from the session again.
func (e *Editor) refresh() {
	p := e.sess.Project
	e.roles = domain.SortedRoles(p.Roles)
	e.acts = domain.SortedActivities(p.RaciActivities)
	e.rows = e.rows[:0]
	prev := "\x00"
	for i, a := range e.acts {
		proc := strings.TrimSpace(a.Process)
		if proc != prev {
			e.rows = append(e.rows, row{process: proc, act: -1})
			prev = proc
		}
		e.rows = append(e.rows, row{process: proc, act: i})
	}
	e.index = domain.IndexRaci(p.RaciAssignments)
	e.findings = domain.RaciFindings(e.acts, e.roles, p.RaciAssignments)
	e.actSev = map[int64]domain.Severity{}
	e.roleSev = map[int64]domain.Severity{}
	var errs, warns int
	for _, f := range e.findings {
		if f.Severity == domain.SeverityError {
			errs++
		} else {
			warns++
		}
		target := e.actSev
		if domain.IsRoleFinding(f.Code) {
			target = e.roleSev
		}
		if cur, ok := target[f.EntityID]; !ok || cur != domain.SeverityError {
			target[f.EntityID] = f.Severity
		}
	}
	e.clampFocus()
	e.fitColumns(e.gridWidth)
	e.grid.Refresh()

	e.find.Set(e.findings)
	e.summary.SetText(lang.L("raci.summary", map[string]any{
		"Activities": plural.L("raci.count.activities", len(e.acts)),
		"Processes":  plural.L("raci.count.processes", len(domain.ProcessNames(e.acts))),
		"Roles":      plural.L("raci.count.roles", len(e.roles)),
		"Errors":     plural.L("raci.count.errors", errs),
		"Warnings":   plural.L("raci.count.warnings", warns),
	}))
	e.process.SetChoices(domain.ProcessNames(e.acts))
	e.loadForms()

	ro := e.sess.ReadOnly()
	for _, b := range e.buttons {
		if ro {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func (e *Editor) length() (int, int) { return len(e.rows), len(e.roles) + 1 }

// clampFocus keeps the focus inside the grid after rows or columns went away.
func (e *Editor) clampFocus() {
	rows, cols := e.length()
	e.focus.Row = min(max(e.focus.Row, 0), max(rows-1, 0))
	e.focus.Col = min(max(e.focus.Col, 0), max(cols-1, 0))
}

// activityAt is the activity of a grid row, or nil for a heading or a row out of range.
func (e *Editor) activityAt(r int) *domain.RaciActivity {
	if r < 0 || r >= len(e.rows) || e.rows[r].act < 0 {
		return nil
	}
	return &e.acts[e.rows[r].act]
}

// roleAt is the role of a grid column, or nil for column 0.
func (e *Editor) roleAt(c int) *domain.Role {
	if c < 1 || c > len(e.roles) {
		return nil
	}
	return &e.roles[c-1]
}

func (e *Editor) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := partsOf(o)
	c.setFrame(id == e.focus)
	if id.Row < 0 || id.Row >= len(e.rows) {
		c.setFill(transparent)
		c.setName("", false, widget.MediumImportance)
		c.setLetter("")
		return
	}
	r := e.rows[id.Row]
	if r.act < 0 { // process heading
		c.setFill(groupFill)
		c.setLetter("")
		if id.Col == 0 {
			name := r.process
			if name == "" {
				name = lang.L("raci.no_process")
			}
			c.setName(e.fitName(name, true), true, widget.MediumImportance)
		} else {
			c.setName("", false, widget.MediumImportance)
		}
		return
	}
	a := &e.acts[r.act]
	if id.Col == 0 {
		c.setFill(transparent)
		c.setLetter("")
		c.setName(e.fitName(a.Name, false), false, importance(e.actSev[a.ID]))
		return
	}
	c.setName("", false, widget.MediumImportance)
	var l string
	if id.Col-1 < len(e.roles) {
		l = e.index[domain.RaciCell{ActivityID: a.ID, RoleID: e.roles[id.Col-1].ID}]
	}
	if fill, ok := letterFill[l]; ok {
		c.setFill(fill)
	} else {
		c.setFill(transparent)
	}
	c.setLetter(l)
}

// fitName shortens a name to the activity column (one line, with an ellipsis).
func (e *Editor) fitName(s string, bold bool) string {
	return e.fit.fit(oneLine(s), max(e.actWidth, minActivityWidth)-2*theme.InnerPadding(), bold)
}

// oneLine shows multi-line text in a single line.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n\t") {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

func importance(s domain.Severity) widget.Importance {
	switch s {
	case domain.SeverityError:
		return widget.DangerImportance
	case domain.SeverityWarning:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func (e *Editor) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	if id.Col == 0 {
		h.set([]string{lang.L("raci.col.activity")}, fyne.TextAlignLeading, widget.MediumImportance, nil)
		return
	}
	r := e.roleAt(id.Col)
	if r == nil {
		h.set(nil, fyne.TextAlignCenter, widget.MediumImportance, nil)
		return
	}
	col := id.Col
	lines, ok := e.headers[r.ID]
	if !ok {
		lines = []string{r.Name}
	}
	h.set(lines, fyne.TextAlignCenter, importance(e.roleSev[r.ID]), func() { e.focusCell(widget.TableCellID{Row: e.focus.Row, Col: col}) })
}

// selected follows a tap or Space on a cell: the cell gets the focus, and a letter cell cycles.
func (e *Editor) selected(id widget.TableCellID) {
	e.grid.Unselect(id)
	old := e.focus
	e.focus = id
	if e.quiet {
		return
	}
	if id.Col > 0 && e.activityAt(id.Row) != nil {
		e.cycleFocused()
	}
	e.focusMoved(old)
}

// focusMoved redraws the old and the new focused cell and loads the forms.
func (e *Editor) focusMoved(old widget.TableCellID) {
	e.grid.RefreshItem(old)
	e.grid.RefreshItem(e.focus)
	e.loadForms()
}

// moveFocus follows an arrow key exactly as the table moves its own focus.
func (e *Editor) moveFocus(k fyne.KeyName) {
	d, ok := arrowSteps[k]
	if !ok {
		return
	}
	rows, cols := e.length()
	old := e.focus
	e.focus.Row = stepWithin(e.focus.Row, d.Row, rows)
	e.focus.Col = stepWithin(e.focus.Col, d.Col, cols)
	if old != e.focus {
		e.loadForms()
	}
}

// arrowSteps are the rows and columns an arrow key moves the focus by.
var arrowSteps = map[fyne.KeyName]widget.TableCellID{
	fyne.KeyDown: {Row: 1}, fyne.KeyUp: {Row: -1}, fyne.KeyRight: {Col: 1}, fyne.KeyLeft: {Col: -1},
}

// stepWithin moves i by d (−1, 0 or +1) unless that would pass the first or the last of n places.
func stepWithin(i, d, n int) int {
	if d > 0 && i < n-1 || d < 0 && i > 0 {
		return i + d
	}
	return i
}

// focusCell moves the focus to a cell, scrolls it into view and gives the grid the keyboard.
func (e *Editor) focusCell(id widget.TableCellID) {
	rows, cols := e.length()
	if rows == 0 || id.Row < 0 || id.Row >= rows || id.Col < 0 || id.Col >= cols {
		return
	}
	old := e.focus
	e.quiet = true
	e.grid.Select(id) // moves the table's own focus too
	e.quiet = false
	e.focus = id
	e.focusMoved(old)
	if e.win != nil {
		e.win.Canvas().Focus(e.grid)
	}
}

// FocusCell focuses the cell of an activity and a role (0 for the activity's name).
func (e *Editor) FocusCell(activityID, roleID int64) {
	id := widget.TableCellID{Row: e.rowOf(activityID), Col: e.colOf(roleID)}
	if id.Row >= 0 {
		e.focusCell(id)
	}
}

// Focused returns the activity and role of the focused cell (0 when none).
func (e *Editor) Focused() (activityID, roleID int64) {
	if a := e.activityAt(e.focus.Row); a != nil {
		activityID = a.ID
	}
	if r := e.roleAt(e.focus.Col); r != nil {
		roleID = r.ID
	}
	return
}

func (e *Editor) rowOf(activityID int64) int {
	for i, r := range e.rows {
		if r.act >= 0 && e.acts[r.act].ID == activityID {
			return i
		}
	}
	return -1
}

func (e *Editor) colOf(roleID int64) int {
	for i, r := range e.roles {
		if r.ID == roleID {
			return i + 1
		}
	}
	return 0
}

// Jump focuses what a finding is about: an activity's row or a role's column.
func (e *Editor) Jump(f domain.Finding) {
	if domain.IsRoleFinding(f.Code) {
		c := e.colOf(f.EntityID)
		if c == 0 {
			return
		}
		r := e.focus.Row
		if e.activityAt(r) == nil && len(e.rows) > 1 {
			r = 1
		}
		e.focusCell(widget.TableCellID{Row: r, Col: c})
		return
	}
	if r := e.rowOf(f.EntityID); r >= 0 {
		e.focusCell(widget.TableCellID{Row: r, Col: max(e.focus.Col, 0)})
	}
}

// cycleFocused moves the focused cell to its next letter.
func (e *Editor) cycleFocused() {
	a, r := e.activityAt(e.focus.Row), e.roleAt(e.focus.Col)
	if a == nil || r == nil || e.sess.ReadOnly() {
		return
	}
	e.report(e.sess.CycleRaci(a.ID, r.ID))
}

// setFocused puts a letter ("" to empty it) into the focused cell.
func (e *Editor) setFocused(letter string) {
	a, r := e.activityAt(e.focus.Row), e.roleAt(e.focus.Col)
	if a == nil || r == nil || e.sess.ReadOnly() {
		return
	}
	e.report(e.sess.SetRaciLetter(a.ID, r.ID, letter))
}

// loadForms shows the focused activity and role in the fields below the grid.
func (e *Editor) loadForms() {
	a, r := e.activityAt(e.focus.Row), e.roleAt(e.focus.Col)
	ro := e.sess.ReadOnly()
	e.formAct, e.formRole = 0, 0
	if a != nil {
		e.formAct = a.ID
		e.process.Load(a.Process)
		e.actName.show(a.Name)
		e.loadPackage(a)
		enable(!ro, e.process, e.actName, e.pkg)
	} else {
		e.process.Load("")
		e.actName.show("")
		e.loadPackage(nil)
		enable(false, e.process, e.actName, e.pkg)
	}
	if r != nil {
		e.formRole = r.ID
		e.roleName.show(r.Name)
		if i := partyIndex(r.Party); e.party.SelectedIndex() != i {
			fn := e.party.OnChanged
			e.party.OnChanged = nil // showing a value is not an edit
			e.party.SetSelectedIndex(i)
			e.party.OnChanged = fn
		}
		enable(!ro, e.roleName, e.party)
	} else {
		e.roleName.show("")
		fn := e.party.OnChanged
		e.party.OnChanged = nil
		e.party.ClearSelected()
		e.party.OnChanged = fn
		enable(false, e.roleName, e.party)
	}
	e.status.SetText(e.statusText(a, r))
}

func (e *Editor) statusText(a *domain.RaciActivity, r *domain.Role) string {
	switch {
	case a != nil && r != nil:
		l := e.index[domain.RaciCell{ActivityID: a.ID, RoleID: r.ID}]
		meaning := lang.L("raci.letter.empty")
		if l != "" {
			meaning = e.letters[l]
		}
		return lang.L("raci.status.cell", map[string]any{"Activity": a.Name, "Role": r.Name, "Letter": meaning})
	case a != nil:
		return lang.L("raci.status.activity", map[string]any{"Activity": a.Name, "Process": a.Process})
	case r != nil:
		return lang.L("raci.status.role", map[string]any{"Role": r.Name, "Party": kit.PartyLabel(r.Party)})
	}
	return ""
}

func partyIndex(p domain.Party) int {
	for i, x := range domain.Parties {
		if x == p {
			return i
		}
	}
	return -1
}

func enable(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on && w.Disabled() {
			w.Enable()
		} else if !on && !w.Disabled() {
			w.Disable()
		}
	}
}

// commitActivity applies a change to the focused activity; a refused change shows the model's
// value again.
func (e *Editor) commitActivity(change func(a *domain.RaciActivity)) {
	var a *domain.RaciActivity
	for i := range e.acts {
		if e.acts[i].ID == e.formAct {
			a = &e.acts[i]
		}
	}
	if a == nil || e.sess.ReadOnly() {
		return
	}
	next := *a
	change(&next)
	if sameActivity(next, *a) {
		return
	}
	if _, err := e.sess.SaveActivity(next); err != nil {
		e.report(err)
		e.loadForms()
	}
}

// commitRole applies a change to the focused role.
func (e *Editor) commitRole(change func(r *domain.Role)) {
	var r *domain.Role
	if c := e.colOf(e.formRole); c > 0 {
		r = e.roleAt(c)
	}
	if r == nil || e.sess.ReadOnly() {
		return
	}
	next := *r
	change(&next)
	if next == *r {
		return
	}
	if _, err := e.sess.SaveRole(next); err != nil {
		e.report(err)
		e.loadForms()
	}
}

// addActivity adds an activity to the focused row's process and puts the cursor into its name.
func (e *Editor) addActivity() {
	proc := lang.L("raci.default_process")
	if e.focus.Row >= 0 && e.focus.Row < len(e.rows) {
		proc = e.rows[e.focus.Row].process
	} else if len(e.rows) > 0 {
		proc = e.rows[len(e.rows)-1].process
	}
	id, err := e.sess.SaveActivity(domain.RaciActivity{Process: proc, Name: lang.L("raci.new_activity")})
	if err != nil {
		e.report(err)
		return
	}
	e.FocusCell(id, e.focusedRoleID())
	e.editField(e.actName)
}

// addRole adds a role as the last column and puts the cursor into its name.
func (e *Editor) addRole() {
	id, err := e.sess.SaveRole(domain.Role{Name: lang.L("raci.new_role"), Party: domain.PartyOther})
	if err != nil {
		e.report(err)
		return
	}
	actID, _ := e.Focused()
	if actID == 0 && len(e.acts) > 0 {
		actID = e.acts[0].ID
	}
	if actID != 0 {
		e.FocusCell(actID, id)
	} else {
		old := e.focus
		e.focus = widget.TableCellID{Row: 0, Col: e.colOf(id)}
		e.focusMoved(old)
	}
	e.editField(e.roleName)
}

func (e *Editor) focusedRoleID() int64 {
	_, r := e.Focused()
	return r
}

// editField puts the cursor into a field with its text selected, so typing replaces it.
func (e *Editor) editField(f *commitEntry) {
	if e.win == nil {
		return
	}
	c := e.win.Canvas()
	fyne.Do(func() {
		c.Focus(f)
		f.TypedShortcut(&fyne.ShortcutSelectAll{})
	})
}

// moveRow moves the focused activity within its process; at the edge of its process it joins
// the neighbouring process instead, so rows stay grouped.
func (e *Editor) moveRow(delta int) {
	a := e.activityAt(e.focus.Row)
	if a == nil {
		return
	}
	i := e.rows[e.focus.Row].act
	j := i + delta
	if j < 0 || j >= len(e.acts) {
		return
	}
	var err error
	if strings.TrimSpace(e.acts[j].Process) != strings.TrimSpace(a.Process) {
		next := *a
		next.Process = e.acts[j].Process
		_, err = e.sess.SaveActivity(next)
	} else {
		err = e.sess.MoveActivity(a.ID, delta)
	}
	if err != nil {
		e.report(err)
		return
	}
	e.FocusCell(a.ID, e.focusedRoleID())
}

// moveColumn moves the focused role one column to the left or right.
func (e *Editor) moveColumn(delta int) {
	r := e.roleAt(e.focus.Col)
	if r == nil {
		return
	}
	id := r.ID
	if err := e.sess.MoveRole(id, delta); err != nil {
		e.report(err)
		return
	}
	old := e.focus
	e.focus.Col = e.colOf(id)
	e.grid.ScrollTo(e.focus)
	e.focusMoved(old)
}

// deleteActivity removes the focused row (undo brings it back with its cells).
func (e *Editor) deleteActivity() {
	if a := e.activityAt(e.focus.Row); a != nil {
		e.report(e.sess.DeleteActivity(a.ID))
	}
}

// deleteRole removes the focused column (undo brings it back with its cells and contacts).
func (e *Editor) deleteRole() {
	if r := e.roleAt(e.focus.Col); r != nil {
		e.report(e.sess.DeleteRole(r.ID))
	}
}

// insertTemplate adds the template's activities and roles (roles of the same name are reused).
func (e *Editor) insertTemplate() {
	tpl := domain.BuildStructureTemplate(e.sess.Project, domain.TemplateParts{Roles: true, Raci: true}, func(k string) string { return lang.L(k) })
	if err := e.sess.ApplyStructureTemplate(tpl); err != nil {
		e.report(err)
		return
	}
	if len(tpl.Activities) > 0 {
		e.FocusCell(tpl.Activities[0].ID, 0)
	}
}

// labelled puts a small caption above a field.
func labelled(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(caption)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return kit.NewBorder(l, nil, nil, nil, field)
}

// formRow lays its objects out side by side, sharing the width by weight.
type formRow struct{ weights []float32 }

func (f *formRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += max(m.Width, 80) + theme.Padding()
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (f *formRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for i := range objs {
		total += f.weight(i)
	}
	pad := theme.Padding()
	avail := size.Width - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := avail * f.weight(i) / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (f *formRow) weight(i int) float32 {
	if i < len(f.weights) {
		return f.weights[i]
	}
	return 1
}

// sameActivity compares two activities by value (the package by its id, not its pointer).
func sameActivity(a, b domain.RaciActivity) bool {
	pa, pb := a.PackageID, b.PackageID
	a.PackageID, b.PackageID = nil, nil
	return a == b && (pa == nil) == (pb == nil) && (pa == nil || *pa == *pb)
}
