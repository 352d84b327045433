package requirements

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// packageTab is the requirement list per package: on the left the packages, on the right the
// chosen one's name, colour, target state (Zielzustand), criteria, its must/nice share and its
// tasks. Text fields commit when the user leaves them or presses Enter (Ctrl+Enter in the
// multi-line ones).
type packageTab struct {
	ed      *requirementsEditor
	pkgs    []domain.PackageSummary
	list    *widget.List
	current int64
	loading bool

	name      *kit.CommitEntry
	colour    *widget.Select
	swatch    *canvas.Rectangle
	target    *kit.CommitEntry
	criteria  *kit.CommitEntry
	figures   *widget.Label
	tasks     []domain.Task
	taskList  *widget.List
	deleteBtn *widget.Button
	undoBar   *fyne.Container
	undoLabel *widget.Label
	form      fyne.CanvasObject
	empty     *widget.Label
	content   fyne.CanvasObject
}

// newSwatchList is a list of packages: a row shows a colour swatch, the name (cut with …) and,
// with numbers, a small number on the right. show fills row i; a row past the end shows no text.
func newSwatchList(count func() int, numbers bool, show func(i int, name *widget.Label, swatch *canvas.Rectangle, number *widget.Label)) *widget.List {
	return widget.NewList(count,
		func() fyne.CanvasObject {
			sw := canvas.NewRectangle(kit.Transparent)
			sw.SetMinSize(fyne.NewSize(14, 14))
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			if !numbers {
				return container.NewBorder(nil, nil, container.NewCenter(sw), nil, l)
			}
			n := widget.NewLabel("")
			n.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, container.NewCenter(sw), n, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			name := box.Objects[0].(*widget.Label)
			sw := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			var number *widget.Label
			if numbers {
				number = box.Objects[2].(*widget.Label)
			}
			if i < 0 || i >= count() {
				name.SetText("")
				if number != nil {
					number.SetText("")
				}
				return
			}
			show(i, name, sw, number)
		})
}

// paintSwatch fills a swatch with a package colour; no colour (or a bad one) leaves it clear.
func paintSwatch(sw *canvas.Rectangle, colour string) {
	if c := kit.ColorOf(colour, 1); c != nil {
		sw.FillColor = c
	} else {
		sw.FillColor = kit.Transparent
	}
	sw.Refresh()
}

// textArea is a wrapped entry of three rows for a text of the package (placeholder is its
// translation key); it commits the texts when left and on Ctrl+Enter.
func (pt *packageTab) textArea(placeholder string) *kit.CommitEntry {
	e := kit.AsNote(kit.NewCommitEntry(), 3)
	e.SetPlaceHolder(lang.L(placeholder))
	e.OnLeave = pt.commitTexts
	e.OnCtrlEnter = pt.commitTexts
	return e
}

func newPackageTab(ed *requirementsEditor) *packageTab {
	pt := &packageTab{ed: ed}
	pt.list = newSwatchList(func() int { return len(pt.pkgs) }, true, func(i int, l *widget.Label, sw *canvas.Rectangle, n *widget.Label) {
		s := pt.pkgs[i]
		l.SetText(s.Package.Name)
		n.SetText(kit.FormatNumber(float64(s.Tasks)))
		paintSwatch(sw, s.Package.Color)
	})
	pt.list.OnSelected = func(i widget.ListItemID) {
		if pt.loading || i < 0 || i >= len(pt.pkgs) {
			return
		}
		pt.current = pt.pkgs[i].Package.ID
		pt.load()
	}

	pt.name = kit.NewCommitEntry()
	pt.name.CommitOn(pt.commitName)
	var names []string
	for i := range domain.PackageColors {
		names = append(names, colourName(i))
	}
	pt.colour = widget.NewSelect(names, func(s string) {
		if pt.loading || pt.current == 0 {
			return
		}
		for i, n := range names {
			if n == s {
				ed.recolour(pt.current, domain.PackageColors[i])
			}
		}
	})
	pt.swatch = canvas.NewRectangle(kit.Transparent)
	pt.swatch.SetMinSize(fyne.NewSize(24, 24))
	pt.swatch.CornerRadius = 4
	pt.target = pt.textArea("board.target.placeholder")
	pt.criteria = pt.textArea("board.criteria.placeholder")
	pt.figures = widget.NewLabel("")
	pt.figures.Wrapping = fyne.TextWrapWord

	pt.taskList = kit.NewPairList(func() int { return len(pt.tasks) }, func(i int) (string, string) {
		t := pt.tasks[i]
		return t.Name, kit.PriorityText(t.Priority, ed.ctx.Session.Project.Settings.PriorityMode)
	}, func(i int) {
		ed.tabs.SelectIndex(0)
		ed.board.SetSelection(pt.tasks[i].ID)
	})

	showBtn := widget.NewButtonWithIcon(lang.L("board.show_on_board"), theme.VisibilityIcon(), func() {
		ed.tabs.SelectIndex(0)
		ed.board.SelectPackage(pt.current)
	})
	pt.deleteBtn = widget.NewButtonWithIcon(lang.L("board.delete_package"), theme.DeleteIcon(), func() { ed.deletePackage(pt.current) })
	pt.deleteBtn.Importance = widget.DangerImportance
	pt.undoLabel = widget.NewLabel("")
	pt.undoBar = container.NewHBox(pt.undoLabel, widget.NewButtonWithIcon(lang.L("steps.undo"), theme.ContentUndoIcon(), ed.undo))
	pt.undoBar.Hide()

	bold := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	fields := widget.NewForm(
		widget.NewFormItem(lang.L("board.name"), pt.name),
		widget.NewFormItem(lang.L("board.color"), kit.NewBorder(nil, nil, container.NewCenter(pt.swatch), nil, pt.colour)),
		widget.NewFormItem(lang.L("board.target"), pt.target),
		widget.NewFormItem(lang.L("board.criteria"), pt.criteria),
	)
	top := container.NewVBox(fields, bold("board.share"), pt.figures, bold("board.tasks_in_package"))
	buttons := container.NewHBox(showBtn, pt.deleteBtn)
	pt.form = kit.NewBorder(top, buttons, nil, nil, pt.taskList)
	pt.empty = widget.NewLabel(lang.L("board.pick_package"))
	pt.empty.Wrapping = fyne.TextWrapWord

	newBtn := widget.NewButtonWithIcon(lang.L("board.new_package"), theme.ContentAddIcon(), func() { ed.createEmpty(0, 0, false) })
	if ed.ctx.Session.ReadOnly() {
		newBtn.Disable()
		pt.deleteBtn.Disable()
	}
	leftMin := canvas.NewRectangle(kit.Transparent)
	leftMin.SetMinSize(fyne.NewSize(220, 0))
	left := kit.NewBorder(container.NewVBox(bold("board.packages"), newBtn), nil, nil, nil, container.NewStack(leftMin, pt.list))
	split := container.NewHSplit(left, container.NewStack(pt.empty, pt.form))
	split.Offset = 0.28
	pt.content = kit.NewBorder(pt.undoBar, nil, nil, nil, split)
	return pt
}

// refresh re-reads the packages; the chosen one stays chosen while it exists.
func (pt *packageTab) refresh() {
	pt.undoBar.Hide()
	pt.pkgs = domain.SummarizePackages(pt.ed.ctx.Session.Project)
	if pt.current != 0 && pt.ed.ctx.Session.Project.PackageByID(pt.current) == nil {
		pt.current = 0
	}
	if pt.current == 0 && len(pt.pkgs) > 0 {
		pt.current = pt.pkgs[0].Package.ID
	}
	pt.list.Refresh()
	pt.load()
}

// show chooses a package.
func (pt *packageTab) show(id int64) {
	if pt.ed.ctx.Session.Project.PackageByID(id) == nil {
		return
	}
	pt.current = id
	pt.load()
}

func (pt *packageTab) summary() (domain.PackageSummary, int, bool) {
	for i, s := range pt.pkgs {
		if s.Package.ID == pt.current {
			return s, i, true
		}
	}
	return domain.PackageSummary{}, -1, false
}

// load shows the chosen package in the form.
func (pt *packageTab) load() {
	s, i, ok := pt.summary()
	pt.loading = true
	defer func() { pt.loading = false }()
	if !ok {
		pt.form.Hide()
		pt.empty.Show()
		pt.list.UnselectAll()
		return
	}
	pt.empty.Hide()
	pt.form.Show()
	pt.list.Select(i)
	pk := s.Package
	kit.SetEntry(pt.name, pk.Name)
	kit.SetEntry(pt.target, pk.TargetState)
	kit.SetEntry(pt.criteria, pk.Criteria)
	pt.colour.ClearSelected()
	for j, c := range domain.PackageColors {
		if strings.EqualFold(c, pk.Color) {
			pt.colour.SetSelectedIndex(j)
		}
	}
	if c := kit.ColorOf(pk.Color, 1); c != nil {
		pt.swatch.FillColor = c
	} else {
		pt.swatch.FillColor = kit.Transparent
	}
	pt.swatch.Refresh()
	pt.figures.SetText(shareText(s))
	pt.tasks = pt.tasks[:0]
	for _, g := range domain.GroupByPackage(pt.ed.ctx.Session.Project) {
		if g.Package != nil && g.Package.ID == pk.ID {
			pt.tasks = append(pt.tasks, g.Tasks...)
		}
	}
	pt.taskList.Refresh()
	ro := pt.ed.ctx.Session.ReadOnly()
	for _, e := range []*kit.CommitEntry{pt.name, pt.target, pt.criteria} {
		if ro {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if ro {
		pt.colour.Disable()
	}
}

// shareText is the package's figures: tasks, hours and the must/nice share.
func shareText(s domain.PackageSummary) string {
	pct := func(v float64) string { return kit.FormatNumber(v*100) + " %" }
	return lang.L("board.share.text", map[string]any{
		"Tasks": s.Tasks, "Hours": kit.FormatNumber(s.Hours),
		"Must": s.Must, "MustShare": pct(s.MustShare()), "MustHours": kit.FormatNumber(s.MustHours),
		"Nice": s.Nice, "NiceShare": pct(s.NiceShare()), "NiceHours": kit.FormatNumber(s.NiceHours),
		"None": s.Unprioritised, "Critical": s.Critical,
	})
}

func (pt *packageTab) commitName() {
	if pt.loading || pt.current == 0 {
		return
	}
	pk := pt.ed.ctx.Session.Project.PackageByID(pt.current)
	if pk == nil || strings.TrimSpace(pt.name.Text) == pk.Name {
		return
	}
	err := pt.ed.ctx.Session.UpdatePackage(pt.current, "undo.board.rename", func(x *domain.Package) { x.Name = strings.TrimSpace(pt.name.Text) })
	if err != nil {
		pt.ed.ctx.Report(err)
		kit.SetEntry(pt.name, pk.Name)
	}
}

func (pt *packageTab) commitTexts() {
	if pt.loading || pt.current == 0 {
		return
	}
	target, criteria := strings.TrimSpace(pt.target.Text), strings.TrimSpace(pt.criteria.Text)
	pt.ed.ctx.Report(pt.ed.ctx.Session.UpdatePackage(pt.current, "undo.board.requirements", func(x *domain.Package) {
		x.TargetState, x.Criteria = target, criteria
	}))
}

// focusTarget puts the cursor into the target state.
func (pt *packageTab) focusTarget() {
	if w := pt.ed.window(); w != nil {
		w.Canvas().Focus(pt.target)
	}
}
