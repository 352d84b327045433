// Package operation holds the editors of steps 10 (kickoff) and 11 (operating structure).
package operation

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/raci"
	"schulit-lotse/ui/session"
)

// structureEditor is step 11 (Struktur- und Prozessmodell): one tab each for the roles, the
// persons, the RACI matrix, the communication matrix, the escalation levels and the standing
// meetings.
type structureEditor struct {
	ctx  *kit.Context
	tabs *container.AppTabs
	raci *raci.Editor
	role *rolesTab
	pers *personsTab
	comm *commTab
	esc  *escalationTab
	meet *meetingsTab
	View *kit.EditorView
}

func NewStructureEditor(ctx *kit.Context) *structureEditor {
	ed := &structureEditor{ctx: ctx}
	ed.raci = raci.New(ctx.Session, ctx.Window, ctx.Report)
	ed.role = newRolesTab(ed)
	ed.pers = newPersonsTab(ed)
	ed.comm = newCommTab(ed)
	ed.esc = newEscalationTab(ed)
	ed.meet = newMeetingsTab(ed)
	ed.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("structure.tab.roles"), ed.role.content),
		container.NewTabItem(lang.L("structure.tab.persons"), ed.pers.content),
		container.NewTabItem(lang.L("structure.tab.raci"), ed.raci.View()),
		container.NewTabItem(lang.L("structure.tab.communication"), ed.comm.content),
		container.NewTabItem(lang.L("structure.tab.escalation"), ed.esc.content),
		container.NewTabItem(lang.L("structure.tab.meetings"), ed.meet.content),
	)
	cancel := ctx.Session.Subscribe(ed.refresh)
	ed.View = kit.NewEditorView(ed.tabs, func() {
		cancel()
		if d, ok := ed.raci.View().(interface{ Dispose() }); ok {
			d.Dispose()
		}
	})
	ed.refresh()
	return ed
}

func (ed *structureEditor) sess() *session.Session { return ed.ctx.Session }

// refresh redraws every tab from the session (the RACI editor follows the session itself).
func (ed *structureEditor) refresh() {
	findings := domain.StructureFindings(ed.sess().Project)
	ed.role.refresh(findings)
	ed.pers.refresh()
	ed.comm.refresh(findings)
	ed.esc.refresh(findings)
	ed.meet.refresh(findings)
}

// showTab switches to a tab by index (0 roles, 1 persons, 2 RACI … 5 meetings).
func (ed *structureEditor) showTab(i int) {
	if i >= 0 && i < len(ed.tabs.Items) {
		ed.tabs.SelectIndex(i)
	}
}
