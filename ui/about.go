package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/assets"
)

// showAbout names the app and its version and shows the licence of the bundled font.
func (sh *shell) showAbout() {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(64))
	name := widget.NewLabel(lang.L("app.name"))
	name.SizeName = theme.SizeNameHeadingText
	name.TextStyle = fyne.TextStyle{Bold: true}
	version := widget.NewLabel(lang.L("ui.about.version", map[string]any{"Version": Version}))
	what := widget.NewLabel(lang.L("ui.about.what"))
	what.Wrapping = fyne.TextWrapWord
	fontTitle := widget.NewLabel(lang.L("ui.about.font"))
	fontTitle.TextStyle = fyne.TextStyle{Bold: true}
	fontTitle.Wrapping = fyne.TextWrapWord
	licence := widget.NewLabel(assets.FontLicense)
	licence.SizeName = theme.SizeNameCaptionText
	licence.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(licence)
	scroll.SetMinSize(fyne.NewSize(620, 260))
	top := container.NewVBox(
		container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, version)),
		what, fontTitle)
	dialog.ShowCustom(lang.L("ui.menu.about"), lang.L("ui.ok"), container.NewBorder(top, nil, nil, nil, scroll), sh.win)
}
