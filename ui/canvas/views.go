package canvas

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
)

// Reference sizes of a card's text at zoom 1; they scale with the zoom.
const (
	nameSize   = 13
	metaSize   = 11
	titleSize  = 15
	infoSize   = 11
	cardInset  = 12
	stripWidth = 6
	minNamePx  = 9 // below this a name is hard to read on screen
	minMetaPx  = 8
)

// pkgInfo is what a package's title bar says besides its name.
type pkgInfo struct {
	tasks int
	hours float64
}

// cardView draws one card. It remembers what it shows so that rebinding the same card at the
// same scale only moves it.
type cardView struct {
	box                *fyne.Container
	bg, strip          *fcanvas.Rectangle
	line1, line2, meta *fcanvas.Text
	crit               *fcanvas.Text

	id       int64
	rev      int
	scale    float64
	selected bool
	strip0   color.NRGBA
}

func newCardView() *cardView {
	v := &cardView{scale: -1}
	v.bg = fcanvas.NewRectangle(colCard)
	v.bg.StrokeColor = colCardLine
	v.bg.StrokeWidth = 1
	v.strip = fcanvas.NewRectangle(colUnsorted)
	v.line1 = fcanvas.NewText("", colText)
	v.line1.TextStyle = fyne.TextStyle{Bold: true}
	v.line2 = fcanvas.NewText("", colText)
	v.line2.TextStyle = fyne.TextStyle{Bold: true}
	v.meta = fcanvas.NewText("", colMuted)
	v.crit = fcanvas.NewText(lang.L("board.card.critical"), colCritical)
	v.crit.TextStyle = fyne.TextStyle{Bold: true}
	v.crit.Alignment = fyne.TextAlignTrailing
	v.box = container.NewWithoutLayout(v.bg, v.strip, v.line1, v.line2, v.meta, v.crit)
	return v
}

// bind shows task t at scale s (pixels per board unit).
func (v *cardView) bind(b *Board, t *domain.Task, s float64, selected bool, strip color.NRGBA) {
	if v.id == t.ID && v.rev == b.rev && v.scale == s && v.selected == selected && v.strip0 == strip {
		return
	}
	sizeChanged := v.scale != s
	v.id, v.rev, v.scale, v.selected, v.strip0 = t.ID, b.rev, s, selected, strip
	f := float32(s)
	w, h := float32(domain.CardWidth)*f, float32(domain.CardHeight)*f
	v.box.Resize(fyne.NewSize(w, h))
	v.bg.Resize(fyne.NewSize(w, h))
	v.bg.CornerRadius = 5 * f
	if selected {
		v.bg.StrokeColor, v.bg.StrokeWidth = colSelect, 3
	} else {
		v.bg.StrokeColor, v.bg.StrokeWidth = colCardLine, 1
	}
	v.bg.Refresh()
	v.strip.FillColor = strip
	v.strip.Resize(fyne.NewSize(max(stripWidth*f, 2), h))
	v.strip.Refresh()

	texts := []*fcanvas.Text{v.line1, v.line2, v.meta, v.crit}
	if s < detailZoom {
		for _, x := range texts {
			x.Hide()
		}
		return
	}
	// Semantic zoom: below zoom 1 the text shrinks more slowly than the card, down to a size
	// that stays readable; the name then takes fewer characters or lines.
	nameF := max(nameSize*f, minNamePx)
	metaF := max(metaSize*f, minMetaPx)
	inset := max(cardInset*f, 4)
	top := max(4*f, 2)
	nameH, metaH := nameF*1.3, metaF*1.3
	lines := 2
	showMeta := true
	switch {
	case top+2*nameH+metaH <= h:
	case top+nameH+metaH <= h:
		lines = 1
	default:
		lines, showMeta = 1, false
	}
	avail := w - inset - max(8*f, 3)
	wr := b.wrap(t, avail*nameSize/nameF, lines)
	set := func(x *fcanvas.Text, text string, size float32, pos fyne.Position) {
		if x.Text != text || x.TextSize != size || sizeChanged {
			x.Text, x.TextSize = text, size
			x.Refresh()
		}
		x.Move(pos)
		x.Show()
	}
	set(v.line1, wr.l1, nameF, fyne.NewPos(inset, top))
	if wr.l2 != "" {
		set(v.line2, wr.l2, nameF, fyne.NewPos(inset, top+nameH))
	} else {
		v.line2.Hide()
	}
	if !showMeta {
		v.meta.Hide()
		v.crit.Hide()
		return
	}
	metaY := h - metaH - max(3*f, 1)
	metaW := avail
	if t.Critical {
		metaW -= fyne.MeasureText(lang.L("board.card.critical")+" ", metaF, fyne.TextStyle{Bold: true}).Width
	}
	meta := ellipsis(cardMeta(b.sess.Project, t), func(x string) bool { return fyne.MeasureText(x, metaF, fyne.TextStyle{}).Width <= metaW })
	set(v.meta, meta, metaF, fyne.NewPos(inset, metaY))
	if t.Critical {
		v.crit.Resize(fyne.NewSize(w-max(6*f, 3), metaF))
		set(v.crit, lang.L("board.card.critical"), metaF, fyne.NewPos(0, metaY))
	} else {
		v.crit.Hide()
	}
}

// cardMeta is the card's bottom line: hours per month and priority.
func cardMeta(p *domain.Project, t *domain.Task) string {
	var parts []string
	if t.Effort != nil {
		parts = append(parts, lang.L("board.card.hours", map[string]any{"Hours": formatNumber(t.HoursPerMonth(p.Settings))}))
	} else {
		parts = append(parts, lang.L("board.card.no_effort"))
	}
	if t.Priority.IsSet() {
		if p.Settings.PriorityMode == domain.PriorityMustNice {
			parts = append(parts, lang.L("priority.class."+string(t.Priority.Class())))
		} else {
			parts = append(parts, lang.L("board.card.rank", map[string]any{"Rank": t.Priority.Rank}))
		}
	}
	if t.IsNew {
		parts = append(parts, lang.L("board.card.new"))
	}
	return strings.Join(parts, " · ")
}

// formatNumber writes v with at most one decimal in the user's notation, thousands grouped
// (numfmt.Display: 1.684,8).
func formatNumber(v float64) string {
	language := "de"
	if lang.L("steps.decimal") == "." {
		language = "en"
	}
	return numfmt.Display(math.Round(v*10)/10, language)
}

// wrapped is a card's name broken into at most two lines.
type wrapped struct {
	name   string
	l1, l2 string
}

type wrapKey struct {
	id    int64
	width int
	lines int
}

// wrap breaks a task's name into lines that fit width (measured at the reference size; the
// last line is shortened with an ellipsis). Results are kept per card and width, so a redraw at
// the same zoom measures nothing.
func (b *Board) wrap(t *domain.Task, width float32, lines int) wrapped {
	k := wrapKey{t.ID, int(width), lines}
	if w, ok := b.wrapCache[k]; ok && w.name == t.Name {
		return w
	}
	if len(b.wrapCache) > 20000 {
		b.wrapCache = map[wrapKey]wrapped{}
	}
	style := fyne.TextStyle{Bold: true}
	fits := func(s string) bool { return fyne.MeasureText(s, nameSize, style).Width <= float32(k.width) }
	w := wrapped{name: t.Name}
	if lines < 2 {
		w.l1 = ellipsis(strings.Join(strings.Fields(t.Name), " "), fits)
		b.wrapCache[k] = w
		return w
	}
	words := strings.Fields(t.Name)
	i := 0
	line := ""
	for i < len(words) {
		next := strings.TrimSpace(line + " " + words[i])
		if line != "" && !fits(next) {
			break
		}
		line = next
		i++
	}
	w.l1 = ellipsis(line, fits)
	if i < len(words) {
		w.l2 = ellipsis(strings.Join(words[i:], " "), fits)
	}
	b.wrapCache[k] = w
	return w
}

// ellipsis shortens s until it fits, ending it with "…".
func ellipsis(s string, fits func(string) bool) string {
	if fits(s) {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(string(r[:mid]) + "…") {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

// pkgView draws one package: its tinted area, the coloured title bar with name and figures,
// and the resize grip.
type pkgView struct {
	box              *fyne.Container
	area, head, grip *fcanvas.Rectangle
	title, info      *fcanvas.Text
	id               int64
	rev              int
	scale, w, h      float64
	selected         bool
}

func newPkgView() *pkgView {
	v := &pkgView{scale: -1}
	v.area = fcanvas.NewRectangle(colCard)
	v.area.StrokeWidth = 2
	v.head = fcanvas.NewRectangle(colCard)
	v.grip = fcanvas.NewRectangle(colCard)
	v.grip.StrokeWidth = 1.5
	v.title = fcanvas.NewText("", colWhite)
	v.title.TextStyle = fyne.TextStyle{Bold: true}
	v.info = fcanvas.NewText("", colWhite)
	v.info.Alignment = fyne.TextAlignTrailing
	v.box = container.NewWithoutLayout(v.area, v.head, v.title, v.info, v.grip)
	return v
}

func (v *pkgView) bind(b *Board, pk domain.Package, info pkgInfo, selected bool) {
	s := b.zoom
	if v.id == pk.ID && v.rev == b.rev && v.scale == s && v.w == pk.Width && v.h == pk.Height && v.selected == selected {
		return
	}
	v.id, v.rev, v.scale, v.w, v.h, v.selected = pk.ID, b.rev, s, pk.Width, pk.Height, selected
	f := float32(s)
	w, h := float32(pk.Width)*f, float32(pk.Height)*f
	c := packageColor(pk.Color)
	v.box.Resize(fyne.NewSize(w, h))

	v.area.FillColor = tint(c, 0.13)
	v.area.StrokeColor = c
	v.area.StrokeWidth = 2
	if selected {
		v.area.StrokeColor, v.area.StrokeWidth = colSelect, 4
	}
	v.area.CornerRadius = 8 * f
	v.area.Resize(fyne.NewSize(w, h))
	v.area.Refresh()

	headH := float32(domain.PackageHeader) * f
	v.head.FillColor = c
	v.head.TopLeftCornerRadius, v.head.TopRightCornerRadius = 8*f, 8*f
	v.head.Resize(fyne.NewSize(w, headH))
	v.head.Refresh()

	v.grip.FillColor = tint(c, 0.35)
	v.grip.StrokeColor = c
	// The grip sits in the corner's padding; its hit area (gripSize) is larger than it looks.
	g := min(max(float32(domain.PackagePadding)*f-2, 5), 10)
	v.grip.Resize(fyne.NewSize(g, g))
	v.grip.Move(fyne.NewPos(w-g-2, h-g-2))
	v.grip.Refresh()

	ts := max(float32(titleSize)*f, 10)
	is := max(float32(infoSize)*f, 9)
	inset := float32(cardInset) * f
	infoText := lang.L("board.package.info", map[string]any{"Count": info.tasks, "Hours": formatNumber(info.hours)})
	infoW := fyne.MeasureText(infoText, is, fyne.TextStyle{}).Width
	showInfo := headH >= 14 && w > 3*infoW
	v.info.Text, v.info.TextSize = infoText, is
	v.info.Resize(fyne.NewSize(infoW, is))
	v.info.Move(fyne.NewPos(w-inset-infoW, (headH-is*1.3)/2))
	v.info.Refresh()
	if showInfo {
		v.info.Show()
	} else {
		v.info.Hide()
		infoW = 0
	}
	avail := w - 2*inset - infoW - inset
	style := fyne.TextStyle{Bold: true}
	v.title.Text = ellipsis(pk.Name, func(x string) bool { return fyne.MeasureText(x, ts, style).Width <= avail })
	v.title.TextSize = ts
	v.title.Move(fyne.NewPos(inset, (headH-ts*1.3)/2))
	v.title.Refresh()
	if headH >= 9 {
		v.title.Show()
	} else {
		v.title.Hide()
	}
}
