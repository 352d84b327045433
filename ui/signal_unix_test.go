//go:build !windows

package ui

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

func TestSignalsQuitTheApp(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		quit := make(chan struct{})
		stop := quitOnSignal(func() { close(quit) })
		if err := syscall.Kill(os.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-quit: // the test process lives on: the signal asked the app to quit, nothing more
		case <-time.After(10 * time.Second):
			t.Fatalf("%v did not quit the app", sig)
		}
		stop()
	}
}

// After the app stopped, the project is closed without a widget call: its lock is released.
func TestReleaseSessionAfterTheWindowIsGone(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	w := a.NewWindow("")
	path := filepath.Join(t.TempDir(), "Planung.lotse")
	writeProject(t, path, "Planung")
	sess, err := session.Open(path, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sh := &shell{app: a, win: w, sess: sess}
	w.Close()
	sh.releaseSession()
	if _, err := os.Lstat(persistence.LockPath(path)); err == nil {
		t.Fatal("the lock stays after the project was released")
	}
	if sh.sess != nil {
		t.Fatal("the session stays set")
	}
	sh.releaseSession() // twice is harmless
}

// After a signal whose quit does not come back, the program closes the project and ends; when
// closing hangs as well, it ends after the grace period all the same.
func TestEndAfterSignal(t *testing.T) {
	for _, hang := range []bool{false, true} {
		stopped := make(chan struct{}, 1)
		exited := make(chan int, 1)
		block := make(chan struct{})
		stop := func() {
			stopped <- struct{}{}
			if hang {
				<-block
			}
		}
		go endAfterSignal(stop, 50*time.Millisecond, func(code int) { exited <- code })
		select {
		case code := <-exited:
			if code != 0 {
				t.Fatalf("hang=%v: exit code %d, want 0", hang, code)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("hang=%v: the program did not end", hang)
		}
		if len(stopped) != 1 {
			t.Fatalf("hang=%v: the project was not closed before the end", hang)
		}
		close(block)
	}
}
