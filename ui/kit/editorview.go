package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// EditorView is the editor as the shell sees it. Dispose stops it from following the session,
// for a shell that builds a new editor each time a page is shown.
type EditorView struct {
	widget.BaseWidget
	content fyne.CanvasObject
	cancel  func()
}

func NewEditorView(content fyne.CanvasObject, cancel func()) *EditorView {
	v := &EditorView{content: content, cancel: cancel}
	v.ExtendBaseWidget(v)
	return v
}

func (v *EditorView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.content) }

// Dispose unsubscribes the editor from the session's changes.
func (v *EditorView) Dispose() {
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
}
