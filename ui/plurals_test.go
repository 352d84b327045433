package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/ui/canvas"
)

// One of a thing is said in the singular: the sample's RACI matrix has one note, and one card
// chosen on the board is moved as "1 Karte".
func TestCountsUseTheSingularForOne(t *testing.T) {
	ts := sampleShell(t, 1366, 768)
	ts.tapNext(3)
	b := all[*canvas.Board](ts.content())[0]
	assertText(t, ts.content(), "6 Pakete · 9 Karten einsortiert · 0 unsortiert")
	test.Tap(b)
	test.Type(b, "i") // type-ahead chooses "IServ-Nutzer anlegen"
	test.Tap(button(t, ts.content(), "Verschieben nach…"))
	assertText(t, ts.overlay(), "1 Karte verschieben")
	assertNoText(t, ts.overlay(), "Karte(n)")
	test.Tap(button(t, ts.overlay(), "Abbrechen"))

	ts.tapNext(8)
	tapText(t, ts, "RACI-Matrix")
	assertText(t, ts.content(), "22 Tätigkeiten in 10 Prozessen × 10 Rollen · 0 Fehler · 1 Hinweis")
	assertNoText(t, ts.content(), "1 Hinweise")
}
