package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// The board of step 3 as a picture for the report: the packages with their cards where the
// user placed them, drawn into an RGBA image with the report's DejaVu font and encoded as an
// 8-bit PNG. Unsorted cards are listed in a column on the left.

var (
	boardFontsOnce sync.Once
	boardRegular   *opentype.Font
	boardBold      *opentype.Font
	boardFontsErr  error
)

func boardFonts() (*opentype.Font, *opentype.Font, error) {
	boardFontsOnce.Do(func() {
		boardRegular, boardFontsErr = opentype.Parse(assets.FontRegular)
		if boardFontsErr == nil {
			boardBold, boardFontsErr = opentype.Parse(assets.FontBold)
		}
	})
	return boardRegular, boardBold, boardFontsErr
}

// boardPainter draws into one image at one scale (pixels per board unit).
type boardPainter struct {
	img        *image.RGBA
	scale      float64
	offX, offY float64 // pixel position of board point (0, 0) minus the bounds' corner
	regular    *opentype.Font
	bold       *opentype.Font
	faces      map[faceKey]font.Face
}

type faceKey struct {
	bold bool
	px   int
}

func (bp *boardPainter) face(bold bool, px float64) font.Face {
	k := faceKey{bold, int(math.Round(px * 2))} // half-pixel steps
	if f, ok := bp.faces[k]; ok {
		return f
	}
	src := bp.regular
	if bold {
		src = bp.bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(k.px) / 2, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil
	}
	bp.faces[k] = f
	return f
}

func (bp *boardPainter) close() {
	for _, f := range bp.faces {
		f.Close()
	}
}

func rgb(c pdfkit.Color) color.RGBA { return color.RGBA{uint8(c.R), uint8(c.G), uint8(c.B), 0xff} }

func hexColor(s string, fallback pdfkit.Color) color.RGBA {
	if r, g, b, ok := domain.ParseColor(s); ok {
		return color.RGBA{r, g, b, 0xff}
	}
	return rgb(fallback)
}

// lighten mixes c into white; share 1 keeps c.
func lighten(c color.RGBA, share float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(math.Round(255 - (255-float64(v))*share)) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

func (bp *boardPainter) fill(r image.Rectangle, c color.RGBA) {
	draw.Draw(bp.img, r.Intersect(bp.img.Bounds()), &image.Uniform{c}, image.Point{}, draw.Src)
}

// frame draws the outline of r, w pixels wide, inside r.
func (bp *boardPainter) frame(r image.Rectangle, w int, c color.RGBA) {
	bp.fill(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+w), c)
	bp.fill(image.Rect(r.Min.X, r.Max.Y-w, r.Max.X, r.Max.Y), c)
	bp.fill(image.Rect(r.Min.X, r.Min.Y, r.Min.X+w, r.Max.Y), c)
	bp.fill(image.Rect(r.Max.X-w, r.Min.Y, r.Max.X, r.Max.Y), c)
}

// rect converts a board rectangle to pixels.
func (bp *boardPainter) rect(r domain.Rect) image.Rectangle {
	x0 := int(math.Round(r.X*bp.scale + bp.offX))
	y0 := int(math.Round(r.Y*bp.scale + bp.offY))
	x1 := int(math.Round((r.X+r.W)*bp.scale + bp.offX))
	y1 := int(math.Round((r.Y+r.H)*bp.scale + bp.offY))
	return image.Rect(x0, y0, x1, y1)
}

// text writes s with its top-left corner at (x, y), shortened with "…" to width w.
func (bp *boardPainter) text(s string, x, y int, w int, bold bool, px float64, c color.RGBA) {
	f := bp.face(bold, px)
	if f == nil || s == "" {
		return
	}
	s = fitWidth(f, s, w)
	d := font.Drawer{Dst: bp.img, Src: &image.Uniform{c}, Face: f,
		Dot: fixed.Point26_6{X: fixed.I(x), Y: fixed.I(y) + f.Metrics().Ascent}}
	d.DrawString(s)
}

// fitWidth shortens s with "…" until it is at most w pixels wide.
func fitWidth(f font.Face, s string, w int) string {
	if font.MeasureString(f, s).Ceil() <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if font.MeasureString(f, strings.TrimSpace(string(r[:mid]))+"…").Ceil() <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

// wrapTwo breaks s into at most two lines of width w (the second shortened).
func wrapTwo(f font.Face, s string, w int) (string, string) {
	words := strings.Fields(s)
	line, i := "", 0
	for i < len(words) {
		next := strings.TrimSpace(line + " " + words[i])
		if line != "" && font.MeasureString(f, next).Ceil() > w {
			break
		}
		line = next
		i++
	}
	rest := strings.Join(words[i:], " ")
	return fitWidth(f, line, w), rest
}

// boardPileUnits is the width of the unsorted column in board units (card width and a gap).
const boardPileUnits = domain.CardWidth + domain.PackageSpacing

// BoardPNG draws the board widthPx pixels wide; the height follows the board's shape but is at
// most maxHeightPx (the board then gets smaller). ok is false when there is nothing to draw.
func BoardPNG(p *domain.Project, widthPx, maxHeightPx int) (png []byte, ok bool, err error) {
	l := domain.LayoutBoard(p)
	if len(l.Packages) == 0 {
		return nil, false, nil
	}
	regular, bold, err := boardFonts()
	if err != nil {
		return nil, false, err
	}
	const margin = 16
	// The unsorted column is measured in board units too, so it keeps its size next to the cards.
	pileUnits := 0.0
	if len(l.Pile) > 0 {
		pileUnits = boardPileUnits
	}
	b := l.Bounds
	scale := float64(widthPx-2*margin) / (b.W + pileUnits)
	if h := b.H*scale + 2*margin; h > float64(maxHeightPx) {
		scale = float64(maxHeightPx-2*margin) / b.H
	}
	scale = math.Min(scale, 2.5)
	pileW := int(math.Round(pileUnits * scale))
	heightPx := int(math.Ceil(b.H*scale)) + 2*margin
	// A board limited by the height is centred in the picture's width.
	left := margin + max(0, (widthPx-2*margin-pileW-int(math.Ceil(b.W*scale)))/2)
	bp := &boardPainter{
		img:   image.NewRGBA(image.Rect(0, 0, widthPx, heightPx)),
		scale: scale, offX: float64(left+pileW) - b.X*scale, offY: margin - b.Y*scale,
		regular: regular, bold: bold, faces: map[faceKey]font.Face{},
	}
	defer bp.close()
	bp.fill(bp.img.Bounds(), color.RGBA{0xff, 0xff, 0xff, 0xff})

	if pileW > 0 {
		bp.drawPile(p, l, left, margin, pileW-int(math.Round(domain.PackageSpacing*scale/2)), heightPx-2*margin)
	}
	for _, pk := range l.Packages {
		bp.drawPackage(p, l, pk)
	}
	var buf bytes.Buffer
	if err := pngEncode(&buf, bp.img); err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

func pngEncode(buf *bytes.Buffer, img image.Image) error {
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	return enc.Encode(buf, img)
}

func (bp *boardPainter) drawPackage(p *domain.Project, l domain.BoardLayout, pk domain.Package) {
	c := hexColor(pk.Color, pdfkit.Color{R: 96, G: 125, B: 139})
	area := bp.rect(pk.Rect())
	bp.fill(area, lighten(c, 0.12))
	bp.frame(area, max(1, int(math.Round(2*bp.scale/1.5))), c)
	head := area
	head.Max.Y = head.Min.Y + int(math.Round(domain.PackageHeader*bp.scale))
	bp.fill(head, c)
	px := math.Max(9, 15*bp.scale)
	pad := int(math.Round(domain.PackagePadding * bp.scale))
	var hours float64
	members := l.Members[pk.ID]
	for _, id := range members {
		if t := p.TaskByID(id); t != nil {
			hours += t.HoursPerMonth(p.Settings)
		}
	}
	info := tr("reports.board.info", map[string]any{"Count": len(members), "Hours": pdfkit.FormatNumber(hours)})
	infoPx := math.Max(8, 11*bp.scale)
	infoW := 0
	if f := bp.face(false, infoPx); f != nil {
		infoW = font.MeasureString(f, info).Ceil()
	}
	ty := head.Min.Y + (head.Dy()-int(px*1.2))/2
	bp.text(pdfkit.Line(pk.Name), head.Min.X+pad, ty, head.Dx()-3*pad-infoW, true, px, color.RGBA{0xff, 0xff, 0xff, 0xff})
	if infoW < head.Dx()/2 {
		bp.text(info, head.Max.X-pad-infoW, head.Min.Y+(head.Dy()-int(infoPx*1.2))/2, infoW+2, false, infoPx, color.RGBA{0xff, 0xff, 0xff, 0xff})
	}
	for _, id := range members {
		t := p.TaskByID(id)
		if t == nil {
			continue
		}
		bp.drawCard(p, *t, bp.rect(l.Cards[id]), c)
	}
}

// drawCard draws a card at pixel rectangle r with its package's colour strip.
func (bp *boardPainter) drawCard(p *domain.Project, t domain.Task, r image.Rectangle, strip color.RGBA) {
	bp.fill(r, color.RGBA{0xff, 0xff, 0xff, 0xff})
	bp.frame(r, 1, rgb(pdfkit.ColorBorder))
	sw := max(2, int(math.Round(6*bp.scale)))
	bp.fill(image.Rect(r.Min.X, r.Min.Y, r.Min.X+sw, r.Max.Y), strip)
	namePx := math.Max(8, 13*bp.scale)
	metaPx := math.Max(7, 11*bp.scale)
	inset := sw + max(3, int(math.Round(6*bp.scale)))
	w := r.Dx() - inset - 4
	if r.Dy() < int(namePx*1.3)+2 || w < 20 {
		return // too small for text: the coloured card says enough
	}
	f := bp.face(true, namePx)
	if f == nil {
		return
	}
	l1, rest := wrapTwo(f, pdfkit.Line(t.Name), w)
	y := r.Min.Y + max(2, int(math.Round(4*bp.scale)))
	bp.text(l1, r.Min.X+inset, y, w, true, namePx, rgb(pdfkit.ColorText))
	lh := int(math.Ceil(namePx * 1.25))
	metaH := int(math.Ceil(metaPx * 1.3))
	if rest != "" && y+2*lh+metaH <= r.Max.Y {
		bp.text(rest, r.Min.X+inset, y+lh, w, true, namePx, rgb(pdfkit.ColorText))
	}
	if y+lh+metaH > r.Max.Y {
		return
	}
	meta := boardCardMeta(p, t)
	my := r.Max.Y - metaH - 1
	critW := 0
	if t.Critical {
		if cf := bp.face(true, metaPx); cf != nil {
			crit := tr("reports.board.critical")
			critW = font.MeasureString(cf, crit).Ceil() + 4
			bp.text(crit, r.Max.X-critW-2, my, critW, true, metaPx, color.RGBA{0xc6, 0x28, 0x28, 0xff})
		}
	}
	bp.text(meta, r.Min.X+inset, my, w-critW, false, metaPx, rgb(pdfkit.ColorMuted))
}

func boardCardMeta(p *domain.Project, t domain.Task) string {
	var parts []string
	if t.Effort != nil {
		parts = append(parts, pdfkit.FormatHours(t.HoursPerMonth(p.Settings)))
	}
	if t.Priority.IsSet() {
		parts = append(parts, priorityLabel(t.Priority, p.Settings.PriorityMode))
	}
	return strings.Join(parts, " · ")
}

// drawPile lists the unsorted cards in a column on the left, as many as fit, then how many
// more there are.
func (bp *boardPainter) drawPile(p *domain.Project, l domain.BoardLayout, x, top, w, h int) {
	col := image.Rect(x, top, x+w, top+h)
	bp.fill(col, rgb(pdfkit.ColorZebra))
	bp.frame(col, 1, rgb(pdfkit.ColorBorder))
	s := bp.scale
	titlePx, itemPx := math.Max(9, 13*s), math.Max(8, 11*s)
	pad := max(4, int(math.Round(8*s)))
	bp.text(tr("reports.board.pile", map[string]any{"Count": len(l.Pile)}), x+pad, top+pad, w-2*pad, true, titlePx, rgb(pdfkit.ColorText))
	y := top + pad + int(math.Ceil(titlePx*1.6))
	step := int(math.Ceil(itemPx * 2))
	for i, id := range l.Pile {
		if y+2*step > top+h && i < len(l.Pile)-1 {
			bp.text(tr("reports.board.more", map[string]any{"Count": len(l.Pile) - i}), x+pad, y, w-2*pad, false, itemPx, rgb(pdfkit.ColorMuted))
			break
		}
		t := p.TaskByID(id)
		if t == nil {
			continue
		}
		r := image.Rect(x+pad/2, y, x+w-pad/2, y+step-2)
		bp.fill(r, color.RGBA{0xff, 0xff, 0xff, 0xff})
		bp.frame(r, 1, rgb(pdfkit.ColorBorder))
		bp.text(pdfkit.Line(t.Name), x+pad, y+(step-2-int(itemPx*1.2))/2, w-2*pad, false, itemPx, rgb(pdfkit.ColorText))
		y += step
	}
}
