package operation

import (
	"bytes"
	"image/png"
	"testing"

	"fyne.io/fyne/v2/widget"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/kit/kittest"
)

func pinKickoffToday(t *testing.T, d domain.Date) {
	kittest.PinDay(t, d)
}

func TestKickoffEditorSession(t *testing.T) {
	pinKickoffToday(t, domain.NewDate(2027, 1, 15))
	p := emptyProject()
	p.Meta.Schultraeger = "Stadt Musterstadt"
	p.Roles = []domain.Role{
		{ID: 1, Name: "IT-Koordination", Party: domain.PartyCarrier, Persons: "Anna Berger", SortOrder: 1},
		{ID: 2, Name: "Service Desk", Party: domain.PartyProvider, SortOrder: 2},
		{ID: 3, Name: "Serviceverantwortliche:r", Party: domain.PartyProvider, Persons: "Maren Ohlsen", SortOrder: 3},
	}
	fx := newFixture(t, p)
	ed := NewKickoffEditor(fx.Ctx)
	fx.Show(ed.View)

	// The meeting: a date typed, a wrong date refused, a place.
	fx.TypeInto(ed.date, "2026-12-08")
	fx.TypeInto(ed.place, "Rathaus")
	fx.NoErrors()
	if k := fx.Stored().Kickoff; k.Date == nil || k.Date.String() != "2026-12-08" || k.Place != "Rathaus" {
		t.Fatalf("kickoff %+v", k)
	}
	fx.typeRefused(ed.date, "8.12.", "2026-12-08", "")

	// People: from the roles that name somebody, then one typed in.
	ed.peopleFromRoles()
	want := []domain.Participant{
		{Name: "Anna Berger", Organisation: "Stadt Musterstadt", Role: "IT-Koordination"},
		{Name: "Maren Ohlsen", Organisation: "Dienstleister", Role: "Serviceverantwortliche:r"},
	}
	got := fx.S.Project.Kickoff.Participants
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("participants %+v", got)
	}
	ed.peopleFromRoles() // nobody twice
	if len(fx.S.Project.Kickoff.Participants) != 2 {
		t.Errorf("%d participants after taking the roles again", len(fx.S.Project.Kickoff.Participants))
	}
	ed.addPerson()
	fx.TypeInto(ed.pName, "Jens Wübbena")
	fx.TypeInto(ed.pOrg, "IGS Musterstadt")
	if got := fx.Stored().Kickoff.Participants; len(got) != 3 || got[2].Name != "Jens Wübbena" || got[2].Organisation != "IGS Musterstadt" {
		t.Errorf("participants %+v", got)
	}
	fx.typeRefused(ed.pName, "", "Jens Wübbena", "") // a participant without a name
	ed.proposeAgenda()
	if ag := fx.S.Project.Kickoff.Agenda; len(ag) < 50 || ed.agenda.Text != ag {
		t.Errorf("agenda %q, field %q", ag, ed.agenda.Text)
	}

	// Milestones: the template plan from the kickoff day; on 15 January 2027 the contract
	// (8 November, not signed yet) and the handover (8 January) are overdue. The kickoff
	// milestone mirrors the kickoff recorded above (8 December) and is reached.
	ed.milestoneTemplate()
	fx.NoErrors()
	if n := len(fx.S.Project.Milestones); n != len(domain.MilestoneTemplates) {
		t.Fatalf("%d milestones", n)
	}
	if ed.ms[0].Name != "Vertrag unterzeichnet" || ed.ms[0].Due.String() != "2026-11-08" {
		t.Errorf("first milestone %+v", ed.ms[0])
	}
	if text, imp := ed.milestoneCell(0, 3); text != "überfällig" || imp != widget.DangerImportance {
		t.Errorf("status cell %q %v", text, imp)
	}
	if text, imp := ed.milestoneCell(1, 3); text != "erreicht (Schritt 10)" || imp != widget.SuccessImportance {
		t.Errorf("kickoff status cell %q %v", text, imp)
	}
	if got := ed.msSummary.Text; got != "9 Meilensteine · 1 erreicht · 2 überfällig" {
		t.Errorf("summary %q", got)
	}
	// The contract's status follows step 9, so its select cannot be changed here.
	ed.pickMilestone(ed.ms[0].ID)
	if !ed.mStatus.Disabled() {
		t.Error("the status of a mirrored milestone is editable")
	}
	// Mark the handover reached: no longer red.
	ed.pickMilestone(ed.ms[2].ID)
	if ed.mStatus.Disabled() {
		t.Error("the status of the handover is not editable")
	}
	ed.mStatus.SetSelectedIndex(2)
	if text, imp := ed.milestoneCell(2, 3); text != "erreicht" || imp != widget.SuccessImportance {
		t.Errorf("status cell after done %q %v", text, imp)
	}
	if got := ed.msSummary.Text; got != "9 Meilensteine · 2 erreicht · 1 überfällig" {
		t.Errorf("summary %q", got)
	}
	// Recording the signature in step 9 reaches the contract milestone.
	signed := domain.NewDate(2026, 11, 5)
	c := fx.S.Project.Contract
	c.SignedOn = &signed
	if err := fx.S.SetContract(c); err != nil {
		t.Fatal(err)
	}
	if text, _ := ed.milestoneCell(0, 3); text != "erreicht (Schritt 9)" {
		t.Errorf("contract status cell %q", text)
	}
	if got := ed.msSummary.Text; got != "9 Meilensteine · 3 erreicht · 0 überfällig" {
		t.Errorf("summary %q", got)
	}
	// The timeline is drawn and has one row per dated milestone.
	b := ed.timelinePNG()
	if len(b) == 0 {
		t.Fatal("no timeline")
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dy() < 300 {
		t.Errorf("timeline %v too small for nine rows", img.Bounds())
	}
	// A milestone without a date leaves the chart but stays in the table with a question.
	ed.pickMilestone(ed.ms[8].ID)
	fx.TypeInto(ed.mDue, "")
	if len(datedNames(ed)) != 8 {
		t.Errorf("%d chart items", len(datedNames(ed)))
	}
	if !hasFinding(ed.findings.Items, domain.FindMilestoneNoDue) {
		t.Error("no question about the missing date")
	}
	fx.NoErrors()
}

func datedNames(ed *kickoffEditor) []string {
	var out []string
	for _, m := range ed.ms {
		if m.Due != nil {
			out = append(out, m.Name)
		}
	}
	return out
}

// Both editors load their fields before the shell shows them; on the sample every field holds
// a value, which once crashed an entry that had no renderer yet.
func TestStepTenAndElevenOpenOnTheSample(t *testing.T) {
	p, err := persistence.ParseJSON(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	fx := newFixture(t, p)
	k := NewKickoffEditor(fx.Ctx)
	s := NewStructureEditor(fx.Ctx)
	if k.date.Text != "2026-12-08" || len(k.ms) != 9 {
		t.Errorf("kickoff editor shows %q and %d milestones", k.date.Text, len(k.ms))
	}
	if len(s.role.items) != 10 || len(s.raci.Findings()) != 1 {
		t.Errorf("structure editor: %d roles, %d findings", len(s.role.items), len(s.raci.Findings()))
	}
	fx.Show(k.View)
	fx.Show(s.View)
}
