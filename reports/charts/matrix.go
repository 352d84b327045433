package charts

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MatrixPoint is a package in the sourcing matrix: x is the outsourcing risk, y the strength of
// doing it in-house, both 1–5; Size (0–5) is its importance; Class picks the colour of its
// recorded decision (0 open, 1 intern, 2 extern, 3 gemischt).
type MatrixPoint struct {
	Label string
	X, Y  float64
	Size  float64
	Class int
}

// MatrixLabels are the chart's words: title, axes, the suggestion written into each quadrant
// (top left, top right, bottom left, bottom right) and the legend of the decision colours.
type MatrixLabels struct {
	Title, XAxis, YAxis string
	Quadrants           [4]string
	Classes             [4]string
	// Format writes an axis value (e.g. "2,5").
	Format func(float64) string
	// Numbered marks the points with their numbers when there are more than MaxNamedPoints
	// (the caller prints the key); otherwise, and by default, with their names.
	Numbered bool
}

// MaxNamedPoints is how many packages the matrix names beside their points; with more (a
// Landkreis has 40), the names would cover each other: with MatrixLabels.Numbered each point
// carries its number in points (1, 2, …) and the caller prints the key (MatrixKey).
const MaxNamedPoints = 12

// MatrixKey is the label of point i of n: its name, or its number when numbered and there
// are many points.
func MatrixKey(i, n int, name string, numbered bool) string {
	if numbered && n > MaxNamedPoints {
		return strconv.Itoa(i + 1)
	}
	return Cut(name, MaxLabel)
}

// MatrixMiddle is where the quadrants meet (the middle of the 1–5 scale).
const MatrixMiddle = 3.0

// classColors colour the points by their recorded decision.
var classColors = [4]color.RGBA{
	{0x9e, 0x9e, 0x9e, 0xff}, // open
	ColorInternal,            // intern
	ColorExternal,            // extern
	Palette[2],               // gemischt
}

// MatrixChart draws the sourcing matrix: the four quadrants with their suggestion, a point per
// package sized by importance and coloured by its recorded decision, with the package's name.
func MatrixChart(points []MatrixPoint, l MatrixLabels) (*plot.Plot, error) {
	p := New(l.Title, l.XAxis, l.YAxis)
	xlo, xhi, ylo, yhi := 0.5, 5.5, 0.5, 5.5
	numbered := l.Numbered && len(points) > MaxNamedPoints
	if numbered {
		// Many packages crowd a few spots: the axes show the part of the scale they use
		// (always with the middle), so that they spread over the whole picture.
		xlo, xhi, ylo, yhi = MatrixMiddle, MatrixMiddle, MatrixMiddle, MatrixMiddle
		for _, pt := range points {
			xlo, xhi = math.Min(xlo, pt.X), math.Max(xhi, pt.X)
			ylo, yhi = math.Min(ylo, pt.Y), math.Max(yhi, pt.Y)
		}
		xlo, xhi = math.Max(0.5, xlo-0.35), math.Min(5.5, xhi+0.35)
		ylo, yhi = math.Max(0.5, ylo-0.35), math.Min(5.5, yhi+0.35)
	}
	ticks := formattedTicks{format: l.Format}
	p.X.Tick.Marker, p.Y.Tick.Marker = fixedTicks{ticks}, fixedTicks{ticks}

	// Quadrant shading and the dividing lines.
	shade := func(x0, y0, x1, y1 float64, c color.RGBA) error {
		poly, err := plotter.NewPolygon(plotter.XYs{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
		if err != nil {
			return err
		}
		poly.Color, poly.LineStyle.Width = c, 0
		p.Add(poly)
		return nil
	}
	light := func(c color.RGBA) color.RGBA { return color.RGBA{lighten(c.R), lighten(c.G), lighten(c.B), 0xff} }
	quads := [4]struct {
		x0, y0, x1, y1 float64
		c              color.RGBA
	}{
		{0.5, MatrixMiddle, MatrixMiddle, 5.5, light(classColors[1])},
		{MatrixMiddle, MatrixMiddle, 5.5, 5.5, light(classColors[1])},
		{0.5, 0.5, MatrixMiddle, MatrixMiddle, light(classColors[2])},
		{MatrixMiddle, 0.5, 5.5, MatrixMiddle, light(classColors[3])},
	}
	for _, q := range quads {
		if err := shade(q.x0, q.y0, q.x1, q.y1, q.c); err != nil {
			return nil, err
		}
	}
	for _, seg := range [][2]plotter.XY{{{X: MatrixMiddle, Y: 0.5}, {X: MatrixMiddle, Y: 5.5}}, {{X: 0.5, Y: MatrixMiddle}, {X: 5.5, Y: MatrixMiddle}}} {
		line, err := plotter.NewLine(plotter.XYs{seg[0], seg[1]})
		if err != nil {
			return nil, err
		}
		line.Color, line.Width, line.Dashes = gridColor, vg.Points(1), []vg.Length{vg.Points(4), vg.Points(3)}
		p.Add(line)
	}
	// The quadrant's suggestion in its outer corner.
	dx, dy := (xhi-xlo)*0.02, (yhi-ylo)*0.05
	left, right, top, bottom := xlo+dx, MatrixMiddle+dx, yhi-1.5*dy, ylo+dy
	qpos := []plotter.XY{{X: left, Y: top}, {X: right, Y: top}, {X: left, Y: bottom}, {X: right, Y: bottom}}
	qlab, err := plotter.NewLabels(plotter.XYLabels{XYs: qpos, Labels: l.Quadrants[:]})
	if err != nil {
		return nil, err
	}
	for i := range qlab.TextStyle {
		qlab.TextStyle[i].Color = color.RGBA{0x55, 0x55, 0x55, 0xff}
		qlab.TextStyle[i].Font.Size = vg.Points(8)
		qlab.TextStyle[i].Font.Style = 0
	}
	p.Add(qlab)

	// Points by class, so the legend has one entry per decision.
	placed := map[[2]float64]int{}
	index := make(map[*MatrixPoint]int, len(points))
	for i := range points {
		index[&points[i]] = i
	}
	var labelXY plotter.XYs
	var labels []string
	var labelSize []float64
	for class := 0; class < 4; class++ {
		var xys plotter.XYs
		var sizes []float64
		for i := range points {
			pt := &points[i]
			if pt.Class != class {
				continue
			}
			// Packages on the same spot are fanned out on a small spiral, so each stays
			// visible and inside its quadrant.
			k := [2]float64{pt.X, pt.Y}
			n := placed[k]
			placed[k] = n + 1
			x, y := pt.X, pt.Y
			if n > 0 {
				a, rad := 2.4*float64(n), 0.08*math.Sqrt(float64(n))
				x, y = x+rad*math.Cos(a), y+rad*math.Sin(a)
			}
			xys = append(xys, plotter.XY{X: x, Y: y})
			size := pt.Size
			if numbered {
				size = 0 // many points: small circles, numbers beside them
			}
			sizes = append(sizes, size)
			labelXY = append(labelXY, plotter.XY{X: x, Y: y})
			labels = append(labels, MatrixKey(index[pt], len(points), pt.Label, l.Numbered))
			labelSize = append(labelSize, size)
		}
		if len(xys) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, err
		}
		c := classColors[class]
		sc.GlyphStyleFunc = func(i int) draw.GlyphStyle {
			return draw.GlyphStyle{Color: c, Radius: glyphRadius(sizes[i]), Shape: draw.CircleGlyph{}}
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: c, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		p.Add(sc)
		p.Legend.Add(l.Classes[class], sc)
	}
	// Each name starts just right of its own circle.
	for i, text := range labels {
		lab, err := plotter.NewLabels(plotter.XYLabels{XYs: labelXY[i : i+1], Labels: []string{text}})
		if err != nil {
			return nil, err
		}
		lab.TextStyle[0].Font.Size = vg.Points(8)
		lab.Offset = vg.Point{X: glyphRadius(labelSize[i]) + vg.Points(3), Y: vg.Points(-3)}
		p.Add(lab)
	}
	p.Legend.Top = true
	p.Legend.Left = false
	p.Legend.TextStyle.Font.Size = vg.Points(8)
	p.Legend.ThumbnailWidth = vg.Points(10)
	// Set last: adding the quadrants widened the axes to them.
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xlo, xhi, ylo, yhi
	return p, nil
}

// glyphRadius grows with the importance (0–5).
func glyphRadius(size float64) vg.Length { return vg.Points(4 + 1.6*size) }

func lighten(v uint8) uint8 { return uint8(255 - (255-int(v))*15/100) }

// fixedTicks marks the whole scores 1…5 only.
type fixedTicks struct{ f formattedTicks }

func (t fixedTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for v := 1.0; v <= 5; v++ {
		label := fmt.Sprint(v)
		if t.f.format != nil {
			label = t.f.format(v)
		}
		out = append(out, plot.Tick{Value: v, Label: label})
	}
	return out
}
