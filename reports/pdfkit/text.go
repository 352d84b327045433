package pdfkit

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
)

// Placeholder stands in for a character the embedded font cannot draw (emoji and the like).
const Placeholder = '□'

// coverage is a bit set over the Basic Multilingual Plane: the runes both embedded fonts
// (regular and bold) have a glyph for. gofpdf's UTF-8 fonts only index the BMP, so every rune
// above U+FFFF counts as missing.
type coverage [0x10000 / 64]uint64

func (c *coverage) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && c[r/64]&(1<<(uint(r)%64)) != 0
}

var (
	coverageOnce sync.Once
	fontCoverage coverage
)

// covered reports whether both report fonts can draw r.
func covered(r rune) bool {
	coverageOnce.Do(func() { fontCoverage = buildCoverage(assets.FontRegular, assets.FontBold) })
	return fontCoverage.has(r)
}

// buildCoverage reads the fonts' cmaps. A font that cannot be parsed leaves printable ASCII
// only, so the report still comes out readable.
func buildCoverage(fonts ...[]byte) coverage {
	var out coverage
	for r := rune(0x20); r < 0x7F; r++ {
		out[r/64] |= 1 << (uint(r) % 64)
	}
	var parsed []*sfnt.Font
	for _, b := range fonts {
		f, err := sfnt.Parse(b)
		if err != nil {
			return out
		}
		parsed = append(parsed, f)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r <= 0xFFFF; r++ {
		all := true
		for _, f := range parsed {
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				all = false
				break
			}
		}
		if all {
			out[r/64] |= 1 << (uint(r) % 64)
		}
	}
	return out
}

// Clean makes user text safe for the PDF: NFC-normalised (umlauts typed on a Mac arrive
// decomposed), control and format characters removed, tabs as spaces, and every rune the font
// lacks replaced by Placeholder (a run of them, e.g. an emoji sequence, by one). With multiline
// false line breaks become spaces.
func Clean(s string, multiline bool) string {
	if s == "" {
		return ""
	}
	// A text over its limit (an older or foreign file) is printed shortened; its finding says so.
	s = domain.CutForDisplay(s, domain.MaxDisplayChars)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(utf8.RuneError))
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	lastPlaceholder := false
	emit := func(r rune) {
		b.WriteRune(r)
		lastPlaceholder = false
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\u200d' && lastPlaceholder && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			// Zero-width joiner inside an emoji sequence (👷🏽‍♀️): the joined part belongs to the
			// replaced emoji, even where the font happens to have it (♀).
			i++
			continue
		}
		switch {
		case r == '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				continue
			}
			r = '\n'
			fallthrough
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f':
			if multiline {
				emit('\n')
			} else {
				emit(' ')
			}
			continue
		case r == '\t':
			emit(' ')
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r),
			unicode.Is(unicode.Variation_Selector, r):
			// Invisible (ZWJ, variation selectors, BOM) or unshapeable without a text shaper.
			continue
		}
		if !covered(r) || r == utf8.RuneError {
			if !lastPlaceholder {
				b.WriteRune(Placeholder)
				lastPlaceholder = true
			}
			continue
		}
		emit(r)
	}
	return b.String()
}

// Line cleans s for a one-line place (header, heading, table of contents).
func Line(s string) string { return strings.TrimSpace(Clean(s, false)) }

// Tr translates key with optional template data.
func Tr(key string, data ...map[string]any) string {
	if len(data) > 0 {
		return lang.L(key, data[0])
	}
	return lang.L(key)
}

// FormatNumber writes v with at most two decimals, trailing zeros dropped, grouped from 1000
// on, in the notation of the report language (German: 1.234,5): numfmt.Display.
func FormatNumber(v float64) string { return numfmt.Display(v, NumberLang()) }

// NumberLang is the notation of numbers in the report's language.
func NumberLang() string {
	if strings.HasPrefix(Tr("reports.language"), "en") {
		return "en"
	}
	return "de"
}

// FormatHours is "2,5 h".
func FormatHours(v float64) string {
	return FormatNumber(v) + " " + Tr("reports.unit.hours")
}

// OrDash is s, or "–" when it is blank.
func OrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// TrCount translates key with {{.Count}}, using key.one for a count of one.
func TrCount(key string, n int) string {
	if n == 1 {
		key += ".one"
	}
	return Tr(key, map[string]any{"Count": FormatNumber(float64(n))})
}

// FormatCount is a count with grouping: "1.234".
func FormatCount(n int) string { return FormatNumber(float64(n)) }
