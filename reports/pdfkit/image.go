package pdfkit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"github.com/jung-kurt/gofpdf"
)

// Image places a PNG (8-bit; gofpdf cannot read 16-bit PNGs) at the cursor, widthMM wide
// (0 = the full width) with its aspect ratio kept, starting a new page when it does not fit.
// The same bytes are embedded once however often they appear.
func (r *Report) Image(png []byte, widthMM float64) {
	if widthMM <= 0 || widthMM > r.Width() {
		widthMM = r.Width()
	}
	sum := sha256.Sum256(png)
	name := "img-" + hex.EncodeToString(sum[:8])
	info := r.pdf.GetImageInfo(name)
	if info == nil {
		info = r.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
		if info == nil || r.pdf.Err() {
			return
		}
	}
	h := widthMM * info.Height() / info.Width()
	if maxH := r.Bottom() - r.Top(); h > maxH {
		h = maxH
		widthMM = h * info.Width() / info.Height()
	}
	r.checkStranded(h)
	r.EnsureSpace(h)
	y := r.pdf.GetY()
	r.pdf.ImageOptions(name, r.Left(), y, widthMM, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	r.pdf.SetXY(r.Left(), y+h+2)
}
