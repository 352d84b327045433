// Package hyphen finds where a German word may be divided at the end of a line, with Liang's
// algorithm (as TeX does) and TeX's German patterns for the reformed spelling (hyph-de-1996,
// MIT licence, embedded with their licence text).
package hyphen

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

//go:embed hyph-de-1996.pat.txt
var patternText string

// License is the licence text of the embedded patterns, for the program's licence list.
//
//go:embed LICENSE-hyph-de-1996.txt
var License string

// leftMin and rightMin are the fewest letters before and after a division (the patterns'
// hyphenmins: 2 and 2).
const (
	leftMin  = 2
	rightMin = 2
)

var (
	once     sync.Once
	patterns map[string][]uint8
	longest  int
)

// load reads the patterns: "ab3a" is the letters "aba" with the value 3 between b and a.
func load() {
	patterns = make(map[string][]uint8, 36000)
	for _, line := range strings.Split(patternText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var letters []rune
		values := []uint8{0}
		for _, c := range line {
			if c >= '0' && c <= '9' {
				values[len(values)-1] = uint8(c - '0')
				continue
			}
			letters = append(letters, c)
			values = append(values, 0)
		}
		patterns[string(letters)] = values
		longest = max(longest, len(letters))
	}
}

// Points returns the positions (in runes, 0 < p < len) at which word may be divided, in
// increasing order. A word with anything but letters gets none: numbers, codes and mixed
// tokens are never divided by this package.
func Points(word string) []int {
	rs := []rune(strings.ToLower(word))
	if len(rs) < leftMin+rightMin {
		return nil
	}
	for _, c := range rs {
		if !unicode.IsLetter(c) {
			return nil
		}
	}
	once.Do(load)
	s := make([]rune, 0, len(rs)+2)
	s = append(append(append(s, '.'), rs...), '.')
	values := make([]uint8, len(s)+1)
	for i := range s {
		for j := i + 1; j <= len(s) && j-i <= longest; j++ {
			v, ok := patterns[string(s[i:j])]
			if !ok {
				continue
			}
			for k, x := range v {
				values[i+k] = max(values[i+k], x)
			}
		}
	}
	// values[k+1] lies between s[k] and s[k+1], that is before the word's rune k.
	var out []int
	for p := leftMin; p <= len(rs)-rightMin; p++ {
		if values[p+1]%2 == 1 {
			out = append(out, p)
		}
	}
	return out
}

// Hyphenate writes word with sep at every point where it may be divided (for tests and
// checks: Hyphenate("Vorzeitraum", "-") is "Vor-zeit-raum").
func Hyphenate(word, sep string) string {
	rs := []rune(word)
	var b strings.Builder
	last := 0
	for _, p := range Points(word) {
		b.WriteString(string(rs[last:p]))
		b.WriteString(sep)
		last = p
	}
	b.WriteString(string(rs[last:]))
	return b.String()
}
