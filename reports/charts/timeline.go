package charts

import (
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MilestoneState colours a milestone on the timeline.
type MilestoneState int

const (
	MilestoneOpen MilestoneState = iota
	MilestoneInProgress
	MilestoneDone
	MilestoneOverdue
)

// TimelineItem is one dated milestone.
type TimelineItem struct {
	Label string
	Due   time.Time
	State MilestoneState
}

// TimelineText holds the chart's words in the user's language.
type TimelineText struct {
	Title      string
	Today      string
	DateFormat string // Go layout of the axis ticks, e.g. "01/2006"
	DayFormat  string // Go layout of the today label, e.g. "02.01.2006"
	Open       string
	InProgress string
	Done       string
	Overdue    string
}

// Colours of the milestone states.
var (
	tlStateColor = map[MilestoneState]color.RGBA{
		MilestoneOpen:       Palette[0],
		MilestoneInProgress: Amber,
		MilestoneDone:       Green,
		MilestoneOverdue:    Red,
	}
	tlTodayColor = color.RGBA{0x44, 0x44, 0x44, 0xff}
)

const tlDayLength = 24 * time.Hour

// Timeline draws milestones on a time axis, one row each, the first at the top. Today is a
// dashed vertical line; overdue milestones are red.
func Timeline(items []TimelineItem, today time.Time, txt TimelineText) *plot.Plot {
	p := New(txt.Title, "", "")
	p.Legend.Top = true
	p.Legend.Left = false
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Legend.Padding = vg.Points(3)
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Label.Font.Size = vg.Points(8)

	n := len(items)
	lo, hi := tlDay(today), tlDay(today)
	for _, it := range items {
		v := tlDay(it.Due)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	span := math.Max(hi-lo, 30)
	lo, hi = lo-span*0.06, hi+span*0.06
	p.X.Min, p.X.Max = lo, hi
	p.Y.Min, p.Y.Max = -0.7, float64(max(n, 1))-0.3
	p.X.Tick.Marker = tlMonthTicks{format: txt.DateFormat}

	// Rows: the first item at the top.
	rowY := func(i int) float64 { return float64(n - 1 - i) }
	var ticks []plot.Tick
	for i, it := range items {
		ticks = append(ticks, plot.Tick{Value: rowY(i), Label: Cut(it.Label, 34)})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Add(plotter.NewGrid())

	// Guide lines from the left edge to each milestone make the rows easy to follow.
	for i, it := range items {
		guide, err := plotter.NewLine(plotter.XYs{{X: lo, Y: rowY(i)}, {X: tlDay(it.Due), Y: rowY(i)}})
		if err == nil {
			guide.Color = color.RGBA{0xcc, 0xd2, 0xda, 0xff}
			guide.Width = vg.Points(0.8)
			p.Add(guide)
		}
	}

	byState := map[MilestoneState]plotter.XYs{}
	for i, it := range items {
		byState[it.State] = append(byState[it.State], plotter.XY{X: tlDay(it.Due), Y: rowY(i)})
	}
	names := map[MilestoneState]string{MilestoneOpen: txt.Open, MilestoneInProgress: txt.InProgress, MilestoneDone: txt.Done, MilestoneOverdue: txt.Overdue}
	for _, st := range []MilestoneState{MilestoneDone, MilestoneInProgress, MilestoneOpen, MilestoneOverdue} {
		pts, ok := byState[st]
		if !ok {
			continue
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			continue
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: tlStateColor[st], Radius: vg.Points(4.5), Shape: draw.PyramidGlyph{}}
		if st == MilestoneDone {
			sc.GlyphStyle.Shape = draw.CircleGlyph{}
		}
		p.Add(sc)
		if names[st] != "" {
			p.Legend.Add(names[st], sc)
		}
	}

	now, err := plotter.NewLine(plotter.XYs{{X: tlDay(today), Y: p.Y.Min}, {X: tlDay(today), Y: p.Y.Max}})
	if err == nil {
		now.Color = tlTodayColor
		now.Width = vg.Points(1.2)
		now.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		p.Add(now)
		if txt.Today != "" {
			label, err := plotter.NewLabels(plotter.XYLabels{
				XYs:    []plotter.XY{{X: tlDay(today), Y: p.Y.Max}},
				Labels: []string{txt.Today + " " + today.Format(tlLayout(txt.DayFormat, "2006-01-02"))},
			})
			if err == nil {
				label.TextStyle[0].Color = tlTodayColor
				label.TextStyle[0].Font.Size = vg.Points(8)
				label.Offset = vg.Point{X: vg.Points(3), Y: vg.Points(-10)}
				p.Add(label)
			}
		}
	}
	return p
}

// TimelinePNG renders the timeline widthCm wide, its height growing with the number of rows.
func TimelinePNG(items []TimelineItem, today time.Time, txt TimelineText, widthCm float64) ([]byte, error) {
	return PNG(Timeline(items, today, txt), widthCm, TimelineHeightCm(len(items)))
}

// TimelineHeightCm is the height that gives every row room for its label.
func TimelineHeightCm(rows int) float64 { return 3.2 + 0.62*float64(max(rows, 1)) }

// tlDay is a time as days since the Unix epoch (the x axis).
func tlDay(t time.Time) float64 {
	return float64(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix()) / tlDayLength.Seconds()
}

func tlFromDay(v float64) time.Time { return time.Unix(int64(v*tlDayLength.Seconds()), 0).UTC() }

func tlLayout(layout, fallback string) string {
	if layout == "" {
		return fallback
	}
	return layout
}

// tlMonthTicks puts a tick at the first day of months, spaced so that at most about six are
// labelled.
type tlMonthTicks struct{ format string }

func (d tlMonthTicks) Ticks(min, max float64) []plot.Tick {
	start, end := tlFromDay(min), tlFromDay(max)
	months := (end.Year()-start.Year())*12 + int(end.Month()-start.Month()) + 1
	step := 1
	for _, s := range []int{1, 2, 3, 6, 12, 24} {
		step = s
		if months/s <= 5 { // "01/2027" labels do not touch on a 17 cm page with the legend beside
			break
		}
	}
	layout := tlLayout(d.format, "01/2006")
	var out []plot.Tick
	t := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 400 && !t.After(end); i++ {
		v := tlDay(t)
		if v >= min {
			label := ""
			if (int(t.Month())-1)%step == 0 {
				label = t.Format(layout)
			}
			out = append(out, plot.Tick{Value: v, Label: label})
		}
		t = t.AddDate(0, 1, 0)
	}
	return out
}
