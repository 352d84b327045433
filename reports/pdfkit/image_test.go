package pdfkit

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"schulit-lotse/reports/internal/pdftest"
)

func testPNG(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.RGBA{0xc6, 0x28, 0x28, 0xff})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A tall image that does not fit below the cursor moves to the next page; the same picture
// used twice is embedded once.
func TestImageBreaksPageAndIsEmbeddedOnce(t *testing.T) {
	r := NewReport("Bilder", time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	r.NewPage(Portrait)
	pic := testPNG(t, 400, 300)
	r.Image(pic, 0) // full width 180 mm → 135 mm high
	r.Image(pic, 0) // does not fit below the first one: page 2
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	if n := r.PDF().PageNo(); n != 2 {
		t.Fatalf("page %d, want 2", n)
	}
	var out bytes.Buffer
	if err := r.PDF().Output(&out); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bilder.pdf")
	if err := writeBytes(path, out.Bytes()); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command(pdftest.NeedTool(t, "pdfimages"), "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	// One "image" line per placement (plus its alpha mask); both placements must point at the
	// same object (column 11).
	var objects []string
	for _, l := range strings.Split(string(res), "\n") {
		if f := strings.Fields(l); len(f) > 11 && f[2] == "image" {
			objects = append(objects, f[10])
		}
	}
	if len(objects) != 2 || objects[0] != objects[1] {
		t.Fatalf("want two placements of one object, pdfimages -list:\n%s", res)
	}
}

func writeBytes(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }
