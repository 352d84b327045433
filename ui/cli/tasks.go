package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/persistence/importers"
)

func init() {
	importKinds["tasks"] = importTasks
	exportKinds["tasks"] = exportTasks
}

// TaskLabels are the translated sheet names, headers and texts of the task workbook.
func TaskLabels() importers.TaskSheetLabels {
	l := importers.TaskSheetLabels{
		Inventory:    lang.L("everyday.xlsx.sheet.inventory"),
		Requirements: lang.L("everyday.xlsx.sheet.requirements"),
		Coverage:     lang.L("everyday.xlsx.sheet.coverage"),
		Package:      lang.L("everyday.xlsx.package"),
		TargetState:  lang.L("everyday.xlsx.target_state"),
		Criteria:     lang.L("everyday.xlsx.criteria"),
		Unsorted:     lang.L("everyday.xlsx.unsorted"),
		Yes:          lang.L("everyday.xlsx.yes"),
		Headers:      map[string]string{},
		Units:        map[domain.EffortUnit]string{},
		States:       map[domain.Coverage]string{},
	}
	for _, f := range importers.TaskFields {
		l.Headers[f] = lang.L("everyday.field." + f)
	}
	for _, u := range domain.EffortUnits {
		l.Units[u] = lang.L("unit." + string(u))
	}
	for _, c := range domain.CoverageStates {
		l.States[c] = lang.L("everyday.coverage." + string(c))
	}
	return l
}

// exportTasks writes the inventory, the requirement list and the coverage table: a workbook
// for .xlsx, the inventory as German Excel CSV for .csv.
func exportTasks(e *env, proj *domain.Project, _, out string, _ parsedArgs) error {
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".xlsx" && ext != ".csv" {
		return failf("everyday.cli.export_ext", map[string]any{"Path": out})
	}
	var buf bytes.Buffer
	var err error
	if ext == ".csv" {
		err = importers.WriteTasksCSV(&buf, proj, TaskLabels())
	} else {
		err = importers.WriteTasksXLSX(&buf, proj, TaskLabels())
	}
	if err != nil {
		return err
	}
	if err := writeFileAtomic(out, func(f *os.File) error { _, err := f.Write(buf.Bytes()); return err }); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.export.done", map[string]any{"Path": out, "Tasks": len(proj.Tasks)}))
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
		f, err := e.openForEdit(target)
		if err != nil {
			return err
		}
		defer f.Close()
		proj, err := f.Load()
		if err != nil {
			return err
		}
		maxID, maxOrder := int64(0), 0
		for _, t := range proj.Tasks {
			maxID, maxOrder = max(maxID, t.ID), max(maxOrder, t.SortOrder)
		}
		AssignTaskIDs(tasks, maxID, maxOrder)
		if err := f.SaveTasks(tasks); err != nil {
			return err
		}
	}
	fmt.Fprintln(e.out, lang.L("everyday.import.done", map[string]any{"Count": len(tasks), "Path": target,
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
		return translated{fmt.Errorf("%s", ImportErrorText(ie))}
	}
	return err
}

// ImportErrorText is an import error as a sentence: where (file, line or cell, column) and what.
func ImportErrorText(e *importers.Error) string {
	where := e.File
	switch {
	case e.Cell != "":
		where = lang.L("everyday.import.at_cell", map[string]any{"File": e.File, "Cell": e.Cell})
	case e.Line > 0:
		where = lang.L("everyday.import.at_line", map[string]any{"File": e.File, "Line": e.Line})
	}
	what := lang.L(e.Key, e.Data())
	if e.Header != "" {
		what = lang.L("everyday.import.in_column", map[string]any{"Header": e.Header}) + " " + what
	}
	return where + ": " + what
}
