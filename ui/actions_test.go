package ui

import (
	"testing"

	"schulit-lotse/ui/steps"
)

// A step's registered action appears in the Projekt menu and runs with the open session.
func TestStepActionsInProjectMenu(t *testing.T) {
	var got *steps.Context
	saved := steps.Actions
	steps.Actions = append(append([]steps.Action(nil), saved...), steps.Action{Step: 99, Label: "ui.menu.settings", Run: func(ctx *steps.Context) { got = ctx }})
	t.Cleanup(func() { steps.Actions = saved })

	ts := newTestShell(t)
	ts.openNew("Aktionen.lotse", "Aktionen", overviewTasks()...)
	items := ts.win.MainMenu().Items[2].Items
	last := items[len(items)-1]
	if last.Label != "Einstellungen…" || last.Disabled {
		t.Fatalf("last Projekt item = %q (disabled %v)", last.Label, last.Disabled)
	}
	last.Action()
	if got == nil || got.Session != ts.sess || got.Window != ts.win {
		t.Fatal("the action did not get the open session and window")
	}
}
