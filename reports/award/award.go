// Package award writes the award part of a project: the Gesamtbericht's sections of steps 7 to 9
// (Leistungsvereinbarung, Ausschreibung, Vertrag), the Leistungsbeschreibung (PDF, Markdown and
// Word) and the Vergabevermerk. Package reports lists the sections and keeps the writers' names.
package award

import "schulit-lotse/reports/pdfkit"

// tr translates key with optional template data (pdfkit.Tr).
func tr(key string, data ...map[string]any) string { return pdfkit.Tr(key, data...) }
