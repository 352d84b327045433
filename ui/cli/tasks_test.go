package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

func loadProject(t *testing.T, path string) *domain.Project {
	t.Helper()
	p, err := openProject(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// inventory is what the task export carries: every field of steps 1, 2 and 4.
type inventory struct {
	Name, Responsible, Note, NewResponsible string
	Effort                                  domain.Effort
	HasEffort, IsNew, Critical              bool
	ValidFrom                               string
	Rank                                    int
	Coverage                                domain.Coverage
}

func inventoryOf(p *domain.Project) []inventory {
	var out []inventory
	for _, t := range p.Tasks {
		in := inventory{Name: t.Name, Responsible: t.Responsible, Note: t.Note, NewResponsible: t.NewResponsible,
			IsNew: t.IsNew, Critical: t.Critical, Rank: t.Priority.Rank, Coverage: t.Coverage}
		if t.Effort != nil {
			in.Effort, in.HasEffort = *t.Effort, true
		}
		if t.ValidFrom != nil {
			in.ValidFrom = t.ValidFrom.Format(domain.DateLayout)
		}
		out = append(out, in)
	}
	return out
}

// richSample is the sample with every field of the inventory used at least once.
func richSample(t *testing.T) (string, string) {
	dir, path := sample(t)
	f, err := persistence.Open(path, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, _ := f.Load()
	d := domain.NewDate(2027, 8, 1)
	p.Tasks[0].Effort = &domain.Effort{Value: 2.5, Unit: domain.HoursPerWeek}
	p.Tasks[0].Note = "Zeile 1\nZeile 2; mit \"Anführungszeichen\" und Ümläuten ß"
	p.Tasks[1].Effort = &domain.Effort{Value: 1.25, Unit: domain.PersonDaysPerMonth}
	p.Tasks[1].Critical = true
	p.Tasks[1].Coverage, p.Tasks[1].NewResponsible = domain.CoverageChange, domain.ExternalProvider
	p.Tasks[2].IsNew, p.Tasks[2].ValidFrom = true, &d
	p.Tasks[2].Effort = &domain.Effort{Value: 30, Unit: domain.HoursPerQuarter}
	p.Tasks[2].Coverage = domain.CoverageAssign
	if err := f.SaveTasks(p.Tasks); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func TestTasksRoundTripThroughExcelAndCSV(t *testing.T) {
	for _, ext := range []string{".xlsx", ".csv"} {
		for _, language := range []string{"de", "en"} {
			t.Run(ext+"-"+language, func(t *testing.T) {
				if language == "en" {
					english(t)
				}
				dir, path := richSample(t)
				want := inventoryOf(loadProject(t, path))
				out := filepath.Join(dir, "Aufgaben"+ext)
				run(t, "export", path, "--kind", "tasks", out).want(t, 0)
				back := filepath.Join(dir, "Zurück.lotse")
				r := run(t, "import", back, "--kind", "tasks", out).want(t, 0)
				if !strings.Contains(r.out, "←") {
					t.Errorf("the import does not say which column went where: %s", r.out)
				}
				got := inventoryOf(loadProject(t, back))
				if !reflect.DeepEqual(got, want) {
					for i := range want {
						if i < len(got) && !reflect.DeepEqual(got[i], want[i]) {
							t.Errorf("task %d:\n got %+v\nwant %+v", i, got[i], want[i])
						}
					}
					t.Fatalf("%d tasks back, %d exported", len(got), len(want))
				}
			})
		}
	}
}

func TestTasksWorkbookHasThreeColouredSheets(t *testing.T) {
	dir, path := richSample(t)
	out := filepath.Join(dir, "Aufgaben.xlsx")
	run(t, "export", path, "--kind", "tasks", out).want(t, 0)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Bestandsaufnahme", "Anforderungsliste", "Bedarfsdeckung"}) {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetCellValue("Bestandsaufnahme", "A1"); v != "Aufgabe/Tätigkeit" {
		t.Fatalf("A1 = %q", v)
	}
	if w, _ := f.GetColWidth("Bestandsaufnahme", "A"); w < 20 {
		t.Fatalf("task column only %.0f wide", w)
	}
	// The coverage cell of the second task is amber, as the legend says.
	rows, _ := f.GetRows("Bedarfsdeckung")
	found := false
	for i, row := range rows {
		if len(row) > 3 && row[3] == "Muss verändert werden" {
			cell, _ := excelize.CoordinatesToCellName(4, i+1)
			id, _ := f.GetCellStyle("Bedarfsdeckung", cell)
			st, _ := f.GetStyle(id)
			if len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], strings.TrimPrefix(domain.CoverageColor(domain.CoverageChange), "#")) {
				t.Fatalf("%s fill %v", cell, st.Fill.Color)
			}
			found = true
			break
		}
	}
	if !found {
		t.Fatalf("no amber row in %q", rows)
	}
	req, _ := f.GetRows("Anforderungsliste")
	if len(req) < 2 || req[0][0] != "Aufgabenpaket" {
		t.Fatalf("requirement list %q", req)
	}
}

func TestImportGermanExcelCSV(t *testing.T) {
	dir := t.TempDir()
	// What German Excel writes: a title line, ';', decimal commas, Windows-1252.
	text := "Bestandsaufnahme Schul-IT Musterstadt;;;\r\n" +
		"Aufgabe / Tätigkeit;Verantwortliche Person/Gruppe;Aufwand (Std./Woche);Bemerkung\r\n" +
		"Drucker im Lehrerzimmer prüfen;Hausmeister;1,5;\"wöchentlich; montags\"\r\n" +
		";;;\r\n" +
		"Passwörter zurücksetzen;Schulsekretariat;0,25;\r\n"
	enc, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "Bestand.csv")
	os.WriteFile(src, []byte(enc), 0o644)
	target := filepath.Join(dir, "Neu.lotse")
	r := run(t, "import", target, "--kind", "tasks", src).want(t, 0)
	contains(t, "stdout", r.out, "2 Aufgaben", "Windows-1252", "Aufwand ← „Aufwand (Std./Woche)“ (C)")
	p := loadProject(t, target)
	if len(p.Tasks) != 2 {
		t.Fatalf("%d tasks", len(p.Tasks))
	}
	a := p.Tasks[0]
	if a.Name != "Drucker im Lehrerzimmer prüfen" || a.Responsible != "Hausmeister" || a.Note != "wöchentlich; montags" ||
		a.Effort == nil || *a.Effort != (domain.Effort{Value: 1.5, Unit: domain.HoursPerWeek}) {
		t.Fatalf("first task %+v effort %+v", a, a.Effort)
	}
	// UTF-8 with BOM adds to an existing project, after its tasks.
	src2 := filepath.Join(dir, "Mehr.csv")
	os.WriteFile(src2, []byte("\ufeffAufgabe;Aufwand;Einheit;Priorität\nWLAN prüfen;2;Std./Monat;vorrangig\n"), 0o644)
	r = run(t, "import", target, "--kind", "tasks", src2).want(t, 0)
	contains(t, "stdout", r.out, "UTF-8 (BOM)")
	p = loadProject(t, target)
	if len(p.Tasks) != 3 || p.Tasks[2].Name != "WLAN prüfen" || p.Tasks[2].Priority.Class() != domain.ClassMust || p.Tasks[2].ID <= p.Tasks[1].ID {
		t.Fatalf("after the second import: %+v", p.Tasks)
	}
}

func TestImportErrorsNameTheCellAndChangeNothing(t *testing.T) {
	dir, path := sample(t)
	before := readFile(t, path)
	src := filepath.Join(dir, "Fehler.csv")
	os.WriteFile(src, []byte("Aufgabe;Aufwand\nA;1\nB;zwei Stunden\n"), 0o644)
	r := run(t, "import", path, "--kind", "tasks", src).want(t, 1)
	contains(t, "stderr", r.err, "Fehler.csv, Zeile 3", "Spalte „Aufwand“", "„zwei Stunden“ ist kein Aufwand")
	if string(readFile(t, path)) != string(before) {
		t.Fatal("a failed import changed the project")
	}
	os.WriteFile(src, []byte("Spalte 1;Spalte 2\nA;1\n"), 0o644)
	r = run(t, "import", path, "--kind", "tasks", src).want(t, 1)
	contains(t, "stderr", r.err, "Keine Spalte mit den Aufgaben")

	// In a workbook the cell is named.
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"Tätigkeit", "Priorität"})
	x.SetSheetRow("Sheet1", "A2", &[]any{"Server sichern", 7})
	xp := filepath.Join(dir, "Fehler.xlsx")
	if err := x.SaveAs(xp); err != nil {
		t.Fatal(err)
	}
	r = run(t, "import", path, "--kind", "tasks", xp).want(t, 1)
	contains(t, "stderr", r.err, "Zelle B2", "„7“ ist keine Priorität")
}
