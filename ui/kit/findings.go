package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/plural"
)

// FindingsConfig is what distinguishes the findings panels of the steps.
type FindingsConfig struct {
	// TitleKey is the panel's title, given the number of findings as Count ("steps.questions"
	// when empty); EmptyKey is shown when there are none ("steps.questions.none" when empty).
	TitleKey, EmptyKey string
	// TruncateTitle lets a narrow side panel cut the title instead of growing.
	TruncateTitle bool
	// Lines is how many lines of text each entry keeps room for: long subjects wrap instead of
	// hiding the question.
	Lines int
	// NoIcons leaves out the severity icon before each entry.
	NoIcons bool
	// Text is an entry's text; nil shows the finding's code translated with its subject.
	Text func(f domain.Finding) string
	// OnTap is called with the finding a user taps (may be nil).
	OnTap func(f domain.Finding)
}

// Findings lists the open questions of a step under a title that counts them; tapping one calls
// OnTap, which usually jumps to what the question is about.
type Findings struct {
	Items   []domain.Finding
	Content fyne.CanvasObject

	cfg   FindingsConfig
	title *widget.Label
	empty *widget.Label
	list  *widget.List
}

// NewFindings builds an empty panel; Set fills it.
func NewFindings(cfg FindingsConfig) *Findings {
	if cfg.TitleKey == "" {
		cfg.TitleKey = "steps.questions"
	}
	if cfg.EmptyKey == "" {
		cfg.EmptyKey = "steps.questions.none"
	}
	if cfg.Text == nil {
		cfg.Text = FindingText
	}
	fl := &Findings{cfg: cfg}
	fl.title = Heading("")
	if cfg.TruncateTitle {
		fl.title.Truncation = fyne.TextTruncateEllipsis
	}
	fl.empty = widget.NewLabel(lang.L(cfg.EmptyKey))
	fl.empty.Wrapping = fyne.TextWrapWord
	fl.list = widget.NewList(func() int { return len(fl.Items) }, fl.createItem, fl.updateItem)
	fl.list.OnSelected = func(id widget.ListItemID) {
		fl.list.Unselect(id)
		if fl.cfg.OnTap != nil && id >= 0 && id < len(fl.Items) {
			fl.cfg.OnTap(fl.Items[id])
		}
	}
	fl.Content = NewBorder(container.NewVBox(fl.title, fl.empty), nil, nil, nil, fl.list)
	return fl
}

// FindingText is a finding in the user's words: its code translated with its subject.
func FindingText(f domain.Finding) string {
	return lang.L(f.Code, map[string]any{"Subject": f.Subject})
}

func (fl *Findings) createItem() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Truncation = fyne.TextTruncateEllipsis
	line := fyne.MeasureText("Äg", theme.TextSize(), fyne.TextStyle{}).Height
	space := canvas.NewRectangle(Transparent)
	space.SetMinSize(fyne.NewSize(0, float32(fl.cfg.Lines)*line+2*theme.InnerPadding()))
	text := container.NewStack(space, l)
	if fl.cfg.NoIcons {
		return text
	}
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, text)
}

// updateItem sets the icon and the text of a recycled entry.
func (fl *Findings) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	text := o.(*fyne.Container)
	var ic *widget.Icon
	if !fl.cfg.NoIcons {
		box := text
		text = box.Objects[0].(*fyne.Container)
		ic = box.Objects[1].(*widget.Icon)
	}
	l := text.Objects[1].(*widget.Label)
	if id < 0 || id >= len(fl.Items) {
		l.SetText("")
		if ic != nil {
			ic.SetResource(nil)
		}
		return
	}
	f := fl.Items[id]
	if ic != nil {
		ic.SetResource(SeverityIcon(f.Severity))
	}
	l.SetText(fl.cfg.Text(f))
}

// SeverityIcon is the icon of a finding's severity: error, warning, or else a question.
func SeverityIcon(s domain.Severity) fyne.Resource {
	switch s {
	case domain.SeverityError:
		return theme.ErrorIcon()
	case domain.SeverityWarning:
		return theme.WarningIcon()
	}
	return theme.QuestionIcon()
}

// Set shows items and counts them in the title.
func (fl *Findings) Set(items []domain.Finding) {
	fl.Items = items
	fl.title.SetText(lang.L(fl.cfg.TitleKey, map[string]any{"Count": plural.Number(len(items))}))
	if len(items) == 0 {
		fl.empty.Show()
	} else {
		fl.empty.Hide()
	}
	fl.list.Refresh()
}

// Texts are the entries as the panel shows them.
func (fl *Findings) Texts() []string {
	out := make([]string, len(fl.Items))
	for i, f := range fl.Items {
		out[i] = fl.cfg.Text(f)
	}
	return out
}

// Title is the panel's title as shown, with the count.
func (fl *Findings) Title() string { return fl.title.Text }
