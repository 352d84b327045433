package charts

import (
	"bytes"
	"image/png"
	"testing"

	"gonum.org/v1/plot/plotter"
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
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// 10 cm at 300 dpi = 10 / 2.54 × 300 = 1181.1 px; 5 cm = 590.6 px.
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 1181 || h != 591 {
		t.Fatalf("size %dx%d, want 1181x591", w, h)
	}
	if b[24] != 8 { // IHDR bit depth: gofpdf cannot read 16-bit PNGs
		t.Fatalf("bit depth %d, want 8", b[24])
	}
}
