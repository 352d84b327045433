package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// The panel counts its entries in the title, shows each finding's text, and a tap on an entry
// hands that finding to OnTap.
func TestFindingsPanelShowsAndJumps(t *testing.T) {
	test.NewTempApp(t)
	var tapped []string
	fl := NewFindings(FindingsConfig{TitleKey: "t", EmptyKey: "none", Lines: 2,
		Text:  func(f domain.Finding) string { return "Frage " + f.Subject },
		OnTap: func(f domain.Finding) { tapped = append(tapped, f.Subject) }})
	w := test.NewWindow(fl.Content)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 400))
	if fl.empty.Hidden {
		t.Error("an empty panel hides its empty note")
	}
	fl.Set([]domain.Finding{{Subject: "A", Severity: domain.SeverityWarning}, {Subject: "B", Severity: domain.SeverityError}})
	if !fl.empty.Hidden {
		t.Error("the empty note stays with two findings")
	}
	if got := fl.Texts(); len(got) != 2 || got[0] != "Frage A" || got[1] != "Frage B" {
		t.Fatalf("texts %q", got)
	}
	var labels []*widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && (l.Text == "Frage A" || l.Text == "Frage B") {
			labels = append(labels, l)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, x := range test.WidgetRenderer(wd).Objects() {
				walk(x)
			}
		}
	}
	walk(fl.Content)
	if len(labels) != 2 {
		t.Fatalf("%d entries drawn, want 2", len(labels))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(labels[1])
	test.TapCanvas(w.Canvas(), pos.Add(fyne.NewPos(4, 4)))
	if len(tapped) != 1 || tapped[0] != "B" {
		t.Errorf("tapped %v, want [B]", tapped)
	}
}
