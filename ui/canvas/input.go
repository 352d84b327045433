package canvas

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// The board's pointer and keyboard handling. Pointer: tap selects (Ctrl/Shift adds), dragging a
// card moves it (and the other selected cards), dragging a title bar moves a package, the grip
// resizes it, dragging free space pans and with Ctrl/Shift draws a rubber band; the wheel
// scrolls, with Ctrl it zooms. Keyboard: see TypedKey and TypedRune.

var (
	_ fyne.Draggable         = (*Board)(nil)
	_ fyne.Tappable          = (*Board)(nil)
	_ fyne.SecondaryTappable = (*Board)(nil)
	_ fyne.Scrollable        = (*Board)(nil)
	_ fyne.Focusable         = (*Board)(nil)
	_ desktop.Mouseable      = (*Board)(nil)
)

// MouseDown remembers where and with which keys a gesture starts; Fyne's drag and tap events
// carry neither.
func (b *Board) MouseDown(ev *desktop.MouseEvent) {
	b.pressed = true
	b.pressPos = ev.Position
	b.pressMods = ev.Modifier
}

// MouseUp ends the press; a drag in progress ends in DragEnd.
func (b *Board) MouseUp(*desktop.MouseEvent) {}

// Tapped selects what was tapped.
func (b *Board) Tapped(ev *fyne.PointEvent) {
	mods := b.modifiers()
	b.pressed = false
	b.requestFocus()
	h := b.HitAt(ev.Position)
	switch h.Kind {
	case HitPileCard, HitCard:
		if multiSelect(mods) {
			if b.selected[h.TaskID] {
				b.unselect(h.TaskID)
			} else {
				b.selectAdd(h.TaskID)
			}
		} else {
			b.clearSelection()
			b.selectAdd(h.TaskID)
		}
		if h.Package != 0 {
			b.selectedPkg = h.Package
		}
	case HitPackage, HitPackageHeader, HitPackageGrip:
		b.selectedPkg = h.Package
		if !multiSelect(mods) {
			b.clearSelection()
		}
	case HitBoard:
		b.selectedPkg = 0
		if !multiSelect(mods) {
			b.clearSelection()
		}
	default:
		return
	}
	b.selectionChanged()
}

// TappedSecondary opens the context menu of what was tapped; a card not yet selected becomes
// the selection first.
func (b *Board) TappedSecondary(ev *fyne.PointEvent) {
	b.pressed = false
	h := b.HitAt(ev.Position)
	if (h.Kind == HitCard || h.Kind == HitPileCard) && !b.selected[h.TaskID] {
		b.clearSelection()
		b.selectAdd(h.TaskID)
		b.selectionChanged()
	}
	if h.Package != 0 && h.Kind != HitCard {
		b.selectedPkg = h.Package
		b.selectionChanged()
	}
	if b.Menu == nil {
		return
	}
	m := b.Menu(h)
	if m == nil || len(m.Items) == 0 {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(m, c, ev.AbsolutePosition)
}

// Dragged follows a drag. The gesture's kind is decided by what lies under its start.
func (b *Board) Dragged(ev *fyne.DragEvent) {
	if b.drag == nil {
		start := ev.Position
		if b.pressed {
			start = b.pressPos // the real driver sends the position after the first movement
		}
		b.beginDrag(start)
	}
	d := b.drag
	prev := d.cur
	d.cur = d.cur.Add(fyne.NewPos(ev.Dragged.DX, ev.Dragged.DY))
	switch d.kind {
	case dragPan:
		b.autoFit = false
		b.originX -= float64(d.cur.X-prev.X) / b.zoom
		b.originY -= float64(d.cur.Y-prev.Y) / b.zoom
	case dragPile:
		b.pileScroll -= d.cur.Y - prev.Y
		b.clampPileScroll()
	case dragBand:
		b.updateBand()
	}
	b.Refresh()
}

func (b *Board) beginDrag(start fyne.Position) {
	mods := b.modifiers()
	d := &dragState{start: start, cur: start}
	b.drag = d
	h := b.HitAt(start)
	switch h.Kind {
	case HitPileCard, HitCard:
		if !b.selected[h.TaskID] {
			if !multiSelect(mods) {
				b.clearSelection()
			}
			b.selectAdd(h.TaskID)
			if b.OnSelection != nil {
				b.OnSelection()
			}
		}
		b.beginCardDrag(h, start)
	case HitPackageHeader, HitPackage:
		if multiSelect(mods) {
			b.beginBand(d)
			return
		}
		d.kind, d.pkg = dragPackage, h.Package
		b.selectedPkg = h.Package
	case HitPackageGrip:
		d.kind, d.pkg = dragResize, h.Package
		b.selectedPkg = h.Package
	case HitPile:
		d.kind = dragPile
	default:
		if multiSelect(mods) {
			b.beginBand(d)
			return
		}
		d.kind = dragPan
	}
}

func (b *Board) beginBand(d *dragState) {
	d.kind = dragBand
	d.bandBase = b.Selection()
}

// beginCardDrag collects the dragged cards (the grabbed one first) and where each lies relative
// to the grabbed one, so that the group keeps its shape.
func (b *Board) beginCardDrag(h Hit, start fyne.Position) {
	d := b.drag
	d.kind = dragCards
	d.ids = []int64{h.TaskID}
	d.rel = map[int64][2]float64{}
	grabbed, onBoard := b.layout.Cards[h.TaskID]
	d.fromPile = !onBoard
	if onBoard {
		x, y := b.toBoard(start)
		d.grabX, d.grabY = x-grabbed.X, y-grabbed.Y
	} else {
		corner := b.pileCardPosOf(h.TaskID)
		d.grabX, d.grabY = float64(start.X-corner.X), float64(start.Y-corner.Y)
	}
	k := 0
	for _, id := range b.dragOrder() {
		if id == h.TaskID {
			continue
		}
		d.ids = append(d.ids, id)
		if r, ok := b.layout.Cards[id]; ok && onBoard {
			d.rel[id] = [2]float64{r.X - grabbed.X, r.Y - grabbed.Y}
			continue
		}
		// Cards from the pile follow in a small grid beside the grabbed one.
		k++
		d.rel[id] = [2]float64{float64(k%2) * (domain.CardWidth + domain.CardGap), float64(k/2) * (domain.CardHeight + domain.CardGap)}
	}
}

// dragOrder is the selection in the order the board draws it (pile, then packages).
func (b *Board) dragOrder() []int64 {
	var out []int64
	for _, list := range [][]int64{b.layout.Pile, b.layout.CardOrder} {
		for _, id := range list {
			if b.selected[id] {
				out = append(out, id)
			}
		}
	}
	return out
}

func (b *Board) pileCardPosOf(id int64) fyne.Position {
	for i, pid := range b.layout.Pile {
		if pid == id {
			return b.pileCardPos(i)
		}
	}
	return fyne.Position{}
}

// dragScale is the size of dragged cards: the board's zoom over the board, 1 over the pile.
func (b *Board) dragScale() float64 {
	if b.drag != nil && b.drag.cur.X < b.pileW() {
		return 1
	}
	return b.zoom
}

// draggedCorner is where the grabbed card's top-left corner is drawn now, in widget pixels.
func (b *Board) draggedCorner() fyne.Position {
	d := b.drag
	s := b.dragScale()
	return d.cur.Subtract(fyne.NewPos(float32(d.grabX*s), float32(d.grabY*s)))
}

// dropTarget is where the dragged cards would land: the pile, a package or free space.
func (b *Board) dropTarget(d *dragState) Hit {
	h := b.HitAt(d.cur)
	switch h.Kind {
	case HitPile, HitPileCard:
		return Hit{Kind: HitPile}
	case HitCard, HitPackage, HitPackageHeader, HitPackageGrip:
		if h.Package != 0 {
			return Hit{Kind: HitPackage, Package: h.Package, X: h.X, Y: h.Y}
		}
	}
	return Hit{Kind: HitBoard, X: h.X, Y: h.Y}
}

func (b *Board) updateBand() {
	d := b.drag
	x0, y0 := b.toBoard(d.start)
	x1, y1 := b.toBoard(d.cur)
	r := domain.Rect{X: math.Min(x0, x1), Y: math.Min(y0, y1), W: math.Abs(x1 - x0), H: math.Abs(y1 - y0)}
	b.clearSelection()
	for _, id := range d.bandBase {
		b.selectAdd(id)
	}
	for _, id := range b.layout.CardsIn(r) {
		b.selectAdd(id)
	}
}

// DragEnd finishes the gesture: the hit test decides what the drop does.
func (b *Board) DragEnd() {
	d := b.drag
	b.drag = nil
	b.pressed = false
	if d == nil {
		return
	}
	dx, dy := float64(d.cur.X-d.start.X)/b.zoom, float64(d.cur.Y-d.start.Y)/b.zoom
	switch d.kind {
	case dragCards:
		b.dropCards(d)
	case dragPackage:
		if dx != 0 || dy != 0 {
			c, err := domain.MovePackage(b.sess.Project, d.pkg, dx, dy)
			b.apply("undo.board.move_package", c, err)
		}
	case dragResize:
		if i := b.layout.PackageIndex(d.pkg); i >= 0 && (dx != 0 || dy != 0) {
			pk := b.layout.Packages[i]
			c, err := domain.ResizePackage(b.sess.Project, d.pkg, pk.Width+dx, pk.Height+dy)
			b.apply("undo.board.resize_package", c, err)
		}
	case dragBand:
		if b.OnSelection != nil {
			b.OnSelection()
		}
	}
	b.Refresh()
}

func (b *Board) dropCards(d *dragState) {
	if d.cur == d.start {
		return
	}
	// Drawn as it lands: the grabbed card's corner at the board's scale.
	corner := d.cur.Subtract(fyne.NewPos(float32(d.grabX*b.zoom), float32(d.grabY*b.zoom)))
	cx, cy := b.toBoard(corner)
	t := b.dropTarget(d)
	switch t.Kind {
	case HitPile:
		c, err := domain.MoveToPile(b.sess.Project, d.ids)
		b.apply("undo.board.to_pile", c, err)
	case HitPackage:
		places := make([]domain.Placement, 0, len(d.ids))
		for _, id := range d.ids {
			r := d.rel[id]
			places = append(places, domain.Placement{TaskID: id, X: cx + r[0], Y: cy + r[1]})
		}
		c, err := domain.DropOnPackage(b.sess.Project, t.Package, places)
		b.apply("undo.board.move", c, err)
	default:
		if b.OnCreatePackage != nil {
			b.OnCreatePackage(append([]int64(nil), d.ids...), cx, cy)
		}
	}
}

// Scrolled pans the board (or scrolls the pile under the pointer); with Ctrl it zooms around
// the pointer.
func (b *Board) Scrolled(ev *fyne.ScrollEvent) {
	if ev.Position.X < b.pileW() {
		b.pileScroll -= ev.Scrolled.DY
		b.clampPileScroll()
		b.Refresh()
		return
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		b.zoomAround(math.Pow(1.1, float64(ev.Scrolled.DY)/10), ev.Position.X, ev.Position.Y)
		return
	}
	b.originX -= float64(ev.Scrolled.DX) / b.zoom
	b.originY -= float64(ev.Scrolled.DY) / b.zoom
	b.autoFit = false
	b.Refresh()
}

// --- keyboard ---

func (b *Board) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
}

// FocusGained shows the focus frame.
func (b *Board) FocusGained() { b.focused = true; b.Refresh() }

// FocusLost hides the focus frame.
func (b *Board) FocusLost() { b.focused = false; b.Refresh() }

// TypedRune: "+" and "-" zoom, "0" shows everything, letters select a card by its name.
func (b *Board) TypedRune(r rune) {
	typing := b.typed != "" && b.sess.Now().Sub(b.typedAt) <= typeAheadMS*time.Millisecond
	switch {
	case r == '+' && !typing:
		b.ZoomBy(1.25)
	case r == '-' && !typing:
		b.ZoomBy(0.8)
	case r == '0' && !typing:
		b.FitAll()
	case r == ' ' && !typing:
	default:
		b.typeAhead(r)
	}
}

// TypedKey: arrows pan, Page up/down scroll the pile, Enter opens "Verschieben nach…",
// Delete puts the selection back on the pile, Escape clears it.
func (b *Board) TypedKey(ev *fyne.KeyEvent) {
	step := 80 / b.zoom
	switch ev.Name {
	case fyne.KeyLeft:
		b.originX -= step
	case fyne.KeyRight:
		b.originX += step
	case fyne.KeyUp:
		b.originY -= step
	case fyne.KeyDown:
		b.originY += step
	case fyne.KeyPageUp:
		b.pileScroll -= 300
		b.clampPileScroll()
	case fyne.KeyPageDown:
		b.pileScroll += 300
		b.clampPileScroll()
	case fyne.KeyReturn, fyne.KeyEnter:
		if b.OnMoveRequest != nil && len(b.selOrder) > 0 {
			b.OnMoveRequest()
		}
		return
	case fyne.KeyDelete, fyne.KeyBackspace:
		b.MoveSelectionToPile()
		return
	case fyne.KeyEscape:
		b.clearSelection()
		b.selectionChanged()
		return
	default:
		return
	}
	if ev.Name == fyne.KeyLeft || ev.Name == fyne.KeyRight || ev.Name == fyne.KeyUp || ev.Name == fyne.KeyDown {
		b.autoFit = false
	}
	b.Refresh()
}
