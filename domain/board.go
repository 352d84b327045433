package domain

import (
	"cmp"
	"math"
	"regexp"
	"strings"
)

// The board of step 3 is measured in board units; the UI scales them by its zoom. A card has a
// fixed size; a package is an area with a title bar and a padded grid of card slots.
const (
	CardWidth      = 180.0
	CardHeight     = 72.0
	CardGap        = 10.0
	PackageHeader  = 40.0
	PackagePadding = 12.0
	// PackageSpacing is the free space the layout helpers keep between packages.
	PackageSpacing = 40.0

	MinPackageWidth  = CardWidth + 2*PackagePadding
	MinPackageHeight = PackageHeader + CardHeight + 2*PackagePadding
	// A new package has room for two columns and two rows of cards.
	DefaultPackageWidth  = 2*CardWidth + CardGap + 2*PackagePadding
	DefaultPackageHeight = PackageHeader + 2*CardHeight + CardGap + 2*PackagePadding

	// maxBoardCoord keeps positions in a range every viewer and the file can hold exactly.
	maxBoardCoord = 1e7
	// packagesPerRow is how many packages the layout helpers put side by side.
	packagesPerRow = 4
)

// Rule violations of step 3.
const (
	ErrPackageNameEmpty     Error = "err.package.name_empty"
	ErrPackageNameDuplicate Error = "err.package.name_duplicate"
	ErrPackageColor         Error = "err.package.color"
	ErrPackageGeometry      Error = "err.package.geometry"
	ErrPackageGone          Error = "err.package.gone"
	ErrCardPosition         Error = "err.card.position"
	ErrTaskGone             Error = "err.board.task_gone"
)

// Rect is an axis-parallel rectangle in board units.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether the point lies inside r (right and bottom edges excluded).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && y >= r.Y && x < r.X+r.W && y < r.Y+r.H
}

// Intersects reports whether r and o overlap by more than an edge.
func (r Rect) Intersects(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Union is the smallest rectangle holding r and o; an empty rectangle adds nothing.
func (r Rect) Union(o Rect) Rect {
	if r.Empty() {
		return o
	}
	if o.Empty() {
		return r
	}
	x0, y0 := math.Min(r.X, o.X), math.Min(r.Y, o.Y)
	x1, y1 := math.Max(r.X+r.W, o.X+o.W), math.Max(r.Y+r.H, o.Y+o.H)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Rect is the package's area on the board.
func (pk Package) Rect() Rect { return Rect{pk.X, pk.Y, pk.Width, pk.Height} }

// content is the part of the area below the title bar, inside the padding, where cards go.
func (pk Package) content() Rect {
	return Rect{pk.X + PackagePadding, pk.Y + PackageHeader + PackagePadding,
		pk.Width - 2*PackagePadding, pk.Height - PackageHeader - 2*PackagePadding}
}

// cardRect is a card placed with its top-left corner at (x, y).
func cardRect(x, y float64) Rect { return Rect{x, y, CardWidth, CardHeight} }

// PackageColors is the palette new packages take their colour from: distinct hues that stay
// readable as a title bar with white text and print well.
var PackageColors = []string{
	"#1f5f8b", "#c0392b", "#2e7d32", "#8e44ad", "#d35400", "#00838f",
	"#6d4c41", "#ad1457", "#546e7a", "#827717", "#283593", "#00695c",
}

var colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// ValidColor reports whether s is a colour as the file stores it: "#rrggbb".
func ValidColor(s string) bool { return colorPattern.MatchString(s) }

// ParseColor splits "#rrggbb" into its channels; ok is false for anything else.
func ParseColor(s string) (r, g, b uint8, ok bool) {
	if !ValidColor(s) {
		return 0, 0, 0, false
	}
	hex := func(c byte) uint8 {
		switch {
		case c >= '0' && c <= '9':
			return c - '0'
		case c >= 'a' && c <= 'f':
			return c - 'a' + 10
		default:
			return c - 'A' + 10
		}
	}
	ch := func(i int) uint8 { return hex(s[i])<<4 | hex(s[i+1]) }
	return ch(1), ch(3), ch(5), true
}

// Validate checks a package before it is stored: a name, a colour "#rrggbb" (or none yet), and
// an area that is finite, inside the board's range and at least one card large.
func (pk Package) Validate() error {
	return cmp.Or(
		pk.texts().check(),
		rule(strings.TrimSpace(pk.Name) != "", ErrPackageNameEmpty),
		rule(pk.Color == "" || ValidColor(pk.Color), ErrPackageColor),
		rule(validCardPosition(pk.X, pk.Y) && validCardPosition(pk.Width, pk.Height) &&
			pk.Width >= MinPackageWidth && pk.Height >= MinPackageHeight, ErrPackageGeometry),
	)
}

// CheckPackageName refuses an empty name and a name another package (not id) already has,
// compared without case and extra spaces.
func CheckPackageName(p *Project, id int64, name string) error {
	if strings.TrimSpace(name) == "" {
		return ErrPackageNameEmpty
	}
	n := NormalizedName(name)
	for _, pk := range p.Packages {
		if pk.ID != id && NormalizedName(pk.Name) == n {
			return ErrPackageNameDuplicate
		}
	}
	return nil
}

// validCardPosition reports whether a card's position is a finite number inside the board.
func validCardPosition(x, y float64) bool {
	for _, v := range []float64{x, y} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxBoardCoord {
			return false
		}
	}
	return true
}

// SortedPackages returns the packages in the user's order (sort order, then id): the order of
// lists and reports and the drawing order of the board (later ones lie on top).
func SortedPackages(p *Project) []Package {
	return inUserOrder(p.Packages)
}

// NextPackageColor is the first palette colour no package uses yet; when all are taken the
// palette repeats.
func NextPackageColor(p *Project) string {
	used := map[string]bool{}
	for _, pk := range p.Packages {
		used[strings.ToLower(pk.Color)] = true
	}
	for _, c := range PackageColors {
		if !used[c] {
			return c
		}
	}
	return PackageColors[len(p.Packages)%len(PackageColors)]
}

func nextPackageOrder(p *Project) int {
	max := 0
	for _, pk := range p.Packages {
		if pk.SortOrder > max {
			max = pk.SortOrder
		}
	}
	return max + 1
}

// NewPackage is a package named name with the next colour and the default size, placed at
// (x, y) — or, when at is false, at the first free place of the board.
func NewPackage(p *Project, name string, x, y float64, at bool) Package {
	pk := Package{
		Name: strings.TrimSpace(name), Color: NextPackageColor(p),
		Width: DefaultPackageWidth, Height: DefaultPackageHeight, SortOrder: nextPackageOrder(p),
	}
	if at {
		pk.X, pk.Y = snap(x), snap(y)
	} else {
		pk.X, pk.Y = FreePackagePlace(p, pk.Width, pk.Height)
	}
	return pk
}

// snap rounds a coordinate to whole board units, so stored positions stay short.
func snap(v float64) float64 { return math.Round(v) }

// FreePackagePlace finds the first place, row by row in a grid of package-sized cells, where an
// area w×h overlaps no package. The board starts at (0, 0).
func FreePackagePlace(p *Project, w, h float64) (x, y float64) {
	stepX := DefaultPackageWidth + PackageSpacing
	stepY := DefaultPackageHeight + PackageSpacing
	layout := LayoutBoard(p)
	for row := 0; ; row++ {
		for col := 0; col < packagesPerRow; col++ {
			cand := Rect{float64(col) * stepX, float64(row) * stepY, w, h}
			grown := Rect{cand.X - PackageSpacing/2, cand.Y - PackageSpacing/2, w + PackageSpacing, h + PackageSpacing}
			free := true
			for _, pk := range layout.Packages {
				if grown.Intersects(pk.Rect()) {
					free = false
					break
				}
			}
			if free {
				return cand.X, cand.Y
			}
		}
	}
}

// MissingSuggestions are the seed's suggested packages the project does not have yet, in the
// seed's order.
func MissingSuggestions(p *Project) []string {
	have := map[string]bool{}
	for _, pk := range p.Packages {
		have[NormalizedName(pk.Name)] = true
	}
	var out []string
	for _, s := range SuggestedPackages {
		if !have[NormalizedName(s)] {
			out = append(out, s)
		}
	}
	return out
}

// BoardLayout is where everything on the board is drawn: the packages in drawing order (with a
// usable size even when the file holds none), each sorted card's rectangle, and the unsorted
// pile in row order. It is derived from the project and never stored.
type BoardLayout struct {
	Packages []Package
	Cards    map[int64]Rect
	// CardOrder lists the sorted cards in drawing order (package order, then row order).
	CardOrder []int64
	// Members lists each package's cards in row order.
	Members map[int64][]int64
	Pile    []int64
	Bounds  Rect
}

// LayoutBoard places every card. A card whose stored position lies outside its package's card
// area (imported data, a package made smaller elsewhere) gets the package's first free slot, so
// the board never shows a card away from its package.
func LayoutBoard(p *Project) BoardLayout {
	l := BoardLayout{Cards: make(map[int64]Rect, len(p.Tasks)), Members: map[int64][]int64{}}
	pkgs := SortedPackages(p)
	index := make(map[int64]int, len(pkgs))
	for i := range pkgs {
		if pkgs[i].Width < MinPackageWidth {
			pkgs[i].Width = DefaultPackageWidth
		}
		if pkgs[i].Height < MinPackageHeight {
			pkgs[i].Height = DefaultPackageHeight
		}
		index[pkgs[i].ID] = i
	}
	members := make([][]Task, len(pkgs))
	for _, t := range inUserOrder(p.Tasks) {
		if t.PackageID == nil {
			l.Pile = append(l.Pile, t.ID)
			continue
		}
		i, ok := index[*t.PackageID]
		if !ok {
			l.Pile = append(l.Pile, t.ID) // a dangling reference: show it where it can be sorted
			continue
		}
		members[i] = append(members[i], t)
	}
	for i, pk := range pkgs {
		var misplaced []int64
		var placed []Rect
		area := pk.content()
		for _, t := range members[i] {
			if validCardPosition(t.CardX, t.CardY) && area.Contains(t.CardX, t.CardY) {
				r := cardRect(t.CardX, t.CardY)
				l.Cards[t.ID] = r
				placed = append(placed, r)
			} else {
				misplaced = append(misplaced, t.ID)
			}
		}
		for _, id := range misplaced {
			r := freeSlot(pk, placed)
			l.Cards[id] = r
			placed = append(placed, r)
		}
		// A package is drawn at least as large as its cards need.
		for _, r := range placed {
			pk = growTo(pk, r)
		}
		pkgs[i] = pk
		for _, t := range members[i] {
			l.CardOrder = append(l.CardOrder, t.ID)
			l.Members[pk.ID] = append(l.Members[pk.ID], t.ID)
		}
		l.Bounds = l.Bounds.Union(pk.Rect())
	}
	l.Packages = pkgs
	return l
}

// PackageIndex returns the position of the package id in l.Packages, or -1.
func (l BoardLayout) PackageIndex(id int64) int {
	for i := range l.Packages {
		if l.Packages[i].ID == id {
			return i
		}
	}
	return -1
}

// PackageAt is the package whose area holds the point, the topmost where areas overlap; nil
// on free board space.
func (l BoardLayout) PackageAt(x, y float64) *Package {
	for i := len(l.Packages) - 1; i >= 0; i-- {
		if l.Packages[i].Rect().Contains(x, y) {
			return &l.Packages[i]
		}
	}
	return nil
}

// CardAt is the sorted card under the point, the topmost where cards overlap; 0 when none.
func (l BoardLayout) CardAt(x, y float64) int64 {
	for i := len(l.CardOrder) - 1; i >= 0; i-- {
		id := l.CardOrder[i]
		if l.Cards[id].Contains(x, y) {
			return id
		}
	}
	return 0
}

// CardsIn returns the sorted cards whose rectangles intersect r (a rubber band), in drawing order.
func (l BoardLayout) CardsIn(r Rect) []int64 {
	var out []int64
	for _, id := range l.CardOrder {
		if l.Cards[id].Intersects(r) {
			out = append(out, id)
		}
	}
	return out
}

// slot is the i-th card place of a package, filling rows left to right.
func slot(pk Package, i int) Rect {
	cols := slotColumns(pk)
	c := pk.content()
	return cardRect(c.X+float64(i%cols)*(CardWidth+CardGap), c.Y+float64(i/cols)*(CardHeight+CardGap))
}

func slotColumns(pk Package) int {
	cols := int((pk.Width - 2*PackagePadding + CardGap) / (CardWidth + CardGap))
	if cols < 1 {
		cols = 1
	}
	return cols
}

// freeSlot is the first slot of the package that no placed card overlaps; below the last row
// when the package is full.
func freeSlot(pk Package, placed []Rect) Rect {
	for i := 0; ; i++ {
		s := slot(pk, i)
		free := true
		for _, r := range placed {
			if r.Intersects(s) {
				free = false
				break
			}
		}
		if free {
			return s
		}
	}
}

// growTo enlarges the package so that its card area holds r (to the right and downwards only:
// cards are never placed left of or above the card area).
func growTo(pk Package, r Rect) Package {
	if need := r.X + r.W + PackagePadding - pk.X; need > pk.Width {
		pk.Width = math.Ceil(need)
	}
	if need := r.Y + r.H + PackagePadding - pk.Y; need > pk.Height {
		pk.Height = math.Ceil(need)
	}
	return pk
}

// CardExtent is the smallest width and height the package may have so that all its cards
// stay inside (at least the minimum package size).
func (l BoardLayout) CardExtent(id int64) (w, h float64) {
	i := l.PackageIndex(id)
	w, h = MinPackageWidth, MinPackageHeight
	if i < 0 {
		return w, h
	}
	pk := l.Packages[i]
	for _, cid := range l.Members[id] {
		r := l.Cards[cid]
		w = math.Max(w, r.X+r.W+PackagePadding-pk.X)
		h = math.Max(h, r.Y+r.H+PackagePadding-pk.Y)
	}
	return math.Ceil(w), math.Ceil(h)
}

// FitBounds is the area "fit all" shows: every package, or, on an empty board, the place where
// the first package would go.
func (l BoardLayout) FitBounds() Rect {
	if l.Bounds.Empty() {
		return Rect{0, 0, DefaultPackageWidth, DefaultPackageHeight}
	}
	return l.Bounds
}
