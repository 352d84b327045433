package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/persistence"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/wording"
)

// showOpenDialog lets the user pick a project file.
func (sh *shell) showOpenDialog() {
	d := dialog.NewFileOpen(kit.FileAnswer(sh.ShowError, func(r fyne.URIReadCloser) {
		path := r.URI().Path()
		r.Close()
		sh.openPath(path, persistence.OpenOptions{})
	}), sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".lotse"}))
	showFileDialog(d, sh.startDir())
}

// showFileDialog shows d at a readable size, in the folder dir when that exists.
func showFileDialog(d *dialog.FileDialog, dir string) {
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startDir is where file dialogs begin: the folder of the last project, else the documents.
func (sh *shell) startDir() string {
	for _, r := range recentFiles(sh.app.Preferences()) {
		dir := filepath.Dir(r)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	return sh.docsDir
}

// openPath opens a project file and shows it. A refused or locked file gets its dialog; the
// project open so far stays open when the new one cannot be opened.
func (sh *shell) openPath(path string, opt persistence.OpenOptions) {
	opt.Clock = sh.clock
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if sh.sess != nil && sameFile(sh.sess.File.Path(), path) && !opt.TakeOverLock {
		sh.project.show(0)
		return
	}
	var s *session.Session
	progress := dialog.NewCustomWithoutButtons(lang.L("ui.open.progress"), widget.NewProgressBarInfinite(), sh.win)
	if !sh.synchronous {
		progress.Show()
	}
	sh.opening.Add(1)
	sh.run(func() error {
		defer sh.opening.Done()
		var err error
		if s, err = session.Open(path, opt); err == nil && !sh.holdPending(s) {
			s.Close() // the app stopped while the file was opening: release its lock
			return errStopping
		}
		return err
	}, func(err error) {
		if s != nil {
			sh.dropPending(s)
		}
		progress.Hide()
		if err != nil {
			if l, ok := persistence.IsLocked(err); ok {
				sh.showLocked(path, l)
				return
			}
			sh.ShowError(err)
			return
		}
		if !sh.closeSession() {
			s.Close() // the open project's last edit failed: it stays, and says so
			return
		}
		sh.setSession(s)
	})
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func refusedText(r *persistence.RefusedError) string {
	return lang.L(string(r.Reason))
}

// showRefused explains why a file was not opened and that it was left as it was.
func (sh *shell) showRefused(r *persistence.RefusedError) {
	paragraphs := []string{
		lang.L("ui.refused.file", map[string]any{"Name": filepath.Base(r.Path)}),
		refusedText(r),
	}
	if r.Reason == persistence.ReasonNewerVersion {
		paragraphs = append(paragraphs, lang.L("everyday.refused.newer", map[string]any{"Version": Version}))
	}
	if r.Detail != "" {
		paragraphs = append(paragraphs, lang.L("refuse.detail", map[string]any{"Detail": wording.RefusalDetail(r.Detail)}))
	}
	paragraphs = append(paragraphs, lang.L("refuse.untouched"))
	dialog.ShowCustom(lang.L("ui.refused.title"), lang.L("ui.ok"), wrapped(paragraphs...), sh.win)
}

func lockedText(l *persistence.LockedError, language string) string {
	user, host := l.Info.User, l.Info.Host
	if user == "" {
		user = "?"
	}
	if host == "" {
		host = "?"
	}
	since := "?"
	if !l.Info.Since.IsZero() {
		since = formatDateTime(l.Info.Since, language)
	}
	return lang.L("lock.held", map[string]any{"User": user, "Host": host, "Since": since})
}

// showLocked offers what can be done with a file another editor holds: open it read-only,
// take the lock over (safe when stale, else after a clear warning) or leave it.
func (sh *shell) showLocked(path string, l *persistence.LockedError) {
	paragraphs := []string{lockedText(l, sh.language)}
	if l.Stale {
		paragraphs = append(paragraphs, lang.L("lock.stale"), lang.L("ui.lock.stale_hint"))
	} else {
		paragraphs = append(paragraphs, lang.L("ui.lock.readonly_hint"))
	}
	d := dialog.NewCustomWithoutButtons(lang.L("ui.lock.title"), wrapped(paragraphs...), sh.win)
	readOnly := widget.NewButton(lang.L("ui.lock.open_readonly"), func() {
		d.Hide()
		sh.openPath(path, persistence.OpenOptions{ReadOnly: true})
	})
	readOnly.Importance = widget.HighImportance
	takeOver := widget.NewButton(lang.L("ui.lock.take_over"), func() {
		d.Hide()
		if l.Stale {
			sh.openPath(path, persistence.OpenOptions{TakeOverLock: true})
			return
		}
		sh.confirmTakeOver(path, l)
	})
	if !l.Stale {
		takeOver.Importance = widget.DangerImportance
	}
	cancel := widget.NewButton(lang.L("ui.cancel"), d.Hide)
	d.SetButtons([]fyne.CanvasObject{cancel, takeOver, readOnly})
	d.Show()
}

// confirmTakeOver warns before taking a lock whose holder may still be working.
func (sh *shell) confirmTakeOver(path string, l *persistence.LockedError) {
	text := lang.L("ui.lock.take_over_warning", map[string]any{"User": l.Info.User, "Host": l.Info.Host})
	d := dialog.NewCustomConfirm(lang.L("ui.lock.take_over_title"), lang.L("ui.lock.take_over"), lang.L("ui.cancel"),
		wrapped(text), func(ok bool) {
			if ok {
				sh.openPath(path, persistence.OpenOptions{TakeOverLock: true})
			}
		}, sh.win)
	d.Show()
}
