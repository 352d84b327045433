package kit

import (
	"sort"
	"strings"
	"unicode"
)

// Role headers wrap at spaces, after "-" and "/", and inside long compounds only at a soft
// hyphen: one the user typed (U+00AD) or one from the syllables below. Fyne cannot hyphenate,
// and a break in the middle of a syllable ("Fachbere ichsleitu ng") is what made the headers
// unreadable, so a word that has no such point stays whole and its column grows instead.

const softHyphen = '\u00ad'

// syllables are the parts of German role names, with "·" where a line may break. A word is
// hyphenated only when it is made of these parts from its start (an ending such as ":r",
// ":in", "s" or "e" may follow), so a part never matches in the middle of an unrelated word.
var syllables = []string{
	"ab·tei·lung", "ad·mi·nis·tra·tion", "ad·mi·nis·tra·tor", "amt", "an·bie·ter", "an·wen·der",
	"aus·schuss", "be·auf·trag·te", "be·auf·trag·ter", "be·ra·tung", "be·reich", "be·reichs",
	"be·treu·ung", "be·trieb", "be·triebs", "bil·dung", "bil·dungs", "da·ten", "da·ten·schutz",
	"di·gi·tal", "dienst", "dienst·leis·ter", "fach", "ge·schäfts", "haus", "her·stel·ler",
	"in·for·ma·tions", "kom·mu·ni·ka·tions", "ko·or·di·na·tion", "ko·or·di·na·tor", "kräf·te",
	"kreis", "käm·me·rei", "lehr", "lei·te·rin", "lei·ter", "lei·tung", "lie·fe·ran·ten",
	"ma·nage·ment", "medien", "meis·ter", "netz·werk", "pro·jekt", "qua·li·täts", "re·chen",
	"roll·out", "schul", "schu·len", "schutz", "se·kre·ta·ri·at", "ser·vice", "si·cher·heits",
	"stel·le", "sup·port", "sys·tem", "team", "tech·nik", "tech·ni·ker", "te·le", "trä·ger",
	"ver·ant·wort·li·che", "ver·ant·wort·li·cher", "ver·ga·be", "ver·wal·tung", "zen·tra·le",
	"zen·trum",
}

// syllableParts are the syllables as rune slices, with the positions of their breaks.
var syllableParts = func() []syllablePart {
	out := make([]syllablePart, 0, len(syllables))
	for _, s := range syllables {
		var p syllablePart
		for _, r := range s {
			if r == '·' {
				p.breaks = append(p.breaks, len(p.runes))
				continue
			}
			p.runes = append(p.runes, r)
		}
		out = append(out, p)
	}
	return out
}()

type syllablePart struct {
	runes  []rune
	breaks []int
}

// inflection is what may follow the known parts of a word.
func inflection(rest []rune) bool {
	switch strings.ToLower(strings.TrimRight(string(rest), ")]\"'.,;!?")) {
	case "", "e", "en", "er", "es", "n", "s", ":r", ":in", ":innen", "*in", "in", "innen":
		return true
	}
	return false
}

// breakPoint is a place inside a word after which a line may end; strong ones lie between
// the parts of a compound or after "-", "/" and a soft hyphen, weak ones between syllables.
type breakPoint struct {
	at     int // rune position
	strong bool
}

// breakPoints are the places inside word (no spaces) where a line may end. At least two
// letters stay on each side of a break inside a compound.
func breakPoints(word []rune) []breakPoint {
	var out []breakPoint
	start := 0
	for i := 0; i <= len(word); i++ {
		if i < len(word) && word[i] != '-' && word[i] != '/' && word[i] != softHyphen {
			continue
		}
		// Hyphenate each part between "-", "/" and soft hyphens on its own.
		for _, b := range compoundBreaks(word[start:i]) {
			out = append(out, breakPoint{start + b.at, b.strong})
		}
		if i > 0 && i < len(word)-1 {
			out = append(out, breakPoint{i + 1, true})
		}
		start = i + 1
	}
	sort.Slice(out, func(a, b int) bool { return out[a].at < out[b].at })
	return out
}

// compoundBreaks splits a part made only of known syllables (and an inflection), perhaps in
// brackets or quotes.
func compoundBreaks(part []rune) []breakPoint {
	lead := 0
	for lead < len(part) && !unicode.IsLetter(part[lead]) {
		lead++
	}
	if lead > 0 {
		var out []breakPoint
		for _, b := range compoundBreaks(part[lead:]) {
			out = append(out, breakPoint{lead + b.at, b.strong})
		}
		return out
	}
	lower := []rune(strings.ToLower(string(part)))
	if len(lower) != len(part) {
		return nil
	}
	// from[i] is where the known syllable ending at i starts (-1: i is not reached), via[i]
	// which one it is.
	from := make([]int, len(lower)+1)
	via := make([]int, len(lower)+1)
	for i := range from {
		from[i] = -1
	}
	from[0] = 0
	for i := 0; i < len(lower); i++ {
		if from[i] < 0 {
			continue
		}
		for k, p := range syllableParts {
			end := i + len(p.runes)
			if end <= len(lower) && from[end] < 0 && string(lower[i:end]) == string(p.runes) {
				from[end], via[end] = i, k
			}
		}
	}
	end := -1
	for i := len(lower); i > 0; i-- {
		if from[i] >= 0 && inflection(part[i:]) {
			end = i
			break
		}
	}
	if end < 0 {
		return nil
	}
	var out []breakPoint
	for i := end; i > 0; i = from[i] {
		if i < end {
			out = append(out, breakPoint{i, true})
		}
		for _, b := range syllableParts[via[i]].breaks {
			out = append(out, breakPoint{from[i] + b, false})
		}
	}
	var ok []breakPoint
	for _, b := range out {
		if letters(part[:b.at]) >= 2 && letters(part[b.at:]) >= 2 && unicode.IsLetter(part[b.at]) {
			ok = append(ok, b)
		}
	}
	return ok
}

func letters(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// wrapHeader breaks a role's name into lines no wider than width where it can: words stay
// whole, long words break at their break points (with "-" added at a soft break). A piece
// wider than width stays on its own line; widest says how wide the widest line is.
func WrapHeaderWidest(name string, width float32, measure func(string) float32) (lines []string, widest float32) {
	var cur string
	flush := func() {
		if cur != "" {
			lines = append(lines, cur)
			widest = max(widest, measure(cur))
			cur = ""
		}
	}
	for _, word := range strings.Fields(name) {
		w := []rune(word)
		sep := ""
		if cur != "" {
			sep = " "
		}
		if measure(cur+sep+visible(w)) <= width {
			cur += sep + visible(w)
			continue
		}
		if measure(visible(w)) <= width {
			flush()
			cur = visible(w)
			continue
		}
		// The word itself is too wide: put as much of it as fits on each line, ending the
		// line between the parts of a compound where one fits, between syllables otherwise.
		points := append(breakPoints(w), breakPoint{len(w), true})
		start := 0
		for start < len(w) {
			best, bestStrong := -1, -1
			for _, b := range points {
				if b.at > start && measure(cur+sep+piece(w, start, b.at)) <= width {
					best = b.at
					if b.strong {
						bestStrong = b.at
					}
				}
			}
			if bestStrong > start {
				best = bestStrong
			}
			if best < 0 {
				if cur != "" {
					flush()
					sep = ""
					continue
				}
				// Not even one piece fits: take the shortest one anyway.
				best = points[0].at
				for _, b := range points {
					if b.at > start {
						best = b.at
						break
					}
				}
			}
			cur += sep + piece(w, start, best)
			sep = ""
			if best < len(w) {
				flush()
			}
			start = best
		}
	}
	flush()
	return lines, widest
}

// visible is a word as shown: without its soft hyphens.
func visible(w []rune) string {
	return strings.ReplaceAll(string(w), string(softHyphen), "")
}

// piece is w[from:to] as shown on a line that ends at to: a soft break adds a hyphen.
func piece(w []rune, from, to int) string {
	s := visible(w[from:to])
	if to < len(w) && w[to-1] != '-' && w[to-1] != '/' {
		s += "-"
	}
	return s
}

// WrapHeader breaks a column title into lines no wider than width the way the role headers
// break (words whole, long compounds at their syllables with "-"); other tables share it.
func WrapHeader(title string, width float32, measure func(string) float32) []string {
	lines, _ := WrapHeaderWidest(title, width, measure)
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}
