package inventory

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// Counts the user reads are grouped like the hours next to them: step 2's summary of a
// Landkreis inventory says "1.500 Aufgaben", not "1500 Aufgaben".
func TestStepTwoSummaryGroupsTaskCount(t *testing.T) {
	test.NewTempApp(t)
	s := kittest.NewProjectFile(t, landkreisTasks(1500)...)
	w := test.NewWindow(nil)
	defer w.Close()
	ctx := &kit.Context{Session: s, Window: w, ShowError: func(err error) { t.Fatal(err) }}
	ed := NewNeedsEditor(ctx)
	w.SetContent(ed.View)
	w.Resize(fyne.NewSize(1400, 900))
	if got := ed.summary.Text; !strings.HasPrefix(got, "1.500 Aufgaben · ") {
		t.Errorf("summary %q, want it to start with \"1.500 Aufgaben · \"", got)
	}
}
