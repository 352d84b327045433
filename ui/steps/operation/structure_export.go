package operation

import (
	"bytes"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// The Projekt menu offers the step-11 matrices as Excel workbooks or CSV files.
// structureExportActions are the menu actions of structure_export.go.
var StructureExportActions = []kit.Action{
	kit.Action{Step: domain.StepStructure, Label: "structure.menu.export_raci", Run: func(ctx *kit.Context) {
		exportDialog(ctx, lang.L("structure.cli.kind.raci"), reports.RaciSheet)
	}},
	kit.Action{Step: domain.StepStructure, Label: "structure.menu.export_communication", Run: func(ctx *kit.Context) {
		exportDialog(ctx, lang.L("structure.cli.kind.communication"), reports.CommunicationSheet)
	}},
}

// exportDialog asks where to save and writes the sheet there; the extension chosen (.xlsx or
// .csv) decides the format.
func exportDialog(ctx *kit.Context, title string, sheet func(p *domain.Project) reports.StructureSheet) {
	ctx.SaveFile(kit.FileChoice{Exts: []string{".xlsx", ".csv"}, Name: title + ".xlsx", FyneSize: true}, func(w fyne.URIWriteCloser) {
		defer w.Close()
		data, err := sheetBytes(w.URI().Extension(), sheet(ctx.Session.Project))
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			ctx.Report(err)
			return
		}
		dialog.ShowInformation(title, lang.L("structure.export.done", map[string]any{"Path": w.URI().Path()}), ctx.Window)
	})
}

// sheetBytes renders a sheet in the format its file extension names.
func sheetBytes(ext string, s reports.StructureSheet) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch strings.ToLower(ext) {
	case ".xlsx":
		err = reports.WriteSheetXLSX(&buf, s)
	case ".csv":
		err = reports.WriteSheetCSV(&buf, s)
	default:
		return nil, kit.InputError(lang.L("structure.export.ext"))
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
