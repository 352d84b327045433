package award

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/persistence/importers/ics"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/wording"
)

// showFerienImport asks for an iCalendar file and shows what it holds before anything is stored.
func showFerienImport(ctx *kit.Context) {
	if ctx.Window == nil || ctx.Session == nil {
		return
	}
	if ctx.Session.ReadOnly() {
		ctx.Report(persistence.ErrReadOnly)
		return
	}
	ctx.OpenFile(kit.FileChoice{Exts: []string{".ics", ".ical", ".ifb", ".icalendar"}}, func(r fyne.URIReadCloser) {
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, ics.MaxBytes+1))
		if err != nil {
			ctx.Report(err)
			return
		}
		showFerienPreview(ctx, r.URI().Name(), data)
	})
}

// ferienPreview is the dialog that shows what an iCalendar file holds, which reading of DTEND
// the file suggests and why, and imports under the reading the user keeps or switches to.
type ferienPreview struct {
	ctx     *kit.Context
	res     *ics.Result
	source  string
	reading ics.Interpretation
	periods []domain.SchoolHoliday
	radio   *widget.RadioGroup
	table   *kit.InfoTable
	replace *widget.Check
	dlg     dialog.Dialog
	done    func(added int) // tests observe the import
}

// showFerienPreview parses data; a broken file gets a message naming the line and nothing else.
func showFerienPreview(ctx *kit.Context, name string, data []byte) *ferienPreview {
	p := ctx.Session.Project
	res, err := ics.ParseWith(data, ics.Options{Until: p.PlanningEnd(ctx.Session.Today())})
	if err != nil {
		ctx.Report(kit.InputError(wording.ICSError(err)))
		return nil
	}
	fp := &ferienPreview{ctx: ctx, res: res, source: filepath.Base(name), reading: res.Detected}
	cal := res.Calendar
	if cal == "" {
		cal = "–"
	}
	read := widget.NewLabel(strings.Join(append([]string{lang.L("award.import.read", map[string]any{"File": fp.source, "Calendar": cal,
		"Events": len(res.Events), "Skipped": res.Skipped})}, wording.ICSRecurrenceNotes(res)...), " "))
	read.Wrapping = fyne.TextWrapWord
	reason := widget.NewLabel(wording.ICSReason(res))
	reason.Wrapping = fyne.TextWrapWord
	reason.Importance = widget.MediumImportance

	labels := []string{fp.readingLabel(ics.Exclusive), fp.readingLabel(ics.Inclusive)}
	fp.radio = widget.NewRadioGroup(labels, func(s string) {
		if s == labels[1] {
			fp.reading = ics.Inclusive
		} else {
			fp.reading = ics.Exclusive
		}
		fp.refresh()
	})
	if res.Evidence.Ambiguous == 0 {
		fp.radio.Disable()
	}
	fp.table = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.report.col.ferien"), Width: 220, Grow: 1},
		{Title: lang.L("award.report.col.first"), Width: 130},
		{Title: lang.L("award.report.col.last"), Width: 130},
		{Title: lang.L("award.report.col.days"), Width: 60, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.import.col.dtend"), Width: 130},
	}, 230)
	fp.replace = widget.NewCheck(lang.L("award.import.replace", map[string]any{"Count": len(ctx.Session.Project.SchoolHolidays)}), nil)
	if len(ctx.Session.Project.SchoolHolidays) == 0 {
		fp.replace.Hide()
	}
	top := container.NewVBox(read, kit.Heading(lang.L("award.import.reading")), reason, fp.radio)
	body := kit.NewBorder(top, fp.replace, nil, nil, fp.table.Content)
	if res.Detected == ics.Inclusive {
		fp.radio.SetSelected(labels[1])
	} else {
		fp.radio.SetSelected(labels[0])
	}
	fp.refresh()
	fp.dlg = dialog.NewCustomConfirm(lang.L("award.import.title"), lang.L("award.import.confirm"), lang.L("ui.cancel"),
		fixedSize(body, 820, 520), func(ok bool) {
			if ok {
				fp.apply()
			}
		}, ctx.Window)
	fp.dlg.Show()
	return fp
}

func (fp *ferienPreview) readingLabel(i ics.Interpretation) string {
	s := lang.L("award.ics.reading." + string(i))
	if i == fp.res.Detected && fp.res.Evidence.Ambiguous > 0 {
		s += " – " + lang.L("award.import.detected")
	}
	return s
}

// refresh converts the events under the chosen reading.
func (fp *ferienPreview) refresh() {
	fp.periods = fp.res.Holidays(fp.reading, lang.L("award.holiday.unnamed"), fp.source)
	ends := map[string]string{}
	for _, e := range fp.res.Events {
		if e.Ambiguous {
			ends[e.Start.String()+"|"+e.LastDay(fp.reading).String()] = day(e.End)
		}
	}
	rows := make([][]string, len(fp.periods))
	for i, h := range fp.periods {
		dtend := ends[h.First.String()+"|"+h.Last.String()]
		if dtend == "" {
			dtend = "–"
		}
		rows[i] = []string{h.Name, day(h.First), day(h.Last), strconv.Itoa(domain.DaysBetween(h.First, h.Last) + 1), dtend}
	}
	fp.table.SetRows(rows)
}

// apply imports the periods as one undoable step.
func (fp *ferienPreview) apply() {
	added, err := fp.ctx.Session.ImportHolidays(fp.periods, fp.replace.Checked)
	if err != nil {
		fp.ctx.Report(err)
		return
	}
	if fp.done != nil {
		fp.done(added)
	}
	if fp.ctx.Window != nil {
		dialog.ShowInformation(lang.L("award.import.title"), lang.L("award.import.done", map[string]any{"Added": added, "Skipped": len(fp.periods) - added}), fp.ctx.Window)
	}
}

// fixedSize gives a dialog's content a size to start from.
func fixedSize(o fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	return container.New(&minSizeLayout{size: fyne.NewSize(w, h)}, o)
}

type minSizeLayout struct{ size fyne.Size }

func (l *minSizeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return l.size.Max(kit.StackMinSize(objs))
}

func (l *minSizeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) { kit.Stack(objs, size) }
