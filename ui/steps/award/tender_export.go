package award

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

// The Leistungsbeschreibung from the Projekt menu: as PDF, and for the procurement office to
// edit further as Word document or as structured text (the same as `lotse report --type tender`
// and `lotse export --kind leistungsbeschreibung`).
// tenderExportActions are the menu actions of tender_export.go.
var TenderExportActions = []kit.Action{
	kit.Action{Step: domain.StepTender, Label: "award.action.spec_pdf", Run: func(ctx *kit.Context) { saveServiceSpec(ctx, ".pdf") }},
	kit.Action{Step: domain.StepTender, Label: "award.action.spec_docx", Run: func(ctx *kit.Context) { saveServiceSpec(ctx, ".docx") }},
	kit.Action{Step: domain.StepTender, Label: "award.action.spec_text", Run: func(ctx *kit.Context) { saveServiceSpec(ctx, ".md") }},
	kit.Action{Step: domain.StepTender, Label: "award.action.record_pdf", Run: saveAwardRecord},
}

// awardRecordBytes renders the Vergabevermerk (the same as lotse report --type vergabevermerk).
func awardRecordBytes(p *domain.Project, opt reports.Options, _ string) ([]byte, error) {
	var buf bytes.Buffer
	err := reports.WriteAwardRecord(&buf, p, opt)
	return buf.Bytes(), err
}

// saveAwardRecord asks where to save the Vergabevermerk and writes it there.
func saveAwardRecord(ctx *kit.Context) {
	saveAwardDocument(ctx, []string{".pdf"}, "award.record.file_name", ".pdf", "award.record.title", "award.record.saved", awardRecordBytes)
}

// serviceSpecBytes renders the Leistungsbeschreibung in the format the extension names (its
// Mengengerüst counted where opt.Monitoring keeps the tickets and calls).
func serviceSpecBytes(p *domain.Project, opt reports.Options, ext string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch strings.ToLower(ext) {
	case ".pdf":
		err = reports.WriteServiceSpec(&buf, p, opt)
	case ".docx":
		err = reports.WriteServiceSpecDocx(&buf, p, opt)
	case ".md", ".txt":
		err = reports.WriteServiceSpecText(&buf, p, opt)
	default:
		return nil, kit.InputError(lang.L("award.spec.ext"))
	}
	return buf.Bytes(), err
}

// saveServiceSpec asks where to save the Leistungsbeschreibung and writes it there.
func saveServiceSpec(ctx *kit.Context, ext string) {
	exts := []string{".md", ".txt"}
	if ext == ".pdf" || ext == ".docx" {
		exts = []string{ext}
	}
	saveAwardDocument(ctx, exts, "award.spec.file_name", ext, "award.spec.title", "award.spec.saved", serviceSpecBytes)
}

// saveAwardDocument asks where to save and writes the document render makes there. The document
// is made off the UI thread; the dialog reports back when it is written.
func saveAwardDocument(ctx *kit.Context, exts []string, nameKey, ext, titleKey, savedKey string, render func(*domain.Project, reports.Options, string) ([]byte, error)) {
	ctx.SaveFile(kit.FileChoice{Exts: exts, Name: lang.L(nameKey) + ext}, func(w fyne.URIWriteCloser) {
		opt := kit.ReportOptions(ctx.Session, ctx.Session.Now())
		ctx.Background(func(snap *domain.Project) error {
			data, err := render(snap, opt, w.URI().Extension())
			if err == nil {
				_, err = w.Write(data)
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			return err
		}, func(err error) {
			if err != nil {
				ctx.Report(err)
				return
			}
			dialog.ShowInformation(lang.L(titleKey), lang.L(savedKey, map[string]any{"Path": w.URI().Path()}), ctx.Window)
		})
	})
}
