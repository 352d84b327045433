package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/ui/plural"
)

// The renderer draws only what is in view: a pool of package views, of card views for the
// board, the pile and the dragged cards. Views are reused and skip work when what they show
// has not changed, so a drag step moves a handful of objects even with 1,500 cards.

var (
	colBoard       = color.NRGBA{0xee, 0xf1, 0xf5, 0xff}
	colPile        = color.NRGBA{0xdd, 0xe2, 0xe9, 0xff}
	colPileHead    = color.NRGBA{0xcf, 0xd6, 0xdf, 0xff}
	colCard        = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colCardLine    = color.NRGBA{0xb4, 0xbb, 0xc6, 0xff}
	colText        = color.NRGBA{0x21, 0x25, 0x29, 0xff}
	colMuted       = color.NRGBA{0x5c, 0x63, 0x6e, 0xff}
	colSelect      = color.NRGBA{0x0d, 0x6e, 0xfd, 0xff}
	colCritical    = color.NRGBA{0xc6, 0x28, 0x28, 0xff}
	colUnsorted    = color.NRGBA{0x9a, 0xa2, 0xad, 0xff}
	colTarget      = color.NRGBA{0x0d, 0x6e, 0xfd, 0x30}
	colBand        = color.NRGBA{0x0d, 0x6e, 0xfd, 0x22}
	colWhite       = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colTransparent = color.NRGBA{}
)

// packageColor is a package's colour, grey when it has none.
func packageColor(s string) color.NRGBA {
	if r, g, b, ok := domain.ParseColor(s); ok {
		return color.NRGBA{r, g, b, 0xff}
	}
	return color.NRGBA{0x60, 0x7d, 0x8b, 0xff}
}

// tint is c mixed into white: the light fill of a package's area.
func tint(c color.NRGBA, share float64) color.NRGBA {
	mix := func(v uint8) uint8 { return uint8(math.Round(255 - (255-float64(v))*share)) }
	return color.NRGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

type boardRenderer struct {
	b *Board

	bg                          *fcanvas.Rectangle
	pkgLayer, cardLayer         *fyne.Container
	pileBg, pileHead            *fcanvas.Rectangle
	pileLayer                   *fyne.Container
	pileTitle, pileEmpty, hint  *fcanvas.Text
	target, band, focus         *fcanvas.Rectangle
	targetLabel                 *fcanvas.Text
	dragLayer                   *fyne.Container
	dragCount                   *fcanvas.Text
	pkgViews                    []*pkgView
	cardViews, pileViews, drags []*cardView
	objects                     []fyne.CanvasObject
}

func newBoardRenderer(b *Board) *boardRenderer {
	r := &boardRenderer{b: b}
	r.bg = fcanvas.NewRectangle(colBoard)
	r.pkgLayer = container.NewWithoutLayout()
	r.cardLayer = container.NewWithoutLayout()
	r.pileBg = fcanvas.NewRectangle(colPile)
	r.pileLayer = container.NewWithoutLayout()
	r.pileHead = fcanvas.NewRectangle(colPileHead)
	r.pileTitle = fcanvas.NewText("", colText)
	r.pileTitle.TextStyle = fyne.TextStyle{Bold: true}
	r.pileTitle.TextSize = 13
	r.pileEmpty = fcanvas.NewText(lang.L("board.pile.empty"), colMuted)
	r.pileEmpty.TextSize = 12
	r.hint = fcanvas.NewText(lang.L("board.hint.empty"), colMuted)
	r.hint.TextSize = 14
	r.target = fcanvas.NewRectangle(colTarget)
	r.target.StrokeColor = colSelect
	r.target.StrokeWidth = 3
	r.target.CornerRadius = 8
	r.targetLabel = fcanvas.NewText("", colSelect)
	r.targetLabel.TextStyle = fyne.TextStyle{Bold: true}
	r.targetLabel.TextSize = 13
	r.band = fcanvas.NewRectangle(colBand)
	r.band.StrokeColor = colSelect
	r.band.StrokeWidth = 1
	r.dragLayer = container.NewWithoutLayout()
	r.dragCount = fcanvas.NewText("", colWhite)
	r.dragCount.TextStyle = fyne.TextStyle{Bold: true}
	r.dragCount.TextSize = 13
	r.focus = fcanvas.NewRectangle(colTransparent)
	r.focus.StrokeColor = colSelect
	r.focus.StrokeWidth = 2
	r.objects = []fyne.CanvasObject{r.bg, r.pkgLayer, r.cardLayer, r.hint, r.pileBg, r.pileLayer, r.pileHead,
		r.pileTitle, r.pileEmpty, r.target, r.targetLabel, r.band, r.dragLayer, r.dragCount, r.focus}
	return r
}

func (r *boardRenderer) Destroy()                     {}
func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *boardRenderer) MinSize() fyne.Size           { return r.b.MinSize() }

// Layout follows a new size; while the view is automatic (opening or fitted), it is set again.
func (r *boardRenderer) Layout(size fyne.Size) {
	b := r.b
	if b.autoFit && !b.fitPending && size != b.fitSize && size.Width > 0 && size.Height > 0 {
		b.autoView()
		if b.OnViewChanged != nil {
			defer b.OnViewChanged()
		}
	}
	r.Refresh()
}

// Refresh draws the board from the model and the view state.
func (r *boardRenderer) Refresh() {
	b := r.b
	size := b.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	if b.fitPending {
		b.autoView()
		if b.OnViewChanged != nil {
			defer b.OnViewChanged()
		}
	}
	b.clampPileScroll()
	r.bg.Resize(size)
	r.drawPackagesAndCards()
	r.drawPile(size)
	r.drawDrag(size)

	r.focus.Resize(size)
	if b.focused {
		r.focus.Show()
	} else {
		r.focus.Hide()
	}
	if len(b.layout.Packages) == 0 {
		r.hint.Move(fyne.NewPos(b.pileW()+24, 24))
		r.hint.Show()
	} else {
		r.hint.Hide()
	}
}

// dragOffsets tell how a package being moved or resized is drawn meanwhile.
func (r *boardRenderer) dragOffsets() (pkg int64, dx, dy, dw, dh float64, members map[int64]bool) {
	d := r.b.drag
	if d == nil || (d.kind != dragPackage && d.kind != dragResize) {
		return 0, 0, 0, 0, 0, nil
	}
	ox, oy := float64(d.cur.X-d.start.X)/r.b.zoom, float64(d.cur.Y-d.start.Y)/r.b.zoom
	if d.kind == dragResize {
		if i := r.b.layout.PackageIndex(d.pkg); i >= 0 {
			pk := r.b.layout.Packages[i]
			minW, minH := r.b.layout.CardExtent(d.pkg)
			dw = math.Max(pk.Width+ox, minW) - pk.Width
			dh = math.Max(pk.Height+oy, minH) - pk.Height
		}
		return d.pkg, 0, 0, dw, dh, nil
	}
	members = map[int64]bool{}
	for _, id := range r.b.layout.Members[d.pkg] {
		members[id] = true
	}
	return d.pkg, ox, oy, 0, 0, members
}

func (r *boardRenderer) drawPackagesAndCards() {
	b := r.b
	view := b.visibleRect()
	movePkg, dx, dy, dw, dh, moving := r.dragOffsets()
	summaries := r.summaries()

	n := 0
	for _, pk := range b.layout.Packages {
		if pk.ID == movePkg {
			pk.X += dx
			pk.Y += dy
			pk.Width += dw
			pk.Height += dh
		}
		if !pk.Rect().Intersects(view) {
			continue
		}
		v := r.pkgView(n)
		v.bind(b, pk, summaries[pk.ID], pk.ID == b.selectedPkg)
		v.box.Move(b.toScreen(pk.X, pk.Y))
		n++
	}
	for _, v := range r.pkgViews[n:] {
		v.box.Hide()
	}

	dragged := r.draggedSet()
	n = 0
	for _, id := range b.layout.CardOrder {
		if dragged[id] {
			continue
		}
		rect := b.layout.Cards[id]
		if moving[id] {
			rect.X += dx
			rect.Y += dy
		}
		if !rect.Intersects(view) {
			continue
		}
		t := b.task(id)
		if t == nil {
			continue
		}
		v := r.cardView(&r.cardViews, r.cardLayer, n)
		v.bind(b, t, b.zoom, b.selected[id], r.stripColor(t))
		v.box.Move(b.toScreen(rect.X, rect.Y))
		n++
	}
	for _, v := range r.cardViews[n:] {
		v.box.Hide()
	}
}

// summaries counts tasks and hours per package for the title bars; cheap enough per frame for
// 40 packages, and only when the model changed.
func (r *boardRenderer) summaries() map[int64]pkgInfo {
	b := r.b
	if b.infoRev == b.rev && b.info != nil {
		return b.info
	}
	out := map[int64]pkgInfo{}
	p := b.sess.Project
	for _, pk := range b.layout.Packages {
		var h float64
		for _, id := range b.layout.Members[pk.ID] {
			if t := b.task(id); t != nil {
				h += t.HoursPerMonth(p.Settings)
			}
		}
		out[pk.ID] = pkgInfo{tasks: len(b.layout.Members[pk.ID]), hours: h}
	}
	b.info, b.infoRev = out, b.rev
	return out
}

func (r *boardRenderer) stripColor(t *domain.Task) color.NRGBA {
	if t.PackageID == nil {
		return colUnsorted
	}
	if i := r.b.layout.PackageIndex(*t.PackageID); i >= 0 {
		return packageColor(r.b.layout.Packages[i].Color)
	}
	return colUnsorted
}

func (r *boardRenderer) draggedSet() map[int64]bool {
	d := r.b.drag
	if d == nil || d.kind != dragCards {
		return nil
	}
	m := make(map[int64]bool, len(d.ids))
	for _, id := range d.ids {
		m[id] = true
	}
	return m
}

func (r *boardRenderer) drawPile(size fyne.Size) {
	b := r.b
	r.pileBg.Move(fyne.NewPos(0, 0))
	r.pileBg.Resize(fyne.NewSize(b.pileW(), size.Height))
	r.pileHead.Resize(fyne.NewSize(b.pileW(), pileHeader))
	title := lang.L("board.pile.title", map[string]any{"Count": plural.Number(len(b.layout.Pile))})
	if r.pileTitle.Text != title {
		r.pileTitle.Text = title
		r.pileTitle.Refresh()
	}
	r.pileTitle.Move(fyne.NewPos(pilePad, (pileHeader-r.pileTitle.MinSize().Height)/2))
	if len(b.layout.Pile) == 0 {
		r.pileEmpty.Move(fyne.NewPos(pilePad, pileHeader+pilePad))
		r.pileEmpty.Show()
	} else {
		r.pileEmpty.Hide()
	}

	dragged := r.draggedSet()
	step := float32(domain.CardHeight) + pileGap
	first := int(b.pileScroll / step)
	n := 0
	for i := max(first, 0); i < len(b.layout.Pile); i++ {
		pos := b.pileCardPos(i)
		if pos.Y > size.Height {
			break
		}
		id := b.layout.Pile[i]
		if dragged[id] {
			continue
		}
		t := b.task(id)
		if t == nil {
			continue
		}
		v := r.cardView(&r.pileViews, r.pileLayer, n)
		v.bind(b, t, 1, b.selected[id], colUnsorted)
		v.box.Move(pos)
		n++
	}
	for _, v := range r.pileViews[n:] {
		v.box.Hide()
	}
}

// maxDrawnDrag bounds the cards drawn under the pointer; a count says how many more there are.
const maxDrawnDrag = 24

func (r *boardRenderer) drawDrag(size fyne.Size) {
	b := r.b
	d := b.drag
	r.target.Hide()
	r.targetLabel.Hide()
	r.band.Hide()
	r.dragCount.Hide()
	n := 0
	defer func() {
		for _, v := range r.drags[n:] {
			v.box.Hide()
		}
	}()
	if d == nil {
		return
	}
	if d.kind == dragBand {
		x0, y0 := min(d.start.X, d.cur.X), min(d.start.Y, d.cur.Y)
		r.band.Move(fyne.NewPos(x0, y0))
		r.band.Resize(fyne.NewSize(abs32(d.cur.X-d.start.X), abs32(d.cur.Y-d.start.Y)))
		r.band.Show()
		return
	}
	if d.kind != dragCards || d.cur == d.start {
		return
	}
	r.showTarget(size)
	s := b.dragScale()
	corner := b.draggedCorner()
	for k, id := range d.ids {
		if k >= maxDrawnDrag {
			break
		}
		t := b.task(id)
		if t == nil {
			continue
		}
		rel := d.rel[id]
		v := r.cardView(&r.drags, r.dragLayer, n)
		v.bind(b, t, s, true, r.stripColor(t))
		v.box.Move(corner.Add(fyne.NewPos(float32(rel[0]*s), float32(rel[1]*s))))
		n++
	}
	if len(d.ids) > 1 {
		r.dragCount.Text = plural.L("board.count.cards", len(d.ids))
		r.dragCount.Color = colWhite
		r.dragCount.Refresh()
		r.dragCount.Move(corner.Add(fyne.NewPos(4, -18)))
		r.dragCount.Show()
	}
}

// showTarget outlines where the cards would land: the pile, a package, or a new package.
func (r *boardRenderer) showTarget(size fyne.Size) {
	b := r.b
	t := b.dropTarget(b.drag)
	label := ""
	switch t.Kind {
	case HitPile:
		r.target.Move(fyne.NewPos(2, 2))
		r.target.Resize(fyne.NewSize(b.pileW()-4, size.Height-4))
		label = lang.L("board.drop.pile")
	case HitPackage:
		i := b.layout.PackageIndex(t.Package)
		if i < 0 {
			return
		}
		pk := b.layout.Packages[i]
		r.target.Move(b.toScreen(pk.X, pk.Y))
		r.target.Resize(fyne.NewSize(float32(pk.Width*b.zoom), float32(pk.Height*b.zoom)))
	default:
		corner := b.draggedCorner()
		pad := float32((domain.PackagePadding) * b.zoom)
		head := float32((domain.PackageHeader + domain.PackagePadding) * b.zoom)
		r.target.Move(corner.Subtract(fyne.NewPos(pad, head)))
		r.target.Resize(fyne.NewSize(float32(domain.DefaultPackageWidth*b.zoom), float32(domain.DefaultPackageHeight*b.zoom)))
		label = lang.L("board.drop.new_package")
	}
	r.target.Show()
	if label != "" {
		r.targetLabel.Text = label
		r.targetLabel.Refresh()
		r.targetLabel.Move(r.target.Position().Add(fyne.NewPos(8, 6)))
		r.targetLabel.Show()
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func (r *boardRenderer) pkgView(i int) *pkgView {
	for len(r.pkgViews) <= i {
		v := newPkgView()
		r.pkgViews = append(r.pkgViews, v)
		r.pkgLayer.Objects = append(r.pkgLayer.Objects, v.box)
	}
	v := r.pkgViews[i]
	v.box.Show()
	return v
}

func (r *boardRenderer) cardView(pool *[]*cardView, layer *fyne.Container, i int) *cardView {
	for len(*pool) <= i {
		v := newCardView()
		*pool = append(*pool, v)
		layer.Objects = append(layer.Objects, v.box)
	}
	v := (*pool)[i]
	v.box.Show()
	return v
}
