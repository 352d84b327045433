package domain

import (
	"math"
	"reflect"
)

// Placement asks for a card's top-left corner at (X, Y) on the board.
type Placement struct {
	TaskID int64
	X, Y   float64
}

// BoardChange is the outcome of a board operation: the new versions of the tasks and packages
// it touches. Nothing else changes; the caller stores both lists in one step.
type BoardChange struct {
	Tasks    []Task
	Packages []Package
}

// Empty reports whether the operation changes nothing.
func (c BoardChange) Empty() bool { return len(c.Tasks) == 0 && len(c.Packages) == 0 }

// boardEdit collects changed copies, each task and package once, and drops those equal to the
// stored version.
type boardEdit struct {
	p      *Project
	layout BoardLayout
	tasks  map[int64]Task
	order  []int64
	pkgs   map[int64]Package
	porder []int64
}

func newBoardEdit(p *Project) *boardEdit {
	return &boardEdit{p: p, layout: LayoutBoard(p), tasks: map[int64]Task{}, pkgs: map[int64]Package{}}
}

// task returns the current version of a task (already edited or as stored).
func (e *boardEdit) task(id int64) (Task, bool) {
	if t, ok := e.tasks[id]; ok {
		return t, true
	}
	t := e.p.TaskByID(id)
	if t == nil {
		return Task{}, false
	}
	c := *t
	if t.PackageID != nil {
		v := *t.PackageID
		c.PackageID = &v
	}
	return c, true
}

func (e *boardEdit) putTask(t Task) {
	if _, ok := e.tasks[t.ID]; !ok {
		e.order = append(e.order, t.ID)
	}
	e.tasks[t.ID] = t
}

// pkg returns the package as the layout draws it (or as already edited).
func (e *boardEdit) pkg(id int64) (Package, bool) {
	if pk, ok := e.pkgs[id]; ok {
		return pk, true
	}
	i := e.layout.PackageIndex(id)
	if i < 0 {
		return Package{}, false
	}
	return e.layout.Packages[i], true
}

func (e *boardEdit) putPkg(pk Package) {
	if _, ok := e.pkgs[pk.ID]; !ok {
		e.porder = append(e.porder, pk.ID)
	}
	e.pkgs[pk.ID] = pk
}

// pinMembers stores the drawn positions of a package's cards, so that cards the layout placed
// (without a stored position) stay where the user saw them when the package changes.
func (e *boardEdit) pinMembers(pkgID int64) {
	for _, id := range e.layout.Members[pkgID] {
		t, ok := e.task(id)
		if !ok {
			continue
		}
		r := e.layout.Cards[id]
		t.CardX, t.CardY = r.X, r.Y
		e.putTask(t)
	}
}

func (e *boardEdit) change() BoardChange {
	var c BoardChange
	for _, id := range e.order {
		t := e.tasks[id]
		if old := e.p.TaskByID(id); old != nil && reflect.DeepEqual(*old, t) {
			continue
		}
		c.Tasks = append(c.Tasks, t)
	}
	for _, id := range e.porder {
		pk := e.pkgs[id]
		if old := e.p.PackageByID(id); old != nil && *old == pk {
			continue
		}
		c.Packages = append(c.Packages, pk)
	}
	return c
}

// placeIn puts a card into the package at (x, y): never left of or above the card area, and
// the package grows to the right and downwards so the card lies inside.
func (e *boardEdit) placeIn(pk Package, t Task, x, y float64) (Package, Task) {
	c := pk.content()
	x, y = snap(math.Max(x, c.X)), snap(math.Max(y, c.Y))
	id := pk.ID
	t.PackageID = &id
	t.CardX, t.CardY = x, y
	return growTo(pk, cardRect(x, y)), t
}

// enterPackage starts moving cards into package pkgID: its members are pinned where they are
// drawn, and the places of the members that stay (stays) are returned as taken.
func (e *boardEdit) enterPackage(pkgID int64, stays func(id int64) bool) (Package, []Rect, bool) {
	pk, ok := e.pkg(pkgID)
	if !ok {
		return Package{}, nil, false
	}
	e.pinMembers(pkgID)
	var taken []Rect
	for _, id := range e.layout.Members[pkgID] {
		if stays(id) {
			taken = append(taken, e.layout.Cards[id])
		}
	}
	return pk, taken, true
}

// DropOnPackage moves cards into a package at the places the user dropped them (the package
// grows where needed). Cards already in the package are moved within it. A card that would
// cover another one takes the nearest free slot instead, so cards never hide each other.
func DropOnPackage(p *Project, pkgID int64, places []Placement) (BoardChange, error) {
	moving := map[int64]bool{}
	for _, pl := range places {
		moving[pl.TaskID] = true
	}
	e := newBoardEdit(p)
	pk, taken, ok := e.enterPackage(pkgID, func(id int64) bool { return !moving[id] })
	if !ok {
		return BoardChange{}, ErrPackageGone
	}
	for _, pl := range places {
		if !validCardPosition(pl.X, pl.Y) {
			return BoardChange{}, ErrCardPosition
		}
		t, ok := e.task(pl.TaskID)
		if !ok {
			return BoardChange{}, ErrTaskGone
		}
		c := pk.content()
		x, y := snap(math.Max(pl.X, c.X)), snap(math.Max(pl.Y, c.Y))
		if overlapsAny(cardRect(x, y), taken) {
			s := nearestFreeSlot(pk, taken, x, y)
			x, y = s.X, s.Y
		}
		pk, t = e.placeIn(pk, t, x, y)
		taken = append(taken, cardRect(t.CardX, t.CardY))
		e.putTask(t)
	}
	e.putPkg(pk)
	return e.change(), nil
}

func overlapsAny(r Rect, rs []Rect) bool {
	for _, o := range rs {
		if r.Intersects(o) {
			return true
		}
	}
	return false
}

// nearestFreeSlot is the free slot of the package (or of the rows below it) whose corner lies
// closest to (x, y).
func nearestFreeSlot(pk Package, taken []Rect, x, y float64) Rect {
	best, bestD := Rect{}, math.Inf(1)
	n := len(taken) + 2*slotColumns(pk) // enough slots to be sure some are free
	for i := 0; i <= n; i++ {
		s := slot(pk, i)
		if overlapsAny(s, taken) {
			continue
		}
		if d := math.Hypot(s.X-x, s.Y-y); d < bestD {
			best, bestD = s, d
		}
	}
	return best
}

// MoveToPackage moves cards into a package without a position (keyboard, "Verschieben nach…"):
// each takes the package's first free slot, and the package grows by rows as needed. Cards
// already in the package stay where they are.
func MoveToPackage(p *Project, pkgID int64, ids []int64) (BoardChange, error) {
	e := newBoardEdit(p)
	pk, placed, ok := e.enterPackage(pkgID, func(int64) bool { return true })
	if !ok {
		return BoardChange{}, ErrPackageGone
	}
	for _, id := range ids {
		t, ok := e.task(id)
		if !ok {
			return BoardChange{}, ErrTaskGone
		}
		if t.PackageID != nil && *t.PackageID == pkgID {
			continue
		}
		s := freeSlot(pk, placed)
		placed = append(placed, s)
		pk, t = e.placeIn(pk, t, s.X, s.Y)
		e.putTask(t)
	}
	e.putPkg(pk)
	return e.change(), nil
}

// MoveToPile puts cards back on the unsorted pile. Their last board position is kept, so undo
// and a later drop need not invent one.
func MoveToPile(p *Project, ids []int64) (BoardChange, error) {
	e := newBoardEdit(p)
	for _, id := range ids {
		t, ok := e.task(id)
		if !ok {
			return BoardChange{}, ErrTaskGone
		}
		if t.PackageID == nil {
			continue
		}
		if r, ok := e.layout.Cards[id]; ok {
			t.CardX, t.CardY = r.X, r.Y
		}
		t.PackageID = nil
		e.putTask(t)
	}
	return e.change(), nil
}

// NewPackagePlan is a package to create together with the cards it receives. The package has
// no id yet: whoever stores it sets the tasks' PackageID to the new id.
type NewPackagePlan struct {
	Package Package
	Tasks   []Task
}

// PackageWithCards plans a new package named name whose first card slot lies at (x, y), holding
// the given cards in slot order — what dropping cards on free board space does.
func PackageWithCards(p *Project, name string, x, y float64, ids []int64) (NewPackagePlan, error) {
	if err := CheckPackageName(p, 0, name); err != nil {
		return NewPackagePlan{}, err
	}
	if !validCardPosition(x, y) {
		return NewPackagePlan{}, ErrCardPosition
	}
	pk := NewPackage(p, name, x-PackagePadding, y-PackageHeader-PackagePadding, true)
	e := newBoardEdit(p)
	var plan NewPackagePlan
	var placed []Rect
	for _, id := range ids {
		t, ok := e.task(id)
		if !ok {
			return NewPackagePlan{}, ErrTaskGone
		}
		s := freeSlot(pk, placed)
		placed = append(placed, s)
		pk, t = e.placeIn(pk, t, s.X, s.Y)
		t.PackageID = nil // set by the caller once the package has its id
		plan.Tasks = append(plan.Tasks, t)
	}
	plan.Package = pk
	return plan, nil
}

// MovePackage shifts a package and all its cards by (dx, dy).
func MovePackage(p *Project, id int64, dx, dy float64) (BoardChange, error) {
	e := newBoardEdit(p)
	pk, ok := e.pkg(id)
	if !ok {
		return BoardChange{}, ErrPackageGone
	}
	dx, dy = snap(dx), snap(dy)
	pk.X += dx
	pk.Y += dy
	if !validCardPosition(pk.X, pk.Y) {
		return BoardChange{}, ErrPackageGeometry
	}
	for _, cid := range e.layout.Members[id] {
		t, _ := e.task(cid)
		r := e.layout.Cards[cid]
		t.CardX, t.CardY = r.X+dx, r.Y+dy
		e.putTask(t)
	}
	e.putPkg(pk)
	return e.change(), nil
}

// ResizePackage sets a package's size; it never becomes smaller than one card or than its
// cards need.
func ResizePackage(p *Project, id int64, w, h float64) (BoardChange, error) {
	e := newBoardEdit(p)
	pk, ok := e.pkg(id)
	if !ok {
		return BoardChange{}, ErrPackageGone
	}
	if math.IsNaN(w) || math.IsNaN(h) || math.IsInf(w, 0) || math.IsInf(h, 0) || w > maxBoardCoord || h > maxBoardCoord {
		return BoardChange{}, ErrPackageGeometry
	}
	minW, minH := e.layout.CardExtent(id)
	pk.Width = math.Max(snap(w), minW)
	pk.Height = math.Max(snap(h), minH)
	e.pinMembers(id)
	e.putPkg(pk)
	return e.change(), nil
}

// ArrangePackage tidies a package: its cards in row order on the slot grid, the height fitted to
// the rows (the width, and so the number of columns, is kept).
func ArrangePackage(p *Project, id int64) (BoardChange, error) {
	e := newBoardEdit(p)
	pk, ok := e.pkg(id)
	if !ok {
		return BoardChange{}, ErrPackageGone
	}
	e.putPkg(e.arrange(pk))
	return e.change(), nil
}

func (e *boardEdit) arrange(pk Package) Package {
	members := e.layout.Members[pk.ID]
	cols := slotColumns(pk)
	rows := (len(members) + cols - 1) / cols
	if rows < 1 {
		rows = 1
	}
	pk.Height = math.Max(MinPackageHeight, PackageHeader+2*PackagePadding+float64(rows)*(CardHeight+CardGap)-CardGap)
	for i, id := range members {
		t, _ := e.task(id)
		s := slot(pk, i)
		t.CardX, t.CardY = s.X, s.Y
		e.putTask(t)
	}
	return pk
}

// ArrangeBoard tidies every package and lays the packages out in rows, in the user's order,
// with even spacing and no overlaps. It takes the number of columns that lets the whole board
// appear largest in a view of the given aspect ratio (width / height; the screen's board area,
// or 1.5 when unknown); on a tie, fewer columns.
func ArrangeBoard(p *Project, aspect float64) BoardChange {
	if !(aspect > 0) || math.IsInf(aspect, 0) {
		aspect = 1.5
	}
	e := newBoardEdit(p)
	tidy := make([]Package, len(e.layout.Packages))
	for i, pk := range e.layout.Packages {
		tidy[i] = e.arrange(pk)
	}
	best, bestScore := 1, -1.0
	for cols := 1; cols <= len(tidy); cols++ {
		w, h := gridSize(tidy, cols)
		if score := math.Min(aspect/w, 1/h); score > bestScore+1e-12 {
			best, bestScore = cols, score
		}
	}
	x, y, rowH := 0.0, 0.0, 0.0
	for i, pk := range tidy {
		if i > 0 && i%best == 0 {
			x, y, rowH = 0, y+rowH+PackageSpacing, 0
		}
		dx, dy := x-pk.X, y-pk.Y
		pk.X, pk.Y = x, y
		for _, id := range e.layout.Members[pk.ID] {
			t := e.tasks[id]
			t.CardX += dx
			t.CardY += dy
			e.tasks[id] = t
		}
		e.putPkg(pk)
		x += pk.Width + PackageSpacing
		rowH = math.Max(rowH, pk.Height)
	}
	return e.change()
}

// gridSize is the width and height of packages laid out in rows of cols.
func gridSize(pkgs []Package, cols int) (w, h float64) {
	var x, rowH float64
	for i, pk := range pkgs {
		if i > 0 && i%cols == 0 {
			h += rowH + PackageSpacing
			x, rowH = 0, 0
		}
		if x > 0 {
			x += PackageSpacing
		}
		x += pk.Width
		w = math.Max(w, x)
		rowH = math.Max(rowH, pk.Height)
	}
	return w, h + rowH
}

// UnassignPackage lists the package's cards as they go back to the pile when the package is
// deleted (positions kept).
func UnassignPackage(p *Project, id int64) []Task {
	var out []Task
	for _, t := range p.Tasks {
		if t.PackageID != nil && *t.PackageID == id {
			c := t
			c.PackageID = nil
			out = append(out, c)
		}
	}
	return out
}
