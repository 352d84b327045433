package reports

import "schulit-lotse/reports/award"

// The award documents are written by reports/award; these names keep the callers' API.
var (
	// WriteServiceSpec writes the Leistungsbeschreibung as PDF to w; the …File writers write to
	// a path atomically, the …Text ones Markdown, the …Docx ones a Word document.
	WriteServiceSpec         = award.WriteServiceSpec
	WriteServiceSpecFile     = award.WriteServiceSpecFile
	WriteServiceSpecText     = award.WriteServiceSpecText
	WriteServiceSpecTextFile = award.WriteServiceSpecTextFile
	WriteServiceSpecDocx     = award.WriteServiceSpecDocx
	WriteServiceSpecDocxFile = award.WriteServiceSpecDocxFile
	// WriteAwardRecord writes the Vergabevermerk as PDF to w; WriteAwardRecordFile to a path.
	WriteAwardRecord     = award.WriteAwardRecord
	WriteAwardRecordFile = award.WriteAwardRecordFile
	// FreezeText says whether and why the tender's criteria are fixed.
	FreezeText = award.FreezeText
	// CriterionCells are a criterion's weight, share and minimum score as the criteria table
	// shows them.
	CriterionCells = award.CriterionCells
	// BidsChartPNG is the chart of performance points against price, as in the report.
	BidsChartPNG = award.BidsChartPNG
)
