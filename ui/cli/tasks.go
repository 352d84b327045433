package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/persistence/importers"
	"schulit-lotse/reports/pdfkit"
	"schulit-lotse/ui/wording"
)

// exportTasks writes the inventory, the requirement list and the coverage table: a workbook
// for .xlsx, the inventory as German Excel CSV for .csv.
func exportTasks(e *env, proj *domain.Project, _, out string, _ parsedArgs) error {
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".xlsx" && ext != ".csv" {
		return failf("everyday.cli.export_ext", map[string]any{"Path": out})
	}
	write := importers.WriteTasksXLSX
	if ext == ".csv" {
		write = importers.WriteTasksCSV
	}
	if err := pdfkit.WriteAtomically(out, func(w io.Writer) error { return write(w, proj, wording.TaskLabels()) }); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.export.done", map[string]any{"Path": out, "Tasks": e.count(len(proj.Tasks))}))
	return nil
}

// importTasks adds the tasks of a CSV or XLSX file to a project (a new one when the file does
// not exist yet). Columns are found by their headers; the mapping used is printed.
func importTasks(e *env, target, src string, p parsedArgs) error {
	if f, ok := p.val("format"); ok && f != "auto" && f != "csv" && f != "xlsx" {
		return usagef("cli.err.format_unknown", map[string]any{"Format": f})
	}
	if err := requireProjectName(target); err != nil {
		return err
	}
	table, err := importers.ReadFile(src)
	if err != nil {
		return importErr(err)
	}
	m := importers.GuessTaskMapping(table)
	tasks, err := importers.ReadTasks(table, m)
	if err != nil {
		return importErr(err)
	}
	if _, err := os.Lstat(target); err != nil {
		proj := domain.NewProject(strings.TrimSuffix(filepath.Base(target), filepath.Ext(target)), e.now())
		proj.Tasks = tasks
		AssignTaskIDs(proj.Tasks, 0, 0)
		if err := e.createProject(target, proj); err != nil {
			return err
		}
	} else {
		f, proj, err := e.openForEdit(target)
		if err != nil {
			return err
		}
		defer f.Close()
		maxID, maxOrder := int64(0), 0
		for _, t := range proj.Tasks {
			maxID, maxOrder = max(maxID, t.ID), max(maxOrder, t.SortOrder)
		}
		AssignTaskIDs(tasks, maxID, maxOrder)
		if err := f.SaveTasks(tasks); err != nil {
			return err
		}
	}
	fmt.Fprintln(e.out, lang.L("everyday.import.done", map[string]any{"Count": e.count(len(tasks)), "Path": target,
		"File": table.File, "Encoding": table.Encoding, "Columns": MappingText(table, m)}))
	return nil
}

// AssignTaskIDs numbers imported tasks after the project's largest id and row.
func AssignTaskIDs(ts []domain.Task, maxID int64, maxOrder int) {
	for i := range ts {
		ts[i].ID = maxID + int64(i) + 1
		ts[i].SortOrder = maxOrder + i + 1
	}
}

// MappingText names which column fills which field: "Aufgabe ← „Tätigkeit“ (A), …".
func MappingText(t *importers.Table, m importers.TaskMapping) string {
	var parts []string
	header := t.Rows[m.Header]
	for _, f := range importers.TaskFields {
		c := m.Column(f)
		if c < 0 || c >= len(header) {
			continue
		}
		parts = append(parts, lang.L("everyday.import.column", map[string]any{
			"Field": lang.L("everyday.field." + f), "Header": header[c], "Letter": domain.Letters(c)}))
	}
	return strings.Join(parts, ", ")
}

// importErr words an import error with its place in the file.
func importErr(err error) error {
	if ie, ok := err.(*importers.Error); ok {
		return translated{fmt.Errorf("%s", wording.TaskImportError(ie))}
	}
	return err
}
