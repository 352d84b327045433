package monitoring

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// meetingsTab holds the Jour-fixe minutes: the meetings on the left; on the right the chosen
// meeting's date, participants and notes, the KPIs of a period frozen into the minutes, and the
// measures agreed there together with those from earlier meetings that are not done yet.
type meetingsTab struct {
	ed       *monitoringEditor
	list     *widget.List
	meetings []domain.JourFixe
	selected int64

	date, notes *kit.CommitEntry
	people      *kit.AttendeePicker
	freezeFrom  *kit.CommitEntry
	freezeTo    *kit.CommitEntry
	freezeBtn   *widget.Button
	protocolBtn *widget.Button
	inviteBtn   *widget.Button
	frozenInfo  *widget.Label
	frozen      *table
	frozenRows  []kpi.Indicator

	measures   *table
	shown      []domain.Measure
	measure    int64
	mText      *kit.CommitEntry
	mOwner     *kit.AttendeePicker
	mDue       *kit.CommitEntry
	mStatus    *widget.Select
	mFields    []fyne.Disableable
	addM, delM *widget.Button
	addJ, delJ *widget.Button

	detail  *fyne.Container
	empty   fyne.CanvasObject
	content fyne.CanvasObject
	// frozenDone is called after a freeze is committed (tests wait for it).
	frozenDone func()
}

func newMeetingsTab(ed *monitoringEditor) *meetingsTab {
	t := &meetingsTab{ed: ed}
	t.list = widget.NewList(func() int { return len(t.meetings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(t.meetings) {
				j := t.meetings[id]
				o.(*widget.Label).SetText(lang.L("mon.jf.item", map[string]any{"Date": reports.FormatDay(j.Date.Time), "Measures": t.countMeasures(j.ID)}))
			}
		})
	t.list.OnSelected = func(id widget.ListItemID) {
		if id < len(t.meetings) && t.meetings[id].ID != t.selected {
			t.selected = t.meetings[id].ID
			t.measure = 0
			t.load()
		}
	}
	t.addJ = widget.NewButtonWithIcon(lang.L("mon.jf.add"), theme.ContentAddIcon(), t.addMeeting)
	t.delJ = widget.NewButtonWithIcon(lang.L("mon.delete"), theme.DeleteIcon(), t.deleteMeeting)

	t.date = kit.NewCommitEntry()
	t.date.SetPlaceHolder(lang.L("steps.date.placeholder"))
	t.commit(t.date, func(s string) error {
		d, err := kit.ParseDate(s)
		if err != nil {
			return err
		}
		if d == nil {
			return kit.InputError(lang.L("err.monitoring.jourfixe_date"))
		}
		return t.update("undo.monitoring.jourfixe", func(j *domain.JourFixe) { j.Date = *d })
	})
	t.people = kit.NewAttendeePicker(func(as []domain.Attendee) error {
		return t.update("undo.monitoring.jourfixe", func(j *domain.JourFixe) { j.Participants = as })
	}, t.ed.ctx.Report)
	t.notes = kit.AsNote(kit.NewCommitEntry(), 4)
	t.commit(t.notes, func(s string) error {
		return t.update("undo.monitoring.jourfixe", func(j *domain.JourFixe) { j.Notes = strings.TrimRight(s, " \n") })
	})

	t.freezeFrom = kit.NewCommitEntry()
	t.freezeTo = kit.NewCommitEntry()
	t.freezeBtn = widget.NewButtonWithIcon(lang.L("mon.jf.freeze"), theme.ContentCopyIcon(), t.freeze)
	t.protocolBtn = widget.NewButtonWithIcon(lang.L("mon.jf.protocol"), theme.DocumentPrintIcon(), func() {
		if j := t.current(); j != nil {
			day := j.Date
			savePDF(t.ed.ctx, lang.L("mon.jf.protocol_file", map[string]any{"Date": day.String()}), func(path string) {
				writeProtocol(t.ed.ctx, path, day, nil)
			})
		}
	})
	t.inviteBtn = widget.NewButtonWithIcon(lang.L("mon.jf.invite"), theme.MailComposeIcon(), func() {
		if j := t.current(); j != nil {
			day := j.Date
			savePDF(t.ed.ctx, lang.L("mon.jf.invite_file", map[string]any{"Date": day.String()}), func(path string) {
				writeInvitation(t.ed.ctx, path, day, nil)
			})
		}
	})
	t.frozenInfo = widget.NewLabel("")
	t.frozenInfo.Wrapping = fyne.TextWrapWord
	t.frozen = newTable([]col{
		{title: lang.L("kpi.col.kpi"), width: 200, grow: 2}, {title: lang.L("kpi.col.value"), width: 90, right: true},
		{title: lang.L("kpi.col.target"), width: 90, right: true}, {title: lang.L("kpi.col.light"), width: 60},
		{title: lang.L("kpi.col.previous"), width: 100, right: true},
	}, 170, func() int { return len(t.frozenRows) }, func(r, c int) string {
		in := t.frozenRows[r]
		return [...]string{reports.KPILabel(in), reports.IndicatorValue(in), reports.KPITarget(in),
			reports.KPILight(in.Light), reports.KPIPrevious(in)}[c]
	}, nil)
	t.frozen.tint = func(r int) color.Color { return lightTint(t.frozenRows[r].Light) }

	t.measures = newTable([]col{
		{title: lang.L("kpi.col.measure"), width: 220, grow: 3}, {title: lang.L("kpi.col.owner"), width: 130, grow: 1},
		{title: lang.L("kpi.col.due"), width: 90}, {title: lang.L("kpi.col.state"), width: 90}, {title: lang.L("kpi.col.agreed"), width: 90},
	}, 160, func() int { return len(t.shown) }, t.measureCell, func(r int) {
		if r < len(t.shown) {
			t.measure = t.shown[r].ID
			t.loadMeasure()
		}
	})
	t.measures.tint = func(r int) color.Color {
		if r < len(t.shown) && domain.MeasureOverdue(t.shown[r], t.ed.sess().Today()) {
			return lightTint(kpi.LightRed)
		}
		if r < len(t.shown) && t.shown[r].ID == t.measure {
			return selected
		}
		return nil
	}
	t.mText = kit.NewCommitEntry()
	t.commit(t.mText, func(s string) error {
		return t.updateMeasure(func(m *domain.Measure) { m.Text = strings.TrimSpace(s) })
	})
	t.mOwner = kit.NewAttendeePicker(func(as []domain.Attendee) error {
		return t.updateMeasure(func(m *domain.Measure) { m.Owners = as })
	}, t.ed.ctx.Report)
	t.mDue = kit.NewCommitEntry()
	t.mDue.SetPlaceHolder(lang.L("steps.date.placeholder"))
	t.commit(t.mDue, func(s string) error {
		d, err := kit.ParseDate(s)
		if err != nil {
			return err
		}
		return t.updateMeasure(func(m *domain.Measure) { m.Due = d })
	})
	statusLabels := make([]string, len(domain.MeasureStatuses))
	for i, s := range domain.MeasureStatuses {
		statusLabels[i] = lang.L("kpi.measure." + s)
	}
	t.mStatus = widget.NewSelect(statusLabels, func(s string) {
		i := indexOf(statusLabels, s)
		if err := t.updateMeasure(func(m *domain.Measure) { m.Status = domain.MeasureStatuses[i] }); err != nil {
			t.ed.ctx.Report(err)
		}
	})
	t.mFields = []fyne.Disableable{t.mText, t.mDue, t.mStatus}
	t.addM = widget.NewButtonWithIcon(lang.L("mon.jf.add_measure"), theme.ContentAddIcon(), t.addMeasure)
	t.delM = widget.NewButtonWithIcon(lang.L("mon.delete"), theme.DeleteIcon(), t.deleteMeasure)

	// The papers of the meeting sit on a row of their own, so the participants keep the width.
	head := container.NewVBox(sized(kit.Labelled(lang.L("mon.jf.date"), t.date), 140, 0),
		kit.Labelled(lang.L("mon.jf.participants"), t.people.Content), container.NewHBox(t.inviteBtn, t.protocolBtn))
	freezeBar := container.NewHBox(widget.NewLabel(lang.L("mon.period")), sized(t.freezeFrom, 120, 0), widget.NewLabel("–"), sized(t.freezeTo, 120, 0), t.freezeBtn)
	mForm := container.NewVBox(container.New(&kit.WeightedRow{Weights: []float32{1, 0, 0}, Min: []float32{0, 120, 130}},
		kit.Labelled(lang.L("kpi.col.measure"), t.mText), kit.Labelled(lang.L("kpi.col.due"), t.mDue), kit.Labelled(lang.L("kpi.col.state"), t.mStatus)),
		kit.Labelled(lang.L("kpi.col.owner"), t.mOwner.Content))
	t.detail = container.NewVBox(head, kit.Labelled(lang.L("mon.jf.notes"), t.notes),
		widget.NewSeparator(), heading(lang.L("mon.jf.kpis")), container.NewHScroll(freezeBar), t.frozenInfo, t.frozen,
		widget.NewSeparator(), heading(lang.L("mon.jf.measures")), container.NewHBox(t.addM, t.delM), t.measures, mForm)
	hint := widget.NewLabel(lang.L("mon.jf.none"))
	hint.Wrapping = fyne.TextWrapWord
	t.empty = hint
	left := kit.NewBorder(container.NewHBox(t.addJ, t.delJ), nil, nil, nil, t.list)
	split := container.NewHSplit(sized(left, 200, 0), container.NewVScroll(container.NewStack(t.detail, t.empty)))
	split.Offset = 0.24
	t.content = split
	return t
}

// commit runs fn when an entry is left or submitted; a refused value shows its message and the
// entry shows the model again.
func (t *meetingsTab) commit(e *kit.CommitEntry, fn func(string) error) {
	run := func() {
		if err := fn(e.Text); err != nil {
			t.ed.ctx.Report(err)
			revert(t.load)
		}
	}
	e.OnLeave = run
	if !e.MultiLine {
		e.OnSubmitted = func(string) { run() }
	}
}

func (t *meetingsTab) countMeasures(id int64) int {
	n := 0
	for _, m := range t.ed.sess().Project.Measures {
		if m.JourFixeID != nil && *m.JourFixeID == id {
			n++
		}
	}
	return n
}

func (t *meetingsTab) current() *domain.JourFixe {
	return t.ed.sess().Project.JourFixeByID(t.selected)
}

func (t *meetingsTab) refresh() {
	p := t.ed.sess().Project
	// Newest first: the meeting one prepares is on top.
	t.meetings = t.meetings[:0]
	for i := len(p.JourFixes) - 1; i >= 0; i-- {
		t.meetings = append(t.meetings, p.JourFixes[i])
	}
	if t.current() == nil {
		t.selected = 0
		if len(t.meetings) > 0 {
			t.selected = t.meetings[0].ID
		}
	}
	t.list.Refresh()
	for i, j := range t.meetings {
		if j.ID == t.selected {
			t.list.Select(i)
		}
	}
	t.load()
}

// load shows the chosen meeting.
func (t *meetingsTab) load() {
	j := t.current()
	ro := t.ed.sess().ReadOnly()
	if ro {
		t.addJ.Disable()
	} else {
		t.addJ.Enable()
	}
	if j == nil {
		t.detail.Hide()
		t.empty.Show()
		t.delJ.Disable()
		return
	}
	t.empty.Hide()
	t.detail.Show()
	kit.SetEnabled(!ro, t.delJ, t.date, t.notes, t.freezeBtn, t.freezeFrom, t.freezeTo, t.addM)
	set(t.date, j.Date.String())
	t.people.Set(t.ed.sess().Project, j.Participants, !ro)
	set(t.notes, j.Notes)
	period := freezePeriod(j.Date)
	t.frozenRows = nil
	if f, ok := kpi.ParseFrozen(j.FrozenKPIs); ok {
		period = f.Period
		t.frozenRows = append(append(t.frozenRows, f.Indicators...), f.ClassIndicators...)
		t.frozenInfo.SetText(lang.L("mon.jf.frozen", map[string]any{"Period": reports.FormatPeriod(f.Period), "AsOf": reports.FormatDateTime(f.AsOf),
			"Carried": len(f.CarriedMeasures), "Method": reports.FrozenMethod(f)}))
	} else {
		t.frozenInfo.SetText(lang.L("mon.jf.not_frozen"))
	}
	set(t.freezeFrom, period.From.String())
	set(t.freezeTo, period.To.String())
	t.frozen.refresh()

	// The measures of this meeting, then those carried over from earlier ones.
	p := t.ed.sess().Project
	t.shown = t.shown[:0]
	for _, m := range p.Measures {
		if m.JourFixeID != nil && *m.JourFixeID == j.ID {
			t.shown = append(t.shown, m)
		}
	}
	domain.SortMeasures(t.shown)
	t.shown = append(t.shown, domain.OpenMeasuresBefore(p, j.Date)...)
	t.measures.refresh()
	t.loadMeasure()
}

// freezePeriod is the period a meeting reviews by default: the quarter of the month before.
func freezePeriod(d domain.Date) kpi.Period { return kpi.MeetingPeriod(d) }

func (t *meetingsTab) measureCell(r, c int) string {
	m := t.shown[r]
	switch c {
	case 0:
		return kit.OneLine(m.Text)
	case 1:
		return kit.OneLine(t.ed.sess().Project.AttendeeNames(m.Owners))
	case 2:
		if m.Due == nil {
			return "–"
		}
		return reports.FormatDay(m.Due.Time)
	case 3:
		if domain.MeasureOverdue(m, t.ed.sess().Today()) {
			return lang.L("kpi.measure.overdue")
		}
		return lang.L("kpi.measure." + domain.MeasureStatusKey(m.Status))
	}
	if m.JourFixeID != nil {
		if j := t.ed.sess().Project.JourFixeByID(*m.JourFixeID); j != nil {
			return reports.FormatDay(j.Date.Time)
		}
	}
	return "–"
}

func (t *meetingsTab) measureByID(id int64) *domain.Measure {
	for i := range t.ed.sess().Project.Measures {
		if m := &t.ed.sess().Project.Measures[i]; m.ID == id {
			return m
		}
	}
	return nil
}

func (t *meetingsTab) loadMeasure() {
	m := t.measureByID(t.measure)
	if m == nil {
		t.measure = 0
		for _, e := range []*kit.CommitEntry{t.mText, t.mDue} {
			set(e, "")
		}
		t.mOwner.Set(nil, nil, false)
		t.mStatus.ClearSelected()
		kit.SetEnabled(false, append(t.mFields, t.delM)...)
		t.measures.refresh()
		return
	}
	kit.SetEnabled(!t.ed.sess().ReadOnly(), append(t.mFields, t.delM)...)
	set(t.mText, m.Text)
	t.mOwner.Set(t.ed.sess().Project, m.Owners, !t.ed.sess().ReadOnly())
	set(t.mDue, kit.DateText(m.Due))
	st := lang.L("kpi.measure." + domain.MeasureStatusKey(m.Status))
	if t.mStatus.Selected != st {
		f := t.mStatus.OnChanged
		t.mStatus.OnChanged = nil
		t.mStatus.SetSelected(st)
		t.mStatus.OnChanged = f
	}
	t.measures.refresh()
}

// pickMeasure shows a measure: its meeting is selected, the measure put into the form.
func (t *meetingsTab) pickMeasure(id int64) {
	m := t.measureByID(id)
	if m == nil {
		return
	}
	if m.JourFixeID != nil {
		t.selected = *m.JourFixeID
	}
	t.measure = id
	t.refresh()
	t.measure = id
	t.loadMeasure()
}

func (t *meetingsTab) update(name string, change func(j *domain.JourFixe)) error {
	if t.current() == nil {
		return nil
	}
	return t.ed.sess().UpdateJourFixe(t.selected, name, change)
}

func (t *meetingsTab) updateMeasure(change func(m *domain.Measure)) error {
	if t.measureByID(t.measure) == nil {
		return nil
	}
	return t.ed.sess().UpdateMeasure(t.measure, "undo.monitoring.measure", change)
}

// addMeeting adds minutes for today with the participants of the last meeting (or of the
// standing Jour fixe of step 11).
func (t *meetingsTab) addMeeting() {
	p := t.ed.sess().Project
	j := domain.JourFixe{Date: t.ed.sess().Today()}
	if n := len(p.JourFixes); n > 0 {
		j.Participants = p.JourFixes[n-1].Participants
	} else {
		for _, m := range p.Meetings {
			if strings.Contains(strings.ToLower(m.Name), "jour") {
				j.Participants = m.Participants
				break
			}
		}
	}
	id, err := t.ed.sess().AddJourFixe(j)
	if err != nil {
		t.ed.ctx.Report(err)
		return
	}
	t.selected = id
	t.refresh()
}

func (t *meetingsTab) deleteMeeting() {
	if t.current() == nil {
		return
	}
	t.ed.ctx.Report(t.ed.sess().DeleteJourFixe(t.selected))
}

func (t *meetingsTab) addMeasure() {
	j := t.current()
	if j == nil {
		return
	}
	jid := j.ID
	id, err := t.ed.sess().AddMeasure(domain.Measure{JourFixeID: &jid, Text: lang.L("mon.jf.new_measure")})
	if err != nil {
		t.ed.ctx.Report(err)
		return
	}
	t.measure = id
	t.load()
	if t.ed.ctx.Window != nil {
		t.ed.ctx.Window.Canvas().Focus(t.mText)
		t.mText.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

func (t *meetingsTab) deleteMeasure() {
	if t.measureByID(t.measure) == nil {
		return
	}
	t.ed.ctx.Report(t.ed.sess().DeleteMeasure(t.measure))
}

// freeze computes the KPIs of the chosen period as of the meeting (on a goroutine) and keeps
// them in the minutes with the measures still open; a second freeze asks first.
func (t *meetingsTab) freeze() {
	j := t.current()
	if j == nil {
		return
	}
	from, err1 := domain.ParseDate(strings.TrimSpace(t.freezeFrom.Text))
	to, err2 := domain.ParseDate(strings.TrimSpace(t.freezeTo.Text))
	period := kpi.Period{From: from, To: to}
	if err1 != nil || err2 != nil || !period.Valid() {
		t.ed.ctx.Report(kit.InputError(lang.L("mon.period.invalid")))
		return
	}
	do := func() { t.runFreeze(j.ID, j.Date, period) }
	if j.FrozenKPIs != "" && t.ed.ctx.Window != nil {
		dialog.ShowConfirm(lang.L("mon.jf.refreeze_title"), lang.L("mon.jf.refreeze"), func(ok bool) {
			if ok {
				do()
			}
		}, t.ed.ctx.Window)
		return
	}
	do()
}

func (t *meetingsTab) runFreeze(id int64, day domain.Date, period kpi.Period) {
	snap, src := t.ed.sess().Snapshot(), t.ed.sess().KPISource()
	carried := domain.OpenMeasuresBefore(snap, day)
	// As of the end of the meeting day: what the provider delivered up to then.
	asOf := kpi.MeetingAsOfAt(spanOf(t.ed.ctx).TicketHorizon, day)
	t.freezeBtn.Disable()
	t.ed.ctx.Go(func() {
		var frozen string
		err := safely(func() error {
			r, err := kpi.ComputeFrom(snap, src, period, kpi.Options{AsOf: asOf})
			if err == nil {
				frozen = r.Freeze(kpi.FreezeMeasures(snap, carried))
			}
			return err
		})
		fyne.Do(func() {
			t.freezeBtn.Enable()
			if err == nil {
				err = t.ed.sess().UpdateJourFixe(id, "undo.monitoring.freeze", func(j *domain.JourFixe) { j.FrozenKPIs = frozen })
			}
			if err != nil {
				t.ed.ctx.Report(err)
				return
			}
			if t.frozenDone != nil {
				t.frozenDone()
			}
		})
	})
}
