package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The window opens at the laptop default, at the size the user left it, and at the default
// again when the remembered size is larger than the default screen or too small.
func TestWindowSizeRemembered(t *testing.T) {
	p := test.NewTempApp(t).Preferences()
	if got := windowSize(p); got != defaultWindow || got.Width > 1366 || got.Height > 768-40 {
		t.Errorf("first start: %v", got)
	}
	rememberWindowSize(p, fyne.NewSize(1100, 650))
	if got := windowSize(p); got != fyne.NewSize(1100, 650) {
		t.Errorf("remembered: %v", got)
	}
	rememberWindowSize(p, fyne.NewSize(1920, 1040)) // left on a large monitor
	if got := windowSize(p); got != defaultWindow {
		t.Errorf("larger than the default screen: %v", got)
	}
	rememberWindowSize(p, fyne.NewSize(300, 200))
	if got := windowSize(p); got != defaultWindow {
		t.Errorf("too small: %v", got)
	}
}
