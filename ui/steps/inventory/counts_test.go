package inventory

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Counts the user reads are grouped like the hours next to them: step 2's summary of a
// Landkreis inventory says "1.500 Aufgaben", not "1500 Aufgaben".
func TestStepTwoSummaryGroupsTaskCount(t *testing.T) {
	ctx := landkreisContext(t)
	ed := NewNeedsEditor(ctx)
	ctx.Window.SetContent(ed.View)
	ctx.Window.Resize(fyne.NewSize(1400, 900))
	if got := ed.summary.Text; !strings.HasPrefix(got, "1.500 Aufgaben · ") {
		t.Errorf("summary %q, want it to start with \"1.500 Aufgaben · \"", got)
	}
}
