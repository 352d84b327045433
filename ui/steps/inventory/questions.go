package inventory

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
)

// questionsPanel lists the open questions of the step ("Offene Fragen"); tapping one jumps to the
// task and the field that answers it.
type questionsPanel struct {
	ed      *taskEditor
	items   []domain.Finding
	title   *widget.Label
	empty   *widget.Label
	list    *widget.List
	content fyne.CanvasObject
}

func newQuestionsPanel(ed *taskEditor) *questionsPanel {
	q := &questionsPanel{ed: ed}
	q.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	q.empty = widget.NewLabel(lang.L("steps.questions.none"))
	q.empty.Wrapping = fyne.TextWrapWord
	q.list = widget.NewList(
		func() int { return len(q.items) },
		q.createItem,
		q.updateItem,
	)
	q.list.OnSelected = func(id widget.ListItemID) {
		q.list.Unselect(id)
		if id >= 0 && id < len(q.items) {
			q.ed.jump(q.items[id])
		}
	}
	q.content = container.NewBorder(container.NewVBox(q.title, q.empty), nil, nil, nil, q.list)
	return q
}

// createItem makes an entry of up to three lines: long task names wrap instead of hiding the
// question.
func (q *questionsPanel) createItem() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Truncation = fyne.TextTruncateEllipsis
	line := fyne.MeasureText("Äg", theme.TextSize(), fyne.TextStyle{}).Height
	space := canvas.NewRectangle(kit.Transparent)
	space.SetMinSize(fyne.NewSize(0, 3*line+2*theme.InnerPadding()))
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewStack(space, l))
}

// updateItem sets the icon and the text of a recycled entry.
func (q *questionsPanel) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	var l *widget.Label
	var ic *widget.Icon
	for _, c := range box.Objects {
		switch c := c.(type) {
		case *widget.Icon:
			ic = c
		case *fyne.Container:
			l = c.Objects[1].(*widget.Label)
		}
	}
	if id < 0 || id >= len(q.items) {
		l.SetText("")
		ic.SetResource(nil)
		return
	}
	f := q.items[id]
	if f.Severity == domain.SeverityWarning {
		ic.SetResource(theme.WarningIcon())
	} else {
		ic.SetResource(theme.QuestionIcon())
	}
	l.SetText(lang.L(f.Code, map[string]any{"Subject": f.Subject}))
}

// refresh derives the questions of this step from the project again.
func (q *questionsPanel) refresh() {
	q.items = q.items[:0]
	p := q.ed.sess().Project
	for _, f := range append(domain.TaskFindings(p), domain.TextFindings(p)...) {
		if f.Step == q.ed.cfg.step {
			q.items = append(q.items, f)
		}
	}
	q.title.SetText(lang.L("steps.questions", map[string]any{"Count": plural.Number(len(q.items))}))
	if len(q.items) == 0 {
		q.empty.Show()
	} else {
		q.empty.Hide()
	}
	q.list.Refresh()
}

// fieldFor tells which field answers a question.
func fieldFor(code string) formField {
	switch code {
	case domain.FindNoResponsible:
		return fieldResponsible
	case domain.FindNoEffort:
		return fieldEffort
	case domain.FindNoPriority:
		return fieldPriority
	case domain.FindNewNoDate:
		return fieldValidFrom
	case domain.FindDuplicateName, domain.FindTextTooLong:
		return fieldName
	}
	return fieldNone
}

// jump selects the task a question is about and puts the cursor where the answer goes.
func (ed *taskEditor) jump(f domain.Finding) {
	if f.EntityID == 0 || ed.sess().Project.TaskByID(f.EntityID) == nil {
		return
	}
	ed.pick(f.EntityID, fieldFor(f.Code))
}
