package reports

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sheetcell"
	"schulit-lotse/reports/pdfkit"
)

// Spreadsheets of step 11: the RACI matrix and the communication matrix as Excel workbooks
// and as CSV files that German Excel opens directly (UTF-8 with byte-order mark, ';').

// StructureSheet is a table for a spreadsheet: header rows, then data rows of text.
type StructureSheet struct {
	Name    string
	Headers [][]string // one or more header rows
	Rows    [][]string
	Widths  []float64 // column widths in Excel's character units
	// Letters marks a RACI sheet: data cells from column Letters on hold R, A, C or I.
	Letters int
}

// RaciSheet is the matrix: process, activity, then one column per role (the second header row
// names the role's side).
func RaciSheet(p *domain.Project) StructureSheet {
	roles := domain.SortedRoles(p.Roles)
	acts := domain.SortedActivities(p.RaciActivities)
	idx := domain.IndexRaci(p.RaciAssignments)
	names := []string{tr("raci.field.process"), tr("raci.field.activity")}
	parties := []string{"", tr("structure.col.party")}
	widths := []float64{26, 48}
	for _, r := range roles {
		names = append(names, r.Name)
		parties = append(parties, tr("party."+string(r.Party)))
		widths = append(widths, 7)
	}
	s := StructureSheet{Name: tr("reports.structure.raci"), Headers: [][]string{names, parties}, Widths: widths, Letters: 2}
	for _, a := range acts {
		row := []string{a.Process, a.Name}
		for _, r := range roles {
			row = append(row, idx[domain.RaciCell{ActivityID: a.ID, RoleID: r.ID}])
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

// CommunicationSheet is the communication matrix: each contact as its role and the people who
// fill it.
func CommunicationSheet(p *domain.Project) StructureSheet {
	s := StructureSheet{
		Name: tr("reports.structure.communication"),
		Headers: [][]string{{tr("structure.col.occasion"), tr("structure.col.customer"), tr("sheets.structure.persons"),
			tr("structure.col.provider"), tr("sheets.structure.persons"), tr("structure.col.channel"), tr("structure.col.hours")}},
		Widths: []float64{30, 30, 30, 30, 30, 24, 28},
	}
	who := func(id *int64) (string, string) {
		if id == nil {
			return "", ""
		}
		if r := p.RoleByID(*id); r != nil {
			return r.Name, r.Persons
		}
		return "", ""
	}
	for _, c := range domain.SortedCommunication(p.CommunicationRows) {
		cr, cp := who(c.CustomerRoleID)
		pr, pp := who(c.ProviderRoleID)
		s.Rows = append(s.Rows, []string{c.Occasion, cr, cp, pr, pp, c.Channel, c.Hours})
	}
	return s
}

// WriteSheetCSV writes the sheet as German Excel reads a CSV file: UTF-8 with a byte-order mark,
// ';' between fields, CRLF line ends. A cell that Excel would take for a formula is written with
// a leading apostrophe (sheetcell.Neutralise).
func WriteSheetCSV(w io.Writer, s StructureSheet) error {
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	for _, row := range append(append([][]string(nil), s.Headers...), s.Rows...) {
		if err := cw.Write(sheetcell.NeutraliseAll(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteSheetXLSX writes the sheet as a workbook: bold header rows frozen above the data, text
// wrapped, and on a RACI sheet each letter on its colour with a legend sheet explaining them.
func WriteSheetXLSX(w io.Writer, s StructureSheet) error {
	f := excelize.NewFile()
	defer f.Close()
	name := opSheetName(s.Name)
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE5F0"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"},
		Border:    opBorder(),
	})
	if err != nil {
		return err
	}
	upright, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE5F0"}},
		Alignment: &excelize.Alignment{TextRotation: 90, Horizontal: "center", Vertical: "bottom", WrapText: true},
		Border:    opBorder(),
	})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: opBorder()})
	if err != nil {
		return err
	}
	// The styles are made in the fixed order R, A, C, I (not the map's), so that the same project
	// gives the same file byte for byte.
	letter := map[string]int{}
	for _, l := range domain.RaciLetters {
		id, err := f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{opHex(raciFill[l])}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
			Border:    opBorder(),
		})
		if err != nil {
			return err
		}
		letter[l] = id
	}
	empty, err := f.NewStyle(&excelize.Style{Border: opBorder()})
	if err != nil {
		return err
	}

	for r, row := range s.Headers {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(name, cell, sheetcell.Neutralise(v)); err != nil {
				return err
			}
			st := head
			if s.Letters > 0 && c >= s.Letters && r == 0 {
				st = upright
			}
			if err := f.SetCellStyle(name, cell, cell, st); err != nil {
				return err
			}
		}
	}
	if s.Letters > 0 && len(s.Headers) > 0 {
		if err := f.SetRowHeight(name, 1, 150); err != nil {
			return err
		}
	}
	top := len(s.Headers)
	for r, row := range s.Rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, top+r+1)
			if err := f.SetCellStr(name, cell, sheetcell.Neutralise(v)); err != nil {
				return err
			}
			st := text
			if s.Letters > 0 && c >= s.Letters {
				st = empty
				if id, ok := letter[v]; ok {
					st = id
				}
			}
			if err := f.SetCellStyle(name, cell, cell, st); err != nil {
				return err
			}
		}
	}
	for i, wd := range s.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, wd); err != nil {
			return err
		}
	}
	// Freeze the header rows (and on a RACI sheet the activity columns).
	split := s.Letters
	cell, _ := excelize.CoordinatesToCellName(split+1, top+1)
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: split, YSplit: top, TopLeftCell: cell, ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if len(s.Rows) > 0 && len(s.Headers) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(s.Headers[0]), top+len(s.Rows))
		first, _ := excelize.CoordinatesToCellName(1, top)
		if err := f.AutoFilter(name, first+":"+last, nil); err != nil {
			return err
		}
	}
	if s.Letters > 0 {
		if err := opLegendSheet(f, letter); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// opLegendSheet explains the letters on a second sheet.
func opLegendSheet(f *excelize.File, letter map[string]int) error {
	name := opSheetName(tr("sheets.structure.legend"))
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for i, l := range domain.RaciLetters {
		a, _ := excelize.CoordinatesToCellName(1, i+1)
		b, _ := excelize.CoordinatesToCellName(2, i+1)
		if err := f.SetCellStr(name, a, l); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, a, a, letter[l]); err != nil {
			return err
		}
		if err := f.SetCellStr(name, b, sheetcell.Neutralise(tr("raci.letter."+l))); err != nil {
			return err
		}
	}
	return f.SetColWidth(name, "B", "B", 45)
}

// opSheetName makes a valid Excel sheet name: at most 31 characters, none of []:*?/\.
func opSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > 31 {
		s = string(rs[:31])
	}
	if strings.TrimSpace(s) == "" {
		s = "Tabelle"
	}
	return s
}

func opBorder() []excelize.Border {
	out := make([]excelize.Border, 0, 4)
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "B9BEC6", Style: 1})
	}
	return out
}

func opHex(c pdfkit.Color) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }
