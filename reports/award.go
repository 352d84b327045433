package reports

import (
	"io"

	"schulit-lotse/domain"
	"schulit-lotse/reports/award"
)

// The award documents are written by reports/award; these names keep the callers' API.

// WriteServiceSpec writes the Leistungsbeschreibung as PDF to w.
func WriteServiceSpec(w io.Writer, p *domain.Project, opt Options) error {
	return award.WriteServiceSpec(w, p, opt)
}

// WriteServiceSpecFile writes the Leistungsbeschreibung as PDF to path atomically.
func WriteServiceSpecFile(path string, p *domain.Project, opt Options) error {
	return award.WriteServiceSpecFile(path, p, opt)
}

// WriteServiceSpecText writes the Leistungsbeschreibung as Markdown to w.
func WriteServiceSpecText(w io.Writer, p *domain.Project, opt Options) error {
	return award.WriteServiceSpecText(w, p, opt)
}

// WriteServiceSpecTextFile writes the Leistungsbeschreibung as Markdown to path atomically.
func WriteServiceSpecTextFile(path string, p *domain.Project, opt Options) error {
	return award.WriteServiceSpecTextFile(path, p, opt)
}

// WriteServiceSpecDocx writes the Leistungsbeschreibung as a Word document to w.
func WriteServiceSpecDocx(w io.Writer, p *domain.Project, opt Options) error {
	return award.WriteServiceSpecDocx(w, p, opt)
}

// WriteServiceSpecDocxFile writes the Leistungsbeschreibung as a Word document to path atomically.
func WriteServiceSpecDocxFile(path string, p *domain.Project, opt Options) error {
	return award.WriteServiceSpecDocxFile(path, p, opt)
}

// WriteAwardRecord writes the Vergabevermerk as PDF to w.
func WriteAwardRecord(w io.Writer, p *domain.Project, opt Options) error {
	return award.WriteAwardRecord(w, p, opt)
}

// WriteAwardRecordFile writes the Vergabevermerk to path atomically.
func WriteAwardRecordFile(path string, p *domain.Project, opt Options) error {
	return award.WriteAwardRecordFile(path, p, opt)
}

// FreezeText says whether and why the tender's criteria are fixed (award.FreezeText).
func FreezeText(p *domain.Project, today domain.Date) string { return award.FreezeText(p, today) }

// BidsChartPNG is the chart of performance points against price (award.BidsChartPNG).
func BidsChartPNG(p *domain.Project, wCm, hCm float64) ([]byte, error) {
	return award.BidsChartPNG(p, wCm, hCm)
}
