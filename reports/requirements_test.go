package reports

import (
	"bytes"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
)

// boardSeedProject is the seed's four tasks sorted as in Abb. 5/6 with the coverage of Abb. 8,
// plus one task still unsorted and undecided.
func boardSeedProject() *domain.Project {
	p := seedProject()
	p.Packages = []domain.Package{
		{ID: 11, Name: "User-Management", Color: "#1f5f8b", SortOrder: 1, TargetState: "Konten sind am ersten Schultag da.", Criteria: "Anlage binnen zwei Tagen"},
		{ID: 12, Name: "Vor-Ort-Support", Color: "#c0392b", SortOrder: 2},
		{ID: 13, Name: "Software", Color: "#2e7d32", SortOrder: 3, TargetState: "Updates kommen zentral.", Criteria: "90 % im MDM"},
		{ID: 14, Name: "Hardware-Wartung", Color: "#8e44ad", SortOrder: 4, TargetState: "Tablets sind einsatzbereit.", Criteria: "Ausfall unter 5 %"},
	}
	for i, id := range []int64{11, 12, 13, 14} {
		pk := id
		p.Tasks[i].PackageID = &pk
	}
	p.Tasks[0].Coverage, p.Tasks[0].NewResponsible = domain.CoverageChange, domain.ExternalProvider
	p.Tasks[1].Coverage, p.Tasks[1].NewResponsible = domain.CoverageChange, domain.ExternalProvider
	p.Tasks[2].Coverage = domain.CoverageKeep
	p.Tasks[3].Coverage, p.Tasks[3].NewResponsible = domain.CoverageAssign, domain.ExternalProvider
	p.Tasks = append(p.Tasks, domain.Task{ID: 5, SortOrder: 5, Name: "Drucker warten", Responsible: "Schulsekretariat",
		Effort: hours(2), Priority: domain.Priority{Rank: 2}})
	p.Config = map[string]string{domain.ConfigWorkload: domain.WorkloadSettings{}.WithLimit("Lehrkraft mit Entlastungsstunden", 3).JSON()}
	c := domain.ArrangeBoard(p, 1.5)
	for _, t := range c.Tasks {
		p.Tasks[p.TaskIndex(t.ID)] = t
	}
	for _, pk := range c.Packages {
		*p.PackageByID(pk.ID) = pk
	}
	return p
}

func TestBoardPictureIsAnEightBitPNG(t *testing.T) {
	p := boardSeedProject()
	data, ok, err := BoardPNG(p, 1200, 700)
	if err != nil || !ok {
		t.Fatalf("BoardPNG: %v %v", ok, err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// Four packages at 1.5: two columns, 828 × 312 units, and the pile column of 180 + 40 units:
	// 1200 − 32 = 1168 px for 1048 units, scale 1.1145; height 312 × 1.1145 + 32 = 379.7 → 380.
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 380 {
		t.Errorf("picture %v, want 1200×380", b)
	}
	// The title bar of User-Management (board 0,0; drawn at 16 + 220 × 1.1145 = 261, 16) has
	// its colour.
	if r, g, b, _ := img.At(261+30, 16+3).RGBA(); r>>8 != 0x1f || g>>8 != 0x5f || b>>8 != 0x8b {
		t.Errorf("title bar colour %02x%02x%02x, want 1f5f8b", r>>8, g>>8, b>>8)
	}
	if _, ok, _ := BoardPNG(&domain.Project{}, 1200, 700); ok {
		t.Error("a board without packages has no picture")
	}
}

func TestRequirementsAndCoverageSections(t *testing.T) {
	p := boardSeedProject()
	path, _ := writeReport(t, p)
	text := strings.Join(pdftest.PageTexts(t, path, true), "\n")
	flat := pdftest.Squash(text) + " " + pdftest.Squash(strings.Join(pdftest.PageTexts(t, path, false), "\n")) // cells wrap on the portrait page
	pdftest.HasAll(t, "report", flat, []string{
		"Anforderungsliste", "Die Sortierfläche", "Anforderungen je Aufgabenpaket", "Aufgaben nach Paketen",
		"Konten sind am ersten Schultag da.", "vorrangig 1 (100 %)",
		"Paket „Vor-Ort-Support“: kein Zielzustand beschrieben",
		"„Drucker warten“: noch in keinem Aufgabenpaket",
		"Bedarfsdeckung intern/extern", "Legende:", "Soll nicht verändert werden", "Muss verändert werden", "Muss zugewiesen werden",
		"Arbeitslast vorher und nachher",
	})
	for _, re := range []string{
		// User-Management: one task, vorrangig → 100 % (on the cell's next line).
		`User-Management.*vorrangig 1\s`,
		// The grouped table: heading row per package, then its tasks.
		`Hardware-Wartung\s+Aufgaben: 1\s+10\s?h`,
		`Unsortiert\s+Aufgaben: 1\s+2\s?h`,
		// Abb. 8 row: IServ moves to the external provider.
		`IServ-Nutzer anlegen\s+User-Management\s+Teammitglied\s+Externer\s`,
		// Workload: the teacher had 4 h (limit 3) and has none after: relieved.
		`Lehrkraft mit\s.*4\s?h.*0\s?h\s+3\s?h\s+vorher überlastet`,
		// The provider takes 2 + 4 + 10 = 16 h.
		`Externer Dienstleister\s+0\s+0\s?h\s+3\s+16\s?h`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("report lacks %s", re)
		}
	}
}

func TestCoverageSectionOnlyWhenStarted(t *testing.T) {
	p := boardSeedProject()
	for i := range p.Tasks {
		p.Tasks[i].Coverage, p.Tasks[i].NewResponsible = domain.CoverageUnset, ""
	}
	path, _ := writeReport(t, p)
	text := pdftest.Squash(strings.Join(pdftest.PageTexts(t, path, false), " "))
	if strings.Contains(text, "Bedarfsdeckung intern/extern") {
		t.Error("step 4 was not started but is in the report")
	}
	if !strings.Contains(text, "Anforderungen je Aufgabenpaket") {
		t.Error("step 3 missing")
	}
}
