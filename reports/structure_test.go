package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
)

// opMatrix is a RACI matrix of the given size: roles named ROLLE-01 …, activities AKT-001 …
// in processes of eight, every cell filled.
func opMatrix(p *domain.Project, acts, roles int) {
	for r := 1; r <= roles; r++ {
		p.Roles = append(p.Roles, domain.Role{ID: int64(r), Name: fmt.Sprintf("ROLLE-%02d Funktion", r), Party: domain.Parties[r%4], SortOrder: r})
	}
	for a := 1; a <= acts; a++ {
		p.RaciActivities = append(p.RaciActivities, domain.RaciActivity{ID: int64(a), Process: fmt.Sprintf("PROZESS-%d", (a-1)/8+1),
			Name: fmt.Sprintf("AKT-%03d Tätigkeit", a), SortOrder: a})
		for r := 1; r <= roles; r++ {
			p.RaciAssignments = append(p.RaciAssignments, domain.RaciAssignment{ActivityID: int64(a), RoleID: int64(r), Letter: domain.RaciLetters[(a+r)%4]})
		}
	}
}

// 25 roles do not fit one landscape page: they come in two groups (18 fit, so 13 and 12), each
// group on pages of its own with the heading row on every page, every activity in both.
func TestRaciGridSplitsIntoColumnGroupsWithRepeatedHeaders(t *testing.T) {
	p := seedProject()
	opMatrix(p, 80, 25)
	path, _ := writeReport(t, p)
	n := pdftest.PageCount(t, path)
	sizes := pdftest.PageSizes(t, path, n)
	pages := pdftest.PageTexts(t, path, false)
	var raci []int
	for i, pg := range pages {
		if strings.Contains(pg, "Prozess / Tätigkeit") {
			raci = append(raci, i)
		}
	}
	if len(raci) < 4 {
		t.Fatalf("the matrix is on %d pages, want at least 4 (two groups, several pages each)", len(raci))
	}
	group := 0
	seen := [3]map[string]bool{{}, {}, {}}
	actRe := regexp.MustCompile(`AKT-\d{3}`)
	for _, i := range raci {
		if sizes[i] != "841.89 x 595.28" {
			t.Errorf("RACI page %d is %s, want landscape", i+1, sizes[i])
		}
		pg := pages[i]
		if c := strings.Count(pg, "Prozess / Tätigkeit"); c != 1 {
			t.Errorf("page %d shows the heading row %d times", i+1, c)
		}
		switch {
		case strings.Contains(pg, "Rollen 1 bis 13 von 25"):
			group = 1
		case strings.Contains(pg, "Rollen 14 bis 25 von 25"):
			group = 2
		}
		if group == 0 {
			t.Fatalf("page %d: no column group named yet", i+1)
		}
		for _, m := range actRe.FindAllString(pg, -1) {
			seen[group][m] = true
		}
		// Group 1 holds roles 1–13 only, group 2 roles 14–25 only.
		for r := 1; r <= 25; r++ {
			in := strings.Contains(pg, fmt.Sprintf("ROLLE-%02d", r))
			if in && (group == 1) != (r <= 13) {
				t.Errorf("page %d (group %d) shows role %d", i+1, group, r)
			}
		}
	}
	for g := 1; g <= 2; g++ {
		if len(seen[g]) != 80 {
			t.Errorf("group %d shows %d of the 80 activities", g, len(seen[g]))
		}
	}
	// The section stays in portrait with the roles; the matrix is in Anhang B, at the end.
	for i, pg := range pages {
		if strings.Contains(pdftest.Squash(pg), "Schritt 11") && sizes[i] != "595.28 x 841.89" {
			t.Errorf("step 11 starts on a page of %s", sizes[i])
		}
	}
	if !strings.Contains(pdftest.Squash(strings.Join(pages[:raci[0]], "")), "Die Tabelle „RACI-Matrix“ steht im Anhang") {
		t.Error("step 11 does not point to the matrix in the appendix")
	}
	if raci[len(raci)-1] != len(pages)-1 {
		t.Errorf("the matrix ends on page %d of %d; the appendix is last", raci[len(raci)-1]+1, len(pages))
	}
}

func opStructureProject() *domain.Project {
	p := seedProject()
	translate := func(k string) string { return tr(k) }
	tpl := domain.BuildStructureTemplate(p, domain.TemplateParts{Roles: true, Raci: true, Communication: true, Escalation: true}, translate)
	p.Roles, p.RaciActivities, p.RaciAssignments = tpl.Roles, tpl.Activities, tpl.Assignments
	p.CommunicationRows, p.EscalationLevels = tpl.Communication, tpl.Escalation
	p.Roles[3].Persons = "Petra Kaya"
	jf, rule := domain.MeetingFromTemplate(p, domain.MeetingTemplates[0], opDayPtr(2026, 12, 8), translate)
	jf.ID = 1
	p.Meetings = []domain.Meeting{jf}
	p.Config = map[string]string{domain.ConfigMeetingRules: domain.MeetingRulesJSON(map[int64]domain.MeetingRule{1: rule})}
	p.Kickoff = domain.Kickoff{Date: opDayPtr(2026, 11, 3), Place: "Rathaus", Participants: []domain.Participant{{Name: "Anna Berger", Organisation: "Stadt", Role: "IT"}},
		Agenda: "1. Begrüßung\n2. Rollen"}
	p.Milestones = []domain.Milestone{
		{ID: 1, Name: "Vertrag unterzeichnet", Due: opDayPtr(2026, 11, 1), Owner: "Hahn", Status: domain.MilestoneDone},
		{ID: 2, Name: "Übergabe der Zugänge", Due: opDayPtr(2026, 11, 13), Owner: "Berger", Status: domain.MilestonePlanned},
		{ID: 3, Name: "Regelbetrieb", Due: opDayPtr(2027, 3, 1), Owner: "Berger"},
		{ID: 4, Name: "Termin offen", Owner: "Berger"},
	}
	return p
}

func opDayPtr(y, m, d int) *domain.Date { x := domain.NewDate(y, time.Month(m), d); return &x }

// The sections of steps 10 and 11 by hand; the report's date (20 November 2026) is today.
func TestKickoffAndStructureSections(t *testing.T) {
	path, _ := writeReport(t, opStructureProject())
	text := pdftest.AllText(t, path)
	pdftest.HasAll(t, "report", text, []string{
		"Schritt 10", "Auftaktveranstaltung", "Datum 03.11.2026", "Ort Rathaus", "Anna Berger Stadt IT",
		"Tagesordnung 1. Begrüßung 2. Rollen",
		"Vertrag unterzeichnet 01.11.2026 Hahn erreicht",
		// 13 November lies before the report's date and the handover is not done.
		"Übergabe der Zugänge 13.11.2026 Berger überfällig",
		"Regelbetrieb 01.03.2027 Berger geplant",
		"Termin offen – Berger geplant",
		"Meilenstein „Übergabe der Zugänge“ ist überfällig.",
		"Meilenstein „Termin offen“ hat kein Fälligkeitsdatum.",
		"Schritt 11", "Rollen", "Person(en) Vertretung Kontakt",
		"RACI-Matrix", "R – führt durch", "Störungsannahme", "Störung melden",
		"Kommunikationsmatrix", "Störungsmeldungen Medienbeauftragte:r Petra Kaya Service Desk Telefon, Ticketsystem während der Servicezeiten",
		"Eskalation IT-Koordination Schulträger Serviceverantwortliche:r E-Mail werktags",
		"Eskalationsstufen", "1 Reaktions- oder Wiederherstellungszeit eines Tickets überschritten",
		// Monthly on the 2nd Tuesday from 8 December 2026: January's 2nd Tuesday is the 12th.
		"Regeltermine", "Jour fixe monatlich (gleicher Wochentag) ohne Wochenenden und Feiertage 08.12.2026 08.12.2026 12.01.2027 09.02.2027",
		"Für die Rolle „Service Desk“ ist noch keine Person benannt.",
	})
}

func TestKickoffAndStructureInBothLanguages(t *testing.T) {
	want := map[string][]string{"en": {"Communication matrix"}, "de": {"Kommunikationsmatrix"}}
	inBothLanguages(t, "reports|kickoff|structure|raci|tpl|party|find|fig", want, func() string {
		path, _ := writeReport(t, opStructureProject())
		return strings.Join(pdftest.PageTexts(t, path, false), "\n")
	})
}

func TestSheetsKeepFormulasOutOfCSV(t *testing.T) {
	p := seedProject()
	p.Roles = []domain.Role{{ID: 1, Name: "=HYPERLINK(\"http://x\")", Party: domain.PartyOther}, {ID: 2, Name: "Service Desk", Party: domain.PartyProvider}}
	p.RaciActivities = []domain.RaciActivity{{ID: 1, Process: "+Prozess", Name: "-Tätigkeit; mit \"Zitat\""}}
	p.RaciAssignments = []domain.RaciAssignment{{ActivityID: 1, RoleID: 1, Letter: "R"}, {ActivityID: 1, RoleID: 2, Letter: "A"}}
	var buf bytes.Buffer
	if err := WriteSheetCSV(&buf, RaciSheet(p)); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffProzess;Tätigkeit;\"'=HYPERLINK(\"\"http://x\"\")\";Service Desk\r\n" +
		";Seite;Sonstige;Dienstleister\r\n" +
		"'+Prozess;\"'-Tätigkeit; mit \"\"Zitat\"\"\";R;A\r\n"
	if got := buf.String(); got != want {
		t.Errorf("csv\n got %q\nwant %q", got, want)
	}
}

func TestSheetsKeepFormulasOutOfXLSX(t *testing.T) {
	p := seedProject()
	p.Roles = []domain.Role{{ID: 1, Name: "=HYPERLINK(\"http://x\")", Persons: "@Hausmeister", Party: domain.PartyCarrier},
		{ID: 2, Name: "\tService Desk", Party: domain.PartyProvider}}
	p.RaciActivities = []domain.RaciActivity{{ID: 1, Process: "+Prozess", Name: "-Tätigkeit"}}
	p.RaciAssignments = []domain.RaciAssignment{{ActivityID: 1, RoleID: 1, Letter: "R"}}
	cust, prov := int64(1), int64(2)
	p.CommunicationRows = []domain.CommunicationRow{{ID: 1, Occasion: "=1+1", CustomerRoleID: &cust, ProviderRoleID: &prov, Channel: "-Telefon", Hours: "+24/7"}}
	for _, s := range []StructureSheet{RaciSheet(p), CommunicationSheet(p)} {
		var buf bytes.Buffer
		if err := WriteSheetXLSX(&buf, s); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		quoted := 0
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			for _, row := range rows {
				for _, c := range row {
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("%s/%s: cell %q would run as a formula", s.Name, sheet, c)
					}
					if strings.HasPrefix(c, "'") {
						quoted++
					}
				}
			}
		}
		f.Close()
		if quoted < 3 {
			t.Errorf("%s: only %d neutralised cells", s.Name, quoted)
		}
	}
}

// The same project gives the same workbook byte for byte (the RACI fill styles once came in the
// map's random order).
func TestRaciWorkbookIsReproducible(t *testing.T) {
	p := seedProject()
	p.Roles = []domain.Role{{ID: 1, Name: "Schulträger", Party: domain.PartyCarrier}, {ID: 2, Name: "Service Desk", Party: domain.PartyProvider}}
	p.RaciActivities = []domain.RaciActivity{{ID: 1, Process: "Betrieb", Name: "Störung annehmen"}}
	p.RaciAssignments = []domain.RaciAssignment{{ActivityID: 1, RoleID: 1, Letter: "A"}, {ActivityID: 1, RoleID: 2, Letter: "R"}}
	var first []byte
	for i := 0; i < 8; i++ {
		var buf bytes.Buffer
		if err := WriteSheetXLSX(&buf, RaciSheet(p)); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}
