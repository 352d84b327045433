package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/ui/kit"
)

// targetDialog asks for a new file: a name and a folder. Unlike Fyne's save dialog it never
// truncates an existing file; the caller decides what may be replaced.
type targetDialog struct {
	dlg     *dialog.CustomDialog
	name    *widget.Entry
	folder  *widget.Label
	dir     string
	message *widget.Label
	confirm *widget.Button
}

// targetOptions describe what the file is for.
type targetOptions struct {
	Title, Confirm string
	Info           string // an optional sentence above the fields
	Dir, Name      string
	Ext            string // ".lotse" or ".pdf"; added when the name lacks it
	// Replace allows choosing an existing file (after a confirmation); project files are never replaced.
	Replace bool
}

// askTarget shows the dialog and calls done with the chosen absolute path.
func (sh *shell) askTarget(opt targetOptions, done func(path string)) *targetDialog {
	t := &targetDialog{dir: opt.Dir}
	t.name = widget.NewEntry()
	t.name.SetText(opt.Name)
	t.folder = widget.NewLabel(opt.Dir)
	t.folder.Truncation = fyne.TextTruncateEllipsis
	t.message = messageLabel()
	change := widget.NewButton(lang.L("ui.target.change_folder"), func() {
		fd := dialog.NewFolderOpen(kit.FileAnswer(sh.ShowError, func(u fyne.ListableURI) {
			t.dir = u.Path()
			t.folder.SetText(t.dir)
		}), sh.win)
		showFileDialog(fd, t.dir)
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("ui.target.name"), t.name),
		widget.NewFormItem(lang.L("ui.target.folder"), kit.NewBorder(nil, nil, nil, change, t.folder)),
	)
	body := container.NewVBox(form, t.message)
	if opt.Info != "" {
		body = container.NewVBox(paragraph(opt.Info), form, t.message)
	}
	t.dlg, t.confirm = sh.formDialog(opt.Title, 560, body, opt.Confirm, func() {
		path, err := t.path(opt.Ext)
		if err != "" {
			setMessage(t.message, err)
			return
		}
		if _, statErr := os.Stat(path); statErr == nil {
			if !opt.Replace || strings.EqualFold(filepath.Ext(path), ".lotse") {
				setMessage(t.message, lang.L("ui.target.exists", map[string]any{"Name": filepath.Base(path)}))
				return
			}
			dialog.ShowConfirm(lang.L("ui.target.replace_title"),
				lang.L("ui.target.replace", map[string]any{"Name": filepath.Base(path)}), func(ok bool) {
					if ok {
						t.dlg.Hide()
						done(path)
					}
				}, sh.win)
			return
		}
		t.dlg.Hide()
		done(path)
	})
	t.name.OnSubmitted = func(string) { t.confirm.OnTapped() }
	sh.win.Canvas().Focus(t.name)
	return t
}

// path checks the entered name and returns the full path, or a message for the user.
func (t *targetDialog) path(ext string) (string, string) {
	name := strings.TrimSpace(t.name.Text)
	if name == "" || name == "." || name == ".." {
		return "", lang.L("ui.target.name_empty")
	}
	if strings.ContainsAny(name, `/\:*?"<>|`) {
		return "", lang.L("ui.target.name_invalid")
	}
	if !strings.EqualFold(filepath.Ext(name), ext) {
		name += ext
	}
	if st, err := os.Stat(t.dir); err != nil || !st.IsDir() {
		return "", lang.L("ui.target.folder_missing", map[string]any{"Folder": t.dir})
	}
	abs, err := filepath.Abs(filepath.Join(t.dir, name))
	if err != nil {
		return "", err.Error()
	}
	return abs, ""
}

// safeFileName turns a project name into a file name.
func safeFileName(name string) string {
	name = strings.TrimSpace(name)
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 32 {
			return '-'
		}
		return r
	}, name)
	if name == "" {
		name = lang.L("ui.new.default_name")
	}
	return name
}
