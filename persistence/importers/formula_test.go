package importers

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"schulit-lotse/domain"
)

// formulaNames are task texts that a spreadsheet would run as formulas if written as they are,
// plus texts that already start with the apostrophe that neutralises them.
var formulaNames = []string{"=HYPERLINK(\"http://x\";\"Klick\")", "+49 30 1234", "-Server neu starten", "@SUMME(A1)",
	"\tEingerückt", "'=schon zitiert", "'normal zitiert", "''+zweimal", "Drucker=Kopierer"}

func formulaProject() *domain.Project {
	p := domain.NewProject("Formeln", domain.NewDate(2027, 1, 4).Time)
	for i, n := range formulaNames {
		p.Tasks = append(p.Tasks, domain.Task{ID: int64(i + 1), SortOrder: i + 1, Name: n, Responsible: "=Hausmeister",
			Note: "-Hinweis " + n, NewResponsible: "@Dienstleister"})
	}
	return p
}

func formulaLabels() TaskSheetLabels {
	return TaskSheetLabels{Inventory: "Bestandsaufnahme", Requirements: "Anforderungsliste", Coverage: "Bedarfsdeckung",
		Package: "Aufgabenpaket", TargetState: "Zielzustand", Criteria: "Kriterien", Unsorted: "-ohne Paket", Yes: "ja",
		Headers: map[string]string{TaskName: "Aufgabe", TaskResponsible: "Verantwortlich", TaskEffort: "Aufwand", TaskUnit: "Einheit",
			TaskHoursPerMonth: "Std./Monat", TaskNote: "Bemerkung", TaskIsNew: "Neu", TaskValidFrom: "Gültig ab", TaskPriority: "Priorität",
			TaskCritical: "Kritisch", TaskCoverage: "Bedarfsdeckung", TaskNewResponsible: "Neu verantwortlich"},
		Units: map[domain.EffortUnit]string{}, States: map[domain.Coverage]string{}}
}

// dangerous reports a cell a spreadsheet would take for a formula.
func dangerous(s string) bool { return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) }

func TestTasksCSVNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTasksCSV(&buf, formulaProject(), formulaLabels()); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, row := range rows {
		for _, c := range row {
			if dangerous(c) {
				t.Errorf("CSV cell %q would run as a formula", c)
			}
			checked++
		}
	}
	if !strings.Contains(buf.String(), "'=HYPERLINK") || checked < len(formulaNames)*len(inventoryFields) {
		t.Fatalf("%d cells checked; csv %q", checked, buf.String())
	}
}

func TestTasksXLSXNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTasksXLSX(&buf, formulaProject(), formulaLabels()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, c := range row {
				if dangerous(c) {
					t.Errorf("%s: cell %q would run as a formula", sheet, c)
				}
				if strings.HasPrefix(c, "'") {
					texts++
				}
			}
		}
	}
	// Every task name, responsible, note and new responsible on three sheets, most with an apostrophe.
	if texts < 3*len(formulaNames) {
		t.Fatalf("only %d neutralised cells", texts)
	}
}

func TestTasksExportImportIsLosslessForFormulaText(t *testing.T) {
	p := formulaProject()
	for _, format := range []string{"x.csv", "x.xlsx"} {
		var buf bytes.Buffer
		var err error
		if strings.HasSuffix(format, ".csv") {
			err = WriteTasksCSV(&buf, p, formulaLabels())
		} else {
			err = WriteTasksXLSX(&buf, p, formulaLabels())
		}
		if err != nil {
			t.Fatal(err)
		}
		table, err := ReadBytes(format, buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		tasks, err := ReadTasks(table, GuessTaskMapping(table))
		if err != nil {
			t.Fatal(err)
		}
		if len(tasks) != len(p.Tasks) {
			t.Fatalf("%s: %d tasks back, %d written", format, len(tasks), len(p.Tasks))
		}
		for i, got := range tasks {
			want := p.Tasks[i]
			if got.Name != want.Name || got.Responsible != want.Responsible || got.Note != want.Note || got.NewResponsible != want.NewResponsible {
				t.Errorf("%s task %d:\n got %q %q %q %q\nwant %q %q %q %q", format, i, got.Name, got.Responsible, got.Note, got.NewResponsible,
					want.Name, want.Responsible, want.Note, want.NewResponsible)
			}
		}
	}
}
