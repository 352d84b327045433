package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// lotseTheme is Fyne's default theme with readable secondary text: the colours of disabled
// text (also the low-importance labels: hints, subtitles, file paths) and of placeholders are
// moved towards the foreground until they reach a contrast of 4.5:1 (WCAG AA) against every
// background such text lies on, in the dark and the light variant. Disabled buttons must still
// look disabled, so where the foreground is then too close to the disabled text (the light
// variant's grey foreground) the foreground is darkened until the two are 2:1 apart.
// The status colours (warning, error, success) are shaded the same way, away from the page.
// Everything else is the default theme's.
type lotseTheme struct {
	fyne.Theme
	readable map[themeKey]color.Color
}

type themeKey struct {
	name    fyne.ThemeColorName
	variant fyne.ThemeVariant
}

// minTextContrast is WCAG AA for normal text, with a little room for rounding;
// minDisabledDistance keeps enabled and disabled text apart.
const (
	minTextContrast     = 4.6
	minDisabledDistance = 2.0
)

// secondaryText are the colours lotseTheme makes readable.
var secondaryText = []fyne.ThemeColorName{theme.ColorNameDisabled, theme.ColorNamePlaceHolder}

// statusText are the status colours, used for text and traffic lights; lotseTheme shades them
// until they are readable as text.
var statusText = []fyne.ThemeColorName{theme.ColorNameWarning, theme.ColorNameError, theme.ColorNameSuccess}

// textBackgrounds are the backgrounds secondary text is drawn on: windows, entries, disabled
// buttons, menus, dialogs and table headers.
var textBackgrounds = []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground,
	theme.ColorNameDisabledButton, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground,
	theme.ColorNameHeaderBackground}

func newLotseTheme() *lotseTheme {
	t := &lotseTheme{Theme: theme.DefaultTheme(), readable: map[themeKey]color.Color{}}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		fg := t.Theme.Color(theme.ColorNameForeground, v)
		for _, n := range secondaryText {
			c := t.Theme.Color(n, v)
			// Mix towards the foreground in small steps: the hue stays, the text only
			// becomes lighter (dark variant) or darker (light variant).
			for share := 0.0; share <= 1 && t.minContrast(c, v) < minTextContrast; share += 0.01 {
				c = mix(t.Theme.Color(n, v), fg, share)
			}
			t.readable[themeKey{n, v}] = c
		}
		// Status colours are text too (traffic lights, "Stand der Daten", findings): they are
		// shaded away from the page – darker on light, lighter on dark – so the hue stays.
		shade := color.Color(color.White)
		if relativeLuminance(t.Theme.Color(theme.ColorNameBackground, v)) > 0.5 {
			shade = color.Black
		}
		for _, n := range statusText {
			c := t.Theme.Color(n, v)
			for share := 0.0; share <= 1 && t.minContrast(c, v) < minTextContrast; share += 0.01 {
				c = mix(t.Theme.Color(n, v), shade, share)
			}
			t.readable[themeKey{n, v}] = c
		}
		disabled := t.readable[themeKey{theme.ColorNameDisabled, v}]
		away := color.Color(color.Black)
		if relativeLuminance(fg) > relativeLuminance(disabled) {
			away = color.White
		}
		c := fg
		for share := 0.0; share <= 1 && contrastRatio(c, disabled) < minDisabledDistance; share += 0.01 {
			c = mix(fg, away, share)
		}
		t.readable[themeKey{theme.ColorNameForeground, v}] = c
	}
	return t
}

// Color is the default theme's colour, but readable for secondary text.
func (t *lotseTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := t.readable[themeKey{n, v}]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// minContrast is the lowest contrast of text in colour c against the text backgrounds.
func (t *lotseTheme) minContrast(c color.Color, v fyne.ThemeVariant) float64 {
	lowest := 21.0
	page := t.Theme.Color(theme.ColorNameBackground, v)
	for _, b := range textBackgrounds {
		bg := over(t.Theme.Color(b, v), page)
		lowest = min(lowest, contrastRatio(over(c, bg), bg))
	}
	return lowest
}

// contrastRatio is WCAG 2's contrast ratio of two opaque colours, from 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// relativeLuminance is WCAG 2's relative luminance of an sRGB colour.
func relativeLuminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// over is c drawn on the opaque colour bg (as the renderer blends a translucent colour).
func over(c, bg color.Color) color.NRGBA {
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	blend := func(x, y uint8) uint8 { return uint8(float64(x)*a + float64(y)*(1-a) + 0.5) }
	return color.NRGBA{blend(f.R, b.R), blend(f.G, b.G), blend(f.B, b.B), 0xff}
}

// mix is a moved by share (0–1) towards b, alpha included.
func mix(a, b color.Color, share float64) color.NRGBA {
	x := color.NRGBAModel.Convert(a).(color.NRGBA)
	y := color.NRGBAModel.Convert(b).(color.NRGBA)
	m := func(p, q uint8) uint8 { return uint8(float64(p)*(1-share) + float64(q)*share + 0.5) }
	return color.NRGBA{m(x.R, y.R), m(x.G, y.G), m(x.B, y.B), m(x.A, y.A)}
}
