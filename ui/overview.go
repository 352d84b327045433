package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// maxCardFigures is how many key figures a card lists; the rest is counted ("+ 3 weitere").
const maxCardFigures = 5

// overviewPage shows every step's state and key figures (what `lotse summary` prints); each
// card opens its step.
type overviewPage struct {
	sh   *shell
	root fyne.CanvasObject
	tabs *container.AppTabs
	// thread is the Roter Faden tab.
	thread *threadView
	title  *widget.Label
	meta   *widget.Label
	cards  []*overviewCard
}

type overviewCard struct {
	step   domain.Step
	button *widget.Button
	marker *canvas.Circle
	state  *widget.Label
	// The figures as two multi-line labels side by side, one line per figure: names on the
	// left (cut with "…" when long), values right-aligned. Lines of both align.
	names, values *widget.Label
	note          *widget.Label
	root          *fyne.Container
}

func newOverviewPage(sh *shell, v *projectView) *overviewPage {
	o := &overviewPage{sh: sh}
	o.title = widget.NewLabel("")
	o.title.SizeName = theme.SizeNameHeadingText
	o.title.TextStyle = fyne.TextStyle{Bold: true}
	o.title.Truncation = fyne.TextTruncateEllipsis
	o.meta = widget.NewLabel("")
	o.meta.Truncation = fyne.TextTruncateEllipsis
	intro := paragraph(lang.L("ui.overview.intro"))

	settings := widget.NewButtonWithIcon(lang.L("ui.menu.settings"), theme.SettingsIcon(), sh.showSettings)
	report := widget.NewButtonWithIcon(lang.L("ui.menu.report"), theme.DocumentPrintIcon(), sh.exportReport)
	short := widget.NewButtonWithIcon(lang.L("ui.menu.short_report"), theme.DocumentPrintIcon(), sh.exportShortReport)
	actions := container.NewHBox(settings, report, short)

	grid := container.NewGridWrap(fyne.NewSize(300, 236))
	for _, s := range domain.Steps {
		c := newOverviewCard(s, func(n int) func() { return func() { v.show(n) } }(int(s.Number)))
		o.cards = append(o.cards, c)
		grid.Add(c.object())
	}
	header := container.NewVBox(o.title, o.meta, actions, intro)
	// The steps as cards, and the thread per package (Roter Faden) beside them.
	o.thread = newThreadView(sh, func(n int) { v.show(n) })
	o.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("ui.overview.tab.steps"), container.NewVScroll(container.NewPadded(grid))),
		container.NewTabItem(lang.L("ui.overview.tab.thread"), container.NewPadded(o.thread.root)),
	)
	o.tabs.OnSelected = func(*container.TabItem) { o.thread.refresh() }
	o.thread.shown = func() bool { return o.tabs.SelectedIndex() == 1 }
	o.root = kit.NewBorder(container.NewPadded(header), nil, nil, nil, o.tabs)
	return o
}

func newOverviewCard(s domain.Step, open func()) *overviewCard {
	c := &overviewCard{step: s}
	c.button = widget.NewButton("", open)
	c.marker = canvas.NewCircle(color.Transparent)
	c.state = widget.NewLabel("")
	c.names = widget.NewLabel("")
	c.names.Truncation = fyne.TextTruncateEllipsis
	c.values = widget.NewLabel("")
	c.values.Alignment = fyne.TextAlignTrailing
	c.values.TextStyle = fyne.TextStyle{Bold: true}
	c.note = paragraph("")
	c.note.TextStyle = fyne.TextStyle{Italic: true}
	return c
}

// object is the card: a button as background so that the whole card is one click target.
func (c *overviewCard) object() fyne.CanvasObject {
	phase := widget.NewLabel(phaseTitle(c.step.Phase))
	phase.SizeName = theme.SizeNameCaptionText
	title := widget.NewLabel(stepHeading(c.step))
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Truncation = fyne.TextTruncateEllipsis
	marker := container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(12), c.marker))
	stateRow := kit.NewBorder(nil, nil, container.NewHBox(marker, c.state), phase)
	figures := kit.NewBorder(nil, nil, nil, c.values, c.names)
	body := kit.NewBorder(container.NewVBox(title, stateRow), nil, nil, nil,
		container.NewVBox(figures, c.note))
	c.root = container.NewStack(c.button, body)
	return c.root
}

func (c *overviewCard) update(sum domain.StepSummary, language string) {
	c.marker.FillColor = stateColor(sum.State)
	c.marker.Refresh()
	c.state.SetText(stateText(sum.State))
	var names, values []string
	for i, f := range sum.Figures {
		if i == maxCardFigures {
			break
		}
		name, value := figureParts(f, language)
		if f.Key == "fig.hours_of" { // on a narrow card the person matters, not the repeated words
			label := f.Label
			if label == "" {
				label = lang.L("fig.no_responsible")
			}
			name = lang.L("ui.overview.hours_of", map[string]any{"Label": label})
		}
		names = append(names, name)
		values = append(values, value)
	}
	c.names.SetText(strings.Join(names, "\n"))
	c.values.SetText(strings.Join(values, "\n"))
	c.names.Hidden, c.values.Hidden = len(names) == 0, len(names) == 0
	switch {
	case len(sum.Figures) > maxCardFigures:
		c.note.SetText(lang.L("ui.overview.more", map[string]any{"Count": len(sum.Figures) - maxCardFigures}))
	default:
		c.note.SetText("")
	}
	c.note.Hidden = c.note.Text == ""
	if c.root != nil {
		c.root.Refresh()
	}
}

// figureLines are the card's figures as "name = value", for tests and debugging.
func (c *overviewCard) figureLines() []string {
	if c.names.Text == "" {
		return nil
	}
	names := strings.Split(c.names.Text, "\n")
	values := strings.Split(c.values.Text, "\n")
	out := make([]string, len(names))
	for i := range names {
		out[i] = names[i] + " = " + values[i]
	}
	return out
}

func (o *overviewPage) refresh(sums []domain.StepSummary) {
	p := o.sh.sess.Project
	o.title.SetText(p.Meta.Name)
	o.meta.SetText(lang.L("ui.overview.meta", map[string]any{
		"Schultraeger": orDash(p.Meta.Schultraeger),
		"Land":         bundeslandName(p.Meta.Bundesland),
	}) + asOfSuffix(p))
	for i, c := range o.cards {
		if i < len(sums) {
			c.update(sums[i], o.sh.language)
		}
	}
	o.thread.refresh()
}

// asOfSuffix names the project's Stand der Daten after the meta line, when one is recorded.
func asOfSuffix(p *domain.Project) string {
	if p.Meta.DataAsOf == nil {
		return ""
	}
	return " · " + dataAsOfText(*p.Meta.DataAsOf)
}

// dataAsOfText is "Stand der Daten: 14.07.2027".
func dataAsOfText(d domain.Date) string {
	return lang.L("ui.data_as_of", map[string]any{"Date": reports.FormatDay(d.Time)})
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
