package charts

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// CostBar is one group of the cost chart: a package (or the total) with its yearly cost done
// in-house and bought from a provider. An unknown side draws no bar.
type CostBar struct {
	Label                        string
	Internal, External           float64
	InternalKnown, ExternalKnown bool
}

// CostLabels are the chart's words in the user's language and its number format.
type CostLabels struct {
	Title, YAxis, Internal, External string
	// Format writes an axis value (e.g. "20.000").
	Format func(float64) string
}

// Colours of the two sides: the app's blue for in-house, amber for external.
var (
	ColorInternal = Palette[0]
	ColorExternal = Palette[1]
)

// CostChart draws grouped bars, in-house beside external, per package.
func CostChart(bars []CostBar, l CostLabels) (*plot.Plot, error) {
	p := New(l.Title, "", l.YAxis)
	internal := make(plotter.Values, len(bars))
	external := make(plotter.Values, len(bars))
	names := make([]string, len(bars))
	top := 0.0
	for i, b := range bars {
		if b.InternalKnown {
			internal[i] = b.Internal
		}
		if b.ExternalKnown {
			external[i] = b.External
		}
		names[i] = Cut(b.Label, MaxLabel)
		top = math.Max(top, math.Max(internal[i], external[i]))
	}
	if err := pairBars(p, internal, external, ColorInternal, ColorExternal, l.Internal, l.External); err != nil {
		return nil, err
	}
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	groupAxis(p, names)
	valueAxis(p, top, 1.08, l.Format) // the legend stands beside the plot (PNG)
	return p, nil
}

// formattedTicks are gonum's default ticks with labels in the user's number format.
type formattedTicks struct{ format func(float64) string }

func (t formattedTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	if t.format == nil {
		return ticks
	}
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = t.format(ticks[i].Value)
		}
	}
	return ticks
}

// pairBars adds two bars per group side by side, a on the left in colour ca and b on the right
// in cb, named na and nb in the legend, over a grid: the groups share about 14 cm of plot width,
// and their two bars take 70 % of a group's room.
func pairBars(p *plot.Plot, a, b plotter.Values, ca, cb color.Color, na, nb string) error {
	w := vg.Length(float64(14*vg.Centimeter) / float64(max(len(a), 1)) * 0.35)
	w = min(w, vg.Points(36))
	left, err := plotter.NewBarChart(a, w)
	if err != nil {
		return err
	}
	left.Color, left.LineStyle.Width, left.Offset = ca, 0, -w/2
	right, err := plotter.NewBarChart(b, w)
	if err != nil {
		return err
	}
	right.Color, right.LineStyle.Width, right.Offset = cb, 0, w/2
	p.Add(plotter.NewGrid(), left, right)
	p.Legend.Add(na, left)
	p.Legend.Add(nb, right)
	return nil
}

// groupAxis names the groups under the x axis; with more than four the names are slanted, so
// that they do not run into each other.
func groupAxis(p *plot.Plot, names []string) {
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.6, float64(len(names))-0.4
	p.X.Tick.Label.Font.Size = vg.Points(8)
	if len(names) > 4 {
		p.X.Tick.Label.Rotation = math.Pi / 6
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YCenter
	}
}

// valueAxis lets the y axis run from 0 to headroom times top (1 when there is nothing to show),
// its ticks in the user's number format.
func valueAxis(p *plot.Plot, top, headroom float64, format func(float64) string) {
	p.Y.Min = 0
	if top <= 0 {
		top = 1
	}
	p.Y.Max = top * headroom
	p.Y.Tick.Marker = formattedTicks{format: format}
}

// gridColor is the light grey of helper lines.
var gridColor = color.RGBA{0xc8, 0xc8, 0xc8, 0xff}

// TopCostBars keeps the MaxItems−1 packages with the highest cost (either side) in their
// order and sums the rest into one bar named other; total, the last bar, stays last. Fewer
// bars than MaxItems come back as they are.
func TopCostBars(packages []CostBar, total CostBar, other func(n int) string) []CostBar {
	if len(packages) <= MaxItems {
		return append(append([]CostBar(nil), packages...), total)
	}
	idx := make([]int, len(packages))
	for i := range idx {
		idx[i] = i
	}
	size := func(b CostBar) float64 { return math.Max(b.Internal, b.External) }
	sort.SliceStable(idx, func(a, b int) bool { return size(packages[idx[a]]) > size(packages[idx[b]]) })
	keep := map[int]bool{}
	for _, i := range idx[:MaxItems-1] {
		keep[i] = true
	}
	var out []CostBar
	rest := CostBar{InternalKnown: true, ExternalKnown: true}
	n := 0
	for i, b := range packages {
		if keep[i] {
			out = append(out, b)
			continue
		}
		n++
		rest.Internal += b.Internal
		rest.External += b.External
		rest.InternalKnown = rest.InternalKnown && b.InternalKnown
		rest.ExternalKnown = rest.ExternalKnown && b.ExternalKnown
	}
	rest.Label = other(n)
	return append(out, rest, total)
}
