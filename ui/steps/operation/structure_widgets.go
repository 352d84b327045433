package operation

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/raci"
)

// Widgets shared by the editors of steps 10 and 11: a table of records picked by id, entries and
// selects that commit, the role picker and a findings list.

// col is a column of a table.
type col struct {
	title string  // translation key
	width float32 // least width
	grow  float32 // share of the width left over
}

// table lists records (one per row) with a header; the picked record is highlighted and
// kept by id across changes. The columns fit their content (colSizer), and the picked record's
// cut cells are named in full under the table.
type table struct {
	cols     []col
	table    *kit.FitTable
	sizer    *kit.ColSizer
	ids      []int64
	cell     func(row, col int) (string, widget.Importance)
	selected int64
	onPick   func(id int64)
	detail   *widget.Label
	detailUI fyne.CanvasObject
}

func newTable(cols []col, cell func(row, col int) (string, widget.Importance), onPick func(id int64)) *table {
	t := &table{cols: cols, cell: cell, onPick: onPick}
	t.table = kit.NewFitTable(
		func() (int, int) { return len(t.ids), len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(kit.Transparent), l)
		},
		t.update,
	)
	sized := make([]kit.SizedCol, len(cols))
	for i, c := range cols {
		sized[i] = kit.SizedCol{Title: lang.L(c.title), Least: c.width, Grow: c.grow}
	}
	t.sizer = kit.NewColSizer(t.table, sized, 0)
	t.sizer.ShowHeaders(nil)
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.Unselect(id)
		if id.Row >= 0 && id.Row < len(t.ids) && t.onPick != nil {
			t.onPick(t.ids[id.Row])
		}
	}
	t.detail = widget.NewLabel("")
	t.detailUI = kit.DetailView(t.detail)
	t.sizer.Measure(0, nil)
	return t
}

// update sets every property a recycled cell shows: highlight, text and importance.
func (t *table) update(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg := box.Objects[0].(*canvas.Rectangle)
	l := box.Objects[1].(*widget.Label)
	var fill color.Color = kit.Transparent
	text, imp := "", widget.MediumImportance
	if id.Row >= 0 && id.Row < len(t.ids) && id.Col >= 0 && id.Col < len(t.cols) {
		if t.ids[id.Row] == t.selected {
			fill = theme.Color(theme.ColorNameSelection)
		}
		text, imp = t.cell(id.Row, id.Col)
		text = kit.OneLine(text)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	if l.Text != text || l.Importance != imp {
		l.Text, l.Importance = text, imp
		l.Refresh()
	}
}

func (t *table) text(row, col int) string {
	s, _ := t.cell(row, col)
	return s
}

// setIDs shows the records with these ids, in this order.
func (t *table) setIDs(ids []int64) {
	t.ids = ids
	t.sizer.Measure(len(ids), t.text)
	t.showDetail()
	t.table.Refresh()
}

// pick highlights a record and scrolls it into view (0 clears the highlight).
func (t *table) pick(id int64) {
	t.selected = id
	for r, x := range t.ids {
		if x == id {
			t.table.ScrollTo(widget.TableCellID{Row: r, Col: 0})
		}
	}
	t.showDetail()
	t.table.Refresh()
}

// showDetail names the picked record's cut cells in full under the table.
func (t *table) showDetail() {
	text := ""
	for r, x := range t.ids {
		if x == t.selected && x != 0 {
			text = t.sizer.Details(func(c int) string { return t.text(r, c) })
		}
	}
	kit.ShowDetail(t.detail, t.detailUI, text)
}

// view is the table with a least size, fitted to its width, and the detail line.
func (t *table) view() fyne.CanvasObject {
	least := canvas.NewRectangle(kit.Transparent)
	least.SetMinSize(fyne.NewSize(320, 120))
	return kit.NewBorder(nil, t.detailUI, nil, nil, container.New(kit.SizedLayout{S: t.sizer, After: t.showDetail}, least, t.table))
}

// field is a commit entry: commit runs on Enter and when the user leaves the field.
func field(placeholder string, commit func(text string)) *kit.CommitEntry {
	e := kit.NewCommitEntry()
	if placeholder != "" {
		e.SetPlaceHolder(lang.L(placeholder))
	}
	return e.CommitOn(func() { commit(e.Text) })
}

// parsedField is an entry whose text parse reads and hands to commit; a text parse refuses is
// reported and reload shows the stored value again.
func parsedField[V any](placeholder string, parse func(string) (V, error), report func(error), reload func(), commit func(v V)) *kit.CommitEntry {
	return field(placeholder, func(s string) {
		v, err := parse(s)
		if err != nil {
			report(err)
			reload()
			return
		}
		commit(v)
	})
}

// dateField is an entry for a date ("" is none), see parsedField.
func dateField(report func(error), reload func(), commit func(d *domain.Date)) *kit.CommitEntry {
	return parsedField("steps.date.placeholder", kit.ParseDate, report, reload, commit)
}

// multiField is a multi-line commit entry (Enter makes a new line; leaving commits).
func multiField(placeholder string, commit func(text string)) *kit.CommitEntry {
	e := field(placeholder, commit)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.OnSubmitted = nil
	return e
}

// select is a Select whose value can be shown without it counting as the user's choice.
type selectField struct {
	*widget.Select
	onPick func(i int)
	values []string
}

func newSelectField(onPick func(i int)) *selectField {
	q := &selectField{onPick: onPick}
	q.Select = widget.NewSelect(nil, func(string) {
		if q.onPick != nil {
			q.onPick(q.SelectedIndex())
		}
	})
	q.PlaceHolder = lang.L("structure.select.placeholder")
	return q
}

// setOptions replaces the choices (only when they differ, so an open list is not disturbed).
func (q *selectField) setOptions(opts []string) {
	if slices.Equal(q.values, opts) {
		return
	}
	q.values = append([]string(nil), opts...)
	fn := q.onPick
	q.onPick = nil
	i := q.SelectedIndex()
	q.Options = opts
	q.ClearSelected()
	if i >= 0 && i < len(opts) {
		q.SetSelectedIndex(i)
	}
	q.Refresh()
	q.onPick = fn
}

// show selects option i (-1 clears) without calling onPick.
func (q *selectField) show(i int) {
	if q.SelectedIndex() == i {
		return
	}
	fn := q.onPick
	q.onPick = nil
	if i < 0 || i >= len(q.Options) {
		q.ClearSelected()
	} else {
		q.SetSelectedIndex(i)
	}
	q.onPick = fn
}

// rolePicker is a select of the project's roles with "nobody" first; it maps choices to ids.
type rolePicker struct {
	sel *selectField
	ids []int64 // ids[i] belongs to option i; 0 = nobody
}

func newRolePicker(onPick func(id *int64)) *rolePicker {
	rp := &rolePicker{}
	rp.sel = newSelectField(func(i int) {
		if i < 0 || i >= len(rp.ids) {
			return
		}
		if rp.ids[i] == 0 {
			onPick(nil)
			return
		}
		id := rp.ids[i]
		onPick(&id)
	})
	return rp
}

// load lists the roles in the user's order, each with its party.
func (rp *rolePicker) load(p *domain.Project) {
	roles := domain.SortedRoles(p.Roles)
	rp.ids = make([]int64, 0, len(roles)+1)
	opts := make([]string, 0, len(roles)+1)
	rp.ids = append(rp.ids, 0)
	opts = append(opts, lang.L("structure.role.none"))
	for _, r := range roles {
		rp.ids = append(rp.ids, r.ID)
		opts = append(opts, roleLabel(r))
	}
	rp.sel.setOptions(opts)
}

// show selects the role with the id (nil: nobody).
func (rp *rolePicker) show(id *int64) {
	want := int64(0)
	if id != nil {
		want = *id
	}
	for i, x := range rp.ids {
		if x == want {
			rp.sel.show(i)
			return
		}
	}
	rp.sel.show(0)
}

// roleLabel is a role with its party: "Service Desk (Dienstleister)".
func roleLabel(r domain.Role) string {
	return lang.L("structure.role.label", map[string]any{"Name": r.Name, "Party": kit.PartyLabel(r.Party)})
}

// contactText is the name of the role a contact points at; an empty contact is marked missing.
func contactText(p *domain.Project, id *int64) (string, widget.Importance) {
	if name := p.RoleName(id); name != "" {
		return name, widget.MediumImportance
	}
	return lang.L("steps.missing"), widget.WarningImportance
}

// newFindings is a side list of findings under the title titleKey; its entries jump to what
// they are about.
func newFindings(titleKey string, jump func(f domain.Finding)) *kit.Findings {
	return kit.NewFindings(kit.FindingsConfig{TitleKey: titleKey, EmptyKey: "structure.findings.none",
		TruncateTitle: true, Lines: 2, Text: raci.FindingText, OnTap: jump})
}

// keepFindings are the findings of all that keep accepts.
func keepFindings(all []domain.Finding, keep func(domain.Finding) bool) []domain.Finding {
	var out []domain.Finding
	for _, f := range all {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// withSide puts a side panel of at least 240 points right of main.
func withSide(main, side fyne.CanvasObject, offset float64) fyne.CanvasObject {
	return kit.WithSide(main, side, 240, offset)
}

// trim is text without surrounding spaces.
func trim(s string) string { return strings.TrimSpace(s) }

// buttons collects buttons that a read-only project disables.
type buttons []*widget.Button

func (b *buttons) add(label string, icon fyne.Resource, fn func()) *widget.Button {
	btn := widget.NewButtonWithIcon(lang.L(label), icon, fn)
	*b = append(*b, btn)
	return btn
}

func (b buttons) enable(on bool) {
	for _, x := range b {
		if on {
			x.Enable()
		} else {
			x.Disable()
		}
	}
}

// newPartyField is a choice of the parties (Schulträger, Schule, Dienstleister …); pick gets the
// one chosen.
func newPartyField(pick func(p domain.Party)) *selectField {
	f := newSelectField(func(i int) {
		if i >= 0 && i < len(domain.Parties) {
			pick(domain.Parties[i])
		}
	})
	labels := make([]string, len(domain.Parties))
	for i, p := range domain.Parties {
		labels[i] = kit.PartyLabel(p)
	}
	f.setOptions(labels)
	return f
}

// keepCodes are the findings of all with one of the codes.
func keepCodes(all []domain.Finding, codes ...string) []domain.Finding {
	return keepFindings(all, func(f domain.Finding) bool { return slices.Contains(codes, f.Code) })
}

// orMissing is a cell's text, or "fehlt" as a warning when it is empty.
func orMissing(s string) (string, widget.Importance) {
	if s == "" {
		return lang.L("steps.missing"), widget.WarningImportance
	}
	return s, widget.MediumImportance
}

// key translates a template key.
func key(k string) string { return lang.L(k) }

// setValue shows a value from the model in an entry. setValue moves the cursor home first,
// which needs the entry's renderer: an editor that loads its fields before it is shown creates
// it here.
func setValue(e *kit.CommitEntry, s string) {
	if e.Text == s {
		return
	}
	e.MinSize() // creates the renderer and with it the selection state
	e.SetValue(s)
}
