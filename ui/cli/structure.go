package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
	"schulit-lotse/reports/pdfkit"
)

// Exports of step 11: `lotse export FILE --kind raci|communication OUT.xlsx|OUT.csv`.
func exportRaci(e *env, proj *domain.Project, _, out string, _ parsedArgs) error {
	return exportSheet(e, "raci", reports.RaciSheet(proj), out)
}

func exportCommunication(e *env, proj *domain.Project, _, out string, _ parsedArgs) error {
	return exportSheet(e, "communication", reports.CommunicationSheet(proj), out)
}

// exportSheet writes a sheet as a workbook (.xlsx) or as German Excel CSV (.csv).
func exportSheet(e *env, kind string, s reports.StructureSheet, out string) error {
	var write func(io.Writer, reports.StructureSheet) error
	switch strings.ToLower(filepath.Ext(out)) {
	case ".xlsx":
		write = reports.WriteSheetXLSX
	case ".csv":
		write = reports.WriteSheetCSV
	default:
		return failf("structure.cli.export_ext", map[string]any{"Path": out})
	}
	if err := pdfkit.WriteAtomically(out, func(w io.Writer) error { return write(w, s) }); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("structure.cli.export_done", map[string]any{
		"Path": out, "Rows": e.count(len(s.Rows)), "What": lang.L("structure.cli.kind." + kind),
	}))
	return nil
}
