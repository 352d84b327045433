package ui

import (
	"errors"
	"net/url"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/internal/clock"
	"schulit-lotse/ui/session"
)

// shell is the main window's state: which project is open and which page is shown. The project
// itself lives in the session; widgets only show it.
type shell struct {
	app      fyne.App
	win      fyne.Window
	language string // "de" or "en", for number formats

	root *fyne.Container // holds the current screen: start screen or project view

	sess    *session.Session
	project *projectView // nil while no project is open
	start   *startScreen // the start screen last shown

	// Where new projects and the sample go; replaceable in tests.
	docsDir string
	openURL func(*url.URL) error
	// synchronous runs slow work (opening, the PDF) on the calling goroutine; tests set it.
	synchronous bool
	// clock tells the time of reports, new projects and the files' commits; main hands it in.
	clock clock.Clock
	// later runs fn on the UI goroutine once d has passed (a notice that goes away); tests
	// replace it, since Fyne's test driver would run fn on the timer's goroutine.
	later func(d time.Duration, fn func())
	// message is the information or error dialog on screen, which Return and Escape close.
	message dialog.Dialog

	// opening counts files being opened off the UI goroutine; pending holds those opened but
	// not yet taken by the UI; stopped is set once the app's loop has ended.
	opening   sync.WaitGroup
	pendingMu sync.Mutex
	stopMu    sync.Mutex
	pending   []*session.Session
	stopped   bool
}

func newShell(a fyne.App, w fyne.Window, language string, clk clock.Clock) *shell {
	if language != "en" {
		language = "de"
	}
	sh := &shell{app: a, win: w, language: language, root: container.NewStack(), clock: clock.OrSystem(clk)}
	sh.later = func(d time.Duration, fn func()) { time.AfterFunc(d, func() { fyne.Do(fn) }) }
	sh.docsDir = defaultDocumentsDir()
	sh.openURL = a.OpenURL
	sh.installShortcuts()
	w.SetCloseIntercept(sh.quit)
	sh.showStart()
	sh.updateTitle()
	return sh
}

func (sh *shell) setScreen(obj fyne.CanvasObject) {
	sh.root.Objects = []fyne.CanvasObject{obj}
	sh.root.Refresh()
}

// setSession makes s the open project and shows its overview.
func (sh *shell) setSession(s *session.Session) {
	sh.sess = s
	s.OnChange(func() {
		if sh.sess == s {
			sh.projectChanged()
		}
	})
	if !sh.synchronous {
		// Edits change the model at once; their writes go to the file in the background, and
		// each commit comes back here to update "speichert…" / "gespeichert 14:05".
		s.WriteIn(session.WriteBackground, func() { go fyne.Do(func() { sh.writesChanged(s) }) })
	}
	addRecent(sh.app.Preferences(), s.File.Path())
	sh.showProject()
}

// showProject (re)builds the project view, e.g. after "Speichern unter" changed the file.
func (sh *shell) showProject() {
	sh.project = newProjectView(sh, sh.sess)
	sh.setScreen(sh.project.root)
	sh.project.show(0)
	sh.updateTitle()
	sh.updateMenu()
}

// closeSession releases the open project (and its lock) and returns to the start screen.
//
// The edits still queued are written first. When the disk refuses one, the project stays open
// and false is returned: the failed write is shown as every failed write is (writesChanged,
// with the window back at what the file holds), instead of being lost while the window closes.
func (sh *shell) closeSession() bool {
	if sh.sess == nil {
		return true
	}
	// A field the user is still typing in commits when it loses the focus: before the project
	// closes, so that nothing typed is lost.
	sh.win.Canvas().Unfocus()
	if err := sh.sess.Flush(); err != nil {
		return false
	}
	sh.releaseSession()
	sh.showStart()
	sh.updateTitle()
	return true
}

// releaseSession closes the project (database and lock) without touching the window: after
// the app has stopped – the last window closed, or SIGTERM at logout and SIGINT, on which Fyne
// quits – the window is gone and any widget call would panic.
// errStopping ends an open that finishes after the app has stopped.
var errStopping = errors.New("the app is stopping")

// holdPending keeps a session that was opened off the UI goroutine until the UI takes it; it
// reports false when the app has stopped meanwhile (the caller closes the session then).
func (sh *shell) holdPending(s *session.Session) bool {
	sh.pendingMu.Lock()
	defer sh.pendingMu.Unlock()
	if sh.stopped {
		return false
	}
	sh.pending = append(sh.pending, s)
	return true
}

// dropPending forgets a session the UI has taken.
func (sh *shell) dropPending(s *session.Session) {
	sh.pendingMu.Lock()
	defer sh.pendingMu.Unlock()
	for i, x := range sh.pending {
		if x == s {
			sh.pending = append(sh.pending[:i], sh.pending[i+1:]...)
			return
		}
	}
}

// stop runs after the app's loop has ended (quit, SIGTERM, SIGINT): it waits for a file still
// opening, then closes every session – the one shown and one the UI never took – so that no
// lock stays behind.
func (sh *shell) stop() {
	// The main goroutine and the watch of a signal (endAfterSignal) may both stop the shell.
	sh.stopMu.Lock()
	defer sh.stopMu.Unlock()
	sh.pendingMu.Lock()
	sh.stopped = true
	sh.pendingMu.Unlock()
	sh.opening.Wait()
	sh.pendingMu.Lock()
	pending := sh.pending
	sh.pending = nil
	sh.pendingMu.Unlock()
	for _, s := range pending {
		if s != sh.sess {
			if err := s.Close(); err != nil {
				fyne.LogError("closing project", err)
			}
		}
	}
	sh.releaseSession()
}

func (sh *shell) releaseSession() {
	if sh.sess == nil {
		return
	}
	s := sh.sess
	sh.sess, sh.project = nil, nil
	if err := s.Close(); err != nil {
		fyne.LogError("closing project", err)
	}
}

func (sh *shell) quit() {
	rememberWindowSize(sh.app.Preferences(), sh.win.Canvas().Size())
	if !sh.closeSession() {
		return // a queued edit could not be written: the window stays and says so
	}
	sh.app.Quit()
}

// projectChanged follows every edit, undo and redo.
func (sh *shell) projectChanged() {
	if sh.project != nil {
		sh.project.refresh()
	}
	sh.updateMenu()
	sh.updateTitle()
}

// updateTitle shows the file name, the read-only state and the saving state as the status bar
// does: "speichert…" while edits wait for the disk, then when the last one reached the file.
func (sh *shell) updateTitle() {
	name := lang.L("app.name")
	if sh.sess == nil {
		sh.win.SetTitle(name)
		return
	}
	title := filepath.Base(sh.sess.File.Path()) + " – " + name
	switch {
	case sh.sess.ReadOnly():
		title += " " + lang.L("ui.title.readonly")
	case sh.sess.SaveState().Err != nil:
		title += " – " + lang.L("ui.status.not_saved")
	case sh.sess.SaveState().Pending > 0:
		title += " – " + lang.L("ui.status.saving")
	case !sh.sess.SaveState().Saved.IsZero():
		title += " – " + lang.L("everyday.title.saved", map[string]any{"Time": formatClock(sh.sess.SaveState().Saved)})
	}
	sh.win.SetTitle(title)
}

// run does slow work off the UI thread and reports back on it.
func (sh *shell) run(work func() error, done func(err error)) {
	if sh.synchronous {
		done(work())
		return
	}
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}

// now is the time of the shell's clock.
func (sh *shell) now() time.Time { return sh.clock.Now() }
