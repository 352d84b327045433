// Package steps holds the editors of the wizard steps. The shell (package ui) shows the editor
// that Editors names for a step.
package steps

import (
	"fyne.io/fyne/v2"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// Background runs work on a snapshot of the project (Session.Snapshot, taken here on the UI
// goroutine) on another goroutine, then done with its error back on the UI goroutine. Step
// editors hand all slow work (PDFs, exports) to it instead of reading the live model elsewhere.
func (c *Context) Background(work func(snap *domain.Project) error, done func(err error)) {
	snap := c.Session.Snapshot()
	c.async(func() {
		err := work(snap)
		fyne.Do(func() { done(err) })
	})
}

// async runs long work (reading a file, computing KPIs, storing an import, writing a report)
// off the UI goroutine, or as Async says; the work reports back with fyne.Do.
func (c *Context) async(work func()) {
	if c.Async != nil {
		c.Async(work)
		return
	}
	go work()
}

// Context is what a step editor gets from the shell.
type Context struct {
	Session *session.Session
	Window  fyne.Window
	// ShowError reports an error to the user in plain words (the shell translates domain keys).
	ShowError func(err error)
	// Async runs background work; nil means a new goroutine. Tests run it in turn with their
	// own steps, because the test driver runs fyne.Do at once on the calling goroutine.
	Async func(work func())
	// OpenStep shows another step's page (a cell that names what that step holds); nil does
	// nothing.
	OpenStep func(step domain.StepID)
}

// Editors is the UI's column of the step table (domain.Steps): the function that builds each
// step's editor.
var Editors = map[domain.StepID]func(ctx *Context) fyne.CanvasObject{
	domain.StepInventory:    func(ctx *Context) fyne.CanvasObject { return newInventoryEditor(ctx).view },
	domain.StepNeeds:        func(ctx *Context) fyne.CanvasObject { return newNeedsEditor(ctx).view },
	domain.StepRequirements: func(ctx *Context) fyne.CanvasObject { return newRequirementsEditor(ctx).view },
	domain.StepCoverage:     func(ctx *Context) fyne.CanvasObject { return newCoverageEditor(ctx).view },
	domain.StepResources:    func(ctx *Context) fyne.CanvasObject { return newResourcesEditor(ctx).view },
	domain.StepSourcing:     func(ctx *Context) fyne.CanvasObject { return newSourcingEditor(ctx).view },
	domain.StepSLA:          func(ctx *Context) fyne.CanvasObject { return newSLAEditor(ctx).view },
	domain.StepTender:       func(ctx *Context) fyne.CanvasObject { return newTenderEditor(ctx).view },
	domain.StepContract:     func(ctx *Context) fyne.CanvasObject { return newContractEditor(ctx).view },
	domain.StepKickoff:      func(ctx *Context) fyne.CanvasObject { return newKickoffEditor(ctx).view },
	domain.StepStructure:    func(ctx *Context) fyne.CanvasObject { return newStructureEditor(ctx).view },
	domain.StepMonitoring:   func(ctx *Context) fyne.CanvasObject { return newMonitoringEditor(ctx).view },
}

// Action is a project command a step offers in the main menu (an import, an export, a report).
type Action struct {
	Step  domain.StepID
	Label string // translation key
	Run   func(ctx *Context)
}

// Actions are the steps' commands in the Projekt menu, in step order; each step file defines
// its own list.
var Actions = concatActions(slaActions, tenderExportActions, structureExportActions, monitoringActions)

func concatActions(lists ...[]Action) []Action {
	var out []Action
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
