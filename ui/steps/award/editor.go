package award

import (
	"fyne.io/fyne/v2"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// editor is what the editors of steps 7–9 share: the step context, the fields that a read-only
// project switches off, the open questions beside the work, and the flag that keeps the widgets
// from committing while refresh fills them.
type editor struct {
	ctx       *kit.Context
	editable  []fyne.Disableable
	questions *kit.Findings
	findings  []domain.Finding
	View      *kit.EditorView
	loading   bool
}

func (ed *editor) sess() *session.Session { return ed.ctx.Session }

func (ed *editor) report(err error) { ed.ctx.Report(err) }

// enableAll switches the editable fields on or off.
func (ed *editor) enableAll(on bool) {
	for _, w := range ed.editable {
		setEnabled(w, on)
	}
}
