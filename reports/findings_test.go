package reports

import (
	"strings"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sample"
	"schulit-lotse/reports/internal/pdftest"
)

// The Gesamtbericht ends with "Widersprüche und offene Punkte": on the contradiction fixture
// each contradiction once with the step to fix it in and what it concerns; on the sample none.
func TestFindingsChapterOfTheGesamtbericht(t *testing.T) {
	p := sample.Contradictions()
	path, _ := writeReport(t, p)
	pages := pdftest.PageTexts(t, path, false)
	last := pdftest.Squash(pages[len(pages)-1])
	start := strings.Index(last, "Widersprüche und offene Punkte")
	if start < 0 {
		// The chapter may run over more than one page: find where it begins.
		for i := len(pages) - 1; i >= 0 && start < 0; i-- {
			if j := strings.Index(pdftest.Squash(pages[i]), "Widersprüche und offene Punkte Das Programm"); j >= 0 {
				last, start = pdftest.Squash(strings.Join(pages[i:], " ")), j
			}
		}
	}
	if start < 0 {
		t.Fatal("no chapter \"Widersprüche und offene Punkte\"")
	}
	chapter := last[start:]
	for _, want := range []string{
		"Widersprüche zwischen den Schritten", "Offene Punkte der Schritte", "Betrifft",
		"Paket „User-Management“ ist in Schritt 6 als „intern“ entschieden",
		"Aufgabe „IServ-Nutzer anlegen“", "Tätigkeit „Passwörter zurücksetzen“", "Regeltermin „Jour fixe“",
	} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter lacks %q:\n%s", want, chapter)
		}
	}
	// One row per rule (the fixture holds each contradiction once); both contradictions of
	// decision and step 4 offer both fixes.
	phrase := map[string]string{
		domain.RuleInternHandedOut:    "Schritt 4 gibt Aufgaben daraus an den Dienstleister",
		domain.RuleExternKept:         "Schritt 4 behält Aufgaben daraus im Haus",
		domain.RuleNothingHandedOut:   "gibt keine seiner Aufgaben an den Dienstleister",
		domain.RuleCategoryInternal:   "am SLA des Dienstleisters gemessen",
		domain.RuleJourFixeCadence:    "deutlich weniger Termine statt",
		domain.RuleRaciProviderIntern: "die RACI-Matrix macht den Dienstleister",
		domain.RuleRaciMissing:        "niemand hat vereinbart, wer was tut",
		domain.RuleGuestIsPerson:      "steht aber bei einem Termin oder einer Maßnahme als Gast",
	}
	for _, r := range domain.ThreadRules {
		if n := strings.Count(chapter, phrase[r.Key]); phrase[r.Key] == "" || n != 1 {
			t.Errorf("%s: %d rows", r.Key, n)
		}
	}
	if n := strings.Count(chapter, "Entscheidung in Schritt 6 oder die Zuweisung in Schritt 4 ändern"); n != 2 {
		t.Errorf("both fixes offered %d times, want 2", n)
	}

	path, _ = writeReport(t, sample.Build())
	pages = pdftest.PageTexts(t, path, false)
	if text := pdftest.Squash(strings.Join(pages, " ")); !strings.Contains(text, "Widersprüche zwischen den Schritten Die Schritte widersprechen sich nicht.") {
		t.Error("the sample's report does not say that its steps agree")
	}
}
