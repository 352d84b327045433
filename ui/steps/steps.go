// package steps is the UI's column of the step table: it names the editor and the menu
// commands of every wizard step. The editors live in one package per step group below this
// folder (inventory, requirements, coverage, resources, award, operation, monitoring); they share
// the widgets of ui/kit and never import each other (internal/archtest checks it).
package steps

import (
	"fyne.io/fyne/v2"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/steps/award"
	"schulit-lotse/ui/steps/coverage"
	"schulit-lotse/ui/steps/inventory"
	"schulit-lotse/ui/steps/monitoring"
	"schulit-lotse/ui/steps/operation"
	"schulit-lotse/ui/steps/requirements"
	"schulit-lotse/ui/steps/resources"
)

// Context is what a step editor gets from the shell.
type Context = kit.Context

// Action is a project command a step offers in the main menu.
type Action = kit.Action

// Editors is the UI's column of the step table (domain.Steps): the function that builds each
// step's editor.
var Editors = map[domain.StepID]func(ctx *kit.Context) fyne.CanvasObject{
	domain.StepInventory:    func(ctx *kit.Context) fyne.CanvasObject { return inventory.NewInventoryEditor(ctx).View },
	domain.StepNeeds:        func(ctx *kit.Context) fyne.CanvasObject { return inventory.NewNeedsEditor(ctx).View },
	domain.StepRequirements: func(ctx *kit.Context) fyne.CanvasObject { return requirements.NewRequirementsEditor(ctx).View },
	domain.StepCoverage:     func(ctx *kit.Context) fyne.CanvasObject { return coverage.NewCoverageEditor(ctx).View },
	domain.StepResources:    func(ctx *kit.Context) fyne.CanvasObject { return resources.NewResourcesEditor(ctx).View },
	domain.StepSourcing:     func(ctx *kit.Context) fyne.CanvasObject { return resources.NewSourcingEditor(ctx).View },
	domain.StepSLA:          func(ctx *kit.Context) fyne.CanvasObject { return award.NewSLAEditor(ctx).View },
	domain.StepTender:       func(ctx *kit.Context) fyne.CanvasObject { return award.NewTenderEditor(ctx).View },
	domain.StepContract:     func(ctx *kit.Context) fyne.CanvasObject { return award.NewContractEditor(ctx).View },
	domain.StepKickoff:      func(ctx *kit.Context) fyne.CanvasObject { return operation.NewKickoffEditor(ctx).View },
	domain.StepStructure:    func(ctx *kit.Context) fyne.CanvasObject { return operation.NewStructureEditor(ctx).View },
	domain.StepMonitoring:   func(ctx *kit.Context) fyne.CanvasObject { return monitoring.NewMonitoringEditor(ctx).View },
}

// Actions are the steps' commands in the Projekt menu, in step order; each step
// package defines its own list.
var Actions = concatActions(award.SlaActions, award.TenderExportActions, operation.StructureExportActions, monitoring.MonitoringActions)

func concatActions(lists ...[]kit.Action) []kit.Action {
	var out []kit.Action
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
