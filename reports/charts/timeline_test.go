package charts

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"time"
)

func tlDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestTimelineMarksOverdueInRed(t *testing.T) {
	txt := TimelineText{Title: "Meilensteine", Today: "heute", DateFormat: "01/2006", DayFormat: "02.01.2006",
		Open: "geplant", Done: "erledigt", Overdue: "überfällig", InProgress: "in Arbeit"}
	today := tlDate("2027-05-10")
	render := func(items []TimelineItem) image.Image {
		t.Helper()
		b, err := TimelinePNG(items, today, txt, 16)
		if err != nil {
			t.Fatal(err)
		}
		if b[24] != 8 {
			t.Fatalf("bit depth %d, want 8", b[24])
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	base := []TimelineItem{
		{Label: "Vertrag unterzeichnet", Due: tlDate("2027-03-13"), State: MilestoneDone},
		{Label: "Regelbetrieb", Due: tlDate("2027-08-13"), State: MilestoneOpen},
	}
	img := render(base)
	// 16 cm at 300 dpi = 16 / 2.54 × 300 = 1889.8 px; height 3.2 + 2·0.62 = 4.44 cm = 524.4 px.
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 1890 || h != 524 {
		t.Errorf("size %dx%d, want 1890x524", w, h)
	}
	if n := countColor(img, Red); n != 0 {
		t.Errorf("%d red pixels without an overdue milestone", n)
	}
	if n := countColor(img, Green); n < 20 {
		t.Errorf("the done milestone is not green (%d pixels)", n)
	}
	if n := countColor(img, tlTodayColor); n < 20 {
		t.Errorf("no today line (%d pixels)", n)
	}
	overdue := append(base, TimelineItem{Label: "Übergabe der Dokumentation", Due: tlDate("2027-05-03"), State: MilestoneOverdue})
	if n := countColor(render(overdue), Red); n < 20 {
		t.Errorf("the overdue milestone is not red (%d pixels)", n)
	}
}

func TestTimelineTicksAreMonths(t *testing.T) {
	ticks := tlMonthTicks{format: "01/2006"}.Ticks(tlDay(tlDate("2027-03-20")), tlDay(tlDate("2027-06-10")))
	var labels []string
	for _, tk := range ticks {
		labels = append(labels, tk.Label)
	}
	want := []string{"04/2027", "05/2027", "06/2027"}
	if len(labels) != len(want) {
		t.Fatalf("labels %q, want %q", labels, want)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("labels %q, want %q", labels, want)
		}
	}
	// Three years: at most about seven labels.
	long := tlMonthTicks{}.Ticks(tlDay(tlDate("2027-01-01")), tlDay(tlDate("2029-12-31")))
	named := 0
	for _, tk := range long {
		if tk.Label != "" {
			named++
		}
	}
	if named > 7 || named < 3 {
		t.Errorf("%d labelled ticks over three years", named)
	}
}
