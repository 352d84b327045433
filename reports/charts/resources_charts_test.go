package charts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"strconv"
	"testing"

	"gonum.org/v1/plot"
)

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// renderPNG draws p as a PNG of w × h cm, keeps it as $CHART_OUT/name.png when that is set and
// a name is given (to look at), and decodes it.
func renderPNG(t *testing.T, p *plot.Plot, w, h float64, name string) image.Image {
	t.Helper()
	b, err := PNG(p, w, h)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("CHART_OUT"); dir != "" && name != "" {
		os.WriteFile(dir+"/"+name+".png", b, 0o644)
	}
	return decode(t, b)
}

// countColor counts the pixels of exactly colour c.
func countColor(img image.Image, c color.RGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == c.R && uint8(g>>8) == c.G && uint8(bb>>8) == c.B {
				n++
			}
		}
	}
	return n
}

func german(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Both sides get bars in their colours; an unknown external price draws no amber bar.
func TestCostChartDrawsBothSides(t *testing.T) {
	labels := CostLabels{Title: "Kosten je Paket und Jahr", YAxis: "€ pro Jahr", Internal: "intern", External: "extern", Format: german}
	bars := []CostBar{
		{Label: "User-Management", Internal: 14880, External: 20160, InternalKnown: true, ExternalKnown: true},
		{Label: "Hardware-Wartung", Internal: 6912, External: 12000, InternalKnown: true, ExternalKnown: true},
		{Label: "Gesamt", Internal: 21792, External: 32160, InternalKnown: true, ExternalKnown: true},
	}
	p, err := CostChart(bars, labels)
	if err != nil {
		t.Fatal(err)
	}
	img := renderPNG(t, p, 16, 8, "cost")
	in, ex := countColor(img, ColorInternal), countColor(img, ColorExternal)
	if in < 500 || ex < 500 {
		t.Fatalf("bar pixels: internal %d, external %d", in, ex)
	}
	// The external side is larger in every group: more amber than blue.
	if ex <= in {
		t.Errorf("external bars (%d px) should outweigh internal ones (%d px)", ex, in)
	}

	// Seven groups: slanted names.
	many := append(append([]CostBar{}, bars...), bars...)
	p, err = CostChart(append(many, bars[0]), labels)
	if err != nil {
		t.Fatal(err)
	}
	renderPNG(t, p, 16, 8, "cost-many")

	bars[0].ExternalKnown, bars[1].ExternalKnown, bars[2].ExternalKnown = false, false, false
	p, _ = CostChart(bars, labels)
	// Only the legend's swatch remains amber.
	if left := countColor(renderPNG(t, p, 16, 8, "cost-unknown"), ColorExternal); left*5 > ex {
		t.Errorf("unknown external prices still drew %d amber pixels (%d with bars)", left, ex)
	}
}

func TestMatrixChartPlacesPoints(t *testing.T) {
	labels := MatrixLabels{Title: "Sourcing-Matrix", XAxis: "Risiko einer Auslagerung", YAxis: "Stärke intern",
		Quadrants: [4]string{"intern", "intern", "extern", "gemischt"},
		Classes:   [4]string{"offen", "intern", "extern", "gemischt"}, Format: german}
	points := []MatrixPoint{
		{Label: "User-Management", X: 3, Y: 2.67, Size: 4.5, Class: 2},
		{Label: "Software", X: 1.5, Y: 4, Size: 2, Class: 1},
		{Label: "Hardware-Wartung", X: 4.5, Y: 1.5, Size: 3, Class: 0},
		{Label: "Vor-Ort-Support", X: 4.5, Y: 1.5, Size: 3, Class: 3}, // same spot: fanned out
	}
	p, err := MatrixChart(points, labels)
	if err != nil {
		t.Fatal(err)
	}
	img := renderPNG(t, p, 16, 12, "matrix")
	for class, c := range classColors {
		if n := countColor(img, c); n < 100 {
			t.Errorf("class %d: only %d pixels of its colour", class, n)
		}
	}
	if _, err := MatrixChart(nil, labels); err != nil {
		t.Errorf("empty matrix: %v", err)
	}
}

// BenchmarkCostChart40 draws the comparison for 40 packages and the total as a PNG.
func BenchmarkCostChart40(b *testing.B) {
	bars := make([]CostBar, 41)
	for i := range bars {
		bars[i] = CostBar{Label: "Paket " + strconv.Itoa(i), Internal: float64(1000 * i), External: float64(900 * i), InternalKnown: true, ExternalKnown: true}
	}
	labels := CostLabels{Title: "Kosten", YAxis: "€", Internal: "intern", External: "extern", Format: german}
	for b.Loop() {
		p, _ := CostChart(bars, labels)
		if _, err := PNG(p, 16, 8); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatrixChart40 draws the sourcing matrix for 40 packages.
func BenchmarkMatrixChart40(b *testing.B) {
	points := make([]MatrixPoint, 40)
	for i := range points {
		points[i] = MatrixPoint{Label: "Paket " + strconv.Itoa(i), X: float64(i%5) + 1, Y: float64(i%4) + 1.5, Size: float64(i % 5), Class: i % 4}
	}
	labels := MatrixLabels{Title: "Matrix", XAxis: "x", YAxis: "y", Format: german}
	for b.Loop() {
		p, _ := MatrixChart(points, labels)
		if _, err := PNG(p, 16, 12); err != nil {
			b.Fatal(err)
		}
	}
}

// With more than MaxNamedPoints packages and Numbered, the matrix zooms to the part of the
// scale they use (with the middle), and the points carry numbers.
func TestCrowdedMatrixZoomsToItsPoints(t *testing.T) {
	var pts []MatrixPoint
	for i := 0; i < 40; i++ {
		pts = append(pts, MatrixPoint{Label: "Paket", X: 2 + float64(i%5)*0.25, Y: 2.5 + float64(i%4)*0.25, Size: 3})
	}
	p, err := MatrixChart(pts, MatrixLabels{Numbered: true})
	if err != nil {
		t.Fatal(err)
	}
	// x from 2 to 3 (the middle), y from 2,5 to 3,25, each ± 0,35.
	if p.X.Min != 1.65 || p.X.Max != 3.35 || p.Y.Min != 2.15 || math.Abs(p.Y.Max-3.6) > 1e-9 {
		t.Errorf("axes %v–%v, %v–%v", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	if MatrixKey(4, 40, "Paket", true) != "5" || MatrixKey(4, 5, "Paket", true) != "Paket" || MatrixKey(4, 40, "Paket", false) != "Paket" {
		t.Error("keys: numbers only for more than MaxNamedPoints when numbered")
	}
	if p, _ := MatrixChart(pts[:5], MatrixLabels{Numbered: true}); p.X.Min != 0.5 || p.X.Max != 5.5 {
		t.Errorf("a few packages keep the whole scale: %v–%v", p.X.Min, p.X.Max)
	}
}
