package operation

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// fixture is a user's session with the step-10 or step-11 editor on the software driver.
type fixture struct{ *kittest.Fixture }

func newFixture(t *testing.T, p *domain.Project) *fixture {
	t.Helper()
	return &fixture{kittest.NewFixture(t, p)}
}

// typeRefused types text into e and wants it refused: one error, whose message holds says, and
// the stored text kept in the field.
func (fx *fixture) typeRefused(e *kit.CommitEntry, text, kept, says string) {
	fx.T.Helper()
	fx.TypeInto(e, text)
	if errs := fx.TakeErrors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), says) || e.Text != kept {
		fx.T.Errorf("%q typed: errors %v, field %q", text, errs, e.Text)
	}
}

func emptyProject() *domain.Project {
	return domain.NewProject("Struktur", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
}

func (fx *fixture) roleNamed(name string) *domain.Role {
	fx.T.Helper()
	return kittest.Named(fx.T, "role", fx.S.Project.Roles, func(r *domain.Role) string { return r.Name }, name)
}

// A session through the four tabs besides the RACI grid: roles from the template, people named,
// the communication rows with a renamed role, escalation, a Jour fixe.
func TestStructureEditorSession(t *testing.T) {
	fx := newFixture(t, emptyProject())
	ed := NewStructureEditor(fx.Ctx)
	fx.Show(ed.View)

	// Roles: all suggested roles, then a person for the media officer.
	if n := len(ed.role.missingTemplateRoles()); n != len(domain.RoleTemplates) {
		t.Fatalf("%d template roles offered", n)
	}
	if err := ed.role.addTemplateRoles([]string{domain.TplRoleMedia, domain.TplRoleServiceDesk, domain.TplRoleCarrierIT}); err != nil {
		t.Fatal(err)
	}
	if got := len(fx.S.Project.Roles); got != 3 {
		t.Fatalf("%d roles after adding three", got)
	}
	if n := len(ed.role.missingTemplateRoles()); n != len(domain.RoleTemplates)-3 {
		t.Errorf("%d template roles still offered", n)
	}
	media := fx.roleNamed("Medienbeauftragte:r")
	ed.role.pick(media.ID)
	fx.TypeInto(ed.role.persons, "Petra Kaya")
	fx.NoErrors()
	if got := fx.Stored().RoleByID(media.ID).Persons; got != "Petra Kaya" {
		t.Errorf("stored persons %q", got)
	}
	if got := ed.role.findings.Items; len(got) != 2 { // the other two roles have nobody yet
		t.Errorf("role questions %v", got)
	}

	// Communication: the seed's rows; the incidents row names the media officer.
	ed.comm.insertTemplate()
	fx.NoErrors()
	if len(fx.S.Project.CommunicationRows) != 6 {
		t.Fatalf("%d rows", len(fx.S.Project.CommunicationRows))
	}
	if text, _ := ed.comm.cell(0, 1); text != "Medienbeauftragte:r" {
		t.Errorf("incidents row shows %q", text)
	}
	// Renaming the role in the roles tab changes the communication matrix at once.
	ed.role.pick(media.ID)
	fx.TypeInto(ed.role.name, "Medienkoordination")
	if text, _ := ed.comm.cell(0, 1); text != "Medienkoordination" {
		t.Errorf("after the rename the row shows %q", text)
	}
	// Pick another contact for the first row.
	first := domain.SortedCommunication(fx.S.Project.CommunicationRows)[0]
	ed.comm.pick(first.ID)
	desk := fx.roleNamed("Service Desk")
	for i, id := range ed.comm.customer.ids {
		if id == desk.ID {
			ed.comm.customer.sel.SetSelectedIndex(i)
		}
	}
	if got := fx.Stored().CommunicationRows[0].CustomerRoleID; got == nil || *got != desk.ID {
		t.Errorf("customer contact %v, want %d", got, desk.ID)
	}
	ed.comm.customer.sel.SetSelectedIndex(0) // nobody
	if got := fx.S.Project.CommunicationRows[0].CustomerRoleID; got != nil {
		t.Errorf("customer contact %v, want none", *got)
	}
	if !hasFinding(ed.comm.findings.Items, domain.FindCommNoCustomer) {
		t.Error("no question about the missing contact")
	}
	fx.NoErrors()

	// Escalation: the template's three levels; a bad number is refused and shown again.
	ed.esc.insertTemplate()
	if len(fx.S.Project.EscalationLevels) != 3 {
		t.Fatalf("%d levels", len(fx.S.Project.EscalationLevels))
	}
	lvl := domain.SortedEscalation(fx.S.Project.EscalationLevels)[1]
	ed.esc.pick(lvl.ID)
	fx.TypeInto(ed.esc.hours, "12")
	if got := fx.Stored().EscalationLevels[1].ReactionHours; got != 12 {
		t.Errorf("reaction hours %d", got)
	}
	fx.typeRefused(ed.esc.hours, "zwölf", "12", "zwölf")

	// Meetings: a Jour fixe from the template, next dates from a pinned day.
	kittest.PinDay(t, domain.NewDate(2027, 1, 1))
	ed.meet.addFromTemplate(domain.MeetingTemplates[0])
	fx.NoErrors()
	m := fx.S.Project.Meetings[0]
	// 2027-01-01 is a Friday: the first Tuesday a week later is 12 January, the 2nd Tuesday.
	if m.FirstDate.String() != "2027-01-12" || !domain.MeetingRules(fx.S.Project)[m.ID].Monthly {
		t.Fatalf("meeting %+v", m)
	}
	if got := ed.meet.nextLabel.Text; !strings.Contains(got, "Di 12.01.2027 · Di 09.02.2027 · Di 09.03.2027") {
		t.Errorf("next dates %q", got)
	}
	ed.meet.cadence.SetSelectedIndex(1) // weekly
	if m := fx.S.Project.Meetings[0]; m.CadenceDays != 7 || domain.MeetingRules(fx.S.Project)[m.ID].Monthly {
		t.Errorf("after weekly: %+v, rule %+v", m, domain.MeetingRules(fx.S.Project)[m.ID])
	}
	if text, _ := ed.meet.cell(0, 1); text != "wöchentlich" {
		t.Errorf("cadence shown %q", text)
	}
	fx.NoErrors()

	// Undo through the session brings back monthly.
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if text, _ := ed.meet.cell(0, 1); text != "monatlich (gleicher Wochentag)" {
		t.Errorf("after undo %q", text)
	}
}

func hasFinding(fs []domain.Finding, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// The RACI tab of the real editor: the template and a click on a cell through the table.
func TestStructureEditorRaciTab(t *testing.T) {
	fx := newFixture(t, emptyProject())
	ed := NewStructureEditor(fx.Ctx)
	fx.Show(ed.View)
	ed.showTab(2)
	if ed.tabs.Selected().Text != "RACI-Matrix" {
		t.Fatalf("tab %q", ed.tabs.Selected().Text)
	}
	tpl := domain.BuildStructureTemplate(fx.S.Project, domain.TemplateParts{Roles: true, Raci: true}, key)
	if err := fx.S.ApplyStructureTemplate(tpl); err != nil {
		t.Fatal(err)
	}
	if n := len(ed.raci.Findings()); n != 0 {
		t.Fatalf("template has %d findings", n)
	}
	// The roles tab lists what the template added, in the same order as the grid's columns.
	if len(ed.role.items) != len(domain.RoleTemplates) || ed.role.items[0].Name != "IT-Koordination Schulträger" {
		t.Errorf("roles tab %+v", ed.role.items)
	}
	// An edit anywhere in the session shows in the grid's checks at once.
	first := tpl.Activities[0].ID
	for _, c := range tpl.Assignments {
		if c.ActivityID == first && c.Letter == domain.RaciAccountable {
			if err := fx.S.SetRaciLetter(c.ActivityID, c.RoleID, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	if fs := ed.raci.Findings(); len(fs) != 1 || fs[0].Code != domain.FindRaciNoAccountable || fs[0].EntityID != first {
		t.Errorf("findings %+v", fs)
	}
	fx.NoErrors()
}

func TestStructureEditorReadOnly(t *testing.T) {
	p := emptyProject()
	p.Roles = []domain.Role{{ID: 1, Name: "Service Desk", Party: domain.PartyProvider, SortOrder: 1}}
	test.NewTempApp(t)
	s := kittest.ReopenReadOnly(t, kittest.OpenProject(t, p))
	w := test.NewWindow(nil)
	defer w.Close()
	var errs []error
	ed := NewStructureEditor(&kit.Context{Session: s, Window: w, ShowError: func(err error) { errs = append(errs, err) }})
	w.SetContent(ed.View)
	ed.role.pick(1)
	if !ed.role.name.Disabled() {
		t.Error("the role's name can be edited in a read-only project")
	}
	for _, b := range ed.role.btns {
		if !b.Disabled() {
			t.Errorf("button %q is enabled in a read-only project", b.Text)
		}
	}
}
