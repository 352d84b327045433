package importers

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"schulit-lotse/domain"
)

// Hours stay numbers in the workbook (sums and filters work) and show with thousands
// grouped, like every figure of the program: the built-in format "#,##0.00" (id 4), which a
// German spreadsheet shows as 1.200,00.
func TestTasksXLSXGroupsThousandsInNumericCells(t *testing.T) {
	p := domain.NewProject("Zahlen", domain.NewDate(2027, 1, 4).Time)
	for i := 1; i <= 2; i++ {
		p.Tasks = append(p.Tasks, domain.Task{ID: int64(i), SortOrder: i, Name: "Aufgabe",
			Effort: &domain.Effort{Value: 600, Unit: domain.HoursPerMonth}})
	}
	var buf bytes.Buffer
	if err := WriteTasksXLSX(&buf, p, formulaLabels()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The requirement list's group row sums both tasks: 600 + 600 = 1200 in F2.
	sheet := formulaLabels().Requirements
	raw, err := f.GetCellValue(sheet, "F2", excelize.Options{RawCellValue: true})
	if err != nil || raw != "1200" {
		t.Fatalf("F2 raw %q (%v), want the number 1200", raw, err)
	}
	if typ, _ := f.GetCellType(sheet, "F2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("F2 is text (%v)", typ)
	}
	for _, c := range []struct{ sheet, cell string }{{sheet, "F2"}, {sheet, "F3"}, {formulaLabels().Inventory, "E2"}, {formulaLabels().Coverage, "C2"}} {
		id, err := f.GetCellStyle(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.NumFmt != 4 {
			t.Errorf("%s!%s: number format %d, want 4 (#,##0.00)", c.sheet, c.cell, st.NumFmt)
		}
	}
	if shown, _ := f.GetCellValue(sheet, "F2"); shown != "1,200.00" {
		t.Errorf("F2 shows %q, want the grouped 1,200.00 (1.200,00 in German)", shown)
	}
}
