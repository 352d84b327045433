// Package monitoringtext puts the figures and messages of step 12 into words for the dashboard
// and the command line: the KPI wording is the reports package's (so screen, PDF and terminal
// say the same), the messages of the importers are put together here.
package monitoringtext

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence/importers"
	"schulit-lotse/reports"
)

// Label is the KPI's name ("Reaktion im Ziel", "P1: Lösung im Ziel").
func Label(in kpi.Indicator) string { return reports.KPILabel(in) }

// IndicatorValue is the value of a tile with its unit.
func IndicatorValue(in kpi.Indicator) string { return reports.IndicatorValue(in) }

// Target writes the KPI's target ("≥ 90 %"), "–" without one.
func Target(in kpi.Indicator) string { return reports.KPITarget(in) }

// Previous writes the value of the previous period, "–" without one.
func Previous(in kpi.Indicator) string { return reports.KPIPrevious(in) }

// Light is the traffic light in words.
func Light(l kpi.Light) string { return reports.KPILight(l) }

// Change is the change against the previous period ("−20 (besser)", "+4,3 Pp. (schlechter)").
func Change(in kpi.Indicator) string { return reports.KPIChange(in) }

// FrozenMethod names the calculation method of a frozen Jour-fixe snapshot.
func FrozenMethod(f kpi.Frozen) string { return reports.FrozenMethod(f) }

// ChangeImportance is +1 for a change for the better, −1 for the worse, 0 otherwise.
func ChangeImportance(in kpi.Indicator) int { return reports.KPIChangeImportance(in) }

// Minutes writes a duration given in minutes.
func Minutes(m float64) string { return reports.FormatMinutes(m) }

// Seconds writes a wait.
func Seconds(s float64) string { return reports.FormatSeconds(s) }

// Number writes v with at most two decimals; Number1 with one.
func Number(v float64) string { return reports.KPIValue(v, kpi.UnitScore, true) }
func Number1(v float64) string {
	return strings.TrimSuffix(reports.KPIValue(v, kpi.UnitPercent, true), " %")
}

// Pct writes a share, "–" when nothing was measured.
func Pct(v float64, basis int) string { return reports.FormatPct(v, basis) }

// Day writes a calendar day; DateTime a moment in Berlin time.
func Day(t time.Time) string      { return reports.FormatDay(t) }
func DateTime(t time.Time) string { return reports.FormatDateTime(t) }

// Period writes "01.01.2027 – 31.03.2027".
func Period(p kpi.Period) string { return reports.FormatPeriod(p) }

// ImportError puts an importer's error into a sentence: where (file, line, column with its
// header, or the cell of a sheet), what, and that nothing was stored. Other errors come back
// as they are.
func ImportError(err error) string {
	var e *importers.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	data := e.Data()
	if e.Key == importers.ErrMissingColumn {
		data["Value"] = lang.L("import.field." + e.Value)
	}
	what := lang.L(e.Key, data)
	var where string
	switch {
	case e.Line == 0:
		where = lang.L("import.where.file", data)
	case e.CharColumn:
		where = lang.L("import.where.char", data)
	case e.Cell != "":
		where = lang.L("import.where.cell", data)
	case e.Column > 0 && e.Header != "":
		where = lang.L("import.where.column", data)
	case e.Column > 0:
		where = lang.L("import.where.column_no_header", data)
	default:
		where = lang.L("import.where.line", data)
	}
	return strings.TrimSpace(where + " " + what + " " + lang.L("import.nothing_stored"))
}

// TicketNotes are the remarks of a ticket import that the CLI and the dialog both show: the
// columns the import does not read and a missing first-response column.
func TicketNotes(tf *importers.TicketFile) []string {
	out := TableNotes(tf.Table)
	if tf.ByValues {
		var cols []string
		for _, field := range importers.TicketFields {
			if c, ok := tf.Columns[field]; ok && c < len(tf.Headers) {
				cols = append(cols, lang.L("import.field."+field)+" = „"+strings.TrimSpace(tf.Headers[c])+"“")
			}
		}
		out = append(out, lang.L("import.note.by_values", map[string]any{"Columns": strings.Join(cols, ", ")}))
	}
	if u := tf.Unused(); len(u) > 0 {
		out = append(out, lang.L("import.note.unused_columns", map[string]any{"Columns": strings.Join(u, ", ")}))
	}
	if !tf.HasColumn(importers.FieldFirstResponse) {
		out = append(out, lang.L("import.note.no_response_column"))
	}
	return out
}

// TableNotes are the remarks on how any imported file was read: stray bytes in a UTF-8 file.
func TableNotes(t *importers.Table) []string {
	if len(t.StrayLines) == 0 {
		return nil
	}
	lines := make([]string, len(t.StrayLines))
	for i, l := range t.StrayLines {
		lines[i] = strconv.Itoa(l)
	}
	return []string{lang.L("import.note.stray_bytes", map[string]any{"Encoding": t.Encoding, "Lines": strings.Join(lines, ", ")})}
}
