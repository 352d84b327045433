package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/assets"
	"schulit-lotse/internal/clock"
)

// BenchmarkStart measures the parts of the start-up that run before the first frame (the whole
// start beside a bare Fyne window is the bench row "cold start to first frame"): the
// translations, the theme and the start screen with its menu (on the test driver; the real
// driver adds loading the fonts, which the first frame needs anyway).
func BenchmarkStart(b *testing.B) {
	b.Run("translations", func(b *testing.B) {
		for b.Loop() {
			assets.SetupLanguage(assets.German)
		}
	})
	b.Run("theme", func(b *testing.B) {
		for b.Loop() {
			newLotseTheme()
		}
	})
	b.Run("start_screen", func(b *testing.B) {
		a := test.NewTempApp(b)
		for b.Loop() {
			w := a.NewWindow("")
			newShell(a, w, assets.German, clock.System())
			w.Close()
		}
	})
}
