package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// A project whose monitoring rows stayed in the file (only counted) offers to leave them out,
// with their number, as one that holds them.
func TestShareDialogCountsRowsThatStayedInTheFile(t *testing.T) {
	ts := newTestShell(t)
	openOverviewProject(t, ts, "Planung.lotse", overviewTasks()...)
	ts.sess.Project.Stored = &domain.MonitoringCounts{Tickets: 1200, Calls: 30, Answers: 4}
	ts.menuItem("Datei", "Kopie zum Versenden…").Action()
	checks := all[*widget.Check](ts.overlay())
	if len(checks) != 2 || checks[0].Disabled() || !checks[0].Checked || !strings.Contains(checks[0].Text, "1.234") {
		t.Fatalf("the option to leave out 1.234 rows is not offered: %q disabled %v checked %v", checks[0].Text, checks[0].Disabled(), checks[0].Checked)
	}
}
