package charts

import (
	"image/color"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

func TestPNGIsEightBitWithTheRequestedSize(t *testing.T) {
	p := New("Stunden je Paket – Größe", "Paket", "Std.")
	bars, err := plotter.NewBarChart(plotter.Values{2, 4, 10}, 20)
	if err != nil {
		t.Fatal(err)
	}
	p.Add(bars)
	b, err := PNG(p, 10, 5)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	// 10 cm at 300 dpi = 10 / 2.54 × 300 = 1181.1 px; 5 cm = 590.6 px.
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 1181 || h != 591 {
		t.Fatalf("size %dx%d, want 1181x591", w, h)
	}
	if b[24] != 8 { // IHDR bit depth: gofpdf cannot read 16-bit PNGs
		t.Fatalf("bit depth %d, want 8", b[24])
	}
}

func TestSparseLabelsKeepAtMostTwelve(t *testing.T) {
	var months []string
	for i := 0; i < 36; i++ {
		months = append(months, string(rune('A'+i%26)))
	}
	got := sparseLabels(months, 12)
	shown := 0
	for i, l := range got {
		if l != "" {
			shown++
			if i%3 != 0 { // 36 labels, at most 12: every ceil(36 / 12) = 3rd
				t.Errorf("label %d shown", i)
			}
		}
	}
	if shown != 12 || len(got) != 36 {
		t.Errorf("%d of %d labels shown, want 12 of 36", shown, len(got))
	}
	// 25 labels: every ceil(25 / 12) = 3rd, that is 0, 3, …, 24: 9 labels.
	if n := len(sparseLabels(months[:25], 12)); n != 25 {
		t.Errorf("length %d", n)
	}
	if short := sparseLabels(months[:5], 12); short[4] != "E" {
		t.Errorf("a short axis loses labels: %q", short)
	}
}

func TestCutAndTopCostBars(t *testing.T) {
	if got := Cut("Medienentwicklungsplanung der Grundschulen", 22); got != "Medienentwicklungspla…" || len([]rune(got)) != 22 {
		t.Errorf("Cut = %q", got)
	}
	if got := Cut("Software", 22); got != "Software" {
		t.Errorf("a short label was cut: %q", got)
	}
	var bars []CostBar
	for i := 1; i <= 15; i++ { // package i costs i × 100 in-house and 50 external
		bars = append(bars, CostBar{Label: string(rune('A' + i - 1)), Internal: float64(i * 100), External: 50, InternalKnown: true, ExternalKnown: true})
	}
	total := CostBar{Label: "Gesamt"}
	got := TopCostBars(bars, total, func(n int) string { return "Sonstige " + string(rune('0'+n)) })
	// 11 largest (E … O, i = 5 … 15) in their order, then the 4 smallest (i = 1 … 4) summed:
	// in-house (1 + 2 + 3 + 4) × 100 = 1000, external 4 × 50 = 200; then the total.
	if len(got) != 13 || got[0].Label != "E" || got[10].Label != "O" || got[12].Label != "Gesamt" {
		t.Fatalf("bars %v", got)
	}
	if o := got[11]; o.Label != "Sonstige 4" || o.Internal != 1000 || o.External != 200 {
		t.Errorf("other bar %+v", o)
	}
	if n := len(TopCostBars(bars[:12], total, nil)); n != 13 {
		t.Errorf("12 packages and the total give %d bars", n)
	}
}

// The legend stands beside the data: with bars filling the plot to the top, every pixel of the
// legend's red swatch lies right of every pixel of the blue bars (inside the plot, the old
// place, it covered the first bar).
func TestLegendStandsOutsideTheData(t *testing.T) {
	p := New("Titel", "", "Stunden")
	bars, err := plotter.NewBarChart(plotter.Values{10, 10, 10, 10}, vg.Points(40))
	if err != nil {
		t.Fatal(err)
	}
	blue := color.RGBA{0, 0, 0xff, 0xff}
	bars.Color, bars.LineStyle.Width = blue, 0
	p.Add(bars)
	p.Y.Min, p.Y.Max = 0, 10
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.Add("Eine lange Legende für die Balken", swatch{color.RGBA{0xff, 0, 0, 0xff}})
	img := renderPNG(t, p, 12, 6, "")
	maxBlue, minRed, reds := -1, img.Bounds().Max.X, 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			switch {
			case r < 0x1000 && g < 0x1000 && bl > 0xf000:
				maxBlue = max(maxBlue, x)
			case r > 0xf000 && g < 0x1000 && bl < 0x1000:
				minRed = min(minRed, x)
				reds++
			}
		}
	}
	if maxBlue < 0 || reds == 0 {
		t.Fatalf("bars (%d) or legend swatch (%d pixels) not drawn", maxBlue, reds)
	}
	if minRed <= maxBlue {
		t.Errorf("the legend's swatch starts at x=%d, inside the data (bars up to x=%d)", minRed, maxBlue)
	}
}

func TestMissingCharactersShowAPlaceholder(t *testing.T) {
	if got := Cut("Schule 🏫 Nord", MaxLabel); got != "Schule □ Nord" {
		t.Errorf("Cut = %q", got)
	}
	if got := Visible("Grundschule am Park – Süd"); got != "Grundschule am Park – Süd" {
		t.Errorf("covered text changed: %q", got)
	}
	// An emoji sequence with a joiner and a variation selector is one placeholder.
	if got := Visible("Team 👷🏽‍♀️ Nord"); got != "Team □ Nord" {
		t.Errorf("Visible = %q", got)
	}
}
