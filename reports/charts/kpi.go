package charts

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Charts of step 12: ticket volume by category per month, calls by hour and weekday, the
// spread of response or restoration times per priority class, and the survey's answers.

// TrendLabels are the trend chart's words.
type TrendLabels struct {
	Title, YAxis, Other, Backlog string
	// Format writes the axis numbers in the reader's notation (nil: gonum's).
	Format func(float64) string
	// Months are the x labels ("Jan 27"), one per month of the data.
	Months []string
}

// maxTrendSeries bounds the stacked categories; the rest are summed as "other".
const maxTrendSeries = 6

// TrendChart stacks the tickets of each category per month and draws the backlog at each
// month's end as a line. volume[c][m] belongs to categories[c] (most frequent first).
func TrendChart(categories []string, volume [][]int, backlog []int, l TrendLabels) (*plot.Plot, error) {
	p := New(l.Title, "", l.YAxis)
	p.Add(plotter.NewGrid())
	n := len(l.Months)
	if n == 0 {
		n = 1
	}
	names := append([]string(nil), categories...)
	vals := append([][]int(nil), volume...)
	if len(names) > maxTrendSeries {
		rest := make([]int, n)
		for _, v := range vals[maxTrendSeries-1:] {
			for m := range rest {
				if m < len(v) {
					rest[m] += v[m]
				}
			}
		}
		names = append(names[:maxTrendSeries-1:maxTrendSeries-1], l.Other)
		vals = append(vals[:maxTrendSeries-1:maxTrendSeries-1], rest)
	}
	w := vg.Length(float64(14*vg.Centimeter) / float64(n) * 0.6)
	w = min(w, vg.Points(40))
	var below *plotter.BarChart
	top := 0.0
	totals := make([]float64, n)
	for i, v := range vals {
		values := make(plotter.Values, n)
		for m := range values {
			if m < len(v) {
				values[m] = float64(v[m])
				totals[m] += float64(v[m])
			}
		}
		bars, err := plotter.NewBarChart(values, w)
		if err != nil {
			return nil, err
		}
		bars.Color = Palette[i%len(Palette)]
		bars.LineStyle.Width = 0
		if below != nil {
			bars.StackOn(below)
		}
		below = bars
		p.Add(bars)
		name := names[i]
		if name == "" {
			name = "–"
		}
		p.Legend.Add(Cut(name, MaxLabel), bars)
	}
	for _, t := range totals {
		top = math.Max(top, t)
	}
	if len(backlog) > 0 {
		pts := make(plotter.XYs, len(backlog))
		for m, b := range backlog {
			pts[m] = plotter.XY{X: float64(m), Y: float64(b)}
			top = math.Max(top, float64(b))
		}
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return nil, err
		}
		line.Color, points.Color = color.Black, color.Black
		line.Width = vg.Points(1.5)
		line.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		points.Shape = draw.CircleGlyph{}
		p.Add(line, points)
		p.Legend.Add(l.Backlog, line, points)
	}
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Legend.Padding = vg.Points(2.5)
	p.Legend.ThumbnailWidth = vg.Points(14)
	p.NominalX(sparseLabels(l.Months, maxMonthLabels)...)
	p.X.Min, p.X.Max = -0.6, float64(n)-0.4
	p.X.Tick.Label.Font.Size = vg.Points(8)
	valueAxis(p, top, 1.08, l.Format) // the legend stands beside the plot (PNG)
	return p, nil
}

// maxMonthLabels is how many month labels fit under a 16 cm chart without touching.
const maxMonthLabels = 12

// sparseLabels keeps every k-th label (the first and then evenly) so that at most n remain;
// the others become empty, their ticks stay.
func sparseLabels(labels []string, n int) []string {
	if len(labels) <= n {
		return labels
	}
	k := (len(labels) + n - 1) / n
	out := make([]string, len(labels))
	for i := range labels {
		if i%k == 0 {
			out[i] = labels[i]
		}
	}
	return out
}

// HeatLabels are the heat map's words; Weekdays run Monday to Sunday.
type HeatLabels struct {
	Title, XAxis string
	Weekdays     [7]string
	// Scale heads the colour scale ("Anrufe"); Format writes its numbers (nil: plain).
	Scale  string
	Format func(float64) string
}

// heatGrid is counts[day][hour] as gonum's grid: x = hour, y = weekday (Monday on top).
type heatGrid struct{ counts [7][24]int }

func (g heatGrid) Dims() (c, r int)   { return 24, 7 }
func (g heatGrid) X(c int) float64    { return float64(c) }
func (g heatGrid) Y(r int) float64    { return float64(r) }
func (g heatGrid) Z(c, r int) float64 { return float64(g.counts[6-r][c]) }

// HeatMap draws calls by hour of day and weekday; white is none, dark blue the most.
func HeatMap(counts [7][24]int, l HeatLabels) (*plot.Plot, error) {
	p := New(l.Title, l.XAxis, "")
	maxV := 0
	for _, d := range counts {
		for _, v := range d {
			maxV = max(maxV, v)
		}
	}
	pal := blues(12)
	h := plotter.NewHeatMap(heatGrid{counts}, pal)
	h.Min, h.Max = 0, math.Max(1, float64(maxV))
	p.Add(h)
	p.X.Min, p.X.Max = -0.5, 23.5
	p.Y.Min, p.Y.Max = -0.5, 6.5
	var xt []plot.Tick
	for hr := 0; hr < 24; hr++ {
		t := plot.Tick{Value: float64(hr)}
		if hr%2 == 0 {
			t.Label = itoa2(hr)
		}
		xt = append(xt, t)
	}
	p.X.Tick.Marker = plot.ConstantTicks(xt)
	var yt []plot.Tick
	for d := 0; d < 7; d++ {
		yt = append(yt, plot.Tick{Value: float64(6 - d), Label: l.Weekdays[d]})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(yt)
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Label.Font.Size = vg.Points(8)
	heatScale(p, pal, h.Max, l)
	return p, nil
}

// heatScale adds the colour scale as a legend (drawn right of the hours by PNG, so that it
// covers no data): four swatches from none to the most calls, with their numbers.
func heatScale(p *plot.Plot, pal palette.Palette, maxV float64, l HeatLabels) {
	format := l.Format
	if format == nil {
		format = func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	}
	cs := pal.Colors()
	if l.Scale != "" {
		p.Legend.Add(l.Scale)
	}
	for i, f := range []float64{0, 1.0 / 3, 2.0 / 3, 1} {
		v := math.Round(f * maxV)
		if i > 0 && v == 0 {
			continue
		}
		p.Legend.Add(format(v), swatch{cs[int(math.Round(f*float64(len(cs)-1)))]})
	}
	p.Legend.Top, p.Legend.Left = true, false
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Legend.Padding = vg.Points(2)
	p.Legend.ThumbnailWidth = vg.Points(10)
}

// swatch is a legend thumbnail filled with one colour, framed in grey.
type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y}}
	c.FillPolygon(s.c, pts)
	c.StrokeLines(draw.LineStyle{Color: gridColor, Width: vg.Points(0.5)}, append(pts, pts[0]))
}

func itoa2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// blues is a white-to-blue palette for counts.
func blues(n int) palette.Palette {
	cs := make([]color.Color, n)
	for i := range cs {
		f := float64(i) / float64(n-1)
		cs[i] = color.RGBA{R: uint8(255 - f*(255-0x1f)), G: uint8(255 - f*(255-0x5f)), B: uint8(255 - f*(255-0x8b)), A: 0xff}
	}
	return simplePalette(cs)
}

type simplePalette []color.Color

func (p simplePalette) Colors() []color.Color { return p }

// DistributionLabels are the distribution chart's words.
type DistributionLabels struct {
	Title, YAxis, Target string
	// Format writes the axis numbers in the reader's notation (nil: gonum's).
	Format func(float64) string
}

// DistributionSeries is one priority class: its measured times (hours) and its target (hours,
// 0 = none).
type DistributionSeries struct {
	Class  string
	Hours  []float64
	Target float64
}

// Distribution draws a box plot of the times of each class (median, quartiles, whiskers to
// 1.5 times the box) with the class's target as a red bar.
func Distribution(series []DistributionSeries, l DistributionLabels) (*plot.Plot, error) {
	p := New(l.Title, "", l.YAxis)
	p.Add(plotter.NewGrid())
	var names []string
	top := 0.0
	w := vg.Points(28)
	var targets plotter.XYs
	for i, s := range series {
		names = append(names, s.Class)
		if len(s.Hours) > 0 {
			vals := append(plotter.Values(nil), s.Hours...)
			box, err := plotter.NewBoxPlot(w, float64(i), vals)
			if err != nil {
				return nil, err
			}
			box.FillColor = Palette[0]
			box.BoxStyle.Color = color.Black
			box.MedianStyle.Color = color.White
			box.MedianStyle.Width = vg.Points(1.5)
			box.GlyphStyle.Radius = vg.Points(1.5)
			p.Add(box)
			top = math.Max(top, box.AdjHigh)
			top = math.Max(top, box.Quartile3)
		}
		if s.Target > 0 {
			targets = append(targets, plotter.XY{X: float64(i), Y: s.Target})
			top = math.Max(top, s.Target)
		}
	}
	if len(targets) > 0 {
		sc, err := plotter.NewScatter(targets)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle.Shape = targetGlyph{}
		sc.GlyphStyle.Color = Red
		sc.GlyphStyle.Radius = vg.Points(16)
		p.Add(sc)
		// The legend shows a short red line: the wide glyph itself would not fit its box.
		key, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}})
		if err != nil {
			return nil, err
		}
		key.Color, key.Width = Red, vg.Points(2)
		p.Legend.Add(l.Target, key)
		p.Legend.Top = true
		p.Legend.TextStyle.Font.Size = vg.Points(8)
	}
	if len(names) == 0 {
		names = []string{"–"}
	}
	p.NominalX(cutAll(names)...)
	p.X.Min, p.X.Max = -0.6, float64(len(names))-0.4
	valueAxis(p, top, 1.2, l.Format)
	return p, nil
}

// targetGlyph is a short horizontal bar.
type targetGlyph struct{}

func (targetGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(2)})
	var path vg.Path
	path.Move(vg.Point{X: pt.X - sty.Radius, Y: pt.Y})
	path.Line(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	c.Stroke(path)
}

// ScoreLabels are the survey chart's words; Scores names the answers 1 to 5.
type ScoreLabels struct {
	Title, XAxis, YAxis string
	Scores              [5]string
	// Format writes the axis numbers in the reader's notation (nil: gonum's).
	Format func(float64) string
}

// ScoreBars draws how often each answer was given, red (1) to green (5).
func ScoreBars(counts [5]int, l ScoreLabels) (*plot.Plot, error) {
	p := New(l.Title, l.XAxis, l.YAxis)
	p.Add(plotter.NewGrid())
	top := 0.0
	cols := []color.Color{Red, color.RGBA{0xef, 0x6c, 0x00, 0xff}, Amber, color.RGBA{0x7c, 0xb3, 0x42, 0xff}, Green}
	for i, c := range counts {
		vals := make(plotter.Values, 5)
		vals[i] = float64(c)
		b, err := plotter.NewBarChart(vals, vg.Points(30))
		if err != nil {
			return nil, err
		}
		b.Color = cols[i]
		b.LineStyle.Width = 0
		p.Add(b)
		top = math.Max(top, float64(c))
	}
	p.NominalX(l.Scores[:]...)
	p.X.Tick.Label.Font.Size = vg.Points(8)
	valueAxis(p, top, 1.15, l.Format)
	return p, nil
}
