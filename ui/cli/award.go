package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/persistence/importers/ics"
	"schulit-lotse/reports"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/wording"
)

// Steps 7–9 on the command line: Ferien from iCalendar files, the Leistungsbeschreibung as PDF
// (report type "tender") and as structured text (export kind "leistungsbeschreibung").
//
// The editable forms are a Word document (.docx, written with github.com/gomutex/godocx: MIT,
// pure Go, no further dependencies) with Word's heading styles, lists and tables, and numbered
// Markdown (.md), readable as plain text. Both carry the same content as the PDF.

// Formats of --kind holidays: auto reads the file and detects the reading of DTEND; the
// others fix it.
const (
	formatICSExclusive = "ics-exclusive"
	formatICSInclusive = "ics-inclusive"
)

// maxICSBytes is read at most; ics.Parse refuses larger files with a message.
const maxICSBytes = ics.MaxBytes + 1

// importHolidays reads Ferien from an iCalendar file into an existing project. It shows what
// was read and which reading of DTEND it chose and why; --format ics-exclusive or
// ics-inclusive fixes the reading. A file with a broken line stores nothing.
func importHolidays(e *env, target, src string, p parsedArgs) error {
	format, _ := p.val("format")
	var forced ics.Interpretation
	switch format {
	case "", "auto", "ics":
	case formatICSExclusive:
		forced = ics.Exclusive
	case formatICSInclusive:
		forced = ics.Inclusive
	default:
		return usagef("cli.err.format_unknown", map[string]any{"Format": format})
	}
	if err := requireProjectName(target); err != nil {
		return err
	}
	data, err := readLimited(src, maxICSBytes)
	if err != nil {
		return err
	}
	f, proj, err := e.openForEdit(target)
	if err != nil {
		return err
	}
	defer f.Close()
	// Yearly entries without an end run over the years the project covers.
	res, err := ics.ParseWith(data, ics.Options{Until: proj.PlanningEnd(proj.AsOf(e.now()))})
	if err != nil {
		return translated{errors.New(wording.ICSError(err))}
	}
	reading := res.Detected
	if forced != "" {
		reading = forced
	}
	source := filepath.Base(src)
	hs := res.Holidays(reading, lang.L("award.holiday.unnamed"), source)
	printICSResult(e, src, res, reading, forced != "", hs)
	added, err := session.New(f, proj).ImportHolidays(hs, false)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("award.cli.import.done", map[string]any{"Added": added, "Skipped": len(hs) - added, "Path": target}))
	return nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, limit))
}

// printICSResult shows what the file holds, the reading chosen and why, and every period.
func printICSResult(e *env, src string, res *ics.Result, reading ics.Interpretation, forced bool, hs []domain.SchoolHoliday) {
	cal := res.Calendar
	if cal == "" {
		cal = "–"
	}
	fmt.Fprintln(e.out, lang.L("award.cli.import.read", map[string]any{"Path": src, "Calendar": cal, "Events": e.count(len(res.Events)), "Skipped": e.count(res.Skipped)}))
	for _, n := range wording.ICSRecurrenceNotes(res) {
		fmt.Fprintln(e.out, "  "+n)
	}
	how := lang.L("award.ics.detected")
	if forced {
		how = lang.L("award.ics.forced")
	}
	fmt.Fprintln(e.out, lang.L("award.cli.import.reading", map[string]any{"Reading": lang.L("award.ics.reading." + string(reading)), "How": how}))
	if forced && reading != res.Detected {
		// The reason argues for the detected reading, not for the forced one: say so.
		fmt.Fprintln(e.out, "  "+lang.L("award.cli.import.detected_other"))
	}
	fmt.Fprintln(e.out, "  "+wording.ICSReason(res))
	if !forced && res.Evidence.Ambiguous > 0 {
		other := formatICSInclusive
		if reading == ics.Inclusive {
			other = formatICSExclusive
		}
		fmt.Fprintln(e.out, "  "+lang.L("award.cli.import.switch", map[string]any{"Format": other}))
	}
	nameW := 0
	for _, h := range hs {
		nameW = max(nameW, len([]rune(h.Name)))
	}
	nameW = min(nameW, 60)
	for _, h := range hs {
		days := domain.DaysBetween(h.First, h.Last) + 1
		key := "award.cli.days"
		if days == 1 {
			key = "award.cli.day"
		}
		fmt.Fprintf(e.out, "  %s  %s – %s  %s\n", pad(h.Name, nameW), dayText(h.First), dayText(h.Last),
			lang.L(key, map[string]any{"Count": days}))
	}
}

func dayText(d domain.Date) string {
	return d.String() + " (" + lang.L("award.weekday.short."+strconv.Itoa(int(d.Weekday()))) + ")"
}

// writeServiceSpecReport writes the Leistungsbeschreibung as PDF.
func writeServiceSpecReport(e *env, proj *domain.Project, out string, period reportPeriod) error {
	return writeWithoutPeriod(e, proj, out, period, reports.WriteServiceSpecFile)
}

// writeAwardRecordReport writes the Vergabevermerk: scores with reasons, weights, and the
// changes made after the tender was frozen.
func writeAwardRecordReport(e *env, proj *domain.Project, out string, period reportPeriod) error {
	return writeWithoutPeriod(e, proj, out, period, reports.WriteAwardRecordFile)
}

// exportServiceSpec writes the Leistungsbeschreibung to edit further: as Word document (.docx)
// or as structured text (Markdown; "-" writes it to standard output). The file is opened once:
// the project read without tickets and calls, its Mengengerüst counted in the file.
func exportServiceSpec(e *env, _ *domain.Project, src, out string, _ parsedArgs) error {
	f, err := persistence.Open(src, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer f.Close()
	proj, err := f.LoadPlan()
	if err != nil {
		return err
	}
	opt := reports.Options{Date: e.now(), Monitoring: f}
	if out == "-" {
		return reports.WriteServiceSpecText(e.out, proj, opt)
	}
	write := reports.WriteServiceSpecTextFile
	switch strings.ToLower(filepath.Ext(out)) {
	case ".md", ".txt", ".markdown":
	case ".docx":
		write = reports.WriteServiceSpecDocxFile
	default:
		return failf("award.cli.export.ext", map[string]any{"Path": out})
	}
	if err := write(out, proj, opt); err != nil {
		return translated{err}
	}
	fmt.Fprintln(e.out, lang.L("award.cli.export.done", map[string]any{"Path": out}))
	return nil
}
