package ui

import (
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/ui/session"
)

// writesChanged follows a commit of the session's background writer, on the UI goroutine: the
// status bar and the title show "speichert…" or the time of the last commit.
func (sh *shell) writesChanged(s *session.Session) {
	if sh.sess != s {
		return // the project was closed or replaced meanwhile
	}
	if err := s.SaveState().Err; err != nil {
		sh.writeFailed(s, err)
	}
	if sh.project != nil {
		sh.project.updateSaved()
	}
	sh.updateTitle()
}

// writeFailed shows a failed background write in the same dialog as every error, then loads the
// model again from the file, which holds every edit confirmed before the failure – the window
// never shows what the file does not hold.
func (sh *shell) writeFailed(s *session.Session, err error) {
	text := sh.errorText(err) + "\n\n" + lang.L("ui.save.failed_reloaded")
	if rerr := s.Recover(); rerr != nil {
		text = sh.errorText(err) + "\n\n" + lang.L("ui.save.failed_reload")
	}
	sh.showMessage(lang.L("ui.err.title"), text)
}
