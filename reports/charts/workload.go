package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// WorkloadBar is one person or group of the step-4 workload chart: hours per month before and
// after the reassignment, and the limit when one is set.
type WorkloadBar struct {
	Label         string
	Before, After float64
	Limit         float64
	HasLimit      bool
}

// WorkloadLabels are the chart's words in the user's language.
type WorkloadLabels struct {
	Title, YAxis, Before, After, Limit string
	Format                             func(float64) string
}

// Colours: before in a quiet grey-blue, after in the app's blue, the limit in red.
var (
	ColorBefore = color.RGBA{0x9e, 0xb3, 0xc7, 0xff}
	ColorAfter  = Palette[0]
)

// WorkloadChart draws grouped bars, before beside after, per person, with each limit as a red
// line across its group.
func WorkloadChart(bars []WorkloadBar, l WorkloadLabels) (*plot.Plot, error) {
	p := New(l.Title, "", l.YAxis)
	before := make(plotter.Values, len(bars))
	after := make(plotter.Values, len(bars))
	names := make([]string, len(bars))
	top := 0.0
	for i, b := range bars {
		before[i], after[i], names[i] = b.Before, b.After, b.Label
		top = math.Max(top, math.Max(b.Before, b.After))
		if b.HasLimit {
			top = math.Max(top, b.Limit)
		}
	}
	w := vg.Length(float64(14*vg.Centimeter) / float64(max(len(bars), 1)) * 0.35)
	w = min(w, vg.Points(36))
	bb, err := plotter.NewBarChart(before, w)
	if err != nil {
		return nil, err
	}
	bb.Color, bb.LineStyle.Width, bb.Offset = ColorBefore, 0, -w/2
	ab, err := plotter.NewBarChart(after, w)
	if err != nil {
		return nil, err
	}
	ab.Color, ab.LineStyle.Width, ab.Offset = ColorAfter, 0, w/2
	p.Add(plotter.NewGrid(), bb, ab)
	p.Legend.Add(l.Before, bb)
	p.Legend.Add(l.After, ab)
	var limitLine *plotter.Line
	for i, b := range bars {
		if !b.HasLimit {
			continue
		}
		ln, err := plotter.NewLine(plotter.XYs{{X: float64(i) - 0.4, Y: b.Limit}, {X: float64(i) + 0.4, Y: b.Limit}})
		if err != nil {
			return nil, err
		}
		ln.Color, ln.Width = Red, vg.Points(2)
		ln.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		p.Add(ln)
		limitLine = ln
	}
	if limitLine != nil {
		p.Legend.Add(l.Limit, limitLine)
	}
	p.Legend.Top, p.Legend.Left = true, false
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.NominalX(cutAll(names)...)
	p.X.Min, p.X.Max = -0.6, float64(len(bars))-0.4
	p.X.Tick.Label.Font.Size = vg.Points(8)
	if len(bars) > 4 {
		p.X.Tick.Label.Rotation = math.Pi / 6
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YCenter
	}
	p.Y.Min = 0
	if top <= 0 {
		top = 1
	}
	p.Y.Max = top * 1.08 // the legend stands beside the plot (PNG)
	if l.Format != nil {
		p.Y.Tick.Marker = workloadTicks{plot.DefaultTicks{}, l.Format}
	}
	return p, nil
}

// workloadTicks writes the default ticks' labels with the user's number format.
type workloadTicks struct {
	plot.Ticker
	format func(float64) string
}

func (f workloadTicks) Ticks(min, max float64) []plot.Tick {
	ts := f.Ticker.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = f.format(ts[i].Value)
		}
	}
	return ts
}
