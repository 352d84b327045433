package importers

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sheetcell"
)

// TaskSheetLabels are the translated words of the workbook: sheet names, headers, unit and
// coverage texts. The import recognises the German and the English headers alike.
type TaskSheetLabels struct {
	Inventory, Requirements, Coverage string // sheet names
	Headers                           map[string]string
	Package, TargetState, Criteria    string // headers of the requirement list
	Unsorted                          string // group of tasks without a package
	Units                             map[domain.EffortUnit]string
	States                            map[domain.Coverage]string
	Yes                               string
}

// inventoryFields are the columns of the inventory sheet; the import reads them back.
var inventoryFields = []string{TaskName, TaskResponsible, TaskEffort, TaskUnit, TaskHoursPerMonth, TaskNote,
	TaskIsNew, TaskValidFrom, TaskPriority, TaskCritical, TaskCoverage, TaskNewResponsible}

// WriteTasksXLSX writes the inventory (step 1–2), the requirement list grouped by package
// (step 3) and the coverage table (step 4) as three sheets with headers, column widths, a
// frozen header row and the legend's three colours.
func WriteTasksXLSX(w io.Writer, p *domain.Project, l TaskSheetLabels) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", l.Inventory); err != nil {
		return err
	}
	tasks := append([]domain.Task(nil), p.Tasks...)
	sortTasksByOrder(tasks)

	// Sheet 1: the inventory, one task a row, every field the import reads back.
	var rows [][]any
	for _, t := range tasks {
		row := make([]any, len(inventoryFields))
		row[0], row[1], row[5] = t.Name, t.Responsible, t.Note
		if t.Effort != nil {
			row[2], row[3] = t.Effort.Value, l.Units[t.Effort.Unit]
			row[4] = round2(t.HoursPerMonth(p.Settings))
		}
		if t.IsNew {
			row[6] = l.Yes
		}
		if t.ValidFrom != nil {
			row[7] = t.ValidFrom.Format(domain.DateLayout)
		}
		if t.Priority.IsSet() {
			row[8] = t.Priority.Rank
		}
		if t.Critical {
			row[9] = l.Yes
		}
		row[10], row[11] = l.States[t.Coverage], t.NewResponsible
		rows = append(rows, row)
	}
	headers := make([]string, len(inventoryFields))
	for i, fld := range inventoryFields {
		headers[i] = l.Headers[fld]
	}
	if err := writeSheet(f, st, l.Inventory, headers, rows, func(r, c int) int {
		if c == 10 {
			return st.state[tasks[r].Coverage]
		}
		if c == 2 || c == 4 {
			return st.number
		}
		return st.text
	}); err != nil {
		return err
	}

	// Sheet 2: the requirement list, grouped by package with its target state and criteria.
	rows, groupRow := nil, map[int]bool{}
	for _, g := range domain.GroupByPackage(p) {
		name, target, criteria := l.Unsorted, "", ""
		if g.Package != nil {
			name, target, criteria = g.Package.Name, g.Package.TargetState, g.Package.Criteria
		}
		var sum float64
		for _, t := range g.Tasks {
			sum += t.HoursPerMonth(p.Settings)
		}
		groupRow[len(rows)] = true
		rows = append(rows, []any{name, target, criteria, "", "", round2(sum)})
		for _, t := range g.Tasks {
			rows = append(rows, []any{"", "", "", t.Name, t.Responsible, round2(t.HoursPerMonth(p.Settings))})
		}
	}
	reqHeaders := []string{l.Package, l.TargetState, l.Criteria, l.Headers[TaskName], l.Headers[TaskResponsible], l.Headers[TaskHoursPerMonth]}
	if err := writeSheet(f, st, l.Requirements, reqHeaders, rows, func(r, c int) int {
		switch {
		case groupRow[r] && c == 5:
			return st.groupNumber
		case groupRow[r]:
			return st.group
		case c == 5:
			return st.number
		}
		return st.text
	}); err != nil {
		return err
	}

	// Sheet 3: the coverage table of step 4 in the legend's colours.
	rows = nil
	for _, t := range tasks {
		rows = append(rows, []any{t.Name, t.Responsible, round2(t.HoursPerMonth(p.Settings)), l.States[t.Coverage], t.NewResponsible})
	}
	covHeaders := []string{l.Headers[TaskName], l.Headers[TaskResponsible], l.Headers[TaskHoursPerMonth], l.Headers[TaskCoverage], l.Headers[TaskNewResponsible]}
	if err := writeSheet(f, st, l.Coverage, covHeaders, rows, func(r, c int) int {
		if c == 3 {
			return st.state[tasks[r].Coverage]
		}
		if c == 2 {
			return st.number
		}
		return st.text
	}); err != nil {
		return err
	}
	// Legend below the table.
	legend := len(rows) + 3
	for i, c := range domain.CoverageStates {
		cell, _ := excelize.CoordinatesToCellName(4, legend+i)
		if err := f.SetCellValue(l.Coverage, cell, sheetcell.Neutralise(l.States[c])); err != nil {
			return err
		}
		if err := f.SetCellStyle(l.Coverage, cell, cell, st.state[c]); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

type styles struct {
	header, text, number, group, groupNumber int
	state                                    map[domain.Coverage]int
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{state: map[domain.Coverage]int{}}
	border := []excelize.Border{{Type: "bottom", Color: "BFBFBF", Style: 1}}
	defs := []struct {
		dst *int
		s   excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"37474F"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.text, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border}},
		{&st.number, excelize.Style{NumFmt: 4, Alignment: &excelize.Alignment{Vertical: "top"}, Border: border}},
		{&st.group, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"ECEFF1"}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.groupNumber, excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 4, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"ECEFF1"}}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.dst = id
	}
	for _, c := range domain.CoverageStates {
		hex := strings.TrimPrefix(domain.CoverageColor(c), "#")
		font := "FFFFFF"
		if c == domain.CoverageChange {
			font = "000000" // amber is light: dark text stays readable
		}
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: font},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}, Border: border})
		if err != nil {
			return nil, err
		}
		st.state[c] = id
	}
	st.state[domain.CoverageUnset] = st.text
	return st, nil
}

// writeSheet writes headers and rows into the sheet (added when the workbook has none of that
// name), sets the widths from the longest text of each column (within limits) and freezes the
// header row.
func writeSheet(f *excelize.File, st *styles, sheet string, headers []string, rows [][]any, style func(r, c int) int) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	widths := make([]int, len(headers))
	for c, h := range headers {
		widths[c] = utf8.RuneCountInString(h) + 2
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellValue(sheet, cell, sheetcell.Neutralise(h)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, st.header); err != nil {
			return err
		}
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if s, ok := v.(string); ok {
				v = sheetcell.Neutralise(s) // text only: numbers stay numbers
			}
			if v != nil && v != "" {
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(sheet, cell, cell, style(r, c)); err != nil {
				return err
			}
			if s, ok := v.(string); ok {
				if n := utf8.RuneCountInString(s) + 2; n > widths[c] {
					widths[c] = n
				}
			}
		}
	}
	for c, w := range widths {
		w = max(10, min(w, 60))
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, col, col, float64(w)); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sheet, 1, 30); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, Split: false, XSplit: 0, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func round2(v float64) float64 {
	if v < 0 {
		return -round2(-v)
	}
	return float64(int64(v*100+0.5)) / 100
}

func sortTasksByOrder(ts []domain.Task) {
	sort.SliceStable(ts, func(a, b int) bool {
		if ts[a].SortOrder != ts[b].SortOrder {
			return ts[a].SortOrder < ts[b].SortOrder
		}
		return ts[a].ID < ts[b].ID
	})
}

// WriteTasksCSV writes the inventory as German Excel reads a CSV file: UTF-8 with a byte-order
// mark, ';' between fields, decimal commas; text that Excel would take for a formula gets a
// leading apostrophe (sheetcell.Neutralise), which ReadTasks removes again.
func WriteTasksCSV(w io.Writer, p *domain.Project, l TaskSheetLabels) error {
	tasks := append([]domain.Task(nil), p.Tasks...)
	sortTasksByOrder(tasks)
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if _, err := w.Write(bomUTF8); err != nil {
		return err
	}
	headers := make([]string, len(inventoryFields))
	for i, fld := range inventoryFields {
		headers[i] = l.Headers[fld]
	}
	if err := cw.Write(sheetcell.NeutraliseAll(headers)); err != nil {
		return err
	}
	num := func(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1) }
	for _, t := range tasks {
		row := make([]string, len(inventoryFields))
		row[0], row[1], row[5] = t.Name, t.Responsible, t.Note
		if t.Effort != nil {
			row[2], row[3] = num(t.Effort.Value), l.Units[t.Effort.Unit]
			row[4] = num(round2(t.HoursPerMonth(p.Settings)))
		}
		if t.IsNew {
			row[6] = l.Yes
		}
		if t.ValidFrom != nil {
			row[7] = t.ValidFrom.Format("02.01.2006")
		}
		if t.Priority.IsSet() {
			row[8] = strconv.Itoa(t.Priority.Rank)
		}
		if t.Critical {
			row[9] = l.Yes
		}
		row[10], row[11] = l.States[t.Coverage], t.NewResponsible
		if err := cw.Write(sheetcell.NeutraliseAll(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
