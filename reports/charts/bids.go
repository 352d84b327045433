package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BidPoint is one bid in the chart of performance points (L) against price (P).
type BidPoint struct {
	Label         string
	Price, Points float64
	Excluded      bool // drawn hollow and grey
	Winner        bool // drawn larger, in green
}

// BidLabels are the chart's words in the user's language and its number formats.
type BidLabels struct {
	Title, XAxis, YAxis       string
	Ranked, Excluded, Winner  string
	BestLine, FloorLine       string // legend of the line through the best Z and of the range's lower edge
	FormatPrice, FormatPoints func(float64) string
}

// Colours of the bids chart.
var (
	colorBid      = Palette[0]
	colorExcluded = color.RGBA{0x9e, 0x9e, 0x9e, 0xff}
	colorBest     = Palette[1]
)

// BidsChart draws every bid as a point at (P, L). Bids with the same ratio Z = L / P lie on a
// straight line through the origin: the line through the best Z is drawn, and for the
// erweiterte Richtwertmethode the lower edge of the Schwankungsbereich (floor > 0 and below
// best), so a reader sees which bids fall inside it.
func BidsChart(bids []BidPoint, best, floor float64, l BidLabels) (*plot.Plot, error) {
	p := New(l.Title, l.XAxis, l.YAxis)
	var ranked, excluded, winner plotter.XYs
	var labels plotter.XYLabels
	maxP, maxL := 0.0, 0.0
	for _, b := range bids {
		if b.Price <= 0 || math.IsNaN(b.Price) || math.IsInf(b.Price, 0) || math.IsNaN(b.Points) || math.IsInf(b.Points, 0) {
			continue
		}
		pt := plotter.XY{X: b.Price, Y: b.Points}
		switch {
		case b.Excluded:
			excluded = append(excluded, pt)
		case b.Winner:
			winner = append(winner, pt)
		default:
			ranked = append(ranked, pt)
		}
		labels.XYs = append(labels.XYs, pt)
		labels.Labels = append(labels.Labels, b.Label)
		maxP, maxL = math.Max(maxP, b.Price), math.Max(maxL, b.Points)
	}
	if maxP <= 0 {
		maxP = 1
	}
	if maxL <= 0 {
		maxL = 1
	}
	xMax, yMax := maxP*1.25, maxL*1.3
	p.Add(plotter.NewGrid())
	line := func(z float64, c color.Color, dashed bool, name string) {
		if z <= 0 || math.IsNaN(z) || math.IsInf(z, 0) {
			return
		}
		f := plotter.NewFunction(func(x float64) float64 { return z * x })
		f.Color = c
		f.Width = vg.Points(1.2)
		if dashed {
			f.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		}
		f.XMin, f.XMax = 0, math.Min(maxP*1.05, yMax/z) // the line ends with the bids, not at the frame
		p.Add(f)
		p.Legend.Add(Cut(name, MaxLabel), f)
	}
	line(best, colorBest, false, l.BestLine)
	if floor > 0 && floor < best {
		line(floor, colorBest, true, l.FloorLine)
	}
	add := func(pts plotter.XYs, shape draw.GlyphDrawer, c color.Color, radius vg.Length, name string) error {
		if len(pts) == 0 {
			return nil
		}
		s, err := plotter.NewScatter(pts)
		if err != nil {
			return err
		}
		s.GlyphStyle = draw.GlyphStyle{Shape: shape, Color: c, Radius: radius}
		p.Add(s)
		p.Legend.Add(Cut(name, MaxLabel), s)
		return nil
	}
	if err := add(ranked, draw.CircleGlyph{}, colorBid, vg.Points(4), l.Ranked); err != nil {
		return nil, err
	}
	if err := add(winner, draw.CircleGlyph{}, Green, vg.Points(6), l.Winner); err != nil {
		return nil, err
	}
	if err := add(excluded, draw.RingGlyph{}, colorExcluded, vg.Points(4), l.Excluded); err != nil {
		return nil, err
	}
	if len(labels.XYs) > 0 {
		lab, err := plotter.NewLabels(labels)
		if err != nil {
			return nil, err
		}
		for i := range lab.TextStyle {
			lab.TextStyle[i].Font.Size = vg.Points(8)
			lab.TextStyle[i].XAlign = draw.XCenter
		}
		lab.Offset = vg.Point{Y: vg.Points(7)}
		p.Add(lab)
	}
	p.X.Min, p.X.Max = 0, xMax
	p.Y.Min, p.Y.Max = 0, yMax
	p.X.Tick.Marker = formattedTicks{format: l.FormatPrice}
	p.Y.Tick.Marker = formattedTicks{format: l.FormatPoints}
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Label.Font.Size = vg.Points(8)
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Legend.Padding = vg.Points(2.5)
	return p, nil
}
