package requirements

import (
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit/kittest"
)

type reqFixture struct {
	*kittest.Fixture
	ed *requirementsEditor
}

// newReqFixture opens step 3 on a project with the package Software (holding "Updates im MDM")
// and two unsorted tasks.
func newReqFixture(t *testing.T) *reqFixture {
	t.Helper()
	p := domain.NewProject("Anforderungen", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	p.Settings.PriorityMode = domain.PriorityMustNice
	sw := int64(5)
	p.Packages = []domain.Package{{ID: 5, Name: "Software", Color: "#1f5f8b", Width: 394, Height: 218, SortOrder: 1}}
	p.Tasks = []domain.Task{
		{ID: 1, Name: "IServ-Nutzer anlegen", Responsible: "Team", Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}, Priority: domain.Priority{Rank: 4}, SortOrder: 1},
		{ID: 2, Name: "Updates im MDM", Responsible: "Team", PackageID: &sw, CardX: 12, CardY: 52, Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}, Priority: domain.Priority{Rank: 4}, SortOrder: 2},
		{ID: 3, Name: "Drucker warten", Responsible: "Sekretariat", Effort: &domain.Effort{Value: 6, Unit: domain.HoursPerQuarter}, Priority: domain.Priority{Rank: 2}, SortOrder: 3},
	}
	fx := &reqFixture{Fixture: kittest.NewFixture(t, p)}
	fx.ed = NewRequirementsEditor(fx.Ctx)
	fx.Show(fx.ed.View)
	return fx
}

func (fx *reqFixture) pkgOf(id int64) int64 {
	t := fx.S.Project.TaskByID(id)
	if t == nil || t.PackageID == nil {
		return 0
	}
	return *t.PackageID
}

func (fx *reqFixture) storedPkgOf(id int64) int64 {
	p, err := fx.S.File.Load()
	if err != nil {
		fx.T.Fatal(err)
	}
	t := p.TaskByID(id)
	if t == nil || t.PackageID == nil {
		return 0
	}
	return *t.PackageID
}

// boardPos is where a card is drawn, in window coordinates.
func (fx *reqFixture) cardPos(id int64) fyne.Position {
	fx.T.Helper()
	c, ok := fx.ed.board.CardCenter(id)
	if !ok {
		fx.T.Fatalf("card %d is not in view", id)
	}
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(fx.ed.board).Add(c)
}

// boardPoint is where a board point is drawn, in window coordinates.
func (fx *reqFixture) boardPoint(x, y float64) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(fx.ed.board).Add(fx.ed.board.ScreenOf(x, y))
}

func TestRequirementsDragCardIntoPackage(t *testing.T) {
	fx := newReqFixture(t)
	from := fx.cardPos(1)
	to := fx.boardPoint(200, 150) // inside Software (0..394 × 0..218)
	test.Drag(fx.W.Canvas(), from, to.X-from.X, to.Y-from.Y)
	fx.NoErrors()
	if fx.pkgOf(1) != 5 || fx.storedPkgOf(1) != 5 {
		t.Fatalf("IServ in %d (file %d), want 5", fx.pkgOf(1), fx.storedPkgOf(1))
	}
	// The open questions follow: IServ is no longer unsorted.
	for _, f := range fx.ed.questions.Items {
		if f.Code == domain.FindUnsorted && f.EntityID == 1 {
			t.Error("the sorted task is still reported as unsorted")
		}
	}
	// The grouped table lists it under Software.
	if r := fx.ed.tableRows; len(r) < 3 || r[0].task != nil || r[0].header != "Software" || r[1].task == nil || r[2].task == nil {
		t.Errorf("table rows: %+v", r)
	}
}

func TestRequirementsKeyboardMove(t *testing.T) {
	fx := newReqFixture(t)
	// Find the card by typing, Enter opens "Verschieben nach…".
	fx.W.Canvas().Focus(fx.ed.finder.entry)
	test.Type(fx.ed.finder.entry, "druck")
	if len(fx.ed.finder.rows) != 1 || fx.ed.finder.rows[0] != 3 {
		t.Fatalf("finder rows = %v", fx.ed.finder.rows)
	}
	fx.ed.finder.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	m := openDialog.move
	if m == nil || len(m.ids) != 1 || m.ids[0] != 3 {
		t.Fatalf("move dialog for %v", m)
	}
	test.Type(m.entry, "soft")
	if len(m.targets) != 2 || m.targets[0].id != 5 || m.targets[1].kind != 2 {
		t.Fatalf("targets = %+v, want Software and a new package", m.targets)
	}
	m.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	fx.NoErrors()
	if fx.pkgOf(3) != 5 || fx.storedPkgOf(3) != 5 {
		t.Fatalf("Drucker in %d, want 5", fx.pkgOf(3))
	}

	// A name that matches no package creates one, with the card in it.
	fx.ed.board.SetSelection(1)
	fx.ed.showMove()
	m = openDialog.move
	test.Type(m.entry, "User-Management")
	m.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // stays on the only target
	m.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	fx.NoErrors()
	if len(fx.S.Project.Packages) != 2 {
		t.Fatalf("packages = %+v", fx.S.Project.Packages)
	}
	um := fx.S.Project.Packages[1]
	if um.Name != "User-Management" || fx.pkgOf(1) != um.ID || fx.storedPkgOf(1) != um.ID {
		t.Errorf("new package %+v, IServ in %d", um, fx.pkgOf(1))
	}
	// The new package lies on free board space, not over Software.
	if um.Rect().Intersects(fx.S.Project.Packages[0].Rect()) {
		t.Errorf("new package %v overlaps Software", um.Rect())
	}
}

func TestRequirementsDropOnFreeSpaceAsksForName(t *testing.T) {
	fx := newReqFixture(t)
	from := fx.cardPos(3)
	to := fx.boardPoint(700, 400)
	test.Drag(fx.W.Canvas(), from, to.X-from.X, to.Y-from.Y)
	if fx.pkgOf(3) != 0 {
		t.Fatal("the card moved before a name was given")
	}
	e := openDialog.entry
	if e == nil {
		t.Fatal("no name dialog")
	}
	test.Type(e, "software")
	if e.Validate() == nil {
		t.Error("a duplicate name must not be accepted")
	}
	e.SetText("Hardware-Wartung")
	e.OnSubmitted(e.Text)
	fx.NoErrors()
	hw := fx.S.Project.Packages[len(fx.S.Project.Packages)-1]
	if hw.Name != "Hardware-Wartung" || fx.pkgOf(3) != hw.ID {
		t.Fatalf("package %+v, Drucker in %d", hw, fx.pkgOf(3))
	}
	// The card's corner lies where it was dropped: 700 − 90, 400 − 36 (the board is zoomed
	// out here, so a pixel of rounding is a few board units).
	if c := fx.S.Project.TaskByID(3); math.Abs(c.CardX-610) > 4 || math.Abs(c.CardY-364) > 4 {
		t.Errorf("card at (%v, %v), want about (610, 364)", c.CardX, c.CardY)
	}
	// One undo removes the package and puts the card back.
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if len(fx.S.Project.Packages) != 1 || fx.pkgOf(3) != 0 {
		t.Error("undo must remove the new package and return the card")
	}
}

func TestRequirementsSuggestionsAndDeleteWithUndo(t *testing.T) {
	fx := newReqFixture(t)
	// The missing suggestions are one click away: a button each.
	var vos *widget.Button
	for _, o := range fx.ed.chips.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == "Vor-Ort-Support" {
			vos = b
		}
	}
	if vos == nil || !fx.ed.chipRow.Visible() {
		t.Fatal("no button for the suggestion Vor-Ort-Support")
	}
	test.Tap(vos)
	fx.NoErrors()
	for _, o := range fx.ed.chips.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == "Vor-Ort-Support" {
			t.Error("the created suggestion is still offered as a button")
		}
	}
	if len(fx.S.Project.Packages) != 2 || fx.S.Project.Packages[1].Name != "Vor-Ort-Support" {
		t.Fatalf("packages = %+v", fx.S.Project.Packages)
	}
	for _, s := range domain.MissingSuggestions(fx.S.Project) {
		if s == "Vor-Ort-Support" {
			t.Error("a created suggestion is still offered")
		}
	}
	fx.ed.deletePackage(5)
	if fx.S.Project.PackageByID(5) != nil || fx.pkgOf(2) != 0 {
		t.Fatal("Software not deleted or its card not on the pile")
	}
	if !fx.ed.undoBar.Visible() {
		t.Error("deleting must offer undo")
	}
	fx.ed.undo()
	if fx.S.Project.PackageByID(5) == nil || fx.pkgOf(2) != 5 || fx.storedPkgOf(2) != 5 {
		t.Error("undo must restore Software with its card")
	}
}

func TestRequirementsTargetStateAnswersQuestion(t *testing.T) {
	fx := newReqFixture(t)
	has := func(code string, id int64) bool {
		for _, f := range fx.ed.questions.Items {
			if f.Code == code && f.EntityID == id {
				return true
			}
		}
		return false
	}
	if !has(domain.FindPackageNoTarget, 5) {
		t.Fatal("Software without target state is not asked about")
	}
	// The question jumps to the package's requirements.
	for _, f := range fx.ed.questions.Items {
		if f.Code == domain.FindPackageNoTarget {
			fx.ed.jump(f)
		}
	}
	if fx.ed.tabs.SelectedIndex() != 1 || fx.ed.packages.current != 5 {
		t.Fatalf("jump went to tab %d, package %d", fx.ed.tabs.SelectedIndex(), fx.ed.packages.current)
	}
	pt := fx.ed.packages
	fx.W.Canvas().Focus(pt.target)
	test.Type(pt.target, "Alle Geräte bekommen Updates zentral.")
	fx.W.Canvas().Focus(pt.criteria) // leaving commits
	test.Type(pt.criteria, "90 % der Geräte im MDM")
	fx.W.Canvas().Unfocus()
	fx.NoErrors()
	stored, _ := fx.S.File.Load()
	if pk := stored.PackageByID(5); pk.TargetState != "Alle Geräte bekommen Updates zentral." || pk.Criteria != "90 % der Geräte im MDM" {
		t.Errorf("stored package = %+v", pk)
	}
	if has(domain.FindPackageNoTarget, 5) || has(domain.FindPackageNoCriteria, 5) {
		t.Error("the answered questions are still listed")
	}
	// Figures: one task, vorrangig, 2 h.
	if want := shareText(domain.SummarizePackages(fx.S.Project)[0]); pt.figures.Text != want || pt.figures.Text == "" {
		t.Errorf("figures %q", pt.figures.Text)
	}
	// Renaming to an existing name is refused and the field shows the stored name again.
	fx.ed.addSuggestion("Software-Verteilung")
	pt.show(5)
	fx.W.Canvas().Focus(pt.name)
	pt.name.SetText("software-verteilung")
	pt.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(fx.Errs) == 0 || !kittest.IsErr(fx.Errs, domain.ErrPackageNameDuplicate) {
		t.Errorf("duplicate rename: errors %v", fx.Errs)
	}
	if pt.name.Text != "Software" || fx.S.Project.PackageByID(5).Name != "Software" {
		t.Errorf("name field %q, model %q", pt.name.Text, fx.S.Project.PackageByID(5).Name)
	}
}

func TestRequirementsUnsortedQuestionSelectsCard(t *testing.T) {
	fx := newReqFixture(t)
	for _, f := range fx.ed.questions.Items {
		if f.Code == domain.FindUnsorted && f.EntityID == 3 {
			fx.ed.jump(f)
		}
	}
	if sel := fx.ed.board.Selection(); len(sel) != 1 || sel[0] != 3 {
		t.Errorf("selection = %v, want the unsorted card 3", sel)
	}
	if fx.ed.moveBtn.Disabled() {
		t.Error("with a card selected, 'Verschieben nach…' must be enabled")
	}
}

func TestRequirementsGroupedTable(t *testing.T) {
	fx := newReqFixture(t)
	rows := fx.ed.tableRows
	// Software (heading + 1 task), then the pile (heading + 2 tasks).
	if len(rows) != 5 || rows[0].header != "Software" || rows[2].pkg != nil || rows[2].task != nil {
		t.Fatalf("rows = %+v", rows)
	}
	if c := fx.ed.tableCell(1, 1); c.Text != "Software" {
		t.Errorf("package cell %q", c.Text)
	}
	if c := fx.ed.tableCell(3, 0); c.Text != "IServ-Nutzer anlegen" {
		t.Errorf("first unsorted task %q", c.Text)
	}
	if c := fx.ed.tableCell(4, 5); c.Text != "nachrangig" {
		t.Errorf("priority cell %q", c.Text)
	}
}
