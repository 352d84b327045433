package inventory

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// landkreisTasks is a deterministic inventory of the size DESIGN.md names (1,500 tasks).
func landkreisTasks(n int) []domain.Task {
	out := make([]domain.Task, n)
	for i := range out {
		e := domain.Effort{Value: float64(i%17) / 2, Unit: domain.EffortUnits[i%len(domain.EffortUnits)]}
		out[i] = domain.Task{
			Name:        fmt.Sprintf("Aufgabe %04d: Geräte der Schule %d betreuen", i, i%120),
			Responsible: fmt.Sprintf("Team Schul-IT %d", i%25),
			Effort:      &e,
			Note:        fmt.Sprintf("Notiz zu Aufgabe %d mit etwas mehr Text, damit die Spalte voll wird", i),
			Priority:    domain.Priority{Rank: i % 6},
			Critical:    i%9 == 0,
			IsNew:       i%11 == 0,
		}
		if i%7 == 0 {
			out[i].Responsible = ""
		}
	}
	return out
}

// landkreisContext is a step context on a project file with the 1,500 tasks, in a test window
// (closed at the end); an error shown fails tb.
func landkreisContext(tb testing.TB) *kit.Context {
	test.NewTempApp(tb)
	s := kittest.NewProjectFile(tb, landkreisTasks(1500)...)
	w := test.NewWindow(nil)
	tb.Cleanup(w.Close)
	return &kit.Context{Session: s, Window: w, ShowError: func(err error) { tb.Fatal(err) }}
}

// BenchmarkTaskTable1500 builds the step-1 editor on 1,500 tasks and scrolls through the table.
// "scroll" is one screenful of scrolling (every visible cell redrawn); "scroll+paint" adds the
// software rendering of the whole window; "reindex" rebuilds the sorted, filtered row index as
// after every edit.
func BenchmarkTaskTable1500(b *testing.B) {
	ctx := landkreisContext(b)
	s, w := ctx.Session, ctx.Window

	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			ed := NewInventoryEditor(ctx)
			w.SetContent(ed.View)
			w.Resize(fyne.NewSize(1400, 900))
			ed.View.Dispose()
		}
	})

	ed := NewInventoryEditor(ctx)
	w.SetContent(ed.View)
	w.Resize(fyne.NewSize(1400, 900))
	table := ed.grid.table
	page := table.Size().Height
	scrollOnce := func(i int) {
		y := float32(i%150) * page / 2 // down through the whole table and back to the top
		table.ScrollToOffset(fyne.NewPos(0, y))
	}

	b.Run("scroll", func(b *testing.B) {
		i := 0
		for b.Loop() {
			scrollOnce(i)
			i++
		}
	})
	b.Run("scroll+paint", func(b *testing.B) {
		i := 0
		for b.Loop() {
			scrollOnce(i)
			w.Canvas().Capture()
			i++
		}
	})
	b.Run("reindex-sorted", func(b *testing.B) {
		ed.grid.sortCol, ed.grid.sortDir = 0, 1
		for b.Loop() {
			ed.grid.refresh()
		}
	})
	b.Run("edit", func(b *testing.B) {
		id := s.Project.Tasks[750].ID
		i := 0
		for b.Loop() {
			i++
			v := float64(i % 40)
			if err := s.UpdateTask(id, "bench", func(t *domain.Task) { t.Effort = &domain.Effort{Value: v, Unit: domain.HoursPerMonth} }); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Scrolling must have reached the end of the table: the last task was drawn.
	table.ScrollToBottom()
	last := s.Project.Tasks[len(s.Project.Tasks)-1].Name
	found := false
	kittest.Walk(table, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(last, strings.TrimSuffix(l.Text, "…")) && len(l.Text) > 20 {
			found = true
		}
	})
	if !found {
		b.Errorf("the last task %q is not drawn at the bottom of the table", last)
	}
}

// BenchmarkTypeIntoLongNote types one character at the end of a 5,000-character task note in
// step 1, as a user who keeps writing. "paragraphs" is a note of ten paragraphs of 500
// characters, "one paragraph" the same text without a line break (Fyne 2.7 measures the rest of
// a paragraph again for each of its wrapped rows on every key, fyne-io/fyne#5297, so the cost
// grows with the square of the paragraph's length). Target: ≤ 50 ms per key.
func BenchmarkTypeIntoLongNote(b *testing.B) {
	test.NewTempApp(b)
	sentence := "Rücksprache mit der Schule nötig, Geräte im Keller. "
	para := strings.Repeat(sentence, 10)[:499]
	texts := []struct{ name, note string }{
		{"paragraphs", strings.Repeat(para+"\n", 10)},
		{"one paragraph", strings.Repeat(sentence, 100)[:5000]},
	}
	for _, x := range texts {
		h := &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}
		s := kittest.NewProjectFile(b, domain.Task{Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: h, Note: x.note})
		w := test.NewWindow(nil)
		ctx := &kit.Context{Session: s, Window: w, ShowError: func(err error) { b.Fatal(err) }}
		ed := NewInventoryEditor(ctx)
		w.SetContent(ed.View)
		w.Resize(fyne.NewSize(1366, 740))
		ed.pick(s.Project.Tasks[0].ID, fieldNote)
		e := ed.form.note
		w.Canvas().Focus(e)
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // the end of the text
		b.Run(x.name, func(b *testing.B) {
			for b.Loop() {
				e.TypedRune('x')
			}
		})
		w.Close()
	}
}
