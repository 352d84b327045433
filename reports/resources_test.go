package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
)

// resourcesProject: the seed's rows in Niedersachsen, planning year 2027 (Jahresarbeitszeit
// (261 − 5 − 30 − 10) × 7,8 h = 1.684,8 h), surcharges 10 + 5 + 5 = 20 %, two packages, one pay
// group, prices and two decisions.
//
//	User-Management: IServ-Nutzer 2 + MDM-Updates 2 = 4 h/Monat = 48 h/Jahr → 57,6 h → 0,03 VZÄ
//	  in-house 57,6 h × 68,66 € = 3.954,82 €; external 48 h × 85 € = 4.080 €
//	Vor-Ort-Support: Erstlöseversuche 4 + Tablets 10 = 14 h/Monat = 168 h/Jahr → 201,6 h
//	  in-house 201,6 h × 68,66 € = 13.841,86 €; external 900 € × 12 = 10.800 €
//	total 18 h/Monat = 216 h/Jahr → 259,2 h ÷ 1.684,8 h = 0,15 VZÄ
func resourcesProject() *domain.Project {
	p := seedProject()
	p.Resource.TravelPercent, p.Resource.DocumentationPct = 5, 5
	um, vo := int64(1), int64(2)
	p.Packages = []domain.Package{
		{ID: 1, Name: "User-Management", SortOrder: 1, ExternalHourlyRate: 85},
		{ID: 2, Name: "Vor-Ort-Support", SortOrder: 2, ExternalMonthlyFee: 900},
	}
	p.Tasks[0].PackageID, p.Tasks[2].PackageID = &um, &um
	p.Tasks[1].PackageID, p.Tasks[3].PackageID = &vo, &vo
	p.Tasks[3].NewResponsible, p.Tasks[3].Coverage = domain.ExternalProvider, domain.CoverageAssign
	p.PayGroups = []domain.PayGroup{{ID: 1, Name: "Gehobener Dienst (E 9b – E 12)", HourlyRate: 68.66,
		Source: domain.ExampleSourcePrefix + ": AGebV Anlage 1 Teil A (BGBl. I 2017 S. 1701)", SourceYear: 2017}}
	p.Resource.DefaultPayGroupID = 1
	day := domain.NewDate(2026, 11, 12)
	p.Decisions = []domain.SourcingDecision{
		{ID: 1, PackageID: 1, RiskDataProtection: 4, RiskSecurity: 3, RiskOutage: 2, ProjectRisk: 2, BudgetInternal: 4,
			ImportanceUsers: 5, ImportanceCarrier: 4, Outcome: domain.OutcomeInternal, DecidedBy: "Steuerungsgruppe", DecidedOn: &day,
			Rationale: "Schülerdaten bleiben im Haus", Notes: map[string]string{domain.GroupOutsourcingRisk: "Identitäten aller Lernenden"}},
		{ID: 2, PackageID: 2, RiskOutage: 2, BudgetInternal: 1, BudgetExternal: 4, Outcome: domain.OutcomeExternal,
			CriteriaScores: map[string]float64{"availability": 1}, CriteriaWeights: map[string]float64{"availability": 2}},
	}
	return p
}

func TestResourcesAndSourcingSections(t *testing.T) {
	path, _ := writeReport(t, resourcesProject())
	text := pdftest.AllText(t, path)
	pdftest.HasAll(t, "report", text, []string{
		"Ressourcen planen",
		"(261 − 5 − 30 − 10) Tage × 7,8 h = 1.684,8 h",
		"39 h (Standard 39 h)",
		"10 % + 5 % + 5 % = 20 % → Faktor 1,2",
		"18 h/Monat × 12 = 216 h/Jahr × 1,2 = 259,2 h ÷ 1.684,8 h Jahresarbeitszeit = 0,15 VZÄ",
		"3.954,82 €", "4.080 €", "13.841,86 €", "10.800 €",
		"Beispielwert: AGebV Anlage 1 Teil A",
		"Sourcing-Entscheidung",
		"Steuerungsgruppe", "12.11.2026", "Schülerdaten bleiben im Haus",
		"Identitäten aller Lernenden",
		"Verfügbarkeit 1 (Gewicht 2)",
		"„Vor-Ort-Support“: Die Begründung der Entscheidung fehlt.",
	})
	if m := regexp.MustCompile(`\b(res|src|reports)\.[a-z_]+\.[a-z_.]+`).FindString(text); m != "" {
		t.Errorf("untranslated key %q", m)
	}
	// Both charts are embedded as images.
	out, err := exec.Command(pdftest.NeedTool(t, "pdfimages"), "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(out), "image"); n < 2 {
		t.Errorf("expected the cost chart and the matrix, pdfimages lists:\n%s", out)
	}
	if dir := os.Getenv("REPORT_OUT"); dir != "" {
		data, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(dir, "bericht.pdf"), data, 0o644)
	}
}

func TestResourcesSectionInEnglish(t *testing.T) {
	assets.SetupLanguage(assets.English)
	defer assets.SetupLanguage(assets.German)
	path, _ := writeReport(t, resourcesProject())
	text := pdftest.AllText(t, path)
	pdftest.HasAll(t, "English report", text, []string{"(261 − 5 − 30 − 10) days × 7.8 h = 1,684.8 h", "3,954.82 €", "Decisions"})
	if m := regexp.MustCompile(`\b(res|src|reports)\.[a-z_]+\.[a-z_.]+`).FindString(text); m != "" {
		t.Errorf("untranslated key %q", m)
	}
}

// Without packages the sourcing section stays out and step 5 shows the demand per person only.
func TestResourcesWithoutPackages(t *testing.T) {
	p := seedProject()
	path, _ := writeReport(t, p)
	if text := pdftest.AllText(t, path); strings.Contains(text, "Ressourcen planen") {
		t.Error("step 5 is in the report although nobody worked on it")
	}
	p.Resource.TravelPercent = 5
	path, _ = writeReport(t, p)
	text := pdftest.AllText(t, path)
	if !strings.Contains(text, "Person/Gruppe heute") || strings.Contains(text, "Bewertung je Paket") {
		t.Errorf("step 5 without packages or step 6 present")
	}
	if !strings.Contains(text, "Noch keine Entgeltgruppe angelegt") {
		t.Error("missing pay groups are not said")
	}
}
