package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/assets"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/kit"
)

// startScreen is what the window shows while no project is open.
type startScreen struct {
	root                       fyne.CanvasObject
	recent                     *widget.List
	paths                      []string
	newBtn, openBtn, sampleBtn *widget.Button
}

func (sh *shell) showStart() {
	st := newStartScreen(sh)
	sh.start = st
	sh.setScreen(st.root)
	sh.updateMenu() // the recent files may have changed
}

// appHeader is the app's icon (iconSize square) beside its name as a heading, with below line.
func appHeader(iconSize float32, below fyne.CanvasObject) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(iconSize))
	name := widget.NewLabel(lang.L("app.name"))
	name.SizeName = theme.SizeNameHeadingText
	name.TextStyle = fyne.TextStyle{Bold: true}
	return kit.NewBorder(nil, nil, icon, nil, container.NewVBox(name, below))
}

func newStartScreen(sh *shell) *startScreen {
	st := &startScreen{paths: recentFiles(sh.app.Preferences())}

	header := appHeader(72, widget.NewLabel(lang.L("ui.start.tagline")))
	intro := paragraph(lang.L("ui.start.intro"))

	st.newBtn = widget.NewButtonWithIcon(lang.L("ui.start.new"), theme.DocumentCreateIcon(), sh.showNewProject)
	st.newBtn.Importance = widget.HighImportance
	st.newBtn.Alignment = widget.ButtonAlignLeading
	st.openBtn = widget.NewButtonWithIcon(lang.L("ui.start.open"), theme.FolderOpenIcon(), sh.showOpenDialog)
	st.openBtn.Alignment = widget.ButtonAlignLeading
	st.sampleBtn = widget.NewButtonWithIcon(lang.L("ui.start.sample"), theme.FileIcon(), func() { sh.openSampleTelling(true) })
	st.sampleBtn.Alignment = widget.ButtonAlignLeading
	sampleHint := paragraph(lang.L("ui.start.sample_hint"))
	sampleHint.SizeName = theme.SizeNameCaptionText
	actions := fixedWidth(340, container.NewVBox(st.newBtn, st.openBtn, st.sampleBtn, sampleHint))

	st.recent = widget.NewList(
		func() int { return len(st.paths) },
		func() fyne.CanvasObject {
			file := widget.NewLabel("")
			file.TextStyle = fyne.TextStyle{Bold: true}
			file.Truncation = fyne.TextTruncateEllipsis
			dir := widget.NewLabel("")
			dir.SizeName = theme.SizeNameCaptionText
			dir.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(file, dir)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			file, dir := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			path := st.paths[id]
			if fileExists(path) {
				file.SetText(filepath.Base(path))
				file.Importance = widget.MediumImportance
				dir.SetText(filepath.Dir(path))
			} else {
				file.SetText(lang.L("ui.recent.missing_item", map[string]any{"Name": filepath.Base(path)}))
				file.Importance = widget.LowImportance
				dir.SetText(lang.L("ui.recent.missing_hint", map[string]any{"Folder": filepath.Dir(path)}))
			}
			file.Refresh()
		})
	st.recent.OnSelected = func(id widget.ListItemID) {
		st.recent.UnselectAll()
		if id < 0 || id >= len(st.paths) || !fileExists(st.paths[id]) {
			return
		}
		sh.openPath(st.paths[id], persistence.OpenOptions{})
	}
	var recentBody fyne.CanvasObject = st.recent
	if len(st.paths) == 0 {
		none := widget.NewLabel(lang.L("ui.recent.none"))
		none.Importance = widget.LowImportance
		recentBody = container.NewVBox(none)
	}
	recentTitle := widget.NewLabel(lang.L("ui.menu.recent"))
	recentTitle.TextStyle = fyne.TextStyle{Bold: true}
	recent := kit.NewBorder(recentTitle, nil, nil, nil, recentBody)

	body := kit.NewBorder(nil, nil, actions, nil, container.NewPadded(recent))
	top := container.NewVBox(header, intro, widget.NewSeparator())
	page := kit.NewBorder(top, sh.languageRow(), nil, nil, body)
	st.root = container.NewPadded(container.NewPadded(page))
	return st
}

// languageRow lets the user pick the UI language; it applies at the next start.
func (sh *shell) languageRow() fyne.CanvasObject {
	note := widget.NewLabel("")
	note.SizeName = theme.SizeNameCaptionText
	sel := languageSelect(sh.app.Preferences(), func() { note.SetText(lang.L("ui.settings.language_restart")) })
	label := widget.NewLabel(lang.L("ui.settings.language"))
	return container.NewHBox(label, fixedWidth(220, sel), note)
}

var languageCodes = []string{"", "de", "en"}

func languageNames() []string {
	return []string{lang.L("ui.language.system"), "Deutsch", "English"}
}

// languageSelect edits the language preference; changed is called after a change.
func languageSelect(p fyne.Preferences, changed func()) *widget.Select {
	names := languageNames()
	sel := widget.NewSelect(names, nil)
	cur := p.String(prefLanguage)
	for i, c := range languageCodes {
		if c == cur {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		i := sel.SelectedIndex()
		if i < 0 || i >= len(languageCodes) || languageCodes[i] == p.String(prefLanguage) {
			return
		}
		p.SetString(prefLanguage, languageCodes[i])
		if changed != nil {
			changed()
		}
	}
	return sel
}
