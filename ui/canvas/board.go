// Package canvas is the card-sorting board of step 3: one widget that draws the unsorted pile
// and the packages (Aufgabenpakete) with their cards from the session's model, owns the drag
// state and decides on DragEnd where the cards went. Fyne has no drop targets, so the board
// hit-tests itself; the rules of what a drop does live in domain (board.go, board_moves.go).
package canvas

import (
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// Screen geometry of the pile column, in pixels (the pile is not zoomed). The pile lies over
// the left edge of the board; it narrows when it is empty.
const (
	pileWidth   = float32(domain.CardWidth + 2*pilePad)
	pileNarrow  = 120
	pilePad     = 8
	pileHeader  = 34
	pileGap     = 8
	gripSize    = 16
	minZoom     = 0.05
	maxZoom     = 2.5
	readZoom    = 0.8 // the board opens no smaller than this: card names at 10 px and more
	viewMargin  = 24
	detailZoom  = 0.25 // below this, cards are drawn without text
	typeAheadMS = 1200
)

// HitKind says what lies under a point of the board.
type HitKind int

const (
	HitNone          HitKind = iota
	HitPile                  // the pile column, not on a card
	HitPileCard              // an unsorted card
	HitCard                  // a card in a package
	HitPackage               // a package's area (not its title bar, not a card)
	HitPackageHeader         // a package's title bar
	HitPackageGrip           // the resize grip in a package's bottom-right corner
	HitBoard                 // free board space
)

// Hit is what a point of the board shows, with the point in board units.
type Hit struct {
	Kind    HitKind
	TaskID  int64
	Package int64
	X, Y    float64
}

type dragKind int

const (
	dragCards dragKind = iota + 1
	dragPackage
	dragResize
	dragPan
	dragBand
	dragPile
)

// dragState is the gesture in progress. Positions are in widget pixels.
type dragState struct {
	kind       dragKind
	start, cur fyne.Position
	ids        []int64 // dragged cards, the grabbed one first
	fromPile   bool    // the grabbed card came from the pile
	grabX      float64 // where the grabbed card was taken, in card units from its corner
	grabY      float64
	rel        map[int64][2]float64 // other cards relative to the grabbed one, board units
	pkg        int64
	bandBase   []int64 // selection before a rubber band with Ctrl/Shift
}

// Board is the card-sorting board widget.
type Board struct {
	widget.BaseWidget

	sess   *session.Session
	layout domain.BoardLayout
	tasks  map[int64]int // task id -> index in the project's tasks
	rev    int           // model revision, bumped on every ModelChanged

	zoom             float64
	originX, originY float64 // board point at the widget's top-left corner (under the pile)
	pileScroll       float32
	fitPending       bool
	autoFit          bool // the view follows the widget's size until the user moves it
	opening          bool // the automatic view is the opening view, not "Alles zeigen"
	fitSize          fyne.Size

	selected    map[int64]bool
	selOrder    []int64
	selectedPkg int64

	drag      *dragState
	pressed   bool
	pressPos  fyne.Position
	pressMods fyne.KeyModifier
	focused   bool

	typed     string
	typedAt   time.Time
	wrapCache map[wrapKey]wrapped
	info      map[int64]pkgInfo
	infoRev   int

	// OnSelection follows every change of the selected cards or package.
	OnSelection func()
	// OnError reports a refused edit.
	OnError func(error)
	// OnCreatePackage is asked when cards are dropped on free space; (x, y) is where the first
	// card's corner should go, in board units. The board changes nothing itself.
	OnCreatePackage func(ids []int64, x, y float64)
	// OnMoveRequest opens "Verschieben nach…" for the selection (Enter).
	OnMoveRequest func()
	// Menu returns the context menu for what was tapped with the secondary button (may be nil).
	Menu func(h Hit) *fyne.Menu
	// OnViewChanged follows zoom changes (for a zoom label).
	OnViewChanged func()
}

// NewBoard makes a board for the session's project; once it has a size it opens at a readable
// zoom on the first package (see openView).
func NewBoard(s *session.Session) *Board {
	b := &Board{sess: s, zoom: 1, fitPending: true, autoFit: true, opening: true, selected: map[int64]bool{}, wrapCache: map[wrapKey]wrapped{}}
	b.ExtendBaseWidget(b)
	b.rebuild()
	return b
}

// CreateRenderer builds the renderer that draws the board.
func (b *Board) CreateRenderer() fyne.WidgetRenderer { return newBoardRenderer(b) }

// MinSize leaves room for the pile and a little board.
func (b *Board) MinSize() fyne.Size { return fyne.NewSize(pileWidth+240, 260) }

// ModelChanged re-reads the project after an edit, an undo or a redo.
func (b *Board) ModelChanged() {
	b.rebuild()
	for id := range b.selected {
		if _, ok := b.tasks[id]; !ok {
			b.unselect(id)
		}
	}
	if b.selectedPkg != 0 && b.layout.PackageIndex(b.selectedPkg) < 0 {
		b.selectedPkg = 0
	}
	b.Refresh()
}

func (b *Board) rebuild() {
	p := b.sess.Project
	b.layout = domain.LayoutBoard(p)
	b.tasks = make(map[int64]int, len(p.Tasks))
	for i := range p.Tasks {
		b.tasks[p.Tasks[i].ID] = i
	}
	b.rev++
	b.clampPileScroll()
}

// Layout is the board as currently drawn (for tests and the editor).
func (b *Board) Layout() domain.BoardLayout { return b.layout }

func (b *Board) task(id int64) *domain.Task {
	if i, ok := b.tasks[id]; ok && i < len(b.sess.Project.Tasks) {
		return &b.sess.Project.Tasks[i]
	}
	return nil
}

// --- selection ---

// Selection returns the selected cards in the order they were selected.
func (b *Board) Selection() []int64 { return append([]int64(nil), b.selOrder...) }

// SelectedPackage is the package last tapped (0 when none).
func (b *Board) SelectedPackage() int64 { return b.selectedPkg }

// SetSelection selects exactly the given cards; the last one is scrolled into view.
func (b *Board) SetSelection(ids ...int64) {
	b.clearSelection()
	for _, id := range ids {
		if _, ok := b.tasks[id]; ok {
			b.selectAdd(id)
		}
	}
	if len(b.selOrder) > 0 {
		b.ScrollTo(b.selOrder[len(b.selOrder)-1])
	}
	b.selectionChanged()
}

// SelectPackage marks a package as the selected one and shows it.
func (b *Board) SelectPackage(id int64) {
	i := b.layout.PackageIndex(id)
	if i < 0 {
		return
	}
	b.selectedPkg = id
	b.showRect(b.layout.Packages[i].Rect())
	b.selectionChanged()
}

func (b *Board) clearSelection() {
	b.selected = map[int64]bool{}
	b.selOrder = nil
}

func (b *Board) selectAdd(id int64) {
	if !b.selected[id] {
		b.selected[id] = true
		b.selOrder = append(b.selOrder, id)
	}
}

func (b *Board) unselect(id int64) {
	if !b.selected[id] {
		return
	}
	delete(b.selected, id)
	for i, x := range b.selOrder {
		if x == id {
			b.selOrder = append(b.selOrder[:i:i], b.selOrder[i+1:]...)
			break
		}
	}
}

func (b *Board) selectionChanged() {
	b.Refresh()
	if b.OnSelection != nil {
		b.OnSelection()
	}
}

// --- view ---

// Zoom is the current scale (pixels per board unit).
func (b *Board) Zoom() float64 { return b.zoom }

// pileW is the pile's width: narrow when no card lies on it.
func (b *Board) pileW() float32 {
	if len(b.layout.Pile) == 0 {
		return pileNarrow
	}
	return pileWidth
}

// boardArea is the size of the board beside the pile.
func (b *Board) boardArea() (w, h float32) {
	s := b.Size()
	return max(s.Width-b.pileW(), 1), max(s.Height, 1)
}

// AreaAspect is the width of the board beside the pile over its height (1.5 before the board
// has a size): what "Aufräumen" arranges the packages for.
func (b *Board) AreaAspect() float64 {
	if b.Size().Width <= 0 || b.Size().Height <= 0 {
		return 1.5
	}
	w, h := b.boardArea()
	return float64(w) / float64(h)
}

// ZoomBy scales the board around the centre of the board area.
func (b *Board) ZoomBy(f float64) {
	w, h := b.boardArea()
	b.zoomAround(f, b.pileW()+w/2, h/2)
}

func (b *Board) zoomAround(f float64, sx, sy float32) {
	nz := math.Min(maxZoom, math.Max(minZoom, b.zoom*f))
	bx, by := b.toBoard(fyne.NewPos(sx, sy))
	b.zoom = nz
	b.originX = bx - float64(sx)/nz
	b.originY = by - float64(sy)/nz
	b.autoFit = false
	b.viewChanged()
}

// FitAll shows every package, and keeps doing so when the widget changes its size until the
// user pans or zooms.
func (b *Board) FitAll() {
	b.opening = false
	if b.Size().Width <= 0 {
		b.fitPending = true
		return
	}
	b.fitView()
	b.viewChanged()
}

// ShowPackage brings a package into view and selects it: at the current zoom when that is
// readable (at least 80 %), else at 80 %; centred when it fits, else from its top-left corner.
// The view then stays until the user moves it.
func (b *Board) ShowPackage(id int64) bool {
	for _, p := range b.layout.Packages {
		if p.ID != id {
			continue
		}
		r := p.Rect()
		b.zoom = math.Min(maxZoom, math.Max(b.zoom, readZoom))
		w, h := b.boardArea()
		m := viewMargin / b.zoom
		vw, vh := float64(w)/b.zoom, float64(h)/b.zoom
		left, top := r.X-m, r.Y-m
		if r.W+2*m < vw {
			left = r.X + r.W/2 - vw/2
		}
		if r.H+2*m < vh {
			top = r.Y + r.H/2 - vh/2
		}
		b.originX = left - float64(b.pileW())/b.zoom
		b.originY = top
		b.autoFit, b.opening, b.fitPending = false, false, false
		b.SelectPackage(id)
		b.viewChanged()
		return true
	}
	return false
}

// autoView sets the view the board keeps until the user pans or zooms: the opening view or
// "Alles zeigen".
func (b *Board) autoView() {
	if b.opening {
		b.openView()
		return
	}
	b.fitView()
}

// fitZoom is the zoom at which every package fits beside the pile (at most 1.2).
func (b *Board) fitZoom() float64 {
	w, h := b.boardArea()
	r := b.layout.FitBounds()
	z := math.Min(float64(w-2*viewMargin)/r.W, float64(h-2*viewMargin)/r.H)
	return math.Min(1.2, math.Max(minZoom, z))
}

// fitView sets zoom and origin so that every package is in view beside the pile.
func (b *Board) fitView() {
	b.fitPending = false
	b.autoFit = true
	b.fitSize = b.Size()
	w, h := b.boardArea()
	r := b.layout.FitBounds()
	b.zoom = b.fitZoom()
	b.originX = r.X + r.W/2 - float64(b.pileW()+w/2)/b.zoom
	b.originY = r.Y + r.H/2 - float64(h)/2/b.zoom
}

// openView is how the board opens: everything when that is readable, otherwise a zoom between
// 80 % and 100 % (two default packages side by side where the width allows) on the first
// package, pulled towards the board's top-left corner as far as that package stays in view.
// The unsorted cards are always readable in the pile, which is not zoomed.
func (b *Board) openView() {
	if b.fitZoom() >= readZoom {
		b.fitView()
		return
	}
	b.fitPending = false
	b.autoFit = true
	b.fitSize = b.Size()
	w, h := b.boardArea()
	two := 2*domain.DefaultPackageWidth + 2*viewMargin + viewMargin
	b.zoom = math.Max(readZoom, math.Min(1, float64(w)/two))
	vw, vh := float64(w)/b.zoom, float64(h)/b.zoom
	m := viewMargin / b.zoom
	all := b.layout.FitBounds()
	first := all
	if len(b.layout.Packages) > 0 {
		first = b.layout.Packages[0].Rect()
	}
	// Left edge of the view in board units: the board's left edge, unless the first package
	// would then end outside the view; never right of the first package's margin.
	left := math.Min(first.X-m, math.Max(all.X-m, first.X+first.W+m-vw))
	top := math.Min(first.Y-m, math.Max(all.Y-m, first.Y+first.H+m-vh))
	b.originX = left - float64(b.pileW())/b.zoom
	b.originY = top
}

func (b *Board) viewChanged() {
	b.Refresh()
	if b.OnViewChanged != nil {
		b.OnViewChanged()
	}
}

// toBoard converts a widget position to board units.
func (b *Board) toBoard(p fyne.Position) (float64, float64) {
	return b.originX + float64(p.X)/b.zoom, b.originY + float64(p.Y)/b.zoom
}

// toScreen converts a board point to widget pixels.
func (b *Board) toScreen(x, y float64) fyne.Position {
	return fyne.NewPos(float32((x-b.originX)*b.zoom), float32((y-b.originY)*b.zoom))
}

// visibleRect is the part of the board the widget covers (also under the pile), in board units.
func (b *Board) visibleRect() domain.Rect {
	s := b.Size()
	return domain.Rect{X: b.originX, Y: b.originY, W: float64(s.Width) / b.zoom, H: float64(s.Height) / b.zoom}
}

// showRect scrolls (without zooming) so that r is in view beside the pile, centred if it was not.
func (b *Board) showRect(r domain.Rect) {
	w, h := b.boardArea()
	v := domain.Rect{X: b.originX + float64(b.pileW())/b.zoom, Y: b.originY, W: float64(w) / b.zoom, H: float64(h) / b.zoom}
	if r.X >= v.X && r.Y >= v.Y && r.X+r.W <= v.X+v.W && r.Y+r.H <= v.Y+v.H {
		return
	}
	b.originX = r.X + r.W/2 - (float64(b.pileW())+float64(w)/2)/b.zoom
	b.originY = r.Y + r.H/2 - v.H/2
	b.autoFit = false
	b.viewChanged()
}

// ScrollTo brings a card into view, on the board or in the pile.
func (b *Board) ScrollTo(id int64) {
	if r, ok := b.layout.Cards[id]; ok {
		b.showRect(r)
		return
	}
	for i, pid := range b.layout.Pile {
		if pid == id {
			top := float32(i) * (float32(domain.CardHeight) + pileGap)
			_, h := b.boardArea()
			view := h - pileHeader - pilePad
			if top < b.pileScroll || top+float32(domain.CardHeight) > b.pileScroll+view {
				b.pileScroll = top - view/2 + float32(domain.CardHeight)/2
				b.clampPileScroll()
				b.Refresh()
			}
			return
		}
	}
}

func (b *Board) pileContentHeight() float32 {
	n := float32(len(b.layout.Pile))
	return n*(float32(domain.CardHeight)+pileGap) + pilePad
}

func (b *Board) clampPileScroll() {
	_, h := b.boardArea()
	maxScroll := b.pileContentHeight() - (h - pileHeader)
	if b.pileScroll > maxScroll {
		b.pileScroll = maxScroll
	}
	if b.pileScroll < 0 {
		b.pileScroll = 0
	}
}

// pileCardPos is the top-left corner of the i-th pile card in widget pixels.
func (b *Board) pileCardPos(i int) fyne.Position {
	return fyne.NewPos(pilePad, pileHeader+pilePad+float32(i)*(float32(domain.CardHeight)+pileGap)-b.pileScroll)
}

// CardCenter is where a card is drawn (its centre in widget pixels); ok is false when it is
// scrolled out of view.
func (b *Board) CardCenter(id int64) (fyne.Position, bool) {
	w, h := b.boardArea()
	if r, ok := b.layout.Cards[id]; ok {
		p := b.toScreen(r.X+r.W/2, r.Y+r.H/2)
		return p, p.X >= b.pileW() && p.X < b.pileW()+w && p.Y >= 0 && p.Y < h
	}
	for i, pid := range b.layout.Pile {
		if pid == id {
			p := b.pileCardPos(i).Add(fyne.NewPos(float32(domain.CardWidth)/2, float32(domain.CardHeight)/2))
			return p, p.Y >= pileHeader && p.Y < h
		}
	}
	return fyne.Position{}, false
}

// ScreenOf is the widget pixel of a board point (for tests and menus).
func (b *Board) ScreenOf(x, y float64) fyne.Position { return b.toScreen(x, y) }

// HitAt tells what lies under a widget position.
func (b *Board) HitAt(p fyne.Position) Hit {
	if p.X < b.pileW() {
		if p.Y >= pileHeader {
			for i, id := range b.layout.Pile {
				c := b.pileCardPos(i)
				if p.X >= c.X && p.X < c.X+float32(domain.CardWidth) && p.Y >= c.Y && p.Y < c.Y+float32(domain.CardHeight) {
					return Hit{Kind: HitPileCard, TaskID: id}
				}
			}
		}
		return Hit{Kind: HitPile}
	}
	x, y := b.toBoard(p)
	h := Hit{Kind: HitBoard, X: x, Y: y}
	if id := b.layout.CardAt(x, y); id != 0 {
		h.Kind, h.TaskID = HitCard, id
		if t := b.task(id); t != nil && t.PackageID != nil {
			h.Package = *t.PackageID
		}
		return h
	}
	if pk := b.layout.PackageAt(x, y); pk != nil {
		h.Package = pk.ID
		corner := b.toScreen(pk.X+pk.Width, pk.Y+pk.Height)
		switch {
		case p.X >= corner.X-gripSize && p.Y >= corner.Y-gripSize:
			h.Kind = HitPackageGrip
		case y < pk.Y+domain.PackageHeader:
			h.Kind = HitPackageHeader
		default:
			h.Kind = HitPackage
		}
	}
	return h
}

// --- edits ---

func (b *Board) report(err error) {
	if err != nil && b.OnError != nil {
		b.OnError(err)
	}
}

func (b *Board) apply(name string, c domain.BoardChange, err error) {
	if err == nil {
		err = b.sess.ApplyBoard(name, c)
	}
	b.report(err)
}

// MoveSelectionToPile puts the selected cards back on the unsorted pile.
func (b *Board) MoveSelectionToPile() {
	if len(b.selOrder) == 0 {
		return
	}
	c, err := domain.MoveToPile(b.sess.Project, b.Selection())
	b.apply("undo.board.to_pile", c, err)
}

// MoveSelectionTo puts the selected cards into a package (each in its next free slot).
func (b *Board) MoveSelectionTo(pkg int64) {
	if len(b.selOrder) == 0 {
		return
	}
	c, err := domain.MoveToPackage(b.sess.Project, pkg, b.Selection())
	b.apply("undo.board.move", c, err)
	if err == nil {
		if i := b.layout.PackageIndex(pkg); i >= 0 {
			b.showRect(b.layout.Packages[i].Rect())
		}
	}
}

// typeAhead selects the first card whose name starts with what was typed in quick succession
// (pile first, then the board).
func (b *Board) typeAhead(r rune) {
	now := b.sess.Now()
	if now.Sub(b.typedAt) > typeAheadMS*time.Millisecond {
		b.typed = ""
	}
	b.typedAt = now
	b.typed += strings.ToLower(string(r))
	for _, list := range [][]int64{b.layout.Pile, b.layout.CardOrder} {
		for _, id := range list {
			if t := b.task(id); t != nil && strings.HasPrefix(strings.ToLower(t.Name), b.typed) {
				b.SetSelection(id)
				return
			}
		}
	}
}

// modifiers are the keys held when the pointer went down (or now, where the driver tells).
func (b *Board) modifiers() fyne.KeyModifier {
	if b.pressed {
		return b.pressMods
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

func multiSelect(m fyne.KeyModifier) bool {
	return m&(fyne.KeyModifierControl|fyne.KeyModifierShift|fyne.KeyModifierSuper) != 0
}
