// Package requirements holds the editor of step 3 (requirements: the package board).
package requirements

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	board "schulit-lotse/ui/canvas"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
)

// requirementsEditor is step 3 (Anforderungsliste): the card-sorting board with a card finder
// and the open questions beside it, the requirements of each package, and the table grouped by
// package. Everything is drawn from the session; every change goes through it.
type requirementsEditor struct {
	ctx   *kit.Context
	board *board.Board
	tabs  *container.AppTabs

	zoomLabel  *widget.Label
	newBtn     *widget.Button
	suggestBtn *widget.Button
	moveBtn    *widget.Button
	pileBtn    *widget.Button
	tidyBtn    *widget.Button
	toolbar    *fyne.Container
	chips      *fyne.Container // the seed's suggested packages not created yet, one click each
	chipRow    fyne.CanvasObject
	undoBar    *fyne.Container
	undoLabel  *widget.Label
	status     *widget.Label

	finder    *cardFinder
	questions *kit.Findings
	packages  *packageTab
	table     *kit.Sheet
	tableRows []groupRow
	pkgJump   *widget.Select // package list: bring one into view
	jumpIDs   []int64

	View *kit.EditorView
}

func NewRequirementsEditor(ctx *kit.Context) *requirementsEditor {
	ed := &requirementsEditor{ctx: ctx}
	s := ctx.Session
	ed.board = board.NewBoard(s)
	ed.board.OnError = ctx.Report
	ed.board.OnSelection = ed.selectionChanged
	ed.board.OnCreatePackage = ed.createWithCards
	ed.board.OnMoveRequest = ed.showMove
	ed.board.OnViewChanged = ed.updateZoom
	ed.board.Menu = ed.menu

	ed.zoomLabel = widget.NewLabel("100 %")
	ed.newBtn = widget.NewButtonWithIcon(lang.L("board.new_package"), theme.ContentAddIcon(), func() { ed.createEmpty(0, 0, false) })
	ed.suggestBtn = widget.NewButtonWithIcon(lang.L("board.suggestions"), theme.MenuDropDownIcon(), ed.showSuggestions)
	ed.moveBtn = widget.NewButtonWithIcon(lang.L("board.move_to"), theme.MailForwardIcon(), ed.showMove)
	ed.pileBtn = widget.NewButtonWithIcon(lang.L("board.to_pile"), theme.ContentUndoIcon(), ed.board.MoveSelectionToPile)
	ed.tidyBtn = widget.NewButtonWithIcon(lang.L("board.tidy"), theme.ViewRefreshIcon(), ed.tidy)
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { ed.board.ZoomBy(0.8) })
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { ed.board.ZoomBy(1.25) })
	fit := widget.NewButtonWithIcon(lang.L("board.fit"), theme.ZoomFitIcon(), ed.board.FitAll)
	// The package list beside the zoom: one choice brings a package into view, readable.
	ed.pkgJump = widget.NewSelect(nil, func(name string) {
		if i := ed.pkgJump.SelectedIndex(); i >= 0 && i < len(ed.jumpIDs) {
			ed.board.ShowPackage(ed.jumpIDs[i])
			ed.pkgJump.ClearSelected()
		}
	})
	ed.pkgJump.PlaceHolder = lang.L("board.jump")

	ed.undoLabel = widget.NewLabel("")
	ed.undoBar = container.NewHBox(ed.undoLabel, widget.NewButtonWithIcon(lang.L("steps.undo"), theme.ContentUndoIcon(), ed.undo))
	ed.undoBar.Hide()
	ed.toolbar = container.NewHBox(ed.newBtn, ed.suggestBtn, widget.NewSeparator(), ed.moveBtn, ed.pileBtn,
		widget.NewSeparator(), ed.tidyBtn, ed.undoBar)
	ed.status = widget.NewLabel("")
	ed.status.Truncation = fyne.TextTruncateEllipsis
	zoomBar := container.NewHBox(ed.pkgJump, zoomOut, ed.zoomLabel, zoomIn, fit)

	ed.finder = newCardFinder(ed)
	ed.questions = kit.NewFindings(kit.FindingsConfig{Lines: 2, OnTap: ed.jump})
	side := container.NewVSplit(ed.finder.content, ed.questions.Content)
	side.Offset = 0.55
	split := kit.WithSide(ed.board, side, 250, 0.76)
	ed.chips = container.NewHBox()
	ed.chipRow = container.NewHScroll(ed.chips)
	boardTab := kit.NewBorder(container.NewVBox(container.NewHScroll(ed.toolbar), ed.chipRow),
		kit.NewBorder(nil, nil, nil, zoomBar, ed.status), nil, nil, split)

	ed.packages = newPackageTab(ed)
	ed.table = kit.NewSheet(groupColumns, func() int { return len(ed.tableRows) }, ed.tableCell)

	ed.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("board.tab.board"), boardTab),
		container.NewTabItem(lang.L("board.tab.requirements"), ed.packages.content),
		container.NewTabItem(lang.L("board.tab.table"), ed.table.View()),
	)
	ed.View = kit.NewEditorView(ed.tabs, s.Subscribe(ed.changed))
	if s.ReadOnly() {
		for _, b := range []*widget.Button{ed.newBtn, ed.suggestBtn, ed.moveBtn, ed.pileBtn, ed.tidyBtn} {
			b.Disable()
		}
	}
	ed.refresh()
	return ed
}

// changed follows every edit, undo and redo.
func (ed *requirementsEditor) changed() {
	ed.undoBar.Hide()
	ed.board.ModelChanged()
	ed.refresh()
}

func (ed *requirementsEditor) refresh() {
	p := ed.ctx.Session.Project
	ed.finder.refresh()
	ed.questions.Set(domain.RequirementFindings(ed.ctx.Session.Project))
	ed.packages.refresh()
	ed.tableRows = groupRows(p)
	ed.table.Refresh()
	names := make([]string, len(p.Packages))
	ed.jumpIDs = make([]int64, len(p.Packages))
	for i, pk := range p.Packages {
		names[i], ed.jumpIDs[i] = pk.Name, pk.ID
	}
	ed.pkgJump.SetOptions(names)
	ro := ed.ctx.Session.ReadOnly()
	missing := domain.MissingSuggestions(p)
	if len(missing) == 0 || ro {
		ed.suggestBtn.Disable()
	} else {
		ed.suggestBtn.Enable()
	}
	ed.chips.RemoveAll()
	if len(missing) > 0 && !ro {
		ed.chips.Add(widget.NewLabel(lang.L("board.suggested")))
		for _, name := range missing {
			b := widget.NewButtonWithIcon(name, theme.ContentAddIcon(), func() { ed.addSuggestion(name) })
			b.Importance = widget.LowImportance
			ed.chips.Add(b)
		}
		ed.chipRow.Show()
	} else {
		ed.chipRow.Hide()
	}
	ed.selectionChanged()
	ed.updateZoom()
}

// selectionChanged updates what depends on the selected cards.
func (ed *requirementsEditor) selectionChanged() {
	n := len(ed.board.Selection())
	if n == 0 || ed.ctx.Session.ReadOnly() {
		ed.moveBtn.Disable()
		ed.pileBtn.Disable()
	} else {
		ed.moveBtn.Enable()
		ed.pileBtn.Enable()
	}
	p := ed.ctx.Session.Project
	l := ed.board.Layout()
	status := lang.L("board.status", map[string]any{"Packages": plural.L("board.count.packages", len(p.Packages)),
		"Sorted": plural.L("board.count.cards", len(p.Tasks)-len(l.Pile)), "Pile": plural.Number(len(l.Pile))})
	if n > 0 {
		status += " · " + lang.L("board.status.selected", map[string]any{"Count": plural.Number(n)})
	}
	ed.status.SetText(status + " · " + lang.L("board.status.keys"))
	ed.finder.markSelection()
	if id := ed.board.SelectedPackage(); id != 0 {
		ed.packages.show(id)
	}
}

func (ed *requirementsEditor) updateZoom() {
	ed.zoomLabel.SetText(fmt.Sprintf("%d %%", int(ed.board.Zoom()*100+0.5)))
}

func (ed *requirementsEditor) window() fyne.Window { return ed.ctx.Window }

// createEmpty asks for a name and creates a package without cards, at (x, y) or at the first
// free place.
func (ed *requirementsEditor) createEmpty(x, y float64, at bool) {
	p := ed.ctx.Session.Project
	showNameDialog(ed.ctx, lang.L("board.new_package.title"), "", domain.MissingSuggestions(p), 0, func(name string) {
		ed.addPackage(domain.NewPackagePlan{Package: domain.NewPackage(p, name, x, y, at)})
	})
}

// createWithCards follows a drop on free space: it asks for the new package's name.
func (ed *requirementsEditor) createWithCards(ids []int64, x, y float64) {
	p := ed.ctx.Session.Project
	showNameDialog(ed.ctx, lang.L("board.new_package.title"), "", domain.MissingSuggestions(p), 0, func(name string) {
		plan, err := domain.PackageWithCards(p, name, x, y, ids)
		if err != nil {
			ed.ctx.Report(err)
			return
		}
		ed.addPackage(plan)
	})
}

func (ed *requirementsEditor) addPackage(plan domain.NewPackagePlan) int64 {
	id, err := ed.ctx.Session.AddPackage(plan)
	if err != nil {
		ed.ctx.Report(err)
		return 0
	}
	ed.board.SelectPackage(id)
	return id
}

// addSuggestion creates one of the seed's suggested packages at the first free place.
func (ed *requirementsEditor) addSuggestion(name string) {
	p := ed.ctx.Session.Project
	ed.addPackage(domain.NewPackagePlan{Package: domain.NewPackage(p, name, 0, 0, false)})
}

func (ed *requirementsEditor) showSuggestions() {
	var items []*fyne.MenuItem
	for _, name := range domain.MissingSuggestions(ed.ctx.Session.Project) {
		items = append(items, fyne.NewMenuItem(name, func() { ed.addSuggestion(name) }))
	}
	if len(items) == 0 || ed.window() == nil {
		return
	}
	c := ed.window().Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(ed.suggestBtn).Add(fyne.NewPos(0, ed.suggestBtn.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

func (ed *requirementsEditor) showMove() {
	if len(ed.board.Selection()) == 0 {
		return
	}
	showMoveDialog(ed)
}

func (ed *requirementsEditor) tidy() {
	ed.ctx.Report(ed.ctx.Session.ApplyBoard("undo.board.tidy", domain.ArrangeBoard(ed.ctx.Session.Project, ed.board.AreaAspect())))
	ed.board.FitAll()
}

// deletePackage removes a package (its cards go to the pile) and offers undo right away.
func (ed *requirementsEditor) deletePackage(id int64) {
	pk := ed.ctx.Session.Project.PackageByID(id)
	if pk == nil {
		return
	}
	name := pk.Name
	if err := ed.ctx.Session.DeletePackage(id); err != nil {
		ed.ctx.Report(err)
		return
	}
	ed.undoLabel.SetText(lang.L("board.deleted", map[string]any{"Name": name}))
	ed.undoBar.Show()
	ed.packages.undoLabel.SetText(ed.undoLabel.Text)
	ed.packages.undoBar.Show()
}

func (ed *requirementsEditor) undo() {
	ed.ctx.Report(ed.ctx.Session.Undo())
}

func (ed *requirementsEditor) renamePackage(id int64) {
	pk := ed.ctx.Session.Project.PackageByID(id)
	if pk == nil {
		return
	}
	showNameDialog(ed.ctx, lang.L("board.rename.title"), pk.Name, nil, id, func(name string) {
		ed.ctx.Report(ed.ctx.Session.UpdatePackage(id, "undo.board.rename", func(x *domain.Package) { x.Name = strings.TrimSpace(name) }))
	})
}

func (ed *requirementsEditor) recolour(id int64, c string) {
	ed.ctx.Report(ed.ctx.Session.UpdatePackage(id, "undo.board.color", func(x *domain.Package) { x.Color = c }))
}

// colourMenu lists the palette for a package, the current colour ticked.
func (ed *requirementsEditor) colourMenu(id int64) *fyne.Menu {
	pk := ed.ctx.Session.Project.PackageByID(id)
	var items []*fyne.MenuItem
	for i, c := range domain.PackageColors {
		it := fyne.NewMenuItem(colourName(i), func() { ed.recolour(id, c) })
		it.Checked = pk != nil && strings.EqualFold(pk.Color, c)
		items = append(items, it)
	}
	return fyne.NewMenu(lang.L("board.color"), items...)
}

func colourName(i int) string { return lang.L(fmt.Sprintf("board.color.%d", i)) }

// menu is the context menu of the board.
func (ed *requirementsEditor) menu(h board.Hit) *fyne.Menu {
	if ed.ctx.Session.ReadOnly() {
		return nil
	}
	switch h.Kind {
	case board.HitCard, board.HitPileCard:
		items := []*fyne.MenuItem{fyne.NewMenuItem(lang.L("board.move_to"), ed.showMove)}
		if h.Kind == board.HitCard {
			items = append(items, fyne.NewMenuItem(lang.L("board.to_pile"), ed.board.MoveSelectionToPile))
		}
		return fyne.NewMenu("", items...)
	case board.HitPackage, board.HitPackageHeader, board.HitPackageGrip:
		id := h.Package
		colour := fyne.NewMenuItem(lang.L("board.color"), nil)
		colour.ChildMenu = ed.colourMenu(id)
		return fyne.NewMenu("",
			fyne.NewMenuItem(lang.L("board.rename"), func() { ed.renamePackage(id) }),
			colour,
			fyne.NewMenuItem(lang.L("board.arrange"), func() {
				c, err := domain.ArrangePackage(ed.ctx.Session.Project, id)
				if err == nil {
					err = ed.ctx.Session.ApplyBoard("undo.board.tidy", c)
				}
				ed.ctx.Report(err)
			}),
			fyne.NewMenuItem(lang.L("board.edit_requirements"), func() { ed.openRequirements(id) }),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("board.delete_package"), func() { ed.deletePackage(id) }),
		)
	case board.HitBoard:
		x, y := h.X, h.Y
		return fyne.NewMenu("",
			fyne.NewMenuItem(lang.L("board.new_package_here"), func() { ed.createEmpty(x, y, true) }),
			fyne.NewMenuItem(lang.L("board.fit"), ed.board.FitAll),
			fyne.NewMenuItem(lang.L("board.tidy"), ed.tidy),
		)
	}
	return nil
}

// openRequirements switches to the package's requirements and puts the cursor into its target
// state.
func (ed *requirementsEditor) openRequirements(id int64) {
	ed.tabs.SelectIndex(1)
	ed.packages.show(id)
	ed.packages.focusTarget()
}

// jump answers an open question: an unsorted card is selected on the board, a package's
// requirements are opened.
func (ed *requirementsEditor) jump(f domain.Finding) {
	if domain.IsPackageFinding(f) {
		if f.Code == domain.FindPackageEmpty {
			ed.tabs.SelectIndex(0)
			ed.board.SelectPackage(f.EntityID)
			return
		}
		ed.openRequirements(f.EntityID)
		return
	}
	ed.tabs.SelectIndex(0)
	ed.board.SetSelection(f.EntityID)
	if c := ed.window(); c != nil {
		c.Canvas().Focus(ed.board)
	}
}

// --- the grouped table (Abb. 5/6) ---

var groupColumns = []kit.SheetColumn{
	{Title: "board.col.task", Width: 170, Grow: 3},
	{Title: "board.col.package", Width: 120, Grow: 1.5},
	{Title: "board.col.responsible", Width: 130, Grow: 1.5},
	{Title: "board.col.hours", Width: 80, Align: fyne.TextAlignTrailing},
	{Title: "board.col.note", Width: 120, Grow: 2.5},
	{Title: "board.col.priority", Width: 110, Grow: 1},
}

// groupRow is a row of the grouped table: a package's heading (task nil) or a task.
type groupRow struct {
	pkg    *domain.Package
	task   *domain.Task
	header string // heading: the package's name (or the pile's)
	info   string // heading: number of tasks and hours
	target string // heading: the target state
}

func groupRows(p *domain.Project) []groupRow {
	var out []groupRow
	for _, g := range domain.GroupByPackage(p) {
		r := groupRow{pkg: g.Package, header: lang.L("board.pile.group")}
		var hours float64
		for _, t := range g.Tasks {
			hours += t.HoursPerMonth(p.Settings)
		}
		r.info = lang.L("board.package.info", map[string]any{"Count": plural.Number(len(g.Tasks)), "Hours": kit.FormatNumber(hours)})
		if g.Package != nil {
			r.header = g.Package.Name
			if g.Package.TargetState != "" {
				r.target = lang.L("board.target_short") + ": " + kit.OneLine(g.Package.TargetState)
			}
		}
		out = append(out, r)
		for i := range g.Tasks {
			t := g.Tasks[i]
			out = append(out, groupRow{pkg: g.Package, task: &t})
		}
	}
	return out
}

func (ed *requirementsEditor) tableCell(row, col int) kit.SheetCell {
	r := ed.tableRows[row]
	colour := ""
	if r.pkg != nil {
		colour = r.pkg.Color
	}
	if r.task == nil {
		c := kit.SheetCell{Bold: true, Fill: kit.ColorOf(colour, 0.3)}
		switch col {
		case 0:
			c.Text = r.header
		case 1, 2:
			if col == 1 {
				c.Text = r.info
			}
			c.Bold = false
		case 4:
			c.Text, c.Bold = r.target, false
		}
		if r.pkg == nil {
			c.Imp = widget.WarningImportance
		}
		return c
	}
	t := r.task
	p := ed.ctx.Session.Project
	c := kit.SheetCell{Fill: kit.ColorOf(colour, 0.08)}
	switch col {
	case 0:
		c.Text = t.Name
	case 1:
		if r.pkg != nil {
			c.Text = r.pkg.Name
		} else {
			c.Text = lang.L("board.pile.group")
			c.Imp = widget.WarningImportance
		}
	case 2:
		c.Text = t.Responsible
	case 3:
		c.Text = kit.HoursText(*t, p.Settings)
	case 4:
		c.Text = t.Note
	case 5:
		c.Text = kit.PriorityText(t.Priority, p.Settings.PriorityMode)
	}
	return c
}
