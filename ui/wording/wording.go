// Package wording puts what the program holds into the user's words where the GUI, its step
// editors and the command line say the same thing: file sizes, import errors, the labels of the
// task workbook and of anonymised copies, numbers of the monitoring.
package wording

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence/importers"
	"schulit-lotse/reports"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"
)

// MailLimit is the size above which many mail servers refuse an attachment.
const MailLimit = 10 << 20

// FormatBytes is a file size as people read it: "840 KB", "12,4 MB" (German) or "12.4 MB".
func FormatBytes(n int64, language string) string {
	const kb, mb = 1 << 10, 1 << 20
	var s string
	switch {
	case n < kb:
		return fmt.Sprintf("%d B", n)
	case n < mb:
		s = fmt.Sprintf("%d KB", (n+kb/2)/kb)
	default:
		s = fmt.Sprintf("%.1f MB", float64(n)/mb)
	}
	if language != "en" {
		s = replaceDot(s)
	}
	return s
}

func replaceDot(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '.' {
			b[i] = ','
		}
	}
	return string(b)
}

// ShareLabels are the translated words that stand in for names in an anonymised copy.
func ShareLabels() domain.ShareLabels {
	return domain.ShareLabels{
		Person: func(n int) string {
			return lang.L("everyday.share.person", map[string]any{"Letter": domain.Letters(n)})
		},
		Deputy: func(role string) string { return lang.L("everyday.share.deputy", map[string]any{"Role": role}) },
	}
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

// TaskImportError is an import error as a sentence: where (file, line or cell, column) and what.
func TaskImportError(e *importers.Error) string {
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

// MonitoringImportError puts an importer's error into a sentence: where (file, line, column with its
// header, or the cell of a sheet), what, and that nothing was stored. Other errors come back
// as they are.
func MonitoringImportError(err error) string {
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

// Number writes v with at most two decimals.
func Number(v float64) string { return reports.KPIValue(v, kpi.UnitScore, true) }

// Number1 writes v with one decimal.
func Number1(v float64) string {
	return strings.TrimSuffix(reports.KPIValue(v, kpi.UnitPercent, true), " %")
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
	for _, pr := range tf.Proposals {
		out = append(out, lang.L("import.note.proposed", map[string]any{"Column": pr.Column, "Field": lang.L("import.field." + pr.Field), "Key": pr.Field}))
	}
	out = append(out, unusedNote(tf.Unused())...)
	if !tf.HasColumn(importers.FieldFirstResponse) {
		out = append(out, lang.L("import.note.no_response_column"))
	}
	return out
}

// CallNotes are the remarks of a call import for the CLI and the dialog: stray bytes and the
// columns the import does not read.
func CallNotes(cf *importers.CallFile) []string {
	return append(TableNotes(cf.Table), unusedNote(cf.Unused())...)
}

// SurveyNotes are the remarks of a survey import for the CLI and the dialog: stray bytes and
// the columns the import does not read (the questions not counted).
func SurveyNotes(sf *importers.SurveyFile) []string {
	return append(TableNotes(sf.Table), unusedNote(sf.Unused())...)
}

func unusedNote(cols []string) []string {
	if len(cols) == 0 {
		return nil
	}
	return []string{lang.L("import.note.unused_columns", map[string]any{"Columns": strings.Join(cols, ", ")})}
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

// rawKey matches a translation key inside a refusal's detail ("tasks[2]: err.task.name").
var rawKey = regexp.MustCompile(`\b[a-z]+(\.[a-z_]+)+\b`)

// RefusalDetail is a refusal's detail with every translation key in it replaced by its sentence,
// so that no user reads "err.settings.hours_per_person_day". Words that only look like keys
// (file names such as "a.lotse") stay when no sentence exists for them.
func RefusalDetail(detail string) string {
	return rawKey.ReplaceAllStringFunc(detail, func(k string) string {
		if IsTranslationKey(k) {
			return lang.L(k)
		}
		return k
	})
}

var (
	keysOnce sync.Once
	keys     map[string]bool
)

// IsTranslationKey reports whether k is a key of the translation files (of any language).
func IsTranslationKey(k string) bool {
	keysOnce.Do(func() {
		keys = map[string]bool{}
		fsys := assets.TranslationsFS()
		files, _ := fs.Glob(fsys, "translations/*.json")
		for _, f := range files {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				continue
			}
			var m map[string]any
			if json.Unmarshal(b, &m) == nil {
				for key := range m {
					keys[key] = true
				}
			}
		}
	})
	return keys[k]
}

// EscalationText says which figure was red in two Jour fixes in a row and which escalation level
// of step 11 that calls for.
func EscalationText(e kpi.Escalation) string {
	data := map[string]any{"KPI": reports.KPILabel(e.Indicator), "From": reports.FormatDay(e.Meetings[0].Time),
		"To": reports.FormatDay(e.Meetings[1].Time)}
	if e.Level == nil {
		return lang.L("kpi.escalate.no_level", data)
	}
	data["Level"], data["Trigger"] = e.Level.Level, e.Level.Trigger
	return lang.L("kpi.escalate", data)
}
