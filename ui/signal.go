package ui

import (
	"os"
	"os/signal"
	"syscall"
)

// quitOnSignal calls quit on SIGTERM (what a Linux desktop sends at logout) and SIGINT, from the
// start of the program on. Fyne quits on them as well, but only once its loop runs; a signal
// before that would end the program on the spot, with the project's lock left behind. The
// returned stop ends the watch.
func quitOnSignal(quit func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
