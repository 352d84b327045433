package reports

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
)

// glanceProject is the board project with external prices, three of four packages decided,
// a contract over 36 months and one pay group that is still an example.
func glanceProject() *domain.Project {
	p := boardSeedProject()
	pk14 := int64(14)
	p.Tasks[4].PackageID = &pk14 // "Drucker warten" (2 h/month) joins Hardware-Wartung
	p.PackageByID(11).ExternalMonthlyFee = 1000
	p.PackageByID(12).ExternalHourlyRate = 60
	p.PackageByID(13).ExternalMonthlyFee = 100
	p.PackageByID(14).ExternalHourlyRate = 50
	p.Decisions = []domain.SourcingDecision{
		{ID: 1, PackageID: 11, Outcome: domain.OutcomeExternal},
		{ID: 2, PackageID: 12, Outcome: domain.OutcomeMixed},
		{ID: 4, PackageID: 14, Outcome: domain.OutcomeInternal},
	}
	start := domain.NewDate(2027, 1, 1)
	p.Contract = domain.Contract{Provider: "Nordlicht IT", Type: domain.ContractEVBService, Start: &start, TermMonths: 36, NoticeMonths: 3, AfterTerm: domain.AfterTermOpen}
	p.PayGroups = []domain.PayGroup{{ID: 1, Name: "Gehobener Dienst", HourlyRate: 68.66, Source: domain.ExampleSourcePrefix + ": AGebV"}}
	p.Resource.DefaultPayGroupID = 1
	return p
}

func TestAufEinenBlickIsPageTwo(t *testing.T) {
	path, _ := writeReport(t, glanceProject())
	pages := pdftest.PageTexts(t, path, false)
	page := pdftest.Squash(pages[1])
	for _, want := range []string{
		"Auf einen Blick",
		// Packages 11, 12 and 14 are decided, 13 is not: 3 of 4; one each extern, gemischt, intern.
		"Für 3 von 4 Paketen ist entschieden, wer sie erbringt: 1 extern, 1 gemischt, 1 intern.",
		// The contract starts 01.01.2027 and runs 36 months: it ends 31.12.2029; three months'
		// notice must arrive by 30.09.2029.
		"Der Vertrag mit Nordlicht IT gilt ab 01.01.2027 für 36 Monate.",
		"Wer ihn zum 31.12.2029 beenden will, muss bis 30.09.2029 kündigen.",
		// External per year: 11: 1.000 € × 12 = 12.000; 12: 4 h × 12 × 60 € = 2.880;
		// 13: 100 € × 12 = 1.200; 14: (10 + 2) h × 12 × 50 € = 7.200; sum 23.280 €.
		"Fremdvergabe 23.280 €",
		// Over the term: 23.280 € × 36 / 12 = 69.840 €.
		"Kosten über 36 Monate",
		"Fremdvergabe 69.840 €",
		"Beispielwerte:",
		"Noch kein Beschlussvorschlag erfasst.",
		"Widersprüche, Risiken und offene Punkte",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page 2 lacks %q:\n%s", want, page)
		}
	}
	// The example rate is said in the box, not again as a point of the list.
	if strings.Contains(page, "rechnet noch mit einem Beispielwert") {
		t.Errorf("the example-rate finding is repeated in the list")
	}
	if strings.Contains(pdftest.Squash(pages[2]), "Auf einen Blick") && !strings.Contains(pdftest.Squash(pages[2]), "Inhalt") {
		t.Errorf("Auf einen Blick runs onto a second page")
	}
}

func TestDocumentControlOnTitleAndProposalOnGlance(t *testing.T) {
	p := glanceProject()
	approved := domain.NewDate(2027, 2, 1)
	p.Config[domain.ConfigDocumentControl] = domain.ConfigJSON(domain.DocumentControl{
		Version: "1.2", Status: domain.DocumentForDecision, Author: "Anna Beispiel, Fachbereich Schule",
		Contact: "schul-it@musterstadt.example", Committee: "Schulausschuss", ApprovedBy: "Bürgermeisterin Muster",
		ApprovedOn: &approved, Proposal: "Der Schulausschuss stimmt der Vergabe des Vor-Ort-Supports zu.",
	})
	path, _ := writeReport(t, p)
	pages := pdftest.PageTexts(t, path, false)
	title := pdftest.Squash(pages[0])
	for _, want := range []string{"1.2 · zur Beschlussfassung", "Anna Beispiel, Fachbereich Schule", "schul-it@musterstadt.example",
		"Vorlage für Schulausschuss", "Bürgermeisterin Muster", "01.02.2027", "Freigabe",
		// No Stand der Daten: the data are judged on the print date, 20.11.2026.
		"Gedruckt am 20.11.2026 · Datenstand 20.11.2026"} {
		if !strings.Contains(title, want) {
			t.Errorf("title page lacks %q:\n%s", want, title)
		}
	}
	if !strings.Contains(pdftest.Squash(pages[1]), "Der Schulausschuss stimmt der Vergabe des Vor-Ort-Supports zu.") {
		t.Errorf("the Beschlussvorschlag is not on page 2")
	}

	// The properties: author from the document control, subject, and the language in XMP.
	info := run(t, "pdfinfo", path)
	for _, want := range []string{"Author:          Anna Beispiel, Fachbereich Schule", "Subject:         Planung und Steuerung", "Keywords:"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if meta := run(t, "pdfinfo", "-meta", path); !strings.Contains(meta, "<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li>") {
		t.Errorf("pdfinfo -meta does not show the language:\n%s", meta)
	}
}

func TestDataAsOfStandsBesideThePrintDate(t *testing.T) {
	p := glanceProject()
	stand := domain.NewDate(2027, 7, 14)
	p.Meta.DataAsOf = &stand
	path, _ := writeReport(t, p)
	if title := pdftest.Squash(pdftest.PageText(t, path, 1)); !strings.Contains(title, "Gedruckt am 20.11.2026 · Datenstand 14.07.2027") {
		t.Errorf("title page:\n%s", title)
	}
	// The footer of every page names the version and the Datenstand, not the print date.
	if foot := pdftest.Squash(pdftest.PageText(t, path, 2)); !strings.Contains(foot, "Gesamtbericht · Version 0.1 · Datenstand 14.07.2027") {
		t.Errorf("footer of page 2:\n%s", foot)
	}
}

// run calls a poppler tool and fails the test on any complaint: a broken cross-reference
// offset makes pdfinfo report a syntax error.
func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	bin := pdftest.NeedTool(t, tool)
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		t.Fatalf("%s %v: %v %s", tool, args, err, errb.String())
	}
	return out.String()
}

func TestLinkXMPKeepsTheCrossReferenceTrue(t *testing.T) {
	_, pdf := writeReport(t, seedProject())
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	var offset int
	if _, err := fmt.Sscan(string(pdf[i+len("startxref\n"):]), &offset); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf[offset:], []byte("xref")) {
		t.Errorf("startxref %d points at %q, not at the table", offset, pdf[offset:min(offset+10, len(pdf))])
	}
	if !bytes.Contains(pdf, []byte("/Type /Catalog\n/Metadata ")) {
		t.Errorf("the catalog does not name the metadata")
	}
}

func TestKurzfassungOfTheSample(t *testing.T) {
	p := pdftest.Sample(t)
	var a, b bytes.Buffer
	if err := WriteKurzfassung(&a, p, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	if err := WriteKurzfassung(&b, p, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two Kurzfassungen of the same day differ")
	}
	path := filepath.Join(t.TempDir(), "kurz.pdf")
	if err := os.WriteFile(path, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := pdftest.PageCount(t, path); n > 12 {
		t.Errorf("Kurzfassung of the sample has %d pages, at most 12 allowed", n)
	}
	plain := pdftest.PageTexts(t, path, false)
	if !strings.Contains(plain[0], "Kurzfassung") || !strings.Contains(plain[1], "Auf einen Blick") {
		t.Errorf("title or Auf einen Blick missing")
	}
	if strings.Contains(plain[2], "Noch kein Schritt enthält Angaben") {
		t.Errorf("the contents of the Kurzfassung say that nothing is there")
	}
	all := pdftest.Squash(strings.Join(plain, " "))
	pdftest.HasAll(t, "Kurzfassung", all, []string{"Stand der zwölf Schritte", "Entscheidungen und ihre Gründe", "Offene Punkte", "Vor-Ort-Support – extern:",
		"Kennzahlen des Dienstleisters 01.04.2027 – 30.06.2027"})
	checkTOCTargets(t, readTOC(t, pdftest.PageTexts(t, path, true)), plain)
}

func TestGlanceTotalsWithoutEveryPriceAreLowerBounds(t *testing.T) {
	p := glanceProject()
	p.PackageByID(13).ExternalMonthlyFee = 0 // Software: no external price any more
	path, _ := writeReport(t, p)
	page := pdftest.Squash(pdftest.PageText(t, path, 2))
	// 23.280 € − 1.200 € (Software's 100 € × 12) = 22.080 € for the three priced packages.
	for _, want := range []string{"Fremdvergabe mind. 22.080 €", "Ein Paket hat noch keinen externen Preis"} {
		if !strings.Contains(page, want) {
			t.Errorf("page 2 lacks %q:\n%s", want, page)
		}
	}
}

func TestGlanceNamesTheRisksOfWhatIsHandedOut(t *testing.T) {
	p := glanceProject()
	p.Decisions[0].RiskDataProtection = 5 // User-Management, extern
	p.Decisions[2].RiskOutage = 5         // Hardware-Wartung, intern: kept in-house, no risk to name
	path, _ := writeReport(t, p)
	page := pdftest.Squash(pdftest.PageText(t, path, 2))
	if !strings.Contains(page, "Risiko: „User-Management“ wird extern erbracht, obwohl Schritt 6 das Auslagerungsrisiko hoch bewertet (Datenschutz 5 von 5).") {
		t.Errorf("the risk of User-Management is not named:\n%s", page)
	}
	if strings.Contains(page, "„Hardware-Wartung“ wird") {
		t.Errorf("a package kept in-house is named as an outsourcing risk")
	}
}
