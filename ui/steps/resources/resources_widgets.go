package resources

import (
	"strconv"

	"fyne.io/fyne/v2/lang"
)

// Widgets shared by the editors of steps 5 and 6.

// scoreOptions are the choices of a 1–5 score: "–" for not scored, then 1 to 5.
func scoreOptions() []string {
	out := []string{lang.L("res.score.none")}
	for i := 1; i <= 5; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}
