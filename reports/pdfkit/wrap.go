package pdfkit

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"schulit-lotse/internal/hyphen"
)

// unitAfterNumber is a number followed by a unit: "14.830,56 €", "2,5 h", "0,41 VZÄ".
var unitAfterNumber = regexp.MustCompile(`(\d) +(€|%|h\b|h/|VZÄ|min\b|Min\.|Std\.|Stunden\b|Tage?\b|Monate?\b|Jahre?\b|Personentage?\b|PT\b|s\b)`)

// glue puts no-break spaces (U+00A0) between numbers and their units: wrap treats one as part
// of the word, and the font draws it as a space.
func glue(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	return unitAfterNumber.ReplaceAllString(s, "${1}\u00a0${2}")
}

// unbreakable matches the tokens a line must never break inside: amounts, numbers with their
// unit, dates, times and plain numbers (as glue leaves them, joined by no-break spaces).
var unbreakable = regexp.MustCompile(`^[(\[]?[–+-]?[\d.,:/%€]*\d[\d.,:/%€]*(\x{00a0}\S+)?[)\],;:.]*$`)

// shortWord is the length up to which a word is never split.
const shortWord = 6

// mustKeep reports whether a word may not be split across lines.
func mustKeep(word string) bool {
	if len(word) <= shortWord || len(word) <= 4*shortWord && utf8.RuneCountInString(word) <= shortWord {
		return true
	}
	return unbreakable.MatchString(word)
}

// wrap breaks text (cleaned) into lines of width w in the current font, at spaces only; a
// no-break space holds its neighbours together. A word wider than the line is split where it
// has a hyphen or slash, else between syllables (German hyphenation) with a hyphen added. Never empty.
func (r *Report) wrap(text string, w float64) []string {
	avail := w - 2*CellMargin
	width := r.pdf.GetStringWidth
	space := width(" ")
	var out []string
	for _, para := range strings.Split(text, "\n") {
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			out = append(out, line.String())
			line.Reset()
			lineW = 0
		}
		for _, word := range words(para) {
			ww := width(word)
			if line.Len() > 0 && lineW+space+ww <= avail+1e-9 {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + ww
				continue
			}
			if line.Len() > 0 {
				flush()
			}
			if ww > avail+1e-9 && !mustKeep(word) {
				var heads []string
				heads, word = r.splitWord(word, avail)
				out = append(out, heads...)
				ww = width(word)
			}
			line.WriteString(word)
			lineW = ww
		}
		flush()
	}
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// splitWord cuts heads off word while what is left is wider than avail and may be split:
// each head is the longest that fits, cut after its last hyphen or slash that fits, else at
// the last division of German hyphenation (internal/hyphen) that fits, in a part of more than
// six letters, with a hyphen added; a word without such a point (a code, a name the patterns
// do not divide) is cut before a letter, leaving at least two letters before and three after
// the cut ("-ng" alone on a line reads badly). It stops when not even that fits. Every
// character is measured once (widths as gofpdf sums them), so the time grows with the word's
// length, not with its square.
func (r *Report) splitWord(word string, avail float64) (heads []string, rest string) {
	rs := []rune(word)
	_, unit := r.pdf.GetFontSize()
	toWidth := func(sym int) float64 { return float64(sym) * unit / 1000 }
	// sum[i] is the width of rs[:i] in font units
	sum := make([]int, len(rs)+1)
	seen := map[rune]int{}
	for i, c := range rs {
		w, ok := seen[c]
		if !ok {
			w = r.pdf.GetStringSymbolWidth(string(c))
			seen[c] = w
		}
		sum[i+1] = sum[i] + w
	}
	hyphenW := r.pdf.GetStringSymbolWidth("-")
	start := 0
	for toWidth(sum[len(rs)]-sum[start]) > avail+1e-9 && !mustKeepRunes(rs[start:]) {
		best := -1
		for i := start + 2; i <= len(rs)-3; i++ {
			if toWidth(sum[i]-sum[start]+hyphenW) > avail {
				break
			}
			best = i
		}
		if best < 0 {
			break
		}
		cut, head := best, string(rs[start:best])+"-"
		if p := start + lastDivision(rs[start:], best-start); p > start {
			cut, head = p, string(rs[start:p])+"-"
		}
		for i := best; i >= start+2; i-- {
			if c := rs[i-1]; c == '-' || c == '/' {
				cut, head = i, string(rs[start:i])
				break
			}
		}
		heads = append(heads, head)
		start = cut
	}
	if start == 0 {
		return heads, word
	}
	return heads, string(rs[start:])
}

// lastDivision is the last point at or before limit where German hyphenation divides one of
// rs's runs of letters longer than shortWord, or 0.
func lastDivision(rs []rune, limit int) int {
	best := 0
	for start := 0; start < len(rs) && start < limit; {
		if !unicode.IsLetter(rs[start]) {
			start++
			continue
		}
		end := start
		for end < len(rs) && unicode.IsLetter(rs[end]) {
			end++
		}
		if end-start > shortWord {
			for _, p := range hyphen.Points(string(rs[start:end])) {
				if start+p <= limit {
					best = start + p
				}
			}
		}
		start = end
	}
	return best
}

// mustKeepRunes is mustKeep for a word as runes; it looks at the characters first, so that a
// long word of letters costs nothing.
func mustKeepRunes(rs []rune) bool {
	if len(rs) <= shortWord {
		return true
	}
	for _, c := range rs {
		if c == '\u00a0' {
			break
		}
		if !strings.ContainsRune(tokenChars, c) {
			return false
		}
	}
	return unbreakable.MatchString(string(rs))
}

// tokenChars are the characters an unbreakable token holds before a no-break space.
const tokenChars = "([–+-0123456789.,:/%€)];"

// minWordWidth is the width a column needs so that none of text's words that must be kept
// whole is split; other words count up to maxSoft.
func (r *Report) minWordWidth(text string, maxSoft float64) float64 {
	var need float64
	for _, word := range words(text) {
		ww := r.pdf.GetStringWidth(word)
		if !mustKeep(word) {
			ww = min(ww, maxSoft)
		}
		need = max(need, ww)
	}
	return need
}

// naturalWidth is the width of text's longest line without wrapping.
func (r *Report) naturalWidth(text string) float64 {
	var w float64
	for _, l := range strings.Split(text, "\n") {
		w = max(w, r.pdf.GetStringWidth(l))
	}
	return w
}

// words splits at spaces, tabs and line breaks, not at no-break spaces (which strings.Fields
// would take for spaces).
func words(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' })
}
