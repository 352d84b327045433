package domain

import (
	"errors"
	"slices"
	"testing"
)

// Geometry used below, by hand: DefaultPackageWidth = 2×180 + 10 + 2×12 = 394,
// DefaultPackageHeight = 40 + 2×72 + 10 + 2×12 = 218. A package at (X, Y) has its card area
// from (X+12, Y+52); slots are 190 apart horizontally and 82 vertically, two per row.

func ptr(v int64) *int64 { return &v }

func boardProject() *Project {
	p := &Project{Settings: DefaultSettings()}
	p.Packages = []Package{
		{ID: 10, Name: "User-Management", Color: "#1f5f8b", X: 0, Y: 0, Width: 394, Height: 218, SortOrder: 1},
		{ID: 20, Name: "Software", Color: "#c0392b", X: 500, Y: 0, Width: 394, Height: 218, SortOrder: 2},
	}
	p.Tasks = []Task{
		{ID: 1, Name: "A", SortOrder: 3},
		{ID: 2, Name: "B", SortOrder: 1, PackageID: ptr(10), CardX: 12, CardY: 52},
		{ID: 3, Name: "C", SortOrder: 2},
		{ID: 4, Name: "D", SortOrder: 4, PackageID: ptr(20)}, // no position stored
		{ID: 5, Name: "E", SortOrder: 5, PackageID: ptr(99)}, // dangling reference
	}
	return p
}

func TestDefaultSizes(t *testing.T) {
	if DefaultPackageWidth != 394 || DefaultPackageHeight != 218 {
		t.Fatalf("default package %v×%v, the tests below assume 394×218", DefaultPackageWidth, DefaultPackageHeight)
	}
}

func TestLayoutBoardPlacesCardsAndPile(t *testing.T) {
	l := LayoutBoard(boardProject())
	if got, want := l.Pile, []int64{3, 1, 5}; !slices.Equal(got, want) {
		t.Errorf("pile = %v, want %v (row order, dangling reference included)", got, want)
	}
	if r := l.Cards[2]; r != (Rect{12, 52, 180, 72}) {
		t.Errorf("card 2 at %v, want its stored place", r)
	}
	// Card 4 has no position: it gets the first slot of package 20.
	if r := l.Cards[4]; r != (Rect{512, 52, 180, 72}) {
		t.Errorf("card 4 at %v, want the first slot (512, 52)", r)
	}
	if got := l.Members[20]; !slices.Equal(got, []int64{4}) {
		t.Errorf("members of 20 = %v", got)
	}
	if l.Bounds != (Rect{0, 0, 894, 218}) {
		t.Errorf("bounds = %v, want 0,0 894×218", l.Bounds)
	}
}

func TestLayoutGivesZeroSizedPackagesTheDefault(t *testing.T) {
	p := &Project{Packages: []Package{{ID: 1, Name: "X"}}}
	l := LayoutBoard(p)
	if l.Packages[0].Width != DefaultPackageWidth || l.Packages[0].Height != DefaultPackageHeight {
		t.Errorf("package drawn %v×%v", l.Packages[0].Width, l.Packages[0].Height)
	}
}

func TestHitTests(t *testing.T) {
	p := boardProject()
	// A third package overlapping Software, later in the order: it lies on top.
	p.Packages = append(p.Packages, Package{ID: 30, Name: "Oben", X: 800, Y: 100, Width: 394, Height: 218, SortOrder: 3})
	l := LayoutBoard(p)
	cases := []struct {
		x, y float64
		want int64
	}{
		{5, 5, 10}, {393, 217, 10}, {394, 100, 0}, {450, 10, 0}, {600, 50, 20}, {850, 150, 30}, {1300, 10, 0},
	}
	for _, c := range cases {
		var got int64
		if pk := l.PackageAt(c.x, c.y); pk != nil {
			got = pk.ID
		}
		if got != c.want {
			t.Errorf("PackageAt(%v, %v) = %d, want %d", c.x, c.y, got, c.want)
		}
	}
	if id := l.CardAt(20, 60); id != 2 {
		t.Errorf("CardAt on card 2 = %d", id)
	}
	if id := l.CardAt(200, 60); id != 0 {
		t.Errorf("CardAt beside card 2 = %d, want 0", id)
	}
	if got := l.CardsIn(Rect{0, 0, 600, 300}); !slices.Equal(got, []int64{2, 4}) {
		t.Errorf("rubber band found %v, want [2 4]", got)
	}
}

func TestDropOnPackageClampsAndGrows(t *testing.T) {
	p := boardProject()
	c, err := DropOnPackage(p, 20, []Placement{{TaskID: 1, X: 700, Y: 140}, {TaskID: 3, X: 505, Y: 10}})
	if err != nil {
		t.Fatal(err)
	}
	tasks := byID(c.Tasks)
	if a := tasks[1]; a.PackageID == nil || *a.PackageID != 20 || a.CardX != 700 || a.CardY != 140 {
		t.Errorf("card A = %+v, want in 20 at (700, 140)", a)
	}
	// Dropped above and left of the card area: moved to its corner (512, 52) — where D lies,
	// so it takes the nearest free slot: (512, 134) is 82 away, (702, 52) 190.
	if cc := tasks[3]; cc.PackageID == nil || *cc.PackageID != 20 || cc.CardX != 512 || cc.CardY != 134 {
		t.Errorf("card C = %+v, want in 20 at (512, 134)", cc)
	}
	// Card D had no stored place: its drawn place is stored now, so it does not jump.
	if d := tasks[4]; d.CardX != 512 || d.CardY != 52 {
		t.Errorf("card D = %+v, want pinned at (512, 52)", d)
	}
	// A ends at 880 (+ 12 − 500 = 392 < 394) and 212 (+ 12 = 224 > 218): one row taller.
	if len(c.Packages) != 1 || c.Packages[0].Width != 394 || c.Packages[0].Height != 224 {
		t.Errorf("package = %+v, want 394×224", c.Packages)
	}

	// A card dropped onto another one takes the nearest free slot: at (600, 60) it would cover
	// D; (702, 52) is 102 away, (512, 134) 115.
	c, err = DropOnPackage(p, 20, []Placement{{TaskID: 1, X: 600, Y: 60}})
	if err != nil {
		t.Fatal(err)
	}
	if a := byID(c.Tasks)[1]; a.CardX != 702 || a.CardY != 52 {
		t.Errorf("card A at (%v, %v), want the free slot (702, 52)", a.CardX, a.CardY)
	}

	c, err = DropOnPackage(p, 20, []Placement{{TaskID: 1, X: 800, Y: 150}})
	if err != nil {
		t.Fatal(err)
	}
	// Right edge 980 + 12 − 500 = 492; bottom 222 + 12 = 234.
	if len(c.Packages) != 1 || c.Packages[0].Width != 492 || c.Packages[0].Height != 234 {
		t.Errorf("grown package = %+v, want 492×234", c.Packages)
	}
	if _, err := DropOnPackage(p, 77, []Placement{{TaskID: 1}}); !errors.Is(err, ErrPackageGone) {
		t.Errorf("unknown package: %v", err)
	}
	if _, err := DropOnPackage(p, 20, []Placement{{TaskID: 77}}); !errors.Is(err, ErrTaskGone) {
		t.Errorf("unknown task: %v", err)
	}
}

func TestMoveToPackageUsesFreeSlotsAndAddsRows(t *testing.T) {
	p := boardProject()
	// Package 10 holds card 2 in slot 0. Four more cards go to slots 1–4.
	p.Tasks = append(p.Tasks, Task{ID: 6, Name: "F", SortOrder: 6}, Task{ID: 7, Name: "G", SortOrder: 7})
	c, err := MoveToPackage(p, 10, []int64{1, 3, 6, 7, 2})
	if err != nil {
		t.Fatal(err)
	}
	tasks := byID(c.Tasks)
	want := map[int64][2]float64{1: {202, 52}, 3: {12, 134}, 6: {202, 134}, 7: {12, 216}}
	for id, xy := range want {
		got := tasks[id]
		if got.PackageID == nil || *got.PackageID != 10 || got.CardX != xy[0] || got.CardY != xy[1] {
			t.Errorf("task %d = (%v, %v) in %v, want (%v, %v) in 10", id, got.CardX, got.CardY, got.PackageID, xy[0], xy[1])
		}
	}
	if _, moved := tasks[2]; moved {
		t.Error("card 2 was already in the package and must not change")
	}
	// The fifth card needs a third row: 216 + 72 + 12 = 300.
	if len(c.Packages) != 1 || c.Packages[0].Height != 300 || c.Packages[0].Width != 394 {
		t.Errorf("package = %+v, want 394×300", c.Packages)
	}
}

func TestMoveToPileKeepsPosition(t *testing.T) {
	p := boardProject()
	c, err := MoveToPile(p, []int64{2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Tasks) != 1 || c.Tasks[0].ID != 2 || c.Tasks[0].PackageID != nil || c.Tasks[0].CardX != 12 || c.Tasks[0].CardY != 52 {
		t.Errorf("change = %+v, want only card 2, unassigned, at (12, 52)", c.Tasks)
	}
	if p.Tasks[1].PackageID == nil {
		t.Error("the project itself must not change")
	}
}

func TestPackageWithCards(t *testing.T) {
	p := boardProject()
	plan, err := PackageWithCards(p, "Vor-Ort-Support", 1012, 352, []int64{1, 3})
	if err != nil {
		t.Fatal(err)
	}
	pk := plan.Package
	if pk.X != 1000 || pk.Y != 300 || pk.Width != 394 || pk.Height != 218 || pk.SortOrder != 3 || pk.Color != PackageColors[2] {
		t.Errorf("package = %+v", pk)
	}
	if len(plan.Tasks) != 2 || plan.Tasks[0].CardX != 1012 || plan.Tasks[0].CardY != 352 || plan.Tasks[1].CardX != 1202 || plan.Tasks[1].CardY != 352 {
		t.Errorf("tasks = %+v", plan.Tasks)
	}
	if _, err := PackageWithCards(p, " software ", 0, 0, nil); !errors.Is(err, ErrPackageNameDuplicate) {
		t.Errorf("duplicate name: %v", err)
	}
	if _, err := PackageWithCards(p, "  ", 0, 0, nil); !errors.Is(err, ErrPackageNameEmpty) {
		t.Errorf("empty name: %v", err)
	}
}

func TestMoveAndResizePackage(t *testing.T) {
	p := boardProject()
	c, err := MovePackage(p, 10, 100.4, -50)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Packages) != 1 || c.Packages[0].X != 100 || c.Packages[0].Y != -50 {
		t.Errorf("moved package = %+v", c.Packages)
	}
	if len(c.Tasks) != 1 || c.Tasks[0].CardX != 112 || c.Tasks[0].CardY != 2 {
		t.Errorf("moved card = %+v, want (112, 2)", c.Tasks)
	}

	// Package 10 holds one card at (12, 52): it needs at least 12+180+12 = 204 × 52+72+12 = 136.
	c, err = ResizePackage(p, 10, 50, 50)
	if err != nil {
		t.Fatal(err)
	}
	if c.Packages[0].Width != 204 || c.Packages[0].Height != 136 {
		t.Errorf("shrunk to %v×%v, want 204×136", c.Packages[0].Width, c.Packages[0].Height)
	}
	c, err = ResizePackage(p, 10, 800, 500)
	if err != nil || c.Packages[0].Width != 800 || c.Packages[0].Height != 500 {
		t.Errorf("grown to %+v (%v)", c.Packages, err)
	}
	if _, err := ResizePackage(p, 99, 800, 500); !errors.Is(err, ErrPackageGone) {
		t.Errorf("unknown package: %v", err)
	}
}

func TestArrangeBoardLeavesNoOverlap(t *testing.T) {
	p := boardProject()
	p.Packages = append(p.Packages,
		Package{ID: 30, Name: "C", X: 10, Y: 10, Width: 394, Height: 218, SortOrder: 3},
		Package{ID: 40, Name: "D", X: 20, Y: 20, Width: 204, Height: 136, SortOrder: 4},
		Package{ID: 50, Name: "E", X: 30, Y: 30, Width: 394, Height: 218, SortOrder: 5})
	c := ArrangeBoard(p, 1.5)
	q := apply(p, c)
	l := LayoutBoard(q)
	for i := range l.Packages {
		for j := i + 1; j < len(l.Packages); j++ {
			if l.Packages[i].Rect().Intersects(l.Packages[j].Rect()) {
				t.Errorf("packages %d and %d overlap", l.Packages[i].ID, l.Packages[j].ID)
			}
		}
	}
	// Every package holding at most two cards is one row of cards high: 40 + 72 + 24 = 136.
	// For a view 1.5 times as wide as high: one column is 394 × 840 (min(1.5/394, 1/840) =
	// 0.00119), two are 828 × 488 (0.00181), three 1262 × 312 (0.00119): two columns win.
	want := map[int64][2]float64{10: {0, 0}, 20: {434, 0}, 30: {0, 176}, 40: {434, 176}, 50: {0, 352}}
	for _, pk := range l.Packages {
		if xy := want[pk.ID]; pk.X != xy[0] || pk.Y != xy[1] {
			t.Errorf("package %d at (%v, %v), want (%v, %v)", pk.ID, pk.X, pk.Y, xy[0], xy[1])
		}
		if pk.Height != 136 {
			t.Errorf("package %d height %v, want 136", pk.ID, pk.Height)
		}
	}
	// A wide view takes more columns: aspect 4 → three columns score min(4/1262, 1/312) =
	// 0.00317 against two with min(4/828, 1/488) = 0.00205; four 1506 × 312 score 0.00266.
	q4 := apply(p, ArrangeBoard(p, 4))
	if pk := q4.PackageByID(30); pk.X != 868 || pk.Y != 0 {
		t.Errorf("wide view: package 30 at (%v, %v), want (868, 0)", pk.X, pk.Y)
	}
	// The card of package 20 moved with it into its first slot.
	if d := q.TaskByID(4); d.CardX != 446 || d.CardY != 52 {
		t.Errorf("card D at (%v, %v), want (446, 52)", d.CardX, d.CardY)
	}
}

func TestPackageValidate(t *testing.T) {
	ok := Package{Name: "X", Color: "#A0b1C2", Width: MinPackageWidth, Height: MinPackageHeight}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := map[string]Package{
		"err.package.name_empty": {Name: " ", Width: 400, Height: 300},
		"err.package.color":      {Name: "X", Color: "red", Width: 400, Height: 300},
		"err.package.geometry":   {Name: "X", Width: 100, Height: 300},
	}
	for want, pk := range cases {
		if err := pk.Validate(); err == nil || err.Error() != want {
			t.Errorf("%+v: %v, want %s", pk, err, want)
		}
	}
	if r, g, b, ok := ParseColor("#1f5F8b"); !ok || r != 0x1f || g != 0x5f || b != 0x8b {
		t.Errorf("ParseColor = %d %d %d %v", r, g, b, ok)
	}
}

func TestSuggestionsAndColours(t *testing.T) {
	p := boardProject()
	got := MissingSuggestions(p)
	want := []string{"Hardware-Wartung", "Vor-Ort-Support", "Störungsbeseitigung", "Wissensmanagement"}
	if len(got) != len(want) {
		t.Fatalf("missing = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("missing[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	if c := NextPackageColor(p); c != PackageColors[2] {
		t.Errorf("next colour %s, want the third of the palette", c)
	}
	// A new package without a place goes to the first free cell of the 434-wide grid: the
	// cells at x 0, 434 and 868 reach into User-Management or Software (which ends at 894,
	// and the spacing of 20 on each side counts), so x 1302 is the first free one.
	pk := NewPackage(p, "Neu", 0, 0, false)
	if pk.X != 1302 || pk.Y != 0 {
		t.Errorf("free place (%v, %v), want (1302, 0)", pk.X, pk.Y)
	}
}

func TestUnassignPackage(t *testing.T) {
	p := boardProject()
	got := UnassignPackage(p, 10)
	if len(got) != 1 || got[0].ID != 2 || got[0].PackageID != nil {
		t.Errorf("unassigned %+v", got)
	}
}

func apply(p *Project, c BoardChange) *Project {
	q := *p
	q.Tasks = append([]Task(nil), p.Tasks...)
	q.Packages = append([]Package(nil), p.Packages...)
	for _, t := range c.Tasks {
		if i := q.TaskIndex(t.ID); i >= 0 {
			q.Tasks[i] = t
		}
	}
	for _, pk := range c.Packages {
		for i := range q.Packages {
			if q.Packages[i].ID == pk.ID {
				q.Packages[i] = pk
			}
		}
	}
	return &q
}

func byID(ts []Task) map[int64]Task {
	out := map[int64]Task{}
	for _, t := range ts {
		out[t.ID] = t
	}
	return out
}
