package ui

import "fyne.io/fyne/v2"

// Preference keys of the window's size.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// defaultWindow fits the screen most users have, a 1366×768 laptop, with a taskbar of about
// 40 pixels and the window's title bar. Fyne cannot ask for the screen's size, so the default
// does not guess a larger one.
var (
	defaultWindow = fyne.NewSize(1280, 680)
	defaultScreen = fyne.NewSize(1366, 768)
)

// windowSize is the size the window opens at: the one the user left it at, unless that is
// missing, too small to work in, or larger than the default screen (the window may have moved
// from a larger monitor).
func windowSize(p fyne.Preferences) fyne.Size {
	w, h := float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight))
	if w < 640 || h < 480 || w > defaultScreen.Width || h > defaultScreen.Height {
		return defaultWindow
	}
	return fyne.NewSize(w, h)
}

// rememberWindowSize keeps the window's size for the next start.
func rememberWindowSize(p fyne.Preferences, s fyne.Size) {
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}
