package award

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// clockProbe lets the user try the SLA clock: a ticket reported at a moment, in a class, gets
// its response and restoration deadlines, with the SLA's service hours, holidays and Ferien.
// It changes nothing; what it shows is derived from the session each time.
type clockProbe struct {
	ed      *slaEditor
	at      *kit.CommitEntry
	class   *widget.Select
	result  *widget.Label
	content fyne.CanvasObject
	busy    bool // the class select calls back while refresh sets it
}

// probeLayout is how a moment is typed: "2027-03-05 15:30".
const probeLayout = "2006-01-02 15:04"

func newClockProbe(ed *slaEditor) *clockProbe {
	c := &clockProbe{ed: ed, at: kit.NewCommitEntry()}
	c.at.SetPlaceHolder(lang.L("award.probe.placeholder"))
	c.at.SetText(ed.sess().Now().In(domain.Berlin).Format(probeLayout))
	c.at.CommitOn(c.refresh)
	c.class = widget.NewSelect(nil, func(string) { c.refresh() })
	c.result = widget.NewLabel("")
	c.result.Wrapping = fyne.TextWrapWord
	row := kit.NewBorder(nil, nil, nil, c.class, c.at)
	c.content = container.NewVBox(kit.Heading(lang.L("award.probe.title")), kit.Caption(lang.L("award.probe.intro")), row, c.result)
	return c
}

func (c *clockProbe) refresh() {
	if c.busy {
		return
	}
	c.busy = true
	defer func() { c.busy = false }()
	sla := c.ed.current()
	if sla == nil || len(sla.Classes) == 0 {
		c.class.Options = nil
		c.class.ClearSelected()
		c.result.SetText(lang.L("award.probe.no_sla"))
		return
	}
	codes := make([]string, len(sla.Classes))
	for i, k := range sla.Classes {
		codes[i] = k.Code
	}
	c.class.Options = codes
	if i := c.class.SelectedIndex(); i < 0 || i >= len(codes) || c.class.Selected != codes[i] {
		c.class.Selected = codes[0]
		c.class.Refresh()
	}
	class := sla.ClassByCode(c.class.Selected)
	start, err := time.ParseInLocation(probeLayout, strings.TrimSpace(c.at.Text), domain.Berlin)
	if err != nil || class == nil {
		c.result.SetText(lang.L("award.probe.bad_time", map[string]any{"Value": c.at.Text}))
		return
	}
	p := c.ed.sess().Project
	clock := domain.NewSLAClock(*sla, p.Meta.Bundesland, p.SchoolHolidays, start.Year(), start.Year()+1)
	format := func(d time.Time, ok bool) string {
		if !ok {
			return lang.L("award.probe.never")
		}
		l := d.In(domain.Berlin)
		return lang.L("award.weekday.short."+strconv.Itoa(int(l.Weekday()))) + " " + l.Format(lang.L("award.datetime.layout"))
	}
	resp, okR := clock.TargetDeadline(*class, start, class.ResponseMinutes)
	rest, okS := clock.TargetDeadline(*class, start, class.RestoreMinutes)
	state := lang.L("award.probe.outside")
	if clock.InService(start) {
		state = lang.L("award.probe.inside")
	}
	c.result.SetText(lang.L("award.probe.result", map[string]any{
		"State": state, "Response": format(resp, okR), "Restore": format(rest, okS),
		"Measure": lang.L(map[bool]string{true: "award.measure.calendar", false: "award.measure.service"}[class.CalendarTime]),
	}))
}
