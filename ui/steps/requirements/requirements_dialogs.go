package requirements

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
)

// The keyboard paths of the board: a name dialog for new and renamed packages, the
// "Verschieben nach…" dialog with type-ahead over the packages, the card finder and the open
// questions beside the board.

// openDialog is the dialog shown last (tests fill it in as a user would).
var openDialog struct {
	form  *dialog.FormDialog
	entry *widget.SelectEntry
	move  *moveDialog
}

// showNameDialog asks for a package name (suggestions offered in the entry's list); the name is
// checked as the user types, so OK only accepts a usable one. id is the package being renamed
// (0 for a new one).
func showNameDialog(ctx *kit.Context, title, initial string, suggestions []string, id int64, ok func(name string)) {
	if ctx.Window == nil {
		return
	}
	e := widget.NewSelectEntry(suggestions)
	e.SetText(initial)
	e.SetPlaceHolder(lang.L("board.name.placeholder"))
	e.Validator = func(s string) error {
		err := domain.CheckPackageName(ctx.Session.Project, id, s)
		if err != nil {
			return kit.InputError(lang.L(err.Error()))
		}
		return nil
	}
	item := widget.NewFormItem(lang.L("board.name"), e)
	if len(suggestions) > 0 {
		item.HintText = lang.L("board.name.hint")
	}
	d := dialog.NewForm(title, lang.L("board.ok"), lang.L("board.cancel"), []*widget.FormItem{item}, func(confirmed bool) {
		if confirmed {
			ok(strings.TrimSpace(e.Text))
		}
	}, ctx.Window)
	e.OnSubmitted = func(string) {
		if e.Validate() == nil {
			d.Submit()
		}
	}
	d.Resize(fyne.NewSize(460, 220))
	openDialog.form, openDialog.entry = d, e
	d.Show()
	ctx.Window.Canvas().Focus(e)
}

// moveTarget is one choice of "Verschieben nach…".
type moveTarget struct {
	kind  int // 0 pile, 1 package, 2 new package
	id    int64
	name  string
	label string
}

// moveDialog moves the selected cards: the user types part of a package's name, Up/Down pick
// among the matches, Enter moves. A name that matches nothing offers a new package.
type moveDialog struct {
	ed      *requirementsEditor
	ids     []int64
	entry   *keyEntry
	list    *widget.List
	targets []moveTarget
	cur     int
	d       *dialog.CustomDialog
}

func showMoveDialog(ed *requirementsEditor) {
	if ed.window() == nil {
		return
	}
	m := &moveDialog{ed: ed, ids: ed.board.Selection()}
	m.entry = newKeyEntry()
	m.entry.SetPlaceHolder(lang.L("board.move.placeholder"))
	m.entry.OnChanged = func(string) { m.filter() }
	m.entry.onKey = m.key
	m.list = newSwatchList(func() int { return len(m.targets) }, false, func(i int, l *widget.Label, sw *canvas.Rectangle, _ *widget.Label) {
		t := m.targets[i]
		l.SetText(t.label)
		l.TextStyle = fyne.TextStyle{Bold: i == m.cur}
		l.Refresh()
		colour := "" // the pile and a new package have none
		if t.kind == 1 {
			if pk := ed.ctx.Session.Project.PackageByID(t.id); pk != nil {
				colour = pk.Color
			}
		}
		paintSwatch(sw, colour)
	})
	m.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(m.targets) {
			m.choose(m.targets[i])
		}
	}
	head := widget.NewLabel(plural.L("board.move.what", len(m.ids)))
	listMin := canvas.NewRectangle(kit.Transparent)
	listMin.SetMinSize(fyne.NewSize(420, 260))
	content := kit.NewBorder(container.NewVBox(head, m.entry), nil, nil, nil, container.NewStack(listMin, m.list))
	m.d = dialog.NewCustom(lang.L("board.move.title"), lang.L("board.cancel"), content, ed.window())
	m.filter()
	openDialog.move = m
	m.d.Show()
	ed.window().Canvas().Focus(m.entry)
}

// filter lists the targets that match the typed text: packages whose name starts with it first,
// then those that contain it.
func (m *moveDialog) filter() {
	p := m.ed.ctx.Session.Project
	q := kit.Fold(strings.TrimSpace(m.entry.Text))
	var starts, contains []moveTarget
	exact := false
	for _, pk := range domain.SortedPackages(p) {
		f := kit.Fold(pk.Name)
		t := moveTarget{kind: 1, id: pk.ID, name: pk.Name, label: pk.Name}
		switch {
		case q == "" || strings.HasPrefix(f, q):
			starts = append(starts, t)
		case strings.Contains(f, q):
			contains = append(contains, t)
		}
		if f == q {
			exact = true
		}
	}
	m.targets = m.targets[:0]
	pile := lang.L("board.move.pile")
	if m.anySorted() && (q == "" || strings.Contains(kit.Fold(pile), q)) {
		m.targets = append(m.targets, moveTarget{kind: 0, label: pile})
	}
	m.targets = append(m.targets, starts...)
	m.targets = append(m.targets, contains...)
	if q != "" && !exact {
		name := strings.TrimSpace(m.entry.Text)
		m.targets = append(m.targets, moveTarget{kind: 2, name: name, label: lang.L("board.move.new", map[string]any{"Name": name})})
	}
	m.cur = 0
	m.list.Refresh()
	if len(m.targets) > 0 {
		m.list.ScrollTo(0)
	}
}

func (m *moveDialog) anySorted() bool {
	for _, id := range m.ids {
		if t := m.ed.ctx.Session.Project.TaskByID(id); t != nil && t.PackageID != nil {
			return true
		}
	}
	return false
}

// key moves the highlight with Up/Down and moves the cards with Enter.
func (m *moveDialog) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown:
		if m.cur < len(m.targets)-1 {
			m.cur++
		}
	case fyne.KeyUp:
		if m.cur > 0 {
			m.cur--
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.cur < len(m.targets) {
			m.choose(m.targets[m.cur])
		}
		return true
	default:
		return false
	}
	m.list.Refresh()
	m.list.ScrollTo(m.cur)
	return true
}

func (m *moveDialog) choose(t moveTarget) {
	m.d.Hide()
	ed := m.ed
	switch t.kind {
	case 0:
		ed.board.SetSelection(m.ids...)
		ed.board.MoveSelectionToPile()
	case 1:
		ed.board.SetSelection(m.ids...)
		ed.board.MoveSelectionTo(t.id)
	case 2:
		p := ed.ctx.Session.Project
		at := domain.NewPackage(p, t.name, 0, 0, false)
		plan, err := domain.PackageWithCards(p, t.name, at.X+domain.PackagePadding, at.Y+domain.PackageHeader+domain.PackagePadding, m.ids)
		if err != nil {
			ed.ctx.Report(err)
			return
		}
		ed.addPackage(plan)
	}
}

// keyEntry is an Entry that lets its owner handle keys first (Up/Down/Enter of a type-ahead).
type keyEntry struct {
	widget.Entry
	onKey func(*fyne.KeyEvent) bool
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey offers the key to the owner before the Entry handles it.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

// --- card finder ---

// cardFinder lists the cards, filtered by what is typed; picking one selects it on the board.
// Enter in the filter selects the first match and opens "Verschieben nach…".
type cardFinder struct {
	ed      *requirementsEditor
	entry   *keyEntry
	list    *widget.List
	rows    []int64
	pkgName map[int64]string
	content fyne.CanvasObject
	quiet   bool // the list is being synchronised with the board, not picked by the user
}

func newCardFinder(ed *requirementsEditor) *cardFinder {
	f := &cardFinder{ed: ed}
	f.entry = newKeyEntry()
	f.entry.SetPlaceHolder(lang.L("board.find.placeholder"))
	f.entry.OnChanged = func(string) { f.refresh() }
	f.entry.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if len(f.rows) > 0 {
				f.ed.board.SetSelection(f.rows[0])
				f.ed.showMove()
			}
			return true
		case fyne.KeyDown:
			if len(f.rows) > 0 && f.ed.window() != nil {
				f.list.Select(0)
				f.ed.window().Canvas().Focus(f.list)
			}
			return true
		}
		return false
	}
	f.list = widget.NewList(
		func() int { return len(f.rows) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			pkg := widget.NewLabel("")
			pkg.Importance = widget.LowImportance
			pkg.Truncation = fyne.TextTruncateEllipsis
			pkg.SizeName = theme.SizeNameCaptionText
			return container.New(&twoLineLayout{}, name, pkg)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			name, pkg := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			if i < 0 || i >= len(f.rows) {
				name.SetText("")
				pkg.SetText("")
				return
			}
			t := f.ed.ctx.Session.Project.TaskByID(f.rows[i])
			if t == nil {
				return
			}
			name.SetText(t.Name)
			pkg.SetText(f.pkgName[f.rows[i]])
		},
	)
	f.list.OnSelected = func(i widget.ListItemID) {
		if f.quiet || i < 0 || i >= len(f.rows) {
			return
		}
		f.ed.board.SetSelection(f.rows[i])
	}
	title := widget.NewLabelWithStyle(lang.L("board.find.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.content = kit.NewBorder(container.NewVBox(title, f.entry), nil, nil, nil, f.list)
	return f
}

func (f *cardFinder) refresh() {
	p := f.ed.ctx.Session.Project
	q := kit.Fold(strings.TrimSpace(f.entry.Text))
	f.rows = f.rows[:0]
	f.pkgName = make(map[int64]string, len(p.Tasks))
	names := map[int64]string{}
	for _, pk := range p.Packages {
		names[pk.ID] = pk.Name
	}
	pile := lang.L("board.pile.group")
	for _, t := range sortedByOrder(p.Tasks) {
		pn := pile
		if t.PackageID != nil {
			if n, ok := names[*t.PackageID]; ok {
				pn = n
			}
		}
		if q != "" && !strings.Contains(kit.Fold(t.Name), q) && !strings.Contains(kit.Fold(pn), q) {
			continue
		}
		f.rows = append(f.rows, t.ID)
		f.pkgName[t.ID] = pn
	}
	f.list.Refresh()
	f.markSelection()
}

// markSelection highlights the card selected on the board, if the list shows it.
func (f *cardFinder) markSelection() {
	sel := f.ed.board.Selection()
	f.quiet = true
	defer func() { f.quiet = false }()
	if len(sel) != 1 {
		f.list.UnselectAll()
		return
	}
	for i, id := range f.rows {
		if id == sel[0] {
			f.list.Select(i)
			return
		}
	}
	f.list.UnselectAll()
}

func sortedByOrder(ts []domain.Task) []domain.Task {
	out := append([]domain.Task(nil), ts...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].SortOrder != out[b].SortOrder {
			return out[a].SortOrder < out[b].SortOrder
		}
		return out[a].ID < out[b].ID
	})
	return out
}

// twoLineLayout stacks a name and a caption below it with little space between, so a list row
// gives the name the full width.
type twoLineLayout struct{}

func (twoLineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height-2*theme.InnerPadding())
}

func (twoLineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a := objs[0].MinSize()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, a.Height))
	objs[1].Move(fyne.NewPos(0, a.Height-2*theme.InnerPadding()))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-a.Height+2*theme.InnerPadding()))
}
