package resources

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit/kittest"
)

type sourcingFixture struct {
	*kittest.Fixture
	ed *sourcingEditor
}

func newSourcingFixture(t *testing.T, p *domain.Project) *sourcingFixture {
	t.Helper()
	fx := &sourcingFixture{Fixture: kittest.NewFixture(t, p)}
	fx.ed = NewSourcingEditor(fx.Ctx)
	fx.Show(fx.ed.View)
	kittest.PinDay(t, domain.NewDate(2026, time.November, 12))
	return fx
}

func (fx *sourcingFixture) decision(pkg int64) *domain.SourcingDecision {
	fx.T.Helper()
	p, err := fx.S.File.Load()
	if err != nil {
		fx.T.Fatal(err)
	}
	return p.DecisionFor(pkg)
}

// The steering group assesses User-Management, sees the matrix suggest "gemischt", decides
// "extern" anyway with its reasons, and the suggestion does not overrule it.
func TestSourcingDecisionSession(t *testing.T) {
	fx := newSourcingFixture(t, resourceProject())
	ed := fx.ed
	if ed.pkg != 1 || ed.title.Text != "User-Management" {
		t.Fatalf("first package not shown: %d %q", ed.pkg, ed.title.Text)
	}
	if q := ed.questions.Texts(); len(q) != 2 || !strings.Contains(q[0], "„User-Management“: noch nicht entschieden") {
		t.Fatalf("questions %q", q)
	}

	// Outsourcing risk 4, 3, 2 → 3,0; budget for own staff 2, project risk 4 (→ 2): strength 2,0.
	ed.scores["risk_data_protection"].SetSelectedIndex(4)
	ed.scores["risk_security"].SetSelectedIndex(3)
	ed.scores["risk_outage"].SetSelectedIndex(2)
	ed.scores["project_risk"].SetSelectedIndex(4)
	ed.scores["budget_internal"].SetSelectedIndex(2)
	ed.scores["importance_users"].SetSelectedIndex(5)
	fx.TypeInto(ed.notes[domain.GroupOutsourcingRisk], "Schülerdaten im Identitätsmanagement")
	fx.NoErrors()
	d := fx.decision(1)
	if d == nil || d.RiskDataProtection != 4 || d.RiskSecurity != 3 || d.RiskOutage != 2 || d.ProjectRisk != 4 || d.BudgetInternal != 2 ||
		d.Notes[domain.GroupOutsourcingRisk] != "Schülerdaten im Identitätsmanagement" || d.Outcome != domain.OutcomeOpen {
		t.Fatalf("stored %+v", d)
	}
	if !strings.Contains(ed.result.Text, "Risiko einer Auslagerung 3 ") || !strings.Contains(ed.result.Text, "Stärke der internen Lösung 2 ") {
		t.Errorf("result %q", ed.result.Text)
	}
	if !strings.HasPrefix(ed.suggestion.Text, "Vorschlag: gemischt.") || ed.adopt.Disabled() {
		t.Errorf("suggestion %q, adopt disabled %v", ed.suggestion.Text, ed.adopt.Disabled())
	}
	if row := ed.table.Rows[0]; row[1] != "gemischt" || row[2] != "offen" {
		t.Errorf("row %q", row)
	}

	// The decision: extern, by the Steuerungsgruppe, with reasons. The date is today's.
	ed.tabs.Select(ed.tabDecide)
	ed.outcome.SetSelected("extern")
	fx.TypeInto(ed.decidedBy, "Steuerungsgruppe")
	fx.TypeInto(ed.rationale, "Kein eigenes Personal für die Nutzerverwaltung;\nDatenschutz über AV-Vertrag geregelt")
	fx.NoErrors()
	d = fx.decision(1)
	if d.Outcome != domain.OutcomeExternal || d.DecidedBy != "Steuerungsgruppe" || d.DecidedOn == nil || d.DecidedOn.String() != "2026-11-12" ||
		!strings.Contains(d.Rationale, "AV-Vertrag") {
		t.Fatalf("decision %+v", d)
	}
	// The suggestion stays what it was, and says that the decision stands.
	if row := ed.table.Rows[0]; row[1] != "gemischt" || row[2] != "extern" {
		t.Errorf("row after deciding %q", row)
	}
	if !strings.Contains(ed.suggestion.Text, "Festgehalten ist „extern“") {
		t.Errorf("suggestion %q", ed.suggestion.Text)
	}

	// A date in the wrong format is refused in German; the stored one stays.
	fx.TypeInto(ed.decidedOn, "12.11.2026")
	if len(fx.Errs) != 1 || !strings.Contains(fx.Errs[0].Error(), "12.11.2026") || ed.decidedOn.Text != "2026-11-12" {
		t.Fatalf("bad date: %v, field %q", fx.Errs, ed.decidedOn.Text)
	}
	fx.Errs = nil
	fx.TypeInto(ed.decidedOn, "2026-11-10")
	if d = fx.decision(1); d.DecidedOn.String() != "2026-11-10" {
		t.Errorf("date %v", d.DecidedOn)
	}
	if q := ed.questions.Texts(); len(q) != 1 || !strings.Contains(q[0], "„Software“") {
		t.Errorf("questions after deciding %q", q)
	}

	// Software: no risk, no budget → the matrix says extern; the user takes it over by a tap.
	ed.pick(2)
	ed.tabs.Select(ed.tabScores)
	ed.scores["risk_outage"].SetSelectedIndex(1)
	ed.scores["budget_internal"].SetSelectedIndex(1)
	if !strings.HasPrefix(ed.suggestion.Text, "Vorschlag: extern.") {
		t.Fatalf("Software suggestion %q", ed.suggestion.Text)
	}
	if fx.decision(2).Outcome != domain.OutcomeOpen {
		t.Fatal("a suggestion was recorded without the user")
	}
	test.Tap(ed.adopt)
	if d = fx.decision(2); d.Outcome != domain.OutcomeExternal || d.DecidedOn.String() != "2026-11-12" {
		t.Fatalf("adopted %+v", d)
	}
	if !ed.adopt.Disabled() {
		t.Error("adopt stays enabled once the decision equals the suggestion")
	}
	// Undo takes the adoption back.
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if d = fx.decision(2); d.Outcome != domain.OutcomeOpen || ed.outcome.Selected != "offen" {
		t.Errorf("after undo %+v, radio %q", d, ed.outcome.Selected)
	}

	// The matrix draws on its tab.
	ed.tabs.Select(ed.tabChart)
	if ed.chart.Resource == nil || len(ed.points) != 2 {
		t.Errorf("matrix: resource %v, %d points", ed.chart.Resource, len(ed.points))
	}
}

// Make-or-buy criteria with weights move the strength of the in-house option.
func TestSourcingCriteria(t *testing.T) {
	fx := newSourcingFixture(t, resourceProject())
	ed := fx.ed
	ed.tabs.Select(ed.tabCriteria)
	if ed.weights["competence"].Entry.Text != "1" {
		t.Fatalf("default weight %q", ed.weights["competence"].Entry.Text)
	}
	// Kompetenz 5 with weight 3, Effizienz 2 with weight 1: (15 + 2) / 4 = 4,25.
	ed.criteria["competence"].SetSelectedIndex(5)
	fx.TypeInto(ed.weights["competence"].Entry, "3")
	ed.criteria["efficiency"].SetSelectedIndex(2)
	fx.NoErrors()
	d := fx.decision(1)
	if d.CriteriaScores["competence"] != 5 || d.CriteriaWeights["competence"] != 3 || d.CriteriaScores["efficiency"] != 2 {
		t.Fatalf("stored %+v %+v", d.CriteriaScores, d.CriteriaWeights)
	}
	if ed.makeOrBuy.Text != "Make-or-Buy-Wert: 4,25 (gewichteter Mittelwert der bewerteten Kriterien)" {
		t.Errorf("make-or-buy %q", ed.makeOrBuy.Text)
	}
	fx.TypeInto(ed.weights["quality"].Entry, "-1")
	if len(fx.Errs) != 1 || !kittest.IsErr(fx.Errs, domain.ErrSourcingWeight) || ed.weights["quality"].Entry.Text != "1" {
		t.Errorf("negative weight: %v, field %q", fx.Errs, ed.weights["quality"].Entry.Text)
	}
}

func TestSourcingWithoutPackagesSaysWhere(t *testing.T) {
	p := resourceProject()
	p.Packages = nil
	for i := range p.Tasks {
		p.Tasks[i].PackageID = nil
	}
	fx := newSourcingFixture(t, p)
	if q := fx.ed.questions.Texts(); len(q) != 1 || !strings.Contains(q[0], "Schritt 3") {
		t.Errorf("questions %q", q)
	}
	if !fx.ed.outcome.Disabled() || fx.ed.title.Text != "Wählen Sie links ein Aufgabenpaket." {
		t.Errorf("form must be inactive without a package")
	}
}
