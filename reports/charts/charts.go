// Package charts draws the app's charts with gonum/plot as 8-bit PNGs: the same picture goes
// into the PDF reports and onto the screen. Each step adds its chart in a file of its own.
package charts

import (
	"bytes"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"unicode"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"schulit-lotse/assets"
)

// DPI of rendered charts: print resolution, so that small labels stay sharp on paper.
const DPI = 300

// Typeface is the charts' font: the reports' body font (DejaVu Sans), not gonum's serif.
const Typeface = "DejaVu Sans"

var fontOnce sync.Once

// useBodyFont registers the embedded body font with gonum and makes it the default of new
// plots and labels; gonum reads its defaults when an element is made, so New calls this first.
// A font that cannot be parsed leaves gonum's own.
func useBodyFont() {
	fontOnce.Do(func() {
		regular, err := opentype.Parse(assets.FontRegular)
		if err != nil {
			return
		}
		bold, err := opentype.Parse(assets.FontBold)
		if err != nil {
			return
		}
		font.DefaultCache.Add(font.Collection{
			{Font: font.Font{Typeface: Typeface}, Face: regular},
			{Font: font.Font{Typeface: Typeface, Weight: xfont.WeightBold}, Face: bold},
		})
		plot.DefaultFont = font.Font{Typeface: Typeface}
		plotter.DefaultFont = plot.DefaultFont
	})
}

// Palette is the series colours, in order; the first is the app's blue.
var Palette = []color.RGBA{
	{0x1f, 0x5f, 0x8b, 0xff}, {0xf2, 0xb1, 0x34, 0xff}, {0x4c, 0xaf, 0x50, 0xff}, {0xd3, 0x2f, 0x2f, 0xff},
	{0x8e, 0x44, 0xad, 0xff}, {0x00, 0x97, 0xa7, 0xff}, {0x79, 0x55, 0x48, 0xff}, {0x60, 0x7d, 0x8b, 0xff},
}

// Traffic-light colours for KPI states.
var (
	Green = color.RGBA{0x2e, 0x7d, 0x32, 0xff}
	Amber = color.RGBA{0xf9, 0xa8, 0x25, 0xff}
	Red   = color.RGBA{0xc6, 0x28, 0x28, 0xff}
)

// New returns a plot with the house style: white background, title and axis labels.
func New(title, xLabel, yLabel string) *plot.Plot {
	useBodyFont()
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.BackgroundColor = color.White
	p.Title.TextStyle.Font.Size = vg.Points(12)
	return p
}

// PNG renders the plot at widthCm × heightCm as an 8-bit RGBA PNG, its legend outside the data.
func PNG(p *plot.Plot, widthCm, heightCm float64) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(widthCm)*vg.Centimeter, vg.Length(heightCm)*vg.Centimeter), vgimg.UseDPI(DPI))
	drawLegendOutside(p, draw.New(c))
	var buf bytes.Buffer
	if err := png.Encode(&buf, c.Image()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// legendGap is the space between the plot and its legend beside it.
const legendGap = 3 * vg.Millimeter

// drawLegendOutside draws p with its legend in a column right of the plot, top-aligned with
// the data, so that no entry covers a bar, line or point; the plot gives up the legend's
// width. A plot without a legend is drawn as it is.
func drawLegendOutside(p *plot.Plot, c draw.Canvas) {
	legend := p.Legend
	legend.Left, legend.XOffs, legend.YOffs = true, 0, 0 // icons first, text after them
	box := legend.Rectangle(c)
	w := box.Max.X - box.Min.X
	if w <= 0 {
		p.Draw(c)
		return
	}
	w += legendGap
	p.Legend = plot.NewLegend() // empty: the plot draws none over its data
	p.Draw(draw.Crop(c, 0, -w, 0, 0))
	p.Legend = legend
	col := draw.Crop(c, c.Max.X-c.Min.X-w+legendGap, 0, 0, 0)
	if p.Title.Text != "" {
		col.Max.Y -= p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y + p.Title.Padding
	}
	legend.Draw(col)
}

// MaxLabel is the most characters an axis label keeps; longer names end in "…", so that a long
// name never takes room from the plot.
const MaxLabel = 22

// Placeholder stands in for a character the chart font cannot draw (an emoji in a school's
// name), as in the reports' text: visible instead of an empty gap.
const Placeholder = '□'

var (
	glyphOnce sync.Once
	glyphFont *sfnt.Font
)

// Visible replaces every rune the chart font lacks by Placeholder (a run of them by one).
func Visible(s string) string {
	glyphOnce.Do(func() { glyphFont, _ = sfnt.Parse(assets.FontRegular) })
	if glyphFont == nil {
		return s
	}
	var b strings.Builder
	var buf sfnt.Buffer
	last := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if last && (r == '\u200d' || unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Mn, r)) {
			if r == '\u200d' {
				i++ // the joined part belongs to the replaced sequence
			}
			continue
		}
		if gi, err := glyphFont.GlyphIndex(&buf, r); err != nil || gi == 0 {
			if !last {
				b.WriteRune(Placeholder)
			}
			last = true
			continue
		}
		b.WriteRune(r)
		last = false
	}
	return b.String()
}

// Cut shortens s to at most n characters, ending in "…" when it cuts; characters the font
// lacks show as Placeholder.
func Cut(s string, n int) string {
	s = Visible(s)
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return strings.TrimRight(string(rs[:n-1]), " ") + "…"
}

// MaxItems is how many items a chart shows one by one; the rest are summed as one ("Sonstige").
const MaxItems = 12

// cutAll is Cut for every label.
func cutAll(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = Cut(l, MaxLabel)
	}
	return out
}
