package kit

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

var Transparent = color.Transparent

type FitKey struct {
	Text  string
	Width float32
	Bold  bool
}

// textFitter shortens texts without shaping every candidate: it adds up the advance of each
// character (kerning only ever makes the real text narrower, so the result always fits).
type textFitter struct {
	size   float32
	widths map[runeStyle]float32
}

type runeStyle struct {
	r    rune
	bold bool
}

func (f *textFitter) advance(r rune, style fyne.TextStyle) float32 {
	if f.widths == nil || f.size != theme.TextSize() {
		f.size = theme.TextSize()
		f.widths = map[runeStyle]float32{}
	}
	k := runeStyle{r, style.Bold}
	w, ok := f.widths[k]
	if !ok {
		w = fyne.MeasureText(string(r), f.size, style).Width
		f.widths[k] = w
	}
	return w
}

// Shorten cuts text so that it and an ellipsis fit into width.
func (f *textFitter) Shorten(text string, width float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, theme.TextSize(), style).Width <= width {
		return text
	}
	room := width - f.advance('…', style)
	var used float32
	cut := 0
	for i, r := range text {
		used += f.advance(r, style)
		if used > room {
			break
		}
		cut = i + utf8.RuneLen(r)
	}
	return strings.TrimRightFunc(text[:cut], unicode.IsSpace) + "…"
}
