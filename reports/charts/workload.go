package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
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
	if err := pairBars(p, before, after, ColorBefore, ColorAfter, l.Before, l.After); err != nil {
		return nil, err
	}
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
	groupAxis(p, cutAll(names))
	valueAxis(p, top, 1.08, l.Format) // the legend stands beside the plot (PNG)
	return p, nil
}
