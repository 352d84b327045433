package raci

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/kit/kittest"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/session/sessiontest"
)

// newSession opens a project file holding p.
func newSession(tb testing.TB, p *domain.Project) *session.Session {
	tb.Helper()
	return sessiontest.Open(tb, "RACI Jürgen.lotse", p, persistence.OpenOptions{})
}

type fixture struct {
	t    *testing.T
	s    *session.Session
	w    fyne.Window
	ed   *Editor
	errs []error
}

func newFixture(t *testing.T, p *domain.Project) *fixture {
	t.Helper()
	test.NewTempApp(t)
	fx := &fixture{t: t, s: newSession(t, p)}
	fx.w = test.NewWindow(nil)
	fx.ed = New(fx.s, fx.w, func(err error) { fx.errs = append(fx.errs, err) })
	fx.w.SetContent(fx.ed.View())
	fx.w.Resize(fyne.NewSize(1400, 900))
	t.Cleanup(fx.w.Close)
	return fx
}

// small is a matrix of two roles and two activities of one process, all cells empty.
func small() *domain.Project {
	p := domain.NewProject("RACI", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	p.Roles = []domain.Role{{ID: 1, Name: "Service Desk", Party: domain.PartyProvider, SortOrder: 1},
		{ID: 2, Name: "Medienbeauftragte", Party: domain.PartySchool, SortOrder: 2}}
	p.RaciActivities = []domain.RaciActivity{{ID: 10, Process: "Störungsannahme", Name: "Störung melden", SortOrder: 1},
		{ID: 11, Process: "Störungsannahme", Name: "Ticket anlegen", SortOrder: 2}}
	return p
}

func (fx *fixture) codes() []string {
	var out []string
	for _, f := range fx.ed.Findings() {
		out = append(out, fmt.Sprintf("%s %s", f.Code[len("find.raci."):], f.Subject))
	}
	return out
}

func (fx *fixture) letter(act, role int64) string {
	return domain.IndexRaci(fx.s.Project.RaciAssignments)[domain.RaciCell{ActivityID: act, RoleID: role}]
}

// tapCell clicks the cell in the row that shows the activity and the column headed by the role,
// as a user finds it on screen.
func (fx *fixture) tapCell(activity, role string) {
	fx.t.Helper()
	var rowLabel *widget.Label
	var head *headerCell
	kittest.Walk(fx.ed.grid, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Text == activity && rowLabel == nil {
				rowLabel = x
			}
		case *headerCell:
			if squeeze(strings.Join(x.HeaderLines(), "")) == squeeze(role) && head == nil {
				head = x
			}
		}
	})
	if rowLabel == nil || head == nil {
		fx.t.Fatalf("no row %q or column %q on screen", activity, role)
	}
	d := fyne.CurrentApp().Driver()
	x := d.AbsolutePositionForObject(head).X + head.Size().Width/2
	y := d.AbsolutePositionForObject(rowLabel).Y + rowLabel.Size().Height/2
	test.TapCanvas(fx.w.Canvas(), fyne.NewPos(x, y))
}

// squeeze drops spaces and hyphens: a wrapped header compared with the role's name.
func squeeze(s string) string {
	return strings.NewReplacer(" ", "", "-", "").Replace(s)
}

// A user session: click cells, watch the checks beside the grid change, type letters, undo.
func TestCyclingCellsChangesTheFindings(t *testing.T) {
	fx := newFixture(t, small())
	want := []string{"activity_empty Störung melden", "activity_empty Ticket anlegen", "role_empty Service Desk", "role_empty Medienbeauftragte"}
	if got := fx.codes(); !slices.Equal(got, want) {
		t.Fatalf("empty matrix: %q, want %q", got, want)
	}
	fx.tapCell("Störung melden", "Service Desk")
	if got := fx.letter(10, 1); got != "R" {
		t.Fatalf("after one click the cell holds %q, want R", got)
	}
	want = []string{"no_accountable Störung melden", "activity_empty Ticket anlegen", "role_empty Medienbeauftragte"}
	if got := fx.codes(); !slices.Equal(got, want) {
		t.Errorf("after R: %q, want %q", got, want)
	}
	fx.tapCell("Störung melden", "Medienbeauftragte")
	fx.tapCell("Störung melden", "Medienbeauftragte") // R, then A
	if got := fx.letter(10, 2); got != "A" {
		t.Fatalf("after two clicks %q, want A", got)
	}
	want = []string{"activity_empty Ticket anlegen"}
	if got := fx.codes(); !slices.Equal(got, want) {
		t.Errorf("after A: %q, want %q", got, want)
	}
	if len(fx.errs) > 0 {
		t.Fatalf("errors: %v", fx.errs)
	}

	// Keyboard: arrow down to "Ticket anlegen", type a, move left, Enter twice (R, A): two A.
	fx.w.Canvas().Focus(fx.ed.grid)
	fx.ed.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if a, r := fx.ed.Focused(); a != 11 || r != 2 {
		t.Fatalf("focus after Down: activity %d role %d", a, r)
	}
	fx.ed.grid.TypedRune('a')
	fx.ed.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	fx.ed.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	fx.ed.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if fx.letter(11, 1) != "A" || fx.letter(11, 2) != "A" {
		t.Fatalf("cells %q %q, want A A", fx.letter(11, 1), fx.letter(11, 2))
	}
	want = []string{"many_accountable Ticket anlegen", "no_responsible Ticket anlegen"}
	if got := fx.codes(); !slices.Equal(got, want) {
		t.Errorf("two A: %q, want %q", got, want)
	}
	// Space cycles as well: A → C.
	fx.ed.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if got := fx.letter(11, 1); got != "C" {
		t.Errorf("after Space %q, want C", got)
	}
	fx.ed.grid.TypedRune('r')
	if got := fx.codes(); len(got) != 0 {
		t.Errorf("valid matrix still has findings: %q", got)
	}
	// Delete empties the cell; the stored file agrees with the screen.
	fx.ed.grid.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	stored, err := fx.s.File.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := domain.IndexRaci(stored.RaciAssignments)[domain.RaciCell{ActivityID: 11, RoleID: 1}]; got != "" {
		t.Errorf("file holds %q after Delete", got)
	}
	if err := fx.s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := fx.letter(11, 1); got != "R" {
		t.Errorf("undo gave %q, want R", got)
	}
	// The panel shows the findings as sentences, errors marked.
	fx.ed.grid.TypedRune('a')
	texts := fx.ed.find.Texts()
	if len(texts) != 2 {
		t.Fatalf("panel lists %q, want 2 findings", texts)
	}
	if got := texts[0]; got != "Fehler: "+lang.L(domain.FindRaciManyAccountable, map[string]any{"Subject": "Ticket anlegen"}) {
		t.Errorf("panel text %q", got)
	}
}

func TestRowsAndColumnsAddMoveRemove(t *testing.T) {
	fx := newFixture(t, small())
	fx.ed.FocusCell(11, 2)
	fx.ed.addActivity()
	acts := domain.SortedActivities(fx.s.Project.RaciActivities)
	if len(acts) != 3 || acts[2].Name != "Neue Tätigkeit" || acts[2].Process != "Störungsannahme" {
		t.Fatalf("activities after add: %+v", acts)
	}
	newID := acts[2].ID
	if a, _ := fx.ed.Focused(); a != newID {
		t.Errorf("focus on %d, want the new activity %d", a, newID)
	}
	// Rename it through the field below the grid.
	fx.ed.actName.SetText("Rückfrage an die Schule")
	fx.ed.actName.OnSubmitted(fx.ed.actName.Text)
	if got := domain.SortedActivities(fx.s.Project.RaciActivities)[2].Name; got != "Rückfrage an die Schule" {
		t.Errorf("renamed to %q", got)
	}
	fx.ed.moveRow(-1)
	if got := domain.SortedActivities(fx.s.Project.RaciActivities)[1].ID; got != newID {
		t.Errorf("after moving up the second row is %d, want %d", got, newID)
	}
	// A new process through the field makes a second group heading.
	fx.ed.process.SetText("Eskalation")
	fx.ed.process.OnSubmitted("Eskalation")
	// The moved activity sits between the two others: its new process is a group of its own.
	if len(fx.ed.rows) != 6 || fx.ed.rows[2].act >= 0 || fx.ed.rows[2].process != "Eskalation" {
		t.Errorf("rows %+v: no heading for the new process", fx.ed.rows)
	}

	fx.ed.addRole()
	roles := domain.SortedRoles(fx.s.Project.Roles)
	if len(roles) != 3 || roles[2].Name != "Neue Rolle" {
		t.Fatalf("roles after add: %+v", roles)
	}
	if _, r := fx.ed.Focused(); r != roles[2].ID {
		t.Errorf("focus on role %d, want %d", r, roles[2].ID)
	}
	fx.ed.roleName.SetText("Schulträger")
	fx.ed.roleName.OnSubmitted("Schulträger")
	fx.ed.party.SetSelectedIndex(0)
	if r := fx.s.Project.RoleByID(roles[2].ID); r.Name != "Schulträger" || r.Party != domain.PartyCarrier {
		t.Errorf("role %+v", r)
	}
	fx.ed.moveColumn(-1)
	if got := domain.SortedRoles(fx.s.Project.Roles)[1].ID; got != roles[2].ID {
		t.Errorf("after moving left the second column is %d", got)
	}
	fx.ed.setFocused("R")
	fx.ed.deleteRole()
	if len(fx.s.Project.Roles) != 2 || len(fx.s.Project.RaciAssignments) != 0 {
		t.Errorf("delete column left %d roles, %d cells", len(fx.s.Project.Roles), len(fx.s.Project.RaciAssignments))
	}
	fx.ed.FocusCell(newID, 0)
	fx.ed.deleteActivity()
	if len(fx.s.Project.RaciActivities) != 2 {
		t.Errorf("delete row left %d activities", len(fx.s.Project.RaciActivities))
	}
	if len(fx.errs) > 0 {
		t.Fatalf("errors: %v", fx.errs)
	}
	// An empty name is refused with a message, and the field shows the stored name again.
	fx.ed.FocusCell(10, 0)
	fx.ed.actName.SetText("  ")
	fx.ed.actName.OnSubmitted("  ")
	if len(fx.errs) != 1 || fx.ed.actName.Text != "Störung melden" {
		t.Errorf("errors %v, field %q", fx.errs, fx.ed.actName.Text)
	}
}

func TestTemplateAndJump(t *testing.T) {
	fx := newFixture(t, domain.NewProject("leer", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)))
	fx.ed.insertTemplate()
	if len(fx.s.Project.RaciActivities) != len(domain.RaciTemplate) || len(fx.ed.Findings()) != 0 {
		t.Fatalf("template: %d activities, findings %q", len(fx.s.Project.RaciActivities), fx.codes())
	}
	if got := fx.ed.rows[0].process; got != "Störungsannahme" {
		t.Errorf("first heading %q", got)
	}
	// Empty a column: the role becomes a warning; the panel jumps to its column.
	desk := fx.s.Project.Roles[4]
	for _, a := range fx.s.Project.RaciActivities {
		if err := fx.s.SetRaciLetter(a.ID, desk.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	var f domain.Finding
	for _, x := range fx.ed.Findings() {
		if x.Code == domain.FindRaciRoleEmpty {
			f = x
		}
	}
	if f.EntityID != desk.ID {
		t.Fatalf("findings %q", fx.codes())
	}
	(&kittest.Fixture{T: t, W: fx.w}).TapLabel(fx.ed.find.Content, FindingText(f))
	if _, r := fx.ed.Focused(); r != desk.ID {
		t.Errorf("jump focused role %d, want %d", r, desk.ID)
	}
}

// landkreis is a matrix of the size DESIGN.md names: 80 activities × 25 roles, every cell
// filled.
func landkreis() *domain.Project {
	p := domain.NewProject("Landkreis", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	for r := 0; r < 25; r++ {
		p.Roles = append(p.Roles, domain.Role{ID: int64(r + 1), Name: fmt.Sprintf("Rolle %02d mit längerem Namen", r+1), Party: domain.Parties[r%4], SortOrder: r + 1})
	}
	for a := 0; a < 80; a++ {
		p.RaciActivities = append(p.RaciActivities, domain.RaciActivity{ID: int64(a + 1), Process: fmt.Sprintf("Prozess %d", a/8+1),
			Name: fmt.Sprintf("Tätigkeit %02d: etwas für die Schulen erledigen", a+1), SortOrder: a + 1})
		for r := 0; r < 25; r++ {
			p.RaciAssignments = append(p.RaciAssignments, domain.RaciAssignment{ActivityID: int64(a + 1), RoleID: int64(r + 1),
				Letter: domain.RaciLetters[(a+r)%4]})
		}
	}
	return p
}

// BenchmarkRaciGrid80x25 measures the editor on an 80 × 25 matrix: "refresh" derives rows,
// letters and checks and redraws the visible cells (what every change costs the screen);
// "cycle" is one click on a cell through to the file and back; "scroll" redraws a screenful
// after scrolling; "paint" renders the whole window.
func BenchmarkRaciGrid80x25(b *testing.B) {
	test.NewTempApp(b)
	s := newSession(b, landkreis())
	w := test.NewWindow(nil)
	defer w.Close()
	ed := New(s, w, func(err error) { b.Fatal(err) })
	w.SetContent(ed.View())
	w.Resize(fyne.NewSize(1400, 900))

	b.Run("refresh", func(b *testing.B) {
		for b.Loop() {
			ed.refresh()
		}
	})
	b.Run("cycle", func(b *testing.B) {
		ed.FocusCell(40, 12)
		for b.Loop() {
			ed.cycleFocused()
		}
	})
	b.Run("scroll", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i = (i + 20) % 80
			ed.grid.ScrollTo(widget.TableCellID{Row: i, Col: (i / 4) % 25})
		}
	})
	b.Run("paint", func(b *testing.B) {
		for b.Loop() {
			w.Canvas().Capture()
		}
	})
}
