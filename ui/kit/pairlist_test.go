package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestPairListShowsNameAndValueAndTaps(t *testing.T) {
	test.NewTempApp(t)
	rows := [][2]string{{"Team Schul-IT", "12,5"}, {"Hausmeister", "3"}}
	var tapped []int
	list := NewPairList(func() int { return len(rows) }, func(i int) (string, string) { return rows[i][0], rows[i][1] },
		func(i int) { tapped = append(tapped, i) })
	item := list.CreateItem()
	list.UpdateItem(1, item)
	box := item.(*fyne.Container)
	name, value := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
	if name.Text != "Hausmeister" || value.Text != "3" || value.Alignment != fyne.TextAlignTrailing {
		t.Errorf("row 1: %q | %q", name.Text, value.Text)
	}
	list.UpdateItem(5, item) // a row that is gone shows nothing
	if name.Text != "" || value.Text != "" {
		t.Errorf("row 5: %q | %q", name.Text, value.Text)
	}
	w := test.NewWindow(list)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 200))
	list.Select(0)
	list.Select(0) // tapped again: the list kept no selection
	if len(tapped) != 2 || tapped[0] != 0 || tapped[1] != 0 {
		t.Errorf("tapped %v", tapped)
	}
}
