package canvas

import (
	"math"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/session/sessiontest"
)

func TestMain(m *testing.M) {
	assets.SetupLanguage(assets.German)
	os.Exit(m.Run())
}

func newSession(tb testing.TB, p *domain.Project) *session.Session {
	tb.Helper()
	return sessiontest.Open(tb, "Board Jürgen.lotse", p, persistence.OpenOptions{})
}

// smallProject: the package Software at (0, 0), 394×218, holding B at (12, 52); A and C lie
// on the pile (A first).
func smallProject() *domain.Project {
	p := domain.NewProject("Board", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sw := int64(5)
	p.Packages = []domain.Package{{ID: 5, Name: "Software", Color: "#1f5f8b", Width: 394, Height: 218, SortOrder: 1}}
	p.Tasks = []domain.Task{
		{ID: 1, Name: "A Nutzer anlegen", Responsible: "Team", Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}, SortOrder: 1},
		{ID: 2, Name: "B Updates verteilen", PackageID: &sw, CardX: 12, CardY: 52, SortOrder: 2},
		{ID: 3, Name: "C Drucker", SortOrder: 3},
	}
	return p
}

type boardFixture struct {
	t       *testing.T
	s       *session.Session
	b       *Board
	w       fyne.Window
	created []int64
	createX float64
	createY float64
	errs    []error
}

// newBoardFixture shows the board in a 1200×800 window at zoom 1 with the board's origin just
// right of the pile, so board point (x, y) is drawn at pixel (196+x, y).
func newBoardFixture(t *testing.T, p *domain.Project) *boardFixture {
	test.NewTempApp(t)
	fx := &boardFixture{t: t, s: newSession(t, p)}
	fx.b = NewBoard(fx.s)
	fx.b.fitPending, fx.b.autoFit = false, false
	fx.b.OnError = func(err error) { fx.errs = append(fx.errs, err) }
	fx.b.OnCreatePackage = func(ids []int64, x, y float64) { fx.created, fx.createX, fx.createY = ids, x, y }
	fx.s.OnChange(fx.b.ModelChanged)
	fx.w = test.NewWindow(fx.b)
	fx.w.SetPadded(false)
	fx.w.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(fx.w.Close)
	fx.b.zoom, fx.b.originX, fx.b.originY, fx.b.autoFit = 1, -196, 0, false
	fx.b.Refresh()
	return fx
}

func (fx *boardFixture) drag(from fyne.Position, dx, dy float32) {
	fx.t.Helper()
	test.Drag(fx.w.Canvas(), from, dx, dy)
	if len(fx.errs) > 0 {
		fx.t.Fatalf("errors: %v", fx.errs)
	}
}

func (fx *boardFixture) pkgOf(id int64) int64 {
	t := fx.s.Project.TaskByID(id)
	if t == nil || t.PackageID == nil {
		return 0
	}
	return *t.PackageID
}

func (fx *boardFixture) storedTask(id int64) domain.Task {
	p, err := fx.s.File.Load()
	if err != nil {
		fx.t.Fatal(err)
	}
	return *p.TaskByID(id)
}

func TestGeometryAssumptions(t *testing.T) {
	if pileWidth != 196 || pileHeader != 34 || pilePad != 8 {
		t.Fatalf("pile %v/%v/%v: the tests assume 196/34/8", pileWidth, pileHeader, pilePad)
	}
}

func TestPileNarrowsWhenEmptyAndFitFollowsSize(t *testing.T) {
	p := smallProject()
	p.Tasks = p.Tasks[1:2] // only B, sorted
	test.NewTempApp(t)
	b := NewBoard(newSession(t, p))
	w := test.NewWindow(b)
	w.SetPadded(false)
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	if b.pileW() != pileNarrow {
		t.Errorf("empty pile %v wide, want %v", b.pileW(), float32(pileNarrow))
	}
	// Fitted: 800 − 120 = 680 wide, 600 high, margin 24: min(632/394, 552/218) = 1.604… → 1.2.
	if b.Zoom() != 1.2 {
		t.Fatalf("zoom %v, want 1.2", b.Zoom())
	}
	// Software's centre (197, 109) lies in the middle of the area beside the pile.
	if c := b.ScreenOf(197, 109); math.Abs(float64(c.X)-(120+340)) > 0.01 || math.Abs(float64(c.Y)-300) > 0.01 {
		t.Errorf("centre drawn at %v, want (460, 300)", c)
	}
	w.Resize(fyne.NewSize(500, 400))
	// 380 × 400: min(332/394, 352/218) = 0.8426…
	if z := b.Zoom(); math.Abs(z-332.0/394) > 1e-6 {
		t.Errorf("after resizing, zoom %v, want 332/394", z)
	}
	b.ZoomBy(1.25) // the user zooms: resizing no longer refits
	z := b.Zoom()
	w.Resize(fyne.NewSize(900, 700))
	if b.Zoom() != z {
		t.Errorf("zoom changed to %v after the user chose %v", b.Zoom(), z)
	}
}

func TestDragPileCardIntoPackage(t *testing.T) {
	fx := newBoardFixture(t, smallProject())
	// A is the first pile card: top-left (8, 42), centre (98, 78). Drop it with its centre at
	// board (290, 150): the card's corner lands at (200, 114), beside B.
	if c, ok := fx.b.CardCenter(1); !ok || c != fyne.NewPos(98, 78) {
		t.Fatalf("A drawn at %v (%v)", c, ok)
	}
	fx.drag(fyne.NewPos(98, 78), 196+290-98, 150-78)
	if fx.pkgOf(1) != 5 {
		t.Fatalf("A is in package %d, want 5", fx.pkgOf(1))
	}
	a := fx.storedTask(1)
	if a.PackageID == nil || *a.PackageID != 5 || a.CardX != 200 || a.CardY != 114 {
		t.Errorf("stored A = %+v, want in 5 at (200, 114)", a)
	}
	if got := fx.b.Layout().Pile; len(got) != 1 || got[0] != 3 {
		t.Errorf("pile = %v, want [3]", got)
	}
	// Undo puts it back.
	if err := fx.s.Undo(); err != nil {
		t.Fatal(err)
	}
	if fx.pkgOf(1) != 0 || len(fx.b.Layout().Pile) != 2 {
		t.Error("undo did not return A to the pile")
	}
}

func TestDragCardBackToPileAndOntoFreeSpace(t *testing.T) {
	fx := newBoardFixture(t, smallProject())
	// B's centre: (196+12+90, 52+36) = (298, 88).
	fx.drag(fyne.NewPos(298, 88), 700-298+196, 400-88)
	if fx.pkgOf(2) != 5 {
		t.Fatal("a drop on free space must not move the card by itself")
	}
	if len(fx.created) != 1 || fx.created[0] != 2 || fx.createX != 610 || fx.createY != 364 {
		t.Errorf("create asked for %v at (%v, %v), want [2] at (610, 364)", fx.created, fx.createX, fx.createY)
	}
	fx.drag(fyne.NewPos(298, 88), 100-298, 500-88)
	if fx.pkgOf(2) != 0 {
		t.Fatalf("B is in %d after the drop on the pile", fx.pkgOf(2))
	}
	if b := fx.storedTask(2); b.PackageID != nil || b.CardX != 12 {
		t.Errorf("stored B = %+v", b)
	}
}

func TestMultiSelectDragsBothCards(t *testing.T) {
	fx := newBoardFixture(t, smallProject())
	// Tap A, Ctrl+tap C (second pile card, centre (98, 78+80) = (98, 158)).
	test.TapCanvas(fx.w.Canvas(), fyne.NewPos(98, 78))
	fx.b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(98, 158)}, Modifier: fyne.KeyModifierControl})
	test.TapCanvas(fx.w.Canvas(), fyne.NewPos(98, 158))
	if sel := fx.b.Selection(); len(sel) != 2 {
		t.Fatalf("selection = %v", sel)
	}
	fx.b.pressed = false
	// Drag A into Software: C follows.
	fx.drag(fyne.NewPos(98, 78), 196+100-98, 100-78)
	if fx.pkgOf(1) != 5 || fx.pkgOf(3) != 5 {
		t.Errorf("A in %d, C in %d, want both in 5", fx.pkgOf(1), fx.pkgOf(3))
	}
	// One drag is one undo step.
	if err := fx.s.Undo(); err != nil {
		t.Fatal(err)
	}
	if fx.pkgOf(1) != 0 || fx.pkgOf(3) != 0 {
		t.Error("undo must return both cards")
	}
}

func TestRubberBandSelects(t *testing.T) {
	p := smallProject()
	p.Tasks[0].PackageID, p.Tasks[0].CardX, p.Tasks[0].CardY = p.Tasks[1].PackageID, 202, 52
	fx := newBoardFixture(t, p)
	fx.b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(196+600, 10)}, Modifier: fyne.KeyModifierShift})
	fx.drag(fyne.NewPos(196+600, 10), -590, 100)
	if sel := fx.b.Selection(); len(sel) != 2 || !fx.b.selected[1] || !fx.b.selected[2] {
		t.Errorf("selection = %v, want A and B", sel)
	}
}

func TestMoveAndResizePackageByDrag(t *testing.T) {
	fx := newBoardFixture(t, smallProject())
	// Title bar at (196+300, 20): move by (100, 50).
	fx.drag(fyne.NewPos(196+300, 20), 100, 50)
	pk := fx.s.Project.PackageByID(5)
	if pk.X != 100 || pk.Y != 50 {
		t.Fatalf("package at (%v, %v), want (100, 50)", pk.X, pk.Y)
	}
	if b := fx.s.Project.TaskByID(2); b.CardX != 112 || b.CardY != 102 {
		t.Errorf("B at (%v, %v), want (112, 102)", b.CardX, b.CardY)
	}
	// The grip sits in the bottom-right corner, now (196+494, 268).
	fx.drag(fyne.NewPos(196+494-5, 268-5), 100, 40)
	pk = fx.s.Project.PackageByID(5)
	if pk.Width != 494 || pk.Height != 258 {
		t.Errorf("package %v×%v, want 494×258", pk.Width, pk.Height)
	}
}

func TestPanAndZoom(t *testing.T) {
	fx := newBoardFixture(t, smallProject())
	fx.drag(fyne.NewPos(900, 600), -100, -20)
	if fx.b.originX != -96 || fx.b.originY != 20 {
		t.Errorf("origin (%v, %v), want (-196 + 100, 20)", fx.b.originX, fx.b.originY)
	}
	fx.b.FitAll()
	// Board area 1004×800; Software 394×218 with a margin of 24: min(956/394, 752/218) > 1.2.
	if fx.b.Zoom() != 1.2 {
		t.Errorf("fit zoom %v, want the cap 1.2", fx.b.Zoom())
	}
	fx.b.TypedRune('-')
	if z := fx.b.Zoom(); z < 0.959 || z > 0.961 {
		t.Errorf("zoom after '-' = %v, want 0.96", z)
	}
}

func TestKeyboardPaths(t *testing.T) {
	fx := newBoardFixture(t, smallProject())
	// Type-ahead: "c" selects C on the pile.
	fx.b.TypedRune('c')
	if sel := fx.b.Selection(); len(sel) != 1 || sel[0] != 3 {
		t.Fatalf("type-ahead selected %v", sel)
	}
	fx.b.MoveSelectionTo(5)
	if fx.pkgOf(3) != 5 {
		t.Fatal("MoveSelectionTo did not sort C in")
	}
	// Into the first free slot: B holds slot 0, so C goes to (202, 52).
	if c := fx.s.Project.TaskByID(3); c.CardX != 202 || c.CardY != 52 {
		t.Errorf("C at (%v, %v), want (202, 52)", c.CardX, c.CardY)
	}
	asked := false
	fx.b.OnMoveRequest = func() { asked = true }
	fx.b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !asked {
		t.Error("Enter must ask for 'Verschieben nach…'")
	}
	fx.b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if fx.pkgOf(3) != 0 {
		t.Error("Delete must put the card back on the pile")
	}
	fx.b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(fx.b.Selection()) != 0 {
		t.Error("Escape must clear the selection")
	}
}

func TestHitAt(t *testing.T) {
	fx := newBoardFixture(t, smallProject())
	cases := []struct {
		p    fyne.Position
		kind HitKind
		id   int64
	}{
		{fyne.NewPos(98, 78), HitPileCard, 1},
		{fyne.NewPos(98, 10), HitPile, 0},
		{fyne.NewPos(298, 88), HitCard, 2},
		{fyne.NewPos(196+300, 20), HitPackageHeader, 0},
		{fyne.NewPos(196+300, 180), HitPackage, 0},
		{fyne.NewPos(196+390, 214), HitPackageGrip, 0},
		{fyne.NewPos(900, 500), HitBoard, 0},
	}
	for _, c := range cases {
		h := fx.b.HitAt(c.p)
		if h.Kind != c.kind || h.TaskID != c.id {
			t.Errorf("HitAt(%v) = %+v, want kind %d task %d", c.p, h, c.kind, c.id)
		}
	}
}

// TestRenderDrawsOnlyVisibleCards checks that 1,500 cards do not become 1,500 sets of objects:
// at zoom 1 only what the window shows is bound.
func TestRenderDrawsOnlyVisibleCards(t *testing.T) {
	p := landkreis(1500, 40)
	fx := newBoardFixture(t, p)
	r := test.WidgetRenderer(fx.b).(*boardRenderer)
	visible := 0
	for _, v := range r.cardViews {
		if v.box.Visible() {
			visible++
		}
	}
	// 1004×800 pixels hold at most 6 columns × 10 rows of cards (190 × 82 apart).
	if visible == 0 || visible > 60 || len(r.cardViews) > 60 {
		t.Errorf("%d card views bound (%d made), want at most 60", visible, len(r.cardViews))
	}
	fx.b.FitAll()
	visible = 0
	for _, v := range r.cardViews {
		if v.box.Visible() {
			visible++
		}
	}
	if visible != 1500-len(fx.b.Layout().Pile) {
		t.Errorf("fit all shows %d cards, want all %d sorted ones", visible, 1500-len(fx.b.Layout().Pile))
	}
}

// landkreis is a board of n cards in k packages laid out by ArrangeBoard; every tenth card is
// left on the pile.
func landkreis(n, k int) *domain.Project {
	p := domain.NewProject("Landkreis", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	for i := 0; i < k; i++ {
		p.Packages = append(p.Packages, domain.Package{ID: int64(i + 1), Name: "Paket " + itoa(i+1),
			Color: domain.PackageColors[i%len(domain.PackageColors)], Width: 4*domain.CardWidth + 3*domain.CardGap + 2*domain.PackagePadding,
			Height: domain.DefaultPackageHeight, SortOrder: i + 1})
	}
	for i := 0; i < n; i++ {
		t := domain.Task{ID: int64(i + 1), Name: "Aufgabe Nummer " + itoa(i+1) + " mit einem längeren Namen", Responsible: "Team",
			Effort: &domain.Effort{Value: float64(i%7 + 1), Unit: domain.HoursPerMonth}, Priority: domain.Priority{Rank: i%5 + 1},
			Critical: i%13 == 0, SortOrder: i + 1}
		if i%10 != 9 {
			pk := int64(i%k + 1)
			t.PackageID = &pk
		}
		p.Tasks = append(p.Tasks, t)
	}
	c := domain.ArrangeBoard(p, 1.5)
	for _, t := range c.Tasks {
		p.Tasks[p.TaskIndex(t.ID)] = t
	}
	for _, pk := range c.Packages {
		for i := range p.Packages {
			if p.Packages[i].ID == pk.ID {
				p.Packages[i] = pk
			}
		}
	}
	return p
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for i > 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	return string(b)
}
