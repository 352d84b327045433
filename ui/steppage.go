package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/steps"
)

// newStepPage builds a step's page: phase, title, guidance, the tips folded away, then the
// step's editor.
func newStepPage(sh *shell, s domain.Step) fyne.CanvasObject {
	phase := widget.NewLabel(lang.L("ui.phase.heading", map[string]any{"Number": int(s.Phase), "Title": phaseTitle(s.Phase)}))
	phase.SizeName = theme.SizeNameCaptionText
	title := widget.NewLabel(stepHeading(s))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Truncation = fyne.TextTruncateEllipsis
	guide := widget.NewLabel(stepGuide(s))
	guide.Wrapping = fyne.TextWrapWord

	tipRows := container.NewVBox()
	for _, t := range stepTipTexts(s) {
		l := widget.NewLabel("• " + t)
		l.Wrapping = fyne.TextWrapWord
		tipRows.Add(l)
	}
	tips := widget.NewAccordion(widget.NewAccordionItem(lang.L("ui.step.tips"), tipRows))
	help := widget.NewButtonWithIcon(lang.L("everyday.step.help"), theme.HelpIcon(), func() { sh.helpDialog(int(s.Number)) })
	help.Importance = widget.LowImportance
	side := container.NewHBox(phase, help)
	// Steps that judge dates (notice periods, milestones, meetings, measures) say which day they
	// judge on when the project records its own Stand der Daten.
	if d := sh.sess.Project.Meta.DataAsOf; d != nil && s.Number >= 9 {
		asOf := widget.NewLabel(dataAsOfText(*d))
		asOf.SizeName = theme.SizeNameCaptionText
		asOf.Importance = widget.WarningImportance
		side.Objects = append([]fyne.CanvasObject{asOf}, side.Objects...)
	}
	titleRow := kit.NewBorder(nil, nil, nil, side, title)
	header := container.NewVBox(titleRow, guide, tips)

	// Once a step is under way its editor needs the room: guidance and tips fold into one line
	// and stay one click off; whether the user keeps them open is remembered across steps.
	if sh.stepStarted(s.Number) {
		body := container.NewVBox(guide, tipRows)
		prefs := sh.app.Preferences()
		toggle := widget.NewButtonWithIcon(lang.L("ui.step.guide_and_tips"), theme.MenuExpandIcon(), nil)
		toggle.Alignment = widget.ButtonAlignLeading
		toggle.Importance = widget.LowImportance
		show := func(open bool) {
			body.Hidden = !open
			toggle.SetIcon(theme.MenuExpandIcon())
			if open {
				toggle.SetIcon(theme.MenuDropDownIcon())
			}
			body.Refresh()
		}
		show(prefs.Bool(prefGuideOpen))
		toggle.OnTapped = func() {
			open := body.Hidden
			prefs.SetBool(prefGuideOpen, open)
			show(open)
		}
		header = container.NewVBox(titleRow, toggle, body)
	}
	// An editor larger than the window scrolls instead of squeezing the sidebar or growing the
	// window past a laptop's screen: the navigation below stays visible at 1024×768.
	editor := container.NewScroll(buildEditor(sh, steps.Editors[s.Number]))
	capped := newCappedScroll(container.NewPadded(header))
	return container.New(&stepPageLayout{header: capped}, capped, editor)
}

// buildEditor makes a step's editor; should it fail, the page says so instead of taking the
// app down.
func buildEditor(sh *shell, build func(*steps.Context) fyne.CanvasObject) (editor fyne.CanvasObject) {
	defer func() {
		if r := recover(); r != nil {
			fyne.LogError("building a step editor", fmt.Errorf("%v", r))
			msg := widget.NewLabel(lang.L("ui.step.editor_failed", map[string]any{"Detail": fmt.Sprint(r)}))
			msg.Wrapping = fyne.TextWrapWord
			msg.Importance = widget.DangerImportance
			editor = msg
		}
	}()
	if build == nil {
		panic("no editor")
	}
	editor = build(sh.stepContext())
	if editor == nil {
		editor = widget.NewLabel("")
	}
	return editor
}

// stepStarted reports whether the open project has begun the step (not "offen").
func (sh *shell) stepStarted(n domain.StepID) bool {
	if sh.sess == nil {
		return false
	}
	for _, sum := range domain.Summarize(sh.sess.Project, sh.sess.Today()) {
		if sum.Number == n {
			return sum.State != domain.StateOpen
		}
	}
	return false
}
