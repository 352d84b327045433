package operation

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// nextDatesShown is how many coming dates the tab lists for a meeting.
const nextDatesShown = 6

// meetingsTab holds the standing meetings (Jour fixe and others) with their cadence and the
// dates that follow from it.
type meetingsTab struct {
	listForm[domain.Meeting]
	rules   map[int64]domain.MeetingRule
	next    map[int64][]domain.Date
	tplPick *selectField

	name, days, first   *kit.CommitEntry
	participants        *kit.AttendeePicker
	agenda              *kit.CommitEntry
	cadence             *selectField
	skipOff, skipSchool *widget.Check
	nextLabel           *widget.Label
}

func newMeetingsTab(ed *structureEditor) *meetingsTab {
	t := &meetingsTab{}
	t.init(ed, func(m *domain.Meeting) int64 { return m.ID }, t.cell, t.fillForm, t.jump, []col{
		{"structure.col.meeting", 160, 2}, {"structure.col.cadence", 150, 1}, {"structure.col.first", 100, 0},
		{"structure.col.next", 100, 0}, {"structure.col.participants", 180, 3},
	})
	t.name = field("", func(s string) { t.commit(func(m *domain.Meeting, _ *domain.MeetingRule) { m.Name = trim(s) }) })
	t.days = wholeField(t.ed, t.load, func(n int) {
		t.commit(func(m *domain.Meeting, r *domain.MeetingRule) { m.CadenceDays, r.Monthly = n, false })
	})
	t.first = dateField(t.ed.ctx.Report, t.load, func(d *domain.Date) {
		t.commit(func(m *domain.Meeting, _ *domain.MeetingRule) { m.FirstDate = d })
	})
	t.participants = kit.NewAttendeePicker(func(as []domain.Attendee) error {
		m := t.current()
		if m == nil {
			return nil
		}
		next := *m
		next.Participants = as
		_, err := t.ed.sess().SaveMeeting(next, t.rules[m.ID])
		return err
	}, t.ed.ctx.Report)
	t.agenda = multiField("", func(s string) {
		t.commit(func(m *domain.Meeting, _ *domain.MeetingRule) { m.Agenda = strings.TrimRight(s, " \n") })
	})
	t.agenda.SetMinRowsVisible(3)
	t.cadence = newSelectField(t.pickCadence)
	opts := make([]string, len(domain.MeetingEveryKinds))
	for i, k := range domain.MeetingEveryKinds {
		opts[i] = lang.L("structure.cadence.choice." + k)
	}
	t.cadence.setOptions(opts)
	t.skipOff = widget.NewCheck(lang.L("structure.meeting.skip_off"), func(on bool) {
		t.commit(func(_ *domain.Meeting, r *domain.MeetingRule) { r.SkipOffDays = on })
	})
	t.skipSchool = widget.NewCheck(lang.L("structure.meeting.skip_school"), func(on bool) {
		t.commit(func(_ *domain.Meeting, r *domain.MeetingRule) { r.SkipSchoolHolidays = on })
	})
	t.nextLabel = widget.NewLabel("")
	t.nextLabel.Wrapping = fyne.TextWrapWord
	t.formFields = []fyne.Disableable{t.name, t.cadence, t.days, t.first, t.agenda, t.skipOff, t.skipSchool}

	tplNames := make([]string, len(domain.MeetingTemplates))
	for i, mt := range domain.MeetingTemplates {
		tplNames[i] = lang.L(mt.NameKey)
	}
	t.tplPick = newSelectField(func(i int) {
		if i >= 0 && i < len(domain.MeetingTemplates) {
			t.addFromTemplate(domain.MeetingTemplates[i])
		}
		t.tplPick.show(-1)
	})
	t.tplPick.setOptions(tplNames)
	t.tplPick.PlaceHolder = lang.L("structure.meeting.template")

	toolbar := container.NewHBox(
		t.btns.add("structure.meeting.add", theme.ContentAddIcon(), t.add),
		t.tplPick.Select,
		t.btns.add("structure.delete", theme.DeleteIcon(), t.delete),
	)
	row1 := container.New(&kit.WeightedRow{Weights: []float32{3, 2, 0, 0}, Min: []float32{0, 0, 80, 110}},
		kit.Labelled(lang.L("structure.col.meeting"), t.name),
		kit.Labelled(lang.L("structure.col.cadence"), t.cadence.Select),
		kit.Labelled(lang.L("structure.field.days"), t.days),
		kit.Labelled(lang.L("structure.col.first"), t.first),
	)
	row2 := container.New(&kit.WeightedRow{Weights: []float32{1, 1}}, t.skipOff, t.skipSchool)
	row3 := container.New(&kit.WeightedRow{Weights: []float32{2, 3}},
		kit.Labelled(lang.L("structure.col.participants"), t.participants.Content),
		kit.Labelled(lang.L("structure.field.agenda"), t.agenda),
	)
	t.layout(toolbar, row1, row2, row3, t.nextLabel)
	return t
}

func (t *meetingsTab) cell(row, col int) (string, widget.Importance) {
	m := t.items[row]
	switch col {
	case 0:
		return m.Name, widget.MediumImportance
	case 1:
		return cadenceText(m, t.rules[m.ID]), widget.MediumImportance
	case 2:
		if m.FirstDate == nil {
			return lang.L("steps.missing"), widget.WarningImportance
		}
		return date(*m.FirstDate), widget.MediumImportance
	case 3:
		if ds := t.next[m.ID]; len(ds) > 0 {
			return date(ds[0]), widget.MediumImportance
		}
		return "–", widget.MediumImportance
	}
	return t.ed.sess().Project.AttendeeNames(m.Participants), widget.MediumImportance
}

// cadenceText describes how often a meeting takes place.
func cadenceText(m domain.Meeting, r domain.MeetingRule) string {
	return lang.L("structure.cadence."+domain.MeetingCadence(m, r), map[string]any{"Days": m.CadenceDays})
}

// cadenceIndex is the select's option for the meeting's cadence.
func cadenceIndex(m domain.Meeting, r domain.MeetingRule) int {
	k := domain.MeetingCadence(m, r)
	for i, x := range domain.MeetingEveryKinds {
		if x == k {
			return i
		}
	}
	return -1
}

// date is a day as the UI shows it (German: 13.04.2027).
func date(d domain.Date) string { return d.Format(lang.L("structure.date.layout")) }

func (t *meetingsTab) refresh(findings []domain.Finding) {
	p := t.ed.sess().Project
	t.rules = domain.MeetingRules(p)
	off := domain.NewOffDays(p.Meta.Bundesland, p.SchoolHolidays)
	today := t.ed.sess().Today()
	t.next = map[int64][]domain.Date{}
	for _, m := range p.Meetings {
		t.next[m.ID] = domain.NextMeetingDates(m, t.rules[m.ID], off, today, nextDatesShown)
	}
	t.findings.Set(keepCodes(findings, domain.FindMeetingNoDate, domain.FindStructureNoMeeting))
	if t.ed.sess().ReadOnly() {
		t.tplPick.Disable()
	} else {
		t.tplPick.Enable()
	}
	t.show(append([]domain.Meeting(nil), p.Meetings...))
}

// setCheck shows a value in a check box without it counting as the user's change.
func setCheck(c *widget.Check, on bool) {
	if c.Checked == on {
		return
	}
	fn := c.OnChanged
	c.OnChanged = nil
	c.SetChecked(on)
	c.OnChanged = fn
}

func (t *meetingsTab) fillForm(m *domain.Meeting, on bool) {
	if m == nil {
		for _, e := range []*kit.CommitEntry{t.name, t.days, t.first, t.agenda} {
			setValue(e, "")
		}
		t.participants.Set(nil, nil, false)
		t.cadence.show(-1)
		setCheck(t.skipOff, false)
		setCheck(t.skipSchool, false)
		t.nextLabel.SetText("")
		return
	}
	r := t.rules[m.ID]
	setValue(t.name, m.Name)
	t.cadence.show(cadenceIndex(*m, r))
	setValue(t.days, strconv.Itoa(m.CadenceDays))
	if r.Monthly || !on {
		t.days.Disable()
	}
	first := ""
	if m.FirstDate != nil {
		first = m.FirstDate.String()
	}
	setValue(t.first, first)
	t.participants.Set(t.ed.sess().Project, m.Participants, on)
	setValue(t.agenda, m.Agenda)
	setCheck(t.skipOff, r.SkipOffDays)
	setCheck(t.skipSchool, r.SkipSchoolHolidays)
	t.nextLabel.SetText(t.nextText(m.ID))
}

// nextText lists the coming dates of a meeting.
func (t *meetingsTab) nextText(id int64) string {
	ds := t.next[id]
	if len(ds) == 0 {
		return lang.L("structure.meeting.no_next")
	}
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = lang.L("structure.weekday."+strconv.Itoa(int(d.Weekday()))) + " " + date(d)
	}
	return lang.L("structure.meeting.next", map[string]any{"Dates": strings.Join(parts, " · ")})
}

// pickCadence applies a cadence choice; "other" keeps the days and lets the user type them.
func (t *meetingsTab) pickCadence(i int) {
	if i < 0 || i >= len(domain.MeetingEveryKinds) {
		return
	}
	kind := domain.MeetingEveryKinds[i]
	t.commit(func(m *domain.Meeting, r *domain.MeetingRule) {
		r.Monthly = kind == domain.MeetingEveryMonthly
		if d, ok := domain.MeetingEveryKindDays[kind]; ok {
			m.CadenceDays = d
		} else if domain.MeetingCadence(*m, domain.MeetingRule{}) != domain.MeetingEveryDays {
			m.CadenceDays = 21 // a number no preset has, for the user to change
		}
	})
	if kind == domain.MeetingEveryDays {
		focus(t.ed.ctx.Window, t.days)
	}
}

func (t *meetingsTab) commit(change func(m *domain.Meeting, r *domain.MeetingRule)) {
	m := t.current()
	if m == nil {
		return
	}
	next, rule := *m, t.rules[m.ID]
	change(&next, &rule)
	if rule == t.rules[m.ID] && next.Name == m.Name && next.CadenceDays == m.CadenceDays &&
		next.Agenda == m.Agenda && sameDate(next.FirstDate, m.FirstDate) {
		return
	}
	if _, err := t.ed.sess().SaveMeeting(next, rule); err != nil {
		t.ed.ctx.Report(err)
		t.load()
	}
}

func sameDate(a, b *domain.Date) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(b.Time))
}

// firstMeetingDay proposes a first date: the Tuesday at least a week after today or the
// kickoff, whichever is later.
func firstMeetingDay(p *domain.Project, today domain.Date) domain.Date {
	base := today
	if k := p.Kickoff.Date; k != nil && k.After(base.Time) {
		base = *k
	}
	d := domain.Date{Time: base.AddDate(0, 0, 7)}
	for d.Weekday() != time.Tuesday {
		d = domain.Date{Time: d.AddDate(0, 0, 1)}
	}
	return d
}

func (t *meetingsTab) add() {
	first := firstMeetingDay(t.ed.sess().Project, t.ed.sess().Today())
	t.added(t.name)(t.ed.sess().SaveMeeting(domain.Meeting{Name: lang.L("structure.meeting.new"), CadenceDays: 28, FirstDate: &first}, domain.MeetingRule{}))
}

// addFromTemplate adds one of the template meetings with its rule.
func (t *meetingsTab) addFromTemplate(mt domain.MeetingTemplate) {
	first := firstMeetingDay(t.ed.sess().Project, t.ed.sess().Today())
	m, rule := domain.MeetingFromTemplate(t.ed.sess().Project, mt, &first, key)
	t.added(nil)(t.ed.sess().SaveMeeting(m, rule))
}

func (t *meetingsTab) delete() { t.apply(t.ed.sess().DeleteMeeting) }

func (t *meetingsTab) jump(f domain.Finding) {
	if f.EntityID != 0 {
		t.pick(f.EntityID)
		focus(t.ed.ctx.Window, t.first)
	}
}
