package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/assets"
	"schulit-lotse/internal/hyphen"
	"schulit-lotse/ui/kit"
)

// aboutDialog names the app and its version and shows the licences: the bundled font's and
// those of the libraries the program contains, one at a time.
type aboutDialog struct {
	dlg      dialog.Dialog
	list     *widget.List
	licence  *widget.Label
	scroll   *container.Scroll
	entries  []assets.License
	selected int
}

func (sh *shell) showAbout() { sh.aboutDialog() }

func (sh *shell) aboutDialog() *aboutDialog {
	a := &aboutDialog{}
	a.entries = append([]assets.License{
		{Module: lang.L("everyday.about.font_entry"), Text: assets.FontLicense},
		{Module: lang.L("everyday.about.hyphen_entry"), Text: hyphen.License},
	}, assets.Licenses()...)

	version := widget.NewLabel(lang.L("ui.about.version", map[string]any{"Version": Version}))
	what := paragraph(lang.L("ui.about.what"))
	fontTitle := widget.NewLabel(lang.L("everyday.about.licences", map[string]any{"Count": len(a.entries) - 2}))
	fontTitle.TextStyle = fyne.TextStyle{Bold: true}
	fontTitle.Wrapping = fyne.TextWrapWord

	a.licence = widget.NewLabel("")
	a.licence.SizeName = theme.SizeNameCaptionText
	a.licence.Wrapping = fyne.TextWrapWord
	a.scroll = container.NewVScroll(a.licence)
	a.list = widget.NewList(
		func() int { return len(a.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			e := a.entries[id]
			text := e.Module
			if e.Version != "" {
				text += " " + e.Version
			}
			o.(*widget.Label).SetText(text)
		})
	a.list.OnSelected = a.show
	split := container.NewHSplit(a.list, a.scroll)
	split.Offset = 0.38
	box := container.NewGridWrap(fyne.NewSize(820, 330), split)

	top := container.NewVBox(
		appHeader(64, version),
		what, fontTitle)
	a.dlg = dialog.NewCustom(lang.L("ui.menu.about"), lang.L("ui.ok"), kit.NewBorder(top, nil, nil, nil, box), sh.win)
	a.list.Select(0)
	a.dlg.Show()
	return a
}

func (a *aboutDialog) show(id widget.ListItemID) {
	if id < 0 || id >= len(a.entries) {
		return
	}
	a.selected = id
	a.licence.SetText(a.entries[id].Text)
	a.scroll.ScrollToTop()
}
