package raci

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// Colours of the letters: each letter keeps its colour in light and dark themes, with dark text.
var (
	letterFill = map[string]color.Color{
		domain.RaciResponsible: color.NRGBA{0xc9, 0xdd, 0xf2, 0xff},
		domain.RaciAccountable: color.NRGBA{0xf8, 0xd3, 0xa8, 0xff},
		domain.RaciConsulted:   color.NRGBA{0xd4, 0xec, 0xd0, 0xff},
		domain.RaciInformed:    color.NRGBA{0xe4, 0xe4, 0xe4, 0xff},
	}
	letterInk   = color.NRGBA{0x21, 0x25, 0x29, 0xff}
	groupFill   = color.NRGBA{0x8a, 0x9b, 0xb0, 0x40}
	transparent = color.Transparent
)

// Sizes of the grid: the activity column takes about a quarter of the width, and the role
// columns share the rest so that eight of them are in view where the width allows
// (columns.go).
const (
	minActivityWidth = 160
	maxActivityWidth = 260
	minRoleWidth     = 60
	maxRoleWidth     = 130
	rolesInView      = 8
	maxHeaderLines   = 4
	headerPad        = 4
)

// grid is the RACI table: column 0 names the activity (or, in a group row, the process), each
// further column is a role. It adds to widget.Table what a matrix editor needs from the keyboard:
// Enter cycles the focused cell like Space, the letters R, A, C and I set it, Delete empties it.
type grid struct {
	widget.Table
	ed *Editor
}

func newGrid(ed *Editor) *grid {
	g := &grid{ed: ed}
	g.Length = ed.length
	g.CreateCell = createCell
	g.UpdateCell = ed.updateCell
	g.ShowHeaderRow = true
	g.StickyColumnCount = 1
	g.CreateHeader = func() fyne.CanvasObject { return newHeaderCell() }
	g.UpdateHeader = ed.updateHeader
	g.OnSelected = ed.selected
	g.ExtendBaseWidget(g)
	g.SetColumnWidth(0, maxActivityWidth)
	g.SetRowHeight(-1, 2*headerLineHeight()+2*headerPad)
	return g
}

// Resize fits the columns to the new width.
func (g *grid) Resize(s fyne.Size) {
	if s.Width != g.Size().Width {
		defer g.ed.fitColumns(s.Width)
	}
	g.Table.Resize(s)
}

// TypedKey handles the keys of a matrix editor; arrows move the focus as the table does, and the
// editor follows the same steps so that it always knows the focused cell.
func (g *grid) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		g.ed.cycleFocused()
		return
	case fyne.KeyDelete, fyne.KeyBackspace:
		g.ed.setFocused("")
		return
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		g.ed.moveFocus(ev.Name)
	}
	g.Table.TypedKey(ev)
}

// Tapped selects the cell as the table does and takes the keyboard: the table asks for the
// canvas of itself, which the desktop driver only knows for the outer widget.
func (g *grid) Tapped(e *fyne.PointEvent) {
	g.Table.Tapped(e)
	if c := fyne.CurrentApp().Driver().CanvasForObject(g); c != nil && c.Focused() != g {
		c.Focus(g)
	}
}

// TypedRune sets the focused cell to a typed letter.
func (g *grid) TypedRune(r rune) {
	switch unicode.ToUpper(r) {
	case 'R', 'A', 'C', 'I':
		g.ed.setFocused(string(unicode.ToUpper(r)))
	}
}

// cell objects: background, focus frame, the activity's name (column 0) and the letter.
type cellParts struct {
	bg     *canvas.Rectangle
	frame  *fyne.Container
	name   *widget.Label
	letter *canvas.Text
}

func createCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(transparent)
	name := widget.NewLabel("") // no Truncation: nameFitter shortens the text once
	letter := canvas.NewText("", letterInk)
	letter.TextStyle = fyne.TextStyle{Bold: true}
	letter.Alignment = fyne.TextAlignCenter
	// The template's width is the width of a role column until fitColumns sets them.
	bg.SetMinSize(fyne.NewSize(minRoleWidth, 0))
	// The focus frame is four filled bars on top: stroked rectangles trip the software painter
	// when a cell is clipped at the table's edge.
	frame := container.New(edgeLayout{width: 2}, canvas.NewRectangle(transparent), canvas.NewRectangle(transparent),
		canvas.NewRectangle(transparent), canvas.NewRectangle(transparent))
	return container.NewStack(bg, name, container.NewCenter(letter), frame)
}

func partsOf(o fyne.CanvasObject) cellParts {
	box := o.(*fyne.Container)
	return cellParts{
		bg:     box.Objects[0].(*canvas.Rectangle),
		name:   box.Objects[1].(*widget.Label),
		letter: box.Objects[2].(*fyne.Container).Objects[0].(*canvas.Text),
		frame:  box.Objects[3].(*fyne.Container),
	}
}

// edgeLayout puts its four objects along the top, bottom, left and right edge.
type edgeLayout struct{ width float32 }

func (l edgeLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

func (l edgeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) < 4 {
		return
	}
	w := l.width
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, w))
	objs[1].Move(fyne.NewPos(0, size.Height-w))
	objs[1].Resize(fyne.NewSize(size.Width, w))
	objs[2].Move(fyne.NewPos(0, 0))
	objs[2].Resize(fyne.NewSize(w, size.Height))
	objs[3].Move(fyne.NewPos(size.Width-w, 0))
	objs[3].Resize(fyne.NewSize(w, size.Height))
}

// setFill, setFrame, setName and setLetter change a property only when it differs, so
// scrolling over unchanged cells redraws nothing.
func (c cellParts) setFill(fill color.Color) {
	if c.bg.FillColor != fill {
		c.bg.FillColor = fill
		c.bg.Refresh()
	}
}

func (c cellParts) setFrame(on bool) {
	var fill color.Color = transparent
	if on {
		fill = theme.Color(theme.ColorNamePrimary)
	}
	for _, o := range c.frame.Objects {
		if r := o.(*canvas.Rectangle); r.FillColor != fill {
			r.FillColor = fill
			r.Refresh()
		}
	}
}

func (c cellParts) setName(text string, bold bool, imp widget.Importance) {
	if text == "" {
		if c.name.Visible() {
			c.name.Hide()
		}
		return
	}
	if c.name.Text != text || c.name.TextStyle.Bold != bold || c.name.Importance != imp {
		c.name.Text, c.name.TextStyle, c.name.Importance = text, fyne.TextStyle{Bold: bold}, imp
		c.name.Refresh()
	}
	if !c.name.Visible() {
		c.name.Show()
	}
}

func (c cellParts) setLetter(l string) {
	if c.letter.Text != l || c.letter.TextSize != theme.TextSize() {
		c.letter.Text = l
		c.letter.TextSize = theme.TextSize()
		c.letter.Refresh()
	}
}

// headerCell is a column header: a role's name on up to maxHeaderLines lines, broken by
// kit.WrapHeaderWidest and drawn without the label's wide padding; tapping it focuses the column.
type headerCell struct {
	widget.BaseWidget
	lines []*canvas.Text
	align fyne.TextAlign
	imp   widget.Importance
	onTap func()
}

func newHeaderCell() *headerCell {
	h := &headerCell{}
	for range maxHeaderLines {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.TextSize = headerTextSize()
		h.lines = append(h.lines, t)
	}
	h.ExtendBaseWidget(h)
	return h
}

// headerTextSize is a little smaller than body text, so eight roles fit beside each other.
func headerTextSize() float32 { return theme.TextSize() - 2 }

// measureHeader is the width of a header line.
func measureHeader(s string) float32 {
	return fyne.MeasureText(s, headerTextSize(), fyne.TextStyle{Bold: true}).Width
}

// headerLineHeight is the height of one header line.
func headerLineHeight() float32 {
	return fyne.MeasureText("Äg", headerTextSize(), fyne.TextStyle{Bold: true}).Height
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, len(h.lines))
	for i, t := range h.lines {
		objs[i] = t
	}
	return &headerRenderer{h: h, objs: objs}
}

type headerRenderer struct {
	h    *headerCell
	objs []fyne.CanvasObject
}

func (r *headerRenderer) Destroy()                     {}
func (r *headerRenderer) Objects() []fyne.CanvasObject { return r.objs }

// MinSize stays one line high: the table makes every cell as high as its header template.
// The header row gets its lines from SetRowHeight(-1, …).
func (r *headerRenderer) MinSize() fyne.Size {
	return fyne.NewSize(minRoleWidth/2, headerLineHeight()+2*headerPad)
}

// Layout centres the lines in the cell (leading-aligned ones start at the padding).
func (r *headerRenderer) Layout(size fyne.Size) {
	n := 0
	for _, t := range r.h.lines {
		if t.Text != "" {
			n++
		}
	}
	lh := headerLineHeight()
	y := max((size.Height-float32(n)*lh)/2, 0)
	for _, t := range r.h.lines {
		if t.Text == "" {
			continue
		}
		w := t.MinSize().Width
		x := max((size.Width-w)/2, 0)
		if r.h.align == fyne.TextAlignLeading {
			x = theme.InnerPadding()
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, lh))
		y += lh
	}
}

func (r *headerRenderer) Refresh() {
	c := theme.Color(theme.ColorNameForeground)
	switch r.h.imp {
	case widget.DangerImportance:
		c = theme.Color(theme.ColorNameError)
	case widget.WarningImportance:
		c = theme.Color(theme.ColorNameWarning)
	}
	for _, t := range r.h.lines {
		t.Color, t.TextSize = c, headerTextSize()
		t.Refresh()
	}
	r.Layout(r.h.Size())
}

// Tapped focuses the column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// Cursor shows that the header can be clicked.
func (h *headerCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// set updates every property a recycled header shows.
func (h *headerCell) set(lines []string, align fyne.TextAlign, imp widget.Importance, onTap func()) {
	h.onTap = onTap
	changed := h.align != align || h.imp != imp
	for i, t := range h.lines {
		s := ""
		if i < len(lines) {
			s = lines[i]
		}
		if t.Text != s {
			t.Text = s
			changed = true
		}
	}
	h.align, h.imp = align, imp
	if changed {
		h.Refresh()
	}
}

// HeaderLines is what the header shows, line by line (for tests that look at the screen).
func (h *headerCell) HeaderLines() []string {
	var out []string
	for _, t := range h.lines {
		if t.Text != "" {
			out = append(out, t.Text)
		}
	}
	return out
}

// nameFitter shortens names to the activity column once, so that scrolling does not make Fyne
// shape a truncated text on every redraw. It adds up the advance of each character (kerning only
// makes the real text narrower, so the result always fits).
type nameFitter struct {
	size    float32
	advance map[fitRune]float32
	fitted  map[fitKey]string
}

type fitRune struct {
	r    rune
	bold bool
}

type fitKey struct {
	text  string
	width float32
	bold  bool
}

func (f *nameFitter) fit(text string, width float32, bold bool) string {
	if f.size != theme.TextSize() || f.fitted == nil || len(f.fitted) > 20000 {
		f.size = theme.TextSize()
		f.advance = map[fitRune]float32{}
		f.fitted = map[fitKey]string{}
	}
	k := fitKey{text, width, bold}
	if s, ok := f.fitted[k]; ok {
		return s
	}
	style := fyne.TextStyle{Bold: bold}
	out := text
	if fyne.MeasureText(text, f.size, style).Width > width {
		adv := func(r rune) float32 {
			w, ok := f.advance[fitRune{r, bold}]
			if !ok {
				w = fyne.MeasureText(string(r), f.size, style).Width
				f.advance[fitRune{r, bold}] = w
			}
			return w
		}
		room := width - adv('…')
		var used float32
		cut := 0
		for i, r := range text {
			used += adv(r)
			if used > room {
				break
			}
			cut = i + len(string(r))
		}
		out = strings.TrimRightFunc(text[:cut], unicode.IsSpace) + "…"
	}
	f.fitted[k] = out
	return out
}
