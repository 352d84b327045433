package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The board at Landkreis scale: 1,500 cards in 40 packages (every tenth card unsorted).
// BenchmarkBoardRender1500 draws the whole board with everything in view ("Alles zeigen"), and
// at zoom 1 where a screenful is bound; BenchmarkBoardDragStep is one Dragged event of a card
// being carried across the board. No test asserts a time; `make bench` reports them.

func benchBoard(b *testing.B) (*Board, fyne.Window) {
	test.NewTempApp(b)
	s := newSession(b, landkreis(1500, 40))
	bd := NewBoard(s)
	w := test.NewWindow(bd)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1400, 900))
	b.Cleanup(w.Close)
	return bd, w
}

func BenchmarkBoardRender1500(b *testing.B) {
	bd, _ := benchBoard(b)
	r := test.WidgetRenderer(bd).(*boardRenderer)
	b.Run("fit-all", func(b *testing.B) {
		bd.FitAll()
		for i := 0; i < b.N; i++ {
			bd.rev++ // as after an edit: every view binds again
			r.Refresh()
		}
	})
	b.Run("zoom-1", func(b *testing.B) {
		bd.zoom, bd.originX, bd.originY = 1, 0, 0
		for i := 0; i < b.N; i++ {
			bd.rev++
			r.Refresh()
		}
	})
	b.Run("model-change", func(b *testing.B) {
		bd.FitAll()
		for i := 0; i < b.N; i++ {
			bd.ModelChanged() // layout of 1,500 cards and a full redraw
		}
	})
}

func BenchmarkBoardDragStep(b *testing.B) {
	bd, _ := benchBoard(b)
	for _, zoom := range []struct {
		name string
		fit  bool
	}{{"fit-all", true}, {"zoom-1", false}} {
		b.Run(zoom.name, func(b *testing.B) {
			if zoom.fit {
				bd.FitAll()
			} else {
				bd.zoom, bd.originX, bd.originY = 1, 0, 0
				bd.Refresh()
			}
			id := bd.layout.Members[1][0]
			start, _ := bd.CardCenter(id)
			bd.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start}, Dragged: fyne.Delta{DX: 1, DY: 1}})
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d := float32(1 - 2*(i%2)) // back and forth over the same area
				bd.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 7 * d, DY: 3 * d}})
			}
			b.StopTimer()
			bd.drag = nil // no drop: the board stays as it was
			bd.Refresh()
		})
	}
}
