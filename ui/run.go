// Package ui is the Fyne application: main window, start screen, overview, the wizard and its
// step pages, dialogs.
package ui

import (
	"errors"
	"os"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"schulit-lotse/assets"
	"schulit-lotse/internal/clock"
	"schulit-lotse/persistence"
)

// Run starts the GUI, opening path when it is not empty. It returns when the app quits.
func Run(path string, clk clock.Clock) {
	a := app.NewWithID(AppID)
	a.Settings().SetTheme(newLotseTheme())
	chosen := assets.SetupLanguage(a.Preferences().String(prefLanguage))
	a.SetIcon(assets.Icon)
	w := a.NewWindow("")
	sh := newShell(a, w, chosen, clk)
	// SIGTERM (logout) and SIGINT end the program cleanly. Once the loop runs, the app quits as
	// from the menu. Before that nothing of Fyne is touched (quitting a window that is still
	// being set up crashes in the driver): the file still opening is closed, then the program
	// ends. No project lock is taken before this watch is in place.
	var started atomic.Bool
	a.Lifecycle().SetOnStarted(func() { started.Store(true) })
	stop := quitOnSignal(func() {
		if started.Load() {
			fyne.Do(a.Quit)
			// Logout must not hang on a loop that does not come back (a driver call stuck in
			// the display server): stop commits the edits still queued for the file and closes
			// the project after a grace period, then the program ends.
			time.AfterFunc(quitGrace, func() { endAfterSignal(sh.stop, quitGrace, os.Exit) })
			return
		}
		sh.stop()
		os.Exit(0)
	})
	defer stop()
	w.SetContent(sh.root)
	w.Resize(windowSize(a.Preferences()))
	if path != "" {
		sh.openPath(path, persistence.OpenOptions{})
	}
	w.SetMaster()
	w.ShowAndRun()
	// The app has stopped (Fyne quits on SIGTERM and SIGINT as well): close the project only.
	sh.stop()
}

// quitGrace is how long the app may take to quit after SIGTERM or SIGINT before it ends itself.
const quitGrace = 8 * time.Second

// endAfterSignal closes the project with stop and ends the program with exit; when stop itself
// does not come back within grace (the lock then stays, and the next open offers to take it
// over), the program ends all the same.
func endAfterSignal(stop func(), grace time.Duration, exit func(int)) {
	done := make(chan struct{})
	go func() {
		stop()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(grace):
		fyne.LogError("closing project after a signal", errors.New("timed out"))
	}
	exit(0)
}
